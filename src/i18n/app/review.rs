//! The account review (Kontogranskning): a mode of step 2, Konton, and its tables under
//! Resultat.

use crate::i18n::Text;

/// The mode of step 2 that shows the register (the sample, the table of accounts).
pub const REGISTER: Text = Text {
    sv: "Kontoregister",
    en: "Account register",
};
/// The mode of step 2 that reviews each audited account against the checklist; also the
/// heading of its tables under Resultat.
pub const ACCOUNT_REVIEW: Text = Text {
    sv: "Kontogranskning",
    en: "Account review",
};
pub const KEYS: Text = Text {
    sv: "Piltangenterna flyttar mellan rutorna och Enter går nedåt. Ja/nej: J eller Y för ja, N för nej, blanksteg växlar, Delete tömmer. Antal: skriv siffror. Datum: ÅÅÅÅ-MM-DD.",
    en: "The arrow keys move between the cells and Enter goes down. Yes/no: Y or J for yes, N for no, Space toggles, Delete clears. Numbers: type digits. Dates: YYYY-MM-DD.",
};
pub const NO_CHECKLIST: Text = Text {
    sv: "Granskningen har ingen checklista för kontogranskning. Checklistan följer med mallen när en granskning startas.",
    en: "The audit has no checklist for the account review. The checklist comes with the template when an audit is started.",
};
pub const TAKE_THE_CHECKLIST_FROM_THE_TEMPLATE: Text = Text {
    sv: "Hämta checklistan från mallen",
    en: "Take the checklist from the template",
};
pub const NO_ACCOUNTS_AUDITED: Text = Text {
    sv: "Inga konton granskas ännu: välj urvalet under Kontoregister.",
    en: "No accounts are audited yet: choose the sample under Account register.",
};
pub const R_OF_N_REVIEWED: Text = Text {
    sv: "{r} av {n} granskade konton har granskats mot minst ett krav.",
    en: "{r} of {n} audited accounts have been reviewed against at least one requirement.",
};
/// A column's pass count above its cells: how many meet the requirement of those reviewed.
pub const P_OF_R: Text = Text {
    sv: "{p} av {r}",
    en: "{p} of {r}",
};
/// The pass count's accessible name and tooltip, after the requirement.
pub const MET_BY_P_OF_R_REVIEWED: Text = Text {
    sv: "uppfylls av {p} av {r} granskade",
    en: "met by {p} of {r} reviewed",
};
pub const PASSES_ON_YES: Text = Text {
    sv: "Uppfylls av: ja",
    en: "Met by: yes",
};
pub const PASSES_FROM_N: Text = Text {
    sv: "Uppfylls av: minst {n}",
    en: "Met by: at least {n}",
};
/// Followed by the as-of date.
pub const PASSES_WITHIN_N_DAYS_BEFORE: Text = Text {
    sv: "Uppfylls av: ett datum högst {n} dagar före",
    en: "Met by: a date at most {n} days before",
};
pub const YYYY_MM_DD: Text = Text {
    sv: "ÅÅÅÅ-MM-DD",
    en: "YYYY-MM-DD",
};
pub const NOT_A_DATE: Text = Text {
    sv: "är inget datum (ÅÅÅÅ-MM-DD).",
    en: "is not a date (YYYY-MM-DD).",
};
pub const DATE_IN_THE_FUTURE: Text = Text {
    sv: "ligger i framtiden.",
    en: "lies in the future.",
};
pub const DATE_OUT_OF_RANGE: Text = Text {
    sv: "ligger utanför åren 1990–2100.",
    en: "lies outside the years 1990–2100.",
};
pub const REQUIREMENT: Text = Text {
    sv: "Krav",
    en: "Requirement",
};
pub const REVIEWED: Text = Text {
    sv: "Granskade",
    en: "Reviewed",
};
pub const PASSED: Text = Text {
    sv: "Uppfyller",
    en: "Met",
};
pub const SHARE: Text = Text {
    sv: "Andel",
    en: "Share",
};
pub const BY_UNIT: Text = Text {
    sv: "Kontogranskning per verksamhet",
    en: "Account review by unit",
};

pub const MESSAGES: &[Text] = &[
    REGISTER,
    ACCOUNT_REVIEW,
    KEYS,
    NO_CHECKLIST,
    TAKE_THE_CHECKLIST_FROM_THE_TEMPLATE,
    NO_ACCOUNTS_AUDITED,
    R_OF_N_REVIEWED,
    P_OF_R,
    MET_BY_P_OF_R_REVIEWED,
    PASSES_ON_YES,
    PASSES_FROM_N,
    PASSES_WITHIN_N_DAYS_BEFORE,
    YYYY_MM_DD,
    NOT_A_DATE,
    DATE_IN_THE_FUTURE,
    DATE_OUT_OF_RANGE,
    REQUIREMENT,
    REVIEWED,
    PASSED,
    SHARE,
    BY_UNIT,
];
