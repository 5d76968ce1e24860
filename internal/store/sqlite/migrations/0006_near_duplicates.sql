-- Near-duplicate documents: each document's SimHash fingerprint (NULL when none was
-- computed) and, for a near duplicate, the earliest stored document of its cluster, so
-- that a document and its near duplicates count as one source of a claim.
ALTER TABLE documents ADD COLUMN simhash INTEGER;
ALTER TABLE documents ADD COLUMN dup_of INTEGER REFERENCES documents(id);
CREATE INDEX documents_dup_of ON documents(dup_of) WHERE dup_of IS NOT NULL;

-- The fingerprint cut in four bands of 16 bits: two fingerprints within a few bits of each
-- other share a band, so candidates are found by equality.
CREATE TABLE doc_bands (
	band  INTEGER NOT NULL,
	value INTEGER NOT NULL,
	doc   INTEGER NOT NULL REFERENCES documents(id),
	PRIMARY KEY (band, value, doc)
) WITHOUT ROWID;
