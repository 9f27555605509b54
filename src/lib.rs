//! Svarskoll: mystery-shopper audits of a municipality's social-media accounts.
//!
//! Layers, top to bottom: `gui`/`cli` → `report`/`store` → `core`.

pub mod cli;
pub mod core;
pub mod gui;
pub mod i18n;
pub mod report;
pub mod store;
