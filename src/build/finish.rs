//! Finishing a record: tasks from the clauses' fields and attributions,
//! the enclosure and attachments put in place, issuers from the title of an
//! unsigned notice, and citations.

use super::{Builder, Holder, Zone};
use crate::clauses::Room;
use crate::fields;
use crate::lexicon::{Lexicon, Role};
use crate::lines::Line;
use crate::marker::ClauseKind;
use crate::organs::split_organs;
use crate::record::{DiagCode, Document, Enclosure};

/// The last date in `t` and where it stands.
fn last_date(t: &str) -> Option<(crate::normalize::date::Date, std::ops::Range<usize>)> {
    let mut from = 0;
    let mut last = None;
    while let Some((d, r)) = crate::normalize::date::parse_date(&t[from..]) {
        let r = from + r.start..from + r.end;
        from = r.end;
        last = Some((d, r));
    }
    last
}

/// The day a passage note says an organ published the document, and that
/// organ: a date, the organ's name right after it, then 发布 or 公布
/// (（2021年6月8日州委常委会会议审议批准　2021年6月10日中共迪庆州委发布）).
/// Not an order's number there (…荆州市人民政府令第11号公布), read as the
/// order's.
fn published_in<'t>(
    note: &'t str,
    lex: &Lexicon,
) -> Option<(crate::normalize::date::Date, &'t str)> {
    let mut from = 0;
    while let Some((d, r)) = crate::normalize::date::parse_date(&note[from..]) {
        let after = &note[from + r.end..];
        from += r.end;
        let Some(at) = ["发布", "發布", "公布"]
            .iter()
            .filter_map(|w| after.find(w))
            .min()
        else {
            continue;
        };
        let organ = &after[..at];
        if organ.chars().all(crate::text::is_han)
            && lex
                .organ_ending(organ)
                .is_some_and(|e| e.len() < organ.len())
        {
            return Some((d, organ));
        }
    }
    None
}

/// The note opening `preamble` (its first paragraph), joined to the
/// paragraph its bracket closes in when a wrap cut it, at most
/// [`NOTE_LINES`](crate::lines::title::NOTE_LINES) of them; the first paragraph alone otherwise.
fn wrapped_note(preamble: &[crate::record::Paragraph]) -> std::borrow::Cow<'_, str> {
    let open = |t: &str| !t.contains(crate::text::is_close_paren);
    match preamble {
        [a, ..] if a.text.starts_with(crate::text::is_open_paren) && open(&a.text) => preamble
            .iter()
            .take(crate::lines::title::NOTE_LINES)
            .position(|p| !open(&p.text))
            .map_or(a.text.as_str().into(), |end| {
                preamble[..=end]
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<String>()
                    .into()
            }),
        [a, ..] => a.text.as_str().into(),
        [] => "".into(),
    }
}

pub(super) fn finish(mut b: Builder, all: &[Line]) -> Document {
    let lex = b.lex;
    // A document adopted at a meeting and not dated under a signature (a
    // 决议, a 人大常委会's 决定) is dated by its passage note under the title
    // (（2019年1月18日…会议通过）): GB/T 9704's 成文日期 of such a document.
    // A document printed without its signature, a date in brackets under
    // its title, is dated by it.
    let unsigned = b.doc.date.is_none();
    if unsigned {
        b.doc.date = b.noted_date.take();
    }
    if b.doc.date.is_none() || b.doc.doc_number.is_none() {
        // (Or the note cut by a wrap over two lines: （2021年4月29日某市第十七届
        // 人民代表大 / 会常务委员会第三十次会议通过）, or more: read to the
        // line its bracket closes on, within `NOTE_LINES`.)
        let note = wrapped_note(&b.notice.preamble);
        let note = Some(note.as_ref()).filter(|t| crate::lines::title::is_passage_note(t, lex));
        // (By the day an organ the note names published it, not the
        // meeting's: （…审议批准　2021年6月10日中共迪庆州委发布）.)
        if let Some(d) = note.filter(|_| b.doc.date.is_none()).and_then(|t| {
            published_in(t, lex)
                .map(|(d, _)| d)
                .or_else(|| crate::normalize::date::parse_date(t).map(|(d, _)| d))
        }) {
            b.doc.date = Some(d.iso());
        }
        // A regulation printed without its order's cover, under the note of
        // the order that published it (（2021年9月6日某市人民政府令第14号公布
        // 自…起施行）): that order's number is its own.
        // It is dated as the order is, by the day it was published, not the
        // meeting's (（2020年11月23日…常务会议审议通过　2020年11月30日某市人民政府
        // 令第10号公布…）).
        if b.doc.doc_number.is_none() {
            let order = note.and_then(|t| {
                crate::docnum::find_all(t)
                    .into_iter()
                    .find(|f| crate::docnum::published_by(t, f))
                    .filter(|f| {
                        f.number
                            .issuer_code
                            .as_deref()
                            .is_some_and(|c| c.ends_with('令'))
                    })
                    .map(|f| (t, f))
            });
            if let Some((t, f)) = order {
                if unsigned {
                    if let Some((d, _)) = last_date(&t[..f.range.start]) {
                        b.doc.date = Some(d.iso());
                    }
                }
                b.doc.doc_number = Some(f.number);
            }
        }
    }
    // Issuers from a 纪要's masthead when the text signs none, else from
    // the title.
    if b.doc.issuers.is_empty() {
        b.doc.issuers = std::mem::take(&mut b.masthead_issuers);
    }
    if b.doc.issuers.is_empty() {
        let title = b.doc.title.as_deref().unwrap_or("");
        // (Before 关于, or before a transmittal verb that comes first after
        // an organ: 某县人民政府批转县统计局关于… is issued by 某县人民政府; in
        // …预警信息发布中心关于…, 发布 is the organ's.)
        let cut = Lexicon::find_any(&lex.about, title)
            .into_iter()
            .chain(
                Lexicon::find_any(&lex.transmittal, title)
                    .filter(|&(at, _)| lex.organ_ending(&title[..at]).is_some()),
            )
            .min();
        if let Some((at, _)) = cut {
            if at > 0 {
                b.doc.issuers = split_organs(&title[..at], lex);
            }
        } else if let Some(organ) = headed_by(title, lex) {
            // 某某市人民政府通告, 重庆市渝北区人民政府第二十三次常务会议纪要: the
            // organ the title opens with.
            b.doc.issuers = vec![organ.to_owned()];
        } else if let Some(order) = title.strip_suffix('令') {
            // 中华人民共和国国务院令: the organ that issues the order; a named
            // order (酉阳县人民政府森林防火命令) is issued by the organ its
            // title opens with, up to the last organ ending.
            let organ = order
                .char_indices()
                .map(|(i, c)| &order[..i + c.len_utf8()])
                .rev()
                .find(|p| lex.organ_ending(p).is_some_and(|e| e.len() < p.len()))
                .unwrap_or(order);
            if !organ.is_empty() {
                b.doc.issuers = vec![organ.to_owned()];
            }
        }
    }
    // A 规章 under its order's number (…管理办法 / 某市人民政府令第2号), signed by
    // a person (市长　张某): the organ whose order it is.
    if b.doc.issuers.is_empty() {
        let order = b
            .doc
            .doc_number
            .as_ref()
            .and_then(|n| n.issuer_code.as_deref());
        if let Some(organ) = order.and_then(|c| c.strip_suffix('令')) {
            if lex
                .organ_ending(organ)
                .is_some_and(|e| e.len() < organ.len())
            {
                b.doc.issuers = vec![organ.to_owned()];
            }
        }
    }
    // Else the organ its passage note says published it.
    if b.doc.issuers.is_empty() {
        let note = wrapped_note(&b.notice.preamble);
        if let Some((_, organ)) = Some(note.as_ref())
            .filter(|t| crate::lines::title::is_passage_note(t, lex))
            .and_then(|t| published_in(t, lex))
        {
            b.doc.issuers = vec![organ.to_owned()];
        }
    }
    let year = b.doc_year();
    // The places the issuers name: a bare unit naming one stays as written.
    let places = crate::normalize::units::own_places(&b.doc.issuers);
    let mut warnings: Vec<(usize, String)> = Vec::new();
    // The sentence stating that the first unit named leads, if the document
    // has one: looked for when a clause's prose first names its units.
    let lead_rule = std::cell::OnceCell::new();
    // The sentence may be wrapped over two lines (…排在第一位的 / 部门为牵头
    // 部门，下同）): it is read across each line's end too.
    let find_lead_rule = || {
        all.iter()
            .enumerate()
            .find(|(i, u)| {
                lex.attribution.states_lead_rule(u.text())
                    || all.get(i + 1).is_some_and(|n| {
                        n.line() == u.line() + 1
                            && !lex.attribution.states_lead_rule(n.text())
                            && lex
                                .attribution
                                .states_lead_rule(&[u.text(), n.text()].concat())
                    })
            })
            .map(|(_, u)| u.line())
    };
    // The lead rule's line, when it governs clause `c`: stated before the
    // clause ends, and not in its text only after its attribution.
    let rule_for = |c: &crate::record::Clause| {
        let found: &Option<usize> = lead_rule.get_or_init(find_lead_rule);
        found.filter(|&l| {
            l <= c.line_end && !(l >= c.line && lex.attribution.states_rule_after(&c.text))
        })
    };
    // The tree being finished is a regulation's (its clauses are 第N条
    // articles): its sentences state duties, only its brackets tasks.
    let regulation = std::cell::Cell::new(false);
    let find = |t: &str| {
        if regulation.get() {
            lex.attribution.find_in_regulation(t)
        } else {
            lex.attribution.find(t)
        }
    };
    let mut fill = |c: &mut crate::record::Clause| {
        let (task, warns) = if c.fields.is_empty() {
            // No label: an attribution in the clause's prose.
            match find(&c.text) {
                Some(a) => {
                    let (t, w) = fields::attribution_task(&a, lex, year, rule_for(c), &places);
                    // A labelled deadline among the runs is the clause's field.
                    c.fields = a.fields;
                    (Some(t), w)
                }
                None => (None, Vec::new()),
            }
        } else {
            // (The document searched for the lead rule only under a 部门分工
            // label, which it may govern.)
            let rule = c
                .fields
                .iter()
                .any(|(l, _)| lex.role_of(l) == Role::Division)
                .then(|| rule_for(c))
                .flatten();
            let (mut task, mut warns) = fields::task(&c.fields, lex, year, rule, &places);
            // Labels of a deadline or leaders only (完成时限：…, 责任领导：…) under a clause
            // whose prose names its units (（X牵头，Y配合）): the two together.
            // (Only deadlines and leaders: a task told by content labels,
            // 排查范围, 整治措施, is told whole by them.)
            let when_and_who = c.fields.iter().all(|(l, v)| {
                fields::is_placeholder(v)
                    || matches!(lex.role_of(l), Role::Deadline | Role::Leaders)
            });
            // (The prose is searched only then.)
            let found = when_and_who
                .then(|| task.as_mut().zip(find(&c.text)))
                .flatten();
            if let Some((t, a)) = found {
                let (at, w) = fields::attribution_task(&a, lex, year, rule_for(c), &places);
                t.lead = at.lead;
                t.responsible = at.responsible;
                t.participating = at.participating;
                t.implementing = at.implementing;
                t.lead_rule_line = at.lead_rule_line;
                if t.deadline.is_none() {
                    t.deadline = at.deadline;
                    warns.extend(w);
                }
            }
            (task, warns)
        };
        c.task = task.map(|mut t| {
            if c.table_row {
                t.layout = crate::record::Layout::Table;
            }
            Box::new(t)
        });
        warnings.extend(warns.into_iter().map(|w| (c.line, w)));
    };
    let notice = std::mem::replace(&mut b.notice, Holder::new(Room::default()));
    let enc_holder = std::mem::replace(&mut b.enclosed, Holder::new(Room::default()));
    regulation.set(notice.tree.seen(ClauseKind::Article));
    b.doc.clauses = notice.tree.finish(&mut fill);
    b.doc.preamble = notice.preamble;
    b.doc.fields = notice.fields;
    let mut enclosure = b.enclosure.take();
    if let Some(e) = enclosure.as_mut() {
        regulation.set(enc_holder.tree.seen(ClauseKind::Article));
        e.clauses = enc_holder.tree.finish(&mut fill);
        e.preamble = enc_holder.preamble;
        e.fields = enc_holder.fields;
    }
    for (parent, mut a, h) in std::mem::take(&mut b.attachments) {
        regulation.set(h.tree.seen(ClauseKind::Article));
        a.clauses = h.tree.finish(&mut fill);
        // The text under its title before its clauses (an opening
        // paragraph, a roster's 组长：… lines) is the attachment's own.
        a.preamble = h.preamble;
        a.fields = h.fields;
        match (parent, enclosure.as_mut()) {
            (Zone::Enclosure, Some(e)) => e.attachments.push(a),
            _ => b.doc.attachments.push(a),
        }
    }
    // A notice that transmits nothing but carries its attachment's full
    // text after the signature (附件 / 某某制度 / 一、…) encloses that
    // document: the first attachment with a title is the enclosure, the
    // text under its title its preamble.
    if enclosure.is_none() {
        if let Some(k) = b.doc.attachments.iter().position(|a| !a.title.is_empty()) {
            let a = b.doc.attachments.remove(k);
            enclosure = Some(Enclosure {
                doc_type: lex.doc_type(&a.title),
                title: a.title,
                line: a.line,
                preamble: a.preamble,
                clauses: a.clauses,
                attachments: b.doc.attachments.split_off(k),
                fields: a.fields,
                issuers: Vec::new(),
                date: None,
            });
        }
    }
    b.doc.enclosure = enclosure;
    for (line, w) in warnings {
        b.diag(line, DiagCode::Deadline, w);
    }
    b.doc.citations = crate::cite::citations(all, b.doc.doc_number.as_ref(), lex);
    b.doc
}

impl Builder<'_, '_> {
    /// The year a deadline without one falls in: the document's date, else
    /// its number's year.
    fn doc_year(&self) -> Option<i32> {
        self.doc
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
            .or_else(|| self.doc.doc_number.as_ref().and_then(|n| n.year))
    }
}

/// The organ heading a title without 关于 of a genre that stands alone
/// (words.tsv `headed`, not an order: 令 is read by its own rule): the
/// shortest opening that ends with an organ's ending and is followed by the
/// genre word, the session's number (第二十三次) or the meeting (常务会议…);
/// a session's count before it (十五届) is no part of it.
pub(super) fn headed_by<'t>(title: &'t str, lex: &Lexicon) -> Option<&'t str> {
    let (genre, at) = lex.genre_suffix(title)?;
    if !lex.headed.iter().any(|g| g == genre) || genre.ends_with('令') {
        return None;
    }
    let head = &title[..at];
    let organ = head
        .char_indices()
        .map(|(i, c)| &head[..i + c.len_utf8()])
        .find(|p| {
            let rest = &head[p.len()..];
            lex.organ_ending(p).is_some_and(|e| e.len() < p.len())
                && (rest.is_empty()
                    || lex
                        .meeting_head
                        .iter()
                        .any(|w| rest.starts_with(w.as_str())))
        })?;
    let session = organ
        .find('届')
        .filter(|&i| {
            organ[..i].chars().all(|c| {
                crate::normalize::numeral::is_cn_numeral_char(c)
                    || crate::text::is_digit(c)
                    || c == '第'
            })
        })
        .map_or(0, |i| i + '届'.len_utf8());
    Some(&organ[session..]).filter(|o| !o.is_empty())
}

#[cfg(test)]
mod tests {

    /// The day and the organ a passage note says published the document;
    /// an order's number there is no organ.
    #[test]
    fn the_organ_and_day_a_note_publishes_by() {
        let lex = crate::lexicon::Lexicon::builtin();
        let (d, organ) = super::published_in(
            "（2021年6月8日州委常委会会议审议批准　2021年6月10日中共迪庆州委发布）",
            &lex,
        )
        .expect("published");
        assert_eq!((d.iso().as_str(), organ), ("2021-06-10", "中共迪庆州委"));
        for t in [
            "（2021年8月16日市人民政府第63次常务会议审议通过　2021年8月25日荆州市人民政府令第11号公布　自2021年10月1日起施行）",
            "（2021年6月8日州委常委会会议审议通过）",
        ] {
            assert!(super::published_in(t, &lex).is_none(), "{t}");
        }
    }
    /// A passage note a wrap cut is read to the paragraph its bracket
    /// closes in, over five lines too; a note never closed is its first
    /// line alone.
    #[test]
    fn a_wrapped_passage_note_is_read_to_its_bracket() {
        let para = |t: &str| crate::record::Paragraph {
            line: 1,
            text: t.to_owned(),
        };
        let lines = [
            "（2009年2月21日某州通过",
            "2009年5月27日某省批准",
            "根据…通过、",
            "…批准的",
            "《某决定》修正）",
            "第一条",
        ];
        let p: Vec<_> = lines.iter().map(|t| para(t)).collect();
        assert_eq!(super::wrapped_note(&p), lines[..5].concat());
        assert_eq!(super::wrapped_note(&p[..4]), lines[0]);
        assert_eq!(super::wrapped_note(&p[5..]), "第一条");
    }

    /// An attachment a notice carries after its signature, promoted to the
    /// enclosure, keeps the text under its title: a roster's lines are the
    /// enclosure's preamble, not dropped with the attachment's holder.
    #[test]
    fn a_promoted_attachment_keeps_its_text() {
        let src = include_str!("../../tests/cases/zj-attach-enclosed-roster-kept.txt");
        let lex = crate::lexicon::Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let e = parsed.documents[0].enclosure.as_ref().expect("enclosure");
        let lines: Vec<usize> = e.preamble.iter().map(|p| p.line).collect();
        assert_eq!(lines, [10, 11, 12, 13, 14]);
        assert!(e.preamble[0].text.starts_with("组\u{3000}长："));
    }

    /// An attachment that stays one keeps the text under its title too: a
    /// form's blank fields are its preamble, in no other record.
    #[test]
    fn an_attachment_keeps_its_text() {
        let src = include_str!("../../tests/cases/j-liuan-three-attachments.txt");
        let lex = crate::lexicon::Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let e = parsed.documents[0].enclosure.as_ref().expect("enclosure");
        let lines: Vec<usize> = e.attachments[1].preamble.iter().map(|p| p.line).collect();
        assert_eq!(lines, [40, 41]);
        assert!(e.attachments[1].preamble[0].text.starts_with("单位名称："));
    }
}
