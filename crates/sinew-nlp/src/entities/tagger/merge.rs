//! How do tagged names and the gazetteer's candidates become one list of mentions? The tagger
//! decides where names are and their CoNLL class; the gazetteer and the rules decide what a
//! name is (canonical name, fine type, country) when they found the same words.
//!
//! For each tagged span: a candidate with exactly its span lends its identity (the class
//! stays the tagger's: "French" is MISC, linked to France). A longer candidate wins whole
//! when it starts where one tagged span starts and ends where another ends ("Russia's Defense
//! Ministry" is one government body, not a place and an organisation), never when it runs into
//! words the tagger left out ("Bosnian government"). Shorter candidates inside a tagged span
//! give way ("Madrid" inside "Real Madrid"), though a country among them still lends its
//! country to an organisation or a nationality. A tagged name nothing knows gets a fine type
//! from its class and its words (ORG: "Ministry" makes a government body, "Corp" a company;
//! MISC: "Treaty" an agreement) and its own words as canonical name. Candidates that touch no
//! tagged span are resolved as before (longest first) and kept: the gazetteer's names are
//! curated, and the tagger misses some domain names.
//!
//! Cost: sorting, and hash lookups by start and end; linear apart from the sorts.

use std::collections::{BTreeMap, HashMap, HashSet};

use sinew_types::{Coarse, EntityType};

use super::Tagged;
use crate::entities::{overlaps_taken, resolve, Cand, Role};

/// Merges every candidate (overlapping freely) with `tagged` spans (sorted, non-overlapping).
/// Returns the mentions as non-overlapping candidates, and the class of each one the tagger
/// named, by start.
pub(crate) fn merge(
    text: &str,
    mut cands: Vec<Cand>,
    tagged: &[Tagged],
) -> (Vec<Cand>, HashMap<usize, Coarse>) {
    let joined = join_adjacent(text, tagged, &cands);
    let joined = super::missed::add_missed(text, joined);
    let joined = super::missed::designator_after_comma(text, joined);
    let joined = super::inside::country_inside_company(text, joined);
    let joined = super::inside::region_after_compass(text, joined);
    let tagged: &[Tagged] = &joined;
    cands.retain(|c| c.start < c.end);
    // Longest first, then higher priority, as `resolve` ranks them.
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.prio.cmp(&a.prio))
            .then(a.start.cmp(&b.start))
    });
    let by_start: HashMap<usize, usize> = tagged
        .iter()
        .enumerate()
        .map(|(i, t)| (t.start, i))
        .collect();
    let mut claimed = vec![false; tagged.len()];
    let mut exact: Vec<Option<usize>> = vec![None; tagged.len()];
    let mut classes = HashMap::new();
    let mut out: Vec<Cand> = Vec::new();
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut used = vec![false; cands.len()];
    for (k, c) in cands.iter().enumerate() {
        let Some(a) = by_start
            .get(&c.start)
            .copied()
            .or_else(|| company_before_tagged(text, c, tagged))
        else {
            continue;
        };
        if tagged[a].end == c.end {
            exact[a].get_or_insert(k);
            continue;
        }
        // The last tagged span that ends inside the candidate.
        let b = tagged.partition_point(|t| t.end <= c.end);
        if b == 0 || b - 1 < a {
            continue;
        }
        let b = b - 1;
        let overruns = b + 1 < tagged.len() && tagged[b + 1].start < c.end;
        if overruns
            || swallows_person(text, c, &tagged[a..=b])
            || claimed[a..=b].iter().any(|&x| x)
            || !name_words(&text[tagged[b].end..c.end])
        {
            continue;
        }
        // A longer candidate that starts where a tagged name starts and adds only name
        // words: it wins whole.
        claimed[a..=b].iter_mut().for_each(|x| *x = true);
        used[k] = true;
        taken.insert(c.start, c.end);
        out.push(c.clone());
    }
    // Country words by start, for the names they sit in.
    // How the document writes its words, read when a tagged word opens a sentence.
    let mut casing: Option<DocCasing> = None;
    let mut inner: Vec<&Cand> = cands.iter().collect();
    inner.sort_by_key(|c| c.start);
    for (i, t) in tagged.iter().enumerate() {
        if claimed[i] {
            continue;
        }
        if let Some(k) = exact[i] {
            // A known name: the list says who it is, the tagger its class in this sentence
            // ("French" is MISC, a city's football team an ORG).
            classes.insert(t.start, t.coarse);
            used[k] = true;
            taken.insert(t.start, t.end);
            out.push(cands[k].clone());
            continue;
        }
        let from = inner.partition_point(|c| c.start < t.start);
        let inside: Vec<&Cand> = inner[from..]
            .iter()
            .take_while(|c| c.start < t.end)
            .filter(|c| c.end <= t.end)
            .copied()
            .collect();
        if glued(text, t, &inside) {
            // "Russia-North Korea", "tankStimson": the known names inside are the mentions.
            continue;
        }
        // "3rd", and "Safe" in "Safe driving earns discounts": no name.
        if inside.is_empty()
            && (is_ordinal(&text[t.start..t.end]) || common_word_at_start(text, t, &mut casing))
        {
            continue;
        }
        taken.insert(t.start, t.end);
        classes.insert(t.start, t.coarse);
        let country = inside
            .iter()
            .find(|c| c.is_country_word())
            .and_then(|c| c.country.clone());
        out.push(unknown(text, t, country));
    }
    let rest: Vec<Cand> = cands
        .into_iter()
        .zip(used)
        .filter(|(c, used)| !used && !overlaps_taken(&taken, c.start, c.end))
        .map(|(c, _)| c)
        .collect();
    out.extend(resolve(rest));
    out.sort_by_key(|c| c.start);
    (out, classes)
}

/// Two tagged names of different classes with only a space between them, the tagger's
/// split of one name: a place or a miscellaneous name then an organisation is the
/// organisation ("Deer Park Golf Course", "Palo Alto Networks", "Dow Jones Industrial
/// Average"); an organisation then a person is a company named after
/// the place the first word is known as ("Paris Baguette"), else one person ("Niall
/// Quinn"). A place then a person stays apart ("England N. Knight"), as do a country word
/// (its bodies are named by the rules) and lines in capitals only (tables: "DETROIT
/// CHICAGO").
fn join_adjacent(text: &str, tagged: &[Tagged], cands: &[Cand]) -> Vec<Tagged> {
    // Country words, and known places, by span.
    let countries: std::collections::HashSet<(usize, usize)> = cands
        .iter()
        .filter(|c| c.is_country_word())
        .map(|c| (c.start, c.end))
        .collect();
    let places: std::collections::HashSet<(usize, usize)> = cands
        .iter()
        // A capital is a country candidate as a metonym ("Paris" for France).
        .filter(|c| matches!(c.ty, EntityType::Place | EntityType::Country))
        .map(|c| (c.start, c.end))
        .collect();
    let cased = |a: usize, b: usize| text[a..b].chars().any(char::is_lowercase);
    let mut out: Vec<Tagged> = Vec::with_capacity(tagged.len());
    for t in tagged {
        if let Some(last) = out.last_mut() {
            let apart = &text[last.end..t.start] != " "
                || !cased(last.start, last.end)
                || !cased(t.start, t.end)
                || countries.contains(&(last.start, last.end));
            let joined = match (last.coarse, t.coarse) {
                _ if apart => None,
                (Coarse::Loc, Coarse::Org) => Some(Coarse::Org),
                // "Dow" + "Jones Industrial Average": a name cut at its start; not an
                // adjective ("Denver-based").
                (Coarse::Misc, Coarse::Org) if !has_lower_part(&text[last.start..last.end]) => {
                    Some(Coarse::Org)
                }
                (Coarse::Org, Coarse::Per) if places.contains(&(last.start, last.end)) => {
                    Some(Coarse::Org)
                }
                (Coarse::Org, Coarse::Per) => Some(Coarse::Per),
                _ => None,
            };
            if let Some(coarse) = joined {
                last.end = t.end;
                last.coarse = coarse;
                continue;
            }
        }
        out.push(*t);
    }
    out
}

/// Does a name hold a part in lower case ("Denver-based", "pro-Kremlin")?
fn has_lower_part(name: &str) -> bool {
    name.split(['-', ' '])
        .any(|p| p.starts_with(char::is_lowercase))
}

/// "R. T. Halvorsen Pump Products Co." where the tagger saw only "Halvorsen Pump Products
/// Co.": a company name whose designator ends it may start before the first tagged name
/// inside it, when the words it adds there are initials and no tagged name runs into it
/// from the left. The index of that first tagged name.
fn company_before_tagged(text: &str, c: &Cand, tagged: &[Tagged]) -> Option<usize> {
    if c.ty != EntityType::Company {
        return None;
    }
    let a = tagged.partition_point(|t| t.start < c.start);
    let t = tagged.get(a).filter(|t| t.start < c.end)?;
    let clear_left = a == 0 || tagged[a - 1].end <= c.start;
    let initials = text[c.start..t.start].split_whitespace().all(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.next() == Some('.') && cs.next().is_none()
    });
    (clear_left && initials).then_some(a)
}

/// "Lynn Reaser of Barnett Banks Inc.": a person the tagger named, followed inside the
/// candidate by a lower-case word, is the person's, not part of a company's name.
fn swallows_person(text: &str, c: &Cand, tagged: &[Tagged]) -> bool {
    c.ty == EntityType::Company
        && tagged.iter().any(|t| {
            t.coarse == Coarse::Per
                && c.start <= t.start
                && t.end < c.end
                && text[t.end..c.end]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.starts_with(char::is_lowercase))
        })
}

/// Are these (the end of a candidate past its last tagged name) only capitalised words and
/// the small words inside names ("Defense Ministry", "of Defense")?
fn name_words(tail: &str) -> bool {
    tail.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_numeric() || !c.is_alphanumeric())
                || matches!(w, "of" | "for" | "and" | "the" | "on" | "de")
        })
}

/// Is a tagged span known names glued together ("Russia-North Korea": every part between
/// hyphens is a candidate) or glued onto a lower-case word ("tankStimson")?
fn glued(text: &str, t: &Tagged, inside: &[&Cand]) -> bool {
    if inside.is_empty() {
        return false;
    }
    let surface = &text[t.start..t.end];
    if surface.starts_with(char::is_lowercase) {
        return true;
    }
    if !surface.contains('-') {
        return false;
    }
    let mut at = t.start;
    for part in surface.split('-') {
        let end = at + part.len();
        if !inside.iter().any(|c| c.start == at && c.end == end) {
            return false;
        }
        at = end + 1;
    }
    true
}

/// Is the word an ordinal written in figures ("3rd", "21st", "100th")? Such a word labels a
/// thing ("the 3rd generation"), never names one.
fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && matches!(
            word[digits..].to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        )
}

/// How one document writes its words: those it writes in lower case, and those it
/// capitalises inside a sentence (where only a name is capitalised).
struct DocCasing {
    lower: HashSet<String>,
    mid_sentence: HashSet<String>,
}

impl DocCasing {
    fn new(text: &str) -> DocCasing {
        let mut lower = HashSet::new();
        let mut mid_sentence = HashSet::new();
        let mut at = 0;
        for token in text.split([' ', '\n', '\t', '\r']) {
            let token_start = at;
            at += token.len() + 1;
            // A word inside an address ("www.acme.com", "utm_campaign=acme-brand") is no prose.
            if token.contains(['/', '@', '=', '_', '#']) || token.starts_with("www.") {
                continue;
            }
            let mut word_at = token_start;
            for w in token.split(|c: char| !c.is_alphanumeric()) {
                let start = word_at;
                word_at += w.len()
                    + token[word_at - token_start + w.len()..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                let Some(first) = w.chars().next() else {
                    continue;
                };
                if first.is_lowercase() {
                    lower.insert(w.to_string());
                } else if first.is_uppercase()
                    && w.chars().skip(1).any(char::is_lowercase)
                    && !opens_sentence(text, start)
                {
                    mid_sentence.insert(w.to_string());
                }
            }
        }
        DocCasing {
            lower,
            mid_sentence,
        }
    }
}

/// Does a sentence, a line or a table cell start at `pos` (quotes and brackets aside)?
fn opens_sentence(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches(|c: char| {
        c == ' ' || c == '\t' || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
    });
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '\n', '\r', '|', '•', '—', '–'])
}

/// "Safe driving can earn discounts": a single capitalised word the tagger took for a name at
/// the start of a sentence, which is a common word of news (in the tagger's vocabulary in lower
/// case) that the same document writes in lower case in its prose (not in an address such as
/// "safe.com") and never capitalises inside a sentence, is a common word capitalised by its
/// place. A brand written in lower case ("zentrix") is no common word. A name keeps its
/// capital wherever it stands ("Progressive raised rates ... rates at Progressive").
fn common_word_at_start(text: &str, t: &Tagged, casing: &mut Option<DocCasing>) -> bool {
    let surface = &text[t.start..t.end];
    if !surface.chars().all(char::is_alphabetic)
        || !surface.chars().skip(1).all(char::is_lowercase)
        || !opens_sentence(text, t.start)
    {
        return false;
    }
    let lower = surface.to_lowercase();
    if !super::known_word(&lower) {
        return false;
    }
    let casing = casing.get_or_insert_with(|| DocCasing::new(text));
    casing.lower.contains(&lower) && !casing.mid_sentence.contains(surface)
}

/// A mention for a tagged span no candidate matches exactly; `country` is that of a country
/// word inside it.
fn unknown(text: &str, t: &Tagged, country: Option<String>) -> Cand {
    let surface = &text[t.start..t.end];
    let canonical = surface.split_whitespace().collect::<Vec<_>>().join(" ");
    let ty = fine_type(&canonical, t.coarse);
    // "North Korean army", "Russian": an organisation or nationality keeps its country.
    let country = match t.coarse {
        Coarse::Org | Coarse::Misc => country,
        _ => None,
    };
    Cand {
        start: t.start,
        end: t.end,
        poss: crate::entities::gazetteer::possessive_len(text, t.end),
        ty,
        canonical,
        country,
        role: Role::Plain,
        prio: 1,
    }
}

/// Words that say what kind of organisation a name is, checked in this order.
const ORG_WORDS: &[(EntityType, &[&str])] = &[
    (
        EntityType::ArmedForce,
        &[
            "Army",
            "Navy",
            "Air Force",
            "Marines",
            "Marine Corps",
            "Forces",
            "Guard",
            "Guards",
            "Brigade",
            "Division",
            "Regiment",
            "Battalion",
            "Fleet",
            "Militia",
            "Command",
        ],
    ),
    (
        EntityType::Media,
        &[
            "News",
            "Times",
            "Post",
            "Journal",
            "Herald",
            "Tribune",
            "Gazette",
            "Television",
            "TV",
            "Radio",
            "Press",
            "Broadcasting",
            "Telegraph",
            "Daily",
            "Newspaper",
            "Magazine",
        ],
    ),
    (
        EntityType::ThinkTank,
        &[
            "Institute",
            "University",
            "Foundation",
            "Center",
            "Centre",
            "Academy",
            "Endowment",
            "Institution",
            "School",
            "College",
        ],
    ),
    (
        EntityType::InternationalOrg,
        &[
            "Nations",
            "Organisation",
            "Organization",
            "Alliance",
            "Union",
        ],
    ),
    (
        EntityType::GovernmentBody,
        &[
            "Ministry",
            "Department",
            "Parliament",
            "Congress",
            "Senate",
            "Cabinet",
            "Government",
            "Agency",
            "Commission",
            "Committee",
            "Court",
            "Police",
            "Office",
            "Bureau",
            "Assembly",
            "Council",
            "Duma",
            "Administration",
            "Authority",
            "Service",
        ],
    ),
    (
        EntityType::Company,
        &[
            "Inc",
            "Inc.",
            "Corp",
            "Corp.",
            "Corporation",
            "Co",
            "Co.",
            "Ltd",
            "Ltd.",
            "Limited",
            "PLC",
            "Plc",
            "AG",
            "SA",
            "NV",
            "GmbH",
            "Group",
            "Holdings",
            "Bank",
            "Airlines",
            "Airways",
            "Motors",
            "Energy",
            "Oil",
            "Petroleum",
            "Steel",
            "Industries",
            "Systems",
            "Technologies",
            "Capital",
            "Partners",
            "Securities",
            "Insurance",
            "Shipping",
            "Lines",
            "Pharmaceuticals",
            "Electronics",
            "Telecom",
            "Airlines",
            "Resources",
            "Mining",
        ],
    ),
];

const AGREEMENT_WORDS: &[&str] = &[
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Pact",
    "Convention",
    "Protocol",
    "Deal",
];

/// The fine type of a name nothing else knows, from its class and its words.
fn fine_type(name: &str, coarse: Coarse) -> EntityType {
    // The name is split into words once, not once per listed word (people and places need
    // none of them).
    let words: Vec<&str> = match coarse {
        Coarse::Per | Coarse::Loc => Vec::new(),
        Coarse::Org | Coarse::Misc => name.split(' ').collect(),
    };
    let has = |w: &str| {
        if w.contains(' ') {
            name.contains(w)
        } else {
            words.contains(&w)
        }
    };
    match coarse {
        Coarse::Per => EntityType::Person,
        Coarse::Loc => EntityType::Place,
        Coarse::Misc if AGREEMENT_WORDS.iter().any(|w| has(w)) => EntityType::Agreement,
        Coarse::Misc => EntityType::Other,
        Coarse::Org => ORG_WORDS
            .iter()
            .find(|(_, words)| words.iter().any(|w| has(w)))
            .map_or(EntityType::Other, |(ty, _)| *ty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str, word: &str, coarse: Coarse) -> Tagged {
        let start = text.find(word).expect("word in text");
        Tagged {
            start,
            end: start + word.len(),
            coarse,
        }
    }

    fn spans(text: &str, tagged: &[Tagged]) -> Vec<(String, Coarse)> {
        tagged
            .iter()
            .map(|t| (text[t.start..t.end].to_string(), t.coarse))
            .collect()
    }

    fn place(text: &str, word: &str, ty: EntityType, role: Role) -> Cand {
        let start = text.find(word).expect("word in text");
        Cand {
            start,
            end: start + word.len(),
            poss: 0,
            ty,
            canonical: word.to_string(),
            country: None,
            role,
            prio: 1,
        }
    }

    #[test]
    fn split_names_join_by_their_classes() {
        // A place then an organisation: one organisation.
        let text = "They met at the Maple Ridge Golf Club on Sunday.";
        let t = [
            tag(text, "Maple", Coarse::Loc),
            tag(text, "Ridge Golf Club", Coarse::Org),
        ];
        assert_eq!(
            spans(text, &join_adjacent(text, &t, &[])),
            [("Maple Ridge Golf Club".to_string(), Coarse::Org)]
        );
        // An organisation then a person: one person, unless the first word is a known place.
        let text = "Coach Oren Valdis resigned.";
        let t = [
            tag(text, "Oren", Coarse::Org),
            tag(text, "Valdis", Coarse::Per),
        ];
        assert_eq!(
            spans(text, &join_adjacent(text, &t, &[])),
            [("Oren Valdis".to_string(), Coarse::Per)]
        );
        let text = "Lyon Brioche opened a bakery.";
        let t = [
            tag(text, "Lyon", Coarse::Org),
            tag(text, "Brioche", Coarse::Per),
        ];
        let known = [place(text, "Lyon", EntityType::Place, Role::Name)];
        assert_eq!(
            spans(text, &join_adjacent(text, &t, &known)),
            [("Lyon Brioche".to_string(), Coarse::Org)]
        );
        // Near-misses: a place then a person, a country word, capitals only, a comma.
        for (text, a, ca, b, cb, cands) in [
            (
                "Kelby Ty Moss scored twice.",
                "Kelby",
                Coarse::Loc,
                "Ty Moss",
                Coarse::Per,
                vec![],
            ),
            (
                "Norway Telecom grew.",
                "Norway",
                Coarse::Loc,
                "Telecom",
                Coarse::Org,
                vec![("Norway", EntityType::Country)],
            ),
            (
                "DETROIT CHICAGO",
                "DETROIT",
                Coarse::Loc,
                "CHICAGO",
                Coarse::Org,
                vec![],
            ),
            (
                "In Maple, Ridge Club met.",
                "Maple",
                Coarse::Loc,
                "Ridge Club",
                Coarse::Org,
                vec![],
            ),
        ] {
            let t = [tag(text, a, ca), tag(text, b, cb)];
            let cands: Vec<Cand> = cands
                .into_iter()
                .map(|(w, ty)| place(text, w, ty, Role::Name))
                .collect();
            assert_eq!(join_adjacent(text, &t, &cands).len(), 2, "{text}");
        }
    }

    #[test]
    fn a_miscellaneous_word_then_an_organisation_is_one_organisation() {
        let text = "Shares in the Kessel Marlow Composite Index fell.";
        let t = [
            tag(text, "Kessel", Coarse::Misc),
            tag(text, "Marlow Composite Index", Coarse::Org),
        ];
        assert_eq!(
            spans(text, &join_adjacent(text, &t, &[])),
            [("Kessel Marlow Composite Index".to_string(), Coarse::Org)]
        );
        // Near-miss: an adjective before a company.
        let text = "The Kessel-based Marlow Systems grew.";
        let t = [
            tag(text, "Kessel-based", Coarse::Misc),
            tag(text, "Marlow Systems", Coarse::Org),
        ];
        assert_eq!(join_adjacent(text, &t, &[]).len(), 2);
    }

    #[test]
    fn ordinals_are_no_names() {
        for w in ["3rd", "21st", "2nd", "100th", "11TH"] {
            assert!(is_ordinal(w), "{w}");
        }
        for w in ["3", "rd", "3rds", "Third", "B2nd", "4x4"] {
            assert!(!is_ordinal(w), "{w}");
        }
        let text = "The 3rd model sold well.";
        let (out, _) = merge(text, Vec::new(), &[tag(text, "3rd", Coarse::Misc)]);
        assert!(out.is_empty());
    }

    #[test]
    fn a_common_word_capitalised_by_its_place_is_no_name() {
        let dropped = |text: &str, word: &str| {
            let start = text.find(word).expect("word in text");
            let t = Tagged {
                start,
                end: start + word.len(),
                coarse: Coarse::Org,
            };
            merge(text, Vec::new(), &[t]).0.is_empty()
        };
        // Written in lower case elsewhere, never capitalised inside a sentence.
        assert!(dropped(
            "Careful drivers pay less. Careful habits are careful choices.",
            "Careful"
        ));
        assert!(dropped(
            "Rates rose.\n“Steady gains are steady work.",
            "Steady"
        ));
        // A name keeps its capital inside a sentence too.
        assert!(!dropped(
            "Thrive raised prices. Buyers left Thrive, though thrive they did.",
            "Thrive"
        ));
        // Never written in lower case: a name.
        assert!(!dropped("Vantor raised prices.", "Vantor"));
        // Not at the start of a sentence; or more than one word.
        assert!(!dropped(
            "Prices at Careful rose, careful buyers said.",
            "Careful"
        ));
        assert!(!dropped(
            "Careful Homes rose. careful buyers stayed.",
            "Careful Homes"
        ));
    }

    #[test]
    fn fine_types_from_words() {
        assert_eq!(
            fine_type("Zorvia Ministry of Fisheries", Coarse::Org),
            EntityType::GovernmentBody
        );
        assert_eq!(
            fine_type("Kelmarsh Shipping Lines", Coarse::Org),
            EntityType::Company
        );
        assert_eq!(
            fine_type("Halvorsen Institute", Coarse::Org),
            EntityType::ThinkTank
        );
        assert_eq!(
            fine_type("Ostrava Treaty", Coarse::Misc),
            EntityType::Agreement
        );
        assert_eq!(fine_type("Leicestershire", Coarse::Org), EntityType::Other);
        assert_eq!(fine_type("Ana Kovac", Coarse::Per), EntityType::Person);
    }
}
