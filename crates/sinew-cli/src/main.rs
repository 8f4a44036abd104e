//! `sinew`: the command line. Thin: it parses flags, hands each command to its module under
//! `cmd/` (which calls sinew-engine and prints), and turns the result into an exit code.

mod args;
mod cells;
mod cmd;
mod csv;
mod graph;
mod json;
mod names;
mod parquet;
mod table;
mod ui;

use std::process::ExitCode;

use anyhow::Result;
use args::{Cli, Command, ExportWhat, LedgerExportFormat, LedgerFormat};
use clap::Parser;

/// mimalloc rather than glibc's allocator: the server's searches and pages allocate and free
/// many short-lived buffers from many threads, where glibc's malloc, free and its
/// consolidation took a fifth of the CPU (ARCHITECTURE.md, "Why mimalloc").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let db = cli.db.as_deref();
    let ui = ui::Ui::detect(cli.quiet, cli.color);
    match cli.command {
        Command::Ingest {
            paths,
            published,
            format,
            threads,
            stats,
            no_alerts,
            defer_analysis,
        } => cmd::ingest::run(
            db,
            &ui,
            cmd::ingest::IngestArgs {
                paths,
                published,
                format,
                threads,
                stats,
                no_alerts,
                defer_analysis,
            },
        ),
        Command::Claims { entity, json } => cmd::claims::run(db, entity.as_deref(), json, &ui),
        Command::Export {
            what: ExportWhat::Claims { format, output },
        } => cmd::export::claims(db, format, output.as_deref()),
        Command::Export {
            what: ExportWhat::Documents { format, output },
        } => cmd::export::documents(db, format, output.as_deref()),
        Command::Export {
            what: ExportWhat::Entities { format, output },
        } => cmd::export::entities(db, format, output.as_deref()),
        Command::Export {
            what:
                ExportWhat::Flows {
                    by_state,
                    format,
                    output,
                },
        } => cmd::export::flows(
            db,
            &sinew_engine::NetworkConfig { by_state },
            format,
            output.as_deref(),
        ),
        Command::Export {
            what: ExportWhat::Ftm { output },
        } => cmd::ftm::export(db, output.as_deref()),
        Command::Events { filter, json } => cmd::events::run(db, &filter, json, &ui),
        Command::Export {
            what:
                ExportWhat::Events {
                    filter,
                    format,
                    output,
                },
        } => cmd::events::export(db, &filter, format, output.as_deref()),
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
                LedgerExportFormat::Parquet => {
                    return cmd::export::ledger_parquet(db, &filter, output.as_deref())
                }
            };
            cmd::ledger::run(db, &filter, format, output.as_deref(), &ui)
        }
        Command::Ledger {
            filter,
            json,
            format,
            output,
        } => {
            let format = if json { LedgerFormat::Json } else { format };
            cmd::ledger::run(db, &filter, format, output.as_deref(), &ui)
        }
        Command::Entities { json } => cmd::entities::run(db, json, &ui),
        Command::Extract {
            paths,
            format,
            published,
            stats,
            annotate,
        } => cmd::extract::run(&paths, format, published, stats, annotate, &ui),
        Command::Load { paths, no_alerts } => cmd::load::run(db, &ui, &paths, no_alerts),
        Command::Annotate { layers, published } => cmd::annotate::run(&layers, published),
        Command::Alerts { json } => cmd::alerts::run(db, json),
        Command::Reanalyse => cmd::alerts::reanalyse(db, &ui),
        Command::Graph {
            format,
            output,
            by_state,
        } => cmd::network::graph(
            db,
            format,
            output.as_deref(),
            &sinew_engine::NetworkConfig { by_state },
        ),
        Command::Whatif {
            from,
            to,
            kind,
            scale,
            threshold,
            json,
        } => {
            let cut = sinew_engine::Cut {
                from,
                to,
                kind,
                factor: scale,
            };
            cmd::network::what_if(db, &cut, threshold, json, &ui)
        }
        Command::Report {
            output,
            format,
            title,
            since,
            entity,
            topic,
        } => {
            let focus = cmd::report::Focus {
                since,
                entity,
                topic,
            };
            cmd::report::run(db, &output, format, title, focus, &ui)
        }
        Command::Serve { addr } => cmd::serve::run(db, addr, &ui),
        Command::Index => cmd::search::index(db, &ui),
        Command::Migrate { from, to } => cmd::migrate::run(&from, &to, &ui),
        Command::Status { failures, json } => cmd::status::run(db, failures, json),
        Command::Search {
            query,
            sentences,
            source,
            entity,
            country,
            from,
            to,
            limit,
            json,
        } => cmd::search::search(
            db,
            &ui,
            cmd::search::SearchArgs {
                query,
                sentences,
                sources: source,
                entities: entity,
                countries: country,
                from,
                to,
                limit,
                json,
            },
        ),
        Command::Completions { shell } => cmd::docs::completions(shell),
        Command::Man { dir } => cmd::docs::man(dir.as_deref(), &ui),
    }
}
