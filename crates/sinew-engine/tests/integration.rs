//! Engine tests: the whole path from files to stored claims and a briefing.

#[path = "../../sinew-report/tests/support/chromium.rs"]
mod chromium;
mod common;
mod dedup;
mod gold;
mod incremental;
mod ledger;
mod pipeline;
mod streams;
mod synth;
