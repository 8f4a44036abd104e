//! CSV output (RFC 4180): the ledger as one row per claim and the events as one row per
//! report, for spreadsheets and pandas.
//!
//! Every cell is also defused against CSV injection (OWASP): a spreadsheet runs a cell that
//! starts with `=`, `+`, `-` or `@` as a formula, and one starting with a tab or carriage return
//! can smuggle one past a first-character check; quotes and names come from the articles, so
//! such a cell gets a leading `'`, which spreadsheets show as text and do not display.
//!
//! Judgement on numbers: a cell that is a plain decimal number (`-5`, `+2.5`, `-1e-3`), which
//! is what the numeric columns hold, is left as it is, so a negative figure stays a number for
//! pandas and spreadsheets. A plain number cannot call a function or reach a cell, so it is no
//! formula; anything more (`-1+1`, `-5%`, `=1`) is escaped, whichever column it is in.

use std::io::{self, Write};

use sinew_engine::{ClaimView, EventsView, LedgerGroup};

use crate::json::consensus_text;

/// A field: defused when a spreadsheet would read it as a formula, then quoted when it holds a
/// comma, quote or line break.
fn field(s: &str) -> String {
    let defused;
    let s = if starts_formula(s) {
        defused = format!("'{s}");
        defused.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Does a spreadsheet read `s` as a formula (OWASP's trigger characters), unless it is a
/// plain number?
fn starts_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(s)
}

/// `[+-]digits[.digits][e[+-]digits]`: what the numeric columns write, and nothing a
/// spreadsheet evaluates.
fn is_plain_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    if !digits(&mut i) {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

fn write_row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    write!(out, "{}\r\n", line.join(","))
}

fn num(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// The ledger's columns.
pub(crate) const HEADER: &[&str] = &[
    "group",
    "subject",
    "object",
    "measure",
    "unit",
    "per",
    "concept",
    "kind",
    "verdict",
    "consensus",
    "consensus_value",
    "consensus_low",
    "consensus_high",
    "sources",
    "attribution",
    "explanation",
    "doc",
    "start",
    "end",
    "quote",
    "value",
    "value_max",
    "qualifier",
    "vague",
    "time",
    "time_start",
    "time_end",
    "claim_attribution",
    "modality",
    "claim_kind",
    "camp",
    "note",
];

/// The header row of the ledger as CSV: one row per claim with its group's fields repeated
/// ([`ledger_rows`]).
pub(crate) fn ledger_header(out: &mut dyn Write) -> io::Result<()> {
    write_row(
        out,
        &HEADER.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
    )
}

/// The ledger's rows after its header, one per claim with its group's fields repeated: a
/// ledger written a window of groups at a time calls it for each.
pub(crate) fn ledger_rows(
    out: &mut dyn Write,
    groups: &[LedgerGroup],
    claims: &[ClaimView],
) -> io::Result<()> {
    for g in groups {
        for m in &g.claims {
            let Some(v) = claims.get(m.claim) else {
                continue;
            };
            let c = &v.claim;
            let q = &c.quantity;
            let time = c.time.as_ref();
            let cells = [
                g.id.clone(),
                g.subject.clone().unwrap_or_default(),
                g.object.clone().unwrap_or_default(),
                g.measure.clone(),
                g.unit.clone().unwrap_or_default(),
                g.per.clone().unwrap_or_default(),
                g.concept.as_str().to_string(),
                g.kind.as_str().to_string(),
                g.verdict.as_str().to_string(),
                consensus_text(g),
                num(g.consensus.value),
                num(Some(g.consensus.low)),
                num(Some(g.consensus.high)),
                g.sources.to_string(),
                g.attribution.clone().unwrap_or_default(),
                g.explanation.clone(),
                v.source.clone(),
                c.span.start.to_string(),
                c.span.end.to_string(),
                v.quote.clone(),
                num(Some(q.value)),
                num(q.value_max),
                q.qualifier.clone().unwrap_or_default(),
                q.vague.to_string(),
                time.map(|t| t.text.clone()).unwrap_or_default(),
                time.and_then(|t| t.start_date)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                time.and_then(|t| t.end_date)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                c.attribution.clone().unwrap_or_default(),
                match c.modality {
                    sinew_types::Modality::Asserted => "asserted".into(),
                    sinew_types::Modality::Hedged => "hedged".into(),
                },
                c.kind.as_str().to_string(),
                m.camp.to_string(),
                m.note.clone(),
            ];
            write_row(out, &cells)?;
        }
    }
    Ok(())
}

/// The events' columns: the event's fields, then the report's.
pub(crate) const EVENT_HEADER: &[&str] = &[
    "event",
    "category",
    "kind",
    "mode",
    "source",
    "target",
    "mutual",
    "date",
    "date_end",
    "location",
    "modality",
    "negated",
    "documents",
    "doc",
    "doc_name",
    "published",
    "duplicate_of",
    "start",
    "end",
    "sentence",
    "report_source",
    "report_target",
    "report_date",
    "attribution",
    "report_modality",
];

/// Actors as a cell: names joined by `; `.
pub(crate) fn actors(list: &[sinew_types::EventActor]) -> String {
    list.iter()
        .map(|a| a.canonical.clone().unwrap_or_else(|| a.text.clone()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The events as CSV, one report a row with its event's fields (`sinew export events
/// --format csv`); actor lists are joined by `; `.
pub(crate) fn events(out: &mut dyn Write, view: &EventsView) -> io::Result<()> {
    write_row(
        out,
        &EVENT_HEADER
            .iter()
            .map(|h| h.to_string())
            .collect::<Vec<_>>(),
    )?;
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for e in &view.events {
        for r in e.reports.iter().filter_map(|&i| view.reports.get(i)) {
            let cells = [
                e.id.clone(),
                e.category.as_str().to_string(),
                e.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
                e.mode.clone().unwrap_or_default(),
                e.source.join("; "),
                e.target.join("; "),
                e.mutual.to_string(),
                day(e.date),
                day(e.date_end),
                e.location.clone().unwrap_or_default(),
                e.modality.as_str().to_string(),
                e.negated.to_string(),
                e.documents.to_string(),
                r.doc.0.clone(),
                r.source.clone(),
                day(r.published),
                r.duplicate_of
                    .as_ref()
                    .map(|d| d.0.clone())
                    .unwrap_or_default(),
                r.event.trigger.start.to_string(),
                r.event.trigger.end.to_string(),
                r.sentence.clone(),
                actors(&r.event.source),
                actors(&r.event.target),
                day(r.event.date),
                r.event.attribution.clone().unwrap_or_default(),
                r.event.modality.as_str().to_string(),
            ];
            write_row(out, &cells)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"so\""), "\"say \"\"so\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(field("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(field("-2+3"), "'-2+3");
        assert_eq!(field("@SUM(A1:A9)"), "'@SUM(A1:A9)");
        assert_eq!(field("\t=1"), "'\t=1");
        assert_eq!(field("\r=1"), "\"'\r=1\"");
        assert_eq!(field("-5%"), "'-5%");
        assert_eq!(field("a = b"), "a = b");
    }

    #[test]
    fn plain_numbers_stay_numbers() {
        for n in ["-5", "+2.5", "-1e-3", "-240000000000", "3", "1E6"] {
            assert_eq!(field(n), n);
        }
        for not in ["-", "-.5", "-5.", "-1e", "--5", "-5 "] {
            assert!(!is_plain_number(not), "{not}");
        }
    }
}
