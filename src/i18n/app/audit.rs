//! Step 1, Granskning: metadata and criteria.

use crate::i18n::Text;

pub const ABOUT_THE_AUDIT: Text = Text {
    sv: "Uppgifter om granskningen",
    en: "About the audit",
};
pub const ADMINISTRATION: Text = Text {
    sv: "Förvaltning",
    en: "Administration",
};
pub const ANSWERS_AFTER_AT_MOST: Text = Text {
    sv: "svar efter högst",
    en: "answers after at most",
};
pub const AUDITORS: Text = Text {
    sv: "Granskare",
    en: "Auditors",
};
pub const AUDIT_CLOSED: Text = Text {
    sv: "Granskningen stängd",
    en: "Audit closed",
};
pub const CLOSED_DATES: Text = Text {
    sv: "stängda dagar",
    en: "closed dates",
};
pub const COMMITTEE: Text = Text {
    sv: "Nämnd",
    en: "Committee",
};
pub const CRITERIA: Text = Text {
    sv: "Kriterier",
    en: "Criteria",
};
pub const DAYS_COUNT_LATER_ANSWERS_COUNT_AS: Text = Text {
    sv: "dagar räknas, senare svar räknas som obesvarade",
    en: "days count; later answers count as unanswered",
};
pub const DEADLINE_COUNTED_IN: Text = Text {
    sv: "Svarsfrist räknas",
    en: "Deadline counted in",
};
pub const DEADLINE_HOURS: Text = Text {
    sv: "Svarsfrist (timmar)",
    en: "Deadline (hours)",
};
pub const DIARY_NUMBER: Text = Text {
    sv: "Diarienummer",
    en: "Diary number",
};
pub const E_G: Text = Text {
    sv: "t.ex.",
    en: "e.g.",
};
pub const FIRST_AND_LAST_NAMES_COMMA_SEPARATED: Text = Text {
    sv: "förnamn efternamn, kommaseparerade",
    en: "first and last names, comma-separated",
};
pub const HOURS_A_DEADLINE_ENDING_ON_A: Text = Text {
    sv: "timmar; slutar fristen på en helgdag flyttas den till nästa arbetsdag",
    en: "hours; a deadline ending on a non-working day moves to the next working day",
};
pub const HOW_THE_DEADLINE_IS_COUNTED: Text = Text {
    sv: "sättet att räkna svarsfristen",
    en: "how the deadline is counted",
};
pub const LONGEST_RESPONSE_TIME: Text = Text {
    sv: "Längsta svarstid",
    en: "Longest response time",
};
pub const LONGEST_RESPONSE_TIME_DAYS: Text = Text {
    sv: "längsta svarstid (dagar)",
    en: "longest response time (days)",
};
pub const LONGEST_RESPONSE_TIME_IN_DAYS: Text = Text {
    sv: "Längsta svarstid i dagar",
    en: "Longest response time in days",
};
pub const N1_AUDIT: Text = Text {
    sv: "1  Granskning",
    en: "1  Audit",
};
pub const ONLY_HOURS_ON_WORKING_DAYS_COUNT: Text = Text {
    sv: "bara arbetsdagarnas timmar räknas",
    en: "only hours on working days count",
};
pub const ORGANISATION: Text = Text {
    sv: "Organisation",
    en: "Organisation",
};
pub const PERIOD: Text = Text {
    sv: "Period",
    en: "Period",
};
pub const PLATFORMS_IN_SCOPE: Text = Text {
    sv: "Plattformar som granskas",
    en: "Platforms in scope",
};
pub const QUESTIONS_ARE_GIVEN_TO_THE_ACCOUNTS: Text = Text {
    sv: "Frågorna delas ut till kontona i steg 2 (Tilldela frågor) så att grannkonton får olika frågor.",
    en: "Questions are given to the accounts in step 2 (Assign questions) so that neighbouring accounts get different questions.",
};
pub const QUESTION_BANK_ONE_QUESTION_PER_LINE: Text = Text {
    sv: "Frågebank (en fråga per rad)",
    en: "Question bank (one question per line)",
};
pub const READ_AS: Text = Text {
    sv: "Tolkad som",
    en: "Read as",
};
pub const REPORT_DATE: Text = Text {
    sv: "Rapportdatum",
    en: "Report date",
};
pub const REPORT_TITLE: Text = Text {
    sv: "Rapportens titel",
    en: "Report title",
};
pub const RESTORE_THE_TEMPLATES_CRITERIA: Text = Text {
    sv: "Återställ mallens kriterier",
    en: "Restore the template's criteria",
};
pub const RESULTS_ARE_COMPUTED_AS_THEY_STOOD: Text = Text {
    sv: "Resultaten räknas som de stod vid den här tiden. Svar som kommer senare räknas inte.",
    en: "Results are computed as they stood at this time. Later answers do not count.",
};
pub const RESULTS_REPORTED_TO: Text = Text {
    sv: "Resultat rapporteras till",
    en: "Results reported to",
};
pub const SIGNATURE: Text = Text {
    sv: "Signatur",
    en: "Signature",
};
pub const THE_ANSWER_MUST_END_WITH_THE: Text = Text {
    sv: "svaret ska avslutas med avsändarens förnamn",
    en: "the answer must end with the responder's first name",
};
pub const THE_CRITERIA_DIFFER_FROM_THE_TEMPLATE: Text = Text {
    sv: "Kriterierna skiljer sig från mallen",
    en: "The criteria differ from the template",
};
pub const THE_PLATFORMS: Text = Text {
    sv: "plattformarna",
    en: "the platforms",
};
pub const THE_SIGNATURE_REQUIREMENT: Text = Text {
    sv: "signaturkravet",
    en: "the signature requirement",
};
pub const WRITE_THE_DATE_AS_YYYY_MM: Text = Text {
    sv: "Skriv datumet som ÅÅÅÅ-MM-DD; inget ändrades.",
    en: "Write the date as YYYY-MM-DD; nothing was changed.",
};
pub const WRITE_THE_TIME_AS_YYYY_MM: Text = Text {
    sv: "Skriv tiden som ÅÅÅÅ-MM-DD TT:MM; inget ändrades.",
    en: "Write the time as YYYY-MM-DD HH:MM; nothing was changed.",
};
pub const YEAR: Text = Text {
    sv: "År",
    en: "Year",
};
pub const YYYY_MM_DD_EMPTY_TODAY: Text = Text {
    sv: "ÅÅÅÅ-MM-DD (tomt = dagens datum)",
    en: "YYYY-MM-DD (empty = today)",
};
pub const YYYY_MM_DD_HH_MM_EMPTY: Text = Text {
    sv: "ÅÅÅÅ-MM-DD TT:MM (tomt = resultat per nu)",
    en: "YYYY-MM-DD HH:MM (empty = results as of now)",
};

/// Every message of this screen, for the placeholder test.
pub const MESSAGES: &[Text] = &[
    ABOUT_THE_AUDIT,
    ADMINISTRATION,
    ANSWERS_AFTER_AT_MOST,
    AUDITORS,
    AUDIT_CLOSED,
    CLOSED_DATES,
    COMMITTEE,
    CRITERIA,
    DAYS_COUNT_LATER_ANSWERS_COUNT_AS,
    DEADLINE_COUNTED_IN,
    DEADLINE_HOURS,
    DIARY_NUMBER,
    E_G,
    FIRST_AND_LAST_NAMES_COMMA_SEPARATED,
    HOURS_A_DEADLINE_ENDING_ON_A,
    HOW_THE_DEADLINE_IS_COUNTED,
    LONGEST_RESPONSE_TIME,
    LONGEST_RESPONSE_TIME_DAYS,
    LONGEST_RESPONSE_TIME_IN_DAYS,
    N1_AUDIT,
    ONLY_HOURS_ON_WORKING_DAYS_COUNT,
    ORGANISATION,
    PERIOD,
    PLATFORMS_IN_SCOPE,
    QUESTIONS_ARE_GIVEN_TO_THE_ACCOUNTS,
    QUESTION_BANK_ONE_QUESTION_PER_LINE,
    READ_AS,
    REPORT_DATE,
    REPORT_TITLE,
    RESTORE_THE_TEMPLATES_CRITERIA,
    RESULTS_ARE_COMPUTED_AS_THEY_STOOD,
    RESULTS_REPORTED_TO,
    SIGNATURE,
    THE_ANSWER_MUST_END_WITH_THE,
    THE_CRITERIA_DIFFER_FROM_THE_TEMPLATE,
    THE_PLATFORMS,
    THE_SIGNATURE_REQUIREMENT,
    WRITE_THE_DATE_AS_YYYY_MM,
    WRITE_THE_TIME_AS_YYYY_MM,
    YEAR,
    YYYY_MM_DD_EMPTY_TODAY,
    YYYY_MM_DD_HH_MM_EMPTY,
];
