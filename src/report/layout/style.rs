//! The report's style sheet: every length, font size, leading, gap and colour the layout uses.
//!
//! Lengths are points (1/72 inch) unless a field says it is a share of something; colours are
//! RGB components 0–1. The other layout files take their numbers from here, so a change of look
//! is a change in this file only.

use crate::report::fonts::Face;
use crate::report::model::{HeadingKind, Style};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

// ---------------------------------------------------------------------------------------------
// Colours

/// An RGB colour, components 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
/// Body text.
pub const INK: Rgb = Rgb(0.12, 0.12, 0.12);
/// Headings, captions, the cover.
pub const ACCENT: Rgb = Rgb(0.08, 0.24, 0.42);
/// Secondary text and strong rules.
pub const GREY: Rgb = Rgb(0.42, 0.42, 0.42);
/// Hairlines.
pub const RULE: Rgb = Rgb(0.72, 0.72, 0.72);
pub const HEADER_FILL: Rgb = Rgb(0.87, 0.90, 0.94);
pub const STRIPE_FILL: Rgb = Rgb(0.96, 0.97, 0.98);
pub const BAR_FILL: Rgb = Rgb(0.16, 0.38, 0.62);
/// The reference line of a chart (last audit's value).
pub const REFERENCE: Rgb = Rgb(0.78, 0.30, 0.10);

// ---------------------------------------------------------------------------------------------
// The page

/// Page size and margins, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Geometry {
    /// A4 portrait with the margins of a printed committee document.
    pub const A4: Geometry = Geometry {
        width: 210.0 * MM,
        height: 297.0 * MM,
        left: 28.0 * MM,
        right: 24.0 * MM,
        top: 27.0 * MM,
        bottom: 24.0 * MM,
    };

    #[must_use]
    pub fn text_width(&self) -> f32 {
        self.width - self.left - self.right
    }

    /// Where the text block ends, from the page top.
    pub(super) fn body_bottom(&self) -> f32 {
        self.height - self.bottom
    }
}

/// Slack when comparing a measured width or height with the room for it (rounding).
pub const TOLERANCE: f32 = 0.01;

/// The baseline lies this share of the font size below the top of the glyphs (which are
/// centred in the line's leading).
pub const ASCENT: f32 = 0.78;

// ---------------------------------------------------------------------------------------------
// Running text

/// Size, leading and spacing of a kind of text.
#[derive(Clone, Copy, Debug)]
pub struct TextStyle {
    pub face: Face,
    pub size: f32,
    pub leading: f32,
    /// Space above, except at the top of a page.
    pub before: f32,
    pub after: f32,
    pub color: Rgb,
}

pub const BODY: TextStyle = TextStyle {
    face: Face::Serif,
    size: 10.5,
    leading: 15.0,
    before: 0.0,
    after: 7.0,
    color: INK,
};

/// The face of a run of body text.
pub fn body_face(style: Style) -> Face {
    match style {
        Style::Regular => Face::Serif,
        Style::Bold => Face::SerifBold,
        Style::Italic => Face::SerifItalic,
    }
}

pub fn heading_style(kind: HeadingKind) -> TextStyle {
    let (size, leading, before, after) = match kind {
        HeadingKind::Chapter => (17.0, 22.0, 0.0, 12.0),
        HeadingKind::Section => (14.0, 18.0, 16.0, 8.0),
        HeadingKind::Subsection => (12.0, 16.0, 14.0, 6.0),
        HeadingKind::Subsubsection => (11.0, 14.5, 12.0, 4.0),
        HeadingKind::Label => (10.0, 13.5, 8.0, 2.0),
    };
    TextStyle {
        face: Face::SansBold,
        size,
        leading,
        before,
        after,
        color: if kind == HeadingKind::Label {
            INK
        } else {
            ACCENT
        },
    }
}

/// Gap between a heading's number and its text, as a share of the heading's size.
pub const HEADING_NUMBER_GAP: f32 = 0.7;

/// Bulleted lists.
pub struct BulletStyle {
    /// Indent of the item text.
    pub indent: f32,
    /// Where the bullet sits, from the left of the indent.
    pub marker_x: f32,
    pub marker: &'static str,
    /// Space between items (the last one is followed by [`BODY`]`.after`).
    pub between: f32,
}

pub const BULLET: BulletStyle = BulletStyle {
    indent: 14.0,
    marker_x: 3.0,
    marker: "•",
    between: 2.0,
};

// ---------------------------------------------------------------------------------------------
// Footnotes

pub const FOOTNOTE: TextStyle = TextStyle {
    face: Face::Serif,
    size: 8.0,
    leading: 10.5,
    before: 0.0,
    after: 2.0,
    color: INK,
};

/// The footnote area at the foot of a page.
pub struct FootnoteArea {
    /// Space above the first footnote of a page, the rule included.
    pub separator: f32,
    /// The rule sits this far above the first footnote.
    pub rule_rise: f32,
    pub rule_length: f32,
    pub rule_width: f32,
    pub rule_color: Rgb,
}

pub const FOOTNOTES: FootnoteArea = FootnoteArea {
    separator: 10.0,
    rule_rise: 5.0,
    rule_length: 45.0 * MM,
    rule_width: 0.5,
    rule_color: GREY,
};

// ---------------------------------------------------------------------------------------------
// Tables

/// Size, leading and cell padding of a table's text.
#[derive(Clone, Copy, Debug)]
pub struct TableMetrics {
    pub size: f32,
    pub leading: f32,
    pub pad_x: f32,
    pub pad_y: f32,
}

impl TableMetrics {
    /// The same metrics for text of `size`: leading and padding scaled with the size.
    #[must_use]
    pub fn at(self, size: f32) -> TableMetrics {
        let k = size / self.size;
        TableMetrics {
            size,
            leading: self.leading * k,
            pad_x: self.pad_x * k,
            pad_y: self.pad_y * k,
        }
    }
}

pub const TABLE_TEXT: TableMetrics = TableMetrics {
    size: 9.0,
    leading: 11.5,
    pad_x: 4.5,
    pad_y: 3.5,
};

/// Tables with many columns.
pub const COMPACT_TABLE_TEXT: TableMetrics = TableMetrics {
    size: 7.5,
    leading: 9.5,
    pad_x: 3.0,
    pad_y: 2.2,
};

/// Captions of tables and charts.
pub struct CaptionStyle {
    pub face: Face,
    pub size: f32,
    pub leading: f32,
    pub color: Rgb,
    /// Space between a table's caption and its header row.
    pub after: f32,
    /// "(forts.)" after a caption repeated on a new page: gap, face and colour.
    pub continued_gap: f32,
    pub continued_face: Face,
    pub continued_color: Rgb,
}

pub const CAPTION: CaptionStyle = CaptionStyle {
    face: Face::SansBold,
    size: 9.5,
    leading: 13.0,
    color: ACCENT,
    after: 3.0,
    continued_gap: 4.0,
    continued_face: Face::Sans,
    continued_color: GREY,
};

/// The note under a table that explains its abbreviated headers ("Obesv. = obesvarade").
pub const TABLE_NOTE: TextStyle = TextStyle {
    face: Face::Sans,
    size: 7.5,
    leading: 10.0,
    before: 3.0,
    after: 0.0,
    color: INK,
};

/// Everything about tables but their text metrics.
pub struct TableStyle {
    pub before: f32,
    pub after: f32,
    pub header_face: Face,
    pub header_color: Rgb,
    pub header_fill: Rgb,
    pub body_face: Face,
    pub body_color: Rgb,
    pub total_face: Face,
    pub stripe_fill: Rgb,
    /// Under the header row and above the total row.
    pub strong_rule_width: f32,
    pub strong_rule_color: Rgb,
    /// Under every row.
    pub rule_width: f32,
    pub rule_color: Rgb,
    /// The narrowest column: its padding and this.
    pub min_column: f32,
    /// When a table's words do not fit side by side, its text gets smaller in these steps …
    pub size_step: f32,
    /// … down to this size, the smallest that still reads well in print.
    pub min_size: f32,
    /// A table no taller than this share of the page body is never split.
    pub unsplit_share: f32,
}

pub const TABLE: TableStyle = TableStyle {
    before: 6.0,
    after: 10.0,
    header_face: Face::SansBold,
    header_color: BLACK,
    header_fill: HEADER_FILL,
    body_face: Face::Sans,
    body_color: INK,
    total_face: Face::SansBold,
    stripe_fill: STRIPE_FILL,
    strong_rule_width: 0.8,
    strong_rule_color: GREY,
    rule_width: 0.25,
    rule_color: RULE,
    min_column: 10.0,
    size_step: 0.5,
    min_size: 7.5,
    unsplit_share: 0.4,
};

// ---------------------------------------------------------------------------------------------
// Bar charts

pub struct ChartStyle {
    pub before: f32,
    /// Caption lines shown at most.
    pub caption_lines: usize,
    /// Between the caption and the plot.
    pub caption_gap: f32,
    pub bar: f32,
    /// Between bars (half of it above the first).
    pub gap: f32,
    pub bar_fill: Rgb,
    /// Baseline of a bar's label and value, as a share of the bar's height.
    pub bar_baseline: f32,
    /// Room under the plot for the tick labels.
    pub axis: f32,
    /// Below the axis, to the next block.
    pub after: f32,
    pub label_face: Face,
    pub label_size: f32,
    pub label_color: Rgb,
    /// The bar labels take at most this share of the text width …
    pub label_share: f32,
    /// … plus this, of which all but `label_gap` is their own.
    pub label_pad: f32,
    pub label_gap: f32,
    /// Right of the plot, for the value labels.
    pub value_room: f32,
    pub value_face: Face,
    pub value_size: f32,
    pub value_color: Rgb,
    pub value_gap: f32,
    pub tick_size: f32,
    pub tick_color: Rgb,
    /// Baseline of the tick labels below the plot.
    pub tick_drop: f32,
    pub axis_width: f32,
    pub axis_color: Rgb,
    pub grid_width: f32,
    pub grid_color: Rgb,
    /// The reference line starts this far above the plot.
    pub reference_rise: f32,
    pub reference_width: f32,
    pub reference_color: Rgb,
    pub reference_label_size: f32,
    /// The reference label takes at most this share of the text width.
    pub reference_label_share: f32,
    /// Baseline of the reference label below the axis room.
    pub reference_label_drop: f32,
}

pub const CHART: ChartStyle = ChartStyle {
    before: 6.0,
    caption_lines: 2,
    caption_gap: 6.0,
    bar: 13.0,
    gap: 7.0,
    bar_fill: BAR_FILL,
    bar_baseline: 0.72,
    axis: 16.0,
    after: 14.0,
    label_face: Face::Sans,
    label_size: 9.0,
    label_color: INK,
    label_share: 0.35,
    label_pad: 8.0,
    label_gap: 6.0,
    value_room: 36.0,
    value_face: Face::SansBold,
    value_size: 8.5,
    value_color: INK,
    value_gap: 4.0,
    tick_size: 8.0,
    tick_color: GREY,
    tick_drop: 10.0,
    axis_width: 0.8,
    axis_color: GREY,
    grid_width: 0.3,
    grid_color: RULE,
    reference_rise: 3.0,
    reference_width: 1.0,
    reference_color: REFERENCE,
    reference_label_size: 8.0,
    reference_label_share: 0.6,
    reference_label_drop: 6.0,
};

// ---------------------------------------------------------------------------------------------
// Table of contents

pub struct ContentsStyle {
    /// Extra space under the title (a chapter heading).
    pub title_gap: f32,
    pub size: f32,
    pub leading: f32,
    pub color: Rgb,
    /// Indent per level below chapters.
    pub indent: f32,
    /// Space above a chapter entry.
    pub chapter_before: f32,
    /// Kept free for the page number at the right …
    pub number_room: f32,
    /// … and this more for the title's own wrapping.
    pub title_slack: f32,
    /// Between the dot leader and the title or page number.
    pub leader_gap: f32,
    pub leader_face: Face,
    pub leader_color: Rgb,
}

pub const CONTENTS: ContentsStyle = ContentsStyle {
    title_gap: 4.0,
    size: 10.5,
    leading: 17.0,
    color: INK,
    indent: 14.0,
    chapter_before: 5.0,
    number_room: 28.0,
    title_slack: 10.0,
    leader_gap: 5.0,
    leader_face: Face::Sans,
    leader_color: GREY,
};

/// Face, indent and space above of a table-of-contents entry.
pub struct ContentsEntry {
    pub face: Face,
    pub indent: f32,
    pub before: f32,
}

pub fn contents_entry(kind: HeadingKind) -> ContentsEntry {
    let (face, indent, before) = match kind {
        HeadingKind::Chapter => (Face::SansBold, 0.0, CONTENTS.chapter_before),
        HeadingKind::Section => (Face::Sans, CONTENTS.indent, 0.0),
        HeadingKind::Subsection => (Face::Sans, 2.0 * CONTENTS.indent, 0.0),
        HeadingKind::Subsubsection | HeadingKind::Label => (Face::Sans, 3.0 * CONTENTS.indent, 0.0),
    };
    ContentsEntry {
        face,
        indent,
        before,
    }
}

// ---------------------------------------------------------------------------------------------
// Cover

/// A block of lines on the cover; `leading` is from baseline to baseline.
pub struct CoverText {
    pub face: Face,
    pub size: f32,
    pub leading: f32,
    pub color: Rgb,
    /// Space above, when the block is shown.
    pub before: f32,
    pub max_lines: usize,
}

pub struct CoverStyle {
    /// Baseline of the organisation's name below the top margin.
    pub organisation_drop: f32,
    pub organisation_face: Face,
    pub organisation_size: f32,
    pub organisation_color: Rgb,
    /// The rule under the organisation's name, below the top margin.
    pub rule_drop: f32,
    pub rule_width: f32,
    pub rule_color: Rgb,
    /// First baseline of the title, as a share of the page height.
    pub title_top: f32,
    pub title: CoverText,
    pub subtitle: CoverText,
    pub committee: CoverText,
    /// The facts ("Datum", "Diarienummer" …) end at the bottom margin.
    pub fact_label_face: Face,
    pub fact_value_face: Face,
    pub fact_size: f32,
    pub fact_leading: f32,
    pub fact_color: Rgb,
    /// Between the widest label and the values.
    pub fact_gap: f32,
}

pub const COVER: CoverStyle = CoverStyle {
    organisation_drop: 12.0,
    organisation_face: Face::SansBold,
    organisation_size: 15.0,
    organisation_color: ACCENT,
    rule_drop: 20.0,
    rule_width: 1.2,
    rule_color: ACCENT,
    title_top: 0.36,
    title: CoverText {
        face: Face::SansBold,
        size: 26.0,
        leading: 32.0,
        color: ACCENT,
        before: 0.0,
        max_lines: 4,
    },
    subtitle: CoverText {
        face: Face::Sans,
        size: 14.0,
        leading: 19.0,
        color: INK,
        before: 4.0,
        max_lines: 3,
    },
    committee: CoverText {
        face: Face::Sans,
        size: 16.0,
        leading: 21.0,
        color: INK,
        before: 18.0,
        max_lines: 2,
    },
    fact_label_face: Face::SansBold,
    fact_value_face: Face::Sans,
    fact_size: 10.0,
    fact_leading: 15.0,
    fact_color: INK,
    fact_gap: 10.0,
};

// ---------------------------------------------------------------------------------------------
// Running header and footer

pub struct FurnitureStyle {
    pub face: Face,
    pub size: f32,
    pub color: Rgb,
    /// Baseline of the running header above the top margin.
    pub header_rise: f32,
    /// The header's left and right texts take at most these shares of the text width.
    pub left_share: f32,
    pub right_share: f32,
    /// The rule under the header, below its baseline.
    pub rule_drop: f32,
    pub rule_width: f32,
    pub rule_color: Rgb,
    /// Baseline of the page number below the bottom margin.
    pub folio_drop: f32,
}

pub const FURNITURE: FurnitureStyle = FurnitureStyle {
    face: Face::Sans,
    size: 8.0,
    color: GREY,
    header_rise: 14.0,
    left_share: 0.45,
    right_share: 0.5,
    rule_drop: 5.0,
    rule_width: 0.4,
    rule_color: RULE,
    folio_drop: 22.0,
};

/// An evidence screenshot: drawn at most at screen size, never wider than the text or taller
/// than a share of the page, framed by a hairline, its caption under it.
pub struct FigureStyle {
    pub before: f32,
    pub after: f32,
    /// Points per pixel at screen size (96 pixels per inch).
    pub points_per_pixel: f32,
    /// The largest share of the page body a picture takes.
    pub max_height_share: f32,
    pub frame_width: f32,
    pub frame_color: Rgb,
    /// Between the picture and its caption.
    pub caption_gap: f32,
}

pub const FIGURE: FigureStyle = FigureStyle {
    before: 8.0,
    after: 12.0,
    points_per_pixel: 0.75,
    max_height_share: 0.6,
    frame_width: 0.5,
    frame_color: RULE,
    caption_gap: 4.0,
};

/// A letter's letterhead at the top of its first page: the organisation over the cover's rule,
/// the title, the recipient, and the facts in two columns, then the text.
pub struct LetterheadStyle {
    /// First baseline of the title below the rule.
    pub title_drop: f32,
    pub title: CoverText,
    pub subtitle: CoverText,
    /// Between the recipient and the facts, and after the facts.
    pub facts_before: f32,
    pub facts_after: f32,
}

pub const LETTERHEAD: LetterheadStyle = LetterheadStyle {
    title_drop: 40.0,
    title: CoverText {
        face: Face::SansBold,
        size: 17.0,
        leading: 21.0,
        color: ACCENT,
        before: 0.0,
        max_lines: 3,
    },
    subtitle: CoverText {
        face: Face::Sans,
        size: 12.0,
        leading: 15.0,
        color: INK,
        before: 4.0,
        max_lines: 2,
    },
    facts_before: 14.0,
    facts_after: 22.0,
};
