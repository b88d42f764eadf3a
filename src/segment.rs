//! Splitting the body of a file into documents.
//!
//! A document starts at the first line of its title. A title is one to four
//! units without sentence punctuation whose last one ends with a genre word
//! (…的通知, …办法（试行）). It opens a new document when a document number
//! or an addressee line follows it (or a number precedes it), when a passage
//! note or a date in brackets follows it (unless the open document carries
//! it), when it holds 关于 and the open document has signed off with its
//! date, when after a transmittal it opens with the transmitting organ and
//! the transmittal does not name it, when an organ heads it without 关于 and
//! it is of a genre that stands alone (某某市人民政府通告, …常务会议纪要) after
//! a document that signed off, or when it is the first title of the file.
//! A title-like line after a transmittal notice's signature is the enclosed
//! document's title, not a new document; a lone first title repeated just
//! above the real one is a web page's heading.

use crate::docnum;
use crate::lexicon::Lexicon;
use crate::lines::title::is_transmittal;
use crate::lines::Line;
use crate::organs::SHORT_NAME;
use crate::place::LEVELS;

/// Where a document begins: `title` is the range of title units.
#[derive(Debug, Clone)]
pub struct DocStart {
    /// The title's units; empty (`k..k`) for a document without a title,
    /// which starts at unit `k` (its number or addressees).
    pub title: std::ops::Range<usize>,
    /// The masthead (版头) a 纪要 prints above its title, when it prints
    /// one: the organ's minutes mark (某市人民政府专题会议纪要), and under it
    /// the number or issue (某府阅〔2021〕23号, 第5期) and the organ and
    /// date. The document starts at its first unit.
    pub masthead: Option<std::ops::Range<usize>>,
}

impl DocStart {
    /// A document starting at its title's units (none: at unit `k`).
    pub fn titled(title: std::ops::Range<usize>) -> DocStart {
        DocStart {
            title,
            masthead: None,
        }
    }

    /// The unit the document starts at: its masthead's, else its title's.
    pub fn first(&self) -> usize {
        self.masthead.as_ref().map_or(self.title.start, |m| m.start)
    }
}

/// An issue printed under a minutes mark (第5期, （第12期）).
pub fn is_issue(t: &str) -> bool {
    let t = crate::text::trim(t);
    let t = t
        .strip_prefix(crate::text::is_open_paren)
        .and_then(|r| r.strip_suffix(crate::text::is_close_paren))
        .unwrap_or(t);
    t.strip_prefix('第')
        .and_then(|r| r.strip_suffix('期'))
        .is_some_and(|n| {
            !n.is_empty()
                && crate::text::chars_at_most(n, 4)
                && n.chars().all(|c| {
                    crate::text::is_digit(c) || crate::normalize::numeral::is_cn_numeral_char(c)
                })
        })
}

/// The start `d`, right above the 纪要 title at units `s..=i`, is only
/// its masthead: one line that an organ heads as minutes (某市人民政府专题
/// 会议纪要, …常务会议纪要), and under it, up to `s`, nothing but the
/// number or issue and the organ and date (a line each or one for both),
/// at least one of them; or nothing at all, the title right under it then
/// opening with 关于 (某市人民政府专题会议纪要 / 关于…的会议纪要).
fn minutes_masthead(units: &[Line], d: &DocStart, s: usize, i: usize, lex: &Lexicon) -> bool {
    if d.masthead.is_some() || d.title.len() != 1 || d.title.end > s || s - d.title.end > 4 {
        return false;
    }
    let mark = units[d.title.start].text();
    let title = joined(&units[s..=i]);
    let minutes = |t: &str| lex.doc_type(t).is_some_and(|g| g == "纪要");
    if !(minutes(mark) && organ_headed(mark, lex) && minutes(&title)) {
        return false;
    }
    let between = &units[d.title.end..s];
    if between.is_empty() {
        return opens_title(&title, lex) && units[d.title.start].adjoins(&units[s]);
    }
    between.iter().all(|u| {
        u.is_number()
            || is_issue(u.text())
            || u.is_date()
            || u.is_signature()
            || crate::lines::body::organ_and_date(u.text(), lex).is_some()
    })
}

/// The first unit of a 纪要's masthead whose mark, at unit `mark`, names
/// only the meeting (专题会议纪要, 常务会议纪要): the organ's name alone on the
/// line right above it heads it (某市人民政府 / 专题会议纪要); else `mark`.
fn organ_above_mark(units: &[Line], mark: usize, lex: &Lexicon) -> usize {
    let Some(above) = mark.checked_sub(1).map(|k| &units[k]) else {
        return mark;
    };
    let t = crate::text::trim(units[mark].text());
    // (The meeting's own words only, six characters at most: 专题会议,
    // 市长办公会议; an organ's name before them is the mark's own.)
    let bare = lex.genre_suffix(t).is_some_and(|(_, at)| {
        let head = crate::text::trim(&t[..at]);
        crate::text::chars_at_most(head, 6)
            && lex.meeting.iter().any(|w| head.ends_with(w.as_str()))
    });
    let organ = crate::text::trim(above.text());
    let alone = crate::text::chars_at_most(organ, 20)
        && organ.chars().all(crate::text::is_han)
        && lex
            .organ_ending(organ)
            .is_some_and(|e| e.len() < organ.len());
    if bare && alone && above.adjoins(&units[mark]) {
        mark - 1
    } else {
        mark
    }
}

/// `s` holds a word that opens a title (关于, 印发).
fn opens_title(s: &str, lex: &Lexicon) -> bool {
    Lexicon::contains_any(&lex.about, s) || Lexicon::contains_any(&lex.transmittal, s)
}

/// A 关于 cut by a wrap, its first characters ending `above` and the rest
/// opening `t` (…人民政府办公室关 / 于印发…): the length of its part in
/// `above`.
fn about_cut(above: &str, t: &str, lex: &Lexicon) -> Option<usize> {
    lex.about.iter().find_map(|w| {
        w.char_indices()
            .skip(1)
            .map(|(k, _)| k)
            .find(|&k| above.ends_with(&w[..k]) && t.starts_with(&w[k..]))
    })
}

/// `head` (a line's text) and `below` (one to three characters under it)
/// are one organ's name a wrap cut: the organ word they end with begins in
/// `head` (…办公 / 室, …人民 / 政府, …军分区政治 / 工作处), or `below` is one
/// or two characters and `head`'s last name ideographs alone opening with
/// 中共 or naming a place (中共平罗 / 县委, 荆门市生态环境 / 局), the names
/// before it on the line, parted by spaces, organs' (某市发展和改革委员会
/// 某市住房和城乡建设 / 局).
fn cut_organ(head: &str, below: &str, lex: &Lexicon) -> bool {
    let whole = [head, below].concat();
    let Some(end) = lex.organ_ending(&whole) else {
        return false;
    };
    let mut parts = head.split(crate::text::is_space).filter(|p| !p.is_empty());
    let last = parts.next_back().unwrap_or("");
    end.len() > below.len()
        || crate::text::chars_at_most(below, 2)
            && last.chars().all(crate::text::is_han)
            && (last.starts_with("中共") || last.contains(LEVELS))
            && parts.all(|p| lex.organ_ending(p).is_some_and(|e| e.len() < p.len()))
}

/// The words that open an organ's name only after its place's (某市人民政府,
/// 某州人民代表大会, 中共某市委员会): under a line ending with the place, its
/// rest (曲靖市 / 人民政府关于…); not 国务院办公厅, 教育部, whole in themselves.
const NEEDS_PLACE: [&str; 5] = ["人民政府", "人民代表大会", "人大常委会", "委员会", "政府"];

/// Lines `at..s`, stacked right above a title's line `s` whose organ before
/// 关于 is `organ`, are the tail of a roster, not issuers: institutions a
/// roster lists (某某人民医院, 某某集团有限公司) or units by their short names,
/// under a heading that counts its list (二、提名奖（2家）), or any units
/// under the 名单 an attachment header names (附件 / …先进集体名单), above a
/// title naming its organ in full. (一、市委文件 / 市委办公室　市政府办公室 /
/// 关于… are a section's heading and joint issuers.)
fn roster_tail(units: &[Line], at: usize, s: usize, organ: Option<&str>, lex: &Lexicon) -> bool {
    if !(at < s && at > 0 && units[at - 1].line() + 2 >= units[at].line()) {
        return false;
    }
    let short = |name: &str| {
        name.starts_with(SHORT_NAME) || lex.roster_member.iter().any(|w| name.ends_with(w.as_str()))
    };
    let member = |name: &str| short(name) || lex.organ_ending(name).is_some();
    let lists = |u: &Line| {
        u.text()
            .split(crate::text::is_space)
            .filter(|p| !p.is_empty())
            .all(member)
    };
    let listed = units[at..s].iter().all(lists);
    // The group's heading, over more of its list than the walk took (一、先进
    // 集体（4个） / 定海区干览镇人民政府 / … / 舟山渔港监督局 / 舟山市人民政府关于…).
    // (A line closed by a colon heads the list, its names or not.)
    let colon = |u: &Line| {
        u.text()
            .trim_end_matches(crate::text::is_space)
            .ends_with(crate::text::is_colon)
    };
    let mut h = at - 1;
    while h > 0
        && at - h < 200
        && lists(&units[h])
        && units[h].marker(false).is_none()
        && !colon(&units[h])
    {
        if units[h - 1].line() + 2 < units[h].line() {
            return false;
        }
        h -= 1;
    }
    let full_organ =
        organ.is_some_and(|o| !o.starts_with(SHORT_NAME) && lex.organ_ending(o).is_some());
    // (Full names listed, as joint issuers print theirs, only three or more
    // or as many as the heading counts: 一、表彰决定（2项） / 中共某市委 / 某市
    // 人民政府关于… is a section's heading over a joint title.)
    let parts = || {
        units[h + 1..s]
            .iter()
            .flat_map(|u| u.text().split(crate::text::is_space))
            .filter(|p| !p.is_empty())
    };
    let n = parts().count();
    let as_counted = n >= 3 || parts().all(short) || count(units[h].text()) == Some(n);
    // (Or the heading is an attachment's 名单, its header on its line or
    // alone above it: 附件 / 先进集体名单 / 吉县农业农村局 / … / 某市人民政府
    // 关于…; an attachment lists no issuers of the next document.)
    // (Not a list left out, its 名单 right above joint issuers, 附件 /
    // …名单 / 中共某市委 / 某市人民政府关于…, nor a title's organ cut by a
    // wrap, 某市人民政府 / 办公室关于…: the title's organ names its place,
    // and the lines taken hold no party committee unless a unit of the
    // list stays above them.)
    let places = organ.is_some_and(|o| o.starts_with("中共") || o.contains(LEVELS));
    let party = units[at..s].iter().any(|u| u.text().starts_with("中共"));
    // (Its title maybe cut by a wrap before its genre word: 附件 / 2019年度全市
    // 招商引资工作先进单位 / 名单 / 舞阳县人民政府 / 市商务局 / 某市人民政府办公室
    // 关于…; read from its first line.)
    let top = if h > 1
        && crate::text::chars_at_most(units[h].text(), 4)
        && units[h - 1].line() + 1 == units[h].line()
        && units[h - 1].is_title_fragment()
    {
        h - 1
    } else {
        h
    };
    let attached_roster = || {
        let t = units[h].text();
        let title = crate::lines::body::attachment_header(t, lex).map_or(t, |(_, title)| title);
        let title = crate::lexicon::strip_trailing_note(title);
        (title.ends_with("名单") || title.ends_with("名單"))
            && (title.len() < t.len()
                || top > 0
                    && units[top - 1].line() + 2 >= units[top].line()
                    && crate::lines::body::attachment_header(units[top - 1].text(), lex)
                        .is_some_and(|(_, title)| title.is_empty()))
    };
    // (Or the heading a sentence that opens a list with its colon right
    // above the names: 市级公共卫生应急物资由以下单位储备： / 东台市人民医院 /
    // 盐城市疾病预防控制中心 / 盐城市人民政府办公室关于…; no joint issuers
    // stand under a colon. Not 附件：, 抄送：, 联系人： or an addressee line,
    // and only over a title that opens with its own organ, not with 关于
    // under joint issuers.)
    let colon_heading = || {
        let t = units[h].text();
        h + 1 == at
            && colon(&units[h])
            && units[h].marker(false).is_none()
            && !units[h].has_label()
            && !units[h].is_addressee()
            && !units[h].is_colophon()
            && crate::lines::body::attachment_header(t, lex).is_none()
            && !crate::text::chars_at_most(t, 8)
            && !lex
                .about
                .iter()
                .any(|w| units[s].text().starts_with(w.as_str()))
    };
    listed
        && full_organ
        && (units[h].marker(false).is_some()
            && crate::lines::body::closes_with_count(units[h].text(), lex)
            && as_counted
            || places && (h + 1 < at || !party) && (attached_roster() || colon_heading()))
}

/// The count a group's heading closes with (先进集体（4个） → 4).
fn count(h: &str) -> Option<usize> {
    let inner = h.rsplit(['（', '(']).next()?;
    let digits: String = inner
        .chars()
        .take_while(|c| c.is_ascii_digit() || crate::normalize::numeral::is_cn_numeral_char(*c))
        .collect();
    if digits.chars().all(|c| c.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        crate::normalize::numeral::cn_number(&digits).map(|n| n as usize)
    }
}

/// `s` closes every 《 it opens.
/// A row of a tab table opening with its serial cell: `1⇥某市…办法`.
fn is_serial_row(t: &str) -> bool {
    t.split_once('\t').is_some_and(|(serial, rest)| {
        let serial = crate::text::trim(serial);
        (1..=3).contains(&serial.len())
            && serial.bytes().all(|b| b.is_ascii_digit())
            && !crate::text::trim(rest).is_empty()
    })
}

fn balanced(s: &str) -> bool {
    s.matches('《').count() == s.matches('》').count()
}

/// The text of the title units `lines`, joined.
fn joined(lines: &[Line]) -> String {
    lines
        .iter()
        .map(|t| crate::text::title_line(t.text()))
        .collect()
}

/// The texts of the units around a title's last one, read as a title's
/// lines: a line letter-spaced throughout (关 于 印 发 …) or in runs without
/// their spaces (`text::spaced_reading`), kept only where the window holds one.
struct Read<'a, 't> {
    units: &'a [Line<'t>],
    from: usize,
    spaced: Vec<std::borrow::Cow<'t, str>>,
}

impl<'a, 't> Read<'a, 't> {
    /// The window a title's start is looked for in: the lines from a few
    /// above `end` (none before `floor`'s line above) to the one under it.
    fn new(units: &'a [Line<'t>], end: usize, floor: usize) -> Read<'a, 't> {
        let from = end.saturating_sub(10).max(floor.saturating_sub(1));
        let to = (end + 2).min(units.len());
        let window = units.get(from..to).unwrap_or(&[]);
        let read: Vec<Option<String>> = window
            .iter()
            .map(|l| crate::text::spaced_reading(l.text()))
            .collect();
        let spaced = if read.iter().any(Option::is_some) {
            window
                .iter()
                .zip(read)
                .map(|(l, r)| match r {
                    Some(w) => std::borrow::Cow::Owned(w),
                    None => std::borrow::Cow::Borrowed(l.text()),
                })
                .collect()
        } else {
            Vec::new()
        };
        Read {
            units,
            from,
            spaced,
        }
    }

    /// The text of unit `k`, read so.
    fn at(&self, k: usize) -> &str {
        match k.checked_sub(self.from).and_then(|i| self.spaced.get(i)) {
            Some(t) => t,
            None => self.units[k].text(),
        }
    }
}

/// Walks back from the title's last unit `end` over title fragments, at most
/// three (four over a header), as long as the title needs them (until the
/// part holding 关于 or 印发, or an unclosed 《 is closed).
fn title_start(units: &[Line], end: usize, floor: usize, lex: &Lexicon) -> usize {
    let read = Read::new(units, end, floor);
    // 关于… at the very start, or after the last of the issuing organs: the
    // other organs sit on the lines above, one a line (淅川县人民政府 / 关于
    // 印发…的通知; 中共某区委办公室 / 某区人民政府办公室 / 关于…; 中共某市委办公室
    // / 某市人民政府办公室关于印发…), at most three; the line above may end
    // with 关于 itself (…人民政府办公室关于 / 印发…的通知).
    //
    // After an organ on the title's line, the one above is another issuer
    // only if it is one organ, not a list of units (…镇人民政府、…), not the
    // title's own organ again or a part of it (石嘴山市人民政府 / 石嘴山市人民
    // 政府关于…, a signature printed under its date), and right above it
    // (not a web page's name above its furniture).
    let organ_above = |s: usize| {
        let t = read.at(s);
        // (Or the organs and their transmittal word on the line above, the
        // title of what they transmit in 《》 on this one: 中共某市委办公室
        // 某市人民政府办公室印发 / 《关于…的实施方案》的通知.)
        if s > floor
            && t.starts_with('《')
            && units[s - 1].is_title_fragment()
            && units[s - 1].adjoins(&units[s])
            && organs_transmit(read.at(s - 1), lex)
        {
            return s - 1;
        }
        // (Or with the rest of a 关于 a wrap cut: …人民政府办公室关 / 于印发….)
        // (Not when the line holds a 关于 of its own: 中华人民共和国沈阳海关 / 于洪区
        // 人民政府关于…, where 于 opens a place's name.)
        let cut_about = s > floor
            && !Lexicon::contains_any(&lex.about, t)
            && about_cut(read.at(s - 1), t, lex).is_some();
        let opens_line = cut_about
            || lex
                .about
                .iter()
                .chain(&lex.transmittal)
                .any(|w| t.starts_with(w.as_str()));
        // The organ the title opens with so far, once one stands before 关于.
        // (Or the last one or two characters of an organ's name a wrap cut,
        // its head ending the line above: …人民政府办公 / 室关于印发….)
        let mut organ = Lexicon::find_any(&lex.about, t)
            .filter(|&(at, _)| {
                at > 0
                    && (lex.organ_ending(&t[..at]).is_some()
                        || s > floor
                            && crate::text::chars_at_most(&t[..at], 3)
                            && units[s - 1].adjoins(&units[s])
                            && !lex.opens_sentence(read.at(s - 1))
                            && cut_organ(read.at(s - 1), &t[..at], lex))
            })
            .map(|(at, _)| &t[..at])
            // (Or before 印发, the tail of the last issuer's name a wrap cut:
            // 中共某市委办公室　某市人民政府办 / 公室印发《…》的通知.)
            .or_else(|| {
                let (at, _) = Lexicon::find_any(&lex.transmittal, t)?;
                let tail = &t[..at];
                (at > 0
                    && s > floor
                    && crate::text::chars_at_most(tail, 3)
                    && units[s - 1].adjoins(&units[s])
                    && !lex.opens_sentence(read.at(s - 1))
                    && cut_organ(read.at(s - 1), tail, lex))
                .then_some(tail)
            });
        // (A line ending a list the line right above leaves open, the end of
        // a 名单 above the next title that names its organ: …国网白银供电公
        // 司、 / 甘肃银光化学工业集团有限公司 / 某市人民政府关于…. Joint issuers
        // a wrap parts after a separator go on to the title: 中共某市委办公
        // 室、 / 某市人民政府办公室、 / 某市政协办公室关于…, 中共某市委办公室、
        // / 某市人民政府办公室 / 关于….)
        let goes_on_list = |k: usize| {
            let sep = ['、', '，', ','];
            k > 0
                && units[k - 1].line() + 1 == units[k].line()
                && read.at(k - 1).ends_with(sep)
                && !read.at(k).ends_with(sep)
        };
        // (Issuers stacked above 关于 are a few to a line: a list of
        // more, or one going on from the line above, the end of a 名单
        // above the next title (…、市商务局、国网商丘供电公司), is none.)
        // (Nor a roster of units parted by spaces by their short names,
        // four or more to a line, or three under a roster's line or a
        // group's heading: 市发展改革委　市工业和信息化局　市财政局　…; joint
        // issuers stand three at most to a line, 市委组织部　市委宣传部　市人力
        // 资源社会保障局, or print their full names.)
        let spaced_items = |t: &str| {
            t.split(crate::text::is_space)
                .filter(|p| !p.is_empty())
                .count()
        };
        let list_at = |j: usize| {
            let o = read.at(j);
            let items = o.split(crate::text::is_list_sep).count();
            let spaced = spaced_items(o);
            let short = o
                .split(crate::text::is_space)
                .filter(|p| p.starts_with(SHORT_NAME))
                .count();
            items > 4
                || 2 * short >= spaced
                    && (spaced >= 4
                        || spaced == 3
                            && j > 0
                            && (units[j - 1].marker(false).is_some()
                                || spaced_items(read.at(j - 1)) >= 3))
                || items > 1
                    && j > 0
                    && read.at(j - 1).contains(['、', '，', ','])
                    && units[j - 1].line() + 1 == units[j].line()
        };
        // (The last item of a list of three or more the line right above
        // holds, cut by a wrap and completed: …市公安局、市消防 / 救援支队 /
        // 某市人民政府办公室关于…; the item no unit alone, a unit with the
        // line.)
        // (A part of two to four ideographs that is no organ's name, short
        // or full, is a person's.)
        let names_person = |p: &str| {
            (2..=4).contains(&crate::text::char_len(p))
                && p.chars().all(crate::text::is_han)
                && !p.starts_with(SHORT_NAME)
                && lex.organ_ending(p).is_none()
        };
        let completes_list = |k: usize| {
            let above = read.at(k.saturating_sub(1));
            let o = read.at(k);
            let last = above.rsplit(crate::text::is_list_sep).next().unwrap_or("");
            k > 0
                && units[k - 1].line() + 1 == units[k].line()
                && above.split(crate::text::is_list_sep).count() > 2
                && !o.contains(crate::text::is_list_sep)
                && !last.is_empty()
                // (The line names no place, 资源局, 人民政府, 救援支队: a name's
                // tail; or the item is no unit or person alone, …有限 / 公司.
                // Not a roster of people, 副主任：李　强、王　军、赵　刚 or
                // 李强、王军、赵刚, above a joint issuer: 中共某市委办公室 / 某市人民
                // 政府办公室关于….)
                && !last.contains(crate::text::is_space)
                && !o.starts_with("中共")
                && (!o.contains(LEVELS)
                    || !lex.attribution.is_unit(last) && !names_person(last))
                && lex.attribution.is_unit(&[last, o].concat())
        };
        let mut at = s;
        while (opens_line || organ.is_some()) && at > floor && s - at < 3 {
            let k = at - 1;
            let o = read.at(k);
            // (Nor across a web page's furniture: the site's name above its
            // navigation, 某市人民政府 / 当前位置：首页 > … / 某市公安局关于….)
            if units[k + 1].web_above() {
                break;
            }
            // (Not a table's row, numbered, its cells parted by tabs or bars:
            // 2⇥某某工程⇥某市某区水务投资有限公司 / 某市人民政府办公室关于….)
            if o.starts_with(|c: char| c.is_ascii_digit()) && o.contains(['\t', '|', '｜']) {
                break;
            }
            let head = lex
                .about
                .iter()
                .find_map(|w| o.strip_suffix(w.as_str()))
                .or_else(|| {
                    about_cut(o, read.at(k + 1), lex)
                        .filter(|_| k + 1 == s && cut_about)
                        .map(|n| &o[..o.len() - n])
                })
                .unwrap_or(o);
            // (Right above: a blank line between at most.)
            let one = |organ: &str| {
                !o.contains(['、', '，', ','])
                    && !organ.starts_with(head)
                    && units[k].line() + 2 >= units[k + 1].line()
            };
            let passes_on = opens_line && organ.is_none() && passes_on(head, lex);
            // (Or an organ and its transmittal verb alone on the line, the
            // passed-on organ's 关于 title under it: 鄂州市人民政府批转 / 市发展和
            // 改革委员会关于2005年全市 / …意见的通知.)
            // (Passing on, 批转 or 转发: a line ending 印发 is the 版记's.)
            let transmits = k + 1 == s
                && organ.is_some()
                && ["批转", "转发", "批轉", "轉發"]
                    .iter()
                    .find_map(|w| head.strip_suffix(w))
                    .is_some_and(|o| lex.organ_ending(o).is_some_and(|e| e.len() < o.len()));
            // (Or the first line of a nested title, cut before or inside the
            // passed-on organ's name: 某市人民政府办公室关于转发某自治区人 / 民政府
            // 办公厅关于…的通知.)
            let forwards = organ
                .filter(|_| k + 1 == s && units[k].adjoins(&units[k + 1]))
                .and_then(|below| forwards_into(o, below, lex));
            let list = list_at(k) || organ.is_some() && (goes_on_list(k) || completes_list(k));
            // (Nor a unit by its short name above a title whose organ is
            // named in full: 优秀单位: / 市应急管理局 / 某市人民政府关于…; joint
            // issuers print their names alike.)
            // (Under a list's heading or another unit so named: a joint
            // issuer printed short, 市委组织部 / 某市人力资源和社会保障局关于…,
            // is read as before.)
            let short_above_full = o.starts_with(SHORT_NAME)
                && organ
                    .is_some_and(|f| !f.starts_with(SHORT_NAME) && lex.organ_ending(f).is_some())
                && k > floor
                && units[k - 1].line() + 1 == units[k].line()
                && (read.at(k - 1).ends_with(crate::text::is_colon)
                    || read.at(k - 1).starts_with(SHORT_NAME));
            // (Nor a 名单's line pairing people with their units, 郑立新　舟山市
            // 海洋与渔业局　孙伟东　…: a part of two to four ideographs that is
            // no organ's name, short or full, is a person's. Letters spaced
            // one by one, 石 嘴 山 市…, are parts of one.)
            // (Nor a name of two characters padded apart, 王　刚　沙洋县消防救援
            // 大队: two single characters together, no third beside them.)
            let padded_name = || {
                let parts: Vec<&str> = o
                    .split(crate::text::is_space)
                    .filter(|p| !p.is_empty())
                    .collect();
                let single = |k: usize| {
                    parts.get(k).is_some_and(|p| {
                        crate::text::chars_at_most(p, 1) && p.chars().all(crate::text::is_han)
                    })
                };
                // (Not an organ's short name spaced so, 中　共, 县　委, 团　委,
                // 妇　联: the two read as one.)
                (0..parts.len().saturating_sub(1)).any(|k| {
                    single(k) && single(k + 1) && (k == 0 || !single(k - 1)) && !single(k + 2) && {
                        let two = [parts[k], parts[k + 1]].concat();
                        two != "中共"
                            && lex.organ_ending(&two).is_none()
                            && !lex.attribution.is_unit(&two)
                    }
                })
            };
            // (A congress's session issues its 决议: 某州第十四届人民代表大会
            // 第五次会议 / 关于…的决议.)
            let session = lex.meeting.iter().any(|w| head.ends_with(w.as_str()))
                && Lexicon::contains_any(&lex.congress, head);
            // (Or an organ's name a wrap cut before its last one to three
            // characters, which open the line under it: 中共某市委办公室 某市
            // 人民政府办公 / 室关于印发…; …人民政府办公 / 厅 / 关于…; …军分区
            // 政治 / 工作处关于….)
            let below = if k + 1 == s {
                organ.unwrap_or("")
            } else {
                read.at(k + 1)
            };
            let cut_name = !below.is_empty()
                && !lex.opens_sentence(o)
                && crate::text::chars_at_most(below, 3)
                && units[k].adjoins(&units[k + 1])
                && cut_organ(head, below, lex);
            // (The last part is no person's when a wrap cut it inside its
            // organ's name, the place named, the rest opening the title's
            // line: 中共某市委　某市人 / 民政府关于….)
            let cut_last = cut_name && {
                let last = o.split(crate::text::is_space).rfind(|p| !p.is_empty());
                last.is_some_and(|p| p.contains(LEVELS))
            };
            let mut parts = o.split(crate::text::is_space).filter(|p| !p.is_empty());
            if cut_last {
                parts.next_back();
            }
            let names_people =
                parts.any(names_person) || o.contains(crate::text::is_space) && padded_name();
            // (Or this line ends with a place's name whose organ opens the
            // line under it, the wrap after the place: 曲靖市 / 人民政府关于…,
            // 中共某州委员会　某州 / 人民政府 / 关于…; the parts before it organs.)
            let place_cut = || {
                let parts: Vec<&str> = o
                    .split(crate::text::is_space)
                    .filter(|p| !p.is_empty())
                    .collect();
                let Some((place, organs)) = parts.split_last() else {
                    return false;
                };
                // (Or cut inside the place's name, before its 市 or 县, the
                // other organs on the line naming that place: 齐齐哈尔市司法局
                // 齐齐哈尔市财政局 齐齐哈尔 / 市人力资源和社会保障局 / 关于….)
                let named_beside = || {
                    below.chars().next().is_some_and(|c| {
                        crate::place::is_level(c)
                            && organs
                                .iter()
                                .any(|p| p.strip_prefix(place).is_some_and(|r| r.starts_with(c)))
                    })
                };
                // (Or joint organs of one place, the last cut after its
                // place or inside its own name, the other organs naming the
                // place: 宝鸡市公安局 宝鸡市 / 商务局关于…, 宝鸡市公安局 宝鸡市交 /
                // 通运输局 宝鸡市商务局关于…; the name's rest the first part below.)
                let first_below = below
                    .split(crate::text::is_space)
                    .find(|p| !p.is_empty())
                    .unwrap_or("");
                // (Or cut inside the place's name itself, which another organ
                // on the line names whole: 某某经济技术开发区党工委　某某经济技术开
                // / 发区管委会关于….)
                let inside_place = || {
                    crate::text::char_len(place) >= 4
                        && organs
                            .iter()
                            .any(|p| p.len() > place.len() && p.starts_with(place))
                };
                let same_place = || {
                    (place.char_indices().skip(1).any(|(i, c)| {
                        let q = &place[..i + c.len_utf8()];
                        crate::place::is_level(c) && organs.iter().any(|p| p.starts_with(q))
                    }) || inside_place())
                        && lex.organ_ending(first_below).is_some()
                        && lex.organ_ending(&[place, first_below].concat()).is_some()
                };
                let cut = NEEDS_PLACE.iter().any(|w| below.starts_with(w))
                    && !below.contains(LEVELS)
                    && place.ends_with(LEVELS);
                (cut || !place.ends_with(LEVELS) && named_beside() || same_place())
                    && units[k].adjoins(&units[k + 1])
                    && !lex.opens_sentence(o)
                    && crate::text::chars_at_most(place, 10)
                    && place.chars().all(crate::text::is_han)
                    && lex.organ_ending(place).is_none()
                    && organs.iter().all(|p| lex.organ_ending(p).is_some())
                    && lex.organ_ending(&[place, below].concat()).is_some()
            };
            let place_cut = place_cut();
            // (Or joint organs parted by spaces, the last a national organ's
            // branch cut right after its opening word, whose rest heads the
            // title's line: 某市财政局　某市自然资源局　国家 / 税务总局某市税务局
            // 关于…; the parts before it organs' full names.)
            let national_cut = k + 1 == s
                && organ.is_some()
                && units[k].adjoins(&units[k + 1])
                && !lex.opens_sentence(o)
                && {
                    let mut parts = o.split(crate::text::is_space).filter(|p| !p.is_empty());
                    let last = parts.next_back().unwrap_or("");
                    let mut before = parts.peekable();
                    crate::text::chars_at_most(last, 4)
                        && last.chars().all(crate::text::is_han)
                        && lex
                            .organ
                            .national
                            .iter()
                            .any(|w| last.starts_with(w.as_str()))
                        && lex.organ_ending(last).is_none()
                        && before.peek().is_some()
                        && before.all(|p| lex.organ_ending(p).is_some_and(|e| e.len() < p.len()))
                };
            // (Or this line is those last characters, alone above 关于:
            // …人民政府办公 / 室 / 关于…; the line above it is read next. Two
            // such characters are no person's name: …人民政府办 / 公室 / 关于….)
            let name_tail = k > floor
                && crate::text::chars_at_most(o, 2)
                && units[k - 1].adjoins(&units[k])
                && units[k - 1].is_title_fragment()
                && !lex.opens_sentence(read.at(k - 1))
                && cut_organ(read.at(k - 1), o, lex)
                && !(organ.is_some()
                    && (goes_on_list(k)
                        || goes_on_list(k - 1)
                        || completes_list(k)
                        || list_at(k - 1)));
            // (Nor organs two to a line above one alone: a 名单's rows above
            // the next title's organ, 定海区…人民政府　舟山渔港监督局 / 舟山市人民
            // 政府 / 关于….)
            // (Only going on from a row above it, not from a heading: joint
            // issuers print two to a line above a third, 中共某市委　某市人民政府
            // / 某军分区 / 关于…; nor do letters spaced one by one count.)
            let wide_items = |t: &str| {
                t.split(crate::text::is_space)
                    .filter(|p| p.chars().nth(1).is_some())
                    .count()
            };
            let pairs_above_one = k + 1 < s
                && k > floor
                && wide_items(o) >= 2
                && wide_items(read.at(k - 1)) >= 2
                && units[k - 1].marker(false).is_none()
                && units[k - 1].line() + 1 == units[k].line()
                && spaced_items(read.at(k + 1)) == 1
                && !crate::text::chars_at_most(read.at(k + 1), 2);
            // (Nor an organ's ending alone that is no name's tail: …有限 / 公司
            // going on from a list.)
            let bare_ending = !name_tail
                && crate::text::chars_at_most(o, 2)
                && lex.organ_ending(o).is_some_and(|e| e.len() == o.len());
            // (An organ's name alone on the line, read as a signature, whose
            // tail opens the title's line: 中共某市委办公室　某市人民政府办 /
            // 公室印发….)
            let cut_signature = units[k].is_signature() && k + 1 == s && cut_name;
            if !(units[k].is_title_fragment() || cut_signature)
                || list
                || bare_ending
                || names_people && !place_cut && !name_tail && !national_cut
                || pairs_above_one
                || short_above_full
                || lex.organ_ending(head).is_none()
                    && !passes_on
                    && !transmits
                    && forwards.is_none()
                    && !session
                    && !cut_name
                    && !name_tail
                    && !place_cut
                    && !national_cut
                || organ.is_some_and(|first| !one(first))
            {
                break;
            }
            at = k;
            if forwards.is_some() {
                organ = forwards;
                continue;
            }
            if let Some((w, _)) = (passes_on || transmits)
                .then(|| Lexicon::find_any(&lex.transmittal, head))
                .flatten()
            {
                organ = Some(&head[..w]);
                continue;
            }
            // The line ends with 关于 (…人民政府办公室关于 / 印发…): the title
            // opens with its organ now.
            if head.len() < o.len() {
                organ = Some(head);
            }
        }
        // (Or the organ's first characters a wrap left after the number on
        // the line above, the 版头 and number run together: 某市人民政府文件某政
        // 发〔2021〕15号十 / 堰市人民政府关于…; that piece opens the title.)
        if at == s && organ.is_some() && s > floor && head_after_number(units, s) {
            return s - 1;
        }
        // (A roster's tail stacked above the title is none of its issuers.)
        if at > floor && roster_tail(units, at, s, organ, lex) {
            return s;
        }
        // (Nor above the issuers' line over a title opening with 关于: 附件 /
        // …先进集体名单 / 市水利局 / 中共某市委　某市人民政府 / 关于…; the line
        // right above 关于 is kept.)
        if at > floor
            && organ.is_none()
            && at + 1 < s
            && roster_tail(units, at, s - 1, Some(read.at(s - 1)), lex)
        {
            return s - 1;
        }
        at
    };
    let last = read.at(end);
    if opens_title(last, lex) && balanced(last) {
        return organ_above(end);
    }
    let mut s = end;
    let mut joined = last.to_owned();
    // (Five lines at most, a long title cut at a narrow width, when its
    // number or addressees stand under it and its last line closes with 的
    // and the genre word, …重点任务清单的通知, …的实施意见; four otherwise:
    // not a heading's lines above a title, 附件 / 关于调整 / 市安全生产 /
    // 委员会成员 / 名单的说明 / 市城市管理办法.)
    let five = units
        .get(end + 1)
        .is_some_and(|n| n.is_number() || n.is_addressee())
        && lex.genre_suffix(last).is_some_and(|(_, at)| {
            last[..at]
                .rfind('的')
                .is_some_and(|d| crate::text::chars_at_most(&last[d..at], 3))
        });
    while s > floor && (end - s < 3 || end - s == 3 && five) {
        let prev = &units[s - 1];
        // (A Markdown heading above a line that is none stands apart, unless
        // it opens the title the line ends, an organ before its 关于: # 某市人民
        // 政府关于印发…推进锂电 / 新能源产业发展行动方案的通知; not # 关于本网站.)
        let organ_about = |t: &str| {
            Lexicon::find_any(&lex.about, t)
                .is_some_and(|(at, _)| at > 0 && lex.organ_ending(&t[..at]).is_some())
        };
        if !prev.is_title_fragment()
            || units[s].web_above()
            || prev.md_level() > 0
                && units[end].md_level() == 0
                && !(s == end && organ_about(read.at(s - 1)))
        {
            break;
        }
        s -= 1;
        joined.insert_str(0, read.at(s));
        // (Or its 关于 cut by a wrap: …人民政府办公室关 / 于做好…的通知.)
        let cut_about = about_cut(read.at(s), read.at(s + 1), lex).is_some();
        if (cut_about || opens_title(read.at(s), lex)) && balanced(&joined) {
            return organ_above(s);
        }
    }
    // A genre word alone under the organ that issues it (某某市人民政府 /
    // 通告): the title opens at the organ.
    // So does a title an organ heads, its genre word cut by a wrap (某市人民
    // 政府第四十三次常务会议纪 / 要).
    if end > floor && crate::text::chars_at_most(&crate::text::title_line(last), 3) {
        let prev = read.at(end - 1);
        if units[end - 1].is_title_fragment()
            && !units[end].web_above()
            && !prev.contains(['、', '，', ','])
            && (lex.organ_ending(prev).is_some_and(|e| e.len() < prev.len())
                || organ_headed(&[prev, &crate::text::title_line(last)].concat(), lex))
        {
            return end - 1;
        }
    }
    if end > floor && organ_cut_above_genre(read.at(end - 1), last, lex) {
        let (above, this) = (&units[end - 1], &units[end]);
        if above.is_title_fragment()
            && !above.is_title_end()
            && above.adjoins(this)
            && !this.web_above()
        {
            return end - 1;
        }
    }
    cut_organ_title(&read, units, end, floor, lex).unwrap_or(end)
}

/// A title an organ heads (`organ_headed`: a 令, a 公告, a 通告) whose
/// organ's name a wrap cut after its place or its congress, the rest of
/// the name opening the genre word's line `last`: 怒江傈僳族自治州 / 人民政府令,
/// 凉山彝族自治州人民代表大会 / 常务委员会公告. The rest names no place of
/// its own and opens with a word that needs one (人民政府, 常务委员会); the
/// line `above` is a name alone, ending with its place's level or an
/// organ's word, and the two read as one organ's title.
fn organ_cut_above_genre(above: &str, last: &str, lex: &Lexicon) -> bool {
    let last = crate::text::title_line(last);
    let above = crate::text::trim(above);
    let Some((genre, at)) = lex.genre_suffix(&last) else {
        return false;
    };
    let rest = crate::text::trim(&last[..at]);
    let needs_place = NEEDS_PLACE.iter().any(|w| rest.starts_with(w))
        || lex.congress.iter().any(|w| rest.starts_with(w.as_str()));
    needs_place
        && lex.headed.iter().any(|g| g == genre)
        && !rest.contains(LEVELS)
        && lex.organ_ending(rest).is_some()
        && crate::text::chars_at_most(above, 20)
        && above.chars().all(crate::text::is_han)
        && (above.ends_with(LEVELS) || lex.organ_ending(above).is_some())
        && organ_headed(&[above, &last].concat(), lex)
}

/// A title an organ heads (`organ_headed`, 某某指挥部通告) whose organ's
/// name a wrap cut inside its ending, the ending begun on the line above:
/// its last characters alone on a line over the genre word (某市…防控工作
/// 指挥 / 部 / 通　告), or opening the genre word's line (某市…防控工作指 /
/// 挥部通告). The unit the title opens at. The line cut holds no sentence,
/// and is as long as the lines near it but one at most: the width it was
/// cut at (a heading or a sentence's end stops short of it).
fn cut_organ_title(
    read: &Read,
    units: &[Line],
    end: usize,
    floor: usize,
    lex: &Lexicon,
) -> Option<usize> {
    let last = crate::text::title_line(read.at(end));
    let (_, at) = lex.genre_suffix(&last)?;
    let (head, below, genre) = if at == 0 && end >= floor + 2 {
        (end - 2, read.at(end - 1), last.as_ref())
    } else if at > 0 && end > floor {
        (end - 1, &last[..at], &last[at..])
    } else {
        return None;
    };
    let o = read.at(head);
    let whole = [o, below].concat();
    let fills = || {
        let near = head.saturating_sub(8)..(head + 9).min(units.len());
        units[near]
            .iter()
            .filter(|u| u.chars() > units[head].chars())
            .count()
            <= 1
    };
    (units[head..end].iter().all(Line::is_title_fragment)
        && units[head..=end].windows(2).all(|w| w[0].adjoins(&w[1]))
        && crate::text::chars_at_most(below, 3)
        && below.chars().all(crate::text::is_han)
        && o.chars().all(crate::text::is_han)
        && !lex.opens_sentence(o)
        && lex
            .organ_ending(&whole)
            .is_some_and(|e| e.len() > below.len())
        && organ_headed(&[whole.as_str(), genre].concat(), lex)
        && crate::text::char_len(o) >= 15
        && fills())
    .then_some(head)
}

/// Unit `s - 1` is a title's first one to three characters a wrap cut off
/// and left after a number on its line (…15号十 / 堰市人民政府关于…): ideographs
/// alone, on the line right above unit `s`, the unit before them a number
/// on their own line.
fn head_after_number(units: &[Line], s: usize) -> bool {
    let (Some(n), Some(h)) = (s.checked_sub(2).map(|k| &units[k]), units.get(s - 1)) else {
        return false;
    };
    let t = h.text();
    n.is_number()
        && n.line() == h.line()
        && h.is_title_fragment()
        && h.adjoins(&units[s])
        && crate::text::chars_at_most(t, 3)
        && t.chars().all(crate::text::is_han)
}

/// A title's first line of organs and their transmittal word, the title
/// of what they transmit on the next (中共某市委办公室 某市人民政府办公室印发):
/// every part before the word, parted by spaces, an organ's name.
fn organs_transmit(t: &str, lex: &Lexicon) -> bool {
    let t = crate::text::trim(t);
    lex.transmittal
        .iter()
        .find_map(|w| t.strip_suffix(w.as_str()))
        .is_some_and(|head| {
            let mut parts = head.split(crate::text::is_space).filter(|p| !p.is_empty());
            parts.clone().next().is_some()
                && parts.all(|p| lex.organ_ending(p).is_some_and(|e| e.len() < p.len()))
        })
}

/// The first line of a title that passes on another organ's document, cut
/// before its 关于 (某市人民政府办公室转发市发展改革委等部门 / 关于…意见的通知;
/// 某市人民政府批转市统计局 / 关于…的通知): an organ, a transmittal word,
/// and the organ or organs whose document it is (…等部门, …等单位).
fn passes_on(head: &str, lex: &Lexicon) -> bool {
    let Some((at, len)) = Lexicon::find_any(&lex.transmittal, head) else {
        return false;
    };
    let (by, of) = (&head[..at], &head[at + len..]);
    let units = of
        .strip_suffix("部门")
        .or_else(|| of.strip_suffix("单位"))
        .map(|r| r.trim_end_matches(['个', '家']))
        .map(|r| {
            r.trim_end_matches(|c: char| {
                crate::text::is_digit(c) || crate::normalize::numeral::is_cn_numeral_char(c)
            })
        })
        .and_then(|r| r.strip_suffix('等'));
    lex.organ_ending(by).is_some()
        && !of.is_empty()
        && (lex.organ_ending(of).is_some() || units.is_some_and(|r| lex.organ_ending(r).is_some()))
}

/// The first line of a nested title, cut before the passed-on document's
/// organ and its 关于, which open the next line (`below`: that organ): 某市
/// 人民政府办公室关于转发 / 某自治区人民政府办公厅关于…的通知, or cut inside
/// that organ's name, its head ending this line (…关于转发某某自治区人 /
/// 民政府办公厅关于…, …关于转发某某 / 自治区人民政府办公厅关于…). The line is
/// the title's issuers, 关于 and a transmittal verb (words.tsv), then
/// nothing or the head of the organ's name, ideographs only; no stop, no
/// genre word at its end. A nested title holds a second 关于 by nature: the
/// line under it goes on with the title, it opens none. The issuers (empty
/// when the line opens with 关于).
fn forwards_into<'s>(o: &'s str, below: &str, lex: &Lexicon) -> Option<&'s str> {
    let o = crate::text::trim(o);
    if below.is_empty() || o.contains(crate::text::is_sentence_end) || lex.genre_suffix(o).is_some()
    {
        return None;
    }
    let (at, len) = Lexicon::find_any(&lex.about, o)?;
    let by = &o[..at];
    // (The organ below names the issuers again: a title whole under a stray
    // line of its own head, 某市人民政府关于印发 / 某市人民政府关于印发…的通知,
    // is no nested title.)
    if !by.is_empty() && crate::text::trim(by) == below {
        return None;
    }
    let of = lex
        .transmittal
        .iter()
        .find_map(|w| o[at + len..].strip_prefix(w.as_str()))?;
    let issuers = by
        .split(crate::text::is_space)
        .filter(|p| !p.is_empty())
        .all(|p| lex.organ_ending(p).is_some_and(|e| e.len() < p.len()));
    let head_of_organ = of.is_empty()
        || of.chars().all(crate::text::is_han)
            && !of.contains('的')
            && !Lexicon::contains_any(&lex.about, of)
            && lex.organ_ending(&[of, below].concat()).is_some();
    (issuers && head_of_organ).then(|| crate::text::trim(by))
}

/// A number or addressees follow the title, or a number stands right
/// before it (a red-header number).
fn has_header(units: &[Line], start: usize, end: usize, lex: &Lexicon) -> bool {
    let next = units.get(end + 1);
    next.is_some_and(|n| n.is_number() || n.is_addressee())
        || crate::lines::header::number_above(units, start, lex).is_some()
        // (Or its number and date in brackets cut over two lines: （某政发
        // 〔2020〕9号 / 2020年6月18日）.)
        || units.get(end + 1..end + 3).is_some_and(|two| {
            crate::lines::header::cut_date_note(&two[0], &two[1], lex).is_some()
        })
        // (Or its number cut over two lines, 淄政发〔 / 2016〕3号各区县…, the
        // first half maybe cut off the title's line.)
        || units.get(end + 1..end + 3).is_some_and(|two| {
            let on_title_line = two[0].line() == units[end].line();
            crate::lines::header::cut_number(&two[0], &two[1], on_title_line, lex).is_some()
        })
}

/// Addressees follow unit `i`: on one line, or wrapped over two (the
/// first maybe the rest of the number's line, 某政办〔2021〕9号各县、市、区人民政府，
/// 某某经济技术开发 / 区、…管委会，市政府各部门：), or over three (…9号各县、
/// 市、区人民政府， / 某某经济技术开发区、…管委 / 会，市政府各部门：).
fn addressed(units: &[Line], i: usize, lex: &Lexicon) -> bool {
    use crate::lines::header;
    units.get(i + 1).is_some_and(|a| {
        a.is_addressee()
            || !a.is_title_end()
                && (units.get(i + 2).is_some_and(|b| {
                    header::wrapped_addressees(&a.unit(), &b.unit(), false, lex).is_some()
                        || a.line() == units[i].line()
                            && header::number_line_addressees(&a.unit(), &b.unit(), lex).is_some()
                }) || units.get(i + 3).is_some_and(|c| {
                    // (Flags first: most numbers have their addressees near.)
                    !units[i + 2].is_addressee()
                        && (c.is_addressee() || header::ends_in_colon(c.text()))
                        && header::addressees_over_lines(&units[i + 1..], false, lex).is_some()
                }))
    })
}

/// Unit `i` is the addressees' first line, their colon on the next (各辖市、
/// 区人民政府,镇江新区管委会,市各委办局, / 市各直属单位:), or on the one
/// after (各县（市、区）人民政府，…、高 / 新区、…管委会， / 市人民政府有关部门：).
fn addressees_head(units: &[Line], i: usize, lex: &Lexicon) -> bool {
    let u = &units[i];
    let three = || {
        units.get(i..i + 3).is_some_and(|w| {
            // (The middle line goes on with the list: a separator in it, no
            // figure opening it, 市工信局、市发改委 / 2019年第四季度 / 各县…：
            // being a table's cells above the addressees.)
            !w[1].is_addressee()
                && w[1].text().contains(crate::text::is_list_sep)
                && !w[1].text().starts_with(crate::text::is_digit)
                && w[2].is_addressee()
                && w[0].adjoins(&w[1])
                && w[1].adjoins(&w[2])
                && crate::lines::header::addressees_over_lines(w, false, lex).is_some()
        })
    };
    // (Flags first: most lines have no colon's line two below them.)
    let colon_two_below = units.get(i + 2).is_some_and(Line::is_addressee)
        && units.get(i + 1).is_some_and(|n| !n.is_addressee());
    if colon_two_below
        && !u.is_title_end()
        && !u.is_addressee()
        && !u.text().contains(['\t', '|', '｜'])
        && !u.text().starts_with(|c: char| c.is_ascii_digit())
        && u.text().contains(crate::text::is_list_sep)
        && three()
    {
        return true;
    }
    // (Not a table's row: 1	压缩企业开办时间…	区市场监管局、….)
    // (The next line maybe a name's tail, no list alone, the wrap cutting
    // the last name: …、各直属 / 机构：; not a name whole over a group's
    // head, …、星海镇人民政府 / 平罗县：.)
    let tail = |n: &Line| {
        crate::lines::header::ends_in_colon(n.text()) && {
            let last = u
                .text()
                .rsplit(crate::text::is_list_sep)
                .next()
                .unwrap_or("");
            lex.organ_ending(crate::text::trim(last)).is_none()
        }
    };
    // (Not a bracket's tail, closing one it did not open: a paragraph's
    // end, …（市交通 / 运输局会同市财政局负责） / blank / 各县…：.)
    let closes_unopened = || {
        u.text()
            .chars()
            .find(|&c| crate::text::is_open_bracket(c) || crate::text::is_close_bracket(c))
            .is_some_and(crate::text::is_close_bracket)
    };
    units
        .get(i + 1)
        .is_some_and(|n| n.is_addressee() || tail(n))
        && !u.is_title_end()
        && !closes_unopened()
        && !rest_of_row_above(units, i)
        && !u.is_addressee()
        && !u.text().contains(['\t', '|', '｜'])
        && !u.text().starts_with(|c: char| c.is_ascii_digit())
        && crate::lines::header::wrapped_addressees(&u.unit(), &units[i + 1].unit(), false, lex)
            .is_some()
}

/// Unit `i` is the rest of a table's row that a wrap cut on the line right
/// above (`3 | 整治…问题 | 市交通运输局 | 长期坚` / `持`): one to four
/// ideographs alone, no separator, not opening with 各, under a line of
/// cells parted by bars or tabs that no delimiter closes. No addressees
/// open with it: the row's last cell goes on there.
fn rest_of_row_above(units: &[Line], i: usize) -> bool {
    let (Some(above), u) = (i.checked_sub(1).map(|k| &units[k]), &units[i]) else {
        return false;
    };
    let t = u.text();
    let row = above.text();
    above.adjoins(u)
        && crate::text::chars_at_most(t, 4)
        && t.chars().all(crate::text::is_han)
        && !t.starts_with('各')
        && row.contains(['|', '｜', '\t'])
        && !crate::text::trim(row).ends_with(['|', '｜', '\t'])
}

/// `below` goes on with the line of text `above`, which a wrap cut
/// mid-sentence: `above` adjoins it and ends at a comma or an ideograph
/// (…初步设计，按 / 照下列权限…审批：), no stop, no date or signature. A
/// document's addressees never stand there: its start follows the last
/// one's end. (A line read as a title's fragment is text once it holds a
/// sentence's comma: …使用资金，并依.)
fn continues_into(above: &Line, below: &Line, lex: &Lexicon) -> bool {
    use crate::lines::Kind;
    let text = match above.kind() {
        Kind::Text | Kind::Marker => true,
        Kind::TitleFragment => above.text().contains(['，', ',']),
        _ => false,
    };
    text && above.adjoins(below)
        && above
            .text()
            .chars()
            .last()
            .is_some_and(|c| crate::text::is_han(c) || matches!(c, '，' | ',' | '、'))
        // (A line of the addressees themselves, cut over lines, goes on
        // into their last line: 经济技术开发区、某某区管委会， / 市人民政府有关部门：.)
        && !crate::lines::header::lists_organs(above.text(), lex)
}

/// A document without a title starts at unit `i`: addressees, or a number
/// followed by addressees (first in the file: by anything but a title, which
/// makes the number a red-header number above that title).
fn opens_untitled(units: &[Line], i: usize, first: bool, lex: &Lexicon) -> bool {
    let u = &units[i];
    // (A list of organs: a sentence closed by a colon, 照下列权限报投资主管
    // 部门审批：, opens nothing.)
    if u.is_addressee() {
        return crate::lines::header::lists_organs(u.text(), lex);
    }
    if !u.is_number() {
        return addressees_head(units, i, lex);
    }
    let next_is_addressee = addressed(units, i, lex);
    // (A title under it, its last line maybe a genre word a wrap left
    // alone: 怀政办发〔2023〕6号 / …关于印发《… / …》的 / 通知.)
    next_is_addressee
        || first
            && !(i + 1..units.len())
                .take(3)
                .any(|k| units[k].is_title_end() || ends_wrapped_title(units, k, lex))
}

/// A title's last line cut short by a fixed-width wrap (…处理工作 / 的通知,
/// …暂行办法 / 的通知): too short to end a title alone (`title::ends_title`
/// asks four characters), it ends one when a title fragment stands right
/// above it (a blank line between or not) and the two end with a genre word
/// together; so does a genre word alone under its organ (某某市…领导小组 /
/// 通告).
fn ends_wrapped_title(units: &[Line], i: usize, lex: &Lexicon) -> bool {
    let u = &units[i];
    // (目录 alone, however padded, heads the contents of the regulation
    // whose title stands above it: 某市城市供热管理办法 / 目　　录.)
    if u.is_title_end()
        || !u.is_title_fragment()
        || i == 0
        || !crate::text::chars_at_most(&crate::text::title_line(u.text()), 3)
        || crate::lines::body::is_toc_heading(u.text(), lex)
    {
        return false;
    }
    let prev = &units[i - 1];
    // (Right above, or a blank line between: an export that puts one after
    // every line. Not cut off the same line: a code's head run into the
    // title, …的批复七政函 / 〔2020〕21号, is no title's wrapped end.)
    prev.is_title_fragment()
        && prev.line() != u.line()
        && (prev.line() + 2 >= u.line() || prev.adjoins(u))
        && lex
            .genre_suffix(&[prev.text(), &crate::text::title_line(u.text())].concat())
            .is_some()
}

/// A document with this title carries another after its signature: it
/// transmits one (印发…的通知), or it is an order or announcement that
/// promulgates one (…令, …公告). An announcement or order about a matter
/// (…关于…的公告, …关于给予…的命令) promulgates nothing: the next 关于 title
/// after its date is a document of its own.
fn carries(title: &str, lex: &Lexicon) -> bool {
    is_transmittal(title, lex)
        || lex.promulgates(title) && !Lexicon::contains_any(&lex.about, title)
}

/// A title after a transmittal's enclosure that the transmittal does not
/// name, and that reads as a title, not a sentence wrapped at a fixed width
/// (为深入贯彻落实…精神，…，制定本方案; 为深入贯彻落实《…关于印发…实施方案):
/// no comma in it, its 《》 closed, no lead-in opening it.
fn unnamed(open_title: &str, lines: &[Line], lex: &Lexicon, headed: bool) -> bool {
    let title = joined(lines);
    // Its issuer before 关于, or (`headed`) addressees under it: a heading
    // inside the plan (关于资金补助标准), a title it cites, its own
    // attachment's opens with 关于 and has neither.
    let issued = Lexicon::find_any(&lex.about, &title)
        .is_some_and(|(at, _)| at > 0 && lex.organ_ending(&title[..at]).is_some())
        || organ_led(open_title, &title, lex).is_some();
    // The open title names it (关于印发《某某方案》的通知 names 某某方案).
    (issued || headed)
        && !open_title.contains(title.as_str())
        && !title.contains(['，', ','])
        && balanced(&title)
        && !lex.lead_in.iter().any(|w| title.starts_with(w.as_str()))
}

/// `t` leaves a 《 open (…为贯彻落实《海南省人民政府办公).
fn opens_quote(t: &str) -> bool {
    t.rfind('《').is_some_and(|o| !t[o..].contains('》'))
}

/// `open_title` holds `title`'s words before its genre word, four
/// characters or more (…关于表彰2017年度…先进个人的决定 holds 2017年度…先进个人
/// of 2017年度…先进个人名单).
fn names_subject(open_title: &str, title: &str, lex: &Lexicon) -> bool {
    let Some((_, at)) = lex.genre_suffix(title) else {
        return false;
    };
    let subject = title[..at].trim_end_matches('的');
    subject.chars().count() >= 4 && open_title.contains(subject)
}

/// A title an organ heads without 关于, of a genre that stands as a
/// document of its own (某某市人民政府通告, 十五届某某市人民政府第78次常务会议
/// 纪要): the organ's name, or its meeting, right before the genre word.
fn organ_headed(title: &str, lex: &Lexicon) -> bool {
    if Lexicon::contains_any(&lex.about, title) {
        return false;
    }
    let Some((genre, at)) = lex.genre_suffix(title) else {
        return false;
    };
    let head = crate::text::trim(&title[..at]);
    lex.headed.iter().any(|g| g == genre)
        && (lex.organ_ending(head).is_some_and(|e| e.len() < head.len())
            || lex.meeting.iter().any(|w| head.ends_with(w.as_str())))
}

/// The title at units `s..=i` is one an organ heads (`organ_headed`) and
/// opens a document of its own: no attachment header above it (附件 /
/// …领导小组通告), no title above or under it (a list of titles), and
/// neither the open document's title nor its 附件： line names it (转发省人民
/// 政府通告和省公安厅通告的通知 names 湖北省公安厅通告). `start`: the open
/// document's first unit.
fn opens_headed(
    units: &[Line],
    start: usize,
    s: usize,
    i: usize,
    open_title: &str,
    lex: &Lexicon,
) -> bool {
    let title = joined(&units[s..=i]);
    if !organ_headed(&title, lex) {
        return false;
    }
    let attachment = |u: &Line| {
        Lexicon::contains_any(
            &lex.attachment,
            crate::lines::title::first_chars(u.text(), 3),
        )
    };
    // The title without the place it opens with (湖北省公安厅通告 → 省公安厅通告).
    let unplaced = title
        .char_indices()
        .take(8)
        .find(|&(_, c)| crate::place::is_level(c))
        .map_or(title.as_str(), |(at, _)| &title[at..]);
    let names = |t: &str| t.contains(title.as_str()) || t.contains(unplaced);
    !(s > 0 && (attachment(&units[s - 1]) || units[s - 1].is_title_end()))
        && !units.get(i + 1).is_some_and(Line::is_title_end)
        && !names(open_title)
        && !units[start.min(s)..s]
            .iter()
            .any(|u| attachment(u) && names(u.text()))
}

/// The organ a title opens with before its first 关于 or transmittal verb
/// (某某市人民政府 in 某某市人民政府批转市发展改革委关于…的通知).
fn issuer_of<'s>(title: &'s str, lex: &Lexicon) -> Option<&'s str> {
    let about = Lexicon::find_any(&lex.about, title).map(|(at, _)| at);
    let verb = Lexicon::find_any(&lex.transmittal, title).map(|(at, _)| at);
    about
        .into_iter()
        .chain(verb)
        .min()
        .map(|at| &title[..at])
        .filter(|o| lex.organ_ending(o).is_some_and(|e| e.len() < o.len()))
}

/// `title`, without 关于, opens with the organ that issued the open
/// document (某某市人民政府批转…的通知 / 某某市人民政府第26次常务会议纪要):
/// its words after the organ's name. A roster is none.
fn organ_led<'s>(open_title: &str, title: &'s str, lex: &Lexicon) -> Option<&'s str> {
    if Lexicon::contains_any(&lex.about, title) {
        return None;
    }
    // (A roster, …领导小组成员名单, is a plan's attachment.)
    if title.ends_with("名单") || title.ends_with("名單") {
        return None;
    }
    let organ = issuer_of(open_title, lex)?;
    title.strip_prefix(organ).filter(|rest| !rest.is_empty())
}

/// `open_title` holds the subject of `title`: its words after 关于 (with
/// its genre word or without), as a transmittal's title holds its
/// enclosure's (关于印发《关于加快…的意见》的通知 / 某某市人民政府关于加快…
/// 的意见); or, opening with the open document's organ, its words after it.
fn holds_subject(open_title: &str, title: &str, lex: &Lexicon) -> bool {
    let subject = match Lexicon::find_any(&lex.about, title) {
        Some((at, len)) => &title[at + len..],
        None => match organ_led(open_title, title, lex) {
            Some(rest) => rest,
            None => return true,
        },
    };
    let bare = lex
        .genre_suffix(subject)
        .map_or(subject, |(_, g)| subject[..g].trim_end_matches('的'));
    crate::text::chars_at_most(bare, 3) || open_title.contains(subject) || open_title.contains(bare)
}

/// What a transmittal names as the document it forwards (…转发《市委组织部
/// 　市财政局关于…的意见》的通知 / … / 2020年6月2日 / 市委组织部　市财政局关于…
/// 的意见 / 某组字〔2020〕21号): the words after its title's verb, and the
/// titles and numbers its forwarding sentences cite (现将《…》转发给你们).
/// Read once a notice, from its text up to the first title after its date.
struct Forwarded {
    /// The notice's title after its verb (印发, 转发).
    named: String,
    /// The titles the title's words and the forwarding sentences quote.
    quoted: Vec<String>,
    /// The numbers the title and the forwarding sentences cite.
    cited: Vec<docnum::DocNumber>,
}

impl Forwarded {
    /// What the notice titled `open_title`, its text the units `text`,
    /// forwards; `None` when its title holds no verb that forwards.
    fn of(
        units: &[Line],
        text: std::ops::Range<usize>,
        open_title: &str,
        lex: &Lexicon,
    ) -> Option<Self> {
        let (at, len) = Lexicon::find_any(&lex.transmittal, open_title)?;
        let named = &open_title[at + len..];
        // (The sentences that forward hold the verb, each on its own: a
        // document the next sentence repeals is none, nor the 版记's …印发;
        // a sentence a wrap cut is read whole.)
        let text = unwrapped(&units[text]);
        let sentences: Vec<&str> = text
            .split_inclusive(['。', '；', ';', '\n'])
            .filter(|t| Lexicon::contains_any(&lex.transmittal, t))
            .collect();
        let quoted = std::iter::once(named)
            .chain(sentences.iter().copied())
            .flat_map(crate::text::quoted_titles)
            .map(str::to_owned)
            .collect();
        let cited = std::iter::once(open_title)
            .chain(sentences)
            .flat_map(docnum::find_all)
            .map(|f| f.number)
            .collect();
        Some(Forwarded {
            named: named.to_owned(),
            quoted,
            cited,
        })
    }

    /// What an answer (批复) at units `text` names as the request it
    /// answers: the titles its text quotes and the numbers it cites (你委
    /// 《关于…的请示》（某请〔2021〕3号）收悉).
    fn answered(units: &[Line], text: std::ops::Range<usize>) -> Self {
        let text = unwrapped(&units[text]);
        Forwarded {
            named: String::new(),
            quoted: crate::text::quoted_titles(&text)
                .map(str::to_owned)
                .collect(),
            cited: docnum::find_all(&text)
                .into_iter()
                .map(|f| f.number)
                .collect(),
        }
    }

    /// The title at units `s..=i`, after the transmittal's date, is the
    /// document it forwards, printed whole: it equals, spaces aside, a title
    /// the notice's title quotes after its verb, or names after it unquoted
    /// (关于转发省人民政府关于…的通知, its own 的通知 maybe dropped: 转发省教育厅
    /// 关于…的意见的通知), or one its forwarding sentence quotes; or the number
    /// under it is one that title or sentence cites. Any other title there
    /// opens a document of its own.
    fn names(&self, units: &[Line], s: usize, i: usize, lex: &Lexicon) -> bool {
        let title = joined(&units[s..=i]);
        let named = self.named.as_str();
        let quoted = || self.quoted.iter().any(|q| names_placed(q, &title));
        let unquoted = || {
            !named.is_empty()
                && !named.contains('《')
                && (names_placed(named, &title)
                    || lex.genre_suffix(named).is_some_and(|(_, g)| {
                        names_placed(named[..g].trim_end_matches('的'), &title)
                    }))
        };
        let cited = || {
            units
                .get(i + 1)
                .filter(|n| n.is_number())
                .and_then(|n| docnum::whole(n.text()))
                .is_some_and(|n| self.cites(&n, lex))
        };
        quoted() || unquoted() || cited()
    }

    /// The number `n` is one the notice cites.
    fn cites(&self, n: &docnum::DocNumber, lex: &Lexicon) -> bool {
        self.cited.iter().any(|c| crate::cite::same(c, n, lex))
    }
}

/// The attachment's header alone (附件, 附：) over the title opening at unit
/// `s`, right above it or above the red header the attached document was
/// printed with: its masthead (…人民政府文件, a joint one's organs), its
/// number (a 签发人 beside it or under it, front matter between) and the
/// secrecy and urgency marks over them. `Some` with the header's unit and
/// the number between, if any.
fn attached_request(
    units: &[Line],
    s: usize,
    lex: &Lexicon,
) -> Option<(usize, Option<docnum::DocNumber>)> {
    use crate::lines::{body, header};
    let bare = |h: usize| body::bare_attachment_header(units[h].text(), lex);
    if bare(s.checked_sub(1)?) {
        return Some((s - 1, None));
    }
    let k = header::number_above(units, s, lex)?;
    let number = units[k]
        .number()
        .cloned()
        .or_else(|| header::head_number(units[k].text(), lex))?;
    // (A masthead and marks over the number: a few lines, the walk bounded.)
    const HEAD_LINES: usize = 8;
    let mut h = k;
    while h > 0
        && k - h < HEAD_LINES
        && units[h - 1].adjoins(&units[h])
        && (header::is_masthead(units, h - 1, lex)
            || header::is_marks_line(units[h - 1].text(), lex))
    {
        h -= 1;
    }
    let h = h.checked_sub(1)?;
    bare(h).then_some((h, Some(number)))
}

/// Right above the title opening at unit `s` stands an attachment's header
/// with no title on its line (附件2, 附件, 附　件　2).
fn attachment_over(units: &[Line], s: usize, lex: &Lexicon) -> bool {
    use crate::lines::body;
    let Some(h) = s.checked_sub(1) else {
        return false;
    };
    let t = units[h].text();
    units[h].adjoins(&units[s])
        && lex.attachment_firsts.may_open(t)
        && body::attachment_header(t, lex).is_some_and(|(_, title)| title.is_empty())
}

/// Unit `i`, a number or addressees, stands right under an attachment's
/// header holding a title on its line (附件：某局关于…的请示, 附：…), after the
/// text of the answer opening at unit `text`: the request the answer prints
/// whole under it, when the answer's text quotes that title or cites that
/// number (你局《关于…的请示》（某教〔2021〕6号）收悉).
fn request_under_titled_header(units: &[Line], text: usize, i: usize, lex: &Lexicon) -> bool {
    use crate::lines::body;
    let Some(h) = i.checked_sub(1).filter(|&h| h > text) else {
        return false;
    };
    let t = units[h].text();
    if !units[h].adjoins(&units[i])
        || !lex.attachment_firsts.may_open(t)
        || !body::attachment_apart(t, lex)
        || body::lists_attachments(t, lex)
    {
        return false;
    }
    let Some((_, title)) = body::attachment_header(t, lex).filter(|(_, t)| !t.is_empty()) else {
        return false;
    };
    let f = Forwarded::answered(units, text..h);
    f.quoted.iter().any(|q| names_placed(q, title))
        || units[i].number().is_some_and(|n| f.cites(n, lex))
}

/// The text of the units `units`, the 版记 left out, one line a unit but
/// for a sentence a wrap cut, read with its line breaks removed: a line of
/// text ending with no stop goes on into the line of text right under it
/// (市人社局、市财政局《关于做好…就业创业工作 / 的意见》已经市人民政府同意，现
/// 转发给你们，…。). A number, the addressees, a signature or a date stand on
/// lines of their own, and a marker opens a sentence.
fn unwrapped(units: &[Line]) -> String {
    use crate::lines::Kind;
    let prose = |u: &Line| {
        matches!(
            u.kind(),
            Kind::Text | Kind::Marker | Kind::TitleFragment | Kind::TitleEnd
        )
    };
    let mut out = String::new();
    let mut units = units.iter().filter(|u| !u.is_colophon()).peekable();
    while let Some(u) = units.next() {
        out.push_str(crate::text::trim(u.text()));
        let goes_on = units.peek().is_some_and(|n| {
            prose(u)
                && prose(n)
                && n.kind() != Kind::Marker
                && u.adjoins(n)
                && !crate::text::trim(u.text()).ends_with(['。', '；', ';', '：', ':'])
        });
        if !goes_on {
            out.push('\n');
        }
    }
    out
}

/// `name` names the title `title` (`text::names_title`), or names it
/// without the place its organ opens with, as a notice at the level below
/// writes it (省教育厅关于… for 河南省教育厅关于…): the head left is two to four
/// ideographs, the name opening with the level they place (省, 市, 县 …).
fn names_placed(name: &str, title: &str) -> bool {
    if crate::text::names_title(name, title) {
        return true;
    }
    let (name, title) = (crate::text::squash(name), crate::text::squash(title));
    name.starts_with(crate::place::LEVELS)
        && title.strip_suffix(name.as_str()).is_some_and(|head| {
            (2..=4).contains(&head.chars().count()) && head.chars().all(crate::text::is_han)
        })
}

/// Where the header under a forwarded document's title ends, from unit `k`
/// under it: its number, and the addressees under that (on up to three
/// lines), or the addressees alone.
fn forwarded_header_end(units: &[Line], k: usize, lex: &Lexicon) -> usize {
    match units.get(k) {
        Some(n) if n.is_number() => {
            if !addressed(units, k, lex) {
                return k + 1;
            }
            (k + 1..units.len().min(k + 4))
                .find(|&j| {
                    units[j].is_addressee() || crate::lines::header::ends_in_colon(units[j].text())
                })
                .map_or(k + 1, |j| j + 1)
        }
        Some(a) if a.is_addressee() => k + 1,
        _ => k,
    }
}

/// The title at units `s..=i` is a whole line right under a sentence that
/// ended (…追究相关人员责任。 / 某市人民政府关于命名…的决定 / 为深入推进…): in
/// a yearbook's run of documents printed without number, addressees or
/// date, the next document. An organ issues it before its 关于, it holds no
/// sentence punctuation, and the open document does not name it (a
/// transmittal's enclosure, printed under it, is named by its title).
fn opens_after_sentence(
    units: &[Line],
    s: usize,
    i: usize,
    open_title: &str,
    lex: &Lexicon,
) -> bool {
    if s != i || s == 0 {
        return false;
    }
    let (above, u) = (&units[s - 1], &units[s]);
    let whole = above.line() < u.line() && units.get(i + 1).is_none_or(|n| n.line() > u.line());
    let title = u.text();
    whole
        && above.text().ends_with('。')
        && !above.is_title_end()
        && issuer_of(title, lex).is_some()
        && Lexicon::contains_any(&lex.about, title)
        && unnamed(open_title, &units[s..=i], lex, false)
        && !(is_transmittal(open_title, lex) && holds_subject(open_title, title, lex))
}

/// A document without a title opening at the addressees at `i`, after an
/// enclosure's text, signs off with its date before the next title (a
/// form's addressees inside the enclosure do not), the date maybe cut by a
/// wrap (…某县人民政府办公室 2022年4月1 / 1日).
fn signs_ahead(units: &[Line], i: usize, lex: &Lexicon) -> bool {
    (i + 1..units.len())
        .take(400)
        .take_while(|&k| !units[k].is_title_end())
        .any(|k| signs_off(units, k, lex))
}

/// Unit `k` dates the document: a date alone, an organ and the date
/// (某某省人民政府　二〇一七年六月九日), the two cut apart by a wrap, or a
/// date in brackets.
fn signs_off(units: &[Line], k: usize, lex: &Lexicon) -> bool {
    let u = &units[k];
    u.is_date()
        || signs_dated(units, k, lex)
        || signs_cut_date(units, k, lex)
        || crate::lines::header::bracket_date(u.text(), lex)
}

/// An organ and the date on one line (恩施土家族苗族自治州人民政府　2016年9月20日),
/// or run into the last sentence (…纳入考核。某某省人民政府　二〇一七年六月九日).
/// Not a table row's rest a wrap cut after a tab (5⇥组织…验收⇥各县人民政府⇥ /
/// 市住房和城乡建设局⇥2021年12月31日): the organ and date parted by a tab
/// right under a line of cells.
fn signs_dated(units: &[Line], i: usize, lex: &Lexicon) -> bool {
    let u = &units[i];
    // (The row above short of the table's cells, as the rows over it show:
    // a whole row's organ and date, 某市人民政府办公室⇥2021年3月15日 under a
    // table's last full row, are a signature.)
    let tabs = |k: usize| units[k].text().matches('\t').count();
    let row_rest = || {
        u.text().contains('\t')
            && i.checked_sub(1).is_some_and(|k| {
                let full = (k.saturating_sub(6)..k)
                    .filter(|&j| units[j].text().contains('\t'))
                    .map(tabs)
                    .max()
                    .unwrap_or(0);
                units[k].line() + 1 == u.line() && tabs(k) >= 2 && tabs(k) < full
            })
    };
    dated_signature(u.text(), lex) && !row_rest()
}

fn dated_signature(t: &str, lex: &Lexicon) -> bool {
    t.ends_with('日')
        && (crate::lines::body::organ_and_date(t, lex).is_some()
            || crate::lines::body::signature_after_stop(t, lex).is_some_and(|s| s.date.is_some()))
}

/// Unit `i` is the rest of a signature's date a wrap cut (…盼复。咸宁市人民政府202
/// / 1年3月9日): a few date characters alone, the line above ending the
/// signature with the date's head.
fn signs_cut_date(units: &[Line], i: usize, lex: &Lexicon) -> bool {
    // (A unit's text is trimmed.)
    let t = units[i].text();
    i > 0
        && crate::normalize::date::is_date_rest(t)
        && units[i - 1].line() + 1 == units[i].line()
        && dated_signature(&[units[i - 1].text(), t].concat(), lex)
}

/// Finds the documents in `units` (the body of one file).
/// A passage note naming an order (（2021年9月6日某市人民政府令第14号公布…）)
/// whose serial is not the one on the open order's number line, within the
/// three lines under its title at `header` (某市人民政府令 / 第12号): the
/// regulation under it was published by an order of its own, not the open one.
/// (The order that published it, its number followed by 公布 or 发布; not
/// one the note names otherwise, an order it was revised by or made under,
/// and none when any order it names is the open one's.)
///
/// Once the open order has printed what it carries (`enclosed`: its
/// decision amending the regulation), the regulation reprinted as amended
/// under a note naming the open order as the amending one (…令第3号公布　根据
/// …令第2号修正) is a document of its own too: only the publishing order
/// must differ from the open one.
fn another_order(units: &[Line], header: usize, note: &str, enclosed: bool) -> bool {
    let Some(own) = units
        .iter()
        .skip(header)
        .take(3)
        .find(|l| l.is_number())
        .and_then(|l| docnum::whole(l.text()))
        .and_then(|own| own.serial)
    else {
        return false;
    };
    let found = docnum::find_all(note);
    let mut published = false;
    for f in &found {
        let by = docnum::published_by(note, f);
        if f.number.serial == Some(own) && (by || !enclosed) {
            return false;
        }
        published |= by && f.number.serial.is_some();
    }
    published
}

/// The regulation titled `title` is one the decision titled `decision`
/// amends, named right after its amending verb (关于修改〈某市烟花爆竹燃放管理
/// 条例〉的决定, 《…》 likewise): printed after that decision under its own
/// passage note, it is the regulation reprinted as amended.
fn amends(decision: &str, title: &str, lex: &Lexicon) -> bool {
    let title = crate::text::trim(title);
    !title.is_empty()
        && lex.amend.iter().any(|w| {
            decision.match_indices(w.as_str()).any(|(at, _)| {
                decision[at + w.len()..]
                    .strip_prefix(['〈', '《'])
                    .and_then(|r| r.strip_prefix(title))
                    .is_some_and(|r| r.starts_with(['〉', '》']))
            })
        })
}

/// A passage note that opens unit `k` and a wrap cuts over two to
/// [`NOTE_LINES`](crate::lines::title::NOTE_LINES) lines (（2013年5月10日某市人民政府令第3 / 号公布）), joined,
/// and the unit after its last line; none for a line that is no note's head.
fn wrapped_note(units: &[Line], k: usize, lex: &Lexicon) -> Option<(String, usize)> {
    let head = units.get(k)?;
    let t = head.text();
    if !t.starts_with(crate::text::is_open_paren) || t.contains(crate::text::is_close_paren) {
        return None;
    }
    let mut note = t.to_owned();
    for j in k + 1..units.len().min(k + crate::lines::title::NOTE_LINES) {
        if !units[j - 1].adjoins(&units[j]) {
            return None;
        }
        note.push_str(units[j].text());
        if units[j].text().contains(crate::text::is_close_paren) {
            return crate::lines::title::is_passage_note(&note, lex).then_some((note, j + 1));
        }
    }
    None
}

/// The unit under the title ending at unit `i` is its date in brackets
/// (（2019年10月12日）).
fn date_under(units: &[Line], i: usize, lex: &Lexicon) -> bool {
    units.get(i + 1).is_some_and(|n| {
        crate::lines::body::is_bracketed_note(n.text())
            && crate::lines::header::date_note(n.text(), lex).is_some()
    })
}

pub fn documents(units: &[Line], lex: &Lexicon) -> Vec<DocStart> {
    let mut out: Vec<DocStart> = Vec::new();
    // The last start had no number or addressees (a first title alone).
    let mut weak = false;
    // The open document has signed off with its date and encloses nothing:
    // a 关于… title after it starts the next one even without a number.
    let mut closed = false;
    // The open document has a date, transmittal or not.
    let mut dated = false;
    // The open document prints its date in brackets under its title, as a
    // yearbook does a notice it prints without its signature.
    let mut dated_under_title = false;
    let mut transmittal = false;
    // The open transmittal's enclosure has begun: a title after its date
    // was read as the enclosure's. A 关于… title the notice does not name,
    // or addressees after the enclosure's text, open the next document.
    let mut enclosed = false;
    // The open document's title.
    let mut open_title = String::new();
    // The title of what the open order or announcement carries, the first
    // title after its date (a decision amending a regulation).
    let mut carried: Option<String> = None;
    // Where the last item of a list of documents the open one names ended
    // (a title and its number under 决定废止以下规范性文件：): the next item may
    // stand right there.
    let mut list_end = 0;
    // Where the passage note a wrap cut under the last title ends, or the
    // header under a forwarded document's title: its lines (…令第2号公 / 布
    // 根据…人民政府令 / 第14号…修正）) open nothing.
    let mut note_end = 0;
    // What the open transmittal forwards, once read ([`Forwarded`]).
    let mut forwarded: Option<Option<Forwarded>> = None;
    // The title of the open transmittal's enclosure, and whether a date has
    // followed it: an enclosure that forwards a document in turn (…办公室转发
    // 某省人民政府办公厅关于…的通知) may print that one whole after its date.
    let mut enclosure: Option<(std::ops::Range<usize>, bool)> = None;
    // What that enclosure forwards in turn, once read, by the unit its
    // title starts at.
    let mut nested_forwarded: Option<(usize, Option<Forwarded>)> = None;
    for (i, u) in units.iter().enumerate() {
        if i < note_end {
            continue;
        }
        // The date alone on its line, or after the organ signing
        // (恩施土家族苗族自治州人民政府　2016年9月20日).
        if !out.is_empty()
            && (u.is_date() || signs_dated(units, i, lex) || signs_cut_date(units, i, lex))
        {
            closed |= !transmittal;
            dated = true;
            if let Some((_, enclosure_dated)) = enclosure.as_mut().filter(|_| enclosed) {
                *enclosure_dated = true;
            }
        }
        // The 版记 (抄送：…, …印发) closes the open document as its date
        // does, signed or not; a transmittal's once its enclosure has
        // begun (a reprint may print the 版记 between the notice and it).
        if !out.is_empty() && u.is_colophon() && !crate::lines::body::dated_first(u.text()) {
            closed |= !transmittal || enclosed;
        }
        // A line ending as a title does whose next goes on after a separator
        // (…工作制度、机构编制、会议纪要 / 、工作方案、…): a sentence a wrap cut.
        if u.is_title_end()
            && units
                .get(i + 1)
                .is_some_and(|n| u.adjoins(n) && n.text().starts_with(['、', '，', ',']))
        {
            continue;
        }
        let wrapped_end = ends_wrapped_title(units, i, lex);
        // A title whose first line ended with a genre word too (…关于印发
        // 2016年州政府工作报告 / 重点工作责任分解方案的通知): this line, opening
        // no title of its own, goes on with it.
        let goes_on =
            i > 0 && u.is_title_end() && units[i - 1].adjoins(u) && !opens_title(u.text(), lex);
        // The title just found goes on to this line's short end: the start
        // takes it (and the header under it).
        if wrapped_end || goes_on {
            // (Going on, the title so far opens as one, its 《》 closed, or
            // closed by this line: …三年行动计划 / (2016—2018年)》的通知.)
            let opened = |d: &DocStart| {
                let t = joined(&units[d.title.clone()]);
                opens_title(&t, lex) && (balanced(&t) || balanced(&[t.as_str(), u.text()].concat()))
            };
            if let Some(last) = out
                .last_mut()
                .filter(|d| d.title.end == i && !d.title.is_empty() && (wrapped_end || opened(d)))
            {
                last.title.end = i + 1;
                // (Its 《》 closed now, the title may open on an issuer's
                // line above it: 上饶市人民代表大会常务委员会 / 关于批准《…（2016
                // —2030年） / 》的决议.)
                let floor = out.len().checked_sub(2).map_or(0, |p| out[p].title.end);
                let start = title_start(units, i, floor, lex);
                let last = out.last_mut().expect("the title just extended");
                last.title.start = last.title.start.min(start);
                weak = weak && !has_header(units, last.title.start, i, lex);
                open_title = joined(&units[last.title.clone()]);
                transmittal = carries(&open_title, lex);
                dated_under_title = date_under(units, i, lex);
                forwarded = None;
                continue;
            }
        }
        if !u.is_title_end() && !wrapped_end {
            // After an answer's date, the request it answers printed under
            // its title on the attachment's header (附件：某局关于…的请示 /
            // 某教〔2021〕6号 / 市人民政府：): its number and addressees open
            // nothing, the request is the answer's enclosure, as under a
            // header alone.
            if dated
                && !enclosed
                && (u.is_number() || u.is_addressee())
                && lex
                    .genre_suffix(&open_title)
                    .is_some_and(|(g, _)| lex.answer.iter().any(|w| w == g))
                && out
                    .last()
                    .is_some_and(|d| request_under_titled_header(units, d.title.end, i, lex))
            {
                (closed, enclosed) = (false, true);
                note_end = forwarded_header_end(units, i, lex);
                continue;
            }
            // A document whose title was cut off begins at its number or its
            // addressees: first in the file, or after a signed document.
            // After a transmittal's date only a number with the addressees
            // under it: the enclosure it carries opens with neither.
            let numbered = u.is_number() && addressed(units, i, lex);
            let after_text = enclosed
                && (u.is_addressee() || addressees_head(units, i, lex))
                && !units[i - 1].is_title_end()
                && signs_ahead(units, i, lex);
            // A number with addressees under it right after a paragraph
            // that ended (…到2021年底完成任务。 / 某府办〔2021〕12号 / 各县…：)
            // opens a document though the one before printed no signature:
            // under a title, a note or a signature it would be that one's.
            let after_paragraph = numbered
                && i > 0
                && units[i - 1].text().ends_with('。')
                && !units[i - 1].is_title_end()
                && !units[i - 1].is_title_fragment();
            // Or after an organ's name alone that closed a document printed
            // without its date (…予以表彰。 / 某市人民政府 / 某政办发〔2021〕15号 /
            // 各区县…：).
            // (Only after some text: a title with none yet keeps the number
            // under it past the page's metadata a wrap left in pieces, …发布
            // 机构：某市 / 人民政府办公室 / 某政办秘〔2022〕31号.)
            let bodied = || {
                out.last()
                    .is_some_and(|d| (d.title.end..i).any(|k| units[k].text().ends_with('。')))
            };
            let after_signature = numbered
                && bodied()
                && !is_transmittal(&open_title, lex)
                && i >= 2
                && units[i - 1].is_signature()
                && !units[i - 2].is_title_end()
                && !units[i - 2].is_title_fragment()
                && !units[i - 2].is_number();
            if (out.is_empty()
                || closed
                || dated
                    && numbered
                    && (enclosed
                        || !is_transmittal(&open_title, lex)
                        || units[i + 1].is_addressee()
                        // (Or wrapped, their colon's line under the next:
                        // …60号 / 各县（市、区）人民政 / 府，市人民政府各部门：,
                        // or the one after.)
                        || units.get(i + 2).is_some_and(Line::is_addressee)
                        || units.get(i + 3).is_some_and(Line::is_addressee))
                || after_text
                || after_paragraph
                || after_signature)
                // (Not the rest of a sentence a wrap cut: …初步设计，按 / 照下列
                // 权限报投资主管部门审批：.)
                && opens_untitled(units, i, out.is_empty(), lex)
                && !(i > 0 && continues_into(&units[i - 1], u, lex) && !signs_off(units, i - 1, lex))
            {
                out.push(DocStart::titled(i..i));
                (weak, closed, dated, transmittal, enclosed) = (false, false, false, false, false);
                dated_under_title = false;
                forwarded = None;
            }
            continue;
        }
        // A row of a tab list of documents (1⇥某市城市绿化管理办法⇥某市人民
        // 政府令第2号) is none: its serial cell opens it.
        if is_serial_row(u.text()) {
            continue;
        }
        // A weak first start may be only the first lines of this title.
        let floor = if weak {
            0
        } else {
            out.last().map_or(0, |d| d.title.end)
        };
        let s = title_start(units, i, floor, lex);
        // A short end is no title alone.
        if wrapped_end && s == i {
            continue;
        }
        // Nor the rest of a numbered item that opens a title, the wrap
        // right above it (1.某市人民政府关于印发…集体土地上 / 房屋征收补偿办法的
        // 通知（某府发〔2014〕22号）): a document a list in the text names (a
        // repeal's), not one printed here.
        // (The item left open by the wrap: one closed, …的通知（某政办发〔2016〕8号）,
        // may stand over a title of its own, a regulation under its note.)
        if s == i
            && i > 0
            && units[i - 1].adjoins(u)
            && units[i - 1].kind() == crate::lines::Kind::Marker
            && !units[i - 1].text().ends_with(['）', ')', '。', '；', ';'])
            && opens_title(units[i - 1].text(), lex)
            && !opens_title(u.text(), lex)
            // (Its rest closing with the named document's number in
            // brackets: a 纪要's heading, 一、关于…工作, above the next 纪要's
            // title, or a numbered title over two lines, （16）…关于印发… /
            // …工作要点的通知, is none.)
            && u.may_hold_hao()
            && u.text().ends_with(['）', ')'])
        {
            continue;
        }
        // A line in brackets under the title completes it (（试行）,
        // （2017—2020年）): the header is looked for under it.
        let i = match units.get(i + 1) {
            Some(n) if crate::lines::title::is_edition_note(n.text(), lex) => i + 1,
            _ => i,
        };
        // After a transmittal's date, the document it forwards printed whole
        // (`forwards`): its enclosure, its own number and addressees under
        // it (which open nothing) or not. (Or after its text, when it is
        // printed without its signature, dated under its title: （2019年10月
        // 12日） / … / 现将《…》转发给你们… / 某省…的通知.)
        let sent = || {
            dated_under_title
                && out
                    .last()
                    .is_some_and(|d| (d.title.end..s).any(|k| units[k].text().ends_with('。')))
        };
        if !enclosed && is_transmittal(&open_title, lex) && (dated || sent()) && {
            // (Read once a notice, at the first title after its date.)
            let forwarded = forwarded.get_or_insert_with(|| {
                out.last()
                    .and_then(|d| Forwarded::of(units, d.title.end.min(s)..s, &open_title, lex))
            });
            forwarded
                .as_ref()
                .is_some_and(|f| f.names(units, s, i, lex))
        } {
            enclosed = true;
            enclosure = Some((s..i + 1, false));
            note_end = forwarded_header_end(units, i + 1, lex);
            continue;
        }
        // After an answer's date (批复), under an attachment's header alone
        // (附：, 附件), the request it answers printed whole, its number
        // cited or its title quoted by the answer's text (你委《关于…的请示》
        // （某请〔2021〕3号）收悉): its enclosure. (Printed one after the
        // other with no such header, the two are documents of their own.)
        // (Or the request printed as it was sent, its red header between the
        // attachment's header and its title: a masthead, the number with its
        // 签发人 (本县政〔2021〕5号　　签发人：…), the number the answer cites.)
        if dated
            && !enclosed
            && s > 0
            && lex
                .genre_suffix(&open_title)
                .is_some_and(|(g, _)| lex.answer.iter().any(|w| w == g))
            && attached_request(units, s, lex).is_some_and(|(h, number)| {
                out.last().is_some_and(|d| {
                    d.title.end < h && {
                        let f = Forwarded::answered(units, d.title.end..h);
                        f.names(units, s, i, lex) || number.is_some_and(|n| f.cites(&n, lex))
                    }
                })
            })
        {
            (closed, enclosed) = (false, true);
            note_end = forwarded_header_end(units, i + 1, lex);
            continue;
        }
        // After the enclosure's own date, when it forwards a document in
        // turn, the document it names printed whole: the enclosure's
        // enclosure, read by the same rule (转发…转发…的通知的通知, one
        // document whole).
        // (Read once an enclosure, at the first title after its date, as the
        // notice's own is.)
        let nested = match enclosure.as_ref().filter(|(_, dated)| enclosed && *dated) {
            Some((t, _)) => {
                if nested_forwarded
                    .as_ref()
                    .is_none_or(|(at, _)| *at != t.start)
                {
                    let title = joined(&units[t.clone()]);
                    nested_forwarded = Some((t.start, Forwarded::of(units, t.end..s, &title, lex)));
                }
                nested_forwarded.as_ref().and_then(|(_, f)| f.as_ref())
            }
            None => None,
        };
        if nested.is_some_and(|f| f.names(units, s, i, lex)) {
            enclosure = Some((s..i + 1, false));
            note_end = forwarded_header_end(units, i + 1, lex);
            continue;
        }
        // After the enclosure, under an attachment's header (附件2), the next
        // document the transmittal forwards, printed whole as the first was
        // (转发…两个文件的通知 / … / 附件1 / 某省…的通知 / … / 附件2 / 某省…的
        // 通知): one more of its attachments, no document of its own.
        if enclosed
            && s > 0
            && attachment_over(units, s, lex)
            && forwarded
                .as_ref()
                .and_then(Option::as_ref)
                .is_some_and(|f| f.names(units, s, i, lex))
        {
            enclosure = Some((s..i + 1, false));
            note_end = forwarded_header_end(units, i + 1, lex);
            continue;
        }
        // Addressee-like lines under a title the open, signed document
        // names (…关于表彰…先进单位和先进个人的决定 / …先进单位和先进个人名单 /
        // 先进单位(3个):): the group heads of its enclosed list.
        let named_list = dated
            && units.get(i + 1).is_some_and(Line::is_addressee)
            && crate::lines::header::number_above(units, s, lex).is_none()
            && names_subject(&open_title, &joined(&units[s..=i]), lex);
        let header = has_header(units, s, i, lex) && !named_list;
        // (Nor an item of a list of documents the open one names, under a
        // line ending in a colon or right after another such item: a title
        // and its number, whole or cut over two lines, and no addressees,
        // note or date under them: 决定废止以下规范性文件： / …的通知（某政〔2015
        // / 〕12号） / …的通知（某政办〔2016〕8号）, 附件： / …的通知（某政〔2020〕16号）.)
        if header && !out.is_empty() && !closed && s > 0 && units[s - 1].adjoins(&units[s]) {
            let number_end = match units.get(i + 1) {
                Some(n) if n.is_number() => Some(i + 2),
                Some(n) => units
                    .get(i + 2)
                    .filter(|m| crate::lines::header::cut_number(n, m, false, lex).is_some())
                    .map(|_| i + 3),
                None => None,
            };
            let under_list =
                list_end == s || crate::lines::header::ends_in_colon(units[s - 1].text());
            let bare = number_end.is_some_and(|e| {
                units.get(e).is_none_or(|n| {
                    !n.is_addressee()
                        && !n.is_passage_note()
                        && !n.is_date()
                        && !crate::lines::body::is_bracketed_note(n.text())
                        && !addressees_head(units, e, lex)
                })
            });
            if under_list && bare {
                list_end = number_end.unwrap_or(i + 1);
                continue;
            }
        }
        let about = units[s..=i]
            .iter()
            .any(|t| Lexicon::contains_any(&lex.about, t.text()));
        // (Or, after a transmittal, its organ's next document: 某某市人民政府
        // 批转…的通知 / 某某市人民政府第26次常务会议纪要.)
        let led = || {
            !about
                && is_transmittal(&open_title, lex)
                && organ_led(&open_title, &joined(&units[s..=i]), lex).is_some()
        };
        // A regulation or decision under its passage note （…通过）, unless
        // the open document carries it (…令, …公告, 印发…). A document printed
        // without its signature under the date in brackets (（2020年6月28日）)
        // likewise, or a 关于… title the open notice does not name: it
        // transmitted a document not printed after it.
        // (Or the regulation a carried decision amends, reprinted after it:
        // …关于修改〈某条例〉的决定 / … / 某条例 / （…通过　根据…修正）.)
        let reprinted = || {
            enclosed
                && carried
                    .as_deref()
                    .is_some_and(|c| amends(c, &joined(&units[s..=i]), lex))
        };
        let noted = units.get(i + 1).is_some_and(|n| {
            if n.is_passage_note() {
                // (After a notice that transmits another title: 印发…计划的
                // 通知 / …管理条例 / （…通过…批准）.)
                return !transmittal
                    || is_transmittal(&open_title, lex)
                        && !open_title.contains(joined(&units[s..=i]).as_str())
                    || out
                        .last()
                        .is_some_and(|d| another_order(units, d.title.end, n.text(), enclosed))
                    || reprinted();
            }
            // (Or such a note under an order's regulation, cut by a wrap over
            // two or three lines: （…令第3 / 号公布　根据…人民 / 政府令第2号修正）,
            // or under the next regulation after a transmittal's enclosure.)
            if let Some((note, _)) = wrapped_note(units, i + 1, lex) {
                return transmittal
                    && (is_transmittal(&open_title, lex)
                        && !open_title.contains(joined(&units[s..=i]).as_str())
                        || out
                            .last()
                            .is_some_and(|d| another_order(units, d.title.end, &note, enclosed))
                        || reprinted());
            }
            // (In brackets only: a number and a date on a line of their
            // own also list documents, in a contents list or a repeal.)
            crate::lines::body::is_bracketed_note(n.text())
                && crate::lines::header::date_note(n.text(), lex).is_some()
                && (!transmittal || {
                    // (Addressees under the date: a letter's header.)
                    let headed = units.get(i + 2).is_some_and(Line::is_addressee);
                    about && unnamed(&open_title, &units[s..=i], lex, headed)
                })
        });
        // (Under a line ending in a colon, 相关文件：, it is an item of a list.)
        let listed = s > 0 && crate::lines::header::ends_in_colon(units[s - 1].text());
        // Right after a transmittal's date, where its enclosure would stand:
        // a 关于 title of an issuer whose subject the transmittal's title
        // does not hold transmitted nothing printed here (…印发…任务分解表的
        // 通知 / 某某市人民政府关于禁止燃放烟花爆竹的通告).
        // (An order or announcement names what it carries in its text, not
        // its title: not read so.)
        let unprinted = is_transmittal(&open_title, lex)
            && dated
            && !enclosed
            && !listed
            && unnamed(&open_title, &units[s..=i], lex, false)
            && !holds_subject(&open_title, &joined(&units[s..=i]), lex);
        // (Or an announcement, order or minutes an organ heads, after a
        // document that signed off, after a transmittal's enclosure, or after
        // an order or announcement that did not carry it.)
        let headed = || {
            let start = out.last().map_or(0, |d| d.title.start);
            opens_headed(units, start, s, i, &open_title, lex)
        };
        // (Not a title a sentence quotes, cut by a wrap inside its 《》:
        // 为贯彻落实《…人民政府办公 / 厅关于印发…的通知 / 》（…）要求，….)
        let quoted =
            s > 0 && units[s - 1].line() + 1 == units[s].line() && opens_quote(units[s - 1].text())
                || units
                    .get(i + 1)
                    .is_some_and(|n| n.line() == units[i].line() + 1 && n.text().starts_with('》'));
        // (Nor one whose issuer before 关于 is a single character under a line
        // of text: the end of an organ's name a sentence cut, 为贯彻落实海南省
        // 人民政府办公 / 厅关于印发…的通知 / 精神，….)
        let cut_issuer = s > 0
            && units[s - 1].line() + 1 == units[s].line()
            && (!units[s - 1].is_title_fragment() || lex.opens_sentence(units[s - 1].text()))
            && Lexicon::find_any(&lex.about, units[s].text()).is_some_and(|(at, _)| {
                at > 0 && crate::text::chars_at_most(&units[s].text()[..at], 1)
            });
        let quoted = quoted || cut_issuer;
        // (Or a 关于 title its organ heads after minutes or an order that
        // carries nothing, printed without their sign-off: 某市人民政府第十二次
        // 常务会议纪要 / … / 记录：… / 某市人民政府关于…的通告.)
        let after_headed = || {
            !transmittal
                && organ_headed(&open_title, lex)
                && issuer_of(&joined(&units[s..=i]), lex).is_some()
        };
        let after_close = (closed
            || unprinted
            || after_headed()
            || enclosed && !listed && unnamed(&open_title, &units[s..=i], lex, false)
            || !out.is_empty() && opens_after_sentence(units, s, i, &open_title, lex))
            && !quoted
            && (about || led())
            || (closed
                || enclosed && !listed
                || dated && transmittal && !is_transmittal(&open_title, lex))
                && headed();
        let header = header || noted;
        // (Or a 纪要's title right under its masthead: 某市人民政府专题会议纪要
        // / 关于…的会议纪要.)
        let under_masthead = out
            .last()
            .is_some_and(|d| d.title.end == s && minutes_masthead(units, d, s, i, lex));
        if !(header || after_close || under_masthead || out.is_empty()) {
            if transmittal && dated && !enclosed {
                carried = Some(joined(&units[s..=i]));
            }
            enclosed |= transmittal && dated;
            // (The list it names is the signed document's enclosure: its
            // group heads open no untitled document.)
            if named_list {
                (closed, enclosed) = (false, true);
            }
            continue;
        }
        // A web page repeats the title above the document: a weak start
        // followed within a few lines by a real one is only that heading.
        if header
            && weak
            && out
                .last()
                .is_some_and(|d| s <= d.title.end + 3 || s <= d.title.start)
        {
            out.pop();
        }
        // A weak start this title takes in (its first lines, read again
        // from the floor of 0) is only part of it: starts never overlap.
        if out.last().is_some_and(|d| s < d.title.end) {
            out.pop();
        }
        // Only a first title standing alone can be a page heading.
        weak = !header && out.is_empty();
        // (A 纪要's masthead read as a title of its own right above: the
        // start is this title's, the document's from the masthead.)
        let masthead = out
            .last()
            .filter(|d| minutes_masthead(units, d, s, i, lex))
            .map(|d| organ_above_mark(units, d.title.start, lex)..s);
        if masthead.is_some() {
            out.pop();
        }
        out.push(DocStart {
            title: s..i + 1,
            masthead,
        });
        if let Some((_, end)) = wrapped_note(units, i + 1, lex) {
            note_end = end;
        }
        closed = false;
        dated = false;
        dated_under_title = date_under(units, i, lex);
        enclosed = false;
        forwarded = None;
        enclosure = None;
        carried = None;
        open_title = joined(&units[s..=i]);
        transmittal = carries(&open_title, lex);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organs_and_their_transmittal_word_open_a_title() {
        let lex = Lexicon::builtin();
        for t in [
            "中共某市委办公室 某市人民政府办公室印发",
            "某市人民政府办公室转发",
            "某县人民政府批转",
        ] {
            assert!(organs_transmit(t, &lex), "{t}");
        }
        for t in [
            "现将方案印发",
            "印发",
            "各县区人民政府 市直各部门 认真印发",
            "办公室印发",
        ] {
            assert!(!organs_transmit(t, &lex), "{t}");
        }
    }

    #[test]
    fn an_organ_cut_after_its_place_above_its_order() {
        let lex = Lexicon::builtin();
        for (above, last) in [
            ("怒江傈僳族自治州", "人民政府令"),
            ("凉山彝族自治州人民代表大会", "常务委员会公告"),
            ("某某县", "人民政府通告"),
        ] {
            assert!(organ_cut_above_genre(above, last, &lex), "{above} {last}");
        }
        for (above, last) in [
            // The line under names its own place, or its genre stands in no head.
            ("怒江傈僳族自治州", "某县人民政府令"),
            ("怒江傈僳族自治州", "人民政府办法"),
            // A sentence's end, a list, or no place above.
            ("现予公布。", "人民政府令"),
            ("州长　李文辉", "人民政府令"),
            ("供水管理", "人民政府令"),
            ("怒江傈僳族自治州", "关于供水的通告"),
        ] {
            assert!(!organ_cut_above_genre(above, last, &lex), "{above} {last}");
        }
        let src = "怒江傈僳族自治州\n人民政府令\n第8号\n";
        let ls = Line::all(src, &lex);
        let starts: Vec<usize> = documents(&ls, &lex).iter().map(|d| d.first()).collect();
        assert_eq!(starts, [0]);
    }

    /// The regulation a carried decision amends, printed after it under its
    /// passage note, starts a document of its own; another regulation, or
    /// the same with no decision amending it, is what the announcement carries.
    #[test]
    fn a_regulation_reprinted_after_the_decision_amending_it() {
        let lex = Lexicon::builtin();
        assert!(amends(
            "某市人民代表大会常务委员会关于修改〈某市烟花爆竹燃放管理条例〉的决定",
            "某市烟花爆竹燃放管理条例",
            &lex
        ));
        assert!(amends(
            "某市人民政府关于修改《某市排水管理办法》的决定",
            "某市排水管理办法",
            &lex
        ));
        for (decision, title) in [
            (
                "某市人民代表大会常务委员会关于修改〈某市烟花爆竹燃放管理条例〉的决定",
                "某市养犬管理条例",
            ),
            (
                "某市人民代表大会常务委员会关于修改〈某市烟花爆竹燃放管理条例实施细则〉的决定",
                "某市烟花爆竹燃放管理条例",
            ),
            (
                "某市人民代表大会常务委员会关于废止〈某市烟花爆竹燃放管理条例〉的决定",
                "某市烟花爆竹燃放管理条例",
            ),
        ] {
            assert!(!amends(decision, title, &lex), "{decision} {title}");
        }
        let head = "某市人民代表大会常务委员会公告（第9号）\n《某市人民代表大会常务委员会关于修改〈某市烟花爆竹燃放管理条例〉的决定》已经批准，现予公布。\n某市人民代表大会常务委员会\n2022年10月11日\n";
        let decision = "某市人民代表大会常务委员会关于修改《某市烟花爆竹燃放管理条例》的决定\n（2022年8月30日某市第十七届人民代表大会常务委员会第五次会议通过）\n一、删去第九条。\n";
        let reprint = "某市烟花爆竹燃放管理条例\n（2017年10月26日某市第十六届人民代表大会常务委员会第七次会议通过　根据2022年8月30日某市第十七届人民代表大会常务委员会第五次会议通过的决定修正）\n第一条　为了加强烟花爆竹燃放管理，制定本条例。\n";
        let starts = |src: &str| {
            let ls = Line::all(src, &lex);
            documents(&ls, &lex)
                .iter()
                .map(|d| ls[d.title.start].line())
                .collect::<Vec<_>>()
        };
        assert_eq!(starts(&[head, decision, reprint].concat()), vec![1, 8]);
        // (The regulation itself carried, no decision before it.)
        assert_eq!(starts(&[head, reprint].concat()), vec![1]);
    }

    /// A few characters under a table's row no delimiter closes are the
    /// row's rest, and no addressees open with them; 各 cut from its name
    /// under a row, or a line under a closed row, may open them.
    #[test]
    fn a_row_s_rest_opens_no_addressees() {
        let lex = Lexicon::builtin();
        for (src, head) in [
            ("3 | 整治超载问题 | 市交通运输局 | 长期坚\n持\n各县（市、区）人民政府，市直有关单位：", false),
            ("3\t整治超载问题\t市交通运输局\t长期坚\n持\n各县（市、区）人民政府，市直有关单位：", false),
            ("3 | 整治超载问题 | 市交通运输局 | 长期坚持 |\n各\n县（市、区）人民政府，市直有关单位：", true),
        ] {
            let ls = Line::all(src, &lex);
            assert_eq!(rest_of_row_above(&ls, 1), !head, "{src}");
            assert_eq!(addressees_head(&ls, 1, &lex), head, "{src}");
        }
    }

    /// A line under a line of text a wrap cut mid-sentence goes on with
    /// it; under a stop, a date or a line elsewhere it may start anew.
    #[test]
    fn a_line_goes_on_with_text_cut_mid_sentence() {
        let lex = Lexicon::builtin();
        let src = "单位应当按照批准的投资计划使用资金，并依\n照下列程序报财政部门拨付：\n三、加强监督管理，\n各县区人民政府：\n本办法自印发之日起施行。\n各县区人民政府：\n2022年3月2日\n各县区人民政府：";
        let ls = Line::all(src, &lex);
        assert!(continues_into(&ls[0], &ls[1], &lex));
        assert!(continues_into(&ls[2], &ls[3], &lex));
        assert!(!continues_into(&ls[4], &ls[5], &lex));
        assert!(!continues_into(&ls[6], &ls[7], &lex));
        assert!(signs_off(&ls, 6, &lex) && !signs_off(&ls, 0, &lex));
        // (Not across a blank line.)
        let ls = Line::all("加强监督管理，\n\n各县区人民政府：", &lex);
        assert!(!continues_into(&ls[0], &ls[1], &lex));
        // (Nor the addressees' own line, cut over lines.)
        let ls = Line::all(
            "经济技术开发区、顺河回族区管委会，\n市人民政府有关部门：",
            &lex,
        );
        assert!(!continues_into(&ls[0], &ls[1], &lex));
    }

    /// A title goes on across no web page's furniture: the site's name
    /// above the navigation taken out is no issuer of the title under it.
    #[test]
    fn no_title_across_web_furniture() {
        let lex = Lexicon::builtin();
        let src = "某市人民政府\n某市公安局　某市交通运输局关于市区部分道路实行货车限行的通告\n某公通〔2022〕3号\n为缓解交通拥堵，现通告如下。";
        let mut units = Line::all(src, &lex);
        assert_eq!(documents(&units, &lex)[0].title.start, 0);
        units[1].mark_web_above();
        assert_eq!(documents(&units, &lex)[0].title.start, 1);
    }

    /// 目录 alone under a regulation's title heads its contents: the title
    /// does not go on to it; a genre word cut by a wrap still does.
    #[test]
    fn a_contents_heading_under_a_title_is_no_part_of_it() {
        let lex = Lexicon::builtin();
        let title = |src: &str| {
            let p = crate::parse(src, "t.txt", &lex);
            p.documents.first().and_then(|d| d.title.clone())
        };
        let body = "\n第一章　总则\n第二章　附则\n第一章　总则\n第一条　为了规范城市供热管理，制定本办法。\n第二章　附则\n第二条　本办法自2019年12月1日起施行。";
        for head in ["目　　录", "目录", "目 录"] {
            let src = ["某市城市供热管理办法\n", head, body].concat();
            assert_eq!(
                title(&src).as_deref(),
                Some("某市城市供热管理办法"),
                "{head}"
            );
        }
    }

    /// A title with no text yet keeps the number under it, an organ's name
    /// alone between them; after some text, that name signs the document
    /// above and the number opens the next.
    #[test]
    fn a_title_without_text_keeps_its_number() {
        let lex = Lexicon::builtin();
        let starts = |src: &str| documents(&Line::all(src, &lex), &lex).len();
        let head = "某市人民政府办公室关于2023年第一季度全市民生工程推进情况的通报\n";
        let tail = "某市人民政府办公室\n某政办秘〔2023〕22号\n各县、区人民政府，市政府各部门：\n现将有关情况通报如下。";
        assert_eq!(starts(&[head, tail].concat()), 1);
        assert_eq!(
            starts(&[head, "全市民生工程进展顺利。\n", tail].concat()),
            2
        );
    }

    /// A title whole on its line right under a sentence that ended opens
    /// the next document; a sentence naming a 关于 title, a heading without
    /// its organ, or the enclosure a transmittal names do not.
    #[test]
    fn a_title_under_a_sentence_that_ended() {
        let lex = Lexicon::builtin();
        let opens = |above: &str, title: &str, open: &str| {
            let src = format!("{above}\n{title}\n为推进工作，现决定如下。\n");
            let units = Line::all(&src, &lex);
            opens_after_sentence(&units, 1, 1, open, &lex)
        };
        let open = "某市人民政府关于表彰先进单位的决定";
        assert!(opens(
            "追究相关人员责任。",
            "某市人民政府关于命名示范乡镇的决定",
            open
        ));
        assert!(!opens(
            "追究相关人员责任",
            "某市人民政府关于命名示范乡镇的决定",
            open
        ));
        assert!(!opens("追究相关人员责任。", "关于资金补助标准的规定", open));
        assert!(!opens(
            "请认真贯彻执行。",
            "某市人民政府关于加快发展夜间经济的意见",
            "某市人民政府办公室关于印发《某市人民政府关于加快发展夜间经济的意见》的通知"
        ));
    }

    /// An enclosure that forwards a document in turn: that one, printed
    /// whole after the enclosure's date and named by it, is the notice's
    /// too; another title there opens a document of its own.
    #[test]
    fn a_forwarded_enclosure_s_own_forwarded_document_stays_the_notice_s() {
        let lex = Lexicon::builtin();
        let starts = |src: &str| documents(&Line::all(src, &lex), &lex).len();
        let county = "某县人民政府办公室关于转发某市人民政府办公室转发某省人民政府办公厅关于做好供水工作的通知的通知\n某县政办发〔2023〕14号\n各乡镇人民政府：\n现将《某市人民政府办公室转发某省人民政府办公厅关于做好供水工作的通知》（某市政办发〔2023〕31号）转发给你们。\n某县人民政府办公室\n2023年5月12日\n";
        let city = "某市人民政府办公室转发某省人民政府办公厅关于做好供水工作的通知\n某市政办发〔2023〕31号\n各县区人民政府：\n现将《某省人民政府办公厅关于做好供水工作的通知》（某省政办发〔2023〕9号）转发给你们。\n某市人民政府办公室\n2023年5月6日\n";
        let province = "某省人民政府办公厅关于做好供水工作的通知\n某省政办发〔2023〕9号\n各市人民政府：\n一、加强水源保护。\n某省人民政府办公厅\n2023年4月28日\n";
        assert_eq!(starts(&[county, city, province].concat()), 1);
        let other = "某省人民政府办公厅关于做好防汛工作的通知\n某省政办发〔2023〕12号\n各市人民政府：\n一、压实责任。\n某省人民政府办公厅\n2023年5月2日\n";
        assert_eq!(starts(&[county, city, other].concat()), 2);
    }

    /// A 批复 and the 请示 it answers printed under `附：` or `附件` after its
    /// date, its number cited: one document. With no such header, or a
    /// request the answer does not name, two.
    #[test]
    fn an_answer_s_request_under_an_attachment_header_is_its_enclosure() {
        let lex = Lexicon::builtin();
        let starts = |src: &str| documents(&Line::all(src, &lex), &lex).len();
        let answer = "某市人民政府关于同意调整园区规划范围的批复\n某政复〔2020〕7号\n某园区管委会：\n你委《关于调整园区规划范围的请示》（某园请〔2020〕2号）收悉。同意调整。\n某市人民政府\n2020年4月16日\n";
        let request = |number: &str| {
            format!("某园区管理委员会关于调整园区规划范围的请示\n{number}\n某市人民政府：\n拟调整园区规划范围。妥否，请批示。\n某园区管理委员会\n2020年3月30日\n")
        };
        let named = request("某园请〔2020〕2号");
        assert_eq!(starts(&[answer, "附：\n", &named].concat()), 1);
        assert_eq!(starts(&[answer, "附件\n", &named].concat()), 1);
        assert_eq!(starts(&[answer, &named].concat()), 2);
        let unnamed = request("某园请〔2020〕5号")
            .replace("调整园区规划范围的请示", "设立园区服务中心的请示");
        assert_eq!(starts(&[answer, "附：\n", &unnamed].concat()), 2);
    }

    /// The request printed under its title on the attachment's header
    /// (附件：某…的请示 / its number / addressees): the answer's enclosure when
    /// the answer quotes it or cites its number; under a title it does not
    /// name, or after a notice that answers nothing, a document of its own.
    #[test]
    fn an_answer_s_request_titled_on_the_attachment_header_is_its_enclosure() {
        let lex = Lexicon::builtin();
        let starts = |src: &str| documents(&Line::all(src, &lex), &lex).len();
        let answer = "某市人民政府关于同意调整园区规划范围的批复\n某政复〔2020〕7号\n某园区管委会：\n你委《关于调整园区规划范围的请示》（某园请〔2020〕2号）收悉。同意调整。\n某市人民政府\n2020年4月16日\n";
        let request = |header: &str, number: &str| {
            format!("{header}某园区管理委员会关于调整园区规划范围的请示\n{number}\n某市人民政府：\n拟调整园区规划范围。妥否，请批示。\n某园区管理委员会\n2020年3月30日\n")
        };
        for header in ["附件：", "附：", "附件1："] {
            let src = [answer, &request(header, "某园请〔2020〕2号")].concat();
            assert_eq!(starts(&src), 1, "{header}");
        }
        // (Cited by its number only, its title not quoted.)
        let cited = answer.replace("你委《关于调整园区规划范围的请示》", "你委请示");
        assert_eq!(
            starts(&[cited.as_str(), &request("附件：", "某园请〔2020〕2号")].concat()),
            1
        );
        let unnamed = cited.replace("某园请〔2020〕2号）", "某园请〔2020〕9号）");
        assert_eq!(
            starts(&[unnamed.as_str(), &request("附件：", "某园请〔2020〕2号")].concat()),
            2
        );
        let notice = answer.replace("的批复", "的通知");
        assert_eq!(
            starts(&[notice.as_str(), &request("附件：", "某园请〔2020〕2号")].concat()),
            2
        );
    }

    /// A transmittal forwarding two documents printed whole, each under
    /// its attachment header (附件1 / 附件2): one document. A title under
    /// 附件2 the notice does not name opens one of its own.
    #[test]
    fn two_forwarded_documents_under_attachment_headers_are_one() {
        let lex = Lexicon::builtin();
        let starts = |src: &str| documents(&Line::all(src, &lex), &lex).len();
        let notice = "某市人民政府办公室关于转发省政府办公厅两个文件的通知\n某府办〔2022〕31号\n各区人民政府：\n现将《某省人民政府办公厅关于做好春耕生产工作的通知》（某府办〔2022〕11号）和《某省人民政府办公厅关于加强森林防火工作的通知》（某府办〔2022〕14号）转发给你们，请认真贯彻执行。\n某市人民政府办公室\n2022年3月15日\n";
        let forwarded = |header: &str, title: &str, number: &str| {
            format!("{header}\n{title}\n{number}\n各市人民政府：\n一、落实责任。\n某省人民政府办公厅\n2022年3月2日\n")
        };
        let first = forwarded(
            "附件1",
            "某省人民政府办公厅关于做好春耕生产工作的通知",
            "某府办〔2022〕11号",
        );
        for header in ["附件2", "附　件　2", "附件"] {
            let second = forwarded(
                header,
                "某省人民政府办公厅关于加强森林防火工作的通知",
                "某府办〔2022〕14号",
            );
            assert_eq!(starts(&[notice, &first, &second].concat()), 1, "{header}");
        }
        let other = forwarded(
            "附件2",
            "某省人民政府关于表彰先进集体的决定",
            "某府〔2022〕9号",
        );
        assert_eq!(starts(&[notice, &first, &other].concat()), 2);
    }

    /// After a transmittal's date, the document it forwards, printed whole
    /// with its own number and addressees, stays inside it when its title
    /// is the one the notice names or its number the one the notice cites;
    /// another titled document there opens one of its own.
    #[test]
    fn an_unsigned_transmittal_dated_under_its_title_keeps_what_it_forwards() {
        let lex = Lexicon::builtin();
        let starts = |src: &str| documents(&Line::all(src, &lex), &lex).len();
        let notice = "某市人民政府办公室关于转发省教育厅关于加强课后服务工作的意见的通知\n\
                      （2023年8月21日）\n各县（市、区）人民政府：\n\
                      现将《河南省教育厅关于加强课后服务工作的意见》（教基〔2023〕112号）转发给你们，请认真贯彻落实。\n";
        let forwarded =
            "河南省教育厅关于加强课后服务工作的意见\n教基〔2023〕112号\n各省辖市教育局：\n\
                         一、总体要求。\n河南省教育厅\n2023年7月28日\n";
        assert_eq!(starts(&[notice, forwarded].concat()), 1);
        // (Another notice, dated under its title, is a document of its own;
        // so is what a notice dated so forwards with no text before it.)
        let other = "某市人民政府关于做好秋季学期开学工作的通知\n（2023年8月25日）\n\
                     各县（市、区）人民政府：\n一、做好校园安全检查。\n";
        assert_eq!(starts(&[notice, other].concat()), 2);
        let untexted = notice.replace(
            "现将《河南省教育厅关于加强课后服务工作的意见》（教基〔2023〕112号）转发给你们，请认真贯彻落实。\n",
            "",
        );
        assert_eq!(starts(&[untexted.as_str(), forwarded].concat()), 2);
    }

    #[test]
    fn a_forwarded_document_printed_whole_stays_the_transmittal_s() {
        let lex = Lexicon::builtin();
        let starts = |src: &str| documents(&Line::all(src, &lex), &lex).len();
        let notice = |title: &str, sentence: &str| {
            format!("{title}\n某政办〔2023〕27号\n各县（市、区）人民政府：\n{sentence}\n某市人民政府办公室\n2023年8月21日\n")
        };
        let forwarded = "河南省教育厅关于加强课后服务工作的意见\n教基〔2023〕112号\n各省辖市教育局：\n现提出如下意见。\n一、总体要求\n河南省教育厅\n2023年7月28日\n";
        let plain = "现转发给你们，请认真贯彻落实。";
        // Named in the title, unquoted, its own 的通知 dropped and its place
        // left out; quoted in the title; quoted in the sentence; cited by
        // number in the sentence.
        for (title, sentence) in [
            (
                "某市人民政府办公室关于转发省教育厅关于加强课后服务工作的意见的通知",
                plain,
            ),
            (
                "某市人民政府办公室转发《河南省教育厅关于加强课后服务工作的意见》的通知",
                plain,
            ),
            (
                "某市人民政府办公室关于转发省教育厅文件的通知",
                "现将《河南省教育厅关于加强课后服务工作的意见》转发给你们。",
            ),
            (
                "某市人民政府办公室关于转发省教育厅文件的通知",
                "现将省教育厅《关于加强课后服务工作的意见》（教基〔2023〕112号）转发给你们。",
            ),
            // (The title and the sentence cut by a wrap.)
            (
                "某市人民政府办公室关于转发省教育厅关于加强课后\n服务工作的意见的通知",
                plain,
            ),
            (
                "某市人民政府办公室关于转发省教育厅文件的通知",
                "《河南省教育厅关于加强课后服务\n工作的意见》已经市人民政府同意，\n现转发给你们。",
            ),
        ] {
            assert_eq!(
                starts(&[notice(title, sentence), forwarded.into()].concat()),
                1,
                "{title}"
            );
        }
        // A document the notice does not name: the next one.
        let other = "某市人民政府办公室关于转发省财政厅关于规范专项资金管理的意见的通知";
        assert_eq!(
            starts(&[notice(other, plain), forwarded.into()].concat()),
            2
        );
        // Nor one whose number the notice cites but does not forward, nor
        // after a notice that transmits nothing.
        let sentence = "根据教基〔2023〕112号精神，提出如下要求。";
        let title = "某市人民政府办公室关于印发课后服务工作方案的通知";
        assert_eq!(
            starts(&[notice(title, sentence), forwarded.into()].concat()),
            2
        );
        // (Nor one a sentence after the forwarding one cites, on its line.)
        let sentence =
            "现将《课后服务工作方案》印发给你们。此前《课后服务方案》（教基〔2023〕112号）同时废止。";
        assert_eq!(
            starts(&[notice(title, sentence), forwarded.into()].concat()),
            2
        );
        let sentence = "根据教基〔2023〕112号精神，现就有关事项通知如下。";
        let title = "某市人民政府办公室关于做好课后服务工作的通知";
        assert_eq!(
            starts(&[notice(title, sentence), forwarded.into()].concat()),
            2
        );
    }

    /// A sentence a wrap cut is read whole; a line that ended its sentence,
    /// the number, the addressees and the date stay lines of their own.
    #[test]
    fn a_sentence_cut_by_a_wrap_is_read_whole() {
        let lex = Lexicon::builtin();
        let src = "某政办〔2023〕27号\n各县（市、区）人民政府：\n省教育厅《关于加强课后服务\n工作的意见》已经市人民政府同意，\n现转发给你们。\n请认真贯彻执行\n某市人民政府办公室\n2023年8月21日\n";
        assert_eq!(
            unwrapped(&Line::all(src, &lex)),
            "某政办〔2023〕27号\n各县（市、区）人民政府：\n省教育厅《关于加强课后服务工作的意见》已经市人民政府同意，现转发给你们。\n请认真贯彻执行\n某市人民政府办公室\n2023年8月21日\n"
        );
    }

    /// A name leaves out the place its organ opens with, never more.
    #[test]
    fn a_name_without_its_place() {
        assert!(names_placed(
            "省教育厅关于加强课后服务工作的意见",
            "河南省教育厅关于加强课后服务工作的意见"
        ));
        assert!(names_placed(
            "某市教育局关于…的意见",
            "某市教育局关于…的意见"
        ));
        assert!(!names_placed(
            "教育厅关于加强课后服务工作的意见",
            "河南省教育厅关于加强课后服务工作的意见"
        ));
        assert!(!names_placed(
            "省教育厅关于加强课后服务工作的意见",
            "河南省人民政府省教育厅关于加强课后服务工作的意见"
        ));
        assert!(!names_placed(
            "省教育厅关于加强课后服务工作的意见",
            "河南省教育厅关于加强课后服务工作的通知"
        ));
    }

    /// A 纪要's mark naming only the meeting takes the organ's name alone
    /// on the line above it into the masthead.
    #[test]
    fn minutes_mark_under_its_organ() {
        let lex = Lexicon::builtin();
        let starts = |src: &str| {
            documents(&Line::all(src, &lex), &lex)
                .iter()
                .map(|d| d.masthead.clone().map_or(d.title.start, |m| m.start))
                .collect::<Vec<_>>()
        };
        let tail = "第28期\n某市人民政府办公室　　2019年7月15日\n关于研究水环境综合治理有关问题的会议纪要\n会议议定事项纪要如下：\n";
        assert_eq!(starts(&format!("某市人民政府\n专题会议纪要\n{tail}")), [0]);
        assert_eq!(starts(&format!("某市人民政府专题会议纪要\n{tail}")), [0]);
        assert_eq!(
            starts(&format!(
                "现将有关情况通报如下。\n某市人民政府专题会议纪要\n{tail}"
            ))
            .last(),
            Some(&1)
        );
    }

    #[test]
    fn issues_under_a_minutes_mark() {
        for t in ["第5期", "（第12期）", "第十二期", " 第3期 "] {
            assert!(is_issue(t), "{t}");
        }
        for t in ["第期", "第5号", "5期", "第二季度工作期", "第一期工程"] {
            assert!(!is_issue(t), "{t}");
        }
    }

    /// A 纪要's masthead (its mark, number or issue, organ and date) over
    /// its title starts the one document there; a 纪要 signed over the
    /// next one's title, or a mark over a title of another genre, does not.
    #[test]
    fn a_minutes_masthead_heads_its_title() {
        let lex = Lexicon::builtin();
        let starts = |src: &str| {
            let units = Line::all(src, &lex);
            documents(&units, &lex)
                .iter()
                .map(|d| (d.first(), d.title.start))
                .collect::<Vec<_>>()
        };
        let body = "  2021年5月10日，副市长王明主持召开专题会议。现纪要如下：\n  一、关于改造计划\n  会议同意改造老旧小区52个。\n";
        for head in [
            "某市人民政府专题会议纪要\n某府阅〔2021〕12号\n某市人民政府办公室　　　　2021年5月15日\n",
            "某市人民政府常务会议纪要\n第5期\n某市人民政府办公室\n2021年6月20日\n",
            "某市人民政府专题会议纪要\n",
        ] {
            let n = head.lines().count();
            let src = [head, "关于研究城区老旧小区改造有关问题的会议纪要\n", body].concat();
            assert_eq!(starts(&src), vec![(0, n)], "{head}");
        }
        // (The mark is the title itself over its text.)
        let src = ["某市人民政府常务会议纪要\n某府阅〔2021〕4号\n", body].concat();
        assert_eq!(starts(&src), vec![(0, 0)]);
    }

    #[test]
    fn a_serial_row_of_a_tab_list_is_no_title() {
        assert!(is_serial_row("1\t某市城市绿化管理办法"));
        assert!(is_serial_row(" 12 \t某市城市供水管理办法"));
        assert!(!is_serial_row("某市城市绿化管理办法"));
        assert!(!is_serial_row("2021\t某市城市绿化管理办法"));
        assert!(!is_serial_row("1\t"));
    }

    /// A title's first line that passes on another organ's document, cut
    /// before 关于; an organ alone, or a sentence, is none.
    /// Announcements, orders and minutes an organ heads stand alone; a
    /// 关于 title, a plan, a roster do not read so.
    #[test]
    fn titles_an_organ_heads() {
        let lex = Lexicon::builtin();
        for t in [
            "某市人民政府通告",
            "十五届汕头市人民政府第78次常务会议纪要",
            "某市人民政府令",
            "某县人民政府常务会议纪要",
        ] {
            assert!(organ_headed(t, &lex), "{t}");
        }
        for t in [
            "某市人民政府关于禁止燃放烟花爆竹的通告",
            "某市2021年乡村振兴重点任务清单",
            "某市人民政府实施方案",
            "通告",
            "禁止燃放烟花爆竹通告",
        ] {
            assert!(!organ_headed(t, &lex), "{t}");
        }
    }

    /// An organ and its date on one line sign off; parted by a tab right
    /// under a row short of the table's cells, they are that row's rest a
    /// wrap cut. Under a whole row they sign.
    #[test]
    fn a_row_rest_signs_nothing() {
        let lex = Lexicon::builtin();
        let src = "2\t开展改造\t市住建局\t各县（区）人民政府\t2021年10月\n\
                   3\t组织改造竣工验收\t各县（区）人民政府\t\n\
                   市住房和城乡建设局\t2021年11月30日\n\
                   请认真贯彻执行。\n\
                   某市人民政府\t2021年12月1日\n\
                   4\t加强督查\t市政府督查室\t各县（区）人民政府\t2021年12月\n\
                   某市人民政府办公室\t2021年12月2日\n";
        let units = Line::all(src, &lex);
        assert!(dated_signature(units[2].text(), &lex));
        assert!(!signs_dated(&units, 2, &lex));
        assert!(signs_dated(&units, 4, &lex));
        assert!(signs_dated(&units, 6, &lex));
    }

    /// A title an organ heads, its organ's name cut by the wrap inside its
    /// ending, opens at the line cut; a line that stops short of the width
    /// around it, or a name whole above its genre word, opens none so.
    #[test]
    fn a_headed_title_cut_inside_its_organ() {
        let lex = Lexicon::builtin();
        let start = |src: &str, end: usize| {
            let units = Line::all(src, &lex);
            let read = Read::new(&units, end, 0);
            cut_organ_title(&read, &units, end, 0, &lex)
        };
        let body = "为做好当前疫情防控工作，有效阻断疫情传播，现\n将有关事项通告如下：\n一、暂停全县各类大型聚集性活动。\n";
        let alone = format!("某县新型冠状病毒肺炎疫情联防联控工作指挥\n部\n通　告\n第1号\n{body}");
        assert_eq!(start(&alone, 2), Some(0));
        let opening =
            format!("某县应对新型冠状病毒肺炎疫情联防联控工作指\n挥部通告\n（第3号）\n{body}");
        assert_eq!(start(&opening, 1), Some(0));
        // (Short of the width: a heading, not a line cut.)
        let short = format!("疫情防控指\n挥部通告\n（第3号）\n{body}");
        assert_eq!(start(&short, 1), None);
        // (The name whole: the ending does not span the cut.)
        let whole =
            format!("某县新型冠状病毒肺炎疫情联防联控工作指挥部\n部通告\n（第3号）\n{body}");
        assert_eq!(start(&whole, 1), None);
    }

    #[test]
    fn lines_that_pass_on_a_document() {
        let lex = Lexicon::builtin();
        for t in [
            "某市人民政府办公室转发市发展改革委等部门",
            "某市人民政府批转市统计局",
            "某市人民政府办公室转发市教育局等5个部门",
            "某县人民政府转发市财政局等单位",
        ] {
            assert!(passes_on(t, &lex), "{t}");
        }
        for t in [
            "某市人民政府办公室",
            "某市人民政府办公室转发",
            "各部门要认真转发有关部门",
            "某市人民政府办公室转发市发展改革委等部门的",
        ] {
            assert!(!passes_on(t, &lex), "{t}");
        }
    }

    #[test]
    fn a_nested_title_cut_before_the_passed_on_organ() {
        let lex = Lexicon::builtin();
        for (t, below, issuers) in [
            (
                "某市人民政府办公室关于转发",
                "某省人民政府办公厅",
                "某市人民政府办公室",
            ),
            (
                "某市人民政府办公室关于转发某某自治区人",
                "民政府办公厅",
                "某市人民政府办公室",
            ),
            (
                "某市人民政府办公室关于转发某某",
                "自治区人民政府办公厅",
                "某市人民政府办公室",
            ),
            ("关于批转某县", "发展和改革局", ""),
            (
                "中共某市委办公室　某市人民政府办公室关于印发",
                "某省农业农村厅",
                "中共某市委办公室　某市人民政府办公室",
            ),
        ] {
            assert_eq!(forwards_into(t, below, &lex), Some(issuers), "{t}");
        }
        for (t, below) in [
            // (No 关于 before the verb: a 版记's line, a sentence.)
            (
                "某市人民政府办公室　　2022年3月25日印发",
                "某省人民政府办公厅",
            ),
            ("现予转发", "某省人民政府办公厅"),
            // (A whole title, a stop, a subject after the verb.)
            (
                "某市人民政府办公室关于转发某省文件的通知",
                "某省人民政府办公厅",
            ),
            ("某市人民政府办公室关于转发。", "某省人民政府办公厅"),
            (
                "某市人民政府办公室关于转发做好防汛工作的",
                "某省人民政府办公厅",
            ),
            // (Not an organ before 关于, no organ under it.)
            ("各部门关于转发", "某省人民政府办公厅"),
            ("某市人民政府办公室关于转发", ""),
            // (The organ below the issuers again: a whole title under a
            // stray head of its own.)
            ("某市人民政府关于印发", "某市人民政府"),
            ("某市人民政府关于印发某市城市", "某市人民政府"),
            ("某市人民政府办公室关于转发", "某市人民政府办公室"),
        ] {
            assert_eq!(forwards_into(t, below, &lex), None, "{t}");
        }
    }

    /// The request an answer prints under a bare 附件 line, its red header
    /// over its title (masthead, number and 签发人): the answer's enclosure
    /// when its text cites that number, though it quotes the title otherwise;
    /// a number it does not cite opens a document of its own.
    #[test]
    fn a_request_under_its_red_header_is_the_answers_enclosure() {
        let lex = Lexicon::builtin();
        let src = [
            "某市人民政府关于同意某县设立某镇的批复",
            "某政复〔2021〕4号",
            "某县人民政府：",
            "　　你县《关于设立某镇的报告》（某县政〔2021〕6号）收悉。经研究，同意设立某镇。",
            "　　　　　　　　某市人民政府",
            "　　　　　　　　2021年5月6日",
            "附件",
            "某县人民政府文件",
            "某县政〔2021〕6号　　签发人：王某",
            "某县人民政府关于撤销某乡设立某镇的请示",
            "某市人民政府：",
            "　　拟撤销某乡，设立某镇。妥否，请批示。",
            "　　　　　　　　某县人民政府",
            "　　　　　　　　2021年3月1日\n",
        ]
        .join("\n");
        let starts = |src: &str| {
            crate::parse(src, "t.txt", &lex)
                .documents
                .iter()
                .map(|d| d.source.line_start)
                .collect::<Vec<_>>()
        };
        assert_eq!(starts(&src), [1]);
        let other = src.replace("某县政〔2021〕6号　　签发人", "某县政〔2021〕9号　　签发人");
        assert_eq!(starts(&other), [1, 10]);
    }
}
