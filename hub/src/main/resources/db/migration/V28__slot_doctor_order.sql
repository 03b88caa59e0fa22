-- A doctor's slots in the order FHIR searches page them (start, then id): a doctor's next free
-- slots are the first entries of one index range, with no sort.
drop index slot_doctor_start;
create index slot_doctor_start on slot (doctor_id, starts_at, id);
