//! Do date ranges narrow exactly, and are facet counts exact across segments? Documents
//! written here, in several commits (several segments), some replaced, some undated.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sinew_search::{Filters, IndexDoc, Scope, SearchIndex, SearchQuery, TantivyIndex};
use sinew_types::{DocId, Span};

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 1, 1).unwrap() + chrono::Days::new(n)
}

/// Document `i` in `version`: two sentences, a word that depends on both, a date that
/// depends on both (every ninth undated).
fn make(i: usize, version: usize) -> IndexDoc {
    let word = if (i + version).is_multiple_of(4) {
        "freighter"
    } else {
        "ferry"
    };
    let text = format!("The {word} number {i} sailed. It carried grain.");
    let first = text.find(". ").unwrap() + 1;
    IndexDoc {
        id: DocId(format!("d{i:04}")),
        title: Some("Sailings".to_string()),
        url: None,
        source: "example.org".to_string(),
        lang: Some("en".to_string()),
        published: (!(i + version).is_multiple_of(9))
            .then(|| day(((i * 53 + version * 11) % 400) as u64)),
        sentences: vec![Span::new(0, first), Span::new(first + 1, text.len())],
        text,
        entities: Vec::new(),
        countries: Vec::new(),
        flow_kinds: Vec::new(),
        units: Vec::new(),
    }
}

fn search(
    index: &TantivyIndex,
    text: &str,
    scope: Scope,
    from: Option<u64>,
    to: Option<u64>,
) -> (u64, Vec<String>) {
    let q = SearchQuery {
        text: text.to_string(),
        scope,
        filters: Filters {
            from: from.map(day),
            to: to.map(day),
            ..Filters::default()
        },
        offset: 0,
        limit: 1000,
    };
    let r = index.search(&q).unwrap();
    let mut ids: Vec<String> = r.hits.iter().map(|h| h.doc.0.clone()).collect();
    ids.sort();
    ids.dedup();
    (r.total, ids)
}

/// A date range keeps exactly the documents (and sentences) dated inside it, bounds included,
/// never an undated one nor a replaced version, whether the query's words or the range itself
/// (no words) lead the search, with one bound or two.
#[test]
fn date_ranges_keep_exactly_the_rows_dated_inside_them() {
    let index = TantivyIndex::open_in_ram().unwrap();
    let mut current: BTreeMap<String, IndexDoc> = BTreeMap::new();
    for (range, version) in [(0..600usize, 0usize), (600..1000, 0), (0..600, 1)] {
        let batch: Vec<IndexDoc> = range
            .filter(|&i| version == 0 || i.is_multiple_of(2))
            .map(|i| make(i, version))
            .collect();
        for d in &batch {
            current.insert(d.id.0.clone(), d.clone());
        }
        index.add(&batch).unwrap();
        index.commit().unwrap();
    }
    let ranges = [
        (Some(10), Some(10)),
        (Some(0), Some(30)),
        (Some(120), Some(370)),
        (None, Some(50)),
        (Some(350), None),
        (Some(500), Some(600)),
    ];
    for (from, to) in ranges {
        let inside = |d: &IndexDoc| {
            d.published
                .is_some_and(|p| from.is_none_or(|f| p >= day(f)) && to.is_none_or(|t| p <= day(t)))
        };
        for text in ["", "freighter", "ferry OR freighter"] {
            let wanted: Vec<String> = current
                .values()
                .filter(|d| inside(d))
                .filter(|d| text.is_empty() || text.split(" OR ").any(|w| d.text.contains(w)))
                .map(|d| d.id.0.clone())
                .collect();
            let (total, ids) = search(&index, text, Scope::Documents, from, to);
            assert_eq!(total, wanted.len() as u64, "{text:?} {from:?}..{to:?}");
            assert_eq!(ids, wanted, "{text:?} {from:?}..{to:?}");
        }
        // Sentences: every document's second sentence says "grain".
        let wanted: Vec<String> = current
            .values()
            .filter(|d| inside(d))
            .map(|d| d.id.0.clone())
            .collect();
        let (total, ids) = search(&index, "grain", Scope::Sentences, from, to);
        assert_eq!(total, wanted.len() as u64, "sentences {from:?}..{to:?}");
        assert_eq!(ids, wanted, "sentences {from:?}..{to:?}");
    }
}

/// A value frequent overall but rare in each segment (one document per segment among many
/// other values) is counted in full: counts are exact across segments.
#[test]
fn a_value_spread_thin_over_many_segments_counts_in_full() {
    let index = TantivyIndex::open_in_ram().unwrap();
    let segments = 12;
    for s in 0..segments {
        let docs: Vec<IndexDoc> = (0..450)
            .map(|i| {
                let mut d = make(s * 1000 + i, 0);
                // Each segment's own 450 values, each in one document, and "Spread" once
                // (more values than a segment's most frequent few hundred).
                d.entities = vec![format!("Local {s}-{i}")];
                if i == 0 {
                    d.entities.push("Spread".to_string());
                }
                // Each segment's most frequent value, in a third of its documents.
                if i % 3 == 1 {
                    d.entities.push(format!("Common {s}"));
                }
                d
            })
            .collect();
        index.add(&docs).unwrap();
        index.commit().unwrap();
    }
    let mut q = SearchQuery {
        text: "grain".to_string(),
        scope: Scope::Documents,
        filters: Filters::default(),
        offset: 0,
        limit: 5,
    };
    let r = index.search(&q).unwrap();
    let count_of = |r: &sinew_search::SearchResults, v: &str| {
        r.facets
            .entities
            .iter()
            .find(|c| c.value == v)
            .map(|c| c.count)
    };
    assert_eq!(r.total, (segments * 450) as u64);
    assert_eq!(count_of(&r, "Common 0"), Some(150));
    assert_eq!(count_of(&r, "Spread"), Some(segments as u64));
    // Most frequent first, then by name.
    let order: Vec<(u64, &str)> = r
        .facets
        .entities
        .iter()
        .map(|c| (c.count, c.value.as_str()))
        .collect();
    let mut sorted = order.clone();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    assert_eq!(order, sorted);
    assert_eq!(order[segments], (segments as u64, "Spread"));
    // Searched again (the count vectors are reused), the same counts.
    let again = index.search(&q).unwrap();
    assert_eq!(again.facets, r.facets);
    // A narrower query after a broad one counts only its own matches.
    q.filters.entities = vec!["Spread".to_string()];
    let narrow = index.search(&q).unwrap();
    assert_eq!(narrow.total, segments as u64);
    assert_eq!(count_of(&narrow, "Spread"), Some(segments as u64));
    assert_eq!(count_of(&narrow, "Common 0"), None);
}
