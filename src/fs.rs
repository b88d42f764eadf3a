//! The file system at the edges of a run: reading one input (regular files
//! only, under a size limit), atomic writes through temporaries named
//! uniquely whatever the target's name, and path names as text.
//!
//! A temporary is `.NAME.PID-N.tmp` beside its target, `N` counting the
//! temporaries of this process, so no two writes share one even when
//! their names are not UTF-8 or are cut to fit: `NAME` is shortened (at a
//! character boundary) until the whole name fits in 255 bytes. A set of
//! outputs ([`Staged`]) is renamed into place only once every member is
//! written.
//!
//! Names that are not UTF-8 (archives unzipped from Windows carry GBK
//! names) stay raw bytes (`OsStr`) wherever a file is opened or written;
//! as text they become [`readable`] (shown in records and messages) or
//! [`escape_bytes`] (lossless, the manifest's keys).

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, ErrorKind, Result};

/// The default `--max-file-size`: 2 GiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 2 << 30;

/// The longest file name (in bytes) common file systems accept.
const NAME_MAX: usize = 255;

/// Temporaries made by this process so far.
static TEMPS: AtomicU64 = AtomicU64::new(0);

/// Reads one input file: a regular file (a symlink to one is followed) of
/// at most `max` bytes. A FIFO, device or socket is refused before it is
/// opened for reading, so it cannot block the run or fill memory.
pub fn read_input(path: &Path, max: u64) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    not_special(&meta)?;
    within(meta.len(), max)?;
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    not_special(&meta)?;
    let mut bytes = Vec::with_capacity(meta.len().min(max) as usize);
    // A file that grows while it is read still stops at the limit.
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    within(bytes.len() as u64, max)?;
    Ok(bytes)
}

/// Reads a stream (standard input) up to `max` bytes.
pub fn read_stream(r: impl Read, max: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    r.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    within(bytes.len() as u64, max)?;
    Ok(bytes)
}

fn not_special(meta: &std::fs::Metadata) -> Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    let what = special_kind(&meta.file_type());
    Err(Error::new(ErrorKind::Input(format!(
        "not a regular file ({what})"
    ))))
}

#[cfg(unix)]
fn special_kind(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(t: &std::fs::FileType) -> &'static str {
    if t.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

fn within(len: u64, max: u64) -> Result<()> {
    if len <= max {
        return Ok(());
    }
    Err(Error::new(ErrorKind::Input(format!(
        "file is larger than --max-file-size ({}); raise the limit to read it",
        human_size(max)
    ))))
}

/// `2 GiB`, `512 MiB`, `100 B`.
pub fn human_size(n: u64) -> String {
    const UNITS: [(&str, u32); 4] = [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)];
    for (unit, shift) in UNITS {
        if n >= 1 << shift {
            let v = n as f64 / (1u64 << shift) as f64;
            return if n.is_multiple_of(1 << shift) {
                format!("{} {unit}", n >> shift)
            } else {
                format!("{v:.1} {unit}")
            };
        }
    }
    format!("{n} B")
}

/// Parses a size: a number of bytes with an optional binary unit, `K`,
/// `M`, `G` or `T` (`KiB`, `MB`, … and lower case accepted): `2G`,
/// `500MiB`, `1048576`.
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (num, unit) = t.split_at(digits);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("`{s}`: a size is a number with an optional K, M, G or T"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => return Err(format!("`{s}`: unknown unit (use K, M, G or T)")),
    };
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("`{s}`: too large"))
}

/// A file written to its temporary, waiting to be synced and renamed into
/// place by [`Staged::commit`] or [`commit_all`] (which may run on another
/// thread than the writing: a batch hands them to one that waits on the
/// disk while the others parse); dropped uncommitted, the temporary is
/// removed.
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    path: PathBuf,
    /// The written temporary, until it is synced.
    file: Option<std::fs::File>,
    done: bool,
}

impl Staged {
    /// Writes the content `fill` produces into a new temporary beside
    /// `path` (creating the folder); [`Staged::commit`] syncs it.
    pub fn write(
        path: &Path,
        fill: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> Result<()>,
    ) -> Result<Staged> {
        let dir = parent(path);
        std::fs::create_dir_all(dir).map_err(|e| Error::from(e).at(dir))?;
        let mut staged = Staged {
            tmp: temp_path(path),
            path: path.to_path_buf(),
            file: None,
            done: true,
        };
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&staged.tmp)
            .map_err(|e| Error::from(e).at(path))?;
        // From here on a failure removes the temporary.
        staged.done = false;
        let res = (|| -> Result<std::fs::File> {
            // Small next to the 256 KiB the JSON writer hands over at a
            // time (`record::json`), so those go to the file as they are,
            // not copied into this buffer first; CSV rows gather here.
            let mut w = std::io::BufWriter::with_capacity(64 * 1024, file);
            fill(&mut w)?;
            w.flush()?;
            w.into_inner().map_err(|e| Error::from(e.into_error()))
        })();
        staged.file = Some(res.map_err(|e| at_if_none(e, path))?);
        Ok(staged)
    }

    /// Flushes the temporary to the disk (once).
    fn sync(&mut self) -> Result<()> {
        if let Some(f) = self.file.take() {
            f.sync_all().map_err(|e| Error::from(e).at(&self.path))?;
        }
        Ok(())
    }

    /// Syncs the temporary and renames it into place.
    pub fn commit(mut self) -> Result<()> {
        self.sync()?;
        std::fs::rename(&self.tmp, &self.path).map_err(|e| Error::from(e).at(&self.path))?;
        self.done = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            // Only clutter when it fails; the next run removes it.
            std::fs::remove_file(&self.tmp).ok();
        }
    }
}

/// Syncs a set of written files and renames them into place together:
/// first checks that no target is a folder (the one way a rename of a written temporary
/// fails in practice), so a set is replaced whole or not at all.
pub fn commit_all(mut set: Vec<Staged>) -> Result<()> {
    for s in &mut set {
        s.sync()?;
    }
    for s in &set {
        if s.path.is_dir() {
            return Err(Error::new(ErrorKind::Input(
                "is a directory, cannot be replaced by a file".into(),
            ))
            .at(&s.path));
        }
    }
    for s in set {
        s.commit()?;
    }
    Ok(())
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
    Staged::write(path, fill)?.commit()
}

fn at_if_none(e: Error, path: &Path) -> Error {
    match e.path {
        Some(_) => e,
        None => e.at(path),
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A new temporary path beside `path`: `.NAME.PID-N.tmp`, within
/// [`NAME_MAX`] bytes.
pub fn temp_path(path: &Path) -> PathBuf {
    let n = TEMPS.fetch_add(1, Ordering::Relaxed);
    let suffix = format!(".{}-{n}.tmp", std::process::id());
    let name = path.file_name().unwrap_or(OsStr::new("out"));
    let room = NAME_MAX - 1 - suffix.len();
    let mut tmp = OsString::from(".");
    tmp.push(cut(name, room));
    tmp.push(suffix);
    parent(path).join(tmp)
}

/// `name` cut to at most `room` bytes, at a character boundary when it is
/// UTF-8.
fn cut(name: &OsStr, room: usize) -> OsString {
    if name.len() <= room {
        return name.to_os_string();
    }
    if let Some(s) = name.to_str() {
        let mut end = room;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        return OsString::from(&s[..end]);
    }
    cut_bytes(name, room)
}

#[cfg(unix)]
fn cut_bytes(name: &OsStr, room: usize) -> OsString {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    OsString::from_vec(name.as_bytes()[..room].to_vec())
}

#[cfg(not(unix))]
fn cut_bytes(name: &OsStr, room: usize) -> OsString {
    cut(OsStr::new(name.to_string_lossy().as_ref()), room)
}

/// The process id in a temporary's name: `.NAME.PID-N.tmp`, or
/// `.NAME.PID.tmp` as earlier versions named them.
pub fn temp_pid(name: &OsStr) -> Option<u32> {
    let b = name.as_encoded_bytes();
    let rest = b.strip_prefix(b".")?.strip_suffix(b".tmp")?;
    let dot = rest.iter().rposition(|&c| c == b'.')?;
    let (stem, last) = (&rest[..dot], &rest[dot + 1..]);
    let pid = match last.iter().position(|&c| c == b'-') {
        Some(i) if all_digits(&last[i + 1..]) => &last[..i],
        Some(_) => return None,
        None => last,
    };
    if stem.is_empty() || !all_digits(pid) {
        return None;
    }
    std::str::from_utf8(pid).ok()?.parse().ok()
}

fn all_digits(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(u8::is_ascii_digit)
}

/// A path as text for records and messages. UTF-8 names are kept as
/// they are; a name (one component) that is not UTF-8 is decoded as
/// GB18030 when it is valid there and encodes back to the same bytes (GBK
/// names from Windows archives), and otherwise written with [`escape_bytes`] (`\xNN` for each byte that is
/// not UTF-8, `\\` for a backslash).
pub fn readable(path: &Path) -> String {
    if let Some(s) = path.to_str() {
        return s.to_owned();
    }
    readable_bytes(path)
}

#[cfg(unix)]
fn readable_bytes(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for (k, part) in path
        .as_os_str()
        .as_bytes()
        .split(|&b| b == b'/')
        .enumerate()
    {
        if k > 0 {
            out.push('/');
        }
        if let Ok(s) = std::str::from_utf8(part) {
            out.push_str(s);
        } else if let Some(s) = gb18030_exactly(part) {
            out.push_str(&s);
        } else {
            escape_bytes(part, &mut out);
        }
    }
    out
}

/// `bytes` decoded as GB18030 when they are valid there and encode back
/// to the same bytes (a few, such as 0x80 and 0xA2E3 for €, do not).
#[cfg(unix)]
fn gb18030_exactly(bytes: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    let s = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)?;
    let (back, _, unmappable) = encoding_rs::GB18030.encode(&s);
    (!unmappable && back == bytes).then_some(s)
}

#[cfg(not(unix))]
fn readable_bytes(path: &Path) -> String {
    path.display().to_string()
}

/// Writes `bytes` as text without loss: valid UTF-8 as it is with `\`
/// doubled, every other byte as `\xNN`. Two byte strings never give the
/// same text.
pub fn escape_bytes(bytes: &[u8], out: &mut String) {
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_are_unique_and_fit_in_a_file_name() {
        let long = "关".repeat(84) + ".jsonl";
        let a = temp_path(Path::new(&format!("out/{long}")));
        let b = temp_path(Path::new(&format!("out/{long}")));
        assert_ne!(a, b);
        for t in [&a, &b] {
            let name = t.file_name().unwrap();
            assert!(name.len() <= NAME_MAX, "{}", name.len());
            assert!(name.to_str().is_some(), "cut at a character boundary");
            assert_eq!(temp_pid(name), Some(std::process::id()));
        }
        assert_eq!(
            temp_pid(OsStr::new(".f000.jsonl.4294967.tmp")),
            Some(4294967)
        );
        assert_eq!(temp_pid(OsStr::new(".f000.jsonl.12-3.tmp")), Some(12));
        assert_eq!(temp_pid(OsStr::new(".f000.jsonl.tmp")), None);
        assert_eq!(temp_pid(OsStr::new("f.1.tmp")), None);
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let (gbk, _, _) = encoding_rs::GB18030.encode("关于通知");
        let mut p = b"in/".to_vec();
        p.extend_from_slice(&gbk);
        p.extend_from_slice(b".txt");
        let path = Path::new(OsStr::from_bytes(&p));
        assert_eq!(readable(path), "in/关于通知.txt");
        let t = temp_path(path);
        assert!(t.file_name().unwrap().as_bytes().starts_with(b"."));
        assert!(t.file_name().unwrap().as_bytes()[1..].starts_with(&gbk));
        // 0xFF is neither UTF-8 nor GB18030.
        let odd = Path::new(OsStr::from_bytes(b"in/a\\b\xff.txt"));
        assert_eq!(readable(odd), "in/a\\\\b\\xFF.txt");
        // 0x80 is € in GB18030, but € encodes as 0xA2E3: not lossless.
        let euro = Path::new(OsStr::from_bytes(b"\x80.txt"));
        assert_eq!(readable(euro), "\\x80.txt");
        let mut k = String::new();
        escape_bytes(b"a\\x80", &mut k);
        let mut j = String::new();
        escape_bytes(b"a\x80", &mut j);
        assert_eq!((k.as_str(), j.as_str()), ("a\\\\x80", "a\\x80"));
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("2G"), Ok(2 << 30));
        assert_eq!(parse_size("500MiB"), Ok(500 << 20));
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("3 kb"), Ok(3 << 10));
        assert!(parse_size("x").is_err());
        assert!(parse_size("1Q").is_err());
        assert_eq!(human_size(2 << 30), "2 GiB");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(10), "10 B");
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_and_names_its_cause() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("x.jsonl");
        std::fs::write(&p, b"old").unwrap();
        let e = write_atomic_with(&p, |_| {
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull).into())
        })
        .unwrap_err();
        assert!(
            e.to_string().ends_with("x.jsonl: no space left on device"),
            "{e}"
        );
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let e = read_input(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file (a character device)");
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("big.txt");
        std::fs::write(&p, vec![b'a'; 2048]).unwrap();
        let e = read_input(&p, 1024).unwrap_err();
        assert!(
            e.to_string()
                .contains("larger than --max-file-size (1 KiB)"),
            "{e}"
        );
        assert_eq!(read_input(&p, 2048).unwrap().len(), 2048);
    }
}
