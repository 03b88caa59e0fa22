-- Calendars a doctor keeps elsewhere (a private iCalendar URL: Google, Outlook, Apple), polled by
-- DocPort; their busy times within the planning horizon block the slots they overlap, at every
-- insurer. The URL is a secret (whoever has it reads the calendar): it is kept sealed.
create table external_calendar (
  id            uuid        primary key,
  doctor_id     uuid        not null references doctor (id) on delete cascade,
  url           text        not null,
  name          text,
  etag          text,
  last_modified text,
  busy          jsonb       not null default '[]',
  polled_at     timestamptz,
  changed_at    timestamptz,
  last_error    text,
  created_at    timestamptz not null default clock_timestamp()
);
create index external_calendar_doctor on external_calendar (doctor_id);
create index external_calendar_due on external_calendar (polled_at nulls first);
