// Byte offsets (the store's spans are UTF-8 byte ranges) to JavaScript string indexes.

/**
 * byteIndex returns a function mapping a UTF-8 byte offset of s to the UTF-16 index of s
 * at that position. Offsets inside a character round down to the character's start.
 */
export function byteIndex(s) {
  const map = [];
  let b = 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i);
    const units = cp > 0xffff ? 2 : 1;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) map[b + k] = i;
    b += bytes;
    i += units;
  }
  map[b] = s.length;
  const total = b;
  return (off) => {
    if (!(off >= 0)) return 0;
    if (off >= total) return s.length;
    return map[off];
  };
}

/**
 * segments cuts text [0, len) into top-level items: the given spans that do not overlap
 * an earlier, longer one, and plain runs between them, further cut at the given points.
 * Returns [{start, end, span|null}] in byte offsets, in order.
 */
export function segments(len, spans, cuts) {
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end > s.start && s.end <= len)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    kept.push(s);
    at = s.end;
  }
  const points = [...new Set(cuts.filter((c) => c > 0 && c < len))].sort((a, b) => a - b);
  const out = [];
  const plain = (from, to) => {
    let p = from;
    for (const c of points) {
      if (c <= p) continue;
      if (c >= to) break;
      out.push({ start: p, end: c, span: null });
      p = c;
    }
    if (p < to) out.push({ start: p, end: to, span: null });
  };
  let pos = 0;
  for (const s of kept) {
    plain(pos, s.start);
    out.push({ start: s.start, end: s.end, span: s });
    pos = s.end;
  }
  plain(pos, len);
  return out;
}

/** utf8Length returns the number of UTF-8 bytes of s. */
export function utf8Length(s) {
  return new TextEncoder().encode(s).length;
}

/** splitMarked splits a snippet with open/close markers into [{text, hit}]. */
export function splitMarked(s, open, close) {
  const out = [];
  let rest = s;
  while (rest.length) {
    const i = rest.indexOf(open);
    if (i < 0) break;
    const j = rest.indexOf(close, i + open.length);
    if (j < 0) break;
    if (i > 0) out.push({ text: rest.slice(0, i), hit: false });
    out.push({ text: rest.slice(i + open.length, j), hit: true });
    rest = rest.slice(j + close.length);
  }
  if (rest.length) out.push({ text: rest, hit: false });
  return out;
}
