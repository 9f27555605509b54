//! PDF/A-2a and PDF/UA-1 identification: the XMP metadata (matching the Info dictionary, with
//! the `pdfuaid` schema declared through a PDF/A extension schema, as PDF/A requires of any
//! schema outside its predefined list), the sRGB output intent and the file identifier.
//!
//! The XMP packet is written by hand: it is one fixed template with eight escaped values, which
//! no maintained crate writes with PDF/A's extension-schema block.

use super::{DocumentDates, ascii_string, text_string};
use crate::report::docx::xml::escape as xml;
use crate::report::model::DocInfo;
use lopdf::{Dictionary, Object, ObjectId, Stream};
use sha2::{Digest, Sha256};

/// The sRGB IEC 61966-2.1 profile (ICC v2, 6,922 bytes, zlib licence; from Debian's
/// icc-profiles-free, see `assets/icc/sRGB.icc.LICENSE.txt`).
const SRGB_ICC: &[u8] = include_bytes!("../../../assets/icc/sRGB.icc");

/// The conformance the file claims: PDF/A-2 level a (tagged, Unicode) and PDF/UA-1.
pub const PDFA_PART: u8 = 2;
pub const PDFA_CONFORMANCE: &str = "A";
pub const PDFUA_PART: u8 = 1;

/// A file identifier from what the document says: the same report gives the same identifier,
/// another report another one.
pub(super) fn file_id(info: &DocInfo, pages: &[Vec<u8>]) -> Vec<u8> {
    let mut hash = Sha256::new();
    for part in [&info.title, &info.author, &info.subject, &info.lang] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.update(info.created.to_rfc3339().as_bytes());
    for page in pages {
        hash.update(page);
    }
    hash.finalize()[..16].to_vec()
}

fn uuid(id: &[u8]) -> String {
    let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The XMP packet: Dublin Core, XMP basic, PDF, XMP media management, pdfaid and pdfuaid, with
/// the values of the Info dictionary.
pub(super) fn xmp(info: &DocInfo, dates: &DocumentDates, id: &[u8]) -> String {
    let keywords = info.keywords.join(", ");
    let uuid = uuid(id);
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <pdf:Producer>{producer}</pdf:Producer>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{created}</xmp:CreateDate>
   <xmp:ModifyDate>{created}</xmp:ModifyDate>
   <xmp:MetadataDate>{created}</xmp:MetadataDate>
   <xmpMM:DocumentID>{uuid}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{uuid}</xmpMM:InstanceID>
   <pdfaid:part>{part}</pdfaid:part>
   <pdfaid:conformance>{conformance}</pdfaid:conformance>
   <pdfuaid:part>{ua}</pdfuaid:part>
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
        title = xml(&info.title),
        author = xml(&info.author),
        subject = xml(&info.subject),
        lang = xml(&info.lang),
        keywords = xml(&keywords),
        producer = xml(super::PRODUCER),
        creator = xml(&super::creator()),
        created = dates.xmp,
        part = PDFA_PART,
        conformance = PDFA_CONFORMANCE,
        ua = PDFUA_PART,
    )
}

/// The metadata stream (never compressed: PDF/A forbids a filter on it).
pub(super) fn add_metadata(pdf: &mut lopdf::Document, xmp: String) -> ObjectId {
    let stream = Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp.into_bytes(),
    )
    .with_compression(false);
    pdf.add_object(stream)
}

/// The output intent: colours are sRGB.
pub(super) fn add_output_intent(pdf: &mut lopdf::Document) -> Object {
    // Deflated with the other streams.
    let profile = pdf.add_object(Stream::new(
        Dictionary::from_iter(vec![("N", Object::Integer(3))]),
        SRGB_ICC.to_vec(),
    ));
    Object::Array(vec![Object::Dictionary(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        (
            "OutputConditionIdentifier",
            ascii_string("sRGB IEC61966-2.1"),
        ),
        ("RegistryName", ascii_string("http://www.color.org")),
        ("Info", text_string("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]))])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_have_the_usual_shape() {
        let id: Vec<u8> = (0u8..16).collect();
        assert_eq!(uuid(&id), "uuid:00010203-0405-0607-0809-0a0b0c0d0e0f");
    }
}
