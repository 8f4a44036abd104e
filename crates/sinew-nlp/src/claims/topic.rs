//! What a section is about, for figures whose sentence names no one.
//!
//! A list of companies or a company profile states figures under a heading without naming
//! their owner again ("1. State Farm Group / Market share: 12.89%"). A heading (a short line
//! with no sentence end) that is an organisation's name, its list number aside, makes that
//! organisation the section's topic when the section names it again within the next few
//! sentences ([`CONFIRM_SENTENCES`]): a title-case heading the tagger takes for a name
//! ("Energy Rebates & Incentives") is seldom named again. The topic lasts until the next
//! heading that names something.
//!
//! The topic is a last resort: only a figure whose sentence names no party and no place at
//! all (a speaker aside) takes it, and only as its subject.

use std::collections::HashMap;

use sinew_types::{Coarse, EntityType, Mention, Sentence, Span};

use super::actors::actor_name;
use super::starting_within;
use crate::words::{words, Word};

/// A heading's organisation is the topic when named again within this many sentences.
const CONFIRM_SENTENCES: usize = 5;
/// A heading is at most this many words.
const HEADING_WORDS: usize = 12;
/// How far before a heading its line may start: a list number and its spaces ("12. ").
const LIST_NUMBER_BYTES: usize = 8;

/// The section topics met so far, for figures met in order.
#[derive(Default)]
pub(super) struct Topics {
    /// Sentences before this index have been read.
    next: usize,
    /// The organisation the current section's heading names.
    heading: Option<String>,
}

impl Topics {
    /// Reads the sentences before sentence `si` not read yet.
    pub(super) fn advance(
        &mut self,
        text: &str,
        sentences: &[Sentence],
        mentions: &[Mention],
        si: usize,
    ) {
        while self.next < si {
            let span = sentences[self.next].span;
            if is_heading(text, span) {
                let names: Vec<&Mention> = starting_within(mentions, span, |m| m.span)
                    .iter()
                    .filter(|m| span.contains(m.span) && actor_name(m).is_some())
                    .collect();
                if !names.is_empty() {
                    let after = sentences
                        .get(self.next + 1)
                        .map_or(span.end, |s| s.span.start);
                    let until = sentences
                        .get(self.next + CONFIRM_SENTENCES)
                        .map_or(text.len(), |s| s.span.end);
                    let named = whole_heading(text, span, &names)
                        .filter(|m| named_again(mentions, m, Span::new(after, until)))
                        .and_then(topic_name)
                        .map(str::to_string);
                    // "Liberty Mutual: distinct features" under "5. Liberty Mutual Group":
                    // a subheading that names the section's organisation keeps it.
                    let about_topic = self
                        .heading
                        .as_deref()
                        .is_some_and(|t| names.iter().any(|m| topic_name(m) == Some(t)));
                    if named.is_some() || !about_topic {
                        self.heading = named;
                    }
                }
            }
            self.next += 1;
        }
    }

    /// The current section's topic.
    pub(super) fn topic(&self) -> Option<&str> {
        self.heading.as_deref()
    }
}

/// The name a mention gives a topic: an organisation the entity layer typed as one; never a
/// state, a place, a person or an untyped name (a product heading, "Actions Data Stream").
fn topic_name(m: &Mention) -> Option<&str> {
    let fits = matches!(
        m.entity_type,
        EntityType::InternationalOrg
            | EntityType::Company
            | EntityType::StateEnterprise
            | EntityType::ThinkTank
            | EntityType::Media
    );
    fits.then(|| actor_name(m)).flatten()
}

/// Is the entity of `m` named in `span`?
fn named_again(mentions: &[Mention], m: &Mention, span: Span) -> bool {
    starting_within(mentions, span, |x| x.span)
        .iter()
        .any(|x| x.id == m.id)
}

/// Words a company's name may carry in a heading beyond the name the entity layer found
/// ("8. Chubb Ltd Group", "Philips Oral Healthcare, LLC").
const DESIGNATORS: &[&str] = &[
    "group",
    "inc",
    "ltd",
    "llc",
    "corp",
    "co",
    "plc",
    "company",
    "corporation",
    "holdings",
    "sa",
    "ag",
    "nv",
    "gmbh",
    "limited",
];

/// The mention a heading consists of, its list number aside ("1. State Farm Group"), with
/// a company designator after it ("Chubb Ltd Group") or an abbreviation in parentheses
/// ("United Services Automobile Association (USAA) Group": the name the entity layer found,
/// either the full name or the abbreviation, when the other is capitalised words).
fn whole_heading<'m>(text: &str, span: Span, names: &[&'m Mention]) -> Option<&'m Mention> {
    let m = match names {
        [m] => *m,
        // The name and its abbreviation, the same entity or the second in parentheses.
        [a, b] if a.id == b.id || in_parentheses(text, b.span) => *a,
        _ => return None,
    };
    let in_name = |w: &Word<'_>| {
        names
            .iter()
            .any(|n| n.span.contains(Span::new(w.start, w.end)))
    };
    let ws = words(text, span.start, span.end);
    let numbered = ws
        .first()
        .is_some_and(|w| w.text.bytes().all(|b| b.is_ascii_digit()));
    let name_in_parens = in_parentheses(text, m.span);
    ws.iter()
        .skip(usize::from(numbered))
        .all(|w| {
            in_name(w)
                || w.is_any(DESIGNATORS)
                || in_parentheses(text, Span::new(w.start, w.end))
                || (name_in_parens && w.text.starts_with(char::is_uppercase))
        })
        .then_some(m)
}

/// Is `span` right inside parentheses ("(USAA)")?
fn in_parentheses(text: &str, span: Span) -> bool {
    text[..span.start].ends_with('(') && text[span.end..].starts_with(')')
}

/// Is the sentence at `span` a heading: a whole line of a few words with no sentence end?
fn is_heading(text: &str, span: Span) -> bool {
    // The splitter may leave a list number ("1.") a sentence of its own. Only the few bytes
    // a list number takes are looked back at, so a text with no line breaks stays linear.
    let mut from = span.start.saturating_sub(LIST_NUMBER_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..span.start];
    let prefix = match before.rfind('\n') {
        Some(p) => Some(before[p + 1..].trim()),
        None if from == 0 => Some(before.trim()),
        None => None,
    };
    let line_start = prefix.is_some_and(|p| {
        p.is_empty()
            || p.strip_suffix(['.', ')'])
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    let line_end = span.end == text.len() || text[span.end..].starts_with('\n');
    let body = text[span.start..span.end].trim_end();
    let open_end = !body.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '\'', '’']);
    line_start && line_end && open_end && words(text, span.start, span.end).len() <= HEADING_WORDS
}

/// A document is about one organisation when it is named at least this many times...
const DOC_ORG_MIN: usize = 3;
/// ... and this many times as often as any other organisation.
const DOC_ORG_LEAD: usize = 2;

/// The organisation a whole document is about (a company's own release or blog, a profile
/// of one firm): the organisation named most often, at least [`DOC_ORG_MIN`] times and
/// [`DOC_ORG_LEAD`] times as often as any other. A document about several (a list of
/// insurers, a market report) has none.
///
/// A name counts its own mentions and those of names that extend it, its products and
/// divisions ("GitHub" counts "GitHub Actions" and "GitHub-hosted"). An organisation is a
/// name the entity layer types as one, or an untyped name tagged ORG; a name typed as a
/// person counts only when it is also typed as an organisation elsewhere in the document
/// (the tagger's slip on a brand such as "Paris Baguette"), never alone.
///
/// Like a section's topic, it is a last resort: it stands for "we" and "our" in the
/// document's own voice and for "the company" or "it" when no organisation is named in the
/// sentences before (`refer.rs` looks there first).
pub(super) fn document_org(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
) -> Option<String> {
    let org_like = |m: &Mention| {
        topic_name(m).is_some() || (m.entity_type == EntityType::Other && m.coarse == Coarse::Org)
    };
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in mentions.iter().filter(|m| org_like(m)) {
        *counts.entry(m.canonical.as_str()).or_default() += 1;
    }
    for m in mentions
        .iter()
        .filter(|m| m.entity_type == EntityType::Person)
    {
        if let Some(c) = counts.get_mut(m.canonical.as_str()) {
            *c += 1;
        }
    }
    // Sorted by name, so that a name comes right before the names that extend it.
    let mut names: Vec<(&str, usize)> = counts.into_iter().collect();
    names.sort_unstable();
    let extends = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.starts_with([' ', '-']))
    };
    let mut best: Option<(&str, usize)> = None;
    for (i, &(name, n)) in names.iter().enumerate() {
        let with_extensions = n + names[i + 1..]
            .iter()
            .take_while(|(l, _)| l.starts_with(name))
            .filter(|(l, _)| extends(l, name))
            .map(|(_, c)| c)
            .sum::<usize>();
        if best.is_none_or(|(_, b)| with_extensions > b) {
            best = Some((name, with_extensions));
        }
    }
    let (name, top) = best?;
    let rival = names
        .iter()
        .filter(|(l, _)| *l != name && !extends(l, name) && !extends(name, l))
        .map(|(_, c)| *c)
        .max()
        .unwrap_or(0);
    let dominant = top >= DOC_ORG_MIN && top >= DOC_ORG_LEAD * rival.max(1);
    (dominant && in_lede(text, sentences, mentions, name)).then(|| name.to_string())
}

/// The lede: the first this many sentences of [`LEDE_WORDS`] words or more (a page's
/// "By", "Guides" and date lines are no sentences of it).
const LEDE_SENTENCES: usize = 3;
const LEDE_WORDS: usize = 6;

/// Is `name` (or a name that extends it) named in the document's lede? A document about one
/// organisation names it at its start; a list or a market report that names one firm often
/// further down ("5. Whirlpool Corp., Findlay") is not about it.
fn in_lede(text: &str, sentences: &[Sentence], mentions: &[Mention], name: &str) -> bool {
    sentences
        .iter()
        .filter(|s| words(text, s.span.start, s.span.end).len() >= LEDE_WORDS)
        .take(LEDE_SENTENCES)
        .any(|s| {
            starting_within(mentions, s.span, |m| m.span)
                .iter()
                .any(|m| {
                    m.canonical
                        .strip_prefix(name)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '-']))
                })
        })
}

/// First-person words by which a document (or a speaker) speaks for its organisation.
const FIRST_PERSON: &[&str] = &[
    "we", "our", "we're", "we’re", "we've", "we’ve", "we'll", "we’ll",
];

/// Verbs by which "we" states or weighs a figure rather than acts on it ("we expect home
/// sales to rise 14%", "we saw developers use 11.5 billion minutes"): the figure is not the
/// speaker's own.
const WEIGH_VERBS: &[&str] = &[
    "expect",
    "expects",
    "expecting",
    "expected",
    "forecast",
    "forecasts",
    "forecasting",
    "estimate",
    "estimates",
    "estimating",
    "estimated",
    "project",
    "projecting",
    "projected",
    "predict",
    "predicting",
    "predicted",
    "see",
    "saw",
    "seeing",
    "seen",
    "look",
    "looking",
    "think",
    "believe",
    "anticipate",
    "anticipating",
    "anticipated",
    "found",
    "find",
    "know",
    "hope",
    "hoping",
    "calculate",
    "calculated",
    "count",
    "counted",
    "measured",
    "surveyed",
];
/// Nouns after "our" that make it a source, not an owner ("based on our analysis").
const SOURCE_NOUNS: &[&str] = &[
    "analysis",
    "data",
    "research",
    "survey",
    "study",
    "estimate",
    "estimates",
    "forecast",
    "forecasts",
    "report",
    "view",
    "calculations",
    "numbers",
    "findings",
    "model",
    "sources",
];
/// How many words after "we" a verb of weighing is looked for ("we are now expecting").
const WE_REACH: usize = 4;

/// Does the figure's sentence speak in the first person plural before the figure, as the
/// one who acts on it ("We are cutting prices by up to 39%", "our new architecture handles
/// 71 million jobs a day"), not as the one who weighs it ("we expect sales to rise 14%",
/// "our analysis shows")? `before` is the sentence's words before the figure.
pub(super) fn first_person(before: &[Word<'_>]) -> bool {
    before.iter().enumerate().any(|(i, w)| {
        let next = &before[i + 1..];
        if w.is_any(FIRST_PERSON) && !w.is("our") {
            !next.iter().take(WE_REACH).any(|n| n.is_any(WEIGH_VERBS))
        } else if w.is("our") {
            !next.first().is_some_and(|n| n.is_any(SOURCE_NOUNS))
        } else {
            false
        }
    })
}
