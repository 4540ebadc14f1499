//! Alerts for urgent and high-priority stalking reports: an email with no report content and a
//! signed webhook for force systems, both delivered from the outbox (`storage::outbox`) by a
//! worker that retries with exponential backoff and jitter until each alert is delivered.
//!
//! Delivery is at least once: a row is marked delivered only after the receiver accepted it,
//! so a crash between the two sends it again; receivers drop repeats by the idempotency key.

pub mod email;
pub mod webhook;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::clock::{Clock, Timestamp};
use crate::config::Config;
use crate::domain::alert::Channel;
use crate::storage::{Alert, DynStore, StoreError};

/// Alerts claimed at a time (and delivered concurrently).
pub const BATCH: i64 = 32;
/// How long a claim lasts: longer than any one delivery can take (each is cut off at
/// [`SEND_TIMEOUT`]), so a live worker never loses its rows, and short enough that rows held
/// by a process that died are sent again within minutes.
pub const LEASE_SECONDS: i64 = 120;
/// Longest a single delivery may take.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(20);
/// The first retry comes after about this long; each next one waits twice as long…
pub const RETRY_BASE_SECONDS: i64 = 30;
/// …up to this.
pub const RETRY_MAX_SECONDS: i64 = 3_600;
/// How often an idle worker looks for due alerts.
const POLL: Duration = Duration::from_secs(1);

/// The channels configured, in outbox order: a report raising an alert gets one row each.
pub fn channels(config: &Config) -> Vec<Channel> {
    Channel::ALL
        .into_iter()
        .filter(|c| match c {
            Channel::Email => !config.alert_email_to.trim().is_empty(),
            Channel::Webhook => !config.alert_webhook_url.trim().is_empty(),
        })
        .collect()
}

/// Seconds to wait before attempt `attempts + 1`, after `attempts` failed ones: exponential
/// (30 s, 1 min, 2 min, … up to an hour) with "equal jitter" (a random point in the upper half
/// of the step, `jitter` in `[0, 1)`), so alerts that failed together do not all come back in
/// the same second.
pub fn retry_delay(attempts: i64, jitter: f64) -> i64 {
    let exp = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    let step = RETRY_BASE_SECONDS
        .saturating_mul(1_i64 << exp)
        .min(RETRY_MAX_SECONDS);
    let half = step / 2;
    half + (half as f64 * jitter.clamp(0.0, 1.0)) as i64
}

/// Why a delivery failed, as a short class safe to show and count (never a message body, an
/// address or a server's reply text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure(pub String);

/// The email channel.
struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    to: Mailbox,
}

/// The webhook channel.
struct Hook {
    client: HttpsClient,
    url: http::Uri,
    secret: Vec<u8>,
}

/// hyper's pooled client over rustls (ring, webpki roots); it never follows redirects.
type HttpsClient = hyper_util::client::legacy::Client<
    hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>,
    http_body_util::Full<bytes::Bytes>,
>;

/// Delivers due alerts from the outbox.
pub struct Deliverer {
    store: DynStore,
    clock: Arc<dyn Clock>,
    base_url: String,
    mailer: Option<Mailer>,
    hook: Option<Hook>,
}

impl std::fmt::Debug for Deliverer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Deliverer")
            .field("email", &self.mailer.is_some())
            .field("webhook", &self.hook.is_some())
            .finish_non_exhaustive()
    }
}

/// What one pass over the outbox did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    /// Alerts claimed.
    pub claimed: usize,
    /// Delivered.
    pub delivered: usize,
    /// Failed (each scheduled again).
    pub failed: usize,
}

/// Check the alert settings: a bad one stops start-up with a message saying which.
pub fn check(config: &Config) -> anyhow::Result<()> {
    mailer(config)?;
    hook(config)?;
    Ok(())
}

fn mailer(config: &Config) -> anyhow::Result<Option<Mailer>> {
    if config.alert_email_to.trim().is_empty() {
        return Ok(None);
    }
    let to: Mailbox = config
        .alert_email_to
        .trim()
        .parse()
        .context("alert_email_to is not an email address")?;
    let from: Mailbox = config
        .alert_email_from
        .trim()
        .parse()
        .context("alert_email_from is not an email address")?;
    anyhow::ensure!(
        !config.smtp_url.0.trim().is_empty(),
        "alert_email_to is set, so smtp_url must name the SMTP server (e.g. smtps://user:password@host)"
    );
    // The URL may hold a password: the error names the setting, never the value.
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(config.smtp_url.0.trim())
        .map_err(|e| anyhow::anyhow!("smtp_url is not an SMTP URL lettre understands: {e}"))?
        .timeout(Some(SEND_TIMEOUT))
        .build();
    Ok(Some(Mailer {
        transport,
        from,
        to,
    }))
}

/// rustls with ring: TLS 1.2/1.3 with the classical key exchanges. rustls deprecates ring's
/// provider only because it lacks post-quantum key exchange, which needs aws-lc (a long C
/// build); a webhook's short-lived alert, which names no one, does not need it.
#[expect(
    deprecated,
    reason = "ring has no post-quantum key exchange; see above"
)]
fn ring_provider() -> rustls::crypto::CryptoProvider {
    rustls::crypto::ring::default_provider()
}

fn hook(config: &Config) -> anyhow::Result<Option<Hook>> {
    let url = config.alert_webhook_url.trim();
    if url.is_empty() {
        return Ok(None);
    }
    let url = url::Url::parse(url).context("alert_webhook_url is not a URL")?;
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    };
    anyhow::ensure!(
        url.scheme() == "https" || (url.scheme() == "http" && loopback),
        "alert_webhook_url must be https:// (plain http:// only to a loopback address)"
    );
    let secret = config.alert_webhook_secret.0.trim();
    anyhow::ensure!(
        secret.len() >= 32,
        "alert_webhook_url is set, so alert_webhook_secret must be at least 32 characters"
    );
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_webpki_roots(ring_provider())
        .context("cannot set up the webhook client's TLS")?
        .https_or_http()
        .enable_http1()
        .build();
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build(connector);
    let uri = url
        .as_str()
        .parse::<http::Uri>()
        .context("alert_webhook_url is not a URL")?;
    Ok(Some(Hook {
        client,
        url: uri,
        secret: secret.as_bytes().to_vec(),
    }))
}

impl Deliverer {
    /// A deliverer for the configured channels.
    pub fn new(config: &Config, store: DynStore, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        Ok(Self {
            store,
            clock,
            base_url: config.base_url().trim_end_matches('/').to_owned(),
            mailer: mailer(config)?,
            hook: hook(config)?,
        })
    }

    /// Whether any channel is configured.
    pub fn is_configured(&self) -> bool {
        self.mailer.is_some() || self.hook.is_some()
    }

    /// Connect to the SMTP server once (and say hello), so an unreachable one is found at
    /// start-up rather than with the first urgent report.
    pub async fn check_smtp(&self) -> anyhow::Result<()> {
        if let Some(m) = &self.mailer {
            let ok = m.transport.test_connection().await.map_err(|e| {
                anyhow::anyhow!(
                    "cannot reach the SMTP server in smtp_url: {}",
                    smtp_class(&e)
                )
            })?;
            anyhow::ensure!(ok, "the SMTP server in smtp_url did not answer");
        }
        Ok(())
    }

    /// Claim the due alerts (up to [`BATCH`]), deliver them at once, then mark the delivered
    /// ones in one write and each failed one due again after [`retry_delay`].
    pub async fn pass(self: &Arc<Self>) -> Result<Pass, StoreError> {
        let now = self.clock.now();
        let claimed = self.store.claim_alerts(now, LEASE_SECONDS, BATCH).await?;
        let mut result = Pass {
            claimed: claimed.len(),
            ..Pass::default()
        };
        let mut sends = tokio::task::JoinSet::new();
        for alert in claimed {
            let me = Arc::clone(self);
            sends.spawn(async move {
                let outcome = me.deliver(&alert).await;
                (alert, outcome)
            });
        }
        let mut first_error = None;
        let mut delivered = Vec::with_capacity(result.claimed);
        while let Some(joined) = sends.join_next().await {
            let Ok((alert, outcome)) = joined else {
                // A panicked send: its row stays claimed and is tried again after the lease.
                continue;
            };
            match &outcome {
                Ok(()) => {
                    crate::metrics::alert_delivery(&alert.channel, "delivered");
                    delivered.push(alert.id);
                }
                Err(Failure(class)) => {
                    result.failed += 1;
                    crate::metrics::alert_delivery(&alert.channel, "failed");
                    let wait = retry_delay(alert.attempts, fastrand::f64());
                    tracing::warn!(
                        alert = alert.id,
                        channel = %alert.channel,
                        attempts = alert.attempts,
                        error = %class,
                        retry_in_seconds = wait,
                        "alert not delivered; will retry"
                    );
                    let retry_at = self.clock.now().saturating_add(wait);
                    if let Err(e) = self.store.alert_failed(alert.id, class, retry_at).await {
                        // The row keeps its claim and is tried again once the lease runs out.
                        tracing::error!(alert = alert.id, error = %e, "alert failure not recorded");
                        first_error.get_or_insert(e);
                    }
                }
            }
        }
        // The delivered ones are marked together, once every send of the pass has finished
        // (each within SEND_TIMEOUT, well inside the lease): one commit per pass rather than
        // one per alert, which is what bounded a backlog's drain on PostgreSQL (BENCHMARKS.md,
        // "Outbox delivery"). A crash before this write sends them again, which the
        // idempotency key already covers.
        if let Err(e) = self
            .store
            .alerts_delivered(&delivered, self.clock.now())
            .await
        {
            // They keep their claims and are sent again once the lease runs out.
            tracing::error!(alerts = delivered.len(), error = %e, "deliveries not recorded");
            first_error.get_or_insert(e);
        } else {
            result.delivered = delivered.len();
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(result),
        }
    }

    /// Refresh the backlog gauge.
    pub async fn measure(&self) -> Result<i64, StoreError> {
        let backlog = self.store.alert_backlog().await?;
        crate::metrics::alert_backlog(backlog);
        Ok(backlog)
    }

    async fn deliver(&self, alert: &Alert) -> Result<(), Failure> {
        match Channel::from_code(&alert.channel) {
            Some(Channel::Email) => match &self.mailer {
                Some(m) => self.send_email(m, alert).await,
                None => Err(Failure("email-not-configured".to_owned())),
            },
            Some(Channel::Webhook) => match &self.hook {
                Some(h) => self.send_webhook(h, alert).await,
                None => Err(Failure("webhook-not-configured".to_owned())),
            },
            None => Err(Failure("unknown-channel".to_owned())),
        }
    }

    async fn send_email(&self, m: &Mailer, alert: &Alert) -> Result<(), Failure> {
        let case_url = format!("{}/staff/reports/{}", self.base_url, alert.report_id);
        let received = email::uk_time(alert.received_at);
        let message = email::message(&m.from, &m.to, alert, &received, &case_url)
            .map_err(|_| Failure("email-build".to_owned()))?;
        m.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| Failure(smtp_class(&e)))
    }

    async fn send_webhook(&self, h: &Hook, alert: &Alert) -> Result<(), Failure> {
        let body = webhook::body(alert).map_err(|_| Failure("webhook-body".to_owned()))?;
        let at: Timestamp = self.clock.now();
        let signature = webhook::signature(&h.secret, at, &body);
        let request = http::Request::post(h.url.clone())
            .header(http::header::CONTENT_TYPE, "application/json")
            .header(http::header::USER_AGENT, "saferstreets-alerts")
            .header(webhook::TIMESTAMP, at.to_string())
            .header(webhook::SIGNATURE, signature)
            .header(webhook::IDEMPOTENCY_KEY, alert.idempotency_key.as_str())
            .body(http_body_util::Full::new(bytes::Bytes::from(body)))
            .map_err(|_| Failure("webhook-request".to_owned()))?;
        let response = tokio::time::timeout(SEND_TIMEOUT, h.client.request(request))
            .await
            .map_err(|_| Failure("timeout".to_owned()))?
            .map_err(|e| Failure(http_class(&e)))?;
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(Failure(format!("status-{}", status.as_u16())))
        }
    }

    /// Deliver alerts until the process ends: passes back to back while full batches are due,
    /// else one a second.
    pub fn spawn(self) {
        let me = Arc::new(self);
        tokio::spawn(async move {
            loop {
                let full = match me.pass().await {
                    Ok(p) => p.claimed as i64 == BATCH,
                    Err(e) => {
                        tracing::warn!(error = %e, "alert delivery pass failed");
                        false
                    }
                };
                if let Err(e) = me.measure().await {
                    tracing::warn!(error = %e, "alert backlog not measured");
                }
                if !full {
                    tokio::time::sleep(POLL).await;
                }
            }
        });
    }
}

fn smtp_class(e: &lettre::transport::smtp::Error) -> String {
    if e.is_timeout() {
        "timeout".to_owned()
    } else if e.is_permanent() {
        format!(
            "smtp-{}",
            e.status()
                .map_or_else(|| "permanent".to_owned(), |c| c.to_string())
        )
    } else if e.is_transient() {
        format!(
            "smtp-{}",
            e.status()
                .map_or_else(|| "transient".to_owned(), |c| c.to_string())
        )
    } else if e.is_tls() {
        "tls".to_owned()
    } else {
        "connect".to_owned()
    }
}

fn http_class(e: &hyper_util::client::legacy::Error) -> String {
    if e.is_connect() {
        "connect".to_owned()
    } else {
        "request".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_exponentially_with_jitter_up_to_an_hour() {
        assert_eq!(retry_delay(1, 0.0), 15);
        assert_eq!(retry_delay(1, 0.999), 29);
        assert_eq!(retry_delay(2, 0.0), 30);
        assert_eq!(retry_delay(3, 0.0), 60);
        for attempts in [8, 9, 50, i64::MAX] {
            assert!(retry_delay(attempts, 0.0) >= 1_800);
            assert!(retry_delay(attempts, 0.999) <= RETRY_MAX_SECONDS);
        }
        // Jitter spreads alerts that failed together.
        assert!(retry_delay(4, 0.9) > retry_delay(4, 0.1));
    }

    fn config(f: impl FnOnce(&mut Config)) -> Config {
        let mut c = Config::default();
        f(&mut c);
        c
    }

    #[test]
    fn channels_are_those_configured() {
        assert!(channels(&Config::default()).is_empty());
        let c = config(|c| {
            c.alert_email_to = "duty@force.example".into();
            c.alert_webhook_url = "https://rms.force.example/hook".into();
        });
        assert_eq!(channels(&c), [Channel::Email, Channel::Webhook]);
    }

    #[test]
    fn bad_alert_settings_stop_start_up_with_the_setting_named() {
        let secret = crate::config::Secret("s".repeat(32));
        let cases: Vec<(Config, &str)> = vec![
            (
                config(|c| c.alert_webhook_url = "http://rms.force.example/hook".into()),
                "https://",
            ),
            (
                config(|c| c.alert_webhook_url = "https://rms.force.example/hook".into()),
                "alert_webhook_secret",
            ),
            (
                config(|c| c.alert_webhook_url = "not a url".into()),
                "alert_webhook_url",
            ),
            (
                config(|c| c.alert_email_to = "duty@force.example".into()),
                "smtp_url",
            ),
            (
                config(|c| c.alert_email_to = "nobody".into()),
                "alert_email_to",
            ),
            (
                config(|c| {
                    c.alert_email_to = "duty@force.example".into();
                    c.smtp_url = crate::config::Secret("ftp://secret-password@x".into());
                }),
                "smtp_url",
            ),
        ];
        for (c, named) in cases {
            let e = check(&c).expect_err(named).to_string();
            assert!(e.contains(named), "{e}");
            assert!(!e.contains("secret-password"), "{e}");
        }
        for ok in [
            config(|c| {
                c.alert_webhook_url = "http://127.0.0.1:9/hook".into();
                c.alert_webhook_secret = secret.clone();
            }),
            config(|c| {
                c.alert_webhook_url = "https://rms.force.example/hook".into();
                c.alert_webhook_secret = secret.clone();
                c.alert_email_to = "duty@force.example".into();
                c.smtp_url = crate::config::Secret("smtp://127.0.0.1:2525".into());
            }),
        ] {
            check(&ok).unwrap();
        }
    }
}
