#!/usr/bin/env python3
"""candidates.py TRAIN.csv [N]: product/type (and material) boundary consistency in the TRAINING lines (split/train-minus-calib.csv, which holds no
calib/calib2 line; the dev set is a separate file): a modifier word labelled inside a multi-word product span in some
lines (first word of `X Y` product) and as its own type/material span right before a product in others."""
import collections, csv, re, sys
rows = list(csv.reader(open(sys.argv[1] if len(sys.argv) > 1 else 'split/train-minus-calib.csv', encoding='utf-8')))[1:]
sents, cur = [], None
for r in rows:
    if r[0]: cur = (r[0], []); sents.append(cur)
    cur[1].append((r[1], r[2]))
norm = lambda w: re.sub(r'^\W+|\W+$', '', w.lower())
inprod = collections.defaultdict(list); sep = collections.defaultdict(list)
for sid, ws in sents:
    tags = [t for _, t in ws]; words = [w for w, _ in ws]
    for i, (w, t) in enumerate(ws):
        nxt = tags[i + 1] if i + 1 < len(ws) else 'O'
        if t in ('B-product', 'I-product') and nxt == 'I-product':       # a non-final word of a product span
            inprod[norm(w)].append(sid)
        if t in ('B-type', 'I-type', 'B-material', 'I-material') and nxt == 'B-product':   # the word right before a product
            sep[(norm(w))].append((sid, t[2:]))
both = [(w, len(inprod[w]), len(sep[w])) for w in inprod if w in sep]
both.sort(key=lambda x: -min(x[1], x[2]))
print(len(both), 'words both ways; word | inside product | own type/material span before product')
for w, a, b in both[:int(sys.argv[2]) if len(sys.argv) > 2 else 80]:
    print(f'{w} | {a} | {b} ({collections.Counter(t for _, t in sep[w]).most_common()})')
