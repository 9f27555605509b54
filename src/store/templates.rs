//! Templates (mallar): RON files in `audit-templates/`. The bundled ones are compiled into the
//! binary so `svarskoll new --template malmo-sociala-medier` works from any folder.

use super::audit_file::{FileError, parse_ron, to_ron, write_atomically};
use crate::core::Template;
use crate::core::file_error::{FileAction, IoCause, ParseKind};
use std::path::{Path, PathBuf};

/// The bundled templates: (file stem, RON text).
pub const BUILTIN_TEMPLATES: [(&str, &str); 2] = [
    (
        "malmo-sociala-medier",
        include_str!("../../audit-templates/malmo-sociala-medier.ron"),
    ),
    (
        "skurup-riktlinjer",
        include_str!("../../audit-templates/skurup-riktlinjer.ron"),
    ),
];

/// Load a template file (at most `core::rules::FILE_BYTES`, values within the limits of
/// `core::rules`).
pub fn load_template(path: &Path) -> Result<Template, FileError> {
    let (bytes, _) = super::disk::read_limited(path, crate::core::rules::FILE_BYTES)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| FileError::Parse {
        path: path.to_owned(),
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count(),
        column: 1,
        kind: ParseKind::NotUtf8,
    })?;
    parse_template(path, text)
}

/// Parse a template's text (`path` only names it in errors), checking its values' limits.
pub fn parse_template(path: &Path, text: &str) -> Result<Template, FileError> {
    let template: Template = parse_ron(path, text)?;
    super::audit_file::refuse_out_of_limits(
        path,
        &crate::core::rules::template_out_of_limits(&template),
    )?;
    Ok(template)
}

/// Save a template file atomically.
pub fn save_template(path: &Path, template: &Template) -> Result<(), FileError> {
    let text = to_ron(path, template)?;
    write_atomically(path, text.as_bytes())
}

/// The bundled templates, parsed.
pub fn builtin_templates() -> Result<Vec<(String, Template)>, FileError> {
    BUILTIN_TEMPLATES
        .iter()
        .map(|(key, text)| {
            let path = PathBuf::from(format!("audit-templates/{key}.ron"));
            parse_template(&path, text).map(|t| ((*key).to_owned(), t))
        })
        .collect()
}

/// A template by file path, or by the name of a bundled one (with or without `.ron`).
/// Returns the template's key (file stem) and the template.
pub fn resolve_template(name_or_path: &str) -> Result<(String, Template), FileError> {
    let path = Path::new(name_or_path);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if path.is_file() {
        return load_template(path).map(|t| (stem, t));
    }
    let key = name_or_path.trim_end_matches(".ron");
    if let Some((key, text)) = BUILTIN_TEMPLATES.iter().find(|(k, _)| *k == key) {
        let path = PathBuf::from(format!("audit-templates/{key}.ron"));
        return parse_template(&path, text).map(|t| ((*key).to_owned(), t));
    }
    Err(FileError::Io {
        path: path.to_owned(),
        action: FileAction::FindTemplate,
        cause: IoCause::NoSuchTemplate {
            builtin: BUILTIN_TEMPLATES
                .iter()
                .map(|(k, _)| (*k).to_owned())
                .collect(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::DeadlineMode;

    #[test]
    fn bundled_templates_parse_with_the_documented_rules() {
        let all = builtin_templates().unwrap();
        let (_, malmo) = &all[0];
        assert_eq!(malmo.criteria.deadline.mode, DeadlineMode::NextWorkingDay);
        assert_eq!(malmo.criteria.deadline.hours, 24);
        assert!(malmo.criteria.signature_required);
        assert_eq!(malmo.risk.title, "Bristande serviceskyldighet");
        let (_, skurup) = &all[1];
        assert_eq!(skurup.criteria.deadline.mode, DeadlineMode::WorkingHours);
        assert_eq!(skurup.criteria.deadline.max_days, Some(7));
        assert!(!skurup.criteria.signature_required);
        for (_, t) in &all {
            for text in [
                &t.texts.introduction,
                &t.texts.areas,
                &t.texts.purpose,
                &t.texts.scope,
                &t.texts.method,
            ] {
                assert!(text.len() > 100, "{text}");
            }
        }
    }

    #[test]
    fn bundled_templates_carry_the_account_review_checklist_of_the_seeds() {
        use crate::core::review::ReviewKind;
        for (key, t) in builtin_templates().unwrap() {
            let ids: Vec<&str> = t.review.iter().map(|i| i.id.as_str()).collect();
            for required in [
                "administrators",
                "sender_and_contact",
                "recent_post",
                "responsible_manager",
                "in_account_register",
            ] {
                assert!(ids.contains(&required), "{key}: {required} in {ids:?}");
            }
            let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
            assert_eq!(unique.len(), ids.len(), "{key}: ids are unique");
            let admins = t.review.iter().find(|i| i.id == "administrators").unwrap();
            assert_eq!(admins.kind, ReviewKind::Number { min: 2 }, "{key}");
            let recent = t.review.iter().find(|i| i.id == "recent_post").unwrap();
            assert!(
                matches!(recent.kind, ReviewKind::Date { within_days } if within_days >= 7),
                "{key}"
            );
            assert!(t.review.iter().all(|i| !i.text.trim().is_empty()));
            // An audit started from the template carries the checklist; one saved as a template
            // keeps it.
            let audit = t.new_audit(&key, chrono::Utc::now());
            assert_eq!(audit.review, t.review);
            assert_eq!(audit.to_template("x").review, t.review);
        }
    }

    #[test]
    fn a_template_file_without_a_checklist_still_loads() {
        let (_, t) = resolve_template("skurup-riktlinjer").unwrap();
        let mut old = crate::core::Template {
            review: Vec::new(),
            ..t
        };
        let text = to_ron(Path::new("old.ron"), &old).unwrap();
        let text = text.replace("    review: [],\n", "");
        assert!(!text.contains("review"));
        let parsed = parse_template(Path::new("old.ron"), &text).unwrap();
        old.review = Vec::new();
        assert_eq!(parsed, old);
    }

    #[test]
    fn save_and_resolve_a_template_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("egen.ron");
        let (_, t) = resolve_template("skurup-riktlinjer.ron").unwrap();
        save_template(&path, &t).unwrap();
        let (key, back) = resolve_template(path.to_str().unwrap()).unwrap();
        assert_eq!((key.as_str(), back), ("egen", t));
        assert!(
            crate::i18n::file_error_text(
                &resolve_template("finns-inte").unwrap_err(),
                crate::core::Lang::Sv
            )
            .contains("malmo-sociala-medier")
        );
    }
}
