#!/usr/bin/env python3
"""candidates.py [DATA_DIR] (audit24, branch ner24): the mechanical candidate listings of the series audit, on the
train-minus-calib lines of real-train.csv only (calib/calib2 lines are skipped by split_calibration.py's source lists;
the dev set is not read). Every listed line was then read against devset/ANNOTATION.md; edits.tsv holds the decisions.
Classes (from family C's wrong series links on calib-all, BENCHMARKS-ner.md "Branch ner23b"):
 a1  series spans inside parentheses/brackets              (guide: order numbers in parentheses are O)
 a2  series spans after an order-number label (Cat., P/N, SKU, Item, #, model:) or starting with '#'
 a3  series spans with a vendor order-code shape (pack/size suffix: ...500ML, ...-250) or a bare catalogue-number shape
 a4  other direction: O code words (letters+digits) printed right after a brand or series span
 a5  '(Brand CODE)' pairs: how the code after a vendor in parentheses is labelled
 b1  series spans every word of which is labelled type/grade/addon at least as often as series elsewhere
 b2  feature words of C's errors (GTX, WP, Grip, Quarter-Zip, Hooded, Mid, Lite, ...) labelled series
 b3  word sequences labelled series in some lines and type/O/another type in others
 c1  word sequences labelled series in some lines and brand in others
Run on the tree before the audit (main at b73b1d9, the audit commit's parent) to reproduce the counts in data/README.md."""
import collections, csv, os, re, sys
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
sys.path.insert(0, DATA); import split_calibration as sc

def load():
    src = {r['sentence_id']: r['source_url'] + ' ' + r['source_name'] for r in
           csv.DictReader(open(os.path.join(DATA, 'real-train-sources.tsv'), encoding='utf-8', newline=''), delimiter='\t')}
    out, cur = [], None
    for r in list(csv.reader(open(os.path.join(DATA, 'real-train.csv'), encoding='utf-8', newline='')))[1:]:
        if r[0]:
            cur = dict(id=int(r[0].split(':')[1]), words=[], tags=[],
                       calib=any(m in src[r[0]] for m in sc.CALIBRATION_SOURCES + sc.CALIBRATION2_SOURCES))
            out.append(cur)
        cur['words'].append(r[1]); cur['tags'].append(r[2])
    return [s for s in out if not s['calib']]

def spans(tags):
    res, i = [], 0
    while i < len(tags):
        if tags[i].startswith('B-'):
            t = tags[i][2:]; j = i + 1
            while j < len(tags) and tags[j] == 'I-' + t: j += 1
            res.append((t, i, j)); i = j
        else: i += 1
    return res

def show(s): return ' '.join(f'{w}/{t}' if t != 'O' else w for w, t in zip(s['words'], s['tags']))
norm = lambda w: re.sub(r'^[(\[\'"]+|[)\],;:.\'"]+$', '', w).lower().replace('™', '').replace('®', '')

def inside(words):
    d, res = 0, []
    for w in words:
        res.append(d > 0 or w.startswith(('(', '[')))
        d = max(d + w.count('(') + w.count('[') - w.count(')') - w.count(']'), 0)
    return res

LABELS = {'cat.', 'cat', 'cat#', 'cat.#', 'no.', 'no', 'no:', 'part', 'part#', 'p/n', 'p/n:', 'pn', 'pn:', 'sku', 'sku:',
          'sku#', 'item', 'item#', 'item:', '#', 'ref', 'ref.', 'catalog', 'catalog#', 'order', 'cat.no.', 'catalogue', 'mfr',
          'mfg', 'part:', 'number', 'number:', '#:', 'no.:', 'model:'}
SUFFIX = re.compile(r'^[A-Za-z]{0,4}\d{3,}[A-Za-z0-9]*(ML|mL|L|G|KG|MG|UL|PK|CS|EA|BX|BOX|PAK)[),.;]*$'
                    r'|^[A-Z]{1,4}\d{3,}-\d{1,4}[A-Z]*[),.;]*$')
CATNO = re.compile(r'^\d{5,}$|^[A-Z]{1,2}\d{4,}[A-Z]{0,3}$|^\d{2,}-\d{2,}(-\d+)?$')
CODE = re.compile(r'^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9./-]{2,}[,;:]?$')
UNIT = re.compile(r'^\d+([.,]\d+)?(mm|cm|m|in|ml|l|g|kg|mg|v|w|a|hp|ah|oz|gal|pk|ft|mah|kw|hz|qt|mhz|ghz|gb|tb|lb|lbs|ct|x)[.,;]?$', re.I)
FEATURE = re.compile(r'^(gtx|gore-tex|goretex|wp|waterproof|bdry|b-dry|h2o|omni-?heat|omni-?tech|dryvent|outdry|futurelight|'
                     r'grip|ultra-grip|slotted-disc|quarter-zip|half-zip|full-zip|hooded|mid|low|insulated|lite|xcr|mips|'
                     r'thinsulate|vibram|boa|primaloft|coolmax|dri-fit|climacool|climalite|heatgear|polartec|windstopper)$', re.I)

def main():
    S = load()
    out = collections.defaultdict(list)
    cnt = collections.defaultdict(collections.Counter)
    for s in S:
        for w, t in zip(s['words'], s['tags']):
            cnt[norm(w)][t[2:] if t != 'O' else 'O'] += 1
    for s in S:
        W, T, ins = s['words'], s['tags'], inside(s['words'])
        for t, i, j in spans(T):
            if t != 'series': continue
            txt = ' '.join(W[i:j])
            if any(ins[i:j]): out['a1'].append((s, txt))
            if any(p.lower().rstrip(',') in LABELS for p in W[max(0, i - 2):i]) or W[i].startswith('#'): out['a2'].append((s, txt))
            if any(SUFFIX.match(w) for w in W[i:j]) or (j - i == 1 and CATNO.match(re.sub(r'^[(\[#]+|[)\],;:.]+$', '', W[i]))):
                out['a3'].append((s, txt))
            ws = [norm(w) for w in W[i:j]]
            def qual(k):
                c = cnt[k]
                return re.search('[a-z]', k) and c['type'] >= 1 and c['type'] + c['grade'] + c['addon'] >= c['series']
            if all(qual(k) for k in ws): out['b1'].append((s, txt))
            if any(FEATURE.match(norm(w)) for w in W[i:j]): out['b2'].append((s, txt))
        for i in range(1, len(W)):
            if T[i] == 'O' and not ins[i] and CODE.match(W[i]) and not UNIT.match(W[i]) and \
               (T[i - 1].endswith('brand') or T[i - 1].endswith('series')) and W[i - 1].lower().rstrip(',') not in LABELS:
                out['a4'].append((s, W[i]))
            if W[i - 1].startswith(('(', '[')) and T[i - 1].endswith('brand') and re.match(r'^(?=.*\d)[A-Za-z0-9#][A-Za-z0-9./#-]{2,}[),;:\]]*$', W[i]):
                out['a5'].append((s, f'{W[i]} ({T[i]})'))
    # b3 / c1: series word sequences labelled otherwise elsewhere
    ser = {tuple(norm(w) for w in s['words'][i:j]) for s in S for t, i, j in spans(s['tags']) if t == 'series'}
    lab = collections.defaultdict(lambda: collections.defaultdict(set))
    for s in S:
        nw = [norm(w) for w in s['words']]
        for t, i, j in spans(s['tags']):
            k = tuple(nw[i:j])
            if k in ser: lab[k][t].add(s['id'])
        for k in ser:
            n = len(k)
            for i in range(len(nw) - n + 1):
                if tuple(nw[i:i + n]) == k and all(x == 'O' for x in s['tags'][i:i + n]): lab[k]['O'].add(s['id'])
    for k, d in lab.items():
        if not re.search('[a-z]', ''.join(k)) or len(d) < 2: continue
        desc = ' '.join(k) + ' | ' + ', '.join(f'{t} {len(v)} {sorted(v)[:8]}' for t, v in sorted(d.items(), key=lambda x: -len(x[1])))
        out['c1' if 'brand' in d else 'b3'].append((None, desc))
    for c in sorted(out):
        lines = {x[0]['id'] for x in out[c] if x[0]}
        print(f'=== {c}: {len(out[c])} candidates' + (f' on {len(lines)} lines' if lines else ''))
        for s, txt in out[c]:
            print(f'  {s["id"]} {txt!r} || {show(s)}' if s else f'  {txt}')

if __name__ == '__main__':
    main()
