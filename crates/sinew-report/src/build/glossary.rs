//! The glossary: the most mentioned entities that the articles describe, each with its
//! description in the articles' words (an appositive, a role title, "X is a ..."; see
//! sinew-nlp `describe.rs`) and the citation of those words.
//!
//! The description is the one the store chose for the entity across every stored document
//! ([`Described`]), so the glossary says the same whichever documents the briefing quotes;
//! [`cited_documents`](crate::cited_documents) asks for the documents those words are in. An
//! entity nothing describes gets no line: a sentence that merely names it says nothing about
//! what it is.

use std::collections::{BTreeMap, HashMap};

use super::Corpus;
use crate::findings::{Described, EntityCount, Findings};
use crate::model::{CitedSentence, GlossaryEntry};
use crate::text::squash;

pub(crate) const MAX_GLOSSARY: usize = 24;

/// The described entities a glossary may show, most mentioned first (in the findings' order
/// among equals), at most [`MAX_GLOSSARY`].
pub(crate) fn described<'f>(
    findings: &Findings<'f>,
) -> impl Iterator<Item = (&'f EntityCount, &'f Described)> {
    let mut list: Vec<(&EntityCount, &Described)> = findings
        .entities
        .iter()
        .filter_map(|e| Some((e, e.description.as_ref()?)))
        .filter(|(e, _)| !not_a_name(&e.name))
        .filter(|(e, d)| !names_only_its_type(&d.text, e.entity_type))
        .collect();
    list.sort_by_key(|e| std::cmp::Reverse(e.0.mentions));
    list.into_iter().take(MAX_GLOSSARY)
}

/// True for a description that says no more than the entity's type ("think tank" for a
/// think tank, "a company" for a company): the glossary already gives the type, so such a
/// line describes nothing. Articles aside, every word must be one of the type's.
fn names_only_its_type(description: &str, entity_type: sinew_types::EntityType) -> bool {
    let kind: Vec<&str> = entity_type.as_str().split('_').collect();
    let mut said = crate::text::words(description)
        .filter(|w| !matches!(w.as_str(), "a" | "an" | "the"))
        .peekable();
    said.peek().is_some() && said.all(|w| kind.contains(&w.as_str()))
}

/// True for a "name" that is a connective or a pronoun the recogniser took for one
/// ("Additionally"): no entity, so no glossary line.
fn not_a_name(name: &str) -> bool {
    let ws: Vec<String> = crate::text::words(name).collect();
    let lex = crate::lexicon::lexicon();
    ["connectives", "pronouns"]
        .iter()
        .any(|l| crate::lexicon::leading_entry(&ws, lex.list(l)).is_some_and(|n| n == ws.len()))
}

/// True when the words the description follows show that `name` is part of a longer name
/// the recogniser cut: more of the name right after it ("Power of Siberia 2, a proposed
/// pipeline", a number or a capitalised word before the comma), or, for a name that is no
/// person's (a person's name follows a title), right before it ("the Order of St Andrew the
/// Apostle, Russia's highest state award"). The glossary would describe the longer thing
/// under the shorter name.
fn cut_name(
    text: &str,
    name: &str,
    described_at: usize,
    entity_type: sinew_types::EntityType,
) -> bool {
    const LOOK_BACK: usize = 120;
    let mut from = described_at.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let Some(before) = text.get(from..described_at) else {
        return false;
    };
    let Some(at) = before.rfind(name) else {
        return false;
    };
    let capital_or_number = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    // after the name, before the description: only a comma, a dash or an opening bracket
    let after = &before[at + name.len()..];
    let first_after = after
        .trim_start()
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '—' | '–'))
        .next()
        .unwrap_or_default();
    if capital_or_number(first_after) {
        return true;
    }
    if entity_type == sinew_types::EntityType::Person {
        return false;
    }
    // before the name: a capitalised word, perhaps across "the" and "of" ("St Andrew the",
    // "Order of the")
    let mut words = before[..at].split_whitespace().rev().peekable();
    let mut joined = 0;
    while words.next_if(|w| matches!(*w, "the" | "of")).is_some() {
        joined += 1;
    }
    match words.next() {
        Some(w) if joined > 0 => capital_or_number(w),
        // a sentence's capitalised article is no name
        Some(w) => {
            capital_or_number(w)
                && !w.ends_with(['.', ',', ';', ':'])
                && !matches!(w, "The" | "A" | "An")
        }
        None => false,
    }
}

impl<'a> Corpus<'a> {
    /// Entities named in the given documents, by mentions across the store (the findings'
    /// counts; the given documents' own where the store has none), most first, then by first
    /// appearance: the title's names when no actor stands out.
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
                        count: 0,
                        first,
                    }
                });
                e.count += 1;
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
        described(&self.findings)
            .filter_map(|(e, d)| {
                let doc = self.doc_number(&d.citation)?;
                let words = d.citation.span.slice(self.text(doc))?;
                if cut_name(
                    self.text(doc),
                    &e.name,
                    d.citation.span.start,
                    e.entity_type,
                ) {
                    return None;
                }
                let text = squash(&d.text);
                if text.is_empty() {
                    return None;
                }
                let mark = text.len();
                // A role title is shown in lower case ("defence minister"), so only an
                // appositive's words are the cited words themselves.
                let verbatim = squash(words) == text;
                Some(GlossaryEntry {
                    name: e.name.clone(),
                    entity_type: e.entity_type,
                    mentions: e.mentions,
                    description: CitedSentence {
                        text,
                        citations: vec![self.citation(doc, d.citation.span)],
                        marks: vec![mark],
                        verbatim,
                        speaker: None,
                    },
                    as_of: (e.entity_type == sinew_types::EntityType::Person)
                        .then(|| self.docs[doc].doc.published)
                        .flatten(),
                })
            })
            .collect()
    }
}

pub(super) struct EntityInfo<'a> {
    pub(super) name: &'a str,
    count: usize,
    first: usize,
}

#[cfg(test)]
mod tests {
    use sinew_types::EntityType;

    use super::cut_name;

    #[test]
    fn a_name_the_recogniser_cut_gets_no_glossary_line() {
        let cut = |text: &str, name: &str, described: &str, t: EntityType| {
            cut_name(text, name, text.find(described).expect("described"), t)
        };
        let text = "No deal was made on Andes Link 2, a planned cable to Peru.";
        assert!(cut(
            text,
            "Andes Link",
            "a planned cable",
            EntityType::Other
        ));
        let text = "She was given the Order of the Condor, Chile's highest award.";
        assert!(cut(
            text,
            "Condor",
            "Chile's highest award",
            EntityType::Other
        ));
        // the whole name, and a person after a title
        assert!(!cut(
            text,
            "Order of the Condor",
            "Chile's highest award",
            EntityType::Other
        ));
        let text = "Talks were held with President Ana Rios, Peru's leader, on Monday.";
        assert!(!cut(text, "Ana Rios", "Peru's leader", EntityType::Person));
        let text = "The Andes Link, a planned cable to Peru, was delayed.";
        assert!(!cut(
            text,
            "Andes Link",
            "a planned cable",
            EntityType::Other
        ));
    }
}
