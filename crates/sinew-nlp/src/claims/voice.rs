//! Who gives and who gets when the verb does not put the giver first: verbs of receipt
//! ("Russia received shells from North Korea"), the passive ("shells were supplied to Russia
//! by North Korea"), and the far side of an exchange ("sent shells in exchange for $500
//! million": the money goes the other way).
//!
//! Each rule reads only the figure's sentence and the actors `role_of` found in it; when no
//! rule applies the caller keeps its active-voice reading (the actor before a verb of supply
//! gives, "to X" gets).

use super::roles::{Actor, Role};
use super::verbs::{self, Direction};
use crate::words::Word;

/// Verbs by which a named actor states a figure rather than takes part in it ("Zelensky put
/// the number at 11,000", "the Pentagon estimated 10,000").
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "put",
    "puts",
    "said",
    "says",
    "estimated",
    "estimates",
    "told",
    "reported",
    "stated",
];

/// Forms of "be" (and "get") that, right before a participle, make it passive.
const PASSIVE_AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets",
];
/// Adverbs that may stand between the auxiliary and the participle ("were reportedly sent").
const PASSIVE_ADVERBS: &[&str] = &[
    "reportedly",
    "allegedly",
    "already",
    "also",
    "illegally",
    "secretly",
    "then",
    "now",
    "since",
    "being",
];

/// Is the verb at `ws[i]` a passive participle ("were supplied", "had been sent")?
pub(super) fn is_passive(ws: &[Word<'_>], i: usize) -> bool {
    let participle = ws[i].text.ends_with("ed")
        || ws[i].is_any(&[
            "sent", "sold", "given", "built", "bought", "lent", "paid", "spent",
        ]);
    if !participle {
        return false;
    }
    let mut j = i;
    while j > 0 && ws[j - 1].is_any(PASSIVE_ADVERBS) && !ws[j - 1].is("being") {
        j -= 1;
    }
    j > 0 && ws[j - 1].is_any(PASSIVE_AUX)
}

/// A passive verb of supply or receipt after the figure, in its clause ("1,000 shells were
/// supplied ..."), when none comes before it.
pub(super) fn passive_verb_after<'w>(
    ws: &'w [Word<'w>],
    from: usize,
    until: usize,
) -> Option<&'w Word<'w>> {
    let lo = ws.partition_point(|w| w.start < from);
    (lo..ws.len())
        .take_while(|&i| ws[i].end <= until)
        .take(6)
        .find(|&i| verbs::flow_verb(ws[i].text).is_some() && is_passive(ws, i))
        .map(|i| &ws[i])
}

/// The index of word `w` in `ws` (by position).
fn index_of(ws: &[Word<'_>], w: &Word<'_>) -> Option<usize> {
    let i = ws.partition_point(|x| x.start < w.start);
    (ws.get(i)?.start == w.start).then_some(i)
}

/// Is the actor introduced by "by" (skipping determiners), the agent of a passive?
fn after_by(ws: &[Word<'_>], a: &Actor<'_>) -> bool {
    let mut i = ws.partition_point(|w| w.end <= a.span.start);
    while i > 0 && ws[i - 1].is_any(&["the", "its", "their"]) {
        i -= 1;
    }
    i > 0 && ws[i - 1].is("by")
}

/// Subject (giver) and object (getter) when the verb's voice or meaning puts the getter
/// first; `None` to keep the active reading.
pub(super) fn directed(
    ws: &[Word<'_>],
    actors: &[Actor<'_>],
    verb: &Word<'_>,
) -> Option<(Option<String>, Option<String>)> {
    let (_, direction) = verbs::flow_verb(verb.text)?;
    let vi = index_of(ws, verb)?;
    let name = |a: &Actor<'_>| Some(a.name.to_string());
    let before_verb = actors
        .iter()
        .rev()
        .find(|a| a.role == Role::Plain && a.span.end <= verb.start);
    if is_passive(ws, vi) {
        let agent = actors
            .iter()
            .find(|a| a.span.start >= verb.end && after_by(ws, a))?;
        return Some(match direction {
            // "shells were supplied to Russia by North Korea"; "Russia was supplied with
            // shells by North Korea".
            Direction::Gives | Direction::Makes => {
                let to = actors
                    .iter()
                    .find(|a| a.role == Role::Recipient && a.name != agent.name)
                    .or(before_verb.filter(|a| a.name != agent.name));
                (name(agent), to.and_then(name))
            }
            // "shells were bought from North Korea by Russia".
            Direction::Gets => {
                let from = actors
                    .iter()
                    .find(|a| a.role == Role::Source && a.name != agent.name);
                (from.and_then(name), name(agent))
            }
        });
    }
    if direction != Direction::Gets {
        return None;
    }
    // "Russia received 1,000 shells from North Korea", "India imports oil from Russia".
    let getter = before_verb?;
    let giver = actors
        .iter()
        .find(|a| a.role == Role::Source && a.name != getter.name)
        .or_else(|| {
            actors.iter().find(|a| {
                a.role == Role::Plain && a.span.start >= verb.end && a.name != getter.name
            })
        });
    Some((giver.and_then(name), name(getter)))
}

/// Is there an exchange cue ("in exchange for", "in return for") between `from` and `to`?
/// A figure after one goes the other way from the verb's flow.
pub(super) fn exchange_between(ws: &[Word<'_>], from: usize, to: usize) -> bool {
    let lo = ws.partition_point(|w| w.start < from);
    let hi = ws.partition_point(|w| w.end <= to);
    let span = &ws[lo..hi.max(lo)];
    verbs::EXCHANGE_CUES.iter().any(|cue| {
        span.windows(cue.len())
            .any(|win| win.iter().zip(cue.iter()).all(|(w, c)| w.is(c)))
    })
}
