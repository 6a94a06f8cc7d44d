-- Run by the postgres image on its first start only (while the pg-data volume is still empty):
-- one database per service, as deploy/local/bin/postgres create-db makes them for the local stack.
-- To run it again: docker compose down -v (drops all data).
CREATE DATABASE csp_partnership OWNER postgres;
CREATE DATABASE csp_funding OWNER postgres;
CREATE DATABASE csp_incident OWNER postgres;
CREATE DATABASE csp_reporting OWNER postgres;
