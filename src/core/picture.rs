//! A decoded raster picture (an evidence screenshot), as plain data: the store decodes files into
//! it, the report places it. No decoding or file access here.

use std::collections::BTreeMap;
use std::sync::Arc;

/// Evidence screenshots by their path relative to the audit's evidence folder (as the probes
/// name them); `None` where the file could not be read, was no PNG or JPEG, or would leave the
/// folder. `store::evidence::load_pictures` makes it; `report::ReportOptions.evidence` takes it.
pub type EvidencePictures = BTreeMap<String, Option<Arc<Picture>>>;

/// 8-bit RGB pixels, row by row from the top left, `width * height * 3` bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

impl Picture {
    /// Whether the pixel buffer has the size the dimensions say (a picture that does not is
    /// never drawn).
    #[must_use]
    pub fn is_consistent(&self) -> bool {
        self.width > 0
            && self.height > 0
            && u64::from(self.width) * u64::from(self.height) * 3 == self.rgb.len() as u64
    }
}
