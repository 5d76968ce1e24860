// Pieces shared by several views.
import { h, link, tag } from '../dom.js';

const cooperation = new Set(['CONSULT', 'AGREE', 'COOPERATE', 'SUPPORT', 'AID', 'ALLY_OF']);
const conflict = new Set(['ACCUSE', 'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'HOSTILE_TO', 'DISTRUSTS']);

/** relationClass says whether a relation type is cooperation, conflict or neither. */
export function relationClass(t) {
  if (cooperation.has(t)) return 'coop';
  if (conflict.has(t)) return 'conflict';
  return 'neutral';
}

/** ENTITY_TYPES lists the contract's entity types. */
export const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'ARMED_GROUP', 'COUNTRY', 'LOCATION', 'EVENT'];

/** RELATION_TYPES lists the contract's relation types. */
export const RELATION_TYPES = ['CONSULT', 'AGREE', 'COOPERATE', 'SUPPORT', 'AID', 'REQUEST', 'ACCUSE', 'DISAPPROVE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'MEMBER_OF', 'LEADS', 'ALLY_OF', 'HOSTILE_TO',
  'AFFILIATED_WITH', 'LOCATED_IN', 'DISTRUSTS'];

/** flags renders the hedged/negated badges of a claim. */
export function flags(r) {
  return [
    r.hedged ? tag('hedged', 'hedged') : null,
    r.negated ? tag('negated', 'negated') : null,
  ];
}

/** docTitle is a document's title or, failing that, its id. */
export function docTitle(d) {
  return d.title || d.source || d.id;
}

/** pager renders previous/next links for offset paging. */
export function pager(path, params, offset, limit, got) {
  const at = (o) => {
    const p = new URLSearchParams(params);
    p.set('offset', String(Math.max(0, o)));
    return path + '?' + p.toString();
  };
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? link(at(offset - limit), 'Previous') : null,
    got >= limit ? link(at(offset + limit), 'Next') : null);
}

/** section returns an h2 and its content, or nothing when empty. */
export function section(title, content) {
  return [h('h2', null, title), content];
}
