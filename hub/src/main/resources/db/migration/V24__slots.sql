-- The slots doctors offer, generated from their availability (scheduling/SlotGenerator) over the
-- planning horizon and kept current by the calendar worker: what insurers read and book. A slot's
-- id is derived from the doctor, location, service and start, so generating the same hours again
-- gives the same ids; a change of a slot's status or comment is a new version of it.
create table slot (
  id          text        primary key,
  doctor_id   uuid        not null references doctor (id) on delete cascade,
  location_id text        not null,
  service_id  text        not null,
  starts_at   timestamptz not null,
  ends_at     timestamptz not null,
  status      text        not null check (status in ('FREE', 'BUSY_UNAVAILABLE')),
  comment     text,
  version     bigint      not null default 1,
  updated_at  timestamptz not null default clock_timestamp()
);
create index slot_doctor_start on slot (doctor_id, starts_at);
create index slot_end on slot (ends_at);

-- Doctors whose slots are to be generated again: queued in the transaction of every change that
-- moves them (their availability, their profile, a holiday calendar, the day rolling over) and
-- drained by the calendar worker.
create table calendar_pending (
  doctor_id   uuid        primary key references doctor (id) on delete cascade,
  enqueued_at timestamptz not null default clock_timestamp()
);
