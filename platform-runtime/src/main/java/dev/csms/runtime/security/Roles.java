package dev.csms.runtime.security;

/**
 * The operator API's roles, carried in the JWT {@code groups} claim. The convention every service follows:
 * reads are {@code @RolesAllowed({Roles.OPERATOR, Roles.VIEWER})}, writes are {@code @RolesAllowed(Roles.OPERATOR)}.
 * Health and metrics ({@code /q/health}, {@code /q/metrics}) carry no annotation and stay open.
 */
public final class Roles {

    /** May read and change everything the operator API offers. */
    public static final String OPERATOR = "operator";
    /** May read, never change. */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
