//! Store-less extraction: the map step for distributed runs (`sinew extract`) and the input
//! side of `sinew annotate`.

use std::collections::HashMap;
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

/// Reads files and folders and hands each document to `emit` as soon as its input is read,
/// so memory stays bounded by one input (plus 1 KB or so per document for near-duplicate
/// links within the run, see [`Document::duplicate_of`]). Returns the inputs that failed.
pub fn extract_paths<E>(
    paths: &[PathBuf],
    published: Option<NaiveDate>,
    emit: &mut dyn FnMut(Document) -> Result<(), E>,
) -> Result<Vec<IngestError>, E> {
    let config = IngestConfig {
        published,
        ..IngestConfig::default()
    };
    let (files, mut errors) = sinew_ingest::collect_files(paths);
    let mut groups = RunGroups::default();
    for file in files {
        match sinew_ingest::read_file(&file, &config) {
            Ok(parsed) => {
                errors.extend(parsed.errors);
                for mut doc in parsed.docs {
                    groups.link(&mut doc);
                    emit(doc)?;
                }
            }
            Err(e) => errors.push(e),
        }
    }
    Ok(errors)
}

/// Same as [`extract_paths`] for one input given as bytes.
pub fn extract_bytes<E>(
    name: &str,
    bytes: &[u8],
    format: Format,
    published: Option<NaiveDate>,
    emit: &mut dyn FnMut(Document) -> Result<(), E>,
) -> Result<Vec<IngestError>, E> {
    let config = IngestConfig {
        published,
        ..IngestConfig::default()
    };
    let mut groups = RunGroups::default();
    match sinew_ingest::parse_bytes(name, bytes, format, &config) {
        Ok(parsed) => {
            for mut doc in parsed.docs {
                groups.link(&mut doc);
                emit(doc)?;
            }
            Ok(parsed.errors)
        }
        Err(e) => Ok(vec![e]),
    }
}

/// One line of `sinew annotate` input: a JSON object with `text` (and optionally
/// `published`, `doc` or `url`), or the plain text itself.
pub fn document_from_line(
    name: &str,
    line: &str,
    published: Option<NaiveDate>,
) -> Result<Document, String> {
    let (text, published, source) = if line.trim_start().starts_with('{') {
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
        (text.to_string(), published, source)
    } else {
        (line.to_string(), published, name.to_string())
    };
    Ok(Document {
        id: sinew_ingest::doc_id(&text),
        source,
        url: None,
        title: None,
        author: None,
        published,
        site: None,
        lang: None,
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
