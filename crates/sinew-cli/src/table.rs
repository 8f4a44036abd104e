//! Readable tables for a terminal, laid out to the width [`Ui`] found (80 columns in a pipe).
//!
//! Each column has a least and a greatest width and a rank: when even the least widths do not
//! fit, the lowest-ranked columns are left out (the footer names them; `--json` has every
//! field), and the room left is shared out one column at a time among the columns whose
//! content is wider than they are, best-ranked columns first: up to each column's greatest
//! width, then, on a terminal wider than that, up to its content. Cells are cut by display
//! width with `…` (document names in the middle, so their distinguishing end stays); columns
//! marked `wrap` break into lines instead.

use std::collections::HashMap;
use std::io::{self, Write};

use sinew_engine::{
    format_range, CitedClaim, ClaimView, EntitySummary, EventsView, LedgerGroup, MergedEvent,
    Verdict, WhatIf,
};
use sinew_types::{DocId, EventKind, EventModality};

use crate::cells::{clean, pad, truncate, truncate_middle, width, wrap};
use crate::names::doc_names;
use crate::ui::{Paint, Ui};

/// Spaces between columns.
const GAP: usize = 2;

/// How a cell too wide for its column is shortened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Cut at the end.
    End,
    /// Cut in the middle (names whose end tells them apart).
    Middle,
    /// Broken into lines.
    Wrap,
}

#[derive(Debug, Clone, Copy)]
struct Column {
    header: &'static str,
    min: usize,
    max: usize,
    /// 0 is kept longest; higher ranks are left out first when the table is too wide.
    rank: u8,
    right: bool,
    fit: Fit,
}

const fn col(header: &'static str, min: usize, max: usize, rank: u8) -> Column {
    Column {
        header,
        min,
        max,
        rank,
        right: false,
        fit: Fit::End,
    }
}

impl Column {
    const fn right(mut self) -> Column {
        self.right = true;
        self
    }

    const fn fit(mut self, fit: Fit) -> Column {
        self.fit = fit;
        self
    }
}

/// The width of each column in `total` columns, `None` for those left out.
fn layout(
    columns: &[Column],
    rows: &[Vec<String>],
    total: usize,
    header: bool,
) -> Vec<Option<usize>> {
    // What the widest cell needs, and that within the column's greatest width.
    let content: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let head = if header { width(c.header) } else { 0 };
            let cells = rows.iter().map(|r| width(&r[i])).max().unwrap_or(0);
            head.max(cells).max(1)
        })
        .collect();
    let natural: Vec<usize> = columns
        .iter()
        .zip(&content)
        .map(|(c, n)| (*n).min(c.max))
        .collect();
    let least: Vec<usize> = columns
        .iter()
        .zip(&natural)
        .map(|(c, n)| c.min.min(*n))
        .collect();
    let mut kept: Vec<bool> = vec![true; columns.len()];
    let used = |kept: &[bool]| {
        let n = kept.iter().filter(|k| **k).count();
        let sum: usize = least
            .iter()
            .zip(kept)
            .filter(|(_, k)| **k)
            .map(|(w, _)| w)
            .sum();
        sum + GAP * n.saturating_sub(1)
    };
    while used(&kept) > total && kept.iter().filter(|k| **k).count() > 1 {
        // The lowest-ranked column still shown; of equal ranks, the rightmost.
        let drop = (0..columns.len())
            .filter(|&i| kept[i])
            .max_by_key(|&i| (columns[i].rank, i))
            .expect("a column is kept");
        kept[drop] = false;
    }
    // Room left goes to the best-ranked columns first, one column at a time among equals:
    // first up to each column's greatest width, then (a wide terminal) up to its content.
    let mut widths: Vec<usize> = least.clone();
    let mut spare = total.saturating_sub(used(&kept));
    let mut ranks: Vec<u8> = columns.iter().map(|c| c.rank).collect();
    ranks.sort_unstable();
    ranks.dedup();
    for target in [&natural, &content] {
        for &rank in &ranks {
            let group: Vec<usize> = (0..columns.len())
                .filter(|&i| kept[i] && columns[i].rank == rank)
                .collect();
            grow(&mut widths, &mut spare, &group, target);
        }
    }
    widths
        .into_iter()
        .zip(kept)
        .map(|(w, k)| k.then_some(w))
        .collect()
}

/// Widens the columns of `group` one column at a time, each up to `target`, while `spare`
/// lasts.
fn grow(widths: &mut [usize], spare: &mut usize, group: &[usize], target: &[usize]) {
    while *spare > 0 {
        let mut grew = false;
        for &i in group {
            if *spare > 0 && widths[i] < target[i] {
                widths[i] += 1;
                *spare -= 1;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
}

/// Writes one row (several lines when a wrapped cell needs them), `indent` before each line.
fn row(
    out: &mut dyn Write,
    columns: &[Column],
    widths: &[Option<usize>],
    cells: &[String],
    indent: &str,
    style: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    let shown: Vec<(&Column, usize, Vec<String>)> = columns
        .iter()
        .zip(widths)
        .zip(cells)
        .filter_map(|((c, w), cell)| {
            let w = (*w)?;
            let lines = match c.fit {
                Fit::End => vec![truncate(cell, w)],
                Fit::Middle => vec![truncate_middle(cell, w)],
                Fit::Wrap => wrap(cell, w),
            };
            Some((c, w, lines))
        })
        .collect();
    let height = shown.iter().map(|(_, _, l)| l.len()).max().unwrap_or(1);
    for k in 0..height {
        let parts: Vec<(bool, usize, &str)> = shown
            .iter()
            .map(|(c, w, lines)| (c.right, *w, lines.get(k).map_or("", String::as_str)))
            .collect();
        // Nothing after the last non-empty cell, so lines carry no trailing spaces.
        let last = parts
            .iter()
            .rposition(|(_, _, t)| !t.is_empty())
            .unwrap_or(0);
        let mut line = String::from(indent);
        for (i, (right, w, text)) in parts.iter().enumerate().take(last + 1) {
            if i > 0 {
                line.push_str(&" ".repeat(GAP));
            }
            let text = if i == last && !right {
                text.to_string()
            } else {
                pad(text, *w, *right)
            };
            line.push_str(&style(&text));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The header line of a table.
fn header(
    out: &mut dyn Write,
    columns: &[Column],
    widths: &[Option<usize>],
    paint: Paint,
) -> io::Result<()> {
    let cells: Vec<String> = columns.iter().map(|c| c.header.to_string()).collect();
    row(out, columns, widths, &cells, "", &|t| paint.bold(t))
}

/// `N things`, with the columns left out at this width named.
fn footer(
    out: &mut dyn Write,
    count: &str,
    columns: &[Column],
    widths: &[Option<usize>],
    ui: &Ui,
) -> io::Result<()> {
    let hidden: Vec<&str> = columns
        .iter()
        .zip(widths)
        .filter(|(_, w)| w.is_none())
        .map(|(c, _)| c.header)
        .collect();
    if hidden.is_empty() {
        return writeln!(out, "{count}");
    }
    let note = format!(
        "{count} (not shown at {} columns: {}; --json has every field)",
        ui.width,
        hidden.join(", ")
    );
    for line in wrap(&note, ui.width) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Display names of the documents the claims come from, unique among them.
fn claim_doc_names(claims: &[ClaimView]) -> HashMap<DocId, String> {
    doc_names(claims.iter().map(|c| (&c.claim.doc, c.source.as_str())))
}

// At 80 columns: doc, quote (the figure as written), subject → object, time; wider terminals
// add the figure as read (value, unit and rate), then measure and attribution. The least
// widths are what keeps a cell readable: a figure cut to a few columns misleads.
const CLAIM_COLUMNS: [Column; 7] = [
    col("doc", 10, 24, 1).fit(Fit::Middle),
    col("quote", 20, 40, 0),
    col("value", 16, 30, 2),
    col("subject → object", 18, 30, 0),
    col("time", 12, 20, 1),
    col("measure", 14, 34, 3),
    col("according to", 14, 24, 3),
];

/// The claims table of `sinew claims`.
pub(crate) fn claims(out: &mut dyn Write, claims: &[ClaimView], ui: &Ui) -> io::Result<()> {
    let names = claim_doc_names(claims);
    let rows: Vec<Vec<String>> = claims
        .iter()
        .map(|c| {
            let q = &c.claim.quantity;
            let (unit, per) = (q.unit.as_deref(), q.per.as_deref());
            let value = format_range(q.value, q.value_max.unwrap_or(q.value), unit, per);
            let value = match &q.qualifier {
                Some(qual) => format!("{qual} {value}"),
                None => value,
            };
            let parties = format!(
                "{} → {}",
                c.claim.subject.as_deref().unwrap_or("?"),
                c.claim.object.as_deref().unwrap_or("?")
            );
            [
                names
                    .get(&c.claim.doc)
                    .cloned()
                    .unwrap_or_else(|| c.source.clone()),
                c.quote.clone(),
                value,
                parties,
                c.claim
                    .time
                    .as_ref()
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
                c.claim.measure.clone(),
                c.claim.attribution.clone().unwrap_or_default(),
            ]
            .map(|cell| clean(&cell))
            .to_vec()
        })
        .collect();
    let widths = layout(&CLAIM_COLUMNS, &rows, ui.width, true);
    header(out, &CLAIM_COLUMNS, &widths, ui.paint)?;
    for r in &rows {
        row(out, &CLAIM_COLUMNS, &widths, r, "", &str::to_string)?;
    }
    footer(
        out,
        &format!("{} claims", claims.len()),
        &CLAIM_COLUMNS,
        &widths,
        ui,
    )
}

// At 80 columns: date, event, who, sources and the start of the first report's sentence;
// wider terminals add how it is told, where, and the first report's document. The sentence
// is what an analyst checks the coding against, so it outranks the rest.
const EVENT_COLUMNS: [Column; 8] = [
    col("date", 10, 22, 0),
    col("event", 16, 26, 0),
    col("who", 16, 34, 0),
    col("docs", 4, 4, 1).right(),
    col("told", 6, 9, 3),
    col("where", 8, 16, 3),
    col("evidence", 16, 100, 1),
    col("doc", 10, 24, 2).fit(Fit::Middle),
];

/// What an event is, in words: its domain kind when it has one ("treaty signing"), else its
/// PLOVER category in lower case, with the mode ("consult: visit").
fn event_name(e: &MergedEvent) -> String {
    let name = match e.kind {
        Some(EventKind::SanctionsDesignation) => "sanctions".to_string(),
        Some(EventKind::MilitaryExercise) => "exercise".to_string(),
        Some(EventKind::PaymentArrangement) => "payment deal".to_string(),
        Some(EventKind::DualUseExport) => "dual-use export".to_string(),
        Some(k) => k.as_str().replace('_', " "),
        None => e.category.as_str().to_lowercase(),
    };
    match &e.mode {
        Some(mode) if e.kind.is_none() => format!("{name}: {mode}"),
        _ => name,
    }
}

/// An event's days as an analyst writes them: a whole year "2019", a whole month "2024-02",
/// a day, else "first..last".
fn days_text(start: Option<chrono::NaiveDate>, end: Option<chrono::NaiveDate>) -> String {
    use chrono::Datelike;
    let Some(a) = start else {
        return String::new();
    };
    let b = end.unwrap_or(a);
    let month_end = |d: chrono::NaiveDate| d.succ_opt().is_none_or(|n| n.month() != d.month());
    if a == b {
        a.to_string()
    } else if a.year() == b.year() && (a.month(), a.day(), b.month(), b.day()) == (1, 1, 12, 31) {
        a.year().to_string()
    } else if (a.year(), a.month()) == (b.year(), b.month()) && a.day() == 1 && month_end(b) {
        format!("{}-{:02}", a.year(), a.month())
    } else {
        format!("{a}..{b}")
    }
}

/// `sinew events`: one event a row, earliest first, with its first report's sentence.
pub(crate) fn events(out: &mut dyn Write, view: &EventsView, ui: &Ui) -> io::Result<()> {
    let names = doc_names(view.reports.iter().map(|r| (&r.doc, r.source.as_str())));
    let rows: Vec<Vec<String>> = view
        .events
        .iter()
        .map(|e| {
            let date = days_text(e.date, e.date_end);
            let who = if e.mutual || e.target.is_empty() {
                e.source.join(" & ")
            } else {
                format!("{} → {}", e.source.join(", "), e.target.join(", "))
            };
            let told = if e.negated {
                "not".to_string()
            } else {
                match e.modality {
                    EventModality::Asserted => String::new(),
                    other => other.as_str().to_string(),
                }
            };
            let first = e.reports.first().and_then(|&i| view.reports.get(i));
            [
                date,
                event_name(e),
                who,
                e.documents.to_string(),
                told,
                e.location.clone().unwrap_or_default(),
                first.map(|r| r.sentence.clone()).unwrap_or_default(),
                first
                    .map(|r| {
                        names
                            .get(&r.doc)
                            .cloned()
                            .unwrap_or_else(|| r.source.clone())
                    })
                    .unwrap_or_default(),
            ]
            .map(|cell| clean(&cell))
            .to_vec()
        })
        .collect();
    let widths = layout(&EVENT_COLUMNS, &rows, ui.width, true);
    header(out, &EVENT_COLUMNS, &widths, ui.paint)?;
    for r in &rows {
        row(out, &EVENT_COLUMNS, &widths, r, "", &str::to_string)?;
    }
    footer(
        out,
        &format!(
            "{} from {}",
            count(view.events.len(), "event", "events"),
            count(view.reports.len(), "report", "reports")
        ),
        &EVENT_COLUMNS,
        &widths,
        ui,
    )
}

// At 80 columns: name, type, mentions, aliases and the start of the description; country and
// documents come on a wider terminal (and in `--json`). A long name is cut before the type
// is: the type says what the name is.
const ENTITY_COLUMNS: [Column; 7] = [
    col("entity", 16, 28, 0),
    col("type", 8, 18, 1),
    col("country", 8, 16, 3),
    col("mentions", 8, 9, 0).right(),
    col("documents", 9, 9, 3).right(),
    col("aliases", 12, 30, 2),
    col("description", 20, 70, 1),
];

/// The entities table of `sinew entities`.
pub(crate) fn entities(out: &mut dyn Write, entities: &[EntitySummary], ui: &Ui) -> io::Result<()> {
    let rows: Vec<Vec<String>> = entities
        .iter()
        .map(|e| {
            // The canonical name is in the first column already; the other spellings, most
            // used first.
            let aliases: Vec<&str> = e
                .aliases
                .iter()
                .map(|a| a.text.as_str())
                .filter(|t| *t != e.canonical)
                .collect();
            [
                e.canonical.clone(),
                e.entity_type.as_str().to_string(),
                e.country.clone().unwrap_or_default(),
                e.mentions.to_string(),
                e.documents.to_string(),
                aliases.join(", "),
                e.description
                    .as_ref()
                    .map(|d| d.text.clone())
                    .unwrap_or_default(),
            ]
            .map(|cell| clean(&cell))
            .to_vec()
        })
        .collect();
    let widths = layout(&ENTITY_COLUMNS, &rows, ui.width, true);
    header(out, &ENTITY_COLUMNS, &widths, ui.paint)?;
    for r in &rows {
        row(out, &ENTITY_COLUMNS, &widths, r, "", &str::to_string)?;
    }
    footer(
        out,
        &count(entities.len(), "entity", "entities"),
        &ENTITY_COLUMNS,
        &widths,
        ui,
    )
}

/// A ledger claim's line under its group: where, the words, its part in the verdict.
// One rank: the room is shared evenly, so a long file name or quote cannot squeeze the note
// (why the claim sides as it does) into a column of a few words.
const LEDGER_CLAIM_COLUMNS: [Column; 3] = [
    col("doc", 14, 24, 0).fit(Fit::Middle),
    col("quote", 16, 36, 0),
    col("note", 20, 200, 0).fit(Fit::Wrap),
];

/// Indent of a group's explanation and claims under its head line.
const INDENT: &str = "    ";

/// `text` wrapped to `first` columns on its first line and `rest` on the others (which the
/// caller indents).
fn hanging(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = wrap(text, first);
    if lines.len() > 1 {
        let tail = lines.split_off(1).join(" ");
        lines.extend(wrap(&tail, rest));
    }
    lines
}

/// `N claims`, `1 claim`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many of `groups` are contradicted.
pub(crate) fn conflicts(groups: &[LedgerGroup]) -> usize {
    groups
        .iter()
        .filter(|g| g.verdict == Verdict::Conflict)
        .count()
}

/// The ledger listing of `sinew ledger`: each group's verdict, actors, measure, consensus and
/// reason, then its claims with their part in the verdict, their documents named by `names`
/// (the names of every document the whole listing cites, `doc_names`), without the closing
/// count ([`ledger_total`]): a listing written a window of groups at a time calls it for each.
pub(crate) fn ledger_groups(
    out: &mut dyn Write,
    groups: &[LedgerGroup],
    claims: &[CitedClaim],
    names: &HashMap<DocId, String>,
    ui: &Ui,
) -> io::Result<()> {
    let inner = ui.width.saturating_sub(INDENT.len());
    for g in groups {
        let tag = format!("[{}]", g.verdict.as_str());
        let mut head = format!(
            "{tag} {} → {} · {} · {} · {} source{}",
            g.subject.as_deref().unwrap_or("?"),
            g.object.as_deref().unwrap_or("?"),
            g.measure,
            crate::json::consensus_text(g),
            g.sources,
            if g.sources == 1 { "" } else { "s" }
        );
        if let Some(a) = &g.attribution {
            head.push_str(&format!(" · {a}"));
        }
        head.push_str(&format!("  ({})", g.id));
        let head = clean(&head);
        for (i, line) in hanging(&head, ui.width, inner).iter().enumerate() {
            if i > 0 {
                writeln!(out, "{INDENT}{line}")?;
            } else if let Some(rest) = line.strip_prefix(&tag) {
                let painted = match g.verdict {
                    Verdict::Conflict => ui.paint.red(&tag),
                    Verdict::Agree => ui.paint.green(&tag),
                    Verdict::Update => ui.paint.yellow(&tag),
                    Verdict::Single => tag.clone(),
                };
                writeln!(out, "{painted}{rest}")?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
        for line in wrap(&clean(&g.explanation), inner) {
            writeln!(out, "{INDENT}{line}")?;
        }
        let rows: Vec<Vec<String>> = g
            .claims
            .iter()
            .filter_map(|m| {
                let v = claims.get(m.claim)?;
                let name = names
                    .get(&v.doc)
                    .cloned()
                    .unwrap_or_else(|| v.source.clone());
                Some(
                    [name, v.quote.clone(), m.note.clone()]
                        .map(|c| clean(&c))
                        .to_vec(),
                )
            })
            .collect();
        let widths = layout(&LEDGER_CLAIM_COLUMNS, &rows, inner, false);
        for r in &rows {
            row(out, &LEDGER_CLAIM_COLUMNS, &widths, r, INDENT, &|t| {
                t.to_string()
            })?;
        }
    }
    Ok(())
}

/// The closing line of [`ledger`]'s listing.
pub(crate) fn ledger_total(out: &mut dyn Write, groups: usize, conflicts: usize) -> io::Result<()> {
    writeln!(
        out,
        "{} group{}, {} conflict{}",
        groups,
        if groups == 1 { "" } else { "s" },
        conflicts,
        if conflicts == 1 { "" } else { "s" }
    )
}

/// `sinew whatif`: the change, the flows it touches, and the dependencies on them.
pub(crate) fn what_if(
    out: &mut dyn Write,
    w: &WhatIf,
    claims: &[sinew_engine::CitedClaim],
    ui: &Ui,
) -> io::Result<()> {
    let kind = w
        .cut
        .kind
        .map_or("every kind".to_string(), |k| k.as_str().to_string());
    let change = if w.cut.factor == 0.0 {
        "cut".to_string()
    } else {
        format!("scaled to {:.0}%", w.cut.factor * 100.0)
    };
    writeln!(
        out,
        "What if {} → {} ({kind}) is {change}?",
        w.cut.from, w.cut.to
    )?;
    if w.flows.is_empty() {
        writeln!(out, "  no stored flow from {} to {}", w.cut.from, w.cut.to)?;
    }
    for f in &w.flows {
        let volumes: Vec<&str> = f.volumes.iter().map(|v| v.text.as_str()).collect();
        writeln!(
            out,
            "  flow {} → {} ({}): {}",
            f.from,
            f.to,
            f.kind.as_str(),
            if volumes.is_empty() {
                "no volume stated".to_string()
            } else {
                volumes.join(", ")
            }
        )?;
    }
    for a in &w.affected {
        let mark = if a.below {
            ui.paint.red("BELOW")
        } else {
            "ok   ".to_string()
        };
        writeln!(out, "  {mark} {}", a.explanation)?;
        for &i in &a.dependency.claims {
            if let Some(v) = claims.get(i) {
                writeln!(
                    out,
                    "        {}  \u{201c}{}\u{201d}",
                    v.source,
                    clean(&v.quote)
                )?;
            }
        }
    }
    writeln!(
        out,
        "dependencies below {:.0}% of supply: {} of {}",
        w.threshold,
        w.below().count(),
        w.affected.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(r: &[&str]) -> Vec<String> {
        r.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn low_ranked_columns_go_first_and_spare_room_goes_to_the_best_ranked() {
        let columns = [
            col("a", 10, 30, 0),
            col("b", 10, 30, 2),
            col("c", 10, 30, 1),
        ];
        let rows = vec![cells(&[
            "x".repeat(30).as_str(),
            "y".repeat(30).as_str(),
            "z".repeat(30).as_str(),
        ])];
        let widths = layout(&columns, &rows, 30, true);
        assert_eq!(widths, [Some(18), None, Some(10)]);
        let widths = layout(&columns, &rows, 100, true);
        assert_eq!(widths, [Some(30), Some(30), Some(30)]);
        // A wider terminal than the greatest widths shows more of what is cut.
        let rows = vec![cells(&[&"x".repeat(50), "y", "z"])];
        let widths = layout(&columns, &rows, 40, true);
        assert_eq!(widths, [Some(34), Some(1), Some(1)]);
        let widths = layout(&columns, &rows, 80, true);
        assert_eq!(widths, [Some(50), Some(1), Some(1)]);
    }

    #[test]
    fn narrow_content_keeps_a_narrow_column() {
        let columns = [col("n", 10, 30, 0), col("quote", 10, 40, 0)];
        let rows = vec![cells(&["1", "a long quoted sentence of some words"])];
        let widths = layout(&columns, &rows, 80, true);
        assert_eq!(widths, [Some(1), Some(36)]);
    }

    #[test]
    fn rows_never_exceed_the_width() {
        let columns = [
            col("doc", 6, 20, 0).fit(Fit::Middle),
            col("note", 6, 200, 0).fit(Fit::Wrap),
        ];
        let rows = vec![cells(&[
            "北京/世界/索引.txt#3f2a",
            "因为 the 消息 said so, across many words and lines",
        ])];
        let widths = layout(&columns, &rows, 24, true);
        let mut out = Vec::new();
        row(&mut out, &columns, &widths, &rows[0], "", &str::to_string).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().count() > 1, "{text}");
        for line in text.lines() {
            assert!(width(line) <= 24, "{line:?} in\n{text}");
        }
    }
}
