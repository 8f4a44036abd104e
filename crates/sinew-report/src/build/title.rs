//! The briefing's title: the most mentioned actors.

use std::collections::BTreeMap;

use sinew_types::EntityType;

use super::Corpus;

impl<'a> Corpus<'a> {
    /// Countries by number of mentions, most first (ties: by name).
    pub(super) fn actor_ranking(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for b in &self.docs {
            for m in &b.ann.mentions {
                if m.entity_type == EntityType::Country && !m.canonical.trim().is_empty() {
                    *counts.entry(m.canonical.trim()).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(n, c)| (n.to_string(), c))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }
}

pub(super) fn derive_title(top: &[&str], corpus: &Corpus<'_>) -> String {
    let mut names: Vec<&str> = top.to_vec();
    if names.is_empty() {
        names = corpus
            .entity_ranking()
            .into_iter()
            .take(3)
            .map(|e| e.name)
            .collect();
    }
    if names.is_empty() {
        return "Briefing".to_string();
    }
    names.sort_unstable();
    format!("Briefing: {}", names.join(", "))
}
