//! The fuzz target bodies, shared with `tests/fuzz_regressions.rs`.

pub mod bodies;
