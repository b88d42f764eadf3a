//! The header of a document: its title, its number (under the title, or
//! printed above it), its addressees, and what its title says it encloses.

use crate::docnum::DocNumber;
use crate::lexicon::Lexicon;
use crate::lines::{header, title, Line};
use crate::normalize::units::split_list;
use crate::record::{Owner, Paragraph, Part};
use crate::segment::DocStart;
use crate::text;

/// What the header gave, and the lines after it.
pub(super) struct Header<'t> {
    pub title: String,
    pub doc_number: Option<DocNumber>,
    pub addressees_raw: Option<String>,
    pub addressees: Vec<String>,
    /// The date printed in brackets under the title, ISO.
    pub date: Option<String>,
    /// The notice transmits or promulgates another document.
    pub transmittal: bool,
    pub owners: Vec<Owner>,
    /// Where the body starts in the file's lines, the header taken off,
    /// and the rest of a line the addressees were cut from.
    pub body: usize,
    pub cut: Option<Line<'t>>,
    /// What a 纪要's masthead says of its issuer and date (the organ and
    /// date under its mark, or the organ the mark opens with): read when
    /// the text signs none.
    pub masthead_issuers: Vec<String>,
    pub masthead_date: Option<String>,
    /// The passage note read between the title and the number: the first
    /// paragraph of the preamble.
    pub note: Option<Paragraph>,
}

/// What a 纪要's masthead at `m` gives: the number under the mark, the
/// organs and the date signed under it (某市人民政府办公室　　二〇二一年九月
/// 十五日, on one line or two), else the organ the mark opens with. Its
/// lines are owned as front matter, signature and date.
fn masthead(
    lines: &[Line],
    m: std::ops::Range<usize>,
    lex: &Lexicon,
    owners: &mut Vec<Owner>,
) -> (Option<DocNumber>, Vec<String>, Option<String>) {
    let (mut number, mut issuers, mut date) = (None, Vec::new(), None);
    for (k, l) in lines[m.clone()].iter().enumerate() {
        let part = if k == 0 {
            Part::Number
        } else if let Some(n) = l.number() {
            number = number.or_else(|| Some(n.clone()));
            Part::Number
        } else if let Some((organs, d)) = crate::lines::body::organ_and_date(l.text(), lex) {
            issuers = crate::organs::split_organs(organs, lex);
            date = Some(d.iso());
            Part::Signature
        } else if l.is_date() {
            date = crate::normalize::date::parse_date(l.text()).map(|(d, _)| d.iso());
            Part::Date
        } else if l.is_signature() {
            issuers = crate::organs::split_organs(l.text(), lex);
            Part::Signature
        } else {
            Part::Number
        };
        owners.push(Owner::of(l, part));
    }
    if issuers.is_empty() {
        let mark = lines[m.start].text();
        issuers.extend(super::finish::headed_by(mark, lex).map(str::to_owned));
    }
    (number, issuers, date)
}

/// The line of the number printed above the title of the document at
/// `start` (ending before line `end`), when it takes it: it has a title,
/// and no number right under it, whole or cut over two lines (某政发〔2017〕
/// / 12号), as `read` looks for one.
pub fn number_above_title(
    lines: &[Line],
    start: &DocStart,
    end: usize,
    lex: &Lexicon,
) -> Option<usize> {
    let t = start.title.end;
    let below = t < end
        && (lines.get(t).is_some_and(Line::is_number)
            || lines.get(t..(t + 2).min(end)).is_some_and(|two| {
                two.len() == 2
                    && header::cut_number(&two[0], &two[1], on_title_line(lines, t), lex).is_some()
            }));
    if below || start.title.is_empty() || start.masthead.is_some() {
        return None;
    }
    header::number_above(lines, start.title.start, lex)
}

/// Line `at` was cut off the title's last line, right above it (…的通报佳 /
/// 政办发〔2008〕21号: the head of the number's code).
fn on_title_line(lines: &[Line], at: usize) -> bool {
    at > 0
        && lines
            .get(at)
            .is_some_and(|l| l.line() == lines[at - 1].line())
}

pub(super) fn read<'t>(
    lines: &[Line<'t>],
    start: &DocStart,
    end: usize,
    lex: &Lexicon,
) -> Header<'t> {
    let mut owners: Vec<Owner> = Vec::new();
    let own = |l: &Line, part: Part| Owner::of(l, part);
    let title_lines = &lines[start.title.clone()];
    let title: String = title_lines
        .iter()
        .map(|l| crate::text::title_line(l.text()))
        .collect();
    let mut i = start.title.end;
    let mut doc_number: Option<DocNumber> = None;
    // A passage note between the title and its number or addressees (…的
    // 意见 / （2021年6月8日州委常委会会议审议通过） / 迪发〔2021〕11号 / 各县
    // （市）委…：), or closing with the number (（…全体会议通过　迪发〔2021〕
    // 12号）): the note opens the preamble, the header goes on under it.
    let mut passage = None;
    if let Some(l) = lines[..end].get(i).filter(|l| l.is_passage_note()) {
        let closing = header::passage_note_number(l.text());
        let below = lines[..end]
            .get(i + 1)
            .is_some_and(|n| n.is_number() || n.is_addressee());
        if closing.is_some() || below {
            passage = Some(Paragraph {
                line: l.line(),
                text: l.text().to_owned(),
            });
            owners.push(own(l, Part::Preamble));
            doc_number = closing;
            i += 1;
        }
    }
    if doc_number.is_none() {
        if let Some(n) = lines.get(i).filter(|_| i < end).and_then(Line::number) {
            doc_number = Some(n.clone());
            owners.push(own(&lines[i], Part::Number));
            i += 1;
        } else if let Some(n) = lines.get(i..(i + 2).min(end)).and_then(|two| {
            header::cut_number(two.first()?, two.get(1)?, on_title_line(lines, i), lex)
        }) {
            doc_number = Some(n);
            owners.push(own(&lines[i], Part::Number));
            owners.push(own(&lines[i + 1], Part::Number));
            i += 2;
        } else if let Some((n, k)) = header::cut_joint_number(&lines[i.min(end)..end]) {
            // (A joint document's numbers side by side, cut by wraps.)
            doc_number = Some(n);
            for l in &lines[i..i + k] {
                owners.push(own(l, Part::Number));
            }
            i += k;
        } else if let Some(k) = number_above_title(lines, start, end, lex) {
            doc_number = lines[k]
                .number()
                .cloned()
                .or_else(|| header::head_number(lines[k].text(), lex))
                .or_else(|| header::cut_head_number(lines, k, lex));
            // The number, and the 签发人 or front matter under it.
            for l in &lines[k..start.title.start] {
                owners.push(own(l, Part::Number));
            }
        }
    }
    let (masthead_number, masthead_issuers, masthead_date) = match start.masthead.clone() {
        Some(m) => masthead(lines, m, lex, &mut owners),
        None => (None, Vec::new(), None),
    };
    if doc_number.is_none() {
        doc_number = masthead_number;
    }
    // 中华人民共和国国务院令 / 第706号: the issuer code comes from the title.
    // (Not from a title naming its subject: 某市人民政府 / 关于禁止…的通告 /
    // 2021年第1号 is numbered within its year alone.)
    if let Some(n) = doc_number.as_mut() {
        if n.issuer_code.is_none()
            && lex.promulgates(&title)
            && !Lexicon::contains_any(&lex.about, &title)
        {
            let code = lex.strip_state_name(&title);
            n.issuer_code = Some(code.to_owned());
        }
    }
    // A joint document's other numbers, a line each under the first (十财农发
    // 〔2020〕56号 / 十农发〔2020〕18号): part of it, not the addressees' head.
    // (Four organs at most, as on one line.) So is the number printed again
    // under a portal's 文号：… line that gave it.
    if let Some(n) = doc_number.as_ref() {
        let mut joint = 0;
        while i < end
            && joint < 3
            && lines[i]
                .number()
                .is_some_and(|m| crate::docnum::joint(n, m) || m.raw == n.raw)
        {
            owners.push(own(&lines[i], Part::Number));
            i += 1;
            joint += 1;
        }
    }
    // 签发人：王　伟 on a line of its own under the number, and the 会签人
    // under it: part of it.
    while doc_number.is_some() && i < end && crate::docnum::signer_at(lines[i].text()) == Some(0) {
        owners.push(own(&lines[i], Part::Number));
        i += 1;
    }
    // (The rest of a signer the wrap cut, its word or its name: 签 / 发人：…,
    // 签发人:孙 绍 / 俊.)
    if doc_number.is_some()
        && i > 0
        && i < end
        && lines[i - 1].adjoins(&lines[i])
        && crate::docnum::signer_rest(lines[i - 1].text(), lines[i].text())
    {
        owners.push(own(&lines[i], Part::Number));
        i += 1;
    }
    // A date in brackets under the title (or its number): the document's
    // date unless a signature dates it; its number beside it, or under it.
    let mut date = None;
    // (Or cut over two lines: （某政发〔2020〕9号 / 2020年6月18日）.)
    let cut_note = || {
        let two = lines[..end].get(i..i + 2)?;
        header::cut_date_note(&two[0], &two[1], lex)
    };
    let note = lines[..end]
        .get(i)
        .and_then(|l| header::date_note(l.text(), lex))
        .map(|dn| (dn, 1))
        .or_else(|| cut_note().map(|dn| (dn, 2)));
    if let Some(((d, n), k)) = note {
        date = Some(d.iso());
        for l in &lines[i..i + k] {
            owners.push(own(l, Part::Date));
        }
        i += k;
        if doc_number.is_none() {
            doc_number = n.or_else(|| {
                let n = lines[..end].get(i)?.number()?.clone();
                owners.push(own(&lines[i], Part::Number));
                i += 1;
                Some(n)
            });
        }
    }
    // A note in brackets above the addressees (（此件公开发布）): the
    // addressees are read under it.
    if lines[..end].get(i).is_some_and(Line::is_note)
        && lines[..end].get(i + 1).is_some_and(Line::is_addressee)
    {
        owners.push(own(&lines[i], Part::Preamble));
        i += 1;
    }
    // (A header that ran to the document's end leaves no rest.)
    let i = i.min(end);
    let rest = &lines[i..end];
    let mut body = i;
    let mut cut = None;
    let mut addressees_raw: Option<String> = None;
    if rest.len() >= 2 {
        if let Some(joined) =
            header::wrapped_addressees(&rest[0], &rest[1], rest[0].is_addressee(), lex)
        {
            owners.push(own(&rest[0], Part::Addressees));
            owners.push(own(&rest[1], Part::Addressees));
            addressees_raw = Some(joined);
            body += 2;
        }
    }
    // Addressees run on after the number and cut by a wrap before their
    // colon, which the next line reaches (…〔2020〕6号各县区委、县区人民 /
    // 政府,市委各部门,…,各人民团体:).
    // (The first line's head is the number's line: its rest is cut short.)
    if addressees_raw.is_none() && rest.len() >= 2 && i > 0 {
        let joined = (rest[0].line() == lines[i - 1].line())
            .then(|| header::number_line_addressees(&rest[0].unit(), &rest[1].unit(), lex))
            .flatten();
        if let Some(joined) = joined {
            owners.push(own(&rest[0], Part::Addressees));
            owners.push(own(&rest[1], Part::Addressees));
            addressees_raw = Some(joined);
            body += 2;
        }
    }
    if addressees_raw.is_none() && rest.len() >= 3 && !rest[0].is_addressee() {
        let head_cut = i > 0 && rest[0].line() == lines[i - 1].line();
        if let Some((joined, n)) = header::addressees_over_lines(rest, head_cut, lex) {
            for l in &rest[..n] {
                owners.push(own(l, Part::Addressees));
            }
            addressees_raw = Some(joined);
            body += n;
        }
    }
    if addressees_raw.is_none() {
        if let Some(l) = rest.first() {
            if l.is_addressee() {
                addressees_raw = Some(l.text().to_owned());
                owners.push(own(l, Part::Addressees));
                body += 1;
            } else if let Some((head, tail)) = header::addressee_head(l, lex) {
                addressees_raw = Some(head.text().to_owned());
                owners.push(Owner::of(&head, Part::Addressees));
                body += 1;
                cut = tail.map(|t| Line::classify(t, lex));
            } else if header::is_place_addressee(l.text()) {
                // A place addressed alone (阿克苏市：), right under the header.
                addressees_raw = Some(l.text().to_owned());
                owners.push(own(l, Part::Addressees));
                body += 1;
            } else if doc_number.is_some()
                && l.text().contains(text::is_list_sep)
                && !l.text().ends_with(text::is_list_sep)
                && header::is_addressee_text(&[l.text(), "："].concat(), lex)
                // (Every item an organ's or a body's name, or short and no
                // date: the first line of a 纪要's opening, 2020年5月14日，市长
                // 主持召开…, is none; 市直各学校, 各民主党派 are.)
                && split_list(l.text()).iter().all(|item| {
                    header::names_addressee(item, lex)
                        || text::chars_at_most(item, 10) && !item.contains(text::is_digit)
                })
            {
                // Right under the number, a list of organs that lost its
                // colon (各区人民政府,市政府各部门); one ending in a comma
                // is the subject of a sentence going on (各县区水利局，市水务
                // 集团， / 各农村供水工程管理单位要…).
                addressees_raw = Some(l.text().to_owned());
                owners.push(own(l, Part::Addressees));
                body += 1;
            } else if doc_number.is_some()
                && (i == 0 || lines[i - 1].line() != l.line())
                && !l.text().contains(text::is_list_sep)
                && text::chars_at_most(l.text(), 30)
                && !title.starts_with(l.text())
                && header::names_addressee(l.text(), lex)
                && header::is_addressee_text(&[l.text(), "："].concat(), lex)
                && (l.text().starts_with('各')
                    || lex.doc_type(&title).is_some_and(|g| {
                        super::replies(&g) || matches!(g.as_str(), "请示" | "报告")
                    }))
                && rest.get(1).is_some_and(|n| {
                    n.line() == l.line() + 1
                        && !n.is_date()
                        && !n.is_signature()
                        && !n.is_title_fragment()
                        && !n.is_addressee()
                })
            {
                // Or one organ alone that lost its colon, as a letter, a
                // reply or a report addresses one (…的复函 / 某政函〔2020〕78号
                // / 某区人民政府 / 你区…), the text under it: not the issuer's
                // name again, nor over the addressees' own line. (A 决定, a
                // 公告 or a 纪要 prints its issuer or a sentence's subject
                // there; 各… is addressed in any.)
                addressees_raw = Some(l.text().to_owned());
                owners.push(own(l, Part::Addressees));
                body += 1;
            }
        }
    }
    // (Without their 主送： label.)
    let addressees_raw = addressees_raw.map(|a| {
        let a = header::without_label(text::trim(&a), lex);
        text::trim(a.trim_end_matches(text::is_colon)).to_owned()
    });
    let addressees = addressees_raw.as_deref().map_or_else(Vec::new, |a| {
        split_list(a).into_iter().map(str::to_owned).collect()
    });
    // Without a title, the notice's own words say whether it transmits
    // (…现印发给你们): before its date.
    let transmittal = if title_lines.is_empty() {
        lines[start.title.start..end]
            .iter()
            .take_while(|l| !l.is_date())
            .any(|l| title::is_transmittal(l.text(), lex))
    } else {
        title::is_transmittal(&title, lex)
    };
    Header {
        title,
        doc_number,
        addressees_raw,
        addressees,
        date,
        transmittal,
        owners,
        body,
        cut,
        masthead_issuers,
        masthead_date,
        note: passage,
    }
}

/// The enclosed document's title as the notice names it: in 《》, or
/// between 印发 and 的通知 (关于印发某某举措的通知); squashed.
pub(super) fn quoted_title(title: &str, lex: &Lexicon) -> Option<String> {
    title
        .find('《')
        .and_then(|a| {
            title[a..]
                .rfind('》')
                .map(|b| text::squash(&title[a + '《'.len_utf8()..a + b]))
        })
        .or_else(|| {
            let (at, len) = Lexicon::find_any(&lex.transmittal, title)?;
            let named = &title[at + len..];
            let (_, gat) = lex.genre_suffix(named)?;
            let named = named[..gat].strip_suffix('的').unwrap_or(&named[..gat]);
            (!named.is_empty()).then(|| text::squash(named))
        })
}
