-- Runs once, on the first start of an empty MySQL data volume (docker-entrypoint-initdb.d).
-- The application user (MYSQL_USER / MYSQL_PASSWORD) is created by the image's entrypoint before
-- this file runs; here it gets one database per service. Tables come from each service's
-- migrations at start-up, never from this file.
CREATE DATABASE IF NOT EXISTS lianxiao_customers  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS lianxiao_orders     CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS lianxiao_dealers    CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS lianxiao_incentives CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS lianxiao_identity   CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

GRANT ALL PRIVILEGES ON lianxiao_customers.*  TO 'lianxiao'@'%';
GRANT ALL PRIVILEGES ON lianxiao_orders.*     TO 'lianxiao'@'%';
GRANT ALL PRIVILEGES ON lianxiao_dealers.*    TO 'lianxiao'@'%';
GRANT ALL PRIVILEGES ON lianxiao_incentives.* TO 'lianxiao'@'%';
GRANT ALL PRIVILEGES ON lianxiao_identity.*   TO 'lianxiao'@'%';
FLUSH PRIVILEGES;
