//! Ingest: files to stored documents with their annotations.
//!
//! Reading, cleaning and annotating are pure and run on worker threads; only this module's
//! main loop writes to the store, in batches of one transaction each, so that a process killed
//! mid-ingest leaves every committed batch intact and a re-run completes the rest (documents
//! are content-hashed, so what is stored is skipped before it is annotated).
//!
//! Near-duplicates are linked in the main loop too, in input order: each new document is
//! looked up in an index of every stored fingerprint (rebuilt from the store when a run
//! starts) and of the run's earlier documents, and stored with `duplicate_of` naming the first
//! document of its group. Near-duplicates are stored and annotated like any document.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sinew_ingest::{DupIndex, Format, IngestConfig, IngestError, Parsed};
use sinew_store::PutOutcome;
use sinew_types::{Annotations, DocId, Document};

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
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: None,
            threads: 0,
            batch: 64,
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
    /// Newly stored documents that are near-duplicates of an earlier one (linked to it by
    /// `Document::duplicate_of`).
    pub near_duplicates: usize,
    /// Claims in the newly stored documents.
    pub claims: usize,
    /// Inputs (or parts of inputs) that failed, each naming the input.
    pub errors: Vec<IngestError>,
    /// Wall-clock time.
    pub elapsed: Duration,
}

/// One input's result from a worker: its documents (annotated unless already stored).
struct Work {
    name: String,
    bytes: u64,
    docs: Vec<(Document, Option<Annotations>)>,
    errors: Vec<IngestError>,
}

impl Engine {
    /// Ingests files and folders (recursively).
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
        let index = self.dup_index()?;

        let threads = match opts.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
        .min(files.len().max(1));
        let next = AtomicUsize::new(0);
        let (tx, rx) = mpsc::sync_channel::<(usize, Work)>(threads * 4);
        let store = &self.store;
        std::thread::scope(|scope| -> Result<(), EngineError> {
            for _ in 0..threads {
                let tx = tx.clone();
                let (files, sizes, next, config) = (&files, &sizes, &next, &config);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let work = read_and_annotate(path, sizes[i], config, &|id| {
                        store.contains(id).unwrap_or(false)
                    });
                    if tx.send((i, work)).is_err() {
                        break;
                    }
                });
            }
            drop(tx);
            // Commit in input order so that ingest order is deterministic.
            let mut pending: BTreeMap<usize, Work> = BTreeMap::new();
            let mut next_to_commit = 0;
            let mut batch = Batch::new(opts.batch.max(1), index);
            for (i, work) in rx {
                pending.insert(i, work);
                while let Some(work) = pending.remove(&next_to_commit) {
                    next_to_commit += 1;
                    progress(&Progress::Input {
                        name: work.name.clone(),
                        bytes: work.bytes,
                    });
                    summary.files += 1;
                    summary.bytes += work.bytes;
                    summary.errors.extend(work.errors);
                    for (doc, ann) in work.docs {
                        summary.documents += 1;
                        batch.push(doc, ann);
                    }
                    if batch.is_full() {
                        batch.flush(self, &mut summary)?;
                    }
                }
            }
            batch.flush(self, &mut summary)
        })?;
        summary.elapsed = start.elapsed();
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
        let start = Instant::now();
        let config = IngestConfig {
            published: opts.published,
            ..IngestConfig::default()
        };
        let mut summary = IngestSummary {
            files: 1,
            bytes: bytes.len() as u64,
            ..IngestSummary::default()
        };
        let mut batch = Batch::new(opts.batch.max(1), self.dup_index()?);
        match sinew_ingest::parse_bytes(name, bytes, format, &config) {
            Ok(parsed) => {
                summary.errors.extend(parsed.errors);
                for doc in parsed.docs {
                    summary.documents += 1;
                    let ann = (!self.store.contains(&doc.id)?).then(|| crate::annotate(&doc));
                    batch.push(doc, ann);
                    if batch.is_full() {
                        batch.flush(self, &mut summary)?;
                    }
                }
            }
            Err(e) => summary.errors.push(e),
        }
        batch.flush(self, &mut summary)?;
        summary.elapsed = start.elapsed();
        Ok(summary)
    }
}

impl Engine {
    /// The near-duplicate index over every stored fingerprint, in ingest order.
    fn dup_index(&self) -> Result<DupIndex, EngineError> {
        let mut index = DupIndex::default();
        for stored in self.store.fingerprints()? {
            index.insert(stored.id, &stored.fingerprint, stored.duplicate_of);
        }
        Ok(index)
    }
}

fn read_and_annotate(
    path: &Path,
    bytes: u64,
    config: &IngestConfig,
    stored: &dyn Fn(&DocId) -> bool,
) -> Work {
    let name = path.display().to_string();
    match sinew_ingest::read_file(path, config) {
        Ok(Parsed { docs, errors }) => {
            let docs = docs
                .into_iter()
                .map(|doc| {
                    let ann = (!stored(&doc.id)).then(|| crate::annotate(&doc));
                    (doc, ann)
                })
                .collect();
            Work {
                name,
                bytes,
                docs,
                errors,
            }
        }
        Err(e) => Work {
            name,
            bytes,
            docs: Vec::new(),
            errors: vec![e],
        },
    }
}

/// Documents waiting for one store transaction, and the near-duplicate index they are
/// linked against.
struct Batch {
    items: Vec<(Document, Annotations)>,
    seen: HashSet<DocId>,
    size: usize,
    skipped: usize,
    index: DupIndex,
}

impl Batch {
    fn new(size: usize, index: DupIndex) -> Batch {
        Batch {
            items: Vec::new(),
            seen: HashSet::new(),
            size,
            skipped: 0,
            index,
        }
    }

    /// Queues a document, linked to the first document of its near-duplicate group; one
    /// already stored (no annotations) or seen in this run is counted as already stored.
    fn push(&mut self, mut doc: Document, ann: Option<Annotations>) {
        match ann {
            Some(ann) if self.seen.insert(doc.id.clone()) => {
                if let Some(fp) = &doc.fingerprint {
                    doc.duplicate_of = self.index.find(fp).map(|m| m.group.clone());
                    self.index
                        .insert(doc.id.clone(), fp, doc.duplicate_of.clone());
                }
                self.items.push((doc, ann));
            }
            _ => self.skipped += 1,
        }
    }

    fn is_full(&self) -> bool {
        self.items.len() >= self.size
    }

    fn flush(&mut self, engine: &Engine, summary: &mut IngestSummary) -> Result<(), EngineError> {
        summary.already_stored += std::mem::take(&mut self.skipped);
        if self.items.is_empty() {
            return Ok(());
        }
        let outcomes = engine.store.put_batch(&self.items)?;
        for ((doc, ann), outcome) in self.items.iter().zip(outcomes) {
            match outcome {
                PutOutcome::Inserted => {
                    summary.inserted += 1;
                    summary.claims += ann.claims.len();
                    summary.near_duplicates += usize::from(doc.duplicate_of.is_some());
                }
                PutOutcome::AlreadyPresent => summary.already_stored += 1,
            }
        }
        self.items.clear();
        Ok(())
    }
}
