-- Reminders of booked appointments to the doctor by e-mail (issue 8): each doctor's choice of how
-- long before (ISO 8601 durations; 24 hours and 1 hour when none is set), and one durable timer per
-- appointment and choice, planned in the transaction of every change of the appointment (so a
-- cancelled or moved appointment's reminders go or move with it) and sent by whichever replica's
-- sweep claims it first.
create table reminder_preference (
  doctor_id  uuid        primary key references doctor (id) on delete cascade,
  enabled    boolean     not null,
  before     jsonb       not null,
  updated_at timestamptz not null default now()
);

create table appointment_reminder (
  appointment_id text        not null references appointment (id) on delete cascade,
  before         text        not null,
  starts_at      timestamptz not null,
  due_at         timestamptz not null,
  sent_at        timestamptz,
  primary key (appointment_id, before, starts_at)
);
create index appointment_reminder_due on appointment_reminder (due_at) where sent_at is null;
