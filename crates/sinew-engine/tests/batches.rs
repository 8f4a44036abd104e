//! How ingest uses the store: transactions bounded by bytes as well as documents, so a huge
//! document commits alone; near-duplicate links that do not depend on where the batches
//! fall; and read-only engines that read but refuse to ingest.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use sinew_engine::{Engine, EngineError, IngestOptions};
use sinew_store::{
    AnalysisStore, AnalysisUpdate, ClaimFilter, ClaimWords, DocFingerprint, DocHeader,
    EntitySummary, IngestLog, IngestRun, KeyedClaim, PutOutcome, SqliteStore, Store, StoreError,
    StoreStats, StoredAlert, WorkbenchStore,
};
use sinew_types::{Alert, Annotations, Claim, DocId, Document, Fingerprint, Span};

/// A store that records the documents of each transaction, by source name.
struct Recording {
    inner: SqliteStore,
    batches: Mutex<Vec<Vec<String>>>,
}

impl Store for Recording {
    fn put(&self, doc: &Document, ann: &Annotations) -> Result<PutOutcome, StoreError> {
        self.batches
            .lock()
            .expect("lock")
            .push(vec![doc.source.clone()]);
        self.inner.put(doc, ann)
    }
    fn put_batch(&self, items: &[(Document, Annotations)]) -> Result<Vec<PutOutcome>, StoreError> {
        let names = items.iter().map(|(d, _)| d.source.clone()).collect();
        self.batches.lock().expect("lock").push(names);
        self.inner.put_batch(items)
    }
    fn contains(&self, id: &DocId) -> Result<bool, StoreError> {
        self.inner.contains(id)
    }
    fn document(&self, id: &DocId) -> Result<Option<Document>, StoreError> {
        self.inner.document(id)
    }
    fn documents(&self) -> Result<Vec<Document>, StoreError> {
        self.inner.documents()
    }
    fn fingerprints(&self) -> Result<Vec<DocFingerprint>, StoreError> {
        self.inner.fingerprints()
    }
    fn near_duplicate_candidates(
        &self,
        fingerprint: &Fingerprint,
    ) -> Result<Vec<DocFingerprint>, StoreError> {
        self.inner.near_duplicate_candidates(fingerprint)
    }
    fn annotations(&self, id: &DocId) -> Result<Option<Annotations>, StoreError> {
        self.inner.annotations(id)
    }
    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<Claim>, StoreError> {
        self.inner.claims(filter)
    }
    fn entities(&self) -> Result<Vec<EntitySummary>, StoreError> {
        self.inner.entities()
    }
    fn stats(&self) -> Result<StoreStats, StoreError> {
        self.inner.stats()
    }
    fn put_alerts(&self, alerts: &[Alert]) -> Result<usize, StoreError> {
        self.inner.put_alerts(alerts)
    }
    fn alerts(&self) -> Result<Vec<StoredAlert>, StoreError> {
        self.inner.alerts()
    }

    fn events(
        &self,
        filter: &sinew_store::EventFilter,
    ) -> Result<Vec<sinew_store::StoredEvent>, StoreError> {
        self.inner.events(filter)
    }

    fn events_pending(&self, limit: usize) -> Result<Vec<DocId>, StoreError> {
        self.inner.events_pending(limit)
    }

    fn put_events(&self, items: &[(DocId, Vec<sinew_types::Event>)]) -> Result<(), StoreError> {
        self.inner.put_events(items)
    }
    fn revision(&self) -> Result<u64, StoreError> {
        self.inner.revision()
    }
}

impl WorkbenchStore for Recording {
    fn record_run(&self, run: &IngestRun) -> Result<u64, StoreError> {
        self.inner.record_run(run)
    }
    fn ingest_log(&self, limit: usize) -> Result<IngestLog, StoreError> {
        self.inner.ingest_log(limit)
    }
    fn put_alert_rule(
        &self,
        rule: &sinew_store::AlertRule,
    ) -> Result<sinew_store::StoredRule, StoreError> {
        self.inner.put_alert_rule(rule)
    }
    fn alert_rules(&self) -> Result<Vec<sinew_store::StoredRule>, StoreError> {
        self.inner.alert_rules()
    }
    fn delete_alert_rule(&self, id: u64) -> Result<bool, StoreError> {
        self.inner.delete_alert_rule(id)
    }
    fn record_briefing(
        &self,
        briefing: &sinew_store::BriefingRun,
        mark: &sinew_store::BriefingMark,
    ) -> Result<sinew_store::BriefingRecord, StoreError> {
        self.inner.record_briefing(briefing, mark)
    }
    fn briefing_mark(&self) -> Result<sinew_store::BriefingMark, StoreError> {
        self.inner.briefing_mark()
    }
    fn documents_since(&self, last_doc: u64, limit: usize) -> Result<Vec<DocId>, StoreError> {
        self.inner.documents_since(last_doc, limit)
    }
    fn last_briefing(&self) -> Result<Option<sinew_store::BriefingRecord>, StoreError> {
        self.inner.last_briefing()
    }
}

impl AnalysisStore for Recording {
    fn pending(&self) -> Result<Vec<DocId>, StoreError> {
        self.inner.pending()
    }
    fn has_analysed(&self) -> Result<bool, StoreError> {
        self.inner.has_analysed()
    }
    fn claims_of_docs(&self, ids: &[DocId]) -> Result<Vec<KeyedClaim>, StoreError> {
        self.inner.claims_of_docs(ids)
    }
    fn bucket_claims(&self, buckets: &[String]) -> Result<Vec<KeyedClaim>, StoreError> {
        self.inner.bucket_claims(buckets)
    }
    fn bucket_claims_with(
        &self,
        buckets: &[String],
        packs: &mut sinew_store::ClaimPacks,
    ) -> Result<Vec<KeyedClaim>, StoreError> {
        self.inner.bucket_claims_with(buckets, packs)
    }
    fn doc_headers(&self, ids: &[DocId]) -> Result<Vec<DocHeader>, StoreError> {
        self.inner.doc_headers(ids)
    }
    fn bucket_states(
        &self,
        buckets: Option<&[String]>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        self.inner.bucket_states(buckets)
    }
    fn each_bucket_summary(
        &self,
        buckets: &[String],
        each: &mut dyn FnMut(&str, &[u8], bool),
    ) -> Result<(), StoreError> {
        self.inner.each_bucket_summary(buckets, each)
    }
    fn buckets_without_summary(&self) -> Result<Vec<String>, StoreError> {
        self.inner.buckets_without_summary()
    }
    fn put_bucket_summaries(
        &self,
        summaries: &[(String, Option<String>)],
    ) -> Result<usize, StoreError> {
        self.inner.put_bucket_summaries(summaries)
    }
    fn redo_analysis(&self) -> Result<usize, StoreError> {
        self.inner.redo_analysis()
    }
    fn flows_outside(
        &self,
        flows: &[String],
        buckets: &[String],
    ) -> Result<Vec<String>, StoreError> {
        self.inner.flows_outside(flows, buckets)
    }
    fn ties(&self) -> Result<Vec<String>, StoreError> {
        self.inner.ties()
    }
    fn claim_words(&self, refs: &[(DocId, u32)]) -> Result<Vec<Option<ClaimWords>>, StoreError> {
        self.inner.claim_words(refs)
    }
    fn span_words(
        &self,
        spans: &[(DocId, Span)],
    ) -> Result<Vec<Option<(String, String)>>, StoreError> {
        self.inner.span_words(spans)
    }
    fn commit_analysis(&self, update: &AnalysisUpdate) -> Result<usize, StoreError> {
        self.inner.commit_analysis(update)
    }
}

fn recording() -> Arc<Recording> {
    Arc::new(Recording {
        inner: SqliteStore::open_in_memory().expect("store"),
        batches: Mutex::new(Vec::new()),
    })
}

fn near_dups() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../sinew-ingest/tests/near_dups")
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

#[test]
fn a_document_past_the_byte_bound_is_committed_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let sentence = "Russia received 1,000 containers from North Korea in March 2024. ";
    write(
        tmp.path(),
        "1-small.txt",
        "China exports rose 5% in 2023.\n",
    );
    write(
        tmp.path(),
        "2-small.txt",
        "Trade reached $240 billion in 2023.\n",
    );
    write(tmp.path(), "3-huge.txt", &sentence.repeat(400));
    write(
        tmp.path(),
        "4-small.txt",
        "Germany will spend 2% of GDP on defence.\n",
    );
    write(tmp.path(), "5-small.txt", "Oil exports fell 10% in 2024.\n");
    let store = recording();
    let engine = Engine::with_store(store.clone());
    let opts = IngestOptions {
        threads: 1,
        batch: 64,
        batch_bytes: 8_000,
        alerts: false,
        ..IngestOptions::default()
    };
    let summary = engine
        .ingest_paths(&[tmp.path().to_path_buf()], &opts, &mut |_| {})
        .expect("ingest");
    assert_eq!(summary.inserted, 5);
    let names = |b: &[String]| -> Vec<String> {
        b.iter()
            .map(|s| {
                Path::new(s)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    let batches: Vec<Vec<String>> = store
        .batches
        .lock()
        .expect("lock")
        .iter()
        .map(|b| names(b))
        .collect();
    assert_eq!(
        batches,
        [
            vec!["1-small.txt", "2-small.txt"],
            vec!["3-huge.txt"],
            vec!["4-small.txt", "5-small.txt"],
        ]
    );
}

#[test]
fn near_duplicate_links_do_not_depend_on_where_batches_fall() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let order = [
        "wire-trimmed.txt",
        "same-topic.txt",
        "wire.txt",
        "brief-a.txt",
        "wire-saved-again.txt",
        "brief-b.txt",
        "wire-syndicated.txt",
    ];
    for (i, name) in order.iter().enumerate() {
        std::fs::copy(
            near_dups().join(name),
            tmp.path().join(format!("{i}-{name}")),
        )
        .expect("copy");
    }
    let links = |batch: usize, batch_bytes: usize| -> Vec<(String, Option<String>)> {
        let engine = crate::common::memory_engine();
        let opts = IngestOptions {
            batch,
            batch_bytes,
            alerts: false,
            ..IngestOptions::default()
        };
        engine
            .ingest_paths(&[tmp.path().to_path_buf()], &opts, &mut |_| {})
            .expect("ingest");
        let docs = engine.store().documents().expect("documents");
        let source = |id: &DocId| {
            docs.iter()
                .find(|d| &d.id == id)
                .map(|d| d.source.clone())
                .expect("group is stored")
        };
        docs.iter()
            .map(|d| (d.source.clone(), d.duplicate_of.as_ref().map(source)))
            .collect()
    };
    let one_batch = links(64, 8 << 20);
    let trimmed = "0-wire-trimmed.txt".to_string();
    let copies = one_batch
        .iter()
        .filter(|(_, group)| group.as_ref() == Some(&trimmed))
        .count();
    assert_eq!(copies, 3, "{one_batch:#?}");
    assert_eq!(links(1, 8 << 20), one_batch, "one document per batch");
    assert_eq!(links(3, 1), one_batch, "one document per batch, by bytes");
    assert_eq!(links(2, 3_000), one_batch, "mixed");
}

#[test]
fn a_read_only_engine_reads_and_refuses_to_ingest() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("s.db");
    let missing = Engine::open_read_only(&db).err().expect("no store yet");
    assert!(
        missing.to_string().contains(&db.display().to_string()),
        "{missing}"
    );
    assert!(!db.exists());

    let writer = Engine::open(&db).expect("open");
    writer
        .ingest_paths(&[near_dups()], &IngestOptions::default(), &mut |_| {})
        .expect("ingest");
    drop(writer);
    let reader = Engine::open_read_only(&db).expect("read-only");
    assert_eq!(reader.stats().expect("stats").documents, 7);
    let err = reader
        .ingest_bytes(
            "new.txt",
            b"A new article about 5% growth.",
            sinew_engine::Format::Text,
            &IngestOptions::default(),
        )
        .expect_err("read-only");
    assert!(
        matches!(err, EngineError::Store(StoreError::Unwritable { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains(&db.display().to_string()), "{err}");
}

#[test]
fn a_database_url_sinew_does_not_speak_is_refused_before_anything_is_created() {
    let url = Path::new("mysql://sinew:secret@localhost/sinew");
    for result in [Engine::open(url), Engine::open_read_only(url)] {
        let err = result.err().expect("a URL is refused");
        assert!(
            matches!(err, EngineError::UnsupportedStore { .. }),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .contains("mysql://sinew:***@localhost/sinew"),
            "{err}"
        );
    }
    assert!(!Path::new("mysql:").exists(), "no folder named after it");
}

#[test]
fn a_postgres_url_opens_a_server_store_and_an_unreachable_one_is_a_user_error() {
    // Nothing listens on port 1: the error names the URL, without its password, and no
    // folder is made for it.
    let url = Path::new("postgres://sinew:secret@127.0.0.1:1/sinew?connect_timeout=5");
    for result in [Engine::open(url), Engine::open_read_only(url)] {
        let err = result.err().expect("unreachable");
        let EngineError::Store(store) = &err else {
            panic!("{err:?}");
        };
        assert!(store.is_user_error(), "{err}");
        let text = err.to_string();
        assert!(
            text.contains("postgres://sinew:***@127.0.0.1:1/sinew"),
            "{text}"
        );
        assert!(!text.contains("secret"), "{text}");
    }
    assert!(!Path::new("postgres:").exists(), "no folder named after it");
}

#[test]
fn a_broken_input_is_recorded_by_name_and_the_others_are_stored() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(tmp.path(), "1-good.txt", "China exports rose 5% in 2023.\n");
    // A JSON Lines file whose one line is cut off.
    write(
        tmp.path(),
        "2-broken.jsonl",
        "{\"url\": \"https://a.example/1\", \"text\": \"Oil\n",
    );
    write(tmp.path(), "3-good.txt", "Oil exports fell 10% in 2024.\n");
    let store = recording();
    let engine = Engine::with_store(store.clone());
    let opts = IngestOptions {
        threads: 1,
        alerts: false,
        origin: "test".into(),
        ..IngestOptions::default()
    };
    let summary = engine
        .ingest_paths(&[tmp.path().to_path_buf()], &opts, &mut |_| {})
        .expect("ingest");
    assert_eq!((summary.inserted, summary.errors.len()), (2, 1));
    assert_eq!(summary.record_warning, None);
    let log = store.ingest_log(10).expect("log");
    let last = log.last_run.expect("recorded");
    assert_eq!(
        (last.run.origin.as_str(), last.run.inputs, last.run.inserted),
        ("test", 3, 2)
    );
    assert_eq!((log.failures, log.failed_inputs), (1, 1));
    let failed = &log.recent[0];
    assert_eq!(failed.run, last.id);
    assert!(
        failed.failure.input.contains("2-broken.jsonl"),
        "{failed:?}"
    );
    assert!(!failed.failure.error.is_empty());

    // A second run of the same folder stores nothing new and records the failure again,
    // as its own run's.
    let again = engine
        .ingest_paths(&[tmp.path().to_path_buf()], &opts, &mut |_| {})
        .expect("again");
    assert_eq!(again.inserted, 0);
    let log = store.ingest_log(10).expect("log");
    assert_eq!((log.runs, log.failures, log.failed_inputs), (2, 2, 1));
    assert!(log.recent[0].run > log.recent[1].run, "newest first");
    assert_eq!(store.stats().expect("stats").documents, 2);
}
