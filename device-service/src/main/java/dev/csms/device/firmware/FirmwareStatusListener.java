package dev.csms.device.firmware;

import io.smallrye.mutiny.Uni;

/**
 * Domain code that follows stations' firmware progress (a firmware campaign). Implement it as an
 * {@code @ApplicationScoped} bean: the FirmwareStatusNotification handler calls every implementation once per newly
 * recorded status (not for a redelivered call), in the transaction that stores the status and answers the call. Use
 * the current Panache session; never block; a failure rolls the whole call back (it is retried).
 */
public interface FirmwareStatusListener {

    Uni<Void> reported(FirmwareStatusReport report);
}
