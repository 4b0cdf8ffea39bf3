#!/usr/bin/env python3
"""make_edits.py [DATA_DIR] > edits.tsv (audit24, branch ner24): the label decisions of the series audit after reading
every candidate that candidates.py lists against devset/ANNOTATION.md. Each edit names its word and old tag (apply.py of
audit20 checks both) and quotes the guide rule it follows. Train-minus-calib lines only."""
import csv, os, sys
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
CONTAINER = ("ANNOTATION.md, type: and the container when it is a variant (`Spray Bottle`, `Drum`, `BOTTLE`, `bottle` in "
             "`Poly bottle` (`Poly` is material), `SAFE-COTE`, `Rack Packed`, `Bulk`) - AcroSeal is Acros Organics' septum "
             "bottle, a packaging variant like Fisher's SAFE-COTE, not a product line")
QUALIFIER = ("ANNOTATION.md, type: Qualifiers saying which kind of the product it is; series: a series names one product line "
             "or model - `Carbon` (activated-carbon mask) names no maker's line")
BRAND = ("ANNOTATION.md, brand: Rule: a brand names the company or a trade name used across several product kinds (Falcon: "
         "tubes, dishes, plates; Pierce: many reagents); series: if the name would also be printed on unrelated kinds of "
         "products it is a brand")
# (sentence, word, old, new, rule): every occurrence of the word in that sentence is checked to be unique below
DECISIONS = [(sid, 'AcroSeal™', 'B-series', 'B-type', CONTAINER) for sid in
             (1095, 1096, 1097, 1105, 1106, 1107, 1108, 1112, 1113, 1114, 1115, 1116, 1117, 1118, 1120, 1122, 1129, 1130)] + [
    (6748, 'Carbon', 'B-series', 'B-type', QUALIFIER),
    (348, 'CELLSTAR®', 'B-series', 'B-brand', BRAND + ' - Greiner CELLSTAR® is brand in lines 4602 and 6256 (flasks, plates)'),
    (1023, 'KleenGuard™', 'B-series', 'B-brand', BRAND + ' - KleenGuard (sleeves, apparel, eyewear) is brand in line 4150'),
    (5420, 'Luminex', 'B-series', 'B-brand', BRAND + ' - Luminex (instruments and assays) is brand in line 6523'),
]
rows = list(csv.reader(open(os.path.join(DATA, 'real-train.csv'), encoding='utf-8', newline='')))[1:]
sent, cur = {}, None
for r in rows:
    if r[0]: cur = int(r[0].split(':')[1]); sent[cur] = []
    sent[cur].append(r)
w = csv.writer(sys.stdout, delimiter='\t', lineterminator='\n')
w.writerow(['sentence', 'word_index', 'word', 'old_tag', 'new_tag', 'guide'])
for sid, word, old, new, rule in DECISIONS:
    idx = [i for i, r in enumerate(sent[sid]) if r[1] == word]
    assert len(idx) == 1, (sid, word, idx)
    w.writerow([sid, idx[0], word, old, new, rule])
