-- What the file says of itself, read at ingestion where a library reads it cheaply: the pages
-- of a PDF, the pixels of an image (its capture time and position go in captured_at,
-- latitude and longitude).
ALTER TABLE evidence ADD COLUMN pages INTEGER CHECK (pages IS NULL OR pages >= 0);
ALTER TABLE evidence ADD COLUMN width INTEGER CHECK (width IS NULL OR width >= 0);
ALTER TABLE evidence ADD COLUMN height INTEGER CHECK (height IS NULL OR height >= 0);
