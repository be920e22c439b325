// bitext review in the browser. The page arrives complete from the
// server; this script adds keys, in-place editing, decisions through the
// JSON API, and live updates by polling (no connection is held open). It
// builds DOM only from the server's escaped pages or with textContent.
(function () {
  'use strict';

  var body = document.body;
  var page = body.dataset.page;
  var api = body.dataset.api;
  var poll = parseInt(body.dataset.poll, 10) || 3000;
  var statusBox = document.getElementById('status');
  var undoStack = [];
  var current = -1;
  var statusTimer = 0;

  // The URL's token has become a cookie: show the article's own address.
  if (page && (location.pathname !== page || location.search)) {
    history.replaceState(null, '', page);
  }

  function say(msg, isError) {
    statusBox.textContent = msg;
    statusBox.className = isError ? 'error' : '';
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { statusBox.textContent = ''; }, isError ? 9000 : 3000);
  }

  function request(url, opts) {
    opts = opts || {};
    opts.credentials = 'same-origin';
    opts.cache = 'no-store';
    return fetch(url, opts).then(function (res) {
      var type = res.headers.get('Content-Type') || '';
      var read = type.indexOf('application/json') === 0 ? res.json() : res.text();
      return read.then(function (data) { return { status: res.status, ok: res.ok, data: data }; });
    });
  }

  // --- units ---------------------------------------------------------------

  function units() { return Array.prototype.slice.call(document.querySelectorAll('section.unit')); }
  function unitById(id) { return document.getElementById('u-' + id); }
  function editing(u) { return u.querySelector('.editor') !== null; }

  function setCurrent(i, scroll) {
    var us = units();
    if (us.length === 0) { return; }
    i = Math.max(0, Math.min(i, us.length - 1));
    us.forEach(function (u) { u.classList.remove('current'); });
    current = i;
    us[i].classList.add('current');
    if (scroll) { us[i].scrollIntoView({ block: 'nearest' }); }
  }

  function currentUnit() {
    var us = units();
    if (current < 0 || current >= us.length) { return null; }
    return us[current];
  }

  function nextToDo(step) {
    var us = units();
    for (var k = 1; k <= us.length; k++) {
      var j = ((current + step * k) % us.length + us.length) % us.length;
      if (us[j].dataset.status !== 'approved') { setCurrent(j, true); return; }
    }
    say('nothing left to decide on in this article');
  }

  function unitURL(u, rest) {
    return api + '/units/' + encodeURIComponent(u.dataset.id) + (rest || '');
  }

  // decide posts a decision on unit u; on success it records the step
  // for undo, refreshes the page's units and returns the saved unit.
  function decide(u, decision, done) {
    u.classList.add('busy');
    var before = { text: u.dataset.base, status: u.dataset.status };
    return request(unitURL(u), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(decision)
    }).then(function (res) {
      u.classList.remove('busy');
      if (res.status === 409 && res.data && res.data.unit) {
        showConflict(u, res.data.unit);
        return null;
      }
      if (!res.ok) {
        say((res.data && res.data.error) || ('error ' + res.status), true);
        return null;
      }
      if (decision.action !== 'unapprove' && decision.action !== 'draft' || done) {
        undoStack.push({ id: u.dataset.id, action: decision.action, before: before, after: res.data.unit });
      }
      if (done) { say(done); }
      return refresh().then(function () { return res.data.unit; });
    }, function () {
      u.classList.remove('busy');
      say('the server does not answer: nothing was saved', true);
      return null;
    });
  }

  function approve(u) {
    decide(u, { action: 'approve', base: u.dataset.base }, 'approved (saved)').then(function (saved) {
      if (saved) { nextToDo(1); }
    });
  }

  function revert(u) {
    decide(u, { action: 'revert', base: u.dataset.base }, 'back to the machine draft (saved)');
  }

  function retranslate(u) {
    var sel = document.getElementById('backend');
    if (!sel || !u.querySelector('[data-act="retranslate"]')) { say('re-translation is not available here', true); return; }
    say('re-translating with ' + sel.value + '…');
    decide(u, { action: 'retranslate', backend: sel.value, base: u.dataset.base }, 're-translated with ' + sel.value + ' (saved, to approve)');
  }

  // --- editing in place -------------------------------------------------------

  function openEditor(u) {
    var ed = u.querySelector('.editor');
    if (ed) { ed.querySelector('textarea').focus(); return; }
    ed = document.createElement('div');
    ed.className = 'editor';
    ed.dataset.base = u.dataset.base;
    var ta = document.createElement('textarea');
    ta.value = u.dataset.edit;
    ta.setAttribute('aria-label', 'English of ' + u.querySelector('.where').textContent);
    var hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'Enter saves and approves · Shift+Enter new line · Esc cancels · *emphasis* and [links](…) as in Markdown';
    var save = button('Save and approve', 'save');
    var cancel = button('Cancel', 'cancel');
    var row = document.createElement('div');
    row.className = 'actions';
    row.appendChild(save);
    row.appendChild(cancel);
    ed.appendChild(ta);
    ed.appendChild(hint);
    ed.appendChild(row);
    var text = u.querySelector('.en .text');
    text.hidden = true;
    u.classList.add('editing');
    text.parentNode.insertBefore(ed, text.nextSibling);
    ta.focus();
    ta.setSelectionRange(ta.value.length, ta.value.length);
  }

  function button(label, cls) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = label;
    return b;
  }

  function closeEditor(u) {
    var ed = u.querySelector('.editor');
    if (ed) { ed.parentNode.removeChild(ed); }
    u.querySelector('.en .text').hidden = false;
    u.classList.remove('editing');
    if (u.dataset.stale) { delete u.dataset.stale; refresh(); }
  }

  function saveEditor(u) {
    var ed = u.querySelector('.editor');
    var text = ed.querySelector('textarea').value;
    decide(u, { action: 'edit', text: text, format: 'markdown', base: ed.dataset.base }, 'edited and approved (saved)')
      .then(function (saved) {
        if (!saved) { return; }
        var fresh = unitById(saved.id) || u;
        closeEditor(fresh);
        nextToDo(1);
      });
  }

  // showConflict tells the editor someone else saved the unit first: their
  // text is shown (as the server renders it), the editor's own text stays
  // in the box, and saving again replaces theirs knowingly.
  function showConflict(u, theirs) {
    var id = u.id;
    var ed = u.querySelector('.editor');
    if (ed) { ed.dataset.base = theirs.text; }
    say('conflict: someone else changed this segment', true);
    refresh().then(function (doc) {
      var cur = document.getElementById(id);
      var fresh = doc && doc.getElementById(id);
      if (!cur) { return; }
      var box = cur.querySelector('.conflict') || document.createElement('div');
      box.className = 'conflict';
      box.textContent = '';
      var p = document.createElement('p');
      p.textContent = 'Someone else saved this segment meanwhile (' + theirs.status + '):';
      var q = document.createElement('blockquote');
      if (fresh) {
        q.appendChild(document.importNode(fresh.querySelector('.en .text'), true));
      } else {
        q.textContent = shown(theirs.text, theirs.markup);
      }
      var p2 = document.createElement('p');
      p2.textContent = ed ? 'Your text is kept below: save again to replace theirs, or cancel to keep theirs.'
        : 'Nothing was changed: look at their text, then decide again.';
      box.appendChild(p);
      box.appendChild(q);
      box.appendChild(p2);
      var editor = cur.querySelector('.editor');
      if (editor) {
        editor.insertBefore(box, editor.firstChild);
      } else {
        cur.querySelector('.en').insertBefore(box, cur.querySelector('.en .actions'));
      }
    });
  }

  // --- undo -------------------------------------------------------------------

  function undo() {
    var step = undoStack.pop();
    if (!step) { say('nothing to undo'); return; }
    var u = unitById(step.id);
    if (!u) { say('that segment is gone from the article', true); return; }
    var chain = Promise.resolve(u);
    if (step.action === 'approve' || step.action === 'edit') {
      chain = chain.then(function (u) {
        return decide(u, { action: 'unapprove', base: u.dataset.base }).then(function (s) { return s && unitById(s.id); });
      });
    }
    if (step.before.text !== step.after.text) {
      chain = chain.then(function (u) {
        return u && decide(u, { action: 'draft', text: step.before.text, base: u.dataset.base });
      });
    }
    chain.then(function (ok) {
      if (ok) { say('undone: ' + step.action); setCurrent(units().indexOf(unitById(step.id)), true); }
    });
  }

  // --- history ----------------------------------------------------------------

  function loadHistory(u, det) {
    var box = det.querySelector('.hist');
    box.textContent = 'loading…';
    request(unitURL(u, '/history')).then(function (res) {
      box.textContent = '';
      if (!res.ok) { box.textContent = (res.data && res.data.error) || 'no history'; return; }
      var h = res.data;
      var t = function (x) { return shown(x, h.markup); };
      if (h.approvals.length === 0 && h.translations.length === 0) { box.textContent = 'Nothing in the memory yet.'; return; }
      box.appendChild(list('Approvals', h.approvals, function (a) {
        return [t(a.text), when(a.at) + (a.by ? ' by ' + a.by : '') + (a.draft && a.draft !== a.text ? ' · machine: ' + t(a.draft) : '')];
      }));
      box.appendChild(list('Translations in the memory', h.translations, function (tr) {
        return [t(tr.text), tr.status + (tr.backend ? ' · ' + tr.backend : '') + ' · ' + when(tr.updated)];
      }));
    });
  }

  function list(title, items, lines) {
    var div = document.createElement('div');
    if (items.length === 0) { return div; }
    var h = document.createElement('strong');
    h.textContent = title;
    var ol = document.createElement('ol');
    items.forEach(function (it) {
      var l = lines(it);
      var li = document.createElement('li');
      li.textContent = l[0];
      var who = document.createElement('div');
      who.className = 'who';
      who.textContent = l[1];
      li.appendChild(who);
      ol.appendChild(li);
    });
    div.appendChild(h);
    div.appendChild(ol);
    return div;
  }

  // shown is a unit text as the page shows it in plain text: an HTML
  // fragment (markup) read in an inert document, never inserted as HTML.
  function shown(text, markup) {
    if (!markup) { return text; }
    return new DOMParser().parseFromString(text, 'text/html').body.textContent;
  }

  function when(t) {
    var d = new Date(t);
    return isNaN(d) ? '' : d.toLocaleString();
  }

  // --- live updates -------------------------------------------------------------

  // refresh fetches the page again and swaps in the units that changed,
  // except one being edited, which is marked stale instead.
  function refresh() {
    return request(page).then(function (res) {
      if (!res.ok) { return null; }
      var doc = new DOMParser().parseFromString(res.data, 'text/html');
      swap(doc, '#counts');
      if (body.classList.contains('list')) { swap(doc, '#list'); return doc; }
      var fresh = Array.prototype.slice.call(doc.querySelectorAll('section.unit'));
      var same = fresh.length === units().length && fresh.every(function (f, i) { return units()[i].id === f.id; });
      if (!same && !document.querySelector('.editor')) { swap(doc, '#units'); setCurrent(current, false); return doc; }
      fresh.forEach(function (f) {
        var u = document.getElementById(f.id);
        if (!u || u.dataset.rev === f.dataset.rev) { return; }
        if (editing(u)) { u.dataset.stale = '1'; return; }
        var n = document.importNode(f, true);
        if (u.classList.contains('current')) { n.classList.add('current'); }
        u.parentNode.replaceChild(n, u);
      });
      return doc;
    });
  }

  function swap(doc, sel) {
    var fresh = doc.querySelector(sel);
    var old = document.querySelector(sel);
    if (fresh && old) { old.parentNode.replaceChild(document.importNode(fresh, true), old); }
  }

  // check asks the API whether anything changed, and refreshes if so.
  function check() {
    if (document.hidden) { return Promise.resolve(); }
    return request(api).then(function (res) {
      if (res.status === 401) { say('this page\'s access is gone (bitext serve restarted?): open the address it printed', true); return; }
      if (!res.ok) { return; }
      if (body.classList.contains('list')) {
        var rows = document.querySelectorAll('tr[data-path]');
        var changed = rows.length !== res.data.articles.length || res.data.articles.some(function (a, i) {
          var rev = a.pending + '/' + a.edited + '/' + a.approved + '/' + a.total;
          return rows[i].dataset.path !== a.path || rows[i].dataset.rev !== rev;
        });
        return changed ? refresh() : null;
      }
      var us = units();
      var differ = us.length !== res.data.units.length || res.data.units.some(function (x, i) {
        return us[i].dataset.id !== x.id || us[i].dataset.rev !== x.rev;
      });
      return differ ? refresh() : null;
    }, function () { say('the server does not answer (retrying)', true); });
  }

  function schedule() {
    setTimeout(function () { check().then(schedule, schedule); }, poll);
  }

  // --- keys and clicks --------------------------------------------------------

  function act(u, what) {
    switch (what) {
      case 'approve': approve(u); break;
      case 'edit': openEditor(u); break;
      case 'revert': revert(u); break;
      case 'retranslate': retranslate(u); break;
      case 'save': saveEditor(u); break;
      case 'cancel': closeEditor(u); break;
    }
  }

  document.addEventListener('click', function (e) {
    var u = e.target.closest && e.target.closest('section.unit');
    if (!u) { return; }
    setCurrent(units().indexOf(u), false);
    var b = e.target.closest('button');
    if (b && !b.disabled) { act(u, b.dataset.act || b.className); }
  });

  document.addEventListener('toggle', function (e) {
    var det = e.target;
    if (det.classList && det.classList.contains('history') && det.open) {
      loadHistory(det.closest('section.unit'), det);
    }
  }, true);

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (t.tagName === 'TEXTAREA') {
      var u = t.closest('section.unit');
      if (e.key === 'Escape') { e.preventDefault(); closeEditor(u); u.focus(); }
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); saveEditor(u); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || t.tagName === 'INPUT' || t.tagName === 'SELECT') { return; }
    if (body.classList.contains('list')) { listKey(e); return; }
    var cur = currentUnit();
    var keys = {
      j: function () { setCurrent(current + 1, true); },
      k: function () { setCurrent(current - 1, true); },
      n: function () { nextToDo(1); },
      p: function () { nextToDo(-1); },
      u: undo,
      '?': function () { var h = document.getElementById('help'); h.open = !h.open; }
    };
    var onUnit = { a: 'approve', e: 'edit', r: 'revert', t: 'retranslate' };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); return; }
    if (!cur) { return; }
    if (onUnit[e.key]) { e.preventDefault(); act(cur, onUnit[e.key]); }
    if (e.key === 'h') { var d = cur.querySelector('details.history'); d.open = !d.open; }
  });

  function listKey(e) {
    var links = Array.prototype.slice.call(document.querySelectorAll('#list a'));
    var i = links.indexOf(document.activeElement);
    if (e.key === 'j') { e.preventDefault(); (links[i + 1] || links[0]).focus(); }
    if (e.key === 'k') { e.preventDefault(); (links[i - 1] || links[links.length - 1]).focus(); }
  }

  // --- start ----------------------------------------------------------------------

  if (body.classList.contains('article')) {
    var us = units();
    var first = us.findIndex(function (u) { return u.dataset.status !== 'approved'; });
    setCurrent(first < 0 ? 0 : first, false);
  }
  if (api) { schedule(); }
})();
