//! The label, genre and organ tables of `grammar/`, loaded at start-up.
//!
//! The files are embedded in the binary; `Lexicon::from_dir` reads a user's
//! edited copy instead (`--grammar DIR`), so a new label or genre needs no
//! rebuild. Lookups compare folded characters (full-/half-width alike).

use std::path::Path;

use serde::Serialize;

use crate::attribution::AttributionRules;
use crate::error::{Error, ErrorKind, Result};
use crate::normalize::units::UnitRules;
use crate::text;

/// What a labelled line contributes to a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Lead,
    Responsible,
    Participating,
    Implementing,
    Leaders,
    Deadline,
    /// A sentence dividing the work (部门分工：省发展改革委牵头，各地配合。): its units
    /// take the roles of the verbs after them, as in an attribution.
    Division,
    /// Kept in `fields` only (建设内容, 排查范围 …).
    Field,
}

impl Role {
    /// The role's value names units (牵头单位, 责任单位, 配合单位, 实施单位),
    /// not a time, people or a phrase.
    pub fn names_units(self) -> bool {
        matches!(
            self,
            Role::Lead | Role::Responsible | Role::Participating | Role::Implementing
        )
    }

    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "lead" => Role::Lead,
            "responsible" => Role::Responsible,
            "participating" => Role::Participating,
            "implementing" => Role::Implementing,
            "leaders" => Role::Leaders,
            "deadline" => Role::Deadline,
            "division" => Role::Division,
            "field" => Role::Field,
            _ => return None,
        })
    }
}

/// The first characters of a word list, folded (`text::fold`), for a quick
/// reject before `text::starts_with_folded` compares each word.
#[derive(Debug, Clone, Default)]
pub struct FirstChars(Vec<char>);

impl FirstChars {
    pub fn of(words: &[String]) -> FirstChars {
        let mut v: Vec<char> = words
            .iter()
            .filter_map(|w| w.chars().next().map(text::fold))
            .collect();
        v.sort_unstable();
        v.dedup();
        FirstChars(v)
    }

    /// `s` opens with a character some word opens with (folded): the only
    /// texts that can start with one of the words.
    pub fn may_open(&self, s: &str) -> bool {
        s.chars()
            .next()
            .is_some_and(|c| self.0.binary_search(&text::fold(c)).is_ok())
    }
}

/// Which list of a table's column words a header cell is in
/// ([`Lexicon::column_word`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnWord {
    /// `column_serial` (序号).
    Serial,
    /// `column_task` (工作任务).
    Task,
    /// `column`: another column (备注).
    Other,
}

#[derive(Debug, Clone)]
pub struct Lexicon {
    /// (label, role), longest label first.
    pub labels: Vec<(String, Role)>,
    /// The first character of every label, for a quick reject.
    pub label_firsts: Vec<char>,
    /// The labels (indices into `labels`, in order) by their first
    /// character folded: a line is compared only with the labels that
    /// start like it.
    labels_by_first: text::CharMap<Vec<usize>>,
    /// Label indices by their last character, in the labels' order.
    labels_by_last: text::CharMap<Vec<usize>>,
    /// The first label of each folded text (`text::folded_word`).
    label_keys: std::collections::HashMap<String, usize, foldhash::fast::FixedState>,
    /// Genre words, longest first.
    pub genres: Vec<String>,
    /// Words a genre word may carry after it in a title, the kind staying
    /// the genre's (通报表扬, 通报批评: a 通报).
    pub verdict: Vec<String>,
    /// The genre words (indices into `genres`, in order) a text ending in
    /// a character can end with: those ending in it, and those whose last
    /// character other characters fold to (they are always tried).
    genres_by_last: text::CharMap<Vec<usize>>,
    genres_any_last: Vec<usize>,
    /// Every genre word, found in one pass over a text (set once the
    /// words are read).
    genre_search: Option<aho_corasick::AhoCorasick>,
    pub transmittal: Vec<String>,
    pub about: Vec<String>,
    /// Genres that promulgate the text they quote (令, 公告).
    pub promulgation: Vec<String>,
    /// Genres an organ heads without 关于 that stand as documents of their
    /// own (某某市人民政府通告, …常务会议纪要).
    pub headed: Vec<String>,
    /// The word a meeting's name ends with (会议).
    pub meeting: Vec<String>,
    /// Words of a congress's or an executive meeting's name (大会, 常务).
    pub congress: Vec<String>,
    /// Words after an organ's name opening its meeting in a title it
    /// heads (第, 常务会议, 专题).
    pub meeting_head: Vec<String>,
    /// What a 纪要's paragraph opens with before a comma (会议强调，…).
    pub minutes_says: Vec<String>,
    /// Words opening a sentence, never a title's line (根据, 现将).
    pub sentence_open: Vec<String>,
    /// Prepositions that put the organ after them in a sentence (经, 由).
    pub preposition: Vec<String>,
    /// Words a sentence cites with (按照, 依照, 根据).
    pub cites: Vec<String>,
    /// Words that cite a section by its number only (按, 见, 第).
    pub cites_section: Vec<String>,
    /// Words that cite a document by its number only (执行).
    pub cites_document: Vec<String>,
    /// Bodies an addressee list names besides organs (企业, 部队).
    pub addressed_body: Vec<String>,
    /// The units of an organ that 各 names after the organ's name (部门 of
    /// 省政府各部门).
    pub organ_units: Vec<String>,
    /// A scope an addressee list puts before 、 that shares the next item's
    /// head (市属 of 市属、驻市各单位).
    pub addressee_scope: Vec<String>,
    /// Endings of institutions a roster lists that are never joint issuers
    /// stacked above a title (医院, 有限公司).
    pub roster_member: Vec<String>,
    /// Organ-name endings, longest first.
    pub organ_suffixes: Vec<String>,
    /// Endings that close an organ's name but hang off the organ before it
    /// (中国人民银行拉萨中心支行, …大学附属中学): they end a name, an addressee
    /// or a signature, and split no organs run together.
    pub branch_suffixes: Vec<String>,
    /// The same endings looked up by a text's last character.
    organ_endings: crate::endings::Endings<()>,
    /// The words that tell one organ from two in a run (`organ_*`).
    pub organ: crate::organs::OrganWords,
    pub attachment: Vec<String>,
    /// The short attachment word, a colon after it (附：…).
    pub attachment_short: Vec<String>,
    /// The genre words of an answer to a request (批复): the request it
    /// answers may be printed under it.
    pub answer: Vec<String>,
    /// The word a table's title ends with (…计划表, …责任表), and the words
    /// ending so that name no table (代表, 发表).
    pub table_title_end: Vec<String>,
    pub table_title_not: Vec<String>,
    /// Words of an instruction, which a line ending in 表 is then (请按时报送
    /// 统计报表), not a table's title.
    pub table_title_verb: Vec<String>,
    pub toc: Vec<String>,
    /// An unnumbered part a table of contents may list first (序言, 前言).
    pub toc_preface: Vec<String>,
    pub portal: Vec<String>,
    /// The openings of the 版记's distribution lines (抄送：…).
    pub colophon: Vec<String>,
    /// The words of the deadline grammar (长期, 每季度, …起).
    pub deadline: crate::normalize::DeadlineWords,
    /// Measure words after a numeral that counts on from a marker's
    /// (三、四月份, 二、三级医院).
    pub measure: Vec<String>,
    /// Words a count in brackets closing a group's heading counts by
    /// (（10个）, （30名）): the heading is whole.
    pub count_word: Vec<String>,
    /// Words a sentence cannot end on (的, 和, 对): a line stopping on one
    /// goes on in the next.
    pub open_end: Vec<String>,
    /// Words a share, a multiple or a sum follows (的): a line stopping on
    /// one goes on over a line that opens with it (…收入的 / 60%；).
    pub before_amount: Vec<String>,
    /// Words that compare with a number (低于, 超过): a line stopping on one
    /// goes on over a line that opens with a number (…不超过 / 50平方米；).
    pub comparison: Vec<String>,
    /// Words after a law's number that cite it (第八条规定, 第十三条内容).
    pub cited: Vec<String>,
    /// Secrecy and urgency marks of the front matter (机密, 特急).
    pub front_matter: Vec<String>,
    /// The labels of the 版头's fields set out as a table's row (发电单位,
    /// 签批盖章, 等级).
    pub head_label: Vec<String>,
    /// The word a printed page's running head ends its name with (年鉴).
    pub running_head: Vec<String>,
    /// The word ending a yearbook's name in Latin letters in a bilingual
    /// running head (DATONG YEARBOOK).
    pub running_head_latin: Vec<String>,
    /// A yearbook's chapter names, printed as its pages' running heads
    /// (重要文献, 专文, 附录).
    pub chapter_head: Vec<String>,
    /// The words ending the name of a series an organ publishes, printed as
    /// its pages' running head beside their number (公报, 行政规范性文件).
    pub series_head: Vec<String>,
    /// The words opening a note under a task table (注：, 说明：).
    pub table_note: Vec<String>,
    /// The state's name an issuer code may open with (中华人民共和国国务院令).
    pub state_name: Vec<String>,
    /// Words a list of addressees holds (各…, …部门, …单位).
    pub addressee: Vec<String>,
    /// The label a line of addressees may open with (主送：…).
    pub addressee_label: Vec<String>,
    /// Words of a sentence that ends in a colon, which addressees never hold (如下, 根据).
    pub lead_in: Vec<String>,
    /// Words opening a sentence that ends in a colon and heads a roster
    /// (成立…领导小组：); inside a list of addressees they may stand (新成立的…).
    pub lead_open: Vec<String>,
    /// Verbs closing a sentence right before its colon, what follows being
    /// what it states (…常务委员会第二十九次会议决定：); no addressee ends so.
    pub lead_close: Vec<String>,
    /// Words of a passage note under a regulation's title (通过, 公布).
    pub passage: Vec<String>,
    /// Verbs of a decision's title that amends a regulation it names
    /// (关于修改〈某条例〉的决定).
    pub amend: Vec<String>,
    /// Verbs a date in brackets under a title may close with (印发).
    pub dated: Vec<String>,
    /// Words completing a title on the line under it (（试行）, （2017年修订）).
    pub edition: Vec<String>,
    /// The labels of a document number in page metadata (文号, 字号).
    pub number_label: Vec<String>,
    /// The labels of a document's title in page metadata (标题, 名称).
    pub title_label: Vec<String>,
    /// Labels of a page's metadata only beside its other fields (日期, 时间).
    pub portal_field: Vec<String>,
    /// The words before a page's font-size picker (字号, 字体).
    pub picker: Vec<String>,
    /// The picker's sizes, in their order (大, 中, 小).
    pub picker_size: Vec<String>,
    /// The page's tools beside the picker, each a field alone (打印, 关闭).
    pub page_tool: Vec<String>,
    /// The places a page's share bar names, one a line under 分享到：
    /// (微信, 微博, QQ空间).
    pub share_target: Vec<String>,
    /// Headings of a list of other pages' titles under the document
    /// (相关, 延伸阅读, 热点推荐, 更多).
    pub link_heading: Vec<String>,
    /// The word closing the 版记's printing line (…办公室　2019年3月29日印发).
    pub printed: Vec<String>,
    /// The words of the copies note closing the printing line (（共印90份）).
    pub copies: Vec<String>,
    /// The words of a seal's note, alone in brackets between the signing
    /// organ and the date (（印章）, （单位盖章）).
    pub seal: Vec<String>,
    /// The people a 通告's addressee item names after 各 (各有关单位和个人).
    pub addressed_public: Vec<String>,
    /// The labels of the 版记's disclosure line (公开方式) and its values
    /// (主动公开).
    pub disclosure: Vec<String>,
    pub disclosure_value: Vec<String>,
    /// The words opening the note under the date that names whom to ask
    /// (（联系人：…，电话：…）).
    pub contact: Vec<String>,
    /// The word opening the note under the date on how far the copy goes
    /// (（此件公开发布）, （此件发至县级）).
    pub scope_note: Vec<String>,
    /// Header words of task tables: the row-number column, the task column,
    /// other columns (role columns are labels).
    pub column_serial: Vec<String>,
    pub column_task: Vec<String>,
    pub column: Vec<String>,
    /// Endings of the column naming what each row of a list table lists
    /// (企业名称, 小镇名称).
    pub column_name: Vec<String>,
    /// Columns naming a person or how to reach one (姓名, 联系电话): a
    /// roster's or a contact list's.
    pub column_person: Vec<String>,
    pub column_contact: Vec<String>,
    /// The endings of labels (单位, 部门, 领导, 人 …): a word ending so after
    /// a wide gap in a line of labels is one (`Lexicon::unlisted_label_ending`).
    pub label_suffix: Vec<String>,
    /// The levels a label may name before its ending (省, 市, 县 …) and
    /// the mark that may follow them (级): 包抓县级领导 reads as 包抓县领导.
    pub label_level: Vec<String>,
    pub label_level_mark: Vec<String>,
    /// The endings a level may stand right before (领导: 挂钩州领导).
    pub label_level_ending: Vec<String>,
    /// The posts a leader's name may follow (常委, 市长, 部长 …):
    /// `normalize::units::split_names`.
    pub leader_post: Vec<String>,
    /// The three column lists' words folded (as [`text::folded_key`] folds
    /// a cell), each to the first list that holds it, and the most
    /// characters a folded word has: a header cell is looked up once, not
    /// compared with every word.
    column_words: std::collections::HashMap<String, ColumnWord, foldhash::fast::FixedState>,
    column_word_chars: usize,
    /// The portal words (indices into `portal`) by their first character
    /// folded: a line is compared only with the words that open like it.
    portal_by_first: text::CharMap<Vec<usize>>,
    /// The folded first characters of the colophon and attachment words: a
    /// line opening with none of them starts with none of the words.
    pub colophon_firsts: FirstChars,
    pub attachment_firsts: FirstChars,
    /// Envelope header key → collection field.
    pub envelope: Vec<(String, String)>,
    pub units: UnitRules,
    /// The verbs and unit words of unlabelled attributions.
    pub attribution: AttributionRules,
}

const LABELS: &str = include_str!("../grammar/labels.tsv");
const WORDS: &str = include_str!("../grammar/words.tsv");
const ENVELOPE: &str = include_str!("../grammar/envelope.tsv");
const UNITS: &str = include_str!("../grammar/units.tsv");
const ATTRIBUTION: &str = include_str!("../grammar/attribution.tsv");

/// The grammar files and their embedded contents, in the order they are
/// read: the one copy of each in the binary (the lexicon parses them, the
/// manifest hashes them).
pub static GRAMMAR_FILES: [(&str, &str); 5] = [
    ("labels.tsv", LABELS),
    ("words.tsv", WORDS),
    ("envelope.tsv", ENVELOPE),
    ("units.tsv", UNITS),
    ("attribution.tsv", ATTRIBUTION),
];

fn rows(text: &str) -> impl Iterator<Item = (usize, &str, &str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            return None;
        }
        let mut parts = l.splitn(2, '\t');
        let a = parts.next().unwrap_or("").trim();
        let b = parts.next().unwrap_or("").trim();
        Some((i + 1, a, b))
    })
}

/// The words a label may name its level with: the levels (`label_level`:
/// 县), the marks after one (`label_level_mark`: 级), the endings of
/// labels (`label_suffix`: 单位, 领导) and those a level may stand right
/// before (`label_level_ending`: 领导).
struct LevelWords<'a> {
    levels: &'a [String],
    marks: &'a [String],
    endings: &'a [String],
    levelled_endings: &'a [String],
}

impl LevelWords<'_> {
    /// The text before the ending of `label` and the ending, when the
    /// ending is a label's.
    fn split<'l>(&self, label: &'l str) -> Option<(&'l str, &'l str)> {
        let head = self
            .endings
            .iter()
            .find_map(|e| label.strip_suffix(e.as_str()))?;
        Some((head, &label[head.len()..]))
    }

    /// `head` (a label's text before its ending) names a level after a
    /// word (包抓县 of 包抓县领导).
    fn levelled(&self, head: &str) -> bool {
        self.levels
            .iter()
            .any(|l| head.len() > l.len() && head.ends_with(l.as_str()))
    }
}

/// The labels with the levels a label may name (words.tsv `label_level`)
/// written in, same role:
/// - a level right before the ending of a leader's label (`label_level_ending`):
///   挂钩领导 → 挂钩州领导;
/// - a mark (`label_level_mark`) after such a level: 包抓县领导 → 包抓县级领导;
/// - a level and a mark before a label naming units or leaders and no level:
///   牵头单位 → 州级牵头单位, 挂钩领导 → 州级挂钩领导.
///
/// A level is written only beside a word: a bare 县级领导 is no label.
fn with_levels(labels: &[(String, Role)], words: &LevelWords) -> Vec<(String, Role)> {
    let mut out = labels.to_vec();
    let mut seen: std::collections::HashSet<String> =
        labels.iter().map(|(l, _)| l.clone()).collect();
    let mut add = |label: String, role: Role| {
        if !seen.contains(&label) {
            seen.insert(label.clone());
            out.push((label, role));
        }
    };
    let mut levelled: Vec<(String, Role)> = Vec::new();
    for (label, role) in labels {
        let Some((head, ending)) = words.split(label) else {
            continue;
        };
        if words.levelled(head) {
            levelled.push((label.clone(), *role));
            continue;
        }
        if head.is_empty() {
            continue;
        }
        if words.levelled_endings.iter().any(|e| e == ending) {
            for level in words.levels {
                levelled.push(([head, level.as_str(), ending].concat(), *role));
            }
        }
        if role.names_units() || *role == Role::Leaders {
            for (level, mark) in words
                .levels
                .iter()
                .flat_map(|l| words.marks.iter().map(move |m| (l, m)))
            {
                add([level.as_str(), mark.as_str(), label].concat(), *role);
            }
        }
    }
    for (label, role) in levelled {
        let Some((head, ending)) = words.split(&label) else {
            continue;
        };
        for mark in words.marks {
            add([head, mark.as_str(), ending].concat(), role);
        }
        add(label, role);
    }
    out
}

fn longest_first(v: &mut Vec<String>) {
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
}

impl Lexicon {
    /// The grammar embedded at build time.
    pub fn builtin() -> Lexicon {
        match Lexicon::parse(LABELS, WORDS, ENVELOPE, UNITS, ATTRIBUTION) {
            Ok(l) => l,
            // The embedded files are tested; this cannot fail at run time.
            Err(e) => panic!("embedded grammar is invalid: {e}"),
        }
    }

    /// Reads `labels.tsv`, `words.tsv`, `envelope.tsv`, `units.tsv` and
    /// `attribution.tsv` from `dir`; a file that is absent there is taken
    /// from the embedded grammar. An error names the file and line
    /// (`DIR/units.tsv:2: unknown kind `bogus``).
    pub fn from_dir(dir: &Path) -> Result<Lexicon> {
        // A folder that is not there is a mistake, not a request for the
        // built-in grammar.
        if !dir.is_dir() {
            return Err(Error::new(ErrorKind::Grammar(
                "no such grammar folder (--grammar takes a folder of .tsv tables)".into(),
            ))
            .at(dir));
        }
        let read = |name: &str, builtin: &'static str| -> Result<String> {
            let p = dir.join(name);
            if p.exists() {
                std::fs::read_to_string(&p).map_err(|e| Error::from(e).at(&p))
            } else {
                Ok(builtin.to_owned())
            }
        };
        let labels = read("labels.tsv", LABELS)?;
        let words = read("words.tsv", WORDS)?;
        let env = read("envelope.tsv", ENVELOPE)?;
        let units = read("units.tsv", UNITS)?;
        let attribution = read("attribution.tsv", ATTRIBUTION)?;
        Lexicon::parse(&labels, &words, &env, &units, &attribution).map_err(|e| {
            let file = e.path.clone().unwrap_or_default();
            e.at(dir.join(file))
        })
    }

    pub fn parse(
        labels: &str,
        words: &str,
        envelope: &str,
        units: &str,
        attribution: &str,
    ) -> Result<Lexicon> {
        // Errors name the table (`Lexicon::from_dir` puts its folder in
        // front) and the line.
        let bad = |file: &str, line: usize, msg: String| {
            Error::new(ErrorKind::Grammar(msg)).at(file).line(line)
        };
        let mut lex = Lexicon {
            labels: Vec::new(),
            label_firsts: Vec::new(),
            labels_by_first: Default::default(),
            labels_by_last: Default::default(),
            label_keys: Default::default(),
            genres: Vec::new(),
            verdict: Vec::new(),
            genres_by_last: Default::default(),
            genres_any_last: Vec::new(),
            genre_search: None,
            transmittal: Vec::new(),
            about: Vec::new(),
            promulgation: Vec::new(),
            headed: Vec::new(),
            meeting: Vec::new(),
            congress: Vec::new(),
            meeting_head: Vec::new(),
            sentence_open: Vec::new(),
            minutes_says: Vec::new(),
            preposition: Vec::new(),
            cites: Vec::new(),
            cites_section: Vec::new(),
            cites_document: Vec::new(),
            addressed_body: Vec::new(),
            organ_units: Vec::new(),
            addressee_scope: Vec::new(),
            roster_member: Vec::new(),
            organ_suffixes: Vec::new(),
            branch_suffixes: Vec::new(),
            organ_endings: Default::default(),
            organ: Default::default(),
            attachment: Vec::new(),
            attachment_short: Vec::new(),
            answer: Vec::new(),
            table_title_end: Vec::new(),
            table_title_not: Vec::new(),
            table_title_verb: Vec::new(),
            toc: Vec::new(),
            toc_preface: Vec::new(),
            portal: Vec::new(),
            colophon: Vec::new(),
            printed: Vec::new(),
            copies: Vec::new(),
            seal: Vec::new(),
            addressed_public: Vec::new(),
            disclosure: Vec::new(),
            disclosure_value: Vec::new(),
            contact: Vec::new(),
            scope_note: Vec::new(),
            deadline: Default::default(),
            state_name: Vec::new(),
            measure: Vec::new(),
            count_word: Vec::new(),
            open_end: Vec::new(),
            before_amount: Vec::new(),
            comparison: Vec::new(),
            cited: Vec::new(),
            front_matter: Vec::new(),
            head_label: Vec::new(),
            running_head: Vec::new(),
            running_head_latin: Vec::new(),
            chapter_head: Vec::new(),
            series_head: Vec::new(),
            table_note: Vec::new(),
            addressee: Vec::new(),
            addressee_label: Vec::new(),
            lead_in: Vec::new(),
            lead_open: Vec::new(),
            lead_close: Vec::new(),
            passage: Vec::new(),
            amend: Vec::new(),
            dated: Vec::new(),
            edition: Vec::new(),
            number_label: Vec::new(),
            title_label: Vec::new(),
            portal_field: Vec::new(),
            picker: Vec::new(),
            picker_size: Vec::new(),
            page_tool: Vec::new(),
            share_target: Vec::new(),
            link_heading: Vec::new(),
            column_serial: Vec::new(),
            column_task: Vec::new(),
            column: Vec::new(),
            column_name: Vec::new(),
            column_person: Vec::new(),
            column_contact: Vec::new(),
            label_suffix: Vec::new(),
            label_level: Vec::new(),
            label_level_mark: Vec::new(),
            label_level_ending: Vec::new(),
            leader_post: Vec::new(),
            column_words: Default::default(),
            column_word_chars: 0,
            portal_by_first: Default::default(),
            colophon_firsts: FirstChars::default(),
            attachment_firsts: FirstChars::default(),
            envelope: Vec::new(),
            units: UnitRules::parse(units).map_err(|e| bad("units.tsv", e.line, e.message))?,
            attribution: AttributionRules::parse(attribution)
                .map_err(|m| Error::new(ErrorKind::Grammar(m)).at("attribution.tsv"))?,
        };
        for (no, label, role) in rows(labels) {
            let role = Role::parse(role)
                .ok_or_else(|| bad("labels.tsv", no, format!("unknown role {role:?}")))?;
            lex.labels.push((label.to_owned(), role));
        }
        let mut numerals: Vec<(usize, &str)> = Vec::new();
        for (no, class, word) in rows(words) {
            if class == "festival" {
                let f = crate::normalize::deadline::Festival::parse(word).ok_or_else(|| {
                    bad(
                        "words.tsv",
                        no,
                        format!("festival {word:?} is not NAME, tab, MM-DD"),
                    )
                })?;
                lex.deadline.festivals.push(f);
                continue;
            }
            if class == "festival_numeral" {
                numerals.push((no, word));
                continue;
            }
            let list = match class {
                "genre" => &mut lex.genres,
                "verdict" => &mut lex.verdict,
                "transmittal" => &mut lex.transmittal,
                "about" => &mut lex.about,
                "promulgation" => &mut lex.promulgation,
                "headed" => &mut lex.headed,
                "meeting" => &mut lex.meeting,
                "congress" => &mut lex.congress,
                "meeting_head" => &mut lex.meeting_head,
                "sentence_open" => &mut lex.sentence_open,
                "minutes_says" => &mut lex.minutes_says,
                "preposition" => &mut lex.preposition,
                "cites" => &mut lex.cites,
                "cites_section" => &mut lex.cites_section,
                "cites_document" => &mut lex.cites_document,
                "addressed_body" => &mut lex.addressed_body,
                "organ_units" => &mut lex.organ_units,
                "addressee_scope" => &mut lex.addressee_scope,
                "roster_member" => &mut lex.roster_member,
                "organ_suffix" => &mut lex.organ_suffixes,
                "branch_suffix" => &mut lex.branch_suffixes,
                "attachment" => &mut lex.attachment,
                "attachment_short" => &mut lex.attachment_short,
                "answer" => &mut lex.answer,
                "table_title_end" => &mut lex.table_title_end,
                "table_title_not" => &mut lex.table_title_not,
                "table_title_verb" => &mut lex.table_title_verb,
                "toc" => &mut lex.toc,
                "toc_preface" => &mut lex.toc_preface,
                "portal" => &mut lex.portal,
                "colophon" => &mut lex.colophon,
                "ongoing" => &mut lex.deadline.ongoing,
                "recurring" => &mut lex.deadline.recurring,
                "deadline_start" => &mut lex.deadline.start,
                "deadline_start_word" => &mut lex.deadline.start_words,
                "state_name" => &mut lex.state_name,
                "measure" => &mut lex.measure,
                "count_word" => &mut lex.count_word,
                "open_end" => &mut lex.open_end,
                "before_amount" => &mut lex.before_amount,
                "comparison" => &mut lex.comparison,
                "cited" => &mut lex.cited,
                "front_matter" => &mut lex.front_matter,
                "head_label" => &mut lex.head_label,
                "running_head" => &mut lex.running_head,
                "running_head_latin" => &mut lex.running_head_latin,
                "chapter_head" => &mut lex.chapter_head,
                "series_head" => &mut lex.series_head,
                "table_note" => &mut lex.table_note,
                "addressee" => &mut lex.addressee,
                "addressee_label" => &mut lex.addressee_label,
                "lead_in" => &mut lex.lead_in,
                "lead_open" => &mut lex.lead_open,
                "lead_close" => &mut lex.lead_close,
                "passage" => &mut lex.passage,
                "amend" => &mut lex.amend,
                "dated" => &mut lex.dated,
                "edition" => &mut lex.edition,
                "number_label" => &mut lex.number_label,
                "title_label" => &mut lex.title_label,
                "portal_field" => &mut lex.portal_field,
                "picker" => &mut lex.picker,
                "picker_size" => &mut lex.picker_size,
                "page_tool" => &mut lex.page_tool,
                "share_target" => &mut lex.share_target,
                "link_heading" => &mut lex.link_heading,
                "printed" => &mut lex.printed,
                "copies" => &mut lex.copies,
                "seal" => &mut lex.seal,
                "addressed_public" => &mut lex.addressed_public,
                "disclosure" => &mut lex.disclosure,
                "disclosure_value" => &mut lex.disclosure_value,
                "contact" => &mut lex.contact,
                "scope_note" => &mut lex.scope_note,
                "column_serial" => &mut lex.column_serial,
                "column_task" => &mut lex.column_task,
                "column" => &mut lex.column,
                "column_name" => &mut lex.column_name,
                "column_person" => &mut lex.column_person,
                "column_contact" => &mut lex.column_contact,
                "label_suffix" => &mut lex.label_suffix,
                "label_level" => &mut lex.label_level,
                "label_level_mark" => &mut lex.label_level_mark,
                "label_level_ending" => &mut lex.label_level_ending,
                "leader_post" => &mut lex.leader_post,
                _ => match lex.organ.list(class) {
                    Some(list) => list,
                    None => return Err(bad("words.tsv", no, format!("unknown class {class:?}"))),
                },
            };
            if word.is_empty() {
                return Err(bad("words.tsv", no, "empty word".into()));
            }
            list.push(word.to_owned());
        }
        for (no, n) in numerals {
            let f = lex.deadline.festivals.iter_mut().find(|f| f.name == n);
            f.ok_or_else(|| {
                bad(
                    "words.tsv",
                    no,
                    format!("festival_numeral {n:?} names no festival"),
                )
            })?
            .numeral = true;
        }
        // A label may name the level it is written for: a leader's before
        // its ending (挂钩州领导, 包抓县级领导), any unit's or leader's with
        // 级 before it (州级牵头单位, 县级挂钩领导).
        lex.labels = with_levels(
            &lex.labels,
            &LevelWords {
                levels: &lex.label_level,
                marks: &lex.label_level_mark,
                endings: &lex.label_suffix,
                levelled_endings: &lex.label_level_ending,
            },
        );
        lex.labels.sort_by_key(|l| std::cmp::Reverse(l.0.len()));
        lex.label_firsts = lex
            .labels
            .iter()
            .filter_map(|(l, _)| l.chars().next())
            .collect();
        lex.label_firsts.sort_unstable();
        lex.label_firsts.dedup();
        for (i, (l, _)) in lex.labels.iter().enumerate() {
            if let Some(c) = l.chars().next() {
                lex.labels_by_first
                    .entry(text::fold(c))
                    .or_default()
                    .push(i);
            }
            if let Some(c) = l.chars().next_back() {
                lex.labels_by_last.entry(c).or_default().push(i);
            }
            lex.label_keys.entry(text::folded_word(l)).or_insert(i);
        }
        // (The picker is read character by character: `picker::read`.)
        if lex.picker_size.iter().any(|w| w.chars().count() != 1) {
            return Err(bad(
                "words.tsv",
                0,
                "picker_size words are one character each".into(),
            ));
        }
        for v in [
            &mut lex.genres,
            &mut lex.organ_suffixes,
            &mut lex.transmittal,
            &mut lex.about,
        ] {
            longest_first(v);
        }
        for (i, g) in lex.genres.iter().enumerate() {
            match g.chars().next_back() {
                // Only the character itself folds to an ideograph.
                Some(c) if !c.is_ascii() && text::fold(c) == c => {
                    lex.genres_by_last.entry(c).or_default().push(i)
                }
                _ => lex.genres_any_last.push(i),
            }
        }
        lex.genre_search = Some(
            aho_corasick::AhoCorasick::new(&lex.genres)
                .map_err(|e| bad("words.tsv", 0, format!("genre words: {e}")))?,
        );
        lex.organ_endings = crate::endings::Endings::new(
            lex.organ_suffixes
                .iter()
                .chain(&lex.branch_suffixes)
                .map(|w| (w.clone(), ())),
        );
        for (list, word) in [
            (&lex.column_serial, ColumnWord::Serial),
            (&lex.column_task, ColumnWord::Task),
            (&lex.column, ColumnWord::Other),
        ] {
            for w in list {
                let key = text::folded_word(w);
                lex.column_word_chars = lex.column_word_chars.max(key.chars().count());
                lex.column_words.entry(key).or_insert(word);
            }
        }
        lex.colophon_firsts = FirstChars::of(&lex.colophon);
        // (Both attachment words: 附件, and 附 before its colon.)
        let attachment_words: Vec<String> = lex
            .attachment
            .iter()
            .chain(&lex.attachment_short)
            .cloned()
            .collect();
        lex.attachment_firsts = FirstChars::of(&attachment_words);
        for (i, w) in lex.portal.iter().enumerate() {
            if let Some(c) = w.chars().next() {
                lex.portal_by_first
                    .entry(text::fold(c))
                    .or_default()
                    .push(i);
            }
        }
        for (_, key, field) in rows(envelope) {
            lex.envelope.push((key.to_owned(), field.to_owned()));
        }
        Ok(lex)
    }

    /// The label `s` starts with, followed by a colon, or in 【】, or alone
    /// in a flattened row's first cell before its value's cell: (label as
    /// written, role, byte length of label, colon or gap, and spaces).
    pub fn label_at<'s>(&self, s: &'s str) -> Option<(&'s str, Role, usize)> {
        // Most lines start with no label's first character: answer at once.
        let first = s.chars().next()?;
        if first == '【' {
            return self.bracketed_label(s);
        }
        if self.label_firsts.binary_search(&first).is_err() {
            return None;
        }
        // A label stands right before the text's first colon (spaces
        // between): the text up to it is a label whole, or none. (A label
        // is short, its note and spaces with it: the colon is sought in the
        // line's first bytes, not over a long row of cells.)
        let by_colon = || {
            let (at, colon) = text::first_colon(&s[..text::ceil_char_boundary(s, LABEL_HEAD)])?;
            let head = s[..at].trim_end_matches(text::is_space);
            let (_, role) = self.listed_label(head)?;
            let after = s[at + colon.len_utf8()..].trim_start_matches(text::is_space);
            Some((head, *role, s.len() - after.len()))
        };
        by_colon().or_else(|| self.label_in_cell(s))
    }

    /// A label alone in the first cell of a table row flattened to text, its
    /// value in the next cell and no colon (`牵头单位\t市发展改革委`,
    /// `完成时限　2020年10月31日前`, `责任单位 | 各县区政府`): as
    /// [`Lexicon::label_at`]. Not a table's header row, whose next cell names
    /// another column (`牵头单位\t责任单位\t完成时限`).
    fn label_in_cell<'s>(&self, s: &'s str) -> Option<(&'s str, Role, usize)> {
        // (A label is short: its gap is sought in the line's first bytes,
        // then read whole from where it starts.)
        let (at, _) = text::cell_gaps(&s[..text::ceil_char_boundary(s, 64)]).next()?;
        let (_, role) = self.listed_label(&s[..at])?;
        let end = at + text::cell_gaps(&s[at..]).next()?.1;
        let after = &s[end..];
        let cell = text::trim(&after[..text::cell_gaps(after).next().map_or(after.len(), |g| g.0)]);
        let header = self.is_label(cell) || self.column_word(cell).is_some();
        // (Nor a sentence after the word and a gap, a comma in it and a stop
        // closing it: 牵头单位  要切实履行职责，加强统筹协调。 names no unit.)
        let sentence = cell.contains(['，', ',']) && cell.ends_with(text::is_sentence_end);
        (!cell.is_empty() && !header && !sentence).then_some((
            &s[..at],
            *role,
            s.len() - after.len(),
        ))
    }

    /// A label in 【】, its value after it with a colon or without
    /// (【牵头单位】县工信局): as [`Lexicon::label_at`].
    fn bracketed_label<'s>(&self, s: &'s str) -> Option<(&'s str, Role, usize)> {
        let inner = s.strip_prefix('【')?;
        let close = inner.find('】')?;
        let head = text::trim(&inner[..close]);
        let (_, role) = self.listed_label(head)?;
        let after = inner[close + '】'.len_utf8()..].trim_start_matches(text::is_space);
        let after = after
            .strip_prefix(text::is_colon)
            .unwrap_or(after)
            .trim_start_matches(text::is_space);
        Some((head, *role, s.len() - after.len()))
    }

    /// Where the label `head` ends with starts (the longest listed first,
    /// compared as written), when something stands before it: the next
    /// label of a line holding two (牵头单位：市发改委　责任单位：…).
    pub fn label_ending(&self, head: &str) -> Option<usize> {
        let last = head.chars().next_back()?;
        self.labels_by_last
            .get(&last)?
            .iter()
            .map(|&i| &self.labels[i].0)
            .find(|l| head.len() > l.len() && head.ends_with(l.as_str()))
            .map(|l| head.len() - l.len())
    }

    /// Where a label the grammar does not list starts in `head`, the text
    /// of a line of labels before a colon: a short word (two to six
    /// ideographs) ending as labels do (words.tsv `label_suffix`: 单位,
    /// 部门, 领导, 人 …) after a wide gap, a tab, an ideographic space or
    /// two spaces (牵头单位：市规划局　　对接部门：…). Without the gap the
    /// word is part of the value (市民政局负责人：…).
    pub fn unlisted_label_ending(&self, head: &str) -> Option<usize> {
        let at = self.unlisted_label_start(head)?;
        let before = &head[..at];
        let value = before.trim_end_matches(text::is_space);
        let gap = &before[value.len()..];
        let wide = gap.contains(['\t', '\u{3000}']) || gap.chars().nth(1).is_some();
        (wide && !value.is_empty()).then_some(at)
    }

    /// The start of the word `head` ends with when it is a label's: two
    /// to six ideographs, the last ones a `label_suffix`.
    fn unlisted_label_start(&self, head: &str) -> Option<usize> {
        let suffix = self
            .label_suffix
            .iter()
            .find(|w| head.ends_with(w.as_str()))?;
        let mut at = head.len() - suffix.len();
        let mut n = suffix.chars().count();
        for (i, c) in head[..at].char_indices().rev() {
            if !text::is_han(c) || n == 6 {
                break;
            }
            at = i;
            n += 1;
        }
        (n >= 2).then_some(at)
    }

    /// A label the grammar does not list opening `s` (its word as
    /// [`Lexicon::unlisted_label_ending`] reads it, then a colon): the
    /// label and where its value starts, as [`Lexicon::label_at`].
    pub fn unlisted_label_at<'s>(&self, s: &'s str) -> Option<(&'s str, usize)> {
        let (at, colon) = text::first_colon(&s[..text::ceil_char_boundary(s, LABEL_HEAD)])?;
        let head = s[..at].trim_end_matches(text::is_space);
        (self.unlisted_label_start(head) == Some(0)).then(|| {
            let after = s[at + colon.len_utf8()..].trim_start_matches(text::is_space);
            (head, s.len() - after.len())
        })
    }

    /// The first column list (serial, task, other) that holds a word equal
    /// to `cell` folded, passing over readings (`text::folded_key`).
    pub fn column_word(&self, cell: &str) -> Option<ColumnWord> {
        let key = text::folded_key_within(cell, self.column_word_chars)?;
        self.column_words.get(&key).copied()
    }

    /// The role of a label as written (牵头单位 → lead); `Field` for a label
    /// the grammar does not list.
    pub fn role_of(&self, label: &str) -> Role {
        self.listed_label(label).map_or(Role::Field, |(_, r)| *r)
    }

    /// `s` is the head of a label, two characters or more, a wrap cut off
    /// (责任单, 配合单 of 责任单位, 配合单位).
    pub fn is_label_head(&self, s: &str) -> bool {
        s.chars().nth(1).is_some()
            && self
                .labels
                .iter()
                .any(|(l, _)| l.len() > s.len() && l.starts_with(s))
    }

    /// `label` is one of the labels (folded, passing over readings).
    pub fn is_label(&self, label: &str) -> bool {
        self.listed_label(label).is_some()
    }

    /// The first listed label `label` is, compared folded. Only labels
    /// starting like it can match (first characters are compared folded):
    /// those sharing its folded first character, in order.
    fn listed_label(&self, label: &str) -> Option<&(String, Role)> {
        let found = self.listed_label_as_written(label);
        // A label letter-spaced (牵 头 单 位) is the label: a short head
        // holding a space (ASCII, or U+3000 E3 80 80).
        let spaced = || {
            let b = label.as_bytes();
            b.len() <= LABEL_HEAD
                && (b.contains(&b' ') || text::ideographic_spaces(label).next().is_some())
        };
        if found.is_none() && spaced() {
            let joined: String = label.chars().filter(|&c| !text::is_space(c)).collect();
            return self.listed_label_as_written(&joined);
        }
        // A label qualified in brackets (牵头单位（部门）, 完成时限（时间节点）):
        // the label before them.
        if found.is_none() && label.ends_with([')', '）']) {
            let head = strip_trailing_note(label);
            if head.len() < label.len() && !head.is_empty() {
                return self.listed_label_as_written(head);
            }
        }
        found
    }

    fn listed_label_as_written(&self, label: &str) -> Option<&(String, Role)> {
        // Without a bracket, which may open a reading, a text is a label
        // when its folded text is one.
        if !label.contains(['(', '（']) {
            let i = if label.chars().all(|c| text::fold(c) == c) {
                self.label_keys.get(label)
            } else {
                self.label_keys.get(&text::folded_word(label))
            };
            return i.map(|&i| &self.labels[i]);
        }
        let first = label.chars().next()?;
        self.labels_by_first
            .get(&text::fold(first))?
            .iter()
            .map(|&i| &self.labels[i])
            .find(|(l, _)| text::starts_with_folded(label, l).is_some_and(|n| n == label.len()))
    }

    /// `s` opens with a word that opens a sentence, never a title's line
    /// (根据, 按照, 为; words.tsv `sentence_open`).
    pub fn opens_sentence(&self, s: &str) -> bool {
        self.sentence_open.iter().any(|w| s.starts_with(w.as_str()))
    }

    /// `s` opens as a 纪要's paragraph does, a comma after the words (会议强调，…).
    pub fn minutes_says(&self, s: &str) -> bool {
        self.minutes_says.iter().any(|w| {
            s.strip_prefix(w.as_str())
                .is_some_and(|r| r.starts_with(['，', ',']))
        })
    }

    /// `s` stops on a word a sentence cannot end on (的, 和, 对, 自 …;
    /// words.tsv `open_end`): what follows it is on the next line.
    pub fn ends_open(&self, s: &str) -> bool {
        self.open_end.iter().any(|w| s.ends_with(w.as_str()))
    }

    /// `s` ends with a word that cites a section (…按照本预案 / 1.1规定,
    /// …依照 / 3.1.2条, …本办法第 / 六十条; words.tsv `cites`, `cites_section`).
    pub fn ends_citing_section(&self, s: &str) -> bool {
        let ends = |w: &String| s.ends_with(w.as_str());
        self.cites.iter().any(ends) || self.cites_section.iter().any(ends)
    }

    /// `s` ends with a word that cites a document (…按照国 / 发〔1998〕15号,
    /// …执行 / 国发〔…〕; words.tsv `cites`, `cites_document`).
    pub fn ends_citing_document(&self, s: &str) -> bool {
        let ends = |w: &String| s.ends_with(w.as_str());
        self.cites.iter().any(ends) || self.cites_document.iter().any(ends)
    }

    /// `t` reads as a table's title: a few words ending with the table
    /// word (2022年某市重点项目投资计划表, …工作责任表), not a word ending so
    /// that names none (人大代表, 发表). No genre word of a document: a
    /// table titled so stands under a notice's date as its enclosure.
    pub fn table_title(&self, t: &str) -> bool {
        let t = text::trim(t);
        text::char_len(t) >= 4
            && self.table_title_end.iter().any(|w| t.ends_with(w.as_str()))
            && !self.table_title_not.iter().any(|w| t.ends_with(w.as_str()))
            && !Lexicon::contains_any(&self.table_title_verb, t)
    }

    /// The title is of a genre that promulgates what it quotes (…令, …公告).
    pub fn promulgates(&self, title: &str) -> bool {
        let core = strip_trailing_note(title);
        self.promulgation.iter().any(|g| core.ends_with(g.as_str()))
    }

    /// Where the last genre word in `s` ends: the largest end of any genre
    /// word's occurrence (overlapping ones counted), in one pass.
    pub fn genre_end_in(&self, s: &str) -> Option<usize> {
        self.genre_end_before(s, s.len() + 1)
    }

    /// As [`Lexicon::genre_end_in`], among the ends before `limit`: a genre
    /// word that closes an issuer code (…的批复乌政函〔…) is passed over for
    /// the title's before it.
    pub fn genre_end_before(&self, s: &str, limit: usize) -> Option<usize> {
        self.genre_search
            .as_ref()?
            .find_overlapping_iter(s)
            .map(|m| m.end())
            .filter(|&e| e < limit)
            .max()
    }

    /// Where an issuer code run into the title before it starts in `s`
    /// (…的决定黔东南党发, …的实施意见国): after the last genre word ending
    /// before `limit`, the rest of `s` is `chars` ideographs (one or two
    /// fewer than an issuer writes tell a code cut by a wrap).
    pub fn code_after_genre(
        &self,
        s: &str,
        limit: usize,
        chars: std::ops::RangeInclusive<usize>,
    ) -> Option<usize> {
        let g = self.genre_end_before(s, limit)?;
        let code = &s[g..];
        (chars.contains(&text::char_len(code)) && code.chars().all(text::is_han)).then_some(g)
    }

    /// Where every genre word's occurrence in `s` ends (overlapping ones
    /// counted), sorted: one pass that answers [`Lexicon::genre_end_in`] and
    /// [`Lexicon::genre_end_before`] for every prefix of `s` (see
    /// [`GenreEnds`]), so that a line read at each of many numbers is not
    /// searched again from its start for each.
    pub fn genre_ends(&self, s: &str) -> GenreEnds {
        let mut ends: Vec<usize> = self
            .genre_search
            .as_ref()
            .map(|ac| ac.find_overlapping_iter(s).map(|m| m.end()).collect())
            .unwrap_or_default();
        ends.sort_unstable();
        ends.dedup();
        GenreEnds(ends)
    }

    /// The kind of document a title names: the genre word it ends with,
    /// without a verdict after it (…的通报表扬 → 通报).
    pub fn doc_type(&self, title: &str) -> Option<String> {
        let (g, _) = self.genre_suffix(title)?;
        let kind = self
            .verdict
            .iter()
            .find_map(|v| g.strip_suffix(v.as_str()).filter(|k| !k.is_empty()))
            .unwrap_or(g);
        Some(kind.to_owned())
    }

    /// The genre word `s` ends with, ignoring a trailing bracketed note such
    /// as （试行） or (2021—2023年), and the byte offset where it starts.
    pub fn genre_suffix<'s>(&self, s: &'s str) -> Option<(&'s str, usize)> {
        let trimmed = text::trim(s);
        // The offset is in `s`, past the spaces it may open with.
        let lead = trimmed.as_ptr() as usize - s.as_ptr() as usize;
        let core = strip_trailing_note(trimmed);
        // Only genre words that can end like `core` are compared, in order.
        let by_last = text::last_char_before_reading(core)
            .and_then(|c| self.genres_by_last.get(&c))
            .map_or(&[][..], Vec::as_slice);
        let genre = |&i: &usize| {
            text::ends_with_folded(core, &self.genres[i]).map(|at| (&core[at..], lead + at))
        };
        if self.genres_any_last.is_empty() {
            return by_last.iter().find_map(genre);
        }
        let mut candidates = by_last.to_vec();
        candidates.extend(&self.genres_any_last);
        candidates.sort_unstable();
        candidates.iter().find_map(genre)
    }

    /// The line opens with web-page furniture (首页, 索 引 号：, 【打印本页】…):
    /// a portal word, also inside 【】 (【我要纠错】), or as the label of a
    /// metadata table's first cell (| 索引号： | … |).
    pub fn is_portal(&self, s: &str) -> bool {
        let starts = |s: &str| {
            s.trim_start_matches(text::is_space)
                .chars()
                .next()
                .and_then(|c| self.portal_by_first.get(&text::fold(c)))
                .is_some_and(|words| {
                    words
                        .iter()
                        .any(|&i| text::starts_with_spaced(s, &self.portal[i]))
                })
        };
        // (Trimmed once: each reading below trims again, its own cost then
        // only a look at the ends. A table's row opens with its bar.)
        let s = text::trim(s);
        let row = s.starts_with(['|', '｜']);
        starts(s)
            || s.strip_prefix(['【', '[', '［'])
                .is_some_and(|inner| starts(text::trim(inner)))
            || row && metadata_cell(s).is_some_and(starts)
            || row && label_row(s).is_some_and(|(label, value)| starts(label) && !starts(value))
            || crate::picker::is_picker_line(self, s)
            || crate::picker::is_tool_row(self, s)
            || self.metadata_row(s)
    }

    /// A line of a page's metadata that opens with a `portal_field` label,
    /// its other fields, parted from it by a wide space, portal words or the
    /// font-size picker (日期：2020-08-26　　来源：某市人民政府办公室　　【 大 中 小 】),
    /// or more such labels among them, one portal word at least (日期：…
    /// 作者：　　来源：…　　点击数：). Such a label alone (日期：2020年8月26日),
    /// or beside another only (日期：…　　时间：…), may be a form's field: only
    /// beside the page's other fields is it the page's.
    fn metadata_row(&self, s: &str) -> bool {
        let t = text::trim(s);
        // (It opens with a label's first character, and the label is short:
        // its colon is looked for in the line's head.)
        if !self
            .portal_field
            .iter()
            .any(|w| w.chars().next().is_some_and(|c| t.starts_with(c)))
        {
            return false;
        }
        let head = &t[..text::ceil_char_boundary(t, 40)];
        let Some((c, _)) = text::first_colon(head) else {
            return false;
        };
        if !text::chars_at_most(&t[..c], 6)
            || !self
                .portal_field
                .iter()
                .any(|w| text::squash_eq(&t[..c], w))
        {
            return false;
        }
        // (The picker last, its sizes parted by narrow spaces or not.)
        let picker = t
            .rfind(['【', '['])
            .filter(|&at| crate::picker::sizes_only(self, &t[at..]));
        let t = picker.map_or(t, |at| text::trim(&t[..at]));
        let (mut others, mut all) = (0, true);
        for f in text::wide_fields(t, true).skip(1) {
            if self.is_portal(f) {
                others += 1;
            } else {
                all &= self.is_portal_field(f);
            }
        }
        all && (others > 0 || picker.is_some())
    }

    /// `f` opens with a `portal_field` label and its colon (作者：某某).
    fn is_portal_field(&self, f: &str) -> bool {
        text::first_colon(f).is_some_and(|(c, _)| {
            text::chars_at_most(&f[..c], 6)
                && self
                    .portal_field
                    .iter()
                    .any(|w| text::squash_eq(&f[..c], w))
        })
    }

    /// `label`, already without its spaces (the caller squashes it), ends
    /// with a document number's label (文号, 发文字号): a page's field of
    /// the number.
    pub fn ends_with_number_label(&self, label: &str) -> bool {
        self.number_label
            .iter()
            .any(|w| label.ends_with(w.as_str()))
    }

    /// `s` without the state's name it opens with (中华人民共和国国务院令 → 国务院令).
    pub fn strip_state_name<'s>(&self, s: &'s str) -> &'s str {
        self.state_name
            .iter()
            .find_map(|w| s.strip_prefix(w.as_str()))
            .unwrap_or(s)
    }

    /// The longest organ ending `s` closes with (…人民政府, …办公室), as the
    /// end of `s`.
    pub fn organ_ending<'s>(&self, s: &'s str) -> Option<&'s str> {
        self.organ_endings
            .strip(s)
            .map(|(head, ())| &s[head.len()..])
    }

    /// `head` ends with a note's label and its colon (注：, 说明：, 备注：;
    /// words.tsv `table_note`), at its start or after a sentence's stop:
    /// what follows is the note, its numbers (注：①…) its items'.
    pub fn after_note_label(&self, head: &str) -> bool {
        let Some(head) = crate::text::trim(head).strip_suffix(crate::text::is_colon) else {
            return false;
        };
        let label = head
            .rsplit(['。', '；', ';', '：', ':'])
            .next()
            .map(crate::text::trim)
            .unwrap_or_default();
        self.table_note
            .iter()
            .any(|w| crate::text::squashes_to(label, w))
    }

    pub fn contains_any(list: &[String], s: &str) -> bool {
        list.iter().any(|w| s.contains(w.as_str()))
    }

    /// Byte offset of the first word of `list` in `s`.
    pub fn find_any(list: &[String], s: &str) -> Option<(usize, usize)> {
        list.iter()
            .filter_map(|w| s.find(w.as_str()).map(|i| (i, w.len())))
            .min()
    }
}

/// How many bytes a label's head holds at most, its note in brackets and
/// its letter-spacing counted (牵　头　单　位：, 完成时限（时间节点）：).
const LABEL_HEAD: usize = 96;

/// `办法（试行）` → `办法`; `方案(2021—2023年)` → `方案`. Only one note.
pub fn strip_trailing_note(s: &str) -> &str {
    let t = text::trim(s);
    if !t.ends_with(|c: char| text::is_close_paren(c) || c == '〕' || c == ']') {
        return t;
    }
    // The bracket that opens the closing one, brackets inside it passed over
    // (…办法》（某市人民政府令〔2003〕第6号） is no …令 title); none matching
    // (a note misprinted, （试行〕, …年））), the last opening bracket.
    match text::closing_group(t)
        .or_else(|| t.rfind(|c: char| text::is_open_paren(c) || c == '〔' || c == '['))
    {
        Some(open) if open > 0 => text::trim(&t[..open]),
        _ => t,
    }
}

/// The ends of the genre words in one line, sorted ([`Lexicon::genre_ends`]).
/// A genre word ending at or before `p` lies wholly in the line's first `p`
/// bytes, so the queries below equal searching that prefix on its own.
#[derive(Debug, Clone, Default)]
pub struct GenreEnds(Vec<usize>);

impl GenreEnds {
    /// As `genre_end_in(&s[..p])`: the last end at or before `p`.
    pub fn in_prefix(&self, p: usize) -> Option<usize> {
        let n = self.0.partition_point(|&e| e <= p);
        n.checked_sub(1).map(|i| self.0[i])
    }

    /// As `genre_end_before(&s[..p], p)`: the last end before `p`.
    pub fn before(&self, p: usize) -> Option<usize> {
        let n = self.0.partition_point(|&e| e < p);
        n.checked_sub(1).map(|i| self.0[i])
    }
}

/// The first label and value of a row of a page's metadata table whose
/// labels go without a colon, label and value cell by cell, two pairs or
/// more (`| 文号 | 某政发〔2021〕 7 号 | 生成日期 | 2021-04-16 |` → `文号`,
/// `某政发〔2021〕 7 号`): the labels short, ideographs only, a value holding
/// a digit (a code, a number, a date). (A table of a document's own heads
/// its columns with labels only: | 文号 | 文件名称 | 发布日期 | 备注 |.)
pub fn label_row(s: &str) -> Option<(&str, &str)> {
    let row = text::trim(s).strip_prefix(['|', '｜'])?;
    let row = row.strip_suffix(['|', '｜']).unwrap_or(row);
    let label = |c: &str| {
        text::chars_at_most(c, 8)
            && !c.is_empty()
            && c.chars().all(|c| text::is_han(c) || text::is_space(c))
    };
    // (Read pair by pair: a row that is none fails at its first cells.)
    let mut cells = row.split(['|', '｜']).map(text::trim);
    let first = (cells.next()?, cells.next()?);
    let (mut pairs, mut digit, mut pair) = (0, false, Some(first));
    while let Some((name, value)) = pair {
        if !label(name) || value.is_empty() {
            return None;
        }
        pairs += 1;
        digit |= value.contains(|c: char| c.is_ascii_digit());
        pair = match (cells.next(), cells.next()) {
            (Some(name), Some(value)) => Some((name, value)),
            (None, _) => None,
            (Some(_), None) => return None,
        };
    }
    (pairs >= 2 && digit).then_some(first)
}

/// The first cell of a row of a page's metadata table, when it is a label
/// (`| 索引号： | 1134…/202006-00012 | 信息分类： | 其他文件 |` → `索引号：`):
/// a cell ending with its colon. (A table of a document's own heads its
/// columns without one: | 文号 | 标题 |.)
fn metadata_cell(s: &str) -> Option<&str> {
    let row = text::trim(s).strip_prefix(['|', '｜'])?;
    let cell = text::trim(row.split(['|', '｜']).next()?);
    cell.ends_with(text::is_colon).then_some(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page's metadata row (a date or time label beside the page's other
    /// fields), a bracketed box label and a metadata table's row are the
    /// page's; a form's date field or a document's own table is not.
    #[test]
    fn metadata_rows_and_label_rows() {
        let lex = Lexicon::builtin();
        for t in [
            "日期：2020-08-26　　来源：某市人民政府办公室　　【 大 中 小 】",
            "时间：2021-04-19 09:30　来源：市政府办公室",
            "日期：2020-08-26　[大 中 小]",
            "日期：2022-05-12　　作者：　　来源：某市人民政府办公室　　点击数：",
            "作者：某某　　浏览量：356",
            "文章来源：某市人民政府办公室",
            "【阅读次数：1234】",
            "[ 索引号 ] 001008855/2020-30517　　[ 主题分类 ] 城乡建设",
            "| 文号 | 某政发〔2021〕 7 号 | 生成日期 | 2021-04-16 |",
            "分享：",
        ] {
            assert!(lex.is_portal(t), "{t}");
        }
        for t in [
            "日期：2020年8月26日",
            "日期：2020-08-26　　地点：市政府第一会议室",
            "时间：2021年5月　　内容：开展专项检查",
            "日期：2021年5月20日　　时间：上午9:00",
            "作者：须为本市户籍居民",
            "作者：某某　　单位：某市某中学",
            "| 文号 | 标题 | 发布日期 | 备注 |",
            "| 文号 | 文件名称 | 发布日期 | 有效性 |",
            "| 序号 | 文号 |",
        ] {
            assert!(!lex.is_portal(t), "{t}");
        }
        assert_eq!(
            label_row("| 公开方式 | 主动公开 | 统一编号 | ZJDC00-2021-0003 |"),
            Some(("公开方式", "主动公开"))
        );
        assert_eq!(label_row("| 1 | 某市 | 2 | 某县 |"), None);
        assert_eq!(
            label_row("| 名称 | 某市人民政府关于某事项的实施意见 |"),
            None
        );
    }

    /// A note's label before its colon, alone or after a stop; not a word
    /// that merely ends with one.
    #[test]
    fn note_labels() {
        let lex = Lexicon::builtin();
        assert!(lex.after_note_label("注："));
        assert!(lex.after_note_label("　　说　明:"));
        assert!(lex.after_note_label("加大资金支持。备注："));
        assert!(!lex.after_note_label("重点关注："));
        assert!(!lex.after_note_label("注"));
    }

    /// A metadata table's row is furniture by its first cell's label; a
    /// table's header row without colons is not.
    #[test]
    fn metadata_table_rows() {
        let lex = Lexicon::builtin();
        assert!(
            lex.is_portal("| 索引号： | 11341600003212345B/202006-00012 | 信息分类： | 其他文件 |")
        );
        assert!(lex.is_portal("| 文号： | 亳政函〔2020〕45号 | 发布日期： | 2020-06-08 |"));
        assert!(!lex.is_portal("| 文号 | 标题 | 发布日期 |"));
        assert!(!lex.is_portal("| 序号： | 某事项 |"));
        assert_eq!(
            metadata_cell("| 发布机构： | 某市人民政府 |"),
            Some("发布机构：")
        );
    }

    /// The last genre word's end, and the last before a limit: the title's
    /// 批复 before the 函 that closes an issuer code.
    #[test]
    fn genre_ends_before_a_limit() {
        let lex = Lexicon::builtin();
        let t = "某市人民政府关于调整社区设置的批复乌政函";
        let core = t.len();
        assert_eq!(lex.genre_end_in(t), Some(core));
        let pifu = t.find("乌政函").unwrap();
        assert_eq!(lex.genre_end_before(t, core), Some(pifu));
        assert_eq!(lex.genre_end_before("乌政函", "乌政函".len()), None);
    }

    /// The note a title closes with, brackets inside it passed over; a
    /// line with no closing note, or only a note, keeps its text.
    #[test]
    fn trailing_notes() {
        for (s, core) in [
            ("某某管理办法（试行）", "某某管理办法"),
            ("某某方案(2021—2023年)", "某某方案"),
            (
                "发布的《某办法》（某市人民政府令〔2003〕第6号）",
                "发布的《某办法》",
            ),
            ("某某通知〔2020〕", "某某通知"),
            ("（试行）", "（试行）"),
            ("某某办法", "某某办法"),
            ("某某办法试行）", "某某办法试行）"),
            ("某某管理办法（试行〕", "某某管理办法"),
            ("某某规划（2021—2035年））", "某某规划"),
        ] {
            assert_eq!(strip_trailing_note(s), core, "{s}");
        }
        // The genres ends, one search for every prefix.
        let lex = Lexicon::builtin();
        let t = "关于某某的通知某政发〔2021〕1号、关于某某的决定";
        let ends = lex.genre_ends(t);
        for p in [
            0,
            6,
            t.find("某政发").unwrap(),
            t.find("、").unwrap(),
            t.len(),
        ] {
            assert_eq!(ends.in_prefix(p), lex.genre_end_in(&t[..p]), "{p}");
            assert_eq!(ends.before(p), lex.genre_end_before(&t[..p], p), "{p}");
        }
    }

    /// A label's head cut off by a wrap; a whole label, one character, or
    /// words no label opens with are none.
    /// A label qualified in brackets is the label; its role is the label's.
    #[test]
    fn labels_qualified_in_brackets() {
        let lex = Lexicon::builtin();
        let (l, r, _) = lex.label_at("牵头单位（部门）：市住建局").unwrap();
        assert_eq!((l, r), ("牵头单位（部门）", Role::Lead));
        assert_eq!(lex.role_of("完成时限（时间节点）"), Role::Deadline);
        assert!(!lex.is_label("（部门）"));
    }

    /// A leader's label naming its level with 级 is the label without it
    /// (grammar: `label_level`, `label_level_mark`); a level word alone,
    /// or a longer word, is none.
    #[test]
    fn leader_labels_with_level_marks() {
        let lex = Lexicon::builtin();
        for (t, label) in [
            ("包抓县级领导：王某某", "包抓县级领导"),
            ("包抓市级领导：李某某", "包抓市级领导"),
            ("牵头县级领导：赵某", "牵头县级领导"),
            ("责任区级领导：赵某", "责任区级领导"),
            ("联系旗级领导：赵某", "联系旗级领导"),
            ("分管縣級領導：趙某", "分管縣級領導"),
        ] {
            let (l, r, _) = lex.label_at(t).expect(t);
            assert_eq!((l, r), (label, Role::Leaders), "{t}");
        }
        assert_eq!(lex.label_ending("市委常委　包抓县级领导"), Some(15));
        for t in [
            "县级领导：王某某",
            "包抓县级领导干部：王某",
            "牵头级单位：市财政局",
        ] {
            assert!(lex.label_at(t).is_none(), "{t}");
        }
    }

    /// A label names the level it is written for (grammar: `label_level`,
    /// `label_level_ending`): a leader's before its ending, with 级 or
    /// without (挂钩州领导, 挂钩州级领导); a unit's or a leader's with 级
    /// before it (州级牵头单位, 县级挂钩领导). Same role as the label.
    /// Never a level alone before an ending, nor before a label naming no
    /// unit and no leader, nor twice.
    #[test]
    fn labels_naming_their_level() {
        let lex = Lexicon::builtin();
        for (t, label, role) in [
            ("挂联州领导：泽仁", "挂联州领导", Role::Leaders),
            ("包联领导：刘勇", "包联领导", Role::Leaders),
            ("挂钩州级领导：格桑", "挂钩州级领导", Role::Leaders),
            ("督办州领导：李某", "督办州领导", Role::Leaders),
            ("挂钩联系领导：王某", "挂钩联系领导", Role::Leaders),
            ("州级挂钩领导：王某", "州级挂钩领导", Role::Leaders),
            ("市级包保领导：王某", "市级包保领导", Role::Leaders),
            ("州级牵头单位：州扶贫办", "州级牵头单位", Role::Lead),
            ("州级责任单位：州民政局", "州级责任单位", Role::Responsible),
            (
                "县级责任单位：各县人民政府",
                "县级责任单位",
                Role::Responsible,
            ),
            (
                "旗级配合单位：旗财政局",
                "旗级配合单位",
                Role::Participating,
            ),
            ("县级实施部门：县住建局", "县级实施部门", Role::Implementing),
            ("牵头责任部门：市财政局", "牵头责任部门", Role::Lead),
            ("协同部门：市财政局", "协同部门", Role::Participating),
            ("縣級責任單位：縣財政局", "縣級責任單位", Role::Responsible),
        ] {
            let (l, r, _) = lex.label_at(t).expect(t);
            assert_eq!((l, r), (label, role), "{t}");
        }
        assert_eq!(
            lex.label_ending("州扶贫办　州级责任单位"),
            Some("州扶贫办　".len())
        );
        for t in [
            "州级领导：王某",
            "州级领导要带头深入一线。",
            "州级督办单位：州政府督查室",
            "州级完成时限：2022年底前",
            "州级挂钩州领导：王某",
            "州牵头单位：州扶贫办",
            "州级挂钩领导干部：王某",
        ] {
            assert!(lex.label_at(t).is_none(), "{t}");
        }
    }

    #[test]
    fn label_heads() {
        let lex = Lexicon::builtin();
        for t in ["责任单", "配合单", "牵头", "完成时"] {
            assert!(lex.is_label_head(t), "{t}");
        }
        for t in ["责任单位", "责", "加强组织", ""] {
            assert!(!lex.is_label_head(t), "{t}");
        }
    }

    #[test]
    fn a_label_role_looked_up_among_labels_starting_alike() {
        let lex = Lexicon::builtin();
        let linear = |label: &str| {
            lex.labels
                .iter()
                .find(|(l, _)| text::starts_with_folded(label, l).is_some_and(|n| n == label.len()))
                .map_or(Role::Field, |(_, r)| *r)
        };
        let mut tried: Vec<String> = lex.labels.iter().map(|(l, _)| l.clone()).collect();
        tried.extend(lex.labels.iter().map(|(l, _)| format!("{l}x")));
        tried.extend(["", "牽(qiān)頭單位", "Ａ类", "责任", "完成时限", "备注"].map(String::from));
        for t in &tried {
            assert_eq!(lex.role_of(t), linear(t), "{t}");
            let listed = lex
                .labels
                .iter()
                .any(|(l, _)| text::starts_with_folded(t, l).is_some_and(|n| n == t.len()));
            assert_eq!(lex.is_label(t), listed, "{t}");
        }
        assert_eq!(lex.role_of("牵头单位"), Role::Lead);
    }

    #[test]
    fn first_characters_reject_only_what_no_word_opens() {
        let lex = Lexicon::builtin();
        for w in &lex.colophon {
            assert!(lex.colophon_firsts.may_open(w), "{w}");
        }
        for w in &lex.attachment {
            assert!(lex.attachment_firsts.may_open(w), "{w}");
        }
        for w in &lex.portal {
            assert!(lex.is_portal(w), "{w}");
        }
        // Folded: a full-width letter opens what its half-width form opens.
        let f = FirstChars::of(&["Ab".to_owned(), "附件".to_owned()]);
        assert!(f.may_open("Ａbc"));
        assert!(f.may_open("附件1：某表"));
        assert!(!f.may_open("抄送：各部门"));
        assert!(!f.may_open(""));
    }

    #[test]
    fn a_genre_suffix_compared_only_with_words_ending_alike() {
        let lex = Lexicon::builtin();
        fn linear<'s>(lex: &Lexicon, s: &'s str) -> Option<(&'s str, usize)> {
            let trimmed = text::trim(s);
            let lead = trimmed.as_ptr() as usize - s.as_ptr() as usize;
            let core = strip_trailing_note(trimmed);
            lex.genres
                .iter()
                .find_map(|g| text::ends_with_folded(core, g).map(|at| (&core[at..], lead + at)))
        }
        let sample = crate::testdata::SAMPLE;
        let mut found = 0;
        for line in sample.lines().chain([
            "关于印发方案的通(tōng)知(zhī)",
            "石嘴山市文明祭祀管理办法（试行）",
            "某某实施意见 ",
            "\t的通知",
            " 　关于印发某方案的通知",
            "没有文种",
            "",
        ]) {
            assert_eq!(lex.genre_suffix(line), linear(&lex, line), "{line}");
            found += usize::from(linear(&lex, line).is_some());
        }
        assert!(found > 20, "{found}");
    }

    #[test]
    fn the_last_genre_word_found_in_one_pass() {
        let lex = Lexicon::builtin();
        let naive = |s: &str| {
            lex.genres
                .iter()
                .filter_map(|g| s.rfind(g.as_str()).map(|p| p + g.len()))
                .max()
        };
        let sample = crate::testdata::SAMPLE;
        let mut found = 0;
        for line in sample.lines().chain([
            "关于印发实施方案的通知国发〔2019〕5号",
            "决定的意见的通知",
            "没有文种的句子",
            "",
        ]) {
            assert_eq!(lex.genre_end_in(line), naive(line), "{line}");
            found += usize::from(naive(line).is_some());
        }
        assert!(found > 50, "{found}");
    }

    #[test]
    fn embedded_grammar_loads() {
        let lex = Lexicon::builtin();
        assert!(lex.labels.len() > 20);
        let (l, r, n) = lex.label_at("牵头单位:市农业农村局").unwrap();
        assert_eq!((l, r), ("牵头单位", Role::Lead));
        assert_eq!(&"牵头单位:市农业农村局"[n..], "市农业农村局");
        let (_, r, _) = lex.label_at("責任單位：各區縣").unwrap();
        assert_eq!(r, Role::Responsible);
        assert!(lex.label_at("牵头单位要加强").is_none());
        // Letter-spaced, or in 【】 with its value after it, colon or none.
        let (l, r, n) = lex.label_at("牵 头 单 位：市旅游局").unwrap();
        assert_eq!(
            (l, r, &"牵 头 单 位：市旅游局"[n..]),
            ("牵 头 单 位", Role::Lead, "市旅游局")
        );
        for t in [
            "【责任单位】县发改局",
            "【责任单位】：县发改局",
            "【 责任单位 】 县发改局",
        ] {
            let (l, r, n) = lex.label_at(t).unwrap();
            assert_eq!(
                (l, r, &t[n..]),
                ("责任单位", Role::Responsible, "县发改局"),
                "{t}"
            );
        }
        assert!(lex.label_at("【重点任务】县发改局").is_none());
        assert!(lex.label_at("牵 头 抓 总：县发改局").is_none());
        // Alone in a flattened table's first cell, no colon; not in a
        // header row, nor before one space.
        for (t, want) in [
            ("牵头单位\t市发展改革委", "市发展改革委"),
            ("完成时限　　2020年10月31日前", "2020年10月31日前"),
            ("责任单位 | 各县区政府 |", "各县区政府 |"),
            ("配合单位  市财政局", "市财政局"),
        ] {
            let (l, _, n) = lex.label_at(t).unwrap();
            assert_eq!((lex.is_label(l), &t[n..]), (true, want), "{t}");
        }
        for t in [
            "牵头单位\t责任单位\t完成时限",
            "完成时限 | 工作任务",
            "责任单位 市财政局",
            "责任单位要\t加强",
            "牵头单位\t",
            "牵头单位  要切实履行职责，加强统筹协调。",
        ] {
            assert!(lex.label_at(t).is_none(), "{t}");
        }
        assert_eq!(
            lex.genre_suffix("石嘴山市文明祭祀管理办法（试行）")
                .unwrap()
                .0,
            "办法"
        );
        assert_eq!(lex.genre_suffix("关于印发某方案的通知").unwrap().0, "通知");
        // The offset is in the text as given, spaces before it and all.
        let t = "\t的通知";
        let (_, at) = lex.genre_suffix(t).unwrap();
        assert_eq!(&t[at..], "通知");
    }

    /// A 通报 naming its verdict after the genre word ends a title, and is
    /// a 通报; a verdict alone is no genre.
    #[test]
    fn a_verdict_after_the_genre_word() {
        let lex = Lexicon::builtin();
        for (title, kind) in [
            ("某市人民政府办公室关于对某某单位的通报表扬", "通报"),
            ("某县人民政府关于对进度滞后单位的通报批评", "通报"),
            ("某市人民政府关于表彰先进单位的决定", "决定"),
            ("某市政府关于某某的通报（2020年）", "通报"),
        ] {
            assert_eq!(lex.doc_type(title).as_deref(), Some(kind), "{title}");
        }
        assert_eq!(lex.doc_type("对某某单位予以表扬"), None);
        assert_eq!(lex.doc_type("给予批评"), None);
    }

    /// A table's title ends with the table word, a word ending so that
    /// names no table aside.
    #[test]
    fn table_titles_end_with_the_table_word() {
        let lex = Lexicon::builtin();
        for t in [
            "2022年某市重点项目投资计划表",
            "某县重点工作责任表",
            "民生实事推进情况统计表",
            "年度考核评分表",
            "项目资金申请汇总表",
            "新旧条文对照表",
            "报送情况统计表",
        ] {
            assert!(lex.table_title(t), "{t}");
        }
        for t in [
            "附表",
            "市人大代表",
            "论文发表",
            "某市重点项目投资计划",
            "各县区务必及时填报计划表",
            "请按时报送统计报表",
            "各县区要认真填写调查表",
            "以上事项请对照附表",
            "具体任务详见附表",
            "各乡镇要及时上报统计表",
        ] {
            assert!(!lex.table_title(t), "{t}");
        }
    }
}
