-- The FHIR Location a slot is at, as the directory publishes it, so a search by location or city
-- matches the insurer's Locations directly. Slots are derived data: dropped and generated again.
delete from slot;
insert into calendar_pending (doctor_id) select id from doctor on conflict do nothing;
alter table slot add column location_ref text not null;
create index slot_location_ref on slot (location_ref, starts_at);
