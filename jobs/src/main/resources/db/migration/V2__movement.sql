-- Pulse schema, version 2: what the movement job adds to the tables of version 1.
-- Written for both MySQL 8.4 and MariaDB 10.11+; times are UTC DATETIME(3).

-- Every direction event (after debounce), for recent activity. Key: a replay overwrites.
CREATE TABLE movement_events (
  person_id   CHAR(64)     NOT NULL,
  at          DATETIME(3)  NOT NULL,
  direction   VARCHAR(8)   NOT NULL COMMENT 'ENTRY or EXIT',
  gate        VARCHAR(64)  NOT NULL,
  scanner     VARCHAR(64)  NOT NULL,
  PRIMARY KEY (person_id, at, direction),
  KEY movement_events_at (at),
  KEY movement_events_gate (gate, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Who is inside now (open visits), with the roster's details where it knows the person.
CREATE VIEW presence_now AS
SELECT v.person_id, p.roll_no, p.year, p.gender, p.hostel, p.branch, p.stream, v.entered_at, v.entry_gate
FROM visits v LEFT JOIN people p ON p.person_id = v.person_id
WHERE v.exited_at IS NULL AND v.exit_unseen = FALSE;

-- The latest crossings first once a dashboard adds ORDER BY at DESC LIMIT n.
CREATE VIEW recent_activity AS
SELECT e.at, e.direction, e.gate, e.scanner, e.person_id, p.roll_no
FROM movement_events e LEFT JOIN people p ON p.person_id = e.person_id;

-- Distinct people who entered per UTC day, over all gates.
CREATE VIEW unique_visitors_daily AS
SELECT DATE(entered_at) AS day, COUNT(DISTINCT person_id) AS visitors
FROM visits GROUP BY DATE(entered_at);

-- The highest occupancy of each gate (and * for the campus) per UTC day, and when it was first reached.
CREATE VIEW occupancy_daily_peak AS
SELECT o.gate, DATE(o.at) AS day, o.inside AS peak_inside, MIN(o.at) AS peak_at
FROM occupancy o
JOIN (SELECT gate, DATE(at) AS day, MAX(inside) AS peak FROM occupancy GROUP BY gate, DATE(at)) d
  ON d.gate = o.gate AND d.day = DATE(o.at) AND d.peak = o.inside
GROUP BY o.gate, DATE(o.at), o.inside;
