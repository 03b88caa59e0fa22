-- What a FHIR Slot says besides its time and status, kept with the slot so a search filters on it
-- and a change of it is a new version of the slot: the Schedule it belongs to (one per doctor,
-- practice location and service), the service's name and standard type, and whether it is given
-- remotely. Slots are derived data: they are dropped here and generated again at start-up, with
-- the same ids.
delete from slot;
insert into calendar_pending (doctor_id) select id from doctor on conflict do nothing;

alter table slot
  add column schedule_id  text    not null,
  add column service_name text,
  add column service_type jsonb,
  add column telemedicine boolean not null;
create index slot_schedule on slot (schedule_id, starts_at);
create index slot_start on slot (starts_at, id);
