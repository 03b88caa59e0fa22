-- Each insurer's view of the directory: the FHIR resources DocPort publishes to that insurer, as a
-- push connector would leave them at the insurer, kept current from change capture. The FHIR API
-- serves reads, searches, history and exports from here, always joined with the live visibility
-- rule, so a revoked consent hides a doctor at once even before the view catches up.
create table directory_resource (
  insurer_id   text        not null references insurer (id) on delete cascade,
  type         text        not null,
  id           text        not null,
  -- the doctor the resource is derived from; null for shared ones (networks, organisations)
  doctor_id    uuid,
  version      bigint      not null,
  last_updated timestamptz not null,
  deleted      boolean     not null default false,
  content      text,
  content_hash text,
  primary key (insurer_id, type, id)
);
create index directory_resource_doctor on directory_resource (doctor_id, insurer_id);
create index directory_resource_updated on directory_resource (insurer_id, type, last_updated);

-- Every version of every resource, tombstones included: vread, _history and what an insurer lost.
create table directory_history (
  insurer_id   text        not null references insurer (id) on delete cascade,
  type         text        not null,
  id           text        not null,
  version      bigint      not null,
  doctor_id    uuid,
  last_updated timestamptz not null,
  deleted      boolean     not null,
  content      text,
  primary key (insurer_id, type, id, version)
);
create index directory_history_since on directory_history (insurer_id, last_updated);

-- Search parameter values of the current, live resources; strings are stored normalized (lower
-- case, no accents) so that the FHIR default "starts with, any case" match is an index range scan.
create table directory_search (
  insurer_id text not null,
  type       text not null,
  id         text not null,
  param      text not null,
  value      text not null,
  foreign key (insurer_id, type, id) references directory_resource on delete cascade
);
create index directory_search_value on directory_search (insurer_id, type, param, value text_pattern_ops);
create index directory_search_resource on directory_search (insurer_id, type, id);

-- Doctors whose directory entries are to be brought up to date; filled in the transaction that
-- plans their deliveries, emptied by the projector in the transaction that projects them.
create table directory_pending (
  doctor_id   uuid        primary key,
  enqueued_at timestamptz not null default clock_timestamp()
);
insert into directory_pending (doctor_id) select id from doctor;
