//! Resultat's account review (Kontogranskning): per checklist item how many audited accounts
//! were reviewed, how many meet it and their share, overall and per unit. Every number is
//! `core::review`'s (`Results::review`); this only shows them.

use super::i18n::tr;
use crate::core::Lang;
use crate::core::numbers::percent;
use crate::core::review::{ItemCounts, ReviewResults};
use crate::i18n::app as m;
use crate::i18n::group_name;

fn share_text(c: ItemCounts, lang: Lang) -> String {
    c.share()
        .map_or_else(|| "–".to_owned(), |s| percent(s, 0, lang))
}

/// The section; nothing when the audit has no checklist.
pub fn review_section(ui: &mut egui::Ui, review: &ReviewResults, lang: Lang) {
    let t = |s| tr(lang, s);
    if review.items.is_empty() {
        return;
    }
    ui.add_space(10.0);
    ui.strong(t(m::review::ACCOUNT_REVIEW));
    ui.label(crate::gui::i18n::fill(
        t(m::review::R_OF_N_REVIEWED),
        &[("r", review.reviewed_accounts), ("n", review.accounts)],
    ));
    let headers = [
        t(m::review::REQUIREMENT),
        t(m::review::REVIEWED),
        t(m::review::PASSED),
        t(m::review::SHARE),
    ];
    egui::ScrollArea::horizontal()
        .id_salt("review-overall")
        .show(ui, |ui| {
            egui::Grid::new("review-overall")
                .num_columns(4)
                .striped(true)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    for h in headers {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for item in &review.items {
                        let c = item.counts;
                        ui.label(&item.text);
                        ui.label(c.reviewed.to_string());
                        ui.label(c.passed.to_string());
                        ui.label(share_text(c, lang));
                        ui.end_row();
                    }
                });
        });
    let units: Vec<_> = review.by_unit.iter().filter(|u| u.accounts > 0).collect();
    if units.is_empty() {
        return;
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new(t(m::review::BY_UNIT))
        .id_salt("review-by-unit")
        .show(ui, |ui| {
            egui::ScrollArea::horizontal()
                .id_salt("review-by-unit-scroll")
                .show(ui, |ui| {
                    egui::Grid::new("review-by-unit")
                        .num_columns(5)
                        .striped(true)
                        .spacing([14.0, 4.0])
                        .show(ui, |ui| {
                            ui.strong(t(m::common::UNIT));
                            for h in headers {
                                ui.strong(h);
                            }
                            ui.end_row();
                            for unit in units {
                                let name = group_name(&unit.key, lang);
                                for (i, (item, c)) in
                                    review.items.iter().zip(&unit.items).enumerate()
                                {
                                    if i == 0 {
                                        ui.strong(name.as_ref());
                                    } else {
                                        ui.label("");
                                    }
                                    ui.label(&item.text);
                                    ui.label(c.reviewed.to_string());
                                    ui.label(c.passed.to_string());
                                    ui.label(share_text(*c, lang));
                                    ui.end_row();
                                }
                            }
                        });
                });
        });
}
