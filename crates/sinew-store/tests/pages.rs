//! The reads of a page that shows a few of many rows: `claims_page` is the count and a prefix
//! of `claims`, and `event_reports` is `events` with the sentences left out, whatever the
//! filter.

use sinew_store::{ClaimFilter, EventFilter, SqliteStore, Store};
use sinew_types::{Annotations, QuantityKind, Span};

use crate::common::{actor, claim, doc, event, quantity};

/// Documents whose claims and events name different actors: document `i` has a figure about
/// Kestrel Mining (every one), one about Ostmark Steel (every other one) as the object, and
/// an event from Kestrel to Ostmark (every third one, the third's actor in Norway).
fn fill(store: &SqliteStore) {
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

#[test]
fn a_claims_page_is_the_count_and_the_first_claims() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::open(&dir.path().join("s.db")).expect("open");
    fill(&store);
    let filters = [
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
    ];
    for filter in &filters {
        let all = store.claims(filter).expect("claims");
        for limit in [0, 1, 3, all.len(), all.len() + 5] {
            let (total, page) = store.claims_page(filter, limit).expect("page");
            assert_eq!(total, all.len() as u64, "{filter:?}");
            assert_eq!(
                page,
                all[..limit.min(all.len())],
                "{filter:?} limit {limit}"
            );
        }
    }
    // The fixture means what it says: the filters select different claims.
    assert_eq!(store.claims(&filters[1]).expect("claims").len(), 9);
    assert_eq!(store.claims(&filters[2]).expect("claims").len(), 5);
    assert_eq!(store.claims(&filters[4]).expect("claims").len(), 1);
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
