//! The key names merge by, a leaf every name file reads.

/// The merge key of a name: lower case, dots and apostrophes dropped, other
/// separators one space ("U.S." = "US", "Elmendorf-Richardson" =
/// "Elmendorf Richardson").
pub fn name_key(surface: &str) -> String {
    let mut key = String::with_capacity(surface.len());
    let mut space = false;
    for c in surface.chars() {
        if c.is_alphanumeric() {
            if space && !key.is_empty() {
                key.push(' ');
            }
            space = false;
            key.extend(c.to_lowercase());
        } else if !matches!(c, '.' | '\'' | '’') {
            space = true;
        }
    }
    key
}
