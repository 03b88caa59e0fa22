-- Statistics of (param, value) together. A search criterion is a pair: without these, PostgreSQL
-- multiplies how common the parameter is by how common the value is among all parameters' values,
-- and at 100,000 doctors took the 2,000 roles of one city for 4 (and the right plan, merging
-- id-ordered index lists, for the wrong one). The list of common pairs must be long enough to hold
-- a city's or a specialty's pair: 1,000 entries, sampled from 300,000 rows (about 4 s of ANALYZE
-- on 7.6 million rows).
create statistics directory_search_pairs (mcv) on param, value from directory_search;
alter statistics directory_search_pairs set statistics 1000;
