// DOM building without HTML parsing: every piece of data becomes a text node, so nothing
// from a document can turn into markup or script.

/**
 * h builds an element. attrs: plain attributes (strings), "on*" listeners (functions),
 * "class". Children: nodes, strings (text nodes), arrays, null/false (skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** svg builds an SVG element the same way. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'href') {
      el.setAttribute('href', safeHref(String(v)));
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

/** append adds children (nodes, strings as text, nested arrays) to el. */
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** safeHref keeps only same-origin paths and fragments; anything else becomes "#". */
export function safeHref(u) {
  if (u.startsWith('#')) return u;
  if (u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/\\')) return u;
  return '#';
}

/** clear removes every child of el. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** link returns an anchor to a UI path. */
export function link(path, text, attrs) {
  return h('a', { ...(attrs || {}), href: path }, text);
}

/** enc encodes one path segment. */
export const enc = encodeURIComponent;

/** tag is a small type badge. */
export function tag(text, cls) {
  return h('span', { class: 'tag ' + (cls || text) }, text);
}

/** announce tells screen readers (and tests) what just happened. */
export function announce(msg) {
  const s = document.getElementById('status');
  if (s) s.textContent = msg;
}

/** entityURL is the UI path of an entity page. */
export const entityURL = (id) => '/entities/' + enc(id);
/** documentURL is the UI path of a document, optionally at a span. */
export function documentURL(id, span) {
  let u = '/documents/' + enc(id);
  if (span && Number.isInteger(span.start)) u += '#s' + span.start + '-' + span.end;
  return u;
}
