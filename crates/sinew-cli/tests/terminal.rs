//! What a user sees at a terminal: tables that fit its width, documents told apart, colour
//! that respects NO_COLOR, `--quiet`, "no alerts", entity suggestions and aliases, shell
//! completions, the manual page, and CSV cells a spreadsheet cannot run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use unicode_width::UnicodeWidthStr;

use crate::{json_lines, run, stderr, ARTICLE};

/// `sinew --db DB` with none of the environment that changes how output looks.
fn plain(db: &Path) -> Command {
    let mut cmd = crate::sinew(db);
    for var in ["COLUMNS", "NO_COLOR", "CLICOLOR_FORCE", "TERM"] {
        cmd.env_remove(var);
    }
    cmd
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn ok(o: Output) -> Output {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    o
}

/// Two files called `index.txt` in different folders stating different trade figures, one
/// file with a CJK name, and one whose name a spreadsheet would run as a formula.
fn corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("site");
    for sub in ["world", "asia"] {
        std::fs::create_dir_all(corpus.join(sub)).unwrap();
    }
    std::fs::write(
        corpus.join("world/index.txt"),
        "Published March 1, 2024\n\nTrade between China and Russia reached $240 billion in \
         2023, the Chinese customs office said.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("asia/index.txt"),
        "Published March 5, 2024\n\nTrade between China and Russia reached $300 billion in \
         2023, according to a Moscow think tank.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("朝鲜向俄罗斯运送集装箱的长篇报道.txt"),
        format!("Published June 21, 2024\n\n{ARTICLE}"),
    )
    .unwrap();
    std::fs::write(
        corpus.join("=HYPERLINK(1).txt"),
        "Published May 2, 2024\n\nNorth Korea has shipped more than 11,000 containers to \
         Russia since August 2023, the US State Department said.\n",
    )
    .unwrap();
    corpus
}

fn ingested(dir: &Path) -> PathBuf {
    let db = dir.join("t.db");
    ok(run(plain(&db).arg("ingest").arg(corpus(dir))));
    db
}

/// Display width of the widest line.
fn widest(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[test]
fn tables_fit_80_columns_in_a_pipe_and_the_width_columns_gives() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    for command in ["claims", "ledger", "entities"] {
        let default = stdout(&ok(run(plain(&db).arg(command))));
        assert!(widest(&default) <= 80, "{command} in a pipe:\n{default}");
        assert!(default.lines().count() > 2, "{command}:\n{default}");
        let narrow = stdout(&ok(run(plain(&db).env("COLUMNS", "50").arg(command))));
        assert!(widest(&narrow) <= 50, "{command} at 50:\n{narrow}");
    }
    // A wide terminal shows what 80 columns leave out.
    let wide = stdout(&ok(run(plain(&db).env("COLUMNS", "200").arg("claims"))));
    assert!(widest(&wide) > 80 && widest(&wide) <= 200, "{wide}");
    assert!(wide.contains("according to"), "{wide}");
    let default = stdout(&ok(run(plain(&db).arg("claims"))));
    assert!(
        default.contains("not shown at 80 columns") && default.contains("according to"),
        "the footer names the columns left out:\n{default}"
    );
    // The CJK name takes two columns a character and is cut to fit, never past it.
    assert!(default.contains('朝') && default.contains('…'), "{default}");
}

#[test]
fn two_files_with_the_same_name_are_told_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let table = stdout(&ok(run(plain(&db).env("COLUMNS", "200").arg("claims"))));
    let mut names: Vec<&str> = table
        .split_whitespace()
        .filter(|w| w.starts_with("index.txt#"))
        .collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 2, "{table}");
    let ledger = stdout(&ok(run(plain(&db).arg("ledger"))));
    for name in &names {
        assert!(ledger.contains(name), "{name} in\n{ledger}");
    }
    // The JSON contract keeps the plain file name.
    let claims = json_lines(&ok(run(plain(&db).args(["claims", "--json"]))));
    assert!(claims.iter().any(|c| c["doc"] == "index.txt"), "{claims:?}");
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let esc = |cmd: &mut Command| stdout(&ok(run(cmd.arg("ledger")))).contains('\x1b');
    assert!(!esc(&mut plain(&db)), "no colour into a pipe");
    assert!(esc(plain(&db).args(["--color", "always"])));
    assert!(esc(plain(&db).env("CLICOLOR_FORCE", "1")));
    assert!(!esc(plain(&db)
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")));
    assert!(!esc(plain(&db)
        .env("CLICOLOR_FORCE", "1")
        .args(["--color", "never"])));
    // Colour never changes what JSON says.
    let json = stdout(&ok(run(
        plain(&db).args(["--color", "always", "ledger", "--json"])
    )));
    assert!(!json.contains('\x1b'), "{json}");
}

#[test]
fn quiet_silences_stderr_on_success() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("q.db");
    let corpus = corpus(tmp.path());
    let loud = ok(run(plain(&db).arg("ingest").arg(&corpus)));
    assert!(stderr(&loud).contains("ingested"), "{}", stderr(&loud));
    let db = tmp.path().join("q2.db");
    let quiet = ok(run(plain(&db).args(["--quiet", "ingest"]).arg(&corpus)));
    assert_eq!(stderr(&quiet), "");
    let report = tmp.path().join("b.md");
    let quiet = ok(run(plain(&db).args(["-q", "report", "-o"]).arg(&report)));
    assert_eq!(stderr(&quiet), "");
    assert!(report.exists());
    // Errors still speak.
    let missing = run(plain(&db)
        .args(["-q", "ingest"])
        .arg(tmp.path().join("nowhere.txt")));
    assert_ne!(missing.status.code(), Some(0));
    assert!(
        stderr(&missing).contains("nowhere.txt"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn alerts_on_a_store_without_any_say_so() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("a.db");
    let one = tmp.path().join("one.txt");
    std::fs::write(&one, format!("Published June 21, 2024\n\n{ARTICLE}")).unwrap();
    ok(run(plain(&db).args(["ingest", "--no-alerts"]).arg(&one)));
    assert_eq!(stdout(&ok(run(plain(&db).arg("alerts")))), "no alerts\n");
    assert_eq!(stdout(&ok(run(plain(&db).args(["alerts", "--json"])))), "");
}

#[test]
fn entities_accept_aliases_and_suggest_the_nearest_names() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let count = |args: &[&str]| json_lines(&ok(run(plain(&db).args(args)))).len();
    let by_name = count(&["claims", "--json", "--entity", "North Korea"]);
    assert!(by_name > 0);
    assert_eq!(count(&["claims", "--json", "--entity", "DPRK"]), by_name);
    assert_eq!(
        count(&["claims", "--json", "--entity", "north korea"]),
        by_name
    );
    assert_eq!(count(&["ledger", "--json", "--entity", "dprk"]), 1);

    let typo = run(plain(&db).args(["claims", "--entity", "Nrth Korae"]));
    assert_eq!(typo.status.code(), Some(1));
    let err = stderr(&typo);
    assert!(
        err.contains("\"Nrth Korae\"") && err.contains("nearest: North Korea"),
        "{err}"
    );
    let partial = stderr(&run(plain(&db).args(["ledger", "--entity", "Korea"])));
    assert!(partial.contains("North Korea"), "{partial}");
    let unknown = run(plain(&db).args(["claims", "--entity", "Atlantis"]));
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("\"Atlantis\""),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn completions_name_the_subcommands_for_each_shell() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("unused.db");
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&ok(run(plain(&db).args(["completions", shell]))));
        for sub in ["ingest", "ledger", "whatif", "completions", "quiet"] {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
    }
    let bad = run(plain(&db).args(["completions", "cmd.exe"]));
    assert_eq!(bad.status.code(), Some(2));
    assert!(!db.exists(), "completions touch no store");
}

#[test]
fn the_manual_page_renders() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("unused.db");
    let page = stdout(&ok(run(plain(&db).arg("man"))));
    assert!(
        page.starts_with(".ie") || page.contains(".TH sinew"),
        "{page}"
    );
    for part in [".SH NAME", ".SH SYNOPSIS", "ingest", "ledger", "NO_COLOR"] {
        assert!(page.contains(part), "the page lacks {part}");
    }
    let dir = tmp.path().join("man");
    ok(run(plain(&db).args(["--quiet", "man", "--dir"]).arg(&dir)));
    for name in ["sinew.1", "sinew-ingest.1", "sinew-ledger.1"] {
        assert!(dir.join(name).exists(), "{name} in {dir:?}");
    }
    // Rendered as `man` would: needs groff, which not every machine has.
    let groff = Command::new("groff")
        .args(["-man", "-Tutf8"])
        .arg(dir.join("sinew.1"))
        .output();
    match groff {
        Ok(out) if out.status.success() => {
            let text = stdout(&out);
            assert!(text.contains("sinew") && text.contains("ingest"), "{text}");
        }
        _ => println!("skipped: rendering the manual page needs groff, not found"),
    }
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let csv = stdout(&ok(run(plain(&db).args(["ledger", "--format", "csv"]))));
    assert!(csv.contains(",'=HYPERLINK(1).txt,"), "{csv}");
    for line in csv.lines() {
        for cell in line.split(',') {
            assert!(
                !cell.starts_with(['=', '@', '+']) && !cell.starts_with("\"="),
                "{cell} in {line}"
            );
        }
    }
}

/// The README's `cargo run --release -- ...` works at the root only while the workspace's
/// default members hold exactly one binary, `sinew` (a virtual workspace has no default-run).
#[test]
fn cargo_run_at_the_root_has_one_binary_to_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = ok(run(Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(&root)));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let default: Vec<&str> = meta["workspace_default_members"]
        .as_array()
        .expect("cargo metadata lists the default members")
        .iter()
        .filter_map(|id| id.as_str())
        .collect();
    let bins: Vec<&str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["id"].as_str().is_some_and(|id| default.contains(&id)))
        .flat_map(|p| p["targets"].as_array().unwrap())
        .filter(|t| t["kind"].as_array().unwrap().iter().any(|k| k == "bin"))
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(bins, ["sinew"]);
}

/// `sinew entities`: each entity with its type, other spellings, mention count and what the
/// articles say it is, in 80 columns; `--json` has every field, the description's citation
/// included.
#[test]
fn entities_list_aliases_and_descriptions() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("e.db");
    let file = tmp.path().join("minister.txt");
    std::fs::write(
        &file,
        "Published May 2, 2024\n\nAndrei Belousov, Russia's defence minister, visited a \
         plant in Tula. Belousov said output had doubled. Moscow wants more shells.\n",
    )
    .unwrap();
    ok(run(plain(&db).arg("ingest").arg(&file)));

    let table = stdout(&ok(run(plain(&db).arg("entities"))));
    assert!(widest(&table) <= 80, "{table}");
    let header = table.lines().next().unwrap_or("");
    for column in ["entity", "type", "mentions", "aliases", "description"] {
        assert!(header.contains(column), "{column} in {header}");
    }
    let belousov = table
        .lines()
        .find(|l| l.starts_with("Andrei Belousov"))
        .unwrap_or_else(|| panic!("a row for Belousov:\n{table}"));
    assert!(
        belousov.contains("person") && belousov.contains("Belousov"),
        "{belousov}"
    );
    assert!(belousov.contains("Russia's defence"), "{belousov}");
    let russia = table.lines().find(|l| l.starts_with("Russia")).unwrap();
    assert!(russia.contains("Moscow"), "an alias: {russia}");

    let rows = json_lines(&ok(run(plain(&db).args(["entities", "--json"]))));
    let row = rows
        .iter()
        .find(|r| r["canonical"] == "Andrei Belousov")
        .expect("Belousov in --json");
    assert_eq!(row["type"], "person");
    assert_eq!(row["mentions"], 2);
    let aliases: Vec<&str> = row["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["text"].as_str())
        .collect();
    assert_eq!(aliases.len(), 2, "{aliases:?}");
    assert!(aliases.contains(&"Belousov"), "{aliases:?}");
    let description = &row["description"];
    assert_eq!(description["text"], "Russia's defence minister");
    assert_eq!(description["doc"], "minister.txt");
    assert_eq!(description["count"], 1);
    let (start, end) = (
        description["start"].as_u64().unwrap(),
        description["end"].as_u64().unwrap(),
    );
    assert_eq!(end - start, "Russia's defence minister".len() as u64);
    assert!(row.get("sector").is_some(), "{row}");
}
