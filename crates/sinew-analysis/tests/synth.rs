//! The ledger against the synthetic corpus's truth, with claims as a perfect extractor would
//! read them: what reconciliation alone achieves.

use sinew_analysis::build_ledger;
use sinew_analysis::synth::{generate, score, SynthConfig};
use sinew_analysis::SourceDoc;
use sinew_types::DocId;

#[test]
fn ledger_recovers_the_synthetic_truth() {
    for seed in [1, 2, 3] {
        let corpus = generate(&SynthConfig {
            seed,
            documents: 400,
            ..SynthConfig::default()
        });
        let ids: Vec<DocId> = (0..corpus.documents.len())
            .map(|d| DocId(format!("synth{d:06}")))
            .collect();
        let docs: Vec<SourceDoc> = corpus.source_docs(&ids);
        let claims = corpus.claims(&ids);
        let ledger = build_ledger(&claims, &docs);
        let s = score(&corpus, &ids, &claims, &ledger);
        eprintln!(
            "seed {seed}: {} statements, {} groups; purity {:.3}, completeness {:.3}; \
             conflicts over {} contested figures: precision {:.3}, recall {:.3}, F1 {:.3}, \
             accuracy {:.3}",
            s.statements,
            ledger.groups.len(),
            s.purity,
            s.completeness,
            s.contested,
            s.conflict_precision,
            s.conflict_recall,
            s.conflict_f1,
            s.conflict_accuracy
        );
        assert_eq!(s.matched, s.statements);
        assert!(s.purity >= 0.95, "purity {:.3}", s.purity);
        assert!(s.conflict_f1 >= 0.95, "conflict F1 {:.3}", s.conflict_f1);
    }
}
