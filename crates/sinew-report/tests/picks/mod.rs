//! The briefing over the groups `GroupPicks` keeps, bucket by bucket, is the briefing over the
//! whole ledger.

use sinew_report::{DocBundle, ReportConfig};
use sinew_types::SourceKind;

use crate::support::fixtures;

/// An engine over a large store keeps, bucket by bucket, only the groups `GroupPicks` keeps
/// instead of the whole ledger: the briefing over those (changes included) is the briefing
/// over every group, over a corpus where many buckets hold more groups than it shows.
#[test]
fn briefing_over_the_groups_group_picks_keeps_is_the_whole_ledgers() {
    use std::collections::BTreeMap;

    use sinew_analysis::synth::{generate, SynthConfig};
    use sinew_analysis::{
        analyse_buckets, detect_alerts, ledger_and_network_of, BucketState, ClaimRef, SourceDoc,
    };
    use sinew_report::{build_briefing, Changes, ChangesSince, Findings, GroupPicks};
    use sinew_types::{Annotations, Claim, DocId};

    let corpus = generate(&SynthConfig {
        documents: 400,
        conflict_share: 0.6,
        ..SynthConfig::default()
    });
    let ids: Vec<DocId> = (0..corpus.documents.len())
        .map(|d| DocId(format!("synth-{d:05}")))
        .collect();
    let mut claims = corpus.claims(&ids);
    // The figures of some actors (those whose names have an even length) lose their actors
    // whole: figures that name no actor fall in a few large buckets, each with more groups
    // than the briefing shows, and rank among the others by their documents.
    for c in &mut claims {
        if c.subject.as_ref().is_some_and(|s| s.len() % 2 == 0) {
            c.subject = None;
            c.object = None;
        }
    }
    let mut ords: BTreeMap<&DocId, u32> = BTreeMap::new();
    let refs: Vec<ClaimRef> = claims
        .iter()
        .map(|c| {
            let ord = ords.entry(&c.doc).or_default();
            *ord += 1;
            ClaimRef {
                doc: c.doc.clone(),
                ord: *ord - 1,
            }
        })
        .collect();
    let by_ref: BTreeMap<&ClaimRef, &Claim> = refs.iter().zip(&claims).collect();
    let docs: Vec<DocBundle> = corpus
        .documents
        .iter()
        .zip(&ids)
        .map(|(d, id)| {
            let mut doc = fixtures::document(&id.0, &d.name, None, &d.text);
            doc.published = Some(d.published);
            let ann = Annotations {
                claims: claims.iter().filter(|c| &c.doc == id).cloned().collect(),
                ..Annotations::default()
            };
            DocBundle {
                doc,
                ann,
                kind: SourceKind::Original,
            }
        })
        .collect();
    let sources: Vec<SourceDoc> = docs
        .iter()
        .map(|b| SourceDoc {
            id: b.doc.id.clone(),
            name: b.doc.source.clone(),
            published: b.doc.published,
            duplicate_of: b.doc.duplicate_of.clone(),
            kind: b.kind,
        })
        .collect();
    let alerts = detect_alerts(&claims, &sources, &ids[ids.len() - 60..]);
    assert!(!alerts.is_empty(), "the last documents raise alerts");
    let states: Vec<BucketState> = analyse_buckets(&claims, &refs, &sources);

    let mut picks = GroupPicks::new(&alerts);
    let mut picked = states.clone();
    for s in &mut picked {
        picks.bucket();
        s.retain_groups(|g| picks.keeps(g));
    }
    let all: usize = states.iter().map(|s| s.groups.len()).sum();
    let kept: usize = picked.iter().map(|s| s.groups.len()).sum();
    assert!(kept * 5 < all * 4, "{kept} of {all} groups kept");

    let config = ReportConfig::default();
    let briefing = |states: Vec<BucketState>| {
        let (ledger, network, refs) = ledger_and_network_of(states, &[], &[]);
        let claims: BTreeMap<usize, Claim> = refs
            .iter()
            .enumerate()
            .map(|(i, r)| (i, by_ref[r].clone()))
            .collect();
        let findings = Findings {
            ledger: &ledger,
            network: &network,
            claims: &claims,
            entities: &[],
            documents: docs.len(),
            changes: Some(Changes {
                since: ChangesSince::LastBriefing(chrono::NaiveDate::MIN),
                alerts: &alerts,
                fresh: sinew_report::Fresh::Unknown,
            }),
            events: &[],
            event_citations: &[],
        };
        build_briefing(&docs, &findings, &config)
    };
    let whole = briefing(states);
    assert!(
        !whole.figures.is_empty()
            && !whole.disagreements.is_empty()
            && !whole.network.is_empty()
            && whole.judgments.iter().any(|j| j.change.is_some()),
        "the corpus fills every section and says what changed: {whole:?}"
    );
    assert_eq!(briefing(picked), whole);
}
