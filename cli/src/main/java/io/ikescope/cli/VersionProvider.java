package io.ikescope.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar's manifest (the Maven project version). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"ikescope " + (v == null ? "(development build)" : v)};
    }
}
