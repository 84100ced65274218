package raftlab.harness.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A run directory as a zip, streamed: its regular files under one folder named after the run. */
final class RunZip {
    private RunZip() {}

    static void write(Path run, String folder, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : RunPage.listing(run)) {
                zip.putNextEntry(new ZipEntry(folder + "/" + file.getFileName()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
