#!/usr/bin/env python3
"""error_classes.py SHOW_ALL_OUTPUT [THRESHOLD ...]: error classes of a model on calib ∪ calib2 (never the dev set) (exact word-span level), from
`evaluate --show-errors 10000 --show-all --min-confidence 0` output (gold/pred tag per word, predicted spans with
confidence in order). At each threshold, predicted spans below it are dropped before matching."""
import collections, os, re, sys
TOK = re.compile(r'^(.*)/([BIO](?:-\w+)?)(?:<>([BIO](?:-\w+)?))?$')
PRED = re.compile(r'(\w+)=(.*?)\((\d\.\d\d)\)(?= \w+=|$)')
DROPPED = []
def spans(tags):
    out, cur = [], None
    for i, t in enumerate(tags):
        if t.startswith('B-') or (t.startswith('I-') and (cur is None or cur[0] != t[2:])):
            cur = [t[2:], i, i + 1]; out.append(cur)
        elif t.startswith('I-'):
            cur[2] = i + 1
        else:
            cur = None
    return [tuple(s) for s in out]
def load(path):
    sents, lines = [], open(path, encoding='utf-8').read().split('\n')
    for k, l in enumerate(lines):
        m = re.match(r'^Sentence: (\d+): (.*)$', l)
        if not m: continue
        words, gold, pred = [], [], []
        for tok in m.group(2).split(' '):
            mm = TOK.match(tok); assert mm, tok
            words.append(mm.group(1)); gold.append(mm.group(2)); pred.append(mm.group(3) or mm.group(2))
        pl = lines[k + 1].strip(); assert pl.startswith('predicted:'), pl
        plist = PRED.findall(pl[len('predicted:'):].strip())
        norm = lambda x: re.sub(r'\W', '', x.lower())
        # the decoder leaves out some tagged spans (e.g. a lone "for"); align the printed list to the tag spans by text
        ps, out, j = spans(pred), [], 0
        for sp in ps:
            if j < len(plist) and plist[j][0] == sp[0] and norm(plist[j][1]) in norm(' '.join(words[sp[1]:sp[2]])):
                out.append((sp, float(plist[j][2]))); j += 1
            else:
                DROPPED.append((m.group(1), sp, ' '.join(words[sp[1]:sp[2]])))
        assert j == len(plist), (m.group(1), ps, pl)
        sents.append(dict(id=int(m.group(1)), words=words, gold=spans(gold), pred=out))
    return sents
def ov(a, b): return a[1] < b[2] and b[1] < a[2]
def classify(sents, th):
    fp, fn, tp = collections.Counter(), collections.Counter(), 0
    ex = collections.defaultdict(list); conf = dict(tp=[], fp=[])
    for s in sents:
        keep = [p for p, c in s['pred'] if c >= th]; cmap = dict(s['pred'])
        below = [p for p, c in s['pred'] if c < th]
        gold = set(s['gold']); ks = set(keep)
        txt = lambda sp: ' '.join(s['words'][sp[1]:sp[2]])
        for p in keep:
            if p in gold: tp += 1; conf['tp'].append(cmap[p]); continue
            conf['fp'].append(cmap[p])
            same = [g for g in s['gold'] if g[0] == p[0] and ov(g, p)]
            exact = [g for g in s['gold'] if g[1:] == p[1:]]
            other = [g for g in s['gold'] if g[0] != p[0] and ov(g, p)]
            if same: k = ('boundary', p[0])
            elif exact: k = ('type', f'{exact[0][0]}→{p[0]}')
            elif other: k = ('type+boundary', f'{other[0][0]}→{p[0]}')
            else: k = ('spurious', p[0])
            fp[k] += 1; ex[('FP',) + k].append((s['id'], f'pred {p[0]} "{txt(p)}" ({cmap[p]:.2f})', ' | gold: ' + '; '.join(f'{g[0]} "{txt(g)}"' for g in s['gold'] if ov(g, p)), ' '.join(s['words'])))
        for g in s['gold']:
            if g in ks: continue
            same = [p for p in keep if p[0] == g[0] and ov(g, p)]
            exact = [p for p in keep if p[1:] == g[1:]]
            other = [p for p in keep if p[0] != g[0] and ov(g, p)]
            if g in below: k = ('below threshold', g[0])
            elif same: k = ('boundary', g[0])
            elif exact: k = ('type', f'{g[0]}→{exact[0][0]}')
            elif other: k = ('type+boundary', f'{g[0]}→{other[0][0]}')
            else: k = ('missed', g[0])
            fn[k] += 1; ex[('FN',) + k].append((s['id'], f'gold {g[0]} "{txt(g)}"', ' | pred: ' + '; '.join(f'{p[0]} "{txt(p)}" ({cmap[p]:.2f})' for p, c in s['pred'] if ov(g, p)), ' '.join(s['words'])))
    return tp, fp, fn, ex, conf
if __name__ == '__main__':
    sents = load(sys.argv[1])
    ng = sum(len(s['gold']) for s in sents); npred = sum(len(s['pred']) for s in sents)
    print('tag spans the decoder left out:', len(DROPPED), DROPPED[:20])
    print(f'{len(sents)} sentences, {ng} gold spans, {npred} predicted spans at 0')
    for th in [float(x) for x in sys.argv[2:]] or [0.0]:
        tp, fp, fn, ex, conf = classify(sents, th)
        P = tp / (tp + sum(fp.values())); R = tp / ng
        print(f'\n### threshold {th}: TP {tp}, FP {sum(fp.values())}, FN {sum(fn.values())}; exact-span P {P:.4f} R {R:.4f} F1 {2*P*R/(P+R):.4f}')
        for side, C in (('FP', fp), ('FN', fn)):
            byclass = collections.Counter()
            for (c, _), n in C.items(): byclass[c] += n
            print(f'{side} by class: ' + ', '.join(f'{c} {n}' for c, n in byclass.most_common()))
            for c, _ in byclass.most_common():
                print(f'  {side} {c}: ' + ', '.join(f'{t} {n}' for (cc, t), n in C.most_common() if cc == c))
        if th == 0.0:
            bins = [0, .3, .5, .6, .7, .738, .8, .85, .9, .95, .99, 1.01]
            print('confidence bins (predicted spans at 0): range | right | wrong | share wrong')
            for a, b in zip(bins, bins[1:]):
                r = sum(a <= c < b for c in conf['tp']); w = sum(a <= c < b for c in conf['fp'])
                print(f'  [{a:.3f}, {min(b,1):.3f}{")" if b < 1.01 else "]"} | {r} | {w} | {w/(r+w) if r+w else 0:.2f}')
        if True:  # examples-TH.txt beside the input, every class with its lines
            with open(os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), f'examples-{th}.txt'), 'w') as f:
                for k in sorted(ex, key=lambda k: -len(ex[k])):
                    f.write(f'\n## {" ".join(k)} ({len(ex[k])})\n')
                    for e in ex[k]: f.write(f'  S{e[0]}: {e[1]}{e[2]}   <<{e[3]}>>\n')
