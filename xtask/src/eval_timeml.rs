//! `cargo xtask eval-timeml [--dir DIR] [--sinew BIN] [--verbose] [--tuned-only]`: TempEval-3
//! style figures
//! of `sinew annotate --layers times` on the project's TimeML dev suite (`eval/timeml-dev`,
//! news sentences written for it, each with its document creation time and TIMEX3 gold; the
//! suite's README gives the annotation conventions). Each file of the suite (`a.jsonl`, the
//! half rules are tuned on; `b.jsonl`, the half kept for checking) is scored on its own;
//! `--verbose` lists the errors of the tuned-on half only, and `--tuned-only` scores only that
//! half (for work on the rules, so the other half's figures are not watched while tuning).
//!
//! Scoring, as TempEval-3 (UzZaman et al. 2013) defines it:
//! - expressions are matched one to one, in text order: a gold expression takes the found
//!   expression with the same span when there is one, else the first unmatched one that
//!   overlaps it;
//! - relaxed precision, recall and F1 count matched pairs (any overlap); strict ones count
//!   only pairs with the same span;
//! - type and value accuracy are over the relaxed pairs: the share whose TIMEX3 type
//!   (DATE, TIME, DURATION, SET) and value are equal. Sinew's type is read from its output:
//!   a recurring time is a SET, a length of time (or a range valued as its length, "the past
//!   three years": "P3Y") a DURATION, a value with a clock time or a
//!   part of the day ("T17:00", "2024-06-21TMO") a TIME, anything else a DATE. Values are
//!   compared case-insensitively, with a decade or century written either way ("P1DE" is
//!   "P10Y", "P1CE" is "P100Y").

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

/// Where the suite lives, relative to the workspace root.
const DEFAULT_DIR: &str = "eval/timeml-dev";

/// The halves, in the order they are printed, and what each is for.
const HALVES: &[(&str, &str)] = &[(TUNED, "tuned on"), ("b.jsonl", "held back")];

/// The half whose errors `--verbose` lists; the other is only scored, so that nothing is
/// tuned on it by accident.
const TUNED: &str = "a.jsonl";

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut dir = None;
    let mut sinew = None;
    let mut verbose = false;
    let mut tuned_only = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dir" => dir = Some(PathBuf::from(it.next().context("--dir needs a folder")?)),
            "--sinew" => sinew = Some(PathBuf::from(it.next().context("--sinew needs a path")?)),
            "--verbose" => verbose = true,
            "--tuned-only" => tuned_only = true,
            other => bail!("unknown flag {other:?}"),
        }
    }
    let dir = dir.unwrap_or_else(|| crate::root().join(DEFAULT_DIR));
    let sinew = match sinew {
        Some(path) => path,
        None => crate::release_sinew()?,
    };
    println!("TimeML dev suite ({}), TempEval-3 scoring", dir.display());
    for (file, role) in HALVES {
        if tuned_only && *file != TUNED {
            continue;
        }
        let path = dir.join(file);
        let docs = read_suite(&path)?;
        let found = annotate(&sinew, &docs)?;
        let mut score = Score::default();
        let mut listing = String::new();
        for (doc, got) in docs.iter().zip(&found) {
            let pairs = align(&doc.gold, got);
            score.add(&doc.gold, got, &pairs);
            if verbose && *file == TUNED {
                listing.push_str(&explain(doc, got, &pairs));
            }
        }
        println!("\n{file} ({role}): {} sentences", docs.len());
        print!("{}", score.show());
        if verbose {
            print!("{listing}");
        }
    }
    Ok(())
}

/// One gold or found expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Timex {
    /// Byte offsets in the sentence.
    pub start: usize,
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub kind: String,
    /// TIMEX3 value; empty when none was given.
    pub value: String,
}

impl Timex {
    fn overlaps(&self, o: &Timex) -> bool {
        self.start < o.end && o.start < self.end
    }
    fn same_span(&self, o: &Timex) -> bool {
        self.start == o.start && self.end == o.end
    }
}

/// One sentence of the suite.
#[derive(Debug, Clone)]
struct Doc {
    id: String,
    dct: String,
    text: String,
    gold: Vec<Timex>,
}

/// Reads a suite file: one JSON object a line, `{id, dct, text, timex: [{text, type,
/// value}]}`, the expressions in text order (each is looked for after the previous one).
fn read_suite(path: &Path) -> Result<Vec<Doc>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{}:{}", path.display(), n + 1);
        let v: Value = serde_json::from_str(line).with_context(|| format!("{}: not JSON", at()))?;
        let field = |v: &Value, k: &str| -> Result<String> {
            v.get(k)
                .and_then(Value::as_str)
                .map(str::to_string)
                .with_context(|| format!("{}: no string {k:?}", at()))
        };
        let text = field(&v, "text")?;
        let mut gold = Vec::new();
        let mut from = 0;
        for t in v
            .get("timex")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let words = field(t, "text")?;
            let kind = field(t, "type")?;
            if !["DATE", "TIME", "DURATION", "SET"].contains(&kind.as_str()) {
                bail!("{}: type {kind:?} is not a TIMEX3 type", at());
            }
            let Some(k) = text.get(from..).and_then(|rest| rest.find(&words)) else {
                bail!("{}: {words:?} is not in the text after byte {from}", at());
            };
            let start = from + k;
            from = start + words.len();
            gold.push(Timex {
                start,
                end: from,
                kind,
                value: field(t, "value")?,
            });
        }
        docs.push(Doc {
            id: field(&v, "id")?,
            dct: field(&v, "dct")?,
            text,
            gold,
        });
    }
    if docs.is_empty() {
        bail!("{} holds no sentence", path.display());
    }
    Ok(docs)
}

/// Runs `sinew annotate --layers times` over the sentences, each with its creation time as
/// the publication date.
fn annotate(sinew: &Path, docs: &[Doc]) -> Result<Vec<Vec<Timex>>> {
    let mut input = String::new();
    for d in docs {
        input.push_str(&json!({"text": d.text, "published": d.dct}).to_string());
        input.push('\n');
    }
    let out = crate::pipe(sinew, &["annotate", "--layers", "times"], input.as_bytes())?;
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() != docs.len() {
        bail!(
            "sinew annotate wrote {} lines for {} sentences",
            lines.len(),
            docs.len()
        );
    }
    lines.iter().map(|l| found_times(l)).collect()
}

fn found_times(line: &str) -> Result<Vec<Timex>> {
    let v: Value = serde_json::from_str(line).context("sinew's output line is not JSON")?;
    let times = v
        .get("times")
        .and_then(Value::as_array)
        .context("no \"times\"")?;
    Ok(times
        .iter()
        .map(|t| {
            let s = |k: &str| t.get(k).and_then(Value::as_str).unwrap_or_default();
            let n = |k: &str| t.get(k).and_then(Value::as_u64).unwrap_or(0) as usize;
            Timex {
                start: n("start"),
                end: n("end"),
                kind: timex3_type(s("kind"), s("timex")).to_string(),
                value: s("timex").to_string(),
            }
        })
        .collect())
}

/// TIMEX3's type of a Sinew time: its kind, and for points whether its value has a clock
/// time or a part of the day.
pub(crate) fn timex3_type(kind: &str, value: &str) -> &'static str {
    // a range valued as its length ("the past three years": "P3Y") is an anchored DURATION
    let length = value
        .strip_prefix('P')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit() || c == 'X' || c == 'T'));
    match kind {
        "set" => "SET",
        "duration" => "DURATION",
        _ if length => "DURATION",
        _ => {
            let clock = |v: &str| {
                v.strip_prefix('T')
                    .or_else(|| {
                        v.split_once('T')
                            .map(|(date, t)| if date.len() >= 10 { t } else { "" })
                    })
                    .is_some_and(|t| {
                        t.starts_with(|c: char| c.is_ascii_digit())
                            || ["MO", "AF", "EV", "NI", "DT"]
                                .iter()
                                .any(|p| t.starts_with(p))
                    })
            };
            if value.split('/').any(clock) {
                "TIME"
            } else {
                "DATE"
            }
        }
    }
}

/// A value as compared: upper case, a decade or century in years.
fn norm_value(v: &str) -> String {
    let v = v.trim().to_ascii_uppercase();
    let Some(body) = v.strip_prefix('P') else {
        return v;
    };
    for (suffix, years) in [("DE", 10), ("CE", 100)] {
        if let Some(n) = body
            .strip_suffix(suffix)
            .and_then(|n| n.parse::<u32>().ok())
        {
            return format!("P{}Y", n * years);
        }
    }
    v
}

/// Matches gold to found expressions one to one: (gold index, found index) pairs.
pub(crate) fn align(gold: &[Timex], got: &[Timex]) -> Vec<(usize, usize)> {
    let mut used = vec![false; got.len()];
    let mut pairs = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        let pick = got
            .iter()
            .enumerate()
            .find(|(j, s)| !used[*j] && s.same_span(g))
            .or_else(|| {
                got.iter()
                    .enumerate()
                    .find(|(j, s)| !used[*j] && s.overlaps(g))
            });
        if let Some((j, _)) = pick {
            used[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Counts over a half.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Score {
    pub gold: usize,
    pub found: usize,
    pub relaxed: usize,
    pub strict: usize,
    pub same_type: usize,
    pub same_value: usize,
}

impl Score {
    pub(crate) fn add(&mut self, gold: &[Timex], got: &[Timex], pairs: &[(usize, usize)]) {
        self.gold += gold.len();
        self.found += got.len();
        for &(i, j) in pairs {
            let (g, s) = (&gold[i], &got[j]);
            self.relaxed += 1;
            self.strict += usize::from(g.same_span(s));
            self.same_type += usize::from(g.kind == s.kind);
            self.same_value += usize::from(norm_value(&g.value) == norm_value(&s.value));
        }
    }

    /// Precision, recall and F1 of `hits` matched pairs.
    pub(crate) fn prf(&self, hits: usize) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(hits, self.found), ratio(hits, self.gold));
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    fn show(&self) -> String {
        let line = |name: &str, hits: usize| {
            let (p, r, f) = self.prf(hits);
            format!("  {name:<8} P {p:.3}  R {r:.3}  F1 {f:.3}  ({hits} matched)\n")
        };
        let acc = |n: usize| {
            let share = if self.relaxed == 0 {
                0.0
            } else {
                n as f64 / self.relaxed as f64
            };
            format!("{share:.3} ({n}/{})", self.relaxed)
        };
        format!(
            "  gold {}, found {}\n{}{}  type accuracy {}, value accuracy {}\n",
            self.gold,
            self.found,
            line("relaxed", self.relaxed),
            line("strict", self.strict),
            acc(self.same_type),
            acc(self.same_value)
        )
    }
}

/// The sentence's misses, false finds and wrong attributes, for `--verbose`.
fn explain(doc: &Doc, got: &[Timex], pairs: &[(usize, usize)]) -> String {
    let words = |t: &Timex| doc.text.get(t.start..t.end).unwrap_or("?").to_string();
    let mut out = String::new();
    for (i, g) in doc.gold.iter().enumerate() {
        match pairs.iter().find(|(gi, _)| *gi == i) {
            None => out.push_str(&format!("  miss   {:?} {} {}\n", words(g), g.kind, g.value)),
            Some(&(_, j)) => {
                let s = &got[j];
                let span = if s.same_span(g) { "" } else { " span" };
                let kind = if s.kind == g.kind { "" } else { " type" };
                let value = if norm_value(&s.value) == norm_value(&g.value) {
                    ""
                } else {
                    " value"
                };
                if !(span.is_empty() && kind.is_empty() && value.is_empty()) {
                    out.push_str(&format!(
                        "  wrong{span}{kind}{value}: gold {:?} {} {}, found {:?} {} {}\n",
                        words(g),
                        g.kind,
                        g.value,
                        words(s),
                        s.kind,
                        s.value
                    ));
                }
            }
        }
    }
    for (j, s) in got.iter().enumerate() {
        if !pairs.iter().any(|(_, gj)| *gj == j) {
            out.push_str(&format!("  false  {:?} {} {}\n", words(s), s.kind, s.value));
        }
    }
    if out.is_empty() {
        return out;
    }
    format!("{} ({}): {}\n{out}", doc.id, doc.dct, doc.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(start: usize, end: usize, kind: &str, value: &str) -> Timex {
        Timex {
            start,
            end,
            kind: kind.into(),
            value: value.into(),
        }
    }

    #[test]
    fn exact_overlapping_and_missed_spans() {
        // "He left on Monday, three weeks after the vote in May 2023."
        let gold = [
            t(11, 17, "DATE", "2024-03-11"),
            t(19, 30, "DURATION", "P3W"),
            t(46, 54, "DATE", "2023-05"),
        ];
        // Monday exact; "three weeks after" overlaps; "May 2023" missed; one false find
        let got = [
            t(11, 17, "DATE", "2024-03-11"),
            t(19, 36, "DATE", "P3W"),
            t(0, 2, "DATE", "2020"),
        ];
        let pairs = align(&gold, &got);
        assert_eq!(pairs, vec![(0, 0), (1, 1)]);
        let mut s = Score::default();
        s.add(&gold, &got, &pairs);
        assert_eq!((s.gold, s.found, s.relaxed, s.strict), (3, 3, 2, 1));
        assert_eq!((s.same_type, s.same_value), (1, 2));
        let (p, r, f) = s.prf(s.relaxed);
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && (r - 2.0 / 3.0).abs() < 1e-9);
        assert!((f - 2.0 / 3.0).abs() < 1e-9);
        let (p, r, _) = s.prf(s.strict);
        assert!((p - 1.0 / 3.0).abs() < 1e-9 && (r - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn one_found_expression_answers_one_gold() {
        // "from 2015 to 2019": TimeML's two dates against one found range
        let gold = [t(5, 9, "DATE", "2015"), t(13, 17, "DATE", "2019")];
        let got = [t(5, 17, "DATE", "2015/2019")];
        let pairs = align(&gold, &got);
        assert_eq!(pairs, vec![(0, 0)]);
        let mut s = Score::default();
        s.add(&gold, &got, &pairs);
        assert_eq!((s.relaxed, s.strict, s.same_value), (1, 0, 0));
        let (p, r, _) = s.prf(s.relaxed);
        assert_eq!((p, r), (1.0, 0.5));
    }

    #[test]
    fn an_exact_span_is_preferred_over_an_earlier_overlap() {
        let gold = [t(10, 20, "DATE", "2024")];
        let got = [t(5, 12, "DATE", "2023"), t(10, 20, "DATE", "2024")];
        assert_eq!(align(&gold, &got), vec![(0, 1)]);
    }

    #[test]
    fn nothing_found_or_nothing_to_find_scores_zero_without_dividing_by_zero() {
        let s = Score {
            gold: 4,
            ..Score::default()
        };
        assert_eq!(s.prf(0), (0.0, 0.0, 0.0));
        assert_eq!(Score::default().prf(0), (0.0, 0.0, 0.0));
    }

    #[test]
    fn types_follow_kind_and_clock() {
        assert_eq!(timex3_type("set", "P1M"), "SET");
        assert_eq!(timex3_type("duration", "PXY"), "DURATION");
        assert_eq!(timex3_type("point", "T17:00"), "TIME");
        assert_eq!(timex3_type("point", "2024-06-21TMO"), "TIME");
        assert_eq!(timex3_type("point", "2024-03-03T17:00"), "TIME");
        assert_eq!(timex3_type("range", "T17:00/T19:00"), "TIME");
        assert_eq!(timex3_type("point", "PRESENT_REF"), "DATE");
        assert_eq!(timex3_type("point", "2024-W11"), "DATE");
        assert_eq!(timex3_type("point", "FY2024-Q3"), "DATE");
        assert_eq!(timex3_type("range", "2023-07/2023-09"), "DATE");
        assert_eq!(timex3_type("point", ""), "DATE");
        assert_eq!(timex3_type("range", "P3Y"), "DURATION");
        assert_eq!(timex3_type("point", "PAST_REF"), "DATE");
    }

    #[test]
    fn decades_and_centuries_compare_in_years() {
        assert_eq!(norm_value("P1DE"), "P10Y");
        assert_eq!(norm_value("p7de"), "P70Y");
        assert_eq!(norm_value("P2CE"), "P200Y");
        assert_eq!(norm_value("PXDE"), "PXDE");
        assert_eq!(norm_value("2024-fa"), "2024-FA");
    }

    #[test]
    fn gold_spans_are_found_in_order_and_a_missing_one_is_an_error() {
        let dir = std::env::temp_dir().join(format!("sinew-timeml-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let ok = dir.join("ok.jsonl");
        std::fs::write(
            &ok,
            r#"{"id":"x","dct":"2024-01-02","text":"In May and again in May 2023.","timex":[{"text":"May","type":"DATE","value":"2023-05"},{"text":"May 2023","type":"DATE","value":"2023-05"}]}"#,
        )
        .unwrap();
        let docs = read_suite(&ok).unwrap();
        assert_eq!((docs[0].gold[0].start, docs[0].gold[1].start), (3, 20));
        let bad = dir.join("bad.jsonl");
        std::fs::write(
            &bad,
            r#"{"id":"y","dct":"2024-01-02","text":"In May.","timex":[{"text":"June","type":"DATE","value":"2023-06"}]}"#,
        )
        .unwrap();
        let err = format!("{:#}", read_suite(&bad).unwrap_err());
        assert!(err.contains("bad.jsonl:1") && err.contains("June"), "{err}");
        let typo = dir.join("typo.jsonl");
        std::fs::write(
            &typo,
            r#"{"id":"z","dct":"2024-01-02","text":"In May.","timex":[{"text":"May","type":"DAY","value":"2023-05"}]}"#,
        )
        .unwrap();
        assert!(format!("{:#}", read_suite(&typo).unwrap_err()).contains("DAY"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
