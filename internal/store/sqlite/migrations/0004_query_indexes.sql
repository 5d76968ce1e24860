-- Indexes for the entity queries (profile, timeline, claims) on large stores.

-- An entity's relations by type, read from the index alone.
CREATE INDEX edges_a_type ON edges(a, type, claims, first_date, last_date);
CREATE INDEX edges_b_type ON edges(b, type, claims, first_date, last_date);
-- Roles stated by MEMBER_OF and LEADS relations.
CREATE INDEX relations_src_type ON relations(src, type);
-- An entity's relations in date order (timeline, latest claims).
CREATE INDEX relations_src_date ON relations(src, date_key);
CREATE INDEX relations_dst_date ON relations(dst, date_key);
-- An entity's latest documents, and the entities of a document.
DROP INDEX doc_entities_entity;
CREATE INDEX doc_entities_entity_doc ON doc_entities(entity_id, doc);
CREATE INDEX doc_entities_doc_entity ON doc_entities(doc, entity_id);
-- The few documents' entities that carry roles.
CREATE INDEX doc_entities_roles ON doc_entities(entity_id) WHERE roles <> '[]';
-- Full-text ranking: a match in the title weighs four times one in the text.
INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
