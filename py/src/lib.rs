//! The native half of the Python package `gongwen` (`gongwen._gongwen`):
//! one input's bytes → its records (and its file line) as JSON texts, or as
//! flat table rows.
//!
//! It links the parsing core only (`gongwen` without its `cli` feature) and
//! parses on the calling thread (`ParseOptions::SEQUENTIAL`): no rayon pool
//! is ever started, so a process may `fork` after a call. The GIL is
//! released while parsing.

use std::sync::LazyLock;

use gongwen::error::ErrorKind;
use gongwen::table::{self, Cell, ColumnType};
use gongwen::{extract, Lexicon, ParseOptions};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;

create_exception!(
    gongwen,
    Error,
    PyException,
    "An input gongwen cannot turn into records: undecodable bytes, an empty \
     file, text with no official document in it. str(e) is the line the \
     command line prints (`path:line: reason`); e.path, e.line (or None) and \
     e.reason hold its parts."
);

/// The built-in grammar, loaded once per process.
static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

/// The bytes of `data`: `bytes` (borrowed), `str` (as UTF-8), or anything
/// else with the buffer protocol (`bytearray`, `memoryview`; copied).
enum Data<'py> {
    Borrowed(&'py [u8]),
    Owned(Vec<u8>),
}

impl Data<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Data::Borrowed(b) => b,
            Data::Owned(v) => v,
        }
    }
}

fn data<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> PyResult<Data<'a>> {
    if let Ok(b) = obj.downcast::<PyBytes>() {
        return Ok(Data::Borrowed(b.as_bytes()));
    }
    if let Ok(s) = obj.downcast::<PyString>() {
        return Ok(Data::Owned(s.to_cow()?.into_owned().into_bytes()));
    }
    obj.extract::<Vec<u8>>()
        .map(Data::Owned)
        .map_err(|_| PyTypeError::new_err("data must be bytes, bytearray, memoryview or str"))
}

/// A library error as `gongwen.Error`, with its parts as attributes.
fn py_error(py: Python<'_>, e: gongwen::Error) -> PyErr {
    let err = Error::new_err(e.to_string());
    let v = err.value(py);
    let path = e.path.as_ref().map(|p| p.display().to_string());
    let set = || -> PyResult<()> {
        v.setattr("path", path)?;
        v.setattr("line", e.line)?;
        v.setattr("reason", reason(&e))?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(other) => other,
    }
}

/// What went wrong, without the path and line.
fn reason(e: &gongwen::Error) -> String {
    match &e.kind {
        ErrorKind::Io(x) => x.to_string(),
        ErrorKind::Decode(m) | ErrorKind::Grammar(m) | ErrorKind::Input(m) => m.clone(),
    }
}

/// The record lines of one input and its file line (the last line of the
/// CLI's JSONL output).
type Lines = (Vec<String>, String);

/// [`Lines`] of one input.
fn json(bytes: &[u8], path: &str) -> gongwen::Result<Lines> {
    let p = extract::records(bytes, path, &LEX, ParseOptions::SEQUENTIAL)?;
    Ok((extract::json_lines(&p)?, extract::file_json(&p)?))
}

/// extract_json(data, path, *, file_line=False)
/// --
///
/// The records of one input, one JSON text per official document: the
/// lines `gongwen extract` writes to its .jsonl output (byte for byte,
/// without the line end). `data` is the file's bytes (UTF-8, UTF-16 with
/// BOM or GB18030; or a str); `path` names it in the records
/// (`source.path`) and in errors.
///
/// The CLI ends every input's output with a file line ({"kind": "file",
/// "path", "collection", "counts", "diagnostics"}: the diagnostics of the
/// lines outside every document). It is left out unless file_line=True,
/// which appends it: the list then equals the CLI's lines.
///
/// Raises gongwen.Error when the input cannot be read (the reason the
/// command line prints).
#[pyfunction]
#[pyo3(signature = (data, path, *, file_line = false))]
fn extract_json(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    path: &str,
    file_line: bool,
) -> PyResult<Vec<String>> {
    let d = self::data(data)?;
    let bytes = d.bytes();
    let (mut lines, file) = py
        .allow_threads(|| json(bytes, path))
        .map_err(|e| py_error(py, e))?;
    if file_line {
        lines.push(file);
    }
    Ok(lines)
}

/// extract_many(items)
/// --
///
/// The records of many inputs, never raising for a bad one: `items` is a
/// sequence of (path, data) pairs; the result holds one dict per item, in
/// order, {"path": str, "records": [JSON text, …], "file": JSON text,
/// "error": None} where "file" is the input's file line (the last line of
/// the CLI's output), or, for an input that cannot be read, {"path": …,
/// "records": [], "file": None, "error": reason} where reason is the line
/// the command line prints.
#[pyfunction]
fn extract_many<'py>(
    py: Python<'py>,
    items: Vec<(String, Bound<'py, PyAny>)>,
) -> PyResult<Bound<'py, PyList>> {
    let held: Vec<(String, Data<'_>)> = items
        .iter()
        .map(|(p, d)| Ok((p.clone(), data(d)?)))
        .collect::<PyResult<_>>()?;
    let inputs: Vec<(&str, &[u8])> = held.iter().map(|(p, d)| (p.as_str(), d.bytes())).collect();
    let results: Vec<(String, gongwen::Result<Lines>)> = py.allow_threads(|| {
        inputs
            .iter()
            .map(|(p, b)| ((*p).to_owned(), json(b, p)))
            .collect()
    });
    let out = PyList::empty(py);
    for (path, r) in results {
        let d = PyDict::new(py);
        d.set_item("path", path)?;
        match r {
            Ok((lines, file)) => {
                d.set_item("records", lines)?;
                d.set_item("file", file)?;
                d.set_item("error", py.None())?;
            }
            Err(e) => {
                d.set_item("records", PyList::empty(py))?;
                d.set_item("file", py.None())?;
                d.set_item("error", e.to_string())?;
            }
        }
        out.append(d)?;
    }
    Ok(out)
}

/// tables(data, path)
/// --
///
/// The records of one input as three flat tables, {"documents": rows,
/// "clauses": rows, "tasks": rows}, each row a dict with the columns of
/// gongwen.COLUMNS in order (str, int, bool or None). documents and tasks
/// have the columns of `gongwen extract --format csv`; lists are joined
/// with ";" and a clause is named by its path of labels (二/(一)/1).
/// Ready for pandas.DataFrame(rows), pyarrow.Table.from_pylist(rows),
/// polars.DataFrame(rows) or DuckDB.
///
/// Raises gongwen.Error when the input cannot be read.
#[pyfunction]
fn tables<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    path: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let d = self::data(data)?;
    let bytes = d.bytes();
    let (documents, clauses, tasks) = py
        .allow_threads(|| {
            extract::records(bytes, path, &LEX, ParseOptions::SEQUENTIAL).map(|p| {
                (
                    table::document_rows(&p),
                    table::clause_rows(&p),
                    table::task_rows(&p),
                )
            })
        })
        .map_err(|e| py_error(py, e))?;
    let out = PyDict::new(py);
    out.set_item("documents", rows(py, &table::DOCUMENT_COLUMNS, documents)?)?;
    out.set_item("clauses", rows(py, &table::CLAUSE_COLUMNS, clauses)?)?;
    out.set_item("tasks", rows(py, &table::TASK_COLUMNS, tasks)?)?;
    Ok(out)
}

/// Rows of cells as a list of dicts keyed by `columns`.
fn rows<'py>(
    py: Python<'py>,
    columns: &[&str],
    rows: Vec<Vec<Cell>>,
) -> PyResult<Bound<'py, PyList>> {
    let keys: Vec<Bound<'py, PyString>> = columns.iter().map(|c| PyString::intern(py, c)).collect();
    let out = PyList::empty(py);
    for row in rows {
        let d = PyDict::new(py);
        for (k, c) in keys.iter().zip(row) {
            let v = match c {
                Cell::Null => py.None(),
                Cell::Int(n) => n.into_py_any(py)?,
                Cell::Bool(b) => b.into_py_any(py)?,
                Cell::Text(s) => s.into_py_any(py)?,
            };
            d.set_item(k, v)?;
        }
        out.append(d)?;
    }
    Ok(out)
}

/// The schema of one table: [(column, "str" | "int" | "bool"), …].
fn schema(columns: &[&'static str], types: &[ColumnType]) -> Vec<(&'static str, &'static str)> {
    columns
        .iter()
        .zip(types)
        .map(|(c, t)| {
            let t = match t {
                ColumnType::Text => "str",
                ColumnType::Int => "int",
                ColumnType::Bool => "bool",
            };
            (*c, t)
        })
        .collect()
}

#[pymodule]
fn _gongwen(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("Error", py.get_type::<Error>())?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(tables, m)?)?;
    let columns = PyDict::new(py);
    columns.set_item(
        "documents",
        schema(&table::DOCUMENT_COLUMNS, &table::DOCUMENT_TYPES),
    )?;
    columns.set_item(
        "clauses",
        schema(&table::CLAUSE_COLUMNS, &table::CLAUSE_TYPES),
    )?;
    columns.set_item("tasks", schema(&table::TASK_COLUMNS, &table::TASK_TYPES))?;
    m.add("COLUMNS", columns)?;
    m.add("SCHEMA", gongwen::record::SCHEMA)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
