"""The binding's records and tables equal the command line's."""

import csv
import json
import subprocess

import pytest

import gongwen
from conftest import ROOT, inputs


def cli_lines(binary, path):
    """`gongwen extract - --stdin-name REL` for one file: its JSONL lines."""
    rel = str(path.relative_to(ROOT))
    out = subprocess.run(
        [str(binary), "extract", "-", "--stdin-name", rel, "--quiet"],
        stdin=path.open("rb"),
        capture_output=True,
        check=True,
    )
    return out.stdout.decode("utf-8").splitlines()


@pytest.mark.parametrize("path", inputs(), ids=lambda p: p.name)
def test_extract_json_equals_the_cli(binary, path):
    rel = str(path.relative_to(ROOT))
    data = path.read_bytes()
    lines = gongwen.extract_json(data, rel, file_line=True)
    # The CLI's lines, byte for byte: the records, then the file line.
    assert lines == cli_lines(binary, path)
    file = json.loads(lines[-1])
    assert file["kind"] == "file" and file["path"] == rel
    assert "title" not in file and "source" not in file
    records = gongwen.extract_json(data, rel)
    assert records == lines[:-1]
    assert file["counts"]["documents"] == len(records)
    # A case whose gold holds no document (a yearbook granule that is not a
    # 文件选辑) gives no records, in both; its file line is still there.
    gold = path.with_name(path.name[: -len(".txt")] + ".gold.json")
    none_expected = gold.exists() and json.loads(gold.read_text("utf-8"))["documents"] == []
    assert records or none_expected, rel


def test_committed_output_is_what_the_binding_gives():
    src = ROOT / "input" / "shizuishan-2021-wenjian.txt"
    expected = (ROOT / "output" / "shizuishan-2021-wenjian.jsonl").read_text("utf-8").splitlines()
    name = "input/shizuishan-2021-wenjian.txt"
    assert gongwen.extract_json(src.read_bytes(), name, file_line=True) == expected
    assert gongwen.extract_json(src.read_bytes(), name) == expected[:-1]


def test_extract_loads_the_json_and_str_input_gives_the_same():
    src = ROOT / "input" / "shizuishan-2021-wenjian.txt"
    records = gongwen.extract(src.read_bytes(), "x.txt")
    assert records == [json.loads(s) for s in gongwen.extract_json(src.read_bytes(), "x.txt")]
    assert records[0]["schema"] == gongwen.SCHEMA
    assert gongwen.extract(src.read_text("utf-8"), "x.txt") == records
    assert gongwen.extract(bytearray(src.read_bytes()), "x.txt") == records
    with_file = gongwen.extract(src.read_bytes(), "x.txt", file_line=True)
    assert with_file[:-1] == records
    assert with_file[-1]["kind"] == "file" and with_file[-1]["counts"]["documents"] == len(records)
    assert with_file[-1]["collection"] == records[0]["collection"]


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def as_csv(v):
    return "" if v is None else (str(v).lower() if isinstance(v, bool) else str(v))


@pytest.mark.parametrize("path", inputs(), ids=lambda p: p.name)
def test_tables_equal_the_csv_tables(binary, path, tmp_path):
    rel = str(path.relative_to(ROOT))
    subprocess.run(
        [str(binary), "extract", rel, "--format", "csv", "-o", str(tmp_path), "--quiet"],
        cwd=ROOT,
        check=True,
    )
    t = gongwen.tables(path.read_bytes(), rel)
    for table in ("documents", "tasks"):
        rows = read_csv(tmp_path / f"{path.stem}.{table}.csv")
        header = [c for c, _ in gongwen.COLUMNS[table]]
        assert rows[0] == header
        assert [[as_csv(r[c]) for c in header] for r in t[table]] == rows[1:]
    clause_total = sum(r["clauses"] for r in t["documents"])
    assert len(t["clauses"]) == clause_total
    assert sum(r["has_task"] for r in t["clauses"]) == len(t["tasks"])


def test_columns_have_fixed_types():
    src = ROOT / "input" / "shizuishan-2021-wenjian.txt"
    t = gongwen.tables(src.read_bytes(), "x.txt")
    py = {"str": str, "int": int, "bool": bool}
    for table, columns in gongwen.COLUMNS.items():
        assert t[table], table
        for row in t[table]:
            assert list(row) == [c for c, _ in columns]
            for c, ty in columns:
                assert row[c] is None or type(row[c]) is py[ty], (table, c, row[c])
    assert t["clauses"][0]["clause_path"] == "一"
    assert any("/" in r["clause_path"] for r in t["tasks"])


def test_help_documents_the_package():
    doc = gongwen.__doc__
    assert "extract_json" in doc and "gongwen.spark" in doc
    for f in (gongwen.extract_json, gongwen.extract_many, gongwen.tables, gongwen.extract):
        assert f.__doc__ and len(f.__doc__) > 80


def test_tables_load_into_arrow_with_a_fixed_schema():
    pa = pytest.importorskip("pyarrow")
    types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
    src = ROOT / "input" / "shizuishan-2021-wenjian.txt"
    t = gongwen.tables(src.read_bytes(), "x.txt")
    for table, columns in gongwen.COLUMNS.items():
        schema = pa.schema([(c, types[ty]) for c, ty in columns])
        arrow = pa.Table.from_pylist(t[table], schema=schema)
        assert arrow.num_rows == len(t[table]) and arrow.schema == schema
