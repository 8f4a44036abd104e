//! Gzip'd inputs: any format inside, found by magic bytes; bombs and damage are named errors.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use sinew_ingest::{ErrorKind, Format, IngestConfig};

use crate::{fixture, scratch};

/// `bytes` as one gzip member.
pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    // The default level, not the fastest: the WARC test's bomb must pack a megabyte of
    // spaces under its 6000-byte limit, and zlib-rs's fastest level packs it in 10 KB.
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Each fixture, gzip'd, gives what the plain file gives, whatever the name says.
#[test]
fn gzipped_fixtures_read_like_plain_ones() {
    let dir = scratch("gz");
    for file in ["article.html", "broken.html", "latin1.txt", "feed.jsonl"] {
        let plain = std::fs::read(fixture(file)).unwrap();
        let want = crate::read_ok(&fixture(file));
        // As two members, as a multi-member reader must join them.
        let cut = plain.len() / 2;
        let mut packed = gzip(&plain[..cut]);
        packed.extend(gzip(&plain[cut..]));
        let named = dir.join(format!("{file}.gz"));
        std::fs::write(&named, &packed).unwrap();
        let got = crate::read_ok(&named);
        // The source names the file as it is (`feed.jsonl.gz#4`).
        let want_docs: Vec<_> = want
            .docs
            .iter()
            .map(|d| sinew_types::Document {
                source: d.source.replace(file, &format!("{file}.gz")),
                ..d.clone()
            })
            .collect();
        assert_eq!(got.docs, want_docs, "{file}.gz");
        assert_eq!(got.errors.len(), want.errors.len(), "{file}.gz");
        // Named after its content's format only by the bytes (stdin).
        if !file.ends_with(".txt") {
            let got =
                sinew_ingest::parse_bytes("-", &packed, Format::Auto, &IngestConfig::default())
                    .unwrap();
            assert_eq!(got.docs.len(), want.docs.len(), "{file} as -");
            assert_eq!(got.docs[0].text, want.docs[0].text, "{file} as -");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A gigabyte of zeros in 1024 members of 1 MiB each (about 1 MB compressed): reading stops at
/// the limit with an error naming the input.
#[test]
fn gzip_bomb_stops_at_the_limit() {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(&vec![0u8; 1 << 20]).unwrap();
    let member = enc.finish().unwrap();
    let bomb: Vec<u8> = member.repeat(1024);
    assert!(bomb.len() < 4 << 20);
    let config = IngestConfig {
        max_file_bytes: 4 << 20,
        ..IngestConfig::default()
    };
    for name in ["bomb.html.gz", "bomb.gz", "-"] {
        let err = sinew_ingest::parse_bytes(name, &bomb, Format::Auto, &config).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::TooLargeDecompressed { limit } if *limit == 4 << 20),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            format!("{name}: decompresses to more than the limit of 4194304 bytes")
        );
        assert!(!err.is_io());
    }
}

#[test]
fn damaged_gzip_is_named() {
    let packed = gzip(b"<html><body><p>Some article text that is long enough.</p></body></html>");
    let cases: &[(&[u8], &str)] = &[
        (
            &packed[..packed.len() - 6],
            "page.html.gz: truncated: the gzip data ends early",
        ),
        (
            &packed[..12],
            "page.html.gz: truncated: the gzip data ends early",
        ),
    ];
    for (bytes, message) in cases {
        let err = sinew_ingest::parse_bytes(
            "page.html.gz",
            bytes,
            Format::Auto,
            &IngestConfig::default(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), *message);
        assert!(matches!(err.kind(), ErrorKind::Truncated(_)));
    }
    let mut corrupt = packed.clone();
    for b in &mut corrupt[12..20] {
        *b ^= 0x55;
    }
    let err = sinew_ingest::parse_bytes(
        "page.html.gz",
        &corrupt,
        Format::Auto,
        &IngestConfig::default(),
    )
    .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Malformed(_)), "{err}");
    assert!(
        err.to_string()
            .starts_with("page.html.gz: corrupt gzip data"),
        "{err}"
    );
}
