package dev.csms.gateway.ws;

import dev.csms.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The WebSocket settings of the HTTP server the stations connect to (Quarkus's, plain and TLS): the OCPP
 * subprotocols, the message size limit enforced by the codec before a frame is buffered, and permessage-deflate
 * only when configured and then without context takeover.
 */
@ApplicationScoped
public class WebSocketServerOptions implements HttpServerOptionsCustomizer {

    private final GatewayConfig config;

    WebSocketServerOptions(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        apply(options, config.connections());
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        apply(options, config.connections());
    }

    /** Applies the station WebSocket settings to any server's options (also a test's second gateway). */
    public static HttpServerOptions apply(HttpServerOptions options, GatewayConfig.Connections connections) {
        options.setWebSocketSubProtocols(Subprotocols.SUPPORTED);
        // a single frame over the limit is refused from its header; fragments are summed up to the same limit
        options.setMaxWebSocketFrameSize(connections.maxMessageSize());
        options.setMaxWebSocketMessageSize(connections.maxMessageSize());
        options.setPerFrameWebSocketCompressionSupported(false);
        options.setPerMessageWebSocketCompressionSupported(connections.permessageDeflate());
        // context takeover keeps a deflate window per connection (about 100 KB measured): never
        options.setWebSocketAllowServerNoContext(true);
        options.setWebSocketPreferredClientNoContext(true);
        return options;
    }
}
