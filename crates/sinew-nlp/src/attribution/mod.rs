//! Attribution ("according to X", "X said", "denounces X", "released by X") and modality
//! ("may have", "could", "reportedly").
//!
//! Sources are resolved to entity mentions where one stands in the source phrase, so that an
//! attribution reads "US State Department" whether the article wrote "the State Department" or
//! "a fact sheet released by the US State Department".

use sinew_types::{Attribution, EntityType, Mention, Modality, Sentence, Span};

use crate::sentences::starting_within;
use crate::words::{has_clause_break, words, Word};

/// Cues that introduce the source after them: "according to X", "released by X".
const PREFIX_CUES: &[&[&str]] = &[
    &["according", "to"],
    &["released", "by"],
    &["published", "by"],
    &["cited", "by"],
    &["reported", "by"],
    &["compiled", "by"],
    &["issued", "by"],
    &["estimated", "by"],
    &["report", "from"],
    &["report", "by"],
    &["data", "from"],
    &["figures", "from"],
    &["estimates", "from"],
];

/// Speech and claim verbs: "X said", "..., says X".
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "writes",
    "wrote",
    "declared",
    "declares",
    "denounced",
    "denounces",
    "claimed",
    "claims",
    "stated",
    "states",
    "warned",
    "warns",
    "added",
    "adds",
    "noted",
    "notes",
    "argued",
    "argues",
    "estimated",
    "estimates",
    "reported",
    "reports",
    "highlighted",
    "highlights",
    "summarizes",
    "summarises",
    "summarized",
    "analyzes",
    "analyses",
    "announced",
    "announces",
    "insisted",
    "explained",
    "acknowledged",
    "confirmed",
    "alleged",
    "alleges",
    "accused",
    "accuses",
    "disclosed",
    "revealed",
    "showed",
    "shows",
];

/// Words that hedge a statement in their clause.
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "probably",
    "possibly",
    "likely",
    "perhaps",
    "presumably",
    "purportedly",
    "supposedly",
    "apparently",
    "estimated",
    "believed",
    "suspected",
    "unconfirmed",
    "unverified",
    "rumoured",
    "rumored",
];

/// Prepositions that place a source rather than name it: "an institute in Tehran",
/// "analysts based in Seoul". ("from" is left out; "of" is read by [`places`].)
const LOCATORS: &[&str] = &["in", "at", "near", "based"];

/// Heads that, before "of" and a country, are the state's own voice: "the government of
/// Iran said" is Iran speaking, as "Iran said" is in news (the government is who speaks
/// for a state; event coding reads it as the state's government, IRN GOV). Any other body
/// of a country is its own speaker: "the central bank of Iran", "the people of Iran".
const STATE_VOICES: &[&str] = &["government", "authorities", "administration", "leadership"];

/// Words a speaker's phrase ("a researcher in Tehran") may have at most.
const MAX_SPEAKER_WORDS: usize = 7;

fn is_source(m: &Mention) -> bool {
    !matches!(
        m.entity_type,
        EntityType::Agreement | EntityType::Place | EntityType::Other
    )
}

/// Rank of a mention as a source: people and bodies over countries.
fn source_rank(m: &Mention) -> u8 {
    match m.entity_type {
        EntityType::Person => 0,
        EntityType::GovernmentBody
        | EntityType::ThinkTank
        | EntityType::Media
        | EntityType::InternationalOrg
        | EntityType::Company => 1,
        _ => 2,
    }
}

/// Finds attributions in each sentence. `mentions` must be sorted by start.
pub(crate) fn find_attributions(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
) -> Vec<Attribution> {
    let mut out = Vec::new();
    for s in sentences {
        let ws = words(text, s.span.start, s.span.end);
        // "WASHINGTON - The United States said ...": the dateline's place is where the
        // story was filed, never who speaks.
        let from = crate::dateline::dateline_end(text, s.span).unwrap_or(s.span.start);
        let in_sentence = starting_within(mentions, s.span, |m| m.span);
        let first = in_sentence.partition_point(|m| m.span.start < from);
        let in_sentence = &in_sentence[first..];
        let mut i = 0;
        while i < ws.len() {
            if let Some(n) = PREFIX_CUES
                .iter()
                .find_map(|cue| matches_seq(&ws[i..], cue))
            {
                let cue_span = Span::new(ws[i].start, ws[i + n - 1].end);
                if let Some(a) = source_after(text, s.span, cue_span, in_sentence, &ws[i + n..]) {
                    out.push(a);
                }
                i += n;
                continue;
            }
            // "States" in "The United States" is part of a name, not a speech verb (the
            // mentions are scanned only for a speech verb: most words are none).
            let in_name = || {
                in_sentence
                    .iter()
                    .any(|m| m.span.start <= ws[i].start && ws[i].end <= m.span.end)
            };
            if ws[i].is_any(SPEECH_VERBS) && !in_name() {
                if let Some(a) = source_around(text, s.span, &ws[i], in_sentence) {
                    out.push(a);
                }
            }
            i += 1;
        }
    }
    out.sort_by_key(|a| (a.span.start, a.span.end));
    out.dedup_by_key(|a| a.span);
    out
}

fn matches_seq(ws: &[Word<'_>], cue: &[&str]) -> Option<usize> {
    (ws.len() >= cue.len() && cue.iter().zip(ws).all(|(c, w)| w.is(c))).then_some(cue.len())
}

/// The source phrase after a prefix cue: up to the next clause break or the sentence end.
fn source_after(
    text: &str,
    sentence: Span,
    cue: Span,
    mentions: &[Mention],
    rest: &[Word<'_>],
) -> Option<Attribution> {
    let first = rest.first()?;
    if has_clause_break(text, cue.end, first.start) {
        return None;
    }
    let mut end = first.end;
    for w in rest.iter().skip(1) {
        if has_clause_break(text, end, w.start) {
            break;
        }
        end = w.end;
    }
    let phrase = Span::new(first.start, end.min(sentence.end));
    let best = mentions
        .iter()
        .filter(|m| phrase.contains(m.span) && is_source(m))
        .min_by_key(|m| (source_rank(m), m.span.start));
    let (source, source_span) = match best {
        // "according to a research institute in Tehran": the country only places the
        // source; the institute speaks, named by the words up to the place.
        Some(m) if placed_after(text, phrase.start, m) => {
            let span = Span::new(phrase.start, m.span.end);
            (speaker_words(&text[span.start..span.end], false), span)
        }
        Some(m) => (m.canonical.clone(), m.span),
        None => (
            speaker_words(&text[phrase.start..phrase.end], false),
            phrase,
        ),
    };
    Some(Attribution {
        span: Span::new(cue.start, phrase.end),
        source_span,
        source,
        cue: text[cue.start..cue.end].to_lowercase(),
    })
}

/// The source of a speech verb: the mention right before it ("Tertitskiy said"), else the one
/// right after it ("..., says Pacheco Pardo").
fn source_around(
    text: &str,
    sentence: Span,
    verb: &Word<'_>,
    mentions: &[Mention],
) -> Option<Attribution> {
    let before = mentions
        .iter()
        .rev()
        .find(|m| m.span.end <= verb.start && is_source(m));
    if let Some(m) = before {
        let gap = &text[m.span.end..verb.start];
        let between = words(text, m.span.end, verb.start);
        // "X's Y said": Y speaks when it can ("Iran's foreign ministry"), never X alone
        // ("North Korea's munitions highlights a pivot" has no speaker)
        let possessive = gap.starts_with("'s ") || gap.starts_with("’s ");
        if possessive {
            return possessive_speaker(text, m, gap, &between, verb);
        }
        if let Some(a) = national_body(text, m, gap, &between, verb) {
            return Some(a);
        }
        let gap_words = between.len();
        // "Tertitskiy said", "Shin Won-sik, said" (the end of an appositive).
        let appositive_end = gap.trim() == ",";
        // "... sanctions on Chinese entities and warned": a verb joined to an earlier one has
        // that verb's subject, not the name just before it.
        let joined = between.iter().any(|w| w.is_any(&["and", "or", "but"]));
        if gap_words <= 2
            && !joined
            && (appositive_end || !gap.contains([',', ';', ':', '“', '”', '"']))
        {
            // "A research institute in Tehran said": the speaker is the institute.
            let (source, source_span) = match placed_subject(text, sentence, m) {
                Some(span) => {
                    // a named body opening the sentence keeps its capital ("Reuters
                    // reporters"): only words no mention covers are lowered
                    let initial = words(text, sentence.start, span.start).is_empty()
                        && !mentions.iter().any(|x| x.span.start == span.start);
                    (speaker_words(&text[span.start..span.end], initial), span)
                }
                None => match joint_subject(text, sentence, m, mentions) {
                    // "Japan and the United States said": both speak, neither alone
                    Some(span) => (speaker_words(&text[span.start..span.end], false), span),
                    None => (m.canonical.clone(), m.span),
                },
            };
            return Some(Attribution {
                span: Span::new(source_span.start, verb.end),
                source_span,
                source,
                cue: verb.text.to_lowercase(),
            });
        }
    }
    // Inversion only after a quote or a comma: "“...,” says Pacheco Pardo".
    let lead = text[sentence.start..verb.start].trim_end();
    if !lead.ends_with([',', '”', '"', '’', '\'']) {
        return None;
    }
    let after = mentions
        .iter()
        .find(|m| m.span.start >= verb.end && is_source(m))?;
    if after.span.end > sentence.end || has_clause_break(text, verb.end, after.span.start) {
        return None;
    }
    if words(text, verb.end, after.span.start).len() > 4 {
        return None;
    }
    Some(Attribution {
        span: Span::new(verb.start, after.span.end),
        source_span: after.span,
        source: after.canonical.clone(),
        cue: verb.text.to_lowercase(),
    })
}

/// The words of a subject that joins a source named before `m` to `m` with "and" ("Japan and
/// the United States", "Chile and Peru"): the two speak together. The first must open its
/// clause (the sentence, or after a comma, perhaps after "the"): "sold copper to Chile and
/// Bolivia said" joins no subject. `None` when `m` stands alone.
fn joint_subject(text: &str, sentence: Span, m: &Mention, mentions: &[Mention]) -> Option<Span> {
    let p = mentions
        .iter()
        .rev()
        .find(|p| p.span.end <= m.span.start && is_source(p))?;
    let between = words(text, p.span.end, m.span.start);
    let joins = match between.as_slice() {
        [and] => and.is("and"),
        [and, the] => and.is("and") && the.is("the"),
        _ => false,
    };
    let lead = words(text, sentence.start, p.span.start);
    let lead = match lead.split_last() {
        Some((the, rest)) if the.is("the") => rest,
        _ => lead.as_slice(),
    };
    let opens = lead
        .last()
        .is_none_or(|w| has_clause_break(text, w.end, p.span.start));
    (joins && opens && !has_clause_break(text, p.span.end, m.span.start))
        .then(|| Span::new(p.span.start, m.span.end))
}

/// "Iran's foreign ministry said", "Gazprom's chief executive said": a body or a person of
/// the name before the possessive speaks, named by the phrase; "Iran's government said" is
/// the state's own voice, as "the government of Iran" is ([`STATE_VOICES`]). The body is one
/// to [`MAX_BODY_WORDS`] words with no clause break or conjunction between it and the verb.
fn possessive_speaker(
    text: &str,
    m: &Mention,
    gap: &str,
    between: &[Word<'_>],
    verb: &Word<'_>,
) -> Option<Attribution> {
    let possessive = gap.starts_with("'s ") || gap.starts_with("’s ");
    let (first, body) = between.split_first()?;
    if !possessive
        || !first.is("s")
        || body.is_empty()
        || body.len() > MAX_BODY_WORDS
        || gap.contains([',', ';', ':', '“', '”', '"', '(', ')'])
        || body
            .iter()
            .any(|w| w.is_any(&["and", "or", "but", "that", "who", "which"]))
    {
        return None;
    }
    let last = body.last()?;
    if !last.is_any(STATE_VOICES) && !can_speak(last.text) {
        return None;
    }
    let (source, source_span) = if last.is_any(STATE_VOICES) {
        (m.canonical.clone(), m.span)
    } else {
        let span = Span::new(m.span.start, last.end);
        (speaker_words(&text[span.start..span.end], false), span)
    };
    Some(Attribution {
        span: Span::new(source_span.start, verb.end),
        source_span,
        source,
        cue: verb.text.to_lowercase(),
    })
}

/// "the North Macedonian economy ministry said", "US officials said": a body or people a
/// country word names as the state's speak as themselves, named by the phrase from the
/// country word to the head, not as the country (the country only says whose they are); "the
/// Iranian government said" stays the state's own voice ([`STATE_VOICES`]), and a head that
/// cannot speak ("the Chinese side said") leaves the country as the speaker. One to
/// [`MAX_BODY_WORDS`] words with no clause break or conjunction lie between the country word
/// and the verb.
fn national_body(
    text: &str,
    m: &Mention,
    gap: &str,
    between: &[Word<'_>],
    verb: &Word<'_>,
) -> Option<Attribution> {
    if m.entity_type != EntityType::Country
        || gap.contains([',', ';', ':', '“', '”', '"', '(', ')'])
    {
        return None;
    }
    let (span, source) = national_phrase(text, m.span, between)?;
    Some(Attribution {
        span: Span::new(span.start, verb.end),
        source_span: span,
        source,
        cue: verb.text.to_lowercase(),
    })
}

/// The words from a country word at `country` to the head of the body or officials it names
/// ("Chinese customs", "US officials"), and the speaker they name, when `between` (the words
/// after the country word up to the verb) ends in a head that can speak; see
/// [`national_body`].
fn national_phrase(text: &str, country: Span, between: &[Word<'_>]) -> Option<(Span, String)> {
    // "US officials have said", "Chilean officials also said": the verb's auxiliaries and
    // adverbs are no part of who speaks
    let mut between = between;
    while let Some((last, rest)) = between.split_last() {
        if !last.is_any(BEFORE_VERB) {
            break;
        }
        between = rest;
    }
    let last = between.last()?;
    if between.len() > MAX_BODY_WORDS
        || has_clause_break(text, country.end, last.end)
        || between
            .iter()
            .any(|w| w.is_any(&["and", "or", "but", "that", "who", "which"]))
        || last.is_any(STATE_VOICES)
        || !can_speak(&last.text.to_lowercase())
    {
        return None;
    }
    let span = Span::new(country.start, last.end);
    Some((span, speaker_words(&text[span.start..span.end], false)))
}

/// The speaker a country word at `country` names with the words after it up to a verb of
/// speech (`between`): its body or officials ("Chinese customs put the total at ...", "US
/// officials now put ..."), as [`national_body`] reads them for an attribution; `None` when
/// those words name no one who can speak.
pub(crate) fn national_speaker(text: &str, country: Span, between: &[Word<'_>]) -> Option<String> {
    national_phrase(text, country, between).map(|(_, source)| source)
}

/// Auxiliaries and adverbs that may stand between a speaker and its verb of speech ("have
/// said", "also warned", "had repeatedly claimed").
const BEFORE_VERB: &[&str] = &[
    "have",
    "has",
    "had",
    "will",
    "would",
    "also",
    "now",
    "again",
    "previously",
    "repeatedly",
    "earlier",
    "later",
    "then",
    "recently",
];

/// Words a body after a country's name ("Iran's state forestry agency", "the Russian economy
/// ministry") may have at most.
const MAX_BODY_WORDS: usize = 4;

/// Heads of a common-noun phrase that can speak: bodies, offices, people by their role, and
/// the documents that speak for them ("the ministry's report says").
const SPEAKING_HEADS: &[&str] = &[
    "ministry",
    "ministries",
    "office",
    "agency",
    "department",
    "bureau",
    "embassy",
    "mission",
    "delegation",
    "government",
    "cabinet",
    "parliament",
    "council",
    "committee",
    "commission",
    "court",
    "bank",
    "regulator",
    "military",
    "army",
    "navy",
    "command",
    "staff",
    "service",
    "customs",
    "police",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "envoy",
    "diplomat",
    "diplomats",
    "chief",
    "head",
    "executive",
    "boss",
    "president",
    "premier",
    "ambassador",
    "media",
    "press",
    "statement",
    "report",
    "data",
    "figures",
    "study",
    "survey",
    "analysis",
    "website",
    "newspaper",
    "outlet",
    "institute",
    "centre",
    "center",
    "union",
    "association",
    "team",
    "board",
    "company",
    "firm",
    "group",
    "operator",
    "exchange",
    "authority",
    "watchdog",
    "experts",
    "expert",
    "sources",
    "source",
    "intelligence",
    "leader",
    "leaders",
    "minister",
    "ministers",
    "officer",
    "officers",
    "manager",
    "owner",
    "lawmaker",
    "lawmakers",
    "reporter",
    "reporters",
    "broadcaster",
    "producer",
    "producers",
    "exporter",
    "exporters",
    "importer",
    "importers",
    "supplier",
    "suppliers",
    "trader",
    "traders",
    "lender",
    "lenders",
    "ruler",
    "commander",
    "commanders",
    "member",
    "members",
    "partner",
    "partners",
    "workers",
    "farmers",
    "buyers",
    "sellers",
    "maker",
    "makers",
    "planner",
    "planners",
    "adviser",
    "advisers",
    "observer",
    "observers",
    "correspondent",
    "agent",
    "agents",
    "consultant",
    "consultancy",
    "assistant",
    "insurer",
    "carrier",
    "counterpart",
    "counterparts",
];

/// Whether a speaker phrase ending in `head` names someone who can speak: a name, a
/// [`SPEAKING_HEADS`] word, or an agent noun in "-or", "-ist", "-ian" ("director",
/// "economist", "historian"); not a thing ("North Korea's munitions", "Norway's timber").
fn can_speak(head: &str) -> bool {
    if head.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    let w = head.to_lowercase();
    if SPEAKING_HEADS.contains(&w.as_str()) {
        return true;
    }
    let one = w.strip_suffix('s').unwrap_or(&w);
    !["sector", "factor", "motor", "floor", "error"].contains(&one)
        && ["or", "ist", "ian"]
            .iter()
            .any(|suffix| one.len() > suffix.len() + 2 && one.ends_with(suffix))
}

/// Whether `prep`, after the words `rest`, places a source in the country that follows
/// rather than makes the country the speaker: a locator ("an institute in Tehran"), or "of"
/// after a body other than the state's government ("the central bank of Iran").
fn places(prep: &Word, rest: &[Word]) -> bool {
    prep.is_any(LOCATORS)
        || (prep.is_any(&["of"]) && rest.last().is_some_and(|w| !w.is_any(STATE_VOICES)))
}

/// Whether mention `m`, a country, follows a locating preposition that itself follows other
/// words of the phrase from `start`: "a research institute in Tehran", not "Tehran".
fn placed_after(text: &str, start: usize, m: &Mention) -> bool {
    if source_rank(m) < 2 {
        return false;
    }
    let before = words(text, start, m.span.start);
    match before.split_last() {
        Some((prep, rest)) => {
            places(prep, rest) && !rest.is_empty() && !has_clause_break(text, start, m.span.start)
        }
        None => false,
    }
}

/// The subject phrase ending in mention `m` when `m` is a country that only places it, as
/// in "A research institute in Tehran said": from the clause's first word to the end of `m`,
/// if that is a short phrase.
fn placed_subject(text: &str, sentence: Span, m: &Mention) -> Option<Span> {
    if source_rank(m) < 2 {
        return None;
    }
    let before = words(text, sentence.start, m.span.start);
    let (prep, rest) = before.split_last()?;
    if !places(prep, rest) || has_clause_break(text, prep.end, m.span.start) {
        return None;
    }
    // Back from the preposition to the clause's start.
    let mut first = before.len() - 1;
    while first > 0 && !has_clause_break(text, before[first - 1].end, before[first].start) {
        first -= 1;
    }
    // a fronted time is not the speaker: "In November officials in Tbilisi said"
    first += leading_time(&before[first..before.len() - 1]);
    let n = before.len() - first;
    if !(2..=MAX_SPEAKER_WORDS).contains(&n) {
        return None;
    }
    Some(Span::new(before[first].start, m.span.end))
}

/// How many of `ws`' first words are a fronted time: a preposition or "last", "this",
/// "earlier" opening words that name a time ("In November", "On Monday", "Last week",
/// "Earlier this month", "In 2023"); 0 when they do not.
fn leading_time(ws: &[Word<'_>]) -> usize {
    const OPENERS: &[&str] = &["in", "on", "at", "during", "by", "last", "this", "earlier"];
    const TIME_WORDS: &[&str] = &[
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "weekend",
        "morning",
        "afternoon",
        "evening",
        "night",
        "day",
        "days",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
    ];
    const JOINERS: &[&str] = &["this", "last", "the", "early", "late", "mid", "earlier"];
    if !ws.first().is_some_and(|w| w.is_any(OPENERS)) {
        return 0;
    }
    let timely = |w: &Word<'_>| {
        w.is_any(TIME_WORDS)
            || w.is_any(&sinew_types::text::MONTH_NAMES)
            || w.is_any(&sinew_types::text::WEEKDAY_NAMES)
            || (w.text.len() == 4 && w.text.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut n = 1;
    let mut named = false;
    while n < ws.len() && (timely(&ws[n]) || ws[n].is_any(JOINERS)) {
        named |= timely(&ws[n]);
        n += 1;
    }
    // the time ends where the speaker's words start: at least one of them must be left
    if named && n < ws.len() {
        n
    } else {
        0
    }
}

/// A speaker named by common words, as a sentence's middle reads it: "a research institute
/// in Tehran" (a leading "the" dropped, a capital article lowered). `initial`: the words open
/// their sentence, so a capital on a common first word ("Officials in Tbilisi", "Customs
/// officials in Almaty") is the sentence's, and is lowered.
fn speaker_words(raw: &str, initial: bool) -> String {
    let raw = raw.trim();
    let raw = raw
        .strip_prefix("the ")
        .or_else(|| raw.strip_prefix("The "))
        .unwrap_or(raw);
    for article in ["A ", "An "] {
        if let Some(rest) = raw.strip_prefix(article) {
            return format!("{}{rest}", article.to_lowercase());
        }
    }
    let mut parts = raw.splitn(3, ' ');
    let (first, second) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let common = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(char::is_lowercase)
        && second.chars().next().is_some_and(char::is_lowercase);
    if initial && common {
        let mut chars = raw.chars();
        if let Some(c) = chars.next() {
            return c.to_lowercase().chain(chars).collect();
        }
    }
    raw.to_string()
}

/// Modality of the clause `text[start..end]`.
pub(crate) fn modality(text: &str, start: usize, end: usize) -> Modality {
    let ws = words(text, start, end);
    if (0..ws.len()).any(|i| ws[i].is_any(HEDGES) && !month_may(&ws, i)) {
        Modality::Hedged
    } else {
        Modality::Asserted
    }
}

/// Whether `ws[i]` is the month May, not the modal verb: "since May 2023" hedges nothing.
/// Inside a clause the verb is written in lower case; at its start, "May" is the month when
/// a number (a day or a year) follows.
fn month_may(ws: &[Word<'_>], i: usize) -> bool {
    ws[i].text == "May"
        && (i > 0
            || ws
                .get(i + 1)
                .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit())))
}

#[cfg(test)]
mod tests;
