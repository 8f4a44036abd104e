//! How are labels chosen? Greedy left-to-right decoding over BILOU labels, constrained to
//! valid sequences, in two passes: the first sees only the sentence, the second also sees what
//! the first said about the same word elsewhere in the document.
//!
//! Greedy decoding lets the features look at the two previous labels; with BILOU labels and
//! hashed features it is as accurate as Viterbi for this task (Ratinov and Roth 2009), and it
//! is linear with a small constant. Static features are scored once per token and the scores
//! reused by both passes; those that read one word alone (the token's own, and what a word
//! tells the tokens up to two places either side of it) once per word of the document. The
//! features of the two previous labels alone are scored once per model
//! ([`Model::label_scores`]).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::features::{
    neighbour_features, pair_features, token_label_features, word_features, History, Tok, AROUND,
};
use super::model::{Model, LABELS};
use super::Label;

/// The label before a sentence's first token.
pub(super) const START: Label = Label(LABELS as u8);

/// The best label under `scores`. Decoding is unconstrained (any label may follow any
/// other) and [`entities`] reads the result leniently: measured on the development set, that
/// beats forcing valid BILOU sequences, where one wrong "begin" drags the next words in.
#[inline]
pub(super) fn best(scores: &[i32; LABELS]) -> Label {
    let mut best = 0;
    for l in 1..LABELS {
        if scores[l] > scores[best] {
            best = l;
        }
    }
    Label(best as u8)
}

/// Scratch space reused across sentences.
#[derive(Default)]
pub(super) struct Scratch {
    keys: Vec<u64>,
}

/// Tags one document: `toks` with their `sents` ranges. Returns one label per token.
pub(super) fn tag_doc(model: &Model, toks: &[Tok], sents: &[(usize, usize)]) -> Vec<Label> {
    passes(model, toks, sents, true)
}

/// The first pass alone (what training's second pass learns to read).
pub(super) fn first_pass(model: &Model, toks: &[Tok], sents: &[(usize, usize)]) -> Vec<Label> {
    passes(model, toks, sents, false)
}

fn passes(model: &Model, toks: &[Tok], sents: &[(usize, usize)], second: bool) -> Vec<Label> {
    let mut scratch = Scratch::default();
    let statics = static_scores(model, toks, sents, &mut scratch);
    let mut labels = vec![Label(0); toks.len()];
    for &(a, b) in sents {
        greedy(
            model,
            &toks[a..b],
            &statics[a..b],
            None,
            &mut labels[a..b],
            &mut scratch,
        );
    }
    if !second {
        return labels;
    }
    let hist = history(toks, &labels);
    for &(a, b) in sents {
        let h = &hist[a..b];
        greedy(
            model,
            &toks[a..b],
            &statics[a..b],
            Some(h),
            &mut labels[a..b],
            &mut scratch,
        );
    }
    labels
}

/// What one word of a document scores: the features of the word itself, and, for a word that
/// occurs more than once, those it gives a neighbour from each offset of [`AROUND`] (a row
/// of `around`, filled as first needed).
struct WordScores {
    own: [i32; LABELS],
    /// Occurrences in the document.
    count: u32,
    /// Index of the word's rows in `around`; `u32::MAX` until it has any.
    around: u32,
    /// Bit `n` set once the word's row for offset `AROUND[n]` is filled.
    filled: u8,
}

/// Scores the keys `f` writes.
fn score_of(model: &Model, keys: &mut Vec<u64>, f: impl FnOnce(&mut Vec<u64>)) -> [i32; LABELS] {
    keys.clear();
    f(keys);
    let mut acc = [0i32; LABELS];
    model.add_scores(keys, &mut acc);
    acc
}

#[inline]
fn add(acc: &mut [i32; LABELS], v: &[i32; LABELS]) {
    for (a, &x) in acc.iter_mut().zip(v) {
        *a += x;
    }
}

/// Each token's static score: the sum over [`static_features`](super::features::static_features).
/// A word's own features and those it gives its neighbours depend on the word alone, and most
/// words of an article occur more than once, so those are scored once per word (and offset);
/// the features a word occurring once gives its neighbours, and those reading two tokens, a
/// gazetteer hit or the document, are looked up per token, in one batch. Integer sums, so the
/// order of the parts does not change a score.
fn static_scores(
    model: &Model,
    toks: &[Tok],
    sents: &[(usize, usize)],
    scratch: &mut Scratch,
) -> Vec<[i32; LABELS]> {
    let keys = &mut scratch.keys;
    let mut ids: KeyMap<u32> = KeyMap::default();
    let mut words: Vec<WordScores> = Vec::new();
    let word_of: Vec<u32> = toks
        .iter()
        .map(|t| {
            let id = *ids.entry(t.word).or_insert_with(|| {
                words.push(WordScores {
                    own: score_of(model, keys, |k| word_features(t, k)),
                    count: 0,
                    around: u32::MAX,
                    filled: 0,
                });
                (words.len() - 1) as u32
            });
            words[id as usize].count += 1;
            id
        })
        .collect();
    let mut around: Vec<[[i32; LABELS]; 4]> = Vec::new();
    let mut one = Vec::new();
    let mut statics: Vec<[i32; LABELS]> = Vec::with_capacity(toks.len());
    for &(a, b) in sents {
        let s = &toks[a..b];
        for i in 0..s.len() {
            let mut acc = words[word_of[a + i] as usize].own;
            keys.clear();
            for (n, d) in AROUND.into_iter().enumerate() {
                let j = i as isize + d;
                if j < 0 || j as usize >= s.len() {
                    neighbour_features(None, n, keys);
                    continue;
                }
                let x = &s[j as usize];
                let w = &mut words[word_of[a + j as usize] as usize];
                if w.count < 2 {
                    neighbour_features(Some(x), n, keys);
                    continue;
                }
                if w.around == u32::MAX {
                    w.around = around.len() as u32;
                    around.push([[0; LABELS]; 4]);
                }
                let rows = &mut around[w.around as usize];
                if w.filled & (1 << n) == 0 {
                    rows[n] = score_of(model, &mut one, |k| neighbour_features(Some(x), n, k));
                    w.filled |= 1 << n;
                }
                add(&mut acc, &rows[n]);
            }
            pair_features(s, i, keys);
            model.add_scores(keys, &mut acc);
            statics.push(acc);
        }
    }
    statics
}

fn greedy(
    model: &Model,
    s: &[Tok],
    statics: &[[i32; LABELS]],
    hist: Option<&[History]>,
    out: &mut [Label],
    scratch: &mut Scratch,
) {
    let (mut prev, mut prev2) = (START, START);
    for i in 0..s.len() {
        scratch.keys.clear();
        token_label_features(s, i, prev, hist, &mut scratch.keys);
        let mut acc = statics[i];
        add(&mut acc, model.label_scores(prev, prev2));
        model.add_scores(&scratch.keys, &mut acc);
        let l = best(&acc);
        out[i] = l;
        prev2 = prev;
        prev = l;
    }
}

/// Hashes that are already hashes: the identity is enough.
#[derive(Default)]
pub(super) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;
type KeySet = HashSet<u64, BuildHasherDefault<KeyHasher>>;

/// For each capitalised token, what the other occurrences of its word were labelled.
pub(super) fn history(toks: &[Tok], labels: &[Label]) -> Vec<History> {
    // Per lower-cased word: counts by class, and by entity label.
    let mut counts: KeyMap<([u16; 5], [u16; LABELS])> = KeyMap::default();
    let mut lower: KeySet = KeySet::default();
    for (t, l) in toks.iter().zip(labels) {
        if t.cap {
            let c = counts.entry(t.lower).or_default();
            c.0[l.class() as usize] = c.0[l.class() as usize].saturating_add(1);
            c.1[l.0 as usize] = c.1[l.0 as usize].saturating_add(1);
        } else if t.all_lower {
            lower.insert(t.lower);
        }
    }
    toks.iter()
        .zip(labels)
        .map(|(t, l)| {
            if !t.cap {
                return History::default();
            }
            let (mut c, mut by_label) = counts.get(&t.lower).copied().unwrap_or_default();
            c[l.class() as usize] -= 1;
            by_label[l.0 as usize] -= 1;
            let total: u16 = c.iter().sum();
            let major = (total > 0).then(|| {
                (0..5u8)
                    .max_by_key(|&k| (c[k as usize], std::cmp::Reverse(k)))
                    .unwrap_or(0)
            });
            let any = (1..5u8)
                .filter(|&k| c[k as usize] > 0)
                .fold(0u8, |a, k| a | (1 << k));
            let label = (1..LABELS)
                .filter(|&k| by_label[k] > 0)
                .max_by_key(|&k| (by_label[k], std::cmp::Reverse(k)))
                .map(|k| k as u8);
            History {
                major,
                any,
                lower_elsewhere: lower.contains(&t.lower),
                label,
            }
        })
        .collect()
}

/// Entities as token ranges `(first, end, class)` (class 1..=4) from one sentence's labels,
/// read leniently: an entity left open ends at its last token, a lone inside or last label
/// starts one.
pub(super) fn entities(labels: &[Label], offset: usize, out: &mut Vec<(usize, usize, u8)>) {
    // The open entity: (first, last, class).
    let mut open: Option<(usize, usize, u8)> = None;
    for (i, l) in labels.iter().enumerate() {
        let (c, part) = (l.class(), l.part());
        let continues = c > 0 && matches!(part, 1 | 2) && open.is_some_and(|o| o.2 == c);
        if !continues {
            if let Some((a, b, oc)) = open.take() {
                out.push((offset + a, offset + b + 1, oc));
            }
        }
        if c == 0 {
            continue;
        }
        let start = if continues {
            open.map_or(i, |o| o.0)
        } else {
            i
        };
        if matches!(part, 2 | 3) {
            out.push((offset + start, offset + i + 1, c));
            open = None;
        } else {
            open = Some((start, i, c));
        }
    }
    if let Some((a, b, oc)) = open {
        out.push((offset + a, offset + b + 1, oc));
    }
}

/// BILOU labels from entities given as token ranges.
pub(super) fn encode(n: usize, ents: &[(usize, usize, u8)]) -> Vec<Label> {
    let mut out = vec![Label(0); n];
    for &(a, b, c) in ents {
        if a >= b || b > n {
            continue;
        }
        if b - a == 1 {
            out[a] = Label::new(c, 3);
        } else {
            out[a] = Label::new(c, 0);
            for l in &mut out[a + 1..b - 1] {
                *l = Label::new(c, 1);
            }
            out[b - 1] = Label::new(c, 2);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_scores_are_the_sums_over_each_tokens_static_features() {
        use super::super::features::{analyse, context_features, sentences, static_features};
        let Ok(model) = &*super::super::MODEL else {
            panic!("the embedded model loads");
        };
        // Repeated words at sentence edges and inside, a line in capitals, one-word sentences.
        let text = "Acme Corp said on Monday that Acme would buy Zenith.\nZENITH SHARES JUMP\n\
                    Shares of Zenith rose 5 percent in Paris, and Acme fell. Paris. Said Acme: \
                    \"Zenith is ours.\" Monday";
        let spans: Vec<(usize, usize)> = super::super::tokenize(text)
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        let gaz = crate::entities::gazetteer::GAZETTEER.find(text);
        let mut toks = analyse(text, &spans, &gaz, model);
        let sents = sentences(text, &spans, &mut toks);
        assert!(sents.len() >= 4, "{sents:?}");
        let got = static_scores(model, &toks, &sents, &mut Scratch::default());
        let mut want = Vec::new();
        for &(a, b) in &sents {
            for i in 0..b - a {
                let mut keys = Vec::new();
                static_features(&toks[a..b], i, &mut keys);
                let mut acc = [0i32; LABELS];
                model.add_scores(&keys, &mut acc);
                want.push(acc);
            }
        }
        assert_eq!(got, want);
        assert!(got.iter().any(|s| s.iter().any(|&x| x != 0)));
        // And key for key: the split is the same features as training's.
        for &(a, b) in &sents {
            let s = &toks[a..b];
            for i in 0..s.len() {
                let mut whole = Vec::new();
                context_features(s, i, &mut whole);
                let mut split = Vec::new();
                for (n, d) in AROUND.into_iter().enumerate() {
                    let j = i as isize + d;
                    let x = (j >= 0 && (j as usize) < s.len()).then(|| &s[j as usize]);
                    neighbour_features(x, n, &mut split);
                }
                pair_features(s, i, &mut split);
                whole.sort_unstable();
                split.sort_unstable();
                assert_eq!(whole, split, "token {i} of {:?}", (a, b));
            }
        }
    }

    #[test]
    fn label_scores_and_token_label_features_are_the_dynamic_features() {
        use super::super::features::{analyse, dynamic_features, label_features, sentences};
        let Ok(model) = &*super::super::MODEL else {
            panic!("the embedded model loads");
        };
        let text = "Acme said Zenith and Acme would merge. Zenith agreed in Paris.";
        let spans: Vec<(usize, usize)> = super::super::tokenize(text)
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        let mut toks = analyse(text, &spans, &[], model);
        let sents = sentences(text, &spans, &mut toks);
        let labels = first_pass(model, &toks, &sents);
        let hist = history(&toks, &labels);
        let (a, b) = sents[0];
        let s = &toks[a..b];
        let mut nonzero = false;
        for h in [None, Some(&hist[a..b])] {
            for i in 0..s.len() {
                for (p1, p2) in [(START, START), (Label(5), Label(0)), (Label(0), Label(16))] {
                    let mut whole = Vec::new();
                    dynamic_features(s, i, p1, p2, h, &mut whole);
                    let mut split = Vec::new();
                    label_features(p1, p2, &mut split);
                    token_label_features(s, i, p1, h, &mut split);
                    whole.sort_unstable();
                    split.sort_unstable();
                    assert_eq!(whole, split);
                    let mut want = [0i32; LABELS];
                    label_features(p1, p2, &mut whole);
                    model.add_scores(&whole[whole.len() - 2..], &mut want);
                    assert_eq!(model.label_scores(p1, p2), &want);
                    nonzero |= want.iter().any(|&x| x != 0);
                }
            }
        }
        assert!(nonzero);
    }

    #[test]
    fn bilou_round_trips_and_reads_leniently() {
        let ents = [(0, 1, 1), (2, 5, 3), (5, 7, 2)];
        let labels = encode(8, &ents);
        let mut got = Vec::new();
        entities(&labels, 0, &mut got);
        assert_eq!(got, ents);
        // B O, I L of another class, a lone L: each still gives an entity.
        let labels = [
            Label::new(1, 0),
            Label(0),
            Label::new(2, 1),
            Label::new(3, 2),
            Label::new(4, 2),
        ];
        let mut got = Vec::new();
        entities(&labels, 10, &mut got);
        assert_eq!(got, [(10, 11, 1), (12, 13, 2), (13, 14, 3), (14, 15, 4)]);
        let mut s = [0i32; LABELS];
        s[5] = 3;
        assert_eq!(best(&s), Label(5));
    }
}
