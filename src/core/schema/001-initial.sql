-- Dossier schema, version 1.
--
-- Every record table has id, uuid (stable across copies and merges), created_at and
-- updated_at (UTC, ISO 8601 with milliseconds). Vocabulary-controlled columns hold the
-- term's code; the store checks codes against the vocabulary table when it writes, because
-- a foreign key cannot name a (scheme, code) pair with a constant scheme.

PRAGMA application_id = 1146049363;  -- 0x444F5353, "DOSS"

CREATE TABLE dossier (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  uuid          TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  title         TEXT NOT NULL DEFAULT '',
  mandate       TEXT NOT NULL DEFAULT '',
  period        TEXT NOT NULL DEFAULT '',
  default_lang  TEXT NOT NULL DEFAULT 'fr'
);

-- Next number for each kind of human code (INC-0001 …). A counter rather than max(code):
-- codes sort as text, and INC-10000 sorts before INC-9999.
CREATE TABLE code_counter (
  prefix  TEXT PRIMARY KEY,
  next    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE vocabulary (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  scheme      TEXT NOT NULL,
  code        TEXT NOT NULL,
  parent      TEXT,
  label_fr    TEXT NOT NULL,
  label_en    TEXT NOT NULL,
  position    INTEGER NOT NULL DEFAULT 0,
  latitude    REAL,
  longitude   REAL,
  UNIQUE (scheme, code)
);

CREATE TABLE actor (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  code         TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  name         TEXT NOT NULL DEFAULT '',
  acronym      TEXT NOT NULL DEFAULT '',
  kind         TEXT NOT NULL DEFAULT 'other',
  parent_id    INTEGER REFERENCES actor (id) ON DELETE SET NULL,
  description  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE incident (
  id                  INTEGER PRIMARY KEY,
  uuid                TEXT NOT NULL UNIQUE,
  code                TEXT NOT NULL UNIQUE,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  title_fr            TEXT NOT NULL DEFAULT '',
  title_en            TEXT NOT NULL DEFAULT '',
  summary_fr          TEXT NOT NULL DEFAULT '',
  summary_en          TEXT NOT NULL DEFAULT '',
  date_edtf           TEXT NOT NULL DEFAULT '',
  -- Derived from date_edtf by the store: earliest and latest possible day as GDate julian
  -- day numbers; NULL for an open or unknown end. Sorting and period filters use these.
  date_start          INTEGER,
  date_end            INTEGER,
  place               TEXT NOT NULL DEFAULT '',
  admin1              TEXT,
  admin2              TEXT,
  admin3              TEXT NOT NULL DEFAULT '',
  latitude            REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude           REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  location_precision  TEXT NOT NULL DEFAULT 'unknown',
  verification        TEXT NOT NULL DEFAULT 'alleged',
  standard_of_proof   TEXT NOT NULL DEFAULT 'not-assessed',
  confidentiality     TEXT NOT NULL DEFAULT 'restricted',
  sources             TEXT NOT NULL DEFAULT ''
);
-- date_end rides along in the indexes so that a period filter is answered from the index
-- alone, without reading the rows it rejects.
CREATE INDEX incident_date ON incident (date_start, date_end);
CREATE INDEX incident_admin1_date ON incident (admin1, date_start, date_end);
CREATE INDEX incident_verification ON incident (verification);

CREATE TABLE incident_violation (
  incident_id  INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
  type         TEXT NOT NULL,
  PRIMARY KEY (incident_id, type)
) WITHOUT ROWID;
CREATE INDEX incident_violation_type ON incident_violation (type, incident_id);

CREATE TABLE casualty (
  incident_id  INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
  category     TEXT NOT NULL,
  grp          TEXT NOT NULL,
  count        INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (incident_id, category, grp)
) WITHOUT ROWID;

CREATE TABLE incident_actor (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  incident_id  INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
  actor_id     INTEGER NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
  role         TEXT NOT NULL,
  involvement  TEXT NOT NULL DEFAULT 'unknown',
  detail       TEXT NOT NULL DEFAULT '',
  UNIQUE (incident_id, actor_id, role)
);
CREATE INDEX incident_actor_actor ON incident_actor (actor_id);

CREATE TABLE person (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  code              TEXT NOT NULL UNIQUE,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  protection        TEXT NOT NULL DEFAULT 'protected',
  sex               TEXT NOT NULL DEFAULT 'unknown',
  age               INTEGER CHECK (age IS NULL OR age BETWEEN 0 AND 130),
  age_group         TEXT NOT NULL DEFAULT 'unknown',
  community         TEXT NOT NULL DEFAULT '',
  residence_admin1  TEXT,
  residence_admin2  TEXT,
  languages         TEXT NOT NULL DEFAULT '',
  consent           TEXT NOT NULL DEFAULT 'internal-only',
  notes             TEXT NOT NULL DEFAULT ''
);

-- Who a person really is, kept apart from the coded person so that it can be encrypted and
-- left out of exports as a whole.
CREATE TABLE identity (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  person_id    INTEGER NOT NULL UNIQUE REFERENCES person (id) ON DELETE CASCADE,
  full_name    TEXT NOT NULL DEFAULT '',
  other_names  TEXT NOT NULL DEFAULT '',
  contact      TEXT NOT NULL DEFAULT '',
  address      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE incident_person (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  incident_id  INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  role         TEXT NOT NULL,
  detail       TEXT NOT NULL DEFAULT '',
  UNIQUE (incident_id, person_id, role)
);
CREATE INDEX incident_person_person ON incident_person (person_id);

CREATE TABLE testimony (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  code         TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  person_id    INTEGER REFERENCES person (id) ON DELETE SET NULL,
  taken_on     TEXT NOT NULL DEFAULT '',
  place        TEXT NOT NULL DEFAULT '',
  office       TEXT,
  interviewer  TEXT NOT NULL DEFAULT '',
  language     TEXT,
  interpreter  TEXT NOT NULL DEFAULT '',
  summary      TEXT NOT NULL DEFAULT '',
  transcript   TEXT NOT NULL DEFAULT '',
  consent      TEXT NOT NULL DEFAULT 'internal-only',
  status       TEXT NOT NULL DEFAULT 'recorded'
);
CREATE INDEX testimony_person ON testimony (person_id);
CREATE INDEX testimony_status ON testimony (status);

CREATE TABLE testimony_tag (
  testimony_id  INTEGER NOT NULL REFERENCES testimony (id) ON DELETE CASCADE,
  tag           TEXT NOT NULL,
  PRIMARY KEY (testimony_id, tag)
) WITHOUT ROWID;

CREATE TABLE testimony_incident (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  testimony_id  INTEGER NOT NULL REFERENCES testimony (id) ON DELETE CASCADE,
  incident_id   INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
  role          TEXT NOT NULL DEFAULT '',
  detail        TEXT NOT NULL DEFAULT '',
  UNIQUE (testimony_id, incident_id)
);
CREATE INDEX testimony_incident_incident ON testimony_incident (incident_id);

CREATE TABLE evidence (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  code               TEXT NOT NULL UNIQUE,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  title              TEXT NOT NULL DEFAULT '',
  description        TEXT NOT NULL DEFAULT '',
  original_name      TEXT NOT NULL DEFAULT '',
  media_type         TEXT NOT NULL DEFAULT 'application/octet-stream',
  size               INTEGER NOT NULL CHECK (size >= 0),
  sha256             TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),
  acquired_on        TEXT NOT NULL DEFAULT '',
  acquired_by        TEXT NOT NULL DEFAULT '',
  source             TEXT NOT NULL DEFAULT '',
  collection_method  TEXT,
  captured_at        TEXT NOT NULL DEFAULT '',
  latitude           REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude          REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  confidentiality    TEXT NOT NULL DEFAULT 'restricted',
  -- Hash of the newest custody event: deleting the last events of the log is then
  -- detectable, not only editing them.
  custody_head       TEXT NOT NULL DEFAULT ''
);

-- The original bytes, in 1 MiB chunks, fixed at ingestion.
CREATE TABLE evidence_chunk (
  evidence_id  INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  data         BLOB NOT NULL,
  PRIMARY KEY (evidence_id, seq)
);

CREATE TRIGGER evidence_chunk_immutable BEFORE UPDATE ON evidence_chunk
BEGIN
  SELECT RAISE (ABORT, 'evidence bytes cannot be changed');
END;

CREATE TRIGGER evidence_hash_immutable BEFORE UPDATE OF sha256, size ON evidence
WHEN old.sha256 IS NOT new.sha256 OR old.size IS NOT new.size
BEGIN
  SELECT RAISE (ABORT, 'the hash and size of evidence cannot be changed');
END;

-- Each item's custody log is a hash chain: hash = SHA-256 (prev_hash, the event's fields),
-- and the first event's prev_hash is the item's own SHA-256.
CREATE TABLE custody_event (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  evidence_id  INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
  at           TEXT NOT NULL,
  user         TEXT NOT NULL,
  action       TEXT NOT NULL,
  details      TEXT NOT NULL DEFAULT '',
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
CREATE INDEX custody_event_evidence ON custody_event (evidence_id, id);

CREATE TRIGGER custody_event_append_only BEFORE UPDATE ON custody_event
BEGIN
  SELECT RAISE (ABORT, 'the custody log is append-only');
END;

CREATE TABLE evidence_incident (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  evidence_id  INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
  incident_id  INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
  role         TEXT NOT NULL DEFAULT '',
  detail       TEXT NOT NULL DEFAULT '',
  UNIQUE (evidence_id, incident_id)
);
CREATE INDEX evidence_incident_incident ON evidence_incident (incident_id);

CREATE TABLE evidence_person (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  evidence_id  INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  role         TEXT NOT NULL DEFAULT '',
  detail       TEXT NOT NULL DEFAULT '',
  UNIQUE (evidence_id, person_id)
);
CREATE INDEX evidence_person_person ON evidence_person (person_id);

CREATE TABLE evidence_testimony (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  evidence_id   INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
  testimony_id  INTEGER NOT NULL REFERENCES testimony (id) ON DELETE CASCADE,
  role          TEXT NOT NULL DEFAULT '',
  detail        TEXT NOT NULL DEFAULT '',
  UNIQUE (evidence_id, testimony_id)
);
CREATE INDEX evidence_testimony_testimony ON evidence_testimony (testimony_id);

CREATE TABLE audit (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  user         TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_uuid  TEXT NOT NULL,
  field        TEXT,
  old_value    TEXT,
  new_value    TEXT
);
CREATE INDEX audit_entity ON audit (entity_uuid);

-- Full-text search. External-content FTS5 tables read their text from the records
-- themselves, so transcripts are not stored twice; triggers keep them in sync.
CREATE VIRTUAL TABLE incident_fts USING fts5 (
  code, title_fr, title_en, summary_fr, summary_en, place, admin1, admin2, admin3,
  content = 'incident', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
INSERT INTO incident_fts (incident_fts, rank) VALUES ('rank', 'bm25(4.0, 10.0, 10.0, 2.0, 2.0, 5.0, 3.0, 3.0, 3.0)');

CREATE TRIGGER incident_fts_insert AFTER INSERT ON incident BEGIN
  INSERT INTO incident_fts (rowid, code, title_fr, title_en, summary_fr, summary_en, place, admin1, admin2, admin3)
  VALUES (new.id, new.code, new.title_fr, new.title_en, new.summary_fr, new.summary_en, new.place, new.admin1, new.admin2, new.admin3);
END;
CREATE TRIGGER incident_fts_delete AFTER DELETE ON incident BEGIN
  INSERT INTO incident_fts (incident_fts, rowid, code, title_fr, title_en, summary_fr, summary_en, place, admin1, admin2, admin3)
  VALUES ('delete', old.id, old.code, old.title_fr, old.title_en, old.summary_fr, old.summary_en, old.place, old.admin1, old.admin2, old.admin3);
END;
CREATE TRIGGER incident_fts_update AFTER UPDATE OF code, title_fr, title_en, summary_fr, summary_en, place, admin1, admin2, admin3 ON incident BEGIN
  INSERT INTO incident_fts (incident_fts, rowid, code, title_fr, title_en, summary_fr, summary_en, place, admin1, admin2, admin3)
  VALUES ('delete', old.id, old.code, old.title_fr, old.title_en, old.summary_fr, old.summary_en, old.place, old.admin1, old.admin2, old.admin3);
  INSERT INTO incident_fts (rowid, code, title_fr, title_en, summary_fr, summary_en, place, admin1, admin2, admin3)
  VALUES (new.id, new.code, new.title_fr, new.title_en, new.summary_fr, new.summary_en, new.place, new.admin1, new.admin2, new.admin3);
END;

CREATE VIRTUAL TABLE testimony_fts USING fts5 (
  code, summary, transcript, place,
  content = 'testimony', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
INSERT INTO testimony_fts (testimony_fts, rank) VALUES ('rank', 'bm25(4.0, 6.0, 1.0, 3.0)');

CREATE TRIGGER testimony_fts_insert AFTER INSERT ON testimony BEGIN
  INSERT INTO testimony_fts (rowid, code, summary, transcript, place)
  VALUES (new.id, new.code, new.summary, new.transcript, new.place);
END;
CREATE TRIGGER testimony_fts_delete AFTER DELETE ON testimony BEGIN
  INSERT INTO testimony_fts (testimony_fts, rowid, code, summary, transcript, place)
  VALUES ('delete', old.id, old.code, old.summary, old.transcript, old.place);
END;
CREATE TRIGGER testimony_fts_update AFTER UPDATE OF code, summary, transcript, place ON testimony BEGIN
  INSERT INTO testimony_fts (testimony_fts, rowid, code, summary, transcript, place)
  VALUES ('delete', old.id, old.code, old.summary, old.transcript, old.place);
  INSERT INTO testimony_fts (rowid, code, summary, transcript, place)
  VALUES (new.id, new.code, new.summary, new.transcript, new.place);
END;

CREATE VIRTUAL TABLE evidence_fts USING fts5 (
  code, title, description, original_name, source,
  content = 'evidence', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('rank', 'bm25(4.0, 10.0, 2.0, 3.0, 1.0)');

CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
  INSERT INTO evidence_fts (rowid, code, title, description, original_name, source)
  VALUES (new.id, new.code, new.title, new.description, new.original_name, new.source);
END;
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
  INSERT INTO evidence_fts (evidence_fts, rowid, code, title, description, original_name, source)
  VALUES ('delete', old.id, old.code, old.title, old.description, old.original_name, old.source);
END;
CREATE TRIGGER evidence_fts_update AFTER UPDATE OF code, title, description, original_name, source ON evidence BEGIN
  INSERT INTO evidence_fts (evidence_fts, rowid, code, title, description, original_name, source)
  VALUES ('delete', old.id, old.code, old.title, old.description, old.original_name, old.source);
  INSERT INTO evidence_fts (rowid, code, title, description, original_name, source)
  VALUES (new.id, new.code, new.title, new.description, new.original_name, new.source);
END;

CREATE VIRTUAL TABLE actor_fts USING fts5 (
  code, name, acronym, description,
  content = 'actor', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
INSERT INTO actor_fts (actor_fts, rank) VALUES ('rank', 'bm25(4.0, 10.0, 10.0, 2.0)');

CREATE TRIGGER actor_fts_insert AFTER INSERT ON actor BEGIN
  INSERT INTO actor_fts (rowid, code, name, acronym, description)
  VALUES (new.id, new.code, new.name, new.acronym, new.description);
END;
CREATE TRIGGER actor_fts_delete AFTER DELETE ON actor BEGIN
  INSERT INTO actor_fts (actor_fts, rowid, code, name, acronym, description)
  VALUES ('delete', old.id, old.code, old.name, old.acronym, old.description);
END;
CREATE TRIGGER actor_fts_update AFTER UPDATE OF code, name, acronym, description ON actor BEGIN
  INSERT INTO actor_fts (actor_fts, rowid, code, name, acronym, description)
  VALUES ('delete', old.id, old.code, old.name, old.acronym, old.description);
  INSERT INTO actor_fts (rowid, code, name, acronym, description)
  VALUES (new.id, new.code, new.name, new.acronym, new.description);
END;

-- Map viewport queries.
CREATE VIRTUAL TABLE incident_rtree USING rtree (id, min_lat, max_lat, min_lon, max_lon);

CREATE TRIGGER incident_rtree_insert AFTER INSERT ON incident
WHEN new.latitude IS NOT NULL AND new.longitude IS NOT NULL BEGIN
  INSERT INTO incident_rtree VALUES (new.id, new.latitude, new.latitude, new.longitude, new.longitude);
END;
CREATE TRIGGER incident_rtree_update AFTER UPDATE OF latitude, longitude ON incident BEGIN
  DELETE FROM incident_rtree WHERE id = old.id;
  INSERT INTO incident_rtree SELECT new.id, new.latitude, new.latitude, new.longitude, new.longitude
    WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL;
END;
CREATE TRIGGER incident_rtree_delete AFTER DELETE ON incident BEGIN
  DELETE FROM incident_rtree WHERE id = old.id;
END;
