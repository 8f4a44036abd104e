//! Linking gazetteer candidates to knowledge-base entities: which of two namesakes does a
//! document mean, is a country's name here a person's, and what country and sector does a
//! linked mention carry?
//!
//! Namesakes ("Georgia" the country and the US state) are told apart by the document: each
//! candidate entity scores 3 for every one of its KB cue words found in the text ("Tbilisi",
//! "Atlanta") and 1 for every other country the document names unambiguously that is the
//! entity's own country. The highest score wins; a tie keeps the entity listed first in the KB
//! (the more newsworthy reading, by the order the data is written in).
//!
//! A surface the KB marks as also a person's name ("Jordan", "Chad", "Washington") is not a
//! place when a capitalised word is glued to it by a single space and is no candidate itself:
//! "Michael Jordan", "Chad Smith", "Denzel Washington". Dropping the place lets the people rules
//! see the name. The test is limited to the marked surfaces because headlines capitalise every
//! word ("Why Russia Needs China").

use std::collections::{HashMap, HashSet};

use sinew_types::{EntityType, Mention, Sector};

use super::kb::{slug, KB};
use super::rules::is_stop;
use super::tokens::Token;
use super::{Cand, Role};

const CUE_WEIGHT: usize = 3;

fn id_of(c: &Cand) -> String {
    format!("{}:{}", c.ty.as_str(), slug(&c.canonical))
}

/// Drops the losing readings of ambiguous gazetteer candidates (see the module doc).
pub(crate) fn disambiguate(text: &str, toks: &[Token<'_>], cands: &mut Vec<Cand>) {
    let mut spans: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        spans.entry((c.start, c.end)).or_default().push(i);
    }
    let ambiguous: Vec<Vec<usize>> = spans
        .into_values()
        .filter(|ix| {
            let ids: HashSet<String> = ix.iter().map(|&i| id_of(&cands[i])).collect();
            ids.len() > 1
        })
        .collect();
    let mut drop = vec![false; cands.len()];
    if !ambiguous.is_empty() {
        let in_group: HashSet<usize> = ambiguous.iter().flatten().copied().collect();
        let doc_countries: HashSet<&str> = cands
            .iter()
            .enumerate()
            .filter(|(i, c)| !in_group.contains(i) && c.ty == EntityType::Country)
            .map(|(_, c)| c.canonical.as_str())
            .collect();
        // Each entity's score is a property of the document: computed once, so a namesake
        // repeated a thousand times costs one scan of the text per cue.
        let mut scores: HashMap<String, (usize, std::cmp::Reverse<usize>)> = HashMap::new();
        for group in &ambiguous {
            for &i in group {
                let id = id_of(&cands[i]);
                if scores.contains_key(&id) {
                    continue;
                }
                let rank = KB.rank(&id).unwrap_or(usize::MAX);
                let score = KB.get(&id).map_or(0, |e| {
                    let cues = e.cues.iter().filter(|w| text.contains(w.as_str())).count();
                    let home = e
                        .country
                        .as_deref()
                        .is_some_and(|k| doc_countries.contains(k));
                    cues * CUE_WEIGHT + usize::from(home)
                });
                scores.insert(id, (score, std::cmp::Reverse(rank)));
            }
            let score = |i: usize| scores.get(&id_of(&cands[i])).copied();
            let Some(&best) = group.iter().max_by_key(|&&i| score(i)) else {
                continue;
            };
            let best_id = id_of(&cands[best]);
            for &i in group {
                drop[i] = id_of(&cands[i]) != best_id;
            }
        }
    }
    let spans = Spans::new(cands);
    for (i, c) in cands.iter().enumerate() {
        if !drop[i] && is_persons_name(text, toks, &spans, c) {
            drop[i] = true;
        }
    }
    let mut i = 0;
    cands.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// Candidate spans sorted by start, for overlap queries in time bounded by the longest span.
struct Spans {
    sorted: Vec<(usize, usize)>,
    longest: usize,
}

impl Spans {
    fn new(cands: &[Cand]) -> Spans {
        let mut sorted: Vec<(usize, usize)> = cands.iter().map(|c| (c.start, c.end)).collect();
        sorted.sort_unstable();
        let longest = sorted.iter().map(|(s, e)| e - s).max().unwrap_or(0);
        Spans { sorted, longest }
    }

    /// The spans overlapping `start..end`.
    fn overlapping(&self, start: usize, end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let hi = self.sorted.partition_point(|&(s, _)| s < end);
        let lo = self
            .sorted
            .partition_point(|&(s, _)| s + self.longest <= start);
        self.sorted[lo..hi]
            .iter()
            .copied()
            .filter(move |&(s, e)| s < end && start < e)
    }
}

/// Is this place candidate part of a person's name ("Michael Jordan")?
fn is_persons_name(text: &str, toks: &[Token<'_>], spans: &Spans, c: &Cand) -> bool {
    if !matches!(c.ty, EntityType::Country | EntityType::Place) {
        return false;
    }
    let surface = &text[c.start..c.end];
    let Some(e) = KB.get(&id_of(c)) else {
        return false;
    };
    if !e.also_person.iter().any(|s| s == surface) {
        return false;
    }
    // Another candidate overlapping this one ("Jordan River", "Washington Post") decides.
    if spans
        .overlapping(c.start, c.end)
        .any(|span| span != (c.start, c.end))
    {
        return false;
    }
    let at = toks.partition_point(|t| t.start < c.start);
    if toks.get(at).is_none_or(|t| t.start != c.start) {
        return false;
    }
    let covered = |t: &Token<'_>| spans.overlapping(t.start, t.end).next().is_some();
    let name_like =
        |t: &Token<'_>| t.is_title() && !is_stop(&t.lower()) && !covered(t) && t.text.len() > 1;
    let glued = |a: &Token<'_>, b: &Token<'_>| b.start == a.end + 1 && &text[a.end..b.start] == " ";
    let before = at
        .checked_sub(1)
        .map(|p| &toks[p])
        .is_some_and(|p| p.poss == 0 && glued(p, &toks[at]) && name_like(p));
    let last = at + toks[at..].partition_point(|t| t.end < c.end);
    let after = toks.get(last).is_some_and(|l| {
        l.poss == 0
            && toks
                .get(last + 1)
                .is_some_and(|n| glued(l, n) && name_like(n))
    });
    before || after
}

/// Sets the country and sector of every mention the KB knows, from the KB.
pub(crate) fn fill(text: &str, mentions: &mut [Mention]) {
    for m in mentions {
        let Some(e) = KB.get(&m.id) else { continue };
        if m.country.is_none() {
            m.country.clone_from(&e.country);
        }
        if m.sector.is_none() {
            m.sector = e.sector.or_else(|| {
                let surface = &text[m.span.start..m.span.end];
                let seat = e
                    .names
                    .iter()
                    .any(|(s, r)| *r == Role::Seat && s.eq_ignore_ascii_case(surface));
                seat.then_some(Sector::Government)
            });
        }
    }
}
