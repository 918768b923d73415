-- Organisations have a kind (issue 9, leak 2): "Het hele Stapteam" means the care organisations,
-- the municipality is a choice of its own. An organisation with a procesregisseur or a policy
-- officer (the municipality's roles) becomes "municipality"; the others stay care (no kind).
-- The rewritten rows get the next change sequence, so every device pulls them again.
UPDATE `records` SET `data` = json_set(`data`, '$.kind', 'municipality'),
  `version` = (SELECT `seq` + 1 FROM `sync_state` WHERE `id` = 1)
WHERE `collection` = 'organisations' AND json_extract(`data`, '$.kind') IS NULL AND `id` IN (
  SELECT json_extract(`data`, '$.organisationId') FROM `records`
  WHERE `collection` = 'people' AND json_extract(`data`, '$.role') IN ('procesregisseur', 'policy')
);
--> statement-breakpoint
UPDATE `sync_state` SET `seq` = `seq` + 1
WHERE `id` = 1 AND EXISTS (SELECT 1 FROM `records` WHERE `collection` = 'organisations' AND `version` = `sync_state`.`seq` + 1);
