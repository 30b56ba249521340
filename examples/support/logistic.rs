//! L2-regularised logistic regression by Newton's method, and ROC AUC: the
//! fitting tool's arithmetic, small enough to read.

#![allow(dead_code)]

pub struct Fit {
    pub weights: Vec<f64>,
    pub intercept: f64,
}

impl Fit {
    pub fn probability(&self, x: &[f64]) -> f64 {
        let z = self.intercept + x.iter().zip(&self.weights).map(|(a, w)| a * w).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// Sample weights that give every data set equal total weight, and its
/// positives and negatives equal weight within it, so a large set does not
/// drown a small one and rare positives still count. `set` names each
/// row's data set.
pub fn balance(set: &[usize], y: &[bool]) -> Vec<f64> {
    let sets = set.iter().max().map_or(0, |m| m + 1);
    let mut counts = vec![[0usize; 2]; sets];
    for (&s, &l) in set.iter().zip(y) {
        counts[s][usize::from(l)] += 1;
    }
    let per_set = y.len() as f64 / sets.max(1) as f64;
    set.iter()
        .zip(y)
        .map(|(&s, &l)| per_set / 2.0 / counts[s][usize::from(l)].max(1) as f64)
        .collect()
}

/// Fit weights and intercept; `sample` weighs each row. The inputs are
/// standardised for the fit (mean 0, standard deviation 1 over the rows)
/// and the weights mapped back to the raw inputs: the L2 penalty then
/// weighs every input alike, where on raw inputs it held back those on a
/// small scale (a Jaccard near 0.1) far more than those on a large one (a
/// logarithm of a count near 3), for no reason but their units.
pub fn fit(x: &[Vec<f64>], y: &[bool], sample: &[f64]) -> Fit {
    let inputs = x.first().map_or(0, Vec::len);
    let total: f64 = sample.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let mean: Vec<f64> = (0..inputs)
        .map(|a| x.iter().zip(sample).map(|(r, w)| w * r[a]).sum::<f64>() / total)
        .collect();
    let sd: Vec<f64> = (0..inputs)
        .map(|a| {
            let var = x
                .iter()
                .zip(sample)
                .map(|(r, w)| w * (r[a] - mean[a]).powi(2))
                .sum::<f64>()
                / total;
            if var > 1e-12 { var.sqrt() } else { 1.0 }
        })
        .collect();
    let z: Vec<Vec<f64>> = x
        .iter()
        .map(|r| (0..inputs).map(|a| (r[a] - mean[a]) / sd[a]).collect())
        .collect();
    let scaled = fit_raw(&z, y, sample);
    let weights: Vec<f64> = scaled.weights.iter().zip(&sd).map(|(w, s)| w / s).collect();
    let intercept = scaled.intercept - weights.iter().zip(&mean).map(|(w, m)| w * m).sum::<f64>();
    Fit { weights, intercept }
}

/// [`fit`] on the inputs as given.
fn fit_raw(x: &[Vec<f64>], y: &[bool], sample: &[f64]) -> Fit {
    let d = x.first().map_or(0, Vec::len) + 1;
    let lambda = 1.0;
    let mut beta = vec![0.0; d];
    let row = |k: usize| std::iter::once(1.0).chain(x[k].iter().copied());
    for _ in 0..30 {
        let mut grad = vec![0.0; d];
        let mut hess = vec![vec![0.0; d]; d];
        for k in 0..x.len() {
            let z: f64 = row(k).zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let t = if y[k] { 1.0 } else { 0.0 };
            let w = sample[k];
            let xs: Vec<f64> = row(k).collect();
            for a in 0..d {
                grad[a] += w * (p - t) * xs[a];
                for b in 0..d {
                    hess[a][b] += w * p * (1.0 - p) * xs[a] * xs[b];
                }
            }
        }
        for a in 1..d {
            grad[a] += lambda * beta[a];
            hess[a][a] += lambda;
        }
        let step = solve(hess, grad);
        let mut change = 0.0f64;
        for a in 0..d {
            beta[a] -= step[a];
            change = change.max(step[a].abs());
        }
        if change < 1e-8 {
            break;
        }
    }
    Fit {
        intercept: beta[0],
        weights: beta[1..].to_vec(),
    }
}

/// Solve A s = b by Gaussian elimination with partial pivoting.
#[allow(clippy::needless_range_loop)] // rows and columns by index, as written on paper
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for c in 0..n {
        let p = (c..n)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap();
        a.swap(c, p);
        b.swap(c, p);
        if a[c][c].abs() < 1e-12 {
            continue;
        }
        for r in c + 1..n {
            let f = a[r][c] / a[c][c];
            for k in c..n {
                a[r][k] -= f * a[c][k];
            }
            b[r] -= f * b[c];
        }
    }
    let mut s = vec![0.0; n];
    for r in (0..n).rev() {
        let sum: f64 = (r + 1..n).map(|k| a[r][k] * s[k]).sum();
        s[r] = if a[r][r].abs() < 1e-12 {
            0.0
        } else {
            (b[r] - sum) / a[r][r]
        };
    }
    s
}

/// ROC AUC: the chance a random positive scores above a random negative
/// (ties count half).
pub fn auc(scores: &[f64], labels: &[bool]) -> f64 {
    let mut v: Vec<(f64, bool)> = scores.iter().copied().zip(labels.iter().copied()).collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut rank_sum, mut k) = (0.0, 0);
    while k < v.len() {
        let mut e = k;
        while e < v.len() && v[e].0 == v[k].0 {
            e += 1;
        }
        let mid = (k + e + 1) as f64 / 2.0;
        rank_sum += mid * v[k..e].iter().filter(|p| p.1).count() as f64;
        k = e;
    }
    let pos = labels.iter().filter(|&&l| l).count() as f64;
    let neg = labels.len() as f64 - pos;
    if pos == 0.0 || neg == 0.0 {
        return 0.5;
    }
    (rank_sum - pos * (pos + 1.0) / 2.0) / (pos * neg)
}
