package dev.csms.localstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers: every local-stack server binds to 127.0.0.1 only. */
public final class Ports {

    /** The address every local-stack server and service binds to. */
    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * A port that was free on 127.0.0.1 a moment ago. Servers that cannot bind to port 0 themselves (Kafka
     * must know its controller port before it starts, PostgreSQL takes a fixed port) get one from here.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
    }

    /** {@code port} itself, or a free port when it is 0. */
    public static int resolve(int port) {
        return port == 0 ? freePort() : port;
    }

    /** Whether a server could bind to {@code port} on 127.0.0.1 right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // same reuse setting as the servers themselves, so a port in TIME_WAIT counts as free
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
