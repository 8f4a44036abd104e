//! Store v17's bucket summaries (issue 18): every bucket state is kept with what a briefing
//! reads of it, and `report` reads those instead of the states. Checked on a store built
//! here whose main bucket holds more groups than a briefing may read of it: each summary is
//! the picks `GroupPicks` makes of its whole state, and the briefing is the same with
//! summaries, without them (a store kept before v17), and once `sinew alerts` has filled
//! them, with and without alerts to speak of.

use std::path::Path;
use std::sync::Arc;

use sinew_analysis::BucketState;
use sinew_engine::{BriefingConfig, Engine, ReportFormat};
use sinew_report::GroupPicks;
use sinew_store::{SqliteStore, Store};

use crate::common::ingest;

/// Goods of a made-up trade statistics office, one figure each.
const GOODS: &[&str] = &[
    "salmon",
    "cod",
    "herring",
    "mackerel",
    "timber",
    "pulp",
    "newsprint",
    "aluminium",
    "nickel",
    "copper",
    "zinc",
    "ferrosilicon",
    "fertiliser",
    "ammonia",
    "methanol",
    "cement",
    "gravel",
    "granite",
    "wheat",
    "barley",
    "oats",
    "rye",
    "potatoes",
    "cheese",
    "butter",
    "whey",
    "fishmeal",
    "shrimp",
    "crab",
    "seaweed",
    "lumber",
    "plywood",
    "cardboard",
    "glass",
    "limestone",
    "marble",
    "silicon",
    "magnesium",
    "titanium",
    "graphite",
    "quartz",
    "olivine",
    "sulphur",
    "urea",
    "nitrates",
    "carrots",
    "onions",
    "cabbage",
    "apples",
    "plums",
    "cherries",
    "strawberries",
    "honey",
    "eggs",
    "lamb",
    "mutton",
    "reindeer meat",
    "wool",
    "leather",
    "furniture",
    "boats",
    "anchors",
    "ropes",
    "nets",
    "buoys",
    "turbines",
    "cables",
    "pumps",
    "valves",
    "engines",
];

fn write(dir: &Path, name: &str, published: &str, text: &str) {
    std::fs::write(dir.join(name), format!("Published {published}\n\n{text}\n")).unwrap();
}

/// `(state, summary, whether a summary was handed)` of every stored bucket.
fn kept(store: &dyn Store) -> Vec<(BucketState, BucketState, bool)> {
    let keys = store.bucket_keys().expect("keys");
    let mut states = Vec::new();
    store
        .each_bucket_state(&keys, &mut |_, json| {
            states.push(BucketState::from_json(std::str::from_utf8(json).unwrap()).unwrap());
        })
        .expect("states");
    let mut summaries = Vec::new();
    store
        .each_bucket_summary(&keys, &mut |_, json, summary| {
            let state = BucketState::from_json(std::str::from_utf8(json).unwrap()).unwrap();
            summaries.push((state, summary));
        })
        .expect("summaries");
    states
        .into_iter()
        .zip(summaries)
        .map(|(state, (summary, is))| (state, summary, is))
        .collect()
}

/// Every bucket's summary is the picks of its whole state; returns how many summaries
/// leave groups out.
fn summaries_are_the_picks(store: &dyn Store) -> usize {
    let mut cut = 0;
    for (state, summary, is) in kept(store) {
        assert!(is, "bucket {:?} has no summary", state.key);
        let mut picks = GroupPicks::new(&[]);
        picks.bucket();
        let mut expected = state.clone();
        expected.retain_groups(|g| picks.keeps(g));
        assert_eq!(summary, expected, "bucket {:?}", state.key);
        cut += usize::from(summary.groups.len() < state.groups.len());
    }
    cut
}

/// The briefing read as it is, then with every summary set back to none (the whole states
/// read, as before v17): the two must be the same.
fn briefing_with_and_without_summaries(engine: &Engine, path: &Path) -> String {
    let with = engine
        .report(ReportFormat::Markdown, &BriefingConfig::default())
        .expect("report");
    rusqlite::Connection::open(path)
        .unwrap()
        .execute_batch("UPDATE analysis_buckets SET summary = NULL")
        .unwrap();
    assert!(kept(&**engine.store()).iter().all(|(_, _, is)| !is));
    let without = engine
        .report(ReportFormat::Markdown, &BriefingConfig::default())
        .expect("report without summaries");
    assert_eq!(with, without, "the summaries change the briefing");
    // `sinew alerts` fills what a store kept before v17 lacks
    engine.alerts().expect("alerts");
    with
}

/// Goods first stated by one account and contradicted later: their groups sort after every
/// group above (fewer documents, then their measure), so past a bucket's first groups.
const LATE: &[&str] = &["zeolite", "zircon", "zucchini"];

#[test]
fn summaries_hold_the_picks_and_give_the_briefing_of_the_whole_states() {
    let tmp = tempfile::tempdir().unwrap();
    let (first, later) = (tmp.path().join("first"), tmp.path().join("later"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&later).unwrap();
    for (i, good) in GOODS.iter().enumerate() {
        let tonnes = 1_000 + 37 * i;
        write(
            &first,
            &format!("a{i:02}.txt"),
            "March 1, 2024",
            &format!(
                "Norway exported {tonnes} tonnes of {good} in 2023, the statistics office said."
            ),
        );
        write(
            &first,
            &format!("e{i:02}.txt"),
            "March 2, 2024",
            &format!(
                "Officials in Oslo told reporters on Tuesday that Norway exported {tonnes} tonnes \
                 of {good} in 2023."
            ),
        );
        if i % 4 == 0 {
            // a third account that disagrees, so the bucket has more than a briefing's share
            // of contradicted figures too
            write(
                &first,
                &format!("b{i:02}.txt"),
                "March 3, 2024",
                &format!(
                    "Norway exported {} tonnes of {good} in 2023, according to a fishing \
                     industry association.",
                    tonnes * 3
                ),
            );
        }
        if i % 9 == 0 {
            write(
                &first,
                &format!("c{i:02}.txt"),
                "March 5, 2024",
                &format!(
                    "Norway exported {} tonnes of {good} to Sweden in 2023.",
                    tonnes / 2
                ),
            );
        }
    }
    for (i, good) in LATE.iter().enumerate() {
        write(
            &first,
            &format!("z{i}.txt"),
            "March 1, 2024",
            &format!(
                "Norway exported {} tonnes of {good} in 2023, the statistics office said.",
                500 + i
            ),
        );
    }
    let path = tmp.path().join("s.db");
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).expect("store"));
    let engine = Engine::with_store(store);
    ingest(&engine, std::slice::from_ref(&first));
    let cut = summaries_are_the_picks(&**engine.store());
    assert!(cut > 0, "no bucket holds more than a briefing reads of it");
    let before = briefing_with_and_without_summaries(&engine, &path);
    assert_eq!(summaries_are_the_picks(&**engine.store()), cut);
    assert!(before.contains("Norway"), "{before}");

    // A briefing recorded, then accounts that contradict the late figures: the alerts'
    // groups are in no summary, so their buckets are read whole. (The briefing writes a
    // change judgment only for a figure between two actors, which every summary holds, so
    // these alerts change no line; what is checked is that the briefing stays the one over
    // the whole states.)
    engine
        .record_briefing(ReportFormat::Markdown, &BriefingConfig::default())
        .expect("record");
    for (i, good) in LATE.iter().enumerate() {
        write(
            &later,
            &format!("y{i}.txt"),
            "April 2, 2024",
            &format!(
                "Norway exported {} tonnes of {good} in 2023, a shipping broker in Bergen said.",
                800 + i
            ),
        );
    }
    let summary = ingest(&engine, &[first, later]);
    let kept = kept(&**engine.store());
    let in_summaries = |key: &str| {
        kept.iter()
            .any(|(_, s, _)| s.groups.iter().any(|g| g.group.id == key))
    };
    assert!(
        summary.alerts.iter().any(|a| !in_summaries(&a.key)),
        "every alert's group is in a summary: {:#?}",
        summary.alerts
    );
    briefing_with_and_without_summaries(&engine, &path);
    assert!(summaries_are_the_picks(&**engine.store()) > 0);
}
