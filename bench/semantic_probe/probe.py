"""Would a sentence-embedding model earn its place in parallax's pair score?

Reads the labelled pairs that `examples/dump_candidates.rs` writes (the
paragraph model's inputs and both texts), embeds every text with a BERT
sentence encoder (mean pooling, unit length; a plain numpy forward pass, so
nothing but numpy, scipy, scikit-learn, safetensors and tokenizers is
needed), and compares, under the same cross-validation as
`fit_paragraph_model --fit-pairs` (gold files left out one at a time, the
sentence-pair set in 5 folds with an intercept of its own), the paragraph
model's inputs alone and with the embedding cosine added.

    python3 bench/semantic_probe/probe.py PAIRS.tsv MODEL_DIR [EMBEDDINGS.json]

MODEL_DIR holds `model.safetensors` and `vocab.txt` of an uncased BERT
encoder (all-MiniLM-L6-v2 was measured). EMBEDDINGS.json caches the
vectors between runs. Nothing of the model or the data is kept in the
repository.
"""
import json, os, sys
import numpy as np
from scipy.special import erf
from safetensors.numpy import load_file
from tokenizers import BertWordPieceTokenizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

pairs_path, model_dir = sys.argv[1], sys.argv[2]
cache_path = sys.argv[3] if len(sys.argv) > 3 else None
W = load_file(os.path.join(model_dir, "model.safetensors"))
tok = BertWordPieceTokenizer(os.path.join(model_dir, "vocab.txt"), lowercase=True)
tok.enable_truncation(256)
LAYERS = 1 + max(int(k.split(".")[2]) for k in W if k.startswith("encoder.layer."))
D = W["embeddings.word_embeddings.weight"].shape[1]
HEADS = D // 32


def norm(x, g, b):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + 1e-12) * g + b


def encode(seqs):
    """Unit-length mean-pooled vectors of a batch of token id lists."""
    B, n = len(seqs), max(len(s) for s in seqs)
    ids = np.zeros((B, n), np.int64)
    mask = np.zeros((B, n), np.float32)
    for b, s in enumerate(seqs):
        ids[b, : len(s)], mask[b, : len(s)] = s, 1
    e = "embeddings."
    x = W[e + "word_embeddings.weight"][ids] + W[e + "position_embeddings.weight"][:n]
    x = norm(x + W[e + "token_type_embeddings.weight"][0], W[e + "LayerNorm.weight"], W[e + "LayerNorm.bias"])
    hide = (1 - mask)[:, None, None, :] * -1e9
    for l in range(LAYERS):
        p = f"encoder.layer.{l}."
        lin = lambda t, name: t @ W[p + name + ".weight"].T + W[p + name + ".bias"]
        split = lambda t: t.reshape(B, n, HEADS, D // HEADS).transpose(0, 2, 1, 3)
        q, k, v = (split(lin(x, "attention.self." + w)) for w in ("query", "key", "value"))
        a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(D // HEADS) + hide
        a = np.exp(a - a.max(-1, keepdims=True))
        a /= a.sum(-1, keepdims=True)
        c = (a @ v).transpose(0, 2, 1, 3).reshape(B, n, D)
        o = p + "attention.output."
        x = norm(x + lin(c, "attention.output.dense"), W[o + "LayerNorm.weight"], W[o + "LayerNorm.bias"])
        h = lin(x, "intermediate.dense")
        h = 0.5 * h * (1 + erf(h / np.sqrt(2)))
        x = norm(x + lin(h, "output.dense"), W[p + "output.LayerNorm.weight"], W[p + "output.LayerNorm.bias"])
    v = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


rows = [l.rstrip("\n").split("\t") for l in open(pairs_path, encoding="utf-8")]
emb = json.load(open(cache_path)) if cache_path and os.path.exists(cache_path) else {}
todo = sorted({t for r in rows for t in r[7:9]} - emb.keys())
ids = [tok.encode(t).ids for t in todo]
order = np.argsort([len(s) for s in ids])  # batches of similar length pad little
for s in range(0, len(order), 32):
    batch = order[s : s + 32]
    for i, v in zip(batch, encode([ids[i] for i in batch])):
        emb[todo[i]] = v.round(6).tolist()
    print(f"\rembedded {min(s + 32, len(order))} of {len(order)}", end="", file=sys.stderr)
if cache_path and todo:
    json.dump(emb, open(cache_path, "w"))

S = np.array([r[0] for r in rows])
G = np.array([int(r[1]) for r in rows])
Y = np.array([int(r[4]) for r in rows])
X = np.array([[float(v) for v in r[6].split(",")] for r in rows])
cos = np.array([float(np.dot(emb[r[7]], emb[r[8]])) for r in rows])
gold, fitted_pairs = ["built-in", "dev", "dev2"], "msrp"
m = np.where(S == fitted_pairs)[0]
G[m] = np.arange(len(m)) % 5


def cross_validated(F):
    """Each fitted set's rows scored by a fit that did not see their file or fold."""
    own = (S == fitted_pairs).astype(float)[:, None]
    fit = np.isin(S, gold + [fitted_pairs])
    out = np.zeros(len(Y))
    for s in gold + [fitted_pairs]:
        for g in np.unique(G[S == s]):
            held = (S == s) & (G == g)
            lr = LogisticRegression(C=1.0, max_iter=20000).fit(np.hstack([F, own])[fit & ~held], Y[fit & ~held])
            out[held] = lr.predict_proba(np.hstack([F, own * 0])[held])[:, 1]
    lr = LogisticRegression(C=1.0, max_iter=20000).fit(np.hstack([F, own])[fit], Y[fit])
    rest = ~fit
    out[rest] = lr.predict_proba(np.hstack([F, own * 0])[rest])[:, 1]
    return out


print("\nset        pairs  embedding cosine  model (cv)  model + cosine (cv)")
base = cross_validated(X)
more = cross_validated(np.hstack([X, cos[:, None], cos[:, None] ** 2]))
for s in dict.fromkeys(S):
    k = S == s
    print(f"{s:9} {k.sum():6}  {roc_auc_score(Y[k], cos[k]):16.3f}  {roc_auc_score(Y[k], base[k]):10.3f}  {roc_auc_score(Y[k], more[k]):19.3f}")
