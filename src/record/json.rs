//! JSON text of the records: a serde `Serializer` that writes straight into one byte buffer, in
//! serde_json's compact (JSON Lines) and pretty (`--format json`) layouts byte for byte.
//!
//! It exists for speed: records are mostly CJK text, and serde_json escapes strings one byte at
//! a time through its `io::Write`; here a string is scanned eight bytes at a time for the bytes
//! JSON escapes (`"`, `\`, controls), and runs without one are copied whole. A [`Writer`] may
//! pass its buffer on to an `io::Write` whenever it fills ([`Writer::spilling_to`]), so a large
//! file's output is written as it is made, not held whole. `tests` compare it with serde_json.

use std::fmt;
use std::io::Write;

use serde::ser::{self, Serialize};

/// The buffer is passed on once it holds this many bytes at the end of an array element or
/// object member.
const SPILL: usize = 256 * 1024;

/// Why a value could not be written: the writer behind the buffer failed, or a `Serialize`
/// implementation refused (a map key that is not a string).
#[derive(Debug)]
pub enum Error {
    Io(std::io::Error),
    Custom(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "{e}"),
            Error::Custom(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error::Custom(msg.to_string())
    }
}

type Result<T> = std::result::Result<T, Error>;

/// `value` as compact JSON text (what `serde_json::to_string` gives).
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut buf = Vec::with_capacity(1024);
    Writer::compact(&mut buf).write(value)?;
    // The writer appends only whole `&str`s, runs of one cut at ASCII bytes, and ASCII.
    String::from_utf8(buf).map_err(|e| Error::Custom(e.to_string()))
}

/// JSON text being written into a buffer, compact or pretty (two-space indent, `": "`).
pub struct Writer<'a> {
    buf: &'a mut Vec<u8>,
    next: Option<&'a mut dyn Write>,
    pretty: bool,
    /// Pretty layout: the depth, and whether the open array or object has a value yet
    /// (serde_json's `PrettyFormatter` keeps one flag, not one per level; so does this).
    indent: usize,
    has_value: bool,
}

impl<'a> Writer<'a> {
    /// Compact JSON appended to `buf`.
    pub fn compact(buf: &'a mut Vec<u8>) -> Writer<'a> {
        Writer {
            buf,
            next: None,
            pretty: false,
            indent: 0,
            has_value: false,
        }
    }

    /// Pretty JSON appended to `buf`.
    pub fn pretty(buf: &'a mut Vec<u8>) -> Writer<'a> {
        Writer {
            pretty: true,
            ..Writer::compact(buf)
        }
    }

    /// Passes the buffer on to `next` (and empties it) whenever it holds 256 KiB at the end of
    /// an element, and at [`Writer::finish`].
    pub fn spilling_to(self, next: &'a mut dyn Write) -> Writer<'a> {
        Writer {
            next: Some(next),
            ..self
        }
    }

    /// Appends `value`.
    pub fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        value.serialize(&mut *self)
    }

    /// Appends bytes as they are (the line end between two records).
    pub fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Passes what the buffer holds on to the writer given to [`Writer::spilling_to`].
    pub fn finish(mut self) -> Result<()> {
        self.spill()
    }

    fn spill(&mut self) -> Result<()> {
        if let Some(next) = self.next.as_mut() {
            next.write_all(self.buf).map_err(Error::Io)?;
            self.buf.clear();
        }
        Ok(())
    }

    #[inline(always)]
    fn element_done(&mut self) -> Result<()> {
        self.has_value = true;
        if self.buf.len() >= SPILL {
            self.spill()?;
        }
        Ok(())
    }

    fn newline_indent(&mut self) {
        self.buf.push(b'\n');
        for _ in 0..self.indent {
            self.buf.extend_from_slice(b"  ");
        }
    }

    fn open(&mut self, bracket: u8) {
        self.indent += 1;
        self.has_value = false;
        self.buf.push(bracket);
    }

    fn close(&mut self, bracket: u8) {
        self.indent -= 1;
        if self.pretty && self.has_value {
            self.newline_indent();
        }
        self.buf.push(bracket);
    }

    /// Before an array element or an object key.
    #[inline(always)]
    fn separator(&mut self, first: bool) {
        if !first {
            self.buf.push(b',');
        }
        if self.pretty {
            self.newline_indent();
        }
    }

    /// Between an object key and its value.
    #[inline(always)]
    fn colon(&mut self) {
        self.buf
            .extend_from_slice(if self.pretty { b": " } else { b":" });
    }

    fn integer(&mut self, n: impl itoa::Integer) -> Result<()> {
        self.raw(itoa::Buffer::new().format(n).as_bytes());
        Ok(())
    }

    /// serde_json's layout: the shortest text that reads back the same, `null` when not finite.
    fn float(&mut self, v: impl zmij::Float, finite: bool) {
        if finite {
            self.raw(zmij::Buffer::new().format_finite(v).as_bytes());
        } else {
            self.raw(b"null");
        }
    }

    /// `{"variant":` opening a variant with content.
    fn open_variant(&mut self, variant: &str) {
        self.open(b'{');
        self.separator(true);
        string(self.buf, variant);
        self.colon();
    }

    fn close_variant(&mut self) -> Result<()> {
        self.element_done()?;
        self.close(b'}');
        Ok(())
    }

    /// Opens an array or object; one of no elements is closed at once.
    fn compound(&mut self, bracket: u8, len: Option<usize>) -> Compound<'_, 'a> {
        self.open(bracket);
        let state = if len == Some(0) {
            self.close(if bracket == b'[' { b']' } else { b'}' });
            State::Empty
        } else {
            State::First
        };
        Compound { w: self, state }
    }
}

/// Bytes JSON escapes, by value: 0 none, else the letter after `\` (`u` for `\u00XX`).
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is zero is set (and maybe of bytes above one, which
/// only matters once one byte is zero).
fn zero_bits(w: u64) -> u64 {
    w.wrapping_sub(ONES) & !w & HIGHS
}

/// Some byte of the eight is one JSON escapes: below 0x20, `"` or `\` (no branch inside).
fn needs_escape(w: u64) -> bool {
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    below_space | zero_bits(w ^ (ONES * u64::from(b'"'))) | zero_bits(w ^ (ONES * u64::from(b'\\')))
        != 0
}

/// The position of the first byte at or after `from` that JSON escapes. Thirty-two, then eight
/// bytes are tested at a time; the last step may overlap bytes already passed, so a string of
/// eight bytes or more is never read one byte at a time unless it holds such a byte.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let needs = |k: &usize| ESCAPE[usize::from(bytes[*k])] != 0;
    let mut i = from;
    // Written without an early exit so that the compiler tests the
    // thirty-two bytes as vectors.
    while let Some(block) = bytes[i..].first_chunk::<32>() {
        let any = block.iter().fold(false, |any, &b| {
            any | (b < 0x20) | (b == b'"') | (b == b'\\')
        });
        if any {
            break;
        }
        i += 32;
    }
    while let Some(eight) = bytes[i..].first_chunk::<8>() {
        if needs_escape(u64::from_le_bytes(*eight)) {
            return (i..i + 8).find(needs);
        }
        i += 8;
    }
    if i < bytes.len() && bytes.len() >= 8 {
        let last = bytes.len() - 8;
        if let Some(eight) = bytes[last..].first_chunk::<8>() {
            if !needs_escape(u64::from_le_bytes(*eight)) {
                return None;
            }
        }
    }
    (i..bytes.len()).find(needs)
}

/// Appends `s` quoted and escaped as serde_json escapes it: `"`, `\` and control characters
/// (`\n`, `\u001f` …); everything else, DEL and non-ASCII included, as it is.
fn string(buf: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    let mut run = 0;
    while let Some(at) = next_escape(bytes, run) {
        buf.extend_from_slice(&bytes[run..at]);
        escape(buf, bytes[at]);
        run = at + 1;
    }
    buf.extend_from_slice(&bytes[run..]);
    buf.push(b'"');
}

/// Appends a struct's field name quoted: as [`string`] does, and at once
/// for a name with no byte to escape (every name of the records). Inlined
/// where a derived `serialize` passes its constant names, the test is
/// answered when the program is compiled.
#[inline(always)]
fn field_name(buf: &mut Vec<u8>, name: &str) {
    let bytes = name.as_bytes();
    if bytes.iter().all(|&b| ESCAPE[usize::from(b)] == 0) {
        buf.reserve(bytes.len() + 2);
        buf.push(b'"');
        buf.extend_from_slice(bytes);
        buf.push(b'"');
    } else {
        string(buf, name);
    }
}

/// Appends the escape of `b`, a byte [`ESCAPE`] marks.
fn escape(buf: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let letter = ESCAPE[usize::from(b)];
    if letter == b'u' {
        buf.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]);
    } else {
        buf.extend_from_slice(&[b'\\', letter]);
    }
}

/// The `serialize_*` methods of the integer types, each calling `self.integer`.
macro_rules! integers {
    () => {
        integers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
            serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
            serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);
    };
    ($($method:ident: $t:ty),*) => {
        $(fn $method(self, v: $t) -> Result<()> {
            self.integer(v)
        })*
    };
}

enum State {
    Empty,
    First,
    Rest,
}

/// An open array or object.
pub struct Compound<'w, 'a> {
    w: &'w mut Writer<'a>,
    state: State,
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.w.separator(matches!(self.state, State::First));
        self.state = State::Rest;
        value.serialize(&mut *self.w)?;
        self.w.element_done()
    }

    #[inline(always)]
    fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<()> {
        self.w.separator(matches!(self.state, State::First));
        self.state = State::Rest;
        field_name(self.w.buf, key);
        self.w.colon();
        value.serialize(&mut *self.w)?;
        self.w.element_done()
    }

    /// Closes the array or object, and the object of its enum variant when `variant`.
    fn close(self, bracket: u8, variant: bool) -> Result<()> {
        if !matches!(self.state, State::Empty) {
            self.w.close(bracket);
        }
        if variant {
            self.w.close_variant()?;
        }
        Ok(())
    }
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.raw(if v { b"true" } else { b"false" });
        Ok(())
    }
    integers!();
    fn serialize_f32(self, v: f32) -> Result<()> {
        self.float(v, v.is_finite());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        self.float(v, v.is_finite());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<()> {
        string(self.buf, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        string(self.buf, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<()> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        self.raw(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.close_variant()
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'w, 'a>> {
        Ok(self.compound(b'[', len))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w, 'a>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w, 'a>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'a>> {
        self.open_variant(variant);
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'w, 'a>> {
        Ok(self.compound(b'{', len))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w, 'a>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'a>> {
        self.open_variant(variant);
        self.serialize_map(Some(len))
    }
}

/// A serde trait of arrays: each element through `Compound::element`, then closed (and for
/// an enum variant the object around it).
macro_rules! array {
    ($trait:ident, $method:ident, $variant:expr) => {
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.element(value)
            }
            fn end(self) -> Result<()> {
                self.close(b']', $variant)
            }
        }
    };
}

array!(SerializeSeq, serialize_element, false);
array!(SerializeTuple, serialize_element, false);
array!(SerializeTupleStruct, serialize_field, false);
array!(SerializeTupleVariant, serialize_field, true);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.w.separator(matches!(self.state, State::First));
        self.state = State::Rest;
        key.serialize(KeyWriter(&mut *self.w))?;
        self.w.colon();
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        value.serialize(&mut *self.w)?;
        self.w.element_done()
    }
    fn end(self) -> Result<()> {
        self.close(b'}', false)
    }
}

/// A serde trait of structs: each field through `Compound::member`, then closed (and for an
/// enum variant the object around it).
macro_rules! object {
    ($trait:ident, $variant:expr) => {
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            // Inlined into each record's derived `serialize` with the rest of a member's
            // writing: the key is then a constant, its escape check folds away and its bytes
            // are copied without a call (4 % of all instructions, mostly field names).
            #[inline(always)]
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<()> {
                self.member(key, value)
            }
            fn end(self) -> Result<()> {
                self.close(b'}', $variant)
            }
        }
    };
}

object!(SerializeStruct, false);
object!(SerializeStructVariant, true);

/// An object key: a string, or a number, bool or char written as one (as serde_json does).
struct KeyWriter<'w, 'a>(&'w mut Writer<'a>);

impl KeyWriter<'_, '_> {
    fn quoted(self, text: &str) -> Result<()> {
        string(self.0.buf, text);
        Ok(())
    }

    fn integer(self, n: impl itoa::Integer) -> Result<()> {
        self.quoted(itoa::Buffer::new().format(n))
    }

    fn float(self, v: impl zmij::Float, finite: bool) -> Result<()> {
        if !finite {
            return Err(Error::Custom("float key must be finite".into()));
        }
        self.quoted(zmij::Buffer::new().format_finite(v))
    }
}

fn key_must_be_a_string() -> Error {
    Error::Custom("key must be a string".into())
}

/// `serialize_*` methods that refuse: a value of that shape is no object key.
macro_rules! not_a_key {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$ok> {
            Err(key_must_be_a_string())
        })*
    };
}

impl ser::Serializer for KeyWriter<'_, '_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<()> {
        self.quoted(v)
    }
    fn serialize_char(self, v: char) -> Result<()> {
        self.quoted(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bool(self, v: bool) -> Result<()> {
        self.quoted(if v { "true" } else { "false" })
    }
    integers!();
    fn serialize_f32(self, v: f32) -> Result<()> {
        self.float(v, v.is_finite())
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        self.float(v, v.is_finite())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.quoted(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    not_a_key! {
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize)
            -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize)
            -> Self::SerializeStructVariant;
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<()> {
        Err(key_must_be_a_string())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<()> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn compact(v: &Value) -> String {
        to_string(v).expect("writes")
    }

    fn pretty(v: &Value) -> String {
        let mut buf = Vec::new();
        Writer::pretty(&mut buf).write(v).expect("writes");
        String::from_utf8(buf).expect("UTF-8")
    }

    /// Field names are written as serde_json writes them: plain, wide,
    /// long, and with bytes to escape.
    #[test]
    fn field_names_as_serde_json_writes_them() {
        #[derive(serde::Serialize)]
        struct Names {
            plain: u8,
            #[serde(rename = "say \"hi\"\n")]
            quoted: u8,
            #[serde(rename = "牵头单位")]
            wide: u8,
            a_field_name_longer_than_thirty_two_bytes: u8,
            #[serde(rename = "a name longer than thirty-two bytes \\ with an escape")]
            long_escaped: u8,
        }
        let v = Names {
            plain: 1,
            quoted: 2,
            wide: 3,
            a_field_name_longer_than_thirty_two_bytes: 4,
            long_escaped: 5,
        };
        assert_eq!(
            to_string(&v).expect("writes"),
            serde_json::to_string(&v).expect("json")
        );
        let mut buf = Vec::new();
        Writer::pretty(&mut buf).write(&v).expect("writes");
        assert_eq!(
            String::from_utf8(buf).expect("UTF-8"),
            serde_json::to_string_pretty(&v).expect("json")
        );
    }

    /// Every byte value and every position of an escape relative to the thirty-two and
    /// eight-byte steps.
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut texts: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        texts.extend(["", "牵头单位：市发改委", "\u{7f}\u{80}\u{2028}\u{fffd}"].map(String::from));
        for pad in 0..70 {
            for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "\t", "é", " "] {
                let fill = "市".repeat(pad / 3) + &"a".repeat(pad % 3);
                texts.push(format!("{fill}{special}{fill}{special}"));
                texts.push(format!("{special}{fill}"));
            }
        }
        for t in &texts {
            let v = Value::String(t.clone());
            assert_eq!(
                compact(&v),
                serde_json::to_string(&v).expect("json"),
                "{t:?}"
            );
        }
    }

    #[test]
    fn layouts_match_serde_json() {
        let values = [
            json!(null),
            json!([]),
            json!({}),
            json!([[], {}, [[]], {"a": {}}]),
            json!({"a": [], "b": {"c": [1, -2, 3.5, 1e300, 0.1]}, "d": null, "e": [true, false]}),
            json!([{"k": "v"}, [1, [2, [3]]], "s", {"x": {"y": {"z": []}}}]),
            json!({"emoji": "😀", "ctl": "\u{0}\u{8}\u{c}\r", "num": u64::MAX, "neg": i64::MIN}),
        ];
        for v in &values {
            assert_eq!(compact(v), serde_json::to_string(v).expect("json"), "{v}");
            assert_eq!(
                pretty(v),
                serde_json::to_string_pretty(v).expect("json"),
                "{v}"
            );
        }
    }

    /// Enum variants, tuples, bytes, map keys of other types and non-finite floats.
    #[test]
    fn serde_shapes_match_serde_json() {
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(i32, String),
            EmptyTuple(),
            Struct { a: Option<f64>, b: char },
            EmptyStruct {},
        }
        #[derive(serde::Serialize)]
        struct Unit;
        #[derive(serde::Serialize)]
        struct Wrap(String);
        #[derive(serde::Serialize)]
        struct Pair(u8, bool);
        #[derive(serde::Serialize)]
        struct All<'a> {
            list: Vec<E>,
            unit: Unit,
            wrap: Wrap,
            pair: Pair,
            tuple: (u16, &'a str),
            #[serde(with = "serde_bytes_as_seq")]
            bytes: &'a [u8],
            int_keys: std::collections::BTreeMap<i32, u8>,
            bool_keys: std::collections::BTreeMap<bool, u8>,
            char_keys: std::collections::BTreeMap<char, u8>,
            nan: f32,
            inf: f64,
            #[serde(skip_serializing_if = "Option::is_none")]
            skipped: Option<u8>,
        }
        mod serde_bytes_as_seq {
            pub fn serialize<S: serde::Serializer>(b: &&[u8], s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b)
            }
        }
        let all = All {
            list: vec![
                E::Unit,
                E::New(7),
                E::Tuple(-1, "x".into()),
                E::EmptyTuple(),
                E::Struct {
                    a: Some(f64::NAN),
                    b: '"',
                },
                E::Struct { a: None, b: '市' },
                E::EmptyStruct {},
            ],
            unit: Unit,
            wrap: Wrap("w".into()),
            pair: Pair(1, true),
            tuple: (2, "t"),
            bytes: &[0, 255],
            int_keys: [(-3, 1), (4, 2)].into(),
            bool_keys: [(true, 1)].into(),
            char_keys: [('k', 1)].into(),
            nan: f32::NAN,
            inf: f64::INFINITY,
            skipped: None,
        };
        assert_eq!(
            to_string(&all).expect("writes"),
            serde_json::to_string(&all).expect("json")
        );
        let mut buf = Vec::new();
        Writer::pretty(&mut buf).write(&all).expect("writes");
        assert_eq!(
            String::from_utf8(buf).expect("UTF-8"),
            serde_json::to_string_pretty(&all).expect("json")
        );
        let bad: std::collections::BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        assert!(to_string(&bad).is_err());
    }

    /// A spilling writer hands its buffer on as it fills; the bytes are the same.
    #[test]
    fn spilling_writes_the_same_bytes() {
        let big: Vec<Value> = (0..20_000)
            .map(|i| json!({"line": i, "text": "一、加强组织领导。\"引号\"\n"}))
            .collect();
        let v = Value::Array(big);
        /// Counts the pieces it is handed.
        #[derive(Default)]
        struct Pieces(Vec<u8>, usize);
        impl Write for Pieces {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.extend_from_slice(b);
                self.1 += 1;
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut out = Pieces::default();
        let mut buf = Vec::new();
        let mut w = Writer::pretty(&mut buf).spilling_to(&mut out);
        w.write(&v).expect("writes");
        w.finish().expect("finishes");
        assert!(out.1 > 3, "passed on as it filled: {} pieces", out.1);
        assert_eq!(
            String::from_utf8(out.0).expect("UTF-8"),
            serde_json::to_string_pretty(&v).expect("json")
        );
    }
}
