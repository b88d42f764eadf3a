//! The sample as archives also hold it — GB18030 bytes, UTF-16 with a BOM,
//! CRLF line ends, every ASCII punctuation mark turned full-width — gives
//! the same records as the plain sample (source offsets aside).

use gongwen::Lexicon;
use serde_json::Value;

const SAMPLE: &str = "input/shizuishan-2021-wenjian.txt";

fn records(bytes: &[u8]) -> Vec<Value> {
    let lex = Lexicon::builtin();
    let text = gongwen::decode::decode(bytes).expect("decodes").text;
    let parsed = gongwen::parse(&text, SAMPLE, &lex);
    parsed
        .documents
        .iter()
        .map(|d| {
            let mut v = serde_json::to_value(d).unwrap();
            // Byte offsets differ between encodings of the same text.
            v["source"]["byte_start"] = Value::Null;
            v["source"]["byte_end"] = Value::Null;
            fold(&mut v);
            v
        })
        .collect()
}

/// Compares strings by their folded form, so full-width input matches.
fn fold(v: &mut Value) {
    match v {
        Value::String(s) => *s = s.chars().map(gongwen::text::fold).collect(),
        Value::Array(a) => a.iter_mut().for_each(fold),
        Value::Object(o) => o.values_mut().for_each(fold),
        _ => {}
    }
}

fn sample() -> String {
    std::fs::read_to_string(SAMPLE).unwrap()
}

fn to_gb18030(s: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(s).0.into_owned()
}

fn to_utf16le_bom(s: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

fn to_crlf(s: &str) -> Vec<u8> {
    s.replace('\n', "\r\n").into_bytes()
}

/// Every ASCII punctuation mark to its full-width form (U+FF01–FF5E).
fn to_full_width(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            if c.is_ascii_punctuation() {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect::<String>()
        .into_bytes()
}

#[test]
fn gb18030_gives_the_same_records() {
    let s = sample();
    assert_eq!(records(&to_gb18030(&s)), records(s.as_bytes()));
}

#[test]
fn utf16_gives_the_same_records() {
    let s = sample();
    assert_eq!(records(&to_utf16le_bom(&s)), records(s.as_bytes()));
}

#[test]
fn crlf_gives_the_same_records() {
    let s = sample();
    assert_eq!(records(&to_crlf(&s)), records(s.as_bytes()));
}

#[test]
fn full_width_punctuation_gives_the_same_records() {
    let s = sample();
    let plain = records(s.as_bytes());
    let wide = records(&to_full_width(&s));
    assert_eq!(wide.len(), plain.len());
    for (w, p) in wide.iter().zip(&plain) {
        assert_eq!(w, p, "document at line {}", p["source"]["line_start"]);
    }
}
