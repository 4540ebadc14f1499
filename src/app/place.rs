//! Use case: submit a place report.
