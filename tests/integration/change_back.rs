//! Back after "Change" is never a trap: every Change on the check page that opens questions
//! not yet answered is found from the step table (so a new branch cannot be missed), then
//! taken over HTTP, checking that each new question's Back link walks up the branch, in change
//! mode, to the question that opened it, and that the branch ends on the check page.

use std::collections::BTreeSet;

use saferstreets::domain::flow::{Back, back};
use saferstreets::domain::stalking::flow::{Next, Stalking, Step, next, path, prune};
use saferstreets::domain::stalking::questions::{InputKind, Kind};
use saferstreets::domain::stalking::{Answers, Value};

use crate::helpers::{Browser, spawn_app};

/// A complete set of answers: each step asked, with the option chosen (choices only).
type Walk = Vec<(Step, Option<&'static str>)>;

fn set(a: &mut Answers, step: Step, code: Option<&str>) {
    let value = match code {
        Some(code) => Value::One(code.to_owned()),
        // Which steps apply depends only on choices; other answers need only be there.
        None => Value::Text(None),
    };
    a.set(step.slug(), value);
}

fn answers_of(walk: &Walk) -> Answers {
    let mut a = Answers::default();
    for (step, code) in walk {
        set(&mut a, *step, *code);
    }
    a
}

/// Every complete set of answers that takes a different path: at each choice, one option per
/// distinct path it leads to.
fn walks() -> Vec<Walk> {
    fn go(walk: Walk, out: &mut Vec<Walk>) {
        let a = answers_of(&walk);
        match next(&a) {
            Next::Check => out.push(walk),
            Next::Stop => {}
            Next::Ask(step) => match step.kind() {
                Kind::Single(options) => {
                    let mut paths = Vec::new();
                    for o in options {
                        let mut b = a.clone();
                        set(&mut b, step, Some(o.code));
                        let p = path(&b);
                        if !paths.contains(&p) {
                            paths.push(p);
                            let mut w = walk.clone();
                            w.push((step, Some(o.code)));
                            go(w, out);
                        }
                    }
                }
                _ => {
                    let mut w = walk;
                    w.push((step, None));
                    go(w, out);
                }
            },
        }
    }
    let mut out = Vec::new();
    go(Vec::new(), &mut out);
    out
}

/// A Change that opens questions: the walk, the step changed and its new answer.
struct Case {
    walk: Walk,
    step: Step,
    to: &'static str,
}

/// Every Change from a complete walk that leads to an unanswered question, once per distinct
/// set of questions it opens.
fn branching_changes() -> Vec<Case> {
    let mut seen = BTreeSet::new();
    let mut cases = Vec::new();
    for walk in walks() {
        let a = answers_of(&walk);
        for (step, code) in &walk {
            let (Some(from), Kind::Single(options)) = (code, step.kind()) else {
                continue;
            };
            for o in options.iter().filter(|o| o.code != *from) {
                let mut b = a.clone();
                set(&mut b, *step, Some(o.code));
                prune(&mut b);
                if let Next::Ask(_) = next(&b) {
                    let opened: Vec<&str> = path(&b)
                        .iter()
                        .filter(|s| !b.has(s.slug()))
                        .map(|s| s.slug())
                        .collect();
                    if seen.insert((step.slug(), *from, o.code, opened)) {
                        cases.push(Case {
                            walk: walk.clone(),
                            step: *step,
                            to: o.code,
                        });
                    }
                }
            }
        }
    }
    cases
}

/// The first option of a choice (never the emergency), as the branch is walked.
fn first_option(step: Step) -> Option<&'static str> {
    match step.kind() {
        Kind::Single(options) => options.first().map(|o| o.code),
        _ => None,
    }
}

#[test]
fn every_branching_change_has_a_back_link_up_its_branch() {
    let cases = branching_changes();
    let openers: BTreeSet<&str> = cases.iter().map(|c| c.step.slug()).collect();
    // The branches the table has today; a new one is found (and checked) without editing this.
    for slug in [
        "who-for",
        "safe-to-contact-them",
        "how-to-contact-them",
        "your-name-or-anonymous",
        "contact",
    ] {
        assert!(openers.contains(slug), "{slug} opens a branch: {openers:?}");
    }
    for case in cases {
        let mut a = answers_of(&case.walk);
        set(&mut a, case.step, Some(case.to));
        prune(&mut a);
        let label = format!("{} → {}", case.step.slug(), case.to);
        let mut last = case.step;
        while let Next::Ask(step) = next(&a) {
            // Back goes to the question before, in change mode, and Back from there on
            // reaches the question that opened the branch, never the check page.
            let mut at = step;
            for _ in 0..Step::ALL.len() {
                if at == case.step {
                    break;
                }
                match back::<Stalking>(at, &a, true) {
                    Back::Ask { step, change: true } => at = step,
                    other => panic!("{label}: Back from {} is {other:?}", at.slug()),
                }
            }
            assert_eq!(at, case.step, "{label}: from {}", step.slug());
            set(&mut a, step, first_option(step));
            last = step;
        }
        assert_eq!(next(&a), Next::Check);
        assert_eq!(back::<Stalking>(last, &a, true), Back::Check, "{label}");
    }
}

/// The fields a visitor posts for a step (choices as chosen, anything valid otherwise).
fn fields(step: Step, code: Option<&'static str>) -> Vec<(&'static str, &'static str)> {
    match step.kind() {
        Kind::Single(_) => vec![("answer", code.unwrap_or_default())],
        Kind::Multi { options, .. } => vec![("answer", options[0].code)],
        Kind::Text { input, .. } => vec![(
            "answer",
            match input {
                InputKind::Phone => "07700 900123",
                InputKind::Email => "someone@example.com",
                InputKind::Name => "Sam Example",
                InputKind::Plain => "Something happened.",
            },
        )],
        Kind::Date { .. } => vec![("day", "1"), ("month", "2"), ("year", "2020")],
        Kind::Address => vec![("postcode", "M1 1AE")],
        Kind::Location => Vec::new(),
    }
}

fn url(step: Step) -> String {
    format!("/report-stalking/{}", step.slug())
}

fn change_url(step: Step) -> String {
    format!("{}?change=check", url(step))
}

#[tokio::test]
async fn every_branching_change_leads_back_up_its_branch_and_on_to_check() {
    let app = spawn_app().await;
    let cases = branching_changes();
    assert!(cases.len() > 5, "{} cases", cases.len());
    for case in cases {
        let b = Browser::new(&app.browser.base);
        for (step, code) in &case.walk {
            let page = b.post_form(&url(*step), &fields(*step, *code)).await;
            assert_eq!(page.status, 303, "{}", step.slug());
        }
        assert_eq!(b.get("/report-stalking/check").await.status, 200);
        let label = format!("{} → {}", case.step.slug(), case.to);
        let mut with_change = fields(case.step, Some(case.to));
        with_change.push(("change", "check"));
        let mut went = b.post_form(&url(case.step), &with_change).await;
        let opener = change_url(case.step);
        loop {
            let to = went.header("location").to_owned();
            if to == "/report-stalking/check" {
                break;
            }
            let page = b.get(&to).await;
            assert_eq!(page.status, 200, "{label}: {to}");
            // Following Back reaches the opener through questions shown in change mode.
            let mut hop = page.attrs(".govuk-back-link", "href").remove(0);
            for _ in 0..Step::ALL.len() {
                assert!(
                    hop.ends_with("?change=check"),
                    "{label}: Back from {to} is {hop}"
                );
                if hop == opener {
                    break;
                }
                let shown = b.get(&hop).await;
                assert_eq!(shown.status, 200, "{label}: {hop} is shown");
                hop = shown.attrs(".govuk-back-link", "href").remove(0);
            }
            assert_eq!(hop, opener, "{label}: Back from {to}");
            assert_eq!(
                b.get(&opener).await.status,
                200,
                "{label}: the opener is shown"
            );
            let step = Step::from_slug(
                to.trim_start_matches("/report-stalking/")
                    .trim_end_matches("?change=check"),
            )
            .unwrap_or_else(|| panic!("{label}: {to} is a question"));
            assert_eq!(to, change_url(step), "{label}: change mode kept");
            let mut answer = fields(step, first_option(step));
            answer.push(("change", "check"));
            went = b.post_form(&url(step), &answer).await;
            assert_eq!(went.status, 303, "{label}: {}", went.body);
        }
        assert_eq!(b.get("/report-stalking/check").await.status, 200, "{label}");
    }
}
