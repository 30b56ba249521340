//! Tests of the session, one binary: each module is one subject.

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod anchor;
mod durability;
mod files;
mod store;
mod text;
