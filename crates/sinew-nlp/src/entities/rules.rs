//! Rules that find names no list can hold: government bodies named after their country,
//! agreements named by what they do, and institutes, universities, ministries and companies
//! named by a capitalised phrase with a telling head word.

use sinew_types::EntityType;

use super::gazetteer::GAZETTEER;
use super::tokens::{is_space, Token};
use super::{ByEnd, Cand, Role};

/// Body phrases that follow a country word ("Russia's" + "Defense Ministry"): phrase, key for
/// the canonical name, and whether the phrase must be capitalised as written.
const BODIES: &[(&str, &str, bool)] = &[
    ("State Department", "foreign", true),
    ("Department of State", "foreign", true),
    ("Foreign Ministry", "foreign", true),
    ("Ministry of Foreign Affairs", "foreign", true),
    ("Foreign Affairs Ministry", "foreign", true),
    ("Foreign Office", "foreign", true),
    ("Defense Department", "defense", true),
    ("Defence Department", "defense", true),
    ("Department of Defense", "defense", true),
    ("Department of Defence", "defense", true),
    ("Defense Ministry", "defense", true),
    ("Defence Ministry", "defense", true),
    ("Ministry of Defense", "defense", true),
    ("Ministry of Defence", "defense", true),
    ("Pentagon", "defense", true),
    ("Commerce Department", "commerce", true),
    ("Department of Commerce", "commerce", true),
    ("Commerce Ministry", "commerce", true),
    ("Ministry of Commerce", "commerce", true),
    ("Trade Ministry", "trade", true),
    ("Ministry of Trade", "trade", true),
    ("Ministry of Industry and Trade", "industry", true),
    ("Treasury", "treasury", true),
    ("Treasury Department", "treasury", true),
    ("Department of the Treasury", "treasury", true),
    ("Finance Ministry", "treasury", true),
    ("Ministry of Finance", "treasury", true),
    ("Justice Department", "justice", true),
    ("Department of Justice", "justice", true),
    ("Justice Ministry", "justice", true),
    ("Ministry of Justice", "justice", true),
    ("Energy Department", "energy", true),
    ("Department of Energy", "energy", true),
    ("Energy Ministry", "energy", true),
    ("Ministry of Energy", "energy", true),
    ("Interior Ministry", "interior", true),
    ("Ministry of Interior", "interior", true),
    ("Ministry of the Interior", "interior", true),
    ("Ministry of Internal Affairs", "interior", true),
    ("Economy Ministry", "economy", true),
    ("Ministry of Economy", "economy", true),
    ("Ministry of Economic Development", "economy", true),
    ("Unification Ministry", "unification", true),
    ("Ministry of Unification", "unification", true),
    ("General Customs Administration", "customs", true),
    ("General Administration of Customs", "customs", true),
    ("Customs Administration", "customs", true),
    ("Federal Customs Service", "customs", true),
    ("Customs Service", "customs", true),
    ("customs", "customs", false),
    ("Security Council", "security", true),
    ("National Security Council", "security", true),
    ("Joint Chiefs of Staff", "jcs", true),
    ("army", "army", false),
    ("navy", "navy", false),
    ("air force", "airforce", false),
    ("armed forces", "forces", false),
    ("forces", "forces", false),
    ("government", "government", false),
    ("embassy", "embassy", false),
    ("parliament", "parliament", false),
    ("Congress", "congress", true),
    ("Senate", "senate", true),
    ("central bank", "bank", false),
    ("coast guard", "coastguard", false),
    ("intelligence", "intelligence", false),
    ("Presidential Office", "presidency", true),
];

/// The canonical body name for a key, in the form the country itself uses.
fn body_name(key: &str, country: &str) -> &'static str {
    let us = country == "United States";
    match key {
        "foreign" if us => "State Department",
        "foreign" if country == "United Kingdom" => "Foreign Office",
        "foreign" => "Ministry of Foreign Affairs",
        "defense" if us => "Department of Defense",
        "defense" => "Ministry of Defense",
        "commerce" if us => "Department of Commerce",
        "commerce" => "Ministry of Commerce",
        "trade" => "Ministry of Trade",
        "industry" => "Ministry of Industry and Trade",
        "treasury" if us => "Treasury Department",
        "treasury" => "Ministry of Finance",
        "justice" if us => "Department of Justice",
        "justice" => "Ministry of Justice",
        "energy" if us => "Department of Energy",
        "energy" => "Ministry of Energy",
        "interior" => "Ministry of Interior",
        "economy" => "Ministry of Economy",
        "unification" => "Ministry of Unification",
        "customs" if us => "Customs and Border Protection",
        "customs" => "General Administration of Customs",
        "security" if us => "National Security Council",
        "security" => "Security Council",
        "jcs" => "Joint Chiefs of Staff",
        "army" => "Army",
        "navy" => "Navy",
        "airforce" => "Air Force",
        "forces" => "Armed Forces",
        "government" => "government",
        "embassy" => "Embassy",
        "parliament" if us => "Congress",
        "parliament" => "Parliament",
        "congress" => "Congress",
        "senate" => "Senate",
        "bank" if us => "Federal Reserve",
        "bank" => "Central Bank",
        "coastguard" => "Coast Guard",
        "intelligence" => "intelligence services",
        _ => "Presidential Office",
    }
}

fn next_is_word_char(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Government bodies named after their country: "Russia's Defense Ministry", "the Russian
/// Ministry of Defense", "US State Department", "China's General Customs Administration".
pub(crate) fn bodies(text: &str, cands: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    for c in cands.iter().filter(|c| c.is_country_word()) {
        let after = c.end + c.poss;
        let rest = &text[after..];
        let pos = after + (rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len());
        if pos == after {
            continue;
        }
        let mut best: Option<(&str, &str)> = None;
        for &(phrase, key, proper) in BODIES {
            let Some(found) = text.get(pos..pos + phrase.len()) else {
                continue;
            };
            if !found.eq_ignore_ascii_case(phrase) || next_is_word_char(text, pos + phrase.len()) {
                continue;
            }
            let first_ok = !proper || found.chars().next().is_some_and(char::is_uppercase);
            // Rest of a proper phrase: as written, or the whole phrase in ALL CAPS.
            let case_ok = !proper || found == phrase || found == phrase.to_uppercase();
            if first_ok && case_ok && best.is_none_or(|(p, _)| phrase.len() > p.len()) {
                best = Some((phrase, key));
            }
        }
        let Some((phrase, key)) = best else { continue };
        let country = c.canonical.as_str();
        let adj = GAZETTEER.adjective(country).unwrap_or(country);
        let end = pos + phrase.len();
        out.push(Cand {
            start: c.start,
            end,
            poss: super::gazetteer::possessive_len(text, end),
            // A country's army, navy or forces is an armed force, the KB's type for them.
            ty: match key {
                "army" | "navy" | "airforce" | "forces" => EntityType::ArmedForce,
                _ => EntityType::GovernmentBody,
            },
            canonical: format!("{adj} {}", body_name(key, country)),
            country: Some(country.to_string()),
            role: Role::Plain,
            prio: 3,
        });
    }
    out
}

const AGREEMENT_HEADS: &[&str] = &[
    "agreement",
    "agreements",
    "pact",
    "pacts",
    "treaty",
    "treaties",
    "partnership",
    "partnerships",
    "accord",
    "accords",
    "memorandum",
    "alliance",
    "alliances",
];

/// Words that say what an agreement is about; "the agreement" alone is no mention.
const MODIFIERS: &[&str] = &[
    "mutual",
    "assistance",
    "aid",
    "defense",
    "defence",
    "security",
    "military",
    "strategic",
    "comprehensive",
    "no-limits",
    "free",
    "trade",
    "free-trade",
    "nuclear",
    "peace",
    "ceasefire",
    "cease-fire",
    "armistice",
    "arms",
    "control",
    "arms-control",
    "non-aggression",
    "nonaggression",
    "friendship",
    "cooperation",
    "co-operation",
    "economic",
    "investment",
    "energy",
    "gas",
    "grain",
    "technology",
    "intelligence-sharing",
    "association",
    "partnership",
    "supply",
    "export",
    "limits",
];

/// Known modifiers a quoted phrase may start with: "“mutual assistance in case of external
/// aggression” agreement" is the "mutual assistance agreement".
const QUOTED_PREFIXES: &[&str] = &[
    "mutual assistance",
    "mutual defense",
    "mutual defence",
    "mutual aid",
    "no limits",
    "comprehensive strategic",
    "strategic",
    "friendship",
];

fn singular(head: &str) -> String {
    let h = head.to_lowercase();
    match h.as_str() {
        "treaties" => "treaty".to_string(),
        "alliances" | "agreements" | "pacts" | "partnerships" | "accords" => {
            h[..h.len() - 1].to_string()
        }
        _ => h,
    }
}

fn title_case(word: &str) -> String {
    let mut cs = word.chars();
    match cs.next() {
        Some(f) => f
            .to_uppercase()
            .chain(cs.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

fn agreement(start: usize, end: usize, canonical: String, prio: u8) -> Cand {
    Cand {
        start,
        end,
        poss: 0,
        ty: EntityType::Agreement,
        canonical,
        country: None,
        role: Role::Plain,
        prio,
    }
}

/// A quoted phrase right before `head_start`: (open quote offset, inner text).
fn quoted_before(text: &str, head_start: usize) -> Option<(usize, &str)> {
    let before = text[..head_start].trim_end_matches([' ', '\u{a0}']);
    let close = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '\'' | '’' | '”' | '"'))?;
    let inner_end = before.len() - close.len_utf8();
    let window_start = inner_end.saturating_sub(120);
    let window_start = (window_start..=inner_end).find(|&i| text.is_char_boundary(i))?;
    let window = &text[window_start..inner_end];
    let (open_at, open) = window
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '\'' | '‘' | '“' | '"'))?;
    let inner = &window[open_at + open.len_utf8()..];
    let words = inner.split_whitespace().count();
    if inner.contains('\n') || !(1..=10).contains(&words) || inner.trim() != inner {
        return None;
    }
    // A straight apostrophe opens a quote only at a word start.
    if open == '\''
        && text[..window_start + open_at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    Some((window_start + open_at, inner))
}

/// Agreements: "'no limits' partnership", "mutual assistance agreement", "defense pact",
/// "Russia-North Korea Defense Pact", "comprehensive strategic partnership".
pub(crate) fn agreements(
    text: &str,
    toks: &[Token<'_>],
    cands: &[Cand],
    by_end: &ByEnd,
) -> Vec<Cand> {
    let mut out = Vec::new();
    for (h, head) in toks.iter().enumerate() {
        let head_lower = head.lower();
        if !AGREEMENT_HEADS.contains(&head_lower.as_str()) {
            continue;
        }
        let head_word = singular(&head_lower);
        if let Some((open, inner)) = quoted_before(text, head.start) {
            let norm = inner.to_lowercase().replace("no-limits", "no limits");
            let norm = sinew_types::text::squash(&norm);
            let modifier = QUOTED_PREFIXES
                .iter()
                .find(|p| norm.starts_with(*p) && !next_is_word_char(&norm, p.len()))
                .map_or(norm.as_str(), |p| *p);
            out.push(agreement(
                open,
                head.end,
                format!("{modifier} {head_word}"),
                3,
            ));
            continue;
        }
        let mut first = h;
        while first > 0 {
            let t = &toks[first - 1];
            let gap_ok = is_space(text, t.full_end(), toks[first].start) && t.poss == 0;
            let no_limits = t.lower() == "no" && toks[first].lower() == "limits";
            if !gap_ok || !(no_limits || MODIFIERS.contains(&t.lower().as_str())) {
                break;
            }
            first -= 1;
        }
        if first == h || (first + 1 == h && toks[first].lower() == "partnership") {
            continue;
        }
        let mods: Vec<String> = toks[first..h].iter().map(|t| t.lower()).collect();
        let start = toks[first].start;
        // Country compounds before the modifiers: "Russia-North Korea defense pact".
        let mut countries: Vec<&Cand> = Vec::new();
        let mut at = text[..start].trim_end_matches(' ').len();
        if at < start {
            while let Some(c) = by_end.get(&at).and_then(|ix| {
                ix.iter()
                    .map(|&i| &cands[i])
                    .find(|c| c.end == at && c.ty == EntityType::Country && c.role == Role::Name)
            }) {
                countries.push(c);
                if text[..c.start].ends_with('-') {
                    at = c.start - 1;
                } else {
                    break;
                }
            }
        }
        if countries.len() >= 2 {
            countries.reverse();
            let names: Vec<&str> = countries.iter().map(|c| c.canonical.as_str()).collect();
            let words: Vec<String> = mods.iter().map(|m| title_case(m)).collect();
            let canonical = format!(
                "{} {} {}",
                names.join("-"),
                words.join(" "),
                title_case(&head_word)
            );
            out.push(agreement(countries[0].start, head.end, canonical, 3));
        } else {
            let canonical = format!(
                "{} {head_word}",
                mods.join(" ").replace("no-limits", "no limits")
            );
            out.push(agreement(start, head.end, canonical, 3));
        }
    }
    out
}

/// Lower-case words allowed inside a capitalised name ("Institute for the Study of War").
const CONNECTORS: &[&str] = &[
    "of", "for", "on", "and", "the", "de", "du", "des", "la", "le", "van", "von", "der", "y", "&",
];

/// Capitalised words that start sentences or headings but begin no name.
pub(crate) fn is_stop(lower: &str) -> bool {
    const STOP: &[&str] = &[
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "if",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "of",
        "as",
        "this",
        "that",
        "these",
        "those",
        "however",
        "meanwhile",
        "moreover",
        "furthermore",
        "although",
        "though",
        "while",
        "when",
        "where",
        "after",
        "before",
        "since",
        "during",
        "despite",
        "according",
        "under",
        "over",
        "last",
        "next",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "there",
        "here",
        "what",
        "which",
        "who",
        "why",
        "how",
        "all",
        "some",
        "many",
        "most",
        "few",
        "both",
        "each",
        "every",
        "such",
        "no",
        "not",
        "so",
        "then",
        "also",
        "still",
        "yet",
        "even",
        "just",
        "only",
        "new",
        "former",
        "other",
        "another",
        "thanks",
        "between",
        "among",
        "via",
        "into",
        "through",
        "about",
        "against",
        "without",
        "within",
        "home",
        "source",
        "subscribe",
        "join",
        "follow",
        "read",
        "click",
        "share",
        "introduction",
        "conclusion",
        "summary",
        "specifically",
        "additionally",
        "overall",
        "historically",
        "currently",
        "similar",
        "unlike",
        "like",
        "whether",
        "because",
        "until",
        "once",
        "mr",
        "mrs",
        "ms",
        "dear",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    STOP.contains(&lower)
}

/// Maximal runs of capitalised tokens (with inner connectors), split at line breaks,
/// punctuation and possessives. Returns token index ranges.
pub(crate) fn capitalised_runs(text: &str, toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_cap() {
            i += 1;
            continue;
        }
        let mut j = i + 1; // exclusive end
        let mut last_cap = i;
        while j < toks.len()
            && toks[j - 1].poss == 0
            && is_space(text, toks[j - 1].end, toks[j].start)
        {
            if toks[j].is_cap() {
                last_cap = j;
            } else if !CONNECTORS.contains(&toks[j].text) {
                break;
            }
            j += 1;
        }
        runs.push((i, last_cap + 1));
        i = last_cap + 1;
    }
    runs
}

fn has_head(toks: &[Token<'_>]) -> bool {
    toks.iter()
        .any(|t| head_kind(t.text.rsplit('-').next().unwrap_or(t.text)).is_some())
}

/// Splits a capitalised run at "and" into separate names ("Yonsei University and the
/// University of Tokyo"), except inside a name whose head comes first and whose second half
/// has no head of its own ("Center for Strategic and International Studies").
fn split_at_and(toks: &[Token<'_>], (a, b): (usize, usize)) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = a;
    for (k, t) in toks.iter().enumerate().take(b).skip(a) {
        if t.text == "and" || t.text == "&" {
            parts.push((start, k));
            start = k + 1;
        }
    }
    parts.push((start, b));
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in parts {
        if let Some(last) = out.last_mut() {
            let prev = &toks[last.0..last.1];
            let head_first = prev
                .windows(2)
                .any(|w| head_kind(w[0].text).is_some() && CONNECTORS.contains(&w[1].text));
            let ends_in_head = prev.last().is_some_and(|t| head_kind(t.text).is_some());
            if head_first && !ends_in_head && !has_head(&toks[s..e]) {
                last.1 = e;
                continue;
            }
        }
        out.push((s, e));
    }
    out
}

enum Head {
    Org(EntityType),
    Agreement,
}

fn head_kind(word: &str) -> Option<Head> {
    use EntityType::*;
    Some(match word {
        "University" | "Universiteit" | "Université" | "Universität" | "College" | "Institute"
        | "Institution" | "Center" | "Centre" | "Endowment" | "Foundation" | "Academy"
        | "School" | "Laboratory" => Head::Org(ThinkTank),
        "Ministry" | "Department" | "Agency" | "Bureau" | "Administration" | "Directorate"
        | "Commission" | "Service" => Head::Org(GovernmentBody),
        "Corporation" | "Corp" | "Inc" | "Ltd" | "LLC" | "PLC" | "Holdings" | "Industries"
        | "Airlines" | "Motors" | "Technologies" | "Group" => Head::Org(Company),
        w if SUFFIX_HEADS.contains(&w) => Head::Org(Company),
        "Agreement" | "Agreements" | "Accord" | "Accords" | "Treaty" | "Pact" | "Memorandum"
        | "Convention" => Head::Agreement,
        _ => return None,
    })
}

/// Words that make a company's name only as its last word ("A. O. Smith Water Products
/// Co.", "Palo Alto Networks", "Ubiquitous Energy"): inside a longer name they are its
/// subject ("International Energy Agency", "Institute for Energy Research").
const SUFFIX_HEADS: &[&str] = &[
    "Co",
    "Networks",
    "Network",
    "Energy",
    "Labs",
    "Systems",
    "Software",
    "Semiconductor",
    "Pharmaceuticals",
    "Therapeutics",
    "Biosciences",
    "Bancorp",
    "Brands",
];

/// Abbreviated designators whose period belongs to the name ("Co.", "Inc.").
const ABBREVIATED_HEADS: &[&str] = &["Co", "Inc", "Corp", "Ltd", "Bros"];

/// [`capitalised_runs`], with runs that an initial's period cut apart joined again: "A. O.
/// Smith Water Products" is one run, not "A", "O" and "Smith Water Products".
fn runs_across_initials(text: &str, toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (a, b) in capitalised_runs(text, toks) {
        if let Some(last) = out.last_mut() {
            let t = &toks[last.1 - 1];
            let initial = t.text.chars().count() == 1 && t.is_cap();
            let gap = &text[t.end..toks[a].start];
            if last.1 == a && initial && gap.starts_with(". ") && gap.len() == 2 {
                last.1 = b;
                continue;
            }
        }
        out.push((a, b));
    }
    out
}

/// Names built from capitalised words and a head word: "Kookmin University", "Institute for
/// Korean Studies", "Federal Customs Service", "Treaty of Versailles".
pub(crate) fn capitalised_orgs(text: &str, toks: &[Token<'_>], cands: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut inside = cands
        .iter()
        .filter(|c| c.country.is_some())
        .collect::<Vec<_>>();
    inside.sort_by_key(|c| c.start);
    for (a, b) in runs_across_initials(text, toks)
        .into_iter()
        .flat_map(|r| split_at_and(toks, r))
    {
        let mut a = a;
        // "A. O. Smith": an initial is no article.
        while a < b && is_stop(&toks[a].lower()) && !text[toks[a].end..].starts_with(". ") {
            a += 1;
        }
        // "Minneapolis-based First Bank System Inc.": a word ending in a lower-case part
        // describes the name that follows.
        while a < b
            && toks[a]
                .text
                .rsplit('-')
                .next()
                .is_some_and(|p| p.starts_with(char::is_lowercase))
        {
            a += 1;
        }
        if b - a < 2 {
            continue;
        }
        let run = &toks[a..b];
        let Some((h, head)) = run.iter().enumerate().find_map(|(k, t)| {
            let last_part = t.text.rsplit('-').next().unwrap_or(t.text);
            // A suffix head counts only as the run's last word.
            if SUFFIX_HEADS.contains(&last_part) && k + 1 < run.len() {
                return None;
            }
            head_kind(last_part).map(|hd| (k, hd))
        }) else {
            continue;
        };
        let head_first = h + 1 < run.len() && CONNECTORS.contains(&run[h + 1].text);
        let (end_idx, ty) = match head {
            Head::Agreement if h + 1 == run.len() || head_first => {
                (run.len() - 1, EntityType::Agreement)
            }
            Head::Agreement => continue,
            Head::Org(EntityType::Company) if h == 0 || head_first => continue,
            Head::Org(ty) if head_first => (run.len() - 1, ty),
            Head::Org(_) if h == 0 => continue,
            Head::Org(ty) => (h, ty),
        };
        let start = run[0].start;
        let mut end = run[end_idx].end;
        // "Co." and "Inc." keep their period, as the tagger's spans do.
        if ABBREVIATED_HEADS.contains(&run[end_idx].text) && text[end..].starts_with('.') {
            end += 1;
        }
        let name = &text[start..end];
        let lo = inside.partition_point(|c| c.start < start);
        let country = inside[lo..]
            .iter()
            .take_while(|c| c.end <= end || c.start < end)
            .find(|c| c.end <= end)
            .and_then(|c| c.country.clone());
        let ty = if ty == EntityType::GovernmentBody && run.iter().any(|t| t.text == "News") {
            EntityType::Media
        } else {
            ty
        };
        out.push(Cand {
            start,
            end,
            poss: run[end_idx].poss,
            ty,
            canonical: name.to_string(),
            country,
            role: Role::Plain,
            prio: 1,
        });
    }
    out
}
