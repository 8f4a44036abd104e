//! Old and foreign databases: fixtures under tests/fixtures/ are SQL scripts that build a
//! database as some earlier Sinew (or another program) left it.

use std::path::{Path, PathBuf};

use sinew_store::{
    Alias, AnalysisStore, EntitySummary, EventFilter, IngestLog, IngestRun, InputFailure,
    SqliteStore, Store, StoreError, StoreStats, WorkbenchStore,
};
use sinew_types::{
    Alert, AlertKind, Annotations, Coarse, Description, DocId, Document, EntityType, Fingerprint,
    MentionKind, QuantityKind, Sector,
};

use crate::common::{claim, date, mention, quantity};

pub(crate) fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Builds a database file from SQL scripts, the way an earlier program left it.
pub(crate) fn build(dir: &Path, scripts: &[&str]) -> PathBuf {
    let path = dir.join("old.db");
    let conn = rusqlite::Connection::open(&path).expect("create fixture db");
    for script in scripts {
        conn.execute_batch(script).expect("run fixture script");
    }
    conn.close().expect("close fixture db");
    path
}

pub(crate) fn pragma(path: &Path, name: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.pragma_query_value(None, name, |r| r.get(0))
        .expect("pragma")
}

/// The schema as SQLite records it, whitespace collapsed.
fn schema(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
        .expect("prepare");
    stmt.query_map([], |r| {
        let (ty, name, sql): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        Ok(format!(
            "{ty} {name}: {}",
            sql.split_whitespace().collect::<Vec<_>>().join(" ")
        ))
    })
    .expect("query")
    .collect::<Result<_, _>>()
    .expect("rows")
}

/// What tests/fixtures/v1.sql holds, as Sinew's types.
fn v1_contents() -> (Document, Annotations) {
    let text = "Germany will spend 2% of GDP on defence.";
    let doc = Document {
        id: DocId("00000000000000v1".to_string()),
        source: "v1.txt".to_string(),
        url: Some("https://example.org/v1".to_string()),
        title: Some("Defence".to_string()),
        author: None,
        published: date(2024, 1, 15),
        site: Some("Example".to_string()),
        lang: Some("en".to_string()),
        text: text.to_string(),
        fingerprint: None,
        duplicate_of: None,
    };
    let q = quantity(text, "2%", 2.0, "percent", QuantityKind::Percent);
    let ann = Annotations {
        sentences: vec![sinew_types::Sentence {
            span: sinew_types::Span::new(0, text.len()),
        }],
        mentions: vec![mention(
            text,
            "Germany",
            EntityType::Country,
            "Germany",
            Some("Germany"),
        )],
        quantities: vec![q.clone()],
        claims: vec![claim(&doc, &q, Some("Germany"), None, "defence spending")],
        ..Annotations::default()
    };
    (doc, ann)
}

#[test]
fn v0_empty_database_is_migrated_to_the_current_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v0-empty.sql")]);
    assert_eq!(pragma(&path, "user_version"), 0);
    let store = SqliteStore::open(&path).expect("open v0");
    assert_eq!(store.stats().expect("stats"), StoreStats::default());
    drop(store);
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
    assert_eq!(pragma(&path, "application_id"), 0x5349_4E57);

    // A zero-byte file is SQLite's empty database too.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").expect("write");
    SqliteStore::open(&empty).expect("open empty file");
    assert_eq!(pragma(&empty, "user_version"), SqliteStore::SCHEMA_VERSION);
}

#[test]
fn v1_database_opens_with_its_contents_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v1.sql")]);
    let store = SqliteStore::open(&path).expect("open v1");
    let (doc, ann) = v1_contents();
    assert_eq!(store.documents().expect("documents"), vec![doc.clone()]);
    assert_eq!(store.annotations(&doc.id).expect("annotations"), Some(ann));
    assert_eq!(store.entities().expect("entities")[0].id, "country:germany");
    // Still writable after opening.
    let (d, a) = crate::common::plain();
    store.put(&d, &a).expect("put into v1");
    assert_eq!(store.stats().expect("stats").documents, 2);
}

#[test]
fn migrations_build_exactly_the_fixture_schemas() {
    // Catches an edited migration step: a released step must never change. A fresh database,
    // one migrated from each old version and the current version's own fixture agree.
    let dir = tempfile::tempdir().expect("tempdir");
    let fresh = dir.path().join("fresh.db");
    drop(SqliteStore::open(&fresh).expect("fresh"));
    for (version, name) in [
        (1, "v1.sql"),
        (2, "v2.sql"),
        (3, "v3.sql"),
        (4, "v4.sql"),
        (5, "v5.sql"),
        (6, "v6.sql"),
        (7, "v7.sql"),
        (8, "v8.sql"),
        (9, "v9.sql"),
        (10, "v10.sql"),
        (11, "v11.sql"),
        (12, "v12.sql"),
    ] {
        let sub = dir.path().join(name);
        std::fs::create_dir(&sub).expect("mkdir");
        let old = build(&sub, &[&fixture(name)]);
        assert_eq!(pragma(&old, "user_version"), version);
        if version == SqliteStore::SCHEMA_VERSION {
            assert_eq!(schema(&fresh), schema(&old), "{name}");
        }
        drop(SqliteStore::open(&old).expect(name));
        assert_eq!(schema(&fresh), schema(&old), "{name} migrated");
    }
}

/// What tests/fixtures/v2.sql holds: two near-copies, the second linked to the first, and a
/// text too short to fingerprint.
#[test]
fn v2_database_opens_with_fingerprints_and_links_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v2.sql")]);
    let store = SqliteStore::open(&path).expect("open v2");
    let docs = store.documents().expect("documents");
    let first = DocId("00000000000000v2".to_string());
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].lang.as_deref(), Some("de"));
    assert_eq!(docs[0].fingerprint, Some(Fingerprint(vec![1, 2, u32::MAX])));
    assert_eq!(docs[0].duplicate_of, None);
    assert_eq!(docs[1].duplicate_of.as_ref(), Some(&first));
    assert_eq!(
        (docs[2].fingerprint.clone(), docs[2].duplicate_of.clone()),
        (None, None)
    );
    let prints = store.fingerprints().expect("fingerprints");
    let summary: Vec<(&str, Option<&str>)> = prints
        .iter()
        .map(|p| {
            (
                p.id.0.as_str(),
                p.duplicate_of.as_ref().map(|d| d.0.as_str()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("00000000000000v2", None),
            ("000000000000v2b2", Some("00000000000000v2"))
        ]
    );
    assert_eq!(prints[1].fingerprint, Fingerprint(vec![1, 3, u32::MAX]));
}

#[test]
fn v2_database_migrates_to_hold_alerts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v2.sql")]);
    assert_eq!(pragma(&path, "user_version"), 2);
    let store = SqliteStore::open(&path).expect("open v2");
    assert_eq!(
        store.documents().expect("documents").len(),
        3,
        "contents kept"
    );
    assert!(store.alerts().expect("alerts").is_empty());
    let alert = Alert {
        kind: AlertKind::Conflict,
        key: "0123456789abcdef".into(),
        doc: DocId("000000000000v2b2".into()),
        subject: Some("Germany".into()),
        object: None,
        message: "conflict: 3% against the standing 2%".into(),
    };
    assert_eq!(
        store.put_alerts(std::slice::from_ref(&alert)).expect("put"),
        1
    );
    assert_eq!(
        store
            .put_alerts(std::slice::from_ref(&alert))
            .expect("again"),
        0
    );
    let stored = store.alerts().expect("alerts");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].alert, alert);
    drop(store);
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
}

#[test]
fn v3_database_opens_with_its_alerts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v3.sql")]);
    let store = SqliteStore::open(&path).expect("open v3");
    let alerts = store.alerts().expect("alerts");
    let kinds: Vec<(u64, AlertKind, &str)> = alerts
        .iter()
        .map(|a| (a.seq, a.alert.kind, a.alert.doc.0.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (1, AlertKind::NewFlow, "00000000000000v2"),
            (2, AlertKind::Conflict, "000000000000v2c3")
        ]
    );
    assert_eq!(alerts[0].raised_at, "2024-01-15T12:00:00Z");
    assert_eq!(alerts[1].alert.object, None);
}

#[test]
fn v3_database_migrates_with_every_document_awaiting_analysis() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v3.sql")]);
    let store = SqliteStore::open(&path).expect("open v3");
    let pending: Vec<String> = store
        .pending()
        .expect("pending")
        .into_iter()
        .map(|d| d.0)
        .collect();
    assert_eq!(
        pending,
        ["00000000000000v2", "000000000000v2b2", "000000000000v2c3"]
    );
    assert!(!store.has_analysed().expect("analysed"));
    assert!(store.bucket_states(None).expect("states").is_empty());
    assert_eq!(store.alerts().expect("alerts").len(), 2, "alerts kept");
}

#[test]
fn v5_database_opens_with_its_pending_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v5.sql")]);
    let store = SqliteStore::open(&path).expect("open v5");
    assert_eq!(store.pending().expect("pending").len(), 3);
    assert_eq!(store.stats().expect("stats").documents, 3);
}

#[test]
fn v5_database_migrates_with_entities_counted_from_its_mentions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(
        dir.path(),
        &[&fixture("v5.sql"), &fixture("v5-mentions.sql")],
    );
    let store = SqliteStore::open(&path).expect("open v5");
    let alias = |text: &str, mentions: u64| Alias {
        text: text.to_string(),
        mentions,
    };
    let germany = EntitySummary {
        canonical: "Germany".into(),
        entity_type: EntityType::Country,
        id: "country:germany".into(),
        country: Some("Germany".into()),
        sector: None,
        mentions: 3,
        documents: 2,
        aliases: vec![alias("Deutschland", 2), alias("Germany", 1)],
        description: None,
    };
    let weber = EntitySummary {
        canonical: "Anna Weber".into(),
        entity_type: EntityType::Person,
        id: "person:anna weber".into(),
        country: None,
        sector: None,
        mentions: 1,
        documents: 1,
        aliases: vec![alias("sie", 1)],
        description: None,
    };
    assert_eq!(
        store.entities().expect("entities"),
        [germany.clone(), weber]
    );
    // Mentions stored before v6 read back with the class their type implies, as names.
    let ann = store
        .annotations(&DocId("00000000000000v2".into()))
        .expect("annotations")
        .expect("stored");
    assert_eq!(ann.mentions[0].coarse, Coarse::Loc);
    assert_eq!(ann.mentions[0].kind, MentionKind::Name);
    assert!(ann.descriptions.is_empty());

    // A put after the migration adds to the backfilled counts.
    let (doc, mut ann) = v1_contents();
    ann.mentions[0].sector = Some(Sector::Government);
    ann.descriptions.push(Description {
        entity: "country:germany".into(),
        span: sinew_types::Span::new(0, 7),
        text: "Germany".into(),
    });
    store.put(&doc, &ann).expect("put");
    let after = store.entities().expect("entities");
    assert_eq!(after[0].id, "country:germany");
    assert_eq!((after[0].mentions, after[0].documents), (4, 3));
    assert_eq!(
        after[0].aliases,
        [alias("Deutschland", 2), alias("Germany", 2)]
    );
    assert_eq!(after[0].sector, Some(Sector::Government));
    let described = after[0].description.as_ref().expect("description");
    assert_eq!(described.citation.doc, doc.id);
    assert_eq!(described.citation.source, "v1.txt");
    drop(store);
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
}

#[test]
fn v6_database_opens_with_its_entities_and_descriptions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v6.sql")]);
    let store = SqliteStore::open(&path).expect("open v6");
    let entities = store.entities().expect("entities");
    let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["country:germany", "person:anna weber"]);
    let weber = &entities[1];
    assert_eq!(weber.sector, Some(Sector::Government));
    let described = weber.description.as_ref().expect("description");
    assert_eq!(described.text, "defence minister");
    assert_eq!(described.count, 1);
    assert_eq!(described.citation.source, "v6.txt");
    assert_eq!(described.citation.span, sinew_types::Span::new(0, 16));
    let ann = store
        .annotations(&DocId("000000000000v6d4".into()))
        .expect("annotations")
        .expect("stored");
    assert_eq!(ann.mentions[0].sector, Some(Sector::Government));
    assert_eq!(ann.mentions[0].coarse, Coarse::Per);
    assert_eq!(ann.descriptions.len(), 1);
    assert_eq!(ann.descriptions[0].entity, "person:anna weber");
}

#[test]
fn v6_database_migrates_with_its_analysis_redone() {
    // A v6 store that had analysed everything: its buckets were keyed the old way, so the
    // step drops them and every document awaits analysis again, alerts kept.
    let dir = tempfile::tempdir().expect("tempdir");
    let analysed = "DELETE FROM analysis_pending;
        INSERT INTO claim_buckets VALUES ('germany\u{1f}nato\u{1f}eur\u{1f}', '00000000000000v2', 0);
        INSERT INTO analysis_buckets VALUES ('germany\u{1f}nato\u{1f}eur\u{1f}', '{}');
        INSERT INTO analysis_flows VALUES ('germany->nato:trade', 'germany\u{1f}nato\u{1f}eur\u{1f}');";
    let path = build(dir.path(), &[&fixture("v6.sql"), analysed]);
    let store = SqliteStore::open(&path).expect("open v6");
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
    assert_eq!(store.pending().expect("pending").len(), 4);
    assert!(!store.has_analysed().expect("analysed"));
    assert!(store.bucket_states(None).expect("states").is_empty());
    assert_eq!(store.alerts().expect("alerts").len(), 2);
    let headers = store
        .doc_headers(&[DocId("00000000000000v2".into())])
        .expect("headers");
    assert_eq!(headers[0].kind, None, "read again by the next analysis");
}

#[test]
fn v7_database_migrates_with_its_document_kinds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let kinds = "INSERT INTO document_kinds VALUES ('000000000000v6d4', 'official');";
    let path = build(dir.path(), &[&fixture("v7.sql"), kinds]);
    let store = SqliteStore::open(&path).expect("open v7");
    let headers = store
        .doc_headers(&[
            DocId("000000000000v6d4".into()),
            DocId("00000000000000v2".into()),
        ])
        .expect("headers");
    assert_eq!(headers[0].kind, Some(sinew_types::SourceKind::Official));
    assert_eq!(headers[1].kind, None);
}

#[test]
fn v7_database_migrates_with_an_empty_ingest_log_and_no_rules() {
    // Opened for writing, a v7 store gains the workbench tables, empty, with every document
    // still there.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v7.sql")]);
    let store = SqliteStore::open(&path).expect("open v7");
    assert!(store.alert_rules().expect("rules").is_empty());
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
    assert_eq!(store.stats().expect("stats").documents, 4);
    assert_eq!(store.ingest_log(10).expect("log"), IngestLog::default());
    let run = IngestRun {
        origin: "cli".into(),
        inputs: 1,
        failures: vec![InputFailure {
            input: "a.html".into(),
            error: "a.html: unreadable".into(),
        }],
        ..IngestRun::default()
    };
    let id = store.record_run(&run).expect("record");
    let log = store.ingest_log(10).expect("log");
    assert_eq!((log.runs, log.failures, log.failed_inputs), (1, 1, 1));
    assert_eq!(log.recent[0].run, id);
}

#[test]
fn v8_database_opens_with_its_runs_failures_and_rules() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v8.sql")]);
    let store = SqliteStore::open(&path).expect("open v8");
    let log = store.ingest_log(10).expect("log");
    let last = log.last_run.expect("a run");
    assert_eq!(
        (last.id, last.run.origin.as_str(), last.run.inserted),
        (1, "cli", 1)
    );
    assert_eq!((log.runs, log.failures, log.failed_inputs), (1, 1, 1));
    assert_eq!(log.recent[0].failure.input, "feeds/broken.xml");
    let rules = store.alert_rules().expect("rules");
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].rule.kinds, vec![AlertKind::Conflict]);
    assert_eq!(rules[0].rule.entity.as_deref(), Some("Germany"));
    assert_eq!(rules[0].rule.measure, None);
}

#[test]
fn v9_database_opens_with_its_last_briefing_and_v8_has_none() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v9.sql")]);
    let store = SqliteStore::open(&path).expect("open v9");
    let last = store.last_briefing().expect("read").expect("a briefing");
    assert_eq!(
        (last.id, last.written_at.as_str(), last.run.format.as_str()),
        (1, "2024-03-02T12:00:00Z", "html")
    );
    assert_eq!(last.run.focus.as_deref(), Some("about Germany"));
    assert_eq!(last.last_alert, 1);
    let old = dir.path().join("old");
    std::fs::create_dir(&old).expect("mkdir");
    let v8 = build(&old, &[&fixture("v8.sql")]);
    let store = SqliteStore::open(&v8).expect("open v8");
    assert_eq!(store.last_briefing().expect("read"), None, "none kept");
}

#[test]
fn v8_database_migrates_with_every_document_awaiting_its_events() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v8.sql")]);
    let id = DocId("000000000000v6d4".into());
    let store = SqliteStore::open(&path).expect("open v8");
    assert!(store
        .events(&EventFilter::default())
        .expect("events")
        .is_empty());
    let ann = store
        .annotations(&id)
        .expect("annotations")
        .expect("stored");
    assert!(ann.events.is_empty());
    let pending = store.events_pending(10).expect("pending");
    assert_eq!(pending.len(), 4, "{pending:?}");
    assert_eq!(
        store.events_pending(1).expect("page"),
        pending[..1].to_vec()
    );
    let text = "Defence Minister Anna Weber said Germany will spend more.";
    let weber = crate::common::actor(text, "Anna Weber", Some("Anna Weber"), Some("DEU"));
    let germany = crate::common::actor(text, "Germany", Some("Germany"), Some("DEU"));
    let event = crate::common::event(
        text,
        sinew_types::Span::new(0, text.len()),
        "spend",
        (weber, germany),
    );
    store
        .put_events(&[(id.clone(), vec![event.clone()])])
        .expect("put events");
    // A second run that read the same document stores nothing twice.
    store
        .put_events(&[(id.clone(), vec![event.clone()])])
        .expect("again");
    assert_eq!(store.events_pending(10).expect("pending").len(), 3);
    let listed = store
        .events(&EventFilter {
            entities: vec!["anna weber".into()],
            ..EventFilter::default()
        })
        .expect("events");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].event, event);
    assert_eq!(listed[0].sentence, text);
    assert_eq!(
        store
            .annotations(&id)
            .expect("annotations")
            .expect("stored")
            .events,
        vec![event]
    );
}

#[test]
fn v10_database_opens_with_its_events() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v10.sql")]);
    let store = SqliteStore::open(&path).expect("open v10");
    let all = store.events(&EventFilter::default()).expect("events");
    assert_eq!(all.len(), 1);
    let e = &all[0];
    assert_eq!(e.doc.0, "00000000000v10e5");
    assert_eq!(e.sentence, "Germany sanctioned Rossneft on 2 March 2024.");
    assert_eq!(e.published, date(2024, 3, 4));
    assert_eq!(e.event.category, sinew_types::PloverCategory::Sanction);
    assert_eq!(e.event.target[0].sector, Some(Sector::Business));
    let by = |filter: EventFilter| store.events(&filter).expect("events").len();
    let russia = EventFilter {
        countries: vec!["RUS".into()],
        ..EventFilter::default()
    };
    assert_eq!(by(russia.clone()), 1);
    assert_eq!(
        by(EventFilter {
            from: date(2024, 3, 3),
            ..russia.clone()
        }),
        0
    );
    assert_eq!(
        by(EventFilter {
            to: date(2024, 3, 2),
            ..russia
        }),
        1
    );
    assert_eq!(
        by(EventFilter {
            entities: vec!["France".into()],
            ..EventFilter::default()
        }),
        0
    );
    assert_eq!(store.events_pending(10).expect("pending").len(), 4);
}

#[test]
fn an_unknown_alert_kind_is_an_internal_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = "UPDATE alerts SET kind = 'rumour' WHERE seq = 1;";
    let path = build(dir.path(), &[&fixture("v3.sql"), bad]);
    let store = SqliteStore::open(&path).expect("open");
    let err = store.alerts().expect_err("unknown kind");
    assert!(!err.is_user_error(), "{err:?}");
}

#[test]
fn a_malformed_fingerprint_is_an_internal_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = "UPDATE documents SET fingerprint = x'010203' WHERE seq = 1;";
    let path = build(dir.path(), &[&fixture("v2.sql"), bad]);
    let store = SqliteStore::open(&path).expect("open");
    let err = store
        .fingerprints()
        .expect_err("three bytes are no u32 values");
    assert!(!err.is_user_error(), "{err:?}");
}

#[test]
fn a_newer_schema_is_a_clear_user_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let newer = SqliteStore::SCHEMA_VERSION + 1;
    let bump = format!("PRAGMA user_version = {newer};");
    let path = build(dir.path(), &[&fixture("v1.sql"), &bump]);
    let before = std::fs::read(&path).expect("read");
    let err = SqliteStore::open(&path).expect_err("newer schema");
    match &err {
        StoreError::SchemaTooNew {
            found, supported, ..
        } => {
            assert_eq!((*found, *supported), (newer, SqliteStore::SCHEMA_VERSION));
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
    assert!(err.is_user_error());
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert!(err.to_string().contains("newer"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file was modified"
    );
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        ("plain", vec![fixture("foreign.sql")]),
        (
            "other app id",
            vec![
                fixture("foreign.sql"),
                "PRAGMA application_id = 42;".to_string(),
            ],
        ),
        (
            "other app id, no tables",
            vec!["PRAGMA application_id = 42;".to_string()],
        ),
    ];
    for (name, scripts) in cases {
        let sub = dir.path().join(name);
        std::fs::create_dir(&sub).expect("mkdir");
        let scripts: Vec<&str> = scripts.iter().map(String::as_str).collect();
        let path = build(&sub, &scripts);
        let before = std::fs::read(&path).expect("read");
        let err = SqliteStore::open(&path).expect_err("foreign database");
        assert!(
            matches!(err, StoreError::NotADatabase { .. }),
            "{name}: {err:?}"
        );
        assert!(err.is_user_error());
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "{name}: file was modified"
        );
    }
}

/// The band index of each version: candidates of the first near-copy's fingerprint.
fn candidates_of_v2_first(store: &SqliteStore) -> Vec<String> {
    store
        .near_duplicate_candidates(&Fingerprint(vec![1, 2, u32::MAX]))
        .expect("candidates")
        .into_iter()
        .map(|c| c.id.0)
        .collect()
}

#[test]
fn v3_database_migrates_with_its_fingerprints_filed_by_band() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v3.sql")]);
    let store = SqliteStore::open(&path).expect("open v3");
    assert_eq!(candidates_of_v2_first(&store), ["00000000000000v2"]);
    // A fingerprint that shares no band finds nothing; the short text has none to share.
    let none = store
        .near_duplicate_candidates(&Fingerprint(vec![9, 9, 9]))
        .expect("candidates");
    assert!(none.is_empty());
    drop(store);
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
}

#[test]
fn v4_database_opens_with_its_band_index() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v4.sql")]);
    let store = SqliteStore::open(&path).expect("open v4");
    assert_eq!(candidates_of_v2_first(&store), ["00000000000000v2"]);
    let copy = store
        .near_duplicate_candidates(&Fingerprint(vec![1, 3, u32::MAX]))
        .expect("candidates");
    assert_eq!(copy.len(), 1);
    assert_eq!(
        copy[0].duplicate_of.as_ref().map(|d| d.0.as_str()),
        Some("00000000000000v2")
    );
}

#[test]
fn read_only_open_reads_compatible_versions_and_refuses_older_ones_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The number of documents a readable fixture holds; `None` for those too old to read.
    for (name, readable) in [
        ("v1.sql", None),
        ("v2.sql", None),
        ("v3.sql", None),
        ("v4.sql", None),
        ("v5.sql", None),
        ("v6.sql", None),
        ("v7.sql", None),
        ("v8.sql", None),
        ("v9.sql", None),
        ("v10.sql", None),
        ("v11.sql", None),
        ("v12.sql", None),
    ] {
        let sub = dir.path().join(name);
        std::fs::create_dir(&sub).expect("mkdir");
        let path = build(&sub, &[&fixture(name)]);
        let before = std::fs::read(&path).expect("read");
        match SqliteStore::open_read_only(&path) {
            Ok(store) => {
                assert!(readable.is_some(), "{name} opened read-only");
                assert_eq!(
                    store.stats().expect("stats").documents,
                    readable.unwrap_or(0)
                );
                assert_eq!(store.alerts().expect("alerts").len(), 2, "{name}");
            }
            Err(err) => {
                assert!(readable.is_none(), "{name}: {err:?}");
                assert!(matches!(err, StoreError::SchemaTooOld { .. }), "{err:?}");
                assert!(err.is_user_error());
                assert!(err.to_string().contains("older"), "{err}");
            }
        }
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "{name} was modified"
        );
        assert_eq!(
            std::fs::read_dir(&sub).expect("dir").count(),
            1,
            "{name}: side files"
        );
    }
    // Newer and foreign databases are refused read-only too.
    let newer = dir.path().join("newer");
    std::fs::create_dir(&newer).expect("mkdir");
    let bump = format!("PRAGMA user_version = {};", SqliteStore::SCHEMA_VERSION + 1);
    let path = build(&newer, &[&fixture("v3.sql"), &bump]);
    let err = SqliteStore::open_read_only(&path).expect_err("newer");
    assert!(matches!(err, StoreError::SchemaTooNew { .. }), "{err:?}");
    let foreign = dir.path().join("foreign");
    std::fs::create_dir(&foreign).expect("mkdir");
    let path = build(&foreign, &[&fixture("foreign.sql")]);
    let err = SqliteStore::open_read_only(&path).expect_err("foreign");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
}
