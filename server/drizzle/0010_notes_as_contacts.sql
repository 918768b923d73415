-- Notes became contacts (issue 13, point 3): a note written before reads as a contact of unknown
-- type that took place when it was written, and that happened (not a no-show). Nothing is reset:
-- the text, author and moment stay; only the three new fields are filled in.
UPDATE `records` SET `data` = json_set(`data`, '$.contactAt', json_extract(`data`, '$.createdAt'), '$.contactType', 'unknown', '$.noShow', json('false'))
WHERE `collection` = 'notes' AND json_type(`data`, '$.contactType') IS NULL;
