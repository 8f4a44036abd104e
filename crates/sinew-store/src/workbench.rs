//! What has the workbench been told, and what did ingest runs leave behind? The
//! [`WorkbenchStore`] side of a [`Store`](crate::Store): each ingest run's record with the
//! inputs it could not read (schema v8, `ingest_runs` and `ingest_failures`), the alert
//! rules an analyst sets (`alert_rules`), and when each briefing was written (schema v9,
//! `briefings`; v19 adds the last document each saw), so the next one can say what changed
//! since.
//!
//! These are records about the store's use, not derived from its documents: nothing rebuilds
//! them, so they are written once and read newest first. A store of schema v7 opened
//! read-only (v8 is not needed to read it) has no such tables and answers as a store that
//! kept nothing yet.

use sinew_types::{AlertKind, DocId};

use crate::StoreError;

/// The workbench side of a [`Store`](crate::Store).
pub trait WorkbenchStore {
    /// Records one ingest run and its failed inputs in one transaction, stamped with the
    /// time; returns the run's id. Written after the run's documents were committed, so a
    /// failure here loses nothing stored.
    fn record_run(&self, run: &IngestRun) -> Result<u64, StoreError>;

    /// The last run, counts of runs and failures, and the `limit` most recent failures.
    fn ingest_log(&self, limit: usize) -> Result<IngestLog, StoreError>;

    /// Stores an alert rule, stamped with the time, and returns it with its id.
    fn put_alert_rule(&self, rule: &AlertRule) -> Result<StoredRule, StoreError>;

    /// Every alert rule, oldest first.
    fn alert_rules(&self) -> Result<Vec<StoredRule>, StoreError>;

    /// Removes the rule `id`; false when there was none.
    fn delete_alert_rule(&self, id: u64) -> Result<bool, StoreError>;

    /// Records that a briefing was written, stamped with the time and with `mark`, what the
    /// briefing read (taken by [`WorkbenchStore::briefing_mark`] before it read anything), and
    /// returns the record. It does not wait while another writer holds the store: a briefing
    /// is read during an ingest, and its record then fails at once.
    fn record_briefing(
        &self,
        briefing: &BriefingRun,
        mark: &BriefingMark,
    ) -> Result<BriefingRecord, StoreError>;

    /// The last alert and the last document stored now, in one read: what a briefing about
    /// to read the store will have seen (at least) once it is written.
    fn briefing_mark(&self) -> Result<BriefingMark, StoreError>;

    /// The documents stored after the document `last_doc` (a [`BriefingMark::last_doc`]),
    /// newest first, at most `limit`: what a briefing has not seen. Read by index, so the cost
    /// is that of the documents listed.
    fn documents_since(&self, last_doc: u64, limit: usize) -> Result<Vec<DocId>, StoreError>;

    /// The briefing recorded last, if any: the reference point of "what changed since the
    /// last briefing".
    fn last_briefing(&self) -> Result<Option<BriefingRecord>, StoreError>;
}

/// A briefing written from the store, as it is recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BriefingRun {
    /// Its format: `markdown`, `html`, `json`.
    pub format: String,
    /// What it was focused on, in words (`None` for the whole store).
    pub focus: Option<String>,
}

/// How far a briefing read the store: the last alert and the last document it saw. Taken
/// before the briefing reads anything, so what is stored while it reads is taken as unseen
/// (the next briefing may say it again, never miss it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BriefingMark {
    /// The [`StoredAlert::seq`](crate::StoredAlert::seq) of the last alert stored (0 for
    /// none): alerts after it were raised since.
    pub last_alert: u64,
    /// The ingest position (`seq`) of the last document stored (0 for none): documents after
    /// it were stored since.
    pub last_doc: u64,
}

/// A recorded briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefingRecord {
    /// Its id, in the order briefings were recorded.
    pub id: u64,
    /// When it was written (RFC 3339, UTC).
    pub written_at: String,
    /// The [`StoredAlert::seq`](crate::StoredAlert::seq) of the last alert the briefing saw
    /// (0 for none): alerts after it were raised since.
    pub last_alert: u64,
    /// The ingest position of the last document the briefing saw (0 for none): documents
    /// after it were stored since. `None` for a briefing recorded before schema v19, which did
    /// not keep it: only the alerts raised since it count as changes.
    pub last_doc: Option<u64>,
    /// What was recorded.
    pub run: BriefingRun,
}

/// What one ingest run did, as it is recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestRun {
    /// Who ran it: `cli`, `server` (an upload), or a caller's own word.
    pub origin: String,
    /// Inputs read (files, streams, uploads).
    pub inputs: u64,
    /// Documents found in them.
    pub documents: u64,
    /// Documents newly stored.
    pub inserted: u64,
    /// Wall-clock milliseconds.
    pub elapsed_ms: u64,
    /// Each input (or part of one) that failed, in the order met.
    pub failures: Vec<InputFailure>,
}

/// An input that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFailure {
    /// The path, URL or upload name.
    pub input: String,
    /// The error, as shown to the user.
    pub error: String,
}

/// A recorded run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRecord {
    /// Its id, in the order runs were recorded.
    pub id: u64,
    /// When it was recorded (RFC 3339, UTC): the end of the run.
    pub finished_at: String,
    /// How many of its inputs failed.
    pub failed: u64,
    /// What was recorded, without the failures (they are in [`IngestLog::recent`]).
    pub run: IngestRun,
}

/// A recorded failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFailure {
    /// The run that met it.
    pub run: u64,
    /// When it was recorded (RFC 3339, UTC).
    pub failed_at: String,
    /// The input and why it failed.
    pub failure: InputFailure,
}

/// What the runs left behind: enough for a status page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestLog {
    /// The last recorded run.
    pub last_run: Option<RunRecord>,
    /// Runs recorded.
    pub runs: u64,
    /// Failures recorded, over every run.
    pub failures: u64,
    /// Distinct inputs among them.
    pub failed_inputs: u64,
    /// The most recent failures, newest first.
    pub recent: Vec<StoredFailure>,
}

/// Which alerts an analyst wants flagged. Every condition given must hold; a rule with none
/// matches every alert.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertRule {
    /// What the analyst calls it.
    pub name: String,
    /// The alert kinds it takes (empty: any).
    pub kinds: Vec<AlertKind>,
    /// A canonical entity name that must be the alert's subject or object.
    pub entity: Option<String>,
    /// A word the alert must say, in its measure or anywhere in its line ("containers").
    pub measure: Option<String>,
}

/// A stored alert rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRule {
    /// Its id.
    pub id: u64,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// The rule.
    pub rule: AlertRule,
}
