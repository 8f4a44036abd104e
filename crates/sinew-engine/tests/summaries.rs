//! Store v18's bucket digests, compact since v20 (issue 18): every bucket state is kept with
//! what a briefing reads of every bucket (where its first groups sort in the whole ledger, and
//! its groups naming two actors), and `report` reads those, and whole only the few buckets
//! that may hold the briefing's first groups. Checked on stores built here: one whose main
//! bucket holds more groups than a briefing may read of it, and one of many buckets, more
//! than the briefing's rows and disagreements, so that some buckets are read as digests only.
//! Each digest is the one of its whole state, and the briefing is the same with digests,
//! without them (a store kept before v17, or cleared by the v18 or v20 step), and once
//! `sinew alerts` has filled them, with and without alerts to speak of.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use sinew_analysis::{BucketState, NetState, StoredGroup};
use sinew_engine::{BriefingConfig, Engine, ReportFormat};
use sinew_report::{leading_buckets, BucketLead, GroupPicks};
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

/// A digest as kept (store v20): the lead, the groups naming two actors in compact form, and
/// in a bucket holding more groups than the briefing may read of it, on a second line, the
/// first groups it may read, whole.
struct Digest {
    lead: BucketLead,
    pairs: NetState,
    picked: Option<Vec<StoredGroup>>,
}

/// A group less what no line of the briefing reads, as a digest keeps it.
fn slimmed(mut g: StoredGroup) -> StoredGroup {
    g.group.explanation.clear();
    g.group.attribution = None;
    for m in &mut g.group.claims {
        m.note.clear();
    }
    g
}

/// `(state, digest or none)` of every stored bucket.
fn kept(store: &dyn Store) -> Vec<(BucketState, Option<Digest>)> {
    let keys = store.bucket_keys().expect("keys");
    let mut states = Vec::new();
    store
        .each_bucket_state(&keys, &mut |_, json| {
            states.push(BucketState::from_json(std::str::from_utf8(json).unwrap()).unwrap());
        })
        .expect("states");
    let mut digests = Vec::new();
    store
        .each_bucket_summary(&keys, &mut |_, json, summary| {
            digests.push(summary.then(|| {
                let text = std::str::from_utf8(json).unwrap();
                let (head, picked) = match text.split_once('\n') {
                    Some((head, picked)) => (head, Some(picked)),
                    None => (text, None),
                };
                let mut v: serde_json::Value = serde_json::from_str(head).unwrap();
                assert_eq!(v["v"], 20, "a v20 digest");
                assert_eq!(v["picked"], picked.is_some(), "the head says what follows");
                Digest {
                    lead: serde_json::from_value(v["lead"].take()).unwrap(),
                    pairs: serde_json::from_value(v["pairs"].take()).unwrap(),
                    picked: picked.map(|p| serde_json::from_str(p).unwrap()),
                }
            }));
        })
        .expect("summaries");
    states.into_iter().zip(digests).collect()
}

/// Every bucket's digest is the one of its whole state: its lead, its groups naming two
/// actors in compact form, and where it holds more than the picks of `GroupPicks`, its first
/// groups of each kind whole, less their wording; returns how many digests hold picks.
fn summaries_are_the_digests(store: &dyn Store) -> usize {
    let mut cut = 0;
    for (state, digest) in kept(store) {
        let digest = digest.unwrap_or_else(|| panic!("bucket {:?} has no digest", state.key));
        let mut ordered = state.clone();
        ordered.retain_groups(|_| true);
        assert_eq!(
            digest.lead,
            BucketLead::of(&ordered.groups),
            "{:?}",
            state.key
        );
        let pair = |g: &StoredGroup| g.group.subject.is_some() && g.group.object.is_some();
        let mut pairs = ordered.clone();
        pairs.groups.retain(pair);
        assert_eq!(digest.pairs, pairs.to_net(), "bucket {:?}", state.key);
        // the compact form reads back as the network reads it
        let back = digest.pairs.clone().into_state();
        assert_eq!(back.key, pairs.key);
        assert_eq!(back.groups.len(), pairs.groups.len());
        for (b, g) in back.groups.iter().zip(&pairs.groups) {
            assert_eq!(b.place(), g.place(), "bucket {:?}", state.key);
            assert_eq!(b.refs, g.refs);
            let sources = |g: &StoredGroup| {
                let c = g.group.claims.iter();
                c.map(|m| (m.source.clone(), m.as_of)).collect::<Vec<_>>()
            };
            assert_eq!(sources(b), sources(g));
        }
        let mut picks = GroupPicks::new(&[]);
        picks.bucket();
        let first: Vec<bool> = ordered
            .groups
            .iter()
            .map(|g| picks.keeps_first(&g.group))
            .collect();
        let firsts: Vec<StoredGroup> = ordered
            .groups
            .iter()
            .zip(&first)
            .filter(|(_, first)| **first)
            .map(|(g, _)| slimmed(g.clone()))
            .collect();
        let cut_here = ordered
            .groups
            .iter()
            .zip(&first)
            .any(|(g, first)| !first && !pair(g));
        let expected = cut_here.then_some(firsts);
        assert_eq!(digest.picked, expected, "bucket {:?}", state.key);
        cut += usize::from(digest.picked.is_some());
    }
    cut
}

/// The briefing read as it is, then with every summary set back to none (the whole states
/// read, as before v17 and after the v18 step): the two must be the same.
fn briefing_with_and_without_summaries(engine: &Engine, path: &Path) -> String {
    let with = engine
        .report(ReportFormat::Markdown, &BriefingConfig::default())
        .expect("report");
    rusqlite::Connection::open(path)
        .unwrap()
        .execute_batch("UPDATE analysis_buckets SET summary = NULL")
        .unwrap();
    assert!(kept(&**engine.store()).iter().all(|(_, d)| d.is_none()));
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
fn digests_give_the_briefing_of_the_whole_states() {
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
    let cut = summaries_are_the_digests(&**engine.store());
    assert!(cut > 0, "no bucket holds more than a briefing reads of it");
    let before = briefing_with_and_without_summaries(&engine, &path);
    assert_eq!(summaries_are_the_digests(&**engine.store()), cut);
    assert!(before.contains("Norway"), "{before}");

    // A briefing recorded, then accounts that contradict the late figures: the alerts'
    // groups are in no digest, so their buckets are read whole. (The briefing writes a
    // change judgment only for a figure between two actors, which every digest holds, so
    // these alerts change no line; what is checked is that the briefing stays the one over
    // the whole states.)
    let (_, mark) = engine
        .briefing_marked(&BriefingConfig::default())
        .expect("briefing");
    engine
        .record_briefing(ReportFormat::Markdown, &BriefingConfig::default(), &mark)
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
        kept.iter().any(|(_, d)| {
            d.as_ref().is_some_and(|d| {
                d.pairs
                    .clone()
                    .into_state()
                    .groups
                    .iter()
                    .any(|g| g.group.id == key)
            })
        })
    };
    assert!(
        summary.alerts.iter().any(|a| !in_summaries(&a.key)),
        "every alert's group is in a digest: {:#?}",
        summary.alerts
    );
    briefing_with_and_without_summaries(&engine, &path);
    assert!(summaries_are_the_digests(&**engine.store()) > 0);
}

/// Made-up producers of a made-up mineral, each a country of its own bucket.
const PRODUCERS: &[&str] = &[
    "Albania",
    "Algeria",
    "Angola",
    "Argentina",
    "Armenia",
    "Austria",
    "Azerbaijan",
    "Bangladesh",
    "Belgium",
    "Bolivia",
    "Botswana",
    "Bulgaria",
    "Cambodia",
    "Cameroon",
    "Chile",
    "Colombia",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Denmark",
    "Ecuador",
    "Egypt",
    "Estonia",
    "Ethiopia",
    "Finland",
    "Gabon",
    "Georgia",
    "Ghana",
    "Greece",
    "Guatemala",
    "Honduras",
    "Hungary",
    "Iceland",
    "Indonesia",
    "Ireland",
    "Jamaica",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kuwait",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lithuania",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Mali",
    "Malta",
    "Mexico",
    "Mongolia",
    "Morocco",
    "Mozambique",
    "Namibia",
    "Nepal",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "Oman",
    "Panama",
    "Paraguay",
    "Peru",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Rwanda",
    "Senegal",
    "Serbia",
    "Slovakia",
    "Slovenia",
    "Spain",
    "Sudan",
    "Tanzania",
    "Thailand",
    "Tunisia",
    "Uganda",
    "Uruguay",
    "Uzbekistan",
    "Zambia",
];

#[test]
fn a_briefing_over_many_buckets_reads_most_as_digests_and_stays_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("docs");
    std::fs::create_dir_all(&dir).unwrap();
    // The first producers' figures have three accounts each, more buckets than the
    // figures table has rows; the last ones' have two that disagree, more than the
    // disagreements show: their buckets sort after every other in the table, so only their
    // first contradicted groups make them read whole.
    let strong = PRODUCERS.len() - 14;
    for (i, country) in PRODUCERS.iter().enumerate() {
        let tonnes = 2_000 + 41 * i;
        let accounts = if i < strong { 3 } else { 1 };
        for k in 0..accounts {
            write(
                &dir,
                &format!("p{i:02}-{k}.txt"),
                "May 6, 2024",
                &format!(
                    "{country} exported {tonnes} tonnes of wolframite in 2023, report number {k} \
                     of the geological survey said."
                ),
            );
        }
        if i >= strong {
            write(
                &dir,
                &format!("q{i:02}.txt"),
                "May 7, 2024",
                &format!(
                    "{country} exported {} tonnes of wolframite in 2023, a trade association said.",
                    tonnes * 3
                ),
            );
        }
        if i % 5 == 0 {
            write(
                &dir,
                &format!("r{i:02}.txt"),
                "May 8, 2024",
                &format!(
                    "{country} shipped {} tonnes of wolframite to Austria in 2023.",
                    tonnes / 3
                ),
            );
        }
    }
    let path = tmp.path().join("s.db");
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).expect("store"));
    let engine = Engine::with_store(store);
    ingest(&engine, std::slice::from_ref(&dir));
    summaries_are_the_digests(&**engine.store());
    let kept = kept(&**engine.store());
    let leads: Vec<(&str, &BucketLead)> = kept
        .iter()
        .filter_map(|(s, d)| d.as_ref().map(|d| (s.key.as_str(), &d.lead)))
        .collect();
    let leading: BTreeSet<&str> = leading_buckets(&leads);
    // some buckets, with groups the network does not read, are read as digests only
    let digest_only = kept
        .iter()
        .filter(|(s, d)| {
            !leading.contains(s.key.as_str())
                && d.as_ref()
                    .is_some_and(|d| d.pairs.clone().into_state().groups.len() < s.groups.len())
        })
        .count();
    assert!(
        digest_only > 0,
        "every bucket is leading: {leading:?} of {}",
        kept.len()
    );
    let report = briefing_with_and_without_summaries(&engine, &path);
    assert!(report.contains("wolframite"), "{report}");
    summaries_are_the_digests(&**engine.store());
}
