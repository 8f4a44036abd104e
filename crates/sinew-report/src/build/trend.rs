//! How a figure moved over time, and who disagrees with whom at comparable times: the clauses
//! a key judgment adds after its range, and the series a disagreement line writes.
//!
//! Statements are dated by their own time ([`Corpus::stated_time`]: the figure's clause, else
//! the report's day), never ordered by size.
//! - A rise: each stated day's highest figure, earliest first; the steps that set a new high
//!   are written in order, each cited ("from some 1,500 (18 October 2024) to around 10,000
//!   (28 October 2024) to more than 10,000 (12 November 2024)").
//! - A series that only grows (no statement dated later than another is lower than it beyond
//!   rounding) is a trend whatever the ledger's verdict: a deployment or a stock counted at
//!   different dates is not a disagreement, and no disagreement clause is written for it.
//! - A disagreement compares what distinct voices (a state's government, however many of its
//!   bodies speak, `governments.rs`; else the attribution, else the outlet) say at
//!   comparable times: each voice's latest statement; for a figure that can move over time
//!   (a running total, a stock, a figure for no closed period) two voices' latest statements
//!   within [`COMPARABLE_DAYS`] of each other; for a figure of a stated period any two. The
//!   pair named is the one with the most named voices, then the most recent, then the
//!   widest gap: "as of June 2024, South Korea's defence ministry puts it at about 6,700
//!   containers, the US State Department at 10,000+ containers, the lower 33% below the
//!   higher" (each month after its figure when they differ). An old figure of one source against the current figure of another is how
//!   the count moved, which the rise says, not a disagreement.

use chrono::NaiveDate;
use sinew_analysis::{LedgerGroup, Verdict};
use sinew_types::{Citation, TimeKind};

use super::governments::Voice;
use super::judgments::{stated_noun, written, Located};
use super::timeline::month_year;
use super::Corpus;
use crate::text::agree;

/// A conflict whose sides differ by less than this share of the lower reads as agreement
/// within rounding, not as a disagreement worth a clause; a later statement lower than an
/// earlier one by less than this share does not break a rise.
pub(super) const MIN_GAP: f64 = 0.05;
/// Two statements of a figure that moves over time are comparable when stated within this
/// many days of each other (about a quarter).
pub(super) const COMPARABLE_DAYS: i64 = 92;
/// Steps a rise names at most: the first, then the latest new highs.
const MAX_STEPS: usize = 4;
/// A new high must exceed the previous one by more than this ratio (rounding: "over 10,000"
/// and "10,100" are one step).
const SAME_STEP: f64 = 1.015;

/// Citations placed in a clause: each with its byte offset there.
type Cites = Vec<(Citation, usize)>;

/// How a pair of voices ranks: named voices, the earlier of their days, the ratio of values.
type Rank = (usize, Option<NaiveDate>, f64);

/// A statement with the day it was stated.
type Dated<'l, 'c> = ((NaiveDate, bool), &'l Located<'c>);

impl<'a> Corpus<'a> {
    /// How the figure moved between reports, or who disagrees by how much: the clause, and
    /// the citations placed inside it (byte offsets in the clause).
    pub(super) fn trend(
        &self,
        g: &LedgerGroup,
        located: &[Located<'_>],
        values: &mut Vec<f64>,
    ) -> Option<(String, Cites)> {
        let (unit, per) = (g.unit.as_deref(), g.per.as_deref());
        let stated = |l: &Located<'_>| l.member.bounds.stated;
        let originals: Vec<Located<'_>> = located
            .iter()
            .filter(|l| !self.derivative(l.doc))
            .copied()
            .collect();
        let dated = self.by_stated_day(&originals);
        let steps = new_highs(&dated);
        // every statement dated, or an undated one might be the lower
        let grows = steps.len() >= 2 && dated.len() == originals.len() && only_grows(&dated);
        let mut clauses: Vec<String> = Vec::new();
        let mut cites = Vec::new();
        // a figure for a fixed period ("trade in 2023") that a later source puts higher has
        // not risen: the sources disagree, which the clause below says
        if steps.len() >= 2 && (g.running_total || g.verdict == Verdict::Update || grows) {
            let noun = stated_noun(dated.iter().map(|(_, l)| l.claim));
            let mut clause = if grows {
                format!("the {noun} has risen over time, from ")
            } else {
                format!("the highest {noun} has risen between reports, from ")
            };
            let dates = step_dates(&steps.iter().map(|s| s.0).collect::<Vec<_>>());
            for (k, ((_, l), when)) in steps.iter().zip(&dates).enumerate() {
                if k > 0 {
                    clause.push_str(" to ");
                }
                clause.push_str(&format!("{} ({when})", written(l, unit, per)));
                cites.push((self.citation(l.doc, l.span), clause.len()));
                values.push(stated(l));
            }
            clauses.push(clause);
        }
        if g.verdict == Verdict::Conflict && !grows {
            if let Some((clause, at, pair)) = self.disagreement(g, &originals) {
                let offset: usize = clauses.iter().map(|c| c.len() + 2).sum();
                cites.extend(at.into_iter().map(|(c, k)| (c, offset + k)));
                values.extend(pair);
                clauses.push(clause);
            }
        }
        if clauses.is_empty() {
            return None;
        }
        Some((clauses.join("; "), cites))
    }

    /// Who disagrees with whom, at comparable times (see the module doc): "as of June 2024,
    /// X puts it at A, Y at B, the lower 33% below the higher", with the citations placed in
    /// it (byte offsets) and the two values; `None` when no two voices differ by [`MIN_GAP`]
    /// at comparable times. `located` holds the statements that count (no digest's).
    pub(super) fn disagreement(
        &self,
        g: &LedgerGroup,
        located: &[Located<'_>],
    ) -> Option<(String, Cites, [f64; 2])> {
        let (unit, per) = (g.unit.as_deref(), g.per.as_deref());
        let stated = |l: &Located<'_>| l.member.bounds.stated;
        let moves = moves_over_time(g, located);
        let (low, high) = self.comparable_pair(located, moves)?;
        // the months the two were stated, when the figure moves over time: once when they
        // are one month ("as of June 2024, ..."), else each after its figure
        let months = match (self.stated_time(low), self.stated_time(high)) {
            (Some(a), Some(b)) if moves => Some((month_year(a.0), month_year(b.0))),
            _ => None,
        };
        let (lead, each) = match &months {
            Some((a, b)) if a == b => (format!("as of {a}, "), None),
            other => (String::new(), other.clone()),
        };
        let at = |l: &Located<'_>, month: Option<&String>| match month {
            Some(m) => format!("{} ({m})", written(l, unit, per)),
            None => written(l, unit, per),
        };
        let mut cites = Vec::new();
        let low_who = self.who(low);
        let mut clause = format!(
            "{lead}{low_who} {} it at {}",
            agree(&low_who, "puts", "put"),
            at(low, each.as_ref().map(|e| &e.0))
        );
        cites.push((self.citation(low.doc, low.span), clause.len()));
        clause.push_str(&format!(
            ", {} at {}",
            self.who(high),
            at(high, each.as_ref().map(|e| &e.1))
        ));
        cites.push((self.citation(high.doc, high.span), clause.len()));
        clause.push_str(&format!(", {}", gap_words(stated(low), stated(high))));
        Some((clause, cites, [stated(low), stated(high)]))
    }

    /// The statements that have a stated day, earliest first (member order among equals).
    pub(super) fn by_stated_day<'l, 'c>(&self, located: &'l [Located<'c>]) -> Vec<Dated<'l, 'c>> {
        let mut out: Vec<Dated<'l, 'c>> = located
            .iter()
            .filter_map(|l| Some((self.stated_time(l)?, l)))
            .collect();
        out.sort_by_key(|(d, _)| d.0);
        out
    }

    /// The statements of two distinct voices that disagree at comparable times (low, high),
    /// as the module doc says; `None` when no two voices differ by [`MIN_GAP`] or more.
    fn comparable_pair<'l>(
        &self,
        located: &'l [Located<'_>],
        moves: bool,
    ) -> Option<(&'l Located<'l>, &'l Located<'l>)> {
        let stated = |l: &Located<'_>| l.member.bounds.stated;
        // each voice's latest statement (its highest on its latest day); the bodies of one
        // state are its government's one voice (`governments.rs`)
        let mut voices: Vec<(Voice, bool, Option<NaiveDate>, &Located<'_>)> = Vec::new();
        for l in located {
            let named = l
                .claim
                .attribution
                .as_deref()
                .is_some_and(|a| !a.trim().is_empty());
            let day = self.stated_time(l).map(|d| d.0);
            let key = self.voice(l);
            match voices.iter_mut().find(|v| v.0 == key) {
                Some(v) => {
                    if (day, stated(l)) > (v.2, stated(v.3)) {
                        (v.2, v.3) = (day, l);
                    }
                }
                None => voices.push((key, named, day, l)),
            }
        }
        let mut best: Option<(Rank, usize, usize)> = None;
        for i in 0..voices.len() {
            for j in i + 1..voices.len() {
                let (a, b) = (&voices[i], &voices[j]);
                let (lo, hi) = if stated(a.3) <= stated(b.3) {
                    (a, b)
                } else {
                    (b, a)
                };
                let (lv, hv) = (stated(lo.3), stated(hi.3));
                if lv <= 0.0 || (hv - lv) / lv < MIN_GAP {
                    continue;
                }
                let recent = match (a.2, b.2) {
                    (Some(x), Some(y)) => {
                        if moves && (x - y).num_days().abs() > COMPARABLE_DAYS {
                            continue;
                        }
                        Some(x.min(y))
                    }
                    _ if moves => continue,
                    _ => None,
                };
                let rank = (usize::from(a.1) + usize::from(b.1), recent, hv / lv);
                let better = match &best {
                    None => true,
                    Some((r, _, _)) => {
                        (rank.0, rank.1)
                            .cmp(&(r.0, r.1))
                            .then(rank.2.total_cmp(&r.2))
                            == std::cmp::Ordering::Greater
                    }
                };
                if better {
                    let (l, h) = if stated(a.3) <= stated(b.3) {
                        (i, j)
                    } else {
                        (j, i)
                    };
                    best = Some((rank, l, h));
                }
            }
        }
        best.map(|(_, l, h)| (voices[l].3, voices[h].3))
    }
}

/// True when the figure can move over time, so that only statements of comparable times
/// compare: a running total or a revision, or any statement with no time of its own or a
/// "since" start (a stock, a deployment). A figure every statement gives for a stated period
/// ("trade in 2023") is the same figure whenever it was reported.
pub(super) fn moves_over_time(g: &LedgerGroup, located: &[Located<'_>]) -> bool {
    g.running_total
        || g.revised.is_some()
        || located.iter().any(|l| {
            l.claim
                .time
                .as_ref()
                .is_none_or(|t| matches!(t.kind, TimeKind::Since | TimeKind::Until))
        })
}

/// The statements that set a new high, earliest first: each stated day's highest, kept when
/// above every earlier one (beyond rounding). At most [`MAX_STEPS`]: the first, then the
/// latest.
pub(super) fn new_highs<'l, 'c>(dated: &[Dated<'l, 'c>]) -> Vec<Dated<'l, 'c>> {
    let stated = |l: &Located<'_>| l.member.bounds.stated;
    // each day's highest
    let mut days: Vec<Dated<'l, 'c>> = Vec::new();
    for &(d, l) in dated {
        match days.iter_mut().find(|(x, _)| x.0 == d.0) {
            Some(e) if stated(e.1) < stated(l) => e.1 = l,
            Some(_) => {}
            None => days.push((d, l)),
        }
    }
    let mut steps: Vec<Dated<'l, 'c>> = Vec::new();
    for (d, l) in days {
        if steps
            .last()
            .is_none_or(|s| stated(l) > stated(s.1) * SAME_STEP)
        {
            steps.push((d, l));
        }
    }
    if steps.len() > MAX_STEPS {
        steps.drain(1..steps.len() + 1 - MAX_STEPS);
    }
    steps
}

/// True when no statement is lower, beyond [`MIN_GAP`], than one stated on an earlier day.
pub(super) fn only_grows(dated: &[Dated<'_, '_>]) -> bool {
    let stated = |l: &Located<'_>| l.member.bounds.stated;
    let mut highest: Option<(NaiveDate, f64)> = None;
    let mut before = f64::NEG_INFINITY; // the highest stated on an earlier day
    for &(d, l) in dated {
        if let Some((day, v)) = highest {
            if d.0 > day {
                before = before.max(v);
                highest = None;
            }
        }
        if stated(l) < before * (1.0 - MIN_GAP) {
            return false;
        }
        highest = Some(match highest {
            Some((day, v)) => (day, v.max(stated(l))),
            None => (d.0, stated(l)),
        });
    }
    true
}

/// Each step's date as precisely as telling it from its neighbours needs: its day when a
/// neighbour falls in the same month and both are known to the day, else its month.
fn step_dates(steps: &[(NaiveDate, bool)]) -> Vec<String> {
    use chrono::Datelike;
    let month = |d: NaiveDate| (d.year(), d.month());
    (0..steps.len())
        .map(|k| {
            let (d, precise) = steps[k];
            let near = |j: usize| steps.get(j).is_some_and(|s| s.1 && month(s.0) == month(d));
            if precise && ((k > 0 && near(k - 1)) || near(k + 1)) {
                format!("{} {}", d.day(), month_year(d))
            } else {
                month_year(d)
            }
        })
        .collect()
}

/// "the lower 9% below the higher", "the higher about 10 times the lower".
pub(super) fn gap_words(lv: f64, hv: f64) -> String {
    if hv / lv >= 2.0 {
        let times = hv / lv;
        let times = if times < 10.0 {
            format!("{:.1}", times).trim_end_matches(".0").to_string()
        } else {
            format!("{:.0}", times)
        };
        format!("the higher {times} times the lower")
    } else {
        format!(
            "the lower {}% below the higher",
            ((hv - lv) / hv * 100.0).round()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{gap_words, step_dates};

    #[test]
    fn steps_within_one_month_name_their_days() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            step_dates(&[
                (d(2025, 9, 4), true),
                (d(2025, 9, 21), true),
                (d(2025, 12, 2), true)
            ]),
            ["4 September 2025", "21 September 2025", "December 2025"]
        );
        // a month known only as a month, or another year's same month, is its month
        assert_eq!(
            step_dates(&[(d(2025, 9, 30), false), (d(2025, 9, 21), true)]),
            ["September 2025", "September 2025"]
        );
        assert_eq!(
            step_dates(&[(d(2024, 3, 3), true), (d(2025, 3, 3), true)]),
            ["March 2024", "March 2025"]
        );
    }

    #[test]
    fn gaps_read_as_a_share_or_a_multiple() {
        assert_eq!(
            gap_words(6_700.0, 10_000.0),
            "the lower 33% below the higher"
        );
        assert_eq!(
            gap_words(1_000.0, 11_000.0),
            "the higher 11 times the lower"
        );
        assert_eq!(
            gap_words(2_000.0, 5_000.0),
            "the higher 2.5 times the lower"
        );
    }
}
