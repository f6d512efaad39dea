package com.quotadoctor.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shaded jar every function runs: built by the function module, found from the root or from infra/. */
final class FunctionJar {

    private FunctionJar() {
    }

    static String path() {
        String configured = System.getProperty("quotadoctor.jar");
        List<Path> candidates = configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("function", "target", "quota-doctor.jar"), Path.of("..", "function", "target", "quota-doctor.jar"));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .orElseThrow(() -> new IllegalStateException("the function jar is not built (looked for "
                        + candidates + "); run: mvn -q -B package -DskipTests"));
    }
}
