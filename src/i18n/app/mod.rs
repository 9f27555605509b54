//! The app's messages, one module per screen (and `common` for shared words).

pub mod accounts;
pub mod audit;
pub mod common;
pub mod log;
pub mod preview;
pub mod report;
pub mod results;
pub mod review;
pub mod shell;
pub mod start;
pub mod widgets;

/// Every app message.
pub fn all() -> impl Iterator<Item = &'static super::Text> {
    [
        accounts::MESSAGES,
        audit::MESSAGES,
        common::MESSAGES,
        log::MESSAGES,
        preview::MESSAGES,
        report::MESSAGES,
        results::MESSAGES,
        review::MESSAGES,
        shell::MESSAGES,
        start::MESSAGES,
        widgets::MESSAGES,
    ]
    .into_iter()
    .flatten()
}
