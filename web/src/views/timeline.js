// Timeline of dated relations and events, filterable by actor.
import { h, link, tag, entityURL, documentURL } from '../dom.js';
import { get } from '../api.js';
import { relationClass, flags, pager } from './common.js';

/** timelinePage renders GET /timeline?entity=..&since=..&until=.. */
export async function timelinePage(main, { params }) {
  const entity = params.get('entity') || '';
  const offset = Number(params.get('offset')) || 0;
  const limit = 100;
  main.append(h('h1', null, 'Timeline'));
  main.append(h('form', { class: 'filters', method: 'get', action: '/timeline' },
    h('label', { for: 't-entity' }, 'Actor (name or id)', h('input', { id: 't-entity', name: 'entity', value: entity, list: 't-actors' })),
    h('label', { for: 't-since' }, 'Since', h('input', { id: 't-since', name: 'since', value: params.get('since') || '', placeholder: 'YYYY-MM-DD', size: 10 })),
    h('label', { for: 't-until' }, 'Until', h('input', { id: 't-until', name: 'until', value: params.get('until') || '', placeholder: 'YYYY-MM-DD', size: 10 })),
    h('button', { type: 'submit' }, 'Filter')));
  const [items, actors] = await Promise.all([
    get('timeline', { entity, since: params.get('since'), until: params.get('until'), limit, offset }),
    get('entities', { order: 'degree', limit: 100 }).catch(() => []),
  ]);
  main.append(h('datalist', { id: 't-actors' }, actors.map((a) => h('option', { value: a.name }))));
  if (!items.length) {
    main.append(h('p', { class: 'muted' }, 'No dated relations or events.'));
    return;
  }
  main.append(h('ol', { class: 'timeline', id: 'timeline' }, items.map((it) => {
    const c = it.claim;
    return h('li', null,
      h('div', { class: 'row' }, h('span', { class: 'when' }, it.date), tag(it.type, relationClass(it.type)), it.kind === 'event' ? tag('event', 'EVENT') : null,
        it.name ? h('strong', null, it.name) : null, c ? flags(c) : null),
      c ? h('div', null, link(entityURL(c.source), c.source_name), ' → ', link(entityURL(c.target), c.target_name),
        c.attributed_to ? h('span', { class: 'muted' }, ' · according to ' + c.attributed_to) : null)
        : h('div', null, (it.participants || []).map((p, i) => [i ? ', ' : '', link(entityURL(p.id), p.name)])),
      h('blockquote', { class: 'quote' }, (it.evidence && it.evidence.text) || ''),
      it.doc_id ? link(documentURL(it.doc_id, it.evidence), 'Read in the document') : null);
  })));
  main.append(pager('/timeline', params, offset, limit, items.length));
}
