//! `sinew serve`: the workbench over the store, until the process is stopped.
//!
//! With SINEW_TOKEN set the store is opened for writing (uploads are ingested) and any
//! address may be bound; without it the store is opened read-only (an ingest running beside
//! the server is never blocked) and only a loopback address is accepted, since reads are open
//! to whoever can reach the port.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use sinew_server::{AppState, ServeConfig};

use crate::ui::Ui;

pub(crate) fn run(db: Option<&Path>, addr: SocketAddr, ui: &Ui) -> Result<ExitCode> {
    let token = std::env::var("SINEW_TOKEN").ok().filter(|t| !t.is_empty());
    if let Err(e) = sinew_server::check_bind(&addr, token.as_deref()) {
        // A usage error (exit 2), like a bad flag.
        eprintln!("sinew: {e}");
        return Ok(ExitCode::from(2));
    }
    let engine = if token.is_some() {
        super::open_existing(db)?
    } else {
        super::open_read_only(db)?
    };
    let writes = token.is_some();
    // Search needs the index `sinew index` builds beside the store; without one the server
    // still serves every other screen, and its search answers how to build it.
    let index = super::search::open_for_serving(db)?;
    let engine = match &index {
        Some(index) => engine.with_index(index.clone()),
        None => engine,
    };
    let state = AppState::new(engine, index, token);
    let quiet = ui.quiet;
    sinew_server::serve(&ServeConfig { addr }, state, |bound| {
        if !quiet {
            let mode = if writes {
                "writes need the SINEW_TOKEN bearer token"
            } else {
                "read-only: set SINEW_TOKEN to accept uploads"
            };
            eprintln!("sinew: serving http://{bound}/ ({mode}); Ctrl-C stops");
        }
    })
    .with_context(|| format!("serving on {addr}"))?;
    Ok(ExitCode::SUCCESS)
}
