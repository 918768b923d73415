-- An afspraak about a life domain needs that domain's consent too (issue 9, leak 1): its
-- visibility becomes "category:agreements:<domain>" (see shared/src/store/visibility.ts).
UPDATE `records` SET `visibility` = 'category:agreements:' || json_extract(`data`, '$.domain')
WHERE `collection` = 'agreements' AND json_extract(`data`, '$.domain') IS NOT NULL;
