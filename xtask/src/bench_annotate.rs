//! `cargo xtask bench-annotate [--copies N] [--skip-peers]`: sentences/s of `sinew annotate
//! --layers quantities,times` against quantulum3 (`parser.parse`) and dateparser
//! (`search_dates`) on the same sentences: the quantulum3 English suite and the
//! Recognizers-Text DateTimeModel inputs of `../shared/dev`, each side pinned to one core.
//!
//! Sinew is timed as a whole process (start-up, JSON Lines in and out, and every stage of
//! `sinew_engine::annotate`, entities and claims included) over N copies of the sentences
//! (default 100, so that the run lasts long enough to time), best of 3 after an untimed run;
//! the peers over one copy, their loop only, imports and a warm-up call excluded, so the
//! ratio does not flatter Sinew. Sinew runs twice: on records of unknown language, so each
//! sentence goes through language identification (most of the cost on one-sentence
//! documents too short for the English fast path), and on records that declare `"lang": "en"`,
//! which is what the peers assume: both are English-only and identify no language. Both
//! ratios are printed. The peers run `xtask/bench/annotate_peers.py` in a virtual
//! environment made under `target/bench-annotate-venv` with quantulum3 and dateparser from
//! PyPI.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::bench::{pin_prefix, pinned, python_venv};

const QUANTITIES: &str = "../shared/dev/quantities/quantulum3-en-quantities.json";
const TIMES: &str = "../shared/dev/time/recognizers-en-DateTimeModel.json";

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut copies = 100usize;
    let mut skip_peers = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--copies" => {
                copies = it
                    .next()
                    .context("--copies needs a number")?
                    .parse()
                    .context("--copies needs a number")?
            }
            "--skip-peers" => skip_peers = true,
            other => bail!("unknown flag {other:?}"),
        }
    }
    let root = crate::root();
    let Some(sentences) = sentences(&root)? else {
        return Ok(());
    };
    let words: usize = sentences.iter().map(|s| s.split_whitespace().count()).sum();

    let target = crate::target_dir();
    let dir = target.join("eval");
    std::fs::create_dir_all(&dir)?;
    let plain = dir.join("bench-annotate.txt");
    std::fs::write(&plain, sentences.join("\n") + "\n")?;
    let jsonl = dir.join("bench-annotate.jsonl");
    let declared = dir.join("bench-annotate-en.jsonl");
    let (mut lines, mut lines_en) = (String::new(), String::new());
    for _ in 0..copies.max(1) {
        for s in &sentences {
            lines.push_str(&serde_json::json!({ "text": s }).to_string());
            lines.push('\n');
            lines_en.push_str(&serde_json::json!({ "text": s, "lang": "en" }).to_string());
            lines_en.push('\n');
        }
    }
    std::fs::write(&jsonl, lines)?;
    std::fs::write(&declared, lines_en)?;

    let sinew = crate::release_sinew()?;
    let pin = pin_prefix();
    println!(
        "bench-annotate: {} sentences, {words} words ({QUANTITIES} and {TIMES}), {}",
        sentences.len(),
        if pin.is_empty() {
            "NOT pinned (taskset is missing): both sides may use several cores"
        } else {
            "each side pinned to one core (taskset -c 0)"
        }
    );
    let n = (sentences.len() * copies.max(1)) as f64;
    let mut rates = Vec::new();
    for (input, label, what) in [
        (&jsonl, "sinew annotate", "language identified"),
        (&declared, "sinew annotate, en", "\"lang\": \"en\" declared"),
    ] {
        run_sinew(&sinew, input, &pin)?;
        let mut best = Duration::MAX;
        for _ in 0..3 {
            best = best.min(run_sinew(&sinew, input, &pin)?);
        }
        let secs = best.as_secs_f64();
        rates.push(n / secs);
        row(
            label,
            n / secs,
            (words * copies.max(1)) as f64 / secs,
            &format!("{what}; {copies} copies, best of 3, whole process: {secs:.3} s"),
        );
    }
    if skip_peers {
        return Ok(());
    }

    let python = python_venv(
        &target.join("bench-annotate-venv"),
        "import quantulum3, dateparser",
        &["quantulum3", "dateparser"],
    )?;
    let script = root.join("xtask/bench/annotate_peers.py");
    for tool in ["quantulum3", "dateparser"] {
        let peer = run_peer(&python, &script, tool, &plain, &pin)?;
        let rate = peer.sentences as f64 / peer.seconds;
        row(
            &format!("{tool} {}", peer.version),
            rate,
            peer.words as f64 / peer.seconds,
            &format!(
                "loop only: {:.2} s, {} found, {} failed; sinew is {:.0}x, {:.0}x with \"en\"",
                peer.seconds,
                peer.found,
                peer.failed,
                rates[0] / rate,
                rates[1] / rate
            ),
        );
    }
    println!("  goal (issue 4): >= 100x quantulum3 and >= 100x dateparser in sentences/s");
    Ok(())
}

/// The sentences of both suites, one line each; `None`, with the reason printed, when
/// `../shared` is absent.
fn sentences(root: &Path) -> Result<Option<Vec<String>>> {
    let (q, t) = (root.join(QUANTITIES), root.join(TIMES));
    for p in [&q, &t] {
        if !p.is_file() {
            println!(
                "{} is absent (it lives in the project's shared dev data): nothing to do",
                p.display()
            );
            return Ok(None);
        }
    }
    let read = |p: &Path| -> Result<serde_json::Value> {
        let raw = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        serde_json::from_str(raw.trim_start_matches('\u{feff}'))
            .with_context(|| format!("reading {}", p.display()))
    };
    let mut out = Vec::new();
    for (value, key) in [(read(&q)?, "req"), (read(&t)?, "Input")] {
        for case in value.as_array().into_iter().flatten() {
            if let Some(s) = case[key].as_str() {
                // One sentence a line for every tool.
                let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                if !s.is_empty() {
                    out.push(s);
                }
            }
        }
    }
    Ok(Some(out))
}

fn row(label: &str, sentences_per_s: f64, words_per_s: f64, note: &str) {
    println!(
        "  {label:<22} {sentences_per_s:>10.0} sentences/s {words_per_s:>11.0} words/s  ({note})"
    );
}

/// One run of `sinew annotate` over the JSON Lines, output discarded; its wall time.
fn run_sinew(sinew: &Path, input: &Path, pin: &[String]) -> Result<Duration> {
    let file = std::fs::File::open(input)?;
    let started = Instant::now();
    let status = pinned(pin, sinew)
        .args(["annotate", "--layers", "quantities,times"])
        .stdin(Stdio::from(file))
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .status()
        .with_context(|| format!("running {}", sinew.display()))?;
    let elapsed = started.elapsed();
    if !status.success() {
        bail!("sinew annotate failed ({status})");
    }
    Ok(elapsed)
}

/// What `xtask/bench/annotate_peers.py` reports.
struct PeerRun {
    version: String,
    sentences: u64,
    words: u64,
    found: u64,
    failed: u64,
    seconds: f64,
}

fn run_peer(
    python: &Path,
    script: &Path,
    tool: &str,
    list: &Path,
    pin: &[String],
) -> Result<PeerRun> {
    let out = pinned(pin, python)
        .arg(script)
        .arg(tool)
        .arg(list)
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("running the {tool} bench"))?;
    if !out.status.success() {
        bail!("the {tool} bench failed ({})", out.status);
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .with_context(|| format!("the {tool} bench did not print JSON"))?;
    Ok(PeerRun {
        version: v["version"].as_str().unwrap_or("?").to_string(),
        sentences: v["sentences"].as_u64().unwrap_or(0),
        words: v["words"].as_u64().unwrap_or(0),
        found: v["found"].as_u64().unwrap_or(0),
        failed: v["failed"].as_u64().unwrap_or(0),
        seconds: v["seconds"]
            .as_f64()
            .with_context(|| format!("no seconds in the {tool} report"))?,
    })
}
