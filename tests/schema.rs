//! The published schema: `output/schema.json` is what `gongwen schema`
//! prints, it is a valid draft 2020-12 schema, and every JSON Lines record,
//! committed or freshly extracted, validates against it: each document
//! against `$defs/Document`, each file line against `$defs/FileLine`, and
//! neither against the other's definition.

use std::path::{Path, PathBuf};
use std::process::Command;

use gongwen::batch::{self, Format};
use gongwen::fileline::FileLine;
use gongwen::{schema, Lexicon};
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

fn committed_schema() -> Value {
    let text = std::fs::read_to_string(COMMITTED).expect("output/schema.json exists");
    serde_json::from_str(&text).expect("output/schema.json is JSON")
}

/// The validator of a whole line (the schema's root, `oneOf` both kinds).
fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&committed_schema())
        .expect("output/schema.json compiles as draft 2020-12")
}

/// The validator of one definition of the schema (`Document`, `FileLine`).
fn validator_of(def: &str) -> jsonschema::Validator {
    let mut schema = committed_schema();
    let root = schema.as_object_mut().expect("an object");
    root.remove("oneOf");
    root.insert("$ref".into(), format!("#/$defs/{def}").into());
    jsonschema::draft202012::new(&schema).expect("the definition compiles")
}

/// The three validators: the whole line, a document, the file line.
struct Validators {
    line: jsonschema::Validator,
    document: jsonschema::Validator,
    file: jsonschema::Validator,
}

impl Validators {
    fn new() -> Validators {
        Validators {
            line: validator(),
            document: validator_of(schema::DOCUMENT),
            file: validator_of(schema::FILE_LINE),
        }
    }

    /// The errors of `value` as a line of kind `file` (the file line) or
    /// not (a document): against the root and its own definition, and it
    /// must not pass for the other kind.
    fn check(&self, value: &Value, file: bool) -> Vec<String> {
        let (own, other) = if file {
            (&self.file, &self.document)
        } else {
            (&self.document, &self.file)
        };
        let mut errs = errors(&self.line, value);
        errs.extend(errors(own, value));
        if other.is_valid(value) {
            errs.push("also valid as the other kind of line".into());
        }
        errs
    }
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
    let v = Validators::new();
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
        let last = text.lines().count();
        for (i, line) in text.lines().enumerate() {
            let record: Value = serde_json::from_str(line).expect("a JSON record per line");
            // The file line is the last line, and only it.
            let errs = v.check(&record, i + 1 == last);
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
    let v = Validators::new();
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
            let errs = v.check(&record, false);
            assert!(
                errs.is_empty(),
                "{} document {}: {}",
                job.display,
                k + 1,
                errs.join("\n")
            );
            checked += 1;
        }
        let file = serde_json::to_value(FileLine::of(&parsed)).expect("serialises");
        let errs = v.check(&file, true);
        assert!(
            errs.is_empty(),
            "{} file line: {}",
            job.display,
            errs.join("\n")
        );
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

    let Some(last) = text.lines().last() else {
        panic!("no file line");
    };
    let file: Value = serde_json::from_str(last).expect("JSON");
    assert!(v.is_valid(&file));
    let broken = |edit: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut f = file.clone();
        if let Some(m) = f.as_object_mut() {
            edit(m);
        }
        f
    };
    let no_counts = broken(&|m| {
        m.remove("counts");
    });
    assert!(!v.is_valid(&no_counts), "counts are required");
    let other_kind = broken(&|m| {
        m.insert("kind".into(), "document".into());
    });
    assert!(!v.is_valid(&other_kind), "kind is `file`");
    let titled = broken(&|m| {
        m.insert("title".into(), "某某通知".into());
    });
    assert!(!v.is_valid(&titled), "a file line has no title");
    let negative = broken(&|m| {
        m.insert("counts".into(), serde_json::json!({"documents": -1}));
    });
    assert!(
        !v.is_valid(&negative),
        "counts are complete and not negative"
    );
}
