package com.quotadoctor.cli;

import picocli.CommandLine;

/** The version and commit from the jar's own manifest, so they never disagree with the build. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        if (version == null) {
            return new String[] {"quota-doctor (development build: not run from the packaged jar)"};
        }
        return new String[] {"quota-doctor " + version + commit().map(c -> " (commit " + c + ")").orElse("")};
    }

    /** The manifest's Build-Commit, read from the jar this class came from (not another jar's manifest). */
    private static java.util.Optional<String> commit() {
        try {
            var source = Version.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return java.util.Optional.empty();
            }
            try (var jar = new java.util.jar.JarFile(new java.io.File(source.getLocation().toURI()))) {
                var manifest = jar.getManifest();
                return java.util.Optional.ofNullable(manifest == null ? null
                                : manifest.getMainAttributes().getValue("Build-Commit"))
                        .filter(c -> c.matches("[0-9a-f]{7,40}"));
            }
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
