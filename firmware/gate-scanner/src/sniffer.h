/* Promiscuous mode: management and data frames, the 802.11 header of each frame a station sent
 * posted to the application task (the radio's callback must return quickly). */
#ifndef PULSE_GATE_SNIFFER_H
#define PULSE_GATE_SNIFFER_H

#include <stdint.h>

void pulse_sniffer_start(void);

/* Listen on this channel (not while joined to a network: then the access point's is used). */
void pulse_sniffer_channel(uint8_t channel);

#endif
