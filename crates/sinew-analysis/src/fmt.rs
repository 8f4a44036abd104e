//! Figures written for people: "$240.1 billion", "6,700 containers", "89%".

/// Writes `value` in `unit` (ISO 4217 code, `percent`, a counted noun or a unit symbol), with
/// the rate period when there is one.
pub fn format_value(value: f64, unit: Option<&str>, per: Option<&str>) -> String {
    let unit = unit.map(str::trim).filter(|u| !u.is_empty());
    let mut out = match unit {
        Some("percent") => format!("{}%", number(value)),
        Some("percentage_point") => format!("{} percentage points", number(value)),
        Some(code) if is_currency(code) => {
            let (n, scale) = scaled(value);
            let sign = match code {
                "USD" => "$",
                "EUR" => "€",
                "GBP" => "£",
                "JPY" => "¥",
                _ => "",
            };
            let n = format!("{n}{scale}");
            if sign.is_empty() {
                format!("{n} {code}")
            } else {
                format!("{sign}{n}")
            }
        }
        Some(symbol) if UNIT_SYMBOLS.contains(&symbol) => match symbol_words(symbol) {
            Some((one, many)) => {
                let (n, scale) = scaled(value);
                let word = if value == 1.0 && scale.is_empty() {
                    one
                } else {
                    many
                };
                format!("{n}{scale} {word}")
            }
            None => format!("{} {symbol}", number(value)),
        },
        Some(noun)
            if noun
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-') =>
        {
            let (n, scale) = scaled(value);
            let noun = if value == 1.0 {
                noun.to_string()
            } else {
                plural(noun)
            };
            format!("{n}{scale} {noun}")
        }
        Some(symbol) => format!("{} {symbol}", number(value)),
        None => {
            let (n, scale) = scaled(value);
            format!("{n}{scale}")
        }
    };
    if let Some(per) = per.map(str::trim).filter(|p| !p.is_empty()) {
        out.push_str(" a ");
        out.push_str(per);
    }
    out
}

/// Writes a range `low`–`high` in `unit`, sharing the scale word when both have it.
pub fn format_range(low: f64, high: f64, unit: Option<&str>, per: Option<&str>) -> String {
    if same_text(low, high) {
        return format_value(low, unit, per);
    }
    format!(
        "{} to {}",
        format_value(low, unit, None),
        format_value(high, unit, per)
    )
}

fn same_text(a: f64, b: f64) -> bool {
    let (x, s) = scaled(a);
    let (y, t) = scaled(b);
    x == y && s == t
}

fn is_currency(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// Units written as symbols (the quantities layer's canonical units): never pluralised as
/// nouns ("40,000 ts" was).
const UNIT_SYMBOLS: &[&str] = &[
    "t", "kg", "g", "mg", "lb", "oz", "km", "m", "cm", "mm", "mi", "nmi", "ft", "l", "ml", "gal",
    "ha", "kn", "ct", "cal", "kcal", "mph", "W", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh",
];

/// The words a reader expects for a symbol news writes out in full ("tonnes", "ounces").
fn symbol_words(symbol: &str) -> Option<(&'static str, &'static str)> {
    Some(match symbol {
        "t" => ("tonne", "tonnes"),
        "oz" => ("ounce", "ounces"),
        "lb" => ("pound", "pounds"),
        "ha" => ("hectare", "hectares"),
        "l" => ("litre", "litres"),
        "gal" => ("gallon", "gallons"),
        "mi" => ("mile", "miles"),
        "nmi" => ("nautical mile", "nautical miles"),
        "ft" => ("foot", "feet"),
        "kn" => ("knot", "knots"),
        "ct" => ("carat", "carats"),
        _ => return None,
    })
}

fn plural(noun: &str) -> String {
    if noun == "person" {
        return "people".into();
    }
    if noun.ends_with('s') || noun.ends_with('x') || noun.ends_with("ch") || noun.ends_with("sh") {
        return format!("{noun}es");
    }
    if let Some(stem) = noun.strip_suffix('y') {
        if !stem.ends_with(['a', 'e', 'o', 'u']) {
            return format!("{stem}ies");
        }
    }
    format!("{noun}s")
}

/// A number with a scale word from a million up, and at most four significant digits.
fn scaled(value: f64) -> (String, &'static str) {
    let a = value.abs();
    let (div, word) = if a >= 1e12 {
        (1e12, " trillion")
    } else if a >= 1e9 {
        (1e9, " billion")
    } else if a >= 1e6 {
        (1e6, " million")
    } else {
        (1.0, "")
    };
    (number(value / div), word)
}

/// At most four significant digits (more for large whole numbers), thousands separated,
/// trailing zeros dropped.
fn number(value: f64) -> String {
    if !value.is_finite() {
        return "?".into();
    }
    let a = value.abs();
    let decimals = if a >= 1000.0 || a == a.trunc() {
        0
    } else if a >= 100.0 {
        1
    } else if a >= 10.0 {
        2
    } else {
        3
    };
    let s = format!("{:.*}", decimals, a);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(format_value(240.1e9, Some("USD"), None), "$240.1 billion");
        assert_eq!(
            format_value(6700.0, Some("container"), None),
            "6,700 containers"
        );
        assert_eq!(format_value(89.0, Some("percent"), None), "89%");
        assert_eq!(
            format_value(300e6, Some("USD"), Some("month")),
            "$300 million a month"
        );
        assert_eq!(format_value(561e6, Some("EUR"), None), "€561 million");
        assert_eq!(format_value(5e6, Some("CNY"), None), "5 million CNY");
        assert_eq!(
            format_value(3.0, Some("armored vehicle"), None),
            "3 armored vehicles"
        );
        assert_eq!(format_value(160.0, Some("km/h"), None), "160 km/h");
        // symbols are no nouns: written out where news writes them out, else kept
        assert_eq!(format_value(40_000.0, Some("t"), None), "40,000 tonnes");
        assert_eq!(format_value(3e6, Some("oz"), None), "3 million ounces");
        assert_eq!(format_value(1.0, Some("t"), None), "1 tonne");
        assert_eq!(format_value(550.0, Some("km"), None), "550 km");
        assert_eq!(format_value(12.0, Some("kg"), None), "12 kg");
        assert_eq!(format_value(2.0, Some("job"), None), "2 jobs");
        assert_eq!(format_value(1234567.0, None, None), "1.235 million");
        assert_eq!(format_value(-2.5, Some("percent"), None), "-2.5%");
        assert_eq!(
            format_range(238.6e9, 242.5e9, Some("USD"), None),
            "$238.6 billion to $242.5 billion"
        );
    }
}

/// A claim's time in words for an explanation: its text, with "since" put back before a
/// running total's start (time spans leave signal words out, as TIMEX3 does; the kind keeps
/// them), so "(since August 2023)" reads as the article meant it.
pub(crate) fn time_words(t: &sinew_types::TimeExpr) -> String {
    let text = t.text.trim();
    if t.kind == sinew_types::TimeKind::Since && !text.to_lowercase().starts_with("since") {
        format!("since {text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod time_tests {
    use super::time_words;
    use sinew_types::{Grain, Span, TimeExpr, TimeKind};

    fn time(text: &str, kind: TimeKind) -> TimeExpr {
        TimeExpr {
            span: Span::new(0, text.len()),
            text: text.to_string(),
            kind,
            grain: Grain::Month,
            timex: None,
            start_date: None,
            end_date: None,
        }
    }

    #[test]
    fn a_running_total_reads_since_its_start() {
        assert_eq!(
            time_words(&time("August 2023", TimeKind::Since)),
            "since August 2023"
        );
        assert_eq!(
            time_words(&time("August 2023", TimeKind::Point)),
            "August 2023"
        );
    }
}
