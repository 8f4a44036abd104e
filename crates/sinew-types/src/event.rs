//! Who did what to whom, when and where, by whose account? An [`Event`] is one coded event of
//! a sentence in the PLOVER ontology (the open successor of CAMEO): its category and mode, the
//! words that trigger it, its source and target actors (each with its ISO3 country and sector),
//! its date, place, attribution, modality and negation, and the domain kind (treaty signing,
//! arms transfer...) it was read as, when it is one.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Sector, Span};

/// The twenty PLOVER event categories (version 0.5 and later), serialised in upper case
/// (`AGREE`, `SANCTION`) as event coders write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum PloverCategory {
    /// Agree to, offer, promise or accept something.
    Agree,
    /// Meet, visit, telephone, hold talks, mediate.
    Consult,
    /// Praise, endorse, defend, apologise, sign a formal agreement, recognise.
    Support,
    /// Cooperate economically, militarily or judicially (share intelligence, extradite).
    Cooperate,
    /// Give material aid: economic, military, humanitarian, asylum.
    Aid,
    /// Yield: withdraw, release, demobilise, resign, return, compensate.
    Retreat,
    /// Ask for something.
    Request,
    /// Accuse or allege.
    Accuse,
    /// Refuse, veto, oppose a request or a proposal.
    Reject,
    /// Threaten.
    Threaten,
    /// Demonstrate, strike, riot, block roads.
    Protest,
    /// Cut aid or relations, impose an embargo or sanctions, expel diplomats.
    Sanction,
    /// Raise alert, deploy or reinforce forces, exhibit force.
    Mobilize,
    /// Repress: arrest, ban, deport, confiscate, curfew, martial law.
    Coerce,
    /// Unconventional violence: bombings, assassinations, abductions, torture.
    Assault,
    /// Conventional fighting: clashes, shelling, air strikes, killings in battle.
    Fight,
    /// Demand, insist, press for.
    Demand,
    /// Criticise, condemn, complain, investigate-and-charge.
    Disapprove,
    /// Ease or lift restrictions, give in to a demand, call off a protest.
    Concede,
    /// Investigate, inspect, send observers.
    Investigate,
}

impl PloverCategory {
    /// Every category, in PLOVER's order.
    pub const ALL: [PloverCategory; 20] = [
        PloverCategory::Agree,
        PloverCategory::Consult,
        PloverCategory::Support,
        PloverCategory::Cooperate,
        PloverCategory::Aid,
        PloverCategory::Retreat,
        PloverCategory::Request,
        PloverCategory::Accuse,
        PloverCategory::Reject,
        PloverCategory::Threaten,
        PloverCategory::Protest,
        PloverCategory::Sanction,
        PloverCategory::Mobilize,
        PloverCategory::Coerce,
        PloverCategory::Assault,
        PloverCategory::Fight,
        PloverCategory::Demand,
        PloverCategory::Disapprove,
        PloverCategory::Concede,
        PloverCategory::Investigate,
    ];

    /// The upper-case PLOVER name (`AGREE`, `SANCTION`).
    pub fn as_str(self) -> &'static str {
        match self {
            PloverCategory::Agree => "AGREE",
            PloverCategory::Consult => "CONSULT",
            PloverCategory::Support => "SUPPORT",
            PloverCategory::Cooperate => "COOPERATE",
            PloverCategory::Aid => "AID",
            PloverCategory::Retreat => "RETREAT",
            PloverCategory::Request => "REQUEST",
            PloverCategory::Accuse => "ACCUSE",
            PloverCategory::Reject => "REJECT",
            PloverCategory::Threaten => "THREATEN",
            PloverCategory::Protest => "PROTEST",
            PloverCategory::Sanction => "SANCTION",
            PloverCategory::Mobilize => "MOBILIZE",
            PloverCategory::Coerce => "COERCE",
            PloverCategory::Assault => "ASSAULT",
            PloverCategory::Fight => "FIGHT",
            PloverCategory::Demand => "DEMAND",
            PloverCategory::Disapprove => "DISAPPROVE",
            PloverCategory::Concede => "CONCEDE",
            PloverCategory::Investigate => "INVESTIGATE",
        }
    }

    /// Reads a PLOVER name, in any case (`agree`, `AGREE`).
    pub fn parse(s: &str) -> Option<PloverCategory> {
        PloverCategory::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
    }
}

/// The events this project's domain names on top of PLOVER, each coded in one PLOVER category
/// ([`EventKind::category`]): an analyst asks for "arms transfers", a coder counts `AID`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Arms or munitions supplied, shipped or delivered (`AID`).
    ArmsTransfer,
    /// Goods of civil and military use exported (`COOPERATE`).
    DualUseExport,
    /// Troops sent to or stationed in a place (`MOBILIZE`).
    TroopDeployment,
    /// A treaty, pact or agreement signed or ratified (`SUPPORT`, as PLOVER codes signing a
    /// formal agreement).
    TreatySigning,
    /// A head of state or minister visiting another country (`CONSULT`, mode `visit`).
    StateVisit,
    /// People or entities designated for sanctions, embargoes imposed (`SANCTION`).
    SanctionsDesignation,
    /// A missile, nuclear or other weapon tested or test-fired (`MOBILIZE`).
    WeaponsTest,
    /// A military exercise or drill held (`MOBILIZE`).
    MilitaryExercise,
    /// A payment channel, currency swap or settlement arrangement set up (`COOPERATE`).
    PaymentArrangement,
}

impl EventKind {
    /// Every kind, in declaration order.
    pub const ALL: [EventKind; 9] = [
        EventKind::ArmsTransfer,
        EventKind::DualUseExport,
        EventKind::TroopDeployment,
        EventKind::TreatySigning,
        EventKind::StateVisit,
        EventKind::SanctionsDesignation,
        EventKind::WeaponsTest,
        EventKind::MilitaryExercise,
        EventKind::PaymentArrangement,
    ];

    /// The PLOVER category this kind is coded in.
    pub fn category(self) -> PloverCategory {
        match self {
            EventKind::ArmsTransfer => PloverCategory::Aid,
            EventKind::DualUseExport | EventKind::PaymentArrangement => PloverCategory::Cooperate,
            EventKind::TroopDeployment | EventKind::WeaponsTest | EventKind::MilitaryExercise => {
                PloverCategory::Mobilize
            }
            EventKind::TreatySigning => PloverCategory::Support,
            EventKind::StateVisit => PloverCategory::Consult,
            EventKind::SanctionsDesignation => PloverCategory::Sanction,
        }
    }

    /// The snake_case name (`arms_transfer`, `state_visit`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::ArmsTransfer => "arms_transfer",
            EventKind::DualUseExport => "dual_use_export",
            EventKind::TroopDeployment => "troop_deployment",
            EventKind::TreatySigning => "treaty_signing",
            EventKind::StateVisit => "state_visit",
            EventKind::SanctionsDesignation => "sanctions_designation",
            EventKind::WeaponsTest => "weapons_test",
            EventKind::MilitaryExercise => "military_exercise",
            EventKind::PaymentArrangement => "payment_arrangement",
        }
    }

    /// Reads a name written by [`EventKind::as_str`].
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How an event is told: as having happened, as hedged, as planned or promised, or as denied.
/// A threat is its own PLOVER category (`THREATEN`), not a modality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventModality {
    /// Told as fact.
    #[default]
    Asserted,
    /// Hedged: "may", "could", "reportedly", "allegedly".
    Hedged,
    /// Still to come: "will", "plans to", "is ready to", "intends to".
    Planned,
    /// Denied by someone: "denied attacking", "rejected reports that".
    Denied,
}

impl EventModality {
    /// The snake_case name (`asserted`, `hedged`, `planned`, `denied`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventModality::Asserted => "asserted",
            EventModality::Hedged => "hedged",
            EventModality::Planned => "planned",
            EventModality::Denied => "denied",
        }
    }
}

/// One actor of an event: the words naming it and who they name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventActor {
    /// The words naming the actor ("Iraqi President Saddam Hussein", "Israeli troops").
    pub span: Span,
    /// The words themselves.
    pub text: String,
    /// The canonical name of the entity the words name, when the entity layer knows it.
    pub canonical: Option<String>,
    /// ISO 3166-1 alpha-3 code of the country the actor belongs to or acts for.
    pub country: Option<String>,
    /// The part of society the actor acts for (`GOV`, `MIL`, `IGO`...), from role words
    /// ("minister", "troops") and entity types.
    pub sector: Option<Sector>,
}

/// One event told by one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER category.
    pub category: PloverCategory,
    /// PLOVER mode where the category defines one and the words say it (`visit`, `phone`,
    /// `troops`, `heavy-weapons`).
    pub mode: Option<String>,
    /// The domain's name for the event, when it is one of them. A planned act keeps its kind
    /// while its category is that of the intention (`AGREE` for "will visit", `THREATEN` for
    /// "plans to impose sanctions"), as PLOVER codes intentions.
    pub kind: Option<EventKind>,
    /// The trigger words ("signed", "test-fired", "sanctions").
    pub trigger: Span,
    /// The sentence telling the event.
    pub sentence: Span,
    /// Who acts: several for a compound subject ("Russia and North Korea signed").
    pub source: Vec<EventActor>,
    /// Who or what is acted on; empty for events among the sources (talks, treaties).
    pub target: Vec<EventActor>,
    /// The day (or first day) of the event, from a time expression of its sentence resolved
    /// against publication.
    pub date: Option<NaiveDate>,
    /// The last day the time expression covers ("in 2019": 2019-12-31), when it is known.
    pub date_end: Option<NaiveDate>,
    /// Where, when the sentence says ("in Pyongyang"): a canonical place or country name.
    pub location: Option<String>,
    /// Who tells it, when not the narrator ("X said Y attacked Z": X).
    pub attribution: Option<String>,
    /// As fact, hedged, planned or denied.
    pub modality: EventModality,
    /// "did not sign", "never visited".
    pub negated: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_serialise_in_upper_case_and_read_back() {
        for c in PloverCategory::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(PloverCategory::parse(&c.as_str().to_lowercase()), Some(c));
        }
        assert_eq!(PloverCategory::parse("DOCUMENT"), None);
    }

    #[test]
    fn every_kind_reads_back_and_maps_to_a_category() {
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(k));
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        assert_eq!(EventKind::TreatySigning.category(), PloverCategory::Support);
        assert_eq!(EventKind::StateVisit.category(), PloverCategory::Consult);
    }
}
