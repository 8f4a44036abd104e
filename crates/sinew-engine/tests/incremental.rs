//! The stored analysis equals a full recomputation: synthetic articles ingested in random
//! batches, in a random order, through the whole path (text, claims, store, per-bucket
//! analysis) give the ledger, network and alerts that the analysis functions give over every
//! stored claim at once; and a reader sees pending work as if it were finished.

use std::collections::BTreeMap;

use proptest::prelude::*;
use sinew_analysis::synth::{generate, SynthConfig};
use sinew_analysis::{
    build_ledger, build_network, detect_alerts, political_ties, sentence_actors, ActorInfo, Ledger,
    LedgerGroup, Network, SourceDoc,
};
use sinew_engine::{Engine, Format, IngestOptions, LedgerFilter};
use sinew_store::{AnalysisUpdate, ClaimFilter};
use sinew_types::{Alert, Claim, DocId, Span};

use crate::common::memory_engine;

/// A group with its claims named by (document, span) instead of by index.
type Named = (LedgerGroup, Vec<(DocId, Span)>);

fn named_ledger(ledger: &Ledger, claim: impl Fn(usize) -> (DocId, Span)) -> Vec<Named> {
    ledger
        .groups
        .iter()
        .map(|g| {
            let mut plain = g.clone();
            let names = g.claims.iter().map(|m| claim(m.claim)).collect();
            for m in &mut plain.claims {
                m.claim = 0;
            }
            (plain, names)
        })
        .collect()
}

/// The network with each flow's and dependency's claims as sorted (document, span) lists.
fn named_network(
    network: &Network,
    claim: impl Fn(usize) -> (DocId, Span),
) -> (Network, Vec<Vec<(DocId, Span)>>) {
    let mut plain = network.clone();
    let mut names = Vec::new();
    for f in &mut plain.flows {
        let mut n: Vec<(DocId, Span)> = f.claims.iter().map(|&i| claim(i)).collect();
        n.sort();
        names.push(n);
        f.claims.clear();
    }
    for d in &mut plain.dependencies {
        let mut n: Vec<(DocId, Span)> = d.claims.iter().map(|&i| claim(i)).collect();
        n.sort();
        names.push(n);
        d.claims.clear();
    }
    (plain, names)
}

/// Everything stored, analysed from scratch: the claims, ledger and network.
fn full(engine: &Engine) -> (Vec<Claim>, Vec<SourceDoc>, Ledger, Network) {
    let store = engine.store();
    let claims = store.claims(&ClaimFilter::default()).expect("claims");
    let documents = store.documents().expect("documents");
    let docs: Vec<SourceDoc> = documents
        .iter()
        .map(|d| SourceDoc {
            id: d.id.clone(),
            name: d.source.clone(),
            published: d.published,
            duplicate_of: d.duplicate_of.clone(),
            kind: Default::default(),
        })
        .collect();
    let mut ties = Vec::new();
    for d in &documents {
        let ann = store.annotations(&d.id).expect("ann").unwrap_or_default();
        ties.extend(political_ties(&sentence_actors(&d.id, &d.text, &ann)));
    }
    let actors: Vec<ActorInfo> = store
        .entities()
        .expect("entities")
        .into_iter()
        .map(|e| ActorInfo {
            name: e.canonical,
            entity_type: e.entity_type,
            country: e.country,
        })
        .collect();
    let ledger = build_ledger(&claims, &docs);
    let network = build_network(&ledger, &claims, &ties, &actors);
    (claims, docs, ledger, network)
}

/// The engine's stored ledger and network agree with `full`.
fn check_against_full(engine: &Engine) -> Result<(), TestCaseError> {
    let (claims, _, ledger, network) = full(engine);
    let at = |i: usize| (claims[i].doc.clone(), claims[i].span);
    let view = engine.ledger(&LedgerFilter::default()).expect("ledger");
    let seen = |i: usize| (view.claims[i].claim.doc.clone(), view.claims[i].claim.span);
    prop_assert_eq!(named_ledger(&view.ledger, seen), named_ledger(&ledger, at));
    let net = engine.network().expect("network");
    let seen = |i: usize| (net.claims[i].doc.clone(), net.claims[i].span);
    prop_assert_eq!(
        named_network(&net.network, seen),
        named_network(&network, at)
    );
    // The outline the entity pages read is the same network, its citations left out.
    let mut bare = net.network.clone();
    for f in &mut bare.flows {
        f.claims.clear();
    }
    for d in &mut bare.dependencies {
        d.claims.clear();
    }
    prop_assert_eq!(engine.network_outline().expect("outline"), bare.clone());
    // Each actor's part of it (an entity page's flows and shares), read from the buckets
    // that name the actor, is the whole outline's part, in any case of the name.
    for actor in &bare.actors {
        let wanted = actor.name.to_lowercase();
        let names = |n: &str| n.to_lowercase() == wanted;
        let part = engine.actor_outline(&actor.name).expect("actor outline");
        let flows: Vec<_> = bare
            .flows
            .iter()
            .filter(|f| names(&f.from) || names(&f.to))
            .cloned()
            .collect();
        let dependencies: Vec<_> = bare
            .dependencies
            .iter()
            .filter(|d| names(&d.dependent) || names(&d.supplier))
            .cloned()
            .collect();
        prop_assert_eq!(&part.flows, &flows, "flows of {}", actor.name);
        prop_assert_eq!(
            &part.dependencies,
            &dependencies,
            "shares of {}",
            actor.name
        );
        let upper = engine
            .actor_outline(&actor.name.to_uppercase())
            .expect("actor outline");
        prop_assert_eq!(&upper.flows, &flows, "flows of {} in capitals", actor.name);
    }
    Ok(())
}

/// A batch of synthetic articles as JSON Lines.
fn jsonl(docs: &[&sinew_analysis::synth::SynthDocument]) -> String {
    let mut out = String::new();
    for d in docs {
        let line = serde_json::json!({
            "url": format!("https://example.org/{}", d.name),
            "text": d.text,
            "published": d.published.to_string(),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// The synthetic corpus of `seed` with `documents` articles.
fn corpus(seed: u64, documents: usize) -> sinew_analysis::synth::SynthCorpus {
    generate(&SynthConfig {
        seed,
        documents,
        ..SynthConfig::default()
    })
}

/// Ingests all of `corpus` into `engine` as one JSON Lines input.
fn ingest_all(
    engine: &Engine,
    corpus: &sinew_analysis::synth::SynthCorpus,
    opts: &IngestOptions,
) -> sinew_engine::IngestSummary {
    let docs: Vec<&sinew_analysis::synth::SynthDocument> = corpus.documents.iter().collect();
    engine
        .ingest_bytes("a.jsonl", jsonl(&docs).as_bytes(), Format::Jsonl, opts)
        .expect("ingest")
}

/// Ingests the synthetic corpus of `seed` into `engine` in the batches `cuts` make, in the
/// order `order` makes, checking alerts and the stored analysis after each batch.
fn batches_equal_a_full_recomputation(
    engine: &Engine,
    seed: u64,
    docs: usize,
    order: u64,
    cuts: &[u16],
    alerts: bool,
) -> Result<(), TestCaseError> {
    let corpus = generate(&SynthConfig {
        seed,
        documents: docs,
        ..SynthConfig::default()
    });
    let mut arrived: Vec<&sinew_analysis::synth::SynthDocument> = corpus.documents.iter().collect();
    // A random order: sort by a hash of the name and the seed.
    arrived.sort_by_key(|d| {
        d.name.bytes().fold(order, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    });
    let mut bounds: Vec<usize> = cuts
        .iter()
        .map(|&c| c as usize % (arrived.len() + 1))
        .collect();
    bounds.extend([0, arrived.len()]);
    bounds.sort_unstable();
    bounds.dedup();

    for w in bounds.windows(2) {
        let input = jsonl(&arrived[w[0]..w[1]]);
        let summary = engine
            .ingest_bytes(
                "batch.jsonl",
                input.as_bytes(),
                Format::Jsonl,
                &IngestOptions {
                    alerts,
                    ..IngestOptions::default()
                },
            )
            .expect("ingest");
        let (claims, docs, _, _) = full(engine);
        // Without alerts every step is analysed a bucket at a time (`analyse_in_slices`).
        let expected: Vec<Alert> = if alerts {
            detect_alerts(&claims, &docs, &summary.new_documents)
        } else {
            Vec::new()
        };
        prop_assert_eq!(&summary.alerts, &expected);
        check_against_full(engine)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn stored_analysis_equals_a_full_recomputation(
        seed in any::<u64>(),
        docs in 6usize..24,
        order in any::<u64>(),
        cuts in proptest::collection::vec(any::<u16>(), 1..4),
    ) {
        batches_equal_a_full_recomputation(&memory_engine(), seed, docs, order, &cuts, true)?;
    }

    /// A load that raises no alerts is analysed a bucket at a time: the same analysis.
    #[test]
    fn stored_analysis_without_alerts_equals_a_full_recomputation(
        seed in any::<u64>(),
        docs in 6usize..24,
        order in any::<u64>(),
        cuts in proptest::collection::vec(any::<u16>(), 1..4),
    ) {
        batches_equal_a_full_recomputation(&memory_engine(), seed, docs, order, &cuts, false)?;
    }

    /// The same on a PostgreSQL store (`SINEW_TEST_PG`), whose analysis is committed as
    /// arrays: what the engine reads back must be what SQLite gives.
    #[test]
    fn stored_analysis_on_postgres_equals_a_full_recomputation(
        seed in any::<u64>(),
        docs in 6usize..24,
        order in any::<u64>(),
        cuts in proptest::collection::vec(any::<u16>(), 1..4),
    ) {
        if let Some((engine, _schema)) = crate::common::postgres_engine() {
            batches_equal_a_full_recomputation(&engine, seed, docs, order, &cuts, seed % 2 == 0)?;
        }
    }
}

#[test]
fn a_reader_sees_pending_work_as_finished_and_writes_nothing() {
    let corpus = generate(&SynthConfig {
        seed: 3,
        documents: 12,
        ..SynthConfig::default()
    });
    let engine = memory_engine();
    let docs: Vec<&sinew_analysis::synth::SynthDocument> = corpus.documents.iter().collect();
    let opts = IngestOptions::default();
    let first = jsonl(&docs[..6]);
    engine
        .ingest_bytes("a.jsonl", first.as_bytes(), Format::Jsonl, &opts)
        .expect("ingest");
    store_unanalysed(&engine, &docs[6..]);
    assert_eq!(engine.pending_analysis().expect("pending"), 6);
    let mut states = BTreeMap::new();
    for (k, v) in engine.store().bucket_states(None).expect("states") {
        states.insert(k, v);
    }
    check_against_full(&engine).expect("reader agrees with a full recomputation");
    assert_eq!(
        engine.pending_analysis().expect("pending"),
        6,
        "reader wrote nothing"
    );
    let after: BTreeMap<String, String> = engine
        .store()
        .bucket_states(None)
        .expect("states")
        .into_iter()
        .collect();
    assert_eq!(states, after, "reader wrote nothing");
    engine.finish_analysis(true).expect("finish");
    assert_eq!(engine.pending_analysis().expect("pending"), 0);
    check_against_full(&engine).expect("stored analysis agrees with a full recomputation");
}

/// Stores documents as a killed run leaves them: stored, not analysed.
fn store_unanalysed(engine: &Engine, docs: &[&sinew_analysis::synth::SynthDocument]) {
    let mut items = Vec::new();
    for d in docs {
        let mut found = Vec::new();
        sinew_engine::extract_bytes(
            &d.name,
            d.text.as_bytes(),
            Format::Text,
            Some(d.published),
            &mut |doc| {
                found.push(doc);
                Ok::<(), std::convert::Infallible>(())
            },
        )
        .expect("extract");
        let doc = found.remove(0);
        let ann = sinew_engine::annotate(&doc);
        items.push((doc, ann));
    }
    engine.store().put_batch(&items).expect("put");
}

#[test]
fn a_streamed_analysis_killed_midway_is_redone_from_the_claims() {
    let corpus = generate(&SynthConfig {
        seed: 5,
        documents: 14,
        ..SynthConfig::default()
    });
    let engine = memory_engine();
    let docs: Vec<&sinew_analysis::synth::SynthDocument> = corpus.documents.iter().collect();
    let opts = IngestOptions {
        alerts: false,
        ..IngestOptions::default()
    };
    let first = jsonl(&docs[..7]);
    engine
        .ingest_bytes("a.jsonl", first.as_bytes(), Format::Jsonl, &opts)
        .expect("ingest");
    store_unanalysed(&engine, &docs[7..]);
    // The first step of a streamed analysis done, the process killed before the pending
    // marks were cleared: the new claims have their buckets, the states are the old ones.
    let pending = engine.store().pending().expect("pending");
    assert_eq!(pending.len(), 7);
    let keyed = engine.store().claims_of_docs(&pending).expect("claims");
    let claims: Vec<Claim> = keyed.iter().map(|k| k.claim.clone()).collect();
    assert!(!claims.is_empty(), "the synthetic articles state figures");
    let claim_buckets = keyed
        .iter()
        .zip(sinew_analysis::claim_buckets(&claims))
        .map(|(k, key)| (key, k.claim.doc.clone(), k.ord))
        .collect();
    engine
        .store()
        .commit_analysis(&AnalysisUpdate {
            claim_buckets,
            ..AnalysisUpdate::default()
        })
        .expect("commit");
    // A reader counts each new claim once, though it is both pending and in its bucket.
    check_against_full(&engine).expect("reader agrees with a full recomputation");
    engine.finish_analysis(false).expect("finish");
    assert_eq!(engine.pending_analysis().expect("pending"), 0);
    check_against_full(&engine).expect("stored analysis agrees with a full recomputation");
}

#[test]
fn a_first_load_killed_after_its_first_analysis_step_is_analysed_as_a_first_load() {
    // A bulk ingest stores each claim's bucket and each document's ties as its batches
    // commit (its final analysis's first step), the pending marks kept until the states
    // are stored: killed before that, nothing reads as analysed.
    let corpus = generate(&SynthConfig {
        seed: 6,
        documents: 12,
        ..SynthConfig::default()
    });
    // Two articles of my own that tie countries (the synthetic ones state figures only).
    let tying = [
        "Portugal signed a defence pact with Brazil on Tuesday, the two governments said.\n\
         Exports of cork from Portugal to Brazil rose to $40 million in 2023.",
        "Norway imposed sanctions on Belarus over the border dispute, its foreign ministry \
         said on Friday.\nNorway's salmon exports to Poland reached $1.2 billion last year.",
    ]
    .iter()
    .enumerate()
    .map(|(i, text)| sinew_analysis::synth::SynthDocument {
        name: format!("tie-{i}.txt"),
        published: corpus.documents[0].published,
        text: (*text).to_string(),
        duplicate_of: None,
    })
    .collect::<Vec<_>>();
    let engine = memory_engine();
    let docs: Vec<&sinew_analysis::synth::SynthDocument> =
        corpus.documents.iter().chain(&tying).collect();
    store_unanalysed(&engine, &docs);
    let store = engine.store();
    let pending = store.pending().expect("pending");
    let mut update = AnalysisUpdate::default();
    let mut tied = 0;
    for id in &pending {
        let doc = store.document(id).expect("read").expect("stored");
        let ann = store.annotations(id).expect("read").expect("annotated");
        let keys = sinew_analysis::claim_buckets(&ann.claims);
        for (ord, key) in keys.into_iter().enumerate() {
            update.claim_buckets.push((key, id.clone(), ord as u32));
        }
        let ties = political_ties(&sentence_actors(&doc.id, &doc.text, &ann));
        if !ties.is_empty() {
            tied += 1;
            let json = serde_json::to_string(&ties).expect("ties as JSON");
            update.ties.push((id.clone(), json));
        }
    }
    assert!(
        !update.claim_buckets.is_empty(),
        "the articles state figures"
    );
    assert!(tied > 0, "some articles tie politicians to parties");
    store.commit_analysis(&update).expect("first step");
    assert!(!store.has_analysed().expect("analysed"));
    // A reader counts each pending document's ties once, though they are stored.
    check_against_full(&engine).expect("reader agrees with a full recomputation");
    // `sinew alerts` analyses it as the first load it is: a baseline raising nothing.
    let alerts = engine.alerts().expect("alerts");
    assert!(alerts.is_empty(), "{alerts:?}");
    assert_eq!(engine.pending_analysis().expect("pending"), 0);
    check_against_full(&engine).expect("stored analysis agrees with a full recomputation");
}

#[test]
fn a_deferred_load_is_stored_unanalysed_and_sinew_alerts_analyses_it_as_a_first_load() {
    let engine = memory_engine();
    let opts = IngestOptions {
        analyse: false,
        ..IngestOptions::default()
    };
    let summary = ingest_all(&engine, &corpus(7, 10), &opts);
    assert_eq!(summary.inserted, 10);
    assert!(summary.alerts.is_empty());
    assert_eq!(engine.pending_analysis().expect("pending"), 10);
    assert!(
        engine
            .store()
            .bucket_states(None)
            .expect("states")
            .is_empty(),
        "nothing analysed yet"
    );
    // A reader already sees the analysis, computed in memory.
    check_against_full(&engine).expect("reader agrees with a full recomputation");
    // `sinew alerts` analyses it; the first documents set the baseline and raise nothing.
    let alerts = engine.alerts().expect("alerts");
    assert!(alerts.is_empty(), "{alerts:?}");
    assert_eq!(engine.pending_analysis().expect("pending"), 0);
    check_against_full(&engine).expect("stored analysis agrees with a full recomputation");
}

#[test]
fn a_read_over_more_pending_documents_than_it_folds_says_how_many_and_how_to_analyse_them() {
    let engine = memory_engine().pending_read_max(8);
    let opts = IngestOptions {
        analyse: false,
        ..IngestOptions::default()
    };
    ingest_all(&engine, &corpus(11, 9), &opts);
    assert_eq!(engine.pending_analysis().expect("pending"), 9);
    let refused = |what: &str, r: Result<(), sinew_engine::EngineError>| {
        let e = r.expect_err(what);
        assert!(
            matches!(
                e,
                sinew_engine::EngineError::AnalysisPending { documents: 9 }
            ),
            "{what}: {e}"
        );
        let text = e.to_string();
        assert!(
            text.starts_with("9 stored documents await analysis"),
            "{text}"
        );
        assert!(text.contains("sinew alerts"), "{text}");
    };
    refused("ledger", engine.ledger(&LedgerFilter::default()).map(drop));
    refused(
        "table",
        engine.ledger_stream(&LedgerFilter::default()).map(drop),
    );
    refused("network", engine.network().map(drop));
    let config = sinew_engine::BriefingConfig::default();
    refused("report", engine.briefing(&config).map(drop));
    // Nothing was written by the refused reads; `sinew alerts` analyses the documents, and
    // the reads then answer from the stored analysis.
    assert_eq!(engine.pending_analysis().expect("pending"), 9);
    engine.alerts().expect("alerts");
    assert_eq!(engine.pending_analysis().expect("pending"), 0);
    check_against_full(&engine).expect("stored analysis agrees with a full recomputation");
    engine.briefing(&config).expect("report after analysis");
}

#[test]
fn a_read_over_as_many_pending_documents_as_it_folds_answers_in_memory() {
    let engine = memory_engine().pending_read_max(9);
    let opts = IngestOptions {
        analyse: false,
        ..IngestOptions::default()
    };
    ingest_all(&engine, &corpus(11, 9), &opts);
    check_against_full(&engine).expect("reader agrees with a full recomputation");
    assert_eq!(engine.pending_analysis().expect("pending"), 9);
}

#[test]
fn reanalyse_makes_the_kept_analysis_again_from_the_claims() {
    let engine = memory_engine();
    let documents = corpus(9, 12).documents.len();
    ingest_all(&engine, &corpus(9, 12), &IngestOptions::default());
    let alerts = engine.alerts().expect("alerts").len();
    // An analysis kept by other rules: one bucket's state written over another's.
    let states = engine.store().bucket_states(None).expect("states");
    assert!(states.len() >= 2, "the synthetic articles fill buckets");
    let (from, to) = (&states[0], &states[1]);
    engine
        .store()
        .commit_analysis(&AnalysisUpdate {
            buckets: vec![sinew_store::BucketRow {
                bucket: to.0.clone(),
                state: from.1.clone(),
                summary: None,
                flows: Vec::new(),
            }],
            ..AnalysisUpdate::default()
        })
        .expect("commit");
    assert!(
        check_against_full(&engine).is_err(),
        "the kept analysis no longer matches the claims"
    );
    assert_eq!(engine.reanalyse().expect("reanalyse"), documents);
    assert_eq!(engine.pending_analysis().expect("pending"), 0);
    check_against_full(&engine).expect("made again from the claims");
    assert_eq!(
        engine.alerts().expect("alerts").len(),
        alerts,
        "alerts kept, none new"
    );
}
