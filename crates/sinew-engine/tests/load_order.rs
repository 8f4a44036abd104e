//! `Engine::load` marks the later record of a near-duplicate pair as the copy, whatever order
//! the map step's records arrive in: within one batch, across batches, across inputs and
//! across runs, the record loaded first is the original and the next names it.

use sinew_engine::{Engine, IngestOptions, LoadInput, MapRecord};
use sinew_types::{DocId, Document};

use crate::common::memory_engine;

/// A wire story of a few hundred words, made up for this test, and a copy of it that a
/// second outlet ran with its own closing line.
fn story(copy: bool) -> String {
    let mut text = String::new();
    for i in 0..24 {
        text.push_str(&format!(
            "Harbour officials in Portmere said on Tuesday that berth {i} would reopen after \
             dredging works that moved {} tonnes of silt, and that pilots from the northern \
             channel had been told to expect tug crews at dawn. ",
            1000 + 37 * i
        ));
    }
    if copy {
        text.push_str("This copy ran in the Valley Courier with a note from its own editors.");
    } else {
        text.push_str("Reporting by the wire desk; editing by the night shift.");
    }
    text
}

/// A plain map-step record (no annotations, no stated fingerprint) of `text`.
fn record(name: &str, text: &str) -> MapRecord {
    MapRecord {
        doc: Document {
            id: sinew_ingest::doc_id(text),
            source: name.to_string(),
            url: None,
            title: None,
            author: None,
            published: None,
            site: None,
            lang: None,
            text: text.to_string(),
            fingerprint: None,
            duplicate_of: None,
        },
        states_fingerprint: false,
        annotations: None,
    }
}

fn input<'a>(name: &str, records: Vec<MapRecord>) -> LoadInput<'a> {
    LoadInput {
        name: name.to_string(),
        bytes: 0,
        records: Box::new(records.into_iter().map(Ok)),
    }
}

/// The stored link of the document with `text`.
fn link(engine: &Engine, text: &str) -> Option<DocId> {
    engine
        .store()
        .document(&sinew_ingest::doc_id(text))
        .expect("read")
        .expect("stored")
        .duplicate_of
}

/// How the two records reach the store.
#[derive(Debug, Clone, Copy)]
enum Arrival {
    /// One input, one batch.
    SameBatch,
    /// One input, each record committed in a batch of its own.
    BatchEach,
    /// Two inputs of one run.
    TwoInputs,
    /// Two runs.
    TwoRuns,
}

fn load_pair(first: &str, second: &str, arrival: Arrival) -> Engine {
    let engine = memory_engine();
    let mut opts = IngestOptions {
        alerts: false,
        analyse: false,
        ..IngestOptions::default()
    };
    let (a, b) = (record("first", first), record("second", second));
    match arrival {
        Arrival::SameBatch => {
            engine
                .load(vec![input("one", vec![a, b])], &opts)
                .expect("load");
        }
        Arrival::BatchEach => {
            opts.batch = 1;
            engine
                .load(vec![input("one", vec![a, b])], &opts)
                .expect("load");
        }
        Arrival::TwoInputs => {
            let inputs = vec![input("one", vec![a]), input("two", vec![b])];
            engine.load(inputs, &opts).expect("load");
        }
        Arrival::TwoRuns => {
            engine
                .load(vec![input("one", vec![a])], &opts)
                .expect("load");
            engine
                .load(vec![input("two", vec![b])], &opts)
                .expect("load");
        }
    }
    engine
}

#[test]
fn the_later_record_of_a_near_duplicate_pair_is_the_copy_in_any_order() {
    let (wire, copy) = (story(false), story(true));
    assert_ne!(sinew_ingest::doc_id(&wire), sinew_ingest::doc_id(&copy));
    for arrival in [
        Arrival::SameBatch,
        Arrival::BatchEach,
        Arrival::TwoInputs,
        Arrival::TwoRuns,
    ] {
        for (first, second) in [(&wire, &copy), (&copy, &wire)] {
            let engine = load_pair(first, second, arrival);
            assert_eq!(link(&engine, first), None, "{arrival:?}: the first is kept");
            assert_eq!(
                link(&engine, second),
                Some(sinew_ingest::doc_id(first)),
                "{arrival:?}: the second names the first"
            );
        }
    }
}
