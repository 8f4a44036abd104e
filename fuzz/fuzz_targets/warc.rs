//! Arbitrary bytes read as a WARC stream (gzip'd or not): never a panic, a hang or unbounded
//! memory; every error names the input and every document's id is the hash of its text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sinew_ingest::{Format, IngestConfig};

fuzz_target!(|data: &[u8]| {
    // A small limit, so that inflated payloads hit it quickly.
    let config = IngestConfig {
        max_file_bytes: 1 << 20,
        ..IngestConfig::default()
    };
    match sinew_ingest::parse_bytes("crawl.warc", data, Format::Warc, &config) {
        Ok(parsed) => {
            for doc in &parsed.docs {
                assert_eq!(doc.id, sinew_ingest::doc_id(&doc.text));
                assert!(!doc.text.is_empty());
            }
            for err in &parsed.errors {
                assert!(err.to_string().starts_with("crawl.warc"), "{err}");
            }
        }
        Err(err) => assert!(err.to_string().starts_with("crawl.warc"), "{err}"),
    }
});
