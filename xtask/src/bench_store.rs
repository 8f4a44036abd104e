//! `cargo xtask bench-store [--sizes 1000,10000,50000] [--sinew PATH --label NAME] [--pg URL]`: does
//! the cost of ingesting one file stay flat as the store grows, and how long do the read
//! commands take on a large store?
//!
//! Stores of generated articles are built by bulk ingest (each size grows the one before,
//! store and search index together), cached under `target/bench-store/LABEL/` with the
//! search index beside each (`store-N.db.search/`, level with its store: checked with
//! `sinew status`, rebuilt with `sinew index` if not) so that reruns are quick (a cached
//! store is reused only while the store's migrations, `sinew-store/src/schema.rs`, and the
//! index format are unchanged (an index built under another format or facet rule is rebuilt
//! alone with `sinew index`): one of an older schema would be migrated, and re-analysed,
//! inside the timed one-file ingest, and the read commands refuse it); then one new article
//! is ingested into fresh copies of each, once with the index copied beside it (level with
//! the store) and once with no index (the ingest creates one holding the new document), and
//! `ledger`, `graph`, `report` and `entities` run on the largest. Each
//! command is the release binary (or `--sinew PATH`, e.g. an older build, whose stores are
//! cached apart under `--label`), timed by wall clock with its peak resident memory read by
//! `/usr/bin/time`. The goals: one-file ingest flat within 2x from 1k to 50k
//! documents; each read command under 3 s and 500 MB at 50k.
//!
//! `--pg URL` times the same on PostgreSQL: each cached store is copied by `sinew migrate`
//! into a schema of its own (`sinew_bench_N`, made afresh), its index copied beside it
//! (`SINEW_INDEX`), then the one-file ingests (a new article each round, so the store grows
//! by one per round) and the read commands run with `--db` the schema's URL; first, a bulk
//! ingest of the smallest size's articles into an empty store, on SQLite and on PostgreSQL.
//!
//! The articles name pairs of 40 countries, so figures spread over a few thousand grouping
//! buckets as news does (a few pairs recur often, most rarely): each article states an export
//! figure, a running count and a trade total, with dates, qualifiers and attributions, so that
//! every one of them yields claims that group across articles and sometimes conflict.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::articles::{dispatch as article, write_dispatches as write_jsonl};
use crate::bench::Measure;

/// One-file ingests timed per store and index state (the median is shown).
const ROUNDS: usize = 3;

/// Runs `sinew` with `args` under `/usr/bin/time` (when present), output discarded.
pub(crate) fn measure(sinew: &Path, args: &[&str]) -> Result<Measure> {
    measure_with(sinew, args, &[])
}

/// [`measure`] with environment variables set for the command.
fn measure_with(sinew: &Path, args: &[&str], envs: &[(&str, &Path)]) -> Result<Measure> {
    crate::bench::measure_sinew(sinew, args, envs).map(|(m, _)| m)
}

fn copy_store(from: &Path, to: &Path) -> Result<()> {
    for ext in ["db-wal", "db-shm"] {
        let _ = std::fs::remove_file(to.with_extension(ext));
    }
    std::fs::copy(from, to).with_context(|| format!("copying {}", from.display()))?;
    let wal = from.with_extension("db-wal");
    if wal.exists() {
        std::fs::copy(&wal, to.with_extension("db-wal"))?;
    }
    Ok(())
}

/// The search index beside the store at `db`, where `sinew` keeps it.
pub(crate) fn index_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".search");
    PathBuf::from(name)
}

/// Copies the store at `from` to `to`, with its search index when `with_index` (any index
/// beside `to` is removed first, so the copy has exactly the index asked for).
fn copy_store_and_index(from: &Path, to: &Path, with_index: bool) -> Result<()> {
    copy_store(from, to)?;
    let to_index = index_of(to);
    if to_index.exists() {
        std::fs::remove_dir_all(&to_index)
            .with_context(|| format!("removing {}", to_index.display()))?;
    }
    if with_index {
        copy_dir(&index_of(from), &to_index)?;
    }
    Ok(())
}

/// Copies a folder of files (a tantivy index has no subfolders).
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// What `sinew status --json` says of the store at `db`: documents stored, documents in the
/// search index beside it, documents awaiting analysis.
pub(crate) fn counts(sinew: &Path, db: &Path) -> Result<(u64, Option<u64>, u64)> {
    let out = Command::new(sinew)
        .arg("--db")
        .arg(db)
        .args(["status", "--json", "--failures", "0"])
        .output()
        .with_context(|| format!("running {}", sinew.display()))?;
    if !out.status.success() {
        bail!(
            "sinew status of {} failed: {}",
            db.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).context("sinew status --json")?;
    let docs = v["documents"]
        .as_u64()
        .context("status: no document count")?;
    Ok((
        docs,
        v["indexed"].as_u64(),
        v["pending_analysis"].as_u64().unwrap_or(0),
    ))
}

/// The cached store of `size` articles with its search index level with it beside it,
/// built from the next smaller one (store and index) when missing, by `sinew ingest
/// --no-alerts` with `flags` added (bench-serve's `--defer-analysis`).
pub(crate) fn store(
    sinew: &Path,
    dir: &Path,
    size: usize,
    smaller: Option<(usize, &Path)>,
    flags: &[&str],
) -> Result<PathBuf> {
    let path = dir.join(format!("store-{size}.db"));
    let stamp_path = dir.join(format!("store-{size}.schema"));
    let index_stamp_path = dir.join(format!("store-{size}.index"));
    let stamp = schema_stamp()?;
    if cached(dir, size)?.is_some() {
        return Ok(path);
    }
    if path.exists() && std::fs::read_to_string(&stamp_path).ok().as_deref() == Some(&stamp) {
        // The store is good; only what the index holds changed: rebuild the index alone.
        println!("rebuilding the index of the {size}-article store...");
        let db = path.to_string_lossy().into_owned();
        let m = measure(sinew, &["--db", &db, "index"])?;
        println!("  rebuilt in {:.1} s", m.secs);
        std::fs::write(&index_stamp_path, index_stamp()?)?;
        return Ok(path);
    }
    for stale in [
        path.clone(),
        path.with_extension("db-wal"),
        path.with_extension("db-shm"),
    ] {
        let _ = std::fs::remove_file(stale);
    }
    let _ = std::fs::remove_dir_all(index_of(&path));
    let building = dir.join(format!("building-{size}.db"));
    // A build stopped midway under the same schema and flags goes on where it stopped: its
    // input is still there, and ingest passes over the articles already stored.
    let resume_path = dir.join(format!("building-{size}.resume"));
    let resume_stamp = format!("{stamp}{}\n", flags.join(" "));
    let resumed = std::fs::read_to_string(&resume_path).ok();
    let resumed = resumed.and_then(|r| {
        let (from, rest) = r.split_once('\n')?;
        let input = dir.join(format!("articles-{from}-{size}.jsonl"));
        (rest == resume_stamp && building.exists() && input.exists())
            .then(|| from.parse::<usize>().ok())
            .flatten()
    });
    let from = match resumed {
        Some(from) => {
            println!("resuming the stopped build of the {size}-article store");
            from
        }
        None => {
            let _ = std::fs::remove_file(&building);
            let _ = std::fs::remove_dir_all(index_of(&building));
            let from = match smaller {
                Some((n, p)) => {
                    copy_store_and_index(p, &building, true)?;
                    n
                }
                None => 0,
            };
            write_jsonl(
                &dir.join(format!("articles-{from}-{size}.jsonl")),
                from,
                size,
            )?;
            std::fs::write(&resume_path, format!("{from}\n{resume_stamp}"))?;
            from
        }
    };
    let input = dir.join(format!("articles-{from}-{size}.jsonl"));
    println!("building the {size}-article store and its index (articles {from}..{size})...");
    let db = building.to_string_lossy().into_owned();
    let inp = input.to_string_lossy().into_owned();
    let mut args = vec!["--db", &db, "ingest", "--no-alerts"];
    args.extend_from_slice(flags);
    args.push(&inp);
    let m = measure(sinew, &args)?;
    println!("  built in {:.1} s", m.secs);
    std::fs::remove_file(&input)?;
    // Ingest keeps the index current; should it have fallen behind (it never should), the
    // store is still good and `sinew index` levels the index.
    let (stored, indexed, _) = counts(sinew, &building)?;
    if indexed != Some(stored) {
        println!("  the index holds {indexed:?} of {stored} documents: rebuilding it");
        measure(sinew, &["--db", &db, "index"])?;
    }
    std::fs::rename(&building, &path)?;
    let wal = building.with_extension("db-wal");
    if wal.exists() {
        std::fs::rename(&wal, path.with_extension("db-wal"))?;
    }
    std::fs::rename(index_of(&building), index_of(&path))?;
    std::fs::write(&stamp_path, &stamp)?;
    std::fs::write(&index_stamp_path, index_stamp()?)?;
    let _ = std::fs::remove_file(&resume_path);
    Ok(path)
}

/// The cached store of `size` articles in `dir`, when there is one built under the current
/// schema with its index beside it.
pub(crate) fn cached(dir: &Path, size: usize) -> Result<Option<PathBuf>> {
    let path = dir.join(format!("store-{size}.db"));
    let stamp = std::fs::read_to_string(dir.join(format!("store-{size}.schema"))).ok();
    let index = std::fs::read_to_string(dir.join(format!("store-{size}.index"))).ok();
    let ok = path.exists()
        && index_of(&path).exists()
        && stamp == Some(schema_stamp()?)
        && index == Some(index_stamp()?);
    Ok(ok.then_some(path))
}

/// What a cached store must have been built under: a hash of the store's migrations and of
/// the search index's format (`INDEX_VERSION`, which an index of another version is refused
/// for).
fn schema_stamp() -> Result<String> {
    let mut h = DefaultHasher::new();
    for file in [
        "crates/sinew-store/src/schema.rs",
        "crates/sinew-search/src/tantivy_index.rs",
    ] {
        let text = read_root(file)?;
        if file.ends_with("tantivy_index.rs") {
            text.lines()
                .filter(|l| l.contains("INDEX_VERSION: u32"))
                .for_each(|l| l.hash(&mut h));
        } else {
            text.hash(&mut h);
        }
    }
    Ok(format!("{:016x}\n", h.finish()))
}

/// What a cached store's index must have been built under: a hash of what a stored
/// document gives the index (`sinew-engine/src/search.rs`: its facet values).
fn index_stamp() -> Result<String> {
    let mut h = DefaultHasher::new();
    read_root("crates/sinew-engine/src/search.rs")?.hash(&mut h);
    Ok(format!("{:016x}\n", h.finish()))
}

fn read_root(file: &str) -> Result<String> {
    let path = crate::root().join(file);
    std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
}

fn show(m: &Measure) -> String {
    match m.peak_mb {
        Some(mb) => format!("{:>8.2} s {:>8.0} MB", m.secs, mb),
        None => format!("{:>8.2} s      n/a", m.secs),
    }
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut sizes = vec![1000, 10_000, 50_000];
    let mut sinew: Option<PathBuf> = None;
    let mut label = "current".to_string();
    let mut pg: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--sizes" => {
                let v = it.next().context("--sizes needs a list")?;
                sizes = v
                    .split(',')
                    .map(|s| s.trim().parse::<usize>())
                    .collect::<Result<_, _>>()
                    .context("--sizes: numbers separated by commas")?;
                sizes.sort_unstable();
            }
            "--sinew" => sinew = Some(PathBuf::from(it.next().context("--sinew needs a path")?)),
            "--label" => label = it.next().context("--label needs a name")?.clone(),
            "--pg" => pg = Some(it.next().context("--pg needs a postgres:// URL")?.clone()),
            other => bail!("bench-store: unknown argument {other:?}"),
        }
    }
    let sinew = match sinew {
        Some(p) => p,
        None => crate::release_sinew()?,
    };
    let dir = crate::target_dir().join("bench-store").join(&label);
    std::fs::create_dir_all(&dir)?;

    let mut stores: Vec<(usize, PathBuf)> = Vec::new();
    for &size in &sizes {
        let smaller = stores.last().map(|(n, p)| (*n, p.as_path()));
        let path = store(&sinew, &dir, size, smaller, &[])?;
        stores.push((size, path));
    }

    if let Some(server) = pg {
        return on_postgres(&sinew, &dir, &server, &stores);
    }

    println!("bench-store ({label}: {})", sinew.display());
    println!("{:<44} {:>10} {:>11}", "", "wall", "peak RSS");
    let one = dir.join("one-new-article.txt");
    std::fs::write(&one, article(10_000_000).1)?;
    let one = one.to_string_lossy().into_owned();
    // Each size twice: into a copy whose index is level with the store (what an analyst's
    // next ingest meets), and into a copy with no index (ingest creates one and indexes the
    // new document only). Timed over `ROUNDS` fresh copies, the median kept, since a single
    // run of a fraction of a second on a shared machine is noise.
    for (with_index, what) in [(true, "index level"), (false, "no index")] {
        let mut secs = Vec::new();
        for (size, path) in &stores {
            let scratch = dir.join("scratch.db");
            let db = scratch.to_string_lossy().into_owned();
            let mut runs = Vec::new();
            let mut peak = None;
            for _ in 0..ROUNDS {
                copy_store_and_index(path, &scratch, with_index)?;
                let m = measure(&sinew, &["--db", &db, "ingest", &one])?;
                runs.push(m.secs);
                peak = m.peak_mb;
            }
            runs.sort_by(f64::total_cmp);
            let m = Measure {
                secs: runs[runs.len() / 2],
                peak_mb: peak,
                cpu_secs: None,
            };
            println!(
                "{:<44} {}",
                format!("one-file ingest into {size} ({what})"),
                show(&m)
            );
            secs.push(m.secs);
        }
        if let (Some(first), Some(last)) = (secs.first(), secs.last()) {
            println!(
                "one-file ingest ({what}), largest / smallest store: {:.2}x (goal: under 2x)",
                last / first
            );
        }
    }
    if let Some((size, path)) = stores.last() {
        let db = path.to_string_lossy().into_owned();
        let report = dir.join("report.md").to_string_lossy().into_owned();
        for (name, args) in [
            ("ledger", vec!["--db", &db, "ledger"]),
            ("graph", vec!["--db", &db, "graph"]),
            ("report", vec!["--db", &db, "report", "-o", &report]),
            ("entities", vec!["--db", &db, "entities", "--json"]),
        ] {
            let m = measure(&sinew, &args)?;
            println!("{:<44} {}", format!("{name} on {size}"), show(&m));
        }
    }
    Ok(())
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

/// The PostgreSQL half of the bench (`--pg URL`): see the module's documentation.
fn on_postgres(sinew: &Path, dir: &Path, server: &str, stores: &[(usize, PathBuf)]) -> Result<()> {
    println!(
        "bench-store on PostgreSQL ({}: {})",
        sinew_store::redact_url(server),
        sinew.display()
    );
    println!("{:<52} {:>10} {:>11}", "", "wall", "peak RSS");
    let show_line = |what: String, m: &Measure| println!("{what:<52} {}", show(m));

    // Bulk ingest of the smallest size's articles into an empty store, on both stores.
    if let Some((n, _)) = stores.first() {
        let input = dir.join(format!("articles-0-{n}.jsonl"));
        write_jsonl(&input, 0, *n)?;
        let inp = input.to_string_lossy().into_owned();
        let file = dir.join("bulk.db");
        for stale in ["bulk.db", "bulk.db-wal", "bulk.db-shm"] {
            let _ = std::fs::remove_file(dir.join(stale));
        }
        let index = dir.join("bulk-index");
        let _ = std::fs::remove_dir_all(&index);
        let db = file.to_string_lossy().into_owned();
        let m = measure_with(
            sinew,
            &["--db", &db, "ingest", "--no-alerts", &inp],
            &[("SINEW_INDEX", &index)],
        )?;
        show_line(
            format!(
                "bulk ingest of {n} into SQLite ({:.0} docs/s)",
                *n as f64 / m.secs
            ),
            &m,
        );
        let url = fresh_schema(server, "sinew_bench_bulk")?;
        let _ = std::fs::remove_dir_all(&index);
        let m = measure_with(
            sinew,
            &["--db", &url, "ingest", "--no-alerts", &inp],
            &[("SINEW_INDEX", &index)],
        )?;
        show_line(
            format!(
                "bulk ingest of {n} into PostgreSQL ({:.0} docs/s)",
                *n as f64 / m.secs
            ),
            &m,
        );
        std::fs::remove_file(&input)?;
    }

    let mut urls = Vec::new();
    for (size, path) in stores {
        let url = fresh_schema(server, &format!("sinew_bench_{size}"))?;
        let file = path.to_string_lossy().into_owned();
        let m = measure(sinew, &["migrate", "--from", &file, "--to", &url])?;
        show_line(format!("migrate the {size}-article store"), &m);
        urls.push((*size, url, index_of(path)));
    }
    let mut round = 0;
    for (with_index, what) in [(true, "index level"), (false, "no index")] {
        let mut secs = Vec::new();
        for (size, url, index) in &urls {
            let scratch = dir.join("scratch-index");
            let _ = std::fs::remove_dir_all(&scratch);
            if with_index {
                copy_dir(index, &scratch)?;
            }
            let mut runs = Vec::new();
            let mut peak = None;
            for _ in 0..ROUNDS {
                // A new article each round: the same one again would be stored already.
                round += 1;
                let one = dir.join("one-new-article.txt");
                std::fs::write(&one, article(10_000_000 + round).1)?;
                let one = one.to_string_lossy().into_owned();
                let m = measure_with(
                    sinew,
                    &["--db", url, "ingest", &one],
                    &[("SINEW_INDEX", &scratch)],
                )?;
                runs.push(m.secs);
                peak = m.peak_mb;
            }
            runs.sort_by(f64::total_cmp);
            let m = Measure {
                secs: runs[runs.len() / 2],
                peak_mb: peak,
                cpu_secs: None,
            };
            show_line(format!("one-file ingest into {size} ({what})"), &m);
            secs.push(m.secs);
        }
        if let (Some(first), Some(last)) = (secs.first(), secs.last()) {
            println!(
                "one-file ingest ({what}), largest / smallest store: {:.2}x (goal: under 2x)",
                last / first
            );
        }
    }
    if let Some((size, url, _)) = urls.last() {
        let report = dir.join("report.md").to_string_lossy().into_owned();
        for (name, args) in [
            ("ledger", vec!["--db", url, "ledger"]),
            ("graph", vec!["--db", url, "graph"]),
            ("report", vec!["--db", url, "report", "-o", &report]),
            ("entities", vec!["--db", url, "entities", "--json"]),
        ] {
            let m = measure(sinew, &args)?;
            show_line(format!("{name} on {size}"), &m);
        }
    }
    Ok(())
}
