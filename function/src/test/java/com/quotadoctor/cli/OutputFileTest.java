package com.quotadoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class OutputFileTest {

    @TempDir
    Path directory;

    @Test
    void aNewFileGetsTheModeTheUmaskGivesLikeAShellRedirection() throws Exception {
        // what the process's umask makes of a plain new file, read from the file system: Java cannot ask for it
        Path plain = Files.createFile(directory.resolve("plain"));

        OutputFile.checked(directory.resolve("report.html")).write("<p>shared</p>");

        assertThat(Files.getPosixFilePermissions(directory.resolve("report.html")))
                .isEqualTo(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(directory.resolve("report.html"))).isEqualTo("<p>shared</p>");
        try (var left = Files.list(directory)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain", "report.html");
        }
    }

    @Test
    void anExistingFileKeepsItsMode() throws Exception {
        Path report = Files.writeString(directory.resolve("report.json"), "old");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r-----"));

        OutputFile.checked(report).write("new");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-r-----");
        assertThat(Files.readString(report)).isEqualTo("new");
    }

    @Test
    void anExistingFileKeepsItsGroupWhereTheUserMayGiveItThatGroup() throws Exception {
        Path report = Files.writeString(directory.resolve("shared.html"), "old");
        var view = Files.getFileAttributeView(report, java.nio.file.attribute.PosixFileAttributeView.class);
        var mine = view.readAttributes().group();
        java.nio.file.attribute.GroupPrincipal other = null;
        for (String name : new String[]{"staff", "users", "daemon", "adm", "nogroup"}) {
            try {
                var candidate = report.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
                view.setGroup(candidate);
                if (!candidate.equals(mine)) {
                    other = candidate;
                    break;
                }
            } catch (java.io.IOException notHereOrNotMine) {
                // try the next group
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "no second group this user may give a file to");

        OutputFile.checked(report).write("new");

        assertThat(Files.getFileAttributeView(report, java.nio.file.attribute.PosixFileAttributeView.class)
                .readAttributes().group()).isEqualTo(other);
        assertThat(Files.readString(report)).isEqualTo("new");
    }
}
