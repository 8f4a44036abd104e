//! Which country and which part of society (CAMEO/PLOVER sector) does each actor act for?
//!
//! Event coders code "a North Korean general" as North Korea, military, so that what actors
//! do can be rolled up to states. Here every name gets a `country` and a `sector` where they
//! can be known, and nothing already set (by the gazetteer or the knowledge base) is ever
//! overwritten:
//!
//! - Organisations by their type: government body `GOV`, armed force `MIL`, company or state
//!   enterprise `BUS`, media `MED`, think tank `CVL`, international organisation `IGO`; a seat
//!   of government used for its country ("the Kremlin") is `GOV`. An organisation's country
//!   comes from a country word right before it, bare when it is a demonym or possessive
//!   ("China's Huawei", "Russian Rosneft") or through descriptors ("Russian oil giant
//!   Rosneft"); a plain country name with nothing between is not enough ("Russia Gazprom").
//! - People by the words around their name: the title chain before it ("North Korean Defence
//!   Minister X", "Rosneft chief executive X", "Chinese Foreign Ministry spokesperson X") and
//!   an appositive after it ("X, an analyst at CSIS", "X, the chief executive of Rosneft",
//!   "X, a North Korean general"). An organisation the person works for decides the sector
//!   (a "president" of a company is business), except that a military rank in a government
//!   body stays military; otherwise the head role word does (minister `GOV`, general `MIL`,
//!   analyst `CVL`, chief executive `BUS`, journalist `MED`). The country comes from a country
//!   word in those phrases, else from the organisation; a country a scholar or journalist
//!   studies ("a historian of North Korea", "an expert on China") is not theirs. An appositive counts only when it
//!   holds a role word, so "Putin, China and Iran" gives Putin nothing.
//! - Then what one mention of an entity says holds for all its mentions in the document (the
//!   first value found wins), so "Shin" later in the text is as military or governmental as
//!   "Defense Minister Shin Won-sik" was.
//!
//! The role words read for each person are also returned, so coreference can tell which
//! person "the minister" may be.

use std::collections::HashMap;

use sinew_types::{Coarse, EntityType, Mention, MentionKind, Sector};

use crate::entities::tokens::{is_space, Token};

/// Role words (lower case) and the sector each implies, if any. A word with no sector is
/// still part of a title ("deputy", "chief"): it extends the chain, and the organisation
/// decides.
const ROLES: &[(&str, Option<Sector>)] = &[
    ("president", Some(Sector::Government)),
    ("minister", Some(Sector::Government)),
    ("premier", Some(Sector::Government)),
    ("chancellor", Some(Sector::Government)),
    ("ambassador", Some(Sector::Government)),
    ("envoy", Some(Sector::Government)),
    ("diplomat", Some(Sector::Government)),
    ("senator", Some(Sector::Government)),
    ("sen", Some(Sector::Government)),
    ("congressman", Some(Sector::Government)),
    ("congresswoman", Some(Sector::Government)),
    ("lawmaker", Some(Sector::Government)),
    ("legislator", Some(Sector::Government)),
    ("governor", Some(Sector::Government)),
    ("mayor", Some(Sector::Government)),
    ("king", Some(Sector::Government)),
    ("queen", Some(Sector::Government)),
    ("leader", Some(Sector::Government)),
    ("dictator", Some(Sector::Government)),
    ("official", Some(Sector::Government)),
    ("secretary", Some(Sector::Government)),
    ("undersecretary", Some(Sector::Government)),
    ("general", Some(Sector::Military)),
    ("gen", Some(Sector::Military)),
    ("admiral", Some(Sector::Military)),
    ("adm", Some(Sector::Military)),
    ("colonel", Some(Sector::Military)),
    ("col", Some(Sector::Military)),
    ("lieutenant", Some(Sector::Military)),
    ("lt", Some(Sector::Military)),
    ("marshal", Some(Sector::Military)),
    ("commander", Some(Sector::Military)),
    ("brigadier", Some(Sector::Military)),
    ("sergeant", Some(Sector::Military)),
    ("sgt", Some(Sector::Military)),
    ("soldier", Some(Sector::Military)),
    ("ceo", Some(Sector::Business)),
    ("executive", Some(Sector::Business)),
    ("businessman", Some(Sector::Business)),
    ("businesswoman", Some(Sector::Business)),
    ("tycoon", Some(Sector::Business)),
    ("oligarch", Some(Sector::Business)),
    ("entrepreneur", Some(Sector::Business)),
    ("banker", Some(Sector::Business)),
    ("journalist", Some(Sector::Media)),
    ("correspondent", Some(Sector::Media)),
    ("reporter", Some(Sector::Media)),
    ("editor", Some(Sector::Media)),
    ("columnist", Some(Sector::Media)),
    ("analyst", Some(Sector::CivilSociety)),
    ("researcher", Some(Sector::CivilSociety)),
    ("professor", Some(Sector::CivilSociety)),
    ("prof", Some(Sector::CivilSociety)),
    ("scholar", Some(Sector::CivilSociety)),
    ("fellow", Some(Sector::CivilSociety)),
    ("economist", Some(Sector::CivilSociety)),
    ("historian", Some(Sector::CivilSociety)),
    ("expert", Some(Sector::CivilSociety)),
    ("academic", Some(Sector::CivilSociety)),
    ("activist", Some(Sector::CivilSociety)),
    ("lecturer", Some(Sector::CivilSociety)),
    ("secretary-general", Some(Sector::International)),
    ("spokesman", None),
    ("spokeswoman", None),
    ("spokesperson", None),
    ("director", None),
    ("chairman", None),
    ("chairwoman", None),
    ("chair", None),
    ("head", None),
    ("chief", None),
    ("adviser", None),
    ("advisor", None),
    ("deputy", None),
    ("vice", None),
    ("senior", None),
    ("foreign", None),
    ("defence", None),
    ("defense", None),
    ("prime", None),
    ("interior", None),
    ("finance", None),
    ("trade", None),
    ("economy", None),
    ("supreme", None),
    ("top", None),
    ("former", None),
    ("founder", None),
    ("managing", None),
    ("research", None),
    ("security", None),
    ("military", None),
    ("national", None),
    ("state", None),
];

/// Abbreviated titles written with a full stop ("Lt. Gen."): the stop does not end the chain.
const ABBREVIATIONS: &[&str] = &["lt", "gen", "col", "adm", "sgt", "sen", "prof"];

/// Words that may stand between a country word and the organisation it qualifies ("Russian
/// oil giant Rosneft", "China's state-owned shipbuilder X").
const DESCRIPTORS: &[&str] = &[
    "state-owned",
    "state-run",
    "state",
    "owned",
    "run",
    "private",
    "oil",
    "gas",
    "energy",
    "arms",
    "defence",
    "defense",
    "shipping",
    "logistics",
    "technology",
    "tech",
    "telecoms",
    "chip",
    "giant",
    "firm",
    "company",
    "group",
    "conglomerate",
    "manufacturer",
    "maker",
    "chipmaker",
    "carmaker",
    "automaker",
    "shipbuilder",
    "producer",
    "exporter",
    "bank",
    "lender",
    "carrier",
    "airline",
    "operator",
    "contractor",
    "broadcaster",
    "outlet",
    "newspaper",
    "daily",
    "news",
    "agency",
    "think",
    "tank",
    "military",
    "mercenary",
];

/// Seats of government that stand for their country's government.
const SEATS: &[&str] = &[
    "Kremlin",
    "White House",
    "Downing Street",
    "Zhongnanhai",
    "Blue House",
    "Élysée",
    "Elysee",
];

/// How many words of a title chain are read before a name.
const MAX_CHAIN: usize = 6;
/// How many words of an appositive are read after a name.
const MAX_APPOSITIVE: usize = 12;

fn role(lower: &str) -> Option<Option<Sector>> {
    ROLES.iter().find(|(w, _)| *w == lower).map(|&(_, s)| s)
}

/// The sector an organisation of this type acts for.
pub(crate) fn type_sector(ty: EntityType) -> Option<Sector> {
    Some(match ty {
        EntityType::GovernmentBody => Sector::Government,
        EntityType::ArmedForce => Sector::Military,
        EntityType::Company | EntityType::StateEnterprise => Sector::Business,
        EntityType::Media => Sector::Media,
        EntityType::ThinkTank => Sector::CivilSociety,
        EntityType::InternationalOrg => Sector::International,
        _ => return None,
    })
}

fn is_org(ty: EntityType) -> bool {
    type_sector(ty).is_some()
}

/// The mention covering byte `pos`, if any (`mentions` sorted and non-overlapping).
pub(crate) fn covering(mentions: &[Mention], pos: usize) -> Option<usize> {
    let i = mentions.partition_point(|m| m.span.end <= pos);
    (i < mentions.len() && mentions[i].span.start <= pos).then_some(i)
}

/// What the words around one person say.
#[derive(Default)]
struct Context {
    roles: Vec<&'static str>,
    /// The sector of the head role word (the last one that has a sector).
    role_sector: Option<Sector>,
    country: Option<String>,
    /// The organisation the person works for: its sector and country.
    org: Option<(Sector, Option<String>)>,
}

impl Context {
    fn add_role(&mut self, lower: &str) -> bool {
        let Some((word, sector)) = ROLES.iter().find(|(w, _)| *w == lower) else {
            return false;
        };
        self.roles.push(word);
        if sector.is_some() {
            self.role_sector = *sector;
        }
        true
    }

    fn take_mention(&mut self, m: &Mention) {
        if m.entity_type == EntityType::Country {
            if self.country.is_none() {
                self.country = Some(m.canonical.clone());
            }
        } else if let Some(s) = m.sector.or_else(|| type_sector(m.entity_type)) {
            if self.org.is_none() {
                self.org = Some((s, m.country.clone()));
            }
        }
    }

    fn sector(&self) -> Option<Sector> {
        match (self.org.as_ref().map(|o| o.0), self.role_sector) {
            (Some(Sector::Government), Some(Sector::Military)) => Some(Sector::Military),
            (Some(org), _) => Some(org),
            (None, role) => role,
        }
    }

    fn country(&self) -> Option<String> {
        self.country
            .clone()
            .or_else(|| self.org.as_ref().and_then(|o| o.1.clone()))
    }
}

/// The index of the first token starting at or after `pos`.
fn token_at(toks: &[Token<'_>], pos: usize) -> usize {
    toks.partition_point(|t| t.start < pos)
}

/// Reads the title chain before the person at `mi`: role words, then a country or
/// organisation right before them.
fn chain_before(text: &str, toks: &[Token<'_>], mentions: &[Mention], mi: usize, cx: &mut Context) {
    let m = &mentions[mi];
    let mut k = token_at(toks, m.span.start);
    let mut next_start = m.span.start;
    let mut read = 0;
    while k > 0 && read < MAX_CHAIN {
        let t = &toks[k - 1];
        let lower = t.text.to_lowercase();
        let gap_ok = is_space(text, t.full_end(), next_start)
            || ABBREVIATIONS.contains(&lower.as_str())
                && text
                    .get(t.end..next_start)
                    .is_some_and(|g| g.trim_start_matches('.').trim().is_empty());
        if !gap_ok {
            return;
        }
        if let Some(ci) = covering(mentions, t.start) {
            // A name right before the chain qualifies it; right before the person with no
            // role word between, it is another name ("Putin Xi" from a list) and says nothing.
            if !cx.roles.is_empty() {
                cx.take_mention(&mentions[ci]);
            }
            return;
        }
        if t.poss > 0 || !cx.add_role(&lower) {
            return;
        }
        next_start = t.start;
        k -= 1;
        read += 1;
    }
}

/// Reads an appositive after the person: ", a North Korean general", ", an analyst at CSIS",
/// ", the chief executive of Rosneft".
fn appositive_after(
    text: &str,
    toks: &[Token<'_>],
    mentions: &[Mention],
    mi: usize,
    cx: &mut Context,
) {
    let m = &mentions[mi];
    let rest = &text[m.span.end..];
    if !(rest.starts_with(", ") || rest.starts_with(",\u{a0}")) {
        return;
    }
    let mut k = token_at(toks, m.span.end);
    let mut prev_end = m.span.end + 1;
    let mut found = Context::default();
    let mut i = 0;
    while k < toks.len() && i < MAX_APPOSITIVE {
        let t = &toks[k];
        let blank = text
            .get(prev_end..t.start)
            .is_some_and(|g| g.trim().is_empty());
        if !(is_space(text, prev_end, t.start) || i == 0 && blank) {
            break;
        }
        if let Some(ci) = covering(mentions, t.start) {
            let c = &mentions[ci];
            if c.entity_type == EntityType::Person {
                break;
            }
            // "a historian of North Korea", "an expert on China": the country is what the
            // scholar or journalist studies, not whom they act for.
            let studied = c.entity_type == EntityType::Country
                && matches!(
                    found.role_sector,
                    Some(Sector::CivilSociety | Sector::Media)
                )
                && k > 0
                && matches!(toks[k - 1].text, "of" | "on" | "about");
            if !studied {
                found.take_mention(c);
            }
            // Skip the rest of the mention's tokens.
            while k < toks.len() && toks[k].start < c.span.end {
                k += 1;
            }
            prev_end = if toks[k - 1].end == c.span.end {
                toks[k - 1].full_end()
            } else {
                c.span.end
            };
            i += 1;
            continue;
        }
        let lower = t.text.to_lowercase();
        if t.poss > 0 {
            // "the country's defence minister": the owner is not the person; "the minister's
            // aide": the role is someone else's.
            if matches!(lower.as_str(), "country" | "nation" | "company") {
                prev_end = t.full_end();
                k += 1;
                i += 1;
                continue;
            }
            break;
        }
        if !found.add_role(&lower)
            && !matches!(
                lower.as_str(),
                "a" | "an"
                    | "the"
                    | "at"
                    | "of"
                    | "with"
                    | "for"
                    | "from"
                    | "in"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
            )
        {
            break;
        }
        prev_end = t.full_end();
        k += 1;
        i += 1;
    }
    if found.roles.is_empty() {
        return;
    }
    cx.roles.extend(found.roles);
    if found.role_sector.is_some() {
        cx.role_sector = found.role_sector;
    }
    cx.country = cx.country.take().or(found.country);
    cx.org = cx.org.take().or(found.org);
}

/// Reads a country word qualifying the organisation at `mi` ("China's Huawei", "Russian oil
/// giant Rosneft").
fn org_country(text: &str, toks: &[Token<'_>], mentions: &[Mention], mi: usize) -> Option<String> {
    let m = &mentions[mi];
    let mut k = token_at(toks, m.span.start);
    let mut next_start = m.span.start;
    let mut descriptors = 0;
    while k > 0 && descriptors <= 3 {
        let t = &toks[k - 1];
        let hyphen = text.get(t.full_end()..next_start) == Some("-");
        if !is_space(text, t.full_end(), next_start) && !hyphen {
            return None;
        }
        if let Some(ci) = covering(mentions, t.start) {
            let c = &mentions[ci];
            let bare_ok = t.poss > 0 || c.coarse == Coarse::Misc;
            return (c.entity_type == EntityType::Country && (descriptors > 0 || bare_ok))
                .then(|| c.canonical.clone());
        }
        if t.poss > 0 || !DESCRIPTORS.contains(&t.text.to_lowercase().as_str()) {
            return None;
        }
        descriptors += 1;
        next_start = t.start;
        k -= 1;
    }
    None
}

/// Sets `country` and `sector` where they can be known and are not set, and returns the role
/// words read for each person, by entity id.
pub(crate) fn assign(
    text: &str,
    toks: &[Token<'_>],
    mentions: &mut [Mention],
) -> HashMap<String, Vec<&'static str>> {
    let mut roles: HashMap<String, Vec<&'static str>> = HashMap::new();
    for mi in 0..mentions.len() {
        let m = &mentions[mi];
        if m.kind != MentionKind::Name {
            continue;
        }
        let (sector, country) = match m.entity_type {
            EntityType::Person => {
                let mut cx = Context::default();
                chain_before(text, toks, mentions, mi, &mut cx);
                appositive_after(text, toks, mentions, mi, &mut cx);
                let out = (cx.sector(), cx.country());
                if !cx.roles.is_empty() {
                    let list = roles.entry(mentions[mi].id.clone()).or_default();
                    for r in cx.roles {
                        if !list.contains(&r) {
                            list.push(r);
                        }
                    }
                }
                out
            }
            EntityType::Country => {
                let seat = SEATS.contains(&m.text.as_str());
                (seat.then_some(Sector::Government), None)
            }
            ty if is_org(ty) => {
                let country = if m.country.is_none() {
                    org_country(text, toks, mentions, mi)
                } else {
                    None
                };
                (type_sector(ty), country)
            }
            _ => (None, None),
        };
        let m = &mut mentions[mi];
        if m.sector.is_none() {
            m.sector = sector;
        }
        if m.country.is_none() {
            m.country = country;
        }
    }
    propagate(mentions);
    roles
}

/// What one mention of an entity says about its country and sector holds for all its
/// mentions in the document; the first value in text order wins.
pub(crate) fn propagate(mentions: &mut [Mention]) {
    let mut known: HashMap<&str, (Option<String>, Option<Sector>)> = HashMap::new();
    for m in mentions.iter() {
        let e = known.entry(m.id.as_str()).or_default();
        if e.0.is_none() {
            e.0.clone_from(&m.country);
        }
        if e.1.is_none() {
            e.1 = m.sector;
        }
    }
    let fill: Vec<(Option<String>, Option<Sector>)> = mentions
        .iter()
        .map(|m| known.get(m.id.as_str()).cloned().unwrap_or_default())
        .collect();
    for (m, (country, sector)) in mentions.iter_mut().zip(fill) {
        if m.country.is_none() {
            m.country = country;
        }
        if m.sector.is_none() {
            m.sector = sector;
        }
    }
}

/// Is `lower` a role word?
pub(crate) fn is_role(lower: &str) -> bool {
    role(lower).is_some()
}
