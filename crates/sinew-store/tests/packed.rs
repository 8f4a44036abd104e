//! Schema v11 (annotations packed, claims keyed by `seq`): a v10 store's every annotation
//! carried over by the migration, and the v11 fixture read back as it was written. Schema v12
//! (texts packed): the v11 fixture migrated reads its texts back as written.

use sinew_store::{AnalysisStore, SqliteStore, Store, StoreError};
use sinew_types::{Annotations, DocId, Document, Sector};

use crate::compat::{build, fixture, pragma};

/// A unit enum's serde name, as the stores before v11 kept it in a column.
fn name_of<T: serde::Serialize>(value: T) -> String {
    match serde_json::to_value(value).expect("serialise") {
        serde_json::Value::String(s) => s,
        other => panic!("not a unit enum: {other}"),
    }
}

/// Writes a document with its annotations into a v10 database the way the v10 store laid
/// them out: one row per sentence, mention, figure, time, attribution, claim (columns and
/// JSON), diagnostic, description and event.
fn put_v10(conn: &rusqlite::Connection, seq: i64, doc: &Document, ann: &Annotations) {
    use rusqlite::params;
    let id = doc.id.0.as_str();
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    let real = |x: f64| (!x.is_nan()).then_some(x);
    let blob = doc.fingerprint.as_ref().map(|f| {
        f.0.iter()
            .flat_map(|v| v.to_le_bytes())
            .collect::<Vec<u8>>()
    });
    let run = |sql: &str, args: &[&dyn rusqlite::ToSql]| {
        conn.execute(sql, args)
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    };
    run(
        "INSERT INTO documents VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, \
         '2024-05-01T00:00:00Z', ?11, ?12)",
        params![
            id,
            seq,
            doc.source,
            doc.url,
            doc.title,
            doc.author,
            day(doc.published),
            doc.site,
            doc.lang,
            doc.text,
            blob,
            doc.duplicate_of.as_ref().map(|d| d.0.clone())
        ],
    );
    for (ord, s) in ann.sentences.iter().enumerate() {
        run(
            "INSERT INTO sentences VALUES (?1, ?2, ?3, ?4)",
            params![id, ord, s.span.start, s.span.end],
        );
    }
    for (ord, m) in ann.mentions.iter().enumerate() {
        run(
            "INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                id,
                ord,
                m.span.start,
                m.span.end,
                m.text,
                m.entity_type.as_str(),
                m.canonical,
                m.id,
                m.country,
                m.coarse.as_str(),
                m.sector.map(Sector::as_str),
                m.kind.as_str()
            ],
        );
    }
    for (ord, q) in ann.quantities.iter().enumerate() {
        run(
            "INSERT INTO quantities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                id,
                ord,
                q.span.start,
                q.span.end,
                q.text,
                real(q.value),
                q.value_max.and_then(real),
                q.unit,
                name_of(q.kind),
                q.qualifier,
                q.per,
                q.vague
            ],
        );
    }
    for (ord, t) in ann.times.iter().enumerate() {
        run(
            "INSERT INTO times VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                id,
                ord,
                t.span.start,
                t.span.end,
                t.text,
                day(t.start_date),
                day(t.end_date),
                name_of(t.grain),
                name_of(t.kind),
                t.timex
            ],
        );
    }
    for (ord, a) in ann.attributions.iter().enumerate() {
        run(
            "INSERT INTO attributions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                ord,
                a.span.start,
                a.span.end,
                a.source_span.start,
                a.source_span.end,
                a.source,
                a.cue
            ],
        );
    }
    for (ord, c) in ann.claims.iter().enumerate() {
        let time = c.time.as_ref();
        run(
            "INSERT INTO claims VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, \
             ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
            params![
                id,
                ord,
                c.span.start,
                c.span.end,
                c.sentence.start,
                c.sentence.end,
                c.subject,
                c.object,
                c.subject.as_deref().map(str::to_lowercase),
                c.object.as_deref().map(str::to_lowercase),
                c.measure,
                name_of(c.quantity.kind),
                c.quantity.unit,
                real(c.quantity.value),
                c.quantity.value_max.and_then(real),
                day(time.and_then(|t| t.start_date)),
                day(time.and_then(|t| t.end_date)),
                c.attribution,
                name_of(c.modality),
                serde_json::to_string(c).expect("claim json")
            ],
        );
    }
    for (ord, d) in ann.diagnostics.iter().enumerate() {
        run(
            "INSERT INTO diagnostics VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                ord,
                d.span.map(|s| s.start),
                d.span.map(|s| s.end),
                d.message
            ],
        );
    }
    for (ord, d) in ann.descriptions.iter().enumerate() {
        run(
            "INSERT INTO descriptions VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, ord, d.span.start, d.span.end, d.entity, d.text],
        );
    }
    for (ord, e) in ann.events.iter().enumerate() {
        run(
            "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                id,
                ord,
                e.trigger.start,
                e.trigger.end,
                e.sentence.start,
                e.sentence.end,
                e.category.as_str(),
                e.kind.map(|k| k.as_str()),
                day(e.date),
                day(e.date_end),
                name_of(e.modality),
                e.negated,
                serde_json::to_string(e).expect("event json")
            ],
        );
    }
}

#[test]
fn v10_database_migrates_with_every_annotation_packed_and_claims_rekeyed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v10.sql")]);
    let (doc, mut ann) = crate::common::rich();
    // A figure stated without a number (NaN, kept as NULL at v10) and one whose upper bound
    // is not a round decimal: both must come back exactly.
    ann.quantities[3].value = f64::NAN;
    ann.quantities[2].value_max = Some(0.1 + 0.2);
    ann.claims[2].quantity.value_max = Some(0.1 + 0.2);
    let conn = rusqlite::Connection::open(&path).expect("open v10 by hand");
    put_v10(&conn, 6, &doc, &ann);
    drop(conn);

    assert!(matches!(
        SqliteStore::open_read_only(&path),
        Err(StoreError::SchemaTooOld { found: 10, .. })
    ));
    let store = SqliteStore::open(&path).expect("migrate v10");
    assert_eq!(
        pragma(&path, "user_version"),
        SqliteStore::SCHEMA_VERSION,
        "through v11, v12, v13, v14, then the claim counts"
    );
    let mut got = store
        .annotations(&doc.id)
        .expect("annotations")
        .expect("stored");
    assert!(got.quantities[3].value.is_nan(), "{:?}", got.quantities[3]);
    got.quantities[3].value = 0.0;
    ann.quantities[3].value = 0.0;
    assert_eq!(got, ann);
    // The documents stored before: their few rows, packed and read back.
    let v6 = store
        .annotations(&DocId("000000000000v6d4".into()))
        .expect("annotations")
        .expect("stored");
    assert_eq!(v6.mentions.len(), 2);
    assert_eq!(v6.mentions[0].text, "Anna Weber");
    assert_eq!(v6.mentions[0].sector, Some(Sector::Government));
    assert_eq!(v6.descriptions.len(), 1);
    assert_eq!(v6.descriptions[0].entity, "person:anna weber");
    let v2 = store
        .annotations(&DocId("00000000000000v2".into()))
        .expect("annotations")
        .expect("stored");
    assert_eq!(v2.sentences.len(), 1);
    // Claims keep their keys and their exact figures, and are listed in span order.
    let by_entity = store
        .claims(&sinew_store::ClaimFilter {
            entity: Some("russia".into()),
            ..Default::default()
        })
        .expect("claims");
    let measures: Vec<&str> = by_entity.iter().map(|c| c.measure.as_str()).collect();
    assert_eq!(
        measures,
        ["growth of exports", "exports of dual-use goods", "payments"]
    );
    assert_eq!(by_entity[2].quantity.value_max, Some(0.1 + 0.2));
    let stats = store.stats().expect("stats");
    assert_eq!(
        (
            stats.documents,
            stats.mentions,
            stats.quantities,
            stats.times,
            stats.claims
        ),
        (6, 2 + ann.mentions.len() as u64, 4, 2, 3)
    );
}

#[test]
fn v11_database_reads_its_packed_annotations_once_migrated() {
    // Read-only opens refuse v11 since v13 moved the claims (`OLDEST_READABLE`).
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v11.sql")]);
    assert!(matches!(
        SqliteStore::open_read_only(&path),
        Err(StoreError::SchemaTooOld { found: 11, .. })
    ));
    let store = SqliteStore::open(&path).expect("migrate v11");
    let (doc, ann) = crate::common::rich();
    assert_eq!(store.annotations(&doc.id).expect("read"), Some(ann.clone()));
    let claims = store
        .claims(&sinew_store::ClaimFilter {
            doc: Some(doc.id.clone()),
            ..Default::default()
        })
        .expect("claims");
    assert_eq!(claims.len(), 3);
    assert_eq!(claims[0].span.start, 53, "in span order");
    let stats = store.stats().expect("stats");
    assert_eq!((stats.documents, stats.quantities, stats.claims), (6, 4, 3));
}

/// What the read calls give of a store, as Debug text (so a NaN figure equals itself):
/// documents, each one's annotations and claims, every event with its sentence, entities,
/// counts, and the words the analysis cuts from the texts (each claim's quote and sentence,
/// and spans that run past a text or cut a character in two).
fn everything_read(store: &SqliteStore) -> Vec<String> {
    use sinew_store::AnalysisStore;
    let docs = store.documents().expect("documents");
    let mut out = vec![format!("{docs:?}")];
    let mut refs = Vec::new();
    let mut spans = Vec::new();
    for doc in &docs {
        let ann = store.annotations(&doc.id).expect("annotations");
        out.push(format!("{ann:?}"));
        for (ord, c) in ann.iter().flat_map(|a| a.claims.iter().enumerate()) {
            refs.push((doc.id.clone(), ord as u32));
            spans.push((doc.id.clone(), c.sentence));
        }
        let len = doc.text.len();
        spans.push((doc.id.clone(), sinew_types::Span::new(0, len)));
        spans.push((doc.id.clone(), sinew_types::Span::new(len / 2, len + 3)));
        if let Some((at, ch)) = doc.text.char_indices().find(|(_, c)| c.len_utf8() > 1) {
            spans.push((
                doc.id.clone(),
                sinew_types::Span::new(at, at + ch.len_utf8() - 1),
            ));
        }
        let claims = store
            .claims(&sinew_store::ClaimFilter {
                doc: Some(doc.id.clone()),
                ..Default::default()
            })
            .expect("claims");
        out.push(format!("{claims:?}"));
    }
    out.push(format!(
        "{:?}",
        store
            .events(&sinew_store::EventFilter::default())
            .expect("events")
    ));
    out.push(format!("{:?}", store.entities().expect("entities")));
    out.push(format!("{:?}", store.stats().expect("stats")));
    out.push(format!(
        "{:?}",
        store.claim_words(&refs).expect("claim words")
    ));
    out.push(format!(
        "{:?}",
        store.claim_quotes(&refs).expect("claim quotes")
    ));
    out.push(format!(
        "{:?}",
        store.span_words(&spans).expect("span words")
    ));
    out
}

#[test]
fn v11_database_migrates_to_packed_texts_and_reads_back_exactly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v11.sql")]);
    // A v11 store is no longer read as it is (v13 moved the claims), so what it read before
    // is what the texts said before the step: read by hand. The claims' reads are checked
    // against the v11 rows in `doc_claims.rs`.
    let conn = rusqlite::Connection::open(&path).expect("open by hand");
    let texts_before: Vec<String> = conn
        .prepare("SELECT text FROM documents ORDER BY seq")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    drop(conn);

    let store = SqliteStore::open(&path).expect("migrate v11");
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
    let conn = rusqlite::Connection::open(&path).expect("open by hand");
    let kinds: Vec<String> = conn
        .prepare("SELECT typeof(text) FROM documents ORDER BY seq")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(kinds, vec!["blob"; 6], "every text packed");
    let after = everything_read(&store);
    // The words cut from a text: a span cutting a character in two gives none.
    let umlaut = after.last().expect("span words");
    assert!(umlaut.contains("(\"v2.txt\", \"\")"), "{umlaut}");
    let texts_after: Vec<String> = store
        .documents()
        .expect("documents")
        .into_iter()
        .map(|d| d.text)
        .collect();
    assert_eq!(texts_after, texts_before);
    // A document stored after the step is packed too, and reads back as written.
    let (mut doc, ann) = crate::common::rich();
    doc.id = DocId("00000000000v12aa".into());
    doc.text = format!("Zürich — {}", doc.text);
    store.put(&doc, &ann).expect("put");
    assert_eq!(
        store.document(&doc.id).expect("read").expect("stored").text,
        doc.text
    );
    drop(store);
    assert_eq!(
        SqliteStore::open_read_only(&path)
            .expect("open v12")
            .document(&doc.id)
            .expect("read")
            .map(|d| d.text),
        Some(doc.text)
    );
}

/// A store made now, analysed, then set back by `back` to an older `version` (its layout), is
/// opened for writing: the step that changed the analysis drops what was kept and every
/// document awaits analysis again; the documents and their claims stay.
fn analysis_redone_from(version: i64, back: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(format!("v{version}.db"));
    let store = SqliteStore::open(&path).expect("create");
    let (doc, ann) = crate::common::rich();
    store.put(&doc, &ann).expect("put");
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("open by hand");
    conn.execute_batch(&format!(
        "DELETE FROM analysis_pending;
        INSERT INTO claim_buckets VALUES ('germany\u{1f}money\u{1f}', 1, 0);
        INSERT INTO analysis_buckets (bucket, state) VALUES ('germany\u{1f}money\u{1f}', '{{}}');
        INSERT INTO analysis_flows VALUES ('germany->nato:trade', 'germany\u{1f}money\u{1f}');
        {back}
        PRAGMA user_version = {version};"
    ))
    .expect("analysed at the older version");
    drop(conn);
    let store = SqliteStore::open(&path).expect("open the older store");
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
    assert_eq!(store.pending().expect("pending"), vec![doc.id.clone()]);
    assert!(!store.has_analysed().expect("analysed"));
    assert!(store.bucket_states(None).expect("states").is_empty());
    assert_eq!(
        store
            .annotations(&doc.id)
            .expect("annotations")
            .map(|a| a.claims.len()),
        Some(ann.claims.len())
    );
}

#[test]
fn v13_database_migrates_with_its_analysis_redone() {
    // Its groups lack the vague mark (v14). (v14 adds no table and v15 one column: a store
    // made now, that column dropped and set back to 13, is v13's layout.)
    analysis_redone_from(
        13,
        "ALTER TABLE claim_keys DROP COLUMN claims; ALTER TABLE analysis_buckets DROP COLUMN \
         summary; ALTER TABLE briefings DROP COLUMN last_doc;",
    );
}

#[test]
fn v15_database_migrates_with_its_analysis_redone() {
    // Its groups file people sent among goods and casualties as flows (v16 gives them kinds
    // of their own). (v16 adds no table and v17 one column: a store made now, that column
    // dropped and set back to 15, is v15's layout.)
    analysis_redone_from(
        15,
        "ALTER TABLE analysis_buckets DROP COLUMN summary; ALTER TABLE briefings DROP COLUMN \
         last_doc;",
    );
}
