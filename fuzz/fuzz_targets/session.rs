//! cargo-fuzz target: see `parallax_fuzz::stored::session` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::stored::session(data));
