//! Tests of the corpus, one binary: each module is one subject.

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod big;
mod collections;
mod encodings;
mod feeds;
mod files;
mod foundation;
mod limits;
mod links;
mod outlets;
mod pages;
mod sanitize;
mod word_counts;
