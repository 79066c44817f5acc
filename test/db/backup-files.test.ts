import { describe, expect, it } from "vitest";

import { backupsBeyondKeep, preMigrationBackupName, scheduledBackupName } from "../../src/db/backup-files.js";

const DB = "/srv/newsdesk/data/newsdesk.db";

describe("backup file names", () => {
  it("carry the database's name and a UTC time stamp that sorts as text", () => {
    expect(scheduledBackupName(DB, new Date("2026-12-01T03:17:00.042Z"))).toBe("newsdesk-20261201T031700042Z.db");
    expect(preMigrationBackupName(DB, "20270105120000_readers_language", new Date("2027-01-05T12:00:01Z"))).toBe(
      "newsdesk-before-20270105120000_readers_language-20270105T120001000Z.db",
    );
  });

  it("rotate the oldest copies of one kind out, and leave every other file alone", () => {
    const files = [
      "newsdesk-20261201T020000000Z.db",
      "newsdesk-20261203T020000000Z.db",
      "newsdesk-20261202T020000000Z.db",
      "newsdesk-before-20270105120000_b-20261130T080000000Z.db",
      "newsdesk-before-20261128070232_a-20261101T080000000Z.db",
      "other-20261101T020000000Z.db",
      ".newsdesk-20261204T020000000Z.db.partial",
      "newsdesk-notes.txt",
    ];
    expect(backupsBeyondKeep(files, DB, "scheduled", 2)).toEqual(["newsdesk-20261201T020000000Z.db"]);
    expect(backupsBeyondKeep(files, DB, "scheduled", 3)).toEqual([]);
    expect(backupsBeyondKeep(files, DB, "pre-migration", 1)).toEqual(["newsdesk-before-20261128070232_a-20261101T080000000Z.db"]);
  });
});
