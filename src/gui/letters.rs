//! The feedback letters from the Rapport step: the folder comes from the command's dialog (or a
//! typed path), the letters are made and written on a background [`Job`], and the step shows
//! how many were written where. The same functions as `svarskoll letters`.

use super::i18n::tr;
use super::job::{Finished, Job};
use super::{SvarskollApp, as_of, preview};
use crate::i18n::Words;
use crate::i18n::app as m;
use crate::report::render_letters;
use crate::store::audit_file::{create_export_folder, write_export};
use std::path::PathBuf;
use std::time::Instant;

/// Where writing the letters stands.
#[derive(Debug, Default)]
pub enum LettersState {
    #[default]
    Idle,
    Running {
        folder: PathBuf,
        started: Instant,
    },
    /// `count` letters were written into `folder` (none: no unit needed one).
    Done {
        count: usize,
        folder: PathBuf,
    },
    /// Why, in both languages.
    Failed(Words),
}

/// What the job hands back: how many letters were written into the folder, or why not.
pub(crate) type LettersJob = Job<Result<(usize, PathBuf), Words>>;

impl SvarskollApp {
    /// Make the letters of the open audit and write them into `folder` on a background job, in
    /// the report's language, as of the same instant as the report.
    pub(crate) fn start_letters(&mut self, folder: PathBuf) {
        let Some(doc) = &self.doc else {
            return;
        };
        if matches!(self.letters, LettersState::Running { .. }) {
            return;
        }
        let now = self.now();
        // As for the report: never from an audit with errors.
        if crate::core::check::has_errors(&crate::core::check::check(&doc.audit, now)) {
            self.error_msg(m::shell::REPORT_HAS_ERRORS, "");
            return;
        }
        let audit = doc.audit.clone();
        let options = preview::options(&audit, self.report.report_lang(), as_of(&audit, now), now);
        let all_units = self.report.letters_to_all_units();
        let fonts = self.report_fonts.clone();
        let target = folder.clone();
        let spawned = self
            .letters_job
            .start("letters", self.ctx.clone(), move || {
                let fonts = fonts.map_err(|e| Words::new(|lang| e.text(lang)))?;
                let letters = render_letters(&audit, &options, &fonts, all_units)
                    .map_err(|e| Words::new(|lang| e.text(lang)))?;
                if letters.is_empty() {
                    return Ok((0, target));
                }
                let file_error = |e: crate::store::FileError| {
                    Words::new(|lang| crate::i18n::file_error_text(&e, lang))
                };
                create_export_folder(&target).map_err(file_error)?;
                for letter in &letters {
                    write_export(&target.join(&letter.file_name), &letter.pdf)
                        .map_err(file_error)?;
                }
                Ok((letters.len(), target))
            });
        self.letters = match spawned {
            Ok(()) => LettersState::Running {
                folder,
                started: self.letters_job.started().unwrap_or_else(Instant::now),
            },
            Err(e) => LettersState::Failed(Words::new(|lang| {
                format!("{}: {e}", tr(lang, m::shell::COULD_NOT_START_THE_EXPORT))
            })),
        };
    }

    pub(crate) fn poll_letters(&mut self) {
        match self.letters_job.poll() {
            Some(Finished::Done(Ok((count, folder)))) => {
                self.letters = LettersState::Done { count, folder };
            }
            Some(Finished::Done(Err(why))) => self.letters = LettersState::Failed(why),
            Some(Finished::Lost) => {
                self.letters = LettersState::Failed(Words::new(|lang| {
                    tr(lang, m::shell::THE_EXPORT_STOPPED_UNEXPECTEDLY).to_owned()
                }));
            }
            None => {}
        }
    }

    /// Where writing the letters stands (for tests).
    #[must_use]
    pub fn letters_state(&self) -> &LettersState {
        &self.letters
    }
}
