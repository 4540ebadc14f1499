//! Spawning apps and databases for tests, and a small cookie-keeping HTTP client.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use saferstreets::clock::{Clock, ManualClock};
use saferstreets::config::{Config, Secret};
use saferstreets::http::state::AppState;
use saferstreets::startup::{Application, Overrides};
use scraper::{Html, Selector};
use tempfile::TempDir;

/// 2026-11-25T12:00:00Z: tests run on a clock they control.
pub const TEST_NOW: i64 = 1_795_694_400;

/// A database for one test: SQLite in a temporary folder, or a fresh PostgreSQL schema.
pub struct TestDb {
    pub url: String,
    pub dir: TempDir,
}

/// The PostgreSQL server to test against, if any (`TEST_DATABASE_URL`).
pub fn postgres_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

impl TestDb {
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}/test.db", dir.path().display());
        Self { url, dir }
    }

    /// A new schema on the test PostgreSQL server; `None` when none is configured.
    pub async fn postgres() -> Option<Self> {
        let base = postgres_url()?;
        let schema = format!("t_{}", hex::encode(saferstreets::random::bytes::<8>()));
        let pool = sqlx::PgPool::connect(&base)
            .await
            .expect("connect to TEST_DATABASE_URL");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
            .execute(&pool)
            .await
            .expect("create schema");
        pool.close().await;
        let sep = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{sep}options=-c%20search_path%3D{schema}");
        Some(Self {
            url,
            dir: tempfile::tempdir().expect("temp dir"),
        })
    }

    /// SQLite always, plus PostgreSQL when configured: storage tests run on each.
    pub async fn all() -> Vec<Self> {
        let mut dbs = vec![Self::sqlite()];
        match Self::postgres().await {
            Some(pg) => dbs.push(pg),
            None if std::env::var("CI").is_ok() => {
                panic!("CI must set TEST_DATABASE_URL so storage tests run on PostgreSQL")
            }
            None => {}
        }
        dbs
    }
}

/// A configuration for tests: port 0, a fixed secret, a local exit page.
pub fn test_config(db: &TestDb) -> Config {
    Config {
        listen: "127.0.0.1:0".parse().expect("addr"),
        database_url: db.url.clone(),
        data_dir: db.dir.path().to_path_buf(),
        keys_dir: db.dir.path().join("keys"),
        exit_url: "https://neutral.example/weather".to_owned(),
        secret_key: Secret("11".repeat(32)),
        // The demo force and places, but no synthetic reports: tests count their own.
        demo_reports: 0,
        // Abuse controls are off except in the tests about them (tests/integration/abuse.rs):
        // the other tests send many forms quickly from one address.
        rate_limits: false,
        min_fill_seconds: 0,
        proof_of_work: saferstreets::config::PowMode::Off,
        ..Config::default()
    }
}

pub struct TestApp {
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    pub browser: Browser,
    _db: Option<TestDb>,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl std::ops::Deref for TestApp {
    type Target = Browser;
    fn deref(&self) -> &Browser {
        &self.browser
    }
}

/// A cookie-keeping HTTP client that does not follow redirects.
pub struct Browser {
    pub base: String,
    pub client: reqwest::Client,
    pub cookies: Mutex<HashMap<String, String>>,
}

impl Browser {
    /// A browser whose every request carries `header: value` (e.g. a proxy's
    /// `X-Forwarded-For`).
    pub fn with_header(base: &str, header: &'static str, value: &str) -> Self {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(header, value.parse().expect("header value"));
        Self {
            base: base.to_owned(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .default_headers(headers)
                .build()
                .expect("client"),
            cookies: Mutex::new(HashMap::new()),
        }
    }

    pub fn new(base: &str) -> Self {
        Self {
            base: base.to_owned(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            cookies: Mutex::new(HashMap::new()),
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(TestDb::sqlite(), |_| {}, None).await
}

pub async fn spawn_app_with(
    db: TestDb,
    configure: impl FnOnce(&mut Config),
    extra_routes: Option<Router<AppState>>,
) -> TestApp {
    let mut config = test_config(&db);
    configure(&mut config);
    let clock = ManualClock::new(TEST_NOW);
    let app = Application::build_with(
        config,
        Overrides {
            clock: Some(clock.clone() as Arc<dyn Clock>),
            extra_routes,
        },
    )
    .await
    .expect("build app");
    let addr = app.local_addr().expect("addr");
    let state = app.state().clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    TestApp {
        browser: Browser::new(&format!("http://{addr}")),
        state,
        clock,
        _db: Some(db),
        _stop: stop,
    }
}

/// A second instance of the same service: the same configuration and database (as two
/// instances behind a load balancer), its own process state, listener and clock.
pub async fn spawn_second(first: &TestApp) -> TestApp {
    let config = first.state.config.as_ref().clone();
    let clock = ManualClock::new(first.state.clock.now());
    let app = Application::build_with(
        config,
        Overrides {
            clock: Some(clock.clone() as Arc<dyn Clock>),
            extra_routes: None,
        },
    )
    .await
    .expect("build second app");
    let addr = app.local_addr().expect("addr");
    let state = app.state().clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    TestApp {
        browser: Browser::new(&format!("http://{addr}")),
        state,
        clock,
        _db: None,
        _stop: stop,
    }
}

/// A response read in full.
pub struct Page {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect()
    }

    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// Texts of all elements matching a CSS selector.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let sel = Selector::parse(selector).expect("selector");
        self.html()
            .select(&sel)
            .map(|e| {
                e.text()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// Values of an attribute on all elements matching a selector.
    pub fn attrs(&self, selector: &str, attr: &str) -> Vec<String> {
        let sel = Selector::parse(selector).expect("selector");
        self.html()
            .select(&sel)
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }

    pub fn title(&self) -> String {
        self.texts("title").into_iter().next().unwrap_or_default()
    }

    pub fn h1(&self) -> String {
        self.texts("h1").into_iter().next().unwrap_or_default()
    }
}

impl Browser {
    fn cookie_header(&self) -> String {
        let jar = self.cookies.lock().expect("jar");
        jar.iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep_cookies(&self, page: &Page) {
        let mut jar = self.cookies.lock().expect("jar");
        for c in page.set_cookies() {
            let parsed = cookie::Cookie::parse(c).expect("cookie");
            let expired = parsed.max_age().is_some_and(|a| a.is_zero());
            if expired {
                jar.remove(parsed.name());
            } else {
                jar.insert(parsed.name().to_owned(), parsed.value().to_owned());
            }
        }
    }

    /// The public session cookie's value, under whichever name the server uses (`__Host-`
    /// on HTTPS and loopback hosts).
    pub fn session_cookie(&self) -> Option<String> {
        let jar = self.cookies.lock().expect("jar");
        ["__Host-ss_session", "ss_session"]
            .iter()
            .find_map(|name| jar.get(*name).cloned())
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().expect("jar").get(name).cloned()
    }

    async fn read(&self, res: reqwest::Response) -> Page {
        let page = Page {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            body: res.text().await.expect("body"),
        };
        self.keep_cookies(&page);
        page
    }

    pub async fn get(&self, path: &str) -> Page {
        let res = self
            .client
            .get(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .send()
            .await
            .expect("GET");
        self.read(res).await
    }

    /// POST a form as a browser would: with the session cookie and the CSRF token of a page.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf_token().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", &token)];
        all.extend_from_slice(fields);
        // As every current browser does for a form on our own page.
        self.post_raw(path, &all, &[("sec-fetch-site", "same-origin")])
            .await
    }

    /// POST exactly these fields and headers (no CSRF token added).
    pub async fn post_raw(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let mut req = self
            .client
            .post(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .form(fields);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.send().await.expect("POST");
        self.read(res).await
    }

    /// The CSRF token for this client's session (visiting a page first if there is none).
    pub async fn csrf_token(&self) -> String {
        // A page with a form starts a session (content pages do not, issue 15).
        let page = self.get("/feedback").await;
        page.attrs("input[name=csrf]", "value")
            .into_iter()
            .next()
            .expect("csrf field")
    }
}
