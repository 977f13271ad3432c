package io.pulse.connectors.mqtt.wire;

import io.pulse.connectors.mqtt.MqttConnectionOptions;
import io.pulse.connectors.mqtt.TrustStores;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One MQTT 5 connection of a subscriber that acknowledges when it chooses: CONNECT and CONNACK on
 * {@link #open}, then one thread runs {@link #read} and any thread may write acknowledgements, a
 * batch at a time with one flush. Blocking I/O on purpose: a subscriber has one socket and one
 * reading thread, and a full spool stops that thread, which stops the reading and, through the
 * unacknowledged window, the broker (backpressure down to TCP).
 */
public final class SubscriberConnection implements AutoCloseable {

    /** What the reading thread hands over, in the order the broker sent it. */
    public interface Listener {
        /** A PUBLISH; {@code packetId} is 0 for QoS 0. */
        void onPublish(String topic, byte[] payload, int qos, boolean retain, int packetId, String contentType,
                       Map<String, String> userProperties) throws IOException, InterruptedException;

        /** The SUBACK of {@link #subscribe}: one reason code per filter, in order. */
        void onSubscribed(List<Integer> reasonCodes);

        /** The broker's PUBREL of a QoS 2 message (answered with PUBCOMP): it will not send that message again. */
        void onReleased(int packetId);
    }

    private static final int PUBLISH = 0x30;
    private static final int CONNACK = 0x20;
    private static final int PUBREL = 0x60;
    private static final int SUBACK = 0x90;
    private static final int PINGRESP = 0xD0;
    private static final int DISCONNECT = 0xE0;

    private final Socket socket;
    private final PacketReader in;
    private final PacketWriter out;
    private final boolean sessionPresent;
    private final int keepAliveSeconds;
    private volatile long lastReadNanos = System.nanoTime();
    private volatile boolean closed;

    private SubscriberConnection(Socket socket, PacketReader in, PacketWriter out, boolean sessionPresent, int keepAliveSeconds) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.sessionPresent = sessionPresent;
        this.keepAliveSeconds = keepAliveSeconds;
    }

    /**
     * Connects and waits for the broker's CONNACK, each step at most {@code timeoutMillis}.
     *
     * @throws BrokerUnreachable no connection (TCP, TLS, or no CONNACK in time)
     * @throws BrokerRefusal the broker refused the connection with a reason code
     */
    public static SubscriberConnection open(MqttConnectionOptions options, String clientId, boolean cleanStart,
                                            int keepAliveSeconds, long sessionExpirySeconds, int receiveMaximum,
                                            int timeoutMillis) throws IOException {
        Socket socket = null;
        try {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(options.host(), options.port()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            if (options.tls()) {
                socket = tls(socket, options);
            }
            PacketWriter out = new PacketWriter(new BufferedOutputStream(socket.getOutputStream(), 8192));
            PacketReader in = new PacketReader(new BufferedInputStream(socket.getInputStream(), 65536));
            out.connect(clientId, cleanStart, keepAliveSeconds, sessionExpirySeconds, receiveMaximum, options.username(),
                    options.username() == null ? null
                            : options.password() == null ? new byte[0] : options.password().getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (in.next() != CONNACK) {
                throw new IOException("the broker answered CONNECT with packet type " + (in.type() >>> 4) + ", not CONNACK");
            }
            boolean present = (in.readByte() & 1) != 0;
            int reason = in.readByte();
            Properties properties = in.remaining() > 0 ? Properties.read(in) : new Properties();
            if (reason >= 0x80) {
                throw BrokerRefusal.connection(reason, properties.reasonString);
            }
            socket.setSoTimeout(0); // from here a silent broker is found by the keep-alive (see isSilent)
            int keepAlive = properties.serverKeepAlive >= 0 ? properties.serverKeepAlive : keepAliveSeconds;
            return new SubscriberConnection(socket, in, out, present, keepAlive);
        } catch (BrokerRefusal e) {
            closeQuietly(socket);
            throw e;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new BrokerUnreachable(e);
        }
    }

    private static Socket tls(Socket plain, MqttConnectionOptions options) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, TrustStores.trustManagers(options), null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, options.host(), options.port(), true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS set-up failed: " + e.getMessage(), e);
        }
    }

    public boolean sessionPresent() {
        return sessionPresent;
    }

    /** Subscribes with packet identifier 1 (nothing else of ours is in flight); the SUBACK comes through {@link #read}. */
    public void subscribe(Map<String, Integer> filters) throws IOException {
        synchronized (out) {
            out.subscribe(1, filters);
            out.flush();
        }
    }

    /**
     * Reads until the connection ends: hands PUBLISH and SUBACK to the listener, answers PUBREL with
     * PUBCOMP. Returns nothing: it ends by an exception, a {@link BrokerRefusal} when the broker sent
     * DISCONNECT with a reason.
     */
    public void read(Listener listener) throws IOException, InterruptedException {
        while (true) {
            int header = in.next();
            lastReadNanos = System.nanoTime();
            switch (header & 0xF0) {
                case PUBLISH -> publish(header, listener);
                case PUBREL -> {
                    int packetId = in.readTwoBytes();
                    listener.onReleased(packetId);
                    synchronized (out) {
                        out.acknowledgement(PacketWriter.PUBCOMP, packetId);
                        out.flush();
                    }
                }
                case SUBACK -> {
                    in.readTwoBytes(); // our one packet identifier
                    Properties.read(in);
                    List<Integer> codes = new ArrayList<>();
                    while (in.remaining() > 0) {
                        codes.add(in.readByte());
                    }
                    listener.onSubscribed(codes);
                }
                case PINGRESP -> { }
                case DISCONNECT -> {
                    int reason = in.remaining() > 0 ? in.readByte() : 0;
                    Properties properties = in.remaining() > 0 ? Properties.read(in) : new Properties();
                    throw BrokerRefusal.session(reason, properties.reasonString);
                }
                default -> throw new IOException("unexpected packet type " + (header >>> 4) + " from the broker");
            }
        }
    }

    private void publish(int header, Listener listener) throws IOException, InterruptedException {
        int qos = (header >>> 1) & 3;
        if (qos == 3) {
            throw new IOException("malformed PUBLISH from the broker: QoS 3");
        }
        String topic = in.readString();
        int packetId = qos > 0 ? in.readTwoBytes() : 0;
        Properties properties = Properties.read(in);
        listener.onPublish(topic, in.readRest(), qos, (header & 1) != 0, packetId, properties.contentType,
                properties.userProperties);
    }

    /** Queues a PUBACK (QoS 1) or PUBREC (QoS 2) for {@link #flush}. */
    public void acknowledge(int qos, int packetId) throws IOException {
        synchronized (out) {
            out.acknowledgement(qos == 2 ? PacketWriter.PUBREC : PacketWriter.PUBACK, packetId);
        }
    }

    public void flush() throws IOException {
        synchronized (out) {
            out.flush();
        }
    }

    /** Sends PINGREQ; the broker's PINGRESP shows it is alive ({@link #isSilent}). */
    public void ping() throws IOException {
        synchronized (out) {
            out.pingRequest();
            out.flush();
        }
    }

    public int keepAliveSeconds() {
        return keepAliveSeconds;
    }

    /** Nothing read for one and a half keep-alive intervals, although pings were sent. */
    public boolean isSilent(long nowNanos) {
        return keepAliveSeconds > 0 && nowNanos - lastReadNanos > keepAliveSeconds * 1_500_000_000L;
    }

    /** Marks the reading thread's wait as the subscriber's own (e.g. on a full spool), not the broker's silence. */
    public void markAlive() {
        lastReadNanos = System.nanoTime();
    }

    /** DISCONNECT (the session stays on the broker), then the socket closed; unblocks {@link #read}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            synchronized (out) {
                out.disconnect();
                out.flush();
            }
        } catch (IOException ignored) {
            // the connection is gone already
        }
        closeQuietly(socket);
    }

    /** Drops the connection without DISCONNECT, as a network failure would. */
    public void abort() {
        closed = true;
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
