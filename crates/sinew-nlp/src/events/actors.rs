//! Who can act in a sentence? Actor phrases built from the entity layer's mentions and the
//! role words around them ("Iraqi President Saddam Hussein", "Israeli troops", "Nigerian
//! authorities"), each with its ISO3 country and sector, and which of them is the source or the
//! target of a trigger.
//!
//! A phrase is a run of mentions, role words ("minister", "troops"), titles and capitalised
//! words with nothing but spaces, hyphens or a possessive between them, or "of" before a
//! mention ("King Hassan of Morocco"). Its country is that of its first mention that has one
//! (English puts the nationality first: "Lebanon's new President Elias Hrawi"); its sector is
//! that of its last role word (the head noun: "Israeli government officials" is `GOV`), else
//! that of its head mention. Sources are read leftwards from the trigger, skipping phrases that
//! follow a preposition (places and objects, not subjects); targets rightwards up to a
//! reporting verb ("..., officials said"), so the reporter is never the target.

use sinew_types::{EntityType, EventActor, Mention, Sector, Span};

use crate::entities::iso_codes;
use crate::words::Word;

/// Role nouns and the sector they put an actor in; `None` for roles PLOVER codes outside the
/// six sectors Sinew names (rebels, opposition). Sources: the PLOVER/CAMEO actor-agent codes
/// (GOV, MIL, COP, JUD, LEG, REB, OPP, BUS, MED, CVL), mapped to Sinew's sectors.
const ROLES: &[(&str, Option<Sector>)] = &[
    ("government", Some(Sector::Government)),
    ("governments", Some(Sector::Government)),
    ("administration", Some(Sector::Government)),
    ("authorities", Some(Sector::Government)),
    ("official", Some(Sector::Government)),
    ("officials", Some(Sector::Government)),
    ("minister", Some(Sector::Government)),
    ("ministers", Some(Sector::Government)),
    ("ministry", Some(Sector::Government)),
    ("president", Some(Sector::Government)),
    ("premier", Some(Sector::Government)),
    ("chancellor", Some(Sector::Government)),
    ("leader", Some(Sector::Government)),
    ("leaders", Some(Sector::Government)),
    ("king", Some(Sector::Government)),
    ("diplomat", Some(Sector::Government)),
    ("diplomats", Some(Sector::Government)),
    ("ambassador", Some(Sector::Government)),
    ("envoy", Some(Sector::Government)),
    ("negotiator", Some(Sector::Government)),
    ("negotiators", Some(Sector::Government)),
    ("spokesman", Some(Sector::Government)),
    ("spokeswoman", Some(Sector::Government)),
    ("cabinet", Some(Sector::Government)),
    ("parliament", Some(Sector::Government)),
    ("congress", Some(Sector::Government)),
    ("senate", Some(Sector::Government)),
    ("lawmakers", Some(Sector::Government)),
    ("court", Some(Sector::Government)),
    ("judge", Some(Sector::Government)),
    ("prosecutors", Some(Sector::Government)),
    ("police", Some(Sector::Government)),
    ("regime", Some(Sector::Government)),
    ("governor", Some(Sector::Government)),
    ("mayor", Some(Sector::Government)),
    ("army", Some(Sector::Military)),
    ("armies", Some(Sector::Military)),
    ("military", Some(Sector::Military)),
    ("troops", Some(Sector::Military)),
    ("forces", Some(Sector::Military)),
    ("soldiers", Some(Sector::Military)),
    ("navy", Some(Sector::Military)),
    ("servicemen", Some(Sector::Military)),
    ("commander", Some(Sector::Military)),
    ("commanders", Some(Sector::Military)),
    ("peacekeepers", Some(Sector::International)),
    ("company", Some(Sector::Business)),
    ("companies", Some(Sector::Business)),
    ("firm", Some(Sector::Business)),
    ("firms", Some(Sector::Business)),
    ("entities", Some(Sector::Business)),
    ("banks", Some(Sector::Business)),
    ("exporters", Some(Sector::Business)),
    ("journalist", Some(Sector::Media)),
    ("journalists", Some(Sector::Media)),
    ("media", Some(Sector::Media)),
    ("newspaper", Some(Sector::Media)),
    ("activists", Some(Sector::CivilSociety)),
    ("activist", Some(Sector::CivilSociety)),
    ("protesters", Some(Sector::CivilSociety)),
    ("demonstrators", Some(Sector::CivilSociety)),
    ("students", Some(Sector::CivilSociety)),
    ("civilians", Some(Sector::CivilSociety)),
    ("workers", Some(Sector::CivilSociety)),
    ("teachers", Some(Sector::CivilSociety)),
    ("doctors", Some(Sector::CivilSociety)),
    ("refugees", Some(Sector::CivilSociety)),
    ("immigrants", Some(Sector::CivilSociety)),
    ("nationals", Some(Sector::CivilSociety)),
    ("citizens", Some(Sector::CivilSociety)),
    ("villagers", Some(Sector::CivilSociety)),
    ("youths", Some(Sector::CivilSociety)),
    ("elders", Some(Sector::CivilSociety)),
    ("residents", Some(Sector::CivilSociety)),
    ("farmers", Some(Sector::CivilSociety)),
    ("supporters", Some(Sector::CivilSociety)),
    ("monks", Some(Sector::CivilSociety)),
    ("clerics", Some(Sector::CivilSociety)),
    ("prisoners", Some(Sector::CivilSociety)),
    // organisations of civil society: a non-governmental body (see `conventions::is_ngo`)
    ("group", Some(Sector::CivilSociety)),
    ("organisation", Some(Sector::CivilSociety)),
    ("organization", Some(Sector::CivilSociety)),
    ("association", Some(Sector::CivilSociety)),
    ("charity", Some(Sector::CivilSociety)),
    ("watchdog", Some(Sector::CivilSociety)),
    ("dissidents", None),
    ("extremists", None),
    ("nationalists", None),
    ("fundamentalists", None),
    ("islamists", None),
    ("rebels", None),
    ("rebel", None),
    ("guerrillas", None),
    ("guerrilla", None),
    ("insurgents", None),
    ("militants", None),
    ("militia", None),
    ("gunmen", None),
    ("separatists", None),
    ("opposition", None),
    ("settlers", None),
    ("hackers", None),
];

/// Armed equipment: an actor only with a nationality ("Russian aircraft"), never alone
/// ("sent artillery shells" moves arms, no actor).
const EQUIPMENT: &[&str] = &[
    "aircraft",
    "warplanes",
    "warships",
    "jets",
    "artillery",
    "helicopters",
];

/// Words that may stand inside an actor phrase without being its head ("new", "former").
const MODIFIERS: &[&str] = &[
    "new",
    "former",
    "ousted",
    "senior",
    "top",
    "deputy",
    "acting",
    "interim",
    "ethnic",
    "armed",
    "security",
    "riot",
    "border",
    "foreign",
    "defence",
    "defense",
    "prime",
    "vice",
    "state",
    "secretary",
    "general",
    "chief",
    "federal",
    "national",
    "local",
    "military",
    "naval",
    "air",
    "special",
    "elite",
    "main",
    "visiting",
    "exiled",
    "rebel",
];

/// Prepositions after which a phrase is a place or an object, not a subject.
const OBLIQUE: &[&str] = &[
    "in", "at", "from", "to", "into", "near", "with", "against", "by", "for", "on", "over",
    "across", "toward", "towards", "through", "inside", "outside", "within", "between",
];

/// Words that open a reporting clause: the target search stops there.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "according",
    "reported",
    "reports",
    "announced",
    "added",
    "confirmed",
    "quoted",
    "claimed",
];

/// What one unit of a phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Mention(usize),
    Role(Option<Sector>),
    Equipment,
    Modifier,
    Capitalised,
}

/// One actor phrase of a sentence.
#[derive(Debug, Clone)]
pub(super) struct Actor {
    pub(super) span: Span,
    /// Index of the first and last sentence word it covers.
    pub(super) first_word: usize,
    pub(super) last_word: usize,
    pub(super) canonical: Option<String>,
    pub(super) country: Option<&'static str>,
    pub(super) sector: Option<Sector>,
    /// A bare place or country name, with no role word: can be where an event happens.
    pub(super) place: Option<String>,
    /// Armed forces act ("troops", "army", an armed force entity).
    pub(super) armed: bool,
    /// Its words name someone (a mention or a capitalised word), not only a role ("troops").
    pub(super) named: bool,
    /// It stands for two or more parties named elsewhere ("the two leaders", "both sides").
    pub(super) parties: bool,
    /// A non-governmental body with no country in its words (`conventions::is_ngo`).
    pub(super) ngo: bool,
}

impl Actor {
    /// The actor as an event carries it; `home` is the country of an actor whose words name
    /// none (not for international organisations, which belong to none).
    pub(super) fn to_event_actor(&self, text: &str, home: Option<&str>) -> EventActor {
        // "the two leaders" are no more the home country's than the other's
        let country = match (self.country, self.sector) {
            (Some(c), _) => Some(c),
            (None, Some(Sector::International)) => None,
            (None, _) if self.parties || self.ngo => None,
            (None, _) => home,
        };
        EventActor {
            span: self.span,
            text: text[self.span.start..self.span.end].to_string(),
            canonical: self.canonical.clone(),
            country: country.map(str::to_string),
            sector: self.sector,
        }
    }

    /// Do its own words say whom it belongs to (a country, or an international body)?
    pub(super) fn coded(&self) -> bool {
        self.country.is_some() || self.sector == Some(Sector::International)
    }
}

fn role(lower: &str) -> Option<Option<Sector>> {
    ROLES.iter().find(|(w, _)| *w == lower).map(|(_, s)| *s)
}

/// Does a mention name an organisation (not a state, a place or a person)?
fn is_body(m: &Mention) -> bool {
    m.coarse == sinew_types::Coarse::Org
}

fn can_act(m: &Mention) -> bool {
    !matches!(
        m.entity_type,
        EntityType::Agreement | EntityType::Weapon | EntityType::Commodity | EntityType::Vessel
    )
}

/// The actor phrases of one sentence, in order. `ws` are the sentence's words and `lower`
/// their lower-case forms; `mentions` the mentions inside the sentence, sorted. Words before
/// `from` (the end of a dateline) are no actor's.
pub(super) fn actors(
    text: &str,
    ws: &[Word<'_>],
    lower: &[String],
    mentions: &[Mention],
    from: usize,
) -> Vec<Actor> {
    // One unit per word, a mention covering several words counted on each.
    let mut units: Vec<Option<Unit>> = Vec::with_capacity(ws.len());
    let mut m = 0;
    for (i, w) in ws.iter().enumerate() {
        while m < mentions.len() && mentions[m].span.end <= w.start {
            m += 1;
        }
        let unit = if w.start < from {
            None
        } else if m < mentions.len() && mentions[m].span.start < w.end {
            (can_act(&mentions[m]) && !is_currency(text, &mentions[m])).then_some(Unit::Mention(m))
        } else if let Some(sector) = role(&lower[i]) {
            Some(Unit::Role(sector))
        } else if EQUIPMENT.contains(&lower[i].as_str()) {
            Some(Unit::Equipment)
        } else if MODIFIERS.contains(&lower[i].as_str()) {
            Some(Unit::Modifier)
        } else if i > 0 && w.text.starts_with(char::is_uppercase) {
            Some(Unit::Capitalised)
        } else {
            None
        };
        units.push(unit);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if units[i].is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut j = i + 1;
        while j < ws.len() {
            let gap = &text[ws[end].end..ws[j].start];
            if units[j].is_some() && joins(gap) {
                end = j;
                j += 1;
                continue;
            }
            // "National Union for the Total Independence of Angola", "Movement for the
            // Liberation of ...": a body's name runs on over "for the"
            if lower[j] == "for"
                && joins(gap)
                && lower.get(j + 1).is_some_and(|w| w == "the")
                && matches!(units[end], Some(Unit::Mention(m)) if is_body(&mentions[m]))
                && matches!(units.get(j + 2), Some(Some(Unit::Mention(_))))
            {
                end = j + 2;
                j += 3;
                continue;
            }
            // "King Hassan of Morocco", "Albanians of southern Serbia"
            if lower[j] == "of" && joins(gap) {
                let mut k = j + 1;
                if k < ws.len() && lower[k] == "the" {
                    k += 1;
                }
                if k < ws.len()
                    && matches!(units[k], Some(Unit::Mention(_)))
                    && units[end].is_some()
                {
                    end = k;
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        // A mention running past a bracket ("Hizbollah (Party of God)") is one actor, once.
        let taken = out.last().map_or(0, |a: &Actor| a.span.end);
        if let Some(mut actor) =
            build(text, ws, &units[start..=end], start, mentions).filter(|a| a.span.start >= taken)
        {
            actor.parties = actor.first_word > 0
                && matches!(lower[actor.first_word - 1].as_str(), "two" | "both")
                && actor.country.is_none();
            actor.ngo = super::conventions::is_ngo(text, ws, lower, &actor, mentions);
            if actor.ngo {
                actor.sector = Some(Sector::CivilSociety);
            }
            out.push(actor);
        }
        i = end + 1;
    }
    lend_possessor(text, ws, &mut out);
    out
}

/// "Iran's religious leader Ayatollah Khomeini": an actor whose words name no country takes
/// that of a state standing as its possessor a word or two before it.
fn lend_possessor(text: &str, ws: &[Word<'_>], out: &mut [Actor]) {
    for k in 1..out.len() {
        let (before, rest) = out.split_at_mut(k);
        let (owner, actor) = (&before[k - 1], &mut rest[0]);
        if actor.country.is_some() || owner.place.is_none() || owner.country.is_none() {
            continue;
        }
        let after_owner = &text[owner.span.end..];
        let possessive = after_owner.starts_with("'s") || after_owner.starts_with("’s");
        let between = &ws[owner.last_word + 1..actor.first_word];
        let plain = between.len() <= 2
            && between
                .iter()
                .all(|w| w.text.chars().all(|c| c.is_lowercase() || c == '-'));
        if possessive && plain && actor.sector != Some(Sector::International) {
            actor.country = owner.country;
        }
    }
}

/// May two words of one phrase be separated by `gap`?
fn joins(gap: &str) -> bool {
    let g = gap
        .trim_start_matches("'s")
        .trim_start_matches("’s")
        .trim_start_matches(['\'', '’']);
    g.chars().all(|c| c == ' ' || c == '-' || c == '.') && g.len() <= 3
}

fn build(
    text: &str,
    ws: &[Word<'_>],
    units: &[Option<Unit>],
    first: usize,
    mentions: &[Mention],
) -> Option<Actor> {
    let in_phrase: Vec<usize> = units
        .iter()
        .filter_map(|u| match u {
            Some(Unit::Mention(m)) => Some(*m),
            _ => None,
        })
        .fold(Vec::new(), |mut acc, m| {
            if acc.last() != Some(&m) {
                acc.push(m);
            }
            acc
        });
    let roles: Vec<Option<Sector>> = units
        .iter()
        .filter_map(|u| match u {
            Some(Unit::Role(s)) => Some(*s),
            _ => None,
        })
        .collect();
    if in_phrase.is_empty() && roles.is_empty() {
        return None;
    }
    let equipment = units.iter().any(|u| matches!(u, Some(Unit::Equipment)));
    let roles = if equipment && roles.is_empty() {
        vec![Some(Sector::Military)]
    } else {
        roles
    };
    // Trim modifiers and stray capitals off both ends: "former" alone is not the phrase.
    let mut a = 0;
    let mut b = units.len() - 1;
    while a < b && matches!(units[a], Some(Unit::Modifier)) {
        a += 1;
    }
    while b > a && matches!(units[b], Some(Unit::Modifier | Unit::Capitalised)) {
        b -= 1;
    }
    let (first, last) = (first + a, first + b);
    let start = match units[a] {
        Some(Unit::Mention(m)) => mentions[m].span.start.min(ws[first].start),
        _ => ws[first].start,
    };
    let end = match units[b] {
        Some(Unit::Mention(m)) => mentions[m].span.end,
        _ => ws[last].end,
    };
    let head = in_phrase
        .iter()
        .rev()
        .find(|&&m| {
            !matches!(
                mentions[m].entity_type,
                EntityType::Country | EntityType::Place
            )
        })
        .or(in_phrase.last())
        .map(|&m| &mentions[m]);
    let country = in_phrase
        .iter()
        .filter(|&&m| !names_no_state(text, &mentions[m]))
        .find_map(|&m| mentions[m].country.as_deref())
        .and_then(iso_codes)
        .map(|(_, iso3)| iso3);
    // "Baghdad University Medical School", "the Lagos Chamber of Commerce": a body (or a
    // site: "Nairobi University Hospital") the KB does not place belongs where its name says
    let country = country.or_else(|| {
        let body = head.filter(|h| {
            !matches!(
                h.entity_type,
                EntityType::Person | EntityType::InternationalOrg | EntityType::Country
            ) && h.country.is_none()
        })?;
        let (_, iso3) = iso_codes(&crate::entities::place_in_name(&body.text)?)?;
        Some(iso3)
    });
    let role_sector = roles.last().copied();
    // "European Community foreign ministers", "U.N. helicopters": whatever their role, the
    // people and means of an international body act for it, as coders code them (IGO).
    let international = country.is_none()
        && in_phrase
            .iter()
            .any(|&m| mentions[m].entity_type == EntityType::InternationalOrg);
    let sector = match role_sector {
        _ if international => Some(Sector::International),
        Some(s) => s,
        None => head.and_then(|h| match h.entity_type {
            // A state named as a state has no sector in event coding.
            EntityType::Country | EntityType::Place => None,
            EntityType::InternationalOrg => Some(Sector::International),
            _ => h.sector,
        }),
    };
    let place = match (in_phrase.as_slice(), roles.is_empty()) {
        ([m], true)
            if matches!(
                mentions[*m].entity_type,
                EntityType::Country | EntityType::Place
            ) =>
        {
            Some(mentions[*m].canonical.clone())
        }
        _ => None,
    };
    let armed = role_sector == Some(Some(Sector::Military))
        || head.is_some_and(|h| h.entity_type == EntityType::ArmedForce);
    let named = units[a..=b]
        .iter()
        .any(|u| matches!(u, Some(Unit::Mention(_) | Unit::Capitalised)));
    let span = Span::new(start, end);
    debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    Some(Actor {
        span,
        first_word: first,
        last_word: last,
        canonical: head.map(|h| h.canonical.clone()),
        country,
        sector,
        place,
        armed,
        named,
        parties: false,
        ngo: false,
    })
}

/// "pro-Iranian Hizbollah", "an anti-Syria journalist": a name after "pro-" or "anti-" says
/// whom an actor favours or opposes, not where it belongs.
pub(super) fn is_stance(text: &str, m: &Mention) -> bool {
    let before = &text[..m.span.start];
    let own = &text[m.span.start..m.span.end];
    ["pro-", "anti-", "Pro-", "Anti-"]
        .iter()
        .any(|p| before.ends_with(p) || own.starts_with(p))
}

/// "ethnic Albanians in Serbia", "ethnic Turks in Sweden": a people named as an ethnic group
/// lives in the state the story is about, and event coders code it with that state, not with
/// the state its name recalls.
pub(super) fn is_ethnic(text: &str, m: &Mention) -> bool {
    let before = text[..m.span.start].trim_end_matches([' ', '-']);
    let Some(cut) = before.len().checked_sub(6) else {
        return false;
    };
    before
        .get(cut..)
        .is_some_and(|w| w.eq_ignore_ascii_case("ethnic"))
        && !before[..cut].ends_with(char::is_alphanumeric)
}

/// "US $50 million", "Hong Kong dollars": a state's name inside an amount of its currency is
/// no actor, and no sign of what the story is about.
pub(super) fn is_currency(text: &str, m: &Mention) -> bool {
    let after = text[m.span.end..].trim_start_matches(' ');
    after.starts_with('$')
        || after
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("dollar"))
}

/// Does a mention name a state only in passing: a stance, an ethnic group, a currency?
pub(super) fn names_no_state(text: &str, m: &Mention) -> bool {
    is_stance(text, m) || is_ethnic(text, m) || is_currency(text, m)
}

/// Are actors `a` then `b` coordinated ("Russia and North Korea", "Iran, Libya, Sudan")?
pub(super) fn coordinated(text: &str, a: &Actor, b: &Actor) -> bool {
    let Some(raw) = text.get(a.span.end..b.span.start) else {
        return false;
    };
    let gap = raw.trim();
    let gap = gap.strip_prefix("'s").unwrap_or(gap).trim();
    let gap = gap.strip_suffix("the").unwrap_or(gap).trim();
    matches!(
        gap,
        "and" | "," | ", and" | "or" | "as well as" | "and both" | ""
    ) && !raw.contains(['.', ';'])
}

/// Words before "of" that make the phrase after it the head of the subject ("hundreds of
/// Kenyan protesters marched"), not a complement ("cartoons of the Prophet").
const PARTITIVES: &[&str] = &[
    "hundreds",
    "thousands",
    "dozens",
    "millions",
    "scores",
    "tens",
    "some",
    "many",
    "most",
    "all",
    "members",
    "member",
    "group",
    "groups",
    "one",
    "two",
    "three",
    "part",
    "half",
    "third",
    "majority",
    "number",
    "each",
    "both",
    "none",
    "several",
    "leaders",
    "leader",
];

/// Is the phrase right after a preposition ("in Tokyo", "against Iraq", "cartoons of the
/// Prophet")?
pub(super) fn is_oblique(lower: &[String], actor: &Actor) -> bool {
    let mut k = actor.first_word;
    while k > 0 {
        k -= 1;
        let w = lower[k].as_str();
        if is_determiner(w) {
            continue;
        }
        if w == "of" {
            let before = k.checked_sub(1).map(|b| lower[b].as_str());
            return !before.is_some_and(|b| {
                PARTITIVES.contains(&b) || b.chars().all(|c| c.is_ascii_digit() || c == ',')
            });
        }
        return OBLIQUE.contains(&w);
    }
    false
}

/// Words that may stand between a preposition and the actor phrase it governs: articles,
/// possessives and the modifiers a phrase is trimmed of ("by the current Haitian
/// officials", "against its former allies").
pub(super) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "current" | "then"
    ) || MODIFIERS.contains(&w)
}

/// The word before the phrase and its determiners, lower case ("by" in "by the United
/// States", "by current Haitian officials").
pub(super) fn word_before<'a>(lower: &'a [String], actor: &Actor) -> Option<&'a str> {
    lower[..actor.first_word]
        .iter()
        .rev()
        .map(String::as_str)
        .find(|w| !is_determiner(w))
}

/// Is `w` a word that describes a head rather than heads a phrase ("visiting", "former")?
pub(super) fn is_modifier(w: &str) -> bool {
    MODIFIERS.contains(&w)
}

/// Does `w` name an actor's role ("police", "forces")?
pub(super) fn is_role(w: &str) -> bool {
    role(w).is_some()
}

/// Is `w` a reporting word that closes the target search?
pub(super) fn is_reporting(w: &str) -> bool {
    REPORTING.contains(&w)
}
