//! Attacks: files at rest and the audit chain (issue 12, items 7 and 13). The database and its
//! WAL must not be readable by other local users, the keys must not sit beside the data (so a
//! copy of `data/` is not a copy of both), keys can be rotated, and someone who can write to
//! the database cannot rewrite the audit log without the audit key.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

use saferstreets::audit::{AuditEntry, GENESIS};
use saferstreets::crypto::Keyring;
use saferstreets::storage::{self, NewStalkingReport};

use crate::cli::{BIN, serve, terminate};
use crate::helpers::TestDb;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Run the real binary in `dir` against `url` (keys in `dir/keys`); success, stdout, stderr.
fn run(dir: &Path, url: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("DATABASE_URL", url)
        .env("SAFERSTREETS_DEMO_REPORTS", "0")
        .env("RUST_LOG", "off")
        .output()
        .expect("run");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write_private(path: &Path, text: &str, mode: u32) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
    std::fs::write(path, text).expect("write");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[tokio::test]
async fn the_database_its_wal_and_the_keys_are_private_and_kept_apart() {
    let dir = tempfile::tempdir().expect("dir");
    // A permissive umask, as on many servers: the modes must not depend on it.
    let (mut server, url) = serve(dir.path(), &[]);
    let ready = reqwest::get(format!("{url}/readyz")).await.expect("readyz");
    assert_eq!(ready.status(), 200);
    let data = dir.path().join("data");
    let keys = dir.path().join("keys");
    // While the server runs, SQLite's WAL and shared-memory files exist beside the database.
    for file in [
        "saferstreets.db",
        "saferstreets.db-wal",
        "saferstreets.db-shm",
    ] {
        assert_eq!(mode(&data.join(file)), 0o600, "{file}");
    }
    assert_eq!(mode(&data), 0o700, "the data folder");
    assert_eq!(mode(&keys), 0o700, "the keys folder");
    for file in ["secret.key", "encryption.keys", "audit.key"] {
        assert_eq!(mode(&keys.join(file)), 0o600, "{file}");
        assert!(
            !data.join(file).exists(),
            "{file} must not be in the data folder"
        );
    }
    let (status, _) = terminate(&mut server, dir.path());
    assert!(status.success());
}

#[test]
fn a_key_file_readable_by_others_stops_start_up() {
    for (file, loose) in [
        ("secret.key", 0o640),
        ("encryption.keys", 0o604),
        ("audit.key", 0o620),
    ] {
        let dir = tempfile::tempdir().expect("dir");
        // A first start creates the keys; then one of them is opened up to the group.
        let (mut server, _) = serve(dir.path(), &[]);
        terminate(&mut server, dir.path());
        let path = dir.path().join("keys").join(file);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(loose)).expect("chmod");
        let mut child = Command::new(BIN)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .current_dir(dir.path())
            .env_remove("DATABASE_URL")
            .env("RUST_LOG", "off")
            .env("SAFERSTREETS_DEMO_REPORTS", "0")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read");
        if !line.is_empty() {
            let _ = child.kill();
            let _ = child.wait();
            panic!("started with {file} at {loose:o}: {line}");
        }
        let out = child.wait_with_output().expect("wait");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(file) && err.contains("chmod 600"),
            "the error names the file and the fix: {err}"
        );
    }
}

#[test]
fn keys_left_in_the_data_folder_by_an_older_version_are_moved_out() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let secret = "ab".repeat(32);
    let ring = format!("old:{}\n", "cd".repeat(32));
    write_private(&data.join("secret.key"), &secret, 0o600);
    write_private(&data.join("encryption.keys"), &ring, 0o600);
    let url = "sqlite://data/saferstreets.db";
    let (ok, _, err) = run(dir.path(), url, &["purge"]);
    assert!(ok, "{err}");
    let keys = dir.path().join("keys");
    assert!(!data.join("secret.key").exists() && !data.join("encryption.keys").exists());
    assert_eq!(
        std::fs::read_to_string(keys.join("secret.key")).expect("moved"),
        secret
    );
    assert_eq!(
        std::fs::read_to_string(keys.join("encryption.keys")).expect("moved"),
        ring
    );
}

fn ring_from_file(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .expect("key file")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(id, key)| (id.trim().to_owned(), key.trim().to_owned()))
        .collect()
}

#[tokio::test]
async fn keys_rotate_reseals_everything_so_that_only_the_new_key_is_needed() {
    for db in TestDb::all().await {
        let dir = db.dir.path();
        let old_key = "0a".repeat(32);
        write_private(
            &dir.join("keys/encryption.keys"),
            &format!("k1:{old_key}\n"),
            0o600,
        );
        write_private(&dir.join("keys/secret.key"), &"11".repeat(32), 0o600);
        let old = Keyring::new("k1", &[("k1".to_owned(), old_key.clone())]).expect("ring");
        let store = storage::connect(&db.url).await.expect("connect");
        // A report and a draft sealed under the old key, as the service stores them.
        let purpose = saferstreets::domain::purpose::report("sub-1");
        let report = NewStalkingReport {
            reference: "REF1".into(),
            submission_id: "sub-1".into(),
            force_code: "northshire".into(),
            created_at: 1_000,
            priority: "high".into(),
            priority_rank: 1,
            reasons: "[]".into(),
            key_id: "k1".into(),
            sealed: old.seal(b"what happened", &purpose).expect("seal"),
            alerts: Vec::new(),
            language: "en-GB".into(),
        };
        store
            .submit_stalking_report(&report, None)
            .await
            .expect("submit");
        let draft_key = "c0ffee:report-stalking";
        let draft = old
            .seal(b"{\"draft\":1}", format!("draft:{draft_key}").as_bytes())
            .expect("seal");
        store
            .put_session(draft_key, &draft, i64::MAX / 2)
            .await
            .expect("draft");

        // A member of staff's TOTP secret, and a case note.
        let user = store
            .create_staff_user(
                &saferstreets::storage::NewStaffUser {
                    email: "ann@example.org".into(),
                    role: saferstreets::domain::staff::Role::Investigator,
                    force_code: "northshire".into(),
                    setup_token_hash: "tok".into(),
                    setup_expires_at: 2_000,
                    created_at: 1_000,
                },
                &entry("add-user"),
            )
            .await
            .expect("user");
        let totp_purpose = saferstreets::domain::purpose::totp(user);
        let totp = old.seal(b"JBSWY3DPEHPK3PXP", &totp_purpose).expect("seal");
        assert!(
            store
                .complete_staff_setup(
                    user,
                    "tok",
                    "$argon2id$x",
                    &totp,
                    1,
                    1_100,
                    &entry("set-up")
                )
                .await
                .expect("set up")
        );
        let report_id = store
            .stalking_report("REF1")
            .await
            .expect("read")
            .expect("found")
            .id;
        let note_purpose = saferstreets::domain::purpose::note(report_id);
        assert!(
            store
                .update_case(
                    &saferstreets::storage::CaseUpdate {
                        report_id,
                        from_status: saferstreets::domain::staff::Status::New,
                        to_status: saferstreets::domain::staff::Status::New,
                        assigned_to: None,
                        author_id: user,
                        at: 1_200,
                        note: Some(old.seal(b"called back", &note_purpose).expect("seal")),
                    },
                    &entry("note"),
                )
                .await
                .expect("note")
        );

        let (ok, out, err) = run(dir, &db.url, &["keys", "rotate"]);
        assert!(ok, "{}: {err}", db.url);
        assert!(out.contains("re-sealed 4"), "{out}");

        let pairs = ring_from_file(&dir.join("keys/encryption.keys"));
        assert_eq!(pairs.len(), 2, "the old key is kept");
        assert_ne!(pairs[0].0, "k1", "the new key comes first");
        assert_eq!(pairs[1], ("k1".to_owned(), old_key.clone()));
        let only_new = Keyring::new(&pairs[0].0, &pairs[..1]).expect("new ring");

        let row = store
            .stalking_report("REF1")
            .await
            .expect("read")
            .expect("found");
        assert_eq!(row.report.key_id, pairs[0].0, "{}", db.url);
        assert_eq!(
            only_new.open(&row.report.sealed, &purpose).expect("opens"),
            b"what happened"
        );
        let (sealed, _) = store
            .get_session(draft_key)
            .await
            .expect("read")
            .expect("found");
        assert_eq!(
            only_new
                .open(&sealed, format!("draft:{draft_key}").as_bytes())
                .expect("opens"),
            b"{\"draft\":1}"
        );

        let totp = store
            .staff_user(user)
            .await
            .expect("read")
            .expect("found")
            .totp_sealed
            .expect("sealed");
        assert_eq!(
            only_new.open(&totp, &totp_purpose).expect("opens"),
            b"JBSWY3DPEHPK3PXP"
        );
        let notes = store.case_notes(report_id).await.expect("notes");
        let note = notes
            .iter()
            .find_map(|n| n.sealed.clone())
            .expect("a sealed note");
        assert_eq!(
            only_new.open(&note, &note_purpose).expect("opens"),
            b"called back"
        );

        // Idempotent: nothing left to re-seal, and no key added.
        let (ok, out, err) = run(dir, &db.url, &["keys", "reseal"]);
        assert!(ok, "{err}");
        assert!(out.contains("re-sealed 0"), "{out}");
        assert_eq!(ring_from_file(&dir.join("keys/encryption.keys")).len(), 2);
        let actions: Vec<String> = store
            .audit_rows(0, 100)
            .await
            .expect("audit")
            .into_iter()
            .map(|r| r.entry.action)
            .collect();
        assert!(
            actions.iter().any(|a| a == "keys-rotate"),
            "audited: {actions:?}"
        );
    }
}

fn entry(action: &str) -> AuditEntry {
    AuditEntry {
        at: 1_000,
        actor_id: Some(1),
        actor: "ann@example.org".into(),
        role: "admin".into(),
        force_code: "northshire".into(),
        action: action.into(),
        object: String::new(),
        outcome: "ok".into(),
        detail: String::new(),
    }
}

/// What an attacker with write access to the database (but not the keys folder) does: drop
/// the triggers, edit a row, and recompute every later link with the published SHA-256 rule.
async fn rewrite_chain_without_the_key(url: &str, from_seq: i64, keep_until: Option<i64>) {
    let backend_is_sqlite = url.starts_with("sqlite:");
    let statements: &[&str] = if backend_is_sqlite {
        &[
            "DROP TRIGGER audit_log_no_update",
            "DROP TRIGGER audit_log_no_delete",
        ]
    } else {
        &["ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"]
    };
    let store = storage::connect(url).await.expect("connect");
    let rows = store.audit_rows(0, 1_000).await.expect("rows");
    let mut prev = if from_seq == 1 {
        GENESIS.to_owned()
    } else {
        rows[(from_seq - 2) as usize].hash.clone()
    };
    let mut updates = Vec::new();
    let last = keep_until.unwrap_or(rows.last().expect("rows").seq);
    for row in rows.iter().filter(|r| r.seq >= from_seq && r.seq <= last) {
        let mut e = row.entry.clone();
        if row.seq == from_seq {
            e.outcome = "denied".into();
        }
        let hash = saferstreets::audit::link(&prev, row.seq, &e);
        updates.push((row.seq, e.outcome.clone(), prev.clone(), hash.clone()));
        prev = hash;
    }
    macro_rules! apply {
        ($pool:expr) => {{
            let pool = $pool;
            for s in statements {
                sqlx::query(*s).execute(&pool).await.expect("drop trigger");
            }
            for (seq, outcome, prev_hash, hash) in &updates {
                sqlx::query(
                    "UPDATE audit_log SET outcome = $1, prev_hash = $2, hash = $3 WHERE seq = $4",
                )
                .bind(outcome)
                .bind(prev_hash)
                .bind(hash)
                .bind(seq)
                .execute(&pool)
                .await
                .expect("rewrite");
            }
            sqlx::query("DELETE FROM audit_log WHERE seq > $1")
                .bind(last)
                .execute(&pool)
                .await
                .expect("truncate");
            sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
                .bind(last)
                .bind(&prev)
                .execute(&pool)
                .await
                .expect("head");
        }};
    }
    if backend_is_sqlite {
        apply!(sqlx::SqlitePool::connect(url).await.expect("raw"));
    } else {
        apply!(sqlx::PgPool::connect(url).await.expect("raw"));
    }
}

#[tokio::test]
async fn a_chain_rewritten_with_plain_sha256_fails_audit_verify() {
    for db in TestDb::all().await {
        let dir = db.dir.path();
        // Rows written by the service itself, with its keys.
        let (ok, _, err) = run(
            dir,
            &db.url,
            &[
                "user",
                "add",
                "--email",
                "ann@example.org",
                "--role",
                "admin",
                "--force",
                "northshire",
            ],
        );
        assert!(ok, "{err}");
        let (ok, _, err) = run(dir, &db.url, &["purge"]);
        assert!(ok, "{err}");
        let (ok, out, err) = run(dir, &db.url, &["audit", "verify"]);
        assert!(ok, "{}: {err}", db.url);
        assert!(out.contains("audit log intact"), "{out}");

        rewrite_chain_without_the_key(&db.url, 1, None).await;
        let (ok, out, err) = run(dir, &db.url, &["audit", "verify"]);
        assert!(
            !ok,
            "{}: a rewritten chain passed verification: {out}",
            db.url
        );
        assert!(err.contains("row 1"), "{err}");
    }
}

#[tokio::test]
async fn an_older_unkeyed_chain_followed_by_keyed_rows_verifies_and_stays_pinned() {
    for db in TestDb::all().await {
        let dir = db.dir.path();
        // Rows written by the version before keyed links (a store opened without the key).
        let store = storage::connect(&db.url).await.expect("connect");
        for i in 0..3 {
            store
                .audit(&entry(&format!("old{i}")))
                .await
                .expect("append");
        }
        drop(store);
        // The first run of this version keys the chain from here on.
        let (ok, _, err) = run(dir, &db.url, &["purge"]);
        assert!(ok, "{err}");
        let (ok, out, err) = run(dir, &db.url, &["audit", "verify"]);
        assert!(ok, "{}: {err}", db.url);
        // Three old rows, then the purge's audit rows (one per retention step).
        assert!(out.contains("audit log intact: 8 rows"), "{out}");
        let rows = storage::connect(&db.url)
            .await
            .expect("connect")
            .audit_rows(0, 100)
            .await
            .expect("rows");
        assert!(
            rows[3..]
                .iter()
                .all(|r| r.hash != saferstreets::audit::link(&r.prev_hash, r.seq, &r.entry)),
            "rows after the upgrade are not plain SHA-256"
        );

        // Dropping the keyed rows and rewriting the old part with plain SHA-256 is caught too:
        // the end of the old part is pinned in the audit key file, outside the database.
        rewrite_chain_without_the_key(&db.url, 2, Some(3)).await;
        let (ok, out, err) = run(dir, &db.url, &["audit", "verify"]);
        assert!(!ok, "{}: {out}", db.url);
        assert!(err.contains("row 3"), "{err}");
    }
}

#[tokio::test]
async fn keyed_rows_removed_from_the_end_are_caught_by_a_checkpoint_kept_elsewhere() {
    let db = TestDb::sqlite();
    let dir = db.dir.path();
    for _ in 0..2 {
        let (ok, _, err) = run(dir, &db.url, &["purge"]);
        assert!(ok, "{err}");
    }
    let (ok, out, err) = run(dir, &db.url, &["audit", "verify"]);
    assert!(ok, "{err}");
    let checkpoint = out
        .split("checkpoint ")
        .nth(1)
        .expect("a checkpoint is printed")
        .trim()
        .to_owned();
    // Two purges of five audited steps each.
    assert!(checkpoint.starts_with("10:hmac-sha256:"), "{checkpoint}");

    // The attacker deletes the last two rows and moves the head back: the chain itself
    // cannot show it, the checkpoint can.
    let pool = sqlx::SqlitePool::connect(&db.url).await.expect("raw");
    for sql in [
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE seq > 2",
        "UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2)",
    ] {
        sqlx::query(sql).execute(&pool).await.expect(sql);
    }
    let (ok, _, err) = run(dir, &db.url, &["audit", "verify"]);
    assert!(
        ok,
        "without a checkpoint a shorter chain is consistent: {err}"
    );
    let (ok, out, err) = run(
        dir,
        &db.url,
        &["audit", "verify", "--checkpoint", &checkpoint],
    );
    assert!(!ok, "{out}");
    assert!(err.contains("no longer holds row 10"), "{err}");
}
