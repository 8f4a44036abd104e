//! Engine tests: the whole path from files to stored claims and a briefing.

mod batches;
mod briefing;
mod changes;
mod changes_current;
mod claims_sample;
mod common;
mod dedup;
mod events;
mod fresh_changes;
mod gold;
mod incremental;
mod ledger;
mod load_order;
mod pipeline;
mod report;
mod running_counts;
mod scaling;
mod search;
mod stated_times;
mod streams;
mod summaries;
mod synth;
mod trends;
mod vague;
