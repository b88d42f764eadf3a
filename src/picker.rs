//! A web page's font-size picker (字号：大 中 小, 【字体：[大] [中] [小]】):
//! its word and its sizes, the page's furniture wherever it stands — alone,
//! closing a line of the page's metadata, or cut by a wrap. The words are
//! words.tsv's `picker` and `picker_size`.

use crate::lexicon::Lexicon;
use crate::text;

/// A run read as the picker's sizes: the sizes in the order met, and the
/// square brackets left open (negative when more close than open).
#[derive(Debug, Default)]
struct Sizes {
    sizes: String,
    open: i32,
}

impl Sizes {
    /// All the sizes, in their order (大中小).
    fn all(&self, lex: &Lexicon) -> bool {
        self.sizes.len() == lex.picker_size.iter().map(String::len).sum::<usize>()
            && lex
                .picker_size
                .iter()
                .try_fold(self.sizes.as_str(), |rest, w| rest.strip_prefix(w.as_str()))
                .is_some()
    }

    /// All the sizes, every bracket closed.
    fn whole(&self, lex: &Lexicon) -> bool {
        self.all(lex) && self.open == 0
    }
}

/// `s` read as a run of the picker's sizes from `open` brackets left open
/// before it: sizes, spaces, colons and brackets only; None when it holds
/// anything else.
fn read(lex: &Lexicon, s: &str, open: i32) -> Option<Sizes> {
    let mut run = Sizes {
        sizes: String::new(),
        open,
    };
    for c in s.chars() {
        match c {
            '[' | '【' | '［' => run.open += 1,
            ']' | '】' | '］' => run.open -= 1,
            c if text::is_space(c)
                || text::is_colon(c)
                || text::is_open_paren(c)
                || text::is_close_paren(c) => {}
            c if lex.picker_size.iter().any(|w| w.starts_with(c)) => run.sizes.push(c),
            _ => return None,
        }
    }
    Some(run)
}

/// `t` is the sizes alone, in brackets or not ([ 大 中 小 ], 【大 中 小】).
pub fn sizes_only(lex: &Lexicon, t: &str) -> bool {
    read(lex, t, 0).is_some_and(|s| s.all(lex))
}

/// The end of the picker's last word in `t` (…字号│：大 中 小).
fn word_end(lex: &Lexicon, t: &str) -> Option<usize> {
    lex.picker
        .iter()
        .filter_map(|w| t.rfind(w.as_str()).map(|at| at + w.len()))
        .max()
}

/// A short line ending with the picker after its word (字号：大 中 小,
/// 字号：[ 大 中 小 ], 86　字号:大中小, 【字体：大 中 小】): nothing but the
/// sizes, parted by spaces or brackets or not, after the word and a colon or
/// a space; no comma or stop in the line (…标题字号分为大中小 is a sentence,
/// 车型　大　中　小 a table's row).
pub fn is_picker_line(lex: &Lexicon, s: &str) -> bool {
    // (Most lines end otherwise: answered by their last characters first.)
    let t = text::trim(s);
    let last = lex.picker_size.last().and_then(|w| w.chars().next_back());
    if !t
        .trim_end_matches(|c: char| {
            text::is_space(c) || matches!(c, ']' | '】' | '］') || text::is_close_paren(c)
        })
        .ends_with(|c| Some(c) == last)
        || !text::chars_at_most(t, 40)
        || t.contains(['，', ',', '。'])
    {
        return false;
    }
    // (Or the word's last character opening the line, a wrap before it:
    // …浏览次数:1286　字 / 号:大 中 小.)
    let key = word_end(lex, t).or_else(|| {
        let c = t.chars().next()?;
        lex.picker
            .iter()
            .any(|w| w.ends_with(c))
            .then_some(c.len_utf8())
    });
    let Some(at) = key else {
        return false;
    };
    let rest = &t[at..];
    rest.starts_with(|c: char| text::is_colon(c) || text::is_space(c)) && sizes_only(lex, rest)
}

/// A line of the page's tools with the picker among them, a wide gap
/// parting each field (字号：[ 大 中 小 ]　　　浏览次数：2318, [ 大 中 小 ]　打印,
/// 字号 大 中 小　打印本页　关闭窗口): one field the picker, its word or not,
/// every other a portal word or a `page_tool` word alone in its brackets
/// or not (打印, 【关闭】). A table's row of sizes has no field holding them
/// all (车型　大　中　小), and a sentence is no such field. Without the
/// picker, two `page_tool` words or more and nothing else ([打印]　[关闭]).
pub fn is_tool_row(lex: &Lexicon, s: &str) -> bool {
    // (Most lines are long, or hold no wide gap inside them, or a stop:
    // answered by a look first, the sizes sought last.)
    let t = text::trim(s);
    if !text::chars_at_most(t, 60)
        || memchr::memchr(b'\t', t.as_bytes()).is_none()
            && text::ideographic_spaces(t).next().is_none()
        || text::has_char(t, '，')
        || text::has_char(t, '。')
    {
        return false;
    }
    let last = lex.picker_size.last().and_then(|w| w.chars().next());
    if !last.is_some_and(|c| text::has_char(t, c)) {
        return tools_only(lex, t);
    }
    let (mut pickers, mut others) = (0, 0);
    for f in text::wide_fields(t, false) {
        if sizes_only(lex, f) || is_picker_line(lex, f) {
            pickers += 1;
        } else if is_tool(lex, f) {
            others += 1;
        } else {
            return false;
        }
    }
    pickers == 1 && others > 0
}

/// `t` holds two fields or more, each a `page_tool` word alone, in its
/// brackets or not ([打印]　[关闭], 收藏　分享): the page's tools without the
/// picker. (A portal word is not enough: a table's header may open with
/// one, 标题　文号.)
fn tools_only(lex: &Lexicon, t: &str) -> bool {
    let mut fields = 0;
    for f in text::wide_fields(t, false) {
        if !lex
            .page_tool
            .iter()
            .any(|w| text::squash_eq(unbracketed(f), w))
        {
            return false;
        }
        fields += 1;
    }
    fields > 1
}

/// `f`, a field of the page's tools: a `page_tool` word alone, in its
/// brackets or not (打印, 【关闭】), or a portal word opening it (打印本页,
/// 浏览次数：2318).
fn is_tool(lex: &Lexicon, f: &str) -> bool {
    lex.page_tool
        .iter()
        .any(|w| text::squash_eq(unbracketed(f), w))
        || lex.is_portal(f)
}

/// A tool's field without the square brackets a page prints round it
/// (【关闭】, [打印]).
fn unbracketed(f: &str) -> &str {
    f.trim_start_matches(['[', '【', '［'])
        .trim_end_matches([']', '】', '］'])
}

/// `head`, the first field of the line under a row of the page's tools,
/// completes that row's last field `last`, a tool's name a wrap cut (…打印本页
/// 　关闭 / 窗口, 【打印 / 本页】): the two halves, their brackets passed over,
/// are a `page_tool` or portal word whole, no more.
pub fn is_cut_tool(lex: &Lexicon, last: &str, head: &str) -> bool {
    let (last, head) = (unbracketed(last), unbracketed(head));
    if last.is_empty() || head.is_empty() {
        return false;
    }
    let joined = [last, head].concat();
    lex.page_tool
        .iter()
        .chain(&lex.portal)
        .any(|w| text::squash_eq(&joined, w.trim_start_matches('【')))
}

/// `t`, trimmed, is the rest of the picker `above` ends with, a wrap
/// cutting it, and then the page's tools or nothing (…字体：[大] [中] [小 /
/// ]　　[打印本页], …字体：[大 / ] [中] [小]).
pub fn is_cut_rest(lex: &Lexicon, above: &str, t: &str) -> bool {
    let Some(end) = word_end(lex, above) else {
        return false;
    };
    // (Its bracket may open before the word, 【字体：大 中 / 小】.)
    let word = lex
        .picker
        .iter()
        .find(|w| above[..end].ends_with(w.as_str()))
        .map_or(0, String::len);
    let before = i32::from(above[..end - word].ends_with(['[', '【', '［']));
    let sizes = &above[end..];
    let (head, tools) = t.split_once(['\t', '\u{3000}']).unwrap_or((t, ""));
    let tool = |f: &str| f.trim_start_matches(['[', '【']).is_empty() || is_tool(lex, f);
    let cut = read(lex, sizes, before).is_some_and(|s| !s.all(lex) || s.open > 0);
    cut && read(lex, &[sizes, head].concat(), before).is_some_and(|s| s.whole(lex))
        && text::wide_fields(tools, false).all(tool)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The picker alone, closing a line, or cut by a wrap; the same sizes in
    /// a sentence or a table's row are none.
    #[test]
    fn pickers() {
        let lex = Lexicon::builtin();
        assert!(sizes_only(&lex, "[ 大 中 小 ]"));
        assert!(sizes_only(&lex, "【大 中 小】"));
        assert!(!sizes_only(&lex, "【小 中 大】"));
        assert!(!sizes_only(&lex, "【大 中】"));
        assert!(is_picker_line(&lex, "字号：大 中 小"));
        assert!(is_picker_line(&lex, "86　字号:大中小"));
        assert!(is_picker_line(&lex, "【字体：大 中 小】"));
        assert!(is_picker_line(&lex, "号:大 中 小"));
        assert!(!is_picker_line(&lex, "标题字号分为大中小"));
        assert!(!is_picker_line(&lex, "车型　大　中　小"));
        assert!(!is_picker_line(&lex, "字号：大 中 小，正文三号"));
    }

    /// The picker among the page's tools, each parted by a wide gap; sizes
    /// in a table's row, or beside a word that is no tool, are none.
    #[test]
    fn tool_rows() {
        let lex = Lexicon::builtin();
        for t in [
            "字号：[ 大 中 小 ]　　　浏览次数：2318",
            "[ 大 中 小 ]　打印",
            "字号 大 中 小　打印本页　关闭窗口",
            "【打印】\t【字体：大 中 小】\t【关闭】",
            "[打印]　[关闭]",
            "【收藏】　【打印】　【关闭】",
        ] {
            assert!(is_tool_row(&lex, t), "{t}");
        }
        for t in [
            "字号：[ 大 中 小 ]",
            "车型　大　中　小",
            "[ 大 中 小 ]　打印机采购",
            "规格　大 中 小　按需配置",
            "打印本页　关闭窗口",
            "[打印]",
            "标题　文号",
            "打印　文件名称",
        ] {
            assert!(!is_tool_row(&lex, t), "{t}");
        }
    }

    /// A tool's name cut by a wrap: its halves are one tool whole.
    #[test]
    fn a_tool_cut_by_a_wrap() {
        let lex = Lexicon::builtin();
        assert!(is_cut_tool(&lex, "关闭", "窗口"));
        assert!(is_cut_tool(&lex, "【打印", "本页】"));
        assert!(!is_cut_tool(&lex, "关闭", "窗口期"));
        assert!(!is_cut_tool(&lex, "关闭", ""));
        assert!(!is_cut_tool(&lex, "各县区", "人民政府"));
    }

    /// The picker cut by a wrap, its rest under it with the page's tools or
    /// alone; a picker whole already, or text under it, is none.
    #[test]
    fn a_picker_cut_by_a_wrap() {
        let lex = Lexicon::builtin();
        let rest = |a: &str, t: &str| is_cut_rest(&lex, a, t);
        assert!(rest(
            "发布日期：2021-06-04　　字体：[大] [中] [小",
            "]　　[打印本页]"
        ));
        assert!(rest(
            "发布日期：2021-06-04　　字体：[大",
            "] [中] [小]　　[打印本页]"
        ));
        assert!(rest("【字体：大 中", "小】"));
        assert!(!rest(
            "【字体：大 中 小】",
            "各区人民政府，市人民政府各部门："
        ));
        assert!(!rest("【字体：大 中 小】", "】"));
        assert!(!rest("字体：[大", "] [中] [小]　　某市人民政府办公室"));
        assert!(!rest("发布日期：2021-06-04", "] [中] [小]"));
    }
}
