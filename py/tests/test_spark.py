"""A Spark local[2] job over copies of input/ gives the binary's records,
an error row for a bad file, and Parquet tables with the CSV tables' row
counts."""

import csv
import json
import shutil
import subprocess

import pytest

pyspark = pytest.importorskip("pyspark")
pq = pytest.importorskip("pyarrow.parquet")

import gongwen  # noqa: E402
from gongwen import spark as gws  # noqa: E402
from conftest import ROOT  # noqa: E402

COPIES = 3


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    s = (
        SparkSession.builder.master("local[2]")
        .appName("gongwen-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """COPIES copies of input/*.txt in sub-folders, plus one binary file."""
    d = tmp_path_factory.mktemp("corpus")
    for k in range(COPIES):
        sub = d / f"copy{k}"
        sub.mkdir()
        for f in ROOT.glob("input/*.txt"):
            shutil.copy(f, sub / f.name)
    (d / "broken.txt").write_bytes(b"\x00\x01 not text \x00")
    (d / "notes.md").write_text("not a .txt: not read")
    return d


def without_path(line):
    rec = json.loads(line)
    rec["source"]["path"] = ""
    return json.dumps(rec, ensure_ascii=False, sort_keys=True)


def test_extract_gives_the_binarys_records(spark, corpus, binary):
    df = gws.extract(spark, str(corpus))
    assert df.rdd.getNumPartitions() > 1
    rows = df.collect()
    errors = [r for r in rows if r.error is not None]
    assert [r.path for r in errors] == [str(corpus / "broken.txt")]
    assert errors[0].record is None and "binary data" in errors[0].error
    ok = [r for r in rows if r.error is None]
    expected = []
    for f in sorted(ROOT.glob("input/*.txt")):
        out = subprocess.run(
            [str(binary), "extract", "-", "--quiet"], stdin=f.open("rb"), capture_output=True, check=True
        )
        # The DataFrame holds the records; the CLI's last line, the file
        # line, is not one.
        lines = out.stdout.decode("utf-8").splitlines()
        assert json.loads(lines[-1])["kind"] == "file"
        expected += [without_path(x) for x in lines[:-1]]
    assert sorted(without_path(r.record) for r in ok) == sorted(expected * COPIES)
    for r in ok:
        rec = json.loads(r.record)
        assert rec["source"]["path"] == r.path and r.path.startswith(str(corpus))
        assert rec["title"] == r.title and r.document >= 1


def csv_rows(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return len(list(csv.reader(f))) - 1


def test_write_tables_matches_the_csv_tables(spark, corpus, binary, tmp_path):
    out = tmp_path / "tables"
    written = gws.write_tables(spark, str(corpus), str(out))
    assert set(written) == {"documents", "clauses", "tasks", "errors"}
    subprocess.run(
        [str(binary), "extract", "input", "--format", "csv", "-o", str(tmp_path / "csv"), "--quiet"],
        cwd=ROOT,
        check=True,
    )
    read = {name: pq.read_table(str(out / name)) for name in written}
    for name in ("documents", "tasks"):
        want = sum(csv_rows(p) for p in (tmp_path / "csv").glob(f"*.{name}.csv")) * COPIES
        assert read[name].num_rows == want, name
        assert read[name].column_names == [c for c, _ in gongwen.COLUMNS[name]]
    docs = read["documents"].to_pydict()
    assert read["clauses"].num_rows == sum(docs["clauses"])
    assert read["errors"].num_rows == 1


def test_batches_of_many_files_are_handled_in_slices():
    import pyarrow as pa

    data = (ROOT / "input" / "shizuishan-2021-wenjian.txt").read_bytes()
    n = 2 * gws._SLICE + 3
    batch = pa.RecordBatch.from_pydict(
        {"path": [f"file:/x/{k}.txt" for k in range(n)], "content": [data] * n}
    )
    out = list(gws._extract_batches(iter([batch])))
    assert len(out) == 3
    assert sum(b.num_rows for b in out) == 20 * n
    assert out[0].column("path")[0].as_py() == "/x/0.txt"
