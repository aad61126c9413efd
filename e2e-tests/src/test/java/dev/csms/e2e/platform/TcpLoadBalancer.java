package dev.csms.e2e.platform;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A layer-4 load balancer on 127.0.0.1 in front of the gateway replicas, as a Kubernetes Service or a cloud
 * load balancer is in production: each new TCP connection goes to the next replica in turn, skipping replicas
 * that refuse connections (a stopped one), and is piped both ways; when either side closes, so does the other.
 * Stations connect to it and know nothing of the replicas.
 */
public final class TcpLoadBalancer implements AutoCloseable {

    private final Vertx vertx;
    private final List<Integer> backendPorts;
    private final NetClient client;
    private final NetServer server;
    private final AtomicInteger next = new AtomicInteger();

    private TcpLoadBalancer(List<Integer> backendPorts) {
        this.vertx = Vertx.vertx();
        this.backendPorts = List.copyOf(backendPorts);
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(2_000).setTcpNoDelay(true));
        this.server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true));
        server.connectHandler(this::accept);
    }

    /** Listens on an ephemeral port of 127.0.0.1 and forwards to these ports of 127.0.0.1. */
    static TcpLoadBalancer start(List<Integer> backendPorts) {
        TcpLoadBalancer balancer = new TcpLoadBalancer(backendPorts);
        try {
            balancer.server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            balancer.close();
            throw new IllegalStateException("the load balancer did not start", e);
        }
        return balancer;
    }

    public int port() {
        return server.actualPort();
    }

    private void accept(NetSocket station) {
        // nothing may be read before the backend is connected, or the first bytes (the HTTP upgrade) would be lost
        station.pause();
        connect(station, Math.floorMod(next.getAndIncrement(), backendPorts.size()), 0);
    }

    private void connect(NetSocket station, int index, int attempt) {
        client.connect(backendPorts.get(index), "127.0.0.1").onComplete(result -> {
            if (result.succeeded()) {
                NetSocket backend = result.result();
                station.pipeTo(backend);
                backend.pipeTo(station);
            } else if (attempt + 1 < backendPorts.size()) {
                connect(station, (index + 1) % backendPorts.size(), attempt + 1);
            } else {
                station.close();
            }
        });
    }

    @Override
    public void close() {
        vertx.close();
    }
}
