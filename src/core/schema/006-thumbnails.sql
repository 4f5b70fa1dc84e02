-- Small pictures of images and of PDFs' first pages, made at ingestion for the lists. They
-- are derived from the evidence, never evidence themselves: not in the custody chain.
CREATE TABLE evidence_thumbnail (
  evidence_id  INTEGER PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,
  png          BLOB NOT NULL
);
