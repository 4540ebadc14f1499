//! Attacks: sign_in (issue 12). Tests are added with the fix.
