//! The layer rules of docs/ARCHITECTURE.md that a test can check, by reading the source: the
//! pure layers import neither the web nor the database, and use cases never import the web.
//! (Issue 16 adds the remaining rules as the redesign makes them true.)

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `(file, forbidden word)` pair found under `place`.
fn offences(place: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(place);
    let mut files = Vec::new();
    if root.is_dir() {
        rust_files(&root, &mut files);
    } else {
        files.push(root);
    }
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        for word in forbidden {
            if text.contains(word) {
                found.push(format!("{} uses {word}", file.display()));
            }
        }
    }
    found
}

#[test]
fn the_domain_and_geography_know_nothing_of_the_web_or_the_database() {
    let forbidden = ["crate::http", "crate::storage", "axum", "sqlx"];
    let mut found = offences("src/domain", &forbidden);
    found.extend(offences("src/geo", &forbidden));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_audit_chain_rules_do_not_import_storage() {
    // storage/staff.rs appends through audit.rs; the reverse import was a cycle.
    let found = offences("src/audit.rs", &["crate::storage", "crate::http"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn use_cases_never_import_the_web() {
    let found = offences("src/app", &["crate::http", "axum"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn nothing_outside_the_web_layer_and_start_up_imports_the_web() {
    // The command line, the use cases, storage and the rest call `app`; only `startup.rs`
    // builds the router.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut found = Vec::new();
    for file in files {
        let place = file.strip_prefix(&root).expect("under src");
        if place.starts_with("http") || place == Path::new("startup.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source");
        for word in ["crate::http", "saferstreets::http"] {
            if text.contains(word) {
                found.push(format!("{} uses {word}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
