//! A synthetic corpus with known truth, to score the ledger (feature `synth`).
//!
//! [`generate`] invents figures (trade between two countries in a year, exports of some goods,
//! a monthly rate, a running total since a date, one country's share of another's imports) and
//! documents that state them the way news does: rounded to two to four digits, with
//! qualifiers ("about", "over", "nearly"), in several wordings, with and without an
//! attribution, some documents copied from others (near-duplicates), and for a share of the
//! figures one source that states a different value (a conflict). Running totals grow with
//! each document's publication date, so later documents update earlier ones.
//!
//! Each statement records where its figure's words are in the document text, so claims
//! extracted from the text (or built directly with [`SynthCorpus::claims`]) can be matched
//! back to their figure and [`score`]d: group purity, completeness and conflict detection.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use sinew_types::text::MONTH_NAMES as MONTHS;
use sinew_types::{
    Claim, DocId, Grain, Modality, Quantity, QuantityKind, Span, TimeExpr, TimeKind,
};

use crate::ledger::{Ledger, SourceDoc, Verdict};

/// How big a corpus to make, and how messy.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthConfig {
    /// Seed: the same config gives the same corpus.
    pub seed: u64,
    /// Number of documents (near-duplicate copies included).
    pub documents: usize,
    /// Share of figures with a source that states a conflicting value.
    pub conflict_share: f64,
    /// Share of documents that are near-duplicate copies of an earlier one.
    pub duplicate_share: f64,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            seed: 1,
            documents: 300,
            conflict_share: 0.25,
            duplicate_share: 0.05,
        }
    }
}

/// What kind of figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SynthKind {
    /// Trade between two countries in a year (money, either way).
    Trade,
    /// Exports of some goods from one country to another in a year (money).
    Exports,
    /// Exports of some goods a month (money, a rate).
    Monthly,
    /// Things handed over since a date (a count that grows).
    Running,
    /// One country's share of another's imports of some goods in a year (percent).
    Share,
}

/// A figure: the truth the documents state.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthFigure {
    /// What kind.
    pub kind: SynthKind,
    /// The supplier (for trade, either side).
    pub subject: String,
    /// The recipient.
    pub object: String,
    /// The goods, or the things counted (plural).
    pub goods: String,
    /// The year, for yearly figures.
    pub year: Option<i32>,
    /// The start, for running totals.
    pub since: Option<NaiveDate>,
    /// The value (yearly, monthly, percent), or the count added per month for running totals.
    pub value: f64,
    /// True when one source states a conflicting value.
    pub conflicted: bool,
}

impl SynthFigure {
    /// The true value as of `date` (running totals grow; the rest stand still).
    pub fn value_at(&self, date: NaiveDate) -> f64 {
        match (self.kind, self.since) {
            (SynthKind::Running, Some(since)) => {
                let days = (date - since).num_days().max(30) as f64;
                self.value * days / 30.4
            }
            _ => self.value,
        }
    }
}

/// A document of the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthDocument {
    /// File name (`synth-000001.txt`).
    pub name: String,
    /// Publication date.
    pub published: NaiveDate,
    /// The text, one statement or filler sentence a line.
    pub text: String,
    /// The document it copies, when it is a near-duplicate.
    pub duplicate_of: Option<usize>,
}

/// One figure stated in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthStatement {
    /// The document.
    pub document: usize,
    /// The figure.
    pub figure: usize,
    /// The figure's words in the document text.
    pub span: Span,
    /// The sentence in the document text.
    pub sentence: Span,
    /// The value the words state (scale applied).
    pub stated: f64,
    /// The qualifier written before it.
    pub qualifier: Option<String>,
    /// True when this is the conflicting statement of a conflicted figure.
    pub outlier: bool,
    /// What a claim extractor should read: measure, subject, object, attribution.
    measure: String,
    subject: String,
    object: String,
    attribution: Option<String>,
    quantity_text: String,
}

/// Documents, the figures they state, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthCorpus {
    /// The documents.
    pub documents: Vec<SynthDocument>,
    /// The figures.
    pub figures: Vec<SynthFigure>,
    /// Every statement, by document, then position.
    pub statements: Vec<SynthStatement>,
}

/// A small, fast, seedable generator (SplitMix64), so the corpus needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Countries the claim extractor knows, with the adjective its rules read.
const COUNTRIES: &[(&str, &str)] = &[
    ("China", "Chinese"),
    ("Russia", "Russian"),
    ("India", "Indian"),
    ("Iran", "Iranian"),
    ("Turkey", "Turkish"),
    ("Belarus", "Belarusian"),
    ("North Korea", "North Korean"),
    ("Kazakhstan", "Kazakh"),
    ("Brazil", "Brazilian"),
    ("Egypt", "Egyptian"),
    ("Germany", "German"),
    ("Japan", "Japanese"),
    ("Vietnam", "Vietnamese"),
    ("Pakistan", "Pakistani"),
    ("Indonesia", "Indonesian"),
    ("Serbia", "Serbian"),
    ("Hungary", "Hungarian"),
    ("Armenia", "Armenian"),
    ("Uzbekistan", "Uzbek"),
    ("Malaysia", "Malaysian"),
];

const GOODS: &[&str] = &[
    "crude oil",
    "natural gas",
    "coal",
    "wheat",
    "fertilizer",
    "machine tools",
    "electronics",
    "semiconductors",
    "dual-use goods",
    "steel",
    "cars",
    "ball bearings",
];

const COUNTED: &[&str] = &[
    "containers",
    "trucks",
    "drones",
    "artillery shells",
    "missiles",
    "tanks",
];

const SOURCES: &[&str] = &[
    "the US State Department",
    "Reuters",
    "the Kiel Institute",
    "customs data",
    "Bloomberg",
    "the European Commission",
];

const FILLER: &[&str] = &[
    "Analysts expect the relationship to deepen further.",
    "Officials did not respond to a request for comment.",
    "The figures could not be independently verified.",
    "Sanctions have reshaped the region's supply chains.",
    "Both governments describe the ties as a strategic partnership.",
    "Shipping routes have shifted to avoid Western scrutiny.",
];

/// Generates a corpus. The same config always gives the same corpus.
pub fn generate(config: &SynthConfig) -> SynthCorpus {
    let mut rng = Rng(config.seed ^ 0x5eed_5eed);
    let docs = config.documents.max(1);
    let mut figures = Vec::new();
    let mut keys: BTreeSet<(u8, usize, usize, usize, i32)> = BTreeSet::new();
    let wanted = (docs * 5 / 4).max(1);
    // Keys run out for very large corpora; stop drawing when new ones are hard to find.
    let mut misses = 0usize;
    while figures.len() < wanted && misses < 10_000 {
        let a = rng.below(COUNTRIES.len());
        let mut b = rng.below(COUNTRIES.len() - 1);
        if b >= a {
            b += 1;
        }
        let roll = rng.unit();
        let kind = if roll < 0.25 {
            SynthKind::Trade
        } else if roll < 0.5 {
            SynthKind::Exports
        } else if roll < 0.65 {
            SynthKind::Monthly
        } else if roll < 0.8 {
            SynthKind::Running
        } else {
            SynthKind::Share
        };
        let (goods, year) = match kind {
            SynthKind::Trade => (0, 2018 + rng.below(6) as i32),
            SynthKind::Exports | SynthKind::Share => {
                (rng.below(GOODS.len()), 2018 + rng.below(6) as i32)
            }
            SynthKind::Monthly => (rng.below(GOODS.len()), 0),
            SynthKind::Running => (rng.below(COUNTED.len()), 0),
        };
        let (x, y) = if kind == SynthKind::Trade {
            (a.min(b), a.max(b))
        } else {
            (a, b)
        };
        let tag = kind as u8;
        if !keys.insert((tag, x, y, goods, year)) {
            misses += 1;
            continue;
        }
        misses = 0;
        let since = (kind == SynthKind::Running).then(|| {
            NaiveDate::from_ymd_opt(2022 + rng.below(2) as i32, 1 + rng.below(12) as u32, 1)
                .expect("valid month")
        });
        let value = match kind {
            SynthKind::Trade => 10f64.powf(rng.range(9.5, 11.5)),
            SynthKind::Exports => 10f64.powf(rng.range(8.5, 10.7)),
            SynthKind::Monthly => 10f64.powf(rng.range(7.5, 9.0)),
            SynthKind::Running => 10f64.powf(rng.range(1.5, 3.0)),
            SynthKind::Share => rng.range(5.0, 95.0),
        };
        figures.push(SynthFigure {
            kind,
            subject: COUNTRIES[x].0.to_string(),
            object: COUNTRIES[y].0.to_string(),
            goods: match kind {
                SynthKind::Trade => "goods".to_string(),
                SynthKind::Running => COUNTED[goods].to_string(),
                _ => GOODS[goods].to_string(),
            },
            year: (year != 0).then_some(year),
            since,
            value,
            conflicted: rng.chance(config.conflict_share),
        });
    }

    // Which figures each original document states, and its date.
    struct Plan {
        published: NaiveDate,
        figures: Vec<usize>,
        copy_of: Option<usize>,
    }
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date");
    let mut plans: Vec<Plan> = Vec::with_capacity(docs);
    for d in 0..docs {
        let published = start + chrono::Days::new(rng.below(366) as u64);
        if d > 0 && rng.chance(config.duplicate_share) {
            let copy_of = rng.below(d);
            let copy_of = plans[copy_of].copy_of.unwrap_or(copy_of);
            plans.push(Plan {
                published: plans[copy_of].published + chrono::Days::new(rng.below(3) as u64),
                figures: plans[copy_of].figures.clone(),
                copy_of: Some(copy_of),
            });
            continue;
        }
        let n = 3 + rng.below(5);
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < n.min(figures.len()) {
            let f = rng.below(figures.len());
            if !chosen.contains(&f) {
                chosen.push(f);
            }
        }
        plans.push(Plan {
            published,
            figures: chosen,
            copy_of: None,
        });
    }

    // The conflicting statement of each conflicted figure: in an original document, and for
    // a running total, in a document dated after another that states the figure.
    let mut stated_in: HashMap<usize, Vec<usize>> = HashMap::new();
    for (d, p) in plans.iter().enumerate() {
        if p.copy_of.is_none() {
            for &f in &p.figures {
                stated_in.entry(f).or_default().push(d);
            }
        }
    }
    let mut outliers: HashMap<(usize, usize), f64> = HashMap::new();
    for (f, fig) in figures.iter().enumerate() {
        let Some(ds) = stated_in.get(&f) else {
            continue;
        };
        if !fig.conflicted || ds.len() < 2 {
            continue;
        }
        let factor = if rng.chance(0.5) {
            rng.range(1.3, 1.7)
        } else {
            rng.range(0.5, 0.72)
        };
        match fig.kind {
            SynthKind::Running => {
                let latest = *ds
                    .iter()
                    .max_by_key(|&&d| (plans[d].published, d))
                    .expect("two documents");
                let earliest = *ds
                    .iter()
                    .min_by_key(|&&d| (plans[d].published, d))
                    .expect("two documents");
                if plans[latest].published > plans[earliest].published {
                    let before = fig.value_at(plans[earliest].published);
                    outliers.insert((latest, f), before * rng.range(0.45, 0.65));
                }
            }
            SynthKind::Share => {
                let d = *rng.pick(ds);
                let v = fig.value;
                // A conflicting share stays a share, at least 12 points away.
                let other = if v > 50.0 {
                    (v - rng.range(12.0, 30.0)).max(1.0)
                } else {
                    (v + rng.range(12.0, 30.0)).min(99.0)
                };
                outliers.insert((d, f), other);
            }
            _ => {
                let d = *rng.pick(ds);
                outliers.insert((d, f), fig.value * factor);
            }
        }
    }

    // Render.
    let mut documents: Vec<SynthDocument> = Vec::with_capacity(docs);
    let mut statements: Vec<SynthStatement> = Vec::new();
    let mut rendered: Vec<Vec<(String, Option<SynthStatement>)>> = Vec::with_capacity(docs);
    for (d, plan) in plans.iter().enumerate() {
        let lines: Vec<(String, Option<SynthStatement>)> = match plan.copy_of {
            Some(orig) => {
                // A syndicated copy: the same sentences, another headline, one more line.
                let mut lines = rendered[orig].clone();
                lines.push((rng.pick(FILLER).to_string(), None));
                lines
            }
            None => {
                let mut lines = Vec::new();
                for &f in &plan.figures {
                    if rng.chance(0.4) {
                        lines.push((rng.pick(FILLER).to_string(), None));
                    }
                    let fig = &figures[f];
                    let truth = fig.value_at(plan.published);
                    let (value, outlier) = match outliers.get(&(d, f)) {
                        Some(&v) => (v, true),
                        None => (truth, false),
                    };
                    let (sentence, st) = render(&mut rng, fig, f, value, outlier);
                    lines.push((sentence, Some(st)));
                }
                lines
            }
        };
        let mut text = format!("Synthetic report {d}\n\n");
        let mut doc_statements = Vec::new();
        for (line, st) in &lines {
            let at = text.len();
            text.push_str(line);
            if let Some(st) = st {
                let mut st = st.clone();
                st.document = d;
                st.span = Span::new(at + st.span.start, at + st.span.end);
                st.sentence = Span::new(at, at + line.len());
                doc_statements.push(st);
            }
            text.push('\n');
        }
        statements.extend(doc_statements);
        documents.push(SynthDocument {
            name: format!("synth-{d:06}.txt"),
            published: plan.published,
            text,
            duplicate_of: plan.copy_of,
        });
        rendered.push(lines);
    }
    SynthCorpus {
        documents,
        figures,
        statements,
    }
}

/// Writes `value` as news does: rounded, with a qualifier that keeps it true.
fn phrase(
    rng: &mut Rng,
    kind: SynthKind,
    value: f64,
    counted: &str,
) -> (String, f64, Option<String>) {
    match kind {
        SynthKind::Share => {
            let roll = rng.unit();
            if roll < 0.45 {
                let v = value.round();
                (format!("{}%", v), v, None)
            } else if roll < 0.65 {
                let v = (value * 10.0).round() / 10.0;
                (format!("{v:.1} percent"), v, None)
            } else if roll < 0.85 {
                let v = value.round();
                (format!("about {v}%"), v, Some("about".into()))
            } else {
                let v = value.ceil();
                (format!("nearly {v}%"), v, Some("nearly".into()))
            }
        }
        SynthKind::Running => {
            let roll = rng.unit();
            let (v, q) = if roll < 0.3 {
                (round_sig(value, 3, Round::Nearest), None)
            } else if roll < 0.55 {
                (round_sig(value, 2, Round::Down), Some("more than"))
            } else if roll < 0.75 {
                (round_sig(value, 2, Round::Down), Some("over"))
            } else {
                (round_sig(value, 2, Round::Nearest), Some("approximately"))
            };
            let v = v.max(1.0);
            let words = match q {
                Some(q) => format!("{q} {} {counted}", thousands(v)),
                None => format!("{} {counted}", thousands(v)),
            };
            (words, v, q.map(str::to_string))
        }
        _ => {
            let roll = rng.unit();
            let (v, q) = if roll < 0.4 {
                (
                    round_sig(value, 3 + rng.below(2) as u32, Round::Nearest),
                    None,
                )
            } else if roll < 0.6 {
                (round_sig(value, 2, Round::Nearest), Some("about"))
            } else if roll < 0.75 {
                (round_sig(value, 2, Round::Down), Some("over"))
            } else if roll < 0.85 {
                (round_sig(value, 2, Round::Up), Some("nearly"))
            } else {
                (round_sig(value, 2, Round::Nearest), Some("some"))
            };
            let (div, scale) = if v >= 1e9 {
                (1e9, "billion")
            } else {
                (1e6, "million")
            };
            let n = trim(v / div);
            let amount = if rng.chance(0.2) {
                format!("{n} {scale} dollars")
            } else {
                format!("${n} {scale}")
            };
            let words = match q {
                Some(q) => format!("{q} {amount}"),
                None => amount,
            };
            (words, v, q.map(str::to_string))
        }
    }
}

#[derive(Clone, Copy)]
enum Round {
    Nearest,
    Down,
    Up,
}

fn round_sig(v: f64, digits: u32, how: Round) -> f64 {
    if v <= 0.0 {
        return 0.0;
    }
    let place = 10f64.powi(v.log10().floor() as i32 + 1 - digits as i32);
    let x = v / place;
    let r = match how {
        Round::Nearest => x.round(),
        Round::Down => x.floor(),
        Round::Up => x.ceil(),
    };
    r * place
}

/// A mantissa without float noise: "240", "240.1", "1.25".
fn trim(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn thousands(v: f64) -> String {
    let digits = format!("{}", v.round() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn adjective(country: &str) -> &'static str {
    COUNTRIES
        .iter()
        .find(|(c, _)| *c == country)
        .map_or("", |(_, a)| a)
}

/// A sentence stating figure `f` at `value`, and the statement (spans relative to the
/// sentence).
fn render(
    rng: &mut Rng,
    fig: &SynthFigure,
    f: usize,
    value: f64,
    outlier: bool,
) -> (String, SynthStatement) {
    let (words, stated, qualifier) = phrase(rng, fig.kind, value, &fig.goods);
    let (a, b, g) = (
        fig.subject.as_str(),
        fig.object.as_str(),
        fig.goods.as_str(),
    );
    let year = fig.year.unwrap_or(2024);
    let attribution = rng.chance(0.5).then(|| *rng.pick(SOURCES));
    // Pieces: text before the figure, text after it (before the attribution), measure,
    // subject, object.
    let (before, after, measure, subject, object): (String, String, String, &str, &str) =
        match fig.kind {
            SynthKind::Trade => match rng.below(4) {
                0 => (
                    format!("Trade between {a} and {b} reached "),
                    format!(" in {year}"),
                    format!("Trade between {a} and {b}"),
                    a,
                    b,
                ),
                1 => (
                    format!("Bilateral trade between {b} and {a} rose to "),
                    format!(" in {year}"),
                    format!("Bilateral trade between {b} and {a}"),
                    b,
                    a,
                ),
                2 => (
                    format!("{a}'s trade with {b} hit "),
                    format!(" in {year}"),
                    format!("{a}'s trade with {b}"),
                    a,
                    b,
                ),
                _ => (
                    format!("In {year}, trade between {a} and {b} totaled "),
                    String::new(),
                    format!("trade between {a} and {b}"),
                    a,
                    b,
                ),
            },
            SynthKind::Exports => match rng.below(4) {
                0 => (
                    format!("Exports of {g} from {a} to {b} reached "),
                    format!(" in {year}"),
                    format!("Exports of {g}"),
                    a,
                    b,
                ),
                1 => (
                    format!("{a} exported {g} worth "),
                    format!(" to {b} in {year}"),
                    format!("{a} exported {g} worth"),
                    a,
                    b,
                ),
                2 => (
                    format!("{a} exported "),
                    format!(" worth of {g} to {b} in {year}"),
                    format!("exports of {g}"),
                    a,
                    b,
                ),
                _ => (
                    format!("{a}'s exports of {g} to {b} amounted to "),
                    format!(" in {year}"),
                    format!("{a}'s exports of {g}"),
                    a,
                    b,
                ),
            },
            SynthKind::Monthly => match rng.below(2) {
                0 => (
                    format!("{a} exports "),
                    format!(" worth of {g} to {b} every month"),
                    format!("exports of {g}"),
                    a,
                    b,
                ),
                _ => (
                    format!("{a} sends "),
                    format!(" worth of {g} to {b} every month"),
                    format!("shipments of {g}"),
                    a,
                    b,
                ),
            },
            SynthKind::Running => {
                let since = fig.since.expect("running totals have a start");
                let when = format!("{} {}", MONTHS[since.month0() as usize], since.year());
                match rng.below(3) {
                    0 => (
                        format!("{a} has shipped "),
                        format!(" to {b} since {when}"),
                        format!("shipments of {g}"),
                        a,
                        b,
                    ),
                    1 => (
                        format!("Since {when}, {a} has supplied {b} with "),
                        String::new(),
                        format!("supplies of {g}"),
                        a,
                        b,
                    ),
                    _ => (
                        format!("{a} has delivered "),
                        format!(" to {b} since {when}"),
                        format!("deliveries of {g}"),
                        a,
                        b,
                    ),
                }
            }
            SynthKind::Share => match rng.below(4) {
                0 => (
                    format!("{a} supplied "),
                    format!(" of {b}'s imports of {g} in {year}"),
                    format!("share of {b}'s imports of {g}"),
                    a,
                    b,
                ),
                1 => (
                    format!("In {year}, {a} provided "),
                    format!(" of {b}'s imports of {g}"),
                    format!("share of {b}'s imports of {g}"),
                    a,
                    b,
                ),
                2 => (
                    format!("{a} accounted for "),
                    format!(" of {b}'s imports of {g} in {year}"),
                    format!("share of {b}'s imports of {g}"),
                    a,
                    b,
                ),
                _ => (
                    format!("{} dependence on {a} for {g} reached ", adjective(b)),
                    format!(" in {year}"),
                    format!("{} dependence on {a} for {g}", adjective(b)),
                    b,
                    a,
                ),
            },
        };
    let tail = match attribution {
        Some(s) if rng.chance(0.5) => format!(", according to {s}."),
        Some(s) => format!(", {s} said."),
        None => ".".to_string(),
    };
    let sentence = format!("{before}{words}{after}{tail}");
    let span = Span::new(before.len(), before.len() + words.len());
    let attribution = attribution.map(|s| s.trim_start_matches("the ").to_string());
    (
        sentence,
        SynthStatement {
            document: 0,
            figure: f,
            span,
            sentence: Span::new(0, 0),
            stated,
            qualifier,
            outlier,
            measure,
            subject: subject.to_string(),
            object: object.to_string(),
            attribution,
            quantity_text: words,
        },
    )
}

impl SynthCorpus {
    /// The documents as the ledger sees them, with `ids[d]` as the id of document `d`.
    pub fn source_docs(&self, ids: &[DocId]) -> Vec<SourceDoc> {
        self.documents
            .iter()
            .enumerate()
            .map(|(d, doc)| SourceDoc {
                id: ids[d].clone(),
                name: doc.name.clone(),
                published: Some(doc.published),
                duplicate_of: doc.duplicate_of.map(|o| ids[o].clone()),
                kind: Default::default(),
            })
            .collect()
    }

    /// The claims a perfect extractor would read from the documents, with `ids[d]` as the id
    /// of document `d`: for benchmarks and for tests of reconciliation alone.
    pub fn claims(&self, ids: &[DocId]) -> Vec<Claim> {
        self.statements
            .iter()
            .map(|s| {
                let fig = &self.figures[s.figure];
                let doc = &self.documents[s.document];
                let (kind, unit, per) = match fig.kind {
                    SynthKind::Share => (QuantityKind::Percent, "percent".to_string(), None),
                    SynthKind::Running => (QuantityKind::Count, singular(&fig.goods), None),
                    SynthKind::Monthly => (QuantityKind::Money, "USD".into(), Some("month")),
                    _ => (QuantityKind::Money, "USD".into(), None),
                };
                let time = match (fig.year, fig.since) {
                    (Some(y), _) => Some(TimeExpr {
                        span: s.sentence,
                        text: y.to_string(),
                        start_date: NaiveDate::from_ymd_opt(y, 1, 1),
                        end_date: NaiveDate::from_ymd_opt(y, 12, 31),
                        grain: Grain::Year,
                        kind: TimeKind::Point,
                        timex: Some(y.to_string()),
                    }),
                    (None, Some(since)) => Some(TimeExpr {
                        span: s.sentence,
                        text: format!("since {}", since.format("%B %Y")),
                        start_date: Some(since),
                        end_date: Some(doc.published),
                        grain: Grain::Month,
                        kind: TimeKind::Since,
                        timex: None,
                    }),
                    _ => None,
                };
                Claim {
                    doc: ids[s.document].clone(),
                    span: s.span,
                    sentence: s.sentence,
                    quantity: Quantity {
                        span: s.span,
                        text: s.quantity_text.clone(),
                        value: s.stated,
                        value_max: None,
                        unit: Some(unit),
                        kind,
                        qualifier: s.qualifier.clone(),
                        per: per.map(str::to_string),
                        vague: false,
                    },
                    subject: Some(s.subject.clone()),
                    object: Some(s.object.clone()),
                    measure: s.measure.clone(),
                    time,
                    attribution: s.attribution.clone(),
                    modality: Modality::Asserted,
                    kind: sinew_types::MeasureKind::Other,
                    restates: None,
                    inferred: None,
                    changed_to: None,
                }
            })
            .collect()
    }
}

fn singular(plural: &str) -> String {
    plural.strip_suffix('s').unwrap_or(plural).to_string()
}

/// How well a ledger recovers a synthetic corpus's truth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SynthScore {
    /// Statements in the corpus.
    pub statements: usize,
    /// Statements matched by a claim (same document, overlapping span).
    pub matched: usize,
    /// Share of each group's matched claims that belong to its most common figure, over all
    /// groups.
    pub purity: f64,
    /// Share of each figure's matched statements that sit in its largest group.
    pub completeness: f64,
    /// Figures stated by two or more independent sources.
    pub contested: usize,
    /// Of the groups judged conflicts, the share whose figure has a conflicting source.
    pub conflict_precision: f64,
    /// Of the figures with a conflicting source, the share judged a conflict.
    pub conflict_recall: f64,
    /// Harmonic mean of the two.
    pub conflict_f1: f64,
    /// Share of contested figures whose verdict (conflict or not) is right.
    pub conflict_accuracy: f64,
}

/// Scores a ledger built over `claims` (extracted from the corpus, or [`SynthCorpus::claims`])
/// where `ids[d]` is the id the claims give document `d`.
pub fn score(corpus: &SynthCorpus, ids: &[DocId], claims: &[Claim], ledger: &Ledger) -> SynthScore {
    let doc_of: HashMap<&DocId, usize> = ids.iter().enumerate().map(|(d, id)| (id, d)).collect();
    let mut by_doc: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, s) in corpus.statements.iter().enumerate() {
        by_doc.entry(s.document).or_default().push(k);
    }
    // Claim index -> statement index.
    let mut statement_of: HashMap<usize, usize> = HashMap::new();
    let mut matched: BTreeSet<usize> = BTreeSet::new();
    for (i, c) in claims.iter().enumerate() {
        let Some(&d) = doc_of.get(&c.doc) else {
            continue;
        };
        let hit = by_doc.get(&d).and_then(|ks| {
            ks.iter()
                .copied()
                .find(|&k| corpus.statements[k].span.overlaps(c.span) && !matched.contains(&k))
        });
        if let Some(k) = hit {
            matched.insert(k);
            statement_of.insert(i, k);
        }
    }

    let mut pure = 0usize;
    let mut total = 0usize;
    // figure -> (group index -> statements)
    let mut placed: HashMap<usize, HashMap<usize, usize>> = HashMap::new();
    for (gi, g) in ledger.groups.iter().enumerate() {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for m in &g.claims {
            if let Some(&k) = statement_of.get(&m.claim) {
                let f = corpus.statements[k].figure;
                *counts.entry(f).or_default() += 1;
                *placed.entry(f).or_default().entry(gi).or_default() += 1;
            }
        }
        total += counts.values().sum::<usize>();
        pure += counts.values().copied().max().unwrap_or(0);
    }
    let purity = ratio(pure, total);
    let complete: usize = placed
        .values()
        .map(|g| g.values().copied().max().unwrap_or(0))
        .sum();
    let completeness = ratio(complete, total);

    // Conflicts, per figure stated by two or more independent sources.
    let root = |d: usize| corpus.documents[d].duplicate_of.unwrap_or(d);
    let mut sources: HashMap<usize, BTreeSet<usize>> = HashMap::new();
    let mut has_outlier: BTreeSet<usize> = BTreeSet::new();
    for &k in statement_of.values() {
        let s = &corpus.statements[k];
        sources
            .entry(s.figure)
            .or_default()
            .insert(root(s.document));
        if s.outlier {
            has_outlier.insert(s.figure);
        }
    }
    let (mut tp, mut fp, mut fn_, mut right, mut contested) = (0, 0, 0, 0, 0);
    for (f, srcs) in &sources {
        if srcs.len() < 2 {
            continue;
        }
        contested += 1;
        let truth = has_outlier.contains(f);
        let Some(groups) = placed.get(f) else {
            continue;
        };
        let (&main, _) = groups
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .expect("placed figures have a group");
        let said = ledger.groups[main].verdict == Verdict::Conflict;
        match (truth, said) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => {}
        }
        if truth == said {
            right += 1;
        }
    }
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    SynthScore {
        statements: corpus.statements.len(),
        matched: matched.len(),
        purity,
        completeness,
        contested,
        conflict_precision: precision,
        conflict_recall: recall,
        conflict_f1: f1,
        conflict_accuracy: ratio(right, contested),
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus_and_spans_hold_the_words() {
        let config = SynthConfig {
            documents: 40,
            ..SynthConfig::default()
        };
        let a = generate(&config);
        assert_eq!(a, generate(&config));
        for s in &a.statements {
            let text = &a.documents[s.document].text;
            let words = &text[s.span.start..s.span.end];
            assert_eq!(words, s.quantity_text);
            assert!(s.sentence.contains(s.span));
        }
        assert!(a.statements.iter().any(|s| s.outlier));
        assert!(a.documents.iter().any(|d| d.duplicate_of.is_some()));
    }

    #[test]
    fn rounding() {
        assert_eq!(round_sig(243.7, 2, Round::Nearest), 240.0);
        assert_eq!(round_sig(243.7, 2, Round::Up), 250.0);
        assert_eq!(round_sig(6789.0, 2, Round::Down), 6700.0);
        assert_eq!(trim(240.1), "240.1");
        assert_eq!(thousands(11000.0), "11,000");
    }
}
