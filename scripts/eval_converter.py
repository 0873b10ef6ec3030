#!/usr/bin/env python3
"""Plain dumps made by another converter: the HTML pages of a corpus set are
dumped with inscriptis (a converter none of the plain-dump rules were tuned
on) and scored by the dump harness, which cleans them as a folder and
prints F1, precision and recall for the set and its halves, as it does for
the corpus's own dumps.

usage: python3 scripts/eval_converter.py SET [--raw]
  SET    extraction | tiptopjaw-wceb | dragnet
  --raw  also score the dumps as ingested, no pass run
needs: pip install inscriptis; reads ../shared/corpus (or $PRISTINE_CORPUS),
writes the dumps under target/converter-dumps/SET/ (kept: a second run
only scores)."""
import os, re, sys, gzip, subprocess
from concurrent.futures import ProcessPoolExecutor

setname = sys.argv[1] if len(sys.argv) > 1 else 'extraction'
corpus = os.environ.get('PRISTINE_CORPUS', '../shared/corpus')
root = f'{corpus}/extraction' if setname == 'extraction' else f'{corpus}/web/{setname}'
dumps = f'target/converter-dumps/{setname}'


def convert(name):
    from inscriptis import get_text
    out = f'{dumps}/{name.split(".")[0]}.txt'
    if os.path.exists(out):
        return
    html = gzip.open(f'{root}/html/{name}').read().decode('utf-8', 'replace')
    lines = (line.strip() for line in get_text(html).splitlines())
    with open(out, 'w') as f:
        f.write(re.sub(r'\n{3,}', '\n\n', '\n'.join(lines)))


if not os.path.isdir(root):
    sys.exit(f'no corpus at {root}: nothing to measure')
os.makedirs(dumps, exist_ok=True)
with ProcessPoolExecutor(os.cpu_count()) as pool:
    list(pool.map(convert, sorted(os.listdir(f'{root}/html'))))
for extra in [None] + (['--raw'] if '--raw' in sys.argv[2:] else []):
    cmd = ['cargo', 'run', '--release', '--quiet', '--example', 'eval_dumps', '--',
           '--dumps', dumps, '--truth', f'{root}/ground-truth.json', '--worst', '0']
    subprocess.run(cmd + ([extra] if extra else []), check=True)
