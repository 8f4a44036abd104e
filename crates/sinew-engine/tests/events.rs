//! Do the seed articles' key events come out of the event stage with the right actors and
//! dates? The Russia-North Korea treaty signing, Putin's visit to North Korea, the 2019
//! Vladivostok meeting and the US sanctions on Chinese entities, each read from the stored
//! document with its publication date (skips, saying so, when `../shared` is absent).

use sinew_engine::EventQuery;
use sinew_types::{Event, EventKind, PloverCategory};

use crate::common::{ingest, memory_engine, shared};

fn codes(actors: &[sinew_types::EventActor]) -> Vec<&str> {
    actors.iter().filter_map(|a| a.country.as_deref()).collect()
}

/// Every event of every seed, with its document's publication date.
fn seed_events() -> Option<Vec<(Option<chrono::NaiveDate>, Event)>> {
    let shared = shared()?;
    let engine = memory_engine();
    let summary = ingest(&engine, &[shared.join("seeds")]);
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    // As stored at ingest, not recomputed.
    let stored = engine
        .store()
        .events(&sinew_store::EventFilter::default())
        .expect("events");
    Some(stored.into_iter().map(|e| (e.published, e.event)).collect())
}

#[test]
fn seed_events_have_their_actors_and_dates() {
    let Some(events) = seed_events() else { return };
    let both = |e: &Event| {
        let all: Vec<&str> = codes(&e.source)
            .into_iter()
            .chain(codes(&e.target))
            .collect();
        all.contains(&"RUS") && all.contains(&"PRK")
    };

    let (published, treaty) = events
        .iter()
        .find(|(_, e)| e.kind == Some(EventKind::TreatySigning) && both(e))
        .expect("the Russia-North Korea treaty signing");
    assert_eq!(treaty.category, PloverCategory::Support);
    assert!(!treaty.negated);
    // "this week", resolved against the article's publication: within the week before it
    match (published, treaty.date) {
        (Some(day), Some(date)) => {
            assert!(
                date <= *day && (*day - date).num_days() <= 7,
                "{date} vs {day}"
            );
        }
        (Some(day), None) => panic!("published {day}, yet the signing has no date"),
        (None, _) => {}
    }

    let (_, visit) = events
        .iter()
        .find(|(_, e)| {
            e.kind == Some(EventKind::StateVisit)
                && codes(&e.source) == ["RUS"]
                && codes(&e.target) == ["PRK"]
        })
        .expect("Putin's visit to North Korea");
    assert_eq!(visit.category, PloverCategory::Consult);

    let (_, vladivostok) = events
        .iter()
        .find(|(_, e)| e.location.as_deref() == Some("Vladivostok"))
        .expect("the Vladivostok meeting");
    assert_eq!(vladivostok.category, PloverCategory::Consult);
    assert!(both(vladivostok), "{vladivostok:?}");
    assert_eq!(
        vladivostok.date,
        chrono::NaiveDate::from_ymd_opt(2019, 1, 1)
    );
    assert_eq!(
        vladivostok.date_end,
        chrono::NaiveDate::from_ymd_opt(2019, 12, 31)
    );

    let sanctions: Vec<&Event> = events
        .iter()
        .map(|(_, e)| e)
        .filter(|e| e.category == PloverCategory::Sanction && codes(&e.target) == ["CHN"])
        .collect();
    assert!(
        sanctions.iter().any(|e| codes(&e.source) == ["USA"]),
        "US sanctions on Chinese entities: {sanctions:#?}"
    );
}

#[test]
fn the_seed_treaty_signing_is_one_dated_event_listed_under_both_countries() {
    let Some(shared) = shared() else { return };
    let engine = memory_engine();
    ingest(&engine, &[shared.join("seeds")]);
    let signing = |entity: &str| {
        let view = engine
            .events(&EventQuery {
                entity: Some(entity.to_string()),
                ..EventQuery::default()
            })
            .expect("events");
        let found: Vec<(String, Vec<String>)> = view
            .events
            .iter()
            .filter(|e| {
                e.kind == Some(EventKind::TreatySigning)
                    && e.source.iter().any(|s| s == "Russia")
                    && e.source.iter().any(|s| s == "North Korea")
            })
            .map(|e| {
                let sentences = e
                    .reports
                    .iter()
                    .map(|&i| view.reports[i].sentence.to_lowercase())
                    .collect();
                (e.id.clone(), sentences)
            })
            .collect();
        found
    };
    let by_russia = signing("Russia");
    assert!(
        !by_russia.is_empty(),
        "no treaty signing listed under Russia"
    );
    for (_, sentences) in &by_russia {
        assert!(
            sentences.iter().all(|s| s.contains("sign")),
            "{sentences:?}"
        );
    }
    assert_eq!(by_russia, signing("North Korea"));
}

/// A wire story written for this test, long enough to be fingerprinted.
const STORY: &str = "Russia and North Korea signed a mutual defence treaty in Pyongyang on \
Wednesday, June 19, 2024, pledging to help each other if either is attacked. The treaty was \
signed by the two leaders after talks that lasted several hours at the Kumsusan guesthouse. \
Officials in Seoul said they were studying the text of the agreement closely and would \
respond. Analysts said the pact was the strongest link between the two countries since the \
end of the Cold War, and that it would worry governments across the region. The ministry \
said further meetings between military officials would follow in the coming months.";

#[test]
fn copies_of_one_story_give_one_event_counted_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("1-wire.txt"), format!("{STORY}\n")).expect("write");
    // The same story saved from a syndicating site, with its page furniture.
    std::fs::write(
        dir.join("2-copy.txt"),
        format!("{STORY} Reporting by the Sinew desk; editing by the night editor.\n"),
    )
    .expect("write");
    let engine = memory_engine();
    let summary = ingest(&engine, &[dir]);
    assert_eq!((summary.inserted, summary.near_duplicates), (2, 1));
    let view = engine.events(&EventQuery::default()).expect("events");
    let signings: Vec<&sinew_engine::MergedEvent> = view
        .events
        .iter()
        .filter(|e| e.kind == Some(EventKind::TreatySigning))
        .collect();
    assert_eq!(signings.len(), 1, "{:#?}", view.events);
    let signing = signings[0];
    // "signed a mutual defence treaty" and "the treaty was signed by the two leaders", in
    // each copy: one signing, the second sentence naming its actors only as "the two leaders"
    assert_eq!(
        signing.reports.len(),
        4,
        "both sentences of both copies are its evidence"
    );
    assert_eq!(signing.documents, 1, "a copy is no second source");
    assert_eq!(signing.date, chrono::NaiveDate::from_ymd_opt(2024, 6, 19));
    assert_eq!(signing.source, ["North Korea", "Russia"]);
    // The network's political layer has the tie, once, citing both sentences.
    let network = engine.network().expect("network");
    let tie = network
        .events
        .iter()
        .find(|t| t.category == PloverCategory::Support)
        .expect("a treaty tie");
    assert_eq!(
        (tie.from.as_str(), tie.to.as_str()),
        ("North Korea", "Russia")
    );
    assert_eq!((tie.events.len(), tie.documents), (1, 1));
    assert!(tie
        .evidence
        .iter()
        .all(|&i| network.event_reports[i].sentence.contains("signed")));
    assert_eq!(tie.evidence.len(), 4);
    // Events move no goods: the story makes no goods flow.
    assert!(network
        .network
        .flows
        .iter()
        .all(|f| f.kind == sinew_engine::FlowKind::Political));
}

/// Short dated reports written for this test: meetings, visits and sanctions among a few
/// states, each its own document.
const REPORTS: [&str; 6] = [
    "On 3 March 2021, France and Germany signed a trade agreement in Paris.",
    "The United States sanctioned two Iranian banks on 9 June 2022.",
    "On 14 May 2023, the Japanese prime minister visited India for talks.",
    "Germany and Poland signed a border treaty on 2 April 2020.",
    "On 1 August 2024, the European Union sanctioned a Russian shipping firm.",
    "Brazil and Germany held talks in Brasilia on 20 October 2022.",
];

#[test]
fn an_event_page_is_the_latest_events_with_their_cited_sentences() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (i, text) in REPORTS.iter().enumerate() {
        std::fs::write(dir.join(format!("{i}.txt")), format!("{text}\n")).expect("write");
    }
    let engine = memory_engine();
    ingest(&engine, &[dir]);
    let mut checked = 0;
    for entity in [None, Some("Germany"), Some("Iran"), Some("Atlantis")] {
        let query = EventQuery {
            entity: entity.map(str::to_string),
            ..EventQuery::default()
        };
        let all = engine.events(&query).expect("events");
        for limit in [0, 1, 2, 100] {
            let page = engine.event_page(&query, limit).expect("page");
            assert_eq!(page.total, all.events.len(), "{entity:?}");
            let want: Vec<(String, String)> = all
                .events
                .iter()
                .rev()
                .take(limit)
                .map(|e| (e.id.clone(), all.reports[e.reports[0]].sentence.clone()))
                .collect();
            let got: Vec<(String, String)> = page
                .events
                .iter()
                .map(|(e, first)| (e.id.clone(), first.sentence.clone()))
                .collect();
            assert_eq!(got, want, "{entity:?} limit {limit}");
            assert!(got.iter().all(|(_, s)| !s.is_empty()));
            checked += got.len();
        }
    }
    assert!(checked > 0, "the reports gave no events at all");
    let germany = engine
        .event_page(
            &EventQuery {
                entity: Some("Germany".into()),
                ..EventQuery::default()
            },
            100,
        )
        .expect("page");
    assert!(germany.total >= 2, "{:#?}", germany.events);
}
