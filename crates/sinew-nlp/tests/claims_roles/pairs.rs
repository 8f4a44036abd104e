//! Undirected pairs: "between A and B", "A-B trade", and "the two countries", "the two
//! sides", "bilateral" resolved to the last two states named (named in a fixed order). Near-
//! misses: a directed flow keeps its direction when "the two countries" is only said, and a
//! pair named in an earlier sentence does not replace the parties a sentence names.

use super::{check, only, pair};

#[test]
fn a_hyphenated_pair_names_both_parties() {
    check(&[(
        "Brazil-Argentina trade reached $30 billion in 2023.",
        "$30 billion",
        pair("Argentina", "Brazil"),
    )]);
}

#[test]
fn the_two_countries_are_the_last_two_named() {
    check(&[
        (
            "Indian Prime Minister Narendra Modi met President Vladimir Putin in Moscow. \
             Trade between the two countries reached $65 billion last year.",
            "$65 billion",
            pair("India", "Russia"),
        ),
        (
            "Vietnam and Japan signed a deal. Bilateral trade grew to $12 billion.",
            "$12 billion",
            pair("Japan", "Vietnam"),
        ),
        (
            "Turkey and Iran aim to raise trade. Trade reached $8 billion, short of the \
             $30 billion goal the two sides had set.",
            "$30 billion",
            pair("Iran", "Turkey"),
        ),
        // Near-miss: the sentence names a directed flow; "the two countries" only says who
        // said so.
        (
            "Russia shipped 100 tanks to Belarus, the two countries said.",
            "100 tanks",
            pair("Russia", "Belarus"),
        ),
        // Near-miss: no phrase refers back, so the earlier pair stays out.
        (
            "France and Germany met. Spain exported $5 billion of wine to Italy.",
            "$5 billion",
            pair("Spain", "Italy"),
        ),
    ]);
}

#[test]
fn a_state_named_as_a_place_is_not_one_of_the_two() {
    check(&[(
        "Egyptian President Abdel Fattah al-Sisi ended a visit to Turkey, his first since the \
         war in Sudan, after talks with President Recep Tayyip Erdogan. Trade between the two \
         countries reached $9 billion last year.",
        "$9 billion",
        pair("Egypt", "Turkey"),
    )]);
}

#[test]
fn a_dateline_is_no_party() {
    check(&[
        (
            "CAIRO - Kenya sold 20,000 tonnes of tea to Pakistan last month.",
            "20,000 tonnes",
            pair("Kenya", "Pakistan"),
        ),
        // The agency and the date of a dateline are no party either.
        (
            "NAIROBI (Reuters) - The World Bank approved 40 new projects in Kenya, officials \
             said.",
            "40 new projects",
            only("World Bank"),
        ),
        (
            "Lima, March 3 - Chile sold $2 billion of copper to Peru last year.",
            "$2 billion",
            pair("Chile", "Peru"),
        ),
    ]);
}

#[test]
fn a_sanctions_count_is_against_the_target_named_with_the_sanctions() {
    let text = "Canada imposed new sanctions against Iran on Tuesday. The measures target \
                banks and shipping firms. Canada has now listed more than 300 firms under \
                its sanctions.";
    check(&[
        (
            "Japan imposed sanctions on Venezuela, adding 45 officials to its list.",
            "45 officials",
            pair("Japan", "Venezuela"),
        ),
        (text, "more than 300 firms", pair("Canada", "Iran")),
        // Near-miss: with no sanctions in its sentence, a count names no target.
        (
            "Canada imposed new sanctions against Iran on Tuesday. Canada hired 300 new \
             border agents.",
            "300 new border agents",
            only("Canada"),
        ),
    ]);
}

#[test]
fn a_sanctions_count_far_from_its_target_takes_the_target_of_the_lead() {
    let text = "LONDON - Britain imposed sanctions on Iran on Monday over its drone exports. \
                Officials said more listings would follow. Ministers met in the afternoon. \
                Trade groups were consulted. Shipping firms were warned. Britain has now \
                imposed 9 rounds of sanctions since 2022. In Ottawa, Prime Minister Mark \
                Carney announced 120 new sanctions on the same day.";
    check(&[
        (text, "9 rounds", pair("United Kingdom", "Iran")),
        // The imposer is the state of the place a speaker announces them in.
        (text, "120 new sanctions", pair("Canada", "Iran")),
    ]);
    // Near-miss: a lead that names sanctions but no target gives none.
    let text = "LONDON - Britain imposed new sanctions on Monday over drone exports. \
                Officials said more listings would follow. Ministers met in the afternoon. \
                Trade groups were consulted. Shipping firms were warned. Britain has now \
                imposed 9 rounds of sanctions since 2022.";
    check(&[(text, "9 rounds", only("United Kingdom"))]);
}

/// "between the EU and Peru": the article before the first name does not hide the pair.
#[test]
fn between_the_first_and_the_second_is_a_pair() {
    let (s, o) = super::parties(
        "Total trade between the EU and Peru stood at 19 billion euros in 2023.",
        "19 billion euros",
    );
    let mut got = [s, o];
    got.sort();
    assert_eq!(
        got,
        [Some("European Union".to_string()), Some("Peru".to_string())]
    );
}
