//! Tests of grouping: the candidate index against trying every cluster, and the rules.

use chrono::NaiveDate;
use proptest::prelude::*;
use sinew_types::{Claim, DocId, Grain, MeasureKind, TimeExpr, TimeKind};

use super::{group_with, Offered};
use crate::synth::{generate, SynthConfig};

/// A number from a seed (SplitMix64).
fn next(seed: &mut u64) -> u64 {
    *seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *seed;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Synthetic claims bent the ways the index must survive: piled into few buckets (one
/// subject for most), values scaled across and right at the rules' ratios, negative, zero,
/// ranges, vague amounts, running totals, counterparts and times dropped, measures and
/// units reworded.
fn bent_claims(seed: u64, documents: usize) -> Vec<Claim> {
    let corpus = generate(&SynthConfig {
        seed,
        documents,
        ..SynthConfig::default()
    });
    let ids: Vec<DocId> = (0..corpus.documents.len())
        .map(|d| DocId(format!("d{d:04}")))
        .collect();
    let mut rng = seed ^ 0x1dea;
    let scales = [
        1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.01, 0.99, 2.999, 3.0, 3.001, 0.3334, 10.0, 0.1,
        49.9, 50.0, 50.1, 0.02, 1e6, -1.0, 0.0,
    ];
    let measures = [
        "exports",
        "exports of arms",
        "trade",
        "market share",
        "deliveries of shells",
        "value",
    ];
    let units = ["USD", "EUR", "percent", "shell"];
    let mut claims = corpus.claims(&ids);
    for c in &mut claims {
        let r = next(&mut rng);
        if !r.is_multiple_of(4) {
            c.subject = Some("Atlantis".to_string());
        }
        let r = next(&mut rng);
        let scale = scales[(r % scales.len() as u64) as usize];
        c.quantity.value *= scale;
        match (r >> 8) % 10 {
            0 => c.quantity.value_max = Some(c.quantity.value * 1.5),
            1 => c.quantity.vague = true,
            2 => c.kind = MeasureKind::Stock,
            _ => {}
        }
        let r = next(&mut rng);
        if r.is_multiple_of(5) {
            c.object = None;
        }
        match (r >> 8) % 6 {
            0 => c.time = None,
            1 | 2 => c.time = Some(period(&mut rng, c.time.as_ref(), c.sentence)),
            _ => {}
        }
        if (r >> 16).is_multiple_of(8) {
            c.measure = measures[((r >> 24) % measures.len() as u64) as usize].to_string();
        }
        if (r >> 32).is_multiple_of(16) {
            c.quantity.unit = Some(units[((r >> 40) % units.len() as u64) as usize].into());
        }
        // Figures with no actor, written to one to four digits: one figure's statements are
        // then the same amount rounded, or just not ("3.24" and "3.2", "3.24" and "3.3").
        let r = next(&mut rng);
        if r.is_multiple_of(3) {
            c.subject = None;
            c.object = None;
        }
        if c.subject.is_none() && c.object.is_none() && !(r >> 8).is_multiple_of(3) {
            round(c, 1 + ((r >> 16) % 4) as usize);
        }
    }
    claims
}

/// Writes `c`'s amount to `digits` significant digits, as a number and a power of ten of
/// scale ("3.24" for 3,241,000), with its value what the text says.
fn round(c: &mut Claim, digits: usize) {
    let value = c.quantity.value;
    if value == 0.0 || !value.is_finite() {
        return;
    }
    let power = value.abs().log10().floor() as i32;
    let decimals = digits - 1;
    let mantissa = value / 10f64.powi(power);
    let text = format!("{mantissa:.decimals$}");
    let Ok(written) = text.parse::<f64>() else {
        return;
    };
    c.quantity.text = format!("{text} units");
    c.quantity.value = written * 10f64.powi(power);
    c.quantity.value_max = c.quantity.value_max.map(|_| c.quantity.value * 1.5);
}

/// A period near `time`'s (its start moved by up to a year and a half either way), of a
/// length right at or across the rules' ratio from a year's, a quarter's, a month's or a
/// day's.
fn period(rng: &mut u64, time: Option<&TimeExpr>, span: sinew_types::Span) -> TimeExpr {
    let r = next(rng);
    let lengths = [
        1, 1, 2, 3, 7, 12, 13, 28, 31, 36, 37, 77, 78, 90, 92, 145, 146, 147, 365, 366, 913, 914,
    ];
    let length = lengths[(r % lengths.len() as u64) as usize];
    let at = time
        .and_then(|t| t.start_date)
        .or_else(|| NaiveDate::from_ymd_opt(2021, 1, 1));
    let shift = ((r >> 16) % 1096) as i64 - 548;
    let start = at.map(|d| d + chrono::Duration::days(shift));
    let end = start.map(|d| d + chrono::Duration::days(length as i64 - 1));
    TimeExpr {
        span,
        text: "then".to_string(),
        start_date: start,
        end_date: end,
        grain: if length == 1 {
            Grain::Day
        } else {
            Grain::Month
        },
        kind: TimeKind::Point,
        timex: None,
    }
}

/// One figure stated in three articles, the first two over periods that meet the third's
/// at an edge: ending on its first day, starting on its last, 2.5 times its length. The
/// index offers every cluster that accepts.
#[test]
fn the_candidate_index_offers_periods_that_meet_at_an_edge() {
    let base = bent_claims(7, 12)
        .into_iter()
        .find(|c| !c.quantity.vague && c.quantity.value > 0.0)
        .expect("a precise claim");
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let cases = [
        // (first's period, second's period)
        (
            (day(2022, 1, 1), day(2022, 4, 10)),
            (day(2022, 4, 10), day(2022, 6, 30)),
        ),
        (
            (day(2022, 6, 30), day(2022, 9, 1)),
            (day(2022, 4, 10), day(2022, 6, 30)),
        ),
        (
            (day(2022, 1, 1), day(2022, 1, 10)),
            (day(2022, 1, 1), day(2022, 1, 25)),
        ),
        (
            (day(2022, 1, 1), day(2022, 1, 25)),
            (day(2022, 1, 16), day(2022, 1, 25)),
        ),
        (
            (day(2022, 1, 1), day(2022, 1, 25)),
            (day(2022, 1, 25), day(2022, 2, 3)),
        ),
    ];
    for (a, b) in cases {
        let claims: Vec<Claim> = [a, b]
            .into_iter()
            .enumerate()
            .map(|(n, (start, end))| {
                let mut c = base.clone();
                c.doc = DocId(format!("edge{n}"));
                c.quantity.value_max = None;
                let mut t = period(&mut 1, None, c.sentence);
                t.start_date = start;
                t.end_date = end;
                c.time = Some(t);
                c
            })
            .collect();
        let mut offered = Offered::default();
        let groups = group_with(&claims, Some(&mut offered));
        assert_eq!(offered.missed, 0, "{a:?} {b:?}");
        assert_eq!(groups.len(), 1, "one figure: {a:?} {b:?}");
        assert_eq!(group_with(&claims, None), groups);
    }
}

/// A vague amount with no period ("millions of shells" handed over) may stand for a figure
/// whose measure kind extraction read otherwise (a flow for a running total): the index
/// offers it clusters of either kind.
#[test]
fn the_candidate_index_offers_vague_evidence_clusters_of_another_measure_kind() {
    let base = bent_claims(5, 12)
        .into_iter()
        .find(|c| !c.quantity.vague && c.quantity.value > 0.0 && c.subject.is_some())
        .expect("a precise claim with an actor");
    for (first, second) in [
        (MeasureKind::Flow, MeasureKind::Stock),
        (MeasureKind::Stock, MeasureKind::Flow),
    ] {
        let mut precise = base.clone();
        precise.doc = DocId("evidence0".to_string());
        precise.kind = first;
        precise.quantity.value_max = None;
        precise.time = Some(period(&mut 3, base.time.as_ref(), base.sentence));
        let mut vague = precise.clone();
        vague.doc = DocId("evidence1".to_string());
        vague.kind = second;
        vague.quantity.vague = true;
        vague.time = None;
        let claims = vec![precise, vague];
        let mut offered = Offered::default();
        let groups = group_with(&claims, Some(&mut offered));
        assert_eq!(offered.missed, 0, "{first:?} {second:?}");
        assert_eq!(groups.len(), 1, "one figure: {first:?} {second:?}");
        assert_eq!(group_with(&claims, None), groups);
    }
}

/// A claim that names no actor and has no time joins a cluster that names none only with a
/// member from its article: the index offers it the clusters its article's claims joined,
/// not only those they opened, and every cluster once one names an actor.
#[test]
fn the_candidate_index_offers_an_unnamed_undated_claim_its_articles_clusters() {
    let base = bent_claims(13, 12)
        .into_iter()
        .find(|c| !c.quantity.vague && c.time.is_some() && c.restates.is_none())
        .expect("a dated claim");
    let at = |doc: &str, sentence: usize, subject: Option<&str>, year: i32, dated: bool| {
        let mut c = base.clone();
        c.doc = DocId(doc.to_string());
        c.subject = subject.map(str::to_string);
        c.object = None;
        c.measure = "revenue".to_string();
        c.quantity.text = "$63,185".to_string();
        c.quantity.value = 63_185.0;
        c.quantity.value_max = None;
        c.quantity.unit = Some("USD".to_string());
        c.quantity.per = None;
        c.span = sinew_types::Span {
            start: sentence * 100 + 10,
            end: sentence * 100 + 17,
        };
        c.sentence = sinew_types::Span {
            start: sentence * 100,
            end: sentence * 100 + 90,
        };
        c.time = dated.then(|| {
            let mut t = period(&mut 1, None, c.sentence);
            t.start_date = NaiveDate::from_ymd_opt(year, 1, 1);
            t.end_date = NaiveDate::from_ymd_opt(year, 12, 31);
            t
        });
        c
    };
    // No actor: "b" joins the figure "a" opened, then "b"'s undated claim joins it too.
    let unnamed = vec![
        at("a", 0, None, 2021, true),
        at("b", 0, None, 2021, true),
        at("b", 1, None, 2021, false),
    ];
    // An actor's figure in two years; the article's unnamed restatement may join either.
    let named = vec![
        at("a", 0, Some("Atlantis"), 2021, true),
        at("a", 1, None, 2021, false),
        at("b", 0, Some("Atlantis"), 2024, true),
    ];
    for claims in [unnamed, named] {
        let mut offered = Offered::default();
        let groups = group_with(&claims, Some(&mut offered));
        assert_eq!(offered.missed, 0, "{offered:?}");
        assert!(offered.kept > 0, "{offered:?}");
        assert_eq!(group_with(&claims, None), groups);
    }
}

/// A dated claim that names no actor joins a cluster that names none only with a member from
/// its article or one stating its amount rounded: the index offers it those clusters (found
/// by value for each step the bucket's amounts have), and every cluster once one names an
/// actor.
#[test]
fn the_candidate_index_offers_a_dated_unnamed_claim_the_clusters_of_its_amount() {
    let base = bent_claims(17, 12)
        .into_iter()
        .find(|c| !c.quantity.vague && c.time.is_some() && c.restates.is_none())
        .expect("a dated claim");
    let at = |doc: &str, subject: Option<&str>, text: &str, value: f64| {
        let mut c = base.clone();
        c.doc = DocId(doc.to_string());
        c.subject = subject.map(str::to_string);
        c.object = None;
        c.measure = "revenue".to_string();
        c.quantity.text = text.to_string();
        c.quantity.value = value;
        c.quantity.value_max = None;
        c.quantity.unit = Some("USD".to_string());
        c.quantity.per = None;
        c.time = Some({
            let mut t = period(&mut 1, None, c.sentence);
            t.start_date = NaiveDate::from_ymd_opt(2021, 1, 1);
            t.end_date = NaiveDate::from_ymd_opt(2021, 12, 31);
            t
        });
        c
    };
    // Each amount in several articles, written to other precisions; some only close.
    let written = [
        ("$240 billion", 240e9),
        ("$240.1 billion", 240.1e9),
        ("$244.99 billion", 244.99e9),
        ("$235.0 billion", 235e9),
        ("$234.9 billion", 234.9e9),
        ("$2 trillion", 2e12),
        ("$2.5 trillion", 2.5e12),
        ("$1,940 billion", 1940e9),
        ("$3,499,999", 3_499_999.0),
        ("$3 million", 3e6),
        ("$3,500,001", 3_500_001.0),
        ("$-1.5 million", -1.5e6),
        ("$-1,520,000", -1.52e6),
        ("$0", 0.0),
        ("$-0", -0.0),
    ];
    let unnamed: Vec<Claim> = written
        .iter()
        .enumerate()
        .map(|(n, &(text, value))| at(&format!("d{n:02}"), None, text, value))
        .collect();
    let mut named = unnamed.clone();
    named.push(at("z", Some("Atlantis"), "$240 billion", 240e9));
    named.rotate_right(1);
    for claims in [unnamed, named] {
        let mut offered = Offered::default();
        let groups = group_with(&claims, Some(&mut offered));
        assert_eq!(offered.missed, 0, "{offered:?}");
        assert!(offered.kept > 3, "{offered:?}");
        assert_eq!(group_with(&claims, None), groups);
    }
}

/// Figures with no actor join only at the same amount to the precision written; the
/// clusters find such amounts by value (`Cluster::states_rounded`), and in tests check
/// that range against every member. Amounts right at half a step either way.
#[test]
fn amounts_the_same_to_rounding_are_found_in_the_clusters_value_range() {
    let base = bent_claims(11, 12)
        .into_iter()
        .find(|c| !c.quantity.vague && c.time.is_some())
        .expect("a dated claim");
    let written = [
        ("$240 billion", 240e9),
        ("$240.1 billion", 240.1e9),
        ("$245 billion", 245e9),
        ("$235.0 billion", 235e9),
        ("$244.99 billion", 244.99e9),
        ("$234.9 billion", 234.9e9),
        ("$2 trillion", 2e12),
        ("$2.5 trillion", 2.5e12),
        ("$1,940 billion", 1940e9),
        ("$3 million", 3e6),
        ("$3,499,999", 3_499_999.0),
        ("$3,500,001", 3_500_001.0),
        ("$0", 0.0),
        ("$-0", -0.0),
    ];
    let claims: Vec<Claim> = written
        .iter()
        .enumerate()
        .map(|(n, &(text, value))| {
            let mut c = base.clone();
            c.doc = DocId(format!("round{n}"));
            c.subject = None;
            c.object = None;
            c.measure = "revenue".to_string();
            c.restates = None;
            c.quantity.text = text.to_string();
            c.quantity.value = value;
            c.quantity.value_max = None;
            c.quantity.unit = Some("USD".to_string());
            c.quantity.per = None;
            c
        })
        .collect();
    let groups = group_with(&claims, None);
    let with = |n: usize| {
        groups
            .iter()
            .find(|g| g.members.contains(&n))
            .expect("every claim in a group")
    };
    // "$240.1 billion" is "$240 billion" rounded, "$2.5 trillion" may be "$2 trillion"
    // and "$3,499,999" "$3 million"; "$3,500,001" is not.
    assert!(with(0).members.contains(&1), "{groups:?}");
    assert!(with(6).members.contains(&7), "{groups:?}");
    assert!(with(9).members.contains(&10), "{groups:?}");
    assert!(!with(9).members.contains(&11), "{groups:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// The candidate index never keeps a claim from a cluster that would take it: grouping
    /// with it equals trying every open cluster of the bucket.
    #[test]
    fn the_candidate_index_groups_as_trying_every_cluster(seed in any::<u64>(), docs in 20usize..80) {
        let claims = bent_claims(seed, docs);
        let indexed = group_with(&claims, None);
        let mut offered = Offered::default();
        let exhaustive = group_with(&claims, Some(&mut offered));
        prop_assert!(offered.kept > 0, "claims join clusters: {offered:?}");
        prop_assert_eq!(offered.missed, 0, "{:?}", offered);
        prop_assert_eq!(indexed, exhaustive);
    }
}
