//! Clause boundaries: a figure's parties come from its own clause. A clause after a
//! semicolon, "while" or "and" that names its own getter does not borrow the giver of the
//! clause before; the goods' demonym ("of Russian oil") names where they come from. Near-
//! misses: a clause that leaves its giver out ("exports to Russia") still continues the
//! paragraph, and a demonym outside a verb of receipt names no party.

use super::{check, only, pair};

#[test]
fn a_new_clause_keeps_its_own_parties() {
    check(&[
        (
            "Brazil lent Argentina $3 billion last year; Turkey bought 400,000 barrels of Iraqi oil a day.",
            "400,000 barrels",
            pair("Iraq", "Turkey"),
        ),
        (
            "Brazil lent Argentina $3 billion last year; Turkey bought 400,000 barrels of Iraqi oil a day.",
            "$3 billion",
            pair("Brazil", "Argentina"),
        ),
        (
            "Japan lent Indonesia $2 billion in March, while Vietnam imported 3 million tonnes of Thai rice.",
            "3 million tonnes",
            pair("Thailand", "Vietnam"),
        ),
        (
            "Germany sold Poland 40 tanks and Egypt bought 12 fighter jets.",
            "12 fighter jets",
            (None, Some("Egypt".to_string())),
        ),
    ]);
}

#[test]
fn the_goods_demonym_gives_only_to_a_verb_of_receipt() {
    check(&[
        (
            "Pakistan purchased 500,000 tonnes of Ukrainian wheat in 2023.",
            "500,000 tonnes",
            pair("Ukraine", "Pakistan"),
        ),
        // A giver after "from" wins over the goods' origin.
        (
            "Kenya imported 200,000 tonnes of Russian fertiliser from Turkey.",
            "200,000 tonnes",
            pair("Turkey", "Kenya"),
        ),
        // Near-miss: no verb of receipt, no party from the demonym.
        (
            "Prices of 40,000 tonnes of Russian wheat fell sharply.",
            "40,000 tonnes",
            (None, None),
        ),
    ]);
}

#[test]
fn a_clause_that_leaves_its_giver_out_continues_the_paragraph() {
    check(&[(
        "Mexico exported $9 billion of cars last year. Shipments to Canada reached $2 billion.",
        "$2 billion",
        pair("Mexico", "Canada"),
    )]);
    check(&[(
        "Spain sent 3,000 tonnes of aid to Morocco in May.",
        "3,000 tonnes",
        pair("Spain", "Morocco"),
    )]);
    let _ = only;
}

#[test]
fn an_appositive_between_subject_and_verb_keeps_the_subject() {
    check(&[
        (
            "Gazprom, the state gas giant, shipped 20 billion cubic metres of gas to Turkey last year.",
            "20 billion cubic metres",
            pair("Gazprom", "Turkey"),
        ),
        (
            "Toyota, which builds cars in Kentucky, has exported 90,000 vehicles to Canada.",
            "90,000 vehicles",
            pair("Toyota", "Canada"),
        ),
        // Near-miss: a list, not an appositive, before the verb: no one is its subject.
        (
            "In Ohio, Texas and elsewhere, factories shipped 2 million tonnes of steel.",
            "2 million tonnes",
            (None, None),
        ),
    ]);
}

#[test]
fn a_share_of_a_countrys_people_is_that_countrys() {
    check(&[
        (
            "A survey found that 64% of the Kenyan population own a mobile phone.",
            "64%",
            only("Kenya"),
        ),
        // Near-miss: a demonym that qualifies a thing, not people, names no party.
        (
            "About 30% of Brazilian coffee is of a high grade.",
            "30%",
            (None, None),
        ),
    ]);
}

#[test]
fn a_discourse_adverbial_between_commas_keeps_the_subject_in_the_clause() {
    check(&[
        (
            "Norway, in return, delivered 200,000 tonnes of fish to Nigeria.",
            "200,000 tonnes",
            pair("Norway", "Nigeria"),
        ),
        (
            "Peru, for its part, shipped 80,000 tonnes of zinc to South Korea.",
            "80,000 tonnes",
            pair("Peru", "South Korea"),
        ),
        (
            "Kenya, meanwhile, exported 12,000 tonnes of tea to Pakistan.",
            "12,000 tonnes",
            pair("Kenya", "Pakistan"),
        ),
    ]);
    // Near-miss: reaching back over the adverbial does not let the clause before it lend a
    // party to a clause that names its own.
    check(&[(
        "Sales to Japan slowed, however, Chile sold 9,000 tonnes of copper to Peru.",
        "9,000 tonnes",
        pair("Chile", "Peru"),
    )]);
}

#[test]
fn a_party_after_another_figure_outside_the_clause_belongs_to_that_figure() {
    check(&[(
        "Chile and Bolivia signed a border pact in May. Trade between the two neighbours \
             rose 4% to $90 million, a sliver of Chile's $30 billion trade with Japan.",
        "$90 million",
        pair("Bolivia", "Chile"),
    )]);
    // Near-miss: in one clause, a getter named after two figures gets both, the comma of a
    // thousands separator ending no clause.
    check(&[
        (
            "Vietnam sent 500 tonnes of rice and 20 tonnes of sugar to Laos.",
            "500 tonnes",
            pair("Vietnam", "Laos"),
        ),
        (
            "Peru shipped more than 11,000 tonnes of zinc and 2,500 tonnes of tin to Japan.",
            "11,000 tonnes",
            pair("Peru", "Japan"),
        ),
    ]);
}

#[test]
fn a_figure_in_a_fronted_ing_clause_is_the_main_subjects() {
    check(&[
        (
            "After growing subscription revenue by 31% in 2024, Tarrow Capital expects \
             slower growth.",
            "31%",
            only("Tarrow Capital"),
        ),
        (
            "Growing free cash flow from $1.2 billion in 2023, Halvern Partners projects \
             more.",
            "$1.2 billion",
            only("Halvern Partners"),
        ),
        // Near-miss: a main clause that opens with no name gives the figure none.
        (
            "Growing exports by 12% in 2024, analysts at Halvern Partners expect more.",
            "12%",
            (None, None),
        ),
    ]);
}

#[test]
fn the_main_subject_of_a_fronted_ing_clause_may_speak_or_be_read_as_a_place() {
    check(&[
        // the main clause's subject states it: still the figure's owner
        (
            "After doubling orders by 40% in 2024, Brennmark Shipping said it would hire \
             more staff.",
            "40%",
            only("Brennmark Shipping"),
        ),
        // a place named inside the fronted clause does not block it
        (
            "Having expanded its plant in Ohio by 30%, Norvik Marine said demand was strong.",
            "30%",
            only("Norvik Marine"),
        ),
        // a new company's name the tagger reads as a place's
        (
            "Growing free cash flow from $1.2 billion in fiscal 2023, Talvora projects free \
             cash flow of $1.6 billion for fiscal 2026.",
            "$1.2 billion",
            only("Talvora"),
        ),
    ]);
}

#[test]
fn an_appositive_after_the_subject_does_not_cut_it_off() {
    let text = "Lukoil, one of the largest refiners in the region, has been supplying about \
                2 million barrels of fuel to Serbia each year.";
    let described = "Vietnam, a fast-growing exporter of rice, sold 8 million tonnes of rice \
                     to the Philippines last year.";
    check(&[
        (text, "2 million barrels", pair("Lukoil", "Serbia")),
        (
            described,
            "8 million tonnes",
            pair("Vietnam", "Philippines"),
        ),
    ]);
}

#[test]
fn a_list_between_commas_is_no_appositive() {
    // "the EU" opens no description of "Japan": the three are a list, and the figure's
    // clause is its own.
    let text = "Officials in Japan, the EU, and Canada said 40 ships were seized.";
    check(&[(text, "40 ships", (None, None))]);
}
