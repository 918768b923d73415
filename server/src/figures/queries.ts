/**
 * The figures' SQL, over the stored records (one `records` table of JSON, decision 0001): every
 * figure is computed in the database, for a period `:from`–`:to` (days, both included), and
 * returns raw numbers that only `compute.ts` turns into published cells. `collection = …` uses the
 * primary key's prefix, so each query reads one collection, never the whole table.
 */

const field = (alias: string, path: string) => `json_extract(${alias}.data, '$.${path}')`;
const dayOf = (expression: string) => `substr(${expression}, 1, 10)`;
/** "2023-Q3" of a day. */
const quarterOf = (day: string) => `substr(${day}, 1, 4) || '-Q' || ((CAST(substr(${day}, 6, 2) AS INTEGER) + 2) / 3)`;
const inPeriod = (day: string) => `${day} BETWEEN :from AND :to`;

export const figuresQueries = {
  organisations: `SELECT id, ${field("o", "name")} AS name, coalesce(${field("o", "kind")}, 'care') AS kind FROM records o WHERE o.collection = 'organisations'`,

  // The clients, read once (their JSON parsed once per row, not once per figure): the active ones
  // per holder (and how many in monitoring), instroom per quarter, uitstroom by reason and quarter,
  // and the consent table, as rows tagged by their part (compute.ts splits them).
  // A client closed through a handover out of Naast has no reason of her own: where the handover took her is it.
  clients: `WITH c AS MATERIALIZED (
      SELECT c.id AS id, ${field("c", "ownerOrganisationId")} AS organisation, ${field("c", "status")} AS status,
        ${dayOf(field("c", "createdAt"))} AS created, ${dayOf(field("c", "closure.closedAt"))} AS closed_on, ${field("c", "closure.reason")} AS reason
      FROM records c WHERE c.collection = 'clients'),
    active AS MATERIALIZED (SELECT id, organisation, status FROM c WHERE created <= :to AND (closed_on IS NULL OR closed_on >= :from))
    SELECT 'active' AS part, organisation AS a, NULL AS b, count(*) AS n, sum(status = 'monitoring') AS m FROM active GROUP BY organisation
    UNION ALL
    SELECT 'instroom', ${quarterOf("created")}, NULL, count(*), NULL FROM c WHERE ${inPeriod("created")} GROUP BY 2
    UNION ALL
    SELECT 'uitstroom', coalesce(reason,
        (SELECT CASE ${field("h", "kind")} WHEN 'regular-care' THEN 'regular_care' WHEN 'other-municipality' THEN 'moved' END
           FROM records h WHERE h.collection = 'handovers' AND h.client_id = c.id
             AND ${field("h", "kind")} IN ('regular-care', 'other-municipality', 'closure')
           ORDER BY ${field("h", "createdAt")} DESC LIMIT 1),
        'unknown'), ${quarterOf("closed_on")}, count(*), NULL
      FROM c WHERE closed_on IS NOT NULL AND ${inPeriod("closed_on")} GROUP BY 2, 3
    UNION ALL
    -- In force at the period's end: recorded by then, valid then, and not wholly withdrawn by then (a partial withdrawal leaves some).
    SELECT 'consent', NULL, NULL, count(*), coalesce(sum(EXISTS (
        SELECT 1 FROM records r WHERE r.collection = 'consentEvents' AND r.client_id = active.id AND ${field("r", "type")} = 'recorded'
          AND ${dayOf(field("r", "recordedAt"))} <= :to AND ${dayOf(field("r", "validFrom"))} <= :to AND ${dayOf(field("r", "validUntil"))} > :to
          AND NOT EXISTS (SELECT 1 FROM records w WHERE w.collection = 'consentEvents' AND w.client_id = active.id AND ${field("w", "type")} = 'withdrawn'
            AND ${field("w", "consentId")} = ${field("r", "consentId")} AND ${field("w", "organisations")} IS NULL AND ${field("w", "categories")} IS NULL
            AND ${dayOf(field("w", "withdrawnAt"))} <= :to))), 0)
      FROM active`,

  // Inside Naast a handover takes effect when acknowledged; leaving Naast, when written (unless a correction replaced it).
  handovers: `SELECT kind, ${quarterOf("day")} AS quarter, count(*) AS n FROM (
      SELECT ${field("h", "kind")} AS kind, ${dayOf(field("e", "at"))} AS day
        FROM records e JOIN records h ON h.collection = 'handovers' AND h.id = ${field("e", "handoverId")}
        WHERE e.collection = 'handoverEvents' AND ${field("e", "type")} = 'acknowledged'
      UNION ALL
      SELECT ${field("h", "kind")}, ${dayOf(field("h", "createdAt"))}
        FROM records h WHERE h.collection = 'handovers' AND ${field("h", "kind")} IN ('regular-care', 'other-municipality', 'closure')
          AND NOT EXISTS (SELECT 1 FROM records k WHERE k.collection = 'handovers' AND k.client_id = h.client_id AND ${field("k", "correctsHandoverId")} = h.id)
    ) WHERE ${inPeriod("day")}
    GROUP BY kind, quarter`,

  timeoutApproved: `SELECT count(*) AS n FROM records e
    WHERE e.collection = 'timeoutEvents' AND ${field("e", "type")} = 'decided' AND ${field("e", "approved")} = 1
      AND ${inPeriod(dayOf(field("e", "at")))}`,

  timeoutEnded: `SELECT coalesce(sum(${field("e", "nights")}), 0) AS nights, coalesce(sum(${field("e", "costCents")}), 0) AS cost,
      count(DISTINCT e.client_id) AS people
    FROM records e WHERE e.collection = 'timeoutEvents' AND ${field("e", "type")} = 'ended' AND ${inPeriod(field("e", "day"))}`,

  flexbudgets: `SELECT coalesce(sum(${field("b", "amountCents")}), 0) AS cents FROM records b
    WHERE b.collection = 'flexbudgets' AND ${field("b", "year")} BETWEEN CAST(substr(:from, 1, 4) AS INTEGER) AND CAST(substr(:to, 1, 4) AS INTEGER)`,

  // Spent: an expense within budget, or over it and approved by the holder; a storno takes it out again (shared/src/flexbudget/ledger.ts).
  flexbudgetSpent: `WITH spent AS (
      SELECT x.client_id AS client, ${field("x", "purpose")} AS purpose, ${field("x", "amountCents")} AS cents
      FROM records x WHERE x.collection = 'flexbudgetEntries' AND ${field("x", "type")} = 'expense' AND ${inPeriod(field("x", "day"))}
        AND (${field("x", "needsApproval")} = 0 OR EXISTS (SELECT 1 FROM records d WHERE d.collection = 'flexbudgetEntries' AND d.client_id = x.client_id
              AND ${field("d", "type")} = 'decision' AND ${field("d", "expenseId")} = x.id AND ${field("d", "approved")} = 1))
        AND NOT EXISTS (SELECT 1 FROM records s WHERE s.collection = 'flexbudgetEntries' AND s.client_id = x.client_id
              AND ${field("s", "type")} = 'storno' AND ${field("s", "expenseId")} = x.id))
    SELECT purpose, sum(cents) AS cents, count(DISTINCT client) AS people FROM spent GROUP BY purpose
    UNION ALL
    SELECT NULL, coalesce(sum(cents), 0), count(DISTINCT client) FROM spent`,

  consentAsked: `WITH asked AS (
      SELECT r.client_id AS client, 1 AS given FROM records r WHERE r.collection = 'consentEvents' AND ${field("r", "type")} = 'recorded'
        AND ${inPeriod(dayOf(field("r", "recordedAt")))}
      UNION ALL
      SELECT v.client_id, 0 FROM records v WHERE v.collection = 'consentConversations' AND ${inPeriod(field("v", "askedOn"))})
    SELECT count(DISTINCT client) AS asked, count(DISTINCT CASE WHEN given = 1 THEN client END) AS given FROM asked`,

  escalationsOpened: `SELECT count(*) AS n FROM records e WHERE e.collection = 'escalations' AND ${inPeriod(dayOf(field("e", "submittedAt")))}`,

  // Time to answer in calendar days, of the escalations answered in the period (resolved or handed back); the median in SQL.
  escalationsAnswered: `WITH d AS (
      SELECT julianday(${field("e", "answeredAt")}) - julianday(${field("e", "submittedAt")}) AS days, ${field("e", "status")} AS status
      FROM records e WHERE e.collection = 'escalations' AND ${field("e", "answeredAt")} IS NOT NULL AND ${inPeriod(dayOf(field("e", "answeredAt")))})
    SELECT count(*) AS answered, coalesce(sum(status = 'resolved'), 0) AS resolved,
      (SELECT avg(days) FROM (SELECT days FROM d ORDER BY days LIMIT 2 - (SELECT count(*) FROM d) % 2 OFFSET ((SELECT count(*) FROM d) - 1) / 2)) AS median
    FROM d`,

  zrm: `WITH s AS (
      SELECT client_id AS client, ${field("z", "domain")} AS domain, ${field("z", "score")} AS score,
        row_number() OVER (PARTITION BY client_id, ${field("z", "domain")} ORDER BY ${field("z", "assessedOn")}, ${field("z", "recordedAt")}, id) AS first_rank,
        row_number() OVER (PARTITION BY client_id, ${field("z", "domain")} ORDER BY ${field("z", "assessedOn")} DESC, ${field("z", "recordedAt")} DESC, id DESC) AS last_rank,
        count(*) OVER (PARTITION BY client_id, ${field("z", "domain")}) AS scores
      FROM records z WHERE z.collection = 'zrmScores' AND ${inPeriod(field("z", "assessedOn"))})
    SELECT f.domain AS domain, count(*) AS clients, avg(l.score - f.score) AS mean,
      sum(l.score > f.score) AS improved, sum(l.score = f.score) AS same, sum(l.score < f.score) AS worsened
    FROM s f JOIN s l ON l.client = f.client AND l.domain = f.domain AND l.last_rank = 1
    WHERE f.first_rank = 1 AND f.scores >= 2
    GROUP BY f.domain`,
} as const;

export type FiguresQuery = keyof typeof figuresQueries;
