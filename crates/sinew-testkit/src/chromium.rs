//! Headless Chromium, to check the HTML briefing as a browser parses it: where is Chromium,
//! and what DOM does it build from a page? Used by sinew-report's and sinew-engine's tests.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    let fixed = PathBuf::from("/usr/bin/chromium");
    if fixed.is_file() {
        return Some(fixed);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("chromium"))
        .find(|p| p.is_file())
}

/// The DOM Chromium builds from `html`, or `None` (after a skip line) when Chromium is not
/// installed outside CI. Under CI (`$CI` set) a missing Chromium fails the test.
pub fn dump_dom(html: &str) -> Option<String> {
    let Some(bin) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium not installed, and CI is set"
        );
        crate::skip("chromium is not installed (looked in /usr/bin and $PATH)");
        return None;
    };
    let dir = std::env::temp_dir().join(format!("sinew-report-test-{}", std::process::id()));
    let profile = dir.join("profile");
    std::fs::create_dir_all(&profile).expect("temp dir");
    let page = dir.join("briefing.html");
    std::fs::write(&page, html).expect("write html");

    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    // read stdout on a thread so a full pipe cannot stall the browser
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut out);
        out
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        match child.try_wait().expect("wait for chromium") {
            Some(_) => break,
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    let dom = reader.join().expect("reader thread");
    let _ = std::fs::remove_dir_all(&dir);
    Some(dom)
}
