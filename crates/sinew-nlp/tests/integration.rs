//! The crate's single integration-test binary; each stage adds its module here.

mod claims;
mod coref;
mod entities;
mod linking;
mod quantities;
mod quantities_news;
mod scaling;
mod times;
