//! In-process benchmarks of the pipeline stages on the bundled sample:
//! decode (bytes → text, UTF-8 and GB18030), the line index, `parse`
//! (classify, segment, build) and `batch::render` (JSON Lines).
//!
//! ```sh
//! cargo bench --bench parse
//! ```
//!
//! Throughput is reported in input bytes per second for every stage, so the
//! stages can be compared with each other and with `benches/corpus.sh`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use gongwen::batch::{render, Format};
use gongwen::Lexicon;

const SAMPLE: &str = include_str!("../input/shizuishan-2021-wenjian.txt");
const PATH: &str = "input/shizuishan-2021-wenjian.txt";

fn decode(c: &mut Criterion) {
    let utf8 = SAMPLE.as_bytes();
    let (gb, _, _) = encoding_rs::GB18030.encode(SAMPLE);
    let mut g = c.benchmark_group("decode");
    g.throughput(Throughput::Bytes(utf8.len() as u64));
    g.bench_function("utf8", |b| {
        b.iter(|| gongwen::decode::decode(black_box(utf8)))
    });
    g.bench_function("gb18030", |b| {
        b.iter(|| gongwen::decode::decode(black_box(&gb)))
    });
    g.bench_function("lines", |b| {
        b.iter(|| gongwen::decode::lines(black_box(SAMPLE)))
    });
    g.finish();
}

fn parse(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    g.bench_function("sample", |b| {
        b.iter(|| gongwen::parse(black_box(SAMPLE), PATH, &lex))
    });
    g.finish();
}

fn serialise(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let parsed = gongwen::parse(SAMPLE, PATH, &lex);
    let mut buf = Vec::with_capacity(1 << 20);
    let mut g = c.benchmark_group("render");
    g.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    g.bench_function("jsonl", |b| {
        b.iter(|| {
            buf.clear();
            render(black_box(&parsed), Format::Jsonl, &mut buf).expect("render");
            buf.len()
        })
    });
    g.finish();
}

fn end_to_end(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let bytes = SAMPLE.as_bytes();
    let mut buf = Vec::with_capacity(1 << 20);
    let mut g = c.benchmark_group("file");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("decode_parse_render", |b| {
        b.iter(|| {
            let d = gongwen::decode::decode(black_box(bytes)).expect("decode");
            let p = gongwen::parse(&d.text, PATH, &lex);
            buf.clear();
            render(&p, Format::Jsonl, &mut buf).expect("render");
            buf.len()
        })
    });
    g.finish();
}

criterion_group!(benches, decode, parse, serialise, end_to_end);
criterion_main!(benches);
