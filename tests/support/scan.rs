//! Parse a terminal byte stream with `vte` and report everything that did
//! not come from the renderer itself: any OSC, DCS, SOS, PM or APC string,
//! any non-CSI escape, any CSI outside the renderer's own vocabulary, any
//! C0/C1 control other than CR/LF/BS, and any printed character that the
//! sanitiser should have replaced (bidi controls, zero-width, tags).
#![allow(dead_code)]

use vte::{Params, Parser, Perform};

#[derive(Debug, Default)]
pub struct Scan {
    /// Every CSI seen, rendered as text (e.g. `CSI ?2026h`).
    pub csi: Vec<String>,
    /// What must not be there, with a short description of each.
    pub violations: Vec<String>,
    /// Bytes that belonged to a forbidden sequence or character.
    pub leaked_bytes: usize,
    /// Characters printed (for sanity checks that something was drawn).
    pub printed: usize,
}

/// CSI sequences the renderer emits (crossterm/ratatui and the frame
/// writer): cursor position, SGR, erase, scroll region and scrolling, and
/// the private modes for the alternate screen, cursor visibility,
/// synchronized update, bracketed paste and mouse reporting (turned off on
/// restore).
fn allowed_csi(private: bool, params: &[Vec<u16>], action: char) -> bool {
    let first = params.first().and_then(|p| p.first()).copied();
    if private {
        return matches!(action, 'h' | 'l')
            && matches!(
                first,
                Some(25 | 1049 | 2026 | 2004 | 1000 | 1002 | 1003 | 1006 | 1015)
            );
    }
    match action {
        // Cursor: position, move, column.
        'H' | 'f' | 'A' | 'B' | 'C' | 'D' | 'G' | 'd' => true,
        // SGR (colours and attributes, colon sub-parameters included).
        'm' => true,
        // Erase in display/line; scroll region; scroll up/down.
        'J' | 'K' | 'r' | 'S' | 'T' => true,
        _ => false,
    }
}

/// Characters that must never be printed: the sanitiser turns them into
/// placeholders. Every invisible character by Unicode property
/// (Default_Ignorable_Code_Point or Cf: bidi, zero-width, tags, soft
/// hyphen, variation selectors…), except the joiner and presentation
/// selectors that stay inside emoji sequences.
pub fn must_not_print(c: char) -> bool {
    parallax::corpus::sanitize::is_invisible(c)
        && !matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}')
}

struct Collector<'a> {
    scan: &'a mut Scan,
}

impl Perform for Collector<'_> {
    fn print(&mut self, c: char) {
        self.scan.printed += 1;
        if must_not_print(c) {
            self.scan.leaked_bytes += c.len_utf8();
            self.scan
                .violations
                .push(format!("printed hidden character U+{:04X}", c as u32));
        }
    }

    fn execute(&mut self, byte: u8) {
        // CR/LF from warnings printed before the reader starts; BS is
        // harmless. Everything else (BEL, SO/SI, C1...) is not ours.
        if !matches!(byte, b'\r' | b'\n' | 0x08) {
            self.scan.leaked_bytes += 1;
            self.scan
                .violations
                .push(format!("control 0x{byte:02X} executed"));
        }
    }

    fn hook(&mut self, _params: &Params, intermediates: &[u8], _ignore: bool, action: char) {
        self.scan.leaked_bytes += 2 + intermediates.len();
        self.scan
            .violations
            .push(format!("DCS {intermediates:?} {action}"));
    }

    fn put(&mut self, _byte: u8) {
        self.scan.leaked_bytes += 1;
    }

    fn osc_dispatch(&mut self, params: &[&[u8]], _bell_terminated: bool) {
        let body: Vec<String> = params
            .iter()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect();
        self.scan.leaked_bytes += 3 + body.iter().map(|p| p.len() + 1).sum::<usize>();
        self.scan.violations.push(format!("OSC {}", body.join(";")));
    }

    fn csi_dispatch(&mut self, params: &Params, intermediates: &[u8], ignore: bool, action: char) {
        let params: Vec<Vec<u16>> = params.iter().map(|p| p.to_vec()).collect();
        let private = intermediates == b"?";
        let text = format!(
            "CSI {}{}{}",
            String::from_utf8_lossy(intermediates),
            params
                .iter()
                .map(|p| p.iter().map(u16::to_string).collect::<Vec<_>>().join(":"))
                .collect::<Vec<_>>()
                .join(";"),
            action
        );
        let ok = !ignore && (intermediates.is_empty() || private);
        if !(ok && allowed_csi(private, &params, action)) {
            self.scan.leaked_bytes += text.len();
            self.scan.violations.push(format!("unexpected {text}"));
        }
        self.scan.csi.push(text);
    }

    fn esc_dispatch(&mut self, intermediates: &[u8], _ignore: bool, byte: u8) {
        self.scan.leaked_bytes += 2 + intermediates.len();
        self.scan.violations.push(format!(
            "ESC {} {}",
            String::from_utf8_lossy(intermediates),
            byte as char
        ));
    }
}

/// Scan a whole stream.
pub fn scan(bytes: &[u8]) -> Scan {
    let mut scan = Scan::default();
    sos_pm_apc(bytes, &mut scan);
    let mut parser = Parser::new();
    parser.advance(&mut Collector { scan: &mut scan }, bytes);
    scan
}

/// vte swallows SOS, PM and APC strings without a callback, so look for
/// their 7-bit introducers (ESC X, ESC ^, ESC _) directly. (The 8-bit forms
/// reach `execute` as C1 controls.)
fn sos_pm_apc(bytes: &[u8], scan: &mut Scan) {
    for w in bytes.windows(2) {
        if w[0] == 0x1B && matches!(w[1], b'X' | b'^' | b'_') {
            scan.leaked_bytes += 2;
            scan.violations
                .push(format!("SOS/PM/APC introducer ESC {}", w[1] as char));
        }
    }
}

/// Headless output may hold SGR colour codes and nothing else: no other
/// escape, no C0 control but tab/CR/LF, no C1 control (8-bit or UTF-8
/// encoded), no character the sanitiser should have replaced.
pub fn check_plain_output(bytes: &[u8]) -> Vec<String> {
    let mut scan = Scan::default();
    sos_pm_apc(bytes, &mut scan);
    let mut parser = Parser::new();
    parser.advance(&mut PlainCollector { scan: &mut scan }, bytes);
    scan.violations
}

struct PlainCollector<'a> {
    scan: &'a mut Scan,
}

impl Perform for PlainCollector<'_> {
    fn print(&mut self, c: char) {
        if must_not_print(c) {
            self.scan
                .violations
                .push(format!("printed hidden character U+{:04X}", c as u32));
        }
    }
    fn execute(&mut self, byte: u8) {
        if !matches!(byte, b'\r' | b'\n' | b'\t') {
            self.scan.violations.push(format!("control 0x{byte:02X}"));
        }
    }
    fn hook(&mut self, _p: &Params, _i: &[u8], _ignore: bool, action: char) {
        self.scan.violations.push(format!("DCS {action}"));
    }
    fn osc_dispatch(&mut self, params: &[&[u8]], _bell: bool) {
        self.scan
            .violations
            .push(format!("OSC with {} params", params.len()));
    }
    fn csi_dispatch(&mut self, _p: &Params, intermediates: &[u8], _ignore: bool, action: char) {
        if action != 'm' || !intermediates.is_empty() {
            self.scan.violations.push(format!(
                "CSI {} {action}",
                String::from_utf8_lossy(intermediates)
            ));
        }
    }
    fn esc_dispatch(&mut self, intermediates: &[u8], _ignore: bool, byte: u8) {
        self.scan.violations.push(format!(
            "ESC {} {}",
            String::from_utf8_lossy(intermediates),
            byte as char
        ));
    }
}
