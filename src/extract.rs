//! One input's bytes → its records: decode, parse, check that the text
//! holds something to parse, and serialise each record as one JSON line,
//! then the file line (the lines `extract` writes). What `extract -`,
//! `--files-from` and the Python package share; it needs none of the `cli`
//! feature.

use crate::error::{Error, ErrorKind, Result};
use crate::fileline::FileLine;
use crate::lexicon::Lexicon;
use crate::record::Parsed;
use crate::ParseOptions;

/// Decodes and parses one input's bytes, named `display` in records and
/// errors. An input that cannot be decoded or holds no document is an
/// error, with the reason the command line prints.
pub fn records(bytes: &[u8], display: &str, lex: &Lexicon, opts: ParseOptions) -> Result<Parsed> {
    let decoded = crate::decode::decode(bytes).map_err(|e| e.at(display))?;
    let parsed = crate::parse_decoded_with(&decoded, display, lex, opts);
    found_documents(&parsed, display)?;
    Ok(parsed)
}

/// Each document of a parse as one JSON text: the record lines of the
/// JSONL output, without their line ends.
pub fn json_lines(p: &Parsed) -> Result<Vec<String>> {
    p.documents.iter().map(to_json).collect()
}

/// The file line of a parse as one JSON text: the last line of the JSONL
/// output (`fileline`), without its line end.
pub fn file_json(p: &Parsed) -> Result<String> {
    to_json(&FileLine::of(p))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    crate::record::json::to_string(value)
        .map_err(|e| Error::new(ErrorKind::Input(format!("cannot serialise: {e}"))))
}

/// A file with no text is a failure of that file (the batch goes on). A
/// file with text but no official document (a yearbook granule that is not a
/// 文件选辑, a web page, prose) is not: it gets zero records, its lines are
/// reported as unplaced (so `--strict` fails it), and the summary counts it.
pub fn found_documents(p: &Parsed, display: &str) -> Result<()> {
    if p.documents.is_empty() && p.streamed.counts.documents == 0 && p.owners.is_empty() {
        return Err(
            Error::new(ErrorKind::Input("empty file: no text to parse".into())).at(display),
        );
    }
    Ok(())
}
