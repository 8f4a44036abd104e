//! Hostile inputs named as what they are, with the rest of the input kept: binary data
//! under an `.html` name (a file, a gzip'd file, a WARC payload), and WARC records whose
//! `Content-Length` points past the next record or the end of the input.

use sinew_ingest::{ErrorKind, IngestConfig, Parsed};

use crate::gzip::gzip;
use crate::warc::{gzip_members, http, offset, parse, record, response, sample, PACT, TRADE};
use crate::{read_ok, scratch};

/// Bytes that look like what is often misnamed `.html`: a PNG's signature and header, then
/// compressed-looking noise.
fn png_like() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    bytes.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    bytes
}

#[test]
fn a_binary_file_named_html_is_refused_by_name() {
    let dir = scratch("binary-html");
    let plain = dir.join("image.html");
    std::fs::write(&plain, png_like()).unwrap();
    let packed = dir.join("image.html.gz");
    std::fs::write(&packed, gzip(&png_like())).unwrap();
    for path in [&plain, &packed] {
        let err = sinew_ingest::read_file(path, &IngestConfig::default()).expect_err("binary");
        assert_eq!(err.input(), path.display().to_string());
        // The first control byte: the signature's end-of-file mark, 0x1A.
        assert!(
            matches!(err.kind(), ErrorKind::Binary { offset: 6 }),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{}: binary data, not a page (a control byte at byte 6)",
                path.display()
            )
        );
        assert!(!err.is_io());
    }
}

#[test]
fn pages_with_a_stray_control_or_a_utf16_mark_are_still_pages() {
    let dir = scratch("not-binary-html");
    let prose = "<html><body><article><p>Officials said the shipments continued through \
                 the winter, and that the port had added cranes for larger ships.</p>\
                 </article></body></html>";
    // A page pasted with a few NULs and a form feed.
    let stray = dir.join("stray.html");
    std::fs::write(&stray, prose.replace("winter,", "winter,\0\0\x0c\x01")).unwrap();
    // UTF-16 with its byte order mark: half its bytes are NUL.
    let utf16 = dir.join("utf16.html");
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(prose.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, bytes).unwrap();
    for path in [stray, utf16] {
        let parsed = read_ok(&path);
        assert!(
            parsed.docs[0].text.contains("shipments continued"),
            "{}",
            path.display()
        );
    }
}

/// The documents' sources.
fn sources(parsed: &Parsed) -> Vec<&str> {
    parsed.docs.iter().map(|d| d.source.as_str()).collect()
}

#[test]
fn a_binary_html_payload_is_its_records_error() {
    let records = [
        response(
            "https://a.example/pact",
            http("200 OK", &["Content-Type: text/html"], PACT.as_bytes()),
        ),
        response(
            "https://a.example/image",
            http("200 OK", &["Content-Type: text/html"], &png_like()),
        ),
        response(
            "https://a.example/trade",
            http("200 OK", &["Content-Type: text/html"], TRADE.as_bytes()),
        ),
    ];
    let parsed = parse("x.warc", &records.concat(), &IngestConfig::default());
    assert_eq!(
        sources(&parsed),
        ["https://a.example/pact", "https://a.example/trade"]
    );
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(
        parsed.errors[0].to_string(),
        format!(
            "x.warc record 2 at byte {} (https://a.example/image): binary data, not a page (a \
             control byte at byte 6)",
            offset(&records, 2)
        )
    );
}

/// `record` with its `Content-Length` replaced by `length`.
fn with_length(record: &[u8], length: u64) -> Vec<u8> {
    let text = String::from_utf8_lossy(record);
    let start = text.find("Content-Length: ").unwrap() + "Content-Length: ".len();
    let end = start + text[start..].find('\r').unwrap();
    let mut out = record[..start].to_vec();
    out.extend_from_slice(length.to_string().as_bytes());
    out.extend_from_slice(&record[end..]);
    out
}

/// The sample's documents, in order.
const SAMPLE_DOCS: [&str; 4] = [
    "https://news.example/2024/06/19/pact",
    "https://wire.example/trade?utm=x",
    "https://ru.example/moskva",
    "https://wire.example/brief.txt",
];

#[test]
fn an_absurd_content_length_loses_one_record_and_reading_resyncs() {
    let config = IngestConfig {
        max_file_bytes: 1 << 20,
        ..IngestConfig::default()
    };
    let good = sample();
    // (which record, its new length): a response past the end of the input and past the
    // limit (passed over unread), one that reaches a few bytes into the next record (read),
    // and a metadata record (passed over as not an article).
    let trade_len = good[4].len() as u64;
    let cases = [(4, u64::MAX / 2), (4, trade_len + 40), (3, 1 << 40)];
    for (n, length) in cases {
        let mut records = good.clone();
        records[n] = with_length(&records[n], length);
        for gz in [false, true] {
            let bytes = if gz {
                gzip_members(&records)
            } else {
                records.concat()
            };
            let name = if gz { "x.warc.gz" } else { "x.warc" };
            let parsed = parse(name, &bytes, &config);
            let case = format!("{name}, record {}, length {length}", n + 1);
            // The record lost is the trade page; a metadata record holds no article.
            let want: Vec<&str> = SAMPLE_DOCS
                .iter()
                .copied()
                .filter(|s| n != 4 || *s != SAMPLE_DOCS[1])
                .collect();
            assert_eq!(sources(&parsed), want, "{case}");
            assert_eq!(parsed.errors.len(), 1, "{case}: {:?}", parsed.errors);
            let err = &parsed.errors[0];
            assert!(
                matches!(err.kind(), ErrorKind::BadRecord(_)),
                "{case}: {err}"
            );
            let target = if n == 4 {
                " (https://wire.example/trade?utm=x)"
            } else {
                " (https://news.example/2024/06/19/pact)"
            };
            assert_eq!(
                err.to_string(),
                format!(
                    "{name} record {} at byte {}{target}: its Content-Length ({length}) runs \
                     past the next record, which starts at byte {}",
                    n + 1,
                    offset(&records, n + 1),
                    offset(&records, n + 2)
                ),
                "{case}"
            );
        }
    }
}

#[test]
fn an_absurd_content_length_at_the_end_keeps_every_record_before_it() {
    let mut records = sample();
    let last = records.len() - 1;
    records[last] = with_length(&records[last], 1 << 40);
    let parsed = parse("end.warc", &records.concat(), &IngestConfig::default());
    assert_eq!(sources(&parsed), SAMPLE_DOCS[..3]);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    let err = &parsed.errors[0];
    assert!(matches!(err.kind(), ErrorKind::Truncated(_)), "{err}");
    assert!(
        err.input().starts_with(&format!(
            "end.warc record {} at byte {}",
            last + 1,
            offset(&records, last + 1)
        )),
        "{err}"
    );
}

#[test]
fn a_record_line_inside_a_page_is_not_a_record() {
    // Blank lines, then `WARC/1.0`, in a page's text: without a whole WARC header after it,
    // the page is read whole.
    let page = format!(
        "<html><body><article><p>{}</p>\r\n\r\nWARC/1.0\r\nWARC-Type: response\r\nnot a \
         header line\r\n\r\n<p>The page goes on after the quoted header, at some length.</p>\
         </article></body></html>",
        "A page about crawl formats quotes one. ".repeat(3)
    );
    let records = [
        response(
            "https://a.example/warc-howto",
            http("200 OK", &["Content-Type: text/html"], page.as_bytes()),
        ),
        record(
            "metadata",
            Some("https://a.example/warc-howto"),
            "application/warc-fields",
            b"\r\n\r\nWARC/1.1\r\nContent-Length: 12\r\n\r\n",
        ),
        response(
            "https://a.example/pact",
            http("200 OK", &["Content-Type: text/html"], PACT.as_bytes()),
        ),
    ];
    let parsed = parse("quote.warc", &records.concat(), &IngestConfig::default());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(
        sources(&parsed),
        ["https://a.example/warc-howto", "https://a.example/pact"]
    );
    assert!(parsed.docs[0].text.contains("The page goes on"));
}
