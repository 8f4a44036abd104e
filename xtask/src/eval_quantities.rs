//! `cargo xtask eval-quantities [--dev FILE] [--sinew PATH] [--all]`: the quantities figures
//! (`--dev` with a `.jsonl` file scores that news suite alone)
//! of `sinew annotate --layers quantities` on the quantulum3 English suite
//! (`../shared/dev/quantities/quantulum3-en-quantities.json`, `{req, res: [{value, unit,
//! surface, uncertainty?}]}`), with the metric of `../shared/dev/README.md`: a gold quantity
//! is found when a result of its sentence has the same value (within 0.1%) and, for the
//! value+unit rate, the same unit after normalisation.
//!
//! Scoring rules, written down because they decide the figures:
//! - One result answers at most one gold quantity (three golds of "4 km3" in one sentence need
//!   three results).
//! - quantulum3 states a range as its midpoint with an `uncertainty` (the half width); Sinew
//!   as `value` and `value_max`. A range result matches a gold with the same midpoint and half
//!   width; a gold without uncertainty needs a result that is no range.
//! - Units are reduced on both sides to one key: quantulum3's names ("kilometre per hour",
//!   "inverse femtobarn", "teraelectronvolt") through [`gold_unit`], Sinew's canonical units
//!   and rates (`unit` and `per`) through [`sinew_unit`]. quantulum3's "dimensionless" is
//!   what Sinew calls a bare number or a counted noun ("50 cars"): the noun is not a unit of
//!   measure. "dozen", "gross" and "baker's dozen" are counts of 12, 144 and 13.
//! - A rate Sinew reads and quantulum3 does not ("$300 million a month" against "dollar")
//!   still matches; a rate quantulum3 states must be read.
//!
//! Misses that Sinew makes on purpose are listed apart with the reason (years, labels,
//! bracketed negatives): they still count against the raw rate, which is printed first.
//!
//! A second suite follows: news sentences of the project's own (`eval/quantities-news`),
//! scored with precision, recall and F1 for value and value+unit, counted nouns as units
//! (`news.rs`). It runs even where the shared quantulum3 file is absent.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde_json::Value;

mod news;

/// The default location, relative to the workspace root.
const DEFAULT_FILE: &str = "../shared/dev/quantities/quantulum3-en-quantities.json";

/// The news suite written for the project, in the repository (`news.rs`).
const NEWS_DIR: &str = "eval/quantities-news";

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut file = None;
    let mut sinew = None;
    let mut all = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dev" => file = Some(PathBuf::from(it.next().context("--dev needs a file")?)),
            "--sinew" => sinew = Some(PathBuf::from(it.next().context("--sinew needs a path")?)),
            "--all" => all = true,
            other => bail!("unknown flag {other:?}"),
        }
    }
    let sinew = match sinew {
        Some(p) => p,
        None => crate::release_sinew()?,
    };
    // `--dev` with a news suite (JSON Lines, as in `eval/quantities-news`) scores that file
    // alone, by the news metric.
    if let Some(path) = file.as_ref().filter(|p| is_news_suite(p)) {
        let cases = news::read_file(path)?;
        let results = annotate(&sinew, &news::texts(&cases))?;
        news::report(path, &cases, &results, all);
        return Ok(());
    }
    let file = file.unwrap_or_else(|| crate::root().join(DEFAULT_FILE));
    let news_dir = crate::root().join(NEWS_DIR);
    let news_cases = news::read(&news_dir)?;
    if file.is_file() {
        let raw = std::fs::read_to_string(&file)
            .with_context(|| format!("reading {}", file.display()))?;
        let cases = parse_cases(raw.trim_start_matches('\u{feff}'))
            .with_context(|| format!("reading {}", file.display()))?;
        let texts: Vec<String> = cases.iter().map(|c| c.text.clone()).collect();
        let results = annotate(&sinew, &texts)?;
        let mut report = Report::default();
        for (case, found) in cases.iter().zip(&results) {
            report.add(case, found);
        }
        report.print(&file, cases.len(), all);
    } else {
        println!(
            "{} is absent (it lives in the project's shared dev data): the quantulum3 suite is skipped",
            file.display()
        );
    }
    if news_cases.is_empty() {
        println!("{} holds no suite", news_dir.display());
    }
    for (path, cases) in &news_cases {
        println!();
        let results = annotate(&sinew, &news::texts(cases))?;
        news::report(path, cases, &results, all);
    }
    Ok(())
}

/// A news suite is JSON Lines (`.jsonl`); the quantulum3 suite is one JSON array.
fn is_news_suite(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|x| x == "jsonl")
}

/// One sentence of the suite.
#[derive(Debug, Clone)]
pub(crate) struct Case {
    pub(crate) text: String,
    pub(crate) gold: Vec<Gold>,
}

/// One expected quantity.
#[derive(Debug, Clone)]
pub(crate) struct Gold {
    pub(crate) value: f64,
    pub(crate) uncertainty: Option<f64>,
    pub(crate) unit: String,
    pub(crate) surface: String,
}

/// One quantity of `sinew annotate`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    pub(crate) text: String,
    pub(crate) value: f64,
    pub(crate) value_max: Option<f64>,
    pub(crate) unit: Option<String>,
    pub(crate) kind: String,
    pub(crate) per: Option<String>,
}

fn parse_cases(raw: &str) -> Result<Vec<Case>> {
    let v: Value = serde_json::from_str(raw)?;
    let Some(items) = v.as_array() else {
        bail!("the suite is not a JSON array");
    };
    let mut cases = Vec::with_capacity(items.len());
    for item in items {
        let text = item["req"]
            .as_str()
            .context("a case without req")?
            .to_string();
        let mut gold = Vec::new();
        for r in item["res"].as_array().into_iter().flatten() {
            gold.push(Gold {
                value: r["value"].as_f64().context("a result without value")?,
                uncertainty: r["uncertainty"].as_f64(),
                unit: r["unit"].as_str().unwrap_or("dimensionless").to_string(),
                surface: r["surface"].as_str().unwrap_or("").to_string(),
            });
        }
        cases.push(Case { text, gold });
    }
    Ok(cases)
}

/// Runs `sinew annotate --layers quantities` over the sentences (one JSON Lines record each)
/// and returns the quantities of each, in order.
fn annotate(sinew: &std::path::Path, cases: &[String]) -> Result<Vec<Vec<Found>>> {
    let mut input = String::new();
    for c in cases {
        input.push_str(&serde_json::json!({ "text": c }).to_string());
        input.push('\n');
    }
    let out = crate::pipe(
        sinew,
        &["annotate", "--layers", "quantities"],
        input.as_bytes(),
    )?;
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() != cases.len() {
        bail!(
            "sinew annotate wrote {} lines for {} sentences",
            lines.len(),
            cases.len()
        );
    }
    lines.iter().map(|l| parse_found(l)).collect()
}

fn parse_found(line: &str) -> Result<Vec<Found>> {
    let v: Value = serde_json::from_str(line).context("sinew annotate wrote a bad line")?;
    let mut out = Vec::new();
    for q in v["quantities"].as_array().into_iter().flatten() {
        out.push(Found {
            text: q["text"].as_str().unwrap_or("").to_string(),
            value: q["value"].as_f64().unwrap_or(f64::NAN),
            value_max: q["value_max"].as_f64(),
            unit: q["unit"].as_str().map(str::to_string),
            kind: q["kind"].as_str().unwrap_or("").to_string(),
            per: q["per"].as_str().map(str::to_string),
        });
    }
    Ok(out)
}

/// Values within 0.1% of each other.
fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-3 * a.abs().max(b.abs())
}

/// Does `f` state the gold value? Ranges compare by midpoint and half width; counting units
/// are applied first ("a dozen" is 12).
pub(crate) fn value_matches(g: &Gold, f: &Found) -> bool {
    let factor = gold_unit(&g.unit).1;
    let (value, uncertainty) = (g.value * factor, g.uncertainty.map(|u| u * factor));
    match (f.value_max, uncertainty) {
        (Some(max), Some(u)) => {
            close((f.value + max) / 2.0, value) && close((max - f.value) / 2.0, u)
        }
        (Some(_), None) => false,
        (None, _) => close(f.value, value),
    }
}

/// Does `f` state the gold value in the gold unit?
pub(crate) fn unit_matches(g: &Gold, f: &Found) -> bool {
    if !value_matches(g, f) {
        return false;
    }
    let (full, bare) = sinew_unit(f);
    let want = gold_unit(&g.unit).0;
    want == full || want == bare
}

/// Matches golds to results one to one, as many as can be (a maximum bipartite matching, so
/// the order of the golds does not decide); returns, for each gold, the index of its result.
pub(crate) fn assign(
    gold: &[Gold],
    found: &[Found],
    ok: impl Fn(&Gold, &Found) -> bool,
) -> Vec<Option<usize>> {
    let edges: Vec<Vec<usize>> = gold
        .iter()
        .map(|g| (0..found.len()).filter(|&i| ok(g, &found[i])).collect())
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; found.len()];
    for k in 0..gold.len() {
        let mut seen = vec![false; found.len()];
        augment(k, &edges, &mut owner, &mut seen);
    }
    let mut out = vec![None; gold.len()];
    for (i, o) in owner.iter().enumerate() {
        if let Some(k) = *o {
            out[k] = Some(i);
        }
    }
    out
}

/// Kuhn's augmenting path from gold `k`.
fn augment(k: usize, edges: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for &i in &edges[k] {
        if seen[i] {
            continue;
        }
        seen[i] = true;
        if owner[i].is_none_or(|other| augment(other, edges, owner, seen)) {
            owner[i] = Some(k);
            return true;
        }
    }
    false
}

/// SI prefixes by name.
const PREFIXES: &[(&str, &str)] = &[
    ("yotta", "Y"),
    ("zetta", "Z"),
    ("exa", "E"),
    ("peta", "P"),
    ("tera", "T"),
    ("giga", "G"),
    ("mega", "M"),
    ("kilo", "k"),
    ("hecto", "h"),
    ("deca", "da"),
    ("deci", "d"),
    ("centi", "c"),
    ("milli", "m"),
    ("micro", "µ"),
    ("nano", "n"),
    ("pico", "p"),
    ("femto", "f"),
    ("atto", "a"),
    ("kibi", "Ki"),
    ("mebi", "Mi"),
    ("gibi", "Gi"),
    ("tebi", "Ti"),
];

/// quantulum3 unit names (lower case, singular) and the unit Sinew writes for them.
const NAMES: &[(&str, &str)] = &[
    ("dimensionless", ""),
    ("count", ""),
    ("percentage", "percent"),
    ("percent", "percent"),
    ("percentage point", "percentage_point"),
    ("basis point", "basis_point"),
    ("dollar", "USD"),
    ("united states dollar", "USD"),
    ("euro", "EUR"),
    ("pound sterling", "GBP"),
    ("japanese yen", "JPY"),
    ("yen", "JPY"),
    ("renminbi", "CNY"),
    ("chinese yuan", "CNY"),
    ("yuan", "CNY"),
    ("russian ruble", "RUB"),
    ("ruble", "RUB"),
    ("indian rupee", "INR"),
    ("south korean won", "KRW"),
    ("swiss franc", "CHF"),
    ("cent", "cent"),
    ("penny", "penny"),
    ("dime", "dime"),
    ("metre", "m"),
    ("meter", "m"),
    ("mile", "mi"),
    ("nautical mile", "nmi"),
    ("inch", "in"),
    ("foot", "ft"),
    ("yard", "yd"),
    ("light-year", "ly"),
    ("gram", "g"),
    ("tonne", "t"),
    ("ton", "t"),
    ("short ton", "t"),
    ("pound-mass", "lb"),
    ("pound", "lb"),
    ("ounce", "oz"),
    ("litre", "l"),
    ("liter", "l"),
    ("gallon", "gal"),
    ("barrel", "barrel"),
    ("cup", "cup"),
    ("tablespoon", "tbsp"),
    ("teaspoon", "tsp"),
    ("pint", "pt"),
    ("hectare", "ha"),
    ("acre", "acre"),
    ("second", "s"),
    ("minute", "min"),
    ("hour", "h"),
    ("day", "day"),
    ("week", "week"),
    ("month", "month"),
    ("year", "a"),
    ("decade", "decade"),
    ("century", "century"),
    ("knot", "kn"),
    ("mile per hour", "mph"),
    ("degree celsius", "°C"),
    ("degree fahrenheit", "°F"),
    ("kelvin", "K"),
    ("degree", "°"),
    ("electronvolt", "eV"),
    ("joule", "J"),
    ("calorie", "cal"),
    ("watt", "W"),
    ("watt hour", "Wh"),
    ("horsepower", "hp"),
    ("volt", "V"),
    ("ampere", "A"),
    ("hertz", "Hz"),
    ("newton", "N"),
    ("pascal", "Pa"),
    ("bar", "bar"),
    ("gray", "Gy"),
    ("sievert", "Sv"),
    ("becquerel", "Bq"),
    ("candela", "cd"),
    ("barn", "b"),
    ("byte", "B"),
    ("bit", "bit"),
];

/// Counting words that quantulum3 treats as units: their size in units of one.
const COUNTS: &[(&str, f64)] = &[("dozen", 12.0), ("baker's dozen", 13.0), ("gross", 144.0)];

/// One quantulum3 unit name as a Sinew unit symbol: "teraelectronvolt" -> "TeV", "square
/// mile" -> "mi2", "megawatt hour" -> "MWh", "joule second" -> "J·s".
fn gold_symbol(name: &str) -> Option<String> {
    if let Some(&(_, s)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(s.to_string());
    }
    for (word, power) in [("square ", "2"), ("cubic ", "3")] {
        if let Some(rest) = name.strip_prefix(word) {
            return gold_symbol(rest).map(|s| format!("{s}{power}"));
        }
    }
    if let Some(rest) = name.strip_prefix("inverse ") {
        return gold_symbol(rest).map(|s| format!("1/{s}"));
    }
    if let Some((a, b)) = name.rsplit_once(' ') {
        // A product: "megawatt hour", "joule second".
        let (a, b) = (gold_symbol(a)?, gold_symbol(b)?);
        return Some(if b == "h" && a.ends_with('W') {
            format!("{a}h")
        } else {
            format!("{a}·{b}")
        });
    }
    PREFIXES.iter().find_map(|(p, sym)| {
        let base = name.strip_prefix(p)?;
        let base = gold_symbol(base)?;
        (!base.is_empty() && !base.contains(['/', '·'])).then(|| format!("{sym}{base}"))
    })
}

/// The unit key of a quantulum3 unit name, and the factor its value is multiplied by
/// ("dozen" is a count of 12). A name no table knows keeps its own spelling, so it matches
/// nothing Sinew writes.
pub(crate) fn gold_unit(name: &str) -> (String, f64) {
    let name = name.trim().to_lowercase();
    if let Some(&(_, f)) = COUNTS.iter().find(|(n, _)| *n == name) {
        return (String::new(), f);
    }
    let parts: Vec<String> = name
        .split(" per ")
        .map(|p| gold_symbol(p).unwrap_or_else(|| format!("?{p}")))
        .collect();
    (canon(&parts.join("/")), 1.0)
}

/// The unit key of a Sinew quantity, with its rate (`full`) and without (`bare`). Counted
/// nouns and bare numbers are dimensionless.
pub(crate) fn sinew_unit(f: &Found) -> (String, String) {
    let unit = match f.kind.as_str() {
        "money" | "percent" | "measure" => f.unit.clone().unwrap_or_default(),
        _ => String::new(),
    };
    let bare = canon(&unit);
    let full = match &f.per {
        Some(p) => canon(&format!("{unit}/{p}")),
        None => bare.clone(),
    };
    (full, bare)
}

/// Spelling variants of one unit symbol, reduced part by part.
fn canon(unit: &str) -> String {
    let one = |f: &str| -> String {
        let (sym, power) = match f.char_indices().last() {
            Some((i, c @ ('2' | '3'))) if i > 0 => (&f[..i], c.to_string()),
            _ => (f, String::new()),
        };
        let sym = match sym {
            "s" | "sec" | "second" => "second",
            "min" | "minute" => "minute",
            "h" | "hr" | "hour" => "hour",
            "d" | "day" => "day",
            "a" | "yr" | "year" => "year",
            "week" | "wk" => "week",
            "L" | "l" => "l",
            "cm" if power == "3" => return "ml".to_string(),
            "mL" => "ml",
            "tonne" | "ton" => "t",
            "kilogram" => "kg",
            other => other,
        };
        format!("{sym}{power}")
    };
    unit.split('/')
        .map(|part| part.split('·').map(one).collect::<Vec<_>>().join("·"))
        .collect::<Vec<_>>()
        .join("/")
}

/// Why a miss is on purpose, when it is one.
fn deliberate(case: &Case, g: &Gold) -> Option<&'static str> {
    let dimensionless = gold_unit(&g.unit).0.is_empty();
    let digits = !g.surface.is_empty() && g.surface.bytes().all(|b| b.is_ascii_digit());
    if dimensionless && digits && g.surface.len() == 4 && (1000.0..=2100.0).contains(&g.value) {
        return Some("a year: Sinew reads years as times (the times layer), not as quantities");
    }
    if dimensionless && digits {
        // A number right after a capitalised word or a code names a thing.
        let before = case
            .text
            .find(&g.surface)
            .map(|i| case.text[..i].trim_end_matches([' ', '"']))
            .unwrap_or("");
        let word = before
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        let named = word.chars().next().is_some_and(char::is_uppercase)
            || (word.chars().any(|c| c.is_ascii_digit()) && word.chars().any(char::is_alphabetic));
        if named && !word.is_empty() {
            return Some("a number in a name or model (\"Voyager 2\", \"Core i7 860\"): a label, not an amount");
        }
    }
    if g.value < 0.0 && g.surface.starts_with('(') {
        return Some(
            "a figure in brackets is an aside in news (\"£5bn ($6.3bn)\"), not an accounting negative",
        );
    }
    None
}

#[derive(Default)]
struct Report {
    gold: usize,
    value_only: usize,
    value_unit: usize,
    deliberate: Vec<String>,
    failing: Vec<String>,
    all: Vec<String>,
}

impl Report {
    fn add(&mut self, case: &Case, found: &[Found]) {
        let by_value = assign(&case.gold, found, value_matches);
        let by_unit = assign(&case.gold, found, unit_matches);
        let shown: Vec<String> = found.iter().map(show_found).collect();
        let mut line = format!("{:?}\n      sinew: [{}]", case.text, shown.join(", "));
        let mut missed = false;
        for (k, g) in case.gold.iter().enumerate() {
            self.gold += 1;
            self.value_only += usize::from(by_value[k].is_some());
            if by_unit[k].is_some() {
                self.value_unit += 1;
                continue;
            }
            let reason = match by_value[k] {
                Some(i) => format!(
                    "value found, unit {:?} is not {:?}",
                    sinew_unit(&found[i]).0,
                    gold_unit(&g.unit).0
                ),
                None => "value not found".to_string(),
            };
            let gold = show_gold(g);
            match deliberate(case, g) {
                Some(why) => self
                    .deliberate
                    .push(format!("{gold} in {:?}: {why}", case.text)),
                None => {
                    missed = true;
                    line.push_str(&format!("\n      missed {gold}: {reason}"));
                }
            }
        }
        if missed {
            self.failing.push(line.clone());
        }
        self.all.push(line);
    }

    fn print(&self, file: &std::path::Path, sentences: usize, all: bool) {
        let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
        println!(
            "eval-quantities: {sentences} sentences, {} gold quantities ({})",
            self.gold,
            file.display()
        );
        println!(
            "  value only:   {}/{} = {:.1}%",
            self.value_only,
            self.gold,
            pct(self.value_only, self.gold)
        );
        println!(
            "  value + unit: {}/{} = {:.1}%",
            self.value_unit,
            self.gold,
            pct(self.value_unit, self.gold)
        );
        let rest = self.gold - self.deliberate.len();
        println!(
            "  value + unit without the {} deliberate differences: {}/{} = {:.1}%",
            self.deliberate.len(),
            self.value_unit,
            rest,
            pct(self.value_unit, rest)
        );
        if all {
            println!("every sentence:");
            for l in &self.all {
                println!("  {l}");
            }
        } else if !self.failing.is_empty() {
            println!("failing sentences ({}):", self.failing.len());
            for l in &self.failing {
                println!("  {l}");
            }
        }
        if !self.deliberate.is_empty() {
            println!("deliberate differences ({}):", self.deliberate.len());
            for l in &self.deliberate {
                println!("  {l}");
            }
        }
        println!("  goal (issue 4): >= 95% value + unit");
    }
}

fn show_gold(g: &Gold) -> String {
    match g.uncertainty {
        Some(u) => format!("{:?} = {}±{} {:?}", g.surface, g.value, u, g.unit),
        None => format!("{:?} = {} {:?}", g.surface, g.value, g.unit),
    }
}

fn show_found(f: &Found) -> String {
    let mut s = format!("{:?} = {}", f.text, f.value);
    if let Some(m) = f.value_max {
        s.push_str(&format!("..{m}"));
    }
    if let Some(u) = &f.unit {
        s.push_str(&format!(" {u}"));
    }
    if let Some(p) = &f.per {
        s.push_str(&format!(" per {p}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(value: f64, value_max: Option<f64>, unit: &str, kind: &str, per: &str) -> Found {
        Found {
            text: String::new(),
            value,
            value_max,
            unit: (!unit.is_empty()).then(|| unit.to_string()),
            kind: kind.to_string(),
            per: (!per.is_empty()).then(|| per.to_string()),
        }
    }

    fn gold(value: f64, uncertainty: Option<f64>, unit: &str) -> Gold {
        Gold {
            value,
            uncertainty,
            unit: unit.to_string(),
            surface: String::new(),
        }
    }

    #[test]
    fn gold_names_become_sinew_units() {
        let cases = [
            ("metre", "m"),
            ("kilometre", "km"),
            ("pound sterling", "GBP"),
            ("percentage", "percent"),
            ("dimensionless", ""),
            ("teraelectronvolt", "TeV"),
            ("square mile", "mi2"),
            ("cubic kilometre", "km3"),
            ("megawatt hour", "MWh"),
            ("joule second", "J·second"),
            ("inverse second", "1/second"),
            ("inverse femtobarn", "1/fb"),
            ("kilometre per hour", "km/hour"),
            ("kilometre per square second", "km/second2"),
            ("joule per square metre per year", "J/m2/year"),
            ("count per week", "/week"),
            ("ton per day", "t/day"),
            ("gigayear", "Ga"),
            ("kibibyte", "KiB"),
            ("cubic centimetre", "ml"),
            ("degree Celsius", "°C"),
            ("milligray", "mGy"),
        ];
        for (name, want) in cases {
            assert_eq!(gold_unit(name).0, want, "{name}");
        }
        assert_eq!(gold_unit("dozen"), (String::new(), 12.0));
    }

    #[test]
    fn sinew_units_meet_gold_names() {
        let g = gold(160.0, None, "kilometre per hour");
        assert!(unit_matches(&g, &found(160.0, None, "km/h", "measure", "")));
        let g = gold(15.4, None, "dollar per hour");
        assert!(unit_matches(&g, &found(15.4, None, "USD", "money", "hour")));
        assert!(!unit_matches(&g, &found(15.4, None, "USD", "money", "")));
        // A rate quantulum3 does not read still matches.
        let g = gold(3e8, None, "dollar");
        assert!(unit_matches(&g, &found(3e8, None, "USD", "money", "month")));
        // Counted nouns are dimensionless.
        let g = gold(50.0, None, "dimensionless");
        assert!(unit_matches(&g, &found(50.0, None, "car", "count", "")));
        assert!(!unit_matches(&g, &found(50.0, None, "km", "measure", "")));
        let g = gold(1.0, None, "dozen");
        assert!(unit_matches(&g, &found(12.0, None, "egg", "count", "")));
    }

    #[test]
    fn ranges_match_by_midpoint() {
        let g = gold(12.0, Some(4.0), "metre");
        assert!(value_matches(
            &g,
            &found(8.0, Some(16.0), "m", "measure", "")
        ));
        assert!(!value_matches(
            &gold(8.0, None, "metre"),
            &found(8.0, Some(16.0), "m", "measure", "")
        ));
        // A stated uncertainty ("9.83e-3 +/- 1e-5") matches the plain value.
        assert!(value_matches(
            &gold(9.83e-3, Some(1e-5), "x"),
            &found(9.83e-3, None, "", "", "")
        ));
        assert!(close(100.0, 100.09) && !close(100.0, 100.2));
    }

    #[test]
    fn one_result_answers_one_gold() {
        let golds = vec![gold(4.0, None, "cubic kilometre"); 3];
        let founds = vec![found(4.0, None, "km3", "measure", ""); 2];
        let got = assign(&golds, &founds, unit_matches);
        assert_eq!(got.iter().flatten().count(), 2);
        // The first gold may take either result; the second still gets one.
        let golds = vec![
            gold(13.0, None, "dimensionless"),
            gold(1.0, None, "baker's dozen"),
        ];
        let founds = vec![
            found(13.0, None, "", "number", ""),
            found(13.0, None, "unit", "count", ""),
        ];
        let got = assign(&golds, &founds, unit_matches);
        assert!(got.iter().all(Option::is_some));
    }
}
