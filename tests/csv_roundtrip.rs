//! `extract --format csv` round trip: the tables read back with the `csv`
//! crate say what the JSON Lines records say (one task row per clause with
//! a task, the same roles, deadlines, paths and lines; one document row per
//! record).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;

fn extract(format: &str, out: &Path) {
    let st = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["extract", "--quiet", "--format", format, "-o"])
        .arg(out)
        .arg("input")
        .status()
        .expect("runs gongwen extract");
    assert!(st.success(), "gongwen extract --format {format} failed");
}

/// Reads a table, checking the BOM and the CRLF record ends on the way.
fn read_table(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{} starts with a UTF-8 BOM",
        path.display()
    );
    let body = &bytes[3..];
    assert!(
        std::str::from_utf8(body).is_ok(),
        "{} is UTF-8",
        path.display()
    );
    let mut r = csv::ReaderBuilder::new().from_reader(body);
    let header = r
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = r
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("well-formed CSV");
    (header, rows)
}

/// The label without its trailing punctuation, as the path step is built.
fn step(label: &str) -> &str {
    label.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '、' | '.' | '．' | '。' | ',' | '，' | ':' | '：')
    })
}

/// (part, path, clause) of every clause with a task, in document order.
fn task_clauses(doc: &Value) -> Vec<(String, String, Value)> {
    fn walk(cs: &Value, part: &str, prefix: &str, out: &mut Vec<(String, String, Value)>) {
        for c in cs.as_array().into_iter().flatten() {
            let s = step(c["label"].as_str().unwrap_or(""));
            let path = if prefix.is_empty() {
                s.to_owned()
            } else {
                format!("{prefix}/{s}")
            };
            if !c["task"].is_null() {
                out.push((part.to_owned(), path.clone(), c.clone()));
            }
            walk(&c["children"], part, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&doc["clauses"], "body", "", &mut out);
    if let Some(e) = doc["enclosure"].as_object() {
        walk(&e["clauses"], "enclosure", "", &mut out);
        for a in e["attachments"].as_array().into_iter().flatten() {
            let part = format!("enclosure/{}", a["label"].as_str().unwrap_or(""));
            walk(&a["clauses"], &part, "", &mut out);
        }
    }
    for a in doc["attachments"].as_array().into_iter().flatten() {
        walk(
            &a["clauses"],
            a["label"].as_str().unwrap_or(""),
            "",
            &mut out,
        );
    }
    out
}

fn joined(v: &Value) -> String {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|x| x.as_str().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(";")
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn tables_agree_with_the_jsonl_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    extract("jsonl", dir.path());
    extract("csv", dir.path());
    let stem = "shizuishan-2021-wenjian";
    let jsonl = std::fs::read_to_string(dir.path().join(format!("{stem}.jsonl"))).expect("jsonl");
    let records = common::documents(&jsonl);
    assert!(!records.is_empty());

    // documents.csv: one row per record.
    let (header, rows) = read_table(&dir.path().join(format!("{stem}.documents.csv")));
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    assert_eq!(rows.len(), records.len(), "one document row per record");
    for (k, (row, rec)) in rows.iter().zip(&records).enumerate() {
        assert_eq!(&row[col("document")], (k + 1).to_string());
        assert_eq!(&row[col("title")], rec["title"].as_str().unwrap_or(""));
        assert_eq!(&row[col("doc_number")], text(&rec["doc_number"]["raw"]));
        assert_eq!(&row[col("date")], text(&rec["date"]));
        assert_eq!(&row[col("issuers")], joined(&rec["issuers"]));
        assert_eq!(&row[col("addressees")], joined(&rec["addressees"]));
        assert_eq!(
            &row[col("line_start")],
            rec["source"]["line_start"].to_string()
        );
        assert_eq!(
            &row[col("tasks")],
            task_clauses(rec).len().to_string(),
            "task count of document {}",
            k + 1
        );
    }

    // tasks.csv: one row per clause with a task, in document order.
    let (header, rows) = read_table(&dir.path().join(format!("{stem}.tasks.csv")));
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let want: Vec<(usize, &Value, String, String, Value)> = records
        .iter()
        .enumerate()
        .flat_map(|(k, r)| {
            task_clauses(r)
                .into_iter()
                .map(move |(part, path, c)| (k + 1, r, part, path, c))
        })
        .collect();
    assert!(!want.is_empty(), "the sample has tasks");
    assert_eq!(
        rows.len(),
        want.len(),
        "one task row per clause with a task"
    );
    for (row, (k, rec, part, path, clause)) in rows.iter().zip(&want) {
        let at = format!("document {k} clause {path} (line {})", clause["line"]);
        let task = &clause["task"];
        assert_eq!(&row[col("document")], k.to_string(), "{at}");
        assert_eq!(
            &row[col("doc_number")],
            text(&rec["doc_number"]["raw"]),
            "{at}"
        );
        assert_eq!(&row[col("part")], part, "{at}");
        assert_eq!(&row[col("clause_path")], path, "{at}");
        assert_eq!(&row[col("heading")], text(&clause["heading"]), "{at}");
        assert_eq!(&row[col("line")], clause["line"].to_string(), "{at}");
        for role in [
            "lead",
            "responsible",
            "participating",
            "implementing",
            "leaders",
        ] {
            assert_eq!(&row[col(role)], joined(&task[role]), "{at}: {role}");
        }
        let dl = &task["deadline"];
        assert_eq!(&row[col("deadline_raw")], text(&dl["raw"]), "{at}");
        assert_eq!(&row[col("deadline_due")], text(&dl["due"]), "{at}");
        assert_eq!(&row[col("deadline_ongoing")], text(&dl["ongoing"]), "{at}");
        assert_eq!(&row[col("deadline_kind")], text(&dl["kind"]), "{at}");
    }
}

#[test]
fn paths_are_built_from_labels() {
    assert_eq!(step("二、"), "二");
    assert_eq!(step("(一)"), "(一)");
    assert_eq!(step("1."), "1");
}

#[test]
fn csv_cannot_go_to_standard_output() {
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["extract", "--format", "csv", "-"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "a usage error");
}
