//! CSV for spreadsheets. Every CSV export writes through [`CsvExport`], so no cell leaves the
//! service that a spreadsheet would run as a formula (CSV injection, OWASP).
//!
//! The OWASP rule: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a single quote in front, which spreadsheets show as text. Numbers are written
//! as numbers: a [`Cell`] holding one can only be made from an `i64` or `f64` we computed, so
//! a negative longitude stays a number and nothing typed by anyone can pass as one.

use std::borrow::Cow;

/// Characters that make a spreadsheet read the rest of a cell as a formula (tab and carriage
/// return because some spreadsheets skip them before looking).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a spreadsheet must receive it: with a leading `'` when it could start a formula.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// One cell: text (neutralised when written) or a number we formatted ourselves.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell<'a>(Kind<'a>);

#[derive(Debug, Clone, PartialEq)]
enum Kind<'a> {
    Text(Cow<'a, str>),
    Number(String),
}

impl<'a> Cell<'a> {
    /// Text from anywhere (ids, names, labels, anything a person typed).
    pub fn text(text: impl Into<Cow<'a, str>>) -> Self {
        Self(Kind::Text(text.into()))
    }

    /// A whole number.
    pub fn int(n: i64) -> Self {
        Self(Kind::Number(n.to_string()))
    }

    /// A number with `places` decimal places.
    pub fn decimal(x: f64, places: usize) -> Self {
        Self(Kind::Number(format!("{x:.places$}")))
    }

    /// A number as Rust writes it shortest.
    pub fn float(x: f64) -> Self {
        Self(Kind::Number(x.to_string()))
    }

    fn written(&self) -> Cow<'_, str> {
        match &self.0 {
            Kind::Text(t) => neutralise(t),
            Kind::Number(n) => Cow::Borrowed(n),
        }
    }
}

/// A CSV document being written (RFC 4180 quoting by the `csv` crate).
#[derive(Debug)]
pub struct CsvExport {
    out: csv::Writer<Vec<u8>>,
}

impl Default for CsvExport {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvExport {
    /// An empty document.
    pub fn new() -> Self {
        Self {
            out: csv::Writer::from_writer(Vec::new()),
        }
    }

    /// The header row (column names are text like any other).
    pub fn header(&mut self, names: &[&str]) -> Result<(), csv::Error> {
        self.out
            .write_record(names.iter().map(|n| neutralise(n).into_owned()))
    }

    /// One row.
    pub fn row(&mut self, cells: &[Cell<'_>]) -> Result<(), csv::Error> {
        self.out
            .write_record(cells.iter().map(|c| c.written().into_owned()))?;
        Ok(())
    }

    /// The document's bytes.
    pub fn finish(self) -> Result<Vec<u8>, csv::Error> {
        self.out
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_could_start_a_formula_is_quoted_and_numbers_are_not() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for fine in ["", "lighting", "1", "a=b", " =1", "'quoted"] {
            assert_eq!(neutralise(fine), fine);
        }
        let mut csv = CsvExport::new();
        csv.header(&["a", "b", "c"]).ok();
        csv.row(&[
            Cell::text("=HYPERLINK(\"x\")"),
            Cell::decimal(-1.5, 2),
            Cell::int(-3),
        ])
        .ok();
        let text = String::from_utf8(csv.finish().unwrap_or_default()).unwrap_or_default();
        assert_eq!(text, "a,b,c\n\"'=HYPERLINK(\"\"x\"\")\",-1.50,-3\n");
    }
}
