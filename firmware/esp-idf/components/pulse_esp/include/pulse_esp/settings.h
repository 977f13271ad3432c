/* Settings: compiled in from include/pulse_config.h, each one replaceable per device in NVS
 * (namespace "pulse"), so one image serves every scanner of a campus. Provision with ESP-IDF's
 * nvs_partition_gen.py from a CSV kept out of version control. */
#ifndef PULSE_ESP_SETTINGS_H
#define PULSE_ESP_SETTINGS_H

/* Opens NVS (initialising it on first boot). */
void pulse_settings_init(void);

/* The NVS string under key (at most 15 characters), else fallback. The result lives forever. */
const char *pulse_setting(const char *key, const char *fallback);

#endif
