//! `cargo xtask eval-times [--spec FILE] [--sinew BIN] [--show N]`: time-expression figures
//! of `sinew annotate --layers times` on Microsoft Recognizers-Text's English DateTimeModel
//! spec (`../shared/dev/time/recognizers-en-DateTimeModel.json`), each case's
//! `Context.ReferenceDateTime` passed as the document's `published` date.
//!
//! The metric is the dev README's ("Metrics", Time): a case passes when the extracted spans
//! equal the expected `Text` spans (in order, case-insensitive) and each resolved value
//! equals the expected `value` (or `start`/`end`). How Sinew's fields are read against
//! Recognizers' (representation, not meaning):
//! - a `date` value is one day: Sinew's `start_date` and `end_date` are both that day;
//! - a `daterange` `start` is Sinew's `start_date`; an `end` is Sinew's `end_date`, which is
//!   the last day covered, or the day after it (Recognizers writes a range's end exclusive
//!   for periods and inclusive for named days); no `start` means an open interval up to a
//!   date (Sinew `kind` "until"), no `end` one from a date (`kind` "since", whose
//!   `end_date` is the publication date);
//! - a `duration` value is seconds: Sinew's ISO 8601 `duration` with a year of 365 days and a
//!   month of 30, as Recognizers counts;
//! - several values for one result (Recognizers' past and future readings of "Friday" or
//!   "May") are alternatives: the result passes when Sinew's single value is one of them;
//! - a value Recognizers leaves "not resolved" is not compared: the span decides;
//! - a clock time, clock range or date with a time is Sinew's TIMEX3 value written as
//!   Recognizers writes its values ("2019-12-26T20:30" is "2019-12-26 20:30:00",
//!   "T17:00/T19:00" the range "17:00:00" to "19:00:00"), and a part of the day is compared
//!   by its TIMEX3 value ("2016-11-07TEV").
//!
//! Which cases count in the goal: those whose expected results are all of the types
//! `datetimeV2.date`, `datetimeV2.daterange` and `datetimeV2.duration`, including the cases
//! with no expected result (extracting nothing is the pass). Every other case (a clock time,
//! a date with a time, a set such as "every week", a time zone) is scored the same way and
//! reported as a separate time-of-day figure.
//!
//! A case that fails only where Sinew reads an expression differently on purpose is a
//! deliberate difference: the predicates in [`deliberate`] name each policy and its reason,
//! and such cases are listed, counted apart from passes and failures, and never counted as
//! passes. Failures go to `target/eval/times-failures.txt`.
//!
//! Sinew writes TIMEX3 spans (signal words outside, determiners inside); the spec writes
//! Recognizers' (signals inside, "the" outside before relative words). [`spans`] rewrites
//! Sinew's spans to the spec's convention for this comparison only: a signal word next to an
//! open or closed interval is put back, "between X and Y" (two TIMEX3 dates) is one range
//! again, and a leading "the" is ignored.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use chrono::{Datelike, NaiveDate};
use serde_json::{json, Value};

mod spans;

/// Where the spec lives, relative to the workspace root.
const DEFAULT_SPEC: &str = "../shared/dev/time/recognizers-en-DateTimeModel.json";

/// The result types the goal is about.
const GOAL_TYPES: &[&str] = &[
    "datetimeV2.date",
    "datetimeV2.daterange",
    "datetimeV2.duration",
];

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut spec = None;
    let mut sinew = None;
    let mut show = 0usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--spec" => spec = Some(PathBuf::from(it.next().context("--spec needs a file")?)),
            "--sinew" => sinew = Some(PathBuf::from(it.next().context("--sinew needs a path")?)),
            "--show" => {
                show = it
                    .next()
                    .context("--show needs a number")?
                    .parse()
                    .context("--show needs a number")?
            }
            other => bail!("unknown flag {other:?}"),
        }
    }
    let spec = spec.unwrap_or_else(|| crate::root().join(DEFAULT_SPEC));
    if !spec.exists() {
        println!(
            "{} is absent (it lives in the project's shared dev data): nothing to do",
            spec.display()
        );
        return Ok(());
    }
    let raw =
        std::fs::read_to_string(&spec).with_context(|| format!("reading {}", spec.display()))?;
    let cases = parse_cases(&raw).with_context(|| format!("reading {}", spec.display()))?;
    let sinew = match sinew {
        Some(path) => path,
        None => crate::release_sinew()?,
    };
    let outputs: Vec<Vec<Got>> = annotate(&sinew, &cases)?
        .into_iter()
        .zip(&cases)
        .map(|(got, c)| spans::as_recognizers(&c.input, got))
        .collect();

    let verdicts: Vec<Verdict> = cases
        .iter()
        .zip(&outputs)
        .map(|(c, got)| score_case(c, got))
        .collect();
    let report = report(&spec, &cases, &outputs, &verdicts, show);
    print!("{report}");
    Ok(())
}

/// One spec case.
#[derive(Debug, Clone)]
struct Case {
    /// Position in the spec file (0-based), as the listings name it.
    index: usize,
    input: String,
    /// The reference date, passed as `published`.
    reference: Option<String>,
    expected: Vec<Expected>,
}

impl Case {
    fn in_goal(&self) -> bool {
        self.expected
            .iter()
            .all(|e| GOAL_TYPES.contains(&e.type_name.as_str()))
    }
}

/// One expected result.
#[derive(Debug, Clone)]
struct Expected {
    text: String,
    type_name: String,
    values: Vec<ExpValue>,
}

/// One resolution of an expected result; fields as Recognizers writes them.
#[derive(Debug, Clone, Default, PartialEq)]
struct ExpValue {
    timex: Option<String>,
    value: Option<String>,
    start: Option<String>,
    end: Option<String>,
}

impl ExpValue {
    fn unresolved(&self) -> bool {
        let none = |f: &Option<String>| f.as_deref().is_none_or(|v| v == "not resolved");
        none(&self.value) && none(&self.start) && none(&self.end)
    }
}

/// One time expression as `sinew annotate` wrote it.
#[derive(Debug, Clone, Default, PartialEq)]
struct Got {
    text: String,
    start: usize,
    end: usize,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    grain: String,
    kind: String,
    timex: Option<String>,
    duration: Option<String>,
}

fn parse_cases(raw: &str) -> Result<Vec<Case>> {
    let v: Value = serde_json::from_str(raw.trim_start_matches('\u{feff}'))?;
    let Some(list) = v.as_array() else {
        bail!("the spec is not a JSON array");
    };
    let str_of = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let mut cases = Vec::with_capacity(list.len());
    for (index, c) in list.iter().enumerate() {
        let input = str_of(c, "Input").with_context(|| format!("case {index} has no Input"))?;
        let reference = c
            .pointer("/Context/ReferenceDateTime")
            .and_then(Value::as_str)
            .map(|r| r.chars().take(10).collect());
        let mut expected = Vec::new();
        for r in c
            .get("Results")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let values = r
                .pointer("/Resolution/values")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|v| ExpValue {
                    timex: str_of(v, "timex"),
                    value: str_of(v, "value"),
                    start: str_of(v, "start"),
                    end: str_of(v, "end"),
                })
                .collect();
            expected.push(Expected {
                text: str_of(r, "Text")
                    .with_context(|| format!("case {index}: a result has no Text"))?,
                // three results spell the key "Typename"
                type_name: str_of(r, "TypeName")
                    .or_else(|| str_of(r, "Typename"))
                    .unwrap_or_default(),
                values,
            });
        }
        cases.push(Case {
            index,
            input,
            reference,
            expected,
        });
    }
    Ok(cases)
}

/// Runs `sinew annotate --layers times` over all cases, one JSON line each.
fn annotate(sinew: &std::path::Path, cases: &[Case]) -> Result<Vec<Vec<Got>>> {
    let mut input = String::new();
    for c in cases {
        let line = match &c.reference {
            Some(r) => json!({"text": c.input, "published": r}),
            None => json!({"text": c.input}),
        };
        input.push_str(&line.to_string());
        input.push('\n');
    }
    let mut child = Command::new(sinew)
        .args(["annotate", "--layers", "times"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("running {}", sinew.display()))?;
    let mut stdin = child.stdin.take().context("sinew's stdin")?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output()?;
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("writing to sinew panicked"))??;
    if !out.status.success() {
        bail!("sinew annotate failed ({})", out.status);
    }
    let text = String::from_utf8(out.stdout).context("sinew's output is not UTF-8")?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() != cases.len() {
        bail!(
            "sinew annotate wrote {} lines for {} cases",
            lines.len(),
            cases.len()
        );
    }
    lines.iter().map(|l| parse_times(l)).collect()
}

fn parse_times(line: &str) -> Result<Vec<Got>> {
    let v: Value = serde_json::from_str(line).context("sinew's output line is not JSON")?;
    let date = |t: &Value, k: &str| {
        t.get(k)
            .and_then(Value::as_str)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    let s = |t: &Value, k: &str| t.get(k).and_then(Value::as_str).map(str::to_string);
    let n = |t: &Value, k: &str| t.get(k).and_then(Value::as_u64).unwrap_or(0) as usize;
    let times = v
        .get("times")
        .and_then(Value::as_array)
        .context("no \"times\"")?;
    Ok(times
        .iter()
        .map(|t| Got {
            text: s(t, "text").unwrap_or_default(),
            start: n(t, "start"),
            end: n(t, "end"),
            start_date: date(t, "start_date"),
            end_date: date(t, "end_date"),
            grain: s(t, "grain").unwrap_or_default(),
            kind: s(t, "kind").unwrap_or_default(),
            timex: s(t, "timex"),
            duration: s(t, "duration"),
        })
        .collect())
}

/// A case's outcome.
#[derive(Debug, Clone, PartialEq)]
enum Verdict {
    Pass,
    /// Sinew reads it differently on purpose; the policy's name.
    Deliberate(&'static str),
    /// Why it failed.
    Fail(String),
}

/// One result's outcome.
#[derive(Debug, Clone, PartialEq)]
enum Check {
    Ok,
    Deliberate(&'static str),
    Wrong,
}

fn score_case(case: &Case, got: &[Got]) -> Verdict {
    for g in got {
        if case.input.get(g.start..g.end) != Some(g.text.as_str()) {
            return Verdict::Fail(format!(
                "offsets {}..{} do not hold {:?}",
                g.start, g.end, g.text
            ));
        }
    }
    let same_spans = got.len() == case.expected.len()
        && got
            .iter()
            .zip(&case.expected)
            .all(|(g, e)| spans::same_text(&g.text, &e.text));
    if !same_spans {
        return Verdict::Fail("spans".into());
    }
    let mut verdict = Verdict::Pass;
    let reference = day(&case.reference);
    for (g, e) in got.iter().zip(&case.expected) {
        match check(e, g, reference) {
            Check::Ok => {}
            Check::Deliberate(why) => verdict = Verdict::Deliberate(why),
            Check::Wrong => return Verdict::Fail(format!("value of {:?}", g.text)),
        }
    }
    verdict
}

/// Compares one result's values with what Sinew resolved; `reference` is the case's
/// reference (publication) date.
fn check(e: &Expected, g: &Got, reference: Option<NaiveDate>) -> Check {
    if e.values.is_empty() || e.values.iter().all(ExpValue::unresolved) {
        return Check::Ok;
    }
    if e.values.iter().any(|v| matches(e, v, g)) {
        return Check::Ok;
    }
    match e.values.iter().find_map(|v| deliberate(e, v, g, reference)) {
        Some(why) => Check::Deliberate(why),
        None => Check::Wrong,
    }
}

fn day(s: &Option<String>) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.as_deref()?.get(..10)?, "%Y-%m-%d").ok()
}

fn matches(e: &Expected, v: &ExpValue, g: &Got) -> bool {
    match e.type_name.as_str() {
        "datetimeV2.duration" => {
            let want = v.value.as_deref().and_then(|s| s.parse::<f64>().ok());
            let have = g.duration.as_deref().and_then(seconds);
            match (want, have) {
                (Some(w), Some(h)) => (w - h).abs() <= 1e-6 * w.abs().max(1.0),
                _ => false,
            }
        }
        "datetimeV2.date" => {
            // a plain date value; values with a clock time never match a date
            v.value.as_deref().is_some_and(|s| s.len() == 10)
                && day(&v.value).is_some_and(|d| g.start_date == Some(d) && g.end_date == Some(d))
        }
        "datetimeV2.daterange" => {
            let start_ok = match day(&v.start) {
                Some(s) => g.start_date == Some(s),
                None => g.kind == "until",
            };
            let end_ok = match day(&v.end) {
                Some(end) => g
                    .end_date
                    .is_some_and(|have| have == end || have.succ_opt() == Some(end)),
                None => g.kind == "since",
            };
            start_ok && end_ok
        }
        // clock times: Sinew's TIMEX3 value ("2019-12-26T20:30", "T17:00/T19:00") written as
        // Recognizers writes its values; a part of the day ("2016-11-07TEV") by its timex
        _ => {
            let Some(have) = g.timex.as_deref() else {
                return false;
            };
            if v.timex.as_deref() == Some(have) {
                return true;
            }
            let clock = |t: &str| -> Option<String> {
                let (date, time) = t.split_once('T')?;
                let (h, m) = time.split_once(':')?;
                let hm = format!("{h}:{m}:00");
                Some(if date.is_empty() {
                    hm
                } else {
                    format!("{date} {hm}")
                })
            };
            match have.split_once('/') {
                Some((a, b)) => {
                    v.start.as_deref() == clock(a).as_deref()
                        && v.end.as_deref() == clock(b).as_deref()
                }
                None => v.value.is_some() && v.value.as_deref() == clock(have).as_deref(),
            }
        }
    }
}

/// The policies by which Sinew reads some expressions differently from Recognizers, each a
/// precise test on the expected and found values, with its reason.
fn deliberate(
    e: &Expected,
    v: &ExpValue,
    g: &Got,
    reference: Option<NaiveDate>,
) -> Option<&'static str> {
    let lower = e.text.to_lowercase();
    // "a few hours", "several weeks": Recognizers counts three; Sinew states no number
    let vague = ["few", "several", "some"]
        .iter()
        .any(|w| lower.split(' ').any(|x| x == *w));
    if e.type_name == "datetimeV2.duration" {
        let unstated = g.kind == "duration" && g.timex.as_deref().is_some_and(|t| t.contains('X'));
        return (vague && unstated).then_some(VAGUE_COUNT);
    }
    // "earlier this month", "later this year": Recognizers takes the first or second half of
    // the period; Sinew the part before or after publication
    if e.type_name == "datetimeV2.daterange"
        && (lower.starts_with("earlier ") || lower.starts_with("later "))
    {
        let (r, start, end) = (reference?, day(&v.start)?, day(&v.end)?);
        let (have_start, have_end) = (g.start_date?, g.end_date?);
        let earlier = lower.starts_with("earlier ");
        let ok = if earlier {
            have_start == start && have_end == r && end <= r.succ_opt()?
        } else {
            have_start == r && start >= r && (have_end == end || have_end.succ_opt() == Some(end))
        };
        return ok.then_some(EARLIER_LATER);
    }
    // "after January 1, 2007": Recognizers starts on that day; Sinew the day after it
    if e.type_name == "datetimeV2.daterange" && lower.starts_with("after ") && v.end.is_none() {
        let start = day(&v.start)?;
        let ok = g.kind == "since" && g.grain == "day" && g.start_date == start.succ_opt();
        return ok.then_some(AFTER_DAY);
    }
    // "between 2014 and 2018", "from March to May", "Jan-Feb 2017": Recognizers ends the
    // range where the last named period starts; a news reader (and Sinew) takes that period
    // whole.
    if e.type_name == "datetimeV2.daterange" {
        let (start, end, have) = (day(&v.start)?, day(&v.end)?, g.end_date?);
        let starts = [
            NaiveDate::from_ymd_opt(have.year(), have.month(), 1)?,
            NaiveDate::from_ymd_opt(have.year(), (have.month() - 1) / 3 * 3 + 1, 1)?,
            NaiveDate::from_ymd_opt(have.year(), 1, 1)?,
        ];
        let last_of_month = have.succ_opt().is_some_and(|d| d.day() == 1);
        if g.start_date == Some(start) && last_of_month && starts.contains(&end) && end > start {
            return Some(RANGE_END);
        }
        return None;
    }
    // "two years ago", "in two weeks", "3 weeks later": Recognizers counts to the day from
    // the reference; Sinew resolves to the week, month or year the count lands in.
    if e.type_name == "datetimeV2.date" {
        let d = day(&v.value)?;
        let lower = e.text.to_lowercase();
        let offset =
            lower.ends_with(" ago") || lower.ends_with(" later") || lower.starts_with("in ");
        let coarse = matches!(g.grain.as_str(), "week" | "month" | "year" | "decade");
        if offset && coarse && g.start_date? <= d && d <= g.end_date? {
            return Some(OFFSET_GRAIN);
        }
    }
    None
}

const RANGE_END: &str = "closed range: Recognizers ends \"between 2014 and 2018\" or \"from March \
    to May\" where the last named period begins (2018-01-01, May 1); Sinew covers that period \
    whole (to 2018-12-31, May 31), as news writers mean it";
const VAGUE_COUNT: &str = "unstated count: Recognizers reads \"a few hours\" or \"several \
    weeks\" as three; Sinew keeps the count unstated (TIMEX3 \"PTXH\", no `duration`)";
const EARLIER_LATER: &str = "earlier/later: Recognizers reads \"earlier this month\" or \"later \
    this year\" as the first or second half of the period; Sinew as the part of it before or \
    after publication, which is what a report means by it";
const AFTER_DAY: &str = "after a day: Recognizers starts \"after January 1, 2007\" on January 1; \
    Sinew on January 2";
const OFFSET_GRAIN: &str = "counted offset: Recognizers resolves \"two years ago\" or \"in two \
    weeks\" to the day counted from the reference; Sinew to the week, month or year it lands in, \
    the precision the writer gave";

/// Seconds in an ISO 8601 duration ("P3Y", "PT1H30M", "P1.5Y"), a year being 365 days and a
/// month 30, as Recognizers counts them.
fn seconds(iso: &str) -> Option<f64> {
    let rest = iso.strip_prefix('P')?;
    let mut total = 0.0;
    let mut time = false;
    let mut num = String::new();
    for c in rest.chars() {
        match c {
            'T' if num.is_empty() => time = true,
            '0'..='9' | '.' => num.push(c),
            unit => {
                let n: f64 = num.parse().ok()?;
                num.clear();
                let per = match (unit, time) {
                    ('Y', false) => 365.0 * 86_400.0,
                    ('M', false) => 30.0 * 86_400.0,
                    ('W', false) => 7.0 * 86_400.0,
                    ('D', false) => 86_400.0,
                    ('H', true) => 3_600.0,
                    ('M', true) => 60.0,
                    ('S', true) => 1.0,
                    _ => return None,
                };
                total += n * per;
            }
        }
    }
    num.is_empty().then_some(total)
}

/// Pass/deliberate/fail counts of a group of cases.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    pass: usize,
    deliberate: usize,
    fail: usize,
}

impl Tally {
    fn add(&mut self, v: &Verdict) {
        match v {
            Verdict::Pass => self.pass += 1,
            Verdict::Deliberate(_) => self.deliberate += 1,
            Verdict::Fail(_) => self.fail += 1,
        }
    }

    fn total(&self) -> usize {
        self.pass + self.deliberate + self.fail
    }

    /// The figures of a group, each rate with what it is out of.
    fn lines(&self) -> String {
        let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
        let (t, p, d, f) = (self.total(), self.pass, self.deliberate, self.fail);
        format!(
            "  passed {p}/{t} ({:.1}%), deliberately different {d} ({:.1}%), failed {f} ({:.1}%)\n  \
             pass rate without the deliberate differences: {p}/{} = {:.1}%\n  \
             passed or deliberately different: {}/{t} = {:.1}%\n",
            pct(p, t),
            pct(d, t),
            pct(f, t),
            t - d,
            pct(p, t - d),
            p + d,
            pct(p + d, t),
        )
    }
}

/// The short name of a result type ("date" for "datetimeV2.date").
fn short(type_name: &str) -> &str {
    type_name.strip_prefix("datetimeV2.").unwrap_or(type_name)
}

/// A case's expected types, sorted and joined ("date+duration"; "none").
fn signature(c: &Case) -> String {
    let mut types: Vec<&str> = c.expected.iter().map(|e| short(&e.type_name)).collect();
    types.sort_unstable();
    types.dedup();
    if types.is_empty() {
        "none".into()
    } else {
        types.join("+")
    }
}

fn show_day(d: Option<NaiveDate>) -> String {
    d.map_or_else(String::new, |d| d.to_string())
}

fn describe(c: &Case, got: &[Got], why: &str) -> String {
    let mut s = format!(
        "#{} [{}] {:?}: {why}\n",
        c.index,
        c.reference.as_deref().unwrap_or("no reference"),
        c.input
    );
    for e in &c.expected {
        let values: Vec<String> = e
            .values
            .iter()
            .map(|v| {
                let range = match (&v.value, &v.start, &v.end) {
                    (Some(x), _, _) => x.clone(),
                    (None, s, e) => format!(
                        "{}..{}",
                        s.as_deref().unwrap_or(""),
                        e.as_deref().unwrap_or("")
                    ),
                };
                format!("{} {range}", v.timex.as_deref().unwrap_or("-"))
            })
            .collect();
        let _ = writeln!(
            s,
            "    want {:?} {} {}",
            e.text,
            short(&e.type_name),
            values.join(" | ")
        );
    }
    for g in got {
        let _ = writeln!(
            s,
            "    got  {:?} {} {} {}..{}{}",
            g.text,
            g.kind,
            g.grain,
            show_day(g.start_date),
            show_day(g.end_date),
            g.duration
                .as_deref()
                .or(g.timex.as_deref().filter(|_| g.kind == "duration"))
                .map_or_else(String::new, |x| format!(" {x}"))
        );
    }
    s
}

/// One line for a deliberately different case: its number, the expected and found values.
fn brief(c: &Case, got: &[Got]) -> String {
    let want: Vec<String> = c
        .expected
        .iter()
        .map(|e| {
            let v = e.values.first().cloned().unwrap_or_default();
            match (&v.value, &v.start, &v.end) {
                (Some(x), _, _) => format!("{:?} {x}", e.text),
                (None, s, t) => format!(
                    "{:?} {}..{}",
                    e.text,
                    s.as_deref().unwrap_or(""),
                    t.as_deref().unwrap_or("")
                ),
            }
        })
        .collect();
    let have: Vec<String> = got
        .iter()
        .map(|g| {
            let what = match g.kind.as_str() {
                "duration" => g.timex.clone().unwrap_or_default(),
                _ => format!("{}..{}", show_day(g.start_date), show_day(g.end_date)),
            };
            format!("{what} ({})", g.grain)
        })
        .collect();
    format!(
        "    #{:<4} want {} / got {}\n",
        c.index,
        want.join(", "),
        have.join(", ")
    )
}

fn report(
    spec: &std::path::Path,
    cases: &[Case],
    outputs: &[Vec<Got>],
    verdicts: &[Verdict],
    show: usize,
) -> String {
    let mut out = String::new();
    let (mut goal, mut other) = (Tally::default(), Tally::default());
    let mut by_sig: std::collections::BTreeMap<(bool, String), Tally> = Default::default();
    for (c, v) in cases.iter().zip(verdicts) {
        if c.in_goal() {
            goal.add(v);
        } else {
            other.add(v);
        }
        by_sig
            .entry((!c.in_goal(), signature(c)))
            .or_default()
            .add(v);
    }
    let _ = writeln!(
        out,
        "DateTimeModel spec {}: {} cases through `sinew annotate --layers times`, each case's \
         reference date as `published`",
        spec.display(),
        cases.len()
    );
    let _ = writeln!(
        out,
        "GOAL: {} cases whose expected results are all dates, dateranges or durations, or which \
         expect nothing (extracting nothing passes)",
        goal.total()
    );
    out.push_str(&goal.lines());
    let _ = writeln!(
        out,
        "TIME OF DAY: the other {} cases (a time, timerange, datetime, datetimerange, set or \
         timezone among the expected results)",
        other.total()
    );
    out.push_str(&other.lines());
    let _ = writeln!(out, "by expected types:");
    for ((outside, sig), t) in &by_sig {
        let _ = writeln!(
            out,
            "  {:<11} {sig:<32} passed {:>3}/{:<3} deliberate {}",
            if *outside { "time of day" } else { "goal" },
            t.pass,
            t.total(),
            t.deliberate
        );
    }
    // per result type: results found at their place with their value
    let mut per_type: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    // results Recognizers reads two ways (past and future): which one Sinew gave
    let (mut two, mut first, mut second) = (0, 0, 0);
    for (c, got) in cases.iter().zip(outputs) {
        let mut used = vec![false; got.len()];
        for e in &c.expected {
            let entry = per_type.entry(short(&e.type_name)).or_default();
            entry.1 += 1;
            let found = got
                .iter()
                .enumerate()
                .find(|(i, g)| !used[*i] && spans::same_text(&g.text, &e.text));
            if let Some((i, g)) = found {
                used[i] = true;
                if check(e, g, day(&c.reference)) == Check::Ok {
                    entry.0 += 1;
                }
                if e.values.len() == 2 && !e.values.iter().any(ExpValue::unresolved) {
                    two += 1;
                    if matches(e, &e.values[0], g) {
                        first += 1;
                    } else if matches(e, &e.values[1], g) {
                        second += 1;
                    }
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "by result type (results found with their value / results):"
    );
    for (t, (ok, all)) in &per_type {
        let _ = writeln!(out, "  {t:<14} {ok}/{all}");
    }
    let _ = writeln!(
        out,
        "two readings: Recognizers gives {two} found results a past and a future value (\"May\", \
         \"Friday\"); Sinew gives one, by its news policy (the latest on or before publication, \
         the next one in a clause about the future: will, scheduled, due), and the result \
         passes when it is either. Sinew's value was the first (past) in {first}, the second in \
         {second}."
    );

    let mut policies: Vec<(&str, Vec<String>)> = Vec::new();
    let mut failures = String::new();
    let mut shown = 0;
    for ((c, got), v) in cases.iter().zip(outputs).zip(verdicts) {
        match v {
            Verdict::Pass => {}
            Verdict::Deliberate(why) => match policies.iter_mut().find(|(w, _)| w == why) {
                Some((_, list)) => list.push(brief(c, got)),
                None => policies.push((why, vec![brief(c, got)])),
            },
            Verdict::Fail(why) => {
                let d = describe(c, got, why);
                if c.in_goal() && shown < show {
                    shown += 1;
                    out.push_str(&d);
                }
                let _ = write!(
                    failures,
                    "{} {d}",
                    if c.in_goal() { "goal" } else { "time-of-day" }
                );
            }
        }
    }
    let total: usize = policies.iter().map(|p| p.1.len()).sum();
    let _ = writeln!(out, "deliberate differences ({total} cases, by policy):");
    for (why, list) in &policies {
        let _ = writeln!(out, "  {} cases. {why}", list.len());
        for line in list {
            out.push_str(line);
        }
    }
    let path = crate::target_dir().join("eval/times-failures.txt");
    let written = std::fs::create_dir_all(path.parent().unwrap_or(&path))
        .and_then(|()| std::fs::write(&path, &failures));
    match written {
        Ok(()) => {
            let _ = writeln!(
                out,
                "failures, goal and time of day, with expected and found values: {} \
                 (--show N prints the first N goal failures here)",
                path.display()
            );
        }
        Err(e) => {
            let _ = writeln!(out, "could not write {}: {e}", path.display());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(text: &str, start: &str, end: &str, kind: &str, grain: &str) -> Got {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        Got {
            text: text.into(),
            start: 0,
            end: text.len(),
            start_date: d(start),
            end_date: d(end),
            grain: grain.into(),
            kind: kind.into(),
            timex: None,
            duration: None,
        }
    }

    fn expected(text: &str, type_name: &str, values: &[(&str, &str, &str)]) -> Expected {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Expected {
            text: text.into(),
            type_name: format!("datetimeV2.{type_name}"),
            values: values
                .iter()
                .map(|(value, start, end)| ExpValue {
                    timex: None,
                    value: opt(value),
                    start: opt(start),
                    end: opt(end),
                })
                .collect(),
        }
    }

    #[test]
    fn iso_durations_count_recognizers_seconds() {
        assert_eq!(seconds("P3Y"), Some(94_608_000.0));
        assert_eq!(seconds("PT1H30M"), Some(5_400.0));
        assert_eq!(seconds("P3.5Y"), Some(110_376_000.0));
        assert_eq!(seconds("P1M"), Some(2_592_000.0));
        assert_eq!(seconds("PT0.5H"), Some(1_800.0));
        assert_eq!(seconds("P"), Some(0.0));
        assert_eq!(seconds("P3"), None);
        assert_eq!(seconds("3Y"), None);
        assert_eq!(seconds("PT3Y"), None);
    }

    #[test]
    fn range_ends_may_be_inclusive_or_exclusive() {
        let e = expected(
            "august 2019",
            "daterange",
            &[("", "2019-08-01", "2019-09-01")],
        );
        let g = got("August 2019", "2019-08-01", "2019-08-31", "point", "month");
        assert_eq!(check(&e, &g, None), Check::Ok);
        let e = expected(
            "from 10/1 to 11/7",
            "daterange",
            &[("", "2018-10-01", "2018-11-07")],
        );
        let g = got(
            "from 10/1 to 11/7",
            "2018-10-01",
            "2018-11-07",
            "range",
            "day",
        );
        assert_eq!(check(&e, &g, None), Check::Ok);
        let g = got(
            "from 10/1 to 11/7",
            "2018-10-01",
            "2018-11-09",
            "range",
            "day",
        );
        assert_eq!(check(&e, &g, None), Check::Wrong);
    }

    #[test]
    fn open_ranges_need_the_matching_kind() {
        let e = expected("since august", "daterange", &[("", "2016-08-01", "")]);
        let since = got("since August", "2016-08-01", "2016-11-07", "since", "month");
        assert_eq!(check(&e, &since, None), Check::Ok);
        let point = got("since August", "2016-08-01", "2016-11-07", "point", "month");
        assert_eq!(check(&e, &point, None), Check::Wrong);
        let e = expected("before 2018", "daterange", &[("", "", "2018-01-01")]);
        let until = got("before 2018", "", "2017-12-31", "until", "year");
        assert_eq!(check(&e, &until, None), Check::Ok);
    }

    #[test]
    fn either_of_two_readings_passes() {
        let e = expected(
            "friday",
            "date",
            &[("2016-11-04", "", ""), ("2016-11-11", "", "")],
        );
        let g = got("Friday", "2016-11-04", "2016-11-04", "point", "day");
        assert_eq!(check(&e, &g, None), Check::Ok);
        let g = got("Friday", "2016-11-05", "2016-11-05", "point", "day");
        assert_eq!(check(&e, &g, None), Check::Wrong);
    }

    #[test]
    fn deliberate_differences_are_precise() {
        let e = expected(
            "between 2014 and 2018",
            "daterange",
            &[("", "2014-01-01", "2018-01-01")],
        );
        let g = got(
            "between 2014 and 2018",
            "2014-01-01",
            "2018-12-31",
            "range",
            "year",
        );
        assert_eq!(check(&e, &g, None), Check::Deliberate(RANGE_END));
        let g = got(
            "between 2014 and 2018",
            "2014-01-01",
            "2019-12-31",
            "range",
            "year",
        );
        assert_eq!(check(&e, &g, None), Check::Wrong);
        let e = expected("two years ago", "date", &[("2016-07-05", "", "")]);
        let g = got("two years ago", "2016-01-01", "2016-12-31", "point", "year");
        assert_eq!(check(&e, &g, None), Check::Deliberate(OFFSET_GRAIN));
        let g = got("two years ago", "2015-01-01", "2015-12-31", "point", "year");
        assert_eq!(check(&e, &g, None), Check::Wrong);
    }

    #[test]
    fn spans_must_match_in_order_and_offsets_hold_the_text() {
        let case = Case {
            index: 0,
            input: "Show sales in 2007 and 2009".into(),
            reference: Some("2018-06-26".into()),
            expected: vec![
                expected("2007", "daterange", &[("", "2007-01-01", "2008-01-01")]),
                expected("2009", "daterange", &[("", "2009-01-01", "2010-01-01")]),
            ],
        };
        let mut a = got("2007", "2007-01-01", "2007-12-31", "point", "year");
        (a.start, a.end) = (14, 18);
        let mut b = got("2009", "2009-01-01", "2009-12-31", "point", "year");
        (b.start, b.end) = (23, 27);
        assert_eq!(score_case(&case, &[a.clone(), b.clone()]), Verdict::Pass);
        assert!(matches!(
            score_case(&case, &[b.clone(), a.clone()]),
            Verdict::Fail(_)
        ));
        assert!(matches!(score_case(&case, &[a.clone()]), Verdict::Fail(_)));
        b.start = 22;
        assert!(matches!(score_case(&case, &[a, b]), Verdict::Fail(_)));
    }

    #[test]
    fn goal_cases_are_those_of_goal_types_or_none() {
        let mut case = Case {
            index: 0,
            input: String::new(),
            reference: None,
            expected: vec![],
        };
        assert!(case.in_goal());
        case.expected.push(expected("today", "date", &[]));
        assert!(case.in_goal());
        case.expected.push(expected("at 5pm", "time", &[]));
        assert!(!case.in_goal());
    }
}
