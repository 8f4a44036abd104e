//! What only a server store promises: several ingesters writing one database at once store
//! each document exactly once, and readers are never blocked by a writer's transaction.
//! These run on the server `SINEW_TEST_PG` names (see `backends.rs`).

use std::sync::mpsc;
use std::time::Duration;

use sinew_store::{
    migrate_sqlite_to_pg, AlertRule, AnalysisStore, AnalysisUpdate, BucketRow, ClaimFilter,
    IngestRun, InputFailure, PgStore, PutOutcome, SqliteStore, Store, WorkbenchStore,
};
use sinew_types::{Annotations, EntityType};

use crate::backends::{pg::Schema, pg_server};
use crate::common::{claim, doc, mention, quantity};

/// Document `i` of a small made-up corpus: every one names Ruritania and a figure, and every
/// third one also names Freedonia.
fn item(i: usize) -> (sinew_types::Document, Annotations) {
    let text =
        format!("Ruritania sold {i} tanks to Freedonia in report number {i}, officials said.");
    let d = doc(&format!("{i:016x}"), &text);
    let figure = format!("{i} tanks");
    let q = quantity(
        &text,
        &figure,
        i as f64,
        "tank",
        sinew_types::QuantityKind::Number,
    );
    let mut mentions = vec![mention(
        &text,
        "Ruritania",
        EntityType::Country,
        "Ruritania",
        Some("Ruritania"),
    )];
    if i.is_multiple_of(3) {
        mentions.push(mention(
            &text,
            "Freedonia",
            EntityType::Country,
            "Freedonia",
            Some("Freedonia"),
        ));
    }
    let ann = Annotations {
        mentions,
        quantities: vec![q.clone()],
        claims: vec![claim(&d, &q, Some("Ruritania"), Some("Freedonia"), "sold")],
        ..Annotations::default()
    };
    (d, ann)
}

#[test]
fn several_ingesters_at_once_store_each_document_once() {
    let Some(server) = pg_server() else {
        return;
    };
    let schema = Schema::create(&server);
    const DOCS: usize = 60;
    const INGESTERS: usize = 4;
    let corpus: Vec<_> = (0..DOCS).map(item).collect();
    // Each ingester opens its own store, as separate processes would, and puts the whole
    // corpus in batches of 7, starting at a different place.
    let inserted: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..INGESTERS)
            .map(|k| {
                let (url, corpus) = (&schema.url, &corpus);
                scope.spawn(move || {
                    let store = PgStore::open(url).expect("open");
                    let mut order: Vec<_> = corpus.clone();
                    order.rotate_left(k * DOCS / INGESTERS);
                    let mut inserted = 0;
                    for batch in order.chunks(7) {
                        let outcomes = store.put_batch(batch).expect("batch");
                        inserted += outcomes
                            .iter()
                            .filter(|o| **o == PutOutcome::Inserted)
                            .count();
                    }
                    inserted
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("ingester"))
            .sum()
    });
    assert_eq!(
        inserted, DOCS,
        "each document inserted by exactly one ingester"
    );

    let store = PgStore::open_read_only(&schema.url).expect("reopen");
    let stats = store.stats().expect("stats");
    assert_eq!((stats.documents, stats.claims), (DOCS as u64, DOCS as u64));
    let mut ids: Vec<_> = store
        .documents()
        .expect("documents")
        .into_iter()
        .map(|d| d.id)
        .collect();
    ids.sort();
    let mut want: Vec<_> = corpus.iter().map(|(d, _)| d.id.clone()).collect();
    want.sort();
    assert_eq!(ids, want);
    for (d, ann) in &corpus {
        assert_eq!(
            store.annotations(&d.id).expect("annotations").as_ref(),
            Some(ann)
        );
    }
    // Every document pending analysis once, in ingest order.
    assert_eq!(store.pending().expect("pending").len(), DOCS);
    // The aggregates counted each document once.
    let counts: Vec<(String, u64, u64)> = store
        .entities()
        .expect("entities")
        .into_iter()
        .map(|e| (e.canonical, e.mentions, e.documents))
        .collect();
    let third = DOCS.div_ceil(3) as u64;
    assert_eq!(
        counts,
        [
            ("Ruritania".to_string(), DOCS as u64, DOCS as u64),
            ("Freedonia".to_string(), third, third)
        ]
    );
}

#[test]
fn readers_are_not_blocked_by_a_writer() {
    let Some(server) = pg_server() else {
        return;
    };
    let schema = Schema::create(&server);
    let store = PgStore::open(&schema.url).expect("open");
    let (first, ann) = item(1);
    store.put(&first, &ann).expect("put");

    // Another session holds a lock that keeps every writer out of `documents` until it
    // commits, as a long ingest transaction does; plain reads are let through.
    let mut other = postgres::Client::connect(&schema.url, postgres::NoTls).expect("connect");
    let mut held = other.transaction().expect("begin");
    held.batch_execute("LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE")
        .expect("lock");

    std::thread::scope(|scope| {
        let (done, put_finished) = mpsc::channel();
        let writer = &store;
        scope.spawn(move || {
            let (second, ann) = item(2);
            let outcome = writer.put(&second, &ann).expect("put waits, then succeeds");
            let _ = done.send(outcome);
        });
        // Reads answer at once, from the last commit, while the put waits.
        let reader = PgStore::open_read_only(&schema.url).expect("reader");
        for s in [&store, &reader] {
            assert_eq!(s.document_count().expect("count"), 1);
            assert_eq!(s.documents().expect("documents"), vec![first.clone()]);
            assert_eq!(s.claims(&ClaimFilter::default()).expect("claims").len(), 1);
            assert_eq!(s.entities().expect("entities").len(), 1);
        }
        assert!(
            put_finished
                .recv_timeout(Duration::from_millis(300))
                .is_err(),
            "the writer waits for the lock"
        );
        held.rollback().expect("release");
        assert_eq!(
            put_finished
                .recv_timeout(Duration::from_secs(30))
                .expect("the writer goes on"),
            PutOutcome::Inserted
        );
    });
    assert_eq!(store.document_count().expect("count"), 2);
}

#[test]
fn a_read_only_store_refuses_writes_and_a_foreign_database_is_left_alone() {
    let Some(server) = pg_server() else {
        return;
    };
    let empty = Schema::create(&server);
    let err = PgStore::open_read_only(&empty.url).expect_err("nothing there yet");
    assert!(err.is_user_error(), "{err}");
    assert!(
        err.to_string().contains("no Sinew database here yet"),
        "{err}"
    );

    let schema = Schema::create(&server);
    let store = PgStore::open(&schema.url).expect("create");
    drop(store);
    let store = PgStore::open_read_only(&schema.url).expect("read-only");
    let (d, ann) = item(3);
    let err = store.put(&d, &ann).expect_err("read-only");
    assert!(err.is_user_error(), "{err}");

    // Another application's `documents` table: refused, and nothing is created beside it.
    let foreign = Schema::create(&server);
    let mut admin = postgres::Client::connect(&foreign.url, postgres::NoTls).expect("connect");
    admin
        .batch_execute("CREATE TABLE documents (id INT PRIMARY KEY)")
        .expect("foreign table");
    let err = PgStore::open(&foreign.url).expect_err("not Sinew's");
    assert!(err.to_string().contains("not a Sinew database"), "{err}");
    let meta: bool = admin
        .query_one("SELECT to_regclass('sinew_meta') IS NOT NULL", &[])
        .expect("look")
        .get(0);
    assert!(!meta, "nothing written");
}

#[test]
fn a_server_that_cannot_be_reached_is_a_user_error_without_the_password() {
    // Port 1 on this machine: nothing listens there.
    let err = PgStore::open("postgres://sinew:hunter2@127.0.0.1:1/sinew?connect_timeout=5")
        .expect_err("unreachable");
    assert!(err.is_user_error(), "{err}");
    let text = err.to_string();
    assert!(!text.contains("hunter2"), "{text}");
    assert!(
        text.contains("postgres://sinew:***@127.0.0.1:1/sinew"),
        "{text}"
    );
    let err = PgStore::open("postgres://[nonsense").expect_err("bad URL");
    assert!(err.is_user_error(), "{err}");
}

#[test]
fn migrate_copies_a_sqlite_store_whole_into_an_empty_one() {
    let Some(server) = pg_server() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("sinew.db");
    let source = SqliteStore::open(&file).expect("open");
    let (a, ann_a) = crate::common::rich();
    let (b, ann_b) = crate::common::plain();
    source
        .put_batch(&[(a.clone(), ann_a), (b.clone(), ann_b)])
        .expect("batch");
    source
        .commit_analysis(&AnalysisUpdate {
            done: vec![a.id.clone()],
            claim_buckets: vec![("k".into(), a.id.clone(), 0)],
            buckets: vec![BucketRow {
                bucket: "k".into(),
                state: "{}".into(),
                summary: Some("{\"of\":\"{}\"}".into()),
                flows: vec!["china->russia".into()],
            }],
            ties: vec![(a.id.clone(), "[]".into())],
            alerts: Vec::new(),
            kinds: vec![(a.id.clone(), sinew_types::SourceKind::Original)],
        })
        .expect("analysis");
    source
        .record_run(&IngestRun {
            origin: "cli".into(),
            inputs: 2,
            failures: vec![InputFailure {
                input: "x.warc".into(),
                error: "x.warc: truncated".into(),
            }],
            ..IngestRun::default()
        })
        .expect("run");
    source
        .put_alert_rule(&AlertRule {
            name: "all".into(),
            ..AlertRule::default()
        })
        .expect("rule");
    drop(source);

    let schema = Schema::create(&server);
    let mut heard = Vec::new();
    let copied = migrate_sqlite_to_pg(&file, &schema.url, |table, n| {
        heard.push((table.to_string(), n))
    })
    .expect("migrate");
    assert!(copied.contains(&("documents".to_string(), 2)), "{copied:?}");
    assert!(
        copied.contains(&("claim_buckets".to_string(), 1)),
        "{copied:?}"
    );
    assert_eq!(heard.len(), copied.len(), "every table reported");
    // Every table of the schema is copied (a table added by a new step must join the list).
    let mut admin = postgres::Client::connect(&schema.url, postgres::NoTls).expect("connect");
    let mut tables: Vec<String> = admin
        .query(
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name <> 'sinew_meta'",
            &[],
        )
        .expect("tables")
        .iter()
        .map(|r| r.get(0))
        .collect();
    tables.sort();
    let mut names: Vec<String> = copied.iter().map(|(t, _)| t.clone()).collect();
    names.sort();
    assert_eq!(names, tables);

    // Row for row the same, and the same answers through the trait.
    assert_eq!(
        crate::common::dump_pg(&schema.url),
        crate::common::dump(&file)
    );
    let from = SqliteStore::open_read_only(&file).expect("source");
    let to = PgStore::open_read_only(&schema.url).expect("target");
    assert_eq!(
        to.pending().expect("pending"),
        from.pending().expect("pending")
    );
    assert_eq!(
        to.bucket_states(None).expect("states"),
        from.bucket_states(None).expect("states")
    );
    assert_eq!(
        to.flows_outside(&["china->russia".into()], &[])
            .expect("flows"),
        vec!["china->russia".to_string()]
    );
    assert_eq!(to.ties().expect("ties"), from.ties().expect("ties"));
    assert_eq!(
        to.doc_headers(&[a.id.clone(), b.id.clone()])
            .expect("headers"),
        from.doc_headers(&[a.id.clone(), b.id.clone()])
            .expect("headers")
    );
    assert_eq!(
        to.ingest_log(5).expect("log"),
        from.ingest_log(5).expect("log")
    );
    assert_eq!(
        to.alert_rules().expect("rules"),
        from.alert_rules().expect("rules")
    );
    assert_eq!(
        to.entities().expect("entities"),
        from.entities().expect("entities")
    );

    // A second copy into the same store is refused, and changes nothing.
    let err = migrate_sqlite_to_pg(&file, &schema.url, |_, _| {}).expect_err("not empty");
    assert!(err.is_user_error(), "{err}");
    assert!(err.to_string().contains("already holds"), "{err}");
    assert_eq!(to.document_count().expect("count"), 2);
}

#[test]
fn the_claim_counts_per_key_are_filled_when_an_older_store_is_migrated() {
    let Some(server) = pg_server() else {
        return;
    };
    let schema = Schema::create(&server);
    let store = PgStore::open(&schema.url).expect("open");
    for i in 0..7 {
        let (d, ann) = item(i);
        store.put(&d, &ann).expect("put");
    }
    drop(store);
    // The store as it was before the step (v15): no column, the version 14 (and without the
    // columns the v17 and v19 steps add).
    let mut by_hand = postgres::Client::connect(&schema.url, postgres::NoTls).expect("connect");
    by_hand
        .batch_execute(
            "ALTER TABLE claim_keys DROP COLUMN claims; \
             ALTER TABLE analysis_buckets DROP COLUMN summary; \
             ALTER TABLE briefings DROP COLUMN last_doc; \
             UPDATE sinew_meta SET value = '14' WHERE key = 'schema_version';",
        )
        .expect("undo the step");
    let ruritania = ClaimFilter {
        entity: Some("RURITANIA".into()),
        ..ClaimFilter::default()
    };
    // Read-only before the step: counted by unpacking.
    let old = PgStore::open_read_only(&schema.url).expect("read-only");
    let (total, page) = old.claims_page(&ruritania, 2).expect("page");
    assert_eq!((total, page.len()), (7, 2));
    drop(old);
    let store = PgStore::open(&schema.url).expect("migrate");
    let kept: Vec<(String, i64)> = by_hand
        .query(
            "SELECT key, sum(claims)::BIGINT FROM claim_keys GROUP BY key ORDER BY key",
            &[],
        )
        .expect("counts")
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(
        kept,
        [("freedonia".to_string(), 7), ("ruritania".to_string(), 7)]
    );
    let all = store.claims(&ruritania).expect("claims");
    let (total, page) = store.claims_page(&ruritania, 3).expect("page");
    assert_eq!(total, 7);
    assert_eq!(page, all[..3]);
}
