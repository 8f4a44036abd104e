//! What is a document? `DocId` (identity from content), `Document` (clean text and what is
//! known about it), its near-duplicate `Fingerprint`, and the `Citation` that points a
//! written sentence back at its words.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// A document's identity: the first 16 hex digits of the BLAKE3 hash of its clean text.
///
/// Derived from content, so that re-ingesting the same article is recognised whatever its
/// file name, and so that extraction stays a pure function of the document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One article after ingest: clean main text plus what is known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Content-derived identity.
    pub id: DocId,
    /// Where it came from: the file name (without folders) or the URL.
    pub source: String,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Site or publisher name.
    pub site: Option<String>,
    /// ISO 639-1 language code, when identified.
    pub lang: Option<String>,
    /// The clean main text; every span in Sinew points into it.
    pub text: String,
    /// Near-duplicate fingerprint of `text`, set at ingest; `None` for text too short to
    /// fingerprint reliably.
    pub fingerprint: Option<Fingerprint>,
    /// The first stored document of this one's near-duplicate group (a syndicated copy, the
    /// same article saved twice), when there is one; `None` for the first of a group.
    pub duplicate_of: Option<DocId>,
}

/// A MinHash signature of a document's clean text: for each of sinew-ingest's fixed hash
/// functions, the least hash over the text's word shingles.
///
/// Two signatures agree at a position with probability equal to the Jaccard similarity of the
/// two shingle sets, so the share of equal positions estimates how much two texts overlap.
/// Only signatures made by the same algorithm (and so of the same length) are comparable.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(pub Vec<u32>);

impl Fingerprint {
    /// Values per locality-sensitive-hashing band. Two texts with Jaccard similarity `s` agree
    /// on a given band with probability `s³`, so on at least one of a 64-value fingerprint's
    /// 21 bands with probability `1 - (1 - s³)^21`: 0.94 at 0.5, 0.99 at 0.6, 0.02 at 0.1.
    pub const BAND_ROWS: usize = 3;

    /// The fingerprint's LSH bands in order, each numbered: consecutive runs of
    /// [`Fingerprint::BAND_ROWS`] values (a remainder shorter than a band belongs to none).
    ///
    /// Near-duplicate indexes file a fingerprint under each of its bands and take as
    /// candidates the fingerprints that share one; sinew-ingest's in-memory `DupIndex` and the
    /// store's table on disk both use this one definition, so they find the same candidates.
    pub fn bands(&self) -> impl Iterator<Item = (usize, &[u32])> + '_ {
        self.0.chunks_exact(Self::BAND_ROWS).enumerate()
    }
}

/// A stored document's near-duplicate fingerprint and group link: what near-duplicate linking
/// needs of a document, without its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocFingerprint {
    /// The document.
    pub id: DocId,
    /// Its fingerprint.
    pub fingerprint: Fingerprint,
    /// The first stored document of its near-duplicate group, if it is not that one.
    pub duplicate_of: Option<DocId>,
}

/// A pointer from a written sentence back to the words that support it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Citation {
    /// The cited document.
    pub doc: DocId,
    /// The cited document's source name, for display.
    pub source: String,
    /// The supporting words in the document's clean text.
    pub span: Span,
}
