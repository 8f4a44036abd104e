//! Nominals: which entity named before do "the minister", "the company", "the regime" or
//! "the North" refer to? The rules and their reasons are in the parent module's doc.

use std::collections::{BTreeMap, HashMap};

use sinew_types::{EntityType, Mention, MentionKind, Sector};

use super::refer;
use super::sector::covering;
use crate::entities::tokens::{is_space, Token};

/// The farthest back (bytes) an antecedent of a nominal may be.
const MAX_WINDOW: usize = 1_500;
/// Sentences a nominal may look back over: its own and the two before it.
const WINDOW_SENTENCES: usize = 3;
/// The most mentions examined when looking back for an antecedent.
const MAX_LOOKBACK: usize = 64;
/// How far back "the North"/"the South" finds its Korea.
const KOREA_WINDOW: usize = 3_000;

/// Head words of nominals that refer to a person, with the role words that may stand for
/// them in a title.
const PERSON_HEADS: &[(&str, &[&str])] = &[
    ("minister", &["minister"]),
    ("president", &["president"]),
    ("premier", &["premier"]),
    ("chancellor", &["chancellor"]),
    ("leader", &["leader"]),
    ("general", &["general", "gen"]),
    ("admiral", &["admiral", "adm"]),
    ("ambassador", &["ambassador"]),
    ("envoy", &["envoy"]),
    ("spokesman", &["spokesman", "spokeswoman", "spokesperson"]),
    ("spokeswoman", &["spokesman", "spokeswoman", "spokesperson"]),
    (
        "spokesperson",
        &["spokesman", "spokeswoman", "spokesperson"],
    ),
    ("secretary", &["secretary"]),
    ("chairman", &["chairman", "chairwoman", "chair"]),
    ("chairwoman", &["chairman", "chairwoman", "chair"]),
    ("commander", &["commander"]),
    ("governor", &["governor"]),
];

/// Words that may qualify a person head; each must then be in the person's title too.
const HEAD_MODIFIERS: &[&str] = &[
    "foreign", "defence", "defense", "prime", "interior", "finance", "trade", "economy", "supreme",
    "military", "top",
];

/// Title words that make a different role: a bare "the minister" is not the deputy minister.
const DISTINCT_RANKS: &[&str] = &["deputy", "vice", "prime", "former"];

/// Names of alliances and blocs, lower case (whole name), or phrases inside one.
const ALLIANCES: &[&str] = &[
    "nato",
    "north atlantic treaty organization",
    "aukus",
    "csto",
    "collective security treaty organization",
    "quad",
    "anzus",
];
const BLOCS: &[&str] = &[
    "eu",
    "european union",
    "asean",
    "association of southeast asian nations",
    "brics",
    "sco",
    "shanghai cooperation organisation",
    "shanghai cooperation organization",
    "eurasian economic union",
    "eaeu",
    "african union",
    "arab league",
    "gulf cooperation council",
    "gcc",
    "mercosur",
    "g7",
    "g20",
    "opec",
    "opec+",
    "commonwealth of independent states",
    "cis",
];

/// Where the window of a nominal at `pos` starts: after the third sentence end before it, at
/// most [`MAX_WINDOW`] bytes back.
fn window_start(text: &str, pos: usize, sentences: usize, max: usize) -> usize {
    let bytes = text.as_bytes();
    let lo = pos.saturating_sub(max);
    let mut ends = 0;
    let mut i = pos;
    while i > lo {
        i -= 1;
        let b = bytes[i];
        let follows_space = bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        if b == b'\n' || matches!(b, b'.' | b'!' | b'?') && follows_space && i + 1 < pos {
            ends += 1;
            if ends == sentences {
                return i + 1;
            }
        }
    }
    lo
}

/// The one entity `ok` accepts among the names in `from..before`: the nearest mention of it.
/// `None` when none fits, or when a `rival` of another entity is named in the window too
/// (every mention `ok` accepts is a rival; "the company" also has every organisation as one,
/// so an organisation of unknown kind named in between is not skipped over).
fn antecedent(
    mentions: &[Mention],
    from: usize,
    before: usize,
    ok: impl Fn(&Mention) -> bool,
    rival: impl Fn(&Mention) -> bool,
) -> Option<usize> {
    let end = mentions.partition_point(|m| m.span.start < before);
    let mut found: Option<usize> = None;
    let mut rival_id: Option<&str> = None;
    for j in (0..end).rev().take(MAX_LOOKBACK) {
        let m = &mentions[j];
        if m.span.start < from {
            break;
        }
        if m.kind != MentionKind::Name || m.span.end > before {
            continue;
        }
        let fits = ok(m);
        if fits || rival(m) {
            match rival_id {
                None => rival_id = Some(&m.id),
                Some(id) if id != m.id => return None,
                Some(_) => {}
            }
        }
        if fits && found.is_none() {
            found = Some(j);
        }
    }
    found
}

/// What a nominal's head word may refer to.
enum Head {
    Person(&'static [&'static str]),
    Company,
    Body(&'static str),
    Alliance,
    Bloc,
    Regime,
}

fn head_of(lower: &str) -> Option<Head> {
    if let Some((_, words)) = PERSON_HEADS.iter().find(|(h, _)| *h == lower) {
        return Some(Head::Person(words));
    }
    Some(match lower {
        "company" | "firm" => Head::Company,
        "ministry" => Head::Body("ministry"),
        "department" => Head::Body("department"),
        "alliance" => Head::Alliance,
        "bloc" => Head::Bloc,
        "regime" => Head::Regime,
        _ => return None,
    })
}

fn named_in(m: &Mention, list: &[&str]) -> bool {
    let canonical = m.canonical.to_lowercase();
    let text = m.text.to_lowercase();
    list.iter()
        .any(|n| canonical == *n || text == *n || n.contains(' ') && canonical.contains(n))
}

/// Same role word, spelled either way.
fn same_word(a: &str, b: &str) -> bool {
    a == b || matches!((a, b), ("defence", "defense") | ("defense", "defence"))
}

fn person_fits(
    m: &Mention,
    roles: &HashMap<String, Vec<&'static str>>,
    words: &[&str],
    mods: &[String],
    country: Option<&str>,
) -> bool {
    if m.entity_type != EntityType::Person {
        return false;
    }
    let Some(title) = roles.get(&m.id) else {
        return false;
    };
    let has = |w: &str| title.iter().any(|t| same_word(t, w));
    words.iter().any(|w| has(w))
        && mods.iter().all(|w| has(w))
        && DISTINCT_RANKS
            .iter()
            .all(|r| has(r) == mods.iter().any(|m| m == r))
        && country.is_none_or(|c| m.country.as_deref() == Some(c))
}

/// Nominals: "the minister", "the regime", "the North".
pub(super) fn nominals(
    text: &str,
    toks: &[Token<'_>],
    mentions: &[Mention],
    roles: &HashMap<String, Vec<&'static str>>,
    taken: &mut BTreeMap<usize, usize>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let koreas = Koreas::of(mentions);
    for k in 0..toks.len() {
        let the = &toks[k];
        if !the.text.eq_ignore_ascii_case("the") || the.poss > 0 {
            continue;
        }
        let mut j = k + 1;
        let mut prev_end = the.end;
        let mut country: Option<&str> = None;
        let mut start = the.start;
        if let Some(ci) = toks.get(j).and_then(|t| covering(mentions, t.start)) {
            let c = &mentions[ci];
            let demonym = c.entity_type == EntityType::Country
                && c.coarse == sinew_types::Coarse::Misc
                && c.span.start == toks[j].start
                && is_space(text, prev_end, c.span.start);
            if !demonym {
                continue;
            }
            country = Some(c.canonical.as_str());
            while j < toks.len() && toks[j].start < c.span.end {
                j += 1;
            }
            prev_end = c.span.end;
            start = usize::MAX;
        }
        if country.is_none() {
            if let Some(m) = korea(text, toks, mentions, &koreas, k) {
                if !crate::entities::overlaps_taken(taken, m.span.start, m.span.end) {
                    taken.insert(m.span.start, m.span.end);
                    out.push(m);
                }
                continue;
            }
        }
        let mut mods: Vec<String> = Vec::new();
        let mut head: Option<(Head, usize)> = None;
        while j < toks.len() && mods.len() <= 2 {
            let t = &toks[j];
            if !is_space(text, prev_end, t.start) || covering(mentions, t.start).is_some() {
                break;
            }
            if start == usize::MAX {
                start = t.start;
            }
            let lower = t.text.to_lowercase();
            if let Some(h) = head_of(&lower) {
                head = Some((h, j));
                break;
            }
            if t.poss > 0
                || !(HEAD_MODIFIERS.contains(&lower.as_str())
                    || DISTINCT_RANKS.contains(&lower.as_str()))
            {
                break;
            }
            mods.push(lower);
            prev_end = t.end;
            j += 1;
        }
        let Some((head, hj)) = head else { continue };
        if mods.iter().any(|m| m == "former") {
            continue;
        }
        let h = &toks[hj];
        // A name or "of ..." right after makes the words a title, not a reference.
        if let Some(next) = toks.get(hj + 1) {
            let joined = h.poss == 0 && is_space(text, h.end, next.start);
            if joined && (next.is_cap() || next.text == "of") {
                continue;
            }
        }
        let end = h.end;
        if crate::entities::overlaps_taken(taken, start, end) {
            continue;
        }
        // A person may be referred back to over a little more text than a thing.
        let sentences = match head {
            Head::Person(_) => WINDOW_SENTENCES,
            _ => WINDOW_SENTENCES - 1,
        };
        let from = window_start(text, start, sentences, MAX_WINDOW);
        let ok = |m: &Mention| match &head {
            Head::Person(words) => person_fits(m, roles, words, &mods, country),
            _ if !mods.is_empty() => false,
            Head::Company => {
                matches!(
                    m.entity_type,
                    EntityType::Company | EntityType::StateEnterprise
                ) && country.is_none_or(|c| m.country.as_deref() == Some(c))
            }
            Head::Body(word) => {
                m.entity_type == EntityType::GovernmentBody
                    && (m.text.to_lowercase().contains(word)
                        || m.canonical.to_lowercase().contains(word))
                    && country.is_none_or(|c| m.country.as_deref() == Some(c))
            }
            Head::Alliance => {
                m.entity_type == EntityType::InternationalOrg && named_in(m, ALLIANCES)
            }
            Head::Bloc => m.entity_type == EntityType::InternationalOrg && named_in(m, BLOCS),
            Head::Regime => {
                m.entity_type == EntityType::Country && country.is_none_or(|c| m.canonical == c)
            }
        };
        let rival = |m: &Mention| match &head {
            Head::Company => m.coarse == sinew_types::Coarse::Org,
            _ => false,
        };
        let Some(ai) = antecedent(mentions, from, start, ok, rival) else {
            continue;
        };
        let mut m = refer(text, &mentions[ai], start, end, MentionKind::Nominal);
        if matches!(head, Head::Regime) && m.sector.is_none() {
            m.sector = Some(Sector::Government);
        }
        taken.insert(start, end);
        out.push(m);
    }
    out
}

/// Where North Korea and South Korea are first named, for "the North"/"the South".
struct Koreas {
    north: Option<usize>,
    south: Option<usize>,
}

impl Koreas {
    fn of(mentions: &[Mention]) -> Koreas {
        let first = |name: &str| {
            mentions
                .iter()
                .find(|m| m.entity_type == EntityType::Country && m.canonical == name)
                .map(|m| m.span.start)
        };
        Koreas {
            north: first("North Korea"),
            south: first("South Korea"),
        }
    }
}

/// "the North" / "the South" at token `k` ("the"), in a Korean context.
fn korea(
    text: &str,
    toks: &[Token<'_>],
    mentions: &[Mention],
    koreas: &Koreas,
    k: usize,
) -> Option<Mention> {
    let the = &toks[k];
    let word = toks.get(k + 1)?;
    let (meant, other) = match word.text {
        "North" => ("North Korea", koreas.south),
        "South" => ("South Korea", koreas.north),
        _ => return None,
    };
    if !is_space(text, the.end, word.start)
        || covering(mentions, word.start).is_some()
        || other.is_none_or(|p| p >= the.start)
    {
        return None;
    }
    // "the North Atlantic", "the South China Sea", "the North-South divide": another name
    // or word goes on.
    if let Some(next) = toks.get(k + 2) {
        let gap = &text[word.end..next.start];
        if word.poss == 0 && (is_space(text, word.end, next.start) && next.is_cap() || gap == "-") {
            return None;
        }
    }
    let from = the.start.saturating_sub(KOREA_WINDOW);
    let near = mentions.partition_point(|m| m.span.start < the.start);
    let ai = (0..near)
        .rev()
        .take_while(|&j| mentions[j].span.start >= from)
        .take(MAX_LOOKBACK)
        .find(|&j| {
            let m = &mentions[j];
            m.kind == MentionKind::Name
                && m.entity_type == EntityType::Country
                && m.canonical == meant
        })?;
    Some(refer(
        text,
        &mentions[ai],
        the.start,
        word.end,
        MentionKind::Nominal,
    ))
}
