//! What do the router tests share? A store of the repository's sample corpus plus documents
//! written here (and the seeds when `../shared` is present), a test double of the search
//! index, and requests sent through the router with `oneshot`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Datelike, NaiveDate};
use http_body_util::BodyExt;
use sinew_engine::{Engine, IngestOptions};
use sinew_search::{
    FacetCount, Facets, Filters, IndexDoc, Scope, SearchError, SearchHit, SearchIndex, SearchQuery,
    SearchResults, Snippet,
};
use sinew_server::{app, AppState};
use sinew_store::SqliteStore;
use sinew_types::Span;
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

/// A search index that reads every document on each query: enough to drive the screens
/// over the `SearchIndex` trait without the real engine. A document (or sentence) matches
/// when it holds every query word, case ignored.
#[derive(Default)]
pub(crate) struct MemIndex {
    docs: Mutex<Vec<IndexDoc>>,
    pending: Mutex<Vec<IndexDoc>>,
}

fn words(q: &str) -> Vec<String> {
    q.split_whitespace()
        .map(|w| w.trim_matches('"').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn occurrences(text: &str, words: &[String]) -> Vec<Span> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    // Lower-casing keeps byte offsets for the ASCII query words these tests use.
    if lower.len() != text.len() {
        return out;
    }
    for w in words {
        let mut from = 0;
        while let Some(i) = lower[from..].find(w.as_str()) {
            out.push(Span::new(from + i, from + i + w.len()));
            from += i + w.len();
        }
    }
    out.sort();
    out
}

fn passes(d: &IndexDoc, f: &Filters) -> bool {
    let any =
        |want: &[String], have: &[String]| want.is_empty() || want.iter().any(|w| have.contains(w));
    any(&f.sources, std::slice::from_ref(&d.source))
        && any(&f.langs, &d.lang.iter().cloned().collect::<Vec<_>>())
        && any(&f.entities, &d.entities)
        && any(&f.countries, &d.countries)
        && any(&f.flow_kinds, &d.flow_kinds)
        && any(&f.units, &d.units)
        && f.from
            .is_none_or(|from| d.published.is_some_and(|p| p >= from))
        && f.to.is_none_or(|to| d.published.is_some_and(|p| p <= to))
}

fn count(values: impl Iterator<Item = String>, into: &mut BTreeMap<String, u64>) {
    for v in values {
        *into.entry(v).or_default() += 1;
    }
}

fn ranked(m: BTreeMap<String, u64>) -> Vec<FacetCount> {
    let mut v: Vec<FacetCount> = m
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
    v
}

impl SearchIndex for MemIndex {
    fn add(&self, docs: &[IndexDoc]) -> Result<(), SearchError> {
        self.pending.lock().unwrap().extend(docs.iter().cloned());
        Ok(())
    }
    fn commit(&self) -> Result<(), SearchError> {
        let mut pending = self.pending.lock().unwrap();
        let mut docs = self.docs.lock().unwrap();
        for d in pending.drain(..) {
            docs.retain(|o| o.id != d.id);
            docs.push(d);
        }
        Ok(())
    }
    fn clear(&self) -> Result<(), SearchError> {
        self.docs.lock().unwrap().clear();
        Ok(())
    }
    fn len(&self) -> Result<u64, SearchError> {
        Ok(self.docs.lock().unwrap().len() as u64)
    }
    fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        if q.text.contains("((") {
            return Err(SearchError::BadQuery {
                query: q.text.clone(),
                reason: "unbalanced brackets".into(),
            });
        }
        let want = words(&q.text);
        let docs = self.docs.lock().unwrap();
        let mut hits: Vec<(usize, &IndexDoc, Span, Vec<Span>)> = Vec::new();
        for d in docs.iter().filter(|d| passes(d, &q.filters)) {
            let units: Vec<Span> = match q.scope {
                Scope::Documents => vec![Span::new(0, d.text.len())],
                Scope::Sentences => d.sentences.clone(),
            };
            for u in units {
                let part = &d.text[u.start..u.end];
                let found: Vec<Span> = occurrences(part, &want)
                    .into_iter()
                    .map(|s| Span::new(s.start + u.start, s.end + u.start))
                    .collect();
                let all = want
                    .iter()
                    .all(|w| part.to_lowercase().contains(w.as_str()));
                if all {
                    hits.push((found.len(), d, u, found));
                }
            }
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
        let mut facets = Facets::default();
        let (mut s, mut l, mut e, mut c, mut k, mut un) = Default::default();
        let mut months: BTreeMap<NaiveDate, u64> = BTreeMap::new();
        for (_, d, _, _) in &hits {
            count(std::iter::once(d.source.clone()), &mut s);
            count(d.lang.iter().cloned(), &mut l);
            count(d.entities.iter().cloned(), &mut e);
            count(d.countries.iter().cloned(), &mut c);
            count(d.flow_kinds.iter().cloned(), &mut k);
            count(d.units.iter().cloned(), &mut un);
            if let Some(p) = d.published {
                *months.entry(p.with_day(1).unwrap()).or_default() += 1;
            }
        }
        facets.sources = ranked(s);
        facets.langs = ranked(l);
        facets.entities = ranked(e);
        facets.countries = ranked(c);
        facets.flow_kinds = ranked(k);
        facets.units = ranked(un);
        facets.months = months.into_iter().collect();
        let total = hits.len() as u64;
        let page = hits
            .into_iter()
            .skip(q.offset)
            .take(q.limit)
            .map(|(n, d, unit, marks)| {
                // The passage: the sentence of the first mark, else the unit's first 200 bytes.
                let span = marks
                    .first()
                    .and_then(|m| {
                        d.sentences
                            .iter()
                            .find(|s| s.start <= m.start && m.end <= s.end)
                            .copied()
                    })
                    .unwrap_or_else(|| {
                        let mut end = unit.end.min(unit.start + 200);
                        while !d.text.is_char_boundary(end) {
                            end -= 1;
                        }
                        Span::new(unit.start, end)
                    });
                SearchHit {
                    doc: d.id.clone(),
                    score: n as f32,
                    title: d.title.clone(),
                    source: d.source.clone(),
                    published: d.published,
                    url: d.url.clone(),
                    sentence: (q.scope == Scope::Sentences).then_some(unit),
                    snippet: Snippet {
                        text: d.text[span.start..span.end].to_string(),
                        marks: marks
                            .into_iter()
                            .filter(|m| span.start <= m.start && m.end <= span.end)
                            .collect(),
                        span,
                    },
                }
            })
            .collect();
        Ok(SearchResults {
            total,
            hits: page,
            facets,
        })
    }
}

/// The index documents of everything in `engine`'s store.
pub(crate) fn index_docs(engine: &Engine) -> Vec<IndexDoc> {
    let store = engine.store();
    store
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| {
            let ann = store.annotations(&d.id).unwrap().unwrap_or_default();
            let mut entities: Vec<String> =
                ann.mentions.iter().map(|m| m.canonical.clone()).collect();
            entities.sort();
            entities.dedup();
            let mut countries: Vec<String> = ann
                .mentions
                .iter()
                .filter_map(|m| m.country.clone())
                .collect();
            countries.sort();
            countries.dedup();
            let mut units: Vec<String> = ann
                .quantities
                .iter()
                .filter_map(|q| q.unit.clone())
                .collect();
            units.sort();
            units.dedup();
            IndexDoc {
                source: d.site.clone().unwrap_or_else(|| d.source.clone()),
                title: d.title.clone(),
                url: d.url.clone(),
                lang: d.lang.clone(),
                published: d.published,
                sentences: ann.sentences.iter().map(|s| s.span).collect(),
                entities,
                countries,
                flow_kinds: Vec::new(),
                units,
                id: d.id,
                text: d.text,
            }
        })
        .collect()
}

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

/// The shared read-only server state: the fixture store with the test index over it.
pub(crate) fn state() -> AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let engine = engine(true);
            let index = MemIndex::default();
            index.add(&index_docs(&engine)).unwrap();
            index.commit().unwrap();
            AppState::new(engine, Some(Arc::new(index)), None)
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
