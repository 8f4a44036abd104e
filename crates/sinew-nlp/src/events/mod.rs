//! Who did what to whom, when, where, by whose account? Events in the PLOVER ontology read from
//! each sentence's verbs and nouns ([`patterns`]), with source and target actors from the entity
//! layer ([`actors`]), the date from the times layer, and negation, modality and voice from the
//! trigger's clause ([`clause`]).
//!
//! Per sentence: every word is looked up in a table of inflected trigger forms (one hash probe
//! a word), a match is extended over the pattern's later words, and the longest pattern wins.
//! A trigger that falls inside the complement of an earlier one of its clause ("agreed *to set
//! up*", "threatened *to cut off*", "accused X *of attacking*") is part of that event, not an
//! event of its own, as PLOVER codes the governing verb; a trigger after "and", "but" or a
//! clause break starts a new event ("signed a treaty and visited Pyongyang" is two). The source
//! is the nearest actor before the trigger that does not follow a preposition, with the actors
//! coordinated with it ("Russia and North Korea"); the target is the first actor after it,
//! before any reporting clause. In the passive ("was sanctioned by X") the actor before is the
//! target and the one after "by" the source. Reporting verbs are not events: "X said Y attacked
//! Z" is Y -> Z, attributed to X through the attribution layer.
//!
//! Work is linear in the sentence's words; actors are built only for sentences with a trigger,
//! so a sentence without one costs its word scan and hash probes.

mod actors;
mod clause;
mod conventions;
mod patterns;
mod shape;
mod sides;

use std::collections::HashMap;
use std::sync::LazyLock;

use sinew_types::{
    Annotations, Event, EventActor, EventKind, EventModality, Mention, PloverCategory, Span,
    TimeKind,
};

use crate::sentences::starting_within;
use crate::words::{has_clause_break, words, Word};
use actors::Actor;
use patterns::{Pattern, Pos, Violence, MAX_GAP, PATTERNS};
use shape::{
    after_modifier, after_past_verb, attempt, fronted, infinitive_chain, is_noun_slot, purpose,
    purpose_clause, reduced_relative, refused, reporting_tail, subordinate, topic,
};
use sides::{
    by_agent, coordinated_left, coordinated_right, custodian, nominal_actors, object, right_actors,
    several, tail_actors,
};

/// The trigger table: every inflected head form to the patterns it starts, and each pattern's
/// later word groups.
struct Index {
    forms: HashMap<String, Vec<usize>>,
    parts: Vec<Vec<Vec<&'static str>>>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| build_index(PATTERNS));

fn build_index(patterns: &[Pattern]) -> Index {
    let mut forms: HashMap<String, Vec<usize>> = HashMap::new();
    let mut parts = Vec::with_capacity(patterns.len());
    for (p, pat) in patterns.iter().enumerate() {
        let mut tokens = pat.words.split_whitespace();
        let head = tokens.next().unwrap_or_default();
        for form in head_forms(head, pat.pos) {
            let list = forms.entry(form).or_default();
            if !list.contains(&p) {
                list.push(p);
            }
        }
        parts.push(tokens.map(|t| t.split('|').collect()).collect());
    }
    Index { forms, parts }
}

/// The surface forms of a pattern head: exact forms after `=`, else the lemma inflected by
/// rule plus the irregular forms after `:`.
fn head_forms(head: &str, pos: Pos) -> Vec<String> {
    if let Some(exact) = head.strip_prefix('=') {
        return exact.split('|').map(str::to_string).collect();
    }
    if head.contains('|') {
        return head.split('|').flat_map(|h| head_forms(h, pos)).collect();
    }
    let (lemma, irregular) = head.split_once(':').unwrap_or((head, ""));
    let mut out = vec![lemma.to_string(), plural(lemma)];
    if pos == Pos::Verb {
        out.push(past(lemma));
        out.push(gerund(lemma));
    }
    out.extend(
        irregular
            .split(',')
            .filter(|f| !f.is_empty())
            .map(str::to_string),
    );
    out
}

fn consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

/// Third person singular of a verb, or plural of a noun.
fn plural(w: &str) -> String {
    if consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

fn past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else {
        format!("{w}ed")
    }
}

fn gerund(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e') && !w.ends_with("ee") {
        format!("{}ing", &w[..w.len() - 1])
    } else {
        format!("{w}ing")
    }
}

/// A matched trigger: its first and last word and what it means.
#[derive(Debug, Clone, Copy)]
struct Trigger {
    first: usize,
    last: usize,
    category: PloverCategory,
    kind: Option<EventKind>,
    mode: Option<&'static str>,
    violence: Violence,
    passive: bool,
    /// For "X said Y must Z": the word index of the reporting verb, whose subject demands.
    obligation: Option<usize>,
    /// A named act ("sanctions", "Putin's visit", "the signing of") rather than a verb.
    nominal: bool,
    /// A protest told as a reporting tail ("..., a rights group protested"): its speaker
    /// disapproves of the main clause's subject.
    tail: bool,
}

/// Finds the events of one document. `ann` must hold the document's sentences, mentions,
/// times and attributions (`annotate_with` with entities and times); `text` is its clean text.
/// Events come in text order, several per sentence when it tells several.
pub fn find_events(text: &str, ann: &Annotations) -> Vec<Event> {
    let mut out = Vec::new();
    let mut lower = Vec::new();
    let home = home_country(text, &ann.mentions);
    for s in &ann.sentences {
        let Some(sentence_text) = text.get(s.span.start..s.span.end) else {
            continue;
        };
        if sentence_text.is_empty() {
            continue;
        }
        let ws = words(text, s.span.start, s.span.end);
        lower.clear();
        lower.extend(ws.iter().map(|w| w.text.to_lowercase()));
        let mut triggers = triggers(text, &ws, &lower);
        fronted(text, &ws, &lower, &mut triggers);
        if triggers.is_empty() {
            continue;
        }
        // "SEOUL - North Korea's decision ...": the dateline's place acts in nothing.
        let mentions = starting_within(&ann.mentions, s.span, |m| m.span);
        let dateline = crate::dateline::dateline_end(text, s.span).unwrap_or(s.span.start);
        let actors = actors::actors(text, &ws, &lower, mentions, dateline);
        let view = SentenceView {
            text,
            ann,
            sentence: s.span,
            ws: &ws,
            lower: &lower,
            actors: &actors,
            home,
        };
        out.extend(triggers.into_iter().filter_map(|t| event(&view, t)));
    }
    out
}

/// The country a document is about: the one its mentions name most often (the first of
/// equals). An actor whose own words name no country ("President Museveni", "the teachers'
/// union") is coded with it, as event coders do with a story's home country: news tells
/// domestic events far more often than it names a foreigner without a nationality. A stance
/// ("pro-Iranian"), an ethnic group ("ethnic Albanians") or a currency ("US $5 million")
/// names no home.
fn home_country(text: &str, mentions: &[Mention]) -> Option<&'static str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in mentions
        .iter()
        .filter(|m| !actors::names_no_state(text, m))
        .filter_map(|m| m.country.as_deref())
    {
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    let (name, _) = counts.iter().find(|(_, n)| *n == best)?;
    crate::entities::iso_codes(name).map(|(_, iso3)| iso3)
}

/// The category PLOVER gives an intention: a planned cooperative act is an `AGREE`, a
/// planned coercive one a `THREATEN` ("will impose sanctions", "plans to extend the curfew").
fn intent(category: PloverCategory) -> PloverCategory {
    use PloverCategory::*;
    match category {
        Support | Consult | Cooperate | Aid | Retreat | Concede => Agree,
        Sanction | Coerce | Assault | Fight => Threaten,
        other => other,
    }
}

/// Words between two triggers that start a new event rather than a complement.
const NEW_CLAUSE: &[&str] = &[
    "and", "but", "while", "after", "before", "when", "as", "then", "also", "since", "because",
];

/// The triggers of one sentence, complements of an earlier trigger left out.
fn triggers(text: &str, ws: &[Word<'_>], lower: &[String]) -> Vec<Trigger> {
    let index: &Index = &INDEX;
    let mut out: Vec<Trigger> = Vec::new();
    // The last word of the latest trigger folded into the event before it: its complement is
    // folded too ("to seek Arab *support*").
    let mut folded: Option<usize> = None;
    for i in 0..ws.len() {
        // A capitalised word inside a sentence is a name ("March", "Strike Group").
        if i > 0 && ws[i].text.starts_with(char::is_uppercase) {
            continue;
        }
        if lower[i] == "must" {
            match obligation(lower, i, out.last()) {
                // "staged rallies against the president, saying he must resign": a protest's
                // slogan is what it demands, not a second act (nor is what the slogan names)
                Some(t)
                    if out.last().map(|p| p.category) == Some(PloverCategory::Protest)
                        && t.obligation.is_some_and(|k| lower[k].ends_with("ing")) =>
                {
                    folded = Some(i);
                }
                Some(t) => out.push(t),
                None => {}
            }
            continue;
        }
        let Some(all) = index.forms.get(lower[i].as_str()) else {
            continue;
        };
        // A form standing as a noun ("the protest to the embassy", "protests may have") reads
        // its noun patterns, not a verb's with their later words
        let noun_context = (i > 0 && is_noun_slot(&lower[i - 1]))
            || lower.get(i + 1).is_some_and(|w| clause::is_auxiliary(w));
        let nouns: Vec<usize>;
        let cands: &[usize] = if noun_context
            && all.iter().any(|&c| PATTERNS[c].pos == Pos::Noun)
            && all.iter().any(|&c| PATTERNS[c].pos == Pos::Verb)
        {
            nouns = all
                .iter()
                .copied()
                .filter(|&c| PATTERNS[c].pos == Pos::Noun)
                .collect();
            &nouns
        } else {
            all
        };
        let Some((p, last)) = best_match(text, ws, lower, index, cands, i) else {
            continue;
        };
        let pat = &PATTERNS[p];
        // "sought to ease tensions" is an attempt; "tolerate" is a threat only refused ("will
        // not tolerate"); a clause of purpose ("so that X is banned") tells what is wanted
        if (pat.category == PloverCategory::Request && attempt(lower, i))
            || (pat.category == PloverCategory::Threaten
                && lower[i].starts_with("tolerat")
                && !refused(lower, i))
            || purpose_clause(text, ws, lower, i)
        {
            continue;
        }
        // A named act's words make one noun phrase ("the pact signed by"): across an
        // auxiliary they are a clause of their own ("the treaty was signed"), which the
        // verb's own patterns read; a signing's clause is read here, as a passive ("the
        // accord was signed by A and B", "the pact has been ratified").
        let across = (i + 1..last).any(|k| clause::is_auxiliary(&lower[k]));
        let signed_passive = across
            && pat.kind == Some(EventKind::TreatySigning)
            && (i + 1..last).all(|k| clause::is_auxiliary(&lower[k]) || lower[k].ends_with("ly"));
        if pat.pos == Pos::Noun && across && !signed_passive {
            continue;
        }
        // "a visiting fellow", "the visiting president": a description, not the act
        if i > 0
            && matches!(lower[i - 1].as_str(), "a" | "an" | "the")
            && lower[i].ends_with("ing")
            && actors::is_modifier(&lower[i])
        {
            continue;
        }
        // "riot police", "security forces": a word describing an actor, not an act
        if actors::is_modifier(&lower[i]) && lower.get(i + 1).is_some_and(|w| actors::is_role(w)) {
            continue;
        }
        // A verb's form after an article, a possessive or a preposition is a noun ("a visit",
        // "Russia's support", "by phone") or, as a participle, an adjective ("the banned
        // party", "his alleged part"): the adjective is no event, the noun a named act.
        let noun_slot = pat.pos == Pos::Verb && i > 0 && is_noun_slot(&lower[i - 1]);
        if noun_slot && clause::is_participle(&lower[i]) {
            continue;
        }
        // So is a form that has a noun twin and stands after a plain noun or adjective ("a
        // cyber attack", "border clashes"), and one that is itself the subject of a verb
        // ("clashes were continuing", "the attack was").
        let has_noun = all.iter().any(|&c| PATTERNS[c].pos == Pos::Noun);
        let noun_use = pat.pos == Pos::Verb
            && !clause::is_participle(&lower[i])
            && !lower[i].ends_with("ing")
            && ((has_noun && i > 0 && after_modifier(&lower[i - 1]))
                || lower.get(i + 1).is_some_and(|w| clause::is_auxiliary(w)));
        let pos = if (noun_slot && !lower[i].ends_with("ing")) || noun_use {
            Pos::Noun
        } else {
            pat.pos
        };
        // A verb with no noun twin right after a past verb is a modifier of its object
        // ("mobilized pressure groups"); a named act that is a phrase's topic ("a blackout on
        // the withdrawal") is talked about, not done
        let modifier = pos == Pos::Verb
            && !has_noun
            && !lower[i].ends_with("ing")
            && after_past_verb(lower, i);
        if modifier || (pos == Pos::Noun && topic(lower, i)) {
            continue;
        }
        let (mut category, mut kind, mut mode) = (pat.category, pat.kind, pat.mode);
        // "..., a rights group protested here Wednesday": a protest told as a statement
        let tail = category == PloverCategory::Protest
            && pos == Pos::Verb
            && lower[i].starts_with("protest")
            && reporting_tail(text, ws, lower, i);
        if tail {
            category = PloverCategory::Disapprove;
            mode = None;
        }
        if pat.category == PloverCategory::Reject
            && lower[i].starts_with("den")
            && clause::is_denial(lower, i)
        {
            continue;
        }
        // A bare supply verb is an event only for what it moves.
        if pat.kind == Some(EventKind::ArmsTransfer) && index.parts[p].is_empty() {
            match clause::transfer(&lower[i + 1..]) {
                Some((c, k, m)) => (category, kind, mode) = (c, k, m),
                None => continue,
            }
        }
        if let Some(prev) = out.last() {
            let reach = folded.map_or(prev.last, |f| f.max(prev.last));
            if i <= reach || governed(text, ws, lower, reach, i) {
                folded = Some(last);
                continue;
            }
            // After a sentence's first event, a named act ("the killing of", "talks
            // between"), a gerund (", killing 20") or a purpose ("to disperse them", "to be
            // deployed") tells more of that event, not another; so does what a subordinate
            // clause tells in passing ("where 20 were killed", "if it is attacked") and a bare
            // verb carrying on an infinitive ("refused to let planes land and evacuate"). A
            // finite verb with its own main clause is another event.
            if pos == Pos::Noun
                || lower[i].ends_with("ing")
                || purpose(lower, i)
                || subordinate(lower, prev.last, i)
                || infinitive_chain(lower, prev.last, i)
                || reduced_relative(lower, i)
            {
                folded = Some(last);
                continue;
            }
        }
        let pos = if signed_passive { Pos::Verb } else { pos };
        let passive = signed_passive || (pos == Pos::Verb && clause::is_passive(lower, i));
        let nominal = pos == Pos::Noun
            || (lower[i].ends_with("ing")
                && i > 0
                && (matches!(
                    lower[i - 1].as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its"
                ) || lower[i - 1].ends_with("'s")
                    || lower[i - 1].ends_with("’s")));
        out.push(Trigger {
            first: i,
            last,
            category,
            kind,
            mode,
            violence: pat.violence,
            passive,
            obligation: None,
            nominal,
            tail,
        });
    }
    out
}

/// Reporting verbs that make "Y must Z" after them a demand by their subject.
const DEMANDING: &[&str] = &[
    "said",
    "says",
    "declared",
    "declares",
    "reiterated",
    "insisted",
    "told",
    "stressed",
    "repeated",
    "warned",
    "announced",
    "stated",
    "added",
    "saying",
    "adding",
    "insisting",
    "reminder",
    "warning",
    "message",
];

/// "X said Y must Z" is X demanding Z of Y (PLOVER `DEMAND`): the obligation needs a
/// reporting verb before it, with no trigger between them.
fn obligation(lower: &[String], i: usize, prev: Option<&Trigger>) -> Option<Trigger> {
    let floor = prev.map_or(0, |p| p.last + 1);
    let k = (floor..i)
        .rev()
        .find(|&k| DEMANDING.contains(&lower[k].as_str()))?;

    (i - k <= 12).then_some(Trigger {
        first: i,
        last: i,
        category: PloverCategory::Demand,
        kind: None,
        mode: None,
        violence: Violence::None,
        passive: false,
        obligation: Some(k),
        nominal: false,
        tail: false,
    })
}

/// Is the trigger at word `i` inside the complement of the trigger ending at word `prev`?
fn governed(text: &str, ws: &[Word<'_>], lower: &[String], prev: usize, i: usize) -> bool {
    i - prev <= 5
        && !has_clause_break(text, ws[prev].end, ws[i].start)
        && !lower[prev + 1..i]
            .iter()
            .any(|w| NEW_CLAUSE.contains(&w.as_str()))
}

/// The longest pattern among `cands` that matches at word `i`, with its last word.
fn best_match(
    text: &str,
    ws: &[Word<'_>],
    lower: &[String],
    index: &Index,
    cands: &[usize],
    i: usize,
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for &p in cands {
        let parts = &index.parts[p];
        let mut at = i;
        let mut ok = true;
        for group in parts {
            let found = (at + 1..ws.len().min(at + 2 + MAX_GAP)).find(|&j| {
                group.contains(&lower[j].as_str())
                    && !has_clause_break(text, ws[at].end, ws[j].start)
            });
            match found {
                Some(j) => at = j,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && best.is_none_or(|(_, _, n)| parts.len() > n) {
            best = Some((p, at, parts.len()));
        }
    }
    best.map(|(p, at, _)| (p, at))
}

/// One sentence, read once for all its triggers.
struct SentenceView<'a> {
    text: &'a str,
    ann: &'a Annotations,
    sentence: Span,
    ws: &'a [Word<'a>],
    lower: &'a [String],
    actors: &'a [Actor],
    /// The document's home country ([`home_country`]).
    home: Option<&'static str>,
}

/// The event a trigger tells, or none when its clause shows it is no act between actors.
fn event(view: &SentenceView<'_>, t: Trigger) -> Option<Event> {
    let SentenceView {
        text,
        ann,
        sentence,
        ws,
        lower,
        actors,
        home,
    } = *view;
    let left: Vec<usize> = (0..actors.len())
        .filter(|&a| actors[a].last_word < t.first)
        .collect();
    let subject = left
        .iter()
        .rev()
        .copied()
        .find(|&a| !actors::is_oblique(lower, &actors[a]));
    let after = right_actors(text, ws, lower, actors, t.last);
    let (source, target) = if let Some(k) = t.obligation {
        // "X said Y must Z": Y between the verb and "must", X before the verb.
        let obliged = (0..actors.len())
            .rev()
            .find(|&a| actors[a].first_word > k && actors[a].last_word < t.first);
        let speaker = (0..actors.len())
            .rev()
            .find(|&a| actors[a].last_word < k && !actors::is_oblique(lower, &actors[a]));
        (
            speaker
                .map(|a| coordinated_left(text, actors, a))
                .unwrap_or_default(),
            obliged
                .map(|a| coordinated_left(text, actors, a))
                .unwrap_or_default(),
        )
    } else if t.tail {
        tail_actors(view, &t)
    } else if t.nominal && t.last + 1 < lower.len() && clause::is_be(&lower[t.last + 1]) {
        // "Emergency aid was delivered to Sudan by the WFP": a named act told in the passive
        // has its agent after "by" and its target as an object does
        let (source, target) = nominal_actors(view, &t, subject, &after);
        match by_agent(view, t.last) {
            Some(a) if source.is_empty() => (
                coordinated_right(text, actors, a),
                target.into_iter().filter(|&b| b < a).collect(),
            ),
            _ => (source, target),
        }
    } else if t.nominal {
        nominal_actors(view, &t, subject, &after)
    } else if t.passive && t.kind == Some(EventKind::TreatySigning) {
        // "The treaty between A and B was signed by their leaders": the signatories, else the
        // parties, all on one side (a signing is among its actors)
        let parties = by_agent(view, t.last).or_else(|| {
            left.iter()
                .copied()
                .find(|&a| actors::word_before(lower, &actors[a]) == Some("between"))
        });
        (
            parties
                .map(|a| coordinated_right(text, actors, a))
                .unwrap_or_default(),
            Vec::new(),
        )
    } else if t.passive {
        (
            by_agent(view, t.last)
                .map(|a| coordinated_right(text, actors, a))
                .unwrap_or_default(),
            subject
                .map(|a| coordinated_left(text, actors, a))
                .unwrap_or_default(),
        )
    } else {
        let source = subject
            .map(|a| coordinated_left(text, actors, a))
            .unwrap_or_default();
        // "warned Israel of", "asked Germany for": an object standing between a pattern's
        // head and its later words is the target
        let inside = (0..actors.len()).find(|&a| {
            actors[a].first_word > t.first
                && actors[a].last_word < t.last
                && !actors::is_oblique(lower, &actors[a])
        });
        let object = inside.or_else(|| object(lower, actors, &after, &source));
        // "blocked streets in Hong Kong in defiance of Chinese authorities": a protest is
        // against whom it defies, not where it is held
        let object = match object {
            Some(a) if t.category == PloverCategory::Protest => after
                .iter()
                .copied()
                .find(|&b| {
                    let k = actors[b].first_word;
                    actors[b].coded()
                        && (actors::word_before(lower, &actors[b]) == Some("against")
                            || (k >= 2 && lower[k - 2] == "defiance" && lower[k - 1] == "of"))
                })
                .or(Some(a)),
            other => other,
        };
        // "complained to the UN over Israeli raids": a complaint's target is whom it is
        // about, not whom it is lodged with
        let object = match object {
            Some(a)
                if matches!(
                    t.category,
                    PloverCategory::Disapprove | PloverCategory::Accuse
                ) && actors::word_before(lower, &actors[a]) == Some("to") =>
            {
                after
                    .iter()
                    .copied()
                    .find(|&b| {
                        let k = actors[b].first_word;
                        b > a
                            && lower[k.saturating_sub(3)..k]
                                .iter()
                                .any(|w| matches!(w.as_str(), "over" | "about" | "against"))
                    })
                    .or(Some(a))
            }
            other => other,
        };
        let target = object
            .map(|a| coordinated_right(text, actors, a))
            .unwrap_or_default();
        (source, target)
    };
    let (source, target) = custodian(lower, actors, t.category, source, target);
    // One state named twice is not both sides ("Moscow ... in Russia's Far East"); a
    // domestic event ("Nigerian teachers ... the Nigerian government") is.
    let target: Vec<usize> = target
        .into_iter()
        .filter(|&b| {
            !source
                .iter()
                .any(|&a| actors[a].place.is_some() && actors[a].place == actors[b].place)
        })
        .collect();
    // "Israel's cabinet met Sunday": a body in session, with no one it meets, consults no one
    // ("met on Sunday with victims" meets someone, named or not)
    if t.category == PloverCategory::Consult
        && matches!(lower[t.first].as_str(), "meet" | "meets" | "met")
        && target.is_empty()
        && !lower[t.last + 1..lower.len().min(t.last + 5)]
            .iter()
            .any(|w| w == "with")
        && !(source.len() == 1 && several(lower, &actors[source[0]]))
        && source.len() < 2
    {
        return None;
    }
    let mut sources: Vec<EventActor> = source
        .iter()
        .map(|&a| actors[a].to_event_actor(text, home))
        .collect();
    // An act whose doer goes unnamed is coded with the country where it happened (not a
    // signing: its parties are merged from other reports)
    if sources.is_empty() && t.kind != Some(EventKind::TreatySigning) {
        let taken: Vec<Span> = target.iter().map(|&b| actors[b].span).collect();
        sources.extend(conventions::where_it_happened(
            text,
            actors,
            starting_within(&ann.mentions, sentence, |m| m.span),
            home,
            &taken,
        ));
    }
    let cue_from = subject.map_or(0, |a| actors[a].last_word + 1);
    // a signing told as a clause ("the treaty will not be signed") has its cues inside it
    let cue_end = if t.passive && t.kind == Some(EventKind::TreatySigning) {
        t.last
    } else {
        t.first
    };
    let mut cues = clause::cues(lower, cue_from, cue_end);
    // "will not tolerate": the negator makes the threat, it does not deny it
    if t.category == PloverCategory::Threaten && lower[t.first].starts_with("tolerat") {
        cues.negated = false;
    }
    let category = match t.violence {
        Violence::BySource if !source.iter().any(|&a| actors[a].armed) => PloverCategory::Assault,
        _ => t.category,
    };
    // "may halt mediation", "could impose sanctions": a possible act to come is announced
    // as an intention, as a plan is ("may have attacked" tells a past act, hedged).
    let possible = cues.modality == EventModality::Hedged
        && t.first > 0
        && matches!(lower[t.first - 1].as_str(), "may" | "might" | "could");
    let category = match (cues.modality, cues.negated) {
        (EventModality::Planned, false) => intent(category),
        (EventModality::Hedged, false) if possible => intent(category),
        // "will not allow", "would not meet": a refusal
        (EventModality::Planned, true) if intent(category) == PloverCategory::Agree => {
            PloverCategory::Reject
        }
        _ => category,
    };
    let location = after
        .iter()
        .find(|&&a| matches!(actors::word_before(lower, &actors[a]), Some("in" | "at")))
        .and_then(|&a| actors[a].place.clone());
    let trigger = Span::new(ws[t.first].start, ws[t.last].end);
    let days = date(ann, sentence, trigger);
    Some(Event {
        category,
        mode: t.mode.map(str::to_string),
        kind: t.kind,
        trigger,
        sentence,
        source: sources,
        target: target
            .iter()
            .map(|&a| actors[a].to_event_actor(text, home))
            .collect(),
        date: days.0,
        date_end: days.1,
        location,
        attribution: attribution(ann, sentence, trigger),
        modality: cues.modality,
        negated: cues.negated,
    })
}

/// The first and last day of the sentence's time expression nearest the trigger (points and
/// intervals, not durations or recurring times): "in 2019" is 2019-01-01 to 2019-12-31.
type Days = (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>);

fn date(ann: &Annotations, sentence: Span, trigger: Span) -> Days {
    starting_within(&ann.times, sentence, |t| t.span)
        .iter()
        .filter(|t| sentence.contains(t.span))
        .filter(|t| !matches!(t.kind, TimeKind::Duration | TimeKind::Set))
        .filter(|t| t.start_date.is_some())
        .min_by_key(|t| t.span.start.abs_diff(trigger.start))
        .map_or((None, None), |t| (t.start_date, t.end_date))
}

/// Who tells the event: the sentence's attribution whose cue is not the trigger itself.
fn attribution(ann: &Annotations, sentence: Span, trigger: Span) -> Option<String> {
    starting_within(&ann.attributions, sentence, |a| a.span)
        .iter()
        .find(|a| sentence.contains(a.span) && !a.span.contains(trigger))
        .map(|a| a.source.clone())
}

#[cfg(test)]
mod tests;
