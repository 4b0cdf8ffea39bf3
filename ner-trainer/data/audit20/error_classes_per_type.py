"""error_classes_per_type.py SHOW_ALL_OUTPUT: per-type table of error_classes.py's classes at 0 and 0.738."""
import sys, collections
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__))); import error_classes as ea
sents = ea.load(sys.argv[1])  # evaluate --show-errors 10000 --show-all --min-confidence 0 output
for th in (0.0, 0.738):
    tp, fp, fn, ex, conf = ea.classify(sents, th)
    sup = collections.Counter(g[0] for s in sents for g in s['gold'])
    tpt = collections.Counter()
    for s in sents:
        for p, c in s['pred']:
            if c >= th and p in set(s['gold']): tpt[p[0]] += 1
    print(f'\n#### at {th} (exact word spans; FP classes keyed by predicted type, FN by gold type)')
    print('| type | support | right | FP boundary | FP type | FP type+boundary | FP spurious | FN boundary | FN type | FN type+boundary | FN missed | FN below threshold |')
    print('|---|---|---|---|---|---|---|---|---|---|---|---|')
    fpk = lambda c, t: sum(n for (cc, k), n in fp.items() if cc == c and (k == t if c in ('boundary', 'spurious') else k.split('→')[1] == t))
    fnk = lambda c, t: sum(n for (cc, k), n in fn.items() if cc == c and (k == t if c in ('boundary', 'missed', 'below threshold') else k.split('→')[0] == t))
    for t in sorted(sup, key=lambda t: -sup[t]) + ['all']:
        ts = list(sup) if t == 'all' else [t]
        f = lambda g, c: sum(g(c, x) for x in ts)
        print(f"| {t} | {sum(sup[x] for x in ts)} | {sum(tpt[x] for x in ts)} | {f(fpk,'boundary')} | {f(fpk,'type')} | {f(fpk,'type+boundary')} | {f(fpk,'spurious')} | {f(fnk,'boundary')} | {f(fnk,'type')} | {f(fnk,'type+boundary')} | {f(fnk,'missed')} | {f(fnk,'below threshold')} |")
