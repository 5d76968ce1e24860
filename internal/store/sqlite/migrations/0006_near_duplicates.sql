-- Near-duplicate documents: each document's near-duplicate sketch (opaque to the store;
-- NULL when none was computed) and, for a near duplicate, the earliest stored document of its cluster, so
-- that a document and its near duplicates count as one source of a claim.
ALTER TABLE documents ADD COLUMN sketch BLOB;
ALTER TABLE documents ADD COLUMN dup_of INTEGER REFERENCES documents(id);
CREATE INDEX documents_dup_of ON documents(dup_of) WHERE dup_of IS NOT NULL;

-- The sketch's locality-sensitive band keys (index, key): documents that share one are
-- candidates, found by equality and confirmed by comparing sketches.
CREATE TABLE doc_bands (
	band  INTEGER NOT NULL,
	value INTEGER NOT NULL,
	doc   INTEGER NOT NULL REFERENCES documents(id),
	PRIMARY KEY (band, value, doc)
) WITHOUT ROWID;
