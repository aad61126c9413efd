-- A domain table of the test application, written in the same transactions as the outbox.
CREATE TABLE test_station (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
