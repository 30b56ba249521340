//! A corpus built to attack the terminal: article text and file names full
//! of escape sequences of every kind (7-bit and 8-bit), controls, bidi
//! overrides, zero-width and tag characters, in UTF-8, Windows-1252,
//! UTF-16 and Markdown (where character references decode after parsing).
//! Each file carries a marker (`h01`…) in its name so its article can be
//! found again, and the number of characters the sanitiser must hide.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// One hostile article: a marker in its id, the file name (raw bytes), its
/// content (raw bytes), and how many characters must be hidden.
pub struct Hostile {
    pub marker: &'static str,
    pub name: Vec<u8>,
    pub bytes: Vec<u8>,
    pub hidden: usize,
}

/// Text pieces with the number of characters in each that must be hidden.
/// Counted by hand: each ESC, C0/C1 control, DEL, bidi, zero-width or tag
/// character is one.
pub const PIECES: &[(&str, usize)] = &[
    (
        "SGR colour \x1b[31mred\x1b[0m and clear \x1b[2J\x1b[H home.",
        4,
    ),
    (
        "Clipboard OSC 52 \x1b]52;c;SGVsbG8gd29ybGQ=\x07 written.",
        2,
    ),
    (
        "Hyperlink OSC 8 \x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ here.",
        4,
    ),
    (
        "Title OSC 0 \x1b]0;pwned\x1b\\ and OSC 7 \x1b]7;file:///etc\x07.",
        4,
    ),
    (
        "Device control DCS \x1bP1$qm\x1b\\ and sixel \x1bPq#0;2;0;0;0\x1b\\.",
        4,
    ),
    (
        "Application command APC \x1b_Gf=100,a=T;AAAA\x1b\\ kitty.",
        2,
    ),
    (
        "Privacy message PM \x1b^secret\x1b\\ and SOS \x1bXstring\x1b\\.",
        4,
    ),
    (
        "Keypad and charset \x1b=\x1b(0lqk\x1b(B and reset \x1bc done.",
        4,
    ),
    (
        "Eight-bit CSI \u{9b}2J\u{9b}31m and OSC \u{9d}52;c;SGVsbG8=\u{9c}.",
        4,
    ),
    (
        "Eight-bit DCS \u{90}q\u{9c} SOS \u{98}x\u{9c} PM \u{9e}x\u{9c} APC \u{9f}x\u{9c} NEL\u{85}.",
        9,
    ),
    (
        "C0 bell\x07 backspace\x08 vt\x0b ff\x0c so\x0e si\x0f sub\x1a del\x7f end.",
        8,
    ),
    (
        "Bidi \u{202a}a\u{202b}b\u{202c}c\u{202d}d\u{202e}e \u{2066}f\u{2067}g\u{2068}h\u{2069} \u{200e}\u{200f}\u{61c} marks.",
        12,
    ),
    (
        "Zero width a\u{200b}b\u{200c}c\u{200d}d\u{2060}e\u{feff}f\u{2061}g end.",
        6,
    ),
    (
        "Tag characters \u{e0001}\u{e0065}\u{e0076}\u{e0069}\u{e006c}\u{e007f} hidden.",
        6,
    ),
    ("Tab\tseparated\tcolumns\tkeep\talignment.", 0),
    (
        "Wide 漢字のテスト, emoji 👩\u{200d}💻 🎉 🇺🇦 and combining e\u{301}\u{302} stay.",
        0,
    ),
];

/// Combining marks after one base letter: a grapheme far over the cap.
pub const ZALGO_MARKS: usize = 3000;
/// Characters kept per grapheme (see `sanitize::MAX_GRAPHEME_CHARS`).
pub const GRAPHEME_CAP: usize = 16;

fn zalgo() -> (String, usize) {
    let s: String = std::iter::once('Z')
        .chain(std::iter::repeat_n('\u{336}', ZALGO_MARKS))
        .collect();
    (
        format!("Combining flood {s} ends."),
        ZALGO_MARKS + 1 - GRAPHEME_CAP,
    )
}

fn pieces_text() -> (String, usize) {
    let (z, zh) = zalgo();
    let text = PIECES
        .iter()
        .map(|(t, _)| *t)
        .chain([z.as_str()])
        .collect::<Vec<_>>()
        .join("\n\n");
    (text, PIECES.iter().map(|(_, n)| n).sum::<usize>() + zh)
}

/// Every hostile file of the corpus.
pub fn articles() -> Vec<Hostile> {
    let mut out = Vec::new();
    let (body, body_hidden) = pieces_text();

    // UTF-8, hostile title and every piece; the name carries OSC 0 + BEL.
    let title = "h01 Hostile \x1b]0;pwned\x07 title \u{202e}gnp.exe";
    out.push(Hostile {
        marker: "h01",
        name: b"h01-\x1b]0;pwned\x07-osc.txt".to_vec(),
        bytes: format!("{title}\n\n{body}\n").into_bytes(),
        hidden: body_hidden + 3,
    });

    // The same as Markdown, with CRLF line ends; the name has a CSI.
    out.push(Hostile {
        marker: "h02",
        name: b"h02-\x1b[2J\x1b[31m-csi.md".to_vec(),
        bytes: format!("# h02 Markdown \x1b[5mblink\x1b[0m\n\n{body}\n")
            .replace('\n', "\r\n")
            .into_bytes(),
        hidden: body_hidden + 2,
    });

    // Markdown character references decode to controls after parsing:
    // each must be hidden as well (11 here), plus raw ones in the front
    // matter (2) and in a list item, table cell, alt text and code span (4).
    let md = "---\ntitle: h03 front \x1b]0;t\x07 matter\n---\n\
        # h03 References &#27;[31m heading\n\n\
        Decimal &#27;[2J and hex &#x1b;]52;c;SGVsbG8=&#7; and C1 &#x9b;31m &#155;2J.\n\n\
        Named &ZeroWidthSpace; and &lrm;&rlm; and bidi &#x202E;txt.exe and tag &#xE0041;.\n\n\
        - list item \x1b[1m bold\n\n\
        | cell \x1b[7m | other |\n|---|---|\n| a | b |\n\n\
        ![alt \x1b[1m text](img.png)\n\n\
        Code `span \x1b[4m here` ends.\n";
    out.push(Hostile {
        marker: "h03",
        name: "h03-bidi-\u{202e}dm.txt.md".as_bytes().to_vec(),
        bytes: md.as_bytes().to_vec(),
        hidden: 11 + 2 + 4,
    });

    // Windows-1252 bytes (smart quotes force the fallback): ESC stays a
    // control; 0x81, 0x8D, 0x8F, 0x90, 0x9D decode to C1 controls; 0x9B
    // is "›" there and is kept.
    let mut cp = b"\x93h04 Windows-1252\x94 title \x1b[31m\n\n".to_vec();
    cp.extend_from_slice(b"Caf\xe9 \x1b]52;c;SGVsbG8=\x07 clipboard and \x9b31m guillemet.\n\n");
    cp.extend_from_slice(b"Undefined bytes \x81 \x8d \x8f \x90q\x9c and \x9d0;x\x07 end.\n\n");
    cp.extend_from_slice(b"DEL \x7f and APC \x1b_x\x1b\\ done.\n");
    out.push(Hostile {
        marker: "h04",
        name: b"h04-\x9b31m-\x90-\x1b]8;;x\x07-cp1252.txt".to_vec(),
        bytes: cp,
        // Per line: 1 + 2 + (4 C1 + 0x9D + BEL) + (DEL + 2 ESC).
        hidden: 1 + 2 + 6 + 3,
    });

    // UTF-16 LE with BOM.
    let u16_text = format!("h05 UTF-16 \x1b]52;c;eA==\x07 title\n\n{body}\n");
    let mut u16 = vec![0xFF, 0xFE];
    u16.extend(u16_text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    out.push(Hostile {
        marker: "h05",
        name: "h05-zero\u{200b}width-\u{feff}.txt".as_bytes().to_vec(),
        bytes: u16,
        hidden: body_hidden + 2,
    });

    // A NUL after the first 8 KiB: not judged binary, so it must show.
    let filler = "This sentence pads the article past the binary check. ".repeat(160);
    out.push(Hostile {
        marker: "h06",
        name: b"h06-new\nline\ttab\x7f.txt".to_vec(),
        bytes: format!("h06 Late NUL\n\n{filler}\n\nAfter \0 the NUL.\n").into_bytes(),
        hidden: 1,
    });

    // Tag characters and a bidi isolate in the name; a title that is
    // nothing but escapes.
    out.push(Hostile {
        marker: "h07",
        name: "h07-\u{e0041}\u{2067}tags.txt".as_bytes().to_vec(),
        bytes: b"\x1b[2J\x1b[H\x1b]0;x\x07\n\nh07 the rest is plain prose.\n".to_vec(),
        hidden: 4,
    });
    out
}

/// Files that are skipped with a warning, named to attack stderr.
pub fn skipped() -> Vec<(Vec<u8>, Vec<u8>)> {
    vec![
        (b"s01-\x1b]52;c;SGVsbG8=\x07-empty.txt".to_vec(), Vec::new()),
        (
            b"s02-\x9b2J-\x1b[31m-binary.txt".to_vec(),
            b"ab\0cd".to_vec(),
        ),
    ]
}

/// Write the corpus into `dir`.
pub fn write(dir: &Path) {
    for h in articles() {
        std::fs::write(dir.join(OsStr::from_bytes(&h.name)), &h.bytes).unwrap();
    }
    for (name, bytes) in skipped() {
        std::fs::write(dir.join(OsStr::from_bytes(&name)), bytes).unwrap();
    }
}
