//! `cargo xtask demo`: the README's main job. Builds `sinew`, ingests the sample corpus into
//! an embedded SQLite store and writes its briefing as Markdown and HTML.

use std::process::Command;

use anyhow::{bail, Context, Result};

pub(crate) fn run() -> Result<()> {
    let root = crate::root();
    let sinew = crate::release_sinew()?;
    let out = root.join("demo");
    std::fs::create_dir_all(&out)?;
    let db = out.join("sinew.db");
    let sample = root.join("corpus/sample");
    let steps: [&[&str]; 4] = [
        &["ingest"],
        &["ledger"],
        &["report", "-o"],
        &["report", "-o"],
    ];
    for (i, step) in steps.iter().enumerate() {
        let mut cmd = Command::new(&sinew);
        cmd.arg("--db").arg(&db).args(*step);
        match i {
            0 => {
                cmd.arg(&sample);
            }
            2 => {
                cmd.arg(out.join("briefing.md"));
            }
            3 => {
                cmd.arg(out.join("briefing.html"));
            }
            _ => {}
        }
        let status = cmd
            .status()
            .with_context(|| format!("running {}", sinew.display()))?;
        if !status.success() {
            bail!("sinew {} failed", step.join(" "));
        }
    }
    println!(
        "\nstore: {}\nbriefing: {} and {}",
        db.display(),
        out.join("briefing.md").display(),
        out.join("briefing.html").display()
    );
    Ok(())
}
