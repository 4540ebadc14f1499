//! The real binary: start-up, one-line failures, graceful shutdown and what it logs.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_saferstreets");

/// A running `saferstreets serve`. Dropping it kills the server, so a failed assertion never
/// leaves one running.
pub struct Server(pub std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Start the real binary on a free loopback port in `dir`; its log goes to `dir/server.log`.
pub fn serve(dir: &std::path::Path, extra_env: &[(&str, &str)]) -> (Server, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(["serve", "--listen", "127.0.0.1:0"])
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "debug")
        .env("SAFERSTREETS_DEMO_REPORTS", "0")
        .stdout(Stdio::piped())
        // A file, not a pipe: a busy server must never block on a full pipe nobody reads.
        .stderr(std::fs::File::create(dir.join("server.log")).expect("log file"));
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let mut server = Server(cmd.spawn().expect("spawn"));
    let stdout = server.0.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("read");
    let url = line.trim().rsplit(' ').next().expect("url").to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    (server, url)
}

/// Stop the server with SIGTERM (a graceful shutdown); its exit status and log.
pub fn terminate(server: &mut Server, dir: &std::path::Path) -> (std::process::ExitStatus, String) {
    let child = &mut server.0;
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    let status = child.wait().expect("wait");
    let logs = std::fs::read_to_string(dir.join("server.log")).expect("logs");
    (status, logs)
}

#[tokio::test]
async fn with_no_configuration_it_creates_and_migrates_an_embedded_database() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut child, url) = serve(dir.path(), &[]);
    let ready = reqwest::get(format!("{url}/readyz")).await.expect("readyz");
    assert_eq!(ready.status(), 200);
    let (status, _) = terminate(&mut child, dir.path());
    assert!(status.success(), "graceful shutdown exits 0: {status:?}");
    assert!(dir.path().join("data/saferstreets.db").exists());
    // The keys live apart from the data (attacks::files checks every mode).
    let key = std::fs::metadata(dir.path().join("keys/secret.key")).expect("key file");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        key.permissions().mode() & 0o777,
        0o600,
        "the generated key is private"
    );
}

#[tokio::test]
async fn logs_never_contain_form_answers_or_addresses() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut child, url) = serve(dir.path(), &[]);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let page = client
        .get(format!("{url}/feedback"))
        .send()
        .await
        .expect("get");
    let cookie = page
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .to_owned();
    let body = page.text().await.expect("body");
    let token = body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("token")
        .to_owned();
    let canary = "CANARY-7f3a-answer";
    let sent = client
        .post(format!("{url}/feedback?canary-in-query={canary}"))
        .header("cookie", &cookie)
        .form(&[
            ("csrf", token.as_str()),
            ("satisfaction", "satisfied"),
            ("improve", canary),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(sent.status(), 303);
    let (_, logs) = terminate(&mut child, dir.path());
    assert!(
        logs.contains("/feedback"),
        "requests are logged by route: {logs}"
    );
    assert!(!logs.contains(canary), "a form answer reached the log");
    assert!(
        !logs.contains("127.0.0.1:")
            || logs
                .lines()
                .filter(|l| l.contains("127.0.0.1:"))
                .all(|l| l.contains("listening")),
        "only the listening address may appear"
    );
}

#[test]
fn a_database_that_cannot_be_opened_stops_start_up_with_one_line() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("not-a-dir"), b"x").expect("file");
    let out = Command::new(BIN)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--database-url",
            "sqlite://not-a-dir/x.db",
        ])
        .current_dir(dir.path())
        .env("RUST_LOG", "off")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.starts_with("saferstreets: cannot open the database"),
        "{err}"
    );
}

#[test]
fn an_unreachable_postgres_stops_start_up_with_one_line() {
    let out = Command::new(BIN)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
        ])
        .env("RUST_LOG", "off")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_config_file_and_environment_override_the_defaults() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("custom.toml");
    std::fs::write(
        &file,
        "force_name = \"Westmoor Constabulary\"\ndatabase_url = \"sqlite://from-file.db\"\n",
    )
    .expect("write");
    let config = saferstreets::config::Config::load(Some(&file)).expect("load");
    assert_eq!(config.force_name, "Westmoor Constabulary");
    assert_eq!(config.database_url, "sqlite://from-file.db");
    assert!(saferstreets::config::Config::load(Some(&dir.path().join("missing.toml"))).is_err());
    assert!(format!("{:?}", saferstreets::config::Secret("hunter2".into())) == "[redacted]");
}

fn saferstreets(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "off")
        .output()
        .expect("run")
}

#[tokio::test]
async fn boundaries_import_checks_the_file_and_stores_the_area() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(
        dir.path().join("bad.geojson"),
        "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}",
    )
    .expect("write");
    let bad = saferstreets(
        dir.path(),
        &["import", "boundaries", "bad.geojson", "--force", "westmoor"],
    );
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("bad.geojson") && err.contains("line 3"),
        "{err}"
    );

    let square = r#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-2,53],[-1,53],[-1,54],[-2,54],[-2,53]]]}}"#;
    std::fs::write(dir.path().join("westmoor.geojson"), square).expect("write");
    let ok = saferstreets(
        dir.path(),
        &[
            "import",
            "boundaries",
            "westmoor.geojson",
            "--force",
            "westmoor",
            "--name",
            "Westmoor Police",
        ],
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let store = saferstreets::storage::connect(&format!(
        "sqlite://{}/data/saferstreets.db",
        dir.path().display()
    ))
    .await
    .expect("store");
    let forces = store.forces().await.expect("forces");
    assert_eq!(
        forces.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
        ["Westmoor Police"]
    );
}

#[tokio::test]
async fn a_gazetteer_with_a_bad_line_imports_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(
        dir.path().join("good.csv"),
        "name,postcode,lat,lng\nMarket Square,NS1 2AB,53.80,-1.55\n",
    )
    .expect("write");
    assert!(
        saferstreets(dir.path(), &["import", "gazetteer", "good.csv"])
            .status
            .success()
    );
    std::fs::write(
        dir.path().join("bad.csv"),
        "name,postcode,lat,lng\nA,,53.8,-1.5\nB,,95.0,-1.5\n",
    )
    .expect("write");
    let bad = saferstreets(dir.path(), &["import", "gazetteer", "bad.csv"]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("line 3"), "{err}");
    let store = saferstreets::storage::connect(&format!(
        "sqlite://{}/data/saferstreets.db",
        dir.path().display()
    ))
    .await
    .expect("store");
    let names: Vec<String> = store
        .gazetteer()
        .await
        .expect("places")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(
        names,
        ["Market Square"],
        "the earlier gazetteer is kept whole"
    );
}

#[test]
fn partner_keys_are_issued_once_listed_without_the_key_and_revoked() {
    let dir = tempfile::tempdir().expect("dir");
    let run = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .env_remove("DATABASE_URL")
            .env("SAFERSTREETS_DEMO_REPORTS", "0")
            .output()
            .expect("run");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, out, err) = run(&[
        "partner-key",
        "add",
        "--partner",
        "Northshire Council",
        "--force",
        "northshire",
    ]);
    assert!(ok, "{err}");
    let key = out
        .split_whitespace()
        .find(|w| w.starts_with("ss311_"))
        .expect("the key is printed");
    assert_eq!(key.len(), 6 + 64);
    let (ok, list, _) = run(&["partner-key", "list"]);
    assert!(ok);
    assert!(list.contains("Northshire Council") && list.contains("active"));
    assert!(!list.contains(key), "the key is never shown again");
    let (ok, _, err) = run(&[
        "partner-key",
        "add",
        "--partner",
        "X",
        "--force",
        "atlantis",
    ]);
    assert!(!ok && err.contains("no force"), "{err}");
    let (ok, _, _) = run(&["partner-key", "revoke", "1"]);
    assert!(ok);
    let (_, list, _) = run(&["partner-key", "list"]);
    assert!(list.contains("revoked"));
    let (ok, _, err) = run(&["partner-key", "revoke", "1"]);
    assert!(!ok && err.contains("no active key"), "{err}");
}

#[test]
fn user_add_prints_a_set_up_link_and_audit_verify_and_purge_run() {
    let dir = tempfile::tempdir().expect("dir");
    let run = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .env_remove("DATABASE_URL")
            .env("SAFERSTREETS_DEMO_REPORTS", "0")
            .output()
            .expect("run");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, out, err) = run(&[
        "user",
        "add",
        "--email",
        "Admin@Northshire.example",
        "--role",
        "admin",
        "--force",
        "northshire",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("admin@northshire.example"), "{out}");
    assert!(out.contains("http://127.0.0.1:3000/staff/setup/"), "{out}");
    let (ok, _, err) = run(&[
        "user",
        "add",
        "--email",
        "admin@northshire.example",
        "--role",
        "admin",
        "--force",
        "northshire",
    ]);
    assert!(!ok && err.contains("already a user"), "{err}");
    let (ok, _, err) = run(&[
        "user",
        "add",
        "--email",
        "x@y.example",
        "--role",
        "root",
        "--force",
        "northshire",
    ]);
    assert!(!ok && err.contains("--role"), "{err}");
    let (ok, out, err) = run(&["purge"]);
    assert!(ok, "{err}");
    assert!(out.contains("deleted 0 closed stalking reports"), "{out}");
    let (ok, out, err) = run(&["audit", "verify"]);
    assert!(ok, "{err}");
    // The user added, and one row per retention step.
    assert!(out.contains("audit log intact: 6 rows"), "{out}");
}
