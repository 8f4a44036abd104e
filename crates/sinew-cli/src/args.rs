//! Command-line flags (clap), kept apart from what the commands do.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

/// Sinew: news in, checkable intelligence out. Every entity, figure and claim is traced to the
/// exact words of the article it came from.
#[derive(Debug, Parser)]
#[command(name = "sinew", version, about, long_about = None)]
pub(crate) struct Cli {
    /// The store (SQLite file). Default: $SINEW_DB, else sinew/sinew.db under the user's data
    /// directory.
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) db: Option<PathBuf>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Read articles (files, folders, or - for stdin) into the store.
    Ingest {
        /// Files or folders (recursive): .txt, .html/.htm, .jsonl, .warc, .xml/.rss/.atom
        /// feeds, each also gzip'd (.gz); `-` reads stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Publication date (YYYY-MM-DD) for documents that give none.
        #[arg(long, value_parser = parse_date)]
        published: Option<NaiveDate>,
        /// Format of stdin (for `-`).
        #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
        format: InputFormat,
        /// Worker threads (default: one per core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Print peak memory after the summary.
        #[arg(long)]
        stats: bool,
    },
    /// List the stored quantitative claims.
    Claims {
        /// Only claims whose subject or object is this entity (canonical name).
        #[arg(long)]
        entity: Option<String>,
        /// One JSON object a line instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Export stored data.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// List the entities named in stored documents.
    Entities {
        /// One JSON object a line instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Extract documents (clean text and metadata) without touching a store: one JSON object
    /// a line.
    Extract {
        /// Files or folders; `-` or nothing reads stdin.
        paths: Vec<PathBuf>,
        /// Format of stdin.
        #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
        format: InputFormat,
        /// Publication date for documents that give none.
        #[arg(long, value_parser = parse_date)]
        published: Option<NaiveDate>,
    },
    /// Annotate text from stdin (one document a line, or JSON Lines with `text` and
    /// `published`) without touching a store: one JSON object a line.
    Annotate {
        /// Layers to output, comma-separated: entities,quantities,times,claims.
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "entities,quantities,times,claims"
        )]
        layers: Vec<Layer>,
        /// Publication date for lines that give none.
        #[arg(long, value_parser = parse_date)]
        published: Option<NaiveDate>,
    },
    /// Write the cited briefing over the stored documents.
    Report {
        /// Output file; `.html` gives self-contained HTML, anything else Markdown.
        #[arg(short, long)]
        output: PathBuf,
        /// Title of the briefing.
        #[arg(long)]
        title: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum ExportWhat {
    /// Every stored claim.
    Claims {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    /// JSON Lines, one claim a line.
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum InputFormat {
    /// By the first bytes (gzip'd input is always found by its magic bytes).
    Auto,
    /// Plain text.
    Text,
    /// HTML.
    Html,
    /// JSON Lines.
    Jsonl,
    /// WARC (Common Crawl, CC-NEWS), plain or gzip'd.
    Warc,
    /// An RSS or Atom feed.
    #[value(alias = "rss", alias = "atom")]
    Feed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Layer {
    /// Named entities.
    Entities,
    /// Quantities.
    Quantities,
    /// Time expressions.
    Times,
    /// Quantitative claims.
    Claims,
    /// Events (CAMEO/PLOVER): not available yet.
    Events,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a YYYY-MM-DD date: {e}"))
}
