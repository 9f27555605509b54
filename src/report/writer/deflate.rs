//! Deflating the document's streams: the fonts and the pages on a worker thread while the pages
//! are drawn (on a thread of their own) and the catalog, the outline and the structure tree are
//! made; then what is left on both threads, and the few streams added meanwhile. The bytes are the same whichever thread deflates them.

use lopdf::{Object, ObjectId, Stream};
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
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

/// The streams waiting to be deflated and those done, shared by the worker and, at the end,
/// the thread that finishes the document (which deflates what is left rather than wait).
#[derive(Default)]
struct Queue {
    state: Mutex<QueueState>,
    ready: Condvar,
}

#[derive(Default)]
struct QueueState {
    waiting: VecDeque<(ObjectId, Vec<u8>)>,
    /// No more streams come.
    closed: bool,
    done: Vec<Deflated>,
}

impl Queue {
    /// The state, also after a panic elsewhere: every change to it is whole.
    fn state(&self) -> MutexGuard<'_, QueueState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn push(&self, id: ObjectId, data: Vec<u8>) {
        self.state().waiting.push_back((id, data));
        self.ready.notify_one();
    }

    fn close(&self) {
        self.state().closed = true;
        self.ready.notify_all();
    }

    /// The next stream to deflate; `None` when none is waiting and, with `wait`, none will
    /// come.
    fn next(&self, wait: bool) -> Option<(ObjectId, Vec<u8>)> {
        let mut state = self.state();
        loop {
            if let Some(job) = state.waiting.pop_front() {
                return Some(job);
            }
            if state.closed || !wait {
                return None;
            }
            state = self
                .ready
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Deflate waiting streams until there are none (`wait`: until the queue is closed).
    fn work(&self, deflater: &mut Option<Deflater>, wait: bool) {
        while let Some((id, data)) = self.next(wait) {
            let done = deflated(deflater.get_or_insert_with(Deflater::new), id, data);
            self.state().done.push(done);
        }
    }
}

/// Hands streams to be deflated from another thread (the one drawing the pages).
pub(super) struct StreamSender(Arc<Queue>);

impl StreamSender {
    pub(super) fn send(&self, id: ObjectId, data: Vec<u8>) {
        self.0.push(id, data);
    }
}

/// Streams being deflated on a worker thread while the document is finished: the fonts, and
/// the pages' content as it is drawn. Without a worker, all of it at the end on this thread.
pub(super) struct Deflating<'scope> {
    queue: Arc<Queue>,
    worker: Option<ScopedJoinHandle<'scope, ()>>,
}

impl<'scope> Deflating<'scope> {
    pub(super) fn start<'env>(scope: &'scope Scope<'scope, 'env>) -> Deflating<'scope> {
        let queue = Arc::new(Queue::default());
        let shared = Arc::clone(&queue);
        let worker = std::thread::Builder::new()
            .name("pdf-deflate".to_owned())
            .spawn_scoped(scope, move || shared.work(&mut None, true))
            .ok();
        Deflating { queue, worker }
    }

    /// Deflate `data`, the content of stream `id`, which is put in at [`Deflating::finish`].
    pub(super) fn send(&mut self, id: ObjectId, data: Vec<u8>) {
        self.queue.push(id, data);
    }

    /// A sender for another thread, whose streams are deflated as [`Deflating::send`]'s are.
    pub(super) fn sender(&self) -> StreamSender {
        StreamSender(Arc::clone(&self.queue))
    }

    /// Send every stream of `pdf` still to be deflated but those in `later`, whose content is
    /// sent afterwards (its content is taken out meanwhile). A stream must be sent once: the
    /// threads finish in any order, and of two contents for one stream either could stay.
    pub(super) fn send_streams(&mut self, pdf: &mut lopdf::Document, later: &[ObjectId]) {
        let taken: Vec<(ObjectId, Vec<u8>)> = pdf
            .objects
            .iter_mut()
            .filter_map(|(id, object)| match object {
                Object::Stream(stream) if to_deflate(stream) && !later.contains(id) => {
                    Some((*id, std::mem::take(&mut stream.content)))
                }
                _ => None,
            })
            .collect();
        for (id, data) in taken {
            self.send(id, data);
        }
    }

    /// Deflate what is still waiting alongside the worker, wait for it, put every stream's
    /// content in, and deflate the streams added since. Every stream sent must have been sent
    /// (the senders' threads joined).
    pub(super) fn finish(self, pdf: &mut lopdf::Document) {
        self.queue.close();
        let mut deflater = None;
        self.queue.work(&mut deflater, false);
        if let Some(Err(panic)) = self.worker.map(ScopedJoinHandle::join) {
            std::panic::resume_unwind(panic);
        }
        let done = std::mem::take(&mut self.queue.state().done);
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
                let content = deflater
                    .get_or_insert_with(Deflater::new)
                    .deflate(&data)
                    .ok_or(data);
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
        let drawn = pdf.add_object(Stream::new(Dictionary::new(), Vec::new()));
        let mut added = None;
        std::thread::scope(|scope| {
            let mut deflating = Deflating::start(scope);
            deflating.send_streams(&mut pdf, &[page, drawn]);
            deflating.send(page, text.clone());
            // From a third thread, as the pages are drawn.
            let sender = deflating.sender();
            let text = &text;
            scope
                .spawn(move || sender.send(drawn, text.clone()))
                .join()
                .unwrap();
            added = Some(pdf.add_object(Stream::new(Dictionary::new(), text.clone())));
            deflating.finish(&mut pdf);
        });
        // Without a second thread.
        let mut alone = Deflating {
            queue: Arc::default(),
            worker: None,
        };
        let later = pdf.add_object(Stream::new(Dictionary::new(), Vec::new()));
        alone.send(later, text.clone());
        alone.finish(&mut pdf);
        for id in [before, page, drawn, added.unwrap(), later] {
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
