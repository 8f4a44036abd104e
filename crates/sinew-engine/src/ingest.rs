//! Ingest: files to stored documents with their annotations.
//!
//! Reading, cleaning and annotating are pure and run on worker threads; only this module's
//! main loop writes to the store, in batches of one transaction each, so that a process killed
//! mid-ingest leaves every committed batch intact and a re-run completes the rest (documents
//! are content-hashed, so what is stored is skipped before it is annotated).
//!
//! A batch is bounded by documents ([`IngestOptions::batch`]) and by bytes of text
//! ([`IngestOptions::batch_bytes`], 8 MiB): a document that would take a batch past the
//! bound is committed after the batch before it, and one larger than the bound in a
//! transaction of its own, so that no transaction holds the write lock (which another ingest
//! waits for) or grows the write-ahead log for long. Readers never wait either way.
//!
//! Near-duplicates are linked in the main loop too, in input order, by a `DupLinker`: each
//! new document's candidates among stored documents come from the store's band index
//! (`Store::near_duplicate_candidates`, a few index lookups whatever the store's size), those
//! among the run's documents not yet committed from the linker's memory, which is emptied at
//! each commit; the document is stored with `duplicate_of` naming the first document of its
//! group. Near-duplicates are stored and annotated like any document.
//!
//! Each run ends by recording itself in the store (`WorkbenchStore::record_run`): counts and
//! every input it could not read, with the error, for the workbench's status screen.
//!
//! An engine with a search index ([`Engine::with_index`]) adds each batch's new documents to
//! it once the store has committed them, and commits the index then (see `search.rs`).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sinew_ingest::{DupLinker, Format, IngestConfig, IngestError, Link};
use sinew_store::{IngestRun, InputFailure, PutOutcome};
use sinew_types::{Alert, Annotations, DocId, Document};

use crate::feed::{DocRows, Feed};
use crate::{Engine, EngineError};

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Publication date for documents that give none.
    pub published: Option<NaiveDate>,
    /// Worker threads for reading and annotating (0 = one per core).
    pub threads: usize,
    /// Documents per store transaction.
    pub batch: usize,
    /// Bytes of document text per store transaction: a document that would take a batch past
    /// this is committed apart from the documents before it.
    pub batch_bytes: usize,
    /// After the run, compare what the new documents say with what was stored before, and
    /// raise (and store) alerts: contradicted figures, new flows.
    pub alerts: bool,
    /// Analyse the run's documents before it ends. `false` (a bulk load to be analysed
    /// later) stores and indexes them with their pending-analysis marks kept, raising no
    /// alerts: `sinew alerts` or the next ingest analyses them, and until then the readers
    /// that fold the analysis (ledger, network, report) compute the pending part in memory.
    pub analyse: bool,
    /// Who runs it, as the store's run record names it (`cli`, `upload`).
    pub origin: String,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: None,
            threads: 0,
            batch: 64,
            batch_bytes: 8 << 20,
            alerts: true,
            analyse: true,
            origin: "ingest".to_string(),
        }
    }
}

/// What happened, reported as ingest goes.
#[derive(Debug, Clone)]
pub enum Progress {
    /// The inputs were listed.
    Started {
        /// Files to read.
        files: usize,
        /// Their total size in bytes.
        bytes: u64,
    },
    /// One input was read (successfully or not).
    Input {
        /// Its name.
        name: String,
        /// Its size in bytes.
        bytes: u64,
    },
}

/// The outcome of an ingest run.
#[derive(Debug, Default)]
pub struct IngestSummary {
    /// Inputs read.
    pub files: usize,
    /// Bytes read.
    pub bytes: u64,
    /// Documents found in the inputs.
    pub documents: usize,
    /// Documents newly stored.
    pub inserted: usize,
    /// Documents already stored (or repeated within this run), left untouched.
    pub already_stored: usize,
    /// Records passed over because they hold no article (WARC requests, metadata, non-HTML
    /// responses); not errors.
    pub skipped: usize,
    /// Newly stored documents that are near-duplicates of an earlier one (linked to it by
    /// `Document::duplicate_of`).
    pub near_duplicates: usize,
    /// Claims in the newly stored documents.
    pub claims: usize,
    /// Inputs (or parts of inputs) that failed, each naming the input.
    pub errors: Vec<IngestError>,
    /// The documents this run stored, in the order stored.
    pub new_documents: Vec<DocId>,
    /// What the new documents changed: figures they contradict, flows they are first to show
    /// (stored too; empty when the store held nothing before the run).
    pub alerts: Vec<Alert>,
    /// Why the search index was not kept current, when it could not be (another process
    /// writing to it, a full disk): the store holds the documents, and `sinew index` brings
    /// the index level with it.
    pub index_warning: Option<String>,
    /// Why the run and its failed inputs could not be recorded in the store (its documents
    /// were stored all the same).
    pub record_warning: Option<String>,
    /// Wall-clock time.
    pub elapsed: Duration,
    /// Wall-clock time of the analysis steps (part of `elapsed`): grouping, reconciling and
    /// storing the buckets the new documents touch.
    pub analysis: Duration,
}

/// Documents a long ingest that raises alerts stores between analysis steps. A run of fewer
/// documents is analysed once, at its end; a longer one raises the alerts of each step
/// against what the steps before it stored.
///
/// A run that raises no alerts (the first load of a store, `--no-alerts`) is analysed once,
/// at its end, however long. Each analysis recomputes every grouping bucket its documents
/// touch, and news piles into a few large buckets (a country's money figures), so a step
/// costs about the claims stored so far: steps would only redo that work (geometric ones,
/// used before, cost a few times one final analysis), and the analysis of a run without
/// alerts holds one bucket at a time whatever the run's length (`analyse_in_slices`), so
/// nothing is gained in memory by cutting it.
const ANALYSE_EVERY: usize = 2048;

/// Documents to store before the next analysis step (see [`ANALYSE_EVERY`]).
fn analysis_step(raise: bool) -> usize {
    if raise {
        ANALYSE_EVERY
    } else {
        usize::MAX
    }
}

/// Documents (or errors) a worker sends to the main loop at a time.
const CHUNK: usize = 16;

/// Chunks a reader may send for an input that is not yet being committed before it waits for
/// its turn: with the channels' bounds, this bounds memory however large the inputs are.
const CHUNKS_AHEAD: usize = 4;

/// Chunks of the input being committed that may be read but not yet committed: annotators
/// finish chunks out of order (a long document holds up only its own), and the main loop
/// keeps those that arrive early; this bounds them.
fn window(annotators: usize) -> usize {
    CHUNKS_AHEAD.max(4 * annotators)
}

/// Part of one input: documents (annotated unless already stored, once an annotator has had
/// it) and errors, in input order.
struct Chunk {
    input: usize,
    /// Its place among the input's chunks.
    seq: usize,
    docs: Vec<(Document, Option<Annotations>)>,
    errors: Vec<IngestError>,
    /// Set on the input's last chunk.
    end: Option<InputEnd>,
}

/// What is known once an input has been read to its end.
struct InputEnd {
    name: String,
    bytes: u64,
    skipped: usize,
}

impl Chunk {
    fn new(input: usize, seq: usize) -> Chunk {
        Chunk {
            input,
            seq,
            docs: Vec::new(),
            errors: Vec::new(),
            end: None,
        }
    }
}

/// Where the main loop is committing: which input, and how many of its chunks. A reader of a
/// later input waits here once it has sent [`CHUNKS_AHEAD`] chunks, so that a large input
/// read ahead cannot pile up in memory while an earlier one is still being read; the reader
/// of the input being committed waits once it is [`window`] chunks ahead of the commits.
struct Turn {
    /// The next chunk to commit (input, chunk), and whether the main loop has stopped.
    state: Mutex<((usize, usize), bool)>,
    changed: Condvar,
    window: usize,
}

impl Turn {
    fn new(window: usize) -> Turn {
        Turn {
            state: Mutex::new(((0, 0), false)),
            changed: Condvar::new(),
            window,
        }
    }

    /// Waits until the reader of `input` may send its chunk number `seq`; false when the main
    /// loop has stopped.
    fn wait_for(&self, input: usize, seq: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let ((head, committed), stopped) = *state;
            let ahead = match head.cmp(&input) {
                std::cmp::Ordering::Less => seq >= CHUNKS_AHEAD,
                std::cmp::Ordering::Equal => seq >= committed + self.window,
                std::cmp::Ordering::Greater => false,
            };
            if stopped || !ahead {
                return !stopped;
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn set(&self, head: Option<(usize, usize)>) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        match head {
            Some(head) => state.0 = head,
            None => state.1 = true,
        }
        self.changed.notify_all();
    }
}

/// Stops the workers when the main loop ends, normally or by an error.
struct StopOnDrop<'a>(&'a Turn);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.set(None);
    }
}

impl Engine {
    /// Analyses what the run stored (and anything an earlier, killed run left pending) and
    /// stores the analysis with the alerts it raises.
    pub(crate) fn raise_alerts(
        &self,
        summary: &mut IngestSummary,
        raise: bool,
        feed: Option<Feed>,
    ) -> Result<(), EngineError> {
        let started = Instant::now();
        let alerts = self.finish_analysis_fed(raise, feed)?;
        summary.analysis += started.elapsed();
        summary.alerts.extend(alerts);
        Ok(())
    }

    /// Whether this run raises alerts: when asked to, and when the store held analysed claims
    /// before it (the first documents set the baseline, even when a long run is analysed in
    /// steps).
    pub(crate) fn raises(&self, opts: &IngestOptions) -> Result<bool, EngineError> {
        Ok(opts.alerts && opts.analyse && self.store.has_analysed()?)
    }

    /// Ingests files and folders (recursively). Inputs are read by worker threads, each input
    /// as a stream (a WARC or JSON Lines file is never held in memory whole), and committed
    /// in input order.
    pub fn ingest_paths(
        &self,
        paths: &[PathBuf],
        opts: &IngestOptions,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<IngestSummary, EngineError> {
        let start = Instant::now();
        let (files, listing_errors) = sinew_ingest::collect_files(paths);
        let sizes: Vec<u64> = files
            .iter()
            .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
            .collect();
        progress(&Progress::Started {
            files: files.len(),
            bytes: sizes.iter().sum(),
        });
        let config = IngestConfig {
            published: opts.published,
            ..IngestConfig::default()
        };
        let mut summary = IngestSummary {
            errors: listing_errors,
            ..IngestSummary::default()
        };
        let raise = self.raises(opts)?;

        let cores = match opts.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        // Readers (one per input at a time, up to the threads asked for) only read and clean;
        // `cores` annotators, alive for the whole run, each annotate a chunk at a time from
        // any input, so that one large input keeps every annotator busy with no barrier
        // between chunks; the main loop puts the chunks back in input order and writes.
        let readers = cores.min(files.len().max(1));
        let next = AtomicUsize::new(0);
        let turn = Turn::new(window(cores));
        let (jobs_tx, jobs_rx) = mpsc::sync_channel::<Chunk>(cores * 2);
        // Shared by the annotators, and dropped with the last of them: a reader waiting to
        // hand over a chunk then learns that the run has stopped.
        let jobs_rx = Arc::new(Mutex::new(jobs_rx));
        let (tx, rx) = mpsc::sync_channel::<Chunk>(cores * 4);
        let store = &self.store;
        let mut batch = Batch::new(opts, raise);
        let stored = |id: &DocId| store.contains(id).unwrap_or(false);
        let written = std::thread::scope(|scope| -> Result<(), EngineError> {
            let _stop = StopOnDrop(&turn);
            for _ in 0..readers {
                let jobs = jobs_tx.clone();
                let (files, sizes, next, config, turn) = (&files, &sizes, &next, &config, &turn);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let input = Input {
                        index: i,
                        path,
                        bytes: sizes[i],
                    };
                    if !read_input(&input, config, &jobs, turn) {
                        break;
                    }
                });
            }
            drop(jobs_tx);
            for _ in 0..cores {
                let (jobs, tx, stored) = (Arc::clone(&jobs_rx), tx.clone(), &stored);
                scope.spawn(move || annotate_chunks(&jobs, stored, &tx));
            }
            drop(jobs_rx);
            drop(tx);
            // Commit in input order so that ingest order is deterministic.
            let mut pending: BTreeMap<(usize, usize), Chunk> = BTreeMap::new();
            let mut head = (0, 0);
            for chunk in rx {
                pending.insert((chunk.input, chunk.seq), chunk);
                while let Some(chunk) = pending.remove(&head) {
                    summary.errors.extend(chunk.errors);
                    for (doc, ann) in chunk.docs {
                        summary.documents += 1;
                        batch.add(self, &mut summary, doc, ann)?;
                    }
                    match chunk.end {
                        Some(end) => {
                            progress(&Progress::Input {
                                name: end.name,
                                bytes: end.bytes,
                            });
                            summary.files += 1;
                            summary.bytes += end.bytes;
                            summary.skipped += end.skipped;
                            head = (head.0 + 1, 0);
                        }
                        None => head.1 += 1,
                    }
                    turn.set(Some(head));
                }
            }
            batch.flush(self, &mut summary)
        });
        // What the store committed is searchable even when the run stopped on an error.
        batch.commit_index(self, &mut summary);
        written?;
        if opts.analyse {
            self.raise_alerts(&mut summary, raise, batch.feed.take())?;
        }
        summary.elapsed = start.elapsed();
        self.record_run(&mut summary, opts);
        Ok(summary)
    }

    /// Ingests one input given as bytes (`sinew ingest -`).
    pub fn ingest_bytes(
        &self,
        name: &str,
        bytes: &[u8],
        format: Format,
        opts: &IngestOptions,
    ) -> Result<IngestSummary, EngineError> {
        self.ingest_reader(name, bytes, format, opts)
    }

    /// Ingests one input read as a stream (stdin): gzip'd input is found by its magic bytes,
    /// and a WARC or JSON Lines stream is committed batch by batch as it is read.
    pub fn ingest_reader<R: Read + Send>(
        &self,
        name: &str,
        reader: R,
        format: Format,
        opts: &IngestOptions,
    ) -> Result<IngestSummary, EngineError> {
        let start = Instant::now();
        let config = IngestConfig {
            published: opts.published,
            ..IngestConfig::default()
        };
        let read = AtomicU64::new(0);
        let counted = Counted {
            inner: reader,
            bytes: &read,
        };
        let mut summary = IngestSummary {
            files: 1,
            ..IngestSummary::default()
        };
        let raise = self.raises(opts)?;
        let mut batch = Batch::new(opts, raise);
        let threads = match opts.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let store = &self.store;
        let stored = |id: &DocId| store.contains(id).unwrap_or(false);
        // Read a chunk, annotate it on every thread, queue it; then the next.
        let mut commit = |read: &mut Vec<_>, summary: &mut IngestSummary| {
            let mut chunk = Chunk::new(0, 0);
            annotate_chunk(std::mem::take(read), &stored, threads, &mut chunk);
            summary.errors.extend(chunk.errors);
            for (doc, ann) in chunk.docs {
                summary.documents += 1;
                batch.add(self, summary, doc, ann)?;
            }
            Ok::<(), EngineError>(())
        };
        let mut items = Vec::with_capacity(CHUNK);
        match sinew_ingest::open_reader(name, counted, format, &config) {
            Ok(mut docs) => {
                for item in &mut docs {
                    items.push(item);
                    if items.len() >= CHUNK {
                        commit(&mut items, &mut summary)?;
                    }
                }
                summary.skipped = docs.skipped();
            }
            Err(e) => summary.errors.push(e),
        }
        let written =
            commit(&mut items, &mut summary).and_then(|()| batch.flush(self, &mut summary));
        batch.commit_index(self, &mut summary);
        written?;
        summary.bytes = read.load(Ordering::Relaxed);
        if opts.analyse {
            self.raise_alerts(&mut summary, raise, batch.feed.take())?;
        }
        summary.elapsed = start.elapsed();
        self.record_run(&mut summary, opts);
        Ok(summary)
    }

    /// Records the run and each input it could not read in the store, after everything it
    /// stored was committed: a store that cannot record it (a full disk) costs the record,
    /// said in [`IngestSummary::record_warning`], never the documents.
    pub(crate) fn record_run(&self, summary: &mut IngestSummary, opts: &IngestOptions) {
        let run = IngestRun {
            origin: opts.origin.clone(),
            inputs: summary.files as u64,
            documents: summary.documents as u64,
            inserted: summary.inserted as u64,
            elapsed_ms: u64::try_from(summary.elapsed.as_millis()).unwrap_or(u64::MAX),
            failures: summary
                .errors
                .iter()
                .map(|e| InputFailure {
                    input: e.input().to_string(),
                    error: e.kind().to_string(),
                })
                .collect(),
        };
        if let Err(e) = self.store.record_run(&run) {
            summary.record_warning = Some(e.to_string());
        }
    }
}

/// A reader that counts the bytes read through it.
struct Counted<'c, R> {
    inner: R,
    bytes: &'c AtomicU64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// One input of a run, as a reader reads it.
struct Input<'p> {
    /// Its position among the run's inputs.
    index: usize,
    path: &'p Path,
    bytes: u64,
}

/// Reads one input as a stream and hands its documents, in chunks, to the annotators. False
/// when the run has stopped.
fn read_input(
    input: &Input<'_>,
    config: &IngestConfig,
    jobs: &mpsc::SyncSender<Chunk>,
    turn: &Turn,
) -> bool {
    let mut read: Vec<Result<Document, IngestError>> = Vec::with_capacity(CHUNK);
    let mut seq = 0;
    let mut skipped = 0;
    let mut send = |read: &mut Vec<Result<Document, IngestError>>, end: Option<InputEnd>| {
        let mut chunk = Chunk::new(input.index, seq);
        chunk.end = end;
        for item in read.drain(..) {
            match item {
                Ok(doc) => chunk.docs.push((doc, None)),
                Err(e) => chunk.errors.push(e),
            }
        }
        // The input's last chunk goes at once: its reader holds nothing more.
        if chunk.end.is_none() && !turn.wait_for(input.index, seq) {
            return false;
        }
        seq += 1;
        jobs.send(chunk).is_ok()
    };
    match sinew_ingest::open_file(input.path, config) {
        Ok(mut docs) => {
            for item in &mut docs {
                read.push(item);
                if read.len() >= CHUNK && !send(&mut read, None) {
                    return false;
                }
            }
            skipped = docs.skipped();
        }
        Err(e) => read.push(Err(e)),
    }
    let end = InputEnd {
        name: input.path.display().to_string(),
        bytes: input.bytes,
        skipped,
    };
    send(&mut read, Some(end))
}

/// An annotator: takes chunks as the readers hand them over, annotates each document not yet
/// stored, and sends the chunk on to the main loop, until the readers are done or the main
/// loop has stopped.
fn annotate_chunks(
    jobs: &Mutex<mpsc::Receiver<Chunk>>,
    stored: &(dyn Fn(&DocId) -> bool + Sync),
    tx: &mpsc::SyncSender<Chunk>,
) {
    loop {
        let job = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(mut chunk) = job else { return };
        for (doc, ann) in &mut chunk.docs {
            if !stored(&doc.id) {
                *ann = Some(crate::annotate(doc));
            }
        }
        if tx.send(chunk).is_err() {
            return;
        }
    }
}

/// Annotates the documents of `read` not yet stored, on `threads` threads (the caller's
/// included; each takes the next document in turn, so a long one holds up only its
/// thread), and puts them with the errors into `chunk`, in input order.
fn annotate_chunk(
    read: Vec<Result<Document, IngestError>>,
    stored: &(dyn Fn(&DocId) -> bool + Sync),
    threads: usize,
    chunk: &mut Chunk,
) {
    let mut docs = Vec::with_capacity(read.len());
    for item in read {
        match item {
            Ok(doc) => docs.push(doc),
            Err(e) => chunk.errors.push(e),
        }
    }
    let anns: Vec<Mutex<Option<Annotations>>> = docs.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(doc) = docs.get(i) else { break };
        if !stored(&doc.id) {
            let ann = crate::annotate(doc);
            *anns[i].lock().unwrap_or_else(PoisonError::into_inner) = Some(ann);
        }
    };
    let helpers = threads.min(docs.len()).saturating_sub(1);
    std::thread::scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(work);
        }
        work();
    });
    chunk.docs = docs
        .into_iter()
        .zip(anns)
        .map(|(doc, ann)| {
            (
                doc,
                ann.into_inner().unwrap_or_else(PoisonError::into_inner),
            )
        })
        .collect();
}

/// Documents waiting for one store transaction, and the near-duplicate links of the run's
/// documents not yet committed.
pub(crate) struct Batch {
    items: Vec<(Document, Annotations)>,
    /// Bytes of text in `items`.
    bytes: usize,
    max_items: usize,
    max_bytes: usize,
    /// Whether the run raises alerts.
    raise: bool,
    /// Documents stored since the analysis last ran.
    unanalysed: usize,
    skipped: usize,
    links: DupLinker,
    /// Documents added to the search index since it was last committed.
    unindexed: usize,
    /// The first step of the run's final analysis, done as batches commit: set when the run
    /// analyses its documents at its end without raising alerts (`crate::feed`).
    pub(crate) feed: Option<Feed>,
}

/// Documents added to the search index between its commits. Each commit writes a segment
/// (one per indexing thread) that tantivy later merges: committed after every store batch,
/// indexing took a fifth of a load's CPU time. The run's end commits the rest, after an
/// error too; a process killed in between leaves the index behind the store, which `sinew
/// status` and ingest report (`Engine::index_lag`) and `sinew index` brings level.
const INDEX_COMMIT_EVERY: usize = 4096;

impl Batch {
    pub(crate) fn new(opts: &IngestOptions, raise: bool) -> Batch {
        Batch {
            items: Vec::new(),
            bytes: 0,
            max_items: opts.batch.max(1),
            max_bytes: opts.batch_bytes.max(1),
            raise,
            unanalysed: 0,
            skipped: 0,
            links: DupLinker::default(),
            unindexed: 0,
            feed: (opts.analyse && !raise).then(Feed::default),
        }
    }

    /// Queues a document, linked to the first document of its near-duplicate group, and
    /// commits when the batch is full; one already stored (no annotations) or met earlier in
    /// the batch is counted as already stored.
    pub(crate) fn add(
        &mut self,
        engine: &Engine,
        summary: &mut IngestSummary,
        mut doc: Document,
        ann: Option<Annotations>,
    ) -> Result<(), EngineError> {
        let Some(ann) = ann else {
            self.skipped += 1;
            return Ok(());
        };
        // Commit what is queued first when this document would take the batch past its
        // bytes: a huge document then goes alone, and is linked against a store that holds
        // everything before it.
        let bytes = doc.text.len();
        if !self.items.is_empty() && self.bytes.saturating_add(bytes) > self.max_bytes {
            self.flush(engine, summary)?;
        }
        let stored = match &doc.fingerprint {
            Some(fp) => engine.store.near_duplicate_candidates(fp)?,
            None => Vec::new(),
        };
        if self.links.link(&mut doc, &stored) == Link::Repeat {
            self.skipped += 1;
            return Ok(());
        }
        self.bytes += bytes;
        self.items.push((doc, ann));
        if self.items.len() >= self.max_items || self.bytes >= self.max_bytes {
            self.flush(engine, summary)?;
        }
        Ok(())
    }

    /// Commits what was added to the search index since its last commit (the run's end).
    pub(crate) fn commit_index(&mut self, engine: &Engine, summary: &mut IngestSummary) {
        if std::mem::take(&mut self.unindexed) == 0 || summary.index_warning.is_some() {
            return;
        }
        if let Err(e) = engine.index_commit() {
            summary.index_warning = Some(e.to_string());
        }
    }

    pub(crate) fn flush(
        &mut self,
        engine: &Engine,
        summary: &mut IngestSummary,
    ) -> Result<(), EngineError> {
        summary.already_stored += std::mem::take(&mut self.skipped);
        if self.items.is_empty() {
            return Ok(());
        }
        let outcomes = engine.store.put_batch(&self.items)?;
        let mut to_index = Vec::new();
        for ((doc, ann), outcome) in self.items.iter().zip(outcomes) {
            match outcome {
                PutOutcome::Inserted => {
                    if engine.index.is_some() && summary.index_warning.is_none() {
                        to_index.push(crate::index_doc(doc, ann));
                    }
                    summary.inserted += 1;
                    self.unanalysed += 1;
                    summary.new_documents.push(doc.id.clone());
                    summary.claims += ann.claims.len();
                    summary.near_duplicates += usize::from(doc.duplicate_of.is_some());
                    if let Some(feed) = &mut self.feed {
                        feed.add(engine, &doc.id, DocRows::of(doc, ann))?;
                    }
                }
                PutOutcome::AlreadyPresent => summary.already_stored += 1,
            }
        }
        // The index follows the store: the batch is committed there first. An index that
        // cannot be written stops indexing for the rest of the run, not the ingest.
        if let Err(e) = engine.index_new(&to_index) {
            summary.index_warning = Some(e.to_string());
        }
        self.unindexed += to_index.len();
        if self.unindexed >= INDEX_COMMIT_EVERY {
            self.commit_index(engine, summary);
        }
        self.items.clear();
        self.bytes = 0;
        // Committed: the store's band index finds them from now on.
        self.links.forget();
        if self.unanalysed >= analysis_step(self.raise) {
            // A long run that raises alerts raises them step by step.
            self.unanalysed = 0;
            let started = Instant::now();
            summary.alerts.extend(engine.finish_analysis(self.raise)?);
            summary.analysis += started.elapsed();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
