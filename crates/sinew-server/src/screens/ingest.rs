//! Who may add documents, and how? `POST /api/ingest` takes one input as the request body
//! (an HTML page, text, JSON Lines, WARC or a feed, gzip'd or not; `?name=` names it and its
//! extension picks the format as on the command line), and answers what the ingest stored.
//! It needs `Authorization: Bearer <SINEW_TOKEN>`; a server started without a token refuses
//! every write. The token is compared in constant time so a wrong guess says nothing of
//! how close it came.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap};
use axum::response::Json;
use serde::Serialize;
use sinew_engine::{Format, IngestOptions};
use sinew_types::DocId;

use crate::params::Params;
use crate::{AppState, ServerError};

#[derive(Debug, Serialize)]
pub(crate) struct IngestReport {
    name: String,
    documents: usize,
    inserted: usize,
    already_stored: usize,
    skipped: usize,
    near_duplicates: usize,
    claims: usize,
    alerts: usize,
    new_documents: Vec<DocId>,
    /// Each input that failed, with why (the rest were stored).
    errors: Vec<String>,
}

/// Whether the request carries the server's token in `Authorization: Bearer`.
pub(crate) fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ServerError> {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    check_token(state, given)
}

/// Whether `given` is the server's token (a form's `token` field, a bearer header's value);
/// a server without a token refuses every write whatever is given.
pub(crate) fn check_token(state: &AppState, given: Option<&str>) -> Result<(), ServerError> {
    let Some(token) = state.token() else {
        return Err(ServerError::WritesDisabled);
    };
    let given = given.ok_or(ServerError::Unauthorized)?;
    if same(given.trim().as_bytes(), token.as_bytes()) {
        Ok(())
    } else {
        Err(ServerError::Unauthorized)
    }
}

/// Constant-time equality (over the longer length).
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len().max(b.len());
    let mut diff = (a.len() ^ b.len()) as u64;
    for i in 0..n {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        diff |= u64::from(x ^ y);
    }
    diff == 0
}

fn format_of(params: &Params) -> Result<Format, ServerError> {
    Ok(match params.get("format") {
        None | Some("auto") => Format::Auto,
        Some("text") => Format::Text,
        Some("html") => Format::Html,
        Some("jsonl") => Format::Jsonl,
        Some("warc") => Format::Warc,
        Some("feed") => Format::Feed,
        Some(other) => {
            return Err(ServerError::bad(
                "format",
                format!("{other:?} is not auto, text, html, jsonl, warc or feed"),
            ))
        }
    })
}

pub(crate) async fn upload(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<IngestReport>, ServerError> {
    authorize(&state, &headers)?;
    let params = Params::parse(q.as_deref());
    let format = format_of(&params)?;
    let name = params.get("name").unwrap_or("upload").to_string();
    if body.is_empty() {
        return Err(ServerError::Unprocessable {
            input: name,
            reason: "the request body is empty".to_string(),
        });
    }
    let opts = IngestOptions {
        origin: "upload".to_string(),
        ..IngestOptions::default()
    };
    state
        .blocking(move |s| {
            let summary = s
                .engine()
                .ingest_bytes(&name, &body, format, &opts)
                .map_err(|e| match ServerError::from(e) {
                    ServerError::Unprocessable { reason, .. } => ServerError::Unprocessable {
                        input: name.clone(),
                        reason,
                    },
                    other => other,
                })?;
            s.invalidate();
            Ok(IngestReport {
                name,
                documents: summary.documents,
                inserted: summary.inserted,
                already_stored: summary.already_stored,
                skipped: summary.skipped,
                near_duplicates: summary.near_duplicates,
                claims: summary.claims,
                alerts: summary.alerts.len(),
                new_documents: summary.new_documents,
                errors: summary.errors.iter().map(|e| e.to_string()).collect(),
            })
        })
        .await
        .map(Json)
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn token_comparison_needs_every_byte() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
        assert!(!same(b"", b"a"));
    }
}
