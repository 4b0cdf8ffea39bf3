#!/usr/bin/env python3
"""import22.py DATA_DIR SNAPSHOT DROPS_TSV FIXES_TSV [ANN...] : appends the kept lines of SNAPSHOT/ANN for each ANN in
order (default ann22a then ann22b, as branch ner22 ran it; branch ner23b passes ann23a ann23b) to
DATA_DIR/real-train.csv and real-train-sources.tsv with ids from (last id + 1), in their file order.
DROPS_TSV: ann<TAB>sentence id<TAB>reason (lines not imported). FIXES_TSV: ann<TAB>sentence id<TAB>word index (0-based)
<TAB>word<TAB>old tag<TAB>new tag<TAB>why (label changes on import; word and old tag are checked).
Prints the id ranges, entity counts per type and lines per source of what was appended. Re-checks BIO after fixes."""
import csv, collections, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check22 import read_csv, read_tsv, TYPES

data, snap, drops_p, fixes_p = sys.argv[1:5]
drops = {(r[0], r[1]) for r in (l.rstrip('\n').split('\t') for l in open(drops_p, encoding='utf-8') if l.strip())}
fixes = collections.defaultdict(list)
for l in open(fixes_p, encoding='utf-8'):
    if l.strip() and not l.startswith('#'):
        f = l.rstrip('\n').split('\t')
        fixes[(f[0], f[1])].append((int(f[2]), f[3], f[4], f[5]))
train_csv = os.path.join(data, 'real-train.csv')
train_tsv = os.path.join(data, 'real-train-sources.tsv')
last = int(read_csv(train_csv)[-1][0].split(': ')[1])
_, tr = read_tsv(train_tsv)
assert int(tr[-1][0].split(': ')[1]) == last
nid = last + 1
out_rows, out_src = [], []
report = []
for ann in (sys.argv[5:] or ['ann22a', 'ann22b']):
    d = os.path.join(snap, ann)
    if not os.path.exists(os.path.join(d, 'lines.csv')):
        report.append(f'{ann}: nothing handed over'); continue
    sents = read_csv(os.path.join(d, 'lines.csv'))
    _, rows = read_tsv(os.path.join(d, 'sources.tsv'))
    src = {r[0]: r for r in rows}
    first, ents, per_src, nfix = nid, collections.Counter(), collections.Counter(), 0
    for sid, words, tags in sents:
        if (ann, sid) in drops:
            continue
        tags = list(tags)
        for i, w, old, new in fixes.get((ann, sid), []):
            assert words[i] == w and tags[i] == old, (ann, sid, i, words[i], tags[i], w, old)
            tags[i] = new; nfix += 1
        prev = 'O'
        for t in tags:
            assert t == 'O' or (t[:2] in ('B-', 'I-') and t[2:] in TYPES), (ann, sid, t)
            assert not t.startswith('I-') or prev[2:] == t[2:], (ann, sid, tags)
            prev = t
        r = src[sid]
        assert r[4] == ' '.join(words)
        for j, (w, t) in enumerate(zip(words, tags)):
            out_rows.append([f'Sentence: {nid}' if j == 0 else '', w, t])
        out_src.append([f'Sentence: {nid}'] + r[1:])
        ents.update(t[2:] for t in tags if t.startswith('B-'))
        per_src[r[2]] += 1
        nid += 1
    report.append(f'{ann}: lines {first}-{nid - 1} ({nid - first} of {len(sents)} offered), {nfix} labels changed, '
                  f'{sum(ents.values())} entities: ' + ', '.join(f'{k} {v}' for k, v in ents.most_common()))
    for s, c in per_src.most_common():
        report.append(f'    {c:4d}  {s}')
with open(train_csv, 'a', encoding='utf-8', newline='') as f:
    csv.writer(f, lineterminator='\n').writerows(out_rows)
with open(train_tsv, 'a', encoding='utf-8', newline='') as f:
    for r in out_src:
        assert all('\t' not in x and '\n' not in x for x in r)
        f.write('\t'.join(r) + '\n')
print('\n'.join(report))
