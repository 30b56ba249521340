//! Tests of the cli, one binary: each module is one subject.

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod cache;
mod cli_output;
mod diff;
mod diff_files;
mod diff_partners;
mod dups_groups;
mod elsewhere;
mod global_options;
mod grep;
mod layers;
mod load_errors;
mod plurals;
mod quotes;
mod quotes_speakers;
mod report_cli;
mod report_html;
mod report_markdown;
mod report_output;
mod session_cli;
mod show;
mod stderr;
