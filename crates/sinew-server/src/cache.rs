//! Which views are reused between requests, and for how long? Views folded over the whole
//! store (the network, the entity list) and the entity pages built on them cost tens of
//! milliseconds or more on a large store, while an analyst's store changes by batches: each
//! is reused for [`VIEW_TTL`], then refreshed by the first request that finds it stale while
//! the others keep getting the stale one (stale-while-revalidate), so no request waits on a
//! refold it did not start but the first request for a view not yet built. An upload through
//! the server clears every view at once; an ingest beside the server is seen within the TTL.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::ServerError;

/// How long a view is served without a refresh.
pub(crate) const VIEW_TTL: Duration = Duration::from_secs(5);

/// Entity pages kept at most: past this the map is emptied (a crude bound, but memory must
/// not grow with the number of names asked for).
const MAX_KEYS: usize = 1024;

struct Entry<V> {
    at: Instant,
    value: Arc<V>,
    refreshing: bool,
}

/// Views by key, each reused for [`VIEW_TTL`].
pub(crate) struct ViewCache<K, V> {
    map: Mutex<HashMap<K, Entry<V>>>,
}

impl<K, V> Default for ViewCache<K, V> {
    fn default() -> Self {
        ViewCache {
            map: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Eq + Hash + Clone, V> ViewCache<K, V> {
    /// The view under `key`, built with `build` when missing, refreshed by this caller when
    /// stale and no other caller is refreshing it.
    pub(crate) fn get(
        &self,
        key: &K,
        build: impl FnOnce() -> Result<V, ServerError>,
    ) -> Result<Arc<V>, ServerError> {
        {
            let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(e) = map.get_mut(key) {
                if e.at.elapsed() < VIEW_TTL || e.refreshing {
                    return Ok(Arc::clone(&e.value));
                }
                e.refreshing = true;
            }
        }
        let built = build();
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        match built {
            Ok(v) => {
                if map.len() >= MAX_KEYS && !map.contains_key(key) {
                    map.clear();
                }
                let value = Arc::new(v);
                map.insert(
                    key.clone(),
                    Entry {
                        at: Instant::now(),
                        value: Arc::clone(&value),
                        refreshing: false,
                    },
                );
                Ok(value)
            }
            Err(e) => {
                // The next request tries again; the stale view stays until then.
                if let Some(entry) = map.get_mut(key) {
                    entry.refreshing = false;
                }
                Err(e)
            }
        }
    }

    pub(crate) fn clear(&self) {
        self.map.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_fresh_view_is_reused_and_a_failed_build_is_retried() {
        let cache: ViewCache<&str, u32> = ViewCache::default();
        let builds = Cell::new(0);
        let build = || {
            builds.set(builds.get() + 1);
            Ok(builds.get())
        };
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
    }
}
