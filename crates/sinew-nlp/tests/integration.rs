//! The crate's single integration-test binary; each stage adds its module here.

mod claim_times;
mod claims;
mod claims_kinds;
mod claims_measures;
mod claims_roles;
mod claims_voice;
mod coref;
mod describe;
mod entities;
mod linking;
mod ner;
mod quantities;
mod quantities_names;
mod quantities_news;
mod scaling;
mod times;
mod times_clock;
mod times_news;
