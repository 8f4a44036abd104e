//! Time-valid roles: who is "Russia's defence minister" in an article published on a given
//! day?
//!
//! A role phrase names an office of a country: "Russia's defence minister", "the Russian
//! defence minister", "Chinese President", "the foreign minister of China", "North Korea's
//! leader". It becomes a mention of the person who held that office on the publication date
//! (from `kb/roles.tsv`), with kind `Nominal`: the span is the title words only, since the
//! country keeps its own mention and the CoNLL scorer counts names, not titles.
//!
//! A title followed at once by a capitalised word is a title before a name ("Chinese President
//! Xi Jinping"), and the name speaks for itself; "former" before a title means someone else,
//! and without a publication date nothing is resolved, because guessing the incumbent would
//! be wrong for every older article. A title before a bare surname ("Premier Li") is resolved
//! the same way when exactly one office holder of that day carries the surname.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sinew_types::{Coarse, EntityType, Mention, MentionKind, Sector, Span};

use super::kb::{slug, Office, KB};
use super::{overlaps_taken, Cand, Role};

/// Title phrases, lower case, with the office they name. Longest first within a prefix, so
/// "president" is not read out of "presidential".
const TITLES: &[(&str, Office)] = &[
    ("minister of foreign affairs", Office::ForeignMinister),
    ("foreign affairs minister", Office::ForeignMinister),
    ("foreign minister", Office::ForeignMinister),
    ("foreign secretary", Office::ForeignMinister),
    ("secretary of state", Office::ForeignMinister),
    ("top diplomat", Office::ForeignMinister),
    ("minister of defence", Office::DefenceMinister),
    ("minister of defense", Office::DefenceMinister),
    ("minister of national defense", Office::DefenceMinister),
    ("defence minister", Office::DefenceMinister),
    ("defense minister", Office::DefenceMinister),
    ("defence secretary", Office::DefenceMinister),
    ("defense secretary", Office::DefenceMinister),
    ("secretary of defense", Office::DefenceMinister),
    ("secretary of war", Office::DefenceMinister),
    ("war secretary", Office::DefenceMinister),
    ("prime minister", Office::PrimeMinister),
    ("premier", Office::PrimeMinister),
    ("chancellor", Office::PrimeMinister),
    ("president", Office::President),
    ("supreme leader", Office::Leader),
    ("leader", Office::Leader),
];

/// The title phrase starting at `at`, if any: (office, end).
fn title_at(text: &str, at: usize) -> Option<(Office, usize)> {
    let rest = &text[at..];
    TITLES.iter().find_map(|&(phrase, office)| {
        let found = rest.get(..phrase.len())?;
        let end = at + phrase.len();
        let word_ends = !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        (found.eq_ignore_ascii_case(phrase) && word_ends).then_some((office, end))
    })
}

/// The title phrase ending at `end`, if any: (office, start).
fn title_before(text: &str, end: usize) -> Option<(Office, usize)> {
    let head = &text[..end];
    TITLES.iter().find_map(|&(phrase, office)| {
        let start = end.checked_sub(phrase.len())?;
        let found = head.get(start..)?;
        let word_starts = !head[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        (found.eq_ignore_ascii_case(phrase) && word_starts).then_some((office, start))
    })
}

fn skip_spaces(text: &str, at: usize) -> usize {
    at + (text[at..].len() - text[at..].trim_start_matches([' ', '\u{a0}']).len())
}

/// Words before a title that make it someone else's: a past or future holder, a deputy.
const NOT_THE_HOLDER: &[&str] = &[
    "former",
    "ex-",
    "late",
    "then",
    "next",
    "incoming",
    "outgoing",
    "vice",
    "deputy",
    "assistant",
    "acting",
    "interim",
    "would-be",
    "future",
    "opposition",
    "first",
];

/// Is the title at `start..end` a title before a name ("Chinese President Xi"), a title
/// someone else holds ("former", "deputy"), or one to come ("President-elect")?
fn not_a_role(text: &str, start: usize, end: usize) -> bool {
    let mut after = text[end..].chars();
    let next = after.next();
    let before_name = next == Some(' ') && after.next().is_some_and(char::is_uppercase);
    // Only the word right before the title matters: a bounded look-back keeps this linear.
    let mut from = start.saturating_sub(16);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let head = text[from..start].trim_end().to_lowercase();
    let someone_else = NOT_THE_HOLDER.iter().any(|w| {
        head.strip_suffix(w)
            .is_some_and(|h| !h.chars().next_back().is_some_and(char::is_alphanumeric))
    });
    before_name || someone_else || matches!(next, Some('-' | '\u{2011}'))
}

/// Does the text before `start` leave the title on its own: "the foreign minister of China",
/// or a title that opens the text or a clause? ("the opposition leader of Russia" does not.)
fn bare_title(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end_matches(' ');
    let n = head.len();
    let the = n >= 3
        && head.is_char_boundary(n - 3)
        && head[n - 3..].eq_ignore_ascii_case("the")
        && !head[..n - 3]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    the || head
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn holder_mention(
    text: &str,
    (start, end): (usize, usize),
    country: &str,
    office: Office,
    day: NaiveDate,
) -> Option<Mention> {
    let e = KB.holder(country, office, day)?;
    Some(Mention {
        span: Span::new(start, end),
        text: text[start..end].to_string(),
        entity_type: EntityType::Person,
        canonical: e.canonical.clone(),
        id: format!("person:{}", slug(&e.canonical)),
        country: Some(country.to_string()),
        coarse: Coarse::Per,
        sector: Some(Sector::Government),
        kind: MentionKind::Nominal,
    })
}

/// Role phrases around the chosen country candidates (sorted by start), resolved on
/// `published`; none overlaps a chosen candidate.
pub(crate) fn find(text: &str, chosen: &[Cand], published: Option<NaiveDate>) -> Vec<Mention> {
    let Some(day) = published else {
        return Vec::new();
    };
    let taken: BTreeMap<usize, usize> = chosen.iter().map(|c| (c.start, c.end)).collect();
    let free = |s: usize, e: usize| !overlaps_taken(&taken, s, e);
    let mut out = Vec::new();
    for c in chosen.iter().filter(|c| c.is_country_word()) {
        // "Russia's defence minister", "the Russian defence minister", "US President".
        let poss_ok = c.role == Role::Name || c.poss == 0;
        let mut at = skip_spaces(text, c.end + c.poss);
        if at > c.end + c.poss && poss_ok {
            if text[at..]
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("new "))
            {
                at += 4;
            }
            if let Some((office, end)) = title_at(text, at) {
                if free(at, end) && !not_a_role(text, at, end) {
                    out.extend(holder_mention(text, (at, end), &c.canonical, office, day));
                }
            }
        }
        // "the foreign minister of China".
        if c.role == Role::Name {
            let head = &text[..c.start];
            let stripped = head
                .strip_suffix(" of ")
                .or_else(|| head.strip_suffix(" of the "));
            if let Some(stripped) = stripped {
                if let Some((office, start)) = title_before(text, stripped.len()) {
                    let end = stripped.len();
                    let alone = bare_title(text, start) && !not_a_role(text, start, start);
                    if free(start, end) && alone {
                        out.extend(holder_mention(
                            text,
                            (start, end),
                            &c.canonical,
                            office,
                            day,
                        ));
                    }
                }
            }
        }
    }
    out.sort_by_key(|m| m.span.start);
    out.dedup_by_key(|m| m.span.start);
    out
}

/// Relinks a bare surname after a title ("Premier Li", "President Lee") to the one office
/// holder of the publication day with that surname and office (and country, when known).
pub(crate) fn titled_surnames(text: &str, mentions: &mut [Mention], published: Option<NaiveDate>) {
    let Some(day) = published else { return };
    for m in mentions.iter_mut() {
        let single = !m.text.contains([' ', '-']);
        if m.entity_type != EntityType::Person || !single || m.canonical != m.text {
            continue;
        }
        let before = text[..m.span.start].trim_end_matches(' ');
        if before.len() == m.span.start {
            continue;
        }
        let Some((office, _)) = title_before(text, before.len()) else {
            continue;
        };
        let mut found = KB.holders_named(&m.text, day).filter(|(t, _)| {
            let office_ok = t.office == office
                || office == Office::Leader && matches!(t.office, Office::President);
            office_ok && m.country.as_deref().is_none_or(|c| c == t.country)
        });
        let Some((term, e)) = found.next() else {
            continue;
        };
        if found.any(|(_, other)| other.canonical != e.canonical) {
            continue;
        }
        m.canonical.clone_from(&e.canonical);
        m.id = format!("person:{}", slug(&e.canonical));
        m.country = Some(term.country.clone());
        m.sector = Some(Sector::Government);
    }
}
