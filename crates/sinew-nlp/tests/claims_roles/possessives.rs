//! Possessives and demonyms: "Brazilian exports to China" (Brazil gives), "imports from X"
//! with the importer named earlier in the sentence, "N% of the goods that X imported came
//! from Y", "X's N employees". Near-miss: a possessive inside a prepositional phrase only
//! modifies its noun ("goods covered under the EU's list").

use super::{check, only, pair};

#[test]
fn a_demonym_before_a_noun_of_supply_gives() {
    check(&[(
        "Brazilian exports of soy to China reached $40 billion.",
        "$40 billion",
        pair("Brazil", "China"),
    )]);
}

#[test]
fn imports_from_x_go_to_the_other_party_of_the_sentence() {
    let text = "Japanese exports to Australia totalled $20 billion, while imports from \
                Australia reached $55 billion.";
    check(&[
        (text, "$20 billion", pair("Japan", "Australia")),
        (text, "$55 billion", pair("Australia", "Japan")),
    ]);
}

#[test]
fn a_share_of_what_x_imported_comes_from_y() {
    check(&[(
        "About 60% of the drones that Iran imported last year came from China.",
        "60%",
        pair("China", "Iran"),
    )]);
}

#[test]
fn a_possessive_in_a_prepositional_phrase_is_no_party() {
    check(&[(
        "About 75% of Serbia's imports of goods covered under the EU's sanctions list came \
         from Turkey.",
        "75%",
        pair("Turkey", "Serbia"),
    )]);
}

#[test]
fn a_possessive_right_before_a_figure_owns_it_inside_a_phrase_too() {
    check(&[(
        "Farm sales were a small part of Brazil's $80 billion trade with India.",
        "$80 billion",
        pair("Brazil", "India"),
    )]);
}

#[test]
fn a_company_possessive_owns_its_figure() {
    check(&[(
        "Heineken's 2,000 employees in Mexico brew beer.",
        "2,000 employees",
        only("Heineken"),
    )]);
}

#[test]
fn a_place_is_the_subject_only_when_nothing_else_is_named() {
    check(&[
        (
            "The average annual wage for a cleaner in the U.S. is $31,000.",
            "$31,000",
            only("United States"),
        ),
        // Near-miss: a demonym after "in" modifies a noun and names no place.
        (
            "Machine tools accounted for nearly 40% of the rise in Chinese high-tech sales in 2023.",
            "40%",
            (None, None),
        ),
    ]);
}

/// "Peru's copper exports rose to 2.4 million tonnes": a possessive or a demonym before the
/// goods and a noun of supply owns the flow, so a physical amount it reaches is no mere
/// attribute of the goods. Near-miss: the goods' amount with no owner keeps no party.
#[test]
fn a_possessive_before_goods_and_a_noun_of_supply_owns_the_flow() {
    check(&[
        (
            "Peru's copper exports rose to 2.4 million tonnes last year.",
            "2.4 million tonnes",
            only("Peru"),
        ),
        (
            "Chilean lithium carbonate exports reached 250,000 tonnes.",
            "250,000 tonnes",
            only("Chile"),
        ),
        (
            "Copper exports rose to 2.4 million tonnes last year.",
            "2.4 million tonnes",
            (None, None),
        ),
    ]);
}
