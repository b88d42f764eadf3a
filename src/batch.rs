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
use crate::lexicon::Lexicon;
use crate::record::Parsed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Json,
}

impl Format {
    pub fn ext(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Json => "json",
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
        } else if p.extension().map_or(false, |e| e == "txt") {
            out.push(p);
        }
    }
}

/// Reads, decodes and parses one file.
pub fn parse_file(path: &Path, display: &str, lex: &Lexicon) -> Result<Parsed> {
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).at(display))?;
    let decoded = crate::decode::decode(&bytes).map_err(|e| e.at(display))?;
    Ok(crate::parse(&decoded.text, display, lex))
}

/// Serialises a parse result in `format`.
pub fn render(p: &Parsed, format: Format, out: &mut Vec<u8>) -> Result<()> {
    let ser = |e: serde_json::Error| Error::new(ErrorKind::Input(format!("cannot serialise: {e}")));
    match format {
        Format::Jsonl => {
            for d in &p.documents {
                serde_json::to_writer(&mut *out, d).map_err(ser)?;
                out.push(b'\n');
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
            serde_json::to_writer_pretty(&mut *out, &f).map_err(ser)?;
            out.push(b'\n');
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed into place: a reader sees the old file or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::from(e).at(dir))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let res = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = res {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::from(e).at(path));
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
    pub bytes: u64,
    pub seconds: f64,
}

impl Summary {
    fn add(&mut self, p: &Parsed, bytes: u64) {
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
        format!(
            "{} files ({} failed), {} documents, {} clauses, {} tasks, {} diagnostics ({} unplaced lines), {:.1} MB at {:.1} MB/s",
            self.files, self.failed, self.documents, self.clauses, self.tasks, self.diagnostics, self.unplaced, mb, rate
        )
    }
}

pub struct Options<'a> {
    pub out_dir: PathBuf,
    pub format: Format,
    pub lexicon: &'a Lexicon,
    pub progress: bool,
}

/// Runs the jobs in parallel (on the current rayon pool). Returns the
/// summary and the failures, in input order.
pub fn run(jobs: &[Job], opts: &Options) -> (Summary, Vec<Error>) {
    let started = Instant::now();
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
                let parsed = parse_file(&job.input, &job.display, opts.lexicon)?;
                let mut buf = Vec::with_capacity(64 * 1024);
                render(&parsed, opts.format, &mut buf)?;
                write_atomic(&opts.out_dir.join(&job.output_rel), &buf)?;
                let mut s = Summary::default();
                let len = std::fs::metadata(&job.input).map(|m| m.len()).unwrap_or(0);
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
    total.seconds = started.elapsed().as_secs_f64();
    (total, errors)
}

/// Parses standard input and writes JSON Lines to `out`.
pub fn run_stdin(lex: &Lexicon, out: &mut dyn Write) -> Result<Summary> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)?;
    let decoded = crate::decode::decode(&bytes).map_err(|e| e.at("-"))?;
    let parsed = crate::parse(&decoded.text, "-", lex);
    let mut buf = Vec::new();
    render(&parsed, Format::Jsonl, &mut buf)?;
    match out.write_all(&buf).and_then(|_| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(e.into()),
    }
    let mut s = Summary::default();
    s.add(&parsed, bytes.len() as u64);
    Ok(s)
}
