//! The workbench's records: ingest runs with their failed inputs, and alert rules, kept
//! across opens, listed newest first, counted, and refused on a read-only store.

use sinew_store::{
    AlertRule, BriefingRun, IngestRun, InputFailure, SqliteStore, Store, WorkbenchStore,
};

use crate::backends::backends;
use sinew_types::AlertKind;

fn failure(input: &str) -> InputFailure {
    InputFailure {
        input: input.to_string(),
        error: format!("{input}: not an article"),
    }
}

#[test]
fn runs_and_failures_are_kept_newest_first_and_counted() {
    for backend in backends() {
        let store = &*backend.store;
        let first = store
            .record_run(&IngestRun {
                origin: "cli".into(),
                inputs: 3,
                documents: 2,
                inserted: 2,
                elapsed_ms: 40,
                failures: vec![failure("a.warc"), failure("b.html")],
            })
            .expect("first");
        let second = store
            .record_run(&IngestRun {
                origin: "server".into(),
                inputs: 1,
                failures: vec![failure("a.warc")],
                ..IngestRun::default()
            })
            .expect("second");
        assert!(second > first);

        let store = &*backend.reopen_read_only();
        let log = store.ingest_log(2).expect("log");
        assert_eq!((log.runs, log.failures, log.failed_inputs), (2, 3, 2));
        let last = log.last_run.expect("last run");
        assert_eq!((last.id, last.run.origin.as_str()), (second, "server"));
        let recent: Vec<(u64, &str)> = log
            .recent
            .iter()
            .map(|f| (f.run, f.failure.input.as_str()))
            .collect();
        assert_eq!(recent, [(second, "a.warc"), (first, "b.html")], "capped");
        assert_eq!(log.recent[1].failure.error, "b.html: not an article");
        // Records need a writable store.
        assert!(store.record_run(&IngestRun::default()).is_err());
        assert!(store.put_alert_rule(&AlertRule::default()).is_err());
    }
}

#[test]
fn alert_rules_are_stored_listed_and_deleted() {
    for backend in backends() {
        let store = &*backend.store;
        assert!(store.alert_rules().expect("none").is_empty());
        let any = store
            .put_alert_rule(&AlertRule {
                name: "everything".into(),
                ..AlertRule::default()
            })
            .expect("any");
        let narrow = AlertRule {
            name: "Russian containers".into(),
            kinds: vec![AlertKind::Conflict, AlertKind::Revision],
            entity: Some("Russia".into()),
            measure: Some("containers".into()),
        };
        let kept = store.put_alert_rule(&narrow).expect("narrow");
        assert_eq!(kept.rule, narrow);
        let rules = store.alert_rules().expect("rules");
        assert_eq!(rules, vec![any.clone(), kept.clone()]);
        assert!(store.delete_alert_rule(any.id).expect("delete"));
        assert!(!store.delete_alert_rule(any.id).expect("again"), "gone");
        assert_eq!(store.alert_rules().expect("rules"), vec![kept]);
        // Nothing else in the store changed.
        assert_eq!(store.stats().expect("stats").documents, 0);
    }
}

#[test]
fn briefings_are_recorded_and_the_last_is_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.db");
    let store = SqliteStore::open(&path).expect("open");
    assert_eq!(store.last_briefing().expect("none yet"), None);
    let first = store
        .record_briefing(&BriefingRun {
            format: "markdown".into(),
            focus: None,
        })
        .expect("first");
    let second = store
        .record_briefing(&BriefingRun {
            format: "html".into(),
            focus: Some("on energy".into()),
        })
        .expect("second");
    assert!(second.id > first.id && second.written_at >= first.written_at);
    assert_eq!(
        (first.last_alert, second.last_alert),
        (0, 0),
        "no alert yet"
    );
    store
        .put_alerts(&[sinew_types::Alert {
            kind: AlertKind::NewFlow,
            key: "a->b:arms".into(),
            doc: sinew_types::DocId("00112233aabbccdd".into()),
            subject: Some("A".into()),
            object: Some("B".into()),
            message: "new flow".into(),
        }])
        .expect("alert");
    let seq = store.alerts().expect("alerts")[0].seq;
    let second = store
        .record_briefing(&BriefingRun {
            format: "html".into(),
            focus: Some("on energy".into()),
        })
        .expect("third");
    assert_eq!(second.last_alert, seq, "the alerts it saw");
    assert!(
        chrono::DateTime::parse_from_rfc3339(&second.written_at).is_ok(),
        "{}",
        second.written_at
    );
    drop(store);
    let store = SqliteStore::open_read_only(&path).expect("reopen");
    assert_eq!(store.last_briefing().expect("read"), Some(second));
    assert!(
        store.record_briefing(&BriefingRun::default()).is_err(),
        "a read-only store records nothing"
    );
}
