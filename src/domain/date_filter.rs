//! A date typed into a staff filter with the GOV.UK date input (day, month and year boxes),
//! checked the GOV.UK way: a message names the part that is missing or wrong, and a date
//! range must not end before it starts. Filters are optional, so three empty boxes are no
//! date at all, never an error.

use jiff::civil::Date;

use super::{FieldError, FormErrors};

/// Which end of a date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The first day.
    From,
    /// The last day.
    To,
}

impl End {
    /// The field names of the day, month and year boxes (also their ids).
    pub const fn fields(self) -> [&'static str; 3] {
        match self {
            Self::From => ["from-day", "from-month", "from-year"],
            Self::To => ["to-day", "to-month", "to-year"],
        }
    }

    /// Message ids: a missing day, month, year; not a real date; a year not of 4 digits.
    const fn messages(self) -> [&'static str; 5] {
        match self {
            Self::From => [
                "staff-error-from-day",
                "staff-error-from-month",
                "staff-error-from-year",
                "staff-error-from-real",
                "staff-error-from-year-digits",
            ],
            Self::To => [
                "staff-error-to-day",
                "staff-error-to-month",
                "staff-error-to-year",
                "staff-error-to-real",
                "staff-error-to-year-digits",
            ],
        }
    }
}

/// The three boxes as typed (kept to show them again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateParts {
    /// Day of the month.
    pub day: String,
    /// Month number.
    pub month: String,
    /// Year.
    pub year: String,
}

impl DateParts {
    /// The boxes filled in from a date (for links that carry an ISO date).
    pub fn of(date: Date) -> Self {
        Self {
            day: date.day().to_string(),
            month: date.month().to_string(),
            year: date.year().to_string(),
        }
    }

    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        [&self.day, &self.month, &self.year]
            .iter()
            .all(|s| s.trim().is_empty())
    }

    /// The date typed: `None` when the boxes are empty, or the first problem.
    pub fn parse(&self, end: End) -> Result<Option<Date>, FieldError> {
        if self.is_empty() {
            return Ok(None);
        }
        let [day_field, month_field, year_field] = end.fields();
        let [no_day, no_month, no_year, not_real, year_digits] = end.messages();
        let error = |field, message| FieldError { field, message };
        let (d, m, y) = (self.day.trim(), self.month.trim(), self.year.trim());
        if d.is_empty() {
            return Err(error(day_field, no_day));
        }
        if m.is_empty() {
            return Err(error(month_field, no_month));
        }
        if y.is_empty() {
            return Err(error(year_field, no_year));
        }
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error(year_field, year_digits));
        }
        let number = |s: &str| s.parse::<i16>().ok();
        let (Some(day), Some(month), Some(year)) = (number(d), number(m), number(y)) else {
            return Err(error(day_field, not_real));
        };
        if !(1..=12).contains(&month) {
            return Err(error(month_field, not_real));
        }
        let day = i8::try_from(day).map_err(|_| error(day_field, not_real))?;
        let month = i8::try_from(month).map_err(|_| error(month_field, not_real))?;
        Date::new(year, month, day)
            .map(Some)
            .map_err(|_| error(day_field, not_real))
    }
}

/// A date range from two sets of boxes: each end checked, then their order. Problems are
/// added to `errors`; an end with a problem is `None`.
pub fn range(
    from: &DateParts,
    to: &DateParts,
    errors: &mut FormErrors,
) -> (Option<Date>, Option<Date>) {
    let mut read = |parts: &DateParts, end| match parts.parse(end) {
        Ok(date) => date,
        Err(e) => {
            errors.0.push(e);
            None
        }
    };
    let first = read(from, End::From);
    let last = read(to, End::To);
    if let (Some(a), Some(b)) = (first, last)
        && b < a
    {
        errors.add("to-day", "staff-error-to-before-from");
        return (first, None);
    }
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(d: &str, m: &str, y: &str) -> DateParts {
        DateParts {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        }
    }

    fn problem(p: DateParts) -> (&'static str, &'static str) {
        let e = p.parse(End::From).expect_err("a problem");
        (e.field, e.message)
    }

    #[test]
    fn empty_boxes_are_no_filter_and_a_real_date_is_read() {
        assert_eq!(parts(" ", "", "").parse(End::From), Ok(None));
        assert_eq!(
            parts("1", "02", "2026").parse(End::To),
            Ok(Some(jiff::civil::date(2026, 2, 1)))
        );
    }

    #[test]
    fn each_problem_names_its_box() {
        for ((d, m, y), field, message) in [
            (("", "3", "2026"), "from-day", "staff-error-from-day"),
            (("1", "", "2026"), "from-month", "staff-error-from-month"),
            (("1", "3", ""), "from-year", "staff-error-from-year"),
            (
                ("1", "3", "26"),
                "from-year",
                "staff-error-from-year-digits",
            ),
            (("30", "2", "2026"), "from-day", "staff-error-from-real"),
            (("1", "13", "2026"), "from-month", "staff-error-from-real"),
            (("x", "3", "2026"), "from-day", "staff-error-from-real"),
        ] {
            assert_eq!(problem(parts(d, m, y)), (field, message), "{d}/{m}/{y}");
        }
    }

    #[test]
    fn a_range_must_not_end_before_it_starts() {
        let mut errors = FormErrors::default();
        let (a, b) = range(
            &parts("5", "3", "2026"),
            &parts("4", "3", "2026"),
            &mut errors,
        );
        assert_eq!(a, Some(jiff::civil::date(2026, 3, 5)));
        assert_eq!(b, None);
        assert_eq!(
            errors.for_field("to-day"),
            Some("staff-error-to-before-from")
        );
        let mut fine = FormErrors::default();
        range(&parts("5", "3", "2026"), &DateParts::default(), &mut fine);
        assert!(fine.is_empty());
    }
}
