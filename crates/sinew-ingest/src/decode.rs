//! Bytes to text: UTF-8 first, legacy encodings only when they give plausible text.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;

/// Decodes a plain-text file. UTF-8 (a BOM is stripped) or UTF-16 with a BOM; otherwise
/// windows-1252 when the file has no UTF-8 multi-byte characters at all and decodes to
/// plausible text. `Err` carries the byte offset of the first invalid UTF-8 byte.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, usize> {
    decode_text_raw(bytes).map(repair_mojibake)
}

fn decode_text_raw(bytes: &[u8]) -> Result<Cow<'_, str>, usize> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_8 {
            return std::str::from_utf8(body)
                .map(Cow::Borrowed)
                .map_err(|e| e.valid_up_to() + bom_len);
        }
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        return if had_errors { Err(bom_len) } else { Ok(text) };
    }
    let valid_up_to = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(Cow::Borrowed(text)),
        Err(e) => e.valid_up_to(),
    };
    // Valid multi-byte UTF-8 before the bad byte means a damaged UTF-8 file: re-reading it as
    // windows-1252 would turn every curly quote into mojibake.
    if !bytes[..valid_up_to].is_ascii() {
        return Err(valid_up_to);
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    if plausible(&text) {
        Ok(text)
    } else {
        Err(valid_up_to)
    }
}

/// Western text in windows-1252 is mostly ASCII, has no control characters and does not use
/// the five code points the encoding leaves undefined (decoded as C1 controls).
fn plausible(text: &str) -> bool {
    let mut total = 0usize;
    let mut non_ascii = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            return false;
        }
        if !c.is_ascii() {
            non_ascii += 1;
        }
    }
    // Short texts get some slack: "\x93quoted\x94" is fine.
    non_ascii * 5 <= total.max(20)
}

/// How much of a page is looked at to tell binary data from markup: as much as git reads
/// to call a file binary.
const BINARY_SNIFF: usize = 8000;

/// Control bytes a page's head may hold and still be a page: real pages carry a stray NUL
/// or form feed from a paste; binary data has one byte in ten.
const BINARY_CONTROLS: usize = 8;

/// Where a page's bytes show that it is binary data (an image, a PDF, an archive saved
/// under an `.html` name), not markup in any encoding: the offset of its first control byte,
/// where its head holds more than [`BINARY_CONTROLS`] of them and they are more than one
/// byte in a hundred. Tab, line breaks, form feed and the escape that ISO-2022 encodings use
/// are text. A page with a UTF-16 or UTF-32 byte order mark is text whatever its bytes. The
/// text path needs no such test: its bytes must be UTF-8 or plausible windows-1252, which
/// binary data never is, whereas a page may be in any encoding it declares and is decoded
/// whatever its bytes.
pub(crate) fn binary_at(bytes: &[u8]) -> Option<usize> {
    if Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8) {
        return None;
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF)];
    let is_control =
        |b: &u8| b.is_ascii_control() && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1b);
    let controls = head.iter().filter(|b| is_control(b)).count();
    if controls > BINARY_CONTROLS && controls * 100 > head.len() {
        return head.iter().position(is_control);
    }
    None
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-z0-9_\-:.]{1,40})"#).unwrap()
});

/// Decodes an HTML page as a browser would, never failing: BOM, then `<meta charset>` in the
/// first 4 KiB, then UTF-8, then windows-1252; undecodable bytes become U+FFFD.
pub(crate) fn decode_html(bytes: &[u8]) -> Cow<'_, str> {
    repair_mojibake(decode_html_raw(bytes))
}

fn decode_html_raw(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_len..]).0;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let declared = META_CHARSET
        .captures(head)
        .and_then(|c| Encoding::for_label(&c[1]))
        // A page that reached us as bytes cannot really be UTF-16; browsers read it as UTF-8.
        .map(|e| e.output_encoding());
    decode_declared(bytes, declared)
}

/// Bytes in the encoding the document declared; without a declaration, UTF-8 when they are
/// valid UTF-8, else windows-1252. Undecodable bytes become U+FFFD.
fn decode_declared<'a>(bytes: &'a [u8], declared: Option<&'static Encoding>) -> Cow<'a, str> {
    match declared {
        Some(encoding) if encoding != UTF_8 => encoding.decode_without_bom_handling(bytes).0,
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) if declared.is_some() => String::from_utf8_lossy(bytes),
            Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
        },
    }
}

static XML_ENCODING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_\-:.]{1,40})["']"#).unwrap()
});

/// Decodes an XML document (a feed), never failing: BOM, then the `encoding` of the XML
/// declaration, then UTF-8, then windows-1252; undecodable bytes become U+FFFD.
pub(crate) fn decode_xml(bytes: &[u8]) -> Cow<'_, str> {
    if Encoding::for_bom(bytes).is_some() {
        return decode_html(bytes);
    }
    repair_mojibake(decode_xml_raw(bytes))
}

fn decode_xml_raw(bytes: &[u8]) -> Cow<'_, str> {
    let head = &bytes[..bytes.len().min(512)];
    let declared = XML_ENCODING
        .captures(head)
        .and_then(|c| Encoding::for_label(&c[1]))
        .map(|e| e.output_encoding());
    decode_declared(bytes, declared)
}

/// The encoding a transport (HTTP `Content-Type`) declared, if it is one this decoder knows.
fn declared(charset: Option<&str>) -> Option<&'static Encoding> {
    charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .map(|e| e.output_encoding())
}

/// Decodes an HTML page whose transport declared `charset`: a BOM wins, then the declared
/// charset (over `<meta charset>`, as in browsers), then what [`decode_html`] finds.
pub(crate) fn decode_html_as<'a>(bytes: &'a [u8], charset: Option<&str>) -> Cow<'a, str> {
    match declared(charset) {
        Some(encoding) if Encoding::for_bom(bytes).is_none() => {
            repair_mojibake(encoding.decode_without_bom_handling(bytes).0)
        }
        _ => decode_html(bytes),
    }
}

/// Decodes plain text whose transport declared `charset`: a BOM wins, then the declared
/// charset (undecodable bytes become U+FFFD), then what [`decode_text`] finds.
pub(crate) fn decode_text_as<'a>(
    bytes: &'a [u8],
    charset: Option<&str>,
) -> Result<Cow<'a, str>, usize> {
    match declared(charset) {
        Some(encoding) if Encoding::for_bom(bytes).is_none() => Ok(repair_mojibake(
            encoding.decode_without_bom_handling(bytes).0,
        )),
        _ => decode_text(bytes),
    }
}

/// The byte windows-1252 gives to a character, for the characters it places at 0x80-0x9F
/// (and Latin-1 for the rest of 0x80-0xFF).
fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{ff}' => c as u8,
        '\u{20ac}' => 0x80,
        '\u{201a}' => 0x82,
        '\u{192}' => 0x83,
        '\u{201e}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{2c6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{160}' => 0x8a,
        '\u{2039}' => 0x8b,
        '\u{152}' => 0x8c,
        '\u{17d}' => 0x8e,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201c}' => 0x93,
        '\u{201d}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{2dc}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{161}' => 0x9a,
        '\u{203a}' => 0x9b,
        '\u{153}' => 0x9c,
        '\u{17e}' => 0x9e,
        '\u{178}' => 0x9f,
        _ => return None,
    };
    Some(b)
}

/// The character that UTF-8 bytes read as windows-1252 or Latin-1 turned into `chars`
/// ("\u{e2}\u{20ac}\u{2122}" is the bytes E2 80 99 of "\u{2019}"), with how many characters
/// it took; `None` where they are not such a sequence.
fn unmangle(chars: &str) -> Option<(char, usize)> {
    let mut it = chars.chars();
    let lead = it.next()?;
    let need = match lead {
        '\u{c2}'..='\u{df}' => 1,
        '\u{e0}'..='\u{ef}' => 2,
        '\u{f0}'..='\u{f4}' => 3,
        _ => return None,
    };
    let mut bytes = [lead as u8, 0, 0, 0];
    let mut len = lead.len_utf8();
    for slot in bytes.iter_mut().skip(1).take(need) {
        let c = it.next()?;
        let b = cp1252_byte(c).filter(|b| (0x80..=0xbf).contains(b))?;
        *slot = b;
        len += c.len_utf8();
    }
    let decoded = std::str::from_utf8(&bytes[..=need]).ok()?.chars().next()?;
    // A C1 control is no character a page meant to show.
    (decoded >= '\u{a0}').then_some((decoded, len))
}

/// Repairs text that was UTF-8, read once as windows-1252 and written again as UTF-8
/// ("Investor\u{e2}\u{80}\u{99}s", "caf\u{c3}\u{a9}"): each such sequence becomes the
/// character it was. Pages that are themselves double-encoded show this to their readers;
/// the words are what the author wrote. Text without the pattern is returned untouched.
pub(crate) fn repair_mojibake(text: Cow<'_, str>) -> Cow<'_, str> {
    // Every lead character (U+00C2-U+00F4) is the UTF-8 bytes C3 82..C3 B4.
    let bytes = text.as_bytes();
    let first = memchr::memchr_iter(0xc3, bytes)
        .filter(|&i| bytes.get(i + 1).is_some_and(|b| (0x82..=0xb4).contains(b)))
        .find(|&i| unmangle(&text[i..]).is_some());
    let Some(first) = first else {
        return text;
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut rest = &text[first..];
    while let Some(c) = rest.chars().next() {
        match unmangle(rest) {
            Some((fixed, len)) => {
                out.push(fixed);
                rest = &rest[len..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_decoding() {
        let cases: &[(&[u8], Result<&str, usize>)] = &[
            (b"plain", Ok("plain")),
            (b"\xEF\xBB\xBFbom", Ok("bom")),
            ("Putin\u{2019}s".as_bytes(), Ok("Putin\u{2019}s")),
            (b"Caf\xe9 in M\xfcnchen", Ok("Caf\u{e9} in M\u{fc}nchen")),
            (b"\x93quoted\x94", Ok("\u{201c}quoted\u{201d}")),
            (b"\xff\xfe", Ok("")),
            (b"\xff\xfeh\x00i\x00", Ok("hi")),
            (b"ab\x00\xff", Err(3)),
            (b"\xe2\x80\x99 then \xff", Err(9)),
            (b"\x81\x8d\x8f", Err(0)),
            (b"\xc3\xa9\xc3", Err(2)),
        ];
        for (input, want) in cases {
            let got = decode_text(input);
            assert_eq!(got.as_deref().map_err(|e| *e), *want, "{input:?}");
        }
    }

    #[test]
    fn double_encoded_utf8_is_repaired() {
        let cases = [
            // Read as windows-1252: the apostrophe's bytes E2 80 99 became "â€™".
            (
                "Investor\u{e2}\u{20ac}\u{2122}s guide",
                "Investor\u{2019}s guide",
            ),
            // Read as Latin-1: C1 controls stand for the bytes 80-9F.
            ("Investor\u{e2}\u{80}\u{99}s", "Investor\u{2019}s"),
            ("caf\u{c3}\u{a9} \u{c3}\u{bc}ber", "caf\u{e9} \u{fc}ber"),
            (
                "\u{e2}\u{20ac}\u{153}quoted\u{e2}\u{20ac}\u{9d}",
                "\u{201c}quoted\u{201d}",
            ),
            ("\u{f0}\u{9f}\u{98}\u{80} smile", "\u{1f600} smile"),
        ];
        for (input, want) in cases {
            assert_eq!(repair_mojibake(Cow::Borrowed(input)), want, "{input:?}");
        }
        // Real accented text, and a lead character not followed by continuation bytes,
        // are left as they are, without a copy.
        for input in [
            "caf\u{e9} \u{c3}ber",
            "\u{c2}ge d'or",
            "na\u{ef}ve",
            "\u{e2}\u{20ac}",
        ] {
            assert!(
                matches!(repair_mojibake(Cow::Borrowed(input)), Cow::Borrowed(s) if s == input)
            );
        }
        assert_eq!(
            decode_html("<title>A DIY Investor\u{e2}\u{80}\u{99}s Guide</title>".as_bytes()),
            "<title>A DIY Investor\u{2019}s Guide</title>"
        );
    }

    #[test]
    fn html_decoding() {
        assert_eq!(
            decode_html(b"<meta charset=\"iso-8859-1\"><p>caf\xe9"),
            "<meta charset=\"iso-8859-1\"><p>caf\u{e9}"
        );
        assert_eq!(decode_html("<p>caf\u{e9}".as_bytes()), "<p>caf\u{e9}");
        assert_eq!(decode_html(b"<p>caf\xe9"), "<p>caf\u{e9}");
        assert_eq!(
            decode_html(b"<meta charset=utf-8><p>caf\xe9"),
            "<meta charset=utf-8><p>caf\u{fffd}"
        );
        // The transport's charset wins over the page's own.
        assert_eq!(
            decode_html_as(b"<meta charset=utf-8><p>\xc7a", Some("koi8-r")),
            "<meta charset=utf-8><p>\u{0433}a"
        );
        assert_eq!(decode_html_as(b"caf\xe9", Some("no-such")), "caf\u{e9}");
        assert_eq!(
            decode_text_as(b"caf\xe9", Some("latin1")).unwrap(),
            "caf\u{e9}"
        );
    }
}
