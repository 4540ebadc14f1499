//! Server-rendered, accessible SVG charts for the back office dashboard.
//!
//! Every chart comes with a [`Table`] of the same data. All caller text is
//! XML-escaped, the markup has no scripts, no `style` attributes and no
//! external references, and the output is deterministic.

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

/// A chart: SVG markup (safe to embed unescaped: every caller text is escaped) and its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// `<svg …>…</svg>`.
    pub svg: String,
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

/// Width of every chart in user units.
const W: f64 = 640.0;
/// Rough width of one character at font size 13.
const CHAR_W: f64 = 7.8;
/// Shared text attributes; 13 units at width 640 stays legible when scaled.
const FONT: &str = r##"font-family="system-ui, sans-serif" font-size="13" fill="#0b0c0c""##;
/// GOV.UK blue: 5.2:1 against white.
const BAR: &str = "#1d70b8";
/// Light grey for gridlines.
const GRID: &str = "#d9d9d9";
/// Dark grey for axes: 7:1 against white.
const AXIS: &str = "#505a5f";
/// Text alignment attributes.
const MIDDLE: &str = r#" text-anchor="middle""#;
const END: &str = r#" text-anchor="end""#;
/// Ends of the heat grid scale (one hue, light to dark).
const LIGHT: [f64; 3] = [240.0, 246.0, 251.0];
const DARK: [f64; 3] = [0.0, 48.0, 120.0];

/// Escapes text for use in XML content or attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
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

/// Appends a `<text>`; `attrs` holds further attributes, each with a leading space.
fn text(b: &mut String, x: f64, y: f64, attrs: &str, content: &str) {
    b.push_str(&format!(
        r#"<text{attrs} x="{x:.1}" y="{y:.1}">{content}</text>"#
    ));
}

/// Appends a `<rect>` with a tooltip for mouse users.
fn rect(b: &mut String, class: &str, [x, y, w, h]: [f64; 4], fill: &str, tip: &str) {
    b.push_str(&format!(r#"<rect class="{class}" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}"><title>{tip}</title></rect>"#));
}

/// Appends a one-unit `<line>`.
fn line(b: &mut String, [x1, y1, x2, y2]: [f64; 4], stroke: &str) {
    b.push_str(&format!(r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="1"/>"#));
}

/// Wraps the body in the accessible `<svg>` element.
fn finish(labels: &Labels<'_>, id: &str, h: f64, body: &str, table: Table) -> Chart {
    let (id, title, desc) = (escape(id), escape(labels.title), escape(labels.description));
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 {h:.1}" role="img" aria-labelledby="{id}-title {id}-desc" focusable="false" class="app-chart">"#
    );
    svg.push_str(&format!(r#"<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc><g {FONT}>{body}</g></svg>"#));
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
    let mut b = String::new();
    // Gridlines with their values.
    for t in &ticks {
        let y = base - *t as f64 / top_val * plot_h;
        line(&mut b, [left, y, right, y], GRID);
        text(&mut b, left - 6.0, y + 4.5, END, &thousands(*t));
    }
    let slot = (right - left) / data.len().max(1) as f64;
    let bar_w = (slot * 0.8).min(60.0);
    let every = thin(data.len(), widest(data.iter().map(|d| &d.0)), slot);
    for (i, (name, v)) in data.iter().enumerate() {
        let bh = (*v as f64 / top_val * plot_h).min(plot_h);
        let mid = left + (i as f64 + 0.5) * slot;
        let tip = format!("{}: {}", escape(name), thousands(*v));
        let geom = [mid - bar_w / 2.0, base - bh, bar_w, bh];
        rect(&mut b, "app-chart__bar", geom, BAR, &tip);
        if i.is_multiple_of(every) {
            let attrs = r#" class="app-chart__xlabel" text-anchor="middle""#;
            text(&mut b, mid, base + 20.0, attrs, &escape(name));
        }
    }
    line(&mut b, [left, base, right, base], AXIS);
    finish(labels, id, h, &b, pairs_table(labels, data))
}

/// Horizontal bar chart for categories with long names (e.g. reasons), sorted as given, each bar with its count written at its end.
pub fn hbars(labels: &Labels<'_>, data: &[(String, u64)], id: &str) -> Chart {
    let max = data.iter().map(|d| d.1).max().unwrap_or(0).max(1) as f64;
    let (pad, row) = (8.0, 48.0);
    let val_chars = data.iter().map(|d| thousands(d.1).len()).max();
    let bar_max = W - 2.0 * pad - val_chars.unwrap_or(1) as f64 * CHAR_W - 8.0;
    // Each name sits on its own line above its bar, so long names fit.
    let fit = ((W - 2.0 * pad) / CHAR_W) as usize;
    let mut b = String::new();
    for (i, (name, v)) in data.iter().enumerate() {
        let (y, w) = (pad + i as f64 * row, *v as f64 / max * bar_max);
        let count = thousands(*v);
        text(&mut b, pad, y + 14.0, "", &escape(&clip(name, fit)));
        let tip = format!("{}: {count}", escape(name));
        let geom = [pad, y + 20.0, w, 20.0];
        rect(&mut b, "app-chart__bar", geom, BAR, &tip);
        let attrs = r#" class="app-chart__value""#;
        text(&mut b, pad + w + 6.0, y + 35.0, attrs, &count);
    }
    let h = (2.0 * pad + data.len() as f64 * row).max(40.0);
    line(&mut b, [pad, pad, pad, h - pad], AXIS);
    finish(labels, id, h, &b, pairs_table(labels, data))
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
    let mut b = String::new();
    for (c, name) in columns.iter().enumerate() {
        if c.is_multiple_of(every) {
            let x = left + (c as f64 + 0.5) * cw;
            text(&mut b, x, 18.0, MIDDLE, &escape(name));
        }
    }
    for (r, row_name) in rows.iter().enumerate() {
        let (y, ty) = (top + r as f64 * ch, top + (r as f64 + 0.5) * ch + 4.5);
        text(&mut b, left - 8.0, ty, END, &escape(&clip(row_name, fit)));
        for (c, col_name) in columns.iter().enumerate() {
            let (v, x) = (thousands(cell(r, c)), left + c as f64 * cw);
            let (fill, ink) = shade(cell(r, c), max);
            let tip = format!("{}, {}: {v}", escape(row_name), escape(col_name));
            // A 2-unit gap keeps cells apart.
            let geom = [x + 1.0, y + 1.0, cw - 2.0, ch - 2.0];
            rect(&mut b, "app-chart__cell", geom, &fill, &tip);
            let attrs = format!(r#"{MIDDLE} fill="{ink}""#);
            text(&mut b, x + cw / 2.0, ty, &attrs, &v);
        }
    }
    let head = std::iter::once(labels.category).chain(columns.iter().map(String::as_str));
    let table_rows = rows.iter().enumerate().map(|(r, name)| {
        let counts = (0..cols).map(|c| thousands(cell(r, c)));
        std::iter::once(name.clone()).chain(counts).collect()
    });
    let table = table(labels, head.map(str::to_string).collect(), table_rows);
    finish(labels, id, top + rows.len() as f64 * ch + 8.0, &b, table)
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
        let svg = &chart.svg;
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
            assert!(chart.svg.contains(escaped));
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
        assert!(!chart.svg.contains("app-chart__bar") && chart.table.rows.is_empty());
        assert!(chart.svg.contains(">0</text>") && chart.svg.contains(">1</text>"));
        let zeros = bars(&L, &data(&[0, 0]), "z");
        assert_eq!(attrs(&zeros.svg, BAR_CLASS, "height"), vec![0.0, 0.0]);
        check_common(&hbars(&L, &[], "h"), "h");
        let grid = heat_grid(&L, &[], &[], &[], "g");
        check_common(&grid, "g");
        assert_eq!(grid.table.head, strings(&["Week"]));
    }

    #[test]
    fn single_bar() {
        let chart = bars(&L, &data(&[5]), "one");
        check_common(&chart, "one");
        assert_eq!(attrs(&chart.svg, BAR_CLASS, "height").len(), 1);
        assert_eq!(chart.svg.matches("app-chart__xlabel").count(), 1);
    }

    #[test]
    fn bar_lengths_are_proportional() {
        let chart = bars(&L, &data(&[10, 20, 0]), "p");
        let h = attrs(&chart.svg, BAR_CLASS, "height");
        assert!((h[1] / h[0] - 2.0).abs() < 0.02 && h[2] == 0.0, "{h:?}");
        let chart = hbars(&L, &data(&[10, 20]), "q");
        let w = attrs(&chart.svg, BAR_CLASS, "width");
        assert!((w[1] / w[0] - 2.0).abs() < 0.02, "{w:?}");
    }

    #[test]
    fn sixty_bars_thin_their_labels() {
        let chart = bars(&L, &data(&(0..60).collect::<Vec<_>>()), "w");
        check_common(&chart, "w");
        assert_eq!(attrs(&chart.svg, BAR_CLASS, "height").len(), 60);
        let xs = attrs(&chart.svg, "app-chart__xlabel", "x");
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
        let parts = chart.svg.split(r#" fill=""#).skip(2);
        let fills: Vec<&str> = parts.map(|f| &f[..7]).collect();
        assert_eq!(fills.len(), 32);
        for pair in fills.chunks(2) {
            assert!(contrast(pair[0], pair[1]) >= 4.5, "{pair:?}");
        }
        // Lightest fill (0) gets black text, darkest (1,234) gets white.
        assert_eq!(fills[..2], ["#f0f6fb", "#000000"]);
        assert_eq!(fills[16..18], ["#003078", "#ffffff"]);
        assert!(chart.svg.contains(">1,234</text>"));
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
}
