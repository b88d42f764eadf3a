//! Writes a benchmark corpus: many files of realistic size built from the
//! bundled sample's documents, lightly perturbed.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out target/corpus --total-mb 500 [--seed 1]
//! ```
//!
//! Each file is the sample's yearbook header, a run of documents drawn from
//! the sample, and its footer. File sizes are log-uniform between 50 KB and
//! 20 MB (the last file takes whatever is left, at least 50 KB), so a run
//! mixes many small files with a few large ones. Each drawn document is
//! perturbed:
//!
//! - renumbered: its own number (石党发〔2020〕1号) gets another year and
//!   serial, everywhere it appears in the document;
//! - shuffled: within a run of sibling clauses of one marker style
//!   (1. 2. 3. …), the clause bodies — the text after the marker plus the
//!   labelled lines that follow it (牵头单位…, 完成时限…) — change places,
//!   while the markers stay in order, so numbering and nesting stay valid;
//! - per file, some files use full-width punctuation (, : ( ) ; →
//!   ，：（）；) and some CRLF line ends.
//!
//! The document splitter here is deliberately independent of the parser, so
//! the corpus for a seed does not change when the grammar does. Output is
//! deterministic for a given seed and size. Files go to
//! `OUT/gNNN/fNNNNN.txt` (50 files per folder); `OUT` must be empty or absent.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use regex::Regex;

const SAMPLE: &str = include_str!("../input/shizuishan-2021-wenjian.txt");
const MIN_FILE: usize = 50 * 1024;
const MAX_FILE: usize = 20 * 1024 * 1024;
const FILES_PER_DIR: usize = 50;

/// SplitMix64: small, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// The sample cut into its parts: header, documents (as line lists), footer.
struct Sample<'a> {
    header: Vec<&'a str>,
    documents: Vec<Doc<'a>>,
    footer: Vec<&'a str>,
}

struct Doc<'a> {
    lines: Vec<&'a str>,
    /// The document's own number, e.g. 石党发〔2020〕1号.
    number: String,
}

/// Splits the sample into documents. A document starts at its title: the
/// line holding its number (when the title, number and addressees run
/// together on one line) or the line above a number-only line, walking back
/// over wrapped title lines (no 。) to the one that holds 关于/印发/转发.
fn split_sample(text: &str) -> Sample<'_> {
    let lines: Vec<&str> = text.lines().collect();
    // A number alone on its line: 石党办发〔2020〕31号
    let alone = Regex::new(r"^\p{Han}{1,10}〔\d{4}〕\d+号$").expect("regex");
    // A number run on after a title's genre word: …的通知石党发〔2020〕18号各县区…
    let run_on = Regex::new(r"(?:通知|决定|意见|办法|方案|规定)(\p{Han}{1,10}?〔\d{4}〕\d+号)")
        .expect("regex");
    let footer_at = lines
        .iter()
        .rposition(|l| l.trim() == "知识出处")
        .unwrap_or(lines.len());
    let mut starts: Vec<(usize, String)> = Vec::new();
    for (i, l) in lines[..footer_at].iter().enumerate() {
        let t = l.trim();
        let (last_title, number) = if alone.is_match(t) {
            (i.wrapping_sub(1), t.to_owned())
        } else if let Some(c) = run_on.captures(t) {
            (i, c[1].to_owned())
        } else {
            continue;
        };
        if last_title == usize::MAX {
            continue;
        }
        let floor = starts.last().map_or(0, |s| s.0 + 1);
        let mut start = last_title;
        let mut k = last_title;
        loop {
            let t = lines[k].trim();
            if t.is_empty() || t.contains('。') {
                break;
            }
            if ["关于", "印发", "转发"].iter().any(|w| t.contains(w)) {
                start = k;
                break;
            }
            if k == floor || last_title - k >= 4 {
                break;
            }
            k -= 1;
        }
        starts.push((start, number));
    }
    let body_end = lines[..footer_at]
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(0, |i| i + 1);
    let first = starts.first().map_or(body_end, |s| s.0);
    let mut documents = Vec::new();
    for (k, (s, number)) in starts.iter().enumerate() {
        let e = starts.get(k + 1).map_or(body_end, |n| n.0);
        documents.push(Doc {
            lines: lines[*s..e].to_vec(),
            number: number.clone(),
        });
    }
    Sample {
        header: lines[..first].to_vec(),
        documents,
        footer: lines[body_end..].to_vec(),
    }
}

/// Marker styles at the start of a line; siblings share a style.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Chinese,      // 一、
    ParenChinese, // (一) （一）
    Arabic,       // 1.
    ParenArabic,  // (1) （1）
    Article,      // 第一条
}

struct Markers {
    re: [(Style, Regex); 5],
    label: Regex,
}

impl Markers {
    fn new() -> Self {
        let r = |s| Regex::new(s).expect("regex");
        Markers {
            re: [
                (Style::Chinese, r(r"^[一二三四五六七八九十]+、")),
                (
                    Style::ParenChinese,
                    r(r"^[(（][一二三四五六七八九十]+[)）]"),
                ),
                (Style::Arabic, r(r"^\d{1,3}\.(?:\D|$)")),
                (Style::ParenArabic, r(r"^[(（]\d{1,3}[)）]")),
                (Style::Article, r(r"^第[一二三四五六七八九十百]+条\s?")),
            ],
            // 牵头单位: / 完成时限： …
            label: r(r"^\p{Han}{2,6}[:：]"),
        }
    }

    /// The marker at the start of `t`: its style and byte length.
    fn marker(&self, t: &str) -> Option<(Style, usize)> {
        for (s, re) in &self.re {
            if let Some(m) = re.find(t) {
                let mut len = m.end();
                // `1.` matched one following character to rule out 3.5; give it back.
                if *s == Style::Arabic && !t[..len].ends_with('.') {
                    len = t[..len].rfind('.').map_or(len, |i| i + 1);
                }
                return Some((*s, len));
            }
        }
        None
    }
}

/// A clause block: a marker line and the labelled lines that follow it.
struct Block {
    first: usize,
    /// One past the last line of the block.
    end: usize,
    style: Style,
    marker_len: usize,
}

/// Shuffles clause bodies among runs of sibling blocks, keeping markers in
/// place. A run is a maximal sequence of blocks of one style, each being a
/// marker line followed only by labelled lines, with nothing in between.
fn shuffle_clauses(lines: &mut [String], m: &Markers, rng: &mut Rng) {
    let mut blocks: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim_start();
        let Some((style, marker_len)) = m.marker(t) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < lines.len()
            && m.marker(lines[end].trim_start()).is_none()
            && m.label.is_match(lines[end].trim_start())
        {
            end += 1;
        }
        blocks.push(Block {
            first: i,
            end,
            style,
            marker_len,
        });
        i = end;
    }
    let mut k = 0;
    while k < blocks.len() {
        let mut j = k + 1;
        while j < blocks.len()
            && blocks[j].style == blocks[k].style
            && blocks[j].first == blocks[j - 1].end
        {
            j += 1;
        }
        if j - k >= 2 && rng.chance(0.7) {
            let run = &blocks[k..j];
            // The body of each block: text after the marker, then its labelled lines.
            let bodies: Vec<(String, Vec<String>)> = run
                .iter()
                .map(|b| {
                    let t = lines[b.first].trim_start();
                    (
                        t[b.marker_len..].to_owned(),
                        lines[b.first + 1..b.end].to_vec(),
                    )
                })
                .collect();
            let mut order: Vec<usize> = (0..run.len()).collect();
            rng.shuffle(&mut order);
            let mut rebuilt: Vec<String> = Vec::new();
            for (b, &o) in run.iter().zip(&order) {
                let line = &lines[b.first];
                let indent = &line[..line.len() - line.trim_start().len()];
                let marker = &line.trim_start()[..b.marker_len];
                rebuilt.push(format!("{indent}{marker}{}", bodies[o].0));
                rebuilt.extend(bodies[o].1.iter().cloned());
            }
            let span = run[0].first..run[run.len() - 1].end;
            for (dst, src) in lines[span].iter_mut().zip(rebuilt) {
                *dst = src;
            }
        }
        k = j;
    }
}

/// One perturbed copy of a sample document.
fn perturb(doc: &Doc, m: &Markers, num_re: &Regex, rng: &mut Rng) -> Vec<String> {
    let mut lines: Vec<String> = doc.lines.iter().map(|l| (*l).to_owned()).collect();
    let year = 2012 + rng.below(12);
    let serial = 1 + rng.below(180);
    let renumbered = num_re.replace(&doc.number, |c: &regex::Captures| {
        format!("{}〔{year}〕{serial}号", &c[1])
    });
    for l in lines.iter_mut() {
        if l.contains(doc.number.as_str()) {
            *l = l.replace(doc.number.as_str(), &renumbered);
        }
    }
    shuffle_clauses(&mut lines, m, rng);
    lines
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            '(' => '（',
            ')' => '）',
            ';' => '；',
            c => c,
        })
        .collect()
}

/// Builds one file's text of about `target` bytes (LF line ends).
/// Returns the text and the number of documents in it.
fn build_file(
    sample: &Sample,
    target: usize,
    m: &Markers,
    num_re: &Regex,
    rng: &mut Rng,
    uid: u64,
) -> (String, usize) {
    let mut out = String::with_capacity(target + 64 * 1024);
    for l in &sample.header {
        // A distinct 唯一号 per file, as in a real export.
        if let Some(k) = l.find("唯一号") {
            let _ = writeln!(out, "{}唯一号: {uid:018}", &l[..k]);
        } else {
            out.push_str(l);
            out.push('\n');
        }
    }
    let footer: usize = sample.footer.iter().map(|l| l.len() + 1).sum();
    let mut docs = 0;
    while out.len() + footer < target {
        let doc = &sample.documents[rng.below(sample.documents.len())];
        let lines = perturb(doc, m, num_re, rng);
        let len: usize = lines.iter().map(|l| l.len() + 1).sum();
        // Stay under the target (so under MAX_FILE), but hold one document at least.
        if docs > 0 && out.len() + len + footer > target {
            break;
        }
        docs += 1;
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
    }
    for l in &sample.footer {
        out.push_str(l);
        out.push('\n');
    }
    (out, docs)
}

struct Args {
    out: PathBuf,
    total_mb: f64,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut out = None;
    let mut total_mb = None;
    let mut seed = 1u64;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(val("--out")?)),
            "--total-mb" => {
                total_mb = Some(
                    val("--total-mb")?
                        .parse::<f64>()
                        .map_err(|e| format!("--total-mb: {e}"))?,
                )
            }
            "--seed" => seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "-h" | "--help" => {
                return Err("usage: gen_corpus --out DIR --total-mb N [--seed S]".into());
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    let total_mb = total_mb.ok_or("--total-mb N is required")?;
    // NaN is not positive either.
    if total_mb.is_nan() || total_mb <= 0.0 {
        return Err("--total-mb must be positive".into());
    }
    Ok(Args {
        out,
        total_mb,
        seed,
    })
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    f.write_all(bytes)?;
    f.flush()
}

fn run(args: Args) -> Result<(), String> {
    if args.out.exists() {
        let mut rd =
            std::fs::read_dir(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
        if rd.next().is_some() {
            return Err(format!(
                "{}: not empty; remove it first",
                args.out.display()
            ));
        }
    }
    let sample = split_sample(SAMPLE);
    if sample.documents.is_empty() {
        return Err("no document found in the sample".into());
    }
    let m = Markers::new();
    let num_re = Regex::new(r"^(\p{Han}+)〔\d{4}〕\d+号$").expect("regex");
    let mut rng = Rng(args.seed ^ 0x6761_6E67_7765_6E00);
    let total = (args.total_mb * 1e6) as usize;
    let mut written = 0usize;
    let mut n = 0usize;
    let (mut full, mut crlf) = (0usize, 0usize);
    let mut largest = 0usize;
    let mut docs = 0usize;
    while written < total {
        let left = total - written;
        // Log-uniform size; the last file takes the rest (at least MIN_FILE).
        let (lo, hi) = ((MIN_FILE as f64).ln(), (MAX_FILE as f64).ln());
        let mut size = (lo + rng.unit() * (hi - lo)).exp() as usize;
        if left < size + MIN_FILE {
            size = left.clamp(MIN_FILE, MAX_FILE);
        }
        let wide = rng.chance(0.3);
        let cr = rng.chance(0.2);
        // Full-width punctuation (3 bytes for 1) and CR grow the text: aim lower.
        let aim = size as f64 * if wide { 0.92 } else { 1.0 } * if cr { 0.97 } else { 1.0 };
        let (mut text, d) = build_file(
            &sample,
            aim as usize,
            &m,
            &num_re,
            &mut rng,
            args.seed * 1_000_000 + n as u64,
        );
        if wide {
            text = full_width(&text);
            full += 1;
        }
        if cr {
            text = text.replace('\n', "\r\n");
            crlf += 1;
        }
        let path = args
            .out
            .join(format!("g{:03}", n / FILES_PER_DIR))
            .join(format!("f{n:05}.txt"));
        write_file(&path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
        written += text.len();
        docs += d;
        largest = largest.max(text.len());
        n += 1;
    }
    eprintln!(
        "gen_corpus: {n} files, {docs} documents, {:.1} MB (largest {:.1} MB; {full} full-width, {crlf} CRLF) from {} sample documents, seed {}",
        written as f64 / 1e6,
        largest as f64 / 1e6,
        sample.documents.len(),
        args.seed
    );
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_splits_into_its_documents() {
        let s = split_sample(SAMPLE);
        assert_eq!(s.documents.len(), 20);
        assert!(s.header.iter().any(|l| l.trim() == "内容"));
        assert!(s.footer.iter().any(|l| l.trim() == "知识出处"));
        assert_eq!(s.documents[0].number, "石党发〔2020〕1号");
        assert!(s.documents[2].lines[0].contains("石党发〔2020〕18号"));
    }

    #[test]
    fn shuffling_keeps_markers_and_lines() {
        let m = Markers::new();
        let src = [
            "一、要求",
            "1.甲。",
            "牵头单位:A",
            "2.乙。",
            "牵头单位:B",
            "完成时限:2020年",
            "3.丙。",
        ];
        for seed in 0..20 {
            let mut lines: Vec<String> = src.iter().map(|s| s.to_string()).collect();
            shuffle_clauses(&mut lines, &m, &mut Rng(seed));
            assert_eq!(lines.len(), src.len());
            assert_eq!(lines[0], "一、要求");
            let markers: Vec<&str> = lines
                .iter()
                .filter_map(|l| m.marker(l).map(|(_, n)| &l[..n]))
                .collect();
            assert_eq!(markers, ["一、", "1.", "2.", "3."]);
            let mut a: Vec<&str> = src
                .iter()
                .map(|s| s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'))
                .collect();
            let mut b: Vec<&str> = lines
                .iter()
                .map(|s| s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'))
                .collect();
            a.sort();
            b.sort();
            assert_eq!(a, b);
        }
    }

    #[test]
    fn arabic_marker_is_not_a_decimal() {
        let m = Markers::new();
        assert_eq!(m.marker("3.5%以上"), None);
        assert_eq!(m.marker("12.坚决"), Some((Style::Arabic, 3)));
    }
}
