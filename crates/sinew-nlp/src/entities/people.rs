//! People: listed leaders come from the gazetteer; others are recognised by a title before a
//! capitalised name ("Defense Minister Shin Won-sik"), or by a 2-4 word name next to a speech
//! verb, an appositive or "according to" ("Fyodor Tertitskiy said", "Daniel Salisbury, a
//! fellow"). Then surnames are linked to the full names of the same document.

use std::collections::{BTreeMap, HashMap};

use sinew_types::EntityType;

use super::gazetteer::GAZETTEER;
use super::rules::{capitalised_runs, is_stop};
use super::tokens::{is_space, Token};
use super::{ByEnd, Cand, Role};

/// Title words that name a role.
const CORE_TITLES: &[&str] = &[
    "president",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "undersecretary",
    "secretary-general",
    "general",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "professor",
    "prof",
    "dr",
    "gen",
    "adm",
    "admiral",
    "colonel",
    "col",
    "lt",
    "lieutenant",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "director",
    "commissioner",
    "analyst",
    "researcher",
    "adviser",
    "advisor",
    "ayatollah",
    "marshal",
    "mr",
    "mrs",
    "ms",
    "sir",
    "lord",
    "dame",
    "ceo",
    "attorney",
    "speaker",
    "lawmaker",
    "economist",
    "historian",
    "commander",
    "diplomat",
    "correspondent",
    "scholar",
    "fellow",
    "journalist",
    "editor",
    "author",
];

/// Words that may stand in a title before its core word ("Deputy Foreign Minister").
const TITLE_MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "assistant",
    "foreign",
    "defense",
    "defence",
    "national",
    "security",
    "supreme",
    "senior",
    "executive",
    "first",
    "high",
    "prime",
    "under",
    "chief",
    "acting",
    "special",
    "trade",
    "finance",
    "interior",
    "economy",
    "unification",
    "principal",
];

/// Departments after "of" in a title ("Secretary of State", "Minister of Foreign Affairs").
const DEPARTMENTS: &[&str] = &[
    "State",
    "Defense",
    "Defence",
    "Treasury",
    "the",
    "Foreign",
    "Affairs",
    "Commerce",
    "Energy",
    "Homeland",
    "Security",
    "Justice",
    "Finance",
    "Trade",
    "Interior",
    "Economy",
    "Unification",
    "National",
    "Intelligence",
    "Staff",
];

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "adds",
    "argued",
    "argues",
    "noted",
    "notes",
    "warned",
    "warns",
    "explained",
    "explains",
    "stated",
    "declared",
    "claimed",
    "believes",
    "thinks",
    "observed",
    "commented",
    "emphasized",
    "emphasised",
    "stressed",
    "suggested",
    "insisted",
    "acknowledged",
    "admitted",
    "asked",
    "replied",
    "concluded",
    "predicted",
    "cautioned",
    "estimated",
    "highlighted",
    "summarized",
    "summarised",
    "summarizes",
    "analyzes",
    "analyses",
    "denounced",
    "tweeted",
    "posted",
    "confirmed",
    "announced",
    "recalled",
    "contended",
];

/// Words right after "Name, " that open an appositive about a person.
const APPOSITIVE: &[&str] = &[
    "a",
    "an",
    "the",
    "who",
    "whose",
    "of",
    "from",
    "at",
    "director",
    "professor",
    "head",
    "senior",
    "former",
    "chief",
    "deputy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Capitalised words that end or make up names of things, never of people.
const THING_WORDS: &[&str] = &[
    "Square",
    "Street",
    "Avenue",
    "Road",
    "River",
    "Mountain",
    "Mountains",
    "Island",
    "Islands",
    "Bay",
    "Lake",
    "Sea",
    "Ocean",
    "Park",
    "Bridge",
    "Airport",
    "Station",
    "Port",
    "Palace",
    "Hall",
    "Tower",
    "Building",
    "Stadium",
    "Party",
    "Army",
    "Forces",
    "Force",
    "Navy",
    "Council",
    "Committee",
    "Club",
    "Summit",
    "Forum",
    "War",
    "Conference",
    "Games",
    "Cup",
    "Festival",
    "Day",
    "Times",
    "Post",
    "News",
    "Journal",
    "Daily",
    "Report",
    "Review",
    "Index",
    "Fund",
    "Bank",
    "Exchange",
    "Express",
    "Initiative",
    "Program",
    "Programme",
    "Project",
    "Plan",
    "Strategy",
    "Act",
    "Law",
    "Code",
    "University",
    "Institute",
    "Center",
    "Centre",
    "College",
    "School",
    "Foundation",
    "Endowment",
    "Ministry",
    "Department",
    "Agency",
    "Administration",
    "Service",
    "Office",
    "Bureau",
    "Group",
    "Corporation",
    "Company",
    "Agreement",
    "Treaty",
    "Pact",
    "Alliance",
    "Partnership",
    "Accord",
    "Region",
    "Province",
    "State",
    "States",
    "Republic",
    "Kingdom",
    "Union",
    "Government",
    "Customs",
    "Security",
    "Defense",
    "Defence",
    "Affairs",
    "Studies",
    "Economics",
    "International",
    "National",
    "Global",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Central",
    "Featured",
    "Politics",
    "Implications",
    "Role",
    "Crisis",
    "Concerns",
    "Supply",
];

/// Family names written first in Chinese, Korean and Vietnamese names.
const EAST_ASIAN_SURNAMES: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Choe", "Shin", "Yoon", "Moon", "Jung", "Jeong", "Kang", "Cho",
    "Jang", "Lim", "Han", "Oh", "Seo", "Kwon", "Hwang", "Ahn", "Song", "Hong", "Ri", "Pak", "Xi",
    "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma",
    "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Tang", "Feng", "Deng", "Cao",
    "Peng", "Zeng", "Xiao", "Tian", "Dong", "Yuan", "Pan", "Cai", "Jiang", "Yu", "Du", "Ye",
    "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Qin", "Mao", "Jin", "Kong", "Bai",
    "Cui", "Nguyen", "Tran", "Le", "Pham", "Vo",
];

const EAST_ASIAN_COUNTRIES: &[&str] = &[
    "China",
    "Taiwan",
    "North Korea",
    "South Korea",
    "Vietnam",
    "Singapore",
];

fn is_title_word(lower: &str) -> bool {
    CORE_TITLES.contains(&lower) || TITLE_MODIFIERS.contains(&lower)
}

/// Can this token be part of a person's name?
fn name_token(t: &Token<'_>, blocked: bool) -> bool {
    if !t.is_title() || blocked {
        return false;
    }
    let lower = t.lower();
    !is_stop(&lower) && !is_title_word(&lower) && !THING_WORDS.contains(&t.text)
}

/// Per token: does a mention other than a person cover it?
fn blocked_tokens(toks: &[Token<'_>], cands: &[Cand]) -> Vec<bool> {
    let mut blocked = vec![false; toks.len()];
    for c in cands.iter().filter(|c| c.ty != EntityType::Person) {
        let mut i = toks.partition_point(|t| t.end <= c.start);
        while i < toks.len() && toks[i].start < c.end {
            blocked[i] = true;
            i += 1;
        }
    }
    blocked
}

fn person(text: &str, start: usize, end: usize, poss: usize, country: Option<String>) -> Cand {
    let name = &text[start..end];
    let listed = GAZETTEER.person(name);
    let (canonical, country) = match listed {
        Some(e) => (e.canonical.clone(), e.country.clone().or(country)),
        None => (name.to_string(), country),
    };
    Cand {
        start,
        end,
        poss,
        ty: EntityType::Person,
        canonical,
        country,
        role: Role::Plain,
        prio: 1,
    }
}

/// The country a title speaks for: a country word or body right before it ("South Korea's
/// Defense Minister", "State Department spokesman").
fn country_before(text: &str, at: usize, cands: &[Cand], by_end: &ByEnd) -> Option<String> {
    let end = text[..at].trim_end_matches(' ').len();
    if end == at {
        return None;
    }
    by_end.get(&end)?.iter().map(|&i| &cands[i]).find_map(|c| {
        let fits = c.ty == EntityType::Country && c.role != Role::Plain
            || c.ty == EntityType::GovernmentBody;
        fits.then(|| c.country.clone()).flatten()
    })
}

/// Person candidates from titles and speech cues.
pub(crate) fn find(text: &str, toks: &[Token<'_>], cands: &[Cand], by_end: &ByEnd) -> Vec<Cand> {
    let blocked = blocked_tokens(toks, cands);
    let mut out = Vec::new();
    // Titles.
    let mut i = 0;
    while i < toks.len() {
        if !is_title_word(&toks[i].lower()) {
            i += 1;
            continue;
        }
        let chain_start = i;
        let mut j = i;
        let mut has_core = false;
        while j < toks.len() {
            let lower = toks[j].lower();
            if j > chain_start
                && (toks[j - 1].poss > 0 || !is_space(text, toks[j - 1].end, toks[j].start))
            {
                break;
            }
            if is_title_word(&lower) {
                has_core |= CORE_TITLES.contains(&lower.as_str());
                j += 1;
            } else if lower == "of"
                && has_core
                && toks
                    .get(j + 1)
                    .is_some_and(|t| DEPARTMENTS.contains(&t.text))
            {
                j += 2;
                while j < toks.len()
                    && DEPARTMENTS.contains(&toks[j].text)
                    && is_space(text, toks[j - 1].end, toks[j].start)
                {
                    j += 1;
                }
            } else {
                break;
            }
        }
        if !has_core
            || j >= toks.len()
            || j == chain_start
            || toks[j - 1].poss > 0
            || !is_space(text, toks[j - 1].end, toks[j].start)
        {
            i = j.max(i + 1);
            continue;
        }
        let mut k = j;
        while k < toks.len() && k - j < 4 && name_token(&toks[k], blocked[k]) {
            if k > j && (toks[k - 1].poss > 0 || !is_space(text, toks[k - 1].end, toks[k].start)) {
                break;
            }
            k += 1;
        }
        if k > j {
            let country = country_before(text, toks[chain_start].start, cands, by_end);
            let mut c = person(
                text,
                toks[j].start,
                toks[k - 1].end,
                toks[k - 1].poss,
                country,
            );
            if k - j == 1 && c.canonical == toks[j].text {
                if let Some(e) = GAZETTEER.person(toks[j].text) {
                    c.canonical = e.canonical.clone();
                    c.country = e.country.clone().or(c.country);
                }
            }
            out.push(c);
        }
        i = k.max(j).max(i + 1);
    }
    // Speech verbs, appositives and "according to".
    for (a, b) in capitalised_runs(text, toks) {
        let mut a = a;
        while a < b && (is_stop(&toks[a].lower()) || is_title_word(&toks[a].lower())) {
            a += 1;
        }
        let n = b.saturating_sub(a);
        if !(2..=4).contains(&n) || !(a..b).all(|k| name_token(&toks[k], blocked[k])) {
            continue;
        }
        if (a + 1..b).any(|k| !is_space(text, toks[k - 1].end, toks[k].start)) {
            continue;
        }
        let last = &toks[b - 1];
        let next = toks.get(b);
        let verb_after = last.poss == 0
            && next.is_some_and(|t| {
                is_space(text, last.end, t.start) && SPEECH_VERBS.contains(&t.text)
            });
        let appositive = last.poss == 0
            && next.is_some_and(|t| {
                let gap = text[last.end..t.start].trim_matches(' ');
                gap == "," && APPOSITIVE.contains(&t.text)
            });
        let before = a.checked_sub(1).map(|p| &toks[p]);
        let verb_before = before.is_some_and(|t| {
            is_space(text, t.end, toks[a].start)
                && (SPEECH_VERBS.contains(&t.text)
                    || t.text.eq_ignore_ascii_case("to")
                        && a >= 2
                        && toks[a - 2].text.eq_ignore_ascii_case("according"))
        });
        if verb_after || appositive || verb_before {
            out.push(person(text, toks[a].start, last.end, last.poss, None));
        }
    }
    out
}

struct FullName {
    start: usize,
    canonical: String,
    country: Option<String>,
}

/// Surname keys of a full name: the family name for East Asian names, else the last word and
/// (for three or more words) the last two ("Pacheco Pardo").
pub(crate) fn surname_keys(canonical: &str, country: Option<&str>) -> Vec<String> {
    let parts: Vec<&str> = canonical.split_whitespace().collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    let east_asian = EAST_ASIAN_SURNAMES.contains(&parts[0])
        && country.is_none_or(|c| EAST_ASIAN_COUNTRIES.contains(&c));
    if east_asian {
        return vec![parts[0].to_string()];
    }
    let mut keys = vec![parts[parts.len() - 1].to_string()];
    if parts.len() >= 3 {
        keys.push(parts[parts.len() - 2..].join(" "));
    }
    keys
}

/// Surname key -> full names carrying it, in document order. `chosen` is sorted by start.
fn surname_index(chosen: &[Cand]) -> HashMap<String, Vec<FullName>> {
    let mut keys: HashMap<String, Vec<FullName>> = HashMap::new();
    for c in chosen.iter().filter(|c| c.ty == EntityType::Person) {
        for k in surname_keys(&c.canonical, c.country.as_deref()) {
            keys.entry(k).or_default().push(FullName {
                start: c.start,
                canonical: c.canonical.clone(),
                country: c.country.clone(),
            });
        }
    }
    keys
}

/// Links later (or earlier) surnames to the full names of the same document: "Shin" ->
/// "Shin Won-sik", "Pacheco Pardo" -> "Ramón Pacheco Pardo".
pub(crate) fn link(text: &str, toks: &[Token<'_>], chosen: &mut Vec<Cand>) {
    let pick = |names: &[FullName], at: usize| -> (String, Option<String>) {
        let i = names.partition_point(|f| f.start < at);
        let f = if i > 0 { &names[i - 1] } else { &names[0] };
        (f.canonical.clone(), f.country.clone())
    };
    chosen.sort_by_key(|c| c.start);
    let mut keys = surname_index(chosen);
    if keys.is_empty() {
        return;
    }
    // People found by a title or cue under their surname ("Minister Shin", "says Pacheco
    // Pardo") take the full name; then the index is rebuilt without those short forms.
    let mut changed = false;
    for c in chosen.iter_mut().filter(|c| c.ty == EntityType::Person) {
        if let Some(names) = keys.get(&c.canonical) {
            (c.canonical, c.country) = pick(names, c.start);
            changed = true;
        }
    }
    if changed {
        keys = surname_index(chosen);
    }
    let mut taken: BTreeMap<usize, usize> = chosen.iter().map(|c| (c.start, c.end)).collect();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.is_title() {
            i += 1;
            continue;
        }
        let two = toks
            .get(i + 1)
            .filter(|n| t.poss == 0 && is_space(text, t.end, n.start) && n.start == t.end + 1);
        let (end_tok, names) =
            match two.and_then(|n| keys.get(&format!("{} {}", t.text, n.text)).map(|v| (n, v))) {
                Some((n, v)) => (n, v),
                None => match keys.get(t.text) {
                    Some(v) => (t, v),
                    None => {
                        i += 1;
                        continue;
                    }
                },
            };
        let (start, end) = (t.start, end_tok.end);
        if !super::overlaps_taken(&taken, start, end) {
            let (canonical, country) = pick(names, start);
            taken.insert(start, end);
            chosen.push(Cand {
                start,
                end,
                poss: end_tok.poss,
                ty: EntityType::Person,
                canonical,
                country,
                role: Role::Plain,
                prio: 0,
            });
        }
        i += if std::ptr::eq(end_tok, t) { 1 } else { 2 };
    }
}
