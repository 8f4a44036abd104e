//! Sections: article sentences grouped by pair of actors and kind of flow, with the figures
//! of that pair and theme.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::figures::{figure_line, row_pair};
use super::{find_sentence, Corpus, Sent, Used};
use crate::model::{CitedSentence, FigureRow, Section};
use crate::text::words;
use crate::themes::{theme_of, THEMES};

const MAX_SECTIONS: usize = 8;
const MAX_SECTION_SENTENCES: usize = 6;
const MAX_SECTION_FIGURES: usize = 5;

/// A section's pair of actors (sorted) and theme index.
type SectionKey = (Vec<String>, usize);

impl<'a> Corpus<'a> {
    pub(super) fn sections(
        &self,
        figures: &[FigureRow],
        actors: &[(String, usize)],
        used: &mut Used,
    ) -> Vec<Section> {
        let rank: HashMap<&str, usize> = actors
            .iter()
            .enumerate()
            .map(|(i, (n, _))| (n.as_str(), i))
            .collect();
        // (pair, theme) -> sentences with their scores
        let mut buckets: BTreeMap<SectionKey, Vec<(usize, &Sent)>> = BTreeMap::new();
        for s in self.sents.iter().flatten().filter(|s| s.usable) {
            let ws = self.sentence_words(s);
            let Some((theme, hits)) = theme_of(&ws) else {
                continue;
            };
            let Some(pair) = self.pair_of(s, &rank) else {
                continue;
            };
            buckets
                .entry((pair, theme))
                .or_default()
                .push((s.claims.len() * 3 + hits, s));
        }
        let mut keys: Vec<(Vec<String>, usize, usize, usize)> = buckets
            .iter()
            .map(|((pair, theme), list)| {
                let docs = list
                    .iter()
                    .map(|(_, s)| s.doc)
                    .collect::<BTreeSet<_>>()
                    .len();
                (pair.clone(), *theme, docs, list.len())
            })
            .collect();
        keys.sort_by(|a, b| {
            b.2.cmp(&a.2)
                .then(b.3.cmp(&a.3))
                .then(a.0.cmp(&b.0))
                .then(a.1.cmp(&b.1))
        });
        // sections of one sentence only when nothing better exists
        if keys.iter().any(|k| k.3 >= 2) {
            keys.retain(|k| k.3 >= 2);
        }

        let mut sections = Vec::new();
        for (pair, theme, _, _) in keys {
            if sections.len() >= MAX_SECTIONS {
                break;
            }
            let mut list = buckets.remove(&(pair.clone(), theme)).unwrap_or_default();
            list.sort_by(|a, b| {
                b.0.cmp(&a.0)
                    .then(a.1.doc.cmp(&b.1.doc))
                    .then(a.1.span.start.cmp(&b.1.span.start))
            });
            let mut chosen: Vec<&Sent> = Vec::new();
            for (_, s) in list {
                if chosen.len() >= MAX_SECTION_SENTENCES {
                    break;
                }
                let sig = self.sentence_signature(s);
                let key = (s.doc, s.span.start);
                if !used.seen(key, &sig) {
                    used.add(key, sig);
                    chosen.push(s);
                }
            }
            if chosen.is_empty() {
                continue;
            }
            // by publication date, then document (numbered by date), then position
            chosen.sort_by_key(|s| (s.doc, s.span.start));
            let sentences: Vec<CitedSentence> =
                chosen.iter().filter_map(|s| self.quote(s)).collect();
            let figures: Vec<CitedSentence> = figures
                .iter()
                .filter(|r| row_pair(r).as_ref() == Some(&pair) && self.row_theme(r) == Some(theme))
                .take(MAX_SECTION_FIGURES)
                .filter_map(figure_line)
                .collect();
            let name = THEMES[theme].name;
            sections.push(Section {
                title: format!("{}: {}", pair.join(" and "), name),
                actors: pair,
                theme: name.to_string(),
                sentences,
                figures,
            });
        }
        sections
    }

    /// The pair of actors a sentence is about: from its claims when they name both, else the
    /// two best-ranked countries it names; sorted by name.
    pub(super) fn pair_of(&self, s: &Sent, rank: &HashMap<&str, usize>) -> Option<Vec<String>> {
        for &c in &s.claims {
            let claim = &self.claims[c];
            if let (Some(a), Some(b)) = (&claim.subject, &claim.object) {
                let (a, b) = (a.trim(), b.trim());
                if !a.is_empty() && !b.is_empty() && a != b {
                    let mut pair = vec![a.to_string(), b.to_string()];
                    pair.sort();
                    return Some(pair);
                }
            }
        }
        let mut named: Vec<&String> = s.actors.iter().collect();
        named.sort_by_key(|a| {
            (
                rank.get(a.as_str()).copied().unwrap_or(usize::MAX),
                a.as_str(),
            )
        });
        if named.len() < 2 {
            return None;
        }
        let mut pair = vec![named[0].clone(), named[1].clone()];
        pair.sort();
        Some(pair)
    }

    pub(super) fn row_theme(&self, r: &FigureRow) -> Option<usize> {
        let mut ws: Vec<String> = words(&r.measure).collect();
        for cell in &r.cells {
            if let Some((d, Some(i))) = self
                .doc_number(&cell.citation)
                .map(|d| (d, find_sentence(&self.sents[d], cell.citation.span)))
            {
                let s = &self.sents[d][i];
                ws.extend(words(s.span.slice(self.text(d)).unwrap_or_default()));
            }
        }
        theme_of(&ws).map(|(t, _)| t)
    }
}
