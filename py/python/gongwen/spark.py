"""gongwen on Spark: the records and tables of many files as DataFrames.

::

    from gongwen import spark as gws
    df = gws.extract(spark, "hdfs:///archive/**/*.txt")     # one row per document
    t = gws.tables(spark, ["/data/a", "/data/b"])           # {"documents", "clauses", "tasks", "errors"}
    gws.write_tables(spark, "/data/archive", "/out/gongwen")  # Parquet: out/documents, out/clauses, …

Files are read with Spark's ``binaryFile`` source (directories recursively,
``*.txt`` by default), spread over every core (one partition per file up to
four per core, hashed by path) and parsed on the executors with
``mapInArrow``, so the ``gongwen`` package (and ``pyarrow``) must be
installed there too: ship a packed virtual environment with
``spark-submit --archives``. Schemas are fixed: no inference pass.

A file that cannot be read (undecodable, empty, no official document in it)
never fails the job: it gives one row with ``error`` set (``path: reason``,
as the command line prints it) and no record.

``source.path`` in the records and the ``path``/``source`` columns are the
file's path as Spark names it, with a leading ``file:`` dropped.

The DataFrames hold the document records only: the file line that ends
each input's output on the command line (its counts and the diagnostics of
lines outside every document) is not carried, and a file without a
document gives no row. ``gongwen.extract_many`` gives the file line, under
``"file"``, where a job needs it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Dict, Iterator, List, Sequence, Union

import gongwen

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

Paths = Union[str, Sequence[str]]

#: Columns of :func:`extract`'s DataFrame, as a Spark DDL schema.
RECORD_SCHEMA = (
    "path string, document int, title string, doc_type string, doc_number string, "
    "year int, date string, record string, error string"
)

_SPARK_TYPES = {"str": "string", "int": "bigint", "bool": "boolean"}


def _name(path: str) -> str:
    """The path a record names: Spark's path without a ``file:`` scheme."""
    if path.startswith("file://"):
        return path[len("file://") :]
    if path.startswith("file:"):
        return path[len("file:") :]
    return path


def _files(spark: "SparkSession", paths: Paths, glob: str) -> "DataFrame":
    """(path, content) of every input file, one partition per file up to
    four per core: small files do not end up in one task."""
    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    if glob:
        reader = reader.option("pathGlobFilter", glob)
    df = reader.load(list(paths) if not isinstance(paths, str) else paths)
    n = len(df.inputFiles())
    parts = max(1, min(n, 4 * spark.sparkContext.defaultParallelism))
    return df.select("path", "content").repartition(parts, "path")


def _extract_batches(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
    import pyarrow as pa

    schema = _record_arrow_schema()
    for batch in _slices(batches):
        cols: Dict[str, List] = {f.name: [] for f in schema}
        items = [
            (_name(p), c)
            for p, c in zip(batch.column("path").to_pylist(), batch.column("content").to_pylist())
        ]
        for res in gongwen.extract_many(items):
            if res["error"] is not None:
                _append(cols, path=res["path"], error=res["error"])
                continue
            for k, line in enumerate(res["records"]):
                rec = json.loads(line)
                num = rec.get("doc_number") or {}
                _append(
                    cols,
                    path=res["path"],
                    document=k + 1,
                    title=rec.get("title"),
                    doc_type=rec.get("doc_type"),
                    doc_number=num.get("raw"),
                    year=num.get("year"),
                    date=rec.get("date"),
                    record=line,
                )
        yield pa.RecordBatch.from_pydict(cols, schema=schema)


#: Files handled (and copied into Python) at a time within an Arrow batch.
_SLICE = 32


def _slices(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
    """The input batches in slices of at most ``_SLICE`` files, so that a
    batch of large files is not copied into Python all at once and output
    batches stay small."""
    for batch in batches:
        for off in range(0, batch.num_rows, _SLICE):
            yield batch.slice(off, _SLICE)


def _append(cols: Dict[str, List], **values) -> None:
    for name, col in cols.items():
        col.append(values.get(name))


def _record_arrow_schema() -> "pa.Schema":
    import pyarrow as pa

    return pa.schema(
        [
            ("path", pa.string()),
            ("document", pa.int32()),
            ("title", pa.string()),
            ("doc_type", pa.string()),
            ("doc_number", pa.string()),
            ("year", pa.int32()),
            ("date", pa.string()),
            ("record", pa.string()),
            ("error", pa.string()),
        ]
    )


def extract(spark: "SparkSession", paths: Paths, glob: str = "*.txt") -> "DataFrame":
    """One row per document of every file under ``paths`` (files,
    directories or globs): the record as JSON (``record``, the CLI's JSONL
    line) beside flat columns; a file that failed gives one row with
    ``error`` set and ``record`` null. Schema: :data:`RECORD_SCHEMA`."""
    return _files(spark, paths, glob).mapInArrow(_extract_batches, RECORD_SCHEMA)


def _wide_columns() -> List[tuple]:
    """The columns of the three tables side by side (``table__column``),
    with ``table`` naming which one a row belongs to."""
    cols = [("table", "str"), ("path", "str"), ("error", "str")]
    for table, columns in gongwen.COLUMNS.items():
        cols.extend((f"{table}__{c}", t) for c, t in columns)
    return cols


def _tables_batches(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
    wide = _wide_columns()
    schema = pa.schema([(c, types[t]) for c, t in wide])
    for batch in _slices(batches):
        cols: Dict[str, List] = {c: [] for c, _ in wide}
        for p, content in zip(
            batch.column("path").to_pylist(), batch.column("content").to_pylist()
        ):
            path = _name(p)
            try:
                t = gongwen.tables(content, path)
            except gongwen.Error as e:
                _append(cols, table="error", path=path, error=str(e))
                continue
            for table, rows in t.items():
                for row in rows:
                    values = {f"{table}__{c}": v for c, v in row.items()}
                    _append(cols, table=table, path=path, **values)
        yield pa.RecordBatch.from_pydict(cols, schema=schema)


def tables(spark: "SparkSession", paths: Paths, glob: str = "*.txt") -> Dict[str, "DataFrame"]:
    """The flat tables of every file under ``paths``: ``documents``,
    ``clauses`` and ``tasks`` (the columns of :data:`gongwen.COLUMNS`), and
    ``errors`` (``path``, ``error``) for files that failed. The files are
    parsed once; the DataFrames share a persisted intermediate."""
    return _tables(spark, paths, glob)[1]


def _tables(spark: "SparkSession", paths: Paths, glob: str):
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    ddl = ", ".join(f"{c} {_SPARK_TYPES[t]}" for c, t in _wide_columns())
    wide = (
        _files(spark, paths, glob)
        .mapInArrow(_tables_batches, ddl)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    out = {}
    for table, columns in gongwen.COLUMNS.items():
        out[table] = wide.where(F.col("table") == table).select(
            *[F.col(f"{table}__{c}").alias(c) for c, _ in columns]
        )
    out["errors"] = wide.where(F.col("table") == "error").select("path", "error")
    return wide, out


def write_tables(
    spark: "SparkSession",
    paths: Paths,
    out_dir: str,
    mode: str = "overwrite",
    glob: str = "*.txt",
) -> Dict[str, str]:
    """Writes :func:`tables` as Parquet, one folder per table under
    ``out_dir`` (``documents``, ``clauses``, ``tasks``, ``errors``), and
    returns where each went."""
    written = {}
    wide, frames = _tables(spark, paths, glob)
    try:
        for name, df in frames.items():
            dest = f"{out_dir.rstrip('/')}/{name}"
            df.write.mode(mode).parquet(dest)
            written[name] = dest
    finally:
        wide.unpersist()
    return written
