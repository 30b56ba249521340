//! Command-line arguments. Every subcommand and flag is documented here;
//! `--help` is generated from these declarations.

use crate::analysis::pair::Threshold;
use crate::corpus::InputOptions;
use crate::corpus::input::{FieldMap, OutletFrom};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The heading of the options that say how inputs are read, apart in
/// every command's help from the options of the command itself.
const INPUT: &str = "Input options";
/// The heading of the reader's options: global (taken before or after a
/// subcommand) but meaningful to the reader only, so every command's help
/// shows them last, under their own heading.
const READER: &str = "Reader options";

#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    max_term_width = 80,
    version,
    about = "A terminal reader for comparing news coverage",
    long_about = "parallax loads a corpus of news articles, lines up what they share in \
side-by-side panes with word-level diffs, and shows who covered what.\n\n\
With no PATH it opens the built-in corpus (five articles on the August 2025 US-Russia \
summit in Alaska). PATH may be files or folders; folders are read recursively \
(.txt, .md, .html, .htm, .jsonl, .csv, .rss, .atom, .xml, also .gz or .zst). A collection (.jsonl, .csv) gives one article \
per record, a feed one per item. PATH may also be an http(s) link, or a file listing links one \
per line (.urls, or a text file of links only): pages are fetched once and kept in the cache. \
Article ids are file stems; any unique prefix of an id works.",
    after_help = "Examples:\n  parallax                      open the reader on the built-in corpus\n  parallax ~/coverage/          open the reader on a folder of articles\n  parallax list                 list the built-in articles\n  parallax show 004             print one article's blocks\n  parallax diff 000 002         compare two articles\n  parallax dups --scope within  repeated paragraphs inside articles"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to open in the reader (default: the built-in corpus)
    pub paths: Vec<PathBuf>,
    /// When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Read at most SIZE of text in all (default 512M; K, M, G, T suffixes; 0: no limit).
    /// A larger corpus is refused before anything is read.
    #[arg(long, value_name = "SIZE", global = true, value_parser = parse_size, help_heading = INPUT)]
    pub max_bytes: Option<u64>,
    /// In collections (.jsonl, .csv), read the article field NAME (title, text, date, url,
    /// outlet, author, id) from the record key KEY, e.g. --field text=maintext (repeatable)
    #[arg(long = "field", value_name = "NAME=KEY", global = true, value_parser = parse_field, help_heading = INPUT)]
    pub fields: Vec<String>,
    /// When nothing else names an article's outlet, take it from the file's folder
    /// (parent) or the last _/- part of its name (suffix)
    #[arg(long, value_enum, value_name = "PART", global = true, help_heading = INPUT)]
    pub outlet_from: Option<OutletFromArg>,
    /// Pair paragraphs when their similarity (how surely they make the same point,
    /// 0 to 1, or a percentage) reaches this: diff, report, and the reader's compare view
    /// (default 0.35)
    // A negative value is taken as a value, to be refused as one, not as
    // an unknown option.
    #[arg(long, value_name = "T", global = true, allow_negative_numbers = true)]
    pub threshold: Option<Threshold>,
    /// Fetch links again even when the cache has them
    #[arg(long, global = true, help_heading = INPUT)]
    pub refresh: bool,
    /// Fetch the pages of feed items that carry no full text, also for a feed read from a
    /// file (a feed fetched from a link always does)
    #[arg(long, global = true, help_heading = INPUT)]
    pub follow_links: bool,
    /// Neither read nor keep the analysis cache: analyse everything again
    /// (`parallax cache` shows where the cache is)
    #[arg(long, global = true, help_heading = INPUT)]
    pub no_cache: bool,
    // Last, so the reader's heading comes after the input options.
    #[command(flatten)]
    pub reader: ReaderArgs,
}

/// Where `--outlet-from` takes an outlet from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutletFromArg {
    /// The folder holding the file
    Parent,
    /// The last _- or --separated part of the file name
    Suffix,
}

impl Cli {
    /// How inputs are read, from `--field` and `--outlet-from`.
    pub fn input_options(&self) -> InputOptions {
        let mut fields = FieldMap::default();
        for f in &self.fields {
            // Checked by `parse_field` already.
            let _ = fields.add(f);
        }
        InputOptions {
            fields,
            outlet_from: self.outlet_from.map(|o| match o {
                OutletFromArg::Parent => OutletFrom::Parent,
                OutletFromArg::Suffix => OutletFrom::Suffix,
            }),
            refresh: self.refresh,
            follow_links: self.follow_links,
        }
    }
}

fn parse_field(text: &str) -> Result<String, String> {
    FieldMap::default()
        .add(text)
        .map(|()| text.to_string())
        .map_err(|e| e.to_string())
}

/// The limit a `--max-bytes` value means: none given is the default, 0 is
/// no limit.
pub fn byte_limit(arg: Option<u64>) -> Option<u64> {
    match arg {
        None => Some(crate::corpus::DEFAULT_MAX_BYTES),
        Some(0) => None,
        Some(n) => Some(n),
    }
}

/// "512M", "2G", "1.5G", "300000", "64KiB": binary units.
fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => {
            return Err(format!(
                "'{text}': use a number with K, M, G or T (e.g. 2G)"
            ));
        }
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("'{text}' is not a size (e.g. 512M, 2G)"))?;
    let bytes = value * (1u64 << shift) as f64;
    if !bytes.is_finite() || bytes < 0.0 || bytes >= u64::MAX as f64 {
        return Err(format!("'{text}' is out of range"));
    }
    Ok(bytes as u64)
}

/// Options of the reader, accepted before or after a subcommand like every
/// global option (`--session` also names the notes of `report`).
#[derive(Debug, Args, Default, Clone)]
pub struct ReaderArgs {
    /// Keymap file merged over the default keymap
    #[arg(long, value_name = "FILE", global = true, help_heading = READER)]
    pub keymap: Option<PathBuf>,
    /// Come back to the last session: corpus, view, pair, positions, threshold, topic
    #[arg(short = 'r', long, global = true, help_heading = READER)]
    pub resume: bool,
    /// Keep this named session (default: "default"); bookmarks belong to it, and
    /// `report` includes its notes
    #[arg(long, value_name = "NAME", global = true, help_heading = READER)]
    pub session: Option<String>,
    /// Mouse mode in the reader: wheel scrolling, click to focus a pane (off by
    /// default so the terminal's own text selection keeps working; also
    /// `mouse = true` in config.toml)
    #[arg(long, global = true, help_heading = READER)]
    pub mouse: bool,
    /// Copy (y) to the terminal's clipboard through OSC 52 instead of to a file
    /// (also `clipboard = "osc52"` in config.toml)
    #[arg(long, global = true, help_heading = READER)]
    pub osc52: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: id, title, outlet, date, reading time, words, blocks
    List {
        /// Files or folders (default: the built-in corpus)
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Print one article's blocks with their index and kind
    Show {
        /// Article id or a unique prefix of it (e.g. 004)
        article: String,
        /// Files or folders (default: the built-in corpus)
        paths: Vec<PathBuf>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Near-duplicate paragraph pairs, within and across articles
    Dups {
        /// Files or folders (default: the built-in corpus)
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
        /// Report a pair when its Jaccard or containment score is at least this
        #[arg(long, value_name = "SCORE", default_value_t = 0.5, value_parser = parse_score)]
        min: f64,
        /// Which pairs: repeats within one article, reuse across articles, or all
        #[arg(long, value_enum, default_value_t = ScopeArg::All)]
        scope: ScopeArg,
        /// Print groups instead of pairs: one line per shared passage (its origin and
        /// every block that near-duplicates it), largest spread first
        #[arg(long)]
        groups: bool,
    },
    /// Align two articles and show a word-level diff of paired paragraphs
    Diff {
        /// Left article id or unique prefix
        left: String,
        /// Right article id or unique prefix
        right: String,
        /// Files or folders (default: the built-in corpus)
        paths: Vec<PathBuf>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Under each unpaired paragraph, its N likeliest partners in the
        /// other article, paired or not, with their similarity (JSON: a
        /// "partners" list on those rows)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=50))]
        partners: Option<u16>,
    },
    /// Who reported this paragraph, in which words: its likeliest block in
    /// every other article of its event, most likely first
    Elsewhere {
        /// Article id or unique prefix
        article: String,
        /// Block index in that article (as `parallax show` numbers them)
        block: usize,
        /// Files or folders (default: the built-in corpus)
        paths: Vec<PathBuf>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// The topic index: headings, salient terms and names, with where they occur
    Topics {
        /// Files or folders (default: the built-in corpus)
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table (one compact array)
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Print JSON Lines: one topic per line, written as it goes
        #[arg(long)]
        jsonl: bool,
        /// Only the first N topics (headings, then names, then terms, as listed)
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
    /// Group the articles into the events they report (shared names, terms and dates)
    Events {
        /// Files or folders (default: the built-in corpus)
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// A report to share: two articles with word diffs and your notes, or
    /// (--all) the whole corpus
    #[command(
        override_usage = "parallax report LEFT RIGHT [PATH]... [OPTIONS]\n       parallax report --all [PATH]... [OPTIONS]"
    )]
    Report {
        /// LEFT and RIGHT article ids (or unique prefixes), then files or
        /// folders; with --all, files or folders only
        #[arg(value_name = "ARG")]
        items: Vec<PathBuf>,
        /// Report on the whole corpus: articles, shared paragraphs, repeats, topic coverage
        #[arg(long)]
        all: bool,
        /// Output format
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// The same as --format json (as every other command takes it)
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// Write the report to FILE instead of stdout ("-" is stdout): a file is replaced
        /// atomically keeping its mode, a link is written through, a device or FIFO is
        /// written to; hard-linked files, dangling links, sockets are refused
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Find a phrase in every article: each hit with its article, block and context
    ///
    /// Case-smart: a phrase in lower case finds any case, an upper-case letter makes
    /// case count. Curly and straight quotes, dashes and runs of spaces match alike.
    Grep {
        /// The phrase to find
        phrase: String,
        /// Files or folders (default: the built-in corpus)
        paths: Vec<PathBuf>,
        /// Print JSON: [{"article", "block", "start", "end", "context"}], start and end
        /// being byte offsets in the block's text
        #[arg(long)]
        json: bool,
    },
    /// List saved reading sessions: name, when saved, view, compare pair, bookmarks
    Sessions {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Quoted passages grouped across articles: speaker, the outlets that carry
    /// each quote, and whether their wording differs (altered)
    Quotes {
        /// Files or folders (default: the built-in corpus)
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Where the analysis cache is and how much it holds; `cache clear` empties it
    Cache {
        #[command(subcommand)]
        action: Option<CacheAction>,
    },
}

/// What `parallax cache` does besides showing the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Subcommand)]
pub enum CacheAction {
    /// Remove every cached analysis
    Clear,
}

/// Formats of `parallax report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown (GitHub flavour): ~~deleted~~ and **inserted** words
    Md,
    /// One self-contained HTML page: <del>/<ins> marks, inline CSS, no scripts
    Html,
    /// JSON: `diff --json` plus metadata and bookmarks, or the corpus tables
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScopeArg {
    Within,
    Across,
    All,
}

fn parse_score(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("'{s}' is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside 0..=1"))
    }
}
