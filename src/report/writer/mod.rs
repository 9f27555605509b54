//! The PDF writer: laid-out pages → printpdf operations → a lopdf document, finished by hand
//! where printpdf 0.12 falls short (document language, a hierarchical outline with exact
//! destinations, clickable table of contents, `/PageMode` as a name, clean Info dictionary).

mod content;
mod deflate;
mod pdfa;
mod serialize;
mod structure;

pub use pdfa::{PDFA_CONFORMANCE, PDFA_PART, PDFUA_PART};

use super::fonts::Face;
use super::layout::{Anchor, Item, Layout, Node, Page, Rgb, Tag};
use super::model::DocInfo;
use crate::core::picture::Picture;
use chrono::{DateTime, FixedOffset};
use content::{ContentStream, GlyphCodes};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    FontId, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, RawImage,
    RawImageData, RawImageFormat, TextItem, XObject, XObjectId,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use structure::{PageMarks, add_structure_tree};

fn rgb(c: Rgb) -> [f32; 3] {
    [c.0, c.1, c.2]
}

/// The face as printpdf needs it: its reduced program when every character drawn in it is
/// one of the reduced set, else the full one (nothing is dropped or replaced on the way).
fn program(face: Face, reduced: bool) -> &'static [u8] {
    if reduced {
        face.reduced_bytes()
    } else {
        face.bytes()
    }
}

fn parse_face(face: Face, program: &[u8]) -> Result<ParsedFont, String> {
    ParsedFont::from_bytes(program, 0, &mut Vec::new())
        .ok_or_else(|| format!("typsnittet {face:?} kan inte läsas"))
}

/// The faces' reduced programs parsed for printpdf: parsed once (`render_pdf` does it on a
/// second thread while the document is laid out; the letters share one set) and cloned into
/// each PDF, which is cheap (printpdf's faces share their tables).
pub struct ParsedFaces {
    reduced: Vec<Result<ParsedFont, String>>,
}

impl ParsedFaces {
    #[must_use]
    pub fn parse() -> ParsedFaces {
        ParsedFaces {
            reduced: Face::ALL
                .iter()
                .map(|&face| parse_face(face, program(face, true)))
                .collect(),
        }
    }

    /// The face parsed from its reduced program, or else from its full one (parsed now: a
    /// report with characters outside the reduced set).
    fn get(&self, face: Face, reduced: bool) -> Result<ParsedFont, String> {
        if reduced {
            self.reduced[face.index()].clone()
        } else {
            parse_face(face, program(face, false))
        }
    }
}

/// One face the pages draw text in: whether the reduced face has every character drawn in
/// it, and those characters (each once, in order).
struct UsedFace {
    face: Face,
    reduced: bool,
    chars: BTreeSet<char>,
}

/// The faces the pages draw text in, sorted.
fn used_faces(layout: &Layout) -> Vec<UsedFace> {
    let mut used: Vec<UsedFace> = Vec::new();
    for page in &layout.pages {
        for item in &page.items {
            let Item::Text { face, text, .. } = item else {
                continue;
            };
            let index = match used.iter().position(|u| u.face == *face) {
                Some(index) => index,
                None => {
                    used.push(UsedFace {
                        face: *face,
                        reduced: true,
                        chars: BTreeSet::new(),
                    });
                    used.len() - 1
                }
            };
            let entry = &mut used[index];
            for c in text.chars() {
                if entry.chars.insert(c) && !super::fonts::in_reduced(c) {
                    entry.reduced = false;
                }
            }
        }
    }
    used.sort_unstable_by_key(|u| u.face);
    used
}

/// One page for printpdf: no content (the content streams are written afterwards), except
/// that the first page names every character of every font once, so that printpdf subsets
/// the fonts to exactly the glyphs the pages draw and writes their widths and `/ToUnicode`.
fn census(used: &[UsedFace], fonts: &BTreeMap<Face, FontId>) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for u in used {
        let Some(id) = fonts.get(&u.face) else {
            continue;
        };
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(id.clone()),
            size: Pt(10.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(u.chars.iter().collect())],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Drawing state carried between items of one page.
struct Pen<'a> {
    content: ContentStream,
    marks: PageMarks,
    nodes: &'a [Node],
    images: &'a [(Arc<Picture>, XObjectId)],
}

impl Pen<'_> {
    fn draw(&mut self, item: &Item, height: f32, dashed: &mut bool) {
        match item {
            Item::Rect { x, y, w, h, fill } => {
                self.content.color(rgb(*fill), "rg");
                self.content.fill_rect(*x, height - y - h, *w, *h);
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color: c,
                dash,
            } => {
                self.content.color(rgb(*c), "RG");
                self.content.line_width(*width);
                if *dash != *dashed {
                    self.content.dash(if *dash { &[3.0, 2.0] } else { &[] });
                    *dashed = *dash;
                }
                self.content.line((*x1, height - y1), (*x2, height - y2));
            }
            Item::Image {
                x,
                y,
                w,
                h,
                picture,
            } => {
                let Some((_, id)) = self.images.iter().find(|(p, _)| Arc::ptr_eq(p, picture))
                else {
                    return;
                };
                self.content.image(&id.0, *x, height - y - h, *w, *h);
            }
            Item::Text { .. } => {}
        }
    }
}

/// The pictures on the pages, each once, with fixed XObject ids ("IM1", "IM2" …; printpdf's
/// own are random), registered as RGB images.
fn add_images(doc: &mut PdfDocument, layout: &Layout) -> Vec<(Arc<Picture>, XObjectId)> {
    let mut images: Vec<(Arc<Picture>, XObjectId)> = Vec::new();
    for page in &layout.pages {
        for item in &page.items {
            let Item::Image { picture, .. } = item else {
                continue;
            };
            if !picture.is_consistent() || images.iter().any(|(p, _)| Arc::ptr_eq(p, picture)) {
                continue;
            }
            let id = XObjectId(format!("IM{}", images.len() + 1));
            doc.resources.xobjects.map.insert(
                id.clone(),
                XObject::Image(RawImage {
                    pixels: RawImageData::U8(picture.rgb.clone()),
                    width: picture.width as usize,
                    height: picture.height as usize,
                    data_format: RawImageFormat::RGB8,
                    tag: Vec::new(),
                }),
            );
            images.push((Arc::clone(picture), id));
        }
    }
    images
}

/// The fonts of the pages as the content streams name and encode them.
struct PageFonts {
    /// Resource name and glyph codes, by face.
    faces: BTreeMap<Face, (String, GlyphCodes)>,
    /// The faces with glyph codes: the text drawn.
    drawn: BTreeSet<Face>,
}

/// One step of drawing a page, in the order of its content stream: rules, boxes and pictures
/// first, then the text in one text object (only the text in a face with glyph codes: any other
/// is not drawn).
enum Step<'p> {
    Shape(&'p Item, Tag),
    BeginText,
    Text(&'p Item, Tag),
    EndText,
}

/// The steps of drawing `page` in the faces `drawn`. [`page_content`] draws them and
/// [`page_marks`] only counts their marked content, so both number the same MCIDs.
fn drawing_order<'p>(page: &'p Page, drawn: &'p BTreeSet<Face>) -> impl Iterator<Item = Step<'p>> {
    let tagged = || {
        page.items.iter().zip(
            page.tags
                .iter()
                .copied()
                .chain(std::iter::repeat(Tag::Artifact)),
        )
    };
    let shapes = tagged()
        .filter(|(item, _)| !matches!(item, Item::Text { .. }))
        .map(|(item, tag)| Step::Shape(item, tag));
    let text = tagged()
        .filter(|(item, _)| matches!(item, Item::Text { face, .. } if drawn.contains(face)))
        .map(|(item, tag)| Step::Text(item, tag));
    shapes
        .chain(std::iter::once(Step::BeginText))
        .chain(text)
        .chain(std::iter::once(Step::EndText))
}

/// The content stream of one page and its marked content: rules and boxes first, then the
/// text in one text object; each run of items of one structure element is a marked-content
/// sequence with its MCID, furniture and rules are artifacts. Coordinates flip from top-down
/// (layout) to bottom-up (PDF).
fn page_content(
    page: &Page,
    nodes: &[Node],
    images: &[(Arc<Picture>, XObjectId)],
    height: f32,
    fonts: &mut PageFonts,
) -> (Vec<u8>, Vec<usize>) {
    let mut pen = Pen {
        content: ContentStream::with_capacity(page.items.len() * 48 + 64),
        marks: PageMarks::default(),
        nodes,
        images,
    };
    let mut dashed = false;
    let mut current_font: Option<(Face, f32)> = None;
    let mut current_color: Option<Rgb> = None;
    for step in drawing_order(page, &fonts.drawn) {
        match step {
            Step::Shape(item, tag) => {
                pen.marks.enter(tag, pen.nodes, &mut pen.content);
                pen.draw(item, height, &mut dashed);
            }
            Step::BeginText => {
                pen.marks.leave(&mut pen.content);
                pen.content.bare("BT");
            }
            Step::Text(
                Item::Text {
                    x,
                    y,
                    face,
                    size,
                    color: c,
                    text,
                    ..
                },
                tag,
            ) => {
                let Some((resource, codes)) = fonts.faces.get_mut(face) else {
                    continue;
                };
                pen.marks.enter(tag, pen.nodes, &mut pen.content);
                if current_font != Some((*face, *size)) {
                    pen.content.font(resource, *size);
                    current_font = Some((*face, *size));
                }
                if current_color != Some(*c) {
                    pen.content.color(rgb(*c), "rg");
                    current_color = Some(*c);
                }
                pen.content.text_position(*x, height - y);
                pen.content.show(text, codes);
            }
            Step::Text(..) => {}
            Step::EndText => {
                pen.marks.leave(&mut pen.content);
                pen.content.bare("ET");
            }
        }
    }
    (pen.content.into_bytes(), pen.marks.mcids)
}

/// The marked content [`page_content`] makes of `page` (the element of each MCID), without
/// drawing: the structure tree is made from these while another thread draws the pages.
fn page_marks(page: &Page, nodes: &[Node], drawn: &BTreeSet<Face>) -> Vec<usize> {
    let mut marks = PageMarks::default();
    // Only the few marked-content operators land here.
    let mut scratch = ContentStream::default();
    for step in drawing_order(page, drawn) {
        match step {
            Step::Shape(_, tag) | Step::Text(_, tag) => marks.enter(tag, nodes, &mut scratch),
            Step::BeginText | Step::EndText => marks.leave(&mut scratch),
        }
    }
    marks.mcids
}

/// The glyph codes printpdf gave each font: read from the `/ToUnicode` map of the font
/// resource `id` on the first page.
fn glyph_codes(
    pdf: &lopdf::Document,
    page: ObjectId,
    used: &[UsedFace],
    fonts: &BTreeMap<Face, FontId>,
) -> Result<PageFonts, String> {
    let lookup = || -> Result<&Dictionary, lopdf::Error> {
        let resources = pdf.get_dictionary(page)?.get(b"Resources")?;
        let resources = pdf.dereference(resources)?.1.as_dict()?;
        pdf.dereference(resources.get(b"Font")?)?.1.as_dict()
    };
    let font_dict = lookup().map_err(|e| format!("PDF-typsnitten: {e}"))?;
    let mut faces = BTreeMap::new();
    for u in used {
        let Some(id) = fonts.get(&u.face) else {
            continue;
        };
        let to_unicode = || -> Result<&[u8], lopdf::Error> {
            let font = pdf
                .dereference(font_dict.get(id.0.as_bytes())?)?
                .1
                .as_dict()?;
            let map = pdf.dereference(font.get(b"ToUnicode")?)?.1.as_stream()?;
            Ok(&map.content)
        };
        let map = to_unicode().map_err(|e| format!("typsnittet {:?}: {e}", u.face))?;
        let codes = GlyphCodes::from_to_unicode(u.face, program(u.face, u.reduced), map);
        faces.insert(u.face, (id.0.clone(), codes));
    }
    let drawn = faces.keys().copied().collect();
    Ok(PageFonts { faces, drawn })
}

/// The content stream of `page`.
fn content_stream(pdf: &lopdf::Document, page: ObjectId) -> Result<ObjectId, lopdf::Error> {
    pdf.get_dictionary(page)?.get(b"Contents")?.as_reference()
}

/// The number of objects from which they go into object streams.
const OBJECT_STREAMS_FROM: usize = 2_000;

/// The writer's name in the metadata.
const PRODUCER: &str = "Svarskoll (printpdf 0.12, lopdf 0.44)";

fn creator() -> String {
    concat!("Svarskoll ", env!("CARGO_PKG_VERSION")).to_owned()
}

/// The document's date in the Info dictionary's and in XMP's notation.
struct DocumentDates {
    info: String,
    xmp: String,
}

/// Render the laid-out report as PDF bytes: tagged (PDF/UA-1) and PDF/A-2a, the same bytes for
/// the same layout and metadata.
///
/// # Errors
/// When a font cannot be parsed or lopdf cannot serialise the document.
pub fn write(layout: &Layout, info: &DocInfo, faces: &ParsedFaces) -> Result<Vec<u8>, String> {
    let geo = layout.geometry;
    let mut doc = PdfDocument::new(&info.title);
    // Fixed font ids (printpdf makes random ones): the same report gives the same bytes. The
    // first six letters become the subset tag ("SVKAAA+DejaVuSerifCondensed").
    let used = used_faces(layout);
    let mut fonts = BTreeMap::new();
    for (i, u) in used.iter().enumerate() {
        let parsed = faces.get(u.face, u.reduced)?;
        #[allow(clippy::cast_possible_truncation)]
        let id = FontId(format!("SVKAA{}", (b'A' + i as u8) as char));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::font::PdfFont::new(parsed));
        fonts.insert(u.face, id);
    }
    let images = add_images(&mut doc, layout);
    let width_mm = Mm(geo.width * 25.4 / 72.0);
    let height_mm = Mm(geo.height * 25.4 / 72.0);
    let pages: Vec<PdfPage> = (0..layout.pages.len())
        .map(|i| {
            let ops = if i == 0 {
                census(&used, &fonts)
            } else {
                Vec::new()
            };
            PdfPage::new(width_mm, height_mm, ops)
        })
        .collect();
    let doc = doc.with_pages(pages);
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut pdf = printpdf::serialize::to_lopdf_doc(doc, &options, &mut warnings);
    let page_ids: Vec<ObjectId> = pdf.get_pages().values().copied().collect();
    let page_fonts = match page_ids.first() {
        Some(&first) => Some(glyph_codes(&pdf, first, &used, &fonts)?),
        None => None,
    };
    let streams = page_ids
        .iter()
        .map(|&id| content_stream(&pdf, id))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("PDF-sidan: {e}"))?;
    // The marked content is known before the pages are drawn: this thread makes the structure
    // tree, the outline and the catalog while a second one draws the pages (a fifth of the
    // writer's work) and hands them on to be deflated.
    let marks: Vec<Vec<usize>> = match &page_fonts {
        Some(fonts) => layout
            .pages
            .iter()
            .map(|page| page_marks(page, &layout.structure, &fonts.drawn))
            .collect(),
        None => Vec::new(),
    };
    // Taken by whichever thread draws the pages.
    let fonts_to_draw = std::sync::Mutex::new(page_fonts);
    let draw_pages = |send: &mut dyn FnMut(ObjectId, Vec<u8>)| -> Result<(), String> {
        let Some(mut fonts) = fonts_to_draw.lock().ok().and_then(|mut f| f.take()) else {
            return Ok(());
        };
        for ((page, &stream), expected) in layout.pages.iter().zip(&streams).zip(&marks) {
            let (content, mcids) =
                page_content(page, &layout.structure, &images, geo.height, &mut fonts);
            if mcids != *expected {
                return Err(
                    "PDF-sidan: den märkta texten stämmer inte med strukturträdet".to_owned(),
                );
            }
            send(stream, content);
        }
        fonts
            .faces
            .values()
            .try_for_each(|(_, codes)| codes.check())
    };
    let draw_pages = &draw_pages;
    std::thread::scope(|scope| {
        let mut deflating = deflate::Deflating::start(scope);
        // Not the pages' content streams: printpdf's first holds the census, the drawn pages
        // replace them.
        deflating.send_streams(&mut pdf, &streams);
        let sender = deflating.sender();
        let drawing = std::thread::Builder::new()
            .name("pdf-pages".to_owned())
            .spawn_scoped(scope, move || {
                draw_pages(&mut |id, content| sender.send(id, content))
            });
        let finished = finish(&mut pdf, layout, info, &marks);
        match drawing {
            Ok(handle) => match handle.join() {
                Ok(drawn) => drawn?,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            // No second thread to be had: draw the pages here.
            Err(_) => draw_pages(&mut |id, content| deflating.send(id, content))?,
        }
        deflating.finish(&mut pdf);
        finished.map_err(|e| format!("PDF-katalogen: {e}"))
    })?;
    // The structure tree is one small dictionary per element. In a long report (thousands of
    // table cells) object streams (PDF 1.5, allowed by PDF/A-2) halve the file: lopdf writes
    // those. In a short one they save 60 KB and cost a fifth of the time (lopdf serialises
    // every object twice); `serialize` writes it with a cross-reference table.
    let mut bytes = Vec::with_capacity(256 * 1024);
    if pdf.objects.len() > OBJECT_STREAMS_FROM {
        let save = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .max_objects_per_stream(200)
            .compression_level(deflate::COMPRESSION_LEVEL)
            .build();
        pdf.save_with_options(&mut bytes, save)
            .map_err(|e| e.to_string())?;
    } else {
        serialize::save(&pdf, &mut bytes);
    }
    Ok(bytes)
}

/// A PDF text string: UTF-16BE with byte-order mark, so å ä ö survive in every viewer.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn ascii_string(text: &str) -> Object {
    Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
}

/// "D:20190515120000+02'00'".
fn pdf_date(t: &DateTime<FixedOffset>) -> String {
    let offset = t.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    format!(
        "D:{}{sign}{:02}'{:02}'",
        t.format("%Y%m%d%H%M%S"),
        offset / 3600,
        (offset % 3600) / 60
    )
}

fn destination(page: ObjectId, y: f32) -> Object {
    Object::Array(vec![
        Object::Reference(page),
        Object::Name(b"XYZ".to_vec()),
        Object::Null,
        Object::Real(y),
        Object::Null,
    ])
}

/// The document's dates: its creation date in both notations.
fn dates(info: &DocInfo) -> DocumentDates {
    DocumentDates {
        info: pdf_date(&info.created),
        xmp: info
            .created
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    }
}

/// The clickable table of contents: one link annotation per entry (`None` where the entry's
/// heading was not found), with its description for screen readers and the print flag PDF/A
/// asks for.
fn add_links(
    pdf: &mut lopdf::Document,
    layout: &Layout,
    pages: &[ObjectId],
) -> Result<Vec<Option<ObjectId>>, lopdf::Error> {
    let height = layout.geometry.height;
    let mut annotations = Vec::with_capacity(layout.links.len());
    for link in &layout.links {
        let (Some(&page), Some(anchor)) = (pages.get(link.page), layout.anchors.get(link.target))
        else {
            annotations.push(None);
            continue;
        };
        let Some(&target) = pages.get(anchor.page) else {
            annotations.push(None);
            continue;
        };
        let annotation = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Annot".to_vec())),
            ("Subtype", Object::Name(b"Link".to_vec())),
            (
                "Rect",
                Object::Array(vec![
                    Object::Real(link.x),
                    Object::Real(height - link.y - link.h),
                    Object::Real(link.x + link.w),
                    Object::Real(height - link.y),
                ]),
            ),
            (
                "Border",
                Object::Array(vec![
                    Object::Integer(0),
                    Object::Integer(0),
                    Object::Integer(0),
                ]),
            ),
            // Print.
            ("F", Object::Integer(4)),
            ("Contents", text_string(&anchor.title)),
            ("Dest", destination(target, height - anchor.y + 6.0)),
        ]);
        let id = pdf.add_object(annotation);
        let page_dict = pdf.get_dictionary_mut(page)?;
        match page_dict.get_mut(b"Annots") {
            Ok(Object::Array(list)) => list.push(Object::Reference(id)),
            _ => page_dict.set("Annots", Object::Array(vec![Object::Reference(id)])),
        }
        annotations.push(Some(id));
    }
    Ok(annotations)
}

/// Catalog, Info, outline, links, the structure tree and the PDF/A identification.
fn finish(
    pdf: &mut lopdf::Document,
    layout: &Layout,
    info: &DocInfo,
    marks: &[Vec<usize>],
) -> Result<(), lopdf::Error> {
    pdf.version = "1.7".to_owned();
    let height = layout.geometry.height;
    let pages: Vec<ObjectId> = pdf.get_pages().values().copied().collect();

    let outlines = add_outline(pdf, &layout.anchors, &pages, height);
    let annotations = add_links(pdf, layout, &pages)?;
    let tree = add_structure_tree(pdf, layout, marks, &pages, &annotations)?;

    let dates = dates(info);
    let page_texts: Vec<Vec<u8>> = layout
        .pages
        .iter()
        .map(|p| {
            p.items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { text, .. } => Some(text.as_bytes()),
                    _ => None,
                })
                .flatten()
                .copied()
                .collect()
        })
        .collect();
    let id = pdfa::file_id(info, &page_texts);
    let metadata = pdfa::add_metadata(pdf, pdfa::xmp(info, &dates, &id));
    let output_intents = pdfa::add_output_intent(pdf);

    let catalog = pdf.catalog_mut()?;
    catalog.set("Lang", ascii_string(&info.lang));
    catalog.set("PageLayout", Object::Name(b"OneColumn".to_vec()));
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter(vec![("Marked", Object::Boolean(true))]),
    );
    catalog.set("StructTreeRoot", Object::Reference(tree));
    catalog.set("Metadata", Object::Reference(metadata));
    catalog.set("OutputIntents", output_intents);
    match outlines {
        Some(id) => {
            catalog.set("Outlines", Object::Reference(id));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
        }
    }

    let date = ascii_string(&dates.info);
    let info_dict = Dictionary::from_iter(vec![
        ("Title", text_string(&info.title)),
        ("Author", text_string(&info.author)),
        ("Subject", text_string(&info.subject)),
        ("Keywords", text_string(&info.keywords.join(", "))),
        ("Creator", text_string(&creator())),
        ("Producer", text_string(PRODUCER)),
        ("CreationDate", date.clone()),
        ("ModDate", date),
    ]);
    // printpdf's own Info dictionary is replaced, not left behind unreferenced.
    if let Ok(Object::Reference(old)) = pdf.trailer.get(b"Info") {
        let old = *old;
        pdf.objects.remove(&old);
    }
    let info_id = pdf.add_object(info_dict);
    pdf.trailer.set("Info", Object::Reference(info_id));
    let id = Object::String(id, StringFormat::Hexadecimal);
    pdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    Ok(())
}

/// A bookmark tree from the headings (level 1 at the top), each pointing at its heading.
fn add_outline(
    pdf: &mut lopdf::Document,
    anchors: &[Anchor],
    pages: &[ObjectId],
    height: f32,
) -> Option<ObjectId> {
    if anchors.is_empty() {
        return None;
    }
    let root = pdf.new_object_id();
    let ids: Vec<ObjectId> = anchors.iter().map(|_| pdf.new_object_id()).collect();
    // Parent of each anchor: the nearest earlier anchor with a lower level.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(anchors.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, a) in anchors.iter().enumerate() {
        while stack.last().is_some_and(|&s| anchors[s].level >= a.level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..anchors.len()).filter(|&i| parent[i] == p).collect()
    };
    // Chapters and sections start open, deeper levels closed. `Count` is the number of items
    // visible under an item when it is open (negative when it is closed).
    let open = |i: usize| anchors[i].level <= 2;
    let mut visible = vec![0i64; anchors.len()];
    for i in (0..anchors.len()).rev() {
        if let Some(p) = parent[i] {
            visible[p] += 1 + if open(i) { visible[i] } else { 0 };
        }
    }
    for (i, a) in anchors.iter().enumerate() {
        let siblings = children(parent[i]);
        let position = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let kids = children(Some(i));
        let mut dict = Dictionary::from_iter(vec![
            ("Title", text_string(&a.title)),
            (
                "Parent",
                Object::Reference(parent[i].map_or(root, |p| ids[p])),
            ),
        ]);
        if let Some(&page) = pages.get(a.page) {
            dict.set("Dest", destination(page, height - a.y + 6.0));
        }
        if position > 0 {
            dict.set("Prev", Object::Reference(ids[siblings[position - 1]]));
        }
        if let Some(&next) = siblings.get(position + 1) {
            dict.set("Next", Object::Reference(ids[next]));
        }
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            dict.set("First", Object::Reference(ids[first]));
            dict.set("Last", Object::Reference(ids[last]));
            let count = if open(i) { visible[i] } else { -visible[i] };
            dict.set("Count", Object::Integer(count));
        }
        pdf.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let top = children(None);
    let (first, last) = (top.first()?, top.last()?);
    let shown: i64 = top
        .iter()
        .map(|&t| 1 + if open(t) { visible[t] } else { 0 })
        .sum();
    pdf.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Outlines".to_vec())),
            ("First", Object::Reference(ids[*first])),
            ("Last", Object::Reference(ids[*last])),
            ("Count", Object::Integer(shown)),
        ])),
    );
    Some(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn pdf_dates_and_strings() {
        let t = FixedOffset::east_opt(7200)
            .unwrap()
            .with_ymd_and_hms(2019, 5, 15, 9, 30, 0)
            .unwrap();
        assert_eq!(pdf_date(&t), "D:20190515093000+02'00'");
        assert_eq!(
            text_string("å"),
            Object::String(vec![0xFE, 0xFF, 0x00, 0xE5], StringFormat::Hexadecimal)
        );
    }
}
