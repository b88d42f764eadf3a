//! Bytes → text, and the line index over that text.
//!
//! Detects UTF-8 (with or without BOM), UTF-16 with a BOM and GB18030/GBK
//! (by chardetng for files without a BOM). Line ends may be LF, CRLF or CR.
//! The decoded text is kept as it is; `Line` records the byte range of each
//! line without its terminator, so every offset in a record points into the
//! decoded text.

use encoding_rs::{DecoderResult, Encoding};

use crate::error::{Error, ErrorKind, Result};
use crate::record::{DiagCode, Diagnostic};

#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// What the decoding could not keep as it was, in text order; empty for
    /// clean text.
    pub damage: Vec<Damage>,
}

/// One damaged stretch of the input, and where it went in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// Byte range in the decoded text.
    pub start: usize,
    pub end: usize,
    /// Byte offset in the input and the number of input bytes.
    pub offset: usize,
    pub bytes: usize,
    pub kind: DamageKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DamageKind {
    /// Bytes not valid in the file's encoding, each sequence replaced by
    /// U+FFFD.
    Invalid,
    /// NUL bytes in 8-bit text, each replaced by U+FFFD.
    Nul,
    /// A line of a UTF-8 file that is GB18030, decoded as such (nothing
    /// lost).
    Gb18030Line,
}

/// The share of damaged bytes (invalid or NUL) a text may have, in
/// percent; above it the file is not text in the encoding tried.
pub const MAX_DAMAGE_PERCENT: usize = 1;

impl Decoded {
    fn clean(text: String, encoding: &'static str) -> Decoded {
        Decoded {
            text,
            encoding,
            damage: Vec::new(),
        }
    }

    /// One `Damaged` diagnostic per damaged stretch, on its line of the
    /// text.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        if self.damage.is_empty() {
            return Vec::new();
        }
        let lines = lines(&self.text);
        self.damage
            .iter()
            .map(|d| {
                let line_at = |p: usize| {
                    let k = lines.partition_point(|l| l.end <= p);
                    lines.get(k).or(lines.last()).map_or(1, |l| l.no)
                };
                let line = line_at(d.start);
                let body = self.text[d.start..d.end].trim_end_matches(['\r', '\n']);
                let last = line_at(d.start + body.len().saturating_sub(1)).max(line);
                let (n, at) = (d.bytes, d.offset);
                let message = match d.kind {
                    DamageKind::Invalid => format!(
                        "{n} byte(s) not valid {} at byte {at} of the file, replaced by U+FFFD",
                        self.encoding
                    ),
                    DamageKind::Nul => {
                        format!("{n} NUL byte(s) at byte {at} of the file, replaced by U+FFFD")
                    }
                    DamageKind::Gb18030Line => format!(
                        "line(s) {line}-{last} ({n} bytes at byte {at}) of this UTF-8 file are GB18030, decoded as GB18030"
                    ),
                };
                Diagnostic {
                    line,
                    code: DiagCode::Damaged,
                    message,
                }
            })
            .collect()
    }
}

/// Whether `bytes` are valid UTF-8, checked with SIMD (simdutf8): the
/// standard library's check goes byte by byte over non-ASCII text such
/// as CJK, where this one takes 16 or 32 bytes a step.
fn is_utf8(bytes: &[u8]) -> bool {
    simdutf8::basic::from_utf8(bytes).is_ok()
}

/// Like [`decode`], taking the bytes: UTF-8 input becomes the text without
/// a copy, so a large file is held once, not twice.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded> {
    if Encoding::for_bom(&bytes).is_none() && memchr::memchr(0, &bytes).is_none() && is_utf8(&bytes)
    {
        // SAFETY: `is_utf8` has just checked that the bytes are UTF-8.
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        return Ok(Decoded::clean(text, "UTF-8"));
    }
    decode(&bytes)
}

/// Fails on binary data: more than [`MAX_DAMAGE_PERCENT`] of `bytes` NUL
/// (`nuls` of them) or control bytes.
fn binary_check(bytes: &[u8], nuls: usize) -> Result<()> {
    if (nuls + controls(bytes)) * 100 > bytes.len() * MAX_DAMAGE_PERCENT {
        return Err(Error::new(ErrorKind::Decode(
            "binary data (NUL bytes), not text".into(),
        )));
    }
    Ok(())
}

/// Decodes `bytes` (at byte `offset` of the file) in `enc`, each NUL byte
/// ending a piece and recorded as damage; in UTF-8 each line that is not
/// UTF-8 is tried as GB18030.
fn between_nuls(b: &mut Builder, enc: &'static Encoding, bytes: &[u8], offset: usize) {
    let mut at = 0;
    for nul in memchr::memchr_iter(0, bytes).chain([bytes.len()]) {
        if enc == encoding_rs::UTF_8 {
            b.utf8_lines(&bytes[at..nul], offset + at);
        } else {
            b.piece(enc, &bytes[at..nul], offset + at);
        }
        if nul < bytes.len() {
            b.bad(offset + nul, 1, DamageKind::Nul);
        }
        at = nul + 1;
    }
}

/// Decodes a file's bytes: UTF-8, UTF-16 (with a BOM, or without one when
/// its NUL bytes fall on every other byte), GB18030/GBK and the legacy
/// encodings chardetng tells apart. Small damage is replaced and recorded
/// (`Decoded::damage`): invalid sequences, NUL bytes in 8-bit text, and
/// in a UTF-8 file the lines that are GB18030. Fails on binary data and on
/// text with more than [`MAX_DAMAGE_PERCENT`] of its bytes damaged.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let mut b = Builder::new(bytes.len());
        // (NUL bytes after a UTF-8 mark are read as without one: binary
        // data fails, a few are damage.)
        if enc == encoding_rs::UTF_8 && memchr::memchr(0, body).is_some() {
            binary_check(body, memchr::memchr_iter(0, body).count())?;
            between_nuls(&mut b, enc, body, bom_len);
        } else {
            b.piece(enc, body, bom_len);
        }
        return b.finish(enc, bytes.len(), || {
            format!("invalid {} after its byte-order mark", enc.name())
        });
    }
    let nuls = memchr::memchr_iter(0, bytes).count();
    if nuls > 0 {
        // (Not UTF-8 text with a few NUL bytes, valid and holding characters
        // beyond ASCII: UTF-16 of CJK text is next to never valid UTF-8.)
        let utf8 = !bytes.is_ascii() && is_utf8(bytes);
        if let Some(enc) = utf16_by_nuls(bytes).filter(|_| !utf8) {
            let mut b = Builder::new(bytes.len());
            b.piece(enc, bytes, 0);
            return b.finish(enc, bytes.len(), || {
                format!("invalid {} (no byte-order mark)", enc.name())
            });
        }
        binary_check(bytes, nuls)?;
    } else if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded::clean(s.to_owned(), "UTF-8"));
    }
    let mut b = Builder::new(bytes.len());
    let enc = if mostly_utf8(bytes) {
        encoding_rs::UTF_8
    } else {
        legacy(bytes)
    };
    between_nuls(&mut b, enc, bytes, 0);
    b.finish(enc, bytes.len(), || {
        if enc == encoding_rs::UTF_8 || enc == encoding_rs::GB18030 {
            "not valid UTF-8 or GB18030".to_owned()
        } else {
            format!("not valid UTF-8 or {} (the detected encoding)", enc.name())
        }
    })
}

/// UTF-16 without a byte-order mark: text of ASCII and CJK has a NUL in
/// the high byte of every ASCII character (line ends, digits), each beside
/// an ASCII byte; CJK characters whose low byte is NUL, the ideographic
/// space U+3000 that indents paragraphs or 一 U+4E00, put theirs on the
/// other parity, beside a high byte of 0x30–0x9F. The byte order is the one
/// under which more NUL bytes are so explained (a text indented with
/// may hold more of those than ASCII ones); nine in ten or more must be,
/// and at least one code unit in fifty must be such a NUL.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut nuls = [0usize; 2];
    let mut ascii = [0usize; 2];
    let mut cjk = [0usize; 2];
    for i in memchr::memchr_iter(0, bytes) {
        let partner = if i % 2 == 0 { i + 1 } else { i - 1 };
        nuls[i % 2] += 1;
        if let Some(&b) = bytes.get(partner) {
            if b != 0 && b < 0x80 {
                ascii[i % 2] += 1;
            }
            if (0x30..0xA0).contains(&b) {
                cjk[i % 2] += 1;
            }
        }
    }
    // A NUL high byte comes second in little-endian order.
    let explained = |p: usize| ascii[p] + cjk[1 - p];
    let p = if explained(1) >= explained(0) { 1 } else { 0 };
    let (good, all) = (explained(p), nuls[0] + nuls[1]);
    let units = bytes.len() / 2;
    if ascii[p] < 2 || good * 10 < all * 9 || good * 50 < units {
        return None;
    }
    let little = p == 1;
    plausible_utf16(bytes, little).then_some(if little {
        encoding_rs::UTF_16LE
    } else {
        encoding_rs::UTF_16BE
    })
}

/// Whether `bytes` read as UTF-16 (little-endian or not) give the code
/// units of Chinese text, half or more of the first 32 768 (damaged UTF-16
/// keeps seven in ten or more, GB18030 so read one in five): ASCII and
/// Latin-1, general punctuation, CJK symbols and ideographs, full-width
/// forms. GB18030 or UTF-8 bytes paired at random give mostly others
/// (Hangul, Yi, private use): 的 in GB18030, B5 C4, is U+C4B5 or U+B5C4.
fn plausible_utf16(bytes: &[u8], little: bool) -> bool {
    let (mut good, mut all) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2).take(32_768) {
        let unit = if little {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        };
        all += 1;
        if matches!(unit, 0x0000..=0x00FF | 0x2000..=0x206F | 0x2460..=0x24FF | 0x2E80..=0x9FFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
        {
            good += 1;
        }
    }
    good * 2 >= all
}

/// Control bytes other than white space (and NUL, counted apart): in
/// text they are rare, in binary data common.
fn controls(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .filter(|&&b| matches!(b, 0x01..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F))
        .count()
}

/// Whether a text that is not all valid UTF-8 is UTF-8 with damage (or
/// with some GB18030 lines): a fifth or more of its non-ASCII bytes stand
/// in lines that are valid UTF-8. A GBK file has few such bytes (short
/// lines valid by chance).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut all) = (0usize, 0usize);
    for line in bytes.split(|&b| b == b'\n') {
        let high = line.iter().filter(|&&b| b >= 0x80).count();
        all += high;
        if high > 0 && is_utf8(line) {
            good += high;
        }
    }
    all == 0 || good * 5 >= all
}

/// The legacy encoding of a text that is not UTF-8: GB18030 unless
/// chardetng (on a 64 KB sample) finds Big5, EUC-KR or Shift_JIS.
fn legacy(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new();
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    det.feed(sample, sample.len() == bytes.len());
    let guess = det.guess(None, true);
    // Chinese archives that are not UTF-8 are GBK/GB18030 in practice; the
    // detector is asked only to rule out the rare other legacy encodings.
    if guess == encoding_rs::BIG5 || guess == encoding_rs::EUC_KR || guess == encoding_rs::SHIFT_JIS
    {
        guess
    } else {
        encoding_rs::GB18030
    }
}

/// The decoded text being built, with its damage.
struct Builder {
    text: String,
    damage: Vec<Damage>,
}

impl Builder {
    fn new(len: usize) -> Builder {
        Builder {
            text: String::with_capacity(len + len / 2),
            damage: Vec::new(),
        }
    }

    /// Records `bytes` damaged input bytes at `offset`, replaced by one
    /// U+FFFD; joins a stretch that continues the last one.
    fn bad(&mut self, offset: usize, bytes: usize, kind: DamageKind) {
        let start = self.text.len();
        self.text.push('\u{FFFD}');
        self.note(start, offset, bytes, kind);
    }

    fn note(&mut self, start: usize, offset: usize, bytes: usize, kind: DamageKind) {
        let end = self.text.len();
        if let Some(last) = self.damage.last_mut() {
            if last.kind == kind && last.end == start && last.offset + last.bytes == offset {
                last.end = end;
                last.bytes += bytes;
                return;
            }
        }
        self.damage.push(Damage {
            start,
            end,
            offset,
            bytes,
            kind,
        });
    }

    /// Decodes `src` (at `offset` in the input) in `enc`, each malformed
    /// sequence replaced and recorded.
    fn piece(&mut self, enc: &'static Encoding, mut src: &[u8], mut offset: usize) {
        let mut dec = enc.new_decoder_without_bom_handling();
        loop {
            let need = dec
                .max_utf8_buffer_length_without_replacement(src.len())
                .unwrap_or(src.len() * 3 + 16);
            self.text.reserve(need);
            let (res, read) = dec.decode_to_string_without_replacement(src, &mut self.text, true);
            match res {
                DecoderResult::InputEmpty => return,
                DecoderResult::OutputFull => {}
                DecoderResult::Malformed(bad, after) => {
                    let end = offset + read - after as usize;
                    self.bad(end - bad as usize, bad as usize, DamageKind::Invalid);
                }
            }
            src = &src[read..];
            offset += read;
        }
    }

    /// Decodes UTF-8 line by line: a line that is GB18030 is decoded as
    /// GB18030; otherwise its bad sequences are replaced, so one stray byte
    /// costs one character, not the line. A line is GB18030 when it is
    /// valid there and, read as UTF-8, breaks at two places or more and at
    /// one in four of its GB18030 characters (GBK text read as UTF-8 breaks
    /// at about every other character, UTF-8 with a stray byte once).
    fn utf8_lines(&mut self, src: &[u8], offset: usize) {
        let mut at = 0;
        for line in src.split_inclusive(|&b| b == b'\n') {
            let breaks = line
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            let gb = if breaks >= 2 {
                encoding_rs::GB18030
                    .decode_without_bom_handling_and_without_replacement(line)
                    .filter(|s| breaks * 4 >= s.chars().filter(|c| !c.is_ascii()).count())
            } else {
                None
            };
            if breaks == 0 {
                let start = self.text.len();
                self.text.push_str(&String::from_utf8_lossy(line));
                // A blank or ASCII line between GB18030 lines does not end
                // their stretch.
                if line.is_ascii()
                    && self
                        .damage
                        .last()
                        .is_some_and(|d| d.kind == DamageKind::Gb18030Line && d.end == start)
                {
                    self.note(start, offset + at, line.len(), DamageKind::Gb18030Line);
                }
            } else if let Some(s) = gb {
                // The line with its end: GB18030 lines in a row make one
                // stretch.
                let start = self.text.len();
                self.text.push_str(&s);
                self.note(start, offset + at, line.len(), DamageKind::Gb18030Line);
            } else {
                self.piece(encoding_rs::UTF_8, line, offset + at);
            }
            at += line.len();
        }
    }

    /// The decoded text, or the failure `what` when more than
    /// [`MAX_DAMAGE_PERCENT`] of the `len` input bytes are damaged.
    fn finish(
        self,
        enc: &'static Encoding,
        len: usize,
        what: impl Fn() -> String,
    ) -> Result<Decoded> {
        let lost: usize = self
            .damage
            .iter()
            .filter(|d| d.kind != DamageKind::Gb18030Line)
            .map(|d| d.bytes)
            .sum();
        if lost * 100 > len * MAX_DAMAGE_PERCENT {
            let first = self
                .damage
                .iter()
                .find(|d| d.kind != DamageKind::Gb18030Line)
                .map_or(0, |d| d.offset);
            return Err(Error::new(ErrorKind::Decode(format!(
                "{} ({lost} of {len} bytes damaged, the first at byte {first})",
                what()
            ))));
        }
        Ok(Decoded {
            text: self.text,
            encoding: enc.name(),
            damage: self.damage,
        })
    }
}

/// One source line: 1-based number and byte range without the terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub no: usize,
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into lines on LF, CRLF and CR (memchr finds the breaks).
/// A final line without a terminator counts; a trailing terminator does
/// not open an empty last line.
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut start = 0;
    let mut pos = 0;
    while let Some(i) = memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
        let at = pos + i;
        out.push(Line {
            no: out.len() + 1,
            start,
            end: at,
        });
        pos = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            at + 2
        } else {
            at + 1
        };
        start = pos;
    }
    if start < bytes.len() {
        out.push(Line {
            no: out.len() + 1,
            start,
            end: bytes.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_of_every_kind() {
        let t = "a\r\nb\rc\nd";
        let ls = lines(t);
        let got: Vec<&str> = ls.iter().map(|l| &t[l.start..l.end]).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
        assert_eq!(lines("x\n").len(), 1);
        assert_eq!(lines("").len(), 0);
    }

    #[test]
    fn decodes_gb18030_and_utf16() {
        let s = "关于印发《方案》的通知\n石党发〔2020〕1号\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(s);
        assert_eq!(decode(&gb).unwrap().text, s);
        let mut u16 = vec![0xFF, 0xFE];
        for unit in s.encode_utf16() {
            u16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&u16).unwrap().text, s);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, s);
    }

    #[test]
    fn rejects_binary() {
        assert!(decode(b"PK\x03\x04\x00\x00").is_err());
    }

    const DOC: &str = "关于印发《方案》的通知\n石党发〔2020〕1号\n各县区党委：\n一、总体要求\n坚持问题导向，加强统筹协调。\n";

    /// `DOC` repeated to about `n` bytes.
    fn doc(n: usize) -> String {
        DOC.repeat(n / DOC.len() + 1)
    }

    /// Every damaged stretch of the text is U+FFFD (or the GB18030 line),
    /// and the offsets point at the bytes that caused it.
    fn check_offsets(d: &Decoded, bytes: &[u8]) {
        for dm in &d.damage {
            assert!(d.text.is_char_boundary(dm.start) && d.text.is_char_boundary(dm.end));
            let bad = &bytes[dm.offset..dm.offset + dm.bytes];
            match dm.kind {
                DamageKind::Invalid => assert!(std::str::from_utf8(bad).is_err() || bad.is_empty()),
                DamageKind::Nul => assert!(bad.iter().all(|&b| b == 0)),
                DamageKind::Gb18030Line => {}
            }
            if dm.kind != DamageKind::Gb18030Line {
                assert!(d.text[dm.start..dm.end].chars().all(|c| c == '\u{FFFD}'));
            }
        }
    }

    #[test]
    fn one_bad_byte_costs_one_character() {
        let text = doc(4000);
        let mut bytes = text.as_bytes().to_vec();
        // A lone continuation byte after the second line.
        let at = text.find("各县区").unwrap();
        bytes.insert(at, 0x80);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text.replacen('\u{FFFD}', "", 1), text);
        assert_eq!(d.damage.len(), 1);
        assert_eq!((d.damage[0].offset, d.damage[0].bytes), (at, 1));
        check_offsets(&d, &bytes);
        let diags = d.diagnostics();
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 3);
        assert!(
            diags[0].message.contains(&format!("at byte {at}")),
            "{:?}",
            diags[0]
        );
        // The same through `decode_owned`.
        assert_eq!(decode_owned(bytes).unwrap().text, d.text);
    }

    #[test]
    fn nul_bytes_inside_text_are_replaced() {
        let text = doc(4000);
        let mut bytes = text.as_bytes().to_vec();
        let at = text.find("一、").unwrap();
        bytes.splice(at..at, [0, 0]);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.damage.len(), 1);
        assert_eq!(d.damage[0].kind, DamageKind::Nul);
        assert_eq!(d.text.replace('\u{FFFD}', ""), text);
        check_offsets(&d, &bytes);
        assert_eq!(d.diagnostics()[0].line, 4);
        // Also in GB18030 text.
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        let mut gb = gb.into_owned();
        gb.insert(10, 0);
        let d = decode(&gb).unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.text.replace('\u{FFFD}', ""), text);
        // And after a UTF-8 byte-order mark: damage at the file's offsets,
        // and binary data still fails.
        let mut marked = b"\xEF\xBB\xBF".to_vec();
        marked.extend_from_slice(&bytes);
        let d = decode_owned(marked.clone()).unwrap();
        assert_eq!(d.damage.len(), 1);
        assert_eq!(d.damage[0].kind, DamageKind::Nul);
        assert_eq!(d.text.replace('\u{FFFD}', ""), text);
        check_offsets(&d, &marked);
        marked.extend(std::iter::repeat_n(0u8, marked.len()));
        assert!(decode_owned(marked).is_err());
    }

    /// A short UTF-8 text with two NUL bytes, both beside ASCII on one
    /// parity as UTF-16's are: UTF-8 with damage, not UTF-16.
    #[test]
    fn a_few_nul_bytes_in_short_utf8_are_no_utf16() {
        let text = "某市人民政府关于做好2021年防汛工作的通知\n各县区：\n　　一、加强值守。\n　　二、落实责任。各县区要落实防汛责任制，逐级签订责任书。\n某市人民政府\n2021年5月6日\n";
        let mut bytes = text.as_bytes().to_vec();
        let first = bytes.iter().position(|b| b.is_ascii_digit()).unwrap();
        let second = (first + 2..bytes.len())
            .find(|&k| (k - first) % 2 == 0 && bytes[k + 1].is_ascii_digit())
            .unwrap();
        for at in [second, first] {
            bytes.insert(at, 0);
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text.replace('\u{FFFD}', ""), text);
        // UTF-16 without a mark is still read as such, both ways.
        let wide: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&wide).unwrap().text, text);
        let wide: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&wide).unwrap().text, text);
        // GB18030 with NUL bytes beside its digits, as UTF-16's beside
        // (00 30) would be, is not UTF-16: refused or read as GB18030.
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        let mut gb = gb.into_owned();
        let digits: Vec<usize> = (0..gb.len()).filter(|&k| gb[k] == b'0').collect();
        for &at in digits.iter().rev() {
            gb.insert(at, 0);
        }
        assert!(decode(&gb).map_or(true, |d| d.encoding != "UTF-16LE"
            && d.encoding != "UTF-16BE"));
    }

    #[test]
    fn half_gb18030_half_utf8() {
        let text = doc(4000);
        let mid = (0..=text.len() / 2)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap();
        let half = text[..mid].rfind('\n').unwrap() + 1;
        let (gb, _, _) = encoding_rs::GB18030.encode(&text[half..]);
        let mut bytes = text.as_bytes()[..half].to_vec();
        bytes.extend_from_slice(&gb);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert!(d.damage.iter().all(|x| x.kind == DamageKind::Gb18030Line));
        assert!(!d.damage.is_empty());
        check_offsets(&d, &bytes);
        // The other way round: GB18030 first.
        let (gb, _, _) = encoding_rs::GB18030.encode(&text[..half]);
        let mut bytes = gb.into_owned();
        bytes.extend_from_slice(&text.as_bytes()[half..]);
        assert_eq!(decode(&bytes).unwrap().text, text);
    }

    #[test]
    fn utf16_without_bom() {
        let text = doc(2000);
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&be).unwrap().text, text);
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
    }

    #[test]
    fn utf16_without_bom_indented_with_ideographic_spaces() {
        // More 　 (00 30 in little-endian order) than ASCII characters: the
        // NUL bytes fall mostly on the low bytes' parity.
        let mut text = String::from("某市人民政府关于做好工作的通知\n各县区人民政府：\n");
        for _ in 0..20 {
            text.push_str("　　一、加强组织领导，落实工作责任，确保各项任务按期完成。\n");
        }
        text.push_str("某市人民政府\n二〇二一年三月五日\n");
        for t in [text.clone(), text.replace('\n', "\r\n")] {
            let le: Vec<u8> = t.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = t.encode_utf16().flat_map(u16::to_be_bytes).collect();
            let d = decode(&le).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (t.as_str(), "UTF-16LE"));
            let d = decode(&be).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (t.as_str(), "UTF-16BE"));
        }
    }

    #[test]
    fn mostly_damaged_or_binary_input_still_fails() {
        let text = doc(1000);
        let mut bytes = text.as_bytes().to_vec();
        for i in (0..bytes.len()).step_by(50) {
            bytes[i] = 0xFF;
        }
        let e = decode(&bytes).unwrap_err().to_string();
        assert!(e.starts_with("not valid UTF-8 or GB18030 ("), "{e}");
        assert!(e.contains("bytes damaged, the first at byte 0"), "{e}");
        let mut bin: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        bin[1] = 0;
        assert_eq!(
            decode(&bin).unwrap_err().to_string(),
            "binary data (NUL bytes), not text"
        );
    }
}
