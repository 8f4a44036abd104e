//! CSV output (RFC 4180): the ledger as one row per claim, for spreadsheets and pandas.

use std::io::{self, Write};

use sinew_engine::{ClaimView, LedgerGroup};

use crate::json::consensus_text;

/// A field, quoted when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
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
const HEADER: &[&str] = &[
    "group",
    "subject",
    "object",
    "measure",
    "unit",
    "per",
    "concept",
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
    "time",
    "time_start",
    "time_end",
    "claim_attribution",
    "modality",
    "camp",
    "note",
];

/// The ledger, one row per claim with its group's fields repeated.
pub(crate) fn ledger(
    out: &mut dyn Write,
    groups: &[LedgerGroup],
    claims: &[ClaimView],
) -> io::Result<()> {
    write_row(
        out,
        &HEADER.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
    )?;
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
                m.camp.to_string(),
                m.note.clone(),
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
}
