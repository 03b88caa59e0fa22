-- A FHIR search that has more than one page: its next-page links name it, so any hub replica can
-- serve the next page to the client that searched (and only to that insurer). Pages are cursors
-- into the search's order, kept in the link itself; the row only keeps the parameters.
create table fhir_paged_search (
  id          uuid        primary key,
  insurer_id  text        not null references insurer (id) on delete cascade,
  type        text        not null,
  parameters  jsonb       not null,
  lenient     boolean     not null,
  created_at  timestamptz not null default now()
);
create index fhir_paged_search_created on fhir_paged_search (created_at);
