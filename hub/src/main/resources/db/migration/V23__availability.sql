-- A doctor's availability (issue 8): services, weekly hours per practice location in its time
-- zone, extra hours and leave, as one JSON document per doctor, versioned for If-Match as the
-- profile is. Slots are generated from it (scheduling/SlotGenerator).
create table availability (
  doctor_id  uuid primary key references doctor (id) on delete cascade,
  version    bigint      not null,
  rules      jsonb       not null,
  updated_at timestamptz not null default now(),
  updated_by text        not null
);

-- Public holidays, kept by operators per country (ISO 3166 alpha-2) and state or province (the
-- ISO 3166-2 code without the country; '' for the whole country). A location's holidays are its
-- country's and its state's.
create table public_holiday (
  country     text not null,
  subdivision text not null default '',
  day         date not null,
  name        text not null,
  primary key (country, day, subdivision)
);
