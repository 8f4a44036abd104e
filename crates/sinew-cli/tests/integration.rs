//! The `sinew` binary as a user runs it: exit codes, messages, the JSON contracts, and a
//! store that survives being killed mid-ingest.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

mod events;
mod export;
mod kill;
mod ledger;
mod load;
mod search;
mod spark;
mod store;
mod terminal;

fn sinew(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sinew"));
    cmd.arg("--db").arg(db);
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("sinew runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

const ARTICLE: &str = "North Korea has shipped approximately 6,700 containers to Russia since August 2023, \
according to the US State Department. China exports over $300 million of dual-use goods to Russia every month.\n";

fn write_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(corpus.join("nested")).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        format!("Published June 21, 2024\n\n{ARTICLE}"),
    )
    .unwrap();
    std::fs::write(
        corpus.join("nested/b.txt"),
        "Beijing and Moscow signed a 'no limits' partnership in February 2022.\n",
    )
    .unwrap();
    corpus
}

#[test]
fn ingest_is_idempotent_and_names_bad_files() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let corpus = write_corpus(tmp.path());
    std::fs::write(corpus.join("broken.txt"), "").unwrap();

    let first = run(sinew(&db).arg("ingest").arg(&corpus));
    let err = stderr(&first);
    assert_eq!(
        first.status.code(),
        Some(1),
        "a bad file gives exit 1: {err}"
    );
    assert!(err.contains("broken.txt"), "the bad file is named: {err}");
    assert!(err.contains("2 new"), "the good files are stored: {err}");

    let again = run(sinew(&db)
        .arg("ingest")
        .arg(corpus.join("a.txt"))
        .arg(corpus.join("nested")));
    let err = stderr(&again);
    assert_eq!(again.status.code(), Some(0), "{err}");
    assert!(
        err.contains("0 new, 2 already stored"),
        "re-ingest adds nothing: {err}"
    );

    let claims = json_lines(&run(
        sinew(&db).args(["export", "claims", "--format", "jsonl"])
    ));
    assert!(claims.len() >= 2, "claims: {claims:?}");
}

#[test]
fn missing_input_and_bad_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let o = run(sinew(&db).arg("ingest").arg(tmp.path().join("nope")));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope"), "{}", stderr(&o));
    let o = run(sinew(&db).args(["ingest", "x", "--published", "June"]));
    assert_eq!(o.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn export_claims_follows_the_contract() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let corpus = write_corpus(tmp.path());
    assert!(run(sinew(&db).arg("ingest").arg(&corpus)).status.success());
    let claims = json_lines(&run(
        sinew(&db).args(["export", "claims", "--format", "jsonl"])
    ));
    let text = std::fs::read_to_string(corpus.join("a.txt")).unwrap();
    let containers = claims
        .iter()
        .find(|c| c["unit"] == "container")
        .expect("container claim");
    for key in [
        "doc",
        "start",
        "end",
        "quote",
        "sentence",
        "value",
        "value_max",
        "unit",
        "qualifier",
        "vague",
        "per",
        "time",
        "subject",
        "object",
        "measure",
        "attribution",
        "modality",
        "kind",
        "restates",
    ] {
        assert!(
            containers.get(key).is_some(),
            "field {key} missing: {containers}"
        );
    }
    assert_eq!(containers["doc"], "a.txt");
    assert_eq!(containers["value"], 6700.0);
    assert_eq!(containers["subject"], "North Korea");
    assert_eq!(containers["object"], "Russia");
    // "has shipped ... since August 2023": a running total, restating nothing.
    assert_eq!(containers["kind"], "stock");
    assert!(containers["restates"].is_null());
    assert_eq!(containers["vague"], false);
    let per_month = claims
        .iter()
        .find(|c| c["per"] == "month")
        .expect("monthly claim");
    assert_eq!(per_month["kind"], "flow");
    let quote = containers["quote"].as_str().unwrap();
    assert!(quote.contains("6,700 containers"), "{quote}");
    assert!(text.contains(quote));
    let table = run(sinew(&db).arg("claims"));
    assert!(String::from_utf8_lossy(&table.stdout).contains("6,700"));
}

#[test]
fn annotate_times_carry_kind_grain_and_duration() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("never-created.db");
    let mut child = sinew(&db)
        .args(["annotate", "--layers", "times", "--published", "2024-06-21"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"A 72-hour truce held June 3-5, 2024, for a few days.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let rows = json_lines(&out);
    let times = rows[0]["times"].as_array().unwrap();
    let fields = |t: &Value| {
        (
            t["text"].as_str().unwrap().to_string(),
            t["kind"].clone(),
            t["grain"].clone(),
            t["start_date"].clone(),
            t["end_date"].clone(),
            t["duration"].clone(),
        )
    };
    let got: Vec<_> = times.iter().map(fields).collect();
    let want = vec![
        (
            "72-hour".to_string(),
            "duration".into(),
            "hour".into(),
            Value::Null,
            Value::Null,
            "PT72H".into(),
        ),
        (
            // one range ("from June 3 to June 5" is two TIMEX3 dates)
            "June 3-5, 2024".to_string(),
            "range".into(),
            "day".into(),
            "2024-06-03".into(),
            "2024-06-05".into(),
            Value::Null,
        ),
        // an unstated count has no ISO 8601 length
        (
            "a few days".to_string(),
            "duration".into(),
            "day".into(),
            Value::Null,
            Value::Null,
            Value::Null,
        ),
    ];
    assert_eq!(got, want);
}

/// `sinew annotate --layers events` writes the events contract of DESIGN.md: PLOVER category,
/// trigger span, source and target actors with ISO3 countries, date, modality, negation.
#[test]
fn annotate_events_follow_the_contract() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("never-created.db");
    let mut child = sinew(&db)
        .args([
            "annotate",
            "--layers",
            "events",
            "--published",
            "2024-06-21",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let text = "Russia and North Korea signed a defence treaty on Wednesday. \
                Japan did not sanction Chinese firms.\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = json_lines(&out);
    assert!(
        rows[0].get("entities").is_none(),
        "only the layers asked for"
    );
    let events = rows[0]["events"].as_array().unwrap();
    assert_eq!(events.len(), 2, "{events:#?}");
    let treaty = &events[0];
    assert_eq!(treaty["category"], "SUPPORT");
    assert_eq!(treaty["kind"], "treaty_signing");
    assert_eq!(treaty["text"], "signed a defence treaty");
    let start = treaty["start"].as_u64().unwrap() as usize;
    let end = treaty["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "signed a defence treaty");
    let countries: Vec<&str> = treaty["source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["country"].as_str().unwrap())
        .collect();
    assert_eq!(countries, ["RUS", "PRK"]);
    assert_eq!(treaty["date"], "2024-06-19");
    assert_eq!(treaty["modality"], "asserted");
    assert_eq!(treaty["negated"], false);
    let sanction = &events[1];
    assert_eq!(sanction["category"], "SANCTION");
    assert_eq!(sanction["negated"], true);
    assert_eq!(sanction["target"][0]["country"], "CHN");
    for key in ["mode", "location", "attribution"] {
        assert!(sanction.get(key).is_some(), "{key} is always written");
    }
}

/// `sinew annotate` reads only English: a line it identifies as another language (the same
/// identification and gate as ingest) gets no annotations, and its output says why.
#[test]
fn annotate_reads_english_only_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("never-created.db");
    let lines = [
        (
            "fr",
            "La Russie a importé plus de 5 000 tonnes de munitions de la Corée du Nord en \
             2023, selon le ministère de la Défense, qui chiffre ces livraisons à 300 millions \
             de dollars.",
        ),
        (
            "ru",
            "По данным министерства обороны, в 2023 году Россия получила из Северной Кореи \
             более 5000 тонн боеприпасов на сумму 300 миллионов долларов.",
        ),
        (
            "zh",
            "据国防部称，俄罗斯在2023年从朝鲜进口了超过5000吨弹药，价值3亿美元，\
             这些交付在过去一年中持续增加，引起了邻国的担忧。",
        ),
        (
            "en",
            "Russia imported more than 5,000 tonnes of ammunition from North Korea in 2023, \
             worth $300 million, according to the Defense Ministry.",
        ),
    ];
    let mut child = sinew(&db)
        .args(["annotate", "--published", "2024-06-21"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let input: String = lines.iter().map(|(_, l)| format!("{l}\n")).collect();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = json_lines(&out);
    assert_eq!(rows.len(), lines.len());
    for (row, (lang, _)) in rows.iter().zip(lines) {
        assert_eq!(row["lang"], lang, "{row}");
        assert!(row["id"].as_str().is_some_and(|id| !id.is_empty()), "{row}");
        let diagnostics = row["diagnostics"].as_array().unwrap();
        if lang == "en" {
            assert!(diagnostics.is_empty(), "{row}");
            assert!(!row["quantities"].as_array().unwrap().is_empty(), "{row}");
            assert!(!row["claims"].as_array().unwrap().is_empty(), "{row}");
            continue;
        }
        for layer in ["entities", "quantities", "times", "claims"] {
            assert_eq!(
                row[layer],
                serde_json::json!([]),
                "{lang}: {layer} in {row}"
            );
        }
        assert_eq!(diagnostics.len(), 1, "{row}");
        let message = diagnostics[0]["message"].as_str().unwrap();
        assert!(
            message.contains("not annotated") && message.contains(lang),
            "{message}"
        );
    }
}

#[test]
fn annotate_and_extract_are_store_less() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("never-created.db");
    let mut child = sinew(&db)
        .args(["annotate", "--published", "2024-06-21"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let line = serde_json::json!({"text": ARTICLE.trim(), "published": "2024-06-21"}).to_string();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{line}\nPlain text about Pyongyang last December.\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 2);
    // The map step's keys: the content id and the near-duplicate fingerprint (null under 50
    // words), on every line.
    for row in &rows {
        assert_eq!(row["id"].as_str().map(str::len), Some(16), "{row}");
        assert_eq!(row["fingerprint"], Value::Null, "{row}");
    }
    let text = ARTICLE.trim();
    for layer in ["entities", "quantities", "times", "claims"] {
        for item in rows[0][layer].as_array().unwrap() {
            let (s, e) = (
                item["start"].as_u64().unwrap() as usize,
                item["end"].as_u64().unwrap() as usize,
            );
            assert!(
                text.get(s..e).is_some(),
                "{layer} span {s}..{e} is not a slice"
            );
        }
    }
    let entities = rows[0]["entities"].as_array().unwrap();
    assert!(entities
        .iter()
        .any(|e| e["canonical"] == "North Korea" && e["coarse"] == "LOC"));
    let times = rows[1]["times"].as_array().unwrap();
    assert!(
        times.iter().any(|t| t["text"] == "last December"),
        "{times:?}"
    );
    assert!(!db.exists(), "annotate touches no store");

    let corpus = write_corpus(tmp.path());
    let out = run(sinew(&db).arg("extract").arg(&corpus));
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 2);
    for key in [
        "doc",
        "url",
        "title",
        "author",
        "published",
        "site",
        "lang",
        "text",
        "duplicate_of",
        "id",
        "fingerprint",
    ] {
        assert!(docs[0].get(key).is_some(), "field {key} missing");
    }
    assert!(
        docs.iter().any(|d| d["published"] == "2024-06-21"),
        "{docs:?}"
    );
    assert!(!db.exists(), "extract touches no store");

    // `--stats` adds the peak memory on stderr (where /proc says it), the output unchanged.
    let out = run(sinew(&db).args(["extract", "--stats"]).arg(&corpus));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out).len(), 2);
    if Path::new("/proc/self/status").exists() {
        assert!(stderr(&out).contains("peak memory: "), "{}", stderr(&out));
    }
}

#[test]
fn a_killed_ingest_leaves_a_store_that_opens_and_a_rerun_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let corpus = tmp.path().join("many");
    std::fs::create_dir_all(&corpus).unwrap();
    let n = 3000;
    for i in 0..n {
        std::fs::write(
            corpus.join(format!("{i:05}.txt")),
            format!("Dispatch {i}.\n{ARTICLE}{ARTICLE}"),
        )
        .unwrap();
    }
    let mut child = sinew(&db)
        .arg("ingest")
        .arg(&corpus)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the store's schema and first batches are committed, then kill without
    // warning. That can take seconds on a loaded machine: a kill before the store exists
    // tests nothing (and made this test fail under load), so ask the store, up to a minute.
    for _ in 0..600 {
        if child.try_wait().unwrap().is_some()
            || (db.exists() && run(sinew(&db).arg("status")).status.success())
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(150));
    let _ = child.kill();
    let _ = child.wait();

    let opened = run(sinew(&db).args(["claims", "--json"]));
    assert!(
        opened.status.success(),
        "store opens after a kill: {}",
        stderr(&opened)
    );
    let rerun = run(sinew(&db).arg("ingest").arg(&corpus));
    let err = stderr(&rerun);
    assert!(rerun.status.success(), "{err}");
    let count = |word: &str| -> usize {
        let before = err.split(word).next().unwrap_or("");
        before
            .rsplit(|c: char| !c.is_ascii_digit() && c != ' ')
            .next()
            .unwrap_or("")
            .trim()
            .parse()
            .unwrap_or(usize::MAX)
    };
    let (new, already) = (count(" new"), count(" already stored"));
    assert_eq!(
        new + already,
        n,
        "every document is stored exactly once: {err}"
    );
}

/// A WARC record with a correct Content-Length.
fn warc_record(kind: &str, uri: &str, block: &str) -> String {
    let content_type = if kind == "response" {
        "application/http; msgtype=response"
    } else {
        "application/warc-fields"
    };
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

fn page(text: &str) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>{text}</p></article></body></html>")
}

/// warcinfo, request, response, metadata, response, response: three articles, three records
/// without one.
fn crawl() -> Vec<String> {
    vec![
        warc_record("warcinfo", "", "software: test\r\n"),
        warc_record("request", "https://a.example/1", "GET /1 HTTP/1.1\r\n\r\n"),
        warc_record("response", "https://a.example/1", &page(ARTICLE.trim())),
        warc_record("metadata", "https://a.example/1", "fetchTimeMs: 1\r\n"),
        warc_record(
            "response",
            "https://a.example/2",
            &page("Beijing and Moscow signed a 'no limits' partnership in February 2022."),
        ),
        warc_record(
            "response",
            "https://a.example/3",
            &page("Pyongyang sent more shells to Moscow last December, officials said."),
        ),
    ]
}

#[test]
fn a_truncated_warc_keeps_earlier_records_and_counts_skipped_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let records = crawl();
    let whole = records.concat();
    let at = whole.len() - records[5].len();
    let cut = tmp.path().join("cut.warc");
    std::fs::write(&cut, &whole[..at + 150]).unwrap();

    let o = run(sinew(&db).arg("ingest").arg(&cut));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "a truncated WARC fails: {err}");
    assert!(
        err.contains(&format!(
            "cut.warc record 6 at byte {at} (https://a.example/3): truncated"
        )),
        "the cut is named with its record and offset: {err}"
    );
    assert!(
        err.contains("2 new"),
        "the records before the cut are stored: {err}"
    );
    assert!(
        err.contains("3 skipped"),
        "warcinfo, request and metadata are counted: {err}"
    );

    let full = tmp.path().join("full.warc");
    std::fs::write(&full, &whole).unwrap();
    let o = run(sinew(&db).arg("ingest").arg(&full));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("1 new, 2 already stored"), "{err}");

    // Gzip'd (one member per record, as CC-NEWS) on stdin, found by its magic bytes.
    use std::io::Write;
    let mut gz = Vec::new();
    for r in &records {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(r.as_bytes()).unwrap();
        gz.extend(enc.finish().unwrap());
    }
    let mut child = sinew(&db)
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&gz).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    let urls: Vec<&str> = docs.iter().filter_map(|d| d["url"].as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://a.example/1",
            "https://a.example/2",
            "https://a.example/3"
        ]
    );
    assert!(
        stderr(&out).contains("skipped 3 records that hold no article"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn feeds_on_stdin_by_format_or_content() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("never-created.db");
    let rss = format!(
        "<rss version=\"2.0\"><channel><title>Wire</title><item><title>Containers</title>\
         <link>https://wire.example/c</link><pubDate>Fri, 21 Jun 2024 08:00:00 GMT</pubDate>\
         <description>{}</description></item><item><title>Empty</title></item></channel></rss>",
        ARTICLE.trim()
    );
    for args in [
        &["extract", "-", "--format", "rss"][..],
        &["extract", "-"][..],
    ] {
        let mut child = sinew(&db)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(rss.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "the empty item fails: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("stdin item 2: the item has no content"),
            "{}",
            stderr(&out)
        );
        let docs = json_lines(&out);
        assert_eq!(docs.len(), 1, "{args:?}");
        assert_eq!(docs[0]["url"], "https://wire.example/c");
        assert_eq!(docs[0]["published"], "2024-06-21");
        assert_eq!(docs[0]["site"], "Wire");
    }
    let o = run(sinew(&db).args(["extract", "-", "--format", "gopher"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(!db.exists());
}

#[test]
fn extract_links_near_duplicates_within_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("never-created.db");
    let corpus = tmp.path().join("copies");
    std::fs::create_dir_all(&corpus).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sinew-ingest/tests/near_dups");
    for (from, to) in [
        ("wire.txt", "1.txt"),
        ("same-topic.txt", "2.txt"),
        ("wire-syndicated.txt", "3.txt"),
        ("wire.txt", "4.txt"),
    ] {
        std::fs::copy(fixtures.join(from), corpus.join(to)).unwrap();
    }
    let out = run(sinew(&db).arg("extract").arg(&corpus));
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    let links: Vec<(&str, &Value)> = docs
        .iter()
        .map(|d| (d["doc"].as_str().unwrap(), &d["duplicate_of"]))
        .collect();
    let first = &docs[0]["id"];
    assert_eq!(
        links,
        [
            ("1.txt", &Value::Null),
            ("2.txt", &Value::Null),
            ("3.txt", first),
            // An exact repeat names the id it shares with its first copy.
            ("4.txt", first),
        ]
    );
    assert_eq!(docs[0]["lang"], "en");
    assert!(!db.exists(), "extract touches no store");
}
