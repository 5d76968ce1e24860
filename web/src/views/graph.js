// Network graph: cytoscape with the fCoSE layout. Nodes by type, edges colored by
// cooperation vs conflict, filters for types, dates and minimum sources; a click on a node
// expands it, a click on an edge shows the evidence of its claims.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { h, link, tag, clear, enc, entityURL, documentURL } from '../dom.js';
import { get } from '../api.js';
import { relationClass, flags, ENTITY_TYPES } from './common.js';

const typeColor = {
  PERSON: '#d9822b', ORGANIZATION: '#2b6cb0', ARMED_GROUP: '#c53030', COUNTRY: '#2f855a', LOCATION: '#6b46c1', EVENT: '#b7791f',
};
const typeShape = {
  PERSON: 'ellipse', ORGANIZATION: 'round-rectangle', ARMED_GROUP: 'triangle', COUNTRY: 'hexagon', LOCATION: 'diamond', EVENT: 'star',
};
const edgeColor = { coop: '#1d6b32', conflict: '#b3261e', neutral: '#8a94a0' };

/** graphPage renders GET /graph?center=..&entity_type=..&since=..&until=..&min_sources=..&limit=.. */
export async function graphPage(main, { params }) {
  cytoscape.use(fcose); // once per page: every view is its own page load
  main.append(h('h1', null, 'Network'));
  const chosen = new Set(params.getAll('entity_type'));
  const filters = h('form', { class: 'filters', method: 'get', action: '/graph', id: 'graph-filters' },
    params.getAll('center').map((c) => h('input', { type: 'hidden', name: 'center', value: c })),
    h('fieldset', null, h('legend', null, 'Entity types'),
      ENTITY_TYPES.map((t) => h('label', null, h('input', { type: 'checkbox', name: 'entity_type', value: t, checked: chosen.has(t) }), t))),
    h('label', { for: 'g-since' }, 'Since', h('input', { id: 'g-since', name: 'since', value: params.get('since') || '', placeholder: 'YYYY-MM-DD', size: 10 })),
    h('label', { for: 'g-until' }, 'Until', h('input', { id: 'g-until', name: 'until', value: params.get('until') || '', placeholder: 'YYYY-MM-DD', size: 10 })),
    h('label', { for: 'g-min' }, 'Min. sources', h('input', { id: 'g-min', name: 'min_sources', type: 'number', min: 0, value: params.get('min_sources') || '', size: 4 })),
    h('label', { for: 'g-limit' }, 'Max. nodes', h('input', { id: 'g-limit', name: 'limit', type: 'number', min: 1, max: 5000, value: params.get('limit') || '150', size: 5 })),
    h('button', { type: 'submit' }, 'Apply'));
  main.append(filters);
  const legend = h('div', { class: 'legend' }, ENTITY_TYPES.map((t) => tag(t)), tag('cooperation', 'coop'), tag('conflict', 'conflict'));
  main.append(legend);
  const cyDiv = h('div', { id: 'cy', role: 'img', 'aria-label': 'Network graph; use the lists beside it to read it without a mouse' });
  const info = h('aside', { class: 'panel', id: 'graph-info', 'aria-live': 'polite', 'aria-label': 'Selection' },
    h('p', { class: 'muted' }, 'Click a node to expand it, or an edge to read its evidence.'));
  const status = h('p', { class: 'muted', id: 'graph-status' }, 'Loading…');
  main.append(status, h('div', { class: 'graph-wrap' }, cyDiv, info));

  const q = {
    center: params.getAll('center'),
    entity_type: [...chosen],
    since: params.get('since') || '',
    until: params.get('until') || '',
    min_sources: params.get('min_sources') || '',
    limit: params.get('limit') || '150',
  };
  const g = await get('graph', q);
  const big = g.nodes.length > 800;
  const cy = cytoscape({
    container: cyDiv,
    elements: [],
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    // Large graphs stay responsive: pan and zoom move a bitmap, edges hidden meanwhile.
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    pixelRatio: big ? 1 : 'auto',
    style: [
      { selector: 'node', style: {
        'background-color': (n) => typeColor[n.data('type')] || '#555', shape: (n) => typeShape[n.data('type')] || 'ellipse',
        label: 'data(name)', 'font-size': 10, color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 2,
        width: (n) => 12 + Math.min(30, 3 * Math.sqrt(n.data('degree') || 1)), height: (n) => 12 + Math.min(30, 3 * Math.sqrt(n.data('degree') || 1)),
        'min-zoomed-font-size': big ? 14 : 8,
      } },
      { selector: 'node.center', style: { 'border-width': 3, 'border-color': '#111' } },
      { selector: 'edge', style: {
        'line-color': (e) => edgeColor[relationClass(e.data('type'))], 'target-arrow-color': (e) => edgeColor[relationClass(e.data('type'))],
        // Haystack edges (straight, no arrows) keep thousands of edges cheap to draw.
        'target-arrow-shape': big ? 'none' : 'triangle', 'curve-style': big ? 'haystack' : 'bezier',
        width: (e) => (big ? 1 : 1 + Math.min(6, e.data('claims') || 1)),
        opacity: 0.8, 'line-style': (e) => (e.data('negated') > 0 && e.data('negated') >= e.data('claims') ? 'dashed' : 'solid'),
      } },
      { selector: ':selected', style: { 'overlay-color': '#f0a500', 'overlay-opacity': 0.35 } },
      { selector: '.on-path', style: { 'underlay-color': '#f0a500', 'underlay-opacity': 0.6, 'underlay-padding': 4 } },
    ],
  });
  const add = (graph, centers) => {
    const els = [];
    for (const n of graph.nodes) {
      if (cy.getElementById('n' + n.id).nonempty()) continue;
      els.push({ group: 'nodes', data: { id: 'n' + n.id, eid: n.id, name: n.name, type: n.type, degree: n.degree } });
    }
    for (const e of graph.edges) {
      const id = 'e' + e.type + '-' + e.source + '-' + e.target;
      if (cy.getElementById(id).nonempty()) continue;
      els.push({ group: 'edges', data: { ...e, eid: e.id, id, source: 'n' + e.source, target: 'n' + e.target } });
    }
    const added = cy.add(els.filter((x) => x.group === 'nodes')).union(cy.add(els.filter((x) => x.group === 'edges' &&
      cy.getElementById(x.data.source).nonempty() && cy.getElementById(x.data.target).nonempty())));
    for (const c of centers || []) cy.getElementById('n' + c).addClass('center');
    return added;
  };
  add(g, q.center);
  const t0 = performance.now();
  await runLayout(cy, cy.elements(), cy.nodes().length);
  const layoutMs = Math.round(performance.now() - t0);
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center();
  }
  status.textContent = cy.nodes().length + ' nodes, ' + cy.edges().length + ' edges; layout ' + layoutMs + ' ms.';
  cyDiv.dataset.layoutMs = String(layoutMs);
  cyDiv.dataset.nodes = String(cy.nodes().length);
  cyDiv.dataset.edges = String(cy.edges().length);
  if (!cy.nodes().length) {
    status.textContent = 'Nothing to show with these filters.';
  }

  cy.on('tap', 'node', async (ev) => {
    const n = ev.target;
    showNode(info, n.data());
    try {
      const more = await get('graph', { ...q, center: [n.data('eid')], depth: 1, limit: 60 });
      const added = add(more);
      if (added.nonempty()) {
        const around = n.closedNeighborhood().union(added);
        await runLayout(cy, around, around.nodes().length, true);
      }
      info.append(h('p', { class: 'muted' }, added.nodes().length + ' nodes added.'));
    } catch (err) {
      info.append(h('p', { class: 'error' }, err.message));
    }
  });
  cy.on('tap', 'edge', async (ev) => {
    const e = ev.target.data();
    clear(info);
    info.append(h('p', null, 'Loading evidence…'));
    try {
      const d = await get('edges', { source: e.source.slice(1), target: e.target.slice(1), type: e.type });
      showEdge(info, d, cy);
    } catch (err) {
      clear(info);
      info.append(h('p', { class: 'error', role: 'alert' }, err.message));
    }
  });
  main.append(pathFinder(cy, g.nodes));
  // Keyboard and screen-reader access: the same edges as a list.
  const names = new Map(g.nodes.map((n) => [n.id, n.name]));
  main.append(h('details', { class: 'panel' }, h('summary', null, 'Edges as a list (' + g.edges.length + ')'),
    h('ul', { class: 'plain', id: 'edge-list' }, g.edges.slice(0, 300).map((e) => {
      const b = h('button', { type: 'button', class: 'secondary' }, 'Evidence');
      b.addEventListener('click', () => cy.getElementById('e' + e.type + '-' + e.source + '-' + e.target).emit('tap'));
      return h('li', null, link(entityURL(e.source), names.get(e.source) || String(e.source)), ' ', tag(e.type, relationClass(e.type)), ' ',
        link(entityURL(e.target), names.get(e.target) || String(e.target)), h('span', { class: 'muted' }, ' · ' + e.claims + ' claims, ' + e.sources + ' sources '), b);
    }))));
  window.__dossierGraph = { cy, layoutMs, nodes: cy.nodes().length, edges: cy.edges().length };
}

function runLayout(cy, eles, n, incremental) {
  return new Promise((resolve) => {
    const big = n > 600;
    const layout = eles.layout({
      name: 'fcose',
      // Past a thousand nodes the spectral draft alone (several times faster than the
      // force-directed refinement) lays the graph out, spread wider.
      quality: n > 1000 ? 'draft' : 'default',
      nodeSeparation: n > 1000 ? 300 : 75,
      randomize: !incremental,
      animate: false,
      fit: !incremental,
      nodeDimensionsIncludeLabels: false,
      packComponents: true,
      numIter: big ? 1000 : 2500,
      nodeRepulsion: big ? 20000 : 6000,
      idealEdgeLength: big ? 80 : 60,
    });
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

function showNode(info, d) {
  clear(info);
  info.append(h('h2', null, d.name), h('p', null, tag(d.type), ' ', String(d.degree || 0) + ' links'),
    h('p', null, link(entityURL(d.eid), 'Open profile'), ' · ', link('/graph?center=' + enc(d.eid), 'Center here')));
}

function showEdge(info, d, cy) {
  clear(info);
  const e = d.edge;
  const name = (id) => cy.getElementById('n' + id).data('name') || String(id);
  info.append(h('h2', null, name(e.source), ' ', tag(e.type, relationClass(e.type)), ' ', name(e.target)),
    h('p', { class: 'muted' }, e.claims + ' claims · ' + e.docs + ' documents · ' + e.sources + ' sources' +
      (e.first ? ' · ' + e.first + (e.last && e.last !== e.first ? ' to ' + e.last : '') : '') +
      (e.hedged ? ' · ' + e.hedged + ' hedged' : '') + (e.negated ? ' · ' + e.negated + ' negated' : '')),
    h('ul', { class: 'plain', id: 'edge-claims' }, d.claims.map((c) => h('li', null,
      h('div', { class: 'row' }, c.date ? h('span', null, c.date) : null, flags(c), c.attributed_to ? h('span', { class: 'muted' }, 'according to ' + c.attributed_to) : null),
      h('blockquote', { class: 'quote' }, c.evidence.text),
      link(documentURL(c.doc_id, c.evidence), 'Evidence in ' + (c.doc_title || 'document'), { class: 'evidence-link' })))));
}

/** pathFinder is a form that finds the shortest paths between two entities and lists each
 * hop with its evidence, highlighting the path where it is drawn. */
function pathFinder(cy, nodes) {
  const out = h('div', { id: 'path-result', 'aria-live': 'polite' });
  const names = h('datalist', { id: 'path-names' }, nodes.slice(0, 300).map((n) => h('option', { value: n.name })));
  const form = h('form', { class: 'filters', id: 'path-form', 'aria-label': 'Find a path' },
    h('label', { for: 'path-from' }, 'Path from', h('input', { id: 'path-from', name: 'from', required: true, list: 'path-names' })),
    h('label', { for: 'path-to' }, 'to', h('input', { id: 'path-to', name: 'to', required: true, list: 'path-names' })),
    h('button', { type: 'submit' }, 'Find path'), names);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(out);
    cy.elements().removeClass('on-path');
    const fd = new FormData(form);
    try {
      const paths = await get('path', { from: fd.get('from'), to: fd.get('to') });
      if (!paths.length) {
        out.append(h('p', null, 'No path found.'));
        return;
      }
      paths.slice(0, 3).forEach((p, i) => {
        out.append(h('h3', null, 'Path ' + (i + 1) + ': ' + p.nodes.map((n) => n.name).join(' → ')),
          h('ol', { class: 'plain' }, p.hops.map((hop) => {
            const c = hop.claims[0];
            return h('li', null, h('div', { class: 'row' }, c ? [c.source_name, ' ', tag(hop.edge.type, relationClass(hop.edge.type)), ' ', c.target_name] : hop.edge.type),
              c ? [h('blockquote', { class: 'quote' }, c.evidence.text), link(documentURL(c.doc_id, c.evidence), 'Evidence in ' + (c.doc_title || 'document'))] : null);
          })));
        for (const n of p.nodes) cy.getElementById('n' + n.id).addClass('on-path');
        for (const hop of p.hops) cy.getElementById('e' + hop.edge.type + '-' + hop.edge.source + '-' + hop.edge.target).addClass('on-path');
      });
    } catch (err) {
      out.append(h('p', { class: 'error', role: 'alert' }, err.message));
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'path-h' }, h('h2', { id: 'path-h' }, 'Shortest path'), form, out);
}
