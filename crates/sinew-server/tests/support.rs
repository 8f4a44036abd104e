//! What do the router tests share? A store of the repository's sample corpus plus documents
//! written here (and the seeds when `../shared` is present), the tantivy search index over
//! it, and requests sent through the router with `oneshot`.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use sinew_engine::{Engine, IngestOptions};
use sinew_search::{SearchIndex, TantivyIndex};
use sinew_server::{app, AppState};
use sinew_store::SqliteStore;
use tower::ServiceExt;

/// The token the writable test servers accept.
pub(crate) const TOKEN: &str = "test-token-7";

/// Sentences written for these tests: figures, actors and dates the screens must show.
pub(crate) const OWN_DOCS: &str = concat!(
    r#"{"url": "https://news.example.org/ports", "title": "Port traffic report", "published": "2024-03-14", "text": "North Korea shipped 6,700 containers of munitions to Russia since August, South Korea's defence minister said on Monday. The containers left from the port of Rajin.\n\nRussia sent oil and food to North Korea in return, officials in Seoul said."}"#,
    "\n",
    r#"{"url": "javascript:alert(1)", "title": "<script>alert('title')</script>", "published": "2024-04-02", "text": "Hostile page. <script>alert('x')</script> An image <img src=x onerror=alert(1)> and a link <a href=\"javascript:alert(2)\">click</a> sit in the text. China exported 5 tanks to Russia in 2023, a report said."}"#,
    "\n"
);

pub(crate) fn sample_corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample")
}

/// An engine over an in-memory store holding the sample corpus and [`OWN_DOCS`]; with
/// `seeds`, the seeds too when `../shared` is present.
pub(crate) fn engine(seeds: bool) -> Engine {
    let engine = Engine::with_store(Arc::new(SqliteStore::open_in_memory().unwrap()));
    let mut paths = vec![sample_corpus()];
    if seeds {
        if let Some(shared) = sinew_testkit::shared_for("the seeds") {
            paths.push(shared.join("seeds"));
        }
    }
    engine
        .ingest_paths(&paths, &IngestOptions::default(), &mut |_| {})
        .unwrap();
    engine
        .ingest_bytes(
            "own.jsonl",
            OWN_DOCS.as_bytes(),
            sinew_engine::Format::Jsonl,
            &IngestOptions::default(),
        )
        .unwrap();
    engine
}

/// The shared read-only server state: the fixture store with a search index over it.
pub(crate) fn state() -> AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            // The real index, as `sinew serve` opens it, built the way `sinew index` builds it.
            let index: Arc<dyn SearchIndex> =
                Arc::new(TantivyIndex::open_in_ram().expect("an index in memory"));
            let engine = engine(true).with_index(index.clone());
            engine.rebuild_index(&mut |_, _| {}).unwrap();
            AppState::new(engine, Some(index), None)
        })
        .clone()
}

/// What a request answered.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) content_type: String,
    pub(crate) csp: String,
    pub(crate) body: String,
}

impl Answer {
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

pub(crate) fn send(state: &AppState, req: Request<Body>) -> Answer {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let res = app(state.clone()).oneshot(req).await.unwrap();
        let header = |name: &str| {
            res.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        let content_type = header("content-type");
        let csp = header("content-security-policy");
        let status = res.status();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            content_type,
            csp,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    })
}

pub(crate) fn get(state: &AppState, uri: &str) -> Answer {
    send(state, Request::get(uri).body(Body::empty()).unwrap())
}
