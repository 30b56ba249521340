//! parallax: a terminal reader for comparing news coverage.
//!
//! Layers, with arrows one way only: `ui` and `cli` use `cache` (the
//! analysis kept on disk) and `analysis`, which uses `corpus`. `parallel`,
//! `display` (text in terminal columns) and `diag` (warnings on standard
//! error) are small utilities any layer may use. `dev` (test and benchmark tooling) exists only with the `dev`
//! feature.

pub mod analysis;
pub mod cache;
pub mod cli;
pub mod corpus;
#[cfg(any(test, feature = "dev"))]
pub mod dev;
pub mod diag;
pub mod display;
pub(crate) mod parallel;
pub mod session;
pub mod ui;
