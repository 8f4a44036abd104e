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

use sinew_types::{EntityType, Mention, Sentence, Span};

use super::roles::actor_name;
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
                    self.heading = whole_heading(text, span, &names)
                        .filter(|m| named_again(mentions, m, Span::new(after, until)))
                        .and_then(topic_name)
                        .map(str::to_string);
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
/// state, a place, a person or an untyped name.
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

/// The mention a heading consists of, its list number aside ("1. State Farm Group").
fn whole_heading<'m>(text: &str, span: Span, names: &[&'m Mention]) -> Option<&'m Mention> {
    let [m] = names else { return None };
    let inside = |w: &Word<'_>| m.span.contains(Span::new(w.start, w.end));
    let ws = words(text, span.start, span.end);
    let numbered = ws
        .first()
        .is_some_and(|w| w.text.bytes().all(|b| b.is_ascii_digit()));
    ws.iter()
        .skip(usize::from(numbered))
        .all(inside)
        .then_some(*m)
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
