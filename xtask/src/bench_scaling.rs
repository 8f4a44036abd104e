//! `cargo xtask bench-scaling [--mb 1,4,8] [--runs N] [--sinew BIN] [--timeout S]`: does the
//! cost of one document grow
//! linearly with its length? Times the release `sinew annotate` and `sinew ingest` (or
//! another build's, `--sinew`, to compare before and after a change) on one document of each size, written as one line, as many lines, and as one line without a
//! sentence end, and prints each time with its ratio to the smallest size's, per size unit
//! (1.0 is linear; a quadratic stage shows the size ratio itself).
//!
//! The text is the project's own `corpus/sample` articles repeated, so the bench runs in any
//! clone. Each row is the best of N runs (default 1) of the whole process: start-up, reading,
//! cleaning, every annotation stage, JSON output or the store write; its wall time and its
//! CPU time (user and system, from `/proc`), on which the ratio is taken since a machine
//! shared with other work stretches wall time unevenly. Above
//! `sinew_nlp::Limits::max_sentences` (50,000 sentences, some 6 MB of this text) a document is
//! annotated up to the limit, which the table marks, so the largest sizes show the limit's
//! bound rather than the stages' growth. A run longer than `--timeout` seconds (default 120)
//! is stopped and shown as such, and the case's larger sizes are skipped. The length-scaling tests check the same ratios on
//! 1 MB and 4 MB as ordinary tests (sinew-nlp and sinew-engine `tests/scaling.rs`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

const MB: usize = 1 << 20;

/// One way of feeding a document to `sinew`.
struct Case {
    label: &'static str,
    command: &'static str,
    /// The document's text as the command reads it, from the sample prose and a size.
    input: fn(&str, usize) -> String,
    /// File name for `ingest` (its extension picks the format); `annotate` reads stdin.
    file: &'static str,
}

const CASES: &[Case] = &[
    Case {
        label: "annotate, one line",
        command: "annotate",
        input: |p, n| sized(p, n, true),
        file: "",
    },
    Case {
        label: "annotate, JSONL with line breaks",
        command: "annotate",
        input: |p, n| record(sized(p, n, false)),
        file: "",
    },
    Case {
        label: "annotate, no sentence ends",
        command: "annotate",
        input: |p, n| sized(&no_sentence_ends(p), n, true),
        file: "",
    },
    Case {
        label: "ingest .txt, one line",
        command: "ingest",
        input: |p, n| sized(p, n, true),
        file: "doc.txt",
    },
    Case {
        label: "ingest .txt, many lines",
        command: "ingest",
        input: |p, n| sized(p, n, false),
        file: "doc.txt",
    },
    Case {
        label: "ingest .jsonl, one line",
        command: "ingest",
        input: |p, n| record(sized(p, n, true)),
        file: "doc.jsonl",
    },
];

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut sizes = vec![1usize, 4, 8];
    let mut runs = 1usize;
    let mut sinew: Option<PathBuf> = None;
    let mut timeout = 120u64;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--mb" => {
                let list = it.next().context("--mb needs sizes, e.g. 1,4,8")?;
                sizes = list
                    .split(',')
                    .map(|s| s.trim().parse::<usize>())
                    .collect::<Result<_, _>>()
                    .context("--mb needs whole megabytes, e.g. 1,4,8")?;
            }
            "--runs" => {
                runs = it
                    .next()
                    .context("--runs needs a number")?
                    .parse()
                    .context("--runs needs a number")?
            }
            "--sinew" => sinew = Some(it.next().context("--sinew needs a path")?.into()),
            "--timeout" => {
                timeout = it
                    .next()
                    .context("--timeout needs seconds")?
                    .parse()
                    .context("--timeout needs seconds")?
            }
            other => bail!("unknown flag {other:?}"),
        }
    }
    if sizes.is_empty() || sizes.contains(&0) {
        bail!("--mb needs sizes of at least 1");
    }
    let root = crate::root();
    let prose = sample_prose(&root.join("corpus/sample"))?;
    let sinew = match sinew {
        Some(path) => path,
        None => crate::release_sinew()?,
    };
    let limit = Duration::from_secs(timeout);
    let work = crate::target_dir().join("bench-scaling");
    std::fs::create_dir_all(&work)?;

    println!(
        "one document of each size, best of {runs} run(s); ratio = CPU time / (size x CPU \
         time at {} MB), 1.00 is linear",
        sizes[0]
    );
    println!(
        "{:<34} {:>4} {:>8} {:>8} {:>6}  note",
        "case", "MB", "wall s", "CPU s", "ratio"
    );
    for case in CASES {
        let mut base: Option<f64> = None;
        for &mb in &sizes {
            let input = (case.input)(&prose, mb * MB);
            let mut best: Option<(Timing, String)> = None;
            for _ in 0..runs.max(1) {
                let Some((t, note)) = time_case(&sinew, &work, case, &input, limit)? else {
                    break;
                };
                if best.as_ref().is_none_or(|(b, _)| t.key() < b.key()) {
                    best = Some((t, note));
                }
            }
            let Some((best, note)) = best else {
                let over = format!(">{timeout}");
                println!(
                    "{:<34} {mb:>4} {over:>8} {:>8} {:>6}  stopped",
                    case.label, "-", "-"
                );
                break;
            };
            let per_unit = *base.get_or_insert(best.key() / mb as f64);
            let ratio = best.key() / (mb as f64 * per_unit);
            let cpu = best.cpu.map_or("-".to_string(), |c| format!("{c:.2}"));
            println!(
                "{:<34} {mb:>4} {:>8.2} {cpu:>8} {ratio:>6.2}  {note}",
                case.label, best.wall
            );
        }
    }
    Ok(())
}

/// Runs one case on one input and returns its wall time and what its output says about
/// limits (annotate) or claims (ingest); `None` when it ran past `limit` and was stopped.
fn time_case(
    sinew: &Path,
    work: &Path,
    case: &Case,
    input: &str,
    limit: Duration,
) -> Result<Option<(Timing, String)>> {
    let mut cmd = Command::new(sinew);
    let stdin = if case.command == "annotate" {
        cmd.arg("annotate");
        Some(input.as_bytes().to_vec())
    } else {
        let file = work.join(case.file);
        std::fs::write(&file, input)?;
        let db = work.join("bench.db");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        cmd.arg("--db")
            .arg(&db)
            .args(["ingest", "--no-alerts"])
            .arg(&file);
        None
    };
    let started = Instant::now();
    let mut child = cmd
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("running {}", sinew.display()))?;
    // Fed and drained from other threads, so full pipes block neither side.
    let writer = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        std::thread::spawn(move || pipe.write_all(&bytes))
    });
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = pipe.read_to_string(&mut s);
            s
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout is piped")));
    let err = drain(Box::new(child.stderr.take().expect("stderr is piped")));
    let stat = PathBuf::from(format!("/proc/{}/stat", child.id()));
    let mut cpu = None;
    let status = loop {
        // Read before reaping: a zombie's stat still holds its final CPU time.
        if let Some(t) = cpu_seconds(&stat) {
            cpu = Some(t);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > limit {
            child.kill()?;
            child.wait()?;
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let wall = started.elapsed().as_secs_f64();
    if let Some(w) = writer {
        let _ = w.join();
    }
    let (out, err) = (
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    );
    if !status.success() {
        bail!("sinew {} failed ({status}): {err}", case.command);
    }
    let note = if out.contains("limit max_sentences") {
        "annotated up to max_sentences".to_string()
    } else if out.contains("limit max_claims") {
        "claims up to max_claims".to_string()
    } else {
        // ingest's summary: "..., 1798 claims; ..."
        err.split([',', ';'])
            .map(str::trim)
            .find(|part| part.ends_with(" claims"))
            .unwrap_or("")
            .to_string()
    };
    Ok(Some((Timing { wall, cpu }, note)))
}

/// A process's user and system time so far, from `/proc/PID/stat` (fields 14 and 15, in
/// ticks of 1/100 s, Linux's `USER_HZ`); `None` where the file is not there.
fn cpu_seconds(stat: &Path) -> Option<f64> {
    let text = std::fs::read_to_string(stat).ok()?;
    // The command name in brackets may hold spaces: count fields after its closing bracket.
    let after = &text[text.rfind(')')? + 1..];
    let mut fields = after.split_whitespace().skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some((utime + stime) as f64 / 100.0)
}

/// How long one run took.
#[derive(Debug, Clone, Copy)]
struct Timing {
    wall: f64,
    /// User and system CPU time, where `/proc` tells it: on a loaded machine the steadier
    /// measure, and the one the ratio uses.
    cpu: Option<f64>,
}

impl Timing {
    fn key(self) -> f64 {
        self.cpu.unwrap_or(self.wall)
    }
}

/// The sample articles, concatenated with blank lines between them.
fn sample_prose(dir: &Path) -> Result<String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = String::new();
    for p in names {
        out.push_str(&std::fs::read_to_string(&p)?);
        out.push_str("\n\n");
    }
    if out.is_empty() {
        bail!("no .txt articles in {}", dir.display());
    }
    Ok(out)
}

/// `prose` repeated to about `bytes` bytes, as one line (white space runs made one space)
/// or with its line breaks.
fn sized(prose: &str, bytes: usize, one_line: bool) -> String {
    let mut out = String::with_capacity(bytes + prose.len());
    while out.len() < bytes {
        if one_line {
            for w in prose.split_whitespace() {
                out.push_str(w);
                out.push(' ');
            }
        } else {
            out.push_str(prose);
        }
    }
    let mut cut = bytes.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(out[..cut].rfind(' ').unwrap_or(cut));
    out
}

/// The prose with its full stops, question and exclamation marks made commas: one endless
/// sentence, as a flattened table or a scrape without punctuation gives.
fn no_sentence_ends(prose: &str) -> String {
    prose
        .chars()
        .map(|c| if matches!(c, '.' | '!' | '?') { ',' } else { c })
        .collect()
}

/// One JSON Lines record holding `text`.
fn record(text: String) -> String {
    let mut line =
        serde_json::json!({ "url": "https://example.org/scaling", "text": text }).to_string();
    line.push('\n');
    line
}
