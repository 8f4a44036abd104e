//! `eval-claims --verbose`: why each gold figure was missed, counted by cause, so that a
//! change can be judged by which cause it shrinks.
//!
//! A missed gold line is put in the first class that holds, looked up by its quote in its
//! document's stored text:
//! - `quote not in text`: the extracted text does not hold the quote (extraction dropped or
//!   changed it, or the quote is not verbatim);
//! - `no quantity`: no quantity of the document overlaps the quote;
//! - `claim taken`: a claim overlapping the quote has the gold's value and unit but matched
//!   another gold line (one-to-one matching);
//! - `claim value` / `claim unit`: a claim overlaps the quote but its value (or range) or
//!   its unit differs;
//! - `filtered`: a quantity overlapping the quote has the gold's value, but no claim was made
//!   (the selection of figures left it out, or its sentence was not whole);
//! - `quantity value` / `quantity unit`: a quantity overlaps the quote, no claim was made, and
//!   its value (or unit) differs from the gold's.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use sinew_types::Quantity;

use super::{close, compatible, gold_unit, unit_key, Gold, Predicted};

/// Each input's stored texts and their quantities (a JSON Lines input holds several).
#[derive(Default)]
pub(crate) struct Figures(HashMap<String, Vec<(String, Vec<Quantity>)>>);

impl Figures {
    pub(crate) fn add(&mut self, doc: &str, text: String, quantities: Vec<Quantity>) {
        self.0
            .entry(doc.to_string())
            .or_default()
            .push((text, quantities));
    }
}

/// Why a gold line has no claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Cause {
    NotInText,
    NoQuantity,
    ClaimTaken,
    ClaimValue,
    ClaimUnit,
    Filtered,
    QuantityValue,
    QuantityUnit,
}

impl Cause {
    fn name(self) -> &'static str {
        match self {
            Cause::NotInText => "quote not in text",
            Cause::NoQuantity => "no quantity",
            Cause::ClaimTaken => "claim taken by another line",
            Cause::ClaimValue => "claim value",
            Cause::ClaimUnit => "claim unit",
            Cause::Filtered => "filtered (quantity right, no claim)",
            Cause::QuantityValue => "quantity value (no claim)",
            Cause::QuantityUnit => "quantity unit (no claim)",
        }
    }
}

/// Whether the figure's value (and range) agrees with the gold line's.
fn value_agrees(g: &Gold, value: f64, value_max: Option<f64>, vague: bool) -> bool {
    if g.vague {
        return vague;
    }
    let Some(v) = g.value else { return false };
    close(value, v)
        && match (g.value_max, value_max) {
            (Some(gm), Some(pm)) => close(pm, gm),
            (Some(_), None) => false,
            (None, Some(pm)) => close(pm, v),
            (None, None) => true,
        }
}

/// The cause of one miss.
pub(crate) fn cause(g: &Gold, pred: &[&Predicted], texts: &[(String, Vec<Quantity>)]) -> Cause {
    // Claims of the document whose quote overlaps the gold's words.
    let overlapping: Vec<&&Predicted> = pred
        .iter()
        .filter(|p| {
            let (a, b) = (p.quote.to_lowercase(), g.quote.to_lowercase());
            a.contains(&b) || b.contains(&a)
        })
        .collect();
    if overlapping.iter().any(|p| compatible(g, p)) {
        return Cause::ClaimTaken;
    }
    let mut found = false;
    let mut quantities = Vec::new();
    for (text, qs) in texts {
        let mut from = 0;
        while let Some(i) = text[from..].find(&g.quote) {
            let (start, end) = (from + i, from + i + g.quote.len());
            found = true;
            quantities.extend(
                qs.iter()
                    .filter(|q| q.span.start < end && start < q.span.end),
            );
            from = end;
        }
    }
    if !found {
        return Cause::NotInText;
    }
    if let Some(p) = overlapping.first() {
        return if value_agrees(g, p.value, p.value_max, p.vague) {
            Cause::ClaimUnit
        } else {
            Cause::ClaimValue
        };
    }
    if quantities.is_empty() {
        return Cause::NoQuantity;
    }
    let right_value = quantities
        .iter()
        .any(|q| value_agrees(g, q.value, q.value_max, q.vague));
    if !right_value {
        return Cause::QuantityValue;
    }
    let right_unit = quantities.iter().any(|q| {
        value_agrees(g, q.value, q.value_max, q.vague)
            && gold_unit(q).is_some_and(|u| unit_key(&u) == unit_key(&g.unit))
    });
    // A bare number takes its unit from the claim's measure, so a right value is enough.
    let bare = quantities.iter().any(|q| q.unit.is_none());
    if right_unit || bare {
        Cause::Filtered
    } else {
        Cause::QuantityUnit
    }
}

/// Misses counted by cause, per set and overall, each miss listed under its cause.
pub(super) fn listing(
    gold: &[Gold],
    pred: &[Predicted],
    matches: &[Option<usize>],
    figures: &Figures,
) -> String {
    let mut by_doc: HashMap<&str, Vec<&Predicted>> = HashMap::new();
    for p in pred {
        by_doc.entry(p.doc.as_str()).or_default().push(p);
    }
    let mut counts: BTreeMap<(Cause, &str), usize> = BTreeMap::new();
    let mut lines: BTreeMap<Cause, String> = BTreeMap::new();
    for (g, m) in gold.iter().zip(matches) {
        if m.is_some() {
            continue;
        }
        let ps = by_doc.get(g.doc.as_str()).map_or(&[][..], |v| v.as_slice());
        let texts = figures.0.get(&g.doc).map_or(&[][..], |v| v.as_slice());
        let c = cause(g, ps, texts);
        let got = ps
            .iter()
            .find(|p| {
                let (a, b) = (p.quote.to_lowercase(), g.quote.to_lowercase());
                a.contains(&b) || b.contains(&a)
            })
            .map_or(String::new(), |p| {
                format!(
                    "; got {}{} {}",
                    p.value,
                    p.value_max.map_or(String::new(), |m| format!("-{m}")),
                    p.unit.as_deref().unwrap_or("-")
                )
            });
        *counts.entry((c, g.set.as_str())).or_default() += 1;
        let _ = writeln!(
            lines.entry(c).or_default(),
            "    {} {} {:?} ({} {}{got})",
            g.set,
            g.doc,
            g.quote,
            g.value.map_or("vague".to_string(), |v| v.to_string()),
            g.unit
        );
    }
    let mut out = String::from("misses by cause (set: count):\n");
    for (c, ls) in &lines {
        let per_set: Vec<String> = counts
            .iter()
            .filter(|((k, _), _)| k == c)
            .map(|((_, s), n)| format!("{s} {n}"))
            .collect();
        let total: usize = counts
            .iter()
            .filter(|((k, _), _)| k == c)
            .map(|(_, n)| n)
            .sum();
        let _ = writeln!(out, "  {} {total} ({})", c.name(), per_set.join(", "));
        out.push_str(ls);
    }
    out
}

/// Matched lines with a gold kind, counted by (gold kind, claimed kind) and by what the
/// figure is (money, percent, count, other), so a rule's trade-off shows.
pub(super) fn kind_confusion(
    gold: &[Gold],
    pred: &[Predicted],
    matches: &[Option<usize>],
) -> String {
    let mut counts: BTreeMap<(&'static str, String, String), usize> = BTreeMap::new();
    for (g, m) in gold.iter().zip(matches) {
        let (Some(j), Some(k)) = (m, &g.kind) else {
            continue;
        };
        let u = g.unit.as_str();
        let class = if u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()) {
            "money"
        } else if u == "percent" || u == "percentage_point" {
            "percent"
        } else if matches!(u, "fraction" | "number" | "times") {
            "ratio/number"
        } else {
            "count/measure"
        };
        *counts
            .entry((class, k.to_lowercase(), pred[*j].kind.clone()))
            .or_default() += 1;
    }
    let mut out = String::from("kind: figure class, gold kind -> claimed kind: count\n");
    for ((c, g, p), n) in &counts {
        let mark = if g == p { "" } else { "  *" };
        let _ = writeln!(out, "  {c:13} {g:7} -> {p:7} {n:4}{mark}");
    }
    out
}
