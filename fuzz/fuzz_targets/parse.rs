//! Arbitrary bytes through `decode` and `parse_decoded`: decoding may
//! refuse the input, parsing must not panic, and every non-blank line must
//! be owned exactly once (`gongwen::accounting`). The JSONL render must
//! succeed.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static LEX: OnceLock<gongwen::Lexicon> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let lex = LEX.get_or_init(gongwen::Lexicon::builtin);
    let Ok(decoded) = gongwen::decode::decode(data) else {
        return;
    };
    // As the CLI parses: damage the decoding replaced becomes diagnostics.
    let parsed = gongwen::parse_decoded(&decoded, "fuzz.txt", lex);
    let (unowned, overlaps) = gongwen::accounting(&decoded.text, &parsed);
    assert!(unowned.is_empty(), "unowned lines {unowned:?}");
    assert!(
        overlaps.is_empty(),
        "overlapping owners at lines {overlaps:?}"
    );
    let mut buf = Vec::new();
    gongwen::batch::render(&parsed, gongwen::batch::Format::Jsonl, &mut buf)
        .expect("render never fails");
});
