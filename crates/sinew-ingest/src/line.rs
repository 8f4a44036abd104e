//! What document one line of `sinew annotate` input is: a JSON object with `text` (and
//! optionally `published`, `doc` or `url`, `lang`), or the plain text itself. Unlike a JSON Lines
//! file ([`crate::jsonl_docs`]), the text is taken as given, without cleaning: annotate's
//! offsets point into the caller's own string.

use chrono::NaiveDate;
use sinew_types::Document;

use crate::error::{ErrorKind, IngestError};

/// One line of annotate input to a document. `name` names the line in errors and is the
/// document's source unless the object gives `doc` or `url`; `published` is the date for a
/// line that gives none. The language is the record's `lang` when it states one, else
/// identified from the text as ingest does ([`crate::identify_lang`]), so that the engine's
/// language gate applies to annotate as to ingest. The error's kind says what is wrong with the line (not JSON, no
/// `text`, a `published` that is not a date).
pub fn document_from_line(
    name: &str,
    line: &str,
    published: Option<NaiveDate>,
) -> Result<Document, IngestError> {
    let bad = |why: String| IngestError::new(name, ErrorKind::BadRecord(why));
    let (text, published, source, lang) = if line.trim_start().starts_with('{') {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| bad(format!("not valid JSON: {e}")))?;
        let text = v
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| bad("JSON line has no \"text\" string".to_string()))?;
        let published = match v.get("published").and_then(|p| p.as_str()) {
            Some(p) => Some(
                parse_day(p).ok_or_else(|| bad(format!("\"published\" {p:?} is not a date")))?,
            ),
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
    let lang = lang.or_else(|| crate::identify_lang(&text).map(str::to_string));
    Ok(Document {
        id: crate::doc_id(&text),
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

/// `YYYY-MM-DD`, or the date part of an ISO date-time; stricter than the readers' dates on
/// purpose, since the caller wrote this one for a machine.
fn parse_day(s: &str) -> Option<NaiveDate> {
    let day = s.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}
