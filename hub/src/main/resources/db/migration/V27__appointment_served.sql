-- What an appointment keeps of the service it was booked for, so that it reads the same after its
-- slot is gone (past, or the doctor's hours moved): the Schedule, the service's name, standard
-- type and mode, and the meeting link of a telemedicine service. Once cancelled, why and by whom
-- (the booking insurer, or the doctor); while the doctor is away at its time (leave, a holiday),
-- why it needs another time.
alter table appointment
  add column schedule_id         text,
  add column service_name        text,
  add column service_type        jsonb,
  add column telemedicine        boolean not null default false,
  add column meeting_link        text,
  add column cancellation_reason text,
  add column cancelled_by        text check (cancelled_by in ('INSURER', 'DOCTOR')),
  add column reschedule_reason   text;
create index appointment_insurer_start on appointment (insurer_id, lower(period));
create index appointment_doctor_start on appointment (doctor_id, lower(period));
