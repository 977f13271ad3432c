package io.pulse.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds TCP ports on 127.0.0.1 that nothing listens on, so test servers never meet the shared ones. */
public final class FreePorts {

    private FreePorts() {}

    /**
     * Asks the kernel for an unused loopback port. The port is released again before it is
     * returned, so another process could take it in between; the window is tiny and a server that
     * then fails to bind fails its start with its own log in the message.
     */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
