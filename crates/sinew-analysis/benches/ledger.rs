//! Time of the figures ledger and the network over generated claims.
//!
//! Run with `cargo xtask bench-ledger [--claims N]` (or `cargo bench -p sinew-analysis --bench
//! ledger`, with `SINEW_BENCH_CLAIMS` for the count; 100,000 by default). The claims come from
//! the synthetic corpus (`synth`), as a perfect extractor would read them; each step is run
//! three times and the best time printed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use sinew_analysis::synth::{generate, SynthConfig};
use sinew_analysis::{build_ledger, build_network, SourceDoc};
use sinew_types::DocId;

/// Time spent on a CPU by this thread, when the system says (Linux): the bench shares its
/// machine, and CPU time does not count the waits for a core.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Runs `f` `runs` times; the result, and the best wall and CPU times.
fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (T, Duration, Option<Duration>) {
    let mut best = Duration::MAX;
    let mut best_cpu: Option<Duration> = None;
    let mut out = None;
    for _ in 0..runs {
        let cpu = cpu_time();
        let start = Instant::now();
        let r = black_box(f());
        best = best.min(start.elapsed());
        if let (Some(a), Some(b)) = (cpu, cpu_time()) {
            let used = b.saturating_sub(a);
            best_cpu = Some(best_cpu.map_or(used, |c: Duration| c.min(used)));
        }
        out = Some(r);
    }
    (out.expect("at least one run"), best, best_cpu)
}

fn secs(wall: Duration, cpu: Option<Duration>) -> String {
    match cpu {
        Some(c) => format!(
            "{:.3} s ({:.3} s of CPU)",
            wall.as_secs_f64(),
            c.as_secs_f64()
        ),
        None => format!("{:.3} s", wall.as_secs_f64()),
    }
}

fn main() {
    let wanted: usize = std::env::var("SINEW_BENCH_CLAIMS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(100_000);
    let started = Instant::now();
    // About five statements a document.
    let corpus = generate(&SynthConfig {
        seed: 2024,
        documents: wanted / 5 + wanted / 50 + 10,
        ..SynthConfig::default()
    });
    let ids: Vec<DocId> = (0..corpus.documents.len())
        .map(|d| DocId(format!("{d:016x}")))
        .collect();
    let docs: Vec<SourceDoc> = corpus.source_docs(&ids);
    let mut claims = corpus.claims(&ids);
    claims.truncate(wanted);
    eprintln!(
        "generated {} claims in {} documents ({} figures) in {:.2} s",
        claims.len(),
        corpus.documents.len(),
        corpus.figures.len(),
        started.elapsed().as_secs_f64()
    );

    let (groups, group_time, group_cpu) = best_of(3, || sinew_analysis::group_figures(&claims));
    eprintln!(
        "grouping alone: {} groups in {}",
        groups.len(),
        secs(group_time, group_cpu)
    );
    let (ledger, ledger_time, ledger_cpu) = best_of(3, || build_ledger(&claims, &docs));
    let conflicts = ledger
        .groups
        .iter()
        .filter(|g| g.verdict == sinew_analysis::Verdict::Conflict)
        .count();
    println!(
        "ledger: {} claims -> {} groups ({} conflicts) in {}",
        claims.len(),
        ledger.groups.len(),
        conflicts,
        secs(ledger_time, ledger_cpu)
    );
    let (network, graph_time, graph_cpu) = best_of(3, || build_network(&ledger, &claims, &[], &[]));
    println!(
        "graph: {} actors, {} flows, {} dependencies in {}",
        network.actors.len(),
        network.flows.len(),
        network.dependencies.len(),
        secs(graph_time, graph_cpu)
    );
    let (_, both_time, both_cpu) = best_of(3, || {
        let ledger = build_ledger(&claims, &docs);
        build_network(&ledger, &claims, &[], &[])
    });
    println!(
        "ledger and graph over {} claims: {}",
        claims.len(),
        secs(both_time, both_cpu)
    );
}
