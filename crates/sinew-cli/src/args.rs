//! Command-line flags (clap), kept apart from what the commands do.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

/// What `--help` and the manual page say about the environment.
const ENVIRONMENT: &str = "Environment:
  SINEW_DB        the store when --db is not given (a SQLite file or a postgres:// URL)
  SINEW_INDEX     the search index folder (default: beside a SQLite file; for a
                  PostgreSQL store, under the user's data directory, named after the URL)
  SINEW_TOKEN     `sinew serve`: the bearer token writes need; without it the server is
                  read-only and binds only to loopback addresses
  COLUMNS         the width tables are laid out to (default: the terminal's, else 80)
  NO_COLOR        set and not empty: no colour under --color auto
  CLICOLOR_FORCE  set and not 0: colour under --color auto even into a pipe

Exit codes: 0 success, 1 some inputs failed (each named on stderr), 2 usage.";

/// Sinew: news in, checkable intelligence out. Every entity, figure and claim is traced to the
/// exact words of the article it came from.
#[derive(Debug, Parser)]
#[command(
    name = "sinew",
    version,
    long_about = None,
    after_long_help = ENVIRONMENT
)]
pub(crate) struct Cli {
    /// The store: a SQLite file, or a PostgreSQL database as a URL
    /// (postgres://user:password@host:port/db). Default: $SINEW_DB, else sinew/sinew.db under
    /// the user's data directory.
    #[arg(long, global = true, value_name = "FILE|URL")]
    pub(crate) db: Option<PathBuf>,
    /// No progress bars or summaries on stderr; errors and warnings are still printed.
    #[arg(short, long, global = true)]
    pub(crate) quiet: bool,
    /// Colour the tables: `auto` colours on a terminal unless NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub(crate) color: ColorChoice,
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
        /// Print the time of the analysis and peak memory after the summary.
        #[arg(long)]
        stats: bool,
        /// Raise no alerts (contradicted figures, new flows) for the new documents.
        #[arg(long)]
        no_alerts: bool,
        /// Store and index the documents, and leave their analysis (grouping figures,
        /// flows, alerts) for later: `sinew alerts` or the next ingest does it; until then
        /// `ledger`, `graph` and `report` compute the pending part each time they run. For a
        /// bulk load whose searches are wanted first.
        #[arg(long)]
        defer_analysis: bool,
    },
    /// List the alerts raised on ingest: new claims that contradict standing figures, new
    /// flows.
    Alerts {
        /// One JSON object a line instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Drop the kept analysis (figure groups, verdicts, flows) and make it again from every
    /// stored claim with this build's rules, without raising alerts: for a store analysed by
    /// an older build. Documents, annotations, events and alerts stay.
    Reanalyse,
    /// List the stored quantitative claims.
    Claims {
        /// Only claims whose subject or object is this entity: its canonical name in any case,
        /// or an alias ("DPRK"); a name that matches nothing suggests the nearest.
        #[arg(long)]
        entity: Option<String>,
        /// One JSON object a line instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Who did what to whom: the stored PLOVER events, each told by one or more documents
    /// (reports of one event merged; copies of a story count once), earliest first.
    Events {
        #[command(flatten)]
        filter: EventFilterArgs,
        /// One JSON object a line (an event with every field and its reports) instead of a
        /// table.
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
        /// Print peak memory to stderr at the end.
        #[arg(long)]
        stats: bool,
        /// Annotate each document too, as ingest does, and write its annotations whole (as
        /// `annotations`) with it: the map step whose records `sinew load` stores.
        #[arg(long)]
        annotate: bool,
    },
    /// Store the records of a map step (`sinew extract [--annotate]` output, as JSON Lines or
    /// as Parquet with the record in a `record` column) as ingest would: idempotently, with
    /// near-duplicates found across everything loaded and stored, then analysed.
    Load {
        /// JSON Lines or Parquet files, or folders of them (a Spark output folder: its
        /// `part-*` files in name order); `-` reads JSON Lines on stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Raise no alerts (contradicted figures, new flows) for the new documents.
        #[arg(long)]
        no_alerts: bool,
    },
    /// Annotate text from stdin (one document a line, or JSON Lines with `text` and
    /// `published`) without touching a store: one JSON object a line.
    Annotate {
        /// Layers to output, comma-separated: entities,quantities,times,claims,events.
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
    /// The figures ledger: claims about the same figure across sources, side by side, with
    /// agreement, conflict and updates over time, each explained in one line.
    Ledger {
        #[command(flatten)]
        filter: LedgerFilterArgs,
        /// One JSON object a line (a group with its claims) instead of a table; same as
        /// `--format json`.
        #[arg(long)]
        json: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = LedgerFormat::Table)]
        format: LedgerFormat,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The network the stored figures describe: actors, flows by kind with volumes over time,
    /// dependency shares. GraphML and GEXF open in Gephi.
    Graph {
        /// Output format.
        #[arg(long, value_enum, default_value_t = GraphFormat::Json)]
        format: GraphFormat,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Roll companies, armed forces and people up to the states they belong to.
        #[arg(long)]
        by_state: bool,
    },
    /// What if a flow were cut or scaled: the dependencies on it, and which fall below a
    /// threshold.
    Whatif {
        /// The supplier (canonical name).
        #[arg(long)]
        from: String,
        /// The recipient (canonical name).
        #[arg(long)]
        to: String,
        /// Only this kind of flow (arms, dual-use, trade, energy, food, technology, people,
        /// political, other); every kind when absent.
        #[arg(long, value_parser = parse_kind)]
        kind: Option<sinew_engine::FlowKind>,
        /// What is left of the flow: 0 cuts it (the default), 0.5 halves it.
        #[arg(long, default_value_t = 0.0, value_parser = parse_factor)]
        scale: f64,
        /// Report dependencies whose supply left falls below this percentage.
        #[arg(long, default_value_t = 50.0)]
        threshold: f64,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout, e.g.
    /// `sinew completions bash > ~/.local/share/bash-completion/completions/sinew`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to stdout, e.g. `sinew man | man -l -`; with `--dir`,
    /// write `sinew.1` and one page per command (`sinew-ingest.1`, ...) there instead.
    Man {
        /// Folder to write the pages to.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Serve the analyst's workbench (web pages with JSON twins under /api/) over the store.
    /// Reads are open; writes (POST /api/ingest) need `Authorization: Bearer $SINEW_TOKEN`.
    /// An address beyond loopback is refused unless SINEW_TOKEN is set.
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
        addr: std::net::SocketAddr,
    },
    /// Write the cited briefing over the stored documents: key judgments, sections by theme,
    /// figures, timeline, glossary, sources weighed, and a note for every citation.
    Report {
        /// Output file; `.html` gives self-contained HTML, `.json` the briefing's structure,
        /// anything else Markdown (unless --format says).
        #[arg(short, long)]
        output: PathBuf,
        /// Output format; by default read from the output's extension.
        #[arg(long, value_enum)]
        format: Option<ReportFormatArg>,
        /// Title of the briefing.
        #[arg(long)]
        title: Option<String>,
        /// Only documents published on or after this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        since: Option<NaiveDate>,
        /// Only what names this entity (its canonical name, e.g. "North Korea").
        #[arg(long)]
        entity: Option<String>,
        /// Only this theme: arms, dual-use, energy, food, trade, sanctions, pacts, military
        /// (a theme's name or a word of it).
        #[arg(long)]
        topic: Option<String>,
    },
    /// Build the search index beside the store (`<db>.search/`) from every stored document;
    /// ingest keeps it current after that.
    Index,
    /// Copy a SQLite store whole into an empty PostgreSQL store (documents, annotations,
    /// analysis, alerts, ingest runs and alert rules), in one transaction.
    Migrate {
        /// The SQLite file to copy (opened read-only; it must be of this Sinew's schema).
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// The PostgreSQL store to fill (postgres://...); created when absent, refused when
        /// it holds anything.
        #[arg(long, value_name = "URL")]
        to: String,
    },
    /// What the store holds, the last ingest run, and the inputs ingest could not read
    /// (newest first, with the error and the run).
    Status {
        /// Failed inputs to list at most.
        #[arg(long, default_value_t = 20, value_name = "N")]
        failures: usize,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search the stored documents (or sentences): words, "quoted phrases", AND, OR, -word;
    /// hits with the matched words marked, and counts by source, entity, country and month.
    Search {
        /// The query; every word must match unless OR says otherwise.
        query: String,
        /// Find sentences instead of documents.
        #[arg(long)]
        sentences: bool,
        /// Only documents from this outlet (repeat for any of several).
        #[arg(long, value_name = "S")]
        source: Vec<String>,
        /// Only documents naming this entity: its canonical name in any case, or an alias
        /// (repeat for any of several).
        #[arg(long, value_name = "E")]
        entity: Vec<String>,
        /// Only documents about this country, by ISO 3166-1 alpha-3 code (repeat for any of
        /// several).
        #[arg(long, value_name = "C")]
        country: Vec<String>,
        /// Only documents published on or after this date (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date, value_name = "D")]
        from: Option<NaiveDate>,
        /// Only documents published on or before this date (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date, value_name = "D")]
        to: Option<NaiveDate>,
        /// Hits to show.
        #[arg(long, default_value_t = 10, value_name = "N")]
        limit: usize,
        /// The results (hits with snippets and marks as byte spans, total, facets) as one
        /// JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Which ledger groups to show.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct LedgerFilterArgs {
    /// Only groups whose subject or object is this entity (a canonical name in any case, or
    /// an alias such as "DPRK"); a name that matches nothing suggests the nearest.
    #[arg(long)]
    pub(crate) entity: Option<String>,
    /// Only groups whose measure, unit or concept has all these words ("trade",
    /// "containers", "share").
    #[arg(long)]
    pub(crate) measure: Option<String>,
    /// Only groups dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD); undated groups
    /// are left out when a time filter is given.
    #[arg(long, value_parser = parse_from)]
    pub(crate) from: Option<NaiveDate>,
    /// Only groups dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = parse_to)]
    pub(crate) to: Option<NaiveDate>,
    /// Only groups with this verdict.
    #[arg(long, value_enum)]
    pub(crate) verdict: Option<VerdictArg>,
    /// Only groups with at least this many independent sources (near-duplicates count once).
    #[arg(long, default_value_t = 0)]
    pub(crate) min_sources: usize,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum VerdictArg {
    /// Two or more independent sources agree within rounding and qualifiers.
    Agree,
    /// The sources contradict each other.
    Conflict,
    /// A running total that later reports update (or its own source revised down).
    Update,
    /// One independent source: nothing confirms or contradicts it.
    Single,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set (CLICOLOR_FORCE forces it).
    Auto,
    /// Always, even into a pipe or file.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LedgerFormat {
    /// A readable listing.
    Table,
    /// JSON Lines: one group a line, with its claims.
    Json,
    /// CSV: one claim a row, with its group's fields.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum GraphFormat {
    /// One JSON object: actors, flows with volumes and claims, dependencies.
    Json,
    /// GraphML (Gephi, yEd, NetworkX).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ExportWhat {
    /// Every stored document: metadata and clean text, in ingest order.
    Documents {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Every stored claim.
    Claims {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The events (filters as in `sinew events`).
    Events {
        #[command(flatten)]
        filter: EventFilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = EventsExportFormat::Jsonl)]
        format: EventsExportFormat,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The figures ledger (every group; filters as in `sinew ledger`).
    Ledger {
        #[command(flatten)]
        filter: LedgerFilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = LedgerExportFormat::Csv)]
        format: LedgerExportFormat,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The entities named in stored documents (as `sinew entities --json`).
    Entities {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The network's flows with their figures (as `sinew graph --format json` has them).
    Flows {
        /// Flows between states: each actor replaced by the state it belongs to.
        #[arg(long)]
        by_state: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// FollowTheMoney entities (JSON Lines) for Aleph and the `ftm` tools.
    ///
    /// People, organisations, companies, public bodies (states too), payments, sanctions,
    /// events and goods flows (UnknownLink), one entity a line; each value is traced to the
    /// words that say it in `provenance` (property -> value -> `DOC#START-END`).
    Ftm {
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Which events `sinew events` and `sinew export events` show.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct EventFilterArgs {
    /// Only events this entity is an actor of (a canonical name in any case, or an alias such
    /// as "DPRK"); a country also matches its people and bodies ("Putin" for Russia).
    #[arg(long)]
    pub(crate) entity: Option<String>,
    /// Only events dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD); undated events
    /// are left out when a time filter is given.
    #[arg(long, value_parser = parse_from)]
    pub(crate) from: Option<NaiveDate>,
    /// Only events dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = parse_to)]
    pub(crate) to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum EventsExportFormat {
    /// JSON Lines, one event a line with its reports.
    Jsonl,
    /// CSV, one report a row, with its event's fields.
    Csv,
    /// Apache Parquet: the CSV's rows and columns, typed.
    Parquet,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    /// JSON Lines, one record a line.
    Jsonl,
    /// Apache Parquet: one flat table, typed columns (needs --output or a redirected stdout).
    Parquet,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum LedgerExportFormat {
    /// JSON Lines, one group a line.
    Jsonl,
    /// CSV, one claim a row.
    Csv,
    /// Apache Parquet: the CSV's rows and columns, typed.
    Parquet,
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
    /// PLOVER events: who did what to whom, when, by whose account.
    Events,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a YYYY-MM-DD date: {e}"))
}

/// The first day of a year, month or day.
fn parse_from(s: &str) -> Result<NaiveDate, String> {
    parse_partial(s).map(|(start, _)| start)
}

/// The last day of a year, month or day.
fn parse_to(s: &str) -> Result<NaiveDate, String> {
    parse_partial(s).map(|(_, end)| end)
}

/// A YYYY, YYYY-MM or YYYY-MM-DD date as its first and last day.
fn parse_partial(s: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("{s:?} is not a YYYY, YYYY-MM or YYYY-MM-DD date");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    match parts.as_slice() {
        [y] => {
            let y = num(y)? as i32;
            let start = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?;
            let end = NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?;
            Ok((start, end))
        }
        [y, m] => {
            let (y, m) = (num(y)? as i32, num(m)?);
            let start = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            let end = next.and_then(|n| n.pred_opt()).ok_or_else(bad)?;
            Ok((start, end))
        }
        [_, _, _] => parse_date(s).map(|d| (d, d)),
        _ => Err(bad()),
    }
}

fn parse_kind(s: &str) -> Result<sinew_engine::FlowKind, String> {
    sinew_engine::FlowKind::parse(s).ok_or_else(|| {
        let names: Vec<&str> = sinew_engine::FlowKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        format!("{s:?} is not a kind of flow; one of {}", names.join(", "))
    })
}

fn parse_factor(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err(format!("{s:?} is not a share between 0 and 1")),
    }
}

/// Output formats of `sinew report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ReportFormatArg {
    /// Markdown, each citation naming document, date and words.
    Markdown,
    /// One self-contained HTML file; each citation opens its sentence with the span marked.
    Html,
    /// The briefing's structure (sections, sentences, citations) for other tools.
    Json,
}
