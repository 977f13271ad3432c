/* Gate scanner configuration. Copy to pulse_config.h (git-ignored: it holds secrets) and fill
 * it in. Every string can also be set per device in NVS, namespace "pulse", under the key in
 * brackets, so one image serves all scanners (see ../README.md, "Configuration"). */
#ifndef PULSE_CONFIG_H
#define PULSE_CONFIG_H

/* --- network [wifi_ssid] [wifi_pass] */
#define PULSE_WIFI_SSID "campus-iot"
#define PULSE_WIFI_PASSWORD "CHANGE-ME"
#define PULSE_SNTP_SERVER "pool.ntp.org"

/* --- broker [mqtt_uri] [mqtt_user] [mqtt_pass]: TLS (mqtts://) with the broker's CA below */
#define PULSE_MQTT_URI "mqtts://broker.campus.example:8883"
#define PULSE_MQTT_USERNAME "scanner-main-in-1"
#define PULSE_MQTT_PASSWORD "CHANGE-ME"
/* PEM of the CA that signed the broker's certificate; NULL uses ESP-IDF's certificate bundle */
#define PULSE_MQTT_CA_PEM NULL

/* --- who this scanner is [gate] [scanner] [role]: ids of 1-64 of A-Z a-z 0-9 . _ - ;
 * role: in / out (lane scanner), outer / inner (the two zones of a dual-zone gate) */
#define PULSE_GATE "main"
#define PULSE_SCANNER_ID "main-in-1"
#define PULSE_ROLE "in"

/* --- pseudonyms [hmac_key]: the movement job's --movement.hmac-key, exactly. MACs are hashed
 * on the device and only the pseudonym (macHash) leaves it. */
#define PULSE_HMAC_KEY "CHANGE-ME-TO-THE-MOVEMENT-JOBS-KEY"

/* --- radio */
#define PULSE_MIN_RSSI (-75)          /* dBm: weaker frames are not at the gate; tune on site */
#define PULSE_DEBOUNCE_MS 60000       /* at most the movement job's 60 s */
#define PULSE_CHANNEL_HOP 0           /* 0: stay on the access point's channel, always online */
#define PULSE_HOP_CHANNELS {1, 6, 11} /* 1: hop these, going offline between uplink windows */
#define PULSE_HOP_DWELL_MS 300
#define PULSE_HOP_SNIFF_S 20
#define PULSE_HOP_UPLINK_MAX_S 10
/* campus access points [bssids], "aa:bb:cc:dd:ee:ff,..."; with PULSE_ASSOCIATED_IS_STABLE 1 a
 * phone's private address seen in data frames to one of them is sent as not randomized */
#define PULSE_CAMPUS_BSSIDS ""
#define PULSE_ASSOCIATED_IS_STABLE 0

/* --- offline buffer and batching */
#define PULSE_RING_BYTES (48 * 1024)  /* DRAM: about 960 sightings */
#define PULSE_RING_IN_RTC 0           /* 1: RTC RAM (4 KB), survives resets */
#define PULSE_BATCH_OBJECTS 50
#define PULSE_BATCH_BYTES 12288       /* also esp-mqtt's buffer */
#define PULSE_STATUS_INTERVAL_S 60    /* health telemetry on devices/{scanner}/telemetry */

#endif
