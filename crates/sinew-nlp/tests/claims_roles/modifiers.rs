//! Parties named inside the figure's own noun phrases (`claims/modifiers.rs`): a demonym on
//! the goods after a noun of receipt gives; a noun of supply or receipt with an owner or
//! "from X to Y" makes a physical amount a flow; a demonym on what a sanctioning verb counts
//! is the target; "the purchases" refers to the sentence before's deed; a share of what a
//! state's name modifies is that state's. Each with the near-miss that must not change.

use super::{check, only, pair, Parties};

const NONE: Parties = (None, None);

#[test]
fn a_demonym_on_the_goods_after_a_noun_of_receipt_gives() {
    check(&[
        (
            "Turkish imports of Brazilian soybeans reached $740 million last year.",
            "$740 million",
            pair("Brazil", "Turkey"),
        ),
        (
            "Kenya's purchases of Indian tea rose to $95 million.",
            "$95 million",
            pair("India", "Kenya"),
        ),
        // Near-miss: goods with no demonym leave the giver unnamed.
        (
            "Turkish imports of soybeans reached $740 million.",
            "$740 million",
            (None, Some("Turkey".to_string())),
        ),
    ]);
}

#[test]
fn a_noun_of_flow_with_its_parties_makes_an_amount_a_flow() {
    check(&[
        (
            "Indian purchases of Russian coal rose to 12 million tonnes in 2023.",
            "12 million tonnes",
            pair("Russia", "India"),
        ),
        (
            "Shipments of cotton from Uzbekistan to Iran reached 4,500 tonnes in May.",
            "4,500 tonnes",
            pair("Uzbekistan", "Iran"),
        ),
        // Near-miss: an amount a place holds is its attribute.
        (
            "The warehouse in Uzbekistan holds 4,500 tonnes of cotton.",
            "4,500 tonnes",
            NONE,
        ),
    ]);
}

#[test]
fn a_demonym_on_what_a_sanctioning_verb_counts_is_the_target() {
    check(&[
        (
            "The United Kingdom added 14 Iranian companies to its sanctions list on Tuesday.",
            "14",
            pair("United Kingdom", "Iran"),
        ),
        (
            "Canada says it has blacklisted more than 90 Russian entities.",
            "90",
            pair("Canada", "Russia"),
        ),
        (
            "Japan has sanctioned 36 Chinese firms since March.",
            "36",
            pair("Japan", "China"),
        ),
        // Near-miss: with no sanctioning, a demonym on the counted noun is no target.
        (
            "The United Kingdom hired 14 Iranian engineers last year.",
            "14",
            only("United Kingdom"),
        ),
    ]);
}

#[test]
fn the_purchases_refer_to_the_deed_of_the_sentence_before() {
    check(&[
        (
            "Vietnam bought 2 million tonnes of Thai rice last year. The shipments were worth \
             $900 million.",
            "$900 million",
            pair("Thailand", "Vietnam"),
        ),
        (
            "Mexico sent 300 trucks of maize to Guatemala in June. The deliveries were worth \
             $12 million.",
            "$12 million",
            pair("Mexico", "Guatemala"),
        ),
        // Near-miss: a description that names no deed refers to none.
        (
            "Vietnam bought Thai rice last year. The harvest was worth $900 million.",
            "$900 million",
            NONE,
        ),
    ]);
}

#[test]
fn a_share_of_what_a_states_name_modifies_is_that_states() {
    check(&[
        (
            "Less than 3% of U.S. school buses were electric last year.",
            "3%",
            only("United States"),
        ),
        // An aside between dashes after the figure is passed over.
        (
            "Less than 2% – just over 900 – of U.S. fire trucks were electric last year.",
            "2%",
            only("United States"),
        ),
        // Near-miss: a demonym on a thing tells its origin only.
        (
            "About 30% of Brazilian coffee is of a high grade.",
            "30%",
            NONE,
        ),
    ]);
}

#[test]
fn of_the_figure_restates_it_and_its_parts_keep_its_parties() {
    let text = "Last year, trucks caused 14 percent of U.S. road deaths. Of the 14 percent, \
                heavy trucks accounted for 9 percent and vans for 3 percent.";
    // The restated "14 percent", the second in the text.
    let second = text.rfind("14 percent").unwrap();
    let c = sinew_nlp::annotate(text, None, &sinew_types::DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| c.span.start == second)
        .expect("a claim for the restated figure");
    assert_eq!((c.subject, c.object), only("United States"));
    check(&[
        (text, "14 percent", only("United States")),
        (text, "9 percent", only("United States")),
        (text, "3 percent", only("United States")),
    ]);
    // Near-miss: another amount after "Of the" restates nothing.
    let text = "Last year, trucks caused 14 percent of U.S. road deaths. Of the 30 drivers \
                surveyed, 40 percent said roads were worse.";
    check(&[(text, "40 percent", NONE)]);
}

#[test]
fn a_figure_said_by_an_organisations_officer_is_the_organisations() {
    check(&[
        (
            "Next year, the plan is to open another 40 stores, said Jane Roe, chief executive \
             of Kestrel Coffee.",
            "40 stores",
            only("Kestrel Coffee"),
        ),
        // Near-miss: an analyst at a firm speaks for no firm's figure.
        (
            "Next year, the market may grow another 4%, said Jane Roe, an analyst at Kestrel \
             Research.",
            "4%",
            NONE,
        ),
    ]);
}

#[test]
fn an_amount_of_a_states_goods_sent_to_another_moves_between_them() {
    check(&[
        (
            "A planned pipeline would carry up to 20 billion cubic metres of Kazakh gas a \
             year to Uzbekistan.",
            "20 billion cubic metres",
            pair("Kazakhstan", "Uzbekistan"),
        ),
        (
            "The new terminal will handle 3 million tonnes of Chilean copper a year bound \
             for ports in Peru.",
            "3 million tonnes",
            NONE,
        ),
    ]);
    // Near-miss: a demonym on people, not goods, names no origin.
    check(&[(
        "Ferries took 2,000 tonnes of aid and Nepali workers to India.",
        "2,000 tonnes",
        NONE,
    )]);
}
