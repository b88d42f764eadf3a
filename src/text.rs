//! Width- and script-insensitive character classes and trimming.
//!
//! Archives mix full-width and half-width punctuation (：/:, （/(, ，/,) and
//! several kinds of space (ASCII, U+3000, NBSP). Matching goes through the
//! predicates here so that the record can keep the source text as written
//! and byte offsets always point into the decoded input.

/// A dash, as a word processor or a copy prints a hyphen or a rule's piece:
/// the hyphen-minus and its full-width form, the hyphens, the en and em
/// dashes, the horizontal bar and the minus sign (- － ‐ ‑ – — ― −).
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '－' | '‐' | '‑' | '–' | '—' | '―' | '−')
}

/// Any space an archive uses for indentation or padding.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{feff}'
    )
}

pub fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：' | '∶')
}

/// The first colon of `s` (`:`, `：`, `∶`) and where it stands: found by
/// memchr on the byte each ends with.
pub fn first_colon(s: &str) -> Option<(usize, char)> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr3(b':', 0x9A, 0xB6, &b[from..]) {
        let at = from + k;
        match b[at] {
            b':' => return Some((at, ':')),
            0x9A if at >= 2 && b[at - 2..at] == [0xEF, 0xBC] => return Some((at - 2, '：')),
            0xB6 if at >= 2 && b[at - 2..at] == [0xE2, 0x88] => return Some((at - 2, '∶')),
            _ => from = at + 1,
        }
    }
    None
}

pub fn is_open_paren(c: char) -> bool {
    matches!(c, '(' | '（')
}

pub fn is_close_paren(c: char) -> bool {
    matches!(c, ')' | '）')
}

/// Any opening bracket that can enclose a note or a document-number year.
pub fn is_open_bracket(c: char) -> bool {
    matches!(
        c,
        '(' | '（' | '〔' | '[' | '［' | '【' | '〖' | '<' | '＜' | '《' | '〈' | '「' | '『'
    )
}

pub fn is_close_bracket(c: char) -> bool {
    matches!(
        c,
        ')' | '）' | '〕' | ']' | '］' | '】' | '〗' | '>' | '＞' | '》' | '〉' | '」' | '』'
    )
}

/// A quotation mark that opens a quoted word: “ ‘ 「 『. A list is never
/// split inside one (市“双随机、一公开”联席会议成员单位 is one unit).
pub fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『')
}

/// A quotation mark that closes a quoted word: ” ’ 」 』.
pub fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』')
}

/// `close` closes the bracket `open` opened: the same pair, in either
/// width (（…）, (…）, 〔…〕, 《…》). A 〕 never closes a （: in
/// （责任单位：各县〔市、区〕 the （ is still open.
pub fn closes(open: char, close: char) -> bool {
    let pair = |c: char| match c {
        '(' | '（' | ')' | '）' => 1,
        '〔' | '〕' => 2,
        '[' | '［' | ']' | '］' => 3,
        '【' | '】' => 4,
        '〖' | '〗' => 5,
        '<' | '＜' | '>' | '＞' => 6,
        '《' | '》' => 7,
        '〈' | '〉' => 8,
        '「' | '」' => 9,
        '『' | '』' => 10,
        _ => 0,
    };
    is_open_bracket(open) && is_close_bracket(close) && pair(open) == pair(close)
}

/// Separators of list items: 、 , ， ; ；
pub fn is_list_sep(c: char) -> bool {
    matches!(c, '、' | ',' | '，' | ';' | '；')
}

/// Sentence-final punctuation: a line ending with one of these is complete.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…')
}

/// `s`, trimmed, is a few marks of punctuation alone that close what stands
/// before them (。, ）。, ”；): sentence ends, closing brackets and quotes,
/// list separators. Alone on a line, the rest of the line above a wrap cut.
pub fn closes_only(s: &str) -> bool {
    let t = trim(s);
    !t.is_empty()
        && chars_at_most(t, 4)
        && t.chars().all(|c| {
            is_sentence_end(c) || is_close_bracket(c) || is_list_sep(c) || matches!(c, '”' | '’')
        })
}

/// A digit as an OCR may have read it inside a run of digits: the letter O
/// (o) or the ideographic zero 〇 (○) for 0, the letter l or I for 1, in
/// either width (2O21年, 1O月, 3o日, 〔2〇20〕, 2l号); a digit is itself. The
/// one reading of an OCR'd digit, for a number's year and serial and for the
/// years, months and days of dates and deadlines. Given as a digit of the
/// same length in bytes (O → 0; Ｏ, 〇 → ０), so a mended line keeps its
/// offsets.
pub fn ocr_digit_char(c: char) -> Option<char> {
    match c {
        '0'..='9' | '０'..='９' => Some(c),
        'O' | 'o' => Some('0'),
        'l' | 'I' => Some('1'),
        'Ｏ' | 'ｏ' | '〇' | '○' => Some('０'),
        'ｌ' | 'Ｉ' => Some('１'),
        _ => None,
    }
}

/// The value of a digit as an OCR may have read it ([`ocr_digit_char`]).
pub fn ocr_digit(c: char) -> Option<u32> {
    ocr_digit_char(c).and_then(digit_value)
}

/// ASCII or full-width decimal digit value.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// A CJK ideograph (the ranges official documents use).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
        || c == '〇'
}

/// A map keyed by a character of the grammar (the first or last character
/// of its words): looked up for characters of every line, so hashed by a
/// fast fixed hash, not SipHash (the keys are the grammar's, not the input's).
pub type CharMap<V> = std::collections::HashMap<char, V, foldhash::fast::FixedState>;

/// Folds one character to its matching form: full-width ASCII to
/// half-width, ideographic space to space.
pub fn fold(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' | '\u{a0}' => ' ',
        _ => c,
    }
}

/// The text of `src`'s source line before byte `at`: the line opens after
/// an LF or a CR, as `decode::lines` splits lines (LF, CRLF, CR alone).
pub fn line_before(src: &str, at: usize) -> &str {
    let Some(before) = src.get(..at) else {
        return "";
    };
    match memchr::memrchr2(b'\n', b'\r', before.as_bytes()) {
        Some(i) => &before[i + 1..],
        None => before,
    }
}

/// `src`'s source lines from the one holding byte `at` on, whole (their
/// spaces kept), without their line ends (LF, CRLF or CR alone).
pub fn lines_from(src: &str, at: usize) -> impl Iterator<Item = &str> {
    let at = at.min(src.len());
    let mut rest = src.get(at - line_before(src, at).len()..);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memchr2(b'\n', b'\r', r.as_bytes()) {
            Some(i) => {
                let skip = if r[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&r[i + skip..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                (!r.is_empty()).then_some(r)
            }
        }
    })
}

/// Trims every kind of space from both ends.
pub fn trim(s: &str) -> &str {
    // Most texts neither start nor end with a space: the first byte of a
    // space's UTF-8 form, or the last, is seen before any character is read.
    let s = match s.as_bytes().first() {
        Some(&b) if may_open_space(b) => s.trim_start_matches(is_space),
        _ => s,
    };
    match s.as_bytes().last() {
        Some(&b) if may_close_space(b) => s.trim_end_matches(is_space),
        _ => s,
    }
}

/// The fields of a line parted by a wide space: a tab or an ideographic
/// space, and with `two_spaces` also two spaces (a time after its date,
/// 2020-08-26 16:42, is one field either way).
pub fn wide_fields(t: &str, two_spaces: bool) -> impl Iterator<Item = &str> {
    // (Without `two_spaces`, each field is split at a tab it cannot hold:
    // itself whole.)
    let narrow = if two_spaces { "  " } else { "\t" };
    t.split(['\t', '\u{3000}'])
        .flat_map(move |f| f.split(narrow))
        .map(trim)
        .filter(|f| !f.is_empty())
}

/// The gaps between the cells of a table row flattened to text, in order,
/// as byte ranges: a run of spaces and `|` that holds a tab, an ideographic
/// space, a `|` (｜) or two other spaces or more (`牵头单位\t市发改委`,
/// `完成时限　2020年底前`, `责任单位 | 各县区`). One ASCII space between
/// words is no gap.
pub fn cell_gaps(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let gap_char = |c: char| is_space(c) || matches!(c, '|' | '｜');
    let mut chars = non_ideographs(s).peekable();
    std::iter::from_fn(move || {
        while let Some((start, c)) = chars.next() {
            if !gap_char(c) {
                continue;
            }
            let wide_char = |c: char| matches!(c, '\t' | '\u{3000}' | '|' | '｜');
            let (mut end, mut wide, mut spaces) = (start + c.len_utf8(), wide_char(c), 1);
            while let Some(&(i, c)) = chars.peek() {
                if i != end || !gap_char(c) {
                    break;
                }
                chars.next();
                end = i + c.len_utf8();
                wide |= wide_char(c);
                spaces += 1;
            }
            if wide || spaces >= 2 {
                return Some((start, end));
            }
        }
        None
    })
}

/// Byte offsets of the ideographic spaces (U+3000) in `s`: a SIMD search
/// for their three bytes, its searcher built once (`memmem::find` builds
/// one a call, which costs more than the search on a line).
pub fn ideographic_spaces(s: &str) -> impl Iterator<Item = usize> + '_ {
    static IDEOGRAPHIC_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\u{3000}".as_bytes()));
    IDEOGRAPHIC_SPACE.find_iter(s.as_bytes())
}

/// `b` is the first byte of some space's UTF-8 form ([`is_space`]).
fn may_open_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | 0xc2 | 0xe2 | 0xe3 | 0xef)
}

/// `b` is the last byte of some space's UTF-8 form ([`is_space`]).
fn may_close_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | 0x80 | 0x82 | 0x83 | 0xa0 | 0xbf)
}

/// The first character boundary of `s` at or after byte `i` (`s.len()`
/// when `i` is past its end).
pub fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Byte offset of `inner` inside `outer`; `inner` must be a subslice.
pub fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// When `s` starts with `word`, comparing folded characters and passing over
/// the pinyin readings a mirrored page inserts (`牽(qiān)頭單位`): the byte
/// length of `word` in `s`.
pub fn starts_with_folded(s: &str, word: &str) -> Option<usize> {
    // The bytes `s` and `word` share are equal characters, and where no
    // bracket is among them no reading is either: the comparison below
    // only matters from the first character that differs, and there only
    // when one of the two folds or `s` opens a reading.
    let (sb, wb) = (s.as_bytes(), word.as_bytes());
    if wb.is_empty() {
        // No character compared, so no reading passed over.
        return Some(0);
    }
    let same = sb.iter().zip(wb).take_while(|(a, b)| a == b).count();
    let mut at = same;
    while at < wb.len() && wb[at] & 0xC0 == 0x80 {
        at -= 1;
    }
    if !has_open_bracket(&wb[..at]) {
        if same == wb.len() {
            return Some(same + reading_len(&s[same..]));
        } else {
            let plain = |c: char| fold(c) == c && c != '(' && c != '（';
            match (s[at..].chars().next(), word[at..].chars().next()) {
                (None, _) => return None,
                (Some(c), Some(w)) if plain(c) && plain(w) => return None,
                _ => {}
            }
        }
    }
    starts_with_folded_by_chars(s, word)
}

/// [`starts_with_folded`] character by character.
fn starts_with_folded_by_chars(s: &str, word: &str) -> Option<usize> {
    let mut i = 0;
    for w in word.chars() {
        let c = s[i..].chars().next()?;
        if fold(c) != fold(w) {
            return None;
        }
        i += c.len_utf8();
        i += reading_len(&s[i..]);
    }
    Some(i)
}

/// The characters of `s` folded, the readings after them passed over, as
/// `starts_with_folded` walks them: `s` equals a word in its sense (the
/// whole of `s` taken) exactly when this equals the word's characters
/// folded.
pub fn folded_key(s: &str) -> String {
    folded_key_within(s, usize::MAX).unwrap_or_default()
}

/// [`folded_key`] when it has at most `most` characters; `None` as soon as
/// it would have more (a long text is not read to its end).
pub fn folded_key_within(s: &str, most: usize) -> Option<String> {
    let mut out = String::with_capacity(s.len().min(most.saturating_mul(4)));
    let mut i = 0;
    let mut n = 0;
    while let Some(c) = s[i..].chars().next() {
        n += 1;
        if n > most {
            return None;
        }
        out.push(fold(c));
        i += c.len_utf8();
        i += reading_len(&s[i..]);
    }
    Some(out)
}

/// `word`'s characters folded: the key a text's [`folded_key`] equals
/// exactly when the whole text is `word` in its sense.
pub fn folded_word(word: &str) -> String {
    word.chars().map(fold).collect()
}

/// `b` holds an opening bracket, ( or （, that may open a reading.
fn has_open_bracket(b: &[u8]) -> bool {
    b.iter()
        .enumerate()
        .any(|(i, &x)| x == b'(' || (x == 0xEF && b[i + 1..].starts_with(&[0xBC, 0x88])))
}

/// When `s` ends with `word` (folded, passing over pinyin readings, as
/// `starts_with_folded`): the byte offset where `word` starts in `s`.
pub fn ends_with_folded(s: &str, word: &str) -> Option<usize> {
    let mut p = s.len();
    for w in word.chars().rev() {
        p -= trailing_reading_len(&s[..p]);
        let c = s[..p].chars().next_back()?;
        if fold(c) != fold(w) {
            return None;
        }
        p -= c.len_utf8();
    }
    Some(p)
}

/// The last character of `s` before a pinyin reading closing it (`…號(hào)`
/// → 號): the one [`ends_with_folded`] compares first.
pub fn last_char_before_reading(s: &str) -> Option<char> {
    s[..s.len() - trailing_reading_len(s)].chars().next_back()
}

/// The length of a pinyin reading closing `s` (`…號(hào)`), or 0.
fn trailing_reading_len(s: &str) -> usize {
    if !s.ends_with([')', '）']) {
        return 0;
    }
    match s.rfind(['(', '（']) {
        Some(q) if reading_len(&s[q..]) == s.len() - q => s.len() - q,
        _ => 0,
    }
}

/// True when `s` starts with `word`, ignoring spaces inside `s` (索 引 号,
/// 标　　题) and comparing folded characters.
pub fn starts_with_spaced(s: &str, word: &str) -> bool {
    let mut it = s.chars().filter(|c| !is_space(*c));
    word.chars()
        .all(|w| it.next().is_some_and(|c| fold(c) == fold(w)))
}

/// Removes every space and folds widths: the form used to compare two
/// pieces of text (a quoted title and an enclosure heading, say).
pub fn squash(s: &str) -> String {
    squashed(s).collect()
}

/// The characters of [`squash`], made one by one.
fn squashed(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !is_space(*c)).map(fold)
}

/// `squash(a) == squash(b)`, compared character by character (no string is
/// made, and the first difference ends it).
pub fn squash_eq(a: &str, b: &str) -> bool {
    squashed(a).eq(squashed(b))
}

/// `squash(s) == form`, compared character by character: `form` is a
/// squashed string already (a quoted title kept squashed).
pub fn squashes_to(s: &str, form: &str) -> bool {
    squashed(s).eq(form.chars())
}

/// The titles quoted in 《》 in a text (outermost pairs).
pub fn quoted_titles(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let a = rest.find('《')?;
        let after = &rest[a + '《'.len_utf8()..];
        let mut depth = 1;
        for (i, c) in after.char_indices() {
            match c {
                '《' => depth += 1,
                '》' => {
                    depth -= 1;
                    if depth == 0 {
                        rest = &after[i + c.len_utf8()..];
                        return Some(&after[..i]);
                    }
                }
                _ => {}
            }
        }
        None
    })
}

/// The characters a title is compared by: no spaces, widths folded, the
/// inner quotes 〈〉 of a title quoted in 《》 read as its own 《》.
fn title_form(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !is_space(*c)).map(|c| match fold(c) {
        '〈' => '《',
        '〉' => '》',
        c => c,
    })
}

/// `quote` names the title `t` (《某市人民政府关于废止〈某办法〉的决定》).
pub fn names_title(quote: &str, t: &str) -> bool {
    title_form(quote).eq(title_form(t))
}

/// Number of characters (not bytes).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Whether `s` has at most `n` characters: answered from its byte length
/// alone (a character takes one to four bytes) unless that lies between
/// `n` and `4 n`.
pub fn chars_at_most(s: &str, n: usize) -> bool {
    if s.len() <= n {
        return true;
    }
    if s.len() > n.saturating_mul(4) {
        return false;
    }
    char_len(s) <= n
}

#[cfg(test)]
mod tests {

    #[test]
    fn trim_drops_every_space_and_only_spaces() {
        let spaces = [
            " ", "\t", "\u{3000}", "\u{a0}", "\u{2002}", "\u{2003}", "\u{feff}",
        ];
        // Characters sharing a space's first or last byte: 、 and 〔 (E3 80 …),
        // ー (E3 83 BC), ￠ (EF BF A0), ‘ (E2 80 98), ¢ (C2 A2), 倀 (E5 80 80).
        let words = ["", "一", "、", "〔", "ー", "￠", "‘", "¢", "倀", "a b"];
        for a in spaces.iter().chain(&[""]) {
            for b in spaces.iter().chain(&[""]) {
                for w in words {
                    for v in [w, &format!("{w}{w}")] {
                        let s = format!("{a}{b}{v}{b}{a}");
                        assert_eq!(trim(&s), s.trim_matches(is_space), "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn source_lines_end_with_lf_crlf_or_cr() {
        for nl in ["\n", "\r\n", "\r"] {
            let src = ["一、总则", nl, "　　二、目标", nl, "", nl, "三"].concat();
            let at = src.find('二').unwrap();
            assert_eq!(line_before(&src, at), "　　", "{nl:?}");
            let got: Vec<&str> = lines_from(&src, at + 3).collect();
            assert_eq!(got, ["　　二、目标", "", "三"], "{nl:?}");
        }
        assert_eq!(lines_from("甲\n", 0).collect::<Vec<_>>(), ["甲"]);
    }
    /// A tab, an ideographic space, a bar or two spaces part cells, with
    /// the spaces around them; one space between words does not.
    #[test]
    fn cell_gaps_of_flattened_rows() {
        let gaps = |s| super::cell_gaps(s).collect::<Vec<_>>();
        assert_eq!(gaps("牵头单位\t市发改委"), [(12, 13)]);
        assert_eq!(gaps("完成时限　　2020年底前"), [(12, 18)]);
        assert_eq!(gaps("责任单位 | 各县区｜市财政局"), [(12, 15), (24, 27)]);
        assert_eq!(gaps("牵头单位  市发改委"), [(12, 14)]);
        assert_eq!(gaps("Office of the mayor 市发改委"), []);
        assert_eq!(gaps("市发改委"), []);
    }

    #[test]
    fn a_quote_names_a_title_its_inner_quotes_aside() {
        assert!(super::names_title(
            "某市人民政府关于废止〈某市房屋拆迁管理办法〉等2件政府规章的决定",
            "某市人民政府关于废止《某市房屋拆迁管理办法》等2件政府规章的决定"
        ));
        assert!(super::names_title("某市管理办法", "某市 管理办法"));
        assert!(!super::names_title("某市管理办法", "某市管理规定"));
    }

    /// A byte inside a character moves on to the next character; one past
    /// the end stops at the end.
    #[test]
    fn ceil_char_boundary_moves_to_the_next_character() {
        let s = "文a件";
        assert_eq!(super::ceil_char_boundary(s, 0), 0);
        assert_eq!(super::ceil_char_boundary(s, 1), 3);
        assert_eq!(super::ceil_char_boundary(s, 4), 4);
        assert_eq!(super::ceil_char_boundary(s, 5), 7);
        assert_eq!(super::ceil_char_boundary(s, 99), 7);
    }

    use super::*;

    /// A wrap's rest of closing marks alone; not a word, a bracket opened,
    /// nor a blank line.
    #[test]
    fn punctuation_alone_closes() {
        for (t, closes) in [
            ("。", true),
            ("　）。", true),
            ("”；", true),
            ("份）", false),
            ("（", false),
            ("　", false),
            ("。。。。。", false),
        ] {
            assert_eq!(closes_only(t), closes, "{t}");
        }
    }

    /// The first colon of each kind, `：` and `∶` told from other
    /// characters whose UTF-8 ends with the same byte.
    #[test]
    fn first_colons() {
        assert_eq!(first_colon("牵头单位：市发改委:"), Some((12, '：')));
        assert_eq!(first_colon("a:b：c"), Some((1, ':')));
        assert_eq!(first_colon("完成时限∶2021年"), Some((12, '∶')));
        // 隊 (E9 9A 8A) and 皚 (E7 9A 9A) hold the byte 0x9A, 涶 (E6 B6 B6) 0xB6.
        assert_eq!(first_colon("隊皚涶"), None);
        assert_eq!(first_colon("隊皚涶：x"), Some((9, '：')));
        assert_eq!(first_colon(""), None);
    }

    /// The sentence pieces are `split`'s and `rsplit`'s on the three sentence
    /// ends: on every line of the sample and the cases, and on texts with the
    /// ends beside other characters of the same lead bytes (，、（ ！ ？ 。).
    #[test]
    fn sentence_pieces_as_split() {
        let mut texts = crate::testdata::sample_and_case_lines();
        for t in [
            "",
            "。",
            "。。",
            "！？",
            "a。b！c？d",
            "，、（）：；。",
            "市发改委负责。",
            "。首先！其次？",
            "句一。句二。\n句三",
            "（一）！，。？、",
            "ａ！ｂ？ｃ。ｄ",
        ] {
            texts.push(t.to_owned());
        }
        let ends = ['。', '！', '？'];
        for t in &texts {
            let t = t.as_str();
            assert_eq!(
                sentence_pieces(t).collect::<Vec<_>>(),
                t.split(ends).collect::<Vec<_>>(),
                "{t:?}"
            );
            assert_eq!(
                sentence_pieces_rev(t).collect::<Vec<_>>(),
                t.rsplit(ends).collect::<Vec<_>>(),
                "{t:?}"
            );
        }
    }

    /// `squash_eq` answers as comparing the two squashed strings: spaces of
    /// every width left out, full-width forms folded, a prefix not equal.
    #[test]
    fn squash_eq_is_equality_of_squashed_strings() {
        let texts = [
            "",
            " ",
            "\u{3000}",
            "石党发〔2020〕1号",
            "石党发 〔2020〕 1号",
            "石党发〔２０２０〕１号",
            "石党发〔2020〕11号",
            "石党发〔2020〕1",
            "石党发\u{3000}〔2020〕1号 ",
            "国发〔2019〕5号",
            "ＡＢ c",
            "AB c",
            "ABc",
            "AB",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(squash_eq(a, b), squash(a) == squash(b), "{a:?} {b:?}");
            }
        }
        // `squashes_to` compares with a form squashed already: over the
        // sample's and the cases' lines, against the form of the same line
        // widened (ASCII letters and digits full-width, an ideographic space
        // after its first character: equal) and of the next line (mostly
        // not).
        let lines = crate::testdata::sample_and_case_lines();
        let (mut equal, mut unequal) = (0, 0);
        for (k, a) in lines.iter().enumerate() {
            let widened: String = a
                .chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let wide = if c.is_ascii_alphanumeric() {
                        char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c)
                    } else {
                        c
                    };
                    std::iter::once(wide).chain((i == 0).then_some('\u{3000}'))
                })
                .collect();
            for b in [&widened, lines.get(k + 1).unwrap_or(a)] {
                let form = squash(b);
                let want = squash(a) == form;
                assert_eq!(squashes_to(a, &form), want, "{a:?} {b:?}");
                if want {
                    equal += 1;
                } else {
                    unequal += 1;
                }
            }
        }
        assert!(equal > 3_000 && unequal > 3_000, "{equal} {unequal}");
        assert!(squash_eq("石党发 〔2020〕 1号", "石党发〔２０２０〕１号"));
        assert!(!squash_eq("石党发〔2020〕1号", "石党发〔2020〕11号"));
    }

    /// `non_ideographs` is `char_indices` without U+4000–U+9FFF, and
    /// `non_ideographs_rev` the same backwards, on every line of the sample
    /// and the cases and at the range's edges.
    #[test]
    fn non_ideographs_as_char_indices() {
        let mut texts = crate::testdata::sample_and_case_lines();
        texts.extend(
            ["\u{3fff}\u{4000}a\u{9fff}\u{a000}", "𠀀市（", "", "、，。"].map(String::from),
        );
        for t in &texts {
            let want: Vec<(usize, char)> = t
                .char_indices()
                .filter(|(_, c)| !('\u{4000}'..='\u{9fff}').contains(c))
                .collect();
            assert_eq!(non_ideographs(t).collect::<Vec<_>>(), want, "{t}");
            let back: Vec<(usize, char)> = want.into_iter().rev().collect();
            assert_eq!(non_ideographs_rev(t).collect::<Vec<_>>(), back, "{t}");
        }
    }

    /// `split_outside` with either rule for an unmatched closer, against
    /// the depth counted over every character.
    #[test]
    fn split_outside_by_its_rule() {
        let (open, close) = (|c| c == '（', |c| c == '）');
        let sep = |c| c == '，';
        let pieces = |s, rule| split_outside(s, open, close, sep, rule).collect::<Vec<_>>();
        for rule in [Unmatched::Ignored, Unmatched::Counted] {
            assert_eq!(
                pieces("甲，乙（丙，丁），戊", rule),
                ["甲", "乙（丙，丁）", "戊"]
            );
            assert_eq!(pieces("", rule), [""]);
            assert_eq!(pieces("，甲，，", rule), ["", "甲", "", ""]);
            assert_eq!(pieces("（甲，乙", rule), ["（甲，乙"]);
        }
        assert_eq!(pieces("甲）乙，丙", Unmatched::Ignored), ["甲）乙", "丙"]);
        assert_eq!(
            pieces("甲）乙，丙（，丁", Unmatched::Counted),
            ["甲）乙，丙（", "丁"]
        );
        // Every line of the sample and cases split at ，outside （）, against
        // a plain scan of every character.
        let mut split = 0;
        for t in &crate::testdata::sample_and_case_lines() {
            for rule in [Unmatched::Ignored, Unmatched::Counted] {
                let (mut want, mut depth, mut from) = (Vec::new(), 0i32, 0);
                for (i, c) in t.char_indices() {
                    if open(c) {
                        depth += 1;
                    } else if close(c) {
                        depth -= 1;
                        if rule == Unmatched::Ignored {
                            depth = depth.max(0);
                        }
                    } else if depth == 0 && sep(c) {
                        want.push(&t[from..i]);
                        from = i + c.len_utf8();
                    }
                }
                want.push(&t[from..]);
                split += usize::from(want.len() > 1);
                assert_eq!(pieces(t, rule), want, "{t}");
            }
        }
        assert!(split > 100, "{split}");
    }

    #[test]
    fn stops_in_order() {
        let s = "一、总则：a;b。二、要求；c:d。";
        let want: Vec<usize> = s
            .match_indices(['。', '；', ';', '：', ':'])
            .map(|(i, _)| i)
            .collect();
        assert_eq!(stops(s).collect::<Vec<_>>(), want);
        assert_eq!(stops("无").count(), 0);
        // Every line of the sample and the cases, and each stop at many
        // offsets, next to the characters that share its lead bytes (、，（)
        // or its last byte (傂 E5 82 82).
        let mut texts = crate::testdata::sample_and_case_lines();
        for stop in ["。", "；", "：", ";", ":"] {
            for pad in 0..70 {
                let fill = "a".repeat(pad % 3) + &"、，（傂".repeat(pad / 3);
                texts.push(format!("{fill}{stop}{fill}{stop}"));
                texts.push(format!("{fill}{stop}"));
                texts.push(format!("{stop}{fill}"));
            }
        }
        let mut found = 0;
        for t in &texts {
            let want: Vec<usize> = t
                .match_indices(['。', '；', ';', '：', ':'])
                .map(|(i, _)| i)
                .collect();
            assert_eq!(stops(t).collect::<Vec<_>>(), want, "{t}");
            found += want.len();
        }
        assert!(found > 1000, "{found}");
    }

    /// `trim` answers as trimming character by character, on every line of
    /// the sample and the cases with each kind of space around it.
    #[test]
    fn trim_as_by_characters() {
        let spaces = [
            " ", "\t", "\u{3000}", "\u{a0}", "\u{2002}", "\u{2003}", "\u{feff}",
        ];
        let mut texts = crate::testdata::sample_and_case_lines();
        texts.extend(["", "。", "a", "\u{2001}", "\u{3001}", "\u{ff01}"].map(String::from));
        for sp in spaces {
            texts.extend([
                sp.to_owned(),
                format!("{sp}一、{sp}"),
                format!("{sp}{sp}市。"),
            ]);
            texts.push(format!("市{sp}"));
        }
        for t in &texts {
            assert_eq!(trim(t), t.trim_matches(is_space), "{t:?}");
        }
        for sp in spaces {
            assert_eq!(trim(&format!("{sp}市{sp}")), "市", "{sp:?}");
        }
        // Every space, the list above or not: its bytes are the ones looked for.
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| is_space(*c))
        {
            let mut enc = [0u8; 4];
            let b = c.encode_utf8(&mut enc).as_bytes();
            assert!(
                may_open_space(b[0]) && may_close_space(b[b.len() - 1]),
                "{c:?}"
            );
            assert_eq!(trim(&format!("{c}市{c}")), "市", "{c:?}");
        }
    }

    #[test]
    fn widths_fold_together() {
        assert_eq!(
            squash("牵头单位：市财政局（市国资委）"),
            "牵头单位:市财政局(市国资委)"
        );
        assert_eq!(trim("\u{3000}\u{3000}一、总体要求  "), "一、总体要求");
        assert_eq!(digit_value('７'), Some(7));
        assert!(is_colon('：') && is_colon(':'));
        assert_eq!(starts_with_folded("附件：1", "附件:"), Some("附件：".len()));
        assert!(starts_with_spaced("索 引 号：000014349", "索引号"));
        assert!(starts_with_spaced("标　　题：国务院关于", "标题"));
        assert!(!starts_with_spaced("标", "标题"));
    }
}

/// The length of a pinyin reading that a mirrored page inserts after a
/// character (`(hào)`, `（xiāng）`) at the start of `s`, or 0.
pub fn reading_len(s: &str) -> usize {
    let mut cs = s.char_indices();
    match cs.next() {
        Some((_, '(' | '（')) => {}
        _ => return 0,
    }
    let mut letters = 0;
    for (i, c) in cs {
        match c {
            ')' | '）' if letters > 0 => return i + c.len_utf8(),
            'a'..='z'
            | 'ü'
            | 'ā'
            | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
                if letters < 8 =>
            {
                letters += 1
            }
            _ => return 0,
        }
    }
    0
}

/// The character before the bracket group closing `s` (`…行为。（区财政局负责）` → 。).
pub fn before_closing_bracket(s: &str) -> Option<char> {
    closing_group(s).and_then(|i| s[..i].chars().last())
}

/// Where the bracket group closing `s` opens (`某办法》（某市人民政府令〔2003〕
/// 第6号）` → at （): read back from the end, brackets inside it passed over.
pub fn closing_group(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices().rev() {
        if is_close_bracket(c) {
            depth += 1;
        } else if is_open_bracket(c) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

#[cfg(test)]
mod bracket_tests {
    use super::*;

    /// A closing bracket closes only an opening one of its own pair, in
    /// either width.
    #[test]
    fn closes_its_own_pair_only() {
        assert!(closes('（', '）'));
        assert!(closes('(', '）'));
        assert!(closes('〔', '〕'));
        assert!(!closes('（', '〕'));
        assert!(!closes('〔', '）'));
        assert!(!closes('）', '（'));
    }

    /// A word printed letter-spaced reads without its spaces; other text,
    /// a single character, or pieces of more than one character, do not.
    #[test]
    fn letter_spaced_words() {
        assert_eq!(letter_spaced("　　通　　告").as_deref(), Some("通告"));
        assert_eq!(letter_spaced("命 令").as_deref(), Some("命令"));
        assert_eq!(letter_spaced("会 议 纪 要").as_deref(), Some("会议纪要"));
        for t in [
            "通告",
            "通",
            "梧州市 人民政府",
            "1 2",
            "通　告　书　一　二",
            "",
        ] {
            assert_eq!(letter_spaced(t), None, "{t}");
        }
        assert_eq!(title_line("某市人民政府"), "某市人民政府");
    }

    /// A line letter-spaced throughout reads without its spaces, a year or
    /// a bracketed number whole in it; a line of words, a table's row, a
    /// few spaced characters among words, do not.
    #[test]
    fn lines_spaced_out() {
        for (t, read) in [
            (
                "关 于 印 发 某 市 2020 年 秸 秆 综 合 利 用 ",
                "关于印发某市2020年秸秆综合利用",
            ),
            ("某 政 发 [2021] 9 号", "某政发[2021]9号"),
            (
                "关 于 深 化 “放 管 服” 改 革 （试 行）",
                "关于深化“放管服”改革（试行）",
            ),
        ] {
            assert_eq!(spaced_out(t).as_deref(), Some(read), "{t}");
        }
        assert_eq!(title_line("工 作 方 案 的 通 知"), "工作方案的通知");
        for t in [
            "关于 印 发 某市方案的通知",
            "深化 “放管 服” 改 革",
            "| 1 | 新建公办幼儿园10所。 |",
            "1 2 3",
            "通 知",
            "车型 大 中 小",
            "某市人民政府",
        ] {
            assert_eq!(spaced_out(t), None, "{t}");
        }
    }

    /// Letter-spacing read by runs: a title's line spaced after its organ,
    /// or before and after it, reads whole; words parted by spaces, names
    /// padded and tab-parted cells do not change.
    #[test]
    fn runs_spaced_out() {
        for (t, read) in [
            (
                "某市人民政府办公室关 于 进 一 步 加 强",
                "某市人民政府办公室关于进一步加强",
            ),
            (
                "某市人民政府办公室 关 于 进 一 步",
                "某市人民政府办公室关于进一步",
            ),
            (
                "加 快 推 进 数字经济发展的意见",
                "加快推进数字经济发展的意见",
            ),
            ("压 实 安 全 生 产 责 任", "压实安全生产责任"),
            ("2022 年 春 季 工 作", "2022 年春季工作"),
        ] {
            assert_eq!(spaced_runs(t).as_deref(), Some(read), "{t}");
        }
        for t in [
            "中共某市委　某市人民政府关于加强管理的通知",
            "县长　王　强",
            "王　刚　某县消防救援大队",
            "某县总工会　团　委　某县妇女联合会关于…",
            "关 于 进一步加强管理的通知",
            "牵头单位：市应急管理局\t配合单位：市经信局",
            "某市人民政府",
        ] {
            assert_eq!(spaced_runs(t), None, "{t}");
        }
        assert_eq!(
            title_line("某市人民政府关 于 加 快 推 进"),
            "某市人民政府关于加快推进"
        );
    }

    #[test]
    fn offsets_of_a_character() {
        let s = "一、加强领导。二是（完善）机制。年底前完成；年内";
        for c in ['。', '、', '；', '年', '（', '二', 'x'] {
            let want: Vec<usize> = s.match_indices(c).map(|(i, _)| i).collect();
            assert_eq!(offsets_of(s, c).collect::<Vec<_>>(), want, "{c}");
        }
        assert_eq!(offsets_of("", '。').next(), None);
        // A lead byte at the very end, its character cut off: no match.
        assert_eq!(offsets_of("ab", 'b').collect::<Vec<_>>(), vec![1]);
    }

    /// `chars_at_most` answers as counting the characters does, on every
    /// line of the sample and around each bound (ASCII, ideographs, four-byte
    /// characters).
    #[test]
    fn at_most_n_characters() {
        let sample = crate::testdata::SAMPLE;
        let mut texts: Vec<String> = sample.lines().map(String::from).collect();
        for unit in ["a", "市", "𠀀"] {
            texts.extend((0..=13).map(|k| unit.repeat(k)));
        }
        for t in &texts {
            for n in [0, 1, 3, 4, 12, 30, 80, 150] {
                assert_eq!(chars_at_most(t, n), char_len(t) <= n, "{n}: {t}");
            }
        }
    }

    /// `find_char`, `rfind_char` and `has_char` answer as `str::find`,
    /// `str::rfind` and `str::contains` on every line of the sample.
    #[test]
    fn first_and_last_of_a_character() {
        let sample = crate::testdata::SAMPLE;
        for line in sample.lines().chain(["", "。", "a。b。"]) {
            for c in ['。', '、', '；', '（', '年', '市', 'a'] {
                assert_eq!(find_char(line, c), line.find(c), "{c} in {line}");
                assert_eq!(rfind_char(line, c), line.rfind(c), "{c} in {line}");
                assert_eq!(has_char(line, c), line.contains(c), "{c} in {line}");
            }
        }
    }

    /// `starts_with_folded` answers as comparing character by character,
    /// for every label and portal word of the grammar against every line of
    /// the sample and the cases, their first characters widened and
    /// narrowed, with readings inserted and cut at every character.
    #[test]
    fn folded_prefix_as_by_characters() {
        let lex = crate::Lexicon::builtin();
        let mut words: Vec<String> = lex.labels.iter().map(|(l, _)| l.clone()).collect();
        words.extend(lex.portal.iter().cloned());
        words.extend(
            [
                "附件:",
                "附件：",
                "(一)",
                "（一）",
                "a(b)",
                "牽頭",
                "",
                "Ａ",
            ]
            .map(String::from),
        );
        let mut texts = crate::testdata::sample_and_case_lines();
        texts.extend(["(hào)", "(a)x", "（ā）"].map(String::from));
        let widen = |c: char| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
            ' ' => '\u{3000}',
            _ => c,
        };
        let mut widened: Vec<String> = words.iter().map(|w| squash(w)).collect();
        widened.extend(
            words
                .iter()
                .map(|w| w.chars().map(widen).collect::<String>()),
        );
        for w in words.iter().chain(&widened) {
            texts.push(format!("{w}：x"));
            texts.push(w.replace(':', "："));
            let mut read = String::new();
            for c in w.chars() {
                read.push(c);
                read.push_str("(hào)");
                texts.push(read.clone());
            }
            for (i, _) in w.char_indices() {
                texts.push(w[..i].to_owned());
            }
        }
        for t in &texts {
            let t = trim(t);
            for w in words.iter().chain(&widened) {
                assert_eq!(
                    starts_with_folded(t, w),
                    starts_with_folded_by_chars(t, w),
                    "{w} at {t}"
                );
            }
        }
    }

    /// A folded key equals a word folded exactly when the whole text
    /// matches the word by `starts_with_folded`.
    #[test]
    fn folded_key_as_whole_match() {
        let lex = crate::Lexicon::builtin();
        let mut words: Vec<String> = lex.labels.iter().map(|(l, _)| l.clone()).collect();
        for list in [&lex.column_serial, &lex.column_task, &lex.column] {
            words.extend(list.iter().cloned());
        }
        words.extend(["Ａ", "a", "", "(一)"].map(String::from));
        let mut texts: Vec<String> = crate::testdata::SAMPLE.lines().map(String::from).collect();
        for w in &words {
            texts.push(w.chars().flat_map(|c| [c, '（']).collect());
            texts.push(w.chars().map(|c| format!("{c}(hào)")).collect());
            texts.push(w.chars().map(|c| format!("{c}（ｈ）")).collect());
            texts.push(squash(w));
            texts.push(w.clone());
        }
        for t in &texts {
            let key = folded_key(t);
            for w in &words {
                let whole = starts_with_folded(t, w).is_some_and(|n| n == t.len());
                assert_eq!(key == folded_word(w), whole, "{w} / {t}");
            }
        }
    }

    #[test]
    fn matching_passes_over_readings() {
        assert_eq!(
            starts_with_folded("牽(qiān)頭單位：", "牽頭單位"),
            Some("牽(qiān)頭單位".len())
        );
        assert_eq!(starts_with_folded("牵头单位", "牵头"), Some("牵头".len()));
        assert_eq!(starts_with_folded("牵", "牵头"), None);
        assert_eq!(
            ends_with_folded("的通(tōng)知(zhī)", "通知"),
            Some("的".len())
        );
        assert_eq!(ends_with_folded("的通知", "通知"), Some("的".len()));
        assert_eq!(ends_with_folded("方案（试行）", "方案"), None);
    }

    #[test]
    fn pinyin_readings() {
        assert_eq!(reading_len("(hào)號"), "(hào)".len());
        assert_eq!(reading_len("（xiāng）"), "（xiāng）".len());
        assert_eq!(reading_len("(2020)"), 0);
        assert_eq!(reading_len("(试行)"), 0);
        assert_eq!(reading_len("()"), 0);
        assert_eq!(reading_len("号"), 0);
    }

    #[test]
    fn char_before_a_closing_bracket() {
        assert_eq!(
            before_closing_bracket("打击侵权行为。（区财政局负责）"),
            Some('。')
        );
        assert_eq!(
            before_closing_bracket("统筹推进（2021—2023年）"),
            Some('进')
        );
        assert_eq!(before_closing_bracket("（各部门（单位）负责）"), None);
        assert_eq!(before_closing_bracket("没有括号"), None);
    }
}

/// Byte offsets of `c` in `s`, in order. A SIMD search for the *first*
/// byte of its UTF-8 form, the rest compared: for punctuation (ASCII, and
/// the CJK and full-width forms led by E3 and EF, bytes no ideograph
/// starts with) far fewer false starts than a search for the last byte (a
/// continuation byte every few ideographs share), which `str::find` does.
pub fn offsets_of(s: &str, c: char) -> impl Iterator<Item = usize> + '_ {
    let mut enc = [0u8; 4];
    let n = c.encode_utf8(&mut enc).len();
    let b = s.as_bytes();
    memchr::memchr_iter(enc[0], b).filter(move |&i| b[i..].starts_with(&enc[..n]))
}

/// The first byte offset of `c` in `s` ([`offsets_of`]: `str::find` by the
/// first byte of the character).
pub fn find_char(s: &str, c: char) -> Option<usize> {
    offsets_of(s, c).next()
}

/// The last byte offset of `c` in `s`, searched from the end by its first byte.
pub fn rfind_char(s: &str, c: char) -> Option<usize> {
    let mut enc = [0u8; 4];
    let n = c.encode_utf8(&mut enc).len();
    let b = s.as_bytes();
    memchr::memrchr_iter(enc[0], b).find(|&i| b[i..].starts_with(&enc[..n]))
}

/// Whether `s` holds `c` ([`find_char`]).
pub fn has_char(s: &str, c: char) -> bool {
    find_char(s, c).is_some()
}

/// Byte offsets in `s` of the three-byte marks `is_mark` takes, among the
/// characters led by E3 or EF (CJK and full-width punctuation): a SIMD
/// search for those lead bytes, which no character of U+4000–U+9FFF starts
/// with, each candidate's three bytes then compared in full.
fn wide_marks<'s>(
    s: &'s str,
    is_mark: fn(&[u8]) -> bool,
) -> impl DoubleEndedIterator<Item = usize> + 's {
    let b = s.as_bytes();
    memchr::memchr2_iter(0xe3, 0xef, b).filter(move |&i| b.get(i..i + 3).is_some_and(is_mark))
}

/// Byte offsets of the sentence ends 。！？ in `s` (each three bytes).
fn sentence_ends(s: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    // 。 E3 80 82, ！ EF BC 81, ？ EF BC 9F.
    wide_marks(s, |m| {
        matches!(
            m,
            [0xe3, 0x80, 0x82] | [0xef, 0xbc, 0x81] | [0xef, 0xbc, 0x9f]
        )
    })
}

/// The pieces of `s` between sentence ends, first to last: what
/// `s.split(['。', '！', '？'])` gives, without decoding every character.
pub fn sentence_pieces(s: &str) -> impl Iterator<Item = &str> + '_ {
    let mut ends = sentence_ends(s);
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match ends.next() {
            Some(i) => {
                start = Some(i + 3);
                Some(&s[from..i])
            }
            None => {
                start = None;
                Some(&s[from..])
            }
        }
    })
}

/// The same pieces last to first: what `s.rsplit(['。', '！', '？'])` gives.
pub fn sentence_pieces_rev(s: &str) -> impl Iterator<Item = &str> + '_ {
    let mut ends = sentence_ends(s);
    let mut end = Some(s.len());
    std::iter::from_fn(move || {
        let to = end?;
        match ends.next_back() {
            Some(i) => {
                end = Some(i);
                Some(&s[i + 3..to])
            }
            None => {
                end = None;
                Some(&s[..to])
            }
        }
    })
}

/// Byte offsets of the clause stops in `s` (。；：and ASCII ; :), in order:
/// found with SIMD byte searches for their first bytes, not by decoding
/// every character.
pub fn stops(s: &str) -> impl Iterator<Item = usize> + '_ {
    // 。 E3 80 82, ； EF BC 9B, ： EF BC 9A.
    let wide = wide_marks(s, |m| {
        matches!(
            m,
            [0xe3, 0x80, 0x82] | [0xef, 0xbc, 0x9b] | [0xef, 0xbc, 0x9a]
        )
    });
    let ascii = memchr::memchr2_iter(b';', b':', s.as_bytes());
    merged(wide, ascii)
}

/// `t` trimmed, when its second character is a space (a letter-spaced
/// line's first sign): most lines are answered by that character.
fn opens_spaced(t: &str) -> Option<&str> {
    let t = trim(t);
    let mut cs = t.chars();
    cs.next();
    cs.next().is_some_and(is_space).then_some(t)
}

/// A word printed letter-spaced, as a genre word under its organ is (通　　告,
/// 命　令): two to four ideographs, each alone between spaces; the word
/// without its spaces, or `None` for any other text.
pub fn letter_spaced(t: &str) -> Option<String> {
    let t = opens_spaced(t)?;
    let mut word = String::new();
    let mut pieces = 0;
    for p in t.split(is_space).filter(|p| !p.is_empty()) {
        let mut cs = p.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if is_han(c) => word.push(c),
            _ => return None,
        }
        pieces += 1;
    }
    (2..=4).contains(&pieces).then_some(word)
}

/// A line printed letter-spaced throughout, as the title of a scanned page
/// reads once recognised (关 于 印 发 某 市 2020 年 秸 秆 综 合 利 用): three
/// ideographs or more each alone between spaces, more than half the pieces,
/// and no piece of more than one character that holds an ideograph but an
/// ideograph with its quote or bracket (a year or a bracketed one, 2020,
/// [2021], stands whole); the line without its spaces, or `None` for any
/// other text.
pub fn spaced_out(t: &str) -> Option<String> {
    let t = opens_spaced(t)?;
    let (mut singles, mut pieces) = (0usize, 0usize);
    for p in t.split(is_space).filter(|p| !p.is_empty()) {
        pieces += 1;
        // (An ideograph with its quote or bracket is alone as well: “放 管 服”.)
        match p.chars().filter(|&c| is_han(c)).count() {
            0 => {}
            1 if p.chars().all(|c| {
                is_han(c) || is_open_bracket(c) || is_close_bracket(c) || "“”‘’\"".contains(c)
            }) =>
            {
                singles += 1
            }
            _ => return None,
        }
    }
    (singles >= 3 && 2 * singles > pieces).then(|| t.chars().filter(|c| !is_space(*c)).collect())
}

/// A line letter-spaced in part, as an OCR export prints a title whose
/// organ it read unspaced (某市人民政府办公室关 于 进 一 步 加 强): letter-spacing
/// belongs to runs, ideographs each parted from the next by one space, three
/// of them or more standing alone between spaces (the run's first and last
/// may be the ends of words, 关 and 于 above); the line with the spaces of
/// its runs taken out, or `None` when it holds no such run. (Words parted by
/// a space, 中共某市委　某市人民政府, a two-character name padded, 县长　王　强,
/// 总工会　团　委　妇联, or a tab between cells, are no run.)
pub fn spaced_runs(t: &str) -> Option<String> {
    let gap = |c: char| matches!(c, ' ' | '\u{3000}' | '\u{a0}');
    // (Most lines hold no run: looked for first by the gaps' bytes, ASCII
    // 20, C2 A0 and E3 80 80, an ideograph each side of one and another
    // gap and ideograph after it, without allocating.)
    let b = t.as_bytes();
    let gap_len = |i: usize| match b.get(i) {
        Some(b' ') => 1,
        Some(0xc2) if b.get(i + 1) == Some(&0xa0) => 2,
        Some(0xe3) if b.get(i + 1..i + 3) == Some(&[0x80, 0x80][..]) => 3,
        _ => 0,
    };
    let han_after = |i: usize| {
        t[i..]
            .chars()
            .next()
            .filter(|&c| is_han(c))
            .map(char::len_utf8)
    };
    // (Two gaps at least, counted by fast searches first: most lines hold
    // none but a signature's padding.)
    let gaps = memchr::memchr_iter(b' ', b).take(2).count()
        + ideographic_spaces(t).take(2).count()
        + memchr::memchr_iter(0xc2, b)
            .filter(|&i| b.get(i + 1) == Some(&0xa0))
            .take(2)
            .count();
    if gaps < 2 {
        return None;
    }
    let maybe = memchr::memchr3_iter(b' ', 0xc2, 0xe3, b).any(|i| {
        let g = gap_len(i);
        g > 0
            && t[..i].chars().next_back().is_some_and(is_han)
            && han_after(i + g).is_some_and(|n| {
                let j = i + g + n;
                let g2 = gap_len(j);
                g2 > 0 && han_after(j + g2).is_some()
            })
    });
    if !maybe {
        return None;
    }
    let cs: Vec<char> = t.chars().collect();
    let han_at = |j: usize| cs.get(j).copied().is_some_and(is_han);
    // A space between two ideographs, one character each side: a link.
    let link =
        |j: usize| j > 0 && cs.get(j).copied().is_some_and(gap) && han_at(j - 1) && han_at(j + 1);
    // An ideograph with a space or the line's edge on each side.
    let lone = |j: usize| (j == 0 || gap(cs[j - 1])) && cs.get(j + 1).is_none_or(|&c| gap(c));
    let mut keep = vec![true; cs.len()];
    let mut j = 1;
    while j < cs.len() {
        if !link(j) {
            j += 1;
            continue;
        }
        // Links two apart chain the ideograph between them: j-1, j+1, ….
        let mut end = j;
        while link(end + 2) {
            end += 2;
        }
        if (j - 1..=end + 1).step_by(2).filter(|&k| lone(k)).count() >= 3 {
            for k in (j..=end).step_by(2) {
                keep[k] = false;
            }
        }
        j = end + 2;
    }
    keep.contains(&false).then(|| {
        cs.iter()
            .zip(&keep)
            .filter_map(|(c, k)| k.then_some(*c))
            .collect()
    })
}

/// A line as a title's line reads, when letter-spacing changes it: spaced
/// throughout (`spaced_out`) or in runs (`spaced_runs`), without its spaces.
pub fn spaced_reading(t: &str) -> Option<String> {
    spaced_out(t).or_else(|| spaced_runs(t))
}

/// A title's line as it reads: a letter-spaced word or line without its
/// spaces (`letter_spaced`, `spaced_reading`), any other line as it is.
pub fn title_line(t: &str) -> std::borrow::Cow<'_, str> {
    match letter_spaced(t).or_else(|| spaced_reading(t)) {
        Some(w) => std::borrow::Cow::Owned(w),
        None => std::borrow::Cow::Borrowed(t),
    }
}

/// How a scan outside brackets counts a closing bracket that has no opener.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmatched {
    /// Passed over: the depth stays at zero, and the separators after it
    /// are outside.
    Ignored,
    /// Taken below zero: the separators after it are inside until as many
    /// openers have come.
    Counted,
}

/// The pieces of `s` between the separators that stand outside brackets,
/// in order, as the scan reaches each (a reader that stops early reads no
/// further); a text without such a separator is one piece, and two
/// separators in a row leave an empty one. `open`, `close` and `sep` must
/// take no character of U+4000–U+9FFF: the scan passes over those by their
/// first byte ([`non_ideographs`]).
pub fn split_outside<'t>(
    s: &'t str,
    open: impl Fn(char) -> bool + 't,
    close: impl Fn(char) -> bool + 't,
    sep: impl Fn(char) -> bool + 't,
    unmatched: Unmatched,
) -> impl Iterator<Item = &'t str> + 't {
    split_outside_seeing(s, None, open, close, sep, unmatched)
}

/// [`split_outside`], the scan also seeing the one ideograph `seen` (丶,
/// an OCR's 、, in a list that holds one), which `sep` may take.
pub fn split_outside_seeing<'t>(
    s: &'t str,
    seen: Option<char>,
    open: impl Fn(char) -> bool + 't,
    close: impl Fn(char) -> bool + 't,
    sep: impl Fn(char) -> bool + 't,
    unmatched: Unmatched,
) -> impl Iterator<Item = &'t str> + 't {
    let mut chars = non_ideographs_but(s, seen);
    let mut depth = 0i32;
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        for (i, c) in chars.by_ref() {
            if open(c) {
                depth += 1;
            } else if close(c) {
                depth -= 1;
                if unmatched == Unmatched::Ignored {
                    depth = depth.max(0);
                }
            } else if depth == 0 && sep(c) {
                start = Some(i + c.len_utf8());
                return Some(&s[from..i]);
            }
        }
        start = None;
        Some(&s[from..])
    })
}

/// The characters of `s` outside U+4000–U+9FFF, with their byte offsets,
/// in order. The ideographs of running text are passed over by their first
/// byte (E4–E9 leads exactly those characters) without being decoded: for
/// a scan looking for punctuation, which none of them is.
pub fn non_ideographs(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    non_ideographs_but(s, None)
}

/// [`non_ideographs`], and the ideograph `seen` where it stands.
fn non_ideographs_but(s: &str, seen: Option<char>) -> impl Iterator<Item = (usize, char)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&x) = b.get(i) {
            if (0xe4..=0xe9).contains(&x) && !seen.is_some_and(|c| s[i..].starts_with(c)) {
                i += 3;
                continue;
            }
            let c = s[i..].chars().next()?;
            let at = i;
            i += c.len_utf8();
            return Some((at, c));
        }
        None
    })
}

/// The characters of U+4000–U+9FFF that `looked_for` takes: a scan through
/// [`non_ideographs`] sees every character it looks for when this is empty.
#[cfg(test)]
pub fn passed_over(looked_for: impl Fn(char) -> bool) -> Vec<char> {
    ('\u{4000}'..='\u{9fff}')
        .filter(|&c| looked_for(c))
        .collect()
}

/// [`non_ideographs`] from the end of `s` back to its start.
pub fn non_ideographs_rev(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let b = s.as_bytes();
    let mut end = s.len();
    std::iter::from_fn(move || loop {
        // A lead byte E4–E9 three bytes back opens the character ending here.
        if end >= 3 && (0xe4..=0xe9).contains(&b[end - 3]) {
            end -= 3;
            continue;
        }
        let c = s[..end].chars().next_back()?;
        end -= c.len_utf8();
        return Some((end, c));
    })
}

/// Two ascending sequences of offsets as one.
pub fn merged<A, B>(a: A, b: B) -> impl Iterator<Item = usize>
where
    A: Iterator<Item = usize>,
    B: Iterator<Item = usize>,
{
    Merge {
        a: a.peekable(),
        b: b.peekable(),
    }
}

/// Two ascending sequences of offsets merged into one.
struct Merge<A: Iterator<Item = usize>, B: Iterator<Item = usize>> {
    a: std::iter::Peekable<A>,
    b: std::iter::Peekable<B>,
}

impl<A: Iterator<Item = usize>, B: Iterator<Item = usize>> Iterator for Merge<A, B> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        match (self.a.peek(), self.b.peek()) {
            (Some(x), Some(y)) if x <= y => self.a.next(),
            (Some(_), None) => self.a.next(),
            _ => self.b.next(),
        }
    }
}
