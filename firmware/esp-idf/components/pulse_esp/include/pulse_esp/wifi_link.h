/* The station connection to the campus network: reconnects by itself, posts PULSE_EV_WIFI_UP
 * (with the access point's channel) and PULSE_EV_WIFI_DOWN. */
#ifndef PULSE_ESP_WIFI_LINK_H
#define PULSE_ESP_WIFI_LINK_H

#include <stdbool.h>

void pulse_wifi_start(const char *ssid, const char *password);

/* Off: leave the network and stop reconnecting (the scanner hops channels meanwhile). */
void pulse_wifi_set_online(bool online);

#endif
