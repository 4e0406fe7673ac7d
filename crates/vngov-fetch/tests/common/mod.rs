//! A local HTTP server on 127.0.0.1 for the tests: answers with a handler, and logs
//! when each request arrived and when its response was fully written.

#![allow(dead_code)]

use std::io::Cursor;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use vngov_fetch::Config;

/// A response to send.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub wait: Duration,
    /// Send without Content-Length (chunked).
    pub chunked: bool,
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            wait: Duration::ZERO,
            chunked: false,
        }
    }
    pub fn html(body: &str) -> Reply {
        Reply::new(200, "text/html; charset=utf-8", body)
    }
    pub fn status(status: u16) -> Reply {
        Reply::new(status, "text/plain", format!("status {status}"))
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Path and query.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub arrived: Instant,
    pub finished: Instant,
}

/// What the handler is told about a request.
pub struct Req<'a> {
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    /// How many times this URL was asked for before.
    pub seen: usize,
}

type Handler = dyn Fn(&Req) -> Reply + Send + Sync;

pub struct Server {
    pub base: String,
    server: Arc<tiny_http::Server>,
    hits: Arc<Mutex<Vec<Hit>>>,
    in_flight: Arc<AtomicUsize>,
    max_in_flight: Arc<AtomicUsize>,
    threads: Vec<JoinHandle<()>>,
}

impl Server {
    /// A server with `threads` worker threads.
    pub fn start(
        threads: usize,
        handler: impl Fn(&Req) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let base = format!(
            "http://{}",
            server.server_addr().to_ip().expect("ip address")
        );
        let hits = Arc::new(Mutex::new(Vec::new()));
        let in_flight = Arc::new(AtomicUsize::new(0));
        let max_in_flight = Arc::new(AtomicUsize::new(0));
        let handler: Arc<Handler> = Arc::new(handler);
        let threads = (0..threads)
            .map(|_| {
                let (server, hits, in_flight, max_in_flight, handler) = (
                    server.clone(),
                    hits.clone(),
                    in_flight.clone(),
                    max_in_flight.clone(),
                    handler.clone(),
                );
                std::thread::spawn(move || {
                    while let Ok(req) = server.recv() {
                        let arrived = Instant::now();
                        let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                        max_in_flight.fetch_max(now, Ordering::SeqCst);
                        let url = req.url().to_string();
                        let headers: Vec<(String, String)> = req
                            .headers()
                            .iter()
                            .map(|h| (h.field.to_string(), h.value.to_string()))
                            .collect();
                        let seen = hits
                            .lock()
                            .unwrap()
                            .iter()
                            .filter(|h: &&Hit| h.url == url)
                            .count();
                        let reply = handler(&Req {
                            url: &url,
                            headers: &headers,
                            seen,
                        });
                        std::thread::sleep(reply.wait);
                        let len = (!reply.chunked).then_some(reply.body.len());
                        let mut resp = tiny_http::Response::new(
                            tiny_http::StatusCode(reply.status),
                            Vec::new(),
                            Cursor::new(reply.body),
                            len,
                            None,
                        );
                        for (n, v) in &reply.headers {
                            resp.add_header(
                                tiny_http::Header::from_bytes(n.as_bytes(), v.as_bytes()).unwrap(),
                            );
                        }
                        let _ = req.respond(resp);
                        let finished = Instant::now();
                        hits.lock().unwrap().push(Hit {
                            url,
                            headers,
                            arrived,
                            finished,
                        });
                        in_flight.fetch_sub(1, Ordering::SeqCst);
                    }
                })
            })
            .collect();
        Server {
            base,
            server,
            hits,
            in_flight,
            max_in_flight,
            threads,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Requests seen so far, in order of arrival. A worker logs a request just after
    /// its response is sent, so the client may be done before the last log entry is
    /// written: wait (briefly, bounded) for the requests still being answered.
    pub fn hits(&self) -> Vec<Hit> {
        let until = Instant::now() + Duration::from_secs(5);
        while self.in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(2));
        }
        let mut h = self.hits.lock().unwrap().clone();
        h.sort_by_key(|h| h.arrived);
        h
    }

    pub fn count(&self, url: &str) -> usize {
        self.hits().iter().filter(|h| h.url == url).count()
    }

    pub fn max_in_flight(&self) -> usize {
        self.max_in_flight.load(Ordering::SeqCst)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        for _ in 0..self.threads.len() {
            self.server.unblock();
        }
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// Settings for tests: short delays and timeouts, few retries.
pub fn quick() -> Config {
    Config {
        delay: Duration::from_millis(5),
        connect_timeout: Duration::from_secs(5),
        read_timeout: Duration::from_secs(5),
        total_timeout: Duration::from_secs(20),
        retries: 2,
        backoff_base: Duration::from_millis(50),
        backoff_max: Duration::from_secs(5),
        ..Config::default()
    }
}

/// How late the server may stamp a request's arrival: a worker thread of a loaded
/// machine can pick a request up a few milliseconds after it came in, which makes
/// the gap to the previous request look that much shorter than it was.
pub const STAMP_JITTER: Duration = Duration::from_millis(8);

/// Smallest gap between two consecutive arrivals, as the server stamped them.
pub fn min_gap(hits: &[Hit]) -> Duration {
    hits.windows(2)
        .map(|w| w[1].arrived - w[0].arrived)
        .min()
        .unwrap_or(Duration::MAX)
}
