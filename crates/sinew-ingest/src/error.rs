//! Errors of ingest: [`IngestError`] names the input at fault and says what went wrong
//! ([`ErrorKind`]); [`Damage`] marks an I/O error from a decompressor as the input's fault.
//! This module depends on no other of the crate, so every reader can use it.

use std::fmt;

/// Why an input could not be turned into documents; always names the input.
///
/// [`IngestError::is_io`] separates failures of the machine (a read that failed) from
/// problems with the input itself (not text, too large, nothing left after cleaning).
#[derive(Debug)]
pub struct IngestError {
    input: String,
    kind: ErrorKind,
}

/// What went wrong with an input.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The path named does not exist.
    NotFound,
    /// Reading failed.
    Io(std::io::Error),
    /// The bytes are neither UTF-8 nor plausible text in a legacy encoding.
    NotText {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// A page (an `.html` file, an HTML payload in a WARC record) is binary data, not markup.
    Binary {
        /// Byte offset of the first byte that shows it: a NUL or a control byte.
        offset: usize,
    },
    /// The input is larger than [`crate::IngestConfig::max_file_bytes`].
    TooLarge {
        /// Size in bytes, as far as known.
        size: u64,
        /// The configured limit.
        limit: u64,
    },
    /// Nothing is left once scrape junk is removed.
    NoText,
    /// A record that cannot be used: a JSON Lines line (not JSON, not an object, no text), a
    /// WARC record (a malformed header, an unreadable payload), a feed item without content.
    BadRecord(String),
    /// Decompressed, the input (for WARC, one record) would be larger than
    /// [`crate::IngestConfig::max_file_bytes`]; reading stopped at the limit.
    TooLargeDecompressed {
        /// The configured limit.
        limit: u64,
    },
    /// The input ends inside a record or inside compressed data; what came before is kept.
    Truncated(String),
    /// The input's structure is broken beyond a single record: corrupt compressed data, XML
    /// that is not well-formed.
    Malformed(String),
}

impl IngestError {
    /// An error of `input` (a file name, `FILE line N`): what callers outside this crate
    /// that read records of their own (`sinew load`) report in the same shape.
    pub fn new(input: impl Into<String>, kind: ErrorKind) -> Self {
        IngestError {
            input: input.into(),
            kind,
        }
    }

    /// A failed read; damaged compressed data (marked as [`Damage`] by the decompressor) is
    /// the input's fault, not the machine's.
    pub(crate) fn io(input: impl Into<String>, err: std::io::Error) -> Self {
        let damage = err.get_ref().and_then(|e| e.downcast_ref::<Damage>());
        let kind = if let Some(damage) = damage {
            if damage.truncated {
                ErrorKind::Truncated(damage.message.clone())
            } else {
                ErrorKind::Malformed(damage.message.clone())
            }
        } else if err.kind() == std::io::ErrorKind::NotFound {
            ErrorKind::NotFound
        } else {
            ErrorKind::Io(err)
        };
        IngestError::new(input, kind)
    }

    /// The input at fault: a path, a name given to [`crate::parse_bytes`],
    /// `FILE.jsonl line N`, `FILE.warc record N at byte B` or `FILE.xml item N`.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// True when reading failed (an I/O error); false when the input itself is at fault.
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(_))
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.kind)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::NotFound => f.write_str("no such file or folder"),
            // The I/O message is shown here rather than as `source()`, so that printing the
            // error once is enough and printing the chain does not repeat it.
            ErrorKind::Io(e) => write!(f, "cannot read: {e}"),
            ErrorKind::NotText { offset } => write!(f, "not valid UTF-8 at byte {offset}"),
            ErrorKind::Binary { offset } => {
                write!(
                    f,
                    "binary data, not a page (a control byte at byte {offset})"
                )
            }
            ErrorKind::TooLarge { size, limit } => {
                write!(f, "too large ({size} bytes; the limit is {limit} bytes)")
            }
            ErrorKind::NoText => f.write_str("no article text"),
            ErrorKind::BadRecord(why) => f.write_str(why),
            ErrorKind::TooLargeDecompressed { limit } => {
                write!(f, "decompresses to more than the limit of {limit} bytes")
            }
            ErrorKind::Truncated(why) => write!(f, "truncated: {why}"),
            ErrorKind::Malformed(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for IngestError {}

/// Damaged compressed data, carried inside an `io::Error` so that readers of the
/// decompressed stream report it as the input's fault rather than the machine's.
#[derive(Debug)]
pub(crate) struct Damage {
    pub(crate) truncated: bool,
    pub(crate) message: String,
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Damage {}
