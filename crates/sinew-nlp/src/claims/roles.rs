//! Who did it to whom: the subject and object of a figure's claim, read from the entity
//! layer's mentions in the figure's sentence and the words around each.
//!
//! Any named entity can be a party (countries, companies, bodies, groupings, people, media),
//! except places, agreements, vessels, weapons and goods; a government body or a person in
//! state office acts for its state. Each mention first gets a role from the words around it
//! ([`role_of`]): "from X" gives, "to X"/"with X" gets, "in X" is a place (a last resort for
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

use sinew_types::{Attribution, Coarse, EntityType, Mention, Quantity, QuantityKind, Sector, Span};

use super::{clause_of, modifiers, pairs, refer, verbs, voice, ClaimInputs};
use crate::words::{has_clause_break, strip_possessive, Word};

/// Prepositions that mark the actor after them as the recipient or counterpart.
const TO_PREPS: &[&str] = &["to", "toward", "towards", "into", "for", "on", "with"];
/// Prepositions that mark the actor after them as a location or a modifier, not a party.
const PLACE_PREPS: &[&str] = &[
    "in", "at", "of", "inside", "within", "across", "near", "over", "against",
];
/// Of those, the ones after which an organisation owns the figure ("the 1,300 workers at
/// Whirlpool", "revenue of Apple").
const OWNER_PREPS: &[&str] = &["at", "of"];
/// Prepositions that open a phrase modifying a noun ("under the G7's list").
/// Not "by", "from", "to", "with": those give the possessive's owner a role ("solidified by
/// China's support").
const PHRASE_PREPS: &[&str] = &[
    "under", "in", "at", "of", "inside", "within", "across", "near", "over", "against", "about",
    "through", "via",
];
/// Nouns after a possessive actor that make it the recipient ("Russia's imports").
const RECIPIENT_NOUNS: &[&str] = &[
    "imports",
    "import",
    "supplier",
    "suppliers",
    "dependence",
    "reliance",
    "needs",
    "purchases",
    "market",
    "war",
    "economy",
    "military",
    "army",
    "forces",
    "industry",
    "partner",
];
const DETERMINERS: &[&str] = &[
    "the",
    "its",
    "their",
    "a",
    "an",
    "his",
    "her",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "neighbouring",
    "neighboring",
];
/// Words that end the noun phrase of a speaker going forward: past them no speech verb
/// belongs to the mention ("Russia's defence ministry estimated" is a speaker, "Russia's
/// exports to India, the ministry estimated" is not).
/// Auxiliaries ("has put", "had estimated") are no stop; "was estimated" is a passive and
/// is.
const SPEAKER_STOPS: &[&str] = &[
    "to", "from", "of", "in", "at", "for", "with", "by", "on", "and", "or", "that", "which", "who",
    "was", "were", "is", "are", "be", "been",
];
/// Verbs by which an organisation states its own accounts: the figure right after one is
/// the speaker's ("Progressive reported net premiums of $18.1 billion").
pub(super) const REPORT_VERBS: &[&str] = &[
    "reported",
    "reports",
    "posted",
    "posts",
    "announced",
    "announces",
    "recorded",
    "records",
    "booked",
    "books",
    "generated",
    "generates",
    "disclosed",
    "discloses",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A party whose place the clause structure decides (grammatical subject or object).
    Plain,
    /// After "from": the giver.
    Source,
    /// After "to", "with", or a possessive before a noun of need: the getter.
    Recipient,
    /// After "in", "at", "of": where the figure is, a party only as a last resort.
    Place,
    /// Who states the figure ("X said", "according to X"): attribution, not a role.
    Speaker,
}

#[derive(Debug, Clone)]
pub(super) struct Actor<'m> {
    pub(super) span: Span,
    /// Canonical name as a party (a government body's is its state's).
    pub(super) name: &'m str,
    /// The entity's own canonical name ("US State Department"), which names a speaker.
    pub(super) canonical: &'m str,
    pub(super) role: Role,
    /// An organisation or grouping, not a state or person: what "the company" and "it"
    /// refer back to.
    pub(super) org: bool,
    /// The entity layer's type (a company the tagger took for a place is still bought).
    pub(super) entity: EntityType,
    /// A demonym used as an adjective ("Chinese"): after "in" it modifies a noun ("in
    /// Chinese exports") and names no place.
    pub(super) adjective: bool,
}

/// The name an entity is a party under: its own canonical name, or the state it acts for
/// (a government body; a person in state office, sector government or military, or none
/// known: "since Xi Jinping's visit, exports reached ..." is China's figure). Places are
/// kept for the last-resort rule; agreements, vessels, weapons, goods and miscellaneous
/// names are never parties.
pub(super) fn actor_name(m: &Mention) -> Option<&str> {
    match m.entity_type {
        EntityType::Agreement | EntityType::Vessel | EntityType::Weapon | EntityType::Commodity => {
            None
        }
        // An untyped name the tagger calls miscellaneous is an event, a product, a title or
        // an adjective ("Atlanta-based", "CEO", "AI"), never who acts.
        EntityType::Other if m.coarse == Coarse::Misc => None,
        EntityType::GovernmentBody => Some(m.country.as_deref().unwrap_or(&m.canonical)),
        EntityType::Person => match (m.sector, m.country.as_deref()) {
            (None | Some(Sector::Government | Sector::Military), Some(country)) => Some(country),
            _ => Some(&m.canonical),
        },
        _ => Some(&m.canonical),
    }
}

/// Is the entity an organisation that "the company", "the firm" or "it" may refer to?
pub(super) fn is_org(m: &Mention) -> bool {
    matches!(
        m.entity_type,
        EntityType::Company
            | EntityType::StateEnterprise
            | EntityType::ThinkTank
            | EntityType::Media
            | EntityType::InternationalOrg
            | EntityType::Other
    ) || (m.entity_type == EntityType::Person && m.country.is_none() && m.sector.is_none())
}

pub(super) fn actors_in<'m>(
    text: &str,
    sentence: Span,
    mentions: &'m [Mention],
    attrs: &[&Attribution],
    ws: &[Word<'_>],
) -> Vec<Actor<'m>> {
    let mut out = Vec::new();
    // Only the mentions that start in the sentence, found by binary search: callers may pass
    // the whole document's, and scanning them for each figure made a document quadratic.
    let mentions = super::starting_within(mentions, sentence, |m| m.span);
    // A cue inside another name ("WASHINGTON - The United States" read as "WASHINGTON ...
    // states") makes no attribution.
    let in_sentence = || mentions.iter().filter(|m| sentence.contains(m.span));
    let attrs: Vec<&Attribution> = attrs
        .iter()
        .copied()
        .filter(|a| {
            !in_sentence().any(|m| {
                m.span.start < a.span.end
                    && a.span.end <= m.span.end
                    && !m.span.overlaps(a.source_span)
            })
        })
        .collect();
    for m in in_sentence() {
        let Some(name) = actor_name(m) else {
            continue;
        };
        if is_dateline(text, sentence, m.span) {
            continue;
        }
        let role = if attrs.iter().any(|a| a.source_span.overlaps(m.span)) {
            Role::Speaker
        } else if attrs.iter().any(|a| a.span.overlaps(m.span)) {
            // Inside an attribution's words but not its source ("according to Chinese
            // customs data"): no party.
            continue;
        } else if m.entity_type == EntityType::Place {
            Role::Place
        } else {
            match role_of(text, m, ws) {
                Some(r) => r,
                None => continue,
            }
        };
        out.push(Actor {
            span: m.span,
            name,
            canonical: &m.canonical,
            role,
            org: is_org(m),
            entity: m.entity_type,
            adjective: m.coarse == Coarse::Misc,
        });
    }
    out
}

/// A mention inside the sentence's dateline ([`crate::dateline`]) is no party to it.
fn is_dateline(text: &str, sentence: Span, m: Span) -> bool {
    crate::dateline::in_dateline(text, sentence, m)
}

/// The role the words around a mention give it; `None` for a modifier or the host or
/// target of a political tie.
fn role_of(text: &str, m: &Mention, ws: &[Word<'_>]) -> Option<Role> {
    let idx = ws.partition_point(|w| w.end <= m.span.start);
    let mention_end = ws[idx..]
        .iter()
        .take_while(|w| w.start < m.span.end)
        .count()
        + idx;
    // "Russian exports", "Chinese shipments": the actor names who trades, whatever precedes.
    if let Some(next) = ws.get(mention_end) {
        if next.is_any(verbs::SUPPLY_NOUNS) {
            return Some(Role::Plain);
        }
        // "Russian imports from China": the actor before a noun of receipt receives.
        if next.is_any(verbs::RECEIPT_NOUNS) {
            return Some(Role::Recipient);
        }
    }
    // "Zelensky put the number at 11,000", "South Korea's defence ministry estimated": who
    // states a figure is no party to it.
    if speaks(text, ws, mention_end).is_some() {
        return Some(Role::Speaker);
    }
    // A possessive followed, within three words, by a noun of need or purchase
    // ("37% of Russia's imports", "Russia's largest supplier").
    let after_mention = &text[m.span.end..];
    let possessive = after_mention.starts_with("'s")
        || after_mention.starts_with("’s")
        || ws
            .get(idx)
            .is_some_and(|w| strip_possessive(w.text) != w.text);
    if possessive {
        let after = ws.iter().skip_while(|w| w.end <= m.span.end).take(3);
        if after.into_iter().any(|w| w.is_any(RECIPIENT_NOUNS)) {
            return Some(Role::Recipient);
        }
    }
    // Words before the mention, skipping determiners.
    let mut j = idx;
    while j > 0 && ws[j - 1].is_any(DETERMINERS) {
        j -= 1;
    }
    // A possessive inside a prepositional phrase modifies its noun ("goods covered under
    // the G7's control list"): where the figure is, not who acts.
    let in_phrase = j > 0
        && !has_clause_break(text, ws[j - 1].end, m.span.start)
        && ws[j - 1].is_any(PHRASE_PREPS);
    if possessive && in_phrase {
        // "a sliver of Chile's $30 billion trade with Japan": a possessive right before a
        // figure owns the figure.
        let rest = after_mention
            .trim_start_matches(['\'', '’'])
            .strip_prefix('s')
            .unwrap_or(after_mention)
            .trim_start();
        let owns_figure = rest.starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c));
        return Some(if owns_figure {
            Role::Plain
        } else {
            Role::Place
        });
    }
    if j > 0 && !has_clause_break(text, ws[j - 1].end, m.span.start) {
        let prev = &ws[j - 1];
        // "Putin visited China", "the EU sanctioned Iran": a host or target, not a party to
        // the figure's goods.
        if prev.is_any(verbs::TIE_WORDS) {
            return None;
        }
        if prev.is("from") {
            return Some(Role::Source);
        }
        // "a visit to the United States", "sanctions on Iran": the host or target of a
        // political tie, not a recipient of goods.
        if prev.is_any(TO_PREPS) && j >= 2 && ws[j - 2].is_any(verbs::TIE_WORDS) {
            return None;
        }
        if prev.is_any(TO_PREPS) {
            return Some(Role::Recipient);
        }
        // A state after "of" or "at" is still where the figure is ("the GDP of China" aside,
        // "prices of Russian oil" is not Russia's figure); an organisation owns it.
        // ", of the think tank X" after a name is an affiliation, not an owner.
        let state = matches!(m.entity_type, EntityType::Country | EntityType::Place);
        let affiliation = j >= 2 && has_clause_break(text, ws[j - 2].end, prev.start);
        if prev.is_any(OWNER_PREPS) && !state && !affiliation {
            return Some(Role::Plain);
        }
        if prev.is_any(PLACE_PREPS) {
            return Some(Role::Place);
        }
    }
    Some(Role::Plain)
}

/// The speech verb a mention ending at word `from` is the subject of, if any: the verb
/// right after its noun phrase ("Zelensky put", "Ukrainian President Zelensky said", "South
/// Korea's defence ministry estimated").
fn speaks<'w>(text: &str, ws: &'w [Word<'w>], from: usize) -> Option<&'w Word<'w>> {
    let mut last_end = ws.get(from.checked_sub(1)?)?.end;
    let mut after_article = false;
    for w in ws.iter().skip(from).take(4) {
        if has_clause_break(text, last_end, w.start) || w.is_any(SPEAKER_STOPS) {
            return None;
        }
        // "emitted an estimated 660 million tonnes": after an article the word is an
        // adjective, not a verb of speech.
        if w.is_any(voice::SPEECH_VERBS) && !after_article {
            return Some(w);
        }
        after_article = w.is_any(&["a", "an", "the"]);
        last_end = w.end;
    }
    None
}

/// Where the frame of reported speech ends: the end of the last speech verb before the
/// figure whose speaker is named ("Putin said", "South Korea's ministry estimated that"),
/// or 0 when the figure is not reported speech.
fn speech_frame_end(text: &str, actors: &[Actor<'_>], ws: &[Word<'_>], q: Span) -> usize {
    actors
        .iter()
        .filter(|a| a.role == Role::Speaker && a.span.end <= q.start)
        .filter_map(|a| {
            let from = ws.partition_point(|w| w.start < a.span.end);
            speaks(text, ws, from).filter(|v| v.end <= q.start)
        })
        .map(|v| v.end)
        .max()
        .unwrap_or(0)
}

/// Who states the figure at `q` when no attribution cue names anyone: the speaker whose verb
/// of speech comes before the figure in its own clause ("..., while South Korea's defence
/// ministry estimated that about 6,700 containers had been shipped"; "The US State
/// Department has put the total at 10,000+ containers").
pub(super) fn speaker_of<'m>(
    text: &str,
    actors: &[Actor<'m>],
    ws: &[Word<'_>],
    q: Span,
    clause: Span,
) -> Option<&'m str> {
    actors
        .iter()
        .rev()
        .filter(|a| {
            a.role == Role::Speaker && clause.start <= a.span.start && a.span.end <= q.start
        })
        .find(|a| {
            let from = ws.partition_point(|w| w.start < a.span.end);
            speaks(text, ws, from).is_some_and(|v| v.end <= q.start)
        })
        .map(|a| a.canonical)
}

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
/// no one is the main clause's subject's, the name right after the clause's comma.
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
    if q.end > comma || actors.iter().any(|a| a.span.end <= comma) {
        return None;
    }
    // The name must open the main clause: nothing but spaces and "the" before it.
    actors
        .iter()
        .find(|a| a.span.start > comma)
        .filter(|a| {
            matches!(a.role, Role::Plain)
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
        .or_else(|| fronted_gerund_subject(inp.text, sentence, ws, &parties_only, q.span))
        .or_else(|| refer::refers_to_country(inp, sentence, q.span, si).map(str::to_string))
        .or_else(|| refer::refers_to_company(inp, ws, q.span, si))
        .or_else(|| refer::refers_to_named_body(inp, ws, q.span, si))
        .or_else(|| refer::self_report(inp, attrs))
        .or_else(|| refer::own_report(inp.text, actors, ws, q.span))
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
    let plain = |a: &&Actor<'_>| a.role == Role::Plain;
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
