//! The glossary: entities, most mentioned first, each with the appositive or sentence that
//! first describes it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sinew_types::{EntityType, Span};

use super::{find_sentence, Corpus};
use crate::model::{CitedSentence, GlossaryEntry};
use crate::text::squash;

const MAX_GLOSSARY: usize = 24;
const MAX_APPOSITIVE: usize = 240;

impl<'a> Corpus<'a> {
    /// Entities named in the given documents, by mentions across the store (the findings'
    /// counts; the given documents' own where the store has none), most first, then by first
    /// appearance; each with where its mentions are, in document order.
    pub(super) fn entity_ranking(&self) -> Vec<EntityInfo<'a>> {
        let stored: HashMap<&str, usize> = self
            .findings
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e.mentions))
            .collect();
        let mut by_id: BTreeMap<String, EntityInfo<'a>> = BTreeMap::new();
        let mut first = 0usize;
        for (d, b) in self.docs.iter().enumerate() {
            let text = self.text(d);
            for m in &b.ann.mentions {
                let name = m.canonical.trim();
                if name.is_empty() || m.span.slice(text) != Some(m.text.as_str()) {
                    continue;
                }
                let id = if m.id.trim().is_empty() {
                    format!("{}:{}", m.entity_type.as_str(), name.to_lowercase())
                } else {
                    m.id.clone()
                };
                let e = by_id.entry(id).or_insert_with(|| {
                    first += 1;
                    EntityInfo {
                        name,
                        entity_type: m.entity_type,
                        count: 0,
                        first,
                        at: Vec::new(),
                    }
                });
                e.count += 1;
                if e.at.len() < 6 {
                    e.at.push((d, m.span));
                }
            }
        }
        let mut list: Vec<EntityInfo<'a>> = by_id
            .into_iter()
            .map(|(id, mut e)| {
                if let Some(&n) = stored.get(id.as_str()) {
                    e.count = n;
                }
                e
            })
            .collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));
        list
    }

    pub(super) fn glossary(&self) -> Vec<GlossaryEntry> {
        let mut out = Vec::new();
        let mut used: BTreeSet<(usize, usize)> = BTreeSet::new();
        for e in self.entity_ranking() {
            if out.len() >= MAX_GLOSSARY {
                break;
            }
            let description =
                e.at.iter()
                    .filter(|_| !matches!(e.entity_type, EntityType::Country | EntityType::Place))
                    .find_map(|&(d, span)| self.appositive(d, span))
                    .or_else(|| {
                        e.at.iter().find_map(|&(d, span)| {
                            let i = find_sentence(&self.sents[d], span)?;
                            let s = &self.sents[d][i];
                            (s.usable && !used.contains(&(d, s.span.start)))
                                .then(|| self.quote(s))
                                .flatten()
                        })
                    });
            let Some(description) = description else {
                continue;
            };
            if let Some(c) = description.citations.first() {
                if let Some(d) = self.doc_number(c) {
                    if let Some(i) = find_sentence(&self.sents[d], c.span) {
                        used.insert((d, self.sents[d][i].span.start));
                    }
                }
            }
            out.push(GlossaryEntry {
                name: e.name.to_string(),
                entity_type: e.entity_type,
                mentions: e.count,
                description,
            });
        }
        out
    }

    /// "Daniel Salisbury, a visiting research fellow at King's College London": the name and
    /// the appositive clause after it, cited as one span.
    pub(super) fn appositive(&self, d: usize, mention: Span) -> Option<CitedSentence> {
        let text = self.text(d);
        let i = find_sentence(&self.sents[d], mention)?;
        let sentence = self.sents[d][i].span;
        let rest = text.get(mention.end..sentence.end)?;
        let after = rest.strip_prefix(", ")?;
        let first = after.split_whitespace().next()?.to_lowercase();
        const OPENERS: &[&str] = &[
            "a",
            "an",
            "the",
            "who",
            "director",
            "head",
            "chief",
            "professor",
            "minister",
            "president",
            "leader",
            "secretary",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "senior",
            "former",
            "deputy",
            "founder",
        ];
        if !OPENERS.contains(&first.as_str()) {
            return None;
        }
        // "South Korea and Japan, the main allies ...": the clause describes the whole list
        let before = text.get(sentence.start..mention.start)?.trim_end();
        if [" and", " or"].iter().any(|w| before.ends_with(w)) || before == "and" || before == "or"
        {
            return None;
        }
        let stop = after
            .char_indices()
            .find(|&(_, c)| matches!(c, ',' | ';' | '(' | ')' | '—' | '–' | '“' | '”' | '"'))
            .map_or(after.len(), |(i, _)| i);
        let clause = after[..stop].trim_end().trim_end_matches(['.', '!', '?']);
        if clause.split_whitespace().count() < 2 || clause.len() > MAX_APPOSITIVE {
            return None;
        }
        // "the United States, the European Union, Japan": a list of names, not a description
        if clause
            .split_whitespace()
            .skip(1)
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        {
            return None;
        }
        let end = mention.end + 2 + clause.len();
        let span = Span::new(mention.start, end);
        let shown = span.slice(text)?;
        let text = squash(shown);
        let mark = text.len();
        Some(CitedSentence {
            text,
            citations: vec![self.citation(d, span)],
            marks: vec![mark],
            verbatim: true,
        })
    }
}

pub(super) struct EntityInfo<'a> {
    pub(super) name: &'a str,
    entity_type: EntityType,
    count: usize,
    first: usize,
    at: Vec<(usize, Span)>,
}
