//! Figures between two parties with no direction: "trade between China and Russia",
//! "China-Russia trade", "trade between the two countries", "the goal the two sides had set",
//! "bilateral trade", and "its neighbour".
//!
//! An undirected pair is named in a fixed order (by name), so that "between Russia and China"
//! and "between China and Russia" are one relation. "The two countries" and the like refer
//! to the last two different states named before the phrase as parties (not after "of",
//! "in": "since the invasion of Ukraine" names no party): in the sentence, then back through
//! the document up to [`PAIR_LOOKBACK`] sentences (news names the pair in its lead and refers
//! to it for paragraphs).

use sinew_types::{EntityType, Mention, Span};

use super::actors::Actor;
use super::{starting_within, ClaimInputs};

/// How many sentences back "the two countries" may look for the pair it names.
const PAIR_LOOKBACK: usize = 8;

/// Phrases that refer to a pair named before.
const PAIR_PHRASES: &[&str] = &[
    "the two countries",
    "the two nations",
    "the two sides",
    "the two governments",
    "the two states",
    "the two neighbours",
    "the two neighbors",
    "the two allies",
    "the two partners",
    "the two economies",
    "both countries",
    "both sides",
    "both nations",
    "both governments",
    "bilateral",
];

fn ordered(a: &str, b: &str) -> (Option<String>, Option<String>) {
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    (Some(x.to_string()), Some(y.to_string()))
}

/// "between X and Y" with two actors.
pub(super) fn between_pair(
    text: &str,
    sentence: Span,
    actors: &[Actor<'_>],
) -> Option<(Option<String>, Option<String>)> {
    for pair in actors.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = text[a.span.end..b.span.start].trim();
        let before = text[sentence.start..a.span.start].trim_end().to_lowercase();
        // "between the EU and China": the article stays outside the name.
        let before = before.strip_suffix(" the").unwrap_or(&before);
        if (gap == "and" || gap == "&") && before.ends_with("between") && a.name != b.name {
            return Some(ordered(a.name, b.name));
        }
    }
    None
}

/// "China-Russia trade", "the US–China trade war": two actors joined by a hyphen or dash
/// into one modifier, before the figure or in the noun phrase it belongs to (the figure
/// follows within the sentence, and no other actor stands between).
pub(super) fn joined_pair(
    text: &str,
    actors: &[Actor<'_>],
    q: Span,
) -> Option<(Option<String>, Option<String>)> {
    actors.windows(2).find_map(|pair| {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = &text[a.span.end..b.span.start];
        let joined = matches!(gap, "-" | "–" | "—" | "/");
        // The modifier ends on a noun ("China-Russia trade"), never on a number or a name.
        let noun_after = text[b.span.end..]
            .trim_start()
            .starts_with(|c: char| c.is_lowercase());
        (joined && noun_after && a.name != b.name && b.span.end <= q.start)
            .then(|| ordered(a.name, b.name))
    })
}

/// "its neighbour", "its partner": the object is the last other state named.
pub(super) fn refers_to_neighbour(text: &str, sentence: Span) -> bool {
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

/// The state an entity stands for, for "the country", "its neighbour" and "the two
/// countries".
pub(super) fn actor_country(m: &Mention) -> Option<&str> {
    match m.entity_type {
        EntityType::Country => Some(&m.canonical),
        EntityType::Person | EntityType::GovernmentBody => m.country.as_deref(),
        _ => None,
    }
}

/// The last country named before sentence `si` that is not `subject`.
pub(super) fn previous_other_country(
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

/// Is the state at `span` named as a place or a modifier ("the invasion of Ukraine", "talks
/// in Geneva"), not as one of the parties a pair is made of?
fn names_a_place(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end();
    let before = before.strip_suffix("the").unwrap_or(before).trim_end();
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    ["of", "in", "at", "near", "inside", "across"]
        .iter()
        .any(|p| last.eq_ignore_ascii_case(p))
}

/// The pair "the two countries" (or "both sides", "bilateral") in sentence `si` refers to:
/// the last two different states named before the phrase. Ordered by name.
pub(super) fn the_two(
    inp: &ClaimInputs<'_>,
    sentence: Span,
    si: usize,
) -> Option<(String, String)> {
    let lower = inp.text[sentence.start..sentence.end].to_ascii_lowercase();
    let at = PAIR_PHRASES.iter().filter_map(|p| lower.find(p)).min()?;
    let from = inp.sentences[si.saturating_sub(PAIR_LOOKBACK)].span.start;
    let until = sentence.start + at;
    let mut first: Option<&str> = None;
    for m in starting_within(inp.mentions, Span::new(from, until), |m| m.span)
        .iter()
        .rev()
    {
        let Some(c) = actor_country(m) else {
            continue;
        };
        if names_a_place(inp.text, m.span) {
            continue;
        }
        match first {
            None => first = Some(c),
            Some(f) if f != c => {
                let (a, b) = ordered(f, c);
                return a.zip(b);
            }
            Some(_) => {}
        }
    }
    None
}

/// How many sentences back "sanctions against X" names the target of a sanctions count.
const SANCTION_LOOKBACK: usize = 4;

/// Words of a sanction.
const SANCTION_WORDS: &[&str] = &["sanction", "sanctions", "embargo", "embargoes"];

/// The target of the sanctions a figure counts ("more than 500 new sanctions", "13 rounds of
/// sanctions", "adding 200 individuals to its list"), for a figure whose sentence speaks of
/// sanctions and that names who imposes them but no target: the state named right after
/// "sanctions against/on/targeting" (a determiner or a word between allowed, "sanctions on
/// the Russian economy") in this sentence or the [`SANCTION_LOOKBACK`] before it, the
/// nearest first, never the subject itself. Failing that, the target of the first sanctions
/// the document's opening [`SANCTION_LEAD`] sentences name: a report on one country's
/// sanctions ("The EU adopted its 13th package of sanctions against Russia ... The EU has now
/// adopted 13 rounds of sanctions") names its target once, in its lead.
pub(super) fn sanction_target(
    inp: &ClaimInputs<'_>,
    ws: &[crate::words::Word<'_>],
    si: usize,
    subject: &str,
) -> Option<String> {
    if !ws.iter().any(|w| w.is_any(SANCTION_WORDS)) {
        return None;
    }
    (si.saturating_sub(SANCTION_LOOKBACK)..=si)
        .rev()
        .find_map(|i| target_in(inp, i, subject))
        .or_else(|| (0..si.min(SANCTION_LEAD)).find_map(|i| target_in(inp, i, subject)))
}

/// How many sentences open a document for [`sanction_target`]'s lead.
const SANCTION_LEAD: usize = 3;

/// The state after the last "sanctions against/on/targeting" of sentence `i` that is not
/// `subject`.
fn target_in(inp: &ClaimInputs<'_>, i: usize, subject: &str) -> Option<String> {
    let span = inp.sentences[i].span;
    let sws = crate::words::words(inp.text, span.start, span.end);
    let mentions = starting_within(inp.mentions, span, |m| m.span);
    sws.iter().enumerate().rev().find_map(|(k, w)| {
        if !w.is_any(SANCTION_WORDS) {
            return None;
        }
        let prep = sws.get(k + 1)?;
        if !prep.is_any(&["against", "on", "targeting", "targetting"]) {
            return None;
        }
        // The target starts within the next three words.
        let until = sws.get(k + 4).map_or(span.end, |n| n.start);
        mentions
            .iter()
            .filter(|m| m.span.start >= prep.end && m.span.start < until)
            .filter_map(actor_country)
            .find(|c| *c != subject)
            .map(str::to_string)
    })
}
