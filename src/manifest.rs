//! The skip-unchanged manifest: `DIR/.gongwen-manifest.json` records, for
//! each output below `DIR`, what produced it — a hash of the input bytes,
//! the path shown in the records, the format, the tool version and a hash of
//! the grammar — and a hash of the output itself.
//!
//! `extract --skip-unchanged` skips an input when its entry matches a fresh
//! one and the output on disk still has the recorded hash, so a re-run of an
//! unchanged archive parses nothing, while a changed input, grammar, tool
//! version or a damaged or edited output is parsed again. The manifest is
//! written atomically as a run goes; a missing or unreadable one only
//! costs a re-parse. Each save holds a lock on `DIR` (an OS file lock)
//! and merges this run's entries into the manifest on disk, so
//! runs that share an output folder keep each other's entries. Hashes are
//! 128-bit XXH3: they detect change, they do not defend against a forger.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

/// The manifest's file name inside the output folder.
pub const FILE: &str = ".gongwen-manifest.json";

/// What produced one output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Hash of the input file's bytes.
    pub input: String,
    /// The input path as shown in the records (`source.path`).
    pub source: String,
    /// `jsonl`, `json` or `csv`.
    pub format: String,
    /// `CARGO_PKG_VERSION` of the tool that wrote the output.
    pub tool: String,
    /// Hash of the grammar tables in force.
    pub grammar: String,
    /// Hash of the output file(s) as written.
    pub output: String,
}

/// Entries keyed by the output path relative to the output folder, with
/// `/` separators (see [`key`]).
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub schema: String,
    pub entries: BTreeMap<String, Entry>,
}

/// The manifest's version. `/2` since JSON Lines outputs end with the file
/// line (`fileline`): a `/1` manifest recorded outputs written without it,
/// which `--skip-unchanged` must not keep as up to date, so it reads as
/// empty and those inputs are parsed again.
const SCHEMA: &str = "gongwen-manifest/2";

impl Default for Manifest {
    fn default() -> Manifest {
        Manifest {
            schema: SCHEMA.to_owned(),
            entries: BTreeMap::new(),
        }
    }
}

impl Manifest {
    /// Reads `dir/.gongwen-manifest.json`; an absent, unreadable or
    /// malformed manifest is an empty one.
    pub fn load(dir: &Path) -> Manifest {
        std::fs::read(dir.join(FILE))
            .ok()
            .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
            .filter(|m| m.schema == SCHEMA)
            .unwrap_or_default()
    }

    /// Writes the manifest atomically into `dir`.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let mut buf = serde_json::to_vec_pretty(self).map_err(|e| {
            Error::new(ErrorKind::Input(format!(
                "cannot serialise the manifest: {e}"
            )))
        })?;
        buf.push(b'\n');
        crate::fs::write_atomic(&dir.join(FILE), &buf)
    }
}

/// The manifest of a running batch, shared by its workers. Entries are
/// recorded as outputs are written and saved every 200 ms at most (or ten
/// times the last save's duration, so that saving a large manifest costs a
/// tenth of the run at most), so a killed run loses little and the next `--skip-unchanged` run resumes
/// where it stopped. An entry is recorded only after its output has been
/// renamed into place, and a skip also checks the output's hash, so a
/// manifest that lags behind the outputs never causes a wrong skip.
pub struct Ledger {
    dir: PathBuf,
    /// The manifest as the run found it: what `get` answers from.
    found: Manifest,
    state: Mutex<State>,
}

struct State {
    /// The entries this run recorded.
    mine: BTreeMap<String, Entry>,
    /// When the last save ended, and how long it took.
    saved: Option<(Instant, Duration)>,
    dirty: bool,
}

/// How often a running batch saves its manifest at most.
const SAVE_EVERY: Duration = Duration::from_millis(200);

impl Ledger {
    /// Loads the manifest of the output folder `dir`.
    pub fn open(dir: &Path) -> Ledger {
        Ledger {
            dir: dir.to_path_buf(),
            found: Manifest::load(dir),
            state: Mutex::new(State {
                mine: BTreeMap::new(),
                saved: None,
                dirty: false,
            }),
        }
    }

    /// The recorded entry of output `key`.
    pub fn get(&self, key: &str) -> Option<Entry> {
        self.found.entries.get(key).cloned()
    }

    /// Records a written output, and saves when a save is due.
    pub fn record(&self, key: String, entry: Entry) {
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        st.mine.insert(key, entry);
        st.dirty = true;
        let due = st
            .saved
            .is_none_or(|(at, took)| at.elapsed() >= SAVE_EVERY.max(took * 10));
        if due {
            let started = Instant::now();
            // A failed save here is retried by `finish`, which reports it.
            if self.merge(&st.mine).is_ok() {
                st.dirty = false;
            }
            st.saved = Some((Instant::now(), started.elapsed()));
        }
    }

    /// Saves what is not saved yet.
    pub fn finish(&self) -> Result<()> {
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if st.dirty {
            self.merge(&st.mine)?;
            st.dirty = false;
        }
        Ok(())
    }

    /// Under the folder's lock: reads the manifest on disk, adds `mine`
    /// (replacing entries of the same outputs) and saves it.
    fn merge(&self, mine: &BTreeMap<String, Entry>) -> Result<()> {
        let _lock = lock_folder(&self.dir)?;
        let mut m = Manifest::load(&self.dir);
        m.entries
            .extend(mine.iter().map(|(k, e)| (k.clone(), e.clone())));
        m.save(&self.dir)
        // The lock is released when `_lock` is dropped.
    }
}

/// Takes the OS file lock (`flock`) of the output folder `dir`, held
/// until the returned file is dropped (or the process ends). On Unix the
/// folder itself is locked, so no file is left behind; elsewhere
/// `dir/.gongwen-manifest.lock`.
fn lock_folder(dir: &Path) -> Result<std::fs::File> {
    #[cfg(unix)]
    let (path, file) = (dir.to_path_buf(), std::fs::File::open(dir));
    #[cfg(not(unix))]
    let (path, file) = {
        let p = dir.join(".gongwen-manifest.lock");
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&p);
        (p, f)
    };
    let file = file.map_err(|e| Error::from(e).at(&path))?;
    file.lock().map_err(|e| Error::from(e).at(&path))?;
    Ok(file)
}

/// The manifest key of an output path relative to the output folder: its
/// components' raw bytes joined by `/`, written with `fs::escape_bytes`
/// (UTF-8 as it is, a backslash doubled, other bytes `\xNN`), so two
/// names never share a key.
pub fn key(rel: &Path) -> String {
    let mut out = String::new();
    for (k, c) in rel.components().enumerate() {
        if k > 0 {
            out.push('/');
        }
        crate::fs::escape_bytes(c.as_os_str().as_encoded_bytes(), &mut out);
    }
    out
}

/// Hashes the parts of a file set as they are written: 128-bit XXH3 over
/// each part followed by its length (so `["ab", "c"]` and `["a", "bc"]`
/// differ). Every input and output of a run is hashed, so it must run at
/// memory speed.
pub struct Hasher {
    h: xxhash_rust::xxh3::Xxh3,
    len: u64,
}

impl Default for Hasher {
    fn default() -> Hasher {
        Hasher {
            h: xxhash_rust::xxh3::Xxh3::new(),
            len: 0,
        }
    }
}

impl Hasher {
    pub fn update(&mut self, bytes: &[u8]) {
        self.h.update(bytes);
        self.len += bytes.len() as u64;
    }

    /// Closes one part (one file of the set).
    pub fn end_part(&mut self) {
        self.h.update(&self.len.to_le_bytes());
        self.len = 0;
    }

    /// 32 hex digits.
    pub fn finish(&self) -> String {
        format!("{:032x}", self.h.digest128())
    }
}

/// The hash of `parts`, as [`Hasher`] computes it.
pub fn hash(parts: &[&[u8]]) -> String {
    let mut h = Hasher::default();
    for p in parts {
        h.update(p);
        h.end_part();
    }
    h.finish()
}

/// Hash of the grammar in force: the built-in tables, or with
/// `--grammar DIR` each table read from `DIR` when it is there (as
/// `Lexicon::from_dir` does) and the built-in one otherwise.
pub fn grammar_hash(dir: Option<&Path>) -> Result<String> {
    let builtin_tables = &crate::lexicon::GRAMMAR_FILES;
    let mut texts: Vec<Vec<u8>> = Vec::with_capacity(builtin_tables.len() * 2);
    for &(name, builtin) in builtin_tables {
        let text = match dir.map(|d| d.join(name)) {
            Some(p) if p.exists() => std::fs::read(&p).map_err(|e| Error::from(e).at(&p))?,
            _ => builtin.as_bytes().to_vec(),
        };
        texts.push(name.as_bytes().to_vec());
        texts.push(text);
    }
    let parts: Vec<&[u8]> = texts.iter().map(Vec::as_slice).collect();
    Ok(hash(&parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_separates_parts_and_is_stable() {
        assert_ne!(hash(&[b"ab", b"c"]), hash(&[b"a", b"bc"]));
        assert_eq!(hash(&[b"x"]), hash(&[b"x"]));
        assert_eq!(hash(&[]).len(), 32);
    }

    #[test]
    fn builtin_grammar_hash_equals_a_folder_without_tables() {
        let empty = tempfile::tempdir().unwrap();
        assert_eq!(
            grammar_hash(None).unwrap(),
            grammar_hash(Some(empty.path())).unwrap()
        );
        std::fs::write(empty.path().join("labels.tsv"), "牵头单位\tlead\n").unwrap();
        assert_ne!(
            grammar_hash(None).unwrap(),
            grammar_hash(Some(empty.path())).unwrap()
        );
    }

    #[test]
    fn a_missing_or_broken_manifest_is_empty() {
        let d = tempfile::tempdir().unwrap();
        assert!(Manifest::load(d.path()).entries.is_empty());
        std::fs::write(d.path().join(FILE), "{not json").unwrap();
        assert!(Manifest::load(d.path()).entries.is_empty());
        let mut m = Manifest::default();
        m.entries.insert(
            "a.jsonl".into(),
            Entry {
                input: hash(&[b"a"]),
                source: "in/a.txt".into(),
                format: "jsonl".into(),
                tool: "0".into(),
                grammar: "g".into(),
                output: hash(&[b"o"]),
            },
        );
        m.save(d.path()).unwrap();
        assert_eq!(Manifest::load(d.path()).entries, m.entries);
        // A manifest of outputs written before the file line is not trusted.
        let old = std::fs::read_to_string(d.path().join(FILE))
            .unwrap()
            .replace(SCHEMA, "gongwen-manifest/1");
        std::fs::write(d.path().join(FILE), old).unwrap();
        assert!(Manifest::load(d.path()).entries.is_empty());
    }
}
