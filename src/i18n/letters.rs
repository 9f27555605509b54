//! The feedback letters' words (återkoppling, PRODUCT §8b): one short letter to each unit whose
//! accounts missed the deadline. Fixed words are [`Text`] constants; sentences with numbers or
//! names are functions of the language. The deadline rule, who carried out the audit, the late
//! and unanswered accounts and the signatures are worded by `report::prose`, as in the report.

use super::Text;
use crate::core::Lang;
use crate::core::numbers::count_words;

const fn both(sv: &'static str, en: &'static str) -> Text {
    Text { sv, en }
}

/// The letter's title: on its first page, in its running header and its metadata.
pub const TITLE: Text = both(
    "Återkoppling: granskning av sociala medier",
    "Feedback: audit of social media",
);
/// The unit of the accounts that name none, in the letter and its file name.
pub const NO_UNIT: Text = both("Utan verksamhet", "No unit");
/// The PDF's keyword.
pub const KEYWORD: Text = both("återkoppling", "feedback");

// Headings
pub const WHAT_WAS_AUDITED: Text = both("Det här har granskats", "What was audited");
pub const THE_RULE: Text = both(
    "Regeln och varför den är viktig",
    "The rule and why it matters",
);
pub const YOUR_RESULT: Text = both("Resultat för era konton", "Results for your accounts");
pub const WHAT_TO_FIX: Text = both("Det här behöver göras", "What needs to be done");
pub const CONTACT: Text = both("Kontakt", "Contact");

// The table
pub const TABLE: Text = both(
    "Tabell 1. Era granskade konton och testfrågor",
    "Table 1. Your audited accounts and test questions",
);
pub const QUESTION: Text = both("Fråga", "Question");
pub const DEADLINE: Text = both("Svarsfrist", "Deadline");
// Fixed sentences
pub const GREETING: Text = both("Hej!", "Hello,");
pub const ABOUT_THE_LETTER: Text = both(
    "Det här brevet är en återkoppling från granskningen av hur kommunens konton i sociala medier besvarar frågor från allmänheten.",
    "This letter gives you feedback from the audit of how the municipality's social-media accounts answer questions from the public.",
);
pub const HOW: Text = both(
    "I varje granskat konto ställdes en enkel fråga om verksamheten, på samma sätt som en invånare skulle göra, och det noterades när frågan besvarades.",
    "A simple question about the unit's work was posted on each audited account, as a resident would ask it, and the time it was answered was noted.",
);
pub const SIGNATURE_RULE: Text = both(
    "Svaret ska avslutas med förnamnet på den som svarar.",
    "The answer is to end with the first name of the person who answers.",
);
/// Why answering in time matters: förvaltningslagen's duty to provide service, in plain words.
pub const WHY: Text = both(
    "Enligt förvaltningslagen har kommunen en serviceskyldighet: den som vänder sig till kommunen ska få hjälp, och hjälpen ska ges utan onödigt dröjsmål. En fråga i ett av kommunens konton i sociala medier är en sådan kontakt. Ett snabbt svar visar att någon har läst frågan och tar den på allvar. Obesvarade frågor gör att invånare inte får den service de har rätt till, och de kan skada förtroendet för kommunen.",
    "Under the Swedish Administrative Procedure Act (förvaltningslagen) the municipality has a duty to provide service: anyone who turns to it is to be helped, without undue delay. A question on one of the municipality's social-media accounts is such a contact. A quick answer shows that someone has read the question and takes it seriously. Unanswered questions mean that residents do not get the service they are entitled to, and they can harm trust in the municipality.",
);
pub const WHY_SIGNATURE: Text = both(
    "Ett förnamn visar att det finns en människa bakom svaret.",
    "A first name shows that there is a person behind the answer.",
);
/// What to fix, when some of the unit's accounts missed the deadline.
pub const FIX_LATE: Text = both(
    "Gå igenom de konton i tabellen som inte besvarade frågan inom svarsfristen. Se till att någon bevakar varje konto varje arbetsdag, också vid semester och annan frånvaro, och att det finns en ersättare som kan logga in. Kan verksamheten inte bevaka ett konto bör det stängas.",
    "Go through the accounts in the table that did not answer within the deadline. Make sure someone watches each account every working day, also during holidays and other absence, and that a stand-in can log in. An account the unit cannot watch should be closed.",
);
/// What to fix, when every account answered in time (a letter to every unit).
pub const FIX_NONE_LATE: Text = both(
    "Era konton besvarade frågan inom svarsfristen. Se till att det fortsätter så, också vid semester och annan frånvaro.",
    "Your accounts answered within the deadline. Make sure it stays that way, also during holidays and other absence.",
);
/// What to fix, when no account missed the deadline but some outcomes are not settled yet.
pub const FIX_WATCH: Text = both(
    "Se till att någon bevakar varje konto varje arbetsdag, också vid semester och annan frånvaro, så att frågor besvaras inom svarsfristen.",
    "Make sure someone watches each account every working day, also during holidays and other absence, so that questions are answered within the deadline.",
);
/// Before the audit's actions.
pub const ACTIONS_INTRO: Text = both(
    "Granskningen föreslår de här åtgärderna:",
    "The audit proposes these actions:",
);

// The app and the command line
/// Nothing to write: every audited unit answered in time.
pub const NO_UNIT_QUALIFIES: Text = both(
    "inga brev skrevs: alla verksamheters granskade konton besvarade frågan inom svarsfristen (--all-units skriver ett brev till varje verksamhet)",
    "no letters were written: every unit's audited accounts answered within the deadline (--all-units writes a letter to every unit)",
);

/// How many letters were written where: "6 brev skrevs till brev/" (the command line's summary
/// and the app's message).
#[must_use]
pub fn letters_written(n: usize, folder: &str, lang: Lang) -> String {
    match (n, lang) {
        (n, Lang::Sv) => format!("{n} brev skrevs till {folder}"),
        (1, Lang::En) => format!("1 letter was written to {folder}"),
        (n, Lang::En) => format!("{n} letters were written to {folder}"),
    }
}

/// The letter's recipient, under its title: "Till Kulturskolan".
#[must_use]
pub fn recipient(unit: Option<&str>, lang: Lang) -> String {
    match (unit, lang) {
        (Some(unit), Lang::Sv) => format!("Till {unit}"),
        (Some(unit), Lang::En) => format!("To {unit}"),
        (None, Lang::Sv) => "Till de ansvariga för konton utan angiven verksamhet".to_owned(),
        (None, Lang::En) => "To those responsible for the accounts with no unit given".to_owned(),
    }
}

/// Which accounts the letter is about.
#[must_use]
pub fn concerns(unit: Option<&str>, lang: Lang) -> String {
    match (unit, lang) {
        (Some(unit), Lang::Sv) => format!("Det gäller de konton som {unit} ansvarar för."),
        (Some(unit), Lang::En) => {
            format!("It concerns the accounts that {unit} is responsible for.")
        }
        (None, Lang::Sv) => {
            "Det gäller de granskade konton som saknar angiven verksamhet i kontoregistret."
                .to_owned()
        }
        (None, Lang::En) => {
            "It concerns the audited accounts that have no unit in the account register.".to_owned()
        }
    }
}

/// Who audited: "Grundskoleförvaltningen har granskat om …"; `administration` may be empty.
#[must_use]
pub fn audited_by(administration: &str, lang: Lang) -> String {
    match (administration.trim(), lang) {
        ("", Lang::Sv) => "Förvaltningen har granskat om frågor i kommunens konton i sociala medier besvaras i tid.".to_owned(),
        (who, Lang::Sv) => format!(
            "{who} har granskat om frågor i kommunens konton i sociala medier besvaras i tid."
        ),
        ("", Lang::En) => "The administration has audited whether questions on the municipality's social-media accounts are answered in time.".to_owned(),
        (who, Lang::En) => format!(
            "{who} has audited whether questions on the municipality's social-media accounts are answered in time."
        ),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The unit's result in one sentence: "Två av fem granskade konton besvarade frågan inom
/// svarsfristen." `decided` (> 0) accounts have a settled outcome, `in_time` of them answered in time;
/// `several` when some account got more than one question; `finished` when no account is still
/// waiting for an answer or a question.
#[must_use]
pub fn unit_result(
    in_time: usize,
    decided: usize,
    several: bool,
    finished: bool,
    lang: Lang,
) -> String {
    let n = count_words(decided, lang);
    let k = count_words(in_time, lang);
    match lang {
        Lang::Sv => {
            let question = if several { "frågorna" } else { "frågan" };
            let (one, definite, indefinite) = if finished {
                (
                    "Det granskade kontot".to_owned(),
                    format!("de {n} granskade kontona"),
                    format!("{n} granskade konton"),
                )
            } else {
                (
                    "Det konto där utfallet är klart".to_owned(),
                    format!("de {n} konton där utfallet är klart"),
                    format!("{n} konton där utfallet är klart"),
                )
            };
            let text = match (decided, in_time) {
                (1, 1) => format!("{one} besvarade {question} inom svarsfristen."),
                (1, _) => format!("{one} besvarade inte {question} inom svarsfristen."),
                (_, 0) => format!("Inget av {definite} besvarade {question} inom svarsfristen."),
                (d, k) if d == k => {
                    format!("Alla {indefinite} besvarade {question} inom svarsfristen.")
                }
                _ => format!("{k} av {indefinite} besvarade {question} inom svarsfristen."),
            };
            capitalise(&text)
        }
        Lang::En => {
            let question = if several {
                "the questions"
            } else {
                "the question"
            };
            let (one, many) = if finished {
                ("audited account", "audited accounts")
            } else {
                (
                    "account with a settled outcome",
                    "accounts with a settled outcome",
                )
            };
            let text = match (decided, in_time) {
                (1, 1) => format!("The {one} answered {question} within the deadline."),
                (1, _) => format!("The {one} did not answer {question} within the deadline."),
                (_, 0) => {
                    format!("None of the {n} {many} answered {question} within the deadline.")
                }
                (d, k) if d == k => {
                    format!("All {n} {many} answered {question} within the deadline.")
                }
                _ => format!("{k} of {n} {many} answered {question} within the deadline."),
            };
            capitalise(&text)
        }
    }
}

/// `waiting` (> 0) of the unit's accounts have no settled outcome yet.
#[must_use]
pub fn unit_unfinished(waiting: usize, lang: Lang) -> String {
    match (waiting, lang) {
        (1, Lang::Sv) => "För ett konto är utfallet ännu inte klart.".to_owned(),
        (n, Lang::Sv) => format!(
            "För {} konton är utfallet ännu inte klart.",
            count_words(n, lang)
        ),
        (1, Lang::En) => "One account has no settled outcome yet.".to_owned(),
        (n, Lang::En) => format!(
            "{} accounts have no settled outcome yet.",
            capitalise(&count_words(n, lang))
        ),
    }
}

/// The whole audit, for comparison: "I hela granskningen besvarade 15 av 50 konton frågan inom
/// svarsfristen."
#[must_use]
pub fn whole_audit(in_time: usize, decided: usize, lang: Lang) -> String {
    let n = count_words(decided, lang);
    let k = count_words(in_time, lang);
    match lang {
        Lang::Sv => format!(
            "Som jämförelse besvarade {k} av {n} konton i hela granskningen frågan inom svarsfristen."
        ),
        Lang::En => format!(
            "For comparison, {k} of {n} accounts in the whole audit answered within the deadline."
        ),
    }
}

/// Whom to ask: the auditors and the administration, joined with "eller"/"or" (`who` may be
/// empty).
#[must_use]
pub fn contact(who: &[String], lang: Lang) -> String {
    let list = match who {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let or = match lang {
                Lang::Sv => " eller ",
                Lang::En => " or ",
            };
            format!("{}{or}{last}", init.join(", "))
        }
    };
    match (list.is_empty(), lang) {
        (true, Lang::Sv) => "Har ni frågor om granskningen eller om det här brevet är ni välkomna att kontakta förvaltningen.".to_owned(),
        (false, Lang::Sv) => format!(
            "Har ni frågor om granskningen eller om det här brevet är ni välkomna att kontakta {list}."
        ),
        (true, Lang::En) => "If you have questions about the audit or this letter, you are welcome to contact the administration.".to_owned(),
        (false, Lang::En) => format!(
            "If you have questions about the audit or this letter, you are welcome to contact {list}."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_units_result_in_both_languages() {
        assert_eq!(
            unit_result(2, 5, false, true, Lang::Sv),
            "Två av fem granskade konton besvarade frågan inom svarsfristen."
        );
        assert_eq!(
            unit_result(0, 3, true, true, Lang::Sv),
            "Inget av de tre granskade kontona besvarade frågorna inom svarsfristen."
        );
        assert_eq!(
            unit_result(0, 1, false, true, Lang::Sv),
            "Det granskade kontot besvarade inte frågan inom svarsfristen."
        );
        assert_eq!(
            unit_result(2, 5, false, false, Lang::En),
            "Two of five accounts with a settled outcome answered the question within the deadline."
        );
        assert_eq!(
            unit_result(4, 4, false, true, Lang::En),
            "All four audited accounts answered the question within the deadline."
        );
        assert_eq!(
            contact(&["A".into(), "B".into()], Lang::Sv),
            "Har ni frågor om granskningen eller om det här brevet är ni välkomna att kontakta A eller B."
        );
    }
}
