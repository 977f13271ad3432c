/* Sensor node configuration. Copy to pulse_config.h (git-ignored: it holds secrets) and fill it
 * in. Strings can also be set per device in NVS, namespace "pulse", under the key in brackets. */
#ifndef PULSE_CONFIG_H
#define PULSE_CONFIG_H

/* --- network [wifi_ssid] [wifi_pass] and broker [mqtt_uri] [mqtt_user] [mqtt_pass] */
#define PULSE_WIFI_SSID "campus-iot"
#define PULSE_WIFI_PASSWORD "CHANGE-ME"
#define PULSE_SNTP_SERVER "pool.ntp.org"
#define PULSE_MQTT_URI "mqtts://broker.campus.example:8883"
#define PULSE_MQTT_USERNAME "node-lab-2"
#define PULSE_MQTT_PASSWORD "CHANGE-ME"
#define PULSE_MQTT_CA_PEM NULL /* PEM of the broker's CA; NULL: ESP-IDF's certificate bundle */

/* --- who this node is [device_id]: 1-64 of A-Z a-z 0-9 . _ - */
#define PULSE_DEVICE_ID "lab-2"
#define PULSE_SAMPLE_INTERVAL_MS 5000

/* --- wiring (ESP32-C3 DevKitM-1 shown; -1 = not fitted). ADC pins must be ADC1 channels. */
#define PULSE_PIN_DHT22 4          /* data, 10 kOhm pull-up to 3.3 V */
#define PULSE_PIN_FLAME 5          /* flame module DO: low when it sees a flame */
#define PULSE_PIN_PIR 6            /* HC-SR501 OUT: high on motion */
#define PULSE_PIN_SHOCK 7          /* SW-420 DO: high while shaken */
#define PULSE_PIN_FAN 10           /* relay or MOSFET for the fan: high = on */
#define PULSE_PIN_BUZZER 8         /* high = on */
#define PULSE_ADC_MQ2 0            /* ADC1 channel (GPIO0 on the C3) of MQ-2 AO, via the divider */
#define PULSE_ADC_LDR 1            /* ADC1 channel of the LDR divider */
#define PULSE_ADC_BATTERY 2        /* ADC1 channel of the battery divider */

/* --- calibration */
#define PULSE_MQ2_DIVIDER 1.5      /* AO (0-5 V) to the ADC through 10k/20k: volts x 1.5 */
#define PULSE_MQ2_LOAD_OHMS 1000.0 /* the module's RL */
#define PULSE_MQ2_R0_OHMS 10000.0  /* Rs in clean air / 9.8, measured after 48 h of burn-in */
#define PULSE_MQ2_CURVE_A 574.25   /* ppm = A * (Rs/R0)^B, the datasheet's LPG line */
#define PULSE_MQ2_CURVE_B (-2.222)
#define PULSE_LDR_FIXED_OHMS 10000.0 /* 3.3 V - LDR - ADC - fixed resistor - GND */
#define PULSE_LDR_R10_OHMS 15000.0 /* the LDR at 10 lux (GL5528: 10-20 kOhm) */
#define PULSE_LDR_GAMMA 0.7
#define PULSE_BATTERY_DIVIDER 2.0  /* two equal resistors */

/* --- local differential privacy: epsilon <= 0 is off (the default). Noise is added on the
 * device before anything is sent: Laplace(sensitivity / epsilon) for numbers, randomized
 * response for booleans. A smaller epsilon is more private and noisier. */
#define PULSE_PRIVACY { \
    {"light", {0, 50.0}},   /* lux one person changes (standing in front of the sensor) */ \
    {"gas", {0, 100.0}},    /* ppm */ \
    {"motion", {0, 1}},     /* a bit */ \
    {"flame", {0, 1}},      \
}

/* --- offline buffer and batching */
#define PULSE_RING_BYTES (32 * 1024) /* DRAM: about 300 readings */
#define PULSE_RING_IN_RTC 0          /* 1: RTC RAM (4 KB, about 40 readings), survives resets */
#define PULSE_BATCH_OBJECTS 50
#define PULSE_BATCH_BYTES 12288

#endif
