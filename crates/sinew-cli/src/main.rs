//! `sinew`: the command line. Thin: it parses flags, calls sinew-engine and prints.

mod args;
mod csv;
mod graph;
mod json;
mod table;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use args::{
    Cli, Command, ExportFormat, ExportWhat, GraphFormat, InputFormat, Layer, LedgerExportFormat,
    LedgerFilterArgs, LedgerFormat, VerdictArg,
};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use sinew_engine::{
    BriefingConfig, Engine, Format, IngestOptions, IngestSummary, LedgerFilter, Progress,
    ReportFormat, Verdict,
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("sinew: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest {
            paths,
            published,
            format,
            threads,
            stats,
            no_alerts,
        } => {
            let engine = open(cli.db.as_deref())?;
            let opts = IngestOptions {
                published,
                threads,
                alerts: !no_alerts,
                ..IngestOptions::default()
            };
            let summary = if paths.len() == 1 && paths[0] == Path::new("-") {
                engine.ingest_reader("stdin", std::io::stdin(), input_format(format), &opts)?
            } else {
                ingest_with_progress(&engine, &paths, &opts)?
            };
            for e in &summary.errors {
                eprintln!("sinew: {e}");
            }
            // What changed goes to stdout, so that a watch on a folder can pass it on.
            let mut out = std::io::stdout().lock();
            for a in &summary.alerts {
                writeln!(out, "{}", a.message)?;
            }
            out.flush()?;
            print_summary(&summary);
            if stats {
                if let Some(kb) = peak_memory_kb() {
                    eprintln!("peak memory: {:.1} MB", kb as f64 / 1024.0);
                }
            }
            Ok(if summary.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Claims { entity, json } => {
            let engine = open_read_only(cli.db.as_deref())?;
            let claims = engine.claims(entity.as_deref())?;
            let mut out = std::io::stdout().lock();
            if json {
                for c in &claims {
                    writeln!(out, "{}", json::claim(c))?;
                }
            } else {
                table::claims(&mut out, &claims)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            what:
                ExportWhat::Claims {
                    format: ExportFormat::Jsonl,
                    output,
                },
        } => {
            let engine = open_read_only(cli.db.as_deref())?;
            let claims = engine.claims(None)?;
            let mut out = output_to(output.as_deref())?;
            for c in &claims {
                writeln!(out, "{}", json::claim(c))?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            what:
                ExportWhat::Ledger {
                    filter,
                    format,
                    output,
                },
        } => {
            let format = match format {
                LedgerExportFormat::Jsonl => LedgerFormat::Json,
                LedgerExportFormat::Csv => LedgerFormat::Csv,
            };
            ledger(cli.db.as_deref(), &filter, format, output.as_deref())
        }
        Command::Ledger {
            filter,
            json,
            format,
            output,
        } => {
            let format = if json { LedgerFormat::Json } else { format };
            ledger(cli.db.as_deref(), &filter, format, output.as_deref())
        }
        Command::Entities { json } => {
            let engine = open_read_only(cli.db.as_deref())?;
            let entities = engine.entities()?;
            let mut out = std::io::stdout().lock();
            if json {
                for e in &entities {
                    writeln!(out, "{}", json::entity(e))?;
                }
            } else {
                table::entities(&mut out, &entities)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            paths,
            format,
            published,
            stats,
        } => {
            let code = extract(&paths, format, published)?;
            if stats {
                if let Some(kb) = peak_memory_kb() {
                    eprintln!("peak memory: {:.1} MB", kb as f64 / 1024.0);
                }
            }
            Ok(code)
        }
        Command::Annotate { layers, published } => annotate(&layers, published),
        Command::Alerts { json } => {
            let engine = open(cli.db.as_deref())?;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for a in engine.alerts()? {
                if json {
                    writeln!(out, "{}", json::alert(&a))?;
                } else {
                    writeln!(out, "{}  {}", a.stored.raised_at, a.stored.alert.message)?;
                }
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Graph { format, output } => {
            let engine = open_read_only(cli.db.as_deref())?;
            let view = engine.network()?;
            let mut out = output_to(output.as_deref())?;
            match format {
                GraphFormat::Json => {
                    let n = json::network(&view.network, &view.claims, &view.tie_words);
                    writeln!(out, "{n}")?
                }
                GraphFormat::Graphml => graph::graphml(&mut out, &view)?,
                GraphFormat::Gexf => graph::gexf(&mut out, &view)?,
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Whatif {
            from,
            to,
            kind,
            scale,
            threshold,
            json,
        } => {
            let engine = open_read_only(cli.db.as_deref())?;
            let cut = sinew_engine::Cut {
                from,
                to,
                kind,
                factor: scale,
            };
            let (w, claims) = engine.what_if(&cut, threshold)?;
            let mut out = std::io::stdout().lock();
            if json {
                writeln!(out, "{}", json::what_if(&w, &claims))?;
            } else {
                table::what_if(&mut out, &w, &claims)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { output, title } => {
            let engine = open_read_only(cli.db.as_deref())?;
            let format = match output.extension().and_then(|e| e.to_str()) {
                Some(e) if e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm") => {
                    ReportFormat::Html
                }
                _ => ReportFormat::Markdown,
            };
            let config = BriefingConfig {
                title,
                ..BriefingConfig::default()
            };
            let text = engine.report(format, &config)?;
            std::fs::write(&output, text)
                .with_context(|| format!("writing {}", output.display()))?;
            eprintln!("wrote {}", output.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A buffered writer to `path`, or to stdout.
fn output_to(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

fn ledger_filter(f: &LedgerFilterArgs) -> LedgerFilter {
    LedgerFilter {
        entity: f.entity.clone(),
        measure: f.measure.clone(),
        from: f.from,
        to: f.to,
        verdict: f.verdict.map(|v| match v {
            VerdictArg::Agree => Verdict::Agree,
            VerdictArg::Conflict => Verdict::Conflict,
            VerdictArg::Update => Verdict::Update,
        }),
        min_sources: f.min_sources,
    }
}

fn ledger(
    db: Option<&Path>,
    filter: &LedgerFilterArgs,
    format: LedgerFormat,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let engine = open_read_only(db)?;
    let view = engine.ledger(&ledger_filter(filter))?;
    let mut out = output_to(output)?;
    let groups = &view.ledger.groups;
    match format {
        LedgerFormat::Table => table::ledger(&mut out, groups, &view.claims)?,
        LedgerFormat::Json => {
            for g in groups {
                writeln!(out, "{}", json::ledger_group(g, &view.claims))?;
            }
        }
        LedgerFormat::Csv => csv::ledger(&mut out, groups, &view.claims)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn default_db() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("SINEW_DB") {
        return Ok(PathBuf::from(p));
    }
    let Some(dir) = dirs::data_dir() else {
        bail!("no user data directory on this system: pass --db FILE or set SINEW_DB");
    };
    Ok(dir.join("sinew").join("sinew.db"))
}

/// Opens the store for ingest (created when absent).
fn open(db: Option<&Path>) -> Result<Engine> {
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => default_db()?,
    };
    Ok(Engine::open(&path)?)
}

/// Opens the store for a read command: writes nothing, waits for no ingest, and a missing
/// store is an error naming it.
fn open_read_only(db: Option<&Path>) -> Result<Engine> {
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => default_db()?,
    };
    Ok(Engine::open_read_only(&path)?)
}

fn input_format(f: InputFormat) -> Format {
    match f {
        InputFormat::Auto => Format::Auto,
        InputFormat::Text => Format::Text,
        InputFormat::Html => Format::Html,
        InputFormat::Jsonl => Format::Jsonl,
        InputFormat::Warc => Format::Warc,
        InputFormat::Feed => Format::Feed,
    }
}

fn ingest_with_progress(
    engine: &Engine,
    paths: &[PathBuf],
    opts: &IngestOptions,
) -> Result<IngestSummary> {
    let bar = ProgressBar::hidden();
    let mut on_progress = |p: &Progress| match p {
        Progress::Started { bytes, .. } => {
            if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.set_length(*bytes);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {wide_msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
        }
        Progress::Input { name, bytes } => {
            bar.inc(*bytes);
            bar.set_message(name.clone());
        }
    };
    let summary = engine.ingest_paths(paths, opts, &mut on_progress)?;
    bar.finish_and_clear();
    Ok(summary)
}

fn print_summary(s: &IngestSummary) {
    let secs = s.elapsed.as_secs_f64();
    let mb = s.bytes as f64 / 1e6;
    eprintln!(
        "ingested {} input{} ({:.2} MB) in {:.2} s ({:.1} MB/s): {} document{}, {} new, {} already stored, {} near-duplicate{} of earlier ones, {} claims; {} skipped (not articles), {} failed; {} alert{}",
        s.files,
        if s.files == 1 { "" } else { "s" },
        mb,
        secs,
        if secs > 0.0 { mb / secs } else { 0.0 },
        s.documents,
        if s.documents == 1 { "" } else { "s" },
        s.inserted,
        s.already_stored,
        s.near_duplicates,
        if s.near_duplicates == 1 { "" } else { "s" },
        s.claims,
        s.skipped,
        s.errors.len(),
        s.alerts.len(),
        if s.alerts.len() == 1 { "" } else { "s" },
    );
}

/// Peak resident memory of this process (Linux), in kB.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn extract(
    paths: &[PathBuf],
    format: InputFormat,
    published: Option<chrono::NaiveDate>,
) -> Result<ExitCode> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let stdin = paths.is_empty() || (paths.len() == 1 && paths[0] == Path::new("-"));
    let mut failed = false;
    let mut emit = |doc: sinew_types::Document| -> std::io::Result<()> {
        writeln!(out, "{}", json::document(&doc))
    };
    let summary = if stdin {
        let format = input_format(format);
        sinew_engine::extract_reader("stdin", std::io::stdin(), format, published, &mut emit)?
    } else {
        sinew_engine::extract_paths(paths, published, &mut emit)?
    };
    for e in &summary.errors {
        eprintln!("sinew: {e}");
        failed = true;
    }
    if summary.skipped > 0 {
        eprintln!(
            "sinew: skipped {} record{} that hold no article",
            summary.skipped,
            if summary.skipped == 1 { "" } else { "s" }
        );
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn annotate(layers: &[Layer], published: Option<chrono::NaiveDate>) -> Result<ExitCode> {
    if layers.contains(&Layer::Events) {
        eprintln!("sinew: the events layer is not available yet (planned: PLOVER events); use entities,quantities,times,claims");
        return Ok(ExitCode::from(2));
    }
    let set = json::LayerSet {
        entities: layers.contains(&Layer::Entities),
        quantities: layers.contains(&Layer::Quantities),
        times: layers.contains(&Layer::Times),
        claims: layers.contains(&Layer::Claims),
    };
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for (n, line) in stdin.lines().enumerate() {
        let line = line.with_context(|| format!("reading stdin line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let name = format!("stdin#{}", n + 1);
        let doc = match sinew_engine::document_from_line(&name, &line, published) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("sinew: {name}: {e}");
                writeln!(out, "{}", serde_json::json!({"error": e}))?;
                failed = true;
                continue;
            }
        };
        let ann = sinew_engine::annotate_with(&doc, set.stages());
        serde_json::to_writer(&mut out, &json::annotations(&doc, &ann, set))?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
