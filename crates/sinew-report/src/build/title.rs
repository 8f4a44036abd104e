//! The briefing's title: the most mentioned actors across the store.

use std::collections::BTreeMap;

use sinew_types::EntityType;

use super::Corpus;

impl Corpus<'_> {
    /// Countries by number of mentions across the store, most first (ties: by name).
    pub(super) fn actor_ranking(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for e in self.findings.entities {
            if e.entity_type == EntityType::Country && !e.name.trim().is_empty() {
                *counts.entry(e.name.trim()).or_default() += e.mentions;
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
