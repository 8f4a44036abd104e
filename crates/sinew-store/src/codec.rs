//! Conversions between Sinew's types and SQLite values.
//!
//! Enums are stored under their serde names (`government_body`, `percentage` ...), so the
//! database reads the same as Sinew's JSON exports. Decoding failures become
//! `FromSqlConversionFailure`, which the store reports as malformed data.

use chrono::NaiveDate;
use rusqlite::types::{Type, ValueRef};
use rusqlite::Error::FromSqlConversionFailure;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use sinew_types::{
    Annotations, Attribution, Claim, Description, Diagnostic, Fingerprint, Mention, Quantity,
    Sentence, Span, TimeExpr,
};

mod inflate;
use inflate::{inflate_into, inflate_line_into};

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

/// The claim as JSON, as [`pack_claim`] packs it.
#[cfg(test)]
fn claim_json(claim: &Claim) -> String {
    // Serialising a Claim cannot fail: its maps have string keys and non-finite floats become
    // null (the exact floats live in the REAL columns).
    serde_json::to_string(claim).unwrap_or_default()
}

/// The first byte of a packed text (`pack_text`): deflate.
const PACKED_TEXT_DEFLATE: u8 = 1;

/// A long text (a grouping bucket's state, sinew-analysis's JSON of several KB) packed for a
/// SQLite column: a layout byte, then deflate. SQLite keeps a BLOB as given in a TEXT
/// column, so a column holds packed values beside texts written before, and [`stored_text`]
/// reads either. (PostgreSQL compresses long texts itself, in TOAST.)
pub(crate) fn pack_text(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut out = vec![PACKED_TEXT_DEFLATE];
    let mut enc =
        flate2::write::DeflateEncoder::new(&mut out, flate2::Compression::new(PACK_LEVEL));
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(text.as_bytes());
    let _ = enc.finish();
    out
}

/// A text column's value (column `idx`): a text as it is, a BLOB as [`pack_text`] wrote it.
pub(crate) fn stored_text(idx: usize, value: ValueRef<'_>) -> rusqlite::Result<String> {
    match value {
        ValueRef::Blob(blob) => {
            unpack_text(blob).map_err(|why| FromSqlConversionFailure(idx, Type::Blob, why.into()))
        }
        other => Ok(other.as_str()?.to_string()),
    }
}

/// The text [`pack_text`] packed; the error says what is wrong with the value.
pub(crate) fn unpack_text(blob: &[u8]) -> Result<String, String> {
    let Some((&layout, rest)) = blob.split_first() else {
        return Err("an empty packed text".into());
    };
    if layout != PACKED_TEXT_DEFLATE {
        return Err(format!("a packed text of unknown layout {layout}"));
    }
    let mut text = Vec::with_capacity(rest.len() * 4);
    inflate_into(rest, &mut text, usize::MAX)
        .map_err(|e| format!("a packed text that does not unpack: {e}"))?;
    String::from_utf8(text).map_err(|e| format!("a packed text that is not UTF-8: {e}"))
}

/// A text column's value (column `idx`) as bytes, as [`stored_text`] reads it, into `buf`
/// (cleared first, its room kept): a reader of many packed values unpacks them all into one
/// buffer instead of a fresh text each.
pub(crate) fn stored_bytes_into(
    idx: usize,
    value: ValueRef<'_>,
    buf: &mut Vec<u8>,
) -> rusqlite::Result<()> {
    stored_into(idx, value, buf, false)
}

/// [`stored_bytes_into`] up to the value's first line break, left out (the whole of a value
/// without one): a packed value is unpacked no further
/// (`AnalysisStore::each_bucket_summary_head`).
pub(crate) fn stored_line_into(
    idx: usize,
    value: ValueRef<'_>,
    buf: &mut Vec<u8>,
) -> rusqlite::Result<()> {
    stored_into(idx, value, buf, true)
}

fn stored_into(
    idx: usize,
    value: ValueRef<'_>,
    buf: &mut Vec<u8>,
    line: bool,
) -> rusqlite::Result<()> {
    buf.clear();
    match value {
        ValueRef::Blob(blob) => {
            let bad = |why: String| FromSqlConversionFailure(idx, Type::Blob, why.into());
            let Some((&layout, rest)) = blob.split_first() else {
                return Err(bad("an empty packed text".into()));
            };
            if layout != PACKED_TEXT_DEFLATE {
                return Err(bad(format!("a packed text of unknown layout {layout}")));
            }
            let inflated = if line {
                inflate_line_into(rest, buf, usize::MAX)
            } else {
                inflate_into(rest, buf, usize::MAX)
            };
            inflated.map_err(|e| bad(format!("a packed text that does not unpack: {e}")))?;
        }
        other => {
            let text = other.as_str()?.as_bytes();
            buf.extend_from_slice(if line {
                crate::analysis::first_line(text)
            } else {
                text
            });
        }
    }
    Ok(())
}

/// A document's text packed for `documents.text` (schema v12): [`pack_text`]'s layout, a
/// layout byte then deflate. News text deflates to about a third of its size, and a packed
/// article of a few KB fits the row's own B-tree page instead of spilling onto overflow
/// pages. Spans are byte offsets into the unpacked text, so what cuts a quote or a sentence
/// out of it works on the text [`stored_doc_text`] gives back, in Rust.
pub(crate) fn pack_doc_text(text: &str) -> Vec<u8> {
    pack_text(text)
}

/// A document's text read from column `idx`: packed ([`pack_doc_text`], v12 on) or as written
/// before v12 (a TEXT value). Both read alike, so a v11 store reads without migrating.
pub(crate) fn stored_doc_text(idx: usize, value: ValueRef<'_>) -> rusqlite::Result<String> {
    stored_text(idx, value)
}

/// The bytes `span` covers in `text` as text, as SQLite's `substr` of the text as a BLOB cut
/// them before v12: what lies past the end is left off, and a character cut in two reads as
/// U+FFFD, so a sentence is always given whole or lossily, never refused.
pub(crate) fn cut_lossy(text: &str, start: usize, end: usize) -> String {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let start = start.min(end);
    String::from_utf8_lossy(&bytes[start..end]).into_owned()
}

/// The first byte of a packed claim (`claims.body`, schema v11): LZ4 with [`CLAIM_DICT`].
const CLAIM_LZ4_DICT: u8 = 1;

/// The longest JSON a packed claim or event may announce: a bound on what a damaged value can
/// make the reader allocate.
const PACKED_MAX_JSON: usize = 1 << 20;

/// What a claim's JSON is compressed against: the words every claim repeats (its field names
/// in serde's order, the usual enum names and nulls), so that LZ4 codes them as references of
/// a few bytes, and a claim of 600 bytes of JSON keeps about its own words and numbers. Part of
/// the stored format (`claim_dict.txt`, its bytes exactly, with no newline at the end): a
/// change needs a new layout byte, and the old dictionary kept for reading.
const CLAIM_DICT: &[u8] = include_bytes!("claim_dict.txt");

/// A claim packed for the `body` column: a layout byte, the JSON's length (u32, little
/// endian) and the JSON compressed by LZ4 against [`CLAIM_DICT`]. Claims are read one at a
/// time, by key and by bucket, so each is packed alone; LZ4 unpacks a claim in well under a
/// microsecond, less than parsing its JSON takes.
#[cfg(test)]
fn pack_claim(claim: &Claim) -> Vec<u8> {
    pack_claim_json(&claim_json(claim))
}

/// [`pack_claim`] of a claim's JSON as written (the v11 step packs the stored JSON as it is).
pub(crate) fn pack_claim_json(json: &str) -> Vec<u8> {
    pack_lz4(CLAIM_LZ4_DICT, CLAIM_DICT, json)
}

/// Rebuilds a claim from what [`pack_claim`] wrote (column `idx`) and the exact figures of
/// the REAL columns, as [`parse_claim`] does from JSON.
pub(crate) fn unpack_claim(
    idx: usize,
    body: &[u8],
    value: Option<f64>,
    value_max: Option<f64>,
) -> rusqlite::Result<Claim> {
    let json = unpack_lz4(idx, body, CLAIM_LZ4_DICT, CLAIM_DICT, "claim")?;
    let json = std::str::from_utf8(&json).map_err(|e| bad(idx, e))?;
    parse_claim(idx, json, value, value_max)
}

/// The first byte of a packed event (`events.body`, schema v11): LZ4 with [`EVENT_DICT`].
const EVENT_LZ4_DICT: u8 = 1;

/// What an event's JSON is compressed against, as [`CLAIM_DICT`] for claims: its field names
/// in serde's order, PLOVER's category names, sectors and modalities (`event_dict.txt`, its
/// bytes exactly). Part of the stored format, as the claims' one.
const EVENT_DICT: &[u8] = include_bytes!("event_dict.txt");

/// An event's JSON as written packed for the `body` column of v11-v12 (the v11 step packs the
/// stored JSON as it is): [`pack_claim_json`]'s layout with [`EVENT_DICT`].
pub(crate) fn pack_event_json(json: &str) -> Vec<u8> {
    pack_lz4(EVENT_LZ4_DICT, EVENT_DICT, json)
}

/// Rebuilds an event from what [`pack_event_json`] wrote (column `idx`).
pub(crate) fn unpack_event(idx: usize, body: &[u8]) -> rusqlite::Result<sinew_types::Event> {
    let json = unpack_lz4(idx, body, EVENT_LZ4_DICT, EVENT_DICT, "event")?;
    serde_json::from_slice(&json).map_err(|e| bad(idx, e))
}

/// A layout byte, the JSON's length (u32, little endian), and the JSON compressed by LZ4
/// against `dict`.
fn pack_lz4(layout: u8, dict: &[u8], json: &str) -> Vec<u8> {
    let mut out = vec![layout];
    out.extend(lz4_flex::block::compress_prepend_size_with_dict(
        json.as_bytes(),
        dict,
    ));
    out
}

/// The JSON [`pack_lz4`] packed, read from column `idx`; `what` names the value in errors.
fn unpack_lz4(
    idx: usize,
    body: &[u8],
    layout: u8,
    dict: &[u8],
    what: &str,
) -> rusqlite::Result<Vec<u8>> {
    let fail = |why: String| FromSqlConversionFailure(idx, Type::Blob, why.into());
    let (found, rest) = body
        .split_first()
        .ok_or_else(|| fail(format!("an empty packed {what}")))?;
    if *found != layout {
        return Err(fail(format!("a packed {what} of unknown layout {found}")));
    }
    let (len, compressed) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| fail(format!("a packed {what} cut short")))?;
    let len = u32::from_le_bytes(*len) as usize;
    if len > PACKED_MAX_JSON {
        return Err(fail(format!("a packed {what} announcing {len} bytes")));
    }
    lz4_flex::block::decompress_with_dict(compressed, len, dict)
        .map_err(|e| fail(format!("a packed {what} that does not unpack: {e}")))
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

/// The first byte of a document's packed annotations: how the rest is laid out, so that a
/// later layout can be told from this one.
const PACKED_DEFLATE_JSON: u8 = 1;

/// The parts of a document's annotations kept packed in one value (`doc_annotations.body`,
/// schema v11): everything but the claims and events, which have their own tables because
/// calls other than "this document's annotations" read them.
#[derive(Debug, Default, PartialEq, serde::Deserialize)]
pub(crate) struct Packed {
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) mentions: Vec<Mention>,
    pub(crate) quantities: Vec<Quantity>,
    pub(crate) times: Vec<TimeExpr>,
    pub(crate) attributions: Vec<Attribution>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) descriptions: Vec<Description>,
}

/// [`Packed`] as written, borrowing the document's annotations.
#[derive(Serialize)]
struct PackedRef<'a> {
    sentences: &'a [Sentence],
    mentions: &'a [Mention],
    quantities: &'a [Quantity],
    times: &'a [TimeExpr],
    attributions: &'a [Attribution],
    diagnostics: &'a [Diagnostic],
    descriptions: &'a [Description],
}

/// A document's annotations but its claims and events, packed: a layout byte, then deflate of
/// the parts as JSON (their figures zeroed) followed by each quantity's exact figures.
///
/// JSON cannot hold NaN, and serde_json reads back some floats one unit in the last place off,
/// so the figures travel as their bits: per quantity, the value's 8 little-endian bytes, then
/// 0 for no upper bound or 1 and the bound's 8 bytes. Field names repeat in every record;
/// deflate takes them out (a 4.4 KB article's annotations, 20 KB of JSON, pack to about 3 KB).
pub(crate) fn pack_annotations(ann: &Annotations) -> Vec<u8> {
    use std::io::Write;
    let quantities: Vec<Quantity> = ann
        .quantities
        .iter()
        .map(|q| Quantity {
            value: 0.0,
            value_max: None,
            ..q.clone()
        })
        .collect();
    let parts = PackedRef {
        sentences: &ann.sentences,
        mentions: &ann.mentions,
        quantities: &quantities,
        times: &ann.times,
        attributions: &ann.attributions,
        diagnostics: &ann.diagnostics,
        descriptions: &ann.descriptions,
    };
    // Serialising these types cannot fail: string keys only, and no float left to refuse.
    let json = serde_json::to_vec(&parts).unwrap_or_default();
    let mut raw = Vec::with_capacity(4 + json.len() + 17 * ann.quantities.len());
    raw.extend_from_slice(&(json.len() as u32).to_le_bytes());
    raw.extend_from_slice(&json);
    for q in &ann.quantities {
        raw.extend_from_slice(&q.value.to_bits().to_le_bytes());
        match q.value_max {
            None => raw.push(0),
            Some(max) => {
                raw.push(1);
                raw.extend_from_slice(&max.to_bits().to_le_bytes());
            }
        }
    }
    let mut out = vec![PACKED_DEFLATE_JSON];
    let mut enc =
        flate2::write::DeflateEncoder::new(&mut out, flate2::Compression::new(PACK_LEVEL));
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(&raw);
    let _ = enc.finish();
    out
}

/// Deflate's level for packed annotations: 1 to 9, faster to smaller.
const PACK_LEVEL: u32 = 6;

/// Unpacks what [`pack_annotations`] wrote; the error says what is wrong with the value.
pub(crate) fn unpack_annotations(blob: &[u8]) -> Result<Packed, String> {
    let Some((&layout, rest)) = blob.split_first() else {
        return Err("empty packed annotations".into());
    };
    if layout != PACKED_DEFLATE_JSON {
        return Err(format!("packed annotations of unknown layout {layout}"));
    }
    let mut raw = Vec::with_capacity(rest.len() * 6);
    inflate_into(rest, &mut raw, usize::MAX)
        .map_err(|e| format!("packed annotations that do not inflate: {e}"))?;
    let cut = |at: usize, n: usize| -> Result<&[u8], String> {
        raw.get(at..at + n)
            .ok_or_else(|| "packed annotations cut short".to_string())
    };
    let len = u32::from_le_bytes(cut(0, 4)?.try_into().unwrap_or_default()) as usize;
    let mut packed: Packed = serde_json::from_slice(cut(4, len)?)
        .map_err(|e| format!("packed annotations whose JSON does not read: {e}"))?;
    let mut at = 4 + len;
    let float = |at: &mut usize| -> Result<f64, String> {
        let bytes: [u8; 8] = cut(*at, 8)?.try_into().unwrap_or_default();
        *at += 8;
        Ok(f64::from_bits(u64::from_le_bytes(bytes)))
    };
    for q in &mut packed.quantities {
        q.value = float(&mut at)?;
        let has_max = cut(at, 1)?[0];
        at += 1;
        q.value_max = match has_max {
            0 => None,
            1 => Some(float(&mut at)?),
            other => return Err(format!("packed annotations with a bound marked {other}")),
        };
    }
    if at != raw.len() {
        return Err("packed annotations with bytes left over".into());
    }
    Ok(packed)
}

/// The first byte of a document's packed claims (`doc_claims.body`, schema v13): deflate of
/// the layout [`pack_doc_claims`] describes.
const DOC_CLAIMS_DEFLATE: u8 = 1;

/// Every claim of one document packed in one value (`doc_claims.body`, schema v13): a layout
/// byte, then deflate of the claim count (u32), each claim's span (start and end, u32 each),
/// each claim's exact figures (the value's bits, then 0 for no upper bound or 1 and the
/// bound's bits, as [`pack_annotations`] keeps a quantity's), and the claims as one JSON
/// array with those figures zeroed.
///
/// Packed alone (v11-v12) a claim kept its own field names, document id, subject and
/// sentence spans: 226 bytes a claim. Together, deflate codes what the claims of an article
/// repeat (its id, its actors, the field names) once. The spans come first so that a reader
/// wanting only where the claims are ([`unpack_doc_claim_spans`]) inflates them without
/// parsing any JSON. An upper bound that is NaN reads as none, as the REAL column of v11-v12
/// gave it back. A span offset past 4 GB (which no article has) cannot be packed: the put
/// fails, naming it, rather than store a span that reads back otherwise.
pub(crate) fn pack_doc_claims(claims: &[Claim]) -> rusqlite::Result<Vec<u8>> {
    use std::io::Write;
    let zeroed: Vec<Claim> = claims
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.quantity.value = 0.0;
            c.quantity.value_max = None;
            c
        })
        .collect();
    // Serialising claims cannot fail: string keys only, and no float left to refuse.
    let json = serde_json::to_vec(&zeroed).unwrap_or_default();
    let mut raw = Vec::with_capacity(4 + 25 * claims.len() + json.len());
    raw.extend_from_slice(&(claims.len() as u32).to_le_bytes());
    for c in claims {
        for at in [c.span.start, c.span.end] {
            let word = u32::try_from(at).map_err(|_| {
                rusqlite::Error::ToSqlConversionFailure(
                    format!("a claim's span offset {at} is past what a packed claim holds").into(),
                )
            })?;
            raw.extend_from_slice(&word.to_le_bytes());
        }
    }
    for c in claims {
        raw.extend_from_slice(&c.quantity.value.to_bits().to_le_bytes());
        match c.quantity.value_max.filter(|m| !m.is_nan()) {
            None => raw.push(0),
            Some(max) => {
                raw.push(1);
                raw.extend_from_slice(&max.to_bits().to_le_bytes());
            }
        }
    }
    raw.extend_from_slice(&json);
    let mut out = vec![DOC_CLAIMS_DEFLATE];
    let mut enc =
        flate2::write::DeflateEncoder::new(&mut out, flate2::Compression::new(PACK_LEVEL));
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(&raw);
    let _ = enc.finish();
    Ok(out)
}

/// A document's packed claims inflated: the count, and the bytes after it.
fn inflate_doc_claims(idx: usize, blob: &[u8]) -> rusqlite::Result<(usize, Vec<u8>)> {
    let fail = |why: String| FromSqlConversionFailure(idx, Type::Blob, why.into());
    let (&layout, rest) = blob
        .split_first()
        .ok_or_else(|| fail("empty packed claims".into()))?;
    if layout != DOC_CLAIMS_DEFLATE {
        return Err(fail(format!("packed claims of unknown layout {layout}")));
    }
    let mut raw = Vec::with_capacity(rest.len() * 6);
    inflate_into(rest, &mut raw, PACKED_MAX_JSON * 16)
        .map_err(|e| fail(format!("packed claims that do not inflate: {e}")))?;
    let count = raw
        .first_chunk::<4>()
        .map(|b| u32::from_le_bytes(*b) as usize)
        .ok_or_else(|| fail("packed claims cut short".into()))?;
    // Each claim takes at least 17 bytes besides its JSON: a count beyond that is damage.
    if count > raw.len() / 17 {
        return Err(fail(format!("packed claims announcing {count} claims")));
    }
    Ok((count, raw))
}

/// The spans of a document's claims, in order, from what [`pack_doc_claims`] wrote (column
/// `idx`), decoding no claim.
pub(crate) fn unpack_doc_claim_spans(idx: usize, blob: &[u8]) -> rusqlite::Result<Vec<Span>> {
    let (count, raw) = inflate_doc_claims(idx, blob)?;
    Ok((0..count)
        .map(|i| {
            let at = 4 + 8 * i;
            let word =
                |at: usize| u32::from_le_bytes([raw[at], raw[at + 1], raw[at + 2], raw[at + 3]]);
            Span::new(word(at) as usize, word(at + 4) as usize)
        })
        .collect())
}

/// A document's claims, in order, from what [`pack_doc_claims`] wrote (column `idx`).
pub(crate) fn unpack_doc_claims(idx: usize, blob: &[u8]) -> rusqlite::Result<Vec<Claim>> {
    let fail = |why: &str| FromSqlConversionFailure(idx, Type::Blob, why.to_string().into());
    let (count, raw) = inflate_doc_claims(idx, blob)?;
    let mut at = 4 + 8 * count;
    let mut figures = Vec::with_capacity(count);
    let float = |at: &mut usize| -> rusqlite::Result<f64> {
        let bytes = raw
            .get(*at..*at + 8)
            .ok_or_else(|| fail("packed claims cut short"))?;
        *at += 8;
        let mut word = [0u8; 8];
        word.copy_from_slice(bytes);
        Ok(f64::from_bits(u64::from_le_bytes(word)))
    };
    for _ in 0..count {
        let value = float(&mut at)?;
        let marker = *raw.get(at).ok_or_else(|| fail("packed claims cut short"))?;
        at += 1;
        let max = match marker {
            0 => None,
            1 => Some(float(&mut at)?),
            _ => return Err(fail("packed claims with a bound marked neither 0 nor 1")),
        };
        figures.push((value, max));
    }
    let mut claims: Vec<Claim> = serde_json::from_slice(&raw[at..]).map_err(|e| bad(idx, e))?;
    if claims.len() != count {
        return Err(fail(
            "packed claims whose JSON holds another number of claims",
        ));
    }
    for (c, (value, max)) in claims.iter_mut().zip(figures) {
        c.quantity.value = value;
        c.quantity.value_max = max;
    }
    Ok(claims)
}

/// The keys a document's claims are found by entity (`claim_keys`, schema v13: each claim's
/// subject and object in lower case), each with how many of the claims it finds (those
/// [`claim_has_key`] keeps): what `claim_keys.claims` holds (`schema::CLAIM_KEY_COUNTS`), so
/// a page counts an entity's claims without unpacking the documents that name it.
pub(crate) fn claim_key_counts(claims: &[Claim]) -> std::collections::BTreeMap<String, u64> {
    let mut counts = std::collections::BTreeMap::new();
    for c in claims {
        // A claim whose subject and object are the same party counts once under it.
        let keys: std::collections::BTreeSet<String> = [c.subject.as_deref(), c.object.as_deref()]
            .into_iter()
            .flatten()
            .map(str::to_lowercase)
            .collect();
        for key in keys {
            *counts.entry(key).or_insert(0) += 1;
        }
    }
    counts
}

/// Whether a claim is one of those `key` (lower case) finds by entity: its subject or its
/// object in lower case is the key, as the `subject_key`/`object_key` columns matched it.
pub(crate) fn claim_has_key(claim: &Claim, key: &str) -> bool {
    [claim.subject.as_deref(), claim.object.as_deref()]
        .into_iter()
        .flatten()
        .any(|party| party.to_lowercase() == key)
}

/// The first byte of a document's packed events (`doc_events.body`, schema v13): deflate of
/// the events as one JSON array.
const DOC_EVENTS_DEFLATE: u8 = 1;

/// Every event of one document packed in one value (`doc_events.body`, schema v13): a layout
/// byte, then deflate of the events as one JSON array. An event holds no float, so its JSON
/// gives it back exactly. Packed alone (v11-v12, LZ4 against PLOVER's words) an event took
/// 131 bytes and a row of columns; together, deflate codes what a document's events repeat
/// (its actors, sentences, field names) once.
pub(crate) fn pack_doc_events(events: &[sinew_types::Event]) -> rusqlite::Result<Vec<u8>> {
    use std::io::Write;
    let json = serde_json::to_vec(events)
        .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))?;
    let mut out = vec![DOC_EVENTS_DEFLATE];
    let mut enc =
        flate2::write::DeflateEncoder::new(&mut out, flate2::Compression::new(PACK_LEVEL));
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(&json);
    let _ = enc.finish();
    Ok(out)
}

/// A document's events, in order, from what [`pack_doc_events`] wrote (column `idx`).
pub(crate) fn unpack_doc_events(
    idx: usize,
    blob: &[u8],
) -> rusqlite::Result<Vec<sinew_types::Event>> {
    let fail = |why: String| FromSqlConversionFailure(idx, Type::Blob, why.into());
    let (&layout, rest) = blob
        .split_first()
        .ok_or_else(|| fail("empty packed events".into()))?;
    if layout != DOC_EVENTS_DEFLATE {
        return Err(fail(format!("packed events of unknown layout {layout}")));
    }
    let mut json = Vec::with_capacity(rest.len() * 6);
    inflate_into(rest, &mut json, PACKED_MAX_JSON * 16)
        .map_err(|e| fail(format!("packed events that do not inflate: {e}")))?;
    serde_json::from_slice(&json).map_err(|e| bad(idx, e))
}

/// The keys an event is filed under: each actor's canonical name and country, lower case
/// (`iso3:` and the code for a country).
pub(crate) fn event_actor_keys(event: &sinew_types::Event) -> std::collections::BTreeSet<String> {
    let mut keys = std::collections::BTreeSet::new();
    for a in event.source.iter().chain(&event.target) {
        if let Some(c) = &a.canonical {
            keys.insert(c.to_lowercase());
        }
        if let Some(c) = &a.country {
            keys.insert(format!("iso3:{}", c.to_lowercase()));
        }
    }
    keys
}

/// The keys a document's events are found by (`event_keys`, schema v13): those of every
/// event's actors, once each.
pub(crate) fn doc_event_keys(events: &[sinew_types::Event]) -> std::collections::BTreeSet<String> {
    events.iter().flat_map(event_actor_keys).collect()
}

/// The lower-case keys an event listing asks for: its entities, and `iso3:` with each of its
/// countries.
pub(crate) fn event_filter_keys(filter: &crate::EventFilter) -> Vec<String> {
    filter
        .entities
        .iter()
        .map(|e| e.to_lowercase())
        .chain(
            filter
                .countries
                .iter()
                .map(|c| format!("iso3:{}", c.to_lowercase())),
        )
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Whether a listing asking for `keys` (any of them; none asks for no actor) and the dates
/// of `filter` keeps `event`: an actor under one of the keys, an end (or, without one, a
/// date) on or after `from`, a date on or before `to`. An event without the date a bound
/// tests is left out, as the SQL over the date columns of v10-v12 left it.
pub(crate) fn event_selected(
    event: &sinew_types::Event,
    keys: &[String],
    filter: &crate::EventFilter,
) -> bool {
    if !keys.is_empty() && !event_actor_keys(event).iter().any(|k| keys.contains(k)) {
        return false;
    }
    if let Some(from) = filter.from {
        if event.date_end.or(event.date).is_none_or(|d| d < from) {
            return false;
        }
    }
    if let Some(to) = filter.to {
        if event.date.is_none_or(|d| d > to) {
            return false;
        }
    }
    true
}

fn bad<E: std::error::Error + Send + Sync + 'static>(idx: usize, err: E) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(err))
}

#[cfg(test)]
mod tests;
