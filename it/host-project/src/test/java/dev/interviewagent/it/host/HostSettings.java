package dev.interviewagent.it.host;

import java.nio.file.Path;

/** What the build hands the integration test (failsafe's systemPropertyVariables in pom.xml). */
final class HostSettings {

    /** The project version: the SDK's, and the BOM's. */
    static final String VERSION = required("project.version");
    /** The temporary local repository invoker:install put the SDK into. */
    static final Path REPOSITORY = Path.of(required("it.repository"));
    /** The build's own local repository. */
    static final Path OUTER_REPOSITORY = Path.of(required("it.outerRepository"));
    /** Whether this build runs offline (-o): then so do the host builds. */
    static final boolean OFFLINE = Boolean.parseBoolean(required("it.offline"));
    /** The Maven that runs this build. */
    static final Path MAVEN_HOME = Path.of(required("maven.home"));

    private HostSettings() {
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set: run this test through Maven"
                    + " (./mvnw -pl it/host-project -am verify)");
        }
        return value;
    }
}
