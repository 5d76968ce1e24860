-- The original of a near-duplicate document's cluster, kept on each of the document's
-- relations (NULL when the document is no near duplicate), so that counting an edge's
-- distinct sources reads it from the relation instead of the document row.
ALTER TABLE relations ADD COLUMN source_doc INTEGER REFERENCES documents(id);
