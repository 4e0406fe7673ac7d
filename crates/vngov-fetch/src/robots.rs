//! robots.txt (RFC 9309), parsed by `robotxt` and cached per origin: fetched once,
//! however many requests wait for it.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

use robotxt::{AccessResult, Robots};
use tokio::sync::OnceCell;
use url::Url;

use crate::config::ROBOTS_TOKEN;
use crate::outcome::{ErrorKind, FetchError, Fetched};

/// The rules for one origin, and how they were obtained.
#[derive(Debug)]
pub struct Rules {
    /// The parsed rules for our token.
    pub robots: Robots,
    /// Set when robots.txt could not be read and every URL is refused (RFC 9309: a
    /// server error means "assume complete disallow").
    pub unreachable: Option<String>,
}

impl Rules {
    /// Rules from the result of fetching robots.txt.
    pub fn from_fetch(result: &Result<Fetched, FetchError>) -> Rules {
        match result {
            Ok(f) => Rules::parse(&f.body),
            Err(e) => match (e.kind, e.status) {
                (ErrorKind::Status, Some(s)) if (400..500).contains(&s) => allow_all(),
                (ErrorKind::Redirect | ErrorKind::TooLarge | ErrorKind::Decode, _) => allow_all(),
                _ => Rules {
                    robots: Robots::from_access(AccessResult::Unreachable, ROBOTS_TOKEN),
                    unreachable: Some(e.reason.clone()),
                },
            },
        }
    }

    /// Rules from a robots.txt body, whatever its bytes.
    pub fn parse(body: &[u8]) -> Rules {
        Rules {
            robots: Robots::from_access(AccessResult::Successful(body), ROBOTS_TOKEN),
            unreachable: None,
        }
    }

    /// Whether our token may fetch `url`.
    pub fn allows(&self, url: &Url) -> bool {
        self.robots.is_url_allowed(url)
    }

    /// Why `current` (reached from `asked`, the URL asked for) is not fetched, or
    /// `None` when it may be. An origin whose robots.txt could not be read is a
    /// failure to fetch ([`ErrorKind::RobotsUnreachable`]), not a refusal: a host
    /// that does not answer must not pass for a polite skip.
    pub fn refusal(&self, asked: &Url, current: &Url) -> Option<FetchError> {
        if self.allows(current) {
            return None;
        }
        let (kind, reason) = match &self.unreachable {
            Some(why) => (
                ErrorKind::RobotsUnreachable,
                format!("robots.txt could not be read ({why}): not fetching"),
            ),
            None if current == asked => (ErrorKind::Robots, "disallowed by robots.txt".into()),
            None => (
                ErrorKind::Robots,
                format!("redirect target {current} is disallowed by robots.txt"),
            ),
        };
        Some(FetchError::new(asked.as_str(), kind, reason))
    }
}

fn allow_all() -> Rules {
    Rules {
        robots: Robots::from_access(AccessResult::Unavailable, ROBOTS_TOKEN),
        unreachable: None,
    }
}

/// The robots.txt URL of the origin of `url`.
pub fn robots_url(url: &Url) -> Option<Url> {
    robotxt::robots_url(url).ok()
}

/// Rules per origin, each fetched at most once.
#[derive(Default)]
pub struct Cache {
    origins: Mutex<HashMap<String, Arc<OnceCell<Arc<Rules>>>>>,
}

impl Cache {
    /// The rules for the origin of `url`, fetching robots.txt with `fetch` the first
    /// time the origin is seen.
    pub async fn rules<F, Fut>(&self, url: &Url, fetch: F) -> Arc<Rules>
    where
        F: FnOnce(Url) -> Fut,
        Fut: Future<Output = Result<Fetched, FetchError>>,
    {
        let Some(robots) = robots_url(url) else {
            return Arc::new(allow_all());
        };
        let cell = {
            let mut map = self.origins.lock().unwrap_or_else(|e| e.into_inner());
            map.entry(robots.as_str().to_string()).or_default().clone()
        };
        cell.get_or_init(|| async move { Arc::new(Rules::from_fetch(&fetch(robots).await)) })
            .await
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetched(body: &str) -> Result<Fetched, FetchError> {
        let u = Url::parse("http://a.gov.vn/robots.txt").unwrap();
        Ok(Fetched {
            url: u.clone(),
            final_url: u,
            status: 200,
            headers: Default::default(),
            body: body.as_bytes().to_vec(),
            exchanges: vec![],
        })
    }

    fn failed(kind: ErrorKind, status: Option<u16>) -> Result<Fetched, FetchError> {
        let mut e = FetchError::new("http://a.gov.vn/robots.txt", kind, "x");
        e.status = status;
        Err(e)
    }

    #[test]
    fn our_group_or_the_star_group_applies() {
        let r = Rules::from_fetch(&fetched(
            "User-agent: *\nDisallow: /admin\n\nUser-agent: vngov\nDisallow: /van-ban/\n",
        ));
        let u = |p: &str| Url::parse(&format!("http://a.gov.vn{p}")).unwrap();
        assert!(!r.allows(&u("/van-ban/1.html")));
        assert!(
            r.allows(&u("/admin")),
            "only the vngov group applies to vngov"
        );
        let r = Rules::from_fetch(&fetched("User-agent: *\nDisallow: /admin\n"));
        assert!(!r.allows(&u("/admin/x")));
        assert!(r.allows(&u("/tin-tuc")));
    }

    #[test]
    fn missing_file_allows_and_server_error_refuses() {
        let u = Url::parse("http://a.gov.vn/x").unwrap();
        assert!(Rules::from_fetch(&failed(ErrorKind::Status, Some(404))).allows(&u));
        let r = Rules::from_fetch(&failed(ErrorKind::Status, Some(503)));
        assert!(!r.allows(&u));
        assert!(r.unreachable.is_some());
        assert!(!Rules::from_fetch(&failed(ErrorKind::Timeout, None)).allows(&u));
    }

    #[test]
    fn an_unreadable_robots_txt_is_a_failure_and_a_disallow_a_refusal() {
        let u = Url::parse("http://a.gov.vn/x").unwrap();
        let e = Rules::from_fetch(&failed(ErrorKind::Connect, None))
            .refusal(&u, &u)
            .unwrap();
        assert_eq!(e.kind, ErrorKind::RobotsUnreachable);
        assert_eq!(e.reason, "robots.txt could not be read (x): not fetching");
        let r = Rules::from_fetch(&fetched("User-agent: *\nDisallow: /x\n"));
        let e = r.refusal(&u, &u).unwrap();
        assert_eq!(
            (e.kind, e.reason.as_str()),
            (ErrorKind::Robots, "disallowed by robots.txt")
        );
        let ok = Url::parse("http://a.gov.vn/y").unwrap();
        assert!(r.refusal(&ok, &ok).is_none());
    }
}
