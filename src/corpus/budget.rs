//! How much a load may read, and saying so before reading: a corpus is
//! listed first (files and the bytes that will be read), announced when
//! large, and refused over the limit before any file is opened.

/// Text read in all by default (what files hold, each capped at
/// `MAX_FILE_BYTES`, added up before anything is read): about 1 GiB of
/// memory once taken apart. `--max-bytes` changes it.
pub const DEFAULT_MAX_BYTES: u64 = 512 * 1024 * 1024;
/// From this much text on, the loader says what it is about to read.
pub const NOTICE_BYTES: u64 = 64 * 1024 * 1024;

/// What a load is about to read, known after listing and before reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listing {
    pub files: usize,
    /// Bytes that will be read (each file capped at `MAX_FILE_BYTES`).
    pub bytes: u64,
}

impl std::fmt::Display for Listing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} in {} file{}",
            human_bytes(self.bytes),
            self.files,
            if self.files == 1 { "" } else { "s" }
        )
    }
}

/// "812 MiB", "1.5 GiB", "12 KiB", "300 bytes".
pub fn human_bytes(n: u64) -> String {
    const UNITS: [(&str, u64); 4] = [
        ("TiB", 1 << 40),
        ("GiB", 1 << 30),
        ("MiB", 1 << 20),
        ("KiB", 1 << 10),
    ];
    for (unit, size) in UNITS {
        if n >= size {
            let v = n as f64 / size as f64;
            return if v < 10.0 && !n.is_multiple_of(size) {
                format!("{v:.1} {unit}")
            } else {
                format!("{:.0} {unit}", v.floor())
            };
        }
    }
    format!("{n} bytes")
}

/// How much a load may read, and who hears what it is about to read.
pub struct LoadOptions<'a> {
    /// `None`: no limit.
    pub max_bytes: Option<u64>,
    /// How inputs are read (`--field`, `--outlet-from`).
    pub input: &'a super::input::InputOptions,
    /// Called once, after listing and before reading.
    pub on_listing: &'a mut dyn FnMut(Listing),
    /// `progress(files_read, files_total)`.
    pub progress: &'a mut dyn FnMut(usize, usize),
    /// `fetching(links_fetched, links_total, link)`, as each link fetched
    /// over the network comes in (links found in the cache are not
    /// counted).
    pub fetching: &'a mut dyn FnMut(usize, usize, &str),
}

impl LoadOptions<'_> {
    /// `load` given options that set no limit, read inputs the default way
    /// and hear nothing (for tests and benchmarks of loading).
    pub fn silent<R>(load: impl FnOnce(LoadOptions) -> R) -> R {
        let input = super::input::InputOptions::default();
        load(LoadOptions {
            max_bytes: None,
            input: &input,
            on_listing: &mut |_| {},
            progress: &mut |_, _| {},
            fetching: &mut |_, _, _| {},
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_bytes(300), "300 bytes");
        assert_eq!(human_bytes(1024), "1 KiB");
        assert_eq!(human_bytes(544 << 20), "544 MiB");
        assert_eq!(human_bytes(3 << 29), "1.5 GiB");
    }
}
