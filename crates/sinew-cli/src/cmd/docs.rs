//! `sinew completions SHELL` and `sinew man`: the shell completion scripts and manual pages,
//! generated from the same clap definitions that parse the flags, so they never drift.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::args::Cli;
use crate::ui::Ui;

pub(crate) fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut cmd, "sinew", &mut out);
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn man(dir: Option<&Path>, ui: &Ui) -> Result<ExitCode> {
    let cmd = Cli::command();
    match dir {
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(cmd).render(&mut out)?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            clap_mangen::generate_to(cmd, dir)
                .with_context(|| format!("writing manual pages to {}", dir.display()))?;
            if !ui.quiet {
                eprintln!("wrote manual pages to {}", dir.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
