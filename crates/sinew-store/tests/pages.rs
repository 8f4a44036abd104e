//! The reads of a page that shows a few of many rows: `claims_page` is the count and a prefix
//! of `claims`, and `event_reports` is `events` with the sentences left out, whatever the
//! filter, on every store; the count kept per key is filled for claims stored before its
//! migration step, and a store opened read-only before that step still counts right.

use std::sync::Arc;

use sinew_store::{ClaimFilter, EventFilter, SqliteStore, Store};
use sinew_types::{Annotations, QuantityKind, Span};

use crate::backends::backends;
use crate::common::{actor, claim, doc, event, quantity};
use crate::compat::pragma;

/// Documents whose claims and events name different actors: document `i` has a figure about
/// Kestrel Mining (every one), one about Ostmark Steel (every other one) as the object, and
/// an event from Kestrel to Ostmark (every third one, the third's actor in Norway).
fn fill(store: &dyn Store) {
    for i in 0..9 {
        let text = format!(
            "Kestrel Mining shipped {i}00 tonnes of ore to Ostmark Steel, and Lund \
             Freight carried {i}0 more."
        );
        let d = doc(&format!("{i:016x}"), &text);
        let tonnes = quantity(
            &text,
            &format!("{i}00 tonnes"),
            i as f64 * 100.0,
            "t",
            QuantityKind::Measure,
        );
        let more = quantity(
            &text,
            &format!("{i}0 more"),
            i as f64 * 10.0,
            "t",
            QuantityKind::Measure,
        );
        let mut claims = vec![claim(&d, &tonnes, Some("Kestrel Mining"), None, "shipped")];
        if i % 2 == 0 {
            claims.push(claim(
                &d,
                &more,
                Some("Lund Freight"),
                Some("Ostmark Steel"),
                "carried",
            ));
        }
        let mut events = Vec::new();
        if i % 3 == 0 {
            let kestrel = actor(&text, "Kestrel Mining", Some("Kestrel Mining"), None);
            let country = if i == 3 { Some("NOR") } else { None };
            let ostmark = actor(&text, "Ostmark Steel", Some("Ostmark Steel"), country);
            events.push(event(
                &text,
                Span::new(0, text.len()),
                "shipped",
                (kestrel, ostmark),
            ));
        }
        let ann = Annotations {
            quantities: vec![tonnes, more],
            claims,
            events,
            ..Annotations::default()
        };
        store.put(&d, &ann).expect("put");
    }
}

/// Filters over [`fill`]'s claims: none, by entity in any case (a party as subject, as
/// object, none at all), by entity and document.
fn filters() -> Vec<ClaimFilter> {
    vec![
        ClaimFilter::default(),
        ClaimFilter {
            entity: Some("kestrel MINING".into()),
            ..ClaimFilter::default()
        },
        ClaimFilter {
            entity: Some("Ostmark Steel".into()),
            ..ClaimFilter::default()
        },
        ClaimFilter {
            entity: Some("Nobody".into()),
            ..ClaimFilter::default()
        },
        ClaimFilter {
            entity: Some("Lund Freight".into()),
            doc: Some(sinew_types::DocId(format!("{:016x}", 4))),
        },
        ClaimFilter {
            entity: Some("Ostmark Steel".into()),
            doc: Some(sinew_types::DocId(format!("{:016x}", 3))),
        },
        ClaimFilter {
            doc: Some(sinew_types::DocId(format!("{:016x}", 6))),
            ..ClaimFilter::default()
        },
    ]
}

/// `claims_page` on `store` is, for every filter and limit, the length of `claims` and its
/// prefix.
fn pages_agree(store: &dyn Store, what: &str) {
    for filter in &filters() {
        let all = store.claims(filter).expect("claims");
        for limit in [0, 1, 3, all.len(), all.len() + 5] {
            let (total, page) = store.claims_page(filter, limit).expect("page");
            assert_eq!(total, all.len() as u64, "{what}: {filter:?}");
            assert_eq!(
                page,
                all[..limit.min(all.len())],
                "{what}: {filter:?} limit {limit}"
            );
        }
    }
}

#[test]
fn a_claims_page_is_the_count_and_the_first_claims() {
    for backend in backends() {
        let store = &*backend.store;
        fill(store);
        pages_agree(store, backend.name);
        // The fixture means what it says: the filters select different claims.
        let sizes: Vec<usize> = filters()
            .iter()
            .map(|f| store.claims(f).expect("claims").len())
            .collect();
        assert_eq!(sizes, [14, 9, 5, 0, 1, 0, 2], "{}", backend.name);
        pages_agree(&*backend.reopen_read_only(), backend.name);
    }
}

/// A SQLite store as it was before the step that counts claims per key (v15): the column
/// dropped and the version 14 (the later steps add no table or column).
fn before_counts(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).expect("open by hand");
    // (and the v17 and v19 columns, which a v14 store lacks too)
    conn.execute_batch(
        "ALTER TABLE claim_keys DROP COLUMN claims; ALTER TABLE analysis_buckets DROP COLUMN \
         summary; ALTER TABLE briefings DROP COLUMN last_doc; PRAGMA user_version = 14;",
    )
    .expect("undo the step");
}

#[test]
fn the_counts_per_key_are_filled_by_the_migration_and_read_only_before_it_counts_by_unpacking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.db");
    fill(&SqliteStore::open(&path).expect("open"));
    before_counts(&path);
    let old: Arc<dyn Store> = Arc::new(SqliteStore::open_read_only(&path).expect("read-only"));
    pages_agree(&*old, "read-only before the step");
    drop(old);
    let store = SqliteStore::open(&path).expect("migrate");
    assert_eq!(pragma(&path, "user_version"), SqliteStore::SCHEMA_VERSION);
    pages_agree(&store, "migrated");
    // The counts are in the column, not made up at read time.
    let conn = rusqlite::Connection::open(&path).expect("open by hand");
    let kept: Vec<(String, i64)> = conn
        .prepare("SELECT key, sum(claims) FROM claim_keys GROUP BY key ORDER BY key")
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    let kept: Vec<(&str, i64)> = kept.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    assert_eq!(
        kept,
        [
            ("kestrel mining", 9),
            ("lund freight", 5),
            ("ostmark steel", 5)
        ]
    );
}

#[test]
fn event_reports_are_the_events_without_their_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::open(&dir.path().join("s.db")).expect("open");
    fill(&store);
    let filters = [
        EventFilter::default(),
        EventFilter {
            entities: vec!["ostmark steel".into()],
            ..EventFilter::default()
        },
        EventFilter {
            countries: vec!["nor".into()],
            ..EventFilter::default()
        },
        EventFilter {
            entities: vec!["Kestrel Mining".into(), "Ostmark Steel".into()],
            countries: vec!["NOR".into()],
            ..EventFilter::default()
        },
        EventFilter {
            entities: vec!["Kestrel Mining".into()],
            doc: Some(sinew_types::DocId(format!("{:016x}", 6))),
            ..EventFilter::default()
        },
        EventFilter {
            entities: vec!["Lund Freight".into()],
            ..EventFilter::default()
        },
    ];
    let mut sizes = Vec::new();
    for filter in &filters {
        let full = store.events(filter).expect("events");
        let bare: Vec<_> = full
            .iter()
            .cloned()
            .map(|mut e| {
                assert!(!e.sentence.is_empty());
                e.sentence.clear();
                e
            })
            .collect();
        assert_eq!(
            store.event_reports(filter).expect("reports"),
            bare,
            "{filter:?}"
        );
        sizes.push(full.len());
    }
    assert_eq!(sizes, [3, 3, 1, 3, 1, 0]);
}
