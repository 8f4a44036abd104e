//! Engine tests: the whole path from files to stored claims and a briefing.

mod common;
mod gold;
mod pipeline;
