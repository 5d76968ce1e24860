// Full-text search with highlighted snippets.
import { h, link, documentURL } from '../dom.js';
import { get } from '../api.js';

/** searchPage renders GET /search?q=.. */
export async function searchPage(main, { params }) {
  const q = (params.get('q') || '').trim();
  main.append(h('h1', null, q ? 'Search: ' + q : 'Search'));
  if (!q) {
    main.append(h('p', { class: 'muted' }, 'Type words in the search box above.'));
    return;
  }
  const hits = await get('search', { q, limit: 50 });
  if (!hits.length) {
    main.append(h('p', null, 'No document matches.'));
    return;
  }
  main.append(h('p', { class: 'muted' }, hits.length + ' documents'));
  main.append(h('ol', { class: 'plain', id: 'results' }, hits.map((hit) => h('li', null,
    h('h2', null, link(documentURL(hit.doc_id), hit.title || hit.doc_id)),
    h('p', { class: 'snippet' }, (hit.parts || [{ text: hit.snippet }]).map((p) => (p.hit ? h('mark', { class: 'hit' }, p.text) : p.text)))))));
}
