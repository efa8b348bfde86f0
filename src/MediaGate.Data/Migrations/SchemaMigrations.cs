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

        // Uploads and their processing (issue 7, sections 3, 5 and 6): observations from tablets, their media
        // items with a status, the faces found with whose they are, the tablets' idempotency keys with the
        // response they got, renditions per purpose and audience, and the manager's approvals for the public.
        Migration.Portable(6, "observations, media items, faces, idempotency keys, renditions, approvals",
            """
            CREATE TABLE observations (
                id TEXT PRIMARY KEY,
                device_id TEXT NOT NULL,
                staff_id TEXT NOT NULL,
                captured_at TEXT NOT NULL,
                received_at TEXT NOT NULL,
                note TEXT NULL
            )
            """,
            """
            CREATE TABLE media_items (
                id TEXT PRIMARY KEY,
                observation_id TEXT NOT NULL REFERENCES observations (id),
                position BIGINT NOT NULL CHECK (position >= 0),
                sha256 TEXT NOT NULL,
                byte_length BIGINT NOT NULL CHECK (byte_length > 0),
                upload_key TEXT NOT NULL,
                master_key TEXT NULL,
                width BIGINT NULL,
                height BIGINT NULL,
                status TEXT NOT NULL CHECK (status IN ('processing', 'needs-assignment', 'released', 'held', 'blocked', 'failed')),
                status_detail TEXT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (observation_id, sha256)
            )
            """,
            "CREATE INDEX ix_media_items_status ON media_items (status, created_at)",
            """
            CREATE TABLE media_children (
                media_id TEXT NOT NULL REFERENCES media_items (id),
                child_id TEXT NOT NULL REFERENCES children (id),
                PRIMARY KEY (media_id, child_id)
            )
            """,
            "CREATE INDEX ix_media_children_child ON media_children (child_id)",
            """
            CREATE TABLE media_faces (
                id TEXT PRIMARY KEY,
                media_id TEXT NOT NULL REFERENCES media_items (id),
                number BIGINT NOT NULL CHECK (number > 0),
                x DOUBLE PRECISION NOT NULL,
                y DOUBLE PRECISION NOT NULL,
                w DOUBLE PRECISION NOT NULL,
                h DOUBLE PRECISION NOT NULL,
                score DOUBLE PRECISION NOT NULL,
                uncertain BIGINT NOT NULL CHECK (uncertain IN (0, 1)),
                assignment TEXT NOT NULL CHECK (assignment IN ('unassigned', 'child', 'staff', 'not-a-child')),
                child_id TEXT NULL REFERENCES children (id),
                assigned_by TEXT NULL,
                assigned_at TEXT NULL,
                UNIQUE (media_id, number),
                CHECK ((assignment = 'child') = (child_id IS NOT NULL))
            )
            """,
            """
            CREATE TABLE idempotency_keys (
                device_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                observation_id TEXT NOT NULL REFERENCES observations (id),
                response_json TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (device_id, idempotency_key)
            )
            """,
            """
            CREATE TABLE renditions (
                id TEXT PRIMARY KEY,
                media_id TEXT NOT NULL REFERENCES media_items (id),
                purpose TEXT NOT NULL CHECK (purpose IN ('journal', 'website', 'publicity', 'events')),
                audience TEXT NOT NULL,
                object_key TEXT NOT NULL UNIQUE,
                width BIGINT NOT NULL CHECK (width > 0),
                height BIGINT NOT NULL CHECK (height > 0),
                revision BIGINT NOT NULL CHECK (revision > 0),
                created_at TEXT NOT NULL,
                UNIQUE (media_id, purpose, audience)
            )
            """,
            "CREATE INDEX ix_renditions_audience ON renditions (purpose, audience)",
            """
            CREATE TABLE media_approvals (
                media_id TEXT NOT NULL REFERENCES media_items (id),
                purpose TEXT NOT NULL CHECK (purpose IN ('website', 'publicity')),
                approved_by TEXT NOT NULL,
                approved_at TEXT NOT NULL,
                PRIMARY KEY (media_id, purpose)
            )
            """),

        // The manager's review actions (api.md, POST /api/manager/media/{mediaId}/decision): release, mask or
        // block per item and purpose. A block holds whatever a later consent change or assignment decides.
        // Number 8: 7 is the host's, if it needs one.
        Migration.Portable(8, "review actions",
            """
            CREATE TABLE review_actions (
                media_id TEXT NOT NULL REFERENCES media_items (id),
                purpose TEXT NOT NULL CHECK (purpose IN ('journal', 'website', 'publicity', 'events')),
                action TEXT NOT NULL CHECK (action IN ('release', 'mask', 'block')),
                decided_by TEXT NOT NULL,
                decided_at TEXT NOT NULL,
                PRIMARY KEY (media_id, purpose)
            )
            """),

        // Events (issue 7, section 5: renditions "per event (families of children who attended)"): the manager
        // records an event and who attended; an observation may name its event. Events are never edited, so an
        // event rendition's audience (the attendees' families) stays what it was decided for.
        Migration.Portable(9, "events, their attendees, and the event an observation belongs to",
            """
            CREATE TABLE events (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                event_date TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE event_attendees (
                event_id TEXT NOT NULL REFERENCES events (id),
                child_id TEXT NOT NULL REFERENCES children (id),
                PRIMARY KEY (event_id, child_id)
            )
            """,
            "CREATE INDEX ix_event_attendees_child ON event_attendees (child_id)",
            "ALTER TABLE observations ADD COLUMN event_id TEXT NULL REFERENCES events (id)",
            "CREATE INDEX ix_observations_event ON observations (event_id)",
            "CREATE INDEX ix_observations_staff ON observations (staff_id, received_at)"),
        // Retention (product.md: masters "are deleted on the retention schedule (for example after a child
        // leaves, with a grace period ...)"): the day a child left, the "deleted" status of a tombstoned item, and
        // objects due for deletion. Stores cannot list their objects, so every object that may outlive the row
        // that names it is written down first: an upload's original before its first byte is stored (due after
        // Gate:Retention:AbandonedUploadSeconds unless the committing transaction removes it), and a tombstoned
        // item's masters and renditions (due at once). A sweep on any node claims due rows and deletes the objects.
        new Migration(10, "children leave, deleted items, objects due for deletion",
            [
                .. RetentionTables,
                // SQLite cannot alter a CHECK constraint, and rebuilding media_items needs foreign keys off (not
                // possible inside the migration's transaction) and would drop columns other migrations add. Widening
                // the list in the stored schema is the change SQLite documents for constraints (sqlite.org/lang_altertable.html,
                // "writable_schema"); every existing row satisfies the wider check, and RESET re-reads the schema.
                "PRAGMA writable_schema = ON",
                $"UPDATE sqlite_master SET sql = replace(sql, '{Quoted(StatusesBefore)}', '{Quoted(StatusesAfter)}') WHERE type = 'table' AND name = 'media_items'",
                "PRAGMA writable_schema = RESET",
            ],
            [
                .. RetentionTables,
                "ALTER TABLE media_items DROP CONSTRAINT media_items_status_check",
                $"ALTER TABLE media_items ADD CONSTRAINT media_items_status_check CHECK (status IN ({StatusesAfterList}))",
            ]),
        // Signing out (README, Sessions): the ids (jti) of bearer tokens signed out before they expire, which
        // every node refuses from the next request on. A row is needed only until its token would have expired.
        Migration.Portable(11, "revoked bearer tokens",
            """
            CREATE TABLE revoked_tokens (
                token_id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL,
                revoked_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX ix_revoked_tokens_expiry ON revoked_tokens (expires_at)"),
        // Ending sessions when a password or PIN changes: every change bumps the account's credential generation, each
        // token carries the generation it was issued under, and a token of an older generation is refused on every node
        // from the next request on (exact, unlike comparing whole-second issue times).
        Migration.Portable(12, "credential generation of accounts",
            "ALTER TABLE accounts ADD COLUMN credential_generation BIGINT NOT NULL DEFAULT 0"),
        // "Not a face" (issue 12, section 2): a fifth assignment kind. SQLite cannot alter a CHECK constraint, so
        // media_faces is rebuilt: no table references it, so it can be dropped with foreign keys on, and the new table
        // keeps its own foreign keys, its unique (media_id, number) and every row. PostgreSQL replaces the constraint.
        new Migration(13, "face assignment kind not-a-face",
            [
                MediaFacesTable("media_faces_rebuilt"),
                $"INSERT INTO media_faces_rebuilt ({MediaFacesColumns}) SELECT {MediaFacesColumns} FROM media_faces",
                "DROP TABLE media_faces",
                "ALTER TABLE media_faces_rebuilt RENAME TO media_faces",
            ],
            [
                "ALTER TABLE media_faces DROP CONSTRAINT media_faces_assignment_check",
                $"ALTER TABLE media_faces ADD CONSTRAINT media_faces_assignment_check CHECK (assignment IN ({AssignmentKinds}))",
            ]),

        // Interactive first (issue 12, section 3): a queued item's turn is its place in its upload, and claims take the
        // lowest turn first, then the oldest. Every upload's first photo comes before any upload's second, so a batch of
        // 20 photos does not keep a tablet's single new photo waiting behind 19 others.
        Migration.Portable(14, "work queue turns",
            "ALTER TABLE work_queue ADD COLUMN turn BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX ix_work_queue_turn ON work_queue (state, turn, enqueued_at)"),

        // Outages are not the photo's fault (issue 13): an item whose store or database was away goes back to waiting
        // until not_before (a growing, capped back-off) without spending an attempt; outages counts those returns.
        Migration.Portable(15, "work queue back-off after outages",
            "ALTER TABLE work_queue ADD COLUMN not_before TEXT NULL",
            "ALTER TABLE work_queue ADD COLUMN outages BIGINT NOT NULL DEFAULT 0"),

        // Growing delays instead of lock-outs (issue 13): a counter remembers its last attempt, the time before which no
        // attempt is admitted, and which attempt it admitted last (how an attempt knows it was let through).
        Migration.Portable(16, "sign-in delays",
            "DELETE FROM sign_in_throttle",
            "ALTER TABLE sign_in_throttle RENAME COLUMN window_start TO last_attempt_at",
            "ALTER TABLE sign_in_throttle RENAME COLUMN locked_until TO next_attempt_at",
            "ALTER TABLE sign_in_throttle ADD COLUMN attempt_id TEXT NULL"),

        // Video through the same gate (issue 14): an item is a photo or a video; a video's faces are tracks (each one row in
        // media_faces, its box at its clearest frame, plus its time span and detections here, so its masks can be drawn
        // again for every audience); a video rendition is the renditions row (whose object is the masked poster JPEG) plus
        // the masked MP4 here.
        Migration.Portable(17, "video items, face tracks, video renditions",
            "ALTER TABLE media_items ADD COLUMN kind TEXT NOT NULL DEFAULT 'photo' CHECK (kind IN ('photo', 'video'))",
            """
            CREATE TABLE media_tracks (
                media_id TEXT NOT NULL REFERENCES media_items (id),
                number BIGINT NOT NULL CHECK (number > 0),
                first_ms BIGINT NOT NULL CHECK (first_ms >= 0),
                last_ms BIGINT NOT NULL CHECK (last_ms >= first_ms),
                best_ms BIGINT NOT NULL,
                points_json TEXT NOT NULL,
                frame_key TEXT NULL,
                PRIMARY KEY (media_id, number)
            )
            """,
            """
            CREATE TABLE video_renditions (
                rendition_id TEXT PRIMARY KEY,
                media_id TEXT NOT NULL REFERENCES media_items (id),
                video_key TEXT NOT NULL UNIQUE,
                sound BIGINT NOT NULL CHECK (sound IN (0, 1)),
                byte_length BIGINT NOT NULL CHECK (byte_length > 0)
            )
            """,
            "CREATE INDEX ix_video_renditions_media ON video_renditions (media_id)"),

        // A <video> element cannot send the bearer header (issue 14): a parent gets a short-lived link to one rendition.
        // Only the token's hash is kept; the link names the rendition (a re-made rendition is a new one) and the account.
        Migration.Portable(18, "video playback links",
            """
            CREATE TABLE video_links (
                token_hash TEXT PRIMARY KEY,
                rendition_id TEXT NOT NULL,
                media_id TEXT NOT NULL,
                account_id TEXT NOT NULL,
                expires_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX ix_video_links_expiry ON video_links (expires_at)"),

        // Names in the picture (issue 15): the text regions found on an item for its website and publicity renditions,
        // each masked until the manager un-masks it (who and when). Kept apart from decisions: re-decisions keep them.
        Migration.Portable(19, "text regions",
            """
            CREATE TABLE media_text_regions (
                media_id TEXT NOT NULL REFERENCES media_items (id),
                number BIGINT NOT NULL CHECK (number > 0),
                x DOUBLE PRECISION NOT NULL,
                y DOUBLE PRECISION NOT NULL,
                w DOUBLE PRECISION NOT NULL CHECK (w > 0),
                h DOUBLE PRECISION NOT NULL CHECK (h > 0),
                score DOUBLE PRECISION NOT NULL,
                unmasked_by TEXT NULL,
                unmasked_at TEXT NULL,
                PRIMARY KEY (media_id, number),
                CHECK ((unmasked_by IS NULL) = (unmasked_at IS NULL))
            )
            """),

        // That an item was searched for text, once: a website rendition is made only after its scan (none found is a
        // scan too), and a scan is never repeated, so the manager's un-masks stay on the regions they were given for.
        Migration.Portable(20, "text scans",
            """
            CREATE TABLE media_text_scans (
                media_id TEXT PRIMARY KEY REFERENCES media_items (id),
                model TEXT NOT NULL,
                scanned_at TEXT NOT NULL,
                regions BIGINT NOT NULL CHECK (regions >= 0)
            )
            """),

        // When a consent change (a withdrawal, a manager's change, an import or a lapse) turned a decision from release or
        // block to hold: the family's list then says the item is being checked again, not only "being checked" (never
        // why: README, GET /api/parent/media "recheck"). Kept while the decision stays a hold, cleared when not.
        Migration.Portable(21, "decisions held again after a consent change",
            "ALTER TABLE decisions ADD COLUMN consent_recheck_at TEXT NULL"),

        // An event's audience key names every attendee twice (families and attendees): 60 attendees are about 4 kB, over
        // PostgreSQL's bound on a btree entry (2704 bytes). Whether it fit depended on whether PostgreSQL managed to compress
        // the key (it gives up when the first kilobyte of random ids does not shrink), so saving a large event's decision
        // failed now and then (found by the data test of sixty attendees failing once in CI). PostgreSQL's unique indexes
        // on an audience now hold its MD5 (a collision would refuse a save: fail closed), and lookups by audience use a hash
        // index, which has no such bound. SQLite has no bound on an index entry and keeps its indexes.
        new Migration(22, "audience keys of any length in PostgreSQL's indexes",
            ["SELECT 1"],
            [
                "DROP INDEX ux_decisions_rendition",
                "CREATE UNIQUE INDEX ux_decisions_rendition ON decisions (media_id, purpose, md5(audience))",
                "ALTER TABLE renditions DROP CONSTRAINT renditions_media_id_purpose_audience_key",
                "CREATE UNIQUE INDEX ux_renditions_rendition ON renditions (media_id, purpose, md5(audience))",
                "DROP INDEX ix_renditions_audience",
                "CREATE INDEX ix_renditions_audience ON renditions USING hash (audience)",
            ]),
    ];

    private const string AssignmentKinds = "'unassigned', 'child', 'staff', 'not-a-child', 'not-a-face'";

    private const string MediaFacesColumns = "id, media_id, number, x, y, w, h, score, uncertain, assignment, child_id, assigned_by, assigned_at";

    /// <summary>media_faces as migration 6 made it, with the assignment kinds of migration 13.</summary>
    private static string MediaFacesTable(string name) =>
        $"""
        CREATE TABLE {name} (
            id TEXT PRIMARY KEY,
            media_id TEXT NOT NULL REFERENCES media_items (id),
            number BIGINT NOT NULL CHECK (number > 0),
            x DOUBLE PRECISION NOT NULL,
            y DOUBLE PRECISION NOT NULL,
            w DOUBLE PRECISION NOT NULL,
            h DOUBLE PRECISION NOT NULL,
            score DOUBLE PRECISION NOT NULL,
            uncertain BIGINT NOT NULL CHECK (uncertain IN (0, 1)),
            assignment TEXT NOT NULL CHECK (assignment IN ({AssignmentKinds})),
            child_id TEXT NULL REFERENCES children (id),
            assigned_by TEXT NULL,
            assigned_at TEXT NULL,
            UNIQUE (media_id, number),
            CHECK ((assignment = 'child') = (child_id IS NOT NULL))
        )
        """;

    private const string StatusesList = "'processing', 'needs-assignment', 'released', 'held', 'blocked', 'failed'";
    private const string StatusesAfterList = StatusesList + ", 'deleted'";
    private const string StatusesBefore = "(" + StatusesList + "))";
    private const string StatusesAfter = "(" + StatusesAfterList + "))";

    private static string[] RetentionTables =>
    [
        "ALTER TABLE children ADD COLUMN left_on TEXT NULL",
        """
        CREATE TABLE pending_deletions (
            store TEXT NOT NULL CHECK (store IN ('master', 'renditions')),
            object_key TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason IN ('upload', 'retention')),
            due_at TEXT NOT NULL,
            claimed_by TEXT NULL,
            claimed_until TEXT NULL,
            PRIMARY KEY (store, object_key)
        )
        """,
        "CREATE INDEX ix_pending_deletions_due ON pending_deletions (due_at)",
    ];

    private static string Quoted(string text) => text.Replace("'", "''", StringComparison.Ordinal);

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
