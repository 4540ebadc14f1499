//! saferstreets: a police force's online service for reporting stalking and harassment and
//! telling the police about places where people feel unsafe, with the staff back office behind it.

/// A fail point for the fault-injection tests (`tests/faults`, built with `--features
/// failpoints`); it compiles to nothing otherwise. The arguments are those of
/// `fail::fail_point!`.
#[macro_export]
macro_rules! fail_point {
    ($($args:tt)*) => {
        #[cfg(feature = "failpoints")]
        fail::fail_point!($($args)*);
    };
}

pub mod alerts;
pub mod app;
pub mod audit;
pub mod charts;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod demo;
pub mod demo_cases;
pub mod domain;
pub mod files;
pub mod geo;
pub mod geography;
pub mod http;
pub mod i18n;
pub mod metrics;
pub mod random;
pub mod reseal;
pub mod retention;
pub mod startup;
pub mod storage;
pub mod telemetry;
pub mod tiles;
