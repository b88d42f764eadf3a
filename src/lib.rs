//! gongwen turns Chinese yearbook (年鉴) exports and official documents
//! (党政机关公文, GB/T 9704-2012) into normalised JSON records.
//!
//! The pipeline: `decode` (bytes → text + lines) → `envelope` (the yearbook
//! header and footer) → `unit` (lines, split where elements run together) →
//! `segment` (where documents start) → `notice` (title, number, addressees,
//! signature, date, enclosure, attachments) → `clauses` (the clause tree) and
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

#[cfg(feature = "cli")]
pub mod batch;
pub mod cite;
pub mod clauses;
pub mod decode;
pub mod docnum;
pub mod envelope;
pub mod error;
pub mod extract;
pub mod fields;
pub mod lexicon;
#[cfg(feature = "cli")]
pub mod manifest;
pub mod marker;
pub mod normalize;
pub mod notice;
pub mod organs;
#[cfg(feature = "cli")]
pub mod pipe;
pub mod record;
#[cfg(feature = "cli")]
pub mod report;
pub mod schema;
pub mod segment;
pub mod table;
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
    let lines = decode::lines(text);
    let env = envelope::read(text, &lines, lex);
    let mut diagnostics = Vec::new();
    let mut owners: Vec<Owner> = Vec::new();
    let own = |u: &Unit, part: Part| u.owner(part);
    for l in lines[..env.body_start].iter().chain(&lines[env.body_end..]) {
        if let Some(u) = Unit::from_line(text, l) {
            owners.push(own(&u, Part::Envelope));
        }
    }
    let mut units: Vec<Unit> = Vec::with_capacity(lines.len());
    // A date line has been seen (a document signed off), and a portal line
    // after it opened the page footer.
    let (mut signed, mut footer) = (false, false);
    for l in &lines[env.body_start..env.body_end] {
        let Some(u) = Unit::from_line(text, l) else {
            continue;
        };
        // 发文字号：国办发〔2019〕5号 right under the title is the document's
        // number with a portal label: keep the number.
        if let Some(num) = labelled_number(&u)
            .filter(|_| units.last().is_some_and(|p| segment::is_title_end(p, lex)))
        {
            units.push(num);
            continue;
        }
        // Furniture after a signed document opens the page footer: its short
        // lines (related links, site owner, licence) are furniture too.
        let footer_line = footer && text::char_len(u.text) <= 80 && !u.text.contains('。');
        if lex.is_portal(u.text) || footer_line {
            footer |= signed;
            diagnostics.push(Diagnostic {
                line: u.line,
                code: DiagCode::Portal,
                message: "web-page furniture, not part of a document".into(),
            });
            owners.push(own(&u, Part::Portal));
            continue;
        }
        footer = false;
        signed |= normalize::date::is_date_line(u.text);
        for piece in segment::split_run_on_number(&u, lex) {
            segment::split_long(&piece, &mut units);
        }
    }
    let starts = segment::documents(&units, lex);
    let first = starts.first().map_or(units.len(), |s| s.title.start);
    // Documents are independent once their boundaries are known: a large
    // file keeps every core busy. Results come back in document order.
    let build = |(k, s): (usize, &segment::DocStart)| {
        let end = starts.get(k + 1).map_or(units.len(), |n| n.title.start);
        // A number printed before the next title is not this document's.
        let end = if end > s.title.end
            && k + 1 < starts.len()
            && docnum::whole(units[end - 1].text).is_some()
        {
            end - 1
        } else {
            end
        };
        notice::build(
            &units,
            s,
            end,
            lex,
            path,
            env.collection.as_ref(),
            text.len(),
        )
    };
    #[cfg(feature = "parallel")]
    let built: Vec<(Document, Vec<Owner>)> = if opts.parallel {
        starts.par_iter().enumerate().map(build).collect()
    } else {
        starts.iter().enumerate().map(build).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let built: Vec<(Document, Vec<Owner>)> = {
        let _ = opts;
        starts.iter().enumerate().map(build).collect()
    };
    let mut documents = Vec::with_capacity(built.len());
    for (doc, doc_owners) in built {
        documents.push(doc);
        owners.extend(doc_owners);
    }
    // Text before the first title, unless the first document took it (a
    // number printed above its title).
    // On a web page (portal furniture found) a short line above the first
    // title is the site's heading; a line ending in 文件 right above a
    // number is a red-header masthead. Both are named, not unplaced.
    let web_page = owners.iter().any(|o| o.part == Part::Portal);
    for (k, u) in units[..first].iter().enumerate() {
        if owners.iter().any(|o| o.start == u.start && o.end == u.end) {
            continue;
        }
        let short = text::char_len(u.text) <= 30 && !u.text.contains('。');
        let masthead = short
            && u.text.ends_with("文件")
            && units
                .get(k + 1)
                .is_some_and(|n| docnum::whole(n.text).is_some());
        if (web_page && short) || masthead {
            diagnostics.push(Diagnostic {
                line: u.line,
                code: DiagCode::Portal,
                message: if masthead {
                    "masthead (版头) above the document"
                } else {
                    "web-page heading, not part of a document"
                }
                .into(),
            });
            owners.push(own(u, Part::Portal));
            continue;
        }
        diagnostics.push(Diagnostic {
            line: u.line,
            code: DiagCode::Unplaced,
            message: "text before the first document title".into(),
        });
        owners.push(own(u, Part::Unplaced));
    }
    owners.sort_by_key(|o| (o.start, o.end));
    // Line accounting: a non-blank line that no element owns is reported.
    let mut owned = vec![false; lines.len() + 1];
    for o in &owners {
        if let Some(x) = owned.get_mut(o.line) {
            *x = true;
        }
    }
    for l in &lines {
        if !owned[l.no] && Unit::from_line(text, l).is_some() {
            diagnostics.push(Diagnostic {
                line: l.no,
                code: DiagCode::Unplaced,
                message: "line not placed in any element".into(),
            });
        }
    }
    diagnostics.sort_by_key(|d| d.line);
    Parsed {
        source: path.to_owned(),
        collection: env.collection,
        documents,
        diagnostics,
        owners,
    }
}

/// The number of a `label：number` line (发文字号：国发〔2019〕5号), as a unit.
fn labelled_number<'t>(u: &Unit<'t>) -> Option<Unit<'t>> {
    let (i, c) = u.text.char_indices().find(|(_, c)| text::is_colon(*c))?;
    let num = u.sub(i + c.len_utf8(), u.text.len())?;
    (text::char_len(&u.text[..i]) <= 6 && docnum::whole(num.text).is_some()).then_some(num)
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
