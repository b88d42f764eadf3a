//! Records written while a file is parsed (`parse_each`, `batch::stream_jsonl`):
//! the same records, counts and file line as a parse that keeps them, a
//! sink's error ends the parse, and a file with nothing to parse writes
//! nothing.

use std::path::Path;

use gongwen::batch::{self, Format, Summary};
use gongwen::fileline::{Counts, FileLine};
use gongwen::{Lexicon, ParseOptions};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The sample, and every constructed case (each a real layout).
fn texts() -> Vec<(String, String)> {
    let mut out = vec![(
        "sample".to_owned(),
        std::fs::read_to_string(root().join("input/shizuishan-2021-wenjian.txt")).unwrap(),
    )];
    let mut cases: Vec<_> = std::fs::read_dir(root().join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    cases.sort();
    for p in cases {
        let bytes = std::fs::read(&p).unwrap();
        let text = gongwen::decode::decode(&bytes).unwrap().text;
        out.push((p.file_name().unwrap().to_string_lossy().into_owned(), text));
    }
    out
}

#[test]
fn streamed_documents_are_the_kept_ones_with_the_same_counts() {
    let lex = Lexicon::builtin();
    let mut many = 0;
    for (name, text) in texts() {
        for opts in [ParseOptions::SEQUENTIAL, ParseOptions::default()] {
            let kept = gongwen::parse_with(&text, &name, &lex, opts);
            let mut docs = Vec::new();
            let streamed = gongwen::parse_each(&text, &name, &lex, opts, |d| {
                docs.push(d);
                Ok::<(), ()>(())
            })
            .unwrap();
            assert!(streamed.documents.is_empty(), "{name}");
            assert_eq!(docs, kept.documents, "{name}");
            assert_eq!(streamed.owners, kept.owners, "{name}");
            assert_eq!(streamed.diagnostics, kept.diagnostics, "{name}");
            assert_eq!(Counts::of(&streamed), Counts::of(&kept), "{name}");
            assert_eq!(streamed.streamed.counts.documents, docs.len(), "{name}");
            assert_eq!(kept.streamed.counts, Counts::default(), "{name}");
            let (mut a, mut b) = (Summary::default(), Summary::default());
            a.add(&kept, 0);
            b.add(&streamed, 0);
            assert_eq!(a.unplaced_at, b.unplaced_at, "{name}");
            assert_eq!(a.counts, b.counts, "{name}");
            assert_eq!(
                gongwen::record::json::to_string(&FileLine::of(&streamed)).unwrap(),
                gongwen::record::json::to_string(&FileLine::of(&kept)).unwrap(),
                "{name}"
            );
        }
        many += 1;
    }
    assert!(many > 50, "the sample and the constructed cases: {many}");
}

#[test]
fn more_documents_than_a_batch_come_out_in_order() {
    // 150 notices in one file: more than one batch of documents built
    // together, each handed on in source order.
    let lex = Lexicon::builtin();
    let mut text = String::new();
    for k in 1..=150 {
        text.push_str(&format!(
            "关于做好第{k}项工作的通知\n某政办发〔2021〕{k}号\n各县区人民政府：\n一、总体要求\n做好第{k}项工作。\n某市人民政府办公室\n2021年3月{}日\n",
            k % 28 + 1
        ));
    }
    let mut serials = Vec::new();
    let p = gongwen::parse_each(&text, "many.txt", &lex, ParseOptions::default(), |d| {
        serials.push(d.doc_number.and_then(|n| n.serial));
        Ok::<(), ()>(())
    })
    .unwrap();
    let want: Vec<Option<u32>> = (1..=150).map(Some).collect();
    assert_eq!(serials, want);
    assert_eq!(p.streamed.counts.documents, 150);
    assert_eq!(Counts::of(&p).clauses, 150);
}

#[test]
fn a_sink_error_ends_the_parse() {
    let lex = Lexicon::builtin();
    let text = std::fs::read_to_string(root().join("input/shizuishan-2021-wenjian.txt")).unwrap();
    let mut calls = 0;
    let res = gongwen::parse_each(&text, "x", &lex, ParseOptions::SEQUENTIAL, |_| {
        calls += 1;
        if calls == 2 {
            Err("full disk")
        } else {
            Ok(())
        }
    });
    assert_eq!(res.err(), Some("full disk"));
    assert_eq!(calls, 2, "no document is built for a sink that failed");
}

#[test]
fn stream_jsonl_writes_what_render_writes() {
    let lex = Lexicon::builtin();
    for (name, text) in texts().into_iter().take(12) {
        let decoded = gongwen::decode::decode(text.as_bytes()).unwrap();
        let kept = gongwen::parse_decoded(&decoded, &name, &lex);
        let mut want = Vec::new();
        batch::render(&kept, Format::Jsonl, &mut want).unwrap();
        let mut got = Vec::new();
        let p = batch::stream_jsonl(&decoded, &name, &lex, &mut got).unwrap();
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(want).unwrap()
        );
        assert_eq!(Counts::of(&p), Counts::of(&kept));
    }
}

#[test]
fn nothing_to_parse_writes_nothing() {
    let lex = Lexicon::builtin();
    let decoded = gongwen::decode::decode(b"\n  \n\n").unwrap();
    let mut got = Vec::new();
    let err = batch::stream_jsonl(&decoded, "blank.txt", &lex, &mut got).unwrap_err();
    assert!(err.to_string().contains("empty file"), "{err}");
    assert!(got.is_empty());
}
