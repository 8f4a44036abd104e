//! Analysis over stored claims: the figures ledger (the same figure across sources,
//! reconciled) and the network the figures describe.
//!
//! [`group_figures`] puts claims that state the same figure (the same concept key: actors,
//! unit, rate, measure kind and lemma class, time window; a similar measure) in one
//! [`FigureGroup`]; [`build_ledger`] reads each group's statements side by side and says
//! whether they agree, conflict or update one another or rest on a single independent
//! source, with a consensus and a one-line reason. [`build_network`] turns the ledger into
//! actors, flows by kind with their volumes over time, and dependency shares; [`what_if`] cuts
//! or scales a flow and lists the dependencies that fall below a threshold; [`detect_alerts`]
//! says what newly ingested documents changed. [`analyse_buckets`] does the same per grouping
//! bucket, so that a store keeps the results and recomputes only the buckets new claims touch
//! ([`ledger_of`] and [`network_of`] put the kept parts together). Everything here is a pure function of plain
//! structs; no database access.

mod alerts;
mod bounds;
mod concept;
mod events;
mod exchange;
mod float;
mod fmt;
mod graph;
mod group;
mod hash;
mod label;
mod ledger;
mod politics;
mod reading;
mod rounding;
mod scope;
mod state;
#[cfg(feature = "synth")]
pub mod synth;
mod window;
mod words;

pub use alerts::{detect_alerts, detect_alerts_between, detect_alerts_in, AlertScope};
pub use bounds::Bounds;
pub use concept::{flow_kind, names_losses, people_noun, Concept, FlowKind};
pub use events::{
    actor_name, event_ties, merge_events, EventReport, EventTie, MergedEvent, EVENT_WINDOW_DAYS,
};
pub use fmt::{format_range, format_value};
pub use graph::{
    build_network, build_network_by_state, names_aim, node_id, what_if, Actor, ActorInfo, Affected,
    Cut, Dependency, Flow, Network, Volume, WhatIf,
};
pub use group::{group_figures, FigureGroup};
pub use ledger::{
    build_ledger, Consensus, Ledger, LedgerClaim, LedgerFilter, LedgerGroup, Revision, SourceDoc,
    Verdict,
};
pub use politics::{political_ties, sentence_actors, PoliticalTie, SentenceActors, TieKind};
pub use state::{
    analyse_buckets, claim_bucket, claim_buckets, ledger_and_network_of, ledger_of,
    network_by_state_of, network_of, state_naming, BucketState, ClaimRef, LedgerPlace, NetState,
    RawState, StoredGroup,
};
