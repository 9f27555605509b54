//! Words for splitting an audit among auditors and merging their parts back: why a split is
//! refused, a part's title, each conflict (which account, which field, every value and where it
//! was found), the settings a merge does not take, and what a merge did.

use super::files::quoted;
use super::{Label, Lang, Text, pick};
use crate::core::localtime::format_local;
use crate::core::merge::{Conflict, Counts, Field, Setting, Source, Value};
use crate::core::split::SplitError;

const fn both(sv: &'static str, en: &'static str) -> Text {
    Text { sv, en }
}

/// Why the audit cannot be split as asked.
#[must_use]
pub fn split_error_text(error: SplitError, lang: Lang) -> String {
    match error {
        SplitError::NoAccounts => both(
            "registret är tomt; det finns inga konton att dela upp",
            "the register is empty; there are no accounts to share out",
        )
        .get(lang)
        .to_owned(),
        SplitError::NoParts => both("--parts måste vara minst 1", "--parts must be at least 1")
            .get(lang)
            .to_owned(),
        SplitError::TooManyParts { parts, accounts } => match lang {
            Lang::Sv => format!(
                "{parts} delar men bara {accounts} {} att granska; välj högst {accounts} delar",
                pick(accounts, "konto", "konton")
            ),
            Lang::En => format!(
                "{parts} parts but only {accounts} {} to audit; choose at most {accounts} parts",
                pick(accounts, "account", "accounts")
            ),
        },
    }
}

/// A part's title: "Granskning 2019 (del 2 av 8)".
///
/// ```
/// use svarskoll::i18n::{Lang, parts::part_title};
/// assert_eq!(part_title("Kultur 2024", 2, 8, Lang::Sv), "Kultur 2024 (del 2 av 8)");
/// assert_eq!(part_title("", 1, 3, Lang::En), "Part 1 of 3");
/// ```
#[must_use]
pub fn part_title(title: &str, part: u32, parts: u32, lang: Lang) -> String {
    let title = title.trim();
    match (lang, title.is_empty()) {
        (Lang::Sv, true) => format!("Del {part} av {parts}"),
        (Lang::Sv, false) => format!("{title} (del {part} av {parts})"),
        (Lang::En, true) => format!("Part {part} of {parts}"),
        (Lang::En, false) => format!("{title} (part {part} of {parts})"),
    }
}

/// A field's name as the app's columns call it.
#[must_use]
pub fn field_name(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::Account => both("kontot", "the account"),
        Field::Name => both("namn", "name"),
        Field::Platform => both("plattform", "platform"),
        Field::Unit => both("verksamhet", "unit"),
        Field::Url => both("adress", "address"),
        Field::Status => both("status", "status"),
        Field::ExclusionNote => both("anteckning om undantag", "exclusion note"),
        Field::Selected => both("med i urvalet", "in the sample"),
        Field::Probe => both("frågan", "the question"),
        Field::Question => both("fråga", "question"),
        Field::PostedAt => both("ställd", "posted"),
        Field::AnsweredAt => both("besvarad", "answered"),
        Field::Signed => both("signerad", "signed"),
        Field::Note => both("anteckning", "note"),
    }
    .get(lang)
}

/// One value of a conflict: a time as `YYYY-MM-DD HH:MM`, a text quoted (capped).
#[must_use]
pub fn value_text(value: &Value, lang: Lang) -> String {
    let fixed = |text: Text| text.get(lang).to_owned();
    match value {
        Value::Text(text) if text.trim().is_empty() => fixed(both("(tomt)", "(empty)")),
        Value::Text(text) => quoted(text),
        Value::Time(Some(t)) => format_local(t),
        Value::Time(None) => fixed(both("(ingen tid)", "(no time)")),
        Value::Signed(Some(true)) => fixed(both("ja", "yes")),
        Value::Signed(Some(false)) => fixed(both("nej", "no")),
        Value::Signed(None) => fixed(both("(inte angivet)", "(not given)")),
        Value::Platform(p) => p.label(lang).to_owned(),
        Value::Status(s) => s.label(lang).to_owned(),
        Value::Selected(true) => fixed(both("med i urvalet", "in the sample")),
        Value::Selected(false) => fixed(both("inte med i urvalet", "not in the sample")),
        Value::Kept => fixed(both("behållen, med ändringar", "kept, with changes")),
        Value::Removed => fixed(both("borttagen", "removed")),
    }
}

/// Which account (and question) a conflict is about: "Alpha (Facebook), frågan ställd
/// 2019-03-12 10:00".
#[must_use]
pub fn conflict_place(conflict: &Conflict, lang: Lang) -> String {
    let account = format!(
        "{} ({})",
        super::quoted_plain(&conflict.account_name),
        conflict.platform.label(lang)
    );
    if conflict.probe.is_none() {
        return account;
    }
    match (conflict.probe_posted, lang) {
        (Some(t), Lang::Sv) => format!("{account}, frågan ställd {}", format_local(&t)),
        (Some(t), Lang::En) => format!("{account}, the question posted {}", format_local(&t)),
        (None, Lang::Sv) => format!("{account}, frågan {}", quoted(&conflict.probe_question)),
        (None, Lang::En) => format!(
            "{account}, the question {}",
            quoted(&conflict.probe_question)
        ),
    }
}

/// Where a value was found: the file's name as `names` gives it (`names[0]` the audit,
/// `names[i + 1]` part `i`).
fn source_name(source: Source, names: &[String]) -> &str {
    let index = match source {
        Source::Audit => 0,
        Source::Part(i) => i + 1,
    };
    names.get(index).map_or("?", String::as_str)
}

/// The places a value was found: "a.ron och b.ron".
#[must_use]
pub fn sources_text(sources: &[Source], names: &[String], lang: Lang) -> String {
    let names: Vec<&str> = sources.iter().map(|s| source_name(*s, names)).collect();
    let and = both(" och ", " and ").get(lang);
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}{and}{last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// One conflict on one line: where, which field, every value with the files it is in, and the
/// value at the split.
#[must_use]
pub fn conflict_text(conflict: &Conflict, names: &[String], lang: Lang) -> String {
    let values: Vec<String> = conflict
        .choices
        .iter()
        .map(|c| {
            let sources = sources_text(&c.sources, names, lang);
            match lang {
                Lang::Sv => format!("{} i {sources}", value_text(&c.value, lang)),
                Lang::En => format!("{} in {sources}", value_text(&c.value, lang)),
            }
        })
        .collect();
    let mut text = format!(
        "{}: {}: {}",
        conflict_place(conflict, lang),
        field_name(conflict.field, lang),
        values.join(both(" — men ", " — but ").get(lang))
    );
    if let Some(original) = &conflict.original {
        let at_split = both("vid delningen", "at the split").get(lang);
        text.push_str(&format!(" ({at_split}: {})", value_text(original, lang)));
    }
    text
}

/// The line before the conflicts.
#[must_use]
pub fn conflicts_heading(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(
            "{n} {} – samma konto eller fråga har ändrats olika på två ställen. Inget skrevs. Rätta i delarna eller i granskningen, eller slå ihop i appen (Arkiv → Slå ihop delar …) och välj för varje konflikt:",
            pick(n, "konflikt", "konflikter")
        ),
        Lang::En => format!(
            "{n} {} – the same account or question was changed differently in two places. Nothing was written. Correct the parts or the audit, or merge in the app (File → Merge parts …) and choose for each conflict:",
            pick(n, "conflict", "conflicts")
        ),
    }
}

/// A setting a part holds differently, which the merge did not take.
#[must_use]
pub fn ignored_text(setting: Setting, lang: Lang) -> String {
    let what = match setting {
        Setting::Meta => both("uppgifter om granskningen", "details of the audit"),
        Setting::Criteria => both("kriterier", "criteria"),
        Setting::Texts => both("rapportens texter", "the report's texts"),
        Setting::QuestionBank => both("frågebank", "question bank"),
        Setting::Actions => both("åtgärder", "actions"),
        Setting::Report => both("rapportinställningar", "report settings"),
        Setting::Sample => both("urvalsinställningar", "sample settings"),
        Setting::Earlier => both(
            "jämförelse med tidigare granskning",
            "comparison with an earlier audit",
        ),
    }
    .get(lang);
    match lang {
        Lang::Sv => format!(
            "delens {what} skiljer sig från granskningens och togs inte med (bara konton och frågor slås ihop)"
        ),
        Lang::En => format!(
            "the part's {what} differ from the audit's and were not taken (only accounts and questions are merged)"
        ),
    }
}

/// What a merge changed: "2 ändrade frågor, 1 nytt konto, 3 bevisfiler kopierade".
#[must_use]
pub fn counts_text(counts: &Counts, evidence_copied: usize, lang: Lang) -> String {
    // (count, Swedish singular and plural, English singular and plural)
    type Forms = (&'static str, &'static str);
    let items: [(usize, Forms, Forms); 7] = [
        (
            counts.probes_changed,
            ("ändrad fråga", "ändrade frågor"),
            ("question changed", "questions changed"),
        ),
        (
            counts.probes_added,
            ("ny fråga", "nya frågor"),
            ("question added", "questions added"),
        ),
        (
            counts.probes_removed,
            ("borttagen fråga", "borttagna frågor"),
            ("question removed", "questions removed"),
        ),
        (
            counts.accounts_changed,
            ("ändrat konto", "ändrade konton"),
            ("account changed", "accounts changed"),
        ),
        (
            counts.accounts_added,
            ("nytt konto", "nya konton"),
            ("account added", "accounts added"),
        ),
        (
            counts.accounts_removed,
            ("borttaget konto", "borttagna konton"),
            ("account removed", "accounts removed"),
        ),
        (
            evidence_copied,
            ("bevisfil kopierad", "bevisfiler kopierade"),
            ("evidence file copied", "evidence files copied"),
        ),
    ];
    let said: Vec<String> = items
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, sv, en)| {
            let (one, many) = match lang {
                Lang::Sv => *sv,
                Lang::En => *en,
            };
            format!("{n} {}", pick(*n, one, many))
        })
        .collect();
    if said.is_empty() {
        both("inget ändrades", "nothing changed")
            .get(lang)
            .to_owned()
    } else {
        said.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::merge::Choice;
    use crate::core::{AccountId, Platform, ProbeId};

    fn conflict() -> Conflict {
        let t = |h| {
            crate::core::deadline::local(2019, 3, 12, h, 0)
                .unwrap()
                .fixed_offset()
        };
        Conflict {
            account: AccountId(1),
            account_name: "Alpha".into(),
            platform: Platform::Facebook,
            probe: Some(ProbeId(2)),
            probe_posted: Some(t(10)),
            probe_question: "Hej?".into(),
            field: Field::AnsweredAt,
            original: Some(Value::Time(None)),
            choices: vec![
                Choice {
                    value: Value::Time(Some(t(11))),
                    sources: vec![Source::Audit],
                },
                Choice {
                    value: Value::Time(Some(t(12))),
                    sources: vec![Source::Part(0), Source::Part(1)],
                },
            ],
        }
    }

    #[test]
    fn a_conflict_names_account_field_values_and_files() {
        let names = ["a.ron".to_owned(), "d1.ron".to_owned(), "d2.ron".to_owned()];
        assert_eq!(
            conflict_text(&conflict(), &names, Lang::Sv),
            "Alpha (Facebook), frågan ställd 2019-03-12 10:00: besvarad: 2019-03-12 11:00 i a.ron — men 2019-03-12 12:00 i d1.ron och d2.ron (vid delningen: (ingen tid))"
        );
        assert_eq!(
            conflict_text(&conflict(), &names, Lang::En),
            "Alpha (Facebook), the question posted 2019-03-12 10:00: answered: 2019-03-12 11:00 in a.ron — but 2019-03-12 12:00 in d1.ron and d2.ron (at the split: (no time))"
        );
    }

    #[test]
    fn counts_say_only_what_happened() {
        let counts = Counts {
            probes_changed: 2,
            accounts_added: 1,
            ..Counts::default()
        };
        assert_eq!(
            counts_text(&counts, 1, Lang::Sv),
            "2 ändrade frågor, 1 nytt konto, 1 bevisfil kopierad"
        );
        assert_eq!(
            counts_text(&Counts::default(), 0, Lang::En),
            "nothing changed"
        );
    }
}
