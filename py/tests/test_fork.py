"""No thread pool: a process can fork after a call and the child finishes."""

import os
import subprocess
import sys
import textwrap
import threading

import gongwen
from conftest import ROOT

SAMPLE = ROOT / "input" / "shizuishan-2021-wenjian.txt"


def test_fork_after_a_call_does_not_hang():
    script = textwrap.dedent(
        f"""
        import os, sys, gongwen
        data = open({str(SAMPLE)!r}, "rb").read()
        first = gongwen.extract_json(data, "x.txt")
        pid = os.fork()
        if pid == 0:
            ok = gongwen.extract_json(data, "x.txt") == first
            os._exit(0 if ok else 3)
        _, status = os.waitpid(pid, 0)
        sys.exit(os.waitstatus_to_exitcode(status))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert out.returncode == 0


def test_a_call_starts_no_thread():
    if not os.path.isdir("/proc/self/task"):
        return
    script = textwrap.dedent(
        f"""
        import os, gongwen
        data = open({str(SAMPLE)!r}, "rb").read()
        gongwen.extract_json(data, "x.txt"); gongwen.tables(data, "x.txt")
        print(len(os.listdir("/proc/self/task")))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60, check=True)
    assert out.stdout.strip() == b"1"


def test_threads_parse_at_once_and_agree():
    data = SAMPLE.read_bytes()
    expected = gongwen.extract_json(data, "x.txt")
    results = [None] * 4

    def work(k):
        results[k] = gongwen.extract_json(data, "x.txt")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == [expected] * 4
