//! Subjects named outside the figure's clause: words that refer back ("the country", "the
//! company", "it"), and the speaker's own figures (a government body on its country's
//! deliveries, a company reporting its accounts).
//!
//! These are last resorts, tried only when the clause names no party: a reference takes the
//! last fitting entity named in the sentence before it or in the three sentences before (the
//! window the entity layer's coreference uses for nominals); a speaker is a party only when
//! the figure is its own account ("Snowflake reported free cash flow of $884 million"), never
//! when it reports on others ("the ministry estimated that 6,700 containers had been
//! shipped").

use sinew_types::{Attribution, EntityType, Mention, Span};

use super::actors::{actor_name, is_org, Actor, Role};
use super::pairs::actor_country;
use super::{starting_within, ClaimInputs};
use crate::words::{strip_possessive, Word};

/// How many sentences back a reference looks for what it names.
const REFER_LOOKBACK: usize = 3;

/// Nouns that, after "the", refer back to an organisation ("the company", "the chain").
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "brand",
    "chain",
    "startup",
    "utility",
    "platform",
    "bank",
    "insurer",
    "retailer",
    "maker",
    "manufacturer",
    "carrier",
    "lender",
    "business",
    "conglomerate",
    "corporation",
    "airline",
    "automaker",
    "producer",
    "exporter",
    "operator",
    "fund",
    "supplier",
    "distributor",
    "publisher",
    "developer",
    "facility",
    "plant",
    "factory",
    "initiative",
    "organization",
    "organisation",
    "association",
    "nonprofit",
    "charity",
    "foundation",
    "etf",
];

/// Words that make "it is a ..." a dummy subject's frame, not a description of what "it"
/// refers to ("it was a year in which", "it is a fact that", "it is the first time").
const NOT_DESCRIBED: &[&str] = &[
    "that", "to", "which", "when", "where", "year", "years", "time", "day", "month", "week",
    "decade", "period", "moment", "case", "fact", "question", "matter", "sign", "shame",
];

/// Words after "it" that make it a dummy subject ("it is expected that ...").
const DUMMY_IT: &[&str] = &[
    "is", "was", "s", "seems", "seemed", "appears", "remains", "will", "would", "could", "may",
    "might", "takes", "took", "means", "isn't", "isn’t", "wasn't", "wasn’t", "won't", "won’t",
    "would've", "it's", "it’s",
];

/// "the country fired over 50,000 shells": the last country named before the phrase, in
/// this sentence or the three before it.
pub(super) fn refers_to_country<'a>(
    inp: &ClaimInputs<'a>,
    sentence: Span,
    q: Span,
    si: usize,
) -> Option<&'a str> {
    let before = inp.text[sentence.start..q.start].to_ascii_lowercase();
    let at = ["the country", "the nation"]
        .iter()
        .filter_map(|p| before.rfind(p))
        .max()?;
    let from = inp.sentences[si.saturating_sub(REFER_LOOKBACK)].span.start;
    let until = sentence.start + at;
    let mentions: &'a [Mention] = inp.mentions;
    starting_within(mentions, Span::new(from, until), |m| m.span)
        .iter()
        .rev()
        .find_map(actor_country)
}

/// "The company employs 1,800 people", "It provides 6,000 jobs", "its 80 bays", "the
/// Atlanta-based utility offers $100": the last
/// organisation named before the reference, in this sentence or the three before it. The
/// reference must come before the figure, in the words that open the sentence or the
/// figure's clause ("it" as a dummy subject, "it is expected that", is no reference).
pub(super) fn refers_to_company(
    inp: &ClaimInputs<'_>,
    ws: &[Word<'_>],
    q: Span,
    si: usize,
) -> Option<String> {
    let at = company_reference(ws, q)?;
    let party = |m: &&Mention| is_org(m) && m.entity_type != EntityType::Person;
    // "Acme said its sales rose 5%": an organisation named earlier in the same sentence.
    let start = inp.sentences[si].span.start;
    let before = starting_within(inp.mentions, Span::new(start, at.max(start)), |m| m.span);
    if let Some(name) = before
        .iter()
        .rev()
        .filter(|m| m.span.end <= at)
        .filter(party)
        .find_map(|m| actor_name(m))
    {
        return Some(name.to_string());
    }
    // "the Polish ministry claimed that its factories ...": a state or its body named
    // first in the sentence is what "its" means, not an organisation named before.
    let state_before = before.iter().any(|m| {
        m.span.end <= at
            && matches!(
                m.entity_type,
                EntityType::Country | EntityType::GovernmentBody | EntityType::ArmedForce
            )
    });
    if state_before {
        return None;
    }
    // "Acme opened a plant. The company embraces the cloud. It employs 900 people": the
    // organisation the sentences before are about; first a name ending in the reference's
    // noun ("Orvand launched the Kestrel Growth Fund. The fund holds ...").
    if let Some(name) = reference_noun(ws, at)
        .and_then(|noun| named_by_noun(inp, si, at, noun))
        .or_else(|| subject_chain(inp, si))
    {
        return Some(name);
    }
    let from = inp.sentences[si.saturating_sub(REFER_LOOKBACK)].span.start;
    let mentions = starting_within(inp.mentions, Span::new(from, at.max(from)), |m| m.span);
    mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= at)
        // The last organisation that can be a party: a product or event name the tagger
        // calls miscellaneous is skipped, not the end of the search.
        .filter(party)
        .find_map(|m| actor_name(m))
        .map(str::to_string)
}

/// Nouns of bodies that "the" + noun refers back to only when a name ending in the noun was
/// given before ("the council" after "the UN Security Council"): a council, a commission or
/// a committee is as often one never named.
const NAMED_NOUNS: &[&str] = &["council", "commission", "committee"];

/// "Thirteen of the council's 15 members" after "the UN Security Council": the body a
/// "the council" before the figure (or opening its sentence) names, when an organisation
/// whose name ends in that noun is named in the sentences before ([`named_by_noun`]).
pub(super) fn refers_to_named_body(
    inp: &ClaimInputs<'_>,
    ws: &[Word<'_>],
    q: Span,
    si: usize,
) -> Option<String> {
    // Up to the figure, and "of the council's" right after it ("Thirteen of the ...").
    let mut end = ws.partition_point(|w| w.end <= q.end);
    if ws.get(end).is_some_and(|w| w.is("of")) {
        end = (end + 3).min(ws.len());
    }
    let before: Vec<&Word<'_>> = ws[..end].iter().collect();
    before.windows(2).find_map(|pair| {
        let noun = crate::words::strip_possessive(pair[1].text);
        (pair[0].is("the") && NAMED_NOUNS.iter().any(|n| noun.eq_ignore_ascii_case(n)))
            .then(|| named_by_noun(inp, si, pair[0].start, noun))
            .flatten()
    })
}

/// The noun of a reference "the (modifiers) NOUN" starting at byte `at`, if it is one.
fn reference_noun<'w>(ws: &[Word<'w>], at: usize) -> Option<&'w str> {
    let i = ws.iter().position(|w| w.start == at)?;
    if !ws[i].is_any(&["the", "this"]) {
        return None;
    }
    ws[i + 1..]
        .iter()
        .take(MAX_MODIFIERS + 1)
        .find(|w| w.is_any(ORG_NOUNS))
        .map(|w| w.text)
}

/// The last organisation named in the sentences of a chain before `at` whose name ends in
/// `noun` ("Kestrel Growth Fund" for "the fund").
fn named_by_noun(inp: &ClaimInputs<'_>, si: usize, at: usize, noun: &str) -> Option<String> {
    let from = inp.sentences[si.saturating_sub(CHAIN_LOOKBACK)].span.start;
    starting_within(inp.mentions, Span::new(from, at.max(from)), |m| m.span)
        .iter()
        .rev()
        .filter(|m| {
            m.span.end <= at
                && (is_org(m) || m.entity_type == EntityType::GovernmentBody)
                && m.entity_type != EntityType::Person
        })
        .filter(|m| {
            m.text
                .rsplit(' ')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(noun))
        })
        .find_map(|m| actor_name(m))
        .map(str::to_string)
}

/// How many sentences back a chain of references ("It ... The company ... It") is followed
/// to the name it starts from.
const CHAIN_LOOKBACK: usize = 6;

/// Words before a name that make it no sentence subject ("shares of Acme", "a deal with
/// Acme", "included in the Acme index").
const OBJECT_PREPS: &[&str] = &[
    "of",
    "in",
    "at",
    "on",
    "to",
    "for",
    "with",
    "by",
    "from",
    "into",
    "over",
    "under",
    "against",
    "than",
    "between",
    "about",
    "like",
    "including",
    "via",
    "through",
    "as",
];

/// What a sentence says about the organisation it is about.
#[derive(Debug, PartialEq)]
enum SentenceSubject {
    /// It opens with a name: "Acme opened a plant", "Despite its size, Acme is ...".
    Named(String),
    /// It opens with a word that refers back: "It ...", "The company ...".
    Refers,
    /// It names no organisation as its subject.
    Nothing,
}

/// The organisation the sentences before `si` are about: going back, the first sentence
/// whose subject is an organisation named there, past sentences that refer back to it
/// ("It ...", "The company ...") or name none as their subject. A reference takes the
/// subject of its chain, not the last name in passing ("The company embraces the Internet
/// of Things. It provides 6,000 jobs" is the company's).
///
/// The chain passes at most [`MAX_SILENT`] sentences that neither name nor refer to an
/// organisation: a reference after a run of them ("Prices rose. Dealers are busy. The company
/// employs 900 people") has lost its thread.
fn subject_chain(inp: &ClaimInputs<'_>, si: usize) -> Option<String> {
    let mut silent = 0;
    for j in (si.saturating_sub(CHAIN_LOOKBACK)..si).rev() {
        match sentence_subject(inp, j) {
            SentenceSubject::Named(name) => return Some(name),
            SentenceSubject::Refers => {}
            SentenceSubject::Nothing => {
                silent += 1;
                if silent > MAX_SILENT {
                    return None;
                }
            }
        }
    }
    None
}

/// Sentences with no organisation as subject a chain of references may pass.
const MAX_SILENT: usize = 1;

/// The organisation sentence `j` is about ([`SentenceSubject`]).
fn sentence_subject(inp: &ClaimInputs<'_>, j: usize) -> SentenceSubject {
    let span = inp.sentences[j].span;
    let ws = crate::words::words(inp.text, span.start, span.end);
    if opens_with_reference(&ws) {
        return SentenceSubject::Refers;
    }
    for m in starting_within(inp.mentions, span, |m| m.span) {
        if !is_org(m) || m.entity_type == EntityType::Person {
            continue;
        }
        let Some(name) = actor_name(m) else {
            continue;
        };
        let prev = ws.iter().rev().find(|w| w.end <= m.span.start);
        if prev.is_some_and(|w| w.is_any(OBJECT_PREPS)) {
            continue;
        }
        return SentenceSubject::Named(name.to_string());
    }
    SentenceSubject::Nothing
}

/// "It is the only insurer included in the Acme index and reported $46 billion", "The
/// group operates in 54 countries and writes P&C": in a sentence whose subject refers back,
/// a name in the predicate (after a preposition or determiner, or after the figure) is not
/// the figure's subject.
pub(super) fn in_predicate_only(
    ws: &[Word<'_>],
    actors: &[Actor<'_>],
    name: &str,
    q: Span,
) -> bool {
    opens_with_reference(ws)
        && actors.iter().filter(|a| a.name == name).all(|a| {
            let prev = ws.iter().rev().find(|w| w.end <= a.span.start);
            a.span.start >= q.end
                || prev.is_some_and(|w| w.is_any(OBJECT_PREPS) || w.is_any(&["the", "a", "an"]))
        })
}

/// Does the sentence open with a word that refers back to an organisation ("It employs",
/// "Its shares", "The company", "This facility")?
pub(super) fn opens_with_reference(ws: &[Word<'_>]) -> bool {
    let Some(first) = ws.first() else {
        return false;
    };
    first.is_any(&["it", "its"])
        || (first.is_any(&["the", "this"]) && org_nominal(&ws[1..].iter().collect::<Vec<_>>()))
}

/// Where the words before the figure refer back to an organisation ("the company", "the
/// Atlanta-based utility", "its", "it" but not a dummy "it is expected"), if they do.
pub(super) fn company_reference(ws: &[Word<'_>], q: Span) -> Option<usize> {
    let before: Vec<&Word<'_>> = ws.iter().take_while(|w| w.end <= q.start).collect();
    before.iter().enumerate().find_map(|(i, w)| {
        let next = before.get(i + 1);
        let nominal = w.is_any(&["the", "this"]) && org_nominal(&before[i + 1..]);
        // "It is the only insurer in the index and reported ...", "It was also a founder":
        // "it is" before a noun phrase describes what "it" refers to.
        let described = next.is_some_and(|n| n.is_any(&["is", "was"]))
            && before
                .get(i + 2)
                .is_some_and(|d| d.is_any(&["the", "a", "an", "also", "now", "one"]))
            // "It was a year in which ...", "It is a fact that ...": no description.
            && !before
                .iter()
                .skip(i + 3)
                .take(3)
                .any(|x| x.is_any(NOT_DESCRIBED));
        let dummy = w.is("it") && next.is_some_and(|n| n.is_any(DUMMY_IT)) && !described;
        let pronoun = w.is_any(&["it", "its"]) && !dummy;
        (nominal || pronoun).then_some(w.start)
    })
}

/// Words that may stand between "the" and the noun of an organisation ("the parent
/// company", "the Atlanta-based utility", "the Korea-born bakery chain"): at most
/// [`MAX_MODIFIERS`], each lower-case or hyphenated, none a function word.
const MAX_MODIFIERS: usize = 2;
const NOT_MODIFIERS: &[&str] = &[
    "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "that", "which", "is",
    "was", "are", "were", "has", "have", "had", "will", "would",
];

/// Do the words after "the" name an organisation: a noun of `ORG_NOUNS`, perhaps after a
/// modifier or two?
fn org_nominal(after: &[&Word<'_>]) -> bool {
    for (n, w) in after.iter().enumerate().take(MAX_MODIFIERS + 1) {
        if w.is_any(ORG_NOUNS) {
            return true;
        }
        let modifier = (w.text.contains('-') || w.text.starts_with(char::is_lowercase))
            && !w.is_any(NOT_MODIFIERS)
            && !w.text.starts_with(|c: char| c.is_ascii_digit());
        if !modifier || n == MAX_MODIFIERS {
            return false;
        }
    }
    false
}

/// A government body reporting on its own country ("the Russian Ministry of Defense claimed
/// that its factories had delivered ...") makes that country the subject.
pub(super) fn self_report(inp: &ClaimInputs<'_>, attrs: &[&Attribution]) -> Option<String> {
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

/// "Progressive reported net premiums written of about $18.1 billion": an organisation that
/// reports its accounts, the figure in the object of its verb of reporting (no "that", no
/// other verb between), is the figure's subject.
pub(super) fn own_report(
    text: &str,
    actors: &[Actor<'_>],
    ws: &[Word<'_>],
    q: Span,
) -> Option<String> {
    let speaker = actors
        .iter()
        .rev()
        .find(|a| a.role == Role::Speaker && a.org && a.span.end <= q.start)?;
    let verb = ws.iter().find(|w| {
        w.start >= speaker.span.end && w.end <= q.start && w.is_any(super::actors::REPORT_VERBS)
    })?;
    let between = &text[verb.end..q.start];
    let direct = !between.contains(',')
        && !ws
            .iter()
            .filter(|w| w.start >= verb.end && w.end <= q.start)
            .any(|w| {
                w.is_any(&[
                    "that", "which", "who", "was", "were", "is", "are", "had", "have", "has",
                ])
            });
    direct.then(|| speaker.name.to_string())
}

/// Nouns of an organisation's own accounts ("revenue", "quarterly profit", "its orders").
const ACCOUNT_NOUNS: &[&str] = &[
    "revenue", "revenues", "sales", "profit", "profits", "earnings", "income", "turnover",
    "margin", "margins", "orders", "bookings", "loss", "losses", "ebitda", "eps", "dividend",
];
/// Words that give accounts named after them another owner than the speaker ("industry
/// revenue", "global sales").
const OTHER_OWNERS: &[&str] = &[
    "industry",
    "sector",
    "market",
    "global",
    "national",
    "worldwide",
    "world",
    "country",
];

/// "Norvik Marine said its revenue rose 12%", "Kestrel said on Monday that quarterly profit
/// fell 8%": an organisation that states figures of accounts whose owner its words leave
/// out (or name as "its"/"their") states its own. Not a person ("Jane Roe said revenue
/// rose": whose is not said), not accounts another name or a possessive owns ("said the
/// industry's revenue", "said Chilean sales"), and no figure with another actor between.
pub(super) fn own_accounts_said(actors: &[Actor<'_>], ws: &[Word<'_>], q: Span) -> Option<String> {
    let speaker = actors.iter().rev().find(|a| {
        a.role == Role::Speaker
            && a.org
            && (a.entity != EntityType::Person || a.tagged_org)
            && a.span.end <= q.start
    })?;
    if actors
        .iter()
        .any(|a| a.span.start >= speaker.span.end && a.span.start < q.start)
    {
        return None;
    }
    let between: Vec<&Word<'_>> = ws
        .iter()
        .filter(|w| w.start >= speaker.span.end && w.end <= q.start)
        .collect();
    let account = between.iter().position(|w| w.is_any(ACCOUNT_NOUNS))?;
    let owned_else = between[..account].iter().any(|w| {
        w.is_any(OTHER_OWNERS)
            || (strip_possessive(w.text) != w.text && !w.is_any(&["its", "their"]))
    });
    (!owned_else).then(|| speaker.name.to_string())
}

/// Determiners that open a definite description referring back ("the wagons", "these
/// shipments").
const DEFINITE: &[&str] = &["the", "these", "those", "such"];

/// Nouns of a source, not of a thing someone acts on: "the survey also shows 69% ..." is
/// no deed of whoever ran the survey.
const SOURCE_NOUNS: &[&str] = &[
    "survey",
    "surveys",
    "poll",
    "polls",
    "study",
    "studies",
    "report",
    "reports",
    "data",
    "analysis",
    "research",
    "figures",
    "statistics",
    "estimate",
    "estimates",
    "census",
];

/// Words that end a definite description's noun phrase before its verb.
const PHRASE_END: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "could", "would", "will", "can", "may",
    "might", "should", "must", "did", "do", "does", "of", "in", "on", "at", "for", "with",
];

/// "Kestria sent 300 barges to Morland. The barges could have carried as many as 9,000
/// tonnes of grain": a figure whose clause opens with a definite description ("the barges",
/// "these shipments") of a noun the sentence before names, after the actor who is that
/// sentence's subject, is that actor's; the recipient named there ("to Morland") is its
/// object. The sentence before must name the actor before the noun and not as a speaker or
/// a place; the description is the first words of the figure's sentence, before the figure.
/// Last resort: only for a figure whose own clause names no subject.
pub(super) fn definite_back(
    inp: &ClaimInputs<'_>,
    ws: &[Word<'_>],
    q: Span,
    si: usize,
) -> Option<(String, Option<String>)> {
    let before: Vec<&Word<'_>> = ws.iter().filter(|w| w.end <= q.start).collect();
    let first = before.first()?;
    if !first.is_any(DEFINITE) {
        return None;
    }
    // The description's nouns: lower-case words after the determiner, up to its verb.
    let nouns: Vec<&str> = before[1..]
        .iter()
        .take(3)
        .take_while(|w| !w.is_any(PHRASE_END))
        .map(|w| w.text)
        .filter(|t| t.len() >= 3 && t.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .filter(|t| !SOURCE_NOUNS.contains(t))
        .collect();
    if nouns.is_empty() || si == 0 {
        return None;
    }
    let prev = inp.sentences[si - 1].span;
    let pws = crate::words::words(inp.text, prev.start, prev.end);
    let stem = |t: &str| t.trim_end_matches('s').to_string();
    let attrs: Vec<&Attribution> = starting_within(inp.attributions, prev, |a| a.span)
        .iter()
        .collect();
    let actors = super::actors::actors_in(inp.text, prev, inp.mentions, &attrs, &pws);
    let Some(named_at) = pws.iter().find(|w| {
        let t = w.text.to_ascii_lowercase();
        nouns.iter().any(|n| stem(n) == stem(&t))
    }) else {
        return super::modifiers::deed_back(inp.text, &nouns, &pws, &actors);
    };
    // The actor acts on the thing: a word stands between them ("Kestria sent barges"), where
    // "a Kestria survey" is the actor's own words, no deed.
    let subject = actors.iter().find(|a| {
        a.role == Role::Plain
            && !a.adjective
            && pws
                .iter()
                .any(|w| w.start >= a.span.end && w.end <= named_at.start)
    })?;
    let object = actors
        .iter()
        .find(|a| a.role == Role::Recipient && a.name != subject.name)
        .map(|a| a.name.to_string());
    Some((subject.name.to_string(), object))
}
