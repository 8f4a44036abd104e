//! Character references (`&amp;`, `&#8217;`, `&rsquo;`) as the HTML standard decodes them.
//! Named references are looked up in quick-xml's table of the HTML5 names.

use std::borrow::Cow;

use encoding_rs::WINDOWS_1252;
use memchr::memchr;
use quick_xml::escape::resolve_html5_entity;

/// The longest name in the HTML5 table is 31 characters.
const MAX_NAME: usize = 32;

/// Appends `raw` to `out` with character references decoded (text content rules).
pub(crate) fn decode_into(raw: &str, out: &mut String) {
    decode(raw, out, false);
}

/// An attribute value with character references decoded.
pub(crate) fn decode_attr(raw: &str) -> Cow<'_, str> {
    decoded(raw, true)
}

/// A text value (for metadata read from JSON or attributes that may hold escaped markup).
pub(crate) fn decode_str(raw: &str) -> Cow<'_, str> {
    decoded(raw, false)
}

fn decoded(raw: &str, in_attr: bool) -> Cow<'_, str> {
    if memchr(b'&', raw.as_bytes()).is_none() {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    decode(raw, &mut out, in_attr);
    Cow::Owned(out)
}

fn decode(raw: &str, out: &mut String, in_attr: bool) {
    let bytes = raw.as_bytes();
    let mut pos = 0;
    while let Some(off) = memchr(b'&', &bytes[pos..]) {
        let amp = pos + off;
        out.push_str(&raw[pos..amp]);
        match reference(raw, amp + 1, in_attr) {
            Some((decoded, len)) => {
                out.push_str(&decoded);
                pos = amp + 1 + len;
            }
            None => {
                out.push('&');
                pos = amp + 1;
            }
        }
    }
    out.push_str(&raw[pos..]);
}

/// The reference starting at `at` (just after `&`): what it stands for and how many bytes
/// it takes, `;` included.
fn reference(raw: &str, at: usize, in_attr: bool) -> Option<(Cow<'static, str>, usize)> {
    let bytes = raw.as_bytes();
    if bytes.get(at) == Some(&b'#') {
        return numeric(bytes, at + 1).map(|(c, len)| (Cow::Owned(c.to_string()), len + 1));
    }
    let run = bytes[at..]
        .iter()
        .take(MAX_NAME)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if run == 0 {
        return None;
    }
    let name = &raw[at..at + run];
    if bytes.get(at + run) == Some(&b';') {
        if let Some(s) = resolve_html5_entity(name) {
            return Some((Cow::Borrowed(s), run + 1));
        }
    }
    // Without a semicolon only the old Latin-1 names count, the longest that fits; in an
    // attribute not when a letter, digit or '=' follows ("?a=1&copy=2" is a URL).
    for len in (2..=run.min(8)).rev() {
        let Some(s) = resolve_html5_entity(&raw[at..at + len]) else {
            continue;
        };
        if !is_legacy(s) {
            continue;
        }
        let next = bytes.get(at + len).copied();
        if in_attr && next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'=') {
            return None;
        }
        return Some((Cow::Borrowed(s), len));
    }
    None
}

/// The names that may stand without `;` are those of `&`, `<`, `>`, `"` and Latin-1.
fn is_legacy(s: &str) -> bool {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => matches!(c, '&' | '<' | '>' | '"') || ('\u{a0}'..='\u{ff}').contains(&c),
        _ => false,
    }
}

/// `123;` or `x7B;` after `&#`: the character and the bytes taken.
fn numeric(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let hex = matches!(bytes.get(at), Some(b'x' | b'X'));
    let digits_at = at + usize::from(hex);
    let radix = if hex { 16 } else { 10 };
    let mut value: u32 = 0;
    let mut n = 0;
    while let Some(d) = bytes
        .get(digits_at + n)
        .and_then(|&b| (b as char).to_digit(radix))
    {
        value = value.saturating_mul(radix).saturating_add(d);
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let mut len = usize::from(hex) + n;
    if bytes.get(digits_at + n) == Some(&b';') {
        len += 1;
    }
    let c = match value {
        0 => '\u{fffd}',
        0x80..=0x9f => {
            let byte = [value as u8];
            WINDOWS_1252
                .decode_without_bom_handling(&byte)
                .0
                .chars()
                .next()
                .unwrap_or('\u{fffd}')
        }
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    };
    Some((c, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        let cases = [
            ("a &amp; b", "a & b"),
            ("Putin&rsquo;s", "Putin\u{2019}s"),
            ("&#8217;&#x2019;&#X2019", "\u{2019}\u{2019}\u{2019}"),
            ("&#150;", "\u{2013}"),
            ("&#0;", "\u{fffd}"),
            ("&#99999999999;", "\u{fffd}"),
            ("caf&eacute caf&eacute;", "caf\u{e9} caf\u{e9}"),
            ("AT&T and &unknown; & &", "AT&T and &unknown; & &"),
            ("&notit; &notin;", "\u{ac}it; \u{2209}"),
            ("&", "&"),
            ("&#", "&#"),
            ("&#x;", "&#x;"),
        ];
        for (raw, want) in cases {
            let mut out = String::new();
            decode_into(raw, &mut out);
            assert_eq!(out, want, "{raw}");
        }
        assert_eq!(decode_attr("/a?b=1&copy=2&amp;c"), "/a?b=1&copy=2&c");
        assert_eq!(decode_attr("plain"), "plain");
    }
}
