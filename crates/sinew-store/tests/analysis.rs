//! The analysis tables: pending work is written with its documents and cleared by the
//! transaction that stores the analysis; kept states, claim buckets, flows and ties read back.

use sinew_store::{AnalysisUpdate, BucketRow};
use sinew_types::{Alert, AlertKind, DocId};

use sinew_store::Store;

use crate::backends::{backends, Location};
use crate::common::{plain, rich};

#[test]
fn analysis_commits_with_its_pending_work_and_reads_back() {
    for backend in backends() {
        let store = &*backend.store;
        let (a, ann_a) = rich();
        let (b, ann_b) = plain();
        store
            .put_batch(&[(a.clone(), ann_a.clone()), (b.clone(), ann_b.clone())])
            .expect("batch");
        assert_eq!(
            store.pending().expect("pending"),
            [a.id.clone(), b.id.clone()]
        );
        assert!(!store.has_analysed().expect("analysed"));

        let claims = store
            .claims_of_docs(std::slice::from_ref(&a.id))
            .expect("claims");
        assert_eq!(claims.len(), ann_a.claims.len());
        assert!(claims.iter().zip(&ann_a.claims).all(|(k, c)| &k.claim == c));
        // What a bulk analysis stores before the states (claim buckets, ties), the document
        // still pending: nothing reads as analysed yet, and its ties are not handed on.
        let first_step = AnalysisUpdate {
            claim_buckets: claims
                .iter()
                .map(|k| ("china\u{1f}russia".to_string(), a.id.clone(), k.ord))
                .collect(),
            ties: vec![(a.id.clone(), "[]".into())],
            ..AnalysisUpdate::default()
        };
        store.commit_analysis(&first_step).expect("first step");
        assert!(!store.has_analysed().expect("analysed"));
        assert!(store.ties().expect("ties").is_empty());
        let alert = Alert {
            kind: AlertKind::NewFlow,
            key: "china->russia:dual_use".into(),
            doc: a.id.clone(),
            subject: Some("China".into()),
            object: Some("Russia".into()),
            message: "new flow".into(),
        };
        let update = AnalysisUpdate {
            done: vec![a.id.clone()],
            claim_buckets: claims
                .iter()
                .map(|k| ("china\u{1f}russia".to_string(), a.id.clone(), k.ord))
                .collect(),
            buckets: vec![BucketRow {
                bucket: "china\u{1f}russia".into(),
                state: "{}".into(),
                summary: None,
                flows: vec!["china->russia:dual_use".into()],
            }],
            ties: vec![(a.id.clone(), "[]".into())],
            alerts: vec![alert.clone()],
            kinds: vec![(a.id.clone(), sinew_types::SourceKind::Derivative)],
        };
        assert_eq!(store.commit_analysis(&update).expect("commit"), 1);
        assert_eq!(
            store.commit_analysis(&update).expect("again"),
            0,
            "alerts kept once"
        );
        assert_eq!(
            store.pending().expect("pending"),
            std::slice::from_ref(&b.id)
        );
        assert!(store.has_analysed().expect("analysed"));
        let key = vec!["china\u{1f}russia".to_string()];
        assert_eq!(
            store.bucket_claims(&key).expect("bucket").len(),
            claims.len()
        );
        // With packs kept across calls the answer is the same, the document unpacked once.
        let mut packs = sinew_store::ClaimPacks::new(1000);
        let plain = store.bucket_claims(&key).expect("bucket");
        let with = store.bucket_claims_with(&key, &mut packs).expect("with");
        assert_eq!(packs.len(), 1);
        let again = store.bucket_claims_with(&key, &mut packs).expect("again");
        let refs = |k: &[sinew_store::KeyedClaim]| -> Vec<(i64, u32, sinew_types::Claim)> {
            k.iter().map(|k| (k.seq, k.ord, k.claim.clone())).collect()
        };
        assert_eq!(refs(&with), refs(&plain));
        assert_eq!(refs(&again), refs(&plain));
        assert_eq!(
            store.bucket_states(Some(&key)).expect("states"),
            [(key[0].clone(), "{}".to_string())]
        );
        // handed on one at a time, in the order asked, a bucket without a state left out
        let asked = ["missing".to_string(), key[0].clone(), key[0].clone()];
        let mut handed = Vec::new();
        store
            .each_bucket_state(&asked, &mut |k, state| {
                handed.push((k.to_string(), String::from_utf8_lossy(state).into_owned()));
            })
            .expect("each state");
        assert_eq!(
            handed,
            [
                (key[0].clone(), "{}".to_string()),
                (key[0].clone(), "{}".to_string())
            ]
        );
        let flows = [
            "china->russia:dual_use".to_string(),
            "x->y:arms".to_string(),
        ];
        assert!(store
            .flows_outside(&flows, &key)
            .expect("inside")
            .is_empty());
        assert_eq!(
            store.flows_outside(&flows, &[]).expect("outside"),
            [flows[0].clone()]
        );
        assert_eq!(store.ties().expect("ties"), ["[]"]);
        assert_eq!(store.alerts().expect("alerts")[0].alert, alert);

        let words = store
            .claim_words(&[(a.id.clone(), 0), (DocId("missing".into()), 0)])
            .expect("words");
        let first = words[0].as_ref().expect("stored claim");
        let c = &ann_a.claims[0];
        assert_eq!(first.quote, c.span.slice(&a.text).expect("quote"));
        assert_eq!(first.sentence, c.sentence.slice(&a.text).expect("sentence"));
        assert_eq!(first.source, a.source);
        assert!(words[1].is_none());
        // the SQLite store reads quotes from the span columns, never decoding the claim: what
        // the trait's default gives from `claim_words`, every claim asked for, one of them twice
        let n = u32::try_from(ann_a.claims.len()).expect("few claims");
        let mut refs: Vec<(DocId, u32)> = (0..n).rev().map(|o| (a.id.clone(), o)).collect();
        refs.push((a.id.clone(), 0));
        refs.push((DocId("missing".into()), 0));
        let quotes = store.claim_quotes(&refs).expect("quotes");
        let words = store.claim_words(&refs).expect("words");
        assert_eq!(quotes.len(), refs.len());
        for (q, w) in quotes.iter().zip(&words) {
            let Some(w) = w else {
                assert!(q.is_none());
                continue;
            };
            let q = q.as_ref().expect("stored claim");
            assert_eq!((q.seq, q.ord, q.span), (w.seq, w.ord, w.claim.span));
            assert_eq!((&q.source, &q.quote), (&w.source, &w.quote));
        }
        assert!(quotes[..quotes.len() - 1].iter().all(Option::is_some));
        let spans = store
            .span_words(&[(b.id.clone(), ann_b.sentences[0].span)])
            .expect("spans");
        assert_eq!(
            spans[0].as_ref().map(|(_, w)| w.as_str()),
            Some(b.text.as_str())
        );
        let headers = store
            .doc_headers(&[a.id.clone(), b.id.clone()])
            .expect("headers");
        assert_eq!(headers[1].source, b.source);
        // The kind analysis read is kept with the header; a document not analysed has none.
        assert_eq!(headers[0].kind, Some(sinew_types::SourceKind::Derivative));
        assert_eq!(headers[1].kind, None);

        // Redoing the analysis drops what was kept and marks every document pending; the
        // documents, their claims and the alerts stay.
        assert_eq!(store.redo_analysis().expect("redo"), 2);
        assert_eq!(
            store.pending().expect("pending"),
            [a.id.clone(), b.id.clone()]
        );
        assert!(!store.has_analysed().expect("analysed"));
        assert!(store.bucket_states(None).expect("states").is_empty());
        assert!(store.bucket_claims(&key).expect("bucket").is_empty());
        assert_eq!(
            store.flows_outside(&flows, &[]).expect("outside"),
            Vec::<String>::new()
        );
        assert_eq!(
            store
                .claims_of_docs(std::slice::from_ref(&a.id))
                .expect("claims")
                .len(),
            ann_a.claims.len()
        );
        assert_eq!(store.alerts().expect("alerts")[0].alert, alert);
        // and again on a store with nothing kept: the same documents, once each
        assert_eq!(store.redo_analysis().expect("redo twice"), 2);
    }
}

/// Sets a store back to schema v16 (no summaries), by hand.
fn back_to_v16(location: &Location) {
    match location {
        Location::File(path) => rusqlite::Connection::open(path)
            .expect("open by hand")
            .execute_batch(
                "ALTER TABLE analysis_buckets DROP COLUMN summary; ALTER TABLE briefings DROP \
                 COLUMN last_doc; PRAGMA user_version = 16;",
            )
            .expect("back to v16"),
        #[cfg(feature = "postgres")]
        Location::Url(url) => postgres::Client::connect(url, postgres::NoTls)
            .expect("connect by hand")
            .batch_execute(
                "ALTER TABLE analysis_buckets DROP COLUMN summary; \
                 ALTER TABLE briefings DROP COLUMN last_doc; \
                 UPDATE sinew_meta SET value = '16' WHERE key = 'schema_version';",
            )
            .expect("back to v16"),
        #[cfg(not(feature = "postgres"))]
        Location::Url(_) => unreachable!("no PostgreSQL store in this build"),
    }
}

/// `(bucket, text, is a summary)` as `each_bucket_summary` hands them on.
fn summaries(store: &dyn Store, keys: &[&str]) -> Vec<(String, String, bool)> {
    let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
    let mut out = Vec::new();
    store
        .each_bucket_summary(&keys, &mut |k, text, summary| {
            out.push((
                k.to_string(),
                String::from_utf8_lossy(text).into_owned(),
                summary,
            ));
        })
        .expect("each summary");
    out
}

fn row(bucket: &str, state: &str, summary: Option<&str>) -> BucketRow {
    BucketRow {
        bucket: bucket.into(),
        state: state.into(),
        summary: summary.map(String::from),
        flows: Vec::new(),
    }
}

fn hand(bucket: &str, text: &str, summary: bool) -> (String, String, bool) {
    (bucket.into(), text.into(), summary)
}

fn put(store: &dyn Store, bucket: &str, summary: Option<&str>) -> usize {
    store
        .put_bucket_summaries(&[(bucket.into(), summary.map(String::from))])
        .expect("put summary")
}

#[test]
fn bucket_summaries_are_kept_with_their_states_and_filled_where_a_v16_store_had_none() {
    for backend in backends() {
        let store = &*backend.store;
        let update = AnalysisUpdate {
            buckets: vec![
                row("k1", r#"{"s":1}"#, Some(r#"{"m":1}"#)),
                row("k2", r#"{"s":2}"#, Some(r#"{"m":2}"#)),
                // a state that is its own summary
                row("k3", r#"{"s":3}"#, None),
            ],
            ..AnalysisUpdate::default()
        };
        store.commit_analysis(&update).expect("commit");
        // the summary written with each state, in the order asked, a missing bucket left out
        assert_eq!(
            summaries(store, &["k2", "missing", "k1", "k3"]),
            [
                hand("k2", r#"{"m":2}"#, true),
                hand("k1", r#"{"m":1}"#, true),
                hand("k3", r#"{"s":3}"#, true)
            ]
        );
        assert!(store.buckets_without_summary().expect("without").is_empty());
        // a summary is never written over one kept with its state
        assert_eq!(put(store, "k1", Some(r#"{"stale":1}"#)), 0);
        assert_eq!(put(store, "k3", Some(r#"{"stale":3}"#)), 0);
        assert_eq!(
            summaries(store, &["k1", "k3"]),
            [
                hand("k1", r#"{"m":1}"#, true),
                hand("k3", r#"{"s":3}"#, true)
            ]
        );

        // A v16 store: read-only, its states are handed on whole; opened for writing, it
        // migrates keeping them, without summaries until they are put.
        back_to_v16(&backend.location);
        let old = backend.reopen_read_only();
        assert_eq!(
            summaries(&*old, &["k1", "k2"]),
            [
                hand("k1", r#"{"s":1}"#, false),
                hand("k2", r#"{"s":2}"#, false)
            ]
        );
        assert_eq!(
            old.buckets_without_summary().expect("without"),
            ["k1", "k2", "k3"]
        );
        drop(old);
        let store = backend.reopen();
        assert!(
            store.pending().expect("pending").is_empty(),
            "nothing redone"
        );
        assert_eq!(
            store.buckets_without_summary().expect("without"),
            ["k1", "k2", "k3"]
        );
        assert_eq!(put(&*store, "k1", Some(r#"{"m":1}"#)), 1);
        assert_eq!(put(&*store, "k3", None), 1);
        assert_eq!(
            summaries(&*store, &["k1", "k2", "k3"]),
            [
                hand("k1", r#"{"m":1}"#, true),
                hand("k2", r#"{"s":2}"#, false),
                hand("k3", r#"{"s":3}"#, true)
            ]
        );
        assert_eq!(store.buckets_without_summary().expect("without"), ["k2"]);
        // a state written again carries its own summary, which a late fill leaves alone
        store
            .commit_analysis(&AnalysisUpdate {
                buckets: vec![row("k2", r#"{"s":4}"#, Some(r#"{"m":4}"#))],
                ..AnalysisUpdate::default()
            })
            .expect("recommit");
        assert_eq!(put(&*store, "k2", Some(r#"{"m":2}"#)), 0);
        assert_eq!(
            summaries(&*store, &["k2"]),
            [hand("k2", r#"{"m":4}"#, true)]
        );
        assert!(store.buckets_without_summary().expect("without").is_empty());
    }
}

#[test]
fn a_summarys_head_is_its_first_line_and_a_whole_state_is_handed_whole() {
    for backend in backends() {
        let store = &*backend.store;
        // a digest's first line, then what few readers read; a summary of one line; a state
        // that is its own summary
        let two_lines = format!("{}\n{}", r#"{"lead":"Ossland"}"#, r#"["wheat","barley"]"#);
        let update = AnalysisUpdate {
            buckets: vec![
                row("k1", r#"{"s":1}"#, Some(&two_lines)),
                row("k2", r#"{"s":2}"#, Some(r#"{"m":2}"#)),
                row("k3", r#"{"s":3}"#, None),
            ],
            ..AnalysisUpdate::default()
        };
        store.commit_analysis(&update).expect("commit");
        let heads = |store: &dyn Store, keys: &[&str]| {
            let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            let mut out = Vec::new();
            store
                .each_bucket_summary_head(&keys, &mut |k, text, summary| {
                    out.push(hand(k, &String::from_utf8_lossy(text), summary));
                })
                .expect("each head");
            out
        };
        assert_eq!(
            heads(store, &["k3", "k1", "missing", "k2"]),
            [
                hand("k3", r#"{"s":3}"#, true),
                hand("k1", r#"{"lead":"Ossland"}"#, true),
                hand("k2", r#"{"m":2}"#, true)
            ]
        );
        // the summary itself is kept whole
        assert_eq!(summaries(store, &["k1"]), [hand("k1", &two_lines, true)]);
        // A whole state is never cut (a state held a line break here only to show it).
        store
            .commit_analysis(&AnalysisUpdate {
                buckets: vec![row("k4", "{\"s\":\n4}", Some(&two_lines))],
                ..AnalysisUpdate::default()
            })
            .expect("commit k4");
        back_to_v16(&backend.location);
        let old = backend.reopen_read_only();
        assert_eq!(heads(&*old, &["k4"]), [hand("k4", "{\"s\":\n4}", false)]);
    }
}

/// Sets a store back to schema v17 (the summaries a v17 build wrote), by hand.
fn back_to_v17(location: &Location) {
    match location {
        Location::File(path) => rusqlite::Connection::open(path)
            .expect("open by hand")
            .execute_batch("ALTER TABLE briefings DROP COLUMN last_doc; PRAGMA user_version = 17;")
            .expect("back to v17"),
        #[cfg(feature = "postgres")]
        Location::Url(url) => postgres::Client::connect(url, postgres::NoTls)
            .expect("connect by hand")
            .batch_execute(
                "ALTER TABLE briefings DROP COLUMN last_doc; \
                 UPDATE sinew_meta SET value = '17' WHERE key = 'schema_version';",
            )
            .expect("back to v17"),
        #[cfg(not(feature = "postgres"))]
        Location::Url(_) => unreachable!("no PostgreSQL store in this build"),
    }
}

#[test]
fn the_v18_step_clears_the_summaries_a_v17_build_wrote_and_keeps_the_states() {
    for backend in backends() {
        let store = &*backend.store;
        let update = AnalysisUpdate {
            buckets: vec![
                row("k1", r#"{"s":1}"#, Some(r#"{"m":1}"#)),
                row("k2", r#"{"s":2}"#, None),
            ],
            ..AnalysisUpdate::default()
        };
        store.commit_analysis(&update).expect("commit");
        back_to_v17(&backend.location);
        // read-only, a v17 store hands on what a v17 build wrote
        let old = backend.reopen_read_only();
        assert_eq!(
            summaries(&*old, &["k1", "k2"]),
            [
                hand("k1", r#"{"m":1}"#, true),
                hand("k2", r#"{"s":2}"#, true)
            ]
        );
        drop(old);
        // opened for writing, it migrates: the states stay, whole, until summaries are put
        let store = backend.reopen();
        assert!(
            store.pending().expect("pending").is_empty(),
            "nothing redone"
        );
        assert_eq!(
            store.buckets_without_summary().expect("without"),
            ["k1", "k2"]
        );
        assert_eq!(
            summaries(&*store, &["k1", "k2"]),
            [
                hand("k1", r#"{"s":1}"#, false),
                hand("k2", r#"{"s":2}"#, false)
            ]
        );
        assert_eq!(put(&*store, "k1", Some(r#"{"d":1}"#)), 1);
        assert_eq!(
            summaries(&*store, &["k1"]),
            [hand("k1", r#"{"d":1}"#, true)]
        );
    }
}

/// Sets a store back to schema v19, by hand: the v20 step changes no table, only what the
/// summaries hold, so a v19 store is this one with its summaries as a v19 build wrote them.
fn back_to_v19(location: &Location) {
    match location {
        Location::File(path) => rusqlite::Connection::open(path)
            .expect("open by hand")
            .execute_batch("PRAGMA user_version = 19;")
            .expect("back to v19"),
        #[cfg(feature = "postgres")]
        Location::Url(url) => postgres::Client::connect(url, postgres::NoTls)
            .expect("connect by hand")
            .batch_execute("UPDATE sinew_meta SET value = '19' WHERE key = 'schema_version';")
            .expect("back to v19"),
        #[cfg(not(feature = "postgres"))]
        Location::Url(_) => unreachable!("no PostgreSQL store in this build"),
    }
}

#[test]
fn the_v20_step_clears_the_digests_a_v19_build_wrote_and_keeps_the_states() {
    for backend in backends() {
        let store = &*backend.store;
        let update = AnalysisUpdate {
            buckets: vec![
                row("k1", r#"{"s":1}"#, Some(r#"{"lead":1}"#)),
                // a state that is its own summary
                row("k2", r#"{"s":2}"#, None),
            ],
            ..AnalysisUpdate::default()
        };
        store.commit_analysis(&update).expect("commit");
        back_to_v19(&backend.location);
        // read-only, a v19 store hands on what a v19 build wrote
        let old = backend.reopen_read_only();
        assert_eq!(
            summaries(&*old, &["k1", "k2"]),
            [
                hand("k1", r#"{"lead":1}"#, true),
                hand("k2", r#"{"s":2}"#, true)
            ],
            "{}",
            backend.name
        );
        assert!(old.buckets_without_summary().expect("without").is_empty());
        drop(old);
        // opened for writing, it migrates: the states stay, whole, until digests are put
        let store = backend.reopen();
        assert!(
            store.pending().expect("pending").is_empty(),
            "nothing redone"
        );
        assert_eq!(
            store.buckets_without_summary().expect("without"),
            ["k1", "k2"],
            "{}",
            backend.name
        );
        assert_eq!(
            summaries(&*store, &["k1", "k2"]),
            [
                hand("k1", r#"{"s":1}"#, false),
                hand("k2", r#"{"s":2}"#, false)
            ]
        );
        assert_eq!(put(&*store, "k1", Some(r#"{"v":20}"#)), 1);
        assert_eq!(
            summaries(&*store, &["k1"]),
            [hand("k1", r#"{"v":20}"#, true)]
        );
    }
}

#[test]
fn the_buckets_of_an_actors_flows_are_found_by_its_network_id() {
    for backend in backends() {
        let store = &*backend.store;
        let (a, ann_a) = rich();
        store.put(&a, &ann_a).expect("put");
        let row = |bucket: &str, flows: &[&str]| BucketRow {
            bucket: bucket.into(),
            state: "{}".into(),
            summary: None,
            flows: flows.iter().map(|f| f.to_string()).collect(),
        };
        // Names that hold the actor's id ("ghana" in "new-ghana", "ghanaian") are others.
        let update = AnalysisUpdate {
            done: vec![a.id.clone()],
            buckets: vec![
                row("b1", &["ghana->togo:arms", "togo->benin:arms"]),
                row("b2", &["togo->ghana:energy"]),
                row("b3", &["new-ghana->togo:arms", "togo->ghanaian:food"]),
                row("b4", &["benin->togo:arms"]),
                row("b5", &["ghana->new-ghana:people", "ghana->togo:arms"]),
            ],
            ..AnalysisUpdate::default()
        };
        store.commit_analysis(&update).expect("commit");
        assert_eq!(
            store.flow_buckets("ghana").expect("ghana"),
            ["b1", "b2", "b5"]
        );
        assert_eq!(
            store.flow_buckets("new-ghana").expect("new-ghana"),
            ["b3", "b5"]
        );
        assert_eq!(
            store.flow_buckets("togo").expect("togo"),
            ["b1", "b2", "b3", "b4", "b5"]
        );
        assert!(store.flow_buckets("mali").expect("mali").is_empty());
    }
}
