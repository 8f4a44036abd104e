//! How the analysis reads a claim's amount. The claims layer keeps a fraction as written
//! ("more than a third" is the ratio 0.333, with no unit), which is right for the figure
//! itself; but a fraction of something is a share stated in other words, and an analyst who
//! reads "a third" in one article and "34%" in the next is reading one figure. So every entry
//! point of the analysis reads a fraction as the percentage it equals (value and range times
//! 100, unit `percent`): such claims fall in the percentages' bucket, meet them in one group,
//! are formatted as percentages in a headline ("more than 33.3%", never "0.333") and mark a
//! network edge as a share. The words quoted stay the article's.

use std::borrow::Cow;

use sinew_types::{Claim, Quantity, QuantityKind};

/// `claims` as the analysis reads them: borrowed when none states a fraction, else a copy in
/// which each fraction is a percentage ([`as_percent`]). Reading twice changes nothing.
pub(crate) fn read_claims(claims: &[Claim]) -> Cow<'_, [Claim]> {
    if !claims
        .iter()
        .any(|c| c.quantity.kind == QuantityKind::Fraction)
    {
        return Cow::Borrowed(claims);
    }
    Cow::Owned(
        claims
            .iter()
            .map(|c| {
                let mut c = c.clone();
                as_percent(&mut c.quantity);
                c
            })
            .collect(),
    )
}

/// A fraction made the percentage it equals; any other quantity is left as it is.
pub(crate) fn as_percent(q: &mut Quantity) {
    if q.kind != QuantityKind::Fraction {
        return;
    }
    q.kind = QuantityKind::Percent;
    q.value *= 100.0;
    q.value_max = q.value_max.map(|v| v * 100.0);
    q.unit = Some("percent".to_string());
}

#[cfg(test)]
mod tests {
    use super::*;
    use sinew_types::Span;

    fn quantity(text: &str, value: f64, kind: QuantityKind, unit: Option<&str>) -> Quantity {
        Quantity {
            span: Span::new(0, text.len()),
            text: text.to_string(),
            value,
            value_max: None,
            unit: unit.map(str::to_string),
            kind,
            qualifier: None,
            per: None,
            vague: false,
        }
    }

    #[test]
    fn a_fraction_is_read_as_the_percentage_it_equals() {
        let mut q = quantity("two-fifths", 0.4, QuantityKind::Fraction, None);
        q.value_max = Some(0.5);
        as_percent(&mut q);
        assert_eq!(q.kind, QuantityKind::Percent);
        assert!((q.value - 40.0).abs() < 1e-9);
        assert!((q.value_max.unwrap() - 50.0).abs() < 1e-9);
        assert_eq!(q.unit.as_deref(), Some("percent"));
        assert_eq!(q.text, "two-fifths", "the words stay the article's");
        // Read twice, it stays 40%.
        as_percent(&mut q);
        assert!((q.value - 40.0).abs() < 1e-9);
    }

    #[test]
    fn other_amounts_are_left_alone() {
        for mut q in [
            quantity("0.4%", 0.4, QuantityKind::Percent, Some("percent")),
            quantity("0.5 tonnes", 0.5, QuantityKind::Measure, Some("t")),
            quantity("0.25", 0.25, QuantityKind::Number, None),
        ] {
            let before = q.clone();
            as_percent(&mut q);
            assert_eq!(q, before);
        }
    }
}
