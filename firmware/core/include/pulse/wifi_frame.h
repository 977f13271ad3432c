/* Which station sent an 802.11 frame caught in promiscuous mode. Only frames a phone transmits
 * tell that it is near (their RSSI is the phone's): probe/association requests and the like,
 * and data frames to an access point. Frames sent by access points are not sightings. */
#ifndef PULSE_WIFI_FRAME_H
#define PULSE_WIFI_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pulse/mac.h"

typedef struct {
    pulse_mac station;     /* the transmitter: the phone */
    bool data_to_ap;       /* a data frame to an access point: the phone is associated */
    pulse_mac bssid;       /* the network it talks to (broadcast for a wildcard probe) */
} pulse_frame_sender;

/* True when the frame (from its first byte, the frame control field) was sent by a station. */
bool pulse_wifi_frame_sender(const uint8_t *frame, size_t len, pulse_frame_sender *out);

#endif
