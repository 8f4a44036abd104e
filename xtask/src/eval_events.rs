//! `cargo xtask eval-events [FILE] [--verbose]`: how well does `sinew_nlp::find_events` code
//! the PLOVER gold standard records (default `../shared/dev/events/plover-gsr-dev.json`, a
//! JSON array of `{id, event, text, date, source, target, ...}`; format in
//! `../shared/dev/README.md`)?
//!
//! Each record is one sentence, annotated alone with its `date` as the publication day. The
//! sentence's *main event* is the first event Sinew finds in it (events come in text order, and
//! a reporting or governing verb comes before what it governs). Scoring rules, written down
//! because they decide the figures:
//! - **category**: the main event's category equals the record's `event`. Records without
//!   text or with the `DOCUMENT` pseudo-event are skipped. The gold is PLOVER 0.5, which codes
//!   accusations as `DISAPPROVE` and has no `ACCUSE`; a second figure counts `ACCUSE` for
//!   `DISAPPROVE` (both printed: the strict one first).
//! - **source** / **target**: over records whose gold side lists actors, the main event's side
//!   has an actor whose code equals one of the gold codes. An actor's code is its ISO3 country,
//!   else `IGO` for an international organisation, `NGO` for a body of civil society with no
//!   country (`Sector::CivilSociety`); the gold's CAMEO `JAP` is read as ISO `JPN`.
//!   A sentence with no event scores a miss on every side.
//! - **false events**: events whose category the gold does not code for their sentence, as a
//!   share of sentences (a sentence coded with no event makes every event found there false).
//!
//! `--verbose` lists each miss with the sentence.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde_json::Value;
use sinew_nlp::{annotate_with, find_events, Stages};
use sinew_types::{DocId, Event, PloverCategory, Sector};

/// The default location, relative to the workspace root.
const DEFAULT_FILE: &str = "../shared/dev/events/plover-gsr-dev.json";

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut file = None;
    let mut verbose = false;
    for a in args {
        match a.as_str() {
            "--verbose" => verbose = true,
            flag if flag.starts_with("--") => bail!("unknown flag {flag:?}"),
            path => file = Some(PathBuf::from(path)),
        }
    }
    let file = file.unwrap_or_else(|| crate::root().join(DEFAULT_FILE));
    if !file.is_file() {
        println!(
            "{} is absent (it lives in the project's shared dev data): nothing to do",
            file.display()
        );
        return Ok(());
    }
    let raw =
        std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    let records: Vec<Value> =
        serde_json::from_str(&raw).with_context(|| format!("parsing {}", file.display()))?;
    let mut score = Score::default();
    for r in &records {
        let Some(gold) = Gold::read(r) else { continue };
        let found = code(&gold.text, gold.date);
        let verdict = score.add(&gold, &found);
        if verbose && !(verdict.all_right() && verdict.false_events == 0) {
            println!("{} {}", gold.id, verdict.describe(&gold, &found));
        }
    }
    score.print(&file);
    if verbose {
        score.print_confusions();
    }
    Ok(())
}

/// Runs the event stage over one sentence.
fn code(text: &str, published: Option<chrono::NaiveDate>) -> Vec<Event> {
    let stages = Stages {
        entities: true,
        quantities: false,
        times: true,
        claims: false,
        events: false,
    };
    let ann = annotate_with(text, published, &DocId("eval-events".into()), stages);
    find_events(text, &ann)
}

/// One gold record.
struct Gold {
    id: String,
    text: String,
    date: Option<chrono::NaiveDate>,
    /// `None` when the record codes no event.
    category: Option<String>,
    source: Vec<String>,
    target: Vec<String>,
}

impl Gold {
    fn read(r: &Value) -> Option<Gold> {
        let text = r.get("text")?.as_str()?.trim().to_string();
        let event = r.get("event")?.as_str()?;
        if text.is_empty() || event == "DOCUMENT" {
            return None;
        }
        let codes = |side: &str| -> Vec<String> {
            r.get(side)
                .and_then(Value::as_array)
                .map(|list| {
                    list.iter()
                        .filter_map(|a| a.get("code")?.as_str())
                        .map(|c| if c == "JAP" { "JPN" } else { c }.to_string())
                        .collect()
                })
                .unwrap_or_default()
        };
        Some(Gold {
            id: r
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("?")
                .to_string(),
            date: r
                .get("date")
                .and_then(Value::as_str)
                .and_then(|d| d.parse().ok()),
            category: (!event.is_empty()).then(|| event.to_string()),
            source: codes("source"),
            target: codes("target"),
            text,
        })
    }
}

/// The code an event coder would give an actor: ISO3, else `IGO` for an international body,
/// else `NGO` for a body of civil society that belongs to no country.
fn actor_code(a: &sinew_types::EventActor) -> Option<&str> {
    a.country.as_deref().or(match a.sector {
        Some(Sector::International) => Some("IGO"),
        Some(Sector::CivilSociety) => Some("NGO"),
        _ => None,
    })
}

fn side_right(gold: &[String], found: Option<&[sinew_types::EventActor]>) -> bool {
    found.is_some_and(|actors| {
        actors
            .iter()
            .filter_map(actor_code)
            .any(|c| gold.iter().any(|g| g == c))
    })
}

/// What one record got right.
struct Verdict {
    category: bool,
    source: Option<bool>,
    target: Option<bool>,
    false_events: usize,
}

impl Verdict {
    fn all_right(&self) -> bool {
        self.category && self.source != Some(false) && self.target != Some(false)
    }

    fn describe(&self, gold: &Gold, found: &[Event]) -> String {
        let main = found.first();
        let actors = |side: Option<&Vec<sinew_types::EventActor>>| -> String {
            side.map(|list| {
                list.iter()
                    .map(|a| format!("{}={}", a.text, actor_code(a).unwrap_or("-")))
                    .collect::<Vec<_>>()
                    .join("+")
            })
            .unwrap_or_default()
        };
        format!(
            "gold {} {:?}->{:?} | found {} {}->{} ({} events, {} false: {}){}{}{}\n    {}",
            gold.category.as_deref().unwrap_or("-"),
            gold.source,
            gold.target,
            main.map_or("-", |e| e.category.as_str()),
            actors(main.map(|e| &e.source)),
            actors(main.map(|e| &e.target)),
            found.len(),
            self.false_events,
            found
                .iter()
                .map(|e| format!("{}@{}", e.category.as_str(), e.trigger.start))
                .collect::<Vec<_>>()
                .join(" "),
            if self.category { "" } else { " [category]" },
            if self.source == Some(false) {
                " [source]"
            } else {
                ""
            },
            if self.target == Some(false) {
                " [target]"
            } else {
                ""
            },
            gold.text
        )
    }
}

#[derive(Default)]
struct Score {
    sentences: usize,
    category: usize,
    category_v05: usize,
    source: (usize, usize),
    target: (usize, usize),
    false_events: usize,
    no_event: usize,
    /// (gold category, main event's category or `-`) for each miss: the category confusions.
    confusions: std::collections::BTreeMap<(String, String), usize>,
}

impl Score {
    fn add(&mut self, gold: &Gold, found: &[Event]) -> Verdict {
        self.sentences += 1;
        let main = found.first();
        let gold_cat = gold.category.as_deref();
        let category = main.is_some_and(|e| Some(e.category.as_str()) == gold_cat);
        let v05 = category
            || main.is_some_and(|e| {
                e.category == PloverCategory::Accuse && gold_cat == Some("DISAPPROVE")
            });
        self.category += usize::from(category);
        if !category {
            let key = (
                gold_cat.unwrap_or("-").to_string(),
                main.map_or("-", |e| e.category.as_str()).to_string(),
            );
            *self.confusions.entry(key).or_default() += 1;
        }
        self.category_v05 += usize::from(v05);
        self.no_event += usize::from(found.is_empty());
        let source = (!gold.source.is_empty())
            .then(|| side_right(&gold.source, main.map(|e| e.source.as_slice())));
        let target = (!gold.target.is_empty())
            .then(|| side_right(&gold.target, main.map(|e| e.target.as_slice())));
        for (seen, right) in [(source, &mut self.source), (target, &mut self.target)] {
            if let Some(ok) = seen {
                right.0 += usize::from(ok);
                right.1 += 1;
            }
        }
        let false_events = found
            .iter()
            .filter(|e| Some(e.category.as_str()) != gold_cat)
            .count();
        self.false_events += false_events;
        Verdict {
            category,
            source,
            target,
            false_events,
        }
    }

    fn print(&self, file: &std::path::Path) {
        let share = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        let both = (self.source.0 + self.target.0, self.source.1 + self.target.1);
        println!(
            "eval-events over {} ({} sentences)",
            file.display(),
            self.sentences
        );
        println!(
            "category accuracy      {:.3}  ({} / {}; PLOVER 0.5 reading, ACCUSE as DISAPPROVE: {:.3})",
            share(self.category, self.sentences),
            self.category,
            self.sentences,
            share(self.category_v05, self.sentences)
        );
        println!(
            "source ISO3 accuracy   {:.3}  ({} / {})",
            share(self.source.0, self.source.1),
            self.source.0,
            self.source.1
        );
        println!(
            "target ISO3 accuracy   {:.3}  ({} / {})",
            share(self.target.0, self.target.1),
            self.target.0,
            self.target.1
        );
        println!(
            "actors (both sides)    {:.3}  ({} / {})",
            share(both.0, both.1),
            both.0,
            both.1
        );
        println!(
            "false events           {:.3}  ({} events of a category the gold does not code, per sentence)",
            share(self.false_events, self.sentences),
            self.false_events
        );
        println!(
            "sentences with no event {:.3}  ({})",
            share(self.no_event, self.sentences),
            self.no_event
        );
    }
}

impl Score {
    /// The category misses by class (gold -> found), most frequent first.
    fn print_confusions(&self) {
        let mut list: Vec<_> = self.confusions.iter().collect();
        list.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        println!("category confusions (gold -> main event found, `-` for none):");
        for ((gold, found), n) in list {
            println!("  {n:3}  {gold} -> {found}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(json: &str) -> Gold {
        Gold::read(&serde_json::from_str(json).unwrap()).unwrap()
    }

    #[test]
    fn scores_category_actors_and_false_events() {
        let g = gold(
            r#"{"id": "x", "event": "SANCTION", "date": "2024-06-20",
                "text": "Japan sanctioned Russian banks and Russia condemned Japan.",
                "source": [{"actorText": "Japan", "code": "JAP"}],
                "target": [{"actorText": "Russian banks", "code": "RUS"}]}"#,
        );
        assert_eq!(g.source, ["JPN"]);
        let found = code(&g.text, g.date);
        let mut score = Score::default();
        let v = score.add(&g, &found);
        assert!(v.category && v.source == Some(true) && v.target == Some(true));
        // "condemned" is a second event, of a category the gold does not code here
        assert_eq!(v.false_events, 1);
        assert!(Gold::read(&serde_json::json!({"event": "DOCUMENT", "text": "x"})).is_none());
    }

    #[test]
    fn a_sentence_without_events_misses_every_side() {
        let g = gold(
            r#"{"id": "y", "event": "AGREE", "text": "It rained.",
                "source": [{"actorText": "Chile", "code": "CHL"}], "target": ""}"#,
        );
        let mut score = Score::default();
        let v = score.add(&g, &[]);
        assert!(!v.category);
        assert_eq!((v.source, v.target), (Some(false), None));
        assert_eq!(score.no_event, 1);
    }
}
