-- dossier schema, version 1.

CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	doc_id      TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL DEFAULT '',
	date        TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	series      TEXT NOT NULL DEFAULT '',
	lang        TEXT NOT NULL DEFAULT '',
	format      TEXT NOT NULL DEFAULT '',
	marking     TEXT NOT NULL DEFAULT 'TLP:CLEAR',
	size        INTEGER NOT NULL DEFAULT 0,
	text        TEXT NOT NULL DEFAULT '',
	footnotes   TEXT NOT NULL DEFAULT '[]',
	pages       TEXT NOT NULL DEFAULT '[]',
	ingested_at TEXT NOT NULL,
	extractor   TEXT NOT NULL DEFAULT '',
	extraction  TEXT NOT NULL DEFAULT '{}',
	n_entities  INTEGER NOT NULL DEFAULT 0,
	n_relations INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_ingested ON documents(ingested_at);

CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE entities (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	norm          TEXT NOT NULL,
	type          TEXT NOT NULL,
	kb_id         TEXT,
	canon_id      INTEGER NOT NULL,
	merged_into   INTEGER REFERENCES entities(id),
	deleted       INTEGER NOT NULL DEFAULT 0,
	version       INTEGER NOT NULL DEFAULT 1,
	mention_count INTEGER NOT NULL DEFAULT 0,
	doc_count     INTEGER NOT NULL DEFAULT 0,
	degree        INTEGER NOT NULL DEFAULT 0,
	lat           REAL,
	lon           REAL,
	created_at    TEXT NOT NULL
);
CREATE INDEX entities_canon ON entities(canon_id);
CREATE INDEX entities_kb ON entities(kb_id);
CREATE INDEX entities_norm ON entities(norm);
CREATE INDEX entities_mentions ON entities(mention_count);
CREATE INDEX entities_degree ON entities(degree);

CREATE TABLE entity_aliases (
	entity_id INTEGER NOT NULL REFERENCES entities(id),
	norm      TEXT NOT NULL,
	alias     TEXT NOT NULL,
	origin    TEXT NOT NULL DEFAULT 'extract',
	removed   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (entity_id, norm)
);
CREATE INDEX entity_aliases_norm ON entity_aliases(norm);

CREATE TABLE doc_entities (
	id             INTEGER PRIMARY KEY,
	doc            INTEGER NOT NULL REFERENCES documents(id),
	local_id       TEXT NOT NULL,
	orig_entity_id INTEGER NOT NULL REFERENCES entities(id),
	entity_id      INTEGER NOT NULL REFERENCES entities(id),
	name           TEXT NOT NULL,
	type           TEXT NOT NULL,
	kb_id          TEXT,
	aliases        TEXT NOT NULL DEFAULT '[]',
	roles          TEXT NOT NULL DEFAULT '[]',
	rule           TEXT NOT NULL,
	evidence       TEXT NOT NULL DEFAULT '',
	UNIQUE (doc, local_id)
);
CREATE INDEX doc_entities_entity ON doc_entities(entity_id);
CREATE INDEX doc_entities_orig ON doc_entities(orig_entity_id);

CREATE TABLE mentions (
	id        INTEGER PRIMARY KEY,
	doc       INTEGER NOT NULL REFERENCES documents(id),
	de_id     INTEGER NOT NULL REFERENCES doc_entities(id),
	entity_id INTEGER NOT NULL REFERENCES entities(id),
	start_off INTEGER NOT NULL,
	end_off   INTEGER NOT NULL,
	text      TEXT NOT NULL,
	form      TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_de ON mentions(de_id);
CREATE INDEX mentions_doc ON mentions(doc);

CREATE TABLE relations (
	id            INTEGER PRIMARY KEY,
	doc           INTEGER NOT NULL REFERENCES documents(id),
	local_id      TEXT NOT NULL,
	type          TEXT NOT NULL,
	subtype       TEXT,
	src_de        INTEGER NOT NULL REFERENCES doc_entities(id),
	dst_de        INTEGER NOT NULL REFERENCES doc_entities(id),
	src           INTEGER NOT NULL REFERENCES entities(id),
	dst           INTEGER NOT NULL REFERENCES entities(id),
	role          TEXT,
	date          TEXT NOT NULL DEFAULT '',
	date_key      TEXT NOT NULL DEFAULT '',
	place_de      INTEGER REFERENCES doc_entities(id),
	quantity      TEXT,
	attr_text     TEXT,
	attr_de       INTEGER REFERENCES doc_entities(id),
	hedged        INTEGER NOT NULL DEFAULT 0,
	negated       INTEGER NOT NULL DEFAULT 0,
	confidence    REAL NOT NULL DEFAULT 0,
	ev_start      INTEGER NOT NULL,
	ev_end        INTEGER NOT NULL,
	ev_text       TEXT NOT NULL,
	status        TEXT NOT NULL DEFAULT '',
	status_at     TEXT NOT NULL DEFAULT '',
	known_at      TEXT NOT NULL
);
CREATE INDEX relations_src ON relations(src, dst, type, status, date_key, known_at);
CREATE INDEX relations_dst ON relations(dst, src, type, status, date_key, known_at);
CREATE INDEX relations_src_de ON relations(src_de);
CREATE INDEX relations_dst_de ON relations(dst_de);
CREATE INDEX relations_doc ON relations(doc);
CREATE INDEX relations_date ON relations(date_key);

CREATE TABLE events (
	id        INTEGER PRIMARY KEY,
	doc       INTEGER NOT NULL REFERENCES documents(id),
	local_id  TEXT NOT NULL,
	name      TEXT,
	type      TEXT NOT NULL,
	date      TEXT NOT NULL DEFAULT '',
	date_key  TEXT NOT NULL DEFAULT '',
	place_de  INTEGER REFERENCES doc_entities(id),
	ev_start  INTEGER NOT NULL,
	ev_end    INTEGER NOT NULL,
	ev_text   TEXT NOT NULL,
	known_at  TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_date ON events(date_key);

CREATE TABLE event_participants (
	event_id  INTEGER NOT NULL REFERENCES events(id),
	de_id     INTEGER NOT NULL REFERENCES doc_entities(id),
	entity_id INTEGER NOT NULL REFERENCES entities(id),
	PRIMARY KEY (event_id, de_id)
);
CREATE INDEX event_participants_entity ON event_participants(entity_id);

CREATE TABLE audit (
	id        INTEGER PRIMARY KEY,
	actor     TEXT NOT NULL,
	at        TEXT NOT NULL,
	action    TEXT NOT NULL,
	target    TEXT NOT NULL,
	before    TEXT NOT NULL DEFAULT 'null',
	after     TEXT NOT NULL DEFAULT 'null',
	undoes    INTEGER REFERENCES audit(id),
	undone_by INTEGER REFERENCES audit(id)
);
CREATE INDEX audit_target ON audit(target);
CREATE INDEX audit_at ON audit(at);

CREATE TABLE merges (
	action_id INTEGER PRIMARY KEY REFERENCES audit(id),
	keep_id   INTEGER NOT NULL REFERENCES entities(id),
	drop_id   INTEGER NOT NULL REFERENCES entities(id),
	at        TEXT NOT NULL,
	undone_at TEXT
);

CREATE TABLE notes (
	id        INTEGER PRIMARY KEY,
	action_id INTEGER NOT NULL REFERENCES audit(id),
	actor     TEXT NOT NULL,
	at        TEXT NOT NULL,
	target    TEXT NOT NULL,
	text      TEXT NOT NULL,
	deleted   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notes_target ON notes(target);

CREATE TABLE lexicon (
	id      INTEGER PRIMARY KEY,
	norm    TEXT NOT NULL,
	name    TEXT NOT NULL,
	type    TEXT NOT NULL,
	aliases TEXT NOT NULL DEFAULT '[]',
	kb_id   TEXT NOT NULL DEFAULT '',
	source  TEXT NOT NULL DEFAULT '',
	actor   TEXT NOT NULL,
	at      TEXT NOT NULL,
	UNIQUE (norm, type)
);
