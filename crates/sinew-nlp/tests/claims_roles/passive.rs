//! The passive agent and participle clauses: "the cap imposed by X" names X; "..., shipping
//! N tonnes" continues the main clause's subject. Near-miss: a clause with its own subject
//! keeps it.

use super::{check, only, pair};

#[test]
fn a_participle_clause_takes_the_main_subject() {
    check(&[(
        "Iraq overtook Kuwait last year to become India's largest supplier of crude, shipping \
         about 50 million tonnes.",
        "50 million tonnes",
        pair("Iraq", "India"),
    )]);
    // Near-miss: a clause with a subject of its own.
    check(&[(
        "Iraq overtook Kuwait last year, while Norway was shipping 20 million tonnes.",
        "20 million tonnes",
        only("Norway"),
    )]);
}

#[test]
fn an_agent_after_by_is_the_subject() {
    check(&[(
        "Much of it was sold below the $60 a barrel cap imposed by the Group of Seven.",
        "$60 a barrel",
        only("G7"),
    )]);
}

#[test]
fn the_agent_of_a_participle_phrase_opening_the_sentence_is_no_party() {
    check(&[
        // "Owned by X," describes the subject; X owns it and sells nothing.
        (
            "Owned by the conglomerate Tata Group, the carmaker sold 400,000 cars last year.",
            "400,000 cars",
            (None, None),
        ),
        // Nor is a place named in the phrase.
        (
            "Backed by Sequoia, the startup raised $600 million last year.",
            "$600 million",
            (None, None),
        ),
        // Near-miss: the subject after the phrase still is.
        (
            "Owned by Tata Group, Jaguar Land Rover sold 400,000 cars last year.",
            "400,000 cars",
            only("Jaguar Land Rover"),
        ),
        (
            "Hammered by sanctions imposed by the European Union, Russia sold 2 million \
             barrels a day to India.",
            "2 million barrels",
            pair("Russia", "India"),
        ),
    ]);
}

#[test]
fn a_figure_restated_after_or_has_the_parties_of_the_figure_it_restates() {
    check(&[(
        "Iraq became India's largest supplier, shipping about 50 million tonnes, or roughly \
         1 million barrels a day.",
        "1 million barrels",
        pair("Iraq", "India"),
    )]);
}

#[test]
fn a_participle_clause_of_receipt_gets_for_the_main_subject() {
    check(&[(
        "Kenya bought very little Indian tea before 2020 but has since become one of its \
         biggest customers, importing more than 40,000 tonnes a year in recent months.",
        "40,000 tonnes",
        pair("India", "Kenya"),
    )]);
    // Near-miss: a clause of supply keeps the main subject as the giver.
    check(&[(
        "Kenya grew very little tea before 1990 but has since become a large exporter, \
         shipping more than 40,000 tonnes a year to Pakistan.",
        "40,000 tonnes",
        pair("Kenya", "Pakistan"),
    )]);
}

/// "closed 1,200 accounts held by Peruvian firms": "by" after a participle of owning names
/// the owner of what is counted, no agent of the figure's clause. Near-miss: "imposed by"
/// still names the agent.
#[test]
fn an_owner_after_held_by_is_no_agent() {
    check(&[
        (
            "Chilean banks have closed about 1,200 accounts held by Peruvian firms.",
            "1,200 accounts",
            only("Chile"),
        ),
        (
            "Exports were capped at 5,000 tonnes a month imposed by Peru.",
            "5,000 tonnes",
            only("Peru"),
        ),
    ]);
}
