//! What did the NLP stages find in a document? Sentences, entity mentions, quantities, time
//! expressions, attributions and claims, each with its span into the clean text, and the
//! diagnostics of a stage that read messy text without failing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{DocId, Span};

/// One sentence of a document's clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence lies.
    pub span: Span,
}

/// Fine-grained entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A sovereign state or territory ("China", "Beijing" used as metonym, "Chinese").
    Country,
    /// A city or region named as a place, not as a government.
    Place,
    /// An international organisation or grouping ("NATO", "G7", "United Nations").
    InternationalOrg,
    /// A government body, ministry or agency ("US State Department").
    GovernmentBody,
    /// An armed force or one of its units ("Korean People's Army", "Wagner Group").
    ArmedForce,
    /// A company.
    Company,
    /// A company the state owns or runs ("Rosneft", "Rosoboronexport").
    StateEnterprise,
    /// A think tank, university or research institute ("CSIS", "Carnegie Endowment").
    ThinkTank,
    /// A news organisation.
    Media,
    /// A person.
    Person,
    /// A treaty, pact, agreement or declared partnership.
    Agreement,
    /// A ship or other vessel ("Angara").
    Vessel,
    /// A weapon system or munition ("KN-23", "Shahed-136").
    Weapon,
    /// A named commodity or category of goods ("Urals crude").
    Commodity,
    /// Anything else named.
    Other,
}

/// The CoNLL-2003 class of a mention. Usually what its [`EntityType`] implies, but not always:
/// a nationality adjective ("French") is `MISC` while its entity is a country, so each
/// [`Mention`] carries its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Coarse {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation.
    #[serde(rename = "ORG")]
    Org,
    /// A location.
    #[serde(rename = "LOC")]
    Loc,
    /// Any other name (nationalities, events, products, agreements).
    #[serde(rename = "MISC")]
    Misc,
}

impl Coarse {
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Coarse::Per => "PER",
            Coarse::Org => "ORG",
            Coarse::Loc => "LOC",
            Coarse::Misc => "MISC",
        }
    }

    /// Reads `PER`, `ORG`, `LOC` or `MISC`.
    pub fn parse(s: &str) -> Option<Coarse> {
        Some(match s {
            "PER" => Coarse::Per,
            "ORG" => Coarse::Org,
            "LOC" => Coarse::Loc,
            "MISC" => Coarse::Misc,
            _ => return None,
        })
    }
}

/// The part of society an actor belongs to, with event coders' codes (CAMEO/PLOVER), so
/// claims, flows and events can be rolled up: "a North Korean general" is North Korea, `MIL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Sector {
    /// Government: heads of state, ministers, ministries, agencies.
    #[serde(rename = "GOV")]
    Government,
    /// Armed forces and their units, defence officials in uniform.
    #[serde(rename = "MIL")]
    Military,
    /// Business: companies, state enterprises, executives.
    #[serde(rename = "BUS")]
    Business,
    /// Media: outlets and journalists.
    #[serde(rename = "MED")]
    Media,
    /// Civil society: think tanks, universities, NGOs, analysts.
    #[serde(rename = "CVL")]
    CivilSociety,
    /// International organisations and their officials.
    #[serde(rename = "IGO")]
    International,
}

impl Sector {
    /// The event coders' code: `GOV`, `MIL`, `BUS`, `MED`, `CVL` or `IGO`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Government => "GOV",
            Sector::Military => "MIL",
            Sector::Business => "BUS",
            Sector::Media => "MED",
            Sector::CivilSociety => "CVL",
            Sector::International => "IGO",
        }
    }

    /// Reads a code written by [`Sector::as_str`].
    pub fn parse(s: &str) -> Option<Sector> {
        Some(match s {
            "GOV" => Sector::Government,
            "MIL" => Sector::Military,
            "BUS" => Sector::Business,
            "MED" => Sector::Media,
            "CVL" => Sector::CivilSociety,
            "IGO" => Sector::International,
            _ => return None,
        })
    }
}

impl EntityType {
    /// The CoNLL-style coarse class an entity of this type usually has (a mention may differ:
    /// see [`Coarse`]).
    pub fn coarse(self) -> Coarse {
        match self {
            EntityType::Person => Coarse::Per,
            EntityType::Country | EntityType::Place => Coarse::Loc,
            EntityType::InternationalOrg
            | EntityType::GovernmentBody
            | EntityType::ArmedForce
            | EntityType::Company
            | EntityType::StateEnterprise
            | EntityType::ThinkTank
            | EntityType::Media => Coarse::Org,
            EntityType::Agreement
            | EntityType::Vessel
            | EntityType::Weapon
            | EntityType::Commodity
            | EntityType::Other => Coarse::Misc,
        }
    }

    /// Every type, in declaration order.
    pub const ALL: [EntityType; 15] = [
        EntityType::Country,
        EntityType::Place,
        EntityType::InternationalOrg,
        EntityType::GovernmentBody,
        EntityType::ArmedForce,
        EntityType::Company,
        EntityType::StateEnterprise,
        EntityType::ThinkTank,
        EntityType::Media,
        EntityType::Person,
        EntityType::Agreement,
        EntityType::Vessel,
        EntityType::Weapon,
        EntityType::Commodity,
        EntityType::Other,
    ];

    /// Reads a name written by [`EntityType::as_str`].
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The snake_case name used in exports (`country`, `government_body`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Country => "country",
            EntityType::Place => "place",
            EntityType::InternationalOrg => "international_org",
            EntityType::GovernmentBody => "government_body",
            EntityType::ArmedForce => "armed_force",
            EntityType::Company => "company",
            EntityType::StateEnterprise => "state_enterprise",
            EntityType::ThinkTank => "think_tank",
            EntityType::Media => "media",
            EntityType::Person => "person",
            EntityType::Agreement => "agreement",
            EntityType::Vessel => "vessel",
            EntityType::Weapon => "weapon",
            EntityType::Commodity => "commodity",
            EntityType::Other => "other",
        }
    }
}

/// A place in the text where an entity is named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The words naming the entity.
    pub span: Span,
    /// The words themselves.
    pub text: String,
    /// Fine-grained type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Canonical name ("China" for "Beijing", "Chinese" and "China's").
    pub canonical: String,
    /// Stable identifier derived from type and canonical name (`country:china`).
    pub id: String,
    /// The country the entity belongs to or speaks for, when known ("Russia" for "the
    /// Kremlin" or "Russian Ministry of Defense", "China" for "Xi Jinping").
    pub country: Option<String>,
    /// The CoNLL-2003 class of these words (`MISC` for "French" though its entity is France).
    pub coarse: Coarse,
    /// The sector of society the entity acts for, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// A name, or a phrase that refers back to one ("the minister", "the Kremlin's ally").
    #[serde(default, skip_serializing_if = "MentionKind::is_name")]
    pub kind: MentionKind,
}

/// How a mention refers to its entity. Only names are named entities in the CoNLL sense;
/// a nominal is found by coreference and links to the entity it refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// The entity's name, or a short form of it ("Shoigu", "DPRK").
    #[default]
    Name,
    /// A common-noun phrase referring to an entity named elsewhere ("the minister",
    /// "the regime", "the North").
    Nominal,
}

impl MentionKind {
    /// Is this a name?
    pub fn is_name(&self) -> bool {
        *self == MentionKind::Name
    }

    /// `name` or `nominal`.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Nominal => "nominal",
        }
    }
}

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// An amount of money; `unit` is an ISO 4217 code, or a minor unit (`cent`, `penny`,
    /// `dime`) when the text does not say of which currency.
    Money,
    /// A percentage (`unit` = `percent`) or percentage points (`percentage_point`).
    Percent,
    /// A count of things; `unit` is the counted noun in the singular.
    Count,
    /// A physical measure; `unit` is a canonical unit symbol (`km/h`, `mm`, `t`, `mGy`,
    /// `km/s2`), or a duration's name (`year`, `hour`).
    Measure,
    /// A bare number with nothing counted.
    Number,
    /// A fraction with nothing measured ("two-thirds", "1/40"); `value` is the ratio, never
    /// the numerator or the denominator.
    Fraction,
}

/// A figure found in text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The words stating the figure, qualifier, unit and rate included.
    pub span: Span,
    /// The words themselves.
    pub text: String,
    /// Value with scale applied ("4.8 million" = 4800000).
    pub value: f64,
    /// Upper bound of a range ("between 80% and 90%").
    pub value_max: Option<f64>,
    /// Normalised unit: ISO 4217 code, `percent`, counted noun in the singular, or unit symbol.
    pub unit: Option<String>,
    /// What kind of quantity this is.
    pub kind: QuantityKind,
    /// Qualifier as written, lower-cased ("over", "more than", "approximately").
    pub qualifier: Option<String>,
    /// Rate period or divisor ("month" for "a month", "unit" for "per unit").
    pub per: Option<String>,
    /// True for vague amounts ("dozens of", "millions of") that state no exact figure.
    pub vague: bool,
}

/// Granularity of a resolved time expression, as in TIMEX3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// A second (durations only).
    Second,
    /// A minute: durations, and clock times read to the minute ("14:30 GMT").
    Minute,
    /// An hour: durations, and clock times read to the hour ("at 5 pm", "noon").
    Hour,
    /// A calendar day.
    Day,
    /// A week.
    Week,
    /// A calendar month.
    Month,
    /// A season.
    Season,
    /// A quarter.
    Quarter,
    /// A half year.
    Half,
    /// A calendar year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// How a time expression relates to its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A point or period ("December 2023", "last week").
    Point,
    /// An open interval from a date ("since August 2023").
    Since,
    /// An open interval up to a date ("by 2023", "until June").
    Until,
    /// A closed interval ("between 2021 and 2023").
    Range,
    /// A length of time ("three years").
    Duration,
    /// A recurring time ("every month", "weekly", "twice a year"): no dates, its period as
    /// the TIMEX3 value ("P1M"). Added in issue 14; text written before it never holds it, so
    /// stored and serialised data stay readable both ways.
    Set,
}

/// A time expression and the dates it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The words.
    pub span: Span,
    /// The words themselves.
    pub text: String,
    /// First day covered, when resolved.
    pub start_date: Option<NaiveDate>,
    /// Last day covered, when resolved (inclusive).
    pub end_date: Option<NaiveDate>,
    /// Granularity.
    pub grain: Grain,
    /// Point, open or closed interval, or duration.
    pub kind: TimeKind,
    /// TIMEX3-style value ("2023-12", "2023", "P3Y"), when resolved.
    pub timex: Option<String>,
}

/// Who said something: "according to X", "X said", "X writes", "denounces X".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The cue and the source together.
    pub span: Span,
    /// The words naming the source.
    pub source_span: Span,
    /// The source, canonical when it is a known entity.
    pub source: String,
    /// The cue as written ("according to", "said").
    pub cue: String,
}

/// How firmly a statement is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Hedged: "may have", "could", "reportedly", "probably", "estimated".
    Hedged,
}

/// What kind of figure a claim states, read from its clause by extraction: analysts and the
/// ledger never compare a growth rate with a share, or a running total with one month's flow.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// An amount moved, traded, paid or made over a period ("exports reached $240 billion in
    /// 2023", "300 million dollars a month").
    Flow,
    /// A running or standing total at a time ("has shipped 6,700 containers since August",
    /// "reserves of $600 billion", "10,000 troops deployed").
    Stock,
    /// A rise or fall, absolute or relative ("grew 26.3%", "up $5 billion", "fell by half").
    Change,
    /// A part of a whole ("90% of Russia's imports", "a third of the market").
    Share,
    /// A price, rate or unit cost ("$60 a barrel", "an interest rate of 16%").
    Price,
    /// None of these, or the clause does not say.
    #[default]
    Other,
}

impl MeasureKind {
    /// Every kind, in display order.
    pub const ALL: [MeasureKind; 6] = [
        MeasureKind::Flow,
        MeasureKind::Stock,
        MeasureKind::Change,
        MeasureKind::Share,
        MeasureKind::Price,
        MeasureKind::Other,
    ];

    /// Lower-case name, as serialised (`flow`, `stock`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            MeasureKind::Flow => "flow",
            MeasureKind::Stock => "stock",
            MeasureKind::Change => "change",
            MeasureKind::Share => "share",
            MeasureKind::Price => "price",
            MeasureKind::Other => "other",
        }
    }

    /// The kind named `s` (as [`MeasureKind::as_str`] writes it).
    pub fn parse(s: &str) -> Option<MeasureKind> {
        MeasureKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    fn is_other(&self) -> bool {
        *self == MeasureKind::Other
    }
}

/// A quantitative claim: a figure, who it is about, when, and who says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The document it comes from.
    pub doc: DocId,
    /// The figure's span (same as `quantity.span`).
    pub span: Span,
    /// The sentence holding the figure.
    pub sentence: Span,
    /// The figure.
    pub quantity: Quantity,
    /// Canonical name of the actor the figure is about (the exporter, the supplier).
    pub subject: Option<String>,
    /// Canonical name of the counterpart (the recipient, the importer).
    pub object: Option<String>,
    /// What is measured, in a few words ("exports of dual-use products").
    pub measure: String,
    /// When, if the sentence says.
    pub time: Option<TimeExpr>,
    /// Who says so, if the sentence says.
    pub attribution: Option<String>,
    /// How firmly.
    pub modality: Modality,
    /// What kind of figure (flow, stock, change, share, price). Absent from claims stored
    /// before it existed: `Other`.
    #[serde(default, skip_serializing_if = "MeasureKind::is_other")]
    pub kind: MeasureKind,
    /// The span of another figure of the same sentence that this one states again in another
    /// currency or unit ("600 million dollars (about 561 million euros)": the euro claim
    /// restates the dollar one). The ledger counts the pair as one figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restates: Option<Span>,
    /// Set when the figure's own sentence names no party and its subject and object were
    /// carried over from the discourse: where from ([`Inferred`]). An analyst checks such
    /// parties against those words, not against the figure's sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<Inferred>,
    /// The span of the figure of the same sentence that this one changed into: this one is
    /// the earlier value of a change the sentence states ("has risen from less than 2%
    /// before the war to more than a third": the 2% claim's `changed_to` is the third's;
    /// "rose to $5 billion from $4 billion": the $4 billion's is the $5 billion's). The
    /// analysis reads the other as the current value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_to: Option<Span>,
}

/// Where the parties of a claim whose sentence names none come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Inferred {
    /// An earlier sentence of the same paragraph: its claim, or the actors of its verb of
    /// supply ("North Korea has sent munitions to Russia. ... put the total at 10,000+
    /// containers").
    Discourse,
    /// The heading of the figure's section ("1. State Farm Group / Market share: 12.89%").
    Heading,
    /// The pair the whole document is about: the parties most of its claims name. Also set
    /// when the sentence names the giver, the pair's own, and no recipient ("Pyongyang had
    /// decided to send about 12,000 troops"): only the recipient is carried over then.
    Document,
}

impl Inferred {
    /// Lower-case name, as serialised (`discourse`, `heading`, `document`).
    pub fn as_str(self) -> &'static str {
        match self {
            Inferred::Discourse => "discourse",
            Inferred::Heading => "heading",
            Inferred::Document => "document",
        }
    }
}

/// Something extraction noticed but could not handle; extraction never fails on text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Where, when it concerns a span.
    pub span: Option<Span>,
    /// What.
    pub message: String,
}

/// Everything extraction found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotations {
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Entity mentions, in order.
    pub mentions: Vec<Mention>,
    /// Quantities, in order.
    pub quantities: Vec<Quantity>,
    /// Time expressions, in order.
    pub times: Vec<TimeExpr>,
    /// Attributions, in order.
    pub attributions: Vec<Attribution>,
    /// Quantitative claims, in order.
    pub claims: Vec<Claim>,
    /// What could not be handled.
    pub diagnostics: Vec<Diagnostic>,
    /// Short descriptions of entities in the article's words ("Russia's defence minister").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub descriptions: Vec<Description>,
    /// PLOVER events told by the sentences, in order of their triggers (absent from JSON
    /// written before events were kept: read as none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<crate::Event>,
}

/// What an article says an entity is, in a few of its own words: an appositive ("Andrei
/// Belousov, Russia's defence minister,"), a role title before a name ("Defence Minister
/// Andrei Belousov") or a copular sentence ("CSIS is a Washington think tank").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Description {
    /// The described entity's id, as its mentions carry it (`person:andrei belousov`).
    pub entity: String,
    /// The describing words.
    pub span: Span,
    /// The words as shown: spaces squashed, a role title's words in lower case
    /// ("defence minister" for "Defence Minister").
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entity_type_is_listed_once_and_reads_back() {
        // No wildcard arm: a new variant does not compile until it has a place in `ALL`.
        let place = |t: EntityType| match t {
            EntityType::Country => 0,
            EntityType::Place => 1,
            EntityType::InternationalOrg => 2,
            EntityType::GovernmentBody => 3,
            EntityType::ArmedForce => 4,
            EntityType::Company => 5,
            EntityType::StateEnterprise => 6,
            EntityType::ThinkTank => 7,
            EntityType::Media => 8,
            EntityType::Person => 9,
            EntityType::Agreement => 10,
            EntityType::Vessel => 11,
            EntityType::Weapon => 12,
            EntityType::Commodity => 13,
            EntityType::Other => 14,
        };
        for (i, t) in EntityType::ALL.into_iter().enumerate() {
            assert_eq!(place(t), i);
            assert_eq!(EntityType::parse(t.as_str()), Some(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        assert_eq!(EntityType::parse("nation"), None);
    }

    #[test]
    fn annotations_written_before_events_read_with_none() {
        let old = r#"{"sentences":[],"mentions":[],"quantities":[],"times":[],
            "attributions":[],"claims":[],"diagnostics":[]}"#;
        let ann: Annotations = serde_json::from_str(old).unwrap();
        assert!(ann.events.is_empty());
        // And none are written when there are none, so older readers read it back.
        let json = serde_json::to_string(&ann).unwrap();
        assert!(!json.contains("events"), "{json}");
    }
}
