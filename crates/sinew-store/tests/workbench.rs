//! The workbench's records: ingest runs with their failed inputs, alert rules and briefings
//! (with what each read), kept across opens, listed newest first, counted, and refused on a
//! read-only store; the v19 step that gives briefings their last document.

use sinew_store::{AlertRule, BriefingMark, BriefingRecord, BriefingRun, IngestRun, InputFailure};

use crate::backends::{backends, Location};
use crate::common;
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

/// A briefing's mark is what it read: the last alert and document stored when it began.
#[test]
fn briefings_are_recorded_with_what_they_read_and_the_last_is_read_back() {
    for backend in backends() {
        let store = &*backend.store;
        assert_eq!(store.last_briefing().expect("none yet"), None);
        let empty = store.briefing_mark().expect("mark");
        assert_eq!(empty, BriefingMark::default(), "nothing stored yet");
        assert!(store.documents_since(0, 10).expect("since").is_empty());
        let first = store
            .record_briefing(
                &BriefingRun {
                    format: "markdown".into(),
                    focus: None,
                },
                &empty,
            )
            .expect("first");
        assert_eq!((first.last_alert, first.last_doc), (0, Some(0)));
        // two documents and an alert arrive
        let (one, ann) = common::plain();
        store.put(&one, &ann).expect("put");
        let (two, ann) = common::rich();
        store.put(&two, &ann).expect("put");
        store
            .put_alerts(&[sinew_types::Alert {
                kind: AlertKind::NewFlow,
                key: "a->b:arms".into(),
                doc: two.id.clone(),
                subject: Some("A".into()),
                object: Some("B".into()),
                message: "new flow".into(),
            }])
            .expect("alert");
        let seq = store.alerts().expect("alerts")[0].seq;
        let read = store.briefing_mark().expect("mark");
        assert_eq!(read.last_alert, seq);
        assert!(read.last_doc > 0);
        // newest first, bounded, and none after the last
        assert_eq!(
            store.documents_since(0, 10).expect("since"),
            [two.id.clone(), one.id.clone()],
            "{}",
            backend.name
        );
        assert_eq!(
            store.documents_since(0, 1).expect("since"),
            std::slice::from_ref(&two.id)
        );
        assert!(store
            .documents_since(read.last_doc, 10)
            .expect("since")
            .is_empty());
        assert_eq!(
            store.documents_since(read.last_doc - 1, 10).expect("since"),
            std::slice::from_ref(&two.id)
        );
        // a briefing that read before the alert and the second document records that, not
        // what was stored while it was written
        let before = BriefingMark {
            last_alert: 0,
            last_doc: read.last_doc - 1,
        };
        let second = store
            .record_briefing(
                &BriefingRun {
                    format: "html".into(),
                    focus: Some("on energy".into()),
                },
                &before,
            )
            .expect("second");
        assert!(second.id > first.id && second.written_at >= first.written_at);
        assert_eq!(
            (second.last_alert, second.last_doc),
            (0, Some(read.last_doc - 1)),
            "{}",
            backend.name
        );
        let third = store
            .record_briefing(
                &BriefingRun {
                    format: "json".into(),
                    focus: None,
                },
                &read,
            )
            .expect("third");
        assert_eq!(
            (third.last_alert, third.last_doc),
            (seq, Some(read.last_doc))
        );
        assert!(
            chrono::DateTime::parse_from_rfc3339(&third.written_at).is_ok(),
            "{}",
            third.written_at
        );
        let store = backend.reopen_read_only();
        assert_eq!(store.last_briefing().expect("read"), Some(third));
        assert!(
            store
                .record_briefing(&BriefingRun::default(), &read)
                .is_err(),
            "a read-only store records nothing"
        );
    }
}

/// Sets a store back to schema v18 (briefings without `last_doc`), by hand.
fn back_to_v18(location: &Location) {
    match location {
        Location::File(path) => rusqlite::Connection::open(path)
            .expect("open by hand")
            .execute_batch("ALTER TABLE briefings DROP COLUMN last_doc; PRAGMA user_version = 18;")
            .expect("back to v18"),
        #[cfg(feature = "postgres")]
        Location::Url(url) => postgres::Client::connect(url, postgres::NoTls)
            .expect("connect by hand")
            .batch_execute(
                "ALTER TABLE briefings DROP COLUMN last_doc; \
                 UPDATE sinew_meta SET value = '18' WHERE key = 'schema_version';",
            )
            .expect("back to v18"),
        #[cfg(not(feature = "postgres"))]
        Location::Url(_) => unreachable!("no PostgreSQL store in this build"),
    }
}

/// A briefing recorded by a v18 build kept no last document: read-only it reads as unknown,
/// and the v19 step keeps it unknown (NULL, not 0: 0 would make every document new).
#[test]
fn the_v19_step_keeps_older_briefings_without_a_last_document() {
    for backend in backends() {
        let store = &*backend.store;
        let (one, ann) = common::plain();
        store.put(&one, &ann).expect("put");
        let mark = store.briefing_mark().expect("mark");
        let old = store
            .record_briefing(&BriefingRun::default(), &mark)
            .expect("record");
        back_to_v18(&backend.location);
        let read_only = backend.reopen_read_only();
        let unknown = BriefingRecord {
            last_doc: None,
            ..old.clone()
        };
        assert_eq!(
            read_only.last_briefing().expect("read"),
            Some(unknown.clone()),
            "{}",
            backend.name
        );
        drop(read_only);
        let store = backend.reopen();
        assert_eq!(store.last_briefing().expect("read"), Some(unknown));
        let new = store
            .record_briefing(&BriefingRun::default(), &mark)
            .expect("record after the step");
        assert_eq!(new.last_doc, Some(mark.last_doc));
        assert_eq!(store.last_briefing().expect("read"), Some(new));
    }
}
