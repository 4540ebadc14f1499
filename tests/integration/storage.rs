//! The store, run against SQLite and (when configured) PostgreSQL with the same assertions.

use saferstreets::domain::place::{Bands, Day, ReasonSet, Weekdays};
use saferstreets::storage::{self, NewFeedback, PageViews, SealedPlace};

use crate::helpers::TestDb;

#[tokio::test]
async fn feedback_round_trips_newest_first() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        let keyring = test_keyring();
        for (i, sat) in ["satisfied", "neither"].into_iter().enumerate() {
            let id = store
                .insert_feedback(
                    &NewFeedback {
                        satisfaction: sat.to_owned(),
                        improve: (i == 1).then(|| "More on “online” stalking — ✓".to_owned()),
                        page: "/advice".to_owned(),
                        created_at: 1_000 + i as i64,
                    },
                    &keyring,
                )
                .await
                .expect("insert");
            assert!(id > 0);
        }
        let all = store.list_feedback(10, &keyring).await.expect("list");
        assert_eq!(all.len(), 2, "{:?}", store.backend());
        assert_eq!(all[0].answers.satisfaction, "neither");
        assert_eq!(
            all[0].answers.improve.as_deref(),
            Some("More on “online” stalking — ✓")
        );
        assert_eq!(all[1].answers.improve, None);
        assert_eq!(
            store.list_feedback(1, &keyring).await.expect("list").len(),
            1
        );
    }
}

/// A keyring of one fixed key, for what the store seals itself.
fn test_keyring() -> saferstreets::crypto::Keyring {
    saferstreets::crypto::Keyring::new("k1", &[("k1".to_owned(), "01".repeat(32))])
        .expect("keyring")
}

#[tokio::test]
async fn page_views_accumulate_per_day_and_path() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        let view = |day: &str, path: &str, views| PageViews {
            day: day.to_owned(),
            path: path.to_owned(),
            views,
        };
        store
            .add_page_views(&[view("2026-11-24", "/advice", 1), view("2026-11-25", "/", 1)])
            .await
            .expect("count");
        store
            .add_page_views(&[
                view("2026-11-24", "/advice", 2),
                view("2026-11-25", "/advice", 1),
            ])
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
            store.get_session("a").await.expect("get"),
            Some((b"second".to_vec(), 200))
        );
        assert_eq!(
            store.get_session("b").await.expect("get"),
            Some((b"other".to_vec(), 50))
        );
        assert_eq!(store.purge_expired_sessions(60).await.expect("purge"), 1);
        assert_eq!(store.get_session("b").await.expect("get"), None);
        assert!(store.delete_session("a").await.expect("delete"));
        assert!(!store.delete_session("a").await.expect("delete again"));
        assert_eq!(store.get_session("a").await.expect("get"), None);
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
            .add_page_views(&[PageViews {
                day: "2026-01-01".to_owned(),
                path: "/".to_owned(),
                views: 1,
            }])
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

fn report(reference: &str, submission: &str) -> saferstreets::storage::NewStalkingReport {
    saferstreets::storage::NewStalkingReport {
        reference: reference.to_owned(),
        submission_id: submission.to_owned(),
        force_code: "northshire".to_owned(),
        created_at: 1_000,
        priority: "high".to_owned(),
        priority_rank: 1,
        reasons: "[\"getting-worse\"]".to_owned(),
        key_id: "k1".to_owned(),
        sealed: vec![1, 2, 3, 0, 255],
        alerts: Vec::new(),
        // Not the default, so reading it back shows the column round-trips.
        language: "cy".to_owned(),
    }
}

#[tokio::test]
async fn a_stalking_report_is_stored_once_per_submission() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        let first = store
            .submit_stalking_report(&report("AAAA", "sub-1"), None)
            .await
            .expect("insert");
        assert_eq!(first, "AAAA");
        // The same draft sent again, with a freshly drawn reference: the first one wins.
        let again = store
            .submit_stalking_report(&report("BBBB", "sub-1"), None)
            .await
            .expect("again");
        assert_eq!(again, "AAAA", "{:?}", store.backend());
        assert_eq!(store.count_stalking_reports().await.expect("count"), 1);
        assert_eq!(
            store
                .stalking_reference_for("sub-1")
                .await
                .expect("find")
                .as_deref(),
            Some("AAAA")
        );
        let row = store
            .stalking_report("AAAA")
            .await
            .expect("get")
            .expect("row");
        assert_eq!(row.status, "new");
        assert_eq!(row.report, report("AAAA", "sub-1"));
        assert!(store.stalking_report("BBBB").await.expect("get").is_none());
    }
}

#[tokio::test]
async fn a_reference_clash_is_reported_so_a_new_one_can_be_drawn() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        store
            .submit_stalking_report(&report("SAME", "sub-1"), None)
            .await
            .expect("insert");
        let clash = store
            .submit_stalking_report(&report("SAME", "sub-2"), None)
            .await;
        assert!(
            matches!(clash, Err(storage::StoreError::Duplicate)),
            "{clash:?}"
        );
        assert_eq!(store.count_stalking_reports().await.expect("count"), 1);
    }
}

#[tokio::test]
async fn concurrent_sends_of_one_draft_make_one_report() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        let mut tasks = Vec::new();
        for i in 0..8 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                store
                    .submit_stalking_report(&report(&format!("REF{i}"), "double-click"), None)
                    .await
            }));
        }
        let mut refs = std::collections::BTreeSet::new();
        for t in tasks {
            refs.insert(t.await.expect("join").expect("insert"));
        }
        assert_eq!(refs.len(), 1, "every send saw the same reference: {refs:?}");
        assert_eq!(store.count_stalking_reports().await.expect("count"), 1);
    }
}

#[tokio::test]
async fn sending_a_report_replaces_the_draft_in_the_same_transaction() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        store
            .put_session("s", b"answers", 500)
            .await
            .expect("draft");
        let sent = storage::SessionWrite {
            key: "s".into(),
            data: b"sent".to_vec(),
            expires_at: 900,
        };
        store
            .submit_stalking_report(&report("AAAA", "sub-1"), Some(&sent))
            .await
            .expect("submit");
        assert_eq!(
            store.get_session("s").await.expect("get"),
            Some((b"sent".to_vec(), 900))
        );
        // A failing report (reference taken by another submission) leaves the draft as it was.
        store
            .put_session("t", b"other answers", 500)
            .await
            .expect("draft");
        let other = storage::SessionWrite {
            key: "t".into(),
            data: b"sent".to_vec(),
            expires_at: 900,
        };
        let clash = store
            .submit_stalking_report(&report("AAAA", "sub-2"), Some(&other))
            .await;
        assert!(clash.is_err());
        assert_eq!(
            store.get_session("t").await.expect("get"),
            Some((b"other answers".to_vec(), 500)),
            "{:?}",
            store.backend()
        );
    }
}

#[tokio::test]
async fn many_concurrent_writers_all_commit() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        let mut tasks = Vec::new();
        for i in 0..200 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let s = storage::SessionWrite {
                    key: format!("s{i}"),
                    data: vec![1],
                    expires_at: 10,
                };
                store
                    .put_session(&s.key, &s.data, s.expires_at)
                    .await
                    .expect("draft");
                store
                    .submit_stalking_report(&report(&format!("R{i}"), &format!("sub{i}")), Some(&s))
                    .await
            }));
        }
        for (i, t) in tasks.into_iter().enumerate() {
            assert_eq!(t.await.expect("join").expect("submit"), format!("R{i}"));
        }
        assert_eq!(store.count_stalking_reports().await.expect("count"), 200);
    }
}

#[tokio::test]
async fn forgetting_a_session_removes_every_draft_under_it_and_nothing_else() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        for key in [
            "abc",
            "abc:stalking",
            "abc:place",
            "abcd:stalking",
            "xyz:abc",
        ] {
            store.put_session(key, b"x", 100).await.expect("put");
        }
        assert!(store.delete_session("abc").await.expect("delete"));
        for (key, kept) in [
            ("abc", false),
            ("abc:stalking", false),
            ("abc:place", false),
            ("abcd:stalking", true),
            ("xyz:abc", true),
        ] {
            assert_eq!(
                store.get_session(key).await.expect("get").is_some(),
                kept,
                "{key} on {:?}",
                store.backend()
            );
        }
    }
}

fn place(receipt: &str, submission: &str, cells: &[(i64, i64)]) -> storage::NewPlaceReport {
    storage::NewPlaceReport {
        receipt: receipt.to_owned(),
        submission_id: submission.to_owned(),
        force_code: "northshire".to_owned(),
        created_at: 1_000,
        cells: cells.to_vec(),
        day: 20_000,
        hour: 21,
        reasons: 0b101,
        // The store keeps sealed parts as they are given (the caller seals them).
        sealed: SealedPlace {
            point: Some(b"sealed point".to_vec()),
            answers: Some(b"sealed answers".to_vec()),
            ..SealedPlace::default()
        },
    }
}

#[tokio::test]
async fn place_reports_are_stored_once_and_counted_once() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        let cells = [(9, 617_437_542_104_956_927), (11, 626_444_741_359_640_575)];
        assert_eq!(
            store
                .submit_place_report(&place("R1", "s1", &cells), None)
                .await
                .expect("first"),
            "R1"
        );
        assert_eq!(
            store
                .submit_place_report(&place("R2", "s1", &cells), None)
                .await
                .expect("again"),
            "R1"
        );
        store
            .submit_place_report(&place("R3", "s2", &cells[..1]), None)
            .await
            .expect("second report");
        assert_eq!(store.count_place_reports().await.expect("count"), 2);
        assert_eq!(
            store.cell_counts("northshire", 9).await.expect("cells"),
            [(617_437_542_104_956_927, 2)]
        );
        assert_eq!(
            store.cell_counts("northshire", 11).await.expect("cells"),
            [(626_444_741_359_640_575, 1)]
        );
        assert!(
            store
                .cell_counts("elsewhere", 9)
                .await
                .expect("cells")
                .is_empty()
        );
        let stored = store.place_report("R1").await.expect("get").expect("row");
        assert_eq!(
            (stored.sealed, stored.reasons, stored.hour, stored.cells),
            (place("R1", "s1", &cells).sealed, 0b101, 21, vec![cells[1]]),
            "{:?}",
            store.backend()
        );
        let described = storage::NewPlaceReport {
            sealed: SealedPlace::default(),
            cells: vec![],
            ..place("R4", "s4", &[])
        };
        store
            .submit_place_report(&described, None)
            .await
            .expect("no point");
        assert_eq!(
            store
                .place_report("R4")
                .await
                .expect("get")
                .expect("row")
                .sealed
                .point,
            None
        );
    }
}

#[tokio::test]
async fn force_areas_and_the_gazetteer_are_replaced_whole() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        let force = storage::ForceRow {
            code: "n".into(),
            name: "N".into(),
            area: "{}".into(),
            imported_at: 1,
        };
        store.replace_force(&force).await.expect("insert");
        store
            .replace_force(&storage::ForceRow {
                name: "Renamed".into(),
                ..force
            })
            .await
            .expect("replace");
        let forces = store.forces().await.expect("forces");
        assert_eq!(forces.len(), 1);
        assert_eq!(forces[0].name, "Renamed");
        let row = |n: &str| storage::GazetteerRow {
            name: n.into(),
            postcode: Some("NS1 2AB".into()),
            lat: 53.8,
            lng: -1.5,
        };
        assert_eq!(
            store
                .replace_gazetteer(&[row("A"), row("B")])
                .await
                .expect("first"),
            2
        );
        assert_eq!(
            store.replace_gazetteer(&[row("C")]).await.expect("second"),
            1
        );
        let names: Vec<String> = store
            .gazetteer()
            .await
            .expect("all")
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["C"], "{:?}", store.backend());
    }
}

#[tokio::test]
async fn hotspot_counts_filter_by_reason_day_hour_and_weekday() {
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        // Day 20_416 is Monday 2025-11-24; 20_422 is Sunday 2025-11-30.
        let reports = [
            ("a", 20_416, 21, 0b001, 1),
            ("b", 20_416, 3, 0b010, 1),
            ("c", 20_422, 21, 0b011, 2),
            ("d", 20_422, 21, 0b100, 2),
        ];
        for (id, day, hour, reasons, cell) in reports {
            let r = storage::NewPlaceReport {
                day,
                hour,
                reasons,
                cells: vec![(9, cell)],
                ..place(id, id, &[])
            };
            store.submit_place_report(&r, None).await.expect("submit");
        }
        let all = storage::HotspotQuery {
            res: 9,
            from_day: Day(0),
            to_day: Day(99_999),
            reasons: ReasonSet::all(),
            hours: Bands::all(),
            weekdays: Weekdays::all(),
            force: None,
        };
        let sorted = |mut v: Vec<(i64, i64)>| {
            v.sort();
            v
        };
        assert_eq!(
            sorted(store.hotspot_counts(&all).await.expect("all")),
            [(1, 2), (2, 2)],
            "{:?}",
            store.backend()
        );
        let lighting = storage::HotspotQuery {
            reasons: ReasonSet::LIGHTING,
            ..all.clone()
        };
        assert_eq!(
            sorted(store.hotspot_counts(&lighting).await.expect("q")),
            [(1, 1), (2, 1)]
        );
        let night = storage::HotspotQuery {
            hours: Bands::from_bits_retain(1 << 7),
            ..all.clone()
        };
        assert_eq!(
            sorted(store.hotspot_counts(&night).await.expect("q")),
            [(1, 1), (2, 2)]
        );
        let sundays = storage::HotspotQuery {
            weekdays: Weekdays::SUNDAY,
            ..all.clone()
        };
        assert_eq!(
            sorted(store.hotspot_counts(&sundays).await.expect("q")),
            [(2, 2)]
        );
        let mondays_only_day = storage::HotspotQuery {
            from_day: Day(20_416),
            to_day: Day(20_416),
            ..all.clone()
        };
        assert_eq!(
            sorted(store.hotspot_counts(&mondays_only_day).await.expect("q")),
            [(1, 2)]
        );
        let other_force = storage::HotspotQuery {
            force: Some("elsewhere".into()),
            ..all
        };
        assert!(
            store
                .hotspot_counts(&other_force)
                .await
                .expect("q")
                .is_empty()
        );
    }
}

#[tokio::test]
async fn partner_keys_are_found_by_hash_until_revoked_and_open311_reads_rows_and_counts_posts() {
    use saferstreets::storage::{NewPartnerKey, NewPlaceReport, PlaceRequestQuery};
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        let id = store
            .add_partner_key(&NewPartnerKey {
                key_hash: "h1".into(),
                partner: "Council".into(),
                force_code: "northshire".into(),
                created_at: 10,
            })
            .await
            .expect("add");
        let found = store.partner_key("h1").await.expect("get").expect("found");
        assert_eq!((found.id, found.force_code.as_str()), (id, "northshire"));
        assert!(store.partner_key("h2").await.expect("get").is_none());
        assert!(store.revoke_partner_key(id, 20).await.expect("revoke"));
        assert!(!store.revoke_partner_key(id, 21).await.expect("again"));
        assert!(store.partner_key("h1").await.expect("get").is_none());
        assert_eq!(
            store.partner_keys().await.expect("list")[0].revoked_at,
            Some(20)
        );

        for (i, (force, reasons, point)) in [
            ("northshire", 1, true),
            ("northshire", 2, true),
            ("northshire", 1, false),
            ("southshire", 1, true),
        ]
        .into_iter()
        .enumerate()
        {
            let report = NewPlaceReport {
                receipt: format!("R{i}"),
                submission_id: format!("s{i}"),
                force_code: force.into(),
                created_at: 100 + i as i64,
                cells: if point {
                    vec![(11, 600 + i as i64)]
                } else {
                    Vec::new()
                },
                day: 1 + i as i64,
                hour: 0,
                reasons,
                sealed: SealedPlace::default(),
            };
            store
                .submit_place_report(&report, None)
                .await
                .expect("submit");
        }
        let q = PlaceRequestQuery {
            force_code: "northshire".into(),
            from_day: Day(0),
            to_day: Day(10),
            reasons: ReasonSet::all(),
        };
        let mut rows = store.place_requests(&q).await.expect("list");
        rows.sort_by_key(|r| r.day);
        let cells: Vec<i64> = rows.iter().map(|r| r.cell).collect();
        assert_eq!(cells, [600, 601], "{}: points only, own force", db.url);
        assert_eq!((rows[1].day, rows[1].reasons), (2, 2));
        let lighting = store
            .place_requests(&PlaceRequestQuery {
                reasons: ReasonSet::LIGHTING,
                ..q.clone()
            })
            .await
            .expect("list");
        assert_eq!(lighting.len(), 1);
        let window = store
            .place_requests(&PlaceRequestQuery {
                from_day: Day(2),
                to_day: Day(2),
                ..q
            })
            .await
            .expect("list");
        assert_eq!(window.len(), 1);

        // The daily post counter: one atomic count per key and day; a new day drops old ones.
        for n in 1..=3 {
            assert_eq!(store.count_open311_post(id, 100).await.expect("count"), n);
        }
        assert_eq!(
            store.count_open311_post(id + 1, 100).await.expect("count"),
            1
        );
        assert_eq!(store.count_open311_post(id, 101).await.expect("count"), 1);
        assert_eq!(store.count_open311_post(id, 101).await.expect("count"), 2);
    }
}

fn audit_entry(action: &str) -> saferstreets::audit::AuditEntry {
    saferstreets::audit::AuditEntry {
        at: 1_000,
        actor_id: Some(7),
        actor: "ann@example.org".into(),
        role: "admin".into(),
        force_code: "northshire".into(),
        action: action.into(),
        object: "user:1".into(),
        outcome: "ok".into(),
        detail: String::new(),
    }
}

async fn verify(
    store: &saferstreets::storage::DynStore,
) -> Result<u64, saferstreets::audit::Broken> {
    let mut v = saferstreets::audit::Verifier::default();
    for row in store.audit_rows(0, 1_000).await.expect("rows") {
        v.check(&row)?;
    }
    let (seq, hash) = store.audit_head().await.expect("head");
    v.finish(seq, &hash)?;
    Ok(v.checked)
}

#[tokio::test]
async fn the_audit_log_is_append_only_and_its_chain_exposes_tampering() {
    use saferstreets::audit::Broken;
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        for i in 0..5 {
            let seq = store
                .audit(&audit_entry(&format!("a{i}")))
                .await
                .expect("append");
            assert_eq!(seq, i + 1);
        }
        assert_eq!(verify(&store).await, Ok(5), "{}", db.url);
        let forced = match store.backend() {
            storage::Backend::Sqlite => {
                let pool = sqlx::SqlitePool::connect(&db.url).await.expect("raw");
                let update = sqlx::query("UPDATE audit_log SET outcome = 'denied' WHERE seq = 3")
                    .execute(&pool)
                    .await;
                let delete = sqlx::query("DELETE FROM audit_log WHERE seq = 2")
                    .execute(&pool)
                    .await;
                assert!(
                    update.is_err() && delete.is_err(),
                    "triggers refuse changes"
                );
                // Someone with the database file can drop the triggers; the chain still tells.
                sqlx::query("DROP TRIGGER audit_log_no_update")
                    .execute(&pool)
                    .await
                    .expect("drop");
                sqlx::query("UPDATE audit_log SET outcome = 'denied' WHERE seq = 3")
                    .execute(&pool)
                    .await
                    .expect("edit");
                true
            }
            storage::Backend::Postgres => {
                let pool = sqlx::PgPool::connect(&db.url).await.expect("raw");
                let update = sqlx::query("UPDATE audit_log SET outcome = 'denied' WHERE seq = 3")
                    .execute(&pool)
                    .await;
                let delete = sqlx::query("DELETE FROM audit_log WHERE seq = 2")
                    .execute(&pool)
                    .await;
                assert!(
                    update.is_err() && delete.is_err(),
                    "triggers refuse changes"
                );
                sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update")
                    .execute(&pool)
                    .await
                    .expect("disable");
                sqlx::query("UPDATE audit_log SET outcome = 'denied' WHERE seq = 3")
                    .execute(&pool)
                    .await
                    .expect("edit");
                true
            }
        };
        assert!(forced);
        assert_eq!(verify(&store).await, Err(Broken::Altered(3)), "{}", db.url);
    }
}

#[tokio::test]
async fn staff_accounts_sessions_and_failure_counts_round_trip() {
    use saferstreets::storage::NewStaffUser;
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        let new = NewStaffUser {
            email: "kim@example.org".into(),
            role: saferstreets::domain::staff::Role::Analyst,
            force_code: "northshire".into(),
            setup_token_hash: "tok".into(),
            setup_expires_at: 2_000,
            created_at: 1_000,
        };
        let id = store
            .create_staff_user(&new, &audit_entry("add"))
            .await
            .expect("add");
        assert!(matches!(
            store.create_staff_user(&new, &audit_entry("add")).await,
            Err(storage::StoreError::Duplicate)
        ));
        assert_eq!(
            store
                .staff_user_by_setup("tok")
                .await
                .expect("get")
                .map(|u| u.id),
            Some(id)
        );
        assert!(
            !store
                .complete_staff_setup(id, "tok", "phc", b"sealed", 5, 2_000, &audit_entry("setup"))
                .await
                .expect("late"),
            "an expired link cannot finish set-up"
        );
        assert!(
            !store
                .complete_staff_setup(id, "old", "phc", b"sealed", 5, 1_500, &audit_entry("setup"))
                .await
                .expect("replaced"),
            "a set-up begun from a replaced link cannot finish"
        );
        assert!(
            store
                .complete_staff_setup(id, "tok", "phc", b"sealed", 5, 1_500, &audit_entry("setup"))
                .await
                .expect("setup")
        );
        assert!(
            store
                .staff_user_by_setup("tok")
                .await
                .expect("get")
                .is_none(),
            "link spent"
        );
        assert!(
            !store.use_totp_step(id, 5).await.expect("replay"),
            "the set-up step is used"
        );
        assert!(store.use_totp_step(id, 6).await.expect("fresh"));
        assert!(!store.use_totp_step(id, 6).await.expect("replay"));

        store
            .create_staff_session("s1", id, 1_600)
            .await
            .expect("session");
        store
            .create_staff_session("s2", id, 1_600)
            .await
            .expect("session");
        store.touch_staff_session("s1", 1_700).await.expect("touch");
        let s = store.staff_session("s1").await.expect("get").expect("s1");
        assert_eq!((s.user_id, s.created_at, s.seen_at), (id, 1_600, 1_700));
        assert!(
            store
                .set_staff_status(
                    id,
                    saferstreets::domain::staff::UserStatus::Disabled,
                    1_800,
                    &audit_entry("disable")
                )
                .await
                .expect("disable")
        );
        assert!(
            store.staff_session("s2").await.expect("get").is_none(),
            "sessions ended"
        );

        // Sign-in counting: the pair's limit, the account's growing delay, a new window.
        let claim = |now| saferstreets::storage::SignInClaim {
            now,
            window: 900,
            pair: "pair:k".into(),
            pair_limit: 3,
            client: "client:k".into(),
            client_limit: 20,
            account: "account:k".into(),
            delays: vec![1, 2, 4],
        };
        use saferstreets::storage::Claimed;
        let mut now = 100;
        for expected in 1..=3 {
            assert_eq!(
                store.claim_sign_in(&claim(now)).await.expect("claim"),
                Claimed::Go {
                    pair: expected,
                    client: expected
                }
            );
            if expected < 3 {
                assert_eq!(
                    store.claim_sign_in(&claim(now)).await.expect("claim"),
                    Claimed::TooEarly(1 << (expected - 1)),
                    "a wait after each failure, growing"
                );
            }
            now += 1 << (expected - 1);
        }
        assert_eq!(
            store.claim_sign_in(&claim(now)).await.expect("claim"),
            Claimed::Locked
        );
        assert_eq!(
            store.claim_sign_in(&claim(1_001)).await.expect("claim"),
            Claimed::Go { pair: 1, client: 1 },
            "a new window"
        );
        store
            .release_sign_in(&claim(1_001), false)
            .await
            .expect("release");
        assert_eq!(
            store.claim_sign_in(&claim(1_001)).await.expect("claim"),
            Claimed::Go { pair: 1, client: 1 },
            "a released attempt is given back and the account may go on at once"
        );
        store
            .release_sign_in(&claim(1_001), true)
            .await
            .expect("release");
        let key = store.daily_key(20, &[7; 32]).await.expect("key");
        assert_eq!(key, vec![7; 32]);
        assert_eq!(
            store.daily_key(20, &[8; 32]).await.expect("key"),
            key,
            "the first key of a day stays"
        );
        // A day and a window later, the counts and the day's key are gone.
        assert_eq!(
            store
                .purge_sign_in(21 * 86_400 + 900, 900)
                .await
                .expect("purge"),
            (1, 1),
            "the client's row (the pair and account were forgotten at sign-in) and the key"
        );
        assert_eq!(
            verify(&store).await,
            Ok(3),
            "add, set-up, disable, and nothing else"
        );
    }
}

#[tokio::test]
async fn hotspots_follow_reports_stored_by_another_instance() {
    use saferstreets::geo::{LatLng, hex};
    for db in TestDb::all().await {
        // Two instances sharing one database: each counts what the other stores.
        let one = storage::connect(&db.url).await.expect("connect");
        let two = storage::connect(&db.url).await.expect("connect");
        let at = |lat: f64| {
            let point = LatLng::new(lat, -1.55).expect("point");
            (hex::cells(point), hex::stored_cells(point))
        };
        let (a, a_cells) = at(53.80);
        let (b, b_cells) = at(53.81);
        assert!(
            two.cell_counts("northshire", 9)
                .await
                .expect("empty")
                .is_empty()
        );
        one.submit_place_report(&place("A1", "a1", &a_cells), None)
            .await
            .expect("submit");
        assert_eq!(
            two.cell_counts("northshire", 9).await.expect("counts"),
            [(a[2] as i64, 1)],
            "{:?}",
            two.backend()
        );
        // A bulk load, with one submission already stored (skipped, not counted twice).
        let bulk: Vec<_> = (0..2_500)
            .map(|i| {
                let id = format!("b{i}");
                place(&id, &id, &b_cells)
            })
            .chain([place("A1-again", "a1", &a_cells)])
            .collect();
        two.insert_place_reports(&bulk).await.expect("bulk");
        assert_eq!(one.count_place_reports().await.expect("count"), 2_501);
        let mut expected = vec![(a[3] as i64, 1), (b[3] as i64, 2_500)];
        expected.sort();
        assert_eq!(
            one.cell_counts("northshire", 11).await.expect("counts"),
            expected
        );
        let all = storage::HotspotQuery {
            res: 5,
            from_day: Day(0),
            to_day: Day(99_999),
            reasons: ReasonSet::all(),
            hours: Bands::all(),
            weekdays: Weekdays::all(),
            force: Some("northshire".into()),
        };
        let mut five = vec![(a[0] as i64, 1), (b[0] as i64, 2_500)];
        five.sort();
        five.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 += later.1;
            }
            same
        });
        assert_eq!(one.hotspot_counts(&all).await.expect("hotspots"), five);
    }
}

#[tokio::test]
async fn the_stalking_queue_filters_and_orders_by_priority_then_age() {
    use saferstreets::storage::{NewStalkingReport, QueueQuery};
    for db in TestDb::all().await {
        let store = storage::connect(&db.url).await.expect("connect");
        let reports: Vec<NewStalkingReport> = [
            ("A", "northshire", "standard", 2, 100),
            ("B", "northshire", "urgent", 0, 300),
            ("C", "northshire", "urgent", 0, 200),
            ("D", "northshire", "high", 1, 50),
            ("E", "southshire", "urgent", 0, 10),
        ]
        .into_iter()
        .map(|(r, force, priority, rank, at)| NewStalkingReport {
            reference: r.into(),
            submission_id: format!("s{r}"),
            force_code: force.into(),
            created_at: at,
            priority: priority.into(),
            priority_rank: rank,
            reasons: "[]".into(),
            key_id: "k".into(),
            sealed: vec![1],
            alerts: Vec::new(),
            language: "en-GB".into(),
        })
        .collect();
        store
            .insert_stalking_reports(&reports)
            .await
            .expect("insert");
        let q = QueueQuery {
            force_code: "northshire".into(),
            limit: 10,
            ..QueueQuery::default()
        };
        let refs = |rows: &[saferstreets::storage::QueueRow]| -> Vec<String> {
            rows.iter().map(|r| r.reference.clone()).collect()
        };
        let (rows, total) = store.stalking_queue(&q).await.expect("queue");
        assert_eq!(
            (refs(&rows), total),
            (vec!["C".into(), "B".into(), "D".into(), "A".into()], 4),
            "{}",
            db.url
        );
        let (rows, total) = store
            .stalking_queue(&QueueQuery {
                priority: Some(saferstreets::domain::stalking::priority::Priority::Urgent),
                from: Some(250),
                ..q.clone()
            })
            .await
            .expect("queue");
        assert_eq!((refs(&rows), total), (vec!["B".into()], 1));
        let (rows, _) = store
            .stalking_queue(&QueueQuery {
                limit: 2,
                offset: 2,
                ..q.clone()
            })
            .await
            .expect("page");
        assert_eq!(refs(&rows), vec!["D".to_owned(), "A".to_owned()]);
        let (_, closed) = store
            .stalking_queue(&QueueQuery {
                status: Some(saferstreets::domain::staff::Status::Closed),
                ..q.clone()
            })
            .await
            .expect("closed");
        assert_eq!(closed, 0);
        let (_, unassigned) = store
            .stalking_queue(&QueueQuery {
                assigned_to: storage::Assignee::Unassigned,
                to: Some(150),
                ..q
            })
            .await
            .expect("unassigned");
        assert_eq!(unassigned, 2);
    }
}

#[tokio::test]
async fn a_stored_code_that_names_nothing_is_an_error_not_a_default() {
    use saferstreets::storage::NewStalkingReport;
    let db = TestDb::sqlite();
    let store = storage::connect(&db.url).await.expect("connect");
    store
        .insert_stalking_reports(&[NewStalkingReport {
            reference: "R".into(),
            submission_id: "sR".into(),
            force_code: "northshire".into(),
            created_at: 100,
            priority: "urgent".into(),
            priority_rank: 0,
            reasons: "[]".into(),
            key_id: "k".into(),
            sealed: vec![1],
            alerts: Vec::new(),
            language: "en-GB".into(),
        }])
        .await
        .expect("insert");
    let id = store
        .stalking_report("R")
        .await
        .expect("read")
        .expect("found")
        .id;
    assert!(store.stalking_case(id).await.expect("case").is_some());
    // Written behind the store's back, as a bug or a hand edit would.
    sqlx::query("UPDATE stalking_reports SET status = 'reopened'")
        .execute(&sqlx::SqlitePool::connect(&db.url).await.expect("pool"))
        .await
        .expect("corrupt");
    let read = store.stalking_case(id).await;
    assert!(
        read.as_ref()
            .is_err_and(|e| e.to_string().contains("reopened")),
        "{read:?}"
    );
}
