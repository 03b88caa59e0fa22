-- Activities with side effects outside the registry (e-mails) remember the request ids they have
-- carried out, so a retried attempt whose first try succeeded does not act twice.
create table activity_request (
  id      uuid        primary key,
  kind    text        not null,
  done_at timestamptz not null default now()
);
