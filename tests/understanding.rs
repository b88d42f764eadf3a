//! Lines placed *and* understood: text after a signed document, the 版记,
//! furniture inside a document and elements read as text are reported, and
//! `--strict` names each such line as `path:line`.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
}

/// Writes `text` to a fresh folder as `name`, runs `extract --strict
/// --format json` on it, and returns the run and the file's JSON.
fn run(name: &str, text: &str) -> (Output, Value, PathBuf) {
    let dir = std::env::temp_dir().join(format!(
        "gongwen-understanding-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join(format!("{name}.txt"));
    std::fs::write(&input, text).unwrap();
    let out = bin()
        .args(["extract", "--strict", "--quiet", "--format", "json", "-o"])
        .arg(dir.join("out"))
        .arg(&input)
        .output()
        .unwrap();
    let json = std::fs::read_to_string(dir.join("out").join(format!("{name}.json"))).unwrap();
    (out, serde_json::from_str(&json).unwrap(), input)
}

/// [`run`] on a text every line of which is placed and understood.
fn run_ok(name: &str, text: &str) -> Value {
    let (out, json, _) = run(name, text);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    json
}

fn all_text(v: &Value) -> String {
    v.to_string()
}

fn codes(doc: &Value) -> Vec<(u64, String)> {
    doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

const NOTICE: &str = "石嘴山市人民政府办公室关于做好春季防火工作的通知\n石政办发〔2021〕3号\n各县区人民政府：\n一、加强巡查。各乡镇要组织力量开展巡查。\n二、落实责任。\n石嘴山市人民政府办公室\n2021年3月1日\n";

#[test]
fn an_unrelated_paragraph_after_the_last_document_is_reported() {
    let text =
        format!("{NOTICE}本市今日多云转晴，最高气温十八摄氏度，东南风三到四级，空气质量良好。\n");
    let (out, json, input) = run("trailing", &text);
    assert_eq!(out.status.code(), Some(1), "--strict fails");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:8:", input.display())),
        "names path:line: {stderr}"
    );
    let doc = &json["documents"][0];
    assert!(codes(doc).contains(&(8, "unplaced".into())));
    // Not glued into the last clause.
    assert!(!all_text(&doc["clauses"]).contains("多云转晴"));
    assert_eq!(doc["source"]["line_end"], 8);
}

#[test]
fn the_colophon_is_understood_not_clause_text() {
    let text = format!("{NOTICE}（此件公开发布）\n抄送：市人大常委会办公室，市政协办公室。\n石嘴山市人民政府办公室　　　　2021年3月2日印发\n");
    let json = run_ok("colophon", &text);
    let doc = &json["documents"][0];
    let clauses = all_text(&doc["clauses"]);
    assert!(!clauses.contains("抄送"), "{clauses}");
    assert!(!clauses.contains("印发"), "{clauses}");
    assert!(codes(doc).is_empty(), "{:?}", codes(doc));
}

#[test]
fn a_date_under_the_title_does_not_close_the_document() {
    // A 纪要 dated under its title: the text after the date is its body.
    let text = "石嘴山市人民政府常务会议纪要\n2021年3月8日\n3月8日，市长主持召开市政府常务会议，研究春季防火工作。\n会议要求，各县区要加强巡查，落实责任。\n";
    let json = run_ok("dated-minutes", text);
    let doc = &json["documents"][0];
    assert!(all_text(&doc["preamble"]).contains("落实责任"));
}

#[test]
fn a_number_read_as_text_is_reported() {
    let text = "石嘴山市人民政府办公室关于做好春季防火工作的通知\n石政办发〔2021〕3号\n各县区人民政府：\n一、加强巡查。各乡镇要组织力量开展巡查。\n石政办发〔2021〕4号\n二、落实责任。\n石嘴山市人民政府办公室\n2021年3月1日\n";
    let (out, json, input) = run("misread", text);
    assert_eq!(out.status.code(), Some(1));
    let doc = &json["documents"][0];
    assert!(
        codes(doc).contains(&(5, "misread".into())),
        "{:?}",
        codes(doc)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{}:5:", input.display())));
}

#[test]
fn bracketed_page_tools_inside_a_document_are_furniture() {
    let text = format!("{NOTICE}【打印本页】【关闭窗口】\n【我要纠错】　　责任编辑：王　楠\n");
    let json = run_ok("tools", &text);
    let doc = &json["documents"][0];
    assert!(!all_text(doc).contains("打印本页"));
    assert_eq!(doc["source"]["line_end"], 7);
    let portal: Vec<u64> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "portal")
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(portal, vec![8, 9]);
}

/// Organs listed one a line after a colon (units commended, named) are a
/// list, not a joint signature: only the organ right before the date signs.
/// A joint signature after the text still signs with every line.
#[test]
fn a_list_of_organs_before_the_signature_is_no_signature() {
    let listed = "关于表彰2022年度全市道路交通安全工作先进集体的通报\n淮公通〔2023〕3号\n各县区公安局，市局各警种部门：\n　　2022年，全市公安交管部门认真落实各项工作措施。经研究，决定对以下单位予以通报表彰：\n　　市公安局交警支队\n　　濉溪县公安局交警大队\n　　相山区公安分局东山派出所\n　　杜集区高岳镇农机安全监理站\n淮北市公安局\n2023年2月10日\n";
    let json = run_ok("listed-organs", listed);
    let doc = &json["documents"][0];
    assert_eq!(doc["issuers"], serde_json::json!(["淮北市公安局"]));
    assert!(all_text(&doc["preamble"]).contains("农机安全监理站"));
    let joint = "关于做好2023年农村义务教育教师招聘工作的通知\n宿教〔2023〕21号\n各县区教育局：\n　　现就做好教师招聘工作通知如下。\n　　一、招聘计划。全市计划招聘教师860名。\n宿州市教育局\n宿州市财政局\n宿州市人力资源和社会保障局\n2023年4月3日\n";
    let json = run_ok("joint-signature", joint);
    assert_eq!(
        json["documents"][0]["issuers"],
        serde_json::json!(["宿州市教育局", "宿州市财政局", "宿州市人力资源和社会保障局"])
    );
}

/// A scanned page's masthead, letter-spaced, after the 版记 of the
/// document above: the next document's front matter, named, not unplaced.
#[test]
fn a_letter_spaced_masthead_after_the_colophon_is_front_matter() {
    let text = "某市人民政府办公室关于做好春季防火工作的通知\n某政办发〔2021〕3号\n各县区人民政府：\n一、加强巡查。各乡镇要组织力量开展巡查。\n二、落实责任。各单位要落实防火责任。\n抄送：市委办公室，市人大常委会办公室。\n某市人民政府办公室　　2021年3月1日印发\n某 市 人 民 政 府 文 件\n某政发〔2021〕7号\n某市人民政府关于表彰先进集体的决定\n各县区人民政府：\n现决定对先进集体予以表彰。\n某市人民政府\n2021年3月5日\n";
    let json = run_ok("spaced-masthead", text);
    let portal: Vec<u64> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .chain(std::iter::once(&json))
        .flat_map(|d| d["diagnostics"].as_array().cloned().unwrap_or_default())
        .filter(|d| d["code"] == "portal")
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert!(portal.contains(&8), "{portal:?}");
}

/// A task table set out by spaces whose header a wrap cut through its
/// padding (`序号  项目名称` / `牵头单位  配合单位` / `完成时限`) cannot be
/// rebuilt: its header and each row opening with its serial are kept as
/// text and reported, never lost without a word.
#[test]
fn a_spaced_table_cut_through_its_header_is_reported() {
    let text = "某市人民政府办公室关于印发某市2022年工业园改造工作方案的通知\n某政办〔2022〕8号\n各区人民政府：\n现将方案印发给你们，请认真贯彻执行。\n某市人民政府办公室\n2022年3月1日\n附件\n某市2022年工业园改造重点项目任务表\n序号  项目名称                \n    牵头单位        配合单位  \n                完成时限\n1     东区工业园改造项目。      东区\n街道办事处  市自然资源局          2022年6月底前\n2     西区工业园提升项目。      西区\n街道办事处  市经济促进局          2022年9月底前\n";
    let (out, json, _) = run("cut-table", text);
    assert_eq!(out.status.code(), Some(1));
    let doc = &json["documents"][0];
    let misread: Vec<u64> = codes(doc)
        .into_iter()
        .filter(|(_, c)| c == "misread")
        .map(|(l, _)| l)
        .collect();
    assert_eq!(misread, vec![9, 12, 14], "{:?}", codes(doc));
}
