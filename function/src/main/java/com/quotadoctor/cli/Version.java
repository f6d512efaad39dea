package com.quotadoctor.cli;

import picocli.CommandLine;

/** The version from the jar manifest, so it never disagrees with the build. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"quota-doctor " + (version == null ? "(development build)" : version)};
    }
}
