//! Test helpers: hand-annotated fixtures and headless Chromium.

pub(crate) mod analysis;
pub(crate) mod chromium;
pub(crate) mod fixtures;
