-- Doctor onboarding: a doctor who signs up starts as a DRAFT and becomes ACTIVE once credential
-- checks pass and an operator approves. Only ACTIVE doctors reach insurers. Doctors an operator
-- enters directly (imported, already verified) are ACTIVE from the start.
alter table doctor add column onboarding text not null default 'ACTIVE' check (onboarding in
  ('DRAFT', 'CHECKING', 'CORRECTIONS_NEEDED', 'IN_REVIEW', 'ACTIVE'));
alter table doctor add column onboarding_problems jsonb not null default '[]';
alter table doctor add column onboarding_notes jsonb not null default '[]';
alter table doctor add column onboarding_reminders int not null default 0;
alter table doctor add column onboarding_updated_at timestamptz;
create index doctor_onboarding_in_flight on doctor (onboarding) where onboarding <> 'ACTIVE';

-- Documents a doctor uploads for the credential checks (a copy of the licence, the degree
-- certificate), size- and type-checked on the way in. One current document per kind.
create table doctor_document (
  doctor_id    uuid        not null references doctor (id) on delete cascade,
  kind         text        not null check (kind in ('LICENCE', 'DEGREE')),
  content_type text        not null,
  size_bytes   int         not null,
  sha256       text        not null,
  content      bytea       not null,
  uploaded_at  timestamptz not null default now(),
  primary key (doctor_id, kind)
);
