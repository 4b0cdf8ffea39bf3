#!/usr/bin/env python3
"""Splits real-train.csv BY SOURCE into a calibration split (whole sources, ~19 % of lines, 11 sources over 9
categories) and the rest, for choosing per-type thresholds on lines a candidate did not train on.

   python3 ner-trainer/data/split_calibration.py OUT_DIR   ->  OUT_DIR/calib.csv, OUT_DIR/calib2.csv,
                                                              OUT_DIR/train-minus-calib.csv

calib2.csv (branch ner9) is a second, DEV-LIKE calibration split, all from one distributor file that no model
trained on: two chemical price lists (Rankem and the Avantor/VWR chemical pages, lines 2058-2221, titles like the dev
set's chemical lines) and 55 hand-labelled Avantor/VWR equipment names (lines 2222-2276, ERP style like the dev set's
distributor descriptions).
train-minus-calib.csv leaves out both calibration splits, so a model trained on it has seen neither.

The calibration sources are listed below (a substring of real-train-sources.tsv's source_url or source_name).
CAVEAT (BENCHMARKS-ner.md, "Per-type thresholds"): models up to 2.6.0 trained on ALL of real-train.csv, so a model
warm-started from them has seen these lines; the split is only clean for a model trained without them from the start.
"""
import collections, csv, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CALIBRATION_SOURCES = ['39261260343', '60391975257', 'Swanson-Hysell', '42793009647', '52239551426', 'bind_dna',
                       'MICROcost', 'tarpn-node', 'MAPPI', '69388811133', '59762535102']
CALIBRATION2_SOURCES = ['lib/rankem_products.json']


def main(out):
    src = {}
    with open(os.path.join(HERE, 'real-train-sources.tsv'), newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            src[row['sentence_id']] = row['source_url'] + ' ' + row['source_name']
    sentences, current = [], None
    with open(os.path.join(HERE, 'real-train.csv'), newline='', encoding='utf-8') as f:
        rows = csv.reader(f)
        header = next(rows)
        for r in rows:
            if r[0]:
                current = (r[0], [])
                sentences.append(current)
            current[1].append(r)
    def of(sid, markers):
        return any(m in src[sid] for m in markers)
    calib = [rows for sid, rows in sentences if of(sid, CALIBRATION_SOURCES)]
    calib2 = [rows for sid, rows in sentences if of(sid, CALIBRATION2_SOURCES)]
    rest = [rows for sid, rows in sentences if not of(sid, CALIBRATION_SOURCES + CALIBRATION2_SOURCES)]
    os.makedirs(out, exist_ok=True)
    for name, part in (('calib.csv', calib), ('calib2.csv', calib2), ('train-minus-calib.csv', rest)):
        with open(os.path.join(out, name), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f)
            w.writerow(header)
            for rows in part:
                w.writerows(rows)
    for name, part in (('calib', calib), ('calib2', calib2)):
        support = collections.Counter(r[2][2:] for rows in part for r in rows if r[2].startswith('B-'))
        print(f'{name}: {len(part)} sentences, support {dict(sorted(support.items()))}')
    print(f'{len(rest)} training sentences')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '.')
