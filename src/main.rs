//! The `gongwen` command: turns flags into options and calls the library.
//!
//! Exit codes: 0 every input processed; 1 some input failed (the others are
//! written; each failure printed as `path: reason`); 2 usage error.

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
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract one record per official document from text files.
    ///
    /// Exit status: 0 all inputs processed, 1 some input failed, 2 usage error.
    Extract {
        /// Files or directories (searched recursively for *.txt); `-` reads
        /// standard input and writes JSON Lines to standard output.
        #[arg(default_value = "input")]
        inputs: Vec<PathBuf>,
        /// Output directory.
        #[arg(short = 'o', long = "output", default_value = "output")]
        out: PathBuf,
        /// Output format: one record per line, or one pretty JSON per file.
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
    },
}

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
        Cmd::Extract {
            inputs,
            out,
            format,
            jobs,
            quiet,
            grammar,
            strict,
        } => {
            let lex = match grammar {
                Some(dir) => match Lexicon::from_dir(&dir) {
                    Ok(l) => l,
                    Err(e) => {
                        eprintln!("gongwen: {e}");
                        return ExitCode::from(2);
                    }
                },
                None => Lexicon::builtin(),
            };
            let format = match format {
                FormatArg::Jsonl => Format::Jsonl,
                FormatArg::Json => Format::Json,
            };
            if inputs.len() == 1 && inputs[0].as_os_str() == "-" {
                let mut stdout = std::io::stdout().lock();
                return match batch::run_stdin(&lex, &mut stdout) {
                    Ok(s) => {
                        if !quiet {
                            eprintln!("{}", s.line());
                        }
                        if strict && s.unplaced > 0 {
                            ExitCode::from(1)
                        } else {
                            ExitCode::SUCCESS
                        }
                    }
                    Err(e) => {
                        eprintln!("{e}");
                        ExitCode::from(1)
                    }
                };
            }
            if let Some(n) = jobs {
                if n == 0 {
                    eprintln!("gongwen: -j needs at least 1");
                    return ExitCode::from(2);
                }
                let _ = rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build_global();
            }
            let (jobs, mut errors) = batch::collect_jobs(&inputs, format);
            let opts = batch::Options {
                out_dir: out,
                format,
                lexicon: &lex,
                progress: !quiet && std::io::stderr().is_terminal(),
            };
            let (summary, errs) = batch::run(&jobs, &opts);
            errors.extend(errs);
            for e in &errors {
                eprintln!("{e}");
            }
            if !quiet {
                eprintln!("{}", summary.line());
            }
            if !errors.is_empty() || (strict && summary.unplaced > 0) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}
