//! Which stored entity a name typed by a user means (`sinew claims --entity DPRK`), and when
//! it means none, which stored names are nearest.
//!
//! A name resolves, in order, to: a stored canonical name equal to it in any case; the
//! canonical name sinew-nlp links it to (its gazetteer names and extraction rules, so "DPRK"
//! and "dprk" give North Korea, exactly as extraction would have stored it), when that entity
//! is stored. Anything else is [`EngineError::UnknownEntity`] with the stored entities whose
//! canonical name or gazetteer alias is within a small edit distance of the name.
//!
//! Tuned: a suggestion is at most `max(2, chars / 3)` edits away (case ignored), so a typo or
//! two in a long name ("Nrth Korae") still finds it while "Iran" does not suggest "Iraq"'s
//! neighbours wholesale; a name of three letters or more that is a whole word of a stored
//! name ("Korea") counts as one edit. At most five suggestions, nearest first.

use std::collections::{BTreeSet, HashMap};

use crate::{Engine, EngineError};

/// Most names suggested for an unknown one.
const MAX_SUGGESTIONS: usize = 5;

impl Engine {
    /// The stored canonical name that `name` means: itself in any case, or what sinew-nlp
    /// links it to ("DPRK" gives "North Korea") when that entity is stored.
    ///
    /// `Err(EngineError::UnknownEntity)` names `name` and the nearest stored names.
    pub fn resolve_entity(&self, name: &str) -> Result<String, EngineError> {
        let stored: Vec<String> = self
            .store
            .entities_without_aliases()?
            .into_iter()
            .map(|e| e.canonical)
            .collect();
        resolve(name, &stored).map_err(|nearest| EngineError::UnknownEntity {
            name: name.to_string(),
            nearest,
        })
    }
}

/// The stored name `name` means, or the nearest stored names.
fn resolve(name: &str, stored: &[String]) -> Result<String, Vec<String>> {
    let wanted = name.trim();
    let by_lower: HashMap<String, &String> = stored.iter().map(|s| (s.to_lowercase(), s)).collect();
    if let Some(s) = by_lower.get(&wanted.to_lowercase()) {
        return Ok((*s).clone());
    }
    for canonical in linked(wanted) {
        if let Some(s) = by_lower.get(&canonical.to_lowercase()) {
            return Ok((*s).clone());
        }
    }
    Err(nearest(wanted, stored))
}

/// The canonical names sinew-nlp links `name` to when it is the whole of a mention: as
/// written, then in capitals (the gazetteer accepts a name as written or in ALL CAPS, so
/// "dprk" and "north korea" are read as "DPRK" and "NORTH KOREA").
fn linked(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for text in [name.to_string(), name.to_uppercase()] {
        for m in sinew_nlp::find_mentions(&text, None) {
            if m.span.start == 0 && m.span.end == text.len() {
                out.push(m.canonical);
            }
        }
    }
    out
}

/// Stored names within the edit budget of `name`, by canonical name or by any alias the
/// gazetteer gives a stored canonical name; nearest first, then alphabetical.
fn nearest(name: &str, stored: &[String]) -> Vec<String> {
    let query = name.to_lowercase();
    let budget = (query.chars().count() / 3).max(2);
    let stored_set: BTreeSet<&str> = stored.iter().map(String::as_str).collect();
    let mut best: HashMap<&str, usize> = HashMap::new();
    let aliases = sinew_nlp::known_names().filter(|(_, c)| stored_set.contains(*c));
    let mut candidates: Vec<(&str, &str)> =
        stored.iter().map(|s| (s.as_str(), s.as_str())).collect();
    for (surface, canonical) in aliases {
        candidates.push((surface, canonical));
    }
    for (surface, canonical) in candidates {
        let d = distance(&query, &surface.to_lowercase());
        if d <= budget {
            let e = best.entry(canonical).or_insert(d);
            *e = (*e).min(d);
        }
    }
    let mut ranked: Vec<(usize, &str)> = best.into_iter().map(|(c, d)| (d, c)).collect();
    ranked.sort();
    ranked
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, c)| c.to_string())
        .collect()
}

/// Levenshtein distance over chars, except that a query of three or more letters that is a
/// whole word (or run of words) of the candidate counts as one edit: "korea" is near "north
/// korea" though eleven letters are missing.
fn distance(query: &str, candidate: &str) -> usize {
    if query.chars().count() >= 3 && contains_words(candidate, query) {
        return 1;
    }
    levenshtein(query, candidate)
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> Vec<String> {
        [
            "North Korea",
            "South Korea",
            "Russia",
            "China",
            "Kim Jong Un",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn names_resolve_in_any_case_and_through_aliases() {
        assert_eq!(resolve("north korea", &stored()), Ok("North Korea".into()));
        assert_eq!(resolve("DPRK", &stored()), Ok("North Korea".into()));
        assert_eq!(resolve("dprk", &stored()), Ok("North Korea".into()));
        assert_eq!(resolve(" Russia ", &stored()), Ok("Russia".into()));
    }

    #[test]
    fn an_alias_of_an_entity_not_stored_is_unknown() {
        let err = resolve("Iran", &stored()).unwrap_err();
        assert!(!err.contains(&"Iran".to_string()), "{err:?}");
    }

    #[test]
    fn typos_and_partial_names_suggest_the_nearest_stored_names() {
        assert_eq!(
            resolve("Nrth Korae", &stored()),
            Err(vec!["North Korea".into()])
        );
        assert_eq!(
            resolve("Korea", &stored()),
            Err(vec!["North Korea".into(), "South Korea".into()])
        );
        assert_eq!(resolve("Rusia", &stored()), Err(vec!["Russia".into()]));
        // A misspelt alias: "DPRC" is one edit from North Korea's "DPRK" (and from China's
        // "PRC").
        let near = resolve("DPRC", &stored()).unwrap_err();
        assert!(near.contains(&"North Korea".to_string()), "{near:?}");
        assert_eq!(resolve("Atlantis", &stored()), Err(vec![]));
    }

    #[test]
    fn levenshtein_counts_edits() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("abc", "abc"), 0);
        assert_eq!(levenshtein("日本", "日本国"), 1);
    }
}
