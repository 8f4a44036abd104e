//! The crate's single integration-test binary; each stage adds its module here.

mod claim_times;
mod claims;
mod coref;
mod entities;
mod linking;
mod quantities;
mod scaling;
mod times;
mod times_clock;
