-- The fingerprint of the key that seals connector secrets (never the key itself): a hub started
-- with another key refuses to start rather than send garbage credentials to insurers.
create table secrets_key (
  id          int primary key check (id = 1),
  fingerprint text not null
);
