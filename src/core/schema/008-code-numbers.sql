-- Codes sort by their number, not as text: as text, INC-9998 came between INC-99979 and
-- INC-99980 in a dossier of 100,000 incidents, and the five-digit TES-00012 of older
-- dossiers before the four-digit TES-0011 made since. The lists order by this expression
-- (DOSSIER_CODE_NUMBER_SQL in dossier-record.h, written exactly the same for SQLite to
-- match it), then by id; these indexes give that order without sorting the table (a
-- page of 100 rows of the 100,000 in about a millisecond, as the text index did).
CREATE INDEX incident_code_number ON incident (CAST (substr (code, instr (code, '-') + 1) AS INTEGER));
CREATE INDEX person_code_number ON person (CAST (substr (code, instr (code, '-') + 1) AS INTEGER));
CREATE INDEX testimony_code_number ON testimony (CAST (substr (code, instr (code, '-') + 1) AS INTEGER));
CREATE INDEX evidence_code_number ON evidence (CAST (substr (code, instr (code, '-') + 1) AS INTEGER));
CREATE INDEX actor_code_number ON actor (CAST (substr (code, instr (code, '-') + 1) AS INTEGER));
-- The lists filtered by region or verification, in code order (see 002-list-indexes.sql).
DROP INDEX incident_admin1_code;
CREATE INDEX incident_admin1_code_number ON incident (admin1, CAST (substr (code, instr (code, '-') + 1) AS INTEGER));
DROP INDEX incident_verification_code;
CREATE INDEX incident_verification_code_number ON incident (verification, CAST (substr (code, instr (code, '-') + 1) AS INTEGER));
