//! The start screen.

use crate::i18n::Text;

pub const AT_MOST: Text = Text {
    sv: "högst",
    en: "at most",
};
pub const AUDIT_WHETHER_THE_MUNICIPALITYS_SOCIAL_MEDIA: Text = Text {
    sv: "Granska om kommunens konton i sociala medier svarar på frågor i tid: ställ en fråga, logga när den besvaras och skriv rapporten till nämnden.",
    en: "Audit whether the municipality's social-media accounts answer questions in time: post a question, log when it is answered and write the report for the committee.",
};
pub const A_TEMPLATE_SAVED_WITH_FILE_SAVE: Text = Text {
    sv: "En mall som sparats med Arkiv → Spara som mall … (en .ron-fil)",
    en: "A template saved with File → Save as template … (a .ron file)",
};
pub const FIRST_NAME_REQUIRED: Text = Text {
    sv: "förnamn krävs",
    en: "first name required",
};
pub const MOVED_TO_THE_NEXT_WORKING_DAY: Text = Text {
    sv: "flyttas till nästa arbetsdag",
    en: "moved to the next working day",
};
pub const NEW_AUDIT: Text = Text {
    sv: "Ny granskning:",
    en: "New audit:",
};
pub const NEW_AUDIT_FROM_A_TEMPLATE: Text = Text {
    sv: "Ny granskning från mall",
    en: "New audit from a template",
};
pub const NONE_YET: Text = Text {
    sv: "Inga än.",
    en: "None yet.",
};
pub const NO_SIGNATURE_REQUIRED: Text = Text {
    sv: "ingen signatur krävs",
    en: "no signature required",
};
pub const OPENS_AS_A_COPY_THE_EXAMPLE: Text = Text {
    sv: "Öppnas som en kopia: exempelfilen ändras inte.",
    en: "Opens as a copy: the example file is not changed.",
};
pub const OPEN_AUDIT: Text = Text {
    sv: "Öppna granskning …",
    en: "Open audit …",
};
pub const OPEN_THE_EXAMPLE_SCHOOLS_2019: Text = Text {
    sv: "Öppna exemplet (grundskola 2019)",
    en: "Open the example (schools 2019)",
};
pub const RECENT_AUDITS: Text = Text {
    sv: "Senaste granskningar",
    en: "Recent audits",
};
pub const TEMPLATE_FILE_FROM_PATH: Text = Text {
    sv: "Mallfil från sökväg …",
    en: "Template file from path …",
};
pub const THE_FILE_NO_LONGER_EXISTS: Text = Text {
    sv: "(filen finns inte längre)",
    en: "(the file no longer exists)",
};
pub const TIP_DROP_AN_AUDIT_FILE_SVARSKOLL: Text = Text {
    sv: "Tips: dra en granskningsfil (.svarskoll) till fönstret för att öppna den.",
    en: "Tip: drop an audit file (.svarskoll) on the window to open it.",
};
pub const TYPE_A_PATH: Text = Text {
    sv: "Skriv sökväg …",
    en: "Type a path …",
};
pub const WORKING_HOURS: Text = Text {
    sv: "arbetstimmar",
    en: "working hours",
};

/// Every message of this screen, for the placeholder test.
pub const MESSAGES: &[Text] = &[
    AT_MOST,
    AUDIT_WHETHER_THE_MUNICIPALITYS_SOCIAL_MEDIA,
    A_TEMPLATE_SAVED_WITH_FILE_SAVE,
    FIRST_NAME_REQUIRED,
    MOVED_TO_THE_NEXT_WORKING_DAY,
    NEW_AUDIT,
    NEW_AUDIT_FROM_A_TEMPLATE,
    NONE_YET,
    NO_SIGNATURE_REQUIRED,
    OPENS_AS_A_COPY_THE_EXAMPLE,
    OPEN_AUDIT,
    OPEN_THE_EXAMPLE_SCHOOLS_2019,
    RECENT_AUDITS,
    TEMPLATE_FILE_FROM_PATH,
    THE_FILE_NO_LONGER_EXISTS,
    TIP_DROP_AN_AUDIT_FILE_SVARSKOLL,
    TYPE_A_PATH,
    WORKING_HOURS,
];
