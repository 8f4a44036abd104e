//! `cargo xtask bench-scale --docs N [--pg URL] [--sinew PATH --label NAME] [--threads T]
//! [--seed S] [--keep] [--show I]`: does Sinew hold a day of the world's news on one machine?
//!
//! Writes N realistic generated articles (`articles::news`: lengths of real news, a median
//! of 4.4 KB, varied entities and figures, 5% wire copies) as one JSON Lines file, the
//! format `sinew ingest` reads fastest in bulk (no HTML to take apart: the text is given;
//! WARC would add extraction, which `bench-extract` measures), cached under
//! `target/bench-scale/` by seed and N since the generator is deterministic. Then ingests it
//! into a fresh store with the release `sinew` (or `--sinew PATH`), `--threads T` passed on
//! when given, under `/usr/bin/time`, and prints wall time, documents/s, MB/s of article text
//! (wall, and per CPU-second), peak resident memory, the wall time of the final analysis
//! (as `ingest --stats` tells it), the store's size on disk against the
//! text it holds, and the search index's; then the wall time and peak memory of `claims
//! --entity X` (X the entity most named in the corpus, "China"), `ledger`, `report` and
//! `search` on the result.
//!
//! Stores are named by `--label` (default `current`) and N, so that two builds can be measured
//! side by side. `--pg URL` ingests into a fresh schema (`sinew_scale_LABEL_N`) of that server instead, its
//! search index in `target/bench-scale/`; the store's size is then the schema's
//! (`pg_total_relation_size` of its tables). `--keep` leaves the store for inspection (by
//! default it is removed afterwards, as a 1M-document store is large).
//!
//! The goals, on this 2-core machine: text to stored claims at 10 MB/s or more;
//! 1,000,000 articles in under 15 minutes with under 2 GB of memory on SQLite; throughput at
//! 1M within 20% of that at 10k; a store at most 3x its clean text; `report` over 100k
//! documents under 5 s.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::articles;
use crate::bench::{measure_sinew as measure, measure_sinew_told, Measure};

/// The seed of the default corpus.
const SEED: u64 = 18;

fn show(m: &Measure) -> String {
    match m.peak_mb {
        Some(mb) => format!("{:>9.2} s {:>8.0} MB", m.secs, mb),
        None => format!("{:>9.2} s      n/a", m.secs),
    }
}

/// Bytes of the files under `path` (a file, or a folder walked recursively).
fn size_on_disk(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else {
        return 0;
    };
    if meta.is_file() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| size_on_disk(&e.path()))
                .sum()
        })
        .unwrap_or(0)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// The corpus of `n` articles of `seed`, written unless cached; returns its path and the
/// bytes of article text in it.
fn corpus(dir: &Path, seed: u64, n: u64) -> Result<(PathBuf, u64)> {
    let v = articles::NEWS_VERSION;
    let path = dir.join(format!("articles-v{v}-{seed}-{n}.jsonl"));
    let stamp = dir.join(format!("articles-v{v}-{seed}-{n}.done"));
    if let Some(bytes) = std::fs::read_to_string(&stamp)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
    {
        if path.exists() {
            return Ok((path, bytes));
        }
    }
    let _ = std::fs::remove_file(&stamp);
    let started = Instant::now();
    let (bytes, copies) = articles::write_news(&path, seed, 0, n)?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "generated {n} articles ({copies} wire copies), {:.1} MB of text ({:.1} MB file) in {secs:.1} s",
        mb(bytes),
        mb(size_on_disk(&path))
    );
    std::fs::write(&stamp, format!("{bytes}\n"))?;
    Ok((path, bytes))
}

/// Removes a SQLite store and what lies beside it.
fn remove_store(db: &Path) {
    for ext in ["db", "db-wal", "db-shm"] {
        let _ = std::fs::remove_file(db.with_extension(ext));
    }
    let _ = std::fs::remove_dir_all(index_of(db));
}

/// The search index beside the store at `db`, where `sinew` keeps it.
fn index_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".search");
    PathBuf::from(name)
}

/// `server` with `search_path` set to `schema`, made afresh (dropped first when present).
fn fresh_schema(server: &str, schema: &str) -> Result<String> {
    let mut admin = postgres::Client::connect(server, postgres::NoTls)
        .with_context(|| format!("connecting to {}", sinew_store::redact_url(server)))?;
    admin.batch_execute(&format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
    ))?;
    let sep = if server.contains('?') { '&' } else { '?' };
    Ok(format!("{server}{sep}options=-c%20search_path%3D{schema}"))
}

/// Bytes the tables of `schema` take (with their indexes and TOAST).
fn schema_size(server: &str, schema: &str) -> Result<u64> {
    let mut admin = postgres::Client::connect(server, postgres::NoTls)
        .with_context(|| format!("connecting to {}", sinew_store::redact_url(server)))?;
    let row = admin.query_one(
        "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::BIGINT FROM pg_class c \
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'",
        &[&schema],
    )?;
    Ok(u64::try_from(row.get::<_, i64>(0)).unwrap_or(0))
}

fn drop_schema(server: &str, schema: &str) -> Result<()> {
    let mut admin = postgres::Client::connect(server, postgres::NoTls)?;
    admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))?;
    Ok(())
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut docs: u64 = 10_000;
    let mut sinew: Option<PathBuf> = None;
    let mut pg: Option<String> = None;
    let mut threads: Option<String> = None;
    let mut seed = SEED;
    let mut keep = false;
    let mut label = "current".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--docs" => {
                docs = it
                    .next()
                    .context("--docs needs a number")?
                    .replace('_', "")
                    .parse()
                    .context("--docs: a number of articles")?;
            }
            "--sinew" => sinew = Some(PathBuf::from(it.next().context("--sinew needs a path")?)),
            "--pg" => pg = Some(it.next().context("--pg needs a postgres:// URL")?.clone()),
            "--threads" => threads = Some(it.next().context("--threads needs a number")?.clone()),
            "--seed" => {
                seed = it
                    .next()
                    .context("--seed needs a number")?
                    .parse()
                    .context("--seed: a number")?;
            }
            "--keep" => keep = true,
            "--label" => {
                label = it.next().context("--label needs a name")?.clone();
                if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    bail!("--label: letters, digits and _ only (it names a schema)");
                }
            }
            "--show" => {
                // Prints one article, to see what the corpus holds.
                let i: u64 = it
                    .next()
                    .context("--show needs an article number")?
                    .parse()
                    .context("--show: an article number")?;
                let a = articles::news(seed, i);
                println!(
                    "{}\n{} | {} | {}\n\n{}",
                    a.title, a.url, a.site, a.published, a.text
                );
                return Ok(());
            }
            other => bail!("bench-scale: unknown argument {other:?}"),
        }
    }
    if docs == 0 {
        bail!("bench-scale: --docs must be at least 1");
    }
    let sinew = match sinew {
        Some(p) => p,
        None => crate::release_sinew()?,
    };
    let dir = crate::target_dir().join("bench-scale");
    std::fs::create_dir_all(&dir)?;
    let (input, text_bytes) = corpus(&dir, seed, docs)?;
    let inp = input.to_string_lossy().into_owned();

    let file_db = dir.join(format!("store-{label}-{docs}.db"));
    let schema = format!("sinew_scale_{label}_{docs}");
    let index = dir.join(format!("pg-{label}-{docs}.search"));
    let (db, envs): (String, Vec<(&str, &Path)>) = match &pg {
        Some(server) => {
            let _ = std::fs::remove_dir_all(&index);
            (
                fresh_schema(server, &schema)?,
                vec![("SINEW_INDEX", index.as_path())],
            )
        }
        None => {
            remove_store(&file_db);
            (file_db.to_string_lossy().into_owned(), Vec::new())
        }
    };
    let place = match &pg {
        Some(server) => format!("PostgreSQL {}", sinew_store::redact_url(server)),
        None => "SQLite".to_string(),
    };
    println!(
        "bench-scale: {docs} articles ({:.1} MB of text, seed {seed}) into {place} with {}",
        mb(text_bytes),
        sinew.display()
    );
    let mut ingest = vec!["--db", db.as_str(), "ingest", "--stats"];
    if let Some(t) = &threads {
        ingest.extend(["--threads", t.as_str()]);
    }
    ingest.push(&inp);
    let (m, _, told) = measure_sinew_told(&sinew, &ingest, &envs)?;
    println!("{:<40} {:>11} {:>11}", "", "wall", "peak RSS");
    println!("{:<40} {}", "ingest", show(&m));
    // The analysis at the run's end, as `ingest --stats` tells it (a build before it told
    // nothing); the rest of the wall time is reading, annotating and storing.
    if let Some(secs) = told
        .lines()
        .find_map(|l| l.strip_prefix("analysis: "))
        .and_then(|l| l.trim_end_matches(" s").parse::<f64>().ok())
    {
        println!(
            "  documents stored in {:.1} s, then analysed in {secs:.1} s",
            m.secs - secs
        );
    }
    println!(
        "  {:.0} documents/s, {:.2} MB/s of text{}",
        docs as f64 / m.secs,
        mb(text_bytes) / m.secs,
        match m.cpu_secs {
            Some(cpu) => format!(
                " ({:.0} CPU s: {:.2} MB/s per CPU-second, {:.2} cores busy)",
                cpu,
                mb(text_bytes) / cpu,
                cpu / m.secs
            ),
            None => String::new(),
        }
    );
    let (store_bytes, index_bytes) = match &pg {
        Some(server) => (schema_size(server, &schema)?, size_on_disk(&index)),
        None => (
            ["db", "db-wal", "db-shm"]
                .iter()
                .map(|e| size_on_disk(&file_db.with_extension(e)))
                .sum(),
            size_on_disk(&index_of(&file_db)),
        ),
    };
    println!(
        "  store {:.1} MB ({:.2}x the text, {:.1} KB a document); search index {:.1} MB",
        mb(store_bytes),
        store_bytes as f64 / text_bytes as f64,
        store_bytes as f64 / docs as f64 / 1e3,
        mb(index_bytes)
    );

    let report = dir.join("report.md").to_string_lossy().into_owned();
    let reads: [(&str, Vec<&str>); 4] = [
        (
            "claims --entity China",
            vec!["--db", &db, "claims", "--entity", "China", "--json"],
        ),
        ("ledger", vec!["--db", &db, "ledger"]),
        ("report", vec!["--db", &db, "report", "-o", &report]),
        (
            "search \"exports of steel\"",
            vec!["--db", &db, "search", "exports of steel", "--json"],
        ),
    ];
    for (name, args) in reads {
        let (m, out) = measure(&sinew, &args, &envs)?;
        let lines = out.lines().count();
        println!("{:<40} {}  ({lines} lines out)", name, show(&m));
    }
    if !keep {
        match &pg {
            Some(server) => {
                drop_schema(server, &schema)?;
                let _ = std::fs::remove_dir_all(&index);
            }
            None => remove_store(&file_db),
        }
    }
    Ok(())
}
