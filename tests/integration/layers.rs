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

/// The web layer's flows: each one part of the site that a person or a partner uses.
const FLOWS: [&str; 6] = [
    "api",
    "open311",
    "public",
    "report_stalking",
    "staff",
    "unsafe_place",
];

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
fn alert_delivery_never_imports_the_web() {
    let found = offences("src/alerts", &["crate::http", "axum"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn use_cases_never_import_the_web() {
    let found = offences("src/app", &["crate::http", "axum"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn chart_markup_lives_in_templates() {
    // src/charts.rs works out the geometry; templates/charts/ draws it. Comments may name tags.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/charts.rs");
    let source = std::fs::read_to_string(path).expect("source");
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let code = code.lines().filter(|l| !l.trim_start().starts_with("//"));
    let code: Vec<&str> = code.collect();
    let tags = [
        "<svg", "<g ", "<title", "<desc", "<rect", "<line", "<text", "</",
    ];
    let found: Vec<String> = code
        .iter()
        .filter(|line| tags.iter().any(|t| line.contains(t)))
        .map(|line| line.to_string())
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn demo_cases_retention_and_key_rotation_never_import_the_web() {
    // They run from the command line as well as the server, through the use cases in `app`.
    let forbidden = ["crate::http", "axum"];
    let mut found = offences("src/demo_cases.rs", &forbidden);
    found.extend(offences("src/reseal.rs", &forbidden));
    found.extend(offences("src/retention.rs", &forbidden));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn storage_never_imports_the_web_or_the_use_cases() {
    // The store is the lowest layer with I/O: the web and the use cases call it, not back.
    let found = offences("src/storage", &["crate::http", "crate::app", "axum"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn early_ack_lives_only_in_its_store_decorator() {
    // The crash test's negative control must not reach into production code paths: the one
    // place it may appear outside the decorator is where the store is opened.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let allowed = [
        "src/storage/early_ack.rs",
        "src/storage/mod.rs",
        "src/startup.rs",
    ];
    let found: Vec<String> = files
        .iter()
        .filter(|f| !allowed.iter().any(|a| f.ends_with(a)))
        .filter(|f| {
            std::fs::read_to_string(f)
                .expect("source")
                .contains("feature = \"early-ack\"")
        })
        .map(|f| f.display().to_string())
        .collect();
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

#[test]
fn no_flow_module_imports_another() {
    // A flow is one part of the site that a person or a partner uses. What two flows share is
    // a use case (src/app) or a web part every flow may use (render, chrome, multipage…).
    let mut found = Vec::new();
    for flow in FLOWS {
        let others: Vec<String> = FLOWS
            .iter()
            .filter(|f| **f != flow)
            .flat_map(|f| [format!("http::{f}"), format!("super::super::{f}")])
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        found.extend(offences(&format!("src/http/{flow}"), &others));
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_shared_web_parts_import_no_flow() {
    // The other direction: a shared part (session, render, multipage…) that named a flow would
    // tie every flow to that one (multipage once reached into staff for its pending steps).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/http");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&root).expect("src/http") {
        let path = entry.expect("entry").path();
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if FLOWS.contains(&name) || name == "mod" {
            continue;
        }
        let place = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .expect("under the crate")
            .to_string_lossy()
            .into_owned();
        let forbidden: Vec<String> = FLOWS
            .iter()
            .flat_map(|f| [format!("http::{f}"), format!("super::{f}")])
            .collect();
        let forbidden: Vec<&str> = forbidden.iter().map(String::as_str).collect();
        found.extend(offences(&place, &forbidden));
    }
    assert!(found.is_empty(), "{found:#?}");
}
