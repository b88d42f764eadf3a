//! Runs for pipelines, on the standard streams: `extract -` (standard
//! input → its records on standard output, named as `--stdin-name` says)
//! and `extract --files-from LIST` (a list of paths, one per line or
//! NUL-separated → JSON Lines of every file on standard output, in list
//! order). A closed standard output (`| head`) ends the run quietly.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::batch::{render, Format, Summary};
use crate::error::{Error, Result};
use crate::extract;
use crate::lexicon::Lexicon;
use crate::record::Parsed;
use crate::ParseOptions;

/// Parses `input` (standard input) as one file named `name` and writes its
/// records to `out` in `format` (JSON Lines or the JSON form; CSV needs two
/// files).
pub fn stdin(
    lex: &Lexicon,
    name: &str,
    format: Format,
    max_file_size: u64,
    input: impl Read,
    out: &mut dyn Write,
) -> Result<Summary> {
    let started = Instant::now();
    let bytes = crate::fs::read_stream(input, max_file_size).map_err(|e| e.at(name))?;
    let len = bytes.len() as u64;
    let mut s = Summary::default();
    if format == Format::Jsonl {
        // Records written as they are built; a closed output ends the run.
        let decoded = crate::decode::decode_owned(bytes).map_err(|e| e.at(name))?;
        match crate::batch::stream_jsonl(&decoded, name, lex, &mut *out) {
            Ok(parsed) => s.add(&parsed, len),
            Err(e) if e.is_broken_pipe() => {}
            Err(e) => return Err(e),
        }
        out.flush().or_else(quiet_broken_pipe)?;
    } else {
        let parsed = extract::records(&bytes, name, lex, ParseOptions::default())?;
        let mut buf = Vec::new();
        render(&parsed, format, &mut buf)?;
        s.add(&parsed, len);
        write_out(out, &buf)?;
    }
    s.seconds = started.elapsed().as_secs_f64();
    Ok(s)
}

/// A closed standard output (`| head`) is no failure.
fn quiet_broken_pipe(e: std::io::Error) -> Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e.into())
    }
}

/// The paths of a list: one per line (blank lines skipped, a trailing CR
/// dropped), or NUL-separated when `nul` (as `find -print0` writes them).
pub fn read_list(mut input: impl Read, nul: bool) -> Result<Vec<PathBuf>> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    let sep = if nul { b'\0' } else { b'\n' };
    Ok(bytes
        .split(|b| *b == sep)
        .map(|p| {
            if nul {
                p
            } else {
                p.strip_suffix(b"\r").unwrap_or(p)
            }
        })
        .filter(|p| !p.is_empty())
        .map(path_of)
        .collect())
}

#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// Parses every file of `paths` (a few at a time, in parallel on the
/// current rayon pool) and writes their records as JSON Lines to `out`, in
/// list order. A file that fails is skipped and returned among the errors
/// (`path: reason`); the run goes on.
pub fn files(paths: &[PathBuf], lex: &Lexicon, out: &mut dyn Write) -> (Summary, Vec<Error>) {
    let started = Instant::now();
    let mut total = Summary::default();
    let mut errors = Vec::new();
    let chunk = 4 * rayon::current_num_threads().max(1);
    'chunks: for group in paths.chunks(chunk) {
        let done: Vec<Result<(Vec<u8>, Parsed, u64)>> =
            group.par_iter().map(|p| one_file(p, lex)).collect();
        for r in done {
            match r {
                Ok((buf, parsed, len)) => {
                    total.add(&parsed, len);
                    match write_out(out, &buf) {
                        Ok(true) => {}
                        Ok(false) => break 'chunks,
                        Err(e) => {
                            errors.push(e);
                            break 'chunks;
                        }
                    }
                }
                Err(e) => {
                    total.failed += 1;
                    errors.push(e);
                }
            }
        }
    }
    total.seconds = started.elapsed().as_secs_f64();
    (total, errors)
}

/// One listed file: its JSON Lines, its parse (for the summary) and size.
fn one_file(path: &Path, lex: &Lexicon) -> Result<(Vec<u8>, Parsed, u64)> {
    let display = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).at(&display))?;
    let parsed = extract::records(&bytes, &display, lex, ParseOptions::default())?;
    let mut buf = Vec::with_capacity(bytes.len());
    render(&parsed, Format::Jsonl, &mut buf)?;
    Ok((buf, parsed, bytes.len() as u64))
}

/// Writes and flushes; false when the reader closed the pipe, which is not
/// an error (it has what it wanted).
fn write_out(out: &mut dyn Write, buf: &[u8]) -> Result<bool> {
    match out.write_all(buf).and_then(|_| out.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e.into()),
    }
}
