//! The actors of a figure's sentence: which entity mentions can be parties, and the role
//! the words around each give it ([`role_of`]): "from X" gives, "to X"/"with X" gets, "in X"
//! is a place (a last resort for "the country whose figure": "wages in the U.S."), "of
//! X"/"at X" names an organisation's own figure ("workers at Whirlpool"), and a mention that
//! states the figure ("X said", "X's defence ministry estimated", "a Kestrel survey found
//! that") is a speaker, which goes to attribution ([`speaker_of`]) and is never a party
//! unless it reports its own accounts. `roles.rs` reads the parties from these roles.

use sinew_types::{Attribution, Coarse, EntityType, Mention, Sector, Span};

use super::{verbs, voice};
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
pub(super) const DETERMINERS: &[&str] = &[
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
    /// The tagger read the name as an organisation's, whatever type the entity layer gave
    /// it ("Norvik Marine" typed a person).
    pub(super) tagged_org: bool,
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
            tagged_org: m.coarse == Coarse::Org,
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
    let mut research = false;
    for (k, w) in ws.iter().enumerate().skip(from).take(4) {
        if has_clause_break(text, last_end, w.start) || w.is_any(SPEAKER_STOPS) {
            return None;
        }
        // "emitted an estimated 660 million tonnes": after an article the word is an
        // adjective, not a verb of speech.
        if w.is_any(voice::SPEECH_VERBS) && !after_article {
            return Some(w);
        }
        // "A Kestrel survey found that 62% ...", "Kestrel found that ...": who reports a
        // finding states it; "Kestrel found 300 new customers" is its own deed.
        let reports_finding = research || ws.get(k + 1).is_some_and(|n| n.is("that"));
        if w.is_any(FINDING_VERBS) && !after_article && reports_finding {
            return Some(w);
        }
        research |= w.is_any(RESEARCH_NOUNS);
        after_article = w.is_any(&["a", "an", "the"]);
        last_end = w.end;
    }
    None
}

/// Verbs by which a study or its author states what it found: verbs of speech after a
/// research noun ([`RESEARCH_NOUNS`]) or before "that".
const FINDING_VERBS: &[&str] = &[
    "found",
    "finds",
    "shows",
    "showed",
    "shown",
    "suggests",
    "suggested",
    "reveals",
    "revealed",
];
/// Nouns naming a piece of research, whose author's name comes before them ("a Kestrel
/// survey", "the Holloway Institute's study").
const RESEARCH_NOUNS: &[&str] = &[
    "study", "survey", "poll", "report", "research", "analysis", "data", "census", "index",
];

/// Where the frame of reported speech ends: the end of the last speech verb before the
/// figure whose speaker is named ("Putin said", "South Korea's ministry estimated that"),
/// or 0 when the figure is not reported speech.
pub(super) fn speech_frame_end(
    text: &str,
    actors: &[Actor<'_>],
    ws: &[Word<'_>],
    q: Span,
) -> usize {
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
) -> Option<String> {
    actors
        .iter()
        .rev()
        .filter(|a| {
            a.role == Role::Speaker && clause.start <= a.span.start && a.span.end <= q.start
        })
        .find_map(|a| {
            let from = ws.partition_point(|w| w.start < a.span.end);
            let verb = speaks(text, ws, from).filter(|v| v.end <= q.start)?;
            // "Chinese customs put the total at", "US officials now put": a country word's
            // body or officials speak, named as the attribution layer names them
            if a.entity == EntityType::Country {
                let until = ws.partition_point(|w| w.start < verb.start);
                if let Some(body) =
                    crate::attribution::national_speaker(text, a.span, &ws[from..until])
                {
                    return Some(body);
                }
            }
            Some(a.canonical.to_string())
        })
}
