//! Abuse resistance without third-party CAPTCHAs: rate limits on anonymous form posts and
//! staff sign-in, who the client is behind a trusted proxy, and the checks on a report's send
//! step (a honeypot field, a minimum fill time and, under load, a proof of work).
//!
//! Rate limits are token buckets (the `governor` crate) per client and per instance. A
//! client is known by an HMAC of its address under a random key that lives only in this
//! process's memory and is replaced every UTC day, so the buckets can never be turned back
//! into addresses, not even by someone holding the database and the service secret. Behind a
//! load balancer each instance keeps its own buckets: the per-client limit is per instance.
//! Decisions that must be exact across instances (staff sign-in lock-outs, spent proof-of-work
//! challenges) live in the database instead.

pub mod partner;
pub mod pow;

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use axum::http::{HeaderMap, Method};
use governor::clock::Clock as _;
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::DashMapStateStore;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};
use ipnet::IpNet;

use crate::clock::Clock;
use crate::config::{Config, PowMode};
use crate::http::error::AppError;
use crate::http::state::AppState;

/// The client's address as the frame resolved it into the request's
/// [`Visit`](crate::http::visit::Visit): the peer, or the address a trusted proxy forwarded.
/// `None` when the server runs without connection info (in-process tests).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub Option<IpAddr>);

/// What a limited request is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Any anonymous form post (a question answered, cookies chosen, feedback).
    Post,
    /// Sending a report.
    Send,
    /// Sending a report without a proof of work while proof of work is on.
    SendWithoutWork,
    /// Staff sign-in, code and set-up posts.
    SignIn,
}

type PerClient = RateLimiter<[u8; 16], DashMapStateStore<[u8; 16]>, Ticks, NoOpMiddleware<Nanos>>;
type PerInstance = RateLimiter<NotKeyed, InMemoryState, Ticks, NoOpMiddleware<Nanos>>;

/// One class's buckets: per client and per instance.
struct Buckets {
    per_client: PerClient,
    instance: PerInstance,
}

/// `burst` at once, then one more every `every` (per client); `per_second` with `burst`×2 for
/// the whole instance.
struct Limits {
    burst: u32,
    every: Duration,
    instance_per_second: u32,
}

fn limits(class: Class) -> Limits {
    // Generous per client because many people share one address (mobile networks, offices,
    // refuges): a report is about fifteen posts, and people make mistakes.
    match class {
        Class::Post => Limits {
            burst: 120,
            every: Duration::from_secs(5),
            instance_per_second: 300,
        },
        Class::Send => Limits {
            burst: 10,
            every: Duration::from_secs(6 * 60),
            instance_per_second: 50,
        },
        Class::SendWithoutWork => Limits {
            burst: 2,
            every: Duration::from_secs(30 * 60),
            instance_per_second: 5,
        },
        Class::SignIn => Limits {
            burst: 10,
            every: Duration::from_secs(60),
            instance_per_second: 10,
        },
    }
}

fn nonzero(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}

impl Buckets {
    fn new(class: Class, clock: &Ticks) -> Self {
        let l = limits(class);
        let per_client = Quota::with_period(l.every)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(nonzero(l.burst));
        let instance = Quota::per_second(nonzero(l.instance_per_second))
            .allow_burst(nonzero(l.instance_per_second * 2));
        Self {
            per_client: RateLimiter::dashmap_with_clock(per_client, clock.clone()),
            instance: RateLimiter::direct_with_clock(instance, clock.clone()),
        }
    }
}

/// The service clock as seen by `governor`, so limits follow the clock tests control.
#[derive(Clone, Debug)]
pub(crate) struct Ticks(pub(crate) Arc<dyn Clock>);

impl governor::clock::Clock for Ticks {
    type Instant = Nanos;
    fn now(&self) -> Nanos {
        Nanos::from(Duration::from_secs(
            u64::try_from(self.0.now()).unwrap_or(0),
        ))
    }
}

/// The key of today's client pseudonyms: random, in memory only.
struct DailyKey {
    day: i64,
    key: [u8; 32],
}

/// Rate limits, the proof-of-work switch and trusted proxies of one instance.
pub struct Guard {
    enabled: bool,
    trusted: Vec<IpNet>,
    clock: Ticks,
    key: Mutex<DailyKey>,
    post: Buckets,
    send: Buckets,
    send_without_work: Buckets,
    sign_in: Buckets,
    /// Sends on this instance, for switching proof of work on under load.
    load: PerInstance,
    /// Proof of work is asked for until this time (`auto` mode).
    work_until: AtomicI64,
    mode: PowMode,
}

impl std::fmt::Debug for Guard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guard")
            .field("enabled", &self.enabled)
            .field("trusted", &self.trusted)
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

/// How long proof of work stays on after the load that switched it on.
const WORK_HOLD_SECONDS: i64 = 15 * 60;

/// A `trusted_proxies` entry that is neither an address nor a network.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("trusted_proxies: {0:?} is not an address or network")]
pub struct BadProxy(pub String);

/// Parse the configured trusted proxies (`10.0.0.1` or `10.0.0.0/8`).
pub fn parse_proxies(list: &[String]) -> Result<Vec<IpNet>, BadProxy> {
    list.iter()
        .map(|s| {
            let s = s.trim();
            s.parse::<IpNet>()
                .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| BadProxy(s.to_owned()))
        })
        .collect()
}

impl Guard {
    /// The guard for `config`, on `clock`.
    pub fn new(config: &Config, clock: Arc<dyn Clock>) -> Result<Self, BadProxy> {
        let ticks = Ticks(clock);
        let trigger = config.proof_of_work_trigger_per_minute;
        Ok(Self {
            enabled: config.rate_limits,
            trusted: parse_proxies(&config.trusted_proxies)?,
            key: Mutex::new(DailyKey {
                day: i64::MIN,
                key: [0; 32],
            }),
            post: Buckets::new(Class::Post, &ticks),
            send: Buckets::new(Class::Send, &ticks),
            send_without_work: Buckets::new(Class::SendWithoutWork, &ticks),
            sign_in: Buckets::new(Class::SignIn, &ticks),
            load: RateLimiter::direct_with_clock(
                Quota::per_minute(nonzero(trigger)),
                ticks.clone(),
            ),
            clock: ticks,
            work_until: AtomicI64::new(i64::MIN),
            mode: config.proof_of_work,
        })
    }

    fn now(&self) -> i64 {
        self.clock.0.now()
    }

    /// Today's pseudonym of a client address. The key is replaced when the UTC day changes,
    /// and yesterday's buckets are dropped with it.
    fn pseudonym(&self, ip: Option<IpAddr>) -> [u8; 16] {
        let day = self.now().div_euclid(86_400);
        let key = match self.key.lock() {
            Ok(mut k) => {
                if k.day != day {
                    k.day = day;
                    k.key = crate::random::bytes::<32>();
                    for b in [
                        &self.post,
                        &self.send,
                        &self.send_without_work,
                        &self.sign_in,
                    ] {
                        b.per_client.retain_recent();
                        b.per_client.shrink_to_fit();
                    }
                }
                k.key
            }
            // A poisoned lock only means another request panicked holding it; the key is intact.
            Err(poisoned) => poisoned.into_inner().key,
        };
        let text = client_text(ip);
        let mac = crate::http::state::hmac(&key, text.as_bytes());
        let mut out = [0u8; 16];
        out.copy_from_slice(&mac[..16]);
        out
    }

    fn buckets(&self, class: Class) -> &Buckets {
        match class {
            Class::Post => &self.post,
            Class::Send => &self.send,
            Class::SendWithoutWork => &self.send_without_work,
            Class::SignIn => &self.sign_in,
        }
    }

    /// Take a token for `class` from the client's bucket and the instance's. `Err` holds the
    /// whole seconds to wait.
    pub fn take(&self, class: Class, ip: Option<IpAddr>) -> Result<(), u64> {
        if !self.enabled {
            return Ok(());
        }
        let b = self.buckets(class);
        let now = self.clock.now();
        let wait = |d: Duration| d.as_secs().max(1);
        b.per_client
            .check_key(&self.pseudonym(ip))
            .map_err(|n| wait(n.wait_time_from(now)))?;
        b.instance
            .check()
            .map_err(|n| wait(n.wait_time_from(now)))?;
        Ok(())
    }

    /// Whether a send must carry a proof of work now.
    pub fn work_required(&self) -> bool {
        match self.mode {
            PowMode::Off => false,
            PowMode::Always => true,
            PowMode::Auto => self.now() < self.work_until.load(Ordering::Relaxed),
        }
    }

    /// Count a send towards the instance's load; above the trigger, proof of work switches on
    /// for a while (`auto` mode).
    pub fn note_send(&self) {
        if self.mode == PowMode::Auto && self.load.check().is_err() {
            self.work_until
                .store(self.now() + WORK_HOLD_SECONDS, Ordering::Relaxed);
            tracing::warn!("many reports at once: proof of work switched on");
        }
    }

    /// The client behind `peer`: the peer itself, or, when the peer is a trusted proxy, the
    /// last address in `X-Forwarded-For` that is not one of our proxies.
    pub fn client(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
        resolve_client(peer, headers, &self.trusted)
    }
}

/// What identifies a client for limits: an IPv4 address, or the /64 of an IPv6 one (an
/// ISP gives a household or a phone a whole /64, so its addresses are one client).
pub fn client_text(ip: Option<IpAddr>) -> String {
    match ip {
        None => "unknown".to_owned(),
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let net = u128::from(v6) & !(u128::from(u64::MAX));
                format!("{}/64", std::net::Ipv6Addr::from(net))
            }
        },
    }
}

/// See [`Guard::client`].
pub fn resolve_client(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &[IpNet],
) -> Option<IpAddr> {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|n| n.contains(ip));
    let peer = peer?;
    if !is_trusted(&peer) {
        return Some(peer);
    }
    // Each proxy appends the address it received from, so the right-most entries are ours
    // and the first untrusted one from the right is the client. Anything before it could
    // have been written by the client itself and is ignored.
    let mut hops: Vec<&str> = Vec::new();
    for value in headers.get_all("x-forwarded-for") {
        let Ok(text) = value.to_str() else {
            return Some(peer);
        };
        hops.extend(text.split(',').map(str::trim).filter(|s| !s.is_empty()));
    }
    let mut client = peer;
    for hop in hops.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !is_trusted(&ip) {
                    break;
                }
            }
            // A malformed entry: trust nothing beyond the last proxy we know.
            Err(_) => break,
        }
    }
    Some(client)
}

/// Which limit a request falls under, if any: posts only; partner APIs have their own keys
/// and signed-in staff are not limited.
fn class_of(method: &Method, path: &str) -> Option<Class> {
    if method != Method::POST || path.starts_with("/api/") || path.starts_with("/open311/") {
        return None;
    }
    if path.starts_with("/staff/sign-in") || path.starts_with("/staff/setup") {
        return Some(Class::SignIn);
    }
    if path.starts_with("/staff") {
        return None;
    }
    Some(Class::Post)
}

/// Refuse a post from `client` over its limits with 429 and `Retry-After`.
pub fn admit<B>(
    state: &AppState,
    req: &axum::http::Request<B>,
    ClientIp(client): ClientIp,
) -> Result<(), AppError> {
    if let Some(class) = class_of(req.method(), req.uri().path())
        && let Err(seconds) = state.guard.take(class, client)
    {
        tracing::info!(?class, "rate limited");
        return Err(AppError::TooMany(seconds));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let trusted = parse_proxies(&["10.0.0.0/8".into(), "192.0.2.1".into()]).unwrap();
        let h = headers(&["198.51.100.7, 10.1.2.3"]);
        // Not from a proxy: the header is the client's own words.
        assert_eq!(
            resolve_client(Some(ip("203.0.113.9")), &h, &trusted),
            Some(ip("203.0.113.9"))
        );
        // From a proxy: the right-most untrusted hop.
        assert_eq!(
            resolve_client(Some(ip("192.0.2.1")), &h, &trusted),
            Some(ip("198.51.100.7"))
        );
        // A client that writes its own header cannot pick its address.
        let forged = headers(&["1.2.3.4", "198.51.100.7"]);
        assert_eq!(
            resolve_client(Some(ip("10.9.9.9")), &forged, &trusted),
            Some(ip("198.51.100.7"))
        );
        // Garbage stops the walk at the last known proxy.
        let bad = headers(&["nonsense, 10.0.0.5"]);
        assert_eq!(
            resolve_client(Some(ip("10.9.9.9")), &bad, &trusted),
            Some(ip("10.0.0.5"))
        );
        // No header: the proxy itself.
        assert_eq!(
            resolve_client(Some(ip("10.9.9.9")), &HeaderMap::new(), &trusted),
            Some(ip("10.9.9.9"))
        );
        assert!(parse_proxies(&["not-an-address".into()]).is_err());
    }

    fn guard(clock: &Arc<ManualClock>, configure: impl FnOnce(&mut Config)) -> Guard {
        let mut config = Config::default();
        configure(&mut config);
        Guard::new(&config, clock.clone() as Arc<dyn Clock>).unwrap()
    }

    #[test]
    fn a_client_gets_its_burst_then_waits_and_others_are_not_affected() {
        let clock = ManualClock::new(1_795_694_400);
        let g = guard(&clock, |_| {});
        let a = Some(ip("198.51.100.1"));
        let accepted = (0..50).filter(|_| g.take(Class::Send, a).is_ok()).count();
        assert_eq!(accepted, 10);
        let wait = g.take(Class::Send, a).unwrap_err();
        assert!((1..=360).contains(&wait), "{wait}");
        assert!(g.take(Class::Send, Some(ip("198.51.100.2"))).is_ok());
        clock.advance(360);
        assert!(g.take(Class::Send, a).is_ok());
        assert!(g.take(Class::Send, a).is_err());
    }

    #[test]
    fn the_daily_key_changes_the_pseudonym() {
        let clock = ManualClock::new(1_795_694_400);
        let g = guard(&clock, |_| {});
        let a = Some(ip("198.51.100.1"));
        let today = g.pseudonym(a);
        assert_eq!(today, g.pseudonym(a));
        clock.advance(86_400);
        assert_ne!(today, g.pseudonym(a));
    }

    #[test]
    fn an_ipv6_client_is_its_64_and_a_mapped_ipv4_its_address() {
        let clock = ManualClock::new(1_795_694_400);
        let g = guard(&clock, |_| {});
        let p = |s: &str| g.pseudonym(Some(ip(s)));
        assert_eq!(p("2001:db8:1:2::1"), p("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assert_ne!(p("2001:db8:1:2::1"), p("2001:db8:1:3::1"));
        assert_eq!(p("::ffff:198.51.100.1"), p("198.51.100.1"));
        assert_eq!(
            client_text(Some(ip("2001:db8:1:2:3:4:5:6"))),
            "2001:db8:1:2::/64"
        );
        assert_eq!(client_text(None), "unknown");
    }

    #[test]
    fn a_client_over_its_limit_takes_nothing_from_the_instance() {
        let clock = ManualClock::new(1_795_694_400);
        let g = guard(&clock, |c| c.rate_limits = true);
        let hammer = Some(ip("2001:db8:9:9::1"));
        let ok = (0..1000u128)
            .filter(|i| {
                let addr = hammer.map(|a| match a {
                    IpAddr::V6(v6) => IpAddr::V6((u128::from(v6) + *i).into()),
                    other => other,
                });
                g.take(Class::SignIn, addr).is_ok()
            })
            .count();
        assert_eq!(ok, usize::try_from(limits(Class::SignIn).burst).unwrap());
        assert!(g.take(Class::SignIn, Some(ip("203.0.113.5"))).is_ok());
    }

    #[test]
    fn proof_of_work_switches_on_under_load_and_off_again() {
        let clock = ManualClock::new(1_795_694_400);
        let g = guard(&clock, |c| c.proof_of_work_trigger_per_minute = 3);
        for _ in 0..3 {
            g.note_send();
        }
        assert!(!g.work_required());
        g.note_send();
        assert!(g.work_required());
        clock.advance(WORK_HOLD_SECONDS);
        assert!(!g.work_required());
        let off = guard(&clock, |c| c.proof_of_work = PowMode::Off);
        (0..100).for_each(|_| off.note_send());
        assert!(!off.work_required());
        let always = guard(&clock, |c| c.proof_of_work = PowMode::Always);
        assert!(always.work_required());
    }

    #[test]
    fn only_anonymous_posts_and_sign_in_are_limited() {
        assert_eq!(
            class_of(&Method::POST, "/report-stalking/who-for"),
            Some(Class::Post)
        );
        assert_eq!(
            class_of(&Method::POST, "/staff/sign-in"),
            Some(Class::SignIn)
        );
        assert_eq!(
            class_of(&Method::POST, "/staff/sign-in/code"),
            Some(Class::SignIn)
        );
        assert_eq!(class_of(&Method::POST, "/staff/setup"), Some(Class::SignIn));
        assert_eq!(class_of(&Method::POST, "/staff/reports/1"), None);
        assert_eq!(class_of(&Method::GET, "/report-stalking"), None);
        assert_eq!(class_of(&Method::POST, "/open311/v2/requests.json"), None);
    }
}
