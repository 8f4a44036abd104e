//! How the kind reader classes real pages: the seeds (one of them an AI-written daily report,
//! which must come out derivative) and the project's sample corpus (news reports, every one
//! original). Each page's kind is printed for the record.

use sinew_ingest::source_kind;
use sinew_types::SourceKind;

use crate::{manifest_dir, read_ok};

#[test]
fn seed_kinds() {
    let Some(shared) = sinew_testkit::shared() else {
        return;
    };
    let dir = shared.join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut derivative = Vec::new();
    for name in &names {
        for doc in read_ok(&dir.join(name)).docs {
            let kind = source_kind(&doc);
            println!("{name}: {}", kind.as_str());
            if kind == SourceKind::Derivative {
                derivative.push(name.clone());
            }
        }
    }
    // the daily report (table of contents, glossary, source documents, a digest masthead)
    // and nothing else
    assert_eq!(derivative, ["004_f836de206c2cab78.txt"], "{derivative:?}");
}

#[test]
fn sample_corpus_reports_are_original() {
    let dir = manifest_dir().join("../../corpus/sample");
    let (files, errors) = sinew_ingest::collect_files(&[dir]);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(files.len() >= 8, "{files:?}");
    for file in files {
        for doc in read_ok(&file).docs {
            let kind = source_kind(&doc);
            println!("{}: {}", doc.source, kind.as_str());
            assert_eq!(kind, SourceKind::Original, "{}", doc.source);
        }
    }
}
