//! The ledger against the synthetic corpus's truth, end to end: the documents' text goes
//! through claim extraction, and the claims through reconciliation.

use sinew_analysis::synth::{generate, score, SynthConfig};
use sinew_analysis::{build_ledger, SourceDoc};
use sinew_types::{Claim, DocId};

#[test]
fn ledger_over_extracted_claims_recovers_the_synthetic_truth() {
    let corpus = generate(&SynthConfig {
        seed: 7,
        documents: 300,
        ..SynthConfig::default()
    });
    let mut ids: Vec<DocId> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    for doc in &corpus.documents {
        let ann = sinew_engine::annotate_text(&doc.text, Some(doc.published));
        ids.push(
            ann.claims
                .first()
                .map(|c| c.doc.clone())
                .unwrap_or_else(|| DocId(doc.name.clone())),
        );
        claims.extend(ann.claims);
    }
    let docs: Vec<SourceDoc> = corpus.source_docs(&ids);
    let ledger = build_ledger(&claims, &docs);
    let s = score(&corpus, &ids, &claims, &ledger);
    eprintln!(
        "synthetic corpus, extracted claims: {} statements, {} matched, {} claims, {} groups; \
         purity {:.3}, completeness {:.3}; conflicts over {} contested figures: precision \
         {:.3}, recall {:.3}, F1 {:.3}, accuracy {:.3}",
        s.statements,
        s.matched,
        claims.len(),
        ledger.groups.len(),
        s.purity,
        s.completeness,
        s.contested,
        s.conflict_precision,
        s.conflict_recall,
        s.conflict_f1,
        s.conflict_accuracy
    );
    assert!(s.matched as f64 >= 0.95 * s.statements as f64);
    assert!(s.purity >= 0.95, "purity {:.3}", s.purity);
    assert!(s.conflict_f1 >= 0.95, "conflict F1 {:.3}", s.conflict_f1);
}
