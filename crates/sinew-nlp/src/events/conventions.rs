//! Event coders' conventions for actors a sentence does not code in its own words: a doer
//! left unnamed is coded with the place where the act happened, a body of civil society that
//! names no country is an `NGO` (CAMEO's and PLOVER's code), not the story's country.

use sinew_types::{EntityType, EventActor, Mention, Sector, Span};

use super::actors::{is_role, names_no_state, Actor};
use crate::entities::iso_codes;
use crate::words::Word;

/// Heads of a non-governmental body ("a human rights group", "the Association of African
/// Jurists"). Such a body whose own words name no country is coded `NGO` by event coders
/// (CAMEO's and PLOVER's code for a non-governmental organisation), not with the story's
/// country: it keeps no country, with sector `CVL`.
const NGO_HEADS: &[&str] = &[
    "group",
    "organisation",
    "organization",
    "association",
    "charity",
    "watchdog",
];

/// Words before "group" that make it an armed or political group, not an NGO.
const NOT_NGO: &[&str] = &[
    "militant",
    "armed",
    "terrorist",
    "jihadist",
    "islamist",
    "extremist",
    "paramilitary",
    "guerrilla",
    "rebel",
    "insurgent",
    "opposition",
    "separatist",
    "political",
    "ethnic",
    "business",
    "media",
    "banking",
    "industry",
    "trade",
    "lobby",
];

/// Is an actor a non-governmental body that names no country ("a human rights group", "the
/// Association of African Jurists"), not an armed or political group ("a rebel group")?
pub(super) fn is_ngo(
    text: &str,
    ws: &[Word<'_>],
    lower: &[String],
    actor: &Actor,
    mentions: &[Mention],
) -> bool {
    if actor.country.is_some() || !matches!(actor.sector, Some(Sector::CivilSociety) | None) {
        return false;
    }
    // "Hizbollah (Party of God) group": the head of a name told before it
    let first = actor.first_word;
    let after_name = first > 0
        && (ws[first - 1].text.starts_with(char::is_uppercase)
            || text[ws[first - 1].end..ws[first].start].contains(')'));
    let head = lower[actor.last_word].as_str();
    let named_body = mentions.iter().any(|m| {
        actor.span.contains(m.span)
            && m.coarse == sinew_types::Coarse::Org
            && text[m.span.start..m.span.end]
                .split_whitespace()
                .next()
                .is_some_and(|w| NGO_HEADS.contains(&w.to_lowercase().as_str()))
    });
    let armed = lower[first.saturating_sub(2)..=actor.last_word]
        .iter()
        .any(|w| NOT_NGO.contains(&w.as_str()) || (is_role(w) && !NGO_HEADS.contains(&w.as_str())));
    let body = (NGO_HEADS.contains(&head) && actor.sector.is_some() && !after_name) || named_body;
    body && !armed
}

/// Words after which a place is where something happens ("in Karachi", "near Badme").
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "around",
];

/// Does a mention name a place ("Karachi", "Lebanon", "Beirut"), not a people or a body?
fn is_place(text: &str, m: &Mention) -> bool {
    let place = match m.entity_type {
        EntityType::Place => true,
        // "Chinese" names a people, "Lebanon" and "Beirut" a place
        EntityType::Country => m.coarse != sinew_types::Coarse::Misc,
        _ => false,
    };
    place && m.country.is_some() && !names_no_state(text, m)
}

/// The place an act happened, standing for a doer the sentence does not name. Event coders
/// code an unknown attacker, an unnamed crowd or an agentless passive ("a mayor was shot dead
/// in Cali", "a car bomb exploded in Tripoli, Lebanon", "thousands rallied in Karachi") with
/// the country where it happened (the ICEWS and PLOVER convention): the first place after a
/// locative word ("in", "near"), else the first place the sentence names that is not the
/// target ("aid delivered to Sudan": Sudan receives it), a place followed by
/// its country ("Tripoli, Lebanon") taking that country; else the sentence's first mention
/// of the story's home country. `mentions` are the sentence's, sorted; the actor is the words
/// of that place, so it is traced like any other.
pub(super) fn where_it_happened(
    text: &str,
    actors: &[Actor],
    mentions: &[Mention],
    home: Option<&str>,
    target: &[Span],
) -> Option<EventActor> {
    // a place standing alone, not one naming whose people act ("US servicemen")
    let places: Vec<usize> = (0..mentions.len())
        .filter(|&k| {
            is_place(text, &mentions[k])
                && actors
                    .iter()
                    .any(|a| a.place.is_some() && a.span.contains(mentions[k].span))
        })
        .collect();
    // "in Karachi", "outside of the Iraqi city of Basra": a locative word a few words before,
    // inside the same phrase
    let locative = |m: &Mention| {
        text[..m.span.start]
            .split_whitespace()
            .rev()
            .take(5)
            .take_while(|w| !w.ends_with([',', '.', ';', ':']))
            .any(|w| LOCATIVE.contains(&w))
    };
    let chosen = places
        .iter()
        .copied()
        .find(|&k| locative(&mentions[k]))
        .or_else(|| {
            places
                .iter()
                .copied()
                .find(|&k| !target.iter().any(|t| t.contains(mentions[k].span)))
        })
        .map(|k| {
            // "Tripoli, Lebanon": the country after a place says which one
            let next = mentions.get(k + 1).filter(|n| {
                n.entity_type == EntityType::Country
                    && is_place(text, n)
                    && text[mentions[k].span.end..n.span.start].trim() == ","
            });
            &mentions[next.map_or(k, |_| k + 1)]
        })
        .or_else(|| {
            let home = home?;
            mentions.iter().find(|m| {
                !names_no_state(text, m)
                    && m.country
                        .as_deref()
                        .and_then(iso_codes)
                        .is_some_and(|(_, iso3)| iso3 == home)
            })
        })?;
    let (_, iso3) = iso_codes(chosen.country.as_deref()?)?;
    Some(EventActor {
        span: chosen.span,
        text: chosen.text.clone(),
        canonical: Some(chosen.canonical.clone()),
        country: Some(iso3.to_string()),
        sector: None,
    })
}
