//! Near-duplicate grouping on articles written for these tests (tests/near_dups/): a wire
//! story, copies of it with other site furniture, headline and a sentence or two changed, and
//! different stories on the same topic or built on the same template.

use sinew_ingest::{fingerprint, similarity, DupIndex};
use sinew_types::{DocId, Document};

use crate::{manifest_dir, read_ok};

fn doc(name: &str) -> Document {
    let mut parsed = read_ok(&manifest_dir().join("tests/near_dups").join(name));
    assert_eq!(parsed.docs.len(), 1, "{name}");
    parsed.docs.remove(0)
}

/// (first, second, near-duplicates?)
const PAIRS: &[(&str, &str, bool)] = &[
    ("wire.txt", "wire-syndicated.txt", true),
    ("wire.txt", "wire-saved-again.txt", true),
    ("wire.txt", "wire-trimmed.txt", true),
    ("wire-syndicated.txt", "wire-trimmed.txt", true),
    ("wire.txt", "same-topic.txt", false),
    ("wire-syndicated.txt", "same-topic.txt", false),
    ("brief-a.txt", "brief-b.txt", false),
    ("brief-a.txt", "wire.txt", false),
];

#[test]
fn copies_match_and_different_stories_do_not() {
    let mut failures = Vec::new();
    for (a, b, want) in PAIRS {
        let (da, db) = (doc(a), doc(b));
        let fa = fingerprint(&da.text).expect(a);
        let fb = fingerprint(&db.text).expect(b);
        let s = similarity(&fa, &fb);
        eprintln!("{a} ~ {b}: {s:.3}");
        let mut index = DupIndex::default();
        index.insert(da.id.clone(), &fa, None);
        let found = index.find(&fb).map(|m| m.doc.clone());
        if found.is_some() != *want {
            failures.push(format!(
                "{a} ~ {b}: similarity {s:.3}, expected match {want}"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_chain_of_copies_is_one_group_named_by_its_first_document() {
    let mut index = DupIndex::default();
    let mut groups = Vec::new();
    for name in [
        "wire-trimmed.txt",
        "same-topic.txt",
        "wire.txt",
        "wire-saved-again.txt",
        "wire-syndicated.txt",
    ] {
        let d = doc(name);
        let fp = fingerprint(&d.text).expect(name);
        let group = index.find(&fp).map(|m| m.group.clone());
        index.insert(d.id.clone(), &fp, group.clone());
        groups.push((name, group.map(|g| g == doc("wire-trimmed.txt").id)));
    }
    assert_eq!(
        groups,
        [
            ("wire-trimmed.txt", None),
            ("same-topic.txt", None),
            ("wire.txt", Some(true)),
            ("wire-saved-again.txt", Some(true)),
            ("wire-syndicated.txt", Some(true)),
        ]
    );
}

#[test]
fn short_texts_get_no_fingerprint() {
    let text = "Kim Jong Un met Vladimir Putin in Vostochny on Wednesday, state media said.";
    assert_eq!(fingerprint(text), None);
    // The two template briefs are long enough to fingerprint, and stay apart (see PAIRS).
    assert!(fingerprint(&doc("brief-a.txt").text).is_some());
}

/// False positives among many different texts of the same shape: every pair of 200 articles
/// built from one template (shared opening and closing sentences, different middles) must stay
/// apart, and the index must agree with a full scan.
#[test]
fn templated_texts_do_not_collide() {
    let middle = |i: usize| {
        format!(
            "Officials in province {i} said that {n} trucks of grain, {m} tonnes of steel and \
             {k} crates of parts crossed checkpoint {i} during week {w}, while inspectors \
             opened {j} containers and seized goods worth {v} thousand dollars from traders \
             registered in district {d}.",
            n = i * 7 + 3,
            m = i * 13 + 11,
            k = i * 5 + 1,
            w = i % 52,
            j = i * 3 + 2,
            v = i * 17 + 9,
            d = i * 11 + 4,
        )
    };
    let text = |i: usize| {
        format!(
            "The customs service released its weekly border report on Friday. {} The report \
             did not say which companies were involved or whether charges would follow, and \
             the service did not answer questions by phone.",
            middle(i)
        )
    };
    let prints: Vec<_> = (0..200)
        .map(|i| fingerprint(&text(i)).expect("long enough"))
        .collect();
    let mut index = DupIndex::default();
    let mut worst = 0.0f64;
    for (i, fp) in prints.iter().enumerate() {
        for other in &prints[..i] {
            worst = worst.max(similarity(fp, other));
        }
        assert!(index.find(fp).is_none(), "template text {i} matched");
        index.insert(DocId(i.to_string()), fp, None);
    }
    eprintln!("templated texts: highest similarity {worst:.3}");
    assert!(worst < 0.5);
}

#[test]
fn documents_carry_their_fingerprint_and_no_link() {
    let d = doc("wire.txt");
    assert_eq!(d.fingerprint, fingerprint(&d.text));
    assert!(d.fingerprint.is_some());
    assert_eq!(d.duplicate_of, None::<DocId>);
    let short = sinew_ingest::parse_bytes(
        "short.txt",
        b"Kim Jong Un met Vladimir Putin in Vostochny on Wednesday, state media said.",
        sinew_ingest::Format::Text,
        &sinew_ingest::IngestConfig::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(short.docs[0].fingerprint, None);
}
