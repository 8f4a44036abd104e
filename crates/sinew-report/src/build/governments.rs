//! Whose government speaks. Two bodies of one state (its defence and foreign ministries, the
//! White House and the State Department, a minister and his ministry) are one government's
//! voice: a briefing counts them as one account and never sets one against the other as two
//! sources, while it still cites each statement.
//!
//! A statement's government is read from the attribution its document holds for it (the
//! nearest with the claim's source words) and the mentions inside the attribution's source
//! words:
//! - a government body or armed force of a country ("the US State Department"), or a person
//!   the entity layer places in a government or military with a country (a minister);
//! - the state itself speaking ("Russia said", "the White House said", which the entity layer
//!   reads as the United States);
//! - a country word opening or closing a phrase whose other end is a government head word
//!   ("South Korea's defence ministry", "US officials", "officials in Seoul").
//!
//! A company, outlet, think tank or international body among those mentions, two countries
//! ("US and South Korean officials"), or a head that is no part of a state ("a trade institute
//! in Ankara") give no government: the voice is its own.

use std::collections::BTreeSet;

use sinew_types::{EntityType, Mention, Sector};

use super::judgments::Located;
use super::Corpus;
use crate::text::{squash, the_named};

/// Words that, at one end of a speaker's phrase with a country word at the other, make the
/// phrase a body or the officials of that country's state.
const GOVERNMENT_HEADS: &[&str] = &[
    "ministry",
    "ministries",
    "department",
    "government",
    "officials",
    "official",
    "office",
    "agency",
    "intelligence",
    "military",
    "army",
    "navy",
    "forces",
    "embassy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "ministers",
    "president",
    "premier",
    "diplomats",
    "diplomat",
    "envoy",
    "ambassador",
    "authorities",
    "administration",
    "customs",
    "command",
    "cabinet",
    "leadership",
];

/// Who a statement counts as, for counting accounts and pairing voices that disagree.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Voice {
    /// The government of this state (canonical country name).
    Government(String),
    /// A speaker of its own, by its words in lower case.
    Named(String),
    /// No speaker named: the statement's independent source document.
    Unattributed(String),
}

impl Corpus<'_> {
    /// The state whose government gives statement `l`, when its speaker is one of its bodies,
    /// its officials or the state itself (see the module doc).
    pub(super) fn government(&self, l: &Located<'_>) -> Option<String> {
        let said = squash(l.claim.attribution.as_deref()?);
        if said.is_empty() {
            return None;
        }
        let bundle = self.docs[l.doc];
        let distance = |s: sinew_types::Span| {
            if s.end <= l.span.start {
                l.span.start - s.end
            } else {
                s.start.saturating_sub(l.span.end)
            }
        };
        let a = bundle
            .ann
            .attributions
            .iter()
            .filter(|a| squash(&a.source) == said)
            .min_by_key(|a| distance(a.span))?;
        let phrase = a.source_span.slice(&bundle.doc.text)?;
        let inside: Vec<&Mention> = bundle
            .ann
            .mentions
            .iter()
            .filter(|m| a.source_span.contains(m.span))
            .collect();
        government_of(&said, phrase, &inside)
    }

    /// The voice statement `l` counts as: its government, else its speaker's words
    /// ([`Corpus::who`]).
    pub(super) fn voice(&self, l: &Located<'_>) -> Voice {
        match self.government(l) {
            Some(country) => Voice::Government(country),
            None => Voice::Named(self.who(l).to_lowercase()),
        }
    }

    /// How many voices give `located` (a government once, an attributed speaker once, an
    /// unattributed statement as its source document's), and the names of the governments
    /// that speak through two or more of their bodies ("US officials"), in order.
    pub(super) fn government_voices(&self, located: &[&Located<'_>]) -> (usize, Vec<String>) {
        let mut voices: BTreeSet<Voice> = BTreeSet::new();
        let mut speakers: BTreeSet<(String, String)> = BTreeSet::new();
        for l in located {
            let said = l
                .claim
                .attribution
                .as_deref()
                .map(|a| squash(a).to_lowercase())
                .filter(|a| !a.is_empty());
            match (self.government(l), said) {
                (Some(country), Some(said)) => {
                    speakers.insert((country.clone(), said));
                    voices.insert(Voice::Government(country));
                }
                (None, Some(said)) => {
                    voices.insert(Voice::Named(said));
                }
                _ => {
                    voices.insert(Voice::Unattributed(l.member.source.0.clone()));
                }
            }
        }
        let mut merged: Vec<String> = Vec::new();
        for country in speakers.iter().map(|(c, _)| c) {
            let bodies = speakers.iter().filter(|(c, _)| c == country).count();
            let name = self.officials_of(country);
            if bodies > 1 && !merged.contains(&name) {
                merged.push(name);
            }
        }
        (voices.len(), merged)
    }

    /// A state's officials as one voice: "US officials", else "officials of the United
    /// Kingdom" when the entity layer gives no adjective.
    pub(super) fn officials_of(&self, country: &str) -> String {
        let adjective = self
            .findings
            .entities
            .iter()
            .find(|e| e.entity_type == EntityType::Country && e.name == country)
            .and_then(|e| e.adjective.as_deref())
            .filter(|a| !a.trim().is_empty());
        match adjective {
            Some(a) => format!("{} officials", squash(a)),
            None => format!("officials of {}", the_named(country)),
        }
    }
}

/// The government behind a speaker phrase `phrase` (its attribution reads `said`), from the
/// mentions inside it; see the module doc.
fn government_of(said: &str, phrase: &str, inside: &[&Mention]) -> Option<String> {
    let mut states: BTreeSet<&str> = BTreeSet::new();
    let mut country_words = Vec::new();
    for m in inside {
        match m.entity_type {
            EntityType::Country => {
                states.insert(m.canonical.trim());
                country_words.push(*m);
            }
            EntityType::GovernmentBody | EntityType::ArmedForce => {
                states.insert(m.country.as_deref()?.trim());
            }
            EntityType::Person
                if matches!(m.sector, Some(Sector::Government | Sector::Military)) =>
            {
                states.insert(m.country.as_deref()?.trim());
            }
            // an outlet, a company, a think tank, an international body, a private person
            _ => return None,
        }
    }
    if states.len() != 1 {
        return None;
    }
    let state = states.into_iter().next()?.to_string();
    if country_words.is_empty() || said == state {
        return Some(state);
    }
    // a country word with a government head at the phrase's other end
    let words: Vec<String> = crate::text::words(phrase).collect();
    let head = |w: Option<&String>| w.is_some_and(|w| GOVERNMENT_HEADS.contains(&w.as_str()));
    let opens = country_words
        .iter()
        .any(|m| phrase.starts_with(m.text.trim()));
    let closes = country_words
        .iter()
        .any(|m| phrase.ends_with(m.text.trim()));
    ((opens && head(words.last())) || (closes && head(words.first()))).then_some(state)
}

#[cfg(test)]
mod tests {
    use sinew_types::{Coarse, EntityType, Mention, MentionKind, Sector, Span};

    use super::government_of;

    fn mention(
        phrase: &str,
        words: &str,
        entity_type: EntityType,
        canonical: &str,
        country: Option<&str>,
        sector: Option<Sector>,
    ) -> Mention {
        let start = phrase.find(words).expect("words in phrase");
        Mention {
            span: Span::new(start, start + words.len()),
            text: words.into(),
            entity_type,
            canonical: canonical.into(),
            id: format!("x:{canonical}"),
            country: country.map(str::to_string),
            coarse: Coarse::Misc,
            sector,
            kind: MentionKind::Name,
        }
    }

    fn of(said: &str, phrase: &str, mentions: &[Mention]) -> Option<String> {
        let inside: Vec<&Mention> = mentions.iter().collect();
        government_of(said, phrase, &inside)
    }

    #[test]
    fn bodies_officials_and_the_state_itself_speak_for_its_government() {
        let p = "Chilean Navy";
        let navy = mention(
            p,
            p,
            EntityType::ArmedForce,
            "Chilean Navy",
            Some("Chile"),
            None,
        );
        assert_eq!(of(p, p, &[navy]).as_deref(), Some("Chile"));
        let p = "Peru's trade ministry";
        let peru = mention(p, "Peru", EntityType::Country, "Peru", None, None);
        assert_eq!(of(p, p, &[peru]).as_deref(), Some("Peru"));
        let p = "officials in Lima";
        let lima = mention(p, "Lima", EntityType::Country, "Peru", None, None);
        assert_eq!(
            of(p, p, std::slice::from_ref(&lima)).as_deref(),
            Some("Peru")
        );
        // the capital's name read as the state speaking
        assert_eq!(of("Peru", "Lima", &[lima]).as_deref(), Some("Peru"));
        let p = "Ines Varga";
        let minister = mention(
            p,
            p,
            EntityType::Person,
            p,
            Some("Peru"),
            Some(Sector::Government),
        );
        assert_eq!(of(p, p, &[minister]).as_deref(), Some("Peru"));
    }

    #[test]
    fn other_speakers_and_joint_voices_have_no_government() {
        // a private person, an outlet, a body that is no part of the state
        let p = "Ines Varga";
        let analyst = mention(p, p, EntityType::Person, p, Some("Peru"), None);
        assert_eq!(of(p, p, &[analyst]), None);
        let p = "a mining institute in Lima";
        let lima = mention(p, "Lima", EntityType::Country, "Peru", None, None);
        assert_eq!(of(p, p, &[lima]), None);
        let p = "Peruvian copper traders";
        let peru = mention(p, "Peruvian", EntityType::Country, "Peru", None, None);
        assert_eq!(of(p, p, &[peru]), None);
        // two states speaking together are neither's voice alone
        let p = "Peruvian and Chilean officials";
        let both = [
            mention(p, "Peruvian", EntityType::Country, "Peru", None, None),
            mention(p, "Chilean", EntityType::Country, "Chile", None, None),
        ];
        assert_eq!(of(p, p, &both), None);
    }
}
