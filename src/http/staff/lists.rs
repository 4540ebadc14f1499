//! What the staff lists share: a date range typed into two GOV.UK date inputs, numbered pages
//! for filtered lists, and "older" links for the newest-first logs. One copy, so the lists
//! cannot drift apart in how they read a date box or count a page.

use form_urlencoded::Serializer;
use serde::Deserialize;

use crate::domain::date_filter::{DateParts, End};

/// The "from" and "to" date inputs of a filter form, as typed. Pages take it with
/// `#[serde(flatten)]`: its fields are all text, which flattening reads from every query
/// decoder (a flattened number would not be).
#[derive(Debug, Default, Deserialize)]
pub struct DateBoxes {
    #[serde(default, rename = "from-day")]
    from_day: String,
    #[serde(default, rename = "from-month")]
    from_month: String,
    #[serde(default, rename = "from-year")]
    from_year: String,
    #[serde(default, rename = "to-day")]
    to_day: String,
    #[serde(default, rename = "to-month")]
    to_month: String,
    #[serde(default, rename = "to-year")]
    to_year: String,
}

impl DateBoxes {
    /// The three boxes of one end.
    pub fn parts(&self, end: End) -> DateParts {
        let [day, month, year] = match end {
            End::From => [&self.from_day, &self.from_month, &self.from_year],
            End::To => [&self.to_day, &self.to_month, &self.to_year],
        };
        DateParts {
            day: day.clone(),
            month: month.clone(),
            year: year.clone(),
        }
    }

    /// The "from" boxes.
    pub fn from(&self) -> DateParts {
        self.parts(End::From)
    }

    /// The "to" boxes.
    pub fn to(&self) -> DateParts {
        self.parts(End::To)
    }

    /// Adds the six boxes, as typed, to a link to the same filters.
    pub fn append(&self, s: &mut Serializer<'_, String>) {
        for (end, parts) in [(End::From, self.from()), (End::To, self.to())] {
            let [day, month, year] = end.fields();
            s.append_pair(day, &parts.day)
                .append_pair(month, &parts.month)
                .append_pair(year, &parts.year);
        }
    }
}

/// A numbered page of a filtered list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    number: i64,
    size: i64,
}

/// Links to the pages either side of the one shown.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pager {
    /// The page before, if any.
    pub previous: Option<String>,
    /// The page after, if any.
    pub next: Option<String>,
}

impl Page {
    /// The page asked for, of `size` rows: from 1 up to `last` (nothing asked is the first),
    /// so no offset a visitor types can overflow or reach back before the list.
    pub fn new(asked: Option<i64>, size: i64, last: i64) -> Self {
        Self {
            number: asked.unwrap_or(1).clamp(1, last),
            size,
        }
    }

    /// Rows before this page.
    pub const fn offset(self) -> i64 {
        (self.number - 1) * self.size
    }

    /// Position of its first row, from 1.
    pub const fn first(self) -> i64 {
        self.offset() + 1
    }

    /// Position of its last row when it shows `shown` of them (0 for an empty first page).
    pub const fn last(self, shown: usize) -> i64 {
        self.offset() + shown as i64
    }

    /// Whether a list of `total` rows goes on after this page.
    pub const fn more_than(self, total: i64) -> bool {
        self.number * self.size < total
    }

    /// Links to the page before (unless this is the first) and after (when there is `more`),
    /// made by `link` from a page number.
    pub fn pager(self, more: bool, link: impl Fn(i64) -> String) -> Pager {
        Pager {
            previous: (self.number > 1).then(|| link(self.number - 1)),
            next: more.then(|| link(self.number + 1)),
        }
    }
}

/// Where a page of a newest-first log starts: the rows before a key (all of them without).
#[derive(Debug, Deserialize)]
pub struct Before {
    before: Option<i64>,
}

impl Before {
    /// The key to read before.
    pub fn key(&self) -> i64 {
        self.before.unwrap_or(i64::MAX)
    }

    /// The link to the rows older than a full page's last one (`path?before=key`); a page
    /// shorter than `size` was the end of the log.
    pub fn older<T>(path: &str, rows: &[T], size: i64, key: impl Fn(&T) -> i64) -> Option<String> {
        if rows.len() as i64 != size {
            return None;
        }
        rows.last().map(|r| format!("{path}?before={}", key(r)))
    }
}

#[cfg(test)]
mod tests {
    use axum::extract::Query;
    use axum::http::Uri;

    use super::*;

    #[derive(Debug, Default, Deserialize)]
    struct Filters {
        #[serde(flatten)]
        dates: DateBoxes,
        #[serde(default)]
        reasons: Vec<String>,
        page: Option<i64>,
    }

    const QUERY: &str =
        "from-day=1&from-month=2&from-year=2026&to-year=2027&reasons=a&reasons=b&page=3";

    fn read_back(f: &Filters) {
        assert_eq!(
            f.dates.from(),
            DateParts {
                day: "1".into(),
                month: "2".into(),
                year: "2026".into()
            }
        );
        assert_eq!(f.dates.to().year, "2027");
        assert!(f.dates.to().day.is_empty());
        assert_eq!(f.page, Some(3));
    }

    #[test]
    fn flattened_boxes_and_a_page_number_read_from_both_query_decoders() {
        let f: Filters = serde_html_form::from_str(QUERY).expect("html form");
        read_back(&f);
        assert_eq!(f.reasons, ["a", "b"]);
        // Axum's `Query` cannot repeat a name (the queue, which it reads, never does).
        let single = QUERY.replace("&reasons=a&reasons=b", "");
        let uri: Uri = format!("/x?{single}").parse().expect("uri");
        let Query(f) = Query::<Filters>::try_from_uri(&uri).expect("query");
        read_back(&f);
    }

    #[test]
    fn the_boxes_go_back_into_a_link_in_the_forms_order() {
        let f: Filters = serde_html_form::from_str(QUERY).expect("html form");
        let mut s = Serializer::new(String::new());
        f.dates.append(&mut s);
        assert_eq!(
            s.finish(),
            "from-day=1&from-month=2&from-year=2026&to-day=&to-month=&to-year=2027"
        );
    }

    #[test]
    fn pages_are_clamped_and_link_either_side() {
        let link = |n: i64| format!("p{n}");
        let first = Page::new(None, 25, 100);
        assert_eq!((first.offset(), first.first(), first.last(0)), (0, 1, 0));
        assert_eq!(first, Page::new(Some(-4), 25, 100));
        assert_eq!(
            first.pager(true, link),
            Pager {
                previous: None,
                next: Some("p2".into())
            }
        );
        let third = Page::new(Some(3), 25, 100);
        assert_eq!((third.first(), third.last(25)), (51, 75));
        assert!(third.more_than(76) && !third.more_than(75));
        assert_eq!(
            third.pager(false, link),
            Pager {
                previous: Some("p2".into()),
                next: None
            }
        );
        assert_eq!(Page::new(Some(i64::MAX), 25, 100).offset(), 99 * 25);
    }

    #[test]
    fn only_a_full_page_links_to_older_rows() {
        let b = Before { before: None };
        assert_eq!(b.key(), i64::MAX);
        let older = |rows: &[i64]| Before::older("/log", rows, 3, |r| *r);
        assert_eq!(older(&[9, 8, 7]), Some("/log?before=7".into()));
        assert_eq!(older(&[9, 8]), None);
        assert_eq!(older(&[]), None);
    }
}
