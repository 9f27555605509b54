//! Step 2, Konton: the register and the sample.

use crate::i18n::Text;

pub const ACCOUNT_UNIT_URL: Text = Text {
    sv: "konto, verksamhet, URL",
    en: "account, unit, URL",
};
pub const ADD_ACCOUNT: Text = Text {
    sv: "+ Lägg till konto",
    en: "+ Add account",
};
pub const ALL: Text = Text {
    sv: "alla",
    en: "all",
};
pub const ALL_ACTIVE_ACCOUNTS: Text = Text {
    sv: "Alla aktiva konton",
    en: "All active accounts",
};
pub const APPLY_THE_SAMPLE: Text = Text {
    sv: "Tillämpa urvalet",
    en: "Apply the sample",
};
pub const ASSIGN_QUESTIONS: Text = Text {
    sv: "Tilldela frågor",
    en: "Assign questions",
};
pub const A_NEW_ACCOUNTS_P_NEW_QUESTIONS: Text = Text {
    sv: "{a|nytt konto|nya konton}, {p|ny fråga|nya frågor}, {u|uppdaterad fråga|uppdaterade frågor}.",
    en: "{a|new account|new accounts}, {p|new question|new questions}, {u|updated question|updated questions}.",
};
pub const CHOOSE_BY_HAND: Text = Text {
    sv: "Välj för hand",
    en: "Choose by hand",
};
pub const DONE: Text = Text {
    sv: "Klar",
    en: "Done",
};
pub const EXCLUDED: Text = Text {
    sv: "undantaget",
    en: "excluded",
};
pub const E_G_THE_ACCOUNT_WAS_CLOSED: Text = Text {
    sv: "t.ex. kontot avslutades 2018",
    en: "e.g. the account was closed in 2018",
};
pub const GIVES_EVERY_SAMPLED_ACCOUNT_WITHOUT_A: Text = Text {
    sv: "Ger varje konto i urvalet som saknar fråga en fråga ur frågebanken.",
    en: "Gives every sampled account without a question one from the question bank.",
};
pub const IMPORTED: Text = Text {
    sv: "Importerade",
    en: "Imported",
};
pub const IMPORT_FROM_PATH: Text = Text {
    sv: "Importera från sökväg …",
    en: "Import from path …",
};
pub const IN_THE_SAMPLE: Text = Text {
    sv: "I urvalet",
    en: "In the sample",
};
pub const IN_THE_SAMPLE_2: Text = Text {
    sv: "ingår i urvalet",
    en: "in the sample",
};
pub const MARKS_WHICH_ACCOUNTS_ARE_AUDITED: Text = Text {
    sv: "Markerar vilka konton som ingår i granskningen.",
    en: "Marks which accounts are audited.",
};
pub const N2_ACCOUNTS: Text = Text {
    sv: "2  Konton",
    en: "2  Accounts",
};
pub const NAME: Text = Text {
    sv: "Namn",
    en: "Name",
};
pub const NEW_ACCOUNT: Text = Text {
    sv: "Nytt konto",
    en: "New account",
};
pub const NEW_SEED: Text = Text {
    sv: "Nytt frö",
    en: "New seed",
};
pub const NOTE_N_ACCOUNTS_WITH_LOGGED_QUESTIONS: Text = Text {
    sv: "Obs: {n|konto|konton} med loggade frågor ingår inte längre (Ctrl+Z ångrar).",
    en: "Note: {n|account|accounts} with logged questions no longer audited (Ctrl+Z undoes).",
};
pub const NOTHING_WAS_IMPORTED_CORRECT_THE_FILE: Text = Text {
    sv: "Inget importerades. Rätta filen och importera igen.",
    en: "Nothing was imported. Correct the file and import it again.",
};
pub const NUMBER: Text = Text {
    sv: "Antal",
    en: "Number",
};
pub const N_ACCOUNTS_ARE_AUDITED: Text = Text {
    sv: "{n|konto|konton} ingår i granskningen.",
    en: "Audited: {n|account|accounts}.",
};
pub const N_ACCOUNTS_IN_THE_REGISTER_A: Text = Text {
    sv: "{n|konto|konton} i registret, {a} i granskningen, {e} undantagna",
    en: "{n|account|accounts} in the register, {a} audited, {e} excluded",
};
pub const N_ERRORS: Text = Text {
    sv: "{n|fel|fel}.",
    en: "{n|error|errors}.",
};
pub const N_QUESTIONS_LOGGED_QUESTIONS_ARE_EDITED: Text = Text {
    sv: "{n|fråga|frågor} loggade. Frågorna redigeras i steg 3.",
    en: "{n|question|questions} logged. Questions are edited in step 3.",
};
pub const N_QUESTIONS_WERE_ASSIGNED: Text = Text {
    sv: "{n|fråga|frågor} tilldelades.",
    en: "Assigned: {n|question|questions}.",
};
pub const OR_DROP_A_CSV_FILE_ON: Text = Text {
    sv: "eller dra en CSV-fil till fönstret",
    en: "or drop a CSV file on the window",
};
pub const PER_PLATFORM: Text = Text {
    sv: "per plattform",
    en: "per platform",
};
pub const QUESTIONS: Text = Text {
    sv: "Frågor",
    en: "Questions",
};
pub const RANDOM_SAMPLE: Text = Text {
    sv: "Slumpmässigt urval",
    en: "Random sample",
};
pub const RANDOM_SEED: Text = Text {
    sv: "Slumpfrö",
    en: "Random seed",
};
pub const REASON_FOR_EXCLUSION: Text = Text {
    sv: "Skäl till undantag",
    en: "Reason for exclusion",
};
pub const REGISTER_ORDER: Text = Text {
    sv: "Registerordning",
    en: "Register order",
};
pub const SAMPLE: Text = Text {
    sv: "Urval",
    en: "Sample",
};
pub const SAMPLE_AND_QUESTIONS: Text = Text {
    sv: "Urval och frågor",
    en: "Sample and questions",
};
pub const SHOW_THE_ACCOUNTS_IN_REGISTER_ORDER: Text = Text {
    sv: "Visa kontona i registrets ordning",
    en: "Show the accounts in register order",
};
pub const THE_ACCOUNT: Text = Text {
    sv: "Kontot",
    en: "The account",
};
pub const THE_ACCOUNT_IS_NOT_AUDITED_IT: Text = Text {
    sv: "Kontot granskas inte: det är",
    en: "The account is not audited: it is",
};
pub const THE_QUESTION_BANK_IS_EMPTY_FILL: Text = Text {
    sv: "Frågebanken är tom: fyll i den i steg 1.",
    en: "The question bank is empty: fill it in in step 1.",
};
pub const THE_REGISTER_IS_EMPTY_IMPORT_A: Text = Text {
    sv: "Registret är tomt. Importera en CSV-fil (kolumner: konto, plattform, verksamhet, url, status …) eller lägg till konton för hand.",
    en: "The register is empty. Import a CSV file (columns: account, platform, unit, url, status …) or add accounts by hand.",
};
pub const THE_SAME_SEED_GIVES_THE_SAME: Text = Text {
    sv: "Samma frö ger samma urval: fröet sparas i granskningen.",
    en: "The same seed gives the same sample: the seed is saved in the audit.",
};
pub const URL_OR_HANDLE: Text = Text {
    sv: "URL eller konto",
    en: "URL or handle",
};
pub const WAS_DELETED_CTRL_Z_UNDOES: Text = Text {
    sv: "togs bort (Ctrl+Z ångrar).",
    en: "was deleted (Ctrl+Z undoes).",
};

pub const SAMPLE_NOT_APPLIED: Text = Text {
    sv: "Urvalet är ändrat men inte tillämpat än: klicka på Tillämpa urvalet.",
    en: "The sample settings changed but are not applied yet: click Apply the sample.",
};
/// Every message of this screen, for the placeholder test.
pub const MESSAGES: &[Text] = &[
    SAMPLE_NOT_APPLIED,
    ACCOUNT_UNIT_URL,
    ADD_ACCOUNT,
    ALL,
    ALL_ACTIVE_ACCOUNTS,
    APPLY_THE_SAMPLE,
    ASSIGN_QUESTIONS,
    A_NEW_ACCOUNTS_P_NEW_QUESTIONS,
    CHOOSE_BY_HAND,
    DONE,
    EXCLUDED,
    E_G_THE_ACCOUNT_WAS_CLOSED,
    GIVES_EVERY_SAMPLED_ACCOUNT_WITHOUT_A,
    IMPORTED,
    IMPORT_FROM_PATH,
    IN_THE_SAMPLE,
    IN_THE_SAMPLE_2,
    MARKS_WHICH_ACCOUNTS_ARE_AUDITED,
    N2_ACCOUNTS,
    NAME,
    NEW_ACCOUNT,
    NEW_SEED,
    NOTE_N_ACCOUNTS_WITH_LOGGED_QUESTIONS,
    NOTHING_WAS_IMPORTED_CORRECT_THE_FILE,
    NUMBER,
    N_ACCOUNTS_ARE_AUDITED,
    N_ACCOUNTS_IN_THE_REGISTER_A,
    N_ERRORS,
    N_QUESTIONS_LOGGED_QUESTIONS_ARE_EDITED,
    N_QUESTIONS_WERE_ASSIGNED,
    OR_DROP_A_CSV_FILE_ON,
    PER_PLATFORM,
    QUESTIONS,
    RANDOM_SAMPLE,
    RANDOM_SEED,
    REASON_FOR_EXCLUSION,
    REGISTER_ORDER,
    SAMPLE,
    SAMPLE_AND_QUESTIONS,
    SHOW_THE_ACCOUNTS_IN_REGISTER_ORDER,
    THE_ACCOUNT,
    THE_ACCOUNT_IS_NOT_AUDITED_IT,
    THE_QUESTION_BANK_IS_EMPTY_FILL,
    THE_REGISTER_IS_EMPTY_IMPORT_A,
    THE_SAME_SEED_GIVES_THE_SAME,
    URL_OR_HANDLE,
    WAS_DELETED_CTRL_Z_UNDOES,
];
