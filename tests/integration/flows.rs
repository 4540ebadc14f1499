//! Whole form flows driven over HTTP, shared by the integration and fault-injection test
//! binaries.

use crate::helpers::{Browser, Page, TestApp};

/// Question slug and the fields posted to it.
pub type Step = (&'static str, &'static [(&'static str, &'static str)]);

/// The stalking and harassment report.
pub mod stalking {
    use super::*;

    /// A named report by the victim, to be contacted by phone.
    pub const NAMED_BY_PHONE: &[Step] = &[
        ("danger", &[("answer", "no")]),
        ("who-for", &[("answer", "self")]),
        (
            "what-is-happening",
            &[
                ("answer", "following"),
                ("answer", "tracking"),
                ("answer", "other"),
                ("other", "Sends parcels"),
            ],
        ),
        ("more-than-once", &[("answer", "yes")]),
        (
            "when-it-started",
            &[("day", ""), ("month", "3"), ("year", "2025")],
        ),
        ("how-often", &[("answer", "daily")]),
        ("getting-worse", &[("answer", "yes")]),
        ("who-is-doing-it", &[("answer", "ex-partner")]),
        ("describe-them", &[("answer", "Tall, drives a red van")]),
        ("threats", &[("answer", "yes")]),
        ("afraid", &[("answer", "yes")]),
        ("weapons", &[("answer", "no")]),
        ("where", &[("answer", "both")]),
        (
            "what-happened",
            &[("answer", "He waits outside my work every evening.")],
        ),
        ("evidence", &[("answer", "messages"), ("answer", "diary")]),
        ("your-name-or-anonymous", &[("answer", "named")]),
        ("name", &[("answer", "Alex Example")]),
        (
            "date-of-birth",
            &[("day", "27"), ("month", "3"), ("year", "1990")],
        ),
        (
            "address",
            &[("postcode", "sw1a 1aa"), ("address", "1 Example Street")],
        ),
        ("contact", &[("answer", "phone")]),
        ("phone", &[("answer", "07700 900982")]),
        ("safe-times", &[("answer", "Weekdays 9 to 12")]),
        ("leave-message", &[("answer", "no")]),
        ("do-not-contact", &[("answer", "")]),
    ];

    /// An anonymous report for someone else.
    pub const ANONYMOUS_FOR_OTHER: &[Step] = &[
        ("danger", &[("answer", "no")]),
        ("who-for", &[("answer", "other")]),
        ("their-name", &[("answer", "Sam Sister")]),
        ("your-relationship-to-them", &[("answer", "family")]),
        ("do-they-know", &[("answer", "no")]),
        ("safe-to-contact-them", &[("answer", "yes")]),
        ("how-to-contact-them", &[("answer", "phone")]),
        ("their-phone", &[("answer", "07700 900123")]),
        ("what-is-happening", &[("answer", "contact")]),
        ("more-than-once", &[("answer", "unsure")]),
        (
            "when-it-started",
            &[("day", "1"), ("month", "10"), ("year", "2026")],
        ),
        ("how-often", &[("answer", "weekly")]),
        ("getting-worse", &[("answer", "no")]),
        ("who-is-doing-it", &[("answer", "stranger")]),
        ("describe-them", &[("answer", "")]),
        ("threats", &[("answer", "no")]),
        ("afraid", &[("answer", "unsure")]),
        ("weapons", &[("answer", "unsure")]),
        ("where", &[("answer", "online")]),
        (
            "what-happened",
            &[("answer", "Messages to my sister from new accounts.")],
        ),
        ("evidence", &[("answer", "none")]),
        ("your-name-or-anonymous", &[("answer", "anonymous")]),
    ];

    fn url(slug: &str) -> String {
        format!("/report-stalking/{slug}")
    }

    /// The interruption card after high-risk answers.
    pub const SAFETY: &str = "/report-stalking/your-safety";

    /// Answer the steps, checking each leads to the next; returns the last response.
    pub async fn answer_all(b: &Browser, steps: &[Step]) -> Page {
        let mut last = None;
        for (i, (slug, fields)) in steps.iter().enumerate() {
            let mut page = b.post_form(&url(slug), fields).await;
            assert_eq!(page.status, 303, "{slug}: {}", page.body);
            if page.header("location") == SAFETY {
                // High-risk answers: the interruption card, whose Continue goes on.
                let card = b.get(SAFETY).await;
                assert_eq!(card.status, 200, "{}", card.body);
                let go_on = card.attrs(".govuk-panel__actions a.govuk-button", "href");
                assert_eq!(go_on.len(), 1, "one Continue");
                page.headers.insert(
                    reqwest::header::LOCATION,
                    go_on[0].parse().expect("a header value"),
                );
            }
            if let Some((next, _)) = steps.get(i + 1) {
                assert_eq!(page.header("location"), url(next), "after {slug}");
            }
            last = Some(page);
        }
        last.expect("at least one step")
    }

    /// Answer a whole flow and check it ends at the check page.
    pub async fn complete(b: &Browser, steps: &[Step]) {
        let last = answer_all(b, steps).await;
        assert_eq!(last.header("location"), url("check"));
    }

    /// Send the report from the check page; returns the confirmation page's reference.
    pub async fn send(b: &Browser) -> String {
        let check = b.get(&url("check")).await;
        assert_eq!(check.status, 200);
        let submission = check.attrs("input[name=submission]", "value").remove(0);
        let sent = b
            .post_form(&url("check"), &[("submission", &submission)])
            .await;
        assert_eq!(sent.status, 303, "{}", sent.body);
        assert_eq!(sent.header("location"), "/report-stalking/confirmation");
        let confirmation = b.get(&url("confirmation")).await;
        assert_eq!(confirmation.h1(), "Report sent");
        confirmation.texts(".app-reference").remove(0)
    }
}

/// The unsafe-place report.
pub mod place {
    use super::*;

    /// Everything after the place, with a reason of each kind and no questions about them.
    pub const AFTER_WHERE: &[Step] = &[
        (
            "the-place",
            &[
                ("answer", "lighting"),
                ("answer", "other"),
                ("other", "Broken gate, call 07700 900982"),
            ],
        ),
        ("people", &[("answer", "followed")]),
        ("when", &[("day", "20"), ("month", "11"), ("year", "2026")]),
        ("time-of-day", &[("answer", "21")]),
        ("how-often", &[("answer", "often")]),
        (
            "anything-else",
            &[("answer", "Dark path, email me at jo@example.com")],
        ),
        ("about-you", &[("answer", "no")]),
        ("not-reported", &[("answer", "no-crime")]),
    ];

    fn url(slug: &str) -> String {
        format!("/unsafe-place/{slug}")
    }

    pub async fn answer(b: &Browser, steps: &[Step]) {
        for (i, (slug, fields)) in steps.iter().enumerate() {
            let page = b.post_form(&url(slug), fields).await;
            assert_eq!(page.status, 303, "{slug}: {}", page.h1());
            if let Some((next, _)) = steps.get(i + 1) {
                assert_eq!(page.header("location"), url(next), "after {slug}");
            }
        }
    }

    /// Send from the check page; the submission id (the confirmation shows no receipt).
    pub async fn send(b: &Browser) -> String {
        let check = b.get(&url("check")).await;
        assert_eq!(check.status, 200, "{}", check.h1());
        let submission = check.attrs("input[name=submission]", "value").remove(0);
        let sent = b
            .post_form(&url("check"), &[("submission", &submission)])
            .await;
        assert_eq!(sent.header("location"), "/unsafe-place/confirmation");
        let confirmation = b.get(&url("confirmation")).await;
        assert_eq!(confirmation.status, 200);
        assert!(
            confirmation.texts(".app-reference").is_empty(),
            "an anonymous place report shows no receipt"
        );
        submission
    }

    /// The receipt (the database key) of the place report sent as `submission`.
    pub async fn receipt(app: &TestApp, submission: &str) -> String {
        app.state
            .store
            .place_receipt_for(submission)
            .await
            .expect("lookup")
            .expect("stored")
    }

    /// Answer the place question with a pin put on the map (in the demo force's area).
    pub async fn pin(b: &Browser) {
        b.get(&url("where")).await;
        let pinned = b
            .post_form(
                &url("where"),
                &[("action", "continue"), ("lat", "53.80"), ("lng", "-1.55")],
            )
            .await;
        assert_eq!(pinned.status, 303, "{}", pinned.h1());
    }

    /// A pin and every later answer: the visitor is on the check page; its submission id.
    pub async fn to_check(b: &Browser) -> String {
        pin(b).await;
        answer(b, AFTER_WHERE).await;
        let check = b.get(&url("check")).await;
        assert_eq!(check.status, 200, "{}", check.h1());
        check.attrs("input[name=submission]", "value").remove(0)
    }

    /// Send one report with a pin from the map; its submission id.
    pub async fn send_one_by_map(b: &Browser) -> String {
        pin(b).await;
        answer(b, AFTER_WHERE).await;
        send(b).await
    }
}
