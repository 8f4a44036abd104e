//! A debug count of the clustering's work per bucket (`SINEW_GROUP_STATS`): what the
//! candidate index offered against what joined, to tell which of its keys is too coarse.

use super::cluster::Cluster;
use super::probe::Probe;
use super::BucketKey;

/// A debug count of how hard one bucket's clustering worked, printed on stderr for buckets of
/// at least `SINEW_GROUP_STATS` claims: clusters the index offered against claims that joined
/// one, by the kind of claim (precise or vague, dated or not), the most offered to one claim,
/// the largest cluster and the time. Offered far above joined says which key is too coarse.
pub(super) struct Stats {
    claims: usize,
    started: std::time::Instant,
    /// Offered and joined, by [vague][dated].
    offered: [[usize; 2]; 2],
    joined: [[usize; 2]; 2],
    seen: [[usize; 2]; 2],
    most: usize,
}

impl Stats {
    /// The least bucket size to report, when `SINEW_GROUP_STATS` asks for a report.
    pub(super) fn wanted() -> Option<usize> {
        std::env::var("SINEW_GROUP_STATS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
    }

    pub(super) fn start(claims: usize) -> Stats {
        Stats {
            claims,
            started: std::time::Instant::now(),
            offered: [[0; 2]; 2],
            joined: [[0; 2]; 2],
            seen: [[0; 2]; 2],
            most: 0,
        }
    }

    pub(super) fn claim(&mut self, p: &Probe, offered: usize, joined: bool) {
        let (v, d) = (usize::from(p.vague), usize::from(p.when.dated()));
        self.seen[v][d] += 1;
        self.offered[v][d] += offered;
        self.joined[v][d] += usize::from(joined);
        self.most = self.most.max(offered);
    }

    pub(super) fn report(&self, least: usize, key: Option<&BucketKey>, open: &[Cluster]) {
        if self.claims < least {
            return;
        }
        let name = key.map_or_else(String::new, |k| {
            [&k.anchor, &k.dimension, &k.per]
                .map(|s| s.as_deref().unwrap_or("-"))
                .join("|")
        });
        let largest = open.iter().map(|c| c.members.len()).max().unwrap_or(0);
        let mut line = format!(
            "group-stats bucket={name:?} claims={} clusters={} largest={largest} most_offered={} ms={:.0}",
            self.claims,
            open.len(),
            self.most,
            self.started.elapsed().as_secs_f64() * 1e3,
        );
        for (v, vague) in ["precise", "vague"].iter().enumerate() {
            for (d, dated) in ["undated", "dated"].iter().enumerate() {
                if self.seen[v][d] > 0 {
                    line.push_str(&format!(
                        " {vague}/{dated}: claims={} offered={} joined={}",
                        self.seen[v][d], self.offered[v][d], self.joined[v][d]
                    ));
                }
            }
        }
        eprintln!("{line}");
    }
}
