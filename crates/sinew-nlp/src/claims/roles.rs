//! Who did it to whom: the subject and object of a figure's claim, read from the entity
//! layer's mentions in the figure's sentence and the words around each (prepositions,
//! possessives, verbs of supply and receipt, "between X and Y"), plus the cross-sentence
//! references "the country" and "its neighbour".

use sinew_types::{Attribution, EntityType, Mention, Quantity, Sector, Span};

use super::{clause_of, starting_within, verbs, voice, ClaimInputs};
use crate::words::{has_clause_break, strip_possessive, Word};

/// Prepositions that mark the actor after them as the recipient or counterpart.
const TO_PREPS: &[&str] = &["to", "toward", "towards", "into", "for", "on", "with"];
/// Prepositions that mark the actor after them as a location or a modifier, not a party.
const PLACE_PREPS: &[&str] = &[
    "in", "at", "of", "inside", "within", "across", "near", "over", "against",
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Plain,
    Source,
    Recipient,
}

#[derive(Debug, Clone)]
pub(super) struct Actor<'m> {
    pub(super) span: Span,
    /// Canonical name.
    pub(super) name: &'m str,
    pub(super) role: Role,
}

/// The name an entity is a party to a flow under: a country, or a company, state
/// enterprise, armed force or person under its own name (the network rolls those up to
/// their states through their `country`). Government bodies speak for their country
/// ([`self_report`]) rather than trade; places, agreements and goods are never parties.
///
/// A person who holds state office (sector government or military, or none known) acts for
/// their state, as before: "since Xi Jinping's visit, exports reached ..." is China's figure.
/// A business person, scholar, journalist or international official acts for themselves.
fn actor_name(m: &Mention) -> Option<&str> {
    match m.entity_type {
        EntityType::Country
        | EntityType::Company
        | EntityType::StateEnterprise
        | EntityType::ArmedForce => Some(&m.canonical),
        EntityType::Person => match (m.sector, m.country.as_deref()) {
            (None | Some(Sector::Government | Sector::Military), Some(country)) => Some(country),
            _ => Some(&m.canonical),
        },
        _ => None,
    }
}

/// The country an entity stands for, for "the country" and "its neighbour".
fn actor_country(m: &Mention) -> Option<&str> {
    match m.entity_type {
        EntityType::Country => Some(&m.canonical),
        EntityType::Person => m.country.as_deref(),
        _ => None,
    }
}

pub(super) fn actors_in<'m>(
    text: &str,
    sentence: Span,
    mentions: &'m [Mention],
    attrs: &[&Attribution],
    ws: &[Word<'_>],
) -> Vec<Actor<'m>> {
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| sentence.contains(m.span)) {
        if attrs.iter().any(|a| a.span.overlaps(m.span)) {
            continue;
        }
        let Some(name) = actor_name(m) else {
            continue;
        };
        let Some(role) = role_of(text, m, ws) else {
            continue;
        };
        out.push(Actor {
            span: m.span,
            name,
            role,
        });
    }
    out
}

/// The role the words around a mention give it; `None` for a location or modifier.
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
        // "Zelensky put the number at 11,000", "Ukrainian President Zelensky said": who
        // states a figure is no party to it.
        let speaker = ws[mention_end..]
            .iter()
            .find(|w| !w.text.starts_with(char::is_uppercase))
            .is_some_and(|w| w.is_any(voice::SPEECH_VERBS));
        if speaker {
            return None;
        }
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
        if prev.is_any(PLACE_PREPS) {
            return None;
        }
    }
    Some(Role::Plain)
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
    // "trade between China and Russia"
    if let Some(pair) = between_pair(inp.text, sentence, actors) {
        return pair;
    }
    // Verbs of receipt and the passive put the getter first.
    if let Some(pair) = flow.and_then(|v| voice::directed(ws, actors, v)) {
        if pair.0.is_some() || pair.1.is_some() {
            return pair;
        }
    }
    let plain = |a: &&Actor<'_>| a.role == Role::Plain;
    let subject: Option<&str> = flow
        .and_then(|v| {
            actors
                .iter()
                .rev()
                .filter(plain)
                .find(|a| a.span.end <= v.start)
        })
        // With no verb of flow, the subject is named before the figure or in its clause:
        // "8,000 of them moved into Kursk, where Ukrainian forces hold ..." is not Ukraine's.
        .or_else(|| {
            let clause = clause_of(inp.text, sentence, q.span);
            actors
                .iter()
                .filter(plain)
                .find(|a| a.span.end <= q.span.start || clause.contains(a.span))
        })
        .or_else(|| actors.iter().find(|a| a.role == Role::Source))
        .map(|a| a.name);
    let subject = subject
        .or_else(|| refers_to_country(inp, sentence, q.span, si))
        .map(str::to_string)
        .or_else(|| self_report(inp, attrs));
    let differs = |a: &&Actor<'_>| Some(a.name) != subject.as_deref();
    let recipient = |a: &&Actor<'_>| a.role == Role::Recipient;
    let mut object = actors
        .iter()
        .filter(recipient)
        .filter(differs)
        .find(|a| a.span.start >= q.span.end)
        .or_else(|| actors.iter().filter(recipient).rfind(differs))
        .or_else(|| {
            // "provided Russia with ...", "... that Moscow imports"
            flow.and_then(|v| {
                actors
                    .iter()
                    .filter(plain)
                    .filter(differs)
                    .find(|a| a.span.start >= v.end)
            })
        })
        .map(|a| a.name.to_string());
    if object.is_none() && subject.is_some() && refers_to_neighbour(inp.text, sentence) {
        object = previous_other_country(inp, si, subject.as_deref());
    }
    (subject, object)
}

/// "between X and Y" with two actors.
fn between_pair(
    text: &str,
    sentence: Span,
    actors: &[Actor<'_>],
) -> Option<(Option<String>, Option<String>)> {
    for pair in actors.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = text[a.span.end..b.span.start].trim();
        let before = text[sentence.start..a.span.start].trim_end();
        if (gap == "and" || gap == "&")
            && before.to_lowercase().ends_with("between")
            && a.name != b.name
        {
            // Trade "between" two countries has no direction: name them in a fixed order so that
            // "between Russia and China" and "between China and Russia" are one relation.
            let (x, y) = if a.name <= b.name { (a, b) } else { (b, a) };
            return Some((Some(x.name.to_string()), Some(y.name.to_string())));
        }
    }
    None
}

/// A government body reporting on its own country ("the Russian Ministry of Defense claimed
/// that its factories had delivered ...") makes that country the subject.
fn self_report(inp: &ClaimInputs<'_>, attrs: &[&Attribution]) -> Option<String> {
    attrs
        .iter()
        .filter(|a| {
            matches!(
                a.cue.as_str(),
                "claimed" | "claims" | "said" | "says" | "announced" | "reported" | "stated"
            )
        })
        .find_map(|a| {
            starting_within(inp.mentions, a.source_span, |m| m.span)
                .iter()
                .find(|m| m.span == a.source_span && m.entity_type == EntityType::GovernmentBody)
                .and_then(|m| m.country.clone())
        })
}

fn refers_to_neighbour(text: &str, sentence: Span) -> bool {
    let s = text[sentence.start..sentence.end].to_lowercase();
    [
        "its neighbor",
        "its neighbour",
        "its partner",
        "the neighboring country",
        "the neighbouring country",
    ]
    .iter()
    .any(|p| s.contains(p))
}

/// "the country fired over 50,000 shells": the last country named before the phrase, in
/// this sentence or the three before it.
fn refers_to_country<'a>(
    inp: &ClaimInputs<'a>,
    sentence: Span,
    q: Span,
    si: usize,
) -> Option<&'a str> {
    let before = inp.text[sentence.start..q.start].to_lowercase();
    let at = ["the country", "the nation"]
        .iter()
        .filter_map(|p| before.rfind(p))
        .max()?;
    let from = inp.sentences[si.saturating_sub(3)].span.start;
    let until = sentence.start + at;
    let mentions: &'a [Mention] = inp.mentions;
    starting_within(mentions, Span::new(from, until), |m| m.span)
        .iter()
        .rev()
        .find_map(actor_country)
}

/// The last country named before sentence `si` that is not `subject`.
fn previous_other_country(
    inp: &ClaimInputs<'_>,
    si: usize,
    subject: Option<&str>,
) -> Option<String> {
    let start = inp.sentences[si].span.start;
    let from = inp.sentences[si.saturating_sub(3)].span.start;
    starting_within(inp.mentions, Span::new(from, start), |m| m.span)
        .iter()
        .rev()
        .filter(|m| m.span.end <= start)
        .filter_map(actor_country)
        .find(|c| Some(*c) != subject)
        .map(str::to_string)
}
