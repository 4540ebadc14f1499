//! Attacks: at_rest (issue 12). Tests are added with the fix.
