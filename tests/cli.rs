//! End-to-end: the binary on small constructed documents, one per hard
//! case of the grammar, plus the command-line contract (stdin, -j, exit
//! codes).

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
}

/// Runs `extract -` on `text` and returns the document records.
fn extract(text: &str) -> Vec<Value> {
    use std::io::Write;
    let mut child = bin()
        .args(["extract", "-", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exit {:?}", out.status);
    common::documents_of(&out.stdout)
}

/// (line, kind/number path) of every clause in the record, in order.
fn clauses(doc: &Value) -> Vec<(u64, String)> {
    fn walk(nodes: &Value, pre: &str, out: &mut Vec<(u64, String)>) {
        for n in nodes.as_array().into_iter().flatten() {
            let p = format!("{pre}/{}{}", n["kind"].as_str().unwrap(), n["number"]);
            out.push((n["line"].as_u64().unwrap(), p.clone()));
            walk(&n["children"], &p, out);
        }
    }
    let mut out = Vec::new();
    walk(&doc["clauses"], "", &mut out);
    walk(&doc["enclosure"]["clauses"], "=", &mut out);
    out
}

#[test]
fn multi_line_title_number_addressees_signature_date() {
    let docs = extract(
        "国务院办公厅关于印发国家职业教育产教融合\n深化行动计划的通知\n国办发 〔2019〕 5 号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n　　《国家职业教育产教融合深化行动计划》已经国务院同意，现印发给你们，请认真贯彻执行。\n国务院办公厅\n二○一九年二月十三日\n国家职业教育产教融合深化行动计划\n一、总体要求\n（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导。\n1．加强统筹。统筹推进各项工作。\n",
    );
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(
        d["title"],
        "国务院办公厅关于印发国家职业教育产教融合深化行动计划的通知"
    );
    assert_eq!(d["doc_type"], "通知");
    assert_eq!(d["doc_number"]["issuer_code"], "国办发");
    assert_eq!(d["doc_number"]["year"], 2019);
    assert_eq!(d["doc_number"]["serial"], 5);
    assert_eq!(d["addressees"][0], "各省");
    assert_eq!(d["issuers"], serde_json::json!(["国务院办公厅"]));
    assert_eq!(d["date"], "2019-02-13");
    assert_eq!(d["enclosure"]["title"], "国家职业教育产教融合深化行动计划");
    assert_eq!(
        clauses(d),
        vec![
            (9, "=/cn1".into()),
            (10, "=/cn1/cn_paren1".into()),
            (11, "=/cn1/cn_paren1/num1".into())
        ]
    );
}

#[test]
fn title_number_and_addressees_on_one_line_and_signature_run_into_text() {
    let docs = extract(
        "某市人民政府关于印发《某市某某方案》的通知某政发〔2020〕8号各县区人民政府，市直各部门:\n《某市某某方案》已经市人民政府同意，现印发给你们。某市人民政府\n2020年4月17日\n某市某某方案\n一、工作目标\n",
    );
    let d = &docs[0];
    assert_eq!(d["title"], "某市人民政府关于印发《某市某某方案》的通知");
    assert_eq!(d["doc_number"]["raw"], "某政发〔2020〕8号");
    assert_eq!(
        d["addressees"],
        serde_json::json!(["各县区人民政府", "市直各部门"])
    );
    assert_eq!(d["issuers"], serde_json::json!(["某市人民政府"]));
    assert_eq!(d["date"], "2020-04-17");
    assert_eq!(d["enclosure"]["title"], "某市某某方案");
}

#[test]
fn run_on_marker_two_labels_and_wrapped_lines() {
    let docs = extract(
        "某市人民政府关于印发某方案的通知\n某政发〔2020〕1号\n各县区：\n一、重点工作\n(二)加快补齐短板1.全面完成整治任务。持续推进厕所革命，建设农村户用卫生厕所，普及率达到百分之八十五以上，持续\n推进农村垃圾治理。\n牵头单位:市委组织部参加单位:各县区党委,市直各党工委\n完成时限:2020年12月底前\n",
    );
    let d = &docs[0];
    assert_eq!(
        clauses(d),
        vec![
            (4, "/cn1".into()),
            (5, "/cn1/cn_paren2".into()),
            (5, "/cn1/cn_paren2/num1".into())
        ]
    );
    let item = &d["clauses"][0]["children"][0]["children"][0];
    assert_eq!(item["heading"], "全面完成整治任务");
    assert!(item["text"]
        .as_str()
        .unwrap()
        .ends_with("推进农村垃圾治理。"));
    assert_eq!(item["fields"].as_array().unwrap().len(), 3);
    assert_eq!(item["task"]["lead"], serde_json::json!(["市委组织部"]));
    assert_eq!(
        item["task"]["participating"],
        serde_json::json!(["各县区党委", "市直各党工委"])
    );
    assert_eq!(item["task"]["deadline"]["due"], "2020-12-31");
}

#[test]
fn numbers_inside_sentences_bullets_and_rosters_are_not_clauses() {
    let docs = extract(
        "某市人民政府关于成立领导小组的通知\n某政发〔2020〕2号\n各部门：\n2020年是全面建成小康社会目标实现之年。\n——坚持需求牵引，合理布局。\n组长：张三\n副组长：李四\n9个重点特色产业方面:\n第十三条内容并结合年度工作重点细化形成方案。\n一、工作要求\n",
    );
    assert_eq!(clauses(&docs[0]), vec![(10, "/cn1".into())]);
}

#[test]
fn inline_task_brackets_in_both_widths() {
    let docs = extract(
        "某市人民政府办公室关于印发实施意见的通知\n某政办发〔2021〕3号\n各区：\n一、重点任务\n1．推进规划编制。加快编制专项规划。（牵头单位：市发展改革委，配合单位：市财政局、市自然资源局）\n2. 加强监督检查。纳入督查范围。〔责任单位:各区人民政府〕\n",
    );
    let items = &docs[0]["clauses"][0]["children"];
    assert_eq!(
        items[0]["task"]["lead"],
        serde_json::json!(["市发展改革委"])
    );
    assert_eq!(
        items[0]["task"]["participating"],
        serde_json::json!(["市财政局", "市自然资源局"])
    );
    assert_eq!(
        items[1]["task"]["responsible"],
        serde_json::json!(["各区人民政府"])
    );
}

#[test]
fn a_web_page_repeating_its_title_gives_one_document() {
    let docs = extract(
        "某市人民政府办公室关于加强道路管理的通知\n发布日期：2021-03-18\n某市人民政府办公室关于加强道路管理的通知\n某政办函〔2021〕12号\n各区、县（市）人民政府：\n一、严格控制道路开挖\n打印本页　　关闭窗口\n",
    );
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["source"]["line_start"], 3);
}

#[test]
fn attachment_lists_before_the_signature_are_not_clauses() {
    let docs = extract(
        "某部关于印发两项制度的通知\n某部发〔2020〕7号\n各司局：\n现将两项制度印发给你们。\n附件：1．某某制度\n2．某某办法\n某部\n2020年5月12日\n",
    );
    assert!(clauses(&docs[0]).is_empty(), "{:?}", clauses(&docs[0]));
    assert_eq!(docs[0]["date"], "2020-05-12");
}

#[test]
fn stdin_gives_the_same_documents_as_the_file() {
    let path = "input/shizuishan-2021-wenjian.txt";
    let text = std::fs::read_to_string(path).unwrap();
    let from_stdin = extract(&text);
    let dir = tempfile::tempdir().unwrap();
    let st = bin()
        .args(["extract", path, "-o"])
        .arg(dir.path())
        .arg("--quiet")
        .status()
        .unwrap();
    assert!(st.success());
    let file = common::documents(
        &std::fs::read_to_string(dir.path().join("shizuishan-2021-wenjian.jsonl")).unwrap(),
    );
    assert_eq!(from_stdin.len(), file.len());
    for (a, b) in from_stdin.iter().zip(&file) {
        assert_eq!(a["title"], b["title"]);
        assert_eq!(a["clauses"], b["clauses"]);
        assert_eq!(a["source"]["line_start"], b["source"]["line_start"]);
    }
}

#[test]
fn one_thread_and_two_threads_write_the_same_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for (dir, j) in [(&a, "1"), (&b, "2")] {
        let st = bin()
            .args(["extract", "input", "tests/cases", "-j", j, "--quiet", "-o"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(st.success());
    }
    let mut names: Vec<_> = std::fs::read_dir(a.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    names.sort();
    assert!(names.len() > 5);
    for n in names {
        let x = std::fs::read(a.path().join(&n)).unwrap();
        let y = std::fs::read(b.path().join(&n)).unwrap();
        assert!(x == y, "{n:?} differs between -j 1 and -j 2");
    }
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    // A missing input: reported as `path: reason`, exit 1, the rest written.
    let out = bin()
        .args(["extract", "input", "no/such/file.txt", "--quiet", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt: "));
    assert!(Path::new(&dir.path().join("shizuishan-2021-wenjian.jsonl")).exists());
    // A usage error.
    let out = bin()
        .args(["extract", "--format", "yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn organ_and_date_on_one_signature_line() {
    let docs = extract(
        "国务院关于印发某某规划的通知\n国发〔2021〕29号\n各省、自治区、直辖市人民政府：\n　　现将《某某规划》印发给你们。\n国务院　　　　2021年12月12日\n（此件公开发布）\n某某规划\n一、发展现状\n",
    );
    assert_eq!(docs[0]["issuers"], serde_json::json!(["国务院"]));
    assert_eq!(docs[0]["date"], "2021-12-12");
    assert_eq!(docs[0]["enclosure"]["title"], "某某规划");
}

#[test]
fn regulation_with_contents_sections_and_items() {
    let text = std::fs::read_to_string("tests/cases/zhejiang-renda-gonggao.txt").unwrap();
    let docs = extract(&text);
    let cl = clauses(&docs[0]);
    // The 目录 block (lines 8–15) repeats the chapters: none of its lines is a clause.
    assert!(
        cl.iter().all(|(line, _)| !(8..=15).contains(line)),
        "{cl:?}"
    );
    assert!(cl.iter().any(|(_, p)| p == "=/chapter2/section1"), "{cl:?}");
}

#[test]
fn an_enclosed_plan_opening_with_a_colon_sentence_is_not_a_new_document() {
    let docs = extract(
        "某市人民政府关于印发某某实施方案的通知\n某政发〔2021〕3号\n各县区人民政府，市直各部门：\n现将《某某实施方案》印发给你们。\n某市人民政府\n2021年3月1日\n某某实施方案\n为贯彻落实《国务院关于加强某某工作的意见》，结合市政府工作要求，制定如下方案：\n一、总体要求\n",
    );
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["enclosure"]["title"], "某某实施方案");
}

#[test]
fn a_number_in_brackets_after_the_title_on_the_same_line() {
    let docs = extract("国务院关于实施健康中国行动的意见（国发〔2019〕13号）\n各省、自治区、直辖市人民政府：\n一、总体要求\n");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["title"], "国务院关于实施健康中国行动的意见");
    assert_eq!(docs[0]["doc_number"]["raw"], "国发〔2019〕13号");
    assert!(docs[0]["citations"].as_array().unwrap().is_empty());
}

#[test]
fn unnumbered_documents_after_a_signed_one() {
    let docs = extract(
        "某市人民政府关于做好防汛工作的通知\n某政发〔2020〕9号\n各县区人民政府：\n一、加强值守\n某市人民政府\n2020年6月1日\n中共某市委关于加强基层治理的决定\n一、总体要求\n某市城市绿化条例\n（2019年5月30日某市人民代表大会常务委员会第二十次会议通过）\n第一条　为了加强城市绿化，制定本条例。\n",
    );
    let starts: Vec<u64> = docs
        .iter()
        .map(|d| d["source"]["line_start"].as_u64().unwrap())
        .collect();
    assert_eq!(starts, vec![1, 7, 9]);
    assert!(docs[1]["doc_number"].is_null());
    assert_eq!(clauses(&docs[2]), vec![(11, "/article1".into())]);
}

#[test]
fn an_order_heading_and_its_number_on_one_line() {
    let docs = extract(
        "中华人民共和国国务院令　第706号\n　　《农村公路养护管理条例》已经国务院第28次常务会议通过，现予公布，自2019年1月1日起施行。\n总理　李克强\n2018年10月26日\n农村公路养护管理条例\n第一章　总　　则\n第一条　为了加强农村公路养护管理，制定本条例。\n",
    );
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["title"], "中华人民共和国国务院令");
    assert_eq!(docs[0]["doc_number"]["serial"], 706);
    assert!(docs[0]["doc_number"]["year"].is_null());
    assert_eq!(docs[0]["date"], "2018-10-26");
    assert_eq!(docs[0]["enclosure"]["title"], "农村公路养护管理条例");
}

#[test]
fn an_announcement_numbered_in_brackets_on_its_title_line() {
    let docs = extract(
        "全国人民代表大会常务委员会公告（第38号）\n　　《中华人民共和国某某法》已于2020年6月20日通过，现予公布。\n全国人民代表大会常务委员会\n2020年6月20日\n",
    );
    assert_eq!(docs[0]["title"], "全国人民代表大会常务委员会公告");
    assert_eq!(docs[0]["doc_number"]["raw"], "第38号");
    assert_eq!(docs[0]["doc_number"]["serial"], 38);
}

/// Every line of the sample and of every case holding a document is placed;
/// a file holding none (a yearbook granule that is not a 文件选辑) fails
/// `--strict`, its lines being unplaced.
#[test]
fn strict_passes_on_the_sample_and_every_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut with_documents = vec!["input".to_owned()];
    let mut without = Vec::new();
    for e in std::fs::read_dir("tests/cases").unwrap().flatten() {
        let p = e.path();
        let Some(name) = p.to_str().and_then(|s| s.strip_suffix(".gold.json")) else {
            continue;
        };
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let txt = format!("{name}.txt");
        if gold["documents"].as_array().is_some_and(|d| d.is_empty()) {
            without.push(txt);
        } else {
            with_documents.push(txt);
        }
    }
    assert!(!without.is_empty());
    let run = |inputs: &[String]| {
        bin()
            .args(["extract", "--strict", "--quiet", "-o"])
            .arg(dir.path())
            .args(inputs)
            .output()
            .unwrap()
    };
    let out = run(&with_documents);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in &without {
        let out = run(std::slice::from_ref(f));
        assert_eq!(out.status.code(), Some(1), "{f}");
    }
}

#[test]
fn related_links_in_a_page_footer_are_not_documents() {
    let docs = extract(
        "某市人民政府办公厅关于加强道路管理的通知\n某政办函〔2021〕12号\n各区人民政府：\n一、严格控制道路开挖\n某市人民政府办公厅\n2021年3月16日\n打印本页　　关闭窗口\n相关链接：\n某市人民政府关于印发某市城市道路挖掘管理办法的通知\n主办：某市人民政府办公厅\n",
    );
    assert_eq!(docs.len(), 1);
}

/// A page footer after a signed document never swallows the next document:
/// its title, number, addressees and date are document elements.
#[test]
fn page_furniture_after_a_document_does_not_swallow_the_next() {
    let text = "石嘴山市人民政府办公室关于做好春季防火工作的通知\n石政办发〔2021〕3号\n各县区人民政府：\n一、加强巡查。\n二、落实责任。\n石嘴山市人民政府办公室\n2021年3月1日\n打印本页\n石嘴山市人民政府办公室关于做好防汛工作的通知\n石政办发〔2021〕9号\n各县区人民政府：\n一、排查隐患。\n二、备足物资。\n石嘴山市人民政府办公室\n2021年5月6日\n";
    let docs = extract(text);
    assert_eq!(docs.len(), 2, "{docs:#?}");
    assert_eq!(docs[1]["source"]["line_start"], 9);
    assert_eq!(docs[1]["doc_number"]["serial"], 9);
    assert_eq!(docs[1]["date"], "2021-05-06");
    assert_eq!(clauses(&docs[1]).len(), 2);
}

/// A web page that begins at the addressees (the title cut off) is still a
/// document: no title, a `no_title` diagnostic, the number from the page
/// metadata, and the plan after the signature as its enclosure.
#[test]
fn a_document_without_a_title() {
    let text = "当前位置：首页 > 政策文件\n发文字号：武政办〔2021〕45号　　发布日期：2021年06月11日\n各区人民政府，市人民政府各部门：\n　　《武汉市城市更新工作方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。\n武汉市人民政府办公厅\n2021年6月8日\n武汉市城市更新工作方案\n一、总体要求\n二、重点任务\n【打印本页】【关闭窗口】\n";
    let docs = extract(text);
    assert_eq!(docs.len(), 1, "{docs:#?}");
    let d = &docs[0];
    assert_eq!(d["title"], Value::Null);
    assert_eq!(d["source"]["line_start"], 3);
    assert_eq!(d["doc_number"]["raw"], "武政办〔2021〕45号");
    assert_eq!(d["addressees"][1], "市人民政府各部门");
    assert_eq!(d["date"], "2021-06-08");
    assert_eq!(d["enclosure"]["title"], "武汉市城市更新工作方案");
    assert_eq!(d["citations"], serde_json::json!([]));
    assert!(d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["code"] == "no_title" && x["line"] == 3));
}

/// A page that begins at the number, with the addressees after it.
#[test]
fn a_document_beginning_at_its_number() {
    let text = "国办函〔2020〕12号\n北京市人民政府：\n你市关于设立某示范区的请示收悉。现函复如下：\n一、同意设立示范区。\n国务院办公厅\n2020年2月3日\n";
    let docs = extract(text);
    assert_eq!(docs.len(), 1, "{docs:#?}");
    assert_eq!(docs[0]["title"], Value::Null);
    assert_eq!(docs[0]["source"]["line_start"], 1);
    assert_eq!(docs[0]["doc_number"]["serial"], 12);
    assert_eq!(docs[0]["addressees"][0], "北京市人民政府");
    assert_eq!(docs[0]["issuers"][0], "国务院办公厅");
}

/// A citation keeps its issuer as written (中华人民共和国国务院令第628号), and
/// the document's own number is never its citation.
#[test]
fn citations_keep_their_issuer_and_skip_the_own_number() {
    let docs = extract("关于做好殡葬管理工作的通知\n宁政办发〔2021〕3号\n各市人民政府：\n一、根据《殡葬管理条例》（中华人民共和国国务院令第628号）和本通知（宁政办发〔2021〕3号）要求，做好工作。\n宁夏回族自治区人民政府办公厅\n2021年3月1日\n");
    let cites: Vec<&str> = docs[0]["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["doc_number"]["raw"].as_str().unwrap())
        .collect();
    assert_eq!(cites, ["中华人民共和国国务院令第628号"]);
    assert_eq!(
        docs[0]["citations"][0]["doc_number"]["issuer_code"],
        "中华人民共和国国务院令"
    );
}
