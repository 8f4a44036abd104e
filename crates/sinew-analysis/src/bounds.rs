//! What values a stated figure allows: its qualifier ("over", "about", "nearly") and the
//! precision it was written with ("$240 billion" is rounded to tens of billions, "$240.1
//! billion" to a tenth) turn one number into an interval. Two statements agree when their
//! intervals overlap.
//!
//! A statement allows half its last written digit either side ("10%" is 9.5 to 10.5); trailing
//! zeros are trusted as rounding up to 2.5% ("$240 billion"); never narrower than 1%. "About"
//! widens to 5%, "over"/"more than" allow up to 15% above, "nearly"/"up to" 15% below.

use sinew_types::Quantity;

/// The least relative half-width of any statement: sources convert currencies, revise and
/// round differently, so figures within 1% are the same figure.
const MIN_HALF: f64 = 0.01;

/// The most a round figure's rounding is trusted to widen it: "$240 billion" is read as
/// 240 ± 2.5%, not ± 5 billion... up to this share.
const MAX_ROUNDING_HALF: f64 = 0.025;

/// Half-width of an approximate figure ("about", "some", "an estimated").
const APPROX_HALF: f64 = 0.05;

/// How far above a lower bound ("over 10,000") the figure plausibly lies.
const OVER_SPAN: f64 = 0.15;

/// How far below an upper bound ("nearly", "less than") the figure plausibly lies.
const UNDER_SPAN: f64 = 0.15;

/// How a qualifier bounds the stated value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// As written, within rounding.
    Exact,
    /// About the value, either side.
    Approx,
    /// The value is a floor ("over", "more than", "exceeds").
    Floor,
    /// The value is a ceiling ("less than", "up to", "nearly").
    Ceiling,
}

/// The side a qualifier (lower-cased, as sinew-nlp stores it) puts the figure on.
pub(crate) fn side(qualifier: Option<&str>) -> Side {
    let Some(q) = qualifier.map(str::trim) else {
        return Side::Exact;
    };
    match q {
        "" | "exactly" | "maximum" | "minimum" | "peak" => Side::Exact,
        "more than" | "over" | "in excess of" | "at least" | "no less than" | "no fewer than"
        | "upwards of" | "above" | "exceeds" | "exceeded" | "exceeding" | "exceed"
        | "surpassed" | "surpassing" | "surpasses" | "topped" | "tops" | "a little more than"
        | "slightly more than" | "just over" | "just above" | "a little over" | "well over"
        | "well above" | "as few as" | "as little as" | "as low as" => Side::Floor,
        "less than" | "fewer than" | "under" | "below" | "up to" | "at most" | "no more than"
        | "not more than" | "as many as" | "as much as" | "as high as" | "nearly" | "almost"
        | "close to" | "just under" | "just below" | "slightly less than" | "well below" => {
            Side::Ceiling
        }
        _ => Side::Approx,
    }
}

/// The interval a statement allows, and the value it states.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Bounds {
    /// Least value the statement allows.
    #[serde(with = "crate::float")]
    pub low: f64,
    /// Greatest value the statement allows.
    #[serde(with = "crate::float")]
    pub high: f64,
    /// The value as stated (the lower end of a stated range).
    #[serde(with = "crate::float")]
    pub stated: f64,
    /// The rounding step the figure was written with (0.1 billion for "$240.1 billion").
    #[serde(with = "crate::float")]
    pub step: f64,
}

impl Bounds {
    /// True when the two intervals share a value.
    pub fn overlaps(&self, other: &Bounds) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// Reads a quantity's interval. Values that are not finite read as an empty interval at 0.
pub(crate) fn bounds(q: &Quantity) -> Bounds {
    let v = if q.value.is_finite() { q.value } else { 0.0 };
    let top = q.value_max.filter(|m| m.is_finite()).unwrap_or(v);
    let (lo, hi) = (v.min(top), v.max(top));
    let (least, step) = written_step(&q.text, v);
    // A figure is within half its last written digit ("10%" is 9.5 to 10.5); trailing zeros
    // may be rounding too ("$240 billion" to the nearest ten), trusted up to a cap.
    let rounding = |x: f64| {
        let a = x.abs();
        (least / 2.0)
            .max((step / 2.0).min(MAX_ROUNDING_HALF * a))
            .max(MIN_HALF * a)
    };
    let (low, high) = match side(q.qualifier.as_deref()) {
        Side::Exact => (lo - rounding(lo), hi + rounding(hi)),
        Side::Approx => {
            let h = |x: f64| rounding(x).max(APPROX_HALF * x.abs());
            (lo - h(lo), hi + h(hi))
        }
        Side::Floor => (lo, hi + rounding(hi).max(OVER_SPAN * hi.abs())),
        Side::Ceiling => (lo - rounding(lo).max(UNDER_SPAN * lo.abs()), hi),
    };
    Bounds {
        low,
        high,
        stated: v,
        step,
    }
}

/// The last written digit's place and the rounding step of the first number written in
/// `text`, scaled to `value`: "240.1" -> (0.1, 0.1) of its scale, "6,700" -> (1, 100), "10"
/// -> (1, 10). A figure written in words gets its leading digit's place for both.
fn written_step(text: &str, value: f64) -> (f64, f64) {
    // The first run of digits, separators and a decimal point, without the separators.
    let start = text
        .bytes()
        .position(|b| b.is_ascii_digit())
        .unwrap_or(text.len());
    let run = &text[start..];
    let end = run
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b',' || b == b'.'))
        .unwrap_or(run.len());
    let run = run[..end].trim_end_matches(['.', ',']);
    let owned;
    let digits = if run.contains(',') {
        owned = run.replace(',', "");
        owned.as_str()
    } else {
        run
    };
    let magnitude = |x: f64| {
        if x == 0.0 {
            1.0
        } else {
            10f64.powf(x.abs().log10().floor())
        }
    };
    let Ok(mantissa) = digits.parse::<f64>() else {
        return (magnitude(value), magnitude(value));
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let least = 10f64.powi(-(frac.len() as i32));
    let mantissa_step = if !frac.is_empty() {
        least
    } else {
        let zeros = int.len() - int.trim_end_matches('0').len();
        if int.trim_end_matches('0').is_empty() {
            1.0
        } else {
            10f64.powi(zeros as i32)
        }
    };
    let scale = if mantissa != 0.0 && value != 0.0 {
        (value / mantissa).abs()
    } else {
        1.0
    };
    (least * scale, mantissa_step * scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sinew_types::{QuantityKind, Span};

    fn q(text: &str, value: f64, qualifier: Option<&str>) -> Quantity {
        Quantity {
            span: Span::new(0, text.len()),
            text: text.into(),
            value,
            value_max: None,
            unit: None,
            kind: QuantityKind::Money,
            qualifier: qualifier.map(str::to_string),
            per: None,
            vague: false,
        }
    }

    #[test]
    fn steps_follow_the_written_digits() {
        assert_eq!(written_step("$240.1 billion", 240.1e9), (0.1e9, 0.1e9));
        assert_eq!(written_step("$240 billion", 240e9), (1e9, 10e9));
        assert_eq!(
            written_step("approximately 6,700 containers", 6700.0),
            (1.0, 100.0)
        );
        assert_eq!(written_step("89%", 89.0), (1.0, 1.0));
        assert_eq!(written_step("four million", 4e6), (1e6, 1e6));
        assert_eq!(written_step("0", 0.0), (1.0, 1.0));
    }

    #[test]
    fn rounding_and_qualifiers() {
        let trade = [
            bounds(&q("$240 billion", 240e9, None)),
            bounds(&q("$240.1 billion", 240.1e9, None)),
            bounds(&q("$241 billion", 241e9, None)),
        ];
        for a in &trade {
            for b in &trade {
                assert!(a.overlaps(b), "{a:?} {b:?}");
            }
        }
        let over = bounds(&q("over 10,000", 10_000.0, Some("over")));
        assert!(over.overlaps(&bounds(&q("10,400", 10_400.0, None))));
        assert!(!over.overlaps(&bounds(&q(
            "approximately 6,700",
            6_700.0,
            Some("approximately")
        ))));
        assert!(!over.overlaps(&bounds(&q("12,500", 12_500.0, None))));
        let about = bounds(&q("Approximately 90%", 90.0, Some("approximately")));
        assert!(about.overlaps(&bounds(&q("89%", 89.0, None))));
        assert!(!bounds(&q("240", 240.0, None)).overlaps(&bounds(&q("300", 300.0, None))));
        // A round percent is within half a point.
        assert!(bounds(&q("10%", 10.0, None)).overlaps(&bounds(&q("10.4%", 10.4, None))));
        let nearly = bounds(&q("nearly 40%", 40.0, Some("nearly")));
        assert!(nearly.high == 40.0 && nearly.low < 40.0);
    }
}
