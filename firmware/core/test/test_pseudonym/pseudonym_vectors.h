/* The pseudonym table: key, MAC as written, its normalized form, and the macHash the movement
 * job computes for it. The C tests check the core against it on the host and under qemu; the
 * Java test PseudonymCrossCheckTest parses this file and checks every row against the job's own
 * io.pulse.jobs.movement.ingest.Pseudonyms, so firmware and job cannot drift apart. Keys are
 * UTF-8 (the contract: the key is the UTF-8 bytes of the secret). One row per line. */
#ifndef PSEUDONYM_VECTORS_H
#define PSEUDONYM_VECTORS_H

typedef struct {
    const char *key;
    const char *mac;
    const char *normalized;
    const char *mac_hash;
} pseudonym_vector;

static const pseudonym_vector PSEUDONYM_VECTORS[] = {
    {"campus-secret-2026", "A4:5E:60:12:34:56", "a4:5e:60:12:34:56", "ced1b6c7e83af46f18edf65c9d1015bdbbec319bdd3a94d4559e4d46c42c7cc1"},
    {"campus-secret-2026", "a4-5e-60-12-34-56", "a4:5e:60:12:34:56", "ced1b6c7e83af46f18edf65c9d1015bdbbec319bdd3a94d4559e4d46c42c7cc1"},
    {"campus-secret-2026", "A45E.6012.3456", "a4:5e:60:12:34:56", "ced1b6c7e83af46f18edf65c9d1015bdbbec319bdd3a94d4559e4d46c42c7cc1"},
    {"campus-secret-2026", "a45e60123456", "a4:5e:60:12:34:56", "ced1b6c7e83af46f18edf65c9d1015bdbbec319bdd3a94d4559e4d46c42c7cc1"},
    {"campus-secret-2026", "A4.5E.60.12.34.56", "a4:5e:60:12:34:56", "ced1b6c7e83af46f18edf65c9d1015bdbbec319bdd3a94d4559e4d46c42c7cc1"},
    {"campus-secret-2026", "3C:22:FB:AA:BB:CC", "3c:22:fb:aa:bb:cc", "7581b93d73e74da2f29ff82925dcc9f695813f89b7326b4f9508663a6c523b50"},
    {"campus-secret-2026", "f0-18-98-01-02-03", "f0:18:98:01:02:03", "10dc63bb4901319d78c5810f403d09f0a893473ed2eaec386392ad545a7e2c75"},
    {"campus-secret-2026", "DA:A1:19:00:00:01", "da:a1:19:00:00:01", "80d0baf301dd2d6cba068172cadefdb5268456b6c370cf88b3398936c78a2b57"},
    {"campus-secret-2026", "00:00:00:00:00:00", "00:00:00:00:00:00", "01558df432846703e3053a0969b8d5ea81e6f607bad81cbed65001233ddf5cc0"},
    {"campus-secret-2026", "FFFF.FFFF.FFFF", "ff:ff:ff:ff:ff:ff", "42c05e589d5a4a732ed4965c93d408d9610f2be2940a3e1ead5be98ed1afc732"},
    {"k", "a4-5e-60-12-34-56", "a4:5e:60:12:34:56", "4c706e3af403190d16156ca1efcc86460f24f4dbd0c1bf43c48e518ff16c165d"},
    {"k", "A4.5E.60.12.34.56", "a4:5e:60:12:34:56", "4c706e3af403190d16156ca1efcc86460f24f4dbd0c1bf43c48e518ff16c165d"},
    {"k", "DA:A1:19:00:00:01", "da:a1:19:00:00:01", "4a08c49b1a3d9d17305d620a52e5c59f554958821c28bb8baa47213f982f105a"},
    {"k", "A4:5E:60:12:34:56", "a4:5e:60:12:34:56", "4c706e3af403190d16156ca1efcc86460f24f4dbd0c1bf43c48e518ff16c165d"},
    {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "A45E.6012.3456", "a4:5e:60:12:34:56", "914b203b26e41bec93e1621964d1723af6b186c15371fb8eae5ffd0d2f9f9ddf"},
    {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "3C:22:FB:AA:BB:CC", "3c:22:fb:aa:bb:cc", "44d4c9cf973a1d1722f3c1d0dcf5b6c4ce5576ad6118b3c254b76d639ae60798"},
    {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "00:00:00:00:00:00", "00:00:00:00:00:00", "c2f86671defb9359ba173030d76ccd27a8a82dfe0b085ffeb9baaff901213fd7"},
    {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "A4:5E:60:12:34:56", "a4:5e:60:12:34:56", "914b203b26e41bec93e1621964d1723af6b186c15371fb8eae5ffd0d2f9f9ddf"},
    {"clé-secrète-ü", "a45e60123456", "a4:5e:60:12:34:56", "5d9ffcf328fd3773b27610611dd46b276926d9f2e553357407e7f9aeca96575e"},
    {"clé-secrète-ü", "f0-18-98-01-02-03", "f0:18:98:01:02:03", "21cdb6f91b485cf16ffbaf725d03da375a93154eeb4980ec6e710db1bd68c151"},
    {"clé-secrète-ü", "FFFF.FFFF.FFFF", "ff:ff:ff:ff:ff:ff", "404dc0984d99ca8d54752c6736ae636abee86fc983a2e6a3ac2c98d69449e66b"},
    {"clé-secrète-ü", "A4:5E:60:12:34:56", "a4:5e:60:12:34:56", "5d9ffcf328fd3773b27610611dd46b276926d9f2e553357407e7f9aeca96575e"},
};

#endif
