// Document list and document reader: the stored text with mentions highlighted by type,
// relations listed beside it with their evidence highlighted on hover, footnotes linked.
import { h, link, tag, enc, entityURL, documentURL } from '../dom.js';
import { get } from '../api.js';
import { byteIndex, segments } from '../text.js';
import { pager, docTitle, relationClass, flags } from './common.js';

/** documentList renders GET /documents. */
export async function documentList(main, { params }) {
  const offset = Number(params.get('offset')) || 0;
  const limit = 50;
  const docs = await get('documents', { limit, offset });
  main.append(h('h1', null, 'Documents'));
  if (!docs.length) {
    main.append(h('p', { class: 'notice' }, 'No documents yet. ', link('/upload', 'Upload one'), '.'));
    return;
  }
  const rows = docs.map((d) =>
    h('tr', null,
      h('td', null, link(documentURL(d.id), docTitle(d))),
      h('td', null, d.date || ''),
      h('td', null, d.series || ''),
      h('td', null, String(d.entities ?? '')),
      h('td', null, String(d.relations ?? ''))));
  main.append(h('div', { class: 'table-wrap' },
    h('table', null,
      h('thead', null, h('tr', null, ['Title', 'Date', 'Series', 'Entities', 'Relations'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, rows))));
  main.append(pager('/documents', params, offset, limit, docs.length));
}

/** documentPage renders GET /documents/{id}. */
export async function documentPage(main, { args }) {
  const id = args[0];
  const [doc, ex] = await Promise.all([
    get('documents/' + enc(id)),
    get('documents/' + enc(id) + '/extraction').catch(() => ({ entities: [], relations: [], events: [] })),
  ]);
  document.title = (doc.title || doc.id) + ' · dossier';
  const text = doc.text || '';
  const at = byteIndex(text);
  const len = new TextEncoder().encode(text).length;
  const names = new Map((ex.entities || []).map((e) => [String(e.id), e]));

  const mentionSpans = [];
  for (const e of ex.entities || []) {
    for (const m of e.mentions || []) mentionSpans.push({ start: m.start, end: m.end, kind: 'mention', entity: e, form: m.form });
  }
  for (const f of doc.footnotes || []) {
    if (f.marker && f.marker.end > f.marker.start) mentionSpans.push({ start: f.marker.start, end: f.marker.end, kind: 'footnote', note: f });
  }
  const cuts = [];
  const evidences = [...(ex.relations || []), ...(ex.events || [])].map((r) => r.evidence).filter(Boolean);
  for (const ev of evidences) cuts.push(ev.start, ev.end);
  for (const f of doc.footnotes || []) if (f.note) cuts.push(f.note.start, f.note.end);
  const hash = /^#s(\d+)-(\d+)$/.exec(location.hash);
  const target = hash ? { start: Number(hash[1]), end: Number(hash[2]) } : null;
  if (target) cuts.push(target.start, target.end);

  const pieces = [];
  const body = h('div', { class: 'doc-text', id: 'doc-text', lang: doc.lang || null });
  for (const seg of segments(len, mentionSpans, cuts)) {
    const s = text.slice(at(seg.start), at(seg.end));
    let el;
    if (!seg.span) {
      el = h('span', null, s);
    } else if (seg.span.kind === 'footnote') {
      const label = seg.span.note.label;
      el = h('a', { class: 'fn-marker', href: '#fn-' + label, id: 'fnref-' + label, 'aria-label': 'Footnote ' + label }, s);
    } else {
      const e = seg.span.entity;
      el = h('mark', { class: e.type, title: e.name + ' (' + e.type + ', ' + seg.span.form + ')' },
        link(entityURL(e.id), s));
    }
    el.dataset.start = seg.start;
    el.dataset.end = seg.end;
    pieces.push(el);
    body.append(el);
  }
  const highlight = (span, on) => {
    for (const p of pieces) {
      const inside = Number(p.dataset.start) < span.end && Number(p.dataset.end) > span.start;
      if (inside) p.classList.toggle('evidence', on);
    }
  };
  const first = (span) => pieces.find((p) => Number(p.dataset.end) > span.start && Number(p.dataset.start) < span.end);

  const meta = h('p', { class: 'muted' },
    [doc.date ? 'Dated ' + doc.date : 'Undated', doc.series ? ' · ' + doc.series : '', doc.format ? ' · ' + doc.format : '',
      doc.source ? ' · ' + doc.source : '', doc.marking ? ' · ' + doc.marking : ''].join(''));

  const types = [...new Set((ex.entities || []).map((e) => e.type))];
  const legend = h('div', { class: 'legend', 'aria-label': 'Entity types' }, types.map((t) => tag(t)));

  const relItems = (ex.relations || []).map((r) => {
    const src = names.get(String(r.source));
    const dst = names.get(String(r.target));
    const li = h('li', { tabindex: '0', 'data-relation': r.id },
      h('div', { class: 'row' },
        src ? link(entityURL(src.id), src.name) : String(r.source),
        tag(r.type, relationClass(r.type)),
        dst ? link(entityURL(dst.id), dst.name) : String(r.target),
        r.date ? h('span', { class: 'muted' }, r.date) : null,
        flags(r)),
      r.attributed_to ? h('div', { class: 'muted' }, 'according to ' + (names.get(String(r.attributed_to))?.name || r.attributed_to)) : null,
      h('button', { type: 'button', class: 'secondary', 'aria-label': 'Show evidence of ' + r.type + ' relation', onclick: () => {
        highlight(r.evidence, true);
        const el = first(r.evidence);
        if (el) el.scrollIntoView({ block: 'center' });
      } }, 'Show evidence'));
    li.addEventListener('mouseenter', () => highlight(r.evidence, true));
    li.addEventListener('mouseleave', () => highlight(r.evidence, false));
    li.addEventListener('focusin', () => highlight(r.evidence, true));
    li.addEventListener('focusout', () => highlight(r.evidence, false));
    return li;
  });

  const eventItems = (ex.events || []).map((v) => {
    const li = h('li', { tabindex: '0' },
      h('div', { class: 'row' }, tag(v.type, relationClass(v.type)), v.name || '', v.date ? h('span', { class: 'muted' }, v.date) : null),
      h('div', null, (v.participants || []).map((p, i) => [i ? ', ' : '', names.get(String(p)) ? link(entityURL(p), names.get(String(p)).name) : String(p)])));
    li.addEventListener('mouseenter', () => highlight(v.evidence, true));
    li.addEventListener('mouseleave', () => highlight(v.evidence, false));
    return li;
  });

  const notes = (doc.footnotes || []).map((f) => {
    const hasMarker = f.marker && f.marker.end > f.marker.start;
    const hasNote = f.note && f.note.end > f.note.start;
    return h('li', { id: 'fn-' + f.label },
      hasMarker ? h('a', { href: '#fnref-' + f.label, 'aria-label': 'Back to footnote marker ' + f.label }, '[' + f.label + ']') : '[' + f.label + ']', ' ',
      (f.note && f.note.text) || '', f.source ? h('div', { class: 'muted' }, 'Source: ' + f.source) : null,
      hasNote ? h('button', { type: 'button', class: 'secondary small', onclick: () => {
        for (const p of pieces) p.classList.remove('evidence');
        highlight(f.note, true);
        const el = first(f.note);
        if (el) el.scrollIntoView({ block: 'center' });
      } }, 'Show note in text') : null);
  });

  const side = h('aside', { class: 'panel', 'aria-label': 'Extracted facts' },
    h('h2', null, 'Relations (' + relItems.length + ')'),
    relItems.length ? h('ul', { class: 'plain rel-list' }, relItems) : h('p', { class: 'muted' }, 'None found.'),
    eventItems.length ? [h('h2', null, 'Events (' + eventItems.length + ')'), h('ul', { class: 'plain rel-list' }, eventItems)] : null,
    h('h2', null, 'Entities (' + (ex.entities || []).length + ')'),
    h('ul', { class: 'plain' }, (ex.entities || []).map((e) => h('li', null, tag(e.type), ' ', link(entityURL(e.id), e.name)))),
    notes.length ? [h('h2', null, 'Footnotes'), h('ol', { class: 'plain' }, notes)] : null);

  main.append(h('h1', null, doc.title || doc.id), meta, legend,
    h('div', { class: 'doc-layout' }, h('article', { 'aria-label': 'Document text' }, body), side));

  if (target) {
    highlight(target, true);
    const el = first(target);
    if (el) {
      el.id = el.id || 'evidence-target';
      el.classList.add('flash');
      el.scrollIntoView({ block: 'center' });
    }
  }
}
