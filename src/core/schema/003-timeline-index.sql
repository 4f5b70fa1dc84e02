-- The timeline reads every dated incident's dates, date text, verification and region. Their
-- rows hold long titles and summaries first, so reading those columns from the table means
-- reading most of the file (1.5 s for 100,000 incidents); this index holds them all.
CREATE INDEX incident_timeline ON incident (date_start, date_end, date_edtf, verification, admin1);
