//! Is one stated amount the other, rounded? "$240.1 billion" and "$240 billion" are (the
//! second is the first to the nearest billion); "3.92%" and "3.88%", "$395" and "$390" are not,
//! though they are within a percent and a half of each other. For figures the ledger cannot
//! tie to an actor, the amount is the one evidence that two mentions are one figure, so it
//! must be the same amount to the precision the text states, not merely close.
//!
//! A stated amount's step is one unit of its last written digit, at the scale of its value:
//! "$240 billion" steps by a billion, "26.3%" by 0.1, "1,200" by 1 (trailing zeros are taken
//! as written: "1,200" may be rounded to hundreds, but reading it so would join "1,200" and
//! "1,240"). Number words and text with no digits step by nothing: their value must match.
//!
//! [`values_close`] is the looser test grouping uses for figures with actors: amounts within a
//! ratio of each other (the same order, or the same amount reported with other rounding).

use sinew_types::Quantity;

/// One unit of the last digit the quantity's text writes, at the scale of its value; 0 when
/// the text has no digits or its number does not give the value.
pub(crate) fn step(q: &Quantity) -> f64 {
    let Some((number, decimals)) = first_number(&q.text) else {
        return 0.0;
    };
    if number == 0.0 || !q.value.is_finite() {
        return 0.0;
    }
    let scale = (q.value / number).abs();
    // Only a power of ten is a scale word ("billion", "m", "k"); anything else means the text's
    // number is not the one the value came from (a fraction, a range's other end).
    let power = scale.log10();
    if (power - power.round()).abs() > 1e-9 {
        return 0.0;
    }
    10f64.powi(-(decimals as i32)) * scale
}

/// Whether `a` and `b`, stated with steps `step_a` and `step_b`, are one amount: each within
/// half of the coarser step of the other (and equal when neither has a step).
pub(crate) fn same_rounded(a: f64, step_a: f64, b: f64, step_b: f64) -> bool {
    let tolerance = 0.5 * step_a.max(step_b) + 1e-9 * a.abs().max(b.abs());
    (a - b).abs() <= tolerance
}

/// True when every value in `[low, high]` is within `ratio` of every other.
pub(crate) fn values_close(low: f64, high: f64, ratio: f64) -> bool {
    if low == high {
        return true;
    }
    if low < 0.0 && high > 0.0 {
        return false;
    }
    let (small, big) = (low.abs().min(high.abs()), low.abs().max(high.abs()));
    small > 0.0 && big / small <= ratio
}

/// The first number written in digits in `text` (thousands separators skipped) and how many
/// digits follow its decimal point.
fn first_number(text: &str) -> Option<(f64, usize)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let mut digits = String::new();
    let mut decimals = None;
    let mut chars = text[start..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '0'..='9' => {
                digits.push(c);
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            ',' if decimals.is_none() && chars.peek().is_some_and(char::is_ascii_digit) => {}
            '.' if decimals.is_none() && chars.peek().is_some_and(char::is_ascii_digit) => {
                digits.push('.');
                decimals = Some(0);
            }
            _ => break,
        }
    }
    Some((digits.parse().ok()?, decimals.unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sinew_types::{QuantityKind, Span};

    fn q(text: &str, value: f64) -> Quantity {
        Quantity {
            span: Span::new(0, text.len()),
            text: text.into(),
            value,
            value_max: None,
            unit: None,
            kind: QuantityKind::Money,
            qualifier: None,
            per: None,
            vague: false,
        }
    }

    fn same(a: (&str, f64), b: (&str, f64)) -> bool {
        let (qa, qb) = (q(a.0, a.1), q(b.0, b.1));
        same_rounded(qa.value, step(&qa), qb.value, step(&qb))
    }

    #[test]
    fn steps_follow_the_written_digits_and_the_scale() {
        assert_eq!(step(&q("$240 billion", 240e9)), 1e9);
        assert!((step(&q("$240.1 billion", 240.1e9)) - 1e8).abs() < 1.0);
        assert!((step(&q("26.3%", 26.3)) - 0.1).abs() < 1e-12);
        assert_eq!(step(&q("more than 1,200 workers", 1200.0)), 1.0);
        assert_eq!(step(&q("three", 3.0)), 0.0);
        // A fraction of a written number is not a scale.
        assert_eq!(step(&q("half of 30", 15.0)), 0.0);
    }

    #[test]
    fn a_rounded_amount_is_the_same_amount() {
        assert!(same(("$240.1 billion", 240.1e9), ("$240 billion", 240e9)));
        assert!(same(("$1.2 million", 1.2e6), ("$1,200,000", 1.2e6)));
        assert!(same(("26.3%", 26.3), ("26%", 26.0)));
        assert!(same(("three", 3.0), ("3", 3.0)));
    }

    #[test]
    fn close_amounts_at_the_same_precision_are_not() {
        assert!(!same(("3.92%", 3.92), ("3.88%", 3.88)));
        assert!(!same(("$395.00", 395.0), ("$390.00", 390.0)));
        assert!(!same(("over $150", 150.0), ("$149", 149.0)));
        assert!(!same(("54.2%", 54.2), ("53.5%", 53.5)));
        assert!(!same(("1,200", 1200.0), ("1,240", 1240.0)));
    }

    #[test]
    fn value_ratio() {
        for (low, high, close) in [
            (6700.0, 11000.0, true),
            (240e9, 241e9, true),
            (500000.0, 3e6, false),
            (0.0, 0.0, true),
            (0.0, 5.0, false),
            (-5.0, 5.0, false),
            (-6.0, -4.0, true),
        ] {
            assert_eq!(values_close(low, high, 3.0), close, "{low} {high}");
        }
    }
}
