//! How is a page's state read from its URL? Every screen keeps its whole state in the query
//! string (so a view can be shared and tested); this reads `application/x-www-form-urlencoded`
//! pairs, keeping repeated keys (`entity=a&entity=b`, one facet value each), and turns
//! values into typed ones with errors that name the parameter.

use chrono::NaiveDate;
use sinew_types::Span;

use crate::ServerError;

/// The decoded query pairs, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    pub(crate) fn parse(raw: Option<&str>) -> Params {
        let raw = raw.unwrap_or("");
        Params(
            raw.split('&')
                .filter(|p| !p.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(k), decode(v))
                })
                .collect(),
        )
    }

    /// Pairs given as they are (a JSON body's fields, read like a form's).
    pub(crate) fn from_pairs(pairs: Vec<(String, String)>) -> Params {
        Params(pairs)
    }

    /// The last non-empty value of `key` (a form sends empty fields; they mean "unset").
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    /// Every non-empty value of `key`, in order, without repeats.
    pub(crate) fn all(&self, key: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (k, v) in &self.0 {
            let v = v.trim();
            if k == key && !v.is_empty() && !out.iter().any(|o| o == v) {
                out.push(v.to_string());
            }
        }
        out
    }

    pub(crate) fn date(&self, key: &str) -> Result<Option<NaiveDate>, ServerError> {
        self.get(key)
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .map_err(|_| ServerError::bad(key, format!("{v:?} is not a date YYYY-MM-DD")))
            })
            .transpose()
    }

    pub(crate) fn number<T: std::str::FromStr>(&self, key: &str) -> Result<Option<T>, ServerError> {
        self.get(key)
            .map(|v| {
                v.parse::<T>()
                    .map_err(|_| ServerError::bad(key, format!("{v:?} is not a number")))
            })
            .transpose()
    }

    pub(crate) fn float(&self, key: &str) -> Result<Option<f64>, ServerError> {
        match self.number::<f64>(key)? {
            Some(x) if !x.is_finite() => Err(ServerError::bad(key, "not a finite number")),
            other => Ok(other),
        }
    }

    pub(crate) fn flag(&self, key: &str) -> bool {
        matches!(self.get(key), Some("1" | "true" | "yes" | "on"))
    }
}

/// Reads `START-END` (byte offsets) as a span.
pub(crate) fn parse_span(key: &str, v: &str) -> Result<Span, ServerError> {
    let bad = || ServerError::bad(key, format!("{v:?} is not START-END byte offsets"));
    let (a, b) = v.split_once('-').ok_or_else(bad)?;
    let start: usize = a.trim().parse().map_err(|_| bad())?;
    let end: usize = b.trim().parse().map_err(|_| bad())?;
    if end < start {
        return Err(bad());
    }
    Ok(Span::new(start, end))
}

/// Percent-decoding with `+` as space; a malformed escape is kept as written, and bytes that
/// are not UTF-8 are replaced, since a URL is whatever a user typed.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes a query value (everything but unreserved characters).
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A query string from pairs, skipping empty values.
pub(crate) fn query_string(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_and_escapes_are_read() {
        let p = Params::parse(Some(
            "entity=North+Korea&entity=Russia%27s&q=%E2%82%AC5&x=%zz&e=",
        ));
        assert_eq!(p.all("entity"), ["North Korea", "Russia's"]);
        assert_eq!(p.get("q"), Some("€5"));
        assert_eq!(p.get("x"), Some("%zz"));
        assert_eq!(p.get("e"), None);
        assert_eq!(decode(&encode("a b&c/€")), "a b&c/€");
    }

    #[test]
    fn spans_and_dates_name_the_parameter() {
        assert_eq!(parse_span("span", "3-9").unwrap(), Span::new(3, 9));
        let e = parse_span("span", "9-3").unwrap_err();
        assert!(e.to_string().contains("span"), "{e}");
        let p = Params::parse(Some("from=2024-13-01"));
        assert!(p.date("from").unwrap_err().to_string().contains("from"));
    }
}
