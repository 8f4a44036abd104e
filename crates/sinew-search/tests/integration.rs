//! Does the tantivy index find, rank, narrow, count and mark what it should? Small documents
//! written here, each test on an index in memory (or in a temporary folder where opening and
//! reopening is the point).

use chrono::NaiveDate;
use sinew_search::{
    Filters, IndexDoc, Scope, SearchError, SearchIndex, SearchQuery, SearchResults, TantivyIndex,
};
use sinew_types::{DocId, Span};

/// A document whose sentences end at each ". ".
fn doc(id: &str, title: &str, text: &str) -> IndexDoc {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        sentences.push(Span::new(start, i + 1));
        start = i + 2;
    }
    if start < text.len() {
        sentences.push(Span::new(start, text.len()));
    }
    IndexDoc {
        id: DocId(id.to_string()),
        title: Some(title.to_string()),
        url: Some(format!("https://example.org/{id}")),
        source: "example.org".to_string(),
        lang: Some("en".to_string()),
        published: None,
        text: text.to_string(),
        sentences,
        entities: Vec::new(),
        countries: Vec::new(),
        flow_kinds: Vec::new(),
        units: Vec::new(),
    }
}

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.to_string(),
        scope: Scope::Documents,
        filters: Filters::default(),
        offset: 0,
        limit: 10,
    }
}

fn index(docs: &[IndexDoc]) -> TantivyIndex {
    let index = TantivyIndex::open_in_ram().unwrap();
    index.add(docs).unwrap();
    index.commit().unwrap();
    index
}

fn ids(r: &SearchResults) -> Vec<&str> {
    r.hits.iter().map(|h| h.doc.0.as_str()).collect()
}

/// Every mark of every hit is an exact span of its document's text holding a word that
/// matched (compared lower-cased and without accents by the caller's `words`).
fn check_marks(r: &SearchResults, docs: &[IndexDoc], words: &[&str]) {
    for hit in &r.hits {
        let d = docs.iter().find(|d| d.id == hit.doc).unwrap();
        assert_eq!(
            &d.text[hit.snippet.span.start..hit.snippet.span.end],
            hit.snippet.text
        );
        assert!(!hit.snippet.marks.is_empty(), "no mark in {hit:?}");
        for m in &hit.snippet.marks {
            let word = &d.text[m.start..m.end];
            assert!(
                words.contains(&word),
                "mark {word:?} is not one of {words:?}"
            );
            assert!(hit.snippet.span.contains(*m));
        }
    }
}

#[test]
fn words_together_rank_above_words_apart() {
    let filler = "The report covers many other matters of trade and policy. ".repeat(3);
    let docs = [
        doc(
            "apart",
            "Port report",
            &format!("North of the port, {filler} Korean officials counted the munitions."),
        ),
        doc(
            "together",
            "Port report",
            // Longer, so that BM25 alone (shorter is better) would rank it second.
            &format!("Officials counted the North Korean munitions. {filler}{filler}"),
        ),
        doc("neither", "Weather", "Rain fell on the port all week."),
    ];
    let index = index(&docs);
    let r = index.search(&query("north korean munitions")).unwrap();
    assert_eq!(ids(&r), ["together", "apart"]);
    assert_eq!(r.total, 2);
    let quoted = index.search(&query("\"north korean munitions\"")).unwrap();
    assert_eq!(ids(&quoted), ["together"]);
    check_marks(&quoted, &docs, &["North", "Korean", "munitions"]);
}

#[test]
fn or_and_exclusions_and_titles() {
    let docs = [
        doc(
            "a",
            "Grain deal",
            "Wheat shipments resumed through the port.",
        ),
        doc("b", "Energy", "Gas exports fell as the pipeline closed."),
        doc("c", "Grain and gas", "Wheat and gas prices rose together."),
    ];
    let index = index(&docs);
    let mut got = ids(&index.search(&query("wheat OR pipeline")).unwrap())
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    got.sort();
    assert_eq!(got, ["a", "b", "c"]);
    assert_eq!(ids(&index.search(&query("wheat -gas")).unwrap()), ["a"]);
    assert_eq!(ids(&index.search(&query("wheat gas")).unwrap()), ["c"]);
    // Exclusions alone: every document but those with the word.
    let mut rest = ids(&index.search(&query("-wheat")).unwrap())
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    rest.sort();
    assert_eq!(rest, ["b"]);
    // A title word finds its document; `title:` narrows to titles.
    assert_eq!(ids(&index.search(&query("title:energy")).unwrap()), ["b"]);
    // Stems and folded accents: "shipment" finds "shipments".
    assert_eq!(ids(&index.search(&query("shipment")).unwrap()), ["a"]);
}

#[test]
fn filters_facets_and_months_count_every_match() {
    let mut docs = Vec::new();
    for i in 0..30 {
        let mut d = doc(
            &format!("d{i:02}"),
            "Shipments",
            &format!("Shipment number {i} left the port with containers."),
        );
        d.source = ["a.com", "b.com", "c.com"][i % 3].to_string();
        d.lang = (i % 5 != 0).then(|| "en".to_string());
        d.entities = match i % 4 {
            0 => vec!["North Korea".into(), "Russia".into()],
            1 => vec!["Russia".into()],
            _ => vec![],
        };
        d.countries = d
            .entities
            .iter()
            .map(|e| if e == "Russia" { "RUS" } else { "PRK" }.to_string())
            .collect();
        d.flow_kinds = vec![["arms", "trade"][i % 2].to_string()];
        d.units = vec!["container".into()];
        d.published = (i % 7 != 0)
            .then(|| NaiveDate::from_ymd_opt(2024, 1 + (i % 3) as u32, 1 + i as u32 % 28).unwrap());
        docs.push(d);
    }
    let index = index(&docs);
    let narrow = Filters {
        sources: vec!["a.com".into(), "b.com".into()],
        entities: vec!["Russia".into()],
        from: NaiveDate::from_ymd_opt(2024, 1, 5),
        to: NaiveDate::from_ymd_opt(2024, 2, 20),
        ..Filters::default()
    };
    let keeps = |d: &IndexDoc| {
        narrow.sources.contains(&d.source)
            && d.entities.iter().any(|e| narrow.entities.contains(e))
            && d.published
                .is_some_and(|p| p >= narrow.from.unwrap() && p <= narrow.to.unwrap())
    };
    for filters in [Filters::default(), narrow.clone()] {
        let mut q = query("containers");
        q.filters = filters.clone();
        q.limit = 3;
        let r = index.search(&q).unwrap();
        let kept: Vec<&IndexDoc> = docs
            .iter()
            .filter(|d| filters == Filters::default() || keeps(d))
            .collect();
        assert!(kept.len() > 3, "the test wants more matches than a page");
        assert_eq!(r.total, kept.len() as u64);
        assert_eq!(r.hits.len(), 3);
        let recount = |values: &dyn Fn(&IndexDoc) -> Vec<String>| {
            let mut m = std::collections::BTreeMap::<String, u64>::new();
            for d in &kept {
                for v in values(d) {
                    *m.entry(v).or_default() += 1;
                }
            }
            m
        };
        let as_map = |list: &[sinew_search::FacetCount]| {
            list.iter()
                .map(|c| (c.value.clone(), c.count))
                .collect::<std::collections::BTreeMap<_, _>>()
        };
        assert_eq!(
            as_map(&r.facets.sources),
            recount(&|d| vec![d.source.clone()])
        );
        assert_eq!(
            as_map(&r.facets.langs),
            recount(&|d| d.lang.iter().cloned().collect())
        );
        assert_eq!(as_map(&r.facets.entities), recount(&|d| d.entities.clone()));
        assert_eq!(
            as_map(&r.facets.countries),
            recount(&|d| d.countries.clone())
        );
        assert_eq!(
            as_map(&r.facets.flow_kinds),
            recount(&|d| d.flow_kinds.clone())
        );
        assert_eq!(as_map(&r.facets.units), recount(&|d| d.units.clone()));
        let mut months = std::collections::BTreeMap::<NaiveDate, u64>::new();
        for d in &kept {
            if let Some(p) = d.published {
                *months.entry(p.with_day0(0).unwrap()).or_default() += 1;
            }
        }
        assert_eq!(r.facets.months, months.into_iter().collect::<Vec<_>>());
        // Most frequent first.
        assert!(r
            .facets
            .entities
            .windows(2)
            .all(|w| w[0].count >= w[1].count));
    }
}

use chrono::Datelike;

#[test]
fn pages_cover_every_hit_once() {
    let docs: Vec<IndexDoc> = (0..25)
        .map(|i| {
            doc(
                &format!("p{i:02}"),
                "Pages",
                &format!("{} sanctions were announced.", "new ".repeat(1 + i % 4)),
            )
        })
        .collect();
    let index = index(&docs);
    let mut seen = Vec::new();
    for page in 0..4 {
        let mut q = query("sanctions");
        q.offset = page * 7;
        q.limit = 7;
        let r = index.search(&q).unwrap();
        assert_eq!(r.total, 25);
        seen.extend(r.hits.iter().map(|h| h.doc.0.clone()));
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 25);
    // A page asked for by a hostile URL is capped, never a panic or a huge allocation.
    let mut huge = query("sanctions");
    huge.offset = usize::MAX;
    huge.limit = usize::MAX;
    let r = index.search(&huge).unwrap();
    assert!(r.hits.is_empty());
    assert_eq!(r.total, 25);
    huge.offset = 0;
    assert_eq!(index.search(&huge).unwrap().hits.len(), 25);
    let mut none = query("sanctions");
    none.limit = 0;
    let r = index.search(&none).unwrap();
    assert!(r.hits.is_empty());
    assert_eq!(r.total, 25);
}

#[test]
fn re_adding_replaces_and_clear_empties() {
    let index = index(&[doc("x", "Old", "The old wording about tanks.")]);
    assert_eq!(index.len().unwrap(), 1);
    index
        .add(&[doc("x", "New", "The new wording about drones.")])
        .unwrap();
    index.commit().unwrap();
    assert_eq!(index.len().unwrap(), 1);
    assert!(index.search(&query("tanks")).unwrap().hits.is_empty());
    assert_eq!(ids(&index.search(&query("drones")).unwrap()), ["x"]);
    let mut s = query("tanks");
    s.scope = Scope::Sentences;
    assert_eq!(index.search(&s).unwrap().total, 0);
    index.clear().unwrap();
    index
        .add(&[doc("y", "After", "Added after the clear.")])
        .unwrap();
    index.commit().unwrap();
    assert_eq!(index.len().unwrap(), 1);
    assert_eq!(ids(&index.search(&query("")).unwrap()), ["y"]);
}

#[test]
fn sentence_hits_carry_their_span_and_marks() {
    let text = "Prices rose. Rail containers of shells crossed the border. Nothing else.";
    let docs = [doc("s", "Rail", text)];
    let index = index(&docs);
    let mut q = query("containers");
    q.scope = Scope::Sentences;
    let r = index.search(&q).unwrap();
    assert_eq!(r.total, 1);
    let hit = &r.hits[0];
    let span = hit.sentence.unwrap();
    assert_eq!(
        &text[span.start..span.end],
        "Rail containers of shells crossed the border."
    );
    assert_eq!(hit.snippet.span, span);
    assert_eq!(hit.title.as_deref(), Some("Rail"));
    assert_eq!(hit.url.as_deref(), Some("https://example.org/s"));
    check_marks(&r, &docs, &["containers"]);
}

#[test]
fn marks_are_exact_spans_in_multi_byte_text() {
    let text =
        "Le café de Zürich a reçu 30 conteneurs. Ünïcödé ☃ text: Zürich again, 東京 and ZÜRICH.";
    let docs = [doc("m", "Zürich", text)];
    let index = index(&docs);
    for (q, words) in [
        ("zurich", &["Zürich", "ZÜRICH"][..]),
        ("Zürich", &["Zürich", "ZÜRICH"][..]),
        ("cafe", &["café"][..]),
        ("recu conteneurs", &["reçu", "conteneurs"][..]),
    ] {
        let r = index.search(&query(q)).unwrap();
        assert_eq!(r.total, 1, "{q}");
        check_marks(&r, &docs, words);
        let mut s = query(q);
        s.scope = Scope::Sentences;
        let r = index.search(&s).unwrap();
        check_marks(&r, &docs, words);
    }
}

#[test]
fn hostile_queries_give_hits_or_a_bad_query_never_a_panic() {
    let index = index(&[doc(
        "h",
        "Hostile",
        "Shells and drones and (brackets) here.",
    )]);
    let hostile = [
        "\"unclosed phrase",
        "(((",
        ")",
        "AND",
        "OR OR",
        "-",
        "--drones",
        "title:",
        ":",
        "nofield:drones",
        "published:[abc TO",
        "drones^",
        "drones^999999999999999999",
        "*",
        "\\",
        "\u{0}\u{ffff}",
        "shells AND (drones OR",
        "<script>alert(1)</script>",
        "🚀🚀",
        &"a ".repeat(2000),
        &"(".repeat(500),
    ];
    for q in hostile {
        match index.search(&query(q)) {
            Ok(_) => {}
            Err(SearchError::BadQuery { query, reason }) => {
                assert_eq!(query, q.trim());
                assert!(!reason.is_empty());
            }
            Err(e) => panic!("{q:?}: {e}"),
        }
    }
    // A typo around good words still finds them.
    let r = index.search(&query("drones AND (shells")).unwrap();
    assert_eq!(ids(&r), ["h"]);
}

#[test]
fn a_folder_index_reopens_and_refuses_strangers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.search");
    {
        let index = TantivyIndex::open(&path).unwrap();
        index.add(&[doc("f", "Kept", "Written to disk.")]).unwrap();
        index.commit().unwrap();
        // Letting the writer go after the merges: the next write opens another.
        index.wait_merges().unwrap();
        index.add(&[doc("g", "Later", "Written after.")]).unwrap();
        index.commit().unwrap();
    }
    let again = TantivyIndex::open(&path).unwrap();
    assert_eq!(again.len().unwrap(), 2);
    drop(again);

    let stranger = dir.path().join("photos");
    std::fs::create_dir(&stranger).unwrap();
    std::fs::write(stranger.join("cat.jpg"), b"meow").unwrap();
    let err = TantivyIndex::open(&stranger).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, SearchError::Index { .. }));
    assert!(
        msg.contains("photos") && msg.contains("not a Sinew search index"),
        "{msg}"
    );

    let file = dir.path().join("file.search");
    std::fs::write(&file, b"x").unwrap();
    assert!(matches!(
        TantivyIndex::open(&file),
        Err(SearchError::Index { .. })
    ));

    std::fs::write(
        path.join("sinew-search.json"),
        "{\"format\": \"sinew-search\", \"version\": 999}\n",
    )
    .unwrap();
    let msg = TantivyIndex::open(&path).unwrap_err().to_string();
    assert!(
        msg.contains("version 999") && msg.contains("sinew index"),
        "{msg}"
    );
}

#[test]
fn readers_search_while_a_writer_adds() {
    let index = std::sync::Arc::new(index(&[doc("r0", "Start", "Convoys moved at dawn.")]));
    let writer = {
        let index = index.clone();
        std::thread::spawn(move || {
            for i in 1..20 {
                index
                    .add(&[doc(&format!("r{i}"), "More", "Convoys moved again.")])
                    .unwrap();
                index.commit().unwrap();
            }
        })
    };
    let mut last = 0;
    while !writer.is_finished() {
        let n = index.search(&query("convoys")).unwrap().total;
        assert!(n >= last, "a commit went backwards: {n} after {last}");
        last = n;
    }
    writer.join().unwrap();
    assert_eq!(index.search(&query("convoys")).unwrap().total, 20);
}

/// One step of the model test.
#[derive(Debug, Clone)]
enum Op {
    /// Add (or replace) document `id` with these words.
    Add(u8, Vec<u8>),
    Commit,
    Clear,
}

const WORDS: &[&str] = &["tanks", "drones", "grain", "oil", "ships", "rockets"];

fn op() -> impl proptest::strategy::Strategy<Value = Op> {
    use proptest::prelude::*;
    prop_oneof![
        6 => (0u8..8, proptest::collection::vec(0u8..6, 1..5)).prop_map(|(id, w)| Op::Add(id, w)),
        2 => Just(Op::Commit),
        1 => Just(Op::Clear),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    /// Random adds, replacements, clears and commits against a map of what should be
    /// searchable: after each commit, the index holds what the map holds, and a word finds
    /// exactly the documents whose latest text has it.
    #[test]
    fn the_index_follows_a_simple_model(ops in proptest::collection::vec(op(), 1..24)) {
        let index = TantivyIndex::open_in_ram().unwrap();
        let mut pending = std::collections::BTreeMap::<u8, Vec<u8>>::new();
        let mut cleared = false;
        let mut committed = std::collections::BTreeMap::<u8, Vec<u8>>::new();
        for op in ops.iter().chain([&Op::Commit]) {
            match op {
                Op::Add(id, words) => {
                    let text: Vec<&str> = words.iter().map(|w| WORDS[*w as usize]).collect();
                    index.add(&[doc(&format!("m{id}"), "Model", &text.join(" "))]).unwrap();
                    pending.insert(*id, words.clone());
                }
                Op::Clear => {
                    index.clear().unwrap();
                    pending.clear();
                    cleared = true;
                }
                Op::Commit => {
                    index.commit().unwrap();
                    if cleared {
                        committed.clear();
                        cleared = false;
                    }
                    committed.append(&mut pending);
                    proptest::prop_assert_eq!(index.len().unwrap(), committed.len() as u64);
                    for (w, word) in WORDS.iter().enumerate() {
                        let mut got: Vec<String> = index
                            .search(&query(word))
                            .unwrap()
                            .hits
                            .iter()
                            .map(|h| h.doc.0.clone())
                            .collect();
                        got.sort();
                        let want: Vec<String> = committed
                            .iter()
                            .filter(|(_, ws)| ws.contains(&(w as u8)))
                            .map(|(id, _)| format!("m{id}"))
                            .collect();
                        proptest::prop_assert_eq!(got, want, "word {}", word);
                    }
                }
            }
        }
    }
}

/// A facet with far more values than are shown (here 1,200 entities, each in one document, and
/// three in many) still gives the frequent values their whole counts, across several
/// segments, while only the frequent values are read as text.
#[test]
fn a_long_tail_of_facet_values_keeps_the_frequent_values_counts() {
    let index = TantivyIndex::open_in_ram().unwrap();
    let mut expected_first = 0;
    // Three commits make three segments; each holds its own tail.
    for part in 0..3 {
        let docs: Vec<IndexDoc> = (0..400)
            .map(|i| {
                let n = part * 400 + i;
                let mut d = doc(&format!("d{n}"), "Tail", "Ports moved containers again.");
                d.entities = vec![format!("Company {n}"), "Everyone".to_string()];
                if n % 2 == 0 {
                    d.entities.push("Half".to_string());
                }
                if n % 5 == 0 {
                    d.entities.push("Fifth".to_string());
                }
                expected_first += 1;
                d
            })
            .collect();
        index.add(&docs).unwrap();
        index.commit().unwrap();
    }
    let r = index.search(&query("containers")).unwrap();
    assert_eq!(r.total, expected_first);
    let counts: Vec<(&str, u64)> = r
        .facets
        .entities
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(counts[0], ("Everyone", 1200));
    assert_eq!(counts[1], ("Half", 600));
    assert_eq!(counts[2], ("Fifth", 240));
    // The tail values each count one, and the list is capped.
    assert!(counts[3..]
        .iter()
        .all(|&(v, n)| v.starts_with("Company ") && n == 1));
    assert!(counts.len() < 1200, "{} values shown", counts.len());
}

/// Months are counted the same whether a segment's dates lie close together or centuries
/// apart (a page dated in 1803 beside this year's news), and an undated page adds no month.
#[test]
fn months_count_close_and_far_apart_dates_alike() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    for dates in [
        vec![day(2024, 3, 1), day(2024, 3, 31), day(2024, 5, 2), None],
        vec![day(1803, 7, 4), day(2024, 3, 9), day(2024, 3, 10), None],
    ] {
        let docs: Vec<IndexDoc> = dates
            .iter()
            .enumerate()
            .map(|(i, &published)| IndexDoc {
                published,
                ..doc(&format!("d{i}"), "Tanker", "The tanker left port.")
            })
            .collect();
        let r = index(&docs).search(&query("tanker")).unwrap();
        assert_eq!(r.total, 4);
        let mut months = std::collections::BTreeMap::<NaiveDate, u64>::new();
        for p in dates.iter().flatten() {
            *months.entry(p.with_day0(0).unwrap()).or_default() += 1;
        }
        assert_eq!(r.facets.months, months.into_iter().collect::<Vec<_>>());
    }
}

/// Facet counts and months over thousands of matches (so each segment counts in several
/// batches), across segments, with documents replaced (the old rows deleted but still in
/// their segment) and values missing or many per document, equal the counts taken by hand
/// over the documents as they stand, for documents and for sentences.
#[test]
fn facet_counts_over_many_matches_equal_a_count_by_hand() {
    use std::collections::BTreeMap;
    let index = TantivyIndex::open_in_ram().unwrap();
    let names = [
        "Russia", "China", "Iran", "India", "Turkey", "Egypt", "Brazil",
    ];
    let make = |i: usize, version: usize| {
        let word = if (i + version).is_multiple_of(3) {
            "convoy"
        } else {
            "barge"
        };
        let mut d = doc(
            &format!("f{i:05}"),
            "Facets",
            &format!("A {word} left port {i}. It carried grain."),
        );
        d.source = format!("outlet{}.example", (i * 7 + version) % 23);
        d.lang = (!i.is_multiple_of(9)).then(|| ["en", "fr"][i % 2].to_string());
        d.entities = (0..(i + version) % 4)
            .map(|k| names[(i + k * 3) % names.len()].to_string())
            .collect();
        d.countries = d.entities.iter().map(|e| e[..3].to_uppercase()).collect();
        d.flow_kinds = if i.is_multiple_of(5) {
            vec![]
        } else {
            vec!["arms".into(), "trade".into()][..1 + i % 2].to_vec()
        };
        d.units = (i % 4 == 1)
            .then(|| "USD".to_string())
            .into_iter()
            .collect();
        d.published = (!i.is_multiple_of(6)).then(|| {
            NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new((i * 37 % 900) as u64)
        });
        d
    };
    type Counts = BTreeMap<String, u64>;
    let by_hand_in =
        |current: &BTreeMap<usize, IndexDoc>, keep: &dyn Fn(&IndexDoc) -> bool, per_doc: u64| {
            let mut lists: Vec<Counts> = vec![Counts::new(); 6];
            let mut months = BTreeMap::new();
            for d in current.values().filter(|d| keep(d)) {
                let values: [Vec<String>; 6] = [
                    vec![d.source.clone()],
                    d.lang.iter().cloned().collect(),
                    d.entities.clone(),
                    d.countries.clone(),
                    d.flow_kinds.clone(),
                    d.units.clone(),
                ];
                for (list, vs) in lists.iter_mut().zip(values) {
                    for v in vs {
                        *list.entry(v).or_default() += per_doc;
                    }
                }
                if let Some(p) = d.published {
                    *months.entry(p.with_day(1).unwrap()).or_default() += per_doc;
                }
            }
            (lists, months.into_iter().collect::<Vec<(NaiveDate, u64)>>())
        };
    use chrono::Datelike;
    let counted = |r: &SearchResults| {
        let f = &r.facets;
        let lists: Vec<Counts> = [
            &f.sources,
            &f.langs,
            &f.entities,
            &f.countries,
            &f.flow_kinds,
            &f.units,
        ]
        .iter()
        .map(|l| l.iter().map(|c| (c.value.clone(), c.count)).collect())
        .collect();
        (lists, f.months.clone())
    };
    let mut current: BTreeMap<usize, IndexDoc> = BTreeMap::new();
    // Three commits, three segments; the last replaces a third of the first's documents.
    for (range, version) in [(0..1500usize, 0usize), (1500..2600, 0), (0..1500, 1)] {
        let batch: Vec<IndexDoc> = range
            .filter(|&i| version == 0 || i.is_multiple_of(3))
            .map(|i| make(i, version))
            .collect();
        for d in &batch {
            let i: usize = d.id.0[1..].parse().unwrap();
            current.insert(i, d.clone());
        }
        index.add(&batch).unwrap();
        index.commit().unwrap();
        // Counted after each commit: the segments laid flat for a search before it are kept,
        // and the documents the commit replaced in them are no longer counted.
        let all = index.search(&query("")).unwrap();
        assert_eq!(counted(&all), by_hand_in(&current, &|_| true, 1));
    }
    let by_hand =
        |keep: &dyn Fn(&IndexDoc) -> bool, per_doc: u64| by_hand_in(&current, keep, per_doc);
    let mut q = query("convoy");
    let r = index.search(&q).unwrap();
    let convoy = |d: &IndexDoc| d.text.contains("convoy");
    assert_eq!(
        r.total,
        current.values().filter(|d| convoy(d)).count() as u64
    );
    assert!(r.total > 300, "{} matches", r.total);
    assert_eq!(counted(&r), by_hand(&convoy, 1));
    // Every document (no words: over a thousand matches in a segment), and sentences (the
    // second of each document, with its document's facets).
    q.text = String::new();
    assert_eq!(counted(&index.search(&q).unwrap()), by_hand(&|_| true, 1));
    q.text = "grain".into();
    q.scope = Scope::Sentences;
    let r = index.search(&q).unwrap();
    assert_eq!(r.total, current.len() as u64);
    assert_eq!(counted(&r), by_hand(&|_| true, 1));
}
