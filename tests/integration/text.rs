//! Every message the templates and the question table ask for exists in the English catalogue,
//! so no page can show a raw message id.

use saferstreets::domain::feedback::Satisfaction;
use saferstreets::domain::stalking::Step;
use saferstreets::domain::stalking::questions::Kind;
use saferstreets::i18n::Catalog;

fn catalog() -> Catalog {
    Catalog::load("en-GB").expect("catalogue")
}

fn template_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("templates") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            template_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn every_message_id_written_in_a_template_exists() {
    let text = catalog();
    let mut files = Vec::new();
    template_files(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/templates")),
        &mut files,
    );
    assert!(files.len() > 10);
    let mut checked = 0;
    for file in files {
        let source = std::fs::read_to_string(&file).expect("read");
        for call in ["t(\"", "t_args(\""] {
            for piece in source.split(call).skip(1) {
                let id = piece.split('"').next().unwrap_or_default();
                assert!(text.has(id), "{} uses missing message {id}", file.display());
                checked += 1;
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} ids found: is the scan broken?"
    );
}

#[test]
fn every_question_has_its_heading_summary_options_and_errors() {
    let text = catalog();
    for step in Step::ALL {
        let slug = step.slug();
        for id in [format!("rs-{slug}"), format!("rs-{slug}-summary")] {
            assert!(text.has(&id), "missing {id}");
        }
        let errors = step.errors();
        for id in [
            errors.missing,
            errors.invalid,
            errors.future,
            errors.incomplete,
        ] {
            assert!(
                id.is_empty() || text.has(id),
                "{slug}: missing error message {id}"
            );
        }
        let options = match step.kind() {
            Kind::Single(o) => o,
            Kind::Multi { options, .. } => options,
            _ => &[],
        };
        for o in options {
            assert!(text.has(o.label), "{slug}: missing label {}", o.label);
        }
    }
    for s in Satisfaction::ALL {
        assert!(text.has(s.label()));
    }
}

#[test]
fn questions_worded_for_someone_else_differ_from_those_for_yourself() {
    let text = catalog();
    let me = text.t_args("rs-what-is-happening", &[("who", "self")]);
    let them = text.t_args("rs-what-is-happening", &[("who", "other")]);
    assert_eq!(me, "What is happening to you?");
    assert_eq!(them, "What is happening to them?");
}
