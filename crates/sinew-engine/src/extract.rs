//! Store-less extraction: the map step for distributed runs (`sinew extract`) and the input
//! side of `sinew annotate`.

use std::io::Read;
use std::path::PathBuf;

use chrono::NaiveDate;
use sinew_ingest::{DupLinker, Format, IngestConfig, IngestError};
use sinew_types::Document;

/// What store-less extraction met besides documents.
#[derive(Debug, Default)]
pub struct ExtractSummary {
    /// Inputs (or parts of inputs) that failed, each naming the input.
    pub errors: Vec<IngestError>,
    /// Records passed over because they hold no article (WARC requests, metadata, non-HTML
    /// responses); not errors.
    pub skipped: usize,
}

/// Reads files and folders and hands each document to `emit` as soon as it is read: WARC and
/// JSON Lines files are streamed record by record, so memory stays bounded by one document
/// (plus 1 KB or so per document for near-duplicate links within the run, see
/// [`Document::duplicate_of`]).
pub fn extract_paths<E>(
    paths: &[PathBuf],
    published: Option<NaiveDate>,
    emit: &mut dyn FnMut(Document) -> Result<(), E>,
) -> Result<ExtractSummary, E> {
    let config = IngestConfig {
        published,
        ..IngestConfig::default()
    };
    let (files, errors) = sinew_ingest::collect_files(paths);
    let mut summary = ExtractSummary { errors, skipped: 0 };
    let mut groups = DupLinker::default();
    for file in files {
        drain(
            sinew_ingest::open_file(&file, &config),
            emit,
            &mut groups,
            &mut summary,
        )?;
    }
    Ok(summary)
}

/// Same as [`extract_paths`] for one input given as bytes.
pub fn extract_bytes<E>(
    name: &str,
    bytes: &[u8],
    format: Format,
    published: Option<NaiveDate>,
    emit: &mut dyn FnMut(Document) -> Result<(), E>,
) -> Result<ExtractSummary, E> {
    extract_reader(name, bytes, format, published, emit)
}

/// Same as [`extract_paths`] for one input read as a stream (stdin); gzip'd input is found
/// by its magic bytes.
pub fn extract_reader<R: Read + Send, E>(
    name: &str,
    reader: R,
    format: Format,
    published: Option<NaiveDate>,
    emit: &mut dyn FnMut(Document) -> Result<(), E>,
) -> Result<ExtractSummary, E> {
    let config = IngestConfig {
        published,
        ..IngestConfig::default()
    };
    let mut summary = ExtractSummary::default();
    drain(
        sinew_ingest::open_reader(name, reader, format, &config),
        emit,
        &mut DupLinker::default(),
        &mut summary,
    )?;
    Ok(summary)
}

/// Emits one input's documents, each linked to the run's earlier ones, and adds its errors
/// and skipped records to `summary`.
fn drain<E>(
    opened: Result<sinew_ingest::Docs<'_>, IngestError>,
    emit: &mut dyn FnMut(Document) -> Result<(), E>,
    groups: &mut DupLinker,
    summary: &mut ExtractSummary,
) -> Result<(), E> {
    let mut docs = match opened {
        Ok(docs) => docs,
        Err(e) => {
            summary.errors.push(e);
            return Ok(());
        }
    };
    for item in &mut docs {
        match item {
            Ok(mut doc) => {
                // Within the run only (no store): an exact repeat names the id it shares
                // with its first copy, and is emitted like any document.
                groups.link(&mut doc, &[]);
                emit(doc)?;
            }
            Err(e) => summary.errors.push(e),
        }
    }
    summary.skipped += docs.skipped();
    Ok(())
}

/// One line of `sinew annotate` input: a JSON object with `text` (and optionally
/// `published`, `doc` or `url`), or the plain text itself. Read by
/// [`sinew_ingest::document_from_line`]; the error is what is wrong with the line, without
/// its name.
pub fn document_from_line(
    name: &str,
    line: &str,
    published: Option<NaiveDate>,
) -> Result<Document, String> {
    sinew_ingest::document_from_line(name, line, published).map_err(|e| e.kind().to_string())
}
