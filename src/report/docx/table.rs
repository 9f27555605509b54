//! Report tables as real Word tables: the full text width, a header row that Word repeats on
//! every page (`w:tblHeader`) and never splits, right-aligned number columns, the total row in
//! bold, stripes as in the PDF.
//!
//! The column widths are measured here (with the report's DejaVu Sans Condensed metrics, a little
//! wider than Calibri, so they err on the roomy side) and written as a fixed grid: Word and
//! LibreOffice then draw the same columns instead of each guessing its own.

use super::styles::{
    COMPACT_TABLE_SIZE, GREY, HEADER_FILL, RULE, STRIPE_FILL, TABLE_SIZE, TEXT_WIDTH,
};
use super::xml::push_run;
use crate::report::fonts::{Face, Fonts};
use crate::report::model::{Align, Table};
use std::fmt::Write as _;

/// Cell padding left and right, in twips (normal, compact).
const PAD: (u32, u32) = (85, 57);

/// Measured widths are taken this much wider: the widths are DejaVu Sans Condensed's, and a
/// reader without Calibri (or its metric twin Carlito) gets a wider fallback such as DejaVu Sans
/// (about 11 % wider), which must not break "Instagram" or a date in two.
const ROOM: f32 = 1.15;

/// What a column needs, in points: its widest word (below that a word would break), what it
/// would rather keep (its whole cells for numbers, dates and outcomes; the widest word for
/// names, which may wrap) and its whole longest line.
#[derive(Clone, Copy, Debug, Default)]
struct Need {
    word: f32,
    keep: f32,
    whole: f32,
}

fn measure(fonts: &Fonts, table: &Table, size: f32) -> Vec<Need> {
    let width = |face: Face, text: &str| fonts.width(face, text, size) * ROOM;
    let words = |face: Face, text: &str| {
        text.split_whitespace()
            .map(|w| width(face, w))
            .fold(0.0f32, f32::max)
    };
    let mut needs: Vec<Need> = table
        .columns
        .iter()
        .map(|c| {
            let word = words(Face::SansBold, &c.title);
            Need {
                word,
                keep: word,
                whole: width(Face::SansBold, &c.title),
            }
        })
        .collect();
    let body = table.rows.iter().map(|r| (r, Face::Sans));
    let total = table.total.iter().map(|r| (r, Face::SansBold));
    for (row, face) in body.chain(total) {
        for ((cell, need), column) in row.iter().zip(&mut needs).zip(&table.columns) {
            let whole = width(face, cell);
            let word = words(face, cell);
            need.word = need.word.max(word);
            need.keep = need.keep.max(if column.wraps { word } else { whole });
            need.whole = need.whole.max(whole);
        }
    }
    needs
}

/// `low` widened towards `high` to fill `room`, each column in proportion to what it lacks (as
/// browsers lay out automatic tables).
fn widen(low: &[f32], high: &[f32], room: f32) -> Vec<f32> {
    let sum_low: f32 = low.iter().sum();
    let slack: f32 = low.iter().zip(high).map(|(l, h)| h - l).sum();
    low.iter()
        .zip(high)
        .map(|(l, h)| {
            l + if slack > 0.0 {
                (room - sum_low) * (h - l) / slack
            } else {
                0.0
            }
        })
        .collect()
}

/// Column widths in twips that add up to `total`. Every column gets its whole text when all
/// fit; else what it would keep (numbers and dates unbroken) and a share of the rest; else its
/// widest word and a share; only when even the words do not fit are words broken.
fn widths(needs: &[Need], pad: u32, total: u32) -> Vec<u32> {
    if needs.is_empty() {
        return Vec::new();
    }
    #[allow(clippy::cast_precision_loss)]
    let pad = pad as f32 * 2.0 / 20.0;
    #[allow(clippy::cast_precision_loss)]
    let room = total as f32 / 20.0;
    let word: Vec<f32> = needs.iter().map(|n| n.word + pad).collect();
    let keep: Vec<f32> = needs.iter().map(|n| n.keep.max(n.word) + pad).collect();
    let whole: Vec<f32> = needs
        .iter()
        .map(|n| n.whole.max(n.keep).max(n.word) + pad)
        .collect();
    let sum = |v: &[f32]| v.iter().sum::<f32>();
    let points: Vec<f32> = if sum(&whole) <= room {
        whole.iter().map(|m| m * room / sum(&whole)).collect()
    } else if sum(&keep) <= room {
        widen(&keep, &whole, room)
    } else if sum(&word) <= room {
        widen(&word, &keep, room)
    } else {
        word.iter().map(|m| m * room / sum(&word)).collect()
    };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut twips: Vec<u32> = points.iter().map(|p| (p * 20.0).floor() as u32).collect();
    // What rounding left over goes to the first column, so the table is exactly the width.
    let used: u32 = twips.iter().sum();
    twips[0] += total.saturating_sub(used);
    twips
}

/// Write `table` (without its caption) into `out`.
pub fn write(out: &mut String, table: &Table, fonts: &Fonts) {
    let (size, pad, style) = if table.compact {
        (COMPACT_TABLE_SIZE, PAD.1, "TableTextSmall")
    } else {
        (TABLE_SIZE, PAD.0, "TableText")
    };
    #[allow(clippy::cast_precision_loss)]
    let points = size as f32 / 2.0;
    let widths = widths(&measure(fonts, table, points), pad, TEXT_WIDTH);
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"{GREY}\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"{GREY}\"/><w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"{RULE}\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"{pad}\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"{pad}\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"{}\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        u8::from(table.total.is_some())
    );
    for w in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");

    let titles: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
    row(out, table, &widths, &titles, Row::Header, style);
    let mut stripe = false;
    for (i, cells) in table.rows.iter().enumerate() {
        stripe = if table.stripe_by_first_column {
            let new_group = i == 0
                || table.rows[i - 1].first().map(String::as_str)
                    != cells.first().map(String::as_str);
            if new_group && i > 0 { !stripe } else { stripe }
        } else {
            i % 2 == 1
        };
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        row(out, table, &widths, &cells, Row::Body { stripe }, style);
    }
    if let Some(total) = &table.total {
        let cells: Vec<&str> = total.iter().map(String::as_str).collect();
        row(out, table, &widths, &cells, Row::Total, style);
    }
    out.push_str("</w:tbl>");
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    Header,
    Body { stripe: bool },
    Total,
}

fn row(out: &mut String, table: &Table, widths: &[u32], cells: &[&str], kind: Row, style: &str) {
    out.push_str("<w:tr><w:trPr><w:cantSplit/>");
    if kind == Row::Header {
        out.push_str("<w:tblHeader/>");
    }
    out.push_str("</w:trPr>");
    for (i, column) in table.columns.iter().enumerate() {
        let text = cells.get(i).copied().unwrap_or("");
        let width = widths.get(i).copied().unwrap_or(0);
        let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
        let fill = match kind {
            Row::Header => Some(HEADER_FILL),
            Row::Body { stripe: true } => Some(STRIPE_FILL),
            Row::Body { stripe: false } | Row::Total => None,
        };
        if kind == Row::Total {
            let _ = write!(
                out,
                "<w:tcBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"{GREY}\"/></w:tcBorders>"
            );
        }
        if let Some(fill) = fill {
            let _ = write!(
                out,
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>"
            );
        }
        if kind == Row::Header {
            out.push_str("<w:vAlign w:val=\"bottom\"/>");
        }
        let _ = write!(out, "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{style}\"/>");
        if column.align == Align::Right {
            out.push_str("<w:jc w:val=\"right\"/>");
        }
        out.push_str("</w:pPr>");
        let rpr = if matches!(kind, Row::Header | Row::Total) {
            "<w:b/>"
        } else {
            ""
        };
        push_run(out, rpr, text);
        out.push_str("</w:p></w:tc>");
    }
    out.push_str("</w:tr>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width_and_keep_their_words() {
        let name = Need {
            word: 40.0,
            keep: 40.0,
            whole: 200.0,
        };
        let date = Need {
            word: 30.0,
            keep: 50.0,
            whole: 50.0,
        };
        // Everything fits: the whole width is shared in proportion.
        let w = widths(&[name, date], 0, 8000);
        assert_eq!(w.iter().sum::<u32>(), 8000);
        assert!(w[0] > w[1]);
        // Too narrow for whole lines: the date keeps its width, the name wraps.
        let w = widths(&[name, date], 0, 2000);
        assert_eq!(w.iter().sum::<u32>(), 2000);
        assert_eq!(w[1], 1000);
        // Narrower still: the date wraps between its words, no word breaks.
        let w = widths(&[name, date], 0, 1500);
        assert!(w[0] >= 800 && w[1] >= 600, "{w:?}");
    }
}
