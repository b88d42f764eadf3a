"""gongwen: Chinese yearbook exports and official documents (公文) → JSON records.

The same parser as the ``gongwen`` command line, in-process::

    import gongwen
    data = open("input/shizuishan-2021-wenjian.txt", "rb").read()
    lines = gongwen.extract_json(data, "input/shizuishan-2021-wenjian.txt")
    # one JSON text per official document, byte for byte the lines that
    # `gongwen extract` writes to its .jsonl output
    records = gongwen.extract(data, "x.txt")      # the same, as dicts
    t = gongwen.tables(data, "x.txt")             # {"documents", "clauses", "tasks"}: rows
    import pandas; pandas.DataFrame(t["tasks"])

Functions:

- ``extract_json(data, path) -> list[str]`` and ``extract(data, path) -> list[dict]``
  raise :class:`gongwen.Error` for an input that cannot be read (undecodable,
  empty, no text), with the reason the command line prints. Text without an
  official document gives no records.
- ``extract_many(items) -> list[dict]`` never raises for a bad input: one
  ``{"path", "records", "file", "error"}`` per ``(path, data)`` pair.
- ``tables(data, path)`` gives flat rows with the columns of :data:`COLUMNS`.
- :mod:`gongwen.spark` runs the same over Spark's ``binaryFile`` source.

Records follow the schema ``gongwen/1`` (``gongwen schema`` prints it). The
command line ends every input's JSON Lines with a *file line*
(``{"kind": "file", "path", "collection", "counts", "diagnostics"}``: the
file's counts and the diagnostics of the lines outside every document).
``extract_json`` and ``extract`` give the document records only, unless
called with ``file_line=True``, which appends the file line: the list is
then the command line's lines, byte for byte. ``extract_many`` gives it
under ``"file"``.

Parsing runs on the calling thread with the GIL released (threads parse in
parallel); no thread pool is started, so ``os.fork`` after a call is safe.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Union

from ._gongwen import COLUMNS, SCHEMA, Error, __version__, extract_json, extract_many, tables

__all__ = [
    "COLUMNS",
    "SCHEMA",
    "Error",
    "__version__",
    "extract",
    "extract_json",
    "extract_many",
    "tables",
]


def extract(
    data: Union[bytes, bytearray, memoryview, str], path: str, *, file_line: bool = False
) -> List[Dict[str, Any]]:
    """The records of one input as dicts: ``extract_json`` loaded with ``json.loads``.

    With ``file_line=True`` the last dict is the file line (``"kind": "file"``:
    path, collection, counts and the diagnostics of lines outside every
    document), as the command line writes it last.

    Raises :class:`gongwen.Error` when the input cannot be read.
    """
    return [json.loads(line) for line in extract_json(data, path, file_line=file_line)]
