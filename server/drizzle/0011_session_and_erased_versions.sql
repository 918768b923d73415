-- Versions an instance checks what it keeps in memory against (issue 17, point 6; docs/decisions/0015).
-- Row 3 of sync_state: the session version, raised by the database itself whenever a session row
-- changes (a sign-out, a deactivation) or a person's record is written (her role, organisation or
-- being active), by whichever instance, the CLI included. A session kept in memory is trusted only
-- while this number is the one it was read at. Row 4: the highest change sequence at which
-- retention erased a client, so a pull asks for erased clients only when there are new ones.
INSERT OR IGNORE INTO `sync_state` (`id`, `seq`) VALUES (3, 0);
--> statement-breakpoint
INSERT OR IGNORE INTO `sync_state` (`id`, `seq`) VALUES (4, (SELECT coalesce(max(`version`), 0) FROM `erased_clients`));
--> statement-breakpoint
CREATE TRIGGER `sessions_version_on_update` AFTER UPDATE ON `sessions` BEGIN
  UPDATE `sync_state` SET `seq` = `seq` + 1 WHERE `id` = 3;
END;
--> statement-breakpoint
CREATE TRIGGER `sessions_version_on_delete` AFTER DELETE ON `sessions` BEGIN
  UPDATE `sync_state` SET `seq` = `seq` + 1 WHERE `id` = 3;
END;
--> statement-breakpoint
CREATE TRIGGER `people_version_on_insert` AFTER INSERT ON `records` WHEN NEW.`collection` = 'people' BEGIN
  UPDATE `sync_state` SET `seq` = `seq` + 1 WHERE `id` = 3;
END;
--> statement-breakpoint
CREATE TRIGGER `people_version_on_update` AFTER UPDATE ON `records` WHEN NEW.`collection` = 'people' OR OLD.`collection` = 'people' BEGIN
  UPDATE `sync_state` SET `seq` = `seq` + 1 WHERE `id` = 3;
END;
--> statement-breakpoint
CREATE TRIGGER `people_version_on_delete` AFTER DELETE ON `records` WHEN OLD.`collection` = 'people' BEGIN
  UPDATE `sync_state` SET `seq` = `seq` + 1 WHERE `id` = 3;
END;
--> statement-breakpoint
CREATE TRIGGER `erased_version_on_insert` AFTER INSERT ON `erased_clients` BEGIN
  UPDATE `sync_state` SET `seq` = max(`seq`, NEW.`version`) WHERE `id` = 4;
END;
--> statement-breakpoint
CREATE TRIGGER `erased_version_on_update` AFTER UPDATE ON `erased_clients` BEGIN
  UPDATE `sync_state` SET `seq` = max(`seq`, NEW.`version`) WHERE `id` = 4;
END;
