CREATE TABLE `erased_clients` (
	`client_id` text PRIMARY KEY NOT NULL,
	`erased_at` text NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `erased_clients_version` ON `erased_clients` (`version`);--> statement-breakpoint
CREATE TABLE `scheduled_runs` (
	`job` text NOT NULL,
	`day` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	PRIMARY KEY(`job`, `day`)
);
