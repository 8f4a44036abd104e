//! What the sources disagree on: figures whose sources contradict each other (camp against
//! camp), then running totals that grew between reports.

use sinew_analysis::{LedgerClaim, LedgerGroup, Verdict};
use sinew_types::Claim;

use super::picks;
use super::Corpus;
use crate::model::CitedSentence;
use crate::text::squash;

impl Corpus<'_> {
    /// "North Korea → Russia, supplies of containers: " for a group.
    pub(super) fn group_head(g: &LedgerGroup) -> String {
        let actors = crate::model::pair(
            g.subject.as_deref(),
            g.object.as_deref().filter(|_| !super::judgments::losses(g)),
            super::judgments::bilateral(g),
        );
        let mut text = squash(&actors);
        if !text.is_empty() {
            text.push_str(", ");
        }
        text.push_str(&squash(&g.measure));
        if let Some(per) = &g.per {
            text.push_str(&format!(" (per {})", squash(per)));
        }
        text.push_str(": ");
        text
    }

    /// Conflicts, then running totals that changed: each figure cited, each line saying which.
    pub(super) fn disagreements(&self) -> Vec<CitedSentence> {
        let claims = self.findings.claims;
        let mut out = Vec::new();
        for g in picks::disagreement_groups(self.findings.ledger) {
            let conflict = g.verdict == Verdict::Conflict;
            let mut text = Self::group_head(g);
            let (mut citations, mut marks) = (Vec::new(), Vec::new());
            for (camp, members) in picks::camps(g).into_iter().enumerate() {
                if camp > 0 {
                    text.push_str(if conflict { " vs " } else { " → " });
                }
                let mut members: Vec<(&LedgerClaim, &Claim)> = members
                    .into_iter()
                    .filter_map(|m| Some((m, claims.get(&m.claim)?)))
                    .filter(|(_, c)| self.locate(c).is_some())
                    .collect();
                members.sort_by(|a, b| a.0.bounds.stated.total_cmp(&b.0.bounds.stated));
                for (k, (_, c)) in members.into_iter().enumerate() {
                    if k > 0 {
                        text.push_str(", ");
                    }
                    self.cite_claim(c, &mut text, &mut citations, &mut marks);
                }
            }
            if citations.is_empty() {
                continue;
            }
            text.push_str(if conflict {
                ". The sources contradict each other beyond rounding."
            } else {
                ". A running total that grew between reports: an update, not a contradiction."
            });
            out.push(CitedSentence {
                text,
                citations,
                marks,
                verbatim: false,
                speaker: None,
            });
        }
        out
    }
}
