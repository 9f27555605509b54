//! One kind of background work for the whole GUI: a named thread that computes one value, hands
//! it to the UI thread and asks for a repaint. Autosave, the PDF export, the report preview and
//! the native file dialogs all run as a [`Job`], so a new long task does not need its own channel.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What came of a job the UI thread looked at.
#[derive(Debug, PartialEq)]
pub enum Finished<T> {
    /// The thread's value.
    Done(T),
    /// The thread ended without a value (it panicked).
    Lost,
}

enum State<T> {
    Idle,
    Running {
        started: Instant,
        result: Receiver<T>,
    },
    /// Computed on the UI thread because no thread could be started; handed over by `poll`.
    Ready(T),
}

/// A slot for at most one background computation of a `T`.
pub struct Job<T> {
    state: State<T>,
}

impl<T> Default for Job<T> {
    fn default() -> Self {
        Self { state: State::Idle }
    }
}

impl<T: Send + 'static> Job<T> {
    /// Run `work` on a thread called `name`; when it is done, `repaint` (if any) is asked for a
    /// new frame so the result is picked up at once. A job still running is forgotten: its thread
    /// finishes, but its value is dropped.
    ///
    /// # Errors
    /// The thread could not be started (the work is dropped, nothing is running).
    pub fn start<F>(
        &mut self,
        name: &str,
        repaint: Option<egui::Context>,
        work: F,
    ) -> std::io::Result<()>
    where
        F: FnOnce() -> T + Send + 'static,
    {
        self.spawn(name, repaint, work).map_err(|(_, e)| e)
    }

    /// As [`Job::start`], but when no thread can be started the work runs here, now, and the
    /// next [`Job::poll`] hands over its value.
    pub fn start_or_run_here<F>(&mut self, name: &str, repaint: Option<egui::Context>, work: F)
    where
        F: FnOnce() -> T + Send + 'static,
    {
        if let Err((work, _)) = self.spawn(name, repaint, work) {
            self.state = State::Ready(work());
        }
    }

    /// Start the thread; on failure give the work back.
    fn spawn<F>(
        &mut self,
        name: &str,
        repaint: Option<egui::Context>,
        work: F,
    ) -> Result<(), (F, std::io::Error)>
    where
        F: FnOnce() -> T + Send + 'static,
    {
        // `Builder::spawn` drops the closure when it fails, so the work waits in a shared slot
        // that the thread empties, or this function does if there is no thread.
        let slot = Arc::new(Mutex::new(Some(work)));
        let theirs = Arc::clone(&slot);
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let work = theirs.lock().ok().and_then(|mut w| w.take());
                if let Some(work) = work {
                    let _ = tx.send(work());
                }
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.state = State::Running {
                    started: Instant::now(),
                    result: rx,
                };
                Ok(())
            }
            Err(e) => match slot.lock().ok().and_then(|mut w| w.take()) {
                Some(work) => Err((work, e)),
                // Cannot happen (the thread never ran); an empty receiver then reports `Lost`.
                None => {
                    self.state = State::Running {
                        started: Instant::now(),
                        result: rx,
                    };
                    Ok(())
                }
            },
        }
    }
}

impl<T> Job<T> {
    /// Whether a value is still to come (for a spinner, or to not start a second one).
    #[must_use]
    pub fn is_running(&self) -> bool {
        !matches!(self.state, State::Idle)
    }

    /// When the running job was started.
    #[must_use]
    pub fn started(&self) -> Option<Instant> {
        match &self.state {
            State::Running { started, .. } => Some(*started),
            State::Idle | State::Ready(_) => None,
        }
    }

    /// The job's outcome if it has finished, without waiting; the slot is then free again.
    pub fn poll(&mut self) -> Option<Finished<T>> {
        self.wait_up_to(None)
    }

    /// Wait up to `limit` for the job; `None` if nothing was running or it is still running.
    pub fn wait(&mut self, limit: Duration) -> Option<Finished<T>> {
        self.wait_up_to(Some(limit))
    }

    fn wait_up_to(&mut self, limit: Option<Duration>) -> Option<Finished<T>> {
        let finished = match &self.state {
            State::Idle => return None,
            State::Ready(_) => None,
            State::Running { result, .. } => Some(match limit {
                None => match result.try_recv() {
                    Ok(value) => Finished::Done(value),
                    Err(TryRecvError::Empty) => return None,
                    Err(TryRecvError::Disconnected) => Finished::Lost,
                },
                Some(limit) => match result.recv_timeout(limit) {
                    Ok(value) => Finished::Done(value),
                    Err(RecvTimeoutError::Timeout) => return None,
                    Err(RecvTimeoutError::Disconnected) => Finished::Lost,
                },
            }),
        };
        match std::mem::replace(&mut self.state, State::Idle) {
            State::Ready(value) => Some(Finished::Done(value)),
            State::Idle | State::Running { .. } => finished,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_hands_over_its_value_once() {
        let mut job = Job::default();
        assert!(!job.is_running() && job.poll().is_none());
        job.start("test-job", None, || 6 * 7).unwrap();
        assert!(job.is_running() && job.started().is_some());
        assert_eq!(job.wait(Duration::from_secs(10)), Some(Finished::Done(42)));
        assert!(!job.is_running() && job.poll().is_none());
    }

    #[test]
    fn a_panicking_job_is_reported_lost() {
        let mut job: Job<u8> = Job::default();
        job.start("test-panic", None, || panic!("on purpose"))
            .unwrap();
        assert_eq!(job.wait(Duration::from_secs(10)), Some(Finished::Lost));
    }
}
