//! `/tiles/basemap.pmtiles`: the map's archive with range requests from our own origin, and
//! `saferstreets import tiles`.

use std::process::Command;

use saferstreets::tiles::{self, synthetic};

use crate::cli::BIN;
use crate::helpers::{TestDb, spawn_app, spawn_app_with};

const PATH: &str = "/tiles/basemap.pmtiles";

fn demo_archive() -> Vec<u8> {
    synthetic::basemap(
        &saferstreets::geo::demo_area(),
        &saferstreets::geo::demo_places(),
    )
    .unwrap()
}

async fn get(base: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let client = reqwest::Client::new();
    let mut req = client.get(format!("{base}{PATH}"));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.unwrap()
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn the_demo_basemap_is_served_whole_with_an_etag_and_accepts_ranges() {
    let app = spawn_app().await;
    let res = get(&app.base, &[]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "accept-ranges"), "bytes");
    assert!(header(&res, "etag").starts_with('"'));
    // Tiles viewed must not stay in a shared device's cache.
    assert_eq!(header(&res, "cache-control"), "no-store");
    let body = res.bytes().await.unwrap();
    assert_eq!(body.as_ref(), demo_archive().as_slice());
    let summary = tiles::validate(&body, body.len() as u64).unwrap();
    assert_eq!(summary.max_zoom, synthetic::MAX_ZOOM);
}

#[tokio::test]
async fn a_range_request_gets_206_with_just_those_bytes() {
    let app = spawn_app().await;
    let whole = demo_archive();
    // What a PMTiles reader asks first: the header and root directory.
    let res = get(&app.base, &[("range", "bytes=0-16383")]).await;
    assert_eq!(res.status(), 206);
    let end = whole.len().min(16384) - 1;
    assert_eq!(
        header(&res, "content-range"),
        format!("bytes 0-{end}/{}", whole.len())
    );
    let body = res.bytes().await.unwrap();
    assert_eq!(body.as_ref(), &whole[..=end]);
    assert_eq!(&body[..7], b"PMTiles");

    let res = get(&app.base, &[("range", "bytes=100-199")]).await;
    assert_eq!(res.status(), 206);
    assert_eq!(header(&res, "content-length"), "100");
    assert_eq!(res.bytes().await.unwrap().as_ref(), &whole[100..200]);

    let res = get(&app.base, &[("range", "bytes=-10")]).await;
    assert_eq!(res.status(), 206);
    assert_eq!(
        res.bytes().await.unwrap().as_ref(),
        &whole[whole.len() - 10..]
    );
}

#[tokio::test]
async fn a_range_beyond_the_end_gets_416_with_the_length() {
    let app = spawn_app().await;
    let len = demo_archive().len();
    let res = get(&app.base, &[("range", &format!("bytes={len}-"))]).await;
    assert_eq!(res.status(), 416);
    assert_eq!(header(&res, "content-range"), format!("bytes */{len}"));
}

#[tokio::test]
async fn conditional_requests_use_the_etag() {
    let app = spawn_app().await;
    let etag = header(&get(&app.base, &[]).await, "etag");
    let res = get(&app.base, &[("if-none-match", &etag)]).await;
    assert_eq!(res.status(), 304);
    // A range for another version of the archive gets the whole current one.
    let res = get(
        &app.base,
        &[("range", "bytes=0-9"), ("if-range", "\"an-older-version\"")],
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = get(&app.base, &[("range", "bytes=0-9"), ("if-range", &etag)]).await;
    assert_eq!(res.status(), 206);
    // An unparseable Range is ignored (RFC 9110), not an error.
    let res = get(&app.base, &[("range", "lines=1-2")]).await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn an_imported_archive_is_served_from_the_file_and_a_new_import_needs_no_restart() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("served.pmtiles");
    std::fs::write(&target, demo_archive()).unwrap();
    let app = spawn_app_with(
        TestDb::sqlite(),
        |c| c.map_tiles = Some(target.clone()),
        None,
    )
    .await;
    let res = get(&app.base, &[("range", "bytes=0-6")]).await;
    assert_eq!(res.status(), 206);
    let etag = header(&res, "etag");
    assert_eq!(res.bytes().await.unwrap().as_ref(), b"PMTiles");

    // Another archive (a map of fewer places), imported while the service runs.
    let places = saferstreets::geo::demo_places();
    let other = synthetic::basemap(&saferstreets::geo::demo_area(), &places[..4]).unwrap();
    let file = dir.path().join("other.pmtiles");
    std::fs::write(&file, &other).unwrap();
    let (dest, _) = tiles::import(&app.state.config, &file).unwrap();
    assert_eq!(dest, target);
    let res = get(&app.base, &[]).await;
    assert_eq!(res.status(), 200);
    assert_ne!(header(&res, "etag"), etag);
    assert_eq!(res.bytes().await.unwrap().as_ref(), other.as_slice());
}

#[tokio::test]
async fn a_missing_or_corrupt_map_tiles_file_stops_the_start_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.pmtiles");
    std::fs::write(&bad, b"not an archive at all").unwrap();
    let db = TestDb::sqlite();
    let mut config = crate::helpers::test_config(&db);
    config.map_tiles = Some(bad.clone());
    let err = saferstreets::startup::Application::build(config)
        .await
        .err()
        .expect("a corrupt archive must not start");
    let message = format!("{err:#}");
    assert!(message.contains("not a PMTiles archive"), "{message}");
    assert!(message.contains("bad.pmtiles"), "{message}");
}

fn import(dir: &std::path::Path, file: &std::path::Path) -> std::process::Output {
    Command::new(BIN)
        .args(["import", "tiles"])
        .arg(file)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env("SAFERSTREETS_DATA_DIR", dir.join("data"))
        .output()
        .unwrap()
}

#[test]
fn import_tiles_copies_a_valid_archive_into_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("northshire.pmtiles");
    std::fs::write(&file, demo_archive()).unwrap();
    let out = import(dir.path(), &file);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("imported map tiles"), "{stdout}");
    let copied = std::fs::read(dir.path().join("data").join(tiles::FILE_NAME)).unwrap();
    assert_eq!(copied, demo_archive());
}

#[test]
fn import_tiles_refuses_a_bad_file_in_one_line_and_replaces_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.pmtiles");
    std::fs::write(&good, demo_archive()).unwrap();
    assert!(import(dir.path(), &good).status.success());
    let served = dir.path().join("data").join(tiles::FILE_NAME);
    let before = std::fs::read(&served).unwrap();

    let archive = demo_archive();
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("notes.txt", b"hello".to_vec(), "not a PMTiles archive"),
        (
            "cut.pmtiles",
            archive[..archive.len() / 2].to_vec(),
            "cut short",
        ),
        ("missing.pmtiles", Vec::new(), "cannot read"),
    ];
    for (name, bytes, reason) in cases {
        let file = dir.path().join(name);
        if !bytes.is_empty() {
            std::fs::write(&file, bytes).unwrap();
        }
        let out = import(dir.path(), &file);
        assert!(!out.status.success(), "{name} was accepted");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(reason), "{name}: {stderr}");
        assert_eq!(
            std::fs::read(&served).unwrap(),
            before,
            "{name} replaced it"
        );
    }
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path().join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from(tiles::FILE_NAME)]);
}
