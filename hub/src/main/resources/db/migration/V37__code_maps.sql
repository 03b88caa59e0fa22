-- Per-insurer code maps (issue 10): FHIR ConceptMaps an operator uploads for an insurer, applied to
-- its doctors' specialty codes by the insurer's mapping profile. A change bumps the insurer's
-- version, so no delivery maps with a code map older than one already committed.
create table insurer_code_map (
  insurer_id   text        not null references insurer (id) on delete cascade,
  id           text        not null,
  concept_map  jsonb       not null,
  updated_at   timestamptz not null default now(),
  primary key (insurer_id, id)
);

-- The codes of each doctor that an insurer's code maps cover and could not translate, as the
-- doctor was last mapped for the insurer (published as the registry holds them), for operators.
create table unmapped_code (
  insurer_id  text        not null references insurer (id) on delete cascade,
  doctor_id   uuid        not null,
  field       text        not null,
  system      text        not null,
  code        text        not null,
  display     text,
  seen_at     timestamptz not null default now(),
  primary key (insurer_id, doctor_id, field, system, code)
);
