//! The workbench in a real browser: headless Chromium (Debian's `/usr/bin/chromium`) driven
//! by playwright-core from npm (`tests/browser/walk.cjs`) against the server listening on
//! loopback over the fixture store, and over the self-contained HTML briefing of the same
//! store (`sinew report -o brief.html`), opened as a file. Screenshots of each screen are
//! written to `target/browser-screenshots/`.
//!
//! `.ci/run` installs both (playwright-core into `target/browser-deps`); elsewhere the test
//! says why it skips. Under CI (`$CI` set) a missing piece fails it instead.

use std::path::PathBuf;
use std::process::Command;

use sinew_server::ServeConfig;

use crate::support::{engine, state};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What is missing to run the walk, if anything.
fn missing(playwright: &std::path::Path) -> Option<String> {
    if !PathBuf::from("/usr/bin/chromium").is_file() {
        return Some("/usr/bin/chromium is not installed".into());
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not on PATH".into());
    }
    if !playwright.join("package.json").is_file() {
        return Some(format!(
            "playwright-core is not installed in {}",
            playwright.display()
        ));
    }
    None
}

#[test]
fn workbench_in_chromium() {
    let playwright = workspace().join("target/browser-deps/node_modules/playwright-core");
    if let Some(why) = missing(&playwright) {
        assert!(std::env::var_os("CI").is_none(), "{why}, and CI is set");
        sinew_testkit::skip(format_args!("{why} (.ci/run installs it)"));
        return;
    }
    let st = state();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let config = ServeConfig {
            addr: "127.0.0.1:0".parse().unwrap(),
        };
        sinew_server::serve(&config, st, |addr| tx.send(addr).unwrap()).unwrap();
    });
    let addr = rx.recv().expect("the server starts");
    let shots = workspace().join("target/browser-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    // the briefing as `sinew report` writes it, over the same documents
    let report = tempfile::tempdir().unwrap();
    let html = report.path().join("brief.html");
    let text = engine(true)
        .report(
            sinew_engine::ReportFormat::Html,
            &sinew_engine::BriefingConfig::default(),
        )
        .unwrap();
    std::fs::write(&html, text).unwrap();
    let out = Command::new("node")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser/walk.cjs"))
        .arg(&playwright)
        .arg(format!("http://{addr}"))
        .arg(&shots)
        .arg(&html)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the browser walk failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.lines().filter(|l| l.starts_with("ok ")).count() >= 18,
        "{stdout}"
    );
}
