//! `report` compiles Member States' replies into the Secretary-General's report.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! load       every file of the root -> Project   (config, submission, locale, validate)
//! aggregate  Project -> Model: the facts; categories x States x themes, UN order
//! wording    Model + catalogue -> Version: the model in one language's words
//! render     Version -> output files (data.json, report.typ and the PDF, the HTML site)
//! write      files -> output/, swapped in atomically, one build at a time
//! ```
//!
//! Beside the pipeline: `stats` (the figures of a model) and `diff` (two models compared,
//! as data.json values) serve `report stats` and `report diff`. ARCHITECTURE.md gives the
//! map and its rules.
//!
//! Invariants every stage keeps:
//! - problems are collected as [`diag::Diagnostic`]s, never returned early; commands print
//!   them all and choose the exit code;
//! - every file is read under one policy ([`root`]): inside the report root, regular files
//!   only, size-capped;
//! - submission text is data at every stage, and misleading characters ([`invisible`])
//!   never reach the outputs or the terminal raw;
//! - what would cost the typesetter more than its size says is refused before typesetting
//!   ([`render::cost`]);
//! - a complete `output/` exists at every instant ([`write`]); same input, same bytes.

pub mod aggregate;
pub mod catalogue;
pub mod cli;
pub mod cmd;
pub mod codes;
pub mod collate;
pub mod config;
pub mod date;
pub mod diag;
pub mod diff;
pub mod english;
pub mod files;
mod hash;
pub mod identify;
pub mod import;
pub mod invisible;
pub mod language;
pub mod language_names;
pub mod lints;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod misleading;
pub mod pipeline;
pub mod redline;
pub mod registry;
pub mod render;
pub mod reply;
pub mod root;
pub mod serve;
pub mod stats;
pub mod submission;
#[cfg(test)]
mod testroot;
pub mod timing;
pub mod tomlread;
pub mod validate;
pub mod wording;
pub mod write;
