//! End-to-end tests: the real `report` binary run on fixture report roots under
//! `tests/fixtures/`, one module per feature.

mod aggregate;
mod analysis;
mod architecture;
mod build;
mod check;
mod cli;
mod faults;
mod html;
mod import;
mod lints;
mod misleading;
mod outside;
mod pdf;
mod properties;
mod redline;
mod registry;
mod shipped;
mod support;
mod translations;
mod versions;
mod wording;
mod workflow;
