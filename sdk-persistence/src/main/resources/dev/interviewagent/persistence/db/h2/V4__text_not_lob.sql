-- Documents and texts as character strings stored in the row, not as CLOBs. H2 keeps a CLOB longer than a few hundred
-- characters in a separate LOB map that is not part of the row's transaction; a process killed mid-write could leave
-- a committed row pointing to LOB data that was never written, and reading that row failed on the next start. An
-- unbounded varchar (up to H2's limit of 1,000,000,000 characters) is written with the row, in the same commit.
ALTER TABLE interviews ALTER COLUMN state SET DATA TYPE varchar;
ALTER TABLE turns ALTER COLUMN text SET DATA TYPE varchar;
ALTER TABLE reports ALTER COLUMN report_json SET DATA TYPE varchar;
ALTER TABLE reports ALTER COLUMN markdown SET DATA TYPE varchar;
ALTER TABLE channel_inbox ALTER COLUMN payload SET DATA TYPE varchar;
