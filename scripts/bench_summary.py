"""The summary table of scripts/bench-all.sh (issue 6), written into BENCHMARKS.md.

Reads the `RESULT key=value` and `META key=value` lines that the benchmark scripts printed
and replaces what is between the bench-all markers in BENCHMARKS.md (adding the section
before the first `## ` heading if the markers are not there yet).

    python3 scripts/bench_summary.py RESULTS BENCHMARKS.md
"""

import re
import sys

START, END = "<!-- bench-all:start -->", "<!-- bench-all:end -->"
HEADING = "## Summary: the whole suite (issue 6)"
INTRO = """`make bench-all` (`scripts/bench-all.sh`) runs every benchmark in this file in one go and
writes this table; the sections below explain each measurement and how it got there. Memory is
the server's resident set from `/proc/PID/status`: `VmRSS` at idle, `VmHWM` (the peak over its
life) for load. Start-up is the time from exec to the first 200 from `/readyz`. "× ours"
divides a PostGIS or Python time by the slower of our two Store p50s (SQLite, PostgreSQL)."""


def read(path):
    results, meta = {}, {}
    for line in open(path, encoding="utf-8"):
        kind, _, rest = line.strip().partition(" ")
        key, _, value = rest.partition("=")
        if kind == "RESULT":
            results[key] = value
        elif kind == "META":
            meta[key] = value
    return results, meta


def ms(text):
    """`12.8ms`, `1.2s`, `950.3µs`, `3.18µs`, `12.80` (ms) as milliseconds; None if absent."""
    m = re.fullmatch(r"\s*([0-9.]+)\s*(ns|µs|us|ms|s)?\s*", text or "")
    if not m:
        return None
    scale = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1000.0, None: 1.0}
    return float(m.group(1)) * scale[m.group(2)]


def num(text):
    m = re.match(r"\s*([0-9.]+)", text or "")
    return float(m.group(1)) if m else None


def fmt_ms(v):
    if v is None:
        return "–"
    if v < 0.1:
        return f"{v * 1000:.2f} µs"
    if v < 10:
        return f"{v:.2f} ms"
    if v < 10000:
        return f"{v:,.1f} ms" if v < 100 else f"{v:,.0f} ms"
    return f"{v / 1000:,.1f} s"


def fmt_n(v):
    return "–" if v is None else f"{v:,.0f}"


def fmt_kb(v):
    return "–" if v is None else f"{v / 1024:,.0f} MiB"


def met(ok):
    return "–" if ok is None else ("**yes**" if ok else "**no**")


def rows(r, sizes):
    out = []
    add = lambda *cells: out.append(cells)

    page, router = ms(r.get("render.page")), ms(r.get("render.router"))
    add("render `/advice/stalking` (askama + Fluent), criterion median", fmt_ms(page),
        "< 20 µs", met(None if page is None else page < 0.020))
    add("`GET /advice/stalking` through router and middleware, in process", fmt_ms(router), "", "–")

    hello = num(r.get("http.hello_rps"))
    add("axum hello world over loopback (the ceiling), req/s", fmt_n(hello), "", "–")
    for key, label in (("returning", "returning visitor"),
                       ("first_visit", "real first visit (no cookie)")):
        rps, ratio = num(r.get(f"http.{key}_rps")), num(r.get(f"http.{key}_ratio"))
        value = "–" if rps is None else f"{fmt_n(rps)} ({ratio:.0f}% of hello world)"
        add(f"`/advice/stalking` over loopback, {label}, req/s", value,
            "≥ 70% of hello world", met(None if ratio is None else ratio >= 70))
    ceiling = num(r.get("http.ceiling_ratio"))
    add("the same page's bytes and headers from bare axum (examples/static_page.rs), "
        "share of hello world", "–" if ceiling is None else f"{ceiling:.0f}%", "", "–")

    # Issue 15: Lighthouse mobile (simulated slow 4G), first visit with an empty cache.
    for key, label in (("home", "`/`"), ("advice", "`/advice/stalking`"),
                       ("stalking", "`/report-stalking/danger`"),
                       ("place", "`/unsafe-place/where`")):
        score = num(r.get(f"pages.{key}.score"))
        fcp, lcp = ms(r.get(f"pages.{key}.fcp")), ms(r.get(f"pages.{key}.lcp"))
        value = "–" if score is None else (
            f"{score:.0f} (FCP {fcp / 1000:.2f} s, LCP {lcp / 1000:.2f} s)")
        ok = None if score is None else (score >= 100 and fcp <= 1000 and lcp <= 1200)
        add(f"Lighthouse mobile performance, {label}", value,
            "100, FCP ≤ 1.0 s, LCP ≤ 1.2 s", met(ok))
    weight = num(r.get("pages.advice.bytes"))
    add("first visit to `/advice/stalking`, bytes on the wire (Lighthouse)",
        "–" if weight is None else f"{weight / 1024:.1f} KiB", "≤ 40 KiB",
        met(None if weight is None else weight <= 40 * 1024))

    for db, label in (("sqlite", "SQLite (WAL, `synchronous=FULL`)"), ("pg", "PostgreSQL")):
        rate = num(r.get(f"submit.{db}.rate"))
        p50, p99 = ms(r.get(f"submit.{db}.p50")), ms(r.get(f"submit.{db}.p99"))
        failed = r.get(f"submit.{db}.failed")
        value = "–" if rate is None else (
            f"{fmt_n(rate)}/s (p50 {fmt_ms(p50)}, p99 {fmt_ms(p99)}, {failed} failed)")
        if db == "sqlite":
            ok = None if rate is None else (rate >= 2000 and p99 is not None and p99 < 50
                                            and failed == "0")
            add(f"durable submissions, {label}", value, "≥ 2,000/s, p99 < 50 ms", met(ok))
        else:
            add(f"durable submissions, {label}", value, "", "–")

    for n in sizes:
        h = lambda k: r.get(f"hot.{n}.{k}")
        target = 20 if n <= 1_000_000 else (100 if n <= 10_000_000 else None)
        s50, p50 = ms(h("sqlite.store_p50_ms")), ms(h("pg.store_p50_ms"))
        label = f"{n:,} reports"
        ok = None if target is None or s50 is None or p50 is None else max(s50, p50) < target
        add(f"hotspot query p50, Store, {label} (SQLite / PostgreSQL)",
            f"{fmt_ms(s50)} / {fmt_ms(p50)}", f"< {target} ms" if target else "", met(ok))
        add(f"hotspot query p50, HTTP `GET /api/v1/hotspots`, {label} (SQLite / PostgreSQL)",
            f"{fmt_ms(ms(h('sqlite.http_p50_ms')))} / {fmt_ms(ms(h('pg.http_p50_ms')))}", "", "–")
        ours = max(v for v in (s50, p50, 1e-9) if v is not None)
        for key, what, aim in (
            ("postgis_hex_p50_ms", "PostGIS `ST_HexagonGrid` join", 10),
            ("postgis_snap_p50_ms", "PostGIS `ST_SnapToGrid` group", None),
            ("python_h3_p50_ms", "Python h3 `latlng_to_cell` + pandas groupby", None),
        ):
            v = ms(h(key))
            times = None if v is None or s50 is None else v / ours
            value = "–" if v is None else f"{fmt_ms(v)} ({times:,.0f}× ours)"
            add(f"{what} p50, same data, {label}", value,
                f"ours ≥ {aim}× faster" if aim else "",
                met(None if aim is None or times is None else times >= aim))
        ing = [(num(h(f"{db}.ingest_rps")), h(f"{db}.ingest_s")) for db in ("sqlite", "pg")]
        add(f"`demo-data` ingest, {label} (SQLite / PostgreSQL)",
            " / ".join("–" if a is None else f"{fmt_n(a)}/s ({b} s)" for a, b in ing), "", "–")

    idle, idle_peak = num(r.get("mem.idle_rss_kb")), num(r.get("mem.idle_peak_kb"))
    add("server memory at idle (fresh start + 2,000 demo reports), RSS (peak)",
        f"{fmt_kb(idle)} ({fmt_kb(idle_peak)})", "", "–")
    add("server peak memory under the wrk load (`VmHWM`)",
        fmt_kb(num(r.get("mem.http_load_peak_kb"))), "", "–")
    add("server peak memory under the submission load, SQLite / PostgreSQL",
        f"{fmt_kb(num(r.get('mem.submit_sqlite_peak_kb')))} / "
        f"{fmt_kb(num(r.get('mem.submit_pg_peak_kb')))}", "", "–")
    for n in sizes:
        add(f"server peak memory serving hotspots, {n:,} reports, SQLite / PostgreSQL",
            f"{fmt_kb(num(r.get(f'mem.hot_{n}_sqlite_server_peak_kb')))} / "
            f"{fmt_kb(num(r.get(f'mem.hot_{n}_pg_server_peak_kb')))}", "", "–")

    starts = r.get("startup.starts", "?")
    add(f"start-up to ready (`/readyz`), fresh SQLite folder, median of {starts}",
        fmt_ms(num(r.get("startup.fresh_ms"))), "", "–")
    add(f"start-up to ready (`/readyz`), existing SQLite folder, median of {starts}",
        fmt_ms(num(r.get("startup.existing_ms"))), "", "–")
    return out


def block(r, m):
    sizes = sorted({int(k.split(".")[1]) for k in r if k.startswith("hot.")})
    lines = [START, "<!-- written by scripts/bench-all.sh: edits here are replaced -->", ""]
    if m.get("quick"):
        lines += ["**A `QUICK=1` run, to check the script: small sizes and seconds-long runs. "
                  "These figures are not the benchmark; `make bench-all` replaces them.**", ""]
    seconds = int(m.get("duration", "0"))
    took = f"{seconds // 60} min" if seconds >= 120 else f"{seconds} s"
    lines += [
        f"**Run:** {m.get('date')}, `{m.get('command')}` at commit {m.get('commit')}, "
        f"{took}; {m.get('settings')}.",
        f"**Machine:** {m.get('nproc')} × {m.get('cpu')}, {m.get('ram')} RAM, Linux "
        f"{m.get('kernel')}, {m.get('rustc')}, PostgreSQL {m.get('postgres')}, "
        f"{m.get('python')}; load average {m.get('load')}.",
        "",
        "| metric | value | target | met? |",
        "|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(c) + " |" for c in rows(r, sizes)]
    lines += ["", END]
    return "\n".join(lines)


def main():
    results, meta = read(sys.argv[1])
    path = sys.argv[2]
    text = open(path, encoding="utf-8").read()
    new = block(results, meta)
    if START in text and END in text:
        before, rest = text.split(START, 1)
        _, after = rest.split(END, 1)
        text = before + new + after
    else:
        at = text.index("\n## ") + 1
        text = text[:at] + f"{HEADING}\n\n{INTRO}\n\n{new}\n\n" + text[at:]
    open(path, "w", encoding="utf-8").write(text)
    print(new)


if __name__ == "__main__":
    main()
