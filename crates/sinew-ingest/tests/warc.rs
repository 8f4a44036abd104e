//! WARC and WARC.gz: which records become documents, what is skipped and counted, and how
//! damage is reported while the records before it are kept.

use sinew_ingest::{ErrorKind, Format, IngestConfig, Parsed};

use crate::gzip::gzip;

/// One WARC record with a correct Content-Length.
pub(crate) fn record(
    warc_type: &str,
    target: Option<&str>,
    content_type: &str,
    block: &[u8],
) -> Vec<u8> {
    let mut out = format!("WARC/1.0\r\nWARC-Type: {warc_type}\r\n");
    if let Some(uri) = target {
        out.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    out.push_str(&format!(
        "WARC-Date: 2024-06-20T10:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    ));
    let mut out = out.into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response message.
pub(crate) fn http(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n");
    for h in headers {
        out.push_str(h);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

pub(crate) fn response(target: &str, message: Vec<u8>) -> Vec<u8> {
    record(
        "response",
        Some(target),
        "application/http; msgtype=response",
        &message,
    )
}

pub(crate) const PACT: &str = "<html><head><title>Leaders Sign a Defence Pact</title></head><body>\
<nav>Home World</nav><article><h1>Leaders Sign a Defence Pact</h1>\
<p>The two leaders signed a mutual defence pact on Wednesday, state media said.</p>\
<p>The pact commits each side to help the other if attacked.</p></article></body></html>";

pub(crate) const TRADE: &str =
    "<html><head><link rel=\"canonical\" href=\"https://wire.example/trade\">\
<meta property=\"article:published_time\" content=\"2024-05-02\"></head><body><article>\
<h1>Trade Hits a Record</h1><p>Trade between China and Russia reached $240 billion in 2023, \
customs data showed.</p></article></body></html>";

/// `body` sent in chunks of 40 bytes.
fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(40) {
        out.extend_from_slice(format!("{:x};ext=1\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// The sample crawl, record by record: what a CC-NEWS file holds, in small.
pub(crate) fn sample() -> Vec<Vec<u8>> {
    // "Москва" and a Cyrillic sentence in windows-1251.
    let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode(
        "<html><body><article><p>Москва и Пхеньян подписали договор о взаимной обороне в июне.</p></article></body></html>",
    );
    vec![
        record("warcinfo", None, "application/warc-fields", b"software: test\r\nformat: WARC File Format 1.0\r\n"),
        record("request", Some("https://news.example/2024/06/19/pact"), "application/http; msgtype=request", b"GET /2024/06/19/pact HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        response("https://news.example/2024/06/19/pact", http("200 OK", &["Content-Type: text/html; charset=utf-8"], PACT.as_bytes())),
        record("metadata", Some("https://news.example/2024/06/19/pact"), "application/warc-fields", b"fetchTimeMs: 120\r\n"),
        response("https://wire.example/trade?utm=x", http("200 OK", &["Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"], &chunked(&gzip(TRADE.as_bytes())))),
        response("https://ru.example/moskva", http("200 OK", &["Content-Type: text/html; charset=windows-1251"], &cyrillic)),
        response("https://news.example/old", http("301 Moved Permanently", &["Location: https://news.example/new", "Content-Type: text/html"], b"<html><body><p>Moved to a new place on this site.</p></body></html>")),
        response("https://news.example/logo.png", http("200 OK", &["Content-Type: image/png"], b"\x89PNG\r\n\x1a\n....")),
        record("revisit", Some("https://news.example/2024/06/19/pact"), "application/http; msgtype=response", b"HTTP/1.1 200 OK\r\n\r\n"),
        response("https://wire.example/brief.txt", http("200 OK", &["Content-Type: text/plain"], b"Brief Note On Shipping\n\nNorth Korea shipped about 6,700 containers to Russia, officials said.\n")),
    ]
}

pub(crate) fn parse(name: &str, bytes: &[u8], config: &IngestConfig) -> Parsed {
    sinew_ingest::parse_bytes(name, bytes, Format::Auto, config).unwrap_or_else(|e| panic!("{e}"))
}

/// Each record as its own gzip member, as CC-NEWS writes them.
pub(crate) fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

/// Byte offset of record `n` (1-based) in the plain stream.
pub(crate) fn offset(records: &[Vec<u8>], n: usize) -> usize {
    records[..n - 1].iter().map(Vec::len).sum()
}

#[test]
fn responses_become_documents_and_other_records_are_counted() {
    let records = sample();
    let plain = records.concat();
    for (name, bytes) in [
        ("crawl.warc", plain.clone()),
        ("crawl.warc.gz", gzip_members(&records)),
        ("-", gzip_members(&records)),
        ("-", plain),
    ] {
        let parsed = parse(name, &bytes, &IngestConfig::default());
        assert!(parsed.errors.is_empty(), "{name}: {:?}", parsed.errors);
        assert_eq!(
            parsed.skipped, 6,
            "{name}: warcinfo, request, metadata, 301, png, revisit"
        );
        let got: Vec<(&str, Option<&str>, Option<String>)> = parsed
            .docs
            .iter()
            .map(|d| {
                (
                    d.source.as_str(),
                    d.url.as_deref(),
                    d.published.map(|p| p.to_string()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                // No canonical URL: the target is the URL, and its path gives the date.
                (
                    "https://news.example/2024/06/19/pact",
                    Some("https://news.example/2024/06/19/pact"),
                    Some("2024-06-19".into())
                ),
                // The page's canonical URL wins; the source stays the URI fetched.
                (
                    "https://wire.example/trade?utm=x",
                    Some("https://wire.example/trade"),
                    Some("2024-05-02".into())
                ),
                (
                    "https://ru.example/moskva",
                    Some("https://ru.example/moskva"),
                    None
                ),
                (
                    "https://wire.example/brief.txt",
                    Some("https://wire.example/brief.txt"),
                    None
                ),
            ],
            "{name}"
        );
        let texts: Vec<&str> = parsed.docs.iter().map(|d| d.text.as_str()).collect();
        assert!(
            texts[0].contains("signed a mutual defence pact") && !texts[0].contains("Home World")
        );
        assert!(
            texts[1].contains("reached $240 billion in 2023"),
            "{}",
            texts[1]
        );
        assert!(texts[2].contains("Москва и Пхеньян"), "{}", texts[2]);
        assert!(texts[3].contains("about 6,700 containers"));
        assert_eq!(
            parsed.docs[0].title.as_deref(),
            Some("Leaders Sign a Defence Pact")
        );
        for doc in &parsed.docs {
            crate::assert_tidy(&doc.text);
        }
    }
}

#[test]
fn a_truncated_warc_keeps_the_records_before_the_cut() {
    let records = sample();
    let plain = records.concat();
    let at6 = offset(&records, 6);
    // (name, bytes, error after "NAME record 6 at byte B (URI): ")
    let cut_plain = &plain[..at6 + 300];
    let cut_header = &plain[..at6 + 30];
    let mut cut_gz = gzip_members(&records[..5]);
    let sixth = gzip(&records[5]);
    cut_gz.extend_from_slice(&sixth[..sixth.len() / 2]);
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "cut.warc",
            cut_plain,
            &format!(
                "truncated: the record's content ends after {} of {} bytes",
                300 - head_len(&records[5]),
                body_len(&records[5])
            ),
        ),
        (
            "cut.warc",
            cut_header,
            "truncated: the input ends inside the record's header",
        ),
        (
            "cut.warc.gz",
            &cut_gz,
            "truncated: the gzip data ends early",
        ),
    ];
    for (name, bytes, message) in cases {
        let parsed = parse(name, bytes, &IngestConfig::default());
        let sources: Vec<&str> = parsed.docs.iter().map(|d| d.source.as_str()).collect();
        assert_eq!(
            sources,
            [
                "https://news.example/2024/06/19/pact",
                "https://wire.example/trade?utm=x"
            ],
            "{name}"
        );
        assert_eq!(parsed.skipped, 3, "{name}");
        assert_eq!(parsed.errors.len(), 1, "{name}: {:?}", parsed.errors);
        let err = &parsed.errors[0];
        assert!(matches!(err.kind(), ErrorKind::Truncated(_)), "{err}");
        // Where the header was read, the error names the URI too.
        let err = err.to_string().replace(" (https://ru.example/moskva)", "");
        assert_eq!(err, format!("{name} record 6 at byte {at6}: {message}"));
    }
}

/// Length of a record's WARC header, blank line included.
fn head_len(record: &[u8]) -> usize {
    record.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4
}

fn body_len(record: &[u8]) -> usize {
    record.len() - head_len(record) - 4
}

#[test]
fn a_malformed_header_loses_one_record_and_reading_resyncs() {
    let mut records = sample();
    // Record 3 loses its Content-Length; record 6 is preceded by garbage.
    let broken =
        String::from_utf8_lossy(&records[2]).replacen("Content-Length", "Content-Lenght", 1);
    records[2] = broken.into_bytes();
    records.insert(5, b"garbage line\r\n".to_vec());
    let parsed = parse("bad.warc", &records.concat(), &IngestConfig::default());
    let sources: Vec<&str> = parsed.docs.iter().map(|d| d.source.as_str()).collect();
    assert_eq!(
        sources,
        [
            "https://wire.example/trade?utm=x",
            "https://ru.example/moskva",
            "https://wire.example/brief.txt"
        ]
    );
    let errors: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            format!(
                "bad.warc record 3 at byte {}: no valid Content-Length",
                offset(&records, 3)
            ),
            format!(
                "bad.warc record 6 at byte {}: does not start with a WARC/1.x version line",
                offset(&records, 6)
            ),
        ]
    );
}

#[test]
fn records_over_the_limit_are_passed_over_with_an_error() {
    let big = format!(
        "<html><body><p>{}</p></body></html>",
        "Long text of the article. ".repeat(300)
    );
    let mut records = sample();
    records.insert(
        2,
        response(
            "https://news.example/big",
            http("200 OK", &["Content-Type: text/html"], big.as_bytes()),
        ),
    );
    // A gzip-encoded payload that inflates past the limit.
    records.insert(
        3,
        response(
            "https://news.example/bomb",
            http(
                "200 OK",
                &["Content-Type: text/html", "Content-Encoding: gzip"],
                &gzip(&vec![b' '; 1 << 20]),
            ),
        ),
    );
    let config = IngestConfig {
        max_file_bytes: 6000,
        ..IngestConfig::default()
    };
    let parsed = parse("big.warc", &records.concat(), &config);
    assert_eq!(parsed.docs.len(), 4);
    let errors: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!(
            "big.warc record 3 at byte {} (https://news.example/big): too large (",
            offset(&records, 3)
        )),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].ends_with(
            "(https://news.example/bomb): decompresses to more than the limit of 6000 bytes"
        ),
        "{}",
        errors[1]
    );
}

#[test]
fn broken_http_payloads_are_named() {
    let records = [
        response("https://a.example/1", b"not http at all".to_vec()),
        response(
            "https://a.example/2",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n".to_vec(),
        ),
        response(
            "https://a.example/3",
            http(
                "200 OK",
                &["Content-Type: text/html", "Content-Encoding: br"],
                b"\xff\xff\xff\xff",
            ),
        ),
        response(
            "https://a.example/4",
            http(
                "200 OK",
                &["Content-Type: text/html", "Content-Encoding: gzip"],
                b"\x1f\x8b\x08\x00garbage",
            ),
        ),
        response(
            "https://a.example/5",
            http(
                "200 OK",
                &["Content-Type: text/html"],
                b"<html><body><nav>Home</nav></body></html>",
            ),
        ),
        response(
            "https://a.example/6",
            http(
                "200 OK",
                &[],
                b"<!doctype html><p>A page that came without a content type at all.</p>",
            ),
        ),
        response(
            "https://a.example/7",
            http("200 OK", &[], b"\x00\x01binary"),
        ),
    ];
    let parsed = parse("x.warc", &records.concat(), &IngestConfig::default());
    assert_eq!(parsed.docs.len(), 1);
    assert_eq!(parsed.docs[0].source, "https://a.example/6");
    // The binary record, and the page with no article text (a crawl holds many).
    assert_eq!(parsed.skipped, 2);
    let errors: Vec<String> = parsed
        .errors
        .iter()
        .map(|e| e.to_string().split_once(": ").unwrap().1.to_string())
        .collect();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert_eq!(errors[0], "the record does not hold an HTTP response");
    assert_eq!(errors[1], "the HTTP response's header does not end");
    assert!(errors[2].starts_with("corrupt br payload"), "{}", errors[2]);
    assert!(
        errors[3].starts_with("corrupt gzip payload"),
        "{}",
        errors[3]
    );
}

#[test]
fn warc_streams_from_a_reader() {
    let records = sample();
    let bytes = gzip_members(&records);
    let mut docs =
        sinew_ingest::open_reader("stdin", &bytes[..], Format::Warc, &IngestConfig::default())
            .unwrap();
    let first = docs.next().unwrap().unwrap();
    assert_eq!(first.source, "https://news.example/2024/06/19/pact");
    // warcinfo and request were passed over to reach it; the rest is not read yet.
    assert_eq!(docs.skipped(), 2);
    assert_eq!(docs.by_ref().count(), 3);
    assert_eq!(docs.skipped(), 6);
}

/// `data` as a brotli stream of one stored (uncompressed) meta-block, as RFC 7932 lays it
/// out: WBITS 16, a non-last meta-block of MLEN bytes marked uncompressed, then an empty
/// last meta-block.
fn brotli_stored(data: &[u8]) -> Vec<u8> {
    assert!(!data.is_empty() && data.len() <= 1 << 16);
    // Bit 0: WBITS=16; bit 1: ISLAST=0; bits 2-3: four MLEN nibbles; bits 4-19: MLEN-1;
    // bit 20: ISUNCOMPRESSED; then padding to the byte.
    let header = ((data.len() as u32 - 1) << 4) | (1 << 20);
    let mut out = header.to_le_bytes()[..3].to_vec();
    out.extend_from_slice(data);
    // ISLAST=1, ISLASTEMPTY=1.
    out.push(0b11);
    out
}

#[test]
fn brotli_and_zstd_payloads_are_decoded() {
    let zstd = ruzstd::encoding::compress_to_vec(
        PACT.as_bytes(),
        ruzstd::encoding::CompressionLevel::Fastest,
    );
    let records = [
        response(
            "https://a.example/br",
            http(
                "200 OK",
                &["Content-Type: text/html", "Content-Encoding: br"],
                &brotli_stored(PACT.as_bytes()),
            ),
        ),
        response(
            "https://a.example/zstd",
            http(
                "200 OK",
                &["Content-Type: text/html", "Content-Encoding: zstd"],
                &zstd,
            ),
        ),
        response(
            "https://a.example/bad-zstd",
            http(
                "200 OK",
                &["Content-Type: text/html", "Content-Encoding: zstd"],
                b"\x28\xb5\x2f\xfd garbage",
            ),
        ),
    ];
    let parsed = parse("enc.warc", &records.concat(), &IngestConfig::default());
    let titles: Vec<_> = parsed.docs.iter().map(|d| d.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("Leaders Sign a Defence Pact"),
            Some("Leaders Sign a Defence Pact")
        ]
    );
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert!(
        parsed.errors[0]
            .to_string()
            .contains("(https://a.example/bad-zstd): corrupt zstd payload"),
        "{}",
        parsed.errors[0]
    );
}

#[test]
fn resource_records_hold_the_page_itself() {
    // A windows-1252 right quote (0x92), read by the record's declared charset.
    let page: Vec<u8> = PACT
        .replace("two leaders", "two leaders\u{1}")
        .bytes()
        .map(|b| if b == 1 { 0x92 } else { b })
        .collect();
    let records = [
        record(
            "resource",
            Some("https://a.example/pact"),
            "text/html; charset=windows-1252",
            &page,
        ),
        record(
            "resource",
            Some("https://a.example/notes.txt"),
            "text/plain",
            b"Port officials said on Monday that the new cranes would double capacity.",
        ),
        // A captured image or script is no article.
        record(
            "resource",
            Some("https://a.example/logo.png"),
            "image/png",
            b"\x89PNG",
        ),
    ];
    let parsed = parse("res.warc", &records.concat(), &IngestConfig::default());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.skipped, 1);
    let got: Vec<(&str, Option<&str>)> = parsed
        .docs
        .iter()
        .map(|d| (d.source.as_str(), d.title.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "https://a.example/pact",
                Some("Leaders Sign a Defence Pact")
            ),
            ("https://a.example/notes.txt", None),
        ]
    );
    assert!(parsed.docs[0]
        .text
        .contains("The two leaders\u{2019} signed"));
    assert!(parsed.docs[1].text.contains("double capacity"));
}

/// A news page whose only dateline counts back from the moment it was seen.
fn counted_back(dateline: &str) -> String {
    format!(
        "<html><body><nav>Home World</nav><article><h1>Leaders Sign a Defence Pact</h1>\
         <div class=meta><span>By Ana Ruiz</span> <span>{dateline}</span></div>\
         <p>The two leaders signed a mutual defence pact on Wednesday, state media said.</p>\
         <p>The pact commits each side to help the other if attacked.</p></article></body></html>"
    )
}

#[test]
fn relative_datelines_count_back_from_the_warc_date() {
    // Every record here was fetched at 2024-06-20T10:00:00Z (`record`'s WARC-Date).
    let cases = [
        ("11 hours ago", Some("2024-06-19")),
        ("Updated 2 days ago", Some("2024-06-18")),
        ("Yesterday", Some("2024-06-19")),
        ("vor 3 Stunden", Some("2024-06-20")),
        ("il y a 1 semaine", Some("2024-06-13")),
        ("2 часа назад", Some("2024-06-20")),
        ("5小时前", Some("2024-06-20")),
        // A month is no day; nor is a count inside a sentence.
        ("2 months ago", None),
        (
            "Shares in the firm fell sharply two days after the deal, 3 days ago by now, said a trader",
            None,
        ),
    ];
    for (dateline, want) in cases {
        let page = counted_back(dateline);
        let records = [
            response(
                "https://news.example/pact",
                http("200 OK", &["Content-Type: text/html"], page.as_bytes()),
            ),
            record(
                "resource",
                Some("https://news.example/pact2"),
                "text/html",
                page.as_bytes(),
            ),
        ];
        let parsed = parse("crawl.warc", &records.concat(), &IngestConfig::default());
        assert_eq!(parsed.docs.len(), 2, "{dateline}: {:?}", parsed.errors);
        for doc in &parsed.docs {
            assert_eq!(
                doc.published.map(|d| d.to_string()).as_deref(),
                want,
                "{dateline} ({})",
                doc.source
            );
        }
    }
    // A saved page has no moment to count from: no date, rather than a wrong one.
    let page = counted_back("11 hours ago");
    let parsed = parse("pact.html", page.as_bytes(), &IngestConfig::default());
    assert_eq!(parsed.docs[0].published, None);
}
