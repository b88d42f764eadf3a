//! Batch runs: find the inputs, parse them in parallel (rayon), write each
//! file's records atomically, report progress (indicatif) and a summary.
//!
//! Each file is rendered into its own buffer and written whole, so the
//! output does not depend on thread scheduling: `-j 1` and `-j 8` give the
//! same bytes. One failing file is reported and the batch goes on.
//!
//! Only regular files are read (`fs::read_input`); folders are searched
//! with their symlinked sub-folders followed, except one leading back to a
//! folder it is inside. Atomic writes and temporary names belong to `fs`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::error::{Error, ErrorKind, Result};
pub use crate::extract::found_documents;
use crate::fileline::{Counts, FileLine};
use crate::fs::Staged;
use crate::lexicon::Lexicon;
use crate::record::{json, Parsed};

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
    /// Path shown in records and messages (as the user named it;
    /// `fs::readable` for a name that is not UTF-8).
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
            let mut inside: Vec<PathBuf> = arg.canonicalize().into_iter().collect();
            walk(arg, &mut inside, &mut found, &mut errors);
            found.sort();
            if found.is_empty() {
                errors.push(
                    Error::new(ErrorKind::Input("directory holds no .txt file".into())).at(arg),
                );
            }
            for f in found {
                let rel = f.strip_prefix(arg).unwrap_or(&f).to_path_buf();
                jobs.push(Job {
                    display: crate::fs::readable(&f),
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
                display: crate::fs::readable(arg),
                output_rel: name.with_extension(format.ext()),
                input: arg.clone(),
            });
        } else {
            errors.push(Error::new(ErrorKind::Input("no such file or directory".into())).at(arg));
        }
    }
    (jobs, errors)
}

/// Searches `dir` for `*.txt`, in name order. A symlinked sub-folder is
/// followed, unless it leads to a folder the walk is inside (`inside`
/// holds their canonical paths), which would loop.
fn walk(dir: &Path, inside: &mut Vec<PathBuf>, out: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(Error::from(e).at(dir));
            return;
        }
    };
    let mut entries: Vec<std::fs::DirEntry> = rd.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let p = entry.path();
        let Ok(ft) = entry.file_type() else {
            continue;
        };
        if ft.is_dir() || (ft.is_symlink() && p.is_dir()) {
            let real = match p.canonicalize() {
                Ok(r) => r,
                Err(e) => {
                    errors.push(Error::from(e).at(&p));
                    continue;
                }
            };
            if inside.contains(&real) {
                continue;
            }
            inside.push(real);
            walk(&p, inside, out, errors);
            inside.pop();
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// Reads (a regular file up to `fs::DEFAULT_MAX_FILE_SIZE`), decodes and
/// parses one file.
pub fn parse_file(path: &Path, display: &str, lex: &Lexicon) -> Result<Parsed> {
    let bytes =
        crate::fs::read_input(path, crate::fs::DEFAULT_MAX_FILE_SIZE).map_err(|e| e.at(display))?;
    parse_bytes(&bytes, display, lex)
}

/// Decodes and parses one file's bytes; `display` names it in records and
/// errors. Damaged stretches of the text are diagnostics of the result.
pub fn parse_bytes(bytes: &[u8], display: &str, lex: &Lexicon) -> Result<Parsed> {
    let decoded = crate::decode::decode(bytes).map_err(|e| e.at(display))?;
    Ok(crate::parse_decoded(&decoded, display, lex))
}

/// Serialises a parse result in `format` into a buffer.
pub fn render(p: &Parsed, format: Format, out: &mut Vec<u8>) -> Result<()> {
    match json_writer(format, out) {
        Some(w) => write_json(p, format, w),
        None => crate::table::tasks_csv(p, out),
    }
}

/// Serialises a parse result in `format` straight into a writer: the
/// records are written into one buffer, handed to `out` each time it fills,
/// so the whole output is never held.
pub fn render_to<W: Write>(p: &Parsed, format: Format, mut out: W) -> Result<()> {
    let mut buf = Vec::with_capacity(if format == Format::Csv { 0 } else { 320 * 1024 });
    match json_writer(format, &mut buf) {
        Some(w) => write_json(p, format, w.spilling_to(&mut out)),
        // One stream holds one table: the tasks (`stage_output` writes both).
        None => {
            crate::table::tasks_csv(p, &mut buf)?;
            Ok(out.write_all(&buf)?)
        }
    }
}

/// Parses `decoded` (named `display`) and writes its JSON Lines to `out`
/// while it parses: each batch of documents as soon as it is built, then
/// the file line. What a large file costs in memory is its text and its
/// lines, not its records. Returns the parse, its documents tallied in
/// `streamed`; a text with nothing to parse is an error, and then only
/// records of no document were written: none.
pub fn stream_jsonl<W: Write>(
    decoded: &crate::decode::Decoded,
    display: &str,
    lex: &Lexicon,
    mut out: W,
) -> Result<Parsed> {
    let mut buf = Vec::with_capacity(320 * 1024);
    let mut w = json::Writer::compact(&mut buf).spilling_to(&mut out);
    let p =
        crate::parse_decoded_each(decoded, display, lex, crate::ParseOptions::default(), |d| {
            w.write(&d).map_err(json_error)?;
            w.raw(b"\n");
            Ok::<(), Error>(())
        })?;
    found_documents(&p, display)?;
    w.write(&FileLine::of(&p)).map_err(json_error)?;
    w.raw(b"\n");
    w.finish().map_err(json_error)?;
    Ok(p)
}

/// The JSON writer of `format` into `buf`: compact for JSON Lines, pretty
/// for the JSON form; none for CSV.
fn json_writer(format: Format, buf: &mut Vec<u8>) -> Option<json::Writer<'_>> {
    match format {
        Format::Jsonl => Some(json::Writer::compact(buf)),
        Format::Json => Some(json::Writer::pretty(buf)),
        Format::Csv => None,
    }
}

/// The records of `p` through `w`: one line per document, or for the JSON
/// form the file as one value.
fn write_json(p: &Parsed, format: Format, mut w: json::Writer<'_>) -> Result<()> {
    if format == Format::Json {
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
        w.write(&f).map_err(json_error)?;
        w.raw(b"\n");
    } else {
        // The records, then the file line (also for a file with none).
        for d in &p.documents {
            w.write(d).map_err(json_error)?;
            w.raw(b"\n");
        }
        w.write(&FileLine::of(p)).map_err(json_error)?;
        w.raw(b"\n");
    }
    w.finish().map_err(json_error)
}

/// A failed write (a full disk) is an I/O error, worded by its cause.
pub(crate) fn json_error(e: json::Error) -> Error {
    match e {
        json::Error::Io(e) => Error::from(e),
        json::Error::Custom(m) => Error::new(ErrorKind::Input(format!("cannot serialise: {m}"))),
    }
}

/// Writes one file's records for `path` (its output path for `format`) to
/// temporaries beside it: one rendered file, or for CSV the two tables
/// (`x.csv` → `x.documents.csv`, `x.tasks.csv`). `fs::commit_all` syncs
/// them and puts them in place, both before either replaces its old
/// version. Returns the hash of what was written (`manifest::hash` of the
/// files, in order) and the temporaries.
pub fn stage_output(p: &Parsed, format: Format, path: &Path) -> Result<(String, Vec<Staged>)> {
    if format == Format::Csv {
        let (documents, tasks) = crate::table::table_paths(path);
        let mut docs = Vec::with_capacity(16 * 1024);
        crate::table::documents_csv(p, &mut docs)?;
        let mut rows = Vec::with_capacity(16 * 1024);
        crate::table::tasks_csv(p, &mut rows)?;
        let both = vec![
            Staged::write(&documents, |w| Ok(w.write_all(&docs)?))?,
            Staged::write(&tasks, |w| Ok(w.write_all(&rows)?))?,
        ];
        return Ok((crate::manifest::hash(&[&docs, &rows]), both));
    }
    let mut hasher = crate::manifest::Hasher::default();
    let staged = Staged::write(path, |w| {
        // serde writes many small pieces: buffer them before the hasher.
        // render_to hands over large pieces: the hasher reads each once.
        let hw = HashingWriter {
            inner: w,
            hasher: &mut hasher,
        };
        render_to(p, format, hw)
    })?;
    hasher.end_part();
    Ok((hasher.finish(), vec![staged]))
}

/// Parses `decoded` and writes its JSON Lines to a temporary beside `path`
/// as it goes ([`stream_jsonl`]); `Staged::commit` syncs it and puts it in
/// place. Returns the parse, the hash of what was written (as
/// [`stage_output`]) and the temporary.
pub fn stage_streamed(
    decoded: &crate::decode::Decoded,
    display: &str,
    lex: &Lexicon,
    path: &Path,
) -> Result<(Parsed, String, Staged)> {
    let mut hasher = crate::manifest::Hasher::default();
    let mut parsed = None;
    let staged = Staged::write(path, |w| {
        let hw = HashingWriter {
            inner: w,
            hasher: &mut hasher,
        };
        parsed = Some(stream_jsonl(decoded, display, lex, hw)?);
        Ok(())
    })?;
    hasher.end_part();
    // `Staged::write` runs `fill` before it returns Ok.
    let parsed = parsed.ok_or_else(|| Error::new(ErrorKind::Input("nothing written".into())))?;
    Ok((parsed, hasher.finish(), staged))
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

/// How many lines `Summary::unplaced_at` names (the count goes on).
pub const UNPLACED_SHOWN: usize = crate::record::FAILING_KEPT;

/// What a run did, for its summary line.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub files: usize,
    pub failed: usize,
    /// Documents, clauses, tasks, diagnostics and unplaced lines of every
    /// file parsed (the sums of their file lines' counts).
    pub counts: Counts,
    /// The first lines not placed or not understood, as `path:line:
    /// message` (at most [`UNPLACED_SHOWN`]; `counts.unplaced` counts all).
    pub unplaced_at: Vec<String>,
    /// Inputs not parsed because `--skip-unchanged` found them unchanged.
    pub skipped: usize,
    /// Inputs with text but no official document (zero records).
    pub no_documents: usize,
    /// Inputs decoded with damage replaced (`DiagCode::Damaged`).
    pub damaged: usize,
    pub bytes: u64,
    pub seconds: f64,
}

impl Summary {
    /// Counts one parsed input of `bytes` bytes.
    pub fn add(&mut self, p: &Parsed, bytes: u64) {
        let c = Counts::of(p);
        self.files += 1;
        self.bytes += bytes;
        self.no_documents += usize::from(c.documents == 0);
        self.damaged += usize::from(
            p.diagnostics
                .iter()
                .any(|d| d.code == crate::record::DiagCode::Damaged),
        );
        self.counts.add(c);
        let docs = p.documents.iter().flat_map(|d| d.diagnostics.iter());
        for d in p
            .diagnostics
            .iter()
            .chain(docs)
            .chain(&p.streamed.failing)
            .filter(|d| d.code.fails_strict())
        {
            if self.unplaced_at.len() < UNPLACED_SHOWN {
                self.unplaced_at
                    .push(format!("{}:{}: {}", p.source, d.line, d.message));
            }
        }
    }

    /// Adds another summary (of other files); the time is not added.
    pub fn merge(&mut self, o: &Summary) {
        self.files += o.files;
        self.failed += o.failed;
        self.counts.add(o.counts);
        self.skipped += o.skipped;
        self.no_documents += o.no_documents;
        self.damaged += o.damaged;
        self.bytes += o.bytes;
        let room = UNPLACED_SHOWN.saturating_sub(self.unplaced_at.len());
        self.unplaced_at
            .extend(o.unplaced_at.iter().take(room).cloned());
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
            self.files,
            self.failed,
            self.counts.documents,
            self.counts.clauses,
            self.counts.tasks,
            self.counts.diagnostics,
            self.counts.unplaced,
            mb,
            rate
        );
        if self.no_documents > 0 {
            line.push_str(&format!(", {} with no documents", self.no_documents));
        }
        if self.damaged > 0 {
            line.push_str(&format!(
                ", {} with damaged text replaced (see their `damaged` diagnostics)",
                self.damaged
            ));
        }
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
    /// Inputs larger than this many bytes fail (`--max-file-size`).
    pub max_file_size: u64,
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
    let bar = progress_bar(jobs, opts.progress);
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Outputs are synced and renamed by one thread of their own, while the
    // workers parse the next files: the waits on the disk overlap the
    // parsing. A bounded queue keeps few files open.
    let (results, failed_commits) = std::thread::scope(|scope| {
        // Made inside the scope: should a worker panic, the sender is
        // dropped while unwinding and the committer ends before the scope
        // waits for it.
        let (to_commit, pending) = std::sync::mpsc::sync_channel::<Commit>(COMMITS_PENDING);
        let ledger = &ledger;
        let committer = scope.spawn(move || commit_each(pending, ledger));
        let results: Vec<Result<Summary>> = jobs
            .par_iter()
            .enumerate()
            .map(|(at, job)| {
                let res = run_one(at, job, opts, ledger, &to_commit);
                if !bar.is_hidden() {
                    bar.inc(input_len(job));
                    let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    bar.set_message(format!("{n}/{} files", jobs.len()));
                }
                res
            })
            .collect();
        drop(to_commit);
        let failed = committer.join().unwrap_or_default();
        (results, failed)
    });
    bar.finish_and_clear();
    let mut failed_commits: std::collections::HashMap<usize, Error> =
        failed_commits.into_iter().collect();
    let mut total = Summary::default();
    let mut errors = Vec::new();
    for (at, r) in results.into_iter().enumerate() {
        match r.and_then(|s| failed_commits.remove(&at).map_or(Ok(s), Err)) {
            Ok(s) => total.merge(&s),
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

/// How many written outputs may wait for their sync and rename.
const COMMITS_PENDING: usize = 64;

/// A job's written output on its way to the committer: the job's index,
/// its manifest key and entry (recorded once the output is in place), and
/// its staged files.
struct Commit {
    at: usize,
    key: String,
    entry: crate::manifest::Entry,
    staged: Vec<Staged>,
}

/// Syncs and renames each output handed over, in turn, and records it in
/// the manifest; returns the jobs whose output could not be put in place.
fn commit_each(
    pending: std::sync::mpsc::Receiver<Commit>,
    ledger: &crate::manifest::Ledger,
) -> Vec<(usize, Error)> {
    let mut failed = Vec::new();
    for c in pending {
        match crate::fs::commit_all(c.staged) {
            Ok(()) => ledger.record(c.key, c.entry),
            Err(e) => failed.push((c.at, e)),
        }
    }
    failed
}

/// One job of [`run`]: read, parse, write the output to its temporary and
/// hand it to the committer.
fn run_one(
    at: usize,
    job: &Job,
    opts: &Options,
    ledger: &crate::manifest::Ledger,
    to_commit: &std::sync::mpsc::SyncSender<Commit>,
) -> Result<Summary> {
    let bytes =
        crate::fs::read_input(&job.input, opts.max_file_size).map_err(|e| e.at(&job.display))?;
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
                return Ok(s);
            }
        }
    }
    let len = bytes.len() as u64;
    // The bytes become the text (no copy for UTF-8) and are gone before the
    // records are written: one copy of a file in memory.
    let decoded = crate::decode::decode_owned(bytes).map_err(|e| e.at(&job.display))?;
    let (parsed, staged) = if opts.format == Format::Jsonl {
        // Records written as they are built.
        let (parsed, hash, staged) = stage_streamed(&decoded, &job.display, opts.lexicon, &path)?;
        entry.output = hash;
        (parsed, vec![staged])
    } else {
        let parsed = crate::parse_decoded(&decoded, &job.display, opts.lexicon);
        drop(decoded);
        found_documents(&parsed, &job.display)?;
        let (hash, staged) = stage_output(&parsed, opts.format, &path)?;
        entry.output = hash;
        (parsed, staged)
    };
    s.add(&parsed, len);
    let commit = Commit {
        at,
        key,
        entry,
        staged,
    };
    // The committer only stops once every job is done: a send fails only
    // if it panicked; then this output is committed here.
    if let Err(std::sync::mpsc::SendError(c)) = to_commit.send(commit) {
        crate::fs::commit_all(c.staged)?;
        ledger.record(c.key, c.entry);
    }
    Ok(s)
}

/// The bytes a job's input holds (0 when it cannot be read).
fn input_len(job: &Job) -> u64 {
    std::fs::metadata(&job.input).map_or(0, |m| if m.is_file() { m.len() } else { 0 })
}

/// The progress bar of a run, by bytes: files done, MB, MB/s and the time
/// left; drawn at once and ticking while a large file is parsed. Hidden
/// unless `show`.
fn progress_bar(jobs: &[Job], show: bool) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let total: u64 = jobs.iter().map(input_len).sum();
    let b = indicatif::ProgressBar::new(total);
    b.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {bar:30} {msg}, {decimal_bytes}/{decimal_total_bytes} at {decimal_bytes_per_sec}, {elapsed} elapsed, ETA {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    b.set_message(format!("0/{} files", jobs.len()));
    b.enable_steady_tick(std::time::Duration::from_millis(120));
    b
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

/// Removes the temporary files (`.NAME.PID-N.tmp`) that a killed run left in
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
            let Some(pid) = crate::fs::temp_pid(&entry.file_name()) else {
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

/// Refuses a run whose outputs would collide with its inputs or leave the
/// output folder: the output folder equal to or inside a directory
/// argument, or equal to the folder of a file argument; an output path
/// with `..` or a root; an output equal to an input file; a symlink in the
/// output tree that leads outside it; two inputs with one output path
/// (`2020/x.txt` and `2021/x.txt` given as files); an output folder that is
/// an existing file. Called before anything is written.
pub fn check_paths(inputs: &[PathBuf], jobs: &[Job], out_dir: &Path, format: Format) -> Result<()> {
    let usage = |msg: String| Err(Error::new(ErrorKind::Input(msg)));
    if out_dir.exists() && !out_dir.is_dir() {
        return usage(format!(
            "{}: the output folder (-o) is an existing file, not a folder",
            out_dir.display()
        ));
    }
    let mut writers: std::collections::HashMap<PathBuf, &Job> = Default::default();
    for job in jobs {
        for f in output_files(format, &job.output_rel) {
            match writers.insert(f.clone(), job) {
                Some(other) if other.input != job.input => {
                    return usage(format!(
                        "{} and {} would both be written to {}; run them into separate folders",
                        other.display,
                        job.display,
                        crate::fs::readable(&out_dir.join(&f))
                    ))
                }
                _ => {}
            }
        }
    }
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
