//! The built-in corpus, embedded so that `parallax` alone always has
//! something to show: five articles on the August 2025 US-Russia summit in
//! Alaska.

pub const ARTICLES: &[(&str, &[u8])] = &[
    (
        "000_0c1c0fc00e1e457c.txt",
        include_bytes!("../../assets/corpus/000_0c1c0fc00e1e457c.txt"),
    ),
    (
        "001_dcc2ccb4b0210a62.txt",
        include_bytes!("../../assets/corpus/001_dcc2ccb4b0210a62.txt"),
    ),
    (
        "002_52513487e27c15c6.txt",
        include_bytes!("../../assets/corpus/002_52513487e27c15c6.txt"),
    ),
    (
        "003_ebdb31b51c4cf8cb.txt",
        include_bytes!("../../assets/corpus/003_ebdb31b51c4cf8cb.txt"),
    ),
    (
        "004_969b98fef6f6e7ab.txt",
        include_bytes!("../../assets/corpus/004_969b98fef6f6e7ab.txt"),
    ),
];
