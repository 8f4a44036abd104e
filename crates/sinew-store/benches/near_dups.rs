//! What does a near-duplicate lookup cost as the store grows? Before schema step `dup_bands`,
//! every ingest loaded every stored fingerprint (`Store::fingerprints`) to rebuild its index;
//! now each new document asks the band index (`Store::near_duplicate_candidates`).
//!
//! Run with `cargo bench -p sinew-store --bench near_dups`. For stores of 1k, 10k and 50k
//! documents with 64-value fingerprints (random, so few candidates: the common case), it
//! prints the time to load every fingerprint (the old per-run cost, before building the
//! index), the mean time of one candidate lookup, and what the band rows add to the file per
//! document.

use std::hint::black_box;
use std::time::Instant;

use sinew_store::{SqliteStore, Store};
use sinew_types::{Annotations, DocId, Document, Fingerprint};

/// xorshift64*: deterministic fingerprints without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 32) as u32
    }

    fn fingerprint(&mut self) -> Fingerprint {
        Fingerprint((0..64).map(|_| self.next()).collect())
    }
}

fn doc(i: usize, fingerprint: Option<Fingerprint>) -> Document {
    Document {
        id: DocId(format!("{i:016x}")),
        source: format!("{i}.txt"),
        url: None,
        title: None,
        author: None,
        published: None,
        site: None,
        lang: None,
        text: format!("Document {i}."),
        fingerprint,
        duplicate_of: None,
    }
}

/// A store of `n` documents, with fingerprints or without; its file size in bytes.
fn build(path: &std::path::Path, n: usize, fingerprints: bool) -> (SqliteStore, u64) {
    let store = SqliteStore::open(path).expect("open");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for start in (0..n).step_by(1000) {
        let batch: Vec<(Document, Annotations)> = (start..(start + 1000).min(n))
            .map(|i| {
                let fp = rng.fingerprint();
                (doc(i, fingerprints.then_some(fp)), Annotations::default())
            })
            .collect();
        store.put_batch(&batch).expect("put");
    }
    drop(store);
    let size = std::fs::metadata(path).expect("size").len();
    (SqliteStore::open(path).expect("reopen"), size)
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    println!("store docs | load all fingerprints (old, per run) | one candidate lookup (new) | band rows per doc");
    for n in [1_000, 10_000, 50_000] {
        let started = Instant::now();
        let (plain, plain_size) = build(&dir.path().join(format!("plain-{n}.db")), n, false);
        let plain_secs = started.elapsed().as_secs_f64();
        drop(plain);
        let started = Instant::now();
        let (store, size) = build(&dir.path().join(format!("fp-{n}.db")), n, true);
        let build_secs = started.elapsed().as_secs_f64();

        let started = Instant::now();
        let all = store.fingerprints().expect("fingerprints");
        let load = started.elapsed();
        assert_eq!(all.len(), n);

        // Lookups: half are stored fingerprints (one candidate each), half new ones.
        let mut rng = Rng(42);
        let queries: Vec<Fingerprint> = (0..2000)
            .map(|i| {
                if i % 2 == 0 {
                    all[(rng.next() as usize) % n].fingerprint.clone()
                } else {
                    rng.fingerprint()
                }
            })
            .collect();
        let started = Instant::now();
        let mut found = 0;
        for q in &queries {
            found += black_box(store.near_duplicate_candidates(q).expect("candidates")).len();
        }
        let per_lookup = started.elapsed().as_secs_f64() / queries.len() as f64;
        assert!(found >= queries.len() / 2);
        // The file also holds each fingerprint's 256-byte BLOB; the rest is the band index.
        let per_doc = (size.saturating_sub(plain_size)) as f64 / n as f64;
        println!(
            "{n:>10} | {:>8.1} ms | {:>6.1} µs | {per_doc:>5.0} bytes (fingerprint and bands); store built in {build_secs:.1} s ({plain_secs:.1} s without fingerprints)",
            load.as_secs_f64() * 1e3,
            per_lookup * 1e6,
        );
    }
}
