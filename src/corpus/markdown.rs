//! Markdown → raw blocks through pulldown-cmark: headings, paragraphs, list
//! items, table rows and block quotes (`>`) keep the kind the markup gives them; image alt text
//! becomes a caption; YAML front matter supplies metadata.

use super::model::BlockKind;
use super::segment::RawBlock;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Fields a front-matter block may state.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
}

pub fn segment_markdown(text: &str) -> (Vec<RawBlock>, FrontMatter) {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_FOOTNOTES;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);

    let mut out = Vec::new();
    let mut front = FrontMatter::default();
    let mut buf = String::new();
    let mut alt = String::new();
    let mut cells: Vec<String> = Vec::new();
    let mut start_line = 1;
    let mut item_depth = 0usize;
    let mut image_depth = 0usize;
    let mut quote_depth = 0usize;
    let mut in_front = false;

    let flush = |buf: &mut String, kind: BlockKind, line: usize, out: &mut Vec<RawBlock>| {
        let text = buf.split_whitespace().collect::<Vec<_>>().join(" ");
        buf.clear();
        if !text.is_empty() {
            let group = out.len();
            out.push(RawBlock {
                text,
                line,
                group,
                hint: Some(kind),
            });
        }
    };

    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_front = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_front = false,
            Event::Text(t) if in_front => parse_front_matter(&t, &mut front),
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => {
                image_depth = image_depth.saturating_sub(1);
                flush(&mut alt, BlockKind::Caption, line_of(range.start), &mut out);
            }
            Event::Text(t) | Event::Code(t) if image_depth > 0 => alt.push_str(&t),
            Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::CodeBlock(_))
                if buf.is_empty() =>
            {
                start_line = line_of(range.start);
            }
            Event::Start(Tag::Item) => {
                let kind = if item_depth > 0 {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                flush(&mut buf, kind, start_line, &mut out);
                item_depth += 1;
                start_line = line_of(range.start);
            }
            Event::End(TagEnd::Item) => {
                flush(&mut buf, BlockKind::ListItem, start_line, &mut out);
                item_depth = item_depth.saturating_sub(1);
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut buf, BlockKind::Heading, start_line, &mut out)
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock) => {
                if item_depth > 0 {
                    buf.push(' ');
                } else {
                    let kind = if quote_depth > 0 {
                        BlockKind::Quote
                    } else {
                        BlockKind::Paragraph
                    };
                    flush(&mut buf, kind, start_line, &mut out);
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                cells.clear();
                start_line = line_of(range.start);
            }
            Event::End(TagEnd::TableCell) => {
                cells.push(std::mem::take(&mut buf).trim().to_string())
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                let mut row = cells.join(" | ");
                flush(&mut row, BlockKind::TableRow, start_line, &mut out);
            }
            Event::Text(t) | Event::Code(t) => buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            _ => {}
        }
    }
    flush(&mut buf, BlockKind::Paragraph, start_line, &mut out);
    (out, front)
}

fn parse_front_matter(text: &str, front: &mut FrontMatter) {
    for line in text.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_lowercase().as_str() {
            "title" => &mut front.title,
            "outlet" | "publisher" | "source" | "site" | "site_name" => &mut front.outlet,
            "date" | "published" => &mut front.date,
            "author" | "byline" | "by" => &mut front.byline,
            _ => continue,
        };
        slot.get_or_insert_with(|| value.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_kinds_come_from_the_markup() {
        let md = "---\ntitle: Front title\noutlet: Daily\n---\n# Head\n\nSome *emphasis* here.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![A photo of the summit](x.png)\n\n> \"We will be back,\" she said.\n> Twice.\n";
        let (blocks, front) = segment_markdown(md);
        let kinds: Vec<_> = blocks
            .iter()
            .map(|b| (b.hint.unwrap(), b.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (BlockKind::Heading, "Head"),
                (BlockKind::Paragraph, "Some emphasis here."),
                (BlockKind::ListItem, "one"),
                (BlockKind::ListItem, "two"),
                (BlockKind::TableRow, "a | b"),
                (BlockKind::TableRow, "1 | 2"),
                (BlockKind::Caption, "A photo of the summit"),
                (BlockKind::Quote, "\"We will be back,\" she said. Twice."),
            ]
        );
        assert_eq!(blocks[0].line, 5);
        assert_eq!(front.title.as_deref(), Some("Front title"));
        assert_eq!(front.outlet.as_deref(), Some("Daily"));
    }
}
