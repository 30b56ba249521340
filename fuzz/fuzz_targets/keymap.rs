//! cargo-fuzz target: see `parallax_fuzz::bodies::keymap` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::bodies::keymap(data));
