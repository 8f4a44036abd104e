//! Do reports of one event merge, and only those? Every report here is built for these tests.

use super::*;
use sinew_types::Span;

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn names() -> BTreeMap<String, String> {
    [
        ("RUS", "Russia"),
        ("PRK", "North Korea"),
        ("USA", "United States"),
        ("CHN", "China"),
    ]
    .into_iter()
    .map(|(c, n)| (c.to_string(), n.to_string()))
    .collect()
}

/// An actor by its words, canonical name, country and sector.
fn actor(
    text: &str,
    canonical: Option<&str>,
    country: Option<&str>,
    sector: Option<Sector>,
) -> EventActor {
    EventActor {
        span: Span::new(0, text.len()),
        text: text.to_string(),
        canonical: canonical.map(str::to_string),
        country: country.map(str::to_string),
        sector,
    }
}

fn russia() -> EventActor {
    actor("Russia", Some("Russia"), Some("RUS"), None)
}

fn north_korea() -> EventActor {
    actor("North Korea", Some("North Korea"), Some("PRK"), None)
}

fn event(
    category: PloverCategory,
    source: Vec<EventActor>,
    target: Vec<EventActor>,
    date: Option<NaiveDate>,
) -> Event {
    Event {
        category,
        mode: None,
        kind: None,
        trigger: Span::new(0, 1),
        sentence: Span::new(0, 10),
        source,
        target,
        date,
        date_end: date,
        location: None,
        attribution: None,
        modality: EventModality::Asserted,
        negated: false,
    }
}

fn report(doc: &str, published: Option<NaiveDate>, event: Event) -> EventReport {
    EventReport {
        doc: DocId(doc.to_string()),
        ord: 0,
        published,
        duplicate_of: None,
        event,
    }
}

fn merge(reports: &[EventReport]) -> Vec<MergedEvent> {
    merge_events(reports, &names())
}

#[test]
fn two_outlets_telling_one_visit_a_day_apart_are_one_event() {
    // "Putin arrived in Pyongyang on 18 June"; "Russia's president visited North Korea on
    // 19 June": a person in office is counted as his state.
    let putin = actor(
        "Putin",
        Some("Vladimir Putin"),
        Some("RUS"),
        Some(Sector::Government),
    );
    let mut a = event(
        PloverCategory::Consult,
        vec![putin],
        vec![north_korea()],
        day(2024, 6, 18),
    );
    a.kind = Some(EventKind::StateVisit);
    a.location = Some("Pyongyang".into());
    let mut b = event(
        PloverCategory::Consult,
        vec![russia()],
        vec![north_korea()],
        day(2024, 6, 19),
    );
    b.kind = Some(EventKind::StateVisit);
    let merged = merge(&[
        report("a", day(2024, 6, 19), a),
        report("b", day(2024, 6, 20), b),
    ]);
    assert_eq!(merged.len(), 1, "{merged:#?}");
    let m = &merged[0];
    assert_eq!(m.reports, vec![0, 1]);
    assert_eq!(m.documents, 2);
    assert_eq!((m.date, m.date_end), (day(2024, 6, 18), day(2024, 6, 19)));
    assert_eq!(m.location.as_deref(), Some("Pyongyang"));
    assert_eq!(
        m.source,
        vec!["North Korea", "Russia"],
        "a visit is among its actors"
    );
}

#[test]
fn a_copy_of_a_story_counts_once() {
    let e = event(
        PloverCategory::Sanction,
        vec![actor(
            "Washington",
            Some("United States"),
            Some("USA"),
            None,
        )],
        vec![actor(
            "Chinese firms",
            None,
            Some("CHN"),
            Some(Sector::Business),
        )],
        day(2024, 5, 1),
    );
    let mut copy = report("copy", day(2024, 5, 2), e.clone());
    copy.duplicate_of = Some(DocId("orig".into()));
    let merged = merge(&[report("orig", day(2024, 5, 2), e), copy]);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].reports.len(), 2);
    assert_eq!(merged[0].documents, 1);
    // A company is not its state: the target keeps its words.
    assert_eq!(merged[0].target, vec!["Chinese firms"]);
    assert_eq!(merged[0].source, vec!["United States"]);
}

#[test]
fn the_same_act_ten_days_apart_is_two_events() {
    let e = |d| {
        event(
            PloverCategory::Fight,
            vec![russia()],
            vec![actor("Ukraine", Some("Ukraine"), Some("UKR"), None)],
            d,
        )
    };
    let merged = merge(&[
        report("a", None, e(day(2024, 3, 1))),
        report("b", None, e(day(2024, 3, 11))),
    ]);
    assert_eq!(merged.len(), 2);
    // Anchors do not move: daily reports do not chain a month into one event.
    let chain: Vec<EventReport> = (1..=9)
        .map(|d| report(&format!("d{d}"), None, e(day(2024, 3, d))))
        .collect();
    let merged = merge(&chain);
    assert_eq!(
        merged.len(),
        3,
        "{:?}",
        merged.iter().map(|m| m.date).collect::<Vec<_>>()
    );
}

#[test]
fn a_mutual_event_is_one_whichever_way_the_sentence_puts_it() {
    let mut a = event(
        PloverCategory::Support,
        vec![russia(), north_korea()],
        vec![],
        day(2024, 6, 19),
    );
    a.kind = Some(EventKind::TreatySigning);
    let mut b = event(
        PloverCategory::Support,
        vec![russia()],
        vec![north_korea()],
        day(2024, 6, 19),
    );
    b.kind = Some(EventKind::TreatySigning);
    let merged = merge(&[report("a", None, a), report("b", None, b)]);
    assert_eq!(merged.len(), 1);
    assert!(merged[0].mutual);
}

#[test]
fn direction_denial_negation_and_plans_keep_events_apart() {
    let us = || actor("US", Some("United States"), Some("USA"), None);
    let cn = || actor("China", Some("China"), Some("CHN"), None);
    let d = day(2024, 5, 1);
    let mut negated = event(PloverCategory::Sanction, vec![us()], vec![cn()], d);
    negated.negated = true;
    let mut planned = event(PloverCategory::Sanction, vec![us()], vec![cn()], d);
    planned.modality = EventModality::Planned;
    let reports = [
        report(
            "a",
            None,
            event(PloverCategory::Sanction, vec![us()], vec![cn()], d),
        ),
        report(
            "b",
            None,
            event(PloverCategory::Sanction, vec![cn()], vec![us()], d),
        ),
        report("c", None, negated),
        report("d", None, planned),
    ];
    let merged = merge(&reports);
    assert_eq!(merged.len(), 4);
    // Only what happened makes ties: the two directed sanctions, not the negated or planned.
    let ties = event_ties(&reports, &merged);
    let pairs: Vec<(&str, &str)> = ties
        .iter()
        .map(|t| (t.from.as_str(), t.to.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [("China", "United States"), ("United States", "China")]
    );
    assert!(ties
        .iter()
        .all(|t| t.evidence.len() == 1 && t.events.len() == 1));
}

#[test]
fn coarse_and_undated_reports_join_the_event_they_can_only_mean() {
    let met = |d| {
        event(
            PloverCategory::Consult,
            vec![russia(), north_korea()],
            vec![],
            d,
        )
    };
    let mut year = met(day(2019, 1, 1));
    year.date_end = day(2019, 12, 31);
    let merged = merge(&[
        report("precise", None, met(day(2019, 4, 25))),
        report("year", None, year),
        // Undated, published two days after: told as recent.
        report("undated", day(2019, 4, 27), met(None)),
    ]);
    assert_eq!(merged.len(), 1, "{merged:#?}");
    assert_eq!(merged[0].date, day(2019, 4, 25));
    assert_eq!(merged[0].reports.len(), 3);
    // An undated report of a document a year later is another meeting.
    let merged = merge(&[
        report("precise", None, met(day(2019, 4, 25))),
        report("later", day(2020, 5, 1), met(None)),
    ]);
    assert_eq!(merged.len(), 2);
    assert_eq!(
        merged[1].date, None,
        "an undated event shows no made-up date"
    );
    // Two coarse years touch at their ends but are two meetings; a month inside a year is one.
    let mut y2019 = met(day(2019, 1, 1));
    y2019.date_end = day(2019, 12, 31);
    let mut y2020 = met(day(2020, 1, 1));
    y2020.date_end = day(2020, 12, 31);
    let mut june = met(day(2020, 6, 1));
    june.date_end = day(2020, 6, 30);
    let merged = merge(&[
        report("a", None, y2019),
        report("b", None, y2020),
        report("c", None, june),
    ]);
    assert_eq!(merged.len(), 2, "{merged:#?}");
    assert_eq!(
        (merged[1].date, merged[1].date_end),
        (day(2020, 6, 1), day(2020, 6, 30)),
        "the narrowest coarse date dates it"
    );
}

#[test]
fn merging_does_not_depend_on_input_order() {
    let e = |d, c: PloverCategory| event(c, vec![russia()], vec![north_korea()], d);
    let reports = vec![
        report(
            "a",
            day(2024, 6, 20),
            e(day(2024, 6, 18), PloverCategory::Consult),
        ),
        report("b", day(2024, 6, 21), e(None, PloverCategory::Consult)),
        report("c", None, e(day(2024, 6, 19), PloverCategory::Aid)),
        report("d", None, e(day(2024, 7, 19), PloverCategory::Consult)),
        report(
            "e",
            day(2024, 6, 19),
            e(day(2024, 6, 17), PloverCategory::Consult),
        ),
    ];
    let by_docs = |rs: &[EventReport], ms: Vec<MergedEvent>| -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = ms
            .into_iter()
            .map(|m| {
                let mut docs: Vec<String> =
                    m.reports.iter().map(|&i| rs[i].doc.0.clone()).collect();
                docs.sort();
                (m.id, docs)
            })
            .collect();
        out.sort();
        out
    };
    let forward = by_docs(&reports, merge(&reports));
    let mut reversed = reports.clone();
    reversed.reverse();
    assert_eq!(by_docs(&reversed, merge(&reversed)), forward);
    assert_eq!(forward.len(), 3, "{forward:?}");
}

#[test]
fn ties_count_events_and_documents_with_first_and_last_dates() {
    let us = || actor("US", Some("United States"), Some("USA"), None);
    let cn = || actor("Beijing", Some("China"), Some("CHN"), None);
    let s = |d| event(PloverCategory::Sanction, vec![us()], vec![cn()], d);
    let mut negated = s(day(2024, 9, 1));
    negated.negated = true;
    let mut copy = report("a2", None, s(day(2024, 5, 1)));
    copy.duplicate_of = Some(DocId("a1".into()));
    let reports = vec![
        report("a1", None, s(day(2024, 5, 1))),
        copy,
        report("b", None, s(day(2024, 8, 2))),
        report("c", None, negated),
        report(
            "d",
            None,
            event(
                PloverCategory::Consult,
                vec![us(), cn()],
                vec![],
                day(2024, 7, 1),
            ),
        ),
    ];
    let merged = merge(&reports);
    let ties = event_ties(&reports, &merged);
    assert_eq!(ties.len(), 2, "{ties:#?}");
    let sanctions = ties
        .iter()
        .find(|t| t.category == PloverCategory::Sanction)
        .expect("sanctions");
    assert_eq!(
        (sanctions.from.as_str(), sanctions.to.as_str()),
        ("United States", "China")
    );
    assert_eq!(sanctions.events.len(), 2);
    assert_eq!(sanctions.documents, 2, "the copy counts once");
    assert_eq!(
        (sanctions.first, sanctions.last),
        (day(2024, 5, 1), day(2024, 8, 2))
    );
    assert_eq!(sanctions.evidence, vec![0, 1, 2]);
    assert!(!sanctions.mutual);
    let talks = ties
        .iter()
        .find(|t| t.category == PloverCategory::Consult)
        .expect("talks");
    assert!(talks.mutual);
    assert_eq!(
        (talks.from.as_str(), talks.to.as_str()),
        ("China", "United States")
    );
}

fn signing(source: Vec<EventActor>, date: Option<NaiveDate>) -> Event {
    let mut e = event(PloverCategory::Support, source, vec![], date);
    e.kind = Some(EventKind::TreatySigning);
    e
}

#[test]
fn a_report_naming_part_of_the_actors_joins_the_event_that_names_them_all() {
    // "Russia and North Korea signed a treaty" (two outlets, one a copy); "the two leaders
    // signed it in Pyongyang" (unnamed actors); "Putin signed the pact" (a subset)
    let leaders = actor("the two leaders", None, None, Some(Sector::Government));
    let putin = actor(
        "Putin",
        Some("Vladimir Putin"),
        Some("RUS"),
        Some(Sector::Government),
    );
    let mut copy = report(
        "copy",
        day(2024, 6, 20),
        signing(vec![russia(), north_korea()], day(2024, 6, 19)),
    );
    copy.duplicate_of = Some(DocId("full".into()));
    let reports = [
        report(
            "leaders",
            day(2024, 6, 20),
            signing(vec![leaders.clone()], day(2024, 6, 19)),
        ),
        report(
            "full",
            day(2024, 6, 20),
            signing(vec![russia(), north_korea()], day(2024, 6, 19)),
        ),
        copy,
        report(
            "putin",
            day(2024, 6, 21),
            signing(vec![putin], day(2024, 6, 20)),
        ),
    ];
    let merged = merge(&reports);
    assert_eq!(merged.len(), 1, "{merged:#?}");
    assert_eq!(merged[0].source, vec!["North Korea", "Russia"]);
    assert_eq!(merged[0].reports, vec![0, 1, 2, 3]);
    assert_eq!(merged[0].documents, 3, "the copy counts once");
    let mut reversed = reports.to_vec();
    reversed.reverse();
    let again = merge(&reversed);
    assert_eq!(
        (again.len(), &again[0].id, again[0].documents),
        (1, &merged[0].id, 3),
        "input order never matters"
    );
    // outside the window, the part stays its own event
    let late = [
        reports[1].clone(),
        report(
            "late",
            day(2024, 7, 2),
            signing(vec![leaders], day(2024, 7, 1)),
        ),
    ];
    assert_eq!(merge(&late).len(), 2);
    // with neither date nor publication, a part joins the only event naming its actors
    let undated = [
        reports[1].clone(),
        report(
            "undated",
            None,
            signing(vec![actor("the two leaders", None, None, None)], None),
        ),
    ];
    assert_eq!(merge(&undated).len(), 1);
}

#[test]
fn a_part_that_could_mean_two_events_joins_neither() {
    // Russia signed with North Korea and with Vietnam the same day: "Russia signed a pact"
    // could be either
    let vietnam = actor("Vietnam", Some("Vietnam"), Some("VNM"), None);
    let reports = [
        report(
            "a",
            None,
            signing(vec![russia(), north_korea()], day(2024, 6, 19)),
        ),
        report(
            "b",
            None,
            signing(vec![russia(), vietnam], day(2024, 6, 20)),
        ),
        report("c", None, signing(vec![russia()], day(2024, 6, 20))),
    ];
    let merged = merge(&reports);
    assert_eq!(merged.len(), 3, "{merged:#?}");
    // a directed act joins only where both sides fit: a sanction by Russia on China does
    // not take a report of Russia sanctioning someone else's firms
    let sanction = |target: Vec<EventActor>| {
        event(
            PloverCategory::Sanction,
            vec![russia()],
            target,
            day(2024, 5, 1),
        )
    };
    let china = actor("China", Some("China"), Some("CHN"), None);
    let us = actor(
        "the United States",
        Some("United States"),
        Some("USA"),
        None,
    );
    let merged = merge(&[
        report("x", None, sanction(vec![china])),
        report("y", None, sanction(vec![])),
        report("z", None, sanction(vec![us])),
    ]);
    assert_eq!(
        merged.len(),
        3,
        "two candidates: the bare report joins neither"
    );
    let merged = merge(&[
        report(
            "x",
            None,
            sanction(vec![actor("China", Some("China"), Some("CHN"), None)]),
        ),
        report("y", None, sanction(vec![])),
    ]);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].target, vec!["China"]);
}

/// The wider keys found through the actor index are exactly those a check of every pair
/// finds (same act, reach within), over many keys of random acts and actors.
#[test]
fn wider_keys_by_index_equal_every_pair_checked() {
    let pool = [
        russia,
        north_korea,
        || actor("China", Some("China"), Some("CHN"), None),
        || actor("Washington", Some("United States"), Some("USA"), None),
        || actor("the two leaders", None, None, None),
    ];
    let categories = [PloverCategory::Consult, PloverCategory::Agree];
    let mut seed: u64 = 0x5eed;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let mut by_key: BTreeMap<Key, Event> = BTreeMap::new();
    for _ in 0..400 {
        let mut side = || -> Vec<EventActor> {
            (0..next(3))
                .map(|_| pool[next(pool.len() as u64) as usize]())
                .collect()
        };
        let (source, target) = (side(), side());
        let e = event(categories[next(2) as usize], source, target, None);
        by_key.entry(key_of(&e, &names())).or_insert(e);
    }
    let keys: Vec<(Key, Reach, Vec<usize>)> = by_key
        .into_iter()
        .map(|(k, e)| {
            let reach = Reach::of(&k, &e, &names());
            (k, reach, Vec::new())
        })
        .collect();
    assert!(keys.len() > 40, "the keys vary: {}", keys.len());
    let naive: Vec<Vec<usize>> = (0..keys.len())
        .map(|k| {
            (0..keys.len())
                .filter(|&j| {
                    j != k
                        && act_of(&keys[k].0) == act_of(&keys[j].0)
                        && keys[k].1.within(&keys[j].1)
                })
                .collect()
        })
        .collect();
    assert!(
        naive.iter().any(|w| !w.is_empty()),
        "some key has wider ones"
    );
    assert_eq!(wider_keys(&keys), naive);
}
