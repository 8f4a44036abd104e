//! Behaviour of the store through the `Store` trait: round trips, idempotence, queries,
//! durability and errors.

use std::path::Path;
use std::sync::Arc;

use sinew_store::{ClaimFilter, PutOutcome, SqliteStore, Store, StoreError, StoreStats};
use sinew_types::{Annotations, DocId, EntityType};

use crate::backends::{backends, sqlite_in_memory, Backend};
use crate::common::{doc, plain, rich};

/// SQLite in memory, then each store of the contract suite.
fn stores() -> Vec<Backend> {
    let mut all = vec![sqlite_in_memory()];
    all.extend(backends());
    all
}

#[test]
fn round_trip_is_exact() {
    for backend in stores() {
        let (kind, store) = (backend.name, &*backend.store);
        let (d, ann) = rich();
        assert_eq!(
            store.put(&d, &ann).expect("put"),
            PutOutcome::Inserted,
            "{kind}"
        );
        assert_eq!(
            store.document(&d.id).expect("document"),
            Some(d.clone()),
            "{kind}"
        );
        assert_eq!(
            store.annotations(&d.id).expect("annotations"),
            Some(ann.clone()),
            "{kind}"
        );
        assert_eq!(
            store.documents().expect("documents"),
            vec![d.clone()],
            "{kind}"
        );
        let mut by_span = ann.claims.clone();
        by_span.sort_by_key(|c| (c.span.start, c.span.end));
        assert_eq!(
            store.claims(&ClaimFilter::default()).expect("claims"),
            by_span,
            "{kind}"
        );
        assert!(store.contains(&d.id).expect("contains"), "{kind}");
    }
}

#[test]
fn unknown_documents_are_absent() {
    for backend in backends() {
        let store = &*backend.store;
        let id = DocId("ffffffffffffffff".to_string());
        assert!(!store.contains(&id).expect("contains"));
        assert_eq!(store.document(&id).expect("document"), None);
        assert_eq!(store.annotations(&id).expect("annotations"), None);
        assert_eq!(store.documents().expect("documents"), vec![]);
        assert_eq!(
            store.claims(&ClaimFilter::default()).expect("claims"),
            vec![]
        );
        assert_eq!(store.entities().expect("entities"), vec![]);
        assert_eq!(store.stats().expect("stats"), StoreStats::default());
        assert_eq!(store.put_batch(&[]).expect("empty batch"), vec![]);
    }
}

#[test]
fn re_put_is_a_no_op() {
    for backend in backends() {
        let store = &*backend.store;
        let (d, ann) = rich();
        store.put(&d, &ann).expect("put");
        let before = store.stats().expect("stats");
        assert_eq!(
            before,
            StoreStats {
                documents: 1,
                mentions: 4,
                quantities: 4,
                times: 2,
                claims: 3
            }
        );

        // Same id, different content: the stored document wins, untouched.
        let mut changed = d.clone();
        changed.title = Some("Another title".to_string());
        assert_eq!(
            store
                .put(&changed, &Annotations::default())
                .expect("re-put"),
            PutOutcome::AlreadyPresent
        );
        assert_eq!(
            store.put(&d, &ann).expect("re-put"),
            PutOutcome::AlreadyPresent
        );
        assert_eq!(store.stats().expect("stats"), before);
        assert_eq!(store.document(&d.id).expect("document"), Some(d.clone()));
        assert_eq!(store.annotations(&d.id).expect("annotations"), Some(ann));
    }
}

#[test]
fn put_batch_reports_each_document_and_keeps_ingest_order() {
    for backend in backends() {
        let store = &*backend.store;
        let (a, ann_a) = rich();
        let (b, ann_b) = plain();
        let c = doc("c0c0c0c0c0c0c0c0", "");
        store.put(&b, &ann_b).expect("put b");
        let batch = vec![
            (a.clone(), ann_a.clone()),
            (b.clone(), ann_b.clone()),
            (a.clone(), Annotations::default()),
            (c.clone(), Annotations::default()),
        ];
        let outcomes = store.put_batch(&batch).expect("batch");
        use PutOutcome::{AlreadyPresent, Inserted};
        assert_eq!(
            outcomes,
            vec![Inserted, AlreadyPresent, AlreadyPresent, Inserted]
        );
        assert_eq!(
            store.documents().expect("documents"),
            vec![b.clone(), a.clone(), c.clone()]
        );
        assert_eq!(store.annotations(&a.id).expect("annotations"), Some(ann_a));
        assert_eq!(
            store.annotations(&c.id).expect("annotations"),
            Some(Annotations::default())
        );
        // Claims come in ingest order of their documents: b's first.
        let claims = store.claims(&ClaimFilter::default()).expect("claims");
        assert_eq!(claims.first().map(|c| c.doc.clone()), Some(b.id.clone()));
        assert_eq!(claims.len(), 4);
    }
}

#[test]
fn claims_filter_by_entity_and_document() {
    for backend in backends() {
        let store = &*backend.store;
        let (a, ann_a) = rich();
        let (b, ann_b) = plain();
        store
            .put_batch(&[(a.clone(), ann_a), (b.clone(), ann_b)])
            .expect("batch");
        let cases: &[(Option<&str>, Option<&DocId>, &[&str])] = &[
            (
                None,
                None,
                &[
                    "64%",
                    "$4.8 billion",
                    "between 80 and 90 million euros",
                    "2%",
                ],
            ),
            (
                Some("Russia"),
                None,
                &["64%", "$4.8 billion", "between 80 and 90 million euros"],
            ),
            (
                Some("rUSSIA"),
                None,
                &["64%", "$4.8 billion", "between 80 and 90 million euros"],
            ),
            (Some("china"), None, &["64%", "$4.8 billion"]),
            (Some("Germany"), None, &["2%"]),
            (Some("Germany"), Some(&a.id), &[]),
            (
                None,
                Some(&a.id),
                &["64%", "$4.8 billion", "between 80 and 90 million euros"],
            ),
            (
                Some("Russia"),
                Some(&a.id),
                &["64%", "$4.8 billion", "between 80 and 90 million euros"],
            ),
            (None, Some(&b.id), &["2%"]),
            (Some("Nobody"), None, &[]),
            (Some(""), None, &[]),
        ];
        for (entity, doc, expected) in cases {
            let filter = ClaimFilter {
                entity: entity.map(str::to_string),
                doc: doc.cloned(),
            };
            let got: Vec<String> = store
                .claims(&filter)
                .expect("claims")
                .into_iter()
                .map(|c| c.quantity.text)
                .collect();
            assert_eq!(got, *expected, "{filter:?}");
        }
    }
}

#[test]
fn entities_are_counted_most_mentioned_first() {
    for backend in backends() {
        let store = &*backend.store;
        let (a, ann_a) = rich();
        let (b, ann_b) = plain();
        store.put_batch(&[(a, ann_a), (b, ann_b)]).expect("batch");
        let got: Vec<(String, EntityType, String, Option<String>, u64, u64)> = store
            .entities()
            .expect("entities")
            .into_iter()
            .map(|e| {
                (
                    e.canonical,
                    e.entity_type,
                    e.id,
                    e.country,
                    e.mentions,
                    e.documents,
                )
            })
            .collect();
        let s = |x: &str| x.to_string();
        let expected = vec![
            (
                s("Russia"),
                EntityType::Country,
                s("country:russia"),
                Some(s("Russia")),
                2,
                1,
            ),
            (
                s("China"),
                EntityType::Country,
                s("country:china"),
                Some(s("China")),
                1,
                1,
            ),
            (
                s("Germany"),
                EntityType::Country,
                s("country:germany"),
                Some(s("Germany")),
                1,
                1,
            ),
            (
                s("US State Department"),
                EntityType::GovernmentBody,
                s("government_body:us state department"),
                Some(s("United States")),
                1,
                1,
            ),
            (
                s("NATO"),
                EntityType::InternationalOrg,
                s("international_org:nato"),
                None,
                1,
                1,
            ),
        ];
        assert_eq!(got, expected);
    }
}

#[test]
fn works_behind_arc_dyn_store_across_threads() {
    for backend in backends() {
        let store = Arc::clone(&backend.store);
        let handles: Vec<_> = (0..4)
            .map(|i| {
                let store = Arc::clone(&store);
                std::thread::spawn(move || {
                    let d = doc(&format!("{i:016x}"), "text");
                    store.put(&d, &Annotations::default()).expect("put")
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().expect("thread"), PutOutcome::Inserted);
        }
        assert_eq!(store.stats().expect("stats").documents, 4);
    }
}

#[test]
fn open_creates_parent_folders_and_reopens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a/b/c/sinew.db");
    let (d, ann) = rich();
    {
        let store = SqliteStore::open(&path).expect("open");
        assert_eq!(store.path(), path.as_path());
        store.put(&d, &ann).expect("put");
    }
    let store = SqliteStore::open(&path).expect("reopen");
    assert_eq!(store.annotations(&d.id).expect("annotations"), Some(ann));
    let mode: String = rusqlite::Connection::open(&path)
        .and_then(|c| c.pragma_query_value(None, "journal_mode", |r| r.get(0)))
        .expect("journal mode");
    assert_eq!(mode, "wal");
}

#[test]
fn committed_documents_survive_a_killed_process() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("sinew.db");
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).expect("mkdir");
    let (a, ann_a) = rich();
    let (b, ann_b) = plain();
    let store = SqliteStore::open(&path).expect("open");
    store.put(&a, &ann_a).expect("put");
    store
        .put_batch(&[(b.clone(), ann_b.clone())])
        .expect("batch");
    // What a killed process leaves: the database and its write-ahead log, never checkpointed
    // or closed. Copy them while the connection is still open, then leak the connection.
    for suffix in ["", "-wal"] {
        let from = dir.path().join(format!("sinew.db{suffix}"));
        std::fs::copy(&from, crashed.join(format!("sinew.db{suffix}"))).expect("copy");
    }
    std::mem::forget(store);

    for db in [crashed.join("sinew.db"), path] {
        let store = SqliteStore::open(&db).expect("reopen");
        assert_eq!(
            store.documents().expect("documents"),
            vec![a.clone(), b.clone()],
            "{db:?}"
        );
        assert_eq!(
            store.annotations(&a.id).expect("annotations"),
            Some(ann_a.clone())
        );
        assert_eq!(
            store.annotations(&b.id).expect("annotations"),
            Some(ann_b.clone())
        );
    }
}

#[test]
fn a_text_file_is_refused_and_left_unmodified() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: &[(&str, &[u8])] = &[
        ("notes.txt", b"Beijing's exports rose 64% in 2023.\n"),
        ("short.db", b"SQL"),
        (
            "binary.db",
            &[
                0xff, 0xfe, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            ],
        ),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let err = SqliteStore::open(&path).expect_err("must refuse");
        assert!(
            matches!(err, StoreError::NotADatabase { .. }),
            "{name}: {err:?}"
        );
        assert!(err.is_user_error());
        assert_eq!(err.path(), path.as_path());
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&path).expect("read back"),
            *bytes,
            "{name} was modified"
        );
        assert!(!dir.path().join(format!("{name}-wal")).exists());
    }
}

#[test]
fn a_folder_or_an_unwritable_location_is_a_user_error_naming_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = SqliteStore::open(dir.path()).expect_err("a folder");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");

    let file = dir.path().join("file");
    std::fs::write(&file, "x").expect("write");
    let under_file = file.join("sub/sinew.db");
    let err = SqliteStore::open(&under_file).expect_err("parent is a file");
    assert!(matches!(err, StoreError::Unwritable { .. }), "{err:?}");
    assert!(err.is_user_error());
    assert!(
        err.to_string().contains(&under_file.display().to_string()),
        "{err}"
    );
}

#[test]
fn non_finite_and_extreme_figures_round_trip() {
    for backend in backends() {
        let store = &*backend.store;
        let (d, mut ann) = plain();
        let values = [
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            f64::MAX,
            0.1 + 0.2,
            -0.0,
            1e-310,
        ];
        let template = ann.claims[0].clone();
        ann.claims = values
            .iter()
            .map(|&v| {
                let mut c = template.clone();
                c.quantity.value = v;
                c.quantity.value_max = Some(v * 2.0);
                c
            })
            .collect();
        ann.quantities = ann.claims.iter().map(|c| c.quantity.clone()).collect();
        store.put(&d, &ann).expect("put");
        let back = store
            .annotations(&d.id)
            .expect("annotations")
            .expect("stored");
        assert_eq!(back, ann);

        // NaN cannot equal itself; it must still store and come back as NaN.
        let (d2, mut ann2) = rich();
        ann2.quantities[0].value = f64::NAN;
        ann2.claims[0].quantity.value = f64::NAN;
        store.put(&d2, &ann2).expect("put NaN");
        let back = store
            .annotations(&d2.id)
            .expect("annotations")
            .expect("stored");
        assert!(back.quantities[0].value.is_nan());
        assert!(back.claims[0].quantity.value.is_nan());
    }
}

#[test]
fn errors_display_clearly() {
    let path = Path::new("/data/sinew.db").to_path_buf();
    let cases = [
        (
            StoreError::NotADatabase { path: path.clone(), reason: "the file is not an SQLite database".into() },
            "/data/sinew.db: not a Sinew database (the file is not an SQLite database)",
            true,
        ),
        (
            StoreError::SchemaTooNew { path: path.clone(), found: 7, supported: 1 },
            "/data/sinew.db: database schema version 7 is newer than version 1, the newest this Sinew knows; use a newer Sinew",
            true,
        ),
        (
            StoreError::Malformed { path: path.clone(), detail: "bad date".into() },
            "/data/sinew.db: stored data is malformed: bad date",
            false,
        ),
    ];
    for (err, text, user) in cases {
        assert_eq!(err.to_string(), text);
        assert_eq!(err.is_user_error(), user, "{err}");
    }
}

#[test]
fn a_failed_put_leaves_nothing_behind() {
    // Offsets beyond SQLite's 64-bit signed integers cannot be stored: the put fails part-way
    // through its rows, and the whole transaction, batch included, is rolled back.
    for backend in backends() {
        let store = &*backend.store;
        let (good, good_ann) = plain();
        let (bad, mut bad_ann) = rich();
        bad_ann.claims[2].span.end = usize::MAX;
        let err = store.put(&bad, &bad_ann).expect_err("unstorable offset");
        assert!(!err.is_user_error(), "{err:?}");
        let err = store
            .put_batch(&[(good.clone(), good_ann.clone()), (bad.clone(), bad_ann)])
            .expect_err("unstorable offset in a batch");
        assert!(!err.is_user_error(), "{err:?}");
        assert_eq!(store.stats().expect("stats"), StoreStats::default());
        assert!(!store.contains(&good.id).expect("contains"));
        // The store is still usable afterwards.
        assert_eq!(
            store.put(&good, &good_ann).expect("put"),
            PutOutcome::Inserted
        );
    }
}

#[test]
fn a_nul_character_is_stored_by_sqlite_and_refused_by_postgres_naming_the_document() {
    for backend in backends() {
        let store = &*backend.store;
        let (mut d, ann) = plain();
        d.title = Some("a\0b".to_string());
        let result = store.put(&d, &ann);
        if backend.name == "SQLite" {
            assert_eq!(result.expect("stored"), PutOutcome::Inserted);
            assert_eq!(store.document(&d.id).expect("read"), Some(d.clone()));
        } else {
            let err = result.expect_err("refused");
            let text = format!(
                "{err}: {}",
                std::error::Error::source(&err).map_or(String::new(), |s| s.to_string())
            );
            assert!(text.contains(&d.id.0) && text.contains("NUL"), "{text}");
            assert_eq!(store.stats().expect("stats"), StoreStats::default());
        }
    }
}

#[test]
fn the_revision_moves_with_each_write_here_or_beside_the_store() {
    for backend in backends() {
        let (kind, store) = (backend.name, &*backend.store);
        let start = store.revision().expect("revision");
        let (a, ann_a) = rich();
        store.put(&a, &ann_a).expect("put");
        let own = store.revision().expect("revision");
        assert_ne!(start, own, "{kind}: its own write");
        let reader = backend.reopen_read_only();
        let read_from = reader.revision().expect("revision");
        // Another client writing, as `sinew ingest` beside a running `sinew serve`.
        let beside = backend.reopen();
        let (b, ann_b) = plain();
        beside.put(&b, &ann_b).expect("put beside");
        let after = store.revision().expect("revision");
        assert_ne!(own, after, "{kind}: a write beside it");
        assert_ne!(
            read_from,
            reader.revision().expect("revision"),
            "{kind}: a read-only store sees the write"
        );
        // Reads move nothing (on SQLite; a PostgreSQL server's log also moves for other
        // databases' writes, which other tests make meanwhile).
        if kind == "SQLite" {
            store.documents().expect("documents");
            store.claims(&ClaimFilter::default()).expect("claims");
            assert_eq!(store.revision().expect("revision"), after, "{kind}");
            assert_eq!(store.revision().expect("revision"), after, "{kind}");
        }
    }
}

#[test]
fn counts_kept_by_a_store_follow_writes_here_and_beside_it() {
    for backend in stores() {
        let (kind, store) = (backend.name, &*backend.store);
        assert_eq!(
            store.stats().expect("stats"),
            StoreStats::default(),
            "{kind}"
        );
        let (a, ann_a) = rich();
        store.put(&a, &ann_a).expect("put");
        let one = store.stats().expect("stats");
        assert_eq!(one.documents, 1, "{kind}");
        assert_eq!(one.mentions, ann_a.mentions.len() as u64, "{kind}");
        assert_eq!(one.claims, ann_a.claims.len() as u64, "{kind}");
        if kind == "SQLite in memory" {
            continue; // no second client
        }
        // A second client stores a document: the first one's counts take it in, and equal
        // a count made afresh by a new handle.
        let beside = backend.reopen();
        let (b, ann_b) = plain();
        beside.put(&b, &ann_b).expect("put beside");
        let two = store.stats().expect("stats");
        assert_eq!(two, backend.reopen().stats().expect("stats"), "{kind}");
        assert_eq!(two.documents, 2, "{kind}");
        assert_eq!(
            two.quantities,
            (ann_a.quantities.len() + ann_b.quantities.len()) as u64,
            "{kind}"
        );
        // A stored id put again adds nothing.
        beside.put(&b, &ann_b).expect("put again");
        assert_eq!(store.stats().expect("stats"), two, "{kind}");
        let reader = backend.reopen_read_only();
        assert_eq!(reader.stats().expect("stats"), two, "{kind}: read-only");
    }
}

#[test]
fn the_alert_count_is_every_alert_and_the_last_raised() {
    for backend in stores() {
        let (kind, store) = (backend.name, &*backend.store);
        assert_eq!(store.alert_count().expect("count"), (0, None), "{kind}");
        let alert = |key: &str| sinew_types::Alert {
            kind: sinew_types::AlertKind::NewFlow,
            key: key.to_string(),
            doc: DocId("00112233aabbccdd".into()),
            subject: Some("A".into()),
            object: Some("B".into()),
            message: format!("new flow {key}"),
        };
        store
            .put_alerts(&[alert("a->b:arms"), alert("a->c:arms")])
            .expect("alerts");
        store.put_alerts(&[alert("a->d:oil")]).expect("alerts");
        let all = store.alerts().expect("alerts");
        let (n, last) = store.alert_count().expect("count");
        assert_eq!(n, 3, "{kind}");
        assert_eq!(last, all.last().map(|a| a.raised_at.clone()), "{kind}");
    }
}

#[test]
fn the_entity_count_is_the_length_of_the_entity_list() {
    for backend in stores() {
        let (kind, store) = (backend.name, &*backend.store);
        assert_eq!(store.entity_count().expect("count"), 0, "{kind}");
        for (d, ann) in [rich(), plain()] {
            store.put(&d, &ann).expect("put");
            assert_eq!(
                store.entity_count().expect("count"),
                store.entities().expect("entities").len() as u64,
                "{kind}"
            );
        }
        assert!(store.entity_count().expect("count") > 0, "{kind}");
    }
}
