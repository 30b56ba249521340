"""Shared code: load pairs.tsv, gold totals, roles, base logistic fit,
context features, greedy one-to-one assignment, metrics."""
import os, math, glob
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, average_precision_score

# The repository: two folders up from this file.
MAIN = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLD_DIRS = {
    "built-in": f"{MAIN}/tests/fixtures/align_gold",
    "dev": f"{MAIN}/bench/gold/newswcl50/dev",
    "dev2": f"{MAIN}/bench/gold/newswcl50/dev2",
    "test": f"{MAIN}/bench/gold/newswcl50/test",
}
IDX_COPY = 8          # max(jaccard, containment)
IDX_5GRAMS = 16       # ln(1 + shared_5grams)
IDX_HEADINGS = 27     # both headings with a section
FLOOR_5G = math.log(7.0) - 1e-6   # shared_5grams + 4 >= 10


class File:
    """One gold file: its candidate rows."""

    def __init__(self, s, g):
        self.set, self.group = s, g
        self.i, self.j, self.y, self.pc, self.X = [], [], [], [], []
        self.ltext, self.rtext = {}, {}

    def finish(self):
        self.i = np.array(self.i); self.j = np.array(self.j)
        self.y = np.array(self.y, dtype=int); self.pc = np.array(self.pc)
        self.X = np.array(self.X)
        self.floor = self.X[:, IDX_5GRAMS] >= FLOOR_5G
        self.near = self.X[:, IDX_COPY] >= 0.5
        self.index = {(a, b): k for k, (a, b) in enumerate(zip(self.i, self.j))}
        self._roles()

    def _roles(self):
        # can_pair is "same role": every left block of one role is paired with
        # every right block of that role, so classes are the distinct j-sets.
        rows = {}
        for a, b in zip(self.i, self.j):
            rows.setdefault(a, set()).add(b)
        classes = {}
        for a, js in rows.items():
            classes.setdefault(frozenset(js), []).append(a)
        head_left = set(self.i[self.X[:, IDX_HEADINGS] > 0.5])
        self.lrole, self.rrole = {}, {}
        self.nclasses = len(classes)
        for js, lefts in classes.items():
            role = "body"
            if head_left & set(lefts):
                role = "heading"
            elif len(classes) > 1:
                # the class without a "headings" pair: short texts are headings
                lw = np.median([len(self.ltext[a].split()) for a in lefts])
                role = "heading" if lw <= 12 else "body"
            for a in lefts:
                self.lrole[a] = role
            for b in js:
                self.rrole[b] = role


def load(path=os.environ.get("PAIRS", "pairs.tsv")):
    files = {}
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        s, g, i, j, y, pc, x = f[0], int(f[1]), int(f[2]), int(f[3]), int(f[4]), float(f[5]), f[6]
        key = (s, g)
        if key not in files:
            files[key] = File(s, g)
        F = files[key]
        F.i.append(i); F.j.append(j); F.y.append(y); F.pc.append(pc)
        F.X.append([float(v) for v in x.split(",")])
        F.ltext[i] = f[7] if len(f) > 7 else ""
        F.rtext[j] = f[8] if len(f) > 8 else ""
    for F in files.values():
        F.finish()
    # gold totals (all gold pairs, sure or likely), and names
    for s, d in GOLD_DIRS.items():
        names = sorted(glob.glob(os.path.join(d, "*.tsv")))
        for g, p in enumerate(names):
            if (s, g) not in files:
                continue
            F = files[(s, g)]
            F.name = os.path.basename(p)[:-4]
            gold = set()
            for line in open(p, encoding="utf-8"):
                if line.startswith("#") or not line.strip():
                    continue
                t = line.split("\t")
                gold.add((int(t[0]), int(t[1])))
            F.gold = gold
            F.ngold = len(gold)
            cand_pos = {(a, b) for a, b, yy in zip(F.i, F.j, F.y) if yy}
            assert cand_pos <= gold, (s, g)
            F.missing = len(gold - cand_pos)
    return files


def apply_floor(F, p):
    return np.where(F.floor, np.maximum(p, 0.9), p)


# ---------- logistic fit (as fit_paragraph_model: standardised, L2 lambda=1) ----------
class Model:
    def __init__(self, X, y):
        self.mu = X.mean(0); sd = X.std(0); sd[sd < 1e-6] = 1.0; self.sd = sd
        self.lr = LogisticRegression(C=1.0, max_iter=2000, tol=1e-8)
        self.lr.fit((X - self.mu) / self.sd, y)

    def predict(self, X):
        return self.lr.predict_proba((X - self.mu) / self.sd)[:, 1]


# ---------- context features ----------
CTX_NAMES = ["diag1", "anti1", "diag2", "diag_both", "head_pair", "sec_body",
             "rank_row", "rank_col"]


def ordered(roles):
    """For each block, its position in the list of blocks of its role."""
    by = {}
    for b in sorted(roles):
        by.setdefault(roles[b], []).append(b)
    pos = {}
    for r, lst in by.items():
        for k, b in enumerate(lst):
            pos[b] = (r, k)
    return by, pos


def context(F, p, mode="role"):
    """Context features of every row of F from base probabilities p
    (floored). mode 'role': neighbours are the previous/next block of the
    same role (metadata skipped); 'raw': block index +-1."""
    P = dict(zip(zip(F.i, F.j), p))
    get = lambda a, b: P.get((a, b), 0.0)
    lby, lpos = ordered(F.lrole)
    rby, rpos = ordered(F.rrole)

    def step(by, pos, b, d):
        if mode == "raw":
            return b + d
        r, k = pos[b]
        k2 = k + d
        lst = by[r]
        return lst[k2] if 0 <= k2 < len(lst) else -99

    # heading above each block (nearest heading-role block before it)
    def heads(roles):
        out, last = {}, None
        for b in sorted(roles):
            if roles[b] == "heading":
                out[b] = None
                last = b
            else:
                out[b] = last
        return out
    lh, rh = heads(F.lrole), heads(F.rrole)
    # section members of each heading
    def sections(roles, hmap):
        sec = {}
        for b, h in hmap.items():
            if h is not None:
                sec.setdefault(h, []).append(b)
        return sec
    lsec, rsec = sections(F.lrole, lh), sections(F.rrole, rh)
    # ranks within row and column
    n = len(p)
    rank_row = np.zeros(n); rank_col = np.zeros(n)
    rows, cols = {}, {}
    for k in range(n):
        rows.setdefault(F.i[k], []).append(k)
        cols.setdefault(F.j[k], []).append(k)
    for grp, out in ((rows, rank_row), (cols, rank_col)):
        for ks in grp.values():
            ks = sorted(ks, key=lambda k: -p[k])
            for r, k in enumerate(ks):
                out[k] = 1.0 / (r + 1)
    feats = np.zeros((n, len(CTX_NAMES)))
    for k in range(n):
        a, b = F.i[k], F.j[k]
        dm = get(step(lby, lpos, a, -1), step(rby, rpos, b, -1))
        dp = get(step(lby, lpos, a, +1), step(rby, rpos, b, +1))
        am = get(step(lby, lpos, a, -1), step(rby, rpos, b, +1))
        ap = get(step(lby, lpos, a, +1), step(rby, rpos, b, -1))
        d2m = get(step(lby, lpos, a, -2), step(rby, rpos, b, -2))
        d2p = get(step(lby, lpos, a, +2), step(rby, rpos, b, +2))
        hp = 0.0
        if lh.get(a) is not None and rh.get(b) is not None:
            hp = get(lh[a], rh[b])
        sb = 0.0
        if F.lrole.get(a) == "heading" and a in lsec and b in rsec:
            sb = max((get(x, z) for x in lsec[a] for z in rsec[b]), default=0.0)
        feats[k] = [max(dm, dp), max(am, ap), max(d2m, d2p), min(dm, dp), hp, sb,
                    rank_row[k], rank_col[k]]
    return feats


# ---------- greedy one-to-one ----------
def greedy(F, p, copy_tier=True):
    """Full greedy order (no threshold); returns list of (prob, is_gold, near)
    of chosen pairs, in the order taken. With copy_tier, copied pairs (shingle
    >= 0.5) go first and are made at any threshold, and a paraphrase pair on a
    block that has a copy is not made (as align.rs)."""
    n = len(p)
    near = F.near if copy_tier else np.zeros(n, bool)
    copied_l = set(F.i[near]); copied_r = set(F.j[near])
    w = np.where(near, 1.0 + p, p)
    order = sorted(range(n), key=lambda k: (-w[k], F.i[k], F.j[k]))
    lf, rf = set(), set()
    out = []
    for k in order:
        a, b = F.i[k], F.j[k]
        if not near[k] and (a in copied_l or b in copied_r):
            continue
        if a in lf or b in rf:
            continue
        lf.add(a); rf.add(b)
        out.append((p[k], (a, b) in F.gold, bool(near[k])))
    return out


def pr_curve(files, probs, copy_tier=True):
    """Pooled over files: list of (threshold, made, correct, precision, recall)."""
    chosen = []
    ngold = sum(F.ngold for F in files)
    base_made = base_right = 0
    for F, p in zip(files, probs):
        for pk, g, nr in greedy(F, p, copy_tier):
            if nr:
                base_made += 1; base_right += g
            else:
                chosen.append((pk, g))
    chosen.sort(key=lambda t: -t[0])
    pts = []
    made, right = base_made, base_right
    k = 0
    while k < len(chosen):
        t = chosen[k][0]
        while k < len(chosen) and chosen[k][0] == t:
            made += 1; right += chosen[k][1]; k += 1
        pts.append((t, made, right, right / made, right / ngold))
    return pts, ngold


def at_threshold(pts, t, files):
    best = None
    for q in pts:
        if q[0] >= t:
            best = q
    return best


def recall_at(pts, prec):
    r = 0.0; arg = None
    for q in pts:
        if q[3] >= prec - 1e-12 and q[4] > r:
            r = q[4]; arg = q
    return r, arg


def summary(files, probs, copy_tier=True):
    y = np.concatenate([F.y for F in files]); p = np.concatenate(probs)
    pts, ng = pr_curve(files, probs, copy_tier)
    r8, a8 = recall_at(pts, 0.8)
    r9, a9 = recall_at(pts, 0.9)
    return dict(auc=roc_auc_score(y, p), ap=average_precision_score(y, p),
                r80=r8, r90=r9, n80=a8[1] if a8 else 0, n90=a9[1] if a9 else 0,
                ngold=ng, pts=pts)
