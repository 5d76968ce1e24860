// Map with offline boundaries: Natural Earth 1:110m countries (world-atlas TopoJSON, served
// by the dossier server) drawn as SVG with a small equirectangular projection. Countries
// are shaded by mentions; places with coordinates and the events held there are markers.
import { feature } from 'topojson-client';
import codes from 'i18n-iso-countries/codes.json';
import { h, svg, link, tag, entityURL } from '../dom.js';
import { get } from '../api.js';

const W = 960;
const TOP = 84; // latitudes shown: 84N ..
const BOTTOM = -58; // .. 58S (no Antarctica)
const H = Math.round((W * (TOP - BOTTOM)) / 360);

/** project maps [lon, lat] to SVG coordinates. */
export function project([lon, lat]) {
  return [((lon + 180) / 360) * W, ((TOP - lat) / (TOP - BOTTOM)) * H];
}

/**
 * ringPath draws one ring. Rings that cross the antimeridian are unwrapped (longitudes kept
 * continuous) so that they run past the map's edge, where the SVG clips them, instead of
 * streaking across the whole map.
 */
function ringPath(ring) {
  let d = '';
  let prev = null;
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i];
    if (prev !== null) {
      const jump = lon + shift - prev;
      if (jump > 180) shift -= 360;
      else if (jump < -180) shift += 360;
    }
    prev = lon + shift;
    const [x, y] = project([prev, lat]);
    d += (i ? 'L' : 'M') + x.toFixed(1) + ',' + y.toFixed(1);
  }
  return d + 'Z';
}

function geomPath(g) {
  if (!g) return '';
  if (g.type === 'Polygon') return g.coordinates.map(ringPath).join('');
  if (g.type === 'MultiPolygon') return g.coordinates.map((p) => p.map(ringPath).join('')).join('');
  return '';
}

/** mapPage renders GET /map. */
export async function mapPage(main) {
  main.append(h('h1', null, 'Map'));
  const res = await fetch('/assets/dist/countries-110m.json');
  if (!res.ok) throw new Error('country shapes are missing from this build');
  const topo = await res.json();
  const [places, events] = await Promise.all([
    get('places', { limit: 1000 }),
    get('timeline', { limit: 1000 }).catch(() => []),
  ]);
  const countries = places.filter((p) => p.type === 'COUNTRY').sort((a, b) => b.mentions - a.mentions);
  const numeric = new Map(codes.map(([a2, , num]) => [a2, num]));
  const byNum = new Map();
  const byName = new Map();
  for (const c of countries) {
    const key = c.kb_id && numeric.get(c.kb_id.toUpperCase());
    if (key) byNum.set(key, c);
    byName.set(c.name.toLowerCase(), c);
    for (const a of c.aliases || []) byName.set(String(a).toLowerCase(), c);
  }
  const max = Math.max(1, ...countries.map((c) => c.mentions));
  const shade = (n) => (n <= 0 ? '' : ' s' + Math.min(5, 1 + Math.floor((4 * Math.log(1 + n)) / Math.log(1 + max))));

  const fc = feature(topo, topo.objects.countries);
  const map = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'group', 'aria-labelledby': 'map-title', id: 'world' },
    svg('title', { id: 'map-title' }, 'World map: countries shaded by mentions, places and events as markers'));
  const shaded = [];
  for (const f of fc.features) {
    if (f.id === '010') continue;
    const c = byNum.get(f.id) || byName.get(String(f.properties.name || '').toLowerCase());
    const p = svg('path', { d: geomPath(f.geometry), class: 'country' + (c ? shade(c.mentions) : '') },
      svg('title', null, (f.properties.name || '') + (c ? ': ' + c.mentions + ' mentions' : '')));
    if (c) {
      shaded.push(c);
      map.append(svg('a', { href: entityURL(c.id), 'aria-label': c.name + ', ' + c.mentions + ' mentions' }, p));
    } else {
      map.append(p);
    }
  }
  const placed = places.filter((n) => n.type !== 'COUNTRY' && typeof n.lat === 'number' && typeof n.lon === 'number' && (n.lat || n.lon));
  const at = new Map(placed.map((n) => [n.id, n]));
  const eventsAt = new Map();
  for (const it of events) {
    if (it.kind !== 'event') continue;
    for (const p of it.participants || []) {
      if (!at.has(p.id)) continue;
      if (!eventsAt.has(p.id)) eventsAt.set(p.id, []);
      eventsAt.get(p.id).push(it);
    }
  }
  for (const n of placed) {
    const [x, y] = project([n.lon, n.lat]);
    const evs = eventsAt.get(n.id) || [];
    const label = n.name + (evs.length ? ': ' + evs.length + ' events' : '');
    map.append(svg('a', { href: entityURL(n.id), 'aria-label': label },
      svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: evs.length ? 5 : 3.5, class: 'marker' + (evs.length ? ' event' : '') },
        svg('title', null, label))));
  }
  main.append(h('div', { class: 'map-wrap' }, map));
  main.append(h('div', { class: 'grid' },
    h('section', { class: 'panel', 'aria-labelledby': 'm-c' }, h('h2', { id: 'm-c' }, 'Countries by mentions'),
      h('ol', { class: 'plain', id: 'map-countries' }, countries.slice(0, 30).map((c) => h('li', null, link(entityURL(c.id), c.name),
        h('span', { class: 'muted' }, ' · ' + c.mentions + ' mentions' + (shaded.includes(c) ? '' : ' (not on the map)')))))),
    h('section', { class: 'panel', 'aria-labelledby': 'm-p' }, h('h2', { id: 'm-p' }, 'Places'),
      placed.length ? h('ul', { class: 'plain', id: 'map-places' }, placed.slice(0, 50).map((n) => h('li', null, tag(n.type), ' ', link(entityURL(n.id), n.name),
        (eventsAt.get(n.id) || []).length ? h('span', { class: 'muted' }, ' · ' + eventsAt.get(n.id).map((e) => (e.name || e.type) + ' ' + e.date).join('; ')) : null)))
        : h('p', { class: 'muted' }, 'No places with known coordinates.'))));
}
