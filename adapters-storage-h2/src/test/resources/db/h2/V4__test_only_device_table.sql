-- Only for SchemaMigrationsTest: a version after the real ones, to prove missing scripts are applied in order.
CREATE TABLE IF NOT EXISTS test_only_device (id INT NOT NULL PRIMARY KEY);
