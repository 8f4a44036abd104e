//! The crate's single integration-test binary; each stage adds its module here.

mod claims;
mod describe;
mod entities;
mod quantities;
mod scaling;
mod times;
