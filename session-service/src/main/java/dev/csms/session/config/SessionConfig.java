package dev.csms.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** session-service settings ({@code csms.session.*}). */
@ConfigMapping(prefix = "csms.session")
public interface SessionConfig {

    /** CloudEvents source of the events this replica publishes. */
    @WithDefault("/csms/${quarkus.application.name}/${HOSTNAME:local}")
    String eventSource();

    /**
     * A session with no news (no message of its transaction) for this long becomes Stale. Longer than the longest
     * silence a healthy transaction has: the meter sample interval of the fleet, or its whole duration for stations
     * that send no meter values during a transaction.
     */
    @WithDefault("2h")
    Duration staleAfter();

    /** How often the leader looks for sessions that became stale. */
    @WithDefault("60s")
    Duration staleCheckInterval();

    /** At most one SessionUpdated per session per this interval (status changes are always published). */
    @WithDefault("60s")
    Duration updateInterval();

    /** Local authorization lists. */
    LocalList localList();

    interface LocalList {
        /** Deadline of SendLocalList, GetLocalListVersion and ClearCache commands. */
        @WithDefault("60s")
        Duration commandDeadline();

        /** Most entries in one SendLocalList (the station's own limit may be lower). */
        @WithDefault("1000")
        @Min(1)
        @Max(100000)
        int maxEntries();
    }

    /** Remote start. */
    @WithName("remote-start")
    RemoteStart remoteStart();

    interface RemoteStart {
        /**
         * A 1.6 StartTransaction received within this time after a remote start for the same station, idTag and
         * connector is linked to it (1.6 has no remoteStartId); longer than the stations' wait for the cable.
         */
        @WithDefault("5m")
        Duration linkWindow();
    }

    /** Reservations. */
    Reservation reservation();

    interface Reservation {
        /** How often the leader marks reservations past their expiry Expired. */
        @WithDefault("30s")
        Duration expiryCheckInterval();
    }

    /** Bulk import of tokens. */
    @WithName("token-import")
    TokenImport tokenImport();

    interface TokenImport {
        /** Most rows in one import request. */
        @WithDefault("10000")
        @Min(1)
        @Max(1000000)
        int maxRows();
    }
}
