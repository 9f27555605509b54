//! The logical structure of the laid-out report, for a tagged PDF (PDF/UA-1): a tree of
//! structure elements in reading order, and for every drawn item the element it belongs to, or
//! that it is an artifact (running header, page number, rules, cell shading, a repeated table
//! header) that a screen reader skips.
//!
//! The layout opens and closes elements as it places blocks ([`Structure::open`],
//! [`Structure::close`]); every item it draws gets the innermost open element ([`Structure::tag`]).
//! The writer turns the tree into the PDF's structure tree and the tags into marked content.

/// A structure element's type: the standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4),
/// so no role map is needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Document,
    /// A heading of level 1–6.
    H(u8),
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    /// A header cell; its scope is the column.
    TH,
    TD,
    Caption,
    Figure,
    Note,
    Reference,
    TOC,
    TOCI,
    Link,
}

impl Role {
    /// The structure type's name in the PDF.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H(1) => "H1",
            Role::H(2) => "H2",
            Role::H(3) => "H3",
            Role::H(4) => "H4",
            Role::H(5) => "H5",
            Role::H(_) => "H6",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Caption => "Caption",
            Role::Figure => "Figure",
            Role::Note => "Note",
            Role::Reference => "Reference",
            Role::TOC => "TOC",
            Role::TOCI => "TOCI",
            Role::Link => "Link",
        }
    }
}

/// One structure element.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub role: Role,
    /// `None` only for the root.
    pub parent: Option<usize>,
    /// Alternate text (figures).
    pub alt: Option<String>,
    /// For a [`Role::Link`]: the index of its link in `Layout::links`.
    pub link: Option<usize>,
}

/// What a drawn item belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// Content of the structure element with this index.
    Node(usize),
    /// Page furniture: running header, footer and page number.
    Pagination,
    /// Layout: rules, shading, a table header repeated on a new page.
    Artifact,
}

/// The tree being built, and the elements open at the current point of the layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Structure {
    pub nodes: Vec<Node>,
    /// Innermost last; [`Tag::Artifact`] while an artifact is being drawn.
    open: Vec<Tag>,
}

impl Default for Structure {
    fn default() -> Structure {
        Structure::new()
    }
}

impl Structure {
    /// A tree holding only the `Document` root, which is open.
    #[must_use]
    pub fn new() -> Structure {
        Structure {
            nodes: vec![Node {
                role: Role::Document,
                parent: None,
                alt: None,
                link: None,
            }],
            open: vec![Tag::Node(0)],
        }
    }

    /// The tag for an item drawn now: the innermost open element (or artifact).
    #[must_use]
    pub fn tag(&self) -> Tag {
        self.open.last().copied().unwrap_or(Tag::Node(0))
    }

    /// The innermost open element.
    fn parent(&self) -> usize {
        self.open
            .iter()
            .rev()
            .find_map(|t| match t {
                Tag::Node(n) => Some(*n),
                Tag::Pagination | Tag::Artifact => None,
            })
            .unwrap_or(0)
    }

    /// Add an element under the innermost open one without opening it (its content is drawn
    /// later, as a footnote's, or through [`Structure::push`]).
    pub fn add(&mut self, role: Role) -> usize {
        let parent = self.parent();
        self.nodes.push(Node {
            role,
            parent: Some(parent),
            alt: None,
            link: None,
        });
        self.nodes.len() - 1
    }

    /// Add an element under the innermost open one and open it.
    pub fn open(&mut self, role: Role) -> usize {
        let id = self.add(role);
        self.open.push(Tag::Node(id));
        id
    }

    /// Make `tag` (an element added earlier, or an artifact) the current one until the matching
    /// [`Structure::close`].
    pub fn push(&mut self, tag: Tag) {
        self.open.push(tag);
    }

    /// Close the innermost open element or artifact (never the root).
    pub fn close(&mut self) {
        if self.open.len() > 1 {
            self.open.pop();
        }
    }

    /// Whether an artifact is being drawn: elements opened now would hold no content.
    #[must_use]
    pub fn in_artifact(&self) -> bool {
        matches!(self.tag(), Tag::Artifact | Tag::Pagination)
    }
}

/// The heading level (1–5) of each heading in reading order: the outline level of the model,
/// never more than one below the previous heading, so that no level is skipped.
#[must_use]
pub fn heading_level(outline_level: u8, previous: u8) -> u8 {
    outline_level.clamp(1, 5).min(previous + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_nest_under_the_innermost_open_one() {
        let mut s = Structure::new();
        let table = s.open(Role::Table);
        let row = s.open(Role::TR);
        let cell = s.open(Role::TD);
        assert_eq!(s.tag(), Tag::Node(cell));
        s.close();
        s.close();
        s.push(Tag::Artifact);
        assert!(s.in_artifact());
        s.close();
        s.close();
        assert_eq!(s.tag(), Tag::Node(0));
        assert_eq!(s.nodes[row].parent, Some(table));
        assert_eq!(s.nodes[cell].parent, Some(row));
        assert_eq!(s.nodes[table].parent, Some(0));
        // The root is never closed.
        s.close();
        assert_eq!(s.tag(), Tag::Node(0));
    }

    #[test]
    fn heading_levels_are_never_skipped() {
        assert_eq!(heading_level(1, 0), 1);
        assert_eq!(heading_level(4, 1), 2);
        assert_eq!(heading_level(4, 3), 4);
        assert_eq!(heading_level(7, 5), 5);
        assert_eq!(heading_level(2, 4), 2);
    }
}
