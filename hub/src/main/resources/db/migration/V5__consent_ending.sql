-- While a consent is WITHDRAWING, how it will end (REJECTED, FAILED or REVOKED): a withdrawal
-- resumed after a crash ends as the saga that began it meant to.
alter table consent add column ending text check (ending in ('REJECTED', 'FAILED', 'REVOKED'));
