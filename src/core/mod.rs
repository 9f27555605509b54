//! The domain: the audit model, the Swedish working-day calendar, deadlines, outcomes and results.
//!
//! Nothing in here touches the file system, the clock, egui or printpdf: every function takes values
//! (and an explicit "as of" instant) and returns values, so the CLI, the GUI and the report can never
//! disagree on a number and every result can be reproduced.

pub mod calendar;
pub mod check;
pub mod deadline;
pub mod diff;
pub mod file_error;
pub mod followup;
pub mod generated;
pub mod localtime;
pub mod merge;
pub mod model;
pub mod numbers;
pub mod outcome;
pub mod picture;
pub mod results;
pub mod review;
pub mod rules;
pub mod sample;
pub mod split;
pub mod stats;

pub use calendar::SwedishCalendar;
pub use deadline::{DeadlineMode, DeadlineRule};
pub use localtime::{LocalResolution, ResolvedTime};
pub use model::*;
pub use outcome::{Outcome, ProbeEvaluation};
pub use results::{Comparison, Counts, GroupKey, GroupResult, Results, TrendPoint};
