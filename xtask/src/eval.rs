//! `cargo xtask eval-extract [--dev DIR] [--worst N] [--sinew BIN]`: article-extraction
//! figures of the release `sinew extract` (or of the binary `BIN`, to score another build
//! against this one) on the WCXB development set, with the metric of
//! `../shared/dev/README.md` ("Metrics"): per page, precision and recall of the lower-cased
//! `\w+` token multisets of the extracted text against `main_content`; the averages over
//! pages and the F1 of those averages; title, author and date by exact match after whitespace
//! normalisation.
//!
//! Only the binary's JSON Lines are scored, as a user's harness would see them; they are kept
//! in `target/eval/wcxb-dev.jsonl` for other scorers to read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::LazyLock;

use anyhow::{bail, Context, Result};
use regex::Regex;

use crate::wcxb;

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut dev = None;
    let mut worst = 0usize;
    let mut bin = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dev" => dev = Some(PathBuf::from(it.next().context("--dev needs a folder")?)),
            "--sinew" => bin = Some(PathBuf::from(it.next().context("--sinew needs a binary")?)),
            "--worst" => {
                worst = it
                    .next()
                    .context("--worst needs a number")?
                    .parse()
                    .context("--worst needs a number")?
            }
            other => bail!("unknown flag {other:?}"),
        }
    }
    let dir = dev.unwrap_or_else(|| crate::root().join(wcxb::DEFAULT_DIR));
    let Some(ids) = wcxb::page_ids(&dir)? else {
        return Ok(());
    };
    let eval_dir = crate::target_dir().join("eval");
    let pages = wcxb::decompress(&dir, &ids, &eval_dir.join("wcxb-dev"))?;

    let sinew = match bin {
        Some(b) => b,
        None => crate::release_sinew()?,
    };
    // Exit code 1 only says some pages gave no text: those pages score zero.
    let out = Command::new(&sinew)
        .arg("extract")
        .args(&pages)
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("running {}", sinew.display()))?;
    if !matches!(out.status.code(), Some(0 | 1)) {
        bail!("sinew extract failed ({})", out.status);
    }
    let saved = eval_dir.join("wcxb-dev.jsonl");
    std::fs::write(&saved, &out.stdout).with_context(|| format!("writing {}", saved.display()))?;
    let outputs = outputs_by_page(&String::from_utf8_lossy(&out.stdout))?;

    let mut scores = Vec::with_capacity(ids.len());
    for id in &ids {
        let gold = wcxb::gold(&dir, id)?;
        scores.push((id.as_str(), score_page(outputs.get(id.as_str()), &gold)));
    }
    let page_scores: Vec<&PageScore> = scores.iter().map(|(_, s)| s).collect();
    let summary = summarise(&page_scores);
    println!("{}", summary.line(ids.len()));
    let missing = ids
        .iter()
        .filter(|id| !outputs.contains_key(id.as_str()))
        .count();
    println!(
        "{missing} pages gave no output; sinew's JSON Lines are in {}",
        saved.display()
    );

    if worst > 0 {
        scores.sort_by(|a, b| a.1.text.f1().total_cmp(&b.1.text.f1()).then(a.0.cmp(b.0)));
        println!("lowest text F1:\n  id        P      R      F1   gold  pred tokens");
        for (id, s) in scores.iter().take(worst) {
            let t = &s.text;
            println!(
                "  {id:<6} {:.3}  {:.3}  {:.3}  {:>5} {:>5}",
                t.precision,
                t.recall,
                t.f1(),
                t.gold_tokens,
                t.pred_tokens
            );
        }
    }
    Ok(())
}

/// What `sinew extract` said about one page.
#[derive(Debug, Default, Clone, PartialEq)]
struct Output {
    text: Option<String>,
    title: Option<String>,
    author: Option<String>,
    published: Option<String>,
}

/// `sinew extract`'s lines keyed by the file stem of `doc` (`…/0001.html` -> `0001`); the
/// first line wins should a page give several documents.
fn outputs_by_page(jsonl: &str) -> Result<HashMap<String, Output>> {
    let mut map = HashMap::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("line {} of sinew's output is not JSON", n + 1))?;
        let field = |name: &str| v[name].as_str().map(str::to_string);
        let Some(doc) = field("doc") else {
            bail!("line {} of sinew's output has no \"doc\"", n + 1);
        };
        let stem = Path::new(&doc)
            .file_stem()
            .map_or_else(|| doc.clone(), |s| s.to_string_lossy().to_string());
        map.entry(stem).or_insert(Output {
            text: field("text"),
            title: field("title"),
            author: field("author"),
            published: field("published"),
        });
    }
    Ok(map)
}

/// Lower-cased `\w+` tokens as Python's `re.findall(r"\w+", text.lower())` finds them:
/// letters and numbers of any script plus the underscore; marks, apostrophes and other
/// punctuation split words.
fn tokens(text: &str) -> Vec<String> {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("the word pattern compiles"));
    let lower = text.to_lowercase();
    WORD.find_iter(&lower)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// How many tokens the two multisets share (each token counted as often as it appears in
/// both).
fn overlap(pred: &[String], gold: &[String]) -> usize {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for t in gold {
        *left.entry(t.as_str()).or_default() += 1;
    }
    let mut shared = 0;
    for t in pred {
        if let Some(n) = left.get_mut(t.as_str()) {
            if *n > 0 {
                *n -= 1;
                shared += 1;
            }
        }
    }
    shared
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct TextScore {
    precision: f64,
    recall: f64,
    gold_tokens: usize,
    pred_tokens: usize,
}

impl TextScore {
    fn f1(&self) -> f64 {
        f1(self.precision, self.recall)
    }
}

/// One page's text score. A page with no output is scored as an empty text. An empty gold
/// (null or no tokens) is matched only by an empty output: 1 and 1, else 0 and 0.
fn score_text(pred: Option<&str>, gold: Option<&str>) -> TextScore {
    let pred = tokens(pred.unwrap_or(""));
    let gold = tokens(gold.unwrap_or(""));
    let (precision, recall) = if gold.is_empty() {
        if pred.is_empty() {
            (1.0, 1.0)
        } else {
            (0.0, 0.0)
        }
    } else if pred.is_empty() {
        (0.0, 0.0)
    } else {
        let shared = overlap(&pred, &gold) as f64;
        (shared / pred.len() as f64, shared / gold.len() as f64)
    };
    TextScore {
        precision,
        recall,
        gold_tokens: gold.len(),
        pred_tokens: pred.len(),
    }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Splits on whitespace and joins with one space.
fn normalise_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Exact match after whitespace normalisation; a null or blank gold is matched by a null or
/// blank prediction.
fn field_matches(pred: Option<&str>, gold: Option<&str>) -> bool {
    let norm = |s: Option<&str>| s.map(normalise_ws).filter(|s| !s.is_empty());
    norm(pred) == norm(gold)
}

/// Dates compare as YYYY-MM-DD: the first 10 characters of each side (the gold may carry a
/// time of day).
fn date_matches(pred: Option<&str>, gold: Option<&str>) -> bool {
    let day = |s: Option<&str>| s.map(|s| s.trim().chars().take(10).collect::<String>());
    field_matches(day(pred).as_deref(), day(gold).as_deref())
}

/// A metadata field's outcome on one page: matched or not, and whether the gold names it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct FieldScore {
    correct: bool,
    gold_present: bool,
}

fn field_score(
    pred: Option<&str>,
    gold: Option<&str>,
    matches: fn(Option<&str>, Option<&str>) -> bool,
) -> FieldScore {
    FieldScore {
        correct: matches(pred, gold),
        gold_present: gold.is_some_and(|g| !g.trim().is_empty()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct PageScore {
    text: TextScore,
    title: FieldScore,
    author: FieldScore,
    date: FieldScore,
}

fn score_page(out: Option<&Output>, gold: &wcxb::Gold) -> PageScore {
    let get = |f: fn(&Output) -> &Option<String>| out.and_then(|o| f(o).as_deref());
    PageScore {
        text: score_text(get(|o| &o.text), gold.main_content.as_deref()),
        title: field_score(get(|o| &o.title), gold.title.as_deref(), field_matches),
        author: field_score(get(|o| &o.author), gold.author.as_deref(), field_matches),
        date: field_score(
            get(|o| &o.published),
            gold.publish_date.as_deref(),
            date_matches,
        ),
    }
}

/// A metadata field over all pages, and over the pages whose gold names it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct FieldSummary {
    accuracy: f64,
    present: usize,
    present_accuracy: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Summary {
    precision: f64,
    recall: f64,
    f1: f64,
    title: FieldSummary,
    author: FieldSummary,
    date: FieldSummary,
}

fn summarise(pages: &[&PageScore]) -> Summary {
    let n = pages.len().max(1) as f64;
    let precision = pages.iter().map(|p| p.text.precision).sum::<f64>() / n;
    let recall = pages.iter().map(|p| p.text.recall).sum::<f64>() / n;
    let field = |get: fn(&PageScore) -> FieldScore| {
        let all: Vec<FieldScore> = pages.iter().map(|p| get(p)).collect();
        let correct = all.iter().filter(|f| f.correct).count();
        let present = all.iter().filter(|f| f.gold_present).count();
        let present_correct = all.iter().filter(|f| f.gold_present && f.correct).count();
        FieldSummary {
            accuracy: correct as f64 / n,
            present,
            present_accuracy: present_correct as f64 / present.max(1) as f64,
        }
    };
    Summary {
        precision,
        recall,
        f1: f1(precision, recall),
        title: field(|p| p.title),
        author: field(|p| p.author),
        date: field(|p| p.date),
    }
}

impl Summary {
    fn line(&self, pages: usize) -> String {
        let field = |f: &FieldSummary, what: &str| {
            format!(
                "{:.3} ({:.3} of {} {what})",
                f.accuracy, f.present_accuracy, f.present
            )
        };
        format!(
            "wcxb dev ({pages} pages): text P {:.4} R {:.4} F1 {:.4} | title {} | author {} | date {}",
            self.precision,
            self.recall,
            self.f1,
            field(&self.title, "titled"),
            field(&self.author, "named"),
            field(&self.date, "dated"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_lower_cased_words_of_any_script() {
        assert_eq!(
            tokens("Élan, naïve CAFÉ — Москва 東京 2024"),
            ["élan", "naïve", "café", "москва", "東京", "2024"]
        );
    }

    #[test]
    fn underscores_join_words_and_apostrophes_split_them() {
        assert_eq!(tokens("snake_case it's"), ["snake_case", "it", "s"]);
        assert_eq!(tokens("don’t"), ["don", "t"]);
    }

    #[test]
    fn punctuation_and_numbers_split_as_python_does() {
        assert_eq!(
            tokens("$6,700.5 e-mail ²"),
            ["6", "700", "5", "e", "mail", "²"]
        );
        assert!(tokens(" \n\t.,;!").is_empty());
    }

    #[test]
    fn combining_marks_split_words_as_in_python() {
        // Python's `\w` leaves out marks (category M): "é" written as e + U+0301 splits.
        assert_eq!(tokens("cafe\u{301}s"), ["cafe", "s"]);
    }

    #[test]
    fn overlap_counts_a_token_no_more_often_than_both_sides_hold_it() {
        let pred = tokens("the cat the the dog");
        let gold = tokens("the the cat bird");
        assert_eq!(overlap(&pred, &gold), 3);
        assert_eq!(overlap(&gold, &pred), 3);
        assert_eq!(overlap(&[], &gold), 0);
    }

    #[test]
    fn text_score_is_precision_and_recall_of_the_overlap() {
        let s = score_text(Some("a b c d"), Some("a b x"));
        assert_eq!((s.precision, s.recall), (0.5, 2.0 / 3.0));
        assert_eq!((s.pred_tokens, s.gold_tokens), (4, 3));
    }

    #[test]
    fn a_page_without_output_scores_zero_unless_the_gold_is_empty() {
        let s = score_text(None, Some("some words"));
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
        let s = score_text(Some(" , "), Some("some words"));
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
        let s = score_text(None, None);
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
    }

    #[test]
    fn an_empty_gold_is_matched_only_by_an_empty_output() {
        let s = score_text(Some(""), Some(""));
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
        let s = score_text(Some("text"), None);
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
        let s = score_text(Some("text"), Some("  "));
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
    }

    #[test]
    fn whitespace_is_normalised_before_matching() {
        assert_eq!(normalise_ws("  A\n\ttitle  here "), "A title here");
        assert!(field_matches(Some("A  title\n"), Some("A title")));
        assert!(!field_matches(Some("a title"), Some("A title")));
        assert!(field_matches(None, None));
        assert!(field_matches(Some("  "), None));
        assert!(!field_matches(Some("Jo"), None));
        assert!(!field_matches(None, Some("Jo")));
    }

    #[test]
    fn dates_compare_as_days() {
        assert!(date_matches(
            Some("2024-06-21"),
            Some("2024-06-21T08:00:00+00:00")
        ));
        assert!(!date_matches(Some("2024-06-20"), Some("2024-06-21")));
        assert!(date_matches(None, None));
    }

    #[test]
    fn the_summary_averages_pages_and_takes_f1_of_the_averages() {
        let gold = wcxb::Gold {
            main_content: Some("a b".into()),
            title: Some("T".into()),
            author: None,
            publish_date: Some("2024-01-02".into()),
        };
        let out = Output {
            text: Some("a b c d".into()),
            title: Some("T".into()),
            author: None,
            published: None,
        };
        let pages = [score_page(Some(&out), &gold), score_page(None, &gold)];
        let s = summarise(&pages.iter().collect::<Vec<_>>());
        assert_eq!((s.precision, s.recall), (0.25, 0.5));
        assert!((s.f1 - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.title.accuracy, 0.5);
        assert_eq!(s.author.accuracy, 1.0);
        assert_eq!(s.author.present, 0);
        assert_eq!((s.date.accuracy, s.date.present), (0.0, 2));
    }

    #[test]
    fn outputs_are_keyed_by_the_file_stem_of_doc() {
        let jsonl = concat!(
            r#"{"doc":"/t/eval/wcxb-dev/0001.html","title":"T","author":null,"published":"2024-01-02","text":"x"}"#,
            "\n",
            r#"{"doc":"0002.html","title":null,"text":""}"#,
            "\n"
        );
        let map = outputs_by_page(jsonl).expect("parses");
        assert_eq!(map["0001"].published.as_deref(), Some("2024-01-02"));
        assert_eq!(map["0002"].text.as_deref(), Some(""));
        assert_eq!(map.len(), 2);
    }
}
