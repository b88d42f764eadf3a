#!/usr/bin/env python3
"""Throughput of the Python binding against the command line, one thread each.

    python3 benches/py_throughput.py            # 50 copies of input/*.txt
    COPIES=20 RUNS=9 python3 benches/py_throughput.py

Needs the package installed (``pip install`` the wheel of py/) and the release
binary (``cargo build --release``). Both sides read every file, parse it and
serialise its records: ``gongwen.extract_json`` in one Python thread, and
``gongwen extract --files-from - -j 1`` writing JSON Lines to /dev/null (no
output files, so no fsync on the CLI's side). Prints MB/s of each, best of
RUNS, and the ratio binding ÷ CLI.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gongwen

ROOT = Path(__file__).resolve().parents[1]
COPIES = int(os.environ.get("COPIES", "50"))
RUNS = int(os.environ.get("RUNS", "5"))
BIN = Path(os.environ.get("GONGWEN_BIN", ROOT / "target" / "release" / "gongwen"))


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="gw-pybench-"))
    try:
        files = []
        for k in range(COPIES):
            for f in sorted(ROOT.glob("input/*.txt")):
                dest = work / f"{k:03}-{f.name}"
                shutil.copy(f, dest)
                files.append(dest)
        mb = sum(f.stat().st_size for f in files) / 1e6
        listing = "".join(f"{f}\n" for f in files).encode()

        def binding() -> float:
            t = time.perf_counter()
            n = 0
            for f in files:
                n += len(gongwen.extract_json(f.read_bytes(), str(f)))
            assert n > 0
            return time.perf_counter() - t

        def cli() -> float:
            t = time.perf_counter()
            subprocess.run(
                [str(BIN), "extract", "--files-from", "-", "-j", "1", "--quiet"],
                input=listing,
                stdout=subprocess.DEVNULL,
                check=True,
            )
            return time.perf_counter() - t

        py_best = cli_best = float("inf")
        for _ in range(RUNS):
            py_best = min(py_best, binding())
            cli_best = min(cli_best, cli())
        print(f"{len(files)} files, {mb:.1f} MB, best of {RUNS}")
        print(f"python extract_json, 1 thread: {mb / py_best:7.1f} MB/s ({py_best:.2f} s)")
        print(f"cli extract -j 1:              {mb / cli_best:7.1f} MB/s ({cli_best:.2f} s)")
        print(f"ratio python / cli: {cli_best / py_best:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
