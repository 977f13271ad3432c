/* MAC addresses: parsing every notation people and tools write, the contract's normalized form
 * (lowercase, colon-separated) and the bits that say what kind of address it is. */
#ifndef PULSE_MAC_H
#define PULSE_MAC_H

#include <stdbool.h>
#include <stdint.h>

#define PULSE_MAC_TEXT_LEN 17 /* aa:bb:cc:dd:ee:ff */

typedef struct {
    uint8_t octet[6];
} pulse_mac;

/* Accepts, in any case: aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aa.bb.cc.dd.ee.ff (one separator
 * throughout), Cisco aabb.ccdd.eeff and 12 bare hex digits. The whole text must be the MAC. */
bool pulse_mac_parse(const char *text, pulse_mac *out);

/* The contract's normalized form: lowercase, colon-separated, NUL-terminated. */
void pulse_mac_format(const pulse_mac *mac, char out[PULSE_MAC_TEXT_LEN + 1]);

/* Locally administered (bit 0x02 of the first octet): what phones set on randomized addresses. */
bool pulse_mac_locally_administered(const pulse_mac *mac);

/* Group (multicast/broadcast) address (bit 0x01): never a transmitter. */
bool pulse_mac_group(const pulse_mac *mac);

bool pulse_mac_equal(const pulse_mac *a, const pulse_mac *b);

#endif
