//! Task tables (任务分解表, 责任分工表, 重点任务清单) flattened to text.
//!
//! Archives and web pages hold a table in one of four shapes: one cell per line,
//! tab-separated rows, `|`-separated rows (Markdown, with or without a `|---|`
//! rule), or records of `label: | value |` lines. Each is recognised by its header
//! row: cells that are column words (`grammar/words.tsv`: 序号, 重点任务 …) or
//! labels (`grammar/labels.tsv`: 牵头单位, 完成时限 …). The rows after it become
//! clauses of kind `num` (number = the 序号 cell, or the row's position),
//! heading = the task cell, fields = the other `[header, cell]` pairs; a row
//! spanning the table (`一、提升政务服务效能`) is a category clause the rows nest
//! under. Cells that wrap onto further lines are joined; page numbers and a
//! header repeated on every printed page are table furniture, never clauses.

use crate::lexicon::{ColumnWord, Lexicon, Role};
use crate::lines::{furniture, Line};
use crate::marker::{self, ClauseKind};
use crate::normalize::numeral;
use crate::record::Part;
use crate::text;

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Serial,
    Task,
    Other,
}

/// How the table was flattened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Cells separated by this character on one line.
    Delimited(char),
    /// One cell per line.
    OneCell,
    /// `label: | value |` lines, one record per row.
    Records,
    /// Cells aligned in columns by runs of spaces on one line.
    Spaced,
}

/// A clause read from a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A row spanning the table: `一、提升政务服务效能`.
    Category {
        line: usize,
        label: String,
        number: u32,
        heading: String,
    },
    /// A task row.
    Row {
        line: usize,
        label: String,
        number: u32,
        /// The task cell (the clause's text; its heading is cut from it).
        task: String,
        /// The other cells, `[header, cell]` in column order; empty when the
        /// table has no responsibility or deadline column.
        fields: Vec<(String, String)>,
        /// In a table with no such column, the other cells instead, as the
        /// clause's text under its task (县区：甲县；完成数：120): no task is
        /// read from them, and nothing the row holds is lost.
        rest: Option<String>,
    },
}

/// A table read from a run of units.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub items: Vec<Item>,
    /// The header's cells, and whether the rows are numbered by their
    /// position (the table has no serial column).
    pub header: Vec<String>,
    pub by_position: bool,
    /// How many units the table takes, from the first (its header).
    pub consumed: usize,
    /// What each of those units became (index into the run).
    pub parts: Vec<(usize, Part)>,
    /// Rows read in part only: the line and what could not be read.
    pub misread: Vec<(usize, String)>,
}

struct Header {
    cells: Vec<String>,
    kinds: Vec<Column>,
    shape: Shape,
    /// Units the header takes.
    len: usize,
    /// A list table's ([`list_header`]): a line under a row read across
    /// every column is its last cell's rest.
    list: bool,
}

impl Header {
    fn position(&self, k: Column) -> Option<usize> {
        self.kinds.iter().position(|c| *c == k)
    }
    /// The column whose cell is the row's task: the task column, else the
    /// first that is neither the serial nor a role.
    fn task_column(&self, lex: &Lexicon) -> Option<usize> {
        self.position(Column::Task).or_else(|| {
            (0..self.cells.len()).find(|&i| {
                self.kinds[i] != Column::Serial && lex.role_of(&self.cells[i]) == Role::Field
            })
        })
    }
    /// A responsibility, leader or deadline column is present: rows have tasks.
    fn has_roles(&self, lex: &Lexicon) -> bool {
        self.cells.iter().any(|c| lex.role_of(c) != Role::Field)
    }
}

/// The kind of column a header cell names, if it is a column word or a label.
fn column(cell: &str, lex: &Lexicon) -> Option<Column> {
    let c: std::borrow::Cow<str> = if cell.contains(text::is_space) {
        cell.chars().filter(|c| !text::is_space(*c)).collect()
    } else {
        cell.into()
    };
    // A column of one year's figures (2022年目标) is the column of its word.
    let c = match without_year(&c) {
        rest if rest.len() < c.len() => std::borrow::Cow::Owned(rest.to_owned()),
        _ => c,
    };
    // A column of figures in a unit of measure (总投资（万元）, 年度计划投资（亿元）).
    if measured(&c) {
        return Some(Column::Other);
    }
    match lex.column_word(&c) {
        Some(ColumnWord::Serial) => Some(Column::Serial),
        Some(ColumnWord::Task) => Some(Column::Task),
        Some(ColumnWord::Other) => Some(Column::Other),
        // A task column named for its kind of task (整改任务, 攻坚任务).
        None if kind_of_task(&c) => Some(Column::Task),
        None => lex.is_label(&c).then_some(Column::Other),
    }
}

/// A header cell without the year its column's figures are for (2022年目标
/// → 目标, 2020年计划投资（亿元） → 计划投资（亿元）): a four-digit year and 年
/// opening it, a word after them.
fn without_year(cell: &str) -> &str {
    match cell.split_once('年') {
        Some((y, rest))
            if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty() =>
        {
            rest
        }
        _ => cell,
    }
}

/// A header cell naming a kind of task (整改任务, 攻坚任务): at most six
/// ideographs ending in 任务. (Not a period's figures: 年度任务 holds 1.2万人.)
fn kind_of_task(cell: &str) -> bool {
    text::chars_at_most(cell, 6)
        && (cell.ends_with("任务") || cell.ends_with("任務"))
        && !["年度", "季度", "月度"].iter().any(|p| cell.starts_with(p))
        && cell.chars().all(text::is_han)
}

/// A header cell naming its unit of measure in brackets at its end: money,
/// households, lengths, areas, weights (总投资（万元）, 改造面积（万平方米）).
fn measured(cell: &str) -> bool {
    const UNITS: [&str; 14] = [
        "万元",
        "亿元",
        "元",
        "万",
        "户",
        "套",
        "公里",
        "千米",
        "亩",
        "平方米",
        "万平方米",
        "吨",
        "万吨",
        "人",
    ];
    text::before_closing_bracket(cell).is_some_and(|_| {
        let inner = cell.rsplit(['（', '(']).next().unwrap_or("");
        let inner = inner.trim_end_matches(['）', ')']);
        cell.len() > inner.len() + 6 && UNITS.contains(&inner)
    })
}

/// Equal after folding full-/half-width and ignoring spaces.
fn eq_folded(a: &str, b: &str) -> bool {
    text::starts_with_folded(a, b).is_some_and(|n| n == a.len())
}

/// A header cell that makes a table a task table: the task column or a
/// role column (牵头单位, 完成时限 …). A numbered list of names (序号 / 类别 /
/// 单位) is not one.
fn is_task_column(cell: &str, kind: Option<Column>, lex: &Lexicon) -> bool {
    kind == Some(Column::Task) || kind.is_some() && lex.role_of(cell) != Role::Field
}

/// The cells of a delimited line, trimmed (`| a | b |` → [a, b]).
fn cells(t: &str, delim: char) -> Vec<&str> {
    let t = text::trim(t);
    let t = if delim == '|' {
        let t = t.strip_prefix(['|', '｜']).unwrap_or(t);
        t.strip_suffix(['|', '｜']).unwrap_or(t)
    } else {
        t
    };
    t.split(|c: char| c == delim || delim == '|' && c == '｜')
        .map(text::trim)
        .collect()
}

fn delimiter(t: &str) -> Option<char> {
    if t.contains('\t') {
        Some('\t')
    } else if t.contains(['|', '｜']) {
        Some('|')
    } else {
        None
    }
}

/// A header row on one line: at least three cells, all short, nearly all
/// column words, one of them the serial or the task column.
fn delimited_header(t: &str, lex: &Lexicon) -> Option<Header> {
    let delim = delimiter(t)?;
    header_of(&cells(t, delim), Shape::Delimited(delim), lex)
}

/// The header a row of cells `cs` makes: at least three cells, all short,
/// nearly all column words, one of them the task or a role column; or
/// anchored ([`anchored`]) whatever its other short words.
fn header_of(cs: &[&str], shape: Shape, lex: &Lexicon) -> Option<Header> {
    // (Short, the year a column's figures are for aside: 2020年计划投资（亿元）.)
    if cs.len() < 3
        || cs
            .iter()
            .any(|c| c.is_empty() || !text::chars_at_most(without_year(c), 12))
    {
        return None;
    }
    let kinds: Vec<Option<Column>> = cs.iter().map(|c| column(c, lex)).collect();
    let known = kinds.iter().filter(|k| k.is_some()).count();
    let tasky = cs
        .iter()
        .zip(&kinds)
        .any(|(c, k)| is_task_column(c, *k, lex));
    let header = known + 1 >= cs.len() && known >= 2 && tasky || anchored(cs, &kinds, lex);
    header.then(|| Header {
        cells: cs.iter().map(|c| (*c).to_owned()).collect(),
        kinds: kinds
            .into_iter()
            .map(|k| k.unwrap_or(Column::Other))
            .collect(),
        shape,
        len: 1,
        list: false,
    })
}

/// A header of the serial column first and a role or deadline column the
/// grammar knows (`序号⇥项目名称⇥所在区⇥改造内容⇥责任单位⇥完成时限`): a task
/// table whatever its other columns, each a short word (所在区, 改造内容,
/// 所在县（市、区）) standing before the first role column, where a plan
/// describes its task. Not where they stand after it, the figures or
/// results a table counts for each unit (`序号⇥责任单位⇥考核得分⇥等次`,
/// `…⇥责任单位⇥责任人⇥完成情况⇥得分`) or a schedule's activities
/// (`序号⇥时间安排⇥活动内容⇥地点`); a deadline column alone (no unit
/// column) stands with the task column the grammar knows. Not a roster or
/// contact list: no column names a person or a contact (words.tsv
/// `column_person`, `column_contact`).
fn anchored(cs: &[&str], kinds: &[Option<Column>], lex: &Lexicon) -> bool {
    if kinds.first() != Some(&Some(Column::Serial)) {
        return false;
    }
    let role = |i: usize| kinds[i].is_some().then(|| lex.role_of(cs[i]));
    let Some(first_role) = (0..cs.len()).find(|&i| role(i).is_some_and(|r| r != Role::Field))
    else {
        return false;
    };
    let word = |c: &str| {
        text::chars_at_most(c, 8)
            && c.chars().any(text::is_han)
            && c.chars()
                .all(|ch| text::is_han(ch) || matches!(ch, '（' | '）' | '(' | ')' | '、'))
    };
    let ends = |c: &str, words: &[String]| words.iter().any(|w| c.ends_with(w.as_str()));
    let units = (first_role..cs.len())
        .any(|i| role(i).is_some_and(|r| r.names_units() || r == Role::Leaders));
    let task = kinds.contains(&Some(Column::Task));
    (units || task)
        && (0..cs.len()).all(|i| kinds[i].is_some() || i < first_role && word(cs[i]))
        && !cs.iter().any(|c| {
            let c = text::squash(c);
            ends(&c, &lex.column_person) || ends(&c, &lex.column_contact)
        })
}

/// The width `t` takes on the page, in display columns: an ideograph or
/// a U+3000 two, an ASCII character one.
fn width_of(t: &str) -> usize {
    t.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The cells of a line set out in columns by runs of spaces (`序号  重点任务
/// 牵头单位  完成时限`, `1    七里河综合治理提升    市水务局`), each with the
/// display column it starts at, counted from `indent` (an ideograph or a
/// U+3000 is two columns wide). A run of two spaces or more, or of U+3000,
/// parts two cells; one ASCII space stays inside a cell (`市民政局 市财政局`).
fn spaced_cells(t: &str, indent: usize) -> Vec<(usize, &str)> {
    let width = |c: char| if c.is_ascii() { 1 } else { 2 };
    let mut out = Vec::new();
    let (mut col, mut start, mut run, mut run_start) = (indent, None, 0, 0);
    let mut cell_col = indent;
    for (k, c) in t.char_indices() {
        if c == ' ' || c == '\u{3000}' {
            if run == 0 {
                run_start = k;
            }
            run += width(c);
        } else {
            if let Some(s) = start {
                if run >= 2 {
                    out.push((cell_col, &t[s..run_start]));
                    start = None;
                }
            }
            if start.is_none() {
                start = Some(k);
                cell_col = col;
            }
            run = 0;
        }
        col += width(c);
    }
    if let Some(s) = start {
        let end = if run > 0 { run_start } else { t.len() };
        out.push((cell_col, &t[s..end]));
    }
    out
}

/// A header row set out by runs of spaces (`序号  重点任务  牵头单位  完成时限`):
/// no tab or bar, cells as a delimited header's, the first the serial
/// column, so that every row opens with its number (a roster's `组  长：张三`,
/// a signature with its date or a table of names with no serial is none).
fn spaced_header(t: &str, lex: &Lexicon) -> Option<Header> {
    if delimiter(t).is_some() {
        return None;
    }
    let cs: Vec<&str> = spaced_cells(t, 0).into_iter().map(|(_, c)| c).collect();
    let header = header_of(&cs, Shape::Spaced, lex)?;
    (header.kinds.first() == Some(&Column::Serial)).then_some(header)
}

/// How a copy cut a table set out by spaces into lines of one width (a PDF
/// or Word copy hard-wrapping every line at so many characters): that width,
/// and the display columns the header's cells start at on the printed line.
struct Wrap {
    width: usize,
    starts: Vec<usize>,
    /// The spaces the header's first line opens with: each row's too.
    indent: usize,
}

/// One printed line that a copy cut into lines of `width` characters, made
/// whole again: the first of `lines`, then each next one while the line
/// before it is `width` characters long, cut there, and the next is not
/// blank and opens no row (`opens_row`). The lines keep their spaces, so a
/// run of them cut in two still parts two cells. The text and how many
/// lines it took.
fn unwrap_lines<'t>(
    mut lines: impl Iterator<Item = &'t str>,
    width: usize,
    opens_row: impl Fn(&str) -> bool,
) -> (String, usize) {
    let Some(first) = lines.next() else {
        return (String::new(), 0);
    };
    let mut joined = first.to_owned();
    let (mut taken, mut last) = (1, first);
    for l in lines {
        if text::char_len(last) != width || l.is_empty() || opens_row(l) {
            break;
        }
        joined.push_str(l);
        taken += 1;
        last = l;
    }
    (joined, taken)
}

/// A header row set out by spaces that a copy cut into lines of one width
/// (`序号  重点任务      ` / `        责任单位      ` / `    完成时限`): its first line
/// names the serial column first and only columns, and is as long as the
/// lines are cut; the lines joined with their spaces are a header row (see
/// [`spaced_header`]) naming more columns than the first alone, and the unit
/// under them opens a row (its serial, then a cell). Its rows were cut at the
/// same width.
fn wrapped_spaced_header(run: &Run, lex: &Lexicon) -> Option<(Header, Wrap)> {
    let first = run.get(0)?;
    let t = first.text();
    if delimiter(t).is_some() || !may_be_spaced(t) {
        return None;
    }
    let cs = spaced_cells(t, 0);
    if column(cs.first()?.1, lex) != Some(Column::Serial)
        || !cs.iter().all(|(_, c)| column(c, lex).is_some())
    {
        return None;
    }
    let mut lines = run.lines_from(first);
    let line = lines.next()?;
    if text::trim(line) != t {
        return None;
    }
    let width = text::char_len(line);
    // (The header's lines end where the first row opens, whatever their
    // width: a table padded to one width joins no row into its header.)
    let (joined, taken) = unwrap_lines(std::iter::once(line).chain(lines), width, |l| {
        opens_spaced_row(l)
    });
    if taken < 2 || delimiter(&joined).is_some() {
        return None;
    }
    let mut header = spaced_header(&joined, lex)?;
    if header.cells.len() <= cs.len() {
        return None;
    }
    let last_line = first.line() + taken - 1;
    header.len = (0..)
        .take_while(|&k| run.get(k).is_some_and(|u| u.line() <= last_line))
        .count();
    let row = run.get(header.len)?;
    if !opens_spaced_row(row.text()) {
        return None;
    }
    let starts = spaced_cells(&joined, 0)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let indent = leading_spaces(line);
    Some((
        header,
        Wrap {
            width,
            starts,
            indent,
        },
    ))
}

/// How many space characters `l` opens with (ASCII or U+3000).
fn leading_spaces(l: &str) -> usize {
    l.chars()
        .take_while(|&c| c == ' ' || c == '\u{3000}')
        .count()
}

/// A header row set out by runs of spaces with no serial column (`攻坚任务
/// 责任单位    完成时间`): cells as a delimited header's, one naming a role
/// or the deadline, and the three units under it each parting into as many
/// cells (its first rows; they are numbered by their position). With no
/// serial to anchor a row, only such a run of rows shows the table: a
/// paragraph, a roster's `组  长：张三` or a signature beside its date parts
/// into fewer cells, or names no column, and two lines of names under a
/// line of column words may be a section's list (as before).
fn unnumbered_spaced_header(run: &Run, lex: &Lexicon) -> Option<Header> {
    let t = run.get(0)?.text();
    if delimiter(t).is_some() {
        return None;
    }
    let cs: Vec<&str> = spaced_cells(t, 0).into_iter().map(|(_, c)| c).collect();
    let header = header_of(&cs, Shape::Spaced, lex)?;
    let rows = (1..4).all(|k| {
        run.get(k).is_some_and(|u| {
            delimiter(u.text()).is_none() && spaced_cells(u.text(), 0).len() == cs.len()
        })
    });
    (header.position(Column::Serial).is_none() && header.has_roles(lex) && rows).then_some(header)
}

/// A line opening a task table set out by spaces that names too few
/// columns to be read as its header (`序号  项目名称`, the other names cut
/// onto the lines below by a wrap through the padding): two cells, the
/// serial column first, the other the task or a role column. (A header of
/// three cells or more is read as one, whatever its rows.)
pub fn opens_spaced_table(t: &str, lex: &Lexicon) -> bool {
    if delimiter(t).is_some() {
        return false;
    }
    let cs = spaced_cells(t, 0);
    cs.len() == 2
        && column(cs[0].1, lex) == Some(Column::Serial)
        && cs.iter().all(|(_, c)| column(c, lex).is_some())
        && cs
            .iter()
            .any(|(_, c)| is_task_column(c, column(c, lex), lex))
}

/// The rest of a header set out by spaces that a wrap through its padding
/// cut onto the line under it (`    牵头单位        配合单位`, `完成时限`):
/// cells each a column's name, one naming a role or the deadline. (A list
/// of names under `序号  项目名称` has none: no task table.)
pub fn header_rest(t: &str, lex: &Lexicon) -> bool {
    if delimiter(t).is_some() {
        return false;
    }
    let cs = spaced_cells(text::trim(t), 0);
    !cs.is_empty()
        && cs.iter().all(|(_, c)| column(c, lex).is_some())
        && cs.iter().any(|(_, c)| lex.role_of(c) != Role::Field)
}

/// A line opening a row of a table set out by spaces: its serial cell,
/// then a cell after a run of spaces (`1     大良五沙工业园升级改造项目。`).
pub fn opens_spaced_row(t: &str) -> bool {
    let cs = spaced_cells(t, 0);
    cs.len() >= 2 && serial(cs[0].1).is_some()
}

/// The cells of line `t` in a table of `shape` (delimited or spaced).
fn shaped_cells(t: &str, shape: Shape) -> Vec<&str> {
    match shape {
        Shape::Delimited(d) if delimiter(t) == Some(d) => cells(t, d),
        Shape::Spaced if delimiter(t).is_none() => {
            spaced_cells(t, 0).into_iter().map(|(_, c)| c).collect()
        }
        _ => Vec::new(),
    }
}

/// A header's columns (squashed, the serial first) set out a roster of
/// people: a person's name or contact right after the serial (`序号|姓名|…`),
/// or a name's column anywhere with no contact's column beside it
/// (`序号|工作单位|姓名|职务`); words.tsv `column_person`, `column_contact`. (A
/// unit's contact beside it, `序号|单位|姓名|职务|联系电话`, is a list's.)
fn roster(squashed: &[String], lex: &Lexicon) -> bool {
    let ends = |c: &str, words: &[String]| words.iter().any(|w| c.ends_with(w.as_str()));
    let person = |c: &String| ends(c, &lex.column_person);
    let contact = |c: &String| ends(c, &lex.column_contact);
    squashed.get(1).is_some_and(|c| person(c) || contact(c))
        || squashed.iter().any(person) && !squashed.iter().any(contact)
}

/// A list table's header (`序号|企业名称|所在区县|取消原因`, `序号|成员单位|联络员职务`,
/// `序号|单位名称`), whatever its column words: two cells or more, all short,
/// the serial first; no unit or leader column, and no roster of people
/// ([`roster`]; a list of units with a contact's name or telephone beside
/// each is a list). Where the column after the serial names what each
/// row lists (`column_name`: …名称) and three cells or more stand, the unit
/// under it opens row 1 and one of the three after that row 2, in the
/// header's shape (a wrap may cut a row's last cell), and a deadline column
/// may stand among them (its rows have their deadline). Otherwise the two
/// rows under it are rows 1 and 2, each of as many cells as the header, a
/// row's lines a wrap cut joined ([`list_row`]). A header a wrap cut
/// (`序号 | 县（市、区） | 单位名称 | 行` / `业类别`) is read with its pieces
/// joined, as a row's are. Its rows are clauses without tasks where no role
/// column stands.
fn list_header(run: &Run, shape: Shape, lex: &Lexicon) -> Option<Header> {
    let first = run.get(0)?;
    let cs = shaped_cells(first.text(), shape);
    // (Most lines asked have too few cells, or no serial first.)
    if cs.len() < 2 || column(cs[0], lex) != Some(Column::Serial) {
        return None;
    }
    list_header_of(run, &cs, 1, shape, lex).or_else(|| {
        let Shape::Delimited(delim) = shape else {
            return None;
        };
        let next = run.get(1).filter(|n| first.adjoins(n))?;
        let glued = glue(
            &run.pieces(first, delim),
            &header_tail(run, next, delim)?,
            delim,
        );
        list_header_of(run, &cells(&glued, delim), 2, shape, lex)
    })
}

/// The list header the cells `cs` make over the rows from unit `len` on
/// ([`list_header`]).
fn list_header_of(
    run: &Run,
    cs: &[&str],
    len: usize,
    shape: Shape,
    lex: &Lexicon,
) -> Option<Header> {
    if cs.len() < 2 || column(cs[0], lex) != Some(Column::Serial) {
        return None;
    }
    let squashed: Vec<String> = cs.iter().map(|c| text::squash(c)).collect();
    let ends = |c: &str, words: &[String]| words.iter().any(|w| c.ends_with(w.as_str()));
    let named = cs.len() >= 3 && ends(&squashed[1], &lex.column_name);
    let listed = cs.iter().all(|c| {
        !c.is_empty()
            && text::chars_at_most(c, 12)
            && match lex.role_of(c) {
                Role::Field => true,
                Role::Deadline => named,
                _ => false,
            }
    }) && !roster(&squashed, lex);
    let row = |k: usize, n: u32| {
        run.get(k).and_then(|u| {
            let row = shaped_cells(u.text(), shape);
            (row.len() > 1 && serial(row[0]) == Some(n)).then_some(row.len())
        })
    };
    let rows = if named {
        row(len, 1).is_some() && (len + 1..len + 4).any(|k| row(k, 2).is_some())
    } else {
        let want = cs.len();
        list_row(run, len, 1, want, shape).is_some_and(|(n, next)| {
            n == want && list_row(run, next, 2, want, shape).is_some_and(|(n, _)| n == want)
        })
    };
    (listed && rows).then(|| Header {
        kinds: cs
            .iter()
            .map(|c| column(c, lex).unwrap_or(Column::Other))
            .collect(),
        cells: cs.iter().map(|c| (*c).to_owned()).collect(),
        shape,
        len,
        list: true,
    })
}

/// Row `n` of a list table at unit `k`: how many cells it holds and the
/// unit after it. A delimited row short of the header's `want` cells that a
/// wrap cut (`1 | 临桂区 | 桂林临桂燃气有限公司 |` / `城镇燃气`, `2 | 灵川县 |
/// …危险化学品仓` / `储中心 | 危险化学品`) goes on over the lines right under
/// it that open no row, its pieces joined where the wrap cut them, up to
/// two lines.
fn list_row(run: &Run, k: usize, n: u32, want: usize, shape: Shape) -> Option<(usize, usize)> {
    let u = run.get(k)?;
    let cs = shaped_cells(u.text(), shape);
    if cs.len() < 2 || serial(cs[0]) != Some(n) {
        return None;
    }
    let Shape::Delimited(delim) = shape else {
        return Some((cs.len(), k + 1));
    };
    let mut joined = u.text().to_owned();
    let mut last = u;
    let mut next = k + 1;
    while next < k + 3 && cells(&joined, delim).len() < want {
        let Some(tail) = run
            .get(next)
            .filter(|t| last.adjoins(t))
            .and_then(|t| header_tail(run, t, delim).map(|p| (t, p)))
        else {
            break;
        };
        joined = glue(&split_pieces(&joined, delim), &tail.1, delim);
        last = tail.0;
        next += 1;
    }
    Some((cells(&joined, delim).len(), next))
}

/// A line that may be set out in columns by spaces: a run of two spaces
/// or a U+3000 inside it (a byte search).
pub fn may_be_spaced(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr_iter(b' ', b).any(|i| b.get(i + 1) == Some(&b' '))
        || text::ideographic_spaces(t).next().is_some()
}

/// A Markdown table's rule (`|---|:---:|`): cells of dashes and colons.
fn is_rule(cells: &[&str]) -> bool {
    cells.iter().all(|c| {
        c.chars()
            .all(|ch| matches!(ch, '-' | ':' | '－' | '—') || text::is_space(ch))
    })
}

/// A delimited header row cut by a wrap (`序号⇥重点任务⇥牵头单位⇥完成时` /
/// `限`): its two lines joined read as a header naming more columns than
/// the first alone. The second line opens no row (no serial cell first) and
/// is no rule (`|---|`).
fn wrapped_header(run: &Run, delim: char, lex: &Lexicon) -> Option<Header> {
    let (first, next) = (run.get(0)?, run.get(1)?);
    let tail = header_tail(run, next, delim)?;
    let known = |h: &Header| h.cells.iter().filter(|c| column(c, lex).is_some()).count();
    let one = delimited_header(first.text(), lex);
    let d = delim.to_string();
    let head = run.pieces(first, delim).join(&d);
    let glued = delimited_header(&format!("{head}{}", tail.join(&d)), lex);
    // (Or cut at a cell's end, the delimiter lost with the line's end:
    // `序号⇥工作任务⇥牵头单位` / `配合单位⇥完成时限`.)
    let parted = (delim == '\t')
        .then(|| delimited_header(&format!("{head}{d}{}", tail.join(&d)), lex))
        .flatten();
    let two = match (glued, parted) {
        (Some(g), Some(p)) if known(&p) > known(&g) => p,
        (Some(g), _) => g,
        (None, p) => p?,
    };
    (known(&two) > one.as_ref().map_or(0, known)).then_some(Header { len: 2, ..two })
}

/// The pieces of unit `next` where it may be the rest of a header row a
/// wrap cut: it opens no row (no serial cell first), is no rule (`|---|`)
/// and no clause.
fn header_tail<'t>(run: &Run<'_, 't>, next: &Line<'t>, delim: char) -> Option<Vec<&'t str>> {
    let tail = run.pieces(next, delim);
    let opens_row = tail
        .iter()
        .map(|p| text::trim(p))
        .find(|p| !p.is_empty())
        .is_some_and(|p| serial(p).is_some());
    (!opens_row && !is_rule(&tail) && next.marker(false).is_none()).then_some(tail)
}

/// A delimited header of two rows, a group's name spanning columns over
/// their own names (`序号⇥重点任务⇥责任分工⇥⇥完成时限` / `⇥⇥牵头单位⇥配合单位⇥`):
/// the second row names the columns the first leaves empty and those under
/// the group, the others span both rows. Read as one header of the lower
/// names where given (序号, 重点任务, 牵头单位, 配合单位, 完成时限). The first row
/// alone is no header (its empty cell), the second opens no row.
/// The upper row may itself be cut by a wrap (`|序号|重点任务|牵头|配合单` /
/// `位|完成|` / `| | |单位| |时限|`): its two lines joined are the upper row.
fn grouped_header(run: &Run, delim: char, lex: &Lexicon) -> Option<Header> {
    let (first, next) = (run.get(0)?, run.get(1)?);
    if let Some(h) = grouped_lower(run, first.text(), run.pieces(first, delim), 1, delim, lex) {
        return Some(h);
    }
    // (Cheap tests first: the three lines are delimited, the first does not
    // close its row.)
    let lower = run.get(2)?;
    if delimiter(next.text()) != Some(delim)
        || delimiter(lower.text()) != Some(delim)
        || text::trim(first.text()).ends_with(['|', '｜'])
    {
        return None;
    }
    let tail = header_tail(run, next, delim)?;
    let glued = glue(&run.pieces(first, delim), &tail, delim);
    grouped_lower(run, &glued, split_pieces(&glued, delim), 2, delim, lex)
}

/// Pieces cut from two lines joined where a wrap cut them: the last of
/// `head` and the first of `tail` are one.
fn glue(head: &[&str], tail: &[&str], delim: char) -> String {
    let d = delim.to_string();
    format!("{}{}", head.join(&d), tail.join(&d))
}

/// Text cut at every delimiter, as [`Run::pieces`] cuts a unit.
fn split_pieces(t: &str, delim: char) -> Vec<&str> {
    t.split(|c: char| c == delim || delim == '|' && c == '｜')
        .collect()
}

/// The grouped header of the upper row `first` (cut into `upper` pieces)
/// over the lower row at unit `k`, that row whole or cut by a wrap
/// (`|  |  | 单位 | 单位 | 时限` / ` |`): it and the next unit joined then
/// have the upper row's pieces. The header takes the units up to the
/// lower row's last.
fn grouped_lower(
    run: &Run,
    first: &str,
    upper: Vec<&str>,
    k: usize,
    delim: char,
    lex: &Lexicon,
) -> Option<Header> {
    let next = run.get(k)?;
    let lower = run.pieces(next, delim);
    if lower.len() >= upper.len() {
        let h = grouped_rows(first, upper, lower, next, delim, lex)?;
        return Some(Header { len: k + 1, ..h });
    }
    // (The rest opens no row and is no rule of dashes; a lone bar closing
    // the row is its rest.)
    let rest = run.get(k + 1)?;
    let tail = run.pieces(rest, delim);
    let blank = tail.iter().all(|p| text::trim(p).is_empty());
    if delimiter(rest.text()) != Some(delim)
        || lower.len() + tail.len() - 1 != upper.len()
        || !blank && header_tail(run, rest, delim).is_none()
    {
        return None;
    }
    let glued = glue(&lower, &tail, delim);
    let h = grouped_rows(first, upper, split_pieces(&glued, delim), next, delim, lex)?;
    Some(Header { len: k + 2, ..h })
}

/// The header an upper row (`first`, cut into `upper` pieces) and the
/// lower row (`next`, or its first line, cut into `lower` pieces) make
/// together, read as [`grouped_header`] says.
fn grouped_rows(
    first: &str,
    upper: Vec<&str>,
    lower: Vec<&str>,
    next: &Line,
    delim: char,
    lex: &Lexicon,
) -> Option<Header> {
    // (Cheap tests first: the upper row leaves a cell empty between two
    // delimiters, and the next line is delimited too.)
    let inner = text::trim(first).trim_matches(['|', '｜']);
    let empty_cell = inner
        .split(|c: char| c == delim || delim == '|' && c == '｜')
        .any(|c| text::trim(c).is_empty());
    // (Without one, the header's words may be printed over both rows, each
    // column's name cut in two: `|序号|项目名称|牵头|责任|完成|` /
    // `| | |单位|单位|时限|`, read column by column, 牵头单位 …)
    let stacked = !empty_cell;
    if delimiter(next.text()) != Some(delim) || next.marker(false).is_some() {
        return None;
    }
    if upper.len() != lower.len() {
        return None;
    }
    let blank = |p: &str| text::trim(p).is_empty();
    let mut pairs: Vec<(&str, &str)> = upper.into_iter().zip(lower).collect();
    // (A bar table's border bars: an empty piece at either end of both.)
    if delim == '|' {
        if pairs.last().is_some_and(|(u, l)| blank(u) && blank(l)) {
            pairs.pop();
        }
        if pairs.first().is_some_and(|(u, l)| blank(u) && blank(l)) {
            pairs.remove(0);
        }
    }
    // (Each column named in one row at least; the upper row leaves a cell
    // empty, the group's span, and the lower row names it.)
    // (Stacked: the lower row leaves a cell empty, a name on the upper
    // row alone, and names another.)
    let spanned = if stacked {
        pairs.iter().any(|(_, l)| blank(l)) && pairs.iter().any(|(_, l)| !blank(l))
    } else {
        pairs.iter().any(|(u, l)| blank(u) && !blank(l))
    };
    let named = pairs.iter().all(|(u, l)| !blank(u) || !blank(l));
    let opens_row = pairs
        .iter()
        .map(|(_, l)| *l)
        .find(|p| !blank(p))
        .is_some_and(|p| serial(p).is_some());
    // (A stacked header's upper row is none alone.)
    if !spanned || !named || opens_row || stacked && delimited_header(first, lex).is_some() {
        return None;
    }
    let joined: Vec<String> = pairs
        .iter()
        .map(|&(u, l)| match (blank(l), stacked) {
            (true, _) => text::trim(u).to_owned(),
            (false, true) => format!("{}{}", text::trim(u), text::trim(l)),
            (false, false) => text::trim(l).to_owned(),
        })
        .collect();
    delimited_header(&joined.join(&delim.to_string()), lex)
}

/// A header of one cell per line: three or more column words in a row,
/// one of them the serial or the task column.
fn one_cell_header(run: &Run, lex: &Lexicon) -> Option<Header> {
    let mut cells: Vec<String> = Vec::new();
    let mut kinds = Vec::new();
    while let Some(u) = run.get(cells.len()) {
        let t = text::trim(u.text());
        // After the serial or task column, a short word that is not a cell
        // value (储备地点, 数量) is a column of its own.
        let anchored = kinds
            .iter()
            .any(|k| matches!(k, Column::Serial | Column::Task));
        let other = anchored
            && (1..=6).contains(&text::char_len(t))
            && t.chars().all(text::is_han)
            && !cells.iter().any(|c| c == t);
        match column(t, lex) {
            Some(k) if k != Column::Serial || cells.is_empty() => {
                cells.push(t.to_owned());
                kinds.push(k);
            }
            None if other => {
                cells.push(t.to_owned());
                kinds.push(Column::Other);
            }
            _ => break,
        }
    }
    // The header ends where the first row begins (its serial cell, or a
    // category row).
    // Without a serial column, a cell value (not a column word) after a
    // header that names the task and a role.
    let unnumbered = !kinds.contains(&Column::Serial)
        && kinds.contains(&Column::Task)
        && cells.iter().any(|c| lex.role_of(c) != Role::Field);
    let row_follows = run.get(cells.len()).is_some_and(|u| {
        serial(u.text()).is_some()
            || category(u.text()).is_some()
            || unnumbered
                && column(text::trim(u.text()), lex).is_none()
                && u.marker(false).is_none()
    });
    let tasky = cells
        .iter()
        .zip(&kinds)
        .any(|(c, k)| is_task_column(c, Some(*k), lex));
    (cells.len() >= 3 && tasky && row_follows).then_some(Header {
        len: cells.len(),
        cells,
        kinds,
        shape: Shape::OneCell,
        list: false,
    })
}

/// `序号: | 1 |` → (序号, 1).
fn record_line(t: &str) -> Option<(&str, &str)> {
    let (i, c) = t.char_indices().find(|(_, c)| text::is_colon(*c))?;
    let key = text::trim(&t[..i]);
    let rest = text::trim(&t[i + c.len_utf8()..]);
    let value = rest.strip_prefix(['|', '｜'])?;
    let value = value.strip_suffix(['|', '｜']).unwrap_or(value);
    (!key.is_empty() && text::chars_at_most(key, 12)).then_some((key, text::trim(value)))
}

/// A record layout: `序号: | 1 |` then the other `label: | value |` lines; the
/// header is the keys of the first record.
fn records_header(run: &Run, lex: &Lexicon) -> Option<Header> {
    let (first, _) = record_line(run.get(0)?.text())?;
    // Each record opens with the serial, or with the task where the table
    // numbers no rows.
    let first_kind = column(first, lex).filter(|k| matches!(k, Column::Serial | Column::Task))?;
    let mut cells = vec![first.to_owned()];
    let mut kinds = vec![first_kind];
    let mut i = 1;
    while let Some(u) = run.get(i) {
        match record_line(u.text()) {
            Some((k, _)) if eq_folded(k, first) => break,
            Some((k, _)) => {
                cells.push(k.to_owned());
                kinds.push(column(k, lex).unwrap_or(Column::Other));
            }
            // (A value wrapped onto the next lines, closed by its bar.)
            None if u.text().ends_with(['|', '｜']) || value_closes(run, i) => {}
            None => break,
        }
        i += 1;
    }
    (cells.len() >= 3).then_some(Header {
        cells,
        kinds,
        shape: Shape::Records,
        len: 0,
        list: false,
    })
}

/// The units from the candidate header on, and the text they are cut from.
struct Run<'a, 't> {
    first: &'a Line<'t>,
    rest: &'a [Line<'t>],
    src: &'t str,
}

impl<'a, 't> Run<'a, 't> {
    fn get(&self, i: usize) -> Option<&'a Line<'t>> {
        if i == 0 {
            Some(self.first)
        } else {
            self.rest.get(i - 1)
        }
    }

    /// The run from unit `i` on.
    fn from(&self, i: usize) -> Option<Run<'a, 't>> {
        Some(Run {
            first: self.get(i)?,
            rest: self.rest.get(i..).unwrap_or(&[]),
            src: self.src,
        })
    }

    /// How many `delim`s the indentation before unit `u` held: the empty
    /// cells a row's line opened with, trimmed off with the line's spaces
    /// (a continuation line `\t项目。\t\t自然资源和规划局` fills the second and
    /// fourth columns, not the first and third).
    fn leading(&self, u: &Line, delim: char) -> usize {
        let start = u.start().min(self.src.len());
        let Some(before) = self.src.get(..start) else {
            return 0;
        };
        // (Read back over the spaces before the unit only: a unit inside a
        // long line is answered without reading the line.)
        let head = before.trim_end_matches(text::is_space);
        let spaces = &before[head.len()..];
        if head.is_empty() || head.ends_with('\n') {
            spaces.matches(delim).count()
        } else if delim == '\t' && spaces.ends_with('\t') {
            // (A unit the line's reading cut off a row at a tab, a cell
            // that reads as a document's number: `1⇥某市…办法⇥` before
            // `某市人民政府令第2号`.)
            spaces.matches(delim).count()
        } else {
            0
        }
    }

    /// The display column unit `u` starts at: the width of what stands
    /// before it on its line (an ideograph or a U+3000 two columns).
    fn column_of(&self, u: &Line) -> usize {
        let start = u.start().min(self.src.len());
        width_of(text::line_before(self.src, start))
    }

    /// Unit `u` stands after spaces at its line's start (`　　市教育局`), not
    /// flush with the margin as a wrap leaves a cell's rest.
    fn indented(&self, u: &Line) -> bool {
        let start = u.start().min(self.src.len());
        self.src
            .get(..start)
            .is_some_and(|b| b.ends_with(|c: char| text::is_space(c) && c != '\n'))
    }

    /// How many `delim`s the spaces after unit `u`, to its line's end, held:
    /// the empty cells a row's line closed with, or the tab a wrap left at
    /// its end (`…市直有关单位⇥` / `2021年6月底前`).
    fn trailing(&self, u: &Line, delim: char) -> usize {
        let end = (u.start() + u.text().len()).min(self.src.len());
        let Some(after) = self.src.get(end..) else {
            return 0;
        };
        // (Read on over the spaces after the unit only, to the line's end.)
        let rest = after.trim_start_matches(text::is_space);
        if rest.is_empty() || rest.starts_with(['\n', '\r']) {
            after[..after.len() - rest.len()].matches(delim).count()
        } else {
            0
        }
    }

    /// The nearest source lines above and below unit `u`'s line that are
    /// not blank: a printed page's running head that the body's reading
    /// took out as furniture still stands there (黄冈年鉴 2020 / 188).
    fn beside(&self, u: &Line) -> [Option<&'t str>; 2] {
        let start = u.start().min(self.src.len());
        let end = (u.start() + u.text().len()).min(self.src.len());
        let filled = |l: &&str| !text::trim(l).is_empty();
        // (Lines end with LF, CRLF or CR alone: the empty piece between CR
        // and LF is passed over as a blank line is.)
        let above = self.src.get(..start).and_then(|b| {
            let line_start = b.len() - text::line_before(b, b.len()).len();
            b[..line_start].rsplit(['\n', '\r']).find(filled)
        });
        let below = self.src.get(end..).and_then(|a| {
            let next = memchr::memchr2(b'\n', b'\r', a.as_bytes())?;
            a[next..].split(['\n', '\r']).find(filled)
        });
        [above, below]
    }

    /// The source lines from unit `u`'s on, whole: with their leading and
    /// trailing spaces, without their line breaks.
    fn lines_from(&self, u: &Line) -> impl Iterator<Item = &'t str> {
        text::lines_from(self.src, u.start())
    }

    /// Unit `u` cut at every delimiter, with the delimiters its spaces held
    /// at either end: a row a wrap cut goes on where it stopped, so its
    /// lines' pieces join end to start. A bar is its own piece boundary,
    /// at the ends too (`| 1 | 任务` → ["", "1", "任务"]).
    fn pieces(&self, u: &Line<'t>, delim: char) -> Vec<&'t str> {
        let t = u.text();
        let mut out = Vec::new();
        if delim == '\t' {
            out.extend(std::iter::repeat_n("", self.leading(u, delim)));
        }
        out.extend(t.split(|c: char| c == delim || delim == '|' && c == '｜'));
        if delim == '\t' {
            out.extend(std::iter::repeat_n("", self.trailing(u, delim)));
        }
        out
    }
}

/// A cell, `cell` under the column `header`, that a wrap cut and `line`
/// ends: a bracket left open that the line closes first (`《城市建筑` /
/// `垃圾管理规定》`), or a document's number under a number column (文号)
/// that reads as one only joined (`某市人民政` / `府令第2号`).
fn left_open(header: &str, cell: &str, line: &str) -> bool {
    let (cell, line) = (text::trim(cell), text::trim(line));
    if cell.is_empty() || line.is_empty() {
        return false;
    }
    let closes_first = line
        .chars()
        .find(|c| "《（([〔【》）)]〕】".contains(*c))
        .is_some_and(|c| "》）)]〕】".contains(c));
    // (The cell's brackets counted only under a line that closes one: the
    // cell a table's rows grow is not read again under every line.)
    let depth = || {
        cell.chars().fold(0i32, |d, c| match c {
            '《' | '（' | '(' | '[' | '〔' | '【' => d + 1,
            '》' | '）' | ')' | ']' | '〕' | '】' => d - 1,
            _ => d,
        })
    };
    let number_column = header.ends_with(['号', '號']);
    closes_first && depth() > 0
        || number_column
            && !cell.ends_with(['号', '號'])
            && line.ends_with(['号', '號'])
            && text::chars_at_most(line, 12)
}

/// A serial cell: `1`, `12`, `1.`, `一`.
fn serial(cell: &str) -> Option<u32> {
    let c = text::trim(cell).trim_end_matches(['.', '．', '、']);
    if c.is_empty() || !text::chars_at_most(c, 4) {
        return None;
    }
    numeral::any_number(c)
}

/// A page number between printed pages: `— 2 —`, `-2-`, `第2页`.
/// A table's total row opens with 合计, 总计 or 小计 (合　计: spaced).
fn is_total(cell: &str) -> bool {
    let mut cs = cell.chars().filter(|&c| !text::is_space(c));
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some('合' | '总' | '小' | '共'), Some('计'), None)
    )
}

fn is_page_number(t: &str) -> bool {
    let core: String = t
        .chars()
        .filter(|c| {
            !text::is_space(*c) && !matches!(c, '—' | '-' | '－' | '–' | '第' | '页' | '頁')
        })
        .collect();
    !core.is_empty() && core.len() < t.len() && core.chars().all(text::is_digit)
}

/// The caption a table carries on to a new page under: 续表, 续表1, （续表）,
/// 续上表.
fn is_continued(t: &str) -> bool {
    let core =
        text::trim(t).trim_matches(|c: char| text::is_open_paren(c) || text::is_close_paren(c));
    let rest = core
        .strip_prefix("续上表")
        .or_else(|| core.strip_prefix("续表"))
        .or_else(|| core.strip_prefix("續表"));
    rest.is_some_and(|r| text::trim(r).chars().all(|c| text::is_digit(c) || c == '-'))
}

/// A category row: 一、提升政务服务效能 (alone, or as the only cell).
fn category(t: &str) -> Option<(String, u32, String)> {
    let m = marker::marker(t, false)?;
    if m.kind != ClauseKind::Cn {
        return None;
    }
    let heading = text::trim(&t[m.body..]);
    (!heading.is_empty() && !text::has_char(heading, '。')).then(|| {
        (
            text::trim(&t[..m.len]).to_owned(),
            m.number,
            heading.to_owned(),
        )
    })
}

/// Reads a table whose header is `first` (and for one cell per line the units
/// after it). `categories`: a 一、 row spans the table (no 一、 clause is open
/// around it, so it cannot be the document's next section).
pub fn read<'t>(
    first: &Line<'t>,
    rest: &[Line<'t>],
    src: &'t str,
    lex: &Lexicon,
    categories: bool,
) -> Option<Table> {
    let t = first.text();
    let run = Run { first, rest, src };
    let mut wrap = None;
    let header = if record_line(t).is_some() {
        records_header(&run, lex)
    } else if let Some(delim) = delimiter(t) {
        wrapped_header(&run, delim, lex)
            .or_else(|| delimited_header(t, lex))
            .or_else(|| grouped_header(&run, delim, lex))
            .or_else(|| list_header(&run, Shape::Delimited(delim), lex))
    } else if let Some((h, w)) = wrapped_spaced_header(&run, lex) {
        wrap = Some(w);
        Some(h)
    } else if let Some(h) = spaced_header(t, lex)
        .or_else(|| list_header(&run, Shape::Spaced, lex))
        .or_else(|| unnumbered_spaced_header(&run, lex))
    {
        Some(h)
    } else if column(t, lex).is_some() {
        one_cell_header(&run, lex)
    } else {
        None
    }?;
    let mut r = Reader {
        header,
        run,
        lex,
        categories,
        items: Vec::new(),
        parts: Vec::new(),
        open: None,
        rows: 0,
        last_number: 0,
        wrap,
        misread: Vec::new(),
    };
    let consumed = match r.header.shape {
        Shape::Delimited(d) => r.delimited(d),
        Shape::OneCell => r.one_cell(),
        Shape::Records => r.records(),
        Shape::Spaced => r.spaced(),
    };
    r.close();
    if r.rows == 0 {
        return None;
    }
    let by_position = r.header.position(Column::Serial).is_none();
    Some(Table {
        items: r.items,
        header: r.header.cells,
        by_position,
        consumed,
        parts: r.parts,
        misread: r.misread,
    })
}

/// A row being read: its first unit, number, label and cells by column.
struct Open {
    line: usize,
    number: u32,
    label: String,
    cells: Vec<String>,
    /// The columns in the order the row's lines named them, where that is
    /// not the header's (records whose labels differ from the first's).
    order: Vec<usize>,
}

struct Reader<'a, 'b, 't> {
    header: Header,
    run: Run<'b, 't>,
    lex: &'a Lexicon,
    categories: bool,
    items: Vec<Item>,
    parts: Vec<(usize, Part)>,
    open: Option<Open>,
    rows: u32,
    /// The number of the last row started.
    last_number: u32,
    /// How a copy cut the table's lines, where it did (spaced tables).
    wrap: Option<Wrap>,
    /// Rows read in part only (see [`Table::misread`]).
    misread: Vec<(usize, String)>,
}

impl Reader<'_, '_, '_> {
    /// Starts a row; the cells are filled by the caller.
    fn start(&mut self, i: usize, line: usize, label: Option<&str>, number: Option<u32>) {
        self.close();
        self.rows += 1;
        let number = number.unwrap_or(self.rows);
        self.last_number = number;
        self.open = Some(Open {
            line,
            number,
            label: label.map_or_else(|| number.to_string(), |l| text::trim(l).to_owned()),
            cells: vec![String::new(); self.header.cells.len()],
            order: Vec::new(),
        });
        self.parts.push((i, Part::Clause));
    }

    fn close(&mut self) {
        let Some(o) = self.open.take() else {
            return;
        };
        let task_col = self.header.task_column(self.lex);
        let serial_col = self.header.position(Column::Serial);
        let with_fields = self.header.has_roles(self.lex);
        let order = if o.order.is_empty() {
            (0..o.cells.len()).collect()
        } else {
            o.order.clone()
        };
        let others: Vec<(String, String)> = order
            .into_iter()
            .filter(|&c| Some(c) != task_col && Some(c) != serial_col && !o.cells[c].is_empty())
            .map(|c| (self.header.cells[c].clone(), o.cells[c].clone()))
            .collect();
        let (fields, rest) = if with_fields {
            (others, None)
        } else {
            let rest = others
                .iter()
                .map(|(h, c)| format!("{h}：{c}"))
                .collect::<Vec<_>>()
                .join("；");
            (Vec::new(), Some(rest).filter(|r| !r.is_empty()))
        };
        let task = task_col.map(|c| o.cells[c].clone()).unwrap_or_default();
        self.items.push(Item::Row {
            line: o.line,
            label: o.label,
            number: o.number,
            task,
            fields,
            rest,
        });
    }

    /// Unit `i`, `t`, is a printed yearbook page's furniture where its
    /// pages were joined between two rows: its running head beside its bare
    /// number (…|2019年8月 / 荆州年鉴（2020） / 215 / 2|…), or that number
    /// beside the head, also where the body's reading took the head out
    /// (…2019年12月 / 黄冈年鉴 2020 / 188). As in prose (`lines::furniture`),
    /// the number has three or four digits; the next row's serial is none.
    fn yearbook_page(&self, i: usize, t: &str) -> bool {
        let Some(u) = self.run.get(i) else {
            return false;
        };
        let t = text::trim(t);
        if furniture::is_bare_number(t) && !text::chars_at_most(t, 2) {
            return serial(t) != Some(self.last_number + 1)
                && self
                    .run
                    .beside(u)
                    .into_iter()
                    .flatten()
                    .any(|l| furniture::is_running_head(l, self.lex, || true, None));
        }
        furniture::is_running_head(
            t,
            self.lex,
            || {
                self.run
                    .beside(u)
                    .into_iter()
                    .flatten()
                    .any(|l| furniture::is_bare_number(l) || furniture::is_page_number(l))
            },
            None,
        )
    }

    /// Unit `i` is a heading of the document's next section (二、工程建设项目审批)
    /// that the table's rows go on under, its header printed once: the
    /// unit under it opens the table's next row (a serial one past the last
    /// row's: a row numbered 1 again may be another table's, 二、主要指标 /
    /// 1⇥企业开办时间⇥0.5个工作日…), in the table's own shape. A 一、 clause open
    /// around the table keeps its 一、 rows from being categories; this one
    /// is both.
    fn section_over_row(&self, i: usize) -> bool {
        let Some(s) = self.header.position(Column::Serial) else {
            return false;
        };
        let Some(n) = self.run.get(i + 1) else {
            return false;
        };
        if self.rows == 0 || n.marker(false).is_some() {
            return false;
        }
        let first = match self.header.shape {
            // (Not a line its leading tabs put past the first column: a
            // wrapped row's rest.)
            Shape::Delimited(d) if delimiter(n.text()) == Some(d) => (d != '\t'
                || self.run.leading(n, d) == 0)
                .then(|| cells(n.text(), d).get(s).copied())
                .flatten(),
            Shape::OneCell => Some(n.text()),
            _ => None,
        };
        first
            .and_then(serial)
            .is_some_and(|k| k == self.last_number + 1)
    }

    /// A category row, a page number or a repeated header at unit `i`: owned.
    fn furniture_or_category(&mut self, i: usize, t: &str) -> bool {
        if is_page_number(t) || is_continued(t) || self.yearbook_page(i, t) {
            self.parts.push((i, Part::Portal));
            return true;
        }
        if self.categories || self.section_over_row(i) {
            if let Some((label, number, heading)) = category(t) {
                self.close();
                self.items.push(Item::Category {
                    line: self.run.get(i).map_or(0, |u| u.line()),
                    label,
                    number,
                    heading,
                });
                self.parts.push((i, Part::Clause));
                return true;
            }
        }
        false
    }

    fn delimited(&mut self, delim: char) -> usize {
        for k in 0..self.header.len {
            self.parts.push((k, Part::Field));
        }
        let serial_col = self.header.position(Column::Serial);
        let task_col = self.header.task_column(self.lex);
        let last_col = self.header.cells.len() - 1;
        // A header without a bar at its start: a row's bar there before an
        // empty cell closes an empty first cell (` | | |市水利局|`, under
        // `序号|任务|…`), no border.
        let borderless = delim == '|'
            && self
                .run
                .get(0)
                .is_some_and(|h| !text::trim(h.text()).starts_with(['|', '｜']));
        // The column the open row's text has reached: a row cut by a wrap
        // goes on there on its next line.
        let mut col = 0;
        // The open row's last line opened with a bar and did not close
        // with one: a bar table's row a wrap cut (`| 编制…规划。 | 各` /
        // `县人民政府 | 2021` / `年8月底前 |`), which goes on on the next line.
        let mut unclosed = false;
        // The open row's last line closed with a bar: once the row has
        // filled its last cell it is whole, and a line with no bar under it
        // (a note `[1]…` under the table) is none of its cells.
        let mut sealed = false;
        // The header read again before any row: three times is a list of
        // such lines, no table's pages (a header repeats after a page's
        // rows), and reading on would make every one of them read the rest.
        let mut again = 0;
        let mut i = self.header.len;
        while let Some(u) = self.run.get(i) {
            let t = u.text();
            // A row cut at a tab: the tab went with the spaces trimmed off
            // the line's end or start (`…⇥市直有关单位` / `⇥2021年6月底前`),
            // and the line is the row's next cells.
            let tab_cut = delim == '\t'
                && col < last_col
                && !t.contains('\t')
                && u.marker(false).is_none()
                && !u.has_label()
                && !u.is_signature()
                && !u.is_colophon()
                && !self.is_note(text::trim(t))
                && (self.run.leading(u, delim) > 0 && !self.titled_below(i)
                    || !crate::lines::body::attachment_apart(text::trim(t), self.lex))
                && (!u.is_date() || self.rows_after(i, delim))
                && {
                    let lost = self.run.leading(u, delim) + self.run.trailing(u, delim);
                    lost > 0 && self.goes_on(col, &self.run.pieces(u, delim))
                };
            if tab_cut || delimiter(t) == Some(delim) || delim == '|' && t.contains('｜') {
                let mut cs = cells(t, delim);
                // (Only where the cell after the bar is empty too, and the
                // row is short of the header's cells: a row that has bars at
                // both ends, `|1|…|` or `|  |…|`, has its border.)
                if borderless
                    && text::trim(t).starts_with(['|', '｜'])
                    && cs.first().is_some_and(|c| c.is_empty())
                    && cs.len() < self.header.cells.len()
                {
                    cs.insert(0, "");
                }
                if delim == '\t' {
                    let lost = self.run.leading(u, delim);
                    cs.splice(0..0, std::iter::repeat_n("", lost));
                }
                if is_rule(&cs) || delimited_header(t, self.lex).is_some() {
                    // (A rule is no header: one a wrap cut into several
                    // lines, `|------|---` / `-------|`, is read whole.)
                    if self.items.is_empty() && self.open.is_none() && !is_rule(&cs) {
                        again += 1;
                        if again >= 3 {
                            break;
                        }
                    }
                    // (The header again cut by a wrap, under 续表 on a new
                    // page: its tail line is the header's too.)
                    let len = self.header_again(i, delim);
                    for k in i..i + len {
                        self.parts.push((k, Part::Field));
                    }
                    i += len;
                    continue;
                }
                let filled: Vec<&&str> = cs.iter().filter(|c| !c.is_empty()).collect();
                if filled.len() == 1 && self.furniture_or_category(i, filled[0]) {
                    i += 1;
                    continue;
                }
                if self.category_cells(i, &cs, delim) {
                    i += 1;
                    continue;
                }
                // A total row (合计||||1500) ends the rows: it is neither a
                // row nor the last one's continuation.
                if filled.first().is_some_and(|c| is_total(c)) {
                    self.close();
                    self.parts.push((i, Part::Field));
                    i += 1;
                    continue;
                }
                let pieces = self.run.pieces(u, delim);
                // The line goes on the open row where its text stopped: its
                // delimiters do not take the row past its last column (a
                // closing bar aside). A line that would is a line of the
                // row's cells side by side (each cell's next printed line).
                // (Under a bordered row left open, a line that opens with
                // no bar goes on it whatever it holds.)
                let seps = pieces.len() - 1;
                let trimmed = text::trim(t);
                let carried = unclosed
                    && self.open.is_some()
                    && !trimmed.starts_with(['|', '｜'])
                    && self.fits(col, &pieces);
                unclosed = delim == '|'
                    && !trimmed.ends_with(['|', '｜'])
                    && (carried || trimmed.starts_with(['|', '｜']));
                sealed = delim == '|' && trimmed.ends_with(['|', '｜']);
                let goes_on = carried || self.goes_on(col, &pieces);
                // (Cut at a cell's end, its tab lost with the line's end:
                // the line starts the next column.)
                let from = if goes_on && !carried && self.cut_after_cell(col, &pieces) {
                    col + 1
                } else {
                    col
                };
                let first = cs.first().copied().unwrap_or("");
                let complete = col >= last_col;
                // (A bordered row opens with its bar: a line without one
                // that goes on the last cell, `| 2021年12月` / `底前 |`, is
                // that cell's rest, not a row of its own.)
                let rest_of_last =
                    goes_on && delim == '|' && !borderless && !trimmed.starts_with(['|', '｜']);
                // A serial a little past the last row's opens a row, a row
                // left short above it or not (a row may be left out: 2, 4).
                let next = self.last_number + 1..=self.last_number + 5;
                let new_row = !carried
                    && match serial_col {
                        Some(s) => cs
                            .get(s)
                            .and_then(|c| serial(c))
                            .is_some_and(|n| !goes_on || complete || next.contains(&n)),
                        None => !first.is_empty() && (!goes_on || complete && !rest_of_last),
                    };
                if new_row {
                    let label = serial_col.and_then(|s| cs.get(s).copied());
                    let number = label.and_then(serial);
                    self.start(i, u.line(), label, number);
                } else if self.open.is_some() {
                    self.parts.push((i, Part::Field));
                } else {
                    break;
                }
                if let Some(o) = self.open.as_mut() {
                    if !new_row && goes_on {
                        // Cut by a wrap: the first piece goes on the cell
                        // the row stopped in, the rest on the columns after.
                        for (k, p) in pieces.iter().enumerate() {
                            if let Some(cell) = o.cells.get_mut(from + k) {
                                cell.push_str(text::trim(p));
                            }
                        }
                        col = (from + seps).min(last_col);
                        i += 1;
                        continue;
                    }
                    // A row broken inside a cell (…新改建农村 / 公路300公里。⇥市交通
                    // 运输局⇥…): the next line's first cell goes on the last cell
                    // filled, the rest to the columns after it.
                    let shift = match o.cells.iter().rposition(|c| !c.is_empty()) {
                        Some(last)
                            if !new_row
                                && !first.is_empty()
                                && last + cs.len() == o.cells.len() =>
                        {
                            last
                        }
                        _ => 0,
                    };
                    for (k, c) in cs.iter().enumerate() {
                        let Some(cell) = o.cells.get_mut(k + shift) else {
                            break;
                        };
                        if Some(k) != serial_col || !new_row {
                            cell.push_str(c);
                        }
                    }
                    // A row's first line: the columns its delimiters reach
                    // (a bar that opens it is none).
                    if new_row {
                        let opening = usize::from(
                            delim == '|'
                                && pieces.first().is_some_and(|p| text::trim(p).is_empty()),
                        );
                        col = (seps - opening).min(last_col);
                    } else if unclosed {
                        // A bordered line of the row's next cells that the
                        // wrap cut before its closing bar: the row's text
                        // stopped in the column its last cell fills
                        // (`|  | 危桥改造5座。 |  | 各乡镇人` / `民政府 |  |`).
                        col = (shift + cs.len().saturating_sub(1)).min(last_col);
                    } else {
                        col = last_col;
                    }
                }
                i += 1;
                continue;
            }
            if self.furniture_or_category(i, t) {
                i += 1;
                continue;
            }
            // A note under the table, the 版记 (抄送：…), a date or a signature
            // over it ends it: none continues a cell.
            let signs = u.is_signature() && self.run.get(i + 1).is_some_and(|n| n.is_date());
            // (A date with rows after it is a deadline cell wrapped onto a
            // line of its own.)
            // (Nor one under a row whose line ended at the delimiter before
            // an empty deadline cell: …|王建华| / 2020年12月31日.)
            // (One bar closing the line, not `||` or `| |`, which close an
            // empty cell; and a row or the end under the date, not the title of
            // what follows.)
            let awaited = self.open.as_ref().is_some_and(|o| {
                col == last_col
                    && o.cells[last_col].is_empty()
                    && self.lex.role_of(&self.header.cells[last_col]) == Role::Deadline
            }) && i > 0
                && self.run.get(i - 1).is_some_and(|p| {
                    let t = text::trim(p.text());
                    let open = t.trim_end_matches(['|', '｜']);
                    t.len() - open.len() == '|'.len_utf8()
                        && !text::trim(open).ends_with(['|', '｜'])
                })
                && self
                    .run
                    .get(i - 1)
                    .is_some_and(|p| p.line() + 1 == u.line())
                && self
                    .run
                    .get(i + 1)
                    .is_none_or(|n| delimiter(n.text()) == Some(delim) || n.is_signature());
            let dated = u.is_date() && !self.rows_after(i, delim) && !awaited;
            // (So does an attachment's header under a row, no tab lost before
            // it: 附件2 under the last row, not a cell's ⇥附件2：….)
            let attachment = (self.run.leading(u, delim) == 0 || self.titled_below(i))
                && crate::lines::body::attachment_apart(text::trim(t), self.lex);
            if self.is_note(text::trim(t)) || u.is_colophon() || dated || signs || attachment {
                break;
            }
            let plain = u.marker(false).is_none() && !u.has_label();
            // (A bar table's row that a bar closed after its last cell takes
            // no more text; a line under it may only open the next row.)
            let whole = sealed
                && col == last_col
                && self
                    .open
                    .as_ref()
                    .is_some_and(|o| !text::trim(&o.cells[last_col]).is_empty());
            let extends = plain && !whole;
            // A row's last cell, a document's number under a number column
            // (文号), set off by a space from the rest of the cell before it
            // (`1⇥某市人民政府关于…的通` / `知 某政发〔2019〕5号`): the tab read as
            // a space.
            let number_last = col + 1 == last_col
                && self.header.cells[last_col].ends_with(['号', '號'])
                && self
                    .open
                    .as_ref()
                    .is_some_and(|o| !o.cells[col].is_empty() && o.cells[last_col].is_empty());
            let split = text::trim(t).rsplit_once(' ').filter(|(head, number)| {
                !text::trim(head).is_empty()
                    && number.ends_with(['号', '號'])
                    && text::chars_at_most(number, 16)
            });
            if let (true, true, Some((head, number)), Some(o)) =
                (extends, number_last, split, self.open.as_mut())
            {
                o.cells[col].push_str(text::trim(head));
                o.cells[last_col].push_str(number);
                col = last_col;
                self.parts.push((i, Part::Field));
                i += 1;
                continue;
            }
            // A bar table's row without a serial that a wrap cut right
            // before a bar: this line is its whole task cell, the next its
            // other cells (新建城区公办幼儿园5所 / | 市教育局 | 2021年8月底前 | 续建项目).
            if plain && delim == '|' && self.cut_at_bar(i, col) {
                self.open_with_task(i, u.line(), t);
                sealed = false;
                col = 0;
                i += 1;
                continue;
            }
            // A row a wrap cut before its last column goes on in the column
            // it stopped in; so does a last cell whose text this line ends
            // (…⇥2021年6月底 / 前, …⇥市住房城 / 乡建设局), and a bar table's
            // last cell left open (…| 2021年11月底前 | 省定 / 任务).
            // (Mid-row, only between lines of the table and where the cell
            // reads as unfinished: a row may also have fewer cells than the
            // header.)
            let cut = self.open.as_ref().is_some_and(|o| {
                col < last_col && self.rows_after(i, delim) && self.continues(col, &o.cells[col], t)
                    || self.ends_cell(&self.header.cells[last_col], &o.cells[last_col], t)
            }) || delim == '|' && col == last_col && self.ends_open_cell(i, t)
                || borderless && col == last_col && self.after_bar(i, t)
                || col == last_col && self.ends_figure(i, t)
                || self
                    .open
                    .as_ref()
                    .is_some_and(|o| left_open(&self.header.cells[col], &o.cells[col], t));
            if extends && cut {
                // A deadline alone on its line, its tab lost, is the last
                // cell (…⇥市住建局 / 2020年10月31日), not the cell before it.
                if col + 1 == last_col
                    && self.open.as_ref().is_some_and(|o| !o.cells[col].is_empty())
                    && self.ends_cell(&self.header.cells[last_col], "", t)
                {
                    col = last_col;
                }
                if let Some(o) = self.open.as_mut() {
                    o.cells[col].push_str(text::trim(t));
                }
                sealed = false;
                self.parts.push((i, Part::Field));
                i += 1;
                continue;
            }
            // A row without a serial that a wrap cut inside its task cell,
            // under a row read whole: the line opens the next row, it does
            // not go on the row above (…|2021年6月底前 / 开展…整改台 / 账|…).
            if plain && self.whole_row(col, i, delim) && self.opens_cut_row(i, delim, true) {
                self.open_with_task(i, u.line(), t);
                sealed = false;
                // (Past the tab its line kept at its end.)
                col = self.run.trailing(u, delim).min(last_col);
                i += 1;
                continue;
            }
            // A cell wrapped onto a line of its own (its leading tabs are gone
            // with the line's indentation): a unit continues the list cell
            // left open with 、, other text the unfinished task cell.
            // (In a list table, a line under a row read across every
            // column is the last cell's rest: 1⇥…培训班⇥2020年8月⇥市 / 委党校.)
            let target = self.open.as_ref().and_then(|o| {
                if self.header.list && col == last_col {
                    return Some(last_col);
                }
                let is_unit = self
                    .lex
                    .attribution
                    .is_unit(text::trim(t.trim_end_matches('、')));
                let list = (0..o.cells.len())
                    .find(|&c| Some(c) != serial_col && o.cells[c].ends_with(['、', '，', ',']));
                let task = task_col.filter(|&c| {
                    !o.cells[c].is_empty()
                        && !o.cells[c].ends_with(|ch: char| text::is_sentence_end(ch))
                });
                if is_unit {
                    list.or(task)
                } else {
                    task
                }
            });
            if let (Some(c), true) = (target, extends) {
                if let Some(o) = self.open.as_mut() {
                    o.cells[c].push_str(text::trim(t));
                }
                sealed = false;
                self.parts.push((i, Part::Field));
                i += 1;
                continue;
            }
            // A row whose first cell, the task, a wrap cut before its first
            // delimiter (开展营商环境评价。组织开展第三方评 / 价。⇥市营商局⇥…).
            if plain && self.opens_cut_row(i, delim, false) {
                self.open_with_task(i, u.line(), t);
                sealed = false;
                // (Past the tab its line kept at its end.)
                col = self.run.trailing(u, delim).min(last_col);
                i += 1;
                continue;
            }
            break;
        }
        i
    }

    /// Unit `i`, a line without delimiters, opens a row of a table with no
    /// serial whose first column is the task: no row is open that its text
    /// could go on (none yet, the last one's task is closed by its 。, or
    /// `whole`: the caller found the row above whole), and within three
    /// lines a line of the row's cells follows, as many pieces as the
    /// header has cells, or fewer where a wrap cut the row again in its
    /// last piece (…整改台 / 账|市应急管理局|市水利局、自然 / 资源局|…): the
    /// first the rest of the task (no organ's name), the others values of
    /// their columns.
    fn opens_cut_row(&self, i: usize, delim: char, whole: bool) -> bool {
        let task_first = self.header.position(Column::Serial).is_none()
            && self.header.task_column(self.lex) == Some(0);
        let closed = whole
            || self.open.as_ref().is_none_or(|o| {
                o.cells[1..].iter().any(|c| !c.is_empty())
                    && text::trim(&o.cells[0]).ends_with(|ch: char| text::is_sentence_end(ch))
            });
        if !task_first || !closed {
            return false;
        }
        let Some(u) = self.run.get(i) else {
            return false;
        };
        let t = text::trim(u.text());
        if text::chars_at_most(t, 3)
            || t.ends_with(text::is_colon)
            || u.is_title_end()
            || u.is_signature()
            || u.is_date()
        {
            return false;
        }
        for k in i + 1..i + 4 {
            let Some(n) = self.run.get(k) else {
                return false;
            };
            if delimiter(n.text()) == Some(delim) {
                // (Each cell after the first a value of its column: a joint
                // signature, a contact line or an organ and its date set out
                // with tabs are none.)
                let pieces = self.run.pieces(n, delim);
                // (The wrap cut the row right after the task's tab, which
                // the task's line kept at its end, `…步道建设。⇥` /
                // `市住建局⇥朔城区人民政府⇥2022年9月底前`: the line under it
                // holds the other cells, from the column after the task.)
                let kept = if k == i + 1 && delim == '\t' {
                    self.run.trailing(u, delim)
                } else {
                    0
                };
                if kept > 0 {
                    return pieces.len() + kept == self.header.cells.len()
                        && delimited_header(n.text(), self.lex).is_none()
                        && !n.is_signature()
                        && !n.is_date()
                        && !n.has_label()
                        && self.lex.organ_ending(t).is_none()
                        && pieces
                            .iter()
                            .enumerate()
                            .all(|(c, p)| !text::trim(p).is_empty() && self.is_value(kept + c, p));
                }
                let width = self.header.cells.len();
                // (Under a whole row, the wrap shows: the task's head fills
                // its line as the wrap cut it, about as long as the line of
                // cells under it or longer. A shorter one is the rest of the task of
                // the row above, its cells printed beside its first line:
                // …全面排⇥市应急局⇥…⇥2021年底前 / 查重大危险源… / 加强…⇥….)
                let chars = |l: &Line| text::char_len(text::trim(l.text()));
                if whole
                    && self
                        .run
                        .get(k - 1)
                        .is_some_and(|h| 5 * chars(h) < 4 * chars(n))
                {
                    return false;
                }
                // (Cut again: the line's last piece the head of its
                // column's value, the next line of the table under it, or a
                // line that lost its tab to the margin: ⇥持续推进.)
                let cut = pieces.len() < width
                    && (self.rows_after(k, delim)
                        || self
                            .run
                            .get(k + 1)
                            .is_some_and(|m| delim == '\t' && self.run.leading(m, delim) > 0))
                    && self.is_cut_value(pieces.len() - 1, pieces[pieces.len() - 1]);
                // (Or cut in its last cell, which the line under it ends:
                // …⇥朔城区人民政府⇥2022 / 年9月底前.)
                let last = width - 1;
                let ends_below = pieces.len() == width
                    && self.is_cut_value(last, pieces[last])
                    && self.run.get(k + 1).is_some_and(|m| {
                        m.line() == n.line() + 1
                            && delimiter(m.text()).is_none()
                            && self.ends_cell(&self.header.cells[last], pieces[last], m.text())
                    });
                let cut = cut || ends_below;
                return (pieces.len() == width || cut)
                    && pieces.len() > 1
                    && delimited_header(n.text(), self.lex).is_none()
                    && !n.is_signature()
                    && !n.is_date()
                    && !n.has_label()
                    // (The task whole above it, the wrap having cut the row
                    // right at its first tab, `…建设。` / `⇥市住建局⇥…`: the
                    // line under it lost that tab to the margin.)
                    && (!text::trim(pieces[0]).is_empty()
                        || k == i + 1 && self.run.leading(n, delim) > 0)
                    // (The rest of a task, not an organ's name: 某市发展和改革
                    // 委员会⇥某市财政局⇥2021年9月20日 is a joint signature.)
                    && self.lex.organ_ending(text::trim(pieces[0])).is_none()
                    && pieces[1..].iter().enumerate().all(|(c, p)| {
                        !text::trim(p).is_empty()
                            && (self.is_value(c + 1, p) || cut && c + 2 == pieces.len())
                    });
            }
            if n.marker(false).is_some() || n.has_label() || n.is_date() || n.is_signature() {
                return false;
            }
        }
        false
    }

    /// The open row is whole where unit `i` stands: its text reached the
    /// last column (`col`), every cell is filled, none is a list left open
    /// at a separator, and the last cell is a whole value of its column (a
    /// deadline read whole); unit `i` lost no delimiter to its line's
    /// spaces (a cell's next printed line set out side by side does).
    fn whole_row(&self, col: usize, i: usize, delim: char) -> bool {
        let last_col = self.header.cells.len() - 1;
        let Some(o) = self.open.as_ref() else {
            return false;
        };
        col == last_col
            && o.cells
                .iter()
                .all(|c| !c.is_empty() && !c.ends_with(['、', '，', ',']))
            && self.lex.role_of(&self.header.cells[last_col]) != Role::Field
            && self.is_value(last_col, &o.cells[last_col])
            && self.run.get(i).is_some_and(|u| {
                delim != '\t' || self.run.leading(u, delim) + self.run.trailing(u, delim) == 0
            })
    }

    /// Opens a row at unit `i` (source line `line`) with its task cell,
    /// `t`, the row's other cells to come: a wrap cut the row after it.
    fn open_with_task(&mut self, i: usize, line: usize, t: &str) {
        self.start(i, line, None, None);
        if let Some(o) = self.open.as_mut() {
            o.cells[0].push_str(text::trim(t));
        }
    }

    /// Unit `i`, a line without bars, is the task cell of a row of a bar
    /// table without a serial whose first column is the task, the wrap
    /// having cut the row right before its first bar: the next line opens
    /// with that bar and holds the row's other cells, each a value of its
    /// column (新建城区公办幼儿园5所 / | 市教育局 | 2021年8月底前 | 续建项目). No
    /// row is open that the line could go on: none yet, or one whose cells
    /// reached the last column (`col`).
    fn cut_at_bar(&self, i: usize, col: usize) -> bool {
        let width = self.header.cells.len();
        let task_first = self.header.position(Column::Serial).is_none()
            && self.header.task_column(self.lex) == Some(0);
        if !task_first || self.open.is_some() && col + 1 < width {
            return false;
        }
        let (Some(u), Some(n)) = (self.run.get(i), self.run.get(i + 1)) else {
            return false;
        };
        let t = text::trim(u.text());
        let next = text::trim(n.text());
        if n.line() != u.line() + 1
            || !next.starts_with(['|', '｜'])
            || text::chars_at_most(t, 3)
            || t.ends_with(text::is_colon)
            || u.is_title_end()
            || u.is_signature()
            || u.is_date()
            || delimited_header(next, self.lex).is_some()
        {
            return false;
        }
        let mut pieces = self.run.pieces(n, '|');
        // (A closing bar closes the last cell.)
        if next.ends_with(['|', '｜']) {
            pieces.pop();
        }
        pieces.len() == width
            && text::trim(pieces[0]).is_empty()
            && pieces[1..]
                .iter()
                .enumerate()
                .all(|(c, p)| !text::trim(p).is_empty() && self.is_value(c + 1, p))
    }

    /// Unit `i`, `t`, is the last cell of a borderless bar table's row whose
    /// line the wrap cut right after the bar before that cell, left empty
    /// (`4|乡镇卫生院提质改造|改造乡镇卫生院6所|` / `大章镇、德亭镇等6个乡镇`): the
    /// line above ends in one bar, and this one stands flush with the
    /// margin, short, with no stop or colon closing a sentence.
    fn after_bar(&self, i: usize, t: &str) -> bool {
        let last_col = self.header.cells.len() - 1;
        let t = text::trim(t);
        let empty = self
            .open
            .as_ref()
            .is_some_and(|o| o.cells[last_col].is_empty());
        let (Some(u), Some(above)) = (
            self.run.get(i),
            i.checked_sub(1).and_then(|k| self.run.get(k)),
        ) else {
            return false;
        };
        let a = text::trim(above.text());
        let open = a.trim_end_matches(['|', '｜']);
        empty
            && above.line() + 1 == u.line()
            && a.len() - open.len() == '|'.len_utf8()
            && !text::trim(open).ends_with(['|', '｜'])
            && !self.run.indented(u)
            && text::chars_at_most(t, 24)
            && !t.contains(|c: char| text::is_sentence_end(c))
            && !t.ends_with(text::is_colon)
    }

    /// Unit `i`, `t`, ends the last cell of a bar table's row that the line
    /// above left open, no bar closing it (…| 2021年11月底前 | 省定 / 任务): no
    /// stop or comma, under a column that names no role (a unit's or a
    /// deadline's rest is read by [`Self::ends_cell`]), and a row of the
    /// table or nothing under it. Between two rows the line may be as long
    /// as the row's line the wrap cut (`1|…落实情况|15|未按` / `要求召开专题会议
    /// 的扣2分` / `2|…`); above nothing, a few characters.
    fn ends_open_cell(&self, i: usize, t: &str) -> bool {
        let t = text::trim(t);
        let last_col = self.header.cells.len() - 1;
        let open = self
            .open
            .as_ref()
            .is_some_and(|o| !o.cells[last_col].is_empty());
        if !open
            || t.contains(|c: char| text::is_sentence_end(c) || matches!(c, '，' | ',' | '、'))
            || self.lex.role_of(&self.header.cells[last_col]) != Role::Field
        {
            return false;
        }
        let Some(above) = i.checked_sub(1).and_then(|k| self.run.get(k)) else {
            return false;
        };
        let a = text::trim(above.text());
        let row_above = self
            .run
            .get(i)
            .is_some_and(|u| above.line() + 1 == u.line())
            && delimiter(a) == Some('|')
            && !a.ends_with(['|', '｜']);
        let short = text::chars_at_most(t, 10);
        row_above
            && match self.run.get(i + 1) {
                None => short,
                Some(n) => {
                    delimiter(n.text()) == Some('|')
                        && (short || text::char_len(t) <= text::char_len(a))
                }
            }
    }

    /// Unit `i`, `t`, is the rest of a figure that a wrap cut in the open
    /// row's last cell (…⇥新建游客中心…⇥120 / 00 under 总投资（万元）): a few
    /// digits right under the row's line, the cell digits too under a
    /// column that names no role, no delimiter lost at the cut, and under
    /// it a row of the table, a heading, an attachment's header or nothing.
    /// (Not the next row's serial.)
    fn ends_figure(&self, i: usize, t: &str) -> bool {
        let t = text::trim(t);
        let last_col = self.header.cells.len() - 1;
        let figure = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        };
        let cell = self
            .open
            .as_ref()
            .map_or("", |o| o.cells[last_col].as_str());
        let (Some(u), Some(above)) = (
            self.run.get(i),
            i.checked_sub(1).and_then(|k| self.run.get(k)),
        ) else {
            return false;
        };
        let delim = match self.header.shape {
            Shape::Delimited(d) => d,
            _ => return false,
        };
        figure(t)
            && text::chars_at_most(t, 8)
            && figure(cell)
            && serial(t) != Some(self.last_number + 1)
            && self.lex.role_of(&self.header.cells[last_col]) == Role::Field
            && above.line() + 1 == u.line()
            && delimiter(above.text()) == Some(delim)
            && self.run.trailing(above, delim) == 0
            && (self.rows_after(i, delim)
                || self.run.get(i + 1).is_none_or(|n| {
                    n.marker(false).is_some()
                        || n.is_title_end()
                        || crate::lines::body::attachment_apart(text::trim(n.text()), self.lex)
                }))
    }

    /// A category row in the serial column (一⇥热源保障 above 1⇥…): a
    /// Chinese numeral as the serial, one other cell, under no role column,
    /// and the next row numbered in digits. Read as `一、热源保障`.
    fn category_cells(&mut self, i: usize, cs: &[&str], delim: char) -> bool {
        let Some(s) = self.header.position(Column::Serial) else {
            return false;
        };
        let cn_serial = |c: &str| {
            let c = text::trim(c).trim_end_matches(['、', '.', '．']);
            !c.is_empty()
                && c.chars().all(numeral::is_cn_numeral_char)
                && numeral::cn_number(c).is_some()
        };
        let filled: Vec<usize> = (0..cs.len()).filter(|&k| !cs[k].is_empty()).collect();
        let [a, b] = filled[..] else {
            return false;
        };
        // (Before the first row, or after a category row read already: one
        // among rows numbered in digits, 1 / 二⇥… / 2, is a row.)
        let first_or_after = self.rows == 0
            || self
                .items
                .iter()
                .any(|i| matches!(i, Item::Category { .. }));
        if !self.categories || a != s || !cn_serial(cs[s]) || !first_or_after {
            return false;
        }
        let role = self
            .header
            .cells
            .get(b)
            .is_some_and(|h| self.lex.role_of(h) != Role::Field);
        let digits_next = (i + 1..i + 3).any(|k| {
            self.run.get(k).is_some_and(|n| {
                delimiter(n.text()) == Some(delim)
                    && cells(n.text(), delim)
                        .get(s)
                        .is_some_and(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()))
            })
        });
        if role || !digits_next || text::has_char(cs[b], '。') {
            return false;
        }
        let label = text::trim(cs[s]).to_owned();
        let number = numeral::cn_number(label.trim_end_matches(['、', '.', '．'])).unwrap_or(1);
        self.close();
        self.items.push(Item::Category {
            line: self.run.get(i).map_or(0, |u| u.line()),
            label,
            number,
            heading: cs[b].to_owned(),
        });
        self.parts.push((i, Part::Clause));
        true
    }

    /// How many units the header repeated at unit `i` takes: two where a
    /// wrap cut it (`续表` / `序号⇥重点任务⇥牵头单位⇥` / `完成时限`, the tail no
    /// row's cell), else one.
    fn header_again(&self, i: usize, delim: char) -> usize {
        self.run
            .from(i)
            .and_then(|run| wrapped_header(&run, delim, self.lex))
            .map_or(1, |h| h.len)
    }

    /// A row of the table (delimited, not a header) within the two units
    /// after unit `i`.
    fn rows_after(&self, i: usize, delim: char) -> bool {
        (i + 1..i + 3).any(|k| {
            self.run.get(k).is_some_and(|n| {
                delimiter(n.text()) == Some(delim) && delimited_header(n.text(), self.lex).is_none()
            })
        })
    }

    /// The line cut into `pieces` goes on the open row where its text
    /// stopped, in column `col`: its delimiters do not take the row past
    /// its last column (a closing bar aside), and what it holds reads as
    /// the rest of that column's cell (a line opening with text) or as the
    /// next columns' values (a line opening with a delimiter, which a line
    /// of the row's cells side by side also does: …⇥县住建局 / ⇥在5个乡镇…
    /// is the task's next line, not the next column). A line opening with a
    /// delimiter whose pieces fill the row to exactly its last column goes
    /// on at that cell boundary whatever its deadline cell reads (`7⇥落实…。`
    /// / `⇥市教育局⇥市市场监管局、民政局⇥每学期`): see [`Self::fills_row`].
    fn goes_on(&self, col: usize, pieces: &[&str]) -> bool {
        let Some(o) = self.open.as_ref() else {
            return false;
        };
        if !self.fits(col, pieces) {
            return false;
        }
        match pieces.split_first() {
            Some((first, rest)) if !text::trim(first).is_empty() => {
                self.continues(col, &o.cells[col], first) || self.next_sentence(col, rest)
            }
            Some((_, rest)) => {
                let exact = self.fills_row(col, rest);
                rest.iter().enumerate().all(|(k, p)| {
                    let c = col + 1 + k;
                    text::trim(p).is_empty()
                        || self.is_value(c, p)
                        || exact && self.is_deadline_column(c)
                        || k + 1 == rest.len() && self.is_cut_value(c, p)
                })
            }
            None => false,
        }
    }

    /// The `rest` of a line that opened with a delimiter, put after the
    /// open row's column `col`, makes the row exactly the header's cells:
    /// one piece a column up to the last, the last not empty. The line is
    /// then the row's next cells, cut at a cell boundary by a wrap.
    fn fills_row(&self, col: usize, rest: &[&str]) -> bool {
        col + rest.len() + 1 == self.header.cells.len()
            && rest.last().is_some_and(|p| !text::trim(p).is_empty())
    }

    /// Column `c` is a deadline column (完成时限).
    fn is_deadline_column(&self, c: usize) -> bool {
        self.header
            .cells
            .get(c)
            .is_some_and(|h| self.lex.role_of(h) == Role::Deadline)
    }

    /// A tab row cut right after its cell in column `col`, the tab lost
    /// with the line's end (`2⇥编制…规划。⇥各县(区)政府` / `市生态环境局、…⇥2020年12月31日前`):
    /// the cell reads whole, and the line's pieces put from the next column
    /// on fill the row to its last column, its first a value of that next
    /// column and its last one of the last, where put from `col` on they
    /// would leave the last column empty. The last may be a deadline's head
    /// the wrap cut again (`…规划局⇥202` / `0年12月31日前`).
    fn cut_after_cell(&self, col: usize, pieces: &[&str]) -> bool {
        let last_col = self.header.cells.len() - 1;
        let (Some(o), [first, .., last]) = (self.open.as_ref(), pieces) else {
            return false;
        };
        let cell = text::trim(&o.cells[col]);
        let whole = match self.header.cells.get(col).map(|h| self.lex.role_of(h)) {
            Some(r) if r.names_units() => {
                let unit = cell.rsplit(['、', '，', ',']).next().unwrap_or("");
                self.lex.attribution.is_unit(unit)
            }
            _ => false,
        };
        col + pieces.len() == last_col
            && whole
            && o.cells[col + 1..].iter().all(|c| c.is_empty())
            && !text::trim(first).is_empty()
            && !text::trim(last).is_empty()
            && self.is_value(col + 1, first)
            && (self.is_value(last_col, last)
                || self.lex.role_of(&self.header.cells[last_col]) == Role::Deadline
                    && self.is_cut_value(last_col, last))
    }

    /// The pieces of a line, put from column `col` on, do not take the row
    /// past its last column (a closing bar aside).
    fn fits(&self, col: usize, pieces: &[&str]) -> bool {
        let last_col = self.header.cells.len() - 1;
        let seps = pieces.len().saturating_sub(1);
        col + seps <= last_col
            || col + seps == last_col + 1
                && pieces.len() > 1
                && pieces.last().is_some_and(|p| text::trim(p).is_empty())
    }

    /// A task or measure cell in column `col` closed by its 。 goes on with
    /// its next sentence on a line the wrap cut (…柴油货车。 / 加强…检查。⇥市公安局、生):
    /// the pieces after it are the next columns' values, one of them under a
    /// column of units or deadlines, none empty.
    fn next_sentence(&self, col: usize, rest: &[&str]) -> bool {
        let Some(header) = self.header.cells.get(col) else {
            return false;
        };
        if self.lex.role_of(header) != Role::Field
            || Some(col) == self.header.position(Column::Serial)
        {
            return false;
        }
        // (Or the line's delimiter closes the cell: …补贴。 / 补贴标准…80元。|.)
        if let [last] = rest {
            if text::trim(last).is_empty() {
                return true;
            }
        }
        !rest.is_empty()
            && rest.iter().enumerate().all(|(k, p)| {
                !text::trim(p).is_empty()
                    && (self.is_value(col + 1 + k, p)
                        || k + 1 == rest.len() && self.is_cut_value(col + 1 + k, p))
            })
            && rest.iter().enumerate().any(|(k, _)| {
                self.header
                    .cells
                    .get(col + 1 + k)
                    .is_some_and(|h| self.lex.role_of(h) != Role::Field)
            })
    }

    /// `piece` reads as a value of column `c`: a unit under a unit column,
    /// a deadline under a deadline column; anything under the others.
    fn is_value(&self, c: usize, piece: &str) -> bool {
        let Some(header) = self.header.cells.get(c) else {
            return true;
        };
        let p = text::trim(piece);
        match self.lex.role_of(header) {
            Role::Deadline => self.ends_cell(header, "", p),
            r if r.names_units() => {
                let head = p.split(['、', '，', ',', '；', ';']).next().unwrap_or("");
                self.lex.attribution.is_unit(head)
            }
            _ => true,
        }
    }

    /// `piece`, a line's last, may be the head of a value of column `c` the
    /// wrap cut: a unit's (市, 市扶贫办、财政) under a unit column, a deadline's
    /// (6, 2020年12) under a deadline column.
    fn is_cut_value(&self, c: usize, piece: &str) -> bool {
        let Some(header) = self.header.cells.get(c) else {
            return false;
        };
        let p = text::trim(piece);
        match self.lex.role_of(header) {
            Role::Deadline => {
                text::chars_at_most(p, 10)
                    && p.chars().next().is_some_and(text::is_digit)
                    && p.chars()
                        .all(|ch| text::is_digit(ch) || "年月".contains(ch))
            }
            r if r.names_units() => text::chars_at_most(p, 24) && !p.contains('。'),
            _ => false,
        }
    }

    /// `piece` may go on `cell`, the text of column `c` a wrap cut: the
    /// cell is empty, or unfinished (a task without its 。, a unit list
    /// whose last unit is one only with the piece's head, a deadline the
    /// piece ends).
    fn continues(&self, c: usize, cell: &str, piece: &str) -> bool {
        let cell = text::trim(cell);
        if cell.is_empty() {
            return true;
        }
        let Some(header) = self.header.cells.get(c) else {
            return false;
        };
        match self.lex.role_of(header) {
            Role::Deadline => self.ends_cell(header, cell, piece),
            r if r.names_units() => {
                let last = cell.rsplit(['、', '，', ',']).next().unwrap_or("");
                let head = text::trim(piece)
                    .split(['、', '，', ','])
                    .next()
                    .unwrap_or("");
                last.is_empty()
                    || head.is_empty()
                    || !self.lex.attribution.is_unit(last)
                    || self.lex.attribution.is_unit(&format!("{last}{head}"))
            }
            _ => !cell.ends_with(|ch: char| text::is_sentence_end(ch)),
        }
    }

    /// `line` ends the text of a row's last cell, `cell`, under the column
    /// `header`, cut by a wrap: a deadline's rest (`2021年6月底` / `前`, `2` /
    /// `017年5月底前`, `持续推` / `进`: the joined cell reads as a deadline and
    /// the line holds only what a deadline is written with; with `cell`
    /// empty, the line is a whole deadline), or a unit's (`市住房城` /
    /// `乡建设局`: the cell's last unit is one only when joined).
    fn ends_cell(&self, header: &str, cell: &str, line: &str) -> bool {
        let line = text::trim(line);
        if line.is_empty() || !text::chars_at_most(line, 16) {
            return false;
        }
        match self.lex.role_of(header) {
            Role::Deadline => {
                crate::normalize::deadline::goes_on(cell, line, &self.lex.deadline)
                    || self.ends_deadline_words(cell, line)
            }
            r if r.names_units() && !cell.is_empty() => self.unit_cut(cell, line),
            _ => false,
        }
    }

    /// A list of units, `cell`, whose last unit a wrap cut inside its name
    /// and `line` goes on with (`市住房城乡建设局、市自然资源和规` / `划局、市发改委`):
    /// the last unit is one only with the line's head.
    fn unit_cut(&self, cell: &str, line: &str) -> bool {
        let cut = cell.rsplit(['、', '，', ',']).next().unwrap_or("");
        let head = text::trim(line)
            .split(['、', '，', ','])
            .next()
            .unwrap_or("");
        !cut.is_empty()
            && !self.lex.attribution.is_unit(cut)
            && self.lex.attribution.is_unit(&format!("{cut}{head}"))
    }

    /// `line` ends a deadline cell written as words, cut inside a word
    /// after its deadline (…，10月底前完 / 成整治) or before the deadline's
    /// last character (2020年9月 / 前完成): a few characters, no digit, no
    /// stop; the cell reads as a deadline.
    fn ends_deadline_words(&self, cell: &str, line: &str) -> bool {
        let cell = text::trim(cell);
        let words = &self.lex.deadline;
        let han = |s: &str| !s.is_empty() && s.chars().all(text::is_han);
        if !han(line) || !text::chars_at_most(line, 6) {
            return false;
        }
        // (One character after the deadline, the head of a word: 完 of 完成.
        // A word whole, …底前完成, is the cell's end; 特此通知 under it is none.)
        let cut_word = cell
            .rfind(['前', '底', '末'])
            .map(|k| &cell[k + '前'.len_utf8()..])
            .is_some_and(|tail| han(tail) && text::chars_at_most(tail, 1));
        // (前 or 底前 opening the line: 2021年11月 / 底线任务 is none.)
        let cut_before = cell.ends_with(|c: char| text::is_digit(c) || c == '月')
            && (line.starts_with('前') || line.starts_with("底前"));
        (cut_word || cut_before)
            && crate::normalize::parse_deadline(cell, None, words).0.kind
                != crate::normalize::DeadlineKind::Unparsed
    }

    /// A row boundary at or after `i`, within three units: row `want`, a
    /// category row, a page number, the header again, or the end of the text.
    fn boundary_within(&self, i: usize, want: u32) -> bool {
        (i..i + 3).any(|k| match self.run.get(k) {
            None => true,
            Some(u) => {
                let t = text::trim(u.text());
                serial(t) == Some(want)
                    || is_page_number(t)
                    || self.categories && category(t).is_some()
                    || t == self.header.cells[0]
            }
        })
    }

    /// Unit `i` is a bare attachment's header (附件2) with its title under it,
    /// a line ending in a genre word: not a 备注 cell (附件3 / 2 / …).
    fn titled_below(&self, i: usize) -> bool {
        self.run.get(i).is_some_and(|u| {
            crate::lines::body::attachment_header(text::trim(u.text()), self.lex)
                .is_some_and(|(_, title)| title.is_empty())
        }) && self
            .run
            .get(i + 1)
            .is_some_and(|n| self.lex.genre_suffix(n.text()).is_some())
    }

    /// `t` is an attachment's header with its title after a colon, ending
    /// in a genre word (附件2：…成员名单): not a cell (附件 2 所列清单).
    fn titled_here(&self, t: &str) -> bool {
        crate::lines::body::attachment_header(t, self.lex).is_some_and(|(label, title)| {
            t[label.len()..].starts_with(text::is_colon) && self.lex.genre_suffix(title).is_some()
        })
    }

    /// A note under the table (注：…, 说明：…: words.tsv `table_note`).
    fn is_note(&self, t: &str) -> bool {
        self.lex.table_note.iter().any(|w| {
            t.strip_prefix(w.as_str())
                .is_some_and(|r| r.starts_with(text::is_colon))
        })
    }

    /// `u` may be the first cell (the task) of a row without a serial: no
    /// heading, date, signature, attachment header, bracketed note or column
    /// word.
    fn opens_unnumbered_row(&self, i: usize) -> bool {
        let Some(u) = self.run.get(i) else {
            return false;
        };
        let t = text::trim(u.text());
        // (A task ending like an organ, …冬捕节筹办, over a unit of the next
        // column is no signature: a signature, joint or not, has its date
        // under it, past the other organs' lines.)
        let width = self.header.cells.len();
        let dated_below = (i + 1..i + 5)
            .map(|k| self.run.get(k))
            .find(|n| !n.is_some_and(|n| n.is_signature()))
            .flatten()
            .is_some_and(|n| n.is_date());
        let signs = u.is_signature()
            && (dated_below
                || !self.run.get(i + 1).is_some_and(|n| {
                    width > 1
                        && self.lex.role_of(&self.header.cells[1]).names_units()
                        && self.is_value(1, n.text())
                }));
        u.marker(false).is_none()
            && !u.is_date()
            && !signs
            && !u.is_note()
            && !u.has_label()
            && column(t, self.lex).is_none()
            && !self
                .lex
                .attachment
                .iter()
                .any(|w| t.starts_with(w.as_str()))
    }

    fn one_cell(&mut self) -> usize {
        for k in 0..self.header.len {
            self.parts.push((k, Part::Field));
        }
        let has_serial = self.header.position(Column::Serial).is_some();
        let width = self.header.cells.len() - usize::from(has_serial);
        let mut i = self.header.len;
        let mut pending: Vec<String> = Vec::new();
        // The cells of `pending` whose line stands flush with the margin
        // under an indented header: a wrap's rest of the cell before.
        let mut flush: Vec<usize> = Vec::new();
        let indented = self.run.indented(self.run.first);
        while let Some(u) = self.run.get(i) {
            let t = text::trim(u.text());
            // A note under the table ends it; a cell may open so too (a
            // 备注 column's 注：…), inside a row.
            if self.is_note(t) && (self.open.is_none() || pending.len() >= width) {
                break;
            }
            // So does the 版记 (抄送：…, …印发), or an attachment's header
            // under a row read whole (附件2 under the last row; not a 备注
            // cell's 附件3).
            // (Titled after its colon, only with no next row right under it:
            // …具体项目见 / 附件2：…清单 / 2 is a cell.)
            let row_soon = (i + 1..i + 4).any(|k| {
                self.run
                    .get(k)
                    .is_some_and(|n| serial(text::trim(n.text())) == Some(self.last_number + 1))
            });
            let whole = self.open.is_none()
                || pending.len() >= width
                || self.titled_below(i)
                || self.titled_here(t) && !row_soon;
            if u.is_colophon() || whole && crate::lines::body::attachment_apart(t, self.lex) {
                break;
            }
            // The header again, at the top of a printed page.
            if t == self.header.cells[0]
                && (1..self.header.len).all(|k| {
                    self.run
                        .get(i + k)
                        .is_some_and(|n| text::trim(n.text()) == self.header.cells[k])
                })
            {
                for k in 0..self.header.len {
                    self.parts.push((i + k, Part::Field));
                }
                i += self.header.len;
                continue;
            }
            // A yearbook page's running head or number between two rows.
            // (Not inside one, one cell a line: a task may be the yearbook
            // itself, 荆州年鉴（2021） / 120, over its figure.)
            if (self.open.is_none() || pending.len() >= width) && self.yearbook_page(i, t) {
                self.parts.push((i, Part::Portal));
                i += 1;
                continue;
            }
            let next = self.last_number + 1;
            // Under a category row the numbering may start again at 1.
            let after_category =
                self.open.is_none() && matches!(self.items.last(), Some(Item::Category { .. }));
            // (Without a serial, a row's cells one past its width where the
            // last is no value of the last column and this line is one: the
            // task cell took two lines, `落实…网格员` / `全部到岗到位。` / `县…局` /
            // `2021年6月`, and this line is the row's, not the next row's task.)
            let last_col = self.header.cells.len() - 1;
            let task_wrapped = !has_serial
                && self.open.is_some()
                && pending.len() == width
                && u.marker(false).is_none()
                && self.is_value(last_col, t)
                && !self.is_value(last_col, &pending[width - 1]);
            let starts = if has_serial {
                serial(t) == Some(next)
                    || self.rows == 0 && serial(t).is_some()
                    || after_category && serial(t) == Some(1)
            } else {
                pending.len() >= width && !task_wrapped || self.open.is_none()
            };
            // Without a serial, a row opens with its task cell: a line that
            // is a heading of the document (二、工作要求), a date, a signature,
            // an attachment's header or a note is where the table ended.
            if starts && !has_serial && !self.opens_unnumbered_row(i) {
                break;
            }
            if starts && (has_serial || self.open.is_none() || pending.len() >= width) {
                self.fill(
                    std::mem::take(&mut pending),
                    &std::mem::take(&mut flush),
                    width,
                );
                let number = if has_serial { serial(t) } else { None };
                let label = has_serial.then_some(t);
                self.start(i, u.line(), label, number);
                if !has_serial {
                    pending.push(t.to_owned());
                }
                i += 1;
                continue;
            }
            if is_page_number(t)
                || (self.categories || self.section_over_row(i)) && category(t).is_some()
            {
                self.fill(
                    std::mem::take(&mut pending),
                    &std::mem::take(&mut flush),
                    width,
                );
                self.furniture_or_category(i, t);
                i += 1;
                continue;
            }
            // A cell of the open row; past its width only when the next row
            // follows shortly (a cell wrapped onto several lines).
            let full = pending.len() >= width;
            // A heading of the document (四、保障措施) is never a wrapped cell.
            let heading = u
                .marker(false)
                .is_some_and(|m| !matches!(m.kind, ClauseKind::Num | ClauseKind::Decimal));
            // (So is the last column's value when the cell read for it is
            // none: the task cell took two lines, …等主 / 次干道…, in the
            // table's last row.)
            let last_cell = full
                && pending.len() == width
                && !heading
                && self.is_value(last_col, t)
                && !self.is_value(last_col, &pending[width - 1]);
            let goes_on =
                !full || has_serial && !heading && self.boundary_within(i + 1, next) || last_cell;
            if self.open.is_some() && goes_on {
                // A cell left open at a list separator (市城管执法局、…、 /
                // 交通局) goes on on this line.
                // (Only a unit cell, and only with units: a task cell ending
                // in a comma, or a stray 、 before the deadline, is whole.)
                let col = (0..self.header.cells.len())
                    .filter(|&c| Some(c) != self.header.position(Column::Serial))
                    .nth(pending.len().saturating_sub(1));
                let unit_cell =
                    col.is_some_and(|c| self.lex.role_of(&self.header.cells[c]).names_units());
                let opens_with_unit = |s: &str| {
                    let first = s.split(['、', '，', ',']).next().unwrap_or("");
                    self.lex.attribution.is_unit(text::trim(first))
                };
                let units = !u.is_date() && opens_with_unit(t);
                // (Or a list of units over a task cell that took two lines:
                // the cells are counted one short of where they stand.)
                let unit_list = |last: &str| {
                    self.header
                        .cells
                        .iter()
                        .any(|c| self.lex.role_of(c).names_units())
                        && opens_with_unit(last)
                };
                // (Or a list of units cut inside a name, 市住房城乡建设局、市自然
                // 资源和规 / 划局、市发改委: the name is one only joined. Not a
                // task's next line over the units, …压缩至 / 1个工作日以内 /
                // 市市场监管局: that cell opens with no unit.)
                // (Not where the lines up to the next row are as many as
                // the cells the row lacks: each is a cell, 对城区、乡镇…排名 /
                // 市城市管理行政执法局 / 每季度 / 2.)
                let need = width.saturating_sub(pending.len());
                let have = pending.len();
                let cut = |last: &str| {
                    !u.is_date()
                        && !last.ends_with(['、', '，', ','])
                        && last.contains(['、', '，', ','])
                        && opens_with_unit(last)
                        && self.unit_cut(last, t)
                        && !(has_serial && self.cells_to_row(i, have, need, next))
                };
                // (Or cut right before a separator, …市自然资源和规划局 / 、市发改委:
                // no cell opens with one.)
                let sep_first = t
                    .strip_prefix(['、', '，', ','])
                    .is_some_and(|rest| !u.is_date() && opens_with_unit(rest));
                // (Or inside a bracket the line under closes first: …各乡镇人民
                // 政府（街道 / 办事处）.)
                // (Not a deadline's cell, 2021年6月底前完成）, a stray bracket
                // closing it.)
                let in_bracket = |last: &str| {
                    let open = last.rfind(['（', '(']);
                    open > last.rfind(['）', ')'])
                        && !u.is_date()
                        && !t.starts_with(|c: char| text::is_digit(c) || matches!(c, '）' | ')'))
                        && t.chars()
                            .find(|&c| matches!(c, '（' | '(' | '）' | ')'))
                            .is_some_and(|c| matches!(c, '）' | ')'))
                        && opens_with_unit(last)
                        && {
                            let (d, _) = crate::normalize::deadline::parse_deadline(
                                t,
                                None,
                                &self.lex.deadline,
                            );
                            d.due.is_none() && !d.ongoing
                        }
                };
                match pending.last_mut() {
                    Some(last)
                        if (unit_cell || unit_list(last))
                            && (units && last.ends_with(['、', '，', ','])
                                || sep_first
                                || cut(last)
                                || in_bracket(last)) =>
                    {
                        last.push_str(t)
                    }
                    _ => {
                        if indented && !self.run.indented(u) {
                            flush.push(pending.len());
                        }
                        pending.push(t.to_owned())
                    }
                }
                self.parts.push((i, Part::Field));
                i += 1;
                continue;
            }
            break;
        }
        self.fill(pending, &flush, width);
        i
    }

    /// The `need` units from unit `i` are the cells the open row lacks, one
    /// a line, from its cell `from` on (the serial aside), each a value of
    /// its column: row `next` (one cell a line, numbered) or the end of the
    /// run follows right after them. (Not a unit's rest over a cell left
    /// empty: 市自然资源和规 / 划局 / 2, 划局 no deadline.)
    fn cells_to_row(&self, i: usize, from: usize, need: usize, next: u32) -> bool {
        let serial_col = self.header.position(Column::Serial);
        let mut cols = (0..self.header.cells.len())
            .filter(|c| Some(*c) != serial_col)
            .skip(from);
        (0..need).all(|k| {
            let c = cols.next();
            self.run.get(i + k).is_some_and(|u| {
                let t = text::trim(u.text());
                serial(t) != Some(next) && c.is_some_and(|c| self.is_value(c, t))
            })
        }) && self
            .run
            .get(i + need)
            .is_none_or(|u| serial(text::trim(u.text())) == Some(next))
    }

    /// Puts the cells read for the open row into its columns: extra lines are
    /// cells wrapped onto several lines. Where as many lines stand flush with
    /// the margin under an indented table as there are extra lines, each is
    /// the rest of the cell above it (`　　城区新建…1500个。实` / `现居民小区全覆盖`);
    /// otherwise the task cell took them.
    fn fill(&mut self, mut got: Vec<String>, flush: &[usize], width: usize) {
        let serial_col = self.header.position(Column::Serial);
        let task_col = self.header.task_column(self.lex);
        if self.open.is_none() || got.is_empty() {
            return;
        }
        let cols: Vec<usize> = (0..self.header.cells.len())
            .filter(|c| Some(*c) != serial_col)
            .collect();
        // (A flush line that reads as a value of its own, a unit or a
        // deadline, is a cell: 　　形成年度体检报告 / 市住房城乡建设局; so is
        // the row's last line under a deadline column, whatever it says.)
        let deadline_last = self
            .header
            .cells
            .last()
            .is_some_and(|h| self.lex.role_of(h) == Role::Deadline);
        let value = |t: &str| {
            let t = text::trim(t);
            let head = t.split(['、', '，', ',']).next().unwrap_or("");
            self.lex.attribution.is_unit(head)
                || crate::normalize::parse_deadline(t, None, &self.lex.deadline)
                    .0
                    .kind
                    != crate::normalize::DeadlineKind::Unparsed
        };
        if got.len() > width
            && flush.len() == got.len() - width
            && flush.first() > Some(&0)
            && !flush
                .iter()
                .any(|&k| value(&got[k]) || k + 1 == got.len() && deadline_last)
        {
            for &k in flush.iter().rev() {
                let rest = got.remove(k);
                got[k - 1].push_str(&rest);
            }
        }
        if let Some(at) = self.units_over_lines(&got, &cols, width) {
            let extra = got.len() - width;
            let joined = got.drain(at..=at + extra).collect::<Vec<_>>().join(" ");
            got.insert(at, joined);
        }
        if got.len() > width {
            let extra = got.len() - width;
            let at = task_col
                .and_then(|t| cols.iter().position(|c| *c == t))
                .unwrap_or(0);
            // The task cell takes the extra lines, unless the lines read
            // better as other cells wrapped (see `Self::wrapped_cells`).
            let mut sizes = vec![1; width];
            sizes[at] += extra;
            if let Some(better) = self.wrapped_cells(&got, &cols, &sizes) {
                sizes = better;
            }
            let mut lines = got.into_iter();
            got = sizes
                .iter()
                .map(|&n| lines.by_ref().take(n).collect())
                .collect();
        }
        if let Some(o) = self.open.as_mut() {
            for (c, cell) in cols.into_iter().zip(got) {
                o.cells[c] = cell;
            }
        }
    }

    /// How many of a row's lines, `got` (one cell a line, a few more lines
    /// than its columns `cols`), each cell takes, where that reads better
    /// than `default` (the task cell taking them all): each line a cell
    /// goes on ends no sentence, and is left open at a comma or closed by
    /// the next line's stop or a unit's name cut (`市发展改革委、财政局，各区` /
    /// `市县政府`, `惠及居` / `民1.2万户。`, `2022年上半年签约25个，` / `全年完成`),
    /// each unit or deadline column holds a value of its own, and no column of
    /// text a unit's name alone.
    fn wrapped_cells(
        &self,
        got: &[String],
        cols: &[usize],
        default: &[usize],
    ) -> Option<Vec<usize>> {
        let width = cols.len();
        let extra = got.len().checked_sub(width)?;
        if width == 0 || extra == 0 || extra > 3 || width > 10 {
            return None;
        }
        let score = |sizes: &[usize]| -> i32 {
            let mut total = 0;
            let mut k = 0;
            for (&c, &n) in cols.iter().zip(sizes) {
                let lines = &got[k..k + n];
                k += n;
                let role = self.lex.role_of(&self.header.cells[c]);
                for pair in lines.windows(2) {
                    let (a, b) = (text::trim(&pair[0]), text::trim(&pair[1]));
                    total += if a.ends_with(|ch: char| text::is_sentence_end(ch)) {
                        -1
                    } else if a.ends_with(['，', '、', ',']) {
                        1
                    } else if role.names_units() {
                        // (A list closed by an organ's whole name, 市教育局,
                        // goes on with no unit's rest.)
                        let last = a.rsplit(['、', '，', ',']).next().unwrap_or("");
                        if self.unit_cut(a, b) {
                            1
                        } else if last.ends_with(GOVERNMENT_ENDS)
                            && self.lex.attribution.is_unit(last)
                        {
                            -1
                        } else {
                            0
                        }
                    } else {
                        i32::from(b.ends_with(|ch: char| text::is_sentence_end(ch)))
                    };
                }
                // (A unit cell opens with a unit: 附件2所列清单 / 某区政府 is
                // the task's rest over the unit cell.)
                let cell: String = lines.concat();
                let dated = || {
                    crate::normalize::parse_deadline(&cell, None, &self.lex.deadline)
                        .0
                        .kind
                        != crate::normalize::DeadlineKind::Unparsed
                };
                // (Nor is a text cell an organ's name alone, 市教育局.)
                let organ = || {
                    let t = text::trim(&cell);
                    t.ends_with(GOVERNMENT_ENDS) && self.lex.attribution.is_unit(t)
                };
                if role.names_units() && !self.is_value(c, &lines[0])
                    || role == Role::Deadline && !dated()
                    || role == Role::Field && n == 1 && organ()
                {
                    total -= 2;
                }
            }
            total
        };
        // Every way to give each column one line at least, in order.
        let mut best: Option<(i32, Vec<usize>)> = None;
        let mut sizes = vec![1; width];
        let mut walk = |sizes: &mut Vec<usize>| {
            let s = score(sizes);
            if best.as_ref().is_none_or(|(b, _)| s > *b) {
                best = Some((s, sizes.clone()));
            }
        };
        fn spread(
            sizes: &mut Vec<usize>,
            from: usize,
            left: usize,
            f: &mut dyn FnMut(&mut Vec<usize>),
        ) {
            if left == 0 {
                f(sizes);
                return;
            }
            for p in from..sizes.len() {
                sizes[p] += 1;
                spread(sizes, p, left - 1, f);
                sizes[p] -= 1;
            }
        }
        spread(&mut sizes, 0, extra, &mut walk);
        let (s, sizes) = best?;
        (s > score(default)).then_some(sizes)
    }

    /// Where the extra lines of a row, `got` (one cell a line, more lines
    /// than its `width` columns `cols`), are units of one unit cell set one
    /// a line (`困难群众救助` / `城乡低保标准…提高5%和8%` / `市民政局` / `市财政局` /
    /// `长期坚持` under 工程名称, 工作目标, 责任单位, 完成时限): the lines from that
    /// column's place each a whole unit, the line before them none, and the
    /// lines after them values of their columns. The position in `cols`.
    fn units_over_lines(&self, got: &[String], cols: &[usize], width: usize) -> Option<usize> {
        let extra = got.len().checked_sub(width).filter(|&e| e > 0)?;
        let is_unit = |t: &str| {
            let t = text::trim(t);
            !t.ends_with(['、', '，', ',']) && self.lex.attribution.is_unit(t)
        };
        let units_col = |p: usize| {
            let c = cols[p];
            self.lex.role_of(&self.header.cells[c]).names_units()
        };
        let mut at = (1..width).filter(|&p| units_col(p));
        let p = at.next()?;
        // (One unit column only: with two, the lines could be either's.)
        if at.next().is_some() {
            return None;
        }
        // (Each a government unit of the level, ending as one: not a
        // zone, a company or a centre a wrapped task names, 支持建设 /
        // 兰州新区综合保税区, …组建 / 兰州市供水集团有限公司.)
        let government = |t: &str| {
            let t = text::trim(t);
            is_unit(t) && t.ends_with(GOVERNMENT_ENDS) && self.lex.units.names_own_level(t, &[])
        };
        let units = got[p..=p + extra].iter().all(|t| government(t));
        let before = !is_unit(&got[p - 1]) && !cut_task(&got[p - 1]);
        let after = (p + 1..width).all(|q| self.is_value(cols[q], &got[q + extra]));
        (units && before && after).then_some(p)
    }

    /// The rows of a table set out by runs of spaces, one a line, until
    /// the first line that is no row of it (see [`Self::spaced_row`]); the
    /// header again, a page number, 续表 or a category row between them.
    fn spaced(&mut self) -> usize {
        if self.wrap.is_some() {
            return self.wrapped_rows();
        }
        self.parts.push((0, Part::Field));
        let mut i = 1;
        while let Some(u) = self.run.get(i) {
            let t = text::trim(u.text());
            let again = shaped_cells(t, Shape::Spaced) == self.header.cells;
            if again {
                self.parts.push((i, Part::Field));
                i += 1;
                continue;
            }
            if !may_be_spaced(t) && self.furniture_or_category(i, t) {
                i += 1;
                continue;
            }
            if let Some(rest) = self.spaced_rest(u) {
                if let Some(o) = self.open.as_mut() {
                    for (c, piece) in rest {
                        o.cells[c].push_str(piece);
                    }
                }
                self.parts.push((i, Part::Field));
                i += 1;
                continue;
            }
            let Some(cells) = self.spaced_row(u) else {
                break;
            };
            // (Rows of a table with no serial column are numbered by their
            // position, their first cell the task.)
            let numbered = self.header.position(Column::Serial).is_some();
            let label = numbered.then_some(cells[0]);
            self.start(i, u.line(), label, label.and_then(serial));
            if let Some(o) = self.open.as_mut() {
                for (c, cell) in cells.iter().enumerate().skip(usize::from(numbered)) {
                    o.cells[c] = (*cell).to_owned();
                }
            }
            i += 1;
        }
        i
    }

    /// The display columns the header's cells start at, on the page.
    fn spaced_starts(&self) -> Vec<usize> {
        let indent = self.run.column_of(self.run.first);
        spaced_cells(self.run.first.text(), 0)
            .into_iter()
            .map(|(k, _)| k + indent)
            .collect()
    }

    /// Unit `u` is the rest of the open row's cells that a wrap carried onto
    /// the next line, by column: blank under the serial column, each piece
    /// starting where its column's header starts and ending before the next
    /// column's (`1     完成…项目126个，惠及     市住房城乡建设局` /
    /// `      居民2.1万户`, or only under a unit column: `…人民政府，` /
    /// `(spaces)市城发集团`), and each going on a cell left unfinished. An
    /// indented paragraph after the table starts under no header, or
    /// overruns its column.
    fn spaced_rest<'u>(&self, u: &'u Line) -> Option<Vec<(usize, &'u str)>> {
        let open = self.open.as_ref()?;
        let starts = self.spaced_starts();
        let got = spaced_cells(u.text(), self.run.column_of(u));
        let mut out = Vec::with_capacity(got.len());
        for (k, piece) in got {
            let c = starts.iter().position(|&s| s.abs_diff(k) <= 1)?;
            let end = k + width_of(piece);
            if c == 0 || out.last().is_some_and(|&(l, _)| l >= c) {
                return None;
            }
            if starts.get(c + 1).is_some_and(|&next| end >= next)
                || !self.continues(c, &open.cells[c], piece)
            {
                return None;
            }
            out.push((c, piece));
        }
        (!out.is_empty()).then_some(out)
    }

    /// The cells of unit `u` as a row of a table set out by spaces, by
    /// column. Under a serial column, the first cell a serial, and as many
    /// cells as the header (`1    七里河综合治理提升    市水务局    刘卫东
    /// 持续推进`) or fewer, a cell left empty, each put in the column whose
    /// header starts nearest it, in order. In a table with no serial column,
    /// exactly as many cells as the header. A line that is none of these (a
    /// wrapped cell's rest, a paragraph, a signature) is no row.
    fn spaced_row<'u>(&self, u: &'u Line) -> Option<Vec<&'u str>> {
        let t = u.text();
        let got = spaced_cells(t, self.run.column_of(u));
        // (Without a serial column a row is a line of as many cells as the
        // header, none of them empty: no cell is put by place.)
        if self.header.position(Column::Serial).is_none() {
            let width = self.header.cells.len();
            return (got.len() == width && delimiter(t).is_none())
                .then(|| got.into_iter().map(|(_, c)| c).collect());
        }
        let starts: Vec<usize> = spaced_cells(self.run.first.text(), 0)
            .into_iter()
            .map(|(k, _)| k + self.run.column_of(self.run.first))
            .collect();
        self.placed(&got, &starts)
    }

    /// Cells `got` of a row under a serial column, each with the display
    /// column it starts at, put in the header's columns (starting at
    /// `starts`): as many as the header in order, or fewer, each in the
    /// column whose header starts nearest it, in order, a cell under a unit
    /// or deadline column reading as one; the first a serial.
    fn placed<'u>(&self, got: &[(usize, &'u str)], starts: &[usize]) -> Option<Vec<&'u str>> {
        let width = self.header.cells.len();
        if got.len() > width || got.len() < 2 {
            return None;
        }
        let mut cells = vec![""; width];
        if got.len() == width {
            for (c, (_, cell)) in got.iter().enumerate() {
                cells[c] = cell;
            }
        } else {
            let mut last = None;
            for &(k, cell) in got {
                let c = (0..width)
                    .min_by_key(|&c| starts.get(c).map_or(usize::MAX, |s| s.abs_diff(k)))?;
                if last.is_some_and(|l| l >= c) {
                    return None;
                }
                // (A cell goes under a unit or deadline column only if it
                // reads as one: else the row is not read by place.)
                if !self.is_value(c, cell) {
                    return None;
                }
                last = Some(c);
                cells[c] = cell;
            }
        }
        serial(cells[0]).is_some().then_some(cells)
    }

    /// The rows of a table set out by spaces whose lines a copy cut at one
    /// width (see [`wrapped_spaced_header`]): a row opens with a line that
    /// starts a source line with the next serial and a cell after a run of
    /// spaces; its lines joined again as [`unwrap_lines`] does are read as
    /// one row (see [`Self::placed`]), the header's column starts taken on
    /// the joined header. A row whose joined line does not part into the
    /// header's columns is kept whole as its task and reported, never read
    /// with its cells shifted. A page number or a category row may stand
    /// between rows; any other line ends the table.
    fn wrapped_rows(&mut self) -> usize {
        for k in 0..self.header.len {
            self.parts.push((k, Part::Field));
        }
        let Some(Wrap {
            width,
            starts,
            indent,
        }) = self.wrap.take()
        else {
            return self.header.len;
        };
        // (A row's first line: the serial, where the header's first line
        // starts, and a cell after a run of spaces.)
        let opens = |l: &str| {
            let cs = spaced_cells(l, 0);
            let first = (cs.len() >= 2 && leading_spaces(l) == indent).then(|| serial(cs[0].1));
            first.flatten()
        };
        let mut i = self.header.len;
        while let Some(u) = self.run.get(i) {
            let t = text::trim(u.text());
            if !may_be_spaced(t) && self.furniture_or_category(i, t) {
                i += 1;
                continue;
            }
            let mut lines = self.run.lines_from(u);
            let Some(line) = lines.next() else {
                break;
            };
            let Some(number) = opens(line) else {
                break;
            };
            if text::trim(line) != t || self.rows > 0 && number != self.last_number + 1 {
                break;
            }
            let (joined, taken) = unwrap_lines(std::iter::once(line).chain(lines), width, |l| {
                opens(l) == Some(number + 1)
            });
            let got = spaced_cells(&joined, 0);
            let label = got.first().map_or("", |(_, c)| *c).to_owned();
            self.start(i, u.line(), Some(&label), Some(number));
            match self.placed(&got, &starts) {
                Some(cells) => {
                    if let Some(o) = self.open.as_mut() {
                        for (c, cell) in cells.iter().enumerate().skip(1) {
                            o.cells[c] = (*cell).to_owned();
                        }
                    }
                }
                None => {
                    let task_col = self.header.task_column(self.lex).unwrap_or(1);
                    let whole = got
                        .iter()
                        .skip(1)
                        .map(|(_, c)| *c)
                        .collect::<Vec<_>>()
                        .join(" ");
                    if let Some(o) = self.open.as_mut() {
                        o.cells[task_col] = whole;
                    }
                    self.misread.push((
                        u.line(),
                        format!(
                            "row read as its task alone: its lines joined part into {} cells, \
                             the header into {}",
                            got.len(),
                            self.header.cells.len()
                        ),
                    ));
                }
            }
            let last_line = u.line() + taken - 1;
            i += 1;
            while self.run.get(i).is_some_and(|n| n.line() <= last_line) {
                self.parts.push((i, Part::Field));
                i += 1;
            }
        }
        i
    }

    fn records(&mut self) -> usize {
        let mut i = 0;
        let mut last: Option<usize> = None;
        while let Some(u) = self.run.get(i) {
            let t = u.text();
            if let Some((key, value)) = record_line(t) {
                let mut col = self.header.cells.iter().position(|c| eq_folded(c, key));
                // A label the first record did not have (配合单位 where it
                // had 责任单位) is a column of its own.
                if col.is_none()
                    && self.open.is_some()
                    && column(key, self.lex) == Some(Column::Other)
                {
                    self.header.cells.push(key.to_owned());
                    self.header.kinds.push(Column::Other);
                    if let Some(o) = self.open.as_mut() {
                        o.cells.push(String::new());
                    }
                    col = Some(self.header.cells.len() - 1);
                }
                match col {
                    Some(c) if self.header.kinds[c] == Column::Serial => {
                        self.start(i, u.line(), Some(value), serial(value));
                    }
                    // No serial: the record's first key opens it, numbered
                    // by its position.
                    Some(0) => {
                        self.start(i, u.line(), None, None);
                        if let Some(o) = self.open.as_mut() {
                            o.cells[0] = value.to_owned();
                        }
                    }
                    Some(c) => {
                        if let Some(o) = self.open.as_mut() {
                            o.cells[c] = value.to_owned();
                        }
                        self.parts.push((i, Part::Field));
                    }
                    None => break,
                }
                if let (Some(c), Some(o)) = (col, self.open.as_mut()) {
                    o.order.push(c);
                }
                last = col;
                i += 1;
                continue;
            }
            // A value wrapped onto the next line (closed by its `|`), or
            // onto a line between (its bar on a line further down).
            let wrapped = t.ends_with(['|', '｜'])
                || t.starts_with(['|', '｜'])
                || value_closes(&self.run, i);
            if let (true, Some(c), Some(o)) = (wrapped, last, self.open.as_mut()) {
                let v = t.trim_matches(|ch: char| ch == '|' || ch == '｜' || text::is_space(ch));
                o.cells[c].push_str(v);
                self.parts.push((i, Part::Field));
                i += 1;
                continue;
            }
            if self.furniture_or_category(i, t) {
                i += 1;
                continue;
            }
            break;
        }
        i
    }
}

/// A record's value left open above unit `i`, no bar closing the line,
/// closes with a bar within three lines from `i`, none of them a `label: |
/// value |` line (`重点任务：| 开展… / …收运体系 / …全覆盖。 |`).
fn value_closes(run: &Run, i: usize) -> bool {
    let open = i
        .checked_sub(1)
        .and_then(|k| run.get(k))
        .is_some_and(|u| !text::trim(u.text()).ends_with(['|', '｜']));
    open && (i..i + 3)
        .map_while(|k| run.get(k))
        .take_while(|u| record_line(u.text()).is_none())
        .any(|u| text::trim(u.text()).ends_with(['|', '｜']))
}

/// The endings of a government unit's name (局, 委, 办, 厅, 部, 政府, 会,
/// 室, 院, 署), not of a centre's, a company's or a zone's.
const GOVERNMENT_ENDS: &[char] = &['局', '委', '办', '厅', '部', '府', '会', '室', '院', '署'];

/// `cell`, a task cell, ends cut by the wrap: at a comma, or after a verb
/// whose object it lacks (支持建设 / 兰州新区综合保税区, …，组建 / …公司,
/// …，建成 / 市公共法律服务中心).
fn cut_task(cell: &str) -> bool {
    const OPEN: &[&str] = &[
        "支持",
        "组建",
        "建成",
        "推进",
        "加快",
        "依托",
        "围绕",
        "成立",
        "设立",
        "引进",
        "打造",
        "建设",
        "支持建设",
        "争取",
        "培育",
        "扶持",
        "新建",
        "筹建",
    ];
    let c = text::trim(cell);
    c.ends_with(['，', '、', ',', '：', ':']) || OPEN.iter().any(|w| c.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header cut after its second cell by a wrap through its padding
    /// opens a table that cannot be read; a whole header, a list of names
    /// or a sentence does not. A row opens with its serial cell.
    #[test]
    fn a_spaced_header_cut_after_two_cells() {
        let lex = Lexicon::builtin();
        assert!(opens_spaced_table(
            "序号  项目名称                      ",
            &lex
        ));
        assert!(!opens_spaced_table(
            "序号  重点任务    牵头单位  完成时限",
            &lex
        ));
        assert!(!opens_spaced_table("序号  姓名", &lex));
        assert!(!opens_spaced_table("序号项目名称", &lex));
        assert!(opens_spaced_row(
            "1     大良五沙工业园升级改造项目。      大良街道"
        ));
        assert!(!opens_spaced_row("1.加强组织领导"));
        assert!(!opens_spaced_row("办事处  区自然资源局"));
        // The header's rest under it names a role or the deadline; a list's
        // first row or a sentence does not.
        assert!(header_rest("    牵头单位        配合单位", &lex));
        assert!(header_rest("                完成时限", &lex));
        assert!(!header_rest("1  厦门新会展中心", &lex));
        assert!(!header_rest("项目名称  建设地点", &lex));
        assert!(!header_rest("加强组织领导，落实责任。", &lex));
    }

    #[test]
    fn spaced_lines_found_by_their_bytes() {
        for t in [
            "序号  重点任务",
            "序号\u{3000}重点任务",
            "  ",
            "\u{3000}",
            "a\u{3000}",
        ] {
            assert!(may_be_spaced(t), "{t:?}");
        }
        // 、 and 。 share U+3000's lead byte; one space is no column gap.
        for t in ["序号 重点任务", "市财政局、市民政局。", "", " ", "「」《》"]
        {
            assert!(!may_be_spaced(t), "{t:?}");
        }
    }

    /// A header cell opening with the year its figures are for is as long
    /// as its word: a bar header whose last cell is 2020年计划投资（亿元）
    /// is a header all the same; a word with no year before it is kept.
    #[test]
    fn a_year_s_figures_in_a_header_cell() {
        assert_eq!(without_year("2020年计划投资（亿元）"), "计划投资（亿元）");
        assert_eq!(without_year("2022年目标"), "目标");
        assert_eq!(without_year("年度计划投资（亿元）"), "年度计划投资（亿元）");
        assert_eq!(without_year("2020年"), "2020年");
        let lex = Lexicon::builtin();
        let h = delimited_header(
            "序号|项目名称|建设地点|总投资（亿元）|2020年计划投资（亿元）",
            &lex,
        )
        .expect("a header");
        assert_eq!(h.cells.len(), 5);
        assert_eq!(h.position(Column::Serial), Some(0));
    }

    #[test]
    fn continued_captions() {
        for t in [
            "续表",
            "续表1",
            "（续表）",
            "(续表2)",
            "续上表",
            "續表",
            "　续表　",
        ] {
            assert!(is_continued(t), "{t}");
        }
        for t in ["续表说明", "续建项目", "表1", "续", "续表：重点任务"] {
            assert!(!is_continued(t), "{t}");
        }
    }

    /// `column` looks a cell up among the column words folded; the plain
    /// way compares its folded key with every word of each list in turn.
    /// Both answer alike on every line of the sample and the cases, their
    /// pieces between delimiters and before colons, and every column word
    /// and label written with spaces, full-width, with readings and longer.
    #[test]
    fn columns_looked_up_as_compared_with_every_word() {
        let lex = Lexicon::builtin();
        let plain = |cell: &str| {
            let c: String = cell.chars().filter(|c| !text::is_space(*c)).collect();
            // A year's figures (2022年目标): the word after the year.
            let c = match c.split_once('年') {
                Some((y, rest))
                    if y.len() == 4
                        && y.bytes().all(|b| b.is_ascii_digit())
                        && !rest.is_empty() =>
                {
                    rest.to_owned()
                }
                _ => c,
            };
            let key = text::folded_key(&c);
            let is = |list: &[String]| list.iter().any(|w| key == text::folded_word(w));
            if measured(&c) {
                Some(Column::Other)
            } else if is(&lex.column_serial) {
                Some(Column::Serial)
            } else if is(&lex.column_task) {
                Some(Column::Task)
            } else if is(&lex.column) {
                Some(Column::Other)
            } else if kind_of_task(&c) {
                Some(Column::Task)
            } else if lex.is_label(&c) {
                Some(Column::Other)
            } else {
                None
            }
        };
        let mut cells = Vec::new();
        for t in crate::testdata::sample_and_case_lines() {
            cells.extend(t.split(['|', '\t', '：', ':', '，']).map(str::to_owned));
            cells.push(t);
        }
        let words = [&lex.column_serial, &lex.column_task, &lex.column]
            .into_iter()
            .flatten()
            .chain(lex.labels.iter().map(|(l, _)| l));
        for w in words {
            let chars: Vec<char> = w.chars().collect();
            let wide: String = w
                .chars()
                .map(|c| {
                    char::from_u32(c as u32 + 0xfee0)
                        .filter(|_| c.is_ascii_graphic())
                        .unwrap_or(c)
                })
                .collect();
            let read: String = chars.iter().map(|c| format!("{c}(hào)")).collect();
            let spaced: String = chars.iter().map(|c| format!("{c} ")).collect();
            cells.extend([
                w.clone(),
                wide,
                read,
                spaced,
                format!("{w}表"),
                format!("重{w}"),
            ]);
            cells.push(chars[..chars.len() - 1].iter().collect());
        }
        let (mut some, mut none) = (0, 0);
        for cell in &cells {
            let want = plain(cell);
            assert_eq!(column(cell, &lex), want, "{cell}");
            if want.is_some() {
                some += 1;
            } else {
                none += 1;
            }
        }
        assert!(some > 200 && none > 1000, "{some} {none}");
    }

    fn table(src: &str, categories: bool) -> Option<Table> {
        let lex = Lexicon::builtin();
        let ls = Line::all(src, &lex);
        read(&ls[0], &ls[1..], src, &lex, categories)
    }

    /// A task row: its line, number, task and fields.
    type Row = (usize, u32, String, Vec<(String, String)>);

    fn rows(t: &Table) -> Vec<Row> {
        t.items
            .iter()
            .filter_map(|i| match i {
                Item::Row {
                    line,
                    number,
                    task,
                    fields,
                    ..
                } => Some((*line, *number, task.clone(), fields.clone())),
                _ => None,
            })
            .collect()
    }

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn columns_the_grammar_does_not_list_before_the_role_columns() {
        let row = |t: &Table| rows(t).into_iter().next().map(|r| (r.2, r.3));
        let want = Some((
            "北山小区改造".to_owned(),
            f(&[
                ("所在区", "明山区"),
                ("改造内容", "屋面防水"),
                ("责任单位", "明山区政府"),
                ("完成时限", "2021年9月"),
            ]),
        ));
        for src in [
            "序号\t项目名称\t所在区\t改造内容\t责任单位\t完成时限\n1\t北山小区改造\t明山区\t屋面防水\t明山区政府\t2021年9月\n2\t东兴小区改造\t平山区\t管网改造\t平山区政府\t2021年10月\n",
            "| 序号 | 项目名称 | 所在区 | 改造内容 | 责任单位 | 完成时限 |\n|---|---|---|---|---|---|\n| 1 | 北山小区改造 | 明山区 | 屋面防水 | 明山区政府 | 2021年9月 |\n| 2 | 东兴小区改造 | 平山区 | 管网改造 | 平山区政府 | 2021年10月 |\n",
            "序号｜项目名称｜所在区｜改造内容｜责任单位｜完成时限\n1｜北山小区改造｜明山区｜屋面防水｜明山区政府｜2021年9月\n2｜东兴小区改造｜平山区｜管网改造｜平山区政府｜2021年10月\n",
            "序号　　项目名称　　所在区　　改造内容　　责任单位　　完成时限\n1　　北山小区改造　　明山区　　屋面防水　　明山区政府　　2021年9月\n2　　东兴小区改造　　平山区　　管网改造　　平山区政府　　2021年10月\n",
            "序号\n项目名称\n所在区\n改造内容\n责任单位\n完成时限\n1\n北山小区改造\n明山区\n屋面防水\n明山区政府\n2021年9月\n2\n东兴小区改造\n平山区\n管网改造\n平山区政府\n2021年10月\n",
        ] {
            let t = table(src, true).unwrap_or_else(|| panic!("{src}"));
            assert_eq!(row(&t), want, "{src}");
            assert_eq!(rows(&t).len(), 2, "{src}");
        }
        // (Any short words: 甲, 乙 beside a task and a lead column.)
        let t = table(
            "序号\t重点任务\t甲\t乙\t牵头单位\t完成时限\n1\t北山小区改造\t一\t二\t明山区政府\t2021年9月\n2\t东兴小区改造\t三\t四\t平山区政府\t2021年10月\n",
            true,
        );
        assert_eq!(t.map(|t| rows(&t).len()), Some(2));
        // Figures or results after the unit, a schedule's activities after
        // its times, a contact list, a roster, no serial first, a sentence
        // for a column's name: no task table.
        for src in [
            "序号\t责任单位\t考核得分\t等次\t备注\n1\t市发展改革委\t98.5\t优秀\t\n2\t市财政局\t96.0\t优秀\t\n",
            "序号\t责任单位\t任务数\t已完成数\n1\t明山区政府\t18\t5\n2\t平山区政府\t15\t4\n",
            "序号\t项目名称\t责任单位\t责任人\t完成情况\t得分\n1\t北山小区改造\t明山区政府\t刘军\t主体完工\t95\n2\t东兴小区改造\t平山区政府\t陈刚\t完成70%\t88\n",
            "序号\t时间安排\t活动内容\t地点\n1\t8:30—9:00\t签到入场\t市会展中心\n2\t9:00—10:30\t项目推介\t报告厅\n",
            "序号\t活动内容\t地点\t时间安排\n1\t签到入场\t市会展中心\t8:30—9:00\n2\t项目推介\t报告厅\t9:00—10:30\n",
            "序号\t所在区\t联络员\t联系电话\t责任单位\n1\t明山区\t张三\t12345678\t明山区政府\n2\t平山区\t李四\t23456789\t平山区政府\n",
            "序号\t姓名\t工作单位\t职务\t责任分工\n1\t张三\t市发展改革委\t科长\t统筹协调\n2\t李四\t市财政局\t科员\t资金保障\n",
            "项目名称\t所在区\t改造内容\t序号\t责任单位\n北山小区改造\t明山区\t屋面防水\t1\t明山区政府\n",
            "序号\t根据市政府常务会议精神\t所在区\t责任单位\n1\t北山小区改造\t明山区\t明山区政府\n",
        ] {
            assert!(table(src, true).is_none(), "{src}");
        }
    }

    #[test]
    fn tab_separated_rows_with_wrapped_cells() {
        let t = table(
            "序号\t工作任务\t牵头单位\t完成时限\n1\t新建学校20所。\t市教育局\t2022年8月底前\n2\t完成30个乡镇卫生院\t市卫生健康委、\t2022年12月底前\n标准化改造。\n\t\t财政局\t\n后文。\n",
            true,
        )
        .unwrap();
        assert_eq!(t.consumed, 5);
        assert_eq!(
            rows(&t),
            vec![
                (
                    2,
                    1,
                    "新建学校20所。".into(),
                    f(&[("牵头单位", "市教育局"), ("完成时限", "2022年8月底前")])
                ),
                (
                    3,
                    2,
                    "完成30个乡镇卫生院标准化改造。".into(),
                    f(&[
                        ("牵头单位", "市卫生健康委、财政局"),
                        ("完成时限", "2022年12月底前")
                    ])
                ),
            ]
        );
    }

    /// With a 一、 clause open around the table, a section heading of the
    /// document under which the rows go on (the header printed once) is a
    /// category of the table; one over anything but the table's next row
    /// ends it.
    #[test]
    fn rows_go_on_under_the_document_s_section_headings() {
        let src = "序号\t重点任务\t牵头单位\t完成时限\n1\t推行一窗通办。\t市政务办\t2022年6月底前\n二、不动产登记\n2\t压缩登记时间。\t市自然资源和规划局\t持续推进\n三、保障措施\n各地要强化责任落实。\n";
        let t = table(src, false).unwrap();
        assert_eq!(t.consumed, 4);
        assert!(matches!(
            &t.items[1],
            Item::Category { number: 2, heading, .. } if heading == "不动产登记"
        ));
        assert_eq!(
            rows(&t).iter().map(|r| (r.0, r.1)).collect::<Vec<_>>(),
            vec![(2, 1), (4, 2)]
        );
        // (A heading over a row that does not go on the table's numbering.)
        let src = "序号\t重点任务\t牵头单位\t完成时限\n1\t推行一窗通办。\t市政务办\t2022年6月底前\n二、不动产登记\n7\t压缩登记时间。\t市自然资源和规划局\t持续推进\n";
        assert_eq!(table(src, false).unwrap().consumed, 2);
    }

    /// One cell a line without a serial column, under a 项目内容 header: the
    /// rows are numbered by their position, each the task cell then the
    /// others.
    #[test]
    fn one_cell_per_line_under_a_project_column() {
        let t = table(
            "项目内容\n责任单位\n完成时限\n新建公办幼儿园2所。\n区教育局\n2022年年底前\n新改建城市公园绿地4处。\n区住建局、各街道办事处\n2022年10月底前\n",
            true,
        )
        .unwrap();
        assert!(t.by_position);
        assert_eq!(
            rows(&t),
            vec![
                (
                    4,
                    1,
                    "新建公办幼儿园2所。".into(),
                    f(&[("责任单位", "区教育局"), ("完成时限", "2022年年底前")])
                ),
                (
                    7,
                    2,
                    "新改建城市公园绿地4处。".into(),
                    f(&[
                        ("责任单位", "区住建局、各街道办事处"),
                        ("完成时限", "2022年10月底前")
                    ])
                ),
            ]
        );
    }

    /// A list table: the serial, then the name of what each row lists, no
    /// role or deadline column; rows numbered in order give clauses headed
    /// by the name, no fields, a contact's name and telephone beside each
    /// unit or not. A roster of people (姓名 after the serial), or a header
    /// with no rows under it, is none.
    #[test]
    fn list_tables_under_a_serial_and_a_name_column() {
        for src in [
            "序号\t企业名称\t所在区县\t取消原因\n1\t某某粮油有限公司\t五莲县\t企业停产\n2\t某某果品有限公司\t莒县\t主动退出\n",
            "序号|企业名称|所在区县|取消原因\n1|某某粮油有限公司|五莲县|企业停产\n2|某某果品有限公司|莒县|主动退出\n",
            "序号  企业名称          所在区县  取消原因\n1     某某粮油有限公司  五莲县    企业停产\n2     某某果品有限公司  莒县      主动退出\n",
        ] {
            let t = table(src, true).expect(src);
            assert_eq!(t.consumed, 3, "{src}");
            assert_eq!(
                rows(&t),
                vec![
                    (2, 1, "某某粮油有限公司".into(), vec![]),
                    (3, 2, "某某果品有限公司".into(), vec![]),
                ],
                "{src}"
            );
        }
        // (A wrap cut a row's last cell: its rest goes on that cell.)
        let t = table(
            "序号\t班次名称\t培训时间\t承办单位\n1\t新任职干部培训班\t2020年8月\t市\n委党校\n2\t依法行政专题培训班\t2020年10月\t市司法局\n",
            true,
        )
        .unwrap();
        assert_eq!(rows(&t)[0].2, "新任职干部培训班");
        let t = table(
            "序号\t单位名称\t联系人\t联系电话\n1\t市水利局\t张伟\t8123456\n2\t市财政局\t李娜\t8123457\n",
            true,
        )
        .unwrap();
        assert_eq!(rows(&t)[1].2, "市财政局");
        for none in [
            "序号\t姓名\t工作单位\t备考\n1\t张伟\t市水利局\t无\n2\t李娜\t市财政局\t无\n",
            "序号\t企业名称\t所在区县\t取消原因\n姓名\t性别\t出生年月\t职务\n",
            // (A name's column further on, no contact's: people honoured.)
            "序号|工作单位|姓名|职务\n1|市水利局|张伟|科长\n2|市财政局|李娜|科员\n",
        ] {
            assert!(table(none, true).is_none(), "{none}");
        }
    }

    /// A list table under 序号 whatever its other column words: a unit and
    /// a post (`成员单位|联络员职务`), two columns, or a name column and a
    /// deadline (its rows have their deadline), or a unit and its contact
    /// (`单位|姓名|职务|联系电话`). Rows numbered 1 and 2 of as many cells stand
    /// under it, each maybe over the lines a wrap cut it into, and the header
    /// too (`序号 | 村庄名称 | 所在乡镇 | 整` / `治类型`); a unit column (scores
    /// of units) makes none.
    #[test]
    fn list_tables_whatever_their_columns() {
        for (src, fields) in [
            ("序号|成员单位|联络员职务\n1|县委宣传部|新闻科科长\n2|县公安局|户政大队大队长\n", vec![]),
            ("序号\t乡镇\n1\t黄寨镇\n2\t大盂镇\n", vec![]),
            (
                "序号|单位|姓名|职务|联系电话\n1|市民宗委|黄海|科长|2826001\n2|市教育局|蓝天|科员|2826002\n",
                vec![],
            ),
            (
                "序号|村庄名称|所在乡镇|完成时限\n1|贾家庄村|贾家庄镇|2022年10月底前\n2|冀村村|冀村镇|2022年11月底前\n",
                f(&[("所在乡镇", "贾家庄镇"), ("完成时限", "2022年10月底前")]),
            ),
        ] {
            let t = table(src, true).expect(src);
            assert_eq!(t.consumed, 3, "{src}");
            assert_eq!(rows(&t)[0].1, 1, "{src}");
            assert_eq!(rows(&t)[1].1, 2, "{src}");
            assert_eq!(rows(&t)[0].3, fields, "{src}");
        }
        // (With no field, the row's other cells are its text's rest.)
        let t = table(
            "序号|成员单位|联络员职务\n1|县委宣传部|新闻科科长\n2|县公安局|户政大队大队长\n",
            true,
        )
        .unwrap();
        assert!(
            matches!(&t.items[0], Item::Row { rest: Some(r), .. } if r == "联络员职务：新闻科科长")
        );
        // (The header and the rows cut at a width, their pieces joined.)
        let t = table(
            "序号 | 村庄名称 | 所在乡镇 | 整\n治类型\n1 | 石门村 | 禾川镇 | 垃圾分类\n示范\n2 | 龙源口村 | 龙源口镇 | 厕所\n革命示范\n",
            true,
        )
        .unwrap();
        assert_eq!(t.header[3], "整治类型");
        assert_eq!(t.consumed, 6);
        assert_eq!(rows(&t)[1].2, "龙源口村");
        for none in [
            // (Scores of units; a schedule; rows of other cell counts than
            // the header's, joined over their lines or not.)
            "序号\t责任单位\t考核得分\t等次\n1\t县水利局\t95\t优秀\n2\t县财政局\t88\t良好\n",
            "序号|时间安排|活动内容|地点\n1|9月1日|开班|县委党校\n2|9月2日|授课|县委党校\n",
            "序号|成员单位|联络员职务\n1|县委宣传部\n2|县公安局\n",
            "序号 | 成员单位 | 联络员职务\n1 | 县委宣传部 |\n新闻科\n2 | 县公安局 | 户政大队 | 大队长\n",
        ] {
            assert!(table(none, true).is_none(), "{none}");
        }
    }

    /// A table set out by spaces with no serial column: a header naming a
    /// role and three lines under it of as many cells are its rows,
    /// numbered by position, the first cell the task; fewer rows show no
    /// table.
    #[test]
    fn spaced_rows_without_a_serial_column() {
        let src = "整治任务      责任单位            完成时限\n整治黑臭水体12处。  县生态环境分局、水利局  2021年第三季度\n开展村庄清洁行动。  县农业农村局  每季度\n建成示范村15个。  县住房城乡建设局  2021年底前\n后文段落。\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.consumed, 4);
        assert!(t.by_position);
        assert_eq!(
            rows(&t)[1],
            (
                3,
                2,
                "开展村庄清洁行动。".into(),
                f(&[("责任单位", "县农业农村局"), ("完成时限", "每季度")])
            )
        );
        let two = "重点任务    牵头单位    完成时限\n七里河综合治理提升    市水务局    持续推进\n中心城区雨污分流改造    市城管执法局    2020年5月31日前\n";
        assert!(table(two, true).is_none());
    }

    /// A bar table's row that a bar closed after its last cell is whole: a
    /// note under the table (`[1]…`) is none of its cells, on one line or
    /// where a wrap cut the row.
    #[test]
    fn a_note_under_a_closed_bar_row() {
        for src in [
            "| 序号 | 重点任务 | 责任单位 | 完成时限 |\n| 1 | 开展评估 | 区发展改革局 | 2021年底前 |\n| 2 | 清理拖欠账款 | 区财政局 | 长期坚持 |\n[1]“标准地”是指控制性指标明确的国有建设用地。\n",
            "| 序号 | 重点任务 | 责任单位 | 完成时限 |\n| 1 | 开展评估 | 区发展改革局 | 2021年底前 |\n| 2 | 清理拖欠账款 |\n 区财政局 | 长期坚持 |\n[1]“标准地”是指控制性指标明确的国有建设用地。\n",
        ] {
            let t = table(src, true).unwrap();
            assert_eq!(rows(&t)[1].2, "清理拖欠账款", "{src}");
            assert_eq!(t.consumed, src.lines().count() - 1, "{src}");
        }
    }

    /// A table set out by runs of spaces (two ASCII spaces or more, or
    /// U+3000): its rows open with their serial; a row short of a cell puts
    /// its cells under the headers nearest them; the first line that is no
    /// row ends it. A single space stays inside a cell.
    #[test]
    fn spaced_rows_under_a_serial_header() {
        assert_eq!(
            spaced_cells("1  市民政局 市财政局　　持续推进", 0),
            vec![(0, "1"), (3, "市民政局 市财政局"), (24, "持续推进")]
        );
        let src = "序号  重点任务          牵头单位    完成时限\n\
            1     七里河综合治理    市水务局    持续推进\n\
            2     雨污分流改造                  2020年5月31日前\n\
            各单位要认真落实。\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.consumed, 3);
        assert_eq!(
            rows(&t),
            vec![
                (
                    2,
                    1,
                    "七里河综合治理".into(),
                    f(&[("牵头单位", "市水务局"), ("完成时限", "持续推进")])
                ),
                (
                    3,
                    2,
                    "雨污分流改造".into(),
                    f(&[("完成时限", "2020年5月31日前")])
                ),
            ]
        );
        for roster in [
            "组  长：刘卫东  副市长\n副组长：张海涛\n",
            "重点任务  牵头单位  完成时限\n七里河综合治理  市水务局  持续推进\n",
        ] {
            assert!(table(roster, true).is_none(), "{roster}");
        }
    }

    /// A row of a spaced table whose cells wrap: the next line, blank under
    /// the serial column, goes on the cells whose headers its pieces start
    /// under; a paragraph indented under no header ends the table.
    #[test]
    fn spaced_rows_whose_cells_wrap() {
        let src = "序号  重点任务            牵头单位    责任单位          完成时限\n\
            1     改造老旧小区，惠及  市住建局    各区人民政府      2022年6月底前\n\
            \x20     居民3000户\n\
            2     整治背街小巷        市城管局    各区人民政府、    长期坚持\n\
            \x20                                     市城投集团\n\
            \x20   各单位要认真落实。\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.consumed, 5);
        assert_eq!(
            rows(&t),
            vec![
                (
                    2,
                    1,
                    "改造老旧小区，惠及居民3000户".into(),
                    f(&[
                        ("牵头单位", "市住建局"),
                        ("责任单位", "各区人民政府"),
                        ("完成时限", "2022年6月底前")
                    ])
                ),
                (
                    4,
                    2,
                    "整治背街小巷".into(),
                    f(&[
                        ("牵头单位", "市城管局"),
                        ("责任单位", "各区人民政府、市城投集团"),
                        ("完成时限", "长期坚持")
                    ])
                ),
            ]
        );
    }

    #[test]
    fn lines_cut_at_a_width_joined_again() {
        let lines = [
            "1     新建污水",
            "处理厂  市生态环境",
            "局  2022年12月底前",
            "后文",
        ];
        let (joined, taken) = unwrap_lines(lines.into_iter(), 10, |_| false);
        assert_eq!(taken, 3);
        assert_eq!(joined, "1     新建污水处理厂  市生态环境局  2022年12月底前");
        // (A line shorter than the width ends the printed line; so does a
        // blank line, or the next row's first line.)
        assert_eq!(unwrap_lines(["甲乙", "丙"].into_iter(), 5, |_| false).1, 1);
        assert_eq!(
            unwrap_lines(["甲乙丙丁戊", ""].into_iter(), 5, |_| false).1,
            1
        );
        let next = |l: &str| l.starts_with('2');
        assert_eq!(unwrap_lines(["1  甲乙", "2  丙"].into_iter(), 5, next).1, 1);
    }

    /// A table set out by spaces that a copy cut into lines of 16
    /// characters, its header too: each row's lines joined with their
    /// spaces part into its cells (a run of spaces cut in two still parts
    /// them); a row that parts into more cells than the header is its task
    /// alone, reported.
    #[test]
    fn spaced_rows_cut_at_a_line_width() {
        let src = concat!(
            "序号  重点任务        \n",
            "    牵头单位      完成\n",
            "时限\n",
            "1     新建乡镇污水处理厂 \n",
            " 市生态环境局  2022年6月\n",
            "底前\n",
            "2     改造老旧管网    \n",
            "    市住建局      20\n",
            "22年底前\n",
            "3     整治黑臭水体    \n",
            "    市水利局  另有  说明\n",
            "事项\n",
            "各单位要认真落实。\n",
        );
        let t = table(src, true).unwrap();
        assert_eq!(t.header, ["序号", "重点任务", "牵头单位", "完成时限"]);
        assert_eq!(t.consumed, 12);
        assert_eq!(
            rows(&t),
            vec![
                (
                    4,
                    1,
                    "新建乡镇污水处理厂".into(),
                    f(&[("牵头单位", "市生态环境局"), ("完成时限", "2022年6月底前")])
                ),
                (
                    7,
                    2,
                    "改造老旧管网".into(),
                    f(&[("牵头单位", "市住建局"), ("完成时限", "2022年底前")])
                ),
                (10, 3, "整治黑臭水体 市水利局 另有 说明事项".into(), vec![]),
            ]
        );
        assert_eq!(t.misread.len(), 1);
        assert_eq!(t.misread[0].0, 10);
        // (Not cut at one width, the same header's first line is no header
        // of its own: two cells.)
        assert!(table("序号  重点任务\n牵头单位\n1  甲  乙\n", true).is_none());
    }

    /// A continuation line that fills two columns: its leading tab (the
    /// empty serial cell) was trimmed with the line's indentation, and the
    /// cells still go to the columns the tabs name.
    #[test]
    fn a_continuation_line_fills_the_columns_its_tabs_name() {
        let src = "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t实施城市更新示范\t市发展改革委\t市财政局、住房城乡建设局、\t2023年12月底前\n\t项目。\t\t自然资源和规划局\t\n后文。\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.consumed, 3);
        assert_eq!(
            rows(&t),
            vec![(
                2,
                1,
                "实施城市更新示范项目。".into(),
                f(&[
                    ("牵头单位", "市发展改革委"),
                    ("配合单位", "市财政局、住房城乡建设局、自然资源和规划局"),
                    ("完成时限", "2023年12月底前")
                ])
            )]
        );
    }

    /// Rows re-wrapped at a fixed width: a line goes on the row where the
    /// line above stopped (inside a cell, or at a tab the wrap left at
    /// either end), a row may take three lines, and a deadline's or a
    /// unit's rest alone on a line ends the last cell.
    #[test]
    fn rows_cut_by_a_wrap_go_on_where_they_stopped() {
        let src = "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n\
            1\t推行一窗通办，压缩至\n\
            3个工作日。\t市审批局\t市公安\n\
            局、税务局\t2021年6月底\n\
            前\n\
            2\t清理涉企收费。\t市发展改革委\t市财政局\t\n\
            长期坚持\n\
            3\t建设智慧停车平台。\t市住房城\n\
            乡建设局\t市交通运输局\t每季\n\
            度\n\
            后文。\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.consumed, 10);
        let r = rows(&t);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].2, "推行一窗通办，压缩至3个工作日。");
        assert_eq!(
            r[0].3,
            f(&[
                ("牵头单位", "市审批局"),
                ("配合单位", "市公安局、税务局"),
                ("完成时限", "2021年6月底前")
            ])
        );
        assert_eq!(r[1].3[2], ("完成时限".into(), "长期坚持".into()));
        assert_eq!(
            r[2].3,
            f(&[
                ("牵头单位", "市住房城乡建设局"),
                ("配合单位", "市交通运输局"),
                ("完成时限", "每季度")
            ])
        );
    }

    /// A line opening with the tab a wrap cut at (its leading tab trimmed
    /// with the line's spaces) fills the next columns; a deadline alone on
    /// its line after a row one cell short is the deadline.
    #[test]
    fn a_tab_lost_with_the_line_s_spaces_still_counts() {
        let src = "序号\t工作任务\t责任单位\t配合单位\t完成时限\n\
            1\t建成停车平台。\t市执法局\t市公安局\n\
            \t2021年6月底前\n\
            2\t改造背街小巷。\t市住建局\t市财政局\n\
            2020年10月31日\n\
            3\t新增绿道。\t市园林局\t市财政局\t2020年11月30日\n";
        let r = rows(&table(src, true).unwrap());
        assert_eq!(r.len(), 3);
        for row in &r[..2] {
            assert_eq!(row.3.len(), 3, "{row:?}");
        }
        assert_eq!(r[0].3[2].1, "2021年6月底前");
        assert_eq!(r[1].3[2].1, "2020年10月31日");
    }

    /// What a wrap did not cut stays as it was: a paragraph under a row
    /// ends the table, also under a row shorter than the header; a line
    /// whose tabs would take the row past its last column is the row's
    /// cells side by side.
    #[test]
    fn whole_rows_are_not_joined_to_what_follows() {
        let src = "序号\t重点任务\t牵头单位\t完成时限\n\
            1\t建学校。\t市教育局\t2022年底前\n\
            2\t建医院。\t市卫健委\n\
            各地要抓好落实。\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.consumed, 3);
        assert_eq!(rows(&t)[1].3, f(&[("牵头单位", "市卫健委")]));
        let src = "序号\t重点任务\t牵头单位\t完成时限\n\
            1\t建学校。\t市教育局\t2022年底前\n\
            2022年秋季开学前投用。\n";
        assert_eq!(table(src, true).unwrap().consumed, 2);
    }

    /// After a row shorter than the header, a line opening with a tab is
    /// the next columns' values only when it reads as them: a task's next
    /// line side by side, a paragraph indented with a tab or a signature is
    /// not; a year under a whole deadline is no part of it.
    #[test]
    fn a_short_row_takes_only_what_reads_as_its_cells() {
        let src = "序号\t重点任务\t牵头单位\t配合单位\n\
            1\t推进垃圾分类试点，\t县住建局\n\
            \t在5个乡镇开展源头分类减量。\n\
            2\t开展防溺水教育。\t县教体局\t各乡镇\n";
        let r = rows(&table(src, true).unwrap());
        assert_eq!(r[0].2, "推进垃圾分类试点，在5个乡镇开展源头分类减量。");
        assert_eq!(r[0].3, f(&[("牵头单位", "县住建局")]));
        let src = "序号\t重点任务\t责任单位\t配合单位\t完成时限\n\
            1\t开展隐患排查。\t市教体局\t各县区教体局\t2021年3月底前\n\
            2\t开展防溺水教育。\t各县区教体局\n\
            \t各学校要结合实际制定具体实施方案。\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.consumed, 3);
        assert_eq!(rows(&t)[1].3, f(&[("责任单位", "各县区教体局")]));
        let src = "序号\t重点任务\t牵头单位\t完成时限\n\
            1\t建学校。\t市教育局\t2021年底前\n\
            2022年\n\
            2\t建医院。\t市卫健委\t2022年底前\n";
        let t = table(src, true).unwrap();
        assert_eq!(rows(&t)[0].3[1].1, "2021年底前");
    }

    /// A header row cut by a wrap, over a tab and a bar table.
    #[test]
    fn a_header_row_cut_by_a_wrap() {
        let src = "序号\t重点任务\t牵头单位\t配合单位\t完成时\n限\n1\t推行一窗通办。\t市审批局\t市公安局\t2021年3月底前\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.header.last().map(String::as_str), Some("完成时限"));
        assert_eq!(t.consumed, 3);
        assert_eq!(
            rows(&t)[0].3[2],
            ("完成时限".into(), "2021年3月底前".into())
        );
        let src = "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成\n时限 |\n|---|---|---|---|---|\n\
            | 1 | 开展垃圾分类进校园、进\n社区宣传活动。 | 市教育局 | 市文\n明办、团市委 | 每季度 |\n\
            | 2 | 建立考核机制。 | 市城管局\n | 市考核办 | 持续推进 |\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.consumed, 8);
        let r = rows(&t);
        assert_eq!(r[0].2, "开展垃圾分类进校园、进社区宣传活动。");
        assert_eq!(
            r[0].3,
            f(&[
                ("牵头单位", "市教育局"),
                ("配合单位", "市文明办、团市委"),
                ("完成时限", "每季度")
            ])
        );
        assert_eq!(
            r[1].3,
            f(&[
                ("牵头单位", "市城管局"),
                ("配合单位", "市考核办"),
                ("完成时限", "持续推进")
            ])
        );
        // A category or first row under the header is not its rest.
        let src = "序号\t重点任务\t牵头单位\t完成时限\n一、政务服务\n1\t推行一窗通办。\t市审批局\t2021年3月底前\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.header.len(), 4);
        assert!(matches!(t.items[0], Item::Category { .. }));
    }

    /// A bar table's rule cut by a wrap into several lines of dashes is
    /// read whole, not as the header again and again.
    #[test]
    fn a_rule_cut_by_a_wrap() {
        let src =
            "| 序号 | 实事项目 | 牵头单位 | 配\n合单位 | 完成时限 |\n|------|----------|---\n\
            -------|----------|---\n-------|\n\
            | 1 | 改造老旧小区12个。 | 区住建局 | 各街道办事处 | 2023年11月底前 |\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.consumed, 6);
        let r = rows(&t);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].3[2], ("完成时限".into(), "2023年11月底前".into()));
    }

    /// A tab table without a serial whose row a wrap cut in the task, then
    /// in the deadline (`…⇥2023` / `年10月底前`).
    #[test]
    fn an_unnumbered_tab_row_cut_in_its_task_and_its_last_cell() {
        let src = "重点任务\t牵头单位\t配合单位\t完成时限\n\
            推进农村卫生厕所改造,全年新改建农村户用卫\n\
            生厕所8000座。\t市农业农村局\t市卫健委\t2023\n\
            年10月底前\n\
            开展村庄清洁行动。\t市农业农村局\t各县人民政府\t2023年6月30日前\n";
        let t = table(src, false).unwrap();
        assert_eq!(t.consumed, 5);
        let r = rows(&t);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].2,
            "推进农村卫生厕所改造,全年新改建农村户用卫生厕所8000座。"
        );
        assert_eq!(r[0].3[2], ("完成时限".into(), "2023年10月底前".into()));
    }

    /// A tab table without a serial whose row a wrap cut right at the
    /// task's tab (`…12公顷。` / `⇥市住建局⇥…`).
    #[test]
    fn an_unnumbered_tab_row_cut_at_its_task_s_tab() {
        let src = "重点任务\t牵头单位\t配合单位\t完成时限\n\
            完成桃河沿岸景观带建设,新增绿地12公顷。\n\
            \t市住建局\t城区人民政府\t2023年9月底前\n\
            新建口袋公园8处。\t市城市管理局\t市自然资源局\t2023年第三季度\n";
        let t = table(src, false).unwrap();
        assert_eq!(t.consumed, 4);
        let r = rows(&t);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].3,
            f(&[
                ("牵头单位", "市住建局"),
                ("配合单位", "城区人民政府"),
                ("完成时限", "2023年9月底前")
            ])
        );
    }

    /// A bordered line of a row's next cells that the wrap cut before its
    /// closing bar goes on in the column it stopped in.
    #[test]
    fn a_continuation_row_cut_before_its_closing_bar() {
        let src = "| 序号 | 民生实事 | 牵头单位 | 配合单位 | 完成时间 |\n|---|---|---|---|---|\n\
            | 1 | 改造农村公路45公里，完成 | 区交通运输局 | 区财政局， | 2023年11月底前 |\n\
            |  | 危桥改造3座。 |  | 各乡镇人\n民政府 |  |\n\
            | 2 | 新建农村幼儿园4所。 | 区教育局 | 区住建局 | 2023年8月底前 |\n";
        let r = rows(&table(src, true).unwrap());
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].2, "改造农村公路45公里，完成危桥改造3座。");
        assert_eq!(
            r[0].3[1],
            ("配合单位".into(), "区财政局，各乡镇人民政府".into())
        );
    }

    /// A tab table without a serial whose row the wrap cut right after the
    /// task's tab, which that line kept at its end (`…建成通车。⇥` /
    /// `市交通运输局⇥…`): the line under it holds the other cells.
    #[test]
    fn an_unnumbered_tab_row_cut_after_its_task_s_tab() {
        let src = "重点任务\t牵头单位\t配合单位\t完成时限\n\
            完成一级公路改建,建成通车。\t\n\
            市交通运输局\t离石区人民政府\t2023年10月底前\n\
            新改建农村公路300公里。\t市交通运输局\t市财政局\t2023年12月底前\n\
            建设客运示范县2个。\t\n\
            市交通运输局\t各县人民政府\t2023年第四季度\n";
        let t = table(src, false).unwrap();
        assert_eq!(t.consumed, 6);
        let r = rows(&t);
        assert_eq!(r.len(), 3);
        for row in [&r[0], &r[2]] {
            assert_eq!(row.3.len(), 3, "{row:?}");
            assert_eq!(row.3[0], ("牵头单位".into(), "市交通运输局".into()));
        }
    }

    /// A tab row cut right after a unit's cell, its tab lost, and its
    /// deadline cut again: the line under the cell starts the next column.
    #[test]
    fn a_tab_row_cut_after_a_cell_and_in_its_deadline() {
        let src = "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n\
            1\t编制村庄清洁行动方案。\t\n各县(区)政府\n市农业农村局、市住房城乡建设局\t202\n\
            2年9月30日前\n";
        let r = rows(&table(src, true).unwrap());
        assert_eq!(r[0].3[0], ("牵头单位".into(), "各县(区)政府".into()));
        assert_eq!(r[0].3[2], ("完成时限".into(), "2022年9月30日前".into()));
    }

    /// A borderless bar table's row cut right after the bar before its last
    /// cell: the next line, flush and short, is that cell, not the task's
    /// rest.
    #[test]
    fn a_borderless_bar_row_cut_after_its_last_bar() {
        let src = "序号|实事项目|建设规模|实施地点\n\
            1|城乡供水一体化工程|新建集中供水工程15处|\n\
            城关镇、上店镇等8个乡镇\n\
            2|公办幼儿园建设|新建公办幼儿园3所|县城\n";
        let r = rows(&table(src, true).unwrap());
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].2, "城乡供水一体化工程");
    }

    /// A header of two rows, a group's name over its columns' names.
    #[test]
    fn a_grouped_header_of_two_rows() {
        let src = "序号\t重点任务\t责任分工\t\t完成时限\n\t\t牵头单位\t配合单位\t\n\
            1\t截污纳管。\t市住建局\t市生态环境局\t2021年6月底前\n";
        let t = table(src, true).unwrap();
        assert_eq!(
            t.header,
            ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
        );
        assert_eq!(t.consumed, 3);
        assert_eq!(rows(&t)[0].3[1], ("配合单位".into(), "市生态环境局".into()));
        // A second row that opens a row is none.
        let src = "序号\t重点任务\t责任分工\t\t完成时限\n1\t截污纳管。\t市住建局\t\t2021年\n";
        assert!(table(src, true).is_none());
    }

    #[test]
    fn a_header_whose_names_are_cut_over_two_rows() {
        let src = "| 序号 | 项目名称 | 牵头 | 责任 | 完成 |\n|  |  | 单位 | 单位 | 时限 |\n\
            |----|----|----|----|----|\n| 1 | 新建幼儿园5所。 | 市教育局 | 各区县政府 | 2022年8月底前 |\n";
        let t = table(src, true).unwrap();
        assert_eq!(
            t.header,
            ["序号", "项目名称", "牵头单位", "责任单位", "完成时限"]
        );
        assert_eq!(rows(&t)[0].3[0], ("牵头单位".into(), "市教育局".into()));
        // A lower row that opens a row is none.
        let src =
            "| 序号 | 项目名称 | 牵头 | 责任 | 完成 |\n| 1 |  | 市教育局 | 各区县政府 | 时限 |\n";
        assert!(table(src, true).is_none());
    }

    /// A stacked header whose upper or lower row a wrap cut: each row's
    /// two lines joined are the row.
    #[test]
    fn a_stacked_header_whose_upper_row_is_cut() {
        let bars = "| 序号 | 重点任务 | 牵头 | 配合单\n位 | 完成 |\n|  |  | 单位 |  | 时限 |\n\
            | 1 | 建设公厕20座。 | 市城管局 | 各区县政府 | 2022年10月底前 |\n";
        let tabs = "序号\t重点任务\t牵头\t配合单\n位\t完成\n\t\t单位\t\t时限\n\
            1\t建设公厕20座。\t市城管局\t各区县政府\t2022年10月底前\n";
        // (The lower row cut too, before its closing bar, the upper whole
        // or cut.)
        let lower = "| 序号 | 重点任务 | 牵头 | 配合 | 完成 |\n|  |  | 单位 | 单位 | 时限\n |\n\
            | 1 | 建设公厕20座。 | 市城管局 | 各区县政府 | 2022年10月底前 |\n";
        let both = "| 序号 | 重点任务 | 牵头 | 配\n合 | 完成 |\n|  |  | 单位 | 单位 | 时限\n |\n\
            | 1 | 建设公厕20座。 | 市城管局 | 各区县政府 | 2022年10月底前 |\n";
        for (src, consumed) in [(bars, 4), (tabs, 4), (lower, 4), (both, 5)] {
            let t = table(src, true).unwrap();
            let names = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"];
            assert_eq!(t.header, names, "{src}");
            assert_eq!(t.consumed, consumed, "{src}");
            assert_eq!(rows(&t)[0].3[0], ("牵头单位".into(), "市城管局".into()));
        }
        // A tail line that opens a row is none.
        let src = "| 序号 | 重点任务 | 牵头 | 配合单\n| 1 | 完成 |\n|  |  | 单位 |  | 时限 |\n";
        assert!(table(src, true).is_none());
    }

    /// A bordered bar table without a serial: a line that opens with no bar
    /// and ends the last cell (`| 2021年12月` / `底前 |`) opens no row.
    #[test]
    fn a_bordered_row_s_last_cell_cut() {
        let src = "| 重点任务 | 牵头单位 | 完成时限 |\n| 开展就业服务。 | 市人社局 | 2021年12月\n底前 |\n\
            | 实施以工代赈。 | 市发展改革委 | 2021年11月底前 |\n";
        let t = table(src, true).unwrap();
        let r = rows(&t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].3[1], ("完成时限".into(), "2021年12月底前".into()));
        assert_eq!(r[1].2, "实施以工代赈。");
    }

    #[test]
    fn a_list_without_role_columns_and_its_cut_cells() {
        let src = "序号\t文件名称\t文号\n1\t某市城市市容管理办法\t某市人民政\n府令第3号\n\
            2\t某市城市道路管理办法\t《某市\n道路条例》\n3\t某市人民政府关于加强防汛工作的通\n知 某府发〔2019〕5号\n";
        let t = table(src, true).unwrap();
        let r = rows(&t);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].2, "某市城市市容管理办法");
        assert_eq!(r[1].2, "某市城市道路管理办法");
        assert_eq!(r[2].2, "某市人民政府关于加强防汛工作的通知");
        assert!(r[0].3.is_empty());
        assert!(left_open("文号", "某市人民政", "府令第3号"));
        assert!(left_open("设定依据", "《某市", "道路条例》"));
        assert!(!left_open("设定依据", "《某市道路条例》", "（部分）"));
    }

    #[test]
    fn one_cell_per_line_with_other_cells_wrapped() {
        let src = "序号\n项目名称\n目标任务\n牵头单位\n责任单位\n完成时限\n\
            1\n建设幼儿园\n新建幼儿园8所。\n市教育局\n市发展改革委、财政局，各区\n市县政府\n2021年8月底前\n\
            2\n改造老旧小区\n改造老旧小区120个，惠及居\n民2万户。\n市住房城乡建设局\n各县（市、区）政府\n2021年上半年开工60个，\n全年完成\n";
        let t = table(src, true).unwrap();
        let r = rows(&t);
        assert_eq!(r[0].2, "建设幼儿园");
        assert_eq!(r[0].3[1], ("牵头单位".into(), "市教育局".into()));
        assert_eq!(
            r[0].3[2],
            (
                "责任单位".into(),
                "市发展改革委、财政局，各区市县政府".into()
            )
        );
        assert_eq!(r[1].2, "改造老旧小区");
        assert_eq!(
            r[1].3[0],
            (
                "目标任务".into(),
                "改造老旧小区120个，惠及居民2万户。".into()
            )
        );
        assert_eq!(
            r[1].3[3],
            ("完成时限".into(), "2021年上半年开工60个，全年完成".into())
        );
    }

    #[test]
    fn a_tab_header_cut_at_a_cell_s_end() {
        let src = "序号\t工作任务\t牵头单位\n配合单位\t完成时限\n\
            1\t建设公厕20座。\t市农业农村局\t各区县政府\t2022年10月底前\n";
        let t = table(src, true).unwrap();
        assert_eq!(
            t.header,
            ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
        );
        assert_eq!(t.consumed, 3);
    }

    #[test]
    fn a_tab_row_cut_after_a_unit_cell() {
        let src = "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n\
            1\t编制供水规划。\t各区县政府\n市水务局、市发展改革委\t2021年9月30日前\n\
            2\t改造管网。\t市水务局\t市财政局\t2021年12月底前\n";
        let t = table(src, true).unwrap();
        assert_eq!(
            rows(&t)[0].3,
            f(&[
                ("牵头单位", "各区县政府"),
                ("配合单位", "市水务局、市发展改革委"),
                ("完成时限", "2021年9月30日前")
            ])
        );
    }

    /// A tab row cut at the tab after its task cell: the next line opens
    /// with the tab and fills the row to its last column, whatever its
    /// deadline cell reads (每学期 reads as one, 视情况 as none).
    #[test]
    fn a_tab_row_cut_at_a_cell_boundary() {
        for deadline in ["每学期", "视情况", "2022年6月底前"] {
            let src = format!(
                "序号\t重点任务\t牵头单位\t责任单位\t完成时限\n\
                 1\t落实“双减”政策，规范校外培训机构管理。\n\
                 \t市教育局\t市市场监管局、民政局\t{deadline}\n\
                 2\t改造管网。\t市水务局\t市财政局\t2022年12月底前\n"
            );
            let r = rows(&table(&src, true).unwrap());
            assert_eq!(
                r[0].3,
                f(&[
                    ("牵头单位", "市教育局"),
                    ("责任单位", "市市场监管局、民政局"),
                    ("完成时限", deadline)
                ]),
                "{deadline}"
            );
            assert_eq!(r.len(), 2);
        }
    }

    /// A bar table without a serial, cut by a wrap right before a bar or
    /// inside its last cell.
    #[test]
    fn bar_rows_cut_before_a_bar_or_in_the_last_cell() {
        let src = "工作任务 | 责任单位 | 完成时限 | 备注\n新建幼儿园5所\n| 市教育局 | 2021年8月底前 | 续建项目\n\
            改造农村公路 | 市交通运输局 | 2021年11月底前 | 省定\n任务\n";
        let t = table(src, false).unwrap();
        assert_eq!(t.consumed, 5);
        let r = rows(&t);
        assert_eq!(
            (r[0].2.as_str(), r[1].2.as_str()),
            ("新建幼儿园5所", "改造农村公路")
        );
        assert_eq!(r[0].3[0], ("责任单位".into(), "市教育局".into()));
        assert_eq!(r[1].3[2], ("备注".into(), "省定任务".into()));
    }

    #[test]
    fn markdown_rows_and_category_rows() {
        let t = table(
            "| 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n| 一、教育 | | |\n| 1 | 建学校。 | 市教育局 |\n| 2 | 建医院。 | 市卫健委 |\n",
            true,
        )
        .unwrap();
        assert_eq!(t.consumed, 5);
        assert!(
            matches!(&t.items[0], Item::Category { number: 1, heading, .. } if heading == "教育")
        );
        assert_eq!(rows(&t).len(), 2);
    }

    /// A total row is owned by the table but is no row, and does not go on
    /// the row above it.
    #[test]
    fn a_total_row_ends_the_rows() {
        let t = table(
            "序号|项目名称|责任单位|投资(万元)\n1|建学校。|区教育局|1200\n2|建医院。|区卫健局|300\n合　计|||1500\n",
            false,
        )
        .unwrap();
        assert_eq!(t.consumed, 4);
        let r = rows(&t);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[1].3,
            f(&[("责任单位", "区卫健局"), ("投资(万元)", "300")])
        );
        assert!(is_total("总计") && is_total("小 计") && !is_total("合计数") && !is_total("1"));
    }

    #[test]
    fn one_cell_per_line_with_page_breaks() {
        let src = "序号\n重点任务\n牵头单位\n完成时限\n一、政务服务\n1\n推行一件事一次办。\n市政务服务局\n2021年6月底前\n— 2 —\n序号\n重点任务\n牵头单位\n完成时限\n2\n实现企业开办全流程\n1个工作日内办结。\n市市场监管局\n2021年3月31日前\n二、后续工作\n";
        let t = table(src, true).unwrap();
        let r = rows(&t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].2, "实现企业开办全流程1个工作日内办结。");
        assert_eq!(
            r[1].3,
            f(&[
                ("牵头单位", "市市场监管局"),
                ("完成时限", "2021年3月31日前")
            ])
        );
        // Without categories a 一、 row ends the table (the document's next section).
        let src = "序号\n重点任务\n牵头单位\n完成时限\n1\n推行一件事一次办。\n市政务服务局\n2021年6月底前\n四、保障措施\n";
        let t = table(src, false).unwrap();
        assert_eq!(t.consumed, 8);
        assert_eq!(t.items.len(), 1);
    }

    /// One cell a line without a serial: rows of the header's width, ended
    /// by a heading of the document or a note; a note opening a cell inside
    /// a row is the cell.
    #[test]
    fn one_cell_per_line_without_a_serial() {
        let src = "重点任务\n牵头单位\n完成时限\n推进入湖河道综合整治。\n市水务局\n2022年9月底前\n建设污水处理厂。\n市住建局\n2022年底前\n二、工作要求\n（一）加强组织领导。\n";
        let t = table(src, false).unwrap();
        assert_eq!(t.consumed, 9);
        let r = rows(&t);
        assert_eq!(r.len(), 2);
        assert_eq!((r[1].1, r[1].2.as_str()), (2, "建设污水处理厂。"));
        let src = "重点任务\n牵头单位\n完成时限\n推进河道整治。\n市水务局\n2022年9月底前\n注：各单位按季度报送进展。\n";
        assert_eq!(table(src, false).unwrap().consumed, 6);
        let src = "序号\n重点任务\n牵头单位\n备注\n1\n推进河道整治。\n市水务局\n注：含省下达任务\n2\n建设污水处理厂。\n市住建局\n无\n";
        let r = rows(&table(src, false).unwrap());
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].3,
            f(&[("牵头单位", "市水务局"), ("备注", "注：含省下达任务")])
        );
    }

    /// Without a serial, a task cell over two lines leaves the row's last
    /// value one line past its width: it is the row's, not the next row's
    /// task (`完成…4000户。优先推进电代` / `煤改造。` / `县…局` / `2023年10月`).
    #[test]
    fn one_cell_per_line_with_a_wrapped_task_cell() {
        let src = "工作任务\n责任单位\n完成时限\n完成清洁取暖改造4000户。优先推进电代\n煤改造。\n\
            县发展改革委、县财政局\n2023年10月\n加强散煤市场监管。\n县市场监管局\n2023年11月15日\n";
        let t = table(src, false).unwrap();
        assert_eq!(t.consumed, 10);
        let r = rows(&t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].2, "完成清洁取暖改造4000户。优先推进电代煤改造。");
        assert_eq!(
            r[0].3,
            f(&[
                ("责任单位", "县发展改革委、县财政局"),
                ("完成时限", "2023年10月")
            ])
        );
        assert_eq!(r[1].2, "加强散煤市场监管。");
    }

    /// A unit cell wrapped after a list separator goes on on the next line:
    /// the row's cells stay in their columns; a 版记 line ends the table.
    #[test]
    fn one_cell_per_line_with_a_wrapped_unit_cell() {
        let src = "序号\n重点任务\n牵头单位\n配合单位\n完成时限\n1\n推进扬尘治理。\n市城建局\n市城管执法局、环保局、\n交通局\n长期坚持\n2\n淘汰黄标车。\n市公安局\n市环保局\n2015年底前\n抄送：市委办公室。\n";
        let t = table(src, false).unwrap();
        assert_eq!(t.consumed, 16);
        let r = rows(&t);
        assert_eq!(
            r[0].3,
            f(&[
                ("牵头单位", "市城建局"),
                ("配合单位", "市城管执法局、环保局、交通局"),
                ("完成时限", "长期坚持")
            ])
        );
        assert_eq!(
            r[1].3,
            f(&[
                ("牵头单位", "市公安局"),
                ("配合单位", "市环保局"),
                ("完成时限", "2015年底前")
            ])
        );
    }

    /// A unit list cut inside a name, or before its separator; a task's
    /// next line over a unit is no part of the unit.
    #[test]
    fn one_cell_per_line_with_a_unit_cut_inside_its_name() {
        let src = "序号\n重点任务\n责任单位\n完成时限\n1\n推进审批制度改革\n市住房城乡建设局、市自然资源和规\n划局、市发改委\n2021年9月\n\
            2\n优化跨境贸易服务\n市商务局、市财政局\n、永州海关\n2021年12月\n\
            3\n压缩开办时间至\n1个工作日以内\n市市场监管局\n2021年6月\n";
        let r = rows(&table(src, false).unwrap());
        assert_eq!(r[0].2, "推进审批制度改革");
        assert_eq!(
            r[0].3[0].1,
            "市住房城乡建设局、市自然资源和规划局、市发改委"
        );
        assert_eq!(r[1].3[0].1, "市商务局、市财政局、永州海关");
        assert_eq!(r[2].2, "压缩开办时间至1个工作日以内");
        assert_eq!(r[2].3[0].1, "市市场监管局");
    }

    /// A row without a serial cut inside its task cell and again inside a
    /// later cell opens where its task does, also under a row read whole
    /// and where the last cut took the tab to the margin.
    #[test]
    fn rows_without_a_serial_cut_twice() {
        let src = "重点任务|牵头单位|责任单位|完成时限\n开展隐患排查，建立整改台\n账|市应急管理局|市水利局、自然\n资源局|2021年4月30日前\n\
            组织应急演练|市应急管理局|各成员单位|2021年6月底前\n";
        let r = rows(&table(src, false).unwrap());
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].2, "开展隐患排查，建立整改台账");
        assert_eq!(r[0].3[1].1, "市水利局、自然资源局");
        let src = "重点任务\t牵头单位\t责任单位\t完成时限\n组织应急演练\t市应急管理局\t各成员单位\t2021年6月底前\n\
            开展汛前安全隐患大排查，建立问题清单和整改台\n账\t市应急管理局\t市水利局、财政局\n\t2021年4月30日前\n某市人民政府办公室\n2021年3月31日\n";
        let r = rows(&table(src, false).unwrap());
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].2, "组织应急演练");
        assert_eq!(r[1].2, "开展汛前安全隐患大排查，建立问题清单和整改台账");
        assert_eq!(r[1].3[2].1, "2021年4月30日前");
        // (A line under the whole row shorter than the line of cells under
        // it is the rest of that row's task, printed below its cells.)
        let src = "重点任务\t牵头单位\t责任单位\t完成时限\n组织应急演练\t市应急管理局\t各成员单位\t2021年6月底前\n\
            并开展复盘\n开展隐患排查，建立整改台账\t市应急管理局\t市水利局、财政局\t2021年4月30日前\n";
        let r = rows(&table(src, false).unwrap());
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].2, "组织应急演练并开展复盘");
        assert_eq!(r[1].2, "开展隐患排查，建立整改台账");
    }

    /// One cell a line: a task cell holding 、 over as many lines as the
    /// row lacks cells is no unit list cut inside a name; a line flush
    /// with the margin under an indented table is the rest of the cell
    /// above it.
    #[test]
    fn one_cell_per_line_with_dunhao_or_a_flush_wrap() {
        let src = "序号\n重点任务\n责任单位\n完成时限\n1\n对城区、乡镇工作进行考评排名\n市城市管理局\n每季度\n2\n建设处理厂\n市发展改革委\n年底前\n";
        let r = rows(&table(src, false).unwrap());
        assert_eq!(r[0].2, "对城区、乡镇工作进行考评排名");
        assert_eq!(
            r[0].3,
            f(&[("责任单位", "市城市管理局"), ("完成时限", "每季度")])
        );
        let src = "　　序号\n　　重点任务\n　　具体措施\n　　牵头单位\n　　完成时间\n　　1\n　　建设投放点\n　　新建投放点1500个。实\n现小区全覆盖\n　　市城市管理局\n　　2021年10月底前\n";
        let r = rows(&table(src, false).unwrap());
        assert_eq!(r[0].2, "建设投放点");
        assert_eq!(r[0].3[0].1, "新建投放点1500个。实现小区全覆盖");
        assert_eq!(r[0].3[1].1, "市城市管理局");
    }

    /// A yearbook page's running head and bare number between rows, the
    /// head also where the body's reading took it out.
    #[test]
    fn a_yearbook_page_between_rows() {
        let src = "序号|重点任务|责任单位|完成时限\n1|便河整治|沙市区人民政府|2019年8月\n荆州年鉴（2020）\n215\n2|生态补水|市水利局|2019年12月\n";
        let t = table(src, false).unwrap();
        assert_eq!(t.consumed, 5);
        let r = rows(&t);
        assert_eq!(r[0].2, "便河整治");
        assert_eq!(r[0].3[1].1, "2019年8月");
        // The head stands in the source but not among the units.
        let src = "序号\n建设任务\n责任单位\n完成时限\n1\n城乡供水项目\n武穴市人民政府\n2019年12月\n\n黄冈年鉴 2020\n\n188\n二、保障措施\n";
        let lex = Lexicon::builtin();
        let ls: Vec<Line> = Line::all(src, &lex)
            .into_iter()
            .filter(|l| !l.text().contains("年鉴"))
            .collect();
        let t = read(&ls[0], &ls[1..], src, &lex, false).unwrap();
        assert_eq!(t.consumed, 9);
        assert_eq!(rows(&t)[0].3[1].1, "2019年12月");
        // A figure beside no head is a cell.
        let src = "序号\n建设任务\n责任单位\n投资\n1\n城乡供水项目\n武穴市人民政府\n188\n";
        assert_eq!(rows(&table(src, false).unwrap())[0].3[1].1, "188");
    }

    #[test]
    fn records_of_label_and_value() {
        let t = table(
            "序号: | 1 |\n重点任务: | 建设智慧城市 |\n牵头单位: | 市大数据局 |\n完成时限: | 2022年底前 |\n序号: | 2 |\n重点任务: | 推进数据共享， |\n| 打通部门壁垒 |\n牵头单位: | 市政务服务局 |\n完成时限: | 长期坚持 |\n",
            true,
        )
        .unwrap();
        let r = rows(&t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].2, "推进数据共享，打通部门壁垒");
        assert_eq!(t.consumed, 9);
    }

    #[test]
    fn a_table_without_role_columns_has_no_fields() {
        let t = table(
            "序号 | 项目类别 | 主要内容\n1 | 综合改造类 | 老旧小区改造\n2 | 有机更新类 | 街区保护\n",
            true,
        )
        .unwrap();
        assert_eq!(rows(&t)[0].2, "综合改造类");
        assert!(rows(&t)[0].3.is_empty());
    }

    /// A project table's header names columns of figures in a unit of
    /// measure (总投资（万元）): known columns; a column of scores is not.
    #[test]
    fn a_project_table_with_columns_of_its_own() {
        let t = table(
            "序号\t项目名称\t建设内容\t总投资（万元）\t年度计划投资（万元）\t责任单位\t完成时限\n1\t城东污水处理厂\t日处理5万吨\t32000\t12000\t市住建局\t2019年12月底前\n",
            true,
        )
        .unwrap();
        assert_eq!(rows(&t)[0].3[1], ("总投资（万元）".into(), "32000".into()));
        assert!(table(
            "序号\t责任单位\t考核得分\t等次\t备注\n1\t市住建局\t95.2\t优秀\t无\n",
            true
        )
        .is_none());
    }

    /// An assessment's scoring rules: bars with no spaces, no role column.
    /// The rows are clauses headed by their 考核内容 cell, with no fields; a
    /// table of the scores obtained (得分) is a results table, none.
    #[test]
    fn scoring_rules_without_role_columns() {
        let t = table(
            "序号|考核内容|分值|评分标准\n1|河长制工作落实情况|25|未按时巡河的扣1分\n2|水质达标情况|35|断面超标的每次扣3分\n",
            true,
        )
        .unwrap();
        let r = rows(&t);
        assert_eq!((r.len(), t.consumed), (2, 3));
        assert_eq!((r[1].1, r[1].2.as_str()), (2, "水质达标情况"));
        assert!(r[0].3.is_empty());
        assert!(table(
            "序号|项目名称|责任单位|完成情况|得分\n1|城北水厂|市水务局|完工|92\n",
            true
        )
        .is_none());
        assert!(table("考核内容|分值\n", true).is_none());
    }

    /// A borderless bar row whose last cell a wrap cut: the rest, up to a
    /// whole line long between two rows, ends that cell, not the task.
    #[test]
    fn a_borderless_row_s_last_cell_cut_at_a_line_s_width() {
        let src = "序号|考核内容|分值|评分标准\n1|防汛责任制落实情况|20|未按要求\n开展汛前检查或检查流于形式的扣2分\n2|物资储备情况|10|储备不\n足的扣1分\n";
        let t = table(src, true).unwrap();
        assert_eq!(t.consumed, 5);
        let r = rows(&t);
        assert_eq!(
            (r[0].2.as_str(), r[1].2.as_str()),
            ("防汛责任制落实情况", "物资储备情况")
        );
        let src = "序号|工作任务|责任单位|备注\n1|修复水毁堤防|市水利局|汛前完成主\n体工程并组织验收后报市防指办备案\n2|清理河道|市城管局|续建\n";
        let r = rows(&table(src, true).unwrap());
        assert_eq!(r[0].2, "修复水毁堤防");
        assert_eq!(
            r[0].3[1],
            (
                "备注".into(),
                "汛前完成主体工程并组织验收后报市防指办备案".into()
            )
        );
    }

    #[test]
    fn not_a_table() {
        assert!(table("牵头单位：市发改委\n", true).is_none());
        assert!(table("序号\n", true).is_none());
        assert!(table("一、总体要求 | 二、重点任务 | 三、保障\n", true).is_none());
    }
}
