-- Insurer onboarding: an insurer may register itself through the API; it is connected only once
-- an operator approved it, its credentials were issued and a connection test passed. Insurers an
-- operator registers directly are LIVE from the start.
alter table insurer add column status text not null default 'LIVE' check (status in
  ('AWAITING_APPROVAL', 'ISSUING_CREDENTIALS', 'TESTING_CONNECTION', 'CONNECTION_FAILED', 'LIVE',
   'REJECTED'));
alter table insurer add column status_reason text;
alter table insurer add column contact_email text;

-- An insurer's own API account (deciding enrolments, reading its doctors).
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check
  check (role in ('DOCTOR', 'OPERATOR', 'INSURER'));
alter table account add column insurer_id text unique references insurer (id) on delete cascade;
