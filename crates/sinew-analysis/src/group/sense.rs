//! What one wording of a measure means, read once as numbers ([`Sense`]) for the clustering
//! in `cluster.rs`: stems interned as numbers ([`Vocab`]) and the word-list comparisons the
//! rules of `group.rs`'s module doc use (shared words, Jaccard similarity, nested scopes).

use std::cmp::Ordering;
use std::collections::BTreeSet;

use sinew_types::{Claim, MeasureKind, QuantityKind};

use super::{norm, unit_parts};
use crate::concept::{flow_kind, scope_rule, Concept, FlowKind, Meaning};
use crate::hash::FastMap;
use crate::scope::names_in;

/// Stems interned as numbers.
#[derive(Default)]
pub(super) struct Vocab(FastMap<String, u32>);

impl Vocab {
    /// One word's number.
    pub(super) fn id(&mut self, word: &str) -> u32 {
        // Most words are known by the time they come again: look before allocating.
        if let Some(&n) = self.0.get(word) {
            return n;
        }
        let next = self.0.len() as u32;
        self.0.insert(word.to_string(), next);
        next
    }

    /// The set's words as sorted numbers.
    pub(super) fn ids(&mut self, words: &BTreeSet<String>) -> Vec<u32> {
        let mut out: Vec<u32> = words.iter().map(|w| self.id(w)).collect();
        out.sort_unstable();
        out
    }
}

/// How many numbers two sorted lists share.
pub(super) fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two sorted word lists; two empty lists are equal.
pub(super) fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = shared(a, b);
    inter as f64 / (a.len() + b.len() - inter) as f64
}

pub(super) fn scopes_match(a: &[u32], b: &[u32]) -> bool {
    scope_rule(a.len(), b.len(), shared(a, b))
}

/// One sorted word list holds the other (an empty one is held by any).
pub(super) fn scopes_nest(a: &[u32], b: &[u32]) -> bool {
    shared(a, b) == a.len().min(b.len())
}

/// What one wording of a measure means, in numbers.
pub(super) struct Sense {
    pub(super) concept: Concept,
    pub(super) stems: Vec<u32>,
    pub(super) scope: Vec<u32>,
    /// The narrowing words after each preposition (`scope.rs`).
    pub(super) complements: Vec<(u8, Vec<u32>)>,
    /// Names a place after "in" (`scope::placed`); `bare` names nothing after "in" at all.
    pub(super) placed: bool,
    pub(super) bare: bool,
    /// The stems that say something once the concept is known.
    pub(super) telling: Vec<u32>,
    /// What moves, by the words.
    pub(super) kind: FlowKind,
    /// The actors in the concept's order and the unit's head, normalised, as numbers.
    pub(super) subject: Option<u32>,
    pub(super) object: Option<u32>,
    pub(super) unit: Option<u32>,
    /// The words that narrow the unit's head, as sorted numbers.
    pub(super) unit_words: Vec<u32>,
    /// The measure's lemma class, when its words name one.
    pub(super) lemma: Option<u8>,
    /// The measure kind extraction read, when it read one.
    pub(super) measure_kind: Option<MeasureKind>,
}

impl Sense {
    pub(super) fn of(m: &Meaning, claim: &Claim, vocab: &mut Vocab) -> Sense {
        let complements: Vec<(u8, Vec<u32>)> = m
            .complements
            .iter()
            .map(|(p, words)| (*p, vocab.ids(words)))
            .collect();
        // Actors and units live in the same numbering as stems, behind a prefix no word has.
        let mut id = |prefix: &str, s: &Option<String>| {
            norm(s).map(|s| vocab.id(&format!("{prefix}\u{1f}{s}")))
        };
        let (head, unit_words) = unit_parts(&claim.quantity);
        Sense {
            concept: m.concept,
            subject: id("actor", &m.subject),
            object: id("actor", &m.object),
            // an aim's amount is of the aim: never one figure with the amount itself
            unit: id(if m.aim { "aim unit" } else { "unit" }, &head),
            unit_words: vocab.ids(&unit_words.into_iter().collect()),
            stems: vocab.ids(&m.stems),
            scope: vocab.ids(&m.scope),
            placed: m.placed,
            bare: !m.placed && !names_in(&complements),
            complements,
            telling: vocab.ids(&m.telling),
            kind: flow_kind(claim),
            lemma: m.lemma,
            measure_kind: (m.kind != MeasureKind::Other).then_some(m.kind),
        }
    }
}

/// The first claim of each sense.
pub(super) fn first_claims(sense_of: &[usize], senses: usize) -> Vec<usize> {
    let mut first = vec![usize::MAX; senses];
    for (i, &k) in sense_of.iter().enumerate() {
        if first[k] == usize::MAX {
            first[k] = i;
        }
    }
    first
}

/// What makes two claims worded alike: measure, kind, unit, rate, subject, object.
pub(super) type SenseKey<'a> = (
    &'a str,
    (QuantityKind, MeasureKind),
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);
