-- Graph edges: the relations of one (type, source, target) aggregated, kept up to date
-- at ingest and on curation so that graph queries without time filters read them directly.
-- Symmetric types are stored with a < b.

CREATE TABLE edges (
	id         INTEGER PRIMARY KEY,
	rel_id     INTEGER NOT NULL,
	type       TEXT NOT NULL,
	a          INTEGER NOT NULL REFERENCES entities(id),
	b          INTEGER NOT NULL REFERENCES entities(id),
	claims     INTEGER NOT NULL,
	docs       INTEGER NOT NULL,
	sources    INTEGER NOT NULL,
	hedged     INTEGER NOT NULL,
	negated    INTEGER NOT NULL,
	first_date TEXT NOT NULL DEFAULT '',
	last_date  TEXT NOT NULL DEFAULT '',
	UNIQUE (type, a, b)
);
CREATE INDEX edges_a ON edges(a, b, type, claims, sources);
CREATE INDEX edges_b ON edges(b, a, type, claims, sources);

INSERT INTO edges (rel_id, type, a, b, claims, docs, sources, hedged, negated, first_date, last_date)
SELECT MIN(r.id), r.type,
	CASE WHEN r.type IN ('CONSULT','AGREE','COOPERATE','ALLY_OF') AND r.src > r.dst THEN r.dst ELSE r.src END AS a,
	CASE WHEN r.type IN ('CONSULT','AGREE','COOPERATE','ALLY_OF') AND r.src > r.dst THEN r.src ELSE r.dst END AS b,
	COUNT(*), COUNT(DISTINCT r.doc),
	COUNT(DISTINCT CASE WHEN r.attr_text IS NULL OR r.attr_text = '' THEN 'd:' || r.doc ELSE 'a:' || LOWER(r.attr_text) END),
	SUM(r.hedged), SUM(r.negated), COALESCE(MIN(NULLIF(r.date, '')), ''), COALESCE(MAX(r.date), '')
FROM relations r WHERE r.status <> 'rejected' GROUP BY r.type, a, b;
