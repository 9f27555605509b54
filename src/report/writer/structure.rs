//! The tagged PDF: the layout's items as marked content (each run of items of one structure
//! element gets an `/MCID`; furniture and rules are `/Artifact`), and the layout's structure as
//! the document's structure tree with its parent tree (ISO 32000-1, 14.7–14.8; PDF/UA-1).

use super::content::ContentStream;
use crate::report::layout::{Layout, Node, Role, Tag};
use lopdf::{Dictionary, Object, ObjectId};

/// Marked content on one page: which element each MCID belongs to (index = MCID).
#[derive(Debug, Default)]
pub(super) struct PageMarks {
    pub(super) mcids: Vec<usize>,
    open: Option<Tag>,
}

impl PageMarks {
    /// Begin the marked content for `tag` unless it is already open: close the open sequence
    /// first. A new run of an element's content gets a new MCID.
    pub(super) fn enter(&mut self, tag: Tag, nodes: &[Node], content: &mut ContentStream) {
        if self.open == Some(tag) {
            return;
        }
        self.leave(content);
        match tag {
            Tag::Node(node) => {
                let role = nodes.get(node).map_or(Role::P, |n| n.role);
                content.begin_marked(role.name(), self.mcids.len());
                self.mcids.push(node);
            }
            Tag::Pagination => content.begin_pagination(),
            Tag::Artifact => content.begin_artifact(),
        }
        self.open = Some(tag);
    }

    /// End the open marked-content sequence, if any (before a text object ends).
    pub(super) fn leave(&mut self, content: &mut ContentStream) {
        if self.open.take().is_some() {
            content.bare("EMC");
        }
    }
}

/// One kid of a structure element, in reading order.
enum Kid {
    /// Marked content `mcid` on page `page` (0-based).
    Content {
        page: usize,
        mcid: i64,
    },
    Element(usize),
    /// The link annotation of a `Link` element.
    Annotation {
        page: usize,
        annotation: ObjectId,
    },
}

fn name(text: &str) -> Object {
    Object::Name(text.as_bytes().to_vec())
}

/// Add the structure tree for `layout` to `pdf`: the elements, the parent tree (one entry per
/// page: its MCIDs' elements; one per link annotation), `/StructParents` and `/Tabs /S` on every
/// page, `/StructParent` on the annotations. `marks[p]` is page `p`'s marked content and
/// `annotations[i]` the annotation of `layout.links[i]`, if it was made. Returns the
/// `StructTreeRoot`.
pub(super) fn add_structure_tree(
    pdf: &mut lopdf::Document,
    layout: &Layout,
    marks: &[Vec<usize>],
    pages: &[ObjectId],
    annotations: &[Option<ObjectId>],
) -> Result<ObjectId, lopdf::Error> {
    let nodes = &layout.structure;
    // Each element's own content first (in page order), then its child elements, then the
    // annotation of a link: the order the layout drew and opened them in.
    let mut kids: Vec<Vec<Kid>> = nodes.iter().map(|_| Vec::new()).collect();
    for (page, mcids) in marks.iter().enumerate() {
        for (mcid, &node) in mcids.iter().enumerate() {
            if let Some(list) = kids.get_mut(node) {
                #[allow(clippy::cast_possible_wrap)]
                list.push(Kid::Content {
                    page,
                    mcid: mcid as i64,
                });
            }
        }
    }
    for (i, node) in nodes.iter().enumerate() {
        if let Some(parent) = node.parent {
            kids[parent].push(Kid::Element(i));
        }
        if let Some(annotation) = node
            .link
            .and_then(|l| Some((layout.links.get(l)?.page, (*annotations.get(l)?)?)))
        {
            kids[i].push(Kid::Annotation {
                page: annotation.0,
                annotation: annotation.1,
            });
        }
    }
    // Elements that hold nothing are left out (a paragraph of no words), except table cells,
    // which keep a table's rows and columns regular.
    let mut keep = vec![true; nodes.len()];
    for i in (0..nodes.len()).rev() {
        let has_kids = kids[i].iter().any(|k| match k {
            Kid::Element(e) => keep[*e],
            Kid::Content { .. } | Kid::Annotation { .. } => true,
        });
        keep[i] = has_kids || matches!(nodes[i].role, Role::TD | Role::TH) || i == 0;
    }

    let root = pdf.new_object_id();
    let ids: Vec<ObjectId> = nodes.iter().map(|_| pdf.new_object_id()).collect();
    let mut notes = 0;
    for (i, node) in nodes.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        let first_page = kids[i].iter().find_map(|k| match k {
            Kid::Content { page, .. } => Some(*page),
            _ => None,
        });
        let k: Vec<Object> = kids[i]
            .iter()
            .filter_map(|kid| match kid {
                Kid::Content { page, mcid } if Some(*page) == first_page => {
                    Some(Object::Integer(*mcid))
                }
                Kid::Content { page, mcid } => {
                    Some(Object::Dictionary(Dictionary::from_iter(vec![
                        ("Type", name("MCR")),
                        ("Pg", Object::Reference(*pages.get(*page)?)),
                        ("MCID", Object::Integer(*mcid)),
                    ])))
                }
                Kid::Element(e) => keep[*e].then(|| Object::Reference(ids[*e])),
                Kid::Annotation { page, annotation } => {
                    Some(Object::Dictionary(Dictionary::from_iter(vec![
                        ("Type", name("OBJR")),
                        ("Pg", Object::Reference(*pages.get(*page)?)),
                        ("Obj", Object::Reference(*annotation)),
                    ])))
                }
            })
            .collect();
        let parent = node.parent.map_or(root, |p| ids[p]);
        let mut dict = Dictionary::from_iter(vec![
            ("Type", name("StructElem")),
            ("S", name(node.role.name())),
            ("P", Object::Reference(parent)),
            ("K", Object::Array(k)),
        ]);
        if let Some(page) = first_page.and_then(|p| pages.get(p)) {
            dict.set("Pg", Object::Reference(*page));
        }
        if let Some(alt) = &node.alt {
            dict.set("Alt", super::text_string(alt));
        }
        match node.role {
            Role::TH => dict.set(
                "A",
                Dictionary::from_iter(vec![("O", name("Table")), ("Scope", name("Column"))]),
            ),
            Role::L => dict.set(
                "A",
                Dictionary::from_iter(vec![("O", name("List")), ("ListNumbering", name("Disc"))]),
            ),
            Role::Note => {
                notes += 1;
                dict.set("ID", super::ascii_string(&format!("note{notes}")));
            }
            _ => {}
        }
        pdf.objects.insert(ids[i], Object::Dictionary(dict));
    }

    // The parent tree: page p's key is p, link i's key is pages + i.
    let mut nums: Vec<Object> = Vec::new();
    for (page, mcids) in marks.iter().enumerate() {
        let Some(&page_id) = pages.get(page) else {
            continue;
        };
        #[allow(clippy::cast_possible_wrap)]
        let key = page as i64;
        nums.push(Object::Integer(key));
        nums.push(Object::Array(
            mcids.iter().map(|&n| Object::Reference(ids[n])).collect(),
        ));
        let dict = pdf.get_dictionary_mut(page_id)?;
        dict.set("StructParents", Object::Integer(key));
        dict.set("Tabs", name("S"));
    }
    let mut next_key = marks.len();
    for (node, id) in nodes.iter().zip(&ids) {
        let Some(annotation) = node.link.and_then(|l| *annotations.get(l)?) else {
            continue;
        };
        #[allow(clippy::cast_possible_wrap)]
        let key = next_key as i64;
        nums.push(Object::Integer(key));
        nums.push(Object::Reference(*id));
        pdf.get_dictionary_mut(annotation)?
            .set("StructParent", Object::Integer(key));
        next_key += 1;
    }
    let parent_tree = pdf.add_object(Dictionary::from_iter(vec![("Nums", Object::Array(nums))]));
    #[allow(clippy::cast_possible_wrap)]
    let next_key = next_key as i64;
    pdf.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", name("StructTreeRoot")),
            ("K", Object::Reference(ids[0])),
            ("ParentTree", Object::Reference(parent_tree)),
            ("ParentTreeNextKey", Object::Integer(next_key)),
        ])),
    );
    Ok(root)
}
