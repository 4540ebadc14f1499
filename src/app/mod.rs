//! Use cases: what the service does, in domain terms, called by the web handlers, the command
//! line and the demo code alike. They may use `domain`, `geo`, `storage`, `crypto` and `audit`,
//! never `http`. (Issue 16 moves the rest of the use cases here step by step.)

pub mod audit;
pub mod hotspots;
pub mod place;
pub mod retention;
pub mod staff;
pub mod stalking;
