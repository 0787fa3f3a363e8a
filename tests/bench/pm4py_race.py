"""pm4py's side of the event-log workload (tests/bench/event-log.ts runs it beside LTC Lens).

    python3 tests/bench/pm4py_race.py LOG.csv

The same work as ours, with pm4py's simplified interface (pm4py 2.7): load the CSV
(`case_id,activity,timestamp`) into a dataframe and format it as an event log, the DFG with its
start and end activities, the performance DFG, the variants, the case durations. Prints one JSON
line on stdout: each step's seconds, the counts the bench checks against the generator's own (arcs
with their counts, variants, cases, events) and the peak RSS of this process. The bench times the
whole process from outside as well, Python's start and imports included, as a user would wait.

Setting it up: `pip install pm4py` (it brings pandas). Without it the script exits 3 and says so,
and BENCHMARKS.md says pm4py was not available.
"""
import json
import resource
import sys
import time

try:
    import pandas as pd
    import pm4py
except ImportError as missing:  # the bench reports "pm4py not available"
    print(f"pm4py not available: {missing}", file=sys.stderr)
    sys.exit(3)


def timed(work):
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def variant_name(variant):
    """A variant as the bench names it: its activities joined by →; pm4py gives a tuple (older: "a,b")."""
    return "→".join(variant.split(",") if isinstance(variant, str) else variant)


def main(path):
    def load():
        frame = pd.read_csv(path, dtype={"case_id": str, "activity": str, "timestamp": str})
        frame["timestamp"] = pd.to_datetime(frame["timestamp"], format="%Y-%m-%d %H:%M:%S")
        # Sorts by case, then timestamp, then file order: the ties by file order LTC Lens keeps too.
        return pm4py.format_dataframe(frame, case_id="case_id", activity_key="activity", timestamp_key="timestamp")

    log, load_s = timed(load)
    (dfg, starts, ends), dfg_s = timed(lambda: pm4py.discover_dfg(log))
    (performance, _, _), performance_s = timed(lambda: pm4py.discover_performance_dfg(log))
    variants, variants_s = timed(lambda: pm4py.get_variants(log))
    durations, durations_s = timed(lambda: pm4py.get_all_case_durations(log))
    print(json.dumps({
        "pm4py": pm4py.__version__,
        "seconds": {"load": load_s, "dfg": dfg_s, "performance_dfg": performance_s,
                    "variants": variants_s, "durations": durations_s},
        "events": int(len(log)),
        "arcs": {f"{a}→{b}": int(count) for (a, b), count in dfg.items()},
        "performance_arcs": len(performance),
        "start_activities": int(sum(starts.values())),
        "end_activities": int(sum(ends.values())),
        # pm4py 2.7 counts each variant's cases; older versions listed the cases themselves.
        "variants": {variant_name(v): (c if isinstance(c, int) else len(c)) for v, c in variants.items()},
        "cases": len(durations),
        "duration_seconds": float(sum(durations)),
        # ru_maxrss is in kilobytes on Linux, bytes on macOS.
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
