//! Bytes (text, HTML, JSON Lines, WARC, RSS/Atom feeds, any of them gzip'd) to
//! [`Document`]s: clean text, title, date, site, URL, language, and a fingerprint for
//! near-duplicate grouping ([`fingerprint`], [`DupIndex`], and [`DupLinker`], which links each
//! document to the first of its group).
//!
//! Scrape junk (navigation, "top of page", "Subscribe", "Join ... to follow", comment prompts,
//! cookie notices, breadcrumbs, logo text) is dropped by general line rules; paragraphs are
//! kept, one blank line apart. Every document is named by the hash of its clean text
//! ([`doc_id`]). Bad input gives an [`IngestError`] naming it, never a panic.

mod ahead;
mod build;
mod date;
mod decode;
mod dedup;
mod dup_links;
mod error;
mod feed;
mod files;
mod html;
mod jsonl;
mod junk;
mod lang;
mod line;
mod open;
mod source_kind;
mod text;
mod warc;
mod widgets;

use std::path::Path;

use chrono::NaiveDate;
use sinew_types::{DocId, Document};

pub use dedup::{fingerprint, similarity, DupIndex, DupMatch};
pub use dup_links::{DupLinker, Link};
pub use error::{ErrorKind, IngestError};
pub use files::collect_files;
pub use jsonl::{jsonl_docs, JsonlDocs};
pub use lang::identify_lang;
pub use line::document_from_line;
pub use open::{open_file, open_reader, Docs};
pub use source_kind::source_kind;

/// How to read inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestConfig {
    /// Publication date for documents that state none themselves (`--published`).
    pub published: Option<NaiveDate>,
    /// Inputs larger than this are refused before being read (for JSON Lines, each line).
    pub max_file_bytes: u64,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            published: None,
            max_file_bytes: 256 * 1024 * 1024,
        }
    }
}

/// What an input holds. Any of them may be gzip'd: that is found by the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// By the name's extension once `.gz` is stripped (`.html`/`.htm`, `.jsonl`/`.ndjson`,
    /// `.warc`, `.xml`/`.rss`/`.atom`, `.txt`), or for other names by the content (a page
    /// starting with `<!doctype html` or `<html`, `WARC/1.`, `<?xml` then `<rss`, `<feed` or
    /// `<rdf:RDF`, a first line that is a JSON object; else text). An XHTML page named `.xml`
    /// is HTML.
    #[default]
    Auto,
    /// Plain text, one article.
    Text,
    /// An HTML page, one article.
    Html,
    /// JSON Lines, one article a line.
    Jsonl,
    /// WARC (Common Crawl, CC-NEWS): each successful HTML `response` record an article.
    Warc,
    /// An RSS 2.0, RSS 1.0 (RDF) or Atom feed: each item or entry an article.
    Feed,
}

/// The documents read from one input, and the parts of it that could not be used (bad JSON
/// Lines records); the rest is kept.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Documents, in input order.
    pub docs: Vec<Document>,
    /// Problems with parts of the input.
    pub errors: Vec<IngestError>,
    /// Records that hold no article and were passed over on purpose (see [`Docs::skipped`]).
    pub skipped: usize,
}

/// A document's identity: the first 16 hex digits of the BLAKE3 hash of its clean text.
pub fn doc_id(text: &str) -> DocId {
    let hex = blake3::hash(text.as_bytes()).to_hex();
    DocId(hex[..16].to_string())
}

/// The last component of a path-like name (`dir/001.txt` gives `001.txt`).
pub(crate) fn file_name(input: &str) -> String {
    Path::new(input)
        .file_name()
        .map_or_else(|| input.to_string(), |n| n.to_string_lossy().into_owned())
}

/// The format a name says, once a `.gz` suffix is stripped.
fn format_by_name(name: &str) -> Format {
    let ext = Path::new(open::strip_gz(name))
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "jsonl" | "ndjson" => Format::Jsonl,
        "warc" => Format::Warc,
        "xml" | "rss" | "atom" => Format::Feed,
        "txt" | "text" => Format::Text,
        _ => Format::Auto,
    }
}

fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    if head.starts_with(b"WARC/1.") {
        return Format::Warc;
    }
    if let Some(format) = xml_root(head) {
        return format;
    }
    let lower: Vec<u8> = head.iter().take(64).map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<?xml")
    {
        return Format::Html;
    }
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(b"");
    let first_line = first_line.trim_ascii();
    if first_line.starts_with(b"{")
        && (first_line.ends_with(b"}") || first_line.len() == head.len())
    {
        return Format::Jsonl;
    }
    Format::Text
}

/// What the first element of markup says: a feed (`<rss`, `<feed`, `<rdf:RDF`) or a page
/// (`<html`, an HTML doctype); the XML declaration, comments, processing instructions and
/// other doctypes before it are passed over. `None` when the head says neither.
fn xml_root(head: &[u8]) -> Option<Format> {
    let mut rest = head;
    loop {
        let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
        rest = &rest[start..];
        let lower: Vec<u8> = rest.iter().take(16).map(u8::to_ascii_lowercase).collect();
        let skip_to = |end: &[u8]| {
            rest.windows(end.len())
                .position(|w| w == end)
                .map(|i| i + end.len())
        };
        if lower.starts_with(b"<?") {
            rest = &rest[skip_to(b"?>")?..];
        } else if lower.starts_with(b"<!--") {
            rest = &rest[skip_to(b"-->")?..];
        } else if lower.starts_with(b"<!doctype html") {
            return Some(Format::Html);
        } else if lower.starts_with(b"<!") {
            rest = &rest[skip_to(b">")?..];
        } else {
            let name_end = lower
                .iter()
                .skip(1)
                .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
                .map_or(lower.len(), |i| i + 1);
            return match &lower[..name_end] {
                b"<rss" | b"<feed" | b"<rdf:rdf" => Some(Format::Feed),
                b"<html" => Some(Format::Html),
                _ => None,
            };
        }
    }
}

/// Reads one file whole: [`open_file`] with the stream collected. Fine for single articles
/// and modest feeds; a large WARC or JSON Lines file is better iterated with [`open_file`].
/// `Err` when the input as a whole cannot be used; otherwise the documents and the errors of
/// the parts that could not be used.
pub fn read_file(path: &Path, config: &IngestConfig) -> Result<Parsed, IngestError> {
    Ok(open_file(path, config)?.into_parsed())
}

/// Parses one input given as bytes; `source` names it in errors and, without its folders,
/// becomes `Document::source`. Gzip'd bytes are decompressed first (`.gz` is stripped from
/// `source` to find the format by name).
pub fn parse_bytes(
    source: &str,
    bytes: &[u8],
    format: Format,
    config: &IngestConfig,
) -> Result<Parsed, IngestError> {
    let size = Some(bytes.len() as u64);
    Ok(open::open_input(source, Box::new(bytes), format, config, size)?.into_parsed())
}
