"""What an analyst would do without the workbench, timed the same way as the bench's own runs.

    python3 bench/peers.py pandas <file.xlsx> <out.sqlite>
    python3 bench/peers.py sqlite-utils <file.csv> <out.sqlite>

Prints one JSON line: wall time of the job (pandas: read every sheet with openpyxl, then
DataFrame.to_sql; sqlite-utils: the `insert --csv` command, Python start included) and peak RSS.
"""

import json
import resource
import subprocess
import sys
import time


def peak_mb(who):
    return resource.getrusage(who).ru_maxrss / 1024


def run_pandas(path, db_path):
    import sqlite3

    import pandas as pd

    started = time.perf_counter()
    sheets = pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")
    with sqlite3.connect(db_path) as con:
        for name, frame in sheets.items():
            frame.columns = [f"c{i}" for i in range(frame.shape[1])]
            frame.to_sql(name, con, index=False, if_exists="replace")
    ms = (time.perf_counter() - started) * 1000
    rows = sum(len(frame) for frame in sheets.values())
    return {"ok": True, "ms": ms, "peakRssMb": peak_mb(resource.RUSAGE_SELF), "rows": rows}


def run_sqlite_utils(path, db_path):
    started = time.perf_counter()
    # Every row of a spreadsheet's CSV export has the table's width and the first is a title,
    # so the analyst's command reads it without a header row.
    command = ["sqlite-utils", "insert", db_path, "lines", path, "--csv", "--delimiter", ";"]
    done = subprocess.run(command + ["--no-headers"], capture_output=True, text=True)
    ms = (time.perf_counter() - started) * 1000
    result = {"ok": done.returncode == 0, "ms": ms, "peakRssMb": peak_mb(resource.RUSAGE_CHILDREN)}
    if done.returncode != 0:
        result["error"] = done.stderr.strip()[-300:]
    return result


def main():
    peer, path, db_path = sys.argv[1:4]
    run = run_pandas if peer == "pandas" else run_sqlite_utils
    try:
        result = run(path, db_path)
    except Exception as error:  # a peer that cannot run is reported, not fatal to the bench
        result = {"ok": False, "ms": 0, "peakRssMb": 0, "error": repr(error)[:300]}
    print(json.dumps(result))


main()
