//! Claims: which figures become claims, and who they are about. Sentences written for these
//! tests, one rule each.

use sinew_nlp::annotate;
use sinew_types::{DocId, Modality};

fn claims(text: &str) -> Vec<(String, Option<String>, Option<String>, Modality)> {
    let doc = DocId("test".into());
    annotate(text, None, &doc)
        .claims
        .iter()
        .map(|c| {
            (
                text[c.span.start..c.span.end].to_string(),
                c.subject.clone(),
                c.object.clone(),
                c.modality,
            )
        })
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn parties_follow_the_roles_words_give_them() {
    let cases: &[(&str, &str, Option<String>, Option<String>)] = &[
        // The actor before a supply verb is the subject; "to X" is the recipient.
        (
            "Iran has sent about 400 drones to Russia since last year.",
            "400 drones",
            s("Iran"),
            s("Russia"),
        ),
        // A flow verb with the recipient right after it.
        (
            "Belarus supplied Russia with more than 2,000 trucks.",
            "2,000 trucks",
            s("Belarus"),
            s("Russia"),
        ),
        // "from X" is the source; a possessive before "imports" the recipient.
        (
            "Nearly 60% of India's imports of crude came from Russia.",
            "60%",
            s("Russia"),
            s("India"),
        ),
        // Trade "between" has no direction: a fixed order.
        (
            "Trade between Turkey and Germany reached $50 billion.",
            "$50 billion",
            s("Germany"),
            s("Turkey"),
        ),
        // A demonym before "exports" names the exporter even after "of".
        (
            "Oil makes up 70% of Russian exports to China.",
            "70%",
            s("Russia"),
            s("China"),
        ),
        // "in X" is a place, not a party.
        (
            "Chinese firms built 300 plants in Brazil.",
            "300 plants",
            s("China"),
            None,
        ),
        // A unit price describes a thing, not a relation.
        (
            "Beijing sells each drone to Moscow for less than $500 per unit.",
            "$500 per unit",
            None,
            None,
        ),
        // "the country" refers back to the last country named.
        (
            "Ukraine is short of shells. The country fired 6,000 shells per day in May.",
            "6,000 shells per day",
            s("Ukraine"),
            None,
        ),
    ];
    for (text, quote, subject, object) in cases {
        let got = claims(text);
        let hit = got
            .iter()
            .find(|c| c.0.contains(quote))
            .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}: {got:?}"));
        assert_eq!((&hit.1, &hit.2), (subject, object), "{text}");
    }
}

#[test]
fn vague_amounts_and_counts_in_words_are_claims_dates_and_calibres_are_not() {
    // Issue 14: a vague amount is a claim whose figure stays a vague range, never a point.
    let text = "Dozens of missiles and thousands of shells were sent in 2023, including 152 mm shells and two tanks.";
    let found: Vec<String> = claims(text).into_iter().map(|c| c.0).collect();
    assert_eq!(
        found,
        ["Dozens of missiles", "thousands of shells", "two tanks"]
    );
    let all = annotate(text, None, &DocId("test".into())).claims;
    assert!(all[0].quantity.vague && all[1].quantity.vague && !all[2].quantity.vague);
    assert!(all[..2].iter().all(|c| c.quantity.value_max.is_some()));
}

#[test]
fn ages_are_not_claims() {
    let text = "A 34-year-old Russian officer, 41 years old by now, sold 2,000 drones to Iran.";
    let found: Vec<String> = claims(text).into_iter().map(|c| c.0).collect();
    assert_eq!(found, ["2,000 drones"]);
}

#[test]
fn hedges_in_the_figure_clause_mark_it_hedged() {
    let got = claims("As many as 3 million shells may have been fired, officials said.");
    assert_eq!(got[0].3, Modality::Hedged);
    let got = claims("Russia fired 3 million shells, and more may follow.");
    assert_eq!(got[0].3, Modality::Asserted);
}

/// The claim stating `quote` in `text`, dated against `published`.
fn claim_for(text: &str, quote: &str) -> sinew_types::Claim {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    annotate(text, published, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains(quote))
        .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}"))
}

#[test]
fn a_time_across_another_figure_is_that_figures() {
    // "previous year" is the baseline of the 26.3% jump; "By 2023" dates the $240 billion.
    // (Time spans follow TIMEX3: the signal "By" outside, the determiner "the" inside.)
    let text =
        "By 2023, trade between China and Russia had reached a record level of $240 billion, \
                a 26.3% jump from the previous year.";
    let time = claim_for(text, "$240 billion").time.expect("dated");
    assert_eq!(time.text, "2023");
    assert_eq!(time.kind, sinew_types::TimeKind::Until);
    // The jump is measured from the previous year (its baseline) and is the change to 2023:
    // it takes the time of the level it follows (issue 14; the claim gold dates it 2023).
    assert_eq!(claim_for(text, "26.3%").time.expect("dated").text, "2023");
    // A time opening the sentence dates every figure in it.
    let text = "In 2023, China accounted for 37% of Russia's imports, and bilateral trade between \
                the two nations totaled $240 billion.";
    assert_eq!(
        claim_for(text, "$240 billion").time.expect("dated").text,
        "2023"
    );
}

#[test]
fn a_share_keeps_what_narrows_it() {
    let text = "Approximately 90% of Russia's imports of goods covered under the G7's high \
                priority export control list are from China.";
    let measure = claim_for(text, "90%").measure;
    assert!(measure.contains("high priority"), "{measure}");
    let text = "In 2023, China accounted for 37% of Russia's imports, and trade grew.";
    assert_eq!(claim_for(text, "37%").measure, "share of Russia's imports");
}

#[test]
fn companies_and_people_can_be_parties() {
    let cases: &[(&str, &str, Option<String>, Option<String>)] = &[
        // A company found by its shape is the subject under its own name.
        (
            "Korvelan Corporation shipped $2 billion of crude to India last year.",
            "$2 billion",
            s("Korvelan Corporation"),
            s("India"),
        ),
        // Its short form later is the same company.
        (
            "Sanctions hit Korvelan Corporation in May. Korvelan still sold \
             $300 million of fuel to Turkey.",
            "$300 million",
            s("Korvelan Corporation"),
            s("Turkey"),
        ),
        // A country can be the counterpart of a company.
        (
            "Turkey supplied Korvelan Corporation with $150 million of equipment.",
            "$150 million",
            s("Turkey"),
            s("Korvelan Corporation"),
        ),
        // A business person acts for themselves.
        (
            "Oleg Tarasov, a businessman, sold 40,000 rifles to Iran.",
            "40,000 rifles",
            s("Oleg Tarasov"),
            s("Iran"),
        ),
        // A minister acts for the state.
        (
            "Russian Defence Minister Oleg Tarasov sent 5,000 troops to Belarus.",
            "5,000 troops",
            s("Russia"),
            s("Belarus"),
        ),
    ];
    for (text, quote, subject, object) in cases {
        let got = claims(text);
        let c = got
            .iter()
            .find(|c| c.0 == *quote)
            .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}: {got:?}"));
        assert_eq!((&c.1, &c.2), (subject, object), "{text}");
    }
}
