//! Bytes → text, and the line index over that text.
//!
//! Detects UTF-8 (with or without BOM), UTF-16 with a BOM and GB18030/GBK
//! (by chardetng for files without a BOM). Line ends may be LF, CRLF or CR.
//! The decoded text is kept as it is; `Line` records the byte range of each
//! line without its terminator, so every offset in a record points into the
//! decoded text.

use crate::error::{Error, ErrorKind, Result};

#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Like [`decode`], taking the bytes: UTF-8 input becomes the text without
/// a copy, so a large file is held once, not twice.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded> {
    if encoding_rs::Encoding::for_bom(&bytes).is_none() && memchr::memchr(0, &bytes).is_none() {
        match String::from_utf8(bytes) {
            Ok(text) => {
                return Ok(Decoded {
                    text,
                    encoding: "UTF-8",
                })
            }
            Err(e) => return decode(e.as_bytes()),
        }
    }
    decode(&bytes)
}

/// Decodes a file's bytes. Fails on input that is binary (NUL bytes in an
/// 8-bit encoding) or not valid in any supported encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(Error::new(ErrorKind::Decode(format!(
                "invalid {} after its byte-order mark",
                enc.name()
            ))));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
        });
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err(Error::new(ErrorKind::Decode(
            "binary data (NUL bytes), not text".into(),
        )));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_owned(),
            encoding: "UTF-8",
        });
    }
    // The detector needs a sample, not the whole file.
    let mut det = chardetng::EncodingDetector::new();
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    det.feed(sample, sample.len() == bytes.len());
    let guess = det.guess(None, true);
    // Chinese archives that are not UTF-8 are GBK/GB18030 in practice; the
    // detector is asked only to rule out the rare other legacy encodings.
    let enc = if guess == encoding_rs::BIG5
        || guess == encoding_rs::EUC_KR
        || guess == encoding_rs::SHIFT_JIS
    {
        guess
    } else {
        encoding_rs::GB18030
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        let tried = if enc == encoding_rs::GB18030 {
            "not valid UTF-8 or GB18030".to_owned()
        } else {
            format!("not valid UTF-8 or {} (the detected encoding)", enc.name())
        };
        return Err(Error::new(ErrorKind::Decode(tried)));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
    })
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
}
