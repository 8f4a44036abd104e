//! How is a trained model stored and looked up? The binary format of `model/ner.bin`, its
//! parser, and the open-addressing tables the tagger probes in its inner loop.
//!
//! Layout (little-endian): magic `SNER`, format version, label count, weight scale, cluster
//! count, feature count; then the word-cluster pairs (word hash `u64`, bit path `u32`); then
//! the feature keys (`u64`); then one row of `i16` weights per feature, the rows contiguous, so
//! a feature costs one probe and one 34-byte read. Weights are the averaged perceptron's,
//! multiplied by the scale and rounded; scores add up in `i32`.

use std::fmt;

use super::features::{label_features, NO_CLUSTER};
use super::Label;

/// Labels: outside, then B, I, L, U for each of PER, ORG, LOC, MISC.
pub(super) const LABELS: usize = 17;
/// Values a previous label takes: the labels and the start marker.
const PREV: usize = LABELS + 1;
const MAGIC: &[u8; 4] = b"SNER";
const VERSION: u32 = 1;

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    /// The model's name (a path or "embedded ner.bin").
    pub name: String,
    /// What is wrong with it.
    pub problem: String,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entity model {}: {}", self.name, self.problem)
    }
}

impl std::error::Error for ModelError {}

/// A hash table from `u64` keys to `u32` values, linear probing, filled once. A slot holds
/// the key's high 32 bits (never 0) beside the value: 8 bytes, so the tables stay small enough
/// for the caches and a probe touches one line. The slot comes from the whole key, so two
/// keys collide only if they share both the slot run and the high bits: about one chance in
/// four billion per probe for a key the table does not hold.
#[derive(Debug, Clone, Default)]
pub(super) struct Table {
    slots: Vec<(u32, u32)>,
    shift: u32,
}

#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32).max(1)
}

impl Table {
    pub(super) fn new(pairs: impl ExactSizeIterator<Item = (u64, u32)>) -> Table {
        let cap = (pairs.len() * 2).next_power_of_two().max(16);
        let mut t = Table {
            slots: vec![(0, 0); cap],
            shift: 64 - cap.trailing_zeros(),
        };
        for (k, v) in pairs {
            t.insert(k, v);
        }
        t
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn insert(&mut self, key: u64, val: u32) {
        let mask = self.slots.len() - 1;
        let fp = fingerprint(key);
        let mut i = self.slot(key);
        while self.slots[i].0 != 0 && self.slots[i].0 != fp {
            i = (i + 1) & mask;
        }
        self.slots[i] = (fp, val);
    }

    #[inline]
    pub(super) fn get(&self, key: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let fp = fingerprint(key);
        let mut i = self.slot(key);
        loop {
            let (k, v) = self.slots[i];
            if k == fp {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// A loaded model: word clusters and feature weights.
#[derive(Debug, Clone, Default)]
pub(super) struct Model {
    clusters: Table,
    feats: Table,
    weights: Vec<i16>,
    /// The scores of [`label_features`] for each pair of previous labels (`prev * PREV + prev2`,
    /// the start marker included): filled with the weights.
    label_pairs: Vec<[i32; LABELS]>,
    /// Counts, for reports.
    pub(super) n_clusters: usize,
    pub(super) n_feats: usize,
}

impl Model {
    /// A model with clusters and no weights: what training starts from.
    pub(super) fn with_clusters(clusters: &[(u64, u32)]) -> Model {
        let mut m = Model {
            clusters: Table::new(clusters.iter().copied()),
            n_clusters: clusters.len(),
            ..Model::default()
        };
        m.set_weights(&[], Vec::new());
        m
    }

    /// Adds a set of quantised weight rows (features sorted or not).
    pub(super) fn set_weights(&mut self, keys: &[u64], weights: Vec<i16>) {
        debug_assert_eq!(keys.len() * LABELS, weights.len());
        self.feats = Table::new(keys.iter().enumerate().map(|(i, &k)| (k, i as u32)));
        self.weights = weights;
        self.n_feats = keys.len();
        let mut keys = Vec::new();
        self.label_pairs = (0..PREV * PREV)
            .map(|k| {
                keys.clear();
                label_features(Label((k / PREV) as u8), Label((k % PREV) as u8), &mut keys);
                let mut acc = [0i32; LABELS];
                self.add_scores(&keys, &mut acc);
                acc
            })
            .collect();
    }

    /// The scores of [`label_features`] after labels `prev` and `prev2`.
    #[inline]
    pub(super) fn label_scores(&self, prev: Label, prev2: Label) -> &[i32; LABELS] {
        &self.label_pairs[usize::from(prev.0) * PREV + usize::from(prev2.0)]
    }

    #[inline]
    pub(super) fn cluster(&self, word: u64) -> u32 {
        self.clusters.get(word).unwrap_or(NO_CLUSTER)
    }

    /// Adds the weight rows of `keys` to `acc`.
    #[inline]
    pub(super) fn add_scores(&self, keys: &[u64], acc: &mut [i32; LABELS]) {
        for &k in keys {
            if let Some(row) = self.feats.get(k) {
                let r = row as usize * LABELS;
                let w = &self.weights[r..r + LABELS];
                for (a, &x) in acc.iter_mut().zip(w) {
                    *a += i32::from(x);
                }
            }
        }
    }

    /// Parses a model file.
    pub(super) fn parse(name: &str, bytes: &[u8]) -> Result<Model, ModelError> {
        let err = |problem: String| ModelError {
            name: name.to_string(),
            problem,
        };
        let mut r = Reader { bytes, at: 0 };
        if r.take(4).ok_or_else(|| err("empty file".into()))? != MAGIC {
            return Err(err("not an entity model (bad magic)".into()));
        }
        let short = |at: usize| err(format!("truncated at byte {at}"));
        let version = r.u32().ok_or_else(|| short(r.at))?;
        if version != VERSION {
            return Err(err(format!("format version {version}, expected {VERSION}")));
        }
        let labels = r.u32().ok_or_else(|| short(r.at))?;
        if labels as usize != LABELS {
            return Err(err(format!("{labels} labels, expected {LABELS}")));
        }
        let _scale = r.u32().ok_or_else(|| short(r.at))?;
        let n_clusters = r.u32().ok_or_else(|| short(r.at))? as usize;
        let n_feats = r.u32().ok_or_else(|| short(r.at))? as usize;
        let need = n_clusters * 12 + n_feats * (8 + 2 * LABELS);
        if bytes.len() - r.at != need {
            return Err(err(format!(
                "{} bytes after the header, expected {need}",
                bytes.len() - r.at
            )));
        }
        let raw = r.take(n_clusters * 12).ok_or_else(|| short(r.at))?;
        let clusters: Vec<(u64, u32)> = raw
            .chunks_exact(12)
            .map(|b| {
                (
                    le64(&b[..8]),
                    u32::from_le_bytes([b[8], b[9], b[10], b[11]]),
                )
            })
            .collect();
        let raw = r.take(n_feats * 8).ok_or_else(|| short(r.at))?;
        let keys: Vec<u64> = raw.chunks_exact(8).map(le64).collect();
        if keys.contains(&0) || clusters.iter().any(|&(k, _)| k == 0) {
            return Err(err("a zero key".into()));
        }
        let raw = r.take(n_feats * LABELS * 2).ok_or_else(|| short(r.at))?;
        let weights = raw
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        let mut m = Model::with_clusters(&clusters);
        m.set_weights(&keys, weights);
        Ok(m)
    }
}

/// Writes a model file from its parts (the training side of [`Model::parse`]).
pub(super) fn write(clusters: &[(u64, u32)], keys: &[u64], weights: &[i16], scale: f32) -> Vec<u8> {
    let mut out = Vec::with_capacity(24 + clusters.len() * 12 + weights.len() * 2 + keys.len() * 8);
    out.extend_from_slice(MAGIC);
    for v in [VERSION, LABELS as u32, scale.to_bits()] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&(clusters.len() as u32).to_le_bytes());
    out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    for &(k, v) in clusters {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&v.to_le_bytes());
    }
    for &k in keys {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for &w in weights {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

fn le64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    u64::from_le_bytes(a)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_damage() {
        let clusters = [(11u64, 5u32), (13, 7)];
        let keys = [3u64, 9];
        let weights: Vec<i16> = (0..(2 * LABELS) as i16).collect();
        let bytes = write(&clusters, &keys, &weights, 100.0);
        let m = Model::parse("test", &bytes).expect("parses");
        assert_eq!(m.cluster(13), 7);
        assert_eq!(m.cluster(17), NO_CLUSTER);
        let mut acc = [0i32; LABELS];
        m.add_scores(&[9, 4], &mut acc);
        assert_eq!(acc[0], LABELS as i32);
        let e = Model::parse("cut", &bytes[..bytes.len() - 1]).unwrap_err();
        assert!(e.to_string().contains("cut"), "{e}");
        assert!(Model::parse("x", b"JUNKJUNK").is_err());
        assert!(Model::parse("x", b"").is_err());
    }
}
