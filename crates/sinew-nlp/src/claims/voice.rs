//! Who gives and who gets when the verb does not put the giver first: verbs of receipt
//! ("Russia received shells from North Korea"), the passive ("shells were supplied to Russia
//! by North Korea"), and the far side of an exchange ("sent shells in exchange for $500
//! million": the money goes the other way).
//!
//! Each rule reads only the figure's sentence and the actors `role_of` found in it; when no
//! rule applies the caller keeps its active-voice reading (the actor before a verb of supply
//! gives, "to X" gets).

use super::actors::{Actor, Role};
use super::verbs::{self, Direction};
use crate::words::Word;
use sinew_types::{EntityType, Span};

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

/// "India bought 1.2 million barrels of Russian oil": the demonym that qualifies the goods
/// of the figure's own noun phrase ("of Russian oil", "of Chinese steel"), within four words
/// after the figure and before any clause break, names where they come from. Read only for
/// a verb of receipt with no giver named, whose getter is the clause's subject.
pub(super) fn origin_demonym<'m>(
    text: &str,
    ws: &[Word<'_>],
    actors: &[Actor<'m>],
    q: Span,
) -> Option<&'m str> {
    let from = ws.partition_point(|w| w.start < q.end);
    actors
        .iter()
        .filter(|a| a.adjective && a.entity == EntityType::Country && a.span.start >= q.end)
        .find(|a| {
            let i = ws.partition_point(|w| w.start < a.span.start);
            i > from
                && i - from <= 4
                && ws[i - 1].is("of")
                && !crate::words::has_clause_break(text, q.end, a.span.start)
                // a demonym that is itself the noun ("of Russians") names people, not origin
                && ws.get(i + 1).is_some_and(|w| {
                    w.text.chars().next().is_some_and(char::is_lowercase)
                        && !crate::words::has_clause_break(text, a.span.end, w.start)
                })
        })
        .map(|a| a.name)
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

/// The participles that take an agent with "by" in the noun phrase after a figure ("the $60
/// a barrel cap imposed by the Group of Seven", "a target set by both governments").
fn is_participle(w: &Word<'_>) -> bool {
    w.text.len() > 3 && w.text.ends_with("ed")
        || w.is_any(&[
            "set", "led", "held", "owned", "run", "made", "paid", "sent", "built", "given", "sold",
            "taken", "won", "laid", "put", "brought",
        ])
}

/// Participles of owning or running something: "by" after them names an owner.
const OWNING_PARTICIPLES: &[&str] = &[
    "held",
    "owned",
    "operated",
    "controlled",
    "run",
    "managed",
    "registered",
    "leased",
];

/// The agent of a participle after the figure, in its clause ("... cap imposed by the
/// Group of Seven"): the actor right after "by" (and determiners), within eight words; never an owner
/// ("accounts held by Russian companies").
pub(super) fn agent_after<'a, 'm>(
    ws: &[Word<'_>],
    actors: &'a [Actor<'m>],
    from: usize,
    until: usize,
) -> Option<&'a Actor<'m>> {
    let lo = ws.partition_point(|w| w.start < from);
    let by = (lo..ws.len())
        .take_while(|&i| ws[i].end <= until)
        .take(8)
        .find(|&i| ws[i].is("by") && i > lo && is_participle(&ws[i - 1]))
        // "closed 1,200 accounts held by Russian companies": an owner of the things
        // counted is no agent of what the clause says was done to them.
        .filter(|&i| !ws[i - 1].is_any(OWNING_PARTICIPLES))?;
    let mut k = by + 1;
    while k < ws.len() && ws[k].is_any(&["the", "its", "their", "both"]) {
        k += 1;
    }
    let at = ws.get(k)?.start;
    actors
        .iter()
        .find(|a| a.span.start == at && !matches!(a.role, Role::Speaker | Role::Place))
}

/// The subject of the main clause, for a participle clause that continues it with no
/// subject of its own ("Russia overtook Saudi Arabia ..., shipping a record 107 million
/// tonnes"): the first plain actor of the sentence before the participle's clause.
pub(super) fn main_subject<'a, 'm>(
    ws: &[Word<'_>],
    actors: &'a [Actor<'m>],
    verb: &Word<'_>,
    clause: Span,
) -> Option<&'a Actor<'m>> {
    if !verb.text.ends_with("ing") || !clause.contains(Span::new(verb.start, verb.end)) {
        return None;
    }
    // The participle opens its clause (an adverb may come first: "..., already shipping").
    let opening = ws
        .iter()
        .filter(|w| w.start >= clause.start && w.end <= verb.start)
        .count();
    let sentence_start = ws.first().map_or(clause.start, |w| w.start);
    if opening > 1 || clause.start <= sentence_start {
        return None;
    }
    actors
        .iter()
        .find(|a| a.role == Role::Plain && a.span.end <= clause.start)
}

/// "India bought little Russian oil before 2022 but has since become one of its biggest
/// customers, importing 1.5 million barrels a day": a participle clause of receipt gets for
/// the main clause's subject, not for the actor named last before the participle; that
/// actor, named in the main clause after its subject ("Russian oil", "one of India's biggest
/// customers"), is the giver when `pair` names no other. Changes `pair` (giver, getter) only
/// for a verb of receipt that opens such a clause and a main subject other than its getter.
pub(super) fn participle_getter(
    ws: &[Word<'_>],
    actors: &[Actor<'_>],
    verb: &Word<'_>,
    clause: Span,
    pair: &mut (Option<String>, Option<String>),
) {
    if !verbs::flow_verb(verb.text).is_some_and(|(_, d)| d == Direction::Gets) {
        return;
    }
    let Some(main) = main_subject(ws, actors, verb, clause) else {
        return;
    };
    if pair.1.as_deref() == Some(main.name) {
        return;
    }
    let misread = pair.1.take();
    if pair.0.is_none() || pair.0.as_deref() == Some(main.name) {
        pair.0 = misread.filter(|m| m != main.name);
    }
    pair.1 = Some(main.name.to_string());
}

/// Words that may stand between an appositive's closing comma and its subject's verb ("...,
/// has already shipped").
const VERB_GROUP: &[&str] = &[
    "has",
    "have",
    "had",
    "been",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "also",
    "already",
    "now",
    "recently",
    "reportedly",
    "still",
    "then",
];
/// Words that open an appositive or a relative clause set off by commas ("Gazprom, the state
/// gas giant,", "Neste, which makes renewable diesel,").
const APPOSITIVE_OPENERS: &[&str] = &["a", "an", "the", "its", "their", "which", "who"];

/// The subject of a clause whose verb follows an appositive ("Gazprom, the state gas giant,
/// shipped 20 billion cubic metres"; "Neste, a leader in renewable fuel, has been supplying
/// ..."): the actor that ends right before the appositive's first comma, when the clause
/// opens with the verb (after auxiliaries or adverbs only) and the phrase between the commas
/// opens like an appositive or a relative clause.
pub(super) fn appositive_subject<'a, 'm>(
    text: &str,
    ws: &[Word<'_>],
    actors: &'a [Actor<'m>],
    verb: &Word<'_>,
    clause: Span,
) -> Option<&'a Actor<'m>> {
    let sentence_start = ws.first()?.start;
    if clause.start <= sentence_start || !clause.contains(Span::new(verb.start, verb.end)) {
        return None;
    }
    let opening = ws
        .iter()
        .filter(|w| w.start >= clause.start && w.end <= verb.start);
    if opening.clone().count() > 3 || !opening.into_iter().all(|w| w.is_any(VERB_GROUP)) {
        return None;
    }
    let close = text[..clause.start].trim_end().strip_suffix(',')?.len();
    let open = text[sentence_start..close].rfind(',')? + sentence_start;
    let first = ws.iter().find(|w| w.start > open && w.end <= close)?;
    if !first.is_any(APPOSITIVE_OPENERS) {
        return None;
    }
    actors.iter().find(|a| {
        a.role == Role::Plain && a.span.end <= open && text[a.span.end..open].trim().is_empty()
    })
}

/// A verb of flow after the figure whose own subject is named right before it ("70% of the
/// machine tools that Russia imported came from China"), within sixteen words (a list of
/// figures may stand between): read as the figure's verb when none comes before.
pub(super) fn verb_with_subject_after<'w>(
    ws: &'w [Word<'w>],
    actors: &[Actor<'_>],
    q: Span,
    sentence: Span,
) -> Option<&'w Word<'w>> {
    let lo = ws.partition_point(|w| w.start < q.end);
    (lo..ws.len())
        .take_while(|&i| ws[i].end <= sentence.end)
        .take(16)
        .find(|&i| {
            i > 0
                && verbs::flow_verb(ws[i].text).is_some()
                && !verbs::noun_like(ws[i].text)
                && actors
                    .iter()
                    .any(|a| a.role == Role::Plain && a.span.end == ws[i - 1].end)
        })
        .map(|i| &ws[i])
}

/// "..., while imports from Russia ... came to about $129 billion": a noun of receipt with
/// "from X" before the figure (after any figure before it) makes X the giver and the other
/// party named in the sentence the getter.
pub(super) fn imports_from(
    ws: &[Word<'_>],
    actors: &[Actor<'_>],
    quantities: &[sinew_types::Quantity],
    q: Span,
    sentence: Span,
) -> Option<(Option<String>, Option<String>)> {
    // The sentence's own figures only (found by binary search; scanning the document's for
    // each figure was quadratic).
    let start = super::starting_within(quantities, sentence, |r| r.span)
        .iter()
        .filter(|r| !r.vague && r.span.end <= q.start)
        .map(|r| r.span.end)
        .max()
        .unwrap_or(sentence.start);
    let lo = ws.partition_point(|w| w.start < start);
    let hi = ws.partition_point(|w| w.end <= q.start);
    let noun = (lo..hi.max(lo)).find(|&i| {
        ws[i].is_any(verbs::RECEIPT_NOUNS) && ws.get(i + 1).is_some_and(|w| w.is("from"))
    })?;
    let from_end = ws[noun + 1].end;
    let giver = actors
        .iter()
        .find(|a| a.role == Role::Source && a.span.start >= from_end && a.span.start <= q.start)?;
    let getter = actors
        .iter()
        .rev()
        .filter(|a| a.span.end <= ws[noun].start)
        .chain(actors.iter().filter(|a| a.span.start >= giver.span.end))
        .find(|a| matches!(a.role, Role::Plain | Role::Recipient) && a.name != giver.name);
    Some((
        Some(giver.name.to_string()),
        getter.map(|a| a.name.to_string()),
    ))
}

/// Forms of "be" that make a participle after them passive ("was acquired", "is being
/// bought").
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// "Dataminr is acquiring ThreatConnect for $290 million", "in a $2.2 billion deal to
/// acquire Jamf", "Palo Alto Networks' $24.1 billion acquisition of CyberArk": the buyer is
/// the subject and the organisation bought the object. Only when an organisation is bought;
/// "India bought Russian oil" and "bought shells from North Korea" are flows, read by
/// [`directed`].
pub(super) fn acquisition(
    ws: &[Word<'_>],
    actors: &[Actor<'_>],
    q: Span,
) -> Option<(Option<String>, Option<String>)> {
    let plain = |a: &&Actor<'_>| a.role == Role::Plain;
    let pair = |buyer: &Actor<'_>, target: &Actor<'_>| {
        (buyer.name != target.name)
            .then(|| (Some(buyer.name.to_string()), Some(target.name.to_string())))
    };
    let is_verb = |w: &Word<'_>| w.is_any(verbs::ACQUISITION_VERBS);
    // The verb before the figure: the target stands between them.
    if let Some(v) = ws
        .iter()
        .rev()
        .filter(|w| w.end <= q.start)
        .find(|w| is_verb(w))
    {
        let from = actors
            .iter()
            .any(|a| a.role == Role::Source && a.span.start >= v.end);
        let target = actors
            .iter()
            .filter(plain)
            .rfind(|a| a.org && a.span.start >= v.end && a.span.end <= q.start);
        // "Marbeck has announced plans to acquire Dunlow for $1.2 billion": who announces
        // its own purchase is still the buyer.
        let buyer = actors
            .iter()
            .filter(|a| matches!(a.role, Role::Plain | Role::Speaker))
            .rfind(|a| a.span.end <= v.start);
        if let (false, Some(b), None) = (from, buyer, target) {
            if let Some(name) = missed_name_after(ws, v, q) {
                return (b.name != name).then(|| (Some(b.name.to_string()), Some(name)));
            }
        }
        if let (false, Some(b), Some(t)) = (from, buyer, target) {
            // "Dunlow was acquired by Marbeck for $1.2 billion": in the passive the agent
            // after "by" buys and the subject is bought.
            let at = ws.partition_point(|w| w.start < v.start);
            let passive = at > 0 && ws[at - 1].is_any(BE_FORMS);
            let agent = ws
                .iter()
                .rfind(|w| w.end <= t.span.start)
                .is_some_and(|w| w.is("by"));
            return if passive && agent {
                pair(t, b)
            } else {
                pair(b, t)
            };
        }
    }
    // A noun or verb right after the figure: "$24.1 billion acquisition of CyberArk", "a
    // $2.2 billion deal to acquire Jamf".
    let lo = ws.partition_point(|w| w.start < q.end);
    let after = ws.get(lo..(lo + 4).min(ws.len()))?;
    let cue = after
        .iter()
        .find(|w| is_verb(w) || w.is_any(verbs::ACQUISITION_NOUNS))?;
    // "acquisition of X": the tagger often takes a name after "of" for a place.
    let target = actors
        .iter()
        .filter(|a| a.role == Role::Plain || a.entity == sinew_types::EntityType::Place)
        .find(|a| {
            (a.org || a.entity == sinew_types::EntityType::Place) && a.span.start >= cue.end
        })?;
    let buyer = actors
        .iter()
        .filter(plain)
        .rfind(|a| a.span.end <= q.start)?;
    pair(buyer, target)
}

/// "Halvard Systems has acquired Quillmark, which makes payroll software, for $12 million":
/// the company bought, as the capitalised words right after the verb of buying, when the
/// tagger did not take them for a name. They must end where the clause goes on (a comma, the
/// end, or "for", "in", "at", "worth", "from"), so a demonym before goods ("bought Russian
/// oil worth ...") is never taken for a company.
fn missed_name_after(ws: &[Word<'_>], verb: &Word<'_>, q: Span) -> Option<String> {
    let at = ws.partition_point(|w| w.start < verb.end);
    let capitalised = |w: &&Word<'_>| w.text.starts_with(|c: char| c.is_uppercase());
    let run: Vec<&Word<'_>> = ws[at..]
        .iter()
        .take_while(|w| w.end <= q.start)
        .take_while(capitalised)
        .take(4)
        .collect();
    let (first, last) = (run.first()?, run.last()?);
    // One name: its words one space apart.
    if run.windows(2).any(|p| p[1].start != p[0].end + 1) || first.start != verb.end + 1 {
        return None;
    }
    let next = ws.get(at + run.len());
    let goes_on = next
        .is_none_or(|n| n.start > last.end + 1 || n.is_any(&["for", "in", "at", "worth", "from"]));
    goes_on.then(|| run.iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
}

/// "Yoonessi was awarded $25,000 from ATM Virtual": a giver after "from" in the figure's
/// clause, with no other figure between, is the subject; a recipient, or else the party
/// named before the figure, gets it.
pub(super) fn given_from(
    actors: &[Actor<'_>],
    quantities: &[sinew_types::Quantity],
    q: Span,
    clause: Span,
) -> Option<(Option<String>, Option<String>)> {
    let giver = actors
        .iter()
        .find(|a| a.role == Role::Source && a.span.start >= q.end && clause.contains(a.span))?;
    let between = super::starting_within(quantities, clause, |r| r.span)
        .iter()
        .any(|r| !r.vague && q.end <= r.span.start && r.span.end <= giver.span.start);
    if between {
        return None;
    }
    // A recipient anywhere ("60% of India's imports ... from Russia"), else the party
    // before the figure.
    let getter = actors
        .iter()
        .find(|a| a.role == Role::Recipient && a.name != giver.name)
        .or_else(|| {
            actors
                .iter()
                .rev()
                .find(|a| a.role == Role::Plain && a.span.end <= q.start && a.name != giver.name)
        });
    Some((
        Some(giver.name.to_string()),
        getter.map(|a| a.name.to_string()),
    ))
}
