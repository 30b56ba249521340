//! Gradient-boosted depth-2 trees under log loss: a small non-linear model
//! for when one data set's evidence weighs differently by regime (sentence
//! pairs that share most words vs paragraphs that share a few).

#![allow(dead_code)]

use super::tree::{Tree, probability_of};

pub struct Model {
    pub base: f64,
    pub trees: Vec<Tree>,
}

impl Model {
    pub fn probability(&self, x: &[f64]) -> f64 {
        probability_of(x, &self.trees, self.base)
    }
}

/// Log-loss gradient and hessian of every row at log-odds `base + z`.
fn gradients(z: &[f64], y: &[bool], w: &[f64], base: f64) -> (Vec<f64>, Vec<f64>) {
    let (mut g, mut h) = (vec![0.0; z.len()], vec![0.0; z.len()]);
    for k in 0..z.len() {
        let p = 1.0 / (1.0 + (-(base + z[k])).exp());
        g[k] = w[k] * (p - if y[k] { 1.0 } else { 0.0 });
        h[k] = w[k] * p * (1.0 - p);
    }
    (g, h)
}

/// Candidate thresholds per feature: up to 16 quantiles.
fn cuts(x: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let d = x.first().map_or(0, Vec::len);
    (0..d)
        .map(|f| {
            let mut v: Vec<f64> = x.iter().map(|r| r[f]).collect();
            v.sort_by(f64::total_cmp);
            let mut c: Vec<f64> = (1..16).map(|q| v[q * (v.len() - 1) / 16]).collect();
            c.dedup();
            c
        })
        .collect()
}

/// Best split of `rows` by gradient/hessian sums: (feature, threshold, gain).
fn best_split(
    x: &[Vec<f64>],
    g: &[f64],
    h: &[f64],
    rows: &[usize],
    cuts: &[Vec<f64>],
) -> (usize, f64) {
    let (gs, hs): (f64, f64) = rows
        .iter()
        .fold((0.0, 0.0), |a, &k| (a.0 + g[k], a.1 + h[k]));
    let score = |g: f64, h: f64| g * g / (h + 1.0);
    let mut best = (0, f64::INFINITY, f64::NEG_INFINITY);
    for (f, cs) in cuts.iter().enumerate() {
        for &t in cs {
            let (mut gl, mut hl) = (0.0, 0.0);
            for &k in rows {
                if x[k][f] <= t {
                    gl += g[k];
                    hl += h[k];
                }
            }
            let gain = score(gl, hl) + score(gs - gl, hs - hl) - score(gs, hs);
            if gain > best.2 {
                best = (f, t, gain);
            }
        }
    }
    (best.0, best.1)
}

fn leaf(g: &[f64], h: &[f64], rows: impl Iterator<Item = usize>) -> f64 {
    let (gs, hs) = rows.fold((0.0, 0.0), |a, k| (a.0 + g[k], a.1 + h[k]));
    -gs / (hs + 1.0)
}

pub fn fit(x: &[Vec<f64>], y: &[bool], w: &[f64], rounds: usize, rate: f64) -> Model {
    let cuts = cuts(x);
    let mut z = vec![0.0; x.len()];
    let mut model = Model {
        base: 0.0,
        trees: Vec::new(),
    };
    let all: Vec<usize> = (0..x.len()).collect();
    for _ in 0..rounds {
        let (g, h) = gradients(&z, y, w, model.base);
        let root = best_split(x, &g, &h, &all, &cuts);
        let (lo, hi): (Vec<usize>, Vec<usize>) = all.iter().partition(|&&k| x[k][root.0] <= root.1);
        let low = best_split(x, &g, &h, &lo, &cuts);
        let high = best_split(x, &g, &h, &hi, &cuts);
        let mut leaves = [0.0; 4];
        leaves[0] = leaf(&g, &h, lo.iter().copied().filter(|&k| x[k][low.0] <= low.1));
        leaves[1] = leaf(&g, &h, lo.iter().copied().filter(|&k| x[k][low.0] > low.1));
        leaves[2] = leaf(
            &g,
            &h,
            hi.iter().copied().filter(|&k| x[k][high.0] <= high.1),
        );
        leaves[3] = leaf(
            &g,
            &h,
            hi.iter().copied().filter(|&k| x[k][high.0] > high.1),
        );
        for l in &mut leaves {
            *l *= rate;
        }
        let tree = Tree {
            root,
            low,
            high,
            leaves,
        };
        for k in 0..x.len() {
            z[k] += tree.value(&x[k]);
        }
        model.trees.push(tree);
    }
    model
}

/// How each input may move the probability: +1 only up, -1 only down, 0
/// either way.
pub type Monotone = [i8];

/// Boosted stumps (one split each) under log loss, each stump's two leaves
/// ordered as `monotone` says for its feature. A sum of such stumps is a
/// sum of one step function per input, each rising (or falling) only: more
/// evidence never lowers the probability.
pub fn fit_monotone(
    x: &[Vec<f64>],
    y: &[bool],
    w: &[f64],
    rounds: usize,
    rate: f64,
    monotone: &Monotone,
) -> Model {
    let cuts = cuts(x);
    let mut z = vec![0.0; x.len()];
    let mut model = Model {
        base: 0.0,
        trees: Vec::new(),
    };
    for _ in 0..rounds {
        let (g, h) = gradients(&z, y, w, model.base);
        let (gs, hs): (f64, f64) = (g.iter().sum(), h.iter().sum());
        let score = |g: f64, h: f64| g * g / (h + 1.0);
        let mut best: Option<(usize, f64, f64, f64, f64)> = None;
        for (f, cs) in cuts.iter().enumerate() {
            for &t in cs {
                let (mut gl, mut hl) = (0.0, 0.0);
                for k in 0..x.len() {
                    if x[k][f] <= t {
                        gl += g[k];
                        hl += h[k];
                    }
                }
                let (low, high) = (-gl / (hl + 1.0), -(gs - gl) / (hs - hl + 1.0));
                let allowed = match monotone.get(f).copied().unwrap_or(0) {
                    1 => low <= high,
                    -1 => low >= high,
                    _ => true,
                };
                let gain = score(gl, hl) + score(gs - gl, hs - hl) - score(gs, hs);
                if allowed && best.is_none_or(|b| gain > b.2) {
                    best = Some((f, t, gain, low, high));
                }
            }
        }
        let Some((f, t, _, low, high)) = best else {
            break;
        };
        let never = (f, f64::MAX);
        let tree = Tree {
            root: (f, t),
            low: never,
            high: never,
            leaves: [low * rate, low * rate, high * rate, high * rate],
        };
        for k in 0..x.len() {
            z[k] += tree.value(&x[k]);
        }
        model.trees.push(tree);
    }
    model
}
