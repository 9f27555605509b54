//! Step 4, Resultat.

use crate::i18n::Text;

pub const ACCOUNTS_IN_THE_REGISTER: Text = Text {
    sv: "Konton i registret",
    en: "Accounts in the register",
};
pub const ANSWERED: Text = Text {
    sv: "besvarade",
    en: "answered",
};
pub const ANSWERED_IN_TIME: Text = Text {
    sv: "Besvarade i tid",
    en: "Answered in time",
};
pub const ANSWERED_LATE: Text = Text {
    sv: "Besvarade för sent",
    en: "Answered late",
};
pub const ANSWERS: Text = Text {
    sv: "antal svar",
    en: "answers",
};
pub const ANSWERS_2: Text = Text {
    sv: "svar",
    en: "answers",
};
pub const AUDITED: Text = Text {
    sv: "Granskade",
    en: "Audited",
};
pub const AUDITED_ACCOUNTS: Text = Text {
    sv: "Granskade konton",
    en: "Audited accounts",
};
pub const AUDIT_E_G_YEAR: Text = Text {
    sv: "Granskning (t.ex. år)",
    en: "Audit (e.g. year)",
};
pub const AWAITING_AN_ANSWER: Text = Text {
    sv: "Väntar på svar",
    en: "Awaiting an answer",
};
pub const BY_PLATFORM: Text = Text {
    sv: "Per plattform",
    en: "By platform",
};
pub const BY_UNIT: Text = Text {
    sv: "Per verksamhet",
    en: "By unit",
};
pub const CHECK_E_ERRORS_AND_W_WARNINGS: Text = Text {
    sv: "Kontroll: {e|fel|fel} och {w|varning|varningar} i granskningen",
    en: "Check: {e|error|errors} and {w|warning|warnings} in the audit",
};
pub const COMPARISON_WITH_AN_EARLIER_AUDIT: Text = Text {
    sv: "Jämförelse med en tidigare granskning",
    en: "Comparison with an earlier audit",
};
pub const EARLIER: Text = Text {
    sv: "Tidigare",
    en: "Earlier",
};
pub const EXCLUDED: Text = Text {
    sv: "Undantagna",
    en: "Excluded",
};
pub const HOURS: Text = Text {
    sv: "timmar",
    en: "hours",
};
pub const IN_TIME: Text = Text {
    sv: "% i tid",
    en: "% in time",
};
pub const IN_TIME_2: Text = Text {
    sv: "I tid",
    en: "In time",
};
pub const IN_TIME_3: Text = Text {
    sv: "i tid",
    en: "in time",
};
pub const IN_TIME_SHARE: Text = Text {
    sv: "Andel i tid",
    en: "In-time share",
};
pub const KNOWN: Text = Text {
    sv: "känt",
    en: "known",
};
pub const LATE: Text = Text {
    sv: "Sent",
    en: "Late",
};
pub const MEDIAN_RESPONSE_TIME: Text = Text {
    sv: "Median svarstid",
    en: "Median response time",
};
pub const N4_RESULTS: Text = Text {
    sv: "4  Resultat",
    en: "4  Results",
};
pub const N95_CI: Text = Text {
    sv: "95 % KI",
    en: "95 % CI",
};
pub const N95_CONFIDENCE_INTERVAL_OF_THE_IN: Text = Text {
    sv: "95 % konfidensintervall för andelen i tid",
    en: "95 % confidence interval of the in-time share",
};
pub const NOW_SET_A_CLOSING_TIME_IN: Text = Text {
    sv: "(nu; ange en stängningstid i steg 1 för att låsa resultatet)",
    en: "(now; set a closing time in step 1 to fix the results)",
};
pub const NO_ACCOUNTS: Text = Text {
    sv: "Inga konton.",
    en: "No accounts.",
};
pub const NO_ANSWERED_QUESTIONS_YET: Text = Text {
    sv: "Inga besvarade frågor än.",
    en: "No answered questions yet.",
};
pub const NO_DECIDED_QUESTIONS_YET: Text = Text {
    sv: "Inga avgjorda frågor än.",
    en: "No decided questions yet.",
};
pub const PENDING: Text = Text {
    sv: "Väntar",
    en: "Pending",
};
pub const QUESTION_NOT_POSTED: Text = Text {
    sv: "Fråga ej ställd",
    en: "Question not posted",
};
pub const REMOVE_THE_COMPARISON: Text = Text {
    sv: "Ta bort jämförelsen",
    en: "Remove the comparison",
};
pub const RESPONSE_TIMES_HOURS_FROM_QUESTION_TO: Text = Text {
    sv: "Svarstider (timmar från fråga till svar)",
    en: "Response times (hours from question to answer)",
};
pub const RESPONSE_TIME_IN_WORKING_HOURS_MEDIAN: Text = Text {
    sv: "Svarstid i arbetstimmar, median (kvartiler)",
    en: "Response time in working hours, median (quartiles)",
};
pub const RESPONSE_TIME_MEDIAN_QUARTILES: Text = Text {
    sv: "Svarstid, median (kvartiler)",
    en: "Response time, median (quartiles)",
};
pub const RESULTS_AS_OF: Text = Text {
    sv: "Resultat per",
    en: "Results as of",
};
pub const SHARE_ANSWERED_IN_TIME_BY_PLATFORM: Text = Text {
    sv: "Andel besvarade i tid per plattform (95 % konfidensintervall)",
    en: "Share answered in time by platform (95 % confidence interval)",
};
pub const SIGNED: Text = Text {
    sv: "Signerade",
    en: "Signed",
};
pub const SIGNED_IF_KNOWN: Text = Text {
    sv: "Signerade (om känt)",
    en: "Signed (if known)",
};
pub const SIGNED_WITH_A_FIRST_NAME: Text = Text {
    sv: "Signerade med förnamn",
    en: "Signed with a first name",
};
pub const THE_AUDITS_CLOSING_TIME_STEP_1: Text = Text {
    sv: "(granskningens stängningstid, steg 1)",
    en: "(the audit's closing time, step 1)",
};
pub const THIS_AUDIT: Text = Text {
    sv: "Denna granskning",
    en: "This audit",
};
pub const TREND: Text = Text {
    sv: "Utvecklingen över granskningarna",
    en: "The trend over the audits",
};
pub const TYPE_THE_FIGURES: Text = Text {
    sv: "Skriv in siffror",
    en: "Type the figures",
};
pub const UNANSWERED: Text = Text {
    sv: "Obesvarade",
    en: "Unanswered",
};

pub const DEADLINE_N_HOURS: Text = Text {
    sv: "Svarsfrist {n} h",
    en: "Deadline {n} h",
};
pub const WHY_RIGHT_OF_THE_LINE_WORKING_HOURS: Text = Text {
    sv: "Svar till höger om linjen kan ändå ha kommit i tid: bara arbetsdagarnas timmar räknas.",
    en: "Answers to the right of the line may still have come in time: only working days' hours count.",
};
pub const WHY_RIGHT_OF_THE_LINE: Text = Text {
    sv: "Svar till höger om linjen kan ändå ha kommit i tid: slutar fristen på en dag som inte är arbetsdag flyttas den till slutet av nästa arbetsdag.",
    en: "Answers to the right of the line may still have come in time: a deadline that ends on a day that is not a working day moves to the end of the next working day.",
};
/// Every message of this screen, for the placeholder test.
pub const MESSAGES: &[Text] = &[
    WHY_RIGHT_OF_THE_LINE,
    WHY_RIGHT_OF_THE_LINE_WORKING_HOURS,
    DEADLINE_N_HOURS,
    ACCOUNTS_IN_THE_REGISTER,
    ANSWERED,
    ANSWERED_IN_TIME,
    ANSWERED_LATE,
    ANSWERS,
    ANSWERS_2,
    AUDITED,
    AUDITED_ACCOUNTS,
    AUDIT_E_G_YEAR,
    AWAITING_AN_ANSWER,
    BY_PLATFORM,
    BY_UNIT,
    CHECK_E_ERRORS_AND_W_WARNINGS,
    COMPARISON_WITH_AN_EARLIER_AUDIT,
    EARLIER,
    EXCLUDED,
    HOURS,
    IN_TIME,
    IN_TIME_2,
    IN_TIME_3,
    IN_TIME_SHARE,
    KNOWN,
    LATE,
    MEDIAN_RESPONSE_TIME,
    N4_RESULTS,
    N95_CI,
    N95_CONFIDENCE_INTERVAL_OF_THE_IN,
    NOW_SET_A_CLOSING_TIME_IN,
    NO_ACCOUNTS,
    NO_ANSWERED_QUESTIONS_YET,
    NO_DECIDED_QUESTIONS_YET,
    PENDING,
    QUESTION_NOT_POSTED,
    REMOVE_THE_COMPARISON,
    RESPONSE_TIMES_HOURS_FROM_QUESTION_TO,
    RESPONSE_TIME_IN_WORKING_HOURS_MEDIAN,
    RESPONSE_TIME_MEDIAN_QUARTILES,
    RESULTS_AS_OF,
    SHARE_ANSWERED_IN_TIME_BY_PLATFORM,
    SIGNED,
    SIGNED_IF_KNOWN,
    SIGNED_WITH_A_FIRST_NAME,
    THE_AUDITS_CLOSING_TIME_STEP_1,
    THIS_AUDIT,
    TREND,
    TYPE_THE_FIGURES,
    UNANSWERED,
];
