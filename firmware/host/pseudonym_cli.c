/* pulse-pseudonym MAC...: reads the key from the first line of stdin (its UTF-8 bytes as they
 * are: neither a command line nor the environment has to carry them), then prints for each MAC
 * "<normalized> <macHash>", or "<text> invalid". The Java cross-check compares this with the
 * movement job's own pseudonyms. */
#include <stdio.h>
#include <string.h>

#include "pulse/hmac_soft.h"
#include "pulse/pseudonym.h"

int main(int argc, char **argv) {
    char key[1024];
    if (fgets(key, sizeof key, stdin) == NULL) {
        fprintf(stderr, "usage: echo KEY | pulse-pseudonym MAC...\n");
        return 2;
    }
    key[strcspn(key, "\r\n")] = '\0';
    if (key[0] == '\0') {
        fprintf(stderr, "pulse-pseudonym: the key is empty\n");
        return 2;
    }
    pulse_hmac_soft state;
    pulse_hmac_soft_init(&state, (const uint8_t *)key, strlen(key));
    pulse_hmac_port port = pulse_hmac_soft_port(&state);
    for (int i = 1; i < argc; i++) {
        pulse_mac mac;
        if (!pulse_mac_parse(argv[i], &mac)) {
            printf("%s invalid\n", argv[i]);
            continue;
        }
        char normalized[PULSE_MAC_TEXT_LEN + 1];
        uint8_t digest[PULSE_HMAC_SHA256_LEN];
        char hex[PULSE_MAC_HASH_HEX_LEN + 1];
        pulse_mac_format(&mac, normalized);
        pulse_pseudonym_digest(&port, &mac, digest);
        pulse_hex_lower(digest, sizeof digest, hex);
        printf("%s %s\n", normalized, hex);
    }
    return 0;
}
