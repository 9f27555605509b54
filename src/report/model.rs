//! The document model: what the report says, without saying where on the page.

use crate::core::picture::Picture;
use chrono::{DateTime, FixedOffset};
use std::sync::Arc;

/// A whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub info: DocInfo,
    pub cover: Cover,
    /// Running header: left and right text on every page after the cover.
    pub header: (String, String),
    /// Words the layout itself prints ("Innehållsförteckning").
    pub words: LayoutWords,
    pub blocks: Vec<Block>,
}

/// Document metadata (the PDF Info dictionary and catalog).
#[derive(Clone, Debug, PartialEq)]
pub struct DocInfo {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// BCP 47 language tag: "sv-SE" or "en-GB".
    pub lang: String,
    pub created: DateTime<FixedOffset>,
}

/// The cover page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cover {
    pub organisation: String,
    pub title: String,
    pub subtitle: String,
    pub committee: String,
    /// Label and value lines under the committee: ("Datum", "2019-05-15"), ("Diarienummer", …).
    pub facts: Vec<(String, String)>,
    /// A letterhead at the top of the first page, the text following under it (a letter),
    /// instead of a page of its own (a report).
    pub letterhead: bool,
}

/// Words the layout prints on its own.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutWords {
    pub contents: String,
    /// Shown in a repeated table header's caption: "(forts.)".
    pub continued: String,
}

/// Inline style of a run of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    #[default]
    Regular,
    Bold,
    Italic,
}

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

impl Span {
    #[must_use]
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Regular,
        }
    }

    #[must_use]
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Bold,
        }
    }

    #[must_use]
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Italic,
        }
    }
}

/// A paragraph: runs of text and, optionally, a footnote referenced at its end.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paragraph {
    pub spans: Vec<Span>,
    pub footnote: Option<String>,
}

impl Paragraph {
    #[must_use]
    pub fn plain(text: impl Into<String>) -> Paragraph {
        Paragraph {
            spans: vec![Span::plain(text)],
            footnote: None,
        }
    }

    #[must_use]
    pub fn italic(text: impl Into<String>) -> Paragraph {
        Paragraph {
            spans: vec![Span::italic(text)],
            footnote: None,
        }
    }

    /// All the text, for tests and searching.
    #[must_use]
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// How a heading looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingKind {
    /// Chapter ("1 Inledning"): starts a new page.
    Chapter,
    /// "2.1 Bristande serviceskyldighet".
    Section,
    /// "2.1.1 Användande av sociala medier".
    Subsection,
    /// "2.1.1.1 Återkoppling …".
    Subsubsection,
    /// An unnumbered label heading ("Syfte med granskningen").
    Label,
}

/// A heading; every heading becomes a bookmark.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    pub kind: HeadingKind,
    /// "2.1.1", or `None` for unnumbered headings.
    pub number: Option<String>,
    pub text: String,
    /// Listed in the table of contents.
    pub in_toc: bool,
    /// Outline depth (1 = top).
    pub outline_level: u8,
}

/// Horizontal alignment in a table column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Right,
}

/// A table column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub title: String,
    pub align: Align,
    /// Free text that may wrap (names, units); other columns keep their natural width.
    pub wraps: bool,
    /// A shorter header that is still a word ("Obesv."), for when the table's words do not fit
    /// side by side even in its smallest type. The layout then explains it in a note under the
    /// table ("Obesv. = obesvarade"). `None`: the header is never shortened.
    pub short_title: Option<String>,
}

/// A table; split across pages with the header row repeated.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub caption: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// A final summary row, set in bold.
    pub total: Option<Vec<String>>,
    /// Small type for long listings (the appendix).
    pub compact: bool,
    /// Shade rows by groups of equal first cells (several questions to one account) instead of
    /// every other row.
    pub stripe_by_first_column: bool,
}

/// One bar of a bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    /// 0–1.
    pub value: f64,
    /// Printed at the end of the bar ("41 %").
    pub value_label: String,
}

/// A horizontal bar chart of shares (0–100 %), drawn as vectors.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub caption: String,
    pub bars: Vec<Bar>,
    /// A dashed reference line (the overall share) with its label.
    pub reference: Option<(f64, String)>,
    /// Axis tick labels at 0, 25, 50, 75, 100 %.
    pub ticks: Vec<String>,
    /// What the chart says in words (the tagged PDF's and the Word picture's alternate text).
    pub alt: String,
}

/// A picture (an evidence screenshot) scaled to fit, with its caption under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub picture: Arc<Picture>,
    /// "Bild 1. Kulturskolan, Facebook. Ställd 2019-03-11 10:00, besvarad 2019-03-12 09:15."
    pub caption: String,
    /// The alternate text (what the picture is, since its content cannot be described).
    pub alt: String,
}

/// A block of the document, laid out top to bottom.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    TableOfContents,
    Heading(Heading),
    Paragraph(Paragraph),
    Bullets(Vec<Paragraph>),
    Table(Table),
    BarChart(BarChart),
    Figure(Figure),
    PageBreak,
}
