#!/usr/bin/env python3
"""apply.py IN.csv OUT.csv EDITS.tsv (audit20, branch ner20): applies word edits (sentence, word index, word, old tag, new tag) to a seed-format
CSV; every word and old tag is checked, no edit may touch a calibration-source line (split_calibration.py's lists),
and the whole file must be valid BIO over the ten types afterwards."""
import csv, os, sys
HERE = os.path.dirname(os.path.abspath(__file__)); DATA = os.path.dirname(HERE)
sys.path.insert(0, DATA); import split_calibration as sc
TYPES = {'product', 'type', 'addon', 'material', 'color', 'size', 'quantity', 'brand', 'series', 'grade'}
src, sin, sout, etsv = {}, sys.argv[1], sys.argv[2], sys.argv[3]
for row in csv.DictReader(open(os.path.join(DATA, 'real-train-sources.tsv'), encoding='utf-8', newline=''), delimiter='\t'):
    src[row['sentence_id']] = row['source_url'] + ' ' + row['source_name']
with open(sin, encoding='utf-8', newline='') as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
start, cur = {}, None
for k, r in enumerate(body):
    if r[0]: cur = int(r[0].split(':')[1]); start[cur] = k
edits = list(csv.DictReader(open(etsv, encoding='utf-8', newline=''), delimiter='\t'))
for e in edits:
    sid, i = int(e['sentence']), int(e['word_index'])
    sidt = f'Sentence: {sid}'
    assert not any(m in src[sidt] for m in sc.CALIBRATION_SOURCES + sc.CALIBRATION2_SOURCES), ('calibration line', sid)
    r = body[start[sid] + i]
    assert (i == 0) == bool(r[0]) and (i == 0 or not r[0]), (sid, i)
    assert r[1] == e['word'], (sid, i, r[1], e['word'])
    assert r[2] == e['old_tag'], (sid, i, r[2], e['old_tag'])
    r[2] = e['new_tag']
prev = 'O'
for k, r in enumerate(body):
    t = r[2]
    if r[0]: prev = 'O'
    assert t == 'O' or (t[:2] in ('B-', 'I-') and t[2:] in TYPES), (k, t)
    assert not t.startswith('I-') or (prev != 'O' and prev[2:] == t[2:]), ('BIO', k, r, prev)
    prev = t
with open(sout, 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(header); w.writerows(body)
print(f'{len(edits)} edits applied in {len({e["sentence"] for e in edits})} lines; BIO valid over {len(start)} sentences')
