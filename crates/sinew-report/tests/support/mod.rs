//! Test helpers: hand-annotated fixtures (headless Chromium is in sinew-testkit).

pub(crate) mod analysis;
pub(crate) mod fixtures;
