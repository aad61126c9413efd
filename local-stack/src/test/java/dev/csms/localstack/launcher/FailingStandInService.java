package dev.csms.localstack.launcher;

/** A test-only stand-in for a service that fails at start-up, as one with a bad configuration would. */
public final class FailingStandInService {

    private FailingStandInService() {
    }

    public static void main(String[] args) {
        System.err.println("stand-in failing on purpose: datasource unreachable");
        System.exit(3);
    }
}
