//! What changed since the last briefing: key judgments written from the alerts the store
//! raised since the reference point (`--since`, else the last briefing's time), and from the
//! statements new since then (`Changes::fresh`: those of documents stored after the last one
//! the last briefing read, or published since `--since`), each citing the statements it rests
//! on.
//!
//! Templates over the alert or the new statements and the ledger as it stands now, nothing
//! else:
//! - a contradicted figure: who contradicts it, what they give, against which standing
//!   statements;
//! - a running total put lower: the later, lower count against the earlier one, and whether
//!   its own source revised it or another source disagrees;
//! - a new flow: what moves between whom, and the figure that first showed it;
//! - a running total put higher than every earlier statement put it (no alert: a grown count
//!   is an update), the new highest against the old;
//! - a new figure on a flow earlier statements showed, and a figure not reported before.
//!
//! Every number written is a statement's stated value as the ledger holds it
//! ([`Judgment::values`]). An alert raised by a derivative digest alone is not written (a
//! digest repeats others), nor one whose document the focus leaves out, nor one about a
//! figure outside the focus. With no reference point nothing is said of change.

use super::judgments::{
    head, lowercase_first, stated_noun, time_phrase, written, Located, MAX_EVIDENCE,
};
use super::picks::{self, Change, Changed};
use super::timeline::month_year;
use super::{Corpus, Used};
use crate::findings::ChangesSince;
use crate::model::{ChangeKind, CitedSentence, Judgment};
use crate::text::{agree, squash, words};
use crate::themes::{flow_theme, theme_of};
use chrono::{Datelike, NaiveDate};
use sinew_analysis::{FlowKind, LedgerClaim, LedgerGroup};

/// Change judgments written at most: the newest alerts first, then what new statements
/// changed without one.
const MAX_CHANGE_JUDGMENTS: usize = 4;

/// What a figure of one actor is: "Russia's defence spending", or the measure alone when it
/// names the actor ("Russian defence spending").
fn own_head(g: &LedgerGroup, subject: &str) -> String {
    let measure = squash(&g.measure);
    if crate::text::names_actor(&measure.to_lowercase(), subject) {
        lowercase_first(&measure)
    } else {
        format!("{subject}'s {}", lowercase_first(&measure))
    }
}

/// "Since the last briefing (5 December 2026)", "Since 1 October 2024".
pub(super) fn since_words(since: ChangesSince) -> String {
    let day = |d: NaiveDate| format!("{} {}", d.day(), month_year(d));
    match since {
        ChangesSince::Date(d) => format!("Since {}", day(d)),
        ChangesSince::LastBriefing(d) => format!("Since the last briefing ({})", day(d)),
    }
}

/// What moves, in words: "arms", "dual-use goods".
fn kind_words(kind: FlowKind) -> &'static str {
    match kind {
        FlowKind::Arms => "arms",
        FlowKind::DualUse => "dual-use goods",
        FlowKind::Trade => "trade",
        FlowKind::Energy => "energy",
        FlowKind::Food => "food",
        FlowKind::Technology => "technology",
        FlowKind::People => "people",
        FlowKind::Political => "political ties",
        FlowKind::Other => "goods",
    }
}

/// A judgment's sentence as it is built: text, and a citation after each figure.
#[derive(Default)]
struct Writing {
    text: String,
    citations: Vec<sinew_types::Citation>,
    marks: Vec<usize>,
    values: Vec<f64>,
}

impl Writing {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// The statement's figure as written in the group's unit, then its citation.
    fn figure(&mut self, corpus: &Corpus<'_>, g: &LedgerGroup, l: &Located<'_>) {
        self.text
            .push_str(&written(l, g.unit.as_deref(), g.per.as_deref()));
        self.values.push(l.member.bounds.stated);
        self.citations.push(corpus.citation(l.doc, l.span));
        self.marks.push(self.text.len());
    }

    /// Figures joined as "a, b and c", each cited.
    fn figures(&mut self, corpus: &Corpus<'_>, g: &LedgerGroup, list: &[Located<'_>]) {
        for (i, l) in list.iter().enumerate() {
            if i > 0 {
                self.push(if i + 1 == list.len() { " and " } else { ", " });
            }
            self.figure(corpus, g, l);
        }
    }
}

impl<'a> Corpus<'a> {
    /// " (August 2024)" when the statement is dated: by its own clause's time when its
    /// sentence names one ([`Corpus::stated_time`]), else by its report's day.
    fn dated(&self, l: &Located<'_>) -> String {
        self.stated_time(l)
            .map(|(d, _)| format!(" ({})", month_year(d)))
            .unwrap_or_default()
    }

    /// The change judgments, newest alert first.
    pub(super) fn change_judgments(&self, used: &mut Used) -> Vec<Judgment> {
        let Some(changes) = self.findings.changes else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for change in picks::changes(self.findings.ledger, self.findings.network, &changes) {
            if out.len() >= MAX_CHANGE_JUDGMENTS {
                break;
            }
            if let Some(j) = self.change_judgment(changes.since, &change, used) {
                out.push(j);
            }
        }
        out
    }

    fn located_member(&self, m: &'a LedgerClaim) -> Option<Located<'a>> {
        let claim = self.findings.claims.get(&m.claim)?;
        // the same figure in another currency is shown beside it, never counted
        if claim.restates.is_some() {
            return None;
        }
        let (doc, span) = self.locate(claim)?;
        Some(Located {
            member: m,
            claim,
            doc,
            span,
        })
    }

    fn change_judgment(
        &self,
        since: ChangesSince,
        change: &Change<'a>,
        used: &mut Used,
    ) -> Option<Judgment> {
        let (kind, changed) = (change.kind, &change.changed);
        // the document that raised it must be one the focus keeps (`--since` included); the
        // new statements of a change no alert raised are located below, in the focus or not
        if change
            .alert
            .is_some_and(|a| !self.numbers.contains_key(&a.doc))
        {
            return None;
        }
        let (group, new, standing): (&LedgerGroup, &[&LedgerClaim], &[&LedgerClaim]) = match changed
        {
            Changed::Figure {
                group,
                new,
                standing,
            } => (group, new, standing),
            Changed::Flow { group, new, .. } => (group, new, &[]),
        };
        let subject = group.subject.as_deref()?;
        let object = group.object.as_deref();
        if object.is_none() && kind != ChangeKind::NewGroup && kind != ChangeKind::Rise {
            return None;
        }
        let measure: Vec<String> = words(&group.measure).collect();
        let theme = theme_of(&measure, &[])
            .map(|(t, _)| t)
            .or_else(|| flow_theme(group.kind));
        if !self.figure_in_focus(Some(subject), object, theme) {
            return None;
        }
        let new: Vec<Located<'a>> = new.iter().filter_map(|m| self.located_member(m)).collect();
        let standing: Vec<Located<'a>> = standing
            .iter()
            .filter_map(|m| self.located_member(m))
            .collect();
        // a digest repeats others: a change only it reports is not written
        if new.is_empty() || new.iter().all(|l| self.derivative(l.doc)) {
            return None;
        }
        let all: Vec<Located<'_>> = new.iter().chain(&standing).copied().collect();
        let mut about = match object {
            Some(object) => head(group, subject, object),
            None => own_head(group, subject),
        };
        let when = time_phrase(group, &all);
        if !when.is_empty() {
            about.push(' ');
            about.push_str(&when);
        }
        let mut w = Writing::default();
        w.push(&format!("{}, ", since_words(since)));
        match (kind, changed) {
            (ChangeKind::NewGroup, _) => {
                let who = self.who(&new[0]);
                w.push(&format!(
                    "a figure no earlier report gave: {who} {} {about} at ",
                    agree(&who, "puts", "put")
                ));
                w.figures(self, group, &new);
                w.push(&format!("{}.", self.dated(&new[0])));
            }
            (_, Changed::Figure { .. }) if standing.is_empty() => return None,
            (ChangeKind::Rise, _) => {
                let (later, earlier) = (&new[0], &standing[0]);
                let noun = stated_noun([later.claim, earlier.claim]);
                let who = self.who(later);
                w.push(&format!(
                    "{who} {} {about} higher than any earlier report did: ",
                    agree(&who, "puts", "put")
                ));
                w.figure(self, group, later);
                w.push(&format!("{}, against ", self.dated(later)));
                w.figure(self, group, earlier);
                w.push(&self.dated(earlier));
                w.push(&format!("; the {noun} has risen."));
            }
            (ChangeKind::Revision, Changed::Figure { .. }) => {
                let (later, earlier) = (&new[0], &standing[0]);
                let same_source = group
                    .revised
                    .map_or(later.member.source == earlier.member.source, |r| {
                        r.same_source
                    });
                let who = self.who(later);
                w.push(&format!(
                    "{who} {} {about} lower than an earlier report did: ",
                    agree(&who, "puts", "put")
                ));
                w.figure(self, group, later);
                w.push(&format!("{}, against ", self.dated(later)));
                w.figure(self, group, earlier);
                w.push(&self.dated(earlier));
                w.push(if same_source {
                    "; the same source has revised its count down."
                } else {
                    "; the sources now disagree on the count."
                });
            }
            (_, Changed::Figure { .. }) => {
                let who = self.who(&new[0]);
                w.push(&format!(
                    "{who} {} the standing figure for {about}: {} ",
                    agree(&who, "contradicts", "contradict"),
                    agree(&who, "it gives", "they give")
                ));
                w.figures(self, group, &new);
                w.push(", against ");
                w.figures(self, group, &standing);
                w.push(if standing.len() == 1 {
                    " in an earlier account."
                } else {
                    " in earlier accounts."
                });
            }
            (_, Changed::Flow { flow, .. }) => {
                let what = if flow.symmetric {
                    format!("trade between {} and {}", flow.from, flow.to)
                } else {
                    format!(
                        "{} from {} to {}",
                        kind_words(flow.kind),
                        flow.from,
                        flow.to
                    )
                };
                let who = self.who(&new[0]);
                let puts = agree(&who, "puts", "put");
                if kind == ChangeKind::NewFigure {
                    w.push(&format!("{who} {puts} {about} at "));
                    w.figures(self, group, &new);
                    w.push(": a new figure for a flow already reported.");
                } else {
                    w.push(&format!(
                        "a flow no earlier report showed: {what}; {who} {puts} {about} at "
                    ));
                    w.figures(self, group, &new);
                    w.push(".");
                }
            }
        }
        // the statement that changed is quoted first: an earlier sentence that differs from
        // it only in its figure reads as its near-duplicate and would take its place
        let mut evidence = self.evidence(new.iter().map(|l| (l.doc, l.span)), used);
        evidence.extend(self.evidence(standing.iter().map(|l| (l.doc, l.span)), used));
        evidence.truncate(MAX_EVIDENCE);
        Some(Judgment {
            sentence: CitedSentence {
                text: w.text,
                citations: w.citations,
                marks: w.marks,
                verbatim: false,
                speaker: None,
            },
            group: Some(group.id.clone()),
            values: w.values,
            evidence,
            change: Some(kind),
        })
    }
}
