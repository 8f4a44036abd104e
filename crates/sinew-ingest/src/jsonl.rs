//! JSON Lines: one article a line, read as a stream.

use std::io::{self, BufRead};

use serde_json::{Map, Value};
use sinew_types::Document;

use crate::build::{self, Body, Given};
use crate::error::{ErrorKind, IngestError};
use crate::{date, IngestConfig};

/// The documents of a JSON Lines stream, one line at a time; made by [`jsonl_docs`].
///
/// A bad line yields an `Err` naming `FILE line N` and reading goes on; a failed read yields
/// its error and ends the stream. Lines longer than `max_file_bytes` are skipped with an error,
/// without being held in memory.
#[derive(Debug)]
pub struct JsonlDocs<R> {
    reader: R,
    input: String,
    name: String,
    config: IngestConfig,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
}

/// Reads documents from JSON Lines: each line an object with `text` or `html`, and optionally
/// `url`, `title`, `published` (`YYYY-MM-DD` or an ISO date-time), `author`, `site`, `lang`.
/// `input` names the stream in errors (`feed.jsonl line 3: ...`); a line without `url` gets the
/// source `NAME#LINE`, where NAME is the last path component of `input`.
pub fn jsonl_docs<R: BufRead>(input: &str, reader: R, config: &IngestConfig) -> JsonlDocs<R> {
    JsonlDocs {
        reader,
        input: input.to_string(),
        name: crate::file_name(input),
        config: config.clone(),
        line_no: 0,
        buf: Vec::new(),
        done: false,
    }
}

impl<R: BufRead> Iterator for JsonlDocs<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let cap = usize::try_from(self.config.max_file_bytes).unwrap_or(usize::MAX);
            let overflow = match read_line_capped(&mut self.reader, &mut self.buf, cap) {
                Ok(Some(overflow)) => overflow,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(IngestError::io(self.input.clone(), e)));
                }
            };
            self.line_no += 1;
            let where_ = format!("{} line {}", self.input, self.line_no);
            if overflow {
                let limit = self.config.max_file_bytes;
                return Some(Err(IngestError::new(
                    where_,
                    ErrorKind::TooLarge {
                        size: limit.saturating_add(1),
                        limit,
                    },
                )));
            }
            let mut bytes = self.buf.as_slice();
            if self.line_no == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let line = match std::str::from_utf8(bytes) {
                Ok(line) => line.trim(),
                Err(e) => {
                    return Some(Err(IngestError::new(
                        where_,
                        ErrorKind::NotText {
                            offset: e.valid_up_to(),
                        },
                    )));
                }
            };
            if line.is_empty() {
                continue;
            }
            let source = format!("{}#{}", self.name, self.line_no);
            return Some(record(&where_, source, line, &self.config));
        }
        None
    }
}

fn bad(input: &str, why: impl Into<String>) -> IngestError {
    IngestError::new(input, ErrorKind::BadRecord(why.into()))
}

fn field(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// One line's document.
fn record(
    input: &str,
    source: String,
    line: &str,
    config: &IngestConfig,
) -> Result<Document, IngestError> {
    let value: Value =
        serde_json::from_str(line).map_err(|e| bad(input, format!("not JSON ({e})")))?;
    let Value::Object(obj) = value else {
        return Err(bad(input, "not a JSON object"));
    };
    let text = obj
        .get("text")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    let page = obj
        .get("html")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    let body = match (text, page) {
        (Some(text), _) => Body::Text(text),
        (None, Some(page)) => Body::Html(page),
        (None, None) => return Err(bad(input, "has neither a \"text\" nor an \"html\" string")),
    };
    let url = field(&obj, "url");
    let given = Given {
        title: field(&obj, "title"),
        author: field(&obj, "author"),
        published: field(&obj, "published")
            .as_deref()
            .and_then(date::parse_date),
        site: field(&obj, "site"),
        url: url.clone(),
        lang: field(&obj, "lang"),
        ..Given::default()
    };
    build::document(input, url.unwrap_or(source), body, given, config)
}

/// Reads one line into `buf` (without its `\n`), keeping at most `cap` bytes. `None` at the
/// end of input, else whether the line was longer than `cap`.
pub(crate) fn read_line_capped<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Option<bool>> {
    buf.clear();
    let mut overflow = false;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(overflow));
        }
        any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        let room = cap.saturating_sub(buf.len());
        if chunk.len() > room {
            overflow = true;
            buf.extend_from_slice(&chunk[..room]);
        } else {
            buf.extend_from_slice(chunk);
        }
        let used = newline.map_or(available.len(), |i| i + 1);
        reader.consume(used);
        if newline.is_some() {
            return Ok(Some(overflow));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_lines() {
        let mut r = io::BufReader::with_capacity(4, &b"short\nmuch longer line\n\nlast"[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while let Some(over) = read_line_capped(&mut r, &mut buf, 8).unwrap() {
            got.push((String::from_utf8(buf.clone()).unwrap(), over));
        }
        let want = [
            ("short", false),
            ("much lon", true),
            ("", false),
            ("last", false),
        ];
        assert_eq!(got, want.map(|(s, o)| (s.to_string(), o)));
    }
}
