//! Words for what an undo step changes: "Besvarad, Malmö stadsbibliotek".

use super::{Label, Lang};
use crate::core::Audit;
use crate::core::diff::ChangeSpot;

/// What changed, in words, naming the account where there is one (looked up in `audit`).
#[must_use]
pub fn change_text(spot: ChangeSpot, audit: &Audit, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let pick = |s: &'static str, e: &'static str| if sv { s } else { e };
    let account_name = |index: usize| {
        audit.accounts.get(index).map_or_else(String::new, |a| {
            format!("{} ({})", a.name, a.platform.label(lang))
        })
    };
    match spot {
        ChangeSpot::Meta => pick("uppgifter om granskningen", "the audit's details").to_owned(),
        ChangeSpot::Criteria => pick("kriterierna", "the criteria").to_owned(),
        ChangeSpot::Texts => pick("texterna", "the texts").to_owned(),
        ChangeSpot::Actions => pick("åtgärderna", "the actions").to_owned(),
        ChangeSpot::Report => pick("rapportens inställningar", "the report's settings").to_owned(),
        ChangeSpot::Sample => pick("urvalet", "the sample").to_owned(),
        ChangeSpot::Register => pick("kontoregistret", "the account register").to_owned(),
        ChangeSpot::Other => pick("en ändring", "a change").to_owned(),
        ChangeSpot::Accounts { count } => match lang {
            Lang::Sv => format!("{count} konton"),
            Lang::En => format!("{count} accounts"),
        },
        ChangeSpot::Probes { index } => {
            format!("{}, {}", pick("frågor", "questions"), account_name(index))
        }
        ChangeSpot::Account { index, field } => {
            let word = match field {
                "name" => pick("Namn", "Name"),
                "platform" => pick("Plattform", "Platform"),
                "unit" => pick("Verksamhet", "Unit"),
                "url" => pick("Adress", "Address"),
                "status" => pick("Status", "Status"),
                "exclusion_note" => pick("Skäl", "Reason"),
                "selected" => pick("Urval", "Sample"),
                "review" => pick("Kontogranskning", "Account review"),
                _ => pick("Konto", "Account"),
            };
            format!("{word}, {}", account_name(index))
        }
        ChangeSpot::Probe { account, field, .. } => {
            let word = match field {
                "posted_at" => pick("Ställd", "Posted"),
                "answered_at" => pick("Besvarad", "Answered"),
                "signed" => pick("Signerad", "Signed"),
                "note" => pick("Anteckning", "Note"),
                "evidence" => pick("Bevis", "Evidence"),
                _ => pick("Fråga", "Question"), // "question"
            };
            format!("{word}, {}", account_name(account))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Account;
    use crate::core::diff::where_changed;
    use crate::core::review::{ReviewAnswer, ReviewItem};

    #[test]
    fn an_answer_of_the_account_review_is_named_with_its_account() {
        let mut before = Audit::default();
        before.accounts.push(Account {
            name: "Alpha".into(),
            ..Account::default()
        });
        let mut after = before.clone();
        after.accounts[0]
            .review
            .insert("admins".into(), ReviewAnswer::Number(2));
        let spot = where_changed(&before, &after).unwrap();
        assert_eq!(
            change_text(spot, &after, Lang::Sv),
            "Kontogranskning, Alpha (Facebook)"
        );
        // The checklist itself is one of the criteria.
        let mut listed = before.clone();
        listed.review.push(ReviewItem::default());
        assert_eq!(where_changed(&before, &listed), Some(ChangeSpot::Criteria));
    }
}
