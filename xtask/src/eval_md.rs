//! `cargo xtask eval-md [--out FILE]`: what does Sinew measure today, on which machine? Runs
//! the evaluation and bench commands that need no network and writes `EVAL.md` (at the
//! workspace root unless `--out` names another file): each command, the figures it printed,
//! how long it ran, the date, the commit and the machine (CPU model, cores, memory, load).
//!
//! Each command runs as a child of this binary (`cargo xtask X` without cargo's start-up),
//! with stdout captured and stderr passed through, so build output and progress show while
//! the figures go to the file. Only figure lines are kept: the long per-case listings
//! (failing sentences, deliberate differences, lowest-scoring pages) stay in each command's
//! own output and files, where they are read.
//!
//! A few quality figures are printed by tests rather than by an xtask command (the ledger
//! against the synthetic corpus's truth, the seed claims against the gold); those tests run
//! with `--nocapture` and only their figure lines are kept.
//!
//! Commands whose data lives in `../shared/dev` are skipped with a `SKIP` line on stderr and
//! a note in the file when it is absent. The peer comparisons (trafilatura, quantulum3,
//! dateparser) run only when their virtual environments under `target/` are already built:
//! building them needs PyPI, and this command must run offline.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};

/// One command whose figures go into EVAL.md.
struct Step {
    /// What the figures answer, as the section's title.
    title: &'static str,
    /// The xtask arguments (empty for a test).
    args: &'static [&'static str],
    /// Set when the figures come from a test rather than an xtask command.
    test: Option<Test>,
    /// Added when the peer's virtual environment (under the target folder) is absent.
    skip_peers: Option<(&'static str, &'static str)>,
    /// Data it needs, from the workspace root; absent, the step is skipped.
    needs: Option<&'static str>,
    /// Header lines (by prefix) whose indented listing below them is left out.
    listings: &'static [&'static str],
}

/// A test that prints figures: `cargo test -q -p PACKAGE --test integration NAME -- --nocapture`.
struct Test {
    package: &'static str,
    name: &'static str,
    /// Prefixes of the figure lines it writes to stderr.
    keep: &'static [&'static str],
}

/// The offline commands, cheapest first, so an interrupted run has written the most.
const STEPS: &[Step] = &[
    Step {
        title: "Figures ledger and network over generated claims",
        args: &["bench-ledger"],
        test: None,
        skip_peers: None,
        needs: None,
        listings: &[],
    },
    Step {
        title: "The ledger against the synthetic corpus's truth, with perfect claims",
        args: &[],
        test: Some(Test {
            package: "sinew-analysis",
            name: "ledger_recovers_the_synthetic_truth",
            keep: &["seed "],
        }),
        skip_peers: None,
        needs: None,
        listings: &[],
    },
    Step {
        title: "The ledger against the synthetic corpus's truth, with extracted claims",
        args: &[],
        test: Some(Test {
            package: "sinew-engine",
            name: "ledger_over_extracted_claims_recovers_the_synthetic_truth",
            keep: &["synthetic corpus"],
        }),
        skip_peers: None,
        needs: None,
        listings: &[],
    },
    Step {
        title: "Seed claims against the gold claims",
        args: &[],
        test: Some(Test {
            package: "sinew-engine",
            name: "seed_claims_meet_the_gold_bar",
            keep: &["seed claims"],
        }),
        skip_peers: None,
        needs: Some("../shared/gold/seed-claims.dev.jsonl"),
        listings: &[],
    },
    Step {
        title: "Claims and ledger against the claim dev gold (eval/claims-dev)",
        args: &["eval-claims"],
        test: None,
        skip_peers: None,
        needs: Some("eval/claims-dev"),
        listings: &[],
    },
    Step {
        title: "One-file ingest as the store grows, and the read commands on 50k documents",
        args: &["bench-store"],
        test: None,
        skip_peers: None,
        needs: None,
        listings: &[],
    },
    Step {
        title: "Cost of one long document (1, 4, 8 MB; one line, many lines, no sentence ends)",
        args: &["bench-scaling"],
        test: None,
        skip_peers: None,
        needs: None,
        listings: &[],
    },
    Step {
        title: "Cost per document of reading, language identification and fingerprints",
        args: &["bench-doc"],
        test: None,
        skip_peers: None,
        needs: None,
        listings: &[],
    },
    Step {
        title: "Ingest throughput and peak memory",
        args: &["bench-ingest", "--mb", "20"],
        test: None,
        skip_peers: None,
        needs: None,
        listings: &[],
    },
    Step {
        title: "Article extraction on the WCXB dev pages",
        args: &["eval-extract"],
        test: None,
        skip_peers: None,
        needs: Some("../shared/dev/extraction/wcxb-dev-articles"),
        listings: &["lowest text F1"],
    },
    Step {
        title: "Extraction speed (and the trafilatura comparison when its venv is built)",
        args: &["bench-extract"],
        test: None,
        skip_peers: Some(("bench-venv", "--skip-peer")),
        needs: Some("../shared/dev/extraction/wcxb-dev-articles"),
        listings: &[],
    },
    Step {
        title: "Quantities on the quantulum3 suite",
        args: &["eval-quantities"],
        test: None,
        skip_peers: None,
        needs: Some("../shared/dev/quantities/quantulum3-en-quantities.json"),
        listings: &[
            "every sentence",
            "failing sentences",
            "deliberate differences",
        ],
    },
    Step {
        title: "Time expressions on the Recognizers-Text DateTimeModel spec",
        args: &["eval-times"],
        test: None,
        skip_peers: None,
        needs: Some("../shared/dev/time/recognizers-en-DateTimeModel.json"),
        listings: &["failing", "deliberate", "failures"],
    },
    Step {
        title: "Entities on CoNLL-2003 English testa (entity F1, conlleval rules)",
        args: &["eval-ner", "../shared/dev/ner/eng.testa"],
        test: None,
        skip_peers: None,
        needs: Some("../shared/dev/ner/eng.testa"),
        listings: &[],
    },
    Step {
        title: "Entity tagger speed (and spaCy's small English pipeline when its venv is built)",
        args: &["bench-ner"],
        test: None,
        skip_peers: Some(("ner-bench-venv", "--skip-peers")),
        needs: Some("../shared/dev/ner/eng.train"),
        listings: &[],
    },
    Step {
        title: "Annotation speed (and the quantulum3 and dateparser comparison when their venv \
                is built)",
        args: &["bench-annotate"],
        test: None,
        skip_peers: Some(("bench-annotate-venv", "--skip-peers")),
        needs: Some("../shared/dev/time/recognizers-en-DateTimeModel.json"),
        listings: &[],
    },
];

pub(crate) fn run(args: &[String]) -> Result<()> {
    let root = crate::root();
    let mut out = root.join("EVAL.md");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = PathBuf::from(it.next().context("--out needs a file")?),
            other => bail!("unknown flag {other:?} for eval-md"),
        }
    }
    let me = std::env::current_exe().context("finding the xtask binary")?;
    let target = crate::target_dir();
    let started = chrono::Utc::now();
    let mut body = String::new();
    let mut peers_left_out = Vec::new();
    for step in STEPS {
        let mut args: Vec<&str> = step.args.to_vec();
        if let Some((venv, flag)) = step.skip_peers {
            if !target.join(venv).join("bin/python").is_file() {
                args.push(flag);
                peers_left_out.push(format!("`target/{venv}`"));
            }
        }
        let command = match &step.test {
            Some(t) => format!(
                "cargo test -q -p {} --test integration {} -- --nocapture",
                t.package, t.name
            ),
            None => format!("cargo xtask {}", args.join(" ")),
        };
        let _ = write!(body, "## {}\n\n`{command}`", step.title);
        if let Some(need) = step.needs.filter(|n| !root.join(n).exists()) {
            // Straight to stderr, in the tests' format: a skipped figure is said, not hidden.
            eprintln!("SKIP eval-md {command}: {need} is absent");
            let _ = writeln!(body, "\n\nSkipped: `{need}` is absent on this machine.\n");
            continue;
        }
        eprintln!("eval-md: {command}");
        let t = Instant::now();
        let mut cmd = match &step.test {
            Some(t) => {
                let mut c = Command::new(env!("CARGO"));
                c.args([
                    "test",
                    "-q",
                    "-p",
                    t.package,
                    "--test",
                    "integration",
                    t.name,
                ])
                .args(["--", "--nocapture"])
                .stderr(Stdio::piped());
                c
            }
            None => {
                let mut c = Command::new(&me);
                c.args(&args).stderr(Stdio::inherit());
                c
            }
        };
        let output = cmd
            .current_dir(&root)
            .stdin(Stdio::null())
            .output()
            .with_context(|| format!("running {command}"))?;
        let secs = t.elapsed().as_secs_f64();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            bail!(
                "{command} failed ({}); its output:\n{stdout}{stderr}",
                output.status
            );
        }
        let kept: String = match &step.test {
            Some(t) => stderr
                .lines()
                .filter(|l| t.keep.iter().any(|k| l.starts_with(k)))
                .map(|l| format!("{l}\n"))
                .collect(),
            None => figures(&stdout, step.listings),
        };
        // Paths relative to the workspace, so the file reads the same from any checkout.
        let kept = kept.replace(&format!("{}/", root.display()), "");
        let _ = writeln!(body, " ({secs:.0} s)\n\n```text\n{kept}```\n");
    }
    let mut doc = header(&root, started)?;
    if !peers_left_out.is_empty() {
        let _ = writeln!(
            doc,
            "Peer comparisons left out: their virtual environments ({}) were not built on this \
             machine, and building them needs PyPI. `cargo xtask bench-extract` and `cargo \
             xtask bench-annotate` build them once and add the peers' rows.\n",
            peers_left_out.join(", ")
        );
    }
    doc.push_str(&body);
    std::fs::write(&out, doc).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("eval-md: wrote {}", out.display());
    Ok(())
}

/// The file's opening: what it is, when, from which commit, on which machine.
fn header(root: &Path, started: chrono::DateTime<chrono::Utc>) -> Result<String> {
    let commit = Command::new("git")
        .args(["describe", "--always", "--dirty"])
        .current_dir(root)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".to_string());
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "rustc (unknown version)".to_string());
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Measured figures\n\n\
         Generated by `cargo xtask eval-md`; do not edit by hand, run it again. Each section \
         names the command that printed its figures, which can be run alone for the full \
         listing. Accuracy figures on the `../shared/dev` sets are development figures: the \
         rules were tuned on them, and held-out data will score lower. Times depend on the \
         machine and its load, given here.\n\n\
         - Date: {}\n- Commit: {commit}\n- Machine: {}\n- Toolchain: {rustc}\n",
        started.format("%Y-%m-%d %H:%M UTC"),
        machine()
    );
    Ok(s)
}

/// CPU model, cores, memory and load average, from `/proc` where there is one.
fn machine() -> String {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let cpuinfo = read("/proc/cpuinfo");
    let field = |text: &str, key: &str| {
        text.lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_string())
    };
    let model = field(&cpuinfo, "model name").unwrap_or_else(|| std::env::consts::ARCH.into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut s = format!("{model}, {cores} cores (nproc)");
    if let Some(kb) = field(&read("/proc/meminfo"), "MemTotal")
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
    {
        let _ = write!(s, ", {:.0} GiB memory", kb / 1024.0 / 1024.0);
    }
    if let Some(load) = read("/proc/loadavg").split_whitespace().next() {
        let _ = write!(s, ", load average {load} at the start");
    }
    s
}

/// The lines of `stdout` worth keeping: all but the indented lines under a header that
/// starts with one of `listings` (the header itself, which carries the count, stays).
fn figures(stdout: &str, listings: &[&str]) -> String {
    let mut out = String::new();
    let mut in_listing = false;
    for line in stdout.lines() {
        let indented = line.starts_with(' ');
        if !indented {
            in_listing = listings.iter().any(|p| line.starts_with(p));
        } else if in_listing && !line.trim_start().starts_with("goal") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_are_left_out_but_their_headers_and_goals_stay() {
        let stdout = "eval-quantities: 3 sentences\n  value only: 2/3\nfailing sentences (2):\n  \
                      \"a\" missed\n  \"b\" missed\ndeliberate differences (1):\n  \"c\"\n  goal \
                      (issue 4): >= 95%\n";
        let kept = figures(stdout, &["failing sentences", "deliberate differences"]);
        assert_eq!(
            kept,
            "eval-quantities: 3 sentences\n  value only: 2/3\nfailing sentences (2):\n\
             deliberate differences (1):\n  goal (issue 4): >= 95%\n"
        );
    }

    #[test]
    fn every_step_is_a_known_command() {
        let main = std::fs::read_to_string(crate::root().join("xtask/src/main.rs"))
            .expect("main.rs reads");
        for step in STEPS.iter().filter(|s| s.test.is_none()) {
            let name = step.args[0];
            assert!(
                main.contains(&format!("Some(\"{name}\")")),
                "eval-md runs `{name}`, which main.rs does not dispatch"
            );
        }
    }
}
