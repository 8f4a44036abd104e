//! `cargo xtask eval-claims [--gold DIR] [--verbose]`: how close are Sinew's claims and
//! figures ledger to the claim dev gold (`eval/claims-dev/*.jsonl`, rules in its README)?
//!
//! Every gold file is read first (a line that is not JSON, or lacks `doc`, `quote`, `unit`,
//! `concept`, or `value` on a line not marked vague, is an error naming file and line). Each
//! document named is found by its input file name: a WCXB page in
//! `../shared/dev/extraction/wcxb-dev-articles/html/`, a seed in `../shared/seeds/`, a sample
//! file in `corpus/sample/`. A set (one gold file) whose input folder is absent is skipped
//! with a printed line. Each input is ingested on its own into one in-memory store, so every
//! stored document maps back to its input file name (a JSON Lines file's documents all map to
//! the file), and the ledger runs over all of them at once, as it would for a user.
//!
//! Scoring, per set and overall:
//! - A predicted claim matches a gold line of the same document when the values agree within
//!   0.5% (`value_max` too, and a point is not a range), and the units agree (case, `_` and
//!   `-` ignored); a vague gold line matches a predicted vague amount of the same unit.
//!   Matching is one-to-one and best first: same quote before overlapping quote before
//!   other, then the closest value, then (for the same words) the same occurrence (the k-th
//!   gold "0.00%" with the k-th claimed one), then the nearest place in the document's order.
//! - Recall: matched gold lines over gold lines; precision: matched predicted claims over
//!   every predicted claim of an annotated document.
//! - Roles: among matched lines whose gold names a subject or an object, those where both
//!   are right (an absent one must be absent). Names are compared lower-cased, without a
//!   leading "the" or trailing legal-form words ("Corp.", "Ltd", "Group"), and through
//!   sinew-nlp's alias list to canonical names; a short form and a long form of one
//!   organisation's name (leading words, `short_or_long_form`) are one party unless the
//!   document's gold names another party as near. "No party kept": among matched lines whose
//!   gold names neither, those whose claim names neither (so that guessing a party for
//!   every figure shows).
//! - Time: among matched lines with a gold `time`, those whose claim's TIMEX3 value is equal.
//! - Kind: among matched lines with a gold `kind`, those whose claim has that measure kind.
//! - Ledger pairwise F1: over pairs of matched gold lines, "same concept" in the gold against
//!   "same ledger group" for their claims. A pair where one line `restates` the other also
//!   counts as same-group when the ledger folds them (the restating claim points at the
//!   other and sits in its group or in none).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use serde_json::Value;
use sinew_engine::{Engine, IngestOptions, LedgerFilter};
use sinew_store::SqliteStore;

#[cfg(test)]
pub(crate) use names::short_or_long_form;
pub(crate) use names::Names;

/// One gold line: one figure of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Gold {
    /// The gold file's stem (`wcxb-a`): the set it belongs to.
    pub set: String,
    /// The input file name of its document.
    pub doc: String,
    /// The figure's words as in the text.
    pub quote: String,
    /// The number (absent on a vague line).
    pub value: Option<f64>,
    /// Upper bound of a range.
    pub value_max: Option<f64>,
    /// Unit as the guidelines write it.
    pub unit: String,
    /// A vague amount ("dozens of").
    pub vague: bool,
    /// TIMEX3 value of the time the figure refers to.
    pub time: Option<String>,
    /// The start of a running total or of a change (`since`).
    pub since: Option<String>,
    /// The actor the figure is about.
    pub subject: Option<String>,
    /// The counterpart.
    pub object: Option<String>,
    /// What is measured.
    pub measure: Option<String>,
    /// flow, stock, change, share, price or other.
    pub kind: Option<String>,
    /// The quote of the figure of the same sentence this one states again.
    pub restates: Option<String>,
    /// Key shared by every line about the same quantity.
    pub concept: String,
}

/// A predicted claim as the scoring reads it (plain data, so tests write them by hand).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Predicted {
    /// Input file name of its document.
    pub doc: String,
    /// The figure's words.
    pub quote: String,
    /// The sentence holding it.
    pub sentence: String,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub vague: bool,
    pub subject: Option<String>,
    pub object: Option<String>,
    pub measure: String,
    /// The measure kind's name.
    pub kind: String,
    /// TIMEX3 value of its time.
    pub time: Option<String>,
    /// Its ledger group (index), if the ledger put it in one.
    pub group: Option<usize>,
    /// The predicted claim (index) it restates.
    pub restates: Option<usize>,
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let root = crate::root();
    let mut gold_dir = root.join("eval/claims-dev");
    let mut verbose = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--gold" => gold_dir = PathBuf::from(it.next().context("--gold needs a folder")?),
            "--verbose" => verbose = true,
            other => bail!("unknown flag {other:?} for eval-claims"),
        }
    }
    let shared =
        std::env::var_os("SINEW_SHARED_DIR").map_or_else(|| root.join("../shared"), PathBuf::from);
    let folders = [
        shared.join("dev/extraction/wcxb-dev-articles/html"),
        shared.join("seeds"),
        root.join("corpus/sample"),
    ];
    let mut gold = load_gold(&gold_dir)?;
    let sets: Vec<String> = {
        let mut s: Vec<String> = gold.iter().map(|g| g.set.clone()).collect();
        s.dedup();
        s
    };
    // Each document's input file, or the set is skipped when its folder is absent.
    let mut inputs: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut skipped = Vec::new();
    for g in &gold {
        if inputs.contains_key(&g.doc) || skipped.contains(&g.set) {
            continue;
        }
        match folders.iter().map(|f| f.join(&g.doc)).find(|p| p.is_file()) {
            Some(p) => {
                inputs.insert(g.doc.clone(), p);
            }
            None => {
                let absent: Vec<String> = folders
                    .iter()
                    .filter(|f| !f.is_dir())
                    .map(|f| f.display().to_string())
                    .collect();
                if absent.is_empty() {
                    bail!(
                        "{}: document {:?} is in none of {}",
                        g.set,
                        g.doc,
                        folders.map(|f| f.display().to_string()).join(", ")
                    );
                }
                println!(
                    "SKIP eval-claims set {}: {:?} not found and {} absent",
                    g.set,
                    g.doc,
                    absent.join(", ")
                );
                skipped.push(g.set.clone());
            }
        }
    }
    gold.retain(|g| !skipped.contains(&g.set));
    inputs.retain(|doc, _| gold.iter().any(|g| &g.doc == doc));
    let (predicted, figures) = predict(&inputs)?;
    let aliases = Names::from_alias_list().with_gold(&gold);
    let matches = match_all(&gold, &predicted);
    println!(
        "eval-claims: {} gold lines in {} documents, {} predicted claims",
        gold.len(),
        inputs.len(),
        predicted.len()
    );
    for set in sets.iter().filter(|s| !skipped.contains(s)) {
        let keep = |g: &Gold| &g.set == set;
        let s = score(&gold, &predicted, &matches, &aliases, &keep);
        print!("{}", s.render(set));
    }
    let all = score(&gold, &predicted, &matches, &aliases, &|_| true);
    print!("{}", all.render("overall"));
    println!(
        "  goal (issue 14): recall and precision >= 0.9, roles >= 0.85, ledger pairwise F1 >= 0.9"
    );
    if verbose {
        print!(
            "{}",
            listing::listing(&gold, &predicted, &matches, &aliases)
        );
        print!("{}", ledger_pairs::listing(&gold, &predicted, &matches));
        print!(
            "{}",
            role_classes::table(&gold, &predicted, &matches, &aliases)
        );
        print!("{}", causes::listing(&gold, &predicted, &matches, &figures));
        print!("{}", causes::kind_confusion(&gold, &predicted, &matches));
    }
    Ok(())
}

/// Every `*.jsonl` of `dir`, in name order, as gold lines.
fn load_gold(dir: &Path) -> Result<Vec<Gold>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading the gold folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no .jsonl gold file in {}", dir.display());
    }
    let mut out = Vec::new();
    for f in &files {
        let set = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text =
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let g = parse_line(&set, line).with_context(|| format!("{}:{}", f.display(), i + 1))?;
            out.push(g);
        }
    }
    Ok(out)
}

/// One gold line; the error says which field is missing or wrong.
pub(crate) fn parse_line(set: &str, line: &str) -> Result<Gold> {
    let v: Value = serde_json::from_str(line).context("not a JSON object")?;
    if !v.is_object() {
        bail!("not a JSON object");
    }
    let text = |k: &str| -> Result<Option<String>> {
        match &v[k] {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s.clone())),
            other => bail!("field {k:?} is not a string: {other}"),
        }
    };
    let num = |k: &str| -> Result<Option<f64>> {
        match &v[k] {
            Value::Null => Ok(None),
            Value::Number(n) => Ok(n.as_f64()),
            other => bail!("field {k:?} is not a number: {other}"),
        }
    };
    let required = |k: &str| -> Result<String> {
        text(k)?
            .filter(|s| !s.trim().is_empty())
            .with_context(|| format!("required field {k:?} is missing"))
    };
    let vague = match &v["vague"] {
        Value::Null => false,
        Value::Bool(b) => *b,
        other => bail!("field \"vague\" is not a boolean: {other}"),
    };
    let value = num("value")?;
    if value.is_none() && !vague {
        bail!("required field \"value\" is missing (and the line is not vague)");
    }
    let kind = text("kind")?;
    if let Some(k) = &kind {
        if sinew_types::MeasureKind::parse(k).is_none() {
            bail!("field \"kind\" is {k:?}, not flow, stock, change, share, price or other");
        }
    }
    Ok(Gold {
        set: set.to_string(),
        doc: required("doc")?,
        quote: required("quote")?,
        value,
        value_max: num("value_max")?,
        unit: required("unit")?,
        vague,
        time: text("time")?,
        since: text("since")?,
        subject: text("subject")?,
        object: text("object")?,
        measure: text("measure")?,
        kind,
        restates: text("restates")?,
        concept: required("concept")?,
    })
}

/// Ingests each input on its own into one in-memory store and reads back every claim of
/// those documents, with its ledger group, and each input's stored texts and quantities (for
/// the causes of misses).
fn predict(inputs: &BTreeMap<String, PathBuf>) -> Result<(Vec<Predicted>, causes::Figures)> {
    let store = SqliteStore::open_in_memory().context("opening an in-memory store")?;
    let engine = Engine::with_store(Arc::new(store));
    let mut names = HashMap::new();
    for (doc, path) in inputs {
        let summary = engine
            .ingest_paths(
                std::slice::from_ref(path),
                &IngestOptions::default(),
                &mut |_| {},
            )
            .with_context(|| format!("ingesting {}", path.display()))?;
        if let Some(e) = summary.errors.first() {
            bail!("ingesting {}: {e}", path.display());
        }
        for id in summary.new_documents {
            names.insert(id, doc.clone());
        }
    }
    let mut figures = causes::Figures::default();
    for (id, doc) in &names {
        let store = engine.store();
        let text = store
            .document(id)
            .with_context(|| format!("reading document {doc}"))?
            .map(|d| d.text)
            .unwrap_or_default();
        let quantities = store
            .annotations(id)
            .with_context(|| format!("reading the annotations of {doc}"))?
            .map(|a| a.quantities)
            .unwrap_or_default();
        figures.add(doc, text, quantities);
    }
    let views = engine.claims(None).context("reading the claims")?;
    let ledger = engine
        .ledger(&LedgerFilter::default())
        .context("building the ledger")?;
    let mut group_of: HashMap<(sinew_types::DocId, sinew_types::Span), usize> = HashMap::new();
    for (gi, g) in ledger.ledger.groups.iter().enumerate() {
        for m in &g.claims {
            let c = &ledger.claims[m.claim].claim;
            group_of.insert((c.doc.clone(), c.span), gi);
        }
    }
    let views: Vec<_> = views
        .into_iter()
        .filter(|v| names.contains_key(&v.claim.doc))
        .collect();
    let index: HashMap<(sinew_types::DocId, sinew_types::Span), usize> = views
        .iter()
        .enumerate()
        .map(|(i, v)| ((v.claim.doc.clone(), v.claim.span), i))
        .collect();
    let predicted = views
        .iter()
        .map(|v| {
            let c = &v.claim;
            let q = &c.quantity;
            Predicted {
                doc: names[&c.doc].clone(),
                quote: v.quote.clone(),
                sentence: v.sentence.clone(),
                value: q.value,
                value_max: q.value_max,
                unit: gold_unit(q),
                vague: q.vague,
                subject: c.subject.clone(),
                object: c.object.clone(),
                measure: c.measure.clone(),
                kind: c.kind.as_str().to_string(),
                time: c.time.as_ref().and_then(|t| t.timex.clone()),
                group: group_of.get(&(c.doc.clone(), c.span)).copied(),
                restates: c
                    .restates
                    .and_then(|s| index.get(&(c.doc.clone(), s)).copied()),
            }
        })
        .collect();
    Ok((predicted, figures))
}

/// The unit a claim's figure has in the gold's vocabulary (README, "Fields"): the quantity's
/// own unit, except that barrels are `bbl` and barrels a day `bpd` (the quantity layer writes
/// `barrel` with the rate apart), and a figure with nothing counted is `fraction` for a
/// fraction word and `number` for a bare number (the quantity layer leaves their unit empty).
pub(crate) fn gold_unit(q: &sinew_types::Quantity) -> Option<String> {
    if q.unit.as_deref() == Some("barrel") {
        let daily = q.per.as_deref() == Some("day");
        return Some(if daily { "bpd" } else { "bbl" }.to_string());
    }
    q.unit.clone().or_else(|| match q.kind {
        sinew_types::QuantityKind::Fraction => Some("fraction".to_string()),
        sinew_types::QuantityKind::Number => Some("number".to_string()),
        _ => None,
    })
}

/// Whether a claim's TIMEX3 value states the gold line's time. A claimed interval
/// "2023/2030" ("from 2023 to 2030", "between 2021 and 2023") is read as the guidelines
/// write a change between two times: time the later, `since` the earlier; so it states a
/// gold time equal to its end, when the gold's `since`, if any, is its start.
pub(crate) fn same_time(g: &Gold, got: Option<&str>) -> bool {
    let (Some(t), Some(got)) = (g.time.as_deref(), got) else {
        return false;
    };
    if got == t {
        return true;
    }
    match got.split_once('/') {
        Some((start, end)) => end == t && g.since.as_deref().is_none_or(|s| s == start),
        None => false,
    }
}

/// Values within 0.5% of the gold one.
fn close(got: f64, gold: f64) -> bool {
    if gold == 0.0 {
        got == 0.0
    } else {
        ((got - gold) / gold).abs() <= 0.005
    }
}

fn unit_key(u: &str) -> String {
    u.trim().to_lowercase().replace(['_', '-'], " ")
}

/// Whether `p` may match `g` at all (same document checked by the caller).
pub(crate) fn compatible(g: &Gold, p: &Predicted) -> bool {
    if p.unit.as_deref().map(unit_key) != Some(unit_key(&g.unit)) {
        return false;
    }
    if g.vague {
        return p.vague;
    }
    let Some(v) = g.value else { return false };
    if !close(p.value, v) {
        return false;
    }
    match (g.value_max, p.value_max) {
        (Some(gm), Some(pm)) => close(pm, gm),
        (Some(_), None) => false,
        // A point read as a range is wrong unless the range is that point.
        (None, Some(pm)) => close(pm, v),
        (None, None) => true,
    }
}

fn quote_key(q: &str) -> String {
    q.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// 2 for the same words, 1 when one holds the other, 0 otherwise.
fn quote_score(g: &str, p: &str) -> u8 {
    let (g, p) = (quote_key(g), quote_key(p));
    if g == p {
        2
    } else if g.contains(&p) || p.contains(&g) {
        1
    } else {
        0
    }
}

/// For each gold line, the predicted claim it matched (one-to-one, best first).
pub(crate) fn match_all(gold: &[Gold], pred: &[Predicted]) -> Vec<Option<usize>> {
    let mut by_doc: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (i, g) in gold.iter().enumerate() {
        by_doc.entry(&g.doc).or_default().0.push(i);
    }
    for (j, p) in pred.iter().enumerate() {
        by_doc.entry(&p.doc).or_default().1.push(j);
    }
    let mut out = vec![None; gold.len()];
    for (gs, ps) in by_doc.values() {
        // The k-th gold line with some words is the k-th figure with those words: a quote a
        // table repeats ("0.00%" in every row) pairs row by row, whatever else is missed.
        let rank = |quotes: &mut dyn Iterator<Item = &str>| -> Vec<usize> {
            let mut seen: HashMap<String, usize> = HashMap::new();
            quotes
                .map(|q| {
                    let n = seen.entry(quote_key(q)).or_default();
                    *n += 1;
                    *n
                })
                .collect()
        };
        let g_rank = rank(&mut gs.iter().map(|&i| gold[i].quote.as_str()));
        let p_rank = rank(&mut ps.iter().map(|&j| pred[j].quote.as_str()));
        // (quote score, value distance, occurrence distance, place distance, gold, predicted)
        let mut cands = Vec::new();
        for (a, &gi) in gs.iter().enumerate() {
            for (b, &pj) in ps.iter().enumerate() {
                let (g, p) = (&gold[gi], &pred[pj]);
                if !compatible(g, p) {
                    continue;
                }
                let dist = g.value.map_or(0.0, |v| {
                    if v == 0.0 {
                        0.0
                    } else {
                        ((p.value - v) / v).abs()
                    }
                });
                let place = (a as f64 / gs.len() as f64 - b as f64 / ps.len() as f64).abs();
                let score = quote_score(&g.quote, &p.quote);
                let occurrence = if score == 2 {
                    g_rank[a].abs_diff(p_rank[b])
                } else {
                    0
                };
                cands.push((score, dist, occurrence, place, gi, pj));
            }
        }
        cands.sort_by(|x, y| {
            y.0.cmp(&x.0)
                .then(x.1.total_cmp(&y.1))
                .then(x.2.cmp(&y.2))
                .then(x.3.total_cmp(&y.3))
                .then(x.4.cmp(&y.4))
        });
        let mut used = vec![false; pred.len()];
        for (_, _, _, _, gi, pj) in cands {
            if out[gi].is_none() && !used[pj] {
                out[gi] = Some(pj);
                used[pj] = true;
            }
        }
    }
    out
}

/// A count and the total it is out of.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(crate) struct Ratio(pub usize, pub usize);

impl Ratio {
    fn show(self) -> String {
        if self.1 == 0 {
            "n/a (0/0)".to_string()
        } else {
            format!(
                "{:.3} ({}/{})",
                self.0 as f64 / self.1 as f64,
                self.0,
                self.1
            )
        }
    }
}

/// Pair counts of the ledger: same group and same concept, same group only, concept only.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(crate) struct Pairs {
    pub both: usize,
    pub group_only: usize,
    pub concept_only: usize,
}

impl Pairs {
    /// None when no pair is in the same concept or the same group: nothing to score.
    pub(crate) fn f1(self) -> Option<f64> {
        let d = 2 * self.both + self.group_only + self.concept_only;
        (d > 0).then(|| 2.0 * self.both as f64 / d as f64)
    }
}

/// The figures of one set (or all).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Scores {
    pub docs: usize,
    pub recall: Ratio,
    pub precision: Ratio,
    pub roles: Ratio,
    /// Among matched lines whose gold names no party, the share where the claim names none
    /// either: the other half of roles, so that naming a party everywhere does not pay.
    pub no_party: Ratio,
    pub time: Ratio,
    pub kind: Ratio,
    pub pairs: Pairs,
}

impl Scores {
    fn render(&self, name: &str) -> String {
        let mut s = format!(
            "{name}: {} documents, {} gold lines, {} predicted claims\n",
            self.docs, self.recall.1, self.precision.1
        );
        let _ = writeln!(s, "  claim recall     {}", self.recall.show());
        let _ = writeln!(s, "  claim precision  {}", self.precision.show());
        let _ = writeln!(s, "  roles            {}", self.roles.show());
        let _ = writeln!(s, "  no party kept    {}", self.no_party.show());
        let _ = writeln!(s, "  time             {}", self.time.show());
        let _ = writeln!(s, "  kind             {}", self.kind.show());
        let p = self.pairs;
        let _ = writeln!(
            s,
            "  ledger pairwise F1 {} (same concept and group {}, group only {}, concept only {})",
            p.f1().map_or("n/a".to_string(), |f| format!("{f:.3}")),
            p.both,
            p.group_only,
            p.concept_only
        );
        s
    }
}

/// Whether the ledger holds the claims of gold lines `a` and `b` (matched to `pa`, `pb`)
/// together.
fn same_group(
    gold: &[Gold],
    pred: &[Predicted],
    (a, pa): (usize, usize),
    (b, pb): (usize, usize),
) -> bool {
    let (x, y) = (&pred[pa], &pred[pb]);
    if x.group.is_some() && x.group == y.group {
        return true;
    }
    let restated = |g: &Gold, h: &Gold| {
        g.doc == h.doc
            && g.restates
                .as_deref()
                .is_some_and(|r| quote_key(r) == quote_key(&h.quote))
    };
    // A restatement folded into the figure it restates: it points at it, in its group or none.
    let folded = |r: &Predicted, to: usize, other: &Predicted| {
        r.restates == Some(to) && (r.group.is_none() || r.group == other.group)
    };
    (restated(&gold[a], &gold[b]) && folded(x, pb, y))
        || (restated(&gold[b], &gold[a]) && folded(y, pa, x))
}

/// The figures over the gold lines `keep` selects.
pub(crate) fn score(
    gold: &[Gold],
    pred: &[Predicted],
    matches: &[Option<usize>],
    names: &Names,
    keep: &dyn Fn(&Gold) -> bool,
) -> Scores {
    let lines: Vec<usize> = (0..gold.len()).filter(|&i| keep(&gold[i])).collect();
    let mut docs: Vec<&str> = lines.iter().map(|&i| gold[i].doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    let predicted = pred
        .iter()
        .filter(|p| docs.contains(&p.doc.as_str()))
        .count();
    let matched: Vec<(usize, usize)> = lines
        .iter()
        .filter_map(|&i| matches[i].map(|j| (i, j)))
        .collect();
    let mut s = Scores {
        docs: docs.len(),
        recall: Ratio(matched.len(), lines.len()),
        precision: Ratio(matched.len(), predicted),
        ..Scores::default()
    };
    for &(i, j) in &matched {
        let (g, p) = (&gold[i], &pred[j]);
        if g.subject.is_some() || g.object.is_some() {
            s.roles.1 += 1;
            let ok = names.same_in(&g.doc, g.subject.as_deref(), p.subject.as_deref())
                && names.same_in(&g.doc, g.object.as_deref(), p.object.as_deref());
            s.roles.0 += usize::from(ok);
        } else {
            s.no_party.1 += 1;
            s.no_party.0 += usize::from(p.subject.is_none() && p.object.is_none());
        }
        if g.time.is_some() {
            s.time.1 += 1;
            s.time.0 += usize::from(same_time(g, p.time.as_deref()));
        }
        if let Some(k) = &g.kind {
            s.kind.1 += 1;
            s.kind.0 += usize::from(k.eq_ignore_ascii_case(&p.kind));
        }
    }
    for (n, &a) in matched.iter().enumerate() {
        for &b in &matched[n + 1..] {
            let concept = gold[a.0].concept == gold[b.0].concept;
            let group = same_group(gold, pred, a, b);
            match (concept, group) {
                (true, true) => s.pairs.both += 1,
                (false, true) => s.pairs.group_only += 1,
                (true, false) => s.pairs.concept_only += 1,
                (false, false) => {}
            }
        }
    }
    s
}

mod causes;
mod listing;
mod names;

mod ledger_pairs;

mod role_classes;
#[cfg(test)]
mod tests;
