//! Within-document coreference: which later words refer to an entity already named, and what
//! country and sector each actor acts for ([`sector`]).
//!
//! Runs once on the finished mention list of one document and only adds to it (or relinks a
//! mention nothing had linked, whose canonical name is still its own text); every added
//! mention carries its antecedent's canonical name, id, type, country and sector, and never
//! overlaps another mention. A wrong link is worse than none, so every rule here would rather
//! miss:
//!
//! - **Short forms stay names** (`MentionKind::Name`), each only after its full form:
//!   - an acronym defined in parentheses right after an organisation whose capitalised words
//!     it spells ("Stockholm International Peace Research Institute (SIPRI)"), then every later
//!     "SIPRI";
//!   - a company, state enterprise or armed force without its legal or generic designators
//!     ("Rosneft" after "Rosneft Oil Company" or "PJSC Rosneft", "Wagner" after "Wagner
//!     Group"); a single remaining word must have three letters or more and not look like an
//!     adjective ("Islamic" of "Islamic Group");
//!   - a person's surname ("Belousov" after "Andrei Belousov"; the family name first for East
//!     Asian names, as `people::link` reads them), only when no other person of the document
//!     shares it.
//!
//!   An occurrence right after or before another capitalised word is part of another name
//!   ("Rosneft Trading", "Richard Wagner") and is left alone.
//! - **Nominals** (`MentionKind::Nominal`) are "the" + a head word, found only when exactly one
//!   compatible entity is named in the window: the same sentence and the two before it for a
//!   person, the one before it for anything else (two candidates is a guess, so no link; for
//!   "the company" any other organisation named in the window is a candidate too, since the
//!   tagger may not know it is a company):
//!   - "the minister", "the president", "the general", "the spokesperson", ... a person whose
//!     title in this document holds that word (and the nominal's modifiers: "the defence
//!     minister"); a deputy or vice title never matches a bare role, nor "prime" a bare
//!     "minister"; "the former president" is left alone. A country word narrows it: "the
//!     Russian president" (the nominal is then the words after the country's own mention);
//!   - "the company"/"the firm": a company or state enterprise; "the ministry"/"the
//!     department": a government body so named; "the alliance": NATO, AUKUS, CSTO and the like;
//!     "the bloc": the EU, ASEAN, BRICS and the like; "the regime": a country, sector `GOV`;
//!   - "the North"/"the South" (capitalised): North or South Korea, only in a Korean context:
//!     the Korea meant named within the last 3,000 bytes and the other Korea (or Seoul,
//!     Pyongyang) named earlier.
//!
//! Linear in the document: one pass over the tokens, each lookup bounded (a window of at
//! most [`MAX_WINDOW`] bytes and [`MAX_LOOKBACK`] mentions).

mod sector;

use std::collections::{BTreeMap, HashMap};

use sinew_types::{EntityType, Mention, MentionKind, Sector, Span};

use super::people::surname_keys;
use super::rules::is_stop;
use super::tokens::{is_space, tokenize, Token};
use sector::covering;

/// The farthest back (bytes) an antecedent of a nominal may be.
const MAX_WINDOW: usize = 1_500;
/// Sentences a nominal may look back over: its own and the two before it.
const WINDOW_SENTENCES: usize = 3;
/// The most mentions examined when looking back for an antecedent.
const MAX_LOOKBACK: usize = 64;
/// How far back "the North"/"the South" finds its Korea.
const KOREA_WINDOW: usize = 3_000;

/// Words that legal forms and generic nouns add to a company's or force's name.
const DESIGNATORS: &[&str] = &[
    "Company",
    "Co",
    "Corporation",
    "Corp",
    "Incorporated",
    "Inc",
    "Limited",
    "Ltd",
    "LLC",
    "PJSC",
    "JSC",
    "OJSC",
    "OAO",
    "PAO",
    "AO",
    "plc",
    "PLC",
    "AG",
    "SA",
    "GmbH",
    "NV",
    "Group",
    "Holding",
    "Holdings",
    "Oil",
    "Industries",
    "International",
];

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

/// Completes one document's mentions (sorted, non-overlapping): country and sector, short
/// forms, surnames and nominals. The list stays sorted and non-overlapping.
pub(crate) fn complete(text: &str, mentions: &mut Vec<Mention>) {
    if mentions.is_empty() {
        return;
    }
    mentions.sort_by_key(|m| m.span.start);
    let toks = tokenize(text);
    let roles = sector::assign(text, &toks, mentions);
    let mut taken: BTreeMap<usize, usize> = mentions
        .iter()
        .map(|m| (m.span.start, m.span.end))
        .collect();
    let added = short_forms(text, &toks, mentions, &mut taken);
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.span.start);
        sector::propagate(mentions);
    }
    let added = nominals(text, &toks, mentions, &roles, &mut taken);
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// A new mention of `ante`'s entity at `start..end`.
fn refer(text: &str, ante: &Mention, start: usize, end: usize, kind: MentionKind) -> Mention {
    Mention {
        span: Span::new(start, end),
        text: text[start..end].to_string(),
        entity_type: ante.entity_type,
        canonical: ante.canonical.clone(),
        id: ante.id.clone(),
        country: ante.country.clone(),
        coarse: ante.entity_type.coarse(),
        sector: ante.sector,
        kind,
    }
}

/// Copies `ante`'s entity onto `m`, keeping `m`'s words.
fn relink(m: &mut Mention, ante: &Mention) {
    let span = m.span;
    let text = std::mem::take(&mut m.text);
    *m = refer("", ante, 0, 0, MentionKind::Name);
    m.span = span;
    m.text = text;
}

/// Nothing linked this mention: its canonical name is its own words.
fn unlinked(m: &Mention) -> bool {
    m.kind == MentionKind::Name && m.canonical == m.text
}

/// The capitalised initials of a name ("Stockholm International Peace Research Institute" ->
/// "SIPRI"), and the initials of all its words.
fn initials(name: &str) -> (String, String) {
    let mut caps = String::new();
    let mut all = String::new();
    for w in name.split([' ', '-']).filter(|w| !w.is_empty()) {
        let Some(c) = w.chars().next() else { continue };
        all.extend(c.to_uppercase());
        if c.is_uppercase() {
            caps.push(c);
        }
    }
    (caps, all)
}

/// An acronym in parentheses right after `m` that spells its initials: its span.
fn defined_acronym(text: &str, m: &Mention) -> Option<(usize, usize)> {
    let rest = text[m.span.end..].strip_prefix(" (")?;
    let close = rest.char_indices().take(10).find(|&(_, c)| c == ')')?.0;
    let acr = &rest[..close];
    let well_formed = (2..=8).contains(&acr.len())
        && acr.starts_with(|c: char| c.is_ascii_uppercase())
        && acr
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&');
    let (caps, all) = initials(&m.text);
    (well_formed && (acr == caps || acr == all)).then(|| {
        let start = m.span.end + 2;
        (start, start + acr.len())
    })
}

/// A company's or force's name without its designators, if that leaves something.
fn stripped_name(name: &str) -> Option<Vec<&str>> {
    let mut words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let n = words.len();
    let is_designator = |w: &str| DESIGNATORS.contains(&w.trim_end_matches('.'));
    while words.first().is_some_and(|w| is_designator(w)) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| is_designator(w)) {
        words.pop();
    }
    if words.is_empty() || words.len() == n {
        return None;
    }
    let first = words[0];
    let lower = first.to_lowercase();
    // "Islamic" of "Islamic Group", "Russian" of "Russian Helicopters": an adjective alone
    // names nothing.
    let adjective = words.len() == 1
        && ["ic", "ical", "ian", "ean", "ese", "ish", "ist", "ern"]
            .iter()
            .any(|suffix| lower.ends_with(suffix));
    let shaped = first.starts_with(|c: char| c.is_uppercase())
        && !adjective
        && (words.len() > 1 || first.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        && !is_stop(&lower)
        && !sector::is_role(&lower);
    shaped.then_some(words)
}

/// A short form: its words, the mention it stands for, and where it may start being used.
struct ShortForm {
    words: Vec<String>,
    ante: usize,
    from: usize,
}

fn is_org_coarse(m: &Mention) -> bool {
    m.entity_type.coarse() == sinew_types::Coarse::Org
}

/// Short forms by first word.
type Forms = HashMap<String, Vec<ShortForm>>;

fn add_form(forms: &mut Forms, words: Vec<String>, ante: usize, from: usize) {
    if let Some(first) = words.first() {
        forms
            .entry(first.clone())
            .or_default()
            .push(ShortForm { words, ante, from });
    }
}

/// Acronyms, designator-free company names and surnames.
fn short_forms(
    text: &str,
    toks: &[Token<'_>],
    mentions: &mut [Mention],
    taken: &mut BTreeMap<usize, usize>,
) -> Vec<Mention> {
    let mut forms = Forms::new();
    // Surnames shared by two people of the document are ambiguous.
    let mut surname_owner: HashMap<String, Option<String>> = HashMap::new();
    let mut added = Vec::new();
    for ai in 0..mentions.len() {
        let m = &mentions[ai];
        if m.kind != MentionKind::Name {
            continue;
        }
        if is_org_coarse(m) {
            if let Some((s, e)) = defined_acronym(text, m) {
                let ante = mentions[ai].clone();
                match covering(mentions, s) {
                    Some(ci) if mentions[ci].span == Span::new(s, e) => {
                        if unlinked(&mentions[ci]) {
                            relink(&mut mentions[ci], &ante);
                        }
                    }
                    Some(_) => continue,
                    None => {
                        taken.insert(s, e);
                        added.push(refer(text, &ante, s, e, MentionKind::Name));
                    }
                }
                add_form(&mut forms, vec![text[s..e].to_string()], ai, e);
            }
        }
        let m = &mentions[ai];
        if matches!(
            m.entity_type,
            EntityType::Company | EntityType::StateEnterprise | EntityType::ArmedForce
        ) {
            if let Some(words) = stripped_name(&m.text) {
                let words = words.into_iter().map(str::to_string).collect();
                add_form(&mut forms, words, ai, m.span.end);
            }
        }
        if m.entity_type == EntityType::Person && m.canonical.contains(' ') {
            for key in surname_keys(&m.canonical, m.country.as_deref()) {
                let owner = surname_owner
                    .entry(key)
                    .or_insert_with(|| Some(m.canonical.clone()));
                if owner.as_deref() != Some(m.canonical.as_str()) {
                    *owner = None;
                }
            }
        }
    }
    // Surnames: each key once, from the first mention of its owner.
    for (ai, m) in mentions.iter().enumerate() {
        if m.kind != MentionKind::Name || m.entity_type != EntityType::Person {
            continue;
        }
        for key in surname_keys(&m.canonical, m.country.as_deref()) {
            if surname_owner.get_mut(&key).and_then(Option::take).is_some() {
                let words = key.split(' ').map(str::to_string).collect();
                add_form(&mut forms, words, ai, m.span.end);
            }
        }
    }
    if forms.is_empty() {
        return added;
    }
    let mut relinks: Vec<(usize, usize)> = Vec::new();
    for k in 0..toks.len() {
        let t = &toks[k];
        let Some(list) = forms.get(t.text) else {
            continue;
        };
        for f in list {
            if t.start < f.from {
                continue;
            }
            let Some(end_k) = matches_at(text, toks, k, &f.words) else {
                continue;
            };
            if !stands_alone(text, toks, mentions, k, end_k) {
                continue;
            }
            let (s, e) = (t.start, toks[end_k].end);
            let ante = &mentions[f.ante];
            match covering(mentions, s) {
                Some(ci) => {
                    let c = &mentions[ci];
                    let compatible =
                        c.entity_type == ante.entity_type || c.entity_type == EntityType::Other;
                    if c.span == Span::new(s, e) && unlinked(c) && c.id != ante.id && compatible {
                        relinks.push((ci, f.ante));
                    }
                }
                None if !super::overlaps_taken(taken, s, e) => {
                    taken.insert(s, e);
                    added.push(refer(text, ante, s, e, MentionKind::Name));
                }
                None => {}
            }
            break;
        }
    }
    for (ci, ai) in relinks {
        let ante = mentions[ai].clone();
        relink(&mut mentions[ci], &ante);
    }
    added
}

/// Do the tokens from `k` spell `words`, one space apart? The last token's index.
fn matches_at(text: &str, toks: &[Token<'_>], k: usize, words: &[String]) -> Option<usize> {
    for (i, w) in words.iter().enumerate() {
        let t = toks.get(k + i)?;
        if t.text != *w {
            return None;
        }
        if i > 0 && (toks[k + i - 1].poss > 0 || !is_space(text, toks[k + i - 1].end, t.start)) {
            return None;
        }
    }
    Some(k + words.len() - 1)
}

/// Is the occurrence at tokens `k..=end_k` a name of its own, not part of a longer one? A
/// capitalised word right after it (other than a title: "Rosneft CEO") or right before it
/// (other than a sentence's function word or a name already found) joins it to another name.
fn stands_alone(
    text: &str,
    toks: &[Token<'_>],
    mentions: &[Mention],
    k: usize,
    end_k: usize,
) -> bool {
    let last = &toks[end_k];
    if let Some(next) = toks.get(end_k + 1) {
        let joined = last.poss == 0 && is_space(text, last.end, next.start);
        if joined && next.is_cap() && !sector::is_role(&next.text.to_lowercase()) {
            return false;
        }
    }
    if let Some(prev) = k.checked_sub(1).map(|p| &toks[p]) {
        let joined = prev.poss == 0 && is_space(text, prev.end, toks[k].start);
        let lower = prev.text.to_lowercase();
        if joined
            && prev.is_cap()
            && !is_stop(&lower)
            && !sector::is_role(&lower)
            && covering(mentions, prev.start).is_none()
        {
            return false;
        }
    }
    true
}

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
fn nominals(
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
                if !super::overlaps_taken(taken, m.span.start, m.span.end) {
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
        if super::overlaps_taken(taken, start, end) {
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
