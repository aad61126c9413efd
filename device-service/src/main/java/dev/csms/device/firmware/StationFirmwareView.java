package dev.csms.device.firmware;

import java.util.List;

/**
 * A station's firmware: what it reported at its last boot and the firmware statuses it reported, newest first.
 *
 * @param stationId        the station
 * @param firmwareVersion  the version reported at the last boot; null before the first boot
 * @param current          the newest reported status; null when none was reported
 * @param history          reported statuses, newest first (at most {@link FirmwareStatusHistory#HISTORY_LIMIT})
 */
public record StationFirmwareView(String stationId, String firmwareVersion, FirmwareStatusView current,
        List<FirmwareStatusView> history) {
}
