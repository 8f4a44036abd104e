//! Store-less extraction: the map step for distributed runs (`sinew extract`) and the input
//! side of `sinew annotate`.

use std::path::PathBuf;

use chrono::NaiveDate;
use sinew_ingest::{Format, IngestConfig, IngestError};
use sinew_types::Document;

/// Reads files and folders and hands each document to `emit` as soon as its input is read,
/// so memory stays bounded by one input. Returns the inputs that failed.
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
    for file in files {
        match sinew_ingest::read_file(&file, &config) {
            Ok(parsed) => {
                errors.extend(parsed.errors);
                for doc in parsed.docs {
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
    match sinew_ingest::parse_bytes(name, bytes, format, &config) {
        Ok(parsed) => {
            for doc in parsed.docs {
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
