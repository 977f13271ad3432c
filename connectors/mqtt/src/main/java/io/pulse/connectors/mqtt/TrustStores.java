package io.pulse.connectors.mqtt;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** The certificates a TLS connection to the broker trusts: the options' trust store, or the JVM's default. */
public final class TrustStores {

    private TrustStores() {}

    /** @return null for the JVM's default trust managers */
    public static TrustManager[] trustManagers(MqttConnectionOptions options) {
        TrustManagerFactory factory = factory(options);
        return factory == null ? null : factory.getTrustManagers();
    }

    /** @return null for the JVM's default trust store */
    public static TrustManagerFactory factory(MqttConnectionOptions options) {
        if (options.trustStorePath() == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(Path.of(options.trustStorePath()))) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            char[] password = options.trustStorePassword() == null ? null : options.trustStorePassword().toCharArray();
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot load MQTT trust store '" + options.trustStorePath() + "': " + e.getMessage(), e);
        }
    }
}
