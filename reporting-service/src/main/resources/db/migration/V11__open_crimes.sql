-- The integers police.uk clients expect as a crime's id and a street's id. Assigned once and kept
-- through rebuilds (they are not projection tables), so that an id a client stored stays the same.
create table open_crime_id (
    incident_id uuid   primary key,
    id          bigint generated always as identity unique
);

-- A street is a point with the name police.uk gave it ("On or near Hall Road"), as in its files.
create table open_street (
    id        bigint        generated always as identity primary key,
    latitude  numeric(9, 6) not null,
    longitude numeric(9, 6) not null,
    name      text          not null,
    constraint open_street_point unique (latitude, longitude, name)
);

-- Open crimes: the rows imported from data.police.uk publications (Open Government Licence v3.0),
-- one per incident as its latest event leaves it, served through the police.uk-compatible API.
-- Records agencies post themselves never come here. A projection table: rebuilt with the others.
create table open_crime (
    incident_id   uuid          primary key,
    id            bigint        not null,
    month         date          not null,
    category      text          not null,
    -- The Crime ID of the file; '' for anti-social behaviour, which has none.
    persistent_id text          not null,
    -- police.uk's id of the force that published it; null where the agency is no police force we know.
    force         text,
    latitude      numeric(9, 6),
    longitude     numeric(9, 6),
    street_id     bigint,
    street_name   text,
    outcome       text,
    version       bigint        not null
);

-- A month's crimes in a band of latitude: the prefilter of every area query, longitude checked in the index.
create index open_crime_place on open_crime (month, latitude, longitude);
create index open_crime_street on open_crime (street_id, month);
create index open_crime_persistent on open_crime (persistent_id) where persistent_id <> '';
create index open_crime_without_location on open_crime (month, force, category) where latitude is null;
