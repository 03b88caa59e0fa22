-- A search joins its criteria on the resource id; checking one criterion for one resource is then
-- an index-only probe on (resource, parameter, value) rather than a read of every value the
-- resource has. The new index starts with the old one's columns, which it replaces (the cascade
-- from directory_resource and the projection's per-resource deletes use that prefix).
create index directory_search_by_resource on directory_search (insurer_id, type, id, param, value);
drop index directory_search_resource;
