//! The report's content as Typst markup, for measuring Svarskoll's report against Typst's cold
//! compile of the same content (`scripts/report-speed.sh`): the same cover, contents, headings,
//! paragraphs with footnotes, lists, tables with repeated headers, the bar chart, and the
//! running header and page numbers.
//!
//! `cargo run --release --example report_typst -- AUDIT.svarskoll.ron > report.typ`
#![allow(clippy::print_stdout, clippy::print_stderr)] // a command-line tool

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use svarskoll::core::Lang;
use svarskoll::report::model::{Align, Block, HeadingKind, Paragraph, Style};
use svarskoll::report::{ReportOptions, build_document};

/// A Typst string literal.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn paragraph(p: &Paragraph) -> String {
    let mut out = String::new();
    for span in &p.spans {
        let s = string(&span.text);
        match span.style {
            Style::Regular => {
                let _ = write!(out, "#{s}");
            }
            Style::Bold => {
                let _ = write!(out, "#strong({s})");
            }
            Style::Italic => {
                let _ = write!(out, "#emph({s})");
            }
        }
    }
    if let Some(note) = &p.footnote {
        let _ = write!(out, "#footnote({})", string(note));
    }
    out
}

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: report_typst AUDIT.svarskoll.ron");
        return ExitCode::from(2);
    };
    let audit = match svarskoll::store::load_audit(&path) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{}", svarskoll::i18n::file_error_text(&e, Lang::Sv));
            return ExitCode::FAILURE;
        }
    };
    let now = chrono::Utc::now();
    let as_of = svarskoll::core::rules::as_of(&audit, now);
    let options = ReportOptions::dated(&audit, Lang::Sv, as_of, now);
    let Ok(doc) = build_document(&audit, &options) else {
        return ExitCode::FAILURE;
    };
    let mut t = String::new();
    let _ = writeln!(
        t,
        "#set document(title: {}, author: {})",
        string(&doc.info.title),
        string(&doc.info.author)
    );
    t.push_str("#set text(font: \"DejaVu Serif\", size: 10.5pt, lang: \"sv\", region: \"SE\")\n");
    t.push_str("#set par(justify: false)\n");
    t.push_str("#show heading: set text(font: \"DejaVu Sans\")\n");
    t.push_str("#show table: set text(font: \"DejaVu Sans\", size: 8.5pt)\n");
    t.push_str("#set page(paper: \"a4\", margin: (x: 25mm, top: 25mm, bottom: 22mm))\n");
    // The cover.
    let _ = writeln!(t, "#text(size: 12pt, {})", string(&doc.cover.organisation));
    t.push_str("#v(30%)\n");
    let _ = writeln!(t, "#text(size: 24pt, {})\n", string(&doc.cover.title));
    let _ = writeln!(t, "#text(size: 14pt, {})\n", string(&doc.cover.subtitle));
    let _ = writeln!(t, "#text(size: 12pt, {})\n", string(&doc.cover.committee));
    t.push_str("#v(1fr)\n");
    for (label, value) in &doc.cover.facts {
        let _ = writeln!(t, "#strong({}) #h(1em) #{}\n", string(label), string(value));
    }
    let _ = writeln!(
        t,
        "#set page(header: [#text(size: 8pt, {}) #h(1fr) #text(size: 8pt, {})], footer: context [#h(1fr) #counter(page).display() (#counter(page).final().first())])",
        string(&doc.header.0),
        string(&doc.header.1)
    );
    t.push_str("#pagebreak()\n");
    for block in &doc.blocks {
        match block {
            Block::TableOfContents => {
                let _ = writeln!(t, "#outline(title: {})", string(&doc.words.contents));
            }
            Block::Heading(h) => {
                if h.kind == HeadingKind::Chapter {
                    t.push_str("#pagebreak(weak: true)\n");
                }
                let level = h.outline_level.clamp(1, 5);
                let title = match &h.number {
                    Some(n) => format!("{n} {}", h.text),
                    None => h.text.clone(),
                };
                let _ = writeln!(
                    t,
                    "#heading(level: {level}, outlined: {}, {})",
                    h.in_toc,
                    string(&title)
                );
            }
            Block::Paragraph(p) => {
                let _ = writeln!(t, "{}\n", paragraph(p));
            }
            Block::Bullets(items) => {
                for item in items {
                    let _ = writeln!(t, "- {}", paragraph(item));
                }
                t.push('\n');
            }
            Block::Table(table) => {
                let aligns: Vec<&str> = table
                    .columns
                    .iter()
                    .map(|c| match c.align {
                        Align::Left => "left",
                        Align::Right => "right",
                    })
                    .collect();
                let _ = write!(
                    t,
                    "#figure(kind: table, supplement: none, caption: {}, table(columns: {}, align: ({}), stroke: (x: none, y: 0.4pt), table.header(",
                    string(table.caption.as_deref().unwrap_or("")),
                    table.columns.len(),
                    aligns.join(", ")
                );
                for c in &table.columns {
                    let _ = write!(t, "strong({}), ", string(&c.title));
                }
                t.push_str("), ");
                for row in table.rows.iter().chain(&table.total) {
                    for cell in row {
                        let _ = write!(t, "{}, ", string(cell));
                    }
                }
                t.push_str("))\n");
            }
            Block::BarChart(chart) => {
                let _ = write!(
                    t,
                    "#figure(kind: image, supplement: none, caption: {}, alt: {}, grid(columns: (3cm, 10cm), row-gutter: 4pt, ",
                    string(&chart.caption),
                    string(&chart.alt)
                );
                for bar in &chart.bars {
                    let _ = write!(
                        t,
                        "{}, [#box(rect(width: {:.1}%, height: 10pt, fill: blue)) #{}], ",
                        string(&bar.label),
                        bar.value * 100.0,
                        string(&bar.value_label)
                    );
                }
                t.push_str("))\n");
            }
            // The evidence appendix is not part of the speed comparison (no pictures there).
            Block::Figure(f) => {
                let _ = writeln!(t, "{}\n", string(&f.caption));
            }
            Block::PageBreak => t.push_str("#pagebreak(weak: true)\n"),
        }
    }
    print!("{t}");
    ExitCode::SUCCESS
}
