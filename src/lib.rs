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
mod body;
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
pub mod fold;
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
///
/// The grammar reads the text without its invisible characters and with
/// its HTML entities read (`fold`); every span given (a record's
/// `source`, the owners) points into `text` itself.
pub fn parse_each<E>(
    text: &str,
    path: &str,
    lex: &Lexicon,
    opts: ParseOptions,
    mut sink: impl FnMut(Document) -> std::result::Result<(), E>,
) -> std::result::Result<Parsed, E> {
    let Some(folded) = fold::fold(text) else {
        return parse_folded(text, path, lex, opts, sink);
    };
    let mut parsed = parse_folded(&folded.text, path, lex, opts, |mut d| {
        let bytes = folded.source_range(d.source.byte_start..d.source.byte_end);
        (d.source.byte_start, d.source.byte_end) = (bytes.start, bytes.end);
        sink(d)
    })?;
    for o in &mut parsed.owners {
        (o.start, o.end) = (folded.source(o.start), folded.source(o.end));
    }
    Ok(parsed)
}

/// [`parse_each`] on text already folded: its spans point into `text`.
fn parse_folded<E>(
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
        let units = body::read_body(
            body::BodySource {
                text,
                lines: &lines[s.body],
                book: s.collection.as_ref().and_then(|c| c.title.as_deref()),
                section: s.collection.as_ref().and_then(|c| c.granule.as_deref()),
            },
            lex,
            body::Sink {
                meta_numbers: &mut meta_numbers,
                diagnostics: &mut diagnostics,
                owners: &mut owners,
                web_page: &mut web_page,
            },
            &mut unplaced,
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
        // Where the next document's front matter begins (its masthead above
        // its number or title), when it stands at the end of this one.
        let mut fronts = vec![units.len(); starts.len()];
        for (k, s) in starts.iter().enumerate().rev() {
            let next = starts
                .get(k + 1)
                .map_or(units.len(), segment::DocStart::first);
            ends[k] = match next_above {
                Some(at) if at >= s.title.end => at,
                _ => next,
            };
            next_above = build::number_above_title(&units, s, ends[k], lex);
            // The next document's masthead (某市人民政府文件) above its number
            // or its title, and the front matter over it, end this one's
            // text: they stay in its span, named as the next one's front
            // matter, never a line of its last clause.
            let floor = (s.first() + 1).max(s.title.end);
            fronts[k] = (k + 1 < starts.len())
                .then(|| lines::header::masthead_above(&units, ends[k], floor, lex))
                .flatten()
                .map_or(ends[k], |m| m.start);
        }
        // A document without a title that starts on the number the next
        // title takes (件 / 〔2014〕2号 / 签发人：… / 关于… / …请示) is left no
        // unit of its own: it is none.
        if ends.iter().zip(&starts).any(|(&e, s)| e <= s.first()) {
            let kept: Vec<_> = starts
                .into_iter()
                .zip(ends.into_iter().zip(fronts))
                .filter(|(s, (e, _))| *e > s.first())
                .collect();
            (starts, (ends, fronts)) = kept.into_iter().unzip();
        }
        let first = starts.first().map_or(units.len(), segment::DocStart::first);
        // The envelope, one copy for all the article's records.
        let collection = collection.map(std::sync::Arc::new);
        let build = |k: usize| {
            let mut built = build::build(
                &units,
                &starts[k],
                fronts[k]..ends[k],
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
            // words), a 签发人 line, a row of the head's fields (发电单位：…
            // 签批盖章：…). (A scanned page's mark is
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
                    || marks_line(&units[..first], k, lex)
                    || lines::header::in_head_row(&units[..first], k, lex));
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
    // (A line of invisible characters alone holds no text: the lines are
    // those the grammar read.)
    let folded = fold::fold(text);
    let text = folded.as_ref().map_or(text, |f| f.text.as_str());
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

    /// Text with invisible characters and entities reads as the text
    /// without them, and every span still points at the input's bytes.
    #[test]
    fn folded_text_reads_as_clean_text_with_spans_into_the_input() {
        let lex = Lexicon::builtin();
        let clean = testdata::SAMPLE;
        // A zero width space before each indented line, a word joiner
        // after each 〕 and a written-out space before each 号.
        let text = clean
            .replace("\n　　", "\n\u{200b}　　")
            .replace('〕', "〕\u{2060}")
            .replace("号", "&#8203;号");
        assert_ne!(text, clean);
        let (a, b) = (parse(clean, "a.txt", &lex), parse(&text, "a.txt", &lex));
        assert_eq!(a.documents.len(), b.documents.len());
        let line_at = |t: &str, p: usize| t[..p].matches('\n').count() + 1;
        for (x, y) in a.documents.iter().zip(&b.documents) {
            let (s, t) = (&x.source, &y.source);
            assert_eq!((s.line_start, s.line_end), (t.line_start, t.line_end));
            // The same lines' bytes, in each text.
            assert_eq!(line_at(&text, t.byte_start), t.line_start);
            assert_eq!(line_at(&text, t.byte_end), t.line_end);
            assert!(text[t.byte_end..].starts_with('\n') || t.byte_end == text.len());
            let strip = |u: &str| {
                u.replace(['\u{200b}', '\u{2060}'], "")
                    .replace("&#8203;", "")
            };
            assert_eq!(
                strip(&text[t.byte_start..t.byte_end]),
                clean[s.byte_start..s.byte_end]
            );
            assert_eq!(
                (&x.title, &x.doc_number, &x.date),
                (&y.title, &y.doc_number, &y.date)
            );
            assert_eq!(x.clauses, y.clauses);
        }
        assert_eq!(a.diagnostics, b.diagnostics);
        for o in &b.owners {
            assert_eq!(line_at(&text, o.start), o.line);
        }
        let (unowned, overlaps) = accounting(&text, &b);
        assert!(unowned.is_empty() && overlaps.is_empty());
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
