//! Which claims are one figure when extraction read them differently: vague amounts, running
//! totals counted on different days, one voice (or the article's own with a source it cites) stating two amounts in one article, an actor
//! named in the other role, and counted nouns of one thing.

use sinew_analysis::{build_ledger, Verdict};
use sinew_types::{Claim, MeasureKind, QuantityKind, SourceKind, TimeKind};

use crate::concepts::{attributed, doc, docs, group, YEAR_2023};
use crate::{claim, BASE, C};

/// A count from North Korea to Russia with the measure kind extraction read and its time.
fn count_of(
    doc: &'static str,
    text: &'static str,
    value: f64,
    unit: &'static str,
    kind: MeasureKind,
    time: Option<(TimeKind, &'static str, &'static str)>,
) -> Claim {
    let mut c = claim(&C {
        doc,
        text,
        value,
        kind: QuantityKind::Count,
        unit: Some(unit),
        subject: Some("North Korea"),
        object: Some("Russia"),
        measure: "deliveries",
        time,
        ..BASE
    });
    c.kind = kind;
    c
}

/// `c` as a vague amount ranging from `low` to `high`.
fn vague(mut c: Claim, low: f64, high: f64) -> Claim {
    c.quantity.value = low;
    c.quantity.value_max = Some(high);
    c.quantity.vague = true;
    c
}

#[test]
fn a_vague_amount_joins_its_figure_without_voting_on_the_value() {
    let stock = MeasureKind::Stock;
    let claims = vec![
        count_of("a", "over 10,000 drones", 10_000.0, "drone", stock, None),
        count_of("b", "10,200 drones", 10_200.0, "drone", stock, None),
        // "Thousands" reach 10,000 at most; news stretches them: still the same figure, and
        // with no number and no window, read as a flow it is still evidence of the total.
        vague(
            count_of(
                "c",
                "thousands of drones",
                2_000.0,
                "drone",
                MeasureKind::Flow,
                None,
            ),
            2_000.0,
            10_000.0,
        ),
        // A million is no stretch of "dozens": another figure.
        vague(
            count_of("d", "dozens of drones", 24.0, "drone", stock, None),
            24.0,
            99.0,
        ),
        // Near-miss: thousands sent in one year are that year's flow, not the total.
        vague(
            count_of(
                "e",
                "thousands of drones",
                2_000.0,
                "drone",
                MeasureKind::Flow,
                YEAR_2023,
            ),
            2_000.0,
            10_000.0,
        ),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b", "c", "d", "e"]));
    assert_ne!(
        group(&ledger, &claims, "a", "over 10,000 drones").id,
        group(&ledger, &claims, "e", "thousands of drones").id
    );
    let g = group(&ledger, &claims, "a", "over 10,000 drones");
    let thousands = group(&ledger, &claims, "c", "thousands of drones");
    assert_eq!(g.id, thousands.id, "{ledger:#?}");
    assert_ne!(g.id, group(&ledger, &claims, "d", "dozens of drones").id);
    // Two sources with numbers agree; the vague one is shown and not counted.
    assert_eq!(g.verdict, Verdict::Agree, "{}", g.explanation);
    assert_eq!(g.sources, 2);
    assert!(g.consensus.low >= 10_000.0, "{:?}", g.consensus);
    let note = &g
        .claims
        .iter()
        .find(|m| claims[m.claim].doc.0 == "c")
        .expect("member")
        .note;
    assert!(note.contains("vague amount"), "{note}");
    // Precise statements give the number: the consensus is not vague.
    assert_eq!(g.consensus.vague, None, "{:?}", g.consensus);

    // Alone, vague amounts are the figure's only statements: counted, and the consensus
    // keeps their words, not a number.
    let only = vec![claims[2].clone()];
    let g = &build_ledger(&only, &docs(&["c"])).groups[0];
    assert_eq!(g.verdict, Verdict::Single, "{}", g.explanation);
    assert_eq!(g.consensus.vague.as_deref(), Some("thousands of drones"));
    assert!(g.consensus.is_vague());
}

#[test]
fn vague_only_statements_from_two_sources_keep_each_wording_once() {
    let flow = MeasureKind::Flow;
    let claims = vec![
        vague(
            count_of("a", "hundreds of drones", 200.0, "drone", flow, None),
            200.0,
            1_000.0,
        ),
        vague(
            count_of("b", "Hundreds of drones", 200.0, "drone", flow, None),
            200.0,
            1_000.0,
        ),
        vague(
            count_of("c", "several hundred drones", 300.0, "drone", flow, None),
            300.0,
            900.0,
        ),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b", "c"]));
    let g = group(&ledger, &claims, "a", "hundreds of drones");
    assert_eq!(g.claims.len(), 3, "{ledger:#?}");
    assert_eq!(
        g.consensus.vague.as_deref(),
        Some("hundreds of drones or several hundred drones"),
        "{:?}",
        g.consensus
    );
}

#[test]
fn a_running_total_counted_on_different_days_is_one_figure() {
    let stock = MeasureKind::Stock;
    let october = Some((TimeKind::Point, "2023-10-01", "2023-10-31"));
    let february = Some((TimeKind::Point, "2024-02-01", "2024-02-29"));
    let since = Some((TimeKind::Since, "2023-08-01", "2023-08-31"));
    let claims = vec![
        // Months that date the reports: the count grew from one to the next, tenfold.
        count_of("a", "more than 1,000 boxes", 1_000.0, "box", stock, october),
        count_of("b", "6,700 boxes", 6_700.0, "box", stock, since),
        count_of("c", "over 10,000 boxes", 10_000.0, "box", stock, february),
        // Near-miss: one month's deliveries are a flow of that month, not the running total.
        count_of(
            "d",
            "1,000 boxes",
            1_000.0,
            "box",
            MeasureKind::Flow,
            october,
        ),
    ];
    let sources = vec![
        doc("a", Some("2023-11-01"), SourceKind::Original),
        doc("b", Some("2024-01-10"), SourceKind::Original),
        doc("c", Some("2024-03-01"), SourceKind::Original),
        doc("d", Some("2023-11-02"), SourceKind::Original),
    ];
    let ledger = build_ledger(&claims, &sources);
    let g = group(&ledger, &claims, "c", "over 10,000 boxes");
    assert_eq!(g.claims.len(), 3, "{ledger:#?}");
    assert_eq!(g.verdict, Verdict::Update, "{}", g.explanation);
    assert_ne!(group(&ledger, &claims, "d", "1,000 boxes").id, g.id);

    // A count since a day after another count was taken is another count.
    let later_start = Some((TimeKind::Since, "2023-12-01", "2023-12-31"));
    let claims = vec![
        count_of("a", "more than 1,000 boxes", 1_000.0, "box", stock, october),
        count_of("b", "2,000 boxes", 2_000.0, "box", stock, later_start),
    ];
    let ledger = build_ledger(&claims, &sources);
    assert_eq!(ledger.groups.len(), 2, "{ledger:#?}");

    // A standing total that can fall (one company's headcount) keeps its window: its values
    // in two years are two figures.
    let headcount = |doc: &'static str, text: &'static str, value: f64, year: &'static str| {
        let mut c = claim(&C {
            doc,
            text,
            value,
            kind: QuantityKind::Count,
            unit: Some("worker"),
            subject: Some("Acme"),
            measure: "workers",
            time: Some((TimeKind::Point, year, year)),
            ..BASE
        });
        c.kind = stock;
        c
    };
    let claims = vec![
        headcount("a", "9,000 workers", 9_000.0, "2020-12-31"),
        headcount("b", "12,000 workers", 12_000.0, "2024-12-31"),
    ];
    let ledger = build_ledger(&claims, &sources);
    assert_eq!(ledger.groups.len(), 2, "{ledger:#?}");
}

#[test]
fn one_voice_in_one_article_states_a_figure_once() {
    // Each figure in a sentence of its own.
    let share = |sentence: usize, text: &'static str, value: f64| {
        let mut c = claim(&C {
            doc: "a",
            at: sentence * 1000 + 10,
            sentence,
            text,
            value,
            kind: QuantityKind::Percent,
            unit: Some("percent"),
            subject: Some("Acme"),
            measure: "share of customers",
            ..BASE
        });
        c.kind = MeasureKind::Share;
        c
    };
    // Two amounts with the same words in one article from one voice: two figures.
    let claims = vec![share(1, "36%", 36.0), share(2, "57%", 57.0)];
    let ledger = build_ledger(&claims, &docs(&["a"]));
    assert_eq!(ledger.groups.len(), 2, "{ledger:#?}");
    // The same amount again is the same figure.
    let claims = vec![share(1, "36%", 36.0), share(2, "36 percent", 36.0)];
    assert_eq!(build_ledger(&claims, &docs(&["a"])).groups.len(), 1);
    // Two voices may disagree in one article: one figure, in conflict.
    let claims = vec![
        attributed(share(1, "36%", 36.0), "the regulator"),
        attributed(share(2, "57%", 57.0), "the company"),
    ];
    let ledger = build_ledger(&claims, &docs(&["a"]));
    assert_eq!(ledger.groups.len(), 1, "{ledger:#?}");
    assert_eq!(ledger.groups[0].verdict, Verdict::Conflict);
    // The article's own words and a source it cites are one account: "the company reported
    // 36%" and, two sentences on, "57%" in the article's voice are two figures, not a
    // conflict.
    let claims = vec![
        attributed(share(1, "36%", 36.0), "the company"),
        share(3, "57%", 57.0),
    ];
    let ledger = build_ledger(&claims, &docs(&["a"]));
    assert_eq!(ledger.groups.len(), 2, "{ledger:#?}");
    // The same amount in both is still one figure.
    let claims = vec![
        attributed(share(1, "36%", 36.0), "the company"),
        share(3, "36 percent", 36.0),
    ];
    assert_eq!(build_ledger(&claims, &docs(&["a"])).groups.len(), 1);
    // Near-miss: counts of things are tallies, and an official's and the article's own may
    // differ about one figure: one figure, in conflict.
    let count = |sentence: usize, text: &'static str, value: f64| {
        claim(&C {
            doc: "a",
            at: sentence * 1000 + 10,
            sentence,
            text,
            value,
            kind: QuantityKind::Count,
            unit: Some("drone"),
            subject: Some("Acme"),
            measure: "drones delivered",
            ..BASE
        })
    };
    let claims = vec![
        attributed(count(1, "400 drones", 400.0), "the ministry"),
        count(3, "550 drones", 550.0),
    ];
    let ledger = build_ledger(&claims, &docs(&["a"]));
    assert_eq!(ledger.groups.len(), 1, "{ledger:#?}");
}

#[test]
fn an_actor_named_in_the_other_role_is_another_figure() {
    let pct = |doc: &'static str, subject, object, measure: &'static str| {
        let mut c = claim(&C {
            doc,
            text: "40%",
            value: 40.0,
            kind: QuantityKind::Percent,
            unit: Some("percent"),
            subject,
            object,
            measure,
            ..BASE
        });
        c.kind = MeasureKind::Share;
        c
    };
    let claims = vec![
        pct("a", Some("Acme"), None, "share of users"),
        pct("b", None, Some("Acme"), "share of users"),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b"]));
    assert_eq!(ledger.groups.len(), 2, "{ledger:#?}");
    // Near-miss: a missing counterpart still joins.
    let claims = vec![
        pct("a", Some("Acme"), Some("Peru"), "share of users"),
        pct("b", Some("Acme"), None, "share of users"),
    ];
    assert_eq!(build_ledger(&claims, &docs(&["a", "b"])).groups.len(), 1);
    // Trade runs both ways: "Chile's trade" and "trade with Chile" name no roles.
    let trade = |doc: &'static str, subject, object| {
        claim(&C {
            doc,
            text: "$40 billion",
            value: 40e9,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            subject,
            object,
            measure: "bilateral trade",
            time: YEAR_2023,
            ..BASE
        })
    };
    let claims = vec![
        trade("a", Some("Chile"), None),
        trade("b", None, Some("Chile")),
    ];
    assert_eq!(build_ledger(&claims, &docs(&["a", "b"])).groups.len(), 1);
}

#[test]
fn counted_nouns_of_one_thing_are_one_unit_and_a_kind_of_it_narrows() {
    let flow = MeasureKind::Flow;
    let year = YEAR_2023;
    let claims = vec![
        count_of("a", "1,500 troops", 1_500.0, "troop", flow, year),
        count_of("b", "1,600 soldiers", 1_600.0, "soldier", flow, year),
        count_of("a", "3 million rounds", 3e6, "round", flow, year),
        count_of(
            "b",
            "3.1 million artillery shells",
            3.1e6,
            "artillery shell",
            flow,
            year,
        ),
        count_of(
            "c",
            "40 ballistic missiles",
            40.0,
            "ballistic missile",
            flow,
            year,
        ),
        count_of(
            "d",
            "45 cruise missiles",
            45.0,
            "cruise missile",
            flow,
            year,
        ),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b", "c", "d"]));
    let id = |doc: &str, text: &str| group(&ledger, &claims, doc, text).id.clone();
    assert_eq!(id("a", "1,500 troops"), id("b", "1,600 soldiers"));
    assert_eq!(
        id("a", "3 million rounds"),
        id("b", "3.1 million artillery shells")
    );
    assert_ne!(
        id("c", "40 ballistic missiles"),
        id("d", "45 cruise missiles")
    );
}

#[test]
fn workers_and_employees_count_one_headcount() {
    // "Acme employs 1,400 workers at its Ohio plant", then a table row "Acme | 1,400" under
    // "Number of Employees", and another article's "1,400 staffers": one headcount in three
    // words. Another plant's "900 workers" in the first article is another figure.
    let headcount = |doc, at, sentence, text, value, unit| {
        let mut c = claim(&C {
            doc,
            at,
            sentence,
            text,
            value,
            kind: QuantityKind::Count,
            unit: Some(unit),
            subject: Some("Acme"),
            measure: unit,
            ..BASE
        });
        c.kind = MeasureKind::Stock;
        c
    };
    let claims = vec![
        headcount("a", 10, 1, "1,400 workers", 1_400.0, "worker"),
        headcount("a", 2_010, 3, "1,400", 1_400.0, "employee"),
        headcount("a", 4_010, 5, "900 workers", 900.0, "worker"),
        headcount("b", 10, 1, "1,400 staffers", 1_400.0, "staffer"),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b"]));
    let id = |doc: &str, text: &str| group(&ledger, &claims, doc, text).id.clone();
    assert_eq!(id("a", "1,400 workers"), id("a", "1,400"));
    assert_eq!(id("a", "1,400 workers"), id("b", "1,400 staffers"));
    assert_ne!(id("a", "1,400 workers"), id("a", "900 workers"));
    assert_eq!(ledger.groups.len(), 2);
}

#[test]
fn an_actor_named_short_and_long_in_one_article_is_one_actor() {
    // "Bradford White Corp. employs 1,200 workers in Middleville", then a table row
    // "Bradford | 1,200" under "Employees": one company, one headcount. The same short name
    // in another article may be another company; another unit is another bucket.
    let headcount = |doc, at, sentence, text, value, subject| {
        let mut c = claim(&C {
            doc,
            at,
            sentence,
            text,
            value,
            kind: QuantityKind::Count,
            unit: Some("employee"),
            subject: Some(subject),
            measure: "employees",
            ..BASE
        });
        c.kind = MeasureKind::Stock;
        c
    };
    let claims = vec![
        headcount(
            "a",
            10,
            1,
            "1,200 employees",
            1_200.0,
            "Bradford White Corp.",
        ),
        headcount("a", 2_010, 3, "1,200", 1_200.0, "Bradford"),
        headcount(
            "b",
            10,
            1,
            "1,250 employees",
            1_250.0,
            "Bradford White Corp.",
        ),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b"]));
    let id = |doc: &str, text: &str| group(&ledger, &claims, doc, text).id.clone();
    assert_eq!(id("a", "1,200 employees"), id("a", "1,200"));
    assert_ne!(id("a", "1,200"), id("b", "1,250 employees"));
    let keys = sinew_analysis::claim_buckets(&claims);
    assert_eq!(keys[0], keys[1], "one bucket, as the grouping reads them");
    assert_ne!(keys[1], keys[2]);
    // "United States" does not begin "United Kingdom": two actors.
    let mut uk = claims[0].clone();
    uk.subject = Some("United Kingdom".to_string());
    let mut us = claims[1].clone();
    us.subject = Some("United States".to_string());
    let keys = sinew_analysis::claim_buckets(&[uk, us]);
    assert_ne!(keys[0], keys[1]);
    // "China" begins "China Mobile": a round share both state is no reason to read them
    // as one actor.
    let share = |subject: &'static str, at| {
        claim(&C {
            doc: "c",
            at,
            sentence: at / 1000,
            text: "5%",
            value: 5.0,
            kind: QuantityKind::Percent,
            unit: Some("percent"),
            subject: Some(subject),
            measure: "growth of revenue",
            ..BASE
        })
    };
    let keys = sinew_analysis::claim_buckets(&[share("China", 10), share("China Mobile", 2_010)]);
    assert_ne!(keys[0], keys[1]);
}

#[test]
fn a_level_since_a_day_is_not_one_over_a_closed_period() {
    // warming since 1990 and warming over 2015-2024, both of about 1 °C, in one article
    let degrees = C {
        doc: "a",
        kind: QuantityKind::Measure,
        unit: Some("°C"),
        measure: "°C",
        ..BASE
    };
    let claims = vec![
        claim(&C {
            at: 100,
            sentence: 0,
            text: "about 1.1°C",
            value: 1.1,
            time: Some((TimeKind::Range, "2015-01-01", "2024-12-31")),
            ..degrees
        }),
        claim(&C {
            at: 2100,
            sentence: 2,
            text: "around 1.1°C",
            value: 1.1,
            time: Some((TimeKind::Since, "1990-01-01", "1990-12-31")),
            ..degrees
        }),
    ];
    let groups = sinew_analysis::group_figures(&claims);
    assert_eq!(groups.len(), 2, "{groups:?}");
    // a running total since a day still takes later counts of itself (see
    // a_running_total_counted_on_different_days_is_one_figure)
}

#[test]
fn a_precise_amount_stated_twice_in_one_article_is_one_figure() {
    // a fee in a table row and again in the prose, its measure read two ways, no party
    let fee = C {
        doc: "a",
        kind: QuantityKind::Money,
        unit: Some("USD"),
        ..BASE
    };
    let claims = vec![
        claim(&C {
            at: 100,
            sentence: 0,
            text: "$48,712",
            value: 48712.0,
            measure: "unit cost",
            ..fee
        }),
        claim(&C {
            at: 5100,
            sentence: 5,
            text: "$48,712",
            value: 48712.0,
            measure: "nursing diploma",
            ..fee
        }),
        // a round amount may be two figures
        claim(&C {
            at: 6100,
            sentence: 6,
            text: "$500",
            value: 500.0,
            measure: "application fee",
            ..fee
        }),
        claim(&C {
            at: 7100,
            sentence: 7,
            text: "$500",
            value: 500.0,
            measure: "laptop allowance",
            ..fee
        }),
    ];
    let groups = sinew_analysis::group_figures(&claims);
    assert_eq!(groups.len(), 3, "{groups:?}");
    assert!(groups.iter().any(|g| g.members == vec![0, 1]), "{groups:?}");
}

#[test]
fn one_actors_figure_worded_apart_does_not_join_a_pairs_by_amount_alone() {
    let award = |doc: &'static str, object, measure: &'static str| {
        claim(&C {
            doc,
            text: "$5,000",
            value: 5000.0,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            subject: Some("Kelvin Studios"),
            object,
            measure,
            ..BASE
        })
    };
    // "Kelvin Studios awarded $5,000 of colour grading" and "Kelvin Studios granted Marta
    // Ilves $5,000 of sound design": equal amounts, two figures.
    let claims = vec![
        award("a", None, "value"),
        award("b", Some("Marta Ilves"), "sound design"),
    ];
    assert_eq!(
        build_ledger(&claims, &docs(&["a", "b"])).groups.len(),
        2,
        "{claims:#?}"
    );
    // Near-miss: the same pair at the same amount, one measure telling nothing ("value"), is
    // still one figure.
    let claims = vec![
        award("a", Some("Marta Ilves"), "value"),
        award("b", Some("Marta Ilves"), "sound design"),
    ];
    assert_eq!(build_ledger(&claims, &docs(&["a", "b"])).groups.len(), 1);
    // Near-miss: one actor's figure worded alike joins the pair's.
    let claims = vec![
        award("a", None, "sound design"),
        award("b", Some("Marta Ilves"), "sound design"),
    ];
    assert_eq!(build_ledger(&claims, &docs(&["a", "b"])).groups.len(), 1);
}
