//! The evidence window of one probe: attach (dialog, typed path, dropped file), open, forget.

use super::LogScreen;
use crate::gui::i18n::tr;
use crate::gui::{Command, ScreenCtx, UiCommand};
use crate::i18n::Label;
use crate::i18n::app as m;
use crate::store::evidence::remove_reference;

impl LogScreen {
    /// The evidence of one probe: attach (dialog, typed path, dropped file), open, forget.
    pub(super) fn evidence_window(&mut self, ctx: &egui::Context, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        let Some(id) = self.evidence_for else {
            return;
        };
        let Some((a, p)) = cx.doc.audit.find_probe(id) else {
            self.evidence_for = None;
            return;
        };
        let Some(account) = cx.doc.audit.accounts.get(a) else {
            self.evidence_for = None;
            return;
        };
        let Some(probe) = account.probes.get(p) else {
            self.evidence_for = None;
            return;
        };
        let name = format!("{} ({})", account.name, account.platform.label(lang));
        let evidence = probe.evidence.clone();
        let has_file = cx.doc.path.is_some();
        let mut open = true;
        let mut forget = None;
        let mut window = egui::Window::new(format!("{} – {name}", t(m::log::EVIDENCE)))
            .id(egui::Id::unique(("evidence-window", a, p)));
        if let Some(anchor) = self.evidence_anchor {
            window = window.pivot(egui::Align2::RIGHT_TOP).default_pos(anchor);
        }
        window
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(420.0)
            .show(ctx, |ui| {
                if !has_file {
                    ui.label(t(m::common::SAVE_THE_AUDIT_TO_A_FILE));
                    if ui.button(UiCommand::SaveAs.label(cx.lang)).clicked() {
                        cx.commands.push(Command::Ui(UiCommand::SaveAs));
                    }
                    return;
                }
                if evidence.is_empty() {
                    ui.label(egui::RichText::new(t(m::log::NO_EVIDENCE_YET)).weak());
                }
                for relative in &evidence {
                    ui.horizontal(|ui| {
                        ui.add(egui::Label::new(relative.as_str()).truncate());
                        if ui
                            .small_button(t(m::common::OPEN))
                            .on_hover_text(format!("{} {relative}", t(m::common::OPEN)))
                            .clicked()
                        {
                            cx.commands.push(Command::OpenEvidence(relative.clone()));
                        }
                        if ui
                            .small_button(t(m::log::REMOVE_THE_REFERENCE))
                            .on_hover_text(t(m::log::THE_FILE_STAYS_IN_THE_EVIDENCE))
                            .clicked()
                        {
                            forget = Some(relative.clone());
                        }
                    });
                }
                ui.separator();
                ui.horizontal_wrapped(|ui| {
                    let attach = UiCommand::AttachEvidence { probe: id };
                    if ui.button(attach.label(cx.lang)).clicked() {
                        cx.commands.push(Command::Ui(attach));
                    }
                    if ui.button(t(m::log::ATTACH_FROM_PATH)).clicked() {
                        cx.commands.push(Command::TypePath(attach));
                    }
                });
                ui.label(egui::RichText::new(t(m::log::OR_DROP_A_SCREENSHOT_HERE_WHILE)).weak());
            });
        if let Some(relative) = forget {
            cx.doc.edit(|audit| {
                if let Some(probe) = audit
                    .accounts
                    .get_mut(a)
                    .and_then(|acc| acc.probes.get_mut(p))
                {
                    remove_reference(&mut probe.evidence, &relative);
                }
            });
        }
        if !open {
            self.evidence_for = None;
        }
    }
}
