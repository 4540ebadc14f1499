//! Server-rendered, accessible SVG charts for the back office dashboard.
//!
//! Rust works out each chart's geometry (scales, ticks, positions, the heat scale's colours)
//! as plain data; the markup lives in `templates/charts/`. Every chart comes with a [`Table`]
//! of the same data. The templates escape all caller text, the markup has no scripts, no
//! `style` attributes and no external references, and the output is deterministic.

use std::fmt;

use askama::Template;

/// A table of the same data as a chart, for screen readers and people who prefer numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Caption.
    pub caption: String,
    /// Column headings.
    pub head: Vec<String>,
    /// Rows of cells (already formatted text; not escaped — templates escape them).
    pub rows: Vec<Vec<String>>,
}

/// A chart: its SVG and its table.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// `<svg …>…</svg>`, rendered where the page embeds it (safe to embed unescaped: it
    /// escapes every caller text itself).
    pub svg: Svg,
    /// The same data.
    pub table: Table,
}

/// Labels the caller supplies (translated text).
#[derive(Debug, Clone)]
pub struct Labels<'a> {
    /// Chart title (also the table caption).
    pub title: &'a str,
    /// Short description for `<desc>`, e.g. "Reports per week from 3 March to 24 November; highest 41 in the week of 6 October".
    pub description: &'a str,
    /// Heading of the first table column (e.g. "Week beginning").
    pub category: &'a str,
    /// Heading of the value column (e.g. "Reports").
    pub value: &'a str,
}

/// The accessible `<svg>` element of one chart: its name, its description and what it plots.
#[derive(Debug, Clone, PartialEq, Template)]
#[template(path = "charts/chart.svg")]
pub struct Svg {
    /// Prefix of the ids of `<title>` and `<desc>`, which name the image.
    id: String,
    /// Height of the view box; its width is always `W`, 640.
    height: Units,
    /// The chart title.
    title: String,
    /// What the chart shows, in words.
    description: String,
    /// The shapes.
    plot: Plot,
}

/// What a chart draws, one variant per template in `templates/charts/`.
#[derive(Debug, Clone, PartialEq)]
enum Plot {
    /// `bars.svg`.
    Bars(Bars),
    /// `hbars.svg`.
    HBars(HBars),
    /// `heat_grid.svg`.
    HeatGrid(HeatGrid),
}

/// Vertical bars over gridlines.
#[derive(Debug, Clone, PartialEq)]
struct Bars {
    /// Where the gridlines and the axis start.
    left: Units,
    /// Where they end.
    right: Units,
    /// The x axis.
    base: Units,
    /// The right edge of the gridline values.
    tick_x: Units,
    /// The baseline of the labels under the bars.
    label_y: Units,
    /// Bottom to top.
    gridlines: Vec<Gridline>,
    /// In the caller's order.
    bars: Vec<Bar>,
}

/// A horizontal gridline and its value.
#[derive(Debug, Clone, PartialEq)]
struct Gridline {
    /// The line.
    y: Units,
    /// The baseline of its value, which sits level with the line.
    text_y: Units,
    /// The value, e.g. `1,500`.
    value: String,
}

/// One vertical bar.
#[derive(Debug, Clone, PartialEq)]
struct Bar {
    /// Left edge.
    x: Units,
    /// Top edge.
    y: Units,
    /// Width.
    width: Units,
    /// Height (zero for a zero count).
    height: Units,
    /// Middle, where its label is centred.
    centre: Units,
    /// Category, e.g. a week.
    name: String,
    /// Count as text.
    count: String,
    /// Whether its label shows (labels are thinned so they never overlap).
    labelled: bool,
}

/// Horizontal bars, each under its name and with its count at its end.
#[derive(Debug, Clone, PartialEq)]
struct HBars {
    /// Left edge of the names, the bars and the axis.
    left: Units,
    /// Thickness of every bar.
    thickness: Units,
    /// Top of the axis.
    axis_top: Units,
    /// Bottom of the axis.
    axis_bottom: Units,
    /// Top to bottom.
    bars: Vec<HBar>,
}

/// One horizontal bar.
#[derive(Debug, Clone, PartialEq)]
struct HBar {
    /// Baseline of its name.
    name_y: Units,
    /// Top edge.
    y: Units,
    /// Length.
    width: Units,
    /// Where its count starts.
    value_x: Units,
    /// Baseline of its count.
    value_y: Units,
    /// Category in full (for the tooltip).
    name: String,
    /// Category, shortened to fit the width.
    label: String,
    /// Count as text.
    count: String,
}

/// Rows × columns of shaded cells, each with its count.
#[derive(Debug, Clone, PartialEq)]
struct HeatGrid {
    /// Baseline of the column labels.
    heading_y: Units,
    /// Right edge of the row labels.
    row_label_x: Units,
    /// Width of every cell, less the gap between cells.
    cell_width: Units,
    /// Height of every cell, less the gap.
    cell_height: Units,
    /// The column labels that show (thinned so they never overlap).
    columns: Vec<ColumnLabel>,
    /// Top to bottom.
    rows: Vec<GridRow>,
}

/// A label above a column of the heat grid.
#[derive(Debug, Clone, PartialEq)]
struct ColumnLabel {
    /// Middle of the column.
    x: Units,
    /// The label.
    name: String,
}

/// One row of the heat grid.
#[derive(Debug, Clone, PartialEq)]
struct GridRow {
    /// Baseline of the row's label and counts, centred in the row.
    text_y: Units,
    /// Row name in full (for the tooltips).
    name: String,
    /// Row name, shortened to fit the label column.
    label: String,
    /// Left to right.
    cells: Vec<Cell>,
}

/// One cell of the heat grid.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    /// Left edge.
    x: Units,
    /// Top edge.
    y: Units,
    /// Middle, where the count is centred.
    centre: Units,
    /// Fill (`#rrggbb`) on the sequential scale.
    fill: String,
    /// Text colour that contrasts with the fill.
    ink: &'static str,
    /// Column name (for the tooltip).
    column: String,
    /// Count as text.
    count: String,
}

/// A position or length in user units, written with one decimal place.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Units(f64);

impl fmt::Display for Units {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}", self.0)
    }
}

/// Escaper of the `.svg` templates (see `askama.toml`): XML's named entities, the same as
/// [`escape`], rather than askama's numeric ones, so the markup reads as it always has.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Xml;

impl askama::filters::Escaper for Xml {
    fn write_escaped_str<D: fmt::Write>(&self, mut dest: D, s: &str) -> fmt::Result {
        let mut done = 0;
        for (i, c) in s.char_indices() {
            if let Some(entity) = entity(c) {
                dest.write_str(&s[done..i])?;
                dest.write_str(entity)?;
                done = i + c.len_utf8();
            }
        }
        dest.write_str(&s[done..])
    }
}

/// Width of every chart in user units (the templates' view boxes say 640 too).
const W: f64 = 640.0;
/// Rough width of one character at the templates' font size, 13.
const CHAR_W: f64 = 7.8;
/// Ends of the heat grid scale (one hue, light to dark).
const LIGHT: [f64; 3] = [240.0, 246.0, 251.0];
const DARK: [f64; 3] = [0.0, 48.0, 120.0];

/// The entity that stands for a character that XML text or attribute values cannot hold.
fn entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    }
}

/// Escapes text for use in XML content or attribute values, as the chart templates do (`Xml`).
pub fn escape(s: &str) -> String {
    use askama::filters::Escaper as _;
    let mut out = String::with_capacity(s.len());
    // Writing to a String cannot fail.
    let _ = Xml.write_escaped_str(&mut out, s);
    out
}

/// Formats a count with thousands separators, e.g. `1,234`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Gridline values from 0: 3 to 5 ticks, step 1, 2 or 5 × 10^n. Zero gives 0..1.
fn ticks(max: u64) -> Vec<u64> {
    if max == 0 {
        return vec![0, 1];
    }
    let mut pow: u64 = 1;
    loop {
        for step in [pow, pow.saturating_mul(2), pow.saturating_mul(5)] {
            let n = max.div_ceil(step).max(2);
            if n <= 4 {
                return (0..=n).map(|i| i.saturating_mul(step)).collect();
            }
        }
        pow = pow.saturating_mul(10);
    }
}

/// Shows every nth label so that labels never overlap (and at most 12 show).
fn thin(count: usize, chars: usize, slot: f64) -> usize {
    let by_width = ((chars as f64 * CHAR_W + 8.0) / slot.max(1.0)).ceil() as usize;
    by_width.max(count.div_ceil(12)).max(1)
}

/// Shortens text to `fit` characters, ending with an ellipsis if cut.
fn clip(s: &str, fit: usize) -> String {
    if s.chars().count() <= fit {
        return s.to_string();
    }
    s.chars().take(fit.saturating_sub(1)).chain(['…']).collect()
}

/// Fill colour (`#rrggbb`) for a count on the sequential scale, and its text colour.
fn shade(v: u64, max: u64) -> (String, &'static str) {
    let t = (v as f64 / max.max(1) as f64).clamp(0.0, 1.0);
    let mut rgb = [0; 3];
    for (out, (a, b)) in rgb.iter_mut().zip(LIGHT.iter().zip(DARK)) {
        *out = (a + (b - a) * t).round() as u8;
    }
    // WCAG relative luminance, then white or black, whichever contrasts more.
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb;
    let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    // Either ink reaches at least 4.58:1; the better one is chosen.
    let ink = if 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 {
        "#ffffff"
    } else {
        "#000000"
    };
    (format!("#{r:02x}{g:02x}{b:02x}"), ink)
}

/// The accessible `<svg>` around a plot, and the table.
fn finish(labels: &Labels<'_>, id: &str, height: f64, plot: Plot, table: Table) -> Chart {
    let svg = Svg {
        id: id.to_string(),
        height: Units(height),
        title: labels.title.to_string(),
        description: labels.description.to_string(),
        plot,
    };
    Chart { svg, table }
}

/// A table captioned with the chart title.
fn table(labels: &Labels<'_>, head: Vec<String>, rows: impl Iterator<Item = Vec<String>>) -> Table {
    let caption = labels.title.to_string();
    Table {
        caption,
        head,
        rows: rows.collect(),
    }
}

/// The two-column table shared by `bars` and `hbars`.
fn pairs_table(labels: &Labels<'_>, data: &[(String, u64)]) -> Table {
    let rows = data.iter().map(|(k, v)| vec![k.clone(), thousands(*v)]);
    let head = vec![labels.category.to_string(), labels.value.to_string()];
    table(labels, head, rows)
}

/// Longest text in characters.
fn widest<'a>(texts: impl Iterator<Item = &'a String>) -> usize {
    texts.map(|t| t.chars().count()).max().unwrap_or(0)
}

/// Vertical bar chart: one bar per (label, count) in order (e.g. weeks). Up to ~60 bars; x-axis labels thinned so they never overlap (show every nth label); y-axis with 3–5 "nice" gridline ticks (1, 2, 5 × 10^n); zero data gives an empty chart with a 0..1 axis, not a division by zero.
pub fn bars(labels: &Labels<'_>, data: &[(String, u64)], id: &str) -> Chart {
    let ticks = ticks(data.iter().map(|d| d.1).max().unwrap_or(0));
    let top_val = ticks.last().copied().unwrap_or(1).max(1) as f64;
    let tick_chars = ticks.iter().map(|t| thousands(*t).len()).max();
    let (h, top, right, plot_h) = (320.0, 12.0, W - 16.0, 272.0);
    let left = tick_chars.unwrap_or(1) as f64 * CHAR_W + 16.0;
    let base = top + plot_h;
    let gridlines = ticks.iter().map(|t| {
        let y = base - *t as f64 / top_val * plot_h;
        let (y, text_y) = (Units(y), Units(y + 4.5));
        let value = thousands(*t);
        Gridline { y, text_y, value }
    });
    let slot = (right - left) / data.len().max(1) as f64;
    let bar_w = (slot * 0.8).min(60.0);
    let every = thin(data.len(), widest(data.iter().map(|d| &d.0)), slot);
    let bars = data.iter().enumerate().map(|(i, (name, v))| {
        let bh = (*v as f64 / top_val * plot_h).min(plot_h);
        let mid = left + (i as f64 + 0.5) * slot;
        Bar {
            x: Units(mid - bar_w / 2.0),
            y: Units(base - bh),
            width: Units(bar_w),
            height: Units(bh),
            centre: Units(mid),
            name: name.clone(),
            count: thousands(*v),
            labelled: i.is_multiple_of(every),
        }
    });
    let plot = Bars {
        left: Units(left),
        right: Units(right),
        base: Units(base),
        tick_x: Units(left - 6.0),
        label_y: Units(base + 20.0),
        gridlines: gridlines.collect(),
        bars: bars.collect(),
    };
    let table = pairs_table(labels, data);
    finish(labels, id, h, Plot::Bars(plot), table)
}

/// Horizontal bar chart for categories with long names (e.g. reasons), sorted as given, each bar with its count written at its end.
pub fn hbars(labels: &Labels<'_>, data: &[(String, u64)], id: &str) -> Chart {
    let max = data.iter().map(|d| d.1).max().unwrap_or(0).max(1) as f64;
    let (pad, row) = (8.0, 48.0);
    let val_chars = data.iter().map(|d| thousands(d.1).len()).max();
    let bar_max = W - 2.0 * pad - val_chars.unwrap_or(1) as f64 * CHAR_W - 8.0;
    // Each name sits on its own line above its bar, so long names fit.
    let fit = ((W - 2.0 * pad) / CHAR_W) as usize;
    let bars = data.iter().enumerate().map(|(i, (name, v))| {
        let (y, w) = (pad + i as f64 * row, *v as f64 / max * bar_max);
        HBar {
            name_y: Units(y + 14.0),
            y: Units(y + 20.0),
            width: Units(w),
            value_x: Units(pad + w + 6.0),
            value_y: Units(y + 35.0),
            name: name.clone(),
            label: clip(name, fit),
            count: thousands(*v),
        }
    });
    let h = (2.0 * pad + data.len() as f64 * row).max(40.0);
    let plot = HBars {
        left: Units(pad),
        thickness: Units(20.0),
        axis_top: Units(pad),
        axis_bottom: Units(h - pad),
        bars: bars.collect(),
    };
    let table = pairs_table(labels, data);
    finish(labels, id, h, Plot::HBars(plot), table)
}

/// Heat grid: rows × columns of counts (e.g. 7 weekdays × 8 three-hour bands), with row and column labels; each cell's colour from a sequential single-hue scale (light to dark) AND its number written in the cell (colour is never the only carrier), text colour switching white/black for contrast ≥ 4.5:1 against the fill. The table has one row per grid row and one column per grid column (head = [labels.category, column labels...]).
pub fn heat_grid(
    labels: &Labels<'_>,
    rows: &[String],
    columns: &[String],
    counts: &[Vec<u64>],
    id: &str,
) -> Chart {
    // Missing cells count as zero.
    let cell = |r: usize, c: usize| counts.get(r).and_then(|row| row.get(c)).copied();
    let cell = move |r: usize, c: usize| cell(r, c).unwrap_or(0);
    let cols = columns.len();
    let max = (0..rows.len()).flat_map(|r| (0..cols).map(move |c| cell(r, c)));
    let max = max.max().unwrap_or(0);
    let left = (widest(rows.iter()) as f64 * CHAR_W + 24.0).min(240.0);
    let fit = ((left - 24.0) / CHAR_W) as usize;
    let (top, ch, cw) = (28.0, 32.0, (W - left - 8.0) / cols.max(1) as f64);
    let every = thin(cols, widest(columns.iter()), cw);
    let headings = columns
        .iter()
        .enumerate()
        .filter(|(c, _)| c.is_multiple_of(every));
    let headings = headings.map(|(c, name)| ColumnLabel {
        x: Units(left + (c as f64 + 0.5) * cw),
        name: name.clone(),
    });
    let grid_rows = rows.iter().enumerate().map(|(r, row_name)| {
        let y = top + r as f64 * ch;
        let cells = columns.iter().enumerate().map(|(c, col_name)| {
            let x = left + c as f64 * cw;
            let (fill, ink) = shade(cell(r, c), max);
            // A 2-unit gap keeps cells apart.
            Cell {
                x: Units(x + 1.0),
                y: Units(y + 1.0),
                centre: Units(x + cw / 2.0),
                fill,
                ink,
                column: col_name.clone(),
                count: thousands(cell(r, c)),
            }
        });
        GridRow {
            text_y: Units(top + (r as f64 + 0.5) * ch + 4.5),
            name: row_name.clone(),
            label: clip(row_name, fit),
            cells: cells.collect(),
        }
    });
    let plot = HeatGrid {
        heading_y: Units(18.0),
        row_label_x: Units(left - 8.0),
        cell_width: Units(cw - 2.0),
        cell_height: Units(ch - 2.0),
        columns: headings.collect(),
        rows: grid_rows.collect(),
    };
    let head = std::iter::once(labels.category).chain(columns.iter().map(String::as_str));
    let table_rows = rows.iter().enumerate().map(|(r, name)| {
        let counts = (0..cols).map(|c| thousands(cell(r, c)));
        std::iter::once(name.clone()).chain(counts).collect()
    });
    let table = table(labels, head.map(str::to_string).collect(), table_rows);
    let h = top + rows.len() as f64 * ch + 8.0;
    finish(labels, id, h, Plot::HeatGrid(plot), table)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BAR_CLASS: &str = "app-chart__bar";

    const L: Labels<'static> = Labels {
        title: "Reports",
        description: "Per week",
        category: "Week",
        value: "Reports",
    };

    fn data(values: &[u64]) -> Vec<(String, u64)> {
        let v = values.iter().zip(1..);
        v.map(|(v, i)| (format!("2024-W{i:02}"), *v)).collect()
    }

    fn strings(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    /// Numeric values of `attr` on elements that carry `marker`.
    fn attrs(svg: &str, marker: &str, attr: &str) -> Vec<f64> {
        let key = format!(r#" {attr}=""#);
        let value = |part: &str| {
            let v = part.split(&key).nth(1).unwrap();
            v[..v.find('"').unwrap()].parse().unwrap()
        };
        svg.split(marker).skip(1).map(value).collect()
    }

    /// Tags balance, attribute quotes pair up and every `&` starts an entity.
    fn well_formed(svg: &str) -> bool {
        let (mut stack, mut rest) = (Vec::new(), svg);
        while let Some(start) = rest.find('<') {
            let Some(len) = rest[start..].find('>') else {
                return false;
            };
            let tag = &rest[start + 1..start + len];
            rest = &rest[start + len + 1..];
            if tag.contains('<') || !tag.matches('"').count().is_multiple_of(2) {
                return false;
            } else if let Some(name) = tag.strip_prefix('/') {
                if stack.pop() != Some(name) {
                    return false;
                }
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().unwrap_or(""));
            }
        }
        let entity = |i: usize| {
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| svg[i..].starts_with(e))
        };
        stack.is_empty() && !rest.contains('>') && svg.match_indices('&').all(|(i, _)| entity(i))
    }

    fn check_common(chart: &Chart, id: &str) {
        let svg = &chart.svg.to_string();
        let root = &svg[..svg.find('>').unwrap()];
        assert!(root.contains(&format!(r#"aria-labelledby="{id}-title {id}-desc""#)));
        assert!(root.contains(r#"role="img""#) && root.contains(r#"viewBox="0 0 640 "#));
        assert!(!root.contains(" width=") && !root.contains(" height="));
        assert!(svg.contains(&format!(r#"<title id="{id}-title">"#)));
        assert!(svg.contains(&format!(r#"<desc id="{id}-desc">"#)));
        for bad in ["style=", "<script", "href", "url("] {
            assert!(!svg.contains(bad), "found {bad}");
        }
        let handler = |w: &str| w.starts_with("on") && w.contains("=\"");
        assert!(!svg.split([' ', '<']).any(handler), "event handler");
        assert!(well_formed(svg), "not well-formed: {svg}");
    }

    #[test]
    fn escapes_hostile_text() {
        let evil = r#"<script>alert("x")</script> & 'y'"#;
        let labels = Labels {
            title: evil,
            description: evil,
            category: evil,
            value: evil,
        };
        let (d, e) = (vec![(evil.to_string(), 3)], strings(&[evil]));
        let charts = [
            bars(&labels, &d, "a"),
            hbars(&labels, &d, "b"),
            heat_grid(&labels, &e, &e, &[vec![3]], "c"),
        ];
        for (chart, id) in charts.iter().zip(["a", "b", "c"]) {
            check_common(chart, id);
            let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;";
            assert!(chart.svg.to_string().contains(escaped));
            // The table holds raw text; templates escape it.
            assert_eq!(chart.table.caption, evil);
            assert_eq!(chart.table.rows[0][0], evil);
        }
        assert!(!well_formed("<svg><g></svg>") && !well_formed("<svg>a & b</svg>"));
    }

    #[test]
    fn empty_data() {
        let chart = bars(&L, &[], "e");
        check_common(&chart, "e");
        assert!(!chart.svg.to_string().contains("app-chart__bar") && chart.table.rows.is_empty());
        assert!(
            chart.svg.to_string().contains(">0</text>")
                && chart.svg.to_string().contains(">1</text>")
        );
        let zeros = bars(&L, &data(&[0, 0]), "z");
        assert_eq!(
            attrs(&zeros.svg.to_string(), BAR_CLASS, "height"),
            vec![0.0, 0.0]
        );
        check_common(&hbars(&L, &[], "h"), "h");
        let grid = heat_grid(&L, &[], &[], &[], "g");
        check_common(&grid, "g");
        assert_eq!(grid.table.head, strings(&["Week"]));
    }

    #[test]
    fn single_bar() {
        let chart = bars(&L, &data(&[5]), "one");
        check_common(&chart, "one");
        assert_eq!(attrs(&chart.svg.to_string(), BAR_CLASS, "height").len(), 1);
        assert_eq!(
            chart.svg.to_string().matches("app-chart__xlabel").count(),
            1
        );
    }

    #[test]
    fn bar_lengths_are_proportional() {
        let chart = bars(&L, &data(&[10, 20, 0]), "p");
        let h = attrs(&chart.svg.to_string(), BAR_CLASS, "height");
        assert!((h[1] / h[0] - 2.0).abs() < 0.02 && h[2] == 0.0, "{h:?}");
        let chart = hbars(&L, &data(&[10, 20]), "q");
        let w = attrs(&chart.svg.to_string(), BAR_CLASS, "width");
        assert!((w[1] / w[0] - 2.0).abs() < 0.02, "{w:?}");
    }

    #[test]
    fn sixty_bars_thin_their_labels() {
        let chart = bars(&L, &data(&(0..60).collect::<Vec<_>>()), "w");
        check_common(&chart, "w");
        assert_eq!(attrs(&chart.svg.to_string(), BAR_CLASS, "height").len(), 60);
        let xs = attrs(&chart.svg.to_string(), "app-chart__xlabel", "x");
        assert!((5..=12).contains(&xs.len()), "{}", xs.len());
        // Centres are far enough apart for "2024-W01" at font size 13.
        assert!(xs.windows(2).all(|p| p[1] - p[0] >= 8.0 * CHAR_W));
    }

    #[test]
    fn nice_ticks() {
        assert_eq!(ticks(0), vec![0, 1]);
        assert_eq!(ticks(1), vec![0, 1, 2]);
        assert_eq!(ticks(7), vec![0, 2, 4, 6, 8]);
        assert_eq!(ticks(13), vec![0, 5, 10, 15]);
        assert_eq!(ticks(99), vec![0, 50, 100]);
        assert_eq!(ticks(1234), vec![0, 500, 1000, 1500]);
        for max in (1..3000).chain([u64::MAX]) {
            let t = ticks(max);
            let mut m = t[1];
            while m.is_multiple_of(10) {
                m /= 10;
            }
            let ok = (3..=5).contains(&t.len()) && [1, 2, 5].contains(&m);
            assert!(ok && *t.last().unwrap() >= max, "{max}");
        }
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }

    /// WCAG contrast ratio of two `#rrggbb` colours, worked out afresh.
    fn contrast(a: &str, b: &str) -> f64 {
        let lum = |hex: &str| {
            let channel = |i: usize| {
                let s = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if s <= 0.04045 {
                    s / 12.92
                } else {
                    ((s + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn heat_grid_text_contrast() {
        let rows = strings(&["Monday", "Tuesday"]);
        let cols: Vec<String> = (0..8).map(|i| format!("{:02}–", i * 3)).collect();
        let counts = vec![(0..8).collect(), vec![1234, 0, 5, 9, 600, 12, 7, 3]];
        let chart = heat_grid(&L, &rows, &cols, &counts, "heat");
        check_common(&chart, "heat");
        // After the group's fill, each cell gives its rect's fill, then its text's.
        let svg = chart.svg.to_string();
        let parts = svg.split(r#" fill=""#).skip(2);
        let fills: Vec<&str> = parts.map(|f| &f[..7]).collect();
        assert_eq!(fills.len(), 32);
        for pair in fills.chunks(2) {
            assert!(contrast(pair[0], pair[1]) >= 4.5, "{pair:?}");
        }
        // Lightest fill (0) gets black text, darkest (1,234) gets white.
        assert_eq!(fills[..2], ["#f0f6fb", "#000000"]);
        assert_eq!(fills[16..18], ["#003078", "#ffffff"]);
        assert!(chart.svg.to_string().contains(">1,234</text>"));
    }

    #[test]
    fn tables_mirror_the_data() {
        let d = data(&[3, 1500, 0]);
        let rows = [["2024-W01", "3"], ["2024-W02", "1,500"], ["2024-W03", "0"]];
        let rows = rows.iter().map(|r| strings(r)).collect();
        let (caption, head) = ("Reports".to_string(), strings(&["Week", "Reports"]));
        let want = Table {
            caption,
            head,
            rows,
        };
        assert_eq!(bars(&L, &d, "t").table, want);
        assert_eq!(hbars(&L, &d, "u").table, want);
        let (rows, cols) = (strings(&["Mon", "Tue"]), strings(&["Night", "Day"]));
        let counts = [vec![1, 2000], vec![3, 4]];
        let grid = heat_grid(&L, &rows, &cols, &counts, "v");
        assert_eq!(grid.table.head, strings(&["Week", "Night", "Day"]));
        let want = [strings(&["Mon", "1", "2,000"]), strings(&["Tue", "3", "4"])];
        assert_eq!(grid.table.rows, want);
        // Output is deterministic.
        assert_eq!(grid, heat_grid(&L, &rows, &cols, &counts, "v"));
    }

    /// Collapses whitespace runs to one space and drops it between tags, so snapshots compare
    /// markup, not layout.
    fn normalise(svg: &str) -> String {
        let spaced = svg.split_whitespace().collect::<Vec<_>>().join(" ");
        spaced.replace("> <", "><")
    }

    /// Labels that need escaping in text and in attributes.
    const HOSTILE: Labels<'static> = Labels {
        title: r#"Reports & "hot" <spots>"#,
        description: "Tom's <b>bold</b> & co",
        category: "Week & day",
        value: "<Reports>",
    };

    /// Every public chart on fixed data, as (snapshot name, chart).
    fn snapshot_cases() -> Vec<(&'static str, Chart)> {
        let weeks = [3, 41, 0, 17, 1234, 8, 9, 12];
        let weeks: Vec<(String, u64)> = weeks
            .iter()
            .zip(1..)
            .map(|(v, i)| (format!("{i} Mar 2025"), *v))
            .collect();
        let hostile = vec![
            ("Fish & chips <shop>".to_string(), 7),
            (r#"The "quiet" lane's end"#.to_string(), 12),
        ];
        let reasons = vec![
            ("It was badly lit".to_string(), 14),
            ("I was followed".to_string(), 9),
            ("Nobody was around and there was nowhere safe to go, so I felt trapped and went home the long way round".to_string(), 1),
            ("Other".to_string(), 0),
        ];
        let days = strings(&[
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "A very long day name that must be clipped",
        ]);
        let bands: Vec<String> = (0..8).map(|i| format!("{:02}:00 & on", i * 3)).collect();
        // Rows of different lengths: missing cells count as zero.
        let counts: Vec<Vec<u64>> = (0..6u64)
            .map(|r| {
                (0..8u64)
                    .take(8 - r as usize)
                    .map(|c| r * 8 + c * 3)
                    .collect()
            })
            .collect();
        vec![
            ("bars", bars(&L, &weeks, "weekly")),
            ("bars_empty", bars(&L, &[], "empty")),
            ("bars_zeros", bars(&L, &data(&[0, 0, 0]), "zeros")),
            (
                "bars_sixty",
                bars(&L, &data(&(0..60).collect::<Vec<_>>()), "sixty"),
            ),
            ("bars_hostile", bars(&HOSTILE, &hostile, "a&b<c")),
            ("hbars", hbars(&L, &reasons, "reasons")),
            ("hbars_empty", hbars(&L, &[], "none")),
            ("hbars_hostile", hbars(&HOSTILE, &hostile, "why")),
            ("heat_grid", heat_grid(&L, &days, &bands, &counts, "grid")),
            ("heat_grid_empty", heat_grid(&L, &[], &[], &[], "blank")),
            (
                "heat_grid_no_columns",
                heat_grid(&L, &days, &[], &[], "narrow"),
            ),
            (
                "heat_grid_hostile",
                heat_grid(
                    &HOSTILE,
                    &strings(&["<Mon> & Tue"]),
                    &strings(&["\"Night\" & 'day'"]),
                    &[vec![5]],
                    "heat",
                ),
            ),
        ]
    }

    /// The markup as it was when it was built with `format!`, kept in
    /// `tests/snapshots/charts/`: moving it into templates must not change a thing that a
    /// browser or screen reader sees.
    #[test]
    fn markup_matches_the_snapshots() {
        let dir = format!("{}/tests/snapshots/charts", env!("CARGO_MANIFEST_DIR"));
        for (name, chart) in snapshot_cases() {
            let want = std::fs::read_to_string(format!("{dir}/{name}.svg")).unwrap();
            let got = chart.svg.to_string();
            assert_eq!(normalise(&got), normalise(&want), "{name}");
            assert!(well_formed(&got), "{name}: not well-formed");
        }
        assert_eq!(
            escape(r#"<a href="x">Tom's & co</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;"
        );
        let counts = [0, 7, 999, 1_000, 65_536, 1_234_567, u64::MAX];
        let want = [
            "0",
            "7",
            "999",
            "1,000",
            "65,536",
            "1,234,567",
            "18,446,744,073,709,551,615",
        ];
        assert_eq!(counts.map(thousands), want);
    }

    /// A page embeds the chart as the dashboard does: caller text is escaped once, by the
    /// chart's own template, and the page's HTML escaper leaves it alone.
    #[test]
    fn a_page_embeds_the_chart_escaped_once() {
        #[derive(Template)]
        #[template(
            source = "<figure>{{ chart.svg|safe }}<figcaption>{{ chart.table.caption }}</figcaption></figure>",
            ext = "html"
        )]
        struct Page {
            chart: Chart,
        }
        let d = vec![("Fish & chips <shop>".to_string(), 7)];
        let page = Page {
            chart: bars(&HOSTILE, &d, "fish"),
        };
        let html = page.render().unwrap();
        let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap() + 6];
        assert_eq!(svg, page.chart.svg.to_string());
        assert!(svg.contains("<title>Fish &amp; chips &lt;shop&gt;: 7</title>"));
        assert!(svg.contains(
            r#"<title id="fish-title">Reports &amp; &quot;hot&quot; &lt;spots&gt;</title>"#
        ));
        assert!(!svg.contains("&amp;amp;") && !svg.contains("&amp;lt;") && well_formed(svg));
        // The page's own text goes through askama's HTML escaper.
        assert!(
            html.contains("<figcaption>Reports &#38; &#34;hot&#34; &#60;spots&#62;</figcaption>")
        );
    }
}
