//! The finished document as bytes: its objects in id order, a cross-reference table and the
//! trailer, in the notation lopdf's writer uses. Written by hand because lopdf 0.44's writer
//! puts a name out a byte at a time through `dyn Write` and formats every number and every
//! cross-reference line with `write!`: serialising a report's 770 objects (mostly the small
//! dictionaries of the structure tree) was a fifth of its work, and is a fifth of that here.
//! lopdf still holds the document, and still writes the long reports that use object streams.

use lopdf::{Dictionary, Object, StringFormat};
use std::io::Write;

/// The header's second line: a comment of four bytes above 127, so that file transfers treat
/// the file as binary (ISO 32000-1 7.5.2; PDF/A-2 requires it).
const BINARY_MARK: [u8; 4] = [0xE2, 0xE3, 0xCF, 0xD3];

/// `pdf` as a PDF file with a cross-reference table, appended to `out`.
pub(super) fn save(pdf: &lopdf::Document, out: &mut Vec<u8>) {
    let start = out.len();
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(pdf.version.as_bytes());
    out.extend_from_slice(b"\n%");
    out.extend_from_slice(&BINARY_MARK);
    out.push(b'\n');
    let mut digits = itoa::Buffer::new();
    // (id, generation, offset) of each object, in id order.
    let mut offsets = Vec::with_capacity(pdf.objects.len());
    for (&(id, generation), object) in &pdf.objects {
        offsets.push((id, generation, out.len() - start));
        out.extend_from_slice(digits.format(id).as_bytes());
        out.push(b' ');
        out.extend_from_slice(digits.format(generation).as_bytes());
        out.extend_from_slice(b" obj\n");
        object_bytes(out, object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let size = offsets.last().map_or(0, |&(id, _, _)| id).max(pdf.max_id) + 1;
    let xref_start = out.len() - start;
    out.extend_from_slice(b"xref\n0 ");
    out.extend_from_slice(digits.format(size).as_bytes());
    // Each entry is 20 bytes: 10 digits of offset, 5 of generation, the type, and a two-byte
    // end of line. Ids without an object are free (generation 65535: never to be used).
    out.extend_from_slice(b"\n0000000000 65535 f \n");
    let mut next = offsets.iter().peekable();
    for id in 1..size {
        match next.next_if(|&&(object, _, _)| object == id) {
            Some(&(_, generation, offset)) => {
                zero_padded(out, offset, 10);
                out.push(b' ');
                zero_padded(out, usize::from(generation), 5);
                out.extend_from_slice(b" n \n");
            }
            None => out.extend_from_slice(b"0000000000 65535 f \n"),
        }
        // Two objects with one id and different generations: only the first is listed.
        while next.next_if(|&&(object, _, _)| object == id).is_some() {}
    }
    out.extend_from_slice(b"trailer\n<<");
    entries(out, &pdf.trailer, Some(b"Size"));
    out.extend_from_slice(b"/Size ");
    out.extend_from_slice(digits.format(size).as_bytes());
    out.extend_from_slice(b">>\nstartxref\n");
    out.extend_from_slice(digits.format(xref_start).as_bytes());
    out.extend_from_slice(b"\n%%EOF\n");
}

/// `value` as `width` decimal digits with leading zeros.
fn zero_padded(out: &mut Vec<u8>, value: usize, width: usize) {
    let mut digits = itoa::Buffer::new();
    let text = digits.format(value);
    out.extend(std::iter::repeat_n(b'0', width.saturating_sub(text.len())));
    out.extend_from_slice(text.as_bytes());
}

/// Whether `object` starts with a regular character, so a space must part it from what is
/// before it.
fn needs_space(object: &Object) -> bool {
    matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

fn entry(out: &mut Vec<u8>, key: &[u8], value: &Object) {
    name(out, key);
    if needs_space(value) {
        out.push(b' ');
    }
    object_bytes(out, value);
}

/// The entries of `dict` but the one keyed `except` (written afterwards by the caller).
fn entries(out: &mut Vec<u8>, dict: &Dictionary, except: Option<&[u8]>) {
    for (key, value) in dict {
        if Some(key.as_slice()) != except {
            entry(out, key, value);
        }
    }
}

fn object_bytes(out: &mut Vec<u8>, object: &Object) {
    let mut digits = itoa::Buffer::new();
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(value) => out.extend_from_slice(digits.format(*value).as_bytes()),
        // As lopdf writes them; the few reals outside the content streams (boxes, rectangles).
        Object::Real(value) => {
            let _ = write!(out, "{value}");
        }
        Object::Name(bytes) => name(out, bytes),
        Object::String(bytes, StringFormat::Literal) => literal_string(out, bytes),
        Object::String(bytes, StringFormat::Hexadecimal) => hex_string(out, bytes),
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && needs_space(item) {
                    out.push(b' ');
                }
                object_bytes(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => {
            out.extend_from_slice(b"<<");
            entries(out, dict, None);
            out.extend_from_slice(b">>");
        }
        Object::Stream(stream) => {
            // `/Length` is the content's, whatever the dictionary says.
            out.extend_from_slice(b"<<");
            entries(out, &stream.dict, Some(b"Length"));
            out.extend_from_slice(b"/Length ");
            out.extend_from_slice(digits.format(stream.content.len()).as_bytes());
            out.extend_from_slice(b">>stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => {
            out.extend_from_slice(digits.format(*id).as_bytes());
            out.push(b' ');
            out.extend_from_slice(digits.format(*generation).as_bytes());
            out.extend_from_slice(b" R");
        }
    }
}

/// Whether `byte` may stand in a name as itself: a regular character from `!` to `~`
/// (ISO 32000-1 7.3.5); any other is written `#XX`.
fn plain_in_name(byte: u8) -> bool {
    (b'!'..=b'~').contains(&byte) && !b"()<>[]{}/%#".contains(&byte)
}

fn name(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'/');
    if bytes.iter().all(|&b| plain_in_name(b)) {
        out.extend_from_slice(bytes);
        return;
    }
    for &byte in bytes {
        if plain_in_name(byte) {
            out.push(byte);
        } else {
            out.extend_from_slice(&[
                b'#',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 15)],
            ]);
        }
    }
}

/// A literal string: parentheses and backslashes escaped, a carriage return as `\r` (a bare
/// one would be read as a line feed).
fn literal_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &byte in bytes {
        match byte {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(byte),
        }
    }
    out.push(b')');
}

fn hex_string(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'<');
    for &byte in bytes {
        out.extend_from_slice(&[HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]]);
    }
    out.push(b'>');
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    /// A document with every kind of object, written and read back by lopdf.
    #[test]
    fn every_kind_of_object_reads_back_as_written() {
        let mut pdf = lopdf::Document::with_version("1.7");
        let content = b"BT /F1 12 Tf (x) Tj ET".to_vec();
        let stream = pdf.add_object(Stream::new(
            dictionary! { "Length" => 999 },
            content.clone(),
        ));
        let values = dictionary! {
            "Null" => Object::Null,
            "True" => true,
            "False" => false,
            "Int" => -42,
            "Real" => 0.25,
            "Plain" => Object::Name(b"StructElem".to_vec()),
            "Odd" => Object::Name(b"A B#(c)/\xC3\xA5".to_vec()),
            "Literal" => Object::String(b"(a) \\ b) (c\r\nd".to_vec(), StringFormat::Literal),
            "Unicode" => Object::String(vec![0xFE, 0xFF, 0x00, 0xE5], StringFormat::Hexadecimal),
            "Array" => vec![1.into(), Object::Name(b"N".to_vec()), 2.into(), Object::Reference(stream), vec![].into()],
            "Ref" => stream,
        };
        let dict = pdf.add_object(values.clone());
        // A gap in the ids: id 3 is never used.
        pdf.max_id += 1;
        let last = pdf.add_object(dictionary! { "Type" => "Catalog", "Values" => dict });
        pdf.trailer.set("Root", last);
        pdf.trailer.set("Size", 1);
        let mut bytes = Vec::new();
        save(&pdf, &mut bytes);

        assert!(bytes.starts_with(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
        assert!(bytes.ends_with(b"%%EOF\n"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/Odd/A#20B#23#28c#29#2F#C3#A5"), "{text}");
        assert!(
            text.contains("/Literal(\\(a\\) \\\\ b\\) \\(c\\r\nd)"),
            "{text}"
        );
        assert!(text.contains("/Array[1/N 2 1 0 R[]]"), "{text}");
        assert!(text.contains("/Length 22>>stream\n"), "{text}");
        assert!(text.contains("/Size 5>>"), "{text}");

        let read = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(read.get_dictionary(dict).unwrap(), &values);
        assert_eq!(
            read.get_object(stream)
                .unwrap()
                .as_stream()
                .unwrap()
                .content,
            content
        );
        assert_eq!(
            read.trailer.get(b"Root").unwrap().as_reference().unwrap(),
            last
        );
    }

    /// Every in-use entry of the cross-reference table points at its object, each entry is 20
    /// bytes, and an unused id is free.
    #[test]
    fn the_cross_reference_table_points_at_each_object() {
        let mut pdf = lopdf::Document::with_version("1.7");
        let ids: Vec<_> = (0..12)
            .map(|i| pdf.add_object(Object::Integer(i)))
            .collect();
        pdf.objects.remove(&ids[4]);
        let mut bytes = Vec::new();
        save(&pdf, &mut bytes);
        let find = |needle: &[u8]| {
            bytes
                .windows(needle.len())
                .rposition(|w| w == needle)
                .unwrap()
        };
        let xref = find(b"xref\n0 13\n") + b"xref\n0 13\n".len();
        for (id, entry) in bytes[xref..].chunks(20).take(13).enumerate() {
            let entry = std::str::from_utf8(entry).unwrap();
            if id == 0 || id == 5 {
                assert_eq!(entry, "0000000000 65535 f \n");
                continue;
            }
            assert!(entry.ends_with(" 00000 n \n"), "{entry:?}");
            let offset: usize = entry[..10].parse().unwrap();
            assert!(bytes[offset..].starts_with(format!("{id} 0 obj\n").as_bytes()));
        }
        let tail = &bytes[find(b"startxref\n") + b"startxref\n".len()..];
        let startxref: usize = std::str::from_utf8(tail)
            .unwrap()
            .trim_end_matches("\n%%EOF\n")
            .parse()
            .unwrap();
        assert!(bytes[startxref..].starts_with(b"xref\n0 13\n"));
    }
}
