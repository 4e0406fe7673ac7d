//! Per-host politeness: at most `per_host` requests to a host at once, and each
//! request starts at least `delay` after the previous one to that host ended.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;
use url::Url;

/// The key politeness is counted by: host and port.
pub fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

struct Host {
    slots: Arc<Semaphore>,
    /// Earliest start of the next request, and the delay in force for this host.
    state: Mutex<(Instant, Duration)>,
}

/// Politeness bookkeeping for every host seen.
pub struct Politeness {
    delay: Duration,
    per_host: usize,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
}

/// The right to send one request to a host; dropping it marks the request's end.
pub struct Turn {
    host: Arc<Host>,
    _slot: OwnedSemaphorePermit,
}

impl Drop for Turn {
    fn drop(&mut self) {
        let mut st = self.host.state.lock().unwrap_or_else(|e| e.into_inner());
        let next = Instant::now() + st.1;
        if next > st.0 {
            st.0 = next;
        }
    }
}

impl Politeness {
    /// Politeness with these defaults for every host.
    pub fn new(delay: Duration, per_host: usize) -> Self {
        Politeness {
            delay,
            per_host: per_host.max(1),
            hosts: Mutex::new(HashMap::new()),
        }
    }

    fn host(&self, key: &str) -> Arc<Host> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(key.to_string())
            .or_insert_with(|| {
                Arc::new(Host {
                    slots: Arc::new(Semaphore::new(self.per_host)),
                    state: Mutex::new((Instant::now(), self.delay)),
                })
            })
            .clone()
    }

    /// Waits for a free slot on the host and for its delay to pass.
    pub async fn turn(&self, key: &str) -> Turn {
        let host = self.host(key);
        let slot = host
            .slots
            .clone()
            .acquire_owned()
            .await
            .expect("politeness semaphores are never closed");
        loop {
            let start = {
                let mut st = host.state.lock().unwrap_or_else(|e| e.into_inner());
                let now = Instant::now();
                if st.0 <= now {
                    // Reserve: a concurrent holder of another slot starts no sooner
                    // than one delay later.
                    st.0 = now + st.1;
                    None
                } else {
                    Some(st.0)
                }
            };
            match start {
                None => break,
                Some(t) => tokio::time::sleep_until(t).await,
            }
        }
        Turn { host, _slot: slot }
    }

    /// Makes the host's delay at least `delay` (a robots.txt `Crawl-delay`).
    pub fn at_least(&self, key: &str, delay: Duration) {
        let host = self.host(key);
        let mut st = host.state.lock().unwrap_or_else(|e| e.into_inner());
        if delay > st.1 {
            st.1 = delay;
        }
    }

    /// Holds every request to the host back for `wait` from now (a `Retry-After` or
    /// a backoff: the whole host is given time, not only the URL that failed).
    pub fn defer(&self, key: &str, wait: Duration) {
        let host = self.host(key);
        let mut st = host.state.lock().unwrap_or_else(|e| e.into_inner());
        let until = Instant::now() + wait;
        if until > st.0 {
            st.0 = until;
        }
    }
}
