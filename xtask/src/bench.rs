//! `cargo xtask bench-ingest [--mb N]`: ingest throughput and peak memory of the release
//! `sinew` binary over the seed articles repeated to at least N MB (default 50). `cargo xtask
//! bench-doc`: language identification and fingerprint cost per document (sinew-ingest's
//! `benches/per_doc.rs`, built optimised).
//!
//! Each copy gets a distinct first line, so content hashing does not turn the run into a
//! string of no-ops: every copy is cleaned, annotated and stored. Uses ../shared/seeds when
//! present, else the project's own corpus/sample.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

pub(crate) fn ingest(args: &[String]) -> Result<()> {
    let mut mb: u64 = 50;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--mb" => {
                mb = it
                    .next()
                    .context("--mb needs a number")?
                    .parse()
                    .context("--mb needs a number")?
            }
            other => bail!("unknown flag {other:?}"),
        }
    }
    let root = crate::root();
    let seeds = root.join("../shared/seeds");
    let (source, label) = if seeds.is_dir() {
        (seeds, "../shared/seeds")
    } else {
        eprintln!("../shared/seeds is absent: using corpus/sample instead");
        (root.join("corpus/sample"), "corpus/sample")
    };
    let inputs = read_inputs(&source)?;
    if inputs.is_empty() {
        bail!("no .txt inputs in {}", source.display());
    }

    let sinew = crate::release_sinew()?;

    let work = root.join("target/bench-ingest");
    let _ = std::fs::remove_dir_all(&work);
    let corpus = work.join("corpus");
    std::fs::create_dir_all(&corpus)?;
    let goal = mb * 1_000_000;
    let (mut written, mut files, mut copy) = (0u64, 0u64, 0u64);
    while written < goal {
        for (name, text) in &inputs {
            let body = format!("Copy {copy} of {name}\n{text}");
            std::fs::write(corpus.join(format!("{copy:05}-{name}")), &body)?;
            written += body.len() as u64;
            files += 1;
        }
        copy += 1;
    }
    println!(
        "corpus: {files} files, {:.1} MB ({} copies of {label})",
        written as f64 / 1e6,
        copy
    );

    let db = work.join("bench.db");
    let started = Instant::now();
    let out = Command::new(&sinew)
        .arg("--db")
        .arg(&db)
        .args(["ingest", "--stats"])
        .arg(&corpus)
        .output()
        .context("running sinew")?;
    let secs = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    print!("{stderr}");
    if !out.status.success() {
        bail!("sinew ingest failed");
    }
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak memory: "))
        .unwrap_or("?");
    println!(
        "bench-ingest: {:.1} MB in {secs:.2} s = {:.1} MB/s wall ({} threads), peak memory {peak}",
        written as f64 / 1e6,
        written as f64 / 1e6 / secs,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    // A second run over the same folder: content hashing makes it a no-op.
    let started = Instant::now();
    let out = Command::new(&sinew)
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&corpus)
        .output()?;
    println!(
        "re-ingest of the same {files} files: {:.2} s ({})",
        started.elapsed().as_secs_f64(),
        String::from_utf8_lossy(&out.stderr).trim()
    );
    Ok(())
}

pub(crate) fn per_doc() -> Result<()> {
    let status = Command::new(env!("CARGO"))
        .args(["bench", "-p", "sinew-ingest", "--bench", "per_doc"])
        .current_dir(crate::root())
        .status()?;
    if !status.success() {
        bail!("the per-document bench failed");
    }
    Ok(())
}

fn read_inputs(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            out.push((name, std::fs::read_to_string(&path)?));
        }
    }
    out.sort();
    Ok(out)
}
