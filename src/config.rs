//! Typed settings: built-in defaults, then an optional TOML file, then environment variables.
//!
//! Secrets never appear in `Debug` output: the key is wrapped in [`Secret`].

use std::net::SocketAddr;
use std::path::PathBuf;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Everything the service can be told before it starts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Config {
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// `sqlite://…` (embedded, the default) or `postgres://…`.
    pub database_url: String,
    /// Folder for the embedded database (made owner-only, 0700). Keys are never kept here.
    pub data_dir: PathBuf,
    /// Folder of the key files (`secret.key`, `encryption.keys`, `audit.key`), apart from the
    /// data so that a copy of one is not a copy of both. Made 0700; the service refuses to
    /// start if a key file in it can be read or written by group or others.
    pub keys_dir: PathBuf,
    /// Public base URL, used to decide whether cookies are `Secure` and HSTS is sent.
    pub public_url: String,
    /// Where quick exit sends the visitor: a neutral site.
    pub exit_url: String,
    /// Name of the police force shown in the header.
    pub force_name: String,
    /// Name of the service shown in the header.
    pub service_name: String,
    /// The force's name in Welsh, shown on Welsh pages; empty: the English name, marked as
    /// English there.
    pub force_name_cy: String,
    /// The service's name in Welsh, shown on Welsh pages; empty: the English name, marked as
    /// English there.
    pub service_name_cy: String,
    /// Page titles (and so history entries) name the page and the service. Off by default:
    /// titles are the force's name and, on question pages, the step number, so a shared
    /// device's history does not say what the visitor was reading about.
    pub descriptive_titles: bool,
    /// Phone number for non-emergency contact shown on problem pages.
    pub contact_phone: String,
    /// Who the privacy notice names as the data controller (for a police force, usually its
    /// chief constable). The default is the fictional demo force's: set it before going live.
    pub data_controller: String,
    /// The Data Protection Officer's email address in the privacy notice (demo placeholder).
    pub dpo_email: String,
    /// The Data Protection Officer's postal address in the privacy notice (demo placeholder).
    pub dpo_address: String,
    /// `text` (readable; colours only when stderr is a terminal) or `json` (one JSON object a
    /// line, for log shippers).
    pub log_format: LogFormat,
    /// Older spelling of `log_format = "json"` (true wins), kept so existing files still work.
    pub log_json: bool,
    /// Where Prometheus metrics are served (`/metrics`), apart from the public address. None:
    /// no metrics are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics_listen: Option<SocketAddr>,
    /// Secret for signing tokens (hex, 32 bytes or more). Generated into `keys_dir` if empty.
    #[serde(default)]
    pub secret_key: Secret,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Short code of the force that receives stalking reports made here.
    pub force_code: String,
    /// Minutes a report draft is kept without use.
    pub draft_idle_minutes: i64,
    /// Map tiles for the place page, e.g. `https://tiles.example.org/{z}/{x}/{y}.png`. Empty: the
    /// map shows no background (the pin still works). Its host is added to the CSP `img-src`.
    pub map_tile_url: String,
    /// The attribution the tile provider requires (plain text).
    pub map_attribution: String,
    /// The PMTiles archive (vector tiles) the maps draw, served from `/tiles/basemap.pmtiles`.
    /// None: `basemap.pmtiles` in `data_dir` if `saferstreets import tiles` put one there,
    /// else a synthetic map of the demo area. A file named here must exist and be valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_tiles: Option<PathBuf>,
    /// Synthetic place reports added with the demo force (0 for none).
    pub demo_reports: u64,
    /// Hotspot hexagons with fewer reports than this are not shown to anyone outside the police.
    pub suppression_k: i64,
    /// A staff session ends after this long without a request.
    pub staff_idle_minutes: i64,
    /// A staff session ends this long after sign-in, whatever happens.
    pub staff_absolute_hours: i64,
    /// A new user's set-up link works for this long.
    pub setup_link_hours: i64,
    /// Closed stalking reports are deleted this many days after closing.
    pub retention_closed_report_days: i64,
    /// Place reports keep their exact point this many days, then only their H3 cells.
    pub retention_place_point_days: i64,
    /// Place reports keep their free text (sealed) this many days. Despite the scrubbing it
    /// may name or describe someone, and it matters only while the place's problem is
    /// current: a quarter covers the councils' and neighbourhood teams' review cycle.
    pub retention_place_text_days: i64,
    /// Place reports keep the answers about the sender (age, sex, gender, ethnicity,
    /// disability: special-category data, sealed) this many days. Equality monitoring is
    /// reported yearly, so a year and a month lets a full year be analysed, then they go.
    pub retention_place_about_days: i64,
    /// Feedback (its text sealed) is deleted this many days after it was sent: it is read to
    /// improve the service each quarter, and two quarters allow a before-and-after look.
    pub retention_feedback_days: i64,
    /// Add the fictional demo force area and places to a database that has no force areas.
    pub demo_data: bool,
    /// Keys that encrypt victims' answers; the first seals new data, the others only open
    /// older data (rotation). Empty: the key file `keys_dir/encryption.keys`.
    #[serde(default)]
    pub encryption_keys: Vec<EncryptionKey>,
    /// Rate limits on anonymous form posts and on staff sign-in: token buckets per client and
    /// for the whole instance. Switch off only for load tests on loopback.
    pub rate_limits: bool,
    /// Reverse proxies (addresses, or networks as `10.0.0.0/8`) whose `X-Forwarded-For` header
    /// names the client. From anyone else the header is ignored.
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
    /// A report sent sooner than this many seconds after its first answer is refused (people
    /// take far longer; scripts do not).
    pub min_fill_seconds: i64,
    /// Proof of work before a report is sent: `auto` (only while this instance is under
    /// load), `always` or `off`.
    pub proof_of_work: PowMode,
    /// Leading zero bits of SHA-256 a proof-of-work answer needs: 13 is 8,192 hashes on
    /// average, about 0.1 s in desktop Chromium here and 0.6–1 s with the CPU slowed 6× as
    /// for a low-end phone (`e2e/unsafe-place.test.mjs` prints both).
    pub proof_of_work_bits: u8,
    /// Reports a minute on one instance above which `auto` proof of work switches on.
    pub proof_of_work_trigger_per_minute: u32,
    /// Open311 `POST requests` a partner key may make at once (its token bucket's size).
    pub open311_post_burst: u32,
    /// Seconds for one more Open311 `POST requests` token to drip into a key's bucket.
    pub open311_post_every_seconds: u64,
    /// Open311 requests one partner key may post per UK day, counted in the database so the
    /// quota holds across instances.
    pub open311_daily_quota: i64,
    /// Where an alert is emailed when an urgent or high-priority report arrives (the email
    /// says only that a report is waiting, when, and links to the case page). Empty: no email.
    pub alert_email_to: String,
    /// The sender of alert emails.
    pub alert_email_from: String,
    /// The SMTP server for alert emails, in lettre's URL form: `smtps://user:pass@host`
    /// (TLS), `smtp://host:587?tls=required` (STARTTLS), `smtp://127.0.0.1:2525` (plain, for a
    /// relay on this machine). A secret, as it may hold a password.
    #[serde(default)]
    pub smtp_url: Secret,
    /// A force system (records management, command and control) that receives a signed JSON
    /// POST for each alert. `https://` only, except to a loopback address. Empty: no webhook.
    pub alert_webhook_url: String,
    /// The shared secret that signs webhooks (HMAC-SHA256), at least 32 characters.
    #[serde(default)]
    pub alert_webhook_secret: Secret,
    /// Whether the session cookie is `Secure` (and `__Host-`), worked out from the public
    /// address on first use: every page asks, and parsing the address each time was a hot
    /// spot (issue 15). Not a setting.
    #[serde(skip)]
    pub secure_cookies: std::sync::OnceLock<bool>,
}

/// When the send step asks the browser for a proof of work.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum PowMode {
    /// Only while the instance is under load.
    Auto,
    /// On every send.
    Always,
    /// Never.
    Off,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Readable text; ANSI colours only when the output is a terminal.
    Text,
    /// One JSON object a line, never coloured.
    Json,
}

/// One encryption key of the keyring.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct EncryptionKey {
    /// Short id stored beside each value it seals.
    pub id: String,
    /// 32 bytes, hex.
    pub key: Secret,
}

/// A string that prints as `[redacted]`.
#[derive(Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 3000)),
            database_url: "sqlite://data/saferstreets.db".to_owned(),
            data_dir: PathBuf::from("data"),
            keys_dir: PathBuf::from("keys"),
            public_url: "http://127.0.0.1:3000".to_owned(),
            exit_url: "https://www.bbc.co.uk/weather".to_owned(),
            force_name: "Northshire Police".to_owned(),
            service_name: "Safer streets".to_owned(),
            force_name_cy: String::new(),
            service_name_cy: String::new(),
            descriptive_titles: false,
            contact_phone: "101".to_owned(),
            data_controller: "The Chief Constable of Northshire Police".to_owned(),
            dpo_email: "data.protection@northshire-police.example".to_owned(),
            dpo_address: "Data Protection Officer, Northshire Police Headquarters, Northshire"
                .to_owned(),
            log_format: LogFormat::Text,
            log_json: false,
            metrics_listen: None,
            secret_key: Secret::default(),
            max_body_bytes: 64 * 1024,
            force_code: "northshire".to_owned(),
            draft_idle_minutes: 60,
            demo_data: true,
            suppression_k: 5,
            staff_idle_minutes: 30,
            staff_absolute_hours: 12,
            setup_link_hours: 72,
            retention_closed_report_days: 365,
            retention_place_point_days: 180,
            retention_place_text_days: 90,
            retention_place_about_days: 395,
            retention_feedback_days: 180,
            demo_reports: 2_000,
            map_tile_url: String::new(),
            map_attribution: String::new(),
            map_tiles: None,
            encryption_keys: Vec::new(),
            rate_limits: true,
            trusted_proxies: Vec::new(),
            min_fill_seconds: 5,
            proof_of_work: PowMode::Auto,
            proof_of_work_bits: 13,
            proof_of_work_trigger_per_minute: 60,
            open311_post_burst: 20,
            open311_post_every_seconds: 6,
            open311_daily_quota: 200,
            alert_email_to: String::new(),
            alert_email_from: "alerts@saferstreets.invalid".to_owned(),
            smtp_url: Secret::default(),
            alert_webhook_url: String::new(),
            alert_webhook_secret: Secret::default(),
            secure_cookies: std::sync::OnceLock::new(),
        }
    }
}

impl Config {
    /// The address people reach the service at: `public_url`, or the listening address.
    pub fn base_url(&self) -> String {
        if self.public_url.is_empty() {
            format!("http://{}", self.listen)
        } else {
            self.public_url.clone()
        }
    }

    /// Defaults, then `file` (if given, it must exist; otherwise `saferstreets.toml` if present),
    /// then `SAFERSTREETS_*` variables and `DATABASE_URL`.
    pub fn load(file: Option<&std::path::Path>) -> Result<Self, Box<figment::Error>> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        figment = match file {
            Some(path) => figment.merge(Toml::file_exact(path)),
            None => figment.merge(Toml::file("saferstreets.toml")),
        };
        figment
            .merge(Env::prefixed("SAFERSTREETS_"))
            .merge(
                Env::raw()
                    .only(&["DATABASE_URL"])
                    .map(|_| "database_url".into()),
            )
            .extract()
            .map_err(Box::new)
    }

    /// The origin (`scheme://host[:port]`) of the map tile server, if one is configured.
    pub fn tile_origin(&self) -> Option<String> {
        let url = url::Url::parse(&self.map_tile_url.replace(['{', '}'], "")).ok()?;
        matches!(url.scheme(), "https" | "http").then(|| url.origin().ascii_serialization())
    }

    /// The log format in force (`log_json = true` is the older spelling of `json`).
    pub fn log_format(&self) -> LogFormat {
        if self.log_json {
            LogFormat::Json
        } else {
            self.log_format
        }
    }

    /// True when the service is reached over HTTPS.
    pub fn uses_tls(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}
