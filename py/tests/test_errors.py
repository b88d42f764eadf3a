"""Bad input: a typed error from the single-document functions, an error
record (never an exception) from extract_many; the CLI's reason. Text that
holds no official document is no error: zero records, as the CLI writes."""

import json
import subprocess

import pytest

import gongwen
from conftest import ROOT

BAD = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n",
    "binary.txt": b"\x00\x01\x02abc\x00",
}

NO_DOCUMENT = {
    "prose.txt": "这是一段普通的文字，没有任何公文。\n第二行也不是。\n".encode("utf-8"),
    "table.txt": b"a,b,c\n1,2,3\n",
}


def cli_error(binary, name, data, tmp_path):
    f = tmp_path / name
    f.write_bytes(data)
    out = subprocess.run(
        [str(binary), "extract", name, "-o", "out", "--quiet"],
        cwd=tmp_path,
        capture_output=True,
    )
    assert out.returncode == 1
    return out.stderr.decode("utf-8").strip()


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_raises_the_cli_reason(binary, tmp_path, name):
    with pytest.raises(gongwen.Error) as e:
        gongwen.extract_json(BAD[name], name)
    assert str(e.value) == cli_error(binary, name, BAD[name], tmp_path)
    assert e.value.path == name
    assert e.value.reason and e.value.reason in str(e.value)
    with pytest.raises(gongwen.Error):
        gongwen.tables(BAD[name], name)
    with pytest.raises(gongwen.Error):
        gongwen.extract(BAD[name], name)


def test_error_is_an_exception_class_with_a_line():
    assert issubclass(gongwen.Error, Exception)
    with pytest.raises(gongwen.Error) as e:
        gongwen.extract_json(BAD["binary.txt"], "binary.txt")
    assert e.value.line is None
    assert str(e.value).startswith("binary.txt: binary data")


@pytest.mark.parametrize("name", sorted(NO_DOCUMENT))
def test_text_without_a_document_gives_no_records(binary, tmp_path, name):
    assert gongwen.extract_json(NO_DOCUMENT[name], name) == []
    (file,) = gongwen.extract_json(NO_DOCUMENT[name], name, file_line=True)
    f = tmp_path / name
    f.write_bytes(NO_DOCUMENT[name])
    out = subprocess.run(
        [str(binary), "extract", name, "-o", "out", "--quiet"],
        cwd=tmp_path,
        capture_output=True,
    )
    assert out.returncode == 0, out.stderr
    # The CLI writes the file line alone: the lines, all unplaced.
    assert (tmp_path / "out" / (name[:-4] + ".jsonl")).read_text("utf-8") == file + "\n"
    line = json.loads(file)
    assert line["counts"]["documents"] == 0
    assert line["counts"]["unplaced"] == line["counts"]["lines"] == NO_DOCUMENT[name].count(b"\n")


def test_extract_many_gives_error_records_and_goes_on():
    good = (ROOT / "input" / "shizuishan-2021-wenjian.txt").read_bytes()
    items = [("a.txt", good)] + sorted(BAD.items()) + sorted(NO_DOCUMENT.items()) + [("z.txt", good)]
    res = gongwen.extract_many(items)
    assert [r["path"] for r in res] == [p for p, _ in items]
    assert res[0]["error"] is None and res[0]["records"] == gongwen.extract_json(good, "a.txt")
    assert res[0]["records"] + [res[0]["file"]] == gongwen.extract_json(good, "a.txt", file_line=True)
    assert res[-1]["records"] == gongwen.extract_json(good, "z.txt")
    for r in res[1:-1]:
        if r["path"] in NO_DOCUMENT:
            assert r["records"] == [] and r["error"] is None
            assert json.loads(r["file"])["counts"]["documents"] == 0
        else:
            assert r["records"] == [] and r["file"] is None
            assert r["error"].startswith(r["path"] + ":")


def test_wrong_type_is_a_type_error():
    with pytest.raises(TypeError):
        gongwen.extract_json(12, "x.txt")
