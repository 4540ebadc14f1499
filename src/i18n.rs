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

impl Catalog {
    /// Load every `.ftl` file under `locales/<lang>/`.
    pub fn load(lang: &str) -> Result<Self, I18nError> {
        let id: LanguageIdentifier = lang
            .parse()
            .map_err(|_| I18nError::Missing(lang.to_owned()))?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Isolation marks would only add invisible characters to our left-to-right pages.
        bundle.set_use_isolating(false);
        let prefix = format!("{lang}/");
        let mut ids = Vec::new();
        let mut files: Vec<_> = Locales::iter().filter(|f| f.starts_with(&prefix)).collect();
        files.sort();
        if files.is_empty() {
            return Err(I18nError::Missing(lang.to_owned()));
        }
        for file in files {
            let bytes = Locales::get(&file).map(|f| f.data).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let resource =
                FluentResource::try_new(text).map_err(|(_, errors)| I18nError::Invalid {
                    file: file.to_string(),
                    reason: format!("{errors:?}"),
                })?;
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids.push(m.id.name.to_owned());
                }
            }
            bundle
                .add_resource(resource)
                .map_err(|errors| I18nError::Invalid {
                    file: file.to_string(),
                    reason: format!("{errors:?}"),
                })?;
        }
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
