-- The doctor registry, the outbox of registry events that change capture reads, and the
-- delivery state of every (insurer, doctor) pair.

create table doctor (
  id          uuid primary key,
  version     bigint      not null,
  active      boolean     not null default true,
  family_name text        not null,
  profile     jsonb       not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

-- Registration and licence numbers are unique across the registry.
create table doctor_identifier (
  system    text not null,
  value     text not null,
  doctor_id uuid not null references doctor (id) on delete cascade,
  primary key (system, value)
);
create index doctor_identifier_doctor on doctor_identifier (doctor_id);

create table account (
  username      text primary key,
  password_hash text        not null,
  role          text        not null check (role in ('DOCTOR', 'OPERATOR')),
  doctor_id     uuid unique references doctor (id) on delete set null,
  created_at    timestamptz not null default now()
);

create table insurer (
  id                  text primary key,
  name                text        not null,
  identifier_system   text,
  identifier_value    text,
  connector_kind      text        not null,
  connector_settings  jsonb       not null,
  paused              boolean     not null default false,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);

create table insurer_network (
  insurer_id text not null references insurer (id) on delete cascade,
  id         text not null,
  name       text not null,
  primary key (insurer_id, id)
);

create table consent (
  doctor_id    uuid        not null references doctor (id) on delete cascade,
  insurer_id   text        not null references insurer (id) on delete cascade,
  status       text        not null check (status in ('REQUESTED', 'ACTIVE', 'REVOKED')),
  requested_at timestamptz,
  activated_at timestamptz,
  revoked_at   timestamptz,
  updated_at   timestamptz not null default now(),
  primary key (doctor_id, insurer_id)
);
create index consent_active_by_doctor on consent (doctor_id) where status = 'ACTIVE';

-- Outbox and audit trail: one row per committed change, written in the same transaction as
-- the change itself. Change capture reads inserts into this table.
create table registry_event (
  id             bigserial primary key,
  doctor_id      uuid        not null,
  doctor_version bigint      not null,
  kind           text        not null,
  insurer_id     text,
  actor          text        not null,
  occurred_at    timestamptz not null default clock_timestamp()
);
create index registry_event_doctor on registry_event (doctor_id, id);

-- The newest registry event that sync has turned into deliveries (a catch-up point for the
-- first start, before the replication slot exists).
create table sync_checkpoint (
  id            int primary key check (id = 1),
  last_event_id bigint not null
);
insert into sync_checkpoint (id, last_event_id) values (1, 0);

-- Written by change capture's heartbeat so that an idle registry still moves the slot on.
create table cdc_heartbeat (
  id      int primary key,
  beat_at timestamptz not null
);

-- One row per (insurer, doctor): what the insurer should hold (wanted_version), what it holds
-- (delivered_version, the receipt), and the retry state. A burst of edits coalesces into one
-- row; the newest version wins.
create table delivery (
  insurer_id        text        not null references insurer (id) on delete cascade,
  doctor_id         uuid        not null,
  wanted_version    bigint      not null,
  state             text        not null check (state in ('PENDING', 'DELIVERED', 'DEAD', 'SKIPPED')),
  delivered_version bigint,
  delivered_at      timestamptz,
  published         jsonb,
  attempts          int         not null default 0,
  next_attempt_at   timestamptz not null default now(),
  lease_until       timestamptz,
  last_error        text,
  enqueued_at       timestamptz not null default clock_timestamp(),
  primary key (insurer_id, doctor_id)
);
create index delivery_due on delivery (insurer_id, next_attempt_at) where state = 'PENDING';

create table dead_letter (
  id                bigserial primary key,
  insurer_id        text        not null references insurer (id) on delete cascade,
  doctor_id         uuid        not null,
  doctor_version    bigint      not null,
  http_status       int,
  reason            text        not null,
  operation_outcome text,
  created_at        timestamptz not null default now(),
  replayed_at       timestamptz
);
create index dead_letter_open on dead_letter (insurer_id, created_at) where replayed_at is null;
