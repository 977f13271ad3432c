-- Pulse schema, version 3: what the Grafana dashboards (grafana/) read besides the job tables.
-- Written for both MySQL 8.4 and MariaDB 10.11+; times are UTC DATETIME(3).

-- Demographics with small groups suppressed (contract 4.6) ---------------------------------
--
-- A dashboard shows who is inside, or who visited on a day, per roster group: year, gender,
-- hostel, branch, stream ('unknown' for people without a roster entry or value). The views are
-- the only place that counts them, so neither a panel nor its query inspector ever holds a
-- count under 5:
--   * a group with fewer than 5 distinct people shows as '<5' (people is NULL);
--   * when a dimension has such a group, one more group of that dimension is hidden as well
--     ('hidden', people NULL), so that "total minus the groups shown" covers at least one
--     group of 5 or more and never equals a small group. Which group is hidden does not depend
--     on its size (the first by MD5 of its name): its place would otherwise bound it.

CREATE VIEW demographics_inside_now AS
WITH inside AS (
  SELECT DISTINCT person_id, year, gender, hostel, branch, stream FROM presence_now
),
attributes AS (
  SELECT person_id, 'year' AS dimension,
         COALESCE(CAST(year AS CHAR CHARACTER SET utf8mb4), 'unknown') COLLATE utf8mb4_bin AS grp FROM inside
  UNION ALL SELECT person_id, 'gender', COALESCE(gender, 'unknown') FROM inside
  UNION ALL SELECT person_id, 'hostel', COALESCE(hostel, 'unknown') FROM inside
  UNION ALL SELECT person_id, 'branch', COALESCE(branch, 'unknown') FROM inside
  UNION ALL SELECT person_id, 'stream', COALESCE(stream, 'unknown') FROM inside
),
grouped AS (
  SELECT dimension, grp, COUNT(DISTINCT person_id) AS people FROM attributes GROUP BY dimension, grp
),
ranked AS (
  SELECT dimension, grp, people,
         SUM(people < 5) OVER (PARTITION BY dimension) AS small_groups,
         ROW_NUMBER() OVER (PARTITION BY dimension ORDER BY people >= 5, MD5(grp)) AS place
  FROM grouped
)
SELECT dimension, grp AS group_name,
       CASE WHEN people < 5 OR (small_groups > 0 AND place = small_groups + 1) THEN NULL ELSE people END AS people,
       CASE WHEN people < 5 THEN '<5'
            WHEN small_groups > 0 AND place = small_groups + 1 THEN 'hidden'
            ELSE CAST(people AS CHAR) END AS shown
FROM ranked;

-- The same for the distinct people who entered on each UTC day (the population of
-- unique_visitors_daily, whose total a dashboard shows next to it).
CREATE VIEW demographics_visitors_daily AS
WITH visitors AS (
  SELECT DISTINCT DATE(v.entered_at) AS day, v.person_id, p.year, p.gender, p.hostel, p.branch, p.stream
  FROM visits v LEFT JOIN people p ON p.person_id = v.person_id
),
attributes AS (
  SELECT day, person_id, 'year' AS dimension,
         COALESCE(CAST(year AS CHAR CHARACTER SET utf8mb4), 'unknown') COLLATE utf8mb4_bin AS grp FROM visitors
  UNION ALL SELECT day, person_id, 'gender', COALESCE(gender, 'unknown') FROM visitors
  UNION ALL SELECT day, person_id, 'hostel', COALESCE(hostel, 'unknown') FROM visitors
  UNION ALL SELECT day, person_id, 'branch', COALESCE(branch, 'unknown') FROM visitors
  UNION ALL SELECT day, person_id, 'stream', COALESCE(stream, 'unknown') FROM visitors
),
grouped AS (
  SELECT day, dimension, grp, COUNT(DISTINCT person_id) AS people FROM attributes GROUP BY day, dimension, grp
),
ranked AS (
  SELECT day, dimension, grp, people,
         SUM(people < 5) OVER (PARTITION BY day, dimension) AS small_groups,
         ROW_NUMBER() OVER (PARTITION BY day, dimension ORDER BY people >= 5, MD5(grp)) AS place
  FROM grouped
)
SELECT day, dimension, grp AS group_name,
       CASE WHEN people < 5 OR (small_groups > 0 AND place = small_groups + 1) THEN NULL ELSE people END AS people,
       CASE WHEN people < 5 THEN '<5'
            WHEN small_groups > 0 AND place = small_groups + 1 THEN 'hidden'
            ELSE CAST(people AS CHAR) END AS shown
FROM ranked;

-- Pipeline health ---------------------------------------------------------------------------
--
-- One row per job, parallel subtask and wall-clock minute, upserted by each job as the minute
-- goes on (key: a restarted job overwrites the minute it restored). The counts are of that
-- minute only; last_checkpoint_at is when the newest checkpoint the subtask saw completed.
CREATE TABLE pipeline_health (
  job                VARCHAR(16)       NOT NULL COMMENT 'telemetry, movement or energy',
  subtask            SMALLINT UNSIGNED NOT NULL COMMENT 'index of the parallel subtask that counted',
  minute_start       DATETIME(3)       NOT NULL COMMENT 'the wall-clock UTC minute counted',
  records_in         INT UNSIGNED      NOT NULL DEFAULT 0 COMMENT 'objects received (a JSON array counts each)',
  accepted           INT UNSIGNED      NOT NULL DEFAULT 0 COMMENT 'records that passed validation, lateness and duplicate checks',
  rejected           INT UNSIGNED      NOT NULL DEFAULT 0 COMMENT 'records refused, late ones included',
  late               INT UNSIGNED      NOT NULL DEFAULT 0 COMMENT 'records refused as late',
  duplicates         INT UNSIGNED      NOT NULL DEFAULT 0 COMMENT 'repeats of an already counted (id, ts), dropped',
  last_checkpoint_at DATETIME(3)       NULL COMMENT 'when the newest completed checkpoint completed',
  updated_at         DATETIME(3)       NOT NULL COMMENT 'wall clock of this row''s last write',
  PRIMARY KEY (job, minute_start, subtask),
  KEY pipeline_health_minute (minute_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
