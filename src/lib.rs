//! parallax: a terminal reader for comparing news coverage.
//!
//! Layers, with arrows one way only: `ui` and `cli` use `report` (pair and
//! corpus reports, made by both), `cache` (the analysis kept on disk) and
//! `analysis`, which uses `corpus`; `report` uses `cache` and `analysis`
//! and knows neither `cli` nor `ui`. `parallel`, `heap` (allocator
//! settings), `display` (text in
//! terminal columns), `out` (the sanitising writer of command output and
//! reports), `style` (the one table of styles, for the CLI's colours and
//! the reader's theme) and `diag` (warnings on standard error) are small utilities
//! any layer may use. `dev` (test and benchmark tooling) exists only with the `dev`
//! feature.

pub mod analysis;
pub mod cache;
pub mod cli;
pub mod corpus;
#[cfg(any(test, feature = "dev"))]
pub mod dev;
pub mod diag;
pub mod display;
pub(crate) mod heap;
pub mod out;
pub(crate) mod parallel;
pub mod report;
pub mod session;
pub mod style;
pub mod ui;
