//! Inputs to streams of documents: gzip found by its magic bytes, the format chosen by name or
//! content, single documents read whole (bounded), multi-document formats read record by
//! record so that a large input is never held in memory.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use sinew_types::Document;

use crate::build::{self, Body, Given};
use crate::error::{Damage, ErrorKind, IngestError};
use crate::feed::{feed_docs, FeedDocs};
use crate::jsonl::{jsonl_docs, JsonlDocs};
use crate::warc::{warc_docs, WarcDocs};
use crate::{decode, file_name, format_by_name, sniff, Format, IngestConfig, Parsed};

/// The first two bytes of every gzip member.
const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];

/// How much of a (decompressed) input is looked at to guess its format.
const SNIFF_BYTES: usize = 1024;

/// A byte source of any kind, owned or borrowed.
type Source<'a> = Box<dyn Read + Send + 'a>;

/// The documents of one input, read as a stream; made by [`open_file`] or [`open_reader`].
///
/// Single-document inputs (text, HTML) are read and cleaned when opened; JSON Lines are read
/// line by line and WARC record by record as the stream is iterated; a feed is read whole
/// when opened (bounded by `max_file_bytes`) and its items cleaned one at a time. A WARC document's
/// `source` is its `WARC-Target-URI`, which is also its `url` when the page names no
/// canonical URL. An `Err` item is a part of the input that could
/// not be used (a bad line); reading goes on after it unless the input itself ended (a failed
/// read, truncated data), in which case it is the last item.
pub struct Docs<'a> {
    inner: Inner<'a>,
}

enum Inner<'a> {
    One(Option<Document>),
    Jsonl(JsonlDocs<Box<dyn BufRead + Send + 'a>>),
    Warc(WarcDocs<Box<dyn BufRead + Send + 'a>>),
    Feed(FeedDocs),
}

impl fmt::Debug for Docs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match &self.inner {
            Inner::One(_) => "one document",
            Inner::Jsonl(_) => "JSON Lines",
            Inner::Warc(_) => "WARC",
            Inner::Feed(_) => "feed",
        };
        f.debug_struct("Docs").field("kind", &kind).finish()
    }
}

impl Iterator for Docs<'_> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            Inner::One(doc) => doc.take().map(Ok),
            Inner::Jsonl(docs) => docs.next(),
            Inner::Warc(docs) => docs.next(),
            Inner::Feed(docs) => docs.next(),
        }
    }
}

impl Docs<'_> {
    /// Records read so far that hold no article and were passed over on purpose, not as
    /// errors: WARC records other than successful HTML or plain-text responses (`warcinfo`,
    /// `request`, `metadata`, `revisit`, redirects, images).
    pub fn skipped(&self) -> usize {
        match &self.inner {
            Inner::Warc(docs) => docs.skipped(),
            Inner::One(_) | Inner::Jsonl(_) | Inner::Feed(_) => 0,
        }
    }

    /// Reads the rest of the stream into memory.
    pub fn into_parsed(mut self) -> Parsed {
        let mut parsed = Parsed::default();
        for item in &mut self {
            match item {
                Ok(doc) => parsed.docs.push(doc),
                Err(e) => parsed.errors.push(e),
            }
        }
        parsed.skipped = self.skipped();
        parsed
    }
}

/// Opens one file as a stream of documents. Gzip'd files (any name; `.gz` is stripped to find
/// the format by name) are decompressed as they are read. A single-document file larger than
/// [`IngestConfig::max_file_bytes`] is refused unread when its name or first bytes say what it
/// is; decompressed, it is cut off at the limit. `Document::source` is the file name without
/// folders (for JSON Lines, the `url` or `FILE.jsonl#LINE`); errors name the path as given.
pub fn open_file(path: &Path, config: &IngestConfig) -> Result<Docs<'static>, IngestError> {
    let input = path.display().to_string();
    let io = |e| IngestError::io(input.clone(), e);
    if matches!(format_by_name(&input), Format::Html | Format::Text) && !is_gz_name(&input) {
        let size = std::fs::metadata(path).map_err(io)?.len();
        check_size(&input, size, config)?;
    }
    let file = File::open(path).map_err(io)?;
    // Special files report no size; the read is bounded anyway.
    let size = file.metadata().ok().map(|m| m.len()).filter(|&n| n > 0);
    open_input(&input, Box::new(file), Format::Auto, config, size)
}

/// Opens a reader (stdin, a network body) as a stream of documents, as [`open_file`] does a
/// file; `name` stands for the file name (it may be `-` or `stdin`) and `format` overrides
/// what the name and content say. Gzip'd input is found by its magic bytes.
pub fn open_reader<'a, R: Read + Send + 'a>(
    name: &str,
    reader: R,
    format: Format,
    config: &IngestConfig,
) -> Result<Docs<'a>, IngestError> {
    open_input(name, Box::new(reader), format, config, None)
}

/// The work of [`open_file`] and [`open_reader`]; `size` is the input's size when known, to
/// refuse a single document over the limit without reading it.
pub(crate) fn open_input<'a>(
    input: &str,
    source: Source<'a>,
    format: Format,
    config: &IngestConfig,
    size: Option<u64>,
) -> Result<Docs<'a>, IngestError> {
    let (head, source) = peek(source, GZIP_MAGIC.len()).map_err(|e| IngestError::io(input, e))?;
    let gzipped = head.starts_with(GZIP_MAGIC);
    let source: Source<'a> = if gzipped {
        Box::new(Inflate(MultiGzDecoder::new(source)))
    } else {
        source
    };
    let (head, source) = peek(source, SNIFF_BYTES).map_err(|e| IngestError::io(input, e))?;
    let format = match format {
        Format::Auto => match format_by_name(input) {
            Format::Auto => sniff(&head),
            // `.xml` is also what XHTML pages are saved as.
            Format::Feed if crate::xml_root(&head) == Some(Format::Html) => Format::Html,
            known => known,
        },
        known => known,
    };
    match format {
        Format::Jsonl => {
            let reader: Box<dyn BufRead + Send + 'a> = Box::new(BufReader::new(source));
            Ok(Docs {
                inner: Inner::Jsonl(jsonl_docs(input, reader, config)),
            })
        }
        Format::Warc => {
            let reader: Box<dyn BufRead + Send + 'a> =
                Box::new(BufReader::with_capacity(64 * 1024, source));
            Ok(Docs {
                inner: Inner::Warc(warc_docs(input, reader, config)),
            })
        }
        Format::Feed => {
            let bytes = read_capped(input, source, gzipped, size, config)?;
            let text = decode::decode_xml(&bytes);
            Ok(Docs {
                inner: Inner::Feed(feed_docs(input, &text, config)?),
            })
        }
        Format::Auto | Format::Html | Format::Text => {
            if !gzipped {
                if let Some(size) = size {
                    check_size(input, size, config)?;
                }
            }
            let bytes = read_capped(input, source, gzipped, size, config)?;
            let doc = single(input, &bytes, format == Format::Html, config)?;
            Ok(Docs {
                inner: Inner::One(Some(doc)),
            })
        }
    }
}

/// One text or HTML document.
fn single(
    input: &str,
    bytes: &[u8],
    html: bool,
    config: &IngestConfig,
) -> Result<Document, IngestError> {
    let name = file_name(input);
    if html {
        let page = decode::decode_html(bytes);
        build::document(input, name, Body::Html(&page), Given::default(), config)
    } else {
        let raw = decode::decode_text(bytes)
            .map_err(|offset| IngestError::new(input, ErrorKind::NotText { offset }))?;
        build::document(input, name, Body::Text(&raw), Given::default(), config)
    }
}

fn check_size(input: &str, size: u64, config: &IngestConfig) -> Result<(), IngestError> {
    let limit = config.max_file_bytes;
    if size > limit {
        return Err(IngestError::new(input, ErrorKind::TooLarge { size, limit }));
    }
    Ok(())
}

/// Reads a whole input, at most [`IngestConfig::max_file_bytes`] of it (decompressed): a
/// gzip bomb stops at the limit. `size`, the file's length where known, sizes the buffer
/// once, so that a 50 MB page is not copied through doubling buffers.
pub(crate) fn read_capped(
    input: &str,
    source: impl Read,
    gzipped: bool,
    size: Option<u64>,
    config: &IngestConfig,
) -> Result<Vec<u8>, IngestError> {
    let limit = config.max_file_bytes;
    let expected = size.filter(|_| !gzipped).map_or(0, |s| s.min(limit));
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0).saturating_add(1));
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::io(input, e))?;
    let size = bytes.len() as u64;
    if size > limit {
        let kind = if gzipped {
            ErrorKind::TooLargeDecompressed { limit }
        } else {
            ErrorKind::TooLarge { size, limit }
        };
        return Err(IngestError::new(input, kind));
    }
    Ok(bytes)
}

/// Reads up to `n` bytes from the front of `source` and gives them back together with a
/// source that still yields every byte.
fn peek(mut source: Source<'_>, n: usize) -> io::Result<(Vec<u8>, Source<'_>)> {
    let mut head = Vec::with_capacity(n);
    (&mut source).take(n as u64).read_to_end(&mut head)?;
    let rest = Box::new(Cursor::new(head.clone()).chain(source));
    Ok((head, rest))
}

/// `name` ends in `.gz` (any case).
fn is_gz_name(name: &str) -> bool {
    name.len() > 3
        && name
            .get(name.len() - 3..)
            .is_some_and(|ext| ext.eq_ignore_ascii_case(".gz"))
}

/// `page.html.gz` gives `page.html`; other names come back unchanged.
pub(crate) fn strip_gz(name: &str) -> &str {
    if is_gz_name(name) {
        &name[..name.len() - 3]
    } else {
        name
    }
}

/// A gzip decoder whose data errors are marked as [`Damage`].
struct Inflate<R>(MultiGzDecoder<R>);

impl<R: Read> Read for Inflate<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| match e.kind() {
            io::ErrorKind::UnexpectedEof => io::Error::new(
                e.kind(),
                Damage {
                    truncated: true,
                    message: "the gzip data ends early".to_string(),
                },
            ),
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => io::Error::new(
                e.kind(),
                Damage {
                    truncated: false,
                    message: format!("corrupt gzip data ({e})"),
                },
            ),
            _ => e,
        })
    }
}
