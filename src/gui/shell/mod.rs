//! The app shell around the screens: menus, side bar, banners, modal questions, keyboard and
//! dropped files, and asking for files. Each file adds methods to [`super::SvarskollApp`].

mod banners;
mod file_dialog;
mod input;
mod menus;
mod modals;
mod side_bar;

pub(crate) use banners::Banner;
pub(crate) use modals::{Confirm, PathPrompt, Pending};
