//! Alerts survive `kill -9`: an ingest killed at points spread over its run (before the
//! first commit, between batch commits, once every document is stored but before the
//! analysis is, after it) leaves its documents marked as awaiting analysis, and a re-run, or
//! `sinew alerts` then the re-run, raises exactly the alerts an uninterrupted run raises.
//! The kill points are found by watching the store (documents stored, pending marks) from
//! this process while the child writes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

use crate::ledger::ledger_corpus;
use crate::{json_lines, run, sinew, stderr};

/// Articles per pair: enough for several batch commits (64 documents each).
const COPIES: usize = 24;

/// Pairs of countries for articles that each show a flow the baseline does not.
const PAIRS: &[(&str, &str, &str)] = &[
    ("Iran", "Russia", "drones"),
    ("Belarus", "Russia", "trucks"),
    ("India", "Russia", "tankers"),
    ("Turkey", "Russia", "machine tools"),
    ("Vietnam", "Russia", "rifles"),
    ("Syria", "Iran", "missiles"),
    ("Germany", "Ukraine", "tanks"),
    ("France", "Ukraine", "howitzers"),
    ("Japan", "Ukraine", "generators"),
    ("Poland", "Ukraine", "tanks"),
];

/// The baseline store (two articles) and the folder of new ones: a contradicting trade
/// figure, a later container count and many new flows, enough that the run takes a while.
fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let all = ledger_corpus(dir);
    let base = dir.join("base");
    let watched = dir.join("watched");
    std::fs::create_dir_all(&base).unwrap();
    std::fs::create_dir_all(&watched).unwrap();
    for name in ["a.txt", "c.txt"] {
        std::fs::copy(all.join(name), base.join(name)).unwrap();
    }
    for name in ["b.txt", "d.txt"] {
        std::fs::copy(all.join(name), watched.join(name)).unwrap();
    }
    // Copies state the same figure, so that documents of one run never contradict each
    // other: an alert compares new claims with what was analysed before.
    for (i, (from, to, goods)) in PAIRS.iter().enumerate() {
        let n = 100 * (i + 1);
        for copy in 0..COPIES {
            std::fs::write(
                watched.join(format!("e{i:02}-{copy:03}.txt")),
                format!(
                    "Published June 2, 2024\n\nReport {copy}. {from} has sent about {n} {goods} \
                     to {to} since last year, officials in {to} said.\n"
                ),
            )
            .unwrap();
        }
    }
    let template = dir.join("template.db");
    let out = run(sinew(&template).arg("ingest").arg(&base));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (template, watched)
}

/// A copy of the baseline store.
fn fresh(template: &Path, db: &Path) {
    std::fs::copy(template, db).unwrap();
    let wal = template.with_extension("db-wal");
    if wal.exists() {
        std::fs::copy(&wal, db.with_extension("db-wal")).unwrap();
    }
}

/// Stored alerts as (kind, key, document, message).
fn alerts(db: &Path) -> BTreeSet<(String, String, String, String)> {
    let out = run(sinew(db).args(["alerts", "--json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json_lines(&out)
        .iter()
        .map(|a| {
            let s = |k: &str| a[k].as_str().unwrap_or_default().to_string();
            (s("kind"), s("key"), s("doc"), s("message"))
        })
        .collect()
}

#[test]
fn alerts_of_a_killed_ingest_are_raised_by_the_rerun_or_by_sinew_alerts() {
    let tmp = tempfile::tempdir().unwrap();
    let (template, watched) = setup(tmp.path());

    let reference = tmp.path().join("reference.db");
    fresh(&template, &reference);
    let started = Instant::now();
    let out = run(sinew(&reference).arg("ingest").arg(&watched));
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = alerts(&reference);
    assert!(
        expected.iter().any(|a| a.0 == "conflict") && expected.iter().any(|a| a.0 == "new_flow"),
        "the uninterrupted run raises both kinds: {expected:?}"
    );

    let total = 2 + 2 + PAIRS.len() * COPIES;
    let points = [
        Point::After(took.mul_f64(0.05)),
        Point::Stored(3),
        Point::Stored(70),
        Point::Stored(140),
        Point::Stored(total),
        Point::Stored(total),
        Point::Analysed,
        Point::After(took.mul_f64(0.5)),
    ];
    for (k, point) in points.iter().enumerate() {
        let db = tmp.path().join(format!("killed-{k}.db"));
        fresh(&template, &db);
        let mut child = sinew(&db)
            .arg("ingest")
            .arg(&watched)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        // Opened once the child has started: reads see its commits (WAL) without blocking it.
        let watch = sinew_store::SqliteStore::open(&db).unwrap();
        while child.try_wait().unwrap().is_none() && !point.reached(&watch, started) {
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        let _ = child.kill();
        let _ = child.wait();
        if k % 2 == 1 {
            // `sinew alerts` finishes what the killed run stored; the re-run stores the rest.
            alerts(&db);
        }
        let rerun = run(sinew(&db).arg("ingest").arg(&watched));
        assert_eq!(rerun.status.code(), Some(0), "{}", stderr(&rerun));
        assert_eq!(
            alerts(&db),
            expected,
            "killed at {point:?} ({})",
            if k % 2 == 1 {
                "alerts, then re-run"
            } else {
                "re-run"
            }
        );
    }
}

/// When to kill the child.
#[derive(Debug)]
enum Point {
    /// After this long.
    After(std::time::Duration),
    /// Once the store holds this many documents.
    Stored(usize),
    /// Once the store holds every document and no pending mark: the analysis is committed.
    Analysed,
}

impl Point {
    fn reached(&self, store: &sinew_store::SqliteStore, started: Instant) -> bool {
        use sinew_store::{AnalysisStore, Store};
        let stored = || store.stats().map_or(0, |s| s.documents as usize);
        match self {
            Point::After(d) => started.elapsed() >= *d,
            Point::Stored(n) => stored() >= *n,
            Point::Analysed => stored() > 2 && store.pending().is_ok_and(|p| p.is_empty()),
        }
    }
}
