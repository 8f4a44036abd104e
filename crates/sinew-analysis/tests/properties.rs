//! Properties of the ledger over random synthetic corpora: the result does not depend on the
//! order claims arrive in, and a document about other actors changes no existing group.

use std::collections::BTreeSet;

use proptest::prelude::*;
use sinew_analysis::synth::{generate, SynthConfig};
use sinew_analysis::{build_ledger, Ledger, SourceDoc, Verdict};
use sinew_types::{Claim, DocId, Span};

/// A group as content: its claims by (document, span), its verdict, consensus and reason.
type Seen = (Vec<(String, Span)>, Verdict, Option<u64>, String, String);

fn content(ledger: &Ledger, claims: &[Claim]) -> BTreeSet<Seen> {
    ledger
        .groups
        .iter()
        .map(|g| {
            let mut members: Vec<(String, Span)> = g
                .claims
                .iter()
                .map(|m| (claims[m.claim].doc.0.clone(), claims[m.claim].span))
                .collect();
            members.sort();
            (
                members,
                g.verdict,
                g.consensus.value.map(f64::to_bits),
                g.explanation.clone(),
                g.id.clone(),
            )
        })
        .collect()
}

fn corpus(prefix: &str, seed: u64, documents: usize) -> (Vec<Claim>, Vec<SourceDoc>) {
    let corpus = generate(&SynthConfig {
        seed,
        documents,
        ..SynthConfig::default()
    });
    let ids: Vec<DocId> = (0..corpus.documents.len())
        .map(|d| DocId(format!("{prefix}{seed:x}-{d:05}")))
        .collect();
    let docs = corpus.source_docs(&ids);
    (corpus.claims(&ids), docs)
}

/// A permutation of `0..n` from a seed (Fisher–Yates with SplitMix64).
fn shuffle(n: usize, mut seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        let j = ((z ^ (z >> 31)) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn grouping_does_not_depend_on_ingest_order(seed in any::<u64>(), docs in 5usize..60, order in any::<u64>()) {
        let (claims, sources) = corpus("", seed, docs);
        let reference = content(&build_ledger(&claims, &sources), &claims);
        let perm = shuffle(claims.len(), order);
        let shuffled: Vec<Claim> = perm.iter().map(|&i| claims[i].clone()).collect();
        let mut sources_shuffled = sources.clone();
        sources_shuffled.reverse();
        let again = content(&build_ledger(&shuffled, &sources_shuffled), &shuffled);
        prop_assert_eq!(reference, again);
    }

    #[test]
    fn an_unrelated_document_changes_no_group(seed in any::<u64>(), docs in 5usize..60, other in any::<u64>()) {
        let (claims, sources) = corpus("", seed, docs);
        let before = content(&build_ledger(&claims, &sources), &claims);
        // A document about other actors: the same kinds of figures, between countries the
        // corpus never names.
        let (mut extra, extra_docs) = corpus("other", other, 3);
        for c in &mut extra {
            for name in [&mut c.subject, &mut c.object].into_iter().flatten() {
                *name = format!("Elsewhere {name}");
            }
        }
        let mut all = claims.clone();
        all.extend(extra);
        let mut all_docs = sources.clone();
        all_docs.extend(extra_docs);
        let after = content(&build_ledger(&all, &all_docs), &all);
        prop_assert!(before.is_subset(&after), "an existing group changed");
    }
}
