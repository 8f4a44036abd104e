//! Tidy checks: does the code keep the architecture's invariants and the house style? Each is
//! an ordinary test, run by `cargo test`.
//!
//! - Dependencies point down the stages (`ORDER`); SQL only in sinew-store, the terminal only
//!   in sinew-cli; sinew-testkit only as a dev-dependency.
//! - ARCHITECTURE.md names every crate.
//! - Every `.rs` file of `crates/` and `xtask/` starts with a `//!` module doc.
//! - No `.rs` file there is over `MAX_LINES` lines, except those in `LONG_FILES`, each with
//!   the reason it stays whole. The list is exact: an entry whose file is gone or has come
//!   under the limit fails too, so the list only shrinks as files are split.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Stages in data-flow order; a crate may depend only on crates before it.
const ORDER: &[&str] = &[
    "sinew-types",
    "sinew-ingest",
    "sinew-nlp",
    "sinew-store",
    "sinew-analysis",
    "sinew-report",
    "sinew-engine",
    "sinew-cli",
];

#[test]
fn dependencies_point_down_toward_sinew_types() {
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(crate::root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let mut problems = Vec::new();
    for pkg in meta["packages"].as_array().expect("packages") {
        let name = pkg["name"].as_str().unwrap_or("");
        if let Some(rank) = ORDER.iter().position(|n| *n == name) {
            for dep in pkg["dependencies"].as_array().into_iter().flatten() {
                let dep_name = dep["name"].as_str().unwrap_or("");
                if dep["kind"].as_str() == Some("dev") {
                    continue;
                }
                if let Some(dep_rank) = ORDER.iter().position(|n| *n == dep_name) {
                    if dep_rank >= rank {
                        problems.push(format!("{name} depends on the later stage {dep_name}"));
                    }
                }
            }
        }
        // Only sinew-store knows SQL; only the CLI knows the terminal; test support never
        // reaches a build.
        for dep in pkg["dependencies"].as_array().into_iter().flatten() {
            let dep_name = dep["name"].as_str().unwrap_or("");
            if dep_name == "sinew-testkit" && dep["kind"].as_str() != Some("dev") {
                problems.push(format!(
                    "{name} depends on sinew-testkit outside [dev-dependencies]; it is test support"
                ));
            }
            // A test may open the database as another process would (to hold its locks).
            let dev = dep["kind"].as_str() == Some("dev");
            if dep_name == "rusqlite" && name != "sinew-store" && !dev {
                problems.push(format!(
                    "{name} uses rusqlite; storage belongs to sinew-store"
                ));
            }
            if matches!(dep_name, "clap" | "indicatif") && name != "sinew-cli" {
                problems.push(format!(
                    "{name} uses {dep_name}; the terminal belongs to sinew-cli"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "architecture violations:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_crate_is_described_in_architecture_md() {
    let root = crate::root();
    let arch =
        std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md exists");
    let mut crates: Vec<String> = ORDER.iter().map(|c| c.to_string()).collect();
    for entry in std::fs::read_dir(root.join("crates")).expect("crates/ reads") {
        let entry = entry.expect("crates/ entry");
        if entry.path().join("Cargo.toml").is_file() {
            crates.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    crates.sort();
    crates.dedup();
    let missing: Vec<&String> = crates
        .iter()
        .filter(|c| !arch.contains(c.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not mention {missing:?}: add each to its code map"
    );
}

/// The longest a `.rs` file may be: past it a file usually holds several concerns.
const MAX_LINES: usize = 800;

/// Files allowed over `MAX_LINES`, each with the reason it stays whole (paths from the
/// workspace root). Exact: an entry for a file that is gone or now under the limit fails.
const LONG_FILES: &[(&str, &str)] = &[
    (
        "crates/sinew-analysis/src/synth.rs",
        "the synthetic corpus's generator and its scorer share one model of a statement; \
         split when the scorer grows",
    ),
    (
        "crates/sinew-ingest/tests/html.rs",
        "one fixture-driven test file per format; its cases share the page builders",
    ),
    (
        "crates/sinew-nlp/src/quantities/lexicon.rs",
        "word lists written down as data: long, but one concern",
    ),
    (
        "crates/sinew-nlp/src/quantities/mod.rs",
        "the one-pass number reader and its lookahead helpers share one cursor state",
    ),
    (
        "crates/sinew-nlp/src/times/dates.rs",
        "calendar date forms, one parser each over the shared token stream",
    ),
    (
        "crates/sinew-nlp/src/times/grammar.rs",
        "the time grammar's shared machinery and interval forms; dates and relative \
         expressions are already apart",
    ),
    (
        "crates/sinew-nlp/src/times/relative.rs",
        "relative expressions, one parser each over the shared token stream",
    ),
    (
        "crates/sinew-nlp/tests/quantities.rs",
        "a table of sentences and the figures expected in them: data",
    ),
    (
        "xtask/src/eval_times.rs",
        "the scorer, its field mapping and the table of deliberate differences with their \
         reasons, read together",
    ),
];

#[test]
fn no_file_is_longer_than_the_limit_without_a_reason() {
    let root = crate::root();
    let mut problems = Vec::new();
    for path in rust_files(&root) {
        let text = std::fs::read_to_string(root.join(&path)).expect("source reads");
        let lines = text.lines().count();
        let listed = LONG_FILES.iter().any(|(p, _)| *p == path);
        if lines > MAX_LINES {
            if !listed {
                problems.push(format!(
                    "{path} has {lines} lines, over the {MAX_LINES}-line limit: split it by \
                     concern, or add it to LONG_FILES in xtask/src/tidy.rs with the reason it \
                     stays whole"
                ));
            }
        } else if listed {
            problems.push(format!(
                "{path} has {lines} lines, within the {MAX_LINES}-line limit: remove its entry \
                 from LONG_FILES in xtask/src/tidy.rs"
            ));
        }
    }
    for (path, _) in LONG_FILES {
        if !root.join(path).is_file() {
            problems.push(format!(
                "{path} is in LONG_FILES in xtask/src/tidy.rs but no longer exists: remove its \
                 entry (and add any new file over {MAX_LINES} lines)"
            ));
        }
    }
    assert!(problems.is_empty(), "file length:\n{}", problems.join("\n"));
}

#[test]
fn every_file_starts_with_a_module_doc() {
    let root = crate::root();
    let missing: Vec<String> = rust_files(&root)
        .into_iter()
        .filter(|path| {
            let text = std::fs::read_to_string(root.join(path)).expect("source reads");
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            !first.trim_start().starts_with("//!")
        })
        .map(|path| {
            format!(
                "{path} has no module doc: start it with a `//!` comment saying what question \
                 the file answers"
            )
        })
        .collect();
    assert!(missing.is_empty(), "module docs:\n{}", missing.join("\n"));
}

/// Every `.rs` file under `crates/` and `xtask/`, as a `/`-separated path from `root`,
/// sorted; build output (`target/`) and hidden folders are left out.
fn rust_files(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.join("crates"), root.join("xtask")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("source folder reads") {
            let path = entry.expect("folder entry").path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.unwrap_or_default();
            if path.is_dir() {
                if name != "target" && !name.starts_with('.') {
                    stack.push(path);
                }
            } else if name.ends_with(".rs") {
                let rel = path.strip_prefix(root).expect("under the root");
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    out.sort();
    out
}
