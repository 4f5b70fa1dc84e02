-- Coded passages of testimony transcripts: a stretch of the transcript (character offsets)
-- linked to an incident, tagged with a violation type, or marking a person mentioned.
CREATE TABLE testimony_passage (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  testimony_id    INTEGER NOT NULL REFERENCES testimony (id) ON DELETE CASCADE,
  start_offset    INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset      INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('incident', 'violation', 'person')),
  incident_id     INTEGER REFERENCES incident (id) ON DELETE CASCADE,
  person_id       INTEGER REFERENCES person (id) ON DELETE CASCADE,
  violation_type  TEXT,
  coded_by        TEXT NOT NULL DEFAULT '',
  CHECK (end_offset > start_offset),
  CHECK ((kind = 'incident') = (incident_id IS NOT NULL)),
  CHECK ((kind = 'person') = (person_id IS NOT NULL)),
  CHECK ((kind = 'violation') = (violation_type IS NOT NULL))
);
CREATE INDEX testimony_passage_testimony ON testimony_passage (testimony_id, start_offset);
CREATE INDEX testimony_passage_incident ON testimony_passage (incident_id);
CREATE INDEX testimony_passage_person ON testimony_passage (person_id);
