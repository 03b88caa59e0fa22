-- Signing in to the web app: verified e-mail, throttled and lockable password checks, TOTP as a
-- second factor with single-use recovery codes, and browser sessions kept in the database so
-- that every replica serves them and "sign out everywhere" reaches them all.

alter table account
  add column email               text unique check (email = lower(email)),
  add column email_verified_at   timestamptz,
  -- Consecutive failed password (or second-factor) checks; reset by a success.
  add column failed_sign_ins     integer     not null default 0,
  -- While set and in the future, no password is checked for this account (answered 429).
  add column next_sign_in_at     timestamptz,
  add column locked_at           timestamptz,
  -- The TOTP key (sealed, as connector secrets are) once enrolment is confirmed; the pending one
  -- while the doctor scans the QR code and types the first code.
  add column totp_secret         text,
  add column totp_pending_secret text,
  -- The last time step a code was accepted for: a code is good once (RFC 6238 section 5.2).
  add column totp_last_step      bigint;

-- Accounts created before e-mail verification existed were created by operators or at start-up.
update account set email_verified_at = created_at;

create table account_recovery_code (
  username  text        not null references account (username) on delete cascade,
  code_hash text        not null,
  used_at   timestamptz,
  primary key (username, code_hash)
);

-- Single-use links sent by e-mail; only a hash of the token is kept.
create table account_token (
  token_hash text primary key,
  username   text        not null references account (username) on delete cascade,
  purpose    text        not null check (purpose in ('VERIFY_EMAIL', 'UNLOCK')),
  expires_at timestamptz not null,
  used_at    timestamptz
);
create index account_token_username on account_token (username, purpose);

-- Spring Session JDBC's tables (its schema-postgresql.sql, in lower case).
create table spring_session (
  primary_id            char(36)     not null primary key,
  session_id            char(36)     not null unique,
  creation_time         bigint       not null,
  last_access_time      bigint       not null,
  max_inactive_interval integer      not null,
  expiry_time           bigint       not null,
  principal_name        varchar(100)
);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea        not null,
  primary key (session_primary_id, attribute_name)
);
