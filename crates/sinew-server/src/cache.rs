//! Which views are reused between requests, and for how long? Views folded over the whole
//! store (the network, the entity list, the ledger for each filter) and the pages built on
//! them (entity pages) cost from tens of milliseconds to seconds on a large store, while an
//! analyst's store changes by batches. Each view is kept with the store's revision it was
//! built under (`Store::revision`, which moves with every commit, the server's own or an
//! ingest's beside it) and served as it is while the revision holds, with no time limit.
//! Once the revision moves, the first request that finds the view out of date starts a
//! refresh on a background thread, and that request and every other keep getting the last
//! view until the refresh lands (stale-while-revalidate): no request waits on a refold but
//! the first one for a view not yet built. While the store keeps changing (an ingest
//! committing batch after batch) a view is refreshed at most once per time it took to build
//! (see [`Entry::fresh`]), so refolding takes at most half a core per view however large the
//! store; before, a view was refreshed on a timer and a view slow to build was served for
//! five times its build time, so an ingest beside the server showed only minutes later on a
//! large store.
//!
//! Search results are another matter: the index says exactly when what it answers changes
//! (its generation, `SearchIndex::generation`), so a result is kept with the generation it
//! was computed under and served while that generation holds ([`StampedCache`]); an
//! analyst's repeated or shared URL is then answered without touching the index.
//!
//! An upload through the server clears every view at once; a refresh started before the
//! clear finishes into nothing (each clear starts a new generation, and a refresh keeps its
//! result only in the generation it began in), so no view from before an upload outlives
//! it.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::ServerError;

struct Entry<V> {
    /// When it was built.
    at: Instant,
    /// How long it took to build.
    took: Duration,
    /// The store's revision read before it was built.
    revision: u64,
    value: Arc<V>,
    refreshing: bool,
}

impl<V> Entry<V> {
    /// Whether the view may be served as it is under the store's `revision`: it was built
    /// under that revision (nothing was written since), or it was built less than its own
    /// build time ago (a store that keeps changing gets a view refreshed back to back at
    /// most half the time).
    fn fresh(&self, revision: u64) -> bool {
        self.revision == revision || self.at.elapsed() < self.took
    }
}

struct Views<K, V> {
    map: HashMap<K, Entry<V>>,
    /// Raised by each clear: a refresh begun in an older generation is dropped.
    generation: u64,
}

/// Views by key, each reused while the store's revision holds and refreshed in the
/// background once it moves.
pub(crate) struct ViewCache<K, V> {
    views: Arc<Mutex<Views<K, V>>>,
    /// Keys kept at most: past this the map is emptied (a crude bound, but memory must not
    /// grow with the number of names or filters asked for).
    max_keys: usize,
}

impl<K, V> ViewCache<K, V> {
    /// A cache of at most `max_keys` views.
    pub(crate) fn new(max_keys: usize) -> Self {
        ViewCache {
            views: Arc::new(Mutex::new(Views {
                map: HashMap::new(),
                generation: 0,
            })),
            max_keys: max_keys.max(1),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic in a build holds no lock (builds run unlocked), so the map is sound.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl<K, V> ViewCache<K, V>
where
    K: Eq + Hash + Clone + Send + 'static,
    V: Send + Sync + 'static,
{
    /// The view under `key` for the store at `revision`: built by this caller when missing;
    /// when out of date, the last one, with a refresh started on a background thread unless
    /// one is running.
    pub(crate) fn get<F>(&self, key: &K, revision: u64, build: F) -> Result<Arc<V>, ServerError>
    where
        F: FnOnce() -> Result<V, ServerError> + Send + 'static,
    {
        match self.lookup(key, revision, build) {
            Ok(kept) => Ok(kept),
            Err((generation, build)) => {
                let began = Instant::now();
                let built = build();
                self.keep(key, generation, revision, began.elapsed(), built)
            }
        }
    }

    /// The view under `key` when one is kept, fresh or stale (a stale one starts its
    /// refresh, as [`ViewCache::get`] does); `None`, building nothing, when none is. For
    /// callers that must not block (an async handler): they build on the blocking pool then.
    pub(crate) fn kept<F>(&self, key: &K, revision: u64, refresh: F) -> Option<Arc<V>>
    where
        F: FnOnce() -> Result<V, ServerError> + Send + 'static,
    {
        self.lookup(key, revision, refresh).ok()
    }

    /// The kept view, or the generation to build in and the builder back when none is.
    fn lookup<F>(&self, key: &K, revision: u64, build: F) -> Result<Arc<V>, (u64, F)>
    where
        F: FnOnce() -> Result<V, ServerError> + Send + 'static,
    {
        let mut views = lock(&self.views);
        let generation = views.generation;
        let Some(e) = views.map.get_mut(key) else {
            return Err((generation, build));
        };
        if e.refreshing || e.fresh(revision) {
            return Ok(Arc::clone(&e.value));
        }
        e.refreshing = true;
        let stale = Arc::clone(&e.value);
        drop(views);
        self.refresh_in_background(key.clone(), generation, revision, build);
        Ok(stale)
    }

    /// Runs `build` on a thread of its own and keeps what it gives.
    fn refresh_in_background<F>(&self, key: K, generation: u64, revision: u64, build: F)
    where
        F: FnOnce() -> Result<V, ServerError> + Send + 'static,
    {
        let cache = ViewCache {
            views: Arc::clone(&self.views),
            max_keys: self.max_keys,
        };
        let own = key.clone();
        let spawned = std::thread::Builder::new()
            .name("sinew-view-refresh".to_string())
            .spawn(move || {
                let began = Instant::now();
                let built = build();
                if let Err(e) = cache.keep(&key, generation, revision, began.elapsed(), built) {
                    // Nobody waits on a background refresh: its failure is logged, and the
                    // next request that finds the view stale tries again.
                    eprintln!("sinew serve: refreshing a view failed: {e}");
                }
            });
        if spawned.is_err() {
            // No thread to be had: the next request tries again.
            let mut views = lock(&self.views);
            if views.generation == generation {
                if let Some(e) = views.map.get_mut(&own) {
                    e.refreshing = false;
                }
            }
        }
    }

    /// Keeps a build's result, built under the store's `revision`, under `key` when no clear
    /// came since `generation`; a failed build leaves the stale view (if any) for the next
    /// request to refresh.
    fn keep(
        &self,
        key: &K,
        generation: u64,
        revision: u64,
        took: Duration,
        built: Result<V, ServerError>,
    ) -> Result<Arc<V>, ServerError> {
        let mut views = lock(&self.views);
        let current = views.generation == generation;
        match built {
            Ok(v) => {
                let value = Arc::new(v);
                if current {
                    if views.map.len() >= self.max_keys && !views.map.contains_key(key) {
                        views.map.clear();
                    }
                    views.map.insert(
                        key.clone(),
                        Entry {
                            at: Instant::now(),
                            took,
                            revision,
                            value: Arc::clone(&value),
                            refreshing: false,
                        },
                    );
                }
                Ok(value)
            }
            Err(e) => {
                if let Some(entry) = views.map.get_mut(key).filter(|_| current) {
                    entry.refreshing = false;
                }
                Err(e)
            }
        }
    }

    /// Forgets every view (after a write); refreshes under way are dropped when they end.
    pub(crate) fn clear(&self) {
        let mut views = lock(&self.views);
        views.map.clear();
        views.generation += 1;
    }
}

/// Results by key, each kept with the stamp it was computed under and served only while the
/// caller's stamp is the same; at most `max_keys`. Past the bound the oldest key not asked
/// for since it last came round is dropped (a clock: a key asked for again goes round once
/// more), so a stream of searches asked once does not push out the ones asked all the time.
pub(crate) struct StampedCache<K, V> {
    kept: Mutex<Stamped<K, V>>,
    max_keys: usize,
}

struct Stamped<K, V> {
    /// Each result with its stamp and whether it was asked for since it last came round.
    map: HashMap<K, (u64, Arc<V>, bool)>,
    /// Keys in the order they go round.
    order: VecDeque<K>,
}

impl<K: Eq + Hash + Clone, V> StampedCache<K, V> {
    /// A cache of at most `max_keys` results.
    pub(crate) fn new(max_keys: usize) -> Self {
        StampedCache {
            kept: Mutex::new(Stamped {
                map: HashMap::new(),
                order: VecDeque::new(),
            }),
            max_keys: max_keys.max(1),
        }
    }

    /// The result under `key` if it was computed under `stamp`.
    pub(crate) fn get(&self, key: &K, stamp: u64) -> Option<Arc<V>> {
        let mut kept = lock(&self.kept);
        match kept.map.get_mut(key) {
            Some((s, v, asked)) if *s == stamp => {
                *asked = true;
                Some(Arc::clone(v))
            }
            _ => None,
        }
    }

    /// Keeps `value`, computed under `stamp`, under `key` (replacing what was there).
    pub(crate) fn put(&self, key: K, stamp: u64, value: Arc<V>) {
        let mut kept = lock(&self.kept);
        let kept = &mut *kept;
        if kept
            .map
            .insert(key.clone(), (stamp, value, false))
            .is_none()
        {
            kept.order.push_back(key);
            while kept.order.len() > self.max_keys {
                let Some(old) = kept.order.pop_front() else {
                    break;
                };
                match kept.map.get_mut(&old) {
                    Some((_, _, asked)) if *asked => {
                        *asked = false;
                        kept.order.push_back(old);
                    }
                    _ => {
                        kept.map.remove(&old);
                    }
                }
            }
        }
    }

    /// Forgets every result.
    pub(crate) fn clear(&self) {
        let mut kept = lock(&self.kept);
        kept.map.clear();
        kept.order.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::mpsc;

    fn cache() -> ViewCache<&'static str, u32> {
        ViewCache::new(8)
    }

    #[test]
    fn a_fresh_view_is_reused_and_a_failed_build_is_retried() {
        let cache = cache();
        let builds = Arc::new(AtomicU32::new(0));
        let b = Arc::clone(&builds);
        let build = move || Ok(b.fetch_add(1, Ordering::SeqCst) + 1);
        assert_eq!(*cache.get(&"a", 1, build).unwrap(), 1);
        assert_eq!(*cache.get(&"a", 1, || Ok(99)).unwrap(), 1, "fresh: reused");
        assert!(cache
            .get(&"b", 1, || Err(ServerError::SearchUnavailable))
            .is_err());
        assert_eq!(
            *cache.get(&"b", 1, || Ok(7)).unwrap(),
            7,
            "a failure is not kept"
        );
        cache.clear();
        assert_eq!(*cache.get(&"a", 1, || Ok(5)).unwrap(), 5, "cleared");
        assert_eq!(builds.load(Ordering::SeqCst), 1);
    }

    /// Waits (bounded) until the view under `key` is `want`, refreshing nothing.
    fn settles(cache: &ViewCache<&'static str, u32>, key: &'static str, want: u32) -> bool {
        for _ in 0..500 {
            if lock(&cache.views)
                .map
                .get(key)
                .is_some_and(|e| *e.value == want && !e.refreshing)
            {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    #[test]
    fn a_view_is_served_while_the_revision_holds_and_refreshed_once_it_moves() {
        let cache = cache();
        assert_eq!(*cache.get(&"net", 1, || Ok(1)).unwrap(), 1);
        // However long ago it was built: nothing was written, nothing is rebuilt.
        lock(&cache.views).map.get_mut("net").unwrap().at -= Duration::from_secs(60);
        assert_eq!(*cache.get(&"net", 1, || Ok(99)).unwrap(), 1);
        assert!(!lock(&cache.views).map["net"].refreshing);
        // A write moved the revision: the next request starts the refresh at once.
        assert_eq!(*cache.get(&"net", 2, || Ok(2)).unwrap(), 1, "the last view");
        assert!(settles(&cache, "net", 2), "the refresh is kept");
        assert_eq!(lock(&cache.views).map["net"].revision, 2);
        assert_eq!(*cache.get(&"net", 2, || Ok(99)).unwrap(), 2);
    }

    #[test]
    fn a_stale_view_is_served_while_a_background_thread_rebuilds_it() {
        let cache = cache();
        assert_eq!(*cache.get(&"net", 1, || Ok(1)).unwrap(), 1);
        // The rebuild blocks until told to finish: were the request waiting on it, `get`
        // would never return.
        let (go, wait) = mpsc::channel::<()>();
        let stale = cache
            .get(&"net", 2, move || {
                wait.recv().ok();
                Ok(2)
            })
            .unwrap();
        assert_eq!(*stale, 1, "the last view, at once");
        // One refresh at a time: others get the stale view and start nothing.
        assert_eq!(*cache.get(&"net", 3, || Ok(99)).unwrap(), 1);
        go.send(()).unwrap();
        assert!(settles(&cache, "net", 2), "the refresh is kept");
    }

    #[test]
    fn a_refresh_begun_before_a_clear_is_dropped() {
        let cache = cache();
        cache.get(&"net", 1, || Ok(1)).unwrap();
        let (go, wait) = mpsc::channel::<()>();
        let (done, finished) = mpsc::channel::<()>();
        cache
            .get(&"net", 2, move || {
                wait.recv().ok();
                done.send(()).ok();
                Ok(2)
            })
            .unwrap();
        cache.clear();
        go.send(()).unwrap();
        finished.recv().unwrap();
        // The refresh is over once its keep ran: give it the lock, then look.
        for _ in 0..100 {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(lock(&cache.views).map.is_empty(), "the old view stays gone");
        assert_eq!(*cache.get(&"net", 2, || Ok(3)).unwrap(), 3);
    }

    #[test]
    fn a_stamped_result_is_served_only_under_its_stamp_and_the_oldest_goes_first() {
        let cache: StampedCache<&'static str, u32> = StampedCache::new(2);
        cache.put("a", 1, Arc::new(10));
        assert_eq!(cache.get(&"a", 1).as_deref(), Some(&10));
        assert_eq!(
            cache.get(&"a", 2),
            None,
            "another generation: computed again"
        );
        cache.put("b", 1, Arc::new(20));
        cache.put("c", 1, Arc::new(30));
        assert_eq!(
            cache.get(&"b", 1),
            None,
            "the oldest not asked for again is dropped"
        );
        assert_eq!(
            cache.get(&"a", 1).as_deref(),
            Some(&10),
            "asked again: kept"
        );
        assert_eq!(cache.get(&"c", 1).as_deref(), Some(&30));
        cache.clear();
        assert_eq!(cache.get(&"c", 1), None);
    }

    #[test]
    fn results_asked_once_do_not_push_out_one_asked_again() {
        let cache: StampedCache<u32, u32> = StampedCache::new(3);
        cache.put(0, 1, Arc::new(0));
        for k in 1..50 {
            assert!(cache.get(&0, 1).is_some(), "the popular one is kept ({k})");
            cache.put(k, 1, Arc::new(k));
        }
        assert!(cache.get(&1, 1).is_none(), "an old one asked once is gone");
        assert!(cache.get(&49, 1).is_some(), "the newest is kept");
        assert!(lock(&cache.kept).map.len() <= 3, "the bound holds");
    }

    #[test]
    fn a_store_that_keeps_changing_gets_a_view_refreshed_at_most_once_per_build_time() {
        let cache = cache();
        cache
            .get(&"slow", 1, || {
                std::thread::sleep(Duration::from_millis(500));
                Ok(1)
            })
            .unwrap();
        // The revision moved at once, but the view took 500 ms to build: it is served as it is
        // for that long, so no refresh starts now (one would be running, and give 2 later).
        assert_eq!(*cache.get(&"slow", 2, || Ok(2)).unwrap(), 1);
        assert!(!lock(&cache.views).map["slow"].refreshing);
        // Once as old as its build time, it is refreshed.
        lock(&cache.views).map.get_mut("slow").unwrap().at -= Duration::from_millis(600);
        assert_eq!(*cache.get(&"slow", 2, || Ok(2)).unwrap(), 1);
        assert!(settles(&cache, "slow", 2), "refreshed");
    }
}
