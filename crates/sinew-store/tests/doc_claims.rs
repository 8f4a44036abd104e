//! Schema v13 (claims and events packed a document at a time, found by entity through
//! `claim_keys` and `event_keys`, claims bucketed by `seq`): the v11 and v12 fixtures migrate
//! and every claim and event reads back as the v12 layout held it, whichever call reads it;
//! a damaged packed value is an error, not a wrong answer.

use std::collections::BTreeSet;
use std::path::Path;

use sinew_store::{AnalysisStore, ClaimFilter, EventFilter, SqliteStore, Store, StoreError};
use sinew_types::{Claim, DocId, Event};

use crate::compat::{build, fixture, pragma};

/// One claim as the v11-v12 layout held it: its document's id and seq, its ordinal, the claim.
struct HeldClaim {
    id: String,
    seq: i64,
    ord: u32,
    claim: Claim,
}

/// Every claim of a v11 or v12 database, read by hand from its `claims` table: the JSON
/// unpacked (LZ4 against the claims' dictionary) and the exact figures of the REAL columns put
/// in, in (seq, ord) order.
fn claims_by_hand(path: &Path) -> Vec<HeldClaim> {
    let conn = rusqlite::Connection::open(path).expect("open by hand");
    let mut stmt = conn
        .prepare(
            "SELECT d.id, c.seq, c.ord, c.body, c.value, c.value_max FROM claims c \
             JOIN documents d ON d.seq = c.seq ORDER BY c.seq, c.ord",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, Option<f64>>(4)?,
                r.get::<_, Option<f64>>(5)?,
            ))
        })
        .expect("query")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    rows.into_iter()
        .map(|(id, seq, ord, body, value, value_max)| {
            assert_eq!(body[0], 1, "layout of a claim packed alone");
            let len = u32::from_le_bytes(body[1..5].try_into().expect("length")) as usize;
            let json = lz4_flex::block::decompress_with_dict(
                &body[5..],
                len,
                include_bytes!("../src/claim_dict.txt"),
            )
            .expect("claim unpacks");
            let mut tree: serde_json::Value = serde_json::from_slice(&json).expect("claim JSON");
            tree["quantity"]["value"] = serde_json::Value::from(0.0);
            tree["quantity"]["value_max"] = serde_json::Value::Null;
            let mut claim: Claim = serde_json::from_value(tree).expect("a claim");
            claim.quantity.value = value.unwrap_or(f64::NAN);
            claim.quantity.value_max = value_max;
            HeldClaim {
                id,
                seq,
                ord,
                claim,
            }
        })
        .collect()
}

/// One event as the v11-v12 layout held it, with the columns a listing filtered on.
struct HeldEvent {
    id: String,
    ord: u32,
    event: Event,
}

/// Every event of a v11 or v12 database, read by hand from its `events` table (LZ4 against
/// the events' dictionary), in (seq, ord) order.
fn events_by_hand(path: &Path) -> Vec<HeldEvent> {
    let conn = rusqlite::Connection::open(path).expect("open by hand");
    let mut stmt = conn
        .prepare(
            "SELECT d.id, e.ord, e.body FROM events e JOIN documents d ON d.seq = e.seq \
             ORDER BY e.seq, e.ord",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, Vec<u8>>(2)?,
            ))
        })
        .expect("query")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    rows.into_iter()
        .map(|(id, ord, body)| {
            let len = u32::from_le_bytes(body[1..5].try_into().expect("length")) as usize;
            let json = lz4_flex::block::decompress_with_dict(
                &body[5..],
                len,
                include_bytes!("../src/event_dict.txt"),
            )
            .expect("event unpacks");
            HeldEvent {
                id,
                ord,
                event: serde_json::from_slice(&json).expect("an event"),
            }
        })
        .collect()
}

/// Checks the event listing of `store` against the events held before the migration: all of
/// them, by each actor's name and country, by document, and between dates.
fn events_read_back(store: &SqliteStore, held: &[HeldEvent]) {
    let listed = |filter: &EventFilter| -> Vec<(String, u32, String)> {
        store
            .events(filter)
            .expect("events")
            .into_iter()
            .map(|e| (e.doc.0, e.ord, text(&e.event)))
            .collect()
    };
    let want = |keep: &dyn Fn(&HeldEvent) -> bool| -> Vec<(String, u32, String)> {
        held.iter()
            .filter(|h| keep(h))
            .map(|h| (h.id.clone(), h.ord, text(&h.event)))
            .collect()
    };
    assert_eq!(listed(&EventFilter::default()), want(&|_| true));
    for h in held {
        for a in h.event.source.iter().chain(&h.event.target) {
            if let Some(name) = &a.canonical {
                let key = name.to_lowercase();
                let has = |e: &HeldEvent| {
                    e.event.source.iter().chain(&e.event.target).any(|a| {
                        a.canonical
                            .as_ref()
                            .is_some_and(|c| c.to_lowercase() == key)
                    })
                };
                let filter = EventFilter {
                    entities: vec![name.to_uppercase()],
                    ..Default::default()
                };
                assert_eq!(listed(&filter), want(&has), "{name}");
            }
            if let Some(country) = &a.country {
                let key = country.to_lowercase();
                let has = |e: &HeldEvent| {
                    e.event
                        .source
                        .iter()
                        .chain(&e.event.target)
                        .any(|a| a.country.as_ref().is_some_and(|c| c.to_lowercase() == key))
                };
                let filter = EventFilter {
                    countries: vec![country.clone()],
                    ..Default::default()
                };
                assert_eq!(listed(&filter), want(&has), "{country}");
            }
        }
        let filter = EventFilter {
            doc: Some(DocId(h.id.clone())),
            ..Default::default()
        };
        assert_eq!(listed(&filter), want(&|e| e.id == h.id));
        let ann = store
            .annotations(&DocId(h.id.clone()))
            .expect("annotations")
            .expect("stored");
        let mine: Vec<&Event> = held
            .iter()
            .filter(|e| e.id == h.id)
            .map(|e| &e.event)
            .collect();
        assert_eq!(text(&ann.events.iter().collect::<Vec<_>>()), text(&mine));
        // Between dates, as the date columns were compared: an end (or the date) on or after
        // the start, a date on or before the end; an event without one is left out.
        if let Some(day) = h.event.date {
            let from = EventFilter {
                from: Some(day),
                ..Default::default()
            };
            assert_eq!(
                listed(&from),
                want(&|e| e.event.date_end.or(e.event.date).is_some_and(|d| d >= day))
            );
            let to = EventFilter {
                to: Some(day),
                ..Default::default()
            };
            assert_eq!(
                listed(&to),
                want(&|e| e.event.date.is_some_and(|d| d <= day))
            );
        }
    }
}

/// Every `(bucket, seq, ord)` of a v12 database's `claim_buckets` (keyed by document id).
fn buckets_by_hand(path: &Path) -> Vec<(String, i64, u32)> {
    let conn = rusqlite::Connection::open(path).expect("open by hand");
    let mut stmt = conn
        .prepare(
            "SELECT b.bucket, d.seq, b.ord FROM claim_buckets b JOIN documents d ON d.id = b.doc \
             ORDER BY b.bucket, d.seq, b.ord",
        )
        .expect("prepare");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// Debug text, so that a NaN figure equals itself.
fn text<T: std::fmt::Debug>(value: &T) -> String {
    format!("{value:?}")
}

/// Checks every claim-reading call of `store` against the claims held before the migration.
fn reads_back(store: &SqliteStore, held: &[HeldClaim]) {
    let docs: BTreeSet<(i64, &str)> = held.iter().map(|h| (h.seq, h.id.as_str())).collect();
    let mut refs = Vec::new();
    for (seq, id) in &docs {
        let id = DocId(id.to_string());
        let mine: Vec<&HeldClaim> = held.iter().filter(|h| h.seq == *seq).collect();
        let in_order: Vec<&Claim> = mine.iter().map(|h| &h.claim).collect();
        let ann = store
            .annotations(&id)
            .expect("annotations")
            .expect("stored");
        assert_eq!(
            text(&ann.claims.iter().collect::<Vec<_>>()),
            text(&in_order)
        );
        let mut by_span = mine.clone();
        by_span.sort_by_key(|h| (h.claim.span.start, h.claim.span.end, h.ord));
        let listed = store
            .claims(&ClaimFilter {
                doc: Some(id.clone()),
                ..Default::default()
            })
            .expect("claims of a document");
        let expected: Vec<&Claim> = by_span.iter().map(|h| &h.claim).collect();
        assert_eq!(text(&listed.iter().collect::<Vec<_>>()), text(&expected));
        refs.extend(mine.iter().map(|h| (id.clone(), h.ord)));
        // The keyed read of the analysis, ordinals as stored.
        let keyed = store
            .claims_of_docs(std::slice::from_ref(&id))
            .expect("claims of docs");
        let got: Vec<(i64, u32, String)> = keyed
            .iter()
            .map(|k| (k.seq, k.ord, text(&k.claim)))
            .collect();
        let want: Vec<(i64, u32, String)> = mine
            .iter()
            .map(|h| (h.seq, h.ord, text(&h.claim)))
            .collect();
        assert_eq!(got, want);
    }
    // By entity, every party of every claim, in any case.
    let parties: BTreeSet<String> = held
        .iter()
        .flat_map(|h| [h.claim.subject.clone(), h.claim.object.clone()])
        .flatten()
        .collect();
    assert!(!parties.is_empty());
    for party in &parties {
        let key = party.to_lowercase();
        let mut want: Vec<&HeldClaim> = held
            .iter()
            .filter(|h| {
                [&h.claim.subject, &h.claim.object]
                    .into_iter()
                    .flatten()
                    .any(|p| p.to_lowercase() == key)
            })
            .collect();
        want.sort_by_key(|h| (h.seq, h.claim.span.start, h.claim.span.end, h.ord));
        let got = store
            .claims(&ClaimFilter {
                entity: Some(party.to_uppercase()),
                ..Default::default()
            })
            .expect("claims by entity");
        let want: Vec<&Claim> = want.iter().map(|h| &h.claim).collect();
        assert_eq!(
            text(&got.iter().collect::<Vec<_>>()),
            text(&want),
            "{party}"
        );
        // The count kept per key (filled by the migration) and the first claims.
        let (total, page) = store
            .claims_page(
                &ClaimFilter {
                    entity: Some(party.clone()),
                    ..Default::default()
                },
                1,
            )
            .expect("a page by entity");
        assert_eq!(total, want.len() as u64, "{party}");
        assert_eq!(
            text(&page.iter().collect::<Vec<_>>()),
            text(&want[..1].to_vec())
        );
    }
    let all = store.claims(&ClaimFilter::default()).expect("every claim");
    assert_eq!(all.len(), held.len());
    assert_eq!(store.stats().expect("stats").claims, held.len() as u64);
    // Quotes and words: the spans packed ahead of the JSON agree with the claims'.
    let quotes = store.claim_quotes(&refs).expect("quotes");
    let words = store.claim_words(&refs).expect("words");
    for (h, (q, w)) in held.iter().zip(quotes.iter().zip(&words)) {
        let q = q.as_ref().expect("quoted");
        let w = w.as_ref().expect("words");
        assert_eq!((q.seq, q.ord, q.span), (h.seq, h.ord, h.claim.span));
        assert_eq!(text(&w.claim), text(&h.claim));
        assert_eq!(q.quote, w.quote);
    }
}

#[test]
fn v12_database_migrates_with_claims_packed_by_document_and_reads_back_exactly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v12.sql")]);
    let held = claims_by_hand(&path);
    let buckets = buckets_by_hand(&path);
    let events = events_by_hand(&path);
    assert!(!events.is_empty(), "the fixture's events");
    assert!(
        held.len() >= 7 && !buckets.is_empty(),
        "the fixture's claims"
    );
    assert!(matches!(
        SqliteStore::open_read_only(&path),
        Err(StoreError::SchemaTooOld { found: 12, .. })
    ));
    let store = SqliteStore::open(&path).expect("migrate v12");
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
    reads_back(&store, &held);
    events_read_back(&store, &events);
    // v13 rekeyed the buckets by `seq`; v14 (`VAGUE_FIGURES`) then drops the kept analysis,
    // buckets included, and every document awaits analysis again.
    assert!(!store.has_analysed().expect("analysed"));
    assert!(store
        .bucket_claims(&[buckets[0].0.clone()])
        .expect("bucket")
        .is_empty());
    let docs: BTreeSet<i64> = held.iter().map(|h| h.seq).collect();
    assert!(store.pending().expect("pending").len() >= docs.len());
    // The old tables are gone, and a document without claims has no packed row.
    let conn = rusqlite::Connection::open(&path).expect("open by hand");
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master \
             WHERE name IN ('claims', 'claims_subject', 'events', 'event_actors')",
            [],
            |r| r.get(0),
        )
        .expect("tables");
    assert_eq!(tables, 0);
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM doc_claims", [], |r| r.get(0))
        .expect("rows");
    let docs: BTreeSet<i64> = held.iter().map(|h| h.seq).collect();
    assert_eq!(rows, docs.len() as i64);
}

#[test]
fn v11_database_migrates_through_v12_and_v13_with_its_claims_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = build(dir.path(), &[&fixture("v11.sql")]);
    let held = claims_by_hand(&path);
    let events = events_by_hand(&path);
    let store = SqliteStore::open(&path).expect("migrate v11");
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
    reads_back(&store, &held);
    events_read_back(&store, &events);
}

#[test]
fn a_damaged_packed_claim_value_is_reported_not_misread() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("store.db");
    let store = SqliteStore::open(&path).expect("open");
    let (doc, ann) = crate::common::rich();
    store.put(&doc, &ann).expect("put");
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("open by hand");
    let body: Vec<u8> = conn
        .query_row("SELECT body FROM doc_claims", [], |r| r.get(0))
        .expect("body");
    for damaged in [
        Vec::new(),
        vec![9],
        body[..body.len() / 2].to_vec(),
        [&[1u8][..], &[0xff; 12]].concat(),
    ] {
        conn.execute("UPDATE doc_claims SET body = ?1", [&damaged])
            .expect("damage");
        let store = SqliteStore::open(&path).expect("open");
        let err = store
            .claims(&ClaimFilter::default())
            .expect_err("a damaged value is an error");
        assert!(!err.is_user_error(), "{err:?}");
        assert!(store.annotations(&doc.id).is_err());
    }
}
