//! The fuzz target bodies, shared with `tests/fuzz_regressions.rs`: text,
//! files, keymaps and diffs in `bodies`, session files and reports in
//! `stored`.

pub mod bodies;
pub mod stored;
