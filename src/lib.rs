//! parallax: a terminal reader for comparing news coverage.
//!
//! Layers, with arrows one way only: `ui` and `cli` use `analysis`, which
//! uses `corpus`.

pub mod analysis;
pub mod cli;
pub mod corpus;
pub mod session;
pub mod ui;
pub mod wrap;
