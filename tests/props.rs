//! Property tests: mutated windows of the bundled sample go through
//! `decode` → `parse` → `render`. Whatever the mutation, parsing does not
//! panic, every non-blank line is owned exactly once, each JSONL line is
//! valid JSON and a second run gives the same bytes.
//!
//! Mutations work on bytes: lines are dropped, duplicated, swapped, split
//! (also in the middle of a multi-byte character, which `decode` may then
//! refuse: that is a valid answer), joined, prefixed with clause markers,
//! labels and stray brackets, and their punctuation turned full-width.
//!
//! The case count defaults to 64; set `PROPTEST_CASES` for a long run.
//! `PROPS_DUMP=FILE` writes the (shrunk) failing input to FILE, to be kept
//! under `tests/regressions/`.

use std::sync::OnceLock;

use gongwen::batch::{render, Format};
use gongwen::Lexicon;
use proptest::prelude::*;

static SAMPLE: &[u8] = include_bytes!("../input/shizuishan-2021-wenjian.txt");

fn sample_lines() -> &'static [&'static [u8]] {
    static LINES: OnceLock<Vec<&'static [u8]>> = OnceLock::new();
    LINES.get_or_init(|| SAMPLE.split(|&b| b == b'\n').collect())
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::builtin)
}

/// Text inserted into lines: clause markers of every style, labels,
/// brackets and document-number brackets without numbers.
const SNIPPETS: &[&str] = &[
    "一、",
    "（一）",
    "(一)",
    "1.",
    "1．",
    "（1）",
    "(1)",
    "第十条",
    "第一章",
    "第一节",
    "一是",
    "1.1",
    "1.1.1",
    "牵头单位：",
    "责任单位：",
    "配合单位:",
    "完成时限：",
    "〔",
    "〕",
    "〔〕",
    "石党发〔〕号",
    "〔2020〕",
    "（",
    "）",
    "《",
    "》",
    "【",
    "附件：",
    "附件1",
    "各部门：",
    "关于印发《》的通知",
    "的通知",
    "2020年3月10日",
    "2021年6月底前",
    "。",
    "，",
    "\u{3000}",
    "\t",
    "\r",
];

/// Half-width punctuation and its full-width form.
const WIDEN: &[(u8, &str)] = &[
    (b',', "，"),
    (b':', "："),
    (b';', "；"),
    (b'(', "（"),
    (b')', "）"),
    (b'!', "！"),
    (b'?', "？"),
    (b'.', "．"),
    (b' ', "\u{3000}"),
];

#[derive(Debug, Clone)]
enum Op {
    Drop(usize),
    Dup(usize),
    Swap(usize, usize),
    /// Split a line in two at a byte offset; `on_char` moves the offset
    /// to a character boundary, otherwise it may land inside a character.
    Split(usize, usize, bool),
    /// Cut a line short inside a multi-byte character.
    CutMidChar(usize, usize),
    Join(usize),
    /// Insert a snippet at a character boundary of a line.
    Insert(usize, usize, usize),
    /// A snippet as a line of its own.
    InsertLine(usize, usize),
    Widen(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let i = any::<usize>();
    let s = 0..SNIPPETS.len();
    prop_oneof![
        3 => i.prop_map(Op::Drop),
        2 => i.prop_map(Op::Dup),
        2 => (i, i).prop_map(|(a, b)| Op::Swap(a, b)),
        2 => (i, i, prop::bool::weighted(0.8)).prop_map(|(a, b, c)| Op::Split(a, b, c)),
        1 => (i, i).prop_map(|(a, b)| Op::CutMidChar(a, b)),
        1 => i.prop_map(Op::Join),
        4 => (i, i, s.clone()).prop_map(|(a, b, c)| Op::Insert(a, b, c)),
        3 => (i, s).prop_map(|(a, b)| Op::InsertLine(a, b)),
        2 => i.prop_map(Op::Widen),
    ]
}

/// Byte offsets in `line` that are not inside a UTF-8 character.
fn boundaries(line: &[u8]) -> Vec<usize> {
    (0..=line.len())
        .filter(|&k| k == line.len() || (line[k] & 0xC0) != 0x80)
        .collect()
}

fn apply(lines: &mut Vec<Vec<u8>>, op: &Op) {
    if lines.is_empty() {
        if let Op::InsertLine(_, s) = op {
            lines.push(SNIPPETS[*s].as_bytes().to_vec());
        }
        return;
    }
    let n = lines.len();
    match *op {
        Op::Drop(i) => {
            lines.remove(i % n);
        }
        Op::Dup(i) => {
            let l = lines[i % n].clone();
            lines.insert(i % n, l);
        }
        Op::Swap(a, b) => lines.swap(a % n, b % n),
        Op::Split(i, at, on_char) => {
            let line = &mut lines[i % n];
            let at = if on_char {
                let b = boundaries(line);
                b[at % b.len()]
            } else {
                at % (line.len() + 1)
            };
            let tail = line.split_off(at);
            lines.insert(i % n + 1, tail);
        }
        Op::CutMidChar(i, at) => {
            let line = &mut lines[i % n];
            let inside: Vec<usize> = (0..line.len())
                .filter(|&k| (line[k] & 0xC0) == 0x80)
                .collect();
            if !inside.is_empty() {
                line.truncate(inside[at % inside.len()]);
            }
        }
        Op::Join(i) => {
            if i % n + 1 < n {
                let next = lines.remove(i % n + 1);
                lines[i % n].extend_from_slice(&next);
            }
        }
        Op::Insert(i, at, s) => {
            let line = &mut lines[i % n];
            let b = boundaries(line);
            let at = b[at % b.len()];
            let snippet = SNIPPETS[s].as_bytes();
            line.splice(at..at, snippet.iter().copied());
        }
        Op::InsertLine(i, s) => lines.insert(i % (n + 1), SNIPPETS[s].as_bytes().to_vec()),
        Op::Widen(i) => {
            let line = &mut lines[i % n];
            let mut out = Vec::with_capacity(line.len() + 16);
            for &b in line.iter() {
                match WIDEN.iter().find(|(h, _)| *h == b) {
                    Some((_, w)) => out.extend_from_slice(w.as_bytes()),
                    None => out.push(b),
                }
            }
            *line = out;
        }
    }
}

/// Decodes and parses `bytes`, checks the properties, and returns the
/// rendered JSONL (or `None` when `decode` refused the bytes).
fn check(bytes: &[u8]) -> Result<Option<Vec<u8>>, TestCaseError> {
    let Ok(decoded) = gongwen::decode::decode(bytes) else {
        return Ok(None);
    };
    let parsed = gongwen::parse(&decoded.text, "prop.txt", lexicon());
    let (unowned, overlaps) = gongwen::accounting(&decoded.text, &parsed);
    let failing = unowned.len() + overlaps.len() > 0;
    if let (true, Ok(dump)) = (failing, std::env::var("PROPS_DUMP")) {
        // The last input written is the shrunk one.
        std::fs::write(dump, decoded.text.as_bytes()).ok();
    }
    let shown = || match decoded.text.len() {
        0..=4000 => format!("{:?}", decoded.text),
        n => format!("<{n} bytes>"),
    };
    prop_assert!(
        unowned.is_empty(),
        "unowned lines {:?} in {}",
        unowned,
        shown()
    );
    prop_assert!(
        overlaps.is_empty(),
        "overlapping owners at lines {:?} in {}",
        overlaps,
        shown()
    );
    let mut out = Vec::new();
    render(&parsed, Format::Jsonl, &mut out).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut last = None;
    for (k, line) in out.split(|&b| b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let v: Result<serde_json::Value, _> = serde_json::from_slice(line);
        prop_assert!(v.is_ok(), "record {} is not JSON: {:?}", k + 1, v.err());
        last = v.ok().map(|v| (k, v));
    }
    // One line per document, then the file line.
    let (k, file) = last.unwrap_or_default();
    prop_assert_eq!(k, parsed.documents.len(), "the file line is last");
    prop_assert_eq!(&file["kind"], "file");
    prop_assert_eq!(&file["counts"]["documents"], parsed.documents.len());
    let again = gongwen::parse(&decoded.text, "prop.txt", lexicon());
    let mut out2 = Vec::new();
    render(&again, Format::Jsonl, &mut out2).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(out == out2, "a second run gave different output");
    Ok(Some(out))
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        // Failures are kept as inputs (`PROPS_DUMP`) in tests/regressions/,
        // which tests/bad_input.rs runs; seeds would not survive a change
        // of the strategies.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_sample_windows(
        start in any::<usize>(),
        len in 50usize..200,
        ops in prop::collection::vec(op(), 0..24),
        crlf in prop::bool::weighted(0.1),
    ) {
        let all = sample_lines();
        let start = start % all.len();
        let end = (start + len).min(all.len());
        let mut lines: Vec<Vec<u8>> = all[start..end].iter().map(|l| l.to_vec()).collect();
        for op in &ops {
            apply(&mut lines, op);
        }
        let bytes = lines.join(if crlf { &b"\r\n"[..] } else { &b"\n"[..] });
        check(&bytes)?;
    }

    /// Short documents built only from snippets: markers, labels and
    /// brackets with nothing around them.
    #[test]
    fn snippet_soup(parts in prop::collection::vec((0..SNIPPETS.len(), prop::bool::ANY), 0..80)) {
        let mut text = String::new();
        for (s, newline) in parts {
            text.push_str(SNIPPETS[s]);
            if newline {
                text.push('\n');
            }
        }
        check(text.as_bytes())?;
    }
}

/// The whole sample, and the sample with all of its punctuation widened.
#[test]
fn whole_sample_and_widened_sample() {
    let out = check(SAMPLE)
        .expect("sample holds")
        .expect("sample decodes");
    assert!(!out.is_empty());
    let mut lines: Vec<Vec<u8>> = sample_lines().iter().map(|l| l.to_vec()).collect();
    for i in 0..lines.len() {
        apply(&mut lines, &Op::Widen(i));
    }
    let widened = lines.join(&b"\n"[..]);
    let out = check(&widened)
        .expect("widened sample holds")
        .expect("decodes");
    assert!(!out.is_empty());
}
