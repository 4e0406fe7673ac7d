//! When to try again, and after how long: exponential backoff with jitter for 429,
//! 5xx, timeouts and broken connections; `Retry-After` (seconds or HTTP-date) honoured.

use std::time::{Duration, SystemTime};

/// Retry policy.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Attempts after the first.
    pub retries: u32,
    /// Backoff before the first retry; doubled each time.
    pub base: Duration,
    /// Longest backoff, and longest `Retry-After` honoured.
    pub max: Duration,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then try again.
    Retry(Duration),
    /// Stop: the failure is final or attempts are used up.
    GiveUp,
    /// The server asked for a longer wait than we allow.
    TooLong(Duration),
}

/// Whether a status is worth another attempt: 408, 429 and 5xx but 501 and 505.
pub fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429) || (500..600).contains(&status) && !matches!(status, 501 | 505)
}

impl Policy {
    /// The decision after failed attempt number `attempt` (1 for the first), given the
    /// server's `Retry-After` when it sent one.
    pub fn decide(&self, attempt: u32, retry_after: Option<Duration>) -> Decision {
        if attempt > self.retries {
            return Decision::GiveUp;
        }
        match retry_after {
            Some(d) if d > self.max => Decision::TooLong(d),
            // The host's politeness delay still applies on top.
            Some(d) => Decision::Retry(d),
            None => Decision::Retry(self.backoff(attempt)),
        }
    }

    /// Exponential backoff with "equal jitter": half the doubled delay, plus a random
    /// part up to the other half, so retries from many clients spread out but never
    /// come sooner than half the nominal delay.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let exp = attempt.saturating_sub(1).min(20);
        let nominal = self.base.saturating_mul(1 << exp).min(self.max);
        let half = nominal / 2;
        half + half.mul_f64(fastrand::f64())
    }
}

/// Parses a `Retry-After` value: delay seconds or an HTTP-date (a date in the past
/// means now).
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy {
            retries: 3,
            base: Duration::from_millis(100),
            max: Duration::from_secs(2),
        }
    }

    #[test]
    fn statuses_worth_retrying() {
        for s in [408, 429, 500, 502, 503, 504] {
            assert!(retryable_status(s), "{s}");
        }
        for s in [200, 301, 400, 403, 404, 410, 501, 505] {
            assert!(!retryable_status(s), "{s}");
        }
    }

    #[test]
    fn backoff_doubles_within_jitter_bounds() {
        let p = policy();
        for attempt in 1..=5u32 {
            let nominal = (Duration::from_millis(100) * (1 << (attempt - 1))).min(p.max);
            for _ in 0..50 {
                let d = p.backoff(attempt);
                assert!(d >= nominal / 2 && d <= nominal, "{attempt}: {d:?}");
            }
        }
    }

    #[test]
    fn attempts_are_bounded() {
        let p = policy();
        assert!(matches!(p.decide(3, None), Decision::Retry(_)));
        assert_eq!(p.decide(4, None), Decision::GiveUp);
    }

    #[test]
    fn retry_after_is_honoured_or_refused() {
        let p = policy();
        assert_eq!(
            p.decide(1, Some(Duration::from_secs(1))),
            Decision::Retry(Duration::from_secs(1))
        );
        assert_eq!(
            p.decide(1, Some(Duration::from_secs(3600))),
            Decision::TooLong(Duration::from_secs(3600))
        );
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
    }
}
