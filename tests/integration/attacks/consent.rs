//! Attacks: traces on a shared device (finding 14). A cookie that outlives the browser session
//! tells whoever checks the device later that this site was used.

use crate::helpers::spawn_app;

/// Every cookie the public site sets is a session cookie (or the deletion of one).
#[tokio::test]
async fn no_public_cookie_outlives_the_browser_session() {
    let app = spawn_app().await;
    let mut seen = Vec::new();
    for path in [
        "/",
        "/advice",
        "/cookies",
        "/report-stalking",
        "/unsafe-place",
    ] {
        seen.extend(app.get(path).await.set_cookies());
    }
    for answer in ["accept", "reject"] {
        let choice = app
            .post_form(
                "/cookies/consent",
                &[("cookies", answer), ("return_to", "/advice")],
            )
            .await;
        assert_eq!(choice.status, 303);
        seen.extend(choice.set_cookies());
    }
    assert!(
        seen.iter().any(|c| c.contains("consent")),
        "the consent cookie was set: {seen:?}"
    );
    for set in &seen {
        let cookie = cookie::Cookie::parse(set.as_str()).expect("a valid Set-Cookie");
        let deletes = cookie.max_age().is_some_and(|a| a.is_zero());
        assert!(
            deletes || (cookie.max_age().is_none() && cookie.expires().is_none()),
            "a cookie that outlives the browser session: {set}"
        );
    }
}
