//! sinew-store's one integration-test binary.

mod analysis;
mod backends;
mod common;
mod compat;
mod doc_claims;
mod model;
mod packed;
mod pages;
#[cfg(feature = "postgres")]
mod pg;
mod read_only;
mod snapshot;
mod store;
mod workbench;
