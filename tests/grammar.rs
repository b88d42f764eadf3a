//! `--grammar DIR`: the grammar is data a user can edit without a rebuild.
//! An edited genre, portal, attribution or unit table changes the records; a
//! missing folder or a malformed table is a usage error naming file and line.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;

fn run(args: &[&str], grammar: &Path, text: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .arg("--grammar")
        .arg(grammar)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // A usage error exits before reading its input: a closed pipe is fine.
    match child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write: {e}"),
        _ => {}
    }
    child.wait_with_output().expect("waits")
}

/// The message of a run that must be a usage error (exit 2, nothing written).
fn usage_error(args: &[&str], grammar: &Path, text: &str) -> String {
    let out = run(args, grammar, text);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn records(grammar: &Path, text: &str) -> Vec<Value> {
    let out = run(&["extract", "-", "--quiet"], grammar, text);
    assert!(out.status.success(), "{out:?}");
    common::documents_of(&out.stdout)
}

/// A grammar folder holding the built-in `name` with `extra` lines appended.
fn edited(dir: &Path, name: &str, extra: &str) {
    let builtin = std::fs::read_to_string(Path::new("grammar").join(name)).expect("grammar");
    std::fs::write(dir.join(name), format!("{builtin}\n{extra}\n")).expect("write");
}

const NOTICE: &str = "关于开展文明城市创建活动的倡议书\n石文明办〔2021〕2号\n各县区、各部门：\n一、广泛宣传。加强宣传引导。（市文旅局承办）\n二、积极参与。\n校对：王　敏\n石嘴山市文明办\n2021年3月1日\n";

#[test]
fn a_missing_folder_is_a_usage_error() {
    let err = usage_error(
        &["extract", "-", "--quiet"],
        Path::new("/nonexistent/grammar"),
        NOTICE,
    );
    assert!(err.contains("/nonexistent/grammar"), "{err}");
}

/// A grammar folder holding one table, `name`, as `text`.
fn grammar_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(name), text).expect("write");
    dir
}

#[test]
fn a_malformed_table_names_its_file_and_line() {
    let dir = grammar_with("labels.tsv", "牵头单位\tlead\n主办单位\tboss\n");
    let err = usage_error(&["extract", "-", "--quiet"], dir.path(), NOTICE);
    assert!(err.contains("labels.tsv") && err.contains(":2"), "{err}");
    let dir = grammar_with("attribution.tsv", "verb\t负责\tresponsible\nverbs\t配合\n");
    let err = usage_error(&["extract", "-", "--quiet"], dir.path(), NOTICE);
    assert!(
        err.contains("attribution.tsv") && err.contains("line 2"),
        "{err}"
    );
}

#[test]
fn edited_tables_change_the_records() {
    let builtin = tempfile::tempdir().expect("temp dir");
    let before = records(builtin.path(), NOTICE);
    // 倡议书 is no genre, 校对 no furniture, 承办 no verb in the built-in grammar.
    assert!(before.is_empty() || before[0]["doc_type"] != "倡议书");

    // The genre alone: the document is found, 校对 is text of its last clause.
    let genre = tempfile::tempdir().expect("temp dir");
    edited(genre.path(), "words.tsv", "genre\t倡议书");
    let with_genre = records(genre.path(), NOTICE);
    assert_eq!(with_genre.len(), 1, "{with_genre:#?}");
    assert_eq!(with_genre[0]["doc_type"], "倡议书");
    let last = |d: &Value| d["clauses"][1]["text"].as_str().unwrap_or("").to_owned();
    assert!(last(&with_genre[0]).contains("校对"));
    assert_eq!(with_genre[0]["clauses"][0]["task"], Value::Null);

    // Then the portal word and the verb too.
    let dir = tempfile::tempdir().expect("temp dir");
    edited(dir.path(), "words.tsv", "genre\t倡议书\nportal\t校对");
    edited(dir.path(), "attribution.tsv", "verb\t承办\tlead");
    let after = records(dir.path(), NOTICE);
    assert_eq!(after.len(), 1, "{after:#?}");
    let d = &after[0];
    assert!(!last(d).contains("校对"), "{}", last(d));
    assert_eq!(d["clauses"][0]["task"]["lead"][0], "市文旅局");
    assert_eq!(d["clauses"][0]["task"]["layout"], "attribution");
}

#[test]
fn an_edited_deadline_list_changes_the_records() {
    let text = "某市人民政府办公室关于做好春季防火工作的通知\n某政办发〔2021〕3号\n各县区人民政府：\n一、加强巡查。\n牵头单位：市应急管理局\n完成时限：久久为功\n";
    let deadline = |grammar: &Path| {
        let docs = records(grammar, text);
        docs[0]["clauses"][0]["task"]["deadline"].clone()
    };
    let builtin = tempfile::tempdir().expect("temp dir");
    assert_eq!(deadline(builtin.path())["ongoing"], false);
    let dir = tempfile::tempdir().expect("temp dir");
    edited(dir.path(), "words.tsv", "ongoing\t久久为功");
    let d = deadline(dir.path());
    assert_eq!(d["ongoing"], true, "{d}");
    assert_eq!(d["raw"], "久久为功");
}

/// A task whose responsible units use the 市 shorthand: 宁东管理局 is bare in
/// the built-in gazetteer, so it takes the 市 of the list.
const UNITS_NOTICE: &str = "关于做好环境整治工作的通知\n石政办发〔2021〕9号\n各县区人民政府，市直各部门：\n一、开展河道清理。\n责任单位：市发改委、财政局、宁东管理局\n完成时限：2021年6月底前\n石嘴山市人民政府办公室\n2021年3月1日\n";

fn responsible(records: &[Value]) -> Vec<String> {
    assert_eq!(records.len(), 1, "{records:#?}");
    records[0]["clauses"][0]["task"]["responsible"]
        .as_array()
        .expect("responsible units")
        .iter()
        .map(|u| u.as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn an_edited_unit_table_changes_the_records() {
    let builtin = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        responsible(&records(builtin.path(), UNITS_NOTICE)),
        ["市发改委", "市财政局", "市宁东管理局"]
    );
    // 宁东 listed as a place: the unit names its own place and stays as written.
    let place = tempfile::tempdir().expect("temp dir");
    edited(place.path(), "units.tsv", "place\t宁东");
    assert_eq!(
        responsible(&records(place.path(), UNITS_NOTICE)),
        ["市发改委", "市财政局", "宁东管理局"]
    );
}

#[test]
fn a_broken_unit_table_is_a_usage_error_naming_file_and_line() {
    let dir = grammar_with("units.tsv", "level\t市\t市委\n# a comment\nplaces\t宁东\n");
    let err = usage_error(&["extract", "-", "--quiet"], dir.path(), UNITS_NOTICE);
    let want = format!(
        "{}:3: unknown kind `places`",
        dir.path().join("units.tsv").display()
    );
    assert!(err.contains(&want), "{err}");
    // The review report reads the same grammar and fails the same way.
    let site = tempfile::tempdir().expect("temp dir");
    let input = site.path().join("in.txt");
    std::fs::write(&input, UNITS_NOTICE).expect("write");
    let (input, out) = (input.to_string_lossy(), site.path().join("site"));
    let err = usage_error(
        &["report", &input, "-o", &out.to_string_lossy()],
        dir.path(),
        "",
    );
    assert!(err.contains(&want), "{err}");
}
