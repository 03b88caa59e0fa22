-- Appointments insurers book into doctors' slots (issue 8). No doctor is ever booked twice at once:
-- PostgreSQL itself refuses an appointment whose time overlaps another that holds the doctor,
-- across locations, services and insurers, whatever the application checked before.
create extension if not exists btree_gist;

create table appointment (
  id          text        primary key,
  doctor_id   uuid        not null references doctor (id) on delete cascade,
  slot_id     text        not null,
  location_id text        not null,
  service_id  text        not null,
  period      tstzrange   not null,
  insurer_id  text        not null references insurer (id),
  status      text        not null check (status in
                ('HELD', 'BOOKED', 'ARRIVED', 'FULFILLED', 'NOSHOW', 'CANCELLED', 'EXPIRED')),
  hold_until  timestamptz,
  patient     jsonb       not null,
  coverage    jsonb,
  version     bigint      not null default 1,
  created_at  timestamptz not null default clock_timestamp(),
  updated_at  timestamptz not null default clock_timestamp(),
  constraint appointment_doctor_time_taken exclude using gist (doctor_id with =, period with &&)
    where (status in ('HELD', 'BOOKED', 'ARRIVED', 'FULFILLED', 'NOSHOW'))
);
create index appointment_insurer on appointment (insurer_id, doctor_id);
create index appointment_slot on appointment (slot_id);
