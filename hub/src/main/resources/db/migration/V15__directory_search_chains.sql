-- Searches start from the index: with the resource id in the value index, the ids matching one
-- parameter come from the index alone, in id order for an exact value.
create index directory_search_value_id
  on directory_search (insurer_id, type, param, value text_pattern_ops, id);
drop index directory_search_value;

-- A hash of a resource's search values, chained ones included (location.address-city on a
-- PractitionerRole): when a referenced resource changes and the referrer does not, the referrer's
-- index is rewritten without a new version.
alter table directory_resource add column index_hash text;

-- Every doctor is projected again, which indexes the chained values of what is already held.
insert into directory_pending (doctor_id) select id from doctor on conflict do nothing;
