package dev.doppel.cli;

import picocli.CommandLine;

/** The version, from the jar's manifest ("dev" when run from classes). */
public final class Versions implements CommandLine.IVersionProvider {
    public static String current() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"doppel " + current(), "Java " + System.getProperty("java.version")};
    }
}
