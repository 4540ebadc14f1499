//! Attacks: exports (issue 12). Tests are added with the fix.
