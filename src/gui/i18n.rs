//! The app's words come from the typed message set in `crate::i18n` (`crate::i18n::app` holds one
//! module of `Text` constants per screen): a message without its English does not compile.
//! This module only gives the screens their short helpers.

use crate::core::Lang;
use crate::i18n::Text;

/// A message in the UI language.
#[must_use]
pub fn tr(lang: Lang, text: Text) -> &'static str {
    text.get(lang)
}

/// Fill `{name}` placeholders with numbers.
#[must_use]
pub fn fill(template: &str, values: &[(&str, usize)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The placeholders of `text`, in order: `{n}`, `{total}`.
    fn placeholders(text: &str) -> Vec<&str> {
        text.match_indices('{')
            .filter_map(|(i, _)| text[i..].find('}').map(|end| &text[i..=i + end]))
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_placeholders() {
        for text in crate::i18n::app::all() {
            let mut sv = placeholders(text.sv);
            let mut en = placeholders(text.en);
            sv.sort_unstable();
            en.sort_unstable();
            assert_eq!(sv, en, "placeholders differ: {} / {}", text.sv, text.en);
        }
        assert_eq!(fill("{n} konton", &[("n", 3)]), "3 konton");
    }

    #[test]
    fn english_is_english() {
        // A message whose English was copied from the Swedish would show å, ä or ö.
        for text in crate::i18n::app::all() {
            assert!(
                !text.en.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) || text.en == text.sv,
                "{} / {}",
                text.sv,
                text.en
            );
        }
        assert_eq!(
            tr(Lang::En, crate::i18n::app::shell::STEP_ACCOUNTS),
            "Accounts"
        );
    }
}
