//! Words several screens share.

use crate::i18n::Text;

pub const CLOSE_THE_MESSAGE: Text = Text {
    sv: "Stäng meddelandet",
    en: "Close the message",
};
pub const DAYS: Text = Text {
    sv: "dagar",
    en: "days",
};
pub const DEADLINE: Text = Text {
    sv: "svarsfrist",
    en: "deadline",
};
pub const DELETE: Text = Text {
    sv: "Ta bort",
    en: "Delete",
};
pub const EDIT: Text = Text {
    sv: "Redigera",
    en: "Edit",
};
pub const NEW_FROM_TEMPLATE_FILE: Text = Text {
    sv: "Ny från mallfil …",
    en: "New from template file …",
};
pub const NOW: Text = Text {
    sv: "Nu",
    en: "Now",
};
pub const OF: Text = Text { sv: "av", en: "of" };
pub const OPEN: Text = Text {
    sv: "Öppna",
    en: "Open",
};
pub const PLATFORM: Text = Text {
    sv: "Plattform",
    en: "Platform",
};
pub const SAVE_THE_AUDIT_TO_A_FILE: Text = Text {
    sv: "Spara granskningen till en fil först: bevisen sparas i en mapp bredvid den.",
    en: "Save the audit to a file first: the evidence is kept in a folder beside it.",
};
pub const SEARCH: Text = Text {
    sv: "Sök",
    en: "Search",
};
pub const UNIT: Text = Text {
    sv: "Verksamhet",
    en: "Unit",
};
pub const VIEW: Text = Text {
    sv: "Visa",
    en: "View",
};

pub const ACCOUNT: Text = Text {
    sv: "Konto",
    en: "Account",
};
pub const STATUS: Text = Text {
    sv: "Status",
    en: "Status",
};
/// Every message of this screen, for the placeholder test.
pub const MESSAGES: &[Text] = &[
    CLOSE_THE_MESSAGE,
    DAYS,
    DEADLINE,
    DELETE,
    EDIT,
    NEW_FROM_TEMPLATE_FILE,
    NOW,
    OF,
    OPEN,
    PLATFORM,
    SAVE_THE_AUDIT_TO_A_FILE,
    SEARCH,
    UNIT,
    VIEW,
    ACCOUNT,
    STATUS,
];
