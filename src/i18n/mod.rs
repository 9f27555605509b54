//! Every word the user reads, in Swedish and English: one typed message set.
//!
//! A message is a [`Text`] constant (both languages are fields, so a missing translation does not
//! compile) or a function of the language and its named arguments whose `match lang` is
//! exhaustive (plurals and numbers live there). Domain values get their words through [`Label`].
//! `core` hands out types; this module is where they become words, for `gui`, `cli` and `report`
//! alike. Input parsing (which Swedish and English words a CSV may contain) stays with the parser.
//! The report's fixed words (headings, table labels) are in [`report`]; its generated sentences,
//! one implementation per language, in `crate::report::prose`.

pub mod app;
mod change;
pub mod cli;
mod domain;
pub mod files;
pub mod import;
pub mod letters;
pub mod parts;
mod problems;
pub mod report;

pub use crate::core::Lang;
pub use change::change_text;
pub use domain::{Label, exclusion_singular, group_name};
pub use files::{file_error_text, message_capped, quoted, quoted_plain};
pub use import::{import_error_text, import_notice_text, import_problem_text};
pub use problems::{kind_text, location_text, problem_sentence, problem_text, severity_text};

/// One message in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub sv: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The message in `lang`.
    ///
    /// ```
    /// use svarskoll::i18n::{Lang, Text};
    /// const SAVE: Text = Text { sv: "Spara", en: "Save" };
    /// assert_eq!(SAVE.get(Lang::En), "Save");
    /// ```
    #[must_use]
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }
}

/// A message put into both languages at once: one that is kept and shown until dismissed (a
/// file error in a banner) follows a later change of language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    pub sv: String,
    pub en: String,
}

impl Words {
    /// The message made by `make` in each language.
    ///
    /// ```
    /// use svarskoll::i18n::{Lang, Words};
    /// let w = Words::new(|lang| format!("{lang:?}"));
    /// assert_eq!(w.get(Lang::En), "En");
    /// ```
    #[must_use]
    pub fn new(make: impl Fn(Lang) -> String) -> Words {
        Words {
            sv: make(Lang::Sv),
            en: make(Lang::En),
        }
    }

    /// Text that is the same in both languages (a file name).
    #[must_use]
    pub fn same(text: impl Into<String>) -> Words {
        let text = text.into();
        Words {
            sv: text.clone(),
            en: text,
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.sv.is_empty() && self.en.is_empty()
    }
}

/// `{n} thing(s)` with the right plural: `plural(1, "konto", "konton")` → "1 konto".
///
/// ```
/// assert_eq!(svarskoll::i18n::plural(2, "konto", "konton"), "2 konton");
/// ```
#[must_use]
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Whichever of `one`/`many` fits `n`, without the number.
#[must_use]
pub fn pick<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// A language's name in itself, as a language menu shows it.
#[must_use]
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Svenska",
        Lang::En => "English",
    }
}
