//! The committed `output/` is what the tool writes for `input/`: any change
//! to the records shows up here (and in review) until `output/` is
//! regenerated with `cargo run --release -- extract`.

use std::path::Path;

use gongwen::batch::{self, Format};
use gongwen::Lexicon;

#[test]
fn output_matches_a_fresh_run_on_input() {
    let lex = Lexicon::builtin();
    let (jobs, errors) = batch::collect_jobs(&[Path::new("input").to_path_buf()], Format::Jsonl);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!jobs.is_empty(), "input/ holds no .txt file");
    for job in jobs {
        let parsed =
            batch::parse_file(&job.input, &job.display, &lex).expect("bundled input parses");
        let mut got = Vec::new();
        batch::render(&parsed, Format::Jsonl, &mut got).expect("renders");
        let want_path = Path::new("output").join(&job.output_rel);
        let want = std::fs::read(&want_path).unwrap_or_default();
        if got != want {
            let got = String::from_utf8_lossy(&got);
            let want = String::from_utf8_lossy(&want);
            let first = got.lines().zip(want.lines()).position(|(a, b)| a != b);
            panic!(
                "{} differs from a fresh run (first differing record: {:?}); regenerate with `cargo run --release -- extract` and review the diff",
                want_path.display(),
                first
            );
        }
    }
}

#[test]
fn every_line_of_the_sample_is_placed_once() {
    let lex = Lexicon::builtin();
    let text = std::fs::read_to_string("input/shizuishan-2021-wenjian.txt").unwrap();
    let parsed = gongwen::parse(&text, "input/shizuishan-2021-wenjian.txt", &lex);
    let (unowned, overlaps) = gongwen::accounting(&text, &parsed);
    assert!(unowned.is_empty(), "lines not placed: {unowned:?}");
    assert!(
        overlaps.is_empty(),
        "units owned twice at lines: {overlaps:?}"
    );
}

#[test]
fn every_line_of_every_case_is_placed_once() {
    let lex = Lexicon::builtin();
    for e in std::fs::read_dir("tests/cases").unwrap().flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = gongwen::decode::decode(&std::fs::read(&p).unwrap())
            .unwrap()
            .text;
        let parsed = gongwen::parse(&text, &p.to_string_lossy(), &lex);
        let (unowned, overlaps) = gongwen::accounting(&text, &parsed);
        assert!(
            overlaps.is_empty(),
            "{}: units owned twice at lines {overlaps:?}",
            p.display()
        );
        // Lines outside every document are owned too (as unplaced, portal or envelope).
        assert!(
            unowned.is_empty(),
            "{}: lines not placed: {unowned:?}",
            p.display()
        );
    }
}
