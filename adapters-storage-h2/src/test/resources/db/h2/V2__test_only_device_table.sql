-- Only for SchemaMigrationsTest: a second version, to prove missing scripts are applied in order.
CREATE TABLE IF NOT EXISTS test_only_device (id INT NOT NULL PRIMARY KEY);
