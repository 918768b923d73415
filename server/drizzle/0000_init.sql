CREATE TABLE `accounts` (
	`user_id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_email_unique` ON `accounts` (`email`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`event` text NOT NULL,
	`user_id` text,
	`organisation_id` text,
	`responsible_user_id` text,
	`client_id` text,
	`access_point` text NOT NULL,
	`categories` text NOT NULL,
	`consent_id` text,
	`outcome` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_client` ON `audit_log` (`client_id`);--> statement-breakpoint
CREATE TABLE `client_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `client_organisations` (
	`client_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	PRIMARY KEY(`client_id`, `organisation_id`)
);
--> statement-breakpoint
CREATE INDEX `client_organisations_org` ON `client_organisations` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `processed_mutations` (
	`client_group_id` text NOT NULL,
	`id` text NOT NULL,
	`status` text NOT NULL,
	`code` text,
	`reason` text,
	`processed_at` text NOT NULL,
	PRIMARY KEY(`client_group_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `records` (
	`collection` text NOT NULL,
	`id` text NOT NULL,
	`client_id` text,
	`visibility` text NOT NULL,
	`data` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`collection`, `id`)
);
--> statement-breakpoint
CREATE INDEX `records_version` ON `records` (`version`);--> statement-breakpoint
CREATE INDEX `records_client` ON `records` (`client_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`access_point` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `visible_sets` (
	`hash` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL
);
