//! What can a request get wrong, and which HTTP status says so? One error type for every
//! handler, and one table ([`ServerError::status`]) from its variants to status codes, so
//! a page and its JSON twin always answer the same code for the same failure.
//!
//! Internal failures (the store, the search engine) are logged to stderr with their chain
//! and answered with a fixed sentence: a database path or SQL message is no business of
//! whoever sent the request.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sinew_engine::EngineError;
use sinew_search::SearchError;

/// Why a request failed. Each user-facing variant names the input at fault.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// A query parameter or path segment that cannot be read.
    #[error("cannot read {input}: {reason}")]
    BadRequest {
        /// The parameter (`span`, `from`, ...) or path segment.
        input: String,
        /// What is wrong with it.
        reason: String,
    },
    /// No stored document, group or asset answers to this name.
    #[error("no {what} named {name:?}")]
    NotFound {
        /// What was looked for (`document`, `ledger group`).
        what: &'static str,
        /// The name as given.
        name: String,
    },
    /// An entity name that names no stored entity, with the nearest stored names.
    #[error("no stored entity is named {name:?}{}", nearest_text(.nearest))]
    UnknownEntity {
        /// The name as given.
        name: String,
        /// Stored names near it.
        nearest: Vec<String>,
    },
    /// A write without the right `Authorization: Bearer` token.
    #[error("this write needs `Authorization: Bearer <token>` with the server's SINEW_TOKEN")]
    Unauthorized,
    /// A write to a server started without SINEW_TOKEN (it opened its store read-only).
    #[error("writes are disabled: start `sinew serve` with SINEW_TOKEN set to accept them")]
    WritesDisabled,
    /// An upload that holds no document the ingest could read.
    #[error("cannot ingest {input}: {reason}")]
    Unprocessable {
        /// The upload's name.
        input: String,
        /// Why.
        reason: String,
    },
    /// The search screen on a server without a search index.
    #[error("no search index is open: build one with `sinew index` and restart the server")]
    SearchUnavailable,
    /// The store or search engine failed: logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

fn nearest_text(nearest: &[String]) -> String {
    if nearest.is_empty() {
        String::new()
    } else {
        format!("; nearest: {}", nearest.join(", "))
    }
}

impl ServerError {
    /// The one table from error to HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            ServerError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ServerError::NotFound { .. } | ServerError::UnknownEntity { .. } => {
                StatusCode::NOT_FOUND
            }
            ServerError::Unauthorized => StatusCode::UNAUTHORIZED,
            ServerError::WritesDisabled => StatusCode::FORBIDDEN,
            ServerError::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ServerError::SearchUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ServerError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable machine-readable name of the variant (the `error` field of the JSON body).
    pub fn code(&self) -> &'static str {
        match self {
            ServerError::BadRequest { .. } => "bad_request",
            ServerError::NotFound { .. } => "not_found",
            ServerError::UnknownEntity { .. } => "unknown_entity",
            ServerError::Unauthorized => "unauthorized",
            ServerError::WritesDisabled => "writes_disabled",
            ServerError::Unprocessable { .. } => "unprocessable",
            ServerError::SearchUnavailable => "search_unavailable",
            ServerError::Internal(_) => "internal",
        }
    }

    /// What the response says: the message, except for internal failures.
    pub fn public_message(&self) -> String {
        match self {
            ServerError::Internal(_) => "internal error; the server's log says more".to_string(),
            other => other.to_string(),
        }
    }

    pub(crate) fn bad(input: &str, reason: impl Into<String>) -> ServerError {
        ServerError::BadRequest {
            input: input.to_string(),
            reason: reason.into(),
        }
    }

    fn log(&self) {
        if let ServerError::Internal(msg) = self {
            eprintln!("sinew serve: {msg}");
        }
    }
}

impl From<EngineError> for ServerError {
    fn from(e: EngineError) -> ServerError {
        match e {
            EngineError::UnknownEntity { name, nearest } => {
                ServerError::UnknownEntity { name, nearest }
            }
            EngineError::Ingest(e) => ServerError::Unprocessable {
                input: "upload".to_string(),
                reason: e.to_string(),
            },
            other => ServerError::Internal(format!("{other:#}")),
        }
    }
}

impl From<SearchError> for ServerError {
    fn from(e: SearchError) -> ServerError {
        match e {
            SearchError::BadQuery { query, reason } => ServerError::BadRequest {
                input: format!("q={query:?}"),
                reason,
            },
            other => ServerError::Internal(other.to_string()),
        }
    }
}

/// The JSON body of an error: `{"error": code, "message": text}`.
impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        self.log();
        let body = serde_json::json!({
            "error": self.code(),
            "message": self.public_message(),
        });
        (self.status(), axum::Json(body)).into_response()
    }
}

/// The same error answered as an HTML page (the screens), with the same status.
#[derive(Debug)]
pub(crate) struct PageError(pub(crate) ServerError);

impl From<ServerError> for PageError {
    fn from(e: ServerError) -> PageError {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.0.log();
        let page = crate::render::ErrorPage {
            status: self.0.status().as_u16(),
            message: self.0.public_message(),
        };
        (self.0.status(), crate::render::html(&page)).into_response()
    }
}
