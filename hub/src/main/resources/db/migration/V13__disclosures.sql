-- Every read, search and history of the FHIR API that returned a doctor's data: which insurer and
-- client, what was asked, when, and how many of the doctor's resources went out. Append-only: the
-- database itself refuses to change or delete a row. No foreign keys: the record outlives the
-- insurer, its clients and the directory rows it speaks of.
create table disclosure (
  id          bigserial   primary key,
  at          timestamptz not null default clock_timestamp(),
  insurer_id  text        not null,
  client_id   text        not null,
  interaction text        not null,
  request     text        not null,
  resources   int         not null
);
create index disclosure_insurer on disclosure (insurer_id, id);

create table disclosure_doctor (
  disclosure_id bigint not null references disclosure (id),
  doctor_id     uuid   not null,
  resources     int    not null,
  primary key (doctor_id, disclosure_id)
);

create function refuse_change_to_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end
$$;
create trigger disclosure_append_only before update or delete on disclosure
  for each statement execute function refuse_change_to_append_only();
create trigger disclosure_doctor_append_only before update or delete on disclosure_doctor
  for each statement execute function refuse_change_to_append_only();
