//! What does a test need from outside the repository, and how does it say that it is missing?
//!
//! Some tests read the development data in `../shared` (seeds, gold claims, dev sets) or open
//! the briefing in headless Chromium. A user's clone has neither, so those tests skip; a skip
//! must not look like a pass. libtest captures `print!`/`eprint!` and shows them only for a
//! failing test, so [`skip`] writes straight to the process's stderr, which libtest leaves
//! alone, one line in a fixed format that `.ci/run` counts:
//!
//! ```text
//! SKIP <test name>: <reason>
//! ```
//!
//! This crate is a dev-dependency only (a tidy test in `xtask` checks it), so nothing here
//! reaches a release build.

mod chromium;

use std::fmt::Display;
use std::io::Write;
use std::path::PathBuf;

pub use chromium::dump_dom;

/// The environment variable that names the shared data folder instead of `../shared` beside
/// the checkout; pointing it at a missing folder shows what a user's clone sees.
pub const SHARED_ENV: &str = "SINEW_SHARED_DIR";

/// The prefix of every skip line, which `.ci/run` counts.
pub const SKIP_PREFIX: &str = "SKIP ";

/// Says, where the test runner shows it, that the running test skips a check and why.
///
/// The test is named by its thread, which libtest names after the test; a test run on the
/// main thread (`--test-threads=1`) is named by its binary instead.
pub fn skip(reason: impl Display) {
    let thread = std::thread::current();
    let name = match thread.name() {
        Some(name) if name != "main" => name.to_string(),
        _ => std::env::args()
            .next()
            .unwrap_or_else(|| "a test".to_string()),
    };
    let line = format!("{SKIP_PREFIX}{name}: {reason}\n");
    // One write of the whole line, so lines of tests running in parallel do not interleave;
    // a failure to write to stderr leaves nothing else to tell.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// The shared data folder if it is there (it holds `seeds/`), without saying anything.
///
/// `$SINEW_SHARED_DIR` when set, else `../shared` beside the workspace.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os(SHARED_ENV).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
        PathBuf::from,
    );
    dir.join("seeds").is_dir().then_some(dir)
}

/// The shared data folder, or `None` after a skip line when it is absent: for a test that
/// needs it whole.
pub fn shared() -> Option<PathBuf> {
    let dir = shared_dir();
    if dir.is_none() {
        skip(absent_shared());
    }
    dir
}

/// The shared data folder, or `None` after a skip line naming `part` when it is absent: for
/// a test that runs without it but checks less ("the seeds' spans").
pub fn shared_for(part: &str) -> Option<PathBuf> {
    let dir = shared_dir();
    if dir.is_none() {
        skip(format_args!("{part} left out: {}", absent_shared()));
    }
    dir
}

fn absent_shared() -> String {
    match std::env::var_os(SHARED_ENV) {
        Some(dir) => format!(
            "${SHARED_ENV} ({}) holds no seeds/ folder",
            PathBuf::from(dir).display()
        ),
        None => "../shared (seeds, gold, dev data) is absent beside the checkout".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The only test of this crate that sets the variable, so no other test sees it change.
    #[test]
    fn shared_dir_follows_the_variable_and_needs_seeds() {
        let dir = std::env::temp_dir().join(format!("sinew-testkit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::env::set_var(SHARED_ENV, &dir);
        assert_eq!(
            shared_dir(),
            None,
            "a folder without seeds/ is not the shared data"
        );
        assert!(absent_shared().contains(&*dir.to_string_lossy()));
        std::fs::create_dir_all(dir.join("seeds")).expect("seeds dir");
        assert_eq!(shared_dir(), Some(dir.clone()));
        std::env::remove_var(SHARED_ENV);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
