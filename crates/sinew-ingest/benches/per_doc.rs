//! Cost per document of language identification and near-duplicate fingerprinting, beside the
//! cost of reading the document (cleaning, HTML extraction) for scale.
//!
//! Run with `cargo xtask bench-doc` (or `cargo bench -p sinew-ingest --bench per_doc`). Inputs:
//! the seed articles in `../shared/seeds` when present, the project's `corpus/sample`, and the
//! dedup test articles; each is measured over enough rounds to take about a tenth of a second.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sinew_ingest::{fingerprint, identify_lang, DupIndex, Format, IngestConfig};
use sinew_types::{DocId, Document};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let folders = [
        root.join("../shared/seeds"),
        root.join("corpus/sample"),
        root.join("crates/sinew-ingest/tests/near_dups"),
    ];
    let mut inputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for folder in folders.iter().filter(|f| f.is_dir()) {
        let (files, _) = sinew_ingest::collect_files(std::slice::from_ref(folder));
        for file in files {
            if let Ok(bytes) = std::fs::read(&file) {
                inputs.push((file, bytes));
            }
        }
    }
    let config = IngestConfig::default();
    let mut docs: Vec<Document> = Vec::new();
    let mut parse_time = Duration::ZERO;
    for (path, bytes) in &inputs {
        let name = path.display().to_string();
        let (parsed, took) =
            per_call(|| sinew_ingest::parse_bytes(&name, bytes, Format::Auto, &config));
        parse_time += took * parsed.as_ref().map_or(1, |p| p.docs.len().max(1)) as u32;
        if let Ok(parsed) = parsed {
            docs.extend(parsed.docs);
        }
    }
    if docs.is_empty() {
        eprintln!("no inputs found");
        return;
    }
    let n = docs.len() as u32;
    let mut lang_time = Duration::ZERO;
    let mut print_time = Duration::ZERO;
    println!(
        "{:<48} {:>7} {:>5} {:>9} {:>9}",
        "document", "bytes", "lang", "lang µs", "print µs"
    );
    for d in &docs {
        let (lang, lt) = per_call(|| identify_lang(&d.text));
        let (_, ft) = per_call(|| fingerprint(&d.text));
        lang_time += lt;
        print_time += ft;
        let name: String = d.source.chars().take(48).collect();
        println!(
            "{name:<48} {:>7} {:>5} {:>9.1} {:>9.1}",
            d.text.len(),
            lang.unwrap_or("-"),
            micros(lt),
            micros(ft)
        );
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "\n{} documents, mean {} bytes of clean text: read+clean {:.1} µs, identify_lang {:.1} µs, \
         fingerprint {:.1} µs per document",
        n,
        bytes / docs.len(),
        micros(parse_time / n),
        micros(lang_time / n),
        micros(print_time / n)
    );

    // The index: 100,000 distinct fingerprints, then lookups of documents not in it.
    let prints: Vec<_> = docs.iter().filter_map(|d| fingerprint(&d.text)).collect();
    let mut index = DupIndex::default();
    let started = Instant::now();
    let mut synthetic = 0u64;
    while index.len() < 100_000 {
        synthetic += 1;
        let text = format!("{synthetic} {}", words(60, synthetic));
        if let Some(fp) = fingerprint(&text) {
            index.insert(DocId(synthetic.to_string()), &fp, None);
        }
    }
    let build = started.elapsed();
    let (_, lookup) = per_call(|| {
        for fp in &prints {
            black_box(index.find(fp));
        }
    });
    println!(
        "index of {} documents: built in {:.2} s (fingerprints included), lookup {:.2} µs",
        index.len(),
        build.as_secs_f64(),
        micros(lookup / prints.len().max(1) as u32)
    );
}

/// `n` pseudo-random words, different for each seed.
fn words(n: usize, seed: u64) -> String {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            format!("w{}", state % 5000)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The result of `f` and the mean time of one call, over rounds adding up to about 100 ms.
fn per_call<T>(mut f: impl FnMut() -> T) -> (T, Duration) {
    let started = Instant::now();
    let first = black_box(f());
    let once = started.elapsed().max(Duration::from_nanos(100));
    let rounds = (Duration::from_millis(100).as_nanos() / once.as_nanos()).clamp(1, 100_000) as u32;
    let started = Instant::now();
    for _ in 0..rounds {
        black_box(f());
    }
    (first, started.elapsed() / rounds)
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
