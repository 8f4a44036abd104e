//! Within-document coreference: which later words refer to an entity already named, and what
//! country and sector each actor acts for (`sector.rs`). Nominals are in `nominal.rs`.
//!
//! Runs once on the finished mention list of one document and only adds to it (or relinks a
//! mention nothing had linked, whose canonical name is still its own text); every added
//! mention carries its antecedent's canonical name, id, type, country and sector, and never
//! overlaps another mention. A wrong link is worse than none, so every rule here would rather
//! miss:
//!
//! - **Short forms stay names** (`MentionKind::Name`), each only after its full form:
//!   - an acronym defined in parentheses right after an organisation whose capitalised words
//!     it spells ("Stockholm International Peace Research Institute (SIPRI)"), or a short
//!     name there made of its letters in order from the first, with two capitals or more
//!     ("American Family Insurance Group (AmFam)"), then every later "SIPRI" or "AmFam";
//!   - a company, state enterprise or armed force without its legal or generic designators
//!     ("Rosneft" after "Rosneft Oil Company" or "PJSC Rosneft", "Wagner" after "Wagner
//!     Group"); a single remaining word must have three letters or more and not look like an
//!     adjective ("Islamic" of "Islamic Group") nor be a role word ("State" of "State
//!     Group", though "State Farm" of "State Farm Group" is a short form); a mention the
//!     tagger typed a place or cut short there is relinked, and widened to the short form;
//!   - a company's first word, when its name has two words or more past its designators
//!     ("Haier" after "Haier U.S. Appliance Solutions, Inc.", "Zoom" after "Zoom Video
//!     Communications"): only a word the document never writes in lower case (not "first",
//!     "zoom in"; a web address's words, "www.haier.com", are no prose), of three letters or more, that is no adjective, demonym, role word or
//!     generic opener ("National", "First", "General"), and whose name goes on with a
//!     capitalised word ("Bank of America" has no such short form);
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
//! most `nominal::MAX_WINDOW` bytes and `nominal::MAX_LOOKBACK` mentions).

mod nominal;
mod sector;

use std::collections::{BTreeMap, HashMap, HashSet};

use sinew_types::{EntityType, Mention, MentionKind, Span};

use super::people::surname_keys;
use super::rules::is_stop;
use super::tokens::{is_space, Token};
use sector::covering;

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

/// Completes one document's mentions (sorted, non-overlapping): country and sector, short
/// forms, surnames and nominals. The list stays sorted and non-overlapping. `toks` are the
/// tokens of the whole `text` ([`super::tokens::tokenize`]), which the finder has already made.
pub(crate) fn complete(text: &str, toks: &[Token<'_>], mentions: &mut Vec<Mention>) {
    if mentions.is_empty() {
        return;
    }
    mentions.sort_by_key(|m| m.span.start);
    let roles = sector::assign(text, toks, mentions);
    let mut taken: BTreeMap<usize, usize> = mentions
        .iter()
        .map(|m| (m.span.start, m.span.end))
        .collect();
    let added = short_forms(text, toks, mentions, &mut taken);
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.span.start);
        sector::propagate(mentions);
    }
    release_compass_words(text, mentions, &mut taken);
    let added = nominal::nominals(text, toks, mentions, &roles, &mut taken);
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// The tagger may take the capitalised "North" of "the North denies it" for a place of its
/// own; in a document that names a Korea, such an unlinked "North"/"South" after "the" is
/// given back, so the nominal rule can read "the North" as the Korea it refers to.
fn release_compass_words(
    text: &str,
    mentions: &mut Vec<Mention>,
    taken: &mut BTreeMap<usize, usize>,
) {
    let korean = mentions
        .iter()
        .any(|m| m.canonical == "North Korea" || m.canonical == "South Korea");
    if !korean {
        return;
    }
    mentions.retain(|m| {
        let compass = matches!(m.text.as_str(), "North" | "South");
        let after_the = text[..m.span.start]
            .strip_suffix(' ')
            .is_some_and(|before| {
                before.len() >= 3
                    && before.is_char_boundary(before.len() - 3)
                    && before[before.len() - 3..].eq_ignore_ascii_case("the")
            });
        let release = compass && after_the && unlinked(m);
        if release {
            taken.remove(&m.span.start);
        }
        !release
    });
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

/// An acronym in parentheses right after `m` that spells its initials ("(SIPRI)"), or a
/// short name made of its letters in order, from its first, with two capitals or more
/// ("American Family Insurance (AmFam)", "Export-Import Bank of China (ExIm)"): its span.
fn defined_acronym(text: &str, m: &Mention) -> Option<(usize, usize)> {
    let rest = text[m.span.end..].strip_prefix(" (")?;
    let close = rest.char_indices().take(11).find(|&(_, c)| c == ')')?.0;
    let acr = &rest[..close];
    let well_formed = (2..=8).contains(&acr.len())
        && acr.starts_with(|c: char| c.is_ascii_uppercase())
        && acr
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&');
    let (caps, all) = initials(&m.text);
    let spelled = well_formed && (acr == caps || acr == all);
    (spelled || short_name_of(acr, &m.text)).then(|| {
        let start = m.span.end + 2;
        (start, start + acr.len())
    })
}

/// Is `short` a short name of `name`: 3 to 10 letters, two capitals or more, its letters
/// found in `name` in order starting with its first ("AmFam" of "American Family")?
fn short_name_of(short: &str, name: &str) -> bool {
    let shaped = (3..=10).contains(&short.len())
        && short.chars().all(|c| c.is_ascii_alphabetic())
        && short.chars().filter(char::is_ascii_uppercase).count() >= 2;
    let lower = name.to_lowercase();
    let mut rest = lower.chars();
    let mut letters = short.chars().map(|c| c.to_ascii_lowercase());
    let first = letters.next();
    shaped && first.is_some() && rest.next() == first && letters.all(|c| rest.any(|n| n == c))
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
    // A role word alone ("State" of "State Group") names no one; it can open a longer
    // name ("State Farm" of "State Farm Group").
    let shaped = first.starts_with(|c: char| c.is_uppercase())
        && !adjective
        && (words.len() > 1
            || (first.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !sector::is_role(&lower)))
        && !is_stop(&lower);
    shaped.then_some(words)
}

/// Words a company's name may open with that name nothing on their own ("First Trust",
/// "National Grid", "General Motors", "Royal Mail").
const GENERIC_OPENERS: &[&str] = &[
    "first",
    "new",
    "national",
    "general",
    "united",
    "global",
    "international",
    "royal",
    "central",
    "federal",
    "great",
    "grand",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "bank",
    "university",
    "city",
    "state",
    "county",
    "saint",
    "san",
    "santa",
    "old",
    "big",
    "best",
    "top",
    "all",
    "one",
    "air",
    "star",
    "prime",
    "smart",
    "digital",
    "open",
    "true",
    "blue",
    "green",
    "red",
    "black",
    "white",
    "golden",
];

/// The first word of a company's name that later stands for the company alone ("Haier" of
/// "Haier U.S. Appliance Solutions, Inc."), if it may (module doc). `lower_words` are the
/// document's words written in lower case.
fn leading_word<'n>(name: &'n str, lower_words: &HashSet<&str>) -> Option<&'n str> {
    let mut words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let is_designator = |w: &str| DESIGNATORS.contains(&w.trim_end_matches(['.', ',']));
    while words.last().is_some_and(|w| is_designator(w)) {
        words.pop();
    }
    let (&first, &second) = (words.first()?, words.get(1)?);
    let lower = first.to_lowercase();
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    let adjective = ["ic", "ical", "ian", "ean", "an", "ese", "ish", "ist", "ern"]
        .iter()
        .any(|suffix| lower.ends_with(suffix));
    let shaped = first.chars().all(char::is_alphanumeric)
        && first.starts_with(|c: char| c.is_uppercase())
        && letters >= 3
        && second.starts_with(|c: char| c.is_uppercase());
    let named_only = !adjective
        && !sector::is_role(&lower)
        && !is_stop(&lower)
        && !GENERIC_OPENERS.contains(&lower.as_str())
        && !lower_words.contains(lower.as_str());
    (shaped && named_only && !is_designator(first)).then_some(first)
}

/// The spans of the text's web and mail addresses: runs of non-space characters that hold
/// "/", "@", "=", "_", "#" or open with "www.", in text order.
fn address_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let close = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        let chunk = &text[s..e];
        if chunk.contains(['/', '@', '=', '_', '#']) || chunk.starts_with("www.") {
            out.push((s, e));
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                close(s, i, &mut out);
            }
        } else {
            start.get_or_insert(i);
        }
    }
    if let Some(s) = start {
        close(s, text.len(), &mut out);
    }
    out
}

/// Is the token inside one of `addresses` (sorted, from [`address_spans`])?
fn in_address(addresses: &[(usize, usize)], t: &Token<'_>) -> bool {
    let i = addresses.partition_point(|&(_, e)| e <= t.start);
    addresses.get(i).is_some_and(|&(s, _)| s <= t.start)
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
    // A word inside a web address ("www.haier.com/haier_appliances") is no prose.
    let addresses = address_spans(text);
    let lower_words: HashSet<&str> = toks
        .iter()
        .filter(|t| t.text.starts_with(|c: char| c.is_lowercase()) && !in_address(&addresses, t))
        .map(|t| t.text)
        .collect();
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
        // An organisation the tagger could not type ("Electrolux Major Appliances") too.
        let company_like = matches!(
            m.entity_type,
            EntityType::Company | EntityType::StateEnterprise | EntityType::Media
        ) || (m.entity_type == EntityType::Other && is_org_coarse(m));
        if company_like {
            if let Some(first) = leading_word(&m.text, &lower_words) {
                add_form(&mut forms, vec![first.to_string()], ai, m.span.end);
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
    let mut relinks: Vec<(usize, usize, usize)> = Vec::new();
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
                    // The tagger may call an unknown one-word name a person ("Korvelan
                    // said"); the document already named the organisation it shortens.
                    // So may it call a company's name without its designator a place
                    // ("State Farm" after "State Farm Group"), when that name has words
                    // enough not to be a place's own ("Jordan" of "Jordan Group" is not).
                    let compatible = c.entity_type == ante.entity_type
                        || c.entity_type == EntityType::Other
                        || (c.entity_type == EntityType::Person && is_org_coarse(ante))
                        || (c.entity_type == EntityType::Place
                            && is_org_coarse(ante)
                            && f.words.len() >= 2);
                    // The tagger may also cut the name short ("Public" of "Public
                    // Harvest"): the mention then grows to the whole short form, when
                    // nothing else is named inside it.
                    let inside = c.span.start == s && c.span.end <= e;
                    let alone = mentions.get(ci + 1).is_none_or(|n| n.span.start >= e);
                    if inside && alone && unlinked(c) && c.id != ante.id && compatible {
                        relinks.push((ci, f.ante, e));
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
    for (ci, ai, end) in relinks {
        let ante = mentions[ai].clone();
        let m = &mut mentions[ci];
        if m.span.end != end {
            m.span.end = end;
            m.text = text[m.span.start..end].to_string();
            taken.insert(m.span.start, end);
        }
        relink(m, &ante);
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
