//! Near-duplicate detection: MinHash signatures of word shingles, and an LSH index over them.
//!
//! A document's text becomes the set of its word 3-shingles (three consecutive normalised
//! words); two documents are near-duplicates when those sets overlap enough (Jaccard
//! similarity). A [`Fingerprint`] splits the shingles' hashes into [`HASHES`] bins and keeps
//! the least value of each (one permutation hashing, empty bins densified): the share of
//! positions where two fingerprints agree estimates the Jaccard similarity. [`DupIndex`] splits each fingerprint into bands of [`ROWS`] values and
//! looks candidates up by band, so a query touches only documents that agree on a whole band,
//! then checks each candidate's estimated similarity against [`THRESHOLD`].
//!
//! MinHash rather than a 64-bit SimHash: syndicated copies differ by a headline, a sentence
//! and some site furniture, which is 10 to 30% of a short article's shingles. A SimHash
//! differs on about 64·θ/π bits for an angle θ between the two texts, so such copies lie 8 to
//! 15 bits apart, too far for permutation tables to find without scanning much of the index.
//! MinHash estimates the overlap itself, and its threshold reads as "half the shingles".
//!
//! Tuning: words are letters and digits lower-cased, each CJK ideograph or kana a word;
//! shingles holding a digit count three times, since copies keep a report's figures and
//! template-built reports differ in them. 64 values, 21 bands of 3, a threshold of 0.5; texts
//! under 50 words get no fingerprint. One permutation hashing replaced 64 separate hash
//! functions, which cost a tenth of extraction time. The cases it is tuned on are in
//! `tests/near_dups/` and `tests/dedup.rs`.

use std::collections::HashMap;

use sinew_types::{DocId, Fingerprint};

/// Values in a fingerprint (hash functions).
const HASHES: usize = 64;

/// Words per shingle.
const SHINGLE: usize = 3;

/// Values per LSH band, as `Fingerprint::bands` cuts them (the store's band table uses the
/// same bands). With [`BANDS`] bands of 3, a pair with Jaccard similarity `s` shares a band
/// with probability `1 - (1 - s³)^21`: 0.94 at 0.5, 0.99 at 0.6, 0.02 at 0.1.
const ROWS: usize = Fingerprint::BAND_ROWS;

/// LSH bands; the last value of a fingerprint is used in the similarity estimate only.
const BANDS: usize = HASHES / ROWS;

/// Estimated Jaccard similarity from which two texts are near-duplicates.
const THRESHOLD: f64 = 0.5;

/// How many times a shingle holding a digit counts in the similarity (weighted Jaccard by
/// repetition: the shingle enters the set with this many salted copies).
const NUMBER_WEIGHT: u64 = 3;

/// Texts with fewer words are not fingerprinted: a one-paragraph brief shares most of its
/// shingles with another brief built on the same template ("fired a missile into the sea on
/// Tuesday, the military said"), so only exact copies of short texts are grouped, by their
/// content hash.
const MIN_WORDS: usize = 50;

/// The fingerprint of a clean text, or `None` when it has fewer than 50 words (`MIN_WORDS`).
///
/// Words are runs of letters and digits, lower-cased; each CJK ideograph or kana is a word of
/// its own, since those scripts do not separate words. Punctuation, quote styles, spacing and
/// line breaks do not matter.
pub fn fingerprint(text: &str) -> Option<Fingerprint> {
    let mut mins = [u32::MAX; HASHES];
    let mut window = [Word::default(); SHINGLE];
    let mut words = 0usize;
    for_each_word(text, |word| {
        window.rotate_left(1);
        window[SHINGLE - 1] = word;
        words += 1;
        if words >= SHINGLE {
            let shingle = shingle_hash(&window);
            add_shingle(&mut mins, shingle);
            if window.iter().any(|w| w.has_digit) {
                // A shingle with a figure counts NUMBER_WEIGHT times: copies of a report keep
                // its figures, while different reports from one template differ in them.
                for copy in 1..NUMBER_WEIGHT {
                    add_shingle(&mut mins, mix(shingle ^ copy));
                }
            }
        }
    });
    if words < MIN_WORDS {
        return None;
    }
    densify(&mut mins);
    Some(Fingerprint(mins.to_vec()))
}

/// The estimated Jaccard similarity of the texts behind two fingerprints (0 to 1); 0 for
/// fingerprints of different lengths, which no one algorithm made.
pub fn similarity(a: &Fingerprint, b: &Fingerprint) -> f64 {
    if a.0.len() != b.0.len() || a.0.is_empty() {
        return 0.0;
    }
    let same = a.0.iter().zip(&b.0).filter(|(x, y)| x == y).count();
    same as f64 / a.0.len() as f64
}

/// One normalised word: the FNV-1a hash of its lower-case characters, and whether it holds a
/// digit.
#[derive(Debug, Default, Clone, Copy)]
struct Word {
    hash: u64,
    has_digit: bool,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

impl Word {
    fn start() -> Word {
        Word {
            hash: FNV_OFFSET,
            has_digit: false,
        }
    }

    fn feed(&mut self, c: char) {
        self.hash = (self.hash ^ u64::from(u32::from(c))).wrapping_mul(FNV_PRIME);
        self.has_digit |= c.is_ascii_digit();
    }
}

/// Hands each normalised word of `text` to `emit`, in order.
fn for_each_word(text: &str, mut emit: impl FnMut(Word)) {
    let mut word = Word::start();
    let mut in_word = false;
    for c in text.chars() {
        if is_ideographic(c) {
            if in_word {
                emit(word);
            }
            let mut one = Word::start();
            one.feed(c);
            emit(one);
            word = Word::start();
            in_word = false;
        } else if c.is_alphanumeric() {
            if c.is_ascii() {
                word.feed(c.to_ascii_lowercase());
            } else {
                for lower in c.to_lowercase() {
                    word.feed(lower);
                }
            }
            in_word = true;
        } else if in_word {
            emit(word);
            word = Word::start();
            in_word = false;
        }
    }
    if in_word {
        emit(word);
    }
}

/// Scripts written without spaces between words: CJK ideographs, hiragana and katakana.
fn is_ideographic(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// One 64-bit hash of an ordered run of word hashes (rotations keep the order).
fn shingle_hash(words: &[Word; SHINGLE]) -> u64 {
    let mut h = 0u64;
    for (i, w) in words.iter().enumerate() {
        h ^= w.hash.rotate_left((i as u32) * 21);
    }
    mix(h)
}

/// splitmix64's finaliser: every input bit affects every output bit.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One permutation hashing: the shingle's 64-bit hash picks one of the [`HASHES`] bins by
/// its top bits and competes there with its low 32 bits, so each shingle costs one hash
/// instead of one per value (the k-hash version took a tenth of extraction time).
fn add_shingle(mins: &mut [u32; HASHES], shingle: u64) {
    let bin = (shingle >> (64 - HASHES.trailing_zeros())) as usize;
    let min = &mut mins[bin];
    *min = (*min).min(shingle as u32);
}

/// Fills bins no shingle fell into from the nearest filled bin to their right, salted with
/// the distance (rotation densification), so that two texts with the same shingles agree on
/// empty bins too and short texts still give a usable estimate.
fn densify(mins: &mut [u32; HASHES]) {
    if mins.iter().all(|&m| m == u32::MAX) {
        return;
    }
    let source = *mins;
    for i in 0..HASHES {
        if source[i] != u32::MAX {
            continue;
        }
        let distance = (1..HASHES)
            .find(|d| source[(i + d) % HASHES] != u32::MAX)
            .unwrap_or(HASHES);
        let from = source[(i + distance) % HASHES];
        mins[i] = mix(u64::from(from) ^ ((distance as u64) << 40)) as u32;
    }
}

/// A near-duplicate match found by [`DupIndex::find`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DupMatch<'a> {
    /// The indexed document most similar to the query.
    pub doc: &'a DocId,
    /// The first document of that document's group: what `Document::duplicate_of` holds.
    pub group: &'a DocId,
    /// The estimated Jaccard similarity of the two texts.
    pub similarity: f64,
}

/// An in-memory index of fingerprints that finds a near-duplicate without scanning every
/// document: locality-sensitive hashing over bands of the MinHash values.
///
/// Documents are added in ingest order, each with its group (the first document of its
/// near-duplicate group), so a match always names the group's first document however long
/// the chain of copies.
#[derive(Debug, Default)]
pub struct DupIndex {
    docs: Vec<Entry>,
    /// Per (band, band values) key: the most recently added document with that key.
    heads: HashMap<u64, u32>,
    /// Per document and band: the previous document with the same key (`NONE` ends a chain).
    links: Vec<u32>,
}

#[derive(Debug)]
struct Entry {
    id: DocId,
    group: DocId,
    fingerprint: Fingerprint,
}

const NONE: u32 = u32::MAX;

impl DupIndex {
    /// Number of indexed documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Adds a document: `duplicate_of` is its group's first document, `None` when it starts a
    /// group. A fingerprint of another algorithm (another length) is ignored.
    pub fn insert(&mut self, id: DocId, fingerprint: &Fingerprint, duplicate_of: Option<DocId>) {
        if fingerprint.0.len() != HASHES || self.docs.len() >= NONE as usize {
            return;
        }
        let at = self.docs.len() as u32;
        for (band, values) in fingerprint.bands() {
            let key = band_key(band, values);
            let previous = self.heads.insert(key, at).unwrap_or(NONE);
            self.links.push(previous);
        }
        self.docs.push(Entry {
            group: duplicate_of.unwrap_or_else(|| id.clone()),
            id,
            fingerprint: fingerprint.clone(),
        });
    }

    /// The indexed document most similar to `fingerprint`, if its estimated similarity reaches
    /// 0.5 (`THRESHOLD`); on a tie, the one indexed first.
    pub fn find(&self, fingerprint: &Fingerprint) -> Option<DupMatch<'_>> {
        if fingerprint.0.len() != HASHES {
            return None;
        }
        let mut candidates: Vec<u32> = Vec::new();
        for (band, values) in fingerprint.bands() {
            let mut at = self
                .heads
                .get(&band_key(band, values))
                .copied()
                .unwrap_or(NONE);
            while at != NONE {
                candidates.push(at);
                at = self.links[at as usize * BANDS + band];
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(f64, &Entry)> = None;
        for at in candidates {
            let entry = &self.docs[at as usize];
            let s = similarity(fingerprint, &entry.fingerprint);
            if s >= THRESHOLD && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, entry));
            }
        }
        best.map(|(similarity, e)| DupMatch {
            doc: &e.id,
            group: &e.group,
            similarity,
        })
    }
}

/// The hash-table key of one band of a fingerprint (the band number is mixed in, so equal
/// values in different bands do not meet).
fn band_key(band: usize, values: &[u32]) -> u64 {
    let mut h = mix(band as u64 ^ 0xa076_1d64_78bd_642f);
    for v in values {
        h = mix(h ^ u64::from(*v));
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize, seed: &str) -> String {
        (0..n)
            .map(|i| format!("{seed}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn normalisation_ignores_case_punctuation_and_spacing() {
        let a = words(60, "w");
        let b = format!("  {}!", a.to_uppercase().replace(' ', " ,\n "));
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_ne!(fingerprint(&a), fingerprint(&words(60, "v")));
    }

    #[test]
    fn short_texts_get_no_fingerprint() {
        assert!(fingerprint(&words(MIN_WORDS - 1, "w")).is_none());
        assert!(fingerprint(&words(MIN_WORDS, "w")).is_some());
        // Each ideograph is a word.
        assert!(fingerprint(&"政府星期二宣布".repeat(8)).is_some());
    }

    #[test]
    fn similarity_tracks_overlap() {
        let a = fingerprint(&words(400, "w")).unwrap();
        assert_eq!(similarity(&a, &a), 1.0);
        // 360 of 400 words shared: Jaccard of shingles about 0.8.
        let b = fingerprint(&format!("{} {}", words(360, "w"), words(40, "x"))).unwrap();
        let s = similarity(&a, &b);
        assert!((0.65..0.95).contains(&s), "{s}");
        let c = fingerprint(&words(400, "v")).unwrap();
        assert!(similarity(&a, &c) < 0.1);
        assert_eq!(similarity(&a, &Fingerprint(vec![1, 2])), 0.0);
    }

    #[test]
    fn index_finds_the_group_of_the_best_match() {
        let mut index = DupIndex::default();
        let a = fingerprint(&words(300, "w")).unwrap();
        let b = fingerprint(&format!("{} {}", words(280, "w"), words(20, "x"))).unwrap();
        let c = fingerprint(&words(300, "v")).unwrap();
        assert!(index.find(&a).is_none());
        index.insert(DocId("a".into()), &a, None);
        index.insert(DocId("c".into()), &c, None);
        let m = index.find(&b).expect("b is a near-copy of a");
        assert_eq!((m.doc.0.as_str(), m.group.0.as_str()), ("a", "a"));
        // A copy of a copy names the first of the group.
        index.insert(DocId("b".into()), &b, Some(DocId("a".into())));
        let d = fingerprint(&format!("{} {}", words(270, "w"), words(30, "y"))).unwrap();
        assert_eq!(index.find(&d).map(|m| m.group.0.as_str()), Some("a"));
        assert!(index
            .find(&fingerprint(&words(300, "u")).unwrap())
            .is_none());
        // Foreign lengths are ignored, not a panic.
        index.insert(DocId("z".into()), &Fingerprint(vec![0; 3]), None);
        assert_eq!(index.len(), 3);
        assert!(index.find(&Fingerprint(vec![])).is_none());
    }
}
