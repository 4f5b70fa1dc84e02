-- The length of a recording, in seconds, read at ingestion where GStreamer reads it cheaply
-- (NULL when unknown, as for anything that is not audio or video).
ALTER TABLE evidence ADD COLUMN duration REAL CHECK (duration IS NULL OR duration >= 0);
