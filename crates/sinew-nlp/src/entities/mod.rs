//! Entity mentions: countries (names, demonyms, capitals and seats used as metonyms), places,
//! international organisations, government bodies, think tanks, media, companies, people and
//! agreements, each with a canonical name and a stable id.
//!
//! One Aho-Corasick pass over the text finds every gazetteer name ([`gazetteer`]); light rules
//! over capitalised words then find what no list can hold: government bodies named after their
//! country ("Russia's Defense Ministry"), agreements ("'no limits' partnership"), institutes
//! ("X University"), and people (after a title, before a speech verb, in an appositive).
//! A statistical tagger ([`tagger`], trained on CoNLL-2003 news) says where names are and their
//! CoNLL class; the candidates say who a tagged name is, and keep the names the tagger leaves
//! out ([`tagger::merge`]); candidates no tagged name touches overlap freely and the longest
//! wins. Last, a later surname ("Shin") is linked to an earlier full name ("Shin Won-sik") of
//! the same document.

mod coref;
mod gazetteer;
mod kb;
mod link;
mod people;
mod roles;
mod rules;
pub mod tagger;
mod tokens;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sinew_types::{Coarse, EntityType, Mention, Span};

use gazetteer::GAZETTEER;
use kb::slug;

/// What a country candidate is: a name, a demonym or a seat of government. Rules that build on
/// a country (bodies, compounds) use names and demonyms, never seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Name,
    Demonym,
    Seat,
    Plain,
}

/// A possible mention before overlaps are resolved.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Length of a possessive ending right after `end` (kept out of the span).
    pub(crate) poss: usize,
    pub(crate) ty: EntityType,
    pub(crate) canonical: String,
    pub(crate) country: Option<String>,
    pub(crate) role: Role,
    /// Tie-breaker between candidates of the same length: higher wins.
    pub(crate) prio: u8,
}

impl Cand {
    fn len(&self) -> usize {
        self.end - self.start
    }

    /// Is this a country named by its name or demonym ("China", "Chinese", "US")?
    pub(crate) fn is_country_word(&self) -> bool {
        self.ty == EntityType::Country && matches!(self.role, Role::Name | Role::Demonym)
    }
}

/// Every name the gazetteer knows, as (surface form, canonical name): `("DPRK", "North
/// Korea")`. These are the names [`find_mentions`] links, so a caller resolving a name a user
/// typed (`sinew claims --entity DPRK`) agrees with what extraction stored; there is no second
/// alias list.
pub fn known_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    let gazetteer: &'static gazetteer::Gazetteer = &GAZETTEER;
    gazetteer.names()
}

/// Is `word`, as written, the whole name of a country, territory or capital the gazetteer
/// knows ("Kyiv", "Canada")? The quantity layer asks it of the word before a bare number:
/// "sent Kyiv 8 armoured vehicles" counts vehicles, where "Boeing 737" names a model.
pub(crate) fn is_country_name(word: &str) -> bool {
    let gazetteer: &'static gazetteer::Gazetteer = &GAZETTEER;
    gazetteer.find(word).iter().any(|c| {
        c.start == 0
            && c.end == word.len()
            && c.ty == EntityType::Country
            && matches!(c.role, Role::Name | Role::Seat)
    })
}

/// The ISO 3166-1 alpha-2 and alpha-3 codes of a country or territory by its canonical name
/// (`"North Korea"` -> `("KP", "PRK")`), as event coders and exports want them.
pub fn iso_codes(country: &str) -> Option<(&'static str, &'static str)> {
    let kb: &'static kb::Kb = &kb::KB;
    kb.countries
        .get(country)
        .map(|c| (c.iso2.as_str(), c.iso3.as_str()))
}

/// The adjective a country's bodies and officials are named with, by its canonical name
/// (`"United States"` -> `"US"`, `"South Korea"` -> `"South Korean"`): how a briefing names a
/// state's officials when it counts several of its bodies as one voice.
pub fn country_adjective(country: &str) -> Option<&'static str> {
    let kb: &'static kb::Kb = &kb::KB;
    kb.countries
        .get(country)
        .map(|c| c.adjective.as_str())
        .filter(|a| !a.is_empty())
}

/// The canonical name of the country or territory with this ISO 3166-1 alpha-3 code (`"PRK"`
/// -> `"North Korea"`, any case): how an event actor known only by its country is named.
pub fn country_name(iso3: &str) -> Option<&'static str> {
    let kb: &'static kb::Kb = &kb::KB;
    // The least name when several share a code, so the answer never depends on map order.
    kb.countries
        .iter()
        .filter(|(_, c)| c.iso3.eq_ignore_ascii_case(iso3))
        .map(|(name, _)| name.as_str())
        .min()
}

/// The country of a place named inside a body's name ("Baghdad University", "University of
/// Nairobi", "the Lagos Chamber of Commerce"): a local body belongs where it is. Demonyms are
/// left out ("American University of Beirut" is Beirut's, not America's); the first place
/// named wins. For a body or place the knowledge base does not know.
pub(crate) fn place_in_name(name: &str) -> Option<String> {
    let gazetteer: &gazetteer::Gazetteer = &GAZETTEER;
    let mut cands = gazetteer.find(name);
    // a name the KB knows as a whole has the country the KB gives it ("South China Sea":
    // none)
    if cands.iter().any(|c| c.start == 0 && c.end == name.len()) {
        return None;
    }
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    cands
        .into_iter()
        .filter(|c| {
            matches!(c.ty, EntityType::Place | EntityType::Country)
                && matches!(c.role, Role::Name | Role::Seat | Role::Plain)
        })
        .find_map(|c| {
            c.country
                .or((c.ty == EntityType::Country).then_some(c.canonical))
        })
}

/// Finds the entity mentions of one document's text, sorted by start and non-overlapping.
///
/// Every mention's `text` equals `&text[span.start..span.end]`. A possessive ending is never
/// part of a span ("Moscow's" gives "Moscow"). Surnames are linked to full names found
/// elsewhere in the same `text`, so pass one whole document per call. `published` resolves
/// role phrases ("Russia's defence minister") to the person in office that day; without it they
/// are left unlinked.
pub fn find_mentions(text: &str, published: Option<NaiveDate>) -> Vec<Mention> {
    if text.is_empty() {
        return Vec::new();
    }
    let toks = tokens::tokenize(text);
    let mut cands = GAZETTEER.find(text);
    link::disambiguate(text, &toks, &mut cands);
    let tagged = tagger::tag_with(text, &cands);
    let by_end = index_by_end(&cands);
    let mut extra = rules::bodies(text, &cands);
    extra.extend(rules::agreements(text, &toks, &cands, &by_end));
    extra.extend(rules::capitalised_orgs(text, &toks, &cands));
    cands.extend(extra);
    let by_end = index_by_end(&cands);
    let found_people = people::find(text, &toks, &cands, &by_end);
    cands.extend(found_people);
    // The tagger says where names are and their class; the candidates say who they are.
    let (mut chosen, classes) = tagger::merge(text, cands, &tagged);
    people::link(text, &toks, &mut chosen);
    chosen.sort_by_key(|c| c.start);
    let role_mentions = roles::find(text, &chosen, published);
    let mut out: Vec<Mention> = chosen
        .into_iter()
        .filter_map(|c| {
            let class = classes.get(&c.start).copied();
            to_mention(text, c, class)
        })
        .collect();
    roles::titled_surnames(text, &mut out, published);
    link::fill(text, &mut out);
    out.extend(role_mentions);
    out.sort_by_key(|m| m.span.start);
    // Coreference reads the finished list, so it stays the last step.
    coref::complete(text, &toks, &mut out);
    out
}

/// Candidate indices by end offset, and by end offset after a possessive.
pub(crate) type ByEnd = std::collections::HashMap<usize, Vec<usize>>;

fn index_by_end(cands: &[Cand]) -> ByEnd {
    let mut map = ByEnd::new();
    for (i, c) in cands.iter().enumerate() {
        map.entry(c.end).or_default().push(i);
        if c.poss > 0 {
            map.entry(c.end + c.poss).or_default().push(i);
        }
    }
    map
}

/// Keeps the longest candidates, then higher priority, then the earliest, never overlapping.
fn resolve(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.retain(|c| c.start < c.end);
    cands.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then(b.prio.cmp(&a.prio))
            .then(a.start.cmp(&b.start))
    });
    // Accepted spans by start; they never overlap, so only the nearest one before a
    // candidate's end can overlap it.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for c in cands {
        if overlaps_taken(&taken, c.start, c.end) {
            continue;
        }
        taken.insert(c.start, c.end);
        out.push(c);
    }
    out
}

pub(crate) fn overlaps_taken(taken: &BTreeMap<usize, usize>, start: usize, end: usize) -> bool {
    taken
        .range(..end)
        .next_back()
        .is_some_and(|(_, &e)| e > start)
}

/// `class` is the tagger's class for the span, when it tagged it.
fn to_mention(text: &str, c: Cand, class: Option<Coarse>) -> Option<Mention> {
    let surface = text.get(c.start..c.end)?;
    let id = format!("{}:{}", c.ty.as_str(), slug(&c.canonical));
    // CoNLL files a nationality adjective ("French") under MISC, though it links to the country.
    let coarse = class.unwrap_or(match c.role {
        Role::Demonym => Coarse::Misc,
        _ => c.ty.coarse(),
    });
    Some(Mention {
        span: Span::new(c.start, c.end),
        text: surface.to_string(),
        entity_type: c.ty,
        canonical: c.canonical,
        id,
        country: c.country,
        coarse,
        sector: None,
        kind: sinew_types::MentionKind::Name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("North Korea"), "north-korea");
        assert_eq!(slug("Côte d'Ivoire"), "côte-d-ivoire");
        assert_eq!(slug("OPEC+"), "opec+");
        assert_eq!(slug("  US State Department. "), "us-state-department");
    }

    #[test]
    fn longest_wins() {
        let c = |s, e, prio| Cand {
            start: s,
            end: e,
            poss: 0,
            ty: EntityType::Other,
            canonical: String::new(),
            country: None,
            role: Role::Plain,
            prio,
        };
        let got = resolve(vec![c(0, 3, 2), c(2, 10, 1), c(10, 12, 0), c(11, 13, 5)]);
        let mut spans: Vec<(usize, usize)> = got.iter().map(|c| (c.start, c.end)).collect();
        spans.sort();
        assert_eq!(spans, [(2, 10), (11, 13)]);
    }
}
