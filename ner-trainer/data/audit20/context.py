#!/usr/bin/env python3
"""context.py TRAIN.csv WORD...: training lines (a train-minus-calib.csv) where WORD is a non-final word of a product span (P) or a
type/material span right before a product (T); spans bracketed."""
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8')))[1:]
sents, cur = [], None
for r in rows:
    if r[0]: cur = (r[0], []); sents.append(cur)
    cur[1].append((r[1], r[2]))
norm = lambda w: re.sub(r'^\W+|\W+$', '', w.lower())
def show(ws):
    out, open_ = [], None
    for w, t in ws:
        if t.startswith('B-') or t == 'O':
            if open_: out[-1] += ']'; open_ = None
        if t.startswith('B-'): out.append(f'[{t[2:3]}:{w}'); open_ = t[2:]
        else: out.append(w)
    if open_: out[-1] += ']'
    return ' '.join(out)
for word in sys.argv[2:]:
    for sid, ws in sents:
        tags = [t for _, t in ws]
        for i, (w, t) in enumerate(ws):
            nxt = tags[i + 1] if i + 1 < len(ws) else 'O'
            if norm(w) != word: continue
            if t in ('B-product', 'I-product') and nxt == 'I-product': k = 'P'
            elif t in ('B-type', 'I-type', 'B-material', 'I-material') and nxt == 'B-product': k = 'T'
            else: continue
            print(f'{word}\t{k}\t{sid}\t{i}\t{t}\t{show(ws)}')
