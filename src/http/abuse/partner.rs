//! Limits on Open311 `POST requests`, so one partner key cannot flood (and so poison) the
//! hotspots: a token bucket per key on this instance (`governor`, on the service clock), and a
//! daily quota per key counted in the database, which holds however many instances run.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::Clock as _;
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::DashMapStateStore;
use governor::{Quota, RateLimiter};

use super::Ticks;
use crate::clock::{Clock, Timestamp};
use crate::config::Config;

type PerKey = RateLimiter<i64, DashMapStateStore<i64>, Ticks, NoOpMiddleware<Nanos>>;

/// The per-key buckets of one instance.
pub struct PostLimits {
    enabled: bool,
    clock: Ticks,
    buckets: PerKey,
}

impl std::fmt::Debug for PostLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostLimits")
            .field("enabled", &self.enabled)
            .finish_non_exhaustive()
    }
}

impl PostLimits {
    /// Buckets of `open311_post_burst` tokens, one more every `open311_post_every_seconds`;
    /// off when `rate_limits` is (load tests on loopback). The daily quota is never off.
    pub fn new(config: &Config, clock: Arc<dyn Clock>) -> Self {
        let ticks = Ticks(clock);
        let every = Duration::from_secs(config.open311_post_every_seconds.max(1));
        let burst = NonZeroU32::new(config.open311_post_burst).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::with_period(every)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst);
        Self {
            enabled: config.rate_limits,
            buckets: RateLimiter::dashmap_with_clock(quota, ticks.clone()),
            clock: ticks,
        }
    }

    /// Take a token from the bucket of partner key `key_id`. `Err` holds the whole seconds to
    /// wait.
    pub fn take(&self, key_id: i64) -> Result<(), u64> {
        if !self.enabled {
            return Ok(());
        }
        let now = self.clock.now();
        if self.buckets.len() > 10_000 {
            // Keys are few; this only bounds memory should revoked keys pile up.
            self.buckets.retain_recent();
        }
        self.buckets
            .check_key(&key_id)
            .map_err(|n| n.wait_time_from(now).as_secs().max(1))
    }
}

/// Seconds from `now` until the next UK midnight, when a daily quota starts again.
pub fn until_tomorrow(now: Timestamp) -> u64 {
    let tz = jiff::tz::TimeZone::get("Europe/London").unwrap_or(jiff::tz::TimeZone::UTC);
    let next = jiff::Timestamp::from_second(now)
        .ok()
        .and_then(|t| t.to_zoned_datetime(tz.clone()).date().tomorrow().ok())
        .and_then(|d| d.to_zoned_datetime(tz).ok())
        .map_or(now + 86_400, |z| z.timestamp().as_second());
    u64::try_from(next - now).unwrap_or(1).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    #[test]
    fn a_key_gets_its_burst_then_waits_and_other_keys_are_unaffected() {
        let clock = ManualClock::new(1_000_000);
        let config = Config {
            open311_post_burst: 3,
            open311_post_every_seconds: 10,
            ..Config::default()
        };
        let limits = PostLimits::new(&config, clock.clone());
        for _ in 0..3 {
            assert!(limits.take(1).is_ok());
        }
        assert_eq!(limits.take(1), Err(10));
        assert!(limits.take(2).is_ok());
        clock.advance(10);
        assert!(limits.take(1).is_ok());
    }

    #[test]
    fn the_quota_restarts_at_uk_midnight() {
        // 2026-11-25T12:00:00Z (GMT): twelve hours to go.
        assert_eq!(until_tomorrow(1_795_694_400), 12 * 3600);
        // 2026-07-01T12:00:00Z is 13:00 BST: eleven hours to go.
        assert_eq!(until_tomorrow(1_782_993_600), 11 * 3600);
    }
}
