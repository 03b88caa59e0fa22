-- A doctor's iCalendar feed (RFC 5545) at a secret URL that calendar apps subscribe to. Only a
-- hash of the URL's secret is kept: whoever reads the database cannot subscribe; a new secret
-- (rotation) or none (revocation) ends the old URL at once.
create table calendar_feed (
  doctor_id   uuid        primary key references doctor (id) on delete cascade,
  secret_hash text        not null unique,
  created_at  timestamptz not null default clock_timestamp()
);
