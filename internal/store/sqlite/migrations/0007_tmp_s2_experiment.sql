DROP INDEX relations_src_type;
DROP INDEX relations_src_date;
DROP INDEX relations_dst_date;
DROP INDEX edges_a_type;
DROP INDEX edges_b_type;
DROP INDEX entities_mentions;
DROP INDEX entities_degree;
