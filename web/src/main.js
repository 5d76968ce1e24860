// Entry point of the dossier UI: picks the view that the page's path names and renders it
// into <main>. Every page is a plain URL served by the dossier server, so links are links.
import { h, clear, announce } from './dom.js';
import { overview } from './views/overview.js';
import { documentList, documentPage } from './views/document.js';
import { entityList, entityPage } from './views/entity.js';
import { graphPage } from './views/graph.js';
import { timelinePage } from './views/timeline.js';
import { mapPage } from './views/map.js';
import { searchPage } from './views/search.js';
import { uploadPage } from './views/upload.js';

const routes = [
  [/^\/$/, overview, '/'],
  [/^\/documents$/, documentList, '/documents'],
  [/^\/documents\/([^/]+)$/, documentPage, '/documents'],
  [/^\/entities$/, entityList, '/entities'],
  [/^\/entities\/([^/]+)$/, entityPage, '/entities'],
  [/^\/graph$/, graphPage, '/graph'],
  [/^\/timeline$/, timelinePage, '/timeline'],
  [/^\/map$/, mapPage, '/map'],
  [/^\/search$/, searchPage, null],
  [/^\/upload$/, uploadPage, '/upload'],
];

async function start() {
  const main = document.getElementById('main');
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(location.search);
  const q = document.getElementById('q');
  if (q && params.get('q')) q.value = params.get('q');
  for (const [re, view, nav] of routes) {
    const m = path.match(re);
    if (!m) continue;
    if (nav) {
      for (const a of document.querySelectorAll('.top nav a')) {
        if (a.getAttribute('href') === nav) a.setAttribute('aria-current', 'page');
      }
    }
    clear(main);
    try {
      await view(main, { params, args: m.slice(1).map(decodeURIComponent) });
    } catch (err) {
      clear(main);
      main.appendChild(h('h1', null, err.status === 404 ? 'Not found' : 'Something went wrong'));
      main.appendChild(h('p', { class: 'error', role: 'alert' }, String(err.message || err)));
    }
    document.body.setAttribute('data-ready', '1');
    announce((document.querySelector('main h1') || {}).textContent || '');
    return;
  }
  clear(main);
  main.appendChild(h('h1', null, 'Not found'));
  main.appendChild(h('p', null, 'No page at this address.'));
  document.body.setAttribute('data-ready', '1');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
