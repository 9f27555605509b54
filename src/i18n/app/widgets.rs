//! Shared widgets.

use crate::i18n::Text;

pub const ANSWERED_BEFORE_POSTED: Text = Text {
    sv: "Besvarad före ställd",
    en: "Answered before posted",
};
pub const DOES_NOT_EXIST_THE_CLOCKS_WENT: Text = Text {
    sv: "finns inte (klockan ställdes fram). Tiden flyttades framåt",
    en: "does not exist (the clocks went forward). The time was moved forward",
};
pub const IS_IN_THE_FUTURE: Text = Text {
    sv: "ligger i framtiden.",
    en: "is in the future.",
};
pub const IS_NOT_A_TIME_WRITE_YYYY: Text = Text {
    sv: "är inte en tid: skriv ÅÅÅÅ-MM-DD TT:MM, t.ex. 2019-03-12 10:00",
    en: "is not a time: write YYYY-MM-DD HH:MM, e.g. 2019-03-12 10:00",
};
pub const OCCURS_TWICE_THE_CLOCKS_WENT_BACK: Text = Text {
    sv: "finns två gånger (klockan ställdes tillbaka); den första, sommartid, används.",
    en: "occurs twice (the clocks went back); the first, summer-time one is used.",
};
pub const POSTED_AFTER_ANSWERED: Text = Text {
    sv: "Ställd efter besvarad",
    en: "Posted after answered",
};
pub const THE_QUESTION_IS_ANSWERED_CLEAR_ANSWERED: Text = Text {
    sv: "Frågan är besvarad: töm Besvarad först.",
    en: "The question is answered: clear Answered first.",
};
pub const THE_QUESTION_IS_NOT_POSTED_FILL: Text = Text {
    sv: "Frågan är inte ställd: fyll i Ställd först.",
    en: "The question is not posted: fill in Posted first.",
};

/// Every message of this screen, for the placeholder test.
pub const MESSAGES: &[Text] = &[
    ANSWERED_BEFORE_POSTED,
    DOES_NOT_EXIST_THE_CLOCKS_WENT,
    IS_IN_THE_FUTURE,
    IS_NOT_A_TIME_WRITE_YYYY,
    OCCURS_TWICE_THE_CLOCKS_WENT_BACK,
    POSTED_AFTER_ANSWERED,
    THE_QUESTION_IS_ANSWERED_CLEAR_ANSWERED,
    THE_QUESTION_IS_NOT_POSTED_FILL,
];
