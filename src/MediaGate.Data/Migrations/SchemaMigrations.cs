namespace MediaGate.Data.Migrations;

/// <summary>
/// The schema, as versioned migrations. Never edit a released migration: add the next one.
/// Types are the portable subset (TEXT, BIGINT) so SQLite and PostgreSQL hold the same schema.
/// </summary>
internal static class SchemaMigrations
{
    private const string AppendOnly = "consent history is append-only";
    private const string AuditAppendOnly = "the audit log is append-only";

    public static IReadOnlyList<Migration> All { get; } =
    [
        Migration.Portable(1, "children, consent history, stored decisions",
            """
            CREATE TABLE children (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                room TEXT NULL
            )
            """,
            """
            CREATE TABLE consent_records (
                child_id TEXT NOT NULL REFERENCES children (id),
                purpose TEXT NOT NULL CHECK (purpose IN ('journal', 'website', 'publicity', 'events')),
                version BIGINT NOT NULL CHECK (version > 0),
                granted BIGINT NOT NULL CHECK (granted IN (0, 1)),
                group_sharing BIGINT NOT NULL CHECK (group_sharing IN (0, 1)),
                given_by TEXT NOT NULL,
                evidence TEXT NOT NULL,
                given_on TEXT NOT NULL,
                lapses_on TEXT NULL,
                withdrawn_on TEXT NULL,
                recorded_at TEXT NOT NULL,
                PRIMARY KEY (child_id, purpose, version)
            )
            """,
            """
            CREATE TABLE decisions (
                id TEXT PRIMARY KEY,
                media_id TEXT NOT NULL,
                purpose TEXT NOT NULL,
                audience TEXT NOT NULL,
                decided_at TEXT NOT NULL,
                verdict TEXT NOT NULL,
                request_json TEXT NOT NULL,
                faces_json TEXT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX ux_decisions_rendition ON decisions (media_id, purpose, audience)",
            """
            CREATE TABLE decision_cells (
                decision_id TEXT NOT NULL REFERENCES decisions (id),
                child_id TEXT NOT NULL,
                purpose TEXT NOT NULL,
                PRIMARY KEY (decision_id, child_id, purpose)
            )
            """,
            "CREATE INDEX ix_decision_cells_cell ON decision_cells (child_id, purpose)"),

        // The database itself refuses to edit or delete consent history (issue 3: "a withdrawal is a new
        // record, never an update that loses the old one"), whatever code connects to it.
        new Migration(2, "consent history is append-only",
            [
                $"CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records BEGIN SELECT RAISE(ABORT, '{AppendOnly}'); END",
                $"CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records BEGIN SELECT RAISE(ABORT, '{AppendOnly}'); END",
            ],
            [
                $"CREATE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{AppendOnly}'; END $$",
                "CREATE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records FOR EACH ROW EXECUTE FUNCTION consent_records_append_only()",
            ]),

        // The audit log: a hash chain (Audit/AuditChain) that the database also refuses to edit or delete.
        new Migration(3, "audit log",
            [
                AuditTable,
                $"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '{AuditAppendOnly}'); END",
                $"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, '{AuditAppendOnly}'); END",
            ],
            [
                AuditTable,
                $"CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{AuditAppendOnly}'; END $$",
                "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
            ]),

        // Work handed out through the database (IWorkQueue): several nodes share it; leases let a node that
        // died lose its items to the others.
        Migration.Portable(4, "work queue",
            """
            CREATE TABLE work_queue (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
                enqueued_at TEXT NOT NULL,
                attempts BIGINT NOT NULL CHECK (attempts >= 0),
                claim_token TEXT NULL,
                claimed_by TEXT NULL,
                lease_until TEXT NULL,
                finished_at TEXT NULL,
                last_error TEXT NULL
            )
            """,
            "CREATE INDEX ix_work_queue_claimable ON work_queue (state, enqueued_at)"),

        // Identities (issue 7, section 2): accounts (usernames unique without case), the children a parent may
        // see, registered devices and website keys (only hashes of their secrets), the token signing keys every
        // node shares, and the failed sign-in counters every node shares.
        Migration.Portable(5, "accounts, devices, website keys, signing keys, sign-in throttle",
            """
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL,
                username_key TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('manager', 'staff', 'parent')),
                password_hash TEXT NULL,
                pin_hash TEXT NULL,
                active BIGINT NOT NULL CHECK (active IN (0, 1)),
                created_at TEXT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX ux_accounts_username_key ON accounts (username_key)",
            """
            CREATE TABLE account_children (
                account_id TEXT NOT NULL REFERENCES accounts (id),
                child_id TEXT NOT NULL REFERENCES children (id),
                PRIMARY KEY (account_id, child_id)
            )
            """,
            "CREATE INDEX ix_account_children_child ON account_children (child_id)",
            """
            CREATE TABLE devices (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                secret_hash TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT NULL
            )
            """,
            """
            CREATE TABLE website_keys (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                key_hash TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT NULL
            )
            """,
            "CREATE UNIQUE INDEX ux_website_keys_name_in_use ON website_keys (name) WHERE revoked_at IS NULL",
            "CREATE UNIQUE INDEX ux_website_keys_hash ON website_keys (key_hash)",
            """
            CREATE TABLE signing_keys (
                id TEXT PRIMARY KEY,
                secret TEXT NOT NULL,
                created_at TEXT NOT NULL,
                active_from TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE sign_in_throttle (
                throttle_key TEXT PRIMARY KEY,
                failures BIGINT NOT NULL CHECK (failures > 0),
                window_start TEXT NOT NULL,
                locked_until TEXT NULL
            )
            """),
    ];

    private const string AuditTable =
        """
        CREATE TABLE audit_log (
            seq BIGINT PRIMARY KEY CHECK (seq > 0),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """;
}
