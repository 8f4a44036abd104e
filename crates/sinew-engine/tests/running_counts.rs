//! A running count reported on different days is one figure: a count "as of" a month and a
//! total "since" a day of the same measure between the same parties are updates of one count,
//! ordered by the time they refer to; "the figure" of the next sentence is that count too.
//! A closed period ("in March") stays apart from the total. Sentences written for these tests.

use sinew_engine::{Engine, LedgerFilter, LedgerView};

use crate::common::{ingest, memory_engine};

fn engine_over(docs: &[(&str, &str, &str)]) -> (Engine, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    for (name, published, text) in docs {
        std::fs::write(
            tmp.path().join(name),
            format!("Published {published}\n\n{text}\n"),
        )
        .unwrap();
    }
    let engine = memory_engine();
    ingest(&engine, &[tmp.path().to_path_buf()]);
    (engine, tmp)
}

/// The ledger group index of each quote, in the order given (panics when a quote has none).
fn groups_of(view: &LedgerView, quotes: &[&str]) -> Vec<usize> {
    quotes
        .iter()
        .map(|q| {
            view.ledger
                .groups
                .iter()
                .position(|g| g.claims.iter().any(|c| view.claims[c.claim].quote == *q))
                .unwrap_or_else(|| panic!("no group holds {q:?}"))
        })
        .collect()
}

#[test]
fn a_count_as_of_a_month_and_a_total_since_a_day_are_one_running_count() {
    let (engine, _tmp) = engine_over(&[
        (
            "one.txt",
            "2024-11-20",
            "Chile has shipped copper to Peru for more than a year. The Peruvian trade ministry \
             said Chile had sent 13,000 tonnes of copper cathodes to Peru as of October.",
        ),
        (
            "two.txt",
            "2025-02-11",
            "Chile has sent about 20,000 tonnes of copper cathodes to Peru since August 2023, \
             according to the Peruvian trade ministry. Earlier estimates put the figure at \
             13,000.",
        ),
        (
            "three.txt",
            "2025-04-02",
            "Chile sent 2,000 tonnes of copper cathodes to Peru in March, the ministry said.",
        ),
    ]);
    let view = engine.ledger(&LedgerFilter::default()).expect("ledger");
    let g = groups_of(
        &view,
        &[
            "13,000 tonnes",
            "about 20,000 tonnes",
            "13,000",
            "2,000 tonnes",
        ],
    );
    assert_eq!(g[0], g[1], "as of October and since August 2023: one count");
    assert_eq!(
        g[1], g[2],
        "\"the figure\" is the count of the sentence before"
    );
    assert_ne!(g[1], g[3], "a month's shipments are not the running total");
    // Ordered by the time they refer to: the count since August 2023, reported in February,
    // updates October's.
    let note = |q: &str| {
        let group = &view.ledger.groups[g[1]];
        group
            .claims
            .iter()
            .find(|c| view.claims[c.claim].quote == q)
            .map(|c| c.note.clone())
            .unwrap()
    };
    assert!(
        note("about 20,000 tonnes").contains("latest"),
        "{}",
        note("about 20,000 tonnes")
    );
    assert!(
        note("13,000 tonnes").contains("earlier"),
        "{}",
        note("13,000 tonnes")
    );
}
