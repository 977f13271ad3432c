-- Pulse schema, version 1. Written for both MySQL 8.4 and MariaDB 10.11+.
-- All times are UTC DATETIME(3): the JDBC URL forces the session time zone to UTC.
-- Every table a job writes has a deterministic key, so that records replayed after a failure
-- overwrite rather than duplicate (INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)).

-- Movement -------------------------------------------------------------------------------

CREATE TABLE people (
  person_id   CHAR(64)     NOT NULL COMMENT 'HMAC-SHA256 pseudonym of the phone MAC, lowercase hex',
  roll_no     VARCHAR(32)  NULL,
  year        SMALLINT     NULL,
  gender      VARCHAR(16)  NULL,
  hostel      VARCHAR(64)  NULL,
  branch      VARCHAR(64)  NULL,
  stream      VARCHAR(64)  NULL,
  PRIMARY KEY (person_id),
  UNIQUE KEY people_roll_no (roll_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE visits (
  person_id     CHAR(64)     NOT NULL,
  entered_at    DATETIME(3)  NOT NULL,
  exited_at     DATETIME(3)  NULL COMMENT 'NULL while inside or when the exit was never seen',
  entry_gate    VARCHAR(64)  NOT NULL,
  exit_gate     VARCHAR(64)  NULL,
  dwell_seconds INT UNSIGNED NULL COMMENT 'NULL when no exit',
  exit_unseen   BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'closed after 16 h without an exit',
  PRIMARY KEY (person_id, entered_at),
  KEY visits_entered_at (entered_at),
  KEY visits_entry_gate (entry_gate, entered_at),
  KEY visits_exited_at (exited_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE occupancy (
  gate        VARCHAR(64)  NOT NULL COMMENT 'a gate, or * for the whole campus',
  at          DATETIME(3)  NOT NULL,
  inside      INT          NOT NULL,
  PRIMARY KEY (gate, at),
  KEY occupancy_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE gate_traffic_hourly (
  gate                 VARCHAR(64)  NOT NULL,
  hour_start           DATETIME(3)  NOT NULL,
  entries              INT UNSIGNED NOT NULL DEFAULT 0,
  exits                INT UNSIGNED NOT NULL DEFAULT 0,
  randomized_sightings INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'randomized MACs: counted, never paired',
  PRIMARY KEY (gate, hour_start),
  KEY gate_traffic_hour (hour_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE movement_anomalies (
  person_id   CHAR(64)     NOT NULL,
  at          DATETIME(3)  NOT NULL,
  kind        VARCHAR(32)  NOT NULL COMMENT 'e.g. ORPHAN_EXIT',
  gate        VARCHAR(64)  NOT NULL,
  detail      VARCHAR(255) NULL,
  PRIMARY KEY (person_id, at, kind),
  KEY movement_anomalies_at (at, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Telemetry ------------------------------------------------------------------------------

CREATE TABLE devices (
  device_id            VARCHAR(64)  NOT NULL,
  name                 VARCHAR(128) NULL,
  location             VARCHAR(128) NULL,
  kind                 VARCHAR(32)  NULL,
  expected_interval_ms INT UNSIGNED NULL COMMENT 'overrides the default offline timeout',
  first_seen_at        DATETIME(3)  NULL COMMENT 'set when a job registers an unknown device',
  PRIMARY KEY (device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE device_status (
  device_id      VARCHAR(64)      NOT NULL,
  last_seen_at   DATETIME(3)      NOT NULL,
  online         BOOLEAN          NOT NULL,
  health         TINYINT UNSIGNED NOT NULL COMMENT '0..100',
  open_alerts    SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  updated_at     DATETIME(3)      NOT NULL,
  PRIMARY KEY (device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE alerts (
  alert_id    CHAR(64)     NOT NULL COMMENT 'deterministic: the same alert computed twice has the same id',
  device_id   VARCHAR(64)  NOT NULL,
  `type`      VARCHAR(32)  NOT NULL,
  severity    ENUM('LOW', 'MEDIUM', 'HIGH', 'CRITICAL') NOT NULL,
  opened_at   DATETIME(3)  NOT NULL,
  resolved_at DATETIME(3)  NULL COMMENT 'NULL while open',
  `value`     DOUBLE       NULL,
  message     VARCHAR(512) NOT NULL,
  PRIMARY KEY (alert_id),
  KEY alerts_device_opened (device_id, opened_at),
  KEY alerts_opened (opened_at),
  KEY alerts_open (resolved_at, severity)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Energy ---------------------------------------------------------------------------------

CREATE TABLE energy_5min (
  meter_id      VARCHAR(64)       NOT NULL,
  window_start  DATETIME(3)       NOT NULL,
  window_end    DATETIME(3)       NOT NULL,
  energy_wh     DOUBLE            NOT NULL,
  avg_power_w   DOUBLE            NULL COMMENT 'NULL when nothing was integrated',
  min_power_w   DOUBLE            NULL,
  max_power_w   DOUBLE            NULL,
  avg_voltage_v DOUBLE            NULL,
  avg_current_a DOUBLE            NULL,
  samples       SMALLINT UNSIGNED NOT NULL,
  coverage      DOUBLE            NOT NULL COMMENT 'integrated seconds / 300',
  PRIMARY KEY (meter_id, window_start),
  KEY energy_5min_window (window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE energy_daily (
  meter_id      VARCHAR(64)  NOT NULL,
  day           DATE         NOT NULL COMMENT 'UTC day',
  energy_wh     DOUBLE       NOT NULL,
  peak_power_w  DOUBLE       NULL,
  peak_at       DATETIME(3)  NULL,
  coverage      DOUBLE       NOT NULL COMMENT 'integrated seconds / 86400',
  PRIMARY KEY (meter_id, day),
  KEY energy_daily_day (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every job ------------------------------------------------------------------------------

CREATE TABLE rejected_messages (
  reject_id        CHAR(64)      NOT NULL COMMENT 'SHA-256 of topic, payload and reason: a replayed reject overwrites',
  received_at      DATETIME(3)   NOT NULL,
  topic            VARCHAR(255)  NOT NULL,
  reason           VARCHAR(255)  NOT NULL,
  payload          VARBINARY(4096) NOT NULL COMMENT 'first 4 KiB; raw MACs masked for sightings',
  job              VARCHAR(16)   NOT NULL,
  PRIMARY KEY (reject_id),
  KEY rejected_messages_received (received_at),
  KEY rejected_messages_topic (topic(64), received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
