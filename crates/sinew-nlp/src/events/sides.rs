//! Which actors of a sentence are a trigger's source and target: the object after a verb,
//! the agent after "by", a named act's own parties ("talks between A and B", "the treaty
//! signed in Pyongyang by A and B"), and the actors coordinated with them.

use sinew_types::{EventKind, PloverCategory};

use super::actors::{self, Actor};
use super::{SentenceView, Trigger};
use crate::words::Word;

/// How far right a target may be, in words.
const TARGET_REACH: usize = 20;

/// Does an actor phrase name several people ("the two leaders", "foreign ministers")?
pub(super) fn several(lower: &[String], actor: &Actor) -> bool {
    let head = lower[actor.last_word].as_str();
    (actors::is_role(head) && head.ends_with('s'))
        || lower[actor.first_word..actor.last_word]
            .iter()
            .any(|w| matches!(w.as_str(), "two" | "both" | "three"))
}

/// The actors of a named act. Its source is a phrase right before it ("Putin's visit", "US
/// sanctions"), else the subject of the clause, as for a verb; "talks between A and B" make A
/// and B the sources when no one stands before; else the target is found as for a verb.
pub(super) fn nominal_actors(
    view: &SentenceView<'_>,
    t: &Trigger,
    subject: Option<usize>,
    after: &[usize],
) -> (Vec<usize>, Vec<usize>) {
    let SentenceView {
        text,
        lower,
        actors,
        ..
    } = *view;
    let near = (0..actors.len())
        .rev()
        .find(|&a| actors[a].last_word < t.first && t.first - actors[a].last_word <= 2);
    let source = near
        .or(subject)
        .map(|a| coordinated_left(text, actors, a))
        .unwrap_or_default();
    if let Some(&a) = after.first() {
        // "talks between A and B", "the treaty signed by A and B", "a visit by A": the
        // act's own parties ("by" right after the act: "violations by A" further on are
        // another act's)
        let gap = &lower[t.last + 1..actors[a].first_word];
        let by = gap.first().is_some_and(|w| w == "by")
            && gap[1..].iter().all(|w| actors::is_determiner(w));
        let between = by || gap.iter().any(|w| w == "between");
        if between && near.is_none() {
            return (coordinated_right(text, actors, a), Vec::new());
        }
        // "an accord signed in Pyongyang on Wednesday by A and B": places and times may come
        // between a signing and its signatories
        if t.kind == Some(EventKind::TreatySigning) && near.is_none() {
            if let Some(b) =
                by_agent(view, t.last).filter(|&b| only_places_before(lower, actors, after, b))
            {
                return (coordinated_right(text, actors, b), Vec::new());
            }
        }
    }
    let target = object(lower, actors, after, &source)
        .map(|a| coordinated_right(text, actors, a))
        .unwrap_or_default();
    (source, target)
}

/// The first actor after a trigger that is not a source, one whose words say whom it belongs
/// to first: a phrase that names no one ("troops" in "offered its troops to Lebanon") is what
/// the source moves more often than whom it acts on. A named direct object stands first
/// whatever its words say ("accused Darfur rebels of ..., a Chadian official said": the
/// rebels, not the Chadian).
pub(super) fn object(
    lower: &[String],
    actors: &[Actor],
    after: &[usize],
    source: &[usize],
) -> Option<usize> {
    let open: Vec<usize> = after
        .iter()
        .copied()
        .filter(|a| !source.contains(a))
        .collect();
    let first = open.first().copied()?;
    if actors[first].named && !actors::is_oblique(lower, &actors[first]) {
        return Some(first);
    }
    open.iter()
        .copied()
        .find(|&a| actors[a].coded())
        .or(Some(first))
}

/// The agent of a passive: the first actor after "by" that follows the trigger in its clause,
/// however far ("has been accused of misusing public funds, much of it embezzled, by Haitian
/// officials"), up to a reporting clause or a semicolon.
pub(super) fn by_agent(view: &SentenceView<'_>, last: usize) -> Option<usize> {
    let SentenceView {
        text,
        ws,
        lower,
        actors,
        ..
    } = *view;
    let stop = (last + 1..ws.len())
        .find(|&k| {
            actors::is_reporting(&lower[k]) || text[ws[k - 1].end..ws[k].start].contains(';')
        })
        .unwrap_or(ws.len());
    (0..actors.len())
        .filter(|&a| actors[a].first_word > last && actors[a].last_word < stop)
        .find(|&a| actors::word_before(lower, &actors[a]) == Some("by"))
}

/// Are the actors of `after` before `agent` all places where the act happened ("signed in
/// Pyongyang by")?
pub(super) fn only_places_before(
    lower: &[String],
    actors: &[Actor],
    after: &[usize],
    agent: usize,
) -> bool {
    after.iter().take_while(|&&a| a != agent).all(|&a| {
        actors[a].place.is_some()
            && matches!(
                actors::word_before(lower, &actors[a]),
                Some("in" | "at" | "near" | "outside")
            )
    })
}

/// Actors after the trigger's last word, up to a reporting clause, a semicolon or the reach.
pub(super) fn right_actors(
    text: &str,
    ws: &[Word<'_>],
    lower: &[String],
    actors: &[Actor],
    last: usize,
) -> Vec<usize> {
    let mut stop = ws.len().min(last + 1 + TARGET_REACH);
    for k in last + 1..stop {
        // "met Sunday and decided to ...": a verb coordinated after the trigger's own words
        // opens a clause whose objects are its own
        let next_verb = k > last + 1
            && matches!(lower[k].as_str(), "and" | "but")
            && lower.get(k + 1).is_some_and(|w| {
                w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
            });
        if actors::is_reporting(&lower[k])
            || text[ws[k - 1].end..ws[k].start].contains(';')
            || next_verb
        {
            stop = k;
            break;
        }
    }
    (0..actors.len())
        .filter(|&a| actors[a].first_word > last && actors[a].last_word < stop)
        .collect()
}

pub(super) fn coordinated_left(text: &str, actors: &[Actor], a: usize) -> Vec<usize> {
    let mut out = vec![a];
    let mut k = a;
    while k > 0 && actors::coordinated(text, &actors[k - 1], &actors[k]) {
        k -= 1;
        out.insert(0, k);
    }
    out
}

pub(super) fn coordinated_right(text: &str, actors: &[Actor], a: usize) -> Vec<usize> {
    let mut out = vec![a];
    let mut k = a;
    while k + 1 < actors.len() && actors::coordinated(text, &actors[k], &actors[k + 1]) {
        k += 1;
        out.push(k);
    }
    out
}

/// The actors of a protest told as a reporting tail.
pub(super) fn tail_actors(view: &SentenceView<'_>, t: &Trigger) -> (Vec<usize>, Vec<usize>) {
    let SentenceView {
        text,
        ws,
        lower,
        actors,
        ..
    } = *view;
    // "Croatia is failing its refugees, a rights group protested": the speaker after the
    // comma disapproves of the main clause's subject
    let comma = (1..=t.first)
        .rev()
        .find(|&k| text[ws[k - 1].end..ws[k].start].contains(','))
        .unwrap_or(0);
    let speaker = (0..actors.len()).rev().find(|&a| {
        actors[a].first_word >= comma
            && actors[a].last_word < t.first
            && !actors::is_oblique(lower, &actors[a])
    });
    let about = (0..actors.len())
        .find(|&a| actors[a].last_word < comma && !actors::is_oblique(lower, &actors[a]));
    (
        speaker
            .map(|a| coordinated_left(text, actors, a))
            .unwrap_or_default(),
        about
            .map(|a| coordinated_right(text, actors, a))
            .unwrap_or_default(),
    )
}

/// "died under torture in Israeli police custody": whoever holds the victim did it. An actor
/// right before "custody" becomes the source of an assault, a coercion or a fight it is not
/// already the source of, and the first other actor of the sides its target.
pub(super) fn custodian(
    lower: &[String],
    actors: &[Actor],
    category: PloverCategory,
    source: Vec<usize>,
    target: Vec<usize>,
) -> (Vec<usize>, Vec<usize>) {
    let holder = (0..actors.len()).find(|&a| {
        lower
            .get(actors[a].last_word + 1)
            .is_some_and(|w| w == "custody")
    });
    match holder {
        Some(c)
            if matches!(
                category,
                PloverCategory::Assault | PloverCategory::Coerce | PloverCategory::Fight
            ) && !source.contains(&c) =>
        {
            let victim = source.iter().chain(&target).copied().find(|&a| a != c);
            (vec![c], victim.into_iter().collect())
        }
        _ => (source, target),
    }
}
