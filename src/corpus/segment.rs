//! Plain text → raw blocks. A block is one line, or a run of lines joined
//! when they look hard-wrapped (prose broken at a fixed width). Blank lines
//! separate groups; the classifier later uses group membership.

use super::model::BlockKind;

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
    for (i, line) in text.split('\n').enumerate() {
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

/// Ends like a sentence, ignoring closing quotes and brackets.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' ']);
    t.ends_with(['.', '!', '?', ';', '…'])
}

pub fn word_count(s: &str) -> usize {
    count_words(s, usize::MAX)
}

/// Words in `s`, counted no further than `cap + 1`: enough to test
/// `<= cap` without walking a long paragraph (the loader asks this of
/// every block several times).
pub fn words_up_to(s: &str, cap: usize) -> usize {
    count_words(s, cap.saturating_add(1))
}

fn count_words(s: &str, stop: usize) -> usize {
    // The loader asks this of every block several times, so ASCII is
    // counted 64 bytes at a time without branches, and only chunks with
    // other characters are decoded.
    const CHUNK: usize = 64;
    let bytes = s.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let end = (i + CHUNK).min(bytes.len());
        if bytes[i..end].is_ascii() {
            n += ascii_word_starts(&bytes[i..end], &mut in_word);
            i = end;
        } else {
            // `i` is on a character boundary: ASCII chunks end on one and
            // this loop steps whole characters.
            while i < end {
                let c = s[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                let space = c.is_whitespace();
                n += usize::from(!space & !in_word);
                in_word = !space;
            }
        }
        if n >= stop {
            return stop;
        }
    }
    n
}

/// Word starts in ASCII bytes, 8 at a time (SWAR): a start is a
/// non-space byte after a space, `in_word` carrying over from the bytes
/// before.
fn ascii_word_starts(bytes: &[u8], in_word: &mut bool) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte lane is set where that byte is ASCII
    // whitespace (space, or 0x09..=0x0D), as `char::is_whitespace` says.
    // Every lane is below 0x80, so no addition carries into the next lane.
    fn space_lanes(x: u64) -> u64 {
        let t = x ^ (0x20 * LO);
        let is_space = !(((t & !HI) + !HI) | t) & HI;
        let ge_tab = (x + (0x80 - 0x09) * LO) & HI;
        let ge_so = (x + (0x80 - 0x0E) * LO) & HI;
        is_space | (ge_tab & !ge_so)
    }
    let mut n = 0;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let x = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
        let space = space_lanes(x);
        let before = (space << 8) | if *in_word { 0 } else { 0x80 };
        n += (!space & before & HI).count_ones() as usize;
        *in_word = space >> 63 == 0;
    }
    for &b in words.remainder() {
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
        n += usize::from(!space & !*in_word);
        *in_word = !space;
    }
    n
}

/// A label cell of a two-column table: a few words, no sentence end.
fn is_label_cell(b: &RawBlock) -> bool {
    words_up_to(&b.text, 5) <= 5
        && !ends_sentence(&b.text)
        && !b.text.contains('|')
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

    #[test]
    fn counts_words_like_split_whitespace() {
        let long = "word ".repeat(40) + "“curly” déjà\u{a0}vu\u{3000}漢字 " + &"x ".repeat(70);
        let controls: String = (0u8..0x80).map(char::from).collect::<String>().repeat(3);
        for text in [
            "",
            " ",
            "a",
            " a b ",
            "a\tb\nc\r\nd",
            long.as_str(),
            "\u{a0}a\u{2003}b",
            controls.as_str(),
            "ab cd ef gh ij kl mn op  qr\x0bs\x0ct\x1cu\x1fv",
        ] {
            let expected = text.split_whitespace().count();
            assert_eq!(word_count(text), expected, "{text:?}");
            for cap in [0, 1, 5, 60, 200] {
                assert_eq!(
                    words_up_to(text, cap),
                    expected.min(cap + 1),
                    "{text:?} {cap}"
                );
            }
        }
    }

    fn texts(bs: &[RawBlock]) -> Vec<&str> {
        bs.iter().map(|b| b.text.as_str()).collect()
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
