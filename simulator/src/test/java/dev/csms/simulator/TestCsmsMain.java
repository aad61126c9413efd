package dev.csms.simulator;

import dev.csms.ocpp.schema.OcppSchemaValidator;
import java.util.concurrent.CountDownLatch;

/**
 * The test CSMS as a process, for measuring the simulator without the platform (docs/simulator.md, "Memory per
 * idle station"): accepts every station, answers like {@link TestCsms}, validates what stations send and prints
 * a count of violations when stopped. Not a test; run it from the test classpath:
 * {@code java -cp simulator/target/test-classes:simulator/target/classes:simulator/target/lib/* dev.csms.simulator.TestCsmsMain 18080}
 */
public final class TestCsmsMain {

    private TestCsmsMain() {
    }

    /** Starts the test CSMS on 127.0.0.1 at the given port and runs until killed. */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
        TestCsms csms = TestCsms.startUnrecorded(new OcppSchemaValidator(), port);
        System.out.println("test CSMS listening on " + csms.url());
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                System.out.println("test CSMS: " + csms.violations().size() + " schema violation(s)")));
        new CountDownLatch(1).await();
    }
}
