#!/usr/bin/env python3
"""Plain dumps made by another converter: the HTML pages of a corpus set are
dumped with inscriptis (a converter none of the plain-dump rules were tuned
on), cleaned by pristine, and scored with the benchmark's word 4-gram
shingle F1 (precision and recall as means over pages), in halves by the
FNV-1a hash of the page id as the eval examples split them. `--justext`
adds jusText on the same dump lines for reference.

usage: python3 scripts/eval_converter.py BINARY SET [--justext]
  BINARY  the pristine binary (target/release/pristine)
  SET     extraction | tiptopjaw-wceb | dragnet
needs: pip install inscriptis (and justext lxml_html_clean for --justext);
reads ../shared/corpus, writes the dumps under target/converter-dumps/."""
import sys, os, gzip, json, re, subprocess, collections
from concurrent.futures import ProcessPoolExecutor
binary, setname = sys.argv[1], sys.argv[2]
corpus = os.environ.get('PRISTINE_CORPUS', '../shared/corpus')
root = corpus + '/' + ('extraction' if setname == 'extraction' else 'web/' + setname)
dumps = f'target/converter-dumps/{setname}'
def convert(fn):
    from inscriptis import get_text
    pid = fn.split('.')[0]
    out = f'{dumps}/{pid}.txt'
    if os.path.exists(out): return
    raw = gzip.open(f'{root}/html/{fn}').read()
    html = raw.decode('utf-8', 'replace')
    text = get_text(html)
    text = '\n'.join(l.strip() for l in text.splitlines())
    text = re.sub(r'\n{3,}', '\n\n', text)
    open(out, 'w').write(text)
if not os.path.isdir(root):
    sys.exit(f'no corpus at {root}: nothing to measure')
truth = json.load(open(root + '/ground-truth.json'))
os.makedirs(dumps, exist_ok=True)
files = sorted(os.listdir(root + '/html'))
with ProcessPoolExecutor(2) as ex: list(ex.map(convert, files))
tok = re.compile(r'\w+')
def shingles(t):
    w = tok.findall(t)
    if len(w) < 4: return collections.Counter([tuple(w)] if w else [])
    return collections.Counter(tuple(w[i:i+4]) for i in range(len(w)-3))
def prf(pred, gold):
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values()); fp = sum(p.values()) - tp; fn = sum(g.values()) - tp
    s = tp + fp + fn
    if s == 0: return 1, 1
    tp, fp, fn = tp/s, fp/s, fn/s
    pr = 1 if fp == 0 and fn == 0 else (0 if tp + fp == 0 else tp/(tp+fp))
    rc = 1 if fp == 0 and fn == 0 else (0 if tp + fn == 0 else tp/(tp+fn))
    return pr, rc
def fnv(s):
    h = 0xcbf29ce484222325
    for b in s.encode(): h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
    return h
out = f'target/converter-dumps/{setname}-out'
subprocess.run(['rm', '-rf', out]); subprocess.run([binary, '-q', '-f', 'text', dumps, '-o', out], stderr=subprocess.DEVNULL)
def score(get):
    res = {'all': [], 'A': [], 'B': []}
    for pid, t in truth.items():
        pred = get(pid)
        if pred is None: continue
        pr, rc = prf(pred, t['articleBody'])
        half = 'A' if fnv(pid) % 2 == 0 else 'B'
        res['all'].append((pr, rc)); res[half].append((pr, rc))
    line = []
    for k, v in res.items():
        if not v: continue
        P = sum(a for a, _ in v)/len(v); R = sum(b for _, b in v)/len(v)
        line.append(f'{k} F1 {2*P*R/(P+R):.3f} (P {P:.3f} R {R:.3f}, {len(v)})')
    return '; '.join(line)
def read_out(pid):
    for ext in ('.txt', '.text'):
        f = f'{out}/{pid}{ext}'
        if os.path.exists(f): return open(f).read()
    return ''
print('raw dump :', score(lambda pid: open(f'{dumps}/{pid}.txt').read() if os.path.exists(f'{dumps}/{pid}.txt') else None))
print('pristine :', score(read_out))
if '--justext' in sys.argv:
    import justext
    sw = justext.get_stoplist('English')
    def jt(pid):
        lines = open(f'{dumps}/{pid}.txt').read().split('\n')
        html = '<html><body>' + ''.join('<p>%s</p>' % (l.replace('&','&amp;').replace('<','&lt;')) for l in lines if l.strip()) + '</body></html>'
        ps = justext.justext(html, sw)
        return '\n'.join(p.text for p in ps if not p.is_boilerplate)
    print('jusText  :', score(jt))
