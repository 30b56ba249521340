//! [`CleanOut`]: the only way command output reaches stdout or a report
//! file. It writes [`Clean`] text and JSON, and nothing else, so every
//! string printed has passed the sanitiser (or is one of parallax's own
//! constants, such as colour codes).
//!
//! JSON goes through a formatter that sanitises every string as it is
//! written, whatever the value's type: C1 controls, bidi and zero-width
//! characters become placeholders, and C0 controls are written as their
//! control pictures instead of `\u001b`-style escapes, so a consumer that
//! decodes the JSON and prints a string (`jq -r`) gets no escape either
//! (a tab becomes spaces, as the sanitiser makes it).
//!
//! A module of its own, beside `corpus` rather than inside `cli`: the
//! commands print through it and the reports (`report/`, which the reader
//! writes too) render into it, and it needs nothing but the sanitiser. The
//! `outln!` and `out!` macros write into any `CleanOut`.

use crate::corpus::sanitize::{Clean, sanitize};
use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};
use std::io::{self, Write};

/// Bytes of JSON gathered before each write to the output.
const JSON_CHUNK: usize = 64 * 1024;

/// Command output: clean text and clean JSON only.
pub struct CleanOut<'a> {
    inner: &'a mut dyn Write,
}

impl<'a> CleanOut<'a> {
    pub fn new(inner: &'a mut dyn Write) -> CleanOut<'a> {
        CleanOut { inner }
    }

    /// `text` and a newline.
    pub fn line(&mut self, text: &Clean) -> io::Result<()> {
        self.inner.write_all(text.as_bytes())?;
        self.inner.write_all(b"\n")
    }

    /// `text` as it is.
    pub fn put(&mut self, text: &Clean) -> io::Result<()> {
        self.inner.write_all(text.as_bytes())
    }

    /// An empty line.
    pub fn blank(&mut self) -> io::Result<()> {
        self.inner.write_all(b"\n")
    }

    /// `value` as pretty JSON and a newline, every string sanitised.
    /// Serialised whole first, so a closed pipe surfaces as a plain io
    /// error (the caller's normal end of output).
    pub fn json(&mut self, value: &impl Serialize) -> anyhow::Result<()> {
        let mut buf = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(
            &mut buf,
            CleanJson(PrettyFormatter::with_indent(b"  ")),
        );
        value.serialize(&mut ser)?;
        buf.push(b'\n');
        self.inner.write_all(&buf)?;
        Ok(())
    }

    /// Items as one pretty JSON array, streamed (a large result is not
    /// held twice in memory), every string sanitised.
    pub fn json_seq<I>(&mut self, items: I) -> anyhow::Result<()>
    where
        I: IntoIterator,
        I::Item: Serialize,
    {
        let mut ser = serde_json::Serializer::with_formatter(
            &mut *self.inner,
            CleanJson(PrettyFormatter::with_indent(b"  ")),
        );
        serde::Serializer::collect_seq(&mut ser, items)?;
        self.inner.write_all(b"\n")?;
        Ok(())
    }

    /// `value` as compact JSON and a newline, written as it is serialised
    /// (a large index is never held as text), every string sanitised.
    pub fn json_compact(&mut self, value: &impl Serialize) -> anyhow::Result<()> {
        // A buffer of a type the serialiser knows: its many small writes
        // (a quote, a key, a comma) are then inlined copies, not calls
        // through `dyn Write` — most of the instructions of a large index's
        // JSON before (BENCHMARKS.md).
        let mut chunks = io::BufWriter::with_capacity(JSON_CHUNK, &mut *self.inner);
        let mut ser =
            serde_json::Serializer::with_formatter(&mut chunks, CleanJson(CompactFormatter));
        value.serialize(&mut ser)?;
        chunks.write_all(b"\n")?;
        chunks.flush()?;
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A JSON formatter that sanitises string contents and otherwise formats
/// as the one it wraps.
struct CleanJson<F>(F);

/// A control character as its control picture (`␛` for ESC), as the
/// sanitiser shows it.
fn picture(byte: u8) -> char {
    char::from_u32(0x2400 + u32::from(byte)).unwrap_or('\u{FFFD}')
}

impl<F: Formatter> Formatter for CleanJson<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Printable ASCII is what sanitising leaves as it is: the common
        // case (ids, most labels) skips it.
        if fragment.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            return w.write_all(fragment.as_bytes());
        }
        // Fragments hold no character JSON must escape; a newline after
        // sanitising came from U+2028/2029 and is written escaped.
        let clean = sanitize(fragment).text;
        let mut parts = clean.split('\n');
        if let Some(first) = parts.next() {
            w.write_all(first.as_bytes())?;
        }
        for part in parts {
            w.write_all(b"\\n")?;
            w.write_all(part.as_bytes())?;
        }
        Ok(())
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        let shown = match escape {
            // As the sanitiser does with a tab in text: spaces.
            CharEscape::Tab => return w.write_all(b"    "),
            CharEscape::Backspace => picture(0x08),
            CharEscape::FormFeed => picture(0x0C),
            CharEscape::CarriageReturn => picture(0x0D),
            CharEscape::AsciiControl(b) => picture(b),
            // Quote, backslash, slash, newline: the usual escapes.
            other => return CompactFormatter.write_char_escape(w, other),
        };
        let mut buf = [0u8; 4];
        w.write_all(shown.encode_utf8(&mut buf).as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// `out.line(&clean!(...))` for lines without colour.
#[macro_export]
macro_rules! outln {
    ($out:expr) => {
        $out.blank()
    };
    ($out:expr, $($arg:tt)*) => {
        $out.line(&$crate::clean_text!($($arg)*))
    };
}

/// `out.put(&clean!(...))`: text without a newline, newlines inside kept.
#[macro_export]
macro_rules! out {
    ($out:expr, $($arg:tt)*) => {
        $out.put(&$crate::clean_text!($($arg)*))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_carry_no_escape_either_raw_or_encoded() {
        let mut buf = Vec::new();
        let hostile = "a\x1b[6n\u{9B}2J\u{202E}\u{200B}\u{2028}b\x1bP+q\x1b\\\r\x08\x7f\"q\"";
        CleanOut::new(&mut buf)
            .json(&serde_json::json!({ "note": hostile, hostile: [1, 2] }))
            .unwrap();
        let text = String::from_utf8(buf).unwrap();
        let back: serde_json::Value = serde_json::from_str(&text).expect("still JSON");
        let obj = back.as_object().unwrap();
        let strings = obj
            .keys()
            .map(String::as_str)
            .chain([back["note"].as_str().unwrap()]);
        for s in strings {
            assert!(
                !s.chars()
                    .any(|c| (c.is_control() && c != '\n')
                        || crate::corpus::sanitize::is_invisible(c)),
                "{s:?}"
            );
        }
        assert!(!text.contains("\\u00"), "{text}");
        assert!(back["note"].as_str().unwrap().ends_with("\"q\""));
    }
}
