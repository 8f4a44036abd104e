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
