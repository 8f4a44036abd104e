//! The timeline: the dated figures of the figures table and the dated events of the documents
//! given, earliest first, each cited. A figure is placed at the first day its time covers
//! ("2023" at 1 January 2023) and shown with the date as precise as its words ("2023",
//! "August 2023", "18 October 2024"). An event (merged across documents by the engine, as
//! `sinew events` shows it) is placed at its first day and shown as a day, a whole month or a
//! whole year, else a range of days (dated within a year, with someone acting on someone
//! else); its line says who did what ("Russia & North Korea:
//! treaty signing") and cites the sentence of each report in the given documents (up to
//! [`EVENT_CITATIONS`]). Events told as not having happened (negated, denied) are left out;
//! the events told by the most documents come first when there are more than
//! [`MAX_EVENTS`]. With a theme focus the timeline keeps figures only; with an entity focus,
//! the events that entity is an actor of.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use sinew_analysis::MergedEvent;
use sinew_types::text::MONTH_NAMES;
use sinew_types::{EventKind, EventModality, Grain, Span, TimeExpr, TimeKind};

use super::judgments::Located;
use super::Corpus;
use crate::model::{CitedSentence, FigureRow, TimelineEntry};
use crate::text::squash;

const MAX_TIMELINE: usize = 30;
/// Events on the timeline, beside its figures.
const MAX_EVENTS: usize = 20;
/// Reports cited per event.
const EVENT_CITATIONS: usize = 3;

/// "August 2023".
pub(super) fn month_year(d: NaiveDate) -> String {
    format!("{} {}", MONTH_NAMES[d.month0() as usize], d.year())
}

/// When a statement's figure held, as a judgment dates it, and whether to the day: `own`, the
/// time of the figure's clause ([`Corpus::stated_time`] finds it), when it names a point to the
/// month or finer ("In October the White House said ...", "said last month"), since a report
/// may give a figure stated months before it was published; else its report's day (`as_of`).
/// A coarser time ("earlier this year") says less than the report's day, and a time after the
/// report (a forecast) is not when the figure held.
pub(super) fn stated_on(
    own: Option<&TimeExpr>,
    as_of: Option<NaiveDate>,
) -> Option<(NaiveDate, bool)> {
    let own = own
        .filter(|t| point(t))
        .and_then(|t| Some((t.start_date?, t.end_date.or(t.start_date)?, t.grain)));
    match (own, as_of) {
        // "this month" in a report of the 24th held by the 24th
        (Some((start, end, grain)), Some(day)) if start <= day => {
            Some((end.min(day), grain == Grain::Day || end >= day))
        }
        (Some((_, end, grain)), None) => Some((end, grain == Grain::Day)),
        (_, day) => day.map(|d| (d, true)),
    }
}

/// A time that says when, to the month or finer: not a "since" start, a length or a
/// recurrence.
fn point(t: &TimeExpr) -> bool {
    t.kind == TimeKind::Point
        && matches!(t.grain, Grain::Day | Grain::Week | Grain::Month)
        && t.start_date.is_some()
}

/// A date as precise as its grain.
fn when(d: NaiveDate, grain: Grain) -> String {
    match grain {
        Grain::Year | Grain::Decade | Grain::Century => d.year().to_string(),
        Grain::Month | Grain::Season | Grain::Quarter | Grain::Half => month_year(d),
        _ => format!("{} {}", d.day(), month_year(d)),
    }
}

impl Corpus<'_> {
    pub(super) fn timeline(&self, rows: &[FigureRow]) -> Vec<TimelineEntry> {
        let claims = self.findings.claims;
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for g in super::picks::figure_groups(self.findings.ledger) {
            let Some(row) = rows.iter().find(|r| r.group == g.id) else {
                continue;
            };
            // a figure with no actor, or an actor trading with itself, says too little here
            if row.subject.is_none()
                || row.subject == row.object
                || !self.figure_in_focus(
                    row.subject.as_deref(),
                    row.object.as_deref(),
                    self.row_theme(row),
                )
            {
                continue;
            }
            for i in super::picks::statements(g) {
                let Some(c) = claims.get(&i) else { continue };
                let Some(t) = &c.time else { continue };
                let Some(start) = t.start_date else { continue };
                // a span of years ("between 2021 and 2023") is placed at its end and shown whole
                let end = t.end_date.filter(|e| e.year() != start.year());
                let date = end.unwrap_or(start);
                let shown = match end {
                    Some(e) => format!("{} to {}", start.year(), e.year()),
                    None => when(start, t.grain),
                };
                let Some((doc, span)) = self.locate(c) else {
                    continue;
                };
                let Some(words) = span.slice(self.text(doc)) else {
                    continue;
                };
                let value = squash(words);
                if !seen.insert((date, g.id.clone(), value.clone())) {
                    continue;
                }
                // say where the date comes from: the cited sentence's own words, or the
                // figure's time read elsewhere in its article
                let written = crate::text::time_as_written(self.text(doc), t);
                let own = c.sentence.contains(t.span) && c.sentence.contains(span);
                let dated_by = if own {
                    format!("dated by “{written}”")
                } else {
                    format!("the figure's time, “{written}”, read beside the sentence")
                };
                // the subject is known here: "A → B, ", "A ↔ B, " or "A, "
                let mut text = squash(&row.actors());
                text.push_str(", ");
                text.push_str(&format!("{}: {value}", squash(&row.measure)));
                text.push_str(&format!(" ({dated_by})"));
                let mark = text.len();
                text.push('.');
                out.push(TimelineEntry {
                    date,
                    when: shown,
                    line: CitedSentence {
                        text,
                        citations: vec![self.citation(doc, span)],
                        marks: vec![mark],
                        verbatim: false,
                        speaker: None,
                    },
                });
            }
        }
        // the figures of the ledger's first groups (most documents first), then by date
        out.truncate(MAX_TIMELINE);
        out.extend(self.event_entries());
        out.sort_by(|a, b| a.date.cmp(&b.date).then(a.line.text.cmp(&b.line.text)));
        out
    }
}

/// An event's days as a reader wants them: "19 June 2024", "June 2024", "2019", or "17 June
/// 2024 to 19 June 2024".
fn event_when(start: NaiveDate, end: NaiveDate) -> String {
    let day = |d: NaiveDate| format!("{} {}", d.day(), month_year(d));
    let month_end = |d: NaiveDate| d.succ_opt().is_none_or(|n| n.month() != d.month());
    if start >= end {
        day(start)
    } else if start.year() == end.year()
        && (start.month(), start.day(), end.month(), end.day()) == (1, 1, 12, 31)
    {
        start.year().to_string()
    } else if (start.year(), start.month()) == (end.year(), end.month())
        && start.day() == 1
        && month_end(end)
    {
        month_year(start)
    } else {
        format!("{} to {}", day(start), day(end))
    }
}

/// Whether an event has a place on the timeline: a date of at most a year ("since 2009" up to
/// publication is no date of an event), someone who acts, for an event among its actors (a
/// meeting, a treaty) at least two of them, and for a bare category (no domain kind) someone
/// acted on: "North Korea: fight" says nothing a reader can use, "North Korea: weapons
/// test" and "Russia → Ukraine: fight" do.
fn placed(e: &MergedEvent) -> bool {
    let Some(start) = e.date else { return false };
    let end = e.date_end.unwrap_or(start);
    let within_year = (end - start).num_days() <= 366;
    let actors = if e.mutual { 2 } else { 1 };
    // an actor acting on itself is a misreading, not an event worth a line
    let onto_itself = !e.target.is_empty() && e.target.iter().all(|t| e.source.contains(t));
    let says_what = e.kind.is_some() || e.mutual || !e.target.is_empty();
    within_year && e.source.len() >= actors && !onto_itself && says_what
}

/// What an event is, in words: its domain kind, else its PLOVER category.
fn event_what(e: &MergedEvent) -> String {
    match e.kind {
        Some(EventKind::SanctionsDesignation) => "sanctions".to_string(),
        Some(EventKind::DualUseExport) => "dual-use export".to_string(),
        Some(k) => k.as_str().replace('_', " "),
        None => e.category.as_str().to_lowercase(),
    }
}

impl Corpus<'_> {
    /// The dated events of the given documents that the focus keeps, cited.
    fn event_entries(&self) -> Vec<TimelineEntry> {
        if self.topic.is_some() {
            return Vec::new();
        }
        let findings = self.findings;
        let mut picked: Vec<&MergedEvent> = findings
            .events
            .iter()
            .filter(|e| !e.negated && e.modality != EventModality::Denied && placed(e))
            .filter(|e| {
                self.entity.as_ref().is_none_or(|name| {
                    e.source
                        .iter()
                        .chain(&e.target)
                        .any(|a| a.trim().to_lowercase() == *name)
                })
            })
            .collect();
        // told by the most documents first; the earliest first among equals
        picked.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.date.cmp(&b.date)));
        let mut out = Vec::new();
        for e in picked {
            if out.len() == MAX_EVENTS {
                break;
            }
            let Some(start) = e.date else { continue };
            let end = e.date_end.unwrap_or(start);
            // one sentence per document: a document telling it twice is one account; only
            // sentences whose own words date the event, so the line's date is one the reader
            // finds in what is cited
            let mut docs = BTreeSet::new();
            let mut dated_by = Vec::new();
            let citations: Vec<_> = e
                .reports
                .iter()
                .filter_map(|&i| findings.event_citations.get(i))
                .filter_map(|c| {
                    let doc = *self.numbers.get(&c.doc)?;
                    let span = crate::text::trim_span(self.text(doc), c.span)?;
                    let words = self.own_time(doc, span, start, end)?;
                    docs.insert(c.doc.clone()).then_some(())?;
                    dated_by.push(words);
                    Some(self.citation(doc, span))
                })
                .take(EVENT_CITATIONS)
                .collect();
            if citations.is_empty() {
                continue;
            }
            dated_by.truncate(citations.len());
            dated_by.dedup();
            let who = if e.target.is_empty() {
                e.source.join(" & ")
            } else {
                format!("{} → {}", e.source.join(", "), e.target.join(", "))
            };
            let mut text = squash(&format!("{who}: {}", event_what(e)));
            if e.modality == EventModality::Planned {
                text.push_str(" (planned)");
            } else if e.modality == EventModality::Hedged {
                text.push_str(" (reported)");
            }
            let quoted: Vec<String> = dated_by.iter().map(|w| format!("“{w}”")).collect();
            text.push_str(&format!(" (dated by {})", quoted.join(", ")));
            let mark = text.len();
            text.push('.');
            out.push(TimelineEntry {
                date: start,
                when: event_when(start, e.date_end.unwrap_or(start)),
                line: CitedSentence {
                    text,
                    marks: vec![mark; citations.len()],
                    citations,
                    verbatim: false,
                    speaker: None,
                },
            });
        }
        out
    }
}

impl Corpus<'_> {
    /// When the statement `l`'s figure held, and whether to the day (see [`stated_on`]): the
    /// time of its own clause. That is the claim's time when it says when ("In October ...
    /// more than 1,000 containers"); for a running total whose time is its start ("since May
    /// 2024"), a time of the figure's clause, between the sentence's neighbouring figures
    /// ("In November officials said ... had delivered more than 400 tankers since May 2024"),
    /// the one nearest the figure; else a time before the sentence's first figure, which
    /// dates all it reports ("On October 18 it said ..., and that some 1,500 had ..."); else
    /// the report's day.
    pub(super) fn stated_time(&self, l: &Located<'_>) -> Option<(NaiveDate, bool)> {
        let own = l.claim.time.as_ref();
        if own.is_some_and(point) {
            return stated_on(own, l.member.as_of);
        }
        let ann = &self.docs[l.doc].ann;
        let (sentence, figure) = (l.claim.sentence, l.claim.span);
        // the figure's clause: from the figure before it in the sentence to the one after
        let mut from = sentence.start;
        let mut to = sentence.end;
        for q in ann.quantities.iter().filter(|q| sentence.contains(q.span)) {
            if q.span.end <= figure.start {
                from = from.max(q.span.end);
            } else if q.span.start >= figure.end {
                to = to.min(q.span.start);
            }
        }
        let distance = |t: &TimeExpr| {
            if t.span.end <= figure.start {
                figure.start - t.span.end
            } else {
                t.span.start.saturating_sub(figure.end)
            }
        };
        let clause = ann
            .times
            .iter()
            .filter(|t| t.span.start >= from && t.span.end <= to && point(t))
            .min_by_key(|t| distance(t));
        // else the time that opens the sentence, before its first figure, says when all of
        // it was said ("On October 18 it said ... about 12,000, and that some 1,500 ...")
        let first = ann
            .quantities
            .iter()
            .filter(|q| sentence.contains(q.span))
            .map(|q| q.span.start)
            .min()
            .unwrap_or(figure.start);
        let opening = || {
            ann.times
                .iter()
                .filter(|t| t.span.start >= sentence.start && t.span.end <= first && point(t))
                .max_by_key(|t| t.span.end)
        };
        stated_on(clause.or_else(opening), l.member.as_of)
    }

    /// The words of a time expression inside `span` of document `doc` whose days meet the
    /// days `start` to `end`, as the article words it; `None` when the sentence's own words
    /// give no such time.
    fn own_time(&self, doc: usize, span: Span, start: NaiveDate, end: NaiveDate) -> Option<String> {
        let text = self.text(doc);
        self.docs[doc]
            .ann
            .times
            .iter()
            .filter(|t| span.contains(t.span))
            .find(|t| {
                t.start_date.is_some_and(|s| {
                    let e = t.end_date.unwrap_or(s);
                    s <= end && e >= start
                })
            })
            .map(|t| crate::text::time_as_written(text, t))
    }
}
