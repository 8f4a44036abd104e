//! What does the tagger look at? Per-token attributes (hashed word forms, shape, affixes,
//! word cluster, gazetteer hit), computed once per token, and the feature templates that
//! combine them into 64-bit feature keys.
//!
//! Training and inference both go through [`analyse`] and the two `*_features` functions, so
//! a model always sees at run time exactly the features it was trained on. Features are hashed
//! (no strings are built): a token's forms are hashed once, and a template key mixes a
//! template id with one or two of those hashes. Static features (everything but the labels)
//! are scored once per token and reused by both passes; only the few dynamic ones (previous
//! labels, document history) are looked up per pass.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::model::Model;
use super::Label;
use crate::entities::{Cand, Role};

/// Mixes one value into a running hash (the FxHash step).
#[inline]
pub(super) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The final form of a key: well spread in its high bits (the tables index by them), never 0.
#[inline]
fn finish(h: u64) -> u64 {
    let h = (h ^ (h >> 31)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h ^ (h >> 29)) | 1
}

#[inline]
fn key1(template: u64, a: u64) -> u64 {
    finish(mix(mix(0xCBF2_9CE4_8422_2325, template), a))
}

#[inline]
fn key2(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(0xCBF2_9CE4_8422_2325, template), a), b))
}

/// Hash of a word as written: the key of the word-cluster table.
pub(super) fn word_hash(word: &str) -> u64 {
    finish(word.chars().fold(SEED, |h, c| mix(h, c as u64)))
}

/// Start of every word hash.
const SEED: u64 = 0x8422_2325;

/// Padding values for positions outside the sentence.
const PAD_BEFORE: u64 = 0x5EED_0001;
const PAD_AFTER: u64 = 0x5EED_0002;
/// Cluster value of a word the cluster table does not have.
pub(super) const NO_CLUSTER: u32 = u32::MAX;

/// What the features need to know about one token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) word: u64,
    pub(super) lower: u64,
    pub(super) shape: u64,
    pub(super) pre: [u64; 3],
    pub(super) suf: [u64; 4],
    pub(super) cluster: u32,
    /// Gazetteer hit covering the token (type, role, first or inner), 0 when none.
    pub(super) gaz: u64,
    /// First char upper-case: the document-history features only look at such tokens.
    pub(super) cap: bool,
    /// Entirely lower-case letters (at least one).
    pub(super) all_lower: bool,
    /// Ends a sentence: ".", "!" or "?".
    pub(super) stop: bool,
    /// Has a lower-case letter.
    pub(super) has_lower: bool,
    /// In a sentence without lower-case letters (a headline, a results table).
    pub(super) caps_line: bool,
    /// The words (lower case) before and after up to two other occurrences of this
    /// capitalised word in the document, 0 where none: what its other contexts say.
    pub(super) elsewhere: [u64; 4],
}

/// Computes every token's attributes. `spans` are byte spans into `text`; `gaz` are the
/// gazetteer's candidates for the same `text`.
pub(super) fn analyse(
    text: &str,
    spans: &[(usize, usize)],
    gaz: &[Cand],
    model: &Model,
) -> Vec<Tok> {
    let mut chars: Vec<char> = Vec::with_capacity(32);
    let mut toks = Vec::with_capacity(spans.len());
    for &(s, e) in spans {
        let w = &text[s..e];
        chars.clear();
        let (mut word, mut lower, mut title, mut shape) = (SEED, SEED, SEED, 0x3u64);
        let mut last_shape = '\0';
        let (mut has_upper, mut has_lower) = (false, false);
        for (n, c) in w.chars().enumerate() {
            // Curly quotes read as the straight ones of the training text.
            let c = match c {
                '’' | '‘' => '\'',
                '“' | '”' => '"',
                _ => c,
            };
            word = mix(word, c as u64);
            let lc = if c.is_uppercase() {
                has_upper = true;
                c.to_lowercase().next().unwrap_or(c)
            } else {
                has_lower |= c.is_lowercase();
                c
            };
            lower = mix(lower, lc as u64);
            title = mix(title, if n == 0 { c } else { lc } as u64);
            chars.push(lc);
            let sh = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else if c.is_alphabetic() {
                'a'
            } else {
                c
            };
            if sh != last_shape {
                shape = mix(shape, sh as u64);
                last_shape = sh;
            }
        }
        let mut pre = [0u64; 3];
        let mut h = 0x7u64;
        for (k, &c) in chars.iter().take(3).enumerate() {
            h = mix(h, c as u64);
            pre[k] = h;
        }
        let mut suf = [0u64; 4];
        let mut h = 0x9u64;
        for (k, &c) in chars.iter().rev().take(4).enumerate() {
            h = mix(h, c as u64);
            suf[k] = h;
        }
        let word = finish(word);
        let mut cluster = model.cluster(word);
        if cluster == NO_CLUSTER && has_upper {
            // Headlines are in capitals; the cluster table has the usual spellings.
            cluster = model.cluster(finish(title));
            if cluster == NO_CLUSTER {
                cluster = model.cluster(finish(lower));
            }
        }
        let first = w.chars().next().unwrap_or(' ');
        toks.push(Tok {
            word,
            lower: finish(lower),
            shape,
            pre,
            suf,
            cluster,
            gaz: 0,
            cap: first.is_uppercase(),
            all_lower: has_lower && !has_upper,
            stop: matches!(w, "." | "!" | "?"),
            has_lower,
            caps_line: false,
            elsewhere: [0; 4],
        });
    }
    mark_gazetteer(spans, gaz, &mut toks);
    mark_elsewhere(&mut toks);
    toks
}

/// Fills [`Tok::elsewhere`]: for each capitalised token, the neighbours of the nearest other
/// occurrences of its word (the previous one and the next one).
fn mark_elsewhere(toks: &mut [Tok]) {
    let mut last: HashMap<u64, usize, BuildHasherDefault<super::decode::KeyHasher>> =
        HashMap::default();
    let neighbours = |toks: &[Tok], j: usize| -> (u64, u64) {
        let p = if j > 0 { toks[j - 1].lower } else { PAD_BEFORE };
        let n = toks.get(j + 1).map_or(PAD_AFTER, |t| t.lower);
        (p, n)
    };
    // Forward: the previous occurrence; and link it back to this one.
    for i in 0..toks.len() {
        if !toks[i].cap {
            continue;
        }
        if let Some(j) = last.insert(toks[i].lower, i) {
            let (p, n) = neighbours(toks, j);
            toks[i].elsewhere[0] = p;
            toks[i].elsewhere[1] = n;
            let (p, n) = neighbours(toks, i);
            toks[j].elsewhere[2] = p;
            toks[j].elsewhere[3] = n;
        }
    }
}

/// Tags each token covered by a gazetteer candidate with the candidate's type and role and
/// whether it is the first token. The longest candidate covering a token wins.
fn mark_gazetteer(spans: &[(usize, usize)], gaz: &[Cand], toks: &mut [Tok]) {
    let mut best: Vec<usize> = vec![0; toks.len()];
    for c in gaz {
        // First token starting at or after the candidate's start.
        let first = spans.partition_point(|&(s, _)| s < c.start);
        let kind = mix(mix(0x6A2, c.ty as u64), role_code(c.role));
        let mut i = first;
        while i < spans.len() && spans[i].1 <= c.end {
            let len = c.end - c.start;
            if len > best[i] {
                best[i] = len;
                toks[i].gaz = finish(mix(kind, u64::from(i == first)));
            }
            i += 1;
        }
    }
}

fn role_code(r: Role) -> u64 {
    match r {
        Role::Name => 1,
        Role::Demonym => 2,
        Role::Seat => 3,
        Role::Plain => 4,
    }
}

/// Sentence ranges over the tokens: a sentence ends after ".", "!" or "?", or before a line
/// break in the text.
pub(super) fn sentences(
    text: &str,
    spans: &[(usize, usize)],
    toks: &mut [Tok],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..toks.len() {
        let breaks_before = i > start && text[spans[i - 1].1..spans[i].0].contains('\n');
        if breaks_before {
            out.push((start, i));
            start = i;
        }
        if toks[i].stop {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    for &(a, b) in &out {
        let caps = !toks[a..b].iter().any(|t| t.has_lower);
        for t in &mut toks[a..b] {
            t.caps_line = caps;
        }
    }
    out
}

// Template ids. Changing one changes every key: retrain after.
const T_BIAS: u64 = 1;
const T_LOWER: u64 = 2;
const T_WORD: u64 = 3;
const T_LOWER_AT: [u64; 4] = [4, 5, 6, 7];
const T_SHAPE: u64 = 8;
const T_SHAPE_AT: [u64; 2] = [9, 10];
const T_SHAPE_PAIR: [u64; 2] = [11, 12];
const T_PRE: [u64; 3] = [13, 14, 15];
const T_SUF: [u64; 4] = [16, 17, 18, 19];
const T_BIGRAM: [u64; 2] = [20, 21];
const T_CLUSTER: [u64; 4] = [22, 23, 24, 25];
const T_CLUSTER_AT: [u64; 4] = [26, 27, 28, 29];
const T_GAZ: u64 = 30;
const T_GAZ_AT: [u64; 2] = [31, 32];
const T_FIRST_SHAPE: u64 = 33;
const T_FIRST_LOWER: u64 = 34;
const T_CAPS_LOWER: u64 = 35;
const T_CAPS_SHAPE: u64 = 36;
const T_SKIP: u64 = 37;
const T_SUF_AT: [u64; 2] = [38, 39];
const T_CLUSTER_FAR: [u64; 2] = [44, 45];
const T_CLUSTER_SHAPE: u64 = 46;
const T_ELSEWHERE: [u64; 4] = [47, 48, 49, 57];
const T_PREV: u64 = 40;
const T_PREV2: u64 = 41;
const T_PREV_LOWER: u64 = 42;
const T_PREV_SHAPE: u64 = 43;
const T_DOC_MAJOR: u64 = 50;
const T_DOC_ANY: u64 = 51;
const T_DOC_LOWER: u64 = 52;
const T_DOC_MAJOR_AT: [u64; 2] = [53, 54];
const T_DOC_MAJOR_WORD: u64 = 55;
const T_DOC_LABEL: u64 = 56;

/// Cluster bit-path prefixes of 4, 6, 10 and 20 bits (the low bits are the path's start).
const CLUSTER_BITS: [u32; 4] = [4, 6, 10, 20];

fn cluster_prefix(c: u32, bits: u32) -> u64 {
    if c == NO_CLUSTER {
        0xC1u64 << 32
    } else {
        u64::from(c & ((1u32 << bits) - 1)) | (u64::from(bits) << 40)
    }
}

/// The features of token `i` of sentence `s` that do not depend on labels.
pub(super) fn static_features(s: &[Tok], i: usize, out: &mut Vec<u64>) {
    word_features(&s[i], out);
    context_features(s, i, out);
}

/// The static features of a token's own word: the same wherever the word occurs, so
/// inference scores them once per word and document.
pub(super) fn word_features(t: &Tok, out: &mut Vec<u64>) {
    out.push(key1(T_BIAS, 0));
    out.push(key1(T_LOWER, t.lower));
    out.push(key1(T_WORD, t.word));
    out.push(key1(T_SHAPE, t.shape));
    for (&tid, &v) in T_PRE.iter().zip(&t.pre) {
        out.push(key1(tid, v));
    }
    for (&tid, &v) in T_SUF.iter().zip(&t.suf) {
        out.push(key1(tid, v));
    }
    for (k, bits) in CLUSTER_BITS.into_iter().enumerate() {
        out.push(key1(T_CLUSTER[k], cluster_prefix(t.cluster, bits)));
    }
    out.push(key2(
        T_CLUSTER_SHAPE,
        cluster_prefix(t.cluster, 10),
        t.shape,
    ));
}

/// Offsets of the neighbours whose features read that neighbour's word alone.
pub(super) const AROUND: [isize; 4] = [-2, -1, 1, 2];

/// The static features of token `i` that read its neighbours, its sentence or its document.
/// Inference scores the same keys as [`neighbour_features`] and [`pair_features`] (the
/// tagger's tests compare the two); training reads them here, in this order.
pub(super) fn context_features(s: &[Tok], i: usize, out: &mut Vec<u64>) {
    let t = &s[i];
    let at = |d: isize| -> Option<&Tok> {
        let j = i as isize + d;
        (j >= 0 && (j as usize) < s.len()).then(|| &s[j as usize])
    };
    let pad = |d: isize| if d < 0 { PAD_BEFORE } else { PAD_AFTER };
    for (n, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        let v = at(d).map_or(pad(d), |x| x.lower);
        out.push(key1(T_LOWER_AT[n], v));
    }
    let prev_shape = at(-1).map_or(PAD_BEFORE, |x| x.shape);
    let next_shape = at(1).map_or(PAD_AFTER, |x| x.shape);
    out.push(key1(T_SHAPE_AT[0], prev_shape));
    out.push(key1(T_SHAPE_AT[1], next_shape));
    out.push(key2(T_SHAPE_PAIR[0], prev_shape, t.shape));
    out.push(key2(T_SHAPE_PAIR[1], t.shape, next_shape));
    let prev_lower = at(-1).map_or(PAD_BEFORE, |x| x.lower);
    let next_lower = at(1).map_or(PAD_AFTER, |x| x.lower);
    out.push(key2(T_BIGRAM[0], prev_lower, t.lower));
    out.push(key2(T_BIGRAM[1], t.lower, next_lower));
    for (n, d) in [-1isize, 1].into_iter().enumerate() {
        let c = at(d).map_or(NO_CLUSTER - 1, |x| x.cluster);
        out.push(key1(T_CLUSTER_AT[2 * n], cluster_prefix(c, 6)));
        out.push(key1(T_CLUSTER_AT[2 * n + 1], cluster_prefix(c, 20)));
    }
    out.push(key1(T_GAZ, t.gaz));
    out.push(key1(T_GAZ_AT[0], at(-1).map_or(PAD_BEFORE, |x| x.gaz)));
    out.push(key1(T_GAZ_AT[1], at(1).map_or(PAD_AFTER, |x| x.gaz)));
    if t.caps_line {
        out.push(key1(T_CAPS_LOWER, t.lower));
        out.push(key2(T_CAPS_SHAPE, prev_shape, next_shape));
    }
    out.push(key2(T_SKIP, prev_lower, next_lower));
    out.push(key1(T_SUF_AT[0], at(-1).map_or(PAD_BEFORE, |x| x.suf[2])));
    out.push(key1(T_SUF_AT[1], at(1).map_or(PAD_AFTER, |x| x.suf[2])));
    for (n, d) in [-2isize, 2].into_iter().enumerate() {
        let c = at(d).map_or(NO_CLUSTER - 1 - n as u32, |x| x.cluster);
        out.push(key1(T_CLUSTER_FAR[n], cluster_prefix(c, 10)));
    }
    for (k, &v) in t.elsewhere.iter().enumerate() {
        if v != 0 {
            out.push(key1(T_ELSEWHERE[k], v));
        }
    }
    if i == 0 {
        out.push(key1(T_FIRST_SHAPE, t.shape));
        out.push(key1(T_FIRST_LOWER, t.lower));
    }
}

/// The features a token gets from its neighbour at offset `AROUND[n]` (`None`: past the
/// sentence's edge) that read nothing but that neighbour's word (its lower case, shape,
/// cluster and suffix): the same wherever the word stands there, so inference scores them
/// once per word and offset.
pub(super) fn neighbour_features(x: Option<&Tok>, n: usize, out: &mut Vec<u64>) {
    let pad = if AROUND[n] < 0 { PAD_BEFORE } else { PAD_AFTER };
    out.push(key1(T_LOWER_AT[n], x.map_or(pad, |x| x.lower)));
    if AROUND[n].abs() == 1 {
        // 0 for the word before, 1 for the word after.
        let k = usize::from(AROUND[n] > 0);
        out.push(key1(T_SHAPE_AT[k], x.map_or(pad, |x| x.shape)));
        let c = x.map_or(NO_CLUSTER - 1, |x| x.cluster);
        out.push(key1(T_CLUSTER_AT[2 * k], cluster_prefix(c, 6)));
        out.push(key1(T_CLUSTER_AT[2 * k + 1], cluster_prefix(c, 20)));
        out.push(key1(T_SUF_AT[k], x.map_or(pad, |x| x.suf[2])));
    } else {
        let k = usize::from(AROUND[n] > 0);
        let c = x.map_or(NO_CLUSTER - 1 - k as u32, |x| x.cluster);
        out.push(key1(T_CLUSTER_FAR[k], cluster_prefix(c, 10)));
    }
}

/// The static features of token `i` that read two tokens at once, a neighbour's gazetteer hit
/// (which belongs to the token, not its word), the sentence or the document.
pub(super) fn pair_features(s: &[Tok], i: usize, out: &mut Vec<u64>) {
    let t = &s[i];
    let prev = (i > 0).then(|| &s[i - 1]);
    let next = s.get(i + 1);
    let prev_shape = prev.map_or(PAD_BEFORE, |x| x.shape);
    let next_shape = next.map_or(PAD_AFTER, |x| x.shape);
    out.push(key2(T_SHAPE_PAIR[0], prev_shape, t.shape));
    out.push(key2(T_SHAPE_PAIR[1], t.shape, next_shape));
    let prev_lower = prev.map_or(PAD_BEFORE, |x| x.lower);
    let next_lower = next.map_or(PAD_AFTER, |x| x.lower);
    out.push(key2(T_BIGRAM[0], prev_lower, t.lower));
    out.push(key2(T_BIGRAM[1], t.lower, next_lower));
    out.push(key1(T_GAZ, t.gaz));
    out.push(key1(T_GAZ_AT[0], prev.map_or(PAD_BEFORE, |x| x.gaz)));
    out.push(key1(T_GAZ_AT[1], next.map_or(PAD_AFTER, |x| x.gaz)));
    if t.caps_line {
        out.push(key1(T_CAPS_LOWER, t.lower));
        out.push(key2(T_CAPS_SHAPE, prev_shape, next_shape));
    }
    out.push(key2(T_SKIP, prev_lower, next_lower));
    for (k, &v) in t.elsewhere.iter().enumerate() {
        if v != 0 {
            out.push(key1(T_ELSEWHERE[k], v));
        }
    }
    if i == 0 {
        out.push(key1(T_FIRST_SHAPE, t.shape));
        out.push(key1(T_FIRST_LOWER, t.lower));
    }
}

/// The dynamic features that read the two previous labels alone: the same at every token, so
/// a loaded model scores each pair of labels once ([`super::model::Model::label_scores`]).
pub(super) fn label_features(prev: Label, prev2: Label, out: &mut Vec<u64>) {
    let (p1, p2) = (u64::from(prev.0), u64::from(prev2.0));
    out.push(key1(T_PREV, p1));
    out.push(key2(T_PREV2, p1, p2));
}

/// The dynamic features that read the token as well as the labels: [`dynamic_features`]
/// less [`label_features`].
pub(super) fn token_label_features(
    s: &[Tok],
    i: usize,
    prev: Label,
    hist: Option<&[History]>,
    out: &mut Vec<u64>,
) {
    let t = &s[i];
    let p1 = u64::from(prev.0);
    out.push(key2(T_PREV_LOWER, p1, t.lower));
    out.push(key2(T_PREV_SHAPE, p1, t.shape));
    if let Some(hist) = hist {
        history_features(s, i, hist, out);
    }
}

/// What the first pass said about the other occurrences of a token's word in the document.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct History {
    /// Most frequent class among the other occurrences (0 = outside, 1..=4 = PER, ORG, LOC,
    /// MISC), `None` when the word occurs nowhere else or the token is not capitalised.
    pub(super) major: Option<u8>,
    /// Classes (bit 1 << class) any other occurrence got.
    pub(super) any: u8,
    /// The word is capitalised here and written in lower case elsewhere in the document.
    pub(super) lower_elsewhere: bool,
    /// Most frequent full label (with its begin/inside/last/unit part) among the other
    /// occurrences that got an entity label.
    pub(super) label: Option<u8>,
}

/// The features of token `i` that depend on the previous labels and, in the second pass, on
/// the document history (`hist` is indexed like the sentence).
pub(super) fn dynamic_features(
    s: &[Tok],
    i: usize,
    prev: Label,
    prev2: Label,
    hist: Option<&[History]>,
    out: &mut Vec<u64>,
) {
    let t = &s[i];
    let (p1, p2) = (u64::from(prev.0), u64::from(prev2.0));
    out.push(key1(T_PREV, p1));
    out.push(key2(T_PREV2, p1, p2));
    out.push(key2(T_PREV_LOWER, p1, t.lower));
    out.push(key2(T_PREV_SHAPE, p1, t.shape));
    if let Some(hist) = hist {
        history_features(s, i, hist, out);
    }
}

/// The second pass's features: what the first pass said about the token's word elsewhere.
fn history_features(s: &[Tok], i: usize, hist: &[History], out: &mut Vec<u64>) {
    let t = &s[i];
    let h = hist[i];
    if let Some(m) = h.major {
        out.push(key1(T_DOC_MAJOR, u64::from(m)));
        out.push(key2(T_DOC_MAJOR_WORD, u64::from(m), t.shape));
    }
    for class in 1..=4u8 {
        if h.any & (1 << class) != 0 {
            out.push(key1(T_DOC_ANY, u64::from(class)));
        }
    }
    if h.lower_elsewhere {
        out.push(key1(T_DOC_LOWER, 1));
    }
    if let Some(l) = h.label {
        out.push(key1(T_DOC_LABEL, u64::from(l)));
    }
    for (n, d) in [-1isize, 1].into_iter().enumerate() {
        let j = i as isize + d;
        if j >= 0 && (j as usize) < s.len() {
            if let Some(m) = hist[j as usize].major {
                out.push(key1(T_DOC_MAJOR_AT[n], u64::from(m)));
            }
        }
    }
}
