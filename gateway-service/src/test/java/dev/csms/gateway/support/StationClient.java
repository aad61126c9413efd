package dev.csms.gateway.support;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A charging station for tests: the JDK's WebSocket client (a real client over a real socket; it answers pings with
 * pongs by itself). Collects every text message it receives and the close status.
 */
public final class StationClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final WebSocket socket;
    private final BlockingQueue<String> messages;
    private final CompletableFuture<Integer> closed;

    private StationClient(WebSocket socket, BlockingQueue<String> messages, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.messages = messages;
        this.closed = closed;
    }

    /** How to connect. */
    public record Options(List<String> subprotocols, String user, String password, SSLContext tls) {
        public static Options basic(String user, String password, String... subprotocols) {
            return new Options(List.of(subprotocols), user, password, null);
        }

        public static Options anonymous(String... subprotocols) {
            return new Options(List.of(subprotocols), null, null, null);
        }

        public Options over(SSLContext context) {
            return new Options(subprotocols, user, password, context);
        }
    }

    /** The upgrade was refused with an HTTP status. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final HttpHeaders headers;

        Refused(int status, HttpHeaders headers) {
            super("upgrade refused with " + status);
            this.status = status;
            this.headers = headers;
        }

        public int status() {
            return status;
        }

        public HttpHeaders headers() {
            return headers;
        }
    }

    /**
     * Connects.
     *
     * @throws Refused when the gateway answered the upgrade with an HTTP status
     */
    public static StationClient connect(URI uri, Options options) {
        try {
            return connectAsync(uri, options).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refused refused) {
                throw refused;
            }
            throw new IllegalStateException("cannot connect to " + uri, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to " + uri, e);
        }
    }

    /** Connects without waiting; the future fails with {@link Refused} for an HTTP refusal. */
    public static CompletableFuture<StationClient> connectAsync(URI uri, Options options) {
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if (options.tls() != null) {
            http.sslContext(options.tls());
        }
        WebSocket.Builder builder = http.build().newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (!options.subprotocols().isEmpty()) {
            builder.subprotocols(options.subprotocols().get(0),
                    options.subprotocols().subList(1, options.subprotocols().size()).toArray(String[]::new));
        }
        if (options.user() != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8)));
        }
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        };
        return builder.buildAsync(uri, listener).handle((socket, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                if (cause instanceof WebSocketHandshakeException handshake) {
                    throw new Refused(handshake.getResponse().statusCode(), handshake.getResponse().headers());
                }
                throw new java.util.concurrent.CompletionException(cause);
            }
            return new StationClient(socket, messages, closed);
        });
    }

    /** The subprotocol the gateway chose. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends a text frame. */
    public StationClient send(String frame) {
        socket.sendText(frame, true).join();
        return this;
    }

    /** Sends a text frame and returns the next message received. */
    public String call(String frame) {
        send(frame);
        return next();
    }

    /** The next message, failing after the timeout. */
    public String next() {
        return next(TIMEOUT);
    }

    public String next(Duration timeout) {
        try {
            String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + timeout);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** A message received so far, without waiting; null when none. */
    public String poll() {
        return messages.poll();
    }

    /** The close status code once the gateway closed the connection (-1 for an abort). */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public WebSocket socket() {
        return socket;
    }

    /** Closes cleanly (close frame, then the gateway's close) and waits for it. */
    @Override
    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            }
            closed.get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // already closed by the gateway, or the gateway is gone: abort below
        } finally {
            socket.abort();
        }
    }
}
