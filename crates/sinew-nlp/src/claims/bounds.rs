//! Where a figure's clause bounds it: a limit ("the cap of", "no more than ... allowed"),
//! the time of a verb of saying that reports it (", the Pentagon said last month"), and
//! whether another figure stands between it and a time.

use sinew_types::{Quantity, QuantityKind, Span};

use crate::words::Word;

/// Nouns and verbs of a limit next to a figure ("the cap of", "a ceiling of", "capped at").
pub(super) const LIMIT_WORDS: &[&str] = &[
    "cap", "caps", "capped", "ceiling", "ceilings", "limit", "limits", "limited",
];

/// Words that make "no more than" or "up to" a rule rather than a hedge ("no more than 2,000
/// workers are allowed", "adults should drink up to"). "May" and "can" are left out: "up to
/// 10,000 troops may have been sent" is a hedge.
const PERMIT_WORDS: &[&str] = &[
    "allowed",
    "allow",
    "allows",
    "permitted",
    "permit",
    "permits",
    "should",
    "must",
];

/// Is the figure a limit: a noun or verb of a limit right before or right after it ("the cap
/// of", "limited to", "a 2,000-worker ceiling"), or "no more than", "not more than", "at
/// most" or "up to" (the figure's qualifier, or the words right before it) in a clause that
/// allows or advises ("no more than 2,000 workers are allowed")?
pub(super) fn is_limit(
    q: &Quantity,
    before: &[Word<'_>],
    after: &[Word<'_>],
    clause_words: &[Word<'_>],
) -> bool {
    let named = before.iter().rev().take(4).any(|w| w.is_any(LIMIT_WORDS))
        || after.iter().take(2).any(|w| w.is_any(LIMIT_WORDS));
    let bound = |s: &str| {
        let s = s.to_ascii_lowercase();
        ["no more than", "not more than", "at most", "up to"]
            .iter()
            .any(|b| s.trim() == *b)
    };
    let tail = |n: usize| {
        before[before.len().saturating_sub(n)..]
            .iter()
            .map(|w| w.text)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let at_most = q.qualifier.as_deref().is_some_and(bound) || bound(&tail(3)) || bound(&tail(2));
    named || (at_most && clause_words.iter().any(|w| w.is_any(PERMIT_WORDS)))
}

/// Is the time at `t` the time of a verb of saying that reports the figure at `q`, not the
/// time the figure refers to? Before the figure, it stands in the reporting clause ("In
/// October the White House said ...", "officials said in February that ..."); after it, see
/// `trailing_speech_time`. `sentence_words` are the sentence's words, `text` the document.
pub(super) fn speech_time(text: &str, sentence_words: &[Word<'_>], q: Span, t: Span) -> bool {
    if t.end <= q.start {
        let upto = sentence_words.partition_point(|w| w.start < q.start);
        return said_before(&sentence_words[..upto], t.end);
    }
    trailing_speech_time(text, sentence_words, q, t)
}

/// Is the time at `t`, after the figure at `q`, the time of a verb of saying in a reporting
/// clause set off by a comma, within three words after the verb ("..., the Pentagon said last
/// month", "..., officials said on Tuesday")? Not "13,000 containers it reported in October",
/// which dates the count.
pub(super) fn trailing_speech_time(
    text: &str,
    sentence_words: &[Word<'_>],
    q: Span,
    t: Span,
) -> bool {
    if t.start < q.end {
        return false;
    }
    let between: Vec<&Word<'_>> = sentence_words
        .iter()
        .filter(|w| w.start >= q.end && w.end <= t.start)
        .collect();
    between.iter().rev().take(3).any(|w| {
        w.is_any(crate::attribution::SPEECH_VERBS)
            && text
                .get(q.end..w.start)
                .is_some_and(|gap| gap.contains(','))
    })
}

/// Whether a verb of saying among `before` (the sentence's words before the figure) ends the
/// reporting clause at or after `end`: the time ending at `end` dates the saying. The reporting
/// clause runs to the verb, or to a "that" within three words after it ("said in February
/// that").
fn said_before(before: &[Word<'_>], end: usize) -> bool {
    before.iter().enumerate().any(|(i, w)| {
        if !w.is_any(crate::attribution::SPEECH_VERBS) {
            return false;
        }
        let close = before[i + 1..]
            .iter()
            .take(4)
            .find(|w| w.is("that"))
            .unwrap_or(w);
        end <= close.start.max(w.end)
    })
}

/// Can two figures of these quantity kinds state one amount (money and money, a count and a
/// bare number, a percentage and a percentage)?
pub(super) fn same_amount_kind(a: QuantityKind, b: QuantityKind) -> bool {
    let counted = |k| matches!(k, QuantityKind::Count | QuantityKind::Number);
    a == b || (counted(a) && counted(b))
}

/// Does a figure other than the one at `q` (no vague amount) stand between `q` and the time
/// at `t`?
pub(super) fn figure_between(quantities: &[Quantity], q: Span, t: Span) -> bool {
    let (a, b) = if t.end <= q.start {
        (t.end, q.start)
    } else {
        (q.end, t.start)
    };
    quantities
        .iter()
        .any(|r| !r.vague && r.span != q && a <= r.span.start && r.span.end <= b)
}
