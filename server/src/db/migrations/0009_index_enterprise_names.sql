-- Enterprise names in byte order (`text_pattern_ops`): the relevance order of a broad search (exact name, then
-- names starting with the query, then the other matches, each tier by name) is read from this index page by page
-- instead of ranking every match, and a name prefix (`LIKE '浔兴%'`) becomes a range of it whatever the database
-- collation is.
CREATE INDEX enterprises_name_pattern_idx ON enterprises (name text_pattern_ops);
