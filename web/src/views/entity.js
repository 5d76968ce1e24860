// Entity list and entity page: profile, relations by type, claims with attribution and
// contradictions, documents, and curation (merge, rename, retype, aliases, reject, undo).
import { h, link, tag, clear, enc, entityURL, documentURL, announce } from '../dom.js';
import { get, post } from '../api.js';
import { pager, relationClass, flags, ENTITY_TYPES } from './common.js';
import { auditLine } from './overview.js';

/** entityList renders GET /entities. */
export async function entityList(main, { params }) {
  const offset = Number(params.get('offset')) || 0;
  const limit = 50;
  const type = params.get('type') || '';
  const prefix = params.get('prefix') || '';
  const order = params.get('order') || 'mentions';
  const es = await get('entities', { type, prefix, order, limit, offset });
  main.append(h('h1', null, 'Entities'));
  const typeSel = h('select', { id: 'f-type', name: 'type' }, h('option', { value: '' }, 'any'),
    ENTITY_TYPES.map((t) => h('option', { value: t, selected: t === type }, t)));
  const orderSel = h('select', { id: 'f-order', name: 'order' },
    ['mentions', 'degree', 'docs', 'name'].map((o) => h('option', { value: o, selected: o === order }, o)));
  main.append(h('form', { class: 'filters', method: 'get', action: '/entities' },
    h('label', { for: 'f-prefix' }, 'Name starts with', h('input', { id: 'f-prefix', name: 'prefix', value: prefix })),
    h('label', { for: 'f-type' }, 'Type', typeSel),
    h('label', { for: 'f-order' }, 'Order by', orderSel),
    h('button', { type: 'submit' }, 'Filter')));
  main.append(h('div', { class: 'table-wrap' }, h('table', null,
    h('thead', null, h('tr', null, ['Name', 'Type', 'Mentions', 'Documents', 'Links'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, es.map((e) => h('tr', null,
      h('td', null, link(entityURL(e.id), e.name)), h('td', null, tag(e.type)),
      h('td', null, String(e.mentions)), h('td', null, String(e.docs)), h('td', null, String(e.degree))))))));
  main.append(pager('/entities', params, offset, limit, es.length));
}

/** entityPage renders GET /entities/{id}. */
export async function entityPage(main, { args }, flash) {
  const id = args[0];
  const [p, claims, audit] = await Promise.all([
    get('entities/' + enc(id)),
    get('claims/' + enc(id)),
    get('audit', { target: 'entity:' + id, limit: 20 }).catch(() => []),
  ]);
  const e = p.entity;
  document.title = e.name + ' · dossier';
  const rerender = async (msg) => {
    clear(main);
    try {
      await entityPage(main, { args }, msg);
    } catch (err) {
      main.append(h('h1', null, err.status === 404 ? 'Not found' : 'Error'), h('p', { class: 'error', role: 'alert' }, err.message));
      if (msg) main.append(msg);
    }
  };

  main.append(h('h1', null, e.name, ' ', tag(e.type)));
  if (flash) main.append(flash);
  if (/^\d+$/.test(id) && String(e.id) !== id) {
    main.append(h('p', { class: 'notice', id: 'merged-notice' }, 'Entity #' + id + ' was merged into this one.'));
  }
  main.append(h('p', { class: 'muted' },
    [e.kb_id ? 'KB ' + e.kb_id : null, e.mentions + ' mentions', e.docs + ' documents', e.degree + ' links'].filter(Boolean).join(' · '),
    ' · ', link('/graph?center=' + enc(e.id), 'Show in graph'), ' · ', link('/timeline?entity=' + enc(e.id), 'Timeline')));
  if ((e.aliases || []).length) {
    main.append(h('p', null, h('strong', null, 'Also known as: '), h('span', { id: 'aliases' }, e.aliases.join(', '))));
  }
  if ((p.roles || []).length) {
    main.append(h('h2', null, 'Roles'), h('ul', { class: 'plain' }, p.roles.map((r) =>
      h('li', null, r.role, h('span', { class: 'muted' }, ' · ' + [r.first, r.last].filter(Boolean).join(' to ') + ' · ' + r.docs + ' docs')))));
  }

  // Relations grouped by type, each with its claims.
  const byType = new Map();
  for (const c of claims.claims || []) {
    if (!byType.has(c.type)) byType.set(c.type, []);
    byType.get(c.type).push(c);
  }
  const counts = new Map((p.relations || []).map((r) => [r.type + ':' + r.direction, r]));
  main.append(h('h2', null, 'Relations and claims'));
  if (!byType.size) main.append(h('p', { class: 'muted' }, 'No relations.'));
  for (const [t, cs] of [...byType.entries()].sort((a, b) => b[1].length - a[1].length)) {
    const summary = [...counts.values()].filter((r) => r.type === t)
      .map((r) => r.direction + ': ' + r.count + (r.first ? ' (' + r.first + (r.last && r.last !== r.first ? ' to ' + r.last : '') + ')' : '')).join('; ');
    const shown = cs.slice(0, 5);
    const rest = cs.slice(5);
    main.append(h('section', { class: 'panel claims', 'aria-label': t + ' claims' },
      h('h3', null, tag(t, relationClass(t)), ' ', cs.length + ' claims', summary ? h('span', { class: 'muted' }, ' · ' + summary) : null),
      h('ul', { class: 'plain' }, shown.map((c) => claimItem(c, e.id, rerender))),
      rest.length ? lazyDetails('Show ' + rest.length + ' more', () => h('ul', { class: 'plain' }, rest.map((c) => claimItem(c, e.id, rerender)))) : null));
  }

  if ((claims.contradictions || []).length) {
    main.append(h('h2', null, 'Contradictions'));
    for (const k of claims.contradictions) {
      main.append(h('div', { class: 'contradiction' }, h('p', null, h('strong', null, k.reason)),
        h('div', { class: 'grid' }, h('ul', { class: 'plain' }, claimItem(k.a, e.id, rerender)), h('ul', { class: 'plain' }, claimItem(k.b, e.id, rerender)))));
    }
  }

  main.append(h('div', { class: 'grid' },
    h('section', { class: 'panel', 'aria-labelledby': 'docs-h' }, h('h2', { id: 'docs-h' }, 'Documents'),
      h('ul', { class: 'plain' }, (p.documents || []).map((d) => h('li', null, link(documentURL(d.id), d.title || d.id),
        h('span', { class: 'muted' }, (d.date ? ' · ' + d.date : '') + ' · ' + d.mentions + ' mentions'))))),
    h('section', { class: 'panel', 'aria-labelledby': 'co-h' }, h('h2', { id: 'co-h' }, 'Seen with'),
      h('ul', { class: 'plain' }, (p.co_occurring || []).slice(0, 20).map((o) => h('li', null, tag(o.type), ' ', link(entityURL(o.id), o.name),
        h('span', { class: 'muted' }, ' · ' + o.docs + ' docs')))))));

  if ((p.decisions || []).length) {
    main.append(h('h2', null, 'How it was resolved'), h('ul', { class: 'plain' }, p.decisions.slice(0, 20).map((d) =>
      h('li', null, h('strong', null, d.rule), ': ', d.name, ' ', h('span', { class: 'muted' }, d.evidence || ''), ' ', link(documentURL(d.doc_id), 'document')))));
  }
  if ((p.notes || []).length) {
    main.append(h('h2', null, 'Notes'), h('ul', { class: 'plain' }, p.notes.map((n) => h('li', null, n.text, h('span', { class: 'muted' }, ' · ' + n.actor)))));
  }

  main.append(curationPanel(e, rerender));
  main.append(h('section', { 'aria-labelledby': 'hist-h' }, h('h2', { id: 'hist-h' }, 'Curation history'),
    audit.length ? h('ul', { class: 'plain', id: 'history' }, audit.map((a) => {
      const li = auditLine(a);
      if (!a.undone_by && a.action !== 'undo') li.append(' ', undoButton(a.id, rerender));
      return li;
    })) : h('p', { class: 'muted' }, 'None.')));
}

/** lazyDetails renders its content only when first opened, so long lists cost nothing up front. */
function lazyDetails(summary, render) {
  const d = h('details', null, h('summary', null, summary));
  d.addEventListener('toggle', () => {
    if (d.open && d.children.length === 1) d.append(render());
  });
  return d;
}

function claimItem(c, self, rerender) {
  const other = (id, name) => (String(id) === String(self) ? h('strong', null, name) : link(entityURL(id), name));
  const li = h('li', { 'data-relation': c.relation_id },
    h('div', { class: 'row' }, other(c.source, c.source_name), tag(c.type, relationClass(c.type)), other(c.target, c.target_name),
      c.date ? h('span', { class: 'muted' }, c.date) : null, flags(c), c.status ? tag(c.status, c.status === 'rejected' ? 'negated' : 'coop') : null),
    c.attributed_to ? h('div', { class: 'muted' }, 'according to ',
      c.attributed_id ? link(entityURL(c.attributed_id), c.attributed_to) : c.attributed_to) : null,
    h('blockquote', { class: 'quote' }, c.evidence.text),
    h('div', { class: 'row' }, link(documentURL(c.doc_id, c.evidence), 'In ' + (c.doc_title || 'document') + (c.doc_date ? ' (' + c.doc_date + ')' : '')),
      c.status !== 'rejected' ? actionButton('Reject', 'relations/' + c.relation_id + '/reject', {}, rerender, 'Rejected relation ' + c.relation_id, 'secondary') : null,
      c.status !== 'confirmed' ? actionButton('Confirm', 'relations/' + c.relation_id + '/confirm', {}, rerender, 'Confirmed relation ' + c.relation_id, 'secondary') : null));
  return li;
}

/** actionButton posts a curation request and re-renders with a message and an undo. */
function actionButton(label, path, body, rerender, done, cls) {
  const b = h('button', { type: 'button', class: (cls || '') + ' small' }, label);
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      const res = await post(path, body);
      await rerender(flashMsg(done + ' (action #' + res.action + ').', res.action, rerender));
    } catch (err) {
      b.disabled = false;
      b.after(h('span', { class: 'error', role: 'alert' }, ' ' + err.message));
    }
  });
  return b;
}

function undoButton(action, rerender) {
  const b = h('button', { type: 'button', class: 'secondary', 'data-undo': action }, 'Undo #' + action);
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      const res = await post('undo/' + action, {});
      await rerender(h('p', { class: 'notice', role: 'status', id: 'flash' }, 'Undid action #' + action + ' (action #' + res.action + ').'));
    } catch (err) {
      b.disabled = false;
      b.after(h('span', { class: 'error', role: 'alert' }, ' ' + err.message));
    }
  });
  return b;
}

function flashMsg(text, action, rerender) {
  announce(text);
  return h('p', { class: 'notice', role: 'status', id: 'flash' }, text, ' ', undoButton(action, rerender));
}

function curationPanel(e, rerender) {
  const form = (id, label, fields, submit, onSubmit) => {
    const f = h('form', { id, 'aria-label': label }, fields, h('button', { type: 'submit' }, submit));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const btn = f.querySelector('button');
      btn.disabled = true;
      const old = f.querySelector('.error');
      if (old) old.remove();
      try {
        await onSubmit(new FormData(f));
      } catch (err) {
        btn.disabled = false;
        f.append(h('span', { class: 'error', role: 'alert' }, err.message));
      }
    });
    return f;
  };
  const run = async (path, body, text) => {
    const res = await post(path, body, e.version);
    const target = res.entity && String(res.entity) !== String(e.id) && path.endsWith('/split') ? res.entity : null;
    const msg = flashMsg(text + ' (action #' + res.action + ').', res.action, rerender);
    if (target) msg.append(' ', link(entityURL(target), 'Open the new entity'));
    await rerender(msg);
  };
  const base = 'entities/' + enc(e.id);
  return h('section', { class: 'panel', 'aria-labelledby': 'cur-h' },
    h('h2', { id: 'cur-h' }, 'Curation'),
    h('div', { class: 'curation' },
      form('merge-form', 'Merge another entity into this one', [
        h('label', { for: 'merge-drop' }, 'Merge into this: '),
        h('input', { id: 'merge-drop', name: 'drop', required: true, placeholder: 'other entity name or id' })],
      'Merge', async (fd) => {
        const other = (await get('entities/' + enc(String(fd.get('drop')).trim()))).entity;
        await run(base + '/merge', { drop: other.id }, 'Merged ' + other.name + ' (#' + other.id + ') into ' + e.name);
      }),
      form('rename-form', 'Rename', [
        h('label', { for: 'rename-name' }, 'New name: '),
        h('input', { id: 'rename-name', name: 'name', required: true, value: e.name })],
      'Rename', (fd) => run(base + '/rename', { name: fd.get('name') }, 'Renamed to ' + fd.get('name'))),
      form('retype-form', 'Retype', [
        h('label', { for: 'retype-type' }, 'Type: '),
        h('select', { id: 'retype-type', name: 'type' }, ENTITY_TYPES.map((t) => h('option', { value: t, selected: t === e.type }, t)))],
      'Retype', (fd) => run(base + '/retype', { type: fd.get('type') }, 'Retyped as ' + fd.get('type'))),
      form('alias-form', 'Add an alias', [
        h('label', { for: 'alias-add' }, 'Alias: '),
        h('input', { id: 'alias-add', name: 'add', required: true })],
      'Add alias', (fd) => run(base + '/aliases', { add: fd.get('add') }, 'Added alias ' + fd.get('add'))),
      form('split-form', 'Split aliases off', [
        h('label', { for: 'split-aliases' }, 'Split off aliases: '),
        h('input', { id: 'split-aliases', name: 'aliases', required: true, placeholder: 'comma-separated' })],
      'Split', (fd) => run(base + '/split', { aliases: String(fd.get('aliases')).split(',').map((s) => s.trim()).filter(Boolean) }, 'Split off ' + fd.get('aliases'))),
      form('note-form', 'Add a note', [
        h('label', { for: 'note-text' }, 'Note: '),
        h('input', { id: 'note-text', name: 'text', required: true })],
      'Add note', (fd) => run('notes', { target: 'entity:' + e.id, text: fd.get('text') }, 'Note added'))));
}
