-- SMART Backend Services (issue 7): the clients insurers register to get access tokens for the
-- FHIR API, the keys withdrawn from them, the assertion ids seen (replay protection that holds
-- across hub replicas) and the hub's own access-token signing key.

create table smart_client (
  client_id  text primary key,
  insurer_id text not null references insurer (id) on delete cascade,
  name       text not null,
  -- the client's public keys: a JWK Set, or the URL where the client serves one (never both)
  jwks       jsonb,
  jwks_url   text,
  -- the scopes the client may be granted, space-separated as in OAuth
  scopes     text not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  revoked_at timestamptz,
  revoked_by text,
  constraint smart_client_one_key_source check ((jwks is null) <> (jwks_url is null))
);
create index smart_client_insurer on smart_client (insurer_id);

create table smart_client_key_revocation (
  client_id  text not null references smart_client (client_id) on delete cascade,
  kid        text not null,
  revoked_at timestamptz not null default now(),
  revoked_by text not null,
  primary key (client_id, kid)
);

-- A jti is refused while its assertion could still be accepted; expired rows are pruned.
create table smart_assertion_jti (
  client_id  text not null,
  jti        text not null,
  expires_at timestamptz not null,
  primary key (client_id, jti)
);
create index smart_assertion_jti_expiry on smart_assertion_jti (expires_at);

-- The key access tokens are signed with, private part included, sealed like connector secrets.
-- One active key at a time: replicas starting together cannot both create one.
create table smart_signing_key (
  kid        text primary key,
  jwk        text not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create unique index smart_signing_key_one_active on smart_signing_key ((true))
  where retired_at is null;
