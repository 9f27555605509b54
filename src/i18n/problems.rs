//! Words for the problems `check` finds.

use super::{Label, Lang};
use crate::core::check::{Location, Problem, ProblemKind, Severity};
use crate::core::localtime::format_local;
use crate::core::rules::{TimeField, TimeOrder};

/// Where a problem is: "konto 3 'Åbyskolan' (Facebook), fråga 2" or "kriterier".
#[must_use]
pub fn location_text(location: &Location, lang: Lang) -> String {
    let account = |index: usize, name: &str, platform: crate::core::Platform| match lang {
        Lang::Sv => format!("konto {} '{name}' ({})", index + 1, platform.label(lang)),
        Lang::En => format!("account {} '{name}' ({})", index + 1, platform.label(lang)),
    };
    match location {
        Location::Criteria => match lang {
            Lang::Sv => "kriterier".to_owned(),
            Lang::En => "criteria".to_owned(),
        },
        Location::Account {
            index,
            name,
            platform,
        } => account(*index, name, *platform),
        Location::Probe {
            index,
            name,
            platform,
            probe,
        } => {
            let here = account(*index, name, *platform);
            match lang {
                Lang::Sv => format!("{here}, fråga {}", probe + 1),
                Lang::En => format!("{here}, question {}", probe + 1),
            }
        }
    }
}

/// What is wrong, as a sentence without its location.
#[must_use]
pub fn kind_text(kind: &ProblemKind, lang: Lang) -> String {
    use ProblemKind as K;
    let sv = lang == Lang::Sv;
    let pick = |sv_text: &str, en_text: &str| if sv { sv_text } else { en_text }.to_owned();
    match kind {
        K::ZeroHours => pick("svarsfristen är 0 timmar", "the deadline is 0 hours"),
        K::ZeroMaxDays => pick("max_days är 0 dagar", "max_days is 0 days"),
        K::NoPlatformsInScope => pick(
            "inga plattformar ingår i granskningen",
            "no platforms are in the audit's scope",
        ),
        K::AccountWithoutName => pick("kontot saknar namn", "the account has no name"),
        K::DuplicateAccount => pick(
            "samma konto finns två gånger i registret",
            "the same account is in the register twice",
        ),
        K::AuditedButNothingPosted => pick(
            "kontot ingår i granskningen men ingen fråga är ställd",
            "the account is audited but no question has been posted",
        ),
        K::PostedButNotAudited => pick(
            "kontot har ställda frågor men ingår inte i granskningen, så de räknas inte",
            "the account has posted questions but is not audited, so they do not count",
        ),
        K::TimeOrder(TimeOrder::AnsweredNotPosted) => {
            pick("besvarad men aldrig ställd", "answered but never posted")
        }
        K::TimeOrder(TimeOrder::AnsweredBeforePosted { posted, answered }) => {
            // Stockholm time as auditors type it, as the CSV import says it.
            let (posted, answered) = (format_local(posted), format_local(answered));
            match lang {
                Lang::Sv => format!("besvarad ({answered}) före ställd ({posted})"),
                Lang::En => format!("answered ({answered}) before posted ({posted})"),
            }
        }
        K::InFuture(TimeField::Posted | TimeField::Answered) => {
            pick("tiden ligger i framtiden", "the time lies in the future")
        }
        K::SignedButUnanswered => pick(
            "signering angiven men frågan är inte besvarad",
            "signature given but the question is not answered",
        ),
        K::EvidenceOutside { path } => match lang {
            Lang::Sv => format!("sökvägen '{path}' pekar utanför bevismappen"),
            Lang::En => format!("the path '{path}' points outside the evidence folder"),
        },
    }
}

/// The severity's word: "fel", "varning".
#[must_use]
pub fn severity_text(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::Sv) => "fel",
        (Severity::Warning, Lang::Sv) => "varning",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    }
}

/// The whole problem on one line: "fel: konto 1 'A' (Facebook), fråga 2, answered_at: besvarad …".
#[must_use]
pub fn problem_text(problem: &Problem, lang: Lang) -> String {
    format!(
        "{}: {}, {}: {}",
        severity_text(problem.severity, lang),
        location_text(&problem.location, lang),
        problem.field,
        kind_text(&problem.kind, lang)
    )
}

/// The problem as a sentence for the app: where, and what, in words, without the file's field
/// names: "Konto 1 'A' (Facebook), fråga 2: signering angiven men frågan är inte besvarad."
#[must_use]
pub fn problem_sentence(problem: &Problem, lang: Lang) -> String {
    let location = location_text(&problem.location, lang);
    let mut chars = location.chars();
    let location: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    format!("{location}: {}.", kind_text(&problem.kind, lang))
}
