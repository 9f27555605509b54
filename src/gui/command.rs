//! What the auditor can ask the shell to do, each command with its facts in one place: its label
//! and tooltip, its keyboard shortcut, and for a file command the dialog (title, open or save,
//! file filter, suggested name, extension, typed-path hint) — like rerun's `UICommand`.
//!
//! Adding a file command: one arm in [`UiCommand`], its [`UiCommand::facts`], and its handler in
//! `SvarskollApp::run_ui` (`file_ops.rs`). The dialog, the typed-path prompt, the suggested file
//! name and the menu entry follow from the facts.

use super::i18n::tr;
use crate::core::{Lang, ProbeId};
use crate::i18n::app as m;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// A command from a menu, a button or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// Back to the start screen to begin a new audit.
    NewAudit,
    OpenAudit,
    /// A new audit from a template file.
    NewFromTemplateFile,
    Save,
    SaveAs,
    /// Write the audit's criteria and texts as a template file.
    SaveTemplate,
    /// Write the log with outcomes as `.xlsx` (default) or `.csv`.
    ExportLog,
    ExportPdf,
    /// The report as an editable Word document (`.docx`).
    ExportDocx,
    /// A feedback letter (PDF) to each unit with an account not answered in time, into a folder.
    WriteLetters,
    ImportCsv,
    /// Take the figures of an earlier audit file for the comparison.
    OpenEarlier,
    /// Next year's audit from this one (uppföljning), written to a new file and opened.
    StartFollowup,
    /// Copy a file into the audit's evidence folder and reference it from one probe.
    AttachEvidence {
        probe: ProbeId,
    },
    /// Bring the parts of a split (several files) back into the open audit.
    MergeParts,
    CloseAudit,
    Quit,
    Undo,
    Redo,
}

/// What a file command asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// An existing file.
    Open,
    /// A file to write (it may not exist yet).
    Save,
    /// A folder to write files into (made when it does not exist yet).
    Folder,
}

/// How a file command asks for its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DialogSpec {
    /// The dialog's title, in the UI language.
    pub title: &'static str,
    pub kind: DialogKind,
    /// The file-type filter: (name, extensions); empty for a folder.
    pub filter: (&'static str, &'static [&'static str]),
    /// For save dialogs: what follows the stem made from the audit's title in the proposed name.
    pub suggested_suffix: &'static str,
    /// Added to a chosen path that has no extension at all.
    pub extension: Option<&'static str>,
    /// The placeholder of the typed-path field.
    pub hint: &'static str,
    /// Several files may be chosen at once (an open dialog; the typed-path field takes one
    /// path a line).
    pub multiple: bool,
}

/// What a command shows: label, tooltip and (for a file command) its dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub label: &'static str,
    pub tooltip: Option<&'static str>,
    pub dialog: Option<DialogSpec>,
}

const AUDIT_FILES: (&str, &[&str]) = ("Svarskoll", &["svarskoll", "ron"]);
const TEMPLATE_FILES: (&str, &[&str]) = ("Mall", &["ron"]);

/// The start of a typed path's example: the home folder as this system writes it.
#[cfg(windows)]
macro_rules! home {
    () => {
        "C:\\Users\\…\\"
    };
}
#[cfg(not(windows))]
macro_rules! home {
    () => {
        "/home/…/"
    };
}

const AUDIT_HINT: &str = concat!(home!(), "granskning.svarskoll");

impl UiCommand {
    /// The commands with a keyboard shortcut, the more specific first: `consume_shortcut`
    /// ignores an extra Shift, so Ctrl+Shift+S must be taken before Ctrl+S can see it.
    pub const WITH_SHORTCUTS: [UiCommand; 7] = [
        UiCommand::Quit,
        UiCommand::Redo,
        UiCommand::Undo,
        UiCommand::SaveAs,
        UiCommand::Save,
        UiCommand::OpenAudit,
        UiCommand::NewAudit,
    ];

    /// Label, tooltip and dialog, in `lang`.
    #[must_use]
    #[allow(clippy::too_many_lines)] // one arm per command, each with all its words
    pub fn facts(self, lang: Lang) -> Facts {
        let t = |s| tr(lang, s);
        let plain = |label| Facts {
            label,
            tooltip: None,
            dialog: None,
        };
        let file = |label, dialog| Facts {
            label,
            tooltip: None,
            dialog: Some(dialog),
        };
        match self {
            UiCommand::NewAudit => plain(t(m::shell::NEW_AUDIT_2)),
            UiCommand::OpenAudit => file(
                t(m::shell::OPEN),
                DialogSpec {
                    title: t(m::shell::OPEN_AUDIT),
                    kind: DialogKind::Open,
                    filter: AUDIT_FILES,
                    suggested_suffix: "",
                    extension: None,
                    hint: AUDIT_HINT,
                    multiple: false,
                },
            ),
            UiCommand::NewFromTemplateFile => file(
                t(m::common::NEW_FROM_TEMPLATE_FILE),
                DialogSpec {
                    title: t(m::shell::NEW_AUDIT_FROM_A_TEMPLATE_FILE),
                    kind: DialogKind::Open,
                    filter: TEMPLATE_FILES,
                    suggested_suffix: "",
                    extension: None,
                    hint: concat!(home!(), "mall.ron"),
                    multiple: false,
                },
            ),
            UiCommand::Save => plain(t(m::shell::SAVE)),
            UiCommand::SaveAs => file(
                t(m::shell::SAVE_AS),
                DialogSpec {
                    title: t(m::shell::SAVE_THE_AUDIT_AS),
                    kind: DialogKind::Save,
                    filter: AUDIT_FILES,
                    suggested_suffix: crate::store::AUDIT_SUFFIX,
                    extension: Some(crate::store::AUDIT_SUFFIX),
                    hint: AUDIT_HINT,
                    multiple: false,
                },
            ),
            UiCommand::SaveTemplate => Facts {
                tooltip: Some(t(m::shell::SAVE_THE_CRITERIA_THE_QUESTION_BANK)),
                ..file(
                    t(m::shell::SAVE_AS_TEMPLATE),
                    DialogSpec {
                        title: t(m::shell::SAVE_THE_AUDITS_CRITERIA_AND_TEXTS),
                        kind: DialogKind::Save,
                        filter: TEMPLATE_FILES,
                        suggested_suffix: "-mall.ron",
                        extension: Some(".ron"),
                        hint: concat!(home!(), "mall.ron"),
                        multiple: false,
                    },
                )
            },
            UiCommand::ExportLog => file(
                t(m::shell::EXPORT_LOG_EXCEL_CSV),
                DialogSpec {
                    title: t(m::shell::EXPORT_THE_LOG_EXCEL_OR_CSV),
                    kind: DialogKind::Save,
                    filter: ("Excel / CSV", &["xlsx", "csv"]),
                    suggested_suffix: "-logg.xlsx",
                    extension: Some(".xlsx"),
                    hint: concat!(home!(), "logg.xlsx"),
                    multiple: false,
                },
            ),
            UiCommand::ExportPdf => file(
                t(m::shell::EXPORT_PDF),
                DialogSpec {
                    title: t(m::shell::EXPORT_THE_REPORT_AS_PDF),
                    kind: DialogKind::Save,
                    filter: ("PDF", &["pdf"]),
                    suggested_suffix: ".pdf",
                    extension: Some(".pdf"),
                    hint: concat!(home!(), "rapport.pdf"),
                    multiple: false,
                },
            ),
            UiCommand::ExportDocx => file(
                t(m::report::EXPORT_AS_WORD),
                DialogSpec {
                    title: t(m::report::EXPORT_THE_REPORT_AS_WORD),
                    kind: DialogKind::Save,
                    filter: ("Word", &["docx"]),
                    suggested_suffix: ".docx",
                    extension: Some(".docx"),
                    hint: concat!(home!(), "rapport.docx"),
                    multiple: false,
                },
            ),
            UiCommand::WriteLetters => Facts {
                tooltip: Some(t(m::report::WRITE_LETTERS_TOOLTIP)),
                ..file(
                    t(m::report::WRITE_LETTERS),
                    DialogSpec {
                        title: t(m::report::CHOOSE_THE_LETTERS_FOLDER),
                        kind: DialogKind::Folder,
                        filter: ("", &[]),
                        suggested_suffix: "",
                        extension: None,
                        hint: concat!(home!(), "aterkoppling/"),
                        multiple: false,
                    },
                )
            },
            UiCommand::ImportCsv => file(
                t(m::shell::IMPORT_CSV),
                DialogSpec {
                    title: t(m::shell::IMPORT_ACCOUNTS_AND_LOG_CSV),
                    kind: DialogKind::Open,
                    filter: ("CSV", &["csv", "txt"]),
                    suggested_suffix: "",
                    extension: None,
                    hint: concat!(home!(), "konton.csv"),
                    multiple: false,
                },
            ),
            UiCommand::OpenEarlier => file(
                t(m::shell::TAKE_THE_FIGURES_FROM_AN_AUDIT),
                DialogSpec {
                    title: t(m::shell::OPEN_AN_EARLIER_AUDIT_TO_COMPARE),
                    kind: DialogKind::Open,
                    filter: AUDIT_FILES,
                    suggested_suffix: "",
                    extension: None,
                    hint: AUDIT_HINT,
                    multiple: false,
                },
            ),
            UiCommand::StartFollowup => Facts {
                tooltip: Some(t(m::shell::START_FOLLOWUP_TOOLTIP)),
                ..file(
                    t(m::shell::START_FOLLOWUP),
                    DialogSpec {
                        title: t(m::shell::SAVE_THE_FOLLOWUP),
                        kind: DialogKind::Save,
                        filter: AUDIT_FILES,
                        suggested_suffix: "-uppfoljning.svarskoll",
                        extension: Some(crate::store::AUDIT_SUFFIX),
                        hint: AUDIT_HINT,
                        multiple: false,
                    },
                )
            },
            UiCommand::AttachEvidence { .. } => file(
                t(m::shell::ATTACH_FILE),
                DialogSpec {
                    title: t(m::shell::ATTACH_EVIDENCE_SCREENSHOT),
                    kind: DialogKind::Open,
                    filter: (
                        "Bilder och PDF",
                        &[
                            "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "pdf",
                        ],
                    ),
                    suggested_suffix: "",
                    extension: None,
                    hint: concat!(home!(), "skärmbild.png"),
                    multiple: false,
                },
            ),
            UiCommand::MergeParts => Facts {
                tooltip: Some(t(m::shell::MERGE_PARTS_TOOLTIP)),
                ..file(
                    t(m::shell::MERGE_PARTS),
                    DialogSpec {
                        title: t(m::shell::CHOOSE_THE_PARTS_TO_MERGE),
                        kind: DialogKind::Open,
                        filter: AUDIT_FILES,
                        suggested_suffix: "",
                        extension: None,
                        hint: concat!(home!(), "granskning-del-1.svarskoll"),
                        multiple: true,
                    },
                )
            },
            UiCommand::CloseAudit => plain(t(m::shell::CLOSE_THE_AUDIT)),
            UiCommand::Quit => plain(t(m::shell::QUIT)),
            UiCommand::Undo => plain(t(m::shell::UNDO)),
            UiCommand::Redo => plain(t(m::shell::REDO)),
        }
    }

    /// The keyboard shortcuts; the first is the one shown in menus.
    #[must_use]
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
        const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        const SAVE_AS: KeyboardShortcut =
            KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
        const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        const REDO: KeyboardShortcut =
            KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
        const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
        match self {
            UiCommand::NewAudit => &[NEW],
            UiCommand::OpenAudit => &[OPEN],
            UiCommand::Save => &[SAVE],
            UiCommand::SaveAs => &[SAVE_AS],
            UiCommand::Undo => &[UNDO],
            UiCommand::Redo => &[REDO, REDO_Y],
            UiCommand::Quit => &[QUIT],
            _ => &[],
        }
    }

    /// Whether running the command replaces the open audit (so a never-saved one is asked about).
    #[must_use]
    pub fn replaces_audit(self) -> bool {
        matches!(
            self,
            UiCommand::NewAudit
                | UiCommand::OpenAudit
                | UiCommand::NewFromTemplateFile
                | UiCommand::StartFollowup
                | UiCommand::CloseAudit
        )
    }

    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        self.facts(lang).label
    }

    #[must_use]
    pub fn dialog(self, lang: Lang) -> Option<DialogSpec> {
        self.facts(lang).dialog
    }

    /// The command as a menu entry: its label, its shortcut as this platform writes it (⌘S on
    /// a Mac) and its tooltip.
    pub fn menu_item(self, ui: &mut egui::Ui, lang: Lang, enabled: bool) -> egui::Response {
        let facts = self.facts(lang);
        let mut button = egui::Button::new(facts.label);
        if let Some(shortcut) = self.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        let response = ui.add_enabled(enabled, button);
        match facts.tooltip {
            Some(tip) => response.on_hover_text(tip),
            None => response,
        }
    }

    /// The menu item with what it acts on after its label: "Ångra: Besvarad, Alpha (Facebook)".
    pub fn menu_item_saying(
        self,
        ui: &mut egui::Ui,
        lang: Lang,
        enabled: bool,
        what: &str,
    ) -> egui::Response {
        let label = format!("{}: {what}", self.facts(lang).label);
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = self.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        ui.add_enabled(enabled, button)
    }

    /// Show the command as a menu entry and queue it when clicked.
    pub fn menu_entry(
        self,
        ui: &mut egui::Ui,
        lang: Lang,
        enabled: bool,
        queue: &mut Vec<Command>,
    ) {
        if self.menu_item(ui, lang, enabled).clicked() {
            queue.push(Command::Ui(self));
        }
    }

    /// The commands whose shortcut was pressed this frame; the key presses are consumed.
    #[must_use]
    pub fn pressed(ctx: &egui::Context) -> Vec<UiCommand> {
        ctx.input_mut(|input| {
            UiCommand::WITH_SHORTCUTS
                .into_iter()
                .filter(|command| {
                    // Every shortcut of the command is consumed, not only the first that matches.
                    let hits = command
                        .shortcuts()
                        .iter()
                        .filter(|s| input.consume_shortcut(s));
                    hits.count() > 0
                })
                .collect()
        })
    }
}

/// Something a screen asks the shell to do after the frame (file I/O, dialogs, threads).
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Run a command; a file command first asks for its file with the native dialog.
    Ui(UiCommand),
    /// Ask for a file command's file by typing its path.
    TypePath(UiCommand),
    /// Run a file command on this file (chosen, typed, dropped or from the recent list).
    WithFile(UiCommand, PathBuf),
    /// Run a command that takes several files on these (chosen together, or typed).
    WithFiles(UiCommand, Vec<PathBuf>),
    /// A new audit from a built-in template.
    NewAudit {
        template: String,
    },
    OpenExample,
    /// Open an evidence file (relative to the evidence folder) with the desktop's program.
    OpenEvidence(String),
    /// Open a file with the desktop's default program.
    OpenExternal(PathBuf),
}

impl Command {
    /// Whether running it replaces the open audit (a file command only once it has its file).
    #[must_use]
    pub fn replaces_audit(&self) -> bool {
        match self {
            Command::NewAudit { .. } | Command::OpenExample => true,
            Command::WithFile(command, _) => command.replaces_audit(),
            Command::Ui(command) => command.replaces_audit() && command.dialog(Lang::Sv).is_none(),
            Command::TypePath(_)
            | Command::WithFiles(..)
            | Command::OpenEvidence(_)
            | Command::OpenExternal(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [UiCommand; 19] = [
        UiCommand::NewAudit,
        UiCommand::OpenAudit,
        UiCommand::NewFromTemplateFile,
        UiCommand::Save,
        UiCommand::SaveAs,
        UiCommand::SaveTemplate,
        UiCommand::ExportLog,
        UiCommand::ExportPdf,
        UiCommand::ExportDocx,
        UiCommand::WriteLetters,
        UiCommand::ImportCsv,
        UiCommand::OpenEarlier,
        UiCommand::StartFollowup,
        UiCommand::AttachEvidence { probe: ProbeId(0) },
        UiCommand::MergeParts,
        UiCommand::CloseAudit,
        UiCommand::Quit,
        UiCommand::Undo,
        UiCommand::Redo,
    ];

    #[test]
    fn shortcuts_are_unique_and_all_listed_specific_first() {
        let mut seen = Vec::new();
        for command in ALL {
            for shortcut in command.shortcuts() {
                assert!(!seen.contains(shortcut), "{shortcut:?} twice");
                seen.push(*shortcut);
            }
            assert_eq!(
                !command.shortcuts().is_empty(),
                UiCommand::WITH_SHORTCUTS.contains(&command),
                "{command:?}"
            );
        }
        // A shortcut with Shift comes before the same key without it.
        let order: Vec<KeyboardShortcut> = UiCommand::WITH_SHORTCUTS
            .iter()
            .flat_map(|c| c.shortcuts().iter().copied())
            .collect();
        for (i, later) in order.iter().enumerate() {
            for earlier in &order[..i] {
                assert!(
                    !(later.logical_key == earlier.logical_key && later.modifiers.shift),
                    "{later:?} must come before {earlier:?}"
                );
            }
        }
    }

    #[test]
    fn every_file_command_has_a_complete_dialog() {
        for command in ALL {
            for lang in [Lang::Sv, Lang::En] {
                let facts = command.facts(lang);
                assert!(!facts.label.is_empty());
                let Some(dialog) = facts.dialog else {
                    continue;
                };
                assert!(!dialog.title.is_empty() && dialog.hint.starts_with(home!()));
                // Files are filtered by type; a folder has no type.
                let folder = dialog.kind == DialogKind::Folder;
                assert_eq!(dialog.filter.1.is_empty(), folder, "{command:?}");
                // A save dialog proposes a name and completes a typed one.
                let save = dialog.kind == DialogKind::Save;
                assert_eq!(save, !dialog.suggested_suffix.is_empty(), "{command:?}");
                assert_eq!(save, dialog.extension.is_some(), "{command:?}");
                // Several files only for opening.
                assert!(!(save && dialog.multiple), "{command:?}");
            }
        }
        assert_eq!(
            UiCommand::ExportLog.dialog(Lang::En).map(|d| d.title),
            Some("Export the log (Excel or CSV)")
        );
    }

    #[test]
    fn only_a_command_about_to_run_replaces_the_audit() {
        assert!(Command::Ui(UiCommand::CloseAudit).replaces_audit());
        assert!(!Command::Ui(UiCommand::OpenAudit).replaces_audit());
        assert!(Command::WithFile(UiCommand::OpenAudit, "a.ron".into()).replaces_audit());
        assert!(!Command::WithFile(UiCommand::ImportCsv, "a.csv".into()).replaces_audit());
    }
}
