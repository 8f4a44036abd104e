//! What stands after a figure and belongs to it: the counted noun ("6,700 containers"), an
//! age's "old" ("34-year-old"), the rate ("a month", "per kg", "/hour", "four times a week", "year-on-year"), and inches
//! written "in", which only a few contexts tell from the preposition.

use std::borrow::Cow;

use super::lexicon::{self, UnitKind};
use super::scan::{char_at, compound_end, letters_end, match_phrase, skip_ws};
use super::units::{self, Unit};

/// The next word after at least one inline space.
pub(super) fn next_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    let q = skip_ws(text, pos);
    if q == pos {
        return None;
    }
    let e = letters_end(text, q);
    (e > q).then_some((q, e))
}

pub(super) fn lower_word(text: &str, s: usize, e: usize) -> String {
    text[s..e].to_ascii_lowercase()
}

/// A counted noun found after a number.
pub(super) struct Noun {
    pub(super) unit: String,
    /// Where the span may end: `None` when proper names stood between ("4.8 million North
    /// Korean projectiles"), so that the span keeps to the number.
    pub(super) end: Option<usize>,
    /// Where the noun phrase ends, names between or not: a rate after it ("400 Shahed drones
    /// a month") is the figure's.
    pub(super) phrase_end: usize,
}

/// Denominators that "N in M" may have ("one in three", "3 in 10", "1 in 100"): small or
/// round, so that "5 in 2024" or "2 in 45 minutes" are no fraction.
fn plausible_denominator(d: f64) -> bool {
    (2.0..=10.0).contains(&d)
        || matches!(d as u32, 12 | 20 | 25 | 50 | 100 | 1000) && d.fract() == 0.0
}

/// "4 out of 5", "one in three": the denominator and where it ends, after a whole numerator
/// that ends at `pos`. The count after it ("members") is the whole, not the unit.
pub(super) fn out_of(text: &str, pos: usize, numerator: f64) -> Option<(f64, usize)> {
    if numerator.fract() != 0.0 || numerator < 1.0 {
        return None;
    }
    let (s, e) = next_word(text, pos)?;
    let w = text[s..e].to_ascii_lowercase();
    let (at, strict) = match w.as_str() {
        "out" => {
            let (s2, e2) = next_word(text, e)?;
            if !text[s2..e2].eq_ignore_ascii_case("of") {
                return None;
            }
            (skip_ws(text, e2), false)
        }
        "in" => (skip_ws(text, e), true),
        _ => return None,
    };
    let (den, end) = if char_at(text, at).is_some_and(|c| c.is_ascii_digit()) {
        let n = super::numbers::digit_number(text, at).ok()?;
        if !n.plain {
            return None;
        }
        (n.value, n.end)
    } else {
        let n = super::numbers::word_number(text, at)?;
        if n.fraction {
            return None;
        }
        (n.value, n.end)
    };
    if den <= numerator || (strict && !plausible_denominator(den)) {
        return None;
    }
    // "2 in 10 minutes": a unit after the second number makes it no share.
    if units::unit_at(text, end, false).is_some() {
        return None;
    }
    Some((den, end))
}

/// Words after "times" that make it a multiplier ("18 times higher", "five times that of
/// glass", "300 times as potent"), not a count of occasions ("three times a week").
const MULTIPLIER_NEXT: &[&str] = &[
    "more", "less", "fewer", "as", "that", "those", "the", "what", "over", "higher", "lower",
    "greater", "larger", "bigger", "smaller", "faster", "slower", "likelier", "cheaper",
];

/// The end of a multiplier written after a number that ends at `pos`: glued "x" or "×"
/// ("3x", "7x more jobs"), "-fold" ("three-fold"), or "times" before a comparative.
pub(super) fn multiplier_end(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    let boundary = |at: usize| !text[at..].starts_with(|c: char| c.is_alphanumeric());
    for glued in ["x", "X", "\u{d7}"] {
        if rest.starts_with(glued) && boundary(pos + glued.len()) {
            return Some(pos + glued.len());
        }
    }
    for fold in ["-fold", "fold", "\u{2011}fold"] {
        if rest.len() >= fold.len()
            && rest.is_char_boundary(fold.len())
            && rest[..fold.len()].eq_ignore_ascii_case(fold)
            && boundary(pos + fold.len())
        {
            return Some(pos + fold.len());
        }
    }
    let (s, e) = next_word(text, pos)?;
    if s == pos || !text[s..e].eq_ignore_ascii_case("times") {
        return None;
    }
    let (a, b) = next_word(text, e)?;
    let w = text[a..b].to_lowercase();
    // Any other comparative in "-er" too, but not the prepositions and adverbs that end so.
    let comparative = w.len() > 4
        && w.ends_with("er")
        && !matches!(
            w.as_str(),
            "after" | "under" | "later" | "never" | "either" | "whether" | "other" | "together"
        );
    (MULTIPLIER_NEXT.contains(&w.as_str()) || comparative).then_some(e)
}

/// Adjectives of rank, size, importance or variety before a counted noun ("three main
/// segments", "several major deals", "two longtime friends"): they grade the items, not what
/// is counted, so they are read past like "more". Classifying adjectives ("commercial
/// carriers", "reciprocal exchanges") stay part of the noun.
const EVALUATIVE: &[&str] = &[
    "main",
    "major",
    "key",
    "important",
    "significant",
    "best",
    "biggest",
    "largest",
    "leading",
    "prominent",
    "promising",
    "innovative",
    "different",
    "various",
    "separate",
    "distinct",
    "focused",
    "notable",
    "big",
    "huge",
    "great",
    "small",
    "minor",
    "longtime",
    "qualifying",
    "potential",
    "possible",
    "likely",
    "so-called",
    "top",
    "core",
    "critical",
    "essential",
    "crucial",
];

/// Capitalised codes of countries, blocs and forces: before a counted noun they say whose
/// the things are, not what they are ("300 US troops").
const ACTOR_CODES: &[&str] = &[
    "US", "USA", "UK", "EU", "UN", "UAE", "NATO", "PRC", "DPRK", "ROK", "IDF", "PLA", "GCC",
    "OPEC", "ASEAN", "G7", "G20", "IMF", "WHO", "RSF", "ISIS", "IS", "SDF", "FSB", "CIA", "FBI",
];

/// The counted noun after a number: up to four words in the clause, skipping capitalised
/// words, keeping lower-case modifiers, ending at the first plural; stopping at function
/// words and punctuation. With `singular` ("one tank") the phrase ends at the last content
/// word before a stop.
pub(super) fn counted_noun(text: &str, pos: usize, singular: bool) -> Option<Noun> {
    let mut p = pos;
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut skipped = false;
    // Four words, the "and"/"or" between names not counted.
    let mut budget = 4;
    while budget > 0 {
        budget -= 1;
        let q = skip_ws(text, p);
        if q == p || !char_at(text, q).is_some_and(char::is_alphabetic) {
            break;
        }
        let mut e = compound_end(text, q);
        // "200 Fath-360 missiles", "12 Su-35 jets": a model's name with its number is one
        // name, read past as names are.
        if char_at(text, q).is_some_and(char::is_uppercase) && text[e..].starts_with('-') {
            let tail = text[e + 1..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(text.len(), |k| e + 1 + k);
            if text[e + 1..tail].chars().any(|c| c.is_ascii_digit()) {
                e = tail;
            }
        }
        let w = &text[q..e];
        if w.ends_with("'s") || w.ends_with("’s") || w.ends_with("n't") || w.ends_with("n’t") {
            break;
        }
        let lw = w.to_lowercase();
        // "seven more analysts", "two other ships", "500 new sanctions", "1.3 million total
        // posts": a comparative, or a word saying the items are added or summed, is read
        // past and is no part of the noun (what is counted is the same).
        if kept.is_empty()
            && !singular
            && (matches!(
                lw.as_str(),
                "more" | "fewer" | "other" | "new" | "additional" | "total" | "further" | "extra"
            ) || EVALUATIVE.contains(&lw.as_str()))
        {
            p = e;
            continue;
        }
        let first_upper = w.chars().next().is_some_and(char::is_uppercase);
        let all_caps = w.chars().all(|c| !c.is_lowercase());
        // "Chinese-made", "US-built": a modifier, not a proper name between.
        let made_by = first_upper
            && w.split_once(['-', '‑'])
                .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase));
        if made_by {
            p = e;
            continue;
        }
        // "352 million GHG sources", "dozens of AI companies", "30 billion connected IoT
        // devices", "200 NGOs": an acronym is part of what is counted, unless it names a
        // country or a body ("300 US troops", "20 NATO jets": whose, not what).
        let uppers = w.chars().filter(|c| c.is_uppercase()).count();
        let acronym = !singular
            && uppers >= 2
            && w.len() <= 5
            && w.chars().all(char::is_alphanumeric)
            && !ACTOR_CODES.contains(&w.trim_end_matches('s'));
        if acronym {
            kept.push((q, e));
            if w.ends_with('s') && lexicon::looks_plural(&lw) {
                return Some(noun_phrase(text, &kept, skipped, true));
            }
            p = e;
            continue;
        }
        // "1.5 million Gazans", "200 Israelis": people named by where they are from.
        if first_upper && !all_caps && !singular && lexicon::is_people_plural(w) {
            kept.push((q, e));
            return Some(noun_phrase(text, &kept, skipped, true));
        }
        // "21 Chinese and Hong Kong companies", "3 US or European lenders": names joined by
        // "and"/"or" before the noun say whose the things are, all of them.
        if skipped
            && kept.is_empty()
            && !singular
            && matches!(lw.as_str(), "and" | "or")
            && next_word(text, e).is_some_and(|(a, b)| {
                char_at(text, a).is_some_and(char::is_uppercase) && !lexicon::is_month(&text[a..b])
            })
        {
            budget += 1;
            p = e;
            continue;
        }
        if first_upper && !(all_caps && w.len() > 3 && lexicon::looks_plural(&lw)) {
            // "300 US troops": a country code in capitals is no pronoun "us".
            let code = all_caps && w.len() >= 2;
            if (lexicon::is_stop_word(&lw) && !code) || lexicon::is_month(w) {
                break;
            }
            skipped = true;
            p = e;
            continue;
        }
        if lexicon::is_stop_word(&lw) || lexicon::rate_adverb(&lw).is_some() {
            break;
        }
        // "30,000 dead", "12 injured", "200 missing": people named by what befell them, when
        // no noun follows ("30 dead soldiers" counts the soldiers).
        if kept.is_empty() && !singular && lexicon::is_people_adjective(&lw) {
            let noun_after = next_word(text, e).is_some_and(|(a, b)| {
                let n = text[a..b].to_lowercase();
                char_at(text, a).is_some_and(char::is_lowercase) && !lexicon::is_stop_word(&n)
            });
            if !noun_after {
                return Some(Noun {
                    unit: lw,
                    end: (!skipped).then_some(e),
                    phrase_end: e,
                });
            }
        }
        if singular {
            if lw.ends_with("ing") || lw.ends_with("ed") || lw.ends_with("ly") {
                break;
            }
            kept.push((q, e));
            p = e;
            continue;
        }
        kept.push((q, e));
        if lexicon::looks_plural(&lw) {
            return Some(noun_phrase(text, &kept, skipped, true));
        }
        p = e;
    }
    (singular && !kept.is_empty()).then(|| noun_phrase(text, &kept, skipped, false))
}

/// "Thirteen of the council's 15 members", "several of the newly listed firms", "two of its
/// ships": a part of a set named after "of" and a determiner counts the set's head noun
/// (`firm`: the words before it say which set, and the part is of its members). The set's
/// owner ("the council's") and size ("15") are read past; the span keeps to the number, so
/// that the set's own figure stays a figure. "nine of them", "several of these" name no noun
/// and count nothing; "ten of the best insurers", "two of the biggest platforms" rank
/// rather than count.
pub(super) fn partitive_noun(text: &str, end: usize) -> Option<Noun> {
    let (s, e) = next_word(text, end)?;
    if !text[s..e].eq_ignore_ascii_case("of") {
        return None;
    }
    let (s, e) = next_word(text, e)?;
    if !matches!(
        lower_word(text, s, e).as_str(),
        "the" | "these" | "those" | "its" | "their" | "our" | "his" | "her" | "your"
    ) {
        return None;
    }
    // A superlative after the determiner ranks: "ten of the best", "one of the largest".
    if let Some((s, e)) = next_word(text, e) {
        let w = lower_word(text, s, e);
        let superlative = matches!(w.as_str(), "best" | "worst" | "most" | "top" | "leading")
            || (w.len() >= 6
                && w.ends_with("est")
                && !matches!(
                    w.as_str(),
                    "interest"
                        | "forest"
                        | "protest"
                        | "harvest"
                        | "request"
                        | "contest"
                        | "arrest"
                        | "conquest"
                        | "modest"
                        | "honest"
                ));
        if superlative {
            return None;
        }
    }
    let mut p = e;
    for _ in 0..2 {
        let q = skip_ws(text, p);
        let w_end = text[q..]
            .find(char::is_whitespace)
            .map_or(text.len(), |k| q + k);
        let w = &text[q..w_end];
        let owner = w.len() > 2 && (w.ends_with("'s") || w.ends_with("’s"));
        let size = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ',');
        if !(owner || size) {
            break;
        }
        p = w_end;
    }
    let noun = counted_noun(text, p, false)?;
    let head = noun.unit.rsplit(' ').next().unwrap_or_default();
    Some(Noun {
        unit: head.to_string(),
        end: None,
        phrase_end: noun.phrase_end,
    })
}

fn noun_phrase(text: &str, kept: &[(usize, usize)], skipped: bool, plural: bool) -> Noun {
    let mut words: Vec<String> = kept
        .iter()
        .map(|&(s, e)| text[s..e].to_lowercase())
        .collect();
    if plural {
        if let Some(last) = words.last_mut() {
            *last = lexicon::singular(last);
        }
    }
    let phrase_end = kept.last().map_or(0, |k| k.1);
    Noun {
        unit: words.join(" "),
        end: (!skipped).then_some(phrase_end),
        phrase_end,
    }
}

/// A unit a rate may be stated per ("per kg", "a barrel", "/tonne"): a measure, not a
/// percentage or a currency.
fn divisor_unit(text: &str, pos: usize, word_only: bool) -> Option<Unit> {
    units::unit_at(text, pos, true)
        .filter(|u| u.kind == UnitKind::Measure && u.per.is_none() && (u.word || !word_only))
}

/// A rate right after the figure: "a month", "per day", "every year", "annually", "per unit",
/// "per capita", "per kg", "a barrel", "/hour", "year-on-year"; with `times`, also a
/// frequency ("four times a week").
pub(super) fn rate_adjacent(text: &str, pos: usize, times: bool) -> Option<(String, usize)> {
    if char_at(text, pos) == Some('/') {
        let s = pos + 1;
        let e = letters_end(text, s);
        if e == s || char_at(text, e).is_some_and(char::is_alphanumeric) {
            return None;
        }
        let w = lower_word(text, s, e);
        if let Some(p) = lexicon::period(&w).or_else(|| lexicon::period_abbreviation(&w)) {
            return Some((p.to_string(), e));
        }
        return divisor_unit(text, s, false).map(|u| (u.name.into_owned(), u.end));
    }
    let q = skip_ws(text, pos);
    if q == pos {
        return None;
    }
    if let Some((p, e)) = comparison(text, q) {
        return Some((p.to_string(), e));
    }
    let (s1, e1) = next_word(text, pos)?;
    let w1 = lower_word(text, s1, e1);
    if let Some(p) = lexicon::rate_adverb(&w1) {
        return Some((p.to_string(), e1));
    }
    if times && w1 == "times" {
        return rate_adjacent(text, e1, false).filter(|(p, _)| lexicon::period(p).is_some());
    }
    if !matches!(w1.as_str(), "a" | "an" | "per" | "every" | "each") {
        return None;
    }
    let (s2, e2) = next_word(text, e1)?;
    let w2 = lower_word(text, s2, e2);
    if let Some(p) = lexicon::period(&w2) {
        if matches!(w1.as_str(), "a" | "an") {
            let after = next_word(text, e2).map(|(s, e)| lower_word(text, s, e));
            // "a year on, prices...", "a year on from the crash" look back; "£1bn a year on
            // the programme" is a rate, what follows "on" being what is paid for.
            let on_relative = || {
                let on_end = next_word(text, e2).map_or(e2, |(_, e)| e);
                next_word(text, on_end).is_none_or(|(s, e)| {
                    matches!(lower_word(text, s, e).as_str(), "from" | "since")
                })
            };
            let relative = after.is_some_and(|a| {
                matches!(
                    a.as_str(),
                    "ago" | "earlier" | "later" | "before" | "after" | "prior" | "from"
                ) || (a == "on" && on_relative())
            });
            if relative {
                return None;
            }
        }
        return Some((p.to_string(), e2));
    }
    if w1 == "per" {
        if let Some(p) = lexicon::per_divisor(&w2) {
            return Some((p.to_string(), e2));
        }
    }
    if matches!(w1.as_str(), "a" | "an" | "per") {
        if let Some(u) = divisor_unit(text, e1, w1 != "per") {
            return Some((u.name.into_owned(), u.end));
        }
    }
    if w1 == "per" {
        let lower_case = char_at(text, s2).is_some_and(char::is_lowercase);
        if lower_case && !lexicon::is_stop_word(&w2) {
            let e = compound_end(text, s2);
            let w = text[s2..e].to_lowercase();
            let w = if lexicon::looks_plural(&w) {
                lexicon::singular(&w)
            } else {
                w
            };
            return Some((w, e));
        }
    }
    None
}

/// A comparison with the same period before, which states a rate per period:
/// "year-on-year", "year over year", "y/y", "month-on-month", "q/q".
fn comparison(text: &str, s: usize) -> Option<(&'static str, usize)> {
    for (phrase, period) in [
        ("year over year", "year"),
        ("y/y", "year"),
        ("m/m", "month"),
        ("q/q", "quarter"),
        ("w/w", "week"),
    ] {
        if let Some(e) = match_phrase(text, s, phrase, false) {
            return Some((period, e));
        }
    }
    let e = compound_end(text, s);
    let w = text[s..e].to_ascii_lowercase();
    lexicon::rate_adverb(&w)
        .filter(|_| w.contains('-') || w == "yoy")
        .map(|p| (p, e))
}

/// A rate further on in the same clause ("over $300 million worth of goods to Russia every
/// month"): up to ten words, no punctuation or other number crossed.
pub(super) fn rate_ahead(text: &str, pos: usize) -> Option<String> {
    let mut p = pos;
    let mut prev = String::new();
    for _ in 0..10 {
        let q = skip_ws(text, p);
        if !char_at(text, q).is_some_and(char::is_alphabetic) {
            return None;
        }
        let e = compound_end(text, q);
        let w = text[q..e].to_lowercase();
        let clause_end_after = |end: usize| {
            let n = skip_ws(text, end);
            !char_at(text, n).is_some_and(char::is_alphanumeric)
        };
        if matches!(w.as_str(), "every" | "each" | "per") {
            if let Some((s2, e2)) = next_word(text, e) {
                let w2 = lower_word(text, s2, e2);
                if let Some(period) = lexicon::period(&w2).or_else(|| lexicon::per_divisor(&w2)) {
                    return Some(period.to_string());
                }
            }
        }
        if matches!(w.as_str(), "a" | "an")
            && !matches!(
                prev.as_str(),
                "for"
                    | "in"
                    | "within"
                    | "over"
                    | "after"
                    | "about"
                    | "than"
                    | "once"
                    | "twice"
                    | "half"
                    | "nearly"
                    | "almost"
                    | "just"
                    | "only"
            )
        {
            if let Some((s2, e2)) = next_word(text, e) {
                if let Some(period) = lexicon::period(&lower_word(text, s2, e2)) {
                    if clause_end_after(e2) {
                        return Some(period.to_string());
                    }
                }
            }
        }
        if let Some(period) = lexicon::rate_adverb(&w) {
            if clause_end_after(e) {
                return Some(period.to_string());
            }
        }
        prev = w;
        p = e;
    }
    None
}

/// Inches written "in" after digits ("2 1/2 in thick", "2 in." closing the sentence): only
/// where the preposition could not stand, before a word of size or at the end.
pub(super) fn inch_at(text: &str, pos: usize) -> Option<Unit> {
    let q = skip_ws(text, pos);
    if q == pos {
        return None;
    }
    let e = match_phrase(text, q, "in", true)?;
    let ok = match char_at(text, e) {
        None => true,
        Some('.') => char_at(text, e + 1).is_none_or(char::is_whitespace),
        Some(';' | ')' | ']') => true,
        _ => next_word(text, e).is_some_and(|(s, w)| {
            matches!(
                lower_word(text, s, w).as_str(),
                "thick"
                    | "thin"
                    | "long"
                    | "wide"
                    | "tall"
                    | "high"
                    | "deep"
                    | "across"
                    | "diameter"
                    | "calibre"
                    | "caliber"
                    | "gun"
                    | "guns"
            )
        }),
    };
    ok.then_some(Unit {
        start: q,
        end: e,
        name: Cow::Borrowed("in"),
        kind: UnitKind::Measure,
        per: None,
        word: false,
    })
}

/// End of "-old" or " old" after a duration unit ("34-year-old", "six months old"): the
/// figure is an age. Ages keep the duration's name with `_of_age` ("year_of_age") so that no
/// reader takes a person's age for how long something lasted.
pub(super) fn age_end(text: &str, u: &Unit) -> Option<usize> {
    if !matches!(&*u.name, "year" | "month" | "week" | "day") || u.per.is_some() {
        return None;
    }
    let rest = text.get(u.end..)?;
    let skip = if rest.starts_with('-') {
        1
    } else {
        rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len()
    };
    let e = match_phrase(text, u.end + skip, "old", false)?;
    (skip > 0).then_some(e)
}
