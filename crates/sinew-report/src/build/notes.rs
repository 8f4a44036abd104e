//! Where each citation leads: the cited words inside their whole sentence, numbered in the
//! order the briefing first cites them, so a reader checks a claim without leaving the page
//! (the HTML links each marker to its note, the note marks the span; Markdown names the
//! document, date and words).

use std::collections::BTreeSet;

use sinew_types::{DocId, Span};

use super::{find_sentence, Corpus};
use crate::model::{Briefing, Note};
use crate::text::squash;

impl Corpus<'_> {
    /// A note for every distinct citation of `b`, in reading order.
    pub(super) fn notes(&self, b: &Briefing) -> Vec<Note> {
        let mut seen: BTreeSet<(DocId, Span)> = BTreeSet::new();
        let mut out = Vec::new();
        let cites = b.sentences().flat_map(|s| s.citations.iter()).chain(
            b.figures
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| &c.citation)),
        );
        for c in cites {
            if !seen.insert((c.doc.clone(), c.span)) {
                continue;
            }
            let Some(doc) = self.doc_number(c) else {
                continue;
            };
            let text = self.text(doc);
            // the whole sentence around the span; the span alone when it crosses sentences
            let sentence =
                find_sentence(&self.sents[doc], c.span).map_or(c.span, |i| self.sents[doc][i].span);
            let (Some(before), Some(marked), Some(after)) = (
                text.get(sentence.start..c.span.start),
                c.span.slice(text),
                text.get(c.span.end..sentence.end),
            ) else {
                continue;
            };
            out.push(Note {
                number: out.len() + 1,
                citation: c.clone(),
                source: doc + 1,
                before: squash_keep_edges(before),
                marked: squash(marked),
                after: squash_keep_edges(after),
            });
        }
        out
    }

    /// Sets each source's count of the citations pointing into it.
    pub(super) fn count_citations(&self, b: &mut Briefing) {
        let mut counts = vec![0usize; b.sources.len()];
        for s in b.sentences() {
            for c in &s.citations {
                if let Some(d) = self.doc_number(c) {
                    counts[d] += 1;
                }
            }
        }
        for r in &b.figures {
            for c in &r.cells {
                if let Some(d) = self.doc_number(&c.citation) {
                    counts[d] += 1;
                }
            }
        }
        for (s, n) in b.sources.iter_mut().zip(counts) {
            s.cited = n;
        }
    }
}

/// Whitespace squashed, but a space kept at either edge where there was one, so that the
/// words before and after the marked span do not run into it.
fn squash_keep_edges(s: &str) -> String {
    let mut out = squash(s);
    if out.is_empty() {
        return if s.is_empty() { out } else { " ".to_string() };
    }
    if s.starts_with(char::is_whitespace) {
        out.insert(0, ' ');
    }
    if s.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    out
}
