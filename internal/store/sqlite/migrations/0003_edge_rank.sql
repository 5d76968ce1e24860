-- Edges by strength: graph queries walk an entity's edges from the strongest down.
DROP INDEX edges_a;
DROP INDEX edges_b;
CREATE INDEX edges_a_rank ON edges(a, claims, rel_id, b, type, sources);
CREATE INDEX edges_b_rank ON edges(b, claims, rel_id, a, type, sources);
