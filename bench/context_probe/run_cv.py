"""Baseline (existing inputs, refitted) vs baseline + neighbour context,
under whole-file cross-validation. Reads the candidates `dump_candidates`
wrote (PAIRS, default pairs.tsv), writes its predictions beside them
(preds_MODE.pkl) and prints the tables.

Folds:
  devcv   : each dev/dev2 file left out, fitted on the other 14 real files
  test    : fitted on all 15 dev+dev2 files, scored on the 3 test files
  builtin : fitted on the 15 real files only, scored on the 5 built-in files
  builtinL: each built-in file left out, fitted on 15 real + other 4 built-in
Context features of training rows come from out-of-fold base probabilities
(each training file scored by a base model fitted without it, nested inside
the outer fold); those of scored rows from the base model of the outer fold.
"""
import sys, pickle, itertools
from ctxlib import *

MODE = sys.argv[1] if len(sys.argv) > 1 else "role"
files = load()
keys = sorted(files)
REAL = [k for k in keys if k[0] in ("dev", "dev2")]
TEST = [k for k in keys if k[0] == "test"]
BUILT = [k for k in keys if k[0] == "built-in"]

_cache = {}
def base_fit(train):
    key = frozenset(train)
    if key not in _cache:
        X = np.vstack([files[k].X for k in train]); y = np.concatenate([files[k].y for k in train])
        _cache[key] = Model(X, y)
    return _cache[key]

def base_pred(train, k):
    F = files[k]
    return apply_floor(F, base_fit(train).predict(F.X))

SUBSETS = {"base": []}
SUBSETS["all"] = list(range(len(CTX_NAMES)))
for n, name in enumerate(CTX_NAMES):
    SUBSETS["+" + name] = [n]
SUBSETS["diag_only3"] = [0, 2, 3]          # diag1, diag2, diag_both
SUBSETS["ranks"] = [6, 7]
SUBSETS["all-ranks"] = [0, 1, 2, 3, 4, 5]

def fold(train, scored):
    # out-of-fold base probabilities for the training files
    ctx_tr = {}
    for t in train:
        rest = [u for u in train if u != t]
        ctx_tr[t] = context(files[t], base_pred(rest, t), MODE)
    out = {}
    pb = {k: base_pred(train, k) for k in scored}
    ctx_sc = {k: context(files[k], pb[k], MODE) for k in scored}
    Xtr = np.vstack([files[t].X for t in train]); ytr = np.concatenate([files[t].y for t in train])
    Ctr = np.vstack([ctx_tr[t] for t in train])
    for name, cols in SUBSETS.items():
        if not cols:
            for k in scored:
                out[(name, k)] = pb[k]
            continue
        m = Model(np.hstack([Xtr, Ctr[:, cols]]), ytr)
        for k in scored:
            F = files[k]
            out[(name, k)] = apply_floor(F, m.predict(np.hstack([F.X, ctx_sc[k][:, cols]])))
        if name == "all":
            out[("coef", tuple(scored))] = m.lr.coef_[0][-len(cols):].copy()
    return out

preds = {}
coefs = {}
def merge(o):
    for k, v in o.items():
        if k[0] == "coef":
            coefs[k[1]] = v
        else:
            preds[k] = v

for k in REAL:
    merge(fold([u for u in REAL if u != k], [k]))
    print("fold", k, file=sys.stderr)
merge(fold(REAL, TEST + BUILT))
pred_builtin_realonly = {k: {n: preds[(n, k)] for n in SUBSETS} for k in BUILT}
predsL = {}
for k in BUILT:
    o = fold(REAL + [u for u in BUILT if u != k], [k])
    for kk, v in o.items():
        if kk[0] != "coef":
            predsL[kk] = v
    print("fold", k, file=sys.stderr)

pickle.dump(dict(preds=preds, predsL=predsL, coefs=coefs, subsets=SUBSETS),
            open(f"preds_{MODE}.pkl", "wb"))

def table(name_sets):
    print(f"{'set':10} {'model':14} {'AUC':>6} {'AP':>6} {'R@P.8':>6} {'(n)':>4} {'R@P.9':>6} {'(n)':>4}  @0.35 made/P/R")
    for label, ks, src in name_sets:
        fs = [files[k] for k in ks]
        for name in SUBSETS:
            probs = [src[(name, k)] for k in ks]
            s = summary(fs, probs)
            q = at_threshold(s["pts"], 0.35, fs)
            q = q or (0.35, 0, 0, 1.0, 0.0)
            print(f"{label:10} {name:14} {s['auc']:.3f}  {s['ap']:.3f}  {s['r80']:.3f} {s['n80']:4d}  {s['r90']:.3f} {s['n90']:4d}  {q[1]:3d}/{q[3]:.3f}/{q[4]:.3f}")
        print()

table([
    ("dev (cv)", [k for k in REAL if k[0] == "dev"], preds),
    ("dev2 (cv)", [k for k in REAL if k[0] == "dev2"], preds),
    ("test", TEST, preds),
    ("built-in", BUILT, preds),
    ("built-in L", BUILT, predsL),
])
print("coefficients of context inputs (standardised), 'all' model fitted on dev+dev2:")
for n, c in zip(CTX_NAMES, coefs[tuple(TEST + BUILT)]):
    print(f"  {n:10} {c:+.3f}")
