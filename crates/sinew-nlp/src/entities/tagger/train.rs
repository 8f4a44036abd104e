//! How is the model trained? An averaged perceptron over the same features and greedy
//! decoding that inference uses, on already-read documents; the caller (`cargo xtask
//! train-ner`) does the I/O.
//!
//! Steps: every document's text is rebuilt as its tokens joined by single spaces (as the
//! evaluation feeds them), the gazetteer runs over it, and each token's attributes are computed
//! by the inference code. Features seen fewer than [`TrainConfig::min_count`] times are
//! dropped. The second pass needs first-pass labels on the training documents that look like
//! those at run time, so two first-pass models are trained on halves of the data and each
//! labels the other half (jackknifing). The final model learns from every document twice per
//! epoch, without and with the document history, so one weight vector serves both passes.
//! After each epoch the averaged weights are quantised and written as a model file, parsed
//! back, and scored on the development documents; the best epoch's file is returned. The
//! development set chooses the epoch and nothing else.

use std::fmt;

use sinew_types::Coarse;

use super::decode::{self, history, START};
use super::features::{self, dynamic_features, static_features, History, Tok};
use super::model::{self, Model, Table, LABELS};
use super::{class_of, tag_spans, Label};
use crate::entities::gazetteer::GAZETTEER;
use crate::entities::Cand;

/// One training or development document: its tokens and its entities as token ranges
/// `(first, end, class)` with `end` exclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainDoc {
    /// The tokens, in order.
    pub tokens: Vec<String>,
    /// The gold entities.
    pub entities: Vec<(usize, usize, Coarse)>,
}

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainConfig {
    /// Most epochs of the final model; the best on the development documents is kept.
    pub max_epochs: usize,
    /// Stop after this many epochs without a better development score.
    pub patience: usize,
    /// Epochs of the two first-pass models that label the training data for the second pass.
    pub fold_epochs: usize,
    /// Keep a feature only if training shows it at least this often.
    pub min_count: u32,
    /// Keep the clusters of this many words (the first ones of the list: the most frequent).
    pub max_clusters: usize,
    /// Seed of the document order.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            max_epochs: 15,
            patience: 3,
            fold_epochs: 8,
            min_count: 2,
            max_clusters: 200_000,
            seed: 0x5EED,
        }
    }
}

/// The trained model and how it was chosen.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// The model file's bytes.
    pub model: Vec<u8>,
    /// The chosen epoch (1-based).
    pub epoch: usize,
    /// Entity F1 on the development documents after each epoch.
    pub dev_f1: Vec<f64>,
    /// Weighted features in the model.
    pub features: usize,
    /// Words with a cluster in the model.
    pub clusters: usize,
}

/// Why training could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrainError {
    /// No training documents, or none with a token.
    NoData,
    /// An entity's token range does not fit its document.
    BadEntity {
        /// Index of the document in its list.
        doc: usize,
        /// The range.
        range: (usize, usize),
    },
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrainError::NoData => write!(f, "no training tokens"),
            TrainError::BadEntity { doc, range } => {
                write!(f, "document {doc}: entity tokens {range:?} out of range")
            }
        }
    }
}

impl std::error::Error for TrainError {}

/// A document ready for training: its text rebuilt, tokens analysed, gold labels.
struct Prep {
    text: String,
    spans: Vec<(usize, usize)>,
    gaz: Vec<Cand>,
    toks: Vec<Tok>,
    sents: Vec<(usize, usize)>,
    gold: Vec<Label>,
    gold_ents: Vec<(usize, usize, u8)>,
}

fn prepare(docs: &[TrainDoc], m: &Model) -> Result<Vec<Prep>, TrainError> {
    let mut out = Vec::with_capacity(docs.len());
    for (n, d) in docs.iter().enumerate() {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(d.tokens.len());
        for t in &d.tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            spans.push((text.len(), text.len() + t.len()));
            text.push_str(t);
        }
        let mut gold_ents = Vec::new();
        for &(a, b, c) in &d.entities {
            if a >= b || b > d.tokens.len() {
                return Err(TrainError::BadEntity {
                    doc: n,
                    range: (a, b),
                });
            }
            gold_ents.push((a, b, class_of(c)));
        }
        let gaz = GAZETTEER.find(&text);
        let mut toks = features::analyse(&text, &spans, &gaz, m);
        let sents = features::sentences(&text, &spans, &mut toks);
        let gold = decode::encode(toks.len(), &gold_ents);
        out.push(Prep {
            text,
            spans,
            gaz,
            toks,
            sents,
            gold,
            gold_ents,
        });
    }
    Ok(out)
}

/// The averaged perceptron's state: weights, and the sums that give their average.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn new(rows: usize) -> Perceptron {
        Perceptron {
            w: vec![0.0; rows * LABELS],
            u: vec![0.0; rows * LABELS],
            c: 1.0,
        }
    }

    fn update(&mut self, rows: &[u32], gold: Label, pred: Label) {
        for &r in rows {
            let base = r as usize * LABELS;
            for (l, d) in [(gold.0 as usize, 1.0f32), (pred.0 as usize, -1.0)] {
                self.w[base + l] += d;
                self.u[base + l] += self.c * d;
            }
        }
    }

    fn averaged(&self) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.c)
            .collect()
    }
}

/// Static feature rows of every token of one document, flattened.
struct Rows {
    rows: Vec<u32>,
    offs: Vec<usize>,
}

fn static_keys(p: &Prep, mut each: impl FnMut(usize, &[u64])) {
    let mut keys = Vec::new();
    for &(a, b) in &p.sents {
        let s = &p.toks[a..b];
        for i in 0..s.len() {
            keys.clear();
            static_features(s, i, &mut keys);
            each(a + i, &keys);
        }
    }
}

struct Trainer<'a> {
    index: &'a Table,
    rows: &'a [Rows],
    docs: &'a [Prep],
    p: Perceptron,
    keys: Vec<u64>,
    dyn_rows: Vec<u32>,
}

impl Trainer<'_> {
    fn fit_doc(&mut self, d: usize, hist: Option<&[History]>) {
        let doc = &self.docs[d];
        let rows = &self.rows[d];
        for &(a, b) in &doc.sents {
            let s = &doc.toks[a..b];
            let h = hist.map(|h| &h[a..b]);
            let (mut prev, mut prev2) = (START, START);
            for i in 0..s.len() {
                self.keys.clear();
                dynamic_features(s, i, prev, prev2, h, &mut self.keys);
                self.dyn_rows.clear();
                let index = self.index;
                self.dyn_rows
                    .extend(self.keys.iter().filter_map(|&k| index.get(k)));
                let stat = &rows.rows[rows.offs[a + i]..rows.offs[a + i + 1]];
                let mut scores = [0f32; LABELS];
                for &r in stat.iter().chain(&self.dyn_rows) {
                    let w = &self.p.w[r as usize * LABELS..(r as usize + 1) * LABELS];
                    for (s, x) in scores.iter_mut().zip(w) {
                        *s += x;
                    }
                }
                let pred = best_f32(&scores);
                let gold = doc.gold[a + i];
                if pred != gold {
                    self.p.update(stat, gold, pred);
                    let dr = std::mem::take(&mut self.dyn_rows);
                    self.p.update(&dr, gold, pred);
                    self.dyn_rows = dr;
                }
                self.p.c += 1.0;
                prev2 = prev;
                prev = pred;
            }
        }
    }
}

fn best_f32(scores: &[f32; LABELS]) -> Label {
    let mut best = 0;
    for l in 1..LABELS {
        if scores[l] > scores[best] {
            best = l;
        }
    }
    Label(best as u8)
}

/// Quantises averaged weights into a model file, dropping rows that round to zero.
fn snapshot(keys: &[u64], avg: &[f32], clusters: &[(u64, u32)]) -> Vec<u8> {
    let max = avg.iter().fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { 32_000.0 / max } else { 1.0 };
    let mut out_keys = Vec::new();
    let mut out_w = Vec::new();
    for (r, &k) in keys.iter().enumerate() {
        let q: Vec<i16> = avg[r * LABELS..(r + 1) * LABELS]
            .iter()
            .map(|w| (w * scale).round().clamp(-32_767.0, 32_767.0) as i16)
            .collect();
        if q.iter().any(|&x| x != 0) {
            out_keys.push(k);
            out_w.extend(q);
        }
    }
    model::write(clusters, &out_keys, &out_w, scale)
}

/// Micro-averaged entity F1 of `m` on prepared documents.
fn f1(m: &Model, docs: &[Prep]) -> f64 {
    let (mut tp, mut pred, mut gold) = (0usize, 0usize, 0usize);
    for d in docs {
        let got = tag_spans(m, &d.text, &d.spans, &d.gaz);
        pred += got.len();
        gold += d.gold_ents.len();
        tp += got.iter().filter(|e| d.gold_ents.contains(e)).count();
    }
    if tp == 0 {
        return 0.0;
    }
    let (p, r) = (tp as f64 / pred as f64, tp as f64 / gold as f64);
    2.0 * p * r / (p + r)
}

fn shuffled(n: usize, rng: &mut u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
    order
}

/// Trains a model on `train`, choosing the epoch on `dev`. `clusters` are (word, bit path)
/// pairs, most frequent word first, the bit path's start in the low bits. `progress` gets one
/// line per step.
pub fn train(
    train: &[TrainDoc],
    dev: &[TrainDoc],
    clusters: &[(String, u32)],
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<TrainReport, TrainError> {
    let cl: Vec<(u64, u32)> = {
        let mut seen = std::collections::HashSet::new();
        clusters
            .iter()
            .take(cfg.max_clusters)
            .map(|(w, c)| (features::word_hash(w), *c))
            .filter(|(k, _)| seen.insert(*k))
            .collect()
    };
    let base = Model::with_clusters(&cl);
    let docs = prepare(train, &base)?;
    let dev_docs = prepare(dev, &base)?;
    if docs.iter().all(|d| d.toks.is_empty()) {
        return Err(TrainError::NoData);
    }
    // Count features: static ones, and dynamic ones under the gold labels.
    let mut counts: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    let mut keys = Vec::new();
    for d in &docs {
        static_keys(d, |_, ks| {
            for &k in ks {
                *counts.entry(k).or_default() += 1;
            }
        });
        let gold_hist = history(&d.toks, &d.gold);
        for &(a, b) in &d.sents {
            let s = &d.toks[a..b];
            for i in 0..s.len() {
                let prev = if i > 0 { d.gold[a + i - 1] } else { START };
                let prev2 = if i > 1 { d.gold[a + i - 2] } else { START };
                keys.clear();
                dynamic_features(s, i, prev, prev2, Some(&gold_hist[a..b]), &mut keys);
                for &k in &keys {
                    *counts.entry(k).or_default() += 1;
                }
            }
        }
    }
    let mut kept: Vec<u64> = counts
        .into_iter()
        .filter(|&(_, c)| c >= cfg.min_count)
        .map(|(k, _)| k)
        .collect();
    kept.sort_unstable();
    let index = Table::new(kept.iter().enumerate().map(|(i, &k)| (k, i as u32)));
    progress(&format!(
        "{} training tokens, {} features kept (seen >= {} times), {} clusters",
        docs.iter().map(|d| d.toks.len()).sum::<usize>(),
        kept.len(),
        cfg.min_count,
        cl.len()
    ));
    let rows: Vec<Rows> = docs
        .iter()
        .map(|d| {
            let mut r = Rows {
                rows: Vec::new(),
                offs: vec![0],
            };
            static_keys(d, |_, ks| {
                r.rows.extend(ks.iter().filter_map(|&k| index.get(k)));
                r.offs.push(r.rows.len());
            });
            r
        })
        .collect();
    let mut rng = cfg.seed | 1;
    // First-pass labels on the training documents, each half labelled by a model of the other.
    let mut hists: Vec<Vec<History>> = vec![Vec::new(); docs.len()];
    for fold in 0..2 {
        let mut t = Trainer {
            index: &index,
            rows: &rows,
            docs: &docs,
            p: Perceptron::new(kept.len()),
            keys: Vec::new(),
            dyn_rows: Vec::new(),
        };
        for _ in 0..cfg.fold_epochs {
            for d in shuffled(docs.len(), &mut rng) {
                if d % 2 != fold {
                    t.fit_doc(d, None);
                }
            }
        }
        let bytes = snapshot(&kept, &t.p.averaged(), &cl);
        let m = Model::parse("fold model", &bytes).expect("a model just written parses");
        for (d, doc) in docs.iter().enumerate().filter(|(d, _)| d % 2 == fold) {
            let labels = decode::first_pass(&m, &doc.toks, &doc.sents);
            hists[d] = history(&doc.toks, &labels);
        }
        progress(&format!("first-pass model {} of 2 trained", fold + 1));
    }
    let mut t = Trainer {
        index: &index,
        rows: &rows,
        docs: &docs,
        p: Perceptron::new(kept.len()),
        keys: Vec::new(),
        dyn_rows: Vec::new(),
    };
    let mut best: Option<(f64, usize, Vec<u8>)> = None;
    let mut dev_f1 = Vec::new();
    for epoch in 1..=cfg.max_epochs {
        for d in shuffled(docs.len(), &mut rng) {
            t.fit_doc(d, None);
            t.fit_doc(d, Some(&hists[d]));
        }
        let bytes = snapshot(&kept, &t.p.averaged(), &cl);
        let m = Model::parse("epoch model", &bytes).expect("a model just written parses");
        let score = if dev_docs.is_empty() {
            epoch as f64
        } else {
            f1(&m, &dev_docs)
        };
        dev_f1.push(score);
        progress(&format!(
            "epoch {epoch}: development F1 {score:.4}, {} features",
            m.n_feats
        ));
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, epoch, bytes));
        } else if best.as_ref().is_some_and(|b| epoch - b.1 >= cfg.patience) {
            break;
        }
    }
    let (_, epoch, model) = best.ok_or(TrainError::NoData)?;
    let m = Model::parse("chosen model", &model).expect("a model just written parses");
    Ok(TrainReport {
        epoch,
        dev_f1,
        features: m.n_feats,
        clusters: m.n_clusters,
        model,
    })
}
