//! The gazetteer: names the project writes down as data (`countries.tsv`, `gazetteer.tsv`),
//! parsed once into one Aho-Corasick automaton.
//!
//! The automaton is ASCII-case-insensitive so that one pass finds every candidate; case is then
//! checked per match: a surface matches as written or in ALL CAPS, so "US" never matches the
//! pronoun "us" and "China" never matches porcelain.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use sinew_types::EntityType;

use super::{Cand, Role};

const COUNTRIES: &str = include_str!("countries.tsv");
const OTHERS: &str = include_str!("gazetteer.tsv");

/// One named thing of the gazetteer.
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

pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build);

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn kind(name: &str) -> Option<EntityType> {
    Some(match name {
        "place" => EntityType::Place,
        "org" => EntityType::InternationalOrg,
        "gov" => EntityType::GovernmentBody,
        "think" => EntityType::ThinkTank,
        "media" => EntityType::Media,
        "company" => EntityType::Company,
        "person" => EntityType::Person,
        "agreement" => EntityType::Agreement,
        "other" => EntityType::Other,
        _ => return None,
    })
}

fn build() -> Gazetteer {
    let mut entries = Vec::new();
    let mut surfaces: Vec<(String, usize)> = Vec::new();
    let mut adjectives = HashMap::new();
    let mut people = HashMap::new();
    let add = |surfaces: &mut Vec<(String, usize)>, s: &str, idx: usize| {
        surfaces.push((s.to_string(), idx));
        if s.contains('\'') {
            surfaces.push((s.replace('\'', "’"), idx));
        }
    };
    for cols in rows(COUNTRIES) {
        let [canonical, adjective, names, demonyms, seats] = cols[..] else {
            continue;
        };
        adjectives.insert(canonical.to_string(), adjective.to_string());
        for (field, role) in [
            (names, Role::Name),
            (demonyms, Role::Demonym),
            (seats, Role::Seat),
        ] {
            let idx = entries.len();
            entries.push(Entry {
                ty: EntityType::Country,
                canonical: canonical.to_string(),
                country: Some(canonical.to_string()),
                role,
            });
            for s in list(field) {
                add(&mut surfaces, s, idx);
            }
        }
    }
    for cols in rows(OTHERS) {
        let [k, canonical, country, forms] = cols[..] else {
            continue;
        };
        let Some(ty) = kind(k) else { continue };
        let idx = entries.len();
        let country = (!country.is_empty()).then(|| country.to_string());
        entries.push(Entry {
            ty,
            canonical: canonical.to_string(),
            country,
            role: Role::Plain,
        });
        for s in list(forms) {
            if ty == EntityType::Person {
                people.insert(s.to_string(), idx);
            }
            add(&mut surfaces, s, idx);
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

fn boundary_ok(text: &str, start: usize, end: usize) -> bool {
    let prev = text[..start].chars().next_back();
    let next = text[end..].chars().next();
    let first = text[start..].chars().next();
    let prev_ok = match prev {
        None => true,
        Some(p) if !p.is_alphanumeric() => true,
        // Scraped text glues words: "think tankStimson". Accept a capital after a small letter.
        Some(p) => p.is_lowercase() && first.is_some_and(char::is_uppercase) && end - start >= 5,
    };
    let last = text[..end].chars().next_back();
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
            let found = &text[start..end];
            if !case_ok(found, surface) || !boundary_ok(text, start, end) {
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
