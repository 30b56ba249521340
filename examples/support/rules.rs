//! Pairing rules compared on the same scores (`align_eval --rules`): each
//! rule picks block pairs with a score; precision and recall against the
//! gold are read off the ranking, so each rule's best recall at a given
//! precision can be compared without guessing its threshold.

use super::gold::Gold;
use parallax::analysis::align::PairScores;
use std::collections::BTreeSet;

/// Probability and cosine of every pair that may pair (0 elsewhere).
struct Matrix {
    p: Vec<Vec<f64>>,
    c: Vec<Vec<f64>>,
}

impl Matrix {
    fn of(s: &PairScores) -> Matrix {
        let (n, m) = (s.left_len(), s.right_len());
        let mut p = vec![vec![0.0; m]; n];
        let mut c = vec![vec![0.0; m]; n];
        for i in 0..n {
            for j in 0..m {
                if s.can_pair(i, j) {
                    p[i][j] = s.probability(i, j);
                    c[i][j] = s.evidence.signals(i, j).cosine;
                }
            }
        }
        Matrix { p, c }
    }
}

type Ranked = Vec<(f64, usize, usize)>;

/// Greedy one-to-one by `score`, keeping each pair's score.
fn greedy(score: &[Vec<f64>]) -> Ranked {
    let mut all: Ranked = Vec::new();
    for (i, row) in score.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            if v > 0.0 {
                all.push((v, i, j));
            }
        }
    }
    all.sort_by(|a, b| b.0.total_cmp(&a.0));
    let n = score.len();
    let m = score.first().map_or(0, Vec::len);
    let (mut lf, mut rf) = (vec![true; n], vec![true; m]);
    all.into_iter()
        .filter(|&(_, i, j)| {
            let ok = lf[i] && rf[j];
            if ok {
                lf[i] = false;
                rf[j] = false;
            }
            ok
        })
        .collect()
}

fn best_in_row(score: &[Vec<f64>], i: usize) -> Option<usize> {
    (0..score[i].len())
        .filter(|&j| score[i][j] > 0.0)
        .max_by(|&a, &b| score[i][a].total_cmp(&score[i][b]))
}

fn best_in_col(score: &[Vec<f64>], j: usize) -> Option<usize> {
    (0..score.len())
        .filter(|&i| score[i][j] > 0.0)
        .max_by(|&a, &b| score[a][j].total_cmp(&score[b][j]))
}

/// Pairs that are each other's best (`both`) or either's best.
fn best_of(score: &[Vec<f64>], rank: &[Vec<f64>], both: bool) -> Ranked {
    let mut out = Vec::new();
    for i in 0..score.len() {
        for j in 0..score[i].len() {
            if score[i][j] <= 0.0 {
                continue;
            }
            let a = best_in_row(score, i) == Some(j);
            let b = best_in_col(score, j) == Some(i);
            if (both && a && b) || (!both && (a || b)) {
                out.push((rank[i][j], i, j));
            }
        }
    }
    out
}

/// The mean of the `k` highest values (zeros included).
fn top_mean(values: impl Iterator<Item = f64>, k: usize) -> f64 {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(|a, b| b.total_cmp(a));
    v.resize(k.max(v.len()), 0.0);
    v[..k].iter().sum::<f64>() / k as f64
}

/// Ratio margin: a pair's score over the mean of each side's k best.
fn margin(score: &[Vec<f64>], k: usize) -> Vec<Vec<f64>> {
    let n = score.len();
    let m = score.first().map_or(0, Vec::len);
    let rows: Vec<f64> = (0..n)
        .map(|i| top_mean(score[i].iter().copied(), k))
        .collect();
    let cols: Vec<f64> = (0..m)
        .map(|j| top_mean((0..n).map(|i| score[i][j]), k))
        .collect();
    (0..n)
        .map(|i| {
            (0..m)
                .map(|j| {
                    let d = (rows[i] + cols[j]) / 2.0;
                    if score[i][j] > 0.0 && d > 0.0 {
                        score[i][j] / d
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect()
}

fn product(a: &[Vec<f64>], b: &[Vec<f64>]) -> Vec<Vec<f64>> {
    a.iter()
        .zip(b)
        .map(|(x, y)| x.iter().zip(y).map(|(u, v)| (u * v).sqrt()).collect())
        .collect()
}

/// Print, per rule, the best recall reached at each precision level.
pub fn compare(cases: &[(Gold, PairScores)]) {
    let levels = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
    let gold_total: usize = cases.iter().map(|(g, _)| g.set(false).len()).sum();
    let mats: Vec<Matrix> = cases.iter().map(|(_, s)| Matrix::of(s)).collect();
    type Rule = (&'static str, fn(&Matrix) -> Ranked);
    let rules: [Rule; 10] = [
        ("greedy P", |m| greedy(&m.p)),
        ("greedy cos", |m| greedy(&m.c)),
        ("greedy sqrt(P*cos)", |m| greedy(&product(&m.p, &m.c))),
        ("mutual P", |m| best_of(&m.p, &m.p, true)),
        ("mutual cos, by P", |m| best_of(&m.c, &m.p, true)),
        ("either best P", |m| best_of(&m.p, &m.p, false)),
        ("greedy margin P k3", |m| greedy(&margin(&m.p, 3))),
        ("greedy margin cos k3", |m| greedy(&margin(&m.c, 3))),
        ("mutual margin cos k3", |m| {
            let g = margin(&m.c, 3);
            best_of(&g, &g, true)
        }),
        ("either margin cos k3", |m| {
            let g = margin(&m.c, 3);
            best_of(&g, &g, false)
        }),
    ];
    println!(
        "\nrule                      {}",
        levels.map(|l| format!("R@P{l:.1}")).join("  ")
    );
    for (name, rule) in rules {
        let mut ranked: Vec<(f64, bool)> = Vec::new();
        for ((g, _), m) in cases.iter().zip(&mats) {
            let gold: BTreeSet<(usize, usize)> = g.set(false);
            for (v, i, j) in rule(m) {
                ranked.push((v, gold.contains(&(i, j))));
            }
        }
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut best = [0.0f64; 6];
        let mut correct = 0usize;
        for (k, (_, ok)) in ranked.iter().enumerate() {
            correct += usize::from(*ok);
            let p = correct as f64 / (k + 1) as f64;
            let r = correct as f64 / gold_total as f64;
            for (l, b) in levels.iter().zip(best.iter_mut()) {
                if p >= *l && r > *b {
                    *b = r;
                }
            }
        }
        println!("{name:24}  {}", best.map(|b| format!("{b:7.3}")).join("  "));
    }
}
