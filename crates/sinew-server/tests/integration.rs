//! The workbench's router, driven with `oneshot` over a store of the sample corpus and
//! documents written here: every route, the error table, the OpenAPI document, hostile
//! article text.

mod browser;
mod errors;
mod routes;
mod support;
mod workbench;
