//! What did an ingest change that an analyst watching the corpus wants to know? `Alert` and
//! `AlertKind`: a figure contradicted, a running total revised down, or a new flow. Here, below analysis, because the store
//! keeps alerts.

use serde::{Deserialize, Serialize};

use crate::DocId;

/// What changed, as an alert says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// A new claim contradicts a figure other sources stated before.
    Conflict,
    /// A flow between two actors that no earlier claim showed.
    NewFlow,
    /// A later report gives a running total lower than an earlier one: its own source
    /// revising the count, or another source contradicting it (the message says which).
    Revision,
}

impl AlertKind {
    /// `conflict`, `new_flow` or `revision`.
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::Conflict => "conflict",
            AlertKind::NewFlow => "new_flow",
            AlertKind::Revision => "revision",
        }
    }

    /// The kind named `s`, as [`AlertKind::as_str`] writes it.
    pub fn parse(s: &str) -> Option<AlertKind> {
        match s {
            "conflict" => Some(AlertKind::Conflict),
            "new_flow" => Some(AlertKind::NewFlow),
            "revision" => Some(AlertKind::Revision),
            _ => None,
        }
    }
}

/// Something a newly ingested document changed that an analyst watching the corpus wants to
/// know: it contradicts a standing figure, or shows a new flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    /// What changed.
    pub kind: AlertKind,
    /// What it is about: the figure group's or the flow's id, so one change is raised once.
    pub key: String,
    /// The new document that raised it.
    pub doc: DocId,
    /// The actor the figure or flow is about.
    pub subject: Option<String>,
    /// The counterpart.
    pub object: Option<String>,
    /// The change in one line, quoting the new words and the standing figure.
    pub message: String,
}
