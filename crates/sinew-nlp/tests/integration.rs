//! The crate's single integration-test binary; each stage adds its module here.

mod claims;
mod entities;
mod ner;
mod quantities;
mod scaling;
mod times;
