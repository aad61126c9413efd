package dev.csms.session.rest;

import java.util.List;

/**
 * The result of a bulk import: valid rows are imported (created or, for a value and type already registered,
 * replaced), each rejected row is listed with why.
 *
 * @param created  rows that created a token
 * @param updated  rows that replaced an existing token's settings
 * @param rejected rows not imported
 */
public record ImportReport(int created, int updated, List<Rejected> rejected) {

    /**
     * A rejected row.
     *
     * @param line   CSV: the line number in the file (the header is line 1); JSON: the line the element starts on
     * @param reason why
     */
    public record Rejected(int line, String reason) {
    }
}
