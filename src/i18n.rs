//! User-facing text from Fluent files in `locales/<lang>/*.ftl`, compiled into the binary.
//!
//! Every message without variables is formatted once at start-up, so a page looks text up in a
//! hash map instead of running the Fluent resolver on each request (pages render in µs).
//! Message ids ending in `-html` hold trusted inline markup and are rendered unescaped.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use rust_embed::RustEmbed;
use rustc_hash::FxHashMap;
use unic_langid::LanguageIdentifier;

#[derive(RustEmbed)]
#[folder = "locales/"]
struct Locales;

/// Why the text could not be loaded: a broken `.ftl` file is a build mistake.
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    /// No files for the language.
    #[error("no Fluent files for {0}")]
    Missing(String),
    /// A file did not parse, or defined a message twice.
    #[error("Fluent file {file}: {reason}")]
    Invalid {
        /// Which file.
        file: String,
        /// What was wrong.
        reason: String,
    },
}

/// All text of one language.
pub struct Catalog {
    lang: String,
    bundle: FluentBundle<FluentResource>,
    // Fx rather than SipHash: the keys are our own message ids, not attacker input, and the
    // lookup runs dozens of times per page.
    plain: FxHashMap<String, String>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("lang", &self.lang)
            .field("messages", &self.plain.len())
            .finish()
    }
}

/// The language every page is complete in; other languages fall back to it message by message.
pub const DEFAULT_LANG: &str = "en-GB";

/// Every language with a folder under `locales/`, the default first. Adding a language is
/// adding a folder: it is found here and chosen from the browser's `Accept-Language`.
#[derive(Debug)]
pub struct Texts {
    catalogs: Vec<Catalog>,
}

impl Texts {
    /// Load the default language and every other folder in `locales/`.
    pub fn load() -> Result<Self, I18nError> {
        Self::load_with("")
    }

    /// [`Texts::load`], with `extra` Fluent source (terms such as the phone numbers of
    /// `domain::contacts`, which this ground-floor module cannot import) added to every language.
    pub fn load_with(extra: &str) -> Result<Self, I18nError> {
        let mut langs: Vec<String> = Locales::iter()
            .filter_map(|f| f.split_once('/').map(|(lang, _)| lang.to_owned()))
            .filter(|lang| lang != DEFAULT_LANG)
            .collect();
        langs.sort();
        langs.dedup();
        let mut catalogs = vec![Catalog::build(DEFAULT_LANG, &[DEFAULT_LANG], extra)?];
        for lang in langs {
            catalogs.push(Catalog::build(&lang, &[DEFAULT_LANG, &lang], extra)?);
        }
        Ok(Self { catalogs })
    }

    /// The default language's catalogue.
    pub fn default_catalog(&self) -> &Catalog {
        &self.catalogs[0]
    }

    /// The catalogue at `index` (from [`Texts::choose`]).
    pub fn get(&self, index: usize) -> &Catalog {
        self.catalogs.get(index).unwrap_or(&self.catalogs[0])
    }

    /// The language named by `tag` (`cy`, `cy-GB`, `en`, `en-GB`, any case), if we have it:
    /// for a choice the visitor made with the language switcher.
    pub fn find(&self, tag: &str) -> Option<usize> {
        let primary = tag.split('-').next().unwrap_or(tag);
        self.catalogs.iter().position(|c| {
            c.lang.eq_ignore_ascii_case(tag)
                || c.lang
                    .split('-')
                    .next()
                    .is_some_and(|p| p.eq_ignore_ascii_case(primary))
        })
    }

    /// Every language's tag, the default first, in [`Texts::get`] order.
    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.catalogs.iter().map(Catalog::lang)
    }

    /// The best language for an `Accept-Language` header, as an index for [`Texts::get`].
    pub fn choose(&self, accept_language: Option<&str>) -> usize {
        let Some(header) = accept_language else {
            return 0;
        };
        let mut wanted: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, tag))
            })
            .collect();
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
        wanted
            .into_iter()
            .find_map(|(_, tag)| self.find(tag))
            .unwrap_or(0)
    }
}

impl Catalog {
    /// Load every `.ftl` file under `locales/<lang>/`.
    pub fn load(lang: &str) -> Result<Self, I18nError> {
        Self::build(lang, &[lang], "")
    }

    /// [`Catalog::load`] with `extra` Fluent source added first (see [`Texts::load_with`]).
    pub fn load_with(lang: &str, extra: &str) -> Result<Self, I18nError> {
        Self::build(lang, &[lang], extra)
    }

    /// Load `lang` on top of `fallback`: any message `lang` lacks comes from `fallback`.
    pub fn load_over(lang: &str, fallback: &str) -> Result<Self, I18nError> {
        Self::build(lang, &[fallback, lang], "")
    }

    fn build(lang: &str, layers: &[&str], extra: &str) -> Result<Self, I18nError> {
        let id: LanguageIdentifier = lang
            .parse()
            .map_err(|_| I18nError::Missing(lang.to_owned()))?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Isolation marks would only add invisible characters to our left-to-right pages.
        bundle.set_use_isolating(false);
        let mut ids = Vec::new();
        let mut files = Vec::new();
        for (n, layer) in layers.iter().enumerate() {
            let prefix = format!("{layer}/");
            // Only Fluent files: a folder may also hold notes such as `cy/GLOSSARY.md`.
            let mut these: Vec<_> = Locales::iter()
                .filter(|f| f.starts_with(&prefix) && f.ends_with(".ftl"))
                .collect();
            these.sort();
            files.extend(these.into_iter().map(|f| (n, f)));
        }
        let mut seen_in_layer: Vec<std::collections::HashSet<String>> =
            vec![Default::default(); layers.len()];
        if files.is_empty() {
            return Err(I18nError::Missing(lang.to_owned()));
        }
        if !extra.is_empty() {
            let resource = FluentResource::try_new(extra.to_owned()).map_err(|(_, errors)| {
                I18nError::Invalid {
                    file: "(terms added at start-up)".to_owned(),
                    reason: format!("{errors:?}"),
                }
            })?;
            bundle.add_resource_overriding(resource);
        }
        for (layer, file) in files {
            let bytes = Locales::get(&file).map(|f| f.data).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let resource =
                FluentResource::try_new(text).map_err(|(_, errors)| I18nError::Invalid {
                    file: file.to_string(),
                    reason: format!("{errors:?}"),
                })?;
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    if !seen_in_layer[layer].insert(m.id.name.to_owned()) {
                        return Err(I18nError::Invalid {
                            file: file.to_string(),
                            reason: format!("message {} is defined twice", m.id.name),
                        });
                    }
                    ids.push(m.id.name.to_owned());
                }
            }
            // Later layers (the language itself) replace the fallback's messages.
            bundle.add_resource_overriding(resource);
        }
        ids.sort();
        ids.dedup();
        let mut plain = FxHashMap::with_capacity_and_hasher(ids.len(), Default::default());
        for id in ids {
            let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                plain.insert(id, text.into_owned());
            }
        }
        Ok(Self {
            lang: lang.to_owned(),
            bundle,
            plain,
        })
    }

    /// The language tag, for `<html lang>`.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Whether a message exists (with or without variables).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message without variables. A missing id shows as itself, so it is easy to spot.
    pub fn t<'a>(&'a self, id: &'a str) -> &'a str {
        match self.plain.get(id) {
            Some(text) => text,
            None => {
                tracing::warn!(message_id = id, "missing or parameterised message");
                id
            }
        }
    }

    /// A message with variables.
    pub fn t_args(&self, id: &str, args: &[(&str, &str)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(message_id = id, "missing message");
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(message_id = id, "message arguments do not match");
        }
        text.into_owned()
    }

    /// Ids of every message, for tests that check templates only use ids that exist.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.plain.keys().map(String::as_str)
    }
}

/// Files of staff pages and the partner feed, which stay in English: every other file under
/// `locales/en-GB/` is public and must have a Welsh counterpart.
pub const STAFF_ONLY_FILES: &[&str] = &["staff.ftl", "open311.ftl"];

/// Messages in public files that only staff see (reasons on the staff case page).
pub const STAFF_ONLY_PREFIX: &str = "staff-";

#[cfg(test)]
mod tests {
    use super::*;

    fn english_and_welsh() -> Texts {
        let en = Catalog::load(DEFAULT_LANG).unwrap_or_else(|e| panic!("{e}"));
        let cy = Catalog::load_over("cy", DEFAULT_LANG).unwrap_or_else(|e| panic!("{e}"));
        Texts {
            catalogs: vec![en, cy],
        }
    }

    #[test]
    fn the_browser_language_is_chosen_by_preference() {
        let texts = english_and_welsh();
        assert_eq!(texts.choose(None), 0);
        assert_eq!(texts.choose(Some("cy-GB,en;q=0.5")), 1);
        assert_eq!(texts.choose(Some("en-GB,cy;q=0.9")), 0);
        assert_eq!(
            texts.choose(Some("fr, de;q=0.5")),
            0,
            "unknown languages get the default"
        );
        assert_eq!(texts.choose(Some("cy;q=0, en")), 0, "q=0 means not wanted");
        assert_eq!(texts.choose(Some("en;q=0.2, CY;q=0.8")), 1);
    }

    #[test]
    fn a_chosen_language_is_found_by_its_tag_and_nothing_else() {
        let texts = english_and_welsh();
        assert_eq!(texts.find("cy"), Some(1));
        assert_eq!(texts.find("CY-gb"), Some(1));
        assert_eq!(texts.find("en"), Some(0));
        assert_eq!(texts.find("en-GB"), Some(0));
        assert_eq!(texts.find("fr"), None);
        assert_eq!(texts.find(""), None);
        assert_eq!(texts.tags().collect::<Vec<_>>(), ["en-GB", "cy"]);
    }

    #[test]
    fn both_languages_ship_and_welsh_replaces_english() {
        let texts = Texts::load().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(texts.default_catalog().lang(), DEFAULT_LANG);
        assert!(texts.default_catalog().has("home-title"));
        let cy = texts.get(texts.find("cy").unwrap_or(0));
        assert_eq!(cy.lang(), "cy");
        assert_ne!(cy.t("home-title"), texts.default_catalog().t("home-title"));
    }

    /// Every message of one language's files: id → its pattern as parsed (so two texts are
    /// equal exactly when their Fluent source is), with the file it is in.
    fn messages(lang: &str, public_only: bool) -> Vec<(String, String, String)> {
        let prefix = format!("{lang}/");
        let mut out = Vec::new();
        for file in Locales::iter().filter(|f| f.starts_with(&prefix) && f.ends_with(".ftl")) {
            let name = file.trim_start_matches(&prefix).to_owned();
            if public_only && STAFF_ONLY_FILES.contains(&name.as_str()) {
                continue;
            }
            let bytes = Locales::get(&file).map(|f| f.data).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let ast = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, e)| panic!("{file}: {e:?}"));
            for entry in ast.body {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    if public_only && m.id.name.starts_with(STAFF_ONLY_PREFIX) {
                        continue;
                    }
                    let shape = format!("{:?} {:?}", m.value, m.attributes);
                    out.push((m.id.name.to_owned(), shape, name.clone()));
                }
            }
        }
        out
    }

    /// Public messages whose Welsh is rightly the same as the English, each with its reason.
    const SAME_IN_WELSH: &[(&str, &str)] = &[(
        "phase-beta",
        "\"Beta\" is the GOV.UK phase name, used as is in Welsh services",
    )];

    #[test]
    fn every_public_english_message_has_its_own_welsh_text() {
        let english = messages(DEFAULT_LANG, true);
        let welsh: FxHashMap<String, (String, String)> = messages("cy", false)
            .into_iter()
            .map(|(id, shape, file)| (id, (shape, file)))
            .collect();
        assert!(
            english.len() > 500,
            "public English messages found: {}",
            english.len()
        );
        let mut missing = Vec::new();
        let mut copied = Vec::new();
        for (id, shape, file) in &english {
            match welsh.get(id) {
                None => missing.push(format!("{file}: {id}")),
                Some((cy, _)) if cy == shape && !SAME_IN_WELSH.iter().any(|(s, _)| s == id) => {
                    copied.push(format!("{file}: {id}"));
                }
                Some(_) => {}
            }
        }
        assert!(missing.is_empty(), "no Welsh for:\n{}", missing.join("\n"));
        assert!(
            copied.is_empty(),
            "Welsh is the English copied:\n{}",
            copied.join("\n")
        );
        let english_ids: std::collections::HashSet<&str> =
            english.iter().map(|(id, _, _)| id.as_str()).collect();
        let stray: Vec<_> = welsh
            .iter()
            .filter(|(id, _)| !english_ids.contains(id.as_str()))
            .map(|(id, (_, file))| format!("{file}: {id}"))
            .collect();
        assert!(
            stray.is_empty(),
            "Welsh messages with no English original:\n{}",
            stray.join("\n")
        );
        for (id, reason) in SAME_IN_WELSH {
            assert!(
                english_ids.contains(id),
                "allow-list names a message that is gone: {id}"
            );
            assert!(!reason.is_empty());
        }
    }

    #[test]
    fn the_completeness_check_notices_a_copied_or_missing_message() {
        // The check compares parsed patterns: the same source gives the same shape, a
        // translated one does not.
        let parse = |src: &str| {
            let ast = fluent_syntax::parser::parse(src).unwrap_or_else(|(_, e)| panic!("{e:?}"));
            ast.body
                .into_iter()
                .find_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => {
                        Some(format!("{:?} {:?}", m.value, m.attributes))
                    }
                    _ => None,
                })
                .unwrap_or_default()
        };
        assert_eq!(
            parse("a = Call { -tel-999 }"),
            parse("a = Call { -tel-999 }\n")
        );
        assert_ne!(
            parse("a = Call { -tel-999 }"),
            parse("a = Ffoniwch { -tel-999 }")
        );
    }

    #[test]
    fn a_language_without_a_message_falls_back_to_english() {
        let en = Catalog::load(DEFAULT_LANG).unwrap_or_else(|e| panic!("{e}"));
        let cy = Catalog::load_over("cy", DEFAULT_LANG).unwrap_or_else(|e| panic!("{e}"));
        // Staff pages have no Welsh: their text comes from English.
        let staff_id = en
            .ids()
            .find(|id| id.starts_with(STAFF_ONLY_PREFIX))
            .unwrap_or("home-title")
            .to_owned();
        assert_eq!(cy.t(&staff_id), en.t(&staff_id));
        assert_eq!(cy.t("month-name-never-defined"), "month-name-never-defined");
    }
}
