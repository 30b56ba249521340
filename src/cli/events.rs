//! `parallax events`: the articles grouped into the events they report,
//! as a table (each event, then its articles) or as JSON.

use super::CleanOut;
use super::paint::{Paint, Tone, output_width};
use super::short_ids;
use crate::analysis::events::Events;
use crate::cache::Bound;
use crate::corpus::Corpus;
use crate::display::wrap::{truncate, width, wrap_text};
use crate::{clean, outln};

/// The JSON shape of one event (a contract: keep the keys): `{"id",
/// "label", "articles": [article id...], "topics": [label...]}`; ids count
/// from 1, largest event first.
pub fn print(
    corpus: &Corpus,
    cache: &Bound,
    json: bool,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    // Through the analysis cache: a corpus opened before costs nothing.
    let topics = cache.topics();
    let events = cache.events(&topics);
    if json {
        let rows = crate::report::event_rows(&events, &topics);
        return out.json(&crate::report::events_json(corpus, &rows));
    }
    print_table(corpus, &events, paint, output_width(), out)
}

fn print_table(
    corpus: &Corpus,
    events: &Events,
    paint: Paint,
    total_width: usize,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let n = corpus.articles.len();
    let alone = events
        .events
        .iter()
        .filter(|e| e.articles.len() == 1)
        .count();
    let plural =
        |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let summary = format!(
        "{} in {}; {} of a single article",
        plural(events.events.len(), "event", "events"),
        plural(n, "article", "articles"),
        plural(alone, "event", "events"),
    );
    for line in wrap_text(&summary, total_width) {
        outln!(out, "{line}")?;
    }
    let ids = short_ids(corpus);
    let id_w = ids.iter().map(|i| width(i)).max().unwrap_or(2).clamp(2, 16);
    let outlet_w = 14;
    for (i, e) in events.events.iter().enumerate() {
        out.blank()?;
        let head = format!(
            "{:>3}  {}  {}",
            i + 1,
            plural(e.articles.len(), "article", "articles"),
            e.label
        );
        out.line(&paint.paint(Tone::Bold, &clean!("{}", truncate(&head, total_width))))?;
        // "   id  outlet  title", the title taking what is left.
        let title_w = total_width
            .saturating_sub(5 + id_w + 2 + outlet_w + 2)
            .max(12);
        for &a in &e.articles {
            let article = &corpus.articles[a];
            let id = truncate(&ids[a], id_w);
            let outlet = truncate(article.meta.outlet.as_deref().unwrap_or("–"), outlet_w);
            let line = format!(
                "     {id}{}  {outlet}{}  {}",
                " ".repeat(id_w.saturating_sub(width(&id))),
                " ".repeat(outlet_w.saturating_sub(width(&outlet))),
                truncate(article.label(), title_w)
            );
            out.line(&clean!("{}", line.trim_end()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::events::find_events;
    use crate::analysis::topics::build_topics;

    #[test]
    fn table_fits_the_width() {
        let corpus = crate::corpus::load_builtin();
        let topics = build_topics(&corpus);
        let events = find_events(&corpus, &topics);
        for w in [40, 80, 120] {
            let mut buf = Vec::new();
            print_table(
                &corpus,
                &events,
                Paint { enabled: false },
                w,
                &mut CleanOut::new(&mut buf),
            )
            .expect("table");
            let text = String::from_utf8(buf).expect("utf-8");
            assert!(text.lines().all(|l| width(l) <= w), "{w}: {text}");
            assert!(text.contains("1 event in 5 articles"), "{text}");
        }
    }
}
