//! Step 3, Frågor och logg.

use crate::i18n::Text;

pub const ACCOUNT_UNIT_QUESTION: Text = Text {
    sv: "konto, verksamhet, fråga",
    en: "account, unit, question",
};
pub const ADD_A_QUESTION: Text = Text {
    sv: "Lägg till en fråga",
    en: "Add a question",
};
pub const ADD_A_QUESTION_TO_THE_ACCOUNT: Text = Text {
    sv: "Lägg till en fråga till kontot",
    en: "Add a question to the account",
};
pub const AGO: Text = Text {
    sv: "sedan",
    en: "ago",
};
pub const ALL_QUESTIONS: Text = Text {
    sv: "alla frågor",
    en: "all questions",
};
pub const ANSWERED: Text = Text {
    sv: "Besvarad",
    en: "Answered",
};
pub const ATTACH_FROM_PATH: Text = Text {
    sv: "Bifoga från sökväg …",
    en: "Attach from path …",
};
pub const CHECK_NOW: Text = Text {
    sv: "Att kontrollera nu",
    en: "Check now",
};
pub const CREATE_QUESTIONS_FOR_THEM: Text = Text {
    sv: "Skapa frågor åt dem",
    en: "Create questions for them",
};
pub const DELETE_THE_QUESTION: Text = Text {
    sv: "Ta bort frågan",
    en: "Delete the question",
};
pub const EVIDENCE: Text = Text {
    sv: "Bevis",
    en: "Evidence",
};
pub const IN: Text = Text { sv: "om", en: "in" };
pub const LEFT: Text = Text {
    sv: "kvar",
    en: "left",
};
pub const N3_QUESTIONS_AND_LOG: Text = Text {
    sv: "3  Frågor och logg",
    en: "3  Questions and log",
};
pub const NO: Text = Text {
    sv: "nej",
    en: "no",
};
pub const NOTE: Text = Text {
    sv: "Anteckning",
    en: "Note",
};
pub const NOTHING_RIGHT_NOW: Text = Text {
    sv: "inget just nu",
    en: "nothing right now",
};
pub const NOTHING_WAS_CHANGED_ESC_REVERTS: Text = Text {
    sv: "Inget ändrades; Esc ångrar.",
    en: "Nothing was changed; Esc reverts.",
};
pub const NO_ACCOUNTS_ARE_AUDITED_YET_CHOOSE: Text = Text {
    sv: "Inga konton ingår i granskningen än. Välj konton och tilldela frågor i steg 2, Konton.",
    en: "No accounts are audited yet. Choose accounts and assign questions in step 2, Accounts.",
};
pub const NO_EVIDENCE_YET: Text = Text {
    sv: "Inga bevis än.",
    en: "No evidence yet.",
};
pub const N_PIECES_OF_EVIDENCE_SCREENSHOTS_CLICK: Text = Text {
    sv: "{n} bevis (skärmbilder). Klicka för att bifoga, öppna eller ta bort.",
    en: "{n} pieces of evidence (screenshots). Click to attach, open or remove.",
};
pub const N_QUESTIONS_I_IN_TIME_L: Text = Text {
    sv: "{n|fråga|frågor}: {i} i tid, {l} sena, {u} obesvarade, {p} väntar på svar, {x} ej ställda.",
    en: "{n|question|questions}: {i} in time, {l} late, {u} unanswered, {p} awaiting an answer, {x} not posted.",
};
pub const N_SAMPLED_ACCOUNTS_HAVE_NO_QUESTION: Text = Text {
    sv: "{n|konto|konton} i urvalet saknar fråga.",
    en: "Without a question: {n|sampled account|sampled accounts}.",
};
pub const OR_DROP_A_SCREENSHOT_HERE_WHILE: Text = Text {
    sv: "eller dra en skärmbild hit medan fönstret är öppet. Filen kopieras till granskningens bevismapp.",
    en: "or drop a screenshot here while this window is open. The file is copied into the audit's evidence folder.",
};
pub const PASSED: Text = Text {
    sv: "passerad",
    en: "passed",
};
pub const POSTED: Text = Text {
    sv: "Ställd",
    en: "Posted",
};
pub const QUESTION: Text = Text {
    sv: "+ Fråga",
    en: "+ Question",
};
pub const QUESTIONS_WHOSE_DEADLINE_IS_NEAR_OR: Text = Text {
    sv: "Frågor vars svarsfrist snart går ut eller nyss har gått ut.",
    en: "Questions whose deadline is near or has just passed.",
};
pub const QUESTION_2: Text = Text {
    sv: "Fråga",
    en: "Question",
};
pub const REMOVE_THE_REFERENCE: Text = Text {
    sv: "Ta bort hänvisningen",
    en: "Remove the reference",
};
pub const SET_TO_THE_CURRENT_MINUTE_ENTER: Text = Text {
    sv: "Sätt till nuvarande minut (Enter i ett tomt fält gör samma sak)",
    en: "Set to the current minute (Enter in an empty field does the same)",
};
pub const SHOW_ALL_N: Text = Text {
    sv: "visa alla {n}",
    en: "show all {n}",
};
pub const SIGNED: Text = Text {
    sv: "Signerad",
    en: "Signed",
};
pub const SIGNED_WITH_A_FIRST_NAME_CLICK: Text = Text {
    sv: "Signerat med förnamn? Klicka (eller Mellanslag) för att växla – / ja / nej.",
    en: "Signed with a first name? Click (or Space) to cycle – / yes / no.",
};
pub const STATUS_AS_OF: Text = Text {
    sv: "Status per",
    en: "Status as of",
};
pub const THE_AUDITS_CLOSING_TIME_STEP_1: Text = Text {
    sv: "(granskningens stängningstid, steg 1; svar som loggats senare räknas inte)",
    en: "(the audit's closing time, step 1; answers logged later do not count)",
};
pub const THE_FILE_STAYS_IN_THE_EVIDENCE: Text = Text {
    sv: "Filen ligger kvar i bevismappen; bara hänvisningen från frågan tas bort.",
    en: "The file stays in the evidence folder; only the question's reference to it is removed.",
};
pub const TO_CHECK_NOW: Text = Text {
    sv: "att kontrollera nu",
    en: "to check now",
};
pub const UNSAVED_CHANGE: Text = Text {
    sv: "ej sparad ändring",
    en: "unsaved change",
};
pub const YES: Text = Text {
    sv: "ja",
    en: "yes",
};
pub const YYYY_MM_DD_HH_MM: Text = Text {
    sv: "åååå-mm-dd tt:mm",
    en: "yyyy-mm-dd hh:mm",
};

pub const DEADLINE: Text = Text {
    sv: "Svarsfrist",
    en: "Deadline",
};
pub const SIGNED_BUT_NOT_ANSWERED: Text = Text {
    sv: "Signering angiven, men frågan är inte besvarad: fyll i Besvarad eller klicka tills “–”.",
    en: "Signature given, but the question is not answered: fill in Answered or click until “–”.",
};
pub const AND_N_MORE: Text = Text {
    sv: "… och {n} till.",
    en: "… and {n} more.",
};
/// Every message of this screen, for the placeholder test.
pub const MESSAGES: &[Text] = &[
    AND_N_MORE,
    SIGNED_BUT_NOT_ANSWERED,
    ACCOUNT_UNIT_QUESTION,
    ADD_A_QUESTION,
    ADD_A_QUESTION_TO_THE_ACCOUNT,
    AGO,
    ALL_QUESTIONS,
    ANSWERED,
    ATTACH_FROM_PATH,
    CHECK_NOW,
    CREATE_QUESTIONS_FOR_THEM,
    DELETE_THE_QUESTION,
    EVIDENCE,
    IN,
    LEFT,
    N3_QUESTIONS_AND_LOG,
    NO,
    NOTE,
    NOTHING_RIGHT_NOW,
    NOTHING_WAS_CHANGED_ESC_REVERTS,
    NO_ACCOUNTS_ARE_AUDITED_YET_CHOOSE,
    NO_EVIDENCE_YET,
    N_PIECES_OF_EVIDENCE_SCREENSHOTS_CLICK,
    N_QUESTIONS_I_IN_TIME_L,
    N_SAMPLED_ACCOUNTS_HAVE_NO_QUESTION,
    OR_DROP_A_SCREENSHOT_HERE_WHILE,
    PASSED,
    POSTED,
    QUESTION,
    QUESTIONS_WHOSE_DEADLINE_IS_NEAR_OR,
    QUESTION_2,
    REMOVE_THE_REFERENCE,
    SET_TO_THE_CURRENT_MINUTE_ENTER,
    SHOW_ALL_N,
    SIGNED,
    SIGNED_WITH_A_FIRST_NAME_CLICK,
    STATUS_AS_OF,
    THE_AUDITS_CLOSING_TIME_STEP_1,
    THE_FILE_STAYS_IN_THE_EVIDENCE,
    TO_CHECK_NOW,
    UNSAVED_CHANGE,
    YES,
    YYYY_MM_DD_HH_MM,
    DEADLINE,
];
