-- Doctors' calendars reach insurers' connectors (issue 8): each change of a doctor's slots or
-- appointments is a new version of the doctor's calendar, and a delivery sends an insurer what
-- changed since the version it holds, as one transaction Bundle.
--
-- The version is taken under a lock on the doctor's row here, held to the commit, so a doctor's
-- calendar versions commit in order: a delivery that read up to version n can never miss a change
-- at a version below n that commits later.
create table doctor_calendar (
  doctor_id uuid   primary key references doctor (id) on delete cascade,
  version   bigint not null default 0
);

-- The calendar version at which each slot and appointment last changed.
alter table slot add column calendar_version bigint not null default 1;
alter table appointment add column calendar_version bigint not null default 1;
create index slot_doctor_calendar on slot (doctor_id, calendar_version);
create index appointment_doctor_calendar on appointment (doctor_id, calendar_version);
insert into doctor_calendar (doctor_id, version)
select doctor_id, 1 from availability on conflict do nothing;

-- Slots a doctor no longer offers (hours changed, or the slot is over), so that insurers holding
-- them delete them too; kept until every insurer holding the doctor's calendar is past them.
create table slot_removed (
  slot_id          text        not null,
  doctor_id        uuid        not null references doctor (id) on delete cascade,
  calendar_version bigint      not null,
  removed_at       timestamptz not null default clock_timestamp(),
  primary key (doctor_id, calendar_version, slot_id)
);

-- Per (insurer, doctor): the calendar version the insurer should hold, and the one it holds
-- (null: nothing of the calendar, so the next delivery sends it whole).
alter table delivery
  add column calendar_wanted    bigint not null default 0,
  add column calendar_delivered bigint;
