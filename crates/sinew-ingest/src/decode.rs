//! Bytes to text: UTF-8 first, legacy encodings only when they give plausible text.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;

/// Decodes a plain-text file. UTF-8 (a BOM is stripped) or UTF-16 with a BOM; otherwise
/// windows-1252 when the file has no UTF-8 multi-byte characters at all and decodes to
/// plausible text. `Err` carries the byte offset of the first invalid UTF-8 byte.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, usize> {
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

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-z0-9_\-:.]{1,40})"#).unwrap()
});

/// Decodes an HTML page as a browser would, never failing: BOM, then `<meta charset>` in the
/// first 4 KiB, then UTF-8, then windows-1252; undecodable bytes become U+FFFD.
pub(crate) fn decode_html(bytes: &[u8]) -> Cow<'_, str> {
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
            encoding.decode_without_bom_handling(bytes).0
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
        Some(encoding) if Encoding::for_bom(bytes).is_none() => {
            Ok(encoding.decode_without_bom_handling(bytes).0)
        }
        _ => decode_text(bytes),
    }
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
