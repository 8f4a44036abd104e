//! Every route answers with its status, content type and JSON shape; the screens show what
//! their JSON twins hold; hostile article text stays inert.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use sinew_server::{AppState, CONTENT_SECURITY_POLICY};

use crate::support::{get, send, state, TOKEN};

/// A stored document id, found the way a user would: searching for its words.
fn doc_with(words: &str) -> (String, serde_json::Value) {
    let a = get(
        &state(),
        &format!("/api/search?q={}", words.replace(' ', "+")),
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let hit = a.json()["results"]["hits"][0].clone();
    assert!(hit.is_object(), "no hit for {words}: {}", a.body);
    (hit["doc"].as_str().unwrap().to_string(), hit)
}

fn a_group() -> String {
    let a = get(&state(), "/api/ledger");
    a.json()["groups"][0]["id"]
        .as_str()
        .expect("a ledger group")
        .to_string()
}

#[test]
fn every_documented_route_answers_with_its_content_type() {
    let st = state();
    let doc = get(&st, "/api/openapi.json").json();
    let (doc_id, _) = doc_with("containers");
    let group = a_group();
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 20, "{} paths", paths.len());
    for (path, ops) in paths {
        for (method, op) in ops.as_object().unwrap() {
            let example = op["x-example"]
                .as_str()
                .unwrap_or_else(|| panic!("{path}: no example"));
            let uri = example
                .replace("{doc}", &doc_id)
                .replace("{entity}", "North%20Korea")
                .replace("{group}", &group);
            let answer = if method == "post" || method == "delete" {
                // The shared state has no token: the route exists and refuses.
                let req = Request::builder()
                    .method(method.to_uppercase().as_str())
                    .uri(&uri)
                    .body(Body::from("text"))
                    .unwrap();
                let a = send(&st, req);
                assert_eq!(a.status, StatusCode::FORBIDDEN, "{uri}: {}", a.body);
                continue;
            } else {
                get(&st, &uri)
            };
            assert_eq!(
                answer.status,
                StatusCode::OK,
                "GET {uri}: {}",
                &answer.body[..answer.body.len().min(400)]
            );
            let content = op["responses"]["200"]["content"].as_object().unwrap();
            let ty = content.keys().next().unwrap();
            assert!(
                answer.content_type.starts_with(ty.as_str()),
                "GET {uri}: {} is not {ty}",
                answer.content_type
            );
            assert_eq!(answer.csp, CONTENT_SECURITY_POLICY, "GET {uri}");
            if ty == "application/json" {
                answer.json();
            }
        }
    }
}

#[test]
fn document_viewer_marks_annotations_and_opens_at_a_span() {
    let st = state();
    let (id, hit) = doc_with("containers");
    let api = get(&st, &format!("/api/doc/{id}")).json();
    let text = api["text"].as_str().unwrap();
    assert!(text.contains("6,700 containers"));
    assert!(!api["mentions"].as_array().unwrap().is_empty());
    assert!(!api["figures"].as_array().unwrap().is_empty());
    assert!(!api["claims"].as_array().unwrap().is_empty(), "{api}");
    assert_eq!(api["link"], "https://news.example.org/ports");
    // how the page was made, as analysis read it
    assert_eq!(api["kind"], "original", "{api}");
    let start = text.find("6,700").unwrap();
    let end = start + "6,700 containers".len();
    let page = get(&st, &format!("/doc/{id}?span={start}-{end}"));
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(&format!("id=\"s-{start}\"")),
        "no anchor at the span"
    );
    assert!(page.body.contains("class=\"ent\""), "entities are marked");
    assert!(page.body.contains("target"), "the asked span is marked");
    assert!(page.body.contains("class=\"next\""), "next-mention links");
    assert!(
        page.body.contains("original reporting"),
        "the source's kind"
    );
    assert!(page
        .body
        .contains("href=\"https://news.example.org/ports\""));
    // The search hit links straight to its words in the viewer.
    let href = get(&st, "/api/search?q=containers").json()["links"][0]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        href.starts_with(&format!("/doc/{id}?span=")),
        "{href} for {hit}"
    );
    assert_eq!(
        get(&st, href.split('#').next().unwrap()).status,
        StatusCode::OK
    );
}

#[test]
fn entity_page_shows_figures_flows_and_a_timeline() {
    let st = state();
    let api = get(&st, "/api/entity/DPRK").json();
    assert_eq!(api["name"], "North Korea", "an alias resolves: {api}");
    assert!(api["total_figures"].as_u64().unwrap() >= 1);
    let fig = &api["figures"][0];
    assert!(fig["cite"]["href"].as_str().unwrap().starts_with("/doc/"));
    assert!(!fig["sentence"].as_str().unwrap().is_empty());
    assert!(!api["timeline"].as_array().unwrap().is_empty());
    assert!(api["timeline_basis"]
        .as_str()
        .unwrap()
        .contains("search index"));
    assert_eq!(api["network_href"], "/network?focus=North%20Korea");
    let page = get(&st, "/entity/North%20Korea");
    assert!(page.body.contains("Open in network"));
    assert!(page.body.contains("<svg class=\"hist\""));
    // The sample's treaty article makes North Korea an actor of events: each listed with the
    // sentence of its first report, opening the viewer at it, latest first.
    let events = api["events"].as_array().expect("events");
    assert!(!events.is_empty(), "{api}");
    assert_eq!(api["total_events"].as_u64(), Some(events.len() as u64));
    let names = |e: &serde_json::Value| {
        let mut all = e["source"].as_array().unwrap().clone();
        all.extend(e["target"].as_array().unwrap().iter().cloned());
        all
    };
    assert!(events
        .iter()
        .any(|e| names(e).contains(&"North Korea".into())));
    for e in events {
        assert!(
            e["cite"]["href"].as_str().unwrap().starts_with("/doc/"),
            "{e}"
        );
        assert!(!e["cite"]["quote"].as_str().unwrap().is_empty(), "{e}");
    }
    let dates: Vec<&str> = events.iter().filter_map(|e| e["date"].as_str()).collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "latest first: {dates:?}"
    );
    assert!(page.body.contains("<h2>Events</h2>"));
}

#[test]
fn ledger_filters_reach_the_export() {
    let st = state();
    let all = get(&st, "/api/ledger").json();
    let total = all["total"].as_u64().unwrap();
    assert!(total > 0);
    let g = &all["groups"][0];
    assert!(g["verdict"].is_string() && g["claims"].is_array() && g["href"].is_string());
    let filtered = get(&st, "/api/ledger?entity=North+Korea").json();
    let kept = filtered["total"].as_u64().unwrap();
    assert!(kept >= 1 && kept < total, "{kept} of {total}");
    let csv_all = get(&st, "/api/ledger.csv");
    let csv_nk = get(&st, "/api/ledger.csv?entity=North+Korea");
    assert!(csv_all.body.starts_with("group,verdict,subject,object"));
    // Each row says what moves, as the JSON twin's `kind` does.
    let header: Vec<&str> = csv_all.body.lines().next().unwrap().split(',').collect();
    assert!(header.contains(&"kind"), "{header:?}");
    let first_row = csv_all.body.lines().nth(1).unwrap();
    let kind = g["kind"].as_str().unwrap();
    assert!(
        first_row.contains(&format!(",{kind},")),
        "{kind} in {first_row}"
    );
    assert!(csv_nk.body.lines().count() < csv_all.body.lines().count());
    for line in csv_nk.body.lines().skip(1) {
        assert!(line.contains("North Korea"), "{line}");
    }
    let id = g["id"].as_str().unwrap();
    let group = get(&st, &format!("/api/ledger/{id}")).json();
    assert!(group["claims"][0]["sentence"].is_string(), "{group}");
    let page = get(&st, &format!("/ledger/{id}"));
    assert!(page.body.contains("class=\"sentence\""));
    assert_eq!(
        get(&st, "/api/ledger?verdict=maybe").status,
        StatusCode::BAD_REQUEST
    );
}

#[test]
fn search_has_facets_a_histogram_and_toggling_links() {
    let st = state();
    let api = get(&st, "/api/search?q=russia").json();
    let r = &api["results"];
    assert!(r["total"].as_u64().unwrap() >= 3);
    assert!(!r["facets"]["entities"].as_array().unwrap().is_empty());
    assert!(!r["facets"]["months"].as_array().unwrap().is_empty());
    let narrowed = get(&st, "/api/search?q=russia&entity=North+Korea").json();
    assert!(narrowed["results"]["total"].as_u64() < r["total"].as_u64());
    let page = get(&st, "/search?q=russia&scope=sentences");
    assert!(
        page.body.contains("<mark class=\"hit\">"),
        "hits are marked"
    );
    assert!(
        page.body.contains("entity=North%20Korea"),
        "facet links carry the state"
    );
    assert!(page.body.contains("<svg class=\"hist\""));
    assert_eq!(
        get(&st, "/api/search?q=%28%28").status,
        StatusCode::BAD_REQUEST
    );
}

#[test]
fn a_network_edge_with_only_a_vague_figure_says_so_in_the_sources_words() {
    use std::sync::Arc;
    let engine = sinew_engine::Engine::with_store(Arc::new(
        sinew_store::SqliteStore::open_in_memory().unwrap(),
    ));
    let doc = r#"{"title": "Labour", "published": "2024-04-03", "text": "Laos has sent thousands of construction workers to Vietnam, officials in Hanoi said."}"#;
    engine
        .ingest_bytes(
            "vague.jsonl",
            format!("{doc}\n").as_bytes(),
            sinew_engine::Format::Jsonl,
            &sinew_engine::IngestOptions::default(),
        )
        .unwrap();
    let st = AppState::new(engine, None, None);
    let api = get(&st, "/api/network").json();
    let edges = api["edges"].as_array().unwrap();
    let e = edges
        .iter()
        .find(|e| e["from"] == "Laos" && e["to"] == "Vietnam")
        .unwrap_or_else(|| panic!("{api}"));
    assert_eq!(e["figure"], "thousands of construction workers", "{e}");
    assert_eq!(e["vague"], true, "{e}");
}

#[test]
fn network_draws_flows_and_a_what_if_changes_supply() {
    let st = state();
    let api = get(&st, "/api/network").json();
    let edges = api["edges"].as_array().unwrap();
    assert!(!edges.is_empty(), "{api}");
    assert!(!api["nodes"].as_array().unwrap().is_empty());
    let e = &edges[0];
    let cut = e["cut_href"].as_str().unwrap();
    let w = get(&st, &cut.replace("/network?", "/api/network?")).json();
    assert_eq!(w["what_if"]["from"], e["from"]);
    assert!(w["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["cut"] == true));
    let capped = get(&st, "/api/network?cap=1").json();
    assert_eq!(capped["edges"].as_array().unwrap().len(), 1);
    let focus = get(&st, "/api/network?focus=North+Korea").json();
    for e in focus["edges"].as_array().unwrap() {
        assert!(
            e["from"] == "North Korea" || e["to"] == "North Korea",
            "{e}"
        );
    }
    let page = get(&st, "/network");
    assert!(page
        .body
        .contains("<script src=\"/assets/cytoscape.min.js\""));
    assert_eq!(
        get(&st, "/api/network?cap=0").status,
        StatusCode::BAD_REQUEST
    );
}

/// Text of HTML with the entities the server writes turned back into characters.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The words the viewer marks as the opened span in the document's text: every piece of a
/// `<mark>` whose classes hold `target`, in order, whitespace made single spaces.
fn target_words(page: &str) -> String {
    let text = page.split_once("id=\"text\"").map_or("", |(_, t)| t);
    let mut out = String::new();
    for piece in text.split("<mark class=\"").skip(1) {
        let Some((classes, rest)) = piece.split_once('"') else {
            continue;
        };
        if !classes.split(' ').any(|c| c == "target") {
            continue;
        }
        let inner = rest.split_once('>').map_or("", |(_, r)| r);
        out.push_str(inner.split("</mark>").next().unwrap_or_default());
    }
    unescape(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn briefing_citations_open_the_viewer_at_their_words() {
    let st = state();
    let api = get(&st, "/api/briefing").json();
    assert!(api["sources"].as_array().is_some_and(|s| !s.is_empty()));
    // each cited span's words, as the briefing's notes give them
    let mut words = std::collections::BTreeMap::new();
    for n in api["notes"].as_array().expect("notes") {
        let c = &n["citation"];
        let key = (
            c["doc"].as_str().unwrap().to_string(),
            c["span"]["start"].as_u64().unwrap(),
            c["span"]["end"].as_u64().unwrap(),
        );
        let marked = n["marked"].as_str().unwrap();
        words.insert(key, marked.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let page = get(&st, "/briefing");
    assert_eq!(page.status, StatusCode::OK);
    let markers: Vec<&str> = page
        .body
        .split("<sup class=\"cite\"><a href=\"")
        .skip(1)
        .map(|r| r.split('"').next().unwrap())
        .collect();
    assert!(markers.len() >= 10, "{} citations", markers.len());
    let mut hrefs: Vec<String> = markers.iter().map(|h| unescape(h)).collect();
    hrefs.sort();
    hrefs.dedup();
    // every key judgment's citations are links on the page
    for j in api["judgments"].as_array().expect("judgments") {
        for c in j["sentence"]["citations"].as_array().unwrap() {
            let (s, e) = (&c["span"]["start"], &c["span"]["end"]);
            let href = format!("/doc/{}?span={s}-{e}#s-{s}", c["doc"].as_str().unwrap());
            assert!(hrefs.contains(&href), "{href} is not linked");
        }
    }
    for href in &hrefs {
        // /doc/ID?span=S-E#s-S: the viewer at the span, scrolled to its anchor
        let rest = href.strip_prefix("/doc/").expect("into the viewer");
        let (doc, rest) = rest.split_once("?span=").expect("a span");
        let (span, anchor) = rest.split_once("#s-").expect("an anchor");
        let (start, end) = span.split_once('-').expect("start-end");
        assert_eq!(anchor, start, "{href}");
        let key = (
            doc.to_string(),
            start.parse::<u64>().unwrap(),
            end.parse::<u64>().unwrap(),
        );
        let expected = words
            .get(&key)
            .unwrap_or_else(|| panic!("{href} is no citation of the briefing"));
        let viewer = get(&st, &href[..href.find('#').unwrap()]);
        assert_eq!(viewer.status, StatusCode::OK, "{href}");
        assert!(
            viewer.body.contains(&format!("id=\"s-{start}\"")),
            "{href}: no anchor"
        );
        assert_eq!(&target_words(&viewer.body), expected, "{href}");
    }
}

#[test]
fn status_and_alerts_count_the_store() {
    let st = state();
    let s = get(&st, "/api/status").json();
    assert!(s["documents"].as_u64().unwrap() >= 10);
    assert!(s["indexed"].as_u64().unwrap() >= 10);
    assert_eq!(s["writes"], false);
    let a = get(&st, "/api/alerts").json();
    assert!(a["alerts"].is_array() && a["total"].is_u64());
    assert_eq!(
        get(&st, "/api/alerts?kind=nonsense").status,
        StatusCode::BAD_REQUEST
    );
}

#[test]
fn hostile_article_text_stays_inert() {
    let st = state();
    let (id, _) = doc_with("hostile page");
    let page = get(&st, &format!("/doc/{id}"));
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.csp, CONTENT_SECURITY_POLICY);
    let body = page.body.to_lowercase();
    assert!(!body.contains("<script>alert"), "script tags are escaped");
    assert!(!body.contains("<img"), "no element from the article");
    assert!(!body.contains("href=\"javascript:"), "no javascript: link");
    // Escaped text holds no `<`, so every `<...>` is a real tag: none carries a handler.
    for tag in body
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
    {
        assert!(
            !tag.contains("onerror") && !tag.contains("javascript:"),
            "tag <{tag}>"
        );
    }
    assert!(
        body.contains("&lt;script&gt;alert"),
        "the words are shown, escaped"
    );
    assert!(!body.contains("<script"), "the viewer has no script at all");
    assert!(
        !body.contains(" style="),
        "no inline style the policy would block"
    );
    // The JSON twin keeps the stored URL but offers no link.
    let api = get(&st, &format!("/api/doc/{id}")).json();
    assert_eq!(api["url"], "javascript:alert(1)");
    assert!(api["link"].is_null());
    // Search snippets and the hit's title are escaped too.
    let s = get(&st, "/search?q=hostile").body.to_lowercase();
    assert!(
        !s.contains("<script>alert") && !s.contains("<img"),
        "search page"
    );
}

#[test]
fn ingest_needs_the_token_and_stores_the_upload() {
    let engine = sinew_engine::Engine::with_store(std::sync::Arc::new(
        sinew_store::SqliteStore::open_in_memory().unwrap(),
    ));
    let st = AppState::new(engine, None, Some(TOKEN.to_string()));
    let body = "Iran delivered 40 drones to Russia in May 2024, officials said.";
    let post = |auth: Option<&str>| {
        let mut req = Request::post("/api/ingest?name=drones.txt");
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        send(&st, req.body(Body::from(body)).unwrap())
    };
    assert_eq!(post(None).status, StatusCode::UNAUTHORIZED);
    assert_eq!(post(Some("Bearer wrong")).status, StatusCode::UNAUTHORIZED);
    let ok = post(Some(&format!("Bearer {TOKEN}")));
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let report = ok.json();
    assert_eq!(report["inserted"], 1, "{report}");
    assert_eq!(get(&st, "/api/status").json()["documents"], 1);
    let again = post(Some(&format!("Bearer {TOKEN}"))).json();
    assert_eq!(again["already_stored"], 1, "{again}");
    let empty = send(
        &st,
        Request::post("/api/ingest")
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(Body::empty())
            .unwrap(),
    );
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    // No index on this server: search says how to get one, as a page and as JSON.
    assert_eq!(
        get(&st, "/api/search?q=x").status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    let page = get(&st, "/search?q=x");
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.body.contains("sinew index"));
}

#[test]
fn a_kept_search_gives_way_to_what_an_ingest_beside_the_server_added() {
    // The ingest goes through the engine, not the server, as `sinew ingest` beside a running
    // server does: nothing tells the server but the index itself.
    let index: std::sync::Arc<dyn sinew_search::SearchIndex> =
        std::sync::Arc::new(sinew_search::TantivyIndex::open_in_ram().unwrap());
    let store: std::sync::Arc<dyn sinew_store::Store> =
        std::sync::Arc::new(sinew_store::SqliteStore::open_in_memory().unwrap());
    let beside = sinew_engine::Engine::with_store(store.clone()).with_index(index.clone());
    let served = sinew_engine::Engine::with_store(store).with_index(index.clone());
    let st = AppState::new(served, Some(index), None);
    let total = |uri: &str| get(&st, uri).json()["results"]["total"].as_u64().unwrap();
    assert_eq!(total("/api/search?q=lorries"), 0);
    assert_eq!(total("/api/search?q=lorries"), 0, "asked again: kept");
    // The page as rendered is kept too, under the same index generation.
    let before = get(&st, "/search?q=lorries");
    assert_eq!(before.status, StatusCode::OK);
    assert!(!before.body.contains("Kazakhstan"));
    assert_eq!(
        get(&st, "/search?q=lorries").body,
        before.body,
        "asked again"
    );
    beside
        .ingest_bytes(
            "lorries.txt",
            b"Kazakhstan sent 300 lorries of grain to Armenia in June 2025, its ministry said.",
            sinew_engine::Format::Text,
            &sinew_engine::IngestOptions::default(),
        )
        .unwrap();
    assert_eq!(
        total("/api/search?q=lorries"),
        1,
        "the kept answer is not served"
    );
    let page = get(&st, "/search?q=lorries");
    assert!(
        page.body.contains("Kazakhstan"),
        "the kept page is not served"
    );
    assert!(
        page.content_type.starts_with("text/html"),
        "{}",
        page.content_type
    );
    assert!(!page.csp.is_empty(), "a kept page carries the policy too");
}

#[test]
fn vendored_files_match_their_checksums() {
    use sha2::{Digest, Sha256};
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets");
    let table = std::fs::read_to_string(dir.join("VENDORED.md")).unwrap();
    let mut checked = 0;
    for row in table.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let file = cells[1].trim_matches('`');
        let sum = cells[5].trim_matches('`');
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let got: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(got, sum, "{file} differs from VENDORED.md");
        // The binary serves exactly these bytes.
        let served = get(&state(), &format!("/assets/{file}"));
        assert_eq!(served.body.len(), bytes.len(), "{file}");
        checked += 1;
    }
    assert!(checked >= 1);
}

#[test]
fn a_kept_view_gives_way_to_what_an_ingest_beside_the_server_added() {
    // Two stores on one file, as `sinew serve` and `sinew ingest` are two processes: the
    // server hears of the ingest only through the store's revision.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sinew.db");
    let open = || -> std::sync::Arc<dyn sinew_store::Store> {
        std::sync::Arc::new(sinew_store::SqliteStore::open(&path).unwrap())
    };
    let ingest = |engine: &sinew_engine::Engine, name: &str, text: &str| {
        engine
            .ingest_bytes(
                name,
                text.as_bytes(),
                sinew_engine::Format::Text,
                &sinew_engine::IngestOptions::default(),
            )
            .unwrap();
    };
    let beside = sinew_engine::Engine::with_store(open());
    ingest(
        &beside,
        "trucks.txt",
        "Georgia sent 20 trucks to Armenia in May 2025, its ministry said.",
    );
    let st = AppState::new(sinew_engine::Engine::with_store(open()), None, None);
    let network = || get(&st, "/api/network").body;
    assert!(network().contains("Georgia"));
    assert!(!network().contains("Kazakhstan"), "kept, and nothing new");
    ingest(
        &beside,
        "lorries.txt",
        "Kazakhstan sent 300 lorries of grain to Armenia in June 2025, its ministry said.",
    );
    // The view is rebuilt as soon as the revision moves, not after a time to live: within
    // a few of the watcher's reads and one refold of a two-document store, well under the
    // 5 s the views were kept before (bounded, so a server that never sees the write fails).
    let began = std::time::Instant::now();
    while !network().contains("Kazakhstan") {
        assert!(
            began.elapsed() < std::time::Duration::from_secs(4),
            "the network still lacks what was ingested beside the server"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
