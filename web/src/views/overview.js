// Overview: corpus counts, latest documents, most connected actors, recent curation.
import { h, link, tag, documentURL, entityURL } from '../dom.js';
import { get } from '../api.js';
import { docTitle } from './common.js';

/** overview renders GET /. */
export async function overview(main) {
  const [stats, docs, actors, audit] = await Promise.all([
    get('stats'),
    get('documents', { limit: 10 }),
    get('entities', { order: 'degree', limit: 12 }),
    get('audit', { limit: 10 }).catch(() => []),
  ]);
  main.append(h('h1', null, 'Overview'));
  const counts = [['Documents', stats.documents], ['Entities', stats.entities], ['Mentions', stats.mentions],
    ['Relations', stats.relations], ['Events', stats.events], ['Graph edges', stats.edges], ['Curation actions', stats.audit_entries]];
  main.append(h('section', { 'aria-label': 'Corpus counts', class: 'cards' },
    counts.map(([k, v]) => h('div', { class: 'card' }, h('div', { class: 'n' }, String(v ?? 0)), h('div', { class: 'muted' }, k)))));
  if (!stats.documents) {
    main.append(h('p', { class: 'notice' }, 'The corpus is empty. ', link('/upload', 'Upload documents'), ' or run dossier ingest.'));
  }
  const types = Object.entries(stats.entity_types || {});
  if (types.length) {
    main.append(h('p', { class: 'legend' }, types.map(([t, n]) => [tag(t), ' ', String(n), ' '])));
  }
  main.append(h('div', { class: 'grid' },
    h('section', { class: 'panel', 'aria-labelledby': 'latest-docs' },
      h('h2', { id: 'latest-docs' }, 'Latest documents'),
      h('ul', { class: 'plain' }, docs.map((d) => h('li', null, link(documentURL(d.id), docTitle(d)), d.date ? h('span', { class: 'muted' }, ' · ' + d.date) : null)))),
    h('section', { class: 'panel', 'aria-labelledby': 'top-actors' },
      h('h2', { id: 'top-actors' }, 'Most connected actors'),
      h('ul', { class: 'plain' }, actors.map((e) => h('li', null, tag(e.type), ' ', link(entityURL(e.id), e.name),
        h('span', { class: 'muted' }, ' · ' + e.degree + ' links, ' + e.docs + ' docs'))))),
    h('section', { class: 'panel', 'aria-labelledby': 'recent-curation' },
      h('h2', { id: 'recent-curation' }, 'Recent curation'),
      audit.length ? h('ul', { class: 'plain' }, audit.map(auditLine)) : h('p', { class: 'muted' }, 'No curation yet.'))));
}

/** auditLine renders one audit entry. */
export function auditLine(a) {
  const target = /^entity:(\d+)$/.exec(a.target || '');
  return h('li', null,
    h('strong', null, a.action), ' ',
    target ? link(entityURL(target[1]), a.target) : (a.target || ''),
    h('span', { class: 'muted' }, ' · ' + a.actor + ' · ' + String(a.at || '').slice(0, 16).replace('T', ' ') + ' · #' + a.id),
    a.undone_by ? h('span', { class: 'muted' }, ' (undone by #' + a.undone_by + ')') : null,
    a.undoes ? h('span', { class: 'muted' }, ' (undoes #' + a.undoes + ')') : null);
}
