#!/usr/bin/env python3
"""make_edits.py OUT.tsv (on real-train.csv BEFORE the audit, i.e. at fd77bcb): the audit's word edits. An adjective/participle that starts a product span in some
training lines and is its own type span right before a product in others (t20/cands.py, read in t20/ctx.py) becomes a
type span; the product starts at the next word. Reagent, medium and chemical names keep their adjectives (the guide's
chemical rule), and so do adjectives inside a product span (not its first word)."""
import csv, os, re, sys
QUOTE = ('ANNOTATION.md, product: Adjectives and participles in front of the noun are **type**, not product: '
         '`Conical` Tubes, `Serological` Pipettes, `Cryogenic` Vials, `Disposable` Petri Dishes.')
LINES = {
 'hypodermic': [3270, 3323, 3337],
 'magnetic': [3586],
 'surgical': [3272, 3276, 3348, 3361, 3369, 3444, 3445, 3446, 3449, 3451, 3469, 3473, 3476, 3477, 3489, 3505, 3543,
              3547, 3550, 3553, 3554, 3561, 3954, 6670, 6692, 6695, 6707, 6713, 6721, 6722, 6752, 6753, 6768, 6769],
 'rotary': [3147, 3570, 3571, 3574, 3578, 3593, 3603, 3605, 3610, 3619, 3632, 3640, 3641, 3642, 3643, 3646, 3652,
            3656, 3667, 3672, 3674, 3724],
 'thermal': [2921, 2922, 2923, 4744, 4746, 4962, 6061, 6208, 6476, 6483, 6517, 6570, 6638, 6667],
 'circular': [3149, 3165, 3687, 3694, 3701, 3706, 7740],
 'flat': [3968], 'male': [3836], 'swivel': [3830], 'split': [4047], 'blank': [3860], 'external': [6021],
 'electric': [6018], 'smart': [7519], 'folding': [3762], 'aspirating': [6737],
}
rows = list(csv.reader(open(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'real-train.csv'), encoding='utf-8')))[1:]
sents, cur = {}, None
for r in rows:
    if r[0]: cur = int(r[0].split(':')[1]); sents[cur] = []
    sents[cur].append((r[1], r[2]))
norm = lambda w: re.sub(r'^\W+|\W+$', '', w.lower())
out = []
for word, ids in LINES.items():
    for sid in ids:
        ws = sents[sid]
        hits = [i for i, (w, t) in enumerate(ws) if norm(w) == word and t == 'B-product' and i + 1 < len(ws) and ws[i + 1][1] == 'I-product']
        assert len(hits) == 1, (word, sid, hits)
        i = hits[0]
        out.append((sid, i, ws[i][0], 'B-product', 'B-type', QUOTE))
        out.append((sid, i + 1, ws[i + 1][0], 'I-product', 'B-product', QUOTE))
with open(sys.argv[1], 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, delimiter='\t', lineterminator='\n')
    w.writerow(['sentence', 'word_index', 'word', 'old_tag', 'new_tag', 'guide'])
    w.writerows(out)
print(len(out), 'edits in', len({o[0] for o in out}), 'lines')
