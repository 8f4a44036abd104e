//! The PostgreSQL store's connections: an idle one is reused, else a new one is opened, so no
//! call waits for another's connection.

use std::sync::{Mutex, MutexGuard};

use postgres::{Client, Config, NoTls};

/// Idle connections kept for reuse; more are opened when calls overlap, and closed after.
const IDLE_CONNECTIONS: usize = 8;

/// Connections to one database: an idle one is reused, else a new one is opened, so no call
/// waits for another's connection.
pub(super) struct Pool {
    config: Config,
    idle: Mutex<Vec<Client>>,
}

impl Pool {
    pub(super) fn new(config: Config) -> Pool {
        Pool {
            config,
            idle: Mutex::new(Vec::new()),
        }
    }

    fn idle(&self) -> MutexGuard<'_, Vec<Client>> {
        self.idle.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(super) fn get(&self) -> Result<Pooled<'_>, postgres::Error> {
        let reused = self.idle().pop();
        let client = match reused {
            Some(c) if !c.is_closed() => c,
            _ => self.config.connect(NoTls)?,
        };
        Ok(Pooled {
            client: Some(client),
            pool: self,
        })
    }
}

/// A connection lent by the pool, given back when dropped (unless it broke).
pub(super) struct Pooled<'a> {
    client: Option<Client>,
    pool: &'a Pool,
}

impl Pooled<'_> {
    pub(super) fn get(&mut self) -> &mut Client {
        self.client
            .as_mut()
            .expect("a lent connection is present until dropped")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let mut idle = self.pool.idle();
            if !client.is_closed() && idle.len() < IDLE_CONNECTIONS {
                idle.push(client);
            }
        }
    }
}
