//! What the sources disagree on: figures whose sources contradict each other (camp against
//! camp), then running totals that grew between reports. A conflict whose statements, dated
//! by their own times, only grow is a trend (a deployment counted at different dates) and is
//! written as one, each statement in date order.

use sinew_analysis::{LedgerClaim, LedgerGroup, Verdict};
use sinew_types::{Citation, Claim};

use chrono::Datelike;

use super::judgments::{stated_noun, written, Located};
use super::picks;
use super::timeline::month_year;
use super::trend::{moves_over_time, new_highs, only_grows};
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
            if conflict {
                if let Some(line) = self.rise_over_time(g) {
                    out.push(line);
                    continue;
                }
            }
            let mut text = Self::group_head(g);
            let (mut citations, mut marks) = (Vec::new(), Vec::new());
            let camps = picks::camps(g);
            // a running total that changed: its statements give a count of things, or a
            // figure (money, a percentage, an amount of goods)
            let what = if conflict {
                "figure"
            } else {
                super::judgments::stated_noun(
                    camps.iter().flatten().filter_map(|m| claims.get(&m.claim)),
                )
            };
            let by_how_much = how_far_apart(&camps, what);
            for (camp, members) in camps.into_iter().enumerate() {
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
            // a figure that moves over time: who disagrees with whom at comparable times,
            // not the oldest figure against the newest; among every statement of the group
            // (the line shows a few of each camp, and a voice's latest may not be among them),
            // each cited where the clause names it unless the line cites it already; when
            // that would take the line past its bound of statements, among those it shows
            let located: Vec<Located<'_>> = self
                .located(g)
                .into_iter()
                .filter(|l| !self.derivative(l.doc))
                .collect();
            if conflict && moves_over_time(g, &located) {
                let fresh = |at: &[(Citation, usize)]| {
                    at.iter().filter(|(c, _)| !citations.contains(c)).count()
                };
                let clause = self
                    .disagreement(g, &located)
                    .filter(|(_, at, _)| citations.len() + fresh(at) <= picks::MAX_STATEMENTS)
                    .or_else(|| {
                        let shown: Vec<Located<'_>> = located
                            .iter()
                            .filter(|l| citations.contains(&self.citation(l.doc, l.span)))
                            .copied()
                            .collect();
                        self.disagreement(g, &shown)
                    });
                match clause {
                    Some((clause, at, _)) => {
                        text.push_str(
                            ". The sources contradict each other beyond rounding at comparable \
                             times: ",
                        );
                        let base = text.len();
                        text.push_str(&clause);
                        for (c, k) in at {
                            if !citations.contains(&c) {
                                citations.push(c);
                                marks.push(base + k);
                            }
                        }
                        text.push('.');
                    }
                    None => text.push_str(
                        ". The figures differ, but no two sources give theirs at comparable \
                         times: they may differ by when each was counted.",
                    ),
                }
                out.push(CitedSentence {
                    text,
                    citations,
                    marks,
                    verbatim: false,
                    speaker: None,
                });
                continue;
            }
            text.push_str(if conflict {
                ". The sources contradict each other beyond rounding"
            } else {
                ". A running total that changed between reports"
            });
            if let Some(how) = by_how_much {
                text.push_str(": ");
                text.push_str(&how);
            }
            text.push_str(if conflict {
                "."
            } else {
                "; an update, not a contradiction."
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

impl Corpus<'_> {
    /// A conflict whose statements, dated by their own times, only grow: a deployment or a
    /// stock counted at different dates, written as a rise over time with each statement
    /// cited in date order ("some 1,500 (18 October 2024) → around 10,000 (28 October
    /// 2024)"). `None` when a statement has no date, all share one day, or a later one is
    /// lower (then the sources do disagree).
    fn rise_over_time(&self, g: &LedgerGroup) -> Option<CitedSentence> {
        let located: Vec<Located<'_>> = self
            .located(g)
            .into_iter()
            .filter(|l| !self.derivative(l.doc))
            .collect();
        let dated = self.by_stated_day(&located);
        if dated.len() < located.len() || new_highs(&dated).len() < 2 || !only_grows(&dated) {
            return None;
        }
        let (unit, per) = (g.unit.as_deref(), g.per.as_deref());
        let mut text = Self::group_head(g);
        let (mut citations, mut marks) = (Vec::new(), Vec::new());
        for (k, ((day, precise), l)) in dated.iter().enumerate() {
            if k > 0 {
                text.push_str(" → ");
            }
            let when = if *precise {
                format!("{} {}", day.day(), month_year(*day))
            } else {
                month_year(*day)
            };
            text.push_str(&format!("{} ({when})", written(l, unit, per)));
            citations.push(self.citation(l.doc, l.span));
            marks.push(text.len());
        }
        let noun = stated_noun(dated.iter().map(|(_, l)| l.claim));
        text.push_str(&format!(
            ". A {noun} that rose over time, each later statement at or above the earlier ones: \
             a trend, not a disagreement."
        ));
        Some(CitedSentence {
            text,
            citations,
            marks,
            verbatim: false,
            speaker: None,
        })
    }
}

/// By how much the camps of a group differ, in words: the highest figure against the lowest
/// ("the highest figure is 54% above the lowest"; `what` is "count" for a running total of
/// things).
/// Camps are numbered by value, not by time, so no direction is claimed. `None` when there
/// is one camp or a figure is zero or negative (no ratio to state).
fn how_far_apart(camps: &[Vec<&LedgerClaim>], what: &str) -> Option<String> {
    let all = || camps.iter().flatten().map(|m| m.bounds.stated);
    let low = all().fold(f64::INFINITY, f64::min);
    let high = all().fold(f64::NEG_INFINITY, f64::max);
    if camps.len() < 2 || !(low.is_finite() && high.is_finite() && low > 0.0) {
        return None;
    }
    let p = ((high / low - 1.0) * 100.0).round();
    let by = if p < 1.0 {
        "less than 1%".to_string()
    } else {
        format!("{p:.0}%")
    };
    Some(format!("the highest {what} is {by} above the lowest"))
}

#[cfg(test)]
mod tests {
    use sinew_analysis::{Bounds, LedgerClaim};
    use sinew_types::DocId;

    use super::how_far_apart;

    fn claim(stated: f64, camp: usize) -> LedgerClaim {
        LedgerClaim {
            claim: 0,
            bounds: Bounds {
                low: stated,
                high: stated,
                stated,
                step: 1.0,
            },
            source: DocId("d".into()),
            as_of: None,
            camp,
            note: String::new(),
        }
    }

    #[test]
    fn the_gap_between_camps_is_stated_as_a_percentage() {
        let (a, b, c) = (claim(6_700.0, 0), claim(10_000.0, 1), claim(11_000.0, 1));
        let camps = vec![vec![&a], vec![&b, &c]];
        assert_eq!(
            how_far_apart(&camps, "count").as_deref(),
            Some("the highest count is 64% above the lowest")
        );
        assert_eq!(
            how_far_apart(&camps, "figure").as_deref(),
            Some("the highest figure is 64% above the lowest")
        );
        // one camp, or a zero figure: no ratio
        assert_eq!(how_far_apart(&camps[..1], "figure"), None);
        let z = claim(0.0, 0);
        assert_eq!(how_far_apart(&[vec![&z], vec![&b]], "figure"), None);
        let (d, e) = (claim(100.0, 0), claim(100.4, 1));
        assert_eq!(
            how_far_apart(&[vec![&d], vec![&e]], "figure").as_deref(),
            Some("the highest figure is less than 1% above the lowest")
        );
    }
}
