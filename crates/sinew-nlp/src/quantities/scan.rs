//! Low-level reading of the text around a figure: characters, spaces, words and digit runs,
//! all by byte offset and never off a char boundary.

/// The char starting at byte `i`, if `i` is a boundary inside the text.
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The char ending at byte `i`.
pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Spaces inside a line (a figure never continues across a line break).
pub(super) fn is_inline_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// First byte at or after `i` that is not an inline space.
pub(super) fn skip_ws(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if !is_inline_ws(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// First byte of the run of inline spaces ending at `i`.
pub(super) fn skip_ws_back(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(text, i) {
        if !is_inline_ws(c) {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// End of the run of letters starting at `i`.
pub(super) fn letters_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    if !text.is_char_boundary(i) {
        return i;
    }
    while let Some(&b) = bytes.get(i) {
        // ASCII is most of the text: no char decoding for it.
        if b.is_ascii() {
            if !b.is_ascii_alphabetic() {
                break;
            }
            i += 1;
            continue;
        }
        match char_at(text, i) {
            Some(c) if c.is_alphabetic() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// Start of the run of letters ending at `i`.
pub(super) fn letters_start(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(text, i) {
        if !c.is_alphabetic() {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// End of a word starting at `i` whose parts may be joined by a hyphen or an apostrophe
/// ("dual-use", "Russia's").
pub(super) fn compound_end(text: &str, i: usize) -> usize {
    let mut end = letters_end(text, i);
    while end > i {
        match char_at(text, end) {
            Some(c @ ('-' | '\'' | '’')) => {
                let next = end + c.len_utf8();
                if char_at(text, next).is_some_and(char::is_alphabetic) {
                    end = letters_end(text, next);
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    end
}

/// The word (letters only) that ends at `i` after inline spaces, if it starts at or after
/// `floor`. At least one space must separate it from `i` unless `i` is a letter boundary.
pub(super) fn word_before(text: &str, i: usize, floor: usize) -> Option<(usize, usize)> {
    let end = skip_ws_back(text, i);
    let start = letters_start(text, end);
    (start < end && start >= floor).then_some((start, end))
}

/// Lower-cases a short ASCII word into `buf`; `None` for long or non-ASCII words, which no
/// word list holds.
pub(super) fn lower_small<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).ok()
}

/// Does `phrase` start at `i`? A space in the phrase matches one or more inline spaces; a
/// phrase ending in a letter or digit must end at a word boundary. Returns the end.
pub(super) fn match_phrase(
    text: &str,
    i: usize,
    phrase: &str,
    case_sensitive: bool,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut t = i;
    for &p in phrase.as_bytes() {
        if p == b' ' {
            let after = skip_ws(text, t);
            if after == t {
                return None;
            }
            t = after;
            continue;
        }
        let b = *bytes.get(t)?;
        let same = if case_sensitive {
            b == p
        } else {
            b.eq_ignore_ascii_case(&p)
        };
        if !same {
            return None;
        }
        t += 1;
    }
    if !text.is_char_boundary(t) {
        return None;
    }
    let last_alnum = phrase
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    if last_alnum && char_at(text, t).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(t)
}

/// Does `phrase` end exactly at `i` (case-sensitive), not glued to letters before it?
pub(super) fn phrase_ends_at(text: &str, i: usize, phrase: &str) -> Option<usize> {
    let start = i.checked_sub(phrase.len())?;
    if text.get(start..i)? != phrase {
        return None;
    }
    let first_alnum = phrase.chars().next().is_some_and(char::is_alphanumeric);
    if first_alnum && char_before(text, start).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(start)
}

/// A digit run read as a number.
#[derive(Debug, Clone, Copy)]
pub(super) struct Digits {
    pub(super) end: usize,
    pub(super) value: f64,
    /// Written as a bare integer, without separators or decimals.
    pub(super) plain: bool,
    /// Number of digits written.
    pub(super) len: usize,
    /// Digits after the decimal point.
    pub(super) decimals: usize,
}

/// A space grouping thousands: a no-break or thin space, or a plain space before exactly
/// three digits ("10 000").
fn thin_sep(text: &str, i: usize) -> Option<usize> {
    match char_at(text, i)? {
        c @ ('\u{a0}' | '\u{202f}' | '\u{2009}') => Some(c.len_utf8()),
        ' ' => {
            let b = text.as_bytes();
            let three = b
                .get(i + 1..i + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit));
            let fourth = b.get(i + 4).is_some_and(u8::is_ascii_digit);
            (three && !fourth).then_some(1)
        }
        _ => None,
    }
}

/// Reads the number written at `i` (which holds an ASCII digit): thousands separated by
/// commas ("6,700"), dots ("1.234.567") or thin spaces, and a decimal part. `Err(end)` when
/// the run is not a number a reader would quote (a version "1.2.3", an IP address, a code of
/// more than fifteen digits); `end` is where the run stops.
pub(super) fn read_digits(text: &str, i: usize) -> Result<Digits, usize> {
    let bytes = text.as_bytes();
    let digits_end = |mut j: usize| {
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let first_end = digits_end(i);
    // Groups after the first: (separator byte or b' ' for thin spaces, start, end).
    let mut groups: Vec<(u8, usize, usize)> = Vec::new();
    let mut j = first_end;
    loop {
        let (sep, width) = match bytes.get(j) {
            Some(b',') => (b',', 1),
            Some(b'.') => (b'.', 1),
            _ => match thin_sep(text, j) {
                Some(w) => (b' ', w),
                None => break,
            },
        };
        let s = j + width;
        if !bytes.get(s).is_some_and(u8::is_ascii_digit) {
            break;
        }
        let e = digits_end(s);
        groups.push((sep, s, e));
        j = e;
        if groups.len() > 12 {
            return Err(j);
        }
    }
    let run_end = j;
    let first_len = first_end - i;
    let three = |g: &(u8, usize, usize)| g.2 - g.1 == 3;

    // Decide how far the number goes and which separator groups thousands.
    let mut clean = String::with_capacity(run_end - i);
    clean.push_str(&text[i..first_end]);
    let mut end = first_end;
    let mut plain = groups.is_empty();
    let mut dec_sep: Option<u8> = None;
    let mut thou_sep: Option<u8> = None;
    for (k, g) in groups.iter().enumerate() {
        let (sep, s, e) = *g;
        let digits = &text[s..e];
        if dec_sep.is_some() {
            // Nothing may follow a decimal part: "1.2.3" is a version.
            return Err(run_end);
        }
        let groups_thousands = first_len <= 3 && three(g);
        match (sep, thou_sep) {
            (b',', None | Some(b',')) if groups_thousands => {
                thou_sep = Some(b',');
                clean.push_str(digits);
            }
            (b' ', None | Some(b' ')) if groups_thousands => {
                thou_sep = Some(b' ');
                clean.push_str(digits);
            }
            (b'.', None) => {
                // "1.234.567" groups thousands with dots; a lone dot is a decimal point.
                let more_dots = groups[k + 1..].iter().any(|h| h.0 == b'.');
                let euro_decimal_next = groups.get(k + 1).is_some_and(|h| h.0 == b',');
                if groups_thousands && (more_dots || euro_decimal_next) {
                    thou_sep = Some(b'.');
                    clean.push_str(digits);
                } else if more_dots {
                    return Err(run_end);
                } else {
                    dec_sep = Some(b'.');
                    clean.push('.');
                    clean.push_str(digits);
                }
            }
            (b'.', Some(b'.')) if groups_thousands => clean.push_str(digits),
            (b'.', Some(b',' | b' ')) => {
                dec_sep = Some(b'.');
                clean.push('.');
                clean.push_str(digits);
            }
            (b',', Some(b'.')) => {
                dec_sep = Some(b',');
                clean.push('.');
                clean.push_str(digits);
            }
            _ if thou_sep == Some(b'.') => return Err(run_end),
            _ => {
                // "3,5" or "1,23": the number stops before the separator.
                let end = if k == 0 { first_end } else { groups[k - 1].2 };
                return finish(&clean, end, k == 0, first_len);
            }
        }
        end = e;
        plain = false;
    }
    if thou_sep == Some(b'.') && groups.iter().any(|g| g.0 == b'.' && !three(g)) {
        return Err(run_end);
    }
    finish(&clean, end, plain, first_len)
}

fn finish(clean: &str, end: usize, plain: bool, first_len: usize) -> Result<Digits, usize> {
    let len = clean.bytes().filter(u8::is_ascii_digit).count();
    if len > 15 {
        return Err(end);
    }
    let decimals = clean.split_once('.').map_or(0, |(_, d)| d.len());
    match clean.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Digits {
            end,
            value,
            plain,
            len: if plain { first_len } else { len },
            decimals,
        }),
        _ => Err(end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers() {
        let cases: &[(&str, Option<(f64, &str)>)] = &[
            ("6,700 containers", Some((6700.0, "6,700"))),
            ("4.8 million", Some((4.8, "4.8"))),
            ("1.234.567 euros", Some((1234567.0, "1.234.567"))),
            ("1.234,5 t", Some((1234.5, "1.234,5"))),
            ("1,234.56", Some((1234.56, "1,234.56"))),
            ("2023.", Some((2023.0, "2023"))),
            ("3,5 and", Some((3.0, "3"))),
            ("1,2,3", Some((1.0, "1"))),
            ("10\u{a0}000 t", Some((10000.0, "10\u{a0}000"))),
            ("1.2.3", None),
            ("192.168.0.1", None),
            ("28772201448661051630", None),
        ];
        for (t, want) in cases {
            let got = read_digits(t, 0).ok().map(|d| (d.value, &t[..d.end]));
            assert_eq!(got, *want, "{t}");
        }
    }

    #[test]
    fn phrases() {
        assert_eq!(match_phrase("per  cent.", 0, "per cent", false), Some(9));
        assert_eq!(match_phrase("mmx", 0, "mm", false), None);
        assert_eq!(match_phrase("Dollars", 0, "dollars", false), Some(7));
        assert_eq!(phrase_ends_at("a US$", 5, "US$"), Some(2));
        assert_eq!(phrase_ends_at("aUS$", 4, "US$"), None);
    }
}
