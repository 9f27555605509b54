//! Step 5, Rapport.

use crate::i18n::Text;

pub const ACTION: Text = Text {
    sv: "Åtgärd",
    en: "Action",
};
pub const ACTIONS: Text = Text {
    sv: "Åtgärder",
    en: "Actions",
};
pub const ADDITION_TO_THE_RESULTS_AFTER_SVARSKOLLS: Text = Text {
    sv: "Tillägg till resultatet (efter Svarskolls resultattext)",
    en: "Addition to the results (after Svarskoll's results text)",
};
pub const ADD_ACTION: Text = Text {
    sv: "+ Lägg till åtgärd",
    en: "+ Add action",
};
pub const ANALYSIS: Text = Text {
    sv: "Analys",
    en: "Analysis",
};
pub const AREAS_AND_ROUTINES_AUDITED: Text = Text {
    sv: "Områden och rutiner som granskas",
    en: "Areas and routines audited",
};
pub const AUDIT_HEADING: Text = Text {
    sv: "Granskningens rubrik",
    en: "Audit heading",
};
pub const CONCLUSION: Text = Text {
    sv: "Slutsats",
    en: "Conclusion",
};
pub const CREATING_THE_REPORT: Text = Text {
    sv: "Skapar rapporten",
    en: "Creating the report",
};
pub const DELETE_ACTION: Text = Text {
    sv: "Ta bort åtgärd",
    en: "Delete action",
};
pub const DESCRIPTION_OF_THE_RISK: Text = Text {
    sv: "Beskrivning av risk",
    en: "Description of the risk",
};
pub const DOWN: Text = Text {
    sv: "nedåt",
    en: "down",
};
/// The checkbox that adds the evidence appendix to the report (`report.evidence_appendix`).
pub const EVIDENCE_APPENDIX: Text = Text {
    sv: "Bilaga med skärmbilder (bevis)",
    en: "Appendix with screenshots (evidence)",
};
/// Shown beside the checkbox while it is ticked.
pub const EVIDENCE_APPENDIX_WARNING: Text = Text {
    sv: "Skärmbilderna kan visa personers namn. En rapport med bilagan är inte avsedd för publicering.",
    en: "The screenshots may show people's names. A report with the appendix is not meant for publication.",
};
/// The Word export's button and its dialog's title.
pub const EXPORT_AS_WORD: Text = Text {
    sv: "Exportera som Word …",
    en: "Export as Word …",
};
pub const EXPORT_THE_REPORT_AS_WORD: Text = Text {
    sv: "Exportera rapporten som Word-dokument",
    en: "Export the report as a Word document",
};
pub const EXPORT_TO_PATH: Text = Text {
    sv: "Exportera till sökväg …",
    en: "Export to path …",
};
pub const METHOD: Text = Text {
    sv: "Granskningsmetod",
    en: "Method",
};
pub const MOVE_ACTION: Text = Text {
    sv: "Flytta åtgärd",
    en: "Move action",
};
pub const N1_INTRODUCTION: Text = Text {
    sv: "1 Inledning",
    en: "1 Introduction",
};
pub const N5_REPORT: Text = Text {
    sv: "5  Rapport",
    en: "5  Report",
};
pub const NO_ACTIONS_YET: Text = Text {
    sv: "Inga åtgärder än.",
    en: "No actions yet.",
};
/// After the Word export, instead of "Öppna rapporten".
pub const OPEN_THE_DOCUMENT: Text = Text {
    sv: "Öppna dokumentet",
    en: "Open the document",
};
pub const OPEN_THE_REPORT: Text = Text {
    sv: "Öppna rapporten",
    en: "Open the report",
};
pub const PURPOSE: Text = Text {
    sv: "Syfte",
    en: "Purpose",
};
pub const REPORT_LANGUAGE: Text = Text {
    sv: "Rapportens språk",
    en: "Report language",
};
pub const RESPONSIBLE: Text = Text {
    sv: "Ansvarig",
    en: "Responsible",
};
pub const RESULTS_REPORTED_TO: Text = Text {
    sv: "Rapportering av resultat till",
    en: "Results reported to",
};
pub const RISK: Text = Text {
    sv: "Risk",
    en: "Risk",
};
pub const SCOPE: Text = Text {
    sv: "Omfattning/avgränsning",
    en: "Scope",
};
pub const TEXTS_FROM_THE_TEMPLATE_RISK_PURPOSE: Text = Text {
    sv: "Texter från mallen (risk, syfte, omfattning, metod)",
    en: "Texts from the template (risk, purpose, scope, method)",
};
pub const THE_REPORT_COULD_NOT_BE_CREATED: Text = Text {
    sv: "Rapporten kunde inte skapas:",
    en: "The report could not be created:",
};
pub const THE_REPORT_IS_MADE_FROM_THE: Text = Text {
    sv: "Rapporten skapas av granskningens uppgifter, resultat, texter och åtgärder. Resultattexten skriver Svarskoll själv.",
    en: "The report is made from the audit's details, results, texts and actions. Svarskoll writes the results text itself.",
};
pub const THE_REPORT_WAS_SAVED: Text = Text {
    sv: "Rapporten sparades:",
    en: "The report was saved:",
};
pub const TITLE: Text = Text {
    sv: "Rubrik",
    en: "Title",
};
pub const UP: Text = Text {
    sv: "uppåt",
    en: "up",
};
pub const WHAT_IS_TO_BE_DONE: Text = Text {
    sv: "Vad ska göras",
    en: "What is to be done",
};
/// The feedback letters' button (and the command's label).
pub const WRITE_LETTERS: Text = Text {
    sv: "Skriv återkopplingsbrev …",
    en: "Write feedback letters …",
};
pub const WRITE_LETTERS_TOOLTIP: Text = Text {
    sv: "Ett kort brev (PDF) till varje verksamhet med ett konto som inte besvarade frågan i tid: kontona och utfallet, regeln och vad som behöver göras. Breven skrivs i rapportens språk.",
    en: "A short letter (PDF) to each unit with an account that did not answer in time: the accounts and their outcomes, the rule and what needs to be done. The letters are written in the report's language.",
};
/// The folder dialog's title.
pub const CHOOSE_THE_LETTERS_FOLDER: Text = Text {
    sv: "Välj mapp för återkopplingsbreven",
    en: "Choose a folder for the feedback letters",
};
/// The checkbox beside the button (`svarskoll letters --all-units`).
pub const LETTERS_TO_ALL_UNITS: Text = Text {
    sv: "Brev till alla verksamheter",
    en: "Letters to every unit",
};
pub const LETTERS_TO_ALL_UNITS_TOOLTIP: Text = Text {
    sv: "Också till verksamheter vars konton besvarade frågan i tid.",
    en: "Also to units whose accounts answered in time.",
};
pub const WRITING_THE_LETTERS: Text = Text {
    sv: "Skriver återkopplingsbreven till",
    en: "Writing the feedback letters to",
};
pub const OPEN_THE_FOLDER: Text = Text {
    sv: "Öppna mappen",
    en: "Open the folder",
};
pub const THE_LETTERS_COULD_NOT_BE_WRITTEN: Text = Text {
    sv: "Breven kunde inte skrivas:",
    en: "The letters could not be written:",
};
/// No unit has an account that missed the deadline (and the checkbox is not ticked).
pub const NO_LETTERS_NEEDED: Text = Text {
    sv: "Inga brev skrevs: alla verksamheters granskade konton besvarade frågan inom svarsfristen.",
    en: "No letters were written: every unit's audited accounts answered within the deadline.",
};

/// Every message of this screen, for the placeholder test.
pub const MESSAGES: &[Text] = &[
    ACTION,
    ACTIONS,
    ADDITION_TO_THE_RESULTS_AFTER_SVARSKOLLS,
    ADD_ACTION,
    ANALYSIS,
    AREAS_AND_ROUTINES_AUDITED,
    AUDIT_HEADING,
    CONCLUSION,
    CREATING_THE_REPORT,
    DELETE_ACTION,
    DESCRIPTION_OF_THE_RISK,
    DOWN,
    EVIDENCE_APPENDIX,
    EVIDENCE_APPENDIX_WARNING,
    EXPORT_AS_WORD,
    EXPORT_THE_REPORT_AS_WORD,
    EXPORT_TO_PATH,
    METHOD,
    MOVE_ACTION,
    N1_INTRODUCTION,
    N5_REPORT,
    NO_ACTIONS_YET,
    OPEN_THE_DOCUMENT,
    OPEN_THE_REPORT,
    PURPOSE,
    REPORT_LANGUAGE,
    RESPONSIBLE,
    RESULTS_REPORTED_TO,
    RISK,
    SCOPE,
    TEXTS_FROM_THE_TEMPLATE_RISK_PURPOSE,
    THE_REPORT_COULD_NOT_BE_CREATED,
    THE_REPORT_IS_MADE_FROM_THE,
    THE_REPORT_WAS_SAVED,
    TITLE,
    UP,
    WHAT_IS_TO_BE_DONE,
    WRITE_LETTERS,
    WRITE_LETTERS_TOOLTIP,
    CHOOSE_THE_LETTERS_FOLDER,
    LETTERS_TO_ALL_UNITS,
    LETTERS_TO_ALL_UNITS_TOOLTIP,
    WRITING_THE_LETTERS,
    OPEN_THE_FOLDER,
    THE_LETTERS_COULD_NOT_BE_WRITTEN,
    NO_LETTERS_NEEDED,
];
