#!/usr/bin/env python3
"""type_errors.py SHOW_ALL_OUTPUT TYPE TH: one type's errors on calib ∪ calib2 (never the dev set) at threshold TH, exact
word spans, by error_classes.py's classes (wrong TYPE links keyed by predicted type, lost TYPE values by gold type), up
to 10 examples each; then TYPE per source of real-train-sources.tsv, the lost values with no kept link split into "no
link even at 0" and "only wrong links below TH", and TYPE's right/wrong links at a few thresholds. Input: `evaluate
--show-errors 10000 --show-all --min-confidence 0` output (confidences printed with 2 decimals). Branch ner21."""
import collections, os, sys
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE); import error_classes as ea
sents = ea.load(sys.argv[1]); T = sys.argv[2]; th = float(sys.argv[3])
tp, fp, fn, ex, conf = ea.classify(sents, th)
sup = sum(1 for s in sents for g in s['gold'] if g[0] == T)
right = sum(1 for s in sents for p, c in s['pred'] if c >= th and p[0] == T and p in set(s['gold']))
print(f'{T} at {th}: support {sup}, right {right}')
rows = []
for (side, cls, key), e in ex.items():
    if cls in ('boundary', 'spurious', 'missed', 'below threshold'):
        if key == T: rows.append((side, cls, e))
    else:
        gold, pred = key.split('→')
        if (side == 'FP' and pred == T) or (side == 'FN' and gold == T): rows.append((side, f'{cls} {key}', e))
for side, what in (('FP', f'wrong {T} links'), ('FN', f'lost {T} values')):
    c = collections.Counter()
    for s_, t, e in rows:
        if s_ == side: c[t] += len(e)
    print(f'{side} ({what}) {sum(c.values())}: ' + ', '.join(f'{t} {n}' for t, n in c.most_common()))
for side, t, e in sorted(rows, key=lambda r: (r[0], -len(r[2]))):
    print(f'\n## {side} {t} ({len(e)})')
    for x in e[:10]: print(f'  S{x[0]}: {x[1]}{x[2]}   <<{x[3]}>>')
src = {}
for l in open(os.path.join(HERE, '..', 'real-train-sources.tsv'), encoding='utf-8').read().split('\n')[1:]:
    f = l.split('\t')
    if len(f) > 2: src[int(f[0].split(': ')[1])] = f[2][:60]
print(f'\n## {T} by source: source | support | right at 0 | right at {th} | wrong {T} links at 0 | at {th}')
agg = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
for s in sents:
    g = set(s['gold']); k = src.get(s['id'], '?')
    agg[k][0] += sum(1 for x in s['gold'] if x[0] == T)
    for p, c in s['pred']:
        if p[0] == T:
            i = 1 if p in g else 3
            agg[k][i] += 1; agg[k][i + 1] += c >= th
for k, v in sorted(agg.items(), key=lambda kv: -kv[1][0]):
    if any(v): print(f'  {k} | ' + ' | '.join(map(str, v)))
m = [x for (side, cls, key), e in ex.items() if side == 'FN' and cls == 'missed' and key == T for x in e]
none = [x for x in m if x[2].strip() == '| pred:']
print(f'\nlost {T} values with no kept link at {th}: {len(m)}; no link over the value even at 0: {len(none)}; '
      f'only wrong links below {th}: {len(m) - len(none)}')
c = collections.Counter(part.split(' ')[0] for x in m if x not in none for part in x[2].split('pred: ')[1].split('; '))
print('  types of those links below the threshold:', ', '.join(f'{k} {n}' for k, n in c.most_common()))
print(f'\n## {T} links by threshold: threshold | right | wrong | P | R | F1')
for t in sorted({0, 0.5, 0.6, th, 0.8, 0.9, 0.95}):
    r = sum(1 for s in sents for p, c in s['pred'] if p[0] == T and c >= t and p in set(s['gold']))
    w = sum(1 for s in sents for p, c in s['pred'] if p[0] == T and c >= t and p not in set(s['gold']))
    P = r / (r + w) if r + w else 0; R = r / sup if sup else 0
    print(f'  {t} | {r} | {w} | {P:.3f} | {R:.3f} | {2 * P * R / (P + R) if P + R else 0:.3f}')
