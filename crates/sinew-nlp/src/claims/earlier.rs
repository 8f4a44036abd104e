//! The two values of one change stated in one sentence: "has risen from less than 2% before
//! the war to more than a third", "rose 10% to $5 billion from $4.5 billion", "$240 billion in
//! 2023, up from $190 billion". The earlier value is marked with the later one's span
//! ([`Claim::changed_to`]), so that the analysis reads the later one as the current value
//! even when neither is dated.

use sinew_types::{Claim, Quantity, QuantityKind};

use crate::words::words;

/// Words that may stand between the two values besides times and qualifiers; more, or a
/// clause break, and the two are not one change.
const MAX_BETWEEN: usize = 8;

/// Marks the claim before the last one, or the last one, as the earlier value of a change
/// whose later value is the other, when the last two claims are two values of one figure in
/// one sentence joined by "from ... to" or "to ... from".
pub(super) fn mark(text: &str, claims: &mut [Claim]) {
    let n = claims.len();
    if n < 2 {
        return;
    }
    let (head, tail) = claims.split_at_mut(n - 1);
    let (a, b) = (&mut head[n - 2], &mut tail[0]);
    if a.sentence != b.sentence
        || a.span.end > b.span.start
        || b.restates.is_some()
        || !comparable(&a.quantity, &b.quantity)
        || text[a.span.end..b.span.start].contains([';', '(', ')', '.'])
    {
        return;
    }
    let between = words(text, a.span.end, b.span.start);
    let Some(last) = between.last() else {
        return;
    };
    if between.len() > MAX_BETWEEN {
        return;
    }
    let inner = &between[..between.len() - 1];
    if inner
        .iter()
        .any(|w| w.is_any(&["from", "to", "and", "or", "but"]))
    {
        return;
    }
    let lead = words(text, a.sentence.start, a.span.start);
    let after_from = lead.last().is_some_and(|w| w.is("from"));
    if after_from && last.is("to") {
        // "from A ... to B": A was, B is.
        a.changed_to = Some(b.span);
    } else if last.is("from") && !after_from {
        // "to B ... from A", "B, up from A": A was.
        b.changed_to = Some(a.span);
    }
}

/// Can the two figures be two values of one quantity: the same kind and unit (a fraction and
/// a percentage alike; a bare number takes the other's unit)?
fn comparable(a: &Quantity, b: &Quantity) -> bool {
    use QuantityKind::{Count, Fraction, Number, Percent};
    let share = |k: QuantityKind| matches!(k, Percent | Fraction);
    if share(a.kind) && share(b.kind) {
        return true;
    }
    if matches!((a.kind, b.kind), (Number, Count) | (Count, Number)) {
        return true;
    }
    a.kind == b.kind && a.unit == b.unit && a.per == b.per
}
