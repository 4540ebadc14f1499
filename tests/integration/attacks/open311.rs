//! Attacks: open311 (issue 12). Tests are added with the fix.
