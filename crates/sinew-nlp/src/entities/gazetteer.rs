//! The gazetteer: every name of the knowledge base ([`super::kb`], data under
//! `crates/sinew-nlp/kb/`) in one Aho-Corasick automaton, so finding every candidate is one
//! pass over the text, linear in its length.
//!
//! The automaton is ASCII-case-insensitive so that one pass finds every candidate; case is then
//! checked per match: a surface matches as written or in ALL CAPS, so "US" never matches the
//! pronoun "us" and "China" never matches porcelain.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use sinew_types::EntityType;

use super::kb::{Kb, KB};
use super::{Cand, Role};

/// One named thing of the gazetteer: a KB entity under one of its roles (a country has one
/// entry for its names, one for its demonyms, one for its seats).
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) ty: EntityType,
    pub(crate) canonical: String,
    pub(crate) country: Option<String>,
    pub(crate) role: Role,
}

pub(crate) struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    /// Surface forms, parallel to the automaton's pattern ids: (surface, entry index).
    surfaces: Vec<(String, usize)>,
    automaton: AhoCorasick,
    /// Country canonical name -> adjective used to name its bodies ("Russian", "US").
    adjectives: HashMap<String, String>,
    /// Person surface (as written) -> entry index.
    people: HashMap<String, usize>,
}

pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| build(&KB));

fn build(kb: &Kb) -> Gazetteer {
    let mut entries = Vec::new();
    let mut surfaces: Vec<(String, usize)> = Vec::new();
    let mut people = HashMap::new();
    let adjectives = kb
        .countries
        .iter()
        .filter(|(_, c)| !c.adjective.is_empty())
        .map(|(name, c)| (name.clone(), c.adjective.clone()))
        .collect();
    let add = |surfaces: &mut Vec<(String, usize)>, s: &str, idx: usize| {
        surfaces.push((s.to_string(), idx));
        if s.contains('\'') {
            surfaces.push((s.replace('\'', "’"), idx));
        }
    };
    for e in &kb.entities {
        let mut by_role: Vec<(Role, usize)> = Vec::new();
        for (surface, role) in &e.names {
            let idx = match by_role.iter().find(|(r, _)| r == role) {
                Some(&(_, idx)) => idx,
                None => {
                    entries.push(Entry {
                        ty: e.ty,
                        canonical: e.canonical.clone(),
                        country: e.country.clone(),
                        role: *role,
                    });
                    by_role.push((*role, entries.len() - 1));
                    entries.len() - 1
                }
            };
            if e.ty == EntityType::Person {
                people.entry(surface.clone()).or_insert(idx);
            }
            add(&mut surfaces, surface, idx);
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(surfaces.iter().map(|(s, _)| s.as_str()))
        .expect("gazetteer patterns are valid");
    Gazetteer {
        entries,
        surfaces,
        automaton,
        adjectives,
        people,
    }
}

/// True when `text[at..]` starts with a possessive ending: `'s`, `’s`, or a bare apostrophe
/// after a final s ("United States'"); returns its length.
pub(crate) fn possessive_len(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    for ap in ["'s", "’s", "'S", "’S"] {
        if let Some(after) = rest.strip_prefix(ap) {
            if !after.chars().next().is_some_and(char::is_alphanumeric) {
                return ap.len();
            }
        }
    }
    let before_s = text[..at].ends_with(['s', 'S']);
    for ap in ["'", "’"] {
        if let Some(after) = rest.strip_prefix(ap) {
            if before_s && !after.chars().next().is_some_and(char::is_alphanumeric) {
                return ap.len();
            }
        }
    }
    0
}

/// Does `found` (as written in the text) match `surface` under the case rule?
fn case_ok(found: &str, surface: &str) -> bool {
    if found == surface {
        return true;
    }
    // ALL CAPS: the text has no lower-case letter and equals the surface upper-cased.
    !found.chars().any(char::is_lowercase) && found == surface.to_uppercase()
}

/// Han, kana and Hangul: scripts written without spaces between words, or (Korean) with
/// particles glued to a name ("푸틴은"), so a name in them may start and end anywhere.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x04FF)
}

/// A Cyrillic name declines ("Путин", "Путина", "Путину"): the end of the word when at most
/// two more Cyrillic letters follow the listed form, else `end`.
fn declined_end(text: &str, end: usize) -> usize {
    if !text[..end].chars().next_back().is_some_and(is_cyrillic) {
        return end;
    }
    let mut at = end;
    for (n, c) in text[end..].chars().enumerate() {
        if !c.is_alphanumeric() {
            break;
        }
        if n >= 2 || !is_cyrillic(c) {
            return end;
        }
        at += c.len_utf8();
    }
    at
}

fn boundary_ok(text: &str, start: usize, end: usize) -> bool {
    let prev = text[..start].chars().next_back();
    let next = text[end..].chars().next();
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    if first.is_some_and(unspaced) && last.is_some_and(unspaced) {
        return true;
    }
    let prev_ok = match prev {
        None => true,
        Some(p) if !p.is_alphanumeric() => true,
        // Scraped text glues words: "think tankStimson". Accept a capital after a small letter.
        Some(p) => p.is_lowercase() && first.is_some_and(char::is_uppercase) && end - start >= 5,
    };
    let next_ok = match next {
        None => true,
        // "U.S." ends in a period: anything may follow.
        Some(_) if last == Some('.') => true,
        Some(n) => !n.is_alphanumeric(),
    };
    prev_ok && next_ok
}

impl Gazetteer {
    /// Every surface form with the canonical name it stands for ("DPRK", "North Korea").
    pub(crate) fn names(&'static self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.surfaces
            .iter()
            .map(|(surface, idx)| (surface.as_str(), self.entries[*idx].canonical.as_str()))
    }

    /// Every gazetteer candidate in `text`, overlapping ones included.
    pub(crate) fn find(&self, text: &str) -> Vec<Cand> {
        let mut out = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            let (surface, idx) = &self.surfaces[m.pattern().as_usize()];
            if !case_ok(&text[start..end], surface) {
                continue;
            }
            let end = declined_end(text, end);
            if !boundary_ok(text, start, end) {
                continue;
            }
            let e = &self.entries[*idx];
            out.push(Cand {
                start,
                end,
                poss: possessive_len(text, end),
                ty: e.ty,
                canonical: e.canonical.clone(),
                country: e.country.clone(),
                role: e.role,
                prio: 2,
            });
        }
        out
    }

    /// The adjective a country's bodies are named with ("Russian" for Russia).
    pub(crate) fn adjective(&self, country: &str) -> Option<&str> {
        self.adjectives.get(country).map(String::as_str)
    }

    /// A listed person by a surface as written ("Kim Jong-un", "Putin").
    pub(crate) fn person(&self, surface: &str) -> Option<&Entry> {
        self.people.get(surface).map(|&i| &self.entries[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_parses() {
        let g = &*GAZETTEER;
        assert!(g.entries.len() > 400);
        assert_eq!(g.adjective("United States"), Some("US"));
        assert_eq!(
            g.person("Kim Jong-un").map(|e| e.canonical.as_str()),
            Some("Kim Jong Un")
        );
    }

    #[test]
    fn possessives() {
        assert_eq!(possessive_len("China's x", 5), 2);
        assert_eq!(possessive_len("China’s x", 5), 4);
        assert_eq!(possessive_len("United States' x", 13), 1);
        assert_eq!(possessive_len("China sx", 5), 0);
        assert_eq!(possessive_len("China", 5), 0);
    }
}
