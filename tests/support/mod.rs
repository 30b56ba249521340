//! What every test binary shares: running the binary, the pseudo-terminal
//! harnesses, hostile inputs, screen scanning and topic checks.

pub mod app;
pub mod hostile;
pub mod http_server;
pub mod pty;
pub mod raw_pty;
pub mod run;
pub mod scan;
pub mod shell;
pub mod topic_checks;
pub mod written;
