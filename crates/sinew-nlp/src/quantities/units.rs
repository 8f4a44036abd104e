//! The unit after a number. Where a unit may start, three readings are tried and the longest
//! kept: a phrase of the table in `lexicon.rs` (currencies, percentages, named units,
//! "degrees Celsius"), a unit name with an SI prefix ("nanometers", "kilowatt-hours",
//! "gigaannum"), and a symbol expression ("mGy", "km/h", "J/m^2", "s-1", "fb−1", "km³",
//! "J·s", "Js"). "square", "sq" or "cubic" before a length and "squared" or "cubed" after it
//! give its power.
//!
//! Canonical names: ISO 4217 codes for money, `percent`, SI symbols with their prefix
//! (`mGy`, `TeV`, `KiB`), powers as digits (`km2`, `m3`), quotients with `/` and products
//! with `·` (`km/s2`, `1/s`, `J·s`), and durations standing alone as words (`second`,
//! `hour`), since the claims stage and the times layer read those.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::lexicon::{
    UnitKind, BASE_SYMBOLS, ISO_CODES, NAME_PREFIXES, PREFIXED_NAMES, SYMBOL_PREFIXES, UNITS,
};
use super::scan::{char_at, match_phrase, skip_ws};

/// A unit read after a number.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) name: Cow<'static, str>,
    pub(super) kind: UnitKind,
    /// The rate the phrase carries ("barrels per day").
    pub(super) per: Option<&'static str>,
    /// Written as a word ("gallon"), which "a" may count ("a gallon").
    pub(super) word: bool,
}

/// The unit after a number that ends at `pos`: glued to it (when `glued_ok`, or a percent or
/// degree sign), after spaces, or after a hyphen ("20-year", "27-kilometer").
pub(super) fn unit_at(text: &str, pos: usize, glued_ok: bool) -> Option<Unit> {
    let sign = matches!(char_at(text, pos), Some('%' | '％' | '°' | 'º'));
    if glued_ok || sign {
        if let Some(u) = unit_from(text, pos, true) {
            return Some(u);
        }
    }
    let q = skip_ws(text, pos);
    if q > pos {
        if let Some(u) = unit_from(text, q, false) {
            return Some(u);
        }
    }
    if char_at(text, pos) == Some('-') && char_at(text, pos + 1).is_some_and(char::is_alphabetic) {
        return unit_from(text, pos + 1, false);
    }
    None
}

/// The longest unit starting exactly at `s`; none where the word goes on as a contraction
/// ("won’t") or a symbol takes an apostrophe ("the 5 V's of big data").
fn unit_from(text: &str, s: usize, glued: bool) -> Option<Unit> {
    let u = unit_from_any(text, s, glued)?;
    // "p" is pence only glued to the digits ("50p"); spaced it is a page or a letter.
    if u.name == "penny" && !u.word && !glued {
        return None;
    }
    if let Some(a @ ('\'' | '’')) = char_at(text, u.end) {
        let next = char_at(text, u.end + a.len_utf8());
        let possessive = next.is_some_and(|c| c == 's') || !next.is_some_and(char::is_alphabetic);
        if !possessive || (!u.word && next.is_some_and(char::is_alphabetic)) {
            return None;
        }
    }
    Some(u)
}

fn unit_from_any(text: &str, s: usize, glued: bool) -> Option<Unit> {
    let mut best = simple_unit(text, s, glued);
    for (word, power) in [("square", '2'), ("sq", '2'), ("cubic", '3'), ("cu", '3')] {
        let Some(e) = match_phrase(text, s, word, false) else {
            continue;
        };
        let q = skip_ws(text, e);
        if q == e {
            continue;
        }
        if let Some(u) = simple_unit(text, q, false).filter(|u| is_length(&u.name)) {
            if best.as_ref().is_none_or(|b| u.end > b.end) {
                best = Some(Unit {
                    start: s,
                    ..powered(u, power)
                });
            }
        }
    }
    let mut u = best?;
    if is_length(&u.name) {
        let q = skip_ws(text, u.end);
        for (word, power) in [("squared", '2'), ("cubed", '3')] {
            if q > u.end {
                if let Some(e) = match_phrase(text, q, word, false) {
                    u = Unit {
                        start: s,
                        end: e,
                        ..powered(u, power)
                    };
                    break;
                }
            }
        }
    }
    Some(u)
}

/// Lengths, which "square" and "cubic" apply to.
pub(super) fn is_length(name: &str) -> bool {
    matches!(
        name,
        "m" | "km" | "cm" | "mm" | "dm" | "µm" | "nm" | "mi" | "ft" | "in" | "yd" | "nmi"
    )
}

fn powered(u: Unit, power: char) -> Unit {
    Unit {
        name: Cow::Owned(format!("{}{power}", u.name)),
        word: false,
        ..u
    }
}

/// The table's entries by the byte they can start with (both cases where case does not
/// matter), built once.
static BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    let mut by = vec![Vec::new(); 256];
    for (k, e) in UNITS.iter().enumerate() {
        let b = e.phrase.as_bytes()[0];
        by[usize::from(b)].push(k);
        if !e.case_sensitive && b.is_ascii_alphabetic() {
            let other = if b.is_ascii_lowercase() {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            };
            by[usize::from(other)].push(k);
        }
    }
    by
});

/// The longest of the three readings at `s`, the table's on a tie.
fn simple_unit(text: &str, s: usize, glued: bool) -> Option<Unit> {
    let mut best: Option<Unit> = None;
    let mut consider = |u: Unit| {
        if best.as_ref().is_none_or(|b| u.end > b.end) {
            best = Some(u);
        }
    };
    let first = text.as_bytes().get(s)?;
    // Most words after a number are no unit: only the entries that can start with this byte
    // are tried, in the table's order.
    for &k in &BY_FIRST_BYTE[usize::from(*first)] {
        let e = &UNITS[k];
        if let Some(end) = match_phrase(text, s, e.phrase, e.case_sensitive) {
            consider(Unit {
                start: s,
                end,
                name: Cow::Borrowed(e.unit),
                kind: e.kind,
                per: e.per,
                word: e.word,
            });
        }
    }
    if first.is_ascii_uppercase() {
        for code in ISO_CODES {
            if let Some(end) = match_phrase(text, s, code, true) {
                consider(Unit {
                    start: s,
                    end,
                    name: Cow::Borrowed(code),
                    kind: UnitKind::Money,
                    per: None,
                    word: false,
                });
            }
        }
    }
    if let Some(u) = prefixed_name(text, s) {
        consider(u);
    }
    if let Some(u) = symbol_expr(text, s, glued) {
        consider(u);
    }
    best
}

/// A unit name with an SI prefix: "nanometers", "kilowatt-hours", "gigaannum", "kibibyte".
fn prefixed_name(text: &str, s: usize) -> Option<Unit> {
    let rest = text.get(s..)?;
    let mut best: Option<Unit> = None;
    for &(p, psym) in NAME_PREFIXES {
        let starts = rest
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p));
        if !starts {
            continue;
        }
        for &(name, bsym) in PREFIXED_NAMES {
            let binary = psym.ends_with('i');
            if binary && !matches!(bsym, "B" | "bit") {
                continue;
            }
            if bsym == "a" && !matches!(psym, "k" | "M" | "G") {
                continue;
            }
            if let Some(end) = match_phrase(text, s + p.len(), name, false) {
                if best.as_ref().is_none_or(|b| end > b.end) {
                    best = Some(Unit {
                        start: s,
                        end,
                        name: Cow::Owned(format!("{psym}{bsym}")),
                        kind: UnitKind::Measure,
                        per: None,
                        word: true,
                    });
                }
            }
        }
        break;
    }
    best
}

/// End of a run of the letters unit symbols are written with.
fn symbol_letters_end(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if c.is_ascii_alphabetic() || matches!(c, 'µ' | 'μ' | 'Ω') {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// One symbol read from a run of letters.
struct Symbol {
    canon: String,
    /// May stand alone as the whole unit.
    alone: bool,
    /// A duration symbol without prefix ("s", "min", "h"), named when it stands alone.
    duration: Option<&'static str>,
    end: usize,
}

/// The symbol at `p`: the whole run of letters is a prefix and a base ("mGy", "KiB"), or two
/// bases written together ("Js", "cds", "Nm").
fn symbol_at(text: &str, p: usize) -> Option<Symbol> {
    let end = symbol_letters_end(text, p);
    if end == p {
        return None;
    }
    let run = &text[p..end];
    for b in BASE_SYMBOLS {
        let Some(pre) = run.strip_suffix(b.sym) else {
            continue;
        };
        if pre.is_empty() {
            let duration = match b.sym {
                "s" => Some("second"),
                "min" => Some("minute"),
                "h" => Some("hour"),
                _ => None,
            };
            return Some(Symbol {
                canon: b.canon.to_string(),
                alone: b.bare,
                duration,
                end,
            });
        }
        if b.prefixes.contains(&pre) {
            let canon_pre = SYMBOL_PREFIXES
                .iter()
                .find(|(w, _)| *w == pre)
                .map_or(pre, |(_, c)| c);
            return Some(Symbol {
                canon: format!("{canon_pre}{}", b.canon),
                alone: true,
                duration: None,
                end,
            });
        }
    }
    // Two symbols without the dot: a capitalised unit (or candela) times seconds or metres.
    for first in ["J", "N", "W", "V", "Pa", "cd", "Ω"] {
        if let Some(second) = run.strip_prefix(first) {
            if matches!(second, "s" | "m") {
                return Some(Symbol {
                    canon: format!("{first}·{second}"),
                    alone: true,
                    duration: None,
                    end,
                });
            }
        }
    }
    None
}

/// A power after a symbol: "^2", "^-1", "2" or "3" glued, "-1" or "−1", "²", "³", "⁻¹".
fn power_at(text: &str, p: usize) -> (i32, usize) {
    let digit = |i: usize| {
        char_at(text, i)
            .and_then(|c| c.to_digit(10))
            .map(|d| (d as i32, i + 1))
    };
    let boundary = |i: usize| !char_at(text, i).is_some_and(char::is_alphanumeric);
    match char_at(text, p) {
        Some('^') => {
            let mut q = p + 1;
            let mut sign = 1;
            if let Some(c @ ('-' | '−')) = char_at(text, q) {
                sign = -1;
                q += c.len_utf8();
            }
            match digit(q) {
                Some((d, e)) if d > 0 && boundary(e) => (sign * d, e),
                _ => (1, p),
            }
        }
        Some('²') => (2, p + '²'.len_utf8()),
        Some('³') => (3, p + '³'.len_utf8()),
        Some('⁻') => {
            let q = p + '⁻'.len_utf8();
            match char_at(text, q) {
                Some(c @ '¹') => (-1, q + c.len_utf8()),
                Some(c @ '²') => (-2, q + c.len_utf8()),
                Some(c @ '³') => (-3, q + c.len_utf8()),
                _ => (1, p),
            }
        }
        Some(c @ ('-' | '−')) => match digit(p + c.len_utf8()) {
            Some((d @ 1..=3, e)) if boundary(e) && char_at(text, e) != Some('.') => (-d, e),
            _ => (1, p),
        },
        Some('2' | '3') if boundary(p + 1) => (digit(p).map_or(1, |d| d.0), p + 1),
        _ => (1, p),
    }
}

/// A power written as a bare digit ("km2", "s2") is read only after lengths and seconds:
/// "V2" or "A4" after a number is a model name.
fn bare_digit_power(text: &str, p: usize, canon: &str) -> bool {
    char_at(text, p).is_some_and(|c| c.is_ascii_digit()) && !(is_length(canon) || canon == "s")
}

/// A symbol expression at `s`: terms with powers, joined by `/` (what follows divides) or
/// `·` and `*` (products).
fn symbol_expr(text: &str, s: usize, glued: bool) -> Option<Unit> {
    let mut num: Vec<(String, i32)> = Vec::new();
    let mut den: Vec<(String, i32)> = Vec::new();
    let mut p = s;
    let mut in_den = false;
    let mut end = s;
    let mut first: Option<(bool, Option<&'static str>, i32)> = None;
    while let Some(sym) = symbol_at(text, p) {
        let (power, e) = power_at(text, sym.end);
        let model_name = bare_digit_power(text, sym.end, &sym.canon);
        // Every term of a compound must be a unit on its own: "N/A" is no newton per ampere.
        if model_name || char_at(text, e).is_some_and(char::is_alphanumeric) || !sym.alone {
            if first.is_none() && !sym.alone && !model_name {
                // A lone symbol that needs a prefix: still none.
                return None;
            }
            break;
        }
        first.get_or_insert((sym.alone, sym.duration, power));
        if in_den != (power < 0) {
            den.push((sym.canon, power.abs()));
        } else {
            num.push((sym.canon, power.abs()));
        }
        end = e;
        match char_at(text, e) {
            Some('/') => {
                in_den = true;
                p = e + 1;
            }
            Some(c @ ('·' | '⋅' | '*')) => p = e + c.len_utf8(),
            _ => break,
        }
    }
    let (alone, duration, power) = first?;
    let single = num.len() + den.len() == 1;
    if single && power == 1 {
        if !alone {
            return None;
        }
        // "1990s", "80s": a decade, not seconds.
        if glued && duration == Some("second") {
            return None;
        }
        if let Some(d) = duration {
            return Some(Unit {
                start: s,
                end,
                name: Cow::Borrowed(d),
                kind: UnitKind::Measure,
                per: None,
                word: false,
            });
        }
    }
    let join = |v: &[(String, i32)]| {
        v.iter()
            .map(|(c, p)| if *p > 1 { format!("{c}{p}") } else { c.clone() })
            .collect::<Vec<_>>()
            .join("·")
    };
    let name = match (num.is_empty(), den.is_empty()) {
        (false, true) => join(&num),
        (true, false) => format!("1/{}", join(&den)),
        (false, false) => format!("{}/{}", join(&num), join(&den)),
        (true, true) => return None,
    };
    Some(Unit {
        start: s,
        end,
        name: Cow::Owned(name),
        kind: UnitKind::Measure,
        per: None,
        word: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(t: &str) -> Option<(String, &str)> {
        unit_at(t, 0, true).map(|u| (u.name.into_owned(), &t[..u.end]))
    }

    #[test]
    fn units_read_after_numbers() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (" km/h", Some(("km/h", " km/h"))),
            (" mGy.", Some(("mGy", " mGy"))),
            (" TeV", Some(("TeV", " TeV"))),
            (" nanometers,", Some(("nm", " nanometers"))),
            (" kilowatt-hours", Some(("kWh", " kilowatt-hours"))),
            ("km^3,", Some(("km3", "km^3"))),
            (" cubic kilometers", Some(("km3", " cubic kilometers"))),
            (" km squared", Some(("km2", " km squared"))),
            (" sq mi)", Some(("mi2", " sq mi"))),
            (" s-1", Some(("1/s", " s-1"))),
            (" fb−1 in", Some(("1/fb", " fb−1"))),
            (" km/s2", Some(("km/s2", " km/s2"))),
            (" J/m^2 per", Some(("J/m2", " J/m^2"))),
            (" W/min,", Some(("W/min", " W/min"))),
            (" Js l", Some(("J·s", " Js"))),
            ("cds in", Some(("cd·s", "cds"))),
            ("Ga)", Some(("Ga", "Ga"))),
            (" Ma ago", Some(("Ma", " Ma"))),
            (" gigaannum", Some(("Ga", " gigaannum"))),
            (" kibibyte", Some(("KiB", " kibibyte"))),
            (" KB", Some(("kB", " KB"))),
            (" degrees Celsius", Some(("°C", " degrees Celsius"))),
            (" °C", Some(("°C", " °C"))),
            ("°F", Some(("°F", "°F"))),
            (" hrs.", Some(("hour", " hrs"))),
            (" min", Some(("minute", " min"))),
            (" ms", Some(("ms", " ms"))),
            (" tpd.", Some(("t", " tpd"))),
            ("lbs)", Some(("lb", "lbs"))),
            (" L of", Some(("l", " L"))),
            (" cl bottle", Some(("cl", " cl"))),
            ("-meter", Some(("m", "-meter"))),
            ("s", None),
            ("st", None),
            ("G", None),
            (" as well", None),
            (" at noon", None),
            (" A", None),
            (" N", None),
            (" B", None),
            (" Mg", None),
            (" kmx", None),
        ];
        for (t, want) in cases {
            let got = read(t);
            let want = want.map(|(n, s)| (n.to_string(), s));
            assert_eq!(got, want, "{t:?}");
        }
    }
}
