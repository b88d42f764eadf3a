//! Time per file grows linearly with its length: `parse` on 25k to 400k
//! lines of plain prose, of `一、` marker lines with no title above them,
//! of the same marker lines under a document's title, and on one line of
//! as many cited titles and numbers (a table of documents exported without
//! line breaks), of lines that each read as a table's header with no row
//! under any, and of one line of as many labelled values (责任单位：…　责任单位：…),
//! doubling each step. Prints the best of three runs per size and the ratio to the size
//! before (2.0 is linear; a quadratic pass shows as 4).
//!
//! ```sh
//! cargo bench --bench linear
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use gongwen::Lexicon;

const SIZES: [usize; 5] = [25_000, 50_000, 100_000, 200_000, 400_000];

fn prose(n: usize) -> String {
    const S: [&str; 4] = [
        "今天天气很好，我们去公园散步",
        "会议听取了有关情况的汇报，研究了下一步工作",
        "It was a bright cold day in April, and the clocks were striking",
        "各部门要高度重视，认真组织实施，确保取得实效",
    ];
    let mut t = String::with_capacity(n * 60);
    for i in 0..n {
        t.push_str(S[i % S.len()]);
        t.push_str(&format!("（第{i}段）。\n"));
    }
    t
}

/// One line of `n` cited titles with their numbers, parted by 、.
fn cited(n: usize, _: &str) -> String {
    let mut t = String::with_capacity(n * 60);
    for i in 0..n {
        if i > 0 {
            t.push('、');
        }
        t.push_str(&format!("《关于某某工作{i}的通知》（某政发〔2021〕{i}号）"));
    }
    t.push('\n');
    t
}

/// `n` lines each reading as a table's header (任务⇥具体措施⇥…) and no row
/// under any: a table is looked for at each, and none may read all the rest.
fn headers(n: usize, head: &str) -> String {
    let mut t = String::with_capacity(n * 30 + head.len());
    t.push_str(head);
    for i in 0..n {
        t.push_str(&format!("任务\t具体措施\t第{i}项\n"));
    }
    t
}

/// One line of `n` labelled values under `head`, a label after each value
/// (a task's line exported with its repeats run together).
fn labels(n: usize, head: &str) -> String {
    let mut t = String::with_capacity(n * 40 + head.len());
    t.push_str(head);
    t.push_str("　　");
    for _ in 0..n {
        t.push_str("责任单位：县发改局、住建局　　");
    }
    t.push('\n');
    t
}

fn markers(n: usize, head: &str) -> String {
    const D: [&str; 9] = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let mut t = String::with_capacity(n * 40 + head.len());
    t.push_str(head);
    for i in 0..n {
        t.push_str(&format!("{}、加强组织领导{i}\n", D[i % D.len()]));
    }
    t
}

/// One line of `n` numbered items run in after each other under `head`
/// (（1）推进…；（2）推进…； a list exported with its line ends lost).
fn run_in(n: usize, head: &str) -> String {
    let mut t = String::with_capacity(n * 40 + head.len());
    t.push_str(head);
    for i in 1..=n {
        t.push_str(&format!("（{i}）推进某某工作落实；"));
    }
    t.push('\n');
    t
}

/// One item's sentence run on over `n` lines under `head`, each line ending
/// inside a phrase and the next opening with what only goes on one (的…):
/// the paragraph so far is asked whether its sentence is still open.
fn sentence(n: usize, head: &str) -> String {
    let mut t = String::with_capacity(n * 40 + head.len());
    t.push_str(head);
    t.push_str("一、加强管理，根据规定落实\n");
    for _ in 0..n {
        t.push_str("的工作要求落实相关单位\n");
    }
    t
}

/// `n` lines holding a colon alone under a heading, after a list of
/// addressees: the clause's text grows with no stop, and is asked at each
/// line whether it ends inside a bracket.
fn colons(n: usize, head: &str) -> String {
    let mut t = String::with_capacity(n * 4 + head.len());
    t.push_str(head);
    t.push_str("各县（区）人民政府，市直有关单位：\n一、压实防汛责任\n");
    for _ in 0..n {
        t.push_str("：\n");
    }
    t
}

/// A labelled line of a table flattened to text, its label and value then
/// `n` more cells parted by tabs, none a label: each gap is asked whether
/// the next cell opens with a label.
fn cells(n: usize, head: &str) -> String {
    let mut t = String::with_capacity(n * 20 + head.len());
    t.push_str(head);
    t.push_str(
        "一、压实责任
牵头单位\t市发展改革委",
    );
    for _ in 0..n {
        t.push_str("\t责任心强的人");
    }
    t.push('\n');
    t
}

/// `n` lines each an organ's name and nothing else, no title anywhere: each
/// is asked whether it heads a masthead stacked over 文件.
/// A deadline's value, then `n` lines of a numeral alone, each of which a
/// deadline may be written with (2022年至2025年 / 一 / 一 …).
fn deadline_tail(n: usize, head: &str) -> String {
    let mut t = head.to_owned();
    t.push_str("完成时限：2022年至2025年\n");
    t.push_str(&"一\n".repeat(n));
    t
}

/// A bar table with a deadline column, then `n` lines of a 、 alone.
fn table_tail(n: usize, head: &str) -> String {
    let mut t = head.to_owned();
    t.push_str("序号|村庄名称|所在乡镇|完成时限\n1|某村|某镇|2022年10月底前\n");
    t.push_str(&"、\n".repeat(n));
    t
}

/// A title's line, then `n` zero width spaces on one line: a run the fold
/// drops.
fn invisible(n: usize, head: &str) -> String {
    let mut t = head.to_owned();
    t.push_str(&"\u{200b}".repeat(n));
    t.push('\n');
    t
}

fn organs(n: usize, _head: &str) -> String {
    "某县人民政府\n".repeat(n)
}

/// CPU time of the process: less disturbed than wall-clock time by other
/// work on the machine.
fn cpu_now() -> Duration {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: clock_gettime writes one timespec we own.
        if unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0 {
            return Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32);
        }
    }
    START.elapsed()
}

static START: std::sync::LazyLock<Instant> = std::sync::LazyLock::new(Instant::now);

/// Freed memory stays in the process, so the repeated runs measure the
/// parse, not the kernel handing out fresh pages for each large buffer.
fn keep_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; called before any
    // other thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 30);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 30);
    }
}

/// Best of `ROUNDS` per size, the sizes measured in turn each round so a
/// burst of other work hits all sizes alike; largest first, so every run
/// finds the heap already grown to what it needs.
fn measure(texts: &[String], lex: &Lexicon) -> Vec<Duration> {
    const ROUNDS: usize = 7;
    let mut best = vec![Duration::MAX; texts.len()];
    for _ in 0..ROUNDS {
        for (text, b) in texts.iter().zip(best.iter_mut()).rev() {
            let started = cpu_now();
            black_box(gongwen::parse(black_box(text), "bench.txt", lex));
            *b = (*b).min(cpu_now().saturating_sub(started));
        }
    }
    best
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not run this.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    keep_memory();
    let lex = Lexicon::builtin();
    // `linear -- prose 100000` (or `markers`, `cited`, `headers`, `labels`, `run-in`, `sentence`): one parse of one
    // size (for `perf stat`).
    let head = "关于印发某某工作方案的通知\n石政发〔2020〕1号\n各县区人民政府，市直各部门：\n";
    let args: Vec<String> = std::env::args().collect();
    if let [_, series, n] = args.as_slice() {
        let n: usize = n.parse().unwrap_or(25_000);
        let text = match series.as_str() {
            "prose" => prose(n),
            "cited" => cited(n, ""),
            "headers" => headers(n, ""),
            "labels" => labels(n, head),
            "run-in" => run_in(n, head),
            "sentence" => sentence(n, head),
            _ => markers(n, ""),
        };
        black_box(gongwen::parse(&text, "bench.txt", &lex));
        return;
    }
    // (name, the body of n lines or items, the head above it, what n counts)
    type Series = (
        &'static str,
        fn(usize, &str) -> String,
        &'static str,
        &'static str,
    );
    let series: [Series; 14] = [
        ("prose", |n, _| prose(n), "", "lines"),
        ("markers, no title", markers, "", "lines"),
        ("markers under a title", markers, head, "lines"),
        ("cited numbers on one line", cited, "", "cited"),
        ("table headers, no row", headers, head, "lines"),
        ("labels on one line", labels, head, "labels"),
        ("numbered items run in on one line", run_in, head, "items"),
        ("a sentence over its lines", sentence, head, "lines"),
        ("colons alone under a heading", colons, "", "lines"),
        ("organs' names, no title", organs, "", "lines"),
        ("cells of a flattened row", cells, head, "cells"),
        ("numerals under a deadline", deadline_tail, head, "lines"),
        ("marks under a table's deadline", table_tail, head, "lines"),
        ("zero width spaces in a run", invisible, head, "characters"),
    ];
    // One worker thread: the CPU time is the work, not the spread of it.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    let mut worst: f64 = 0.0;
    for (name, make, head, unit) in series {
        println!("{name} (CPU time, best of 7):");
        let texts: Vec<String> = SIZES.iter().map(|&n| make(n, head)).collect();
        let times = pool.install(|| measure(&texts, &lex));
        for (k, (n, took)) in SIZES.iter().zip(&times).enumerate() {
            let ms = took.as_secs_f64() * 1e3;
            match k
                .checked_sub(1)
                .map(|p| took.as_secs_f64() / times[p].as_secs_f64())
            {
                Some(r) => {
                    worst = worst.max(r);
                    println!("  {n:>7} {unit}  {ms:>8.1} ms  x{r:.2}");
                }
                None => println!("  {n:>7} {unit}  {ms:>8.1} ms"),
            }
        }
    }
    println!("largest ratio per doubling: {worst:.2} (linear: 2.0)");
}
