#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The one integration test binary: every test talks HTTP to a real server on port 0 with its
//! own database. Modules mirror the URL tree.

mod abuse;
mod alerts;
mod api;
mod attacks;
mod change_back;
mod cli;
mod content;
mod db_outage;
mod flows;
mod fuzz_forms;
mod helpers;
mod instances;
mod language;
mod layers;
mod light;
mod open311;
mod ops;
mod privacy;
mod public;
mod report_routes;
mod report_stalking;
mod shared_device;
mod staff;
mod staff_pages;
mod storage;
mod text;
mod throwaway_pg;
mod tiles;
mod unsafe_place;
