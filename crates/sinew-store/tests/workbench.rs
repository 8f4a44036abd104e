//! The workbench's records: ingest runs with their failed inputs, and alert rules, kept
//! across opens, listed newest first, counted, and refused on a read-only store.

use sinew_store::{AlertRule, IngestRun, InputFailure};

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
