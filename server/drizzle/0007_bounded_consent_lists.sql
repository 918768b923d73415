-- A consent's lists are bounded and each value named once (issue 10, finding 1). A withdrawal
-- stored before that may name more organisations than a consent can grant: it keeps those its
-- consent granted (the only ones it ever withdrew), or, when it named none of them, its first
-- one (it withdrew nothing, and still does). Repeated categories are named once.
UPDATE `records` SET `data` = json_set(`data`, '$.organisations', json(
  CASE WHEN EXISTS (
    SELECT 1 FROM `records` AS `r`, json_each(`r`.`data`, '$.grantedTo') AS `g`
    WHERE `r`.`collection` = 'consentEvents' AND `r`.`client_id` = `records`.`client_id`
      AND json_extract(`r`.`data`, '$.type') = 'recorded'
      AND json_extract(`r`.`data`, '$.consentId') = json_extract(`records`.`data`, '$.consentId')
      AND `g`.`value` IN (SELECT `value` FROM json_each(`records`.`data`, '$.organisations'))
  ) THEN (
    SELECT json_group_array(`value`) FROM (
      SELECT DISTINCT `g`.`value` AS `value` FROM `records` AS `r`, json_each(`r`.`data`, '$.grantedTo') AS `g`
      WHERE `r`.`collection` = 'consentEvents' AND `r`.`client_id` = `records`.`client_id`
        AND json_extract(`r`.`data`, '$.type') = 'recorded'
        AND json_extract(`r`.`data`, '$.consentId') = json_extract(`records`.`data`, '$.consentId')
        AND `g`.`value` IN (SELECT `value` FROM json_each(`records`.`data`, '$.organisations'))
    )
  ) ELSE json_array(json_extract(`data`, '$.organisations[0]')) END))
WHERE `collection` = 'consentEvents' AND json_extract(`data`, '$.type') = 'withdrawn'
  AND json_type(`data`, '$.organisations') = 'array' AND json_array_length(`data`, '$.organisations') > 20;
--> statement-breakpoint
UPDATE `records` SET `data` = json_set(`data`, '$.categories', json(
  (SELECT json_group_array(`value`) FROM (SELECT DISTINCT `value` FROM json_each(`records`.`data`, '$.categories')))))
WHERE `collection` = 'consentEvents' AND json_type(`data`, '$.categories') = 'array'
  AND json_array_length(`data`, '$.categories') > (SELECT count(DISTINCT `value`) FROM json_each(`records`.`data`, '$.categories'));
