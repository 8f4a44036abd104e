//! `sinew ledger` and `sinew export ledger`: the JSON and CSV shapes, filters and usage errors.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{json_lines, run, sinew};

/// Four short articles: two contradict each other on 2023 trade, two count containers at
/// different times.
pub(crate) fn ledger_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("ledger");
    std::fs::create_dir_all(&corpus).unwrap();
    for (name, text) in [
        (
            "a.txt",
            "Published March 1, 2024\n\nTrade between China and Russia reached $240 billion in \
             2023, the Chinese customs office said.\n",
        ),
        (
            "b.txt",
            "Published March 5, 2024\n\nTrade between China and Russia reached $300 billion in \
             2023, according to a Moscow think tank.\n",
        ),
        (
            "c.txt",
            "Published January 10, 2024\n\nNorth Korea has shipped 6,700 containers to Russia \
             since August 2023.\n",
        ),
        (
            "d.txt",
            "Published May 2, 2024\n\nNorth Korea has shipped more than 11,000 containers to \
             Russia since August 2023, the US State Department said.\n",
        ),
    ] {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    corpus
}

fn ingested(dir: &Path) -> PathBuf {
    let db = dir.join("ledger.db");
    let corpus = ledger_corpus(dir);
    let out = run(sinew(&db).arg("ingest").arg(&corpus));
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    db
}

fn group<'a>(groups: &'a [Value], unit: &str) -> &'a Value {
    groups
        .iter()
        .find(|g| g["unit"] == unit)
        .unwrap_or_else(|| panic!("no {unit} group in {groups:?}"))
}

#[test]
fn ledger_json_has_the_contract_fields() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let groups = json_lines(&run(sinew(&db).args(["ledger", "--json"])));
    assert_eq!(groups.len(), 2, "{groups:?}");
    for g in &groups {
        for key in [
            "id",
            "subject",
            "object",
            "measure",
            "unit",
            "verdict",
            "consensus",
            "explanation",
            "claims",
        ] {
            assert!(g.get(key).is_some(), "{key} missing: {g}");
        }
        for c in g["claims"].as_array().unwrap() {
            assert!(c["doc"].is_string() && c["quote"].is_string(), "{c}");
            assert!(c["note"].is_string(), "{c}");
        }
    }
    let trade = group(&groups, "USD");
    assert_eq!(trade["verdict"], "conflict");
    assert_eq!(trade["consensus"]["value"], Value::Null);
    assert_eq!(trade["consensus"]["low"], 240e9);
    assert_eq!(trade["consensus"]["high"], 300e9);
    let containers = group(&groups, "container");
    assert_eq!(containers["verdict"], "update");
    assert_eq!(containers["consensus"]["value"], 11000.0);
    assert_eq!(containers["subject"], "North Korea");
    let quotes: Vec<&str> = containers["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["quote"].as_str())
        .collect();
    assert!(quotes.contains(&"6,700 containers"), "{quotes:?}");
}

#[test]
fn ledger_filters_by_entity_measure_time_and_verdict() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let count = |args: &[&str]| {
        let mut cmd = sinew(&db);
        cmd.args(["ledger", "--json"]).args(args);
        json_lines(&run(&mut cmd)).len()
    };
    assert_eq!(count(&["--entity", "north korea"]), 1);
    assert_eq!(count(&["--entity", "Iran"]), 0);
    assert_eq!(count(&["--measure", "trade"]), 1);
    assert_eq!(count(&["--measure", "containers"]), 1);
    assert_eq!(count(&["--verdict", "conflict"]), 1);
    assert_eq!(
        count(&["--verdict", "single"]),
        0,
        "both figures have two sources"
    );
    assert_eq!(count(&["--from", "2023", "--to", "2023-12"]), 2);
    assert_eq!(count(&["--to", "2022"]), 0);
    assert_eq!(count(&["--min-sources", "3"]), 0);

    let bad = run(sinew(&db).args(["ledger", "--verdict", "maybe"]));
    assert_eq!(bad.status.code(), Some(2), "a usage error");
    let bad = run(sinew(&db).args(["ledger", "--from", "2023-13"]));
    assert_eq!(bad.status.code(), Some(2), "a bad date is a usage error");
}

#[test]
fn a_figure_from_one_source_is_single_in_every_output() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("one");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("e.txt"),
        "Published June 1, 2024\n\nTrade between China and Russia reached $240 billion in \
         2023, the Chinese customs office said. Chinese customs put the total at $240 billion.\n",
    )
    .unwrap();
    let db = tmp.path().join("one.db");
    let out = run(sinew(&db).arg("ingest").arg(&corpus));
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    let groups = json_lines(&run(sinew(&db).args([
        "ledger",
        "--verdict",
        "single",
        "--json",
    ])));
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0]["verdict"], "single");
    assert_eq!(
        json_lines(&run(sinew(&db).args([
            "ledger",
            "--verdict",
            "agree",
            "--json"
        ])))
        .len(),
        0,
        "one source never agrees with itself"
    );
    let table = run(sinew(&db).args(["ledger", "--color", "never"]));
    assert!(String::from_utf8_lossy(&table.stdout).contains("[single]"));
    let csv = run(sinew(&db).args(["ledger", "--format", "csv"]));
    assert!(String::from_utf8_lossy(&csv.stdout).contains(",single,"));
}

#[test]
fn ledger_csv_is_one_row_per_claim() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let out = run(sinew(&db).args(["ledger", "--format", "csv"]));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(
        rows[0].starts_with("group,subject,object,measure,unit"),
        "{}",
        rows[0]
    );
    assert_eq!(rows.len(), 1 + 4, "{text}");
    // What moves (the group's kind) and what kind of figure each claim states.
    let header = split_csv(rows[0]);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let containers = rows[1..]
        .iter()
        .map(|r| split_csv(r))
        .find(|r| r[at("unit")] == "container")
        .expect("a container row");
    assert_eq!(containers[at("kind")], "arms", "{text}");
    assert_eq!(containers[at("claim_kind")], "stock", "{text}");
    // A stated count is no vague amount ("thousands of" would be).
    assert_eq!(containers[at("vague")], "false", "{text}");
    // The explanation holds commas, so it is quoted; every row has the header's columns.
    let columns = rows[0].split(',').count();
    for r in &rows[1..] {
        assert_eq!(split_csv(r).len(), columns, "{r}");
    }

    let file = tmp.path().join("ledger.csv");
    let out = run(sinew(&db)
        .args(["export", "ledger", "--format", "csv", "-o"])
        .arg(&file));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

/// Splits one CSV record (no line breaks inside fields).
fn split_csv(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// Checks that `xml` is well-formed: every tag closed in order, attributes quoted, entities
/// known.
fn well_formed(xml: &str) -> usize {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0i32;
    let mut elements = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => {
                depth += 1;
                elements += 1;
                for a in e.attributes() {
                    a.expect("attribute")
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .expect("value");
                }
            }
            Ok(quick_xml::events::Event::Empty(e)) => {
                elements += 1;
                for a in e.attributes() {
                    a.expect("attribute")
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .expect("value");
                }
            }
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::GeneralRef(r)) => {
                let name = r.xml10_content();
                let known = matches!(name.as_ref(), "amp" | "lt" | "gt" | "quot" | "apos");
                assert!(
                    known || r.resolve_char_ref().is_ok_and(|c| c.is_some()),
                    "&{name};"
                );
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    elements
}

/// A supply tie (one side of an exchange) carries its goods in the graph's JSON, and a
/// political tie none.
#[test]
fn graph_json_names_the_goods_of_each_side_of_an_exchange() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("exchange");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("e.txt"),
        "Published June 3, 2024\n\nBelarus has sent tractors to Vietnam in exchange for rice \
         and coffee, officials said.\n",
    )
    .unwrap();
    let db = tmp.path().join("exchange.db");
    let out = run(sinew(&db).arg("ingest").arg(&corpus));
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    let out = run(sinew(&db).args(["graph", "--format", "json"]));
    assert_eq!(out.status.code(), Some(0));
    let net: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let ties: Vec<&Value> = net["flows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["ties"].as_array().unwrap())
        .filter(|t| t["kind"] == "supply")
        .collect();
    let goods: Vec<&str> = ties.iter().filter_map(|t| t["goods"].as_str()).collect();
    assert_eq!(goods.len(), ties.len(), "{net}");
    assert!(goods.iter().any(|g| g.contains("tractors")), "{net}");
    assert!(goods.iter().any(|g| g.contains("rice")), "{net}");
}

#[test]
fn graph_exports_are_well_formed_and_agree() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingested(tmp.path());
    let out = run(sinew(&db).args(["graph", "--format", "json"]));
    assert_eq!(out.status.code(), Some(0));
    let net: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let flows = net["flows"].as_array().unwrap();
    assert_eq!(flows.len(), 2, "{net}");
    let arms = flows
        .iter()
        .find(|f| f["kind"] == "arms")
        .expect("arms flow");
    assert_eq!(arms["source"], "north-korea");
    assert_eq!(arms["target"], "russia");
    assert!(!arms["volumes"].as_array().unwrap().is_empty());
    assert!(arms["claims"][0]["quote"].is_string());
    let trade = flows
        .iter()
        .find(|f| f["kind"] == "trade")
        .expect("trade flow");
    assert_eq!(trade["symmetric"], true);
    let nodes: Vec<&str> = net["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    for f in flows {
        assert!(nodes.contains(&f["source"].as_str().unwrap()));
        assert!(nodes.contains(&f["target"].as_str().unwrap()));
    }

    for format in ["graphml", "gexf"] {
        let file = tmp.path().join(format!("net.{format}"));
        let out = run(sinew(&db)
            .args(["graph", "--format", format, "-o"])
            .arg(&file));
        assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
        let xml = std::fs::read_to_string(&file).unwrap();
        assert!(well_formed(&xml) > 0);
        assert_eq!(xml.matches("<node ").count(), nodes.len(), "{format}");
        assert_eq!(xml.matches("<edge ").count(), flows.len(), "{format}");
    }
}

#[test]
fn a_vague_only_flow_is_exported_in_its_words_without_a_value() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("vague");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Published April 3, 2024\n\nLaos has sent thousands of construction workers to \
         Vietnam, officials in Hanoi said.\n",
    )
    .unwrap();
    let db = tmp.path().join("vague.db");
    assert_eq!(
        run(sinew(&db).arg("ingest").arg(&corpus)).status.code(),
        Some(0)
    );
    let out = run(sinew(&db).args(["graph", "--format", "json"]));
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    let net: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let flows = net["flows"].as_array().unwrap();
    assert_eq!(flows.len(), 1, "{net}");
    let v = &flows[0]["volumes"][0];
    assert_eq!(v["text"], "thousands of construction workers", "{v}");
    assert_eq!(v["vague"], true, "{v}");
    assert!(v["value"].is_null(), "{v}");
    for format in ["graphml", "gexf"] {
        let out = run(sinew(&db).args(["graph", "--format", format]));
        assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
        let xml = String::from_utf8(out.stdout).unwrap();
        assert!(xml.contains("thousands of construction workers"), "{xml}");
        // The value key may be declared, but no edge gives one.
        assert!(
            !xml.contains("<data key=\"value\">") && !xml.contains("for=\"value\" value="),
            "{xml}"
        );
    }
    let out = run(sinew(&db).args(["ledger", "--json"]));
    let groups = json_lines(&out);
    let g = groups
        .iter()
        .find(|g| g["subject"] == "Laos")
        .expect("the group");
    assert_eq!(g["consensus"]["vague"], true, "{g}");
    assert!(g["consensus"]["value"].is_null(), "{g}");
    assert!(
        !g["consensus"]["text"].as_str().unwrap().contains("2,000"),
        "{g}"
    );
}

#[test]
fn whatif_names_the_flow_and_its_dependencies() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("deps");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Published March 1, 2024\n\nChina supplied 90% of Russia's imports of machine tools in \
         2023. China exported $900 million worth of machine tools to Russia in 2023.\n",
    )
    .unwrap();
    let db = tmp.path().join("deps.db");
    assert_eq!(
        run(sinew(&db).arg("ingest").arg(&corpus)).status.code(),
        Some(0)
    );

    let out = run(sinew(&db).args([
        "whatif", "--from", "China", "--to", "Russia", "--kind", "dual-use", "--json",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    let w: Value = serde_json::from_slice(&out.stdout).unwrap();
    let affected = w["affected"].as_array().unwrap();
    assert_eq!(affected.len(), 1, "{w}");
    assert_eq!(affected[0]["below"], true);
    assert_eq!(affected[0]["supply_left"], 10.0);
    assert_eq!(affected[0]["claims"][0]["quote"], "90%");
    assert_eq!(w["flows"][0]["volumes"][0]["text"], "$900 million");

    let text = run(sinew(&db).args([
        "whatif", "--from", "China", "--to", "Russia", "--scale", "0.5",
    ]));
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("keeps 55%"), "{text}");
    assert!(text.contains("below 50% of supply: 0 of 1"), "{text}");

    let bad = run(sinew(&db).args([
        "whatif", "--from", "China", "--to", "Russia", "--kind", "gold",
    ]));
    assert_eq!(bad.status.code(), Some(2));
    let bad = run(sinew(&db).args(["whatif", "--from", "A", "--to", "B", "--scale", "2"]));
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn ingest_reports_and_stores_what_new_documents_change() {
    let tmp = tempfile::tempdir().unwrap();
    let all = ledger_corpus(tmp.path());
    let watched = tmp.path().join("watched");
    std::fs::create_dir_all(&watched).unwrap();
    let db = tmp.path().join("watch.db");
    let copy = |name: &str| std::fs::copy(all.join(name), watched.join(name)).unwrap();

    // The first documents set the baseline: nothing to report.
    copy("a.txt");
    copy("c.txt");
    let first = run(sinew(&db).arg("ingest").arg(&watched));
    assert_eq!(first.status.code(), Some(0));
    assert!(
        first.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&first.stdout)
    );

    // A briefing now is recorded: the next one says what changed since.
    let brief = |name: &str| {
        let out = run(sinew(&db).args(["report", "-o"]).arg(tmp.path().join(name)));
        assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
        assert!(!crate::stderr(&out).contains("not recorded"));
        std::fs::read_to_string(tmp.path().join(name)).unwrap()
    };
    assert!(!brief("first.md").contains("Since the last briefing"));

    // A contradicting trade figure and a later container count arrive, and a new flow.
    copy("b.txt");
    copy("d.txt");
    std::fs::write(
        watched.join("e.txt"),
        "Published June 2, 2024\n\nIran has sent about 400 drones to Russia since last year.\n",
    )
    .unwrap();
    let second = run(sinew(&db).arg("ingest").arg(&watched));
    assert_eq!(second.status.code(), Some(0));
    let said = String::from_utf8(second.stdout.clone()).unwrap();
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 2, "{said}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("conflict: b.txt says “$300 billion”")),
        "{said}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("new flow: Iran → Russia (arms)")),
        "{said}"
    );
    assert!(
        !said.contains("containers"),
        "a growing count is an update: {said}"
    );
    assert!(crate::stderr(&second).contains("2 alerts"));
    let md = brief("second.md");
    let changed: Vec<&str> = md
        .lines()
        .filter(|l| l.contains("Since the last briefing ("))
        .collect();
    // the later, higher container count raises no alert (a grown count is an update), yet
    // it changed since the last briefing: the briefing says so
    assert_eq!(changed.len(), 3, "{md}");
    assert!(
        changed
            .iter()
            .any(|l| l.contains("more than 11,000 containers")
                && l.contains("6,700 containers")
                && l.contains("higher than any earlier report did")),
        "{changed:#?}"
    );
    assert!(
        changed
            .iter()
            .any(|l| l.contains("contradicts") && l.contains("$300 billion")),
        "{changed:#?}"
    );
    assert!(
        changed
            .iter()
            .any(|l| l.contains("arms from Iran to Russia")),
        "{changed:#?}"
    );
    // they lead the key judgments, each citing the statements it rests on
    let judgments: Vec<&str> = md
        .split("## 1. Key judgments")
        .nth(1)
        .expect("a key judgments section")
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with("- **"))
        .collect();
    assert!(judgments.len() > 3, "{judgments:#?}");
    assert!(
        judgments[..3]
            .iter()
            .all(|l| l.contains("Since the last briefing (") && l.contains("](#note-")),
        "{judgments:#?}"
    );
    assert!(!judgments[3..]
        .iter()
        .any(|l| l.contains("Since the last briefing")));

    // --since moves the reference point to a day; the JSON says which judgments are changes
    let out = run(sinew(&db)
        .args(["report", "--since", "2024-06-01", "-o"])
        .arg(tmp.path().join("since.json")));
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    let b: Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("since.json")).unwrap())
            .unwrap();
    let changes: Vec<&Value> = b["judgments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|j| !j["change"].is_null())
        .collect();
    assert_eq!(changes.len(), 1, "{b:#}");
    assert_eq!(changes[0]["change"], "new_flow");
    let text = changes[0]["sentence"]["text"].as_str().unwrap();
    assert!(text.starts_with("Since 1 June 2024, "), "{text}");
    assert!(!changes[0]["sentence"]["citations"]
        .as_array()
        .unwrap()
        .is_empty());

    // Stored: listed again, once, after a re-run that adds nothing.
    let again = run(sinew(&db).arg("ingest").arg(&watched));
    assert!(again.stdout.is_empty());
    let stored = json_lines(&run(sinew(&db).args(["alerts", "--json"])));
    assert_eq!(stored.len(), 2);
    let conflict = stored.iter().find(|a| a["kind"] == "conflict").unwrap();
    assert_eq!(conflict["doc"], "b.txt");
    assert_eq!(conflict["subject"], "China");
    assert!(conflict["raised_at"].is_string() && conflict["seq"].is_u64());
    let flow = stored.iter().find(|a| a["kind"] == "new_flow").unwrap();
    assert_eq!(flow["key"], "iran->russia:arms");

    // --no-alerts raises nothing.
    std::fs::write(
        watched.join("f.txt"),
        "Published June 3, 2024\n\nBelarus has delivered more than 4,500 trucks to Russia since March 2022.\n",
    )
    .unwrap();
    let quiet = run(sinew(&db).args(["ingest", "--no-alerts"]).arg(&watched));
    assert!(quiet.stdout.is_empty());
    assert_eq!(
        json_lines(&run(sinew(&db).args(["alerts", "--json"]))).len(),
        2
    );
}
