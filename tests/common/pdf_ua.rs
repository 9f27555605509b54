//! A PDF/UA-1 and PDF/A-2 checker for the report and the feedback letters, since veraPDF
//! cannot run here: the PDF is parsed back with lopdf and checked for what the tagging and the
//! archival profile require. The README lists the Matterhorn-protocol checkpoints this covers
//! and those it does not.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{BTreeMap, BTreeSet};

pub fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

pub fn name(object: &Object) -> String {
    String::from_utf8(object.as_name().unwrap().to_vec()).unwrap()
}

pub fn text(object: &Object) -> String {
    let bytes = object.as_str().unwrap();
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    } else {
        String::from_utf8(bytes.to_vec()).unwrap()
    }
}

/// A structure element as read back.
#[derive(Debug)]
pub struct Element {
    pub id: ObjectId,
    pub role: String,
    pub parent: Option<usize>,
    pub alt: Option<String>,
    /// Marked content it holds: (page object, MCID).
    pub content: Vec<(ObjectId, i64)>,
    /// Annotations it holds (OBJR).
    pub annotations: Vec<ObjectId>,
    pub attributes: Option<Dictionary>,
}

/// The structure tree in reading order (depth first).
pub fn read_tree(doc: &Document) -> Vec<Element> {
    let catalog = doc.catalog().unwrap();
    let root = dict(doc, catalog.get(b"StructTreeRoot").unwrap());
    assert_eq!(name(root.get(b"Type").unwrap()), "StructTreeRoot");
    let mut out = Vec::new();
    let kid = root.get(b"K").unwrap();
    let top = match kid {
        Object::Array(a) => a.clone(),
        other => vec![other.clone()],
    };
    for k in top {
        walk(doc, k.as_reference().unwrap(), None, &mut out);
    }
    out
}

pub fn walk(doc: &Document, id: ObjectId, parent: Option<usize>, out: &mut Vec<Element>) {
    let d = doc.get_dictionary(id).unwrap();
    assert_eq!(name(d.get(b"Type").unwrap()), "StructElem");
    let page = d.get(b"Pg").ok().map(|p| p.as_reference().unwrap());
    let index = out.len();
    out.push(Element {
        id,
        role: name(d.get(b"S").unwrap()),
        parent,
        alt: d.get(b"Alt").ok().map(text),
        content: Vec::new(),
        annotations: Vec::new(),
        attributes: d.get(b"A").ok().map(|a| dict(doc, a).clone()),
    });
    // The parent pointer goes back to the parent element (or the root).
    let p = d.get(b"P").unwrap().as_reference().unwrap();
    if let Some(parent) = parent {
        assert_eq!(p, out[parent].id, "/P of {id:?}");
    }
    let kids = match d.get(b"K") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(other) => vec![other.clone()],
        Err(_) => Vec::new(),
    };
    for kid in kids {
        match kid {
            Object::Integer(mcid) => {
                let page = page.expect("an MCID kid needs the element's /Pg");
                out[index].content.push((page, mcid));
            }
            Object::Reference(child) => walk(doc, child, Some(index), out),
            Object::Dictionary(k) => match name(k.get(b"Type").unwrap()).as_str() {
                "MCR" => {
                    let pg = k
                        .get(b"Pg")
                        .map(|p| p.as_reference().unwrap())
                        .ok()
                        .or(page)
                        .unwrap();
                    let mcid = k.get(b"MCID").unwrap().as_i64().unwrap();
                    out[index].content.push((pg, mcid));
                }
                "OBJR" => {
                    let annotation = k.get(b"Obj").unwrap().as_reference().unwrap();
                    out[index].annotations.push(annotation);
                }
                other => panic!("unknown kid type {other}"),
            },
            other => panic!("unexpected kid {other:?}"),
        }
    }
}

/// What one page's content stream shows: MCIDs in order, and whether every text-showing and
/// painting operator lies in tagged content or an artifact.
pub struct PageContent {
    pub mcids: Vec<i64>,
    pub untagged: Vec<String>,
    /// The text shown inside artifacts (running header, page numbers, leaders).
    pub artifact_text: usize,
    pub tagged_text: usize,
}

pub fn read_content(doc: &Document, page: ObjectId) -> PageContent {
    let bytes = doc.get_page_content(page);
    let content = Content::decode(&bytes).unwrap();
    // Innermost last: Some(mcid) for tagged content, None for an artifact or other marking.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Tagged,
        Artifact,
        Other,
    }
    let mut stack: Vec<Mark> = Vec::new();
    let mut out = PageContent {
        mcids: Vec::new(),
        untagged: Vec::new(),
        artifact_text: 0,
        tagged_text: 0,
    };
    let mut in_text = false;
    for op in &content.operations {
        match op.operator.as_str() {
            "BDC" => {
                let tag = name(&op.operands[0]);
                let props = match &op.operands[1] {
                    Object::Dictionary(d) => d.clone(),
                    Object::Reference(id) => doc.get_dictionary(*id).unwrap().clone(),
                    // A named property list in the page's resources is not used by the writer.
                    other => panic!("property list {other:?}"),
                };
                if tag == "Artifact" {
                    stack.push(Mark::Artifact);
                } else if let Ok(mcid) = props.get(b"MCID") {
                    assert!(
                        !stack.contains(&Mark::Tagged),
                        "tagged content nested in tagged content"
                    );
                    out.mcids.push(mcid.as_i64().unwrap());
                    stack.push(Mark::Tagged);
                } else {
                    stack.push(Mark::Other);
                }
            }
            "BMC" => {
                let tag = name(&op.operands[0]);
                stack.push(if tag == "Artifact" {
                    Mark::Artifact
                } else {
                    Mark::Other
                });
            }
            "EMC" => {
                assert!(stack.pop().is_some(), "EMC without BDC/BMC");
            }
            "BT" => {
                in_text = true;
            }
            "ET" => {
                in_text = false;
            }
            "Tj" | "TJ" | "'" | "\"" | "re" | "S" | "s" | "f" | "F" | "f*" | "B" | "b" | "Do"
            | "sh" => {
                let is_text = matches!(op.operator.as_str(), "Tj" | "TJ" | "'" | "\"");
                assert!(!is_text || in_text, "text shown outside BT/ET");
                match stack.iter().rev().find(|m| **m != Mark::Other).copied() {
                    Some(Mark::Tagged) if is_text => out.tagged_text += 1,
                    Some(Mark::Artifact) if is_text => out.artifact_text += 1,
                    Some(Mark::Tagged | Mark::Artifact) => {}
                    _ => out.untagged.push(op.operator.clone()),
                }
            }
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unbalanced marked content on {page:?}");
    out
}

/// The parent tree as a map from key to its value.
pub fn parent_tree(doc: &Document) -> BTreeMap<i64, Object> {
    let catalog = doc.catalog().unwrap();
    let root = dict(doc, catalog.get(b"StructTreeRoot").unwrap());
    let tree = dict(doc, root.get(b"ParentTree").unwrap());
    let mut out = BTreeMap::new();
    collect_nums(doc, tree, &mut out);
    out
}

pub fn collect_nums(doc: &Document, node: &Dictionary, out: &mut BTreeMap<i64, Object>) {
    if let Ok(nums) = node.get(b"Nums") {
        for pair in nums.as_array().unwrap().chunks(2) {
            out.insert(pair[0].as_i64().unwrap(), pair[1].clone());
        }
    }
    if let Ok(kids) = node.get(b"Kids") {
        for kid in kids.as_array().unwrap() {
            collect_nums(doc, dict(doc, kid), out);
        }
    }
}

pub fn heading_level(role: &str) -> Option<u8> {
    role.strip_prefix('H')?.parse().ok()
}

/// Everything the checker verifies, for one rendered report; returns the tree for further
/// checks.
pub fn check_pdf_ua(bytes: &[u8]) -> (Document, Vec<Element>) {
    check_pdf_ua_with(bytes, 100)
}

/// As [`check_pdf_ua`], for a document that shows at least `min_tagged_text` runs of tagged
/// text (a short letter shows fewer than a report).
pub fn check_pdf_ua_with(bytes: &[u8], min_tagged_text: usize) -> (Document, Vec<Element>) {
    let doc = Document::load_mem(bytes).unwrap();
    let catalog = doc.catalog().unwrap().clone();

    // The document: marked, its language and title shown.
    let mark_info = dict(&doc, catalog.get(b"MarkInfo").unwrap());
    assert_eq!(mark_info.get(b"Marked").unwrap(), &Object::Boolean(true));
    let lang = text(catalog.get(b"Lang").unwrap());
    assert!(lang == "sv-SE" || lang == "en-GB", "{lang}");
    let prefs = dict(&doc, catalog.get(b"ViewerPreferences").unwrap());
    assert_eq!(
        prefs.get(b"DisplayDocTitle").unwrap(),
        &Object::Boolean(true)
    );
    assert!(doc.trailer.get(b"Encrypt").is_err(), "no encryption");

    // Every page: structure parents and tab order.
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let tree = read_tree(&doc);
    let nums = parent_tree(&doc);
    let element_of: BTreeMap<ObjectId, usize> =
        tree.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
    let mut referenced: BTreeMap<(ObjectId, i64), usize> = BTreeMap::new();
    for (i, e) in tree.iter().enumerate() {
        for c in &e.content {
            assert!(
                referenced.insert(*c, i).is_none(),
                "MCID {c:?} referenced twice from the tree"
            );
        }
    }
    let mut seen = BTreeSet::new();
    let (mut tagged_text, mut artifact_text) = (0, 0);
    for &page in &pages {
        let d = doc.get_dictionary(page).unwrap();
        assert_eq!(name(d.get(b"Tabs").unwrap()), "S");
        let key = d.get(b"StructParents").unwrap().as_i64().unwrap();
        let content = read_content(&doc, page);
        assert!(
            content.untagged.is_empty(),
            "untagged operators on a page: {:?}",
            content.untagged
        );
        tagged_text += content.tagged_text;
        artifact_text += content.artifact_text;
        // The parent tree's array for this page: index = MCID → the element holding it.
        let entry = nums.get(&key).expect("parent tree entry for the page");
        let parents = entry.as_array().unwrap();
        assert_eq!(parents.len(), content.mcids.len());
        for (i, mcid) in content.mcids.iter().enumerate() {
            assert_eq!(*mcid, i64::try_from(i).unwrap(), "MCIDs count up from 0");
            let holder = referenced
                .get(&(page, *mcid))
                .unwrap_or_else(|| panic!("MCID {mcid} on {page:?} is not in the tree"));
            assert_eq!(
                parents[i].as_reference().unwrap(),
                tree[*holder].id,
                "parent tree and tree disagree"
            );
            seen.insert((page, *mcid));
        }
        // Link annotations: a description, printable, and their Link element.
        if let Ok(annots) = d.get(b"Annots") {
            for a in annots.as_array().unwrap() {
                let id = a.as_reference().unwrap();
                let annot = doc.get_dictionary(id).unwrap();
                assert!(!text(annot.get(b"Contents").unwrap()).is_empty());
                assert_eq!(annot.get(b"F").unwrap().as_i64().unwrap() & 4, 4);
                let key = annot.get(b"StructParent").unwrap().as_i64().unwrap();
                let link = nums.get(&key).unwrap().as_reference().unwrap();
                let e = &tree[element_of[&link]];
                assert_eq!(e.role, "Link");
                assert_eq!(e.annotations, vec![id]);
            }
        }
    }
    assert_eq!(
        seen.len(),
        referenced.len(),
        "the tree refers to marked content that does not exist"
    );
    assert!(tagged_text > min_tagged_text && artifact_text > 0);

    // Roles and nesting.
    assert_eq!(tree[0].role, "Document");
    let parent_role = |e: &Element| e.parent.map(|p| tree[p].role.as_str());
    let mut last_level = 0;
    for e in &tree {
        let parent = parent_role(e);
        let expected: &[&str] = match e.role.as_str() {
            "Document" => &[],
            "TR" => &["Table"],
            "TH" | "TD" => &["TR"],
            "LI" => &["L"],
            "Lbl" | "LBody" => &["LI"],
            "TOCI" => &["TOC"],
            "Link" => &["TOCI", "P"],
            "Caption" => &["Table", "Figure"],
            "Reference" | "Note" => &["P"],
            _ => &["Document"],
        };
        if e.role != "Document" {
            assert!(
                parent.is_some_and(|p| expected.contains(&p)),
                "{} under {parent:?}",
                e.role
            );
        }
        if let Some(level) = heading_level(&e.role) {
            assert!((1..=5).contains(&level), "{}", e.role);
            assert!(level <= last_level + 1, "heading level skipped: {}", e.role);
            last_level = level;
        }
        if e.role == "TH" {
            let a = e.attributes.as_ref().expect("TH has attributes");
            assert_eq!(name(a.get(b"O").unwrap()), "Table");
            assert!(["Column", "Row", "Both"].contains(&name(a.get(b"Scope").unwrap()).as_str()));
        }
        if e.role == "Figure" {
            assert!(e.alt.as_deref().is_some_and(|a| !a.trim().is_empty()));
        }
        if e.role == "Note" {
            let d = doc.get_dictionary(e.id).unwrap();
            assert!(d.get(b"ID").is_ok(), "a Note has an ID");
        }
        let has_kids = tree.iter().any(|k| k.parent == Some(element_of[&e.id]));
        assert!(
            has_kids || !e.content.is_empty() || ["TD", "TH"].contains(&e.role.as_str()),
            "empty {}",
            e.role
        );
    }
    // Tables are rectangular: every row has the header's number of cells.
    for (i, e) in tree.iter().enumerate().filter(|(_, e)| e.role == "Table") {
        let rows: Vec<usize> = tree
            .iter()
            .enumerate()
            .filter(|(_, r)| r.parent == Some(i) && r.role == "TR")
            .map(|(r, _)| tree.iter().filter(|c| c.parent == Some(r)).count())
            .collect();
        assert!(rows.len() >= 2, "table {:?} has a header and rows", e.id);
        assert!(rows.iter().all(|n| *n == rows[0]), "{rows:?}");
    }

    // Fonts: embedded, with a Unicode mapping.
    for &page in &pages {
        for (_, font) in doc.get_page_fonts(page).unwrap() {
            assert!(font.get(b"ToUnicode").is_ok(), "ToUnicode");
            let descendant = dict(
                &doc,
                &font.get(b"DescendantFonts").unwrap().as_array().unwrap()[0],
            );
            let descriptor = dict(&doc, descendant.get(b"FontDescriptor").unwrap());
            assert!(descriptor.get(b"FontFile2").is_ok(), "embedded");
            assert_eq!(name(descendant.get(b"CIDToGIDMap").unwrap()), "Identity");
        }
    }
    (doc, tree)
}

/// PDF/A-2a and PDF/UA-1 as claimed in XMP, matching the Info dictionary, with the output
/// intent and the file identifier.
pub fn check_pdf_a(doc: &Document) -> String {
    let catalog = doc.catalog().unwrap();
    let metadata_id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = doc.get_object(metadata_id).unwrap().as_stream().unwrap();
    assert!(stream.dict.get(b"Filter").is_err(), "XMP is not filtered");
    let xmp = String::from_utf8(stream.content.clone()).unwrap();
    for needle in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>",
        "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>",
        "<pdfaProperty:name>part</pdfaProperty:name>",
        "<xmpMM:DocumentID>uuid:",
    ] {
        assert!(xmp.contains(needle), "{needle} in {xmp}");
    }
    let info = dict(doc, doc.trailer.get(b"Info").unwrap());
    let info_text = |key: &[u8]| text(info.get(key).unwrap());
    let esc = |s: String| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    assert!(xmp.contains(&format!(
        "<rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>",
        esc(info_text(b"Title"))
    )));
    assert!(xmp.contains(&format!(
        "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li>",
        esc(info_text(b"Author"))
    )));
    assert!(xmp.contains(&format!(
        "<pdf:Producer>{}</pdf:Producer>",
        esc(info_text(b"Producer"))
    )));
    // "D:20190515000000+02'00'" ↔ "2019-05-15T00:00:00+02:00".
    let created = info_text(b"CreationDate");
    assert_eq!(created, info_text(b"ModDate"));
    let d = &created[2..];
    let xmp_date = format!(
        "{}-{}-{}T{}:{}:{}{}:{}",
        &d[0..4],
        &d[4..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14],
        &d[14..17],
        &d[18..20]
    );
    assert!(
        xmp.contains(&format!("<xmp:CreateDate>{xmp_date}</xmp:CreateDate>")),
        "{xmp_date}"
    );

    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = dict(doc, &intents[0]);
    assert_eq!(name(intent.get(b"S").unwrap()), "GTS_PDFA1");
    let profile_id = intent
        .get(b"DestOutputProfile")
        .unwrap()
        .as_reference()
        .unwrap();
    let profile = doc.get_object(profile_id).unwrap().as_stream().unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let icc = profile.decompressed_content().unwrap();
    assert_eq!(&icc[36..40], b"acsp");
    assert_eq!(&icc[16..20], b"RGB ");

    let id = doc.trailer.get(b"ID").unwrap().as_array().unwrap();
    assert_eq!(id.len(), 2);
    assert_eq!(id[0].as_str().unwrap().len(), 16);
    xmp
}

/// All the text of a PDF, page by page, its whitespace collapsed to single spaces.
pub fn pdf_text(bytes: &[u8]) -> String {
    let doc = Document::load_mem(bytes).unwrap();
    let mut all = String::new();
    for page in doc.get_pages().keys() {
        all.push_str(&doc.extract_text(&[*page]).unwrap_or_default());
        all.push('\n');
    }
    all.split_whitespace().collect::<Vec<_>>().join(" ")
}
