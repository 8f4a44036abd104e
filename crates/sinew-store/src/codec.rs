//! Conversions between Sinew's types and SQLite values.
//!
//! Enums are stored under their serde names (`government_body`, `percentage` ...), so the
//! database reads the same as Sinew's JSON exports. Decoding failures become
//! `FromSqlConversionFailure`, which the store reports as malformed data.

use chrono::NaiveDate;
use rusqlite::types::Type;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use sinew_types::{Claim, Fingerprint};

/// The serde name of a unit enum variant.
pub(crate) fn enum_text<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        // Every stored enum is a unit enum with a string name; anything else is a bug in the
        // types crate that the round-trip tests catch.
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Parses a serde enum name read from column `idx`.
pub(crate) fn parse_enum<T: DeserializeOwned>(idx: usize, text: String) -> rusqlite::Result<T> {
    serde_json::from_value(Value::String(text)).map_err(|e| bad(idx, e))
}

/// A date as `YYYY-MM-DD`.
pub(crate) fn date_text(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.to_string())
}

/// Parses a date read from column `idx`.
pub(crate) fn parse_date(idx: usize, text: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    text.map(|t| t.parse::<NaiveDate>().map_err(|e| bad(idx, e)))
        .transpose()
}

/// A fingerprint as a BLOB: its values as little-endian u32s.
pub(crate) fn fingerprint_blob(fp: Option<&Fingerprint>) -> Option<Vec<u8>> {
    fp.map(|fp| fp.0.iter().flat_map(|v| v.to_le_bytes()).collect())
}

/// Parses a fingerprint BLOB read from column `idx`.
pub(crate) fn parse_fingerprint(
    idx: usize,
    blob: Option<Vec<u8>>,
) -> rusqlite::Result<Option<Fingerprint>> {
    let Some(blob) = blob else {
        return Ok(None);
    };
    if blob.len() % 4 != 0 {
        return Err(rusqlite::Error::FromSqlConversionFailure(
            idx,
            Type::Blob,
            format!(
                "a fingerprint of {} bytes, not whole u32 values",
                blob.len()
            )
            .into(),
        ));
    }
    let values = blob
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Ok(Some(Fingerprint(values)))
}

/// A float for a REAL column. SQLite stores NaN as NULL; saying so here keeps it explicit.
pub(crate) fn real(value: f64) -> Option<f64> {
    (!value.is_nan()).then_some(value)
}

/// The claim as JSON, for the `json` column.
pub(crate) fn claim_json(claim: &Claim) -> String {
    // Serialising a Claim cannot fail: its maps have string keys and non-finite floats become
    // null (the exact floats live in the REAL columns).
    serde_json::to_string(claim).unwrap_or_default()
}

/// Rebuilds a claim from its JSON (column `idx`) and the exact figures from the REAL columns.
///
/// JSON cannot carry NaN or infinities, and text floats are the wrong place to trust for exact
/// round-trips, so the value and upper bound always come from the REAL columns.
pub(crate) fn parse_claim(
    idx: usize,
    json: &str,
    value: Option<f64>,
    value_max: Option<f64>,
) -> rusqlite::Result<Claim> {
    // Most claims carry finite numbers, which parse straight into a claim; only a claim whose
    // JSON holds `null` for a number (NaN was written) needs the tree. Reading claims back is
    // what `ledger` and `graph` spend most of their time on.
    if let Ok(mut claim) = serde_json::from_str::<Claim>(json) {
        claim.quantity.value = value.unwrap_or(f64::NAN);
        claim.quantity.value_max = value_max;
        return Ok(claim);
    }
    let mut tree: Value = serde_json::from_str(json).map_err(|e| bad(idx, e))?;
    if let Some(q) = tree.get_mut("quantity").and_then(Value::as_object_mut) {
        q.insert("value".to_string(), Value::from(0.0));
        q.insert("value_max".to_string(), Value::Null);
    }
    let mut claim: Claim = serde_json::from_value(tree).map_err(|e| bad(idx, e))?;
    claim.quantity.value = value.unwrap_or(f64::NAN);
    claim.quantity.value_max = value_max;
    Ok(claim)
}

fn bad<E: std::error::Error + Send + Sync + 'static>(idx: usize, err: E) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(err))
}
