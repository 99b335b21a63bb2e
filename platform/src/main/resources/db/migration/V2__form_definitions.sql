-- Form definitions: the draft being designed, every published version, and what schema sync made for each field.
-- Definitions are stored as JSON text written by io.kehu.platform.forms.DefinitionJson.
create table kehu_form (
    form_id           varchar(28) not null,
    published_version integer,
    draft_json        text,
    draft_updated_by  varchar(64),
    draft_updated_at  timestamp with time zone,
    constraint kehu_form_pk primary key (form_id)
);

-- One row per publish; versions count 1, 2, 3 ... per form. A rollback is a new version with an old definition.
create table kehu_form_version (
    form_id         varchar(28)  not null,
    version_number  integer      not null,
    definition_json text         not null,
    published_by    varchar(64)  not null,
    published_at    timestamp with time zone not null,
    note            varchar(500),
    constraint kehu_form_version_pk primary key (form_id, version_number),
    constraint kehu_form_version_form_fk foreign key (form_id) references kehu_form (form_id)
);

-- Every field schema sync ever made a column (or side table) for, live or hidden. A removed field stays here,
-- hidden, with its last definition, so that adding it back is checked against the column that still holds its values.
create table kehu_form_column (
    form_id     varchar(28) not null,
    field_id    varchar(28) not null,
    field_type  varchar(32) not null,
    column_type varchar(64),
    hidden      boolean     not null default false,
    field_json  text        not null,
    constraint kehu_form_column_pk primary key (form_id, field_id),
    constraint kehu_form_column_form_fk foreign key (form_id) references kehu_form (form_id)
);
