//! Helpers shared by several test files (each includes this module with `mod common;`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers

pub mod documents;
pub mod pdf_ua;
