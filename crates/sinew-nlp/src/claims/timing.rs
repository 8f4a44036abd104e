//! A figure's time: the time of its own clause (`time_for`), a list's or a total's framing
//! time, never a baseline a change is measured from ("up 138% from 2024", "down from its
//! 2025 average of 6.6%"), a citation's year or a trailing verb of saying's time when the
//! figure's own clause has one; "now" anchored to the publication day (`anchor_present`).

use sinew_types::{Claim, Grain, MeasureKind, Quantity, Span, TimeExpr, TimeKind};

use super::bounds::{self, figure_between};
use super::clauses::{clause_of, is_citation, opens_clause, CONTRASTS};
use super::{distance, kind};
use crate::words::{words, Word};

/// "now", "currently", "at present": the time mention keeps TimeML's PRESENT_REF, but the
/// figure refers to the day it stands for, the publication date (the mention's dates), and
/// the claim is valued with it ("2024-03-05"), so that figures stated "now" in articles of
/// different days are not one time. Without a publication date it stays PRESENT_REF.
pub(super) fn anchor_present(mut t: TimeExpr) -> TimeExpr {
    if t.timex.as_deref() == Some("PRESENT_REF") {
        if let Some(day) = t.start_date.filter(|d| Some(*d) == t.end_date) {
            t.timex = Some(day.format("%Y-%m-%d").to_string());
        }
    }
    t
}

/// The time expression for a figure: the nearest in its clause, else the nearest in its
/// sentence that no other figure stands between ("By 2023, trade had reached $240 billion, a
/// 26.3% jump from the previous year": the previous year is the 26.3%'s baseline, not the
/// $240 billion's date) unless it opens the sentence ("In 2023, ...", which dates all of it);
/// durations, recurring times ("every month") and clock times without a date ("at 5 pm") are
/// not the time a figure refers to.
///
/// The time of a verb of saying that reports the figure ("..., the Pentagon said last month")
/// is taken only when no other time dates it (and the caller keeps it only for a stock).
pub(super) fn time_for(
    text: &str,
    times: &[TimeExpr],
    quantities: &[Quantity],
    sentence: Span,
    clause: Span,
    q: Span,
    change: bool,
) -> Option<TimeExpr> {
    let ws = words(text, sentence.start, sentence.end);
    let own: Vec<TimeExpr> = times
        .iter()
        .filter(|t| !bounds::trailing_speech_time(text, &ws, q, t.span))
        .cloned()
        .collect();
    let any = time_among(text, times, quantities, sentence, clause, q, change);
    if own.len() == times.len()
        || !any
            .as_ref()
            .is_some_and(|t| bounds::trailing_speech_time(text, &ws, q, t.span))
    {
        return any;
    }
    // Another time dates the figure only when no other figure stands between them ("20,000
    // containers since August 2023, up from 13,000 containers it reported in October": the
    // 13,000 is as of October).
    // A running total's "since" is where it starts, not the day it was counted.
    time_among(text, &own, quantities, sentence, clause, q, change)
        .filter(|t| {
            clause.contains(t.span)
                && t.kind != TimeKind::Since
                && !figure_between(quantities, q, t.span)
        })
        .or(any)
}

/// `time_for` among `times`.
fn time_among(
    text: &str,
    times: &[TimeExpr],
    quantities: &[Quantity],
    sentence: Span,
    clause: Span,
    q: Span,
    change: bool,
) -> Option<TimeExpr> {
    // "600 million dollars (about 561 million euros) last December": the figure's clause
    // goes on past the bracket that restates it, and the bracket's figure stands between
    // nothing.
    let bracket = restating_bracket(text, quantities, sentence, q);
    let clause = match bracket {
        Some(b) => Span::new(
            clause.start,
            clause_of(text, sentence, Span::new(b.end, b.end)).end,
        ),
        None => clause,
    };
    let candidates = times.iter().filter(|t| {
        let clock = matches!(t.grain, Grain::Hour | Grain::Minute) && t.start_date.is_none();
        !matches!(t.kind, TimeKind::Duration | TimeKind::Set)
            && !clock
            && sentence.contains(t.span)
            && !t.span.overlaps(q)
            && !is_baseline(text, sentence, t.span)
            && !is_citation(text, sentence, t.span)
            && (t.span.start < q.end || !in_change_baseline(text, sentence, t.span))
            && (!change || !is_change_baseline(text, sentence, q, t))
    });
    // "$2.36 billion, up from about $1.99 billion a year earlier": a time right after a
    // baseline figure (after "from", "than", "with", "versus") between it and `q` dates that
    // baseline, not `q`
    let baseline_between = |t: &TimeExpr| {
        t.span.start >= q.end
            && quantities.iter().any(|r| {
                q.end <= r.span.start
                    && r.span.end <= t.span.start
                    && text[r.span.end..t.span.start].trim().is_empty()
                    && words(text, sentence.start, r.span.start)
                        .iter()
                        .rev()
                        .take(2)
                        .any(|w| w.is_any(&["from", "than", "with", "versus", "vs"]))
            })
    };
    // The figures other than `q` (no vague amount, none in brackets, none that is a time)
    // standing between a time and `q`.
    let figures_between = |t: &TimeExpr| {
        let (a, b) = if t.span.end <= q.start {
            (t.span.end, q.start)
        } else {
            (q.end, t.span.start)
        };
        quantities.iter().filter(move |r| {
            !r.vague
                && !bracket.is_some_and(|b| b.contains(r.span))
                && a <= r.span.start
                && r.span.end <= b
                && !times.iter().any(|t| t.span.overlaps(r.span))
        })
    };
    // "26.3% higher than in 2022 and passed the $200 billion goal that the two sides had
    // set for 2024": past another figure and a word that opens a clause of its own ("and",
    // "that", "which", "but"), a time dates that figure, not `q`.
    let other_clause = |t: &TimeExpr| {
        figures_between(t).any(|r| {
            // the opener stands between `q` and the other figure
            let (x, y) = if t.span.end <= q.start {
                (r.span.end, q.start)
            } else {
                (q.end, r.span.start)
            };
            opens_clause(&words(text, x, y))
        })
    };
    let in_clause = candidates
        .clone()
        .filter(|t| clause.contains(t.span) && !baseline_between(t) && !other_clause(t))
        .min_by_key(|t| (distance(t.span, q), t.span.start < q.start));
    let opens_sentence = |t: &TimeExpr| {
        let lead = words(text, sentence.start, t.span.start);
        // "In 2023,", "For 2026,", "As of June,", "On March 3,": a signal word or two, then
        // the time, set off by a comma or followed by who says what the sentence reports ("On
        // March 3 the ministry said ...": every count it reports is as of that day).
        let signal = |w: &Word<'_>| {
            w.is_any(&[
                "on",
                "in",
                "by",
                "since",
                "during",
                "throughout",
                "until",
                "from",
                "for",
                "over",
                "as",
                "of",
            ])
        };
        let as_of = lead.len() == 2 && lead[0].is("as") && lead[1].is("of");
        let saying_next = || {
            words(text, t.span.end, q.start)
                .iter()
                .take(4)
                .any(|w| w.is_any(crate::attribution::SPEECH_VERBS))
        };
        (lead.len() <= 1 || as_of)
            && lead.iter().all(signal)
            && (text[t.span.end..sentence.end].starts_with(',') || saying_next())
    };
    let figure_between = |t: &TimeExpr| figures_between(t).next().is_some();
    // "bought little oil before 2022 but has since become ..., importing 1.5 million barrels
    // a day": a contrast opens a clause with a time of its own.
    let contrast_between = |t: &TimeExpr| {
        let (a, b) = if t.span.end <= q.start {
            (t.span.end, q.start)
        } else {
            (q.end, t.span.start)
        };
        words(text, a, b).iter().any(|w| w.is_any(CONTRASTS))
    };
    // "emitted 663 million tons in 2022: 46.6 percent as nitrous oxide, 41.7 percent as
    // methane", "in the past year, with 83% suffering anxiety, and 60% depression", "in Q3
    // 2025, with 70 deals totaling $27.1 billion": a time set off by a colon or a comma
    // before a list of figures frames every figure of the list, unless something between
    // opens a clause, a contrast or a comparison, or names another time.
    let frames = |t: &TimeExpr| {
        let set_off = text[t.span.end..sentence.end]
            .trim_start()
            .starts_with([',', ':']);
        if !set_off || t.span.end > q.start {
            return false;
        }
        let between = words(text, t.span.end, q.start);
        !opens_clause(&between)
            && !between.iter().any(|w| {
                w.is_any(CONTRASTS)
                    || w.is_any(&[
                        "from", "than", "versus", "vs", "compared", "since", "before",
                    ])
            })
            && !times
                .iter()
                .any(|o| t.span.end <= o.span.start && o.span.end <= q.start)
    };
    in_clause
        .or_else(|| {
            candidates
                .filter(|t| {
                    opens_sentence(t) || frames(t) || (!figure_between(t) && !contrast_between(t))
                })
                .min_by_key(|t| (distance(t.span, q), t.span.start < q.start))
        })
        // "between 2021 and 2023" is two TIMEX3 dates; the figure takes the range they state
        .map(|t| crate::times::between_range(text, times, t).unwrap_or_else(|| t.clone()))
}

/// The bracket right after figure `q` when it holds only another figure, the same one
/// restated in another unit ("600 million dollars (about 561 million euros)").
fn restating_bracket(text: &str, quantities: &[Quantity], sentence: Span, q: Span) -> Option<Span> {
    let figure = quantities.iter().find(|r| r.span == q)?;
    let rest = &text[q.end..sentence.end];
    let open = rest.len() - rest.trim_start().len();
    if !rest[open..].starts_with('(') {
        return None;
    }
    let close = rest[open..].find(')')? + open;
    let bracket = Span::new(q.end + open, q.end + close + 1);
    quantities
        .iter()
        .find(|r| bracket.contains(r.span))
        .and_then(|r| kind::restates(text, figure, r))
        .map(|_| bracket)
}

/// Is `t` the time a change at `q` is measured from ("up 138% from 2024", "84% since last
/// year", "up 26.3% on the previous year")? It follows the figure after "from", "since" or
/// "over", or after "on" when it names an earlier period; a range ("from 2021 to 2023") is
/// the change's window, not its baseline.
fn is_change_baseline(text: &str, sentence: Span, q: Span, t: &TimeExpr) -> bool {
    if t.span.start < q.end || t.kind == TimeKind::Range {
        return false;
    }
    if t.kind == TimeKind::Since {
        return true;
    }
    let mut lead = words(text, sentence.start, t.span.start);
    // "up 20% from the same quarter in 2023": the signal stands before "the same quarter"
    let n = lead.len();
    if n >= 4
        && lead[n - 1].is_any(&["in", "of"])
        && lead[n - 3].is("same")
        && lead[n - 4].is("the")
    {
        lead.truncate(n - 4);
    }
    let Some(signal) = lead.last() else {
        return false;
    };
    let earlier = t.text.to_lowercase();
    signal.is_any(&["from", "since", "over"])
        || (signal.is("on")
            && ["the previous", "the prior", "the same", "last", "a year"]
                .iter()
                .any(|p| earlier.starts_with(p)))
        // "up 10% on 2022": a year after "on" is what the change is measured against.
        || (signal.is("on") && t.grain == Grain::Year && t.kind == TimeKind::Point)
}

/// Is the time at `span` the baseline of a comparison ("26.3% higher than in 2022",
/// "compared with 2021", "versus last year"), not the time a figure refers to?
fn is_baseline(text: &str, sentence: Span, span: Span) -> bool {
    let lead = words(text, sentence.start, span.start);
    let mut i = lead.len();
    // "than in 2022", "compared with the same quarter of 2023"
    while i > 0 && lead[i - 1].is_any(&["in", "the", "with", "to", "for", "of"]) {
        i -= 1;
    }
    i > 0 && lead[i - 1].is_any(&["than", "compared", "versus", "vs", "against"])
}

/// Is the time at `span` inside the baseline of a change ("down from its 2025 average of
/// 6.6%", "up from the 2023 level")? It dates the baseline's figure, not one stated before.
///
/// A figure named through its level ("down from its 2025 average of 6.6%", "up from a
/// record high of 12,000") is inside the baseline too.
pub(super) fn in_change_baseline(text: &str, sentence: Span, span: Span) -> bool {
    const LEVELS: &[&str] = &[
        "average", "level", "rate", "high", "low", "peak", "record", "total", "figure", "mark",
        "estimate", "reading",
    ];
    let lead = words(text, sentence.start, span.start);
    let mut j = lead.len();
    if j >= 2 && lead[j - 1].is("of") && lead[j - 2].is_any(LEVELS) {
        j -= 2;
        // "its 2025 average", "a record high", "the annual average"
        while j > 0
            && (lead[j - 1].text.chars().all(|c| c.is_ascii_digit())
                || lead[j - 1].is_any(LEVELS)
                || lead[j - 1].is_any(&["annual", "yearly", "monthly", "previous", "prior"]))
        {
            j -= 1;
        }
    }
    while j > 0 && lead[j - 1].is_any(&["its", "their", "the", "his", "her", "our", "a"]) {
        j -= 1;
    }
    j >= 2 && lead[j - 1].is("from") && lead[j - 2].is_any(&["up", "down"])
}

/// "Trade between Chile and Peru rose to $4 billion last year. Chilean exports to Peru were
/// worth about $2.5 billion": a flow, change or share whose sentence has no time of its own,
/// stated in the sentence right after a dated figure of the same two parties (either way
/// round) in the same paragraph, is of that figure's time. A running total's start ("since
/// August"), a length or a recurring time, and "now" are not passed on.
pub(super) fn carried_time(
    text: &str,
    previous: Option<&Claim>,
    prev_sentence: Option<Span>,
    sentence: Span,
    parties: (Option<&str>, Option<&str>),
    kind: MeasureKind,
) -> Option<TimeExpr> {
    if !matches!(
        kind,
        MeasureKind::Flow | MeasureKind::Change | MeasureKind::Share
    ) {
        return None;
    }
    let c = previous?;
    let t = c.time.as_ref()?;
    let dated = matches!(t.kind, TimeKind::Point | TimeKind::Range)
        && t.start_date.is_some()
        && t.timex.as_deref() != Some("PRESENT_REF");
    let next_sentence = Some(c.sentence) == prev_sentence || c.sentence == sentence;
    let (Some(s), o) = parties else {
        return None;
    };
    let (cs, co) = (c.subject.as_deref(), c.object.as_deref());
    let same_parties = (cs == Some(s) && co == o) || (o.is_some() && cs == o && co == Some(s));
    (dated
        && next_sentence
        && same_parties
        && !super::discourse::paragraph_break(text, c.sentence.start, sentence.start))
    .then(|| t.clone())
}
