//! The five steps in the side bar, each with a line of progress, and Alt+1 … Alt+5.

use crate::gui::{Screen, SvarskollApp, i18n, tr};
use crate::i18n::app as m;
use egui::{Key, KeyboardShortcut, Modifiers};

impl SvarskollApp {
    pub(crate) fn side_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        let Some(doc) = &self.doc else {
            return;
        };
        let audit = &doc.audit;
        let audited: Vec<&crate::core::Account> = audit
            .accounts
            .iter()
            .filter(|a| audit.is_audited(a))
            .collect();
        let probes = audited.iter().flat_map(|a| a.probes.iter());
        let (mut posted, mut answered, mut total) = (0usize, 0usize, 0usize);
        for p in probes {
            total += 1;
            posted += usize::from(p.posted_at.is_some());
            answered += usize::from(p.answered_at.is_some());
        }
        let hints = [
            if audit.meta.title.trim().is_empty() {
                tr(lang, m::shell::NO_TITLE).to_owned()
            } else {
                audit.meta.title.clone()
            },
            i18n::fill(
                tr(lang, m::shell::N_ACCOUNTS_S_SAMPLED),
                &[("n", audit.accounts.len()), ("s", audited.len())],
            ),
            i18n::fill(
                tr(lang, m::shell::P_OF_T_POSTED_A_ANSWERED),
                &[("p", posted), ("t", total), ("a", answered)],
            ),
            String::new(),
            if audit.actions.is_empty() {
                String::new()
            } else {
                i18n::fill(tr(lang, m::shell::N_ACTIONS), &[("n", audit.actions.len())])
            },
        ];
        // As wide as the longest step name in the UI language, so none wraps.
        let font = egui::FontId::proportional(15.0);
        let longest = Screen::STEPS
            .iter()
            .map(|step| {
                let text = format!("9  {}", tr(lang, step.label()));
                ui.ctx().fonts_mut(|f| {
                    f.layout_no_wrap(text, font.clone(), egui::Color32::WHITE)
                        .size()
                        .x
                })
            })
            .fold(0.0, f32::max);
        let width = (longest + 2.0 * ui.spacing().button_padding.x + 24.0).max(168.0);
        egui::Panel::left("steps")
            .resizable(false)
            .exact_size(width)
            .show(ui, |ui| {
                ui.add_space(8.0);
                let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
                let shortcuts = keys.map(|key| KeyboardShortcut::new(Modifiers::ALT, key));
                for (i, (step, hint)) in Screen::STEPS.iter().zip(hints).enumerate() {
                    let selected = self.screen == *step;
                    let text =
                        egui::RichText::new(format!("{}  {}", i + 1, tr(lang, step.label())))
                            .size(15.0);
                    let response = ui
                        .add_sized(
                            [ui.available_width(), 30.0],
                            egui::Button::selectable(selected, text),
                        )
                        .on_hover_text(ui.ctx().format_shortcut(&shortcuts[i]));
                    if response.clicked() {
                        self.screen = *step;
                    }
                    if !hint.is_empty() {
                        // Up to two lines (a report title is long), the rest elided and shown
                        // on hover.
                        let mut job = egui::text::LayoutJob::single_section(
                            hint.clone(),
                            egui::TextFormat::simple(
                                egui::FontId::proportional(11.0),
                                ui.visuals().weak_text_color(),
                            ),
                        );
                        job.wrap = egui::text::TextWrapping {
                            max_width: ui.available_width(),
                            max_rows: 2,
                            break_anywhere: false,
                            overflow_character: Some('…'),
                        };
                        let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
                        let elided = galley.elided;
                        let r = ui.add(egui::Label::new(galley));
                        if elided {
                            r.on_hover_text(hint);
                        }
                    }
                    ui.add_space(6.0);
                }
                for (step, shortcut) in Screen::STEPS.iter().zip(shortcuts) {
                    if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                        self.screen = *step;
                    }
                }
            });
    }
}
