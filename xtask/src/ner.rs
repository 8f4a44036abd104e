//! `cargo xtask train-ner [--train FILE] [--dev FILE] [--out FILE]` and `cargo xtask eval-ner
//! FILE [--sinew BIN] [--errors]`: the entity tagger's training run and its CoNLL-2003 figures.
//!
//! Training reads the CoNLL-2003 English training file (and the development file, used by the
//! trainer only to pick the epoch), gets spaCy's English Brown clusters from the MIT-licensed
//! PyPI package `spacy-lookups-data` (`pip download` into `target/`, once), and writes
//! `crates/sinew-nlp/model/ner.bin`, the model the project embeds.
//!
//! Evaluation runs the release `sinew annotate --layers entities` on each document's tokens
//! joined by single spaces, maps each name mention's byte span back to the tokens it covers and
//! its `coarse` class to a CoNLL type, and scores entities as conlleval does: an entity counts
//! only when its type and both boundaries match. The files are IOB1: an `I-` tag continues an
//! entity of its type, and a `B-` tag starts one only where an entity of the same type ends
//! right before.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use sinew_nlp::ner::{TrainConfig, TrainDoc};
use sinew_types::Coarse;

/// One CoNLL document: tokens, and gold entities as token ranges.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Doc {
    pub(crate) tokens: Vec<String>,
    pub(crate) entities: Vec<(usize, usize, Coarse)>,
}

fn coarse(tag: &str) -> Option<Coarse> {
    Some(match tag {
        "PER" => Coarse::Per,
        "ORG" => Coarse::Org,
        "LOC" => Coarse::Loc,
        "MISC" => Coarse::Misc,
        _ => return None,
    })
}

/// Reads a CoNLL-2003 file (token first column, IOB1 tag last) into documents.
pub(crate) fn read_conll(text: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut doc = Doc {
        tokens: Vec::new(),
        entities: Vec::new(),
    };
    // The open entity: (first token, type).
    let mut open: Option<(usize, Coarse)> = None;
    let close = |doc: &mut Doc, open: &mut Option<(usize, Coarse)>| {
        if let Some((a, c)) = open.take() {
            doc.entities.push((a, doc.tokens.len(), c));
        }
    };
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            close(&mut doc, &mut open);
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            close(&mut doc, &mut open);
            if !doc.tokens.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    Doc {
                        tokens: Vec::new(),
                        entities: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let tag = cols[cols.len() - 1];
        let (prefix, ty) = tag.split_once('-').unwrap_or((tag, ""));
        let ty = coarse(ty);
        match (prefix, ty) {
            ("I", Some(t)) if open.is_some_and(|(_, c)| c == t) => {}
            ("B" | "I", Some(t)) => {
                close(&mut doc, &mut open);
                open = Some((doc.tokens.len(), t));
            }
            _ => close(&mut doc, &mut open),
        }
        doc.tokens.push(cols[0].to_string());
    }
    close(&mut doc, &mut open);
    if !doc.tokens.is_empty() {
        docs.push(doc);
    }
    docs
}

fn read_file(path: &Path) -> Result<Vec<Doc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let docs = read_conll(&text);
    if docs.is_empty() {
        bail!("{}: no CoNLL documents", path.display());
    }
    Ok(docs)
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn shared_ner(file: &str) -> PathBuf {
    crate::root().join("../shared/dev/ner").join(file)
}

/// The Brown clusters of spaCy's English lexemes, most frequent word first.
fn clusters() -> Result<Vec<(String, u32)>> {
    let dir = crate::target_dir().join("spacy-lookups-data");
    std::fs::create_dir_all(&dir)?;
    let wheel = std::fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "whl"));
    let wheel = match wheel {
        Some(w) => w,
        None => {
            eprintln!(
                "fetching spacy-lookups-data (MIT) from PyPI into {}",
                dir.display()
            );
            let status = std::process::Command::new("python3")
                .args([
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "spacy-lookups-data",
                    "-d",
                ])
                .arg(&dir)
                .status()
                .context("running pip download")?;
            if !status.success() {
                bail!("pip download spacy-lookups-data failed");
            }
            std::fs::read_dir(&dir)?
                .flatten()
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|e| e == "whl"))
                .context("pip download left no wheel")?
        }
    };
    // The wheel is a zip; unzip is on every machine that has pip.
    let out = std::process::Command::new("unzip")
        .args(["-p"])
        .arg(&wheel)
        .arg("spacy_lookups_data/data/en_lexeme_cluster.json.gz")
        .output()
        .context("running unzip")?;
    if !out.status.success() {
        bail!("{}: no en_lexeme_cluster.json.gz inside", wheel.display());
    }
    let mut json = String::new();
    flate2::read::GzDecoder::new(&out.stdout[..])
        .read_to_string(&mut json)
        .context("gunzipping the clusters")?;
    parse_clusters(&json)
}

/// Parses `{"word": cluster, ...}` keeping the file's order (most frequent first).
fn parse_clusters(json: &str) -> Result<Vec<(String, u32)>> {
    let mut out = Vec::new();
    let mut de = serde_json::Deserializer::from_str(json);
    let visitor = OrderedPairs(&mut out);
    serde::de::Deserializer::deserialize_map(&mut de, visitor).context("parsing the clusters")?;
    Ok(out)
}

struct OrderedPairs<'a>(&'a mut Vec<(String, u32)>);

impl<'de> serde::de::Visitor<'de> for OrderedPairs<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a map from words to cluster numbers")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some((k, v)) = map.next_entry::<String, u64>()? {
            // A cluster of 0 is "no cluster" (punctuation, spaces).
            if v > 0 && v <= u64::from(u32::MAX - 1) {
                self.0.push((k, v as u32));
            }
        }
        Ok(())
    }
}

fn train_docs(docs: Vec<Doc>) -> Vec<TrainDoc> {
    docs.into_iter()
        .map(|d| TrainDoc {
            tokens: d.tokens,
            entities: d.entities,
        })
        .collect()
}

pub(crate) fn train(args: &[String]) -> Result<()> {
    let train_path = flag(args, "--train").map_or_else(|| shared_ner("eng.train"), PathBuf::from);
    let dev_path = flag(args, "--dev").map_or_else(|| shared_ner("eng.testa"), PathBuf::from);
    let out_path = flag(args, "--out").map_or_else(
        || crate::root().join("crates/sinew-nlp/model/ner.bin"),
        PathBuf::from,
    );
    let mut cfg = TrainConfig::default();
    if let Some(n) = flag(args, "--min-count") {
        cfg.min_count = n.parse().context("--min-count")?;
    }
    if let Some(n) = flag(args, "--clusters") {
        cfg.max_clusters = n.parse().context("--clusters")?;
    }
    if let Some(n) = flag(args, "--epochs") {
        cfg.max_epochs = n.parse().context("--epochs")?;
    }
    let t0 = Instant::now();
    let train = train_docs(read_file(&train_path)?);
    let dev = train_docs(read_file(&dev_path)?);
    let cl = clusters()?;
    println!(
        "train-ner: {} training documents ({}), {} development documents ({}, epoch choice only), {} clusters read",
        train.len(),
        train_path.display(),
        dev.len(),
        dev_path.display(),
        cl.len()
    );
    let report = sinew_nlp::ner::train(&train, &dev, &cl, &cfg, &mut |line| {
        println!("  {line} ({:.0} s)", t0.elapsed().as_secs_f64());
    })?;
    std::fs::write(&out_path, &report.model)
        .with_context(|| format!("writing {}", out_path.display()))?;
    println!(
        "train-ner: epoch {} chosen (development F1 {:.4}); {} features, {} clusters; {:.1} MB written to {}; {:.0} s",
        report.epoch,
        report.dev_f1[report.epoch - 1],
        report.features,
        report.clusters,
        report.model.len() as f64 / 1e6,
        out_path.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Counts of one type (or all): true positives, predicted, gold.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(crate) struct Counts {
    pub(crate) tp: usize,
    pub(crate) pred: usize,
    pub(crate) gold: usize,
}

impl Counts {
    pub(crate) fn prf(&self) -> (f64, f64, f64) {
        let p = if self.pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// Entities of one document as token ranges with their type.
pub(crate) type Entities = Vec<(usize, usize, Coarse)>;

/// Scores predicted entities against gold ones (pairs of gold, predicted), per type and
/// overall.
pub(crate) fn score(pairs: &[(Entities, Entities)]) -> BTreeMap<&'static str, Counts> {
    let mut by: BTreeMap<&'static str, Counts> = BTreeMap::new();
    for (gold, pred) in pairs {
        for g in gold {
            by.entry(g.2.as_str()).or_default().gold += 1;
            by.entry("overall").or_default().gold += 1;
        }
        for p in pred {
            by.entry(p.2.as_str()).or_default().pred += 1;
            by.entry("overall").or_default().pred += 1;
            if gold.contains(p) {
                by.entry(p.2.as_str()).or_default().tp += 1;
                by.entry("overall").or_default().tp += 1;
            }
        }
    }
    by
}

/// Token ranges covered by byte spans: the tokens a span overlaps.
pub(crate) fn to_tokens(
    offsets: &[(usize, usize)],
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let first = offsets.iter().position(|&(_, e)| e > start)?;
    let last = offsets.iter().rposition(|&(s, _)| s < end)?;
    (first <= last).then_some((first, last + 1))
}

pub(crate) fn eval(args: &[String]) -> Result<()> {
    let Some(file) = args.first().filter(|a| !a.starts_with("--")) else {
        bail!("usage: cargo xtask eval-ner FILE [--sinew BIN] [--errors]");
    };
    let docs = read_file(Path::new(file))?;
    let sinew = match flag(args, "--sinew") {
        Some(p) => PathBuf::from(p),
        None => crate::release_sinew()?,
    };
    let mut input = String::new();
    let mut offsets: Vec<Vec<(usize, usize)>> = Vec::new();
    for d in &docs {
        let mut line = String::new();
        let mut offs = Vec::new();
        for t in &d.tokens {
            if !line.is_empty() {
                line.push(' ');
            }
            offs.push((line.len(), line.len() + t.len()));
            line.push_str(t);
        }
        input.push_str(&line);
        input.push('\n');
        offsets.push(offs);
    }
    let t0 = Instant::now();
    let out = crate::pipe(
        &sinew,
        &["annotate", "--layers", "entities"],
        input.as_bytes(),
    )?;
    let secs = t0.elapsed().as_secs_f64();
    let lines: Vec<&str> = out.lines().collect();
    if lines.len() != docs.len() {
        bail!("{} documents in, {} lines out", docs.len(), lines.len());
    }
    let mut pairs = Vec::new();
    for ((d, offs), line) in docs.iter().zip(&offsets).zip(&lines) {
        let v: serde_json::Value = serde_json::from_str(line).context("annotate output")?;
        let mut pred = Vec::new();
        for m in v["entities"].as_array().into_iter().flatten() {
            if m["kind"].as_str() != Some("name") {
                continue;
            }
            let (Some(s), Some(e), Some(c)) = (
                m["start"].as_u64(),
                m["end"].as_u64(),
                m["coarse"].as_str().and_then(coarse),
            ) else {
                continue;
            };
            if let Some((a, b)) = to_tokens(offs, s as usize, e as usize) {
                pred.push((a, b, c));
            }
        }
        pred.sort_by_key(|p| (p.0, p.1));
        pred.dedup();
        if args.iter().any(|a| a == "--errors") {
            let words = |a: usize, b: usize| d.tokens[a..b].join(" ");
            for p in pred.iter().filter(|p| !d.entities.contains(p)) {
                println!("  extra   {} {:?}", p.2.as_str(), words(p.0, p.1));
            }
            for g in d.entities.iter().filter(|g| !pred.contains(g)) {
                println!("  missed  {} {:?}", g.2.as_str(), words(g.0, g.1));
            }
        }
        pairs.push((d.entities.clone(), pred));
    }
    let by = score(&pairs);
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    println!(
        "eval-ner {file}: {} documents, {tokens} tokens, through `sinew annotate --layers entities` ({secs:.1} s)",
        docs.len()
    );
    println!("| type | gold | predicted | precision | recall | F1 |");
    println!("|---|---:|---:|---:|---:|---:|");
    for key in ["PER", "ORG", "LOC", "MISC", "overall"] {
        let c = by.get(key).copied().unwrap_or_default();
        let (p, r, f) = c.prf();
        println!(
            "| {key} | {} | {} | {p:.4} | {r:.4} | {f:.4} |",
            c.gold, c.pred
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob1_like_conlleval() {
        let text = "-DOCSTART- -X- O O\n\nA x x I-PER\nB x x I-PER\nC x x B-PER\nD x x I-ORG\nE x x O\nF x x I-LOC\n\nG x x I-LOC\n";
        let docs = read_conll(text);
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0].entities,
            [
                (0, 2, Coarse::Per),
                (2, 3, Coarse::Per),
                (3, 4, Coarse::Org),
                (5, 6, Coarse::Loc),
                (6, 7, Coarse::Loc)
            ]
        );
    }

    #[test]
    fn scores_exact_matches_only() {
        let gold = vec![(0, 2, Coarse::Per), (3, 4, Coarse::Org)];
        let pred = vec![
            (0, 2, Coarse::Per),
            (3, 5, Coarse::Org),
            (6, 7, Coarse::Loc),
        ];
        let by = score(&[(gold, pred)]);
        assert_eq!(
            by["overall"],
            Counts {
                tp: 1,
                pred: 3,
                gold: 2
            }
        );
        assert_eq!(by["ORG"].tp, 0);
        let offs = [(0, 3), (4, 7), (8, 10)];
        assert_eq!(to_tokens(&offs, 4, 10), Some((1, 3)));
        assert_eq!(to_tokens(&offs, 3, 4), None);
    }

    #[test]
    fn clusters_keep_their_order() {
        let got = parse_clusters(r#"{"the": 11, ".": 0, "Paris": 678}"#).unwrap();
        assert_eq!(got, [("the".to_string(), 11), ("Paris".to_string(), 678)]);
    }
}
