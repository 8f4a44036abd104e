//! Store-less extraction: the map step for distributed runs (`sinew extract`) and the input
//! side of `sinew annotate`.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use chrono::NaiveDate;
use sinew_ingest::{DupIndex, Format, IngestConfig, IngestError};
use sinew_types::{DocId, Document};

/// Near-duplicate links within one extraction run: `duplicate_of` names the id of the first
/// document of the group emitted earlier in the run. An exact repeat names the id it shares
/// with its first copy; a near-duplicate names the first copy's group.
#[derive(Default)]
struct RunGroups {
    index: DupIndex,
    /// Every id emitted so far, with its own link.
    seen: HashMap<DocId, Option<DocId>>,
}

impl RunGroups {
    fn link(&mut self, doc: &mut Document) {
        if let Some(first) = self.seen.get(&doc.id) {
            doc.duplicate_of = Some(first.clone().unwrap_or_else(|| doc.id.clone()));
            return;
        }
        if let Some(fp) = &doc.fingerprint {
            doc.duplicate_of = self.index.find(fp).map(|m| m.group.clone());
            self.index
                .insert(doc.id.clone(), fp, doc.duplicate_of.clone());
        }
        self.seen.insert(doc.id.clone(), doc.duplicate_of.clone());
    }
}

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
    let mut groups = RunGroups::default();
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
        &mut RunGroups::default(),
        &mut summary,
    )?;
    Ok(summary)
}

/// Emits one input's documents, each linked to the run's earlier ones, and adds its errors
/// and skipped records to `summary`.
fn drain<E>(
    opened: Result<sinew_ingest::Docs<'_>, IngestError>,
    emit: &mut dyn FnMut(Document) -> Result<(), E>,
    groups: &mut RunGroups,
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
                groups.link(&mut doc);
                emit(doc)?;
            }
            Err(e) => summary.errors.push(e),
        }
    }
    summary.skipped += docs.skipped();
    Ok(())
}

/// One line of `sinew annotate` input: a JSON object with `text` (and optionally
/// `published`, `doc` or `url`, `lang`), or the plain text itself. The language is the
/// record's `lang` when it states one, else identified from the text as ingest does, so that
/// [`crate::annotate_with`] applies ingest's language gate.
pub fn document_from_line(
    name: &str,
    line: &str,
    published: Option<NaiveDate>,
) -> Result<Document, String> {
    let (text, published, source, lang) = if line.trim_start().starts_with('{') {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
        let text = v
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or("JSON line has no \"text\" string")?;
        let published = match v.get("published").and_then(|p| p.as_str()) {
            Some(p) => {
                Some(parse_date(p).ok_or_else(|| format!("\"published\" {p:?} is not a date"))?)
            }
            None => published,
        };
        let source = v
            .get("doc")
            .or_else(|| v.get("url"))
            .and_then(|d| d.as_str())
            .map_or_else(|| name.to_string(), str::to_string);
        let lang = v.get("lang").and_then(|l| l.as_str()).map(str::to_string);
        (text.to_string(), published, source, lang)
    } else {
        (line.to_string(), published, name.to_string(), None)
    };
    let lang = lang.or_else(|| sinew_ingest::identify_lang(&text).map(str::to_string));
    Ok(Document {
        id: sinew_ingest::doc_id(&text),
        source,
        url: None,
        title: None,
        author: None,
        published,
        site: None,
        lang,
        fingerprint: None,
        duplicate_of: None,
        text,
    })
}

/// `YYYY-MM-DD`, or the date part of an ISO date-time.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let day = s.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}
