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

/// Fill a message's named numbers: `{name}` becomes the number, and `{name|one|many}` the
/// number with the noun in the form that fits it ("{n|konto|konton}" → "1 konto", "2 konton").
#[must_use]
pub fn fill(template: &str, values: &[(&str, usize)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let inner = &rest[start + 1..start + len];
        let mut parts = inner.split('|');
        let name = parts.next().unwrap_or_default();
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                out.push_str(&value.to_string());
                if let (Some(one), Some(many)) = (parts.next(), parts.next()) {
                    out.push(' ');
                    out.push_str(if *value == 1 { one } else { many });
                }
            }
            None => out.push_str(&rest[start..=start + len]),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the placeholders of `text`: `{n}` and `{n|konto|konton}` both name `n`.
    fn placeholders(text: &str) -> Vec<&str> {
        text.match_indices('{')
            .filter_map(|(i, _)| text[i..].find('}').map(|end| &text[i + 1..i + end]))
            .map(|inner| inner.split('|').next().unwrap_or_default())
            .collect()
    }

    #[test]
    fn plural_forms_are_chosen_by_the_number() {
        let one = fill(crate::i18n::app::shell::N_ACTIONS.sv, &[("n", 1)]);
        assert_eq!(one, "1 åtgärd");
        let two = fill(crate::i18n::app::shell::N_ACTIONS.en, &[("n", 2)]);
        assert_eq!(two, "2 actions");
        let check = fill(
            crate::i18n::app::results::CHECK_E_ERRORS_AND_W_WARNINGS.sv,
            &[("e", 0), ("w", 1)],
        );
        assert_eq!(check, "Kontroll: 0 fel och 1 varning i granskningen");
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
        assert_eq!(
            fill("{n|konto|konton}, {e|fel|fel}", &[("n", 1), ("e", 3)]),
            "1 konto, 3 fel"
        );
        assert_eq!(fill("{x} stays", &[("n", 1)]), "{x} stays");
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
