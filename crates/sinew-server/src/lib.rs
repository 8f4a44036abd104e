//! The analyst's workbench: what does the store hold, shown as web pages? An axum
//! [`Router`] over an [`Engine`] (any `Store`), with an optional full-text index behind the
//! `SearchIndex` trait.
//!
//! Shape: [`app`] builds the router from [`AppState`], so tests drive it with `oneshot`;
//! every HTML screen has a JSON twin under `/api/` built from the same view struct (the page
//! is that struct rendered), and the whole state of a screen is its URL query; one error
//! type ([`ServerError`]) answers both, its status from one table. Reads are open; writes
//! (ingest by upload, alert rules) need the token the server was started with
//! (`Authorization: Bearer`, or a form's `token` field), and are refused outright when it was
//! started without one.
//!
//! Article text is hostile input: every byte of it is escaped where it is written
//! ([`highlight`]), links are made only from http/https URLs, and every response carries a
//! Content-Security-Policy that allows scripts and styles only from the server itself, so
//! injected markup could not run even if escaping were missed.
//!
//! Store and engine calls block (SQLite), so handlers run them on tokio's blocking pool, at
//! most [`AppState`]'s `work_slots` at a time: 200 connections asking for uncached work then
//! queue for a few threads rather than share the cores among hundreds, and a request that
//! is answered from a cache (searches under an unchanged index, built views) never waits
//! behind them, since it takes no slot.

mod assets;
mod cache;
mod error;
mod highlight;
mod openapi;
mod params;
mod render;
mod screens;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::MethodRouter;
use axum::Router;
use sinew_engine::{Engine, EntitySummary, LedgerCitedView, LedgerFilter, NetworkView};
use sinew_search::SearchIndex;

use cache::{StampedCache, ViewCache};
pub use error::ServerError;

/// The policy every response carries: nothing but this server's own scripts, styles and
/// images; no plugins, no `<base>`, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// What every handler shares: the engine over the store, the search index when one is open,
/// and the write token.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    engine: Engine,
    /// The store's revision as last read by the watcher thread (see [`watch_revision`]).
    revision: AtomicU64,
    search: Option<Arc<dyn SearchIndex>>,
    token: Option<String>,
    network: ViewCache<(), NetworkView>,
    entities: ViewCache<(), Entities>,
    status: ViewCache<(), screens::status::StoreStatus>,
    entity_pages: ViewCache<String, screens::entity::Rendered>,
    /// The ledger with its citations, by filter (the canonical query of its filter fields;
    /// the empty filter serves the group pages too).
    ledgers: ViewCache<String, LedgerCitedView>,
    /// Searches by the state of their URL, each kept under the index generation it was
    /// computed in.
    searches: StampedCache<String, screens::search::Searched>,
    /// Search pages as rendered, by their URL's query as written, under the index
    /// generation their search was computed in: a page's links repeat its URL, so equal
    /// searches asked by differently written URLs are rendered apart, from one kept search.
    search_pages: StampedCache<String, Bytes>,
    /// Blocking work running at once, at most (see the module doc).
    work_slots: Arc<tokio::sync::Semaphore>,
}

/// Every stored entity, most mentioned first, with each one's place by its canonical name in
/// ASCII lower case: a request for a kept entity page finds its name by one lookup, not by
/// comparing it with every name (106k at 100k documents).
pub(crate) struct Entities {
    pub(crate) list: Vec<EntitySummary>,
    by_name: std::collections::HashMap<String, usize>,
}

impl Entities {
    fn new(list: Vec<EntitySummary>) -> Entities {
        let mut by_name = std::collections::HashMap::with_capacity(list.len());
        for (i, e) in list.iter().enumerate() {
            // Names equal but for case: the most mentioned answers, as a scan would find it.
            by_name.entry(e.canonical.to_ascii_lowercase()).or_insert(i);
        }
        Entities { list, by_name }
    }

    /// The listed entity whose canonical name is `name` in any ASCII case (the most
    /// mentioned, when several are).
    pub(crate) fn named(&self, name: &str) -> Option<&EntitySummary> {
        let i = *self.by_name.get(&name.to_ascii_lowercase())?;
        self.list.get(i)
    }

    /// The listed entity whose canonical name is exactly `canonical`.
    pub(crate) fn exactly(&self, canonical: &str) -> Option<&EntitySummary> {
        match self.named(canonical) {
            Some(e) if e.canonical == canonical => Some(e),
            // Another entity's name but for case answers the lookup: look among them all.
            _ => self.list.iter().find(|e| e.canonical == canonical),
        }
    }
}

/// Entity pages kept at most.
const ENTITY_PAGES: usize = 1024;
/// Ledgers (one per filter) kept at most: a whole ledger with its citations is megabytes on
/// a large store, so few are kept; the unfiltered one, which group pages share, is the one
/// that matters.
const LEDGERS: usize = 16;
/// Searches kept at most (a page of hits with its facets is some tens of kilobytes).
const SEARCHES: usize = 1024;
/// Rendered search pages kept at most (some tens of kilobytes each).
const SEARCH_PAGES: usize = 1024;

impl AppState {
    /// State over `engine`; `token` enables writes (`None`: every write is refused).
    pub fn new(
        engine: Engine,
        search: Option<Arc<dyn SearchIndex>>,
        token: Option<String>,
    ) -> AppState {
        // Read once here, so the first views are stamped with the store as it is.
        let revision = engine.store().revision().unwrap_or_else(|e| {
            eprintln!("sinew serve: reading the store's revision failed: {e}");
            0
        });
        let state = AppState {
            inner: Arc::new(Inner {
                engine,
                revision: AtomicU64::new(revision),
                search,
                token: token.filter(|t| !t.is_empty()),
                network: ViewCache::new(1),
                entities: ViewCache::new(1),
                status: ViewCache::new(1),
                entity_pages: ViewCache::new(ENTITY_PAGES),
                ledgers: ViewCache::new(LEDGERS),
                searches: StampedCache::new(SEARCHES),
                search_pages: StampedCache::new(SEARCH_PAGES),
                work_slots: Arc::new(tokio::sync::Semaphore::new(work_slots())),
            }),
        };
        watch_revision(Arc::downgrade(&state.inner));
        state
    }

    /// The store's revision as last read: what the cached views are checked against. Read
    /// from memory, since a request answered from a cache must not wait for the store (a
    /// long read holds an SQLite store's connection for seconds).
    fn revision(&self) -> u64 {
        self.inner.revision.load(Ordering::Acquire)
    }

    pub(crate) fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    pub(crate) fn search(&self) -> Option<&Arc<dyn SearchIndex>> {
        self.inner.search.as_ref()
    }

    pub(crate) fn searches(&self) -> &StampedCache<String, screens::search::Searched> {
        &self.inner.searches
    }

    pub(crate) fn search_pages(&self) -> &StampedCache<String, Bytes> {
        &self.inner.search_pages
    }

    pub(crate) fn token(&self) -> Option<&str> {
        self.inner.token.as_deref()
    }

    /// The store's network (actors not rolled up), reused as `cache` says.
    pub(crate) fn network(&self) -> Result<Arc<NetworkView>, ServerError> {
        let state = self.clone();
        self.inner.network.get(&(), self.revision(), move || {
            Ok(state.inner.engine.network()?)
        })
    }

    /// Every stored entity, reused as `cache` says.
    pub(crate) fn entities(&self) -> Result<Arc<Entities>, ServerError> {
        let state = self.clone();
        self.inner.entities.get(&(), self.revision(), move || {
            Ok(Entities::new(state.inner.engine.entities()?))
        })
    }

    /// What the status screen says of the store, reused as `cache` says.
    pub(crate) fn store_status(&self) -> Result<Arc<screens::status::StoreStatus>, ServerError> {
        let state = self.clone();
        self.inner.status.get(&(), self.revision(), move || {
            screens::status::store_status(&state)
        })
    }

    /// An entity's page as kept, without blocking: `None` when the entity list or the page
    /// is not built yet, or `name` is not a listed entity's name in any case (resolving an
    /// alias reads the store).
    pub(crate) fn entity_page_kept(
        &self,
        name: &str,
        build: impl FnOnce(String) -> Result<screens::entity::Rendered, ServerError> + Send + 'static,
    ) -> Option<Arc<screens::entity::Rendered>> {
        let state = self.clone();
        let revision = self.revision();
        let entities = self.inner.entities.kept(&(), revision, move || {
            Ok(Entities::new(state.inner.engine.entities()?))
        })?;
        let canonical = entities.named(name.trim())?.canonical.clone();
        let named = canonical.clone();
        self.inner
            .entity_pages
            .kept(&canonical, revision, move || build(named))
    }

    /// An entity's page, by canonical name, reused as `cache` says.
    pub(crate) fn entity_page(
        &self,
        canonical: &str,
        build: impl FnOnce() -> Result<screens::entity::Rendered, ServerError> + Send + 'static,
    ) -> Result<Arc<screens::entity::Rendered>, ServerError> {
        self.inner
            .entity_pages
            .get(&canonical.to_string(), self.revision(), build)
    }

    /// The ledger with its citations under `filter`, reused as `cache` says; `key` names the
    /// filter (equal filters, equal keys).
    pub(crate) fn ledger(
        &self,
        key: String,
        filter: LedgerFilter,
    ) -> Result<Arc<LedgerCitedView>, ServerError> {
        let state = self.clone();
        self.inner.ledgers.get(&key, self.revision(), move || {
            Ok(state.inner.engine.ledger_cited(&filter)?)
        })
    }

    /// The stored entity `name` means: a canonical name in any case from the listed
    /// entities, else the engine's resolution (aliases, gazetteer links, suggestions).
    pub(crate) fn resolve(&self, name: &str) -> Result<String, ServerError> {
        let wanted = name.trim();
        if let Some(e) = self.entities()?.named(wanted) {
            return Ok(e.canonical.clone());
        }
        Ok(self.inner.engine.resolve_entity(wanted)?)
    }

    /// Forgets the folded views (after a write).
    pub(crate) fn invalidate(&self) {
        self.inner.network.clear();
        self.inner.entities.clear();
        self.inner.status.clear();
        self.inner.entity_pages.clear();
        self.inner.ledgers.clear();
        self.inner.searches.clear();
        self.inner.search_pages.clear();
    }

    /// Runs a blocking read or write of the engine on tokio's blocking pool.
    pub(crate) async fn blocking<T, F>(&self, f: F) -> Result<T, ServerError>
    where
        T: Send + 'static,
        F: FnOnce(&AppState) -> Result<T, ServerError> + Send + 'static,
    {
        let slot = Arc::clone(&self.inner.work_slots)
            .acquire_owned()
            .await
            .map_err(|e| ServerError::Internal(format!("no worker for a request: {e}")))?;
        let state = self.clone();
        // The slot goes with the job: a request whose client left still holds it until the
        // work it started is done.
        tokio::task::spawn_blocking(move || {
            let _slot = slot;
            f(&state)
        })
        .await
        .map_err(|e| ServerError::Internal(format!("a request's worker failed: {e}")))?
    }
}

/// How often the watcher reads the store's revision: a write beside the server (an ingest
/// into the same store) reaches the views this long after its commit, at most, plus one
/// refresh.
const REVISION_POLL: Duration = Duration::from_millis(250);

/// Reads the store's revision every [`REVISION_POLL`] on a thread of its own, for as long as
/// the state lives (the thread ends at the first read after the last handle is dropped). A
/// failed read leaves the last revision (the views stay as they are) and is logged once
/// until a read succeeds again.
fn watch_revision(inner: Weak<Inner>) {
    let spawned = std::thread::Builder::new()
        .name("sinew-store-revision".to_string())
        .spawn(move || {
            let mut failing = false;
            loop {
                std::thread::sleep(REVISION_POLL);
                let Some(inner) = inner.upgrade() else {
                    return;
                };
                match inner.engine.store().revision() {
                    Ok(r) => {
                        inner.revision.store(r, Ordering::Release);
                        failing = false;
                    }
                    Err(e) if !failing => {
                        eprintln!("sinew serve: reading the store's revision failed: {e}");
                        failing = true;
                    }
                    Err(_) => {}
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("sinew serve: no thread to watch the store for changes: {e}");
    }
}

/// How many blocking jobs run at once: two per core, so that a job waiting on the store's
/// lock or the disk does not leave a core idle, yet few enough that the cores are not
/// shared among hundreds of threads under load.
fn work_slots() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()) * 2
}

/// The largest upload `POST /api/ingest` accepts (a WARC or JSON Lines batch).
const MAX_UPLOAD: usize = 256 * 1024 * 1024;

/// Every route: method, path (axum syntax), handler. [`app`] is built from this list, and
/// a test checks that each (method, path) is described in the OpenAPI document.
fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use axum::routing::{delete, get, post};
    use screens::*;
    vec![
        (Method::GET, "/", get(status::home)),
        (Method::GET, "/doc/{id}", get(doc::page)),
        (Method::GET, "/api/doc/{id}", get(doc::api)),
        (Method::GET, "/entity/{name}", get(entity::page)),
        (Method::GET, "/api/entity/{name}", get(entity::api)),
        (Method::GET, "/ledger", get(ledger::page)),
        (Method::GET, "/api/ledger", get(ledger::api)),
        (Method::GET, "/api/ledger.csv", get(ledger::csv)),
        (Method::GET, "/ledger/{id}", get(ledger::group_page)),
        (Method::GET, "/api/ledger/{id}", get(ledger::group_api)),
        (Method::GET, "/briefing", get(briefing::page)),
        (Method::GET, "/api/briefing", get(briefing::api)),
        (Method::GET, "/alerts", get(status::alerts_page)),
        (Method::GET, "/api/alerts", get(status::alerts_api)),
        (Method::GET, "/api/alerts/rules", get(rules::list)),
        (Method::POST, "/api/alerts/rules", post(rules::create)),
        (
            Method::DELETE,
            "/api/alerts/rules/{id}",
            delete(rules::delete),
        ),
        (
            Method::POST,
            "/alerts/rules/{id}/delete",
            post(rules::delete_form),
        ),
        (Method::GET, "/status", get(status::page)),
        (Method::GET, "/api/status", get(status::api)),
        (Method::GET, "/network", get(network::page)),
        (Method::GET, "/api/network", get(network::api)),
        (Method::GET, "/search", get(search::page)),
        (Method::GET, "/api/search", get(search::api)),
        (Method::POST, "/api/ingest", post(ingest::upload)),
        (Method::GET, "/api/openapi.json", get(openapi::serve)),
        (Method::GET, "/assets/{name}", get(assets::serve)),
    ]
}

/// The workbench's router over `state`.
pub fn app(state: AppState) -> Router {
    let mut router = Router::new();
    for (_, path, handler) in routes() {
        router = router.route(path, handler);
    }
    router
        .fallback(|| async {
            error::PageError(ServerError::NotFound {
                what: "page",
                name: "this address".to_string(),
            })
        })
        .layer(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD))
        .layer(axum::middleware::from_fn(secure_headers))
        .with_state(state)
}

/// Adds the Content-Security-Policy and its companions to every response.
async fn secure_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

/// Where to listen.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The address to bind.
    pub addr: SocketAddr,
}

/// Refuses to listen beyond loopback without a write token: the token is the only
/// protection the server has, and reads of the store would be open to the network.
pub fn check_bind(addr: &SocketAddr, token: Option<&str>) -> Result<(), ServerError> {
    if addr.ip().is_loopback() || token.is_some_and(|t| !t.is_empty()) {
        Ok(())
    } else {
        Err(ServerError::bad(
            "--addr",
            format!(
                "{addr} is not a loopback address; set SINEW_TOKEN to serve beyond this machine"
            ),
        ))
    }
}

/// Builds the status view (the store's counts), then the entity list the entity pages share,
/// then runs one search over every document, on a thread of its own: on a large store their
/// first reads take seconds, mostly pages not yet in memory, and the first analyst should not
/// wait for them. The search lays each segment's facet values flat, which every search and
/// every entity page's timeline counts from (`sinew_search`'s `FlatCache`): 4 s at 100k
/// documents, which the first search or entity page paid before.
fn warm_up(state: &AppState) {
    let state = state.clone();
    let spawned = std::thread::Builder::new()
        .name("sinew-warm-up".to_string())
        .spawn(move || {
            if let Err(e) = state.store_status() {
                eprintln!("sinew serve: reading the store's status failed: {e}");
            }
            // Then the entity list every entity page looks its name up in.
            if let Err(e) = state.entities() {
                eprintln!("sinew serve: reading the entity list failed: {e}");
            }
            if let Some(index) = state.search() {
                let every = sinew_search::SearchQuery {
                    text: String::new(),
                    scope: sinew_search::Scope::Documents,
                    filters: sinew_search::Filters::default(),
                    offset: 0,
                    limit: 0,
                };
                if let Err(e) = index.search(&every) {
                    eprintln!("sinew serve: reading the search index ahead failed: {e}");
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("sinew serve: no thread to read the store's status ahead: {e}");
    }
}

/// Serves `state` on `config.addr` until the process is stopped; `ready` is told the bound
/// address (port 0 picks a free one).
pub fn serve(
    config: &ServeConfig,
    state: AppState,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    check_bind(&config.addr, state.token()).map_err(std::io::Error::other)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        warm_up(&state);
        ready(listener.local_addr()?);
        axum::serve(listener, app(state)).await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_in_the_openapi_document() {
        let doc = openapi::document();
        for (method, path, _) in routes() {
            let key = path.to_string();
            let op = doc["paths"][&key][method.as_str().to_lowercase()].clone();
            assert!(
                op.is_object(),
                "{method} {path} is not in the OpenAPI document"
            );
        }
        let documented: usize = doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .map(|p| p.as_object().unwrap().len())
            .sum();
        assert_eq!(
            documented,
            routes().len(),
            "the document lists a route the router lacks"
        );
    }

    #[test]
    fn an_entity_is_found_by_its_name_in_any_case_the_most_mentioned_first() {
        let entity = |name: &str, mentions: u64| EntitySummary {
            canonical: name.to_string(),
            entity_type: sinew_types::EntityType::Country,
            id: name.to_lowercase(),
            country: None,
            sector: None,
            mentions,
            documents: mentions,
            aliases: Vec::new(),
            description: None,
        };
        let list = Entities::new(vec![
            entity("Russia", 9),
            entity("China", 5),
            entity("CHINA", 2),
        ]);
        let name = |e: Option<&EntitySummary>| e.map(|e| e.canonical.clone());
        assert_eq!(name(list.named("russia")), Some("Russia".into()));
        assert_eq!(
            name(list.named("cHiNa")),
            Some("China".into()),
            "the first listed"
        );
        assert_eq!(name(list.exactly("CHINA")), Some("CHINA".into()));
        assert_eq!(name(list.exactly("china")), None, "not a canonical name");
        assert_eq!(name(list.named("Iran")), None);
    }

    #[test]
    fn non_loopback_needs_a_token() {
        let lan: SocketAddr = "0.0.0.0:8080".parse().unwrap();
        let lo: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let lo6: SocketAddr = "[::1]:8080".parse().unwrap();
        assert!(check_bind(&lo, None).is_ok());
        assert!(check_bind(&lo6, None).is_ok());
        assert!(check_bind(&lan, None).is_err());
        assert!(check_bind(&lan, Some("")).is_err());
        assert!(check_bind(&lan, Some("s3cret")).is_ok());
    }
}
