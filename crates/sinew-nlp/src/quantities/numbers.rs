//! Numbers as written: digits with an exponent ("4e14", "2.48×10−5", "8x2^10"), fractions
//! ("1/40", "2 1/2", "⅓", "2½"), and numbers in words ("forty-two", "a hundred and two",
//! "three million, two hundred & forty", "two and a half", "two-thirds", "one sixth").
//! Fractions are flagged, so that "two-thirds" is never read as two; ordinals ("third" alone,
//! "21st") are never numbers.

use super::lexicon;
use super::scan::{char_at, letters_end, read_digits, skip_ws};

/// A number read from the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Num {
    pub(super) end: usize,
    pub(super) value: f64,
    /// A bare integer as written (no separators, decimals, exponent or fraction).
    pub(super) plain: bool,
    /// Digits written, for a bare integer.
    pub(super) len: usize,
    /// Digits after the decimal point.
    pub(super) decimals: usize,
    /// A fraction with no whole part ("1/4", "⅓", "two-thirds").
    pub(super) fraction: bool,
}

/// Unicode vulgar fractions.
pub(super) fn vulgar(c: char) -> Option<f64> {
    let v = match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        '⅑' => 1.0 / 9.0,
        '⅒' => 1.0 / 10.0,
        _ => return None,
    };
    Some(v)
}

/// A fraction written as a vulgar fraction character at `i`.
pub(super) fn vulgar_number(text: &str, i: usize) -> Option<Num> {
    let c = char_at(text, i)?;
    let value = vulgar(c)?;
    Some(Num {
        end: i + c.len_utf8(),
        value,
        plain: false,
        len: 0,
        decimals: 0,
        fraction: true,
    })
}

/// Slashed pairs that name something rather than divide ("9/11", "24/7").
fn is_named_pair(a: &str, b: &str) -> bool {
    matches!((a, b), ("9", "11") | ("7", "7") | ("24", "7") | ("4", "20"))
}

/// A number in digits at `i` (an ASCII digit). `Err(end)` for a run that is no number a
/// reader would quote (see [`read_digits`]).
pub(super) fn digit_number(text: &str, i: usize) -> Result<Num, usize> {
    let d = read_digits(text, i)?;
    let mut num = Num {
        end: d.end,
        value: d.value,
        plain: d.plain,
        len: d.len,
        decimals: d.decimals,
        fraction: false,
    };
    if d.plain {
        if let Some(f) = slashed_fraction(text, i, d.end) {
            return Ok(f);
        }
        // A whole number and a fraction: "2 1/2", "2½", "2 ½".
        let q = skip_ws(text, d.end);
        if q <= d.end + 1 {
            let frac = match char_at(text, q) {
                Some(c) if c.is_ascii_digit() && q > d.end => read_digits(text, q)
                    .ok()
                    .filter(|f| f.plain)
                    .and_then(|f| slashed_fraction(text, q, f.end)),
                Some(_) => vulgar_number(text, q),
                None => None,
            };
            if let Some(f) = frac {
                num.value += f.value;
                num.end = f.end;
                num.plain = false;
                return Ok(num);
            }
        }
    }
    if d.plain {
        // "1 and a half".
        if let Some((f, e)) = and_fraction(text, num.end) {
            num.value += f;
            num.end = e;
            num.plain = false;
            return Ok(num);
        }
    }
    if let Some((value, end)) = exponent(text, num.end, num.value) {
        num.value = value;
        num.end = end;
        num.plain = false;
    }
    if !num.value.is_finite() {
        return Err(num.end);
    }
    Ok(num)
}

/// "a/b" with `a` read from `i` to `a_end`: a proper fraction with a non-zero denominator,
/// not part of a date ("6/27/2024") or a name ("9/11").
fn slashed_fraction(text: &str, i: usize, a_end: usize) -> Option<Num> {
    if char_at(text, a_end) != Some('/') {
        return None;
    }
    let b = read_digits(text, a_end + 1).ok().filter(|b| b.plain)?;
    let after = char_at(text, b.end);
    if matches!(after, Some('/' | '.' | ',' | ':'))
        && char_at(text, b.end + 1).is_some_and(|c| c.is_ascii_digit())
        || after.is_some_and(char::is_alphanumeric)
        || is_named_pair(&text[i..a_end], &text[a_end + 1..b.end])
    {
        return None;
    }
    let a = text[i..a_end].parse::<f64>().ok()?;
    (b.value > 0.0 && a < b.value).then(|| Num {
        end: b.end,
        value: a / b.value,
        plain: false,
        len: 0,
        decimals: 0,
        fraction: true,
    })
}

/// An exponent after a mantissa ending at `end`: "e14", "e-3", "×10−5", "x 10^6", "x2^10",
/// "^6" after a bare 10. Returns the value and the new end.
fn exponent(text: &str, end: usize, mantissa: f64) -> Option<(f64, usize)> {
    let signed_int = |mut q: usize| -> Option<(i32, usize)> {
        let mut sign = 1;
        match char_at(text, q) {
            Some(c @ ('-' | '−')) => {
                sign = -1;
                q += c.len_utf8();
            }
            Some('+') => q += 1,
            _ => {}
        }
        let s = q;
        while char_at(text, q).is_some_and(|c| c.is_ascii_digit()) && q - s < 3 {
            q += 1;
        }
        if q == s || char_at(text, q).is_some_and(char::is_alphanumeric) {
            return None;
        }
        Some((sign * text[s..q].parse::<i32>().ok()?, q))
    };
    match char_at(text, end) {
        Some('e' | 'E') => {
            let (exp, q) = signed_int(end + 1)?;
            return Some((mantissa * 10f64.powi(exp), q));
        }
        Some('^') if mantissa >= 2.0 && mantissa.fract() == 0.0 => {
            let (exp, q) = signed_int(end + 1)?;
            return Some((mantissa.powi(exp), q));
        }
        _ => {}
    }
    // A product with a power: "×10−5", "x 10^6", "x2^10".
    let q = skip_ws(text, end);
    let times = char_at(text, q).filter(|c| matches!(c, '×' | 'x' | 'X' | '*' | '·'))?;
    let b = skip_ws(text, q + times.len_utf8());
    let base = read_digits(text, b)
        .ok()
        .filter(|d| d.plain && d.value >= 2.0)?;
    match char_at(text, base.end) {
        Some('^') => {
            let (exp, e) = signed_int(base.end + 1)?;
            Some((mantissa * base.value.powi(exp), e))
        }
        // "10−5", "10-5": only ten, and only signed, reads as a power without a caret.
        Some('-' | '−') if base.value == 10.0 => {
            let (exp, e) = signed_int(base.end)?;
            Some((mantissa * 10f64.powi(exp), e))
        }
        _ => None,
    }
}

/// A number in words at `i`.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordNum {
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) fraction: bool,
    /// A lone "one", which needs a unit or noun to be a figure ("one of them").
    pub(super) lone_one: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    None,
    Small,
    Tens,
    Hundred,
    Scale,
}

/// Denominator words: the fraction they make, and whether they are plural.
fn denominator(w: &str) -> Option<(f64, bool)> {
    let d = match w {
        "half" => (2.0, false),
        "halves" => (2.0, true),
        "third" => (3.0, false),
        "thirds" => (3.0, true),
        "quarter" | "fourth" => (4.0, false),
        "quarters" | "fourths" => (4.0, true),
        "fifth" => (5.0, false),
        "fifths" => (5.0, true),
        "sixth" => (6.0, false),
        "sixths" => (6.0, true),
        "seventh" => (7.0, false),
        "sevenths" => (7.0, true),
        "eighth" => (8.0, false),
        "eighths" => (8.0, true),
        "ninth" => (9.0, false),
        "ninths" => (9.0, true),
        "tenth" => (10.0, false),
        "tenths" => (10.0, true),
        "hundredth" => (100.0, false),
        "hundredths" => (100.0, true),
        "thousandth" => (1000.0, false),
        "thousandths" => (1000.0, true),
        _ => return None,
    };
    Some(d)
}

fn lower_at(text: &str, s: usize) -> (String, usize) {
    let e = letters_end(text, s);
    (text[s..e].to_ascii_lowercase(), e)
}

/// The word after spaces at `pos` (at least one space).
fn word_after(text: &str, pos: usize) -> Option<(String, usize, usize)> {
    let q = skip_ws(text, pos);
    if q == pos {
        return None;
    }
    let (w, e) = lower_at(text, q);
    (e > q).then_some((w, q, e))
}

fn scale_word(w: &str) -> Option<f64> {
    match w {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// A fraction after a numerator ending at `end` ("-thirds", " sixth"): numerator 1 takes a
/// singular denominator, others a plural one. Returns the denominator and its end.
fn fraction_after(text: &str, end: usize, numerator: f64) -> Option<(f64, usize)> {
    let s = match char_at(text, end) {
        Some('-') => end + 1,
        _ => {
            let q = skip_ws(text, end);
            if q == end {
                return None;
            }
            q
        }
    };
    let (w, e) = lower_at(text, s);
    let (d, plural) = denominator(&w)?;
    (plural == (numerator > 1.0)).then_some((d, e))
}

/// Does a phrase end at `end`: nothing but spaces before the end of the text or a mark that
/// closes a clause (".", ",", ";", ":", ")", a dash)?
fn ends_phrase(text: &str, end: usize) -> bool {
    text[end..]
        .trim_start_matches(' ')
        .chars()
        .next()
        .is_none_or(|c| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | ')' | '\n' | '\u{2014}' | '\u{2013}'
            )
        })
}

/// A fraction added to a whole number ending at `end`: " and a half", " and three
/// quarters". Returns the fraction and its end.
fn and_fraction(text: &str, end: usize) -> Option<(f64, usize)> {
    let (and, _, e1) = word_after(text, end)?;
    if and != "and" {
        return None;
    }
    let (n, _, e2) = word_after(text, e1)?;
    let numerator = match n.as_str() {
        "a" | "an" | "one" => 1.0,
        other => f64::from(lexicon::small_number(other)?),
    };
    let (d, e3) = fraction_after(text, e2, numerator)?;
    Some((numerator / d, e3))
}

/// A number in words at `i`; `None` when the words there make none.
pub(super) fn word_number(text: &str, i: usize) -> Option<WordNum> {
    let (w0, e0) = lower_at(text, i);
    let mut group = 0.0f64;
    let mut total = 0.0f64;
    let mut last_scale = f64::INFINITY;
    let mut prev = Prev::None;
    let mut pos = i;
    let mut end = i;
    let mut words = 0;
    if matches!(w0.as_str(), "a" | "an") {
        let (w1, s1, e1) = word_after(text, e0)?;
        if w1 == "hundred" || scale_word(&w1).is_some() {
            group = 1.0;
            prev = Prev::Small;
            pos = s1;
        } else if let Some((d, false)) = denominator(&w1) {
            // "a third of", "a quarter of": a fraction only before "of", or as the size of a
            // change ending its phrase ("cut by a fifth.", "rose by a third to £45bn"); "a
            // third party", "by a third round" are ordinals.
            let next = word_after(text, e1);
            let of = next.as_ref().is_some_and(|(w2, _, _)| w2 == "of");
            let by = super::scan::word_before(text, i, 0)
                .is_some_and(|(a, b)| text[a..b].eq_ignore_ascii_case("by"))
                && next.as_ref().is_none_or(|(w2, _, _)| {
                    matches!(
                        w2.as_str(),
                        "to" | "in" | "from" | "on" | "and" | "since" | "over" | "last" | "this"
                    )
                });
            // "rose to more than a third.", "roughly a quarter had reported terms": an amount
            // compared or hedged ("than", "roughly", "nearly") that ends its phrase or is the
            // subject of its verb is the share itself; "more than a third term", "about a
            // third round" are ordinals.
            let hedged = super::scan::word_before(text, i, 0).is_some_and(|(a, b)| {
                matches!(
                    text[a..b].to_ascii_lowercase().as_str(),
                    "than" | "roughly" | "about" | "nearly" | "almost" | "around" | "approximately"
                )
            });
            let verb_after = next.as_ref().is_some_and(|(w2, _, _)| {
                matches!(
                    w2.as_str(),
                    "is" | "was"
                        | "are"
                        | "were"
                        | "had"
                        | "have"
                        | "has"
                        | "said"
                        | "say"
                        | "says"
                )
            });
            let compared = hedged && (ends_phrase(text, e1) || verb_after);
            return (of || by || compared).then_some(WordNum {
                end: e1,
                value: 1.0 / d,
                fraction: true,
                lone_one: false,
            });
        } else {
            return None;
        }
    }
    loop {
        let (w, e) = lower_at(text, pos);
        if e == pos {
            break;
        }
        let small = if w == "zero" {
            Some(0)
        } else {
            lexicon::small_number(&w)
        };
        if let Some(n) = small {
            let ok = matches!(prev, Prev::None | Prev::Hundred | Prev::Scale)
                || (prev == Prev::Tens && (1..10).contains(&n));
            if !ok {
                break;
            }
            group += f64::from(n);
            prev = Prev::Small;
        } else if let Some(t) = lexicon::tens_number(&w) {
            if !matches!(prev, Prev::None | Prev::Hundred | Prev::Scale) {
                break;
            }
            group += f64::from(t);
            prev = Prev::Tens;
        } else if w == "hundred" {
            if prev != Prev::Small || !(1.0..10.0).contains(&group) {
                break;
            }
            group *= 100.0;
            prev = Prev::Hundred;
        } else if let Some(sc) = scale_word(&w) {
            if !matches!(prev, Prev::Small | Prev::Tens | Prev::Hundred) || sc >= last_scale {
                break;
            }
            total += group * sc;
            group = 0.0;
            last_scale = sc;
            prev = Prev::Scale;
        } else {
            break;
        }
        words += 1;
        end = e;
        // The joint to the next number word; it counts only if a number word follows.
        match char_at(text, e) {
            Some('-') if prev == Prev::Tens => pos = e + 1,
            Some(',') if prev == Prev::Scale => pos = skip_ws(text, e + 1),
            _ => {
                let q = skip_ws(text, e);
                if q == e {
                    break;
                }
                let joined = matches!(prev, Prev::Hundred | Prev::Scale);
                let (wq, eq) = lower_at(text, q);
                pos = if joined && (wq == "and" || char_at(text, q) == Some('&')) {
                    let after = if wq == "and" { eq } else { q + 1 };
                    let n = skip_ws(text, after);
                    if n == after {
                        break;
                    }
                    n
                } else {
                    q
                };
            }
        }
    }
    if words == 0 {
        return None;
    }
    let mut value = total + group;
    let no_scale = last_scale.is_infinite() && prev != Prev::Hundred;
    // "two-thirds", "one sixth", "three halves".
    if no_scale && (1.0..=10.0).contains(&value) {
        if let Some((d, e)) = fraction_after(text, end, value) {
            return Some(WordNum {
                end: e,
                value: value / d,
                fraction: true,
                lone_one: false,
            });
        }
    }
    // "two and a half", "one and three quarters".
    if value > 0.0 {
        if let Some((f, e)) = and_fraction(text, end) {
            value += f;
            end = e;
        }
    }
    Some(WordNum {
        end,
        value,
        fraction: false,
        lone_one: words == 1 && w0 == "one" && value == 1.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input, and the value, text and fraction flag expected.
    type Case = (&'static str, Option<(f64, &'static str, bool)>);

    #[test]
    fn digits() {
        let cases: &[Case] = &[
            ("4e14 s-1", Some((4e14, "4e14", false))),
            ("1e-3 W", Some((1e-3, "1e-3", false))),
            ("9.83e-3 +/-", Some((9.83e-3, "9.83e-3", false))),
            ("2.48×10−5,", Some((2.48e-5, "2.48×10−5", false))),
            ("8x2^10 bits", Some((8192.0, "8x2^10", false))),
            ("1.5 x 10^6", Some((1.5e6, "1.5 x 10^6", false))),
            ("10^9", Some((1e9, "10^9", false))),
            ("1/40 of", Some((0.025, "1/40", true))),
            ("2 1/2 in", Some((2.5, "2 1/2", false))),
            ("2½ cups", Some((2.5, "2½", false))),
            ("3/4", Some((0.75, "3/4", true))),
            ("1/0", Some((1.0, "1", false))),
            ("9/11 attacks", Some((9.0, "9", false))),
            ("6/27/2024", Some((6.0, "6", false))),
            ("2x4 planks", Some((2.0, "2", false))),
            ("3 x 4 m", Some((3.0, "3", false))),
            ("5e", Some((5.0, "5", false))),
            ("1 and a half cups", Some((1.5, "1 and a half", false))),
        ];
        for (t, want) in cases {
            let got = digit_number(t, 0)
                .ok()
                .map(|n| (n.value, &t[..n.end], n.fraction));
            match (got, want) {
                (Some((v, s, f)), Some((wv, ws, wf))) => {
                    assert!((v - wv).abs() <= 1e-9 * wv.abs().max(1.0), "{t}: {v}");
                    assert_eq!((s, f), (*ws, *wf), "{t}");
                }
                (g, w) => assert_eq!(g.is_some(), w.is_some(), "{t}"),
            }
        }
    }

    #[test]
    fn words() {
        let cases: &[Case] = &[
            ("forty-two men", Some((42.0, "forty-two", false))),
            ("twenty one guns", Some((21.0, "twenty one", false))),
            (
                "a hundred and two of",
                Some((102.0, "a hundred and two", false)),
            ),
            (
                "one hundred and two",
                Some((102.0, "one hundred and two", false)),
            ),
            (
                "three million, two hundred & forty, you",
                Some((3_000_240.0, "three million, two hundred & forty", false)),
            ),
            ("one thousand bytes", Some((1000.0, "one thousand", false))),
            (
                "two hundred thousand",
                Some((200_000.0, "two hundred thousand", false)),
            ),
            ("two and a half miles", Some((2.5, "two and a half", false))),
            (
                "one and a half million",
                Some((1.5, "one and a half", false)),
            ),
            ("two-thirds of", Some((2.0 / 3.0, "two-thirds", true))),
            ("two thirds of", Some((2.0 / 3.0, "two thirds", true))),
            ("one sixth.", Some((1.0 / 6.0, "one sixth", true))),
            ("three halves", Some((1.5, "three halves", true))),
            ("one-half miles", Some((0.5, "one-half", true))),
            ("a third of them", Some((1.0 / 3.0, "a third", true))),
            ("a third time", None),
            ("one second", Some((1.0, "one", false))),
            ("two third", Some((2.0, "two", false))),
            ("zero", Some((0.0, "zero", false))),
            ("ten two-year terms", Some((10.0, "ten", false))),
            ("a few", None),
            ("a million", Some((1e6, "a million", false))),
        ];
        for (t, want) in cases {
            let got = word_number(t, 0).map(|n| (n.value, &t[..n.end], n.fraction));
            match (got, want) {
                (Some((v, s, f)), Some((wv, ws, wf))) => {
                    assert!((v - wv).abs() <= 1e-9 * wv.abs().max(1.0), "{t}: {v}");
                    assert_eq!((s, f), (*ws, *wf), "{t}");
                }
                (g, w) => assert_eq!(g.is_some(), w.is_some(), "{t}: {g:?}"),
            }
        }
    }
}
