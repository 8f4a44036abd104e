//! What the sources disagree on: figures whose sources contradict each other (camp against
//! camp), then running totals that grew between reports.

use sinew_analysis::{build_ledger, Ledger, LedgerClaim, LedgerGroup, SourceDoc, Verdict};

use super::Corpus;
use crate::model::CitedSentence;
use crate::text::squash;

const MAX_DISAGREEMENTS: usize = 12;

impl<'a> Corpus<'a> {
    /// The ledger over the corpus's claims: near-duplicates count once, publication dates
    /// order running totals.
    pub(super) fn ledger(&self) -> Ledger {
        let docs: Vec<SourceDoc> = self
            .docs
            .iter()
            .map(|b| SourceDoc {
                id: b.doc.id.clone(),
                name: b.doc.source.clone(),
                published: b.doc.published,
                duplicate_of: b.doc.duplicate_of.clone(),
            })
            .collect();
        build_ledger(&self.claims, &docs)
    }

    /// "North Korea → Russia, supplies of containers: " for a group.
    pub(super) fn group_head(g: &LedgerGroup) -> String {
        let mut text = String::new();
        match (&g.subject, &g.object) {
            (Some(s), Some(o)) => text.push_str(&format!("{} → {}, ", squash(s), squash(o))),
            (Some(s), None) => text.push_str(&format!("{}, ", squash(s))),
            (None, Some(o)) => text.push_str(&format!("→ {}, ", squash(o))),
            (None, None) => {}
        }
        text.push_str(&squash(&g.measure));
        if let Some(per) = &g.per {
            text.push_str(&format!(" (per {})", squash(per)));
        }
        text.push_str(": ");
        text
    }

    /// Conflicts, then running totals that changed: each figure cited, each line saying which.
    pub(super) fn disagreements(&self, ledger: &Ledger) -> Vec<CitedSentence> {
        let mut out = Vec::new();
        for verdict in [Verdict::Conflict, Verdict::Update] {
            for g in ledger.groups.iter().filter(|g| g.verdict == verdict) {
                if out.len() >= MAX_DISAGREEMENTS {
                    return out;
                }
                let mut text = Self::group_head(g);
                let (mut citations, mut marks) = (Vec::new(), Vec::new());
                let camps = g.claims.iter().map(|m| m.camp).max().unwrap_or(0) + 1;
                for camp in 0..camps {
                    if camp > 0 {
                        text.push_str(if verdict == Verdict::Conflict {
                            " vs "
                        } else {
                            " → "
                        });
                    }
                    let mut members: Vec<&LedgerClaim> = g
                        .claims
                        .iter()
                        .filter(|m| m.camp == camp && self.quotable_claim(m.claim))
                        .collect();
                    members.sort_by(|a, b| a.bounds.stated.total_cmp(&b.bounds.stated));
                    for (k, m) in members.into_iter().enumerate() {
                        if k > 0 {
                            text.push_str(", ");
                        }
                        self.cite_claim(m.claim, &mut text, &mut citations, &mut marks);
                    }
                }
                if citations.is_empty() {
                    continue;
                }
                text.push_str(match verdict {
                    Verdict::Conflict => ". The sources contradict each other beyond rounding.",
                    _ => ". A running total that grew between reports: an update, not a contradiction.",
                });
                out.push(CitedSentence {
                    text,
                    citations,
                    marks,
                    verbatim: false,
                });
            }
        }
        out
    }
}
