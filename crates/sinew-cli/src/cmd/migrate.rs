//! `sinew migrate --from FILE --to URL`: a SQLite store copied whole into an empty PostgreSQL
//! store (sinew-store's `migrate_sqlite_to_pg`), then a line per table with the rows copied.
//! The search index is not copied: `sinew --db URL index` builds the server store's own.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};

use crate::ui::Ui;

pub(crate) fn run(from: &Path, to: &str, ui: &Ui) -> Result<ExitCode> {
    if !sinew_engine::is_postgres_url(to) {
        bail!("--to {to}: give the PostgreSQL store as a postgres:// URL");
    }
    let started = std::time::Instant::now();
    let copied = sinew_engine::migrate_sqlite_to_pg(from, to, |table, rows| {
        if !ui.quiet && rows > 0 && rows.is_multiple_of(100_000) {
            eprintln!("  {table}: {rows} rows so far");
        }
    })?;
    if !ui.quiet {
        let to = sinew_engine::redact_url(to);
        for (table, rows) in &copied {
            eprintln!("  {table:<22} {rows:>10} rows");
        }
        eprintln!(
            "copied {} into {to} in {:.1} s; build its search index with `sinew --db {to} index`",
            from.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}
