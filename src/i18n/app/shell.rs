//! The window around the screens: menus, side bar, banners, dialogs, file operations.

use crate::i18n::Text;

pub const ALL_SAVED: Text = Text {
    sv: "Allt sparat",
    en: "All saved",
};
pub const ALL_SAVED_2: Text = Text {
    sv: "allt sparat",
    en: "all saved",
};
pub const ATTACH_EVIDENCE_SCREENSHOT: Text = Text {
    sv: "Bifoga bevis (skärmbild)",
    en: "Attach evidence (screenshot)",
};
pub const ATTACH_FILE: Text = Text {
    sv: "Bifoga fil …",
    en: "Attach file …",
};
pub const CANCEL: Text = Text {
    sv: "Avbryt",
    en: "Cancel",
};
pub const CLOSE_THE_AUDIT: Text = Text {
    sv: "Stäng granskningen",
    en: "Close the audit",
};
pub const CLOSE_WITHOUT_SAVING: Text = Text {
    sv: "Stäng utan att spara",
    en: "Close without saving",
};
pub const COULD_NOT_BE_SAVED: Text = Text {
    sv: "kunde inte sparas",
    en: "could not be saved",
};
pub const COULD_NOT_OPEN_THE_FILE: Text = Text {
    sv: "Kunde inte öppna filen",
    en: "Could not open the file",
};
pub const COULD_NOT_SAVE: Text = Text {
    sv: "Kunde inte spara!",
    en: "Could not save!",
};
pub const COULD_NOT_SAVE_BEFORE_CLOSING_THE: Text = Text {
    sv: "Kunde inte spara innan fönstret stängdes",
    en: "Could not save before closing the window",
};
pub const COULD_NOT_SAVE_THE_AUDIT: Text = Text {
    sv: "Kunde inte spara granskningen",
    en: "Could not save the audit",
};
pub const COULD_NOT_START_THE_EXPORT: Text = Text {
    sv: "Kunde inte starta exporten",
    en: "Could not start the export",
};
pub const CREATE_OR_OPEN_AN_AUDIT_BEFORE: Text = Text {
    sv: "Skapa eller öppna en granskning innan du importerar konton.",
    en: "Create or open an audit before importing accounts.",
};
pub const DARK: Text = Text {
    sv: "Mörkt",
    en: "Dark",
};
pub const EXPORT_LOG_EXCEL_CSV: Text = Text {
    sv: "Exportera logg (Excel/CSV) …",
    en: "Export log (Excel/CSV) …",
};
pub const EXPORT_PDF: Text = Text {
    sv: "Exportera PDF …",
    en: "Export PDF …",
};
pub const EXPORT_THE_LOG_EXCEL_OR_CSV: Text = Text {
    sv: "Exportera loggen (Excel eller CSV)",
    en: "Export the log (Excel or CSV)",
};
pub const EXPORT_THE_REPORT_AS_PDF: Text = Text {
    sv: "Exportera rapporten som PDF",
    en: "Export the report as PDF",
};
pub const FILE: Text = Text {
    sv: "Arkiv",
    en: "File",
};
pub const IMPORT_ACCOUNTS_AND_LOG_CSV: Text = Text {
    sv: "Importera konton och logg (CSV)",
    en: "Import accounts and log (CSV)",
};
pub const IMPORT_CSV: Text = Text {
    sv: "Importera CSV …",
    en: "Import CSV …",
};
pub const LANGUAGE: Text = Text {
    sv: "Språk",
    en: "Language",
};
pub const LARGER_TEXT: Text = Text {
    sv: "Större text",
    en: "Larger text",
};
pub const LIGHT: Text = Text {
    sv: "Ljust",
    en: "Light",
};
pub const LIKE_THE_SYSTEM: Text = Text {
    sv: "Som systemet",
    en: "Like the system",
};
pub const NEW_AUDIT: Text = Text {
    sv: "Ny granskning",
    en: "New audit",
};
pub const NEW_AUDIT_2: Text = Text {
    sv: "Ny granskning …",
    en: "New audit …",
};
pub const NEW_AUDIT_FROM_A_TEMPLATE_FILE: Text = Text {
    sv: "Ny granskning från en mallfil",
    en: "New audit from a template file",
};
pub const NORMAL_TEXT_SIZE: Text = Text {
    sv: "Normal textstorlek",
    en: "Normal text size",
};
pub const NOT_SAVED_TO_A_FILE: Text = Text {
    sv: "Inte sparad till fil",
    en: "Not saved to a file",
};
pub const NOT_SAVED_TO_A_FILE_2: Text = Text {
    sv: "inte sparad till fil",
    en: "not saved to a file",
};
pub const NO_RECENT_AUDITS: Text = Text {
    sv: "Inga senaste granskningar",
    en: "No recent audits",
};
pub const NO_SUCH_TEMPLATE: Text = Text {
    sv: "Ingen sådan mall",
    en: "No such template",
};
pub const NO_TITLE: Text = Text {
    sv: "titel saknas",
    en: "no title",
};
pub const N_ACCOUNTS_S_SAMPLED: Text = Text {
    sv: "{n|konto|konton}, {s} i urvalet",
    en: "{n|account|accounts}, {s} sampled",
};
pub const N_ACTIONS: Text = Text {
    sv: "{n|åtgärd|åtgärder}",
    en: "{n|action|actions}",
};
pub const OK: Text = Text { sv: "OK", en: "OK" };
pub const OPEN: Text = Text {
    sv: "Öppna …",
    en: "Open …",
};
pub const OPEN_AN_EARLIER_AUDIT_TO_COMPARE: Text = Text {
    sv: "Öppna en tidigare granskning att jämföra med",
    en: "Open an earlier audit to compare with",
};
pub const OPEN_AUDIT: Text = Text {
    sv: "Öppna granskning",
    en: "Open audit",
};
pub const OPEN_BY_PATH: Text = Text {
    sv: "Öppna med sökväg …",
    en: "Open by path …",
};
pub const PATH_TO_THE_FILE: Text = Text {
    sv: "Sökväg till filen:",
    en: "Path to the file:",
};
/// The typed-path prompt of a command that writes into a folder.
pub const PATH_TO_THE_FOLDER: Text = Text {
    sv: "Sökväg till mappen (skapas om den inte finns):",
    en: "Path to the folder (made if it does not exist):",
};
pub const P_OF_T_POSTED_A_ANSWERED: Text = Text {
    sv: "{p} av {t} ställda, {a} besvarade",
    en: "{p} of {t} posted, {a} answered",
};
pub const QUIT: Text = Text {
    sv: "Avsluta",
    en: "Quit",
};
pub const RECENT: Text = Text {
    sv: "Senaste",
    en: "Recent",
};
pub const REDO: Text = Text {
    sv: "Gör om",
    en: "Redo",
};
pub const SAVE: Text = Text {
    sv: "Spara",
    en: "Save",
};
pub const SAVED_FROM_THE_AUDIT: Text = Text {
    sv: "Sparad från granskningen",
    en: "Saved from the audit",
};
pub const SAVE_AS: Text = Text {
    sv: "Spara som …",
    en: "Save as …",
};
pub const START_FOLLOWUP: Text = Text {
    sv: "Starta uppföljning …",
    en: "Start a follow-up …",
};
pub const START_FOLLOWUP_TOOLTIP: Text = Text {
    sv: "Nästa års granskning från denna: registret, kriterierna, texterna och åtgärderna följer med, denna gransknings siffror blir en tidigare granskning. Inga frågor följer med.",
    en: "Next year's audit from this one: the register, criteria, texts and actions are carried over, this audit's figures become an earlier audit. No questions are carried over.",
};
pub const SAVE_THE_FOLLOWUP: Text = Text {
    sv: "Spara uppföljningen (nästa års granskning)",
    en: "Save the follow-up (next year's audit)",
};
pub const SAVE_AS_TEMPLATE: Text = Text {
    sv: "Spara som mall …",
    en: "Save as template …",
};
pub const SAVE_THE_AUDITS_CRITERIA_AND_TEXTS: Text = Text {
    sv: "Spara granskningens kriterier och texter som mall",
    en: "Save the audit's criteria and texts as a template",
};
pub const SAVE_THE_AUDIT_AS: Text = Text {
    sv: "Spara granskningen som",
    en: "Save the audit as",
};
pub const SAVE_THE_CRITERIA_THE_QUESTION_BANK: Text = Text {
    sv: "Spara kriterierna, frågebanken och rapportens texter som en ny mall",
    en: "Save the criteria, the question bank and the report's texts as a new template",
};
pub const SAVING: Text = Text {
    sv: "Sparar …",
    en: "Saving …",
};
pub const SAVING_2: Text = Text {
    sv: "sparar …",
    en: "saving …",
};
pub const SMALLER_TEXT: Text = Text {
    sv: "Mindre text",
    en: "Smaller text",
};
pub const TAKE_THE_FIGURES_FROM_AN_AUDIT: Text = Text {
    sv: "Hämta siffror från en granskningsfil …",
    en: "Take the figures from an audit file …",
};
pub const THEME: Text = Text {
    sv: "Tema",
    en: "Theme",
};
pub const THE_AUDIT_COULD_NOT_BE_SAVED: Text = Text {
    sv: "Granskningen kunde inte sparas till sin fil. Spara den någon annanstans, annars går de senaste ändringarna förlorade.",
    en: "The audit could not be saved to its file. Save it somewhere else, or the latest changes are lost.",
};
pub const THE_AUDIT_COULD_NOT_BE_SAVED_2: Text = Text {
    sv: "Granskningen kunde inte sparas:",
    en: "The audit could not be saved:",
};
pub const THE_AUDIT_IS_NOT_SAVED: Text = Text {
    sv: "Granskningen är inte sparad",
    en: "The audit is not saved",
};
pub const THE_AUDIT_IS_NOT_SAVED_TO: Text = Text {
    sv: "Granskningen är inte sparad till någon fil än. När den har en fil sparas varje ändring automatiskt.",
    en: "The audit is not saved to a file yet. Once it has a file, every change is saved automatically.",
};
pub const THE_EXAMPLE_WAS_NOT_FOUND: Text = Text {
    sv: "Exemplet hittades inte",
    en: "The example was not found",
};
pub const THE_EXAMPLE_WAS_OPENED_AS_A: Text = Text {
    sv: "Exemplet öppnades som en kopia: exempelfilen som följer med Svarskoll ändras aldrig.",
    en: "The example was opened as a copy: the example file that comes with Svarskoll never changes.",
};
pub const THE_EXPORT_STOPPED_UNEXPECTEDLY: Text = Text {
    sv: "Exporten avbröts oväntat",
    en: "The export stopped unexpectedly",
};
pub const THE_LOG_WAS_EXPORTED: Text = Text {
    sv: "Loggen exporterades",
    en: "The log was exported",
};
pub const THE_TEMPLATE_WAS_SAVED: Text = Text {
    sv: "Mallen sparades",
    en: "The template was saved",
};
pub const THIS_AUDIT_HAS_NO_FILE_YET: Text = Text {
    sv: "Den här granskningen har ingen fil än. Spara den, annars går det du har gjort förlorat.",
    en: "This audit has no file yet. Save it, or what you have done is lost.",
};
pub const TRY_AGAIN: Text = Text {
    sv: "Försök igen",
    en: "Try again",
};
pub const UNDO: Text = Text {
    sv: "Ångra",
    en: "Undo",
};

pub const STEP_START: Text = Text {
    sv: "Start",
    en: "Start",
};
pub const STEP_AUDIT: Text = Text {
    sv: "Granskning",
    en: "Audit",
};
pub const STEP_ACCOUNTS: Text = Text {
    sv: "Konton",
    en: "Accounts",
};
pub const STEP_LOG: Text = Text {
    sv: "Frågor och logg",
    en: "Questions and log",
};
pub const STEP_RESULTS: Text = Text {
    sv: "Resultat",
    en: "Results",
};
pub const STEP_REPORT: Text = Text {
    sv: "Rapport",
    en: "Report",
};
pub const ENTRY_NOT_ACCEPTED: Text = Text {
    sv: "ett inskrivet värde godtogs inte",
    en: "a typed value was not accepted",
};
pub const UNACCEPTED_ENTRY_HEADING: Text = Text {
    sv: "Ett inskrivet värde har inte sparats",
    en: "A typed value has not been saved",
};
pub const UNACCEPTED_ENTRY_TEXT: Text = Text {
    sv: "Ett värde som skrevs in i loggen godtogs inte och finns bara i fältet. Rätta det, eller stäng utan det.",
    en: "A value typed into the log was not accepted and exists only in its field. Correct it, or close without it.",
};
pub const CLOSE_WITHOUT_THE_VALUE: Text = Text {
    sv: "Stäng utan värdet",
    en: "Close without the value",
};
pub const NO_OPENED_VERSION: Text = Text {
    sv: "Det finns ingen version från när filen öppnades",
    en: "There is no version from when the file was opened",
};
pub const LOCKED_HEADING: Text = Text {
    sv: "Granskningen är öppen hos någon annan",
    en: "The audit is open elsewhere",
};
pub const LOCKED_BY: Text = Text {
    sv: "Öppnad av",
    en: "Opened by",
};
pub const LOCKED_TEXT: Text = Text {
    sv: "Öppna den skrivskyddad för att läsa, eller ta över den om den andra inte längre arbetar i den (deras osparade ändringar kan då gå förlorade).",
    en: "Open it read-only to read it, or take it over if the other person no longer works in it (their unsaved changes may then be lost).",
};
pub const OPEN_READ_ONLY: Text = Text {
    sv: "Öppna skrivskyddad",
    en: "Open read-only",
};
pub const TAKE_OVER: Text = Text {
    sv: "Ta över",
    en: "Take over",
};
pub const READ_ONLY_HELD: Text = Text {
    sv: "Skrivskyddad: granskningen är öppen hos",
    en: "Read-only: the audit is open at",
};
pub const READ_ONLY_FILE: Text = Text {
    sv: "Skrivskyddad: filen är skrivskyddad. Inget ändras och inget sparas.",
    en: "Read-only: the file is read-only. Nothing is changed and nothing is saved.",
};
pub const NOTHING_IS_SAVED: Text = Text {
    sv: "Inget ändras och inget sparas.",
    en: "Nothing is changed and nothing is saved.",
};
pub const CHANGED_ON_DISK: Text = Text {
    sv: "Någon annan har ändrat granskningsfilen sedan den lästes in. Dina ändringar har inte sparats, och deras har inte skrivits över.",
    en: "Someone else has changed the audit file since it was read. Your changes have not been saved, and theirs have not been overwritten.",
};
pub const RELOAD_THEIRS: Text = Text {
    sv: "Läs in deras version",
    en: "Load their version",
};
pub const SAVE_MINE_AS_COPY: Text = Text {
    sv: "Spara min som kopia …",
    en: "Save mine as a copy …",
};
pub const OVERWRITE: Text = Text {
    sv: "Skriv över …",
    en: "Overwrite …",
};
pub const CONFIRM_OVERWRITE: Text = Text {
    sv: "Skriv över den andras version med din? Deras ändringar går förlorade.",
    en: "Overwrite the other version with yours? Their changes are lost.",
};
pub const CONFIRM_RESTORE: Text = Text {
    sv: "Återställ granskningen till hur den var när filen öppnades? Ändringarna sedan dess kan ångras med Ctrl+Z.",
    en: "Restore the audit to how it was when the file was opened? The changes since can be undone with Ctrl+Z.",
};
pub const RESTORE_OPENED: Text = Text {
    sv: "Återställ version från när filen öppnades …",
    en: "Restore the version from when the file was opened …",
};
pub const YES_OVERWRITE: Text = Text {
    sv: "Ja, skriv över",
    en: "Yes, overwrite",
};
pub const YES_RESTORE: Text = Text {
    sv: "Ja, återställ",
    en: "Yes, restore",
};
pub const REPORT_HAS_ERRORS: Text = Text {
    sv: "Rapporten skapas inte: granskningen har fel (se Resultat → Kontroll)",
    en: "The report is not made: the audit has errors (see Results → Check)",
};
pub const FILE_DOES_NOT_EXIST: Text = Text {
    sv: "Filen finns inte",
    en: "The file does not exist",
};
pub const READ_ONLY_TITLE: Text = Text {
    sv: "skrivskyddad",
    en: "read-only",
};
pub const MERGE_PARTS: Text = Text {
    sv: "Slå ihop delar …",
    en: "Merge parts …",
};
pub const MERGE_PARTS_TOOLTIP: Text = Text {
    sv: "Hämta tillbaka granskarnas delar (gjorda med svarskoll split) till den öppna granskningen. Konton och frågor matchas på sina id; konflikter visas sida vid sida så att du väljer.",
    en: "Bring the auditors' parts (made by svarskoll split) back into the open audit. Accounts and questions are matched by their ids; conflicts are shown side by side for you to choose.",
};
pub const CHOOSE_THE_PARTS_TO_MERGE: Text = Text {
    sv: "Välj delarna att slå ihop med granskningen",
    en: "Choose the parts to merge into the audit",
};
pub const PATHS_ONE_PER_LINE: Text = Text {
    sv: "Sökvägar till filerna, en per rad:",
    en: "Paths to the files, one per line:",
};
pub const MERGE_CONFLICTS_HEADING: Text = Text {
    sv: "Välj vid konflikterna",
    en: "Choose at the conflicts",
};
pub const MERGE_CONFLICTS_TEXT: Text = Text {
    sv: "Samma konto eller fråga har ändrats olika på två ställen. Välj för varje konflikt vilket värde som gäller; inget slås ihop förrän alla är valda. Sammanslagningen blir ett steg som kan ångras.",
    en: "The same account or question was changed differently in two places. Choose for each conflict which value holds; nothing is merged until all are chosen. The merge is one step that can be undone.",
};
pub const AT_THE_SPLIT: Text = Text {
    sv: "Vid delningen",
    en: "At the split",
};
pub const N_OF_M_CHOSEN: Text = Text {
    sv: "{n} av {m} valda",
    en: "{n} of {m} chosen",
};
pub const MERGE_WITH_THESE_CHOICES: Text = Text {
    sv: "Slå ihop med dessa val",
    en: "Merge with these choices",
};
pub const THE_PARTS_WERE_MERGED: Text = Text {
    sv: "Delarna slogs ihop",
    en: "The parts were merged",
};
pub const THE_AUDIT_CHANGED_MERGE_AGAIN: Text = Text {
    sv: "Granskningen ändrades medan konflikterna visades; inget slogs ihop. Slå ihop delarna igen.",
    en: "The audit changed while the conflicts were shown; nothing was merged. Merge the parts again.",
};
pub const SAVE_BEFORE_MERGING: Text = Text {
    sv: "Spara granskningen till en fil innan du slår ihop delar (delarnas bevisfiler kopieras till dess bevismapp).",
    en: "Save the audit to a file before merging parts (the parts' evidence files are copied to its evidence folder).",
};
pub const READ_ONLY_NOTHING_MERGED: Text = Text {
    sv: "Granskningen är skrivskyddad; inget slogs ihop.",
    en: "The audit is read-only; nothing was merged.",
};
/// Every message of this screen, for the placeholder test.
pub const MESSAGES: &[Text] = &[
    MERGE_PARTS,
    MERGE_PARTS_TOOLTIP,
    CHOOSE_THE_PARTS_TO_MERGE,
    PATHS_ONE_PER_LINE,
    MERGE_CONFLICTS_HEADING,
    MERGE_CONFLICTS_TEXT,
    AT_THE_SPLIT,
    N_OF_M_CHOSEN,
    MERGE_WITH_THESE_CHOICES,
    THE_PARTS_WERE_MERGED,
    THE_AUDIT_CHANGED_MERGE_AGAIN,
    SAVE_BEFORE_MERGING,
    READ_ONLY_NOTHING_MERGED,
    READ_ONLY_TITLE,
    FILE_DOES_NOT_EXIST,
    REPORT_HAS_ERRORS,
    YES_RESTORE,
    YES_OVERWRITE,
    RESTORE_OPENED,
    CONFIRM_RESTORE,
    CONFIRM_OVERWRITE,
    OVERWRITE,
    SAVE_MINE_AS_COPY,
    RELOAD_THEIRS,
    CHANGED_ON_DISK,
    NOTHING_IS_SAVED,
    READ_ONLY_FILE,
    READ_ONLY_HELD,
    TAKE_OVER,
    OPEN_READ_ONLY,
    LOCKED_TEXT,
    LOCKED_BY,
    LOCKED_HEADING,
    NO_OPENED_VERSION,
    CLOSE_WITHOUT_THE_VALUE,
    UNACCEPTED_ENTRY_TEXT,
    UNACCEPTED_ENTRY_HEADING,
    ENTRY_NOT_ACCEPTED,
    ALL_SAVED,
    ALL_SAVED_2,
    ATTACH_EVIDENCE_SCREENSHOT,
    ATTACH_FILE,
    CANCEL,
    CLOSE_THE_AUDIT,
    CLOSE_WITHOUT_SAVING,
    COULD_NOT_BE_SAVED,
    COULD_NOT_OPEN_THE_FILE,
    COULD_NOT_SAVE,
    COULD_NOT_SAVE_BEFORE_CLOSING_THE,
    COULD_NOT_SAVE_THE_AUDIT,
    COULD_NOT_START_THE_EXPORT,
    CREATE_OR_OPEN_AN_AUDIT_BEFORE,
    DARK,
    EXPORT_LOG_EXCEL_CSV,
    EXPORT_PDF,
    EXPORT_THE_LOG_EXCEL_OR_CSV,
    EXPORT_THE_REPORT_AS_PDF,
    FILE,
    IMPORT_ACCOUNTS_AND_LOG_CSV,
    IMPORT_CSV,
    LANGUAGE,
    LARGER_TEXT,
    LIGHT,
    LIKE_THE_SYSTEM,
    NEW_AUDIT,
    NEW_AUDIT_2,
    NEW_AUDIT_FROM_A_TEMPLATE_FILE,
    NORMAL_TEXT_SIZE,
    NOT_SAVED_TO_A_FILE,
    NOT_SAVED_TO_A_FILE_2,
    NO_RECENT_AUDITS,
    NO_SUCH_TEMPLATE,
    NO_TITLE,
    N_ACCOUNTS_S_SAMPLED,
    N_ACTIONS,
    OK,
    OPEN,
    OPEN_AN_EARLIER_AUDIT_TO_COMPARE,
    OPEN_AUDIT,
    OPEN_BY_PATH,
    PATH_TO_THE_FILE,
    PATH_TO_THE_FOLDER,
    P_OF_T_POSTED_A_ANSWERED,
    QUIT,
    RECENT,
    REDO,
    SAVE,
    SAVED_FROM_THE_AUDIT,
    SAVE_AS,
    SAVE_AS_TEMPLATE,
    SAVE_THE_FOLLOWUP,
    START_FOLLOWUP,
    START_FOLLOWUP_TOOLTIP,
    SAVE_THE_AUDITS_CRITERIA_AND_TEXTS,
    SAVE_THE_AUDIT_AS,
    SAVE_THE_CRITERIA_THE_QUESTION_BANK,
    SAVING,
    SAVING_2,
    SMALLER_TEXT,
    TAKE_THE_FIGURES_FROM_AN_AUDIT,
    THEME,
    THE_AUDIT_COULD_NOT_BE_SAVED,
    THE_AUDIT_COULD_NOT_BE_SAVED_2,
    THE_AUDIT_IS_NOT_SAVED,
    THE_AUDIT_IS_NOT_SAVED_TO,
    THE_EXAMPLE_WAS_NOT_FOUND,
    THE_EXAMPLE_WAS_OPENED_AS_A,
    THE_EXPORT_STOPPED_UNEXPECTEDLY,
    THE_LOG_WAS_EXPORTED,
    THE_TEMPLATE_WAS_SAVED,
    THIS_AUDIT_HAS_NO_FILE_YET,
    TRY_AGAIN,
    UNDO,
    STEP_START,
    STEP_AUDIT,
    STEP_ACCOUNTS,
    STEP_LOG,
    STEP_RESULTS,
    STEP_REPORT,
];
