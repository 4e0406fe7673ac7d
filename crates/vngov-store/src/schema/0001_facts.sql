-- Schema 1: documents and their facts, identities across documents, search, views.
-- Every fact row keeps its evidence: `text` (the words), `span_start`/`span_end`
-- (character offsets in documents.text), `source_start`/`source_end` (in the
-- document as it was read) and `evidence` (the sentence). Columns ending in `_key`
-- hold matching keys: no diacritics, đ → d, lower case, words one space apart.

CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied TEXT NOT NULL
);

-- Facts about the store itself (the fold of a probe text, to notice a change of
-- the folding rules that the search indexes were built with).
CREATE TABLE store_info (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per document (record id), replaced when its record changes.
CREATE TABLE documents (
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  path TEXT,
  url TEXT,
  format TEXT,
  encoding TEXT,
  bytes INTEGER,
  sha256 TEXT,
  title TEXT,
  published TEXT,
  province TEXT,
  province_key TEXT,
  page_kind TEXT,
  byline TEXT,
  schema_version TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  record_sha256 TEXT NOT NULL,
  warnings TEXT NOT NULL,
  text TEXT NOT NULL,
  loaded TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_province ON documents(province_key);
CREATE INDEX documents_url ON documents(url);

-- Documents that could not be read: their source and why.
CREATE TABLE errors (
  id TEXT PRIMARY KEY,
  path TEXT,
  url TEXT,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  loaded TEXT NOT NULL
);

-- A state or Party body, once across all documents (by canonical name).
CREATE TABLE bodies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  kind TEXT
);

-- Every form a body is written in ("Sở TT&TT"), by key: how a query written
-- one way finds a body written another.
CREATE TABLE body_forms (
  key TEXT NOT NULL,
  body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
  form TEXT NOT NULL,
  PRIMARY KEY (key, body_id)
) WITHOUT ROWID;
CREATE INDEX body_forms_body ON body_forms(body_id);

-- A named official, once across all documents (by name).
CREATE TABLE officials (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  key TEXT NOT NULL UNIQUE
);

CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  body_id INTEGER NOT NULL REFERENCES bodies(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  forms TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX organizations_document ON organizations(document_id);
CREATE INDEX organizations_body ON organizations(body_id);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  official_id INTEGER NOT NULL REFERENCES officials(id),
  name TEXT NOT NULL,
  titles TEXT NOT NULL,
  titles_json TEXT NOT NULL,
  honorific TEXT,
  mentions INTEGER NOT NULL,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX people_document ON people(document_id);
CREATE INDEX people_official ON people(official_id);

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  date TEXT,
  date_year_inferred INTEGER NOT NULL,
  date_text TEXT,
  time_of_day TEXT,
  kind TEXT NOT NULL,
  topic TEXT,
  location TEXT,
  attendees TEXT NOT NULL,
  rule TEXT,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX meetings_document ON meetings(document_id);
CREATE INDEX meetings_date ON meetings(date);

CREATE TABLE chairs (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  official_id INTEGER NOT NULL REFERENCES officials(id),
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  titles TEXT NOT NULL,
  titles_json TEXT NOT NULL,
  titles_key TEXT NOT NULL,
  honorific TEXT,
  role TEXT NOT NULL,
  rule TEXT,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX chairs_meeting ON chairs(meeting_id);
CREATE INDEX chairs_document ON chairs(document_id);
CREATE INDEX chairs_official ON chairs(official_id);

-- Reports of one directive: tasks of any documents with the same assignee,
-- province and deadline and near-identical actions share a group.
CREATE TABLE task_groups (
  id INTEGER PRIMARY KEY,
  assignee_key TEXT NOT NULL,
  province_key TEXT NOT NULL,
  deadline TEXT NOT NULL,
  words TEXT NOT NULL
);
CREATE INDEX task_groups_match ON task_groups(assignee_key, province_key, deadline);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  group_id INTEGER NOT NULL REFERENCES task_groups(id),
  assigner TEXT,
  assigner_key TEXT,
  assignee TEXT NOT NULL,
  assignee_key TEXT NOT NULL,
  assignee_text TEXT NOT NULL,
  assignee_text_key TEXT NOT NULL,
  assignee_kind TEXT NOT NULL,
  body_id INTEGER REFERENCES bodies(id),
  action TEXT NOT NULL,
  deadline TEXT,
  deadline_precision TEXT,
  deadline_text TEXT,
  due TEXT,
  coordinate_with TEXT NOT NULL,
  report_to TEXT,
  rule TEXT,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX tasks_document ON tasks(document_id);
CREATE INDEX tasks_assignee ON tasks(assignee_key);
CREATE INDEX tasks_assignee_text ON tasks(assignee_text_key);
CREATE INDEX tasks_body ON tasks(body_id);
CREATE INDEX tasks_due ON tasks(due);
CREATE INDEX tasks_group ON tasks(group_id);

CREATE TABLE cited_documents (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  number TEXT NOT NULL,
  number_key TEXT NOT NULL,
  family TEXT NOT NULL,
  type_code TEXT,
  type TEXT,
  issuer_code TEXT,
  year INTEGER,
  issued TEXT,
  subject TEXT,
  mentions INTEGER NOT NULL,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX cited_documents_document ON cited_documents(document_id);
CREATE INDEX cited_documents_number ON cited_documents(number_key);

CREATE TABLE percentages (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  value REAL NOT NULL,
  qualifier TEXT,
  measure TEXT,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX percentages_document ON percentages(document_id);

-- Runs that wrote into the store, and how many inputs each has written: what an
-- interrupted `vngov extract --db` continues from.
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  started TEXT NOT NULL,
  finished TEXT,
  items INTEGER NOT NULL DEFAULT 0,
  inserted INTEGER NOT NULL DEFAULT 0,
  replaced INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0
);

-- Folded full-text indexes (no diacritics, đ → d). They hold no copy of the text:
-- rowids are documents.num, tasks.id and meetings.id. Type queries without
-- diacritics, or let the tokenizer fold them (it does not fold đ).
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, names, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE tasks_fts USING fts5(
  parties, action, evidence, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE meetings_fts USING fts5(
  meeting, chairs, evidence, content = '', tokenize = 'unicode61 remove_diacritics 2'
);

-- A directive: a task with its document, date, source and evidence, and how many
-- documents report it.
CREATE VIEW directives AS
SELECT
  t.id AS task_id,
  t.group_id,
  (SELECT count(*) FROM tasks g WHERE g.group_id = t.group_id) AS reports,
  t.assigner,
  t.assignee,
  t.assignee_text,
  t.assignee_kind,
  t.action,
  t.deadline,
  t.deadline_text,
  t.due,
  t.coordinate_with,
  t.report_to,
  t.text,
  t.evidence,
  t.span_start,
  t.span_end,
  d.id AS document_id,
  d.title,
  d.published,
  d.province,
  coalesce(d.url, d.path) AS source,
  d.url
FROM tasks t JOIN documents d ON d.id = t.document_id;

-- Directives whose deadline (the last day of its period) is before today.
CREATE VIEW overdue AS
SELECT * FROM directives WHERE due < date('now', 'localtime');
