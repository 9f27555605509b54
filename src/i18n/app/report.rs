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
];
