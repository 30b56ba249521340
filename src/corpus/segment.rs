//! Plain text → raw blocks. A block is one line, or a run of lines joined
//! when they look hard-wrapped (prose broken at a fixed width). Blank lines
//! separate groups; the classifier later uses group membership.

use super::model::BlockKind;
use super::words::{ends_sentence, words_up_to};

/// A block before classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBlock {
    pub text: String,
    /// 1-based source line.
    pub line: usize,
    /// Index of the blank-line-separated group it came from.
    pub group: usize,
    /// A kind fixed by the source format (Markdown), if any.
    pub hint: Option<BlockKind>,
}

/// Lines wider than this are never treated as hard-wrapped.
const WRAP_MAX: usize = 100;
/// Hard-wrapped lines (all but the last of a paragraph) are at least this wide.
const WRAP_MIN: usize = 30;

pub fn segment_text(text: &str) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut group: Vec<(usize, &str)> = Vec::new();
    let mut group_index = 0;
    for (i, line) in lines(text).enumerate() {
        if line.trim().is_empty() {
            if !group.is_empty() {
                emit_group(&group, group_index, &mut blocks);
                group.clear();
                group_index += 1;
            }
        } else {
            group.push((i + 1, line));
        }
    }
    if !group.is_empty() {
        emit_group(&group, group_index, &mut blocks);
    }
    merge_cell_tables(&mut blocks);
    blocks
}

/// `text.split('\n')`, each line end found by one vector search (`memchr`).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memchr(b'\n', r.as_bytes()) {
            Some(end) => {
                rest = Some(&r[end + 1..]);
                Some(&r[..end])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

fn emit_group(lines: &[(usize, &str)], group: usize, out: &mut Vec<RawBlock>) {
    if is_hard_wrapped(lines) {
        let text = lines
            .iter()
            .map(|(_, l)| l.trim())
            .collect::<Vec<_>>()
            .join(" ");
        out.push(RawBlock {
            text,
            line: lines[0].0,
            group,
            hint: None,
        });
    } else {
        out.extend(lines.iter().map(|&(line, l)| RawBlock {
            text: l.trim().to_string(),
            line,
            group,
            hint: None,
        }));
    }
}

fn is_hard_wrapped(lines: &[(usize, &str)]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let widths: Vec<usize> = lines
        .iter()
        .map(|(_, l)| l.trim().chars().count())
        .collect();
    let body = &widths[..widths.len() - 1];
    widths.iter().all(|&w| w <= WRAP_MAX)
        && body.iter().all(|&w| w >= WRAP_MIN)
        && lines.iter().all(|(_, l)| !l.contains('|'))
        && lines[1..].iter().all(|(_, l)| !starts_with_list_marker(l.trim()))
        // A wrapped paragraph continues mid-sentence somewhere.
        && lines[..lines.len() - 1]
            .iter()
            .any(|(_, l)| !ends_sentence(l.trim()))
}

pub fn starts_with_list_marker(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '+') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// A label cell of a two-column table: a few words, no sentence end.
fn is_label_cell(b: &RawBlock) -> bool {
    // Cheapest first: most blocks are prose ending a sentence, and the
    // word count walks a whole chunk of the text.
    !ends_sentence(&b.text)
        && !b.text.contains('|')
        && words_up_to(&b.text, 5) <= 5
        && !is_chrome(b)
}

fn is_chrome(b: &RawBlock) -> bool {
    super::chrome::chrome_reason(&b.text).is_some()
}

/// Tables exported as one cell per blank-separated line: a header of two
/// short labels, then at least two (label, value) pairs, strictly
/// alternating, each cell alone in its group. Merged into one row per pair
/// so the table reads as a table.
fn merge_cell_tables(blocks: &mut Vec<RawBlock>) {
    let mut i = 0;
    while i + 5 < blocks.len() {
        let run = cell_table_run(&blocks[i..]);
        if run >= 6 {
            let merged: Vec<RawBlock> = blocks[i..i + run]
                .chunks(2)
                .map(|pair| RawBlock {
                    text: format!("{} | {}", pair[0].text, pair[1].text),
                    line: pair[0].line,
                    group: pair[0].group,
                    hint: Some(BlockKind::TableRow),
                })
                .collect();
            let n = merged.len();
            blocks.splice(i..i + run, merged);
            i += n;
        } else {
            i += 1;
        }
    }
}

/// Length (even) of a cell-table run starting at `blocks[0]`, or 0.
fn cell_table_run(blocks: &[RawBlock]) -> usize {
    let alone = |k: usize| {
        let g = blocks[k].group;
        (k == 0 || blocks[k - 1].group != g) && blocks.get(k + 1).is_none_or(|b| b.group != g)
    };
    let header = blocks.len() >= 2
        && alone(0)
        && alone(1)
        && is_label_cell(&blocks[0])
        && is_label_cell(&blocks[1])
        && words_up_to(&blocks[0].text, 3) <= 3
        && words_up_to(&blocks[1].text, 3) <= 3;
    if !header {
        return 0;
    }
    let mut k = 2;
    let mut long_values = 0;
    while k + 1 < blocks.len()
        && alone(k)
        && alone(k + 1)
        && is_label_cell(&blocks[k])
        && !is_chrome(&blocks[k + 1])
    {
        if words_up_to(&blocks[k + 1].text, 5) > 5 {
            long_values += 1;
        }
        k += 2;
    }
    if (k - 2) / 2 >= 2 && long_values >= 2 {
        k
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(bs: &[RawBlock]) -> Vec<&str> {
        bs.iter().map(|b| b.text.as_str()).collect()
    }

    proptest::proptest! {
        #[test]
        fn lines_are_split_as_by_the_newline(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a b", "\n", "\n\n", "\r", "é", "漢字", " ", "|"]),
                0..40,
            ),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(
                lines(&text).collect::<Vec<_>>(),
                text.split('\n').collect::<Vec<_>>()
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn label_cells_are_told_as_in_the_plain_order(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Venue", "key", "players", "a", "b", ".", "?", "\u{201d}", "|", "Share",
                    "Related", "Articles", "\u{a0}", "é", " ",
                ]),
                0..10,
            ),
        ) {
            let b = RawBlock { text: parts.join(" "), line: 1, group: 0, hint: None };
            let plain = words_up_to(&b.text, 5) <= 5
                && !ends_sentence(&b.text)
                && !b.text.contains('|')
                && !is_chrome(&b);
            proptest::prop_assert_eq!(is_label_cell(&b), plain, "{:?}", b.text);
        }
    }

    #[test]
    fn one_line_per_paragraph_without_blank_lines() {
        let bs = segment_text("Title\nFirst paragraph here.\nSecond one.");
        assert_eq!(
            texts(&bs),
            ["Title", "First paragraph here.", "Second one."]
        );
        assert_eq!(bs[2].line, 3);
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "Title\n\nThe committee met on Tuesday to discuss the budget and\nagreed to postpone the vote until the next session of\nthe assembly.\n\nNext.";
        let bs = segment_text(text);
        assert_eq!(bs.len(), 3);
        assert!(bs[1].text.starts_with("The committee") && bs[1].text.ends_with("assembly."));
    }

    #[test]
    fn two_column_cell_table_is_merged() {
        let long = "A value cell that runs on for quite a few words here.";
        let text = format!(
            "Para before it ends.\n\nAspect\n\nSummary\n\nKey players\n\n{long}\n\nVenue\n\n{long}\n\nFrom our network :"
        );
        let bs = segment_text(&text);
        assert_eq!(bs[1].text, "Aspect | Summary");
        assert_eq!(bs[2].text, format!("Key players | {long}"));
        assert_eq!(bs[2].hint, Some(BlockKind::TableRow));
        assert_eq!(bs.len(), 5);
    }

    #[test]
    fn headings_with_single_paragraphs_are_not_a_table() {
        let p = "A paragraph that is clearly prose and ends properly.";
        let text = format!("Intro\n\nOne\n\n{p}\n\nTwo\n\n{p}\n\nThree\n\n{p}");
        let bs = segment_text(&text);
        assert!(bs.iter().all(|b| b.hint.is_none()));
    }
}
