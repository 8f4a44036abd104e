//! `cargo xtask demo`: the README's main job. Builds `sinew`, ingests the sample corpus into
//! an embedded SQLite store and writes its briefing as Markdown and HTML.
//!
//! Each step says what it does before it starts, and the release build says it may take
//! minutes, so the first run is never a silent minute; `sinew` itself then reports its ingest
//! and prints the ledger.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

pub(crate) fn run() -> Result<()> {
    let root = crate::root();
    let started = Instant::now();
    say("building sinew (cargo build --release -p sinew-cli; the first build takes a few minutes)");
    let sinew = crate::release_sinew()?;
    let out = root.join("demo");
    std::fs::create_dir_all(&out)?;
    let db = out.join("sinew.db");
    let sample = root.join("corpus/sample");
    let (files, bytes) = corpus_size(&sample)?;
    let md = out.join("briefing.md");
    let html = out.join("briefing.html");
    let steps: Vec<(String, Vec<&std::ffi::OsStr>)> = vec![
        (
            format!(
                "ingesting {} ({files} files, {:.0} kB) into {}",
                rel(&root, &sample),
                bytes as f64 / 1024.0,
                rel(&root, &db)
            ),
            vec!["ingest".as_ref(), sample.as_os_str()],
        ),
        (
            "the figures ledger: the same figure across sources".to_string(),
            vec!["ledger".as_ref()],
        ),
        (
            format!("writing the briefing to {}", rel(&root, &md)),
            vec!["report".as_ref(), "-o".as_ref(), md.as_os_str()],
        ),
        (
            format!("writing the briefing to {}", rel(&root, &html)),
            vec!["report".as_ref(), "-o".as_ref(), html.as_os_str()],
        ),
    ];
    for (what, args) in &steps {
        say(what);
        let status = Command::new(&sinew)
            .arg("--db")
            .arg(&db)
            .args(args)
            .status()
            .with_context(|| format!("running {}", sinew.display()))?;
        if !status.success() {
            bail!("sinew {} failed", args[0].to_string_lossy());
        }
    }
    println!(
        "\nstore: {}\nbriefing: {} and {}\n(demo done in {:.0} s)",
        db.display(),
        md.display(),
        html.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A step's announcement, on stderr beside cargo's and sinew's own progress.
fn say(what: &str) {
    eprintln!("demo: {what}");
}

/// `path` relative to the repository root, for shorter messages.
fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Files and bytes in the sample corpus (one level: it has no folders).
fn corpus_size(dir: &Path) -> Result<(usize, u64)> {
    let mut files = 0;
    let mut bytes = 0;
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let meta = entry?.metadata()?;
        if meta.is_file() {
            files += 1;
            bytes += meta.len();
        }
    }
    Ok((files, bytes))
}
