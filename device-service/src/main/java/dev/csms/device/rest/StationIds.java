package dev.csms.device.rest;

/**
 * The station identity rule, the gateway's: 1 to 48 characters of OCPP 2.x identifierString
 * ({@code a-z A-Z 0-9 * - _ = + | @ .}) without the colon, because the identity is the HTTP Basic user name.
 */
final class StationIds {

    static final String PATTERN = "[A-Za-z0-9*\\-_=+|@.]{1,48}";
    static final String MESSAGE = "must be 1 to 48 characters of a-z A-Z 0-9 * - _ = + | @ .";

    private StationIds() {
    }
}
