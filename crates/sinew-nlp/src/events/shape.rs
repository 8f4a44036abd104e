//! The shape of a trigger's clause: is a word a verb or a noun there, and does it stand in a
//! fronted phrase, a purpose, a relative or conditional clause, an infinitive chain or a
//! reduced relative, where it tells the sentence's main event in passing rather than an event
//! of its own?

use super::{actors, clause, Trigger, NEW_CLAUSE};
use crate::words::Word;

/// Words that open a phrase set before the main clause and telling its circumstances ("In a
/// letter handed over to the UN, Iraq said ...", "If Russia attacks, ...").
const FRONTED: &[&str] = &[
    "in",
    "during",
    "despite",
    "amid",
    "following",
    "with",
    "under",
    "by",
    "on",
    "at",
    "if",
    "unless",
    "for",
    "to",
    "from",
];

/// Drops the triggers of a fronted phrase or condition when the main clause after its comma
/// has one of its own: PLOVER codes the main clause's act, and a letter "handed over" or a
/// condition is no act of the sentence. A fronted time clause ("After Russia attacked, ...")
/// tells an act of its own and stays.
pub(super) fn fronted(text: &str, ws: &[Word<'_>], lower: &[String], triggers: &mut Vec<Trigger>) {
    if ws.is_empty() || !FRONTED.contains(&lower[0].as_str()) {
        return;
    }
    let Some(comma) = (1..ws.len()).find(|&k| text[ws[k - 1].end..ws[k].start].contains(','))
    else {
        return;
    };
    if triggers.iter().any(|t| t.first >= comma) {
        triggers.retain(|t| t.first >= comma);
    }
}

/// Words after which a verb's form is a noun or an adjective: articles, possessives,
/// quantifiers and prepositions ("a visit", "their support", "in an attack", "by phone").
pub(super) fn is_noun_slot(w: &str) -> bool {
    const SLOT: &[&str] = &[
        "a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "this", "these",
        "those", "any", "every", "each", "some", "of", "by", "for", "in", "on", "with", "from",
        "at", "during", "against", "into", "over", "under", "without", "about", "upon",
    ];
    SLOT.contains(&w) || w.ends_with("'s") || w.ends_with("’s")
}

/// Can `w`, right before a verb's form, only modify a noun there ("cyber", "border", "air")?
/// A plain lower-case word that is no pronoun, auxiliary, conjunction, adverb or actor head
/// ("troops attack", "they attack" are verbs).
pub(super) fn after_modifier(w: &str) -> bool {
    const NOT_MODIFIERS: &[&str] = &[
        "it",
        "they",
        "he",
        "she",
        "we",
        "i",
        "you",
        "who",
        "which",
        "that",
        "to",
        "not",
        "never",
        "also",
        "then",
        "will",
        "would",
        "may",
        "might",
        "could",
        "can",
        "should",
        "must",
        "shall",
        "did",
        "does",
        "do",
        "and",
        "or",
        "but",
        "people",
        "sides",
        "both",
        "others",
        "unions",
        "groups",
        "countries",
        "nations",
        "states",
        "residents",
        "farmers",
        "members",
        "parties",
        "allies",
        "families",
        "crowds",
        "thousands",
        "hundreds",
        "dozens",
    ];
    w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !w.ends_with("ly")
        && !NOT_MODIFIERS.contains(&w)
        && !NEW_CLAUSE.contains(&w)
        && !SUBORDINATORS.contains(&w)
        && !clause::is_auxiliary(w)
        && !actors::is_role(w)
}

/// Is word `i` in a purpose or complement infinitive ("to disperse", "to be deployed", "to
/// further develop")?
pub(super) fn purpose(lower: &[String], i: usize) -> bool {
    lower[i - 1] == "to"
        || (i >= 2
            && lower[i - 2] == "to"
            && (lower[i - 1] == "be" || lower[i - 1].ends_with("ly") || lower[i - 1] == "help"))
}

/// Words that open a clause telling something in passing: relatives and conditions.
pub(super) const SUBORDINATORS: &[&str] = &[
    "where", "which", "who", "whom", "whose", "if", "unless", "until", "lest", "whether",
];

/// Does word `i` stand in a relative or conditional clause opened after the trigger ending at
/// `prev` ("... in Montenegro, where 28 people have been killed")? The nearest clause word
/// before it decides: a coordinator or a time clause starts a new event instead.
pub(super) fn subordinate(lower: &[String], prev: usize, i: usize) -> bool {
    lower[prev + 1..i]
        .iter()
        .rev()
        .find(|w| SUBORDINATORS.contains(&w.as_str()) || NEW_CLAUSE.contains(&w.as_str()))
        .is_some_and(|w| SUBORDINATORS.contains(&w.as_str()))
}

/// Is word `i` a bare verb right after "and"/"or" that carries on an infinitive opened after
/// the trigger ending at `prev` ("refused to allow planes to land and evacuate")?
pub(super) fn infinitive_chain(lower: &[String], prev: usize, i: usize) -> bool {
    let w = lower[i].as_str();
    let bare = !(w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing"));
    bare && i > prev + 1
        && matches!(lower[i - 1].as_str(), "and" | "or")
        && lower[prev + 1..i - 1].iter().any(|w| w == "to")
}

/// Is the participle at word `i` a reduced relative describing the noun before it ("weapons
/// and equipment *seized* last year from peacekeepers", "civilians *killed* in the raid")?
/// It follows a plain lower-case noun, with no "be" or "have" before it, and a preposition or
/// a time word follows it where an object would follow a finite verb.
pub(super) fn reduced_relative(lower: &[String], i: usize) -> bool {
    const NOT_NOUNS: &[&str] = &[
        "it", "they", "he", "she", "we", "i", "you", "who", "which", "that", "and", "or", "but",
        "has", "have", "had", "was", "were", "is", "are", "be", "been", "also", "then", "not",
    ];
    const AFTER: &[&str] = &[
        "by", "from", "in", "at", "on", "during", "last", "earlier", "since", "after", "before",
        "over", "near", "under",
    ];
    let before = lower[i - 1].as_str();
    clause::is_participle(&lower[i])
        && before.chars().all(|c| c.is_lowercase())
        && !actors::is_role(before)
        && !before.ends_with("ly")
        && !NOT_NOUNS.contains(&before)
        && !NEW_CLAUSE.contains(&before)
        && lower
            .get(i + 1)
            .is_some_and(|w| AFTER.contains(&w.as_str()))
}

/// Is the verb at `i` "seek"/"try" followed by an infinitive ("sought to ease tensions")? That
/// tells an attempt at what follows, not a request to anyone.
pub(super) fn attempt(lower: &[String], i: usize) -> bool {
    matches!(lower[i].as_str(), "seek" | "seeks" | "sought" | "seeking")
        && lower.get(i + 1).is_some_and(|w| w == "to")
}

/// Words that may end a reporting tail after its verb ("..., a group protested here Wednesday").
const TAIL: &[&str] = &[
    "here",
    "today",
    "yesterday",
    "tonight",
    "on",
    "in",
    "late",
    "early",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Is the verb at `i` the speech verb of a reporting tail: after a comma a few words back, with
/// nothing but a time or a place after it ("Croatia is failing its refugees, a rights group
/// protested here Wednesday")? A protest so told is a statement, PLOVER's `DISAPPROVE`.
pub(super) fn reporting_tail(text: &str, ws: &[Word<'_>], lower: &[String], i: usize) -> bool {
    // the comma closes a clause of its own, not a fronted phrase ("On Monday, students
    // protested in Nairobi")
    let opens_clause = !FRONTED.contains(&lower[0].as_str())
        && !NEW_CLAUSE.contains(&lower[0].as_str())
        && !SUBORDINATORS.contains(&lower[0].as_str());
    let comma = opens_clause
        && (i.saturating_sub(6).max(4)..=i).any(|k| text[ws[k - 1].end..ws[k].start].contains(','));
    let rest_plain = lower.get(i + 1).is_none_or(|w| TAIL.contains(&w.as_str()))
        && !text[ws[i].end..ws.get(i + 1).map_or(ws[i].end, |w| w.start)].contains(':');
    comma && rest_plain && i > 0
}

/// Does word `i` stand in a clause of purpose ("... so that same-sex marriages are banned",
/// "in order that ...")? What it tells is wanted, not done.
pub(super) fn purpose_clause(text: &str, ws: &[Word<'_>], lower: &[String], i: usize) -> bool {
    (1..i).rev().take(12).any(|k| {
        lower[k] == "that"
            && matches!(lower[k - 1].as_str(), "so" | "order")
            && !crate::words::has_clause_break(text, ws[k].end, ws[i].start)
    })
}

/// Is the verb form at `i` right after a past-tense verb, as its object's first word
/// ("mobilized pressure groups", "reported attack plans")? A verb cannot stand there.
pub(super) fn after_past_verb(lower: &[String], i: usize) -> bool {
    i > 0 && {
        let w = lower[i - 1].as_str();
        w.len() > 4
            && w.ends_with("ed")
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !actors::is_modifier(w)
            && !actors::is_role(w)
    }
}

/// Is the named act at `i` the topic of a phrase ("a blackout on the withdrawal", "a report
/// about the attack")? It is talked about, not done, by the sentence's actors.
pub(super) fn topic(lower: &[String], i: usize) -> bool {
    let mut k = i;
    while k > 0 && matches!(lower[k - 1].as_str(), "the" | "a" | "an" | "this" | "that") {
        k -= 1;
    }
    k < i
        && k > 0
        && matches!(
            lower[k - 1].as_str(),
            "on" | "about" | "regarding" | "concerning"
        )
}

/// Is "tolerate" at `i` refused from now on ("will not tolerate", "no longer tolerates",
/// "won't be tolerated")? Only so is it a threat; "can't tolerate milk" tells a limit.
pub(super) fn refused(lower: &[String], i: usize) -> bool {
    let before = &lower[i.saturating_sub(4)..i];
    let negated = before.iter().any(|w| {
        matches!(w.as_str(), "not" | "no" | "never") || w.ends_with("n't") || w.ends_with("n’t")
    });
    let onward = before.iter().any(|w| {
        matches!(
            w.as_str(),
            "will" | "would" | "shall" | "won't" | "won’t" | "wo" | "longer"
        )
    });
    negated && onward
}
