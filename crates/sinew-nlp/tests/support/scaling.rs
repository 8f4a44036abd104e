//! How does the cost of a stage grow with the length of its input? Helpers for the
//! length-scaling tests: the same news text at two sizes, as one line and as many lines, and
//! the CPU time of running a stage over each.
//!
//! Robust on a loaded machine: the time is this thread's CPU time (Linux
//! `/proc/thread-self/schedstat`, in nanoseconds; wall time elsewhere), the best of a few
//! runs, and what is checked is a ratio between two sizes, never an absolute time. Included
//! with `#[path]` by the tests of the crates whose paths it measures.

use std::path::Path;
use std::time::Instant;

/// The size ratio the tests compare (1 MB against 4 MB).
pub(crate) const SIZE_RATIO: usize = 4;

/// The time ratio a linear (or n log n) stage stays under at [`SIZE_RATIO`] times the input:
/// 4 for linear, with room for allocator and cache effects; a quadratic stage gives 16.
pub(crate) const MAX_TIME_RATIO: f64 = 6.0;

/// Runs per size at most; the best is kept, which discards the runs another process slowed.
const RUNS: usize = 3;

/// The sample corpus's plain-text articles (news prose with figures, dates, actors and
/// attributions), concatenated with blank lines between them.
pub(crate) fn sample_prose() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = String::new();
    for p in names {
        out.push_str(&std::fs::read_to_string(&p).expect("a sample article"));
        out.push_str("\n\n");
    }
    out
}

/// `prose` repeated to about `bytes` bytes (cut at a space), with its line breaks kept
/// (`one_line` false) or every run of white space made one space (`one_line` true: a text
/// scrape or a JSON Lines `text` with no line breaks).
pub(crate) fn sized(prose: &str, bytes: usize, one_line: bool) -> String {
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

/// This thread's CPU time so far, in seconds; wall time since the first call where the
/// kernel does not say.
fn cpu_seconds() -> f64 {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat").ok();
    match schedstat
        .as_deref()
        .and_then(|s| s.split_whitespace().next())
        .and_then(|ns| ns.parse::<u64>().ok())
    {
        Some(ns) => ns as f64 / 1e9,
        None => {
            static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
            START.get_or_init(Instant::now).elapsed().as_secs_f64()
        }
    }
}

/// The CPU time of one run of `f`.
fn time(f: impl FnOnce()) -> f64 {
    let start = cpu_seconds();
    f();
    cpu_seconds() - start
}

/// Times `run` on the small and the large input and fails, naming `what`, when the large
/// one costs more than [`MAX_TIME_RATIO`] times the small one.
///
/// The small input's time is the best of [`RUNS`]; the large one is run again only while
/// the ratio is over the bound, since a slowed run can only make a linear stage look worse.
pub(crate) fn assert_scales<T>(what: &str, small: &T, large: &T, run: impl Fn(&T)) {
    let t_small = (0..RUNS)
        .map(|_| time(|| run(small)))
        .fold(f64::INFINITY, f64::min)
        .max(1e-6);
    let mut t_large = f64::INFINITY;
    for _ in 0..RUNS {
        t_large = t_large.min(time(|| run(large)));
        if t_large / t_small < MAX_TIME_RATIO {
            break;
        }
    }
    let ratio = t_large / t_small;
    eprintln!("{what}: {t_small:.3} s, {SIZE_RATIO}x the input {t_large:.3} s, ratio {ratio:.1}");
    assert!(
        ratio < MAX_TIME_RATIO,
        "{what}: {SIZE_RATIO}x the input took {ratio:.1}x the time ({t_small:.3} s -> \
         {t_large:.3} s); every stage must be linear in its input"
    );
}
