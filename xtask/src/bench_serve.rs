//! `cargo xtask bench-serve [--docs N] [--conns C] [--secs S] [--sinew PATH] [--search-only]
//! [--reuse] [--db STORE]`: how fast does the workbench answer many analysts at once on a large store?
//!
//! The store is N generated articles (bench-store's, default 100,000, as the issue asks),
//! cached under `target/bench-serve/` with its search index beside it and reused while the
//! store's migrations and the index format are unchanged (`--reuse` takes the cached store of
//! that size as it is, whatever changed since, when `sinew status` still reads it; `--db STORE`
//! takes a store built elsewhere, with its index beside it, as it is, its size being what it
//! holds: give a copy when the analysis is pending and entity pages are loaded, since the
//! analysis runs in place). It is
//! built by one bulk `sinew ingest --defer-analysis`, which stores and indexes the articles
//! and leaves their analysis for later, since the pages read different parts of the store:
//! a search reads only the index; an entity page reads the entity list, the claims and
//! events about the entity, the index (its timeline) and the network folded from the
//! analysis (its flows and dependencies). So the analysis runs (`sinew alerts`, timed, in
//! place: the cached store keeps it) only when entity pages are loaded, and `--search-only`
//! measures searches on a store whose analysis is still pending. The release `sinew serve`
//! listens on a free loopback port (or `--sinew PATH`, e.g. an older build to compare with,
//! over the same cached store); C connections (default 200), each a thread with one keep-alive
//! HTTP/1.1 connection, send requests back to back for S seconds (default 30): entity pages
//! and their JSON twins for the generated articles' countries, and, when the server has a
//! search index open (`/api/status` says), search pages and `/api/search` over varied
//! queries (words, phrases, OR, exclusions, sentences, entity facets, date ranges, deep
//! pages). Those paths repeat, as an analyst's shared and revisited URLs do, so the server
//! may answer them from its caches; the row `search cold` is searches that never repeat (a
//! word of the articles over a date range and scope drawn afresh for each request, one in
//! eleven requests), so it shows what a search costs when nothing is cached, under the same
//! load. The load averages before and after are printed, since the figures mean little on a
//! machine busy with other work. Every request is timed from its first byte written to its
//! last byte read; p50, p99, the slowest and the errors (a status other than 200, or a broken
//! connection) are printed per kind. Traffic goes to 127.0.0.1 only, and the run stops by
//! itself.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::articles::{COUNTRIES, GOODS};

/// One keep-alive connection to the server.
struct Conn {
    reader: BufReader<TcpStream>,
}

impl Conn {
    fn open(addr: SocketAddr) -> std::io::Result<Conn> {
        Conn::open_waiting(addr, Duration::from_secs(30))
    }

    /// A connection whose reads give up after `wait` (the warm-up's first entity page folds
    /// the whole analysis, which takes longer than any timed request may).
    fn open_waiting(addr: SocketAddr, wait: Duration) -> std::io::Result<Conn> {
        let s = TcpStream::connect(addr)?;
        s.set_nodelay(true)?;
        s.set_read_timeout(Some(wait))?;
        Ok(Conn {
            reader: BufReader::new(s),
        })
    }

    /// Sends a GET and reads the whole response; the status code.
    fn get(&mut self, path: &str) -> std::io::Result<u16> {
        let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n");
        self.reader.get_mut().write_all(req.as_bytes())?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
        let mut length: Option<usize> = None;
        let mut chunked = false;
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let h = line.trim_end();
            if h.is_empty() {
                break;
            }
            let lower = h.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                length = v.trim().parse().ok();
            } else if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
                chunked = true;
            }
        }
        if chunked {
            loop {
                line.clear();
                self.reader.read_line(&mut line)?;
                let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                    .map_err(|_| std::io::Error::other("bad chunk size"))?;
                let mut skip = vec![0u8; size + 2];
                self.reader.read_exact(&mut skip)?;
                if size == 0 {
                    break;
                }
            }
        } else {
            let n = length.ok_or_else(|| std::io::Error::other("no content-length"))?;
            std::io::copy(&mut (&mut self.reader).take(n as u64), &mut std::io::sink())?;
        }
        Ok(status)
    }
}

/// What one kind of request measured.
#[derive(Default)]
struct Tally {
    micros: Vec<u64>,
    errors: u64,
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

/// Search queries as an analyst varies them (URL query strings): single words of the
/// generated articles (countries, goods, sources), phrases, OR, exclusions, sentence
/// scope, entity and country facets, date ranges and deep pages; each a different cost for
/// the index (match counts from a few hundred to most of the store, facet counts over every
/// match).
fn queries() -> Vec<String> {
    let enc = |s: &str| s.replace(' ', "+").replace('"', "%22");
    let mut q = Vec::new();
    for (i, c) in COUNTRIES.iter().take(12).enumerate() {
        let (goods, things) = GOODS[i % GOODS.len()];
        let other = COUNTRIES[(i * 7 + 3) % COUNTRIES.len()];
        q.push(format!("q={}", enc(c)));
        q.push(format!("q={}", enc(&format!("\"{goods}\""))));
        q.push(format!("q={}+{}", enc(c), enc(things)));
        q.push(format!("q={}+OR+{}", enc(c), enc(other)));
        q.push(format!("q={}+-{}", enc(things), enc(c)));
        q.push(format!("q={}&scope=sentences", enc(things)));
        q.push(format!("q=trade&entity={}", enc(c)));
        q.push(format!(
            "q=exported&from={}-01-01&to={}-12-31",
            2019 + i % 6,
            2019 + i % 6
        ));
        q.push(format!("q=billion&page={}", 1 + i * 5));
    }
    q.push("q=%22State+Department%22".to_string());
    q.push("q=customs+office".to_string());
    q
}

/// A search no other request of the run asks for: the `n`th of a sequence of words, scopes
/// and date ranges (a range starts on one of about 2,000 days and lasts one of 700 lengths,
/// so `n` up to millions gives distinct URLs), as an analyst narrowing by dates does.
fn cold_search(n: u64) -> String {
    let words = COUNTRIES.len() as u64 + GOODS.len() as u64;
    let w = (n % words) as usize;
    let word = match COUNTRIES.get(w) {
        Some(c) => c.replace(' ', "+"),
        None => GOODS[w - COUNTRIES.len()].1.to_string(),
    };
    let rest = n / words;
    let start = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default()
        + chrono::Days::new(rest % 2000);
    let end = start + chrono::Days::new(7 + (rest / 2000 * 7919 + n) % 700);
    let scope = if n.is_multiple_of(5) {
        "&scope=sentences"
    } else {
        ""
    };
    let route = if n.is_multiple_of(2) {
        "/api/search"
    } else {
        "/search"
    };
    format!("{route}?q={word}&from={start}&to={end}{scope}")
}

/// The machine's load averages (1, 5, 15 min), to print beside the figures.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_string())
}

/// Starts `sinew serve` on a free loopback port and waits until it answers.
fn start(sinew: &Path, db: &Path) -> Result<(Child, SocketAddr)> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let child = Command::new(sinew)
        .arg("--db")
        .arg(db)
        .args(["-q", "serve", "--addr", &addr.to_string()])
        .env_remove("SINEW_TOKEN")
        .stdout(Stdio::null())
        .spawn()
        .context("starting sinew serve")?;
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(mut c) = Conn::open(addr) {
            if c.get("/api/openapi.json").is_ok() {
                return Ok((child, addr));
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("sinew serve did not answer on {addr} within 60 s")
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut docs = 100_000usize;
    let mut conns = 200usize;
    let mut secs = 30u64;
    let mut given: Option<std::path::PathBuf> = None;
    let mut search_only = false;
    let mut reuse = false;
    let mut store: Option<std::path::PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut num = |what: &str| -> Result<usize> {
            it.next()
                .with_context(|| format!("{what} needs a number"))?
                .parse()
                .with_context(|| format!("{what}: not a number"))
        };
        match a.as_str() {
            "--docs" => docs = num("--docs")?,
            "--conns" => conns = num("--conns")?.max(1),
            "--secs" => secs = num("--secs")?.max(1) as u64,
            "--sinew" => given = Some(it.next().context("--sinew needs a path")?.into()),
            "--search-only" => search_only = true,
            "--reuse" => reuse = true,
            "--db" => store = Some(it.next().context("--db needs a path")?.into()),
            other => bail!("bench-serve: unknown argument {other:?}"),
        }
    }
    let sinew = match given {
        Some(path) => path,
        None => crate::release_sinew()?,
    };
    let dir = crate::target_dir().join("bench-serve");
    std::fs::create_dir_all(&dir)?;
    let kept = dir.join(format!("store-{docs}.db"));
    let db = if let Some(given) = store {
        if !given.is_file() {
            bail!("--db {}: no such store", given.display());
        }
        let (stored, _, _) = crate::bench_store::counts(&sinew, &given)?;
        docs = usize::try_from(stored)?;
        println!(
            "bench-serve: {} as it is (--db, {stored} documents)",
            given.display()
        );
        given
    } else if reuse && kept.exists() && crate::bench_store::index_of(&kept).exists() {
        println!("bench-serve: reusing {} as it is (--reuse)", kept.display());
        kept
    } else {
        // Grown from the largest smaller store cached here, when there is one.
        let mut smaller = None;
        for n in [50_000, 10_000, 1_000].into_iter().filter(|&n| n < docs) {
            if let Some(p) = crate::bench_store::cached(&dir, n)? {
                smaller = Some((n, p));
                break;
            }
        }
        crate::bench_store::store(
            &sinew,
            &dir,
            docs,
            smaller.as_ref().map(|(n, p)| (*n, p.as_path())),
            &["--defer-analysis"],
        )?
    };
    let (stored, indexed, pending) = crate::bench_store::counts(&sinew, &db)?;
    if stored != docs as u64 {
        bail!(
            "{} holds {stored} documents, not {docs}: remove it to rebuild",
            db.display()
        );
    }
    if indexed != Some(stored) {
        bail!(
            "the index beside {} holds {indexed:?} of its {stored} documents: run `sinew --db {} index`",
            db.display(),
            db.display()
        );
    }
    if !search_only && pending > 0 {
        println!(
            "bench-serve: analysing the {pending} documents whose analysis the store's build deferred (entity pages read it; --search-only skips this)..."
        );
        let m = crate::bench_store::measure(&sinew, &["--db", &db.to_string_lossy(), "alerts"])?;
        match m.peak_mb {
            Some(mb) => println!("  analysed in {:.1} s, peak RSS {mb:.0} MB", m.secs),
            None => println!("  analysed in {:.1} s", m.secs),
        }
    }
    println!("bench-serve: server {}", sinew.display());
    let (mut child, addr) = start(&sinew, &db)?;
    let result = load(addr, child.id(), conns, secs, docs, !search_only);
    // The server is this run's own child: stop it whatever the load did.
    let _ = child.kill();
    let _ = child.wait();
    result
}

/// CPU seconds (user + system) the process `pid` has used, when `/proc` says.
fn cpu_secs(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name (which may hold spaces), from the state on.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // The kernel's clock ticks per second (USER_HZ), 100 on Linux.
    Some(ticks / 100.0)
}

fn load(
    addr: SocketAddr,
    server: u32,
    conns: usize,
    secs: u64,
    docs: usize,
    entities: bool,
) -> Result<()> {
    let mut probe = Conn::open_waiting(addr, Duration::from_secs(1800))?;
    let indexed = {
        // The status's JSON is small; read it with a plain request to see the index.
        let mut s = TcpStream::connect(addr)?;
        s.write_all(b"GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")?;
        let mut body = String::new();
        s.read_to_string(&mut body)?;
        !body.contains("\"indexed\":null")
    };
    let mut paths: Vec<(&'static str, String)> = Vec::new();
    for c in COUNTRIES.iter().take(if entities { 12 } else { 0 }) {
        let name = c.replace(' ', "%20");
        paths.push(("entity page", format!("/entity/{name}")));
        paths.push(("entity json", format!("/api/entity/{name}")));
    }
    if indexed {
        for (i, q) in queries().iter().enumerate() {
            // Every other query as a page, so both routes see every kind of query.
            if i % 2 == 0 {
                paths.push(("search json", format!("/api/search?{q}")));
            } else {
                paths.push(("search page", format!("/search?{q}")));
            }
        }
        // One request in eleven a search never asked before (the path is made per request).
        let cold = paths.len() / 10;
        for _ in 0..cold {
            paths.push(("search cold", String::new()));
        }
        let n = paths.len();
        // Spread among the others rather than in a run of their own.
        for i in 0..cold {
            paths.swap(n - cold + i, i * 11 % (n - cold));
        }
    }
    // Warm-up: each path once, so the first folds of the store are not timed.
    let warm = Instant::now();
    for (_, p) in paths.iter().filter(|(_, p)| !p.is_empty()) {
        probe.get(p)?;
    }
    println!(
        "bench-serve: {docs} documents, {conns} connections, {secs} s, {} paths (warm-up {:.1} s){}",
        paths.len(),
        warm.elapsed().as_secs_f64(),
        if indexed { "" } else { "; no search index open: searches left out" }
    );
    if !entities {
        println!("entity pages left out (--search-only): the store's analysis may be pending");
    }
    if paths.is_empty() {
        bail!("nothing to load: no search index open and entity pages left out");
    }
    println!("load average before: {}", load_average());
    let kinds: Vec<&'static str> = {
        let mut k: Vec<&str> = paths.iter().map(|(k, _)| *k).collect();
        k.dedup();
        k.sort_unstable();
        k.dedup();
        k
    };
    let cpu_before = cpu_secs(server);
    let start = Instant::now();
    let deadline = start + Duration::from_secs(secs);
    let paths = std::sync::Arc::new(paths);
    let handles: Vec<_> = (0..conns)
        .map(|i| {
            let paths = std::sync::Arc::clone(&paths);
            std::thread::spawn(move || {
                let mut tallies: std::collections::HashMap<&'static str, Tally> =
                    std::collections::HashMap::new();
                let mut conn = Conn::open(addr).ok();
                let mut k = i;
                // Each connection's cold searches are its own stretch of the sequence.
                let mut cold = i as u64 * 1_000_003;
                while Instant::now() < deadline {
                    let (kind, fixed) = &paths[k % paths.len()];
                    k += 1;
                    let made;
                    let path = if fixed.is_empty() {
                        cold += 1;
                        made = cold_search(cold);
                        &made
                    } else {
                        fixed
                    };
                    let t = tallies.entry(kind).or_default();
                    let Some(c) = conn.as_mut() else {
                        t.errors += 1;
                        conn = Conn::open(addr).ok();
                        std::thread::sleep(Duration::from_millis(10));
                        continue;
                    };
                    let sent = Instant::now();
                    match c.get(path) {
                        Ok(200) => t.micros.push(sent.elapsed().as_micros() as u64),
                        Ok(_) => t.errors += 1,
                        Err(_) => {
                            t.errors += 1;
                            conn = Conn::open(addr).ok();
                        }
                    }
                }
                tallies
            })
        })
        .collect();
    let mut all: std::collections::HashMap<&'static str, Tally> = std::collections::HashMap::new();
    for h in handles {
        let part = h
            .join()
            .map_err(|_| anyhow::anyhow!("a load thread panicked"))?;
        for (k, t) in part {
            let a = all.entry(k).or_default();
            a.micros.extend(t.micros);
            a.errors += t.errors;
        }
    }
    let wall = start.elapsed().as_secs_f64();
    let cpu = cpu_before.zip(cpu_secs(server)).map(|(a, b)| b - a);
    println!(
        "{:<12} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7}",
        "", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors"
    );
    let mut total = Tally::default();
    for k in kinds {
        let mut t = all.remove(k).unwrap_or_default();
        t.micros.sort_unstable();
        println!(
            "{:<12} {:>9} {:>9.0} {:>9.1} {:>9.1} {:>9.1} {:>7}",
            k,
            t.micros.len(),
            t.micros.len() as f64 / wall,
            percentile(&t.micros, 0.50),
            percentile(&t.micros, 0.99),
            percentile(&t.micros, 1.0),
            t.errors
        );
        total.micros.extend(t.micros);
        total.errors += t.errors;
    }
    total.micros.sort_unstable();
    let all_line = format!(
        "{:<12} {:>9} {:>9.0} {:>9.1} {:>9.1} {:>9.1} {:>7}",
        "all",
        total.micros.len(),
        total.micros.len() as f64 / wall,
        percentile(&total.micros, 0.50),
        percentile(&total.micros, 0.99),
        percentile(&total.micros, 1.0),
        total.errors
    );
    println!("{all_line}");
    if let Some(cpu) = cpu {
        println!(
            "server CPU: {cpu:.1} s over {wall:.1} s ({:.2} cores), {:.2} ms a request",
            cpu / wall,
            cpu * 1000.0 / (total.micros.len() as f64).max(1.0)
        );
    }
    println!("load average after: {}", load_average());
    Ok(())
}
