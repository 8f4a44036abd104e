//! Tidy checks: the architecture's invariants, enforced as tests.

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
        let Some(rank) = ORDER.iter().position(|n| *n == name) else {
            continue;
        };
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
        // Only sinew-store knows SQL; only the CLI knows the terminal.
        for dep in pkg["dependencies"].as_array().into_iter().flatten() {
            let dep_name = dep["name"].as_str().unwrap_or("");
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
    let arch = std::fs::read_to_string(crate::root().join("ARCHITECTURE.md"))
        .expect("ARCHITECTURE.md exists");
    let missing: Vec<&&str> = ORDER.iter().filter(|c| !arch.contains(**c)).collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not mention {missing:?}"
    );
}
