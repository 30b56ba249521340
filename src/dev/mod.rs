//! Tooling for parallax's own tests, examples and benchmarks, never part of
//! the product: the seeded random generator (`rng`) and the synthetic
//! corpus with planted near-duplicates and its brute-force truth (`synth`).
//!
//! Compiled only with the `dev` cargo feature (off by default), which the
//! crate's dev-dependency on itself turns on for tests and examples; a
//! `cargo build` or `cargo install` of parallax leaves it out. A feature
//! rather than files under `examples/` pulled in with `#[path]`: the
//! generator needs the real loader and the near-duplicate code, which only
//! the library can reach, and tests, examples and the library's own unit
//! tests (which see it through `cfg(test)`) then share one definition.

pub mod rng;
pub mod synth;
