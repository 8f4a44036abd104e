//! Incremental analysis equals a full recomputation: random synthetic documents, split into
//! random batches that arrive in a random order, each batch recomputing only the buckets its
//! claims touch (`analyse_buckets`), give the ledger, the network and the alerts that
//! `build_ledger`, `build_network` and `detect_alerts` give over every claim at once; alerts
//! read from the kept and recomputed states (`detect_alerts_between`) equal those
//! recomputed from the claims.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use proptest::prelude::*;
use sinew_analysis::synth::{generate, SynthConfig};
use sinew_analysis::{
    analyse_buckets, build_ledger, build_network, build_network_by_state, claim_buckets,
    detect_alerts, detect_alerts_between, detect_alerts_in, ledger_and_network_of, ledger_of,
    network_by_state_of, network_of, ActorInfo, AlertScope, BucketState, ClaimRef, Ledger,
    NetState, Network, SourceDoc,
};
use sinew_types::{Claim, DocId, EntityType};

/// Documents with their claims, in generation order: two corpora, the second about other
/// actors so that later batches bring flows the earlier ones did not show.
fn documents(seed: u64, docs: usize) -> Vec<(SourceDoc, Vec<Claim>)> {
    let mut out = Vec::new();
    for (prefix, seed, n) in [("a", seed, docs), ("b", seed ^ 0x5eed, docs / 3 + 2)] {
        let corpus = generate(&SynthConfig {
            seed,
            documents: n,
            ..SynthConfig::default()
        });
        let ids: Vec<DocId> = (0..corpus.documents.len())
            .map(|d| DocId(format!("{prefix}{seed:x}-{d:05}")))
            .collect();
        let sources = corpus.source_docs(&ids);
        let mut claims = corpus.claims(&ids);
        // Some amounts vague ("thousands of"), so that groups whose statements are all vague
        // (`Consensus::vague`) and groups mixing both are among those kept; some read with a
        // verb of movement (`MeasureKind::Flow`), which the network's traits keep.
        for (i, c) in claims.iter_mut().enumerate() {
            if i % 7 == 3 && c.quantity.value > 0.0 {
                c.quantity.vague = true;
                c.quantity.value_max = Some(c.quantity.value * 3.0);
            }
            if i % 5 == 1 {
                c.kind = sinew_types::MeasureKind::Flow;
            }
        }
        if prefix == "b" {
            for c in &mut claims {
                for name in [&mut c.subject, &mut c.object].into_iter().flatten() {
                    *name = format!("Elsewhere {name}");
                }
            }
        }
        let mut by_doc: HashMap<DocId, Vec<Claim>> = HashMap::new();
        for c in claims {
            by_doc.entry(c.doc.clone()).or_default().push(c);
        }
        for s in sources {
            let claims = by_doc.remove(&s.id).unwrap_or_default();
            out.push((s, claims));
        }
    }
    out
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

/// The documents in the order `perm` gives, except that a near-duplicate arrives after its
/// original: ingest marks the later of two copies, so a document never names as its original
/// one that is not stored yet.
fn originals_first(
    all: &[(SourceDoc, Vec<Claim>)],
    perm: &[usize],
) -> Vec<(SourceDoc, Vec<Claim>)> {
    let mut out: Vec<(SourceDoc, Vec<Claim>)> = Vec::with_capacity(all.len());
    let mut waiting: HashMap<DocId, Vec<usize>> = HashMap::new();
    let mut stored: std::collections::HashSet<DocId> = Default::default();
    let mut queue: Vec<usize> = perm.iter().rev().copied().collect();
    while let Some(i) = queue.pop() {
        let (doc, _) = &all[i];
        match &doc.duplicate_of {
            Some(root) if !stored.contains(root) => {
                waiting.entry(root.clone()).or_default().push(i);
            }
            _ => {
                stored.insert(doc.id.clone());
                if let Some(copies) = waiting.remove(&doc.id) {
                    queue.extend(copies.into_iter().rev());
                }
                out.push(all[i].clone());
            }
        }
    }
    assert_eq!(
        out.len(),
        all.len(),
        "every original is among the documents"
    );
    out
}

/// The store, as the engine keeps it: claims in arrival order, and one state per bucket.
#[derive(Default)]
struct Model {
    claims: Vec<Claim>,
    /// Each claim's bucket, as the engine stores it: read with its document's other claims.
    buckets: Vec<String>,
    refs: Vec<ClaimRef>,
    docs: Vec<SourceDoc>,
    states: BTreeMap<String, BucketState>,
}

impl Model {
    /// Stores one batch, recomputes the buckets it touches and returns the alerts it raises.
    fn ingest(&mut self, batch: &[(SourceDoc, Vec<Claim>)]) -> Vec<sinew_types::Alert> {
        let analysed_before = !self.claims.is_empty();
        let mut touched = BTreeSet::new();
        for (doc, claims) in batch {
            self.docs.push(doc.clone());
            for (ord, (c, key)) in claims.iter().zip(claim_buckets(claims)).enumerate() {
                touched.insert(key.clone());
                self.buckets.push(key);
                self.claims.push(c.clone());
                self.refs.push(ClaimRef {
                    doc: c.doc.clone(),
                    ord: ord as u32,
                });
            }
        }
        // Round-trip through JSON, as the store keeps states.
        let (claims, refs): (Vec<Claim>, Vec<ClaimRef>) = self
            .claims
            .iter()
            .zip(&self.refs)
            .zip(&self.buckets)
            .filter(|(_, key)| touched.contains(*key))
            .map(|((c, r), _)| (c.clone(), r.clone()))
            .unzip();
        let new_docs: Vec<DocId> = batch.iter().map(|(d, _)| d.id.clone()).collect();
        let known_flows = self
            .states
            .values()
            .filter(|s| !touched.contains(&s.key))
            .flat_map(BucketState::flow_ids)
            .collect();
        let scope = AlertScope {
            analysed_before,
            known_flows,
        };
        let alerts = detect_alerts_in(&claims, &self.docs, &new_docs, &scope);
        let before: Vec<BucketState> = touched
            .iter()
            .filter_map(|key| self.states.get(key).cloned())
            .collect();
        let after = analyse_buckets(&claims, &refs, &self.docs);
        // The engine's way: the kept states are the ledger before, the new ones the ledger
        // after, and nothing is grouped again.
        let from_states = detect_alerts_between(
            before,
            after.clone(),
            &claims,
            &refs,
            &self.docs,
            &new_docs,
            &scope,
        );
        assert_eq!(
            from_states, alerts,
            "alerts from states equal alerts from claims"
        );
        for state in after {
            let kept = BucketState::from_json(&state.to_json()).expect("state reads back");
            assert_eq!(kept, state, "state survives storage");
            self.states.insert(state.key.clone(), kept);
        }
        alerts
    }

    fn position(&self) -> HashMap<&ClaimRef, usize> {
        self.refs.iter().enumerate().map(|(i, r)| (r, i)).collect()
    }
}

/// Claim indexes rewritten as positions in arrival order.
fn ledger_in(mut ledger: Ledger, refs: &[ClaimRef], pos: &HashMap<&ClaimRef, usize>) -> Ledger {
    for g in &mut ledger.groups {
        for m in &mut g.claims {
            m.claim = pos[&refs[m.claim]];
        }
    }
    ledger
}

fn network_in(mut net: Network, refs: &[ClaimRef], pos: &HashMap<&ClaimRef, usize>) -> Network {
    let remap = |list: &mut Vec<usize>| {
        for i in list.iter_mut() {
            *i = pos[&refs[*i]];
        }
        list.sort_unstable();
    };
    for f in &mut net.flows {
        remap(&mut f.claims);
    }
    for d in &mut net.dependencies {
        remap(&mut d.claims);
    }
    net
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn incremental_analysis_equals_full_recomputation(
        seed in any::<u64>(),
        docs in 4usize..40,
        order in any::<u64>(),
        cuts in proptest::collection::vec(any::<u16>(), 0..6),
    ) {
        let all = documents(seed, docs);
        let perm = shuffle(all.len(), order);
        let arrived = originals_first(&all, &perm);
        let mut bounds: Vec<usize> = cuts.iter().map(|&c| c as usize % (arrived.len() + 1)).collect();
        bounds.push(0);
        bounds.push(arrived.len());
        bounds.sort_unstable();
        bounds.dedup();

        let mut model = Model::default();
        for w in bounds.windows(2) {
            let batch = &arrived[w[0]..w[1]];
            let alerts = model.ingest(batch);
            let new_docs: Vec<DocId> = batch.iter().map(|(d, _)| d.id.clone()).collect();
            let full = detect_alerts(&model.claims, &model.docs, &new_docs);
            prop_assert_eq!(alerts, full, "alerts of batch {:?}", w);
        }

        let pos = model.position();
        let states: Vec<BucketState> = model.states.values().cloned().collect();
        let full_ledger = build_ledger(&model.claims, &model.docs);
        let (ledger, refs) = ledger_of(states.clone());
        prop_assert_eq!(
            ledger_in(ledger, &refs, &pos),
            ledger_in(full_ledger.clone(), &model.refs, &pos)
        );
        let (net, refs) = network_of(states.clone(), &[], &[]);
        let full_net = build_network(&full_ledger, &model.claims, &[], &[]);
        let full_net = network_in(full_net, &model.refs, &pos);
        prop_assert_eq!(network_in(net, &refs, &pos), full_net.clone());
        // One fold for both, as the briefing reads them: the same ledger and network.
        let (ledger, net, refs) = ledger_and_network_of(states.clone(), &[], &[]);
        prop_assert_eq!(
            ledger_in(ledger, &refs, &pos),
            ledger_in(full_ledger.clone(), &model.refs, &pos)
        );
        prop_assert_eq!(network_in(net, &refs, &pos), full_net.clone());

        // The compact form a digest keeps (store v20), through its JSON: the same network
        // with the same references, and the groups in the same ledger order.
        let compact: Vec<BucketState> = states
            .iter()
            .map(|s| {
                let json = serde_json::to_string(&s.to_net()).expect("compact form writes");
                let back: NetState = serde_json::from_str(&json).expect("compact form reads");
                back.into_state()
            })
            .collect();
        let (ledger, net, refs) = ledger_and_network_of(compact, &[], &[]);
        prop_assert_eq!(network_in(net, &refs, &pos), full_net);
        let ids = |l: &Ledger| l.groups.iter().map(|g| g.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&ledger), ids(&full_ledger));
        let full_refs: Vec<&ClaimRef> = full_ledger
            .groups
            .iter()
            .flat_map(|g| g.claims.iter().map(|m| &model.refs[m.claim]))
            .collect();
        let compact_refs: Vec<&ClaimRef> = ledger
            .groups
            .iter()
            .flat_map(|g| g.claims.iter().map(|m| &refs[m.claim]))
            .collect();
        prop_assert_eq!(compact_refs, full_refs);

        // Rolled up to states: the second corpus's "Elsewhere X" actors are companies of X.
        let actors: Vec<ActorInfo> = model
            .claims
            .iter()
            .flat_map(|c| [&c.subject, &c.object])
            .flatten()
            .filter_map(|n| Some((n, n.strip_prefix("Elsewhere ")?)))
            .collect::<BTreeMap<_, _>>()
            .into_iter()
            .map(|(name, state)| ActorInfo {
                name: name.clone(),
                entity_type: EntityType::Company,
                country: Some(state.to_string()),
            })
            .collect();
        let (net, refs) = network_by_state_of(states, &[], &actors);
        let full_net = build_network_by_state(&full_ledger, &model.claims, &[], &actors);
        prop_assert_eq!(network_in(net, &refs, &pos), network_in(full_net, &model.refs, &pos));
    }
}
