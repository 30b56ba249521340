//! Tests of the analysis, one binary: each module is one subject.

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod align_gold;
mod cache_fill;
mod dups;
mod dups_incremental;
mod events;
mod events_scale;
mod names;
mod quotes;
mod quotes_credits;
mod topics;
mod topics_quality;
mod topics_scale;
