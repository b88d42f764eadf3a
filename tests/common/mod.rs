//! What the end-to-end tests share: reading a JSON Lines output back as
//! its document records and its file line (the last line of every input's
//! output, `"kind": "file"`).

#![allow(dead_code)]

use serde_json::Value;

/// The document records of one input's JSON Lines output and its file
/// line. Panics unless the file line is there, last and alone, and no
/// record before it is a file line.
pub fn split_jsonl(text: &str) -> (Vec<Value>, Value) {
    let mut lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let file = lines
        .pop()
        .expect("a JSON Lines output ends with its file line");
    assert_eq!(
        file["kind"], "file",
        "the last line is the file line: {file}"
    );
    assert!(file.get("title").is_none() && file.get("source").is_none());
    for d in &lines {
        assert!(
            d.get("kind").is_none(),
            "a record before the file line: {d}"
        );
    }
    (lines, file)
}

/// The document records of one input's JSON Lines output (its file line
/// checked and left out).
pub fn documents(text: &str) -> Vec<Value> {
    split_jsonl(text).0
}

/// [`documents`] of raw bytes (UTF-8).
pub fn documents_of(bytes: &[u8]) -> Vec<Value> {
    documents(std::str::from_utf8(bytes).expect("JSON Lines are UTF-8"))
}
