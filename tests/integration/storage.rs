//! The store, run against SQLite and (when configured) PostgreSQL with the same assertions.

use saferstreets::storage::{self, NewFeedback};

use crate::helpers::TestDb;

#[tokio::test]
async fn feedback_round_trips_newest_first() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        for (i, sat) in ["satisfied", "neither"].into_iter().enumerate() {
            let id = store
                .insert_feedback(&NewFeedback {
                    satisfaction: sat.to_owned(),
                    improve: (i == 1).then(|| "More on “online” stalking — ✓".to_owned()),
                    page: "/advice".to_owned(),
                    created_at: 1_000 + i as i64,
                })
                .await
                .expect("insert");
            assert!(id > 0);
        }
        let all = store.list_feedback(10).await.expect("list");
        assert_eq!(all.len(), 2, "{:?}", store.backend());
        assert_eq!(all[0].answers.satisfaction, "neither");
        assert_eq!(
            all[0].answers.improve.as_deref(),
            Some("More on “online” stalking — ✓")
        );
        assert_eq!(all[1].answers.improve, None);
        assert_eq!(store.list_feedback(1).await.expect("list").len(), 1);
    }
}

#[tokio::test]
async fn page_views_accumulate_per_day_and_path() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        for _ in 0..3 {
            store
                .record_page_view("2026-11-24", "/advice")
                .await
                .expect("count");
        }
        store
            .record_page_view("2026-11-25", "/advice")
            .await
            .expect("count");
        store
            .record_page_view("2026-11-25", "/")
            .await
            .expect("count");
        let views = store
            .page_views("2026-11-24", "2026-11-25")
            .await
            .expect("views");
        let rows: Vec<_> = views
            .iter()
            .map(|v| (v.day.as_str(), v.path.as_str(), v.views))
            .collect();
        assert_eq!(
            rows,
            [
                ("2026-11-24", "/advice", 3),
                ("2026-11-25", "/", 1),
                ("2026-11-25", "/advice", 1)
            ],
            "{:?}",
            store.backend()
        );
        assert_eq!(
            store
                .page_views("2026-11-25", "2026-11-25")
                .await
                .expect("views")
                .len(),
            2
        );
    }
}

#[tokio::test]
async fn sessions_expire_and_can_be_forgotten() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        store.put_session("a", b"first", 100).await.expect("put");
        store
            .put_session("a", b"second", 200)
            .await
            .expect("replace");
        store.put_session("b", b"other", 50).await.expect("put");
        assert_eq!(
            store.get_session("a", 150).await.expect("get").as_deref(),
            Some(&b"second"[..])
        );
        assert_eq!(
            store.get_session("a", 200).await.expect("get"),
            None,
            "expired at its deadline"
        );
        assert_eq!(
            store.get_session("b", 49).await.expect("get").as_deref(),
            Some(&b"other"[..])
        );
        assert_eq!(store.purge_expired_sessions(60).await.expect("purge"), 1);
        assert_eq!(store.get_session("b", 0).await.expect("get"), None);
        assert!(store.delete_session("a").await.expect("delete"));
        assert!(!store.delete_session("a").await.expect("delete again"));
        assert_eq!(store.get_session("a", 0).await.expect("get"), None);
    }
}

#[tokio::test]
async fn the_embedded_database_runs_in_wal_mode_with_full_sync() {
    let db = TestDb::sqlite();
    storage::connect(&db.url).await.expect("connect");
    let path = storage::sqlite_path(&db.url).expect("path");
    assert!(path.exists());
    let pool = sqlx::SqlitePool::connect(&db.url).await.expect("pool");
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&pool)
        .await
        .expect("pragma");
    assert_eq!(mode, "wal", "WAL is a property of the file and persists");
}

#[tokio::test]
async fn migrations_are_applied_once_and_reopening_keeps_data() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        store
            .record_page_view("2026-01-01", "/")
            .await
            .expect("count");
        drop(store);
        let again = storage::connect(&db.url).await.expect("reconnect");
        assert_eq!(
            again
                .page_views("2026-01-01", "2026-01-01")
                .await
                .expect("views")
                .len(),
            1
        );
    }
}

#[tokio::test]
async fn an_unknown_database_url_is_refused() {
    let err = storage::connect("mysql://localhost/x")
        .await
        .expect_err("refused");
    assert!(err.to_string().contains("sqlite://"), "{err}");
}
