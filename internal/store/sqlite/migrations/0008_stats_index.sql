-- Claims and edges per relation type (the overview's counts) read from an index alone,
-- instead of one lookup in the edges table per edge.
CREATE INDEX edges_type_claims ON edges(type, claims);
