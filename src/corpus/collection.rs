//! Collections: JSON Lines and CSV files with one article per record, the
//! way public news datasets and text-reuse tools keep corpora. Each record's
//! fields are found by their common names (or the user's `--field`); a
//! record that cannot be read is reported by its line and the rest load.

use super::input::{Field, FieldMap};
use serde_json::{Map, Value};

/// One record's article fields, as written (not yet sanitised).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// 1-based line where the record starts.
    pub line: usize,
    pub title: Option<String>,
    pub text: Option<String>,
    /// A text field is there but holds nothing: the record's text is
    /// empty, not under a key parallax does not know.
    pub text_empty: bool,
    pub date: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub id: Option<String>,
}

/// A record that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    pub line: usize,
    pub why: String,
}

/// What a collection file held.
#[derive(Debug, Default)]
pub struct Records {
    pub records: Vec<Record>,
    pub bad: Vec<BadRecord>,
    /// Keys seen in records with no text field: said in the warning so the
    /// user knows what to pass to `--field text=KEY`.
    pub keys_without_text: Vec<String>,
}

/// Read JSON Lines: one object per line, blank lines ignored.
pub fn read_json_lines(text: &str, fields: &FieldMap) -> Records {
    let mut out = Records::default();
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Map<String, Value>>(line) {
            Ok(object) => {
                let get = |key: &str, field: Field| {
                    object
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(key))
                        .and_then(|(_, v)| value_text(v, field))
                };
                let record = fill(i + 1, fields, get);
                if record.text.is_none() && !record.text_empty && out.keys_without_text.is_empty() {
                    out.keys_without_text = object.keys().cloned().collect();
                }
                out.records.push(record);
            }
            Err(e) => out.bad.push(BadRecord {
                line: i + 1,
                why: json_problem(&e),
            }),
        }
    }
    out
}

/// Read CSV with a header row naming the fields.
pub fn read_csv(text: &str, fields: &FieldMap) -> Records {
    let mut out = Records::default();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            out.bad.push(BadRecord {
                line: 1,
                why: format!("unreadable header row: {e}"),
            });
            return out;
        }
    };
    let mut rows = reader.records().peekable();
    while let Some(row) = rows.next() {
        match row {
            Ok(row) => {
                let line = row.position().map_or(0, |p| p.line() as usize);
                // A quote opened and never closed runs to the end of the
                // file, every later row read into one field of this one:
                // the last row, with an odd count of quote marks.
                if rows.peek().is_none()
                    && let Some(why) = never_closed(text, &row, line)
                {
                    out.bad.push(BadRecord { line, why });
                    continue;
                }
                // More cells than the header names is nearly always a comma
                // left unquoted inside a field: every cell after it is
                // shifted, so the title, date or outlet would be another
                // field's text. Skipped, not loaded garbled; extra cells
                // that are all blank (a trailing comma) shift nothing.
                if row.len() > header.len()
                    && row.iter().skip(header.len()).any(|c| !c.trim().is_empty())
                {
                    out.bad.push(BadRecord {
                        line,
                        why: format!(
                            "{} fields where the header names {}",
                            row.len(),
                            header.len()
                        ),
                    });
                    continue;
                }
                let get = |key: &str, _: Field| {
                    let col = header
                        .iter()
                        .position(|h| h.trim().eq_ignore_ascii_case(key))?;
                    // A missing cell at the end is an empty one.
                    Some(row.get(col).unwrap_or("").trim().to_string())
                };
                let record = fill(line, fields, get);
                if record.text.is_none() && !record.text_empty && out.keys_without_text.is_empty() {
                    out.keys_without_text = header.clone();
                }
                out.records.push(record);
            }
            Err(e) => out.bad.push(BadRecord {
                line: e.position().map_or(0, |p| p.line() as usize),
                why: format!("malformed CSV row: {}", csv_problem(&e)),
            }),
        }
    }
    out
}

/// Why the last row, starting at `line`, is a quote never closed: it
/// spans lines, with an odd count of quote marks. (A row on one line
/// loses nothing, and an odd mark in a field not quoted, 5" say, is
/// only a mark.)
fn never_closed(text: &str, row: &csv::StringRecord, line: usize) -> Option<String> {
    let start = row.position().map_or(0, |p| p.byte() as usize);
    let rest = text.get(start..).unwrap_or("");
    let last = line + rest.trim_end().matches('\n').count();
    (last > line && rest.matches('"').count() % 2 == 1).then(|| {
        format!("a quote opened here is never closed (lines {line}–{last} would be one field)")
    })
}

/// A record from `get(key, field)`: the key's value, `Some("")` when the
/// key is there with nothing in it.
fn fill(line: usize, fields: &FieldMap, get: impl Fn(&str, Field) -> Option<String>) -> Record {
    let find = |field: Field| {
        fields
            .keys(field)
            .into_iter()
            .find_map(|k| get(k, field).filter(|v| !v.is_empty()))
    };
    let text = find(Field::Text);
    let text_empty = text.is_none()
        && fields
            .keys(Field::Text)
            .into_iter()
            .any(|k| get(k, Field::Text).is_some());
    Record {
        line,
        title: find(Field::Title),
        text,
        text_empty,
        date: find(Field::Date),
        url: find(Field::Url),
        outlet: find(Field::Outlet),
        author: find(Field::Author),
        id: find(Field::Id),
    }
}

/// A field's value as text: strings as they are, numbers written out, a
/// list of strings joined (the text's paragraphs by a blank line, names
/// by commas); `null` is empty text. `None` for what is not text at all.
fn value_text(v: &Value, field: Field) -> Option<String> {
    let text = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            parts.join(if field == Field::Text { "\n\n" } else { ", " })
        }
        // {"name": "Reuters"}: the shape schema.org gives publishers.
        Value::Object(o) => o.get("name").and_then(Value::as_str)?.trim().to_string(),
        Value::Null => String::new(),
        Value::Bool(_) => return None,
    };
    Some(text)
}

fn json_problem(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Data => "not a JSON object".to_string(),
        Category::Eof => "JSON cut short".to_string(),
        _ => format!("malformed JSON at column {}", e.column()),
    }
}

fn csv_problem(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not UTF-8".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_recognise_common_names_and_report_bad_lines() {
        let text = "{\"headline\":\"A\",\"content\":\"Body one.\",\"source\":\"Reuters\",\"published\":\"2025-08-15\"}\n\n{broken\n[1,2]\n{\"title\":\"B\",\"body\":[\"First paragraph of the body here, long enough to count as prose.\",\"Second.\"],\"authors\":[\"X\",\"Y\"]}\n";
        let r = read_json_lines(text, &FieldMap::default());
        assert_eq!(r.records.len(), 2);
        assert_eq!(r.records[0].title.as_deref(), Some("A"));
        assert_eq!(r.records[0].outlet.as_deref(), Some("Reuters"));
        assert_eq!(r.records[0].date.as_deref(), Some("2025-08-15"));
        assert_eq!(r.records[1].line, 5);
        assert!(
            r.records[1]
                .text
                .as_deref()
                .unwrap()
                .contains("\n\nSecond.")
        );
        assert_eq!(r.records[1].author.as_deref(), Some("X, Y"));
        let bad: Vec<usize> = r.bad.iter().map(|b| b.line).collect();
        assert_eq!(bad, [3, 4]);
        assert_eq!(r.bad[1].why, "not a JSON object");
    }

    #[test]
    fn a_quote_never_closed_is_said_not_read_into_one_row() {
        let text =
            "id,title,text\nr1,One,\"Text one.\nr2,Two,Text two.\nr3,Three,\"Text three.\"\n";
        let r = read_csv(text, &FieldMap::default());
        assert!(r.records.is_empty(), "{:?}", r.records);
        assert_eq!(r.bad.len(), 1);
        assert_eq!(r.bad[0].line, 2);
        assert!(
            r.bad[0].why.contains("never closed") && r.bad[0].why.contains("2–4"),
            "{:?}",
            r.bad
        );
        // Quotes that close, a line break inside one included, are rows.
        let fine = "title,text\nA,\"One \"\"quoted\"\" word,\nover two lines.\"\nB,Plain.\n";
        let r = read_csv(fine, &FieldMap::default());
        assert_eq!((r.records.len(), r.bad.len()), (2, 0), "{:?}", r.bad);
        let inch = "title,text\nA,Plain.\nB,A 5\" screen.\n";
        let r = read_csv(inch, &FieldMap::default());
        assert_eq!((r.records.len(), r.bad.len()), (2, 0), "{:?}", r.bad);
    }

    #[test]
    fn csv_rows_and_a_field_override() {
        let text = "Title,maintext,domain\nA,\"Body, with a comma\",bbc.co.uk\nB,\"Two\nlines\",\n";
        let mut fields = FieldMap::default();
        fields.add("text=maintext").unwrap();
        let r = read_csv(text, &fields);
        assert_eq!(r.records.len(), 2);
        assert_eq!(r.records[0].text.as_deref(), Some("Body, with a comma"));
        assert_eq!(r.records[0].outlet.as_deref(), Some("bbc.co.uk"));
        assert_eq!(r.records[1].line, 3);
        assert_eq!(r.records[1].outlet, None);
    }

    #[test]
    fn keys_are_listed_when_no_text_field_is_found() {
        let r = read_json_lines("{\"headline\":\"A\",\"story\":\"B\"}", &FieldMap::default());
        assert_eq!(r.records[0].text, None);
        assert_eq!(r.keys_without_text, ["headline", "story"]);
    }

    #[test]
    fn a_csv_row_with_more_cells_than_the_header_is_skipped_by_its_line() {
        let text = "title,date,text\nGood,2025-05-02,Body one.\nShifted, by a comma,2025-05-03,Body two.\nTrailing,2025-05-04,Body three.,,\n";
        let r = read_csv(text, &FieldMap::default());
        let titles: Vec<_> = r.records.iter().map(|r| r.title.as_deref()).collect();
        assert_eq!(titles, [Some("Good"), Some("Trailing")]);
        assert_eq!(
            r.bad,
            [BadRecord {
                line: 3,
                why: "4 fields where the header names 3".into()
            }]
        );
    }

    #[test]
    fn a_text_field_there_but_empty_is_empty_text_not_a_missing_key() {
        let json = "{\"title\":\"A\",\"text\":\"\"}\n{\"title\":\"B\",\"body\":null}\n";
        let r = read_json_lines(json, &FieldMap::default());
        assert!(r.records.iter().all(|r| r.text.is_none() && r.text_empty));
        assert!(r.keys_without_text.is_empty());
        let r = read_csv("title,text\nA,\nB\n", &FieldMap::default());
        assert!(r.records.iter().all(|r| r.text.is_none() && r.text_empty));
        assert!(r.keys_without_text.is_empty());
        let r = read_csv("title,story\nA,Body.\n", &FieldMap::default());
        assert!(!r.records[0].text_empty);
        assert_eq!(r.keys_without_text, ["title", "story"]);
    }
}
