//! The report preview.

use crate::i18n::Text;

pub const CHART: Text = Text {
    sv: "diagram",
    en: "chart",
};
pub const CONTENTS: Text = Text {
    sv: "Innehåll",
    en: "Contents",
};
pub const LAYING_OUT_THE_REPORT: Text = Text {
    sv: "Rapporten läggs upp …",
    en: "Laying out the report …",
};
pub const NEXT: Text = Text {
    sv: "Nästa ▶",
    en: "Next ▶",
};
pub const N_PAGES_CLICK_A_PAGE_TO: Text = Text {
    sv: "{n|sida|sidor}. Klicka på en sida för att förstora den.",
    en: "{n|page|pages}. Click a page to enlarge it.",
};
pub const PAGE: Text = Text {
    sv: "Sida",
    en: "Page",
};
pub const PREVIEW: Text = Text {
    sv: "Förhandsvisning",
    en: "Preview",
};
pub const PREVIOUS: Text = Text {
    sv: "◀ Föregående",
    en: "◀ Previous",
};
pub const REPORT_PAGE: Text = Text {
    sv: "Sida i rapporten",
    en: "Report page",
};
pub const THE_PREVIEW_COULD_NOT_BE_MADE: Text = Text {
    sv: "Förhandsvisningen kunde inte skapas:",
    en: "The preview could not be made:",
};
pub const THE_RESULTS_TEXT_SVARSKOLL_WRITES: Text = Text {
    sv: "Resultattexten som Svarskoll skriver",
    en: "The results text Svarskoll writes",
};
pub const UPDATING: Text = Text {
    sv: "uppdateras …",
    en: "updating …",
};

/// Every message of this screen, for the placeholder test.
pub const MESSAGES: &[Text] = &[
    CHART,
    CONTENTS,
    LAYING_OUT_THE_REPORT,
    NEXT,
    N_PAGES_CLICK_A_PAGE_TO,
    PAGE,
    PREVIEW,
    PREVIOUS,
    REPORT_PAGE,
    THE_PREVIEW_COULD_NOT_BE_MADE,
    THE_RESULTS_TEXT_SVARSKOLL_WRITES,
    UPDATING,
];
