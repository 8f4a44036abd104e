//! Who did it to whom: the subject and object of a figure's claim, read from the entity
//! layer's mentions in the figure's sentence and the words around each.
//!
//! Any named entity can be a party (countries, companies, bodies, groupings, people, media),
//! except places, agreements, vessels, weapons and goods; a government body or a person in
//! state office acts for its state. Each mention first gets a role from the words around it
//! (`actors.rs`, `role_of`): "from X" gives, "to X"/"with X" gets, "in X" is a place (a last resort for
//! "the country whose figure": "wages in the U.S."), "of X"/"at X" names an organisation's
//! own figure ("workers at Whirlpool"), and a mention that states the figure ("X said",
//! "X's defence ministry estimated") is a speaker, which goes to attribution and is never a
//! party unless it reports its own accounts ("Snowflake reported free cash flow of ...").
//!
//! [`parties`] then reads the clause, first rule that names someone wins:
//! 1. "between A and B", "A-B trade" (`pairs.rs`);
//! 2. acquisitions, "X is acquiring Y for $N", "X's $N acquisition of Y" (`voice.rs`);
//! 3. verbs of receipt and the passive ("received ... from", "supplied to ... by");
//!    a verb after the figure counts when an actor stands right before it ("70% of the
//!    machine tools that Russia imported came from China");
//! 4. "imports from X" with the importer named elsewhere in the sentence, and "$N from X"
//!    (X gives; the actor before the figure gets);
//! 5. the active reading: the actor before the verb of flow, or before the figure, or in its
//!    clause; a participle clause ("..., shipping 107 million tonnes") takes the main
//!    clause's subject, and "imposed by X" names the agent;
//! 6. references back: "the two countries/sides", "bilateral" (the last pair named),
//!    "the country", "the company", "it" (the last one named), a government body's own
//!    report, a company's own report, a definite description of what the sentence before
//!    names ("the wagons" after "X sent wagons to Y": X to Y), the target of "sanctions
//!    against X" for a sanctions count with no object (`pairs::sanction_target`), and last
//!    the place the figure is in; a figure with no one at all in its sentence then takes its section's topic
//!    (`topic.rs`), and "we" or a far "the company" the document's organisation.

use sinew_types::{Attribution, EntityType, Quantity, QuantityKind, Span};

use super::actors::speech_frame_end;
use super::actors::{Actor, Role};
use super::{clause_of, modifiers, pairs, refer, voice, ClaimInputs};
use crate::words::Word;

/// Past participles that open a sentence without the "-ed" ending.
const IRREGULAR_PARTICIPLES: &[&str] = &["led", "run", "held", "built", "born", "bought", "sold"];

/// "Owned by conglomerate SPC Group, Paris Baguette now has 4,500 units": a participle
/// phrase that opens the sentence describes its subject, and whoever it names ("SPC Group")
/// is no party to a figure after it. The phrase's end (its comma), or 0.
fn fronted_participle_end(text: &str, sentence: Span, ws: &[Word<'_>], q: Span) -> usize {
    let Some(first) = ws.first().filter(|w| w.start == sentence.start) else {
        return 0;
    };
    let lower = first.text.to_ascii_lowercase();
    let participle =
        (lower.len() > 4 && lower.ends_with("ed")) || first.is_any(IRREGULAR_PARTICIPLES);
    // "Owned by", "Founded in 1988 by", "Backed by": the agent comes within a few words.
    let agent = ws.iter().skip(1).take(4).any(|w| w.is("by"));
    if !participle || !agent {
        return 0;
    }
    text[first.end..q.start]
        .find(',')
        .map_or(0, |p| first.end + p + 1)
}

/// Words that may open a sentence before a fronted "-ing" clause ("After growing ...").
const GERUND_OPENERS: &[&str] = &["after", "before", "while", "since", "despite", "by", "on"];

/// "After growing revenue by 23% in 2024, Orvex projects ...", "Growing free cash flow from
/// $1.2 billion, Orvex ...": a figure in an "-ing" clause that opens the sentence and names
/// no one is the main clause's subject's, the name right after the clause's comma, whether
/// it states the main clause ("..., Orvex said it expects ...") or the tagger took a new
/// company's name for a place's ("..., Talvora projects ...").
fn fronted_gerund_subject(
    text: &str,
    sentence: Span,
    ws: &[Word<'_>],
    actors: &[Actor<'_>],
    q: Span,
) -> Option<String> {
    let mut i = 0;
    if ws.first()?.start != sentence.start {
        return None;
    }
    if ws[0].is_any(GERUND_OPENERS) {
        i = 1;
    }
    let verb = ws.get(i)?;
    let lower = verb.text.to_ascii_lowercase();
    if lower.len() <= 5 || !lower.ends_with("ing") || !verb.text.starts_with(char::is_alphabetic) {
        return None;
    }
    let comma = verb.end + text[verb.end..sentence.end].find(',')?;
    let party = |a: &&Actor<'_>| !matches!(a.role, Role::Speaker | Role::Place);
    if q.end > comma || actors.iter().filter(party).any(|a| a.span.end <= comma) {
        return None;
    }
    // The name must open the main clause: nothing but spaces and "the" before it.
    actors
        .iter()
        .find(|a| a.span.start > comma)
        .filter(|a| {
            matches!(a.role, Role::Plain | Role::Speaker | Role::Place)
                && !a.adjective
                && ws
                    .iter()
                    .filter(|w| w.start > comma && w.end <= a.span.start)
                    .all(|w| w.is("the"))
        })
        .map(|a| a.name.to_string())
}

/// Does a measure or a unit price (a thing's attribute, no relation by default) still have
/// parties here? When a verb of flow moved a measure from an actor named before the verb in
/// its clause ("India imported 1.5 million barrels"; a unit price it moves stays the
/// thing's: "sells each drone to Moscow for $500 per unit"), when a participle clause continues a named
/// subject ("Russia ..., shipping 107 million tonnes") or when an agent is named ("the $60 a
/// barrel cap imposed by the Group of Seven").
pub(super) fn binds(
    text: &str,
    actors: &[Actor<'_>],
    ws: &[Word<'_>],
    flow: Option<&Word<'_>>,
    q: &Quantity,
    clause: Span,
) -> bool {
    let moved = flow.is_some_and(|v| {
        q.kind == QuantityKind::Measure
            && v.end <= q.span.start
            && clause.start <= v.start
            && actors.iter().any(|a| {
                a.role == Role::Plain && clause.start <= a.span.start && a.span.end <= v.start
            })
    });
    moved
        || flow.is_some_and(|v| voice::main_subject(ws, actors, v, clause).is_some())
        || flow.is_some_and(|v| {
            v.end <= q.span.start
                && voice::appositive_subject(text, ws, actors, v, clause).is_some()
        })
        || voice::agent_after(ws, actors, q.span.end, clause.end).is_some()
        || modifiers::names_flow(text, actors, ws, q.span, clause)
}

pub(super) fn parties(
    inp: &ClaimInputs<'_>,
    actors: &[Actor<'_>],
    attrs: &[&Attribution],
    ws: &[Word<'_>],
    flow: Option<&Word<'_>>,
    q: &Quantity,
    si: usize,
) -> (Option<String>, Option<String>) {
    let sentence = inp.sentences[si].span;
    let clause = clause_of(inp.text, sentence, q.span);
    // "In an interview with Xinhua, Putin said more than 90% of payments ...": the words
    // before the verb of speech frame the report; the figure's parties come after it.
    let frame_end = speech_frame_end(inp.text, actors, ws, q.span)
        .max(fronted_participle_end(inp.text, sentence, ws, q.span));
    // "supplies millions of shells in exchange for food from Russia": past the exchange cue,
    // the giver of the goods that come back is who gets the figure's.
    let parties_only: Vec<Actor<'_>> = actors
        .iter()
        .filter(|a| !matches!(a.role, Role::Speaker | Role::Place))
        .filter(|a| a.span.start >= frame_end)
        // "... rose to $90 million, a sliver of its $30 billion trade with Japan": past
        // the figure's clause, an actor after another figure is that figure's party
        .filter(|a| {
            a.span.start < q.span.end
                || clause.contains(a.span)
                || !inp
                    .quantities
                    .iter()
                    .any(|o| o.span.start >= q.span.end && o.span.end <= a.span.start)
        })
        .cloned()
        .map(|mut a| {
            if a.role == Role::Source
                && a.span.start >= q.span.end
                && voice::exchange_between(ws, q.span.end, a.span.start)
            {
                a.role = Role::Recipient;
            }
            a
        })
        .collect();
    // "trade between China and Russia", "China-Russia trade"
    if let Some(pair) = pairs::between_pair(inp.text, sentence, &parties_only)
        .or_else(|| pairs::joined_pair(inp.text, &parties_only, q.span))
    {
        return pair;
    }
    // "Dataminr is acquiring ThreatConnect for $290 million": buyer, then target.
    if let Some(pair) = voice::acquisition(ws, actors, q.span) {
        return pair;
    }
    // "Canada has blacklisted 90 Russian entities": Canada imposes, Russia is the target.
    if let Some(pair) = modifiers::sanctioned(inp.text, actors, ws, q, clause) {
        return pair;
    }
    // "70% of the machine tools that Russia imported came from China": a verb after the
    // figure whose own subject is named.
    let flow = flow.or_else(|| voice::verb_with_subject_after(ws, &parties_only, q.span, sentence));
    // Verbs of receipt and the passive put the getter first.
    if let Some(mut pair) = flow.and_then(|v| voice::directed(ws, &parties_only, v)) {
        // "..., importing 1.5 million barrels a day": the main clause's subject gets.
        if let Some(v) = flow {
            voice::participle_getter(ws, &parties_only, v, clause, &mut pair);
        }
        // "India bought 1.2 million barrels of Russian oil a day": the goods' demonym gives.
        if pair.0.is_none() && pair.1.is_some() {
            pair.0 = voice::origin_demonym(inp.text, ws, actors, q.span)
                .filter(|o| pair.1.as_deref() != Some(*o))
                .map(str::to_string);
        }
        if pair.0.is_some() || pair.1.is_some() {
            return pair;
        }
    }
    // "..., while imports from Russia came to $129 billion": Russia gives.
    if let Some(pair) = voice::imports_from(ws, &parties_only, inp.quantities, q.span, sentence) {
        return pair;
    }
    // "$25,000 from ATM Virtual", "a $6,000 sound mix from Soundflower": the giver named
    // right after the figure.
    if let Some(pair) = voice::given_from(&parties_only, inp.quantities, q.span, clause) {
        return pair;
    }
    let (mut subject, object) = active(inp.text, &parties_only, ws, flow, q, clause);
    // "Turkish imports of Brazilian soybeans": the goods' demonym gives.
    if let (None, Some(o)) = (&subject, &object) {
        subject =
            modifiers::goods_origin(inp.text, actors, ws, q.span, clause, o).map(str::to_string);
    }
    let subject = subject.filter(|s| !refer::in_predicate_only(ws, &parties_only, s, q.span));
    let mut subject = subject
        .or_else(|| fronted_gerund_subject(inp.text, sentence, ws, actors, q.span))
        .or_else(|| refer::refers_to_country(inp, sentence, q.span, si).map(str::to_string))
        .or_else(|| refer::refers_to_company(inp, ws, q.span, si))
        .or_else(|| refer::refers_to_named_body(inp, ws, q.span, si))
        .or_else(|| refer::self_report(inp, attrs))
        .or_else(|| refer::own_report(inp.text, actors, ws, q.span))
        .or_else(|| refer::own_accounts_said(actors, ws, q.span))
        .or_else(|| {
            modifiers::officer_speaks(inp.text, actors, ws, q.span)
                .filter(|_| parties_only.iter().all(|a| !clause.contains(a.span)))
                .map(str::to_string)
        });
    let mut object = object;
    // "The barges could have carried 9,000 tonnes" after "Kestria sent 300 barges to
    // Morland": who the sentence before says did it.
    if subject.is_none() && object.is_none() && parties_only.is_empty() {
        if let Some((s, o)) = refer::definite_back(inp, ws, q.span, si) {
            subject = Some(s);
            object = o;
        }
    }
    if object.is_none() && subject.is_some() && pairs::refers_to_neighbour(inp.text, sentence) {
        object = pairs::previous_other_country(inp, si, subject.as_deref());
    }
    // "The EU has adopted 13 rounds of sanctions" after "sanctions against Russia": the
    // target of the sanctions counted.
    if object.is_none() {
        if let Some(s) = subject.as_deref() {
            object = pairs::sanction_target(inp, ws, si, s);
        }
    }
    // "trade between the two countries", "the goal the two sides had set": fill what is
    // missing from the last pair named.
    if subject.is_none() || object.is_none() {
        if let Some((a, b)) = pairs::the_two(inp, sentence, si) {
            let other = |x: &str| {
                if x == a {
                    Some(b.clone())
                } else if x == b {
                    Some(a.clone())
                } else {
                    None
                }
            };
            match (subject.as_deref(), object.as_deref()) {
                (None, None) => (subject, object) = (Some(a), Some(b)),
                (Some(s), None) => object = other(s),
                (None, Some(o)) => subject = other(o),
                _ => {}
            }
        }
    }
    // "Putin said trade with China had exceeded $200 billion": trade "with" a state that
    // names no trader is that of the state whose official or body says so.
    if subject.is_none() {
        if let Some(o) = object.as_deref() {
            subject = speakers_trade_with(ws, actors, o).map(str::to_string);
        }
    }
    if subject.is_none() && object.is_none() {
        // "The average wage in the U.S. is $29,991": the place the figure is about.
        subject = actors
            .iter()
            .filter(|a| a.role == Role::Place && !a.adjective && a.span.start >= frame_end)
            .find(|a| clause.contains(a.span) || a.span.end <= q.span.start)
            .or_else(|| share_of_people(ws, actors, q))
            .or_else(|| modifiers::share_of_country(inp.text, ws, actors, q))
            .map(|a| a.name.to_string());
        // "In Washington, President Biden announced 500 new sanctions": the state of the
        // place imposes them; their target is as above.
        if let Some(s) = subject.as_deref() {
            object = pairs::sanction_target(inp, ws, si, s);
        }
    }
    (subject, object)
}

/// The state whose official, body or government says a figure of trade "with" `partner`
/// ("trade with China", "turnover with Moscow"), when the figure's trader is not named.
fn speakers_trade_with<'m>(
    ws: &[Word<'_>],
    actors: &[Actor<'m>],
    partner: &str,
) -> Option<&'m str> {
    let with_partner = actors.iter().any(|a| {
        let i = ws.partition_point(|w| w.start < a.span.start);
        a.name == partner
            && i >= 2
            && ws[i - 1].is("with")
            && ws[i - 2].is_any(&["trade", "turnover", "commerce"])
    });
    if !with_partner {
        return None;
    }
    actors
        .iter()
        .find(|a| {
            a.role == Role::Speaker
                && a.name != partner
                && (a.entity == EntityType::Country || a.name != a.canonical)
        })
        .map(|a| a.name)
}

/// Nouns for a country's people as a whole or a part of them ("the Kenyan population").
const PEOPLE_NOUNS: &[&str] = &[
    "population",
    "people",
    "adults",
    "households",
    "citizens",
    "voters",
    "residents",
    "workers",
    "consumers",
    "children",
    "women",
    "men",
];

/// "72% of the Kenyan population", "half of Brazilian households": a share of a country's
/// people, named by its demonym right after the figure's "of", is that country's figure.
fn share_of_people<'a, 'm>(
    ws: &[Word<'_>],
    actors: &'a [Actor<'m>],
    q: &Quantity,
) -> Option<&'a Actor<'m>> {
    if !matches!(q.kind, QuantityKind::Percent | QuantityKind::Fraction) {
        return None;
    }
    let mut i = ws.partition_point(|w| w.start < q.span.end);
    if !ws.get(i)?.is("of") {
        return None;
    }
    i += 1;
    if ws.get(i)?.is_any(&["the", "all"]) {
        i += 1;
    }
    let demonym = ws.get(i)?;
    if !ws.get(i + 1)?.is_any(PEOPLE_NOUNS) {
        return None;
    }
    actors
        .iter()
        .find(|a| a.adjective && a.entity == EntityType::Country && a.span.start == demonym.start)
}

/// The active reading: the actor before the verb of flow (or, for a participle clause, the
/// main clause's subject; for "imposed by X", the agent), else the first actor before the
/// figure or in its clause; the object is a recipient, or an actor after the verb.
fn active(
    text: &str,
    actors: &[Actor<'_>],
    ws: &[Word<'_>],
    flow: Option<&Word<'_>>,
    q: &Quantity,
    clause: Span,
) -> (Option<String>, Option<String>) {
    // "Seoul and Kyiv give different numbers, but all say thousands of soldiers have been
    // sent": a verb of flow in the passive with no agent leaves its giver unnamed, and an
    // actor of another clause is not it.
    let unnamed_giver = super::discourse::agentless_passive(ws, flow);
    let plain =
        |a: &&Actor<'_>| a.role == Role::Plain && (!unnamed_giver || clause.contains(a.span));
    let agent = voice::agent_after(ws, actors, q.span.end, clause.end);
    let subject: Option<&str> = agent
        .or_else(|| flow.and_then(|v| voice::main_subject(ws, actors, v, clause)))
        .or_else(|| flow.and_then(|v| voice::appositive_subject(text, ws, actors, v, clause)))
        .or_else(|| {
            flow.and_then(|v| {
                actors
                    .iter()
                    .rev()
                    .filter(plain)
                    .find(|a| a.span.end <= v.start)
            })
        })
        // With no verb of flow, the subject is named before the figure or in its clause:
        // "8,000 of them moved into Kursk, where Ukrainian forces hold ..." is not Ukraine's.
        .or_else(|| {
            actors
                .iter()
                .filter(plain)
                .find(|a| a.span.end <= q.span.start || clause.contains(a.span))
        })
        .or_else(|| actors.iter().find(|a| a.role == Role::Source))
        .map(|a| a.name);
    let differs = |a: &&Actor<'_>| Some(a.name) != subject;
    let recipient = |a: &&Actor<'_>| a.role == Role::Recipient;
    let object = actors
        .iter()
        .filter(recipient)
        .filter(differs)
        .find(|a| a.span.start >= q.span.end)
        .or_else(|| actors.iter().filter(recipient).rfind(differs))
        .or_else(|| {
            // "provided Russia with ...", "the drones that Moscow imports": after the verb,
            // before the figure or in its clause (not "..., according to X, of Y").
            flow.and_then(|v| {
                actors.iter().filter(plain).filter(differs).find(|a| {
                    a.span.start >= v.end && (a.span.end <= q.span.start || clause.contains(a.span))
                })
            })
        })
        .map(|a| a.name.to_string());
    (subject.map(str::to_string), object)
}
