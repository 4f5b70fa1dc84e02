-- Lists filtered by region or verification are shown in code order by default: without these
-- indexes SQLite sorts every matching incident for each page (28,000 for one region of the
-- 100,000-incident synthetic dossier, 270 ms a page).
CREATE INDEX incident_admin1_code ON incident (admin1, code);
DROP INDEX incident_verification;
CREATE INDEX incident_verification_code ON incident (verification, code);
