//! The `gongwen` command: turns flags into options and calls the library.
//!
//! Exit codes: 0 every input processed; 1 some input failed (the others are
//! written; each failure printed as `path: reason`), or `--strict` and a
//! line could not be placed; 2 usage error (bad flags, or outputs that would
//! collide with inputs or leave the output folder).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use gongwen::batch::{self, Format};
use gongwen::Lexicon;

#[derive(Parser)]
#[command(
    name = "gongwen",
    version,
    about = "Chinese yearbook exports and official documents (公文) → JSON records"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Jsonl,
    Json,
    /// `<name>.documents.csv` and `<name>.tasks.csv` (UTF-8 with BOM).
    Csv,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract one record per official document from text files.
    ///
    /// Exit status: 0 all inputs processed, 1 some input failed, 2 usage error.
    Extract {
        /// Files or directories (searched recursively for *.txt; default
        /// `input`); `-` alone reads standard input and writes its records to
        /// standard output (JSON Lines, or JSON with --format json).
        inputs: Vec<PathBuf>,
        /// With `-`: the path the records name (`source.path`) instead of `-`.
        #[arg(long, value_name = "NAME")]
        stdin_name: Option<String>,
        /// Read the input paths from FILE (`-`: standard input), one per
        /// line, and write the records of all of them as JSON Lines to
        /// standard output, in list order.
        #[arg(long, value_name = "FILE")]
        files_from: Option<PathBuf>,
        /// With --files-from: the paths are separated by NUL bytes
        /// (`find -print0`), not lines.
        #[arg(short = '0', long = "null", requires = "files_from")]
        null: bool,
        /// Output directory.
        #[arg(short = 'o', long = "output", default_value = "output")]
        out: PathBuf,
        /// Output format: one record per line, one pretty JSON per file, or
        /// two CSV tables per file (`<name>.documents.csv`, `<name>.tasks.csv`).
        #[arg(long, value_enum, default_value = "jsonl")]
        format: FormatArg,
        /// Worker threads (default: all cores).
        #[arg(short = 'j', long = "jobs")]
        jobs: Option<usize>,
        /// No progress bar and no summary line.
        #[arg(short, long)]
        quiet: bool,
        /// Read the grammar tables from DIR instead of the built-in ones.
        #[arg(long, value_name = "DIR")]
        grammar: Option<PathBuf>,
        /// Exit 1 when any line could not be placed.
        #[arg(long)]
        strict: bool,
        /// Do not parse inputs whose output is up to date: same input bytes,
        /// tool version and grammar as recorded in DIR/.gongwen-manifest.json.
        #[arg(long)]
        skip_unchanged: bool,
        /// Inputs larger than SIZE fail (bytes, or with K, M, G, T).
        #[arg(long, value_name = "SIZE", default_value = "2G", value_parser = gongwen::fs::parse_size)]
        max_file_size: u64,
    },
    /// Write a static HTML review site: DIR/index.html and one page per input.
    ///
    /// Exit status: 0 all inputs processed, 1 some input failed, 2 usage error.
    Report {
        /// Files or directories (searched recursively for *.txt).
        #[arg(default_value = "input")]
        inputs: Vec<PathBuf>,
        /// Output directory of the site.
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        out: PathBuf,
        /// Worker threads (default: all cores).
        #[arg(short = 'j', long = "jobs")]
        jobs: Option<usize>,
        /// No summary line.
        #[arg(short, long)]
        quiet: bool,
        /// Read the grammar tables from DIR instead of the built-in ones.
        #[arg(long, value_name = "DIR")]
        grammar: Option<PathBuf>,
        /// A file with more than SIZE of text is shown in parts of whole
        /// documents holding at most SIZE each, its page listing them
        /// (bytes, or with K, M, G).
        #[arg(long, value_name = "SIZE", default_value = "2M", value_parser = gongwen::fs::parse_size)]
        split_above: u64,
    },
    /// Print the JSON Schema (draft 2020-12) of one JSON Lines record: a
    /// document, or the file line that ends every input's output.
    Schema,
}

/// jemalloc, not the system's malloc: records are built of many small
/// strings, made and freed per clause, unit and field. Against glibc with
/// fixed trim and mmap thresholds (what this replaced) it takes 5–6 % fewer
/// instructions and 5–11 % less CPU on the benchmarks. Peaks: the same on a
/// 300 MB file of many documents, higher on smaller runs (54 against 43 MB
/// with `-j 1` on the generated corpus, 75 against 60 MB with `-j 2`) and
/// 8 % higher on 5 M marker lines in one document (DESIGN.md, issue 12's
/// fourth step). The library leaves the allocator to whoever embeds it.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.cmd {
        Cmd::Schema => {
            let text = gongwen::schema::line_schema_text();
            let mut stdout = std::io::stdout().lock();
            match std::io::Write::write_all(&mut stdout, text.as_bytes()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("gongwen: {e}");
                    ExitCode::from(1)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Cmd::Report {
            inputs,
            out,
            jobs,
            quiet,
            grammar,
            split_above,
        } => {
            let opts = gongwen::report::Options {
                split_above: usize::try_from(split_above).unwrap_or(usize::MAX),
            };
            report(&inputs, &out, jobs, quiet, grammar, &opts)
        }
        Cmd::Extract {
            inputs,
            stdin_name,
            files_from,
            null,
            out,
            format,
            jobs,
            quiet,
            grammar,
            strict,
            skip_unchanged,
            max_file_size,
        } => {
            let grammar_hash = match gongwen::manifest::grammar_hash(grammar.as_deref()) {
                Ok(h) => h,
                Err(e) => {
                    eprintln!("gongwen: {e}");
                    return ExitCode::from(2);
                }
            };
            let lex = match load_lexicon(grammar) {
                Ok(l) => l,
                Err(code) => return code,
            };
            let format = match format {
                FormatArg::Jsonl => Format::Jsonl,
                FormatArg::Json => Format::Json,
                FormatArg::Csv => Format::Csv,
            };
            let stdin = inputs.iter().any(|i| i.as_os_str() == "-");
            if let Err(msg) = check_streams(&inputs, format, &stdin_name, &files_from) {
                eprintln!("gongwen: {msg}");
                return ExitCode::from(2);
            }
            if stdin {
                let name = stdin_name.as_deref().unwrap_or("-");
                let mut stdout = std::io::stdout().lock();
                let res = gongwen::pipe::stdin(
                    &lex,
                    name,
                    format,
                    max_file_size,
                    std::io::stdin(),
                    &mut stdout,
                );
                return match res {
                    Ok(s) => outcome(&[], &s, quiet, strict),
                    Err(e) => {
                        eprintln!("{e}");
                        ExitCode::from(1)
                    }
                };
            }
            if let Some(list) = files_from {
                return files_from_list(&list, null, &lex, jobs, quiet, strict);
            }
            let inputs = if inputs.is_empty() {
                vec![PathBuf::from("input")]
            } else {
                inputs
            };
            if let Err(code) = thread_pool(jobs) {
                return code;
            }
            let (jobs, mut errors) = batch::collect_jobs(&inputs, format);
            // Inputs and outputs must not collide: a usage error, nothing written.
            if let Err(e) = batch::check_paths(&inputs, &jobs, &out, format) {
                eprintln!("gongwen: {e}");
                return ExitCode::from(2);
            }
            let opts = batch::Options {
                out_dir: out,
                format,
                lexicon: &lex,
                progress: !quiet && std::io::stderr().is_terminal(),
                skip_unchanged,
                grammar_hash,
                max_file_size,
            };
            let (summary, errs) = batch::run(&jobs, &opts);
            errors.extend(errs);
            outcome(&errors, &summary, quiet, strict)
        }
    }
}

/// The stream flags must agree: `-` alone, `--stdin-name` only with `-`,
/// `--files-from` without input arguments, neither with CSV (two files per
/// input) nor `--files-from` with the JSON form (one document per file).
fn check_streams(
    inputs: &[PathBuf],
    format: Format,
    stdin_name: &Option<String>,
    files_from: &Option<PathBuf>,
) -> Result<(), &'static str> {
    let stdin = inputs.iter().any(|i| i.as_os_str() == "-");
    if stdin && inputs.len() > 1 {
        return Err("`-` (standard input) is the only input when given");
    }
    if stdin && format == Format::Csv {
        return Err("--format csv writes two tables per file, not to `-`");
    }
    if stdin_name.is_some() && !stdin {
        return Err("--stdin-name names standard input: give `-` as the input");
    }
    if files_from.is_some() && !inputs.is_empty() {
        return Err("--files-from takes the inputs from the list: give no input arguments");
    }
    if files_from.is_some() && format != Format::Jsonl {
        return Err("--files-from writes JSON Lines to standard output: use --format jsonl");
    }
    Ok(())
}

/// `extract --files-from LIST`: the records of every listed file as JSON
/// Lines on standard output.
fn files_from_list(
    list: &std::path::Path,
    null: bool,
    lex: &Lexicon,
    jobs: Option<usize>,
    quiet: bool,
    strict: bool,
) -> ExitCode {
    let paths = if list.as_os_str() == "-" {
        gongwen::pipe::read_list(std::io::stdin(), null)
    } else {
        std::fs::File::open(list)
            .map_err(|e| gongwen::Error::from(e).at(list))
            .and_then(|f| gongwen::pipe::read_list(f, null))
    };
    let paths = match paths {
        Ok(p) => p,
        Err(e) => {
            eprintln!("gongwen: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(code) = thread_pool(jobs) {
        return code;
    }
    let (summary, errors) = gongwen::pipe::files(&paths, lex, &mut std::io::stdout().lock());
    outcome(&errors, &summary, quiet, strict)
}

/// Prints the failures and the summary line; exit 1 when an input failed,
/// or with `--strict` a line could not be placed.
fn outcome(
    errors: &[gongwen::Error],
    summary: &batch::Summary,
    quiet: bool,
    strict: bool,
) -> ExitCode {
    for e in errors {
        eprintln!("{e}");
    }
    if strict {
        // Each line not placed or not understood, by path and line.
        for at in &summary.unplaced_at {
            eprintln!("{at}");
        }
        let more = summary.counts.unplaced - summary.unplaced_at.len();
        if more > 0 {
            eprintln!("… and {more} more lines not placed or not understood");
        }
    }
    if !quiet {
        eprintln!("{}", summary.line());
    }
    if !errors.is_empty() || (strict && summary.counts.unplaced > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `gongwen report`: builds the review site and maps the outcome to an
/// exit code.
fn report(
    inputs: &[PathBuf],
    out: &std::path::Path,
    jobs: Option<usize>,
    quiet: bool,
    grammar: Option<PathBuf>,
    opts: &gongwen::report::Options,
) -> ExitCode {
    let lex = match load_lexicon(grammar) {
        Ok(l) => l,
        Err(code) => return code,
    };
    if let Err(code) = thread_pool(jobs) {
        return code;
    }
    let (jobs, mut errors) = batch::collect_jobs(inputs, Format::Jsonl);
    let (entries, errs) = gongwen::report::write_site(&jobs, out, &lex, opts);
    errors.extend(errs);
    for e in &errors {
        eprintln!("{e}");
    }
    if !quiet {
        eprintln!(
            "{} page(s) and {} written",
            entries.iter().filter(|e| e.outcome.is_ok()).count(),
            out.join("index.html").display()
        );
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The grammar in force: `--grammar DIR`, or the built-in tables. A bad
/// grammar is a usage error (exit 2).
fn load_lexicon(grammar: Option<PathBuf>) -> Result<Lexicon, ExitCode> {
    match grammar {
        Some(dir) => Lexicon::from_dir(&dir).map_err(|e| {
            eprintln!("gongwen: {e}");
            ExitCode::from(2)
        }),
        None => Ok(Lexicon::builtin()),
    }
}

/// `-j N`: the size of the global rayon pool (all cores when absent).
fn thread_pool(jobs: Option<usize>) -> Result<(), ExitCode> {
    match jobs {
        Some(0) => {
            eprintln!("gongwen: -j needs at least 1");
            Err(ExitCode::from(2))
        }
        Some(n) => {
            // Only fails when a pool exists already, which main never builds.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global();
            Ok(())
        }
        None => Ok(()),
    }
}
