//! The chrome and metadata line shapes on examples.

use super::*;

#[test]
fn metadata_shapes() {
    assert_eq!(date_text("- Sep 5").as_deref(), Some("Sep 5"));
    assert_eq!(
        date_text("Updated: August 24, 2025").as_deref(),
        Some("August 24, 2025")
    );
    assert_eq!(date_text("2025-08-24").as_deref(), Some("2025-08-24"));
    assert_eq!(date_text("May the talks succeed"), None);
    assert_eq!(
        byline("By MoneyOval Bureau").as_deref(),
        Some("MoneyOval Bureau")
    );
    assert_eq!(byline("By contrast, the talks failed."), None);
}

#[test]
fn chrome_shapes() {
    assert!(chrome_reason("Loading...").is_some());
    assert!(chrome_reason("Rated 0 out of 5 stars.").is_some());
    assert!(chrome_reason("ALSO READ | Something else").is_some());
    assert!(chrome_reason("(0)").is_some());
    assert!(chrome_reason("© 2025 MoneyOval.").is_some());
    assert!(chrome_reason("Key Takeaways").is_none());
    assert_eq!(
        copyright_holder("© 2025 MoneyOval.").as_deref(),
        Some("MoneyOval")
    );
    assert_eq!(
        copyright_holder("Copyright 2024 The Daily Planet. All rights reserved.").as_deref(),
        Some("The Daily Planet")
    );
}
