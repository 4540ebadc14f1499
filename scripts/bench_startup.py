"""Start-up time and idle memory of `saferstreets serve`, for scripts/bench-all.sh (issue 6).

Start-up time: from just before exec to the first 200 from /readyz, on a fresh SQLite data
folder (created, migrated and given the demo data by that start) and on an existing one;
median of STARTS each. Idle memory: VmRSS and VmHWM of a server a few seconds after it
started on a fresh folder (demo data included). Every server is started on 127.0.0.1:0 and
stopped (SIGTERM, then SIGKILL) before the next; prints `RESULT key=value` lines.

    python3 scripts/bench_startup.py BINARY STARTS WORKDIR
"""

import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request

TIMEOUT = 60.0  # seconds for one start; then it counts as a failure
ENV = dict(
    os.environ,
    RUST_LOG="warn",
    # Abuse controls off, as for every run of ours (the config ignores unknown keys).
    SAFERSTREETS_RATE_LIMITS="false",
    SAFERSTREETS_MIN_FILL_SECONDS="0",
    SAFERSTREETS_PROOF_OF_WORK="off",
)


def start(binary, folder):
    """Start a server on `folder`; return (process, url, seconds to the first ready answer)."""
    env = dict(ENV, SAFERSTREETS_DATA_DIR=folder, SAFERSTREETS_KEYS_DIR=os.path.join(folder, "keys"))
    url = None
    started = time.perf_counter()
    proc = subprocess.Popen(
        [binary, "serve", "--listen", "127.0.0.1:0", "--database-url", f"sqlite://{folder}/bench.db"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    try:
        line = proc.stdout.readline()  # "saferstreets listening on http://127.0.0.1:PORT"
        found = re.search(r"http://127\.0\.0\.1:[0-9]+", line)
        if not found:
            raise RuntimeError(f"no loopback address in {line!r}")
        url = found.group(0)
        while time.perf_counter() - started < TIMEOUT:
            try:
                with urllib.request.urlopen(f"{url}/readyz", timeout=5) as r:
                    if r.status == 200:
                        return proc, url, time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.002)
        raise RuntimeError("not ready in time")
    except BaseException:
        stop(proc)
        raise


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def main():
    binary, starts, work = sys.argv[1], max(1, int(sys.argv[2])), sys.argv[3]
    fresh, existing = [], []
    shared = os.path.join(work, "existing")
    os.makedirs(shared)
    proc, _, _ = start(binary, shared)  # creates the folder's database and demo data
    stop(proc)
    for i in range(starts):
        folder = os.path.join(work, f"fresh{i}")
        os.makedirs(folder)
        proc, _, t = start(binary, folder)
        fresh.append(t)
        stop(proc)
        proc, _, t = start(binary, shared)
        existing.append(t)
        stop(proc)
    print(f"RESULT startup.starts={starts}")
    print(f"RESULT startup.fresh_ms={statistics.median(fresh) * 1000:.0f}")
    print(f"RESULT startup.existing_ms={statistics.median(existing) * 1000:.0f}")
    folder = os.path.join(work, "idle")
    os.makedirs(folder)
    proc, _, _ = start(binary, folder)
    try:
        time.sleep(3)  # let the demo data and the hotspot index settle
        print(f"RESULT mem.idle_rss_kb={status_kb(proc.pid, 'VmRSS')}")
        print(f"RESULT mem.idle_peak_kb={status_kb(proc.pid, 'VmHWM')}")
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
