//! Parties carried over from the discourse, for a figure whose own sentence names none.
//!
//! News states a pair once and then goes on about it: "North Korea has sent large quantities
//! of munitions to Russia. The US State Department has put the total at 10,000+ containers."
//! The second sentence names no party, but its figure is the first one's. A figure takes the
//! parties of what came before only when it continues it, and never across a change of
//! topic:
//! - it continues when its clause moves something with no one named ("about 6,700
//!   containers had been shipped"), refers back ("put the total at", "the number in Kursk",
//!   "they could hold", "8,000 of them"), or counts the same thing as the claim before it;
//! - what came before is, in order, the last claim with a party in the same paragraph, or
//!   the actors of the verb of supply of the sentence right before the figure's in the same
//!   paragraph (`sentence_pair`), or, with nothing in the paragraph, the pair the whole
//!   document is about (`main_pair`: the parties most of its two-party claims name);
//! - a paragraph break ends a topic for the first two, and a figure that names a party of
//!   its own takes nothing.
//!
//! Carried parties are marked [`Inferred`] on the claim, so that an analyst can tell them
//! from parties the sentence names.

use std::collections::HashMap;

use sinew_types::{Attribution, Claim, Inferred, Mention, Span};

use super::actors::{actors_in, Actor, Role};
use super::{starting_within, verbs, voice};
use crate::words::{words, Word};

/// Nouns that, after "the", refer back to a figure already in the discourse ("put the total
/// at", "the number in Kursk").
const BACK_NOUNS: &[&str] = &["total", "tally", "number", "figure", "count", "estimate"];
/// Pronouns that stand for parties already named ("they could hold", "8,000 of them").
const BACK_PRONOUNS: &[&str] = &["they", "them"];

/// Does a figure continue the discourse before it rather than open a topic of its own?
/// `before` and `after` are the words of its clause on either side of it; `passive` whether
/// its clause moves something with no one named ("had been shipped"); `unit` its counted
/// noun and `last_unit` that of the claim the paragraph is about.
pub(super) fn continues(
    before: &[Word<'_>],
    after: &[Word<'_>],
    passive: bool,
    unit: Option<&str>,
    last_unit: Option<&str>,
) -> bool {
    let back_noun = before
        .windows(2)
        .any(|w| w[0].is("the") && w[1].is_any(BACK_NOUNS));
    let pronoun = before.iter().any(|w| w.is_any(BACK_PRONOUNS))
        // "8,000 of them"
        || (after.len() >= 2 && after[0].is("of") && after[1].is_any(BACK_PRONOUNS));
    let same_thing = unit.is_some_and(|u| last_unit.is_some_and(|l| l.eq_ignore_ascii_case(u)));
    passive || back_noun || pronoun || same_thing
}

/// Is the verb of supply `flow` a passive with no agent ("containers had been shipped")?
pub(super) fn agentless_passive(ws: &[Word<'_>], flow: Option<&Word<'_>>) -> bool {
    let Some(v) = flow else { return false };
    let i = ws.partition_point(|w| w.start < v.start);
    ws.get(i).is_some_and(|w| w.start == v.start)
        && voice::is_passive(ws, i)
        && !ws[i + 1..].iter().take(8).any(|w| w.is("by"))
}

/// Is there a paragraph break (a line break) between `a` and `b`?
pub(super) fn paragraph_break(text: &str, a: usize, b: usize) -> bool {
    text.get(a.min(b)..b.max(a))
        .is_some_and(|s| s.contains('\n'))
}

/// The parties a sentence with no figure states through its verb of supply: the actor
/// before the verb gives, a recipient after it gets ("North Korea has sent large quantities
/// of munitions to Russia"); a verb of receipt or a passive with its agent turns them round.
/// `None` when the sentence has no such verb or names no giver.
pub(super) fn sentence_pair(
    text: &str,
    sentence: Span,
    mentions: &[Mention],
    attributions: &[Attribution],
) -> Option<(String, Option<String>)> {
    let ws = words(text, sentence.start, sentence.end);
    let verb = ws
        .iter()
        .find(|w| verbs::flow_verb(w.text).is_some() && !verbs::noun_like(w.text))?;
    let mentions = starting_within(mentions, sentence, |m| m.span);
    let attrs: Vec<&Attribution> = starting_within(attributions, sentence, |a| a.span)
        .iter()
        .filter(|a| sentence.contains(a.span))
        .collect();
    let actors: Vec<Actor<'_>> = actors_in(text, sentence, mentions, &attrs, &ws)
        .into_iter()
        .filter(|a| !matches!(a.role, Role::Speaker | Role::Place))
        .collect();
    if let Some((Some(s), o)) = voice::directed(&ws, &actors, verb) {
        return Some((s, o));
    }
    let subject = actors
        .iter()
        .rev()
        .find(|a| a.role == Role::Plain && a.span.end <= verb.start)?;
    let object = actors
        .iter()
        .find(|a| a.role == Role::Recipient && a.span.start >= verb.end && a.name != subject.name)
        .map(|a| a.name.to_string());
    Some((subject.name.to_string(), object))
}

/// The pair a document is about: the (subject, object) most of its claims that name both
/// name, when at least two do and no other pair is named as often. Claims whose parties
/// were themselves carried over do not vote.
pub(super) fn main_pair(claims: &[Claim]) -> Option<(String, String)> {
    let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
    for c in claims.iter().filter(|c| c.inferred.is_none()) {
        if let (Some(s), Some(o)) = (c.subject.as_deref(), c.object.as_deref()) {
            *counts.entry((s, o)).or_default() += 1;
        }
    }
    let top = counts.values().copied().max().filter(|&n| n >= 2)?;
    let mut best = counts.iter().filter(|(_, &n)| n == top);
    let (pair, _) = best.next()?;
    // A tie names no one pair.
    if best.next().is_some() {
        return None;
    }
    Some((pair.0.to_string(), pair.1.to_string()))
}

/// Nouns of the verbs of giving (`verbs::flow_verb`) whose counterpart is no recipient of
/// goods: paying, investing, spending.
const NOT_HANDED: &[&str] = &["payments", "investment", "spending"];

/// Does the figure's clause hand goods over, in the active voice, with no recipient named
/// ("Pyongyang had decided to send about 12,000 troops")? Its giver's usual recipient in the
/// document may then be the figure's ([`carry_main_pair`]).
pub(super) fn lone_giver(
    ws: &[Word<'_>],
    actors: &[Actor<'_>],
    flow: Option<&Word<'_>>,
    clause: Span,
) -> bool {
    // A verb of handing goods over whose recipient news often leaves to the context
    // ("Pyongyang had decided to send about 12,000 troops").
    let hands = |v: &&Word<'_>| {
        verbs::flow_verb(v.text)
            .is_some_and(|(noun, d)| d == verbs::Direction::Gives && !NOT_HANDED.contains(&noun))
    };
    let Some(v) = flow.filter(hands) else {
        return false;
    };
    let i = ws.partition_point(|w| w.start < v.start);
    let here = ws.get(i).is_some_and(|w| w.start == v.start);
    here && clause.contains(Span::new(v.start, v.end))
        && !voice::is_passive(ws, i)
        && !actors
            .iter()
            .any(|a| a.role == Role::Recipient && clause.contains(a.span))
}

/// Gives the document's main pair to each claim that continues the discourse but found
/// nothing to continue in its paragraph (`orphans[i]`), marked [`Inferred::Document`]; and
/// its recipient to a claim whose giver is the pair's and sends with no recipient named
/// (`lone_givers[i]`, [`lone_giver`]), marked the same way: the recipient is the document's
/// word, not the sentence's.
pub(super) fn carry_main_pair(claims: &mut [Claim], orphans: &[bool], lone_givers: &[bool]) {
    if !orphans.iter().chain(lone_givers).any(|&o| o) {
        return;
    }
    let Some((s, o)) = main_pair(claims) else {
        return;
    };
    for (i, c) in claims.iter_mut().enumerate() {
        if orphans.get(i) == Some(&true) {
            c.subject = Some(s.clone());
            c.object = Some(o.clone());
            c.inferred = Some(Inferred::Document);
        } else if lone_givers.get(i) == Some(&true)
            && c.object.is_none()
            && c.subject.as_deref() == Some(s.as_str())
        {
            c.object = Some(o.clone());
            c.inferred = Some(Inferred::Document);
        }
    }
}
