//! Texts the unit tests read: the bundled sample and the constructed
//! cases of `tests/cases/`. The tests that compare a quick answer with the
//! full reading run both over these lines.

/// The bundled sample.
pub const SAMPLE: &str = include_str!("../input/shizuishan-2021-wenjian.txt");

/// Every line of the sample and of the constructed cases.
pub fn sample_and_case_lines() -> Vec<String> {
    let mut lines: Vec<String> = SAMPLE.lines().map(String::from).collect();
    let cases = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut paths: Vec<_> = std::fs::read_dir(cases)
        .expect("tests/cases")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() > 50, "{} cases", paths.len());
    for path in paths {
        // Cases in GB18030 are read as the parser reads them, decoded.
        let bytes = std::fs::read(&path).expect("a case reads");
        let t = crate::decode::decode(&bytes).expect("a case decodes").text;
        lines.extend(t.lines().map(String::from));
    }
    lines
}

/// A xorshift generator: the same numbers on every run, for tests that
/// make many texts at random.
pub fn xorshift() -> impl FnMut() -> u64 {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}
