//! The header of a document under its title: addressees (主送机关), and
//! numbers printed with a label (发文字号：…) or in page metadata.

use crate::docnum::{self, DocNumber};
use crate::lexicon::Lexicon;
use crate::lines::body::is_bracketed_note;
use crate::marker;
use crate::normalize::date::{parse_date, Date};
use crate::text;
use crate::unit::Unit;

/// Addressees (主送机关) recognised from the text alone: a list of organs
/// closed by a colon, not a label or a clause; a 主送： label before it or
/// not ([`without_label`]).
pub fn is_addressee_text(t: &str, lex: &Lexicon) -> bool {
    let t = without_label(t, lex);
    ends_in_colon(t)
        && lex.label_at(t).is_none()
        && marker::marker(t, false).is_none()
        && organ_list_shape(t, lex)
}

/// `t` without the label a line of addressees may open with, its colon and
/// the spaces after it (主送：各县区人民政府，…： → 各县区人民政府，…：); `t`
/// itself when it opens with none.
pub fn without_label<'t>(t: &'t str, lex: &Lexicon) -> &'t str {
    lex.addressee_label
        .iter()
        .find_map(|w| {
            let rest = text::trim(&t[text::starts_with_folded(t, w)?..]);
            let c = rest.chars().next().filter(|&c| text::is_colon(c))?;
            Some(text::trim(&rest[c.len_utf8()..]))
        })
        .unwrap_or(t)
}

/// `t` ends with a colon (:, ：, ∶).
pub fn ends_in_colon(t: &str) -> bool {
    t.chars().last().is_some_and(text::is_colon)
}

/// The longest list of addressees read, in characters: the 主送机关 of a
/// document to every unit of a city fill a few lines of a printed page.
const ADDRESSEES_MAX_CHARS: usize = 200;

fn organ_list_shape(t: &str, lex: &Lexicon) -> bool {
    let head = t.trim_end_matches(text::is_colon);
    // A colon inside is a form to fill in (单位名称：　联系人：　电话：), not a list.
    // Nor is one inside a bracket left open after a label's name (…技术研究与
    // 应用(完成单位: / 某市水利局)): a word, not a list or an organ, after a
    // name that is no list of units (a typo may leave an addressee's bracket
    // open: 各县（区人民政府，…：, …，市直各部门(单位:).
    let labelled = |o: usize| {
        let inside = &head[o..];
        let name = text::trim(inside.trim_start_matches(text::is_open_paren));
        !inside.contains(text::is_close_paren)
            && text::chars_at_most(name, 8)
            && !name.contains(['、', '，', ','])
            && !head[..o].contains(['、', '，', ',', '各'])
            && lex.organ_ending(name).is_none()
    };
    !text::has_char(t, '。')
        && !head.contains(text::is_colon)
        && head.rfind(text::is_open_paren).is_none_or(|o| !labelled(o))
        && !lex.minutes_says(t)
        && text::chars_at_most(t, ADDRESSEES_MAX_CHARS)
        && is_organ_list(head, lex)
        && (Lexicon::contains_any(&lex.addressee, t) || lex.organ_ending(head).is_some())
}

/// A place addressed by its name alone, as a letter or a reply is, right
/// under its title or number (阿克苏市：, 新疆生产建设兵团第一师阿拉尔市：, 第十二
/// 师：). Asked there only: in a text, 大武口区：, 实验区：, 所在县区： head a
/// group or a field.
pub fn is_place_addressee(t: &str) -> bool {
    ends_in_colon(t) && is_place(text::trim(t.trim_end_matches(text::is_colon)))
}

/// A place's name: ideographs only, no 的, ending with a level of
/// government or a 兵团 division.
fn is_place(s: &str) -> bool {
    let n = text::char_len(s);
    (3..=20).contains(&n)
        && s.chars().all(text::is_han)
        && !s.contains('的')
        && (crate::place::ends_with_level(s)
            || s.strip_suffix('师')
                .is_some_and(|r| r.ends_with(crate::normalize::numeral::is_cn_numeral_char)))
}

/// A list of organs, not a sentence that ends in a colon (为贯彻…，现提出
/// 如下意见：): short items and none of the words that introduce what follows,
/// and no sentence quoting a title (《…办法》已经…通过，现予公布，自2015 / 年…;
/// a newspaper, 《石嘴山日报》社, may be addressed).
fn is_organ_list(s: &str, lex: &Lexicon) -> bool {
    !Lexicon::contains_any(&lex.lead_in, s)
        && !lex.lead_open.iter().any(|w| s.starts_with(w.as_str()))
        && !lex.lead_close.iter().any(|w| s.ends_with(w.as_str()))
        && (!s.contains('《')
            || !["通过", "公布", "施行", "印发", "发布"]
                .iter()
                .any(|w| s.contains(w)))
        && !s.starts_with(['为', '經', '经', '现'])
        && s.split(|c: char| text::is_list_sep(c))
            .all(|item| text::chars_at_most(item, 30))
}

/// `t` is a deadline whole, as a 完成时限 cell holds it (每季度, 长期坚持,
/// 2020年6月底前): a short phrase of when that reads as a term. No organ's
/// name is one.
fn names_a_term(t: &str, lex: &Lexicon) -> bool {
    lex.attribution.is_deadline_phrase(t)
        && crate::normalize::deadline::parse_deadline(t, None, &lex.deadline)
            .0
            .kind
            != crate::normalize::deadline::DeadlineKind::Unparsed
}

/// Addressees wrapped onto a second line (…各直属机 / 构：): the two lines
/// joined, when neither reads as addressees alone; blank lines or a page's
/// number and running head (taken out) may stand between them.
pub fn wrapped_addressees(
    a: &Unit,
    b: &Unit,
    a_is_addressee: bool,
    lex: &Lexicon,
) -> Option<String> {
    // A line in brackets whole (a date under the title) opens no list, nor
    // a date (a signature's, in any digits, right above the next notice's
    // addressees), nor a term (a task table's last cell above them).
    if a_is_addressee
        || is_bracketed_note(a.text())
        || a.text().contains(['。', ':', '：'])
        || b.line() > a.line() + 3
        || crate::normalize::date::is_date_line(a.text())
        || names_a_term(a.text(), lex)
    {
        return None;
    }
    // A second line is short (the end of a name cut by the wrap), unless the
    // first ends at a list separator: then the list goes on at full length.
    // (The first line must open like addressees: with 各, or with an organ's
    // name, not with a sentence that happens to end at a comma.)
    let first_item = a.text().split(text::is_list_sep).next().unwrap_or("");
    // (Or the first name cut right after 各, a number run into it above:
    // …20号各 / 县（区）人民政府，市直各委、办、局：.)
    // (Or the separator opens the second line, the wrap right before it:
    // …长岛综合试验区管委 / ，市政府各部门，…：.)
    let continued = (a.text().chars().last().is_some_and(text::is_list_sep)
        || b.text().starts_with(text::is_list_sep))
        && (a.text().starts_with('各') || lex.organ_ending(text::trim(first_item)).is_some())
        || a.text().starts_with('各')
            && text::chars_at_most(a.text(), 3)
            && !a.text().contains(text::is_list_sep)
        // (Or further into it, its brackets too, the two halves an organ's
        // name: …11号各县（市）区 / 人民政府，市政府各部门，…：.)
        // (The line under it opens with a short name's tail, six characters
        // at most: 各乡镇要 / 组建防汛抢险应急队，… is a sentence.)
        || a.text().starts_with('各')
            && text::chars_at_most(a.text(), 10)
            && !a.text().contains(text::is_list_sep)
            && {
                let rest = text::trim(b.text().split(text::is_list_sep).next().unwrap_or(""));
                text::chars_at_most(rest, 6)
                    && lex.organ_ending(&[a.text(), rest].concat()).is_some()
            };
    // A list cut inside a name at a fixed width (…，四平红嘴经济技术 / 开发区
    // 党工委、管委会，…各人民团体：) goes on at full length too: its first
    // line is a list already, and the second no longer than it (by more than
    // the first one's indentation, which the unit does not hold).
    // (Every item of the second line an organ's name, the first completed
    // by the cut name's head: a sentence after units, …县城市管理局，经县人民
    // 政府同意，对县城区 / 部分公交线路予以调整，…：, is none.)
    // (Its first item may name a place: 信州区、广丰区、…人民政府,上饶经开 / 区、…:.)
    let cut_list = a.text().contains(text::is_list_sep)
        && (a.text().starts_with('各') || names_addressee(first_item, lex))
        && b.chars() - usize::from(b.text().ends_with(text::is_colon)) <= a.chars() + 2
        && {
            let head = a.text().rsplit(text::is_list_sep).next().unwrap_or("");
            let b = b.text().trim_end_matches(text::is_colon);
            // (Addressees name organs, the units 各… heads, the bodies
            // words.tsv calls `addressed_body`, and places: …、洋河新 / 区、….)
            let named = |s: &str| {
                s.starts_with('各')
                    || Lexicon::contains_any(&lex.addressee, s)
                    || Lexicon::contains_any(&lex.addressed_body, s)
                    || names_addressee(s, lex)
            };
            // (The first line's last item cut, not a name whole: …计划单列市
            // 财政厅（局） / 党中央有关部门，…： are two lines of a list;
            // …市属各 / 企事业单位 is one.)
            let head = crate::lexicon::strip_trailing_note(head);
            // (Nor a name whose ending the second line's first item goes on,
            // one or two characters: …镇江新区党工委、管委 / 会，…, or a body's
            // collective name, …市级国家机关各委办 / 局，….)
            let first_b = text::trim(b.split(text::is_list_sep).next().unwrap_or(""));
            let goes_on = !first_b.is_empty() && text::chars_at_most(first_b, 2) && {
                let joined = [head, first_b].concat();
                let across = |e: &str| e.len() > first_b.len();
                lex.organ_ending(&joined).is_some_and(across)
                    || lex.attribution.unit_ending(&joined).is_some_and(across)
                    || lex
                        .addressed_body
                        .iter()
                        .any(|w| joined.ends_with(w.as_str()) && across(w))
            };
            // (Nor a name the second line goes on with a conjunction, the
            // wrap right before it: …文昌湖区党工委 / 和管委会，…：.)
            let joins = first_b.starts_with(['和', '及', '与']);
            // (Nor an organ whose units the second line opens with, the wrap
            // right before 各: …，省政府 / 各部门、各直属机构，…：.)
            let whole = !goes_on
                && !joins
                && !units_of_the_organ_above(first_b, lex)
                && (lex.organ_ending(head).is_some()
                    || lex
                        .addressee
                        .iter()
                        .any(|w| w != "各" && head.ends_with(w.as_str()))
                    || lex
                        .addressed_body
                        .iter()
                        .any(|w| head.ends_with(w.as_str())));
            // (A scope before 、 shares the next item's head: …，市属、驻市各单位：.)
            !whole
                && b.split(text::is_list_sep).enumerate().all(|(k, item)| {
                    let item = text::trim(item);
                    if k == 0 {
                        named(&[text::trim(head), item].concat())
                    } else {
                        named(item) || scope_of_next(b, item, lex)
                    }
                })
        };
    let room = if continued || cut_list { 60 } else { 20 };
    let joined = format!("{}{}", a.text(), b.text());
    (b.chars() <= room && is_addressee_text(&joined, lex)).then_some(joined)
}

/// `item` names the units of the organ named right before it: 各 and a word
/// of words.tsv `organ_units` (各部门 of 省政府各部门, 各部委 of 国务院各部委).
/// A line of addressees that ends at an organ's name, the next opening
/// with such an item, was cut inside one name.
fn units_of_the_organ_above(item: &str, lex: &Lexicon) -> bool {
    item.strip_prefix('各')
        .is_some_and(|w| lex.organ_units.iter().any(|u| u == w))
}

/// Addressees run on after the number, `a` the rest of its line, and cut
/// by a wrap before their colon, which the next line `b` reaches
/// (…〔2020〕6号各县区委、县区人民 / 政府,市委各部门,…,各人民团体:): the two
/// joined, when `a` opens like addressees (with 各, an organ's name, or a
/// few ideographs alone, a name's head: …15号 越 / 城区、…：) and every item
/// of the list names an organ, a body or a place. `b` may be longer than
/// `a`: the number took the first line's head.
pub fn number_line_addressees(a: &Unit, b: &Unit, lex: &Lexicon) -> Option<String> {
    let (at, bt) = (text::trim(a.text()), text::trim(b.text()));
    let first_item = text::trim(at.split(text::is_list_sep).next().unwrap_or(""));
    let head = text::chars_at_most(at, 6) && !at.is_empty() && at.chars().all(text::is_han);
    if !((at.starts_with('各') || lex.organ_ending(first_item).is_some() || head)
        && b.line() == a.line() + 1
        && !at.ends_with(text::is_colon)
        && bt.ends_with(text::is_colon)
        && !bt.contains('。'))
    {
        return None;
    }
    let joined = [at, bt].concat();
    (is_addressee_text(&joined, lex) && lists_organs(&joined, lex)).then_some(joined)
}

/// Every item of the list `t` (its colon and a 主送： label passed over)
/// names what addressees name ([`names_addressee`]): 各县（区）人民政府，市直
/// 各部门：, not a sentence closed by a colon that happens to hold an
/// organ's word (照下列权限报投资主管部门审批：). A 通告 addresses the public
/// too: an item opening with 各 may end with the people it names
/// (各有关单位和个人, 各界群众; words.tsv `addressed_public`).
pub fn lists_organs(t: &str, lex: &Lexicon) -> bool {
    let t = without_label(t, lex).trim_end_matches(text::is_colon);
    let public = |item: &str| {
        let item = text::trim(item);
        item.starts_with('各')
            && lex
                .addressed_public
                .iter()
                .any(|w| item.ends_with(w.as_str()))
    };
    crate::normalize::units::split_list(t)
        .iter()
        .all(|item| names_addressee(item, lex) || public(item) || scope_of_next(t, item, lex))
}

/// `item` of the list `list` is a scope put before 、 that shares the head
/// of the item after it (市属、驻市各单位 = 市属各单位和驻市各单位; 中直、区直驻
/// 钦各单位): a word of words.tsv `addressee_scope`, never an addressee
/// alone, the list going on after its 、.
fn scope_of_next(list: &str, item: &str, lex: &Lexicon) -> bool {
    let item = text::trim(item);
    // (The word list first; `item` is a slice of `list`, read after it.)
    lex.addressee_scope.iter().any(|w| w == item)
        && list
            .get(text::offset_in(list, item) + item.len()..)
            .and_then(|after| after.strip_prefix('、'))
            .is_some_and(|rest| !text::trim(rest).is_empty())
}

/// Addressees wrapped over three lines or more (各县(市)区党委和人民政府,…,
/// 市级 / 国家机关各部门,…开发 / 区党工委、管委会:): the lines joined and how
/// many, when the first opens like addressees (with 各, or an organ's name),
/// none but the last holds a colon or a full stop, and the joined list reads
/// as addressees. A narrow copy cuts a long list over many lines: they run
/// on to the colon as long as the list is no longer than a list of
/// addressees is (`ADDRESSEES_MAX_CHARS`).
pub fn addressees_over_lines(
    lines: &[super::Line],
    head_cut: bool,
    lex: &Lexicon,
) -> Option<(String, usize)> {
    let open = |u: &Unit| !(u.text().contains(['。', ':', '：']) || is_bracketed_note(u.text()));
    let a = lines.first()?.unit();
    let first_item = a.text().split(text::is_list_sep).next().unwrap_or("");
    // (Or, `head_cut`, the first line the rest of the number's line, the
    // head of a name a wrap cut: …15号 越城 / 区、柯桥区…，各单 / 位：; a few
    // ideographs alone.)
    let head = || {
        let t = text::trim(a.text());
        head_cut && !t.is_empty() && text::chars_at_most(t, 6) && t.chars().all(text::is_han)
    };
    // (A place's name opens them as an organ's does: 信州区、广丰区、…,上饶经开 /
    // 区、…,市政府有关部门 / :.)
    let by_head = !(a.text().starts_with('各') || names_addressee(first_item, lex));
    let opens = !by_head || head();
    if !opens {
        return None;
    }
    let mut joined = String::new();
    for (k, l) in lines.iter().enumerate() {
        if k > 0 && l.line() != lines[k - 1].line() + 1 {
            return None;
        }
        joined.push_str(l.text());
        if !text::chars_at_most(&joined, ADDRESSEES_MAX_CHARS) {
            return None;
        }
        if !open(&l.unit()) {
            // (Over four lines or more every item names an organ, a body or a
            // place: a paragraph under the number, …有关负责同志参加会议，…，
            // 明确：, is none. A line that is only the colon the wrap pushed
            // down, …,各人民团体 / :, adds no line of names.)
            // (A scope before 、 shares the next item's head: 中直、区直驻钦各单位.)
            let names_on = k.saturating_sub(usize::from(is_colon_alone(l.text())));
            let list = joined.trim_end_matches(text::is_colon);
            let named = names_on < 3
                || text::split_outside(
                    list,
                    text::is_open_paren,
                    text::is_close_paren,
                    text::is_list_sep,
                    text::Unmatched::Ignored,
                )
                .filter(|i| !text::trim(i).is_empty())
                .all(|i| names_addressee(i, lex) || scope_of_next(list, i, lex));
            // (A name's head completed: its first item ideographs and
            // brackets alone, no number's code cut before its bracket, 漳政 /
            // 办〔2020〕31号 各县….)
            let whole_name = || {
                joined.split(text::is_list_sep).next().is_some_and(|f| {
                    f.chars().all(|c| {
                        text::is_han(c) || text::is_open_paren(c) || text::is_close_paren(c)
                    })
                })
            };
            return (k >= 2
                && named
                && (!by_head || whole_name())
                && is_addressee_text(&joined, lex))
            .then_some((joined, k + 1));
        }
    }
    None
}

/// `t` is only a colon (`:`, `：`), spaces around it: the close of a list of
/// addressees a wrap pushed onto a line of its own (…,市级国家机关各部门,各人民团体 / :).
fn is_colon_alone(t: &str) -> bool {
    let mut cs = text::trim(t).chars();
    cs.next().is_some_and(text::is_colon) && cs.next().is_none()
}

/// `item` of a list names what addressees name: an organ's or a body's name,
/// a place's (金华开发区, 某新区), or a short 各… (各区, 各县（市、区）).
pub fn names_addressee(item: &str, lex: &Lexicon) -> bool {
    let core = crate::lexicon::strip_trailing_note(text::trim(item));
    lex.organ_ending(core).is_some()
        || lex.addressee.iter().any(|w| core.ends_with(w.as_str()))
        || lex
            .addressed_body
            .iter()
            .any(|w| core.ends_with(w.as_str()))
        || core.ends_with(crate::place::is_any_level)
        || core.starts_with('各') && text::chars_at_most(core, 4)
}

/// Addressees run into the first sentence (a text without line breaks):
/// the addressees and the rest of the unit.
pub fn addressee_head<'t>(u: &Unit<'t>, lex: &Lexicon) -> Option<(Unit<'t>, Option<Unit<'t>>)> {
    let (p, c) = u.text().char_indices().find(|(_, c)| text::is_colon(*c))?;
    let head = u.sub(0, p + c.len_utf8()).unwrap_or(*u);
    if text::has_char(head.text(), '。') || !is_addressee_text(head.text(), lex) {
        return None;
    }
    Some((head, u.sub(p + c.len_utf8(), u.text().len())))
}

/// The number of a `label：number` line (发文字号：国发〔2019〕5号), as a unit.
pub fn labelled_number<'t>(u: &Unit<'t>) -> Option<Unit<'t>> {
    // The label is at most six characters: only the first seven can hold
    // its colon.
    let (i, c) = u
        .text()
        .char_indices()
        .take(7)
        .find(|(_, c)| text::is_colon(*c))?;
    let num = u.sub(i + c.len_utf8(), u.text().len())?;
    (text::char_len(&u.text()[..i]) <= 6 && docnum::whole(num.text()).is_some()).then_some(num)
}

/// The line of the number printed above the title opening at `at` (a
/// red-header number), a 签发人 line between them or not.
pub fn number_above(lines: &[super::Line], at: usize, lex: &Lexicon) -> Option<usize> {
    // Between them at most two lines of front matter (加急), the signer,
    // or a head row (等级：特急　　某办明电〔2008〕6号), cut over two lines
    // or not.
    for k in (at.saturating_sub(3)..at).rev() {
        let l = &lines[k];
        if l.is_number() || head_number(l.text(), lex).is_some() {
            return Some(k);
        }
        // (Or a row of the head's fields a wrap cut, the number in it.)
        if k > 0 && cut_head_number(lines, k - 1, lex).is_some() {
            return Some(k - 1);
        }
        let t = l.text();
        // (Or the rest of a signer the wrap cut off the number's line.)
        let rest = k > 0 && docnum::signer_rest(lines[k - 1].text(), t);
        if !(docnum::signer_at(t) == Some(0)
            || rest
            || is_separator_rule(t)
            || is_front_matter(t, lex, false) && text::chars_at_most(t, 12)
            || in_head_row(lines, k, lex))
        {
            return None;
        }
    }
    None
}

/// A number cut over two lines under its title (某政发〔2017〕 / 12号, 某政发
/// / 〔2017〕12号): the two halves, neither a number alone, short, read as
/// one number with its issuer code, year and serial (the second half may
/// read as a number alone, 〔2017〕12号, but without its issuer's code).
pub fn cut_number(
    first: &super::Line,
    second: &super::Line,
    on_title_line: bool,
    lex: &Lexicon,
) -> Option<DocNumber> {
    let (a, b) = (text::trim(first.text()), text::trim(second.text()));
    // (Or a code cut inside: its head alone, cut off the title's last line
    // (`on_title_line`; 中共江苏省委 / 苏发〔2021〕1号 on lines of their own
    // are an issuer over its number), a few ideographs that end no title and
    // mark no urgency, over a number whose code is at most four characters,
    // 嘉政 / 发[2013]21号, 佳 / 政办发〔2008〕21号.)
    // (Or letter-spaced, 巴 政 办 / 发 〔2021〕 60 号, joined by a space.)
    let spaced = docnum::spaced_head(a) == Some(0);
    let code_cut = || {
        on_title_line
            && (a.chars().all(text::is_han) && text::chars_at_most(a, 6)
                || spaced && text::chars_at_most(a, 12))
            && !first.is_title_end()
            && !is_front_matter(a, lex, false)
            && second.number().is_some_and(|n| {
                n.issuer_code
                    .as_deref()
                    .is_some_and(|c| text::chars_at_most(c, 4))
            })
    };
    if first.is_number() || second.line() != first.line() + 1 {
        return None;
    }
    // (Or in brackets, cut anywhere between them: （某政〔2021 / 〕9号）, （ /
    // 某政〔2021〕8号）, （某政〔2021〕12号 / ）; a 通告's number within its
    // year has no code, （2021年 / 第1号）.)
    if a.starts_with(docnum::is_number_open) && b.ends_with(docnum::is_number_close) {
        let joined = [a, b].concat();
        let yearly = |n: &DocNumber| n.raw.contains("年第");
        return text::chars_at_most(&joined, 30)
            .then(|| docnum::whole(&joined))
            .flatten()
            .filter(|n| {
                (n.issuer_code.is_some() || yearly(n)) && n.year.is_some() && n.serial.is_some()
            });
    }
    if second.number().is_some_and(|n| n.issuer_code.is_some()) && !code_cut() {
        return None;
    }
    if a.is_empty()
        || b.is_empty()
        || !text::chars_at_most(a, 24)
        // (A code of four, its year and a serial of three: 水府办发〔2020〕78号.)
        || !text::chars_at_most(b, if spaced { 20 } else { 14 })
        || !b.ends_with(['号', '號'])
    {
        return None;
    }
    let n = docnum::whole(&[a, if spaced { " " } else { "" }, b].concat())?;
    (n.issuer_code.is_some() && n.year.is_some() && n.serial.is_some()).then_some(n)
}

/// A joint document's numbers, parted by spaces, cut by wraps over two or
/// three lines under its title (某财税〔2021〕12号　某发改〔2021〕 / 208号
/// 某自然资〔2021〕66号　某税发 / 〔2021〕31号): the first organ's number, and
/// how many lines they fill. The first line opens with that number, whole;
/// the lines read together as the organs' numbers side by side.
pub fn cut_joint_number(lines: &[super::Line]) -> Option<(DocNumber, usize)> {
    let first = lines.first()?;
    if first.is_number() || !text::chars_at_most(first.text(), 40) {
        return None;
    }
    let opening = docnum::find_all(first.text()).into_iter().next()?;
    if opening.range.start != 0 || opening.number.issuer_code.is_none() {
        return None;
    }
    let mut joined = text::trim(first.text()).to_owned();
    for (k, l) in lines.iter().enumerate().skip(1).take(2) {
        if l.line() != lines[k - 1].line() + 1 || !text::chars_at_most(l.text(), 40) {
            return None;
        }
        joined.push_str(text::trim(l.text()));
        let Some(n) = docnum::whole(&joined) else {
            continue;
        };
        return (n.raw == opening.number.raw && docnum::find_all(&joined).len() > 1)
            .then_some((n, k + 1));
    }
    None
}

/// A date printed in brackets under a title, as yearbooks and collections
/// print a document without its signature (（2020年6月28日）), its number
/// beside it or not (（2017年3月2日　某政发〔2017〕12号）): the date, and the
/// number; a verb may close it (（2017年3月2日印发）, （…发布）). A passage
/// note (（…会议通过）) is none: words follow its date. Without brackets, only
/// a number and a date parted by a space or a comma (芜政〔2019〕2号　2019年1月8日):
/// a date alone is a signature's.
pub fn date_note(t: &str, lex: &Lexicon) -> Option<(Date, Option<DocNumber>)> {
    let t = text::trim(t);
    if !text::chars_at_most(t, 48) {
        return None;
    }
    let bracketed = is_bracketed_note(t);
    if !bracketed && !t.contains(['号', '號']) {
        return None;
    }
    let inner = if bracketed {
        docnum::strip_outer_paren(t)
    } else {
        t
    };
    let (date, at) = parse_date(inner)?;
    // A comma may part the two (（芜政〔2019〕2号，2019年1月8日）).
    let sep = [',', '，', '、', ';', '；'];
    let parted = |s: &str| s.starts_with(sep) || s.starts_with(text::is_space);
    let (head, tail) = (&inner[..at.start], &inner[at.end..]);
    let before = text::trim(text::trim(head).trim_end_matches(sep));
    let after = text::trim(text::trim(tail).trim_start_matches(sep));
    let verb = |w: &str| lex.dated.iter().chain(&lex.passage).any(|v| v == w);
    match (before.is_empty(), after.is_empty()) {
        (true, true) if bracketed => Some((date, None)),
        (true, false) if bracketed && verb(after) => Some((date, None)),
        (true, false) if bracketed || parted(tail) => docnum::whole(after).map(|n| (date, Some(n))),
        (false, true) if bracketed || head.ends_with(sep) || head.ends_with(text::is_space) => {
            docnum::whole(before).map(|n| (date, Some(n)))
        }
        _ => None,
    }
}

/// The document's own number closing its passage note, parted from the
/// words before it by a space or a comma (（2021年7月30日…全体会议通过　迪发
/// 〔2021〕12号）); not an order's that published it (…令第11号公布）) nor
/// one cited inside (…根据某发〔2020〕3号修正）, no space before it).
pub fn passage_note_number(t: &str) -> Option<DocNumber> {
    let t = text::trim(t);
    if !t.ends_with(text::is_close_paren) || !docnum::has_hao(t) {
        return None;
    }
    let inner = text::trim(docnum::strip_outer_paren(t));
    let found = docnum::find_all(inner).pop()?;
    let before = &inner[..found.range.start];
    let parted = before.ends_with(text::is_space) || before.ends_with(['，', ',', '；', ';']);
    (found.range.end == inner.len() && parted && parse_date(before).is_some())
        .then_some(found.number)
}

/// A date note in brackets cut over two lines, its number on the first and
/// its date on the second (（某政发〔2020〕9号 / 2020年6月18日）), or the date
/// cut inside (（某政办发〔2020〕15号　2020年7月 / 6日）): read as one note
/// ([`date_note`]), the lines next to each other and short.
pub fn cut_date_note(
    a: &super::Line,
    b: &super::Line,
    lex: &Lexicon,
) -> Option<(Date, Option<DocNumber>)> {
    let (x, y) = (text::trim(a.text()), text::trim(b.text()));
    if !(x.starts_with(text::is_open_paren) && y.ends_with(text::is_close_paren))
        || x.contains(text::is_close_paren)
        || y.contains(text::is_open_paren)
        || b.line() != a.line() + 1
        || !text::chars_at_most(x, 30)
        || !text::chars_at_most(y, 20)
    {
        return None;
    }
    // (Parted where the number ends; the date cut inside is joined whole.)
    let sep = if x.ends_with(['号', '號']) {
        "　"
    } else {
        ""
    };
    date_note(&[x, sep, y].concat(), lex)
}

/// A date alone in brackets (（2019年3月5日）, （2017年3月2日印发）), no number
/// beside it: under a signature, the document's date.
pub fn bracket_date(t: &str, lex: &Lexicon) -> bool {
    date_note(t, lex).is_some_and(|(_, n)| n.is_none())
}

/// The number of an issuer's line above a title: the organ's name, spaces,
/// the number (山东省人民政府办公厅　　鲁政办字〔2019〕31号).
pub fn organ_number(t: &str, lex: &Lexicon) -> Option<DocNumber> {
    if !t.trim_end_matches(text::is_space).ends_with(['号', '號']) {
        return None;
    }
    number_after_front_matter(t, lex, true)
}

/// The number a line of the 版头 prints beside an organ's name
/// ([`organ_number`]) or among the head's fields ([`head_row_number`]), read
/// above a title only.
pub fn head_number(t: &str, lex: &Lexicon) -> Option<DocNumber> {
    organ_number(t, lex).or_else(|| head_row_number(t, lex))
}

/// The number of a line that prints front matter (版头) to its left, a gap
/// of spaces between: the copy number (000032　　浙交函〔2022〕156号), the
/// secrecy or urgency mark (特急　　…), or the issuer's mark (…人民政府文件
/// 　　江阳府发〔2024〕3号); with `organ`, an organ's name alone too, which
/// only right above a title is the issuer's (a table of documents, 制定机关
/// 　　文号, and a sentence wrapped after a number print one so).
pub fn number_after_front_matter(t: &str, lex: &Lexicon, organ: bool) -> Option<DocNumber> {
    let t = text::trim(t);
    // The gap: two spaces or more (a tab counts as two), the last one.
    let (i, c) = t.char_indices().rev().find(|&(_, c)| text::is_space(c))?;
    let gap_end = i + c.len_utf8();
    let head = t[..gap_end].trim_end_matches(text::is_space);
    let gap = &t[head.len()..gap_end];
    if head.is_empty() || gap.chars().count() < 2 && !gap.contains('\t') {
        return None;
    }
    let number = docnum::whole(&t[gap_end..])?;
    is_front_matter(head, lex, organ).then_some(number)
}

/// The number of a line that prints the 版头's marks to its right (the
/// secrecy and urgency marks set top right, merged into the number's row in
/// a copy: 尖发〔2022〕9号　　　　秘密★1年, 某政发〔2021〕3号 机密★1年, …9号　　特急):
/// the number, spaces, and marks alone ([`is_marks_line`]). The marks are
/// no part of the number.
pub fn number_before_marks(t: &str, lex: &Lexicon) -> Option<DocNumber> {
    // (Every mark ends in its word's last character or in a secrecy term's
    // unit: most lines are answered by their last character.)
    let t = t.trim_end_matches(text::is_space);
    let last = t.chars().next_back()?;
    if !(matches!(last, '年' | '月' | '期') || lex.front_matter.iter().any(|w| w.ends_with(last)))
    {
        return None;
    }
    let i = t.rfind(['号', '號'])?;
    let (head, rest) = t.split_at(i + '号'.len_utf8());
    (rest.starts_with(text::is_space) && is_marks_line(rest, lex))
        .then(|| docnum::whole(head))
        .flatten()
}

/// The number a row of the 版头 prints among its fields ([`head_row`]):
/// 等级：特急·明电　　某政办明电〔2008〕6号　　某市政府总值班室. Read above a
/// title only, as [`organ_number`] is.
pub fn head_row_number(t: &str, lex: &Lexicon) -> Option<DocNumber> {
    head_row(t, lex).flatten()
}

/// `t` is a row of the 版头's fields ([`head_row`]), a number among them
/// or not (发电单位：某市人民政府办公室　　签批盖章：王　伟).
pub fn is_head_row(t: &str, lex: &Lexicon) -> bool {
    head_row(t, lex).is_some()
}

/// A row of the 版头 set out as a table's row (a coded telegram's head, 明传
/// 电报: 发电单位：… / 签批盖章：…, 等级：… / its number / the office that
/// sends it): two cells or more parted by wide gaps (two spaces or more of
/// any kind, or a tab), each a field the head labels (`head_label` words:
/// 发电单位：…, 等级：特急·明电, 签发人：…), front matter (an urgency mark, an
/// organ's name) or a document number, and the last maybe the sending
/// office's name alone beside the number (某市政府总值班室); one field at
/// least and one number at most among them. `Some` with the number the row prints, wherever it
/// sits in it.
fn head_row(t: &str, lex: &Lexicon) -> Option<Option<DocNumber>> {
    // (Most lines have no field's colon, or are long: answered first.)
    let t = text::trim(t);
    if !t.contains(['：', ':']) || !text::chars_at_most(t, 80) {
        return None;
    }
    let (mut fields, mut cells, mut number) = (0, 0, None);
    let mut office = false;
    for cell in head_cells(t) {
        cells += 1;
        if office {
            return None;
        }
        if is_head_field(cell, lex) {
            fields += 1;
        } else if let Some(n) = docnum::whole(cell).filter(|_| number.is_none()) {
            number = Some(n);
        } else if !is_front_matter(cell, lex, true) {
            // (The office's name closes the row.)
            office = cells > 1
                && cell.chars().all(text::is_han)
                && (4..=20).contains(&text::char_len(cell));
            if !office {
                return None;
            }
        }
    }
    // (The office sends the number: a row with no number names none.)
    (cells >= 2 && fields >= 1 && (!office || number.is_some())).then_some(number)
}

/// The number a row of the 版头's fields prints that a wrap cut over
/// `lines[k]` and the line under it ([`cut_head_row`]).
pub fn cut_head_number(lines: &[super::Line], k: usize, lex: &Lexicon) -> Option<DocNumber> {
    let (a, b) = (lines.get(k)?, lines.get(k + 1)?);
    a.adjoins(b)
        .then(|| cut_head_row(a.text(), b.text(), lex))
        .flatten()
        .flatten()
}

/// `lines[k]` is a row of the 版头's fields ([`is_head_row`]) or half of one
/// a wrap cut, with the line above or the line under it ([`cut_head_row`]).
pub fn in_head_row(lines: &[super::Line], k: usize, lex: &Lexicon) -> bool {
    let cut = |a: &super::Line, b: &super::Line| {
        a.adjoins(b) && cut_head_row(a.text(), b.text(), lex).is_some()
    };
    is_head_row(lines[k].text(), lex)
        || k.checked_sub(1).is_some_and(|j| cut(&lines[j], &lines[k]))
        || lines.get(k + 1).is_some_and(|b| cut(&lines[k], b))
}

/// A row of the 版头's fields a wrap cut over two adjoining lines `a` and
/// `b`, inside a cell or in a gap (发电单位：…　　签 / 批盖章：…, 等级：…
/// 某政办明电〔2008〕 / 6号　　某市政府总值班室, 等级：…　　某政办明电〔2008〕6号
/// / 某市政府总值班室), not two rows: read across them as [`head_row`] reads
/// one line. `Some` with the number the row prints.
pub fn cut_head_row(a: &str, b: &str, lex: &Lexicon) -> Option<Option<DocNumber>> {
    // (A row holds a field, its label's colon on one of the lines: most
    // pairs are answered before any text is copied. Both lines short: the
    // row is.)
    let colon = |t: &str| t.contains([':', '：']);
    if !(colon(a) || colon(b))
        || !text::chars_at_most(a, 60)
        || !text::chars_at_most(b, 60)
        || is_head_row(a, lex) && is_head_row(b, lex)
    {
        return None;
    }
    let (a, b) = (text::trim(a), text::trim(b));
    head_row(&[a, b].concat(), lex).or_else(|| head_row(&[a, "　　", b].concat(), lex))
}

/// The cells of a row parted by wide gaps: runs of two spaces or more of
/// any kind, or holding a tab (one space between words, 签发人：王　伟,
/// stays inside its cell).
fn head_cells(t: &str) -> impl Iterator<Item = &str> {
    let mut rest = t;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !text::is_space(c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            let mut wide = c == '\t';
            while let Some(&(j, d)) = chars.peek().filter(|&&(_, d)| text::is_space(d)) {
                end = j + d.len_utf8();
                wide = true;
                chars.next();
            }
            if wide {
                let cell = &rest[..i];
                rest = text::trim(&rest[end..]);
                return Some(cell);
            }
        }
        Some(std::mem::take(&mut rest))
    })
}

/// A field of the 版头 in a cell of its own: a `head_label` word (its
/// characters letter-spaced or not), a colon, and a short value, maybe
/// left blank for a hand to fill (签批盖章：).
fn is_head_field(cell: &str, lex: &Lexicon) -> bool {
    let Some((i, c)) = cell.char_indices().find(|&(_, c)| text::is_colon(c)) else {
        return false;
    };
    let value = &cell[i + c.len_utf8()..];
    // (The label compared without its spaces, no string made.)
    lex.head_label
        .iter()
        .any(|w| text::squash_eq(&cell[..i], w))
        && text::chars_at_most(value, 24)
        && !text::has_char(value, '。')
}

/// The separator rule under a masthead's number (GB/T 9704 版头中的分隔线),
/// printed as text: a star alone (★, ☆: a Party organ's rule carries one in
/// its middle), with the rule's strokes or spaces around it (──★──). It is
/// furniture of the masthead, never a title's or a sentence's text.
pub fn is_separator_rule(t: &str) -> bool {
    let t = text::trim(t);
    t.contains(['★', '☆'])
        && t.chars().all(|c| {
            matches!(
                c,
                '★' | '☆' | '─' | '━' | '—' | '-' | '_' | '＿' | '=' | '＝' | '═'
            ) || text::is_space(c)
        })
}

/// Front matter printed above a document's title (GB/T 9704 版头): a copy
/// number, secrecy and urgency marks (`front_matter` words: 机密★1年, 特急),
/// the issuer's mark (…文件, or a coded telegram's [`is_telegram_mark`];
/// with `organ`, an organ's name too, which elsewhere may be a signature),
/// each separated by spaces.
pub fn is_front_matter(t: &str, lex: &Lexicon, organ: bool) -> bool {
    let t = text::trim(t);
    !t.is_empty()
        && t.split(text::is_space).filter(|p| !p.is_empty()).all(|p| {
            p.chars().all(text::is_digit) && text::chars_at_most(p, 8)
                || lex.front_matter.iter().any(|w| p.starts_with(w.as_str()))
                || p.ends_with("文件") && text::chars_at_most(p, 30)
                || is_telegram_mark(p, lex)
                || organ
                    && !p.starts_with('各')
                    && lex.organ_ending(p).is_some()
                    && text::chars_at_most(p, 30)
        })
}

/// The issuer's mark of a coded telegram (明传电报), which stands over its
/// head as …文件 stands over a red header's number: an organ's name and
/// 明传电报 or 电报 (某市人民政府办公室明传电报), or the word alone. (A title
/// naming a telegram, 关于…的电报, names no organ alone before it.)
pub fn is_telegram_mark(p: &str, lex: &Lexicon) -> bool {
    // (Most parts end otherwise: answered by their last characters.)
    let Some(head) = p.strip_suffix("电报").or_else(|| p.strip_suffix("電報")) else {
        return false;
    };
    let coded = ["明传", "明傳"].iter().find_map(|w| head.strip_suffix(w));
    coded.is_some_and(str::is_empty)
        || !head.starts_with('各') && crate::organs::is_signature_text(coded.unwrap_or(head), lex)
}

/// `t` is the issuer's mark of a red-header document (GB/T 9704 版头's
/// 发文机关标志) on a line of its own, read letter-spaced as a title's lines
/// are: a short name ending in 文件 (某市人民政府文件, 某 市 人 民 政 府 文 件).
/// The 版头's number stands under it.
pub fn is_issuer_mark(t: &str) -> bool {
    issuer_mark_reading(t).is_some()
}

/// An issuer's mark (see [`is_issuer_mark`]) as it reads, a letter-spaced
/// mark without its spaces; `None` for any other line.
pub fn issuer_mark_reading(t: &str) -> Option<std::borrow::Cow<'_, str>> {
    // (Most lines end otherwise: answered by their last character before
    // the line is read letter-spaced.)
    if !(t.trim_end_matches(text::is_space).ends_with('件')
        && text::chars_at_most(t, 30)
        && !text::has_char(t, '。'))
    {
        return None;
    }
    Some(text::title_line(t)).filter(|w| w.ends_with("文件"))
}

/// A line of the 版头's marks alone (GB/T 9704: 份号, 密级和保密期限,
/// 紧急程度), a `front_matter` word among them, in any order and set apart
/// as the page spaces them, a mark's own characters letter-spaced or not
/// (000036　秘密★一年　　　　特　急, 机 密 ★ 1 年): the spaces are not read, so
/// a line of marks spread to the page's width is short. (A secrecy word
/// in a sentence, 秘密文件, is followed by no mark.)
pub fn is_marks_line(t: &str, lex: &Lexicon) -> bool {
    // (Most lines are longer, or open otherwise: answered before the line
    // is copied without its spaces.)
    let mut marks_chars = t.chars().filter(|&c| !text::is_space(c));
    let opens = marks_chars
        .next()
        .is_some_and(|c| text::is_digit(c) || lex.front_matter.iter().any(|w| w.starts_with(c)));
    if !opens || marks_chars.nth(23).is_some() {
        return false;
    }
    let s: String = t.chars().filter(|&c| !text::is_space(c)).collect();
    let (mut rest, mut marks) = (s.as_str(), 0);
    while !rest.is_empty() {
        if let Some(w) = lex
            .front_matter
            .iter()
            .find(|w| rest.starts_with(w.as_str()))
        {
            rest = after_term(&rest[w.len()..]);
            marks += 1;
            continue;
        }
        // The copy number: digits.
        let digits = rest
            .char_indices()
            .find(|&(_, c)| !text::is_digit(c))
            .map_or(rest.len(), |(i, _)| i);
        if digits == 0 || !text::chars_at_most(&rest[..digits], 8) {
            return false;
        }
        rest = &rest[digits..];
    }
    marks > 0
}

/// The text after a secrecy mark's term, when `s` opens with one (★一年,
/// ★1年, ★6个月, ★长期); else `s`.
fn after_term(s: &str) -> &str {
    let Some(r) = s.strip_prefix(['★', '☆']) else {
        return s;
    };
    if let Some(r) = r.strip_prefix("长期") {
        return r;
    }
    let n = r
        .char_indices()
        .find(|&(_, c)| !(text::is_digit(c) || crate::normalize::numeral::is_cn_numeral_char(c)))
        .map_or(r.len(), |(i, _)| i);
    ["个月", "年", "月"]
        .iter()
        .find_map(|u| r[n..].strip_prefix(u))
        .filter(|_| n > 0)
        .unwrap_or(s)
}

/// The issuer's mark of a red-header document (GB/T 9704 版头's 发文机关标志)
/// at `lines[k]`, among the lines above a title: a line ending in 文件 right
/// above a number (某市人民政府文件 / 某政发〔2021〕3号); the same mark a wrap
/// cut, read across its two lines (某 市 人 民 政 府 文 / 件, or inside the
/// organ's name, 中共某市 / 委文件); or a joint
/// masthead, its organs stacked one a line over 文件 alone, which stands for
/// them all, with a number or a title under it (中共某市委 / 某市人民政府 / 文件
/// / 某发〔2021〕5号), every line of it. Lines are read letter-spaced as a
/// title's are (`text::title_line`). (An organ's name over a title with no
/// 文件 between is no mark: a signature or the title's own issuer.)
pub fn is_masthead(lines: &[super::Line], k: usize, lex: &Lexicon) -> bool {
    let mark = |i: usize| {
        lines
            .get(i)
            .map(|l| l.text())
            .filter(|t| text::chars_at_most(t, 30) && !text::has_char(t, '。'))
            .map(text::title_line)
    };
    let adjoins = |i: usize| {
        lines
            .get(i + 1)
            .is_some_and(|b| lines[i].line() + 1 == b.line())
    };
    let number_below = |i: usize| lines.get(i + 1).is_some_and(super::Line::is_number);
    // 件 alone, under a line ending in 文: a mark a wrap cut.
    let cut = |i: usize| {
        i > 0
            && adjoins(i - 1)
            && mark(i).as_deref() == Some("件")
            && mark(i - 1).is_some_and(|m| m.ends_with('文'))
    };
    let closes = |i: usize| lines.get(i).is_some_and(|l| is_issuer_mark(l.text())) || cut(i);
    // An organ's name a wrap cut, its rest and 文件 on the line below, over
    // the number (中共某市 / 委文件 / 某发〔2022〕6号): the two lines read as one.
    // (The rest no name alone: 加急 / 某市人民政府文件 is a mark over the
    // masthead.)
    let organ_cut = |i: usize| {
        adjoins(i)
            && number_below(i + 1)
            && mark(i).zip(mark(i + 1)).is_some_and(|(a, b)| {
                let rest = b.strip_suffix("文件").unwrap_or_default();
                let whole = [a.as_ref(), rest].concat();
                !a.starts_with('各')
                    && !rest.is_empty()
                    && !crate::organs::is_signature_text(rest, lex)
                    && crate::organs::is_signature_text(&whole, lex)
            })
    };
    if closes(k) && number_below(k) || cut(k + 1) && number_below(k + 1) || organ_cut(k) {
        return true;
    }
    // The organs over 文件 alone: each line a name or a few (中共某市委
    // 某市人民政府), nothing else.
    let organs = |i: usize| {
        mark(i).is_some_and(|m| !m.starts_with('各') && crate::organs::is_signature_text(&m, lex))
    };
    // (Joint issuers stack a few names: the walk is bounded, so that a long
    // list of organs, one a line, is not walked again from each of its lines.)
    const MASTHEAD_ORGANS: usize = 8;
    let mut i = k;
    while i < k + MASTHEAD_ORGANS && organs(i) && adjoins(i) {
        i += 1;
    }
    let alone = mark(i).as_deref() == Some("文件")
        && lines
            .get(i + 1)
            .is_some_and(|n| n.is_number() || n.is_title_fragment());
    alone && (i > k || i > 0 && organs(i - 1) && adjoins(i - 1))
}

/// The most lines of front matter over a masthead's mark that
/// [`masthead_above`] takes with it.
const MAX_FRONT_LINES: usize = 6;

/// The masthead (GB/T 9704 版头) of a document right above unit `at`, its
/// number or its title's first line, wherever it stands (…印发 / 中共某市委
/// 办公室文件 / 某办通〔2021〕3号 / 关于…): the issuer's mark, an organ's name
/// and 文件 alone on its line (`furniture::is_masthead_head`) at most two
/// lines above, and the front matter over it (份号, 密级, 紧急程度, a joint
/// masthead's other organs under a mark: 000045 / 加急 / 中共某县委办公室 /
/// 某县人民政府办公室文件), down to unit `floor` at most. Its units; none
/// when there is no mark. It opens the next document's front matter: it
/// closes what is open above it, never a line of its text. (An organ's
/// name over the mark with no other mark above it is left to the text
/// above: a signature printed without its date.)
pub fn masthead_above(
    lines: &[super::Line],
    at: usize,
    floor: usize,
    lex: &Lexicon,
) -> Option<std::ops::Range<usize>> {
    let under = lines.get(at)?;
    let mark = at.checked_sub(1).filter(|&k| k >= floor)?;
    let heads = under.is_number() || under.is_title_fragment() || under.is_title_end();
    let near = |k: usize| lines[k].line() + 2 >= lines[k + 1].line();
    if !(heads
        && near(mark)
        && super::furniture::is_masthead_head(lines[mark].text(), lex, || true))
    {
        return None;
    }
    let front = |k: usize, organ: bool| {
        let t = lines[k].text();
        text::chars_at_most(t, 30)
            && !text::has_char(t, '。')
            && (is_front_matter(&text::title_line(t), lex, organ) || is_marks_line(t, lex))
    };
    let mut top = mark;
    // (GB/T 9704's front matter is a few lines: 份号, 密级, 紧急程度, a joint
    // masthead's other organs.)
    while top > floor && mark - top < MAX_FRONT_LINES && near(top - 1) && front(top - 1, true) {
        top -= 1;
    }
    while top < mark && !front(top, false) {
        top += 1;
    }
    Some(top..at)
}

/// The document number on a page-metadata line that labels it as such
/// (发文字号：…, 文 号:…, 【字 号】…; spaces inside the label allowed).
/// The number is read after its label: a label alone on the line above it,
/// joined to it (发文字号 / 某政办发〔2020〕23号), gives none of its
/// characters to the number's code.
pub fn metadata_number(line: &str, lex: &Lexicon) -> Option<DocNumber> {
    let squashed: String = line.chars().filter(|c| !text::is_space(*c)).collect();
    let (at, len) = Lexicon::find_any(&lex.number_label, &squashed)?;
    docnum::find_all(&squashed[at + len..])
        .into_iter()
        .next()
        .map(|f| f.number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_closing_a_passage_note() {
        let n = passage_note_number(
            "（2021年7月30日中国共产党迪庆藏族自治州第十届委员会第十一次全体会议通过　迪发〔2021〕12号）",
        );
        assert_eq!(n.map(|n| n.raw), Some("迪发〔2021〕12号".to_owned()));
        for t in [
            "（2021年6月8日州委常委会会议审议通过）",
            "（2016年5月6日某府发〔2016〕21号印发）",
            "（2021年8月25日荆州市人民政府令第11号公布　自2021年10月1日起施行）",
            "（根据某发〔2020〕3号修正）",
        ] {
            assert!(passage_note_number(t).is_none(), "{t}");
        }
    }

    /// The issuer's mark above a title: …文件 over a number, the mark a wrap
    /// cut (…文 / 件), a joint masthead's organs stacked over 文件 alone;
    /// not an organ over a title with no 文件, nor 文件 alone with no organ
    /// over it and no number under it.
    #[test]
    fn mastheads() {
        let lex = Lexicon::builtin();
        let at = |src: &str, k: usize| is_masthead(&super::super::Line::all(src, &lex), k, &lex);
        let joint = "中共某市委\n某 市 人 民 政 府\n文件\n某发〔2021〕5号\n";
        for k in 0..3 {
            assert!(at(joint, k), "{k}");
        }
        let titled = "中共某市委办公室\n某市人民政府办公室\n文　件\n关于加强管理的通知\n";
        assert!(at(titled, 0) && at(titled, 2));
        let cut = "某 市 人 民 政 府 办 公 室 文 \n件\n某政办发〔2021〕3号\n";
        assert!(at(cut, 0) && at(cut, 1));
        assert!(at("某市人民政府文件\n某政发〔2021〕9号\n", 0));
        // An organ's name cut by a wrap, its rest on 文件's line.
        let cut = "中共某某市\n委文件\n某发〔2022〕6号\n";
        assert!(at(cut, 0) && at(cut, 1));
        assert!(!at("中共某某市\n委文件\n关于加强管理的通知\n", 0));
        assert!(!at("现将有关\n事项文件\n某发〔2022〕6号\n", 0));
        assert!(!at("加急\n某市人民政府文件\n某政发〔2021〕9号\n", 0));
        // (No 文件: an organ over its title; 文件 under a sentence.)
        let organ = "某市人民政府\n关于加强管理的通知\n";
        assert!(!at(organ, 0));
        let text = "现将有关文件\n文件\n关于加强管理的通知\n";
        assert!(!at(text, 0) && !at(text, 1));
        assert!(!at("某市人民政府\n\n文件\n某政发〔2021〕9号\n", 0));
    }

    /// A meeting's or an organ's line closed by 决定： opens what it decides:
    /// no addressees; an organ named for its decisions still is one.
    #[test]
    fn a_meeting_that_decides_is_no_addressee() {
        let lex = Lexicon::builtin();
        for t in [
            "延安市第五届人民代表大会常务委员会第二十九次会议决定：",
            "第十三届全国人民代表大会常务委员会第二十九次会议决定：",
            "市人民代表大会常务委员会决定：",
        ] {
            assert!(!is_addressee_text(t, &lex), "{t}");
        }
        assert!(is_addressee_text("市人民代表大会常务委员会：", &lex));
        assert!(is_addressee_text("各县区人民政府，市政府各部门：", &lex));
    }

    /// Addressees wrapped inside a name join when the second line is short,
    /// or, the first line a list already, no longer than it; a sentence
    /// after a name does not.
    /// A place alone addressed as an organ; a sentence ending in a place,
    /// or a word ending like a division, is none.
    #[test]
    fn places_addressed_alone() {
        let lex = Lexicon::builtin();
        for t in [
            "新疆生产建设兵团第一师阿拉尔市：",
            "阿克苏市：",
            "第十二师：",
            "兵团第一师：",
        ] {
            assert!(is_place_addressee(t), "{t}");
            // (Not addressees anywhere in a text.)
            assert!(!is_addressee_text(t, &lex), "{t}");
        }
        for t in [
            "律师：",
            "主讲教师：",
            "现将有关事项通知如下：",
            "到阿克苏市的：",
            "市：",
        ] {
            assert!(!is_place_addressee(t), "{t}");
        }
    }

    #[test]
    fn addressees_cut_inside_a_name() {
        let lex = Lexicon::builtin();
        let join = |src: &str| {
            let us = crate::unit::Unit::all(src);
            wrapped_addressees(&us[0], &us[1], false, &lex)
        };
        let long = "各县（市）区委、人民政府，辽河农垦管理区党工委、管委会，四平红嘴经济技术\n开发区党工委、管委会，市委各部委，市直各单位，各人民团体：";
        assert!(join(long).is_some());
        let short = "各县（市、区）人民政府，市各有关部\n门和单位：";
        assert!(join(short).is_some());
        // The second line longer than the first: no wrap at a fixed width.
        let longer = "各县（市）区委、人民政府，辽河\n农垦管理区党工委、管委会，四平红嘴经济技术开发区党工委、管委会，市委各部委：";
        assert!(join(longer).is_none());
        // One name, then a sentence's colon.
        let sentence = "市人民政府办公室\n为做好安全生产工作，经研究，现就有关事项通知如下：";
        assert!(join(sentence).is_none());
        // Units, then a sentence, wrapped: no list.
        let units_then_sentence = "县交通运输局、县公安局交通管理大队、县城市管理局，经县人民政府同意，对县城区\n部分公交线路予以调整，自2021年7月1日起执行，具体调整情况为：";
        assert!(join(units_then_sentence).is_none());
        let lost_colon = "各市、区人民政府，苏州工业园区、苏州高新区管委会，市各委办局，市属各国有企业\n市政府决定在全市开展安全生产大检查，具体安排是：";
        assert!(join(lost_colon).is_none());
    }

    /// A date in brackets alone, or beside its number, is a date note; a
    /// passage note, a date among words, a bare number are none.
    #[test]
    fn date_notes() {
        let lex = Lexicon::builtin();
        let note = |t: &str| date_note(t, &lex).map(|(d, n)| (d.iso(), n.map(|n| n.raw)));
        assert_eq!(note("（2020年6月28日）"), Some(("2020-06-28".into(), None)));
        assert_eq!(
            note("（2017年3月2日印发）"),
            Some(("2017-03-02".into(), None))
        );
        assert_eq!(
            note("　　(二〇二〇年九月三日)"),
            Some(("2020-09-03".into(), None))
        );
        assert_eq!(
            note("（2017年3月2日　某政发〔2017〕12号）"),
            Some(("2017-03-02".into(), Some("某政发〔2017〕12号".into())))
        );
        assert_eq!(
            note("（某政发〔2017〕12号 2017年3月2日）"),
            Some(("2017-03-02".into(), Some("某政发〔2017〕12号".into())))
        );
        // A comma between them.
        for t in [
            "(芜政〔2019〕2号,2019年1月8日)",
            "（2019年1月8日，芜政〔2019〕2号）",
        ] {
            assert_eq!(
                note(t),
                Some(("2019-01-08".into(), Some("芜政〔2019〕2号".into()))),
                "{t}"
            );
        }
        // Without brackets: a number and a date parted by a space or a comma.
        for t in [
            "芜政〔2019〕2号 2019年1月8日",
            "　　芜政〔2019〕2号　　2019年1月8日",
            "芜政〔2019〕2号，2019年1月8日",
            "2019年1月8日　芜政〔2019〕2号",
        ] {
            assert_eq!(
                note(t),
                Some(("2019-01-08".into(), Some("芜政〔2019〕2号".into()))),
                "{t}"
            );
        }
        for none in [
            "芜政〔2019〕2号2019年1月8日",
            "2019年1月8日芜政〔2019〕2号",
            "2019年1月8日印发",
            "某市人民政府 2019年1月8日",
            "（2019年5月30日某市第十届人民代表大会常务委员会第十二次会议通过）",
            "（2020年6月28日起施行）",
            "2020年6月28日",
            "（某政发〔2017〕12号）",
            "（2020年6月28日）各乡镇：",
        ] {
            assert_eq!(note(none), None, "{none}");
        }
    }

    /// A joint document's numbers cut over two or three lines read as the
    /// first organ's number; a number alone, or one whose line goes on in
    /// words, is none.
    #[test]
    fn joint_numbers_cut_by_wraps() {
        let lex = Lexicon::builtin();
        let cut = |s: &str| {
            let ls = super::super::Line::all(s, &lex);
            cut_joint_number(&ls).map(|(n, k)| (n.raw, k))
        };
        assert_eq!(
            cut("某财税〔2021〕12号　某发改〔2021〕208号　某自然\n资〔2021〕66号\n各县："),
            Some(("某财税〔2021〕12号".into(), 2))
        );
        assert_eq!(
            cut("某财税〔2021〕12号　某发改〔2021〕\n208号　某自然资〔2021〕66号　某税发\n〔2021〕31号\n各县："),
            Some(("某财税〔2021〕12号".into(), 3))
        );
        for none in [
            "某财税〔2021〕12号\n某发改〔2021〕208号\n",
            "某财税〔2021〕12号文件已经\n废止。\n",
            "现将某财税〔2021〕12号　某发改〔2021〕\n208号转发给你们。\n",
        ] {
            assert_eq!(cut(none), None, "{none}");
        }
    }

    /// A number cut over two lines is read whole; two lines that are not
    /// the halves of one number are none.
    #[test]
    fn cut_numbers() {
        let lex = Lexicon::builtin();
        let cut = |s: &str| {
            let ls = super::super::Line::all(s, &lex);
            cut_number(&ls[0], &ls[1], false, &lex).map(|n| n.raw)
        };
        assert_eq!(
            cut("某政发〔2017〕\n12号\n"),
            Some("某政发〔2017〕12号".into())
        );
        assert_eq!(
            cut("某政办发\n[2017]25号\n"),
            Some("某政办发[2017]25号".into())
        );
        assert_eq!(cut("某政发〔2017〕12号\n各县区：\n"), None);
        assert_eq!(cut("为加强管理\n12号\n"), None);
        assert_eq!(cut("〔2017〕\n12号\n"), None);
        assert_eq!(cut("某政发〔2017〕\n12号文件精神\n"), None);
    }

    /// A number with front matter to its left is the line's number; front
    /// matter alone, or prose to the left, is none.
    #[test]
    fn numbers_beside_front_matter() {
        let lex = Lexicon::builtin();
        for (line, raw) in [
            (
                "000032　　　　　　浙交函〔2022〕156号",
                "浙交函〔2022〕156号",
            ),
            (
                "泸州市江阳区人民政府文件　　　　江阳府发〔2024〕3号",
                "江阳府发〔2024〕3号",
            ),
            ("特急　　石政发〔2020〕1号", "石政发〔2020〕1号"),
            (
                "000045  机密★1年  特急    淇办〔2020〕27号",
                "淇办〔2020〕27号",
            ),
        ] {
            let n = number_after_front_matter(line, &lex, false);
            assert_eq!(n.map(|n| n.raw), Some(raw.to_owned()), "{line}");
        }
        for line in [
            "根据　　石政发〔2020〕1号",
            "特急 石政发〔2020〕1号",
            "000032",
            "各县区人民政府　　石政发〔2020〕1号",
            // A row of a table of documents, a sentence wrapped after a number.
            "湖南省人民政府  湘政发〔2018〕20号",
            "现将自治区人民政府办公厅  宁政办发〔2020〕42号",
        ] {
            assert!(
                number_after_front_matter(line, &lex, false).is_none(),
                "{line}"
            );
        }
        // An organ's name beside the number: read only where asked (above a title).
        assert_eq!(
            organ_number("山东省人民政府办公厅  鲁政办字〔2019〕31号", &lex).map(|n| n.raw),
            Some("鲁政办字〔2019〕31号".to_owned())
        );
        assert!(organ_number("山东省人民政府办公厅", &lex).is_none());
        assert!(is_front_matter("机密★6个月", &lex, false));
        assert!(is_front_matter("000045", &lex, false));
        assert!(!is_front_matter("固原市人民政府", &lex, false));
        assert!(is_front_matter("固原市人民政府", &lex, true));
        assert!(!is_front_matter("现将有关事项通知如下", &lex, true));
    }

    /// A coded telegram's head: its mark, the rows of its fields, the
    /// number among them wherever it sits; a row with no field of the head
    /// or with a cell of text is none.
    #[test]
    fn a_telegram_head_and_its_rows() {
        let lex = Lexicon::builtin();
        for t in ["某市人民政府办公室明传电报", "明传电报", "某省人民政府电报"]
        {
            assert!(is_front_matter(t, &lex, false), "{t}");
        }
        for t in ["关于做好防汛工作的电报", "各县人民政府明传电报", "电报"] {
            assert!(!is_front_matter(t, &lex, false), "{t}");
        }
        for (t, raw) in [
            (
                "等级：特急·明电　　　某政办明电〔2008〕6号　　　　某市政府总值班室",
                "某政办明电〔2008〕6号",
            ),
            ("某政办明电〔2008〕6号\t等级：特急", "某政办明电〔2008〕6号"),
            (
                "签批盖章：王　明  某政办明电〔2021〕12号",
                "某政办明电〔2021〕12号",
            ),
        ] {
            assert_eq!(
                head_row_number(t, &lex).map(|n| n.raw).as_deref(),
                Some(raw),
                "{t}"
            );
        }
        assert!(is_head_row(
            "发电单位：某市人民政府办公室　　　　签批盖章：",
            &lex
        ));
        assert!(
            head_row_number("发电单位：某市人民政府办公室　　签批盖章：王　明", &lex).is_none()
        );
        // Cut by a wrap inside a cell or in a gap; two rows are not one.
        for (a, b, raw) in [
            (
                "等级：特急·明电　　某政办明电〔2008〕",
                "6号　　某市政府总值班室",
                Some("某政办明电〔2008〕6号"),
            ),
            (
                "等级：特急·明电　　某政办明电〔2008〕6号　　",
                "某市政府总值班室",
                Some("某政办明电〔2008〕6号"),
            ),
            ("发电单位：某市人民政府办公室　　签", "批盖章：王　明", None),
        ] {
            let got = cut_head_row(a, b, &lex).map(|n| n.map(|n| n.raw));
            assert_eq!(got, Some(raw.map(str::to_owned)), "{a} / {b}");
        }
        assert!(cut_head_row(
            "发电单位：某市人民政府办公室　　签批盖章：王　明",
            "等级：特急·明电　　某政办明电〔2008〕6号",
            &lex
        )
        .is_none());
        assert!(cut_head_row(
            "等级：特急·明电　　某政办明电〔2008〕",
            "6号文件精神，现通知如下。",
            &lex
        )
        .is_none());
        for t in [
            "等级：一级",
            "等级：一级　　评定为优秀",
            "联系人：王明　　某政发〔2020〕3号",
            "发电单位：某市人民政府办公室　　某政发〔2020〕3号　　某政发〔2020〕4号",
            "等级 特急　　某政办明电〔2008〕6号",
        ] {
            assert!(!is_head_row(t, &lex), "{t}");
        }
    }

    /// A number with the 版头's marks to its right: the number alone read;
    /// a line where anything else follows the number is none.
    #[test]
    fn numbers_before_marks() {
        let lex = Lexicon::builtin();
        for t in [
            "尖发〔2022〕9号　　　　　　　　秘密★1年",
            "尖发〔2022〕9号 机密★1年",
            "尖发〔2022〕9号　　　　　　特急",
            "尖发〔2022〕9号　　平　急　　",
            "尖发〔2022〕9号　　机密★6个月　　加急",
            "尖发〔2022〕9号　　绝密★长期",
        ] {
            let n = number_before_marks(t, &lex).map(|n| n.raw);
            assert_eq!(n.as_deref(), Some("尖发〔2022〕9号"), "{t}");
        }
        for t in [
            "尖发〔2022〕9号特急",
            "尖发〔2022〕9号　　秘密文件",
            "尖发〔2022〕9号　　特急通知",
            "根据尖发〔2022〕9号　　特急",
            "尖发〔2022〕9号　　2022年",
            "秘密★1年",
            "特急",
            "全年",
        ] {
            assert!(number_before_marks(t, &lex).is_none(), "{t}");
        }
    }

    /// The 版头's marks spread over a line, a mark letter-spaced, in any
    /// order; a secrecy word in text is none.
    #[test]
    fn marks_spread_over_a_line() {
        let lex = Lexicon::builtin();
        for t in [
            "秘密★一年　　　　　　　　　　　　特　急",
            "000036　　机 密 ★ 1 年　　加急",
            "特急　　000012",
            "绝密★长期",
            "机密★6个月特急",
        ] {
            assert!(is_marks_line(t, &lex), "{t}");
        }
        for t in [
            "000036",
            "秘密文件",
            "特急件办理",
            "秘密★一年　　特",
            "特急通知",
            "",
        ] {
            assert!(!is_marks_line(t, &lex), "{t}");
        }
    }

    /// A line of addressees opening with its 主送 label is read without it;
    /// the label alone, or a word opening so without a colon, is none.
    #[test]
    fn addressees_under_their_label() {
        let lex = Lexicon::builtin();
        let t = "主送：金川区、永昌县人民政府，市政府各部门，市直各单位：";
        assert!(is_addressee_text(t, &lex));
        assert_eq!(
            without_label(t, &lex),
            "金川区、永昌县人民政府，市政府各部门，市直各单位："
        );
        assert_eq!(
            without_label("主送 :各区人民政府：", &lex),
            "各区人民政府："
        );
        assert_eq!(without_label("主送单位：", &lex), "主送单位：");
        assert!(!is_addressee_text("主送：", &lex));
    }

    /// The separator rule of a masthead, a star alone or in its strokes; a
    /// secrecy mark's star or a line of text holding one is none.
    #[test]
    fn separator_rules() {
        for t in ["★", "☆", "　　★　　", "────★────", "━━ ★ ━━"]
        {
            assert!(is_separator_rule(t), "{t}");
        }
        for t in ["", "────", "机密★1年", "★★★示范单位", "五星级★"] {
            assert!(!is_separator_rule(t), "{t}");
        }
    }

    /// The number above a title, a 签发人 or a mark between them or not.
    #[test]
    fn number_above_a_title() {
        let lex = Lexicon::builtin();
        let at = |s: &str| {
            let ls = super::super::Line::all(s, &lex);
            let title = ls.iter().position(|l| l.is_title_end()).unwrap();
            number_above(&ls, title, &lex)
        };
        assert_eq!(
            at("固政发〔2014〕52号\n某市人民政府关于做好防汛工作的通知\n"),
            Some(0)
        );
        assert_eq!(
            at("固政发〔2014〕52号\n签发人：马　力\n某市人民政府关于申请试点的请示\n"),
            Some(0)
        );
        assert_eq!(
            at("固政发〔2014〕52号\n加急\n某市人民政府关于做好防汛工作的通知\n"),
            Some(0)
        );
        assert_eq!(
            at("中共某县县委文件\n某发〔2022〕3号\n★\n中共某县县委关于加强基层治理的意见\n"),
            Some(1)
        );
        assert_eq!(
            at("固政发〔2014〕52号\n各县区人民政府：\n某市人民政府关于做好防汛工作的通知\n"),
            None
        );
    }

    /// The masthead above the next document's number or title, the front
    /// matter over its mark with it; an organ's name over the mark alone
    /// stays above it, and so does text, or a mark far above.
    #[test]
    fn a_masthead_above_the_next_document() {
        let lex = Lexicon::builtin();
        for (s, want) in [
            (
                "本办法自印发之日起施行。\n柳州市人民政府办公室文件\n柳政办〔2022〕61号\n",
                Some(1..2),
            ),
            (
                "某市人民政府办公室　　2021年3月4日印发\n000045\n加急\n中共某县县委办公室\n某县人民政府办公室文件\n某办〔2020〕27号\n",
                Some(1..5),
            ),
            (
                "一、加强领导。\n某市人民政府\n某县人民政府文件\n某政发〔2020〕2号\n",
                Some(2..3),
            ),
            ("一、加强领导。\n请转发省政府文件\n某政发〔2020〕2号\n", None),
            (
                "一、加强领导。\n某县人民政府文件\n\n\n\n某政发〔2020〕2号\n",
                None,
            ),
        ] {
            let ls = super::super::Line::all(s, &lex);
            let number = ls.iter().rposition(|l| l.is_number());
            let got = number.and_then(|at| masthead_above(&ls, at, 1, &lex));
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn addressees_and_sentences_ending_in_a_colon() {
        let lex = Lexicon::builtin();
        assert!(is_addressee_text("各县区委、政府，市委各部门：", &lex));
        assert!(is_addressee_text("国务院各部委、各直属机构：", &lex));
        assert!(!is_addressee_text(
            "为贯彻落实有关要求，现提出如下意见：",
            &lex
        ));
        assert!(!is_addressee_text("牵头单位：", &lex));
        assert!(!is_addressee_text(
            "单位名称：　　　　　　　联系人：　　　　　　　联系电话：",
            &lex
        ));
        assert!(!is_addressee_text("一、各县区：", &lex));
        // (A roster's head, its members under it.)
        assert!(!is_addressee_text(
            "成立某市城镇老旧小区改造工作领导小组：",
            &lex
        ));
    }

    /// A term, a task table's last cell, opens no addressee list above
    /// the next notice's addressees; an organ's name cut by a wrap does.
    #[test]
    fn a_term_opens_no_addressees() {
        let lex = Lexicon::builtin();
        for term in ["每季度", "长期坚持", "2020年6月底前", "2021年第三季度"] {
            assert!(names_a_term(term, &lex), "{term}");
            let src = format!("{term}\n各区县人民政府，市直有关单位：\n");
            let us = Unit::all(&src);
            assert_eq!(wrapped_addressees(&us[0], &us[1], false, &lex), None);
        }
        for name in ["各区县人民政府，市青年联合会、", "各县（市）区", "市统计局"]
        {
            assert!(!names_a_term(name, &lex), "{name}");
        }
    }

    /// The rest of a number's line and the next, up to the colon: read
    /// as addressees however long the second line, every item named.
    #[test]
    fn addressees_after_a_number_wrapped() {
        let lex = Lexicon::builtin();
        let us = Unit::all(
            "各县、市、区人民政府，某某经济技术开\n发区、某某产业园区管委会，市政府各部门：",
        );
        assert_eq!(
            number_line_addressees(&us[0], &us[1], &lex).as_deref(),
            Some("各县、市、区人民政府，某某经济技术开发区、某某产业园区管委会，市政府各部门：")
        );
        // Not a sentence under the organs, nor a colon two lines down.
        for t in [
            "各县区人民政府，市直各部门\n要认真贯彻落实，现将有关事项通知如下：",
            "各县区人民政府，市直各部门\n\n市政府各部门：",
        ] {
            let us = Unit::all(t);
            assert_eq!(number_line_addressees(&us[0], &us[1], &lex), None, "{t}");
        }
    }

    #[test]
    fn a_date_note_cut_over_two_lines() {
        let lex = Lexicon::builtin();
        let read = |src: &str| {
            let ls = super::super::Line::all(src, &lex);
            cut_date_note(&ls[0], &ls[1], &lex).map(|(d, n)| (d.iso(), n.map(|n| n.raw)))
        };
        let want = |d: &str, n: &str| Some((d.to_owned(), Some(n.to_owned())));
        assert_eq!(
            read("（某政发〔2020〕9号\n2020年6月18日）"),
            want("2020-06-18", "某政发〔2020〕9号")
        );
        assert_eq!(
            read("（某政办发〔2020〕15号　2020年7\n月6日）"),
            want("2020-07-06", "某政办发〔2020〕15号")
        );
        // Not a sentence's bracket, nor lines apart, nor a note whole above.
        assert_eq!(read("（某政发〔2020〕9号\n要求，现通知如下）"), None);
        assert_eq!(read("（某政发〔2020〕9号\n\n2020年6月18日）"), None);
        assert_eq!(read("（某政发〔2020〕9号）\n2020年6月18日）"), None);
    }

    #[test]
    fn addressees_over_two_lines_and_run_into_text() {
        let lex = Lexicon::builtin();
        let us = Unit::all("国务院各部委、各直属机\n构：");
        assert_eq!(
            wrapped_addressees(&us[0], &us[1], false, &lex).as_deref(),
            Some("国务院各部委、各直属机构：")
        );
        // A first line that ends at a list separator: the list goes on,
        // and its second line may be as long as a line.
        let us = Unit::all(
            "各省、自治区、直辖市、计划单列市财政厅（局），\n党中央有关部门，国务院各部委、各直属机构：",
        );
        assert_eq!(
            wrapped_addressees(&us[0], &us[1], false, &lex).as_deref(),
            Some("各省、自治区、直辖市、计划单列市财政厅（局），党中央有关部门，国务院各部委、各直属机构：")
        );
        // A sentence that ends at a comma is no list that goes on.
        let us = Unit::all("春节将至，烟花爆竹燃放安全形势严峻，为保障公共安全，\n全市各机关、企事业单位、各村（居）民委员会和广大市民应当遵守下列规定：");
        assert_eq!(wrapped_addressees(&us[0], &us[1], false, &lex), None);
        // Without the separator, a long second line is a line of its own.
        let us = Unit::all("各省、自治区、直辖市、计划单列市财政厅（局）\n党中央有关部门，国务院各部委、各直属机构：");
        assert_eq!(wrapped_addressees(&us[0], &us[1], false, &lex), None);
        // A wrap right before the units 各 names after the organ above them:
        // one name, …省政府各部门, however long the second line.
        let us = Unit::all(
            "各市人民政府，各县（市、区）人民政府，省政府\n各部门、各直属机构，各大企业，各高等院校：",
        );
        assert_eq!(
            wrapped_addressees(&us[0], &us[1], false, &lex).as_deref(),
            Some("各市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构，各大企业，各高等院校：")
        );
        assert!(units_of_the_organ_above("各部委", &lex));
        assert!(!units_of_the_organ_above("各县（市、区）人民政府", &lex));
        assert!(!units_of_the_organ_above("部门", &lex));
        // A name cut inside its head, a separator inside its brackets.
        let us = Unit::all("各县（市、区）人民政\n府，市人民政府各部门：");
        assert_eq!(
            wrapped_addressees(&us[0], &us[1], false, &lex).as_deref(),
            Some("各县（市、区）人民政府，市人民政府各部门：")
        );
        let u = Unit::all("各县区：现将方案印发给你们。")[0];
        let (head, rest) = addressee_head(&u, &lex).unwrap();
        assert_eq!(head.text(), "各县区：");
        assert_eq!(rest.unwrap().text(), "现将方案印发给你们。");
    }

    #[test]
    fn lists_that_name_organs() {
        let lex = Lexicon::builtin();
        for t in [
            "各县（自治县、市、区）人民政府，市政府各工作部门，市直有关单位：",
            "主送：各县区人民政府，市直各部门：",
            "各有关单位和个人：",
        ] {
            assert!(lists_organs(t, &lex), "{t}");
        }
        for t in [
            "照下列权限报投资主管部门审批：",
            "各有关单位要按照下列要求执行：",
        ] {
            assert!(!lists_organs(t, &lex), "{t}");
        }
    }

    /// A scope before 、 shares the next item's head (市属、驻市各单位): an
    /// item of the list then, not alone nor closing it.
    #[test]
    fn scopes_sharing_the_next_items_head() {
        let lex = Lexicon::builtin();
        let list = "市政府各部门，市属、驻市各单位，中直、区直驻钦各单位";
        let item = |w: &str| list.find(w).map(|at| &list[at..at + w.len()]).unwrap();
        assert!(scope_of_next(list, item("市属"), &lex));
        assert!(scope_of_next(list, item("中直"), &lex));
        assert!(!scope_of_next(list, item("市政府各部门"), &lex));
        assert!(lists_organs(&[list, "："].concat(), &lex));
        for t in [
            "市政府各部门，市属：",
            "市政府各部门，市属，驻市各单位：",
            "市属：",
        ] {
            assert!(!lists_organs(t, &lex), "{t}");
        }
        // (Cut by a wrap inside a name, the scope on the second line.)
        let us = Unit::all("各县（区）人民政府，某某高新区、某某新区管委\n会，市政府各部门，市属、驻市各单位，各人民团体：");
        assert_eq!(
            wrapped_addressees(&us[0], &us[1], false, &lex).as_deref(),
            Some("各县（区）人民政府，某某高新区、某某新区管委会，市政府各部门，市属、驻市各单位，各人民团体：")
        );
    }

    /// A narrow copy cuts a list over as many lines as it needs: seven lines
    /// of one list are read; lines past a list's length are none.
    #[test]
    fn addressees_over_many_lines() {
        let lex = Lexicon::builtin();
        let narrow = "各县（市、区）人民政府，某\n某经济技术开发区、某某新区\n、某某风景名胜区管委会，市\n政府各部门，市直各单位，各\n人民团体，中央、省驻某各单\n位，各驻某部队、武警某某支\n队：\n现将有关事项通知如下：";
        let ls = super::super::Line::all(narrow, &lex);
        let (joined, n) = addressees_over_lines(&ls, false, &lex).unwrap();
        assert_eq!(n, 7);
        assert!(joined.ends_with("武警某某支队："));
        // (Past the length of a list of addressees, no list.)
        let long = "各县（市、区）人民政府，某\n".repeat(16) + "各单位：";
        let ls = super::super::Line::all(&long, &lex);
        assert_eq!(addressees_over_lines(&ls, false, &lex), None);
    }

    /// A list over four lines whose colon a wrap pushed onto a line of its
    /// own: the colon's line adds no line of names to check.
    #[test]
    fn addressees_whose_colon_stands_alone() {
        let lex = Lexicon::builtin();
        let ls = super::super::Line::all(
            "各县（区）委和人民政府，某某高新区、某某中科\n院高技术产业园、某某工业集中区党工委和管委会\n，市委各部委，市级国家机关各部门，各人民团体\n：",
            &lex,
        );
        let (joined, n) = addressees_over_lines(&ls, false, &lex).unwrap();
        assert_eq!(n, 4);
        assert!(joined.starts_with("各县（区）委和人民政府，") && joined.ends_with("各人民团体："));
        assert!(is_colon_alone(" ： ") && is_colon_alone(":"));
        assert!(!is_colon_alone("：各县") && !is_colon_alone(""));
    }

    #[test]
    fn only_near_halves_of_addressees_are_joined() {
        let lex = Lexicon::builtin();
        // A blank line between the two halves (an export that puts one after
        // every line) joins them; lines further apart do not.
        let us = Unit::all("国务院各部委、各直属机\n\n构：");
        assert_eq!(
            wrapped_addressees(&us[0], &us[1], false, &lex).as_deref(),
            Some("国务院各部委、各直属机构：")
        );
        let us = Unit::all("国务院各部委、各直属机\n\n\n\n构：");
        assert_eq!(wrapped_addressees(&us[0], &us[1], false, &lex), None);
        // A line that is addressees already, whatever its colon.
        for src in [
            "各县区委、政府：\n市委各部门：",
            "各县区委、政府∶\n市委各部门：",
        ] {
            let ls = super::super::Line::all(src, &lex);
            assert!(ls[0].is_addressee(), "{src}");
            assert_eq!(
                wrapped_addressees(&ls[0], &ls[1], ls[0].is_addressee(), &lex),
                None,
                "{src}"
            );
        }
    }

    #[test]
    fn a_sentence_ending_in_a_colon_heads_no_addressees() {
        let lex = Lexicon::builtin();
        let u = Unit::all("现将有关事项通知如下：一、总体要求")[0];
        assert!(addressee_head(&u, &lex).is_none());
    }

    #[test]
    fn numbers_with_labels() {
        let lex = Lexicon::builtin();
        let u = Unit::all("发文字号：国发〔2019〕5号")[0];
        assert_eq!(labelled_number(&u).unwrap().text(), "国发〔2019〕5号");
        // A task label's value is not a number.
        let u = Unit::all("牵头单位：市发展改革委")[0];
        assert!(labelled_number(&u).is_none());
        assert_eq!(
            metadata_number("【字　号】国办发〔2021〕3号", &lex)
                .unwrap()
                .serial,
            Some(3)
        );
        assert!(metadata_number("发布日期：2021-03-01", &lex).is_none());
        // (The label alone on the line above, joined to its value.)
        assert_eq!(
            metadata_number("发文字号某政办发〔2020〕23 号", &lex)
                .unwrap()
                .issuer_code
                .as_deref(),
            Some("某政办发")
        );
    }
}
