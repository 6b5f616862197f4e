-- Tern H2 schema, version 3: the position sequences hand out values from a large cache.
--
-- H2 keeps a sequence's next value in its metadata and, each time the values it has reserved run
-- out (32 by default), commits the new reservation at once in a session of its own. On an MVStore
-- file that commit writes a chunk in the middle of the storage writer's transaction: every 32 new
-- in-flight flows cost one more chunk holding every page changed so far, which took 40% of the
-- storage thread while a persistent-sessions drain saved 100,000 flows, and left the file with
-- thousands of small chunks. With 100,000 reserved at a time that happens once per 100,000 flows.
--
-- Nothing is lost by it: the reservation is committed before any value of it is used, so values
-- still grow across a crash (a crash skips the rest of the reservation; only the order matters);
-- a clean close records the value actually reached.

ALTER SEQUENCE IF EXISTS inflight_position CACHE 100000;
ALTER SEQUENCE IF EXISTS subscription_position CACHE 100000;
