//! The published schema: `output/schema.json` is what `gongwen schema`
//! prints, it is a valid draft 2020-12 schema, and every record, committed
//! or freshly extracted, validates against it.

use std::path::{Path, PathBuf};
use std::process::Command;

use gongwen::batch::{self, Format};
use gongwen::Lexicon;
use serde_json::Value;

const COMMITTED: &str = "output/schema.json";

fn printed_schema() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("schema")
        .output()
        .expect("runs gongwen schema");
    assert!(out.status.success(), "gongwen schema failed: {out:?}");
    String::from_utf8(out.stdout).expect("the schema is UTF-8")
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(COMMITTED).expect("output/schema.json exists");
    let schema: Value = serde_json::from_str(&text).expect("output/schema.json is JSON");
    jsonschema::draft202012::new(&schema).expect("output/schema.json compiles as draft 2020-12")
}

fn errors(v: &jsonschema::Validator, record: &Value) -> Vec<String> {
    v.iter_errors(record)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn committed_schema_is_what_gongwen_schema_prints() {
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == printed_schema(),
        "{COMMITTED} is stale: regenerate it with `cargo run --release -- schema > {COMMITTED}`"
    );
}

#[test]
fn schema_is_valid_draft_2020_12() {
    let schema: Value = serde_json::from_str(&printed_schema()).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!("the schema does not validate against its meta-schema: {e}");
    }
}

#[test]
fn every_record_in_output_validates() {
    let v = validator();
    let mut files: Vec<PathBuf> = std::fs::read_dir("output")
        .expect("output/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "output/ holds no .jsonl file");
    let mut checked = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable");
        for (i, line) in text.lines().enumerate() {
            let record: Value = serde_json::from_str(line).expect("a JSON record per line");
            let errs = errors(&v, &record);
            assert!(
                errs.is_empty(),
                "{}:{}: record does not match the schema:\n{}",
                f.display(),
                i + 1,
                errs.join("\n")
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no record checked");
}

#[test]
fn fresh_records_for_input_and_cases_validate() {
    let v = validator();
    let lex = Lexicon::builtin();
    let (jobs, errs) = batch::collect_jobs(
        &[Path::new("input").into(), Path::new("tests/cases").into()],
        Format::Jsonl,
    );
    assert!(errs.is_empty(), "{errs:?}");
    let mut checked = 0;
    for job in jobs {
        let parsed = batch::parse_file(&job.input, &job.display, &lex).expect("parses");
        for (k, d) in parsed.documents.iter().enumerate() {
            let record = serde_json::to_value(d).expect("serialises");
            let errs = errors(&v, &record);
            assert!(
                errs.is_empty(),
                "{} document {}: {}",
                job.display,
                k + 1,
                errs.join("\n")
            );
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn schema_rejects_broken_records() {
    let v = validator();
    let text = std::fs::read_to_string("output/shizuishan-2021-wenjian.jsonl").unwrap_or_default();
    let Some(first) = text.lines().next() else {
        panic!("output/shizuishan-2021-wenjian.jsonl holds no record");
    };
    let good: Value = serde_json::from_str(first).expect("JSON");
    assert!(v.is_valid(&good));

    let mut wrong_version = good.clone();
    wrong_version["schema"] = "gongwen/2".into();
    assert!(!v.is_valid(&wrong_version), "the version is pinned");

    let mut no_title = good.clone();
    if let Some(m) = no_title.as_object_mut() {
        m.remove("title");
    }
    assert!(!v.is_valid(&no_title), "title is required");

    let mut bad_line = good.clone();
    bad_line["source"]["line_start"] = "16".into();
    assert!(!v.is_valid(&bad_line), "line numbers are integers");

    let mut bad_kind = good;
    if let Some(c) = bad_kind.pointer_mut("/enclosure/clauses/0/kind") {
        *c = "paragraph".into();
        assert!(!v.is_valid(&bad_kind), "clause kinds are an enum");
    }
}
