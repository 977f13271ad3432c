/* SNTP: posts PULSE_EV_CLOCK with the wall time and the monotonic time it belongs to at every
 * sync. Until the first one, the core's clock is "not set" and readings wait for it. */
#ifndef PULSE_ESP_SNTP_LINK_H
#define PULSE_ESP_SNTP_LINK_H

void pulse_sntp_start(const char *server);

#endif
