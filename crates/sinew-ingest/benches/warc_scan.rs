//! What does reading a WARC's blocks a line at a time (to find a record that starts inside a
//! block whose `Content-Length` is wrong) cost beside copying them? Prints the time to pass
//! over an in-memory crawl of records that hold no article (images: long lines of binary;
//! metadata holding HTML: many short lines, the scan's worst case), and the time to copy
//! the same bytes through a 64 KiB buffer with `io::copy`, which is how records were passed
//! over before (less the headers). A third crawl is
//! the scan's worst case: blocks full of `WARC/1.0` lines after blank lines whose headers
//! never end, each checked with a look ahead.
//!
//! Run with `cargo bench -p sinew-ingest --bench warc_scan`.

use std::hint::black_box;
use std::io;
use std::time::{Duration, Instant};

use sinew_ingest::{Format, IngestConfig};

/// One WARC record of type `warc_type` around an HTTP response with `body`.
fn record(n: usize, warc_type: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    http.extend_from_slice(body);
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: https://example.com/{n}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    out.extend_from_slice(&http);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// Bytes that look compressed: a line break every 256 bytes or so, as in real images.
fn noise(len: usize, seed: u32) -> Vec<u8> {
    (0..len as u32)
        .map(|i| (i.wrapping_add(seed).wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect()
}

fn page(n: usize) -> Vec<u8> {
    let para = "<p>Officials said the shipments continued through the winter, and that the port \
                had added cranes to handle the larger vessels now calling there.</p>\n";
    format!(
        "<html><head><title>Report {n}</title></head><body><article><h1>Report number {n} \
         on shipping</h1>\n{}</article></body></html>",
        para.repeat(40)
    )
    .into_bytes()
}

fn main() {
    let config = IngestConfig::default();
    // About 64 MB each, every record passed over: no HTML extraction in the figures.
    let images: Vec<u8> = (0..1600)
        .flat_map(|n| record(n, "response", "image/jpeg", &noise(40_000, n as u32)))
        .collect();
    let pages: Vec<u8> = (0..10_000)
        .flat_map(|n| record(n, "metadata", "text/html", &page(n)))
        .collect();
    // The scan's worst case: every third line a record start after a blank line, whose
    // header ends without a Content-Length, each looked at ahead.
    let decoys: Vec<u8> = (0..1000)
        .flat_map(|n| {
            let block = b"\r\nWARC/1.0\r\nWARC-Type: x\r\n".repeat(2_000);
            record(n, "metadata", "text/plain", &block)
        })
        .collect();
    println!(
        "{:<28} {:>8} {:>10} {:>10} {:>9}",
        "crawl", "MB", "read ms", "copy ms", "MB/s"
    );
    for (name, bytes) in [
        ("1,600 images", &images),
        ("10,000 metadata (HTML)", &pages),
        ("1,000 metadata (decoys)", &decoys),
    ] {
        let read = best_of(3, || {
            let parsed = sinew_ingest::parse_bytes("bench.warc", bytes, Format::Warc, &config)
                .expect("a WARC");
            assert!(parsed.errors.is_empty(), "{:?}", parsed.errors.first());
            parsed.docs.len()
        });
        // What passing over did before: the same 64 KiB buffer, copied out to nowhere.
        let copy = best_of(3, || {
            let mut reader = io::BufReader::with_capacity(64 * 1024, &bytes[..]);
            io::copy(&mut reader, &mut io::sink()).unwrap()
        });
        let mb = bytes.len() as f64 / 1e6;
        println!(
            "{name:<28} {mb:>8.1} {:>10.1} {:>10.2} {:>9.0}",
            read.as_secs_f64() * 1e3,
            copy.as_secs_f64() * 1e3,
            mb / read.as_secs_f64()
        );
    }
}

/// The shortest of `rounds` runs of `f`.
fn best_of<T>(rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..rounds)
        .map(|_| {
            let started = Instant::now();
            black_box(f());
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}
