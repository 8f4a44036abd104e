//! Which claims are one figure, and how many sources stand behind it: concept keys (lemma
//! class, measure kind, a missing counterpart, time window, currency), a figure restated in
//! another currency, running totals ordered by time (revisions and later, lower counts, with
//! their alerts), one-source groups, shared attributions and derivative digests.

use chrono::NaiveDate;
use sinew_analysis::{
    build_ledger, claim_bucket, claim_buckets, detect_alerts, Ledger, LedgerGroup, SourceDoc,
    Verdict,
};
use sinew_types::{AlertKind, Claim, DocId, MeasureKind, QuantityKind, SourceKind, Span, TimeKind};

use crate::{claim, BASE, C};

pub(crate) fn doc(id: &str, published: Option<&str>, kind: SourceKind) -> SourceDoc {
    SourceDoc {
        id: DocId(id.to_string()),
        name: format!("{id}.txt"),
        published: published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
        duplicate_of: None,
        kind,
    }
}

pub(crate) fn docs(ids: &[&str]) -> Vec<SourceDoc> {
    ids.iter()
        .map(|d| doc(d, None, SourceKind::Original))
        .collect()
}

pub(crate) const YEAR_2023: Option<(TimeKind, &str, &str)> =
    Some((TimeKind::Point, "2023-01-01", "2023-12-31"));

/// A money figure of China to Russia in 2023.
fn money(doc: &'static str, text: &'static str, value: f64, measure: &'static str) -> Claim {
    claim(&C {
        doc,
        text,
        value,
        kind: QuantityKind::Money,
        unit: Some("USD"),
        subject: Some("China"),
        object: Some("Russia"),
        measure,
        time: YEAR_2023,
        ..BASE
    })
}

/// A count of containers from North Korea to Russia since August 2023.
fn running(doc: &'static str, text: &'static str, value: f64, measure: &'static str) -> Claim {
    claim(&C {
        doc,
        text,
        value,
        kind: QuantityKind::Count,
        unit: Some("container"),
        subject: Some("North Korea"),
        object: Some("Russia"),
        measure,
        time: Some((TimeKind::Since, "2023-08-01", "2023-08-31")),
        ..BASE
    })
}

pub(crate) fn attributed(mut c: Claim, who: &str) -> Claim {
    c.attribution = Some(who.to_string());
    c
}

/// The group holding the claim of `doc` whose figure reads `text`.
pub(crate) fn group<'a>(
    ledger: &'a Ledger,
    claims: &[Claim],
    doc: &str,
    text: &str,
) -> &'a LedgerGroup {
    ledger
        .groups
        .iter()
        .find(|g| {
            g.claims.iter().any(|m| {
                let c = &claims[m.claim];
                c.doc.0 == doc && c.quantity.text == text
            })
        })
        .unwrap_or_else(|| panic!("no group holds {text:?} of {doc}"))
}

#[test]
fn verbs_of_one_movement_are_one_figure_and_exports_are_not_imports() {
    let claims = vec![
        running("a", "6,700 containers", 6_700.0, "containers shipped"),
        running("b", "6,800 containers", 6_800.0, "deliveries of containers"),
        running(
            "c",
            "about 6,700 containers",
            6_700.0,
            "transfers of containers",
        ),
        money("a", "$110 billion", 110e9, "Chinese exports"),
        money("b", "$111 billion", 111e9, "imports from China"),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b", "c"]));
    let shipped = group(&ledger, &claims, "a", "6,700 containers");
    assert_eq!(shipped.claims.len(), 3, "{}", shipped.explanation);
    let exports = group(&ledger, &claims, "a", "$110 billion");
    let imports = group(&ledger, &claims, "b", "$111 billion");
    assert_ne!(
        exports.id, imports.id,
        "exports and imports are two figures"
    );
}

#[test]
fn the_measure_kind_extraction_read_wins_over_the_words() {
    let pct = |doc: &'static str, measure: &'static str, kind: MeasureKind| {
        let mut c = claim(&C {
            doc,
            text: "26.3%",
            value: 26.3,
            kind: QuantityKind::Percent,
            unit: Some("percent"),
            subject: Some("China"),
            object: Some("Russia"),
            measure,
            time: YEAR_2023,
            ..BASE
        });
        c.kind = kind;
        c
    };
    // "share" is what the words say; the clause said it grew by 26.3%.
    let claims = vec![
        pct("a", "share", MeasureKind::Change),
        pct("b", "growth", MeasureKind::Other),
        pct("c", "share of Russia's imports", MeasureKind::Share),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b", "c"]));
    let growth = group(&ledger, &claims, "a", "26.3%");
    assert_eq!(growth.concept.as_str(), "change");
    assert_eq!(growth.claims.len(), 2, "{}", growth.explanation);
    let share = group(&ledger, &claims, "c", "26.3%");
    assert_ne!(share.id, growth.id, "a share is not a growth rate");
}

#[test]
fn a_missing_counterpart_joins_the_figure_and_a_named_other_one_does_not() {
    let mut no_object = money("b", "$240.1 billion", 240.1e9, "China-Russia trade");
    no_object.object = None;
    let mut india = money("c", "$240 billion", 240e9, "trade with India");
    india.object = Some("India".into());
    let claims = vec![
        money("a", "$240 billion", 240e9, "trade between China and Russia"),
        no_object,
        india,
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b", "c"]));
    let trade = group(&ledger, &claims, "a", "$240 billion");
    assert_eq!(trade.claims.len(), 2, "{}", trade.explanation);
    assert_eq!(trade.object.as_deref(), Some("Russia"));
    assert_eq!(trade.verdict, Verdict::Agree);
    let other = group(&ledger, &claims, "c", "$240 billion");
    assert_ne!(other.id, trade.id);
}

#[test]
fn a_year_and_a_month_are_different_windows() {
    let mut december = money("b", "$240 billion", 240e9, "bilateral trade");
    december.time = Some(sinew_types::TimeExpr {
        span: Span::new(200, 213),
        text: "December 2023".into(),
        start_date: NaiveDate::from_ymd_opt(2023, 12, 1),
        end_date: NaiveDate::from_ymd_opt(2023, 12, 31),
        grain: sinew_types::Grain::Month,
        kind: TimeKind::Point,
        timex: None,
    });
    let claims = vec![
        money("a", "$240 billion", 240e9, "bilateral trade"),
        december,
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b"]));
    assert_eq!(ledger.groups.len(), 2, "{:?}", ledger.groups);
}

#[test]
fn a_figure_restated_in_another_currency_is_one_statement() {
    // "600 million dollars (about 561 million euros)" in a, "$600 million" in b.
    let dollars = money("a", "600 million dollars", 600e6, "dual-use exports");
    let mut euros = claim(&C {
        doc: "a",
        at: 30,
        text: "about 561 million euros",
        value: 561e6,
        kind: QuantityKind::Money,
        unit: Some("EUR"),
        subject: Some("China"),
        object: Some("Russia"),
        measure: "dual-use exports",
        time: YEAR_2023,
        ..BASE
    });
    euros.restates = Some(dollars.span);
    let claims = vec![
        dollars,
        euros,
        money("b", "$600 million", 600e6, "dual-use exports"),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b"]));
    assert_eq!(ledger.groups.len(), 1, "{:?}", ledger.groups);
    let g = &ledger.groups[0];
    assert_eq!(g.unit.as_deref(), Some("USD"), "the statements' unit");
    assert_eq!(
        (g.verdict, g.sources),
        (Verdict::Agree, 2),
        "{}",
        g.explanation
    );
    let note = &g
        .claims
        .iter()
        .find(|m| claims[m.claim].quantity.text == "about 561 million euros")
        .expect("the euro figure is shown")
        .note;
    assert!(note.contains("restates 600 million dollars"), "{note}");

    // Alone, the two currencies are one statement of one source.
    let alone = build_ledger(&claims[..2], &docs(&["a"]));
    assert_eq!(alone.groups.len(), 1);
    assert_eq!(alone.groups[0].verdict, Verdict::Single);

    // Without `restates`, a euro figure is no dollar figure: two groups.
    let mut plain = claims.clone();
    plain[1].restates = None;
    assert_eq!(build_ledger(&plain, &docs(&["a", "b"])).groups.len(), 2);
}

#[test]
fn a_figure_restated_in_another_unit_or_rate_joins_its_group_across_buckets() {
    // "about 107 million tonnes, or roughly 2.1 million barrels a day", and a report of the
    // barrels alone elsewhere: the bucket keys by unit and rate, but the restatement is one
    // statement of the figure it restates.
    let tonnes = claim(&C {
        doc: "a",
        text: "about 107 million tonnes",
        value: 107e6,
        kind: QuantityKind::Measure,
        unit: Some("t"),
        subject: Some("Russia"),
        object: Some("China"),
        measure: "crude oil",
        time: YEAR_2023,
        ..BASE
    });
    let mut barrels = claim(&C {
        doc: "a",
        at: 40,
        text: "roughly 2.1 million barrels a day",
        value: 2.1e6,
        kind: QuantityKind::Measure,
        unit: Some("bbl"),
        per: Some("day"),
        subject: Some("Russia"),
        object: Some("China"),
        measure: "crude oil",
        time: YEAR_2023,
        ..BASE
    });
    barrels.restates = Some(tonnes.span);
    let claims = vec![tonnes, barrels];
    assert_ne!(
        claim_bucket(&claims[0]),
        claim_bucket(&claims[1]),
        "on their own, other buckets"
    );
    let keys = claim_buckets(&claims);
    assert_eq!(keys[0], keys[1], "read together, one bucket");
    let ledger = build_ledger(&claims, &docs(&["a"]));
    assert_eq!(ledger.groups.len(), 1, "{:?}", ledger.groups);
    assert_eq!(
        ledger.groups[0].unit.as_deref(),
        Some("t"),
        "the head's unit"
    );

    // Without `restates`, two figures in two groups.
    let mut plain = claims.clone();
    plain[1].restates = None;
    let keys = claim_buckets(&plain);
    assert_ne!(keys[0], keys[1]);
    assert_eq!(build_ledger(&plain, &docs(&["a"])).groups.len(), 2);
}

#[test]
fn a_precise_figure_stated_again_without_its_parties_is_one_figure() {
    // "Peru's copper exports to China reached $12,345 million ... Of the $12,345 million,
    // ...": the second statement names no party but states the same amount in the same
    // words, in another sentence of the same article.
    let named = money("a", "$12,345 million", 12_345e6, "copper exports");
    let mut again = claim(&C {
        doc: "a",
        at: 200,
        sentence: 1,
        text: "$12,345 million",
        value: 12_345e6,
        kind: QuantityKind::Money,
        unit: Some("USD"),
        measure: "copper exports",
        time: YEAR_2023,
        ..BASE
    });
    again.sentence = Span::new(150, 260);
    let claims = vec![named.clone(), again.clone()];
    let keys = claim_buckets(&claims);
    assert_eq!(keys[0], keys[1]);
    assert_eq!(build_ledger(&claims, &docs(&["a"])).groups.len(), 1);
    // Near-misses: a round amount ("$12 million") may be many figures in one article, and
    // the same words in another article are no restatement.
    let round = |c: &Claim| {
        let mut c = c.clone();
        c.quantity.text = "$12 million".to_string();
        c.quantity.value = 12e6;
        c
    };
    let keys = claim_buckets(&[round(&named), round(&again)]);
    assert_ne!(keys[0], keys[1]);
    let mut elsewhere = again.clone();
    elsewhere.doc = DocId("b".to_string());
    let keys = claim_buckets(&[named, elsewhere]);
    assert_ne!(keys[0], keys[1]);
}

#[test]
fn a_price_written_to_its_decimals_stated_again_without_its_parties_is_one_figure() {
    // "Acme charges $0.004 per minute for hosted runners ... at $0.004 per minute, a
    // thousand minutes cost $4": a decimal written to the thousandth is precise, though it
    // has one significant digit. "0.25%" twice in one article may be two figures.
    let price = |at: usize, sentence: usize, text: &'static str, value, subject| {
        let mut c = claim(&C {
            doc: "a",
            at,
            sentence,
            text,
            value,
            kind: QuantityKind::Money,
            unit: Some("USD"),
            per: Some("minute"),
            subject,
            measure: "hosted runner price",
            ..BASE
        });
        c.sentence = Span::new(sentence * 1000, sentence * 1000 + 999);
        c
    };
    let claims = vec![
        price(10, 0, "$0.004", 0.004, Some("Acme")),
        price(1_010, 1, "$0.004", 0.004, None),
    ];
    let keys = claim_buckets(&claims);
    assert_eq!(keys[0], keys[1]);
    assert_eq!(build_ledger(&claims, &docs(&["a"])).groups.len(), 1);
    let rate = |at, sentence, subject| {
        let mut c = price(at, sentence, "0.25%", 0.25, subject);
        c.quantity.kind = QuantityKind::Percent;
        c.quantity.unit = Some("percent".to_string());
        c.quantity.per = None;
        c
    };
    let keys = claim_buckets(&[rate(10, 0, Some("Acme")), rate(1_010, 1, None)]);
    assert_ne!(keys[0], keys[1]);
}

#[test]
fn a_restatement_of_a_figure_stated_again_without_its_parties_lands_in_its_group() {
    // "Peru's copper exports to China reached $12,345 million ... Of the $12,345 million
    // (about 11,400 million euros), ...": the euro figure restates the second statement,
    // which names no party and joins the first. All three are one figure, and none of them
    // falls out of the ledger.
    let named = money("a", "$12,345 million", 12_345e6, "copper exports");
    let mut again = claim(&C {
        doc: "a",
        at: 200,
        sentence: 1,
        text: "$12,345 million",
        value: 12_345e6,
        kind: QuantityKind::Money,
        unit: Some("USD"),
        measure: "copper exports",
        time: YEAR_2023,
        ..BASE
    });
    again.sentence = Span::new(150, 300);
    let mut euros = claim(&C {
        doc: "a",
        at: 222,
        sentence: 1,
        text: "about 11,400 million euros",
        value: 11_400e6,
        kind: QuantityKind::Money,
        unit: Some("EUR"),
        measure: "copper exports",
        time: YEAR_2023,
        ..BASE
    });
    euros.sentence = again.sentence;
    euros.restates = Some(again.span);
    let claims = vec![named, again, euros];
    let keys = claim_buckets(&claims);
    assert!(keys.iter().all(|k| k == &keys[0]), "one bucket: {keys:?}");
    let ledger = build_ledger(&claims, &docs(&["a"]));
    let mut members: Vec<usize> = ledger
        .groups
        .iter()
        .flat_map(|g| g.claims.iter().map(|m| m.claim))
        .collect();
    members.sort_unstable();
    assert_eq!(members, vec![0, 1, 2], "each claim in exactly one group");
    assert_eq!(ledger.groups.len(), 1, "{:?}", ledger.groups);
}

#[test]
fn two_voices_in_one_sentence_may_state_one_figure() {
    // "The ministry put the total at 10,000 containers, while the agency estimated that
    // 6,700 had been shipped": one running total, two voices.
    let at = |text: &'static str, value: f64, pos: usize| {
        let mut c = running("a", text, value, "shipments of containers");
        c.span = Span::new(pos, pos + text.len());
        c.quantity.span = c.span;
        c.sentence = Span::new(0, 200);
        c
    };
    let claims = vec![
        attributed(at("10,000 containers", 10_000.0, 20), "the ministry"),
        attributed(at("6,700 containers", 6_700.0, 120), "the agency"),
    ];
    let ledger = build_ledger(&claims, &docs(&["a"]));
    assert_eq!(ledger.groups.len(), 1, "{:?}", ledger.groups);
    // Near-miss: one voice stating two amounts in one sentence states two figures.
    let one_voice = vec![
        attributed(at("10,000 containers", 10_000.0, 20), "the ministry"),
        attributed(at("6,700 containers", 6_700.0, 120), "the ministry"),
    ];
    assert_eq!(build_ledger(&one_voice, &docs(&["a"])).groups.len(), 2);
}

#[test]
fn one_source_is_single_however_often_it_says_it() {
    let one = vec![money("a", "$240 billion", 240e9, "bilateral trade")];
    let g = &build_ledger(&one, &docs(&["a"])).groups[0];
    assert_eq!((g.verdict, g.sources), (Verdict::Single, 1));
    assert_eq!(Verdict::parse("single"), Some(Verdict::Single));

    // Two articles repeating the ministry's figure are one voice.
    let echoed = vec![
        attributed(
            money("a", "$240 billion", 240e9, "bilateral trade"),
            "the Ministry of Commerce",
        ),
        attributed(
            money("b", "$240.1 billion", 240.1e9, "bilateral trade"),
            "China's Ministry of Commerce",
        ),
    ];
    let g = &build_ledger(&echoed, &docs(&["a", "b"])).groups[0];
    assert_eq!(
        (g.verdict, g.sources),
        (Verdict::Single, 1),
        "{}",
        g.explanation
    );

    // Two voices agree.
    let two = vec![
        attributed(
            money("a", "$240 billion", 240e9, "bilateral trade"),
            "Chinese customs",
        ),
        attributed(
            money("b", "$240.1 billion", 240.1e9, "bilateral trade"),
            "Russian customs",
        ),
    ];
    let g = &build_ledger(&two, &docs(&["a", "b"])).groups[0];
    assert_eq!(
        (g.verdict, g.sources),
        (Verdict::Agree, 2),
        "{}",
        g.explanation
    );

    // An article that gives the customs figure and repeats it unattributed is one source;
    // another article citing customs adds none.
    let repeated = vec![
        attributed(
            money("a", "$240 billion", 240e9, "bilateral trade"),
            "Chinese customs",
        ),
        claim(&C {
            at: 50,
            sentence: 1,
            ..C {
                doc: "a",
                text: "$240.1 billion",
                value: 240.1e9,
                kind: QuantityKind::Money,
                unit: Some("USD"),
                subject: Some("China"),
                object: Some("Russia"),
                measure: "bilateral trade",
                time: YEAR_2023,
                ..BASE
            }
        }),
        attributed(
            money("b", "$240 billion", 240e9, "bilateral trade"),
            "Chinese customs",
        ),
    ];
    let g = &build_ledger(&repeated, &docs(&["a", "b"])).groups[0];
    assert_eq!(
        (g.verdict, g.sources),
        (Verdict::Single, 1),
        "{}",
        g.explanation
    );

    // One source giving two values in two articles says nothing about which is right.
    let torn = vec![
        attributed(
            money("a", "$240 billion", 240e9, "bilateral trade"),
            "Chinese customs",
        ),
        attributed(
            money("b", "$300 billion", 300e9, "bilateral trade"),
            "Chinese customs",
        ),
    ];
    let g = &build_ledger(&torn, &docs(&["a", "b"])).groups[0];
    assert_eq!(g.verdict, Verdict::Single, "{}", g.explanation);
    assert_eq!(g.consensus.value, None);
    // In one article, one voice giving two amounts in the same words gives two figures
    // (`one_voice_in_one_article_states_a_figure_once`).
}

#[test]
fn a_derivative_digest_never_makes_agreement_or_conflict_alone() {
    let sources = vec![
        doc("a", None, SourceKind::Original),
        doc("d", None, SourceKind::Derivative),
        doc("e", None, SourceKind::Derivative),
    ];
    let agreeing = vec![
        money("a", "$240 billion", 240e9, "bilateral trade"),
        money("d", "$240.1 billion", 240.1e9, "bilateral trade"),
    ];
    let g = &build_ledger(&agreeing, &sources).groups[0];
    assert_eq!(
        (g.verdict, g.sources),
        (Verdict::Single, 1),
        "{}",
        g.explanation
    );

    let contradicting = vec![
        money("a", "$240 billion", 240e9, "bilateral trade"),
        money("d", "$300 billion", 300e9, "bilateral trade"),
    ];
    let ledger = build_ledger(&contradicting, &sources);
    let g = group(&ledger, &contradicting, "a", "$240 billion");
    assert_eq!(g.verdict, Verdict::Single, "{}", g.explanation);
    let note = &g
        .claims
        .iter()
        .find(|m| contradicting[m.claim].doc.0 == "d")
        .unwrap()
        .note;
    assert!(
        note.contains("derivative digest") && note.contains("fits no"),
        "{note}"
    );

    // Digests alone: all of them together are one source.
    let digests = vec![
        money("d", "$240 billion", 240e9, "bilateral trade"),
        money("e", "$240.1 billion", 240.1e9, "bilateral trade"),
    ];
    let g = &build_ledger(&digests, &sources).groups[0];
    assert_eq!(g.verdict, Verdict::Single, "{}", g.explanation);
}

#[test]
fn running_totals_are_ordered_by_time_not_size() {
    let dated = |d: &str, p: &str| doc(d, Some(p), SourceKind::Original);
    // Growth in time order: an update, latest last.
    let growing = vec![
        running("a", "6,700 containers", 6_700.0, "shipments of containers"),
        running(
            "b",
            "10,000 containers",
            10_000.0,
            "shipments of containers",
        ),
    ];
    let sources = vec![dated("a", "2024-01-10"), dated("b", "2024-03-10")];
    let g = &build_ledger(&growing, &sources).groups[0];
    assert_eq!(g.verdict, Verdict::Update, "{}", g.explanation);
    assert_eq!(g.revised, None);

    // The same counts published the other way round: the later one is lower. From another
    // source that is a conflict, and the reason says so.
    let sources = vec![dated("a", "2024-03-10"), dated("b", "2024-01-10")];
    let g = &build_ledger(&growing, &sources).groups[0];
    assert_eq!(g.verdict, Verdict::Conflict, "{}", g.explanation);
    assert!(
        g.explanation
            .contains("later report gives a lower running total"),
        "{}",
        g.explanation
    );
    let r = g.revised.expect("recorded");
    assert!(!r.same_source);
    assert_eq!(growing[g.claims[r.later].claim].doc.0, "a");

    // From the same source (one attribution in both articles), a revision: the later count
    // stands.
    let revised = vec![
        attributed(growing[0].clone(), "US State Department"),
        attributed(growing[1].clone(), "the State Department"),
    ];
    let g = &build_ledger(&revised, &sources).groups[0];
    assert_eq!(g.verdict, Verdict::Update, "{}", g.explanation);
    assert!(
        g.explanation.contains("revised down by its own source"),
        "{}",
        g.explanation
    );
    assert_eq!(g.consensus.value, Some(6_700.0));
    assert!(g.revised.expect("recorded").same_source);
}

#[test]
fn a_later_lower_running_total_raises_a_revision_alert() {
    let dated = |d: &str, p: &str| doc(d, Some(p), SourceKind::Original);
    let sources = vec![
        dated("a", "2024-01-10"),
        dated("b", "2024-03-10"),
        dated("c", "2024-03-12"),
    ];
    let standing = vec![attributed(
        running(
            "a",
            "over 10,000 containers",
            10_000.0,
            "deliveries of containers",
        ),
        "US State Department",
    )];
    let before = build_ledger(&standing, &sources);
    let key = before.groups[0].id.clone();

    // Another source, later, lower: a revision alert saying it contradicts; no conflict
    // alert besides it for the same document and figure.
    let mut claims = standing.clone();
    claims.push(attributed(
        running("b", "6,700 containers", 6_700.0, "deliveries of containers"),
        "South Korean intelligence",
    ));
    let alerts = detect_alerts(&claims, &sources, &[DocId("b".into())]);
    let figure: Vec<_> = alerts.iter().filter(|a| a.key == key).collect();
    assert_eq!(figure.len(), 1, "{alerts:?}");
    assert_eq!(figure[0].kind, AlertKind::Revision);
    assert!(
        figure[0].message.contains("another source contradicts"),
        "{}",
        figure[0].message
    );
    assert!(
        figure[0].message.contains("6,700 containers"),
        "{}",
        figure[0].message
    );

    // The same source revising itself says so.
    let mut claims = standing.clone();
    claims.push(attributed(
        running("c", "9,500 containers", 9_500.0, "deliveries of containers"),
        "State Department",
    ));
    let alerts = detect_alerts(&claims, &sources, &[DocId("c".into())]);
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(
        (alerts[0].kind, alerts[0].key.as_str()),
        (AlertKind::Revision, key.as_str())
    );
    assert!(
        alerts[0].message.contains("same source revises"),
        "{}",
        alerts[0].message
    );
    assert_eq!(AlertKind::parse("revision"), Some(AlertKind::Revision));

    // Growth raises none.
    let mut claims = standing;
    claims.push(running(
        "c",
        "11,000 containers",
        11_000.0,
        "deliveries of containers",
    ));
    let alerts = detect_alerts(&claims, &sources, &[DocId("c".into())]);
    assert!(
        alerts.iter().all(|a| a.kind != AlertKind::Revision),
        "{alerts:?}"
    );
}

/// A percentage that names no actor, as business pages print them.
fn actorless(
    doc: &'static str,
    text: &'static str,
    value: f64,
    measure: &'static str,
    time: Option<(TimeKind, &'static str, &'static str)>,
) -> Claim {
    claim(&C {
        doc,
        text,
        value,
        kind: QuantityKind::Percent,
        unit: Some("percent"),
        subject: None,
        object: None,
        measure,
        time,
        ..BASE
    })
}

#[test]
fn figures_without_actors_join_across_articles_only_when_dated_and_worded_alike() {
    let claims = vec![
        // Two pages, two unrelated 12% figures: the amount alone is no reason to join.
        actorless("a", "12%", 12.0, "share of respondents using video", None),
        actorless("b", "12%", 12.0, "growth of home prices", None),
        // The same measure in the same year on two pages: one figure.
        actorless("a", "3.4%", 3.4, "annual inflation rate", YEAR_2023),
        actorless("b", "3.4 percent", 3.4, "annual inflation rate", YEAR_2023),
        // The same words without a date: cannot tell, kept apart.
        actorless("a", "7%", 7.0, "mortgage rates", None),
        actorless("c", "7 percent", 7.0, "mortgage rates", None),
    ];
    let ledger = build_ledger(&claims, &docs(&["a", "b", "c"]));
    let respondents = group(&ledger, &claims, "a", "12%");
    assert_eq!(respondents.claims.len(), 1, "{}", respondents.explanation);
    let inflation = group(&ledger, &claims, "a", "3.4%");
    assert_eq!(inflation.claims.len(), 2, "{}", inflation.explanation);
    let mortgages = group(&ledger, &claims, "a", "7%");
    assert_eq!(mortgages.claims.len(), 1, "{}", mortgages.explanation);
}
