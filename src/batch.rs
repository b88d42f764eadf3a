//! Batch runs: find the inputs, parse them in parallel (rayon), write each
//! file's records atomically, report progress (indicatif) and a summary.
//!
//! Each file is rendered into its own buffer and written whole, so the
//! output does not depend on thread scheduling: `-j 1` and `-j 8` give the
//! same bytes. One failing file is reported and the batch goes on.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::error::{Error, ErrorKind, Result};
pub use crate::extract::found_documents;
use crate::lexicon::Lexicon;
use crate::record::Parsed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Json,
    /// Two tables per input, `<name>.documents.csv` and `<name>.tasks.csv`
    /// (see `table`).
    Csv,
}

impl Format {
    pub fn ext(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// One input file and where its output goes (relative to the output dir).
#[derive(Debug, Clone)]
pub struct Job {
    pub input: PathBuf,
    /// Path shown in records and messages (as the user named it).
    pub display: String,
    pub output_rel: PathBuf,
}

/// Expands the arguments: files as given, directories searched recursively
/// for `*.txt` (sorted, so runs are reproducible).
pub fn collect_jobs(inputs: &[PathBuf], format: Format) -> (Vec<Job>, Vec<Error>) {
    let mut jobs = Vec::new();
    let mut errors = Vec::new();
    for arg in inputs {
        if arg.is_dir() {
            let mut found = Vec::new();
            walk(arg, &mut found, &mut errors);
            found.sort();
            if found.is_empty() {
                errors.push(
                    Error::new(ErrorKind::Input("directory holds no .txt file".into())).at(arg),
                );
            }
            for f in found {
                let rel = f.strip_prefix(arg).unwrap_or(&f).to_path_buf();
                jobs.push(Job {
                    display: f.display().to_string(),
                    output_rel: rel.with_extension(format.ext()),
                    input: f,
                });
            }
        } else if arg.exists() {
            let name = arg
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("stdin"));
            jobs.push(Job {
                display: arg.display().to_string(),
                output_rel: name.with_extension(format.ext()),
                input: arg.clone(),
            });
        } else {
            errors.push(Error::new(ErrorKind::Input("no such file or directory".into())).at(arg));
        }
    }
    (jobs, errors)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(Error::from(e).at(dir));
            return;
        }
    };
    for entry in rd.flatten() {
        let p = entry.path();
        let ft = match entry.file_type() {
            Ok(ft) => ft,
            Err(_) => continue,
        };
        if ft.is_dir() {
            walk(&p, out, errors);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// Reads, decodes and parses one file.
pub fn parse_file(path: &Path, display: &str, lex: &Lexicon) -> Result<Parsed> {
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).at(display))?;
    parse_bytes(&bytes, display, lex)
}

/// Decodes and parses one file's bytes; `display` names it in records and
/// errors.
pub fn parse_bytes(bytes: &[u8], display: &str, lex: &Lexicon) -> Result<Parsed> {
    let decoded = crate::decode::decode(bytes).map_err(|e| e.at(display))?;
    Ok(crate::parse(&decoded.text, display, lex))
}

/// Serialises a parse result in `format` into a buffer.
pub fn render(p: &Parsed, format: Format, out: &mut Vec<u8>) -> Result<()> {
    render_to(p, format, out)
}

/// Serialises a parse result in `format` straight into a writer: each
/// record goes out as it is serialised, with no copy of the whole output.
pub fn render_to<W: Write>(p: &Parsed, format: Format, mut out: W) -> Result<()> {
    let ser = |e: serde_json::Error| Error::new(ErrorKind::Input(format!("cannot serialise: {e}")));
    match format {
        Format::Jsonl => {
            for d in &p.documents {
                serde_json::to_writer(&mut out, d).map_err(ser)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            #[derive(serde::Serialize)]
            struct File<'a> {
                source: &'a str,
                collection: &'a Option<crate::record::Collection>,
                documents: &'a [crate::record::Document],
                diagnostics: &'a [crate::record::Diagnostic],
            }
            let f = File {
                source: &p.source,
                collection: &p.collection,
                documents: &p.documents,
                diagnostics: &p.diagnostics,
            };
            serde_json::to_writer_pretty(&mut out, &f).map_err(ser)?;
            out.write_all(b"\n")?;
        }
        // One stream holds one table: the tasks (`write_output` writes both).
        Format::Csv => {
            let mut buf = Vec::new();
            crate::table::tasks_csv(p, &mut buf)?;
            out.write_all(&buf)?;
        }
    }
    Ok(())
}

/// Writes one file's records to `path` (its output path for `format`):
/// one rendered file, or for CSV the two tables beside it
/// (`x.csv` → `x.documents.csv`, `x.tasks.csv`). Returns the hash of what
/// was written (`manifest::hash` of the files, in order).
pub fn write_output(p: &Parsed, format: Format, path: &Path) -> Result<String> {
    if format == Format::Csv {
        let (documents, tasks) = crate::table::table_paths(path);
        let mut docs = Vec::with_capacity(16 * 1024);
        crate::table::documents_csv(p, &mut docs)?;
        write_atomic(&documents, &docs)?;
        let mut rows = Vec::with_capacity(16 * 1024);
        crate::table::tasks_csv(p, &mut rows)?;
        write_atomic(&tasks, &rows)?;
        return Ok(crate::manifest::hash(&[&docs, &rows]));
    }
    let mut hasher = crate::manifest::Hasher::default();
    write_atomic_with(path, |w| {
        // serde writes many small pieces: buffer them before the hasher.
        let hw = HashingWriter {
            inner: w,
            hasher: &mut hasher,
        };
        let mut bw = std::io::BufWriter::with_capacity(64 * 1024, hw);
        render_to(p, format, &mut bw)?;
        bw.flush()?;
        Ok(())
    })?;
    hasher.end_part();
    Ok(hasher.finish())
}

/// Passes bytes through to a writer and hashes them on the way.
struct HashingWriter<'h, W> {
    inner: W,
    hasher: &'h mut crate::manifest::Hasher,
}

impl<W: Write> Write for HashingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed into place: a reader sees the old file or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| Ok(w.write_all(bytes)?))
}

/// Like [`write_atomic`], with the content produced by `fill` into a
/// buffered writer on the temporary file.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> Result<()>,
) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::from(e).at(dir))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let res = (|| -> Result<()> {
        let mut w = std::io::BufWriter::with_capacity(256 * 1024, std::fs::File::create(&tmp)?);
        fill(&mut w)?;
        let f = w.into_inner().map_err(|e| Error::from(e.into_error()))?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if let Err(e) = res {
        let _ = std::fs::remove_file(&tmp);
        return Err(match e.path {
            Some(_) => e,
            None => e.at(path),
        });
    }
    Ok(())
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub files: usize,
    pub failed: usize,
    pub documents: usize,
    pub clauses: usize,
    pub tasks: usize,
    pub diagnostics: usize,
    pub unplaced: usize,
    /// Inputs not parsed because `--skip-unchanged` found them unchanged.
    pub skipped: usize,
    pub bytes: u64,
    pub seconds: f64,
}

impl Summary {
    /// Counts one parsed input of `bytes` bytes.
    pub fn add(&mut self, p: &Parsed, bytes: u64) {
        fn count(cs: &[crate::record::Clause], clauses: &mut usize, tasks: &mut usize) {
            for c in cs {
                *clauses += 1;
                if c.task.is_some() {
                    *tasks += 1;
                }
                count(&c.children, clauses, tasks);
            }
        }
        self.files += 1;
        self.bytes += bytes;
        self.diagnostics += p.diagnostics.len();
        self.unplaced += p
            .diagnostics
            .iter()
            .filter(|d| d.code == crate::record::DiagCode::Unplaced)
            .count();
        for d in &p.documents {
            self.documents += 1;
            self.diagnostics += d.diagnostics.len();
            self.unplaced += d
                .diagnostics
                .iter()
                .filter(|x| x.code == crate::record::DiagCode::Unplaced)
                .count();
            count(&d.clauses, &mut self.clauses, &mut self.tasks);
            if let Some(e) = &d.enclosure {
                count(&e.clauses, &mut self.clauses, &mut self.tasks);
                for a in &e.attachments {
                    count(&a.clauses, &mut self.clauses, &mut self.tasks);
                }
            }
            for a in &d.attachments {
                count(&a.clauses, &mut self.clauses, &mut self.tasks);
            }
        }
    }

    pub fn line(&self) -> String {
        let mb = self.bytes as f64 / 1e6;
        let rate = if self.seconds > 0.0 {
            mb / self.seconds
        } else {
            0.0
        };
        let mut line = format!(
            "{} files ({} failed), {} documents, {} clauses, {} tasks, {} diagnostics ({} unplaced lines), {:.1} MB at {:.1} MB/s",
            self.files, self.failed, self.documents, self.clauses, self.tasks, self.diagnostics, self.unplaced, mb, rate
        );
        if self.skipped > 0 {
            line.push_str(&format!(", {} skipped (unchanged)", self.skipped));
        }
        line
    }
}

pub struct Options<'a> {
    pub out_dir: PathBuf,
    pub format: Format,
    pub lexicon: &'a Lexicon,
    pub progress: bool,
    /// Skip inputs whose manifest entry and output are unchanged
    /// (`manifest`).
    pub skip_unchanged: bool,
    /// `manifest::grammar_hash` of the grammar in force.
    pub grammar_hash: String,
}

/// Runs the jobs in parallel (on the current rayon pool). Returns the
/// summary and the failures, in input order.
///
/// Temporary files left by a killed run are removed first; the manifest
/// (`manifest`) is updated at the end with every output written.
pub fn run(jobs: &[Job], opts: &Options) -> (Summary, Vec<Error>) {
    let started = Instant::now();
    clean_stale_temps(jobs, opts);
    let ledger = crate::manifest::Ledger::open(&opts.out_dir);
    let bar = if opts.progress {
        let b = indicatif::ProgressBar::new(jobs.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let results: Vec<std::result::Result<(Summary, ()), Error>> = jobs
        .par_iter()
        .map(|job| {
            let res = (|| {
                let bytes =
                    std::fs::read(&job.input).map_err(|e| Error::from(e).at(&job.display))?;
                let path = opts.out_dir.join(&job.output_rel);
                let key = crate::manifest::key(&job.output_rel);
                let mut entry = crate::manifest::Entry {
                    input: crate::manifest::hash(&[&bytes]),
                    source: job.display.clone(),
                    format: opts.format.ext().to_owned(),
                    tool: env!("CARGO_PKG_VERSION").to_owned(),
                    grammar: opts.grammar_hash.clone(),
                    output: String::new(),
                };
                let mut s = Summary::default();
                if opts.skip_unchanged {
                    if let Some(old) = ledger.get(&key) {
                        let same = crate::manifest::Entry {
                            output: old.output.clone(),
                            ..entry.clone()
                        } == old;
                        if same && output_hash(opts.format, &path).as_ref() == Some(&old.output) {
                            s.skipped = 1;
                            return Ok((s, ()));
                        }
                    }
                }
                let len = bytes.len() as u64;
                // The bytes become the text (no copy for UTF-8) and are gone
                // before the records are written: one copy of a file in memory.
                let decoded = crate::decode::decode_owned(bytes).map_err(|e| e.at(&job.display))?;
                let parsed = crate::parse(&decoded.text, &job.display, opts.lexicon);
                drop(decoded);
                found_documents(&parsed, &job.display)?;
                entry.output = write_output(&parsed, opts.format, &path)?;
                ledger.record(key, entry);
                s.add(&parsed, len);
                Ok((s, ()))
            })();
            bar.inc(1);
            res
        })
        .collect();
    bar.finish_and_clear();
    let mut total = Summary::default();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok((s, ())) => {
                total.skipped += s.skipped;
                total.files += s.files;
                total.documents += s.documents;
                total.clauses += s.clauses;
                total.tasks += s.tasks;
                total.diagnostics += s.diagnostics;
                total.unplaced += s.unplaced;
                total.bytes += s.bytes;
            }
            Err(e) => {
                total.failed += 1;
                errors.push(e);
            }
        }
    }
    if let Err(e) = ledger.finish() {
        errors.push(e);
    }
    total.seconds = started.elapsed().as_secs_f64();
    (total, errors)
}

/// The files an output path stands for: itself, or for CSV its two tables.
pub fn output_files(format: Format, path: &Path) -> Vec<PathBuf> {
    if format == Format::Csv {
        let (documents, tasks) = crate::table::table_paths(path);
        vec![documents, tasks]
    } else {
        vec![path.to_path_buf()]
    }
}

/// Hash of the output file(s) at `path`, `None` when one is missing.
fn output_hash(format: Format, path: &Path) -> Option<String> {
    let texts = output_files(format, path)
        .iter()
        .map(std::fs::read)
        .collect::<std::io::Result<Vec<_>>>()
        .ok()?;
    let parts: Vec<&[u8]> = texts.iter().map(Vec::as_slice).collect();
    Some(crate::manifest::hash(&parts))
}

/// Removes the temporary files (`.NAME.PID.tmp`) that a killed run left in
/// the folders this run writes to. A file whose process is still running
/// (another run writing there now) is left alone.
fn clean_stale_temps(jobs: &[Job], opts: &Options) {
    let mut dirs: Vec<PathBuf> = jobs
        .iter()
        .filter_map(|j| {
            opts.out_dir
                .join(&j.output_rel)
                .parent()
                .map(Path::to_path_buf)
        })
        .collect();
    dirs.push(opts.out_dir.clone());
    dirs.sort();
    dirs.dedup();
    let me = std::process::id();
    for dir in dirs {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in rd.flatten() {
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(temp_pid) else {
                continue;
            };
            let alive = pid == me
                || (cfg!(target_os = "linux") && Path::new("/proc").join(pid.to_string()).exists());
            if !alive && entry.file_type().is_ok_and(|t| t.is_file()) {
                // A file that cannot be removed is only clutter; the run goes on.
                std::fs::remove_file(entry.path()).ok();
            }
        }
    }
}

/// The process id in a temporary file name `.NAME.PID.tmp`.
fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (stem, pid) = rest.rsplit_once('.')?;
    if stem.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Refuses a run whose outputs would collide with its inputs or leave the
/// output folder: the output folder equal to or inside a directory
/// argument, or equal to the folder of a file argument; an output path
/// with `..` or a root; an output equal to an input file; a symlink in the
/// output tree that leads outside it. Called before anything is written.
pub fn check_paths(inputs: &[PathBuf], jobs: &[Job], out_dir: &Path, format: Format) -> Result<()> {
    let usage = |msg: String| Err(Error::new(ErrorKind::Input(msg)));
    let out_abs = resolve(out_dir).map_err(|e| Error::from(e).at(out_dir))?;
    for arg in inputs {
        if arg.as_os_str() == "-" || !arg.exists() {
            continue;
        }
        let (folder, clash) = if arg.is_dir() {
            (arg.clone(), "inside the input folder")
        } else {
            match arg.parent() {
                Some(p) if !p.as_os_str().is_empty() => (p.to_path_buf(), "the input's folder"),
                _ => (PathBuf::from("."), "the input's folder"),
            }
        };
        let folder_abs = resolve(&folder).map_err(|e| Error::from(e).at(&folder))?;
        let bad = if arg.is_dir() {
            out_abs.starts_with(&folder_abs)
        } else {
            out_abs == folder_abs
        };
        if bad {
            return usage(format!(
                "{}: output folder is {clash} {}; choose another with -o",
                out_dir.display(),
                folder.display()
            ));
        }
    }
    let inputs_abs: std::collections::HashSet<PathBuf> =
        jobs.iter().filter_map(|j| resolve(&j.input).ok()).collect();
    for job in jobs {
        let plain = job
            .output_rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain || job.output_rel.as_os_str().is_empty() {
            return usage(format!(
                "{}: output path {} would leave the output folder",
                job.display,
                job.output_rel.display()
            ));
        }
        for f in output_files(format, &out_dir.join(&job.output_rel)) {
            let abs = resolve(&f).map_err(|e| Error::from(e).at(&f))?;
            if !abs.starts_with(&out_abs) {
                return usage(format!(
                    "{}: output {} leads outside the output folder (symlink to {})",
                    job.display,
                    f.display(),
                    abs.display()
                ));
            }
            if inputs_abs.contains(&abs) {
                return usage(format!(
                    "{}: output {} would overwrite an input",
                    job.display,
                    f.display()
                ));
            }
        }
    }
    Ok(())
}

/// `path` made absolute with every symlink of its existing part followed;
/// the part that does not exist yet is appended as written.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut missing = Vec::new();
    let mut links = 0;
    let mut p = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    loop {
        match p.canonicalize() {
            Ok(mut c) => {
                for m in missing.iter().rev() {
                    c.push(m);
                }
                return Ok(c);
            }
            Err(e) => {
                // A dangling symlink: the target is where a write would go.
                if let (true, Ok(target)) = (links < 40, std::fs::read_link(&p)) {
                    links += 1;
                    let base = p.parent().map(Path::to_path_buf).unwrap_or_default();
                    p = base.join(target);
                    continue;
                }
                match (p.file_name().map(|n| n.to_os_string()), p.parent()) {
                    (Some(name), Some(parent)) => {
                        missing.push(name);
                        p = parent.to_path_buf();
                    }
                    _ => return Err(e),
                }
            }
        }
    }
}
