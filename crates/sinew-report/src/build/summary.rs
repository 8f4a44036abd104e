//! The summary: the figure lines most sources share, then article sentences that link the
//! top actors, taking documents in turn.

use std::collections::{BTreeMap, BTreeSet};

use super::figures::figure_line;
use super::{Corpus, Sent, Used};
use crate::model::{CitedSentence, FigureRow};
use crate::text::words;
use crate::themes::theme_of;

const MAX_SUMMARY: usize = 7;
const MAX_SUMMARY_FIGURES: usize = 3;

impl<'a> Corpus<'a> {
    pub(super) fn summary(
        &self,
        figures: &[FigureRow],
        top: &[&str],
        used: &mut Used,
    ) -> Vec<CitedSentence> {
        let mut out: Vec<CitedSentence> = Vec::new();
        let multi_doc = |r: &FigureRow| {
            r.cells
                .iter()
                .map(|c| &c.citation.doc)
                .collect::<BTreeSet<_>>()
                .len()
                >= 2
        };
        let mut lines: Vec<&FigureRow> = figures
            .iter()
            .filter(|r| multi_doc(r))
            .take(MAX_SUMMARY_FIGURES)
            .collect();
        if lines.is_empty() {
            lines = figures
                .iter()
                .filter(|r| r.cells.len() >= 2)
                .take(MAX_SUMMARY_FIGURES)
                .collect();
        }
        out.extend(lines.into_iter().filter_map(figure_line));

        // Extractive: sentences whose claims link top actors, else sentences naming two of
        // them on a theme; best first, taking documents in turn.
        let is_top = |n: &Option<String>| n.as_deref().is_some_and(|n| top.contains(&n));
        let mut scored: Vec<(usize, &Sent)> = Vec::new();
        for s in self.sents.iter().flatten().filter(|s| s.usable) {
            let linking = s
                .claims
                .iter()
                .filter(|&&c| is_top(&self.claims[c].subject) && is_top(&self.claims[c].object))
                .count();
            let named = s
                .actors
                .iter()
                .filter(|a| top.contains(&a.as_str()))
                .count();
            let theme = theme_of(&self.sentence_words(s)).is_some();
            if linking == 0 && !(named >= 2 && theme) {
                continue;
            }
            scored.push((linking * 4 + s.claims.len() + named + usize::from(theme), s));
        }
        scored.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.1.doc.cmp(&b.1.doc))
                .then(a.1.span.start.cmp(&b.1.span.start))
        });
        let mut by_doc: BTreeMap<usize, Vec<&Sent>> = BTreeMap::new();
        for (_, s) in scored {
            by_doc.entry(s.doc).or_default().push(s);
        }
        let mut queues: Vec<std::vec::IntoIter<&Sent>> =
            by_doc.into_values().map(Vec::into_iter).collect();
        while out.len() < MAX_SUMMARY && !queues.is_empty() {
            queues.retain(|q| q.len() > 0);
            for q in &mut queues {
                if out.len() >= MAX_SUMMARY {
                    break;
                }
                // the next sentence of this document that is not a repeat
                for s in q.by_ref() {
                    let sig = self.sentence_signature(s);
                    let key = (s.doc, s.span.start);
                    if used.seen(key, &sig) {
                        continue;
                    }
                    if let Some(q) = self.quote(s) {
                        used.add(key, sig);
                        out.push(q);
                        break;
                    }
                }
            }
        }
        out
    }

    /// Words a sentence is themed by: its own, plus its claims' measures.
    pub(super) fn sentence_words(&self, s: &Sent) -> Vec<String> {
        let text = s.span.slice(self.text(s.doc)).unwrap_or_default();
        let mut w: Vec<String> = words(text).collect();
        for &c in &s.claims {
            w.extend(words(&self.claims[c].measure));
        }
        w
    }
}
