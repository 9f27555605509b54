//! "Slå ihop delar …": the parts of a split merged into the open audit (`store::merge`), as one
//! undoable edit. With conflicts, a modal shows each one with its values side by side (and the
//! files they were found in); nothing is merged until the user has picked one value for every
//! conflict.

use super::SvarskollApp;
use super::command::UiCommand;
use super::i18n::{fill, tr};
use crate::core::merge::Counts;
use crate::i18n::Words;
use crate::i18n::app as m;
use crate::i18n::parts::{
    conflict_place, counts_text, field_name, ignored_text, sources_text, value_text,
};
use crate::store::merge::{PartsMerge, prepare_merge};
use std::path::{Path, PathBuf};

/// A merge waiting for the user's choices.
pub(crate) struct MergePrompt {
    prepared: PartsMerge,
    /// One per conflict: the index of the chosen value, `None` until chosen.
    choices: Vec<Option<usize>>,
    /// The audit's generation the merge was made from: applied only to that.
    generation: u64,
    /// The files' names: the audit's, then each part's.
    names: Vec<String>,
}

impl SvarskollApp {
    /// A command given several files.
    pub(crate) fn run_ui_files(&mut self, command: UiCommand, paths: Vec<PathBuf>) {
        match command {
            UiCommand::MergeParts => self.merge_parts(&paths),
            other => {
                for path in paths {
                    self.run_ui(other, path);
                }
            }
        }
    }

    /// Merge the parts at `parts` into the open audit; ask first when they conflict.
    pub(crate) fn merge_parts(&mut self, parts: &[PathBuf]) {
        let Some(doc) = &self.doc else {
            return;
        };
        if doc.read_only.is_some() {
            self.error_msg(m::shell::READ_ONLY_NOTHING_MERGED, "");
            return;
        }
        // The parts' evidence is copied into the audit's evidence folder, beside its file.
        let Some(path) = doc.path.clone() else {
            self.error_msg(m::shell::SAVE_BEFORE_MERGING, "");
            return;
        };
        let generation = doc.generation();
        match prepare_merge(&doc.audit, &path, &path, parts) {
            Err(e) => self.file_error(&e),
            Ok(prepared) => {
                let names: Vec<String> = std::iter::once(path.as_path())
                    .chain(parts.iter().map(PathBuf::as_path))
                    .map(file_name)
                    .collect();
                if prepared.merge.conflicts.is_empty() {
                    self.apply_merge(prepared, &[], &names);
                } else {
                    self.merge_prompt = Some(MergePrompt {
                        choices: vec![None; prepared.merge.conflicts.len()],
                        prepared,
                        generation,
                        names,
                    });
                }
            }
        }
    }

    /// Copy the evidence, take the merged audit (one undo step) and say what changed.
    fn apply_merge(&mut self, prepared: PartsMerge, choices: &[usize], names: &[String]) {
        let copied = match prepared.copy_evidence() {
            Ok(n) => n,
            Err(e) => {
                self.file_error(&e);
                return;
            }
        };
        let Some(doc) = &mut self.doc else {
            return;
        };
        let ignored = prepared.merge.ignored.clone();
        let merged = prepared.merge.resolve(choices);
        let counts = Counts::between(&doc.audit, &merged);
        doc.edit(|audit| *audit = merged);
        self.log.forget_edits();
        self.audit_screen.forget_edits();
        self.info_words(
            Some(m::shell::THE_PARTS_WERE_MERGED),
            Words::new(|lang| counts_text(&counts, copied, lang)),
        );
        for (part, setting) in ignored {
            let name = names.get(part + 1).cloned().unwrap_or_default();
            self.info_words(
                None,
                Words::new(|lang| format!("{name}: {}", ignored_text(setting, lang))),
            );
        }
    }

    /// The conflicts, side by side, each with a value to pick.
    pub(crate) fn merge_modal(&mut self, ctx: &egui::Context) {
        let Some(mut prompt) = self.merge_prompt.take() else {
            return;
        };
        let lang = self.prefs.lang;
        let t = |s| tr(lang, s);
        let mut answer = None;
        let max_height = ctx.content_rect().height() * 0.6;
        egui::Modal::new(egui::Id::unique("merge-conflicts")).show(ctx, |ui| {
            ui.set_max_width(760.0);
            ui.heading(t(m::shell::MERGE_CONFLICTS_HEADING));
            ui.label(t(m::shell::MERGE_CONFLICTS_TEXT));
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .max_height(max_height)
                .show(ui, |ui| {
                    let conflicts = &prompt.prepared.merge.conflicts;
                    for (i, conflict) in conflicts.iter().enumerate() {
                        ui.push_id(i, |ui| {
                            egui::Frame::group(ui.style()).show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.label(
                                    egui::RichText::new(format!(
                                        "{}: {}",
                                        conflict_place(conflict, lang),
                                        field_name(conflict.field, lang)
                                    ))
                                    .strong(),
                                );
                                if let Some(original) = &conflict.original {
                                    ui.label(format!(
                                        "{}: {}",
                                        t(m::shell::AT_THE_SPLIT),
                                        value_text(original, lang)
                                    ));
                                }
                                ui.columns(conflict.choices.len(), |columns| {
                                    for (j, (column, choice)) in
                                        columns.iter_mut().zip(&conflict.choices).enumerate()
                                    {
                                        // The radio's name says the value and where it is
                                        // from, so it reads alone too.
                                        let label = format!(
                                            "{} — {}",
                                            value_text(&choice.value, lang),
                                            sources_text(&choice.sources, &prompt.names, lang)
                                        );
                                        column.radio_value(&mut prompt.choices[i], Some(j), label);
                                    }
                                });
                            });
                        });
                    }
                });
            ui.add_space(6.0);
            let chosen = prompt.choices.iter().filter(|c| c.is_some()).count();
            ui.label(fill(
                t(m::shell::N_OF_M_CHOSEN),
                &[("n", chosen), ("m", prompt.choices.len())],
            ));
            ui.horizontal(|ui| {
                let all = chosen == prompt.choices.len();
                if ui
                    .add_enabled(
                        all,
                        egui::Button::new(t(m::shell::MERGE_WITH_THESE_CHOICES)),
                    )
                    .clicked()
                {
                    answer = Some(true);
                }
                if ui.button(t(m::shell::CANCEL)).clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            None => self.merge_prompt = Some(prompt),
            Some(false) => {}
            Some(true) => {
                let unchanged = self
                    .doc
                    .as_ref()
                    .is_some_and(|d| d.generation() == prompt.generation);
                if unchanged {
                    let choices: Vec<usize> =
                        prompt.choices.iter().map(|c| c.unwrap_or(0)).collect();
                    self.apply_merge(prompt.prepared, &choices, &prompt.names);
                } else {
                    self.error_msg(m::shell::THE_AUDIT_CHANGED_MERGE_AGAIN, "");
                }
            }
        }
    }
}

/// A file's name, for naming where a value was found.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
