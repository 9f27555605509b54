//! Deflating the document's streams: the fonts and the pages on a worker thread while the pages
//! are drawn (on a thread of their own) and the catalog, the outline and the structure tree are
//! made, then the few streams added meanwhile. The bytes are the same whichever thread deflates them.

use lopdf::{Object, ObjectId, Stream};
use std::sync::mpsc;
use std::thread::{Scope, ScopedJoinHandle};

/// Deflate level for every stream: the fastest. Level 9 (lopdf's own `compress`) took a third
/// of a report's time for a file 10 % smaller.
pub(super) const COMPRESSION_LEVEL: u32 = 1;

/// One compressor, reset between streams (setting one up clears 300 KB of state).
struct Deflater {
    compress: flate2::Compress,
}

impl Deflater {
    fn new() -> Deflater {
        Deflater {
            compress: flate2::Compress::new(flate2::Compression::new(COMPRESSION_LEVEL), true),
        }
    }

    /// `data` deflated; `None` when that fails or makes nothing smaller.
    fn deflate(&mut self, data: &[u8]) -> Option<Vec<u8>> {
        self.compress.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            #[allow(clippy::cast_possible_truncation)] // at most the data's length
            let read = self.compress.total_in() as usize;
            match self.compress.compress_vec(
                data.get(read..)?,
                &mut out,
                flate2::FlushCompress::Finish,
            ) {
                Ok(flate2::Status::StreamEnd) => break,
                Ok(_) => out.reserve(out.capacity().max(64)),
                Err(_) => return None,
            }
        }
        (out.len() < data.len()).then_some(out)
    }
}

/// Whether `stream` is still to be deflated: it may be compressed (not the XMP metadata) and
/// has no filter yet.
fn to_deflate(stream: &Stream) -> bool {
    stream.allows_compression && stream.dict.get(b"Filter").is_err()
}

/// Give `stream` its deflated content, or its own back.
fn put_back(stream: &mut Stream, content: Result<Vec<u8>, Vec<u8>>) {
    match content {
        Ok(packed) => {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed);
        }
        Err(original) => stream.set_content(original),
    }
}

/// A stream's content after deflating: deflated, or its own when that made nothing smaller.
type Deflated = (ObjectId, Result<Vec<u8>, Vec<u8>>);

fn deflated(deflater: &mut Deflater, id: ObjectId, data: Vec<u8>) -> Deflated {
    (id, deflater.deflate(&data).ok_or(data))
}

/// Streams being deflated on a second thread while the document is finished: the pages'
/// content as it is written, the fonts meanwhile. On this thread when none can be started.
pub(super) struct Deflating<'scope> {
    sender: Option<mpsc::Sender<(ObjectId, Vec<u8>)>>,
    worker: Option<ScopedJoinHandle<'scope, (Deflater, Vec<Deflated>)>>,
    /// What this thread deflates at the end (all of it without a worker).
    here: Vec<(ObjectId, Vec<u8>)>,
}

impl<'scope> Deflating<'scope> {
    pub(super) fn start<'env>(scope: &'scope Scope<'scope, 'env>) -> Deflating<'scope> {
        let (sender, receiver) = mpsc::channel::<(ObjectId, Vec<u8>)>();
        let worker = std::thread::Builder::new()
            .name("pdf-deflate".to_owned())
            .spawn_scoped(scope, move || {
                let mut deflater = Deflater::new();
                let done = receiver
                    .into_iter()
                    .map(|(id, data)| deflated(&mut deflater, id, data))
                    .collect();
                (deflater, done)
            })
            .ok();
        Deflating {
            sender: worker.as_ref().map(|_| sender),
            worker,
            here: Vec::new(),
        }
    }

    /// Deflate `data`, the content of stream `id`, which is put in at [`Deflating::finish`].
    pub(super) fn send(&mut self, id: ObjectId, data: Vec<u8>) {
        let unsent = match &self.sender {
            Some(sender) => sender.send((id, data)).err().map(|e| e.0),
            None => Some((id, data)),
        };
        self.here.extend(unsent);
    }

    /// A sender for another thread, whose streams go to the worker as [`Deflating::send`]'s
    /// do; `None` without a worker.
    pub(super) fn sender(&self) -> Option<mpsc::Sender<(ObjectId, Vec<u8>)>> {
        self.sender.clone()
    }

    /// Send every stream of `pdf` still to be deflated (its content is taken out meanwhile).
    pub(super) fn send_streams(&mut self, pdf: &mut lopdf::Document) {
        let taken: Vec<(ObjectId, Vec<u8>)> = pdf
            .objects
            .iter_mut()
            .filter_map(|(id, object)| match object {
                Object::Stream(stream) if to_deflate(stream) => {
                    Some((*id, std::mem::take(&mut stream.content)))
                }
                _ => None,
            })
            .collect();
        for (id, data) in taken {
            self.send(id, data);
        }
    }

    /// Wait for the worker, put every stream's content in, and deflate the streams added since.
    pub(super) fn finish(mut self, pdf: &mut lopdf::Document) {
        drop(self.sender.take());
        let (mut deflater, mut done) = match self.worker.take().map(ScopedJoinHandle::join) {
            Some(Ok(finished)) => finished,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => (Deflater::new(), Vec::new()),
        };
        done.extend(
            std::mem::take(&mut self.here)
                .into_iter()
                .map(|(id, data)| deflated(&mut deflater, id, data)),
        );
        for (id, content) in done {
            if let Ok(Object::Stream(stream)) = pdf.get_object_mut(id) {
                put_back(stream, content);
            }
        }
        for object in pdf.objects.values_mut() {
            if let Object::Stream(stream) = object
                && to_deflate(stream)
            {
                let data = std::mem::take(&mut stream.content);
                let content = deflater.deflate(&data).ok_or(data);
                put_back(stream, content);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Dictionary;

    #[test]
    fn streams_are_deflated_on_either_thread_and_the_metadata_is_not() {
        let mut pdf = lopdf::Document::with_version("1.7");
        let text = b"BT /F1 10 Tf (hello hello hello hello hello hello) Tj ET".repeat(20);
        let before = pdf.add_object(Stream::new(Dictionary::new(), text.clone()));
        let metadata =
            pdf.add_object(Stream::new(Dictionary::new(), text.clone()).with_compression(false));
        let tiny = pdf.add_object(Stream::new(Dictionary::new(), b"q Q".to_vec()));
        let page = pdf.add_object(Stream::new(Dictionary::new(), Vec::new()));
        let mut added = None;
        std::thread::scope(|scope| {
            let mut deflating = Deflating::start(scope);
            deflating.send_streams(&mut pdf);
            deflating.send(page, text.clone());
            added = Some(pdf.add_object(Stream::new(Dictionary::new(), text.clone())));
            deflating.finish(&mut pdf);
        });
        // Without a second thread.
        let mut alone = Deflating {
            sender: None,
            worker: None,
            here: Vec::new(),
        };
        let later = pdf.add_object(Stream::new(Dictionary::new(), Vec::new()));
        alone.send(later, text.clone());
        alone.finish(&mut pdf);
        for id in [before, page, added.unwrap(), later] {
            let stream = pdf.get_object(id).unwrap().as_stream().unwrap();
            assert_eq!(
                stream.dict.get(b"Filter").unwrap().as_name().unwrap(),
                b"FlateDecode"
            );
            assert!(stream.content.len() < text.len() / 4);
            assert_eq!(stream.decompressed_content().unwrap(), text);
        }
        let metadata = pdf.get_object(metadata).unwrap().as_stream().unwrap();
        assert_eq!(metadata.content, text);
        assert!(metadata.dict.get(b"Filter").is_err());
        // Deflating three bytes makes them longer: they stay as they are.
        let tiny = pdf.get_object(tiny).unwrap().as_stream().unwrap();
        assert_eq!(tiny.content, b"q Q");
        assert!(tiny.dict.get(b"Filter").is_err());
    }
}
