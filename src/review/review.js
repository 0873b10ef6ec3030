// The review page's script. Data arrives as JSON islands and only ever
// reaches the page through textContent and attributes set by the DOM API,
// never as markup: a document holding a script tag shows it as text.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var index = JSON.parse($('index').textContent);
  var docs = index.docs;
  var passNames = index.passes.map(function (p) { return p[0]; });
  var KINDS = ['edit', 'removal', 'table'];
  var SLICE = 200;
  var state = {
    passes: new Set(), kinds: new Set(), lang: '', status: '', query: null,
    sort: 'c', dir: -1, order: [], pos: new Map(), drawn: 0, sel: -1
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function put(parent, child) { parent.appendChild(child); return child; }
  function cell(tr, text, cls) { put(tr, el('td', cls, text)); }

  // ---- summary -------------------------------------------------------
  var totals = index.totals;
  function sum(o) { var n = 0; for (var k in o) n += o[k]; return n; }
  $('n-read').textContent = totals.documents_read;
  $('n-written').textContent = totals.documents_written;
  $('n-failed').textContent = totals.documents_failed;
  $('n-skipped').textContent = totals.files_skipped;
  $('n-edits').textContent = sum(totals.edits_per_pass);
  $('n-removed').textContent = sum(totals.removed_per_pass);
  $('n-tables').textContent = totals.tables;
  $('n-rebuilt').textContent = totals.tables_rebuilt;
  $('n-langs').textContent = Object.keys(totals.languages).filter(function (l) { return l; }).length;
  var info = [];
  if (totals.seconds !== null && totals.seconds !== undefined) info.push('run took ' + totals.seconds.toFixed(2) + ' s');
  info.push(index.summary_file ? 'summary: ' + index.summary_file
    : index.has_summary ? 'summary of this run' : 'no run summary found; counts are from the outputs');
  $('runinfo').textContent = info.join(' · ');
  var passBody = $('t-passes').tBodies[0];
  index.passes.forEach(function (p) {
    var e = totals.edits_per_pass[p[0]] || 0, r = totals.removed_per_pass[p[0]] || 0;
    if (!e && !r) return;
    var tr = put(passBody, el('tr'));
    var name = el('td', null, p[0]); name.title = p[1]; put(tr, name);
    cell(tr, e); cell(tr, r);
  });
  var langBody = $('t-langs').tBodies[0];
  Object.keys(totals.languages).forEach(function (l) {
    var tr = put(langBody, el('tr'));
    cell(tr, l || 'undetected'); cell(tr, totals.languages[l]);
    var o = put($('f-lang'), el('option', null, (l || 'undetected') + ' (' + totals.languages[l] + ')'));
    o.value = l || '-';
  });
  var failBody = $('t-failed').tBodies[0];
  docs.forEach(function (d, n) {
    if (!d.f) return;
    var tr = put(failBody, el('tr'));
    cell(tr, d.s); cell(tr, d.f.kind); cell(tr, d.f.reason);
    tr.addEventListener('click', function () { select(n); });
  });
  $('c-failed').addEventListener('click', function () { $('f-status').value = 'failed'; refresh(); });
  $('c-read').addEventListener('click', function () { $('f-status').value = ''; refresh(); });
  $('c-written').addEventListener('click', function () { $('f-status').value = 'ok'; refresh(); });

  // ---- filters -------------------------------------------------------
  // A chip row: with all on, a click keeps only that one; otherwise a
  // click toggles it, and switching the last one off switches all back on.
  function chips(box, names, set, count, title) {
    set.clear();
    names.forEach(function (x) { set.add(x); });
    var all = put(box, el('button', 'chip on', 'all'));
    all.type = 'button';
    all.setAttribute('data-chip', 'all');
    var buttons = names.map(function (name) {
      var b = put(box, el('button', 'chip on', name + ' '));
      b.type = 'button';
      b.setAttribute('data-chip', name);
      if (title) b.title = title(name);
      put(b, el('small', null, count(name)));
      b.addEventListener('click', function () {
        if (set.size === names.length) { set.clear(); set.add(name); }
        else if (set.has(name)) set.delete(name);
        else set.add(name);
        if (set.size === 0) names.forEach(function (x) { set.add(x); });
        paint();
      });
      return b;
    });
    all.addEventListener('click', function () { names.forEach(function (x) { set.add(x); }); paint(); });
    function paint() {
      buttons.forEach(function (b, i) { b.classList.toggle('on', set.has(names[i])); });
      all.classList.toggle('on', set.size === names.length);
      refresh();
    }
  }
  var passTitles = new Map(index.passes);
  var shownPasses = passNames.filter(function (p) {
    return totals.edits_per_pass[p] || totals.removed_per_pass[p];
  });
  chips($('f-pass'), shownPasses, state.passes, function (p) {
    return (totals.edits_per_pass[p] || 0) + (totals.removed_per_pass[p] || 0);
  }, function (p) { return passTitles.get(p); });
  // Passes with nothing to show are no filter choice, but stay "on".
  var editTotal = 0, tableTotal = 0;
  docs.forEach(function (d) { editTotal += d.e - d.rb; tableTotal += d.rb; });
  var kindCounts = { edit: editTotal, removal: sum(totals.removed_per_pass), table: tableTotal };
  chips($('f-kind'), KINDS, state.kinds, function (k) { return kindCounts[k]; });
  // Passes with no chip are on when all chips are, off once a pass is chosen.
  function passOn(p) {
    if (state.passes.has(p)) return true;
    return shownPasses.indexOf(p) < 0 && shownPasses.every(function (x) { return state.passes.has(x); });
  }
  $('f-lang').addEventListener('change', refresh);
  $('f-status').addEventListener('change', refresh);
  var timer = 0;
  $('q').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 150); });

  // ---- the list ------------------------------------------------------
  function island(d) { return d.d === undefined ? null : $('d' + d.d); }
  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
  // The islands hold JSON, so the query is searched for as JSON writes it.
  function queryOf(text) {
    var q = text.trim();
    if (!q) return null;
    var json = JSON.stringify(q).slice(1, -1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
    return { plain: q.toLowerCase(), json: new RegExp(escapeRegExp(json), 'i') };
  }
  function matches(d) {
    if (state.status === 'failed' && !d.f) return false;
    if (state.status === 'ok' && d.f) return false;
    if (state.lang && (d.l || '-') !== state.lang) return false;
    var narrowed = state.passes.size < shownPasses.length || state.kinds.size < KINDS.length;
    if (narrowed) {
      var any = false;
      for (var p in d.p) {
        if (!passOn(p)) continue;
        var c = d.p[p];
        if ((c[0] && state.kinds.has('edit')) || (c[1] && state.kinds.has('removal')) || (c[2] && state.kinds.has('table'))) { any = true; break; }
      }
      if (!any) return false;
    }
    var q = state.query;
    if (q) {
      if (d.s.toLowerCase().indexOf(q.plain) >= 0 || (d.t && d.t.toLowerCase().indexOf(q.plain) >= 0)) return true;
      if (d.f && (d.f.kind + ' ' + d.f.reason).toLowerCase().indexOf(q.plain) >= 0) return true;
      var isl = island(d);
      return !!isl && q.json.test(isl.textContent);
    }
    return true;
  }
  function key(d, k) {
    if (k === 'f') return d.f ? d.f.kind : '';
    var v = d[k];
    return v === undefined || v === null ? '' : v;
  }
  function refresh() {
    state.lang = $('f-lang').value;
    state.status = $('f-status').value;
    state.query = queryOf($('q').value);
    var order = [];
    for (var n = 0; n < docs.length; n++) if (matches(docs[n])) order.push(n);
    var k = state.sort, dir = state.dir;
    order.sort(function (a, b) {
      var x = key(docs[a], k), y = key(docs[b], k);
      if (x < y) return -dir;
      if (x > y) return dir;
      return a - b;
    });
    state.order = order;
    state.pos = new Map();
    order.forEach(function (n, i) { state.pos.set(n, i); });
    $('rows').textContent = '';
    state.drawn = 0;
    drawMore(SLICE);
    $('shown').textContent = order.length + ' of ' + docs.length + ' documents';
    document.body.setAttribute('data-shown', order.length);
    document.querySelectorAll('#list th').forEach(function (th) {
      th.classList.toggle('asc', th.getAttribute('data-sort') === k && dir > 0);
      th.classList.toggle('desc', th.getAttribute('data-sort') === k && dir < 0);
    });
    applyFilters();
  }
  function drawMore(count) {
    var body = $('rows');
    var end = Math.min(state.order.length, state.drawn + count);
    var frag = document.createDocumentFragment();
    for (var i = state.drawn; i < end; i++) {
      var n = state.order[i], d = docs[n];
      var tr = put(frag, el('tr', d.f ? 'failed' : ''));
      tr.setAttribute('data-n', n);
      if (n === state.sel) tr.classList.add('sel');
      var name = el('td', null, d.t ? d.s + ' — ' + d.t : d.s);
      name.title = name.textContent;
      put(tr, name);
      cell(tr, d.l || '');
      cell(tr, d.c, 'num'); cell(tr, d.e, 'num'); cell(tr, d.r, 'num'); cell(tr, d.tb, 'num');
      cell(tr, d.f ? 'failed: ' + d.f.kind : 'ok');
    }
    body.appendChild(frag);
    state.drawn = end;
  }
  $('rows').addEventListener('click', function (ev) {
    var tr = ev.target.closest('tr');
    if (tr) select(+tr.getAttribute('data-n'));
  });
  document.querySelectorAll('#list th').forEach(function (th) {
    th.addEventListener('click', function () {
      var k = th.getAttribute('data-sort');
      if (state.sort === k) state.dir = -state.dir;
      else { state.sort = k; state.dir = (k === 's' || k === 'l') ? 1 : -1; }
      refresh();
    });
  });
  new IntersectionObserver(function (seen) {
    if (seen[0].isIntersecting && state.drawn < state.order.length) drawMore(SLICE);
  }, { root: $('listpane') }).observe($('more'));

  // ---- one document --------------------------------------------------
  function select(n) {
    if (n < 0 || n >= docs.length) return;
    state.sel = n;
    var i = state.pos.get(n);
    if (i !== undefined && i >= state.drawn) drawMore(i - state.drawn + SLICE);
    document.querySelectorAll('#rows tr.sel').forEach(function (tr) { tr.classList.remove('sel'); });
    var row = document.querySelector('#rows tr[data-n="' + n + '"]');
    if (row) { row.classList.add('sel'); row.scrollIntoView({ block: 'nearest' }); }
    draw(docs[n]);
    applyFilters();
  }
  function move(delta) {
    var order = state.order;
    if (!order.length) return;
    var i = state.pos.get(state.sel);
    i = i === undefined ? 0 : Math.max(0, Math.min(order.length - 1, i + delta));
    select(order[i]);
  }
  function metaRow(dl, name, value) {
    if (value === null || value === undefined || value === '') return;
    put(dl, el('dt', null, name));
    put(dl, el('dd', null, value));
  }
  function draw(d) {
    var art = $('doc');
    art.textContent = '';
    art.scrollTop = 0;
    art.setAttribute('data-source', d.s);
    put(art, el('h2', null, d.t || d.s));
    put(art, el('p', 'src', d.s));
    if (d.f) {
      var box = put(art, el('div', 'failure'));
      put(box, el('b', null, 'Failed (' + d.f.kind + '): '));
      put(box, el('span', null, d.f.reason));
      return;
    }
    var v = JSON.parse(island(d).textContent);
    var m = v.meta, dl = put(art, el('dl', 'meta'));
    metaRow(dl, 'title', m.title); metaRow(dl, 'byline', m.byline); metaRow(dl, 'published', m.published);
    metaRow(dl, 'language', m.language || 'undetected'); metaRow(dl, 'site', m.site_name);
    metaRow(dl, 'url', m.url); metaRow(dl, 'input', m.input_format); metaRow(dl, 'id', m.id);
    metaRow(dl, 'changes', d.e + ' edits, ' + d.r + ' removals, ' + d.tb + ' tables');
    var body = put(art, el('div', 'body'));
    if (v.loose_removed) {
      var sec = put(body, el('div', 'rmsec'));
      put(sec, el('h3', 'sec', 'Removed (where it sat is not recorded)'));
      removedGroups(sec, v, v.loose_removed);
    }
    v.blocks.forEach(function (b) {
      if (b.rb) removedGroups(body, v, b.rb);
      (b.notes || []).forEach(function (i) { put(body, note(v.edits[i])); });
      put(body, block(b, v));
      if (b.removed) removedGroups(body, v, b.removed);
    });
    if (v.trailing_removed) removedGroups(body, v, v.trailing_removed);
    if (v.loose_edits) {
      put(body, el('h3', 'sec', 'Edits of blocks that are gone'));
      v.loose_edits.forEach(function (i) { put(body, note(v.edits[i])); });
    }
  }
  function segs(parent, list, v) {
    if (!list) return parent;
    list.forEach(function (s) {
      if (typeof s === 'string') { parent.appendChild(document.createTextNode(s)); return; }
      var mark = put(parent, el('span', 'm'));
      s.e.forEach(function (i) {
        var e = v.edits[i];
        var span = put(mark, el('span', 'ed'));
        span.setAttribute('data-pass', e.p);
        span.setAttribute('data-kind', 'edit');
        span.title = e.p + ': ' + e.b + ' → ' + e.a;
        put(span, el('del', null, e.b));
        put(span, el('sub', null, e.p));
        span.appendChild(document.createTextNode('→'));
      });
      put(mark, el('ins', null, s.t));
    });
    return parent;
  }
  function note(e) {
    var box = el('div', 'note ed');
    box.setAttribute('data-pass', e.p);
    box.setAttribute('data-kind', e.tb ? 'table' : 'edit');
    if (e.tb) {
      var det = put(box, el('details'));
      put(det, el('summary', null, e.p + ': table rebuilt from these lines'));
      put(det, el('pre', null, e.b));
    } else {
      put(box, el('sub', null, e.p));
      put(box, el('del', null, e.b));
      box.appendChild(document.createTextNode(' → '));
      put(box, el('ins', null, e.a));
    }
    return box;
  }
  // Removals of one pass and reason fold into one collapsed line.
  function removedGroups(parent, v, ids) {
    var groups = new Map();
    ids.forEach(function (i) {
      var r = v.removed[i], k = r.p + '\u0000' + r.r;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(r);
    });
    groups.forEach(function (list) {
      var det = put(parent, el('details', 'rm'));
      det.setAttribute('data-pass', list[0].p);
      det.setAttribute('data-kind', 'removal');
      put(det, el('summary', null, 'removed by ' + list[0].p + ': ' + list[0].r +
        (list.length > 1 ? ' (' + list.length + ')' : '')));
      list.forEach(function (r) { put(det, el('pre', null, r.x)); });
    });
  }
  function block(b, v) {
    var t = b.x;
    switch (b.k) {
      case 'heading': return segs(el('h' + Math.min(6, Math.max(3, b.level + 2))), t[0], v);
      case 'paragraph': return segs(el('p'), t[0], v);
      case 'quote': return segs(el('blockquote'), t[0], v);
      case 'code': return segs(el('pre'), t[0], v);
      case 'list': {
        var list = el(b.ordered ? 'ol' : 'ul');
        for (var i = 0; i + 1 < t.length; i += 2) {
          var li = put(list, el('li'));
          if (t[i]) { segs(put(li, el('span', 'label')), t[i], v); li.appendChild(document.createTextNode(': ')); }
          segs(li, t[i + 1], v);
        }
        return list;
      }
      case 'table': {
        var table = el('table'), cols = b.columns;
        if (t[0]) segs(put(table, el('caption')), t[0], v);
        var head = put(put(table, el('thead')), el('tr'));
        for (var c = 0; c < cols; c++) segs(put(head, el('th')), t[1 + c], v);
        var tbody = put(table, el('tbody')), tr = null;
        for (var k = 1 + cols; k < t.length; k++) {
          if ((k - 1 - cols) % cols === 0) tr = put(tbody, el('tr'));
          segs(put(tr, el('td')), t[k], v);
        }
        return table;
      }
    }
    return el('div');
  }
  // Edits and removals of passes or kinds filtered out are hidden; a mark
  // whose edits are all hidden shows its text as plain text.
  function applyFilters() {
    var art = $('doc');
    art.querySelectorAll('[data-pass]').forEach(function (e) {
      var on = passOn(e.getAttribute('data-pass')) && state.kinds.has(e.getAttribute('data-kind'));
      e.classList.toggle('off', !on);
    });
    art.querySelectorAll('.m').forEach(function (m) {
      m.classList.toggle('off', !m.querySelector('.ed:not(.off)'));
    });
    art.querySelectorAll('.rmsec').forEach(function (sec) {
      sec.classList.toggle('off', !sec.querySelector('.rm:not(.off)'));
    });
  }

  // ---- keys ----------------------------------------------------------
  document.addEventListener('keydown', function (ev) {
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName || '');
    if (ev.key === 'Escape') { if (typing) ev.target.blur(); return; }
    if (typing || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === 'j' || ev.key === 'ArrowDown') { move(1); ev.preventDefault(); }
    else if (ev.key === 'k' || ev.key === 'ArrowUp') { move(-1); ev.preventDefault(); }
    else if (ev.key === '/') { $('q').focus(); ev.preventDefault(); }
  });

  // ---- start: the URL's hash may set filters and open a document ------
  // (#doc=SOURCE&filter=pass:typos,kind:edit&status=failed&lang=en&q=words&keys=jk),
  // applied through the same controls a reader clicks.
  refresh();
  var start = {};
  location.hash.replace(/^#/, '').split('&').forEach(function (part) {
    var at = part.indexOf('=');
    if (at > 0) start[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1));
  });
  if (start.status) $('f-status').value = start.status;
  if (start.lang) $('f-lang').value = start.lang;
  if (start.q) $('q').value = start.q;
  (start.filter || '').split(',').forEach(function (f) {
    var at = f.indexOf(':');
    var box = f.slice(0, at) === 'pass' ? '#f-pass' : f.slice(0, at) === 'kind' ? '#f-kind' : null;
    if (!box) return;
    document.querySelectorAll(box + ' .chip').forEach(function (b) {
      if (b.getAttribute('data-chip') === f.slice(at + 1)) b.click();
    });
  });
  refresh();
  var first = -1;
  for (var n = 0; n < docs.length && start.doc !== undefined; n++) if (docs[n].s === start.doc) first = n;
  select(first >= 0 ? first : state.order.length ? state.order[0] : -1);
  // keys=jjk presses keys, as a reader would, once the page is drawn.
  (start.keys || '').split('').forEach(function (k) {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });
  document.body.setAttribute('data-ready', Math.round(performance.now()));
})();
