//! gongwen turns Chinese yearbook (年鉴) exports and official documents
//! (党政机关公文, GB/T 9704-2012) into normalised JSON records.
//!
//! The pipeline: `decode` (bytes → text + lines) → `envelope` (the yearbook
//! header and footer) → `unit` (trimmed lines) → `lines` (each unit
//! recognised once into a typed line; furniture taken out; lines split where
//! elements run together) → `segment` (where documents start) → `build`
//! (title, number, addressees, signature, date, enclosure, attachments, a
//! state machine over typed lines) → `clauses` (the clause tree) and
//! `fields` (labelled lines → tasks), `organs` (issuers and signatures) and
//! `cite` (citations), with `normalize` for numerals, dates,
//! deadlines and unit lists. `extract` turns one input's bytes into its
//! record lines. `batch` runs whole folders in parallel.
//!
//! Cargo features: `cli` (default) adds the batch runner, its manifest, the
//! review report, CSV tables, stdin and path-list runs (`pipe`) and the
//! binary; `parallel` (part of `cli`) parses the documents of one file on
//! rayon's pool. Without them the crate is the parsing core alone, as the
//! Python package links it.
//!
//! ```
//! let lex = gongwen::Lexicon::builtin();
//! let parsed = gongwen::parse("关于印发某方案的通知\n国办发〔2019〕5号\n各部门：\n一、总体要求\n", "x.txt", &lex);
//! assert_eq!(parsed.documents[0].doc_number.as_ref().unwrap().serial, Some(5));
//! ```

pub mod anyword;
pub mod attribution;
#[cfg(feature = "cli")]
pub mod batch;
pub mod build;
pub mod cite;
pub mod clauses;
pub mod decode;
pub mod docnum;
pub mod endings;
pub mod envelope;
pub mod error;
pub mod extract;
pub mod fields;
pub mod fileline;
pub mod fs;
pub mod lexicon;
pub mod lines;
#[cfg(feature = "cli")]
pub mod manifest;
pub mod marker;
pub mod normalize;
pub mod organs;
pub mod picker;
#[cfg(feature = "cli")]
pub mod pipe;
pub mod place;
pub mod record;
#[cfg(feature = "cli")]
pub mod report;
pub mod schema;
pub mod segment;
pub mod table;
pub mod tasktable;
#[cfg(test)]
mod testdata;
pub mod text;
pub mod unit;

pub use error::{Error, Result};
pub use lexicon::Lexicon;
pub use record::{Document, Parsed};

#[cfg(feature = "parallel")]
use rayon::prelude::*;
use record::{DiagCode, Diagnostic, Owner, Part};
use unit::Unit;

/// How `parse_with` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Build the documents of one text in parallel on rayon's global pool
    /// (starting it if need be). Without the `parallel` feature, or when
    /// false, they are built one after another on the calling thread and
    /// rayon is never touched: what a host that may `fork` needs.
    pub parallel: bool,
}

// Not derived: the default follows the `parallel` feature.
#[allow(clippy::derivable_impls)]
impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            parallel: cfg!(feature = "parallel"),
        }
    }
}

impl ParseOptions {
    /// One thread, no pool.
    pub const SEQUENTIAL: ParseOptions = ParseOptions { parallel: false };
}

/// Parses one decoded text. Total: every input gives a `Parsed`; what the
/// grammar cannot place is reported in diagnostics. Documents are built in
/// parallel when the `parallel` feature is on (see [`parse_with`]).
pub fn parse(text: &str, path: &str, lex: &Lexicon) -> Parsed {
    parse_with(text, path, lex, ParseOptions::default())
}

/// [`parse`] with options; the result does not depend on them.
pub fn parse_with(text: &str, path: &str, lex: &Lexicon, opts: ParseOptions) -> Parsed {
    let mut documents = Vec::new();
    let res: std::result::Result<Parsed, std::convert::Infallible> =
        parse_each(text, path, lex, opts, |d| {
            documents.push(d);
            Ok(())
        });
    let Ok(mut parsed) = res;
    parsed.documents = documents;
    parsed.streamed = record::Streamed::default();
    parsed
}

/// How many documents are built (in parallel) before they are handed on:
/// the records of a large file never sit in memory all at once.
const BATCH: usize = 64;

/// Parses one decoded text like [`parse_with`], handing each document to
/// `sink` in order as soon as it is built instead of keeping it: the
/// `Parsed` returned has no `documents`, and `streamed` tallies what went
/// to the sink (its counts, its first failing diagnostics). A large file's
/// records are written while it is parsed, never held whole. The first
/// error of `sink` ends the parse.
pub fn parse_each<E>(
    text: &str,
    path: &str,
    lex: &Lexicon,
    opts: ParseOptions,
    mut sink: impl FnMut(Document) -> std::result::Result<(), E>,
) -> std::result::Result<Parsed, E> {
    let lines = decode::lines(text);
    let sections = envelope::sections(text, &lines, lex);
    let mut diagnostics = Vec::new();
    // About one owner a line: grown once, not by doubling.
    let mut owners: Vec<Owner> = Vec::with_capacity(lines.len() + lines.len() / 8);
    let own = |u: &Unit, part: Part| Owner::of(u, part);
    // Line accounting: each line that holds text is marked where it is
    // read, and unmarked at the end for each element that owns it; a line
    // still marked is reported. The lines themselves are then not held
    // while the documents are built.
    let mut unplaced = vec![false; lines.len() + 1];
    // The envelopes' lines: every line outside the articles' bodies.
    let mut next = 0;
    let mut envelope_lines = |range: std::ops::Range<usize>| {
        for l in &lines[range] {
            if let Some(u) = Unit::from_line(text, l) {
                unplaced[l.no] = true;
                owners.push(own(&u, Part::Envelope));
            }
        }
    };
    for s in &sections {
        envelope_lines(next..s.body.start);
        next = s.body.end;
    }
    envelope_lines(next..lines.len());
    // Each article's body typed; then the file's line spans are let go.
    let mut bodies = Vec::with_capacity(sections.len());
    // A web page's furniture was found in the file (not a printed page's
    // number or head, nor a 版头 above a later document).
    let mut web_page = false;
    for s in sections {
        // Numbers in page metadata (发文字号：…, 【字 号】…), with the index of
        // the line after them: the number of a document that prints none.
        let mut meta_numbers: Vec<(usize, docnum::DocNumber)> = Vec::new();
        let units = read_body(
            BodySource {
                text,
                lines: &lines[s.body],
                book: s.collection.as_ref().and_then(|c| c.title.as_deref()),
                section: s.collection.as_ref().and_then(|c| c.granule.as_deref()),
            },
            lex,
            &mut meta_numbers,
            &mut diagnostics,
            &mut owners,
            &mut unplaced,
            &mut web_page,
        );
        bodies.push((s.collection, units, meta_numbers));
    }
    let line_count = lines.len();
    drop(lines);
    let mut streamed = record::Streamed::default();
    let file_collection = bodies.first().and_then(|b| b.0.clone());
    for (collection, units, meta_numbers) in bodies {
        let mut starts = segment::documents(&units, lex);
        // Where each document ends: before the next title, and before the number
        // printed above it when the next document takes that number (it prints
        // none under its title); a number the next document leaves stays with
        // this one. Whether a document takes the number above depends on its own
        // end, so the ends are found from the last document back.
        let mut ends = vec![units.len(); starts.len()];
        let mut next_above: Option<usize> = None;
        for (k, s) in starts.iter().enumerate().rev() {
            let next = starts
                .get(k + 1)
                .map_or(units.len(), segment::DocStart::first);
            ends[k] = match next_above {
                Some(at) if at >= s.title.end => at,
                _ => next,
            };
            next_above = build::number_above_title(&units, s, ends[k], lex);
        }
        // A document without a title that starts on the number the next
        // title takes (件 / 〔2014〕2号 / 签发人：… / 关于… / …请示) is left no
        // unit of its own: it is none.
        if ends.iter().zip(&starts).any(|(&e, s)| e <= s.first()) {
            (starts, ends) = starts
                .into_iter()
                .zip(ends)
                .filter(|(s, e)| *e > s.first())
                .unzip();
        }
        let first = starts.first().map_or(units.len(), segment::DocStart::first);
        // The envelope, one copy for all the article's records.
        let collection = collection.map(std::sync::Arc::new);
        let build = |k: usize| {
            let mut built = build::build(
                &units,
                &starts[k],
                ends[k],
                lex,
                path,
                collection.as_ref(),
                text,
            );
            let doc = &mut built.0;
            if doc.doc_number.is_none() {
                if let Some(n) = number_from_metadata(k, &starts, &meta_numbers, units.len()) {
                    doc.doc_number = Some(n.clone());
                    let own = doc.doc_number.as_ref();
                    doc.citations.retain(|c| Some(&c.doc_number) != own);
                }
            }
            built
        };
        // Documents are independent once their boundaries are known: a large
        // file keeps every core busy, a batch of documents at a time. Results
        // come back in document order.
        let mut batch: Vec<(Document, Vec<Owner>)> = Vec::with_capacity(BATCH);
        for from in (0..starts.len()).step_by(BATCH) {
            let range = from..starts.len().min(from + BATCH);
            #[cfg(feature = "parallel")]
            if opts.parallel {
                range
                    .into_par_iter()
                    .map(&build)
                    .collect_into_vec(&mut batch);
            } else {
                batch.extend(range.map(&build));
            }
            #[cfg(not(feature = "parallel"))]
            batch.extend(range.map(&build));
            // The record is handed on before its owners are copied into the
            // file's: where the sink writes and frees it (a streamed run), a
            // large document's record and two copies of its owners are not
            // held at once.
            for (doc, doc_owners) in batch.drain(..) {
                streamed.add(&doc);
                sink(doc)?;
                owners.extend(doc_owners);
            }
        }
        #[cfg(not(feature = "parallel"))]
        let _ = opts;
        // Text before the first title, unless the first document took it (a
        // number printed above its title).
        // On a web page (its furniture found) a short line above the first
        // title is the site's heading; the issuer's mark of a red header
        // (…文件 over a number, a joint masthead's organs over 文件 alone;
        // `header::is_masthead`) is its masthead. Both are named, not
        // unplaced.
        // The spans owned so far before the first title, looked up once per
        // unit: a linear pass even when the whole file comes before any title.
        let before = units.get(first).map_or(usize::MAX, |u| u.start());
        let taken: std::collections::HashSet<(usize, usize)> = owners
            .iter()
            .filter(|o| o.start < before)
            .map(|o| (o.start, o.end))
            .collect();
        for (k, u) in units[..first].iter().enumerate() {
            if taken.contains(&(u.start(), u.end())) {
                continue;
            }
            let short = text::chars_at_most(u.text(), 30) && !text::has_char(u.text(), '。');
            // The front matter (版头): copy number, secrecy and urgency marks,
            // the issuer's mark (the masthead, or any mark of GB/T 9704's
            // words), a 签发人 line. (A scanned page's mark is
            // read letter-spaced: 某 市 人 民 政 府 文 件, and so are a joint
            // masthead's organs stacked over it: 中 共 某 市 委 办 公 室.)
            let mark = if short {
                text::title_line(u.text())
            } else {
                Default::default()
            };
            let masthead = short && lines::header::is_masthead(&units, k, lex);
            let front = !masthead
                && !web_page
                && (short
                    && (lines::header::is_front_matter(&mark, lex, true)
                        || docnum::signer_at(u.text()) == Some(0))
                    || marks_line(&units[..first], k, lex));
            if (web_page && short) || masthead || front {
                diagnostics.push(Diagnostic {
                    line: u.line(),
                    code: DiagCode::Portal,
                    message: if masthead {
                        "masthead (版头) above the document"
                    } else if front {
                        "front matter (版头) above the document"
                    } else {
                        "web-page heading, not part of a document"
                    }
                    .into(),
                });
                owners.push(own(u, Part::Portal));
                continue;
            }
            diagnostics.push(Diagnostic {
                line: u.line(),
                code: DiagCode::Unplaced,
                message: "text before the first document title".into(),
            });
            owners.push(own(u, Part::Unplaced));
        }
    }
    owners.sort_by_key(|o| (o.start, o.end));
    for no in unplaced_lines(unplaced, &owners) {
        diagnostics.push(Diagnostic {
            line: no,
            code: DiagCode::Unplaced,
            message: "line not placed in any element".into(),
        });
    }
    diagnostics.sort_by_key(|d| d.line);
    Ok(Parsed {
        source: path.to_owned(),
        collection: file_collection,
        documents: Vec::new(),
        diagnostics,
        lines: line_count,
        owners,
        streamed,
    })
}

/// Line accounting: the lines marked in `unplaced` (each line that holds
/// text) that no owner names, in order.
fn unplaced_lines(mut unplaced: Vec<bool>, owners: &[Owner]) -> impl Iterator<Item = usize> {
    for o in owners {
        if let Some(x) = unplaced.get_mut(o.line) {
            *x = false;
        }
    }
    unplaced
        .into_iter()
        .enumerate()
        .filter_map(|(no, u)| u.then_some(no))
}

/// The number page metadata gives document `k` when it prints none. A
/// page's metadata block sits right before its title or right after it,
/// nothing kept between (索引号… / 文号：… / title, or title / 索引号… /
/// 文号：…): a number so placed is that titled page's, never a
/// neighbour's. Else the nearest above it (after the previous document's
/// first line), else the first below it (before the next document), a
/// neighbour's own left out.
fn number_from_metadata<'m>(
    k: usize,
    starts: &[segment::DocStart],
    meta_numbers: &'m [(usize, docnum::DocNumber)],
    len: usize,
) -> Option<&'m docnum::DocNumber> {
    let sits_by = |j: Option<usize>, at: usize| {
        j.and_then(|j| starts.get(j))
            .is_some_and(|s| !s.title.is_empty() && (at == s.first() || at == s.title.end))
    };
    if let Some((_, n)) = meta_numbers.iter().find(|(at, _)| sits_by(Some(k), *at)) {
        return Some(n);
    }
    let start = starts[k].first();
    let prev_end = if k == 0 { 0 } else { starts[k - 1].first() + 1 };
    let next = starts.get(k + 1).map_or(len, segment::DocStart::first);
    let above = meta_numbers
        .iter()
        .rev()
        .find(|(at, _)| *at <= start && *at >= prev_end && !sits_by(k.checked_sub(1), *at));
    let below = || {
        meta_numbers
            .iter()
            .find(|(at, _)| *at > start && *at <= next && !sits_by(Some(k + 1), *at))
    };
    above.or_else(below).map(|(_, n)| n)
}

/// What a file's body is read from: the decoded text, the body's lines,
/// and the yearbook the envelope names (its running heads are furniture).
struct BodySource<'t, 'a> {
    text: &'t str,
    lines: &'a [decode::Line],
    book: Option<&'a str>,
    /// The section the envelope names (颗粒名称: 文件选辑).
    section: Option<&'a str>,
}

/// The printed page's furniture taken out between the lines kept: the
/// source line of the last line kept, and how many lines of a page's number
/// or running head were taken out since, nothing else between (a rule parts
/// what it stands between).
#[derive(Default)]
struct PageGap {
    kept: Option<usize>,
    paged: usize,
}

impl PageGap {
    /// A line of the printed page's furniture was taken out.
    fn page(&mut self) {
        self.paged += 1;
    }

    /// Something else stood here: other furniture taken out (a web page's,
    /// a rule, a markup comment), or a line kept by a path of its own (a
    /// labelled number, a date and its note). The lines around it do not
    /// adjoin.
    fn other(&mut self) {
        self.kept = None;
    }

    /// The lines `out` holds from `from` on were kept from source line
    /// `line`: the first is marked when only a page's furniture stood
    /// between it and the line kept before, three lines at most, with a
    /// blank line around each or not (…实施方案 / (blank) / — 35 — / (blank)
    /// / 的通知). (The lines not read are the blank ones.)
    fn keep(&mut self, out: &mut [lines::Line], from: usize, line: usize) {
        let paged = std::mem::take(&mut self.paged);
        let blank = |k: usize| line.checked_sub(k + 1 + paged);
        if (1..=3).contains(&paged)
            && self
                .kept
                .is_some_and(|k| blank(k).is_some_and(|b| b <= paged + 1))
        {
            if let Some(first) = out.get_mut(from) {
                first.mark_page_above();
            }
            lines::mark_day_cut_over_page(out, from);
        }
        self.kept = Some(line);
    }
}

/// The body's lines recognised, furniture taken out (owned, with a
/// diagnostic), and split where elements run together. Each line that
/// holds text is marked in `unplaced` (by line number); `web_page` is set
/// when a web page's furniture or an export's markup is among them.
fn read_body<'t>(
    source: BodySource<'t, '_>,
    lex: &Lexicon,
    meta_numbers: &mut Vec<(usize, docnum::DocNumber)>,
    diagnostics: &mut Vec<Diagnostic>,
    owners: &mut Vec<Owner>,
    unplaced: &mut [bool],
    web_page: &mut bool,
) -> Vec<lines::Line<'t>> {
    use lines::{furniture, header, Line};
    let BodySource {
        text,
        lines: body,
        book,
        section,
    } = source;
    // Room for the pieces split lines leave (a few in a hundred lines).
    let mut out: Vec<Line<'t>> = Vec::with_capacity(body.len() + body.len() / 8);
    // A date line has been seen (a document signed off), and a portal line
    // after it opened the page footer.
    let (mut signed, mut footer, mut prev_portal) = (false, false, false);
    // A heading of related links opened the footer: the titles under it
    // are other pages'.
    let mut related = false;
    // The line above opened a related link whose entry the wrap cut.
    let mut link_rest = false;
    // The line above was the page's metadata with its last value cut by a
    // wrap (…发布机构： / 承德市人民政府办公室, …文号：承市 / 政函〔2020〕58号):
    // its text and source line.
    let mut value_cut: Option<(&'t str, usize)> = None;
    // The line above was a page number (a running head may stand under it).
    let mut page_above = false;
    let mut head_above = false;
    // The last running head taken out: its source line and text (a wrap may
    // have cut its issue onto the next line).
    let mut head_at: Option<(usize, &'t str)> = None;
    // The series' names read as running heads beside a page's number: the
    // same line is one wherever it recurs in the file.
    let mut series_heads: Vec<&'t str> = Vec::new();
    // Where a printed page's furniture was taken out between kept lines.
    let mut gap = PageGap::default();
    // A web page's furniture was taken out since the last line kept.
    let mut web_gap = false;
    let mut raw = body
        .iter()
        .filter_map(|l| Unit::from_line(text, l))
        .inspect(|u| unplaced[u.line()] = true)
        .map(|u| Line::classify(u, lex))
        .peekable();
    while let Some(mut l) = raw.next() {
        // A page's number or running head glued to the line: taken off.
        let glued_page = furniture::glued_page(l.text(), lex, book);
        // (A running head beside its page's number is the whole line, one
        // head: ·302·　某某年鉴2020, 某某年鉴(2022)　·287·.)
        let paged_head = glued_page.clone().is_some_and(|r| {
            l.text()
                .get(r)
                .is_some_and(|own| furniture::is_running_head(own, lex, || true, book))
        });
        let glued_page = glued_page.filter(|_| !paged_head);
        let glued = glued_page.is_some();
        if let Some(r) = glued_page {
            let u = l.unit();
            if let Some(glued) = u.sub(0, r.start).or_else(|| u.sub(r.end, u.text().len())) {
                furnish(
                    &Line::classify(glued, lex),
                    "page number or running head of the printed original",
                    diagnostics,
                    owners,
                );
            }
            if let Some(own) = u.sub(r.start, r.end) {
                l = Line::classify(own, lex);
            }
        }
        // The next source line, when it is not blank.
        // Or past a blank line (a page's furniture stands so).
        let near = raw.peek().filter(|n| n.line() <= l.line() + 2);
        let next = near.filter(|n| n.line() == l.line() + 1);
        // The source line `k` lines on, read when a rule asks (rarely): None
        // for a blank line.
        let ahead = |k: usize| {
            let at = (l.line() + k).checked_sub(body.first()?.no)?;
            Some(Line::classify(Unit::from_line(text, body.get(at)?)?, lex))
        };
        // 发文字号：国办发〔2019〕5号 right under the title is the document's
        // number with a portal label: keep the number.
        let after_title = out.last().is_some_and(Line::is_title_end);
        if let Some(num) = after_title.then(|| header::labelled_number(&l)).flatten() {
            web_gap = false;
            out.push(Line::classify(num, lex));
            gap.other();
            continue;
        }
        // A comment of a Markdown or HTML export (<!-- INFO END -->).
        if furniture::is_markup_comment(l.text()) {
            *web_page = true;
            gap.other();
            furnish(&l, "markup comment of the export", diagnostics, owners);
            continue;
        }
        // A normative document's registration code alone on its line in
        // the header (ZBCR-2022-0020007): above or under its title or its
        // number, or above its addressees.
        let in_header = || {
            out.last()
                .is_none_or(|p| p.is_number() || p.is_title_fragment() || p.is_title_end())
                || near.is_some_and(|n| {
                    n.is_number() || n.is_title_fragment() || n.is_title_end() || n.is_addressee()
                })
        };
        if furniture::is_registration_code(l.text()) && in_header() {
            gap.other();
            furnish(
                &l,
                "registration code of a normative document",
                diagnostics,
                owners,
            );
            continue;
        }
        // A rule of the printed original: under its 版头's number, between
        // the lines of its 版记.
        if furniture::is_rule(l.text()) {
            gap.other();
            furnish(&l, "rule of the printed original", diagnostics, owners);
            continue;
        }
        // A yearbook page's running head, where its pages were joined: beside
        // the page's number.
        let above = std::mem::replace(&mut page_above, false);
        // Inside a sentence or list cut where two pages were joined (…交办、 /
        // 某某年鉴2022 / 督办、…): the line above stops at a comma, the line
        // below goes on. (A bare number there is no page's: a wrapped figure
        // and a table's 序号 cell stand so too.)
        let cut = || {
            out.last().is_some_and(|p: &Line| {
                p.line() + 1 == l.line() && p.text().ends_with(['、', '，', ','])
            }) && next.is_some_and(|n| n.text().starts_with(text::is_han))
        };
        // (The page's number under the head: on the next line, or past a
        // blank line, 附　录 / (blank) / ·402·.)
        let page_below = || {
            near.is_some_and(|n| {
                furniture::is_page_number(n.text()) || furniture::is_page_counter(n.text())
            })
        };
        // (Or the head set to the page's right margin, 　…　2023 某某年鉴: its
        // line as printed.)
        let as_printed = || {
            let at = l.line().checked_sub(body.first()?.no)?;
            body.get(at).and_then(|b| text.get(b.start..b.end))
        };
        let page_beside =
            || above || page_below() || cut() || as_printed().is_some_and(furniture::is_set_right);
        let head_beside = std::mem::replace(&mut head_above, false);
        // (A series' name right under a sentence that leads in to it, 应当在
        // 下列载体刊载： / 某市人民政府公报, is the sentence's object.)
        let led_in = || {
            out.last().is_some_and(|p: &Line| {
                p.line() + 1 == l.line() && text::trim(p.text()).ends_with(text::is_colon)
            })
        };
        // (Or the same name printed again alone where a later page's number
        // was lost: 某市人民政府公报 between two items of a list.)
        let series_seen = || series_heads.contains(&crate::text::trim(l.text()));
        let series = furniture::is_series_head(l.text(), lex, || {
            (above || page_below() || series_seen()) && !led_in()
        });
        if series && !series_seen() {
            series_heads.push(crate::text::trim(l.text()));
        }
        // (A head's rest a wrap cut: its issue alone under it, 某市人民政府公报 /
        // 2021年第4期; or one or two characters that complete it, the head
        // read with them, …2021年第4 / 期.)
        let rest_of_head = head_at.is_some_and(|(h, head)| {
            h + 1 == l.line() && furniture::is_head_rest(head, l.text(), lex, book)
        });
        let cut_head = || {
            next.is_some_and(|n| furniture::cut_head(l.text(), n.text(), lex, page_beside, book))
        };
        if rest_of_head
            || paged_head
            || furniture::is_running_head(l.text(), lex, page_beside, book)
            || cut_head()
            || series
            || furniture::is_section_head(l.text(), section)
            || furniture::is_book_and_section(l.text(), lex, book, section)
            || furniture::is_framed_head(l.text(), lex, book, section)
            || furniture::is_chapter_head(
                l.text(),
                lex,
                section,
                || glued || above || page_below(),
                cut,
            )
        {
            head_above = !above && !page_below();
            head_at = Some((l.line(), l.text()));
            gap.page();
            furnish(&l, "running head of the printed page", diagnostics, owners);
            continue;
        }
        // A printed original's page number, where its pages were joined; or
        // a bare number of three or four digits right beside a running head
        // that has none, inside a sentence the join cut at a comma (…深度治理，
        // / 156 / 某某年鉴·2021 / 颗粒物…). (A table's serial cell stands under
        // a page's number and head, ·56· / 某某年鉴·2023 / 2; a figure or a
        // year goes on with its measure word, 30 / 某某年鉴·2021 / 个….)
        //
        // Or such a number of three digits right above a running head or
        // section head that bears no page number of its own (115 / 某某年鉴
        // 2021, 118 / 文件选辑), wherever the join cut (…全市安 / 115 / 某某年鉴
        // 2021 / 全生产…): the page's number, printed beside its head. (Four
        // digits there are a year or a figure as often, 2021 / 某某年鉴2021 /
        // 底前…, a table's 总投资 cell 1200.)
        let bare_page = || {
            let measured = |k: usize| ahead(k).is_some_and(|a| furniture::measures(a.text()));
            let in_sentence = || {
                out.last()
                    .is_some_and(|p: &Line| p.text().ends_with(['、', '，', ',']))
            };
            let numberless_head_below = || {
                next.is_some_and(|n| {
                    let t = n.text();
                    (furniture::is_running_head(t, lex, || true, book)
                        || furniture::is_section_head(t, section))
                        && t.chars().filter(|c| crate::text::is_digit(*c)).count() <= 4
                })
            };
            furniture::is_bare_number(l.text())
                && !crate::text::chars_at_most(crate::text::trim(l.text()), 2)
                && !above
                && (in_sentence()
                    && (head_beside && !measured(1)
                        || next.is_some_and(|n| {
                            furniture::is_running_head(n.text(), lex, || true, book)
                        }) && !measured(2))
                    || crate::text::char_len(crate::text::trim(l.text())) == 3
                        && numberless_head_below()
                        && !measured(2))
        };
        // (A page's counter, 4/9, alone where the page broke: beside a
        // blank line or another page's mark, or after a line that closed
        // on a stop or a separator; after a phrase left open, …之比为 / 3/5,
        // it is the phrase's figure.)
        let counter = || {
            furniture::is_page_counter(l.text())
                && (above
                    || page_below()
                    || out.last().is_none_or(|p: &Line| {
                        p.is_date()
                            || p.text().ends_with(|c: char| {
                                crate::text::is_sentence_end(c)
                                    || crate::text::is_list_sep(c)
                                    || crate::text::is_colon(c)
                                    || crate::text::is_close_bracket(c)
                            })
                    }))
        };
        if furniture::is_page_number(l.text())
            || counter()
            || furniture::is_page_of(l.text(), || above || page_below())
            || bare_page()
        {
            page_above = true;
            gap.page();
            furnish(
                &l,
                "page number of the printed original",
                diagnostics,
                owners,
            );
            continue;
        }
        // Furniture after a signed document opens the page footer: its short
        // lines (related links, site owner, licence) are furniture too.
        // (Under a heading of related links, a title closed by its number
        // in brackets is a link, the wrap's rest of its entry too.)
        let link = related
            && (std::mem::take(&mut link_rest)
                || furniture::related_link(&l, ahead, lex)
                    .inspect(|&n| link_rest = n == 2)
                    .is_some());
        let footer_line = footer
            && (link
                || furniture::is_footer_line(&l, next, lex)
                    && !furniture::heads_next_document(&l, ahead, lex)
                    && !furniture::opens_after_footer(&l, next, related, lex));
        // 主题词：… not among furniture (after it or right before it) is the
        // 版记's first line (documents before 2012), not a web page's metadata.
        let keywords =
            l.is_colophon() && !footer && !prev_portal && !next.is_some_and(lines::Line::is_portal);
        // The rest of a metadata value a wrap cut, alone on its line.
        let cut_value = value_cut.take().filter(|&(_, line)| line + 1 == l.line());
        // (The line as printed: a step's `>` opening it is no quote's mark.)
        let printed = || {
            let at = l.line().checked_sub(body.first()?.no)?;
            body.get(at).and_then(|b| text.get(b.start..b.end))
        };
        let value_rest = cut_value.is_some_and(|(above, _)| {
            furniture::is_value_rest(above, l.text(), printed().unwrap_or(l.text()), next, lex)
        });
        if value_rest
            || !keywords && furniture::is_furniture(&l, footer || prev_portal, next, lex)
            || footer_line
        {
            // (A value's rest is read with the label above it.)
            let joined;
            let meta = match cut_value.filter(|_| value_rest) {
                Some((above, _)) => {
                    joined = [above, l.text()].concat();
                    joined.as_str()
                }
                None => l.text(),
            };
            // (A row that gave its number whole gives it once, its rest
            // joined or not.)
            let given = cut_value
                .filter(|_| value_rest)
                .is_some_and(|(above, _)| header::metadata_number(above, lex).is_some());
            if let Some(n) = header::metadata_number(meta, lex).filter(|_| !given) {
                meta_numbers.push((out.len(), n));
            }
            // (A rest may be cut again: a page's navigation over three lines,
            // 首页 » 信息公 / 开 » 政府信息公开目录 / >; a row may be cut after
            // its number, in its last field, 文号：…　　成文日期：2020- / 10-09.)
            value_cut = Some((l.text(), l.line()));
            if !value_rest {
                prev_portal = true;
                // (A heading of related links, 相关稿件：, opens the footer
                // under a document whether or not a date signed it.)
                related |= furniture::is_related_heading(l.text());
                footer |= signed || related;
            }
            web_gap = true;
            *web_page = true;
            gap.other();
            furnish(
                &l,
                "web-page furniture, not part of a document",
                diagnostics,
                owners,
            );
            continue;
        }
        (footer, related, link_rest) = (false, false, false);
        prev_portal = false;
        // (The first line kept under a web page's furniture is marked.)
        let web_above = std::mem::take(&mut web_gap);
        let mark_web = |out: &mut Vec<Line<'t>>, from: usize| {
            if let Some(first) = out.get_mut(from).filter(|_| web_above) {
                first.mark_web_above();
            }
        };
        // The date and a note in brackets on one line: two lines.
        if let Some(at) = lines::body::date_and_note(l.text()) {
            let u = l.unit();
            let from = out.len();
            for piece in [u.sub(0, at), u.sub(at, u.text().len())]
                .into_iter()
                .flatten()
            {
                let p = Line::classify(piece, lex);
                signed |= p.is_date();
                lines::split_and_classify(p, lex, &mut out);
            }
            mark_web(&mut out, from);
            gap.other();
            continue;
        }
        signed |= l.is_date();
        let (from, line) = (out.len(), l.line());
        lines::split_and_classify(l, lex, &mut out);
        mark_web(&mut out, from);
        gap.keep(&mut out, from, line);
    }
    lines::close(&mut out, lex);
    out
}

/// A line of furniture: owned, with a diagnostic saying what it is.
#[cold]
fn furnish(
    l: &lines::Line,
    message: &str,
    diagnostics: &mut Vec<Diagnostic>,
    owners: &mut Vec<Owner>,
) {
    diagnostics.push(Diagnostic {
        line: l.line(),
        code: DiagCode::Portal,
        message: message.into(),
    });
    owners.push(Owner::of(l, Part::Portal));
}

/// `units[k]` is a line of the 版头's marks alone (000036　秘密★一年　　特　急:
/// `header::is_marks_line`), or one of two adjoining lines that hold such
/// marks only together, a wrap cutting a mark (秘密★一年　　　特 / 　急), each
/// alone no such line.
fn marks_line(units: &[lines::Line], k: usize, lex: &Lexicon) -> bool {
    let marks = |t: &str| lines::header::is_marks_line(t, lex);
    // (Two lines are joined only when both are short.)
    let short = |l: &lines::Line| crate::text::chars_at_most(l.text(), 48);
    let pair = |a: &lines::Line, b: &lines::Line| {
        a.line() + 1 == b.line()
            && short(a)
            && short(b)
            && !marks(a.text())
            && !marks(b.text())
            && marks(&[a.text(), b.text()].concat())
    };
    marks(units[k].text())
        || k.checked_sub(1).is_some_and(|j| pair(&units[j], &units[k]))
        || units.get(k + 1).is_some_and(|b| pair(&units[k], b))
}

/// Parses decoded text like [`parse`], with each damaged stretch of the
/// decoding (`decode::Decoded::damage`) a `Damaged` diagnostic on its line.
pub fn parse_decoded(decoded: &decode::Decoded, path: &str, lex: &Lexicon) -> Parsed {
    parse_decoded_with(decoded, path, lex, ParseOptions::default())
}

/// [`parse_decoded`] with options (sequential, for embedders).
pub fn parse_decoded_with(
    decoded: &decode::Decoded,
    path: &str,
    lex: &Lexicon,
    opts: ParseOptions,
) -> Parsed {
    let mut parsed = parse_with(&decoded.text, path, lex, opts);
    if !decoded.damage.is_empty() {
        parsed.diagnostics.extend(decoded.diagnostics());
        parsed.diagnostics.sort_by_key(|d| d.line);
    }
    parsed
}

/// [`parse_each`] on decoded text, with each damaged stretch of the
/// decoding a `Damaged` diagnostic on its line (as [`parse_decoded`]).
pub fn parse_decoded_each<E>(
    decoded: &decode::Decoded,
    path: &str,
    lex: &Lexicon,
    opts: ParseOptions,
    sink: impl FnMut(Document) -> std::result::Result<(), E>,
) -> std::result::Result<Parsed, E> {
    let mut parsed = parse_each(&decoded.text, path, lex, opts, sink)?;
    if !decoded.damage.is_empty() {
        parsed.diagnostics.extend(decoded.diagnostics());
        parsed.diagnostics.sort_by_key(|d| d.line);
    }
    Ok(parsed)
}

/// Line accounting of a parse: the non-blank lines no element owns, and
/// units owned twice (overlapping byte ranges). Both are empty when every
/// line is placed exactly once.
pub fn accounting(text: &str, parsed: &Parsed) -> (Vec<usize>, Vec<usize>) {
    let lines = decode::lines(text);
    let mut owned = vec![false; lines.len() + 1];
    for o in &parsed.owners {
        if let Some(x) = owned.get_mut(o.line) {
            *x = true;
        }
    }
    let unowned = lines
        .iter()
        .filter(|l| !owned[l.no] && Unit::from_line(text, l).is_some())
        .map(|l| l.no)
        .collect();
    let overlaps = parsed
        .owners
        .windows(2)
        .filter(|w| w[1].start < w[0].end)
        .map(|w| w[1].line)
        .collect();
    (unowned, overlaps)
}

#[cfg(test)]
mod accounting_tests {
    use super::*;

    /// With owners taken away at random, the lines reported are the lines
    /// the full reading reports ([`accounting`]: every line read again and,
    /// holding text, looked up among the owners).
    #[test]
    fn unplaced_lines_are_those_the_full_reading_finds() {
        let lex = Lexicon::builtin();
        let text = testdata::SAMPLE;
        let parsed = parse(text, "sample.txt", &lex);
        let lines = decode::lines(text);
        let holds_text = || {
            let mut marks = vec![false; lines.len() + 1];
            for l in &lines {
                marks[l.no] = Unit::from_line(text, l).is_some();
            }
            marks
        };
        let mut next = testdata::xorshift();
        for drop_one_in in [0, 1, 2, 10, 100] {
            let owners: Vec<Owner> = parsed
                .owners
                .iter()
                .filter(|_| drop_one_in == 0 || !next().is_multiple_of(drop_one_in))
                .cloned()
                .collect();
            let cut = Parsed {
                owners: owners.clone(),
                ..parsed.clone()
            };
            let want = accounting(text, &cut).0;
            let got: Vec<usize> = unplaced_lines(holds_text(), &owners).collect();
            assert_eq!(got, want, "one owner in {drop_one_in} dropped");
            assert_eq!(want.is_empty(), drop_one_in == 0);
        }
    }
}

#[cfg(test)]
mod collection_tests {
    use super::*;

    /// The documents of a file share one copy of its envelope, equal to
    /// the file's own.
    #[test]
    fn the_documents_of_a_file_share_its_collection() {
        let lex = Lexicon::builtin();
        let parsed = parse(testdata::SAMPLE, "sample.txt", &lex);
        let first = parsed.documents[0]
            .collection
            .as_ref()
            .expect("an envelope");
        assert_eq!(**first, *parsed.collection.as_ref().expect("an envelope"));
        assert!(parsed.documents.len() > 10);
        for d in &parsed.documents {
            let c = d.collection.as_ref().expect("an envelope");
            assert!(std::sync::Arc::ptr_eq(c, first));
        }
    }
}

#[cfg(test)]
mod furniture_tests {
    use super::*;

    /// A joint masthead, its organs stacked over 文件 alone, is the first
    /// document's masthead, every line of it; a later document's 版头 or a
    /// printed page's number makes no web page of the file.
    #[test]
    fn a_joint_masthead_over_wenjian_alone_is_one_masthead() {
        let lex = Lexicon::builtin();
        let src = "中共某市委\n某市人民政府\n文件\n某发〔2021〕5号\n中共某市委　某市人民政府\n关于表彰先进集体的决定\n各县区党委、人民政府：\n现决定对先进集体予以表彰。\n— 2 —\n中共某市委　　某市人民政府\n2021年2月10日\n某市人民政府文件\n某政发〔2021〕9号\n某市人民政府关于做好春耕工作的通知\n各县区人民政府：\n现就春耕工作通知如下。\n某市人民政府\n2021年3月1日\n";
        let parsed = parse(src, "t.txt", &lex);
        let named: Vec<(usize, &str)> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.line <= 3)
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        let masthead = "masthead (版头) above the document";
        assert_eq!(named, [(1, masthead), (2, masthead), (3, masthead)]);
    }

    /// A page's counter alone where the page broke, after a separator, is
    /// the page's; after a phrase left open it is the phrase's figure.
    #[test]
    fn a_counter_after_an_open_phrase_is_its_figure() {
        let lex = Lexicon::builtin();
        let text = |src: &str| {
            let parsed = parse(src, "t.txt", &lex);
            parsed.documents[0].clauses[0].text.clone()
        };
        let head = "某市人民政府关于开展年度考核工作的通知\n各县区人民政府：\n";
        let ratio =
            format!("{head}一、考核结果。合格单位数与参评单位数之比为\n3/5\n，达到预期。\n");
        assert!(text(&ratio).contains("3/5"), "{ratio}");
        let page = format!("{head}一、考核结果。参评单位有市财政局、\n4/9\n市教育局。\n");
        assert!(!text(&page).contains("4/9"), "{page}");
    }

    /// A series' name beside a page's number is its running head; under a
    /// sentence that leads in to it, it is the sentence's object.
    #[test]
    fn a_series_head_under_a_lead_in_is_text() {
        let lex = Lexicon::builtin();
        let text = |src: &str| {
            let parsed = parse(src, "t.txt", &lex);
            parsed.documents[0].clauses[0].text.clone()
        };
        let head = "某市人民政府关于规范行政规范性文件发布工作的通知\n各县区人民政府：\n";
        let t = text(&format!(
            "{head}一、统一发布载体。规范性文件应当在下列载体刊载：\n某市人民政府公报\n— 3 —\n二、加强备案审查。\n"
        ));
        assert!(t.ends_with("某市人民政府公报"), "{t}");
        let t = text(&format!(
            "{head}一、统一发布载体。规范性文件应当统一\n某市人民政府公报\n— 3 —\n刊载。\n二、加强备案审查。\n"
        ));
        assert!(!t.contains("公报"), "{t}");
    }
}
