//! Tests of the reader, one binary: each module is one subject.

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod bookmarks;
mod cached_launch;
mod compare;
mod compare_focus;
mod compare_order;
mod compare_status;
mod config;
mod counts;
mod end_to_end;
mod hangup;
mod help_scroll;
mod input;
mod inputs;
mod jump_list;
mod keymap;
mod keys;
mod library_analysing;
mod library_narrow;
mod list_filters;
mod load_warnings;
mod loading;
mod matrix_columns;
mod mouse;
mod palette_fresh;
mod partners;
mod passage_marks;
mod passages;
mod places;
mod progressive;
mod pty_budgets;
mod quote_copies;
mod render_replay;
mod scroll_bytes;
mod scroll_past_end;
mod search;
mod search_corpus;
mod search_pty;
mod session;
mod signals;
mod sizes;
mod structure;
mod suspend;
mod tables;
mod take_text;
mod terminal;
mod terminal_dumb;
mod theme_colours;
mod titles;
mod topic_notes;
mod typed;
mod view_driver;
mod window;
