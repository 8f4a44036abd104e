//! Do the seed articles' key events come out of the event stage with the right actors and
//! dates? The Russia-North Korea treaty signing, Putin's visit to North Korea, the 2019
//! Vladivostok meeting and the US sanctions on Chinese entities, each read from the stored
//! document with its publication date (skips, saying so, when `../shared` is absent).

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
