//! Labelled information (牵头单位：…, 完成时限：…) and the task built from it.
//!
//! Two layouts give the same `[label, value]` pairs: label lines after a
//! clause (two labels may share a line) and a bracket closing the clause's
//! text (（牵头单位：市发改委，配合单位：市财政局）, 〔责任单位:…〕). Roles come
//! from `grammar/labels.tsv`; unit lists and deadlines are normalised by
//! `normalize`.

use crate::attribution::Attribution;
use crate::lexicon::{Lexicon, Role};
use crate::normalize::deadline::{parse_deadline, DeadlineKind};
use crate::normalize::units::{before_full_stop, split_list, split_names};
use crate::record::{Layout, Task};
use crate::text;

/// Splits a text that starts with a label into its `[label, value]` pairs,
/// cutting where another label begins: one followed by its colon, one in
/// 【】, or one alone in the next cell of a row flattened to text.
pub fn split_labels(s: &str, lex: &Lexicon) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s;
    // After the first label, one the grammar does not list may follow
    // (责任单位：市商务局　　对接人：李建华): its word ended the value before.
    fn label_at<'s>(lex: &Lexicon, rest: &'s str, first: bool) -> Option<(&'s str, usize)> {
        lex.label_at(rest)
            .map(|(l, _, n)| (l, n))
            .or_else(|| (!first).then(|| lex.unlisted_label_at(rest)).flatten())
    }
    while let Some((label, n)) = label_at(lex, rest, out.is_empty()) {
        let after = &rest[n..];
        // The next label starts at a char boundary where label_at matches.
        // The next label ends right before a colon: look only there.
        let next = text::non_ideographs(after)
            .filter(|(_, c)| text::is_colon(*c))
            .find_map(|(ci, _)| {
                let head = after[..ci].trim_end_matches(text::is_space);
                lex.label_ending(head)
                    .or_else(|| lex.unlisted_label_ending(head))
            });
        // Or a label in 【】 (【牵头单位】X【完成时限】Y), whichever comes first:
        // looked for only before the next label found by its colon, so a
        // line of many labels is read in one pass, not one per label.
        let before = &after[..next.unwrap_or(after.len())];
        let bracketed =
            text::offsets_of(before, '【').find(|&i| i > 0 && lex.label_at(&after[i..]).is_some());
        // Or a label in the next cell of a table row flattened to text
        // (牵头单位\t市发改委\t完成时限\t2020年底前).
        let in_cell = || -> Option<usize> {
            text::cell_gaps(before)
                .map(|(_, end)| end)
                .find(|&end| lex.label_at(&after[end..]).is_some())
        };
        let next = [bracketed, in_cell(), next].into_iter().flatten().min();
        let (value, tail) = match next {
            Some(i) => (&after[..i], &after[i..]),
            None => (after, ""),
        };
        // Separators between two labels are not part of the value; a
        // value that ends the line keeps its last character (it may wrap).
        // (Nor the bars closing a table row's cells: 牵头单位 | 市发改委 |.)
        let cell_end = |c| matches!(c, '|' | '｜') || text::is_space(c);
        let value = text::trim(value).trim_end_matches(cell_end);
        let value = if next.is_some() {
            value.trim_end_matches([',', '，', ';', '；', '、'])
        } else {
            value
        };
        out.push((label.to_owned(), text::trim(value).to_owned()));
        rest = tail;
        if rest.is_empty() {
            break;
        }
    }
    out
}

/// A bracket closing `s` that holds labelled pairs: returns the byte offset
/// of the opening bracket and the pairs.
pub fn closing_bracket(s: &str, lex: &Lexicon) -> Option<(usize, Vec<(String, String)>)> {
    let t = s.trim_end_matches(|c: char| text::is_space(c) || matches!(c, '。' | '.' | '；' | ';'));
    let last = t.chars().last()?;
    if !text::is_close_bracket(last) {
        return None;
    }
    // The matching opening bracket: the last opener whose text starts with a
    // label.
    let inner_end = t.len() - last.len_utf8();
    for (i, c) in text::non_ideographs_rev(&t[..inner_end]) {
        if text::is_open_bracket(c) {
            let inner = &t[i + c.len_utf8()..inner_end];
            // (The closing bracket is this opener's only when the brackets
            // inside are closed: （责任单位：各县（市、区） ends inside.)
            let balanced = || {
                inner.chars().filter(|c| matches!(c, '(' | '（')).count()
                    == inner.chars().filter(|c| matches!(c, ')' | '）')).count()
            };
            // (And a bracket of its own pair: （…各县〔市、区〕 is not closed
            // by the 〕.)
            if text::closes(c, last) && lex.label_at(text::trim(inner)).is_some() && balanced() {
                let pairs = split_labels(text::trim(inner), lex);
                if !pairs.is_empty() {
                    // A bracket of labels right before it (（牵头单位：X）
                    // （配合单位：Y）): theirs first.
                    if let Some((j, mut before)) = closing_bracket(&t[..i], lex) {
                        before.extend(pairs);
                        return Some((j, before));
                    }
                    return Some((i, pairs));
                }
            }
        }
    }
    None
}

/// A value that says there is none: a dash or a slash (—, －, -, ／, /),
/// 无 or 暂无, its full stop or none. It names no unit and no deadline.
pub fn is_placeholder(value: &str) -> bool {
    let v = text::trim(value).trim_end_matches(['。', '.']);
    let dash = |c: char| matches!(c, '—' | '–' | '-' | '－' | '─' | '/' | '／' | '\\' | '×');
    !v.is_empty() && v.chars().all(dash) || matches!(v, "无" | "暂无" | "無" | "空")
}

/// Builds the task from a clause's fields; None when it has none.
/// `lead_rule`: the line of the document's sentence stating that the first
/// unit named leads, in force for the clause; a 部门分工 sentence naming no
/// lead then gives its first responsible unit the lead, as an attribution
/// in the prose does (`attribution_task`).
pub fn task(
    fields: &[(String, String)],
    lex: &Lexicon,
    doc_year: Option<i32>,
    lead_rule: Option<usize>,
    places: &[String],
) -> (Option<Task>, Vec<String>) {
    if fields.is_empty() {
        return (None, Vec::new());
    }
    let mut t = Task::default();
    let mut warnings = Vec::new();
    // A deadline closing a unit list (责任单位：市财政局，2022年底前完成): the
    // task's when no label names one, the first so written when several do.
    let mut unit_deadline: Option<&str> = None;
    for (label, value) in fields {
        if is_placeholder(value) {
            continue;
        }
        let role = lex.role_of(label);
        let value = match role.names_units().then(|| deadline_after_units(value, lex)) {
            Some(Some((units, deadline))) => {
                unit_deadline = unit_deadline.or(Some(deadline));
                units
            }
            _ => value.as_str(),
        };
        let listed = role
            .names_units()
            .then(|| spaced_units(value, lex, places))
            .flatten();
        let value = listed.as_deref().unwrap_or(value);
        match role {
            Role::Lead => lex.units.split_units_placed(value, places, &mut t.lead),
            // 责任单位：市市场监管局牵头，市公安局、税务局配合: the verbs give the
            // roles, as under 部门分工.
            // A unit marked so in the list (市住房城乡建设局（牵头），…) leads.
            Role::Responsible => match names_roles(value)
                .then(|| lex.attribution.whole(value).map(|a| a.units))
                .flatten()
                .or_else(|| marked_lead(value))
                .filter(|units| units.iter().any(|(r, _)| *r != Role::Responsible))
            {
                Some(units) => add_units(&mut t, &units, lex, places),
                None => lex
                    .units
                    .split_units_placed(value, places, &mut t.responsible),
            },
            Role::Participating => {
                lex.units
                    .split_units_placed(value, places, &mut t.participating)
            }
            Role::Implementing => lex
                .units
                .split_units_placed(value, places, &mut t.implementing),
            Role::Leaders => t.leaders.extend(split_names(value, &lex.leader_post)),
            Role::Deadline => {
                if t.deadline.is_none() {
                    let (d, warn) = parse_deadline(value, doc_year, &lex.deadline);
                    t.deadline = Some(d);
                    warnings.extend(warn);
                }
            }
            // 部门分工：省发展改革委牵头，各地、各部门配合。 Read as an attribution;
            // a plain list is responsible.
            Role::Division => match lex.attribution.whole(value) {
                Some(a) => {
                    add_units(&mut t, &a.units, lex, places);
                    // (部门分工：X、Y负责，Z配合 under the rule: X leads.)
                    if let Some(line) =
                        lead_rule.filter(|_| t.lead.is_empty() && !t.responsible.is_empty())
                    {
                        t.lead.push(t.responsible.remove(0));
                        t.lead_rule_line = Some(line);
                    }
                }
                None => lex
                    .units
                    .split_units_placed(value, places, &mut t.responsible),
            },
            Role::Field => {}
        }
    }
    if let Some(raw) = unit_deadline.filter(|_| t.deadline.is_none()) {
        let (d, warn) = parse_deadline(raw, doc_year, &lex.deadline);
        t.deadline = Some(d);
        warnings.extend(warn);
    }
    (Some(t), warnings)
}

/// A unit list that a deadline closes, after a comma or in a bracket of its
/// own (`盟林草局、财政局，2022年底前完成`, `盟林草局（2022年9月底前完成）`): the
/// units and the deadline. None when the last part names no time the
/// deadline grammar reads, or nothing stands before it.
fn deadline_after_units<'v>(value: &'v str, lex: &Lexicon) -> Option<(&'v str, &'v str)> {
    let v = text::trim(value).trim_end_matches(['。', '.', '；', ';']);
    let last = v.chars().next_back()?;
    // (Most values are a list alone: no comma nor semicolon, no closing
    // bracket last. A deadline holds a digit, 年, 月 or 期 (长期), 续 (持续):
    // look no further without.)
    if !(text::is_close_bracket(last) || v.contains(['，', ',', '；', ';']))
        || !v.contains(|c: char| text::is_digit(c) || matches!(c, '年' | '月' | '期' | '续'))
    {
        return None;
    }
    let (units, deadline) = if text::is_close_bracket(last) {
        let inner_end = v.len() - last.len_utf8();
        let (i, open) =
            text::non_ideographs_rev(&v[..inner_end]).find(|(_, c)| text::is_open_bracket(*c))?;
        if !text::closes(open, last) {
            return None;
        }
        (&v[..i], &v[i + open.len_utf8()..inner_end])
    } else {
        // The last part after a comma or semicolon outside brackets.
        let mut depth = 0i32;
        let mut cut = None;
        for (i, c) in text::non_ideographs(v) {
            if text::is_open_bracket(c) {
                depth += 1;
            } else if text::is_close_bracket(c) {
                depth -= 1;
            } else if depth == 0 && matches!(c, '，' | ',' | '；' | ';') {
                cut = Some((i, c.len_utf8()));
            }
        }
        let (i, n) = cut?;
        (&v[..i], &v[i + n..])
    };
    let units = text::trim(units).trim_end_matches(['，', ',', '；', ';', '、']);
    let deadline = text::trim(deadline);
    // (A period opens it, its term or the work done after it, or a word of
    // how long: not a year opening a unit's or a work's name, 市住建局，
    // 2021年新建小区物业企业.)
    let words = &lex.deadline;
    let opens = crate::normalize::deadline::after_period(deadline, |rest| {
        lex.attribution.closes_period(rest)
    }) || words
        .ongoing
        .iter()
        .chain(&words.recurring)
        .any(|w| deadline.starts_with(w.as_str()));
    (!units.is_empty()
        && opens
        && lex.attribution.is_deadline_phrase(deadline)
        && parse_deadline(deadline, None, &lex.deadline).0.kind != DeadlineKind::Unparsed)
        .then_some((units, deadline))
}

/// A unit cell whose units stand on lines of their own, joined by a space
/// (`市民政局 市财政局`), as a list: each piece a whole unit naming its own
/// level or place (not an organ's department or branch after it: `市政府
/// 办公室`, `市委 宣传部`, `市公安局 交警支队` are one name each), none only a
/// name's ending (`某县 人民政府`) nor a city or province alone over the
/// others (`兰州市 城关区`), no separator in the value.
fn spaced_units(value: &str, lex: &Lexicon, places: &[String]) -> Option<String> {
    let v = text::trim(value);
    // One scan: a separator ends it, a space is what it looks for.
    let mut spaced = false;
    for c in v.chars() {
        if matches!(c, '、' | '，' | ',' | '；' | ';') {
            return None;
        }
        spaced |= text::is_space(c);
    }
    if !spaced {
        return None;
    }
    let pieces: Vec<&str> = v.split(text::is_space).filter(|p| !p.is_empty()).collect();
    let above = |p: &&str| {
        let last = p.chars().last().unwrap_or(' ');
        matches!(last, '市' | '省') && !pieces.iter().all(|q| q.ends_with(last))
    };
    let units = pieces.len() > 1
        && !pieces.iter().any(above)
        && pieces.iter().all(|p| {
            lex.attribution.is_unit(p)
                && !lex.attribution.is_bare_ending(p)
                && lex.units.names_own_level(p, places)
        });
    units.then(|| pieces.join("、"))
}

/// `value` holds a word that gives a unit another role than responsible
/// (牵头, 配合, 参与, 协助, 协同, 会同): read further as an attribution.
fn names_roles(value: &str) -> bool {
    // (Their first characters, looked for in one pass first.)
    value.contains(['牵', '配', '参', '协', '会'])
        && ["牵头", "配合", "参与", "协助", "协同", "会同"]
            .iter()
            .any(|w| value.contains(w))
}

/// A list of units one of which is marked as leading (市住房城乡建设局（牵头），
/// 市自然资源局): each with its role, the mark dropped; `None` when none is.
fn marked_lead(value: &str) -> Option<Vec<(Role, String)>> {
    if !value.contains("牵头") {
        return None;
    }
    let marks = ["（牵头）", "(牵头)"];
    let mut any = false;
    // (Up to its full stop, as a plain list: …，市财政局、卫生局。)
    let units = split_list(before_full_stop(value))
        .into_iter()
        .map(
            |item| match marks.iter().find_map(|m| item.strip_suffix(m)) {
                Some(unit) => {
                    any = true;
                    (Role::Lead, text::trim(unit).to_owned())
                }
                None => (Role::Responsible, item.to_owned()),
            },
        )
        .collect();
    any.then_some(units)
}

/// Units in the order written, each with its role, expanded as one list.
fn add_units(t: &mut Task, units: &[(Role, String)], lex: &Lexicon, places: &[String]) {
    let expanded = lex
        .units
        .expand(units.iter().map(|(_, u)| u.as_str()), places);
    for ((role, _), unit) in units.iter().zip(expanded) {
        match role {
            Role::Lead => t.lead.push(unit),
            Role::Participating => t.participating.push(unit),
            Role::Implementing => t.implementing.push(unit),
            _ => t.responsible.push(unit),
        }
    }
}

/// A span of time counted from now (两年内, 3个月内, 十五日内, 一个季度内, 30天以内,
/// 三个月之内).
fn within(raw: &str) -> bool {
    [
        "年内",
        "月内",
        "日内",
        "天内",
        "周内",
        "季度内",
        "以内",
        "之内",
    ]
    .iter()
    .any(|w| raw.contains(w))
}

/// Builds the task of an attribution in a clause's prose. `lead_rule` is the line
/// of the document's sentence stating that the first unit named leads, when it is
/// in force for this clause: an attribution naming no lead then gives its first
/// responsible unit the lead (`X、Y负责` → lead X).
pub fn attribution_task(
    a: &Attribution,
    lex: &Lexicon,
    doc_year: Option<i32>,
    lead_rule: Option<usize>,
    places: &[String],
) -> (Task, Vec<String>) {
    let mut t = Task {
        layout: Layout::Attribution,
        ..Task::default()
    };
    add_units(&mut t, &a.units, lex, places);
    if let Some(line) = lead_rule.filter(|_| t.lead.is_empty() && !t.responsible.is_empty()) {
        t.lead.push(t.responsible.remove(0));
        t.lead_rule_line = Some(line);
    }
    let mut warnings = Vec::new();
    if let Some(raw) = &a.deadline {
        let (d, warn) = parse_deadline(raw, doc_year, &lex.deadline);
        // An unlabelled part after the runs that names no time the deadline
        // grammar knows is the rest of the sentence, no deadline (由X牵头，Y配合，
        // 深入开展专项整治三年行动; 组织开展“安全生产月”活动); a span counted from
        // now is one (两年内完成, 3个月内完成).
        if d.kind != DeadlineKind::Unparsed || !a.fields.is_empty() || within(raw) {
            t.deadline = Some(d);
            warnings.extend(warn);
        }
    }
    (t, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No character the label and bracket scans look for (colons, opening
    /// brackets) is in U+4000–U+9FFF, which `text::non_ideographs` passes
    /// over.
    #[test]
    fn label_punctuation_is_no_ideograph() {
        let passed_over = text::passed_over(|c| text::is_colon(c) || text::is_open_bracket(c));
        assert!(
            passed_over.is_empty(),
            "{passed_over:?} would be passed over"
        );
    }

    /// A deadline closing a unit list, after a comma or in a bracket of its
    /// own, is the task's, not a unit; a label's own deadline wins over it.
    #[test]
    fn deadline_after_units_is_the_tasks() {
        let lex = Lexicon::builtin();
        let read = |fields: &[(&str, &str)]| {
            let fields: Vec<(String, String)> = fields
                .iter()
                .map(|(l, v)| (l.to_string(), v.to_string()))
                .collect();
            let t = task(&fields, &lex, Some(2022), None, &[]).0.unwrap();
            let due = t.deadline.and_then(|d| d.due);
            (t.lead, t.responsible, due)
        };
        let (_, r, due) = read(&[("责任单位", "盟林草局、财政局，2022年底前完成")]);
        assert_eq!(
            (r, due.as_deref()),
            (
                vec!["盟林草局".to_owned(), "盟财政局".to_owned()],
                Some("2022-12-31")
            )
        );
        let (l, _, due) = read(&[("牵头单位", "盟林草局（2022年9月底前完成）")]);
        assert_eq!(
            (l, due.as_deref()),
            (vec!["盟林草局".to_owned()], Some("2022-09-30"))
        );
        let (l, _, due) = read(&[
            ("牵头单位", "市水利局，2020年9月底前完成"),
            ("完成时限", "2022年6月底前"),
        ]);
        assert_eq!(
            (l, due.as_deref()),
            (vec!["市水利局".to_owned()], Some("2022-06-30"))
        );
        // (A year opening a name, brackets that name no time: units.)
        for (value, n) in [
            ("市住建局，2021年新建小区物业企业", 2),
            ("各县（市、区）", 1),
            ("各县（市、区）人民政府，市财政局", 2),
        ] {
            let (_, r, due) = read(&[("责任单位", value)]);
            assert_eq!((r.len(), due), (n, None), "{value}");
        }
    }

    /// A part after an attribution's runs that names no time the deadline
    /// grammar knows is the sentence's rest, no deadline; one that does is.
    #[test]
    fn attribution_deadline_names_a_time() {
        let lex = Lexicon::builtin();
        let due = |t: &str| {
            let a = lex.attribution.whole(t).unwrap();
            attribution_task(&a, &lex, Some(2020), None, &[])
                .0
                .deadline
                .map(|d| d.raw)
        };
        for t in [
            "由市应急局牵头，市住建局配合，深入开展安全生产专项整治三年行动",
            "由市应急局牵头，市住建局配合，开展为期一个月的专项检查",
        ] {
            assert_eq!(due(t), None, "{t}");
        }
        assert_eq!(
            due("市财政局负责，2021年底前完成").as_deref(),
            Some("2021年底前完成")
        );
    }

    /// Labels in 【】 on one line are cut where the next opens.
    #[test]
    fn bracketed_labels_on_one_line() {
        let lex = Lexicon::builtin();
        assert_eq!(
            split_labels("【牵头单位】市发改委【完成时限】2021年底前", &lex),
            vec![
                ("牵头单位".to_owned(), "市发改委".to_owned()),
                ("完成时限".to_owned(), "2021年底前".to_owned())
            ]
        );
    }

    /// Labels in the cells of a flattened table row, no colon, are cut
    /// where the next label's cell opens.
    #[test]
    fn labels_in_cells_of_one_row() {
        let lex = Lexicon::builtin();
        let pair = |l: &str, v: &str| (l.to_owned(), v.to_owned());
        assert_eq!(
            split_labels("牵头单位\t市发改委\t完成时限\t2020年底前", &lex),
            vec![pair("牵头单位", "市发改委"), pair("完成时限", "2020年底前")]
        );
        assert_eq!(
            split_labels("牵头单位 | 市发改委 |", &lex),
            vec![pair("牵头单位", "市发改委")]
        );
        assert_eq!(
            split_labels("责任单位 | 各县区政府，市财政局 | 完成时限 | 每月", &lex),
            vec![
                pair("责任单位", "各县区政府，市财政局"),
                pair("完成时限", "每月")
            ]
        );
    }

    /// A dash, a slash or 无 names no unit and no deadline; the field is
    /// kept as written.
    /// Under the document's lead rule, a 部门分工 sentence naming no lead
    /// gives its first responsible unit the lead; without it, none leads.
    #[test]
    fn division_under_the_lead_rule() {
        let lex = Lexicon::builtin();
        let fields = vec![(
            "部门分工".to_owned(),
            "市人大常委会法工委、市司法局负责，市直有关部门配合。".to_owned(),
        )];
        let (t, _) = task(&fields, &lex, None, Some(3), &[]);
        let t = t.unwrap();
        assert_eq!(t.lead, vec!["市人大常委会法工委"]);
        assert_eq!(t.responsible, vec!["市司法局"]);
        assert_eq!(t.lead_rule_line, Some(3));
        let (t, _) = task(&fields, &lex, None, None, &[]);
        let t = t.unwrap();
        assert!(t.lead.is_empty());
        assert_eq!(t.responsible.len(), 2);
    }

    #[test]
    fn placeholders_name_nothing() {
        let lex = Lexicon::builtin();
        for v in ["—", "——", "／", "/", "无", "暂无", "-", "无。"] {
            assert!(is_placeholder(v), "{v}");
            let fields = vec![
                ("配合单位".to_owned(), v.to_owned()),
                ("完成时限".to_owned(), v.to_owned()),
            ];
            let (t, _) = task(&fields, &lex, Some(2021), None, &[]);
            let t = t.unwrap();
            assert!(t.participating.is_empty() && t.deadline.is_none(), "{v}");
        }
        for v in ["无锡市", "市发展改革委", "2021年底前", "1-2月", ""] {
            assert!(!is_placeholder(v), "{v}");
        }
    }

    /// Verbs in a 责任单位 value, or a unit marked （牵头）, give the roles.
    #[test]
    fn roles_inside_a_responsible_value() {
        let lex = Lexicon::builtin();
        let roles = |v: &str| {
            let (t, _) = task(
                &[("责任单位".to_owned(), v.to_owned())],
                &lex,
                None,
                None,
                &[],
            );
            let t = t.unwrap();
            (t.lead, t.responsible, t.participating)
        };
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            roles("市市场监管局牵头，市公安局、税务局配合"),
            (s(&["市市场监管局"]), s(&[]), s(&["市公安局", "市税务局"]))
        );
        assert_eq!(
            roles("市住房城乡建设局（牵头），市自然资源局、行政审批局"),
            (
                s(&["市住房城乡建设局"]),
                s(&["市自然资源局", "市行政审批局"]),
                s(&[])
            )
        );
        assert_eq!(
            roles("市公安局、税务局"),
            (s(&[]), s(&["市公安局", "市税务局"]), s(&[]))
        );
    }

    #[test]
    fn two_labels_on_one_line() {
        let lex = Lexicon::builtin();
        let got = split_labels("牵头单位:市委组织部参加单位:各县区党委,市直各党工委", &lex);
        assert_eq!(
            got,
            vec![
                ("牵头单位".to_owned(), "市委组织部".to_owned()),
                ("参加单位".to_owned(), "各县区党委,市直各党工委".to_owned())
            ]
        );
    }

    /// A label the grammar does not list, after a wide gap, ends the value
    /// before it and is kept; without the gap, or not ending as labels do,
    /// the words are the value's.
    #[test]
    fn unlisted_label_after_a_gap() {
        let lex = Lexicon::builtin();
        let pairs = |s: &str| -> Vec<(String, String)> { split_labels(s, &lex) };
        let p = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            pairs("牵头单位：市商务局　　对接部门：市投资促进局"),
            vec![p("牵头单位", "市商务局"), p("对接部门", "市投资促进局")]
        );
        assert_eq!(
            pairs("责任单位：市水务局\t联络人：张　三\t完成时限：2023年底前"),
            vec![
                p("责任单位", "市水务局"),
                p("联络人", "张　三"),
                p("完成时限", "2023年底前")
            ]
        );
        for whole in [
            "责任单位：市商务局负责人：李建华",
            "责任单位：市商务局　　备注：由市政府督查室督办",
            "责任单位：市商务局　　各县（市、区）人民政府有关部门：按职责落实",
        ] {
            assert_eq!(pairs(whole).len(), 1, "{whole}");
        }
    }

    #[test]
    fn brackets_closing_a_clause() {
        let lex = Lexicon::builtin();
        let s = "加强宣传引导。(责任单位:各县区人民政府,市委宣传部、网信办)";
        let (at, pairs) = closing_bracket(s, &lex).unwrap();
        assert_eq!(&s[..at], "加强宣传引导。");
        assert_eq!(pairs[0].1, "各县区人民政府,市委宣传部、网信办");
        let s = "推进规划编制。（牵头单位：市发展改革委，配合单位：市财政局、市自然资源局）";
        let (_, pairs) = closing_bracket(s, &lex).unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!(
            pairs[1],
            ("配合单位".to_owned(), "市财政局、市自然资源局".to_owned())
        );
        assert!(closing_bracket("按照规定执行(试行)。", &lex).is_none());
        // Two brackets of labels, one after the other.
        let s = "加快推进。（牵头单位：市发展改革委）（配合单位：市财政局）";
        let (at, pairs) = closing_bracket(s, &lex).unwrap();
        assert_eq!(&s[..at], "加快推进。");
        assert_eq!(
            pairs,
            vec![
                ("牵头单位".to_owned(), "市发展改革委".to_owned()),
                ("配合单位".to_owned(), "市财政局".to_owned())
            ]
        );
        assert!(closing_bracket("〔责任单位:各区县人民政府〕", &lex).is_some());
        // A line a wrap cut after a nested 〔…〕: the （ is still open.
        let s = "返岗。（牵头单位：市交通运输局；配合单位：市人社局，各县〔市、区〕";
        assert!(closing_bracket(s, &lex).is_none());
        let s = "返岗。（配合单位：各县〔市、区〕人民政府；完成时限：2020年3月15日前）";
        let (_, pairs) = closing_bracket(s, &lex).unwrap();
        assert_eq!(pairs[0].1, "各县〔市、区〕人民政府");
    }
}
