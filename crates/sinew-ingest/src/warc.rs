//! WARC files (ISO 28500, as Common Crawl's CC-NEWS writes them), read record by record:
//! `response` records that hold a successful HTML or plain-text HTTP response become
//! documents; every other record is passed over and counted.

use std::borrow::Cow;
use std::io::{self, BufRead, Read};

use chrono::NaiveDateTime;
use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use sinew_types::Document;

use crate::ahead::Ahead;
use crate::build::{self, Body, Given};
use crate::error::{ErrorKind, IngestError};
use crate::jsonl::read_line_capped;
use crate::{decode, sniff, Format, IngestConfig};

/// Longest header line read; a longer one makes the header malformed.
const MAX_LINE: usize = 64 * 1024;

/// Most header lines in one record.
const MAX_FIELDS: usize = 1024;

/// How far ahead a record header is looked for where one may start inside a block: WARC
/// headers are a few hundred bytes; one that does not end within this is not trusted.
const HEADER_PEEK: usize = 16 * 1024;

/// How reading a record's block ended.
enum BlockEnd {
    /// All of its `Content-Length` bytes were read.
    Whole,
    /// Another record starts inside the claimed block, at this byte of the stream: after a
    /// blank line, a `WARC/1.0` or `WARC/1.1` line and a header with a `WARC-Type` and a
    /// `Content-Length` that ends within [`HEADER_PEEK`] bytes. The length is absurd (it
    /// points past the next record, often past the end of the input); the block read so far
    /// is dropped and reading resumes there, unread.
    Overrun(u64),
    /// The input ended after this many bytes of the block.
    Short(u64),
}

/// The documents of a WARC stream (already decompressed), one record at a time.
///
/// A record that cannot be used yields an `Err` naming `FILE record N at byte B` (B counts
/// decompressed bytes from the start of the stream) and reading goes on; after a malformed
/// header, reading resumes at the next line that starts a record (`WARC/1.`). A record whose
/// `Content-Length` runs past the start of the next record (see [`BlockEnd::Overrun`]) is an
/// error, and reading resumes at that record: the block is read a line at a time, and where a
/// line after a blank line starts with `WARC/1.` a bounded look-ahead checks for a header, so
/// the input is still streamed. (A payload that itself holds a whole WARC record after a
/// blank line is cut there: a crawl of news pages holds none.) An input that ends inside a
/// record yields a `Truncated` error and ends the stream; the records before it have been
/// yielded. A `response` record larger than `max_file_bytes` is passed over without
/// being held in memory, with an error.
pub(crate) struct WarcDocs<R> {
    reader: Ahead<R>,
    input: String,
    name: String,
    config: IngestConfig,
    record: usize,
    skipped: usize,
    /// After a malformed header: lines are passed over until one starts a record.
    resync: bool,
    done: bool,
    line: Vec<u8>,
}

/// What one record gave.
enum Step {
    Doc(Box<Document>),
    /// No article in it, on purpose (another record type, a redirect, an image).
    Skip,
    Fail(IngestError),
    End,
}

/// The header fields used.
#[derive(Default)]
struct Fields {
    warc_type: String,
    length: Option<u64>,
    target: Option<String>,
    content_type: String,
    /// `WARC-Date`: when the page was fetched (UTC).
    date: Option<NaiveDateTime>,
}

pub(crate) fn warc_docs<R: BufRead>(input: &str, reader: R, config: &IngestConfig) -> WarcDocs<R> {
    WarcDocs {
        reader: Ahead::new(reader),
        input: input.to_string(),
        name: crate::file_name(input),
        config: config.clone(),
        record: 0,
        skipped: 0,
        resync: false,
        done: false,
        line: Vec::new(),
    }
}

impl<R> WarcDocs<R> {
    /// Records passed over on purpose so far.
    pub(crate) fn skipped(&self) -> usize {
        self.skipped
    }
}

impl<R: BufRead> Iterator for WarcDocs<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.step() {
                Step::Doc(doc) => return Some(Ok(*doc)),
                Step::Skip => self.skipped += 1,
                Step::Fail(e) => return Some(Err(e)),
                Step::End => self.done = true,
            }
        }
        None
    }
}

fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

impl<R: BufRead> WarcDocs<R> {
    /// Ends the stream with an error: the input cannot be read further.
    fn fatal(&mut self, err: IngestError) -> Step {
        self.done = true;
        Step::Fail(err)
    }

    fn truncated(&mut self, at: &str, why: String) -> Step {
        self.fatal(IngestError::new(at, ErrorKind::Truncated(why)))
    }

    /// A bad record header: the record is lost, reading resumes at the next one.
    fn bad_header(&mut self, at: &str, why: &str) -> Step {
        self.resync = true;
        Step::Fail(IngestError::new(at, ErrorKind::BadRecord(why.to_string())))
    }

    /// Reads one line into `self.line`: `Ok(None)` at the end of input, else whether it was
    /// cut at [`MAX_LINE`].
    fn read_line(&mut self) -> io::Result<Option<bool>> {
        read_line_capped(&mut self.reader, &mut self.line, MAX_LINE)
    }

    /// Reads a record's block of `length` bytes into `keep`, or passes over it where `keep`
    /// is `None`, and stops early where another record starts inside it (see [`BlockEnd`]).
    fn read_block(&mut self, length: u64, mut keep: Option<&mut Vec<u8>>) -> io::Result<BlockEnd> {
        let mut got = 0u64;
        // The block starts a line, and the header's blank line stands before it.
        let (mut line_start, mut after_blank) = (true, true);
        // The current line so far holds nothing but carriage returns.
        let mut blank_so_far = true;
        loop {
            if got == length {
                return Ok(BlockEnd::Whole);
            }
            if line_start && after_blank && self.record_starts_here()? {
                return Ok(BlockEnd::Overrun(self.reader.pos));
            }
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(BlockEnd::Short(got));
            }
            let room = usize::try_from(length - got).map_or(buf.len(), |r| r.min(buf.len()));
            let chunk = &buf[..room];
            // One line at a time, so that a record is looked for only where a line starts.
            let take = match memchr::memchr(b'\n', chunk) {
                Some(i) => {
                    after_blank = blank_so_far && chunk[..i].iter().all(|&b| b == b'\r');
                    (line_start, blank_so_far) = (true, true);
                    i + 1
                }
                None => {
                    blank_so_far &= chunk.iter().all(|&b| b == b'\r');
                    line_start = false;
                    room
                }
            };
            if let Some(keep) = keep.as_deref_mut() {
                keep.extend_from_slice(&chunk[..take]);
            }
            self.reader.consume(take);
            got += take as u64;
        }
    }

    /// Whether a record header starts at the reader's position, judged on at most
    /// [`HEADER_PEEK`] bytes read ahead and not consumed.
    fn record_starts_here(&mut self) -> io::Result<bool> {
        // Most lines are told apart by their first byte, without looking further.
        if self.reader.fill_buf()?.first().is_some_and(|&b| b != b'W') {
            return Ok(false);
        }
        // Exactly the bound, however much happens to be buffered: the answer must not depend
        // on where the reader's buffers end.
        let ahead = self.reader.peek(HEADER_PEEK)?;
        Ok(is_record_header(&ahead[..ahead.len().min(HEADER_PEEK)]))
    }

    fn step(&mut self) -> Step {
        // The version line, after any blank lines that end the previous record.
        let start = loop {
            let start = self.reader.pos;
            match self.read_line() {
                Err(e) => {
                    let at = format!("{} at byte {start}", self.input);
                    return self.fatal(IngestError::io(at, e));
                }
                Ok(None) => return Step::End,
                Ok(Some(_)) => {}
            }
            let line = trim_cr(&self.line);
            if line.starts_with(b"WARC/1.") {
                break start;
            }
            if line.iter().all(u8::is_ascii_whitespace) || self.resync {
                continue;
            }
            self.record += 1;
            let at = format!("{} record {} at byte {start}", self.input, self.record);
            return self.bad_header(&at, "does not start with a WARC/1.x version line");
        };
        self.resync = false;
        self.record += 1;
        let mut at = format!("{} record {} at byte {start}", self.input, self.record);

        let mut fields = Fields::default();
        let mut count = 0;
        loop {
            match self.read_line() {
                Err(e) => return self.fatal(IngestError::io(at, e)),
                Ok(None) => {
                    return self.truncated(&at, "the input ends inside the record's header".into())
                }
                Ok(Some(true)) => return self.bad_header(&at, "a header line is too long"),
                Ok(Some(false)) => {}
            }
            let line = trim_cr(&self.line);
            if line.is_empty() {
                break;
            }
            count += 1;
            if count > MAX_FIELDS {
                return self.bad_header(&at, "too many header lines");
            }
            // A folded continuation line adds to a field this reader does not use.
            if line[0] == b' ' || line[0] == b'\t' {
                continue;
            }
            let Some(colon) = line.iter().position(|&b| b == b':') else {
                return self.bad_header(&at, "a header line has no colon");
            };
            let name = String::from_utf8_lossy(&line[..colon])
                .trim()
                .to_ascii_lowercase();
            let value = String::from_utf8_lossy(&line[colon + 1..])
                .trim()
                .to_string();
            match name.as_str() {
                "warc-type" => fields.warc_type = value.to_ascii_lowercase(),
                "content-length" => fields.length = value.parse().ok(),
                "warc-target-uri" => {
                    // WARC 1.0's own examples wrap the URI in angle brackets.
                    let uri = value.trim_start_matches('<').trim_end_matches('>').trim();
                    fields.target = Some(uri.to_string()).filter(|u| !u.is_empty());
                }
                "content-type" => fields.content_type = value.to_ascii_lowercase(),
                "warc-date" => {
                    fields.date = chrono::DateTime::parse_from_rfc3339(&value)
                        .ok()
                        .map(|d| d.naive_utc());
                }
                _ => {}
            }
        }
        let Some(length) = fields.length else {
            return self.bad_header(&at, "no valid Content-Length");
        };
        if let Some(target) = &fields.target {
            at = format!("{at} ({target})");
        }

        let limit = self.config.max_file_bytes;
        // A `resource` record holds the page itself, without an HTTP message around it (as
        // browser-based crawlers store what they captured).
        let resource = (fields.warc_type == "resource")
            .then(|| media_format(&fields.content_type))
            .flatten();
        let wanted = resource.is_some()
            || (fields.warc_type == "response"
                && fields.content_type.starts_with("application/http"));
        if !wanted || length > limit {
            // Passed over without being held in memory.
            match self.read_block(length, None) {
                Err(e) => return self.fatal(IngestError::io(at, e)),
                Ok(BlockEnd::Short(got)) => return self.truncated(&at, content_cut(got, length)),
                Ok(BlockEnd::Overrun(next)) => return overrun(&at, length, next),
                Ok(BlockEnd::Whole) => {}
            }
            if wanted {
                return Step::Fail(IngestError::new(
                    at,
                    ErrorKind::TooLarge {
                        size: length,
                        limit,
                    },
                ));
            }
            return Step::Skip;
        }
        // The length is at most the limit, itself bounded by what the caller chose to hold.
        let mut block = Vec::with_capacity(usize::try_from(length.min(1 << 20)).unwrap_or(0));
        match self.read_block(length, Some(&mut block)) {
            Err(e) => return self.fatal(IngestError::io(at, e)),
            Ok(BlockEnd::Short(got)) => return self.truncated(&at, content_cut(got, length)),
            Ok(BlockEnd::Overrun(next)) => return overrun(&at, length, next),
            Ok(BlockEnd::Whole) => {}
        }
        let source = fields
            .target
            .clone()
            .unwrap_or_else(|| format!("{}#record{}", self.name, self.record));
        match resource {
            Some(format) => {
                let charset = charset_of(&fields.content_type);
                let given = Given {
                    fallback_url: fields.target,
                    fetched: fields.date,
                    ..Given::default()
                };
                page_document(
                    &at,
                    source,
                    given,
                    format,
                    charset.as_deref(),
                    &block,
                    &self.config,
                )
            }
            None => http_document(
                &at,
                source,
                fields.target,
                fields.date,
                &block,
                &self.config,
            ),
        }
    }
}

/// The format of a page by its media type: HTML or plain text, else `None`.
fn media_format(content_type: &str) -> Option<Format> {
    match content_type.split(';').next().unwrap_or("").trim() {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/plain" => Some(Format::Text),
        _ => None,
    }
}

/// The `charset` parameter of a media type.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim() == "charset").then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// A record whose `Content-Length` runs past the next record, which starts at byte `next`.
fn overrun(at: &str, length: u64, next: u64) -> Step {
    bad(
        at,
        format!(
            "its Content-Length ({length}) runs past the next record, which starts at byte {next}"
        ),
    )
}

/// Whether `ahead` starts with a WARC record header: a `WARC/1.0` or `WARC/1.1` line, then
/// field lines (`Name: value`, or folded continuations) with a `WARC-Type` and a numeric
/// `Content-Length`, then a blank line, all within `ahead`.
fn is_record_header(ahead: &[u8]) -> bool {
    let mut lines = Vec::new();
    let mut rest = ahead;
    let mut ended = false;
    while let Some(i) = memchr::memchr(b'\n', rest) {
        let line = trim_cr(&rest[..i]);
        rest = &rest[i + 1..];
        if line.is_empty() {
            ended = true;
            break;
        }
        lines.push(line);
    }
    // A header cut off by the end of `ahead` is not trusted.
    let Some((&version, fields)) = lines.split_first().filter(|_| ended) else {
        return false;
    };
    if !matches!(version, b"WARC/1.0" | b"WARC/1.1") {
        return false;
    }
    let (mut typed, mut sized) = (false, false);
    for line in fields {
        if line[0] == b' ' || line[0] == b'\t' {
            continue;
        }
        let Some(colon) = memchr::memchr(b':', line) else {
            return false;
        };
        let name = line[..colon].trim_ascii();
        let value = line[colon + 1..].trim_ascii();
        if name.is_empty() || !name.iter().all(u8::is_ascii_graphic) {
            return false;
        }
        if name.eq_ignore_ascii_case(b"WARC-Type") {
            typed = !value.is_empty();
        } else if name.eq_ignore_ascii_case(b"Content-Length") {
            sized = std::str::from_utf8(value).is_ok_and(|v| v.parse::<u64>().is_ok());
        }
    }
    typed && sized
}

fn content_cut(got: u64, length: u64) -> String {
    format!("the record's content ends after {got} of {length} bytes")
}

fn bad(at: &str, why: impl Into<String>) -> Step {
    Step::Fail(IngestError::new(at, ErrorKind::BadRecord(why.into())))
}

/// The end of an HTTP message's header: the index of its blank line and where the body
/// starts.
fn header_end(block: &[u8]) -> Option<(usize, usize)> {
    let mut i = 0;
    while let Some(off) = block[i..].iter().position(|&b| b == b'\n') {
        let nl = i + off;
        let rest = &block[nl + 1..];
        if rest.starts_with(b"\r\n") {
            return Some((nl, nl + 3));
        }
        if rest.starts_with(b"\n") {
            return Some((nl, nl + 2));
        }
        i = nl + 1;
    }
    None
}

/// A `response` record's HTTP message to a document, if it is a successful HTML (or plain
/// text) page.
fn http_document(
    at: &str,
    source: String,
    target: Option<String>,
    fetched: Option<NaiveDateTime>,
    block: &[u8],
    config: &IngestConfig,
) -> Step {
    let first = block.split(|&b| b == b'\n').next().unwrap_or(b"");
    let first = String::from_utf8_lossy(first);
    let mut words = first.split_whitespace();
    let status = match (words.next(), words.next().map(str::parse::<u16>)) {
        (Some(v), Some(Ok(code))) if v.starts_with("HTTP/") => code,
        _ => return bad(at, "the record does not hold an HTTP response"),
    };
    let Some((head_end, body_start)) = header_end(block) else {
        return bad(at, "the HTTP response's header does not end");
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let lines = head.lines().skip(1);
    // Redirects, errors, "no content" and partial content hold no whole article.
    if !(200..300).contains(&status) || status == 204 || status == 206 {
        return Step::Skip;
    }
    let (mut content_type, mut encoding, mut chunked) = (String::new(), String::new(), false);
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = value,
            "content-encoding" => encoding = value,
            "transfer-encoding" => chunked = value.contains("chunked"),
            _ => {}
        }
    }
    let charset = charset_of(&content_type);
    let mut format = media_format(&content_type);
    if format.is_none()
        && !content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .is_empty()
    {
        return Step::Skip;
    }

    let raw = &block[body_start..];
    let body: Cow<'_, [u8]> = if chunked {
        // Some crawlers store the body already de-chunked but keep the header.
        dechunk(raw).map_or(Cow::Borrowed(raw), Cow::Owned)
    } else {
        Cow::Borrowed(raw)
    };
    let body = match inflate(&body, &encoding, config.max_file_bytes) {
        Ok(Some(inflated)) => Cow::Owned(inflated),
        Ok(None) => body,
        Err(kind) => return Step::Fail(IngestError::new(at, kind)),
    };
    if format.is_none() {
        // No Content-Type: a page only if it looks like one.
        format = Some(sniff(&body)).filter(|f| *f == Format::Html);
    }
    let given = Given {
        fallback_url: target,
        fetched,
        ..Given::default()
    };
    match format {
        Some(format) => page_document(at, source, given, format, charset.as_deref(), &body, config),
        None => Step::Skip,
    }
}

/// A page's bytes, HTML or plain text in `charset`, to a document.
fn page_document(
    at: &str,
    source: String,
    given: Given,
    format: Format,
    charset: Option<&str>,
    body: &[u8],
    config: &IngestConfig,
) -> Step {
    let built = match format {
        Format::Html => {
            if let Some(offset) = decode::binary_at(body) {
                return Step::Fail(IngestError::new(at, ErrorKind::Binary { offset }));
            }
            let page = decode::decode_html_as(body, charset);
            build::document(at, source, Body::Html(&page), given, config)
        }
        _ => match decode::decode_text_as(body, charset) {
            Ok(text) => build::document(at, source, Body::Text(&text), given, config),
            Err(offset) => Err(IngestError::new(at, ErrorKind::NotText { offset })),
        },
    };
    match built {
        Ok(doc) => Step::Doc(Box::new(doc)),
        // A crawl holds many pages with no article (script shells, index pages): like
        // other records without one, they are counted, not reported as faults.
        Err(e) if matches!(e.kind(), ErrorKind::NoText) => Step::Skip,
        Err(e) => Step::Fail(e),
    }
}

/// Undoes `Transfer-Encoding: chunked`; `None` when the body is not chunked after all. A body
/// cut inside a chunk keeps what arrived.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    loop {
        let Some(off) = body[i..].iter().position(|&b| b == b'\n') else {
            return (!out.is_empty()).then_some(out);
        };
        let line = trim_cr(&body[i..i + off]);
        let size = line.split(|&b| b == b';').next().unwrap_or(b"");
        let size = std::str::from_utf8(size).ok()?.trim();
        let size = usize::from_str_radix(size, 16).ok()?;
        i += off + 1;
        if size == 0 {
            return Some(out);
        }
        let end = i.saturating_add(size).min(body.len());
        out.extend_from_slice(&body[i..end]);
        if end - i < size {
            return Some(out);
        }
        i = end;
        if body[i..].starts_with(b"\r\n") {
            i += 2;
        } else if body[i..].starts_with(b"\n") {
            i += 1;
        }
    }
}

/// Undoes `Content-Encoding`, keeping at most `limit` bytes; `Ok(None)` when there is none.
fn inflate(body: &[u8], encoding: &str, limit: u64) -> Result<Option<Vec<u8>>, ErrorKind> {
    let read = |reader: &mut dyn Read| -> Result<Vec<u8>, ErrorKind> {
        let mut out = Vec::new();
        reader
            .take(limit.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| ErrorKind::BadRecord(format!("corrupt {encoding} payload ({e})")))?;
        if out.len() as u64 > limit {
            return Err(ErrorKind::TooLargeDecompressed { limit });
        }
        Ok(out)
    };
    match encoding {
        "" | "identity" | "none" => Ok(None),
        "gzip" | "x-gzip" => read(&mut MultiGzDecoder::new(body)).map(Some),
        // "deflate" is meant to be zlib-wrapped, but servers often send raw deflate.
        "deflate" => read(&mut ZlibDecoder::new(body))
            .or_else(|_| read(&mut DeflateDecoder::new(body)))
            .map(Some),
        "br" => read(&mut brotli_decompressor::Decompressor::new(body, 16 * 1024)).map(Some),
        "zstd" => {
            let mut decoder = ruzstd::decoding::StreamingDecoder::new(body)
                .map_err(|e| ErrorKind::BadRecord(format!("corrupt zstd payload ({e})")))?;
            read(&mut decoder).map(Some)
        }
        other => Err(ErrorKind::BadRecord(format!(
            "unsupported Content-Encoding {other:?}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies() {
        let cases: &[(&[u8], Option<&[u8]>)] = &[
            (
                b"4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n",
                Some(b"Wikipedia"),
            ),
            (b"3\nabc\n0\n", Some(b"abc")),
            (b"a\r\n12345", Some(b"12345")),
            (b"<html>", None),
            (b"", None),
            (b"ffffffffffffffff\r\nab", Some(b"ab")),
        ];
        for (body, want) in cases {
            assert_eq!(dechunk(body).as_deref(), *want, "{body:?}");
        }
    }

    #[test]
    fn header_ends() {
        assert_eq!(
            header_end(b"HTTP/1.1 200\r\nA: b\r\n\r\nbody"),
            Some((19, 22))
        );
        assert_eq!(header_end(b"HTTP/1.1 200\nA: b\n\nbody"), Some((17, 19)));
        assert_eq!(header_end(b"HTTP/1.1 200\r\nA: b\r\n"), None);
    }

    #[test]
    fn record_headers_seen_ahead() {
        let yes: &[&[u8]] = &[
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12\r\n\r\nbody",
            b"WARC/1.1\nContent-Length:0\nX: folded\n  more\nwarc-type: metadata\n\n",
        ];
        let no: &[&[u8]] = &[
            // Cut off before its blank line, or without a type or a length.
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12\r\n",
            b"WARC/1.0\r\nContent-Length: 12\r\n\r\n",
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\n",
            // A line that is no field, another version, nothing after the version.
            b"WARC/1.0\r\nWARC-Type: response\r\nnot a field\r\nContent-Length: 1\r\n\r\n",
            b"WARC/1.5\r\nWARC-Type: response\r\nContent-Length: 12\r\n\r\n",
            b"WARC/1.0\r\n\r\n",
            b"",
        ];
        for header in yes {
            assert!(
                is_record_header(header),
                "{}",
                String::from_utf8_lossy(header)
            );
        }
        for header in no {
            assert!(
                !is_record_header(header),
                "{}",
                String::from_utf8_lossy(header)
            );
        }
    }
}
