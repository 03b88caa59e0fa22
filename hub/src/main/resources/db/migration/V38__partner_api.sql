-- The partner API (/api/partner/v1): insurers without FHIR sign each request as Standard Webhooks
-- describes, with a key DocPort issues them.

-- An insurer's inbound signing keys. The secret (whsec_...) is sealed like connector secrets and
-- shown once, when issued; a rotation issues a second key, and both verify until an operator
-- retires one. A retired key keeps its row (its id is in the audit) but not its secret.
create table partner_key (
  id           text        primary key,
  insurer_id   text        not null references insurer (id) on delete cascade,
  secret       text,
  created_at   timestamptz not null default now(),
  created_by   text        not null,
  last_used_at timestamptz,
  retired_at   timestamptz,
  retired_by   text,
  check ((retired_at is null) = (secret is not null))
);
create index partner_key_live on partner_key (insurer_id) where retired_at is null;

-- Each signed request's webhook-id, which doubles as its idempotency key: what the request was
-- (a digest of method, path, query and body) and, once answered, the answer, so a repeat gets the
-- same answer without acting again. Kept until well after a repeat's timestamp could still be
-- accepted; expired rows are pruned. No foreign key: rows expire whatever becomes of the insurer.
create table partner_request (
  insurer_id   text        not null,
  webhook_id   text        not null,
  fingerprint  text        not null,
  claimed_at   timestamptz not null default clock_timestamp(),
  expires_at   timestamptz not null,
  -- Null while the first request is in progress.
  status       int,
  content_type text,
  location     text,
  body         bytea,
  primary key (insurer_id, webhook_id)
);
create index partner_request_expiry on partner_request (expires_at);
