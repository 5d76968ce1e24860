-- The attributions already counted among an edge's sources, so that storing a document
-- counts a new one without reading the edge's relations.
CREATE TABLE edge_sources (
	type   TEXT NOT NULL,
	a      INTEGER NOT NULL,
	b      INTEGER NOT NULL,
	source TEXT NOT NULL,
	PRIMARY KEY (type, a, b, source)
);
CREATE INDEX edge_sources_b ON edge_sources(b);

INSERT INTO edge_sources (type, a, b, source)
SELECT DISTINCT r.type,
	CASE WHEN r.type IN ('CONSULT','AGREE','COOPERATE','ALLY_OF') AND r.src > r.dst THEN r.dst ELSE r.src END,
	CASE WHEN r.type IN ('CONSULT','AGREE','COOPERATE','ALLY_OF') AND r.src > r.dst THEN r.src ELSE r.dst END,
	LOWER(r.attr_text)
FROM relations r WHERE r.status <> 'rejected' AND r.attr_text IS NOT NULL AND r.attr_text <> '';
