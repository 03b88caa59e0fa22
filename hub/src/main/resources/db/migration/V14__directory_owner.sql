-- The doctors a shared resource of an insurer's view is published for (an affiliated practice or
-- hospital several doctors share). Such a resource is visible while at least one of its doctors
-- is, and withdrawn when the last one goes; one without owners (the insurer's own networks)
-- always is.
create table directory_owner (
  insurer_id text not null,
  type       text not null,
  id         text not null,
  doctor_id  uuid not null,
  primary key (insurer_id, type, id, doctor_id),
  foreign key (insurer_id, type, id) references directory_resource on delete cascade
);
create index directory_owner_doctor on directory_owner (doctor_id);
