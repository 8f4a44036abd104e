//! `sinew index` and `sinew search`: build the search index beside the store, and query it
//! with the hit words marked; and the index that `sinew ingest` keeps current.
//!
//! The index lives in `<db>.search/` beside a SQLite file (sinew-engine's
//! `default_index_path`), for a PostgreSQL store in a folder of the user's data directory
//! named after the URL, and in `$SINEW_INDEX` when that is set (`cmd::index_path`). Ingest opens it
//! (creating it when missing) and adds what it stores; an index it cannot open is a warning,
//! never a failed ingest, since the store is the source of truth and `sinew index` rebuilds the
//! index from it. A read (`sinew search`) never creates an index: a missing one is an error
//! that says how to build it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Result};
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use sinew_engine::{
    Engine, FacetCount, Filters, Scope, SearchHit, SearchIndex, SearchQuery, SearchResults,
    TantivyIndex,
};

use super::{default_db, index_path, open_read_only};
use crate::cells::clean;
use crate::ui::{Paint, Ui};

/// Facet values shown per facet in the text summary (`--json` has them all).
const FACET_SHOWN: usize = 5;

/// The flags of `sinew search`.
pub(crate) struct SearchArgs {
    pub(crate) query: String,
    pub(crate) sentences: bool,
    pub(crate) sources: Vec<String>,
    pub(crate) entities: Vec<String>,
    pub(crate) countries: Vec<String>,
    pub(crate) from: Option<NaiveDate>,
    pub(crate) to: Option<NaiveDate>,
    pub(crate) limit: usize,
    pub(crate) json: bool,
}

fn db_path(db: Option<&Path>) -> Result<PathBuf> {
    match db {
        Some(p) => Ok(p.to_path_buf()),
        None => default_db(),
    }
}

/// `engine` with the index beside the store at `db` attached, for ingest; when the index
/// cannot be opened, `engine` as it was, after a warning that says why.
pub(crate) fn attach(engine: Engine, db: &Path) -> Engine {
    let path = match index_path(db) {
        Ok(path) => path,
        Err(e) => {
            eprintln!("sinew: warning: {e}; the documents are stored, not indexed");
            return engine;
        }
    };
    match TantivyIndex::open(&path) {
        Ok(index) => engine.with_index(Arc::new(index)),
        Err(e) => {
            eprintln!("sinew: warning: {e}; the documents are stored, not indexed");
            engine
        }
    }
}

/// The index beside the store at `db` for `sinew serve`, when one was built; `None`, after a
/// warning naming `sinew index`, when there is none or it cannot be opened (the other
/// screens do not need it). Uploads through the server keep it current.
pub(crate) fn open_for_serving(db: Option<&Path>) -> Result<Option<Arc<dyn SearchIndex>>> {
    let path = index_path(&db_path(db)?)?;
    if !path.exists() {
        eprintln!(
            "sinew: warning: no search index at {}: search is off until `sinew index` builds it",
            path.display()
        );
        return Ok(None);
    }
    match TantivyIndex::open(&path) {
        Ok(index) => Ok(Some(Arc::new(index))),
        Err(e) => {
            eprintln!("sinew: warning: {e}; search is off");
            Ok(None)
        }
    }
}

/// Warns when ingest could not index, or the index holds fewer documents than the store.
pub(crate) fn warn_lag(engine: &Engine, ingest_warning: Option<&str>) {
    if let Some(w) = ingest_warning {
        eprintln!("sinew: warning: the search index was not kept current: {w}");
    }
    match engine.index_lag() {
        Ok(Some(lag)) => eprintln!(
            "sinew: warning: the search index holds {} of the store's {} documents: run \
             `sinew index`",
            lag.indexed, lag.stored
        ),
        Ok(None) => {}
        Err(e) => eprintln!("sinew: warning: {e:#}"),
    }
}

/// `sinew index`: rebuild the index from the store.
pub(crate) fn index(db: Option<&Path>, ui: &Ui) -> Result<ExitCode> {
    let db = db_path(db)?;
    let engine = open_read_only(Some(&db))?;
    let path = index_path(&db)?;
    let index = Arc::new(TantivyIndex::open(&path)?);
    let engine = engine.with_index(index.clone());
    let bar = ProgressBar::hidden();
    if !ui.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    }
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} documents {per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let summary = engine.rebuild_index(&mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    // Searches then run over a few merged segments, not the many small ones a load writes.
    index.wait_merges()?;
    bar.finish_and_clear();
    if !ui.quiet {
        let secs = summary.elapsed.as_secs_f64();
        eprintln!(
            "indexed {} document{} in {:.2} s ({:.0} documents/s) into {}",
            summary.documents,
            if summary.documents == 1 { "" } else { "s" },
            secs,
            if secs > 0.0 {
                summary.documents as f64 / secs
            } else {
                0.0
            },
            path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `sinew search`.
pub(crate) fn search(db: Option<&Path>, ui: &Ui, args: SearchArgs) -> Result<ExitCode> {
    let db = db_path(db)?;
    let engine = open_read_only(Some(&db))?;
    let path = index_path(&db)?;
    if !path.exists() {
        bail!(
            "no search index at {}: build it with `sinew index`",
            path.display()
        );
    }
    let engine = engine.with_index(Arc::new(TantivyIndex::open(&path)?));
    let entities = args
        .entities
        .iter()
        .map(|e| engine.resolve_entity(e))
        .collect::<Result<Vec<_>, _>>()?;
    let query = SearchQuery {
        text: args.query.clone(),
        scope: if args.sentences {
            Scope::Sentences
        } else {
            Scope::Documents
        },
        filters: Filters {
            sources: args.sources,
            entities,
            countries: args
                .countries
                .iter()
                .map(|c| c.trim().to_ascii_uppercase())
                .collect(),
            from: args.from,
            to: args.to,
            ..Filters::default()
        },
        offset: 0,
        limit: args.limit,
    };
    let results = engine.search(&query)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &results)?;
        writeln!(out)?;
    } else {
        print_results(&mut out, &args.query, args.sentences, &results, ui.paint)?;
    }
    out.flush()?;
    warn_lag(&engine, None);
    Ok(ExitCode::SUCCESS)
}

fn print_results(
    out: &mut dyn Write,
    query: &str,
    sentences: bool,
    r: &SearchResults,
    paint: Paint,
) -> Result<()> {
    let what = if sentences { "sentence" } else { "document" };
    let (plural, verb) = if r.total == 1 {
        ("", "matches")
    } else {
        ("s", "match")
    };
    let shown = if r.hits.is_empty() {
        String::new()
    } else {
        format!(" (showing {})", r.hits.len())
    };
    writeln!(out, "{} {what}{plural} {verb} {query:?}{shown}", r.total)?;
    for (i, hit) in r.hits.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "{:>3}. {}", i + 1, paint.bold(&headline(hit)))?;
        writeln!(out, "     {}", marked(hit, paint))?;
    }
    let f = &r.facets;
    let lines = [
        ("source", &f.sources),
        ("language", &f.langs),
        ("entity", &f.entities),
        ("country", &f.countries),
        ("flow kind", &f.flow_kinds),
        ("unit", &f.units),
    ];
    if r.total > 0 {
        writeln!(out)?;
    }
    for (name, counts) in lines {
        if !counts.is_empty() {
            writeln!(out, "{name:>9}: {}", facet_line(counts))?;
        }
    }
    if !f.months.is_empty() {
        let months: Vec<String> = f
            .months
            .iter()
            .map(|(m, n)| format!("{} ({n})", m.format("%Y-%m")))
            .collect();
        writeln!(out, "{:>9}: {}", "month", months.join(", "))?;
    }
    Ok(())
}

/// Title (or source), outlet, date and document id.
fn headline(hit: &SearchHit) -> String {
    let mut parts = vec![clean(hit.title.as_deref().unwrap_or(&hit.source))];
    if hit.title.is_some() {
        parts.push(clean(&hit.source));
    }
    if let Some(d) = hit.published {
        parts.push(d.to_string());
    }
    let place = match hit.sentence {
        Some(s) => format!("{} @{}-{}", hit.doc, s.start, s.end),
        None => hit.doc.to_string(),
    };
    parts.push(place);
    parts.join(" · ")
}

/// The snippet on one line, its marks painted.
fn marked(hit: &SearchHit, paint: Paint) -> String {
    let s = &hit.snippet;
    let mut line = String::new();
    let mut at = s.span.start;
    // Each piece made safe on its own but not trimmed, so the spaces around a mark stay.
    let piece = |from: usize, to: usize| {
        s.text
            .get(from - s.span.start..to - s.span.start)
            .map(one_line)
            .unwrap_or_default()
    };
    for m in &s.marks {
        if m.start < at || m.end > s.span.end {
            continue;
        }
        line.push_str(&piece(at, m.start));
        line.push_str(&paint.bold(&piece(m.start, m.end)));
        at = m.end;
    }
    line.push_str(&piece(at, s.span.end));
    let mut tidy = String::with_capacity(line.len());
    for c in line.trim().chars() {
        if !(c == ' ' && tidy.ends_with(' ')) {
            tidy.push(c);
        }
    }
    tidy
}

/// `text` with line breaks, tabs, escapes and bidirectional controls as spaces (as
/// [`clean`] does, without trimming the ends).
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            if c.is_control() || bidi {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn facet_line(counts: &[FacetCount]) -> String {
    let mut parts: Vec<String> = counts
        .iter()
        .take(FACET_SHOWN)
        .map(|c| format!("{} ({})", clean(&c.value), c.count))
        .collect();
    if counts.len() > FACET_SHOWN {
        parts.push(format!("{} more", counts.len() - FACET_SHOWN));
    }
    parts.join(", ")
}
