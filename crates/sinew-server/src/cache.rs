//! Which views are reused between requests, and for how long? Views folded over the whole
//! store (the network, the entity list, the ledger for each filter) and the pages built on
//! them (entity pages) cost from tens of milliseconds to seconds on a large store, while an
//! analyst's store changes by batches: each is reused for its TTL ([`VIEW_TTL`], or five
//! times as long as it took to build, if longer: see [`BUILD_TIMES_FRESH`]), then
//! refreshed on a background thread started by the first request that finds it stale, while
//! that request and every other keep getting the last view (stale-while-revalidate). So no
//! request waits on a refold, but the first request for a view not yet built (there is
//! nothing to show it); before, the request that found a view stale rebuilt it itself (23.6 s
//! for the network of a 100k-document store under load).
//!
//! Search results are another matter: the index says exactly when what it answers changes
//! (its generation, `SearchIndex::generation`), so a result is kept with the generation it
//! was computed under and served while that generation holds, with no time limit and no
//! staleness ([`StampedCache`]); an analyst's repeated or shared URL is then answered without
//! touching the index.
//!
//! An upload through the server clears every view at once; a refresh started before the
//! clear finishes into nothing (each clear starts a new generation, and a refresh keeps its
//! result only in the generation it began in), so no view from before an upload outlives
//! it. An ingest beside the server is seen within the TTL plus one refresh.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::ServerError;

/// How long a view is served without a refresh.
pub(crate) const VIEW_TTL: Duration = Duration::from_secs(5);

struct Entry<V> {
    at: Instant,
    /// How long it is served before a refresh: the TTL, or longer for a view slow to build.
    fresh_for: Duration,
    value: Arc<V>,
    refreshing: bool,
}

/// A view is served at least this many times as long as it took to build before it is
/// refreshed, so that refreshing takes at most about a fifth of a core per view whatever the
/// store's size (refolding the network of a 100k-document store every 5 s kept a core busy
/// with answers that had not changed).
const BUILD_TIMES_FRESH: u32 = 5;

struct Views<K, V> {
    map: HashMap<K, Entry<V>>,
    /// Raised by each clear: a refresh begun in an older generation is dropped.
    generation: u64,
}

/// Views by key, each reused for its TTL and refreshed in the background.
pub(crate) struct ViewCache<K, V> {
    views: Arc<Mutex<Views<K, V>>>,
    ttl: Duration,
    /// Keys kept at most: past this the map is emptied (a crude bound, but memory must not
    /// grow with the number of names or filters asked for).
    max_keys: usize,
}

impl<K, V> ViewCache<K, V> {
    /// A cache of at most `max_keys` views, each served for `ttl` before a refresh.
    pub(crate) fn new(ttl: Duration, max_keys: usize) -> Self {
        ViewCache {
            views: Arc::new(Mutex::new(Views {
                map: HashMap::new(),
                generation: 0,
            })),
            ttl,
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
    /// The view under `key`: built by this caller when missing; when stale, the stale one,
    /// with a refresh started on a background thread unless one is running.
    pub(crate) fn get<F>(&self, key: &K, build: F) -> Result<Arc<V>, ServerError>
    where
        F: FnOnce() -> Result<V, ServerError> + Send + 'static,
    {
        match self.lookup(key, build) {
            Ok(kept) => Ok(kept),
            Err((generation, build)) => {
                let began = Instant::now();
                let built = build();
                self.keep(key, generation, began.elapsed(), built)
            }
        }
    }

    /// The view under `key` when one is kept, fresh or stale (a stale one starts its
    /// refresh, as [`ViewCache::get`] does); `None`, building nothing, when none is. For
    /// callers that must not block (an async handler): they build on the blocking pool then.
    pub(crate) fn kept<F>(&self, key: &K, refresh: F) -> Option<Arc<V>>
    where
        F: FnOnce() -> Result<V, ServerError> + Send + 'static,
    {
        self.lookup(key, refresh).ok()
    }

    /// The kept view, or the generation to build in and the builder back when none is.
    fn lookup<F>(&self, key: &K, build: F) -> Result<Arc<V>, (u64, F)>
    where
        F: FnOnce() -> Result<V, ServerError> + Send + 'static,
    {
        let mut views = lock(&self.views);
        let generation = views.generation;
        let Some(e) = views.map.get_mut(key) else {
            return Err((generation, build));
        };
        if e.at.elapsed() < e.fresh_for || e.refreshing {
            return Ok(Arc::clone(&e.value));
        }
        e.refreshing = true;
        let stale = Arc::clone(&e.value);
        drop(views);
        self.refresh_in_background(key.clone(), generation, build);
        Ok(stale)
    }

    /// Runs `build` on a thread of its own and keeps what it gives.
    fn refresh_in_background<F>(&self, key: K, generation: u64, build: F)
    where
        F: FnOnce() -> Result<V, ServerError> + Send + 'static,
    {
        let cache = ViewCache {
            views: Arc::clone(&self.views),
            ttl: self.ttl,
            max_keys: self.max_keys,
        };
        let own = key.clone();
        let spawned = std::thread::Builder::new()
            .name("sinew-view-refresh".to_string())
            .spawn(move || {
                let began = Instant::now();
                let built = build();
                if let Err(e) = cache.keep(&key, generation, began.elapsed(), built) {
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

    /// Keeps a build's result under `key` when no clear came since `generation`; a failed
    /// build leaves the stale view (if any) for the next request to refresh.
    fn keep(
        &self,
        key: &K,
        generation: u64,
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
                            fresh_for: self.ttl.max(took.saturating_mul(BUILD_TIMES_FRESH)),
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
        ViewCache::new(VIEW_TTL, 8)
    }

    #[test]
    fn a_fresh_view_is_reused_and_a_failed_build_is_retried() {
        let cache = cache();
        let builds = Arc::new(AtomicU32::new(0));
        let b = Arc::clone(&builds);
        let build = move || Ok(b.fetch_add(1, Ordering::SeqCst) + 1);
        assert_eq!(*cache.get(&"a", build).unwrap(), 1);
        assert_eq!(*cache.get(&"a", || Ok(99)).unwrap(), 1, "fresh: reused");
        assert!(cache
            .get(&"b", || Err(ServerError::SearchUnavailable))
            .is_err());
        assert_eq!(
            *cache.get(&"b", || Ok(7)).unwrap(),
            7,
            "a failure is not kept"
        );
        cache.clear();
        assert_eq!(*cache.get(&"a", || Ok(5)).unwrap(), 5, "cleared");
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
    fn a_stale_view_is_served_while_a_background_thread_rebuilds_it() {
        let cache: ViewCache<&'static str, u32> = ViewCache::new(Duration::ZERO, 8);
        assert_eq!(*cache.get(&"net", || Ok(1)).unwrap(), 1);
        // The rebuild blocks until told to finish: were the request waiting on it, `get`
        // would never return.
        let (go, wait) = mpsc::channel::<()>();
        let stale = cache
            .get(&"net", move || {
                wait.recv().ok();
                Ok(2)
            })
            .unwrap();
        assert_eq!(*stale, 1, "the last view, at once");
        // One refresh at a time: others get the stale view and start nothing.
        assert_eq!(*cache.get(&"net", || Ok(99)).unwrap(), 1);
        go.send(()).unwrap();
        assert!(settles(&cache, "net", 2), "the refresh is kept");
    }

    #[test]
    fn a_refresh_begun_before_a_clear_is_dropped() {
        let cache: ViewCache<&'static str, u32> = ViewCache::new(Duration::ZERO, 8);
        cache.get(&"net", || Ok(1)).unwrap();
        let (go, wait) = mpsc::channel::<()>();
        let (done, finished) = mpsc::channel::<()>();
        cache
            .get(&"net", move || {
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
        assert_eq!(*cache.get(&"net", || Ok(3)).unwrap(), 3);
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
    fn a_view_slow_to_build_is_served_longer_before_a_refresh() {
        let cache: ViewCache<&'static str, u32> = ViewCache::new(Duration::ZERO, 8);
        cache
            .get(&"slow", || {
                std::thread::sleep(Duration::from_millis(200));
                Ok(1)
            })
            .unwrap();
        // A TTL of zero, but the build took 200 ms: fresh for about 1 s, so no refresh
        // starts now (one would be running, and give 2 later).
        assert_eq!(*cache.get(&"slow", || Ok(2)).unwrap(), 1);
        assert!(!lock(&cache.views).map["slow"].refreshing);
    }
}
