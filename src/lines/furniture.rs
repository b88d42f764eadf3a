//! Web-page furniture around an exported document (navigation, metadata,
//! page tools) and the page footer after a signed document.

use super::Line;
use crate::text;

/// A line of web-page furniture. A furniture word that is also a task label
/// (主办单位：区住房城乡建委) is furniture only among other furniture: after it or
/// right before it (`next`: the next source line, when not blank).
/// A sentence that opens with such a word is text (政策解读形式单一，依申请公开
/// 答复不够及时。). Among furniture, a box's field naming the page or its
/// number (名　　称：…, 文件编号：…), a row of its table of labels and values
/// (| 公开方式 | 主动公开 | 统一编号 | … |), a file's name to download, a
/// share bar's target alone on its line (分享到： / 微信 / 微博) and a web
/// address alone are furniture too.
pub fn is_furniture(
    l: &Line,
    among_furniture: bool,
    next: Option<&Line>,
    lex: &crate::lexicon::Lexicon,
) -> bool {
    (l.is_portal() && (among_furniture || !l.has_label() || next.is_some_and(Line::is_portal))
        || among_furniture
            && (box_field(l.text(), lex)
                || is_file_name(l.text())
                || is_share_target(l.text(), lex)
                || is_url(l.text())
                || crate::lexicon::label_row(l.text()).is_some()))
        && !is_sentence(l.text())
}

/// A field of a page's metadata box that names the page or gives its
/// number, the label spaced out to the box's width or not, its colon (or
/// its table's cell), the value (名　　称：某市人民政府关于…的批复, | 名称： |
/// …的复函 |, | 名称 | …的意见 |, 文件编号：某政办发〔2020〕32号　　主 题 词：):
/// a `title_label` word, or a short label ending
/// with a `number_label` word. The title is printed again under it.
fn box_field(t: &str, lex: &crate::lexicon::Lexicon) -> bool {
    let t = text::trim(t);
    let cell = t.strip_prefix(['|', '｜']).map(text::trim);
    let t = cell.unwrap_or(t);
    // (A table's cell is its label without a colon too: | 名称 | …的通知 |.)
    let pipe = cell.and_then(|t| t.find(['|', '｜']));
    let colon = text::first_colon(t).map(|(c, _)| c);
    let Some(c) = [colon, pipe].into_iter().flatten().min() else {
        return false;
    };
    // (A label of six characters, spaced out at most as wide as a box sets
    // one: a longer text before the colon is answered before it is copied.)
    if !text::chars_at_most(&t[..c], 24) {
        return false;
    }
    let label: String = t[..c].chars().filter(|&c| !text::is_space(c)).collect();
    text::chars_at_most(&label, 6)
        && (lex.title_label.contains(&label) || lex.ends_with_number_label(&label))
}

/// A file's name as a download link prints it, its extension ending the
/// line (宿州市…示范区名单.docx, 1.征收土地勘测定界图.pdf): the page's link to
/// the file, not the document's text.
pub fn is_file_name(t: &str) -> bool {
    const EXTENSIONS: [&str; 9] = [
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".ofd", ".zip", ".rar",
    ];
    let t = text::trim(t);
    text::chars_at_most(t, 80)
        && !text::has_char(t, '。')
        && EXTENSIONS.iter().any(|e| {
            t.len() > e.len()
                && t.is_char_boundary(t.len() - e.len())
                && t[t.len() - e.len()..].eq_ignore_ascii_case(e)
        })
}

/// A portal's attachment label alone on its line (附件：) right over a
/// file's name to download (`next`: …管理规定.doc): after a signed document,
/// the page's link to the file, not an enclosure.
pub fn is_download_label(t: &str, next: Option<&Line>) -> bool {
    // (Most lines are longer than the label: answered by their length.)
    t.len() <= 16
        && text::trim(t)
            .strip_suffix(text::is_colon)
            .is_some_and(|w| text::trim(w) == "附件")
        && next.is_some_and(|n| is_file_name(n.text()))
}

/// `t`, the line under the page's metadata line `above`, is the rest of a
/// value a wrap cut: `above` ends with a label's colon, its value on this
/// line, an organ's name or a date, few characters, no stop (…发布机构： /
/// 承德市人民政府办公室); or `above` ends inside a document number after its
/// label and this line holds the rest (…文号：承市 / 政函〔2020〕58号).
/// `printed`: the line as printed, before Markdown's marks were taken off
/// (a navigation's step ` > 通知公告` reads as a quote's mark).
pub fn is_value_rest(
    above: &str,
    t: &str,
    printed: &str,
    next: Option<&Line>,
    lex: &crate::lexicon::Lexicon,
) -> bool {
    let above = text::trim(above);
    let t = text::trim(t);
    // (An index's code under its label, the label alone on its line or its
    // value empty, 索引号 / 11341500003051735K/202207-00009; more metadata
    // under it, or nothing.)
    let bare_label = || {
        text::chars_at_most(above, 6)
            && above.chars().all(|c| text::is_han(c) || text::is_space(c))
            && lex.is_portal(above)
    };
    if (above.ends_with(text::is_colon) || bare_label())
        && is_index_code(t)
        && next.is_none_or(Line::is_portal)
    {
        return true;
    }
    if t.is_empty() || !text::chars_at_most(t, 24) || text::has_char(t, '。') {
        return false;
    }
    if cut_inside_value(above, t, lex)
        || row_rest(above, t, lex)
        || crate::picker::is_cut_rest(lex, above, t)
        || breadcrumb_rest(above, text::trim(printed))
        || title_rest(above, t, lex)
        || number_under_label(above, t, lex)
    {
        return true;
    }
    // (More metadata under it, or nothing: not a title's first line, its
    // organ, under an empty label, 主题分类： / 某市人民政府办公室 / 关于….)
    if above.ends_with(text::is_colon) {
        return next.is_none_or(Line::is_portal)
            && (lex.organ_ending(t).is_some()
                || crate::normalize::date::parse_date(t)
                    .is_some_and(|(_, r)| r.start == 0 && r.end == t.len()));
    }
    // (The label's value so far: a code's head, ideographs only, no word
    // saying there is none, 文号：无, and the number under it with a short
    // code, its rest; or the number up to a cut inside its serial, and the
    // serial's rest under it, 文号：六政办秘〔2022〕3 / 1号.)
    let head = crate::lexicon::Lexicon::find_any(&lex.number_label, above)
        .map(|(at, len)| {
            above[at + len..]
                .trim_start_matches(text::is_colon)
                .trim_start_matches(text::is_space)
        })
        .or_else(|| spaced_number_value(above, lex))
        .filter(|v| !v.is_empty())
        .filter(|v| !matches!(*v, "无" | "暂无" | "否" | "空" | "略"));
    head.is_some_and(|h| {
        let code_head = || {
            text::chars_at_most(h, 6)
                && h.chars().all(text::is_han)
                && crate::docnum::find_all(t).first().is_some_and(|f| {
                    f.range.start == 0
                        && f.range.end == t.len()
                        && f.number
                            .issuer_code
                            .as_deref()
                            .is_none_or(|c| text::chars_at_most(c, 3))
                })
        };
        (code_head() || serial_rest(h, t)) && crate::docnum::whole(&[h, t].concat()).is_some()
    })
}

/// The value after a document number's label letter-spaced as a page's
/// table prints it, its colon closing it (文　　号：海政办发〔2021).
fn spaced_number_value<'a>(above: &'a str, lex: &crate::lexicon::Lexicon) -> Option<&'a str> {
    let (c, colon) = text::first_colon(above)?;
    let label = text::squash(&above[..c]);
    lex.ends_with_number_label(&label)
        .then(|| text::trim(&above[c + colon.len_utf8()..]))
}

/// `t` is the rest of a document number's serial a wrap cut, `head` the
/// number up to the cut: digits and 号 alone, after a head ending in a
/// digit or its year's bracket (六政办秘〔2022〕3 / 1号, 六政办秘〔2022〕 /
/// 31号); or the year's closing bracket first, the cut inside the bracket
/// after the year's digits (海政办发〔2021 / 〕45号).
fn serial_rest(head: &str, t: &str) -> bool {
    let in_year = head
        .rfind(crate::docnum::is_year_open)
        .is_some_and(|o| !head[o..].contains(crate::docnum::is_year_close));
    let (t, closed) = match t.strip_prefix(crate::docnum::is_year_close) {
        Some(r) => (r, true),
        None => (t, false),
    };
    if closed != in_year {
        return false;
    }
    let digits = t.trim_end_matches(['号', '號']);
    digits.len() < t.len()
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && (head.ends_with(|c: char| c.is_ascii_digit())
            || !closed && head.ends_with(['〕', '］', ']']))
}

/// An index's code as a page's metadata prints it: digits and letters,
/// parted by - or /, a digit among them (11341500003051735K/202207-00009).
fn is_index_code(t: &str) -> bool {
    (6..=40).contains(&t.len())
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/'))
        && t.bytes().any(|b| b.is_ascii_digit())
}

/// `t`, trimmed, is the rest of the title `above` gives after its label, a
/// wrap cutting it: the value so far closes with no genre word, and with
/// `t` it does, `t` a title's line (标　　题：某市人民政府办公室关于…全市政府 /
/// 网站和政务新媒体检查情况的通报). The page prints the title again above
/// the document; this one is the page's metadata.
fn title_rest(above: &str, t: &str, lex: &crate::lexicon::Lexicon) -> bool {
    let Some((c, colon)) = text::first_colon(above) else {
        return false;
    };
    let (label, value) = (&above[..c], text::trim(&above[c + colon.len_utf8()..]));
    let squashed: String = label.chars().filter(|&c| !text::is_space(c)).collect();
    !value.is_empty()
        && lex.title_label.contains(&squashed)
        && lex.genre_suffix(value).is_none()
        && text::first_colon(t).is_none()
        && !text::has_char(t, '，')
        && lex.genre_suffix(t).is_some()
        && super::title::ends_title(&[value, t].concat(), lex)
}

/// The lines under the box's title row `row` (标　　题：…) that hold the rest
/// of its value, a wrap cutting it over two or three lines, up to the box's
/// next row: the value so far closes with no genre word, each line under it
/// is short, unlabelled and holds no stop or comma, the last completes the
/// title, and a row of a portal key and its value (发文字号：…) stands right
/// under it (标　　题：某市人民政府办公室关于印发 / 某市2022年…实施方 / 案的通知 /
/// 发文字号：…): Some(how many lines). The page prints the title again above
/// the document; these lines are the page's metadata, and the last one
/// never starts a document. `ahead(k)`: the source line `k` lines on, None
/// when blank.
pub fn title_value_lines<'t>(
    row: &str,
    ahead: impl Fn(usize) -> Option<Line<'t>>,
    lex: &crate::lexicon::Lexicon,
) -> Option<usize> {
    let (c, colon) = text::first_colon(row)?;
    let value = text::trim(&row[c + colon.len_utf8()..]);
    if value.is_empty()
        || !text::chars_at_most(&row[..c], 12)
        || !lex
            .title_label
            .iter()
            .any(|w| text::squash_eq(w, &row[..c]))
        || lex.genre_suffix(value).is_some()
    {
        return None;
    }
    let mut title = value.to_owned();
    for k in 1..=3 {
        let l = ahead(k)?;
        let t = text::trim(l.text());
        if !text::chars_at_most(t, 40)
            || text::first_colon(t).is_some()
            || t.contains(['。', '，', '；'])
            || l.is_portal()
        {
            return None;
        }
        title.push_str(t);
        if super::title::ends_title(&title, lex) && lex.genre_suffix(t).is_some() {
            let row_below = ahead(k + 1).is_some_and(|n| {
                n.is_portal() && text::first_colon(text::trim(n.text())).is_some()
            });
            return row_below.then_some(k);
        }
    }
    None
}

/// `t`, trimmed, is a document number alone under `above`, a number's
/// label alone (文号 / 某政征告〔2022〕15号), or its label and colon the last
/// field of `above`, its value empty (主题分类：城乡建设　发文字号： / 某政办发
/// 〔2022〕 18号): the page's metadata printed one cell a line, label over
/// value, or its row wrapped before the value.
fn number_under_label(above: &str, t: &str, lex: &crate::lexicon::Lexicon) -> bool {
    let label = |field: &str| {
        // (Short, spaces and all, before it is gathered without them.)
        if !text::chars_at_most(field, 20) {
            return false;
        }
        let label: String = field.chars().filter(|&c| !text::is_space(c)).collect();
        text::chars_at_most(&label, 6)
            && !label.is_empty()
            && label.chars().all(text::is_han)
            && lex.ends_with_number_label(&label)
    };
    let head = above.trim_end_matches(text::is_colon);
    // (The last field: after a space, its label's own spaces inside it,
    // 文　　号：.)
    let last_field = || {
        head.len() < above.len()
            && head
                .char_indices()
                .filter(|&(_, c)| text::is_space(c))
                .any(|(i, c)| label(&head[i + c.len_utf8()..]))
    };
    crate::docnum::whole(t).is_some() && (label(head) || last_field())
}

/// `t`, trimmed, is the rest of the page's navigation `above` a wrap cut:
/// `above` ends with the separator of its steps, or `t` opens with it
/// (首页 > 政务公开 > 政府信息公开目录 > / 通告公告), or the cut fell inside a
/// step, `t` holding the next separator (首页 > 政务公 / 开 > 通告公告).
fn breadcrumb_rest(above: &str, t: &str) -> bool {
    let step = |c: char| matches!(c, '>' | '＞' | '»' | '›' | '→');
    // (After a separator ending the line, a column's short name: not a
    // title, a number or addressees, which the page shows under it.)
    let column = || text::chars_at_most(t, 8) && t.chars().all(text::is_han);
    above.contains(step) && (above.ends_with(step) && column() || t.contains(step))
}

/// `t`, trimmed, is the rest of the last value of the metadata line `above`
/// a wrap cut inside it: inside its brackets, `t` closing them and ending
/// there (发布机构：某市人民政府办公室（某市 / 政务服务中心）); inside a code
/// of digits, `t` its rest alone (浏览次数：1 / 836); or anywhere, the next label
/// on `t` after a space (来源：某县人 / 民政府办公室　　浏览次数：1836).
fn cut_inside_value(above: &str, t: &str, lex: &crate::lexicon::Lexicon) -> bool {
    // (The value: after the line's last colon, not empty.)
    let Some(v) = above
        .rfind(text::is_colon)
        .map(|c| &above[c..])
        .and_then(|v| v.char_indices().nth(1).map(|(i, _)| text::trim(&v[i..])))
        .filter(|v| !v.is_empty())
    else {
        return false;
    };
    // (A code of digits and letters, parted by - or /: an index number,
    // 索引号：11431300-006130847 / -2021-0045.)
    let code = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/'))
    };
    if text::first_colon(t).is_none() {
        let open = v.rfind(text::is_open_paren);
        let closes = open.is_some_and(|o| !v[o..].contains(text::is_close_paren))
            && t.ends_with(text::is_close_paren)
            && t.find(text::is_close_paren) == t.char_indices().last().map(|(i, _)| i)
            && !t.contains(text::is_open_paren);
        // (Or a government's name cut after its place, its rest an organ's
        // name: 发布机构：某市 / 人民政府办公室.)
        let organ = || {
            text::chars_at_most(v, 8)
                && v.chars().all(text::is_han)
                && crate::place::ends_with_level(v)
                && text::chars_at_most(t, 10)
                && t.starts_with("人民政府")
                && t.chars().all(text::is_han)
                && lex.organ_ending(t).is_some()
        };
        return closes || code(v) && code(t) || organ();
    }
    // (The rest before the label a few characters, no title's: not a title
    // with the page's date beside it, …的通知　发布日期：….)
    let Some(sp) = t.find(text::is_space) else {
        return false;
    };
    let head = &t[..sp];
    // (A code's rest may be longer: 索引号：11341500MB1C1209XL /
    // /202204-00027　发布机构：….)
    (text::chars_at_most(head, 12) || code(v) && code(head))
        && !head.contains(text::is_colon)
        && lex.genre_suffix(head).is_none()
        && lex.is_portal(text::trim(&t[sp..]))
}

/// `t`, trimmed, completes the last field of the box's row `above` a wrap
/// cut, its other fields (if any) the page's too: the rest of the label and
/// its colon (…　　发布机 / 构：某市委办公室), the colon and the value after a
/// label whole (…　　成文日期 / ：2020-11-16), the rest of a date
/// (…　　成文日期：2020- / 10-09, …：2020-11 / -16), the date's time of day
/// with it or alone (…发布时间：20 / 20-02-22 09:30, …发布时间：2020-02-22 /
/// 09:30), or the rest of a page tool's name (…打印本页　关闭 / 窗口). A row's
/// label is a portal word; a date's rest is digits and the date's marks
/// only.
fn row_rest(above: &str, t: &str, lex: &crate::lexicon::Lexicon) -> bool {
    let mut fields = text::wide_fields(t, true);
    let (Some(head), Some(last)) = (fields.next(), text::wide_fields(above, true).last()) else {
        return false;
    };
    if !fields.all(|f| lex.is_portal(f)) {
        return false;
    }
    let label = |l: &str| {
        lex.portal
            .iter()
            .any(|w| text::squash_eq(w.trim_end_matches(text::is_colon), l))
    };
    let short = |v: &str| !v.is_empty() && text::chars_at_most(v, 24) && !text::has_char(v, '。');
    // (A time of day closing the head, its colon no label's.)
    let day = match head.rsplit_once(' ') {
        Some((d, time)) if is_clock(time) => text::trim(d),
        _ if is_clock(head) => "",
        _ => head,
    };
    match (text::first_colon(last), text::first_colon(day)) {
        // (The label cut, or whole with its colon under it.)
        (None, Some((c, colon))) => {
            let rest = &day[..c];
            text::chars_at_most(last, 6)
                && text::chars_at_most(rest, 6)
                && label(&[last, rest].concat())
                && (!rest.is_empty() || label(last))
                && short(&day[c + colon.len_utf8()..])
        }
        // (The date cut, or whole, a time beside its rest or alone.)
        (Some((c, colon)), None) => {
            let v = text::trim(&last[c + colon.len_utf8()..]);
            let date_mark = |ch: char| {
                ch.is_ascii_digit() || matches!(ch, '-' | '/' | '.' | '年' | '月' | '日')
            };
            let head = day;
            let date = [v, head].concat();
            label(&last[..c])
                && !v.is_empty()
                && v.chars().all(date_mark)
                && head.chars().all(date_mark)
                && crate::normalize::date::parse_date(&date)
                    .is_some_and(|(_, r)| r.start == 0 && r.end == date.len())
        }
        // (A tool's name cut.)
        (None, None) => crate::picker::is_cut_tool(lex, last, head),
        _ => false,
    }
}

/// `t` is a time of day as a page prints it beside a date: hours, a colon,
/// minutes, and seconds or not (09:30, 9:05, 16:42:07).
fn is_clock(t: &str) -> bool {
    let mut parts = t.split([':', '：']);
    let two = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
    let hours = parts
        .next()
        .is_some_and(|h| (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()));
    // Minutes, then seconds or nothing; nothing more.
    hours && parts.next().is_some_and(two) && parts.next().is_none_or(two) && parts.next().is_none()
}

/// `t` closes a sentence with a stop after a comma, and holds no colon: no
/// page's link or label (来源：…，发布时间：…。, 版权所有：…，未经许可不得转载。).
fn is_sentence(t: &str) -> bool {
    text::trim(t).ends_with('。') && t.contains(['，', ',']) && text::first_colon(t).is_none()
}

/// A line that opens or heads a document (a number, addressees, a date, a
/// title followed by a number or addressees, or addressees' first line, the
/// wrap cutting their last name, 各县（区）人民政府，…、各直属 / 机构：): never
/// page-footer furniture.
pub fn is_header_element(l: &Line, next: Option<&Line>, lex: &crate::lexicon::Lexicon) -> bool {
    let next_opens = || next.is_some_and(|n| n.is_number() || n.is_addressee());
    // (Flags first: a colon closing the next line.)
    let wrapped = || {
        next.is_some_and(|n| {
            super::header::ends_in_colon(n.text())
                && super::header::wrapped_addressees(&l.unit(), &n.unit(), false, lex).is_some()
        })
    };
    l.is_number()
        || l.is_addressee()
        || l.is_date()
        || l.is_title_end() && next_opens()
        || wrapped()
        || run_on_header(l, lex)
}

/// `l` runs a title into its number and addressees (某市人民政府办公室关于…的通报
/// （某政办通〔2021〕5号）各乡镇人民政府，…：): the split cuts it into a title's
/// end, the number and the addressees.
fn run_on_header(l: &Line, lex: &crate::lexicon::Lexicon) -> bool {
    let t = l.text();
    if !super::header::ends_in_colon(t) || !crate::docnum::has_hao(t) {
        return false;
    }
    let u = l.unit();
    super::split::run_on_number(&u, crate::docnum::numbers_in(t), false, None, lex).is_some_and(
        |parts| parts.len() == 3 && super::title::is_title_end_text(parts[0].text(), lex),
    )
}

/// `l`, a title's line in a page footer, is the next document's title, not
/// a related link: a number or addressees follow it, past the rest of the
/// title, the page's dated metadata (with the rest of a value a wrap cut,
/// 来源：某县人 / 民政府办公室　　浏览次数：1836) and its tools (某市人民政府办公室关于… /
/// …的通报 / 发布时间：2020-03-12 / 某府办字〔…〕). A related link's title over its date
/// has the next link under it (相关链接： / …的通知 / 发布时间：…), and the
/// page's navigation is no metadata (当前位置：首页 > …). `ahead(k)`: the
/// source line `k` lines on, None when blank.
pub fn heads_next_document<'t>(
    l: &Line,
    ahead: impl Fn(usize) -> Option<Line<'t>>,
    lex: &crate::lexicon::Lexicon,
) -> bool {
    // (Or the page's tools in 【】 under the title: …的函 / 【字体：大 中 小】 /
    // 河北省发展和改革委员会：.)
    let metadata = |a: &Line| {
        a.is_portal()
            && (a.text().contains(|c: char| c.is_ascii_digit()) || a.text().starts_with('【'))
    };
    if !(l.is_title_end() || l.is_title_fragment()) {
        return false;
    }
    // (The title's lines first, then the metadata: a title's line under the
    // metadata is some other line's, 【…【关闭窗 / 口】; and the page's
    // navigation is none, 首页 > … > 市政府办公室文件. A title's middle line
    // of a word a wrap left alone is one of its lines: …关于鹤城区迎丰 / 路 /
    // 部分路段…的通告.)
    // (A blank line may part them, one at a time: a page that spaces its
    // lines, …的通知 / (blank) / 某政综〔2020〕120号; six lines read at most.)
    let (mut above, mut past_title): (Option<Line<'t>>, bool) = (None, false);
    let (mut read, mut blank) = (0, false);
    for k in 1..=12 {
        let Some(a) = ahead(k) else {
            if std::mem::replace(&mut blank, true) {
                return false;
            }
            continue;
        };
        blank = false;
        read += 1;
        if read > 6 {
            return false;
        }
        let rest = above.as_ref().filter(|p| metadata(p)).is_some_and(|p| {
            let (p, a) = (text::trim(p.text()), text::trim(a.text()));
            cut_inside_value(p, a, lex) || row_rest(p, a, lex)
        });
        let meta = rest || metadata(&a);
        let title = !a.is_portal() && (a.is_title_end() || a.is_title_fragment());
        if !(meta || !past_title && title) {
            return a.is_number() || a.is_addressee();
        }
        past_title |= meta;
        above = Some(a);
    }
    false
}

/// `l`, a title's whole line after the page's furniture, opens the next
/// document, number or not: a passage note under it (中共某市委关于…的决定 /
/// （2022年7月28日…全体会议通过）), or its issuer's name before 关于 when no
/// heading of related links (`related`) stands above it and text follows.
/// A page closes with its tools and navigation, and the next page's
/// document follows them. (A related link prints the document's number
/// beside its title, …的通知（某政发〔2021〕30号）: a link, never a start.)
///
/// Or an attachment's label alone on its line (附件, 附件1) over its title:
/// a page's box row printed under the signature (信息索引：…) opens no
/// footer that swallows the attachment the document prints after it. (A
/// download link names its file on the label's line, 附件：某某.docx.)
pub fn opens_after_footer(
    l: &Line,
    next: Option<&Line>,
    related: bool,
    lex: &crate::lexicon::Lexicon,
) -> bool {
    let t = text::trim(l.text());
    let issued = || {
        next.is_some()
            && crate::docnum::find_all(t).is_empty()
            && crate::lexicon::Lexicon::find_any(&lex.about, t)
                .is_some_and(|(at, _)| at > 0 && lex.organ_ending(&t[..at]).is_some())
    };
    let attachment = || {
        super::body::attachment_header(t, lex).is_some_and(|(_, title)| title.is_empty())
            && next.is_some_and(|n| (n.is_title_end() || n.is_title_fragment()) && !n.is_portal())
    };
    l.is_title_end() && (next.is_some_and(Line::is_passage_note) || !related && issued())
        || !related && attachment()
}

/// The first characters of words that count or measure a figure (30 / 个，
/// 2021 / 年), or go on with it (120 / 余人, 3 / .5亿元, 2022 / 底前): a
/// bare number they follow is the text's, not a page's.
const MEASURE: &str =
    "年月日个万亿元条座项家人户名次吨米%％倍辆亩所间套台件公千百余多底以左平克.．";

/// `t` opens with a word that counts or measures the figure before it.
pub fn measures(t: &str) -> bool {
    t.starts_with(|c: char| MEASURE.contains(c))
}

/// A heading of related links under a page's document, alone on its line,
/// opening with a `link_heading` word (相关链接：, 相关稿件, 【相关文件】,
/// 延伸阅读：, 热点推荐, 【推荐阅读】, 更多>>): the titles under it are other
/// pages', the footer's.
pub fn is_related_heading(t: &str, lex: &crate::lexicon::Lexicon) -> bool {
    // (Most lines are longer than a heading: answered by their length.)
    if t.len() > 40 {
        return false;
    }
    let t = text::trim(t)
        .trim_end_matches(|c: char| text::is_space(c) || matches!(c, '>' | '＞' | '»' | '》'))
        .trim_end_matches(text::is_colon);
    let t = t
        .strip_prefix(['【', '[', '［'])
        .and_then(|w| w.strip_suffix(['】', ']', '］']))
        .map_or(t, text::trim);
    text::chars_at_most(t, 6)
        && t.chars().all(text::is_han)
        && lex.link_heading.iter().any(|w| t.starts_with(w.as_str()))
}

/// A place of the page's share bar alone on its line, in its brackets or
/// not (微信, 【微博】, QQ空间), as a bar copied one target a line prints it
/// under its 分享到：.
pub fn is_share_target(t: &str, lex: &crate::lexicon::Lexicon) -> bool {
    // (A target's name is short: most lines are answered by their length.)
    t.len() <= 32 && {
        let t = text::trim(t)
            .trim_start_matches(['【', '[', '［'])
            .trim_end_matches([']', '】', '］']);
        lex.share_target.iter().any(|w| text::squash_eq(t, w))
    }
}

/// A web address alone on its line (http://www.某.gov.cn/…/t123.html,
/// www.某.gov.cn): the page's, where the page's lines stand.
pub fn is_url(t: &str) -> bool {
    let t = text::trim(t);
    url_len(t) == t.len() && !t.is_empty()
}

/// The length of the web address `t` opens with, 0 when it opens with none.
fn url_len(t: &str) -> usize {
    let head = ["http://", "https://", "www."]
        .iter()
        .any(|h| t.get(..h.len()).is_some_and(|p| p.eq_ignore_ascii_case(h)));
    if !head {
        return 0;
    }
    t.find(|c: char| !c.is_ascii_graphic()).unwrap_or(t.len())
}

/// A line a browser prints in the margins of each page it prints a web
/// page on, where the pages were joined: the address and the page's
/// counter (http://…/t20210520_2468135.html　　1/2), or the date and time
/// printed and the page's title (2021/5/20 10:12　　某市…的通知_某市人民政府
/// 门户网站). A date and a time opening a schedule's row (2021-05-20 14:30
/// 　全体会议) have no page's title beside them.
pub fn is_print_margin(t: &str, lex: &crate::lexicon::Lexicon) -> bool {
    let t = text::trim(t);
    // (Most lines open with an ideograph: answered by their first byte.)
    if !t.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return false;
    }
    let at = url_len(t);
    if at > 0 {
        let rest = &t[at..];
        return rest.starts_with(text::is_space) && is_page_counter(rest);
    }
    let Some(rest) = printed_at(t) else {
        return false;
    };
    let title = text::trim(rest);
    let gap = rest.starts_with(['\t', '\u{3000}']) || rest.starts_with("  ");
    title.is_empty()
        || gap
            && (title.contains('_')
                || title.ends_with("网站")
                || title.ends_with("網站")
                || super::title::is_title_end_text(title, lex))
}

/// The rest of `t` after the date and the time it opens with, as a browser
/// prints them (2021/5/20 10:12, 2021-05-20 上午10:12:33, 21/5/20 10:12).
fn printed_at(t: &str) -> Option<&str> {
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let mut rest = t;
    for k in 0..3 {
        let n = digits(rest);
        if !(1..=4).contains(&n) {
            return None;
        }
        rest = &rest[n..];
        if k < 2 {
            rest = rest.strip_prefix(['/', '-'])?;
        }
    }
    let rest = rest.strip_prefix(' ')?.trim_start_matches(' ');
    let rest = ["上午", "下午"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    let n = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(rest.len());
    is_clock(&rest[..n]).then(|| &rest[n..])
}

/// A row of the page's info fields between the title and the number or
/// the number and the addressees, each field a short label, its colon and
/// a value or none, one of them at least the page's (作者：某某　　浏览量：356,
/// 信息提供：某局　　发布时间：2022-05-12): the others are the page's too,
/// whatever their labels. A label alone of the page's only beside its
/// other fields (日期：2021-04-26) is the page's there too, and a web
/// address. (The caller reads the header's place: what stands above and
/// under the line.)
pub fn is_header_info(t: &str, lex: &crate::lexicon::Lexicon) -> bool {
    let t = text::trim(t);
    if !text::chars_at_most(t, 100) || text::has_char(t, '。') || text::has_char(t, '，') {
        return false;
    }
    if is_url(t) {
        return true;
    }
    let (mut fields, mut page) = (0, false);
    for f in text::wide_fields(t, true) {
        let f = f
            .trim_start_matches(['【', '[', '［'])
            .trim_end_matches([']', '】', '］']);
        let Some((c, _)) = text::first_colon(f) else {
            return false;
        };
        let label = &f[..c];
        if label.is_empty()
            || !text::chars_at_most(label, 12)
            || !label.chars().all(|c| text::is_han(c) || text::is_space(c))
        {
            return false;
        }
        fields += 1;
        page |= lex.is_portal(f) || lex.portal_field.iter().any(|w| text::squash_eq(label, w));
    }
    fields > 0 && page
}

/// `l`, under a heading of related links, opens a link whose entry is a
/// document's title closed by its number in brackets, on its line or with
/// the wrap's rest on the next one (…的通知（某政发〔2021〕30号）, 某市人民政府
/// 办公室关于印发…综合治理 / 攻坚行动方案的通知（某政办字〔2021〕88号）, 某市
/// 人民政府关于…的通告 / （某政通字〔2022〕3号）): Some(lines the entry takes),
/// 1 or 2. A document printed there opens with its addressees under the
/// number: no link. `ahead(k)`: the source line `k` lines on, None when blank.
pub fn related_link<'t>(
    l: &Line,
    ahead: impl Fn(usize) -> Option<Line<'t>>,
    lex: &crate::lexicon::Lexicon,
) -> Option<usize> {
    if !(l.is_title_end() || l.is_title_fragment() || crate::docnum::has_hao(l.text())) {
        return None;
    }
    let addressed = |k: usize| ahead(k).is_some_and(|a| a.is_addressee() || a.is_number());
    if titled_with_number(text::trim(l.text()), lex) {
        return (!addressed(1)).then_some(1);
    }
    let rest = ahead(1)?;
    let entry = [text::trim(l.text()), text::trim(rest.text())].concat();
    (!crate::docnum::has_hao(l.text()) && titled_with_number(&entry, lex) && !addressed(2))
        .then_some(2)
}

/// `t` is a title closed by its document's number in brackets
/// (某市人民政府关于…的通告（某政通字〔2022〕3号）).
fn titled_with_number(t: &str, lex: &crate::lexicon::Lexicon) -> bool {
    if !t.ends_with(crate::docnum::is_number_close) {
        return false;
    }
    t.rfind(crate::docnum::is_number_open).is_some_and(|open| {
        crate::docnum::whole(&t[open..]).is_some()
            && super::title::is_title_end_text(text::trim(&t[..open]), lex)
    })
}

/// A short line of the page footer (related links, site owner, licence):
/// after furniture that followed a signed document, unless it heads one.
pub fn is_footer_line(l: &Line, next: Option<&Line>, lex: &crate::lexicon::Lexicon) -> bool {
    text::chars_at_most(l.text(), 80)
        && !text::has_char(l.text(), '。')
        && !is_header_element(l, next, lex)
}

/// The running head of a printed yearbook's page, where its pages were
/// joined: a short name ending with a `running_head` word (年鉴) and a year
/// (吴忠年鉴·2013, 锡林郭勒盟年鉴（2019）, 宝安年鉴2024) beside the page's
/// number — on its line (·356· 桂林年鉴·2009) or on the line above or below
/// (`page_beside`) — or written as a running head is (许昌年鉴·2015), or
/// naming `book`, the yearbook the envelope says the text is from; its year
/// may come first (2023 某某年鉴). Else the line is text (a book named in a
/// list, a table's cell).
pub fn is_running_head(
    t: &str,
    lex: &crate::lexicon::Lexicon,
    page_beside: impl FnOnce() -> bool,
    book: Option<&str>,
) -> bool {
    // Most lines end otherwise (in a mark or an ideograph): answered by
    // their last character, before the line is trimmed or counted.
    let t = t.trim_end_matches(text::is_space);
    // (A bilingual head ends with its year or its Latin name: the name
    // looked for only on a short line holding an upper-case letter.)
    if t.ends_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
        && t.len() <= 96
        && t.bytes().any(|b| b.is_ascii_uppercase())
    {
        if let Some((before, after)) = latin_name(t, lex) {
            return latin_head_rest(before, after, lex, book);
        }
    }
    // (Its name letter-spaced as some books print it, 通 辽 年 鉴 2022: read
    // with the spaces inside the name taken out.)
    if let Some(h) = letter_spaced(t, lex) {
        return is_running_head(&h, lex, page_beside, book);
    }
    if !t.ends_with(|c: char| text::is_digit(c) || matches!(c, '）' | ')' | '·' | '期')) {
        // (Or its year first: 2023 某某年鉴; or no year at all: 某某年鉴.)
        return match year_first(t, lex) {
            Some(h) => is_running_head(&h, lex, page_beside, book),
            None => yearless(t, lex, page_beside, book),
        };
    }
    let t = text::trim(t);
    // (A PDF's head may set its name and its issue far apart: 某县人民政府公报
    // ⁠ ⁠… 2021年第2期. The gap is not counted.)
    // (Only a head ending with its issue or a figure has one: most long
    // lines ending in a bracket are answered without a search.)
    if !text::chars_at_most(t, 24)
        && (t.ends_with(['）', ')', '·'])
            || !(t.contains("  ") || text::has_char(t, '\u{3000}'))
            || t.chars().filter(|&c| !text::is_space(c)).nth(24).is_some())
    {
        return false;
    }
    let Some((at, w)) = lex
        .running_head
        .iter()
        .find_map(|w| t.find(w.as_str()).map(|at| (at, w.len())))
    else {
        return false;
    };
    let sep =
        |c: char| text::is_space(c) || matches!(c, '·' | '・' | '•' | '（' | '(' | '）' | ')');
    // The name: ideographs only, after a page number or nothing.
    let name_and_page = &t[..at];
    let name = name_and_page
        .trim_start_matches(|c: char| text::is_digit(c) || sep(c) || matches!(c, '—' | '-' | '－'));
    let page_before = name.len() < name_and_page.len();
    if page_before && !name_and_page.chars().any(text::is_digit) {
        return false;
    }
    if !(1..=12).contains(&name.chars().count()) || !name.chars().all(text::is_han) {
        return false;
    }
    // The year, then a page number unless one came before. A middle dot
    // before the year is the running head's own typography (许昌年鉴·2015):
    // no page number need stand beside it.
    let dotted = t[at + w..].starts_with(['·', '・']);
    let rest = t[at + w..].trim_start_matches(sep);
    let digits = rest.chars().take_while(|c| text::is_digit(*c)).count();
    if digits != 4 {
        return false;
    }
    // (Four digits of either width: their end is found by characters.)
    let year_end = rest.char_indices().nth(4).map_or(rest.len(), |(i, _)| i);
    let after = rest[year_end..].trim_start_matches(sep);
    // A gazette's issue of the year (某市人民政府公报 2021年第2期): the
    // head's own, as a year is.
    let issue = issue_after_year(after);
    // (A gazette's head only beside a page's number on the line above or
    // below: a row of a table, 1　某县人民政府公报　2021年第1期, names an issue.)
    if issue {
        return !page_before && page_beside();
    }
    if after.is_empty() {
        let year = &rest[..year_end];
        let names_book = book.is_some_and(|b| {
            let mut key = b.chars().filter(|c| text::is_han(*c) || text::is_digit(*c));
            name.chars()
                .chain(t[at..at + w].chars())
                .chain(year.chars())
                .all(|c| key.next() == Some(c))
                && key.next().is_none()
        });
        return page_before || dotted || names_book || page_beside();
    }
    !page_before
        && after.chars().any(text::is_digit)
        && after
            .chars()
            .all(|c| text::is_digit(c) || sep(c) || matches!(c, '—' | '-' | '－'))
        && text::chars_at_most(after, 8)
}

/// A yearbook's name in Latin letters as a bilingual running head prints
/// it, beside the Chinese name or instead of it (大同年鉴 DATONG YEARBOOK
/// 2019, 某某年鉴2019 MOUMOU NIANJIAN, DATONG YEARBOOK): the place in
/// pinyin, one to four words of upper-case letters, and a
/// `running_head_latin` word. The line's text before and after it, when it
/// holds one and no other Latin letter.
fn latin_name<'a>(t: &'a str, lex: &crate::lexicon::Lexicon) -> Option<(&'a str, &'a str)> {
    let (at, w) = lex
        .running_head_latin
        .iter()
        .find_map(|w| t.find(w.as_str()).map(|at| (at, w.len())))?;
    let end = at + w;
    // The place's words before it, each parted by one space.
    let mut start = at;
    let mut words = 0;
    while words < 4 {
        let Some(before) = t[..start].strip_suffix(' ') else {
            break;
        };
        let word = before.trim_end_matches(|c: char| c.is_ascii_uppercase());
        if before.len() - word.len() < 2 {
            break;
        }
        start = word.len();
        words += 1;
    }
    let (before, after) = (&t[..start], &t[end..]);
    let latin = |s: &str| s.bytes().any(|b| b.is_ascii_alphabetic());
    // (Set apart from the Chinese name and the year, 大同年鉴2019 DATONG
    // YEARBOOK, or alone on its line.)
    let apart = |s: &str, at_end: bool| {
        let c = if at_end {
            s.chars().next_back()
        } else {
            s.chars().next()
        };
        c.is_none_or(text::is_space)
    };
    (words > 0 && !latin(before) && !latin(after) && apart(before, true) && apart(after, false))
        .then_some((before, after))
}

/// What a bilingual running head holds beside its Latin name ([`latin_name`]):
/// the Chinese name and its year, read as [`is_running_head`] reads a head
/// (the Latin name standing for the page's number beside it), or nothing but
/// the year and the page's number (DATONG YEARBOOK 2019, ·357· DATONG
/// YEARBOOK).
fn latin_head_rest(
    before: &str,
    after: &str,
    lex: &crate::lexicon::Lexicon,
    book: Option<&str>,
) -> bool {
    let (before, after) = (text::trim(before), text::trim(after));
    let figures = |s: &str| {
        text::chars_at_most(s, 12)
            && s.chars().all(|c| {
                text::is_digit(c)
                    || text::is_space(c)
                    || text::is_dash(c)
                    || matches!(c, '·' | '・' | '•')
            })
    };
    if figures(before) && figures(after) {
        return true;
    }
    let rest = if before.is_empty() || after.is_empty() {
        [before, after].concat()
    } else {
        [before, " ", after].concat()
    };
    is_running_head(&rest, lex, || true, book)
}

/// A word processor's running head repeated on each page of a printed
/// document: the issuing organ and the document's own number (`own`: the
/// number read is it) on
/// one line, a wide gap between them, in either order (通辽市人民政府办公室
/// 　　　　　通政办发〔2022〕9号). Where the pages were joined it stands in a
/// clause's text or a list; it is the page's, not the document's. (Another
/// number, a cited one, or a sentence around them is text.)
pub fn is_own_running_head(
    t: &str,
    own: impl Fn(&crate::docnum::DocNumber) -> bool,
    lex: &crate::lexicon::Lexicon,
) -> bool {
    // (Most lines are longer, or end in a mark: answered by their length
    // and last character.)
    let t = text::trim(t);
    if t.len() > 160 || !t.ends_with(text::is_han) {
        return false;
    }
    // (Nor do most hold a number: one pass for 号 before any gap is
    // measured.)
    if !crate::docnum::has_hao(t) {
        return false;
    }
    // The widest run of spaces parts the organ from the number: two
    // full-width spaces or four half-width ones at least.
    let gap = |c: char| text::is_space(c);
    let mut best: Option<(usize, usize, usize)> = None;
    let mut at = 0;
    while let Some(i) = t[at..].find(gap).map(|i| at + i) {
        let end = t[i..].find(|c: char| !gap(c)).map_or(t.len(), |j| i + j);
        let width: usize = t[i..end]
            .chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum();
        if best.is_none_or(|(_, _, w)| width > w) {
            best = Some((i, end, width));
        }
        at = end;
    }
    let Some((i, end, _)) = best.filter(|&(_, _, w)| w >= 4) else {
        return false;
    };
    let (left, right) = (&t[..i], &t[end..]);
    let same = |n: &str| crate::docnum::whole(n).is_some_and(|n| own(&n));
    let organ = |o: &str| !o.contains(gap) && crate::organs::is_signature_text(o, lex);
    same(right) && organ(left) || same(left) && organ(right)
}

/// A yearbook's section head printed at the top of its pages and left in
/// the text where the pages were joined: a short name between middle dots
/// (·文件选辑·, ·江阴年鉴2021·), or the section's own name alone on its line
/// (`section`, the granule the envelope names: 文件选辑).
pub fn is_section_head(t: &str, section: Option<&str>) -> bool {
    // Most lines end neither with a middle dot (its UTF-8 ends B7, BB or
    // A2) nor a space nor as the section's name does: answered by the
    // last byte.
    let last = t.as_bytes().last().copied();
    let may = matches!(last, Some(0xB7 | 0xBB | 0xA2 | b' ' | b'\t' | 0x80))
        || section.is_some_and(|s| s.as_bytes().last().copied() == last);
    if !may {
        return false;
    }
    let t = text::trim(t);
    let dot = |c: char| matches!(c, '·' | '・' | '•');
    if t.starts_with(dot) && t.ends_with(dot) {
        let inner = text::trim(t.trim_matches(dot));
        let han = inner.chars().filter(|&c| text::is_han(c)).count();
        return han >= 2
            && text::chars_at_most(inner, 12)
            && inner.chars().all(|c| text::is_han(c) || text::is_digit(c));
    }
    section.is_some_and(|s| !s.is_empty() && t == s)
}

/// A yearbook's running head naming both the book and the section, parted
/// by a middle dot, a bar or a space, in either order: 某某年鉴2022·重要文件,
/// 重要文件·某某年鉴2022, 文件选编 | 某某年鉴2021, 重要文件　某某年鉴2022. The
/// section is the granule the envelope names (`section`), or, parted by a
/// mark (· or |), a `chapter_head` word a yearbook names its sections with
/// (重要文件, 文件选编, 特载), parted by a space too when a page's number
/// stands on the line above or below (`page_beside`: — 12 — / 某某年鉴·2022
/// 　　特载). The book's part is a running head as [`is_running_head`] reads
/// one; the section's name beside it stands for the page's number.
pub fn is_book_and_section(
    t: &str,
    lex: &crate::lexicon::Lexicon,
    book: Option<&str>,
    section: Option<&str>,
    page_beside: impl Fn() -> bool,
) -> bool {
    let t = text::trim(t);
    let mark = |c: char| matches!(c, '·' | '・' | '•' | '|' | '｜');
    let sep = |c: char| text::is_space(c) || mark(c);
    // (Most lines are longer; most short ones hold no separator: answered
    // before they are parted. The gap a page sets between the book and
    // the section beside a page's number is not counted.)
    let short = || {
        text::chars_at_most(t, 32)
            || page_beside() && t.chars().filter(|&c| !text::is_space(c)).nth(32).is_none()
    };
    if !short() || !t.contains(sep) {
        return false;
    }
    // (The section's name letter-spaced as a head prints it, 文　件, is the
    // name: its spaces are passed over.)
    let is = |s: &str, w: &str| {
        let mut chars = s.chars().filter(|&c| !text::is_space(c));
        w.chars().all(|c| chars.next() == Some(c)) && chars.next().is_none()
    };
    // (A page's number on the line, before the head or after it, stands for
    // one beside it: 331　某某年鉴2020　文件选辑.)
    // (A number beside the book's name with no year between is its year,
    // 2023 某某年鉴, 某某年鉴 2023.)
    let paged = |h: &str| {
        let page = |f: &str| is_bare_number(f) || is_page_number(f);
        let named = |f: &str| lex.running_head.iter().any(|w| f.ends_with(w.as_str()));
        let fields: Vec<&str> = h.split(text::is_space).filter(|f| !f.is_empty()).collect();
        match fields[..] {
            [first, next, ..] if page(first) && !named(next) => true,
            [.., before, last] => page(last) && !named(before),
            _ => false,
        }
    };
    let named = |s: &str, marked: bool, head: &str| {
        section.is_some_and(|x| !x.is_empty() && is(s, x))
            || lex.chapter_head.iter().any(|w| is(s, w)) && (marked || page_beside() || paged(head))
    };
    let head = |s: &str| is_running_head(s, lex, || true, book);
    // (Each run of separators parts the line in two.)
    let mut at = 0;
    while let Some(i) = t[at..].find(sep).map(|i| at + i) {
        let end = t[i..].find(|c: char| !sep(c)).map_or(t.len(), |j| i + j);
        let (left, run, right) = (&t[..i], &t[i..end], &t[end..]);
        let marked = run.contains(mark);
        if !left.is_empty()
            && !right.is_empty()
            && (named(left, marked, right) && head(right)
                || named(right, marked, left) && head(left))
        {
            return true;
        }
        at = end;
    }
    false
}

/// A gazette's issue alone on its line, `2021年第4期` (four digits of its
/// year, 年第, the issue's number, 期): under the gazette's name, the rest of
/// its running head a wrap cut.
pub fn is_issue(t: &str) -> bool {
    // (Most lines end otherwise: answered by their last character.)
    let t = t.trim_end_matches(text::is_space);
    if !t.ends_with('期') {
        return false;
    }
    let t = text::trim(t);
    let year = t.chars().take_while(|&c| text::is_digit(c)).count();
    year == 4
        && t.char_indices()
            .nth(year)
            .is_some_and(|(i, _)| issue_after_year(&t[i..]))
}

/// `after`, what follows a year's digits, is the year's issue and nothing
/// else: 年第, the issue's number of one to three digits, 期 (…2021年第4期).
fn issue_after_year(after: &str) -> bool {
    after
        .strip_prefix("年第")
        .and_then(|r| r.strip_suffix('期'))
        .is_some_and(|n| {
            !n.is_empty() && text::chars_at_most(n, 3) && n.chars().all(text::is_digit)
        })
}

/// `t` and the line `rest` under it read as one running head a wrap cut
/// (某市人民政府公报　　2021年第4 / 期): `rest` one or two characters, the
/// head ([`is_running_head`]) read with them.
pub fn cut_head(
    t: &str,
    rest: &str,
    lex: &crate::lexicon::Lexicon,
    page_beside: impl FnOnce() -> bool,
    book: Option<&str>,
) -> bool {
    let rest = text::trim(rest);
    !rest.is_empty()
        && text::chars_at_most(rest, 2)
        && !rest.contains(text::is_space)
        && is_running_head(&[text::trim(t), rest].concat(), lex, page_beside, book)
}

/// `t`, the line right under the running head `head` taken out, is the
/// head's rest a wrap cut: the gazette's issue alone ([`is_issue`]:
/// 某市人民政府公报 / 2021年第4期), or the characters that complete the head
/// ([`cut_head`]: …2021年第4 / 期).
pub fn is_head_rest(
    head: &str,
    t: &str,
    lex: &crate::lexicon::Lexicon,
    book: Option<&str>,
) -> bool {
    is_issue(t) || cut_head(head, t, lex, || true, book)
}

/// A yearbook's running head framed by dashes or by black lenticular
/// brackets, as some books print it at the top of their pages and some
/// exports keep it between documents (——某某年鉴2021——, ——某某年鉴2021·文件
/// 选编——, 【某某年鉴2021·文件选编】): inside the frame, the book's name and
/// year alone ([`is_running_head`], the frame standing for the page's
/// number) or with the section's name ([`is_book_and_section`]). It is
/// furniture wherever the join left it, after a signature too.
pub fn is_framed_head(
    t: &str,
    lex: &crate::lexicon::Lexicon,
    book: Option<&str>,
    section: Option<&str>,
) -> bool {
    let dash = text::is_dash;
    // (Most lines end otherwise: answered by their last character.)
    let t = t.trim_end_matches(text::is_space);
    let inner = if t.ends_with(dash) {
        let t = text::trim(t);
        t.starts_with(dash).then(|| t.trim_matches(dash))
    } else if t.ends_with('】') {
        text::trim(t)
            .strip_prefix('【')
            .and_then(|r| r.strip_suffix('】'))
    } else {
        None
    };
    let Some(inner) = inner.map(text::trim) else {
        return false;
    };
    // (The frame stands for a page's number beside a head with its year: a
    // book's name alone in it, ——某某年鉴——, is the text's.)
    let page_beside = || !inner.ends_with(text::is_han) || year_first(inner, lex).is_some();
    !inner.is_empty()
        && text::chars_at_most(inner, 32)
        && (is_running_head(inner, lex, page_beside, book)
            || is_book_and_section(inner, lex, book, section, || false))
}

/// The issuer's mark of a red-header document (GB/T 9704 版头's 发文机关标志,
/// 某市人民政府文件) printed again as a page's running head, where its pages
/// were joined: an organ's name and 文件, nothing else (no `about` or
/// `transmittal` word of a title's), letter-spaced or not,
/// beside a page's number on the line above or below (`page_beside`: — 3 —
/// / 某市人民政府文件). (A document's own masthead stands over its number;
/// the caller reads that one as the header's.)
pub fn is_masthead_head(
    t: &str,
    lex: &crate::lexicon::Lexicon,
    page_beside: impl FnOnce() -> bool,
) -> bool {
    super::header::issuer_mark_reading(t).is_some_and(|mark| {
        text::trim(&mark).strip_suffix("文件").is_some_and(|organ| {
            // (No title's words before 文件: 关于转发省政府文件 is a title's
            // line.)
            let title_word = |w: &String| organ.contains(w.as_str());
            !organ.starts_with('各')
                && !lex.about.iter().chain(&lex.transmittal).any(title_word)
                && crate::organs::is_signature_text(organ, lex)
        })
    }) && page_beside()
}

/// A yearbook's running head that prints the book's name without its
/// year (大兴安岭年鉴): a short name of ideographs ending with a
/// `running_head` word that names no series (a gazette's name alone is
/// [`is_series_head`]'s), naming `book`, the envelope's yearbook, its year
/// aside, or a place's short name beside the page's number (`page_beside`:
/// ·293· / 大兴安岭年鉴; not 编纂大兴安岭年鉴).
/// Alone, the name is a book's a text cites. (`t`: trimmed at its end.)
fn yearless(
    t: &str,
    lex: &crate::lexicon::Lexicon,
    page_beside: impl FnOnce() -> bool,
    book: Option<&str>,
) -> bool {
    let Some(w) = lex
        .running_head
        .iter()
        .find(|w| t.ends_with(w.as_str()) && !lex.series_head.contains(w))
    else {
        return false;
    };
    let t = text::trim(t);
    let name = &t[..t.len() - w.len()];
    if !(2..=12).contains(&name.chars().count()) || !name.chars().all(text::is_han) {
        return false;
    }
    let names_book = book.is_some_and(|b| {
        let mut key = b.chars().filter(|&c| text::is_han(c));
        t.chars().all(|c| key.next() == Some(c)) && key.next().is_none()
    });
    // (Beside a page's number alone, the name is a place's, short, and no
    // verb opens it: 编纂某某年鉴, 印发某某年鉴 name a book in a sentence.)
    let verb = |s: &str| {
        lex.opens_sentence(s)
            || [&lex.transmittal, &lex.lead_in, &lex.about]
                .iter()
                .any(|l| l.iter().any(|v| s.starts_with(v.as_str())))
    };
    names_book || text::chars_at_most(name, 4) && !verb(name) && page_beside()
}

/// A running head whose name is letter-spaced, one space between each two
/// of its ideographs (通 辽 年 鉴 2022, 通　辽　年　鉴　2022, ·298·　　通 辽 年 鉴
/// 2022): the line with those spaces taken out, when it holds three such
/// spaces at least and ends as a head does (its year, its page's number or
/// a `running_head` word). (`t`: trimmed at its end.)
fn letter_spaced(t: &str, lex: &crate::lexicon::Lexicon) -> Option<String> {
    // (Most lines are longer, or end otherwise: answered by their length
    // and last character.)
    let last = t.chars().next_back()?;
    let ends = text::is_digit(last)
        || text::is_dash(last)
        || matches!(last, '·' | '・' | '•')
        || lex.running_head.iter().any(|w| w.ends_with(last));
    if t.len() > 160 || !ends {
        return None;
    }
    let spaced = |i: usize, c: char| {
        text::is_space(c)
            && t[..i].chars().next_back().is_some_and(text::is_han)
            && t[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(text::is_han)
    };
    t.char_indices().filter(|&(i, c)| spaced(i, c)).nth(2)?;
    Some(
        t.char_indices()
            .filter(|&(i, c)| !spaced(i, c))
            .map(|(_, c)| c)
            .collect(),
    )
}

/// A yearbook's running head with its year first, `2023 某某年鉴`, as a
/// page set to its right margin prints it: the head it reorders to,
/// 某某年鉴2023, read as [`is_running_head`] reads one. (`t`: trimmed at its
/// end.)
fn year_first(t: &str, lex: &crate::lexicon::Lexicon) -> Option<String> {
    let w = lex.running_head.iter().find(|w| t.ends_with(w.as_str()))?;
    let t = text::trim(t);
    let year_end = t
        .char_indices()
        .nth(4)
        .map(|(i, _)| i)
        .filter(|&i| t[..i].chars().all(text::is_digit))?;
    // (The year set apart, or run into the name, 2020双鸭山年鉴: 2023年某某年鉴
    // names a year's book in a sentence.)
    let after_year = &t[year_end..t.len() - w.len()];
    let name =
        after_year.trim_start_matches(|c: char| text::is_space(c) || matches!(c, '·' | '・'));
    (!name.starts_with('年')
        && (1..=12).contains(&name.chars().count())
        && name.chars().all(text::is_han))
    .then(|| [name, w, &t[..year_end]].concat())
}

/// A line set to the right margin, a run of spaces 20 columns wide at least
/// before its text (a full-width space counts two): a page's head as a
/// PDF's text keeps it, where no paragraph stands.
pub fn is_set_right(printed: &str) -> bool {
    let text_at = printed
        .find(|c: char| !text::is_space(c))
        .unwrap_or(printed.len());
    printed[..text_at]
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum::<usize>()
        >= 20
}

/// The name of a series an organ publishes, printed as its pages' running
/// head with no issue (某市人民政府公报, 某市人民政府行政规范性文件): an organ's
/// name and a `series_head` word, all ideographs, right above or under the
/// page's number (`page_beside`). Elsewhere such a line is a title or text.
pub fn is_series_head(
    t: &str,
    lex: &crate::lexicon::Lexicon,
    page_beside: impl FnOnce() -> bool,
) -> bool {
    // (Most lines end otherwise, in a mark: answered by their last character.)
    let t = t.trim_end_matches(text::is_space);
    if !t.ends_with(text::is_han) {
        return false;
    }
    let t = text::trim(t);
    let Some(w) = lex.series_head.iter().find(|w| t.ends_with(w.as_str())) else {
        return false;
    };
    let organ = &t[..t.len() - w.len()];
    text::chars_at_most(t, 24)
        && !organ.is_empty()
        && t.chars().all(text::is_han)
        && lex.organ_ending(organ).is_some()
        && page_beside()
}

/// A page's number as a word processor's footer prints it, the page and
/// the count: `第4页 共7页`, `共7页第4页`. The page's alone, `第4页`, only
/// right above or under a page's number (`page_beside`: `- 4 -` / `第4页`):
/// elsewhere it is a cell or text (an erratum names the page it corrects so).
pub fn is_page_of(t: &str, page_beside: impl FnOnce() -> bool) -> bool {
    // (Most lines end otherwise: answered by their last character.)
    let t = t.trim_end_matches(text::is_space);
    if !t.ends_with(['页', '頁']) {
        return false;
    }
    let t = text::trim(t);
    let gap = |c: char| text::is_space(c) || matches!(c, '/' | '／' | '，' | ',');
    if let Some(rest) = page_word(t, '第') {
        let rest = rest.trim_start_matches(gap);
        return if rest.is_empty() {
            page_beside()
        } else {
            page_word(rest, '共') == Some("")
        };
    }
    page_word(t, '共').is_some_and(|r| page_word(r.trim_start_matches(gap), '第') == Some(""))
}

/// `t` opens with `open`, one to four digits and 页 (第4页, 共 7 頁): the rest.
fn page_word(t: &str, open: char) -> Option<&str> {
    let r = t.strip_prefix(open)?.trim_start_matches(text::is_space);
    let digits = r.chars().take_while(|&c| text::is_digit(c)).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let at = r.char_indices().nth(digits).map_or(r.len(), |(i, _)| i);
    r[at..]
        .trim_start_matches(text::is_space)
        .strip_prefix(['页', '頁'])
}

/// A yearbook's chapter name printed as its pages' running head and left
/// in the text where the pages were joined: a `chapter_head` word
/// (words.tsv: 重要文献, 专文, 附录), its characters maybe spaced apart (专　文),
/// beside the page's number — on its line, before or after the name
/// (附　录　285), or on the line above or below (`page_beside`). Spaced
/// apart, as only a running head prints it, it may also stand where the
/// join cut a sentence or list (`join_beside`: …科技局、 / 特　载 / 财政局).
/// Else the name is text (a heading, a list's item: …特载、专文、 / 大事记).
pub fn is_chapter_head(
    t: &str,
    lex: &crate::lexicon::Lexicon,
    section: Option<&str>,
    page_beside: impl FnOnce() -> bool,
    join_beside: impl FnOnce() -> bool,
) -> bool {
    // (Most lines are longer: answered by their length.)
    if t.len() > 48 {
        return false;
    }
    let t = text::trim(t);
    let page = |c: char| text::is_digit(c) || text::is_space(c);
    let name = t.trim_matches(page);
    // (Most short lines open with a character no chapter's name opens with:
    // answered by it.)
    let Some(first) = name.chars().next().filter(|&c| text::is_han(c)) else {
        return false;
    };
    let opens = |w: &str| w.starts_with(first);
    if !lex.chapter_head.iter().any(|w| opens(w)) && !section.is_some_and(opens) {
        return false;
    }
    // The name, its spaces passed over, is one of the words, or the
    // section's name the envelope gives (文件选辑　305, 文 件 选 辑).
    let is = |w: &str| {
        let mut chars = name.chars().filter(|&c| !text::is_space(c));
        w.chars().all(|c| chars.next() == Some(c)) && chars.next().is_none()
    };
    let named = lex.chapter_head.iter().any(|w| is(w)) || section.is_some_and(is);
    // (A page's number on the line stands apart from the name, two digits
    // at least: 附录1, a heading, is none.)
    let page_on_line = || {
        let (before, after) = t.split_at(text::offset_in(t, name));
        let after = &after[name.len()..];
        [before, after].iter().any(|p| {
            p.chars().filter(|&c| text::is_digit(c)).nth(1).is_some()
                && p.chars().any(text::is_space)
        })
    };
    let spaced = || name.contains(text::is_space);
    named && (page_on_line() || page_beside() || spaced() && join_beside())
}

/// A line that is wholly a comment of the Markdown or HTML an export was
/// made from (`<!-- INFO END -->`).
pub fn is_markup_comment(t: &str) -> bool {
    // Most lines end otherwise: answered by their last bytes.
    let t = t.trim_end_matches(text::is_space);
    t.ends_with("-->") && text::trim(t).starts_with("<!--")
}

/// A normative document's registration code alone on its line, as a
/// province's register has it printed in the document's header (规范性文件
/// 统一编号: ZBCR-2022-0020007, SDPR-2022-0010001): two to six capital
/// letters ending in R, a hyphen, the year's four digits, a hyphen and the
/// serial's three to twelve digits. It names the document in the register,
/// no title's, number's or addressees' text. The hyphens may be printed as
/// any dash a word processor or a copy puts for them (XTCR—2022—00003,
/// XTCR－2022－00003, XTCR–2022–00003).
pub fn is_registration_code(t: &str) -> bool {
    // Most lines open with an ideograph: answered by their first character.
    let t = text::trim(t);
    if !t.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let mut parts = t.split(text::is_dash);
    let (Some(code), Some(year), Some(serial), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        p.chars().all(text::is_digit) && n.contains(&p.chars().count())
    };
    (2..=6).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && code.ends_with('R')
        && digits(year, 4..=4)
        && (year.starts_with("19") || year.starts_with("20"))
        && digits(serial, 3..=12)
}

/// A rule alone on its line (`──────`, `------`, `══════`, `━━━★━━━`): the red line of a
/// printed original's 版头 under its number, or a line of its 版记. Eight
/// characters at least, spaces between them or not: a table's empty cell
/// is written shorter (———, ---, ＿＿＿); a 破折号 bullet opens text
/// (——加强…), a page number holds digits (— 3 —).
pub fn is_rule(t: &str) -> bool {
    let rule = |c: char| {
        matches!(
            c,
            '─' | '━'
                | '═'
                | '┄'
                | '┅'
                | '┈'
                | '┉'
                | '╌'
                | '╍'
                | '—'
                | '―'
                | '–'
                | '-'
                | '－'
                | '='
                | '＝'
                | '_'
                | '＿'
                | '~'
                | '～'
        )
    };
    // Most lines open with an ideograph, after their indentation or not:
    // answered by their first character.
    // (A party organ's red line holds a star in its middle: ━━━★━━━.)
    let star = |c: char| matches!(c, '★' | '☆');
    let t = t.trim_start_matches(text::is_space);
    t.starts_with(rule)
        && t.chars().all(|c| rule(c) || star(c) || text::is_space(c))
        && t.chars().filter(|&c| star(c)).nth(1).is_none()
        && t.chars().filter(|&c| rule(c)).nth(7).is_some()
}

/// The page number of a printed original, alone on its line, where a PDF's
/// pages were joined: `— 3 —`, `-3-`, `－ 3 －`. Dashes on both sides: a lone
/// number or a range (`2020-2021`) is none, and so is `第3页` (an erratum
/// names the page it corrects so).
pub fn is_page_number(t: &str) -> bool {
    // The last byte of each character a page number may end with (-, —, –,
    // ―, －, and the spaces around it): most lines end otherwise.
    if !t.as_bytes().last().is_some_and(|b| {
        matches!(
            b,
            b'-' | 0x94
                | 0x93
                | 0x95
                | 0x8d
                | b' '
                | b'\t'
                | 0x80
                | 0xa0
                | 0x82
                | 0x83
                | 0xbf
                | 0xb7
                | 0xbb
                | 0xa2
        )
    }) {
        return false;
    }
    let t = text::trim(t);
    // Dashes (— 3 —), or the middle dots of a yearbook's pages (·223·).
    let dash = |c: char| text::is_dash(c) || matches!(c, '·' | '・' | '•');
    let (open, close) = (t.trim_start_matches(dash), t.trim_end_matches(dash));
    if open.len() == t.len() || close.len() == t.len() {
        return false;
    }
    let inner = t.trim_matches(dash);
    let digits = text::trim(inner);
    // (Between dashes, an OCR's letter may stand for a digit, O for 0, l or
    // I for 1, beside a digit read right: - 1O -, - l1 -.)
    let framed = text::is_dash(t.chars().next().unwrap_or(' '));
    let ocr = |c: char| framed && matches!(c, 'O' | 'o' | 'l' | 'I');
    (1..=4).contains(&digits.chars().count())
        && digits.chars().all(|c| text::is_digit(c) || ocr(c))
        && digits.chars().any(text::is_digit)
}

/// A page's counter alone on its line, the page and the count parted by a
/// slash, the page no later than the last (`15/20`, `3 / 12`), as a PDF's
/// footer prints it where its pages were joined. (A date, 2021/5, counts
/// past its count.)
pub fn is_page_counter(t: &str) -> bool {
    // (Most lines end otherwise: answered by their last character.)
    let t = t.trim_end_matches(text::is_space);
    if !t.ends_with(text::is_digit) {
        return false;
    }
    let Some((page, count)) = text::trim(t).split_once(['/', '／']) else {
        return false;
    };
    let number = |s: &str| {
        let s = text::trim(s);
        (1..=4)
            .contains(&s.chars().count())
            .then(|| crate::normalize::numeral::ascii_digits(s))
            .flatten()
    };
    number(page)
        .zip(number(count))
        .is_some_and(|(p, c)| 1 <= p && p <= c)
}

/// A number of one to four digits alone on its line (156, １５６): a page's
/// number beside a running head, else a wrapped figure or a table's cell.
pub fn is_bare_number(t: &str) -> bool {
    // Four digits take 12 bytes at most, spaces aside: most lines are longer.
    let t = text::trim(t);
    t.len() <= 12 && (1..=4).contains(&t.chars().count()) && t.chars().all(text::is_digit)
}

/// A page's bare number as a yearbook prints it under its running head
/// (某某年鉴2020 / 298): three or four digits alone on the line, not a
/// year's (2020 under the head is the text's figure).
pub fn is_page_under_head(t: &str) -> bool {
    if !is_bare_number(t) || text::chars_at_most(text::trim(t), 2) {
        return false;
    }
    crate::normalize::numeral::ascii_digits(text::trim(t))
        .is_none_or(|n| !(1900..2100).contains(&n))
}

/// `t`, a page's number of two to four digits alone on its line, bare, or
/// three or four in brackets (127, 〔126〕, (126)), where the join cut a list left open:
/// the line `above` ends with a separator after a word (…交通运输局、), the
/// line `below` goes on with the list's next word (市场监管局). A figure
/// there is the text's: one following a number (第11、 / 12 / 号), a digit
/// alone (a serial cell), or one a measure word goes on with (…、 / 12 / 个乡镇).
pub fn is_page_in_open_list(above: &str, t: &str, below: &str) -> bool {
    // (Most lines are longer than a bracketed number of four digits.)
    if t.len() > 24 {
        return false;
    }
    let t = text::trim(t);
    let bracketed = t.strip_prefix(text::is_open_bracket).and_then(|r| {
        let close = r.chars().next_back()?;
        let open = t.chars().next()?;
        text::closes(open, close).then(|| &r[..r.len() - close.len_utf8()])
    });
    let inner = bracketed.unwrap_or(t);
    // (In brackets, three digits at least: (12) is an item's marker.)
    let least = if bracketed.is_some() { 3 } else { 2 };
    let digits = inner.chars().count();
    if !(least..=4).contains(&digits) || !inner.chars().all(text::is_digit) {
        return false;
    }
    let above = above.trim_end_matches(text::is_space);
    let before_sep = above
        .strip_suffix(['、', '，', ','])
        .and_then(|a| a.chars().next_back());
    let below = text::trim(below);
    before_sep.is_some_and(|c| text::is_han(c) || text::is_close_bracket(c))
        && below.starts_with(text::is_han)
        && !measures(below)
}

/// A yearbook page's number, or its running head, glued to a line where
/// the pages were joined: `·242·牵头单位：…`, `…2020年12月底前·241·`,
/// `某某年鉴2021　配合单位：…`. The byte range of the line's own text, when
/// one is glued to it.
pub fn glued_page(
    t: &str,
    lex: &crate::lexicon::Lexicon,
    book: Option<&str>,
) -> Option<std::ops::Range<usize>> {
    let dot = |c: char| matches!(c, '·' | '・' | '•');
    // ·242· at the start or the end.
    let dotted = |s: &str| {
        s.strip_prefix(dot)
            .and_then(|s| s.strip_suffix(dot))
            .is_some_and(|inner| {
                (1..=4).contains(&inner.chars().count()) && inner.chars().all(text::is_digit)
            })
    };
    if t.starts_with(dot) {
        let close = t.char_indices().skip(1).find(|&(_, c)| dot(c))?;
        let end = close.0 + close.1.len_utf8();
        if dotted(&t[..end]) && end < t.len() {
            return Some(end..t.len());
        }
    }
    if let Some(last) = t.chars().next_back().filter(|&c| dot(c)) {
        let open = t[..t.len() - last.len_utf8()].rfind(dot)?;
        if dotted(&t[open..]) && open > 0 {
            return Some(0..open);
        }
    }
    // 某某年鉴2021 and a gap before the line's text: a running head is
    // short, its gap (U+3000, E3 80 80, or a tab) among the line's first
    // bytes, looked for byte by byte (most lines have none there).
    let b = t.as_bytes();
    let i = memchr::memchr2_iter(b'\t', 0xE3, &b[..b.len().min(72)])
        .find(|&i| i > 0 && (b[i] == b'\t' || b.get(i + 1..i + 3) == Some(&[0x80, 0x80])))?;
    let head = &t[..i];
    let rest = t[i..].trim_start_matches(text::is_space);
    // (A book's name with no year before the gap, 某某年鉴　…, is a table's
    // cell or the text's, unless it names the envelope's book.)
    let page_beside = || !head.ends_with(text::is_han) || year_first(head, lex).is_some();
    (!rest.is_empty() && is_running_head(head, lex, page_beside, book))
        .then(|| t.len() - rest.len()..t.len())
}

/// Web-page furniture run into a title's line, as some portals print the
/// page's tools or metadata beside its heading (…的通知　【字体：大 中 小】,
/// …的通知【字体：大 中 小】, …的通知　发布时间：2021-09-28, …的通知　【打印】
/// 　【关闭】, …的通知 来源：某市人民政府办公室): at a gap or an open bracket
/// of the line, a title's end before it ([`super::title::ends_title`], no
/// portal word nor a field's label opening it) and a portal line after it
/// (`Lexicon::is_portal`: the words it knows on lines of their own). The
/// byte range of the title.
pub fn portal_tail(t: &str, lex: &crate::lexicon::Lexicon) -> Option<std::ops::Range<usize>> {
    // (Most lines are longer than a title and its tools, or end in a stop:
    // answered by their length and last character; most others hold no
    // gap after their indentation, which no cut below follows.)
    if t.len() > 360
        || t.ends_with(['。', '；', '，'])
        || !has_gap(t.trim_start_matches(text::is_space).as_bytes())
    {
        return None;
    }
    let cut = |c: char| text::is_space(c) || c == '【';
    t.char_indices()
        .filter(|&(i, c)| i > 0 && cut(c) && !t[..i].ends_with(cut))
        .take(6)
        .find_map(|(i, _)| {
            let (title, rest) = (text::trim(&t[..i]), &t[i..]);
            // (A title's end first: most pieces before a gap end otherwise.)
            (!title.is_empty()
                && super::title::ends_title(title, lex)
                && lex.is_portal(rest)
                && !lex.is_portal(title)
                && !text::first_colon(title)
                    .is_some_and(|(c, _)| text::chars_at_most(&title[..c], 10)))
            .then_some(0..i)
        })
}

/// Whether a line holds a gap or an open bracket after its first byte,
/// looked for byte by byte before any character is decoded (most body lines
/// hold none): a space or tab, U+00A0 (C2 A0), U+2002/U+2003 (E2 80 82/83),
/// U+3000 (E3 80 80), 【 (E3 80 90) or U+FEFF (EF BB BF). The bytes are
/// those of [`text::is_space`]'s characters and 【.
fn has_gap(b: &[u8]) -> bool {
    let at = |i: usize, tail: &[u8]| b.get(i + 1..i + 1 + tail.len()) == Some(tail);
    (1..b.len()).any(|i| match b[i] {
        b' ' | b'\t' => true,
        0xC2 => at(i, &[0xA0]),
        0xE2 => at(i, &[0x80, 0x82]) || at(i, &[0x80, 0x83]),
        0xE3 => at(i, &[0x80, 0x80]) || at(i, &[0x80, 0x90]),
        0xEF => at(i, &[0xBB, 0xBF]),
        _ => false,
    })
}

/// A yearbook page's bare number glued to the end of a line after its
/// sentence's full stop where the pages were joined (…（市农业农村局负责，
/// 市科技局、气象局配合）。208, …配合）。　208): one to four digits after 。,
/// spaces between them or not. After a full stop a number goes on with no
/// sentence; the line `below` does not go on with it either (…。20 / 21年起,
/// …。2 / .加强…: a wrap cut a figure or a marker), and no tab or bar parts
/// the line into a table's cells. The byte range of the line's own text,
/// its full stop kept.
pub fn page_after_stop(t: &str, below: Option<&str>) -> Option<std::ops::Range<usize>> {
    // (Most lines end otherwise: answered by their last character.)
    let t = t.trim_end_matches(text::is_space);
    // (Or the page's number between dashes, as a printed original's footer
    // prints it: …负责）。- 3 -, …。— 4 —, …。-3-.)
    if t.ends_with(text::is_dash) {
        let stop = t.rfind('。')? + '。'.len_utf8();
        return (stop < t.len() && is_page_number(&t[stop..]) && !t.contains(['\t', '|', '｜']))
            .then_some(0..stop);
    }
    if !t.ends_with(text::is_digit) {
        return None;
    }
    let body = t.trim_end_matches(text::is_digit);
    if !(1..=4).contains(&t[body.len()..].chars().count()) {
        return None;
    }
    let stop = body.trim_end_matches([' ', '\u{3000}']);
    if !stop.ends_with('。') || t.contains(['\t', '|', '｜']) {
        return None;
    }
    let goes_on = below.map(text::trim).is_some_and(|b| {
        measures(b) || b.starts_with(|c: char| text::is_digit(c) || "、.．,，)）".contains(c))
    });
    (!goes_on).then_some(0..stop.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn portal_tools_run_into_a_title() {
        let lex = Lexicon::builtin();
        let own = |t: &'static str| portal_tail(t, &lex).map(|r| text::trim(&t[r]));
        let title = "某市人民政府关于进一步加强城市供热管理工作的通知";
        for tail in [
            "　【字体：大 中 小】",
            "【字体：大 中 小】",
            "　发布时间：2021-09-28",
            "　【打印】　【关闭】",
            " 来源：某市人民政府办公室",
            "　发布时间：2021-09-28　【字体：大 中 小】　【打印】",
        ] {
            let line: &'static str = Box::leak(format!("{title}{tail}").into_boxed_str());
            assert_eq!(own(line), Some(title), "{line}");
        }
        for c in [
            ' ', '\t', '\u{3000}', '\u{a0}', '\u{2002}', '\u{2003}', '\u{feff}', '【',
        ] {
            assert!(has_gap(format!("某{c}").as_bytes()), "{c:?}");
            assert!(text::is_space(c) || c == '【');
        }
        assert!(!has_gap("　某市、《通知》，“某”".as_bytes()));
        for t in [
            title,
            "标题：某市人民政府关于加强供热管理的通知　发布时间：2021-09-28",
            "首页 > 政策文件 > 某市人民政府关于加强供热管理的通知　【打印】",
            "现将有关事项通知如下　来源：市政府",
            "某市人民政府关于加强供热管理的通知　某政发〔2021〕45号",
        ] {
            assert_eq!(own(t), None, "{t}");
        }
    }

    #[test]
    fn page_numbers_glued_after_a_full_stop() {
        let own = |t: &'static str, below| page_after_stop(t, below).map(|r| &t[r]);
        let line = "开展技术指导（市农业农村局负责，市科技局、气象局配合）。208";
        assert_eq!(
            own(line, Some("三、强化督导检查。")),
            Some("开展技术指导（市农业农村局负责，市科技局、气象局配合）。")
        );
        assert_eq!(own("加强技术服务。　208", None), Some("加强技术服务。"));
        // Between dashes, spaced or not.
        for line in [
            "（州交通运输局负责）。- 5 -",
            "（州交通运输局负责）。— 6 —",
            "（州交通运输局负责）。-7-",
        ] {
            assert_eq!(own(line, None), Some("（州交通运输局负责）。"), "{line}");
        }
        for line in [
            "加强技术服务。——",
            "加强技术服务。- 5",
            "加强技术服务——- 5 -",
            "加强。-12345-",
        ] {
            assert_eq!(own(line, None), None, "{line}");
        }
        assert_eq!(own("加强技术服务。 １２", None), Some("加强技术服务。"));
        // A figure the line below goes on with, a marker the wrap cut, a
        // table's cell, a number in the sentence, five digits.
        assert_eq!(own("完成目标任务。20", Some("21年起全面推开。")), None);
        assert_eq!(own("完成目标任务。2", Some(".加强督导。")), None);
        assert_eq!(own("完成目标任务。2", Some("个乡镇另行安排。")), None);
        assert_eq!(own("完成目标任务。\t2021", None), None);
        assert_eq!(own("| 完成目标任务。 | 5", None), None);
        assert_eq!(own("增长8.5%，总量208", None), None);
        assert_eq!(own("完成目标任务。20210", None), None);
        assert_eq!(own("·208·", None), None);
    }

    #[test]
    fn a_breadcrumb_cut_by_a_wrap_goes_on_under_it() {
        let above = "首页 > 政务公开 > 政府信息公开目录 >";
        assert!(breadcrumb_rest(above, "公示公告"));
        assert!(breadcrumb_rest("首页 > 政务公", "开 > 公示公告"));
        assert!(breadcrumb_rest("首页＞政务公开＞", "政府文件"));
        // Under a separator ending the line, the page's own title, number
        // or addressees.
        for t in [
            "衢州市人民政府关于调整衢江区部分行政区划的通告",
            "衢州市人民政府公告",
            "衢政告〔2021〕7号",
            "各县（市、区）人民政府，市政府各部门：",
        ] {
            assert!(!breadcrumb_rest(above, t), "{t}");
        }
        // Metadata with no steps, or a step whole with no separator after it.
        assert!(!breadcrumb_rest("发布机构：某市人民政府", "公示公告"));
        assert!(!breadcrumb_rest(
            "首页 > 政务公开",
            "某市人民政府关于…的通告"
        ));
        // The last step alone, its `>` opening the line as printed (read
        // as a Markdown quote's mark, the line's text is 通知公告).
        let lex = Lexicon::builtin();
        let above = "首页 > 政务公开 > 政府信息公开目录 > 某市人民政府";
        assert!(is_value_rest(above, "通知公告", " > 通知公告", None, &lex));
        assert!(!is_value_rest(above, "通知公告", "通知公告", None, &lex));
    }

    /// The rest of a box's row a wrap cut in its last field: the label's
    /// rest and its colon, the colon after a label whole, a date's rest;
    /// not a line that completes no label, nor text under the row.
    #[test]
    fn rows_cut_in_their_last_field() {
        let lex = Lexicon::builtin();
        let rest = |a: &str, t: &str| row_rest(a, t, &lex);
        assert!(rest(
            "索引号：000013927/2021-00158　　　发布机",
            "构：中共某市委办公室"
        ));
        assert!(rest(
            "发文字号：某办字〔2021〕19号　　　成文",
            "日期：2021-03-26"
        ));
        assert!(rest(
            "发文字号：某办字〔2021〕19号　　　成文日期：2021-",
            "03-26"
        ));
        assert!(rest(
            "发文字号：某发〔2021〕6号　　　成文日期：2021-05",
            "-14"
        ));
        assert!(rest(
            "发文字号：某发〔2021〕6号　　　成文日期",
            "：2021-05-14"
        ));
        assert!(!rest(
            "发文字号：某发〔2021〕6号　　　成文日期",
            "各乡镇党委、政府："
        ));
        assert!(!rest(
            "索引号：000013927/2021-00158　　　发布机",
            "关：某某"
        ));
        assert!(!rest(
            "发文字号：某发〔2021〕6号　　　成文日期：2021-",
            "各乡镇："
        ));
        assert!(!rest(
            "发文字号：某发〔2021〕6号　　　成文日期：2021-05-14",
            "12"
        ));
        assert!(!rest("发文字号：某发〔2021〕6号", "：2021-05-14"));
        // (A date's time under it, its rest beside it or not; the page's
        // tools after it.)
        let row = "来源：某市人民政府办公室　　发布时间：2021-03-16";
        assert!(rest(row, "10:21　　【字号：大 中 小】　【打印本页】"));
        assert!(rest(
            "来源：某市人民政府办公室　　发布时间：20",
            "21-03-16 10:21"
        ));
        assert!(!rest(row, "10:21　　各县区人民政府："));
        assert!(!rest(row, "10时"));
        // (A tool's name cut.)
        assert!(rest("字号：【大 中 小】　　打印本页　　关闭", "窗口"));
        assert!(!rest("字号：【大 中 小】　　打印本页　　关闭", "窗口期"));
        assert!(is_clock("09:30") && is_clock("9:05") && is_clock("16:42:07"));
        assert!(!is_clock("0930") && !is_clock("09:3") && !is_clock("2021:03"));
        assert!(!is_clock("09:30:00:01") && !is_clock("09:30:") && !is_clock("9"));
    }

    /// The rest of a metadata value a wrap cut inside it: its bracket's
    /// close, a code's digits, the value's end before the next label.
    #[test]
    fn value_cut_inside() {
        let lex = crate::lexicon::Lexicon::builtin();
        let cut = |a: &str, t: &str| cut_inside_value(a, t, &lex);
        assert!(cut("发布机构：某市人民政府办公室（某市", "政务服务中心）"));
        assert!(cut("索引号：11431300-006130847", "-2021-0045"));
        assert!(cut("来源：某县人", "民政府办公室　　浏览次数：1836"));
        assert!(!cut("发布机构：某市人民政府办公室", "政务服务中心）"));
        assert!(!cut(
            "当前位置：首页",
            "某市人民政府关于做好防汛工作的通知　发布日期：2021-05-21"
        ));
        assert!(!cut("发布时间：2021-03-30", "某市人民政府办公室"));
        // A code's rest longer than twelve characters before the next label.
        assert!(cut(
            "索引号：11341100MB1D2345XK",
            "/202304-00019\t发布机构：某市"
        ));
        // A government's name cut after its place.
        assert!(cut("发布机构：某市", "人民政府办公室"));
        assert!(!cut("发布机构：某市", "人民政府关于做好防汛工作的通知"));
        assert!(!cut("发布机构：某市人民政府", "办公室"));
    }

    /// A title's rest under its metadata label, and a number under its
    /// bare label: the page's metadata, cut or one cell a line.
    #[test]
    fn title_and_number_values_under_their_labels() {
        let lex = Lexicon::builtin();
        assert!(title_rest(
            "标　　题：某市人民政府办公室关于2022年第二季度全市政务",
            "服务事项办理情况的通报",
            &lex
        ));
        // The value whole already, or the line no title's rest.
        assert!(!title_rest(
            "标题：某市人民政府关于做好防汛工作的通知",
            "某市人民政府关于做好防汛工作的通知",
            &lex
        ));
        assert!(!title_rest(
            "发布机构：某市人民政府办公室关于",
            "做好防汛工作的通知",
            &lex
        ));
        assert!(!title_rest("标题：某市人民政府关于", "索引号：123", &lex));
        assert!(number_under_label("文号", "某政征告〔2023〕9号", &lex));
        assert!(number_under_label("发文字号：", "某政发〔2023〕9号", &lex));
        assert!(!number_under_label("主题分类", "某政征告〔2023〕9号", &lex));
        assert!(!number_under_label("文号", "国土资源、能源", &lex));
        // The label and its colon last on a row, its value empty.
        let row = "主题分类：\t城乡建设、环境保护\t发文字号：\t";
        assert!(number_under_label(
            row.trim_end(),
            "某政办发〔2022〕 18号",
            &lex
        ));
        assert!(number_under_label(
            "发布日期：2021-06-02　　文　　号：",
            "某政发〔2021〕9号",
            &lex
        ));
        assert!(!number_under_label(
            "主题分类：城乡建设　发文字号：某政发〔2022〕1号",
            "某政发〔2022〕2号",
            &lex
        ));
        assert!(!number_under_label("发布日期：", "某政发〔2022〕2号", &lex));
        assert!(!number_under_label(
            "城乡建设　发文字号",
            "某政发〔2022〕2号",
            &lex
        ));
    }

    /// A title's whole line after the page's tools opens the next document
    /// when a passage note follows it, or its issuer stands before 关于; a
    /// related link (under its heading, or with its number) does not.
    #[test]
    fn titles_after_the_page_footer() {
        let lex = Lexicon::builtin();
        let ls = Line::all(
            "中共某市委关于加快建设现代海洋城市的决定\n（2022年7月28日中国共产党某市第八届委员会第三次全体会议通过）\n\
             某市人民政府关于印发某市森林火灾应急预案的通知（某政发〔2021〕30号）\n\
             加快建设现代海洋城市的决定\n为深入贯彻党中央决策部署，现作出如下决定。",
            &lex,
        );
        assert!(opens_after_footer(&ls[0], Some(&ls[1]), false, &lex));
        assert!(opens_after_footer(&ls[0], Some(&ls[1]), true, &lex));
        assert!(opens_after_footer(&ls[0], Some(&ls[4]), false, &lex));
        assert!(!opens_after_footer(&ls[0], Some(&ls[4]), true, &lex));
        assert!(!opens_after_footer(&ls[0], None, false, &lex));
        assert!(!opens_after_footer(&ls[2], Some(&ls[4]), false, &lex));
        assert!(!opens_after_footer(&ls[3], Some(&ls[4]), false, &lex));
    }

    /// A number's serial cut by a wrap goes on under its label's line; an
    /// index's code under its label alone is the label's value.
    #[test]
    fn values_under_their_label() {
        let lex = Lexicon::builtin();
        let rest = |a: &str, t: &str| is_value_rest(a, t, t, None, &lex);
        assert!(rest("成文日期：2022-04-20　文号：六政办秘〔2022〕3", "1号"));
        assert!(rest("文号：六政办秘〔2022〕", "31号"));
        assert!(rest("索引号", "11341500003051735K/202207-00009"));
        assert!(!rest("文号：无", "1号"));
        assert!(!rest("发布日期：2022-04-22", "1号"));
        assert!(!rest("文号：六政办秘〔2022〕3", "1号文件"));
        assert!(!rest("索引号", "2022"));
        assert!(serial_rest("六政办秘〔2022〕3", "1号"));
        assert!(!serial_rest("六政办秘", "1号"));
        assert!(!serial_rest("六政办秘〔2022〕3", "号"));
        // Cut inside the year's bracket, under a letter-spaced label.
        assert!(rest("文　　号：海政办发〔2021", "〕45号"));
        assert!(serial_rest("海政办发〔2021", "〕45号"));
        assert!(!serial_rest("海政办发〔2021〕", "〕45号"));
        assert!(!serial_rest("海政办发〔2021", "45号"));
        assert!(!rest("发布机构：海宁市〔2021", "〕45号"));
    }

    /// Among furniture, the row naming the page and a file's name to
    /// download; a sentence or a title is neither.
    #[test]
    fn page_names_and_download_links() {
        let lex = Lexicon::builtin();
        let names = |t: &str| box_field(t, &lex);
        assert!(names("名称：\t宿州市人民政府关于某事项的批复"));
        assert!(names("| 名称： | 某市人民政府关于某事项的复函 |"));
        assert!(names("| 名称 | 某市人民政府关于某事项的实施意见 |"));
        assert!(!names("| 序号 | 名称 | 数量 |"));
        assert!(names("名　　称：某市人民政府办公室关于某事项的通知"));
        assert!(names("文件编号：某政办发〔2020〕32号　　　　主 题 词："));
        assert!(!names("名称"));
        assert!(!names("企业名称：某某有限公司"));
        assert!(!names("项目名称：某某工程"));
        assert!(!names("一、工作目标：到2022年底"));
        for t in [
            "宿州市第二批市级农业产业化示范区名单.docx",
            "1.征收土地勘测定界图.PDF",
            "2020年第三季度检查问题清单.xlsx",
        ] {
            assert!(is_file_name(t), "{t}");
        }
        for t in [
            "请将电子版发送至邮箱，格式为.docx。",
            "某市人民政府关于某事项的通知",
            ".pdf",
        ] {
            assert!(!is_file_name(t), "{t}");
        }
    }

    /// The source line `k` lines after the first of `lines`, as the
    /// footer's rules read ahead: None for a blank one.
    fn ahead_of_first<'a, 't>(lines: &'a [Line<'t>]) -> impl Fn(usize) -> Option<Line<'t>> + 'a {
        move |k| {
            lines
                .iter()
                .find(|l| l.line() == lines[0].line() + k)
                .cloned()
        }
    }

    /// A box's title value cut over several lines up to the box's next row:
    /// the lines under the row until the title closes; not a value whole
    /// already, nor lines with no row under them, nor text under another
    /// field.
    #[test]
    fn a_box_title_cut_over_three_lines_up_to_the_next_row() {
        let lex = Lexicon::builtin();
        let rests = |t: &str| {
            let lines = Line::all(t, &lex);
            title_value_lines(lines[0].text(), ahead_of_first(&lines), &lex)
        };
        let box_rows = "标    题：某县人民政府办公室关于印发\n某县2021年农村人居环境整治提升工作\n方案的通知\n发文字号：某政办〔2021〕 12号";
        assert_eq!(rests(box_rows), Some(2));
        assert_eq!(
            rests("标题：某市人民政府关于做好\n防汛工作的通知\n发布日期：2021-07-21"),
            Some(1)
        );
        // The title whole on its row; no row under the rest (the document's
        // own title and number); another field's value; a sentence.
        assert_eq!(
            rests("标题：某市人民政府关于做好防汛工作的通知\n某市人民政府办公室\n发布日期：2021-07-21"),
            None
        );
        assert_eq!(
            rests("标题：某县人民政府办公室关于印发\n某县2021年农村人居环境整治提升工作\n方案的通知\n某政办〔2021〕12号"),
            None
        );
        assert_eq!(
            rests("发布机构：某县人民政府办公室关于印发\n某县工作方案的通知\n发布日期：2021-05-20"),
            None
        );
        assert_eq!(
            rests("标题：某市人民政府关于做好\n防汛工作，确保安全的通知\n发布日期：2021-07-21"),
            None
        );
    }

    /// A masthead's mark repeated beside a page's number is a page's head;
    /// a mark with no page's number beside it, or a line that is no organ's
    /// mark, is not.
    #[test]
    fn an_attachment_label_over_its_title_opens_after_the_footer() {
        let lex = Lexicon::builtin();
        let opens = |t: &str| {
            let lines = Line::all(t, &lex);
            opens_after_footer(&lines[0], lines.get(1), false, &lex)
        };
        assert!(opens("附件\n某市2022年重点任务清单"));
        assert!(opens("附件1\n某市2022年重点任务清单"));
        assert!(!opens("附件：某市2022年重点任务清单.docx\n打印本页"));
        assert!(!opens("附件\n打印本页　关闭窗口"));
    }

    #[test]
    fn a_masthead_repeated_beside_a_page_number() {
        let lex = Lexicon::builtin();
        assert!(is_masthead_head("某市人民政府文件", &lex, || true));
        assert!(is_masthead_head("某 市 人 民 政 府 文 件", &lex, || true));
        assert!(!is_masthead_head("某市人民政府文件", &lex, || {
            false
        }));
        for t in [
            "各县区人民政府文件",
            "关于转发省政府文件",
            "贯彻落实上级文件。",
        ] {
            assert!(!is_masthead_head(t, &lex, || true), "{t}");
        }
    }

    /// A book and a chapter's name parted by a page's wide gap: a head beside
    /// a page's number only.
    #[test]
    fn a_book_and_chapter_parted_by_a_gap_beside_a_page_number() {
        let lex = Lexicon::builtin();
        let gap = " ".repeat(40);
        for t in [
            format!("某某年鉴·2022{gap}特载"),
            format!("特载{gap}某某年鉴·2022"),
            "重要文献　　　　某某年鉴·2023".to_owned(),
        ] {
            assert!(is_book_and_section(&t, &lex, None, None, || true), "{t}");
            assert!(!is_book_and_section(&t, &lex, None, None, || false), "{t}");
        }
        assert!(!is_book_and_section(
            "某某年鉴·2022　某某市情概况",
            &lex,
            None,
            None,
            || true
        ));
    }

    /// A title's line in a page footer heads the next document when its
    /// number follows past the title's rest and the page's metadata, a
    /// middle line of one character among them.
    #[test]
    fn a_title_over_a_one_character_line_heads_the_next_document() {
        let lex = Lexicon::builtin();
        let heads = |t: &str| {
            let lines = Line::all(t, &lex);
            heads_next_document(&lines[0], ahead_of_first(&lines), &lex)
        };
        assert!(heads(
            "某市公安局 某市交通运输局关于某区长青\n街\n部分路段封闭施工期间实行交通管制的通告\n成文日期：2021-05-10\n发布日期：2021-05-12\n2021年第3号"
        ));
        // A blank line between, one at a time.
        assert!(heads(
            "某市人民政府关于公布第三批市级传统村落名录的通知\n\n某政综〔2021〕26号"
        ));
        assert!(!heads(
            "某市人民政府关于公布第三批市级传统村落名录的通知\n\n\n某政综〔2021〕26号"
        ));
        // A related link's title, the next link under it: no document.
        assert!(!heads(
            "某市公安局 某市交通运输局关于某区长青\n街\n部分路段封闭施工期间实行交通管制的通告\n发布日期：2021-05-12\n某市人民政府关于某某事项的批复"
        ));
    }

    /// A chapter's name is a running head beside a page's number, its
    /// characters spaced or not, the number on its line or beside it; alone,
    /// or another word, it is text.
    #[test]
    fn chapter_names_beside_page_numbers() {
        let lex = Lexicon::builtin();
        for t in ["重要文献", "专　文", "附 录", "附　录　285", "285　附　录"] {
            assert!(is_chapter_head(t, &lex, None, || true, || false), "{t}");
        }
        assert!(is_chapter_head(
            "附　录　285",
            &lex,
            None,
            || false,
            || false
        ));
        for t in ["专　文", "重要文献", "附录"] {
            assert!(!is_chapter_head(t, &lex, None, || false, || false), "{t}");
        }
        for t in ["附件", "附　件　2", "重要文献目录", "专文一", "（一）专文"] {
            assert!(!is_chapter_head(t, &lex, None, || true, || false), "{t}");
        }
        for t in ["附录1", "附录12", "附　录 1"] {
            assert!(!is_chapter_head(t, &lex, None, || false, || false), "{t}");
        }
        assert!(is_chapter_head("附录", &lex, None, || true, || false));
        // Where a join cut a list: spaced apart only.
        assert!(is_chapter_head("特　载", &lex, None, || false, || true));
        assert!(!is_chapter_head("大事记", &lex, None, || false, || true));
        // The envelope's section, with its page or spaced apart.
        let s = Some("文件选辑");
        assert!(is_chapter_head(
            "文件选辑　305",
            &lex,
            s,
            || false,
            || false
        ));
        assert!(is_chapter_head("文 件 选 辑", &lex, s, || false, || true));
        // (A section no word names is the envelope's only: 文件选辑 is a
        // chapter's word too.)
        let paged = |t: &str, s: Option<&str>| is_chapter_head(t, &lex, s, || false, || false);
        assert!(paged("城市建设　305", Some("城市建设")));
        assert!(!paged("城市建设　305", None));
        assert!(paged("文件选辑　305", None));
    }

    #[test]
    fn words_going_on_with_a_figure() {
        for t in [
            "个项目",
            "年底前",
            "余人",
            "多户",
            ".5亿元",
            "．5亿元",
            "底前建成",
            "以上",
        ] {
            assert!(measures(t), "{t}");
        }
        for t in ["全生产工作", "头,各县", "号)要求", "市住建局", ""] {
            assert!(!measures(t), "{t}");
        }
    }

    #[test]
    fn page_numbers_and_heads_glued_to_a_line() {
        let lex = Lexicon::builtin();
        let own = |t: &'static str| glued_page(t, &lex, Some("某某年鉴2021")).map(|r| &t[r]);
        assert_eq!(
            own("·242·牵头单位：县交通运输局"),
            Some("牵头单位：县交通运输局")
        );
        assert_eq!(own("牵头单位：县发改局·241·"), Some("牵头单位：县发改局"));
        assert_eq!(
            own("某某年鉴2021　配合单位：县财政局"),
            Some("配合单位：县财政局")
        );
        assert_eq!(own("·242·"), None);
        assert_eq!(own("提高到·5·级"), None);
        assert_eq!(own("一、总体要求　加强领导"), None);
    }

    #[test]
    fn section_heads() {
        for t in ["·文件选辑·", " ・重要文件・ ", "·江阴年鉴2021·"] {
            assert!(is_section_head(t, None), "{t}");
        }
        assert!(is_section_head("文件选辑", Some("文件选辑")));
        let lex = crate::lexicon::Lexicon::builtin();
        for t in [
            "某某年鉴2022·重要文件",
            "重要文件·某某年鉴2022",
            "重要文件　某某年鉴2022",
        ] {
            assert!(
                is_book_and_section(t, &lex, None, Some("重要文件"), || false),
                "{t}"
            );
        }
        // A page's counter; a date or a ratio past its count is none.
        for t in ["15/20", " 3 / 12 ", "１／２"] {
            assert!(is_page_counter(t), "{t}");
        }
        for t in ["2021/5", "0/3", "15/20号", "1/2/3", "/20", "12345/99999"] {
            assert!(!is_page_counter(t), "{t}");
        }
        // A gazette's issue under its name, or a head's last characters.
        assert!(is_issue("2021年第4期") && is_issue("　２０２１年第12期"));
        for t in ["2021年第4期工作要点", "21年第4期", "2021年第期", "第4期"] {
            assert!(!is_issue(t), "{t}");
        }
        let head = "某市人民政府公报　　　　　　2021年第4";
        assert!(cut_head(head, "期", &lex, || true, None));
        assert!(!cut_head(head, "期", &lex, || false, None));
        assert!(!cut_head("某市人民政府公报", "通知", &lex, || true, None));
        assert!(is_head_rest("某市人民政府公报", "2021年第4期", &lex, None));
        assert!(!is_head_rest("某市人民政府公报", "各县区政府", &lex, None));
        // Framed by dashes or by 【】: the book alone or with its section.
        for t in [
            "——某某年鉴2021·文件选编——",
            "——某某年鉴2021——",
            "- 某某年鉴(2021) -",
            "【某某年鉴2021·文件选编】",
            "　【某某年鉴2021】　",
            "【重要文件·某某年鉴2022】",
        ] {
            assert!(is_framed_head(t, &lex, None, Some("文件选编")), "{t}");
        }
        for t in [
            "——某某年鉴——",
            "——2021年——",
            "——摘自《某某年鉴2021》——",
            "某某年鉴2021——",
            "【某某年鉴】",
            "【相关文件】",
            "【文件选编】",
            "某某年鉴2021·文件选编】",
        ] {
            assert!(!is_framed_head(t, &lex, None, Some("文件选编")), "{t}");
        }
        // A section's name of its own, parted by a mark; the envelope's
        // parted by a bar.
        for (t, s) in [
            ("某某年鉴2022·重要文件", None),
            ("某某年鉴2022·重要文件", Some("文件选辑")),
            ("文件选编 | 某某年鉴2021", None),
            ("文件选辑｜某某年鉴2021", Some("文件选辑")),
        ] {
            assert!(is_book_and_section(t, &lex, None, s, || false), "{t}");
        }
        for (t, s) in [
            ("某某年鉴2022　重要文件", None),
            ("某某年鉴2022·重要通知", None),
            ("某某年鉴2021编纂工作方案", None),
            ("重要文件某某年鉴2022", Some("重要文件")),
            ("重要文件·关于某某年鉴2022年编纂的通知", Some("重要文件")),
        ] {
            assert!(!is_book_and_section(t, &lex, None, s, || false), "{t}");
        }
        for t in ["·223·", "·一·", "文件选辑", "·加强组织领导，成立委员会·"]
        {
            assert!(!is_section_head(t, None), "{t}");
        }
        assert!(!is_section_head("重要文件", Some("文件选辑")));
    }

    /// A links' heading alone (相关…, 延伸阅读, 热点推荐, 更多>>), its colon,
    /// 【】 or arrows about it or not; a sentence or a longer line opening
    /// with its word is none.
    #[test]
    fn related_headings() {
        let lex = Lexicon::builtin();
        for t in [
            "相关稿件：",
            "相关链接",
            "　相关文件：",
            "【相关阅读】",
            "相關新聞：",
            "延伸阅读：",
            "【推荐阅读】",
            "政策解读：",
            "热点推荐",
            "热门文章",
            "最新文件",
            "猜你喜欢",
            "同类文章",
            "本栏目最新",
            "阅读排行",
            "更多>>",
            "更多 »",
        ] {
            assert!(is_related_heading(t, &lex), "{t}");
        }
        for t in [
            "相关文件要求各地于月底前报送。",
            "相关单位：市财政局",
            "相关部门和单位按职责分工负责",
            "链接：",
            "更多地发挥市场作用",
            "最新文件精神要求各地抓好落实",
            "热点",
        ] {
            assert!(!is_related_heading(t, &lex), "{t}");
        }
    }

    /// A share bar's targets alone on their lines; a sentence naming one is
    /// none.
    #[test]
    fn share_targets() {
        let lex = Lexicon::builtin();
        for t in ["微信", "微博", "QQ空间", "【朋友圈】", "　新浪微博"] {
            assert!(is_share_target(t, &lex), "{t}");
        }
        for t in ["微信公众号", "通过微信发布", "QQ群：123456", "豆瓣酱"] {
            assert!(!is_share_target(t, &lex), "{t}");
        }
    }

    /// A browser's print header (date, time, the page's title) and footer
    /// (the address and the page's counter); a schedule's row, a date
    /// alone, a sentence with an address, are none.
    #[test]
    fn browser_print_margins() {
        let lex = Lexicon::builtin();
        for t in [
            "http://fgw.example.gov.cn/zwgk/tzgg/202105/t20210520_2468135.html          1/2",
            "https://www.example.gov.cn/art/2021/5/20/art_1.html\t2/3",
            "2021/5/20 10:12          某市发展和改革委员会关于做好项目申报工作的通知_某市人民政府门户网站",
            "2021-05-20 上午10:12:33　　某市人民政府门户网站",
            "21/5/20 10:12",
            "2021/5/20 10:12\t某市人民政府关于调整最低工资标准的通知",
        ] {
            assert!(is_print_margin(t, &lex), "{t}");
        }
        for t in [
            "2021-05-20 14:30　　全体会议",
            "2021-05-20 14:30-17:30 分组讨论",
            "2021年5月20日",
            "http://www.example.gov.cn",
            "http://www.example.gov.cn 2021年",
            "网址：http://www.example.gov.cn　1/2",
            "2021/5/20",
        ] {
            assert!(!is_print_margin(t, &lex), "{t}");
        }
        assert!(is_url("　http://www.example.gov.cn/zwgk/t5121234.shtml"));
        assert!(is_url("www.example.gov.cn"));
        assert!(!is_url("网址：www.example.gov.cn"));
        assert!(!is_url("http://www.example.gov.cn 详见"));
    }

    /// The page's info rows in a header: the page's labels beside any
    /// others, a date's label alone, a web address; a signer's line, a
    /// sentence, a form's row with no page's label, are none.
    #[test]
    fn header_info_rows() {
        let lex = Lexicon::builtin();
        for t in [
            "日期：2022-05-12　　作者：　　来源：某市人民政府办公室　　点击数：",
            "日期：2021-04-26",
            "作者：某某　　浏览量：356",
            "作者：某某",
            "编辑：某某",
            "信息提供：某局　　发布时间：2022-05-12",
            "【发布单位：某市人民政府办公室】",
            "【阅读次数：1234】",
            "打印时间：2021-05-20 10:12:33",
            "http://www.example.gov.cn/zwgk/t5121234.shtml",
        ] {
            assert!(is_header_info(t, &lex), "{t}");
        }
        for t in [
            "签发人：某某",
            "签发人：某某　　某某",
            "经研究，现通知如下：",
            "会议地点：市政府第一会议室",
            "各县（市、区）人民政府，市直各有关单位：",
        ] {
            assert!(!is_header_info(t, &lex), "{t}");
        }
    }

    /// A related link's title closed by its number in brackets, on its
    /// line or with its rest on the next one, is one entry; a title whose
    /// number and addressees follow opens a document.
    #[test]
    fn related_links_closed_by_their_numbers() {
        let lex = Lexicon::builtin();
        for (t, entry) in [
            (
                "某市人民政府关于公布第三批市级传统村落名录的通知（某政发〔2021〕26号）\n主办单位：某市人民政府办公室",
                Some(1),
            ),
            (
                "某市人民政府办公室关于印发某市2021年大气污染综合治理\n攻坚行动方案的通知（某政办字〔2021〕88号）\n某市人民政府关于某某事项的通告",
                Some(2),
            ),
            (
                "某市人民政府关于划定高排放非道路移动机械禁止使用区域的通告\n（某政通字〔2022〕3号）",
                Some(2),
            ),
            // A document: its addressees under the number.
            (
                "某市人民政府关于划定高排放非道路移动机械禁止使用区域的通告\n（某政通字〔2022〕3号）\n各县（市、区）人民政府，市直有关部门：",
                None,
            ),
            // A title with no number, a sentence citing one.
            ("某市人民政府关于某某事项的通告\n主办单位：某市人民政府办公室", None),
            ("按照《某某办法》（某政发〔2021〕26号）执行", None),
        ] {
            let lines = Line::all(t, &lex);
            assert_eq!(related_link(&lines[0], ahead_of_first(&lines), &lex), entry, "{t}");
        }
    }

    #[test]
    fn furniture_labels_and_footers() {
        let lex = Lexicon::builtin();
        let ls = Line::all(
            "主办单位：区住房城乡建委\n牵头单位：市发改委\n打印本页\n关闭窗口\n石党发〔2020〕2号",
            &lex,
        );
        // A label-like furniture word alone among text is a task label.
        assert!(!is_furniture(&ls[0], false, Some(&ls[1]), &lex));
        assert!(is_furniture(&ls[0], true, Some(&ls[1]), &lex));
        assert!(is_furniture(&ls[2], false, Some(&ls[3]), &lex));
        assert!(is_header_element(&ls[4], None, &lex));
        assert!(!is_footer_line(&ls[4], None, &lex));
        assert!(is_footer_line(&ls[3], Some(&ls[4]), &lex));
        // Addressees' first line, their last name cut by the wrap.
        let ls = Line::all(
            "各县（区）人民政府，市政府各部门、各直属\n机构：\n联系电话",
            &lex,
        );
        assert!(!is_footer_line(&ls[0], Some(&ls[1]), &lex));
        assert!(is_footer_line(&ls[2], None, &lex));
    }

    #[test]
    fn running_heads_of_a_yearbook() {
        let lex = Lexicon::builtin();
        for t in ["锡林郭勒盟年鉴（2019）", "宝安年鉴2024", "德阳年鉴 2023"] {
            assert!(is_running_head(t, &lex, || true, None), "{t}");
            // Alone, with no page number beside it: a book's name.
            assert!(!is_running_head(t, &lex, || false, None), "{t}");
        }
        // The yearbook the envelope names.
        assert!(is_running_head(
            "宝安年鉴2024",
            &lex,
            || false,
            Some("宝安年鉴2024")
        ));
        assert!(is_running_head(
            "锡林郭勒盟年鉴（2019）",
            &lex,
            || false,
            Some("锡林郭勒盟年鉴（2019）")
        ));
        assert!(!is_running_head(
            "宁夏年鉴2021",
            &lex,
            || false,
            Some("宝安年鉴2024")
        ));
        for t in [
            "吴忠年鉴·2013",
            "·356· 桂林年鉴·2009",
            "桂林年鉴·2009　·356·",
            // Full-width digits: the year's end is found by characters.
            "·３２６· 沧州年鉴２０１８",
            // A bilingual head: the book's Latin name beside the Chinese one
            // or instead of it.
            "大同年鉴 DATONG YEARBOOK 2019",
            "大同年鉴 DATONG NIANJIAN 2019",
            "DATONG YEARBOOK 2019",
            "大同年鉴2019 DATONG YEARBOOK",
            "DATONG YEARBOOK",
            "XILIN GOL LEAGUE ALMANAC 2019",
            "·357· 大同年鉴 DATONG YEARBOOK 2019",
        ] {
            assert!(is_running_head(t, &lex, || false, None), "{t}");
        }
        for t in [
            "沧州年鉴２０１８",
            "沧州年鉴 ２０１７",
            "沧州年鉴（２０１８）",
        ] {
            assert!(is_running_head(t, &lex, || true, None), "{t}");
            assert!(
                !is_running_head(t, &lex, || false, Some("宝安年鉴2024")),
                "{t}"
            );
            assert!(is_running_head(t, &lex, || false, Some(t)), "{t}");
        }
        for t in [
            "《吴忠年鉴2013》",
            "编纂吴忠年鉴2013年卷的通知",
            "2013",
            "石嘴山年鉴编纂委员会2013年工作要点",
            "吴忠年鉴·2013年3月",
        ] {
            assert!(!is_running_head(t, &lex, || true, None), "{t}");
        }
        // A bilingual head's Latin name beside the Chinese one or instead of
        // it, read without the page's number too (above); the name in a
        // sentence or run into a word is none.
        for t in [
            "《DATONG YEARBOOK》2019",
            "大同年鉴 DATONG YEARBOOK 2019年卷编纂工作",
            "YEARBOOK 2019",
            "DatongYEARBOOK",
            "THE DATONG YEARBOOK IS PRINTED 2019",
            "大同年鉴2019 DATONG YEARBOOKS",
        ] {
            assert!(!is_running_head(t, &lex, || true, None), "{t}");
        }
        // A gazette's, its issue of the year set far from its name.
        let gazette = "张北县人民政府公报                                    2021年第2期";
        assert!(is_running_head(gazette, &lex, || true, None));
        assert!(!is_running_head(gazette, &lex, || false, None));
        for t in [
            "人民政府公报2021年第期",
            "某县人民政府公报2021年第2期解读",
            "《某县人民政府公报》2021年第2期",
            "1　某县人民政府公报　2021年第1期",
        ] {
            assert!(!is_running_head(t, &lex, || true, None), "{t}");
        }
    }

    /// A running head without its year, letter-spaced, or its year run
    /// into the name first: beside a page's number or naming the book.
    #[test]
    fn heads_without_a_year_or_spaced() {
        let lex = Lexicon::builtin();
        for t in [
            "大兴安岭年鉴",
            "吴忠年鉴　",
            "通 辽 年 鉴 2022",
            "通　辽　年　鉴　2022",
            "2020双鸭山年鉴",
        ] {
            assert!(is_running_head(t, &lex, || true, None), "{t}");
            assert!(!is_running_head(t, &lex, || false, None), "{t}");
        }
        // The envelope's book, its year aside; the page's number on the line.
        let alone = |t: &str, book: Option<&str>| is_running_head(t, &lex, || false, book);
        assert!(alone("大兴安岭年鉴", Some("大兴安岭年鉴（2021）")));
        assert!(!alone("黑河年鉴", Some("大兴安岭年鉴（2021）")));
        assert!(alone("·298·　　　　通 辽 年 鉴 2022", None));
        for t in [
            "《大兴安岭年鉴》",
            "编纂大兴安岭年鉴",
            "某市统计公报",
            "年鉴",
            "2020年双鸭山年鉴",
            "2020",
            "通 知 如 下",
            "关 于 年 鉴",
        ] {
            assert!(!is_running_head(t, &lex, || true, None), "{t}");
        }
        // A head with no year before a gap is read only naming the book.
        assert_eq!(glued_page("吴忠年鉴　牵头单位：市林草局", &lex, None), None);
        assert!(glued_page("吴忠年鉴　牵头单位：市林草局", &lex, Some("吴忠年鉴2013")).is_some());
        // A page's number under its head: not a year, nor a serial's digits.
        assert!(is_page_under_head("298"));
        for t in ["2020", "12", "1998", "298页"] {
            assert!(!is_page_under_head(t), "{t}");
        }
        // The book and the section with the page's number on their line.
        for t in [
            "331　双鸭山年鉴2020　文件选辑",
            "文件选辑　双鸭山年鉴2020　331",
        ] {
            assert!(is_book_and_section(t, &lex, None, None, || false), "{t}");
        }
        for t in ["双鸭山年鉴 2020　文件", "2020 双鸭山年鉴　文件"] {
            assert!(!is_book_and_section(t, &lex, None, None, || false), "{t}");
        }
    }

    /// A running head with its year first, a series' name beside a page's
    /// number, a word processor's page footer.
    #[test]
    fn heads_of_other_layouts() {
        let lex = Lexicon::builtin();
        assert!(is_running_head("2023 某某年鉴", &lex, || true, None));
        assert!(is_running_head(
            "2023 某某年鉴",
            &lex,
            || false,
            Some("某某年鉴2023")
        ));
        for t in ["2023 某某年鉴", "某某年鉴", "2023 某某年鉴编纂方案"] {
            assert!(!is_running_head(t, &lex, || false, None), "{t}");
        }
        for t in ["2023年某某年鉴", "20233 某某年鉴", "2023 2023 某某年鉴"] {
            assert!(!is_running_head(t, &lex, || true, None), "{t}");
        }
        assert!(is_set_right(&format!("{}2023 某某年鉴", " ".repeat(40))));
        assert!(is_set_right("\u{3000}".repeat(10).as_str()));
        assert!(!is_set_right("\u{3000}\u{3000}一、总体要求"));
        for t in ["某市人民政府公报", "某市人民政府行政规范性文件"] {
            assert!(is_series_head(t, &lex, || true), "{t}");
            assert!(!is_series_head(t, &lex, || false), "{t}");
        }
        for t in [
            "某市第七次全国人口普查公报",
            "2021年某市国民经济和社会发展统计公报",
            "关于某市人民政府公报的说明",
            "公报",
        ] {
            assert!(!is_series_head(t, &lex, || true), "{t}");
        }
        // (The line, a page's number beside it, and whether it is a page's.)
        for (t, beside, page) in [
            ("第4页 共7页", false, true),
            ("第 4 页　共 7 页", false, true),
            ("共7页第4页", false, true),
            ("第12页/共30页", false, true),
            ("第4页", true, true),
            ("第4页", false, false),
            ("第4页第5行", true, false),
            ("详见第4页", true, false),
            ("共7页", true, false),
            ("第页 共7页", true, false),
            ("第4条 共7页", true, false),
        ] {
            assert_eq!(is_page_of(t, || beside), page, "{t}");
        }
    }

    #[test]
    fn bare_numbers() {
        for t in ["156", "　１５６　", "7", "2021"] {
            assert!(is_bare_number(t), "{t}");
        }
        for t in ["", "12345", "·156·", "156页", "一五六", "15.6", "- 3 -"] {
            assert!(!is_bare_number(t), "{t}");
        }
    }

    #[test]
    fn page_numbers_of_a_printed_original() {
        for t in [
            "— 3 —\u{a0}",
            "— 3 —\u{2002}",
            "— 3 —\u{2003}",
            "— 3 —\u{feff}",
            "― 3 ―",
            "– 3 –",
            "— 3 — ",
            "— 3 —\t",
            "— 3 —",
            "-3-",
            "－ 12 －",
            "—3—",
            "　— 3 —　",
            "- ３ -",
            "·223·",
            "· 56 ·",
            "・12・",
            // An OCR's letters for digits between dashes.
            "- 1O -",
            "- l1 -",
            "—I2—",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["- lO -", "- Il -", "·1O·", "- 1OO0l -", "- 1x -"] {
            assert!(!is_page_number(t), "{t}");
        }
        for t in [
            "3",
            "第3页",
            "第 3 頁",
            "2020-2021",
            "-3",
            "3-",
            "第3",
            "第3条",
            "—",
            "— —",
            "第页",
            "— 12345 —",
            "— 三 —",
            "1-2-3",
        ] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn registration_codes_of_normative_documents() {
        for t in [
            "ZBCR-2022-0020007",
            "　YTCR-2019-0010003",
            "SDPR-2021-0010012",
            "HBR-2020-001",
            "XTCR—2022—00003",
            "XTCR－2022－00003",
            "XTCR–2022–00003",
        ] {
            assert!(is_registration_code(t), "{t}");
        }
        for t in [
            "ZJDC00-2021-0003",
            "ZBCR-2022",
            "ZBC-2022-0020007",
            "R-2022-0020007",
            "ZBCR-22-0020007",
            "ZBCR-2022-0020007号",
            "统一编号：ZBCR-2022-0020007",
            "ISO-9001-2015",
            "XTCR——2022——00003",
            "XTCR—2022",
        ] {
            assert!(!is_registration_code(t), "{t}");
        }
    }

    #[test]
    fn rules_of_a_printed_original() {
        for t in [
            "────────────────────",
            "------------------------------------",
            "　══════════　",
            "— — — — — — — —",
            "________",
            "━━━━━━━━★━━━━━━━━",
        ] {
            assert!(is_rule(t), "{t}");
        }
        for t in [
            "——",
            "———",
            "---",
            "－－－",
            "＿＿＿",
            "— — —",
            "——加强组织领导",
            "━━━━★━━━━★━━━━",
            "— 3 —",
            "---3---",
            "|---|---|",
            "",
            "   ",
            "2020-2021",
        ] {
            assert!(!is_rule(t), "{t}");
        }
    }

    /// A book's 文件 section named in its running head, alone or beside
    /// the book's name, spaced apart or not: a head beside a page's number
    /// or with the book; 文件 alone elsewhere, the masthead, a sentence's
    /// word, is text.
    #[test]
    fn the_section_named_wenjian() {
        let lex = Lexicon::builtin();
        for t in ["文件选辑", "文件", "文　件"] {
            assert!(is_chapter_head(t, &lex, None, || true, || false), "{t}");
            assert!(!is_chapter_head(t, &lex, None, || false, || false), "{t}");
        }
        for t in ["某市人民政府文件", "文件精神", "上级文件"] {
            assert!(!is_chapter_head(t, &lex, None, || true, || false), "{t}");
        }
        for t in [
            "塔城地区年鉴（2021）·文件选辑",
            "文件选辑·某某年鉴2021",
            "文　件　　　　　　　　博州年鉴·2022",
            "博州年鉴·2022　　　　　　　　文件",
        ] {
            assert!(is_book_and_section(t, &lex, None, None, || true), "{t}");
        }
        // Parted by a gap only, the head stands beside a page's number.
        assert!(!is_book_and_section(
            "博州年鉴·2022　　　　文件",
            &lex,
            None,
            None,
            || false
        ));
        assert!(is_book_and_section(
            "博州年鉴·2022·文件",
            &lex,
            None,
            None,
            || false
        ));
        assert!(!is_book_and_section(
            "关于转发　某某年鉴2022文件",
            &lex,
            None,
            None,
            || true
        ));
    }

    /// A page's number between a list the join left open and its next
    /// item; not a figure after a number, a digit alone (a serial cell), a
    /// figure a measure word goes on with, nor an item's marker.
    #[test]
    fn a_page_number_inside_an_open_list() {
        let open = |a: &str, t: &str, b: &str| is_page_in_open_list(a, t, b);
        let above = "责任单位：地区工业和信息化局、交通运输局、";
        for t in ["127", "〔126〕", "(126)", "（126）", " 56 "] {
            assert!(open(above, t, "市场监管局"), "{t}");
        }
        assert!(open("各县（市、区）、", "127", "市直各部门"));
        assert!(open("…深度治理，", "156", "颗粒物排放"));
        for (a, t, b) in [
            (above, "2", "市场监管局"),
            (above, "(12)", "市场监管局"),
            (above, "12345", "市场监管局"),
            (above, "127", "个乡镇"),
            (above, "127", "2020年"),
            ("第11、", "12", "号文件"),
            ("地区工业和信息化局", "127", "市场监管局"),
            (above, "127号", "市场监管局"),
        ] {
            assert!(!open(a, t, b), "{a} / {t} / {b}");
        }
    }

    /// 附件： alone over a file's name to download is the page's link; over
    /// an enclosure's title, or with its title on the line, it is none.
    #[test]
    fn an_attachment_label_over_a_download_link() {
        let lex = Lexicon::builtin();
        let label = |t: &str, next: &str| {
            let lines = Line::all(next, &lex);
            is_download_label(t, lines.first())
        };
        for next in [
            "某市春季防火期野外用火管理规定.doc",
            "1.资金管理办法.pdf",
            "名单.xlsx",
        ] {
            assert!(label("附件：", next), "{next}");
            assert!(label(" 附件: ", next), "{next}");
        }
        assert!(!label("附件：", "某市春季防火期野外用火管理规定"));
        assert!(!label("附件：1.资金管理办法", "2.资金管理细则.doc"));
        assert!(!label("附件1：", "资金管理办法.doc"));
        assert!(!is_download_label("附件：", None));
    }

    /// A Word running head: the organ and the document's own number, a
    /// wide gap between, in either order. Another number, a narrow gap, a
    /// 版记's date or a sentence is none.
    #[test]
    fn a_word_running_head_with_the_documents_own_number() {
        let lex = Lexicon::builtin();
        let own = |n: &crate::docnum::DocNumber| {
            n.issuer_code.as_deref() == Some("通政办发")
                && n.year == Some(2022)
                && n.serial == Some(9)
        };
        for t in [
            "通辽市人民政府办公室　　　　　　　　　通政办发〔2022〕9号",
            "通政办发〔2022〕9号　　　　通辽市人民政府办公室",
            "通辽市人民政府办公室        通政办发〔2022〕9号 ",
        ] {
            assert!(is_own_running_head(t, own, &lex), "{t}");
        }
        for t in [
            "通辽市人民政府办公室　　　　通政办发〔2022〕10号",
            "通辽市人民政府办公室 通政办发〔2022〕9号",
            "通辽市人民政府办公室　　　　2022年3月18日印发",
            "通辽市人民政府办公室　　　　通政办发〔2022〕9号印发",
            "依据　　　　通政办发〔2022〕9号",
            "通政办发〔2022〕9号",
            "通辽市人民政府办公室　　　　通政办发〔2022〕9号。",
        ] {
            assert!(!is_own_running_head(t, own, &lex), "{t}");
        }
    }
}
