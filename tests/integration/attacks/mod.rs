//! Regression tests for the findings of the security and privacy review (issue 12): each test
//! replays an attack that worked before the fix. One module per area.

mod aggregates;
mod at_rest;
mod consent;
mod exports;
mod files;
mod open311;
mod sessions;
mod sign_in;
