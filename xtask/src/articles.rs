//! Generated articles for the benches: the one place that writes them.
//!
//! Two generators share a pseudo-random stream ([`Rng`], SplitMix64) and are deterministic
//! by index (and seed), so any article can be rebuilt alone and a corpus streams to disk in
//! constant memory:
//!
//! - [`dispatch`]: the small templated article of `bench-store`, `bench-search` and
//!   `bench-serve` (a 300-byte dispatch naming pairs of 40 countries, three figures each).
//!   Kept as it was so that their cached stores (`target/bench-store/`) stay valid and their
//!   figures comparable with earlier sessions'; those benches ask how costs grow with the
//!   store, which the small article answers as well as a long one.
//! - [`news`]: the realistic article of `bench-scale`: a length drawn from the distribution
//!   of real news, paragraphs of sentences on one of six beats (trade, arms, energy,
//!   companies, diplomacy, conflict and aid), each naming a cast of countries, people with
//!   their offices, firms, towns and international bodies, with figures and units, dates,
//!   attributions, quotes and qualifiers (about one sentence in two states a figure; the
//!   rest are reaction, quotes and context); about 5% are wire copies of an earlier article with
//!   small edits (another outlet, dateline and headline, a changed word or figure, the last
//!   paragraph cut), which ingest should link as near-duplicates.
//!
//! **Lengths.** The WCXB development pages' ground-truth `main_content`
//! (`../shared/dev/extraction/wcxb-dev-articles`, 791 pages) have quantiles p10 3.2 KB, p25
//! 5.4 KB, median 9.7 KB, p75 15.9 KB, p90 24.5 KB: log-normal in shape (p25/median 0.55,
//! p75/median 1.63, p90/median 2.51, a sigma of 0.72-0.75), but their median is that of
//! web pages at large (guides, reviews, long reads). News agency copy is shorter, so the
//! generator keeps WCXB's shape, a log-normal of sigma 0.75, around the median the issue
//! gives for news, 4.4 KB (clamped to 600 B - 48 KB). Paragraphs are one to four sentences,
//! with now and then a short subheading line, as in WCXB's text.
//!
//! **Names grow with N.** People are a first name and a surname; surnames are a written list
//! extended by syllables (some 1,300 forms, so about 80,000 people), firms a made-up stem,
//! a trade word and a designator (over 200,000), towns a stem and an ending; each is drawn
//! log-uniformly over its range (a few recur in many articles, most rarely), so the number
//! of distinct names keeps growing with the corpus, as in news. Countries (92) and
//! international bodies are real names the knowledge base links; the rest are invented so
//! that no real person or firm is said to do anything.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use sinew_types::text::{MONTH_NAMES as MONTHS, WEEKDAY_NAMES as WEEKDAYS};

mod lexicon;

use lexicon::{
    Beat, BACKGROUND, BEATS, BODIES, FIRM_DESIGNATORS, FIRM_TRADES, FIRST_NAMES, NARRATIVE,
    NATIONS, OUTLETS, QUALIFY, SAYS, STEM_HEADS, STEM_TAILS, SURNAMES, SURNAME_HEADS,
    SURNAME_TAILS, TOWN_ENDINGS, WIRES,
};

/// A deterministic pseudo-random stream (SplitMix64).
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A uniform number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// An index below `n`, the first ones far more often (min of two uniforms).
    fn skewed(&mut self, n: usize) -> usize {
        self.below(n).min(self.below(n))
    }

    /// An index below `n` drawn log-uniformly: rank r comes about 1/r as often, so the
    /// distinct values met keep growing with the number of draws.
    fn log_uniform(&mut self, n: usize) -> usize {
        let r = ((n as f64).ln() * self.unit()).exp() as usize;
        r.saturating_sub(1).min(n - 1)
    }

    /// A standard normal deviate (Box-Muller).
    fn normal(&mut self) -> f64 {
        let u = self.unit().max(1e-12);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

// ---------------------------------------------------------------------------------------
// The small dispatch of bench-store, bench-search and bench-serve (unchanged).

pub(crate) const COUNTRIES: &[&str] = &[
    "China",
    "Russia",
    "North Korea",
    "Iran",
    "India",
    "Turkey",
    "Germany",
    "France",
    "Japan",
    "Ukraine",
    "Poland",
    "Brazil",
    "Vietnam",
    "Belarus",
    "Syria",
    "Israel",
    "Egypt",
    "Pakistan",
    "Indonesia",
    "Mexico",
    "Canada",
    "Italy",
    "Spain",
    "Norway",
    "Sweden",
    "Kazakhstan",
    "Uzbekistan",
    "Serbia",
    "Hungary",
    "Greece",
    "Nigeria",
    "Ethiopia",
    "Kenya",
    "Algeria",
    "Morocco",
    "Qatar",
    "Oman",
    "Chile",
    "Peru",
    "Argentina",
];

pub(crate) const GOODS: &[(&str, &str)] = &[
    ("dual-use goods", "drones"),
    ("machine tools", "tanks"),
    ("electronics", "containers"),
    ("crude oil", "tankers"),
    ("semiconductors", "missiles"),
    ("fertiliser", "trucks"),
];

const QUALIFIERS: &[&str] = &["", "about ", "over ", "nearly ", "more than "];

const SOURCES: &[&str] = &[
    "the customs office said",
    "according to the US State Department",
    "a Moscow think tank said",
    "officials said",
];

impl Rng {
    /// A country of [`COUNTRIES`], the first ones far more often (a skewed news agenda).
    fn country(&mut self) -> &'static str {
        COUNTRIES[self.skewed(COUNTRIES.len())]
    }

    fn pair(&mut self) -> (&'static str, &'static str) {
        loop {
            let (a, b) = (self.country(), self.country());
            if a != b {
                return (a, b);
            }
        }
    }
}

/// Dispatch `i` of the small corpus, as (url, text): the same `i` always gives the same text.
pub(crate) fn dispatch(i: usize) -> (String, String) {
    let mut r = Rng(i as u64 ^ 0x5157_0b5e_55ed);
    let year = 2019 + r.below(6);
    let month = MONTHS[r.below(12)];
    let day = 1 + r.below(28);
    let (goods, things) = GOODS[r.below(GOODS.len())];
    let (a, b) = r.pair();
    let (c, d) = r.pair();
    let (e, f) = r.pair();
    let q = |r: &mut Rng| QUALIFIERS[r.below(QUALIFIERS.len())];
    let billions = 1 + r.below(300);
    let tenths = r.below(10);
    let count = (1 + r.below(90)) * 100;
    let trade = 10 + r.below(250);
    let since_month = MONTHS[r.below(12)];
    let text = format!(
        "Published {month} {day}, {next}\n\nDispatch {i}. {a} exported {qa}${billions}.{tenths} \
         billion of {goods} to {b} in {year}, {src1}. {c} has sent {qc}{count} {things} to {d} \
         since {since_month} {year}, {src2}. Trade between {e} and {f} reached {qe}${trade} \
         billion in {year}.\n",
        next = year + 1,
        qa = q(&mut r),
        qc = q(&mut r),
        qe = q(&mut r),
        src1 = SOURCES[r.below(SOURCES.len())],
        src2 = SOURCES[r.below(SOURCES.len())],
    );
    (format!("https://news.example/{i:06}"), text)
}

/// Writes dispatches `from..to` as one JSON Lines file.
pub(crate) fn write_dispatches(path: &Path, from: usize, to: usize) -> Result<()> {
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
    );
    for i in from..to {
        let (url, text) = dispatch(i);
        writeln!(out, "{}", serde_json::json!({ "url": url, "text": text }))?;
    }
    out.flush()?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The realistic news article of bench-scale.

/// Changes with what the generator writes, and names the cached corpora of `bench-scale`.
pub(crate) const NEWS_VERSION: u32 = 2;

/// One generated article, as the JSON Lines record `bench-scale` writes.
pub(crate) struct NewsArticle {
    pub(crate) url: String,
    pub(crate) title: String,
    pub(crate) site: &'static str,
    /// `YYYY-MM-DD`.
    pub(crate) published: String,
    pub(crate) text: String,
    /// The article this one is a wire copy of, if it is one.
    pub(crate) copy_of: Option<u64>,
}

/// The cast and setting of one article, drawn once.
struct Cast {
    nations: [usize; 3],
    people: [String; 2],
    surnames: [String; 2],
    /// Whether each person was named in full already.
    named: [bool; 2],
    roles: [&'static str; 2],
    firms: [String; 2],
    town: String,
    body: &'static str,
    goods: (&'static str, &'static str),
    units: &'static [&'static str],
    year: usize,
    month: usize,
    day: usize,
}

/// Stem `n` of [`STEM_HEADS`] x [`STEM_TAILS`].
fn stem(n: usize) -> String {
    let h = STEM_HEADS[n % STEM_HEADS.len()];
    let t = STEM_TAILS[(n / STEM_HEADS.len()) % STEM_TAILS.len()];
    format!("{h}{t}")
}

/// Rank `k` of `n` names scattered over the range (a bijection, `SCATTER` being a prime
/// that divides no range's size), so that frequent names are not all alike.
fn scatter(k: usize, n: usize) -> usize {
    const SCATTER: usize = 100_003;
    (k * SCATTER) % n
}

fn person(r: &mut Rng) -> (String, String) {
    let first = FIRST_NAMES[r.below(FIRST_NAMES.len())];
    let made = SURNAME_HEADS.len() * SURNAME_TAILS.len();
    let k = scatter(r.log_uniform(SURNAMES.len() + made), SURNAMES.len() + made);
    let surname = match SURNAMES.get(k) {
        Some(s) => (*s).to_string(),
        None => {
            let m = k - SURNAMES.len();
            format!(
                "{}{}",
                SURNAME_HEADS[m % SURNAME_HEADS.len()],
                SURNAME_TAILS[m / SURNAME_HEADS.len()]
            )
        }
    };
    (format!("{first} {surname}"), surname)
}

fn firm(r: &mut Rng) -> String {
    let stems = STEM_HEADS.len() * STEM_TAILS.len();
    let all = stems * FIRM_TRADES.len() * FIRM_DESIGNATORS.len();
    let k = scatter(r.log_uniform(all), all);
    let s = stem(k % stems);
    let trade = FIRM_TRADES[(k / stems) % FIRM_TRADES.len()];
    let des = FIRM_DESIGNATORS[(k / stems / FIRM_TRADES.len()) % FIRM_DESIGNATORS.len()];
    format!("{s} {trade} {des}")
}

fn town(r: &mut Rng) -> String {
    let stems = STEM_HEADS.len() * STEM_TAILS.len();
    let k = scatter(
        r.log_uniform(stems * TOWN_ENDINGS.len()),
        stems * TOWN_ENDINGS.len(),
    );
    let mut s = stem(k % stems);
    s.push_str(TOWN_ENDINGS[k / stems]);
    s
}

impl Cast {
    fn draw(r: &mut Rng, beat: &Beat) -> Cast {
        let mut nations = [0; 3];
        for k in 0..3 {
            loop {
                let n = r.skewed(NATIONS.len());
                if !nations[..k].contains(&n) {
                    nations[k] = n;
                    break;
                }
            }
        }
        let (p1, s1) = person(r);
        let (p2, s2) = loop {
            let (p, s) = person(r);
            if s != s1 {
                break (p, s);
            }
        };
        let f1 = firm(r);
        let f2 = loop {
            let f = firm(r);
            if f != f1 {
                break f;
            }
        };
        Cast {
            nations,
            people: [p1, p2],
            surnames: [s1, s2],
            named: [false; 2],
            roles: [r.pick(beat.roles), r.pick(beat.roles)],
            firms: [f1, f2],
            town: town(r),
            body: r.pick(BODIES),
            goods: r.pick(beat.goods),
            units: beat.units,
            year: 2019 + r.below(7),
            month: r.below(12),
            day: 1 + r.below(28),
        }
    }
}

/// Upper-cases the first letter of `s` ("the United States" at a sentence start).
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A figure with a thousands separator, or one decimal for small values.
fn number(r: &mut Rng, lo: u64, hi: u64) -> String {
    let v = lo + r.next() % (hi - lo + 1);
    let mut s = v.to_string();
    let mut i = s.len();
    while i > 3 {
        i -= 3;
        s.insert(i, ',');
    }
    s
}

fn money(r: &mut Rng, out: &mut String, qualified: bool) {
    if qualified {
        out.push_str(r.pick(QUALIFY));
    }
    let cur = r.pick(&["$", "$", "$", "€", "£", "US$"]);
    match r.below(4) {
        0 => {
            let _ = write!(out, "{cur}{} million", number(r, 2, 950));
        }
        1 | 2 => {
            let _ = write!(out, "{cur}{}.{} billion", 1 + r.below(180), r.below(10));
        }
        _ => {
            let _ = write!(out, "{cur}{} billion", 1 + r.below(400));
        }
    }
}

fn when(r: &mut Rng, cast: &Cast, out: &mut String) {
    let m = MONTHS[cast.month];
    match r.below(9) {
        0 => out.push_str("last year"),
        1 => {
            let _ = write!(out, "in {m}");
        }
        2 => {
            let _ = write!(out, "in {}", cast.year - 1);
        }
        3 => {
            let _ = write!(out, "on {}", r.pick(&WEEKDAYS));
        }
        4 => {
            let _ = write!(
                out,
                "in the {} quarter",
                r.pick(&["first", "second", "third", "fourth"])
            );
        }
        5 => out.push_str("last month"),
        6 => {
            let _ = write!(out, "on {m} {}", cast.day);
        }
        7 => {
            let from = MONTHS[(cast.month + 11 - r.below(6)) % 12];
            let _ = write!(out, "between {from} and {m}");
        }
        _ => {
            let _ = write!(
                out,
                "in the first {} months of {}",
                r.pick(&["three", "six", "nine"]),
                cast.year
            );
        }
    }
}

/// Fills `template` into `out` from the cast.
fn fill(template: &str, r: &mut Rng, cast: &mut Cast, out: &mut String) {
    let mut rest = template;
    let mut sentence_start = true;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        if open > 0 {
            sentence_start = false;
        }
        let close = open
            + rest[open..]
                .find('}')
                .expect("templates close their braces");
        let slot = &rest[open + 1..close];
        rest = &rest[close + 1..];
        let nation = |k: usize| NATIONS[cast.nations[k]];
        match slot {
            "c" | "c2" | "c3" | "C" | "C2" => {
                let k = match slot {
                    "c" | "C" => 0,
                    "c2" | "C2" => 1,
                    _ => 2,
                };
                let name = nation(k).0;
                if slot.starts_with('C') || sentence_start {
                    out.push_str(&capitalised(name));
                } else {
                    out.push_str(name);
                }
            }
            "adj" | "Adj" => out.push_str(nation(0).1),
            "adj2" | "Adj2" => out.push_str(nation(1).1),
            "p" | "p2" => {
                let k = usize::from(slot == "p2");
                if cast.named[k] {
                    out.push_str(&cast.surnames[k]);
                } else {
                    cast.named[k] = true;
                    out.push_str(&cast.people[k]);
                }
            }
            "role" => out.push_str(cast.roles[0]),
            "role2" => out.push_str(cast.roles[1]),
            "f" => out.push_str(&cast.firms[0]),
            "f2" => out.push_str(&cast.firms[1]),
            "town" => out.push_str(&cast.town),
            "body" => {
                if sentence_start {
                    out.push_str(&capitalised(cast.body));
                } else {
                    out.push_str(cast.body);
                }
            }
            "money" | "money2" => money(r, out, slot == "money"),
            "qty" => {
                out.push_str(r.pick(QUALIFY));
                let unit = r.pick(cast.units);
                let _ = write!(out, "{} {unit}", number(r, 40, 900_000));
            }
            "n" => {
                out.push_str(r.pick(QUALIFY));
                let hi = [40, 400, 5_000, 60_000][r.below(4)];
                out.push_str(&number(r, 2, hi));
            }
            "pct" => {
                let _ = write!(out, "{}.{}", r.below(40), r.below(10));
                out.push_str(r.pick(&["%", " per cent", " percent"]));
            }
            "goods" => out.push_str(cast.goods.0),
            "things" => out.push_str(cast.goods.1),
            "when" => when(r, cast, out),
            "since" => {
                let _ = write!(
                    out,
                    "since {} {}",
                    MONTHS[r.below(12)],
                    cast.year - 1 - r.below(3)
                );
            }
            "future" => match r.below(4) {
                0 => {
                    let _ = write!(out, "by {}", cast.year + 1 + r.below(6));
                }
                1 => out.push_str("next year"),
                2 => {
                    let _ = write!(out, "in {}", cast.year + 1);
                }
                _ => out.push_str("within two years"),
            },
            "year" => {
                let _ = write!(out, "{}", cast.year - 2 - r.below(8));
            }
            "say" => {
                let verb = r.pick(SAYS);
                match verb.find("{day}") {
                    Some(at) => {
                        out.push_str(&verb[..at]);
                        out.push_str(r.pick(&WEEKDAYS));
                    }
                    None => out.push_str(verb),
                }
            }
            other => panic!("unknown placeholder {{{other}}}"),
        }
    }
    out.push_str(rest);
}

/// Whether article `i` of the corpus of `seed` is a wire copy of an earlier one.
fn is_copy(seed: u64, i: u64) -> bool {
    i > 0 && Rng(seed ^ i.wrapping_mul(0x2545_f491_4f6c_dd1d)).below(100) < 5
}

/// Article `i` of the corpus of `seed`: the same pair always gives the same article.
pub(crate) fn news(seed: u64, i: u64) -> NewsArticle {
    if !is_copy(seed, i) {
        return original(seed, i);
    }
    // A wire copy of one of the 500 articles before it that is not itself a copy.
    let mut r = Rng(seed ^ i.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0xc0b1);
    let mut j = i.saturating_sub(1 + r.below(500) as u64);
    while is_copy(seed, j) {
        j -= 1;
    }
    let base = original(seed, j);
    let (outlet, domain) = r.pick(OUTLETS);
    let mut text = String::with_capacity(base.text.len());
    let mut paras: Vec<&str> = base.text.split("\n\n").collect();
    if paras.len() > 3 && r.chance(60) {
        paras.pop();
    }
    for (k, p) in paras.iter().enumerate() {
        if k > 0 {
            text.push_str("\n\n");
        }
        if k == 0 {
            // Another wire's dateline and credit.
            let body = p.split_once(" - ").map_or(*p, |(_, b)| b);
            let _ = write!(text, "({}) - {body}", r.pick(WIRES));
        } else if k == 1 + r.below(paras.len()) {
            // One small edit: a word changed.
            text.push_str(&p.replacen(" said", " says", 1).replacen(" the ", " a ", 1));
        } else {
            text.push_str(p);
        }
    }
    text.push('\n');
    NewsArticle {
        url: format!("https://{domain}/wire/{seed:x}-{i}"),
        title: format!("{} ({outlet})", base.title),
        site: outlet,
        published: base.published,
        text,
        copy_of: Some(j),
    }
}

/// The stream, beat and cast of original article `i`.
fn setting(seed: u64, i: u64) -> (Rng, &'static Beat, Cast) {
    let mut r = Rng(seed ^ i.wrapping_mul(0xd1b5_4a32_d192_ed03) ^ 0x5ca1e);
    let beat = BEATS[r.skewed(BEATS.len())];
    let cast = Cast::draw(&mut r, beat);
    (r, beat, cast)
}

/// An article that copies none.
fn original(seed: u64, i: u64) -> NewsArticle {
    let (mut r, beat, mut cast) = setting(seed, i);
    // Log-normal length: WCXB's shape (sigma 0.75) around news' median, 4.4 KB.
    let target = (4400.0 * (0.75 * r.normal()).exp()).clamp(600.0, 48_000.0) as usize;
    let (outlet, domain) = OUTLETS[r.skewed(OUTLETS.len())];
    let nation = NATIONS[cast.nations[0]];
    let mut text = String::with_capacity(target + 600);

    // Lead paragraph with a dateline.
    let _ = write!(
        text,
        "{}, {} {} ({}) - ",
        nation.2,
        MONTHS[cast.month],
        cast.day,
        r.pick(WIRES)
    );
    let lead = r.pick(beat.lead);
    fill(lead, &mut r, &mut cast, &mut text);
    let title = {
        let mut t = String::new();
        fill(r.pick(beat.lead), &mut r, &mut cast, &mut t);
        let t = t.trim_end_matches('.');
        // A headline is the lead's first clause.
        let cut = t.find(", ").unwrap_or(t.len());
        t[..cut].to_string()
    };
    // Headlines must not name anyone in full before the text does.
    cast.named = [false; 2];
    // Sentences come without repeats: the beat's own in shuffled order, then background
    // and other beats' as a long article runs on.
    let mut deck: Vec<&str> = Vec::new();
    let mut narrative: Vec<&str> = Vec::new();
    let mut round = 0;
    while text.len() < target {
        text.push_str("\n\n");
        if text.len() > 1500 && r.chance(8) {
            text.push_str(r.pick(beat.heads));
            text.push_str("\n\n");
        }
        let sentences = 1 + r.below(4);
        for k in 0..sentences {
            if k > 0 {
                text.push(' ');
            }
            if r.chance(55) {
                // Most sentences state no figure: about one in two.
                if narrative.is_empty() {
                    narrative = NARRATIVE.to_vec();
                }
                let at = r.below(narrative.len());
                let sentence = narrative.swap_remove(at);
                fill(sentence, &mut r, &mut cast, &mut text);
                continue;
            }
            if deck.is_empty() {
                deck = match round {
                    0 => beat.body.to_vec(),
                    1 => BACKGROUND.to_vec(),
                    _ => BEATS[r.below(BEATS.len())].body.to_vec(),
                };
                round += 1;
            }
            let at = r.below(deck.len());
            let sentence = deck.swap_remove(at);
            fill(sentence, &mut r, &mut cast, &mut text);
        }
    }
    text.push('\n');
    NewsArticle {
        url: format!(
            "https://{domain}/{}/{:02}/{seed:x}-{i}",
            cast.year,
            cast.month + 1
        ),
        title,
        site: outlet,
        published: format!("{}-{:02}-{:02}", cast.year, cast.month + 1, cast.day),
        text,
        copy_of: None,
    }
}

/// Writes articles `from..to` of the corpus of `seed` as one JSON Lines file (`url`,
/// `title`, `site`, `published`, `text`: what `sinew ingest` reads without HTML extraction);
/// returns the bytes of text written and the number of wire copies among them.
pub(crate) fn write_news(path: &Path, seed: u64, from: u64, to: u64) -> Result<(u64, u64)> {
    let mut out = std::io::BufWriter::with_capacity(
        1 << 20,
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
    );
    let (mut bytes, mut copies) = (0u64, 0u64);
    for i in from..to {
        let a = news(seed, i);
        bytes += a.text.len() as u64;
        copies += u64::from(a.copy_of.is_some());
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({
                "url": a.url,
                "title": a.title,
                "site": a.site,
                "published": a.published,
                "text": a.text,
            }),
        )?;
        out.write_all(b"\n")?;
    }
    out.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok((bytes, copies))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_and_index_give_the_same_article() {
        for i in [0, 1, 17, 999, 123_456] {
            let (a, b) = (news(7, i), news(7, i));
            assert_eq!((a.url, a.text), (b.url, b.text));
        }
        assert_ne!(news(7, 3).text, news(8, 3).text);
    }

    #[test]
    fn lengths_follow_news_and_some_articles_are_wire_copies() {
        let n = 4000;
        let mut lens: Vec<usize> = (0..n).map(|i| news(1, i).text.len()).collect();
        lens.sort_unstable();
        let median = lens[lens.len() / 2];
        assert!((3000..=5500).contains(&median), "median {median}");
        let (p25, p75) = (lens[lens.len() / 4], lens[lens.len() * 3 / 4]);
        assert!(p75 as f64 / p25 as f64 > 2.0, "quartiles {p25} {p75}");
        let copies = (0..n).filter(|&i| news(1, i).copy_of.is_some()).count();
        assert!((120..=300).contains(&copies), "{copies} copies of {n}");
    }

    #[test]
    fn a_wire_copy_shares_most_of_its_text_with_the_original() {
        let i = (0..2000)
            .find(|&i| news(3, i).copy_of.is_some())
            .expect("a copy");
        let copy = news(3, i);
        let original = news(3, copy.copy_of.expect("a copy"));
        let words = |t: &str| -> std::collections::BTreeSet<String> {
            t.split_whitespace().map(str::to_string).collect()
        };
        let (a, b) = (words(&copy.text), words(&original.text));
        let shared = a.intersection(&b).count() as f64 / a.len().max(1) as f64;
        assert!(shared > 0.8, "{shared}");
        assert_ne!(copy.text, original.text);
    }

    #[test]
    fn distinct_names_grow_with_the_corpus() {
        // The firms and people of the casts of the first n articles, each found in its text.
        let distinct = |n: u64| {
            let mut seen = std::collections::BTreeSet::new();
            for i in 0..n {
                let (_, _, cast) = setting(5, i);
                let text = news(5, i).text;
                for name in cast.firms.iter().chain(&cast.people) {
                    if text.contains(name.as_str()) {
                        seen.insert(name.clone());
                    }
                }
            }
            seen.len()
        };
        let (small, large) = (distinct(300), distinct(3000));
        assert!(large as f64 > 4.0 * small as f64, "{small} then {large}");
    }

    #[test]
    fn every_placeholder_of_every_beat_fills() {
        let mut r = Rng(11);
        for beat in BEATS {
            let mut cast = Cast::draw(&mut r, beat);
            for t in beat
                .lead
                .iter()
                .chain(beat.body)
                .chain(BACKGROUND)
                .chain(NARRATIVE)
            {
                let mut out = String::new();
                fill(t, &mut r, &mut cast, &mut out);
                assert!(!out.contains('{') && !out.contains('}'), "{out}");
            }
        }
    }
}
