//! Pages of a large file. One page per input stops working for large
//! inputs (a 115 MB input gave a 286 MB page no browser opens), so a file
//! whose text is larger than a limit is cut into parts, each a run of
//! whole documents with the lines around them, holding at most the limit
//! of source text: every line of the file is on exactly one part, in order,
//! and a document is never cut (one larger than the limit has a part of its
//! own). Lines outside every document stay where they are, with the
//! documents beside them; a run of them larger than the limit is cut into
//! parts of its own. The file's page becomes its contents page
//! ([`super::contents`]) linking the parts, which sit beside it:
//! `files/x.html` → `files/x.parts/001.html`, `002.html`, ….

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::decode::Line;
use crate::fileline::Counts;
use crate::record::{Document, Parsed};

/// Source text a page may hold before its file is split (`report
/// --split-above`): about 5 MB of HTML, which a browser opens in moments.
pub const DEFAULT_LIMIT: usize = 2 << 20;

/// One page of a file: a run of its lines and the documents in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Indices into the file's lines (`decode::lines`): line numbers
    /// `lines.start + 1 ..= lines.end`.
    pub lines: Range<usize>,
    /// Indices of the documents shown, all of whose lines are in `lines`.
    pub documents: Range<usize>,
}

impl Part {
    /// The whole file as one part.
    pub fn whole(lines: usize, documents: usize) -> Part {
        Part {
            lines: 0..lines,
            documents: 0..documents,
        }
    }

    /// Whether the 1-based line `no` is on this part.
    pub fn has_line(&self, no: usize) -> bool {
        no > self.lines.start && no <= self.lines.end
    }

    /// The counts of what the part shows: its lines, its documents and
    /// the diagnostics outside every document on its lines.
    pub fn counts(&self, p: &Parsed) -> Counts {
        let mut c = Counts {
            lines: self.lines.len(),
            ..Counts::default()
        };
        c.add_diagnostics(p.diagnostics.iter().filter(|d| self.has_line(d.line)));
        for d in p.documents.get(self.documents.clone()).unwrap_or_default() {
            c.add(Counts::of_document(d));
        }
        c
    }
}

/// The part (index) showing the 1-based line `no`, if any.
pub fn part_of_line(parts: &[Part], no: usize) -> Option<usize> {
    let i = parts.partition_point(|p| p.lines.end < no);
    parts.get(i).filter(|p| p.has_line(no)).map(|_| i)
}

/// The part (index) showing document `k`, if any.
pub fn part_of_document(parts: &[Part], k: usize) -> Option<usize> {
    let i = parts.partition_point(|p| p.documents.end <= k);
    parts.get(i).filter(|p| p.documents.contains(&k)).map(|_| i)
}

/// Cuts a file of `lines` holding `documents` into parts of at most
/// `limit` bytes of source text (one part when the whole text fits).
pub fn plan(lines: &[Line], documents: &[Document], limit: usize) -> Vec<Part> {
    // Where line `i` starts in the text (the end of the text for `i` past
    // the last line): a run of lines holds its line ends.
    let offset = |i: usize| match lines.get(i) {
        Some(l) => l.start,
        None => lines.last().map_or(0, |l| l.end),
    };
    let bytes = |r: &Range<usize>| offset(r.end).saturating_sub(offset(r.start));
    let mut parts: Vec<Part> = Vec::new();
    let mut size = 0;
    for atom in atoms(lines, documents, limit, &bytes) {
        let b = bytes(&atom.lines);
        match parts.last_mut() {
            Some(p) if size + b <= limit => {
                p.lines.end = atom.lines.end;
                p.documents.end = atom.documents.end;
                size += b;
            }
            _ => {
                parts.push(atom);
                size = b;
            }
        }
    }
    if parts.is_empty() {
        parts.push(Part::whole(lines.len(), documents.len()));
    }
    parts
}

/// The pieces a part is made of, in order, covering every line: a run of
/// documents whose lines touch (one document ending on the line the next
/// begins), or a run of lines outside every document (at most `limit`
/// bytes of it).
fn atoms(
    lines: &[Line],
    documents: &[Document],
    limit: usize,
    bytes: &dyn Fn(&Range<usize>) -> usize,
) -> Vec<Part> {
    let n = lines.len();
    let mut out = Vec::new();
    // The first line (index) not yet in a piece.
    let mut next = 0;
    let mut k = 0;
    let outside = |from: usize, to: usize, k: usize, out: &mut Vec<Part>| {
        let mut start = from;
        while start < to {
            let mut end = start + 1;
            while end < to && bytes(&(start..end + 1)) <= limit {
                end += 1;
            }
            out.push(Part {
                lines: start..end,
                documents: k..k,
            });
            start = end;
        }
    };
    while k < documents.len() {
        let first = documents[k]
            .source
            .line_start
            .saturating_sub(1)
            .clamp(next, n);
        outside(next, first, k, &mut out);
        let mut end = documents[k].source.line_end.clamp(first, n);
        let mut j = k + 1;
        while j < documents.len() && documents[j].source.line_start.saturating_sub(1) < end {
            end = end.max(documents[j].source.line_end.min(n));
            j += 1;
        }
        out.push(Part {
            lines: first..end,
            documents: k..j,
        });
        next = end;
        k = j;
    }
    outside(next, n, k, &mut out);
    out
}

/// The folder of a split file's parts, beside its page:
/// `files/x.html` → `files/x.parts`.
pub fn parts_dir(page: &Path) -> PathBuf {
    page.with_extension("parts")
}

/// The file name of part `i` (0-based): `001.html`, `002.html`, ….
pub fn part_name(i: usize) -> String {
    format!("{:03}.html", i + 1)
}

/// Removes the part pages of an earlier run that this run does not write
/// (parts numbered above `count`), so the folder holds no stale page. A
/// page that cannot be removed is only clutter: the run goes on.
pub fn remove_stale(dir: &Path, count: usize) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name();
        let number = name
            .to_str()
            .and_then(|n| n.strip_suffix(".html"))
            .filter(|n| n.len() >= 3 && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<usize>().ok());
        if number.is_some_and(|k| k > count) {
            std::fs::remove_file(e.path()).ok();
        }
    }
    // Empty now (the file is no longer split): the folder goes too.
    std::fs::remove_dir(dir).ok();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten lines of ten bytes (nine and a line end; the last one counts
    /// nine, its line end being the text's end), and documents over
    /// the given 1-based inclusive line ranges.
    fn setup(docs: &[(usize, usize)]) -> (Vec<Line>, Vec<Document>) {
        let text = "123456789\n".repeat(10);
        let lines = crate::decode::lines(&text);
        let lex = crate::Lexicon::builtin();
        let one = crate::parse("关于某事的通知\n各部门：\n一、要求\n", "x.txt", &lex);
        let documents = docs
            .iter()
            .map(|&(a, b)| {
                let mut d = one.documents[0].clone();
                d.source.line_start = a;
                d.source.line_end = b;
                d
            })
            .collect();
        (lines, documents)
    }

    fn shape(parts: &[Part]) -> Vec<(Range<usize>, Range<usize>)> {
        parts
            .iter()
            .map(|p| (p.lines.clone(), p.documents.clone()))
            .collect()
    }

    #[test]
    fn a_file_that_fits_is_one_part() {
        let (lines, docs) = setup(&[(2, 5), (6, 10)]);
        assert_eq!(
            plan(&lines, &docs, 1000),
            vec![Part::whole(10, 2)],
            "100 bytes fit in 1000"
        );
    }

    #[test]
    fn parts_hold_whole_documents_and_the_lines_around_them() {
        // Line 1 before the first document, 9–10 after the last: the
        // first goes with the first document, the last fill a part of
        // their own once the last document's part is full.
        let (lines, docs) = setup(&[(2, 3), (4, 5), (6, 8)]);
        let parts = plan(&lines, &docs, 40);
        assert_eq!(
            shape(&parts),
            vec![(0..3, 0..1), (3..5, 1..2), (5..8, 2..3), (8..10, 3..3)],
        );
        let roomy = plan(&lines, &docs, 60);
        assert_eq!(shape(&roomy), vec![(0..5, 0..2), (5..10, 2..3)]);
        // Every line once, in order.
        assert_eq!(parts[0].lines.start, 0);
        for w in parts.windows(2) {
            assert_eq!(w[0].lines.end, w[1].lines.start);
            assert_eq!(w[0].documents.end, w[1].documents.start);
        }
        assert!(parts[1].has_line(4) && parts[1].has_line(5) && !parts[1].has_line(6));
    }

    #[test]
    fn a_large_document_has_a_part_of_its_own_and_long_gaps_are_cut() {
        let (lines, docs) = setup(&[(5, 9)]);
        let parts = plan(&lines, &docs, 25);
        assert_eq!(
            shape(&parts),
            vec![(0..2, 0..0), (2..4, 0..0), (4..9, 0..1), (9..10, 1..1)],
        );
    }

    #[test]
    fn documents_sharing_a_line_stay_together() {
        // The second document begins on the line the first ends on.
        let (lines, docs) = setup(&[(1, 4), (4, 6), (7, 10)]);
        let parts = plan(&lines, &docs, 30);
        assert_eq!(shape(&parts), vec![(0..6, 0..2), (6..10, 2..3)]);
    }

    #[test]
    fn a_file_without_documents_is_cut_by_lines() {
        let (lines, _) = setup(&[]);
        let parts = plan(&lines, &[], 50);
        assert_eq!(shape(&parts), vec![(0..5, 0..0), (5..10, 0..0)]);
        assert_eq!(plan(&[], &[], 50), vec![Part::whole(0, 0)]);
    }

    #[test]
    fn lines_and_documents_are_found_on_their_part() {
        let (lines, docs) = setup(&[(2, 3), (4, 5), (6, 8)]);
        let parts = plan(&lines, &docs, 40);
        let on: Vec<Option<usize>> = (0..=11).map(|no| part_of_line(&parts, no)).collect();
        let want = [None, Some(0), Some(0), Some(0), Some(1), Some(1)];
        assert_eq!(&on[..6], want);
        assert_eq!(
            &on[6..],
            [Some(2), Some(2), Some(2), Some(3), Some(3), None]
        );
        let docs_on: Vec<Option<usize>> = (0..4).map(|k| part_of_document(&parts, k)).collect();
        assert_eq!(docs_on, [Some(0), Some(1), Some(2), None]);
    }

    #[test]
    fn part_pages_sit_beside_the_files_page() {
        let page = Path::new("files/a/x.y.html");
        assert_eq!(parts_dir(page), Path::new("files/a/x.y.parts"));
        assert_eq!(part_name(0), "001.html");
        assert_eq!(part_name(1234), "1235.html");
    }
}
