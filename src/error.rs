//! The library's one error type: what went wrong, with the file and line.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum ErrorKind {
    Io(std::io::Error),
    /// The bytes are not text in any supported encoding.
    Decode(String),
    /// A grammar file could not be read or parsed.
    Grammar(String),
    /// The input is not usable (empty, binary, …).
    Input(String),
}

#[derive(Debug)]
pub struct Error {
    pub path: Option<PathBuf>,
    pub line: Option<usize>,
    pub kind: ErrorKind,
}

impl Error {
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            path: None,
            line: None,
            kind,
        }
    }
    pub fn at(mut self, path: impl Into<PathBuf>) -> Error {
        self.path = Some(path.into());
        self
    }
    /// A write to a closed pipe (`| head`): the reader has all it wants.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(&self.kind, ErrorKind::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
    pub fn line(mut self, line: usize) -> Error {
        self.line = Some(line);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.path {
            write!(f, "{}", p.display())?;
            if let Some(l) = self.line {
                write!(f, ":{l}")?;
            }
            write!(f, ": ")?;
        }
        match &self.kind {
            ErrorKind::Io(e) => match io_cause(e) {
                Some(cause) => write!(f, "{cause}"),
                None => write!(f, "{e}"),
            },
            ErrorKind::Decode(m) | ErrorKind::Grammar(m) | ErrorKind::Input(m) => write!(f, "{m}"),
        }
    }
}

/// The cause of an I/O failure in words, for the kinds a run meets on a
/// full or read-only disk; `None` leaves the system's own message.
fn io_cause(e: &std::io::Error) -> Option<&'static str> {
    use std::io::ErrorKind as K;
    Some(match e.kind() {
        K::StorageFull => "no space left on device",
        K::QuotaExceeded => "disk quota exceeded",
        K::FileTooLarge => "file too large for the file system",
        K::ReadOnlyFilesystem => "read-only file system",
        K::InvalidFilename => "file name too long or not valid here",
        _ => return None,
    })
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(e))
    }
}

pub type Result<T> = std::result::Result<T, Error>;
