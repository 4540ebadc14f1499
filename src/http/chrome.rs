//! What every public page's layout needs besides its own content: text, the CSRF token for
//! the cookie banner, the consent state and where the visitor is (for "return to" links).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use super::assets::Coding;
use super::consent::Consent;
use super::session::SessionId;
use super::state::AppState;
use super::visit::Visit;

/// Whether a path (or route pattern) is in the back office, under `/staff`.
pub fn is_staff_path(path: &str) -> bool {
    path.strip_prefix("/staff")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The choice a `cookies=accepted|rejected` query confirms: the banner's redirect after a
/// choice made without JavaScript.
fn just_made(query: &str) -> Option<Consent> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "cookies")
        .and_then(|(_, v)| match v.as_ref() {
            "accepted" => Some(Consent::Accepted),
            "rejected" => Some(Consent::Rejected),
            _ => None,
        })
}

/// The page context used by `templates/layout.html`.
#[derive(Clone, Debug)]
pub struct Chrome {
    state: AppState,
    lang: usize,
    session: SessionId,
    /// Current path (no query string).
    pub path: String,
    /// The visitor's cookie choice.
    pub consent: Consent,
    /// Set right after a choice made in the banner, to confirm it.
    pub consent_just_made: Option<Consent>,
    /// When the draft shown on this page expires unless saved again; `None` for a page
    /// whose draft is not saved yet (it gets the whole idle time when it is).
    draft_expires: Option<crate::clock::Timestamp>,
    /// The best content coding the browser accepts, for pages served from the page cache.
    coding: Coding,
}

impl Chrome {
    /// Build the context from a request's parts.
    pub fn from_parts(parts: &Parts, state: &AppState) -> Self {
        Self::for_visit(state, Visit::of(parts, state), &parts.uri)
    }

    /// The context of a request to `uri` from `visit`.
    pub fn for_visit(state: &AppState, visit: Visit, uri: &axum::http::Uri) -> Self {
        let path = uri.path();
        Self {
            state: state.clone(),
            // Staff pages stay in English (their text has no Welsh).
            lang: if is_staff_path(path) {
                0
            } else {
                visit.language
            },
            session: visit.session,
            path: path.to_owned(),
            consent: visit.consent,
            consent_just_made: uri.query().and_then(just_made),
            draft_expires: None,
            coding: visit.coding,
        }
    }

    /// A context for a session on a path (used directly by benchmarks).
    pub fn new(state: &AppState, session: &SessionId, path: &str, consent: Consent) -> Self {
        Self {
            state: state.clone(),
            lang: 0,
            session: session.clone(),
            path: path.to_owned(),
            consent,
            consent_just_made: None,
            draft_expires: None,
            coding: Coding::Identity,
        }
    }

    /// The same context for the session a handler just moved the visitor to, so the page's
    /// forms carry the new session's CSRF token.
    #[must_use]
    pub fn with_session(mut self, session: &SessionId) -> Self {
        self.session = session.clone();
        self
    }

    /// The service's state.
    pub(crate) fn state(&self) -> &AppState {
        &self.state
    }

    /// The session cookie's name, for the cookies page.
    pub fn session_cookie_name(&self) -> &'static str {
        super::session::cookie_name(&self.state.config)
    }

    /// The CSRF token for forms on this page (computed only for pages that have a form).
    pub fn csrf(&self) -> String {
        self.state.keys.csrf_token(self.session.as_str())
    }

    /// The visitor's language's text.
    pub fn catalog(&self) -> &crate::i18n::Catalog {
        self.state.text.get(self.lang)
    }

    /// The best content coding the browser accepts.
    pub fn coding(&self) -> Coding {
        self.coding
    }

    /// A key for caches of pages that differ only by path and language.
    pub fn page_key(&self) -> (usize, &str) {
        (self.lang, &self.path)
    }

    /// A message without variables.
    pub fn t<'a>(&'a self, id: &'a str) -> &'a str {
        self.catalog().t(id)
    }

    /// A message with variables.
    pub fn t_args(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.catalog().t_args(id, args)
    }

    /// Whether this is a back-office page, which is English only.
    fn is_staff_page(&self) -> bool {
        is_staff_path(&self.path)
    }

    /// The language switcher's links (none on staff pages).
    pub fn language_links(&self) -> Vec<super::language::Link> {
        if self.is_staff_page() {
            return Vec::new();
        }
        super::language::links(&self.state.text, self.lang, &self.path)
    }

    /// The `<html lang>` value.
    pub fn lang(&self) -> &str {
        self.catalog().lang()
    }

    /// The force's name: in Welsh on Welsh pages when `force_name_cy` is set.
    pub fn force_name(&self) -> &str {
        let c = &self.state.config;
        self.name_in_page_language(&c.force_name, &c.force_name_cy)
            .0
    }

    /// The language of [`Self::force_name`], for its `lang` attribute.
    pub fn force_name_lang(&self) -> &str {
        let c = &self.state.config;
        self.name_in_page_language(&c.force_name, &c.force_name_cy)
            .1
    }

    /// The service's name: in Welsh on Welsh pages when `service_name_cy` is set.
    pub fn service_name(&self) -> &str {
        let c = &self.state.config;
        self.name_in_page_language(&c.service_name, &c.service_name_cy)
            .0
    }

    /// The language of [`Self::service_name`], for its `lang` attribute.
    pub fn service_name_lang(&self) -> &str {
        let c = &self.state.config;
        self.name_in_page_language(&c.service_name, &c.service_name_cy)
            .1
    }

    /// A configured name and its language tag: the Welsh one on a Welsh page if there is one,
    /// else the English one (so a Welsh page marks it `lang="en-GB"`).
    fn name_in_page_language<'a>(&'a self, english: &'a str, welsh: &'a str) -> (&'a str, &'a str) {
        if self.lang() == "cy" && !welsh.is_empty() {
            (welsh, "cy")
        } else {
            (english, crate::i18n::DEFAULT_LANG)
        }
    }

    /// Whether page titles name the page and the service (`descriptive_titles`); otherwise
    /// a title is the force's name, with the step number on question pages.
    pub fn descriptive_titles(&self) -> bool {
        self.state.config.descriptive_titles
    }

    /// Minutes unsent answers are kept without use (`draft_idle_minutes`).
    pub fn draft_idle_minutes(&self) -> String {
        self.state.config.draft_idle_minutes.to_string()
    }

    /// Record when the page's draft expires (see [`Self::draft_idle_seconds`]).
    pub const fn set_draft_expires(&mut self, at: Option<crate::clock::Timestamp>) {
        self.draft_expires = at;
    }

    /// Seconds left before the page's draft is deleted, for the timeout warning's script:
    /// counted from the draft's last save (a page view does not restart the idle time), or
    /// the whole idle time for a draft about to be saved for the first time.
    pub fn draft_idle_seconds(&self) -> String {
        let whole = self.state.config.draft_idle_minutes.max(1) * 60;
        self.draft_expires
            .map_or(whole, |at| (at - self.state.clock.now()).clamp(0, whole))
            .to_string()
    }

    /// The whole idle time in seconds: what "Continue" in the timeout warning restarts.
    pub fn draft_full_seconds(&self) -> String {
        (self.state.config.draft_idle_minutes.max(1) * 60).to_string()
    }

    /// How long before the answers are deleted the timeout warning opens: five minutes, or
    /// half the idle time when that is shorter.
    fn timeout_warn(&self) -> i64 {
        (self.state.config.draft_idle_minutes.max(1) * 60 / 2).min(5 * 60)
    }

    /// [`Self::timeout_warn`] in seconds, for the script.
    pub fn timeout_warn_seconds(&self) -> String {
        self.timeout_warn().to_string()
    }

    /// [`Self::timeout_warn`] in whole minutes (at least 1), for the warning's text.
    pub fn timeout_warn_minutes(&self) -> String {
        (self.timeout_warn() / 60).max(1).to_string()
    }

    /// The force's non-emergency number.
    pub fn contact_phone(&self) -> &str {
        &self.state.config.contact_phone
    }

    /// The contact number as a `tel:` link dials it: digits and a leading `+` only.
    pub fn contact_tel(&self) -> String {
        self.state
            .config
            .contact_phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    }

    /// The contact number as shown inside a `-html` message: only digits, spaces and `+`, so
    /// the setting can never carry markup into the page.
    pub fn contact_phone_shown(&self) -> String {
        self.state
            .config
            .contact_phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+' || *c == ' ')
            .collect()
    }

    /// The least number of reports in any count shared outside the police (`suppression_k`),
    /// for pages that tell people what is shared.
    pub fn disclosure_k(&self) -> String {
        self.state.config.suppression_k.max(1).to_string()
    }

    /// Whether the page chrome is identical for every visitor on this path who gave the same
    /// cookie answer (or none): no confirmation of a choice just made is showing. The cookie
    /// banner's form carries no per-visitor token (its POST is checked by `Sec-Fetch-Site` and
    /// `Origin` instead, docs/SECURITY.md), so a first visit's page is shared too.
    pub fn is_the_same_for_everyone(&self) -> bool {
        self.consent_just_made.is_none()
    }

    /// Whether the cookie banner asks for a choice.
    pub fn show_cookie_question(&self) -> bool {
        self.consent.unset() && self.consent_just_made.is_none()
    }

    /// The feedback link for this page.
    pub fn feedback_href(&self) -> String {
        let mut url = String::from("/feedback?from=");
        url.extend(form_urlencoded::byte_serialize(self.path.as_bytes()));
        url
    }
}

impl FromRequestParts<AppState> for Chrome {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self::from_parts(parts, state))
    }
}

/// A local path to send the visitor back to: only `/…` paths of our own, never another host.
pub fn safe_return_path(candidate: Option<&str>) -> String {
    match candidate {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && p.len() <= 200
                && p.bytes().all(|b| b.is_ascii_graphic())
                && !p.contains('?')
                && !p.contains('#') =>
        {
            p.to_owned()
        }
        _ => "/".to_owned(),
    }
}
