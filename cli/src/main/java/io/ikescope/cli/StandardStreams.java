package io.ikescope.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where a run reads '-' from and writes reports to: the process's own streams, or others given to
 * {@link Main#run(InputStream, OutputStream, OutputStream, String...)} (tests, embedding).
 *
 * @param terminal true when {@code out} is the process's standard output on a terminal (colour allowed)
 */
record StandardStreams(InputStream in, OutputStream out, boolean terminal) {

    /** Standard output as a raw file stream: reports are bytes, buffered by {@link Output}, not System.out's encoder. */
    static StandardStreams system() {
        return new StandardStreams(System.in, new FileOutputStream(FileDescriptor.out),
                Terminals.inputAndOutput());
    }
}
