//! Words for the domain's values: platforms, statuses, outcomes, groups.

use super::{Lang, Text};
use crate::core::{AccountStatus, ActionStatus, ExclusionReason, GroupKey, Outcome, Platform};
use std::borrow::Cow;

/// A domain value's name in both languages.
pub trait Label: Copy {
    /// Both languages.
    fn text(self) -> Text;

    /// The name in `lang`.
    fn label(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }
}

const fn both(sv: &'static str, en: &'static str) -> Text {
    Text { sv, en }
}

impl Label for Platform {
    fn text(self) -> Text {
        match self {
            Platform::Facebook => both("Facebook", "Facebook"),
            Platform::Instagram => both("Instagram", "Instagram"),
            Platform::X => both("X (Twitter)", "X (Twitter)"),
            Platform::LinkedIn => both("LinkedIn", "LinkedIn"),
            Platform::YouTube => both("YouTube", "YouTube"),
            Platform::TikTok => both("TikTok", "TikTok"),
            Platform::Other => both("Övrigt", "Other"),
        }
    }
}

impl Label for AccountStatus {
    fn text(self) -> Text {
        match self {
            AccountStatus::Active => both("aktivt", "active"),
            AccountStatus::Closed => both("avslutat", "closed"),
            AccountStatus::NotPublic => both("stängt för allmänheten", "not public"),
        }
    }
}

impl Label for ActionStatus {
    fn text(self) -> Text {
        match self {
            ActionStatus::Planned => both("Planerad", "Planned"),
            ActionStatus::InProgress => both("Pågår", "In progress"),
            ActionStatus::Done => both("Genomförd", "Done"),
        }
    }
}

impl Label for ExclusionReason {
    /// As a plural attribute: "3 konton är avslutade".
    fn text(self) -> Text {
        match self {
            ExclusionReason::Closed => both("avslutade", "closed"),
            ExclusionReason::NotPublic => both("stängda för allmänheten", "not public"),
            ExclusionReason::PlatformOutOfScope => both(
                "på plattformar utanför granskningen",
                "on platforms outside the scope",
            ),
        }
    }
}

impl Label for Outcome {
    fn text(self) -> Text {
        match self {
            Outcome::InTime => both("i tid", "in time"),
            Outcome::Late => both("sent", "late"),
            Outcome::Unanswered => both("obesvarad", "unanswered"),
            Outcome::Pending => both("väntar", "pending"),
            Outcome::NotPosted => both("ej ställd", "not posted"),
        }
    }
}

/// Why one account is not audited, as an attribute of "kontot" ("avslutat"); the [`Label`] of
/// [`ExclusionReason`] is the plural for counts ("3 konton är avslutade").
#[must_use]
pub fn exclusion_singular(reason: ExclusionReason, lang: Lang) -> &'static str {
    match reason {
        ExclusionReason::Closed => both("avslutat", "closed"),
        ExclusionReason::NotPublic => both("stängt för allmänheten", "not public"),
        ExclusionReason::PlatformOutOfScope => both(
            "på en plattform utanför granskningen",
            "on a platform outside the scope",
        ),
    }
    .get(lang)
}

/// Accounts that name no unit.
pub const NO_UNIT: Text = both("(ingen verksamhet angiven)", "(no unit given)");

/// A group's name: the platform's, the unit's as written, or "no unit given".
///
/// ```
/// use svarskoll::core::{GroupKey, Platform};
/// use svarskoll::i18n::{Lang, group_name};
/// assert_eq!(group_name(&GroupKey::Platform(Platform::Other), Lang::En), "Other");
/// assert_eq!(group_name(&GroupKey::unit("Åbyskolan"), Lang::En), "Åbyskolan");
/// ```
#[must_use]
pub fn group_name(key: &GroupKey, lang: Lang) -> Cow<'_, str> {
    match key {
        GroupKey::Platform(p) => Cow::Borrowed(p.label(lang)),
        GroupKey::NoUnit => Cow::Borrowed(NO_UNIT.get(lang)),
        GroupKey::Unit(name) => Cow::Borrowed(name),
    }
}
