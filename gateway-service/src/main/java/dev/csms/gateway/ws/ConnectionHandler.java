package dev.csms.gateway.ws;

/**
 * What happens on an open connection above the transport: the inbound pipeline and the command dispatcher. Every
 * method runs on the connection's context.
 */
public interface ConnectionHandler {

    /** A complete text message arrived. */
    void onText(StationConnection connection, String text);

    /** A binary message arrived (OCPP-J uses text only). */
    void onBinary(StationConnection connection);

    /**
     * Deadlines: answers whose decision did not come, commands whose deadline passed.
     *
     * @return the earliest deadline still pending ({@link System#nanoTime()} scale), or {@link Long#MAX_VALUE}
     */
    long onDue(StationConnection connection, long nowNanos);

    /** The connection is over: end what still waits on it. */
    void onClosed(StationConnection connection);
}
