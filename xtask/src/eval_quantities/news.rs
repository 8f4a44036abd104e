//! The second suite of `eval-quantities`: news sentences written for the project
//! (`eval/quantities-news/*.jsonl`), scored as news quantity suites score, with precision as
//! well as recall, since a label or a date read as a figure is a mistake an analyst sees.
//!
//! One JSON object a line: `{text, quantities: [{surface, value, value_max?, unit}]}`. The
//! gold was written before the sentences were run. Units are written as Sinew's vocabulary
//! names them (ISO 4217 codes, "percent", "penny", SI symbols, a rate as "USD/year"), and a
//! counted noun's unit is the noun ("7 analysts": "analyst"), as news suites count it; "" is a
//! bare number or a fraction.
//!
//! A file whose name ends in `-heldback.jsonl` is a held-back half: written with its twin
//! before either was run, its figures are printed and its sentences never are (`--all`
//! included), so rules are designed on the twin and this half stays a check of them.
//!
//! Matching: a result answers one gold (a maximum matching); values within 0.1%; a range gold
//! needs the same two ends, a point gold a result that is no range. For the unit, both sides
//! go through [`key`]: plural counted nouns are singular, an age in years is a length in
//! years, and a rate keeps its period.

use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

use super::{Found, Gold};

/// One sentence of the news suite.
pub(crate) struct NewsCase {
    text: String,
    gold: Vec<NewsGold>,
}

/// One expected figure.
pub(crate) struct NewsGold {
    surface: String,
    value: f64,
    value_max: Option<f64>,
    unit: String,
}

/// Reads every `*.jsonl` under `dir`, in name order, each file's cases apart.
pub(crate) fn read(dir: &Path) -> Result<Vec<(std::path::PathBuf, Vec<NewsCase>)>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let cases = read_file(&file)?;
        out.push((file, cases));
    }
    Ok(out)
}

/// Reads one suite file: a JSON object a line, `{text, quantities: [{surface, value,
/// value_max?, unit}]}`.
pub(crate) fn read_file(file: &Path) -> Result<Vec<NewsCase>> {
    let raw =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let mut cases = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case = parse(line).with_context(|| format!("{}:{}", file.display(), n + 1))?;
        cases.push(case);
    }
    Ok(cases)
}

fn parse(line: &str) -> Result<NewsCase> {
    let v: Value = serde_json::from_str(line)?;
    let text = v["text"]
        .as_str()
        .context("a line without text")?
        .to_string();
    let mut gold = Vec::new();
    for q in v["quantities"]
        .as_array()
        .context("a line without quantities")?
    {
        gold.push(NewsGold {
            surface: q["surface"].as_str().unwrap_or("").to_string(),
            value: q["value"].as_f64().context("a quantity without value")?,
            value_max: q["value_max"].as_f64(),
            unit: q["unit"].as_str().unwrap_or("").to_string(),
        });
    }
    Ok(NewsCase { text, gold })
}

/// The texts, in order, for `sinew annotate`.
pub(crate) fn texts(cases: &[NewsCase]) -> Vec<String> {
    cases.iter().map(|c| c.text.clone()).collect()
}

/// The unit key a news suite compares: plural nouns singular, ages as years.
fn key(unit: &str) -> String {
    let parts: Vec<String> = unit.split('/').map(noun_key).collect();
    super::canon(&parts.join("/"))
}

fn noun_key(word: &str) -> String {
    let w = word.trim().to_lowercase();
    let w = w.strip_suffix("_of_age").unwrap_or(&w).to_string();
    if w.chars().count() <= 3 || w.chars().any(|c| !c.is_alphabetic() && c != ' ') {
        // Symbols ("kWh", "mpg", "USD") are compared as written.
        return word.trim().to_string();
    }
    match w.as_str() {
        "people" => return "person".to_string(),
        "percent" | "series" | "news" | "gas" | "bus" => return w,
        _ => {}
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["ches", "shes", "sses", "xes"] {
        if let Some(stem) = w.strip_suffix(ending) {
            return format!("{stem}{}", &ending[..ending.len() - 2]);
        }
    }
    match w.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') => stem.to_string(),
        _ => w,
    }
}

/// A result's unit as a news suite names it.
fn found_key(f: &Found) -> String {
    let unit = f.unit.clone().unwrap_or_default();
    let unit = match f.kind.as_str() {
        "money" | "percent" | "measure" | "count" => unit,
        _ => String::new(),
    };
    match &f.per {
        Some(p) => key(&format!("{unit}/{p}")),
        None => key(&unit),
    }
}

fn value_ok(g: &NewsGold, f: &Found) -> bool {
    let close = super::close;
    match (g.value_max, f.value_max) {
        (Some(gm), Some(fm)) => close(g.value, f.value) && close(gm, fm),
        (None, None) => close(g.value, f.value),
        _ => false,
    }
}

fn unit_ok(g: &NewsGold, f: &Found) -> bool {
    value_ok(g, f) && key(&g.unit) == found_key(f)
}

/// The matching of [`super::assign`] over news golds, through a stand-in `Gold` per line.
fn assign(g: &[NewsGold], f: &[Found], ok: fn(&NewsGold, &Found) -> bool) -> Vec<Option<usize>> {
    let stand: Vec<Gold> = (0..g.len())
        .map(|k| Gold {
            value: k as f64,
            uncertainty: None,
            unit: String::new(),
            surface: String::new(),
        })
        .collect();
    super::assign(&stand, f, |s, r| ok(&g[s.value as usize], r))
}

/// Precision, recall and F1 counts of one rate.
#[derive(Default, Clone, Copy)]
struct Rate {
    hit: usize,
    gold: usize,
    found: usize,
}

impl Rate {
    fn line(&self, name: &str) -> String {
        let p = self.hit as f64 / self.found.max(1) as f64;
        let r = self.hit as f64 / self.gold.max(1) as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "  {name}: precision {}/{} = {p:.2}, recall {}/{} = {r:.2}, F1 {f1:.2}",
            self.hit, self.found, self.hit, self.gold
        )
    }
}

/// Scores one file of the suite and prints the figures, then each sentence with a miss or an
/// extra.
pub(crate) fn report(file: &Path, cases: &[NewsCase], found: &[Vec<Found>], all: bool) {
    let (mut value, mut unit) = (Rate::default(), Rate::default());
    let mut lines = Vec::new();
    for (case, found) in cases.iter().zip(found) {
        let by_value = assign(&case.gold, found, value_ok);
        let by_unit = assign(&case.gold, found, unit_ok);
        for r in [&mut value, &mut unit] {
            r.gold += case.gold.len();
            r.found += found.len();
        }
        value.hit += by_value.iter().flatten().count();
        unit.hit += by_unit.iter().flatten().count();
        let mut notes = Vec::new();
        for (k, g) in case.gold.iter().enumerate() {
            if by_unit[k].is_some() {
                continue;
            }
            let want = match g.value_max {
                Some(m) => format!("{:?} = {}..{m} {:?}", g.surface, g.value, g.unit),
                None => format!("{:?} = {} {:?}", g.surface, g.value, g.unit),
            };
            match by_value[k] {
                Some(i) => notes.push(format!(
                    "unit of {want}: sinew says {:?}",
                    found_key(&found[i])
                )),
                None => notes.push(format!("missed {want}")),
            }
        }
        for (i, f) in found.iter().enumerate() {
            if !by_value.contains(&Some(i)) {
                notes.push(format!("extra {}", super::show_found(f)));
            }
        }
        if all || !notes.is_empty() {
            let shown: Vec<String> = found.iter().map(super::show_found).collect();
            let mut line = format!("{:?}\n      sinew: [{}]", case.text, shown.join(", "));
            for n in notes {
                line.push_str(&format!("\n      {n}"));
            }
            lines.push(line);
        }
    }
    println!(
        "eval-quantities (news): {} sentences, {} gold quantities ({})",
        cases.len(),
        value.gold,
        file.display()
    );
    println!("{}", value.line("value       "));
    println!("{}", unit.line("value + unit"));
    if held_back(file) {
        println!(
            "  held back: its {} sentences with a miss or an extra are not shown",
            lines.len()
        );
    } else if !lines.is_empty() {
        println!("sentences with a miss or an extra ({}):", lines.len());
        for l in lines {
            println!("  {l}");
        }
    }
    println!("  goal (issue 14, held-out news suites): value F1 >= 0.92, value + unit F1 >= 0.86");
}

/// Whether `file` is a held-back half, whose sentences are never printed.
fn held_back(file: &Path) -> bool {
    file.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with("-heldback.jsonl"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_heldback_file_hides_its_sentences() {
        assert!(held_back(Path::new("eval/q/news-dev3-heldback.jsonl")));
        assert!(!held_back(Path::new("eval/q/news-dev3.jsonl")));
        assert!(!held_back(Path::new("eval/q/heldback-notes.jsonl")));
    }

    #[test]
    fn counted_nouns_compare_singular() {
        assert_eq!(key("analysts"), "analyst");
        assert_eq!(key("people"), "person");
        assert_eq!(key("casualties"), "casualty");
        assert_eq!(key("churches"), "church");
        assert_eq!(key("year_of_age"), "year");
        assert_eq!(key("USD/year"), "USD/year");
        assert_eq!(key("kWh"), "kWh");
        assert_eq!(key("percent"), "percent");
        assert_eq!(key("barrel/day"), "barrel/day");
    }

    #[test]
    fn ranges_need_both_ends() {
        let g = NewsGold {
            surface: String::new(),
            value: 8.0,
            value_max: Some(9.0),
            unit: "EUR".into(),
        };
        let mut f = Found {
            value: 8.0,
            value_max: Some(9.0),
            unit: Some("EUR".into()),
            kind: "money".into(),
            ..Found::default()
        };
        assert!(unit_ok(&g, &f));
        f.value_max = None;
        assert!(!value_ok(&g, &f));
    }
}
