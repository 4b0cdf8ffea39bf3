#!/usr/bin/env python3
"""check22.py REPO_NER_TRAINER ANN_DIR [OTHER_ANN_DIR...] : import checks for one annotator's lines.csv/sources.tsv.

Structure (each line is a problem that blocks the import of that line):
  ids from 1 in order; sources.tsv header and 5 non-empty fields; CSV words == text.split() == TSV text; tags are O or
  B-/I- over the ten types; valid BIO (I-x only after B-x/I-x); no span starts on a punctuation-only word.
Sources: no github repository / URL / search-index file already named by devset/sources.tsv or real-train-sources.tsv;
  no calibration-split key (split_calibration.py's markers) in source_url + source_name (else calib would change).
The ner8 filter (drop): word-set Jaccard >= 0.33 (lower case, edge punctuation stripped, a number glued to the unit
  word after it, plural s dropped on words > 3 chars), or the same product value with a shared type/grade/series/
  material value, against (a) every dev line, (b) every calib/calib2 line, (c) every other earlier training line;
  plus RealTrainSetTest's rule against dev (character similarity >= 0.85 or its word overlap >= 0.7).
Exact repeats (normalised text equal) within the file and against OTHER_ANN_DIRs' earlier-id lines are dropped too.
Writes ANN_DIR-report to stdout: one line per problem/drop, then counts. Read-only on every input.
"""
import csv, os, re, sys, collections

TYPES = {'brand', 'series', 'product', 'type', 'material', 'size', 'color', 'grade', 'quantity', 'addon'}
UNITS = set('ml l ul µl μl mm cm m in inch inches ft g kg mg oz lb lbs gal gallon gallons liter liters litre mil um µm μm '
            'nm psi bar mpa kpa w v a mah ah kda pc pcs pk ct cc dl qt pt gauge ga mesh " in. ml. l.'.split())


def read_csv(path):
    sents, cur = [], None
    with open(path, newline='', encoding='utf-8') as f:
        r = csv.reader(f)
        header = next(r)
        assert header == ['Sentence #', 'Word', 'Tag'], (path, header)
        for row in r:
            if not row:
                continue
            if row[0]:
                cur = [row[0], [], []]
                sents.append(cur)
            cur[1].append(row[1]); cur[2].append(row[2] if len(row) > 2 else '')
    return sents


def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    head = lines[0].split('\t')
    rows = [l.split('\t') for l in lines[1:] if l.strip()]
    return head, rows


def edge(w):
    return re.sub(r'^[^\w]+|[^\w"%]+$', '', w, flags=re.U)


def wordset(text):
    ws = [edge(w.lower()) for w in text.split()]
    ws = [w for w in ws if w]
    out, i = set(), 0
    while i < len(ws):
        w = ws[i]
        if i + 1 < len(ws) and re.fullmatch(r'[\d.,/-]+', w) and ws[i + 1] in UNITS:
            w = w + ws[i + 1]; i += 1
        out.add(w[:-1] if len(w) > 3 and w.endswith('s') else w)
        i += 1
    return out


def jac(a, b):
    u = a | b
    return len(a & b) / len(u) if u else 1.0


def spans(words, tags):
    out, cur = [], None
    for w, t in zip(words, tags):
        if t.startswith('B-'):
            cur = [t[2:], [w]]; out.append(cur)
        elif t.startswith('I-') and cur and cur[0] == t[2:]:
            cur[1].append(w)
        else:
            cur = None
    return [(t, ' '.join(edge(x.lower()) for x in ws).strip()) for t, ws in out]


def attrs(words, tags):
    sp = spans(words, tags)
    prods = {v for t, v in sp if t == 'product' and v}
    other = {(t, v) for t, v in sp if t in ('type', 'grade', 'series', 'material') and v}
    return prods, other


def norm(text):  # RealTrainSetTest.normalise
    return re.sub(r'[^\w]+|_', ' ', text.lower()).strip()


def charsim(a, b):
    n, m = len(a), len(b)
    if not n and not m:
        return 1.0
    prev = list(range(m + 1))
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            cur[j] = min(cur[j - 1] + 1, prev[j] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
        prev = cur
    return 1 - prev[m] / max(n, m)


def rt_wordset(n):  # RealTrainSetTest.wordSet
    s = set()
    for w in re.sub(r'(\d) (?=[^\W\d_])', r'\1', n).split(' '):
        s.add(w[:-1] if len(w) > 3 and w.endswith('s') else w)
    return s


def rt_overlap(a_text, b_text):
    a, b = norm(a_text), norm(b_text)
    if a == b:
        return 'equal after normalisation'
    if len(a.split(' ')) < 3 or len(b.split(' ')) < 3:
        return None
    if abs(len(a) - len(b)) <= 0.15 * max(len(a), len(b)):  # else similarity < 0.85 anyway
        s = charsim(a, b)
        if s >= 0.85:
            return f'character similarity {s:.2f}'
    j = jac(rt_wordset(a), rt_wordset(b))
    if j >= 0.7:
        return f'word overlap {j:.2f}'
    return None


def source_keys(url, name=''):
    s = (url + ' ' + name).lower()
    keys = set(m.group(1) for m in re.finditer(r'github(?::|\.com/)([\w.-]+/[\w.-]+)', s))
    keys |= set('idx:' + m.group(1) for m in re.finditer(r'search-index file (\d+)', s))
    for m in re.finditer(r'https?://([^\s)>\]]+)', url.lower()):
        keys.add('url:' + m.group(1).rstrip('/.,'))
    return keys


def main():
    repo, ann = sys.argv[1], sys.argv[2]
    others = sys.argv[3:]
    sys.path.insert(0, os.path.join(repo, 'data'))
    import split_calibration as sc
    markers = sc.CALIBRATION_SOURCES + sc.CALIBRATION2_SOURCES
    problems, drops = [], []
    sents = read_csv(os.path.join(ann, 'lines.csv'))
    head, rows = read_tsv(os.path.join(ann, 'sources.tsv'))
    if head != ['sentence_id', 'source_url', 'source_name', 'category', 'text']:
        problems.append(f'sources.tsv header {head}')
    src = {}
    for r in rows:
        if len(r) != 5 or any(not x.strip() for x in r):
            problems.append(f'sources.tsv row needs 5 non-empty fields: {r[:1]}')
            continue
        if r[0] in src:
            problems.append(f'duplicate id {r[0]} in sources.tsv')
        src[r[0]] = r
    for i, (sid, words, tags) in enumerate(sents, 1):
        if sid != f'Sentence: {i}':
            problems.append(f'{sid}: expected Sentence: {i}')
        if sid not in src:
            problems.append(f'{sid}: no sources.tsv row'); continue
        text = src[sid][4]
        if text != text.strip() or '  ' in text:
            problems.append(f'{sid}: TSV text has extra spaces')
        if words != text.split() or ' '.join(words) != text:
            problems.append(f'{sid}: words != TSV text')
        prev = 'O'
        for w, t in zip(words, tags):
            if not w or any(c.isspace() for c in w):
                problems.append(f'{sid}: bad word {w!r}')
            if t != 'O' and not (t[:2] in ('B-', 'I-') and t[2:] in TYPES):
                problems.append(f'{sid}: bad tag {t!r} on {w!r}')
            elif t.startswith('I-') and prev[2:] != t[2:]:
                problems.append(f'{sid}: I- without B- ({w!r} {t} after {prev})')
            if t.startswith('B-') and not re.search(r'\w', w):
                problems.append(f'{sid}: span starts on punctuation-only word {w!r}')
            prev = t
    if len(src) != len(sents):
        problems.append(f'{len(src)} TSV rows vs {len(sents)} CSV sentences')

    # sources already used
    dev_head, dev_rows = read_tsv(os.path.join(repo, 'devset/sources.tsv'))
    tr_head, tr_rows = read_tsv(os.path.join(repo, 'data/real-train-sources.tsv'))
    used = {}
    for r in dev_rows:
        for k in source_keys(r[1], r[2]):
            used.setdefault(k, 'dev ' + r[0])
    for r in tr_rows:
        for k in source_keys(r[1], r[2]):
            used.setdefault(k, 'train ' + r[0])
    for sid, r in src.items():
        for k in source_keys(r[1], r[2]):
            if k in used:
                problems.append(f'{sid}: source {k} already used ({used[k]})')
        if any(m in r[1] + ' ' + r[2] for m in markers):
            problems.append(f'{sid}: source contains a calibration-split key')

    # reference lines with tags
    def tagged(csvp, tsvp):
        ss = read_csv(csvp)
        _, tr = read_tsv(tsvp)
        t = {r[0]: r for r in tr}
        return [(s[0], t[s[0]][4], s[1], s[2], t[s[0]][1] + ' ' + t[s[0]][2]) for s in ss]
    dev = tagged(os.path.join(repo, 'devset/real-dev.csv'), os.path.join(repo, 'devset/sources.tsv'))
    train = tagged(os.path.join(repo, 'data/real-train.csv'), os.path.join(repo, 'data/real-train-sources.tsv'))
    ref = [('dev', x) for x in dev]
    for x in train:
        ref.append(('calib' if any(m in x[4] for m in sc.CALIBRATION_SOURCES) else
                    'calib2' if any(m in x[4] for m in sc.CALIBRATION2_SOURCES) else 'train', x))
    order = {'dev': 0, 'calib': 1, 'calib2': 1, 'train': 2}  # report the most serious neighbour first
    ref.sort(key=lambda x: order[x[0]])
    refp = [(kind, sid, text, wordset(text), attrs(w, t)) for kind, (sid, text, w, t, _) in ref]
    seen = {}
    for o in others:  # lines of the other annotator(s) imported before this one: exact repeats only
        for sid, w, t in read_csv(os.path.join(o, 'lines.csv')):
            seen.setdefault(norm(' '.join(w)), f'{os.path.basename(o)} {sid}')
    best = collections.Counter()
    for sid, words, tags in sents:
        text = ' '.join(words)
        n = norm(text)
        if n in seen:
            drops.append((sid, 'exact repeat', seen[n], text)); continue
        seen[n] = f'{os.path.basename(ann)} {sid}'
        ws, (pr, at) = wordset(text), attrs(words, tags)
        why = None
        for kind, rsid, rtext, rws, (rpr, rat) in refp:
            j = jac(ws, rws)
            if j >= 0.33:
                why = (kind, f'Jaccard {j:.2f}', rsid, rtext); break
            sp = pr & rpr
            if sp and at & rat:
                why = (kind, f'product {sorted(sp)[0]!r} + {sorted(at & rat)[0]}', rsid, rtext); break
            if kind == 'dev':
                o = rt_overlap(text, rtext)
                if o:
                    why = (kind, 'RealTrainSetTest ' + o, rsid, rtext); break
        if why:
            drops.append((sid, f'near {why[0]} ({why[1]})', why[2], text + '  ~  ' + why[3]))
    for p in problems:
        print('PROBLEM', p)
    for d in drops:
        print('DROP', d[0], '|', d[1], '|', d[2], '|', d[3])
    c = collections.Counter(d[1].split(' (')[0] for d in drops)
    print(f'{ann}: {len(sents)} lines, {len(problems)} problems, {len(drops)} drops {dict(c)}, '
          f'{len(sents) - len(drops)} kept')


if __name__ == '__main__':
    main()
