-- The audit log is append-only: an UPDATE or DELETE through SQLite is refused.
-- Someone with raw file access can still drop these: `civreg audit verify` then catches any entry changed
-- or removed without re-hashing the rest; against a full rewrite the chain head must also be held
-- outside this file (the provincial platform, once sync lands).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
