-- A slot a doctor reserved for one insurer (an allotment of the availability): only that insurer
-- sees and books it. Null: open to every insurer that sees the doctor.
alter table slot add column reserved_for text;
