DROP INDEX `records_client`;--> statement-breakpoint
CREATE INDEX `records_client` ON `records` (`client_id`,`collection`);