//! Attacks on data at rest (issue 12, item 6): someone with a copy of the database (a stolen
//! backup, a curious administrator) finds no free text, answer about the sender, exact point
//! or feedback text in the clear; and each is deleted after its retention period.

use saferstreets::clock::Clock;
use saferstreets::storage::sealed::PlainPlace;

use crate::flows::Step;
use crate::flows::place::{answer, pin, send};
use crate::helpers::{Browser, TestApp, TestDb, spawn_app_with};

/// Typed into every free-text field of a place report.
const PLACE_CANARY: &str = "QZXPLACE";
/// Typed into feedback.
const FEEDBACK_CANARY: &str = "QZXFEEDBACK";

/// A place report with free text everywhere it can go and every question about the sender
/// answered (each with an answer that is not "prefer not to say").
const EVERY_ANSWER: &[Step] = &[
    (
        "the-place",
        &[
            ("answer", "lighting"),
            ("answer", "other"),
            ("other", "QZXPLACE broken gate"),
        ],
    ),
    ("people", &[("answer", "followed")]),
    ("when", &[("day", "20"), ("month", "11"), ("year", "2026")]),
    ("time-of-day", &[("answer", "21")]),
    ("how-often", &[("answer", "often")]),
    (
        "anything-else",
        &[("answer", "QZXPLACE dark path by the canal")],
    ),
    ("about-you", &[("answer", "yes")]),
    ("age", &[("answer", "25-34")]),
    ("sex", &[("answer", "female")]),
    ("gender", &[("answer", "no")]),
    ("ethnicity", &[("answer", "mixed")]),
    ("disability", &[("answer", "yes")]),
    ("not-reported", &[("answer", "afraid")]),
];

/// What would show an answer stored in the clear: the canary, each question about the
/// sender as a JSON key, and the tag every stored answer carries (`{"t":"one","v":…}`).
const CLEAR_SIGNS: &[&str] = &[
    PLACE_CANARY,
    "\"age\"",
    "\"sex\"",
    "\"gender\"",
    "\"ethnicity\"",
    "\"disability\"",
    "\"not-reported\"",
    "\"t\":\"one\"",
    "\"t\":\"many\"",
];

async fn app_on(db: TestDb) -> TestApp {
    spawn_app_with(db, |_| {}, None).await
}

/// Everything an attacker holding the database could read, as text: for SQLite the bytes
/// of the database file and its WAL; for PostgreSQL each row of `tables` as text.
async fn database_as_text(app: &TestApp, tables: &[&str]) -> String {
    let url = app.state.config.database_url.clone();
    if url.starts_with("sqlite:") {
        let mut all = Vec::new();
        for entry in std::fs::read_dir(&app.state.config.data_dir).expect("data dir") {
            let path = entry.expect("entry").path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            if name.is_some_and(|n| n.starts_with("test.db")) {
                all.extend(std::fs::read(&path).unwrap_or_default());
            }
        }
        assert!(!all.is_empty(), "the SQLite files were read");
        String::from_utf8_lossy(&all).into_owned()
    } else {
        let pool = sqlx::PgPool::connect(&url).await.expect("connect");
        let mut all = String::new();
        for table in tables {
            let sql = format!("SELECT CAST(t AS TEXT) FROM {table} t");
            let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .fetch_all(&pool)
                .await
                .expect("rows");
            assert!(!rows.is_empty(), "{table} has rows");
            all.push_str(&rows.join("\n"));
        }
        pool.close().await;
        all
    }
}

/// One number from the database (any engine).
async fn scalar(app: &TestApp, sql: &str) -> i64 {
    let url = &app.state.config.database_url;
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.expect("connect");
        let n = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_one(&pool)
            .await
            .expect("query");
        pool.close().await;
        n
    } else {
        let pool = sqlx::PgPool::connect(url).await.expect("connect");
        let n = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_one(&pool)
            .await
            .expect("query");
        pool.close().await;
        n
    }
}

/// Run statements on the database (any engine), as a pre-0012 version would have written.
async fn execute(app: &TestApp, sql: &[&str]) {
    let url = &app.state.config.database_url;
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.expect("connect");
        for s in sql {
            sqlx::query(sqlx::AssertSqlSafe(s.to_string()))
                .execute(&pool)
                .await
                .expect("statement");
        }
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(url).await.expect("connect");
        for s in sql {
            sqlx::query(sqlx::AssertSqlSafe(s.to_string()))
                .execute(&pool)
                .await
                .expect("statement");
        }
        pool.close().await;
    }
}

/// A pinned place report with every answer, and a described one; their receipts.
async fn send_place_reports(app: &TestApp) -> Vec<String> {
    let pinned = Browser::new(&app.base);
    pin(&pinned).await;
    answer(&pinned, EVERY_ANSWER).await;
    let described = Browser::new(&app.base);
    let page = described
        .post_form(
            "/unsafe-place/where",
            &[
                ("action", "continue"),
                ("description", "QZXPLACE the alley behind 14 Mill Lane"),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    answer(&described, EVERY_ANSWER).await;
    let mut receipts = Vec::new();
    for b in [&pinned, &described] {
        let check = b.get("/unsafe-place/check").await;
        assert!(check.body.contains(PLACE_CANARY), "the canary was answered");
        assert!(
            check.body.contains("Mixed"),
            "so were the questions about them"
        );
        let submission = send(b).await;
        receipts.push(crate::flows::place::receipt(app, &submission).await);
    }
    receipts
}

async fn send_feedback(app: &TestApp, text: &str) {
    let sent = app
        .post_form(
            "/feedback",
            &[
                ("satisfaction", "satisfied"),
                ("improve", text),
                ("from", "/"),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
}

#[tokio::test]
async fn a_place_report_keeps_no_free_text_answer_about_the_sender_or_point_in_the_clear() {
    for db in TestDb::all().await {
        let app = app_on(db).await;
        let receipts = send_place_reports(&app).await;
        let raw = database_as_text(&app, &["place_reports"]).await;
        for sign in CLEAR_SIGNS {
            assert!(
                !raw.contains(sign),
                "{sign} is in the database in the clear"
            );
        }
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM place_reports WHERE lat IS NOT NULL OR lng IS NOT NULL"
            )
            .await,
            0,
            "no exact point in the clear"
        );
        // Only the counting facts are clear, and the rest is still there for the keyring.
        for receipt in &receipts {
            let stored = app
                .state
                .store
                .place_report(receipt)
                .await
                .expect("read")
                .expect("stored");
            let plain = PlainPlace::open(&app.state.keyring, &stored).expect("opens");
            let text = plain.text.unwrap_or_default();
            assert!(text.contains(PLACE_CANARY), "{text}");
            let about = plain.about.unwrap_or_default();
            assert!(about.contains("\"ethnicity\"") && about.contains("mixed"));
            let rest = plain.answers.unwrap_or_default();
            assert!(
                rest.contains("afraid") && !rest.contains(PLACE_CANARY),
                "{rest}"
            );
        }
        let pinned = app.state.store.place_report(&receipts[0]).await;
        let point = pinned.expect("read").map(|r| {
            PlainPlace::open(&app.state.keyring, &r)
                .expect("opens")
                .point
        });
        assert_eq!(point, Some(Some((53.8, -1.55))));
    }
}

#[tokio::test]
async fn a_sealed_place_answer_cannot_be_moved_to_another_report() {
    let app = app_on(TestDb::sqlite()).await;
    let receipts = send_place_reports(&app).await;
    let read = |r: &str| {
        let store = app.state.store.clone();
        let r = r.to_owned();
        async move { store.place_report(&r).await.expect("read").expect("row") }
    };
    let (first, mut second) = (read(&receipts[0]).await, read(&receipts[1]).await);
    second.sealed.about = first.sealed.about.clone();
    assert!(PlainPlace::open(&app.state.keyring, &second).is_err());
}

#[tokio::test]
async fn feedback_keeps_neither_a_phone_number_nor_its_text_in_the_clear() {
    for db in TestDb::all().await {
        let app = app_on(db).await;
        send_feedback(
            &app,
            "QZXFEEDBACK please ring 07700900777 or +44 7700 900777 about it",
        )
        .await;
        let raw = database_as_text(&app, &["feedback"]).await;
        for sign in [FEEDBACK_CANARY, "07700900777", "7700 900777", "please ring"] {
            assert!(
                !raw.contains(sign),
                "{sign} is in the database in the clear"
            );
        }
        let stored = app
            .state
            .store
            .list_feedback(10, &app.state.keyring)
            .await
            .expect("list");
        assert_eq!(
            stored[0].answers.improve.as_deref(),
            Some("QZXFEEDBACK please ring [number removed] or [number removed] about it")
        );
    }
}

/// The audit actions of the system's retention runs.
async fn purge_audit(app: &TestApp) -> Vec<(String, String)> {
    app.state
        .store
        .audit_rows(0, 10_000)
        .await
        .expect("audit")
        .into_iter()
        .filter(|r| r.entry.actor == "system" && r.entry.action.starts_with("purge"))
        .map(|r| (r.entry.action, r.entry.detail))
        .collect()
}

#[tokio::test]
async fn free_text_answers_about_the_sender_and_feedback_are_purged_after_their_periods() {
    for db in TestDb::all().await {
        let app = app_on(db).await;
        let receipts = send_place_reports(&app).await;
        send_feedback(&app, "QZXFEEDBACK bigger buttons").await;
        let config = app.state.config.as_ref().clone();
        let purge = || saferstreets::retention::purge(&app.state.store, &config, app.clock.now());
        let sealed = |receipt: String| {
            let store = app.state.store.clone();
            async move {
                let s = store.place_report(&receipt).await.expect("read");
                let s = s.expect("the report stays").sealed;
                (s.text.is_some(), s.about.is_some(), s.answers.is_some())
            }
        };

        app.clock
            .advance(config.retention_place_text_days * 86_400 - 1);
        let early = purge().await.expect("purge");
        assert_eq!(
            (early.place_text, early.place_about, early.feedback),
            (0, 0, 0)
        );
        assert_eq!(sealed(receipts[0].clone()).await, (true, true, true));

        app.clock.advance(2);
        let text_due = purge().await.expect("purge");
        assert_eq!((text_due.place_text, text_due.place_about), (2, 0));
        assert_eq!(sealed(receipts[0].clone()).await, (false, true, true));
        assert_eq!(sealed(receipts[1].clone()).await, (false, true, true));

        let to_feedback = config.retention_feedback_days - config.retention_place_text_days;
        app.clock.advance(to_feedback * 86_400);
        assert_eq!(purge().await.expect("purge").feedback, 1);
        let left = app.state.store.list_feedback(10, &app.state.keyring).await;
        assert!(left.expect("list").is_empty());

        let to_about = config.retention_place_about_days - config.retention_feedback_days;
        app.clock.advance(to_about * 86_400);
        assert_eq!(purge().await.expect("purge").place_about, 2);
        assert_eq!(sealed(receipts[0].clone()).await, (false, false, true));
        assert_eq!(
            app.state
                .store
                .cell_counts("northshire", 9)
                .await
                .expect("cells")
                .len(),
            1,
            "the report still counts"
        );

        let audit = purge_audit(&app).await;
        for (action, detail) in [
            ("purge-place-text", "2 place reports' free text dropped"),
            ("purge-feedback", "1 feedback answers deleted"),
            (
                "purge-place-about",
                "2 place reports' answers about the sender dropped",
            ),
        ] {
            assert!(
                audit.contains(&(action.to_owned(), detail.to_owned())),
                "{action}: {audit:?}"
            );
        }
    }
}

#[tokio::test]
async fn rows_kept_in_the_clear_before_are_sealed_once_and_cleared() {
    for db in TestDb::all().await {
        let app = app_on(db).await;
        // As the service wrote them before migration 0012.
        execute(
            &app,
            &[
                "INSERT INTO place_reports (receipt, submission_id, force_code, created_at, \
                 lat, lng, cell, cell_res, day, hour, reasons, answers) VALUES \
                 ('OLD1', 'old-1', 'northshire', 1795694400, 53.8012, -1.5481, NULL, NULL, \
                 20412, 21, 1, '{\"anything-else\":{\"t\":\"text\",\"v\":\"QZXPLACE old\"},\
                 \"ethnicity\":{\"t\":\"one\",\"v\":\"mixed\"},\
                 \"how-often\":{\"t\":\"one\",\"v\":\"often\"}}'), \
                 ('OLD2', 'old-2', 'northshire', 1795694400, 53.8, -1.55, NULL, NULL, \
                 20412, 21, 1, '{\"demo\":true}')",
                "INSERT INTO feedback (created_at, satisfaction, improve, page) VALUES \
                 (1795694400, 'neither', 'QZXFEEDBACK ring 07700900777', '/')",
            ],
        )
        .await;
        let store = &app.state.store;
        let keyring = &app.state.keyring;
        let sealed = saferstreets::retention::seal_clear_rows(store, keyring)
            .await
            .expect("seal");
        assert_eq!((sealed.places, sealed.feedback), (2, 1));
        let again = saferstreets::retention::seal_clear_rows(store, keyring)
            .await
            .expect("seal again");
        assert_eq!(
            (again.places, again.feedback),
            (0, 0),
            "nothing left to seal"
        );
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM place_reports WHERE answers <> '' OR lat IS NOT NULL \
                 OR lng IS NOT NULL"
            )
            .await,
            0
        );
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM feedback WHERE improve IS NOT NULL"
            )
            .await,
            0
        );

        let old = store
            .place_report("OLD1")
            .await
            .expect("read")
            .expect("row");
        let plain = PlainPlace::open(keyring, &old).expect("opens");
        assert_eq!(plain.point, Some((53.8012, -1.5481)));
        assert!(plain.text.unwrap_or_default().contains("QZXPLACE old"));
        assert!(plain.about.unwrap_or_default().contains("mixed"));
        assert!(plain.answers.unwrap_or_default().contains("often"));
        let demo = store
            .place_report("OLD2")
            .await
            .expect("read")
            .expect("row");
        let plain = PlainPlace::open(keyring, &demo).expect("opens");
        assert_eq!(plain.answers.as_deref(), Some("{\"demo\":true}"));
        let feedback = store.list_feedback(10, keyring).await.expect("list");
        assert_eq!(
            feedback[0].answers.improve.as_deref(),
            Some("QZXFEEDBACK ring [number removed]"),
            "scrubbed as new feedback is"
        );
        // Nor are they left behind: not in a row, and on SQLite not in the file's free space
        // or in older page images in the WAL.
        let raw = database_as_text(&app, &["place_reports", "feedback"]).await;
        for sign in [
            PLACE_CANARY,
            FEEDBACK_CANARY,
            "07700900777",
            "\"ethnicity\"",
        ] {
            assert!(!raw.contains(sign), "{sign} is still in the database");
        }
    }
}

#[tokio::test]
async fn every_sealed_column_is_listed_for_key_rotation_and_reseals() {
    use saferstreets::crypto::Keyring;
    use saferstreets::storage::sealed::SEALED_COLUMNS;
    for db in TestDb::all().await {
        let app = app_on(db).await;
        let receipts = send_place_reports(&app).await;
        send_feedback(&app, "QZXFEEDBACK bigger buttons").await;
        let columns: Vec<String> = SEALED_COLUMNS
            .iter()
            .map(|c| format!("{}.{}", c.table, c.column))
            .collect();
        assert_eq!(
            columns,
            [
                "place_reports.point_sealed",
                "place_reports.text_sealed",
                "place_reports.about_sealed",
                "place_reports.answers_sealed",
                "feedback.improve_sealed"
            ]
        );
        // The key file the app made, plus a newer key that now seals.
        let file = app.state.config.keys_dir.join("encryption.keys");
        let old = std::fs::read_to_string(file).expect("key file");
        let (old_id, old_key) = old.trim().split_once(':').expect("id:key");
        let keys = vec![
            ("k9".to_owned(), "09".repeat(32)),
            (old_id.to_owned(), old_key.to_owned()),
        ];
        let rotated = Keyring::new("k9", &keys).expect("keyring");
        // Point, text, about and answers of two reports (the described one has no point),
        // and one feedback text.
        assert_eq!(app.state.store.reseal(&rotated).await.expect("reseal"), 8);
        assert_eq!(app.state.store.reseal(&rotated).await.expect("reseal"), 0);
        let stored = app.state.store.place_report(&receipts[0]).await;
        let stored = stored.expect("read").expect("row");
        let text = stored.sealed.text.clone().expect("text");
        assert_eq!(Keyring::key_id_of(&text).ok(), Some("k9"));
        let plain = PlainPlace::open(&rotated, &stored).expect("opens with the new ring");
        assert!(plain.text.unwrap_or_default().contains(PLACE_CANARY));
        let feedback = app.state.store.list_feedback(1, &rotated).await;
        assert_eq!(
            feedback.expect("list")[0].answers.improve.as_deref(),
            Some("QZXFEEDBACK bigger buttons")
        );
    }
}
