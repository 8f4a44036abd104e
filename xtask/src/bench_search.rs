//! `cargo xtask bench-search [--docs 20000,100000] [--queries 400] [--reuse]`: how fast does
//! the search index take documents, how large is it, and how long does a query take on a large
//! one?
//!
//! The documents are `bench-store`'s generated articles (the same `i` gives the same text),
//! given to [`TantivyIndex`] as the engine would give them (`IndexDoc`), with sentences from
//! sinew-nlp's splitter and facet values read off the text (the countries it names and their
//! ISO3 codes, the kind of goods, the units), without the rest of extraction: the figure is
//! the index's, not the annotator's. Each size is indexed into a fresh folder under
//! `target/bench-search/` in pages of 1,000 with one commit at the end and a wait for the
//! merges, as `sinew index` does (the time includes both). Queries are a fixed mix, run
//! round-robin: single words, phrases, several words, exclusions, the same with facet and
//! date filters, and sentence searches; each returns a page of 10 hits with snippets and the
//! facet counts over every match, what the workbench asks for. Timed in a release build of this xtask (re-run as `bench-search --inner`).
//!
//! `--reuse` searches the index an earlier run left for a size when it holds that many
//! documents (the documents are the same for the same size), skipping the indexing: so two
//! builds' searches can be compared over one index, or one build's searches run under
//! callgrind (`valgrind --tool=callgrind --toggle-collect='*TantivyIndex*search*'
//! target/release/xtask bench-search --inner --reuse --docs 100000 --queries 12`).

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use sinew_search::{Filters, IndexDoc, Scope, SearchIndex, SearchQuery, TantivyIndex};
use sinew_types::DocId;

use crate::articles::{dispatch as article, COUNTRIES, GOODS};

/// Documents added to the index at a time.
const PAGE: usize = 1000;

/// The query mix: text, scope, whether to filter by a country and dates.
const QUERIES: &[(&str, Scope, bool)] = &[
    ("containers", Scope::Documents, false),
    ("China", Scope::Documents, false),
    ("\"machine tools\"", Scope::Documents, false),
    ("\"crude oil\" Russia", Scope::Documents, false),
    ("exported drones billion", Scope::Documents, false),
    ("trade -Russia", Scope::Documents, false),
    ("tankers OR missiles", Scope::Documents, false),
    ("semiconductors", Scope::Documents, true),
    ("trade billion", Scope::Documents, true),
    ("containers", Scope::Sentences, false),
    ("\"dual-use goods\"", Scope::Sentences, true),
    ("State Department", Scope::Sentences, false),
];

pub(crate) fn run(args: &[String]) -> Result<()> {
    if args.first().map(String::as_str) == Some("--inner") {
        return inner(&args[1..]);
    }
    let root = crate::root();
    let status = std::process::Command::new(env!("CARGO"))
        .args(["build", "--release", "-p", "xtask"])
        .current_dir(&root)
        .status()?;
    if !status.success() {
        bail!("release build of xtask failed");
    }
    let me = crate::target_dir().join("release/xtask");
    let status = std::process::Command::new(me)
        .arg("bench-search")
        .arg("--inner")
        .args(args)
        .status()
        .context("running the release xtask")?;
    if !status.success() {
        bail!("bench-search --inner failed");
    }
    Ok(())
}

fn inner(args: &[String]) -> Result<()> {
    let mut sizes = vec![20_000usize, 100_000];
    let mut queries = 400usize;
    let mut reuse = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--docs" => {
                let list = it.next().context("--docs N,N")?;
                sizes = list
                    .split(',')
                    .map(|n| n.trim().parse::<usize>())
                    .collect::<Result<_, _>>()
                    .context("--docs N,N")?;
            }
            "--queries" => {
                queries = it.next().context("--queries N")?.parse()?;
            }
            "--reuse" => reuse = true,
            other => {
                bail!(
                    "unknown flag {other:?}; usage: bench-search [--docs N,N] [--queries N] [--reuse]"
                )
            }
        }
    }
    println!(
        "bench-search: generated articles (bench-store's), {} query kinds, {queries} queries a size, page of 10 with facets",
        QUERIES.len()
    );
    for n in sizes {
        one_size(n, queries, reuse)?;
    }
    Ok(())
}

fn one_size(n: usize, queries: usize, reuse: bool) -> Result<()> {
    let dir = crate::target_dir().join("bench-search").join(n.to_string());
    if reuse && dir.exists() {
        let index = TantivyIndex::open(&dir)?;
        if index.len()? == n as u64 {
            println!("  {n} documents: the index of an earlier run, reused");
            return search(&index, queries);
        }
        println!("  {n} documents: the earlier index holds another count; indexing afresh");
    }
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    let index = TantivyIndex::open(&dir)?;
    let start = Instant::now();
    let mut bytes = 0usize;
    let mut sentences = 0usize;
    for from in (0..n).step_by(PAGE) {
        let docs: Vec<IndexDoc> = (from..(from + PAGE).min(n)).map(index_doc).collect();
        bytes += docs.iter().map(|d| d.text.len()).sum::<usize>();
        sentences += docs.iter().map(|d| d.sentences.len()).sum::<usize>();
        index.add(&docs)?;
    }
    index.commit()?;
    index.wait_merges()?;
    let secs = start.elapsed().as_secs_f64();
    let size = folder_size(&dir)?;
    println!(
        "  {n} documents ({:.1} MB of text, {sentences} sentences): indexed in {secs:.1} s, {:.0} documents/s; index {:.1} MB",
        bytes as f64 / 1e6,
        n as f64 / secs,
        size as f64 / 1e6
    );
    search(&index, queries)
}

/// Runs the query mix over `index` and prints the latencies.
fn search(index: &TantivyIndex, queries: usize) -> Result<()> {
    // Warm the searcher's caches once, as a running server would be.
    let mut latencies: Vec<(usize, f64)> = Vec::with_capacity(queries);
    let mut totals = vec![0u64; QUERIES.len()];
    for k in 0..queries + QUERIES.len() {
        let kind = k % QUERIES.len();
        let q = query(kind);
        let t = Instant::now();
        let r = index.search(&q)?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        totals[kind] = r.total;
        if k >= QUERIES.len() {
            latencies.push((kind, ms));
        }
    }
    let mut all: Vec<f64> = latencies.iter().map(|(_, ms)| *ms).collect();
    println!(
        "    query latency over {} queries: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        all.len(),
        percentile(&mut all, 0.50),
        percentile(&mut all, 0.99),
        all.last().copied().unwrap_or(0.0)
    );
    for (kind, (text, scope, filtered)) in QUERIES.iter().enumerate() {
        let mut mine: Vec<f64> = latencies
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, ms)| *ms)
            .collect();
        println!(
            "      {:<28} {:<9} {:<8} {:>7} hits  p50 {:>6.2} ms  p99 {:>6.2} ms",
            text,
            format!("{scope:?}").to_lowercase(),
            if *filtered { "filtered" } else { "" },
            totals[kind],
            percentile(&mut mine, 0.50),
            percentile(&mut mine, 0.99)
        );
    }
    Ok(())
}

fn query(kind: usize) -> SearchQuery {
    let (text, scope, filtered) = QUERIES[kind];
    let filters = if filtered {
        Filters {
            countries: vec!["RUS".into(), "CHN".into()],
            from: NaiveDate::from_ymd_opt(2020, 1, 1),
            to: NaiveDate::from_ymd_opt(2023, 12, 31),
            ..Filters::default()
        }
    } else {
        Filters::default()
    };
    SearchQuery {
        text: text.to_string(),
        scope,
        filters,
        offset: 0,
        limit: 10,
    }
}

/// Generated article `i` as the index sees it.
fn index_doc(i: usize) -> IndexDoc {
    let (url, text) = article(i);
    let named: Vec<&str> = COUNTRIES
        .iter()
        .copied()
        .filter(|c| text.contains(c))
        .collect();
    let countries = named
        .iter()
        .filter_map(|c| sinew_nlp::iso_codes(c).map(|(_, iso3)| iso3.to_string()))
        .collect();
    let (goods, things) = GOODS
        .iter()
        .copied()
        .find(|(g, _)| text.contains(g))
        .unwrap_or(GOODS[0]);
    let flow = match goods {
        "dual-use goods" | "machine tools" | "electronics" | "semiconductors" => "dual_use",
        "crude oil" => "energy",
        "fertiliser" => "food",
        _ => "trade",
    };
    let day = (i * 7919) % 2000;
    IndexDoc {
        id: DocId(format!("{i:016x}")),
        title: Some(format!("Dispatch {i}: {goods} and {things}")),
        url: Some(url),
        source: format!("outlet{}.example", i % 37),
        lang: Some("en".into()),
        published: NaiveDate::from_ymd_opt(2019, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(day as u64))),
        sentences: sinew_nlp::split_sentences(&text)
            .into_iter()
            .map(|s| s.span)
            .collect(),
        entities: named.iter().map(|c| c.to_string()).collect(),
        countries,
        flow_kinds: vec![flow.into(), "arms".into()][..1 + i % 2].to_vec(),
        units: vec!["USD".into(), things.into()],
        text,
    }
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let k = ((values.len() - 1) as f64 * p).round() as usize;
    values[k]
}

fn folder_size(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            folder_size(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}
