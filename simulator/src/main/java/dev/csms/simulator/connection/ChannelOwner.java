package dev.csms.simulator.connection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.simulator.time.SimClock;
import java.time.Duration;

/** What an {@link RpcChannel} needs from its station. Every method is called on the station's event loop. */
public interface ChannelOwner {

    /** The station id, for statistics and logs. */
    String stationId();

    /** Whether the CSMS accepted the station's boot (before that only BOOT and REQUESTED CALLs go out). */
    boolean accepted();

    /** Answers a CSMS CALL whose payload is valid for its action. */
    Reply handleCall(String action, ObjectNode payload);

    /** Schedules a task on the station's event loop. */
    SimClock.Timer schedule(Duration delay, Runnable task);

    /** How long to wait for the answer to a CALL. */
    Duration callTimeout();

    /** How often a transaction message is tried before it is given up (1.6 TransactionMessageAttempts). */
    int transactionMessageAttempts();

    /** The wait before retry {@code n} is {@code n} times this (1.6 TransactionMessageRetryInterval). */
    Duration transactionMessageRetryInterval();

    /** How many transaction messages may wait in the queue. */
    int queueLimit();

    /** A text frame was sent ({@code outgoing}) or received. */
    void frame(boolean outgoing, String text);
}
