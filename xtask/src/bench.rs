//! `cargo xtask bench-ingest [--mb N]`: ingest throughput and peak memory of the release
//! `sinew` binary over the seed articles repeated to at least N MB (default 50). `cargo xtask
//! bench-doc`: language identification and fingerprint cost per document (sinew-ingest's
//! `benches/per_doc.rs`, built optimised). `cargo xtask bench-extract [--pages N]
//! [--skip-peer]`: pages/s of `sinew extract` against trafilatura on the WCXB development
//! pages, each pinned to one core.
//!
//! For bench-ingest, each copy gets a distinct first line, so content hashing does not turn
//! the run into a string of no-ops: every copy is cleaned, annotated and stored. Uses
//! ../shared/seeds when present, else the project's own corpus/sample.
//!
//! For bench-extract, Sinew is timed as a whole process (start-up, reads and JSON output
//! included) and trafilatura over its extraction loop only, so the ratio does not flatter
//! Sinew. `sinew extract` reads its inputs one after another on the main thread
//! (sinew-engine's `extract_paths`); the bench still counts its threads while a first,
//! untimed run warms the page cache, and says so should that ever change.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

/// `cargo xtask bench-ledger [--claims N]`: the figures ledger (and the network) over N
/// generated claims (100,000 by default), in release mode; see
/// `crates/sinew-analysis/benches/ledger.rs`.
pub(crate) fn ledger(args: &[String]) -> Result<()> {
    let mut claims = "100000".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--claims" => match it.next() {
                Some(n) if n.replace('_', "").parse::<usize>().is_ok() => claims = n.clone(),
                _ => bail!("--claims needs a number"),
            },
            other => bail!("unknown flag {other:?} for bench-ledger"),
        }
    }
    let status = Command::new(env!("CARGO"))
        .args(["bench", "-p", "sinew-analysis", "--bench", "ledger"])
        .env("SINEW_BENCH_CLAIMS", claims)
        .current_dir(crate::root())
        .status()?;
    if !status.success() {
        bail!("the ledger bench failed");
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

/// Environment variables that size thread pools; each set to 1 for both sides of the
/// extraction bench, on top of pinning them to one core.
const ONE_THREAD: &[&str] = &[
    "RAYON_NUM_THREADS",
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
];

pub(crate) fn extract(args: &[String]) -> Result<()> {
    let mut limit = None;
    let mut skip_peer = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pages" => {
                limit = Some(
                    it.next()
                        .context("--pages needs a number")?
                        .parse::<usize>()
                        .context("--pages needs a number")?,
                )
            }
            "--skip-peer" => skip_peer = true,
            other => bail!("unknown flag {other:?}"),
        }
    }
    let root = crate::root();
    let dir = root.join(crate::wcxb::DEFAULT_DIR);
    let Some(mut ids) = crate::wcxb::page_ids(&dir)? else {
        return Ok(());
    };
    if let Some(n) = limit {
        ids.truncate(n);
    }
    if ids.is_empty() {
        bail!("no pages to bench");
    }
    let target = crate::target_dir();
    let pages = crate::wcxb::decompress(&dir, &ids, &target.join("eval/wcxb-dev"))?;
    let mut bytes = 0u64;
    for p in &pages {
        bytes += std::fs::metadata(p)?.len();
    }
    let mb = bytes as f64 / 1e6;

    let sinew = crate::release_sinew()?;
    let pin = pin_prefix();
    println!(
        "bench-extract: {} pages, {mb:.1} MB of HTML, {}",
        pages.len(),
        if pin.is_empty() {
            "NOT pinned (taskset is missing): both sides may use several cores"
        } else {
            "each side pinned to one core (taskset -c 0)"
        }
    );

    let (threads, _) = run_sinew(&sinew, &pages, &pin, true)?;
    let mut best = Duration::MAX;
    for _ in 0..3 {
        best = best.min(run_sinew(&sinew, &pages, &pin, false)?.1);
    }
    let secs = best.as_secs_f64();
    let sinew_rate = pages.len() as f64 / secs;
    let seen = match threads {
        Some(1) => "1 thread seen".to_string(),
        Some(n) => format!("{n} threads seen: NOT single-threaded"),
        None => "threads not seen".to_string(),
    };
    row(
        "sinew extract",
        sinew_rate,
        mb / secs,
        &format!("best of 3 runs, whole process: {secs:.3} s; {seen}"),
    );

    big_page(&sinew, &target.join("bench-extract"))?;

    if skip_peer {
        return Ok(());
    }
    let python = bench_venv(&target.join("bench-venv"))?;
    let list = target.join("eval/bench-pages.txt");
    let mut names = String::new();
    for p in &pages {
        names.push_str(&p.to_string_lossy());
        names.push('\n');
    }
    std::fs::write(&list, names)?;
    let script = root.join("xtask/bench/trafilatura_bench.py");
    for mode in ["default", "fast"] {
        let peer = run_peer(&python, &script, mode, &list, &pin)?;
        let rate = peer.pages as f64 / peer.seconds;
        let options = if peer.options.is_empty() {
            String::new()
        } else {
            format!("{}; ", peer.options)
        };
        row(
            &format!("trafilatura {} {mode}", peer.version),
            rate,
            peer.bytes as f64 / 1e6 / peer.seconds,
            &format!(
                "extraction loop: {:.2} s; {options}{} of {} pages extracted; sinew is {:.1}x",
                peer.seconds,
                peer.extracted,
                peer.pages,
                sinew_rate / rate
            ),
        );
    }
    println!("  goal (issue 3): >= 1,000 pages/s per core and >= 10x trafilatura");
    Ok(())
}

/// The size of the hostile page `big_page` writes.
const BIG_PAGE_BYTES: usize = 50 * 1024 * 1024;

/// Time and peak memory of `sinew extract --stats` on one 50 MB page of distinct
/// paragraphs (repeated ones would be dropped as boilerplate and measure nothing).
fn big_page(sinew: &Path, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join("big.html");
    let words = [
        "officials",
        "said",
        "the",
        "shipments",
        "continued",
        "through",
        "winter",
        "and",
        "port",
        "had",
        "added",
        "cranes",
        "to",
        "handle",
        "larger",
        "vessels",
        "ministers",
        "discussed",
        "sanctions",
        "trade",
        "routes",
        "containers",
        "rail",
        "bridges",
    ];
    let mut page = String::with_capacity(BIG_PAGE_BYTES + 4096);
    page.push_str("<html><head><title>Big</title></head><body><article><h1>Ports</h1>\n");
    // A fixed linear congruential sequence: the same page on every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut n = 0u64;
    while page.len() < BIG_PAGE_BYTES {
        page.push_str("<p>");
        for _ in 0..25 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            page.push_str(words[(state >> 33) as usize % words.len()]);
            page.push(' ');
        }
        page.push_str(&format!("({n}).</p>\n"));
        n += 1;
    }
    page.push_str("</article></body></html>\n");
    std::fs::write(&path, &page)?;
    let started = Instant::now();
    let out = Command::new(sinew)
        .args(["extract", "--stats"])
        .arg(&path)
        .stdout(Stdio::null())
        .output()
        .context("running sinew extract on the large page")?;
    let secs = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!("sinew extract failed on the large page: {stderr}");
    }
    let peak: Option<f64> = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak memory: "))
        .and_then(|v| v.trim_end_matches(" MB").parse().ok());
    let size = page.len() as f64 / (1024.0 * 1024.0);
    match peak {
        Some(mb) => println!(
            "  one {size:.0} MB page ({n} paragraphs): {secs:.2} s, peak memory {mb:.0} MB ({:.1}x the page)",
            mb / size
        ),
        None => println!("  one {size:.0} MB page ({n} paragraphs): {secs:.2} s, peak memory not readable here"),
    }
    Ok(())
}

fn row(label: &str, pages_per_s: f64, mb_per_s: f64, note: &str) {
    println!("  {label:<27} {pages_per_s:>8.1} pages/s {mb_per_s:>7.1} MB/s  ({note})");
}

/// `taskset -c 0` when it works here, else nothing (and the report says so).
pub(crate) fn pin_prefix() -> Vec<String> {
    let works = Command::new("taskset")
        .args(["-c", "0", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if works {
        vec!["taskset".into(), "-c".into(), "0".into()]
    } else {
        Vec::new()
    }
}

/// The Reuters news of the CoNLL-2003 English training file (`../shared/dev/ner/eng.train`),
/// each document's tokens joined by single spaces, one document a line, up to `bytes`: the
/// English text the one-core NLP benches share. Written to `target/eval/FILE_NAME`; `None`
/// (after a line saying so) when the shared data is absent.
pub(crate) fn reuters_sample(bytes: usize, file_name: &str) -> Result<Option<(PathBuf, String)>> {
    const NEWS: &str = "../shared/dev/ner/eng.train";
    let news = crate::root().join(NEWS);
    if !news.is_file() {
        println!(
            "{} is absent (it lives in the project's shared dev data): nothing to do",
            news.display()
        );
        return Ok(None);
    }
    let text = std::fs::read_to_string(&news).with_context(|| format!("reading {NEWS}"))?;
    let mut lines = String::new();
    for d in crate::ner::read_conll(&text) {
        let line = d.tokens.join(" ");
        if lines.len() + line.len() > bytes {
            break;
        }
        lines.push_str(&line);
        lines.push('\n');
    }
    let dir = crate::target_dir().join("eval");
    std::fs::create_dir_all(&dir)?;
    let file = dir.join(file_name);
    std::fs::write(&file, &lines)?;
    Ok(Some((file, lines)))
}

/// Runs `xtask COMMAND --inner FILE` from a release build of this xtask (built first), behind
/// the pinning prefix, and reads the JSON object it prints: the timed side of a one-core
/// bench, optimised as `sinew` is.
pub(crate) fn inner_release(
    pin: &[String],
    command: &str,
    file: &Path,
) -> Result<serde_json::Value> {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "-p", "xtask"])
        .current_dir(crate::root())
        .status()?;
    if !status.success() {
        bail!("release build of xtask failed");
    }
    let me = crate::target_dir().join("release/xtask");
    let out = pinned(pin, &me)
        .args([command, "--inner"])
        .arg(file)
        .stderr(Stdio::inherit())
        .output()
        .context("running the release xtask")?;
    if !out.status.success() {
        bail!("{command} --inner failed");
    }
    serde_json::from_slice(&out.stdout).context("reading the inner run's result")
}

/// A command behind the pinning prefix, with thread pools sized to one.
pub(crate) fn pinned(pin: &[String], program: &Path) -> Command {
    let mut cmd = match pin.split_first() {
        Some((first, rest)) => {
            let mut cmd = Command::new(first);
            cmd.args(rest).arg(program);
            cmd
        }
        None => Command::new(program),
    };
    for var in ONE_THREAD {
        cmd.env(var, "1");
    }
    cmd
}

/// Runs `sinew extract` over the pages, output discarded, and returns its wall time. With
/// `watch`, polls `/proc/PID/task` while it runs and also returns the most threads seen
/// (polling costs time, so a watched run is not a timed one).
fn run_sinew(
    sinew: &Path,
    pages: &[PathBuf],
    pin: &[String],
    watch: bool,
) -> Result<(Option<usize>, Duration)> {
    let started = Instant::now();
    let mut child = pinned(pin, sinew)
        .arg("extract")
        .args(pages)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("running {}", sinew.display()))?;
    let mut threads = None;
    let status = if watch {
        let tasks = PathBuf::from(format!("/proc/{}/task", child.id()));
        loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if let Ok(dir) = std::fs::read_dir(&tasks) {
                let n = dir.count();
                threads = Some(threads.map_or(n, |t: usize| t.max(n)));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    } else {
        child.wait()?
    };
    let elapsed = started.elapsed();
    // Exit code 1 says some pages gave no text, which the bench does not mind.
    if !matches!(status.code(), Some(0 | 1)) {
        bail!("sinew extract failed ({status})");
    }
    Ok((threads, elapsed))
}

/// The Python of a virtual environment with trafilatura, made on first use and reused while
/// it still imports.
fn bench_venv(venv: &Path) -> Result<PathBuf> {
    // trafilatura 2.x imports lxml_html_clean, which lxml no longer ships.
    python_venv(
        venv,
        "import trafilatura, lxml_html_clean",
        &["trafilatura", "lxml_html_clean"],
    )
}

/// The Python of a virtual environment at `venv` where `imports` runs, made with `packages`
/// from PyPI on first use and reused while it still imports.
pub(crate) fn python_venv(venv: &Path, imports: &str, packages: &[&str]) -> Result<PathBuf> {
    let python = venv.join("bin/python");
    let ok = |python: &Path| {
        Command::new(python)
            .args(["-c", imports])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if ok(&python) {
        return Ok(python);
    }
    println!(
        "installing {} into {} (once)",
        packages.join(", "),
        venv.display()
    );
    let status = Command::new("python3")
        .args(["-m", "venv", "--clear"])
        .arg(venv)
        .status()
        .context("running python3 -m venv (is python3 installed?)")?;
    if !status.success() {
        bail!("python3 -m venv failed (Debian needs the python3-venv package)");
    }
    let status = Command::new(&python)
        .args(["-m", "pip", "install", "--quiet"])
        .args(packages)
        .status()
        .context("running pip")?;
    if !status.success() || !ok(&python) {
        bail!(
            "could not install {} into {}",
            packages.join(", "),
            venv.display()
        );
    }
    Ok(python)
}

/// What `xtask/bench/trafilatura_bench.py` reports.
struct PeerRun {
    version: String,
    options: String,
    pages: u64,
    bytes: u64,
    extracted: u64,
    seconds: f64,
}

fn run_peer(
    python: &Path,
    script: &Path,
    mode: &str,
    list: &Path,
    pin: &[String],
) -> Result<PeerRun> {
    let out = pinned(pin, python)
        .arg(script)
        .arg(mode)
        .arg(list)
        .stderr(Stdio::inherit())
        .output()
        .context("running the trafilatura bench")?;
    if !out.status.success() {
        bail!("the trafilatura bench ({mode}) failed ({})", out.status);
    }
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).context("the trafilatura bench did not print JSON")?;
    let options = v["options"]
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    Ok(PeerRun {
        version: v["version"].as_str().unwrap_or("?").to_string(),
        options,
        pages: v["pages"].as_u64().unwrap_or(0),
        bytes: v["bytes"].as_u64().unwrap_or(0),
        extracted: v["extracted"].as_u64().unwrap_or(0),
        seconds: v["seconds"]
            .as_f64()
            .context("no seconds in the trafilatura report")?,
    })
}

/// Wall seconds, peak resident megabytes and CPU seconds of one command.
pub(crate) struct Measure {
    pub(crate) secs: f64,
    pub(crate) peak_mb: Option<f64>,
    pub(crate) cpu_secs: Option<f64>,
}

/// Runs `sinew` with `args` (and `envs`) under `/usr/bin/time` when present, which gives its
/// peak memory and CPU time; returns the measure and the command's stdout.
pub(crate) fn measure_sinew(
    sinew: &Path,
    args: &[&str],
    envs: &[(&str, &Path)],
) -> Result<(Measure, String)> {
    measure_sinew_told(sinew, args, envs).map(|(m, out, _)| (m, out))
}

/// [`measure_sinew`], with what the command told on stderr too.
pub(crate) fn measure_sinew_told(
    sinew: &Path,
    args: &[&str],
    envs: &[(&str, &Path)],
) -> Result<(Measure, String, String)> {
    let timer = Path::new("/usr/bin/time");
    let mut cmd = if timer.exists() {
        let mut c = Command::new(timer);
        c.args(["-f", "sinew-measure %M %U %S"]).arg(sinew);
        c
    } else {
        Command::new(sinew)
    };
    cmd.args(args);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let out = cmd
        .output()
        .with_context(|| format!("running {}", sinew.display()))?;
    let secs = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!("sinew {} failed: {stderr}", args.join(" "));
    }
    let fields: Vec<f64> = stderr
        .lines()
        .find_map(|l| l.strip_prefix("sinew-measure "))
        .map(|l| {
            l.split_whitespace()
                .filter_map(|f| f.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let m = Measure {
        secs,
        peak_mb: fields.first().map(|kb| kb / 1024.0),
        cpu_secs: (fields.len() == 3).then(|| fields[1] + fields[2]),
    };
    Ok((
        m,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr.into_owned(),
    ))
}
