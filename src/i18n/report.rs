//! The report's fixed words: headings, labels, table columns and captions.
//!
//! The sentences the report builds from the results are in `report::prose`, one file per
//! language.

use super::Text;
use crate::core::Lang;

// Errors
/// The report could not be made (the PDF library's message follows).
pub const COULD_NOT_MAKE_THE_REPORT: Text = Text {
    sv: "kunde inte skapa rapporten",
    en: "could not make the report",
};
/// The report could not be written to its file (the cause follows).
pub const COULD_NOT_WRITE_THE_REPORT: Text = Text {
    sv: "kunde inte skriva rapporten",
    en: "could not write the report",
};

// Layout
/// Heading of the table of contents.
pub const CONTENTS: Text = Text {
    sv: "Innehållsförteckning",
    en: "Contents",
};
/// Added to a table's caption when its header repeats on the next page.
pub const CONTINUED: Text = Text {
    sv: "(forts.)",
    en: "(cont.)",
};

// Headings and labels
/// Chapter 1.
pub const INTRODUCTION: Text = Text {
    sv: "Inledning",
    en: "Introduction",
};
/// Chapter 2.
pub const AUDITS_AND_ACTIONS: Text = Text {
    sv: "Granskningar och åtgärder",
    en: "Audits and actions",
};
/// The risk section's title when the audit names none.
pub const RISK: Text = Text {
    sv: "Risk",
    en: "Risk",
};
pub const RISK_DESCRIPTION: Text = Text {
    sv: "Beskrivning av risk",
    en: "Description of the risk",
};
pub const AREAS: Text = Text {
    sv: "Områden och rutiner som granskas",
    en: "Areas and routines audited",
};
pub const PURPOSE: Text = Text {
    sv: "Syfte med granskningen",
    en: "Purpose of the audit",
};
pub const SCOPE: Text = Text {
    sv: "Omfattning/avgränsning",
    en: "Scope and limitations",
};
pub const METHOD: Text = Text {
    sv: "Granskningsmetod",
    en: "Audit method",
};
pub const RESULTS: Text = Text {
    sv: "Resultat",
    en: "Results",
};
pub const ANALYSIS: Text = Text {
    sv: "Analys",
    en: "Analysis",
};
pub const CONCLUSION: Text = Text {
    sv: "Slutsats",
    en: "Conclusion",
};
pub const ACTIONS: Text = Text {
    sv: "Åtgärder",
    en: "Actions",
};
pub const WHAT_TO_DO: Text = Text {
    sv: "Vad ska göras",
    en: "What is to be done",
};
pub const REPORT_TO: Text = Text {
    sv: "Rapportering av resultat till",
    en: "Results reported to",
};
pub const RESPONSIBLE: Text = Text {
    sv: "Ansvarig",
    en: "Responsible",
};
pub const DUE: Text = Text {
    sv: "Klart senast",
    en: "Due",
};
/// The appendix chapter.
pub const APPENDIX: Text = Text {
    sv: "Bilaga. Granskade konton",
    en: "Appendix. Audited accounts",
};
/// The evidence appendix's heading.
pub const EVIDENCE_APPENDIX: Text = Text {
    sv: "Bilaga. Skärmbilder",
    en: "Appendix. Screenshots",
};
/// Opens the evidence appendix: the reason it must not be published.
pub const EVIDENCE_WARNING: Text = Text {
    sv: "Skärmbilderna visar frågorna och svaren som de såg ut när de loggades. De kan visa personers namn och är underlag för granskningen, inte avsedda för publicering.",
    en: "The screenshots show the questions and answers as they looked when they were logged. They may show people's names; they are evidence for the audit and not for publication.",
};
/// The evidence appendix when no probe has a screenshot.
pub const NO_EVIDENCE: Text = Text {
    sv: "Inga skärmbilder är bifogade granskningen.",
    en: "No screenshots are attached to the audit.",
};
/// "Bild" in "Bild 3. Kulturskolan, Facebook …".
pub const PICTURE: Text = Text {
    sv: "Bild",
    en: "Picture",
};
/// In a screenshot's caption: "ställd 2019-03-11 10:00".
pub const WAS_POSTED: Text = Text {
    sv: "ställd",
    en: "posted",
};
pub const WAS_ANSWERED: Text = Text {
    sv: "besvarad",
    en: "answered",
};
pub const NOT_ANSWERED: Text = Text {
    sv: "inte besvarad",
    en: "not answered",
};
/// The alternate text of a screenshot: "Skärmbild av frågan till …".
pub const SCREENSHOT_OF: Text = Text {
    sv: "Skärmbild av testfrågan och svaret",
    en: "Screenshot of the test question and the answer",
};
/// Stands in for a screenshot that could not be read: "Skärmbilden x.png kunde inte läsas."
pub fn picture_unreadable(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Sv => format!("Skärmbilden {name} kunde inte läsas."),
        Lang::En => format!("The screenshot {name} could not be read."),
    }
}
/// Stands in for the auditor's text when it is empty.
pub const NOT_WRITTEN: Text = Text {
    sv: "Texten är inte ifylld.",
    en: "This text has not been written.",
};
pub const NO_ACTIONS: Text = Text {
    sv: "Granskningen leder inte till några föreslagna åtgärder.",
    en: "The audit proposes no actions.",
};

// Cover
pub const DATE: Text = Text {
    sv: "Datum",
    en: "Date",
};
pub const DIARY_NUMBER: Text = Text {
    sv: "Diarienummer",
    en: "Reference number",
};
pub const ADMINISTRATION: Text = Text {
    sv: "Förvaltning",
    en: "Administration",
};
/// The period the audit covers, as the auditor typed it ("2019", "tertial 1").
pub const PERIOD: Text = Text {
    sv: "Granskningsperiod",
    en: "Audit period",
};
/// One auditor (a person or a unit).
pub const AUDITOR: Text = Text {
    sv: "Granskare",
    en: "Auditor",
};
/// Several auditors.
pub const AUDITORS: Text = Text {
    sv: "Granskare",
    en: "Auditors",
};
/// The cover's subtitle prefix, and the audit's title when it has none.
pub const AUDIT_PREFIX: Text = Text {
    sv: "Granskning",
    en: "Audit",
};
/// The title when the audit has none.
pub const DEFAULT_TITLE: Text = Text {
    sv: "Granskning av serviceskyldighet i sociala medier",
    en: "Audit of responsiveness on social media",
};

// Tables and the chart
pub const PLATFORM: Text = Text {
    sv: "Plattform",
    en: "Platform",
};
pub const UNIT: Text = Text {
    sv: "Verksamhet",
    en: "Unit",
};
pub const AUDITED: Text = Text {
    sv: "Granskade",
    en: "Audited",
};
pub const IN_TIME: Text = Text {
    sv: "I tid",
    en: "In time",
};
pub const LATE: Text = Text {
    sv: "Sent",
    en: "Late",
};
pub const UNANSWERED: Text = Text {
    sv: "Obesvarade",
    en: "Unanswered",
};
pub const PENDING: Text = Text {
    sv: "Väntar",
    en: "Pending",
};
pub const SHARE_IN_TIME: Text = Text {
    sv: "Andel i tid",
    en: "Share in time",
};
/// Column title: the in-time share's 95 % confidence interval.
pub const INTERVAL: Text = Text {
    sv: "95 % konfidensintervall",
    en: "95 % confidence interval",
};
/// The total row, and the reference line of the chart.
pub const ALL: Text = Text {
    sv: "Samtliga",
    en: "All",
};
pub const ACCOUNT: Text = Text {
    sv: "Konto",
    en: "Account",
};
pub const POSTED: Text = Text {
    sv: "Ställd",
    en: "Posted",
};
pub const ANSWERED: Text = Text {
    sv: "Besvarad",
    en: "Answered",
};
pub const RESPONSE_TIME: Text = Text {
    sv: "Svarstid",
    en: "Response time",
};
pub const OUTCOME: Text = Text {
    sv: "Utfall",
    en: "Outcome",
};
pub const SIGNED: Text = Text {
    sv: "Signerad",
    en: "Signed",
};
/// A signed answer in the appendix table.
pub const YES: Text = Text {
    sv: "ja",
    en: "yes",
};
/// An unsigned answer in the appendix table.
pub const NO: Text = Text {
    sv: "nej",
    en: "no",
};
pub const TABLE_PLATFORM: Text = Text {
    sv: "Tabell 1. Resultat per plattform",
    en: "Table 1. Results by platform",
};
pub const TABLE_UNIT: Text = Text {
    sv: "Tabell 2. Resultat per verksamhet",
    en: "Table 2. Results by unit",
};
/// The accounts appendix's table when the trend table (3) comes before it.
pub const TABLE_ACCOUNTS_AFTER_TREND: Text = Text {
    sv: "Tabell 4. Granskade konton och testfrågor",
    en: "Table 4. Audited accounts and test questions",
};
pub const TABLE_TREND: Text = Text {
    sv: "Tabell 3. Andel i tid vid denna och tidigare granskningar",
    en: "Table 3. Share in time in this and earlier audits",
};
pub const FIGURE_TREND: Text = Text {
    sv: "Figur 2. Andel konton som besvarade frågan i tid, per granskning",
    en: "Figure 2. Share of accounts that answered in time, by audit",
};
/// The trend table's first column.
pub const AUDIT_YEAR: Text = Text {
    sv: "Granskning",
    en: "Audit",
};
/// The current audit in the trend when it has no year.
pub const THIS_AUDIT: Text = Text {
    sv: "Denna granskning",
    en: "This audit",
};
pub const FOLLOW_UP_OF_ACTIONS: Text = Text {
    sv: "Uppföljning av åtgärder",
    en: "Follow-up of actions",
};
pub const ACTION_PREFIX: Text = Text {
    sv: "Åtgärd",
    en: "Action",
};
pub const ACTIONS_TAKEN: Text = Text {
    sv: "Genomförda åtgärder",
    en: "Actions taken",
};
pub const STATUS: Text = Text {
    sv: "Status",
    en: "Status",
};
pub const NOTHING_REPORTED: Text = Text {
    sv: "Inget rapporterat.",
    en: "Nothing reported.",
};
pub const TABLE_ACCOUNTS: Text = Text {
    sv: "Tabell 3. Granskade konton och testfrågor",
    en: "Table 3. Audited accounts and test questions",
};
/// The accounts appendix's caption when the account review's table (number 3) precedes it.
pub const TABLE_ACCOUNTS_AFTER_REVIEW: Text = Text {
    sv: "Tabell 4. Granskade konton och testfrågor",
    en: "Table 4. Audited accounts and test questions",
};
/// The account review's table, after the results' tables.
pub const TABLE_REVIEW: Text = Text {
    sv: "Tabell 3. Kontogranskning: konton som uppfyller kraven",
    en: "Table 3. Account review: accounts that meet the requirements",
};
/// The heading of the account review's part of the audit, after Resultat.
pub const REVIEW: Text = Text {
    sv: "Kontogranskning",
    en: "Account review",
};
/// The account review's table: the requirement, …
pub const REQUIREMENT: Text = Text {
    sv: "Krav",
    en: "Requirement",
};
/// … how many accounts were reviewed against it, …
pub const REVIEWED: Text = Text {
    sv: "Granskade",
    en: "Reviewed",
};
/// … how many of them meet it, …
pub const PASSED: Text = Text {
    sv: "Uppfyller",
    en: "Met",
};
/// … and their share.
pub const SHARE: Text = Text {
    sv: "Andel",
    en: "Share",
};
/// What the account review's table says under a requirement nobody was reviewed against.
pub const NOT_REVIEWED: Text = Text {
    sv: "ej granskat",
    en: "not reviewed",
};
pub const FIGURE_PLATFORM: Text = Text {
    sv: "Figur 1. Andel konton som besvarade frågan i tid, per plattform",
    en: "Figure 1. Share of accounts that answered in time, by platform",
};
/// The chart's alternative text in the Word document: "Stapeldiagram: Facebook 55 %, …".
pub const CHART_BARS: Text = Text {
    sv: "Stapeldiagram",
    en: "Bar chart",
};
/// The chart's alternative text: "…; streckad linje för Samtliga: 48 %".
pub const CHART_REFERENCE_LINE: Text = Text {
    sv: "streckad linje för",
    en: "dashed line for",
};
/// The appendix when no account was audited.
pub const NO_ACCOUNTS_AUDITED: Text = Text {
    sv: "Inga konton granskades.",
    en: "No accounts were audited.",
};

// Document metadata

/// The PDF's keyword for the audit's subject.
pub const KEYWORD: Text = Text {
    sv: "serviceskyldighet",
    en: "duty to provide service",
};
/// The PDF's BCP 47 language tag.
pub const LANGUAGE_TAG: Text = Text {
    sv: "sv-SE",
    en: "en-GB",
};

// Short column headers, used (with a note under the table) only when a table's full headers
// cannot fit at the smallest type. Each is still a word or a standard abbreviation.

pub const AUDITED_SHORT: Text = Text {
    sv: "Gransk.",
    en: "Aud.",
};
pub const UNANSWERED_SHORT: Text = Text {
    sv: "Obesv.",
    en: "Unans.",
};
pub const SHARE_IN_TIME_SHORT: Text = Text {
    sv: "Andel",
    en: "Share",
};
pub const INTERVAL_SHORT: Text = Text {
    sv: "95 % KI",
    en: "95 % CI",
};
pub const RESPONSE_TIME_SHORT: Text = Text {
    sv: "Svarst.",
    en: "Resp.",
};
pub const SIGNED_SHORT: Text = Text {
    sv: "Sign.",
    en: "Sign.",
};
pub const PLATFORM_SHORT: Text = Text {
    sv: "Plattf.",
    en: "Platf.",
};
