-- FHIR Bulk Data exports an insurer's client kicked off ($export): what it asked for, as of when,
-- and, once the manifest is computed, the files it may download. Files are not stored: each is
-- generated from the directory view as of transaction_time when downloaded. Rows past expires_at
-- answer "expired" for a day, then are pruned.
create table bulk_export (
  id               uuid        primary key,
  insurer_id       text        not null references insurer (id) on delete cascade,
  client_id        text        not null,
  request          text        not null,
  -- the resource types exported, comma-separated
  types            text        not null,
  since            timestamptz,
  -- the _typeFilter queries as asked, one per line
  type_filters     text,
  transaction_time timestamptz not null,
  status           text        not null check (status in ('in-progress', 'complete')),
  expires_at       timestamptz not null,
  created          timestamptz not null default clock_timestamp()
);
create index bulk_export_expires on bulk_export (expires_at);

-- The files of a complete export's manifest: one per exported type that has resources, and one of
-- deletions (type Bundle) when the export has a _since and the insurer lost resources since.
create table bulk_export_file (
  job_id    uuid    not null references bulk_export (id) on delete cascade,
  type      text    not null,
  deleted   boolean not null,
  resources bigint  not null,
  primary key (job_id, type, deleted)
);
